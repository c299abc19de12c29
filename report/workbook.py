"""The assessment as an Excel workbook everyone can filter: the summary, the shortfalls, community × item in the
guide's table order, every rule, and the figures by area. Built from the report's data (ReportData), headers
in the UI language, statuses as words (达标/不达标/…) in their status colour. No QGIS.
"""

from ..core.area_summary import shortfalls, summarize_all, summarize_by_area
from ..core.describe import format_number, level_label, unit_label
from ..core.status import STATUSES, status_colour, status_label, status_text_colour
from ..i18n import tr
from .html_report import ASSESSED_LIFE_CIRCLES, area_label, community_outcomes, failing_items
from .xlsx import Cell, Sheet, write_xlsx

_CONTEXT = "Workbook"
RULES_PER_PROGRESS = 10000  # rule rows put in words between two progress reports
WORDING_SHARE = 0.3         # of a workbook's time: putting the rows in words; the rest is writing them


def status_cell(status):
    """A status in words, filled with its colour; an unknown or empty value as it is."""
    if status in STATUSES:
        return Cell(status_label(status), "{}/{}".format(status_colour(status), status_text_colour(status)))
    return status or ""


def _rate(value):
    return Cell(value, "percent") if value is not None else None


def _threshold(limits):
    """(minimum, maximum) → '≥ 300，≤ 500'."""
    low, high = limits
    parts = []
    if low is not None:
        parts.append("≥ {}".format(format_number(low)))
    if high is not None:
        parts.append("≤ {}".format(format_number(high)))
    return "，".join(parts)


def _words(assessed):
    """The workbook's words for what its rows are (ReportData.assessed): communities, or 15-minute life circles."""
    if assessed == ASSESSED_LIFE_CIRCLES:
        return dict(
            assessed=tr("Life circles assessed", _CONTEXT), complete=tr("Life circles met", _CONTEXT),
            failing=tr("Life circles failing a required item", _CONTEXT),
            no_data=tr("Life circles the data cannot decide", _CONTEXT),
            rate=tr("Life circles met (share of life circles)", _CONTEXT),
            residents_complete=tr("Residents in life circles met", _CONTEXT),
            residents_rate=tr("Life circles met (share of residents)", _CONTEXT),
            no_population=tr("Life circles without a resident population", _CONTEXT),
            failing_it=tr("Life circles that fail it", _CONTEXT), identifier=tr("Life circle ID", _CONTEXT),
            name=tr("Life circle", _CONTEXT), by_item=tr("Life circle × item", _CONTEXT))
    return dict(
        assessed=tr("Communities assessed", _CONTEXT), complete=tr("Complete communities", _CONTEXT),
        failing=tr("Communities failing a required item", _CONTEXT),
        no_data=tr("Communities the data cannot decide", _CONTEXT),
        rate=tr("Complete-community rate (communities)", _CONTEXT),
        residents_complete=tr("Residents in complete communities", _CONTEXT),
        residents_rate=tr("Complete-community rate (residents)", _CONTEXT),
        no_population=tr("Communities without a resident population", _CONTEXT),
        failing_it=tr("Communities that fail it", _CONTEXT), identifier=tr("Community ID", _CONTEXT),
        name=tr("Community", _CONTEXT), by_item=tr("Community × item", _CONTEXT))


def workbook_sheets(data, item_order=None, progress=None):
    """The sheets of the workbook. `item_order`: item codes in the guide's table order (default: data.items).
    `progress(fraction)`: called as the rule rows are put in words (it may raise to stop)."""
    names = dict(data.items)
    order = list(item_order or [code for code, _name in data.items])
    outcomes = community_outcomes(data)
    district = summarize_all(outcomes, order, tr("Whole district", _CONTEXT))
    heading = [[tr("Report", _CONTEXT), Cell(data.title, "bold")], [tr("Date", _CONTEXT), data.date]]
    if data.organisation:
        heading.append([tr("Prepared by", _CONTEXT), data.organisation])

    words = _words(data.assessed)
    summary = Sheet(tr("Summary", _CONTEXT), [tr("Figure", _CONTEXT), tr("Value", _CONTEXT)], heading + [
        [words["assessed"], district.communities],
        [words["complete"], district.complete],
        [words["failing"], district.failing],
        [words["no_data"], district.no_data],
        [words["rate"], _rate(district.complete_rate)],
        [tr("Residents", _CONTEXT), district.residents],
        [words["residents_complete"], district.complete_residents],
        [words["residents_rate"], _rate(district.complete_residents_rate)],
        [words["no_population"], district.residents_unknown],
        [tr("Standard", _CONTEXT), "{} ({})".format(data.standard_name, ", ".join(data.standard_files))],
    ] + [[entry[0], "{}{}".format(entry[1], " ({})".format(entry[2]) if len(entry) > 2 and entry[2] else "")]
         for entry in data.inputs], widths=[36, 90])

    shortfall_sheet = Sheet(tr("Shortfalls", _CONTEXT), [tr("Item", _CONTEXT), words["failing_it"], tr("Residents affected", _CONTEXT),
                                               tr("Recommended action (the guide)", _CONTEXT)],
                            [[names.get(item, item), communities, residents, data.guidance.get(item, "")]
                             for item, communities, residents in shortfalls(outcomes, failing_items(data))],
                            widths=[28, 14, 14, 100])

    has_area = bool(data.area_name)
    area_heading = area_label(data.area_name)
    header = [words["identifier"], words["name"]] + ([area_heading] if has_area else []) + [
        tr("Type", _CONTEXT), tr("Population", _CONTEXT), tr("Score", _CONTEXT), tr("Verdict", _CONTEXT), tr("Missing items", _CONTEXT)] + [
        names.get(code, code) for code in order]
    rows = []
    statuses = _once(status_cell)
    for row in data.communities:
        rows.append([row.id, row.name] + ([row.area or ""] if has_area else []) + [
            row.community_type or "", row.population, None if row.score is None else round(float(row.score), 1),
            statuses(row.status), row.missing] + [statuses(row.item_status.get(code)) for code in order])
    items_sheet = Sheet(words["by_item"], header, rows)

    community_names = {row.id: row.name for row in data.communities}
    # A city has 250,000 rule rows and a handful of levels, units and statuses: each put in words once.
    levels = _once(lambda level: level_label(level) if level else "")
    units = _once(lambda unit: unit_label(unit) if unit else "")
    thresholds = _once(_threshold)
    rule_rows = []
    for number, rule in enumerate(data.rules):
        if progress is not None and number % RULES_PER_PROGRESS == 0:
            progress(number / len(data.rules))
        rule_rows.append([
            rule.community_id, community_names.get(rule.community_id, ""), names.get(rule.item, rule.item),
            rule.rule_name, rule.clause, levels(rule.level), rule.measured,
            thresholds((rule.threshold_min, rule.threshold_max)), units(rule.unit), statuses(rule.status), rule.reason])
    rules_sheet = Sheet(tr("Rules", _CONTEXT), [
        words["identifier"], words["name"], tr("Item", _CONTEXT), tr("Rule", _CONTEXT), tr("Clause", _CONTEXT), tr("Level", _CONTEXT), tr("Measured", _CONTEXT),
        tr("Threshold", _CONTEXT), tr("Unit", _CONTEXT), tr("Status", _CONTEXT), tr("Reason", _CONTEXT)], rule_rows,
        widths=[12, 16, 22, 36, 14, 10, 10, 12, 8, 10, 80])

    sheets = [summary, shortfall_sheet, items_sheet, rules_sheet]
    if has_area:
        areas = sorted(summarize_by_area(outcomes, order, tr("(no area)", _CONTEXT)), key=lambda summary: summary.area)
        area_rows = []
        for area in areas + [district]:
            area_rows.append([area.area, area.communities, area.residents, area.complete, area.failing, area.no_data,
                              _rate(area.complete_rate), _rate(area.complete_residents_rate),
                              "、".join(names.get(share.item, share.item) for share in area.weakest_items())] + [
                _rate(area.items[code].share) for code in order])
        sheets.append(Sheet(tr("By area", _CONTEXT), [
            area_heading, tr("Communities", _CONTEXT), tr("Residents", _CONTEXT), tr("Complete", _CONTEXT), tr("Failing", _CONTEXT), tr("No data", _CONTEXT),
            tr("Complete-community rate (communities)", _CONTEXT), tr("Complete-community rate (residents)", _CONTEXT),
            tr("Weakest items", _CONTEXT)] + [tr("{}: share meeting", _CONTEXT).format(names.get(code, code)) for code in order],
            area_rows))
    return sheets


def write_workbook(path, data, item_order=None, progress=None):
    """`progress(fraction)`: called as the rows are put in words, then as they are written (it may raise to
    stop: the file is then left as it was)."""
    if progress is None:
        write_xlsx(path, workbook_sheets(data, item_order))
        return
    sheets = workbook_sheets(data, item_order, lambda fraction: progress(WORDING_SHARE * fraction))
    write_xlsx(path, sheets, lambda fraction: progress(WORDING_SHARE + (1 - WORDING_SHARE) * fraction))


def _once(function):
    """`function` of one argument, computed once per distinct argument."""
    known = {}

    def remembered(value):
        if value not in known:
            known[value] = function(value)
        return known[value]

    return remembered
