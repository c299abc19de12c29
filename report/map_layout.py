"""The assessment map as a print layout: title, subtitle, the status map, legend with counts, north arrow,
scale bar and a source line, on an A4 or A3 landscape page; and its export to PDF or PNG.

    project = QgsProject()                       # a project of the caller's own: it receives the layers
    layout = build_assessment_layout(project, layer.clone(), "cc_status", "name", title, subtitle, credit)
    error = export_layout(layout, "map.png", 150)   # '' when written
    del layout                                   # before the project, which owns the layers

Every position is given for A4 landscape in millimetres and scaled with the page, so an A3 map looks
the same, larger. Items have ids ("title", "subtitle", "map", "legend", "north_arrow", "scale_bar",
"credit") for anyone who wants to find them again.
"""

import contextlib
import glob
import os

from qgis.core import (QgsApplication, QgsCoordinateTransform, QgsCsException, QgsExpressionContext,
                       QgsExpressionContextUtils, QgsFeatureRequest, QgsLayerTreeModelLegendNode, QgsLayoutExporter,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
                       QgsLayoutItemScaleBar, QgsLayoutMeasurement, QgsLayoutPoint, QgsLayoutSize, QgsLegendStyle,
                       QgsMapLayerLegendUtils, QgsPalLayerSettings, QgsPrintLayout, QgsRectangle, QgsRenderContext,
                       QgsScaleBarSettings, QgsTextFormat, QgsUnitTypes, QgsVectorLayerSimpleLabeling, QgsWkbTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter
from qgis.PyQt.QtWidgets import QStyleOptionGraphicsItem

from ..core import output_fields as F
from ..core.status import FAIL
from ..core.values import is_null
from ..i18n import tr
from ..styles.compliance import apply_community_style, community_label_expression

_CONTEXT = "MapLayout"

# Landscape page sizes in millimetres.
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
DEFAULT_PAPER = "A4"
OUTPUT_EXTENSIONS = (".pdf", ".png")

# The A4 design (mm); everything is multiplied by page width / 297 for larger paper.
MARGIN, BOTTOM_MARGIN = 12.0, 7.0
TITLE_TOP, TITLE_HEIGHT = 8.0, 12.0
SUBTITLE_TOP, SUBTITLE_HEIGHT = 20.5, 7.0
MAP_TOP = 30.0
# The panel right of the map (legend, north arrow, scale bar) widens up to MAX_PANEL_WIDTH for a large legend.
PANEL_WIDTH, MAX_PANEL_WIDTH, PANEL_GAP = 62.0, 100.0, 6.0
CREDIT_HEIGHT = 9.0  # room for two lines: an English source line is long
NORTH_ARROW_SIZE = (11.0, 17.0)
SCALE_BAR_HEIGHT = 11.0
PANEL_SPACING = 4.0
# Font sizes in points on A4.
TITLE_SIZE, SUBTITLE_SIZE, CREDIT_SIZE = 20.0, 11.0, 7.0
LEGEND_TITLE_SIZE, LEGEND_LAYER_SIZE, LEGEND_ITEM_SIZE, SCALE_BAR_SIZE = 12.0, 10.0, 9.0, 8.0
# Characters per line of a failing community's list of missing items in Chinese.
MISSING_LABEL_CHARACTERS = 8
NO_LINE_START = "、，。；：！？）"  # punctuation a Chinese line must not start with
# Room around the communities, as a share of the larger side of their extent.
EXTENT_MARGIN = 0.06
# Labels by the room a community has on paper (mm² on A4, × the page's scale² on larger paper): the name and
# what it lacks from LABEL_DETAIL_AREA, the name and score from LABEL_NAME_AREA, the score alone below. When the
# communities have less than CITY_SCALE_AREA each on average the map is at city scale: a label is drawn only
# where it fits inside its community, in CITY_LABEL_SIZE points.
LABEL_DETAIL_AREA, LABEL_NAME_AREA = 900.0, 200.0
CITY_SCALE_AREA = 400.0
CITY_LABEL_SIZE = 6.0
CITY_OUTLINE_WIDTH = 0.1  # mm
# An overlay denser than this on paper (features per cm² of map) is a texture, not information: left off the
# map, and said so under it. Points are drawn 1.4 mm wide; street segments split at junctions 2 mm apart
# give about 50 per cm².
OVERLAY_DENSITY_LIMITS = {QgsWkbTypes.PointGeometry: 10.0, QgsWkbTypes.LineGeometry: 50.0}
# (columns, text size factor) tried in turn until the legend fits beside the map: somewhat smaller text
# first, then more columns, before anything is left out.
LEGEND_ARRANGEMENTS = ((1, 1.0), (1, 0.9), (1, 0.8), (2, 0.9), (2, 0.8), (2, 0.7), (3, 0.7), (3, 0.6))

TEXT_COLOUR = QColor("#212121")
MUTED_COLOUR = QColor("#555555")
FRAME_COLOUR = QColor("#616161")

# QGIS's own north arrows, best first (02 and 04: an arrow with an N); any other one after these.
NORTH_ARROW_PREFERENCE = ("NorthArrow_02.svg", "NorthArrow_04.svg", "NorthArrow_11.svg", "NorthArrow_10.svg")


def page_size(paper):
    """(width, height) in mm of a landscape paper name ('A4', 'A3')."""
    if paper not in PAPERS:
        raise ValueError(tr("Unknown paper size {}: use one of {}.", _CONTEXT).format(paper, ", ".join(PAPERS)))
    return PAPERS[paper]


def find_north_arrow_svg():
    """A north arrow among QGIS's SVG paths (arrows/NorthArrow_*.svg), or '' when none is installed."""
    found = {}
    for svg_path in QgsApplication.svgPaths():
        for path in sorted(glob.glob(os.path.join(svg_path, "arrows", "NorthArrow_*.svg"))):
            found.setdefault(os.path.basename(path), path)
    for name in NORTH_ARROW_PREFERENCE + tuple(sorted(found)):
        if name in found:
            return found[name]
    return ""


def status_counts(layer, status_field, feedback=None):
    """{status value: number of features} of the layer (values outside the four statuses included)."""
    counts = {}
    index = layer.fields().lookupField(status_field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
    for feature in layer.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        value = feature.attribute(index)
        value = None if is_null(value) else str(value)
        counts[value] = counts.get(value, 0) + 1
    return counts


def _font(family, size, bold=False):
    font = QFont(family) if family else QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(family, size, colour=TEXT_COLOUR):
    text_format = QgsTextFormat()
    if family:
        text_format.setFont(_font(family, size))
    text_format.setSize(size)
    text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
    text_format.setColor(colour)
    return text_format


def _place(item, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))


def _add_label(layout, item_id, text, font, colour, x, y, width, height, align=Qt.AlignLeft,
               vertical_align=Qt.AlignVCenter):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(font)
    label.setFontColor(colour)
    label.setHAlign(align)
    label.setVAlign(vertical_align)
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    _place(label, x, y, width, height)
    return label


def _fit_labels_to_page(layer, family, scale):
    """Community labels in the chosen family, and as much larger as the page is (A3: the A4 map, larger);
    buffer and placement stay as the shared style sets them."""
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    text_format = settings.format()
    if family:
        font = text_format.font()
        font.setFamily(family)
        text_format.setFont(font)
    text_format.setSize(text_format.size() * scale)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def fitted_extent(layer, map_crs, transform_context):
    """The layer's extent in the map CRS, with room around it; an empty rectangle for an empty layer."""
    if layer.featureCount() == 0:
        return QgsRectangle()
    layer.updateExtents()
    extent = layer.extent()
    if layer.crs() != map_crs:
        try:
            extent = QgsCoordinateTransform(layer.crs(), map_crs, transform_context).transformBoundingBox(extent)
        except QgsCsException:  # coordinates the map's CRS cannot take: draw what can be drawn
            return QgsRectangle()
    margin = max(extent.width(), extent.height()) * EXTENT_MARGIN or 100.0  # a lone point: some surroundings
    return QgsRectangle(extent.xMinimum() - margin, extent.yMinimum() - margin,
                        extent.xMaximum() + margin, extent.yMaximum() + margin)


def _legend_keys_in_extent(layer, extent, map_crs, transform_context):
    """The legend keys (renderer classes) of the layer's features inside the map extent; None when the
    renderer has no classes to choose from."""
    renderer = layer.renderer()
    if renderer is None or len(renderer.legendSymbolItems()) <= 1:
        return None
    renderer = renderer.clone()
    context = QgsRenderContext()
    expression_context = QgsExpressionContext()
    expression_context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setExpressionContext(expression_context)
    request = QgsFeatureRequest()
    if not extent.isEmpty():
        area = extent
        if layer.crs() != map_crs:
            try:
                area = QgsCoordinateTransform(map_crs, layer.crs(), transform_context).transformBoundingBox(extent)
            except QgsCsException:
                return None
        request.setFilterRect(area)
    keys = set()
    renderer.startRender(context, layer.fields())
    try:
        for feature in layer.getFeatures(request):
            context.expressionContext().setFeature(feature)
            keys.update(renderer.legendKeysForFeature(feature, context))
    finally:
        renderer.stopRender(context)
    return keys


def _show_only_classes_on_the_map(model, node_layer, layer, extent, map_crs, transform_context):
    """An overlay's legend lists only the classes drawn on this map (a facility layer's 30-odd categories
    would not fit); the layer's own style is left as it is."""
    keys = _legend_keys_in_extent(layer, extent, map_crs, transform_context)
    if keys is None:
        return
    nodes = model.layerLegendNodes(node_layer)
    shown = [index for index, node in enumerate(nodes)
             if not node.data(QgsLayerTreeModelLegendNode.RuleKeyRole)
             or node.data(QgsLayerTreeModelLegendNode.RuleKeyRole) in keys]
    QgsMapLayerLegendUtils.setLegendNodeOrder(node_layer, shown)
    model.refreshLayerLegend(node_layer)


def _style_legend(legend, family, scale):
    legend.setStyleFont(QgsLegendStyle.Title, _font(family, LEGEND_TITLE_SIZE * scale, bold=True))
    for style in (QgsLegendStyle.Group, QgsLegendStyle.Subgroup):
        legend.setStyleFont(style, _font(family, LEGEND_LAYER_SIZE * scale, bold=True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(family, LEGEND_ITEM_SIZE * scale))
    legend.setSymbolWidth(7.0 * scale)
    legend.setSymbolHeight(4.5 * scale)
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 3.0 * scale)
    legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 1.8 * scale)
    legend.setBoxSpace(1.5 * scale)
    legend.adjustBoxSize()


def _add_legend(layout, map_item, community_layer, overlays, family, page_scale, extent, max_width, max_height,
                feedback):
    """The legend, sized to fit `max_width` × `max_height` mm (not yet placed)."""
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(tr("Legend", _CONTEXT))
    legend.setLinkedMap(map_item)
    # A tree of our own: the communities with the statuses they have and their counts, then the overlays
    # (a basemap under the map is not listed).
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(False)
    model = legend.model()
    root = model.rootGroup()
    root.removeAllChildren()
    root.addLayer(community_layer)
    overlay_nodes = [root.addLayer(overlay) for overlay in overlays]
    for node_layer, overlay in zip(overlay_nodes, overlays):
        _show_only_classes_on_the_map(model, node_layer, overlay, extent, map_item.crs(),
                                      layout.project().transformContext())
    legend.setBackgroundEnabled(False)
    legend.setFrameEnabled(False)
    layout.addLayoutItem(legend)
    _paint_once(legend)
    if _fit_legend(legend, family, page_scale, max_width, max_height, LEGEND_ARRANGEMENTS):
        return legend
    # Still too large (overlays with dozens of classes): overlays by their names only, so the status
    # classes and their counts stay readable and nothing runs over the north arrow.
    for node_layer in overlay_nodes:
        QgsMapLayerLegendUtils.setLegendNodeOrder(node_layer, [])
        model.refreshLayerLegend(node_layer)
    fits = _fit_legend(legend, family, page_scale, max_width, max_height, LEGEND_ARRANGEMENTS[:3])
    if feedback is not None:
        if fits:
            feedback.pushWarning(tr("The classes of the overlay layers do not fit beside the map: the legend lists "
                                    "the overlay layers by name only.", _CONTEXT))
        else:
            feedback.pushWarning(tr("The legend ({:.0f} × {:.0f} mm) is larger than the {:.0f} × {:.0f} mm beside "
                                    "the map and runs over: show fewer overlay layers or use A3.", _CONTEXT).format(
                legend.rect().width(), legend.rect().height(), max_width, max_height))
    return legend


def _paint_once(legend):
    """A legend sizes itself to its contents only after it has been painted once (QGIS 3.22 waits for the
    painter's DPI); painting it into a scratch image lets adjustBoxSize() measure it now."""
    image = QImage(8, 8, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        legend.paint(painter, QStyleOptionGraphicsItem(), None)
    finally:
        painter.end()


def _fit_legend(legend, family, page_scale, max_width, max_height, arrangements):
    """Style the legend with the first (columns, text size) arrangement that fits; False if none does."""
    for columns, shrink in arrangements:
        legend.setColumnCount(columns)
        legend.setSplitLayer(columns > 1)
        legend.setColumnSpace(4.0 * page_scale)
        _style_legend(legend, family, page_scale * shrink)
        if legend.rect().height() <= max_height and legend.rect().width() <= max_width:
            return True
    return False


def _add_north_arrow(layout, map_item, family, x, y, width, height):
    svg = find_north_arrow_svg()
    if svg:
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(svg)
        arrow.setSvgFillColor(TEXT_COLOUR)
        arrow.setSvgStrokeColor(TEXT_COLOUR)
        arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
        arrow.setLinkedMap(map_item)
        arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
        layout.addLayoutItem(arrow)
        _place(arrow, x, y, width, height)
    else:  # no SVG installed: a plain "N" still tells which way is up
        arrow = _add_label(layout, "north_arrow", "N", _font(family, height * 1.6, bold=True), TEXT_COLOUR,
                           x, y, width, height, align=Qt.AlignHCenter)
    arrow.setId("north_arrow")
    return arrow


def _add_scale_bar(layout, map_item, family, scale, x, y, width):
    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setId("scale_bar")
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.setUnits(QgsUnitTypes.DistanceMeters)
    scale_bar.setMapUnitsPerScaleBarUnit(1.0)
    scale_bar.setUnitLabel(tr("m", _CONTEXT))
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(2)
    # A round length (100, 200, 500 m …) that takes between these widths on paper.
    scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scale_bar.setMinimumBarWidth(width * 0.45)
    scale_bar.setMaximumBarWidth(width * 0.9)
    scale_bar.setHeight(2.2 * scale)
    scale_bar.setTextFormat(_text_format(family, SCALE_BAR_SIZE * scale))
    scale_bar.setBackgroundEnabled(False)
    scale_bar.setFrameEnabled(False)
    layout.addLayoutItem(scale_bar)
    scale_bar.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    scale_bar.update()
    return scale_bar


def build_assessment_layout(project, layer, status_field, name_field, title, subtitle, credit="", paper=DEFAULT_PAPER,
                            overlays=(), font_family=None, map_crs=None, layer_title=None, counts=None,
                            feedback=None, underlays=()):
    """The assessment map of `layer` as a print layout of `project`.

    `layer` and `overlays` are added to `project`, which then owns them: pass copies (layer.clone()) of
    layers that belong to someone else. The communities are restyled by `status_field` with the shared
    compliance style (legend labels with counts, name + score labels); overlays keep their own styles and
    are drawn above them, in the order given (first on top). `font_family` (a CJK family, see
    report.fonts) is used for every text; `map_crs` defaults to the layer's; `layer_title` names the
    communities in the legend. Warnings (a legend too large) go to `feedback` when given. `underlays` (a
    basemap) are drawn under everything and left out of the legend. Statuses no community has are left out
    of the legend; a failing community is labelled with what it lacks (缺：托儿所、菜市场), not its score,
    where it has room on paper (name and score with less room, the score alone with little: LABEL_DETAIL_AREA).
    At city scale (CITY_SCALE_AREA) labels are smaller and drawn only where they fit inside their community,
    and overlays too dense to read (OVERLAY_DENSITY_LIMITS: a city's facilities and street segments) are left
    off the map, named under it.
    """
    width, height = page_size(paper)
    scale = width / PAPERS[DEFAULT_PAPER][0]
    map_crs = map_crs if map_crs is not None and map_crs.isValid() else layer.crs()
    counts = counts if counts is not None else status_counts(layer, status_field)

    if layer_title:
        layer.setName(layer_title)
    apply_community_style(layer, status_field, name_field or None, counts)
    _drop_empty_classes(layer, counts)
    _label_missing_items(layer, status_field, name_field)
    extent = fitted_extent(layer, map_crs, project.transformContext())
    margin = MARGIN * scale
    map_top = MAP_TOP * scale
    map_height = height - map_top - BOTTOM_MARGIN * scale - CREDIT_HEIGHT * scale
    # Metres per millimetre of paper, from the map's size before the legend's panel takes its share.
    metres_per_mm = metres_per_paper_mm(extent, map_crs, width - 2 * margin - (PANEL_WIDTH + PANEL_GAP) * scale,
                                        map_height)
    city_scale = metres_per_mm is not None and _mean_paper_area(
        layer, extent, map_crs, metres_per_mm) < CITY_SCALE_AREA * scale ** 2
    _label_by_room(layer, name_field, map_crs, scale, city_scale)
    if city_scale:
        _thin_outlines(layer)
    _fit_labels_to_page(layer, font_family, scale * (CITY_LABEL_SIZE / _label_size(layer) if city_scale else 1.0))
    given = list(overlays)
    overlays, left_out = _readable_overlays(given, extent, map_crs, project.transformContext(), metres_per_mm)
    if left_out:
        credit = "\n".join(part for part in (credit, tr(
            "Not drawn at this scale (too dense to read): {}", _CONTEXT).format(", ".join(
                "{} ({:,})".format(name, count) for name, count in left_out))) if part)
        if feedback is not None:
            feedback.pushInfo(tr("The map leaves out layers too dense to read at its scale: {}", _CONTEXT).format(
                ", ".join("{} ({:,} features)".format(name, count) for name, count in left_out)))
    # Not into the project's layer tree: the legend gets a tree of its own.
    project.addMapLayers([each for each in given + [layer] + list(underlays)
                          if project.mapLayer(each.id()) is None], False)
    project.setCrs(map_crs)
    metadata = project.metadata()
    metadata.setTitle(title)  # the PDF's document title
    project.setMetadata(metadata)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))

    gap = PANEL_GAP * scale
    map_left = margin
    credit_height = CREDIT_HEIGHT * scale
    map_bottom = map_top + map_height
    text_width = width - 2 * margin

    _add_label(layout, "title", title, _font(font_family, TITLE_SIZE * scale, bold=True), TEXT_COLOUR,
               margin, TITLE_TOP * scale, text_width, TITLE_HEIGHT * scale)
    _add_label(layout, "subtitle", subtitle or "", _font(font_family, SUBTITLE_SIZE * scale), MUTED_COLOUR,
               margin, SUBTITLE_TOP * scale, text_width, SUBTITLE_HEIGHT * scale)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setCrs(map_crs)
    # A map item starts with no size: setting an extent then (or resizing it without one) leaves an empty
    # extent that zooming cannot repair. Give it a size first, as QGIS's own layout designer does.
    map_item.setRect(0, 0, width - 2 * margin - PANEL_WIDTH * scale - gap, map_height)
    if not extent.isEmpty():
        map_item.setExtent(extent)
    layout.addLayoutItem(map_item)
    map_item.setLayers(list(overlays) + [layer] + list(underlays))
    map_item.setKeepLayerSet(True)
    map_item.setBackgroundColor(QColor("white"))
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(FRAME_COLOUR)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3 * scale, QgsUnitTypes.LayoutMillimeters))

    # The panel right of the map: legend at the top, north arrow and scale bar at the bottom. The legend
    # is measured first: the panel widens for it and the map takes the rest of the page.
    scale_bar_top = map_bottom - SCALE_BAR_HEIGHT * scale
    arrow_width, arrow_height = NORTH_ARROW_SIZE[0] * scale, NORTH_ARROW_SIZE[1] * scale
    arrow_top = scale_bar_top - PANEL_SPACING * scale - arrow_height
    legend = _add_legend(layout, map_item, layer, overlays, font_family, scale, extent, MAX_PANEL_WIDTH * scale,
                         arrow_top - PANEL_SPACING * scale - map_top, feedback)
    panel_width = min(max(PANEL_WIDTH * scale, legend.rect().width()), MAX_PANEL_WIDTH * scale)
    map_width = width - 2 * margin - panel_width - gap
    panel_left = map_left + map_width + gap

    _place(map_item, map_left, map_top, map_width, map_height)
    if not extent.isEmpty():
        map_item.zoomToExtent(extent)  # the whole extent, widened to the item's proportions
    legend.attemptMove(QgsLayoutPoint(panel_left, map_top, QgsUnitTypes.LayoutMillimeters))
    _add_scale_bar(layout, map_item, font_family, scale, panel_left, scale_bar_top, PANEL_WIDTH * scale)
    _add_north_arrow(layout, map_item, font_family, panel_left, arrow_top, arrow_width, arrow_height)

    _add_label(layout, "credit", credit, _font(font_family, CREDIT_SIZE * scale), MUTED_COLOUR,
               margin, map_bottom + 1.5 * scale, text_width, credit_height - 1.5 * scale, vertical_align=Qt.AlignTop)
    return layout


def _drop_empty_classes(layer, counts):
    """No '不适用 (0)' in the legend: the statuses no community has are not listed."""
    renderer = layer.renderer()
    if not hasattr(renderer, "categories"):
        return
    for index in reversed(range(len(renderer.categories()))):
        if not counts.get(renderer.categories()[index].value(), 0):
            renderer.deleteCategory(index)


def _label_missing_items(layer, status_field, name_field):
    """A failing community's label names what it lacks (缺：托儿所、菜市场); the others keep name and score."""
    names = layer.fields().names()
    labeling = layer.labeling()
    if F.CC_MISSING.name not in names or status_field != F.CC_STATUS.name or not isinstance(
            labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    name = "coalesce(to_string({}), '')".format(_quoted(name_field)) if name_field and name_field in names else "''"
    score = ("coalesce(format_number({}, 0) || {}, '')".format(_quoted(F.CC_SCORE.name), _literal(
        tr(" pts", "Styles"))) if F.CC_SCORE.name in names else "''")
    lacking = "{} || {}".format(_literal(tr("Missing: ", _CONTEXT)), _quoted(F.CC_MISSING.name))
    # Chinese has no spaces to wrap at (autoWrapLength wraps only there): a line break every few characters,
    # or a long list (缺：一个托儿所、一个社区卫生服务站) collides with its neighbours' labels and is dropped. A
    # punctuation mark that falls at a break stays at the end of its line (no line starts with 、).
    wrapped = ("CASE WHEN strpos({0}, ' ') > 0 THEN {0} "
               "ELSE regexp_replace({0}, '(.{{{1}}}[{2}]?)(?=.)', '\\\\1\\n') END").format(
        lacking, MISSING_LABEL_CHARACTERS, NO_LINE_START)
    settings.fieldName = ("{name} || '\\n' || CASE WHEN {status} = {fail} AND coalesce({missing}, '') <> '' "
                          "THEN {wrapped} ELSE {score} END").format(
        name=name, status=_quoted(status_field), fail=_literal(FAIL), missing=_quoted(F.CC_MISSING.name),
        wrapped=wrapped, score=score)
    settings.isExpression = True
    settings.autoWrapLength = 14
    # Anywhere inside the community rather than only over its centre: a long list still finds room.
    settings.placement = QgsPalLayerSettings.Horizontal
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def metres_per_paper_mm(extent, map_crs, width_mm, height_mm):
    """How many metres one millimetre of the map stands for when `extent` (map CRS) fills width × height mm;
    None for an empty extent or a CRS without a known unit."""
    if extent.isEmpty() or width_mm <= 0 or height_mm <= 0:
        return None
    to_metres = QgsUnitTypes.fromUnitToUnitFactor(map_crs.mapUnits(), QgsUnitTypes.DistanceMeters)
    if not to_metres or to_metres != to_metres:
        return None
    return max(extent.width() / width_mm, extent.height() / height_mm) * to_metres


def size_on_paper(extent, map_crs, metres_per_mm):
    """(width, height) in mm that `extent` (map CRS) takes on paper at `metres_per_mm`."""
    to_metres = QgsUnitTypes.fromUnitToUnitFactor(map_crs.mapUnits(), QgsUnitTypes.DistanceMeters)
    return extent.width() * to_metres / metres_per_mm, extent.height() * to_metres / metres_per_mm


def _mean_paper_area(layer, extent, map_crs, metres_per_mm):
    """The paper (mm²) each community has on average: the map's area shared among them."""
    width, height = size_on_paper(extent, map_crs, metres_per_mm)
    return width * height / max(layer.featureCount(), 1)


def _thin_outlines(layer):
    """Hairline community outlines: at a city's scale the usual 0.4 mm outlines would hide the colours."""
    renderer = layer.renderer()
    if renderer is None:
        return
    for symbol in renderer.symbols(QgsRenderContext()):
        for index in range(symbol.symbolLayerCount()):
            if hasattr(symbol.symbolLayer(index), "setStrokeWidth"):
                symbol.symbolLayer(index).setStrokeWidth(CITY_OUTLINE_WIDTH)


def _label_size(layer):
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return CITY_LABEL_SIZE
    return labeling.settings().format().size() or CITY_LABEL_SIZE


def _label_by_room(layer, name_field, map_crs, page_scale, city_scale):
    """Each community's label as long as its room on paper allows (see LABEL_DETAIL_AREA): at a city's scale
    a 3 × 4 mm community cannot carry its name and what it lacks. Where the map's scale is unknown (an
    expression evaluated outside a map) the label stays whole. At city scale, labels only where they fit."""
    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    full = settings.fieldName if settings.isExpression else _quoted(settings.fieldName)
    shorter = community_label_expression(name_field or None, layer.fields())
    shortest = community_label_expression(None, layer.fields()) or shorter
    area = _paper_area_expression(layer.crs(), map_crs)
    if area is None:  # no way to measure: one label length for the whole map
        settings.fieldName = shortest if city_scale and shortest else full
    elif shorter:
        settings.fieldName = ("CASE WHEN @map_scale IS NULL OR {area} >= {detail} THEN {full} "
                              "WHEN {area} >= {name} THEN {shorter} ELSE {shortest} END").format(
            area=area, detail=LABEL_DETAIL_AREA * page_scale ** 2, name=LABEL_NAME_AREA * page_scale ** 2,
            full=full, shorter=shorter, shortest=shortest)
    else:
        return
    settings.isExpression = True
    settings.fitInPolygonOnly = bool(city_scale)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def _paper_area_expression(layer_crs, map_crs):
    """An expression for a feature's area on paper in mm² (its area in the metric map CRS ÷ the scale²), or
    None when the layer cannot be measured in the map's CRS by name."""
    to_metres = QgsUnitTypes.fromUnitToUnitFactor(map_crs.mapUnits(), QgsUnitTypes.DistanceMeters)
    if map_crs.isGeographic() or not to_metres:
        return None
    if layer_crs == map_crs:
        geometry = "$geometry"
    elif layer_crs.authid() and map_crs.authid():
        geometry = "transform($geometry, {}, {})".format(_literal(layer_crs.authid()), _literal(map_crs.authid()))
    else:
        return None
    return "(area({}) * {!r} / (@map_scale * @map_scale))".format(geometry, to_metres ** 2 * 1e6)


def _readable_overlays(overlays, extent, map_crs, transform_context, metres_per_mm):
    """(the overlays dense enough to read at this scale, [(name, features) of those left out]): a city's
    30,000 facilities or 300,000 street segments would cover the communities and their colours."""
    if metres_per_mm is None:
        return list(overlays), []
    kept, left_out = [], []
    width, height = size_on_paper(extent, map_crs, metres_per_mm)
    map_cm2 = width * height / 100.0
    for overlay in overlays:
        limit = OVERLAY_DENSITY_LIMITS.get(overlay.geometryType())
        drawn = _features_in_extent(overlay, extent, map_crs, transform_context)
        if limit is not None and map_cm2 > 0 and drawn / map_cm2 > limit:
            left_out.append((overlay.name(), overlay.featureCount()))
        else:
            kept.append(overlay)
    return kept, left_out


def _features_in_extent(layer, extent, map_crs, transform_context):
    """About how many of the layer's features lie in the map's extent: its count × the share of its extent
    inside the map (a city's layers are read once, not feature by feature)."""
    count = layer.featureCount()
    layer_extent = layer.extent()
    if layer.crs() != map_crs:
        try:
            layer_extent = QgsCoordinateTransform(layer.crs(), map_crs, transform_context).transformBoundingBox(
                layer_extent)
        except QgsCsException:
            return count
    area = layer_extent.width() * layer_extent.height()
    if area <= 0:
        return count if layer_extent.intersects(extent) or layer_extent.isEmpty() else 0
    inside = layer_extent.intersect(extent)
    return count * inside.width() * inside.height() / area


def _quoted(field_name):
    return '"{}"'.format(field_name.replace('"', '""'))


def _literal(text):
    return "'{}'".format(text.replace("\\", "\\\\").replace("'", "''"))


def legend_labels(layout):
    """Every text of the layout's legend, top to bottom: layer names and class labels ('达标 (5)')."""
    legend = layout.itemById("legend")
    model = legend.model()
    texts = []
    for node_layer in model.rootGroup().findLayers():
        texts.append(node_layer.name())
        texts += [node.data(Qt.DisplayRole) for node in model.layerLegendNodes(node_layer)]
    return texts


@contextlib.contextmanager
def _quiet_gdal():
    """QGIS 3.22 tries to georeference every exported image through GDAL, whose PNG driver cannot update a
    file: a harmless 'ERROR 6' on stderr that would read as a failure. Silenced here, only here."""
    try:
        from osgeo import gdal
    except ImportError:
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def export_layout(layout, path, dpi):
    """Write the layout to `path` as PDF or PNG (by its extension) at `dpi`; returns an error text or ''."""
    extension = os.path.splitext(path)[1].lower()
    exporter = QgsLayoutExporter(layout)
    if extension == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.rasterizeWholeImage = False
        result = exporter.exportToPdf(path, settings)
    elif extension == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.generateWorldFile = False
        with _quiet_gdal():
            result = exporter.exportToImage(path, settings)
    else:
        return tr("Unknown map format '{}': give a file name ending in {}.", _CONTEXT).format(
            extension or path, " or ".join(OUTPUT_EXTENSIONS))
    if result == QgsLayoutExporter.Success:
        return ""
    messages = {
        QgsLayoutExporter.FileError: tr("Could not write {}: check that the folder exists and is writable and "
                                        "that the file is not open in another program.", _CONTEXT),
        QgsLayoutExporter.MemoryError: tr("Not enough memory to draw {}: choose a lower resolution (DPI).",
                                          _CONTEXT),
        QgsLayoutExporter.Canceled: tr("Drawing {} was cancelled.", _CONTEXT),
    }
    return messages.get(result, tr("Could not export the map to {}.", _CONTEXT)).format(
        exporter.errorFile() or path)
