"""What every Complete Community algorithm shares: translation, groups, help, the STANDARD parameter."""

import difflib
import math
import functools
import os
import re

from qgis.core import (QgsFeature, QgsField, QgsFields, QgsMapLayer, QgsMessageLog, QgsProcessing,
                       QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingParameterDefinition, QgsProcessingParameterFile, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .. import ui
from ..core import describe, output_fields
from . import desktop_defaults
from ..core.categories import HEADER_NAMES, MappingTableError, mapping_from_rows, read_mapping_table
from ..i18n import Translated, current_language
from ..standards import DEFAULT_STANDARD_ID, StandardError, builtin_standards, load_standard
from . import shared_run
from .output_safety import commit_outputs, guard_outputs, is_partial, strip_credentials


# The kinds of core/output_fields as QGIS field types: the one place they meet QVariant.
QVARIANT_TYPES = {output_fields.TEXT: QVariant.String, output_fields.REAL: QVariant.Double,
                  output_fields.INTEGER: QVariant.Int}


def extend_fields(input_fields, additions):
    """Input fields plus `additions` [(name, kind of core/output_fields)]; a name already there is reused
    (re-runs overwrite their own results instead of adding name_2). Returns the fields and each addition's
    index."""
    fields = QgsFields(input_fields)
    indexes = []
    for name, kind in additions:
        index = fields.lookupField(name)
        if index < 0:
            fields.append(QgsField(name, QVARIANT_TYPES[kind]))
            index = fields.count() - 1
        indexes.append(index)
    return fields, indexes


def extended_feature(feature, fields, indexes, values):
    """`feature` (read to be written once: changed, not copied) with the `fields` of extend_fields, `values` written
    at `indexes`, and no id of its own (the sink numbers it, as a new feature)."""
    attributes = feature.attributes()
    if len(values) == len(indexes) == fields.count() - len(attributes):
        attributes += values  # every addition is a field of its own after the input's, in order (extend_fields)
    else:
        attributes += [None] * (fields.count() - len(attributes))
        for index, value in zip(indexes, values):
            attributes[index] = value
    feature.setFields(fields, False)
    feature.setAttributes(attributes)
    feature.setId(_NO_ID)
    return feature


_NO_ID = QgsFeature().id()  # FID_NULL


def qt_value(value):
    """`value` as the Qt value a feature's attribute holds (None stays NULL). For a value written on many
    features (a rule's name, a community's id on each of its rows): converted once, not on every feature."""
    return None if value is None else QVariant(value)


def short_text(value, limit=60):
    """A value as text for a message, cut to `limit` characters (a message never repeats a whole value)."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def make_fields(definitions):
    """QgsFields from [(name, kind of core/output_fields)] or [OutputField] (fields of their own)."""
    fields = QgsFields()
    for definition in definitions:
        name, kind = ((definition.name, definition.kind) if isinstance(definition, output_fields.OutputField)
                      else definition)
        fields.append(QgsField(name, QVARIANT_TYPES[kind]))
    return fields


# Parameters rarely changed: under 高级参数 / Advanced parameters in every dialog that has them, so the dialog
# shows the essentials (communities and their key fields, facilities, network, standard, outputs).
ADVANCED_PARAMETERS = frozenset((
    "DEFAULT_TYPE", "TOTAL_BUILDING_AREA_FIELD", "PARKING_SPACES_FIELD", "CHARGING_SPACES_FIELD",
    "ACCESSIBLE_PARKING_FIELD", "DAILY_DELIVERIES_FIELD", "ATTRIBUTE_FIELDS", "FACILITY_TOLERANCE",
    "BUILDING_AREA_FIELD", "LAND_AREA_FIELD", "USABLE_AREA_FIELD", "CLASSES_FIELD", "LOCKER_CELLS_FIELD",
    "SPORTS_AREA_FIELD", "MAPPING_TABLE", "WALKABLE_FIELD", "SPEED_FIELD", "MAX_SNAP_DISTANCE", "DETOUR_FACTOR",
    "ORIGINS", "ORIGIN_POPULATION_FIELD", "WALKING_SPEED", "LIFE_CIRCLES", "LIFE_CIRCLE_NAME_FIELD",
    "LIFE_CIRCLE_POPULATION_FIELD", "COLOUR_BY", "BUFFER_DISTANCE", "PAPER", "DPI", "SUBTITLE", "OVERLAYS",
    "SPLIT_AT_CROSSINGS", "LEVEL_FIELD", "CATEGORIES", "ORGANISATION",
    "PROPOSED_FACILITIES", "PROPOSED_CATEGORY_FIELD",
    "OUTPUT_UNASSIGNED", "OUTPUT_ORIGINS", "OUTPUT_ROUTES", "OUTPUT_COMMUNITIES", "OUTPUT_CATEGORIES",
    "OUTPUT_INELIGIBLE",
))
# The drop-down of built-in standards (ui/standard_widget.py), loaded by Processing's dialogs only.
STANDARD_WIDGET = __name__.rsplit(".", 2)[0] + ".ui.standard_widget.StandardWidgetWrapper"


class CompleteCommunityAlgorithm(Translated, QgsProcessingAlgorithm):
    """Base class: subclasses set ALGORITHM_ID and GROUP and implement the Processing methods."""

    STANDARD = "STANDARD"
    MAPPING_TABLE = "MAPPING_TABLE"

    ALGORITHM_ID = ""
    GROUP = "standard"
    _output_guard = None

    def __init_subclass__(cls, **kwargs):
        """Every processAlgorithm of the plugin runs through the output guard (processing/output_safety.py):
        outputs checked against inputs before any work, written aside, moved into place on success only."""
        super().__init_subclass__(**kwargs)
        for method, wrap in (("processAlgorithm", guard_outputs), ("postProcessAlgorithm", commit_outputs)):
            function = cls.__dict__.get(method)
            if function is not None and not getattr(function, "output_guarded", False):
                setattr(cls, method, wrap(function))

    @commit_outputs
    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 (QGIS API)
        return {}

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """QGIS's own checks, then what it lets through: numbers that are text or not finite ('fast', nan, inf),
        and layers of a geometry type the parameter does not take (points given as the road network)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = (self.number_problem(parameters) or self.geometry_type_problem(parameters, context)
                   or self.field_problem(parameters, context))
        return (False, problem) if problem else (True, "")

    def number_problem(self, parameters):
        for definition in self.parameterDefinitions():
            if definition.type() not in ("number", "distance", "duration", "scale"):
                continue
            value = parameters.get(definition.name())
            if value is None or isinstance(value, bool) or not isinstance(value, (int, float, str)):
                continue  # absent, or an expression/property evaluated by QGIS
            if isinstance(value, str) and not value.strip():
                continue
            try:
                number = float(value)
            except ValueError:
                number = None
            if number is None or not math.isfinite(number):
                return self.tr("{} ({}): '{}' is not a finite number.").format(
                    definition.description(), definition.name(), short_text(value))
        return ""

    def geometry_type_problem(self, parameters, context):
        accepted = {QgsProcessing.TypeVectorPoint: QgsWkbTypes.PointGeometry,
                    QgsProcessing.TypeVectorLine: QgsWkbTypes.LineGeometry,
                    QgsProcessing.TypeVectorPolygon: QgsWkbTypes.PolygonGeometry}
        names = {QgsWkbTypes.PointGeometry: self.tr("points"), QgsWkbTypes.LineGeometry: self.tr("lines"),
                 QgsWkbTypes.PolygonGeometry: self.tr("polygons"), QgsWkbTypes.NullGeometry: self.tr("no geometry")}
        for definition in self.parameterDefinitions():
            if definition.type() not in ("source", "vector") or not parameters.get(definition.name()):
                continue
            types = [accepted[kind] for kind in definition.dataTypes() if kind in accepted]
            layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            if layer is None:
                continue  # QGIS's own check reports a layer it cannot open
            if not types or len(types) != len(definition.dataTypes()):
                types = list(names)  # any geometry: only the CRS is checked
            found = QgsWkbTypes.geometryType(layer.wkbType())
            if found != QgsWkbTypes.NullGeometry and not layer.crs().isValid():
                return self.tr("{} ({}): the layer {} has no coordinate reference system, so its coordinates cannot "
                               "be measured in metres. Set its CRS (Layer Properties → Source) and run again.").format(
                    definition.description(), definition.name(),
                    self.input_layer_name(parameters, definition.name(), context))
            if found != QgsWkbTypes.NullGeometry and not layer.crs().toProj():
                # E.g. a GeoPackage's "Undefined Cartesian SRS" (srs_id -1): valid for QGIS, but nothing says what
                # its numbers are (often longitude/latitude), so they cannot be measured or transformed.
                return self.tr("{} ({}): the coordinate reference system of the layer {} is undefined ('{}'), so its "
                               "coordinates cannot be measured in metres. Set its CRS (Layer Properties → Source) "
                               "and run again.").format(
                    definition.description(), definition.name(),
                    self.input_layer_name(parameters, definition.name(), context), layer.crs().description())
            if found not in types:
                return self.tr("{} ({}): the layer {} holds {}, this input takes {}.").format(
                    definition.description(), definition.name(),
                    self.input_layer_name(parameters, definition.name(), context), names.get(found, "?"),
                    self.tr(" or ").join(names[kind] for kind in types))
        return ""

    def field_problem(self, parameters, context):
        """A named field that its layer does not have (QGIS checks this only in its dialog)."""
        for definition in self.parameterDefinitions():
            if definition.type() != "field" or not definition.parentLayerParameterName():
                continue
            value = parameters.get(definition.name())
            fields = value if isinstance(value, (list, tuple)) else [value]
            fields = [str(field) for field in fields if isinstance(field, str) and field.strip()]
            if not fields or not parameters.get(definition.parentLayerParameterName()):
                continue
            layer = self.parameterAsVectorLayer(parameters, definition.parentLayerParameterName(), context)
            if layer is None:
                continue
            names = layer.fields().names()
            for field in fields:
                if layer.fields().lookupField(field) < 0:
                    close = difflib.get_close_matches(field, names, n=3)
                    hint = self.tr(" Did you mean {}?").format(", ".join("'{}'".format(name) for name in close)) \
                        if close else ""
                    return self.tr("{} ({}): the layer {} has no field '{}'.{}").format(
                        definition.description(), definition.name(),
                        self.input_layer_name(parameters, definition.parentLayerParameterName(), context),
                        short_text(field), hint)
        return ""

    def prepare_output_guard(self, guard, parameters, context):
        """Hook: declare outputs the guard cannot see from the parameter types (assess's GeoPackage tables)."""

    def output_name(self, path):
        """The final name of an output path during the run (which writes into a hidden partial folder)."""
        return self._output_guard.final_path(path) if self._output_guard is not None else path

    def addParameter(self, definition, createOutput=True):  # noqa: N802,N803 (QGIS API)
        """Every parameter passes here: rarely changed ones become advanced, and in the desktop each gets
        its dialog default (guessed input, output file in the results folder: processing/desktop_defaults)."""
        if definition.name() in ADVANCED_PARAMETERS:
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        defaults = self._desktop_defaults()
        if defaults is not None:
            defaults.apply(definition)
        return super().addParameter(definition, createOutput)

    def _desktop_defaults(self):
        if not hasattr(self, "_gui_defaults"):
            self._gui_defaults = None
            if desktop_defaults.in_desktop():
                try:
                    self._gui_defaults = desktop_defaults.DesktopDefaults(self.name())
                except Exception as error:  # noqa: BLE001 (a guess must never stop a dialog from opening)
                    QgsMessageLog.logMessage(str(error), "Complete Community")
        return self._gui_defaults

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        """Before the run: the folders of file outputs exist, and the log says where the results go; in the
        desktop a folder the user chose becomes the default of the next runs."""
        folders = []
        for definition in self.destinationParameterDefinitions():
            if definition.name() not in parameters or parameters[definition.name()] is None:
                continue
            value = parameters[definition.name()]
            sink = getattr(value, "sink", None)
            if sink is not None:
                value = sink.staticValue()
            path = desktop_defaults.destination_file(value)
            if not path:
                continue
            folder = os.path.dirname(path)
            if folder and folder not in folders:
                folders.append(folder)
                try:
                    os.makedirs(folder, exist_ok=True)
                except OSError:
                    pass  # a file in the way or no permission: the algorithm's own output checks explain it
            if desktop_defaults.in_desktop():
                desktop_defaults.remember_results_folder(path)
        for folder in folders:
            if not is_partial(folder):  # a step of assess: assess said where its results go
                feedback.pushInfo(self.tr("Results are written to the folder {}").format(folder))
        self.warn_assumed_crs(parameters, context, feedback)
        return super().prepareAlgorithm(parameters, context, feedback)

    def warn_assumed_crs(self, parameters, context, feedback):
        """A layer whose CRS is GDAL's placeholder "Undefined geographic SRS" (a GeoPackage's srs_id 0) is read as
        longitude/latitude on WGS84, which is what it means; the log says so loudly, naming the layer."""
        for definition in self.parameterDefinitions():
            if definition.type() not in ("source", "vector") or not parameters.get(definition.name()):
                continue
            layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            if layer is None or not layer.crs().isValid() or layer.crs().authid():
                continue
            if layer.crs().description().lower().startswith("undefined"):
                feedback.pushWarning(self.tr(
                    "{} ({}): the coordinate reference system of the layer {} is undefined ('{}'); its coordinates "
                    "are taken as longitude and latitude on WGS84. If they are not, set its CRS (Layer Properties → "
                    "Source) and run again.").format(
                        definition.description(), definition.name(),
                        self.input_layer_name(parameters, definition.name(), context), layer.crs().description()))

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def group(self):
        return self.group_names()[self.GROUP]

    def groupId(self):
        return self.GROUP

    def group_names(self):
        return {
            "standard": self.tr("Standards and data preparation"),
            "evaluation": self.tr("Community evaluation"),
        }

    def icon(self):
        return ui.icon()

    def helpUrl(self):  # noqa: N802 (QGIS API): the dialog's Help button opens the user guide, offline
        from ..ui.help_dialog import guide_url

        return guide_url().toString()

    def add_standard_parameter(self):
        parameter = QgsProcessingParameterFile(
            self.STANDARD, self.tr("Standard (a built-in id or a YAML file; empty: the national guide)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=self.tr("YAML standards (*.yaml *.yml);;All files (*)"), optional=True)
        parameter.setHelp(self.tr("Built-in standards: {}").format(", ".join(builtin_standards())))
        parameter.setMetadata({"widget_wrapper": {"class": STANDARD_WIDGET}})
        self.addParameter(parameter)

    def standard_help(self):
        return self.tr(
            "<b>Standard</b>: leave empty for the national guide ({}), give a built-in id ({}), or a YAML file "
            "of your city's standard, which may extend a built-in one (see README, 'Standards').").format(
            DEFAULT_STANDARD_ID, ", ".join(builtin_standards()))

    def help_standard(self):
        """The standard the help describes: the one the dialog proposes (the national guide)."""
        return _help_standard()

    def requirements_help(self, rules=None, walking_categories=None):
        """What the standard asks, generated from it (help texts state no number of the guide): one line per
        rule in `rules`, or per walking limit of `walking_categories` (all categories with a limit: ())."""
        standard = self.help_standard()
        language = current_language()
        if rules is not None:
            lines = describe.rules_overview(rules, standard, language)
        else:
            lines = describe.walking_limits_overview(standard, language, walking_categories or None)
        return self.tr("<b>What {} asks</b> (a standard you choose may differ; describe_standard lists it):<br>{}"
                       ).format(standard.name.get(language), lines)

    def load_standard_parameter(self, parameters, context, feedback):
        """The Standard chosen by the user; a YAML problem stops the run with every issue listed."""
        reference = self.parameterAsFile(parameters, self.STANDARD, context)
        try:
            standard = shared_run.reuse("standard", (reference or None,), lambda: load_standard(reference or None))
        except StandardError as error:
            raise QgsProcessingException(error.describe())
        feedback.pushInfo(self.tr("Standard: {} ({})").format(standard.name.get(current_language()), " + ".join(
            os.path.basename(path) for path in standard.files)))
        self.standard_used = standard  # recorded in the metadata of every output (styles.record_standard)
        return standard

    def input_layer_name(self, parameters, name, context):
        """The name people know an input layer by, for messages: the layer's name in the project, or the
        table of a GeoPackage path ('facilities', not the file name 'sample_district')."""
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue()
        if isinstance(value, QgsMapLayer):
            return value.name()
        text = str(value or "")
        match = re.search(r"layername=([^|]+)", text)
        if match:
            return match.group(1)
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer.name() if layer is not None else strip_credentials(text)

    def add_mapping_table_parameter(self):
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING_TABLE, self.tr("Category mapping table (value → category code)"),
            behavior=QgsProcessingParameterFile.File, optional=True, fileFilter=self.tr(
                "Mapping tables (*.csv *.xlsx *.ods *.gpkg *.dbf);;All files (*)")))

    def read_category_mapping(self, path, standard):
        """{label: category code} from a mapping table, or None; a CSV is read as text (messages give line
        numbers), anything else as a QGIS table layer."""
        if not path:
            return None
        try:
            if path.lower().endswith(".csv"):
                return read_mapping_table(path, standard)
            return mapping_from_rows(self._mapping_layer_rows(path), standard)
        except MappingTableError as error:
            raise QgsProcessingException(str(error))

    def _mapping_layer_rows(self, path):
        layer = QgsVectorLayer(path, "mapping", "ogr")
        if not layer.isValid():
            raise QgsProcessingException(self.tr("Cannot open the category mapping table {}.").format(path))
        if layer.fields().count() < 2:
            raise QgsProcessingException(self.tr(
                "The category mapping table {} needs two columns: value and category.").format(path))
        names = [name.lower() for name in layer.fields().names()]
        value_index = names.index("value") if "value" in names else 0
        code_index = next((names.index(name) for name in HEADER_NAMES if name in names), 1)
        return [(self.tr("{}, row {}").format(path, feature.id()), feature.attribute(value_index),
                 feature.attribute(code_index)) for feature in layer.getFeatures()]


@functools.lru_cache(maxsize=1)
def _help_standard():
    return load_standard()
