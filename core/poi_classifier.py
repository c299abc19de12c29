"""Classifying real POIs (Amap, Baidu, Tencent, OSM exports) into the standard's facility categories.

The vocabularies are data (standards/sources/*.yaml); this module only applies them, in the order
of precedence a planner can predict:

    user mapping table > type code > the most specific type level > the name > the broader levels

- A type code or type level says a category (decisive), `out_of_scope` (decisive: a café is never a
  facility of the guide) or `generic` (诊所, 乡镇以下级政府及事业单位, 生活服务场所: the name decides, and the
  entry's default applies only when the name says nothing).
- Names are read from the end, as Chinese names are written: the bracketed branch or place (…店) is
  removed and the longest known suffix decides (幼儿园路便利店 → convenience store). A bracketed part
  that is itself a facility name adds its category (翠竹社区服务站(老年服务站)).
- A POI can house several functions: the result holds every category, in order, joined by ';' in
  outputs.

Pure Python; no QGIS.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Tuple

from ..standards.schema import normalise_label
from .categories import CATEGORY_SEPARATOR, category_codes
from .values import is_missing
from ..standards.vocabulary import CATEGORY, GENERIC_SOURCE, OUT_OF_SCOPE, Decision

# How a POI was matched (cc_match) …
MATCH_MAPPING_TABLE = "mapping_table"
MATCH_TYPECODE = "typecode"
MATCH_TYPE = "type"
MATCH_NAME = "name"
MATCH_ALIAS = "alias"
MATCHES = (MATCH_MAPPING_TABLE, MATCH_TYPECODE, MATCH_TYPE, MATCH_NAME, MATCH_ALIAS)
# … or why it was not counted.
REASON_OUT_OF_SCOPE_TYPE = "out_of_scope_type"
REASON_OUT_OF_SCOPE_NAME = "out_of_scope_name"
REASON_GENERIC_TYPE = "generic_type_unrecognised_name"
REASON_UNKNOWN_TYPE = "unknown_type"
REASON_NO_TYPE = "no_type_unrecognised_name"
REASONS = (REASON_OUT_OF_SCOPE_TYPE, REASON_OUT_OF_SCOPE_NAME, REASON_GENERIC_TYPE, REASON_UNKNOWN_TYPE,
           REASON_NO_TYPE)

_BRACKETED = re.compile(r"[(\[【<《]([^()\[\]【】<>《》]*)[)\]】>》]")
_NAME_SEPARATORS = re.compile(r"[、·/|+&]")
# A bracketed part naming a branch or a place, never a function: 翠竹店, 光谷分店, 2号门店.
_BRANCH = re.compile(r"(店|分店|门店|分部|校区|院区|营业部)$")
_GENERIC_SEPARATORS = re.compile(r"[;；:：|>]")


@dataclass(frozen=True)
class PoiClassification:
    categories: Tuple[str, ...] = ()
    match: str = ""      # one of MATCHES when counted
    reason: str = ""     # one of REASONS when not
    detail: str = ""     # the entry that decided, e.g. '幼儿园', 'typecode 141204', 'name …便利店'

    @property
    def counted(self):
        return bool(self.categories)

    @property
    def category_text(self):
        return CATEGORY_SEPARATOR.join(self.categories)


def _text(value):
    return "" if is_missing(value) else str(value).strip()


def _unique(codes):
    seen = []
    for code in codes:
        if code not in seen:
            seen.append(code)
    return tuple(seen)


class PoiClassifier:
    """Classify POIs of one source (amap, baidu, tencent, osm or generic) for one standard."""

    def __init__(self, standard, vocabularies, source_id, user_mapping=None):
        self.standard = standard
        self.names = vocabularies.names
        self.source_id = source_id
        if source_id == GENERIC_SOURCE:
            self.vocabulary = None
            # A table of unknown origin: any provider's type strings may appear in it.
            self.types = {}
            for vocabulary in vocabularies.sources.values():
                for key, decision in vocabulary.types.items():
                    self.types.setdefault(key, decision)
            self.typecodes, self.tags = {}, {}
            for vocabulary in vocabularies.sources.values():
                for key, decision in vocabulary.tags.items():
                    self.tags.setdefault(key, decision)
            self.level_separators = _GENERIC_SEPARATORS
            self.multi_separator = "|"
        else:
            self.vocabulary = vocabularies.source(source_id)
            self.types, self.typecodes, self.tags = (self.vocabulary.types, self.vocabulary.typecodes,
                                                     self.vocabulary.tags)
            self.level_separators = re.compile(re.escape(self.vocabulary.level_separator))
            self.multi_separator = self.vocabulary.multi_separator
        self.aliases = {}
        for category in standard.categories:
            for label in (category.code,) + category.aliases + category.osm_tags + (category.name.zh,
                                                                                      category.name.en):
                self.aliases.setdefault(normalise_label(label), category.code)
        self.user = {normalise_label(value): code for value, code in (user_mapping or {}).items()}

    # -- the pieces --------------------------------------------------------------------------------
    def type_paths(self, type_text):
        """[[level, …], …]: one list of normalised levels (broadest first) per type of the POI."""
        text = _text(type_text)
        if not text:
            return []
        paths = []
        for part in text.split(self.multi_separator) if self.multi_separator else [text]:
            levels = [normalise_label(level) for level in self.level_separators.split(part) if level.strip()]
            if levels:
                paths.append(levels)
        return paths

    def _level_decision(self, level):
        decision = self.types.get(level)
        if decision is not None:
            return decision, MATCH_TYPE
        code = self.aliases.get(level)
        if code is not None:
            return _category_decision(code, level), MATCH_ALIAS
        return None, None

    def _tag_decision(self, tag):
        decision = self.tags.get(tag)
        if decision is not None:
            return decision, MATCH_TYPE
        code = self.aliases.get(tag)
        if code is not None:
            return _category_decision(code, tag), MATCH_ALIAS
        return None, None

    def _typecode_decision(self, code, exact=False):
        """The decision of a type code; unless `exact`, a sub-code not listed falls back to its middle class
        (Amap's codes are hierarchical: 060201 → 060200)."""
        code = code.strip()
        decision = self.typecodes.get(code)
        if decision is None and not exact and len(code) == 6 and code.isdigit() and not code.endswith("00"):
            decision = self.typecodes.get(code[:4] + "00")
        return decision

    def _suffix(self, text):
        for length in range(min(len(text), self.names.longest_suffix), 0, -1):
            decision = self.names.suffixes.get(text[-length:])
            if decision is not None:
                return decision
        return None

    def _brand(self, text):
        best = None
        for brand, decision in self.names.brands.items():
            if text.startswith(brand) and (best is None or len(brand) > len(best[0])):
                best = (brand, decision)
        return best[1] if best else None

    def name_decision(self, name):
        """(categories, out_of_scope, detail, extra categories) from a POI name.

        `categories` come from the name itself (bracketed parts removed); `extra` from bracketed parts
        that name a function of their own (added to a type's decision too).
        """
        text = unicodedata.normalize("NFKC", _text(name))
        if not text:
            return (), False, "", ()
        parts = [part for part in _BRACKETED.findall(text)]
        main = normalise_label(_BRACKETED.sub("", text))
        categories, out_of_scope, detail = [], False, ""
        for piece in (piece for piece in _NAME_SEPARATORS.split(main) if piece):
            decision = self._suffix(piece)
            if decision is None:
                continue
            if decision.kind == CATEGORY:
                categories.extend(decision.categories)
                detail = detail or decision.written
            elif decision.kind == OUT_OF_SCOPE:
                out_of_scope = True
                detail = detail or decision.written
        if not categories and not out_of_scope and main:
            decision = self._brand(main)
            if decision is not None:
                if decision.kind == CATEGORY:
                    categories.extend(decision.categories)
                elif decision.kind == OUT_OF_SCOPE:
                    out_of_scope = True
                detail = decision.written
        extra = []
        for part in parts:
            part = normalise_label(part)
            if not part or _BRANCH.search(part):
                continue
            decision = self._suffix(part)
            if decision is not None and decision.kind == CATEGORY:
                extra.extend(decision.categories)
                detail = detail or decision.written
        return _unique(categories), out_of_scope and not categories, detail, _unique(extra)

    def _refined(self, categories, name_categories):
        """The type's categories, each replaced by what the name says when the name names another category of
        the same item of the guide: Amap types every public toilet 公共厕所, the name tells a 箱体式公厕."""
        if not name_categories:
            return categories
        item_of = {}
        for code in name_categories:
            item_of.setdefault(self.standard.category(code).item, code)
        return _unique(tuple(item_of.get(self.standard.category(code).item, code) for code in categories))

    def tags_of(self, tag_values):
        """Normalised 'key=value' tags from {key: value} fields and OSM `other_tags` hstore text."""
        tags = []
        for key, value in tag_values.items():
            text = _text(value)
            if not text:
                continue
            if key == "other_tags" or "=>" in text:
                for tag_key, tag_value in re.findall(r'"([^"]+)"\s*=>\s*"([^"]*)"', text):
                    tags.append(normalise_label("{}={}".format(tag_key, tag_value)))
            else:
                tags.append(normalise_label("{}={}".format(key, text)))
        return tags

    # -- the decision ------------------------------------------------------------------------------
    def classify(self, name=None, type_text=None, typecode=None, tags=None):
        """The PoiClassification of one POI: `tags` is {key: value} for OSM layers."""
        name_text, type_value, code_text = _text(name), _text(type_text), _text(typecode)
        paths = self.type_paths(type_value)
        tag_list = self.tags_of(tags or {})

        # 1. the user's mapping table: the whole type, any level, the code, a tag or the name
        if self.user:
            keys = [normalise_label(type_value)] + [level for path in reversed(paths) for level in reversed(path)]
            keys += [normalise_label(code) for code in code_text.split(self.multi_separator or "|") if code.strip()]
            keys += tag_list + [normalise_label(name_text)]
            for key in keys:
                if key and key in self.user:
                    return PoiClassification(category_codes(self.user[key]), MATCH_MAPPING_TABLE, "", key)

        name_categories, name_out, name_detail, name_extra = self.name_decision(name_text)
        generic_defaults, generic_seen, out_detail = [], False, ""

        def decided(categories, match, detail):
            if name_out:  # the name ends with a kind the guide does not count (…高级中学, …银行): never counted
                return PoiClassification((), "", REASON_OUT_OF_SCOPE_NAME, name_detail)
            return PoiClassification(_unique(self._refined(tuple(categories), name_categories) + name_extra), match,
                                     "", detail)

        # 2. type codes (a code's middle class only when the type text says nothing more specific)
        categories = []
        codes = [code for code in code_text.split(self.multi_separator or "|") if code.strip()]
        specific_known = any(self._level_decision(path[-1])[0] is not None for path in paths)
        for code in codes:
            decision = self._typecode_decision(code, exact=specific_known)
            if decision is None:
                continue
            if decision.kind == CATEGORY:
                categories.extend(decision.categories)
            elif decision.kind == OUT_OF_SCOPE:
                out_detail = out_detail or "typecode " + code.strip()
            else:
                generic_seen = True
                generic_defaults.extend(decision.categories)
        if categories:
            return decided(categories, MATCH_TYPECODE, "typecode " + code_text)

        # 3. the most specific type level of each type (and OSM tags, which are as specific as OSM gets)
        matches = []
        for level in [path[-1] for path in paths]:
            decision, match = self._level_decision(level)
            if decision is None:
                continue
            if decision.kind == CATEGORY:
                categories.extend(decision.categories)
                matches.append((match, decision.written))
            elif decision.kind == OUT_OF_SCOPE:
                out_detail = out_detail or decision.written
            else:
                generic_seen = True
                generic_defaults.extend(decision.categories)
        for tag in tag_list:
            decision, match = self._tag_decision(tag)
            if decision is None:
                continue
            if decision.kind == CATEGORY:
                categories.extend(decision.categories)
                matches.append((match, decision.written))
            elif decision.kind == OUT_OF_SCOPE:
                out_detail = out_detail or decision.written
            else:
                generic_seen = True
                generic_defaults.extend(decision.categories)
        if categories:
            return decided(categories, matches[0][0], matches[0][1])
        if out_detail:
            return PoiClassification((), "", REASON_OUT_OF_SCOPE_TYPE, out_detail)

        # 4. the name
        if name_categories:
            return PoiClassification(_unique(name_categories + name_extra), MATCH_NAME, "", name_detail)
        if name_out:
            return PoiClassification((), "", REASON_OUT_OF_SCOPE_NAME, name_detail)
        if name_extra:
            return PoiClassification(name_extra, MATCH_NAME, "", name_detail)
        if generic_defaults:
            return decided(generic_defaults, MATCH_TYPE, "default of a generic type")

        # 5. the broader levels, most specific first
        broad_out = ""
        for path in paths:
            for level in reversed(path[:-1]):
                decision, match = self._level_decision(level)
                if decision is None:
                    continue
                if decision.kind == CATEGORY:
                    return decided(decision.categories, match, decision.written)
                if decision.kind == OUT_OF_SCOPE:
                    broad_out = broad_out or decision.written
                    break  # a broader level cannot bring back what a narrower one ruled out
                generic_seen = True
                if decision.categories:
                    return decided(decision.categories, MATCH_TYPE, decision.written)
        if broad_out:
            return PoiClassification((), "", REASON_OUT_OF_SCOPE_TYPE, broad_out)
        if generic_seen:
            return PoiClassification((), "", REASON_GENERIC_TYPE, type_value or code_text)
        if paths or code_text or tag_list:
            return PoiClassification((), "", REASON_UNKNOWN_TYPE, type_value or code_text or ",".join(tag_list))
        return PoiClassification((), "", REASON_NO_TYPE, name_text)


def _category_decision(code, written):
    return Decision(CATEGORY, (code,), written)
