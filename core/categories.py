"""Turning the labels in a planner's facility data into the standard's category codes.

Real POI data says 快递柜, 菜鸟驿站, "shop=supermarket" or "Kindergarten"; the standard's catalogue
lists those labels per category. A user mapping table (CSV: value,category) is consulted first, so
a city can fix its own naming without editing the standard.
"""

import csv
import re
from collections import Counter

from ..i18n import tr
from ..standards import normalise_label
from .values import is_missing


# One value may name several facilities at one place: the 党群服务中心 that houses the service station and the
# elderly station (3.1: 与社区综合服务站统筹建设; 可以结合社区综合服务站…建设托儿所) is one point labelled
# "社区综合服务站;老年服务站". Each label counts for its category.
LABEL_SEPARATORS = re.compile(r"[;；、,，/]")
CATEGORY_SEPARATOR = ";"  # how several category codes are written in one value (cc_category, mapping tables)


def split_labels(value):
    """The labels of one value: '社区综合服务站；老年服务站' → ['社区综合服务站', '老年服务站']."""
    return [part.strip() for part in LABEL_SEPARATORS.split(str(value)) if part.strip()]


def category_codes(text):
    """The codes of a category value that may list several ('service_station;elderly_station'), each once."""
    if is_missing(text):
        return ()
    return tuple(dict.fromkeys(split_labels(text)))


class MappingTableError(Exception):
    """A user mapping table that cannot be used; the message names the file and line."""


class CategoryMatcher:
    """Classifies raw labels; remembers which labels it could not place, with their counts."""

    def __init__(self, standard, user_mapping=None):
        self.standard = standard
        self._lookup = {}
        for category in standard.categories:
            for label in (category.code,) + category.aliases + category.osm_tags + (category.name.zh,
                                                                                      category.name.en):
                self._lookup.setdefault(normalise_label(label), category.code)
        self._user = {normalise_label(value): code for value, code in (user_mapping or {}).items()}
        self.unknown = Counter()
        self.empty = 0
        self._seen = {}  # label → (codes, unknown labels)

    def classify(self, raw_value):
        """The (first) category code for a label, or None (counted in `unknown`, or in `empty` for blanks)."""
        codes = self.classify_all(raw_value)
        return codes[0] if codes else None

    def classify_all(self, raw_value):
        """Every category code a value names, in order and each once: the whole value first (a label may
        contain a separator), else each of its labels ('社区综合服务站;老年服务站'); () when none is known.
        Unknown labels are counted in `unknown`, blanks in `empty`."""
        if is_missing(raw_value):  # QGIS NULL included: a missing category, not the label "NULL"
            self.empty += 1
            return ()
        # A city's facilities repeat a few hundred labels: each is matched once, its unknown labels counted each time.
        known = self._seen.get(raw_value) if type(raw_value) is str else None
        if known is None:
            known = self._match(raw_value)
            if type(raw_value) is str:
                self._seen[raw_value] = known
        codes, unknown = known
        for label in unknown:
            self.unknown[label] += 1
        return codes

    def _match(self, raw_value):
        """(codes, the labels of the value that are unknown) of a value that is not missing."""
        code = self._code_of(raw_value)
        if code is not None:
            return category_codes(code), ()
        parts = split_labels(raw_value)
        if len(parts) < 2:
            return (), (str(raw_value).strip(),)
        codes, unknown = [], []
        for part in parts:
            code = self._code_of(part)
            if code is None:
                unknown.append(part)
            else:
                codes.extend(category_codes(code))
        return tuple(dict.fromkeys(codes)), tuple(unknown)

    def _code_of(self, label):
        key = normalise_label(label)
        return self._user.get(key) or self._lookup.get(key)

    def unknown_summary(self):
        """'宠物医院 (2), 花店 (1)': each unknown label once, most frequent first."""
        return ", ".join("{} ({})".format(label, count) for label, count in self.unknown.most_common())


HEADER_NAMES = ("category", "code", "类别", "设施类别")


def read_mapping_table(path, standard):
    """Read a CSV of `value,category` rows (a header row is allowed); check every category exists."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    except (OSError, UnicodeDecodeError) as error:
        raise MappingTableError(tr("Cannot read the category mapping table {}: {}", "CategoryMatcher").format(
            path, error))
    located = []
    for line_number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if line_number == 1 and len(cells) > 1 and cells[1].lower() in HEADER_NAMES:
            continue
        located.append(("{}:{}".format(path, line_number), cells[0], cells[1] if len(cells) > 1 else ""))
    return mapping_from_rows(located, standard)


def mapping_from_rows(rows, standard):
    """Validate (where, value, category code) rows from any table into {value: code}.

    `where` names the row for messages: "mapping.csv:3" or "layer mapping, feature 3".
    """
    known = {category.code for category in standard.categories}
    mapping, problems = {}, []
    for where, value, code in rows:
        value, code = str(value or "").strip(), str(code or "").strip()
        if not value or not code:
            problems.append(tr("{}: expected two columns, value and category code", "CategoryMatcher").format(where))
        elif any(part not in known for part in category_codes(code)):
            unknown = next(part for part in category_codes(code) if part not in known)
            problems.append(tr("{}: unknown category code '{}' for '{}'", "CategoryMatcher").format(
                where, unknown, value))
        else:
            mapping[value] = CATEGORY_SEPARATOR.join(category_codes(code))  # 'a;b': a value may name several
    if problems:
        raise MappingTableError("\n".join(problems))
    return mapping
