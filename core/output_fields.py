"""Every field the plugin writes, declared once: name, type, alias (English, Chinese through tr()) and value map.

    from ..core import output_fields as F
    F.CC_STATUS.name                         # 'cc_status'
    F.DIST_M.name_for("kindergarten")        # 'kindergarten_dist_m'
    F.MEASURED.name_for("scale.population")  # 'scale_population'
    F.field_named("kindergarten_dist_m")     # (DIST_M, 'kindergarten')
    F.CC_STATUS.alias()                      # '完整社区结论' with the Chinese translation installed

Writers build their fields from these declarations (`processing/base_algorithm.make_fields` turns a kind
into a QVariant type at the QGIS edge); styles, the scorecard dock, the guesses of the dialog and the report
read the same names from here. `tests/test_output_fields.py` fails on a field-name literal anywhere else.

To add an output field: declare it here (name, kind, alias; `values` when its values are codes) and add it
to the TABLES entry of the layer it belongs to; give the alias a Chinese translation (`make translations`).
A verdict family (<prefix>_score, _status, _missing, the item counts, _advice, _scope) is one `_verdict` entry
of VERDICTS: the factory names and types its nine fields, the entry gives their aliases.
"""

import re
from dataclasses import dataclass
from typing import Optional

from ..i18n import tr

try:  # the standard Qt marker: pylupdate and our extractor find the text, tr() translates it later
    from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
except ImportError:  # outside QGIS
    def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (Qt's name)
        return text

CONTEXT = "OutputFields"

TEXT, REAL, INTEGER = "text", "real", "integer"
KINDS = (TEXT, REAL, INTEGER)

# Vocabularies of coded values (value maps in the attribute table): see `value_map`.
STATUS_VALUES = "status"
UNASSIGNED_REASON_VALUES = "unassigned_reason"
LEVEL_VALUES = "level"
FORMED_VALUES = "life_circle_formed"
FORMATION_STOP_VALUES = "life_circle_stop"
WALK_ORIGIN_VALUES = "walk_origin"
POI_MATCH_VALUES = "poi_match"
POI_REASON_VALUES = "poi_reason"
POPULATION_SOURCE_VALUES = "population_source"
ESTIMATE_NOTE_VALUES = "estimate_note"
CANDIDATE_SOURCE_VALUES = "candidate_source"


@dataclass(frozen=True)
class OutputField:
    """One output field. `pattern` is the name itself, or a name with one '{}' filled by a code (a facility
    category, an item, a rule id); `label` the English alias (with '{}' for the code's name when templated)."""

    pattern: str
    kind: str
    label: str
    values: Optional[str] = None
    part: Optional[str] = None  # what fills '{}': 'category', 'item' or 'rule'

    @property
    def templated(self):
        return "{}" in self.pattern

    @property
    def name(self):
        if self.templated:
            raise TypeError("{} is a family of fields: use name_for(code)".format(self.pattern))
        return self.pattern

    def name_for(self, code):
        if not self.templated:
            raise TypeError("{} is one field: use name".format(self.pattern))
        if self.part == "rule":
            code = code.replace(".", "_")
        return self.pattern.format(code)

    @property
    def suffix(self):
        """'_dist_m' for '{}_dist_m': how a templated name ends (None for a field of its own)."""
        return self.pattern.split("{}", 1)[1] if self.templated and self.pattern.startswith("{}") else None

    def code_in(self, name):
        """The code filling '{}' in `name`, or None when `name` is not of this family (or not this field)."""
        if not self.templated:
            return "" if name == self.pattern else None
        head, tail = self.pattern.split("{}", 1)
        if self.part == "rule" and not head and not tail:
            return None  # a measured value has no mark of its own: known only from the standard's rule ids
        if len(name) > len(head) + len(tail) and name.startswith(head) and name.endswith(tail):
            return name[len(head):len(name) - len(tail)]
        return None

    def alias(self, code_name=None):
        """The alias in the user's language: 'Walking distance to 幼儿园 (m)'."""
        text = tr(self.label, CONTEXT)
        return text.format(code_name) if self.templated else text


def _field(pattern, kind, label, values=None, part=None):
    return OutputField(pattern, kind, label, values, part)


# -- communities: identity and the verdicts -----------------------------------------------------------------

COMMUNITY_ID = _field("cc_community_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Community id"))
COMMUNITY_NAME = _field("cc_community_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Community name"))
WORKING_CRS = _field("cc_working_crs", TEXT, QT_TRANSLATE_NOOP("OutputFields", "CRS distances were measured in"))
ITEM_STATUS = _field("{}_status", TEXT, QT_TRANSLATE_NOOP("OutputFields", "{}: status"), STATUS_VALUES, "item")
MEASURED = _field("{}", REAL, QT_TRANSLATE_NOOP("OutputFields", "{}: measured"), part="rule")

# Which standard produced a result: the scorecard reloads it, the report's footer repeats it.
STANDARD_ID = _field("cc_standard", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Standard (id)"))
STANDARD_NAME = _field("cc_standard_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Standard"))
STANDARD_VERSION = _field("cc_standard_version", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Standard version"))
STANDARD_HASH = _field("cc_standard_hash", TEXT,
                       QT_TRANSLATE_NOOP("OutputFields", "Standard content hash (sha256)"))
STANDARD_FILE = _field("cc_standard_file", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Standard file"))
STANDARD_FIELDS = (STANDARD_ID, STANDARD_NAME, STANDARD_VERSION, STANDARD_HASH, STANDARD_FILE)


@dataclass(frozen=True)
class Verdict:
    """The fields of one verdict: score, status, what is missing, and the item arithmetic behind them."""
    score: OutputField
    status: OutputField
    missing: OutputField
    items_met: OutputField
    items_failed: OutputField
    items_no_data: OutputField
    items_applicable: OutputField
    advice: OutputField
    scope: OutputField

    @property
    def summary(self):
        """Every field of the verdict, in the order writers write them (processing/community_evaluation)."""
        return (self.items_met, self.items_failed, self.items_no_data, self.items_applicable, self.score,
                self.status, self.missing, self.advice, self.scope)


def _verdict(prefix, score, status, missing, items_met, items_failed, items_no_data, items_applicable, advice,
             scope):
    """The verdict `prefix`: <prefix>_score, _status, _missing, _items_met, _items_failed, _items_no_data,
    _items_applicable, _advice and _scope, with the same kinds under every prefix. Each argument is the field's
    English alias, a QT_TRANSLATE_NOOP literal at the call (Qt's extraction reads literals only)."""
    return Verdict(
        score=_field(prefix + "_score", REAL, score),
        status=_field(prefix + "_status", TEXT, status, STATUS_VALUES),
        missing=_field(prefix + "_missing", TEXT, missing),
        items_met=_field(prefix + "_items_met", INTEGER, items_met),
        items_failed=_field(prefix + "_items_failed", INTEGER, items_failed),
        items_no_data=_field(prefix + "_items_no_data", INTEGER, items_no_data),
        items_applicable=_field(prefix + "_items_applicable", INTEGER, items_applicable),
        advice=_field(prefix + "_advice", TEXT, advice),
        scope=_field(prefix + "_scope", TEXT, scope))


VERDICTS = {
    "cc": _verdict(  # the complete community
        "cc", score=QT_TRANSLATE_NOOP("OutputFields", "Complete community score"),
        status=QT_TRANSLATE_NOOP("OutputFields", "Complete community verdict"),
        missing=QT_TRANSLATE_NOOP("OutputFields", "Items missing"),
        items_met=QT_TRANSLATE_NOOP("OutputFields", "Items met"),
        items_failed=QT_TRANSLATE_NOOP("OutputFields", "Items failed"),
        items_no_data=QT_TRANSLATE_NOOP("OutputFields", "Items without enough data"),
        items_applicable=QT_TRANSLATE_NOOP("OutputFields", "Items assessed"),
        advice=QT_TRANSLATE_NOOP("OutputFields", "Advisory (建议改进)"),
        scope=QT_TRANSLATE_NOOP("OutputFields", "Items evaluated")),
    "walk": _verdict(  # walking access alone
        "walk", score=QT_TRANSLATE_NOOP("OutputFields", "Walking access score"),
        status=QT_TRANSLATE_NOOP("OutputFields", "Walking access verdict"),
        missing=QT_TRANSLATE_NOOP("OutputFields", "Walking rules not met"),
        items_met=QT_TRANSLATE_NOOP("OutputFields", "Walking: items met"),
        items_failed=QT_TRANSLATE_NOOP("OutputFields", "Walking: items failed"),
        items_no_data=QT_TRANSLATE_NOOP("OutputFields", "Walking: items without enough data"),
        items_applicable=QT_TRANSLATE_NOOP("OutputFields", "Walking: items assessed"),
        advice=QT_TRANSLATE_NOOP("OutputFields", "Walking: advisory (建议改进)"),
        scope=QT_TRANSLATE_NOOP("OutputFields", "Walking: items evaluated")),
    "lc": _verdict(  # a 15-minute life circle
        "lc", score=QT_TRANSLATE_NOOP("OutputFields", "Life circle score"),
        status=QT_TRANSLATE_NOOP("OutputFields", "Life circle verdict"),
        missing=QT_TRANSLATE_NOOP("OutputFields", "Life circle rules not met"),
        items_met=QT_TRANSLATE_NOOP("OutputFields", "Life circle: items met"),
        items_failed=QT_TRANSLATE_NOOP("OutputFields", "Life circle: items failed"),
        items_no_data=QT_TRANSLATE_NOOP("OutputFields", "Life circle: items without enough data"),
        items_applicable=QT_TRANSLATE_NOOP("OutputFields", "Life circle: items assessed"),
        advice=QT_TRANSLATE_NOOP("OutputFields", "Life circle: advisory (建议改进)"),
        scope=QT_TRANSLATE_NOOP("OutputFields", "Life circle: items evaluated")),
}
CC, WALK, LC = VERDICTS["cc"], VERDICTS["walk"], VERDICTS["lc"]
# The fields read all over the plugin, by their own names.
CC_SCORE, CC_STATUS, CC_MISSING = CC.score, CC.status, CC.missing
CC_ITEMS_MET, CC_ITEMS_FAILED, CC_ITEMS_NO_DATA = CC.items_met, CC.items_failed, CC.items_no_data
CC_ITEMS_APPLICABLE, CC_ADVICE, CC_SCOPE = CC.items_applicable, CC.advice, CC.scope
WALK_SCORE, WALK_STATUS, WALK_MISSING = WALK.score, WALK.status, WALK.missing
LC_SCORE, LC_STATUS, LC_MISSING = LC.score, LC.status, LC.missing
SCORE_FIELDS = tuple(verdict.score for verdict in VERDICTS.values())
VERDICT_STATUS_FIELDS = tuple(verdict.status for verdict in VERDICTS.values())
MISSING_FIELDS = tuple(verdict.missing for verdict in VERDICTS.values())

# -- walking --------------------------------------------------------------------------------------------------

DIST_M = _field("{}_dist_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking distance to {} (m)"),
                part="category")
WALK_MIN = _field("{}_walk_min", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking time to {} (min)"),
                  part="category")
ACCESS_STATUS = _field("{}_access_status", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Walking access to {}"),
                       STATUS_VALUES, "category")
COVERED_PCT = _field("{}_covered_pct", REAL,
                     QT_TRANSLATE_NOOP("OutputFields", "Residents within the limit of {} (%)"), part="category")
WALK_METHOD = _field("walk_method", TEXT, QT_TRANSLATE_NOOP("OutputFields", "How distances were measured"))
WALK_ORIGIN = _field("walk_origin", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Walked from"), WALK_ORIGIN_VALUES)
WALK_ORIGIN_POINTS, WALK_ORIGIN_CENTROID = "population_points", "centroid"

# -- tables of rows (rules, routes, facilities, service areas) -------------------------------------------------

COMMUNITY_ID_ROW = _field("community_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Community id"))
COMMUNITY_NAME_ROW = _field("community_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Community name"))
ITEM = _field("item", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Item"))
ITEM_NAME = _field("item_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Item name"))
RULE_ID = _field("rule_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Rule"))
RULE_NAME = _field("rule_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Rule name"))
CLAUSE = _field("clause", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Clause of the guide"))
LEVEL = _field("level", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Level"), LEVEL_VALUES)
MEASURED_VALUE = _field("measured", REAL, QT_TRANSLATE_NOOP("OutputFields", "Measured"))
THRESHOLD_MIN = _field("threshold_min", REAL, QT_TRANSLATE_NOOP("OutputFields", "Minimum"))
THRESHOLD_MAX = _field("threshold_max", REAL, QT_TRANSLATE_NOOP("OutputFields", "Maximum"))
UNIT = _field("unit", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Unit"))
STATUS = _field("status", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Status"), STATUS_VALUES)
REASON = _field("reason", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Reason"))
OPTION_ID = _field("option_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Alternative that decided"))
RULE_NUMBER = _field("rule_number", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Rule number in the standard"))
REASON_NUMBER = _field("reason_number", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Reason number"))

CATEGORY = _field("category", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Facility category"))
CATEGORY_NAME = _field("category_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Facility category name"))
ROUTE_DIST_M = _field("dist_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking distance (m)"))
ROUTE_WALK_MIN = _field("walk_min", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking time (min)"))
LIMIT_M = _field("limit_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking limit (m)"))
ROUTE_METHOD = _field("method", TEXT, QT_TRANSLATE_NOOP("OutputFields", "How the distance was measured"))

SOURCE_LAYER = _field("source_layer", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Source layer"))
SOURCE_FID = _field("source_fid", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Feature id in the source layer"))
CATEGORY_LABEL = _field("category_label", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Category as written"))
CC_CATEGORY = _field("cc_category", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Category of the standard"))
CC_CATEGORY_NAME = _field("cc_category_name", TEXT,
                          QT_TRANSLATE_NOOP("OutputFields", "Category name of the standard"))
CC_ITEM = _field("cc_item", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Item of the standard"))
CC_ITEM_NAME = _field("cc_item_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Item name of the standard"))
UNASSIGNED_REASON = _field("reason", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Why not counted"),
                           UNASSIGNED_REASON_VALUES)
REASON_TEXT = _field("reason_text", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Why not counted (text)"))
UNASSIGNED_OUTSIDE, UNASSIGNED_UNKNOWN, UNASSIGNED_NO_GEOMETRY = "outside", "unknown_category", "no_geometry"

STREET_M = _field("street_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Street length reached (m)"))
AREA_M2 = _field("area_m2", REAL, QT_TRANSLATE_NOOP("OutputFields", "Area (m²)"))
NOTE = _field("note", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Note"))

# -- imported POIs (import_pois) ------------------------------------------------------------------------------

CC_MATCH = _field("cc_match", TEXT, QT_TRANSLATE_NOOP("OutputFields", "How the category was matched"),
                  POI_MATCH_VALUES)
CC_MATCH_DETAIL = _field("cc_match_detail", TEXT, QT_TRANSLATE_NOOP("OutputFields", "What decided the category"))
CC_RAW_LON = _field("cc_raw_lon", REAL, QT_TRANSLATE_NOOP("OutputFields", "Longitude as exported"))
CC_RAW_LAT = _field("cc_raw_lat", REAL, QT_TRANSLATE_NOOP("OutputFields", "Latitude as exported"))
CC_RAW_SYSTEM = _field("cc_raw_system", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Coordinate system of the export"))
CC_REASON = _field("cc_reason", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Why the POI is not counted"),
                   POI_REASON_VALUES)

# -- estimated population (estimate_population) ----------------------------------------------------------------

CC_POPULATION_EST = _field("cc_population_est", REAL, QT_TRANSLATE_NOOP("OutputFields", "Residents estimated"))
CC_FLOOR_AREA = _field("cc_floor_area_m2", REAL, QT_TRANSLATE_NOOP("OutputFields", "Residential floor area (m²)"))
CC_FLOORS = _field("cc_floors", REAL, QT_TRANSLATE_NOOP("OutputFields", "Floors"))
CC_ESTIMATE_NOTE = _field("cc_estimate_note", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Why no residents"),
                          ESTIMATE_NOTE_VALUES)
CC_POPULATION = _field("cc_population", REAL, QT_TRANSLATE_NOOP("OutputFields", "Population (counted or estimated)"))
CC_POPULATION_SOURCE = _field("cc_population_source", TEXT,
                              QT_TRANSLATE_NOOP("OutputFields", "Where the population comes from"),
                              POPULATION_SOURCE_VALUES)
POPULATION_SOURCE_SURVEYED = "surveyed"
POPULATION_SOURCE_BUILDINGS = "estimated_buildings"
POPULATION_SOURCE_RASTER = "estimated_raster"

# -- life circles ---------------------------------------------------------------------------------------------

LC_ID = _field("lc_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Life circle id"))
LC_NAME = _field("lc_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Life circle name"))
LC_FORMED = _field("lc_formed", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Life circle drawn or formed"),
                   FORMED_VALUES)
LC_FORMED_GIVEN, LC_FORMED_GROUPED = "given", "grouped"
LC_STOPPED = _field("lc_stopped", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Why the formed circle stopped growing"),
                    FORMATION_STOP_VALUES)
MEMBER_IDS = _field("member_ids", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Communities in the circle"))
MEMBER_COUNT = _field("member_count", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Number of communities"))
LIFE_CIRCLE_ID = _field("life_circle_id", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Life circle id"))

# -- the standard as tables (describe_standard) ---------------------------------------------------------------

ITEM_NUMBER = _field("item_number", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Item number"))
GROUP_NAME = _field("group_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Group"))
LEVEL_NAME = _field("level_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Level (words)"))
APPLIES_TO = _field("applies_to", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Applies to"))
APPLIES_TO_NAME = _field("applies_to_name", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Applies to (words)"))
MEASURE = _field("measure", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Measure"))
CATEGORIES = _field("categories", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Facility categories"))
REQUIREMENT = _field("requirement", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Requirement"))
MIN_VALUE = _field("min_value", REAL, QT_TRANSLATE_NOOP("OutputFields", "Minimum"))
MAX_VALUE = _field("max_value", REAL, QT_TRANSLATE_NOOP("OutputFields", "Maximum"))
GUIDE_LOW = _field("guide_low", REAL, QT_TRANSLATE_NOOP("OutputFields", "Guide's lower figure"))
GUIDE_HIGH = _field("guide_high", REAL, QT_TRANSLATE_NOOP("OutputFields", "Guide's upper figure"))
DEFINED_IN = _field("defined_in", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Defined in"))
NAME_ZH = _field("name_zh", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Chinese name"))
NAME_EN = _field("name_en", TEXT, QT_TRANSLATE_NOOP("OutputFields", "English name"))
ALIASES = _field("aliases", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Other names"))
OSM_TAGS = _field("osm_tags", TEXT, QT_TRANSLATE_NOOP("OutputFields", "OpenStreetMap tags"))

# Planned facilities (PROPOSED_FACILITIES): the verdict without them, beside the verdict with them
ITEM_STATUS_BEFORE = _field("{}_status_before", TEXT,
                            QT_TRANSLATE_NOOP("OutputFields", "{}: status without the planned facilities"),
                            STATUS_VALUES, "item")
CC_SCORE_BEFORE = _field("cc_score_before", REAL,
                         QT_TRANSLATE_NOOP("OutputFields", "Complete community score without the planned facilities"))
CC_STATUS_BEFORE = _field("cc_status_before", TEXT, QT_TRANSLATE_NOOP(
    "OutputFields", "Complete community verdict without the planned facilities"), STATUS_VALUES)
WALK_SCORE_BEFORE = _field("walk_score_before", REAL,
                           QT_TRANSLATE_NOOP("OutputFields", "Walking access score without the planned facilities"))
WALK_STATUS_BEFORE = _field("walk_status_before", TEXT, QT_TRANSLATE_NOOP(
    "OutputFields", "Walking access verdict without the planned facilities"), STATUS_VALUES)
PLANNED_COUNT = _field("cc_planned", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Planned facilities counted"))
PLANNED = _field("planned", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Planned facility (1) or existing (0)"))
# verdict prefix → (score, status) before the planned facilities
VERDICTS_BEFORE = {"cc": (CC_SCORE_BEFORE, CC_STATUS_BEFORE), "walk": (WALK_SCORE_BEFORE, WALK_STATUS_BEFORE)}

# Suggested sites (suggest_sites) and the communities before → after
RANK = _field("rank", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Order to build in"))
NEW_RESIDENTS = _field("new_residents", REAL, QT_TRANSLATE_NOOP("OutputFields", "Residents newly within the limit"))
COVERED_RESIDENTS = _field("covered_residents", REAL,
                           QT_TRANSLATE_NOOP("OutputFields", "Residents within the limit (cumulative)"))
COVERED_SHARE_PCT = _field("covered_share_pct", REAL,
                           QT_TRANSLATE_NOOP("OutputFields", "Share of residents within the limit (cumulative, %)"))
COMMUNITIES_MET = _field("communities_met", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Communities whose item is met"))
MEAN_BEFORE_M = _field("mean_before_m", REAL,
                       QT_TRANSLATE_NOOP("OutputFields", "Residents' mean walk before (m)"))
MEAN_AFTER_M = _field("mean_after_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Residents' mean walk after (m)"))
CANDIDATE_SOURCE = _field("candidate_source", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Candidate given or generated"),
                          CANDIDATE_SOURCE_VALUES)
CANDIDATE_GENERATED, CANDIDATE_GIVEN = "generated", "given"
UNCHECKED_RULES = _field("unchecked_rules", TEXT,
                         QT_TRANSLATE_NOOP("OutputFields", "Area rules not checked (no value)"))
STATUS_BEFORE = _field("status_before", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Status before"), STATUS_VALUES)
STATUS_AFTER = _field("status_after", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Status after"), STATUS_VALUES)
DIST_BEFORE_M = _field("dist_before_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking distance before (m)"))
DIST_AFTER_M = _field("dist_after_m", REAL, QT_TRANSLATE_NOOP("OutputFields", "Walking distance after (m)"))
COVERED_PCT_BEFORE = _field("covered_pct_before", REAL,
                            QT_TRANSLATE_NOOP("OutputFields", "Residents within the limit before (%)"))
COVERED_PCT_AFTER = _field("covered_pct_after", REAL,
                           QT_TRANSLATE_NOOP("OutputFields", "Residents within the limit after (%)"))
SITES = _field("sites", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Suggested sites inside (ranks)"))

# -- figures by area (summarize_by_area; core/area_summary.py) ---------------------------------------------------

AREA = _field("area", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Area"))
AREA_COMMUNITIES = _field("assessed", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Communities assessed"))
AREA_RESIDENTS = _field("residents", REAL, QT_TRANSLATE_NOOP("OutputFields", "Residents"))
AREA_RESIDENTS_UNKNOWN = _field("residents_unknown", INTEGER,
                                QT_TRANSLATE_NOOP("OutputFields", "Communities without a population"))
AREA_COMPLETE = _field("complete", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Complete communities"))
AREA_COMPLETE_RESIDENTS = _field("complete_residents", REAL,
                                 QT_TRANSLATE_NOOP("OutputFields", "Residents of complete communities"))
AREA_FAILING = _field("failing", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Communities failing"))
AREA_FAILING_RESIDENTS = _field("failing_residents", REAL,
                                QT_TRANSLATE_NOOP("OutputFields", "Residents of failing communities"))
AREA_NO_DATA = _field("undecided", INTEGER, QT_TRANSLATE_NOOP("OutputFields", "Communities without a decision"))
AREA_NO_DATA_RESIDENTS = _field("undecided_residents", REAL,
                                QT_TRANSLATE_NOOP("OutputFields", "Residents of communities without a decision"))
AREA_COMPLETE_RATE = _field("complete_rate", REAL,
                            QT_TRANSLATE_NOOP("OutputFields", "Complete-community rate by communities (%)"))
AREA_COMPLETE_RESIDENTS_RATE = _field("complete_residents_rate", REAL,
                                      QT_TRANSLATE_NOOP("OutputFields", "Complete-community rate by residents (%)"))
AREA_WEAKEST = _field("weakest_items", TEXT, QT_TRANSLATE_NOOP("OutputFields", "Weakest items"))
ITEM_SHARE = _field("{}_share", REAL, QT_TRANSLATE_NOOP("OutputFields", "{}: communities meeting it (%)"),
                    part="item")
ITEM_RESIDENTS_SHARE = _field("{}_residents_share", REAL,
                              QT_TRANSLATE_NOOP("OutputFields", "{}: residents whose community meets it (%)"),
                              part="item")

# -- the tables the algorithms write -------------------------------------------------------------------------

RULE_TABLE_FIELDS = (COMMUNITY_ID_ROW, COMMUNITY_NAME_ROW, ITEM, ITEM_NAME, RULE_ID, RULE_NAME, CLAUSE, LEVEL,
                     MEASURED_VALUE, THRESHOLD_MIN, THRESHOLD_MAX, UNIT, STATUS, REASON, OPTION_ID)
# With planned facilities the rules table also says each rule's status without them.
RULE_TABLE_FIELDS_PLANNED = RULE_TABLE_FIELDS + (STATUS_BEFORE,)
# What assess stores per community and rule (community_rule_results, the rule and the reason by their numbers);
# the columns that depend on the rule alone are stored once per rule (rule_descriptions), each distinct reason
# once (rule_reasons: a city's 243,000 rows hold about 40,000), and community_rules is a view that joins them
# into RULE_TABLE_FIELDS.
RULE_DESCRIPTION_FIELDS = (RULE_NUMBER, RULE_ID, ITEM, ITEM_NAME, RULE_NAME, CLAUSE, LEVEL)
RULE_REASON_FIELDS = (REASON_NUMBER, REASON)
RULE_RESULT_FIELDS = tuple({RULE_ID: RULE_NUMBER, REASON: REASON_NUMBER}.get(field, field)
                           for field in RULE_TABLE_FIELDS if field not in RULE_DESCRIPTION_FIELDS[2:])
RULE_RESULT_FIELDS_PLANNED = RULE_RESULT_FIELDS + (STATUS_BEFORE,)
UNASSIGNED_FIELDS = (SOURCE_LAYER, SOURCE_FID, CATEGORY_LABEL, CC_CATEGORY, CC_CATEGORY_NAME, UNASSIGNED_REASON,
                     REASON_TEXT)
ROUTE_FIELDS = (COMMUNITY_ID_ROW, COMMUNITY_NAME_ROW, CATEGORY, CATEGORY_NAME, ROUTE_DIST_M, ROUTE_WALK_MIN, LIMIT_M,
                STATUS, ROUTE_METHOD)
ORIGIN_FIELDS = (COMMUNITY_ID_ROW, DIST_M)
SERVICE_AREA_FIELDS = (SOURCE_LAYER, SOURCE_FID, CC_CATEGORY, CC_CATEGORY_NAME, LIMIT_M, RULE_ID, STREET_M, AREA_M2,
                       NOTE)
# With planned facilities each service area says whether its facility is planned.
SERVICE_AREA_FIELDS_PLANNED = SERVICE_AREA_FIELDS + (PLANNED,)
CLASSIFIED_FIELDS = (CC_CATEGORY, CC_CATEGORY_NAME, CC_ITEM, CC_ITEM_NAME)
COMMUNITY_FIELDS = ((COMMUNITY_ID, COMMUNITY_NAME, ITEM_STATUS, MEASURED) + VERDICTS["cc"].summary
                    + VERDICTS["walk"].summary + (DIST_M, WALK_MIN, ACCESS_STATUS, COVERED_PCT, WALK_METHOD,
                                                   WALK_ORIGIN, WORKING_CRS) + STANDARD_FIELDS
                    + (ITEM_STATUS_BEFORE, CC_SCORE_BEFORE, CC_STATUS_BEFORE, WALK_SCORE_BEFORE, WALK_STATUS_BEFORE,
                       PLANNED_COUNT))
IMPORTED_POI_FIELDS = (CC_CATEGORY, CC_CATEGORY_NAME, CC_MATCH, CC_MATCH_DETAIL, CC_RAW_LON, CC_RAW_LAT,
                       CC_RAW_SYSTEM)
POIS_NOT_COUNTED_FIELDS = (CC_REASON,) + IMPORTED_POI_FIELDS
BUILDING_POPULATION_FIELDS = (CC_POPULATION_EST, CC_FLOOR_AREA, CC_FLOORS, CC_POPULATION_SOURCE, CC_ESTIMATE_NOTE)
RASTER_POPULATION_FIELDS = (CC_POPULATION_EST, CC_POPULATION_SOURCE)
COMMUNITY_POPULATION_FIELDS = (CC_POPULATION_EST, CC_POPULATION, CC_POPULATION_SOURCE)
CIRCLE_IDENTITY_FIELDS = (LC_ID, LC_NAME, LC_FORMED, LC_STOPPED, MEMBER_IDS, MEMBER_COUNT)
LIFE_CIRCLE_FIELDS = (CIRCLE_IDENTITY_FIELDS + (ITEM_STATUS, MEASURED) + VERDICTS["lc"].summary
                      + (DIST_M, WALK_METHOD, WORKING_CRS) + STANDARD_FIELDS + (PLANNED_COUNT,))
MEMBER_FIELDS = (LIFE_CIRCLE_ID,)
STANDARD_RULE_FIELDS = (RULE_ID, ITEM, ITEM_NUMBER, ITEM_NAME, GROUP_NAME, RULE_NAME, CLAUSE, LEVEL, LEVEL_NAME,
                        APPLIES_TO, APPLIES_TO_NAME, MEASURE, CATEGORIES, REQUIREMENT, MIN_VALUE, MAX_VALUE, UNIT,
                        GUIDE_LOW, GUIDE_HIGH, DEFINED_IN, NOTE)
STANDARD_CATEGORY_FIELDS = (CATEGORY, NAME_ZH, NAME_EN, ITEM, ITEM_NAME, ALIASES, OSM_TAGS)
SUGGESTED_SITE_FIELDS = (RANK, CATEGORY, NEW_RESIDENTS, COVERED_RESIDENTS, COVERED_SHARE_PCT, COMMUNITIES_MET,
                         COMMUNITY_ID_ROW, MEAN_BEFORE_M, MEAN_AFTER_M, CANDIDATE_SOURCE, UNCHECKED_RULES)
# Candidates suggest_sites cannot use, with the reason (and the candidate's own fields after these)
INELIGIBLE_CANDIDATE_FIELDS = (REASON, COMMUNITY_ID_ROW)
SITING_COMMUNITY_FIELDS = (COMMUNITY_ID, COMMUNITY_NAME, ITEM, STATUS_BEFORE, STATUS_AFTER, DIST_BEFORE_M,
                           DIST_AFTER_M, COVERED_PCT_BEFORE, COVERED_PCT_AFTER, SITES)
AREA_SUMMARY_FIELDS = (AREA, AREA_COMMUNITIES, AREA_RESIDENTS, AREA_RESIDENTS_UNKNOWN, AREA_COMPLETE,
                       AREA_COMPLETE_RESIDENTS, AREA_FAILING, AREA_FAILING_RESIDENTS, AREA_NO_DATA,
                       AREA_NO_DATA_RESIDENTS, AREA_COMPLETE_RATE, AREA_COMPLETE_RESIDENTS_RATE, AREA_WEAKEST,
                       ITEM_SHARE, ITEM_RESIDENTS_SHARE)

# Layer kind → its fields (templated ones stand for a family). A name is declared once per table.
TABLES = {
    "communities": COMMUNITY_FIELDS,
    "community_rules": RULE_TABLE_FIELDS_PLANNED,
    "community_rule_results": RULE_RESULT_FIELDS_PLANNED,
    "rule_descriptions": RULE_DESCRIPTION_FIELDS,
    "rule_reasons": RULE_REASON_FIELDS,
    "facilities_not_counted": UNASSIGNED_FIELDS,
    "walking_routes": ROUTE_FIELDS,
    "walking_origins": ORIGIN_FIELDS,
    "service_areas": SERVICE_AREA_FIELDS_PLANNED,
    "classified_facilities": CLASSIFIED_FIELDS,
    "life_circles": LIFE_CIRCLE_FIELDS,
    "life_circle_members": MEMBER_FIELDS,
    "standard_rules": STANDARD_RULE_FIELDS,
    "standard_categories": STANDARD_CATEGORY_FIELDS,
    "suggested_sites": SUGGESTED_SITE_FIELDS,
    "siting_communities": SITING_COMMUNITY_FIELDS,
    "ineligible_candidates": INELIGIBLE_CANDIDATE_FIELDS,
    "imported_pois": IMPORTED_POI_FIELDS,
    "pois_not_counted": POIS_NOT_COUNTED_FIELDS,
    "population_buildings": BUILDING_POPULATION_FIELDS,
    "population_points": RASTER_POPULATION_FIELDS,
    "community_population": COMMUNITY_POPULATION_FIELDS,
    "area_summary": AREA_SUMMARY_FIELDS,
}


def all_fields():
    """Every declared field once (in declaration order of TABLES)."""
    seen = []
    for fields in TABLES.values():
        for field in fields:
            if field not in seen:
                seen.append(field)
    return tuple(seen)


def field_named(name, table=None, rule_ids=()):
    """(OutputField, code) of an output field name ('kindergarten_dist_m' → (DIST_M, 'kindergarten')), or
    (None, None). `table` narrows the search to one layer kind; `rule_ids` lets measured values be recognised."""
    candidates = TABLES[table] if table else all_fields()
    fixed = [field for field in candidates if not field.templated]
    for field in fixed:
        if field.pattern == name:
            return field, None
    # The longest suffix first: 'x_access_status' is an access status, not the status of item 'x_access'.
    families = sorted((field for field in candidates if field.templated), key=lambda f: -len(f.pattern))
    for field in families:
        code = field.code_in(name)
        if code:
            return field, code
    if MEASURED in candidates:
        for rule_id in rule_ids:
            if MEASURED.name_for(rule_id) == name:
                return MEASURED, rule_id
    return None, None


def category_in(name, field):
    """The category code of a walking field name ('kindergarten_dist_m', DIST_M → 'kindergarten'), or None."""
    code = field.code_in(name)
    return code or None


def alias_for(name, standard=None, language="en", table=None):
    """The alias of an output field in the user's language, the code inside it named from `standard`
    ('kindergarten_dist_m' → '步行距离：幼儿园（米）'); None for a field not declared here (an input field) or
    a templated one whose code the standard does not know."""
    rule_ids = [rule.id for rule in standard.rules] if standard is not None else ()
    field, code = field_named(name, table, rule_ids)
    if field is None:
        return None
    if not field.templated:
        return field.alias()
    if standard is None:
        return None
    lookup = {"category": standard.category, "item": standard.item, "rule": standard.rule}[field.part]
    try:
        return field.alias(lookup(code).name.get(language))
    except KeyError:
        return None


def value_map(values):
    """[(code, label in the user's language)] of a vocabulary of coded values."""
    if values == STATUS_VALUES:
        from .status import STATUSES, status_label
        return [(status, status_label(status)) for status in STATUSES]
    if values == LEVEL_VALUES:
        from ..standards.model import LEVELS
        from .describe import level_label
        return [(level, level_label(level)) for level in LEVELS]
    if values == POPULATION_SOURCE_VALUES:
        return [(POPULATION_SOURCE_SURVEYED, tr("counted (the population field)", CONTEXT)),
                (POPULATION_SOURCE_BUILDINGS, tr("estimated from buildings", CONTEXT)),
                (POPULATION_SOURCE_RASTER, tr("estimated from a population grid", CONTEXT))]
    if values == ESTIMATE_NOTE_VALUES:
        from .population import NOTE_NO_AREA, NOTE_NO_FLOORS, NOTE_NOT_RESIDENTIAL
        return [(NOTE_NOT_RESIDENTIAL, tr("not a residential building", CONTEXT)),
                (NOTE_NO_FLOORS, tr("no floors or height", CONTEXT)),
                (NOTE_NO_AREA, tr("no footprint area", CONTEXT))]
    if values == POI_MATCH_VALUES:
        return [("mapping_table", tr("your mapping table", CONTEXT)), ("typecode", tr("type code", CONTEXT)),
                ("type", tr("type", CONTEXT)), ("name", tr("name", CONTEXT)),
                ("alias", tr("a label of the standard", CONTEXT))]
    if values == POI_REASON_VALUES:
        return [("out_of_scope_type", tr("its type is not a facility of the guide (e.g. café, residential compound)",
                                         CONTEXT)),
                ("out_of_scope_name", tr("its name says it is not a facility of the guide", CONTEXT)),
                ("generic_type_unrecognised_name", tr(
                    "its type is too broad and its name does not say which facility it is", CONTEXT)),
                ("unknown_type", tr("its type is in no vocabulary and its name does not say", CONTEXT)),
                ("no_type_unrecognised_name", tr("no type, and its name does not say", CONTEXT)),
                ("no_coordinates", tr("no coordinates (no geometry, no location or x/y fields)", CONTEXT)),
                ("unparseable_location", tr("the location text is not 'longitude,latitude'", CONTEXT)),
                ("unparseable_coordinates", tr("the x/y values are not numbers", CONTEXT)),
                ("implausible_coordinates", tr("the coordinates are not a longitude/latitude on earth", CONTEXT)),
                ("no_geometry", tr("no geometry", CONTEXT))]
    if values == UNASSIGNED_REASON_VALUES:
        return [(UNASSIGNED_OUTSIDE, tr("inside no community", CONTEXT)),
                (UNASSIGNED_UNKNOWN, tr("category not recognised", CONTEXT)),
                (UNASSIGNED_NO_GEOMETRY, tr("no usable geometry", CONTEXT))]
    if values == FORMED_VALUES:
        return [(LC_FORMED_GIVEN, tr("drawn by the planner", CONTEXT)),
                (LC_FORMED_GROUPED, tr("formed from the communities", CONTEXT))]
    if values == FORMATION_STOP_VALUES:
        from . import life_circle
        return [(life_circle.FLOOR_REACHED, tr("it reached the population floor", CONTEXT)),
                (life_circle.HEMMED_BY_RADIUS, tr("below the population floor: every community left nearby would "
                                                  "take it beyond the service radius", CONTEXT)),
                (life_circle.HEMMED_BY_CEILING, tr("below the population floor: the communities left within the "
                                                   "radius would take it above the population ceiling", CONTEXT)),
                (life_circle.NO_NEIGHBOUR, tr("below the population floor: no community left within the service "
                                              "radius of its centre", CONTEXT)),
                (life_circle.NO_POINT, tr("the community has no usable location", CONTEXT))]
    if values == WALK_ORIGIN_VALUES:
        return [(WALK_ORIGIN_POINTS, tr("the residents (population points)", CONTEXT)),
                (WALK_ORIGIN_CENTROID, tr("a point inside the community", CONTEXT))]
    if values == CANDIDATE_SOURCE_VALUES:
        return [(CANDIDATE_GENERATED, tr("generated along the network", CONTEXT)),
                (CANDIDATE_GIVEN, tr("given by the planner", CONTEXT))]
    raise KeyError(values)


def value_label(values, code):
    return dict(value_map(values)).get(code, code)


_NAME = re.compile(r"^[a-z][a-z0-9_]*$|^\{\}[a-z0-9_]+$|^\{\}$")


def check_declarations():
    """Problems with the declarations themselves (used by the tests): [text]."""
    problems = []
    for table, fields in TABLES.items():
        names = [field.pattern for field in fields]
        for name in set(names):
            if names.count(name) > 1:
                problems.append("{}: {} declared twice".format(table, name))
    for field in all_fields():
        if field.kind not in KINDS:
            problems.append("{}: unknown kind {}".format(field.pattern, field.kind))
        if not _NAME.match(field.pattern):
            problems.append("{}: not a lower-case field name".format(field.pattern))
        if field.templated != ("{}" in field.label):
            problems.append("{}: the alias must name the code exactly when the name has one".format(field.pattern))
        if field.values is not None:
            try:
                value_map(field.values)
            except KeyError:
                problems.append("{}: unknown vocabulary {}".format(field.pattern, field.values))
    return problems


__all__ = ["OutputField", "Verdict", "VERDICTS", "TABLES", "field_named", "alias_for", "value_map", "value_label",
           "all_fields", "check_declarations"]
