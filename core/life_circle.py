"""Forming 15-minute life circles from neighbouring communities (2.4 of the guide), on plain numbers.

Where the planner has no life-circle boundaries, communities are grouped greedily: the most populous
community not yet grouped starts a circle, which takes in its nearest ungrouped neighbours one at a
time while the circle stays within the guide's service radius and population ceiling, until it
reaches the population floor. A circle that cannot reach the floor (an isolated or sparse area) is
kept: that it is too small is a finding, not an error. Deterministic: ties go to the lower index.
"""

import math
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np


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


def form_life_circles(communities: Sequence[CommunityShape], limits: GroupingLimits) -> List[List[int]]:
    """Groups of community indices (each a life circle), every community in exactly one group.

    Communities without a usable point (NaN) form circles of their own.
    """
    population = [c.population if c.population and c.population > 0 else 0.0 for c in communities]
    ungrouped = [index for index, c in enumerate(communities) if math.isfinite(c.x) and math.isfinite(c.y)]
    groups = [[index] for index, c in enumerate(communities) if not (math.isfinite(c.x) and math.isfinite(c.y))]
    while ungrouped:
        seed = max(ungrouped, key=lambda index: (population[index], -index))
        group = [seed]
        ungrouped.remove(seed)
        total = population[seed]
        while total < limits.min_population:
            joined = _nearest_that_fits(communities, population, group, ungrouped, total, limits)
            if joined is None:
                break  # nobody fits: the circle stays below the floor
            group.append(joined)
            ungrouped.remove(joined)
            total += population[joined]
        groups.append(sorted(group))
    return sorted(groups, key=lambda members: members[0])


def _nearest_that_fits(communities, population, group, ungrouped, total, limits):
    """The ungrouped community nearest to the group's centre that keeps it within the radius and the
    population ceiling, or None."""
    centre_x, centre_y = group_centre([communities[index] for index in group])
    distance = {index: math.hypot(communities[index].x - centre_x, communities[index].y - centre_y)
                for index in ungrouped}
    for candidate in sorted(ungrouped, key=lambda index: (distance[index], index)):
        if distance[candidate] > limits.max_radius_m:
            return None  # sorted: every further candidate is farther still
        if total + population[candidate] > limits.max_population:
            continue
        if group_radius([communities[index] for index in group + [candidate]]) <= limits.max_radius_m:
            return candidate
    return None
