"""Where to build (补短板选址): candidate sites for a missing facility kind, chosen on the walking network.

Pure Python + numpy, no QGIS. Every distance comes from core/network.py (the same snapping and
the same walking distance as the evaluations), never from a second engine.

    model = CoverageModel(network, residents, population, existing, limit_m)   # residents, facilities: SnappedPoints
    coverage = model.candidate_coverage(candidates)      # one bounded search per candidate
    picks = greedy_maximal_cover(coverage, population, model.covered, max_sites=5)
    for pick in picks:
        model.add_site(candidates.subset([pick.candidate]))   # exact distances after each site

Objectives
----------
*Maximal covering* (cover the most residents): choose up to k candidate sites so that the most
residents have a facility of the kind within the walking limit, counting the existing facilities.
The residents a set of sites newly covers is a monotone submodular function of the set, so the
greedy choice (each time the site that newly covers the most residents) reaches at least
1 − (1 − 1/k)^k > 1 − 1/e ≈ 63.2 % of the best possible k sites (Nemhauser, Wolsey & Fisher 1978);
in practice it is usually optimal or within a few per cent.
Lazy re-evaluation (Minoux 1978): a candidate's gain can only shrink as sites are chosen, so gains
are kept in a heap as upper bounds and only the top one is recomputed; when its recomputed gain
still tops the heap it is the greedy choice. The result is identical to recomputing every gain.

*One per community*: for each community that lacks the item, the candidate inside it that
minimises its residents' walking distance to the nearest facility of the kind (the existing ones
included): first the fewest residents who can reach none, then the lowest population-weighted
mean distance. Communities are served in the order given, each seeing the sites placed before.

Ties and determinism: among equal gains (or equal means) the candidate given first wins (the lowest
candidate index), so the same inputs always give the same sites in the same order.

Reach of a candidate: one search from it, bounded by the walking limit (core.network.nodes_within),
so the cost of evaluating candidates grows with the number of candidates and the network within
the limit of each, not with the size of the city.
"""

import heapq
import math
from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..i18n import tr
from ..standards import measure_kinds
from . import network as walking_network
from .network import _expand

_CONTEXT = "Siting"
LIMIT_TOLERANCE = 1e-9  # relative: a distance equal to the limit up to float noise is within it (as the engine)
AREA_UNIT = "m2"

MAXIMAL_COVERING = "maximal_covering"
ONE_PER_COMMUNITY = "one_per_community"
OBJECTIVES = (MAXIMAL_COVERING, ONE_PER_COMMUNITY)

# Candidates generated along the network: one point per `spacing` metres of street within the walking limit
# of residents in need. Any point of those streets is then at most spacing / 2 along the street from a
# candidate, so a site is at most that much worse placed than the best point of the street.
DEFAULT_CANDIDATE_SPACING_M = 100.0


def within_limit(distance, limit):
    """True where a walking distance is within the limit (float noise tolerated as the engine does)."""
    return np.asarray(distance) <= limit * (1.0 + LIMIT_TOLERANCE)


# ------------------------------------------------------------------------------------------------
# Candidate coverage


class CandidateCoverage:
    """For each candidate, the residents (origin indices) it would newly bring within the limit.

    covered_by(i)   origin indices of candidate i (sorted, unique); empty for ineligible or unsnapped ones
    """

    def __init__(self, start, origins):
        self.start = np.asarray(start, dtype=np.int64)
        self.origins = np.asarray(origins, dtype=np.int64)

    @classmethod
    def from_sets(cls, sets):
        """From a list of iterables of origin indices (tests, small cases)."""
        arrays = [np.unique(np.asarray(list(members), dtype=np.int64)) for members in sets]
        start = np.concatenate(([0], np.cumsum([len(array) for array in arrays]))).astype(np.int64)
        origins = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
        return cls(start, origins)

    def __len__(self):
        return len(self.start) - 1

    def covered_by(self, candidate):
        return self.origins[self.start[candidate]:self.start[candidate + 1]]


@dataclass(frozen=True)
class Pick:
    """One chosen site: its candidate index, its rank (1 = first), the residents it newly covered, and the
    cumulative residents covered (existing facilities + the sites up to this one) and their share (0–1)."""

    candidate: int
    rank: int
    new_population: float
    covered_population: float
    covered_share: float


class CoverageModel:
    """The residents, the existing facilities of one kind and the walking limit, on one network.

    network      a core.network.WalkingNetwork
    residents    SnappedPoints of the origins (residential buildings, population points)
    population   residents per origin (NaN or negative count as 0)
    existing     SnappedPoints of the existing facilities of the kind (may be empty)
    limit_m      the walking limit (m) of the kind

    distance     per origin, walking distance to the nearest facility (existing + added sites); inf: none
    covered      per origin, True when within the limit
    One full search from the existing facilities (exact distances for the residents' means), then only
    bounded or incremental searches.
    """

    def __init__(self, network, residents, population, existing, limit_m):
        self.network = network
        self.residents = residents
        self.limit_m = float(limit_m)
        weight = np.nan_to_num(np.asarray(population, dtype=np.float64), nan=0.0)
        weight[weight < 0] = 0.0
        self.population = weight
        self.total_population = float(weight.sum())
        base = network.nearest(existing, residents)
        self.node_distance = np.array(base.node_distance, dtype=np.float64)
        self.distance = np.where(base.status == walking_network.REACHED, base.distance, np.inf)
        self.site_count = 0

    @property
    def covered(self):
        return within_limit(self.distance, self.limit_m)

    @property
    def covered_population(self):
        return float(self.population[self.covered].sum())

    @property
    def covered_share(self):
        return self.covered_population / self.total_population if self.total_population > 0 else None

    # -- candidates -----------------------------------------------------------------------------

    def candidate_coverage(self, candidates, eligible=None, only_uncovered=True, is_cancelled=None, progress=None):
        """CandidateCoverage: for each candidate (SnappedPoints), the origins within the limit of it that
        no facility covers yet (every origin within the limit with only_uncovered=False). Ineligible
        (eligible False) and unsnapped candidates cover nothing. One search bounded by the limit each."""
        network, residents = self.network, self.residents
        interesting = residents.is_snapped & (self.population > 0)
        if only_uncovered:
            interesting &= ~self.covered
        node_start, node_origin, node_extra = _origins_by_node(network, residents, interesting)
        segment_start, segment_origin = _origins_by_segment(network, residents, interesting)
        count = len(candidates)
        usable = candidates.is_snapped if eligible is None else candidates.is_snapped & np.asarray(eligible, bool)
        reach = self.limit_m * (1.0 + LIMIT_TOLERANCE)
        sets = []
        for index in range(count):
            if is_cancelled is not None and index % 256 == 0 and is_cancelled():
                break
            if progress is not None and index % 256 == 0:
                progress(index, count)
            if not usable[index]:
                sets.append(np.zeros(0, dtype=np.int64))
                continue
            sets.append(self._origins_within(candidates, index, reach, node_start, node_origin, node_extra,
                                             segment_start, segment_origin))
        sets += [np.zeros(0, dtype=np.int64)] * (count - len(sets))
        start = np.concatenate(([0], np.cumsum([len(members) for members in sets]))).astype(np.int64)
        return CandidateCoverage(start, np.concatenate(sets) if sets else np.zeros(0, dtype=np.int64))

    def _origins_within(self, candidates, index, reach, node_start, node_origin, node_extra, segment_start,
                        segment_origin):
        network, residents = self.network, self.residents
        nodes, distances = network.nodes_within(candidates.subset([index]), reach)
        counts = node_start[nodes + 1] - node_start[nodes]
        pair_node, pair_entry = _expand(np.arange(len(nodes)), node_start[nodes], counts, np.arange(len(node_origin)))
        total = distances[pair_node] + node_extra[pair_entry]
        found = [node_origin[pair_entry[total <= reach]]]
        segment = int(candidates.segment[index])
        on_segment = segment_origin[segment_start[segment]:segment_start[segment + 1]]
        if len(on_segment):  # along the shared segment, which can beat the way round through its nodes
            direct = (candidates.offset[index] + np.abs(residents.fraction[on_segment] - candidates.fraction[index])
                      * network.segment_cost[segment] + residents.offset[on_segment])
            found.append(on_segment[direct <= reach])
        return np.unique(np.concatenate(found))

    def distances_with(self, site, residents_subset=None, bound=math.inf):
        """Walking distance from one extra site (SnappedPoints of one point) to the residents (all, or the
        given origin indices), counting only the site; inf beyond `bound` (m) or unreachable."""
        network, residents = self.network, self.residents
        chosen = np.arange(len(residents)) if residents_subset is None else np.asarray(residents_subset, np.int64)
        if not len(chosen) or not site.is_snapped[0]:
            return np.full(len(chosen), np.inf)
        nodes, values = network.nodes_within(site, bound)
        node_distance = np.full(network.node_count, np.inf)
        node_distance[nodes] = values
        targets = residents.subset(chosen)
        distance = network.target_distances(targets, node_distance)
        same = targets.segment == site.segment[0]
        if same.any():
            segment = int(site.segment[0])
            direct = (site.offset[0] + np.abs(targets.fraction[same] - site.fraction[0]) * network.segment_cost[segment]
                      + targets.offset[same])
            distance[same] = np.minimum(distance[same], direct)
        distance[distance > bound] = np.inf
        return distance

    # -- adding sites -----------------------------------------------------------------------------

    def add_site(self, site):
        """Add one site (SnappedPoints of one point) as a facility: lower the residents' distances exactly
        (an incremental search that expands only what the site improves) → the origins whose distance fell."""
        network, residents = self.network, self.residents
        self.site_count += 1
        if not site.is_snapped[0]:
            return np.zeros(0, dtype=np.int64)
        changed_nodes = network.lower_node_distances(self.node_distance, site)
        touched = np.zeros(network.segment_count, dtype=bool)
        if len(changed_nodes):
            changed = np.zeros(network.node_count, dtype=bool)
            changed[changed_nodes] = True
            touched = changed[network.segment_from] | changed[network.segment_to]
        touched[site.segment[0]] = True
        on = residents.is_snapped
        candidates = np.flatnonzero(on & touched[np.where(on, residents.segment, 0)])
        if not len(candidates):
            return candidates
        targets = residents.subset(candidates)
        new = network.target_distances(targets, self.node_distance)
        same = targets.segment == site.segment[0]
        if same.any():
            segment = int(site.segment[0])
            direct = (site.offset[0] + np.abs(targets.fraction[same] - site.fraction[0]) * network.segment_cost[segment]
                      + targets.offset[same])
            new[same] = np.minimum(new[same], direct)
        better = new < self.distance[candidates]
        improved = candidates[better]
        self.distance[improved] = new[better]
        return improved


def _origins_by_node(network, residents, chosen):
    """CSR node → (origin, distance from the node to the origin: along its segment + its offset) for the
    chosen origins, each listed at both end nodes of its segment."""
    index = np.flatnonzero(chosen)
    segment = residents.segment[index]
    cost = network.segment_cost[segment]
    nodes = np.concatenate((network.segment_from[segment], network.segment_to[segment]))
    extra = np.concatenate((residents.fraction[index] * cost, (1.0 - residents.fraction[index]) * cost))
    extra = extra + np.concatenate((residents.offset[index], residents.offset[index]))
    origin = np.concatenate((index, index))
    order = np.argsort(nodes, kind="stable")
    start = np.concatenate(([0], np.cumsum(np.bincount(nodes, minlength=network.node_count)))).astype(np.int64)
    return start, origin[order], extra[order]


def _origins_by_segment(network, residents, chosen):
    """CSR segment → the chosen origins snapped onto it."""
    index = np.flatnonzero(chosen)
    segment = residents.segment[index]
    order = np.argsort(segment, kind="stable")
    start = np.concatenate(([0], np.cumsum(np.bincount(segment, minlength=network.segment_count)))).astype(np.int64)
    return start, index[order]


# ------------------------------------------------------------------------------------------------
# Maximal covering


def greedy_maximal_cover(coverage, population, initially_covered=None, max_sites=None, target_share=None,
                         total_population=None, is_cancelled=None):
    """The greedy maximal covering choice with lazy re-evaluation → [Pick, ...] in the order chosen.

    coverage           CandidateCoverage (origins each candidate would cover)
    population         residents per origin
    initially_covered  per origin, True where an existing facility already covers it (counts toward the share)
    max_sites          stop after this many sites (None: no limit)
    target_share       stop once this share (0–1) of all residents is covered (None: no target)
    total_population   the share's denominator (default: the sum of `population`)
    Stops too when no candidate covers anyone new. With neither limit, it runs until nobody more can be
    covered. Ties: the lowest candidate index. Guarantee: see the module documentation.
    """
    weight = np.nan_to_num(np.asarray(population, dtype=np.float64), nan=0.0)
    weight[weight < 0] = 0.0
    covered = np.zeros(len(weight), dtype=bool) if initially_covered is None else np.array(initially_covered, bool)
    total = float(weight.sum()) if total_population is None else float(total_population)
    covered_population = float(weight[covered].sum())
    heap = []
    for candidate in range(len(coverage)):
        members = coverage.covered_by(candidate)
        gain = float(weight[members][~covered[members]].sum())
        if gain > 0:
            heap.append((-gain, candidate))
    heapq.heapify(heap)
    picks = []
    while heap:
        if max_sites is not None and len(picks) >= max_sites:
            break
        if target_share is not None and total > 0 and covered_population >= target_share * total * (1 - 1e-12):
            break
        if is_cancelled is not None and is_cancelled():
            break
        bound, candidate = heapq.heappop(heap)
        members = coverage.covered_by(candidate)
        fresh = members[~covered[members]]
        gain = float(weight[fresh].sum())
        if gain <= 0:
            continue
        if heap and (-gain, candidate) > heap[0]:
            heapq.heappush(heap, (-gain, candidate))  # its bound was stale and another may now be better
            continue
        covered[fresh] = True
        covered_population += gain
        picks.append(Pick(candidate, len(picks) + 1, gain, covered_population,
                          covered_population / total if total > 0 else 0.0))
    return picks


# ------------------------------------------------------------------------------------------------
# One per community


@dataclass(frozen=True)
class CommunitySite:
    """The site chosen for one community that lacks the item: candidate index (-1: none possible), the
    residents' mean walking distance (m) before and after (unchanged without a site), and the residents who
    can reach no facility after it."""

    community: int
    candidate: int
    mean_before_m: Optional[float]
    mean_after_m: Optional[float]
    unreached_after: float


def best_site_per_community(model, candidates, candidate_community, lacking, community_of_origin, eligible=None,
                            is_cancelled=None):
    """For each community position in `lacking` (in that order): the candidate inside it (candidate_community
    equal to it) that minimises its residents' walking distance, added to the model before the next
    community is served → [CommunitySite, ...]. Residents farther from a candidate than from an existing
    facility keep that facility, so each candidate's search is bounded by the residents' current farthest
    distance (unbounded only when some resident reaches no facility yet)."""
    candidate_community = np.asarray(candidate_community, dtype=np.int64)
    community_of_origin = np.asarray(community_of_origin, dtype=np.int64)
    usable = candidates.is_snapped.copy()
    if eligible is not None:
        usable &= np.asarray(eligible, dtype=bool)
    chosen = []
    for community in lacking:
        if is_cancelled is not None and is_cancelled():
            break
        residents = np.flatnonzero((community_of_origin == community) & (model.population > 0))
        weight = model.population[residents]
        current = model.distance[residents]
        before, _unreached = _mean_distance(weight, current)
        options = np.flatnonzero(usable & (candidate_community == community))
        if not len(options) or not len(residents):
            chosen.append(CommunitySite(community, -1, before, before, float(weight[~np.isfinite(current)].sum())))
            continue
        bound = float(current.max()) if np.isfinite(current).all() else math.inf
        best = None
        for candidate in options.tolist():
            site = candidates.subset([candidate])
            distance = np.minimum(current, model.distances_with(site, residents, bound))
            mean, unreached = _mean_distance(weight, distance)
            key = (unreached, math.inf if mean is None else mean, candidate)
            if best is None or key < best[0]:
                best = (key, candidate, mean, unreached)
        _key, candidate, mean, unreached = best
        model.add_site(candidates.subset([candidate]))
        chosen.append(CommunitySite(community, candidate, before, mean, unreached))
    return chosen


def _mean_distance(weight, distance):
    """(population-weighted mean of the finite distances or None, residents with no finite distance)."""
    finite = np.isfinite(distance)
    reached = float(weight[finite].sum())
    mean = float((weight[finite] * distance[finite]).sum() / reached) if reached > 0 else None
    return mean, float(weight[~finite].sum())


# ------------------------------------------------------------------------------------------------
# Candidate generation


def candidates_along(pieces, spacing_m=DEFAULT_CANDIDATE_SPACING_M):
    """Candidate points along the given network pieces (core.network.ReachablePieces, e.g. the streets
    within the walking limit of residents in need) → (x, y) arrays: each piece gets ceil(length / spacing)
    points (at least one), evenly placed with half a step at both ends."""
    if not spacing_m > 0:
        raise ValueError("spacing must be > 0, not {!r}".format(spacing_m))
    length = np.hypot(pieces.x1 - pieces.x0, pieces.y1 - pieces.y0)
    keep = length > 0
    x0, y0, x1, y1, length = pieces.x0[keep], pieces.y0[keep], pieces.x1[keep], pieces.y1[keep], length[keep]
    steps = np.maximum(1, np.ceil(length / spacing_m - 1e-9)).astype(np.int64)
    owner = np.repeat(np.arange(len(steps)), steps)
    position = np.arange(int(steps.sum())) - np.repeat(np.cumsum(steps) - steps, steps)
    share = (position + 0.5) / steps[owner]
    return x0[owner] + share * (x1[owner] - x0[owner]), y0[owner] + share * (y1[owner] - y0[owner])


# ------------------------------------------------------------------------------------------------
# Eligibility by area


@dataclass(frozen=True)
class AreaRequirement:
    """A required minimum area a single facility of the item must have (the item's land or floor-area rule)."""

    rule_id: str
    attribute: str
    attribute_name: object  # standards.model.Text
    clause: str
    applies_to: str
    minimum: object  # standards.model.Threshold


def area_requirements(standard, item_code):
    """The item's required rules on the largest facility's area (facility_measure, aggregate max, a
    minimum, an attribute measured in m²): what one new site must offer. Alternatives (any_of) are left
    out: no single site has to meet them."""
    area_attributes = {attribute.code: attribute for attribute in standard.facility_attributes
                       if attribute.unit == AREA_UNIT}
    requirements = []
    for rule in standard.rules_for_item(item_code):
        measure = rule.measure
        if (rule.level != "required" or measure is None or measure.kind != measure_kinds.FACILITY_MEASURE
                or measure.aggregate != "max" or rule.min is None or measure.attribute not in area_attributes):
            continue
        requirements.append(AreaRequirement(rule.id, measure.attribute, area_attributes[measure.attribute].name,
                                            rule.clause, rule.applies_to, rule.min))
    return tuple(requirements)


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: Tuple[str, ...]     # why not (empty when eligible)
    unchecked: Tuple[str, ...]   # requirements not checked for lack of a value


def check_site(requirements, values, community_type=None, community_attributes=None, language="en"):
    """Whether one candidate can hold the item: each applicable area requirement against the candidate's
    value (values: attribute code → m² or None). A missing value is not checked (listed in `unchecked`),
    never a reason to exclude. A requirement for new or existing communities applies by the type of the
    community the candidate lies in; outside any, or of unknown type, every variant applies."""
    reasons, unchecked = [], []
    for requirement in requirements:
        if requirement.applies_to != "both" and community_type is not None and requirement.applies_to != community_type:
            continue
        minimum = requirement.minimum.resolve(community_attributes or {})
        value = values.get(requirement.attribute)
        if minimum is None or value is None or not math.isfinite(value):
            unchecked.append(requirement.rule_id)
            continue
        if value < minimum * (1.0 - LIMIT_TOLERANCE):
            reasons.append(tr("{} {:g} m² is less than the {:g} m² required ({})", _CONTEXT).format(
                requirement.attribute_name.get(language), value, minimum, requirement.clause))
    return Eligibility(not reasons, tuple(reasons), tuple(unchecked))
