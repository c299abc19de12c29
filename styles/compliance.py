"""How evaluation results look: status colours, value maps and labels, the same on every result layer.

Statuses are stored as codes (core/status.py: pass / fail / advisory / no_data / info / not_applicable)
and shown through a value map and legend labels in the user's language (达标 / 不达标 / 建议改进 / …).
"""

import math

from qgis.core import (QgsCategorizedSymbolRenderer, QgsEditorWidgetSetup, QgsMarkerSymbol, QgsPalLayerSettings,
                       QgsRendererCategory,
                       QgsSingleSymbolRenderer, QgsSymbol, QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayerSimpleLabeling, QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

from ..core import output_fields as F
from ..core.status import ADVISORY, FAIL, INFO, PASS, STATUSES, status_colour, status_label
from ..i18n import tr


def value_map_setup(values):
    """The value-map configuration that shows the codes of a vocabulary (core/output_fields) as words."""
    return {"map": [{label: code} for code, label in F.value_map(values)]}


def status_value_map():
    """The value-map configuration that shows status codes as words in the attribute table and forms."""
    return value_map_setup(F.STATUS_VALUES)


def set_status_value_maps(layer, table=None):
    """Every output field of `layer` declared in core/output_fields gets its value map (`*_status` reads
    达标/不达标/… instead of the code); `table` (a key of TABLES) tells same-named fields of different tables
    apart."""
    setups = {}
    for index, field in enumerate(layer.fields()):
        declared, _code = F.field_named(field.name(), table)
        if declared is not None and declared.values is not None:
            if declared.values not in setups:
                setups[declared.values] = QgsEditorWidgetSetup("ValueMap", value_map_setup(declared.values))
            layer.setEditorWidgetSetup(index, setups[declared.values])


def set_output_aliases(layer, standard=None, table=None, language=None):
    """Every output field of `layer` declared in core/output_fields gets its alias in the user's language
    (cc_status → 完整社区结论, kindergarten_dist_m → 步行距离：幼儿园（米）); input fields keep theirs. The codes
    inside templated names are named from `standard` (the national guide when none is given)."""
    from ..i18n import current_language
    from ..standards import load_standard

    language = language or current_language()
    if standard is None:
        try:
            standard = load_standard()
        except Exception:  # noqa: BLE001 (without the standard, fields of a family keep their names)
            standard = None
    for index, field in enumerate(layer.fields()):
        alias = F.alias_for(field.name(), standard, language, table)
        if alias:
            layer.setFieldAlias(index, alias)


def status_renderer(field_name, geometry_type, counts=None):
    """Categorised by status; legend labels in the user's language, with counts when given."""
    categories = []
    for status in STATUSES:
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        colour = QColor(status_colour(status))
        symbol.setColor(colour)
        if geometry_type == QgsWkbTypes.PolygonGeometry:
            symbol.setOpacity(0.8)
            symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
            symbol.symbolLayer(0).setStrokeWidth(0.4)
        elif geometry_type == QgsWkbTypes.PointGeometry:
            symbol.setSize(3.0)
            symbol.symbolLayer(0).setStrokeColor(QColor("white"))
        label = status_label(status)
        if counts is not None:
            label = "{} ({})".format(label, counts.get(status, 0))
        categories.append(QgsRendererCategory(status, symbol, label))
    return QgsCategorizedSymbolRenderer(field_name, categories)


# Decimals of a score wherever it is shown (map label, scorecard): the same community reads 98 on both.
SCORE_DECIMALS = 0


def score_text(score):
    """A score as the map label shows it (QGIS rounds half away from zero): 98.1 → '98', 96.5 → '97'."""
    if score is None:
        return "–"
    scale = 10 ** SCORE_DECIMALS
    rounded = math.floor(abs(float(score)) * scale + 0.5) / scale
    return "{:.{}f}".format(math.copysign(rounded, float(score)), SCORE_DECIMALS)


def community_label_expression(name_field, fields):
    """'幸福里社区\n87.5' — the name, and the compliance score where the layer has one."""
    parts = []
    if name_field and fields.lookupField(name_field) >= 0:
        parts.append('coalesce(to_string("{}"), \'\')'.format(name_field.replace('"', '""')))
    score = F.CC_SCORE.name
    if fields.lookupField(score) >= 0:
        parts.append("if(\"{0}\" IS NULL, '', format_number(\"{0}\", {2}) || '{1}')".format(
            score, tr(" pts", "Styles").replace("'", "''"), SCORE_DECIMALS))
    return " || '\\n' || ".join(parts) if parts else None


def apply_community_style(layer, colour_field, name_field=None, counts=None, table="communities"):
    """Colour communities by one status field, label them with name (+ score), value-map every status."""
    layer.setRenderer(status_renderer(colour_field, QgsWkbTypes.PolygonGeometry, counts))
    expression = community_label_expression(name_field, layer.fields())
    if expression:
        settings = QgsPalLayerSettings()
        settings.fieldName = expression
        settings.isExpression = True
        text_format = QgsTextFormat()
        text_format.setSize(9)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(1.0)
        buffer.setColor(QColor("white"))
        text_format.setBuffer(buffer)
        settings.setFormat(text_format)
        settings.placement = QgsPalLayerSettings.OverPoint
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    set_status_value_maps(layer, table)


def apply_rules_table_style(layer):
    """The per-rule table: status shown as words."""
    set_status_value_maps(layer, "community_rules")


UNASSIGNED_REASON_COLOURS = {F.UNASSIGNED_OUTSIDE: "#ff7f00", F.UNASSIGNED_UNKNOWN: "#6a3d9a",
                             F.UNASSIGNED_NO_GEOMETRY: "#9e9e9e"}


def apply_unassigned_style(layer):
    """Facilities that count for no community: one colour per reason."""
    categories = []
    for reason, label in F.value_map(F.UNASSIGNED_REASON.values):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.PointGeometry)
        symbol.setColor(QColor(UNASSIGNED_REASON_COLOURS[reason]))
        symbol.setSize(3.0)
        categories.append(QgsRendererCategory(reason, symbol, label[:1].upper() + label[1:]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(F.UNASSIGNED_REASON.name, categories))
    set_status_value_maps(layer, "facilities_not_counted")


def apply_routes_style(layer):
    """Walking routes: green within the limit, red beyond a required one, amber beyond a recommended one."""
    categories = []
    for status in (PASS, FAIL, ADVISORY, INFO):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        symbol.setColor(QColor(status_colour(status)))
        symbol.setWidth(0.6)
        categories.append(QgsRendererCategory(status, symbol, status_label(status)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(F.STATUS.name, categories))
    set_status_value_maps(layer, "walking_routes")


def apply_access_points_style(layer):
    """Residents' origins: small dark points under the community colours."""
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.geometryType(layer.wkbType()))
    symbol.setColor(QColor("#455a64"))
    if layer.geometryType() == QgsWkbTypes.PointGeometry:
        symbol.setSize(1.2)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def apply_suggested_sites_style(layer):
    """Suggested sites (补短板选址): large purple stars (not a status colour) labelled with their rank, the order to build them in."""
    symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": "#7b3294", "outline_color": "white",
                                           "size": "5"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if layer.fields().lookupField(F.RANK.name) >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = F.RANK.name
        text_format = QgsTextFormat()
        text_format.setSize(10)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setColor(QColor("white"))
        text_format.setBuffer(buffer)
        settings.setFormat(text_format)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


def apply_area_style(layer, rate_field=F.AREA_COMPLETE_RATE.name):
    """Areas coloured by their complete-community rate (percent): below 60 red, 60–<100 amber, 100 green;
    labelled with the area's name and rate."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange

    geometry_type = layer.geometryType()
    ranges = []
    for low, high, status, label in ((0.0, 59.999, FAIL, "< 60%"), (60.0, 99.999, ADVISORY, "60–99%"),
                                     (100.0, 100.0, PASS, "100%")):
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        symbol.setColor(QColor(status_colour(status)))
        if geometry_type == QgsWkbTypes.PolygonGeometry:
            symbol.setOpacity(0.75)
            symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
            symbol.symbolLayer(0).setStrokeWidth(0.6)
        ranges.append(QgsRendererRange(low, high, symbol, tr("Complete-community rate {}").format(label)))
    layer.setRenderer(QgsGraduatedSymbolRenderer(rate_field, ranges))
    settings = QgsPalLayerSettings()
    settings.fieldName = "concat(\"{}\", '\\n', coalesce(format_number(\"{}\", 1) || '%', '–'))".format(
        F.AREA.name, rate_field)
    settings.isExpression = True
    text_format = QgsTextFormat()
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
