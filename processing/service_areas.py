"""设施服务范围 — per facility, the area within the standard's walking distance along the road network."""

from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingException, QgsProcessingParameterDistance, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsWkbTypes)
from .. import styles
from ..core import output_fields as F
from ..core.walking import category_limits
from ..i18n import current_language
from ..styles import facility_category_renderer, style_output
from .base_algorithm import CompleteCommunityAlgorithm, make_fields
from .evaluation_inputs import FacilityReader, InputProblems, read_walking_network, working_crs
from .walking_distances import add_network_option_parameters, network_options

DEFAULT_BUFFER = 30.0  # m either side of a walked street: the buildings that front it
DEFAULT_MAX_SNAP_DISTANCE = 200.0


class ServiceAreasAlgorithm(CompleteCommunityAlgorithm):
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    NETWORK = "NETWORK"
    WALKABLE_FIELD = "WALKABLE_FIELD"
    SPEED_FIELD = "SPEED_FIELD"
    MAX_SNAP_DISTANCE = "MAX_SNAP_DISTANCE"
    BUFFER_DISTANCE = "BUFFER_DISTANCE"
    OUTPUT = "OUTPUT"

    ALGORITHM_ID = "service_areas"
    GROUP = "evaluation"

    def displayName(self):
        return self.tr("Facility service areas (设施服务范围)")

    def shortHelpString(self):
        return self.tr(
            "Draws, for every facility whose category the standard gives a walking limit (kindergarten, nursery, "
            "elderly station, health station, supermarket and convenience store, activity ground and court, "
            "service station: 500 m; bus stop: a 10-minute walk; the life-circle facilities: 1,000 m), the area "
            "its residents can walk from: the streets reachable within the limit along the road network, widened "
            "by the frontage distance on both sides. The shapes follow the streets, not circles, so a river, a "
            "motorway or a walled estate shows as a gap.<br><br>"
            "<b>Facilities</b>: points or polygons with a category field (names as in the provision evaluation). "
            "<b>Road network</b>: lines; a yes/no field leaves out roads that are not walkable; a speed field "
            "(m/min) makes slow paths count as longer. Facilities farther than the maximum snapping distance "
            "from the network are listed with an empty area and a note.<br>{}<br><br>"
            "<b>Output</b>: one polygon per facility with its category, the limit and the rule it comes from, the "
            "length of street reached and the area; styled by category.").format(
            self.standard_help()) + "<br><br>" + self.tr(
            "<b>Example</b>: a kindergarten at a crossing of two long streets reaches 500 m along each of the "
            "four arms: its area is a cross of streets 1 km long and, with a frontage of 30 m, 60 m wide — not a "
            "500 m circle.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities (points or polygons)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Facility category field"), parentLayerParameterName=self.FACILITIES))
        self.add_mapping_table_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, self.tr("Road network (lines)"), [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterField(
            self.WALKABLE_FIELD, self.tr("Walkable field (yes/no; no = left out, e.g. motorways)"),
            parentLayerParameterName=self.NETWORK, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SPEED_FIELD, self.tr("Walking speed field of the roads (m/min)"),
            parentLayerParameterName=self.NETWORK, type=QgsProcessingParameterField.Numeric, optional=True))
        add_network_option_parameters(self, self.NETWORK)
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_SNAP_DISTANCE, self.tr("Maximum distance from a facility to the network (m)"),
            defaultValue=DEFAULT_MAX_SNAP_DISTANCE, minValue=0.0, parentParameterName=self.FACILITIES))
        self.addParameter(QgsProcessingParameterDistance(
            self.BUFFER_DISTANCE, self.tr("Frontage served on each side of a street (m)"),
            defaultValue=DEFAULT_BUFFER, minValue=0.1, parentParameterName=self.FACILITIES))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Service areas"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        source = self.parameterAsSource(parameters, self.FACILITIES, context)
        network_source = self.parameterAsSource(parameters, self.NETWORK, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FACILITIES))
        if network_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.NETWORK))
        facilities_name = self.input_layer_name(parameters, self.FACILITIES, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        if source.fields().lookupField(category_field) < 0:
            raise QgsProcessingException(self.tr("The facility layer {} has no field '{}'.").format(
                facilities_name, category_field))
        working = working_crs(source.sourceCrs(), source.sourceExtent())
        feedback.pushInfo(self.tr("Areas and distances are measured in {} ({}).").format(
            working.authid(), working.description()))
        problems = InputProblems()
        mapping = self.read_category_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context), standard)
        reader = FacilityReader(standard, [], working, 0.0, context, feedback, problems, mapping)
        reader.read(source, facilities_name, category_field, {})
        network = read_walking_network(
            network_source, self.input_layer_name(parameters, self.NETWORK, context), working,
            self.parameterAsString(parameters, self.WALKABLE_FIELD, context),
            self.parameterAsString(parameters, self.SPEED_FIELD, context), standard.walking_speed_m_per_min,
            context, feedback, problems, network_options(self, parameters, context))
        problems.report(feedback)
        if network.segment_count == 0:
            raise QgsProcessingException(self.tr("The road network {} has no walkable line.").format(
                self.input_layer_name(parameters, self.NETWORK, context)))

        limits = {code: limit for code, limit in category_limits(standard).items() if limit.limit_m is not None}
        chosen = [facility for facility in reader.located if facility.category in limits]
        skipped = len(reader.located) - len(chosen)
        if skipped:
            feedback.pushInfo(self.tr("{} facilities of categories without a walking limit are not drawn.").format(
                skipped))
        snap_limit = self.parameterAsDouble(parameters, self.MAX_SNAP_DISTANCE, context)
        buffer = self.parameterAsDouble(parameters, self.BUFFER_DISTANCE, context)
        snapped = network.snap([f.x for f in chosen], [f.y for f in chosen], snap_limit)

        fields = make_fields(F.SERVICE_AREA_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        to_working = QgsCoordinateTransform(source.sourceCrs(), working, context.transformContext())
        language = current_language()
        far = 0
        for position, facility in enumerate(chosen):
            if feedback.isCanceled():
                break
            limit = limits[facility.category]
            feature = QgsFeature(fields)
            street, area, note = None, None, None
            if snapped.segment[position] < 0:
                far += 1
                note = self.tr("farther than {:g} m from the road network").format(snap_limit)
            else:
                pieces = network.reachable_edges(snapped.subset([position]), limit.limit_m)
                lines = [[QgsPointXY(x, y) for x, y in piece] for piece in pieces.polylines()]
                street = pieces.total_length
                if lines:
                    shape = QgsGeometry.fromMultiPolylineXY(lines).buffer(buffer, 4)
                    area = shape.area()
                    shape.transform(to_working, QgsCoordinateTransform.ReverseTransform)
                    feature.setGeometry(shape)
                else:
                    note = self.tr("its walk to the network already exceeds the limit")
            feature.setAttributes([facility.layer, str(facility.fid), facility.category,
                                   standard.category(facility.category).name.get(language), limit.limit_m,
                                   limit.rule_id, street, area, note])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            feedback.setProgress(int(100.0 * (position + 1) / max(len(chosen), 1)))
        if far:
            feedback.pushWarning(self.tr("{} facilities lie farther than {:g} m from the road network: listed without "
                                         "an area.").format(far, snap_limit))
        del sink
        self._dest_id, self._standard = dest_id, standard
        return {self.OUTPUT: dest_id}

    def postProcessAlgorithm(self, context, feedback):
        standard = self._standard

        def apply_style(layer):
            renderer = facility_category_renderer(standard, QgsWkbTypes.PolygonGeometry)
            for index, category in enumerate(renderer.categories()):
                symbol = category.symbol().clone()
                symbol.setOpacity(0.35)  # overlapping areas stay readable
                renderer.updateCategorySymbol(index, symbol)
            layer.setRenderer(renderer)

        style_output(self._dest_id, context, feedback, apply_style, styles.STYLE_SERVICE_AREAS)
        return {}
