"""Turning the labels in a planner's facility data into the standard's category codes.

Real POI data says 快递柜, 菜鸟驿站, "shop=supermarket" or "Kindergarten"; the standard's catalogue
lists those labels per category. A user mapping table (CSV: value,category) is consulted first, so
a city can fix its own naming without editing the standard.
"""

import csv
from collections import Counter

from ..i18n import tr
from ..standards import normalise_label


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

    def classify(self, raw_value):
        """The category code for a label, or None (counted in `unknown`, or in `empty` for blanks)."""
        if raw_value is None or str(raw_value).strip() == "":
            self.empty += 1
            return None
        key = normalise_label(raw_value)
        code = self._user.get(key) or self._lookup.get(key)
        if code is None:
            self.unknown[str(raw_value).strip()] += 1
        return code

    def unknown_summary(self):
        """'宠物医院 (2), 花店 (1)': each unknown label once, most frequent first."""
        return ", ".join("{} ({})".format(label, count) for label, count in self.unknown.most_common())


def read_mapping_table(path, standard):
    """Read a CSV of `value,category` rows (a header row is allowed); check every category exists."""
    known = {category.code for category in standard.categories}
    mapping, problems = {}, []
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    except (OSError, UnicodeDecodeError) as error:
        raise MappingTableError(tr("Cannot read the category mapping table {}: {}", "CategoryMatcher").format(
            path, error))
    for line_number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            problems.append(tr("{}:{}: expected two columns, value and category code", "CategoryMatcher").format(
                path, line_number))
            continue
        value, code = cells[0], cells[1]
        if line_number == 1 and code.lower() in ("category", "code", "类别", "设施类别"):
            continue  # header row
        if code not in known:
            problems.append(tr("{}:{}: unknown category code '{}' for '{}'", "CategoryMatcher").format(
                path, line_number, code, value))
            continue
        mapping[value] = code
    if problems:
        raise MappingTableError("\n".join(problems))
    return mapping
