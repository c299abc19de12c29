"""Every kind of measure a rule can take, registered once: its YAML keys, what it reads, what it needs, its
unit, how it is described, and (registered by core/engine.py) the function that evaluates it. No QGIS.

    kind = MEASURE_KINDS["facility_measure"]
    kind.required_keys, kind.community_attributes(measure), kind.needs, evaluator("facility_measure")

To add a kind: one `MeasureKind` entry in MEASURE_KINDS below, and one method of core/engine.py's
_RuleEvaluation decorated with `@evaluates("<kind>")`. The schema, the attributes an evaluation reads, the
algorithms that evaluate it (through `needs`) and the text of describe_standard follow from the entry;
tests/test_measure_kinds.py fails when a kind lacks any part.
"""

from dataclasses import dataclass
from typing import Callable, Dict, Optional, Tuple

try:  # the standard Qt marker: the extractor finds the text, tr() translates it later
    from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
except ImportError:  # outside QGIS
    def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (Qt's name)
        return text

CONTEXT = "MeasureKinds"

# What a measure needs to be evaluated: an algorithm evaluates the rules whose every need it can meet.
ATTRIBUTES = "attributes"   # values of the community layer's fields
GEOMETRY = "geometry"       # the community polygon itself
FACILITIES = "facilities"   # facilities assigned to the community
NETWORK = "network"         # walking distances on the road network (or straight lines × detour)
NEEDS = (ATTRIBUTES, GEOMETRY, FACILITIES, NETWORK)

# What one YAML key of a measure holds (the schema checks it accordingly).
CATEGORY_LIST = "category_list"                  # facility category codes
CATEGORY_KINDS = "category_kinds"                # lists of facility category codes, one per kind the guide names
COMMUNITY_NUMBER = "community_number"            # a numeric community attribute code
COMMUNITY_YES_NO_LIST = "community_yes_no_list"  # yes/no community attribute codes
FACILITY_NUMBER = "facility_number"              # a numeric facility attribute code
AGGREGATE = "aggregate"                          # max / sum / min over the facilities
SIZE_BANDS = "size_bands"                        # facility attribute → {min, max}: which facilities count
VALUE_TYPES = (CATEGORY_LIST, CATEGORY_KINDS, COMMUNITY_NUMBER, COMMUNITY_YES_NO_LIST, FACILITY_NUMBER, AGGREGATE, SIZE_BANDS)
AGGREGATES = ("max", "sum", "min")

# Measure attribute (on standards.model.Measure) that holds each YAML key.
KEY_FIELDS = {"categories": "categories", "attribute": "attribute", "aggregate": "aggregate",
              "numerator": "numerator", "denominator": "denominator", "attributes": "attributes", "where": "where",
              "each_of": "each_of"}

# Kind codes the code names on purpose (e.g. forming life circles from the population and radius rules).
COMMUNITY_ATTRIBUTE = "community_attribute"
COMMUNITY_RADIUS = "community_radius"
FACILITY_COUNT = "facility_count"
FACILITY_MEASURE = "facility_measure"
FACILITY_SHARE = "facility_share"
CHECKLIST = "checklist"
WALKING_DISTANCE = "walking_distance"


@dataclass(frozen=True)
class MeasureKind:
    code: str
    description: str                          # English; translated with tr(description, CONTEXT)
    keys: Tuple[Tuple[str, str], ...]         # required YAML keys (beyond `kind`) and what each holds
    optional_keys: Tuple[Tuple[str, str], ...] = ()
    needs: Tuple[str, ...] = (ATTRIBUTES,)
    default_unit: Optional[str] = None        # None: the unit of the attribute it reads
    walking: bool = False                     # reported in m (distance) or min (time)
    one_of: Tuple[Tuple[str, ...], ...] = ()  # groups of optional keys of which exactly one must be given
    all_of: bool = False                      # a checklist: by default every listed yes/no attribute is required

    @property
    def required_keys(self):
        return tuple(key for key, _value_type in self.keys)

    @property
    def allowed_keys(self):
        return self.required_keys + tuple(key for key, _value_type in self.optional_keys)

    @property
    def needs_boundary(self):
        """Whether the community's boundary is needed (its shape, what lies inside it, where it is): without a
        usable one such a measure is unknown (no_data)."""
        return any(need in (GEOMETRY, FACILITIES, NETWORK) for need in self.needs)

    def value_type(self, key):
        return dict(self.keys + self.optional_keys)[key]

    def community_attributes(self, measure):
        """The community attribute codes this measure reads."""
        return self._codes(measure, (COMMUNITY_NUMBER, COMMUNITY_YES_NO_LIST))

    def facility_attributes(self, measure):
        """The facility attribute codes this measure reads (size bands included)."""
        return self._codes(measure, (FACILITY_NUMBER, SIZE_BANDS))

    def _codes(self, measure, value_types):
        codes = []
        for key, value_type in self.keys + self.optional_keys:
            if value_type not in value_types:
                continue
            value = getattr(measure, KEY_FIELDS[key])
            if value_type == SIZE_BANDS:
                codes += [band.attribute for band in value]
            elif isinstance(value, (tuple, list)):
                codes += list(value)
            elif value is not None:
                codes.append(value)
        return tuple(dict.fromkeys(codes))

    def label(self):
        from ..i18n import tr
        return tr(self.description, CONTEXT)


MEASURE_KINDS: Dict[str, MeasureKind] = {kind.code: kind for kind in (
    MeasureKind(COMMUNITY_ATTRIBUTE, QT_TRANSLATE_NOOP("MeasureKinds", "a number of the community (e.g. population)"),
                keys=(("attribute", COMMUNITY_NUMBER),)),
    MeasureKind(COMMUNITY_RADIUS,
                QT_TRANSLATE_NOOP("MeasureKinds", "the farthest reach from the community's centre to its boundary"),
                keys=(), needs=(GEOMETRY,), default_unit="m", walking=True),
    MeasureKind(FACILITY_COUNT,
                QT_TRANSLATE_NOOP("MeasureKinds", "how many facilities of these categories the community has"),
                keys=(("categories", CATEGORY_LIST),), optional_keys=(("where", SIZE_BANDS),),
                needs=(FACILITIES,), default_unit="count"),
    MeasureKind(FACILITY_MEASURE,
                QT_TRANSLATE_NOOP("MeasureKinds", "an attribute of the community's facilities (area, classes, …), "
                                                  "aggregated"),
                keys=(("categories", CATEGORY_LIST), ("attribute", FACILITY_NUMBER), ("aggregate", AGGREGATE)),
                needs=(FACILITIES,)),
    MeasureKind(FACILITY_SHARE,
                QT_TRANSLATE_NOOP("MeasureKinds", "a share of two attributes of the largest facility"),
                keys=(("categories", CATEGORY_LIST), ("numerator", FACILITY_NUMBER),
                      ("denominator", FACILITY_NUMBER)),
                needs=(FACILITIES,), default_unit="ratio"),
    MeasureKind(CHECKLIST, QT_TRANSLATE_NOOP("MeasureKinds", "yes/no attributes of the community, all required"),
                keys=(("attributes", COMMUNITY_YES_NO_LIST),), default_unit="count", all_of=True),
    # With `each_of` (one list of categories per kind the guide names) every kind must be within the limit and
    # the farthest kind decides ("养老设施、医疗设施、小超市…的时间不宜超过10分钟").
    MeasureKind(WALKING_DISTANCE,
                QT_TRANSLATE_NOOP("MeasureKinds", "walking distance or time to the nearest facility of these "
                                                  "categories"),
                keys=(), optional_keys=(("categories", CATEGORY_LIST), ("each_of", CATEGORY_KINDS)),
                one_of=(("categories", "each_of"),), needs=(NETWORK,), default_unit="m", walking=True),
)}

_EVALUATORS: Dict[str, Callable] = {}


def evaluates(kind):
    """Decorator: registers the engine's evaluator of a measure kind (a method of its rule evaluation)."""
    if kind not in MEASURE_KINDS:
        raise KeyError("no measure kind {!r} is registered in standards/measure_kinds.py".format(kind))

    def register(function):
        if kind in _EVALUATORS and _EVALUATORS[kind] is not function:
            raise ValueError("measure kind {!r} has two evaluators".format(kind))
        _EVALUATORS[kind] = function
        return function
    return register


def evaluator(kind):
    """The function that evaluates a measure of this kind (registered by core/engine.py)."""
    return _EVALUATORS[kind]


def rule_needs(rule):
    """Everything the rule (and each of its alternatives) needs to be evaluated."""
    needs = set()
    for part in (rule,) + tuple(rule.options):
        if part.measure is not None:
            needs.update(MEASURE_KINDS[part.measure.kind].needs)
    return needs


def measured_with(rule, available):
    """True when every need of the rule is among `available` (a set of NEEDS)."""
    return rule_needs(rule) <= set(available)


def is_walking_measure(measure):
    """A measure of walking on the network: its rule needs the walking distances of a run."""
    return measure is not None and NETWORK in MEASURE_KINDS[measure.kind].needs


def _parts(rules):
    """Each rule and each of its alternatives (options): every part that may measure something."""
    for rule in rules:
        yield rule
        yield from rule.options


def community_attributes_read(rules):
    """The community attribute codes that these rules read: measures, proportional thresholds, conditions."""
    codes = []
    for part in _parts(rules):
        if part.measure is not None:
            codes += MEASURE_KINDS[part.measure.kind].community_attributes(part.measure)
        codes += [threshold.of for threshold in (part.min, part.max)
                  if threshold is not None and threshold.is_proportional]
        if part.when is not None:
            codes.append(part.when.attribute)
    return [code for code in dict.fromkeys(codes) if code]


def facility_attributes_read(rules):
    """The facility attribute codes that the measures of these rules (and of their alternatives) read."""
    codes = [code for part in _parts(rules) if part.measure is not None
             for code in MEASURE_KINDS[part.measure.kind].facility_attributes(part.measure)]
    return [code for code in dict.fromkeys(codes) if code]


def walking_categories(rules):
    """The facility categories the walking measures of these rules (and of their alternatives) walk to."""
    codes = [code for part in _parts(rules) if is_walking_measure(part.measure) for code in part.measure.categories]
    return list(dict.fromkeys(codes))
