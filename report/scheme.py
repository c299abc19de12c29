"""补短板: what a scheme of planned facilities changes, for the report's scheme section (templates/scheme.html).

A scheme is the PROPOSED_FACILITIES of an assessment: suggest_sites' output (its sites in order, with the residents
each brings within the walking limit) or a planner's own layer (the what-if proposals, a design). The assessment
evaluates every community with and without them; this module holds both verdicts as plain data (no QGIS), so the
report can say, per community and per item, what the scheme turns from failing to met. processing/assess.py
fills it from the results GeoPackage.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ..core.status import FAIL, PASS


@dataclass
class PlannedSite:
    """One planned facility. The figures are suggest_sites' (cumulative: existing facilities plus the sites up to
    this one); None for a scheme that does not carry them."""
    rank: Optional[int]
    kind: str                                 # the facility kind, in words
    community: str = ""                       # the community it lies in ('' outside every community)
    new_residents: Optional[float] = None
    covered_residents: Optional[float] = None
    covered_share_pct: Optional[float] = None
    communities_met: str = ""


@dataclass
class SchemeCommunity:
    """One community's verdicts without (before) and with (after) the planned facilities."""
    id: str
    name: str
    population: Optional[float]
    status_before: Optional[str]
    status_after: Optional[str]
    score_before: Optional[float]
    score_after: Optional[float]
    items_before: Dict[str, Optional[str]]
    items_after: Dict[str, Optional[str]]

    def changed_items(self, item_codes):
        """[(item code, before, after)] of the items whose status the scheme changes, in the given order."""
        return [(code, self.items_before.get(code), self.items_after.get(code)) for code in item_codes
                if self.items_before.get(code) != self.items_after.get(code)]

    @property
    def changed(self):
        return (self.status_before != self.status_after or self.score_before != self.score_after
                or self.items_before != self.items_after)


@dataclass
class ItemChange:
    """One item over the whole area: communities failing it, and their residents, before → after."""
    item: str
    failing_before: int
    failing_after: int
    residents_before: float
    residents_after: float


@dataclass
class Scheme:
    source: str                                      # the planned facilities' layer, named as the user gave it
    sites: List[PlannedSite] = field(default_factory=list)
    communities: List[SchemeCommunity] = field(default_factory=list)

    @property
    def has_figures(self):
        """Whether the sites carry suggest_sites' coverage figures (a column each in the report)."""
        return any(site.new_residents is not None for site in self.sites)

    def changed_communities(self):
        return [community for community in self.communities if community.changed]

    def complete(self):
        """(communities that comply before, after): the scheme's headline."""
        return (sum(1 for row in self.communities if row.status_before == PASS),
                sum(1 for row in self.communities if row.status_after == PASS))

    def item_changes(self, item_codes):
        """An ItemChange for every item whose verdict the scheme changes in some community, in the given order."""
        changes = []
        for code in item_codes:
            if not any(row.items_before.get(code) != row.items_after.get(code) for row in self.communities):
                continue
            failing_before = [row for row in self.communities if row.items_before.get(code) == FAIL]
            failing_after = [row for row in self.communities if row.items_after.get(code) == FAIL]
            changes.append(ItemChange(code, len(failing_before), len(failing_after),
                                      sum(row.population or 0.0 for row in failing_before),
                                      sum(row.population or 0.0 for row in failing_after)))
        return changes
