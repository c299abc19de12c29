"""The standard as immutable objects: what the loader returns and every algorithm reads.

Nothing here imports QGIS: a rule is plain data that the engine evaluates on plain records.
"""

from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

# Vocabularies that the schema accepts. Their order is the order people read them in.
LEVELS = ("required", "recommended", "conditional", "informative")
APPLIES_TO = ("both", "new", "existing")
SCOPES = ("community", "life_circle")
ATTRIBUTE_TYPES = ("number", "boolean", "text")
UNITS = ("person", "household", "count", "m", "min", "m2", "ratio", "class", "cell", "space")

# Measure kinds, their keys and what they need: standards/measure_kinds.py.

# What a value above a rule's max means: a failure (a limit), or only a note (the upper end of a range
# the guide gives as sizing guidance, e.g. locker cells "1—1.3 倍").
ABOVE_MAX = ("fail", "note")
# What a `when` condition does when its attribute is missing: no_data, or assume it holds and say so
# (e.g. 受场地条件约束: accepted for existing communities when 场地受限 is not recorded).
IF_MISSING = ("no_data", "assume")


@dataclass(frozen=True)
class Text:
    """A name or sentence in both languages the plugin speaks."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en


@dataclass(frozen=True)
class Location:
    """Where a piece of the standard was written, so messages can point at it."""

    path: str
    line: int

    def __str__(self) -> str:
        return "{}:{}".format(self.path, self.line)


@dataclass(frozen=True)
class Attribute:
    code: str
    name: Text
    type: str
    unit: Optional[str]
    location: Location


@dataclass(frozen=True)
class Category:
    code: str
    name: Text
    item: str
    aliases: Tuple[str, ...]
    osm_tags: Tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Group:
    code: str
    number: int
    name: Text
    clause: str
    location: Location


@dataclass(frozen=True)
class Item:
    code: str
    number: Optional[int]  # the row of the 2.3 table; None for scale and the life circle
    group: str
    scope: str
    name: Text
    clause: str
    requirement: Text  # the guide's own words, for reports
    location: Location
    guidance: Optional[Text] = None  # the guide's advice on making up a shortfall (3.x): the report's action


@dataclass(frozen=True)
class Threshold:
    """A fixed number, or a share of a community attribute with an optional floor.

    `max(ratio x community[of], at_least)` covers the guide's "不低于总建筑面积2‰且不低于50平方米".
    """

    value: Optional[float] = None
    ratio: Optional[float] = None
    of: Optional[str] = None
    at_least: Optional[float] = None

    @property
    def is_proportional(self) -> bool:
        return self.of is not None

    def resolve(self, attributes: Dict[str, Optional[float]]) -> Optional[float]:
        """The threshold for one community, or None when the attribute it depends on is missing."""
        if not self.is_proportional:
            return self.value
        base = attributes.get(self.of)
        if base is None:
            return None
        required = self.ratio * float(base)
        return max(required, self.at_least) if self.at_least is not None else required


@dataclass(frozen=True)
class Where:
    """A size band that a facility must fall in to be counted (e.g. 50–100 m² convenience stores)."""

    attribute: str
    min: Optional[float]
    max: Optional[float]


@dataclass(frozen=True)
class Measure:
    kind: str
    categories: Tuple[str, ...] = ()
    attribute: Optional[str] = None
    aggregate: Optional[str] = None
    numerator: Optional[str] = None
    denominator: Optional[str] = None
    attributes: Tuple[str, ...] = ()
    where: Tuple[Where, ...] = ()
    each_of: Tuple[Tuple[str, ...], ...] = ()  # walking_distance: kinds that must each be within the limit


@dataclass(frozen=True)
class Condition:
    """A rule applies only where a yes/no community attribute has this value (e.g. 集中供热地区)."""

    attribute: str
    equals: bool
    if_missing: str = "no_data"


@dataclass(frozen=True)
class Rule:
    id: str
    item: str
    name: Text
    clause: str
    level: str
    applies_to: str
    measure: Optional[Measure]
    unit: Optional[str]
    min: Optional[Threshold]
    max: Optional[Threshold]
    guide_range: Optional[Tuple[float, float]]
    when: Optional[Condition]
    # Alternatives: the rule passes when any applicable option passes (a rule has a measure or options).
    options: Tuple["Rule", ...]
    location: Location
    note: Optional[Text] = None  # what a reader must know about the rule (e.g. the guide contradicting itself)
    above_max: str = "fail"

    def applies(self, community_type: Optional[str]) -> Optional[bool]:
        """Whether the rule applies to a community of this type ("new"/"existing"); None if unknown."""
        if self.applies_to == "both":
            return True
        if community_type is None:
            return None
        return self.applies_to == community_type

    @property
    def counts_for_compliance(self) -> bool:
        """Only required rules decide whether a community is complete; the rest are reported."""
        return self.level == "required"


@dataclass(frozen=True)
class Standard:
    id: str
    name: Text
    source: Text
    clause_note: Text
    walking_speed_m_per_min: float
    groups: Tuple[Group, ...]
    items: Tuple[Item, ...]
    categories: Tuple[Category, ...]
    community_attributes: Tuple[Attribute, ...]
    facility_attributes: Tuple[Attribute, ...]
    rules: Tuple[Rule, ...]
    files: Tuple[str, ...]  # the YAML files it was built from, base first
    version: str = ""
    content_hash: str = ""  # sha256 of the merged document: which rules exactly produced a result
    _index: Dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update(
            item={item.code: item for item in self.items},
            category={category.code: category for category in self.categories},
            rule={rule.id: rule for rule in self.rules},
        )

    def item(self, code: str) -> Item:
        return self._index["item"][code]

    def category(self, code: str) -> Category:
        return self._index["category"][code]

    def rule(self, rule_id: str) -> Rule:
        return self._index["rule"][rule_id]

    def rules_for_item(self, code: str) -> Tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.item == code)

    def rules_in_scope(self, scope: str) -> Tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if self.item(rule.item).scope == scope)

    def categories_for_item(self, code: str) -> Tuple[Category, ...]:
        return tuple(category for category in self.categories if category.item == code)
