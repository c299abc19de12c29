"""What if a facility were built here? (假设新增设施) — live re-evaluation on a network built once. No QGIS.

    session = WhatIfSession(standard, network, residents, population, community_of_resident, records, existing)
    change = session.place("kindergarten", x, y)     # → Change: the communities whose walk or verdict moved
    change.communities[position]                      # CommunityState before / after
    session.undo()                                    # the last proposal removed, the state before it restored

The network, the residents' snapping and the existing facilities are prepared once; preparing a kind
(prepare(), when the planner picks it) runs one search from its existing facilities (core/siting.CoverageModel)
and evaluates every community for it; each proposal then runs only an incremental search over the streets
the new facility wins and re-evaluates the communities it changes. A community's verdict for the item is the
engine's (core/engine.evaluate_community on the item's rules), with the residents' mean walking distance and
the proposals inside it counted as facilities of the standard's size (site_attributes).
"""

import math
from dataclasses import dataclass, replace
from typing import Dict, Optional, Tuple

import numpy as np

from ..standards import measure_kinds
from .engine import RuleEngine
from .records import FacilityRecord
from .siting import CoverageModel
from .walking import category_limits, residents_access


def site_attributes(standard, item_code, record, areas=None):
    """The attributes a planned facility of the item is counted with in one community: the given areas
    (attribute code → m², None = unknown), and for every other size rule of the item the standard's
    minimum for this community (a planned facility is to be built to the standard)."""
    attributes = {}
    for rule in standard.rules_for_item(item_code):
        if rule.measure is None or rule.measure.kind != measure_kinds.FACILITY_MEASURE or rule.min is None:
            continue
        if rule.applies(record.community_type) is False:
            continue
        minimum = rule.min.resolve(record.attributes)
        if minimum is not None:
            attributes[rule.measure.attribute] = max(attributes.get(rule.measure.attribute, 0.0), minimum)
    for code, value in (areas or {}).items():
        if value is not None:
            attributes[code] = value
    return attributes


def item_status_with(standard, record, rules, item_code, category, distance, planned, language="zh", engine=None):
    """The item's status for one community, its walking distance to `category` set to `distance` (m, None
    for none) and the `planned` FacilityRecords counted with its own; `engine`: a RuleEngine of `standard` in
    `language` kept by a caller that asks for many communities."""
    walking_m = dict(record.walking_m)
    walking_m[category] = distance
    completed = replace(record, facilities=tuple(record.facilities) + tuple(planned), walking_m=walking_m)
    engine = engine if engine is not None else RuleEngine(standard, language)
    return engine.evaluate(completed, rules).item_status.get(item_code)


def item_rules(standard, item_code):
    """The item's rules the engine evaluates (with a measure or alternatives)."""
    return tuple(rule for rule in standard.rules_for_item(item_code) if rule.measure is not None or rule.options)


@dataclass(frozen=True)
class CommunityState:
    """One community and one facility kind: item status, residents' mean walk (m), share within the limit."""

    status: Optional[str]
    distance_m: Optional[float]
    covered_share: Optional[float]


@dataclass(frozen=True)
class Proposal:
    category: str
    x: float
    y: float
    community: int     # position of the community it lies in, -1 for none
    snapped: bool      # False: farther from the network than the snapping limit (it counts where it lies only)


@dataclass(frozen=True)
class Change:
    """What one proposal (or its undoing) changed: community position → (before, after)."""

    proposal: Proposal
    communities: Dict[int, Tuple[CommunityState, CommunityState]]


class WhatIfSession:
    """Proposals of new facilities, evaluated as they are placed.

    standard                 the Standard
    network                  a core.network.WalkingNetwork (built once)
    residents                SnappedPoints of the residents (origins, or the communities' points)
    population               residents per point
    community_of_resident    community position of each point (-1: none)
    records                  [CommunityRecord] with their existing facilities assigned (positions as above)
    existing                 {category code: SnappedPoints of its existing facilities}
    uses_origins             True: a community walks as its residents' mean (the population points); False:
                             each resident point is a community's own point
    """

    def __init__(self, standard, network, residents, population, community_of_resident, records, existing,
                 uses_origins=True, language="zh"):
        self.standard = standard
        self.network = network
        self.residents = residents
        self.population = np.asarray(population, dtype=np.float64)
        self.community_of_resident = np.asarray(community_of_resident, dtype=np.int64)
        self.records = list(records)
        self.existing = dict(existing)
        self.uses_origins = uses_origins
        self.language = language
        self.engine = RuleEngine(standard, language)
        self.limits = {code: limit.limit_m for code, limit in category_limits(standard).items()}
        self.proposals = []
        self._models = {}      # category → CoverageModel (existing + proposals of that kind)
        self._history = []     # per proposal: (category, node_distance before, distance before)
        self._planned = {}     # community position → [FacilityRecord] proposed inside it
        self._states = {}      # category → [CommunityState] now

    def categories(self):
        """The kinds a proposal can be of: those with a walking limit in the standard."""
        return list(self.limits)

    def prepare(self, category):
        """Get a kind ready for proposals: one search from its existing facilities and every community's
        state for it. Done once per kind (when the kind is chosen); place() does it itself if needed."""
        self._model(category)

    def _model(self, category):
        if category not in self._models:
            existing = self.existing.get(category)
            if existing is None:
                existing = self.network.snap([], [])
            self._models[category] = CoverageModel(self.network, self.residents, self.population, existing,
                                                   self.limits[category])
            access = self._access(category) if self.uses_origins else None  # once for every community
            self._states[category] = [self._state(category, position, access) for position in range(len(self.records))]
        return self._models[category]

    def state(self, category, position):
        """CommunityState of one community for one kind, now."""
        self._model(category)
        return self._states[category][position]

    def _community_distance(self, category, position, access):
        model = self._models[category]
        if self.uses_origins:
            entry = access[position]
            return entry.mean_m, entry.covered_share
        own = np.flatnonzero(self.community_of_resident == position)
        if not len(own):
            return None, None
        metres = float(model.distance[own[0]])
        limit = self.limits[category]
        return (metres if math.isfinite(metres) else None), (1.0 if metres <= limit * (1 + 1e-9) else 0.0)

    def _access(self, category):
        model = self._models[category]
        with np.errstate(invalid="ignore"):  # 0 residents × inf metres is masked out by residents_access
            return residents_access(self.community_of_resident, self.population, model.distance,
                                    self.limits[category], len(self.records))

    def _state(self, category, position, access=None):
        access = access if access is not None else (self._access(category) if self.uses_origins else None)
        distance, share = self._community_distance(category, position, access)
        item = self.standard.category(category).item
        planned = [record for record in self._planned.get(position, []) if record.category == category]
        status = item_status_with(self.standard, self.records[position], item_rules(self.standard, item), item,
                                  category, distance, planned, self.language, self.engine)
        return CommunityState(status, distance, share)

    def place(self, category, x, y, community=-1, snap_limit=math.inf, areas=None):
        """Add a proposed facility of `category` at (x, y) (working CRS, m), lying in community position
        `community` (-1: none) → Change of the communities whose walk or verdict moved."""
        if category not in self.limits:
            raise ValueError("{} has no walking limit in the standard".format(category))
        model = self._model(category)
        site = self.network.snap([x], [y], snap_limit)
        proposal = Proposal(category, float(x), float(y), int(community), bool(site.is_snapped[0]))
        self._history.append((category, model.node_distance.copy(), model.distance.copy(), community))
        changed = model.add_site(site)
        if community >= 0:
            item = self.standard.category(category).item
            record = FacilityRecord(fid="proposal:{}".format(len(self.proposals) + 1), category=category,
                                    attributes=site_attributes(self.standard, item, self.records[community], areas))
            self._planned.setdefault(community, []).append(record)
        self.proposals.append(proposal)
        affected = {int(position) for position in self.community_of_resident[changed] if position >= 0}
        if community >= 0:
            affected.add(int(community))
        return Change(proposal, self._update(category, affected))

    def undo(self):
        """Remove the last proposal → its Change reversed (None when there is none)."""
        if not self.proposals:
            return None
        proposal = self.proposals.pop()
        category, node_distance, distance, community = self._history.pop()
        model = self._models[category]
        lowered = np.flatnonzero(model.distance < distance)
        model.node_distance[:] = node_distance
        model.distance[:] = distance
        model.site_count -= 1
        if community >= 0:
            self._planned[community].pop()
        affected = {int(position) for position in self.community_of_resident[lowered] if position >= 0}
        if community >= 0:
            affected.add(int(community))
        return Change(proposal, self._update(category, affected))

    def _update(self, category, affected):
        access = self._access(category) if self.uses_origins else None
        states = self._states[category]
        moved = {}
        for position in sorted(affected):
            before = states[position]
            after = self._state(category, position, access)
            states[position] = after
            if after != before:
                moved[position] = (before, after)
        return moved
