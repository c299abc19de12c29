"""按街道/区汇总 — figures by street and district from an evaluated community layer."""

from qgis.core import (QgsCoordinateTransform, QgsCsException, QgsFeature, QgsFeatureSink, QgsGeometry,
                       QgsProcessing, QgsProcessingException, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsSpatialIndex,
                       QgsWkbTypes)
from ..core import output_fields as F
from ..core.area_summary import CommunityOutcome, summarize_by_area
from ..core.values import as_number, is_null
from ..i18n import current_language
from ..styles import names, style_output
from ..styles.compliance import apply_area_style
from .base_algorithm import CompleteCommunityAlgorithm, make_fields

POPULATION_DEFAULT_FIELD = F.MEASURED.name_for("scale.population")
# The counts of an AreaSummary, each written to its field (core/output_fields.py).
AREA_NUMBERS = ((F.AREA_COMMUNITIES, lambda s: s.communities), (F.AREA_RESIDENTS, lambda s: s.residents),
                (F.AREA_RESIDENTS_UNKNOWN, lambda s: s.residents_unknown), (F.AREA_COMPLETE, lambda s: s.complete),
                (F.AREA_COMPLETE_RESIDENTS, lambda s: s.complete_residents), (F.AREA_FAILING, lambda s: s.failing),
                (F.AREA_FAILING_RESIDENTS, lambda s: s.failing_residents), (F.AREA_NO_DATA, lambda s: s.no_data),
                (F.AREA_NO_DATA_RESIDENTS, lambda s: s.no_data_residents))


def area_fields(item_codes):
    definitions = [F.AREA] + [field for field, _attribute in AREA_NUMBERS] + [
        F.AREA_COMPLETE_RATE, F.AREA_COMPLETE_RESIDENTS_RATE, F.AREA_WEAKEST]
    definitions = [(field.name, field.kind) for field in definitions]
    for code in item_codes:
        definitions += [(F.ITEM_SHARE.name_for(code), F.ITEM_SHARE.kind),
                        (F.ITEM_RESIDENTS_SHARE.name_for(code), F.ITEM_RESIDENTS_SHARE.kind)]
    return make_fields(definitions)


def _percent(value):
    return None if value is None else round(100.0 * value, 2)


def area_attributes(summary, item_codes, item_names):
    """The output row of one AreaSummary, in the order of area_fields()."""
    values = [summary.area]
    values += [value_of(summary) for _field, value_of in AREA_NUMBERS]
    values += [_percent(summary.complete_rate), _percent(summary.complete_residents_rate)]
    values.append("、".join(item_names.get(share.item, share.item) for share in summary.weakest_items()))
    for code in item_codes:
        share = summary.items[code]
        values += [_percent(share.share), _percent(share.residents_share)]
    return values


class SummarizeByAreaAlgorithm(CompleteCommunityAlgorithm):
    INPUT = "INPUT"
    AREA_FIELD = "AREA_FIELD"
    AREAS = "AREAS"
    AREA_NAME_FIELD = "AREA_NAME_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"

    ALGORITHM_ID = "summarize_by_area"
    GROUP = "evaluation"

    def displayName(self):
        return self.tr("Summarize by street or district")

    def shortHelpString(self):
        return self.tr(
            "Figures by area for the city's annual review, from a layer of evaluated communities (the communities "
            "layer of assess, or the output of evaluate_facilities).<br><br>"
            "<b>Areas</b>: either a field of the communities (for example 街道 or 区) or a polygon layer of areas "
            "with a name field; a community belongs to the area that contains a point inside it. Communities "
            "outside every area, or without a value, are gathered under '(no area)', never dropped. Without "
            "either, the whole layer is one area.<br>"
            "<b>Output</b>: one feature per area (the area's polygon, or the communities' outline when areas come "
            "from a field), styled by the complete-community rate: communities and residents assessed, complete "
            "(cc_status pass), failing and without data; the complete-community rate by communities and by "
            "residents (percent); per item the percentage of the communities (and of their residents) where the "
            "item applies that meet it — a community whose data cannot decide does not count as meeting; and "
            "the three weakest items.<br><br>"
            "<b>Example</b>: the sample district's communities with the area field street give three rows, "
            "卓刀泉街道, 关山街道 and 花山街道.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Evaluated communities"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_FIELD, self.tr("Area field of the communities (e.g. 街道)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Or: area polygons (streets, districts)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_NAME_FIELD, self.tr("Name field of the areas"), parentLayerParameterName=self.AREAS,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Resident population field (default: scale_population)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.Numeric, optional=True))
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Figures by area"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_name = self.input_layer_name(parameters, self.INPUT, context)
        names = source.fields().names()
        if F.CC_STATUS.name not in names:
            raise QgsProcessingException(self.tr(
                "The layer {} has no field {}: give the communities layer written by assess or "
                "evaluate_facilities.").format(layer_name, F.CC_STATUS.name))
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or (
            POPULATION_DEFAULT_FIELD if POPULATION_DEFAULT_FIELD in names else "")
        if not population_field:
            feedback.pushWarning(self.tr(
                "The layer {} has no field {} and no population field was given: residents are not counted.").format(
                layer_name, POPULATION_DEFAULT_FIELD))
        area_field = self.parameterAsString(parameters, self.AREA_FIELD, context)
        areas = self.parameterAsSource(parameters, self.AREAS, context) if parameters.get(self.AREAS) else None
        language = current_language()
        items = [item for item in standard.items if item.scope == "community"
                 and F.ITEM_STATUS.name_for(item.code) in names]
        item_codes = [item.code for item in items]
        item_names = {item.code: item.name.get(language) for item in items}
        no_area = self.tr("(no area)")

        locator = None
        if areas is not None:
            name_field = self.parameterAsString(parameters, self.AREA_NAME_FIELD, context)
            if name_field and areas.fields().lookupField(name_field) < 0:
                raise QgsProcessingException(self.tr("The area layer {} has no field '{}'.").format(
                    self.input_layer_name(parameters, self.AREAS, context), name_field))
            locator = AreaLocator(areas, name_field, source.sourceCrs(), context.transformContext())
        area_polygons = locator.areas if locator is not None else None
        outcomes, geometries = [], {}
        total = source.featureCount() or 1
        outside = 0
        for index, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                return {}
            geometry = feature.geometry()
            if area_polygons is not None:
                area = locator.area_of(geometry)
                outside += area is None
            elif area_field:
                area = feature[area_field]
                area = None if is_null(area) else str(area).strip()
            else:
                area = self.tr("All communities")
            area = area or no_area
            outcomes.append(CommunityOutcome(
                str(feature.id()), area, as_number(feature[population_field]) if population_field else None,
                _text(feature[F.CC_STATUS.name]),
                {code: _text(feature[F.ITEM_STATUS.name_for(code)]) for code in item_codes}))
            if area_polygons is None and geometry is not None and not geometry.isEmpty():
                geometries.setdefault(area, []).append(geometry)
            feedback.setProgress(80.0 * index / total)
        if outside:
            feedback.pushWarning(self.tr("{count} communities of {layer} lie in none of the areas; they are counted "
                                         "under '{label}'.").format(count=outside, layer=layer_name, label=no_area))

        # With area polygons, every area is listed (also one without communities), in the layer's order.
        summaries = summarize_by_area(outcomes, item_codes, no_area,
                                      [name for name, _geometry in area_polygons or ()])
        fields = area_fields(item_codes)
        crs = source.sourceCrs() if area_polygons is None else areas.sourceCrs()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        polygons = dict(area_polygons) if area_polygons is not None else {}
        for summary in summaries:
            output = QgsFeature(fields)
            if area_polygons is not None:
                geometry = polygons.get(summary.area)
                geometry = QgsGeometry(geometry) if geometry is not None else None
            else:
                geometry = QgsGeometry.unaryUnion(geometries.get(summary.area, [])) if geometries.get(
                    summary.area) else None
            if geometry is not None:
                geometry.convertToMultiType()
                output.setGeometry(geometry)
            output.setAttributes(area_attributes(summary, item_codes, item_names))
            sink.addFeature(output, QgsFeatureSink.FastInsert)
        feedback.setProgress(100)
        self._dest_id = dest_id
        del sink
        return {self.OUTPUT: dest_id}

    def postProcessAlgorithm(self, context, feedback):
        style_output(self._dest_id, context, feedback, apply_area_style, names.STYLE_AREA_SUMMARY)
        return {}


class AreaLocator:
    """Which area polygon a community lies in: the one containing a point on its surface."""

    def __init__(self, areas, name_field, community_crs, transform_context):
        self.areas = []  # [(name, geometry in the areas' CRS)] in the layer's order
        for feature in areas.getFeatures():
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                continue
            name = feature[name_field] if name_field else None
            name = str(feature.id()) if is_null(name) else str(name)
            self.areas.append((name, feature.geometry()))
        self.transform = QgsCoordinateTransform(community_crs, areas.sourceCrs(), transform_context)
        self.index = QgsSpatialIndex()
        for position, (_name, geometry) in enumerate(self.areas):
            box = geometry.boundingBox()
            if box.isFinite():  # a non-finite box would crash the index (QGIS 3.22)
                box_feature = QgsFeature(position)
                box_feature.setGeometry(QgsGeometry.fromRect(box))
                self.index.addFeature(box_feature)

    def area_of(self, geometry):
        """The area's name, or None outside every area (or without a usable geometry)."""
        if geometry is None or geometry.isEmpty():
            return None
        point = geometry.pointOnSurface()
        try:
            point.transform(self.transform)
        except QgsCsException:
            return None
        if point.isEmpty():
            return None
        for position in self.index.intersects(point.boundingBox()):
            name, polygon = self.areas[position]
            if polygon.contains(point):
                return name
        return None


def _text(value):
    return None if is_null(value) else str(value)


