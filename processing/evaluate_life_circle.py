"""十五分钟生活圈评估 — the 15-minute life circle (2.4 of the guide): population, radius and its facilities."""

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsGeometry, QgsPoint, QgsProcessing,
                       QgsProcessingException,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsWkbTypes)
from ..core import describe
from .. import styles
from ..core import output_fields as F
from ..core.network import SearchCancelled
from ..core.status import ADVISORY, FAIL, NO_DATA, PASS
from ..core.life_circle import CommunityShape, GroupingLimits, form_life_circles_explained, group_radius
from ..core.records import CommunityRecord
from ..core.values import finite_or_none
from ..core.walking import category_limits
from ..i18n import tr
from ..standards import measure_kinds
from ..styles.compliance import apply_community_style
from ..report.html_report import ASSESSED_LIFE_CIRCLES
from .base_algorithm import extend_fields, extended_feature, make_fields
from .community_evaluation import CommunityEvaluationAlgorithm, CommunityLayer, CompletedRecords, standard_fields
from .inputs.communities import representative_point
from .inputs.life_circles import LifeCircle, read_life_circles
from .output_safety import checked
from .walking_distances import WalkingParameters

LIFE_CIRCLE_ITEM = "life_circle"


class LifeCircleParameters:
    """Mixin: the planner's own life circles (optional), for the algorithms that evaluate them."""

    LIFE_CIRCLES = "LIFE_CIRCLES"
    LIFE_CIRCLE_NAME_FIELD = "LIFE_CIRCLE_NAME_FIELD"
    LIFE_CIRCLE_POPULATION_FIELD = "LIFE_CIRCLE_POPULATION_FIELD"

    def add_life_circle_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LIFE_CIRCLES, self.tr("Life circles (polygons); empty: formed from the communities"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LIFE_CIRCLE_NAME_FIELD, self.tr("Life circle name field"),
            parentLayerParameterName=self.LIFE_CIRCLES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LIFE_CIRCLE_POPULATION_FIELD, self.tr("Life circle population field (empty: sum of its communities)"),
            parentLayerParameterName=self.LIFE_CIRCLES, type=QgsProcessingParameterField.Numeric, optional=True))


_WHY_CONTEXT = "LifeCircleReasons"


class EvaluateLifeCircleAlgorithm(LifeCircleParameters, WalkingParameters, CommunityEvaluationAlgorithm):
    OUTPUT_COMMUNITIES = "OUTPUT_COMMUNITIES"
    ASSESSED = ASSESSED_LIFE_CIRCLES

    ALGORITHM_ID = "evaluate_life_circle"
    COLOUR_FIELD = F.LC_STATUS.name
    COMPLIANCE_PREFIX = "lc"
    MEASURE_INPUTS = measure_kinds.NEEDS

    def displayName(self):
        return self.tr("Evaluate the 15-minute life circle")

    def shortHelpString(self):
        return self.tr(
            "Checks 15-minute life circles against 2.4 of the guide: its population and service radius (the "
            "standard's numbers are listed below) — both shown as advice (建议改进, amber) when not met — and "
            "reports the walk from the circle's communities to a primary school, a middle school, a care home, a "
            "community hospital, a sports hall, a park and a metro station. The guide names those facilities "
            "(统筹中小学、养老院、社区医院、运动场馆和公园等设施配套) without a distance, so their distances are reported (仅供参考), never "
            "judged; the circle's distance to a facility is that of its farthest-off community. The radius is "
            "the rule: the national guide's minutes and metres disagree at its own walking speed, so the minutes "
            "are only reported.<br><br><b>Life circles</b> (optional): your own polygons, with a name and "
            "optionally a population field; a community belongs to the circle its centroid lies in, and the "
            "population is the field's value or the sum of its communities. Without them the communities are "
            "grouped: the most populous community not yet grouped starts a circle, which takes in its nearest "
            "neighbours one at a time while the circle stays within the radius and the population ceiling of the "
            "standard, until it reaches the population floor. Circles that cannot reach the floor (isolated "
            "areas) are kept and get the advice on population. The radius of a formed circle is measured from "
            "its population-weighted centre to the farthest boundary of its communities.<br><b>Residential "
            "communities</b>, <b>facilities</b> and the <b>road network</b>: as in the walking evaluation "
            "(straight lines × the detour factor without a network).<br>{}<br><br><b>Output</b>: one polygon per "
            "life circle (the union of its communities, or your polygon) with lc_status (the verdict of the "
            "required rules; where none is required, as in the national guide, the advice: 达标, 建议改进 or 数据不足), "
            "lc_items_met / _failed / _no_data / _applicable, lc_score, lc_advice, life_circle_status, the "
            "measured values and the farthest community's distance per facility, and the standard used; "
            "<b>Results per rule</b>; optionally the communities with the id of their life circle.").format(
            self.standard_help() + "<br>" + self.requirements_help(self.help_standard().rules_for_item(LIFE_CIRCLE_ITEM))) + self.help_example(self.tr(
            "<b>Example</b>: without life-circle polygons, the sample district's 14 communities form 5 circles; "
            "the one of C13, alone beyond the motorway, has 5,940 residents (fewer than {}: advisory) and its "
            "walk to the nearest primary school is reported.")) + "<br><br>" + self.tr(
            "Formed circles are a rough first cut, not the planner's 15-minute life circles: give your 生活圈 or 街道 "
            "boundaries for an assessment you can defend. lc_stopped says why each formed circle stopped growing "
            "(population floor reached; radius, ceiling or no neighbour left), and the log counts, over the "
            "circles not met, each rule not met (population, radius, each missing kind of facility). Forming "
            "costs one pass over the communities per join, about a second for 3,000 communities.")

    def help_example(self, text):
        """The sample district's example with the standard's population floor (none without one)."""
        population, _radius = describe.size_rules(self.help_standard(), LIFE_CIRCLE_ITEM)
        if population is None:
            return ""
        return "<br><br>" + text.format(describe.format_number(population.min.value))

    def initAlgorithm(self, config=None):
        self.add_community_parameters()
        self.add_life_circle_parameters()
        self.add_facility_parameters(self.tr("Facilities (points or polygons)"), optional=False,
                                     with_areas_layer=True, with_tolerance=False)
        self.add_mapping_table_parameter()
        self.add_proposed_parameters()
        self.add_network_parameters(self.COMMUNITIES)
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Life circles"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_RULES, self.tr("Results per rule"),
                                                            QgsProcessing.TypeVector, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMMUNITIES, self.tr("Communities with their life circle"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=False))
        self.add_workbook_parameter()

    def rules_to_evaluate(self, standard, parameters, context):
        return tuple(rule for rule in standard.rules_for_item(LIFE_CIRCLE_ITEM) if self.measurable(rule))

    # -- the run: the shared steps (community_evaluation.run_evaluation), with circles as the records ----------

    def plan_evaluation(self, parameters, context, feedback):
        plan = super().plan_evaluation(parameters, context, feedback)
        if not plan.rules:
            raise QgsProcessingException(self.tr("The standard {} has no life-circle rules.").format(
                plan.standard.id))
        return plan

    def evaluate_without_planned(self, parameters, context, feedback, plan, inputs):
        """None: planned facilities are counted in each circle (cc_planned); circles have no verdict without them."""
        return None

    def complete_records(self, parameters, context, feedback, plan, inputs, communities, facilities):
        """Step 3: the life circles (given, or formed from `communities`) as the records the engine evaluates:
        population, radius, the facilities inside, and per walking category the walk of the farthest-off member
        community; its own fields are those distances and how they were measured."""
        standard, reader = plan.standard, inputs.reader
        circles = self._circles(parameters, context, feedback, standard, communities, reader)
        centres = [representative_point(geometry) if geometry is not None else None
                   for _fid, geometry, _record in communities]
        walking = self.walking_distances(
            parameters, context, feedback, reader.crs, standard.walking_speed_m_per_min, reader.problems,
            facilities.located, [p.x() if p else np.nan for p in centres], [p.y() if p else np.nan for p in centres])
        named = measure_kinds.walking_categories(plan.rules)
        categories = [code for code in category_limits(standard) if code in named]
        distances = {}
        walked_from = min(feedback.progress(), 70.0)
        for step, category in enumerate(categories):
            if feedback.isCanceled():
                raise SearchCancelled()
            name = standard.category(category).name.get(plan.language)
            distances[category] = walking.compute(category, name if plan.language.startswith("zh") else name.lower())
            feedback.setProgress(walked_from + (70.0 - walked_from) * (step + 1) / len(categories))

        inside = FacilitiesInside(facilities)
        no_member = self.tr("no community in the circle")
        records, extra_values, planned_counts = [], [], []
        for number, circle in enumerate(checked(circles, feedback, every=8)):
            walking_m, notes = {}, {}
            for category, (distance, reasons) in distances.items():
                values = [distance[position] for position in circle.members]
                if circle.members and all(math.isfinite(value) for value in values):
                    walking_m[category] = float(max(values))
                else:
                    walking_m[category] = None
                    missing = [reasons[position] for position in circle.members
                               if not math.isfinite(distance[position])]
                    notes[category] = next((text for text in missing if text), no_member)
            found = inside.positions(circle.shape)
            record = CommunityRecord(id=circle.id, name=circle.name, community_type=None,
                                     attributes={"population": circle.population},
                                     facilities=tuple(facilities.located[position].record for position in found),
                                     radius_m=circle.radius, walking_m=walking_m, walking_notes=notes)
            records.append((None, circle.shape, record))
            extra_values.append([finite_or_none(walking_m[category]) for category in categories] + [walking.method])
            if facilities.has_planned:  # how many of the facilities inside the circle are planned ones
                planned_counts.append(sum(1 for position in found if position >= facilities.planned_from))
            feedback.setProgress(70 + 10.0 * (number + 1) / len(circles))
        extra_fields = [(F.DIST_M.name_for(category), F.DIST_M.kind) for category in categories]
        extra_fields.append((F.WALK_METHOD.name, F.WALK_METHOD.kind))
        details = LifeCircles(circles, [str(record.id) for _fid, _geometry, record in communities],
                              planned_counts if facilities.has_planned else None,
                              LifeCirclesNotMet(standard, plan.language))
        return CompletedRecords(records, extra_fields, extra_values, details)

    def output_layer(self, plan, inputs, completed, comparison):
        return LifeCircleLayer(plan, inputs, completed, comparison, self.COMPLIANCE_PREFIX, self.WRITES_ITEM_FIELDS)

    def writing_text(self):
        return None  # inside assess the whole step is "The 15-minute life circles…"

    def tally_text(self):
        return self.tr("Life circles by {}: {}")

    def write_extra_outputs(self, parameters, context, feedback, plan, inputs, completed):
        """Step 6: why the circles are not met (the log), and the communities with their circle's id."""
        circles = completed.details
        circles.not_met.report(feedback, len(circles.circles))
        results = {}
        if self.OUTPUT_COMMUNITIES in parameters:
            destination = self._write_members(parameters, context, inputs.source, circles.membership(), feedback)
            if destination:
                results[self.OUTPUT_COMMUNITIES] = destination
        return results, []

    def _circles(self, parameters, context, feedback, standard, communities, reader):
        """[LifeCircle]: the planner's (LIFE_CIRCLES), or formed from the communities."""
        given = self.parameterAsSource(parameters, self.LIFE_CIRCLES, context)
        if given is not None:
            return read_life_circles(
                given, self.input_layer_name(parameters, self.LIFE_CIRCLES, context),
                self.parameterAsString(parameters, self.LIFE_CIRCLE_NAME_FIELD, context),
                self.parameterAsString(parameters, self.LIFE_CIRCLE_POPULATION_FIELD, context), communities, reader,
                context, feedback)
        limits = _grouping_limits(standard)
        if limits is None:
            raise QgsProcessingException(self.tr(
                "The standard {} gives no life-circle population range and radius to form life circles with; "
                "give your own life circle polygons.").format(standard.id))
        shapes = []
        for _fid, geometry, record in checked(communities, feedback):
            point = representative_point(geometry) if geometry is not None else None
            vertices = np.array([(v.x(), v.y()) for v in geometry.vertices()]) if geometry is not None else \
                np.zeros((0, 2))
            shapes.append(CommunityShape(point.x() if point else math.nan, point.y() if point else math.nan,
                                         record.attributes.get("population"), vertices))
        formed = form_life_circles_explained(shapes, limits, cancelled=feedback.isCanceled)
        feedback.pushInfo(self.tr(
            "Formed {} life circle(s) of {:g}–{:g} residents within {:g} m from {} communities.").format(
            len(formed), limits.min_population, limits.max_population, limits.max_radius_m, len(communities)))
        circles = []
        for number, circle in enumerate(checked(formed, feedback, every=16), start=1):
            members = circle.members
            geometries = [communities[position][1] for position in members if communities[position][1] is not None]
            populations = [communities[position][2].attributes.get("population") for position in members]
            usable = [shapes[position] for position in members if len(shapes[position].vertices)]
            circles.append(LifeCircle(
                "LC{:02d}".format(number), self.tr("Life circle {}").format(number), F.LC_FORMED_GROUPED,
                circle.stop, members, None if any(p is None for p in populations) else float(sum(populations)),
                group_radius(usable) if usable else None,
                QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()))
        return circles

    def _write_members(self, parameters, context, source, membership, feedback):
        fields, (index,) = extend_fields(source.fields(), [(F.LIFE_CIRCLE_ID.name, F.LIFE_CIRCLE_ID.kind)])
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_COMMUNITIES, context, fields,
                                                 source.wkbType(), source.sourceCrs())
        if sink is None:
            return None
        for position, feature in enumerate(checked(source.getFeatures(), feedback)):
            sink.addFeature(extended_feature(feature, fields, [index], [membership.get(position)]),
                            QgsFeatureSink.FastInsert)
        del sink
        return destination


@dataclass
class LifeCircles:
    """What step 3 leaves for the writing: the circles, their communities' ids, planned facilities inside
    each (None without planned ones), and the summary of the circles not met, gathered as they are written."""

    circles: list
    community_ids: list    # in reading order
    planned_counts: object
    not_met: object        # LifeCirclesNotMet

    def membership(self):
        """Community position → the id of its circle."""
        return {position: circle.id for circle in self.circles for position in circle.members}


class FacilitiesInside:
    """The located facilities inside a shape: the few within its box (sorted coordinates, no spatial-index call
    per circle), then GEOS on a prepared shape."""

    def __init__(self, facilities):
        x = np.array([facility.x for facility in facilities.located], dtype=float)
        self._order = np.argsort(x, kind="stable")
        self._x = x[self._order]
        self._y = np.array([facility.y for facility in facilities.located], dtype=float)[self._order]

    def positions(self, shape):
        """Positions in `located` of the facilities in or on `shape` (working CRS), ascending."""
        if shape.isEmpty():
            return []
        box = shape.boundingBox()
        low = np.searchsorted(self._x, box.xMinimum(), side="left")
        high = np.searchsorted(self._x, box.xMaximum(), side="right")
        window = np.arange(low, high)
        window = window[(self._y[window] >= box.yMinimum()) & (self._y[window] <= box.yMaximum())]
        if not len(window):
            return []
        engine = QgsGeometry.createGeometryEngine(shape.constGet())
        engine.prepareGeometry()
        return sorted(int(self._order[index]) for index in window
                      if engine.intersects(QgsPoint(float(self._x[index]), float(self._y[index]))))


class LifeCircleLayer(CommunityLayer):
    """The life circles as step 4 writes them: one (multi)polygon per circle with its identity (lc_id, lc_name,
    how it was formed, its members), life_circle_status and the measured values, the lc_ verdict, the
    farthest member's walk per category, the CRS, the standard and, with planned facilities, how many lie
    inside."""

    def layer_fields(self):
        return make_fields(self.additions), None

    def geometry_type(self):
        return QgsWkbTypes.MultiPolygon  # a union of communities

    @property
    def circles(self):
        return self.completed.details

    def identity_fields(self):
        return [(field.name, field.kind) for field in F.CIRCLE_IDENTITY_FIELDS]

    def identity_values(self, position, record):
        circle = self.circles.circles[position]
        return [circle.id, circle.name, circle.formed, circle.stopped,
                ", ".join(self.circles.community_ids[member] for member in circle.members), len(circle.members)]

    def standard_fields(self):
        return [(F.WORKING_CRS.name, F.WORKING_CRS.kind)] + standard_fields()

    def standard_values(self):
        return [self.crs] + self.standard_columns

    def planned_fields(self):
        return [] if self.circles.planned_counts is None else [(F.PLANNED_COUNT.name, F.PLANNED_COUNT.kind)]

    def planned_values(self, position):
        return [] if self.circles.planned_counts is None else [self.circles.planned_counts[position]]

    def feature(self, position, fid, values):
        circle = self.circles.circles[position]
        feature = QgsFeature(self.fields)
        shape = QgsGeometry(circle.shape)
        shape.transform(self.inputs.reader.to_working, QgsCoordinateTransform.ReverseTransform)
        shape.convertToMultiType()
        feature.setGeometry(shape)
        feature.setAttributes(values)
        return feature

    def written(self, position, record, evaluation):
        if evaluation.cc_status != PASS:
            circle = self.circles.circles[position]
            self.circles.not_met.add(circle.stopped, circle.population, circle.radius,
                                     [(result.rule_id, result.status) for result in evaluation.results])

    def style(self, counts):
        return (lambda layer: apply_community_style(layer, F.LC_STATUS.name, F.LC_NAME.name, counts, "life_circles"),
                styles.STYLE_LIFE_CIRCLES)


class LifeCirclesNotMet:
    """Counts, over the circles that are not met, each rule that failed or lacked data, why the formed ones
    stopped growing, and what their density allows: one summary a planner can act on, in the log of
    evaluate_life_circle and in assess's report (built there from the written tables)."""

    def __init__(self, standard, language):
        self.standard, self.language = standard, language
        self.limits = _grouping_limits(standard)
        self.circles = 0
        self.failed, self.no_data, self.stops = Counter(), Counter(), Counter()
        self.densities = []  # residents per km² of the disc of each formed circle's radius, below the floor

    def add(self, stopped, population, radius, statuses):
        """One circle not met: why it stopped growing (None for a drawn one), its population and radius (m),
        and (rule id, status) of its rules."""
        self.circles += 1
        if stopped:
            self.stops[stopped] += 1
            if population and radius and self.limits is not None and population < self.limits.min_population:
                self.densities.append(population / (math.pi * (radius / 1000.0) ** 2))
        for rule_id, status in statuses:
            name = self.standard.rule(rule_id).name.get(self.language)
            if status in (FAIL, ADVISORY):
                self.failed[name] += 1
            elif status == NO_DATA:
                self.no_data[name] += 1

    def lines(self, total):
        """The summary, sentence by sentence ([] when every circle is met)."""
        if not self.circles:
            return []
        parts = ["{} ×{}".format(name, count) for name, count in self.failed.most_common()]
        parts += [tr("{} (no data)", _WHY_CONTEXT).format(name) + " ×{}".format(count)
                  for name, count in self.no_data.most_common()]
        lines = [tr("{} of {} life circles are not met. Rules not met: {}.", _WHY_CONTEXT)
                 .format(self.circles, total, "; ".join(parts) or "–")]
        if self.stops:
            lines.append(tr("Why the formed circles that are not met stopped growing: {}.", _WHY_CONTEXT).format(
                "; ".join("{} ×{}".format(F.value_label(F.FORMATION_STOP_VALUES, stop), count)
                          for stop, count in self.stops.most_common())))
        if self.densities:
            density = float(np.median(self.densities))
            holds = density * math.pi * (self.limits.max_radius_m / 1000.0) ** 2
            if holds < self.limits.min_population:
                lines.append(tr(
                    "Density: the formed circles below the population floor hold a median {:,.0f} residents per km² "
                    "of their radius; at that density a circle of {:,.0f} m holds about {:,.0f} residents, fewer "
                    "than the floor of {:,.0f}. Here the floor cannot be met within the radius: give the planned "
                    "life circles (生活圈 or 街道 polygons), or check the population field.", _WHY_CONTEXT).format(
                    density, self.limits.max_radius_m, holds, self.limits.min_population))
        return lines

    def report(self, feedback, total):
        for line in self.lines(total):
            feedback.pushInfo(line)


def _grouping_limits(standard):
    """The population range and radius of the standard's life-circle rules (core/describe.size_rules), or None."""
    population, radius = describe.size_rules(standard, LIFE_CIRCLE_ITEM)
    if population is None or radius is None or population.max is None or population.max.value is None:
        return None
    return GroupingLimits(float(population.min.value), float(population.max.value), float(radius.max.value))
