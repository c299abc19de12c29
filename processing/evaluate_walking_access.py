"""步行可达性评估 — walking distance on the road network from each community to each kind of facility."""

import math
import re
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Optional

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsGeometry,
                       QgsProcessing, QgsProcessingException,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsWkbTypes)
from ..core.status import status_label
from ..core import describe
from .. import styles
from ..core import output_fields as F
from ..standards import measure_kinds
from ..core.categories import CategoryMatcher
from ..core.network import SearchCancelled
from ..core.polylines import linestring_wkbs
from ..core.status import INFO, NO_DATA
from ..core.values import finite_or_none, read_number
from ..core.walking import category_limits, residents_access
from ..styles.compliance import apply_access_points_style, apply_routes_style
from .base_algorithm import extend_fields, extended_feature, make_fields, qt_value
from .community_evaluation import CommunityEvaluationAlgorithm, CompletedRecords
from .inputs.communities import representative_point
from .inputs.bulk_read import source_layer
from .inputs.crs import projected
from .inputs.points import OTHER, CommunityLocator, PointFeatures
from .inputs.problems import InputProblems
from .output_safety import checked
from .walking_distances import WalkingParameters

def category_fields(category, with_origins):
    """[(name, kind)] of the walking fields of one category on the community layer."""
    families = (F.DIST_M, F.WALK_MIN, F.ACCESS_STATUS) + ((F.COVERED_PCT,) if with_origins else ())
    return [(field.name_for(category), field.kind) for field in families]


class EvaluateWalkingAccessAlgorithm(WalkingParameters, CommunityEvaluationAlgorithm):
    ORIGINS = "ORIGINS"
    ORIGIN_POPULATION_FIELD = "ORIGIN_POPULATION_FIELD"
    WALKING_SPEED = "WALKING_SPEED"
    OUTPUT_ORIGINS = "OUTPUT_ORIGINS"
    OUTPUT_ROUTES = "OUTPUT_ROUTES"
    CATEGORIES = "CATEGORIES"

    ALGORITHM_ID = "evaluate_walking_access"
    COLOUR_FIELD = F.WALK_STATUS.name
    MEASURE_INPUTS = (measure_kinds.NETWORK,)
    COMPLIANCE_PREFIX = "walk"  # a key of core/output_fields.VERDICTS
    WRITES_ITEM_FIELDS = False  # the provision layer's <item>_status stays the provision verdict

    def displayName(self):
        return self.tr("Evaluate walking access")

    def shortHelpString(self):
        return self.tr(
            "Measures how far residents walk, on the real road network, to the nearest facility of each kind the "
            "guide sets a walking limit for (the standard's limits are listed below): kindergartens, elderly "
            "services, shops, bus stops, every kind the elderly and children need (the farthest kind decides), "
            "and the informative figures for children's play. The walks of 2.2 are recommended (以…为原则, 不宜): "
            "beyond them a community gets advice (建议改进), not a failure, unless the standard walking_required is "
            "chosen. One shortest-path search per facility category serves every community at "
            "once.<br><br><b>Residential communities</b>: polygons with the usual fields. A community is "
            "represented by its residents when <b>Origins</b> (residential buildings or population points with a "
            "population field) are given — its distance is then the population-weighted mean of its residents' "
            "distances and &lt;category&gt;_covered_pct the share of residents within the limit — otherwise by a "
            "point inside the polygon: its centroid, or a point inside when the centroid falls outside "
            "(walk_origin says which).<br><b>Facilities</b> and <b>facility areas</b>: as in the provision "
            "evaluation; every facility counts, whichever community it lies in.<br><b>Road network</b> "
            "(optional): lines of streets, footways and paths; where they share a vertex they connect (bridges "
            "that merely cross do not). One-way rules are ignored for walking. A yes/no field leaves out roads "
            "that are not walkable (motorways), and a speed field (m/min) makes slow paths count as longer. "
            "Points are snapped to the nearest point of the nearest road (splitting it) within the maximum "
            "snapping distance; the straight legs to and from the road are walked too. Points farther from the "
            "network, and points on a piece of network with no facility of a category, get no_data with the "
            "reason. Without a network, distances are straight lines × the detour factor (default 1.4), and "
            "walk_method says so.<br><b>Walking speed</b>: m/min to turn metres into minutes; empty takes the "
            "standard's walking speed.<br>{}<br><br><b>Output</b>: every community with, per category, "
            "&lt;category&gt;_dist_m, _walk_min and _access_status against the standard's limit (advisory, 建议改进, "
            "beyond a recommended limit; fail beyond a required one), plus the item summary of the walking rules "
            "(walk_status, walk_items_*, walk_score, walk_missing, walk_advice); <b>Results per rule</b> with "
            "the reasons; optionally every origin with its distances and the shortest route from each community "
            "to the nearest facility of each category, to check on the map.").format(
            self.standard_help() + "<br>" + self.requirements_help(walking_categories=())) + self.help_example(self.tr(
            "<b>Example</b>: a community whose centroid is 100 m from the nearest street, with a kindergarten 20 "
            "m off the same street {along} m further along, gets kindergarten_dist_m {distance} and "
            "kindergarten_access_status {status} (more than {limit} m), although the kindergarten may be much "
            "nearer as the crow flies."))

    def help_example(self, text):
        """The example with the standard's kindergarten limit (none when it sets no limit for kindergartens)."""
        limit = category_limits(self.help_standard()).get("kindergarten")
        if limit is None or limit.limit_m is None:
            return ""
        along = limit.limit_m + 100  # 100 m to the street, this far along it, 20 m to the door
        distance = along + 120
        return "<br><br>" + text.format(along=describe.format_number(along),
                                        distance=describe.format_number(distance),
                                        status=status_label(limit.status_of(distance)),
                                        limit=describe.format_number(limit.limit_m))

    def initAlgorithm(self, config=None):
        self.add_community_parameters()
        self.add_facility_parameters(self.tr("Facilities (points or polygons)"), optional=False,
                                     with_areas_layer=True, with_tolerance=False)
        self.add_mapping_table_parameter()
        self.add_proposed_parameters()
        self.add_origin_parameters()
        self.add_standard_parameter()
        self.add_network_parameters(self.COMMUNITIES)
        self.add_output_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ORIGINS, self.tr("Origins with their walking distances"), QgsProcessing.TypeVectorAnyGeometry,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.tr("Shortest routes to the nearest facilities"), QgsProcessing.TypeVectorLine,
            optional=True, createByDefault=False))

    def add_origin_parameters(self):
        """The residents who walk (optional) and the walking speed."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ORIGINS, self.tr("Origins: residential buildings or population points"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ORIGIN_POPULATION_FIELD, self.tr("Population field of the origins"),
            parentLayerParameterName=self.ORIGINS, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WALKING_SPEED, self.tr("Walking speed (m/min); empty: the standard's"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=1.0))
        self.addParameter(QgsProcessingParameterString(
            self.CATEGORIES, self.tr("More categories to measure (codes or names, comma-separated; 'all'): "
                                     "informative distances"), optional=True))

    def rules_to_evaluate(self, standard, parameters, context):
        """Every community rule that measures a walking distance (required and informative)."""
        return tuple(rule for rule in standard.rules_in_scope("community") if self.measurable(rule))

    def load_standard_parameter(self, parameters, context, feedback):
        """The standard, with the walking speed the user chose (it turns metres into minutes)."""
        standard = super().load_standard_parameter(parameters, context, feedback)
        if parameters.get(self.WALKING_SPEED) not in (None, ""):
            speed = self.parameterAsDouble(parameters, self.WALKING_SPEED, context)
            standard = replace(standard, walking_speed_m_per_min=speed, _index={})
        feedback.pushInfo(self.tr("Walking speed: {} m/min").format(standard.walking_speed_m_per_min))
        return standard

    # -- distances ----------------------------------------------------------------------------------

    def complete_records(self, parameters, context, feedback, plan, inputs, communities, facilities):
        access = self.walk(parameters, context, feedback, plan, inputs, communities, facilities)
        extra_fields = []
        for category in access.categories:
            extra_fields += category_fields(category, access.origins is not None)
        extra_fields += [(F.WALK_METHOD.name, F.WALK_METHOD.kind), (F.WALK_ORIGIN.name, F.WALK_ORIGIN.kind)]
        origin = F.WALK_ORIGIN_POINTS if access.origins is not None else F.WALK_ORIGIN_CENTROID
        extra_values, completed = [], []
        for position, (fid, geometry, record) in enumerate(communities):
            walking_m, walking_notes, values = {}, {}, []
            for category in access.categories:
                if category not in access.distance:
                    continue
                limit = access.limits.get(category)
                metres, covered = access.community_distance(category, position)
                walking_m[category] = metres
                if metres is None:
                    walking_notes[category] = access.notes[category][position] or self.tr(
                        "none of its residents can reach one")
                values += [finite_or_none(metres), finite_or_none(None if metres is None else metres / access.speed),
                           limit.status_of(metres) if limit is not None else (NO_DATA if metres is None else INFO)]
                if access.origins is not None:
                    values.append(None if covered is None or limit is None else round(100.0 * covered, 1))
            values += [access.method, origin]
            extra_values.append(values)
            completed.append((fid, geometry, replace(record, walking_m=walking_m, walking_notes=walking_notes)))
        return CompletedRecords(completed, extra_fields, extra_values, details=access)

    def walk(self, parameters, context, feedback, plan, inputs, communities, facilities):
        """Step 3 of this algorithm: the distance of every community (and origin) to each category, as
        WalkingAccess."""
        standard = plan.standard
        named = set(measure_kinds.walking_categories(plan.rules))
        limits = {code: limit for code, limit in category_limits(standard).items() if code in named}
        # Categories the user asked for beyond the standard's limits: measured, informative (no verdict).
        informative = [code for code in self.requested_categories(parameters, context, standard) if code not in limits]
        speed = standard.walking_speed_m_per_min
        reader = inputs.reader
        locator = facilities.locator if facilities is not None else CommunityLocator(communities)
        origins = self._read_origins(parameters, context, feedback, reader, locator)
        count = len(communities)

        centres = [representative_point(geometry) if geometry is not None else None
                   for _fid, geometry, _record in communities]
        centre_x = np.array([point.x() if point else np.nan for point in centres])
        centre_y = np.array([point.y() if point else np.nan for point in centres])
        target_x = np.concatenate([centre_x, origins["x"]]) if origins else centre_x
        target_y = np.concatenate([centre_y, origins["y"]]) if origins else centre_y

        walking = self.walking_distances(parameters, context, feedback, reader.crs, speed, reader.problems,
                                         facilities.located, target_x, target_y,
                                         routed_targets=count)  # routes: the communities' own points
        far_targets, far_facilities = walking.unsnapped()
        if far_targets or far_facilities:
            feedback.pushWarning(self.tr(
                "Farther than {:g} m from the road network (their distances are no_data): {} community point(s) or "
                "origin(s), {} facilit(ies).").format(walking.snap_limit, far_targets, far_facilities))

        access = WalkingAccess(limits, informative, speed, communities, origins, walking)
        walked = access.categories
        for step, category in enumerate(walked):
            if feedback.isCanceled():
                raise SearchCancelled()
            name = standard.category(category).name.get(plan.language)
            feedback.setProgressText(self.tr("Walking to {}…").format(name))
            if not plan.language.startswith("zh"):
                name = name[0].lower() + name[1:]  # inside an English sentence
            distance, notes = walking.compute(category, name)
            notes[:count][np.isnan(centre_x)] = self.tr("the community has no geometry")
            access.distance[category] = distance
            access.notes[category] = notes
            if origins:
                limit = limits[category].limit_m if category in limits else math.inf
                access.origin_access[category] = residents_access(
                    origins["community"], origins["population"], distance[count:], limit, count)
            feedback.setProgress(40 + int(40.0 * (step + 1) / max(len(walked), 1)))
        return access

    def requested_categories(self, parameters, context, standard):
        """Category codes from CATEGORIES: codes, names or labels of the standard separated by , ; 、 or
        spaces; 'all' for every category. An unknown one stops the run, naming it."""
        text = self.parameterAsString(parameters, self.CATEGORIES, context) if self.CATEGORIES in parameters else ""
        words = [word for word in re.split(r"[,;，；、\s]+", text or "") if word]
        if any(word.casefold() == "all" for word in words):
            return [category.code for category in standard.categories]
        matcher = CategoryMatcher(standard)
        codes, unknown = [], []
        for word in words:
            code = matcher.classify(word)
            if code is None:
                unknown.append(word)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise QgsProcessingException(self.tr("CATEGORIES: unknown categor(ies) {}; the standard's codes are: {}")
                                         .format(", ".join(unknown), ", ".join(c.code for c in standard.categories)))
        return codes

    def _read_origins(self, parameters, context, feedback, reader, locator):
        """{'x', 'y', 'population', 'community', 'fid'} arrays of the origins, in the working CRS; None without.
        `locator`: the communities' CommunityLocator."""
        source = self.parameterAsSource(parameters, self.ORIGINS, context)
        if source is None:
            return None
        name = self.input_layer_name(parameters, self.ORIGINS, context)
        population_field = self.parameterAsString(parameters, self.ORIGIN_POPULATION_FIELD, context)
        if not population_field:
            raise QgsProcessingException(self.tr(
                "Origins were given without a population field: choose the field of {} that holds the residents.")
                .format(name))
        to_working = QgsCoordinateTransform(source.sourceCrs(), reader.crs, context.transformContext())
        field_index = source.fields().lookupField(population_field)
        features = PointFeatures(source, [field_index], to_working, feedback, context,
                                 source_layer(self, parameters, self.ORIGINS, context))
        xs, ys = features.x.copy(), features.y.copy()
        for index in np.flatnonzero(features.kind == OTHER).tolist():  # areas (buildings), multi-points, Z
            point = _origin_point(features.geometry(index), to_working)
            if point is not None:
                xs[index], ys[index] = point.x(), point.y()
        people, unreadable = [], set()
        for index, value in enumerate(features.values[0]):
            value, problem = read_number(value)
            if problem or (value is not None and value < 0):
                unreadable.add(index)
                value = None
            people.append(value if value is not None else 0.0)
        unlocated = np.flatnonzero(np.isnan(xs))
        # Reported feature by feature in reading order, as each feature's problems were found.
        for index in sorted(unreadable.union(unlocated.tolist())):
            if index in unreadable:
                reader.problems.add(self.tr("layer {}, field '{}': populations that are not numbers ≥ 0 count as 0")
                                    .format(name, population_field), features.fids[index])
            if np.isnan(xs[index]):
                reader.problems.add(self.tr("layer {}: origin without usable geometry, not counted").format(name),
                                    features.fids[index])
        # In an overlap of communities: the first in the layer's order, as for facilities.
        community = locator.locate(xs, ys)
        outside = int(np.count_nonzero(community < 0))
        if outside:
            feedback.pushInfo(self.tr("{} origin(s) of {} lie in no community; their distances are written but count "
                                      "for none.").format(outside, name))
        feedback.pushInfo(self.tr("Origins: {} from {} ({:g} residents).").format(len(features), name, sum(people)))
        return {"x": xs, "y": ys, "population": np.array(people, float), "community": community.astype(np.int64),
                "fid": features.fids}

    # -- outputs ------------------------------------------------------------------------------------

    def extra_outputs_share(self, parameters):
        # A city's 50,000 origins and 40,000 routes take about as long to write as its communities and rules.
        with_origins = parameters.get(self.ORIGINS) and parameters.get(self.OUTPUT_ORIGINS)
        return 0.5 if with_origins or parameters.get(self.OUTPUT_ROUTES) else 0.0

    def write_extra_outputs(self, parameters, context, feedback, plan, inputs, completed):
        access = completed.details
        results, styled = {}, []
        # The bar moves on from where the communities left it: the origins to halfway, the routes to the end.
        with_routes = bool(parameters.get(self.OUTPUT_ROUTES))
        if access.origins and self.OUTPUT_ORIGINS in parameters:
            halfway = (feedback.progress() + 100.0) / 2 if with_routes else 100.0
            destination = self._write_origins(parameters, context, access, feedback, halfway)
            if destination:
                results[self.OUTPUT_ORIGINS] = destination
                styled.append((destination, apply_access_points_style, styles.STYLE_WALKING_ORIGINS))
        if self.OUTPUT_ROUTES in parameters:
            destination = self._write_routes(parameters, context, plan, inputs, access, feedback)
            if destination:
                results[self.OUTPUT_ROUTES] = destination
                styled.append((destination, apply_routes_style, styles.STYLE_WALKING_ROUTES))
        return results, styled

    def _write_origins(self, parameters, context, access, feedback, progress_to):
        source = self.parameterAsSource(parameters, self.ORIGINS, context)
        count = len(access.communities)
        categories = access.categories
        additions = [(F.COMMUNITY_ID_ROW.name, F.COMMUNITY_ID_ROW.kind)] + [
            (F.DIST_M.name_for(category), F.DIST_M.kind) for category in categories]
        fields, indexes = extend_fields(source.fields(), additions)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_ORIGINS, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            return None
        position_of = {fid: position for position, fid in enumerate(access.origins["fid"])}
        # Each origin's values made at once from the columns (distances finite or None), not value by value.
        community_ids = [qt_value(str(record.id)) for _fid, _geometry, record in access.communities]
        of_community = [community_ids[community] if community >= 0 else None
                        for community in access.origins["community"].tolist()]
        rows = [list(row) for row in zip(of_community, *(_field_values(access.distance[category][count:])
                                                         for category in categories))]
        unread = [None] * (1 + len(categories))
        # A layer may hold points and buildings although it declares one geometry type (a GeoPackage's GEOMETRY
        # layer shows as the type of its first feature): an origin the output refuses is written as the point
        # inside it, and one that still does not fit is named, never dropped without a word.
        as_points, not_written = InputProblems(), InputProblems()
        for feature in checked(source.getFeatures(), feedback, progress_to=progress_to, total=source.featureCount()):
            feature_id = feature.id()  # the sink may renumber the feature it is given
            position = position_of.get(feature_id)
            values = unread if position is None else rows[position]
            written = extended_feature(feature, fields, indexes, values)
            if sink.addFeature(written, QgsFeatureSink.FastInsert):
                continue
            geometry = written.geometry()
            if not geometry.isEmpty() and geometry.type() != QgsWkbTypes.PointGeometry:
                written.setGeometry(geometry.pointOnSurface())
                if sink.addFeature(written, QgsFeatureSink.FastInsert):
                    as_points.add(self.tr("layer {}: origins that are not points written to the origins output as "
                                          "the point inside each").format(source.sourceName()), feature_id)
                    continue
            not_written.add(self.tr("layer {}: origins the origins output could not take ({})").format(
                source.sourceName(), sink.lastError() or QgsWkbTypes.displayString(source.wkbType())), feature_id)
        del sink
        as_points.report(feedback)
        not_written.report(feedback)
        return destination

    def _write_routes(self, parameters, context, plan, inputs, access, feedback):
        """One line per community and category: from the community's representative point to its nearest
        facility."""
        fields = make_fields(F.ROUTE_FIELDS)
        source = inputs.source
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_ROUTES, context, fields,
                                                 QgsWkbTypes.LineString, source.sourceCrs())
        if sink is None:
            return None
        to_source = inputs.reader.to_working
        transformed = not to_source.isShortCircuited()
        walking = access.walking
        # What repeats on many routes (a community's id and name, a category's own columns) as Qt values, once.
        communities = [[qt_value(str(record.id)), qt_value(record.name)]
                       for _fid, _geometry, record in access.communities]
        method = qt_value(walking.method)
        statuses = {}
        started, categories = feedback.progress(), walking.categories()
        for number, category in enumerate(categories):
            feedback.setProgress(started + (100.0 - started) * number / len(categories))
            limit = access.limits.get(category)
            named = [qt_value(category), qt_value(plan.standard.category(category).name.get(plan.language))]
            limit_m = qt_value(limit.limit_m if limit is not None else None)
            # Every community's route at once, as WKB built in numpy (no Python object per vertex).
            lines, positions = walking.routes(category, np.arange(len(communities)))
            distance = access.distance[category][positions].tolist()
            features = []
            for position, wkb, metres in zip(checked(positions.tolist(), feedback), linestring_wkbs(lines), distance):
                line = QgsGeometry()
                line.fromWkb(wkb)
                if transformed:
                    line.transform(to_source, QgsCoordinateTransform.ReverseTransform)
                status = limit.status_of(metres) if limit is not None else INFO
                if status not in statuses:
                    statuses[status] = qt_value(status)
                feature = QgsFeature(fields)
                feature.setGeometry(line)
                feature.setAttributes(communities[position] + named + [metres, metres / access.speed, limit_m,
                                                                       statuses[status], method])
                features.append(feature)
            sink.addFeatures(features, QgsFeatureSink.FastInsert)
        del sink
        return destination


@dataclass
class WalkingAccess:
    """Step 3 of evaluate_walking_access: each category's distances for the communities (and origins)."""

    limits: dict            # category → WalkingLimit, for the categories the standard limits
    informative: list       # further categories measured on request (no verdict)
    speed: float            # m/min
    communities: list       # [(fid, geometry, record)] in reading order
    origins: Optional[dict]  # {'x', 'y', 'population', 'community', 'fid'} arrays, or None without origins
    walking: object         # the WalkingDistances searched
    distance: dict = dataclass_field(default_factory=dict)       # category → per target metres (inf: none)
    notes: dict = dataclass_field(default_factory=dict)          # category → per target reason where none
    origin_access: dict = dataclass_field(default_factory=dict)  # category → ResidentsAccess per community

    @property
    def categories(self):
        return list(self.limits) + self.informative

    @property
    def method(self):
        return self.walking.method

    def community_distance(self, category, position):
        """(metres or None, covered share or None) of one community for one category: its residents' weighted
        mean when origins lie in it, else the distance from its point inside."""
        access = self.origin_access[category][position] if self.origins else None
        if access is None or access.population <= 0:
            metres = self.distance[category][position]
            return (float(metres) if math.isfinite(metres) else None), None
        return access.mean_m, access.covered_share


def _origin_point(geometry, to_working):
    """The point (QgsPointXY in the working CRS) an origin that is not a plain point stands at: a building's point
    inside it, a multi-point's first point; None without a usable geometry."""
    if geometry.isEmpty():
        return None
    geometry = projected(geometry, to_working)
    if geometry is None:
        return None
    if geometry.type() != QgsWkbTypes.PointGeometry:
        return geometry.pointOnSurface().asPoint()
    return geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]


def _field_values(distances):
    """Metres as field values: a float, or None where no facility was reached (inf) or nothing was searched."""
    finite = np.isfinite(distances)
    return [value if ok else None for value, ok in zip(distances.tolist(), finite.tolist())]
