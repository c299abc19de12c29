"""Figures by street and district: evaluated communities aggregated by area. No QGIS.

For each area (a 街道 name, a district polygon, or the whole district): how many communities and
residents were assessed, how many are complete, failing or undecided (by the verdict of their overall
status, core.status.verdict_of: advisory or info fails nothing and counts as complete); the complete-community
rate by communities and by residents; per item the share of communities and of residents that meet it; the
weakest items.

A community meets an item when the item's status is pass. The share of an item is taken over the
communities where the item applies (pass, fail or no_data): a community whose data cannot decide the
item does not count as meeting it. Residents are the communities' resident population; a community
without a population counts as a community but adds no residents (`residents_unknown` says how many).
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from .status import ADVISORY, FAIL, NO_DATA, PASS, verdict_of

DECIDED_ITEM_STATUSES = (PASS, FAIL, ADVISORY, NO_DATA)  # the item applies (advisory: recommended, unmet)
WEAKEST_COUNT = 3


@dataclass
class CommunityOutcome:
    """What the summary needs of one evaluated community."""
    id: str
    area: Optional[str]
    population: Optional[float]
    status: Optional[str]
    item_status: Dict[str, Optional[str]] = field(default_factory=dict)


@dataclass
class ItemShare:
    item: str
    applicable: int              # communities where the item applies
    meeting: int                 # of those, communities that meet it
    applicable_residents: float
    meeting_residents: float

    @property
    def share(self):
        return self.meeting / self.applicable if self.applicable else None

    @property
    def residents_share(self):
        return self.meeting_residents / self.applicable_residents if self.applicable_residents else None


@dataclass
class AreaSummary:
    area: str
    communities: int = 0
    residents: float = 0.0
    residents_unknown: int = 0
    complete: int = 0
    complete_residents: float = 0.0
    failing: int = 0
    failing_residents: float = 0.0
    no_data: int = 0
    no_data_residents: float = 0.0
    items: Dict[str, ItemShare] = field(default_factory=OrderedDict)

    @property
    def complete_rate(self):
        """Share of the communities that are complete."""
        return self.complete / self.communities if self.communities else None

    @property
    def complete_residents_rate(self):
        """Share of the residents who live in a complete community."""
        return self.complete_residents / self.residents if self.residents else None

    def weakest_items(self, count=WEAKEST_COUNT):
        """The items met by the smallest share of communities (ties: by residents, then standard order);
        only items some community fails or cannot decide."""
        candidates = [share for share in self.items.values() if share.applicable and share.meeting < share.applicable]
        order = {item: index for index, item in enumerate(self.items)}
        candidates.sort(key=lambda s: (s.share, s.residents_share if s.residents_share is not None else 1.0,
                                       order[s.item]))
        return candidates[:count]


def _add(summary, outcome, item_codes):
    population = outcome.population if outcome.population is not None else 0.0
    summary.communities += 1
    summary.residents += population
    if outcome.population is None:
        summary.residents_unknown += 1
    verdict = verdict_of(outcome.status)
    if verdict == PASS:
        summary.complete += 1
        summary.complete_residents += population
    elif verdict == FAIL:
        summary.failing += 1
        summary.failing_residents += population
    elif verdict == NO_DATA:
        summary.no_data += 1
        summary.no_data_residents += population
    for item in item_codes:
        share = summary.items.setdefault(item, ItemShare(item, 0, 0, 0.0, 0.0))
        status = outcome.item_status.get(item)
        if status in DECIDED_ITEM_STATUSES:
            share.applicable += 1
            share.applicable_residents += population
            if status == PASS:
                share.meeting += 1
                share.meeting_residents += population


def summarize_by_area(outcomes: Sequence[CommunityOutcome], item_codes: Sequence[str],
                      unassigned_label: str = "", areas: Sequence[str] = ()) -> List[AreaSummary]:
    """One summary per area: first `areas` in their order (also those without a community), then the others
    in order of first appearance.

    Communities without an area are gathered under `unassigned_label` — never dropped."""
    summaries = OrderedDict((area, AreaSummary(area, items=OrderedDict(
        (item, ItemShare(item, 0, 0, 0.0, 0.0)) for item in item_codes))) for area in areas)
    for outcome in outcomes:
        area = outcome.area if outcome.area not in (None, "") else unassigned_label
        summary = summaries.get(area)
        if summary is None:
            summary = summaries[area] = AreaSummary(area, items=OrderedDict(
                (item, ItemShare(item, 0, 0, 0.0, 0.0)) for item in item_codes))
        _add(summary, outcome, item_codes)
    return list(summaries.values())


def summarize_all(outcomes: Sequence[CommunityOutcome], item_codes: Sequence[str], label: str) -> AreaSummary:
    """The whole district as one area."""
    summary = AreaSummary(label, items=OrderedDict((item, ItemShare(item, 0, 0, 0.0, 0.0)) for item in item_codes))
    for outcome in outcomes:
        _add(summary, outcome, item_codes)
    return summary


def shortfalls(outcomes: Sequence[CommunityOutcome], failing_items: Dict[str, Sequence[str]]) \
        -> List[Tuple[str, int, float]]:
    """补短板清单: (item, communities failing it, residents of those communities), most residents first.

    `failing_items` maps a community id to the items where a required rule fails."""
    population = {outcome.id: outcome.population or 0.0 for outcome in outcomes}
    communities, residents = OrderedDict(), {}
    for outcome in outcomes:
        for item in failing_items.get(outcome.id, ()):
            communities[item] = communities.get(item, 0) + 1
            residents[item] = residents.get(item, 0.0) + population[outcome.id]
    ranked = [(item, communities[item], residents[item]) for item in communities]
    order = {item: index for index, item in enumerate(communities)}
    ranked.sort(key=lambda entry: (-entry[2], -entry[1], order[entry[0]]))
    return ranked
