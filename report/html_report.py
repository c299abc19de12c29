"""The assessment report: one self-contained HTML file (styles, chart and map inline; no network needed).

Built from plain data (ReportData), so it can be checked without QGIS; processing/assess.py reads the
result layers into that data. Text goes through tr(), so the report is Chinese in a Chinese QGIS.
"""

import base64
import html
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..core.describe import format_number, level_label
from ..core.engine import items_arithmetic_text
from ..core.status import ADVISORY, FAIL, NO_DATA, NOT_APPLICABLE, PASS, STATUSES, status_colour, status_label
from ..core.status import status_ink, status_text_colour
from ..i18n import tr

_CONTEXT = "Report"
SCORE_BINS = ((0, 80), (80, 85), (85, 90), (90, 95), (95, 100), (100, 100))


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
    standard_id: str = ""
    standard_version: str = ""
    standard_hash: str = ""


def _e(text):
    return html.escape("" if text is None else str(text))


def _number(value, digits=0):
    if value is None:
        return "–"
    return format_number(round(float(value), digits))


def _header_cells(texts):
    return "".join("<th>{}</th>".format(_e(text)) for text in texts)


def _badge(status):
    if not status:
        return "–"
    if status not in STATUSES:
        return _e(status)
    return '<span class="badge" style="background:{};color:{}">{}</span>'.format(
        status_colour(status), status_text_colour(status), _e(status_label(status)))


def arithmetic_text(row):
    """'达标 17 项 / 不达标 2 项 / 数据不足 1 项': how the community's score was counted."""
    if row.items_met is None:
        return ""
    return items_arithmetic_text(row.items_met, row.items_failed or 0, row.items_no_data or 0)


def summary_numbers(data):
    """{'total', 'by_status': {status: n}, 'missing_items': [(item name, n)], 'score_bins': [(label, n)]}."""
    by_status = Counter(row.status for row in data.communities)
    names = dict(data.items)
    missing = Counter(rule.item for rule in data.rules if rule.level == "required" and rule.status == FAIL)
    communities_missing = Counter()
    for item in missing:
        communities_missing[item] = len({rule.community_id for rule in data.rules
                                         if rule.item == item and rule.level == "required" and rule.status == FAIL})
    bins = []
    for low, high in SCORE_BINS:
        label = "100" if low == high else "{}–{}".format(low, high)
        count = sum(1 for row in data.communities if row.score is not None and (
            row.score == 100 if low == high else low <= row.score < high))
        bins.append((label, count))
    return {
        "total": len(data.communities),
        "by_status": {status: by_status.get(status, 0) for status in STATUSES},
        "missing_items": [(names.get(item, item), count) for item, count in communities_missing.most_common()],
        "score_bins": bins,
    }


def _bar_chart(bins):
    """An inline SVG bar chart of the score distribution."""
    width, height, gap, top_margin = 420, 160, 10, 20
    top = max((count for _label, count in bins), default=0) or 1
    bar = (width - gap * (len(bins) + 1)) / len(bins)
    parts = ['<svg class="chart" width="{}" height="{}" role="img" aria-label="{}">'.format(
        width, height + top_margin + 30, _e(tr("Score distribution", _CONTEXT)))]
    for index, (label, count) in enumerate(bins):
        x = gap + index * (bar + gap)
        bar_height = height * count / top
        parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"></rect>'.format(
            x, top_margin + height - bar_height, bar, bar_height, status_colour(PASS)))
        parts.append('<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>'.format(
            x + bar / 2, top_margin - 5 + height - bar_height, count))
        parts.append('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>'.format(
            x + bar / 2, top_margin + height + 18, _e(label)))
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.5; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid PASS_COLOUR; padding-bottom: 0.2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; width: 100%; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; }
.badge { color: white; border-radius: 3px; padding: 0 0.4em; white-space: nowrap; }
.cards { display: flex; gap: 1em; flex-wrap: wrap; } .card { border: 1px solid #ddd; border-radius: 6px;
padding: 0.6em 1em; min-width: 9em; } .card .value { font-size: 2em; font-weight: bold; }
.chart text { font-size: 12px; fill: #333; } img.map { max-width: 100%; border: 1px solid #ccc; }
.muted { color: #666; } details { margin: 0.3em 0; } .note { color: #555; font-size: 0.9em; }
footer { margin-top: 2em; border-top: 1px solid #ccc; padding-top: 0.5em; font-size: 0.85em; }
""".replace("PASS_COLOUR", status_colour(PASS))


def provenance_text(data):
    """The footer: which standard, exactly, produced these results."""
    return tr("Standard: {} — id {}, version {}, content hash (sha256) {}", _CONTEXT).format(
        data.standard_name, data.standard_id or "–", data.standard_version or "–", data.standard_hash or "–")


def build_report(data):
    """The whole report as an HTML string."""
    numbers = summary_numbers(data)
    out = ['<!DOCTYPE html>\n<html lang="{}"><head><meta charset="utf-8"><title>{}</title><style>{}</style></head>'
           '<body>'.format(_e(data.language), _e(data.title), CSS)]
    out.append("<h1>{}</h1>".format(_e(data.title)))
    out.append('<p class="muted">{} · {}</p>'.format(_e(data.date), _e(data.standard_name)))
    out.append('<p class="muted" id="score-definition">{}</p>'.format(_e(tr(
        "Score = 100 × items met ÷ (items met + items failed). An item is met when all its applicable required "
        "rules (应/须/要) are met; items without enough data are counted apart and never as failures. Recommended "
        "and conditional rules (宜/可/具备条件的) that are not met are shown as advisory (建议改进), in amber, and "
        "never change the score.", _CONTEXT))))

    out.append("<h2>{}</h2>".format(_e(tr("Summary", _CONTEXT))))
    out.append('<div class="cards">')
    out.append('<div class="card" id="total"><div class="value">{}</div>{}</div>'.format(
        numbers["total"], _e(tr("communities assessed", _CONTEXT))))
    for status in (PASS, FAIL, NO_DATA):
        out.append('<div class="card" id="count-{}"><div class="value" style="color:{}">{}</div>{}</div>'.format(
            status, status_colour(status), numbers["by_status"][status], _e(status_label(status))))
    # Advice is counted apart, in amber: it never changes a verdict.
    advised = sum(1 for row in data.communities if row.advice)
    out.append('<div class="card" id="count-advice"><div class="value" style="color:{}">{}</div>{}</div>'.format(
        status_ink(ADVISORY), advised, _e(tr("with advice (建议改进)", _CONTEXT))))
    out.append("</div>")
    out.append("<h3>{}</h3>".format(_e(tr("Score distribution", _CONTEXT))))
    out.append(_bar_chart(numbers["score_bins"]))
    out.append("<h3>{}</h3>".format(_e(tr("Most frequently missing items", _CONTEXT))))
    if numbers["missing_items"]:
        out.append('<table id="missing-items"><tr><th>{}</th><th>{}</th></tr>'.format(
            _e(tr("Item", _CONTEXT)), _e(tr("Communities that fail it", _CONTEXT))))
        for name, count in numbers["missing_items"]:
            out.append('<tr><td>{}</td><td class="num">{}</td></tr>'.format(_e(name), count))
        out.append("</table>")
    else:
        out.append("<p>{}</p>".format(_e(tr("No required item fails in any community.", _CONTEXT))))

    if data.map_png:
        out.append("<h2>{}</h2>".format(_e(tr("Map", _CONTEXT))))
        out.append('<img class="map" alt="{}" src="data:image/png;base64,{}">'.format(
            _e(tr("Compliance map", _CONTEXT)), base64.b64encode(data.map_png).decode("ascii")))

    out.append("<h2>{}</h2>".format(_e(tr("Communities", _CONTEXT))))
    out.append('<table id="communities"><tr>{}</tr>'.format(_header_cells((
        tr("Community", _CONTEXT), tr("Type", _CONTEXT), tr("Population", _CONTEXT), tr("Score", _CONTEXT),
        tr("Items", _CONTEXT), tr("Status", _CONTEXT), tr("Missing items", _CONTEXT),
        tr("Advisory (建议改进)", _CONTEXT)))))
    for row in data.communities:
        out.append('<tr data-id="{}"><td>{}</td><td>{}</td><td class="num">{}</td><td class="num score">{}</td>'
                   '<td class="arithmetic">{}</td><td data-status="{}">{}</td><td>{}</td>'
                   '<td class="advice" style="color:{}">{}</td></tr>'.format(
                       _e(row.id), _e(row.name), _e(row.community_type), _number(row.population),
                       _number(row.score, 1), _e(arithmetic_text(row)), _e(row.status), _badge(row.status),
                       _e(row.missing), status_ink(ADVISORY), _e(row.advice)))
    out.append("</table>")

    out.append("<h2>{}</h2>".format(_e(tr("Each community, item by item", _CONTEXT))))
    rules_by_community = {}
    for rule in data.rules:
        rules_by_community.setdefault(rule.community_id, []).append(rule)
    item_names = dict(data.items)
    for row in data.communities:
        out.append('<details class="community" data-id="{}"{}><summary><b>{}</b> {} {} '
                   '<span class="muted">{}</span></summary>'.format(
                       _e(row.id), " open" if row.status == FAIL else "", _e(row.name), _badge(row.status),
                       _number(row.score, 1), _e(arithmetic_text(row))))
        out.append('<table><tr>{}</tr>'.format(_header_cells((
            tr("Item", _CONTEXT), tr("Requirement", _CONTEXT), tr("Clause", _CONTEXT), tr("Status", _CONTEXT),
            tr("Reason", _CONTEXT)))))
        for rule in rules_by_community.get(row.id, []):
            if rule.status == NOT_APPLICABLE:
                continue
            note = '<br><span class="note">{}</span>'.format(_e(rule.note)) if rule.note else ""
            out.append('<tr data-rule="{}"><td>{}</td><td>{}{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>'.format(
                _e(rule.rule_id), _e(item_names.get(rule.item, rule.item)), _e(rule.rule_name),
                "" if rule.level == "required" else ' <span class="muted">({})</span>'.format(
                    _e(level_label(rule.level))), note, _e(rule.clause), _badge(rule.status), _e(rule.reason)))
        out.append("</table></details>")

    out.append("<h2>{}</h2>".format(_e(tr("Walking distances", _CONTEXT))))
    out.append('<p class="muted">{}</p>'.format(_e(tr("Method: {}", _CONTEXT).format(data.walking_method))))
    if data.walking and data.categories:
        header = "".join("<th>{}<br><span class=\"muted\">{}</span></th>".format(
            _e(name), "≤ {} m".format(_number(limit)) if limit is not None else _e(tr("reported only", _CONTEXT)))
            for _code, name, limit in data.categories)
        out.append('<table id="walking"><tr><th>{}</th>{}</tr>'.format(_e(tr("Community", _CONTEXT)), header))
        names = {row.id: row.name for row in data.communities}
        for row in data.walking:
            cells = []
            for code, _name, _limit in data.categories:
                metres, status = row.distances.get(code, (None, None))
                cells.append('<td class="num" style="color:{}">{}</td>'.format(
                    status_ink(status), _number(metres)))
            out.append('<tr data-id="{}"><td>{}</td>{}</tr>'.format(_e(row.community_id),
                                                                     _e(names.get(row.community_id)), "".join(cells)))
        out.append("</table>")

    out.append("<h2>{}</h2>".format(_e(tr("15-minute life circles", _CONTEXT))))
    if data.life_circles:
        out.append('<table id="life-circles"><tr>{}</tr>'.format(_header_cells((
            tr("Life circle", _CONTEXT), tr("Communities", _CONTEXT), tr("Population", _CONTEXT),
            tr("Radius (m)", _CONTEXT), tr("Score", _CONTEXT), tr("Status", _CONTEXT), tr("Missing items", _CONTEXT)))))
        for row in data.life_circles:
            out.append('<tr data-id="{}"><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td>'
                       '<td class="num">{}</td><td>{}</td><td>{}</td></tr>'.format(
                           _e(row.id), _e(row.name), _e(row.members), _number(row.population), _number(row.radius),
                           _number(row.score, 1), _badge(row.status), _e(row.missing)))
        out.append("</table>")
    else:
        out.append("<p>{}</p>".format(_e(tr("Not evaluated.", _CONTEXT))))

    out.append("<h2>{}</h2>".format(_e(tr("Inputs and standard", _CONTEXT))))
    out.append('<table id="inputs">')
    for what, description in [(tr("Standard", _CONTEXT), "{} ({})".format(
            data.standard_name, ", ".join(data.standard_files)))] + list(data.inputs):
        out.append("<tr><th>{}</th><td>{}</td></tr>".format(_e(what), _e(description)))
    out.append("</table>")
    out.append("<h3>{}</h3>".format(_e(tr("Data problems found", _CONTEXT))))
    if data.problems:
        out.append('<ul id="problems">{}</ul>'.format("".join("<li>{}</li>".format(_e(p)) for p in data.problems)))
    else:
        out.append("<p>{}</p>".format(_e(tr("None.", _CONTEXT))))
    if data.outputs:
        out.append("<h3>{}</h3><ul>{}</ul>".format(_e(tr("Files", _CONTEXT)), "".join(
            "<li>{}</li>".format(_e(path)) for path in data.outputs)))
    out.append('<footer class="muted" id="provenance">{}</footer>'.format(_e(provenance_text(data))))
    out.append("</body></html>\n")
    return "\n".join(out)
