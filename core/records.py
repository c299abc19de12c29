"""What the rules engine evaluates: a community and its facilities as plain values, no QGIS.

The Processing algorithms read layers into these records; tests build them directly. A missing
value is None, never 0: "no data" and "none there" are different findings.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple, Union

from ..i18n import tr
from .values import is_missing

_CONTEXT = "RuleEngine"

COMMUNITY_TYPES = ("new", "existing")


@dataclass
class FacilityRecord:
    """One facility: its category code and numeric attributes (building_area, land_area, … → float or None)."""

    fid: object
    category: str
    attributes: Dict[str, Optional[float]] = field(default_factory=dict)


@dataclass
class CommunityRecord:
    """One residential community as the engine sees it.

    `attributes`: community attribute codes → float, bool or None (missing).
    `radius_m`: farthest walk from the community's centre to its edge, None if not computed.
    `walking_m`: category code → network distance (m) to the nearest facility of that category;
    None = could not be computed (unreachable, not snapped); a category absent from the dict =
    walking was not evaluated for it in this run.
    `walking_notes`: category code → why its distance is None, in words (shown as the rule's reason).
    `located`: False when the community has no usable boundary (none, empty, not finite, not projectable):
    nothing inside it can be counted, so every spatial rule gets no_data — never a fail for 0 facilities.
    """

    id: object
    name: str
    community_type: Optional[str]
    attributes: Dict[str, Union[float, bool, None]] = field(default_factory=dict)
    facilities: Tuple[FacilityRecord, ...] = ()
    radius_m: Optional[float] = None
    walking_m: Dict[str, Optional[float]] = field(default_factory=dict)
    walking_notes: Dict[str, str] = field(default_factory=dict)
    located: bool = True


_NEW_WORDS = {"new", "新建", "新", "新建社区", "新建居住社区", "新建小区"}
_EXISTING_WORDS = {"existing", "既有", "旧", "老旧", "老", "old", "既有社区", "既有居住社区", "老旧小区",
                   "城镇老旧小区", "老旧社区", "存量"}
_TRUE_WORDS = {"1", "是", "有", "true", "t", "y", "yes", "✓", "✔", "√", "对", "具备", "已建"}
_FALSE_WORDS = {"0", "否", "无", "没有", "false", "f", "n", "no", "✗", "✘", "×", "不具备", "未建"}


def _normalised(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).casefold()


def parse_community_type(value):
    """'new', 'existing', or None for an empty value; unknown text raises ValueError naming it."""
    if is_missing(value):
        return None
    word = _normalised(value)
    if word in _NEW_WORDS:
        return "new"
    if word in _EXISTING_WORDS:
        return "existing"
    raise ValueError(tr("'{}' is not a community type; write 新建 (new) or 既有 (existing)",
                        _CONTEXT).format(value))


def parse_boolean(value):
    """True/False from 1/0, 是/否, 有/无, true/false, y/n, yes/no, ✓; None for an empty value.

    Anything else raises ValueError naming the value, so a typo is reported rather than read as "no".
    """
    if is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        raise ValueError(tr("'{}' is not a yes/no value; write 1/0, 是/否 or yes/no", _CONTEXT).format(value))
    word = _normalised(value)
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    try:  # "1.0" from a spreadsheet export
        number = float(word)
    except ValueError:
        number = None
    if number in (0.0, 1.0):
        return number == 1.0
    raise ValueError(tr("'{}' is not a yes/no value; write 1/0, 是/否 or yes/no", _CONTEXT).format(value))
