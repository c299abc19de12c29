"""居住社区规模评估 — population and spatial scale of each community against 2.2 of the guide."""

from ..core.status import ADVISORY, FAIL, status_label
from ..core import describe
from ..core import output_fields as F
from ..standards import measure_kinds
from .community_evaluation import CommunityEvaluationAlgorithm

SCALE_ITEM = "scale"


class EvaluateScaleAlgorithm(CommunityEvaluationAlgorithm):
    ALGORITHM_ID = "evaluate_scale"
    COLOUR_FIELD = F.ITEM_STATUS.name_for(SCALE_ITEM)

    def displayName(self):
        return self.tr("Evaluate community scale")

    def shortHelpString(self):
        return self.tr(
            "Checks each residential community against the scale of section 2.2 of the guide: its population and "
            "walking radius (the standard's numbers are listed below). The national guide words them as "
            "recommendations (以…为宜), so a community outside them is shown as advisory (建议改进, amber), never as a "
            "failure, and they do not count in cc_score: scale_status colours the map, cc_items_applicable is 0 "
            "and cc_score empty unless your standard makes a scale rule required. \"公交距离1站\" describes the scale "
            "(one stop away by bus) and is no rule here; the walk to a bus stop is checked by the walking "
            "evaluation.<br><br><b>Residential communities</b>: polygons with a population field; households and "
            "community type (新建/既有) are optional. The walking radius here is the straight-line distance from a "
            "point inside the community to its farthest boundary point; network distances come with the walking "
            "evaluation. Layers in a geographic CRS are measured in a CGCS2000 3° Gauss-Krüger zone (or UTM), "
            "and the output says which in cc_working_crs.<br><b>Facilities</b> (optional): POIs or polygons with "
            "a category field, for the scale rules of a local standard that count "
            "facilities.<br>{}<br><br><b>Output</b>: every community with all its fields, scale_status (达标 / "
            "建议改进 / 数据不足 / 仅供参考 / 不适用) and the measured value of each rule (scale_population, "
            "scale_walking_radius, scale_walking_time), the item summary (cc_items_met, cc_items_failed, "
            "cc_items_no_data, cc_items_applicable, cc_score, cc_status, cc_advice, cc_scope) and the standard "
            "used (cc_standard, cc_standard_version, cc_standard_hash); <b>Results per rule</b>: one row per "
            "community and rule with clause, threshold, status and reason. Missing or negative population, "
            "non-numeric values and empty geometries are reported once in the log and give no_data; no community "
            "is dropped.").format(
            self.standard_help() + "<br>" + self.requirements_help(self.help_standard().rules_for_item(SCALE_ITEM))) + self.help_example(self.tr(
            "<b>Example</b>: a community of {population} residents whose farthest boundary point is {radius} m "
            "from its centroid gets scale_status {status}, with the reasons 'population {population} < "
            "{minimum}' and 'walking radius {radius} m > {maximum} m' in the rules table and cc_advice naming "
            "both rules."))

    def help_example(self, text):
        """The example with the standard's own numbers (none when it has no population and radius rule)."""
        population, radius = describe.size_rules(self.help_standard(), SCALE_ITEM)
        if population is None or radius is None:
            return ""
        minimum, maximum = population.min.value, radius.max.value
        status = ADVISORY if population.level != "required" else FAIL
        return "<br><br>" + text.format(population=describe.format_number(round(minimum * 0.84, -2)),
                                        radius=describe.format_number(maximum + 20), status=status_label(status),
                                        minimum=describe.format_number(minimum),
                                        maximum=describe.format_number(maximum))

    def initAlgorithm(self, config=None):
        self.add_community_parameters()
        self.add_facility_parameters(self.tr("Facilities (for facility-based scale rules of a local standard)"), optional=True)
        self.add_standard_parameter()
        self.add_output_parameters()

    def rules_to_evaluate(self, standard, parameters, context):
        """The scale rules that need no walking network (those come with the walking evaluation); rules that
        count facilities only when facilities are given — without them they cannot be judged."""
        inputs = set(self.MEASURE_INPUTS)
        if self.parameterAsSource(parameters, self.FACILITIES, context) is None:
            inputs.discard(measure_kinds.FACILITIES)
        return tuple(rule for rule in standard.rules_for_item(SCALE_ITEM) if self.measurable(rule, inputs))
