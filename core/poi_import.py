"""Reading POI exports: which provider wrote the table, which fields hold what, and the coordinates.

Pure Python (no QGIS): processing/import_pois.py feeds it field names and cell values.
"""

import math
import re
from dataclasses import dataclass, field
from typing import Dict, Tuple

from ..standards.vocabulary import GENERIC_SOURCE
from .values import is_missing

# Field names a table of unknown origin is read with.
GENERIC_FIELDS = {
    "location": ("location", "lnglat", "经纬度", "坐标"),
    "x": ("lng", "lon", "long", "longitude", "经度", "x", "wgs84_lng", "gcj_lng", "bd_lng", "point_x"),
    "y": ("lat", "latitude", "纬度", "y", "wgs84_lat", "gcj_lat", "bd_lat", "point_y"),
    "name": ("name", "名称", "title", "poi_name", "设施名称", "名字"),
    "type": ("type", "类型", "category", "类别", "分类", "tag", "设施类型", "kind"),
    "typecode": ("typecode", "type_code", "类型编码"),
}
ROLE_NAMES = ("location", "x", "y", "name", "type", "typecode")


@dataclass(frozen=True)
class Detection:
    source: str                      # amap, baidu, tencent, osm or generic
    evidence: Tuple[str, ...] = ()   # the field names that gave it away
    fields: Dict[str, str] = field(default_factory=dict)  # role → field name in the table


def _key(name):
    return str(name).strip().casefold()


def detect_source(field_names, vocabularies):
    """The provider whose export signature (a complete `detect` field set) is the largest; generic when none."""
    present = {_key(name): name for name in field_names}
    best = None
    for source_id, vocabulary in vocabularies.sources.items():
        for signature in vocabulary.detect:
            if all(_key(name) in present for name in signature):
                if best is None or len(signature) > len(best[1]):
                    best = (source_id, tuple(present[_key(name)] for name in signature))
    if best is None:
        return Detection(GENERIC_SOURCE)
    return Detection(best[0], best[1])


def guess_fields(field_names, vocabularies, source_id, given=None):
    """{role: field}: the fields given by the user, else the first usual name of the source's exports."""
    present = {_key(name): name for name in field_names}
    if source_id == GENERIC_SOURCE:
        candidates = dict(GENERIC_FIELDS)
    else:
        vocabulary = vocabularies.source(source_id)
        candidates = {role: vocabulary.fields.get(role, ()) + GENERIC_FIELDS.get(role, ()) for role in ROLE_NAMES}
    fields = {}
    for role in ROLE_NAMES:
        if given and given.get(role):
            fields[role] = given[role]
            continue
        for candidate in candidates.get(role, ()):
            if _key(candidate) in present:
                fields[role] = present[_key(candidate)]
                break
    if source_id != GENERIC_SOURCE:
        vocabulary = vocabularies.source(source_id)
        fields["tags"] = tuple(present[_key(name)] for name in vocabulary.fields.get("tags", ()) if _key(name) in present)
        details = [present[_key(name)] for name in vocabulary.fields.get("details", ()) if _key(name) in present]
        if details:
            fields["details"] = details[0]
    return fields


_DETAIL_TAG = re.compile(r"""['"]tag['"]\s*:\s*['"]([^'"]*)['"]""")


def type_from_details(value):
    """The "tag" inside a Baidu detail_info JSON text ('{"tag": "美食;中餐厅", …}'), or None."""
    if is_missing(value):
        return None
    match = _DETAIL_TAG.search(str(value))
    return match.group(1) if match else None


def parse_number(value):
    """A finite float from a number or text ('114.30', ' 30,6 ' is not a number), else None."""
    if is_missing(value):
        return None
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


_NUMBER = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_PAIR = re.compile(r"^\s*\[?\s*({0})\s*[,，;\s]\s*({0})\s*\]?\s*$".format(_NUMBER))
_KEYED = re.compile(r"['\"]?(lng|lon|x|lat|y)['\"]?\s*[:=]\s*['\"]?({0})".format(_NUMBER), re.IGNORECASE)


def parse_location(value):
    """(lon, lat) from 'lng,lat' (Amap), '[lng, lat]', or "{'lat': …, 'lng': …}" (Baidu/Tencent JSON);
    None when the text holds no such pair."""
    if is_missing(value):
        return None
    text = str(value)
    match = _PAIR.match(text)
    if match:
        return float(match.group(1)), float(match.group(2))
    keyed = {key.lower(): float(number) for key, number in _KEYED.findall(text)}
    lon = keyed.get("lng", keyed.get("lon", keyed.get("x")))
    lat = keyed.get("lat", keyed.get("y"))
    if lon is not None and lat is not None:
        return lon, lat
    return None


def plausible_lon_lat(lon, lat):
    """A longitude/latitude pair that can be a place on earth (not metres, not swapped beyond repair)."""
    return lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90


def read_coordinates(values, fields):
    """(lon, lat, problem) for one row {field: value}: from the location field, else from x and y."""
    location_field = fields.get("location")
    if location_field:
        pair = parse_location(values.get(location_field))
        if pair is not None:
            return pair[0], pair[1], None
        if not (fields.get("x") and fields.get("y")):
            return None, None, "unparseable_location"
    x_field, y_field = fields.get("x"), fields.get("y")
    if not (x_field and y_field):
        return None, None, "no_coordinates"
    lon, lat = parse_number(values.get(x_field)), parse_number(values.get(y_field))
    if lon is None or lat is None:
        return None, None, "unparseable_coordinates"
    return lon, lat, None


def median(values):
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2.0


@dataclass
class ImportCounts:
    """Counts the log reports: per category, per reason, and the rows read."""

    rows: int = 0
    counted: int = 0
    per_category: Dict[str, int] = field(default_factory=dict)
    per_reason: Dict[str, int] = field(default_factory=dict)
    per_match: Dict[str, int] = field(default_factory=dict)

    def count(self, categories, match=None, reason=None):
        self.rows += 1
        if categories:
            self.counted += 1
            for code in categories:
                self.per_category[code] = self.per_category.get(code, 0) + 1
            self.per_match[match] = self.per_match.get(match, 0) + 1
        else:
            self.per_reason[reason] = self.per_reason.get(reason, 0) + 1
