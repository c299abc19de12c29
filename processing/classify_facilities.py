"""设施分类 — map the labels in a facility layer onto the standard's facility categories."""

from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ..core.categories import HEADER_NAMES, CategoryMatcher, MappingTableError, mapping_from_rows, read_mapping_table
from ..i18n import current_language
from ..styles import facility_category_renderer, style_output
from .base_algorithm import CompleteCommunityAlgorithm

# Fields this algorithm adds; a re-run on its own output overwrites them instead of duplicating.
CATEGORY_FIELD_OUT = "cc_category"
CATEGORY_NAME_FIELD_OUT = "cc_category_name"
ITEM_FIELD_OUT = "cc_item"
ITEM_NAME_FIELD_OUT = "cc_item_name"
MAX_LISTED_FEATURES = 10


class ClassifyFacilitiesAlgorithm(CompleteCommunityAlgorithm):
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    MAPPING_TABLE = "MAPPING_TABLE"
    OUTPUT = "OUTPUT"
    CLASSIFIED_COUNT = "CLASSIFIED_COUNT"
    UNRECOGNISED_COUNT = "UNRECOGNISED_COUNT"

    ALGORITHM_ID = "classify_facilities"
    GROUP = "standard"

    def displayName(self):
        return self.tr("Classify facilities (设施分类)")

    def shortHelpString(self):
        return self.tr(
            "Reads the category field of a facility layer (POIs or polygons) and assigns each feature the "
            "standard's facility category — e.g. 快递柜 and 智能信包箱 become express_locker, 菜鸟驿站 becomes "
            "express_station, 'shop=supermarket' becomes supermarket — using the Chinese names, synonyms, English "
            "codes and OpenStreetMap tags listed in the standard. Matching ignores case, spaces and full-width "
            "forms.<br><br>"
            "<b>Facilities</b>: point or polygon layer. <b>Category field</b>: the field holding the label. "
            "<b>Category mapping table</b> (optional): a CSV, spreadsheet or GeoPackage table with two columns, value "
            "and category (code), consulted before the standard's own names — use it for your city's naming.<br>"
            "{}<br><br>"
            "<b>Output</b>: every input feature and field, plus cc_category (code), cc_category_name, cc_item and "
            "cc_item_name; labels that match nothing are kept with an empty category and listed once, with their "
            "counts, in the log. The layer is styled by category; in a GeoPackage the style is saved as the "
            "layer's default.").format(self.standard_help())

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.FACILITIES))
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING_TABLE, self.tr("Category mapping table (value → category code)"),
            behavior=QgsProcessingParameterFile.File, optional=True, fileFilter=self.tr(
                "Mapping tables (*.csv *.xlsx *.ods *.gpkg *.dbf);;All files (*)")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Classified facilities")))
        self.addOutput(QgsProcessingOutputNumber(self.CLASSIFIED_COUNT, self.tr("Facilities classified")))
        self.addOutput(QgsProcessingOutputNumber(self.UNRECOGNISED_COUNT, self.tr("Facilities not recognised")))

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        source = self.parameterAsSource(parameters, self.FACILITIES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FACILITIES))
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        if source.fields().lookupField(category_field) < 0:
            raise QgsProcessingException(self.tr("The facility layer {} has no field '{}'.").format(
                source.sourceName(), category_field))
        user_mapping = self._read_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context), standard)

        fields, added = self._output_fields(source.fields())
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        language = current_language()
        matcher = CategoryMatcher(standard, user_mapping)
        category_index = source.fields().lookupField(category_field)
        total = source.featureCount()
        step = 100.0 / total if total > 0 else 0
        counts, missing_geometry, classified = {}, [], 0
        for current, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            code = matcher.classify(feature.attribute(category_index))
            attributes = list(feature.attributes()) + [None] * (fields.count() - len(feature.attributes()))
            if code is not None:
                category = standard.category(code)
                item = standard.item(category.item)
                values = (code, category.name.get(language), item.code, item.name.get(language))
                counts[code] = counts.get(code, 0) + 1
                classified += 1
            else:
                values = (None, None, None, None)
            for field_index, value in zip(added, values):
                attributes[field_index] = value
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                missing_geometry.append(feature.id())
            output = QgsFeature(fields)
            output.setGeometry(feature.geometry())
            output.setAttributes(attributes)
            sink.addFeature(output, QgsFeatureSink.FastInsert)
            feedback.setProgress(int(current * step))

        self._report(feedback, standard, language, counts, matcher, missing_geometry, source.sourceName(),
                     category_field)
        self._standard, self._geometry_type, self._dest_id = standard, QgsWkbTypes.geometryType(
            source.wkbType()), dest_id
        del sink  # flush and close the file before postProcessAlgorithm styles it
        return {self.OUTPUT: dest_id, self.CLASSIFIED_COUNT: classified,
                self.UNRECOGNISED_COUNT: sum(matcher.unknown.values()) + matcher.empty}

    def postProcessAlgorithm(self, context, feedback):
        standard, geometry_type = self._standard, self._geometry_type

        def apply_style(layer):
            layer.setRenderer(facility_category_renderer(standard, geometry_type))

        style_output(self._dest_id, context, feedback, apply_style, "cc_facility_categories")
        return {}  # a non-empty map would replace the results of processAlgorithm

    def _read_mapping(self, path, standard):
        """A CSV is read as text (messages give line numbers); anything else as a QGIS table layer."""
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

    def _output_fields(self, input_fields):
        """Input fields plus the classification fields; returns the fields and the indexes to fill."""
        fields = type(input_fields)(input_fields)
        added = []
        for name, length in ((CATEGORY_FIELD_OUT, 40), (CATEGORY_NAME_FIELD_OUT, 80), (ITEM_FIELD_OUT, 40),
                             (ITEM_NAME_FIELD_OUT, 80)):
            index = fields.lookupField(name)
            if index < 0:
                fields.append(QgsField(name, QVariant.String, len=length))
                index = fields.count() - 1
            added.append(index)
        return fields, added

    def _report(self, feedback, standard, language, counts, matcher, missing_geometry, layer_name, field_name):
        for category in standard.categories:
            if category.code in counts:
                feedback.pushInfo(self.tr("  {} ({}): {}").format(category.name.get(language), category.code,
                                                                 counts[category.code]))
        if matcher.unknown:
            feedback.pushWarning(self.tr(
                "Layer {}, field '{}': {} feature(s) have a category that the standard does not know; they are "
                "kept with an empty cc_category. Add these values to a category mapping table: {}").format(
                layer_name, field_name, sum(matcher.unknown.values()), matcher.unknown_summary()))
        if matcher.empty:
            feedback.pushWarning(self.tr("Layer {}, field '{}': {} feature(s) have no category value.").format(
                layer_name, field_name, matcher.empty))
        if missing_geometry:
            listed = ", ".join(str(fid) for fid in missing_geometry[:MAX_LISTED_FEATURES])
            more = "…" if len(missing_geometry) > MAX_LISTED_FEATURES else ""
            feedback.pushWarning(self.tr(
                "Layer {}: {} feature(s) have no or empty geometry (feature ids {}{}); they are kept but cannot be "
                "located.").format(layer_name, len(missing_geometry), listed, more))
