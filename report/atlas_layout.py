"""一社区一档: an atlas print layout (QgsLayoutAtlas), one A4 portrait page per community.

Each page: the community's name and verdict as the title (header and footer in the style of the assessment
map, report/map_layout.py); the map zoomed to the community with its neighbours faded, roads, facilities by
category, its walking routes and the service areas of the kinds it does not reach, with a legend of what the
map shows; a table of every item (required or advisory, its result in the status colour); the rules it does
not meet (required or advisory, measured value, threshold, clause, in the status colour); and the guide's
advice for each missing item.

    project = QgsProject()
    atlas = build_atlas_layout(project, communities, rules, AtlasContent(...), font_family)
    error = export_atlas(atlas, "atlas.pdf", feedback)          # one multi-page PDF, progress per page
    del atlas                                                   # before the project, which owns the layers

Texts that change per page are QGIS expressions evaluated for the atlas feature. The two tables are filled
per page by AtlasPages (the iterator the exporter walks) from the community's own attributes and from the
rules read once, grouped by community: a filter expression over the whole rules table on every page would
scan it once per page (hundreds of thousands of rows for a city).
"""

import os
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

from qgis.core import (QgsAbstractLayoutIterator, QgsFeatureRequest, QgsLayoutExporter, QgsLayoutFrame,
                       QgsLayoutItemLegend, QgsLayoutItemManualTable, QgsLayoutItemMap, QgsLayoutMeasurement,
                       QgsLayoutSize, QgsLayoutTableColumn, QgsLegendStyle, QgsPrintLayout, QgsProperty,
                       QgsRenderContext, QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsSymbol, QgsSymbolLayer,
                       QgsTableCell, QgsUnitTypes, QgsWkbTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core import output_fields as F
from ..core.describe import format_number, level_label, unit_label
from ..core.status import (ADVISORY, FAIL, NO_DATA, PASS, STATUSES, status_colour, status_label,
                           status_text_colour)
from ..core.values import is_null
from ..i18n import tr
from ..styles.compliance import apply_community_style
from .map_layout import (FRAME_COLOUR, MUTED_COLOUR, TEXT_COLOUR, _add_label, _add_north_arrow, _add_scale_bar,
                         _font, _place, _quiet_gdal, _text_format)

_CONTEXT = "AtlasLayout"

PAGE = (210.0, 297.0)  # A4 portrait, mm
MARGIN = 12.0
MAP_TOP, MAP_HEIGHT = 27.0, 126.0
LEGEND_WIDTH, LEGEND_GAP = 46.0, 3.0  # the legend right of the map
COLUMN_TOP = MAP_TOP + MAP_HEIGHT + 20.0
LEFT_WIDTH = 64.0
COLUMN_GAP = 5.0
FOOTER_HEIGHT = 7.0
TABLE_TEXT_SIZE = 6.5  # points
ATLAS_MARGIN = 0.35  # room around the community: its neighbours show, faded
# Rules shown on a community's page: those it does not meet.
SHOWN_STATUSES = (FAIL, ADVISORY, NO_DATA)
MAX_RULE_ROWS = 12
# Shares of the width of the columns of the rules table (item, rule, level, measured, threshold, clause,
# status) and of the items table (item, level, status).
RULE_SHARES = (0.15, 0.25, 0.12, 0.11, 0.12, 0.13, 0.12)
ITEM_SHARES = (0.53, 0.22, 0.25)


def rule_headings():
    return [tr("Item", _CONTEXT), tr("Rule", _CONTEXT), tr("Level", _CONTEXT), tr("Measured", _CONTEXT),
            tr("Threshold", _CONTEXT), tr("Clause", _CONTEXT), tr("Status", _CONTEXT)]


def item_headings():
    return [tr("Item", _CONTEXT), tr("Level", _CONTEXT), tr("Status", _CONTEXT)]


@dataclass
class AtlasContent:
    """What goes on the pages besides the communities and their rules: optional context layers (drawn top to
    bottom: routes, facilities, roads, the service areas, then the communities) and the standard's texts."""
    title: str
    credit: str
    items: List[Tuple[str, str, str]]              # (item code, name, clause) in the guide's table order
    guidance: Dict[str, str] = field(default_factory=dict)   # item code → the guide's advice
    required_items: Set[str] = field(default_factory=set)    # items with a required rule (应); the others 宜
    categories: List[str] = field(default_factory=list)      # category codes (service areas by category)
    name_field: str = F.COMMUNITY_NAME.name
    facilities: object = None
    routes: object = None
    roads: object = None
    service_areas: object = None
    file_name_expression: Optional[str] = None


@dataclass
class RuleLine:
    """A rule a community does not meet, as its page lists it."""
    item: str
    item_name: str
    rule_name: str
    level: Optional[str]
    measured: Optional[float]
    threshold_min: Optional[float]
    threshold_max: Optional[float]
    unit: Optional[str]
    clause: str
    status: str


def quote_literal(text):
    """A QGIS expression string literal."""
    return "'{}'".format(str(text).replace("\\", "\\\\").replace("'", "''"))


def quote_field(name):
    return '"{}"'.format(name.replace('"', '""'))


def advice_expression(items, guidance):
    """For each item the community fails: '一个托儿所：<the guide's advice>' (empty when it fails none)."""
    parts = []
    for code, name, _clause in items:
        text = guidance.get(code)
        if not text:
            continue
        parts.append("if({} = {}, {} || '\\n', '')".format(
            quote_field(F.ITEM_STATUS.name_for(code)), quote_literal(FAIL),
            quote_literal("■ {}：{}".format(name, text))))
    body = " || ".join(parts) if parts else "''"
    # Nothing failing is not everything met: a community the data cannot decide is told so.
    nothing_failing = "if({} = {}, {}, {})".format(
        quote_field(F.CC_STATUS.name), quote_literal(NO_DATA),
        quote_literal(tr("No required item is known to fail, but the data cannot decide some: see the rules not "
                         "met above.", _CONTEXT)),
        quote_literal(tr("Every required item is met.", _CONTEXT)))
    return "coalesce(nullif({}, ''), {})".format(body, nothing_failing)


def _value(value):
    return None if is_null(value) else value


def read_rules(rules, items, feedback=None):
    """{community id: [RuleLine]} of the rules not met (SHOWN_STATUSES), in the guide's item order, required
    before advisory: read once for every page."""
    if rules is None:
        return {}
    names = rules.fields().names()
    wanted = [F.COMMUNITY_ID_ROW, F.ITEM, F.ITEM_NAME, F.RULE_NAME, F.LEVEL, F.MEASURED_VALUE, F.THRESHOLD_MIN,
              F.THRESHOLD_MAX, F.UNIT, F.CLAUSE, F.STATUS]
    present = [definition.name for definition in wanted if definition.name in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(present, rules.fields())
    request.setFilterExpression("{} IN ({})".format(quote_field(F.STATUS.name), ", ".join(
        quote_literal(status) for status in SHOWN_STATUSES)))
    by_community = {}
    for feature in rules.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            return {}

        def get(definition):
            return _value(feature[definition.name]) if definition.name in names else None
        by_community.setdefault(str(get(F.COMMUNITY_ID_ROW)), []).append(RuleLine(
            str(get(F.ITEM) or ""), str(get(F.ITEM_NAME) or ""), str(get(F.RULE_NAME) or ""), get(F.LEVEL),
            get(F.MEASURED_VALUE), get(F.THRESHOLD_MIN), get(F.THRESHOLD_MAX), get(F.UNIT),
            str(get(F.CLAUSE) or ""), str(get(F.STATUS))))
    order = {code: index for index, (code, _name, _clause) in enumerate(items)}
    severity = {status: index for index, status in enumerate(SHOWN_STATUSES)}
    for lines in by_community.values():
        lines.sort(key=lambda line: (order.get(line.item, len(order)), line.level != "required",
                                     severity.get(line.status, len(severity))))
    return by_community


def wrap_text(text, width_mm, size_pt):
    """Line breaks so that `text` fits `width_mm` at `size_pt`: between words for text with spaces, between
    any two characters for Chinese (a table wraps only at spaces, and Chinese has none)."""
    text = str(text or "")
    em = size_pt * 25.4 / 72.0  # a wide (CJK) character, mm
    capacity = max(4.0, width_mm / em * 2.0)  # in half-widths: a CJK character is 2, a Latin one about 1.1
    lines, line, used = [], "", 0.0
    for word in _breakable(text):
        width = sum(2.0 if unicodedata.east_asian_width(char) in "WF" else 1.1 for char in word)
        if line and used + width > capacity:
            lines.append(line.rstrip())
            line, used = word.lstrip(), width
        else:
            line, used = line + word, used + width
    if line:
        lines.append(line.rstrip())
    return "\n".join(lines)


def _breakable(text):
    """The pieces a line may break between: each CJK character alone, runs of other characters with the
    space before them."""
    pieces, current = [], ""
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            if current:
                pieces.append(current)
                current = ""
            pieces.append(char)
        elif char == " " and current.strip():
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def _threshold_text(line):
    parts = []
    if line.threshold_min is not None:
        parts.append("≥ {}".format(format_number(line.threshold_min)))
    if line.threshold_max is not None:
        parts.append("≤ {}".format(format_number(line.threshold_max)))
    return " ".join(parts) or "–"


def _unit(unit):
    try:
        return unit_label(unit) if unit else ""
    except KeyError:
        return str(unit)


def _status_cell(status, text=None):
    """A cell showing a status in words on its colour (an unknown value as it is, uncoloured)."""
    cell = QgsTableCell(text if text is not None else (status_label(status) if status in STATUSES else status or "–"))
    if status in STATUSES:
        cell.setBackgroundColor(QColor(status_colour(status)))
        cell.setForegroundColor(QColor(status_text_colour(status)))
    return cell


def item_rows(feature, content, widths):
    """The items table of a community: name, 应/宜 (required or advisory), its status in colour."""
    rows = []
    for code, name, _clause in content.items:
        status = _value(feature[F.ITEM_STATUS.name_for(code)])
        level = level_label("required" if code in content.required_items else "recommended")
        rows.append([QgsTableCell(wrap_text(name, widths[0], TABLE_TEXT_SIZE)),
                     QgsTableCell(wrap_text(level, widths[1], TABLE_TEXT_SIZE)),
                     _status_cell(str(status) if status is not None else None)])
    return rows


def rule_rows(lines, widths):
    """The rules table of a community: the rules it does not meet, the status column in colour."""
    rows = []
    for line in lines[:MAX_RULE_ROWS]:
        measured = "–" if line.measured is None else "{} {}".format(format_number(round(float(line.measured), 1)),
                                                                     _unit(line.unit)).strip()
        threshold = _threshold_text(line)
        if threshold != "–" and line.unit:
            threshold = "{} {}".format(threshold, _unit(line.unit))
        texts = [line.item_name, line.rule_name, level_label(line.level) if line.level else "", measured, threshold,
                 line.clause]
        rows.append([QgsTableCell(wrap_text(text, width, TABLE_TEXT_SIZE)) for text, width in zip(texts, widths)]
                    + [_status_cell(line.status)])
    if len(lines) > MAX_RULE_ROWS:
        more = QgsTableCell(tr("… and {} more: see the workbook or the report", _CONTEXT).format(
            len(lines) - MAX_RULE_ROWS))
        rows.append([more] + [QgsTableCell("") for _width in widths])
    return rows


def _fade_neighbours(layer):
    """The atlas community drawn strongly, the others faded: each category's fill alpha and outline width
    depend on whether the feature is the page's."""
    renderer = layer.renderer()
    for symbol in renderer.symbols(QgsRenderContext()):
        for index in range(symbol.symbolLayerCount()):
            symbol_layer = symbol.symbolLayer(index)
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
                "set_color_part(@symbol_color, 'alpha', if(@atlas_featureid = $id, 150, 40))"))
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
                "if(@atlas_featureid = $id, 0.9, 0.2)"))
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, QgsProperty.fromExpression(
                "if(@atlas_featureid = $id, '#000000', '#888888')"))


def _only_this_communitys_routes(layer, id_field):
    """Walking routes of the page's community only, coloured by their status."""
    root = QgsRuleBasedRenderer.Rule(None)
    for value in (PASS, ADVISORY, FAIL):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        symbol.setColor(QColor(status_colour(value)))
        symbol.setWidth(0.8)
        label = tr("Walking route: {}", _CONTEXT).format(status_label(value))
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "{} = attribute(@atlas_feature, {}) AND {} = {}".format(
            quote_field(F.COMMUNITY_ID_ROW.name), quote_literal(id_field), quote_field(F.STATUS.name),
            quote_literal(value)), label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def _only_kinds_not_reached(layer, categories, community_fields):
    """Service areas of the kinds the page's community does not reach within the limit (its walking access to
    them fails or is advisory): where the nearest facilities' walking catchment ends. Category colours kept."""
    cases = ["WHEN {} = {} THEN attribute(@atlas_feature, {})".format(
        quote_field(F.CC_CATEGORY.name), quote_literal(code), quote_literal(F.ACCESS_STATUS.name_for(code)))
        for code in categories if F.ACCESS_STATUS.name_for(code) in community_fields]
    if not cases:
        layer.setRenderer(QgsRuleBasedRenderer(QgsRuleBasedRenderer.Rule(None)))  # nothing to tell apart
        return
    condition = "CASE {} END IN ({}, {})".format(" ".join(cases), quote_literal(FAIL), quote_literal(ADVISORY))
    renderer = QgsRuleBasedRenderer.convertFromRenderer(layer.renderer()) if layer.renderer() else None
    if renderer is None:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        renderer = QgsRuleBasedRenderer(symbol)
    parent = QgsRuleBasedRenderer.Rule(None, 0, 0, condition)
    for child in list(renderer.rootRule().children()):
        parent.appendChild(child.clone())
    if not renderer.rootRule().children():
        parent.setSymbol(QgsSymbol.defaultSymbol(layer.geometryType()))
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(parent)
    filtered = QgsRuleBasedRenderer(root)
    for symbol in filtered.symbols(QgsRenderContext()):
        symbol.setOpacity(0.6)  # a symbol's own opacity: a layer opacity would turn the PDF's map into a picture
        if symbol.type() == QgsSymbol.Line:  # a street reached: a line of the same width on every page
            symbol.setOutputUnit(QgsUnitTypes.RenderMillimeters)
            symbol.setWidth(1.0)
    layer.setRenderer(filtered)


def _manual_table(layout, item_id, headings, widths, family, x, y, width, height):
    table = QgsLayoutItemManualTable.create(layout)
    columns = []
    for heading, column_width in zip(headings, widths):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(column_width)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    table.setColumnWidths(widths)
    table.setHeaderTextFormat(_text_format(family, TABLE_TEXT_SIZE + 0.5, TEXT_COLOUR))
    table.setContentTextFormat(_text_format(family, TABLE_TEXT_SIZE, TEXT_COLOUR))
    table.setCellMargin(0.7)
    table.setGridStrokeWidth(0.1)
    table.setGridColor(QColor("#bbbbbb"))
    table.setEmptyTableBehavior(QgsLayoutItemManualTable.ShowMessage)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    _place(frame, x, y, width, height)
    table.addFrame(frame)
    return table


def _column_widths(shares, width):
    margins = 2 * 0.7 + 0.1
    return [width * share - margins for share in shares]


def _add_map_legend(layout, map_item, layers, family, x, y, width, height):
    """What the map shows, filtered to what is on this page's map (the facility categories near the community,
    the statuses of its neighbours, its routes)."""
    legend = QgsLayoutItemLegend(layout)
    legend.setId("map_legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(False)
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    for style in (QgsLegendStyle.Group, QgsLegendStyle.Subgroup):
        legend.setStyleFont(style, _font(family, 6.5, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(family, 6))
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 1.2)
    legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 0.5)
    legend.rstyle(QgsLegendStyle.SymbolLabel).setMargin(QgsLegendStyle.Top, 0.5)
    legend.setSymbolWidth(4.0)
    legend.setSymbolHeight(2.4)
    legend.setWrapString("\n")
    layout.addLayoutItem(legend)
    _place(legend, x, y, width, height)
    return legend


class AtlasPages(QgsAbstractLayoutIterator):
    """The layout's atlas, walked by the exporter page by page; each step fills the two tables for the page's
    community (from its attributes and the rules read once) and reports progress; a cancelled feedback stops
    the walk."""

    def __init__(self, layout, content, rules_by_community, items_table, rules_table, item_widths, rule_widths):
        super().__init__()
        self._layout = layout
        self.atlas = layout.atlas()
        self.content = content
        self.rules_by_community = rules_by_community
        self.items_table, self.rules_table = items_table, rules_table
        self.item_widths, self.rule_widths = item_widths, rule_widths

    def layout(self):
        return self._layout

    def beginRender(self):  # noqa: N802 (QGIS API)
        return self.atlas.beginRender()

    def endRender(self):  # noqa: N802 (QGIS API)
        return self.atlas.endRender()

    def count(self):
        return self.atlas.count()

    def filePath(self, base_path, extension):  # noqa: N802 (QGIS API)
        return self.atlas.filePath(base_path, extension)

    def next(self):
        if not self.atlas.next():
            return False
        feature = self.atlas.layout().reportContext().feature()
        self.items_table.setTableContents(item_rows(feature, self.content, self.item_widths))
        if self.rules_table is not None:
            lines = self.rules_by_community.get(str(_value(feature[F.COMMUNITY_ID.name])), [])
            self.rules_table.setTableContents(rule_rows(lines, self.rule_widths))
        return True


def build_atlas_layout(project, communities, rules, content, font_family=None, feedback=None):
    """The atlas over `communities` (an evaluated community layer) in `project`, which takes ownership of every
    layer given (pass copies), as the AtlasPages the exporter walks (its layout(): the print layout). `rules`:
    the community_rules table of the same run, or None."""
    width, height = PAGE
    id_field = F.COMMUNITY_ID.name
    apply_community_style(communities, F.CC_STATUS.name, content.name_field or None)
    _fade_neighbours(communities)
    if content.routes is not None:
        _only_this_communitys_routes(content.routes, id_field)
    if content.roads is not None:
        road = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        road.setColor(QColor("#9e9e9e"))
        road.setWidth(0.35)
        content.roads.setRenderer(QgsSingleSymbolRenderer(road))
    if content.service_areas is not None:
        _only_kinds_not_reached(content.service_areas, content.categories, communities.fields().names())
    # Top to bottom: routes and facilities over the roads, the service areas under them, the communities last.
    above = [layer for layer in (content.routes, content.facilities, content.roads, content.service_areas)
             if layer is not None]
    layers = [layer for layer in above + [communities, rules] if layer is not None]
    project.addMapLayers([layer for layer in layers if project.mapLayer(layer.id()) is None], False)
    project.setCrs(communities.crs())

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(content.title)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
    text_width = width - 2 * MARGIN

    name = quote_field(content.name_field or F.COMMUNITY_NAME.name)
    _add_label(layout, "title", "[% {} %] · {}".format(name, content.title), _font(font_family, 16, bold=True),
               TEXT_COLOUR, MARGIN, 8, text_width, 10)
    _add_label(layout, "subtitle", "{}：[% represent_value({}) %] · {}：[% format_number({}, 1) %] · {}：[% {} %]".format(
        tr("Verdict", _CONTEXT), quote_field(F.CC_STATUS.name), tr("Score", _CONTEXT), quote_field(F.CC_SCORE.name),
        tr("Missing", _CONTEXT), "coalesce(nullif({}, ''), '–')".format(quote_field(F.CC_MISSING.name))),
        _font(font_family, 9.5), MUTED_COLOUR, MARGIN, 18.5, text_width, 7)

    map_width = text_width - LEGEND_WIDTH - LEGEND_GAP
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setRect(0, 0, map_width, MAP_HEIGHT)  # a size before any extent (see map_layout)
    map_item.setCrs(communities.crs())
    map_item.setExtent(communities.extent())
    layout.addLayoutItem(map_item)
    _place(map_item, MARGIN, MAP_TOP, map_width, MAP_HEIGHT)
    map_item.setLayers(above + [communities])
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(FRAME_COLOUR)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(ATLAS_MARGIN)
    _add_map_legend(layout, map_item, [communities] + above, font_family, MARGIN + map_width + LEGEND_GAP, MAP_TOP,
                    LEGEND_WIDTH, MAP_HEIGHT)
    _add_scale_bar(layout, map_item, font_family, 1.0, MARGIN, MAP_TOP + MAP_HEIGHT + 2, 60)
    _add_north_arrow(layout, map_item, font_family, MARGIN + map_width - 8, MAP_TOP + MAP_HEIGHT + 1.5, 7, 11)

    column_height = height - FOOTER_HEIGHT - MARGIN - COLUMN_TOP
    _add_label(layout, "items_title", tr("Every item", _CONTEXT), _font(font_family, 10, bold=True), TEXT_COLOUR,
               MARGIN, COLUMN_TOP - 6, LEFT_WIDTH, 6)
    item_widths = _column_widths(ITEM_SHARES, LEFT_WIDTH)
    items_table = _manual_table(layout, "items_table", item_headings(),
                                item_widths, font_family, MARGIN, COLUMN_TOP, LEFT_WIDTH, column_height)
    right = MARGIN + LEFT_WIDTH + COLUMN_GAP
    right_width = width - MARGIN - right
    _add_label(layout, "rules_title", tr("Rules not met (required, advisory, undecided)", _CONTEXT),
               _font(font_family, 10, bold=True), TEXT_COLOUR, right, COLUMN_TOP - 6, right_width, 6)
    table_height = column_height * 0.58
    rule_widths = _column_widths(RULE_SHARES, right_width)
    rules_table = None
    if rules is not None:
        rules_table = _manual_table(layout, "rules_table", rule_headings(),
                                    rule_widths, font_family, right, COLUMN_TOP, right_width, table_height)
        rules_table.setEmptyTableMessage(tr("Every rule is met.", _CONTEXT))
    advice_top = COLUMN_TOP + table_height + 7
    _add_label(layout, "advice_title", tr("Missing items and the guide's advice", _CONTEXT),
               _font(font_family, 10, bold=True), TEXT_COLOUR, right, advice_top - 6, right_width, 6)
    _add_label(layout, "advice", "[% {} %]".format(advice_expression(content.items, content.guidance)),
               _font(font_family, 7.5), TEXT_COLOUR, right, advice_top, right_width,
               height - FOOTER_HEIGHT - MARGIN - advice_top, vertical_align=Qt.AlignTop)
    _add_label(layout, "credit", "{} · {}".format(content.credit, tr(
        "page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]", _CONTEXT)), _font(font_family, 7),
        MUTED_COLOUR, MARGIN, height - MARGIN - FOOTER_HEIGHT + 3, text_width, FOOTER_HEIGHT)

    atlas = layout.atlas()
    atlas.setCoverageLayer(communities)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression(quote_field(id_field))
    atlas.setPageNameExpression(name)
    atlas.setFilenameExpression(content.file_name_expression or (
        "regexp_replace({} || '_' || coalesce({}, ''), '[\\\\\\\\/:*?\"<>|\\\\s]+', '_')".format(
            quote_field(id_field), name)))
    return AtlasPages(layout, content, read_rules(rules, content.items, feedback), items_table, rules_table,
                      item_widths, rule_widths)


def pdf_settings(dpi):
    """Vector pages with text as text: QGIS draws text as outlines by default, and every Chinese glyph as a
    path makes a city's atlas several times larger (the font is embedded once, subset)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    return settings


def export_atlas(pages, path, feedback=None, dpi=150):
    """Every page into one PDF; returns an error text or ''."""
    result, error = QgsLayoutExporter.exportToPdf(pages, path, pdf_settings(dpi), feedback)
    return _error(result, error, path)


def export_atlas_pages(pages, folder, extension, feedback=None, dpi=150):
    """One file per community into `folder`, named by the atlas file name expression; returns an error or ''."""
    base = os.path.join(folder, "page")
    if extension == ".pdf":
        result, error = QgsLayoutExporter.exportToPdfs(pages, base, pdf_settings(dpi), feedback)
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.generateWorldFile = False
        with _quiet_gdal():
            result, error = QgsLayoutExporter.exportToImage(pages, base, extension.lstrip("."), settings, feedback)
    return _error(result, error, folder)


def _error(result, error, path):
    if result == QgsLayoutExporter.Success:
        return ""
    if result == QgsLayoutExporter.Canceled:
        return tr("The atlas was cancelled.", _CONTEXT)
    return error or tr("Could not write the atlas to {}.", _CONTEXT).format(path)
