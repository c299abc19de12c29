"""一社区一档: an atlas print layout (QgsLayoutAtlas), one A4 portrait page per community.

Each page: the community's name and verdict as the title (header and footer in the style of the assessment
map, report/map_layout.py), the map zoomed to the community with its neighbours faded, roads, facilities,
its walking routes and the service areas; every item's result; the rules it does not meet (required or
advisory, measured value, threshold, clause); and the guide's advice for each failing item.

    project = QgsProject()
    layout = build_atlas_layout(project, communities, rules, AtlasContent(...), font_family)
    error = export_atlas(layout, "atlas.pdf", feedback)         # one multi-page PDF
    del layout                                                  # before the project, which owns the layers

Texts that change per page are QGIS expressions evaluated for the atlas feature, generated here from the
standard (item names, statuses, guidance): no per-page Python, so the layout also works when saved.
"""

import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import (QgsLayoutExporter, QgsLayoutFrame, QgsLayoutItemAttributeTable,
                       QgsLayoutItemMap, QgsLayoutMeasurement, QgsLayoutSize, QgsLayoutTableColumn, QgsPrintLayout,
                       QgsProperty, QgsRuleBasedRenderer, QgsSymbol, QgsSymbolLayer, QgsUnitTypes, QgsWkbTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core import output_fields as F
from ..core.status import ADVISORY, FAIL, NO_DATA, PASS, status_colour, status_label
from ..core.describe import level_label
from ..standards.model import LEVELS
from ..i18n import tr
from ..styles.compliance import apply_community_style
from .map_layout import (FRAME_COLOUR, MUTED_COLOUR, TEXT_COLOUR, _add_label, _add_north_arrow, _add_scale_bar,
                         _font, _place, _quiet_gdal, _text_format)

_CONTEXT = "AtlasLayout"

PAGE = (210.0, 297.0)  # A4 portrait, mm
MARGIN = 12.0
MAP_TOP, MAP_HEIGHT = 27.0, 124.0
COLUMN_TOP = MAP_TOP + MAP_HEIGHT + 19.0
LEFT_WIDTH = 66.0
FOOTER_HEIGHT = 7.0
ATLAS_MARGIN = 0.35  # room around the community: its neighbours show, faded
# Rules shown on a community's page: those it does not meet.
SHOWN_STATUSES = (FAIL, ADVISORY, NO_DATA)

MAX_RULE_ROWS = 14


@dataclass
class AtlasContent:
    """What goes on the pages besides the communities and their rules: optional context layers (drawn top to
    bottom: facilities, routes, roads, then the communities, then the service areas, faint) and the standard's
    texts."""
    title: str
    credit: str
    items: List[Tuple[str, str, str]]              # (item code, name, clause) in the guide's table order
    guidance: Dict[str, str] = field(default_factory=dict)   # item code → the guide's advice
    name_field: str = F.COMMUNITY_NAME.name
    facilities: object = None
    routes: object = None
    roads: object = None
    service_areas: object = None
    file_name_expression: Optional[str] = None


def quote_literal(text):
    """A QGIS expression string literal."""
    return "'{}'".format(str(text).replace("\\", "\\\\").replace("'", "''"))


def words_expression(field_name, words):
    """CASE … END giving the words for a code field's values (the code itself for anything else)."""
    cases = " ".join("WHEN {} = {} THEN {}".format(quote_field(field_name), quote_literal(code), quote_literal(text))
                     for code, text in words.items())
    return "CASE {} ELSE {} END".format(cases, quote_field(field_name))


def quote_field(name):
    return '"{}"'.format(name.replace('"', '""'))


def items_expression(items):
    """One line per item: '一个幼儿园：不达标' for the atlas feature (the status in words)."""
    lines = []
    for code, name, _clause in items:
        status_field = quote_field(F.ITEM_STATUS.name_for(code))
        lines.append("{} || '：' || coalesce(represent_value({}), '–')".format(quote_literal(name), status_field))
    return " || '\\n' || ".join(lines) if lines else "''"


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
    return "coalesce(nullif({}, ''), {})".format(body, quote_literal(tr("Every required item is met.", _CONTEXT)))


def rules_filter(id_field):
    """Rows of the rules table shown for the atlas feature: its rules that are not met."""
    statuses = ", ".join(quote_literal(status) for status in SHOWN_STATUSES)
    return "{} = attribute(@atlas_feature, {}) AND {} IN ({})".format(
        quote_field(F.COMMUNITY_ID_ROW.name), quote_literal(id_field), quote_field(F.STATUS.name), statuses)


def _fade_neighbours(layer):
    """The atlas community drawn strongly, the others faded: each category's fill alpha and outline width
    depend on whether the feature is the page's."""
    renderer = layer.renderer()
    for symbol in renderer.symbols(_render_context()):
        for index in range(symbol.symbolLayerCount()):
            symbol_layer = symbol.symbolLayer(index)
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
                "set_color_part(@symbol_color, 'alpha', if(@atlas_featureid = $id, 190, 45))"))
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
                "if(@atlas_featureid = $id, 0.9, 0.2)"))
            symbol_layer.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, QgsProperty.fromExpression(
                "if(@atlas_featureid = $id, '#000000', '#888888')"))


def _render_context():
    from qgis.core import QgsRenderContext

    return QgsRenderContext()


def _only_this_communitys_routes(layer, id_field):
    """Walking routes of the page's community only, coloured by their status."""
    root = QgsRuleBasedRenderer.Rule(None)
    for value, colour in ((PASS, status_colour(PASS)), (FAIL, status_colour(FAIL))):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        symbol.setColor(QColor(colour))
        symbol.setWidth(0.8)
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, "{} = attribute(@atlas_feature, {}) AND {} = {}".format(
            quote_field(F.COMMUNITY_ID_ROW.name), quote_literal(id_field), quote_field(F.STATUS.name),
            quote_literal(value)), status_label(value))
        root.appendChild(rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))


def _rules_table(layout, rules, id_field, family, x, y, width, height):
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(rules)
    table.setFilterFeatures(True)
    table.setFeatureFilter(rules_filter(id_field))
    table.setMaximumNumberOfFeatures(MAX_RULE_ROWS)
    threshold = ("trim(if({min} IS NULL, '', '≥ ' || format_number({min}, 0)) || ' ' || "
                 "if({max} IS NULL, '', '≤ ' || format_number({max}, 0)))").format(
        min=quote_field(F.THRESHOLD_MIN.name), max=quote_field(F.THRESHOLD_MAX.name))
    columns = [
        (tr("Item", _CONTEXT), quote_field(F.ITEM_NAME.name), 0.18),
        (tr("Rule", _CONTEXT), quote_field(F.RULE_NAME.name), 0.28),
        (tr("Level", _CONTEXT), words_expression(F.LEVEL.name, {level: level_label(level) for level in LEVELS}),
         0.09),
        (tr("Measured", _CONTEXT), "coalesce(format_number({}, 1), '–')".format(
            quote_field(F.MEASURED_VALUE.name)), 0.1),
        (tr("Threshold", _CONTEXT), threshold, 0.1),
        (tr("Clause", _CONTEXT), quote_field(F.CLAUSE.name), 0.13),
        (tr("Status", _CONTEXT), words_expression(F.STATUS.name, {status: status_label(status)
                                                                  for status in SHOWN_STATUSES}), 0.12),
    ]
    layout_columns = []
    for heading, expression, share in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(expression)
        column.setWidth(width * share - 1.2)
        layout_columns.append(column)
    table.setColumns(layout_columns)
    table.setHeaderTextFormat(_text_format(family, 6.5, TEXT_COLOUR))
    table.setContentTextFormat(_text_format(family, 6.0, TEXT_COLOUR))
    table.setCellMargin(0.6)
    table.setGridStrokeWidth(0.1)
    table.setGridColor(QColor("#bbbbbb"))
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.ShowMessage)
    table.setEmptyTableMessage(tr("Every rule is met.", _CONTEXT))
    table.setWrapBehavior(QgsLayoutItemAttributeTable.WrapText)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("rules_table")
    _place(frame, x, y, width, height)
    table.addFrame(frame)
    return table


def build_atlas_layout(project, communities, rules, content, font_family=None):
    """The atlas layout over `communities` (an evaluated community layer) in `project`, which takes ownership
    of every layer given (pass copies). `rules`: the community_rules table of the same run, or None."""
    width, height = PAGE
    id_field = F.COMMUNITY_ID.name
    apply_community_style(communities, F.CC_STATUS.name, content.name_field or None)
    _fade_neighbours(communities)
    above = [layer for layer in (content.facilities, content.routes, content.roads) if layer is not None]
    below = [layer for layer in (content.service_areas,) if layer is not None]
    context_layers = above + below
    if content.service_areas is not None:
        content.service_areas.setOpacity(0.25)  # a hint of what is within walking distance, under the verdict
    if content.routes is not None:
        _only_this_communitys_routes(content.routes, id_field)
    if content.roads is not None:
        from qgis.core import QgsSingleSymbolRenderer

        road = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        road.setColor(QColor("#9e9e9e"))
        road.setWidth(0.35)
        content.roads.setRenderer(QgsSingleSymbolRenderer(road))
    layers = [layer for layer in context_layers + [communities, rules] if layer is not None]
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
        tr("Missing", _CONTEXT), "coalesce({}, '–')".format(quote_field(F.CC_MISSING.name))),
        _font(font_family, 9.5), MUTED_COLOUR, MARGIN, 18.5, text_width, 7)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setRect(0, 0, text_width, MAP_HEIGHT)  # a size before any extent (see map_layout)
    map_item.setCrs(communities.crs())
    map_item.setExtent(communities.extent())
    layout.addLayoutItem(map_item)
    _place(map_item, MARGIN, MAP_TOP, text_width, MAP_HEIGHT)
    map_item.setLayers(above + [communities] + below)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(FRAME_COLOUR)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(ATLAS_MARGIN)
    _add_scale_bar(layout, map_item, font_family, 1.0, MARGIN, MAP_TOP + MAP_HEIGHT + 2, 60)
    _add_north_arrow(layout, map_item, font_family, width - MARGIN - 9, MAP_TOP + MAP_HEIGHT + 1.5, 7, 11)

    column_height = height - FOOTER_HEIGHT - MARGIN - COLUMN_TOP
    _add_label(layout, "items_title", tr("Every item", _CONTEXT), _font(font_family, 10, bold=True), TEXT_COLOUR,
               MARGIN, COLUMN_TOP - 6, LEFT_WIDTH, 6)
    items = _add_label(layout, "items", "[% {} %]".format(items_expression(content.items)), _font(font_family, 7.5),
                       TEXT_COLOUR, MARGIN, COLUMN_TOP, LEFT_WIDTH, column_height, vertical_align=Qt.AlignTop)
    items.setMarginY(0.5)
    right = MARGIN + LEFT_WIDTH + 5
    right_width = width - MARGIN - right
    _add_label(layout, "rules_title", tr("Rules not met (required, advisory, undecided)", _CONTEXT),
               _font(font_family, 10, bold=True), TEXT_COLOUR, right, COLUMN_TOP - 6, right_width, 6)
    table_height = column_height * 0.55
    if rules is not None:
        _rules_table(layout, rules, id_field, font_family, right, COLUMN_TOP, right_width, table_height)
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
    return layout


def export_atlas(layout, path, feedback=None, dpi=150):
    """Every page of the layout's atlas into one PDF; returns an error text or ''."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings, feedback)
    return _error(result, error, path)


def export_atlas_pages(layout, folder, extension, feedback=None, dpi=150):
    """One file per community into `folder`, named by the atlas file name expression; returns an error or ''."""
    base = os.path.join(folder, "page")
    if extension == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        result, error = QgsLayoutExporter.exportToPdfs(layout.atlas(), base, settings, feedback)
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.generateWorldFile = False
        with _quiet_gdal():
            result, error = QgsLayoutExporter.exportToImage(layout.atlas(), base, extension.lstrip("."), settings,
                                                            feedback)
    return _error(result, error, folder)


def _error(result, error, path):
    if result == QgsLayoutExporter.Success:
        return ""
    if result == QgsLayoutExporter.Canceled:
        return tr("The atlas was cancelled.", _CONTEXT)
    return error or tr("Could not write the atlas to {}.", _CONTEXT).format(path)
