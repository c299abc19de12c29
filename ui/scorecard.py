"""What the community scorecard shows, computed from plain values — no widgets, no layers.

    card = build_scorecard(attributes, rule_rows, walking_attributes, standard, language)
    card.name, card.score, card.status, card.items[0].rules[0].measured_text, card.walking, card.gaps

`attributes` are the selected community's fields on a result layer ({field: value}, NULL as None);
`rule_rows` its rows of the per-rule table (community_id, item, rule_id, measured, threshold_min/max,
unit, status, reason, …); `walking_attributes` the fields holding `<category>_dist_m` / `_walk_min` /
`_access_status` (the same record, or the community's record on a separate walking layer). Names come
from the standard in the user's language; the reasons are the ones the evaluation wrote.
"""

import os
from dataclasses import dataclass
from typing import Optional, Tuple

from ..core import describe
from ..core import output_fields as F
from ..core.engine import items_arithmetic_text
from ..core.status import ADVISORY, FAIL, STATUSES, status_label
from ..core.status import combined_status as _combined_verdict
from ..core.values import as_number, is_missing
from ..core.walking import category_limits
from ..i18n import tr
from ..standards import measure_kinds

_CONTEXT = "Scorecard"
# Where a community's verdict may be, the most complete first (the scale layer has only its item status).
SCORE_FIELDS = tuple(field.name for field in F.SCORE_FIELDS)
STATUS_FIELDS = tuple(field.name for field in F.VERDICT_STATUS_FIELDS) + (F.ITEM_STATUS.name_for("scale"),)
MISSING_FIELDS = tuple(field.name for field in F.MISSING_FIELDS)
ADVICE_FIELDS = tuple(verdict.advice.name for verdict in F.VERDICTS.values())
ID_FIELDS = (F.COMMUNITY_ID.name, F.COMMUNITY_ID_ROW.name)
NAME_FIELDS = (F.COMMUNITY_NAME.name, F.COMMUNITY_NAME_ROW.name, "name")  # 'name': a common input field
DISTANCE_SUFFIX = F.DIST_M.suffix
RULE_TABLE_FIELDS = (F.COMMUNITY_ID_ROW.name, F.RULE_ID.name, F.STATUS.name)


@dataclass(frozen=True)
class RuleLine:
    rule_id: str
    name: str
    level: Optional[str]
    status: Optional[str]
    measured_text: str
    requirement_text: str
    reason: str
    clause: str = ""


@dataclass(frozen=True)
class ItemLine:
    code: str
    name: str
    status: Optional[str]
    rules: Tuple[RuleLine, ...] = ()
    requirement: str = ""  # the guide's own words for the item
    clause: str = ""


@dataclass(frozen=True)
class WalkLine:
    category: str
    name: str
    distance_m: Optional[float]
    minutes: Optional[float]
    status: Optional[str]
    limit_m: Optional[float] = None


@dataclass(frozen=True)
class Gap:
    """A facility the community lacks (or cannot reach on foot): what the 'zoom to gap' button is for."""
    key: str
    name: str
    categories: Tuple[str, ...]
    reason: str
    status: str = FAIL  # fail: a required item or walk; advisory: a walk the guide recommends (以…为原则)


@dataclass(frozen=True)
class Scorecard:
    community_id: Optional[str]
    name: str
    score: Optional[float]
    status: Optional[str]
    missing: str
    items: Tuple[ItemLine, ...] = ()
    walking: Tuple[WalkLine, ...] = ()
    gaps: Tuple[Gap, ...] = ()
    score_field: Optional[str] = None
    status_field: Optional[str] = None
    items_met: Optional[int] = None
    items_failed: Optional[int] = None
    items_no_data: Optional[int] = None
    advice: str = ""
    standard_id: str = ""
    standard_version: str = ""
    standard_hash: str = ""

    @property
    def arithmetic(self):
        """'17 items met / 2 failed / 1 without enough data' (达标 17 项 / 不达标 2 项 / 数据不足 1 项)."""
        if self.items_met is None:
            return ""
        return items_arithmetic_text(self.items_met, self.items_failed or 0, self.items_no_data or 0)

    def item(self, code):
        return next((line for line in self.items if line.code == code), None)

    def rule(self, rule_id):
        return next((rule for line in self.items for rule in line.rules if rule.rule_id == rule_id), None)


# --------------------------------------------------------------------------------------------- values

def as_text(value):
    return "" if is_missing(value) else str(value)


def _unit_label(unit):
    try:
        return describe.unit_label(unit) if unit else ""
    except KeyError:  # a unit of a newer standard: shown as written
        return unit


def quantity_text(value, unit=None, compared_with=None):
    """'2199.9 m²', '12%', '1 pcs'; '–' when there is no value."""
    number = as_number(value)
    if number is None:
        return "–"
    label = _unit_label(unit)
    text = describe.number_text(number, unit, as_number(compared_with))
    return "{} {}".format(text, label) if label else text


def threshold_text(minimum, maximum, unit=None, measured=None):
    """'≥ 2200 m²', '≤ 500 m', '5000–12000 persons', '' when the rule has no number."""
    low, high = as_number(minimum), as_number(maximum)
    if low is not None and high is not None:
        if low == high:
            return "= " + quantity_text(low, unit, measured)
        reference = as_number(measured)
        label = _unit_label(unit)
        text = "{}–{}".format(describe.number_text(low, unit, reference), describe.number_text(high, unit, reference))
        return "{} {}".format(text, label) if label else text
    if low is not None:
        return "≥ " + quantity_text(low, unit, measured)
    if high is not None:
        return "≤ " + quantity_text(high, unit, measured)
    return ""


def distance_text(metres):
    number = as_number(metres)
    return "–" if number is None else "{} m".format(describe.format_number(round(number)))


def minutes_text(minutes):
    number = as_number(minutes)
    return "–" if number is None else "{} {}".format(describe.format_number(round(number, 1)),
                                                     describe.unit_label("min"))


def label_of(status):
    """达标 / 不达标 / 数据不足 / 不适用, or '–' for no status."""
    return status_label(status) if status in STATUSES else "–"


def combined_status(statuses):
    """The verdict of a group (core/status.py), or None when no status is known at all."""
    present = [status for status in statuses if status in STATUSES]
    return _combined_verdict(present) if present else None


# ------------------------------------------------------------------------------------------ the card

def first_present(attributes, names):
    for name in names:
        if name in attributes and not is_missing(attributes[name]):
            return name, attributes[name]
    return None, None


def walking_categories(field_names):
    """Category codes that have a `<category>_dist_m` field, in the order of the fields."""
    return [code for code in (F.DIST_M.code_in(name) for name in field_names) if code]


def is_rules_table(field_names):
    return all(name in field_names for name in RULE_TABLE_FIELDS)


def _name(text, language):
    return text.get(language) if text is not None else ""


def _lookup(getter, code):
    try:
        return getter(code)
    except KeyError:
        return None


def build_scorecard(attributes, rule_rows=(), walking_attributes=None, standard=None, language="en",
                    community_id=None, name=None):
    """The scorecard of one community (see the module docstring); `standard` gives names and the walking
    rules, and may be None (then the table's own names are used)."""
    attributes = dict(attributes or {})
    walking_attributes = dict(walking_attributes if walking_attributes is not None else attributes)
    rows = [dict(row) for row in rule_rows or ()]
    score_field, score = first_present(attributes, SCORE_FIELDS)
    if score is None:
        score_field, score = first_present(walking_attributes, SCORE_FIELDS)
    status_field, status = first_present(attributes, STATUS_FIELDS)
    if status is None:
        status_field, status = first_present(walking_attributes, STATUS_FIELDS)
    _missing_field, missing = first_present(attributes, MISSING_FIELDS)
    _advice_field, advice = first_present(attributes, ADVICE_FIELDS)
    verdict = next((verdict for verdict in F.VERDICTS.values()
                    if score_field == verdict.score.name or status_field == verdict.status.name), F.VERDICTS["cc"])
    counts = [as_number(attributes.get(field.name))
              for field in (verdict.items_met, verdict.items_failed, verdict.items_no_data)]
    if community_id is None:
        _id_field, community_id = first_present(attributes, ID_FIELDS)
        if community_id is None and rows:
            community_id = rows[0].get(F.COMMUNITY_ID_ROW.name)
    if name is None:
        _name_field, name = first_present(attributes, NAME_FIELDS)
        if name is None and rows:
            name = rows[0].get(F.COMMUNITY_NAME_ROW.name)
    items = _item_lines(attributes, walking_attributes, rows, standard, language)
    walking = _walk_lines(walking_attributes, standard, language)
    gaps = _gaps(items, walking, standard, language)
    met, failed, no_data = (None if value is None else int(value) for value in counts)
    return Scorecard(community_id=as_text(community_id) or None, name=as_text(name) or as_text(community_id),
                     score=as_number(score), status=as_text(status) or None, missing=as_text(missing),
                     items=tuple(items), walking=tuple(walking), gaps=tuple(gaps), score_field=score_field,
                     status_field=status_field, items_met=met, items_failed=failed, items_no_data=no_data,
                     advice=as_text(advice), standard_id=as_text(attributes.get(F.STANDARD_ID.name)),
                     standard_version=as_text(attributes.get(F.STANDARD_VERSION.name)),
                     standard_hash=as_text(attributes.get(F.STANDARD_HASH.name)))


def standard_reference(attributes):
    """What to load to show a result's own standard: its file when it still exists, else its id; None when
    the layer does not say (then the national guide)."""
    path = as_text((attributes or {}).get(F.STANDARD_FILE.name))
    if path and os.path.isfile(path):
        return path
    return as_text((attributes or {}).get(F.STANDARD_ID.name)) or None


def _item_lines(attributes, walking_attributes, rows, standard, language):
    rows_by_item = {}
    for row in rows:
        rows_by_item.setdefault(as_text(row.get(F.ITEM.name)), []).append(row)
    codes = [item.code for item in standard.items] if standard is not None else []
    codes += [code for code in rows_by_item if code and code not in codes]
    lines = []
    for code in codes:
        field_name = F.ITEM_STATUS.name_for(code)
        status = next((as_text(source[field_name]) for source in (attributes, walking_attributes)
                       if field_name in source and not is_missing(source[field_name])), None)
        item_rows = rows_by_item.get(code, [])
        rules = [_rule_line(row, standard, language) for row in item_rows]
        if not rules and status is not None and standard is not None:
            rules = _rules_from_fields(code, attributes, standard, language)
        if status is None and item_rows:
            required = [as_text(row.get(F.STATUS.name)) for row in item_rows
                        if as_text(row.get(F.LEVEL.name)) == "required"]
            status = combined_status(required or [as_text(row.get(F.STATUS.name)) for row in item_rows])
        if status is None and not rules:
            continue  # an item this layer was not evaluated for
        item = _lookup(standard.item, code) if standard is not None else None
        item_name = _name(item.name, language) if item else (as_text(item_rows[0].get(F.ITEM_NAME.name)) if item_rows
                                                             else code)
        lines.append(ItemLine(code, item_name, status, tuple(rules),
                              requirement=_name(item.requirement, language) if item else "",
                              clause=item.clause if item else ""))
    return lines


def _rule_line(row, standard, language):
    rule_id = as_text(row.get(F.RULE_ID.name))
    rule = _lookup(standard.rule, rule_id) if standard is not None and rule_id else None
    unit = as_text(row.get(F.UNIT.name)) or (rule.unit if rule else None)
    measured = row.get(F.MEASURED_VALUE.name)
    low, high = row.get(F.THRESHOLD_MIN.name), row.get(F.THRESHOLD_MAX.name)
    requirement = threshold_text(low, high, unit, measured)
    if not requirement and rule is not None:
        requirement = _requirement(rule, standard, language)
    return RuleLine(rule_id=rule_id, name=_name(rule.name, language) if rule else as_text(row.get(F.RULE_NAME.name)),
                    level=as_text(row.get(F.LEVEL.name)) or (rule.level if rule else None),
                    status=as_text(row.get(F.STATUS.name)) or None,
                    measured_text=quantity_text(measured, unit, low if not is_missing(low) else high),
                    requirement_text=requirement, reason=as_text(row.get(F.REASON.name)),
                    clause=as_text(row.get(F.CLAUSE.name)) or (rule.clause if rule else ""))


def _requirement(rule, standard, language):
    try:
        return describe.requirement_text(rule, standard, language)
    except (AttributeError, KeyError, TypeError):
        return ""


def _rules_from_fields(code, attributes, standard, language):
    """Without a rules table: the measured values the layer holds (`<rule id with _>` fields) and the
    standard's requirement; the status of a single rule is not known then."""
    lines = []
    for rule in standard.rules_for_item(code):
        field_name = F.MEASURED.name_for(rule.id)
        if field_name not in attributes:
            continue
        lines.append(RuleLine(rule_id=rule.id, name=_name(rule.name, language), level=rule.level, status=None,
                              measured_text=quantity_text(attributes[field_name], rule.unit),
                              requirement_text=_requirement(rule, standard, language), reason="",
                              clause=rule.clause))
    return lines


def _walk_lines(walking_attributes, standard, language):
    codes = walking_categories(walking_attributes)
    if standard is not None:
        order = {category.code: position for position, category in enumerate(standard.categories)}
        codes.sort(key=lambda code: order.get(code, len(order)))
    limits = category_limits(standard) if standard is not None else {}
    lines = []
    for code in codes:
        category = _lookup(standard.category, code) if standard is not None else None
        limit = limits.get(code)
        lines.append(WalkLine(
            category=code, name=_name(category.name, language) if category else code,
            distance_m=as_number(walking_attributes.get(F.DIST_M.name_for(code))),
            minutes=as_number(walking_attributes.get(F.WALK_MIN.name_for(code))),
            status=as_text(walking_attributes.get(F.ACCESS_STATUS.name_for(code))) or None,
            limit_m=limit.limit_m if limit is not None else None))
    return lines


def walking_reason(line):
    """'nearest one 1143 m away (limit 500 m)', or why there is no distance."""
    if line is None or line.distance_m is None:
        return tr("no reachable facility found", _CONTEXT)
    if line.limit_m is None:
        return tr("nearest one {} away", _CONTEXT).format(distance_text(line.distance_m))
    return tr("nearest one {} away (limit {})", _CONTEXT).format(distance_text(line.distance_m),
                                                                 distance_text(line.limit_m))


def _gaps(items, walking, standard, language):
    """Facilities to look for: the categories of every failed item, and of every required walking rule
    none of whose facilities is within its limit (a gap that fails), then of every recommended walking
    rule beyond its limit (an advisory gap: 以居民步行5—10分钟到达…为原则)."""
    gaps = []
    seen = set()
    if standard is None:
        for line in walking:
            if line.status in (FAIL, ADVISORY):
                gaps.append(Gap(line.category, line.name, (line.category,), walking_reason(line), line.status))
        return gaps
    for line in items:
        categories = tuple(category.code for category in standard.categories_for_item(line.code))
        if line.status != FAIL or not categories:
            continue
        failed = [rule for rule in line.rules if rule.status == FAIL]
        reason = "; ".join(rule.reason or rule.name for rule in failed) or label_of(FAIL)
        gaps.append(Gap(line.code, line.name, categories, reason))
        seen.add(line.code)
    by_category = {line.category: line for line in walking}
    speed = standard.walking_speed_m_per_min
    for rule in standard.rules:
        item = _lookup(standard.item, rule.item)
        if rule.level not in ("required", "recommended") or rule.item in seen or item is None or (
                item.scope != "community"):
            continue
        parts = [part for part in (rule,) + tuple(rule.options)
                 if measure_kinds.is_walking_measure(part.measure) and not part.measure.each_of]
        known = [by_category[code] for part in parts for code in part.measure.categories if code in by_category]
        limits = [float(part.max.value) * (speed if part.unit == "min" else 1.0) for part in parts
                  if part.max is not None and not part.max.is_proportional]
        if not known or not limits:
            continue
        limit = max(limits)
        distances = [line for line in known if line.distance_m is not None]
        nearest = min(distances, key=lambda line: line.distance_m, default=None)
        if nearest is not None and nearest.distance_m <= limit:
            continue
        if nearest is None and any(line.status != FAIL for line in known):
            continue  # no distance, and not known to be too far: no data rather than a gap
        reason = walking_reason(WalkLine(nearest.category, nearest.name, nearest.distance_m, nearest.minutes,
                                         nearest.status, limit) if nearest is not None else None)
        gaps.append(Gap(rule.item, _name(item.name, language), tuple(line.category for line in known), reason,
                        FAIL if rule.level == "required" else ADVISORY))
        seen.add(rule.item)
    order = {item.code: position for position, item in enumerate(standard.items)}
    gaps.sort(key=lambda gap: order.get(gap.key, len(order)))  # in the standard's order of items
    return gaps


__all__ = ["RuleLine", "ItemLine", "WalkLine", "Gap", "Scorecard", "build_scorecard", "standard_reference",
           "quantity_text",
           "threshold_text", "walking_reason", "distance_text", "minutes_text", "label_of", "combined_status", "walking_categories",
           "is_rules_table", "as_text", "SCORE_FIELDS", "STATUS_FIELDS"]
