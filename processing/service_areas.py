"""设施服务范围 — per facility, the area within the standard's walking distance along the road network."""

from dataclasses import dataclass

import numpy as np
from qgis.core import (Qgis, QgsCoordinateTransform, QgsCsException, QgsFeature, QgsFeatureRequest, QgsFeatureSink,
                       QgsGeometry, QgsPointXY, QgsProcessing, QgsProcessingException,
                       QgsProcessingParameterDefinition, QgsProcessingParameterDistance, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterString, QgsUnitTypes, QgsWkbTypes)
from qgis.PyQt.QtCore import Qt

from ..core import describe
from ..core.box_cover import BoxCover
from ..core.status import ADVISORY, FAIL
from ..core.values import is_missing
from .. import styles
from ..core import output_fields as F
from ..core.polylines import multilinestring_wkb, network_piece_lines
from ..core.walking import category_limits
from ..i18n import current_language
from ..styles import facility_category_renderer, style_output
from . import shared_run
from .base_algorithm import CompleteCommunityAlgorithm, make_fields
from .inputs.crs import working_crs
from .inputs.facilities import FacilityReader
from .inputs.bulk_read import source_layer
from .inputs.network import read_walking_network
from .inputs.problems import InputProblems
from .planned_facilities import PlannedFacilities
from .walking_distances import DEFAULT_MAX_SNAP_DISTANCE, add_network_option_parameters, network_options

DEFAULT_BUFFER = 30.0  # m either side of a walked street: the buildings that front it
# SHAPE choices. Polygons cost a GEOS buffer per facility (about 20–60 ms each: minutes for a city); streets
# come from one search per category and no geometry operation.
SHAPE_POLYGONS, SHAPE_STREETS = 0, 1
LENT_FACILITIES = "service area facilities"  # what assess lends this step (processing/shared_run.py)


@dataclass
class FacilityPoints:
    """The facilities a service-areas run draws from, as its own FacilityReader would read them: every recognised
    facility of FACILITIES with its point in `working`, then the planned ones (from `planned_from`, None without).
    assess lends the points its evaluation read (`lend_facilities`), so its service-areas step reads none again."""

    working: object      # QgsCoordinateReferenceSystem of the points
    located: list        # LocatedFacility, in reading order
    planned_from: object  # index into `located` where the planned facilities begin, or None


def facility_points_key(parameters, standard):
    """What the facility points depend on (the standard, the facility and planned layers, their category fields,
    the mapping table), or None when a layer is given as something other than a layer or its source text."""
    layers = shared_run.layers_key(parameters, (
        ServiceAreasAlgorithm.FACILITIES, ServiceAreasAlgorithm.CATEGORY_FIELD, ServiceAreasAlgorithm.MAPPING_TABLE,
        ServiceAreasAlgorithm.PROPOSED_FACILITIES, ServiceAreasAlgorithm.PROPOSED_CATEGORY_FIELD))
    return None if layers is None else (standard.id, standard.content_hash) + layers


def lend_facilities(parameters, standard, facilities, facilities_name, areas_name, working):
    """Inside assess: lend the points of `facilities` (its evaluation's FacilityReader, which read FACILITIES as
    `facilities_name`, then FACILITY_AREAS as `areas_name` or None, then the planned ones) to the service-areas
    step. Not lent when both layers have the same name: FACILITIES's points could not be told apart."""
    key = facility_points_key(parameters, standard)
    if key is None or facilities is None or facilities_name == areas_name:
        return
    located = [facility for facility in facilities.located[:facilities.planned_from]
               if facility.layer == facilities_name]
    planned_from = None
    if facilities.planned_from is not None:
        planned_from = len(located)
        located += facilities.located[facilities.planned_from:]
    shared_run.lend(LENT_FACILITIES, key, FacilityPoints(working, located, planned_from))


class ServiceAreasAlgorithm(PlannedFacilities, CompleteCommunityAlgorithm):
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    NETWORK = "NETWORK"
    WALKABLE_FIELD = "WALKABLE_FIELD"
    SPEED_FIELD = "SPEED_FIELD"
    MAX_SNAP_DISTANCE = "MAX_SNAP_DISTANCE"
    BUFFER_DISTANCE = "BUFFER_DISTANCE"
    SHAPE = "SHAPE"
    CATEGORIES = "CATEGORIES"
    AROUND_NOT_MET = "AROUND_NOT_MET"
    OUTPUT = "OUTPUT"

    ALGORITHM_ID = "service_areas"
    GROUP = "evaluation"

    def displayName(self):
        return self.tr("Facility service areas")

    def shortHelpString(self):
        return self.tr(
            "Draws, for every facility whose category the standard gives a walking limit (the limits are listed "
            "below), the area its residents can walk from: the streets reachable within the limit along the road "
            "network, widened by the frontage distance on both sides. The shapes follow the streets, not "
            "circles, so a river, a motorway or a walled estate shows as a gap.<br><br><b>Facilities</b>: points "
            "or polygons with a category field (names as in the provision evaluation). <b>Road network</b>: "
            "lines; a yes/no field leaves out roads that are not walkable; a speed field (m/min) makes slow "
            "paths count as longer. Facilities farther than the maximum snapping distance from the network are "
            "listed with an empty area and a note.<br>{}<br><br><b>Shape</b>: <i>polygons</i> — per facility, "
            "the streets it reaches widened by the frontage (square ends where the walk stops, so no street "
            "beyond the limit is covered; facilities' areas overlap; slow for a whole city: a GEOS buffer per "
            "facility); <i>streets</i> — the streets within the limit of the category's nearest facility, each "
            "piece drawn once with the facility it is nearest to (one search per category: seconds for a city; "
            "drawn as wide lines, gaps are streets no facility reaches). <b>Categories</b>: category codes "
            "separated by commas, empty for all.<br><br><b>Output</b>: one feature per facility with its "
            "category, the limit and the rule it comes from, the length of street reached (or served, for "
            "streets) and the area (polygons); styled by category.").format(
            self.standard_help() + "<br>" + self.requirements_help(walking_categories=())) + self.help_example(self.tr(
            "<b>Example</b>: a kindergarten at a crossing of two long streets reaches {limit} m along each of "
            "the four arms: its area is a cross of streets {length} m long and, with a frontage of {frontage} m, "
            "{width} m wide — not a {limit} m circle.")) + "<br><br>" + self.tr(
            "<b>Only around the communities that lack the category</b> (optional): an assessed communities layer "
            "(assess's communities); each category's streets are then drawn only around the communities whose "
            "walking access to it is not met or whose item of it failed (the gaps the scorecard zooms to), the "
            "lines unchanged; the length served stays the whole. assess does this by default: a city's whole street network drawn once per category is most "
            "of its GeoPackage.")

    def help_example(self, text):
        """The example with the standard's kindergarten limit and the default frontage."""
        limit = category_limits(self.help_standard()).get("kindergarten")
        if limit is None or limit.limit_m is None:
            return ""
        return "<br><br>" + text.format(limit=describe.format_number(limit.limit_m),
                                        length=describe.format_number(2 * limit.limit_m),
                                        frontage=describe.format_number(DEFAULT_BUFFER),
                                        width=describe.format_number(2 * DEFAULT_BUFFER))

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities (points or polygons)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Facility category field"), parentLayerParameterName=self.FACILITIES))
        self.add_mapping_table_parameter()
        self.add_proposed_parameters()
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
        self.add_shape_parameters(self.SHAPE_POLYGONS_DEFAULT)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Service areas"), QgsProcessing.TypeVectorAnyGeometry))

    SHAPE_POLYGONS_DEFAULT = SHAPE_POLYGONS

    def add_shape_parameters(self, default_shape):
        self.addParameter(QgsProcessingParameterEnum(
            self.SHAPE, self.tr("Shape of the service areas"),
            [self.tr("Polygons: each facility's streets widened by the frontage (slow for a city)"),
             self.tr("Streets: each street piece with its nearest facility within the limit (fast)")],
            defaultValue=default_shape))
        self.addParameter(QgsProcessingParameterString(
            self.CATEGORIES, self.tr("Only these facility categories (codes, comma separated; empty: all)"),
            optional=True))
        around = QgsProcessingParameterFeatureSource(
            self.AROUND_NOT_MET, self.tr("Only around the communities that lack the category "
                                         "(assessed communities; empty: everywhere)"),
            [QgsProcessing.TypeVectorPolygon], optional=True)
        around.setFlags(around.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(around)

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
        points = self.facility_points(parameters, context, feedback, standard, source, facilities_name,
                                      category_field, working, problems)
        planned = points.planned_from is not None
        planned_ones = {id(facility) for facility in points.located[points.planned_from:]} if planned else set()
        network = read_walking_network(
            network_source, self.input_layer_name(parameters, self.NETWORK, context), working,
            self.parameterAsString(parameters, self.WALKABLE_FIELD, context),
            self.parameterAsString(parameters, self.SPEED_FIELD, context), standard.walking_speed_m_per_min,
            context, feedback, problems, network_options(self, parameters, context),
            source_layer(self, parameters, self.NETWORK, context))
        problems.report(feedback)
        if network.segment_count == 0:
            raise QgsProcessingException(self.tr("The road network {} has no walkable line.").format(
                self.input_layer_name(parameters, self.NETWORK, context)))

        limits = {code: limit for code, limit in category_limits(standard).items() if limit.limit_m is not None}
        wanted = self.chosen_categories(parameters, context, standard, limits)
        chosen = [facility for facility in points.located if facility.category in wanted]
        skipped = len(points.located) - len(chosen)
        if skipped:
            feedback.pushInfo(self.tr("{} facilities of categories without a walking limit, or not chosen, are not "
                                      "drawn.").format(skipped))
        snap_limit = self.parameterAsDouble(parameters, self.MAX_SNAP_DISTANCE, context)
        buffer = self.parameterAsDouble(parameters, self.BUFFER_DISTANCE, context)
        shape = self.parameterAsEnum(parameters, self.SHAPE, context)
        snapped = network.snap([f.x for f in chosen], [f.y for f in chosen], snap_limit)

        not_met = self.not_met_boxes(parameters, context, feedback, working, standard, wanted)

        fields = make_fields(F.SERVICE_AREA_FIELDS_PLANNED if planned else F.SERVICE_AREA_FIELDS)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields,
            QgsWkbTypes.MultiLineString if shape == SHAPE_STREETS else QgsWkbTypes.MultiPolygon, source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        to_working = QgsCoordinateTransform(source.sourceCrs(), working, context.transformContext())
        same_crs = source.sourceCrs() == working
        language = current_language()
        far = int(np.count_nonzero(~snapped.is_snapped))
        if shape == SHAPE_STREETS:
            shapes = self._street_shapes(network, chosen, snapped, limits, not_met, feedback)
        else:
            shapes = self._polygon_shapes(network, chosen, snapped, limits, buffer, not_met, feedback)
        # The notes and names once, not per facility (a city writes 28,000 rows).
        notes = {"far": self.tr("farther than {:g} m from the road network").format(snap_limit),
                 "not_needed": self.tr("not drawn: its streets lie only around communities that lack nothing of its "
                                      "category"),
                 "walk": self.tr("its walk to the network already exceeds the limit"),
                 "nearer": self.tr("every street it reaches is nearer to another facility of its category")}
        names = {code: standard.category(code).name.get(language) for code in wanted}
        batch = []
        for position, geometry, street, area in shapes:  # written as they come: a city's areas never all in memory
            if feedback.isCanceled():
                break
            facility = chosen[position]
            limit = limits[facility.category]
            feature = QgsFeature(fields)
            note = None
            if snapped.segment[position] < 0:
                note = notes["far"]
            elif geometry is None and street and facility.category in not_met:
                note = notes["not_needed"]
            elif geometry is None:
                note = notes["walk"] if (shape == SHAPE_POLYGONS or snapped.offset[position] > limit.limit_m) else \
                    notes["nearer"]
            if geometry is not None:
                if not same_crs:  # the facilities' CRS already measures in metres: nothing to transform
                    geometry.transform(to_working, QgsCoordinateTransform.ReverseTransform)
                feature.setGeometry(geometry)
            feature.setAttributes([facility.layer, str(facility.fid), facility.category, names[facility.category],
                                   limit.limit_m, limit.rule_id, street, area, note] + (
                [int(id(facility) in planned_ones)] if planned else []))
            batch.append(feature)
            if len(batch) == 1000:
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
        if batch and not feedback.isCanceled():
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        self._shape, self._buffer = shape, buffer
        if far:
            feedback.pushWarning(self.tr("{} facilities lie farther than {:g} m from the road network: listed without "
                                         "an area.").format(far, snap_limit))
        del sink
        self._dest_id, self._standard = dest_id, standard
        return {self.OUTPUT: dest_id}

    def facility_points(self, parameters, context, feedback, standard, source, facilities_name, category_field,
                        working, problems):
        """The FacilityPoints to draw from: those assess lent (the same layers and standard, read into the same
        working CRS, so the same points in the same order), else read here."""
        key = facility_points_key(parameters, standard)
        lent = shared_run.borrow(LENT_FACILITIES, key) if key is not None else None
        if lent is not None and lent.working == working:
            return lent
        mapping = self.read_category_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context), standard)
        reader = FacilityReader(standard, [], working, 0.0, context, feedback, problems, mapping)
        reader.read(source, facilities_name, category_field, {})
        self.read_proposed(parameters, context, feedback, standard, reader)
        return FacilityPoints(working, reader.located, reader.planned_from)

    def chosen_categories(self, parameters, context, standard, limits):
        """The categories to draw: those of CATEGORIES (codes or names) that have a walking limit, else all."""
        text = self.parameterAsString(parameters, self.CATEGORIES, context) or ""
        names = [name.strip() for name in text.replace("，", ",").replace(";", ",").split(",") if name.strip()]
        if not names:
            return set(limits)
        chosen = set()
        language = current_language()
        by_name = {}
        for code in limits:
            category = standard.category(code)
            by_name[code] = code
            for key in (category.name.get(language), category.name.get("zh"), category.name.get("en")):
                if key:
                    by_name[key] = code
        for name in names:
            if name not in by_name:
                raise QgsProcessingException(self.tr(
                    "Categories: '{}' is not a facility category with a walking limit in the standard. Known: {}"
                ).format(name, ", ".join(limits)))
            chosen.add(by_name[name])
        return chosen

    def not_met_boxes(self, parameters, context, feedback, working, standard, categories):
        """{category: (n, 4) array of the boxes (x_min, y_min, x_max, y_max, working CRS) of the communities of
        AROUND_NOT_MET that need looking at for it} for the `categories` that layer has a status for; {}
        without the layer. A community needs looking at for a category when its walking access to it is not
        met (<category>_access_status fail or advisory) or an item it provides fails (<item>_status fail): the
        gaps the scorecard zooms to. A category without any such field there is drawn everywhere, with a
        warning naming the fields; communities left out (no geometry, a box outside the CRS) are listed."""
        source = self.parameterAsSource(parameters, self.AROUND_NOT_MET, context)
        if source is None:
            return {}
        layer_name = self.input_layer_name(parameters, self.AROUND_NOT_MET, context)
        names = set(source.fields().names())
        status_fields = {code: [(F.ACCESS_STATUS.name_for(code), (FAIL, ADVISORY))] for code in categories}
        for item in standard.items:
            for category in standard.categories_for_item(item.code):
                if category.code in status_fields:
                    status_fields[category.code].append((F.ITEM_STATUS.name_for(item.code), (FAIL,)))
        lacking = {code: [name for name, _statuses in fields] for code, fields in status_fields.items()
                   if not any(name in names for name, _statuses in fields)}
        if lacking:  # e.g. communities not assessed: those categories are drawn everywhere, said so
            feedback.pushWarning(self.tr(
                "Only around the communities that lack the category: the layer {} has none of the status fields "
                "of {} ({}); their service areas are drawn everywhere. Give assess's communities layer.").format(
                layer_name, ", ".join(sorted(lacking)),
                ", ".join(name for code in sorted(lacking) for name in lacking[code])))
        status_fields = {code: [(name, statuses) for name, statuses in fields if name in names]
                         for code, fields in status_fields.items() if code not in lacking}
        to_working = QgsCoordinateTransform(source.sourceCrs(), working, context.transformContext())
        boxes = {code: [] for code in status_fields}
        read = sorted({name for fields in status_fields.values() for name, _statuses in fields})
        id_field = F.COMMUNITY_ID.name if F.COMMUNITY_ID.name in names else None
        index = {name: source.fields().lookupField(name) for name in read + ([id_field] if id_field else [])}
        status_fields = {code: [(index[name], statuses) for name, statuses in fields]
                         for code, fields in status_fields.items()}
        problems = InputProblems()
        request = QgsFeatureRequest().setSubsetOfAttributes(list(index), source.fields())
        for feature in source.getFeatures(request) if status_fields else ():
            values = feature.attributes()
            community = values[index[id_field]] if id_field else None
            community = feature.id() if is_missing(community) else community  # listed by id, else by feature id
            needed = [code for code, fields in status_fields.items()
                      if any(values[position] in statuses for position, statuses in fields)]
            if not needed:
                continue
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                problems.add(self.tr("Only around the communities that lack the category: {} — a community "
                                     "without a geometry is left out (its gaps are not drawn)").format(layer_name),
                             community)
                continue
            try:
                box = to_working.transformBoundingBox(feature.geometry().boundingBox())
                corners = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            except QgsCsException:
                corners = (np.nan,)
            if not np.isfinite(corners).all():
                problems.add(self.tr("Only around the communities that lack the category: {} — a community whose "
                                     "box cannot be transformed to {} is left out (its gaps are not drawn)").format(
                    layer_name, working.authid()), community)
                continue
            for code in needed:
                boxes[code].append(corners)
        problems.report(feedback)
        boxes = {code: np.array(found, dtype=np.float64).reshape(-1, 4) for code, found in boxes.items()}
        if boxes:
            feedback.pushInfo(self.tr("Service areas drawn only around the communities that lack "
                                      "their category: {}.").format(", ".join(
                                          "{} {}".format(code, len(found)) for code, found in boxes.items())))
        return boxes

    @staticmethod
    def _kept_pieces(cover, pieces):
        """Which street pieces to draw: those whose bounds meet a cell of a community that needs looking at (a
        long piece crossing a community with its middle outside it is kept; pieces are straight)."""
        return cover.touches(np.minimum(pieces.x0, pieces.x1), np.minimum(pieces.y0, pieces.y1),
                             np.maximum(pieces.x0, pieces.x1), np.maximum(pieces.y0, pieces.y1))

    def _street_shapes(self, network, chosen, snapped, limits, not_met, feedback):
        """(position, MultiLineString or None, street length served, None) per facility, category by category
        (a generator): one catchments() search per category; each facility gets the street pieces it is the
        nearest facility of."""
        by_category = {}
        for position, facility in enumerate(chosen):
            by_category.setdefault(facility.category, []).append(position)
        for number, (category, positions) in enumerate(by_category.items()):
            if feedback.isCanceled():
                return
            positions = np.array(positions, dtype=np.int64)
            catchments = network.catchments(snapped.subset(positions), limits[category].limit_m)
            lengths = catchments.length_by_source(len(positions))
            if category in not_met:  # only the pieces around the communities that need looking at (one grid
                # of counts at a time: 16 MB for a city)
                catchments = catchments.subset(self._kept_pieces(BoxCover(*not_met[category].T), catchments))
            # Each facility's pieces joined into lines through the points they share: one WKB per facility.
            areas = multilinestring_wkb(network_piece_lines(network, catchments, catchments.source))
            del catchments
            for index, position in enumerate(positions.tolist()):
                wkb = areas.of(index)
                if snapped.segment[position] < 0:
                    yield position, None, None, None
                elif wkb is None:  # no street, or none around a community that needs looking at
                    yield position, None, float(lengths[index]), None
                else:
                    geometry = QgsGeometry()
                    geometry.fromWkb(wkb)
                    yield position, geometry, float(lengths[index]), None
            feedback.setProgress(int(100.0 * (number + 1) / max(len(by_category), 1)))

    def _polygon_shapes(self, network, chosen, snapped, limits, buffer, not_met, feedback):
        """(position, MultiPolygon or None, street length reached, area) per facility (a generator)."""
        covers = {code: BoxCover(*boxes.T) for code, boxes in not_met.items()}
        for position, facility in enumerate(chosen):
            if feedback.isCanceled():
                return
            feedback.setProgress(int(100.0 * position / max(len(chosen), 1)))
            if snapped.segment[position] < 0:
                yield position, None, None, None
                continue
            one = snapped.subset([position])
            limit = limits[facility.category].limit_m
            pieces = network.reachable_edges(one, limit)
            cover = covers.get(facility.category)
            if not len(pieces) or (cover is not None and not self._kept_pieces(cover, pieces).any()):
                yield position, None, pieces.total_length, None
                continue
            lines = [[QgsPointXY(x, y) for x, y in piece] for piece in pieces.polylines()]
            # Square ends: a street is covered up to the limit and not a frontage beyond it. The crossings
            # are rounded by discs no larger than what is left to walk there.
            parts = [QgsGeometry.fromMultiPolylineXY(lines).buffer(
                buffer, 4, Qgis.EndCapStyle.Flat, Qgis.JoinStyle.Round, 2.0)]
            nodes, distances = network.nodes_within(one, limit)
            for node, distance in zip(nodes.tolist(), distances.tolist()):
                radius = min(buffer, limit - distance)
                if radius > 0:
                    parts.append(QgsGeometry.fromPointXY(QgsPointXY(float(network.node_x[node]), float(
                        network.node_y[node]))).buffer(radius, 4))
            shape = QgsGeometry.unaryUnion(parts)
            yield position, shape, pieces.total_length, shape.area()

    def postProcessAlgorithm(self, context, feedback):
        standard = self._standard
        streets = self._shape == SHAPE_STREETS
        width = 2 * self._buffer

        def apply_style(layer):
            renderer = facility_category_renderer(
                standard, QgsWkbTypes.LineGeometry if streets else QgsWkbTypes.PolygonGeometry)
            for index, category in enumerate(renderer.categories()):
                symbol = category.symbol().clone()
                symbol.setOpacity(0.35)  # overlapping areas stay readable
                if streets:  # the frontage on both sides, in metres on the ground at every scale
                    symbol.setWidth(width)
                    symbol.setWidthUnit(QgsUnitTypes.RenderMapUnits)
                    symbol.symbolLayer(0).setPenCapStyle(Qt.FlatCap)
                renderer.updateCategorySymbol(index, symbol)
            layer.setRenderer(renderer)

        style_output(self._dest_id, context, feedback, apply_style, styles.STYLE_SERVICE_AREAS, standard=standard)
        return {}
