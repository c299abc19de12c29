"""Opening the assessment dialog with guessed defaults: the QGIS glue around `ui.guess`.

    open_assess_dialog(iface)      # the toolbar button: processing.execAlgorithmDialog(id, defaults)
    create_assess_dialog()         # the same dialog without exec (tests, screenshots)

The assessment is `complete_community:assess`; while a build lacks it, the facility evaluation
`complete_community:evaluate_facilities` (same community parameters) opens instead.
"""

from qgis.core import QgsApplication, QgsMapLayerType, QgsProject, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..styles.loading import ROLE_PROPERTY
from .guess import LINE, NO_GEOMETRY, NUMBER, OTHER, POINT, POLYGON, TEXT, FieldInfo, LayerInfo, guess_parameters

ASSESS_ALGORITHM_ID = "complete_community:assess"
FALLBACK_ALGORITHM_ID = "complete_community:evaluate_facilities"
_CONTEXT = "AssessDialog"

_GEOMETRIES = {QgsWkbTypes.PointGeometry: POINT, QgsWkbTypes.LineGeometry: LINE,
               QgsWkbTypes.PolygonGeometry: POLYGON}
_NUMBER_TYPES = {QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong, QVariant.Double,
                 QVariant.Bool}
_TEXT_TYPES = {QVariant.String, QVariant.Char}


def field_kind(qgs_field):
    if qgs_field.type() in _NUMBER_TYPES or qgs_field.isNumeric():
        return NUMBER
    if qgs_field.type() in _TEXT_TYPES:
        return TEXT
    return OTHER


def describe_layer(layer):
    """A vector layer as `LayerInfo` (id, name, geometry, fields with kinds); None for other layers."""
    if layer is None or layer.type() != QgsMapLayerType.VectorLayer or not layer.isValid():
        return None
    geometry = _GEOMETRIES.get(layer.geometryType(), NO_GEOMETRY)
    fields = tuple(FieldInfo(item.name(), field_kind(item)) for item in layer.fields())
    return LayerInfo(layer.id(), layer.name(), geometry, fields, result=bool(layer.customProperty(ROLE_PROPERTY)))


def project_layers(project=None):
    """The vector layers of the project as LayerInfo, in the order of the layers panel (top first)."""
    project = project or QgsProject.instance()
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    seen = {layer.id() for layer in ordered}
    ordered += [layer for layer in project.mapLayers().values() if layer.id() not in seen]
    return [info for info in (describe_layer(layer) for layer in ordered) if info is not None]


def assess_algorithm_id(registry=None):
    """`complete_community:assess` when registered, otherwise the facility evaluation; None if neither is."""
    registry = registry or QgsApplication.processingRegistry()
    for algorithm_id in (ASSESS_ALGORITHM_ID, FALLBACK_ALGORITHM_ID):
        if registry.algorithmById(algorithm_id) is not None:
            return algorithm_id
    return None


def guessed_defaults(algorithm_id=None, project=None):
    """{parameter: layer id or field name} guessed from the project, only for parameters the algorithm has."""
    algorithm_id = algorithm_id or assess_algorithm_id()
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id) if algorithm_id else None
    names = [definition.name() for definition in algorithm.parameterDefinitions()] if algorithm else None
    return guess_parameters(project_layers(project), names)


def create_assess_dialog(project=None, algorithm_id=None):
    """The algorithm dialog pre-filled with the guesses, not executed: (dialog, algorithm id, defaults).

    The caller shows or executes it, and deletes it (`dialog.deleteLater()`)."""
    import processing  # QGIS's Processing plugin (never our own `processing` package: imports are relative)

    algorithm_id = algorithm_id or assess_algorithm_id()
    if algorithm_id is None:
        return None, None, {}
    defaults = guessed_defaults(algorithm_id, project)
    return processing.createAlgorithmDialog(algorithm_id, defaults), algorithm_id, defaults


def open_assess_dialog(iface, project=None):
    """The toolbar/menu action: the assessment dialog with the guessed defaults (QGIS's own dialog, run as
    QGIS runs it, results loaded into the project). Returns the algorithm id opened, or None."""
    import processing

    algorithm_id = assess_algorithm_id()
    if algorithm_id is None:
        iface.messageBar().pushWarning(tr("Complete Community", _CONTEXT), tr(
            "The assessment algorithm is not available: is the Processing plugin enabled?", _CONTEXT))
        return None
    defaults = guessed_defaults(algorithm_id, project)
    if "COMMUNITIES" not in defaults:
        iface.messageBar().pushInfo(tr("Complete Community", _CONTEXT), tr(
            "No polygon layer of residential communities is loaded: add one, then choose it in the dialog.",
            _CONTEXT))
    processing.execAlgorithmDialog(algorithm_id, defaults)
    return algorithm_id
