"""How evaluation results look: status colours, value maps and labels, the same on every result layer.

Statuses are stored as codes (core/status.py: pass / fail / advisory / no_data / info / not_applicable)
and shown through a value map and legend labels in the user's language (达标 / 不达标 / 建议改进 / …).
"""

from qgis.core import (QgsCategorizedSymbolRenderer, QgsEditorWidgetSetup, QgsPalLayerSettings, QgsRendererCategory,
                       QgsSingleSymbolRenderer, QgsSymbol, QgsTextBufferSettings, QgsTextFormat,
                       QgsVectorLayerSimpleLabeling, QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

from ..core.status import FAIL, PASS, STATUSES, status_colour, status_label
from ..i18n import tr

STATUS_FIELD_SUFFIX = "_status"
SCORE_FIELD = "cc_score"


def status_value_map():
    """The value-map configuration that shows status codes as words in the attribute table and forms."""
    return {"map": [{status_label(status): status} for status in STATUSES]}


def set_status_value_maps(layer):
    """Every `*_status` field (and a rules table's `status`) reads 达标/不达标/… instead of the code."""
    setup = QgsEditorWidgetSetup("ValueMap", status_value_map())
    for index, field in enumerate(layer.fields()):
        if field.name() == "status" or field.name().endswith(STATUS_FIELD_SUFFIX):
            layer.setEditorWidgetSetup(index, setup)


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


def community_label_expression(name_field, fields):
    """'幸福里社区\n87.5' — the name, and the compliance score where the layer has one."""
    parts = []
    if name_field and fields.lookupField(name_field) >= 0:
        parts.append('coalesce(to_string("{}"), \'\')'.format(name_field.replace('"', '""')))
    if fields.lookupField(SCORE_FIELD) >= 0:
        parts.append("if(\"{0}\" IS NULL, '', format_number(\"{0}\", 0) || '{1}')".format(
            SCORE_FIELD, tr(" pts", "Styles").replace("'", "''")))
    return " || '\\n' || ".join(parts) if parts else None


def apply_community_style(layer, colour_field, name_field=None, counts=None):
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
    set_status_value_maps(layer)


def apply_rules_table_style(layer):
    """The per-rule table: status shown as words."""
    set_status_value_maps(layer)


UNASSIGNED_REASON_COLOURS = {"outside": "#ff7f00", "unknown_category": "#6a3d9a", "no_geometry": "#9e9e9e"}


def apply_unassigned_style(layer):
    """Facilities that count for no community: one colour per reason, labelled by their category label."""
    categories = []
    for reason, colour in UNASSIGNED_REASON_COLOURS.items():
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.PointGeometry)
        symbol.setColor(QColor(colour))
        symbol.setSize(3.0)
        labels = {"outside": tr("Inside no community", "Styles"),
                  "unknown_category": tr("Category not recognised", "Styles"),
                  "no_geometry": tr("No usable geometry", "Styles")}
        categories.append(QgsRendererCategory(reason, symbol, labels[reason]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("reason", categories))


def apply_routes_style(layer):
    """Walking routes: green within the limit, red beyond it."""
    categories = []
    for status in (PASS, FAIL):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        symbol.setColor(QColor(status_colour(status)))
        symbol.setWidth(0.6)
        categories.append(QgsRendererCategory(status, symbol, status_label(status)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    set_status_value_maps(layer)


def apply_access_points_style(layer):
    """Residents' origins: small dark points under the community colours."""
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.geometryType(layer.wkbType()))
    symbol.setColor(QColor("#455a64"))
    if layer.geometryType() == QgsWkbTypes.PointGeometry:
        symbol.setSize(1.2)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
