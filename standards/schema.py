"""Validating a standard document (after merging any local overlay) and building the model.

Every problem is collected with the file, line and key path where it was written, so a planner
editing a city's YAML sees all their typos at once instead of a Python traceback.
"""

import difflib
import hashlib
import json
import math
import re
import unicodedata

from ..i18n import tr
from . import measure_kinds as kinds
from .model import (ABOVE_MAX, APPLIES_TO, ATTRIBUTE_TYPES, IF_MISSING, LEVELS, SCOPES, UNITS,
                    Attribute, Category, Condition, Group, Item, Location, Measure, Rule, Standard, Text, Threshold,
                    Where)
from .yaml_source import LocatedDict, LocatedList, StandardError, StandardIssue

SCHEMA_VERSION = 1

TOP_LEVEL_KEYS = ("schema_version", "id", "name", "version", "source", "clause_note", "extends", "walking", "groups",
                  "community_attributes", "facility_attributes", "categories", "items", "rules", "remove_rules")
WALKING_KEYS = ("speed_m_per_min", "clause")
GROUP_KEYS = ("number", "name", "clause")
ATTRIBUTE_KEYS = ("name", "type", "unit")
CATEGORY_KEYS = ("name", "item", "aliases", "osm")
ITEM_KEYS = ("number", "group", "scope", "name", "clause", "requirement", "guidance")
RULE_KEYS = ("id", "item", "name", "clause", "level", "applies_to", "measure", "unit", "min", "max",
             "guide_range", "above_max", "when", "any_of", "note")
OPTION_KEYS = ("id", "name", "clause", "applies_to", "measure", "unit", "min", "max", "guide_range", "above_max",
               "when")
THRESHOLD_KEYS = ("ratio", "of", "at_least")
WHERE_KEYS = ("min", "max")
WHEN_KEYS = ("attribute", "equals", "if_missing")

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
RULE_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
OSM_TAG_PATTERN = re.compile(r"^[a-z_:]+=[^=\s]+$")


_CONTEXT = "StandardSchema"


def normalise_label(text):
    """The form in which category labels are compared: full-width folded, case-folded, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).casefold()


class _Checker:
    """Collects issues while the document is read; `where` is a (path, line) pair."""

    def __init__(self):
        self.issues = []

    def error(self, where, key_path, message):
        self.issues.append(StandardIssue(where[0], where[1], key_path, message))

    def known_keys(self, mapping, allowed, key_path):
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = tr("did you mean '{}'?", _CONTEXT).format(close[0]) if close else tr(
                    "allowed keys: {}", _CONTEXT).format(", ".join(allowed))
                self.error(mapping.place_of(key), _join(key_path, key), tr("unknown key; {}", _CONTEXT).format(hint))

    def present(self, parent, key, key_path, required):
        """The value under `key`, or None; a missing (or empty) required key is reported."""
        value = parent.get(key)
        if value is None and required:
            place = parent.place_of(key) if key in parent else (parent.path, parent.line)
            self.error(place, _join(key_path, key), tr("missing; this key is required", _CONTEXT))
        return value

    def mapping(self, parent, key, key_path, required=True):
        value = self.present(parent, key, key_path, required)
        if value is None:
            return None
        if not isinstance(value, LocatedDict):
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("must be a mapping of keys, not {}", _CONTEXT).format(_type_name(value)))
            return None
        return value

    def string(self, parent, key, key_path, required=True, pattern=None):
        value = self.present(parent, key, key_path, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("must be text, not {}", _CONTEXT).format(_type_name(value)))
            return None
        value = str(value)
        if pattern is not None and not pattern.match(value):
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("'{}' is not a valid code (lower-case letters, digits and _ only)", _CONTEXT).format(value))
            return None
        return value

    def number(self, parent, key, key_path, required=True, positive=False, non_negative=False):
        value = self.present(parent, key, key_path, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("must be a number, not {} ('{}')", _CONTEXT).format(_type_name(value), _short(value)))
            return None
        if not math.isfinite(value):
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("must be a finite number, not {}", _CONTEXT).format(value))
            return None
        if non_negative and value < 0:
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("must not be negative ({})", _CONTEXT).format(value))
            return None
        if positive and value <= 0:
            self.error(parent.place_of(key), _join(key_path, key), tr("must be greater than 0", _CONTEXT))
            return None
        return value

    def choice(self, parent, key, key_path, choices, default=None):
        value = parent.get(key, default)
        if value is None:
            self.error((parent.path, parent.line), _join(key_path, key), tr("missing; this key is required", _CONTEXT))
            return None
        if value not in choices:
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
            hint = tr("did you mean '{}'?", _CONTEXT).format(close[0]) if close else tr(
                "one of: {}", _CONTEXT).format(", ".join(choices))
            self.error(parent.place_of(key), _join(key_path, key),
                       tr("unknown value '{}'; {}", _CONTEXT).format(value, hint))
            return None
        return value

    def text(self, parent, key, key_path, required=True):
        value = self.mapping(parent, key, key_path, required)
        if value is None:
            return None
        self.known_keys(value, ("zh", "en"), _join(key_path, key))
        zh = self.string(value, "zh", _join(key_path, key))
        en = self.string(value, "en", _join(key_path, key))
        return Text(zh, en) if zh and en else None

    def string_list(self, parent, key, key_path):
        value = parent.get(key)
        if value is None:
            return ()
        if not isinstance(value, LocatedList):
            self.error(parent.place_of(key), _join(key_path, key), tr("must be a list", _CONTEXT))
            return ()
        result = []
        for index, entry in enumerate(value):
            if isinstance(entry, bool) or not isinstance(entry, (str, int, float)):
                self.error(value.place_of(index), "{}[{}]".format(_join(key_path, key), index),
                           tr("must be text, not {}", _CONTEXT).format(_type_name(entry)))
            else:
                result.append(str(entry))
        return tuple(result)


def _join(key_path, key):
    return "{}.{}".format(key_path, key) if key_path else str(key)


def _short(value, limit=60):
    """A value as text for a message, cut short: an error message never repeats a whole value."""
    text = str(value) if not isinstance(value, (list, dict)) else "{}…".format(type(value).__name__)
    return text if len(text) <= limit else text[:limit] + "…"


def _type_name(value):
    if isinstance(value, bool):
        return tr("yes/no", _CONTEXT)
    if isinstance(value, (int, float)):
        return tr("a number", _CONTEXT)
    if isinstance(value, str):
        return tr("text", _CONTEXT)
    if isinstance(value, list):
        return tr("a list", _CONTEXT)
    if isinstance(value, dict):
        return tr("a mapping", _CONTEXT)
    return type(value).__name__


def _location(mapping, key=None):
    path, line = mapping.place_of(key) if key is not None else (mapping.path, mapping.line)
    return Location(path, line)


# ---------------------------------------------------------------------------------------------------------------
# Merging a local standard onto the one it extends


def merge_documents(base, overlay):
    """The base document with the overlay's additions and overrides; places stay with the keys.

    Named sections merge entry by entry (an entry's fields replace the base's; `aliases` and `osm`
    lists are added to); rules merge by id; `remove_rules` drops base rules.
    """
    checker = _Checker()
    merged = _copy_mapping(base)
    for key, value in overlay.items():
        if key in ("extends", "remove_rules", "rules"):
            continue
        if key in ("groups", "community_attributes", "facility_attributes", "categories", "items") and isinstance(
                value, LocatedDict) and isinstance(base.get(key), LocatedDict):
            merged[key] = _merge_named_section(base[key], value)
        elif key == "walking" and isinstance(value, LocatedDict) and isinstance(base.get(key), LocatedDict):
            merged[key] = _merge_entry(base[key], value)
        else:
            merged[key] = value
        merged.key_places[key] = overlay.place_of(key)

    rules = LocatedList(base.get("rules") or [])
    rules.path, rules.line = base.get("rules", LocatedList()).path, base.get("rules", LocatedList()).line
    rules.item_places = list(getattr(base.get("rules"), "item_places", []))
    position = {rule.get("id"): index for index, rule in enumerate(rules) if isinstance(rule, LocatedDict)}

    removals = overlay.get("remove_rules") or []
    if removals and not isinstance(removals, LocatedList):
        checker.error(overlay.place_of("remove_rules"), "remove_rules", tr("must be a list of rule ids", _CONTEXT))
        removals = []
    removed = set()
    for index, rule_id in enumerate(removals):
        if rule_id not in position:
            checker.error(removals.place_of(index), "remove_rules[{}]".format(index),
                          tr("no rule '{}' in the standard this file extends", _CONTEXT).format(rule_id))
        removed.add(rule_id)

    overlay_rules = overlay.get("rules") or []
    if overlay_rules and not isinstance(overlay_rules, LocatedList):
        checker.error(overlay.place_of("rules"), "rules", tr("must be a list of rules", _CONTEXT))
        overlay_rules = []
    for index, rule in enumerate(overlay_rules):
        rule_id = rule.get("id") if isinstance(rule, LocatedDict) else None
        if rule_id in position:
            rules[position[rule_id]] = _merge_entry(rules[position[rule_id]], rule)
        else:
            rules.append(rule)
            rules.item_places.append(overlay_rules.place_of(index))
    kept = LocatedList(rule for rule in rules if not (isinstance(rule, LocatedDict) and rule.get("id") in removed))
    kept.path, kept.line = rules.path, rules.line
    kept.item_places = [place for rule, place in zip(rules, rules.item_places)
                        if not (isinstance(rule, LocatedDict) and rule.get("id") in removed)]
    merged["rules"] = kept
    return merged, checker.issues


def _copy_mapping(mapping):
    copy = LocatedDict(mapping)
    copy.path, copy.line = mapping.path, mapping.line
    copy.key_places = dict(mapping.key_places)
    return copy


def _merge_named_section(base_section, overlay_section):
    merged = _copy_mapping(base_section)
    for code, entry in overlay_section.items():
        base_entry = base_section.get(code)
        if isinstance(base_entry, LocatedDict) and isinstance(entry, LocatedDict):
            merged[code] = _merge_entry(base_entry, entry, extend_lists=("aliases", "osm"))
        else:
            merged[code] = entry
        merged.key_places[code] = overlay_section.place_of(code)
    return merged


def _merge_entry(base_entry, overlay_entry, extend_lists=()):
    """The base entry with the overlay's keys; the entry as a whole is now located in the overlay."""
    merged = _copy_mapping(base_entry)
    merged.path, merged.line = overlay_entry.path, overlay_entry.line
    for key, value in overlay_entry.items():
        if key in extend_lists and isinstance(value, LocatedList) and isinstance(base_entry.get(key), LocatedList):
            combined = LocatedList(list(base_entry[key]) + list(value))
            combined.path, combined.line = value.path, value.line
            combined.item_places = list(base_entry[key].item_places) + list(value.item_places)
            merged[key] = combined
        else:
            merged[key] = value
        merged.key_places[key] = overlay_entry.place_of(key)
    return merged


# ---------------------------------------------------------------------------------------------------------------
# Building the model


def build_standard(document, files):
    """Validate a (merged) document and return a Standard; raise StandardError listing every issue."""
    check = _Checker()
    check.known_keys(document, TOP_LEVEL_KEYS, "")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        check.error(document.place_of("schema_version"), "schema_version",
                    tr("must be {} (this plugin reads schema version {}), found '{}'", _CONTEXT).format(
                        SCHEMA_VERSION, SCHEMA_VERSION, version))
    standard_id = check.string(document, "id", "", pattern=CODE_PATTERN)
    version = check.string(document, "version", "", required=False) or ""
    name = check.text(document, "name", "")
    source = check.text(document, "source", "")
    clause_note = check.text(document, "clause_note", "", required=False) or Text("", "")

    walking = check.mapping(document, "walking", "")
    speed = None
    if walking is not None:
        check.known_keys(walking, WALKING_KEYS, "walking")
        speed = check.number(walking, "speed_m_per_min", "walking", positive=True)

    groups = _named_section(check, document, "groups", GROUP_KEYS, _build_group)
    community_attributes = _named_section(check, document, "community_attributes", ATTRIBUTE_KEYS, _build_attribute)
    facility_attributes = _named_section(check, document, "facility_attributes", ATTRIBUTE_KEYS, _build_attribute)
    items = _named_section(check, document, "items", ITEM_KEYS, _build_item)
    categories = _named_section(check, document, "categories", CATEGORY_KEYS, _build_category)

    known = {
        "groups": {group.code for group in groups},
        "items": {item.code: item for item in items},
        "categories": {category.code for category in categories},
        "labels": {normalise_label(label): category.code for category in categories
                   for label in category.aliases + (category.name.zh, category.name.en)},
        "community": {attribute.code: attribute for attribute in community_attributes},
        "facility": {attribute.code: attribute for attribute in facility_attributes},
    }
    _check_item_groups(check, document, items, known)
    _check_category_items(check, document, categories, known)
    _check_aliases_unique(check, document, categories)

    rules = []
    raw_rules = document.get("rules")
    if not isinstance(raw_rules, LocatedList) or not raw_rules:
        check.error(document.place_of("rules"), "rules", tr("must be a non-empty list of rules", _CONTEXT))
        raw_rules = LocatedList()
    seen = {}
    for index, raw in enumerate(raw_rules):
        key_path = "rules[{}]".format(index)
        if not isinstance(raw, LocatedDict):
            check.error(raw_rules.place_of(index), key_path, tr("each rule must be a mapping of keys", _CONTEXT))
            continue
        if raw.get("id"):
            # Name the rule by id: in a merged standard the list position means nothing to the author.
            key_path = "rules[{}]".format(raw.get("id"))
        rule = _build_rule(check, raw, key_path, known)
        if rule is None:
            continue
        if rule.id in seen:
            check.error(raw.place_of("id"), _join(key_path, "id"),
                        tr("rule id used twice (first at {})", _CONTEXT).format(seen[rule.id]))
            continue
        seen[rule.id] = rule.location
        rules.append(rule)

    if check.issues:
        raise StandardError(check.issues)
    return Standard(
        id=standard_id, name=name, source=source, clause_note=clause_note, walking_speed_m_per_min=float(speed),
        groups=tuple(groups), items=tuple(items), categories=tuple(categories),
        community_attributes=tuple(community_attributes), facility_attributes=tuple(facility_attributes),
        rules=tuple(rules), files=tuple(str(path) for path in files), version=version,
        content_hash=content_hash(document))


def content_hash(document):
    """sha256 of the merged document's content (not of its files: comments and layout do not count, and an
    overlay's result hashes what was merged). Two runs with the same hash used exactly the same rules."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _named_section(check, document, section, allowed_keys, build):
    raw = check.mapping(document, section, "")
    if raw is None:
        return []
    built = []
    for code, entry in raw.items():
        key_path = _join(section, code)
        if not isinstance(code, str) or not CODE_PATTERN.match(code):
            check.error(raw.place_of(code), key_path,
                        tr("'{}' is not a valid code (lower-case letters, digits and _ only)", _CONTEXT).format(code))
            continue
        if not isinstance(entry, LocatedDict):
            check.error(raw.place_of(code), key_path, tr("must be a mapping of keys", _CONTEXT))
            continue
        check.known_keys(entry, allowed_keys, key_path)
        value = build(check, code, entry, key_path, raw)
        if value is not None:
            built.append(value)
    return built


def _build_group(check, code, entry, key_path, section):
    number = check.number(entry, "number", key_path)
    name = check.text(entry, "name", key_path)
    clause = check.string(entry, "clause", key_path)
    if None in (number, name, clause):
        return None
    return Group(code, int(number), name, clause, _location(section, code))


def _build_attribute(check, code, entry, key_path, section):
    name = check.text(entry, "name", key_path)
    kind = check.choice(entry, "type", key_path, ATTRIBUTE_TYPES)
    unit = check.choice(entry, "unit", key_path, UNITS) if "unit" in entry else None
    if None in (name, kind):
        return None
    return Attribute(code, name, kind, unit, _location(section, code))


def _build_item(check, code, entry, key_path, section):
    number = check.number(entry, "number", key_path, required=False)
    group = check.string(entry, "group", key_path, pattern=CODE_PATTERN)
    scope = check.choice(entry, "scope", key_path, SCOPES, default="community")
    name = check.text(entry, "name", key_path)
    clause = check.string(entry, "clause", key_path)
    requirement = check.text(entry, "requirement", key_path)
    guidance = check.text(entry, "guidance", key_path, required=False)
    if None in (group, scope, name, clause, requirement):
        return None
    return Item(code, int(number) if number is not None else None, group, scope, name, clause, requirement,
                _location(section, code), guidance)


def _build_category(check, code, entry, key_path, section):
    name = check.text(entry, "name", key_path)
    item = check.string(entry, "item", key_path, pattern=CODE_PATTERN)
    aliases = check.string_list(entry, "aliases", key_path)
    osm = check.string_list(entry, "osm", key_path)
    for index, tag in enumerate(osm):
        if not OSM_TAG_PATTERN.match(tag):
            check.error(entry["osm"].place_of(index), "{}.osm".format(key_path),
                        tr("'{}' is not an OpenStreetMap tag of the form key=value", _CONTEXT).format(tag))
    if None in (name, item):
        return None
    return Category(code, name, item, aliases, osm, _location(section, code))


def _check_item_groups(check, document, items, known):
    for item in items:
        if item.group not in known["groups"]:
            check.error(document["items"][item.code].place_of("group"), "items.{}.group".format(item.code),
                        _unknown_reference(tr("group", _CONTEXT), item.group, known["groups"]))


def _check_category_items(check, document, categories, known):
    for category in categories:
        if category.item not in known["items"]:
            check.error(document["categories"][category.code].place_of("item"),
                        "categories.{}.item".format(category.code),
                        _unknown_reference(tr("item", _CONTEXT), category.item, known["items"]))


def _check_aliases_unique(check, document, categories):
    """A label that maps to two categories would classify facilities arbitrarily."""
    owners = {}
    for category in categories:
        entry = document["categories"][category.code]
        labels = [(category.code, entry.place_of("item"), "categories.{}".format(category.code))]
        for key in ("aliases", "osm"):
            values = entry.get(key) if isinstance(entry.get(key), LocatedList) else []
            labels += [(str(value), values.place_of(index), "categories.{}.{}".format(category.code, key))
                       for index, value in enumerate(values)]
        for label, place, key_path in labels:
            normalised = normalise_label(label)
            owner = owners.get(normalised)
            if owner is not None and owner[0] != category.code:
                check.error(place, key_path, tr("'{}' already names category '{}' ({}:{})", _CONTEXT).format(
                    label, owner[0], owner[1][0], owner[1][1]))
            elif owner is None:
                owners[normalised] = (category.code, place)


def _unknown_reference(what, value, known):
    close = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.5)
    hint = tr("did you mean '{}'?", _CONTEXT).format(close[0]) if close else tr(
        "define it first or check the spelling", _CONTEXT)
    return tr("unknown {} '{}'; {}", _CONTEXT).format(what, value, hint)


def _build_rule(check, raw, key_path, known, parent=None):
    """A rule, or (with `parent`) one alternative of an any_of rule, which inherits item and level."""
    check.known_keys(raw, OPTION_KEYS if parent else RULE_KEYS, key_path)
    if parent is None:
        rule_id = check.string(raw, "id", key_path)
        if rule_id is not None and not RULE_ID_PATTERN.match(rule_id):
            check.error(raw.place_of("id"), _join(key_path, "id"), tr(
                "'{}' is not a valid rule id; write <item>.<name>, e.g. kindergarten.building_area",
                _CONTEXT).format(rule_id))
            rule_id = None
        item = check.string(raw, "item", key_path, pattern=CODE_PATTERN)
        if item is not None and item not in known["items"]:
            check.error(raw.place_of("item"), _join(key_path, "item"),
                        _unknown_reference(tr("item", _CONTEXT), item, known["items"]))
            item = None
        if rule_id and item and not rule_id.startswith(item + "."):
            check.error(raw.place_of("id"), _join(key_path, "id"),
                        tr("a rule id starts with its item code: '{}.…'", _CONTEXT).format(item))
        level = check.choice(raw, "level", key_path, LEVELS)
        clause = check.string(raw, "clause", key_path)
    else:
        short_id = check.string(raw, "id", key_path, pattern=CODE_PATTERN)
        rule_id = "{}.{}".format(parent["id"], short_id) if short_id else None
        item, level = parent["item"], parent["level"]
        clause = check.string(raw, "clause", key_path, required=False) or parent["clause"]
    name = check.text(raw, "name", key_path)
    applies_to = check.choice(raw, "applies_to", key_path, APPLIES_TO, default="both")
    when = _build_condition(check, raw, key_path, known)
    guide_range = _build_guide_range(check, raw, key_path)

    options = ()
    measure = unit = minimum = maximum = None
    if "any_of" in raw and parent is None:
        if "measure" in raw:
            check.error(raw.place_of("measure"), _join(key_path, "measure"), tr(
                "a rule has either a measure or any_of alternatives, not both", _CONTEXT))
        options = _build_options(check, raw, key_path, known,
                                 {"id": rule_id, "item": item, "level": level, "clause": clause})
    else:
        measure = _build_measure(check, raw, key_path, known)
        unit = _measure_unit(check, raw, key_path, measure, known)
        minimum = _build_threshold(check, raw, "min", key_path, known)
        maximum = _build_threshold(check, raw, "max", key_path, known)
        if measure is not None and kinds.MEASURE_KINDS[measure.kind].all_of:
            if minimum is None and maximum is None:
                minimum = Threshold(value=float(len(measure.attributes)))  # every item on the list
        elif measure is not None and "min" not in raw and "max" not in raw and level != "informative":
            # An informative rule may only report a value: the guide names it without a number.
            check.error((raw.path, raw.line), key_path, tr("needs a threshold: min, max or both", _CONTEXT))
        if (minimum and maximum and not minimum.is_proportional and not maximum.is_proportional
                and minimum.value > maximum.value):
            check.error(raw.place_of("max"), _join(key_path, "max"),
                        tr("max {:g} is below min {:g}", _CONTEXT).format(maximum.value, minimum.value))

    above_max = check.choice(raw, "above_max", key_path, ABOVE_MAX, default="fail")
    if "above_max" in raw and "max" not in raw:
        check.error(raw.place_of("above_max"), _join(key_path, "above_max"), tr("the rule has no max", _CONTEXT))
    note = check.text(raw, "note", key_path, required=False) if parent is None else None
    if None in (rule_id, item, level, clause, name, applies_to, above_max) or (measure is None and not options):
        return None
    return Rule(id=rule_id, item=item, name=name, clause=clause, level=level, applies_to=applies_to,
                measure=measure, unit=unit, min=minimum, max=maximum, guide_range=guide_range, when=when,
                options=options, location=_location(raw), note=note, above_max=above_max)


def _build_options(check, raw, key_path, known, parent):
    options_raw = raw.get("any_of")
    if not isinstance(options_raw, LocatedList) or len(options_raw) < 2:
        check.error(raw.place_of("any_of"), _join(key_path, "any_of"),
                    tr("must list at least two alternatives", _CONTEXT))
        return ()
    if None in parent.values():
        return ()
    options, ids = [], set()
    for index, option_raw in enumerate(options_raw):
        option_path = "{}.any_of[{}]".format(key_path, index)
        if not isinstance(option_raw, LocatedDict):
            check.error(options_raw.place_of(index), option_path, tr("must be a mapping of keys", _CONTEXT))
            continue
        option = _build_rule(check, option_raw, option_path, known, parent=parent)
        if option is None:
            continue
        if option.id in ids:
            check.error(option_raw.place_of("id"), _join(option_path, "id"),
                        tr("alternative id used twice", _CONTEXT))
        ids.add(option.id)
        options.append(option)
    return tuple(options)


def _build_measure(check, raw, key_path, known):
    """A Measure from its YAML mapping: the keys its kind takes (standards/measure_kinds.py), each checked
    for what it holds."""
    measure_raw = check.mapping(raw, "measure", key_path)
    if measure_raw is None:
        return None
    path = _join(key_path, "measure")
    kind_code = check.choice(measure_raw, "kind", path, tuple(kinds.MEASURE_KINDS))
    if kind_code is None:
        return None
    kind = kinds.MEASURE_KINDS[kind_code]
    check.known_keys(measure_raw, ("kind",) + kind.allowed_keys, path)
    for key in kind.required_keys:
        if key not in measure_raw:
            check.error((measure_raw.path, measure_raw.line), _join(path, key),
                        tr("missing; a '{}' measure needs it", _CONTEXT).format(kind_code))
    for group in kind.one_of:
        if sum(1 for key in group if key in measure_raw) != 1:
            check.error((measure_raw.path, measure_raw.line), path, tr(
                "a {} measure names exactly one of: {}", _CONTEXT).format(kind_code, ", ".join(group)))
    fields = {"kind": kind_code}
    for key in kind.allowed_keys:
        if key in measure_raw or key in kind.required_keys:
            fields.update(_MEASURE_VALUE_READERS[kind.value_type(key)](check, measure_raw, key, path, known))
    return Measure(**{name: value for name, value in fields.items() if value is not None})


def _category_list(check, measure_raw, key, path, known):
    if key not in measure_raw:
        return {}
    categories = check.string_list(measure_raw, key, path)
    _check_category_codes(check, measure_raw[key], categories, _join(path, key), known)
    if not categories:
        check.error(measure_raw.place_of(key), _join(path, key), tr("list at least one facility category", _CONTEXT))
    return {kinds.KEY_FIELDS[key]: categories}


def _category_kinds(check, measure_raw, key, path, known):
    """each_of: one list of categories per kind; `categories` becomes all of them (what is walked to)."""
    kinds_raw = measure_raw[key]
    found = []
    if not isinstance(kinds_raw, LocatedList) or not kinds_raw:
        check.error(measure_raw.place_of(key), _join(path, key), tr(
            "must be a list of kinds, each a list of facility categories", _CONTEXT))
    else:
        for index, kind_raw in enumerate(kinds_raw):
            kind_path = "{}.{}[{}]".format(path, key, index)
            if not isinstance(kind_raw, LocatedList) or not kind_raw:
                check.error(kinds_raw.place_of(index), kind_path, tr("list at least one facility category",
                                                                     _CONTEXT))
                continue
            codes = tuple(str(code) for code in kind_raw)
            _check_category_codes(check, kind_raw, codes, kind_path, known)
            found.append(codes)
    return {kinds.KEY_FIELDS[key]: tuple(found),
            "categories": tuple(dict.fromkeys(code for codes in found for code in codes))}


def _community_yes_no_list(check, measure_raw, key, path, known):
    attributes = check.string_list(measure_raw, key, path)
    for index, code in enumerate(attributes):
        attribute = known["community"].get(code)
        if attribute is None:
            check.error(measure_raw[key].place_of(index), "{}.{}[{}]".format(path, key, index),
                        _unknown_reference(tr("community attribute", _CONTEXT), code, known["community"]))
        elif attribute.type != "boolean":
            check.error(measure_raw[key].place_of(index), "{}.{}[{}]".format(path, key, index),
                        tr("'{}' is not a yes/no attribute", _CONTEXT).format(code))
    if not attributes:
        check.error(measure_raw.place_of(key), _join(path, key),
                    tr("list at least one yes/no community attribute", _CONTEXT))
    return {kinds.KEY_FIELDS[key]: attributes}


def _attribute_of(scope):
    def read(check, measure_raw, key, path, known):
        return {kinds.KEY_FIELDS[key]: _attribute_reference(check, measure_raw, key, path, known[scope], "number")}
    return read


_MEASURE_VALUE_READERS = {
    kinds.CATEGORY_LIST: _category_list,
    kinds.CATEGORY_KINDS: _category_kinds,
    kinds.COMMUNITY_NUMBER: _attribute_of("community"),
    kinds.FACILITY_NUMBER: _attribute_of("facility"),
    kinds.COMMUNITY_YES_NO_LIST: _community_yes_no_list,
    kinds.AGGREGATE: lambda check, raw, key, path, known: {
        kinds.KEY_FIELDS[key]: check.choice(raw, key, path, kinds.AGGREGATES)},
    kinds.SIZE_BANDS: lambda check, raw, key, path, known: {
        kinds.KEY_FIELDS[key]: _build_where(check, raw, path, known)},
}


def _check_category_codes(check, located, codes, key_path, known):
    for index, code in enumerate(codes):
        if code not in known["categories"]:
            named = known["labels"].get(normalise_label(code))
            message = tr("'{}' is a name, not a category code; write '{}'", _CONTEXT).format(
                code, named) if named else _unknown_reference(tr("facility category", _CONTEXT), code,
                                                             known["categories"])
            check.error(located.place_of(index), "{}[{}]".format(key_path, index), message)


def _attribute_reference(check, parent, key, key_path, attributes, attribute_type):
    code = check.string(parent, key, key_path)
    if code is None:
        return None
    attribute = attributes.get(code)
    if attribute is None:
        check.error(parent.place_of(key), _join(key_path, key),
                    _unknown_reference(tr("attribute", _CONTEXT), code, attributes))
        return None
    if attribute.type != attribute_type:
        check.error(parent.place_of(key), _join(key_path, key),
                    tr("'{}' is of type {}, a {} is needed here", _CONTEXT).format(code, attribute.type,
                                                                                 attribute_type))
        return None
    return code


def _build_where(check, measure_raw, path, known):
    where_raw = check.mapping(measure_raw, "where", path)
    if where_raw is None:
        return ()
    bands = []
    for code, band in where_raw.items():
        band_path = "{}.where.{}".format(path, code)
        if code not in known["facility"]:
            check.error(where_raw.place_of(code), band_path,
                        _unknown_reference(tr("facility attribute", _CONTEXT), code, known["facility"]))
            continue
        if not isinstance(band, LocatedDict):
            check.error(where_raw.place_of(code), band_path, tr("must be a mapping with min and/or max", _CONTEXT))
            continue
        check.known_keys(band, WHERE_KEYS, band_path)
        low = check.number(band, "min", band_path, required=False, non_negative=True)
        high = check.number(band, "max", band_path, required=False, non_negative=True)
        if low is None and high is None:
            check.error((band.path, band.line), band_path, tr("needs min, max or both", _CONTEXT))
        bands.append(Where(code, low, high))
    return tuple(bands)


def _measure_unit(check, raw, key_path, measure, known):
    if measure is None:
        return None
    if "unit" in raw:
        unit = check.choice(raw, "unit", key_path, UNITS)
        if unit is not None and kinds.MEASURE_KINDS[measure.kind].walking and unit not in ("m", "min"):
            check.error(raw.place_of("unit"), _join(key_path, "unit"),
                        tr("a walking measure is in m (distance) or min (time)", _CONTEXT))
        return unit
    kind = kinds.MEASURE_KINDS[measure.kind]
    if kind.default_unit is not None:
        return kind.default_unit
    # The unit of the number it reads.
    read = [known["community"].get(code) for code in kind.community_attributes(measure)]
    read += [known["facility"].get(code) for code in kind.facility_attributes(measure)]
    return next((attribute.unit for attribute in read if attribute is not None), None)


def _build_threshold(check, raw, key, key_path, known):
    if key not in raw:
        return None
    value = raw[key]
    path = _join(key_path, key)
    if isinstance(value, LocatedDict):
        check.known_keys(value, THRESHOLD_KEYS, path)
        ratio = check.number(value, "ratio", path, positive=True)
        of = _attribute_reference(check, value, "of", path, known["community"], "number")
        at_least = check.number(value, "at_least", path, required=False, non_negative=True)
        if ratio is None or of is None:
            return None
        return Threshold(ratio=float(ratio), of=of, at_least=float(at_least) if at_least is not None else None)
    number = check.number(raw, key, key_path, non_negative=True)
    return Threshold(value=float(number)) if number is not None else None


def _build_guide_range(check, raw, key_path):
    if "guide_range" not in raw:
        return None
    value = raw["guide_range"]
    if (not isinstance(value, LocatedList) or len(value) != 2
            or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in value) or value[0] > value[1]):
        check.error(raw.place_of("guide_range"), _join(key_path, "guide_range"),
                    tr("must be two numbers [low, high] with low <= high", _CONTEXT))
        return None
    return float(value[0]), float(value[1])


def _build_condition(check, raw, key_path, known):
    when_raw = check.mapping(raw, "when", key_path, required=False)
    if when_raw is None:
        return None
    path = _join(key_path, "when")
    check.known_keys(when_raw, WHEN_KEYS, path)
    attribute = _attribute_reference(check, when_raw, "attribute", path, known["community"], "boolean")
    equals = when_raw.get("equals", True)
    if not isinstance(equals, bool):
        check.error(when_raw.place_of("equals"), _join(path, "equals"), tr("must be true or false", _CONTEXT))
        return None
    if_missing = check.choice(when_raw, "if_missing", path, IF_MISSING, default="no_data")
    return Condition(attribute, equals, if_missing or "no_data") if attribute else None
