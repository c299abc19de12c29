"""Forming 15-minute life circles from neighbouring communities (2.4 of the guide), on plain numbers.

Where the planner has no life-circle boundaries, communities are grouped greedily: the most populous
community not yet grouped starts a circle, which takes in its nearest ungrouped neighbours one at a
time while the circle stays within the guide's service radius and population ceiling, until it
reaches the population floor. A circle that cannot reach the floor (an isolated or sparse area) is
kept: that it is too small is a finding, not an error, and why it stopped growing is kept with it.
Deterministic: ties go to the lower index. Formed circles are a rough first cut: the planner's own
生活圈 or 街道 boundaries are what an assessment should use.
"""

from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np

from .network import SearchCancelled


@dataclass(frozen=True)
class CommunityShape:
    """One community as the grouping sees it: representative point, residents, boundary vertices (m)."""

    x: float
    y: float
    population: Optional[float]
    vertices: np.ndarray  # (n, 2)


@dataclass(frozen=True)
class GroupingLimits:
    min_population: float
    max_population: float
    max_radius_m: float


def group_radius(members: Sequence[CommunityShape]) -> float:
    """Farthest straight distance from the group's population-weighted centre to a member's boundary (m)."""
    centre_x, centre_y = group_centre(members)
    return max(float(np.hypot(m.vertices[:, 0] - centre_x, m.vertices[:, 1] - centre_y).max()) for m in members)


def group_centre(members: Sequence[CommunityShape]) -> Tuple[float, float]:
    """Population-weighted centre of the members' points (equal weights where population is unknown)."""
    weights = np.array([m.population if m.population and m.population > 0 else 1.0 for m in members])
    xs = np.array([m.x for m in members])
    ys = np.array([m.y for m in members])
    return float((weights * xs).sum() / weights.sum()), float((weights * ys).sum() / weights.sum())


# Why a formed circle stopped growing (FormedCircle.stop).
FLOOR_REACHED = "floor_reached"        # it reached the population floor
HEMMED_BY_RADIUS = "radius"            # below the floor: every neighbour left would take it beyond the radius
HEMMED_BY_CEILING = "ceiling"          # below the floor: the neighbours within the radius would pass the ceiling
NO_NEIGHBOUR = "no_neighbour"          # below the floor: no community left within the radius of its centre
NO_POINT = "no_point"                  # the community has no usable point: a circle of its own
STOPS = (FLOOR_REACHED, HEMMED_BY_RADIUS, HEMMED_BY_CEILING, NO_NEIGHBOUR, NO_POINT)


@dataclass(frozen=True)
class FormedCircle:
    members: List[int]   # community indices, sorted
    stop: str            # one of STOPS: why it stopped growing


def form_life_circles(communities: Sequence[CommunityShape], limits: GroupingLimits) -> List[List[int]]:
    """Groups of community indices (each a life circle), every community in exactly one group.

    Communities without a usable point (NaN) form circles of their own.
    """
    return [circle.members for circle in form_life_circles_explained(communities, limits)]


def form_life_circles_explained(communities: Sequence[CommunityShape], limits: GroupingLimits,
                                cancelled: Optional[Callable[[], bool]] = None) -> List[FormedCircle]:
    """form_life_circles, each group with why it stopped growing (FormedCircle). `cancelled()`, asked once per
    circle, stops the forming with core.network.SearchCancelled.

    Cost: each join computes the distance from the circle's centre to every community not yet grouped
    (one numpy pass over n) and tries the few within the radius nearest first, so forming C circles by J
    joins costs O((C + J) · n) array operations plus O(k log k) per join for the k candidates within the
    radius; about 1 s for 3,000 communities.
    """
    count = len(communities)
    xs = np.array([c.x for c in communities], dtype=float)
    ys = np.array([c.y for c in communities], dtype=float)
    population = np.array([c.population if c.population and c.population > 0 else 0.0 for c in communities])
    weight = np.where(population > 0, population, 1.0)  # as group_centre: equal weights where unknown
    usable = np.isfinite(xs) & np.isfinite(ys)
    ungrouped = usable.copy()
    circles = [FormedCircle([index], NO_POINT) for index in np.flatnonzero(~usable).tolist()]
    # The seed order: most populous first, ties to the lower index; skipped once grouped.
    seeds = sorted(np.flatnonzero(usable).tolist(), key=lambda index: (-population[index], index))
    for seed in seeds:
        if not ungrouped[seed]:
            continue
        if cancelled is not None and cancelled():
            raise SearchCancelled()
        group = [seed]
        ungrouped[seed] = False
        total = population[seed]
        stop = FLOOR_REACHED
        while total < limits.min_population:
            joined, stop = _nearest_that_fits(communities, xs, ys, population, weight, ungrouped, group, total,
                                              limits)
            if joined is None:
                break  # nobody fits: the circle stays below the floor
            group.append(joined)
            ungrouped[joined] = False
            total += population[joined]
        else:
            stop = FLOOR_REACHED
        circles.append(FormedCircle(sorted(group), stop))
    return sorted(circles, key=lambda circle: circle.members[0])


def _nearest_that_fits(communities, xs, ys, population, weight, ungrouped, group, total, limits):
    """(the ungrouped community nearest to the group's centre that keeps it within the radius and the
    population ceiling, or None; and why none when None)."""
    members = np.array(group)
    centre_x = float((weight[members] * xs[members]).sum() / weight[members].sum())
    centre_y = float((weight[members] * ys[members]).sum() / weight[members].sum())
    candidates = np.flatnonzero(ungrouped)
    distance = np.hypot(xs[candidates] - centre_x, ys[candidates] - centre_y)
    near = distance <= limits.max_radius_m
    if not near.any():
        return None, NO_NEIGHBOUR
    candidates, distance = candidates[near], distance[near]
    order = np.lexsort((candidates, distance))  # nearest first, ties to the lower index
    hemmed_by = HEMMED_BY_CEILING
    shapes = [communities[index] for index in group]
    for candidate in candidates[order].tolist():
        if total + population[candidate] > limits.max_population:
            continue
        hemmed_by = HEMMED_BY_RADIUS
        if group_radius(shapes + [communities[candidate]]) <= limits.max_radius_m:
            return candidate, None
    return None, hemmed_by
