"""The assessment report: one self-contained HTML file (styles, chart and map inline; no network needed).

Built from plain data (ReportData), so it can be checked without QGIS; processing/assess.py reads the
result layers into that data. The HTML comes from the jinja2 templates in report/templates/ (one per
section, autoescaped, the stylesheet beside them), so an office can restyle the report without touching
Python. Text in the templates goes through tr() with the context "Report", so the report is Chinese in
a Chinese QGIS.
"""

import base64
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import jinja2

from ..core.area_summary import CommunityOutcome, shortfalls, summarize_all, summarize_by_area
from ..core.describe import format_number, level_label
from ..core.engine import items_arithmetic_text
from ..core.status import (ADVISORY, FAIL, INFO, NO_DATA, NOT_APPLICABLE, PASS, STATUSES, status_colour, status_ink,
                           status_label, verdict_of)
from ..core.status import status_text_colour
from ..i18n import tr
from .scheme import Scheme

_CONTEXT = "Report"
TEMPLATE_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
# The sections of the report, in order: each is a template in TEMPLATE_DIRECTORY. The summary (conclusion,
# figures by area, shortfalls with the guide's advice, chart, sources) prints on its own first pages; the scheme
# (补短板, with planned facilities only) follows the map.
SECTIONS = ("summary.html", "map.html", "scheme.html", "communities.html", "details.html", "walking.html",
            "life_circles.html", "inputs.html")
# Above this many communities the report leaves the per-community detail (every rule, every walking distance)
# to the workbook, the atlas and the GeoPackage: it stays a few MB for a whole city.
DETAIL_LIMIT = 60
# What a ReportData's rows are (ReportData.assessed): communities, or 15-minute life circles (their workbook).
ASSESSED_COMMUNITIES, ASSESSED_LIFE_CIRCLES = "communities", "life_circles"
SCORE_BINS = ((0, 80), (80, 85), (85, 90), (90, 95), (95, 100), (100, 100))
# The summary's cards count communities by verdict (core.status.verdict_of: advisory or info overall counts as
# complete); the histogram stacks every status in its own colour, verdicts first (bottom to top).
CARD_STATUSES = (PASS, FAIL, NO_DATA)
CHART_STATUSES = (PASS, ADVISORY, INFO, FAIL, NO_DATA, NOT_APPLICABLE)


@dataclass
class CommunityRow:
    id: str
    name: str
    community_type: Optional[str]
    population: Optional[float]
    score: Optional[float]
    status: str
    missing: str
    item_status: Dict[str, Optional[str]]
    items_met: Optional[int] = None
    items_failed: Optional[int] = None
    items_no_data: Optional[int] = None
    advice: str = ""  # recommended/conditional rules not met (建议改进)
    area: Optional[str] = None  # the street/district it belongs to, when the report summarises by area


@dataclass
class RuleRow:
    community_id: str
    item: str
    rule_id: str
    rule_name: str
    clause: str
    level: str
    status: str
    reason: str
    note: str = ""  # what the reader must know about the rule (e.g. the guide contradicting itself)
    measured: Optional[float] = None
    threshold_min: Optional[float] = None
    threshold_max: Optional[float] = None
    unit: str = ""


@dataclass
class WalkingRow:
    community_id: str
    distances: Dict[str, Tuple[Optional[float], Optional[str]]]  # category → (metres, status)


@dataclass
class LifeCircleRow:
    id: str
    name: str
    members: str
    population: Optional[float]
    radius: Optional[float]
    score: Optional[float]
    status: str
    missing: str


@dataclass
class ReportData:
    title: str
    date: str
    standard_name: str
    standard_files: List[str]
    items: List[Tuple[str, str]]              # (item code, name) in standard order
    categories: List[Tuple[str, str, float]]  # (category code, name, limit m) with walking limits
    communities: List[CommunityRow]
    rules: List[RuleRow]
    walking: List[WalkingRow]
    walking_method: str
    life_circles: List[LifeCircleRow]
    inputs: List[Tuple[str, str]]             # (what, description)
    problems: List[str]
    language: str = "zh"
    map_png: Optional[bytes] = None
    outputs: List[str] = field(default_factory=list)
    organisation: str = ""                    # 编制单位
    area_name: str = ""                       # what the areas are (the area field's name, e.g. 街道); "" for none
    guidance: Dict[str, str] = field(default_factory=dict)  # item code → the guide's advice (3.x)
    standard_id: str = ""
    standard_version: str = ""
    standard_hash: str = ""
    scheme: Optional[Scheme] = None           # the planned facilities and what they change (补短板); None without
    life_circle_summary: List[str] = field(default_factory=list)  # why the circles are not met, in sentences
    # (community id, item) of the failed required rules, each pair once, in the order of the rules table: given
    # when `rules` holds only what the detail needs (a city's report reads these pairs, not every rule row);
    # None: taken from `rules`.
    failed_required: Optional[List[Tuple[str, str]]] = None
    assessed: str = ASSESSED_COMMUNITIES      # what the rows of `communities` are: one of the ASSESSED_ values



def _number(value, digits=0):
    """A number for a table cell: rounded, '–' when missing."""
    if value is None:
        return "–"
    return format_number(round(float(value), digits))


def failed_required_pairs(data):
    """(community id, item) of every failed required rule, in the order of the rules (repeats possible)."""
    if data.failed_required is not None:
        return data.failed_required
    return [(rule.community_id, rule.item) for rule in data.rules if rule.level == "required" and rule.status == FAIL]


def summary_numbers(data):
    """{'total', 'by_status': {status: n}, 'missing_items': [(item name, n)],
    'score_bins': [(label, {status: n})]}."""
    by_status = Counter(verdict_of(row.status) for row in data.communities)
    names = dict(data.items)
    failing = {}
    for community_id, item in failed_required_pairs(data):
        failing.setdefault(item, set()).add(community_id)
    missing = sorted(((names.get(item, item), len(ids)) for item, ids in failing.items()),
                     key=lambda pair: -pair[1])
    bins = []
    for low, high in SCORE_BINS:
        label = "100" if low == high else "{}–{}".format(low, high)
        counts = Counter(row.status for row in data.communities if row.score is not None and (
            row.score == 100 if low == high else low <= row.score < high))
        bins.append((label, {status: counts.get(status, 0) for status in CHART_STATUSES}))
    return {
        "total": len(data.communities),
        "by_status": {status: by_status.get(status, 0) for status in CARD_STATUSES},
        "missing_items": missing,
        "score_bins": bins,
    }


def chart_geometry(bins, width=420, height=160, gap=10, top_margin=20):
    """Bars of the score histogram, each stacked by status (bottom to top in CHART_STATUSES order); the legend
    lists the statuses drawn."""
    top = max((sum(counts.values()) for _label, counts in bins), default=0) or 1
    bar_width = (width - gap * (len(bins) + 1)) / len(bins)
    axis_y = top_margin + height
    bars = []
    for index, (label, counts) in enumerate(bins):
        x = gap + index * (bar_width + gap)
        y = axis_y
        segments = []
        for status in CHART_STATUSES:
            segment_height = height * counts.get(status, 0) / top
            if segment_height:
                y -= segment_height
                segments.append({"status": status, "y": y, "height": segment_height})
        bars.append({"x": x, "label": label, "count": sum(counts.values()), "top": y, "segments": segments})
    drawn = {segment["status"] for bar in bars for segment in bar["segments"]}
    return {"width": width, "height": axis_y + 30, "axis_y": axis_y, "bar_width": bar_width, "bars": bars,
            "statuses": [status for status in CHART_STATUSES if status in drawn]}


def arithmetic_text(row):
    """'达标 17 项 / 不达标 2 项 / 数据不足 1 项': how the community's score was counted."""
    if row.items_met is None:
        return ""
    return items_arithmetic_text(row.items_met, row.items_failed or 0, row.items_no_data or 0)


def provenance_text(data):
    """The footer: which standard, exactly, produced these results."""
    return tr("Standard: {} — id {}, version {}, content hash (sha256) {}", _CONTEXT).format(
        data.standard_name, data.standard_id or "–", data.standard_version or "–", data.standard_hash or "–")


def _percent(value):
    """0.4567 → '45.7%'; '–' when undefined."""
    return "–" if value is None else "{:.1f}%".format(100.0 * value)


def _translate(text):
    return tr(text, _CONTEXT)


def template_environment():
    """The jinja2 environment of the report: the templates folder, autoescaping, tr() and number filters."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIRECTORY), autoescape=jinja2.select_autoescape(("html",)),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    environment.globals.update(tr=_translate, status_label=status_label, level_label=level_label,
                               status_colour=status_colour, status_text_colour=status_text_colour,
                               status_ink=status_ink, arithmetic_text=arithmetic_text, advisory=ADVISORY,
                               statuses=STATUSES)
    environment.filters["number"] = _number
    return environment




# Area field names a planner's data commonly uses, and what they are in words.
_AREA_KINDS = {"street": ("street", "streets", "subdistrict", "sub_district", "jiedao", "jd", "street_name"),
               "district": ("district", "districts", "qu", "county", "district_name"),
               "town": ("town", "towns", "township", "zhen")}


def area_label(area_name):
    """The heading of the area column: a field or layer name in words ('street' → 街道, any other code-like
    name → 区域); a name already in words (街道, 所属街道) as it is."""
    name = (area_name or "").strip()
    if not name:
        return ""
    if not name.isascii():
        return name
    key = name.lower()
    if key in _AREA_KINDS["street"]:
        return tr("Street", _CONTEXT)
    if key in _AREA_KINDS["district"]:
        return tr("District", _CONTEXT)
    if key in _AREA_KINDS["town"]:
        return tr("Town", _CONTEXT)
    return tr("Area", _CONTEXT)


def walking_method_label(method):
    """The measuring method in words: 'network' → 沿道路网络测量, 'straight_line_x1.4' → 直线距离 × 1.4."""
    if method == "network":
        return tr("along the road network", _CONTEXT)
    if method and method.startswith("straight_line_x"):
        return tr("straight line × detour factor {}", _CONTEXT).format(method[len("straight_line_x"):])
    return method or ""


def community_outcomes(data):
    return [CommunityOutcome(row.id, row.area, row.population, row.status, row.item_status)
            for row in data.communities]


def failing_items(data):
    """{community id: [items where a required rule fails]} in the standard's item order."""
    order = {code: index for index, (code, _name) in enumerate(data.items)}
    failing = {}
    for community_id, item in failed_required_pairs(data):
        items = failing.setdefault(community_id, [])
        if item not in items:
            items.append(item)
    for items in failing.values():
        items.sort(key=lambda item: order.get(item, len(order)))
    return failing


def unique(texts):
    """Each text once, in the order first seen (a problem several steps warn about is listed once)."""
    seen, result = set(), []
    for text in texts:
        if text not in seen:
            seen.add(text)
            result.append(text)
    return result


def build_report(data, sections=SECTIONS):
    """The whole report as an HTML string."""
    rules_by_community = {}
    for rule in data.rules:
        rules_by_community.setdefault(rule.community_id, []).append(rule)
    numbers = summary_numbers(data)
    outcomes = community_outcomes(data)
    item_codes = [code for code, _name in data.items]
    district = summarize_all(outcomes, item_codes, tr("Whole district", _CONTEXT))
    areas = sorted(summarize_by_area(outcomes, item_codes, tr("(no area)", _CONTEXT)),
                   key=lambda summary: summary.area) if data.area_name else []
    template = template_environment().get_template("report.html")
    return template.render(
        data=data, numbers=numbers, sections=sections, chart=chart_geometry(numbers["score_bins"]),
        district=district, areas=areas, shortfalls=shortfalls(outcomes, failing_items(data)),
        problems=unique(data.problems), detailed=len(data.communities) <= DETAIL_LIMIT, percent=_percent,
        provenance=provenance_text(data),
        area_label=area_label(data.area_name), summary_statuses=CARD_STATUSES, rules_by_community=rules_by_community, item_names=dict(data.items),
        community_names={row.id: row.name for row in data.communities},
        walking_method=walking_method_label(data.walking_method),
        map_src="data:image/png;base64," + base64.b64encode(data.map_png).decode("ascii") if data.map_png else None,
    ) + "\n"
