"""What every Complete Community algorithm shares: translation, groups, help, the STANDARD parameter."""

import os
import re

from qgis.core import (QgsFeature, QgsField, QgsFields, QgsMapLayer, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingParameterFile, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from .. import ui
from ..core import output_fields
from ..core.categories import HEADER_NAMES, MappingTableError, mapping_from_rows, read_mapping_table
from ..i18n import current_language
from ..standards import DEFAULT_STANDARD_ID, StandardError, builtin_standards, load_standard
from .output_safety import commit_outputs, guard_outputs


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
    """A copy of `feature` with the `fields` of extend_fields, `values` written at `indexes`."""
    attributes = list(feature.attributes()) + [None] * (fields.count() - len(feature.attributes()))
    for index, value in zip(indexes, values):
        attributes[index] = value
    output = QgsFeature(fields)
    output.setGeometry(feature.geometry())
    output.setAttributes(attributes)
    return output


def make_fields(definitions):
    """QgsFields from [(name, kind of core/output_fields)] or [OutputField] (fields of their own)."""
    fields = QgsFields()
    for definition in definitions:
        name, kind = ((definition.name, definition.kind) if isinstance(definition, output_fields.OutputField)
                      else definition)
        fields.append(QgsField(name, QVARIANT_TYPES[kind]))
    return fields


class CompleteCommunityAlgorithm(QgsProcessingAlgorithm):
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

    def prepare_output_guard(self, guard, parameters, context):
        """Hook: declare outputs the guard cannot see from the parameter types (assess's GeoPackage tables)."""

    def output_name(self, path):
        """The final name of an output path during the run (which writes into a hidden partial folder)."""
        return self._output_guard.final_path(path) if self._output_guard is not None else path

    def tr(self, text):
        """Translate with the class's own context, falling back to its base classes' contexts.

        The string extractor files each string under the class it is written in, so a string
        written here is found under this class's name even when a subclass calls it.
        """
        for cls in type(self).__mro__:
            if cls is QgsProcessingAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

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

    def add_standard_parameter(self):
        parameter = QgsProcessingParameterFile(
            self.STANDARD, self.tr("Standard (empty: the national guide; or a built-in id, or a YAML file)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=self.tr("YAML standards (*.yaml *.yml);;All files (*)"), optional=True)
        parameter.setHelp(self.tr("Built-in standards: {}").format(", ".join(builtin_standards())))
        self.addParameter(parameter)

    def standard_help(self):
        return self.tr(
            "<b>Standard</b>: leave empty for the national guide ({}), give a built-in id ({}), or a YAML file "
            "of your city's standard, which may extend a built-in one (see README, 'Standards').").format(
            DEFAULT_STANDARD_ID, ", ".join(builtin_standards()))

    def load_standard_parameter(self, parameters, context, feedback):
        """The Standard chosen by the user; a YAML problem stops the run with every issue listed."""
        reference = self.parameterAsFile(parameters, self.STANDARD, context)
        try:
            standard = load_standard(reference or None)
        except StandardError as error:
            raise QgsProcessingException(error.describe())
        feedback.pushInfo(self.tr("Standard: {} ({})").format(standard.name.get(current_language()), " + ".join(
            os.path.basename(path) for path in standard.files)))
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
        return layer.name() if layer is not None else text

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
