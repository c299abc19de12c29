"""设施分类 — map the labels in a facility layer onto the standard's facility categories."""

from qgis.core import (QgsFeature, QgsFeatureSink, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsWkbTypes)
from .. import styles
from ..core import output_fields as F
from ..core.categories import CATEGORY_SEPARATOR, CategoryMatcher
from ..i18n import current_language
from ..styles import facility_category_renderer, style_output
from .base_algorithm import CompleteCommunityAlgorithm, extend_fields

# Fields this algorithm adds; a re-run on its own output overwrites them instead of duplicating.
CATEGORY_FIELD_OUT = F.CC_CATEGORY.name
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
        return self.tr("Classify facilities")

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
            "layer's default.").format(self.standard_help()) + "<br><br>" + self.tr(
            "<b>Example</b>: a POI layer whose field 类型 holds 快递柜, 菜鸟驿站 and 社区卫生服务中心 gets cc_category "
            "express_locker, express_station and health_station; a label such as 宠物医院 is listed once in the log, "
            "with its count, and kept with an empty category.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.FACILITIES))
        self.add_standard_parameter()
        self.add_mapping_table_parameter()
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
                self.input_layer_name(parameters, self.FACILITIES, context), category_field))
        user_mapping = self.read_category_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context),
                                                  standard)

        fields, added = extend_fields(source.fields(), [(field.name, field.kind) for field in F.CLASSIFIED_FIELDS])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        language = current_language()
        matcher = CategoryMatcher(standard, user_mapping)
        category_index = source.fields().lookupField(category_field)
        total = source.featureCount()
        step = 100.0 / total if total > 0 else 0
        counts, missing_geometry, not_finite, classified = {}, [], [], 0
        added_values = {(): (None, None, None, None)}  # category codes → the values of the added fields
        width = fields.count()
        for current, feature in enumerate(source.getFeatures()):
            if current % 1000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(current * step)
            codes = matcher.classify_all(feature.attribute(category_index))
            values = added_values.get(codes)
            if values is None:
                # '社区综合服务站;老年服务站' → 'service_station;elderly_station': each category, once.
                categories = [standard.category(code) for code in codes]
                items = list(dict.fromkeys(category.item for category in categories))
                values = added_values[codes] = (
                    CATEGORY_SEPARATOR.join(codes), "/".join(c.name.get(language) for c in categories),
                    CATEGORY_SEPARATOR.join(items), "/".join(standard.item(item).name.get(language) for item in items))
            if codes:
                for code in codes:
                    counts[code] = counts.get(code, 0) + 1
                classified += 1
            attributes = feature.attributes()
            attributes += [None] * (width - len(attributes))
            for field_index, value in zip(added, values):
                attributes[field_index] = value
            output = QgsFeature(fields)
            geometry = feature.geometry()
            if geometry.isEmpty():  # no geometry at all, or an empty one
                missing_geometry.append(feature.id())
            elif not geometry.boundingBox().isFinite():
                not_finite.append(feature.id())  # kept, without the coordinates no map or index can take
            else:
                output.setGeometry(geometry)
            output.setAttributes(attributes)
            sink.addFeature(output, QgsFeatureSink.FastInsert)

        self._report(feedback, standard, language, counts, matcher, missing_geometry, not_finite,
                     self.input_layer_name(parameters, self.FACILITIES, context), category_field)
        self._standard, self._geometry_type, self._dest_id = standard, QgsWkbTypes.geometryType(
            source.wkbType()), dest_id
        del sink  # flush and close the file before postProcessAlgorithm styles it
        return {self.OUTPUT: dest_id, self.CLASSIFIED_COUNT: classified,
                self.UNRECOGNISED_COUNT: sum(matcher.unknown.values()) + matcher.empty}

    def postProcessAlgorithm(self, context, feedback):
        standard, geometry_type = self._standard, self._geometry_type

        def apply_style(layer):
            layer.setRenderer(facility_category_renderer(standard, geometry_type))

        style_output(self._dest_id, context, feedback, apply_style, styles.STYLE_FACILITY_CATEGORIES,
                     standard=standard)
        return {}  # a non-empty map would replace the results of processAlgorithm

    def _report(self, feedback, standard, language, counts, matcher, missing_geometry, not_finite, layer_name,
                field_name):
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
            feedback.pushWarning(self.tr(
                "Layer {}: {} feature(s) have no or empty geometry (feature ids {}{}); they are kept but cannot be "
                "located.").format(layer_name, len(missing_geometry), *listed_ids(missing_geometry)))
        if not_finite:
            feedback.pushWarning(self.tr(
                "Layer {}: {} feature(s) have coordinates that are not finite numbers (feature ids {}{}); they are "
                "kept without geometry and cannot be located.").format(layer_name, len(not_finite),
                                                                        *listed_ids(not_finite)))


def listed_ids(feature_ids):
    """('3, 8, 12', '…' or ''): the first MAX_LISTED_FEATURES ids, and whether there are more."""
    return (", ".join(str(fid) for fid in feature_ids[:MAX_LISTED_FEATURES]),
            "…" if len(feature_ids) > MAX_LISTED_FEATURES else "")
