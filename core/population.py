"""Estimating residents from buildings (footprint × floors ÷ floor area per person) — no QGIS.

Population data by community is often missing or out of date; building footprints with a number of
floors are not. A residential building's floor area divided by the floor area each resident lives in
gives its residents.

The default floor area per person is the national figure of the 2020 census: urban households lived in
36.52 m² of housing floor area per person (国务院第七次全国人口普查领导小组办公室《中国人口普查年鉴-2020》,
城市家庭户人均住房建筑面积 36.52 平方米). It is a parameter: use your city's figure (its statistical
yearbook's 城镇居民人均住房建筑面积) where you have it.
"""

import math
import re

from .values import is_missing

DEFAULT_FLOOR_AREA_PER_PERSON = 36.52  # m² per person: 2020 census, urban households (see module doc)
DEFAULT_FLOOR_HEIGHT = 3.0             # m per storey, to read floors from a height: the usual storey of housing

# How a use field says 'people live here' (compared after removing spaces and case). Mixed use that
# includes housing (商住) counts as residential: its upper floors are homes.
RESIDENTIAL_VALUES = ("住宅", "居住", "住房", "住宅楼", "居民楼", "商住", "商住楼", "住宅用地", "居住用地", "公寓",
                      "宿舍", "别墅", "residential", "house", "houses", "apartments", "apartment", "dormitory",
                      "detached", "terrace", "semidetached_house", "residence", "r", "r1", "r2", "r3", "r4",
                      "rb", "yes", "true", "1", "是", "y")
_RESIDENTIAL = {re.sub(r"\s+", "", value).casefold() for value in RESIDENTIAL_VALUES}

NOTE_NOT_RESIDENTIAL = "not_residential"
NOTE_NO_FLOORS = "no_floors"
NOTE_NO_AREA = "no_area"


def is_residential(use_value):
    """True when the use field says people live there; a missing use counts as residential (the layer was
    given as residential buildings), any other value as not."""
    if is_missing(use_value):
        return True
    return re.sub(r"\s+", "", str(use_value)).casefold() in _RESIDENTIAL


def floors_of(floors_value, height_value=None, floor_height=DEFAULT_FLOOR_HEIGHT):
    """Storeys from a floors field (a number or text such as '18', '18层'), else from a height in metres; None."""
    floors = _number(floors_value)
    if floors is not None and floors > 0:
        return floors
    height = _number(height_value)
    if height is not None and height > 0 and floor_height > 0:
        return max(1.0, round(height / floor_height))
    return None


def _number(value):
    if is_missing(value):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        match = re.search(r"[-+]?\d+(?:\.\d+)?", str(value))
        if match is None:
            return None
        number = float(match.group())
    return number if math.isfinite(number) else None


def estimate_building(footprint_m2, floors, residential, floor_area_per_person=DEFAULT_FLOOR_AREA_PER_PERSON):
    """(residents, floor area m², note): residents = footprint × floors ÷ floor area per person; the note says
    why a building holds nobody (not residential, no floors, no area)."""
    if not residential:
        return 0.0, None, NOTE_NOT_RESIDENTIAL
    if footprint_m2 is None or not math.isfinite(footprint_m2) or footprint_m2 <= 0:
        return 0.0, None, NOTE_NO_AREA
    if floors is None:
        return 0.0, None, NOTE_NO_FLOORS
    floor_area = footprint_m2 * floors
    return floor_area / floor_area_per_person, floor_area, None
