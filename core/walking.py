"""Walking access as the guide measures it, on plain arrays (no QGIS): which categories to route and to
what limit, the straight-line fallback, and how residents' distances add up to a community's.

The network itself (snapping, shortest paths, service areas) is core/network.py.
"""

from dataclasses import dataclass
from typing import Optional

import numpy as np

from .status import ADVISORY, FAIL, INFO, NO_DATA, PASS
from ..standards import measure_kinds

LEVEL_RANK = {"required": 0, "recommended": 1, "conditional": 2, "informative": 3}

# Straight line × this ≈ walking distance on an urban street grid when no network is given: a
# rectangular grid gives 4/π ≈ 1.27 on average; 1.4 also covers blocks that must be walked around.
DEFAULT_DETOUR_FACTOR = 1.4
_CHUNK = 4096  # targets per block in the straight-line search: bounds the temporary matrix


@dataclass(frozen=True)
class CategoryLimit:
    """How far residents should walk to one facility category, and the rule that says so.

    `limit_m` is None for a category only an informative rule names without a distance (the guide lists
    the facility but sets no limit): its distance is measured and reported, never judged.
    """

    category: str
    limit_m: Optional[float]
    rule_id: str
    scope: str  # "community" or "life_circle"
    level: str = "required"

    def status_of(self, metres):
        """The access status of one distance: pass within the limit; beyond it fail for a required limit,
        advisory for a recommended one, info where there is no limit or the rule only informs."""
        if metres is None:
            return NO_DATA
        if self.limit_m is None or self.level == "informative":
            return INFO
        if metres <= self.limit_m * (1 + 1e-9):
            return PASS
        return FAIL if self.level == "required" else ADVISORY


def category_limits(standard):
    """{category code: CategoryLimit} for every category a walking-distance rule names, in standard order.

    A category's limit is that of the rule of its own item (required before recommended), else the
    strictest community rule naming it, else its life-circle rule. Limits in minutes are converted
    with the standard's walking speed. A category that only threshold-less rules name has no limit.
    """
    speed = standard.walking_speed_m_per_min
    candidates = {}
    for rule in standard.rules:
        for part in (rule,) + tuple(rule.options):
            if not measure_kinds.is_walking_measure(part.measure):
                continue
            if part.max is not None and part.max.is_proportional:
                continue
            limit = float(part.max.value) * (speed if part.unit == "min" else 1.0) if part.max is not None else None
            scope = standard.item(rule.item).scope
            for category in part.measure.categories:
                try:
                    own_item = standard.category(category).item == rule.item
                except KeyError:
                    own_item = False
                rank = (limit is None, 0 if scope == "community" else 1, 0 if own_item else 1,
                        LEVEL_RANK.get(part.level, len(LEVEL_RANK)), limit if limit is not None else 0.0)
                candidates.setdefault(category, []).append(
                    (rank, CategoryLimit(category, limit, rule.id, scope, part.level)))
    order = {category.code: position for position, category in enumerate(standard.categories)}
    return {code: min(options, key=lambda pair: pair[0])[1]
            for code, options in sorted(candidates.items(), key=lambda pair: order.get(pair[0], len(order)))}


def straight_line_nearest(source_x, source_y, target_x, target_y, detour_factor=DEFAULT_DETOUR_FACTOR):
    """(distance, source index) per target: straight-line distance to the nearest source × detour_factor.

    inf and -1 where there is no source or the target's coordinates are not finite.
    """
    source_x, source_y = np.asarray(source_x, float), np.asarray(source_y, float)
    target_x, target_y = np.asarray(target_x, float), np.asarray(target_y, float)
    distance = np.full(len(target_x), np.inf)
    nearest = np.full(len(target_x), -1, dtype=np.int64)
    usable = np.isfinite(source_x) & np.isfinite(source_y)
    source_index = np.flatnonzero(usable)
    if not len(source_index):
        return distance, nearest
    sx, sy = source_x[source_index], source_y[source_index]
    for start in range(0, len(target_x), _CHUNK):
        stop = min(start + _CHUNK, len(target_x))
        squared = (target_x[start:stop, None] - sx[None, :]) ** 2 + (target_y[start:stop, None] - sy[None, :]) ** 2
        best = np.argmin(squared, axis=1)
        value = np.sqrt(squared[np.arange(stop - start), best]) * detour_factor
        finite = np.isfinite(value)
        distance[start:stop][finite] = value[finite]
        nearest[start:stop][finite] = source_index[best[finite]]
    return distance, nearest


@dataclass(frozen=True)
class ResidentsAccess:
    """One community's residents and one category: population-weighted walking distance and coverage.

    mean_m          population-weighted mean distance of the residents who can reach a facility (None
                    if none can)
    covered_share   share (0–1) of all residents within the limit; None without residents
    reached, unreached, population   residents who can / cannot reach one (unreachable, off the
                    network), and all residents
    """

    mean_m: Optional[float]
    covered_share: Optional[float]
    reached: float
    unreached: float
    population: float


def residents_access(community_of_origin, population, distance, limit_m, community_count):
    """ResidentsAccess per community from per-origin arrays.

    community_of_origin  community position of each origin (-1: in none, ignored)
    population           residents of each origin (NaN or negative count as 0)
    distance             walking distance of each origin to the category (inf: cannot reach)
    """
    community_of_origin = np.asarray(community_of_origin, dtype=np.int64)
    weight = np.nan_to_num(np.asarray(population, float), nan=0.0)
    weight[weight < 0] = 0.0
    distance = np.asarray(distance, float)
    inside = community_of_origin >= 0
    groups, weight, distance = community_of_origin[inside], weight[inside], distance[inside]
    reachable = np.isfinite(distance)
    total = np.bincount(groups, weights=weight, minlength=community_count)
    reached = np.bincount(groups[reachable], weights=weight[reachable], minlength=community_count)
    # only reachable origins are weighted: an unreachable one (inf) of no residents would give 0 × inf = NaN
    weighted = np.bincount(groups[reachable], weights=weight[reachable] * distance[reachable],
                           minlength=community_count)
    covered_mask = reachable & (distance <= (limit_m if limit_m is not None else -np.inf) * (1 + 1e-9))
    covered = np.bincount(groups[covered_mask], weights=weight[covered_mask], minlength=community_count)
    results = []
    for position in range(community_count):
        people = float(total[position])
        results.append(ResidentsAccess(
            mean_m=float(weighted[position] / reached[position]) if reached[position] > 0 else None,
            covered_share=float(covered[position] / people) if people > 0 and limit_m is not None else None,
            reached=float(reached[position]), unreached=people - float(reached[position]), population=people))
    return results
