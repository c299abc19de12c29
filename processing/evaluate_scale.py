"""居住社区规模评估 — population and spatial scale of each community against 2.2 of the guide."""

from ..core import output_fields as F
from .community_evaluation import CommunityEvaluationAlgorithm

SCALE_ITEM = "scale"


class EvaluateScaleAlgorithm(CommunityEvaluationAlgorithm):
    ALGORITHM_ID = "evaluate_scale"
    COLOUR_FIELD = F.ITEM_STATUS.name_for(SCALE_ITEM)
    WRITES_COMPLIANCE = False  # scale rules are recommended (以…为宜): they describe, they do not decide

    def displayName(self):
        return self.tr("Evaluate community scale (居住社区规模评估)")

    def shortHelpString(self):
        return self.tr(
            "Checks each residential community against the scale of section 2.2 of the guide: 5,000–12,000 "
            "residents (以…为宜), a walking radius of 300–500 m (5–10 minutes), and, when facilities are given, a "
            "bus stop within the community (公交距离1站). The scale rules are recommended, so they colour the map "
            "(scale_status) but do not decide whether a community is complete.<br><br>"
            "<b>Residential communities</b>: polygons with a population field; households and community type "
            "(新建/既有) are optional. The walking radius here is the straight-line distance from a point inside "
            "the community to its farthest boundary point; network distances come with the walking evaluation. "
            "Layers in a geographic CRS are measured in a CGCS2000 3° Gauss-Krüger zone (or UTM), and the output "
            "says which in cc_working_crs.<br>"
            "<b>Facilities</b> (optional): POIs or polygons with a category field; bus stops count for the "
            "community they lie in, or within the given distance of it (stops on the boundary road).<br>"
            "{}<br><br>"
            "<b>Output</b>: every community with all its fields, scale_status (pass, fail, no_data, "
            "not_applicable, shown as 达标/不达标/数据不足/不适用) and the measured value of each rule "
            "(scale_population, scale_walking_radius, scale_walking_time, scale_bus_stop, and the informative "
            "walking rules when computed); <b>Results per rule</b>: one row per community and rule with clause, "
            "threshold, status and reason. Missing or negative population, non-numeric values and empty "
            "geometries are reported once in the log and give no_data; no community is dropped.").format(
            self.standard_help()) + "<br><br>" + self.tr(
            "<b>Example</b>: a community of 4,200 residents whose farthest boundary point is 520 m from its "
            "centroid gets scale_status fail, with the reasons 'population 4200 < 5000' and 'walking radius 520 m"
            " > 500 m' in the rules table.")

    def initAlgorithm(self, config=None):
        self.add_community_parameters()
        self.add_facility_parameters(self.tr("Facilities (for bus stops)"), optional=True)
        self.add_standard_parameter()
        self.add_output_parameters()

    def rules_to_evaluate(self, standard, parameters, context):
        """The scale rules that need no walking network (those come with the walking evaluation); the bus
        stop rule only when facilities are given — without them it cannot be judged."""
        with_facilities = self.parameterAsSource(parameters, self.FACILITIES, context) is not None
        return tuple(rule for rule in standard.rules_for_item(SCALE_ITEM)
                     if rule.measure is None or (rule.measure.kind != "walking_distance" and (
                         with_facilities or not rule.measure.kind.startswith("facility_"))))
