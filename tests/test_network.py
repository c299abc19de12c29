"""The walking-network engine (core/network.py), without QGIS.

Small networks with hand-computed answers first, then random networks against an independent
brute-force reference written here: every snapped point is inserted into the graph as a node of its
own (its segment split there) and a plain Dijkstra runs from each source separately.
"""

import heapq
import math
import random

import numpy as np
import pytest

from complete_community.core import network as network_module
from complete_community.core.network import (BEYOND_CUTOFF, NOT_SNAPPED, REACHED, SNAP_TIE_TOLERANCE, UNREACHABLE,
                                             WalkingNetwork)

INF = math.inf


@pytest.fixture(autouse=True, params=network_module.ENGINES)
def engine(request, monkeypatch):
    """Every test of this module runs with each graph engine available (scipy and the Python fallback)."""
    monkeypatch.setattr(network_module, "DEFAULT_ENGINE", request.param)
    return request.param

# A street (0,0)–(100,0)–(200,0), a side street up from (100,0), and a separate piece far away.
STREET = [(0, 0), (100, 0), (200, 0)]
SIDE_STREET = [(100, 0), (100, 100)]
ISLAND = [(1000, 1000), (1100, 1000)]


def street_network(**options):
    return WalkingNetwork([STREET, SIDE_STREET, ISLAND], **options)


def snap(network, points, max_distance=INF):
    return network.snap([p[0] for p in points], [p[1] for p in points], max_distance)


def flat(points):
    """[(x, y), ...] → [x, y, ...], for pytest.approx."""
    return [value for point in points for value in point]


def polyline_length(points):
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(points[:-1], points[1:]))


# ------------------------------------------------------------------------------------------------
# Building the graph


def test_every_vertex_is_a_node_and_shared_vertices_connect():
    network = street_network()
    assert (network.node_count, network.segment_count) == (6, 4)
    assert network.segment_length.tolist() == [100, 100, 100, 100]
    assert network.segment_line.tolist() == [0, 0, 1, 2]
    assert not network.problems
    components = network.components()
    assert components.count == 2
    assert components.length.tolist() == [300, 100]  # numbered longest first: 0 is the street network
    assert components.segment_component.tolist() == [0, 0, 0, 1]
    assert components.segment_count.tolist() == [3, 1]


@pytest.mark.parametrize("second_line, tolerance, connected", [
    ([(100.0004, 0.0003), (100, 100)], 0.001, True),    # same millimetre: one node
    ([(100.0, 0.0), (100, 100)], 0.001, True),           # identical coordinates
    ([(100.5, 0.0), (100, 100)], 0.001, False),          # half a metre apart: two dead ends
    ([(100.4, 0.3), (100, 100)], 1.0, True),             # a coarse tolerance merges them
    ([(50, -50), (50, 50)], 0.001, False),               # crossing without a shared vertex: a bridge
])
def test_node_merging(second_line, tolerance, connected):
    network = WalkingNetwork([[(0, 0), (100, 0)], second_line], node_tolerance=tolerance)
    points = snap(network, [(0, 0), (100, 100) if second_line[-1] == (100, 100) else (50, 50)])
    result = network.nearest(points.subset([0]), points.subset([1]))
    assert result.status[0] == (REACHED if connected else UNREACHABLE)
    if connected:
        assert network.node_count == 3
        assert result.distance[0] == pytest.approx(200, abs=1e-3)
    else:
        assert network.components().count == 2
        assert result.distance[0] == INF and result.source[0] == -1


def test_lines_that_cannot_be_used_are_reported_not_fatal():
    lines = [
        [(0, 0), (100, 0)],                 # 0 fine
        [(5, 5)],                           # 1 one vertex
        [(7, 7), (7, 7), (7.0002, 7)],      # 2 one distinct vertex after merging
        [],                                 # 3 empty
        [(0, 0), (math.nan, 3)],            # 4 NaN coordinate
        [(100, 0), (200, 0)],               # 5 invalid factor
        [(100, 0), (100, 0), (100, 50)],    # 6 fine, with a repeated vertex
        [(100, 50), (100, 80)],             # 7 no factor (None)
    ]
    network = WalkingNetwork(lines, cost_factors=[1, 1, 1, 1, 1, 0, 2, None])
    problems = network.problems
    assert problems.degenerate_lines == (1, 2, 3)
    assert problems.non_finite_lines == (4,)
    assert problems.invalid_cost_lines == (5, 7)
    assert problems.skipped_lines == (1, 2, 3, 4, 5, 7)
    assert problems.zero_length_segments == 3  # (7,7)-(7,7), (7,7)-(7.0002,7) and (100,0)-(100,0)
    assert bool(problems)
    assert network.segment_line.tolist() == [0, 6]
    assert network.segment_cost.tolist() == [100, 100]
    assert network.node_count == 3  # the skipped lines leave no isolated nodes behind


def test_numpy_lines_and_bad_arguments():
    network = WalkingNetwork([np.array([[0.0, 0.0], [10.0, 0.0]]), np.array([[10.0, 0.0], [10.0, 5.0]])])
    assert network.segment_length.tolist() == [10, 5]
    with pytest.raises(ValueError, match="cost_factors has 1 values for 2 lines"):
        WalkingNetwork([STREET, SIDE_STREET], cost_factors=[1])
    with pytest.raises(ValueError, match="node_tolerance"):
        WalkingNetwork([STREET], node_tolerance=0)
    with pytest.raises(ValueError, match="max_distance"):
        network.snap([0], [0], -1)
    with pytest.raises(ValueError, match="xs and ys"):
        network.snap([0, 1], [0], 5)
    other = street_network()
    foreign = snap(other, [(0, 0)])
    with pytest.raises(ValueError, match="sources must be SnappedPoints from this network"):
        network.nearest(foreign, snap(network, [(0, 0)]))
    with pytest.raises(ValueError, match="targets must be SnappedPoints from this network"):
        network.nearest(snap(network, [(0, 0)]), foreign)
    with pytest.raises(ValueError, match="cutoff"):
        network.nearest(snap(network, [(0, 0)]), snap(network, [(0, 0)]), cutoff=-5)


def test_an_empty_network_snaps_nothing():
    network = WalkingNetwork([])
    points = network.snap([0, 5], [0, 5])
    assert points.segment.tolist() == [-1, -1] and points.offset.tolist() == [INF, INF]
    result = network.nearest(points, points)
    assert result.status.tolist() == [NOT_SNAPPED, NOT_SNAPPED]
    assert network.components().count == 0
    assert len(network.reachable_edges(points, 100)) == 0


# ------------------------------------------------------------------------------------------------
# Snapping


@pytest.mark.parametrize("point, max_distance, segment, fraction, snapped, offset", [
    ((30, 10), 20, 0, 0.3, (30, 0), 10),              # foot in the middle of a segment
    ((130, -4), 20, 1, 0.3, (130, 0), 4),
    ((-5, 0), 20, 0, 0.0, (0, 0), 5),                 # beyond the end: clamped to the end vertex
    ((100, 0), 20, 0, 1.0, (100, 0), 0),              # exactly on a shared vertex: the lowest segment
    ((100, 40), 20, 2, 0.4, (100, 40), 0),            # exactly on a segment
    ((108, 50), 20, 2, 0.5, (100, 50), 8),
    ((50, 20), 20, 0, 0.5, (50, 0), 20),              # exactly at max_distance: snapped
    ((50, 20.001), 20, -1, None, None, INF),          # just beyond: not snapped
    ((500, 500), 100, -1, None, None, INF),           # far from everything
    ((500, 500), INF, 2, 1.0, (100, 100), math.hypot(400, 400)),  # no limit: always snapped
    ((math.nan, 0), INF, -1, None, None, INF),        # no coordinates
])
def test_snap(point, max_distance, segment, fraction, snapped, offset):
    points = snap(street_network(), [point], max_distance)
    assert points.segment[0] == segment
    assert points.offset[0] == pytest.approx(offset, abs=1e-9)
    assert points.is_snapped[0] == (segment >= 0)
    if segment >= 0:
        assert points.fraction[0] == pytest.approx(fraction, abs=1e-12)
        assert (points.snapped_x[0], points.snapped_y[0]) == pytest.approx(snapped, abs=1e-9)
    else:
        assert math.isnan(points.fraction[0]) and math.isnan(points.snapped_x[0])
    assert (points.x[0], points.y[0]) == (point[0], point[1]) or math.isnan(point[0])


@pytest.mark.parametrize("max_distance, pair_budget", [(25.0, None), (INF, None), (25.0, 64), (INF, 64)])
def test_snapping_finds_the_nearest_segment_among_thousands(max_distance, pair_budget, monkeypatch):
    """Grid search against checking every segment: short and very long segments, points inside
    and far outside the network (which exercises the brute-force fallback with max_distance inf);
    a tiny pair budget makes every grid ring run in many slices."""
    if pair_budget is not None:
        monkeypatch.setattr(network_module, "_PAIR_BUDGET", pair_budget)
    rng = np.random.default_rng(7)
    start = rng.uniform(0, 2000, (3000, 2))
    length = np.where(rng.random(3000) < 0.03, rng.uniform(500, 2500, 3000), rng.uniform(0.5, 40, 3000))
    angle = rng.uniform(0, 2 * math.pi, 3000)
    end = start + np.c_[np.cos(angle), np.sin(angle)] * length[:, None]
    network = WalkingNetwork([[tuple(a), tuple(b)] for a, b in zip(start, end)])
    assert network.segment_count == 3000
    xs = np.r_[rng.uniform(-100, 2100, 3000), rng.uniform(-20000, 20000, 40)]
    ys = np.r_[rng.uniform(-100, 2100, 3000), rng.choice([-15000.0, 17000.0], 40)]
    points = network.snap(xs, ys, max_distance)

    ax, ay, bx, by = start[:, 0], start[:, 1], end[:, 0], end[:, 1]
    nearest_distance = np.empty(len(xs))
    nearest_segment = np.empty(len(xs), dtype=np.int64)
    second_distance = np.empty(len(xs))
    for index, (px, py) in enumerate(zip(xs, ys)):
        dx, dy = bx - ax, by - ay
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1)
        distance = np.hypot(ax + t * dx - px, ay + t * dy - py)
        order = np.argsort(distance, kind="stable")
        nearest_segment[index], nearest_distance[index], second_distance[index] = order[0], distance[order[0]], \
            distance[order[1]]
    within = nearest_distance <= max_distance
    assert 0 < within.sum() < len(xs) or max_distance == INF
    assert np.array_equal(points.is_snapped, within)
    assert np.allclose(points.offset[within], nearest_distance[within], rtol=0, atol=1e-7)
    clear = within & (second_distance - nearest_distance > 1e-6)  # no tie between two segments
    assert np.array_equal(points.segment[clear], nearest_segment[clear])
    assert np.all(np.isinf(points.offset[~within]))


# ------------------------------------------------------------------------------------------------
# Nearest source


@pytest.mark.parametrize("case, sources, target, total, network_part, nearest", [
    # A source in the middle of the second segment, a target on the first: the partial segments
    # count (50 + 80), not the distance to or from a vertex.
    ("middle of edges", [(150, 5)], (20, -3), 5 + 130 + 3, 130, 0),
    ("exactly on vertices", [(0, 0)], (100, 100), 200, 200, 0),
    ("same segment", [(20, 0)], (70, 0), 50, 50, 0),
    ("same segment, offsets", [(20, 4)], (70, -3), 4 + 50 + 3, 50, 0),
    ("same point", [(130, 0)], (130, 0), 0, 0, 0),
    # Several sources on one segment: the nearest along it wins.
    ("three on one segment", [(10, 0), (60, 1), (95, 9)], (75, 0), 16, 15, 1),
    ("nearer via the side street", [(100, 90), (0, 0)], (100, 0), 90, 90, 0),
    # The nearest by total distance, snap offsets included: 0 m along the street but 20 m off it
    # loses to 15 m along it.
    ("offsets decide", [(140, 20), (155, 0)], (140, 0), 15, 15, 1),
])
def test_nearest_hand_computed(case, sources, target, total, network_part, nearest):
    network = street_network()
    result = network.nearest(snap(network, sources), snap(network, [target]))
    assert result.status[0] == REACHED, case
    assert result.distance[0] == pytest.approx(total, abs=1e-9), case
    assert result.network_distance[0] == pytest.approx(network_part, abs=1e-9), case
    assert result.source[0] == nearest, case


def test_unreachable_and_unsnapped_points():
    network = street_network()
    sources = snap(network, [(50, 0), (5000, 5000)], max_distance=50)  # the second is not snapped
    targets = snap(network, [(1050, 1000), (1050, 1200), (180, 2)], max_distance=50)
    result = network.nearest(sources, targets)
    # The island is another connected piece: unreachable, with inf, not 0 and not a huge number.
    assert result.status.tolist() == [UNREACHABLE, NOT_SNAPPED, REACHED]
    assert result.distance.tolist()[:2] == [INF, INF]
    assert result.network_distance.tolist()[:2] == [INF, INF]
    assert result.source.tolist() == [-1, -1, 0]
    assert result.distance[2] == pytest.approx(132)
    assert result.route(0) is None and result.route(1) is None
    # No snapped source at all, or no source: every snapped target is unreachable.
    for no_source in (sources.subset([1]), sources.subset([])):
        nobody = network.nearest(no_source, targets, cutoff=1000)
        assert nobody.status.tolist() == [UNREACHABLE, NOT_SNAPPED, UNREACHABLE]


@pytest.mark.parametrize("factors, total, network_part", [
    ([1, 1, 1], 5 + 100 + 50 + 2, 150),
    ([3, 1, 1], 5 + 3 * 150 + 2, 450),      # the whole street is slow; offsets are plain metres
    ([1, 3, 1], 5 + 150 + 2, 150),          # only the side street is slow
    ([0.5, 1, 1], 5 + 75 + 2, 75),
])
def test_cost_factors_scale_the_network_part_only(factors, total, network_part):
    network = WalkingNetwork([STREET, SIDE_STREET, ISLAND], cost_factors=factors)
    result = network.nearest(snap(network, [(0, 5)]), snap(network, [(150, -2)]))
    assert result.distance[0] == pytest.approx(total)
    assert result.network_distance[0] == pytest.approx(network_part)


def test_going_round_can_beat_the_direct_way_along_a_slow_segment():
    """A–B is slow (factor 5); A–C–B is a normal path. A source and a target on A–B near either end:
    along A–B costs 400, round through C 50 + 141.42 + 50."""
    network = WalkingNetwork([[(0, 0), (100, 0)], [(0, 0), (50, 50), (100, 0)]], cost_factors=[5, 1])
    result = network.nearest(snap(network, [(10, -1)]), snap(network, [(90, -2)]))
    round_about = 50 + 2 * math.hypot(50, 50) + 50
    assert result.network_distance[0] == pytest.approx(round_about)
    assert result.distance[0] == pytest.approx(1 + round_about + 2)
    assert flat(result.route(0)) == pytest.approx(flat([(90, 0), (100, 0), (50, 50), (0, 0), (10, 0)]))
    assert flat(result.route(0, include_offsets=True)) == pytest.approx(
        flat([(90, -2), (90, 0), (100, 0), (50, 50), (0, 0), (10, 0), (10, -1)]))
    # Without the slow factor the direct way wins: a route along the segment only.
    plain = WalkingNetwork([[(0, 0), (100, 0)], [(0, 0), (50, 50), (100, 0)]])
    direct = plain.nearest(snap(plain, [(10, -1)]), snap(plain, [(90, -2)]))
    assert direct.network_distance[0] == pytest.approx(80)
    assert flat(direct.route(0)) == pytest.approx(flat([(90, 0), (10, 0)]))


@pytest.mark.parametrize("cutoff, target, status, distance", [
    (None, (150, 0), REACHED, 150),
    (150, (150, 0), REACHED, 150),            # exactly at the cutoff: included
    (149.9, (150, 0), BEYOND_CUTOFF, INF),
    (155, (150, 10), BEYOND_CUTOFF, INF),     # the network part (150) fits, the walk with its offset does not
    (160, (150, 10), REACHED, 160),
    (0, (0, 0), REACHED, 0),
    (30, (20, 0), REACHED, 20),               # on the source's segment: found without leaving it
    (10, (20, 0), BEYOND_CUTOFF, INF),
    (5000, (1050, 1000), UNREACHABLE, INF),   # another piece: unreachable whatever the cutoff
    (10, (1050, 1000), UNREACHABLE, INF),
])
def test_cutoff(cutoff, target, status, distance):
    network = street_network()
    result = network.nearest(snap(network, [(0, 0)]), snap(network, [target]), cutoff=cutoff)
    assert result.status[0] == status
    assert result.distance[0] == pytest.approx(distance)
    assert result.cutoff == (INF if cutoff is None else cutoff)
    if status != REACHED:
        assert result.source[0] == -1 and result.network_distance[0] == INF


def test_route_follows_the_network_to_the_nearest_source():
    network = street_network()
    result = network.nearest(snap(network, [(100, 80), (0, -3)]), snap(network, [(160, 4), (40, 0)]))
    assert result.source.tolist() == [0, 1]
    assert flat(result.route(0)) == pytest.approx(flat([(160, 0), (100, 0), (100, 80)]))
    assert flat(result.route(1)) == pytest.approx(flat([(40, 0), (0, 0)]))
    # The target is on the road already: no leg of its own; the source's 3 m leg at the end.
    assert flat(result.route(1, include_offsets=True)) == pytest.approx(flat([(40, 0), (0, 0), (0, -3)]))
    for target in (0, 1):
        assert polyline_length(result.route(target)) == pytest.approx(result.network_distance[target])
        assert polyline_length(result.route(target, include_offsets=True)) == pytest.approx(result.distance[target])


# ------------------------------------------------------------------------------------------------
# Service areas

CROSS = [[(0, 0), (100, 0)], [(0, 0), (-100, 0)], [(0, 0), (0, 100)], [(0, 0), (0, -100)]]
GRID_3X3 = ([[(0, y), (100, y), (200, y)] for y in (0, 100, 200)]
            + [[(x, 0), (x, 100), (x, 200)] for x in (0, 100, 200)])


@pytest.mark.parametrize("lines, sources, limit, count_offset, total", [
    (CROSS, [(0, 0)], 60, True, 4 * 60),
    (CROSS, [(0, 50)], 80, True, 50 + 50 + 3 * 30),          # up to the arm's end; down and round the centre
    (CROSS, [(5, 50)], 80, True, 50 + 50 + 3 * 25),          # 5 m of the limit used to reach the street
    (CROSS, [(5, 50)], 80, False, 50 + 50 + 3 * 30),
    (CROSS, [(0, 0)], 1000, True, 400),
    (CROSS, [(0, 200)], 80, True, 0),                        # 100 m from the street: reaches nothing
    (CROSS, [(0, 50), (0, -50)], 60, True, 200 + 2 * 10),    # overlapping areas are counted once
    (CROSS, [(0, 30), (0, 60)], 20, True, 80 - 10),          # two sources on one segment: 10..80
    (GRID_3X3, [(100, 100)], 150, True, 4 * 100 + 8 * 50),
    (GRID_3X3, [(50, 100)], 100, True, 100 + 100 + 150),
    (GRID_3X3, [(100, 100)], 0, True, 0),
])
def test_reachable_edges_total_length(lines, sources, limit, count_offset, total):
    network = WalkingNetwork(lines)
    pieces = network.reachable_edges(snap(network, sources), limit, count_source_offset=count_offset)
    assert pieces.total_length == pytest.approx(total, abs=1e-9)
    assert np.all(pieces.end_fraction > pieces.start_fraction)
    assert len(pieces.polylines()) == len(pieces)


def test_reachable_edges_cut_exactly_at_the_limit():
    network = WalkingNetwork(GRID_3X3)
    pieces = network.reachable_edges(snap(network, [(50, 100)]), 100)
    ends = {(round(x, 6), round(y, 6)) for line in pieces.polylines() for x, y in line}
    # The source's own segment is one piece (0,100)–(100,100); the others stop 50 m past its ends.
    assert ends == {(0, 50), (0, 100), (0, 150), (100, 50), (100, 100), (100, 150), (150, 100)}


def test_service_areas_one_source_at_a_time():
    network = WalkingNetwork(CROSS)
    sources = snap(network, [(0, 50), (5000, 0), (0, -50)], max_distance=10)
    areas = list(network.service_areas(sources, 60))
    assert [index for index, _ in areas] == [0, 2]  # the unsnapped source is skipped
    assert [pieces.total_length for _, pieces in areas] == pytest.approx([50 + 50 + 3 * 10] * 2)


# ------------------------------------------------------------------------------------------------
# Random networks against a brute-force reference


def random_city(seed, with_cost_factors=True):
    """Lines of a jittered 10 × 10 street grid (50 m) with missing sides, bends, a few diagonals and
    a separate closed triangular path; cost factors; about 300 segments."""
    rng = random.Random(seed)
    corner = {(i, j): (i * 50 + rng.uniform(-12, 12), j * 50 + rng.uniform(-12, 12))
              for i in range(10) for j in range(10)}
    lines = []
    for (i, j), point in corner.items():
        for di, dj in ((1, 0), (0, 1), (1, 1)):
            other = corner.get((i + di, j + dj))
            if other is None or rng.random() < (0.15 if di + dj == 1 else 0.85):
                continue
            bend = ((point[0] + other[0]) / 2 + rng.uniform(-6, 6), (point[1] + other[1]) / 2 + rng.uniform(-6, 6))
            lines.append([point, bend, other] if rng.random() < 0.6 else [point, other])
    # Some longer polylines through several corners (sharing their vertices with the grid streets).
    for j in range(0, 10, 3):
        lines.append([corner[(i, j)] for i in range(10)])
    lines.append([(900, 900), (960, 900), (930, 950), (900, 900)])  # a separate closed path
    factors = [rng.choice([1, 1, 1.5, 2.25]) if with_cost_factors else 1 for _ in lines]
    return lines, factors


def random_points(seed, lines, count, near_separate_piece=0):
    rng = random.Random(seed + 1000)
    points = [(rng.uniform(-40, 490), rng.uniform(-40, 490)) for _ in range(count)]
    points += [(rng.uniform(890, 970), rng.uniform(890, 960)) for _ in range(near_separate_piece)]
    points += [lines[k][0] for k in range(0, 12, 3)]  # exactly on vertices
    return points


class ReferenceNetwork:
    """Independent of the engine: plain Python, every snapped point becomes a node of the graph."""

    def __init__(self, lines, factors):
        self.segments = []  # (a, b, length, factor)
        for line, factor in zip(lines, factors):
            for a, b in zip(line[:-1], line[1:]):
                if a != b:
                    self.segments.append((a, b, math.hypot(b[0] - a[0], b[1] - a[1]), factor))

    def snap(self, point, max_distance):
        """(segment, fraction, offset) of the nearest segment, first one on ties; None beyond max_distance."""
        best = None
        for index, (a, b, length, _) in enumerate(self.segments):
            dx, dy = b[0] - a[0], b[1] - a[1]
            t = min(1.0, max(0.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / (length * length)))
            distance = math.hypot(a[0] + t * dx - point[0], a[1] + t * dy - point[1])
            if best is None or distance < best[2]:
                best = (index, t, distance)
        return best if best is not None and best[2] <= max_distance else None

    def snaps(self, point, max_distance):
        """Every (segment, fraction, offset) within SNAP_TIE_TOLERANCE of the nearest (and max_distance): a point
        walks from each of them."""
        best = self.snap(point, max_distance)
        if best is None:
            return []
        found = []
        for index, (a, b, length, _) in enumerate(self.segments):
            dx, dy = b[0] - a[0], b[1] - a[1]
            t = min(1.0, max(0.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / (length * length)))
            distance = math.hypot(a[0] + t * dx - point[0], a[1] + t * dy - point[1])
            if distance <= min(best[2] + SNAP_TIE_TOLERANCE, max_distance):
                found.append((index, t, distance))
        return found

    def graph(self, placed):
        """Adjacency {node: [(node, cost)]} with each placed point (key → (segment, fraction)) inserted."""
        on_segment = {}
        for key, (segment, fraction) in placed.items():
            on_segment.setdefault(segment, []).append((fraction, key))
        adjacency = {}
        for index, (a, b, length, factor) in enumerate(self.segments):
            chain = [(0.0, a)] + sorted(on_segment.get(index, [])) + [(1.0, b)]
            for (t0, n0), (t1, n1) in zip(chain[:-1], chain[1:]):
                cost = (t1 - t0) * length * factor
                adjacency.setdefault(n0, []).append((n1, cost))
                adjacency.setdefault(n1, []).append((n0, cost))
        return adjacency

    @staticmethod
    def dijkstra(adjacency, start, initial=0.0):
        distance = {start: initial}
        heap = [(initial, 0, start)]
        counter = 1  # node keys mix tuples of floats and strings: never compare them
        while heap:
            value, _, node = heapq.heappop(heap)
            if value > distance[node]:
                continue
            for other, cost in adjacency.get(node, ()):
                if value + cost < distance.get(other, INF):
                    distance[other] = value + cost
                    heapq.heappush(heap, (value + cost, counter, other))
                    counter += 1
        return distance


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_network_against_brute_force(seed):
    lines, factors = random_city(seed)
    network = WalkingNetwork(lines, factors)
    reference = ReferenceNetwork(lines, factors)
    assert network.segment_count == len(reference.segments) > 250
    max_distance = 18.0
    source_points = random_points(seed, lines, 25)
    rng = random.Random(seed)
    # Targets: random ones, the separate piece, vertices, and ones right next to sources (same segment).
    target_points = random_points(seed + 50, lines, 120, near_separate_piece=6)
    target_points += [(x + rng.uniform(-3, 3), y + rng.uniform(-3, 3)) for x, y in source_points[:15]]
    sources = snap(network, source_points, max_distance)
    targets = snap(network, target_points, max_distance)

    placed = {}
    expected_offset = {}
    legs = {}  # point → [(its place on a street, offset)]: a point walks from every street within the tie tolerance
    for kind, points, snapped in (("s", source_points, sources), ("t", target_points, targets)):
        for index, point in enumerate(points):
            found = reference.snap(point, max_distance)
            assert snapped.is_snapped[index] == (found is not None)
            for number, (segment, fraction, offset) in enumerate(reference.snaps(point, max_distance)):
                placed[(kind, index, number)] = (segment, fraction)
                legs.setdefault((kind, index), []).append(((kind, index, number), offset))
            if found is not None:
                expected_offset[(kind, index)] = found[2]
                assert snapped.offset[index] == pytest.approx(found[2], abs=1e-9)
                segment = reference.segments[found[0]]
                foot = (segment[0][0] + found[1] * (segment[1][0] - segment[0][0]),
                        segment[0][1] + found[1] * (segment[1][1] - segment[0][1]))
                assert (snapped.snapped_x[index], snapped.snapped_y[index]) == pytest.approx(foot, abs=1e-9)
    assert 5 < sources.is_snapped.sum() < len(sources) and 40 < targets.is_snapped.sum() < len(targets)

    adjacency = reference.graph(placed)
    # One way only: out of a source point onto its streets, off the streets into a target point, so no walk passes
    # through a point from one street to another.
    for (kind, index), places in legs.items():
        for place, offset in places:
            if kind == "s":
                adjacency.setdefault(("s", index), []).append((place, offset))
            else:
                adjacency.setdefault(place, []).append((("t", index), offset))
    from_source = {index: reference.dijkstra(adjacency, ("s", index))
                   for index in range(len(sources)) if sources.is_snapped[index]}

    def walk(source, target):
        return from_source[source].get(("t", target), INF)

    expected = []
    for target in range(len(targets)):
        if not targets.is_snapped[target]:
            expected.append(None)
            continue
        expected.append(min((walk(source, target) for source in from_source), default=INF))

    result = network.nearest(sources, targets)
    statuses = {REACHED: 0, UNREACHABLE: 0, NOT_SNAPPED: 0}
    for target, total in enumerate(expected):
        status = result.status[target]
        statuses[status] += 1
        if total is None:
            assert status == NOT_SNAPPED
        elif total == INF:
            assert status == UNREACHABLE and result.distance[target] == INF
        else:
            assert status == REACHED
            assert result.distance[target] == pytest.approx(total, abs=1e-6)
            source = result.source[target]
            assert walk(source, target) == pytest.approx(total, abs=1e-6)  # the reported source is a nearest one
            # The straight legs at both ends are those of one of each point's streets.
            legs_length = result.distance[target] - result.network_distance[target]
            assert any(abs(legs_length - a - b) < 1e-6 for _place, a in legs[("s", source)]
                       for _place, b in legs[("t", target)])
    assert all(count > 0 for count in statuses.values()), statuses

    # With a cutoff between two of the distances: exact below it, BEYOND_CUTOFF above, UNREACHABLE stays.
    finite = sorted(total for total in expected if total is not None and total < INF)
    middle = len(finite) // 2
    cutoff = (finite[middle] + finite[middle + 1]) / 2
    assert finite[middle + 1] - finite[middle] > 1e-6
    limited = network.nearest(sources, targets, cutoff=cutoff)
    for target, total in enumerate(expected):
        if total is None:
            assert limited.status[target] == NOT_SNAPPED
        elif total == INF:
            assert limited.status[target] == UNREACHABLE
        elif total <= cutoff:
            assert limited.status[target] == REACHED
            assert limited.distance[target] == pytest.approx(total, abs=1e-6)
        else:
            assert limited.status[target] == BEYOND_CUTOFF and limited.distance[target] == INF

    # Service areas: the reachable length of every piece of the split graph, from its end distances.
    for source in list(from_source)[:4]:
        limit = 140.0
        distance = from_source[source]
        expected_length = 0.0
        for index, (a, b, length, factor) in enumerate(reference.segments):
            chain = [(0.0, a)] + sorted((f, key) for key, (s, f) in placed.items() if s == index) + [(1.0, b)]
            for (t0, n0), (t1, n1) in zip(chain[:-1], chain[1:]):
                cost = (t1 - t0) * length * factor
                if cost > 0:
                    walked = max(0.0, limit - distance.get(n0, INF)) + max(0.0, limit - distance.get(n1, INF))
                    expected_length += (t1 - t0) * length * min(1.0, walked / cost)
        pieces = network.reachable_edges(sources.subset([source]), limit)
        assert pieces.total_length == pytest.approx(expected_length, abs=1e-6)


def searched_random_city(seed, target_count, with_cost_factors=True):
    """(network, sources, targets, nearest result) of a random city: 8 sources, `target_count` targets."""
    lines, factors = random_city(seed, with_cost_factors=with_cost_factors)
    network = WalkingNetwork(lines, factors)
    sources = snap(network, random_points(seed, lines, 8), 18)
    targets = snap(network, random_points(seed + 7, lines, target_count), 18)
    return network, sources, targets, network.nearest(sources, targets)


@pytest.mark.parametrize("seed", [4, 5])
def test_random_routes_are_network_paths_of_the_reported_length(seed):
    network, sources, targets, result = searched_random_city(seed, 150, with_cost_factors=False)
    reached = np.flatnonzero(result.status == REACHED)
    assert len(reached) > 50
    for target in reached:
        route = result.route(target)
        source = result.source[target]
        # The route starts and ends on the streets whose walk won (a tie may start on another street than the
        # nearest); each end is within the tie tolerance of the nearest street.
        start_offset = math.hypot(route[0][0] - targets.x[target], route[0][1] - targets.y[target])
        end_offset = math.hypot(route[-1][0] - sources.x[source], route[-1][1] - sources.y[source])
        assert start_offset <= targets.offset[target] + SNAP_TIE_TOLERANCE + 1e-9
        assert end_offset <= sources.offset[source] + SNAP_TIE_TOLERANCE + 1e-9
        assert polyline_length(route) == pytest.approx(result.network_distance[target], abs=1e-6)
        with_offsets = result.route(target, include_offsets=True)
        assert polyline_length(with_offsets) == pytest.approx(result.distance[target], abs=1e-6)
        # Every leg lies on the network: its midpoint is on a segment.
        middle = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(route[:-1], route[1:])]
        if middle:
            assert network.snap([m[0] for m in middle], [m[1] for m in middle], 1e-6).is_snapped.all()


@pytest.mark.parametrize("seed", [4, 5])
def test_routes_of_many_targets_are_their_single_routes(seed):
    """NearestResult.routes (walked in numpy for the walking evaluation's routes layer) = route() of each."""
    _network, _sources, _targets, result = searched_random_city(seed, 150)
    asked = np.array([149, 3, 3] + list(range(150)))
    for include_offsets in (False, True):
        lines_of, drawn = result.routes(asked, include_offsets)
        single = [(target, result.route(target, include_offsets)) for target in asked]
        expected = [(target, route) for target, route in single if route is not None and len(route) >= 2]
        assert drawn.tolist() == [target for target, _route in expected]
        assert lines_of.to_sequences() == [route for _target, route in expected]
    assert len(expected) > 50 and len(expected) < len(asked)


def test_components_of_points():
    lines, factors = random_city(1)
    network = WalkingNetwork(lines, factors)
    components = network.components()
    assert components.count >= 2
    assert components.length[0] > 10 * components.length[-1]
    assert components.length.sum() == pytest.approx(network.segment_length.sum())
    points = snap(network, [(930, 901), (0, 0), (20000, 0)], max_distance=50)
    labels = components.of_points(points)
    assert labels[0] != 0 and labels[1] == 0 and labels[2] == -1
    # Nodes and segments agree.
    assert np.array_equal(components.node_component[network.segment_from], components.segment_component)
    assert np.array_equal(components.node_component[network.segment_to], components.segment_component)


# ------------------------------------------------------------------------------------------------
# The engines agree; catchments (the service areas of many sources in one search)


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine"):
        WalkingNetwork([STREET], engine="fortran")


@pytest.mark.skipif(len(network_module.ENGINES) < 2, reason="scipy is not installed")
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_engines_give_the_same_answers(seed):
    lines, factors = random_city(seed)
    networks = [WalkingNetwork(lines, factors, engine=engine) for engine in network_module.ENGINES]
    results = []
    for network in networks:
        sources = snap(network, random_points(seed, lines, 10, near_separate_piece=1), 18)
        targets = snap(network, random_points(seed + 3, lines, 200, near_separate_piece=3), 18)
        results.append((network.nearest(sources, targets), network.nearest(sources, targets, cutoff=120),
                        network.components(), network.catchments(sources, 90)))
    (full_a, cut_a, parts_a, catch_a), (full_b, cut_b, parts_b, catch_b) = results
    for a, b in ((full_a, full_b), (cut_a, cut_b)):
        assert np.array_equal(a.status, b.status)
        assert np.allclose(a.distance, b.distance, rtol=0, atol=1e-9)
        assert np.allclose(a.node_distance, b.node_distance, rtol=0, atol=1e-9)
    assert np.array_equal(parts_a.node_component, parts_b.node_component)
    assert np.array_equal(parts_a.length, parts_b.length)
    assert catch_a.total_length == pytest.approx(catch_b.total_length, abs=1e-6)


@pytest.mark.parametrize("seed", [1, 2, 3, 5])
@pytest.mark.parametrize("limit", [0.0, 35.0, 140.0, 600.0])
def test_catchments_cover_the_union_of_the_service_areas_once(seed, limit):
    lines, factors = random_city(seed)
    network = WalkingNetwork(lines, factors)
    sources = snap(network, random_points(seed, lines, 12), 18)
    catchments = network.catchments(sources, limit)
    union = network.reachable_edges(sources, limit)
    assert catchments.total_length == pytest.approx(union.total_length, abs=1e-6)
    assert np.all(catchments.end_fraction > catchments.start_fraction)
    # No overlaps: the pieces of a segment follow each other.
    same = catchments.segment[1:] == catchments.segment[:-1]
    assert np.all(catchments.start_fraction[1:][same] >= catchments.end_fraction[:-1][same] - 1e-12)
    # Each piece lies within its own source's service area (the source is one that reaches it).
    for source in np.unique(catchments.source):
        own = network.reachable_edges(sources.subset([source]), limit)
        mine = np.flatnonzero(catchments.of_source(source))
        for piece in mine:
            segment = catchments.segment[piece]
            covered = (own.segment == segment) & (own.start_fraction <= catchments.start_fraction[piece] + 1e-9) & (
                own.end_fraction >= catchments.end_fraction[piece] - 1e-9)
            assert covered.any(), (source, piece)
    lengths = catchments.length_by_source(len(sources))
    assert lengths.sum() == pytest.approx(catchments.total_length)


def test_catchments_split_a_street_between_two_sources_where_they_are_equally_near():
    network = WalkingNetwork([[(0, 0), (100, 0), (200, 0), (300, 0)]])
    sources = snap(network, [(0, 0), (300, 10)])
    catchments = network.catchments(sources, 1000)
    assert catchments.total_length == pytest.approx(300)
    # 0 reaches x up to 155 (300 − 10 − 155 = 135 + 10 = 145 … equal at x where x = 10 + 300 − x).
    assert catchments.length_by_source(2).tolist() == pytest.approx([155, 145])


@pytest.mark.parametrize("shift, inside", [(-1e-6, True), (1e-6, False)])
def test_a_point_just_inside_the_limit_is_covered_and_one_just_beyond_is_not(shift, inside):
    """A kindergarten 20 m off a street crossing: 500 m of walking = 20 m to the street + 480 m along it."""
    network = WalkingNetwork(CROSS_LONG)
    sources = snap(network, [(0, 20)])
    end_of_reach = 500 - 20
    for pieces in (network.catchments(sources, 500), network.reachable_edges(sources, 500)):
        ends = np.concatenate((pieces.x1, pieces.x0))
        reach_east = ends.max()
        assert reach_east == pytest.approx(end_of_reach, abs=1e-9)
        point = network.snap([end_of_reach + shift], [0.0])
        assert bool(point.snapped_x[0] <= reach_east) is inside


CROSS_LONG = [[(-2000, 0), (0, 0), (2000, 0)], [(0, -2000), (0, 0), (0, 2000)]]


# ------------------------------------------------------------------------------------------------
# Cancellation: a search asks should_stop() as it goes and stops with SearchCancelled

def grid_lines(size, step=10.0):
    """A size × size street grid: (size)² nodes, enough for thousands of heap pops in one search."""
    # A vertex at every crossing: lines connect only at shared vertices.
    rows = [[(column * step, row * step) for column in range(size)] for row in range(size)]
    columns = [[(column * step, row * step) for row in range(size)] for column in range(size)]
    return rows + columns


class StopAfter:
    """should_stop that answers false `calls` times, then true; counts how often it was asked."""

    def __init__(self, calls):
        self.calls, self.asked = calls, 0

    def __call__(self):
        self.asked += 1
        return self.asked > self.calls


def test_a_search_stops_when_should_stop_turns_true():
    network = WalkingNetwork(grid_lines(80))  # 6,400 nodes: more heap pops than between two questions
    sources = snap(network, [(5.0, 0.0)])
    targets = snap(network, [(790.0, 785.0), (400.0, 400.0)])
    expected = network.nearest(sources, targets)
    assert expected.status.tolist() == [REACHED, REACHED]

    network.should_stop = StopAfter(1)  # the first question says go on, a later one says stop
    with pytest.raises(network_module.SearchCancelled):
        network.nearest(sources, targets)
    assert network.should_stop.asked >= 2

    network.should_stop = StopAfter(0)  # cancelled before it starts: every kind of search refuses
    for search in (lambda: network.nearest(sources, targets), lambda: network.catchments(sources, 300),
                   lambda: network.reachable_edges(sources, 300), lambda: network.nodes_within(sources, 300)):
        with pytest.raises(network_module.SearchCancelled):
            search()

    network.should_stop = StopAfter(10 ** 9)  # asked but never stopping: the same answers as without
    again = network.nearest(sources, targets)
    assert network.should_stop.asked >= 1
    assert np.array_equal(again.distance, expected.distance)


def test_the_python_search_asks_should_stop_while_it_runs():
    """The heapq search of a large network stops in the middle (the compiled one asks before and after)."""
    network = WalkingNetwork(grid_lines(80), engine="python", should_stop=StopAfter(1))
    sources = snap(network, [(5.0, 0.0)])
    with pytest.raises(network_module.SearchCancelled):
        network.nearest(sources, snap(network, [(790.0, 785.0)]))
    assert network.should_stop.asked == 2  # the one before the search, then one from inside the heap loop
    fresh = WalkingNetwork(grid_lines(80), engine="python", should_stop=StopAfter(1))
    with pytest.raises(network_module.SearchCancelled):
        fresh.components()


@pytest.mark.parametrize("seed", [2, 9])
def test_a_result_cut_to_some_targets_keeps_their_answers_and_routes(seed):
    """NearestResult.for_targets (what the walking evaluation keeps for its communities' routes)."""
    _network, _sources, _targets, result = searched_random_city(seed, 120)
    chosen = np.array([5, 0, 77, 31, 119])
    cut = result.for_targets(chosen)
    assert len(cut) == len(chosen)
    for number, target in enumerate(chosen):
        assert cut.status[number] == result.status[target] and cut.source[number] == result.source[target]
        assert cut.distance[number] == result.distance[target]
        assert cut.route(number, include_offsets=True) == result.route(target, include_offsets=True)
    assert any(result.route(target) is not None for target in chosen)
