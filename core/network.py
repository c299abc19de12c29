"""The walking network: snapping points to streets, nearest-facility distances, routes, service areas.

Pure Python + numpy, no QGIS: the Processing algorithms turn layers into coordinate lists, call this
module and turn its arrays back into features. Every coordinate is in a projected CRS in metres.

    network = WalkingNetwork(lines, cost_factors)            # once per run
    homes = network.snap(home_x, home_y, max_distance=300)    # SnappedPoints
    kindergartens = network.snap(kg_x, kg_y, max_distance=300)
    result = network.nearest(kindergartens, homes, cutoff=2000)   # ONE Dijkstra pass for the category
    result.distance[i], result.source[i], result.status[i], result.route(i)
    area = network.reachable_edges(kindergartens.subset([3]), limit=500)   # pieces to buffer

Model
-----
* Every vertex of every line is a node; vertices that round to the same point of a grid of the node
  tolerance (1 mm by default, see `WalkingNetwork`) are one node, so streets connect where they share
  a vertex — like QGIS's QgsGraphBuilder with a topology tolerance. Streets that merely cross
  without a shared vertex do not connect (a bridge over a road must not).
* Each pair of consecutive vertices is a straight *segment*, walkable both ways (walking ignores
  one-way rules). Its *cost* is its length times the line's cost factor, in "effective metres";
  every network distance this module reports is a sum of such costs.
* A point is snapped to the nearest point of the nearest segment (a perpendicular foot, possibly in
  the middle of the segment). The straight line from the point to the network, its *offset*, is
  walked too: a total walking distance is source offset + network cost + target offset. Offsets are
  plain metres (cost factors do not apply to them).

Marks used throughout: segment index -1 and offset inf = not snapped; distance inf = no distance
(see the status arrays for why); component and source index -1 = none.
"""

import heapq
import math
from dataclasses import dataclass, field, replace
from typing import Tuple

import numpy as np

from .polylines import Polylines

try:  # scipy's compiled graph searches when present (QGIS ships it on Debian, Windows and macOS)
    from scipy.sparse import csr_matrix as _csr_matrix
    from scipy.sparse.csgraph import connected_components as _connected_components
    from scipy.sparse.csgraph import dijkstra as _dijkstra
except ImportError:  # pragma: no cover - depends on the installation
    _dijkstra = None

# The graph searches: "scipy" (scipy.sparse.csgraph) or "python" (heapq on lists, always available). Both
# give the same distances and connected pieces; among equally near sources they may choose different ones.
ENGINES = ("scipy", "python") if _dijkstra is not None else ("python",)
DEFAULT_ENGINE = ENGINES[0]

DEFAULT_NODE_TOLERANCE = 0.001  # m: vertices that round to the same millimetre are one node

# NearestResult.status values
REACHED = 0        # distance is exact (and within the cutoff, if one was given)
BEYOND_CUTOFF = 1  # a source is reachable in the same connected piece, but farther than the cutoff
UNREACHABLE = 2    # no snapped source in the target's connected piece of the network (or no source at all)
NOT_SNAPPED = 3    # the target itself is farther than max_distance from every segment
STATUS_NAMES = ("reached", "beyond_cutoff", "unreachable", "not_snapped")

NOT_SNAPPED_SEGMENT = -1
# A point walks from every street within this distance (m) of its nearest one, not only from the nearest: two
# parallel streets 75.000 m away are a tie whatever the rounding of the coordinates (storing data in another CRS
# moves points by micrometres), and the walk must not depend on which street happens to come first.
SNAP_TIE_TOLERANCE = 0.5

# How the route of a target leaves its segment (NearestResult.via)
_VIA_FROM_NODE, _VIA_TO_NODE, _VIA_SAME_SEGMENT, _VIA_NONE = 0, 1, 2, -1

_SNAP_CHUNK = 8192           # points per vectorised snapping batch: bounds the temporary arrays
_PAIR_BUDGET = 1 << 21       # (point, candidate segment) pairs per distance batch, about 100 MB of temporaries
_MAX_RINGS = 48              # grid rings searched before falling back to checking every segment
_CELLS_PER_SEGMENT = 4       # the spatial grid has at most this many cells per segment (memory bound)
# Heap pops (or nodes labelled) between two calls of should_stop in the Python searches: a few milliseconds
# of work, so a cancel is noticed at once without slowing the search.
_STOP_CHECK_EVERY = 4096


class SearchCancelled(Exception):
    """A search stopped because the network's should_stop() said so (the user cancelled the run)."""


@dataclass(frozen=True)
class NetworkProblems:
    """What the network builder skipped; indices refer to the `lines` given to WalkingNetwork."""

    degenerate_lines: Tuple[int, ...]     # fewer than 2 distinct vertices after node merging
    invalid_cost_lines: Tuple[int, ...]   # cost factor not a finite number > 0
    non_finite_lines: Tuple[int, ...]     # a vertex with NaN or infinite coordinates
    zero_length_segments: int             # consecutive vertices merged into one node (dropped, harmless)

    @property
    def skipped_lines(self):
        """Every line that contributes nothing to the network, sorted."""
        return tuple(sorted(set(self.degenerate_lines) | set(self.invalid_cost_lines)
                            | set(self.non_finite_lines)))

    def __bool__(self):
        """True when a line was skipped (zero-length pieces alone are not a problem)."""
        return bool(self.skipped_lines)


@dataclass(frozen=True, eq=False)
class SnappedPoints:
    """Points placed on the network by WalkingNetwork.snap; all arrays have one entry per point.

    x, y                  the points as given (m)
    segment               index of the nearest segment, or -1 when not snapped (farther than
                          max_distance from every segment, or non-finite coordinates)
    fraction              0..1 along that segment from its `segment_from` node; NaN when not snapped
    snapped_x, snapped_y  the point on the segment (m); NaN when not snapped
    offset                straight distance from the point to the snapped point (m); inf when not
                          snapped. To learn how far an unsnapped point is from the network, snap it
                          again with max_distance=inf.
    max_distance          the limit used (m)
    alternatives          the other segments within SNAP_TIE_TOLERANCE of each point's nearest one, as
                          (owner point index, segment, fraction, snapped_x, snapped_y, offset) arrays,
                          or None: searches start and end on them too, so ties never decide a walk
    """

    network: "WalkingNetwork" = field(repr=False)
    x: np.ndarray
    y: np.ndarray
    segment: np.ndarray
    fraction: np.ndarray
    snapped_x: np.ndarray
    snapped_y: np.ndarray
    offset: np.ndarray
    max_distance: float
    alternatives: tuple = None

    def __len__(self):
        return len(self.segment)

    def expanded(self):
        """(SnappedPoints of every point followed by every alternative snap, owner point of each row)."""
        count = len(self.segment)
        if not self.alternatives or not len(self.alternatives[0]):
            return self, np.arange(count, dtype=np.int64)
        owner, segment, fraction, snapped_x, snapped_y, offset = self.alternatives
        points = SnappedPoints(self.network, np.concatenate((self.x, self.x[owner])),
                               np.concatenate((self.y, self.y[owner])), np.concatenate((self.segment, segment)),
                               np.concatenate((self.fraction, fraction)),
                               np.concatenate((self.snapped_x, snapped_x)), np.concatenate((self.snapped_y, snapped_y)),
                               np.concatenate((self.offset, offset)), self.max_distance)
        return points, np.concatenate((np.arange(count, dtype=np.int64), owner))

    @property
    def is_snapped(self):
        """Boolean mask of the points that are on the network."""
        return self.segment >= 0

    def subset(self, indices):
        """The points at `indices` (an index array or a boolean mask), in that order."""
        indices = np.asarray(indices)
        if indices.dtype != bool:
            indices = indices.astype(np.int64)  # an empty list would index as float
        alternatives = None
        if self.alternatives and len(self.alternatives[0]):
            chosen = np.flatnonzero(indices) if indices.dtype == bool else indices
            new_position = np.full(len(self.segment), -1, dtype=np.int64)
            new_position[chosen] = np.arange(len(chosen))
            owner = new_position[self.alternatives[0]]
            kept = owner >= 0
            alternatives = (owner[kept],) + tuple(values[kept] for values in self.alternatives[1:])
        return SnappedPoints(self.network, self.x[indices], self.y[indices], self.segment[indices],
                             self.fraction[indices], self.snapped_x[indices], self.snapped_y[indices],
                             self.offset[indices], self.max_distance, alternatives)


@dataclass(frozen=True, eq=False)
class Components:
    """Connected pieces of the network, numbered by total segment length, largest first (0 = the
    main network, usually). node_component / segment_component give the piece of each node /
    segment; length (m, geometric) and segment_count are per piece."""

    node_component: np.ndarray
    segment_component: np.ndarray
    length: np.ndarray
    segment_count: np.ndarray

    @property
    def count(self):
        return len(self.length)

    def of_points(self, points):
        """Component of each snapped point; -1 for points that are not snapped."""
        component = np.full(len(points), -1, dtype=np.int64)
        on = points.segment >= 0
        component[on] = self.segment_component[points.segment[on]]
        return component


@dataclass(frozen=True, eq=False)
class ReachablePieces:
    """The network within a walking limit: straight pieces of segments, one row per piece.

    segment                     the segment each piece lies on
    start_fraction, end_fraction  the part of the segment covered (0..1 from its from-node, start < end)
    x0, y0, x1, y1              the piece's end points (m); the cut ends lie exactly at the limit
    """

    segment: np.ndarray
    start_fraction: np.ndarray
    end_fraction: np.ndarray
    x0: np.ndarray
    y0: np.ndarray
    x1: np.ndarray
    y1: np.ndarray

    def __len__(self):
        return len(self.segment)

    @property
    def total_length(self):
        """Sum of the pieces' geometric lengths (m)."""
        return float(np.hypot(self.x1 - self.x0, self.y1 - self.y0).sum())

    def polylines(self):
        """The pieces as [[(x0, y0), (x1, y1)], ...] (2-point lines, ready for a multi-line geometry)."""
        return [[(a, b), (c, d)] for a, b, c, d in zip(self.x0.tolist(), self.y0.tolist(),
                                                       self.x1.tolist(), self.y1.tolist())]


@dataclass(frozen=True, eq=False)
class Catchments(ReachablePieces):
    """The network within a walking limit of any of several sources, each piece with its nearest source
    (WalkingNetwork.catchments): ReachablePieces plus

    source    index (into the sources given) of the nearest source of each piece; along a segment walked
              from both ends the piece is cut where the two sources are equally near.
    """

    source: np.ndarray = None

    def of_source(self, source):
        """Boolean mask of the pieces whose nearest source is `source`."""
        return self.source == source

    def subset(self, keep):
        """The pieces where the boolean mask `keep` is true, in order."""
        return Catchments(self.segment[keep], self.start_fraction[keep], self.end_fraction[keep], self.x0[keep],
                          self.y0[keep], self.x1[keep], self.y1[keep], self.source[keep])

    def length_by_source(self, source_count):
        """Geometric length (m) of the pieces of each source, an array of source_count values."""
        return np.bincount(self.source, weights=np.hypot(self.x1 - self.x0, self.y1 - self.y0),
                           minlength=source_count)


class NearestResult:
    """The nearest source of every target, from one multi-source Dijkstra pass (WalkingNetwork.nearest).

    Per target (arrays in target order):
    distance          total walking distance (m): source offset + network cost + target offset;
                      inf unless status == REACHED
    network_distance  the network part alone (effective m: segment lengths × cost factors, including
                      the partial segments at both ends); inf unless REACHED
    source            index (into the sources given) of the nearest source by total distance; -1
                      unless REACHED. Among equally near sources one is chosen.
    status            REACHED, BEYOND_CUTOFF, UNREACHABLE or NOT_SNAPPED (module constants)
    cutoff            the cutoff used (m, inf for none)
    """

    def __init__(self, network, sources, targets, cutoff, distance, network_distance, source, status, via,
                 node_distance, node_parent):
        self.network = network
        self.sources = sources
        self.targets = targets
        self.cutoff = cutoff
        self.distance = distance
        self.network_distance = network_distance
        self.source = source
        self.status = status
        self.via = via  # how each target's route leaves its segment (internal code, see route())
        self.node_distance = node_distance  # per node: best source offset + network cost (inf if not reached)
        self._node_parent = node_parent     # per node: previous node on its path, -1 at a source's segment
        self._source_entry = None           # per target: the row of `sources` whose snap won (alternative snaps)

    def __len__(self):
        return len(self.status)

    def for_targets(self, indices):
        """The same result for the targets at `indices` only, numbered in that order (its routes are theirs):
        keeping 15 categories' routes for 3,000 communities rather than for 50,000 origins too saves about
        7 MB a category on a city. The search's per-node arrays are shared, not copied."""
        indices = np.asarray(indices, dtype=np.int64)
        result = NearestResult(self.network, self.sources, self.targets.subset(indices), self.cutoff,
                               self.distance[indices], self.network_distance[indices], self.source[indices],
                               self.status[indices], self.via[indices], self.node_distance, self._node_parent)
        if self._source_entry is not None:
            result._source_entry = self._source_entry[indices]
        return result

    def route(self, target, include_offsets=False):
        """Shortest path of one target as [(x, y), ...] (m), from the target's snapped point along the
        network (partial segments included) to its nearest source's snapped point; None unless the
        target's status is REACHED. With include_offsets the target's and the source's own positions
        are added at the ends (the straight offset legs). Its length equals network_distance when
        every cost factor is 1 (and distance, with include_offsets)."""
        target = int(target)
        if self.status[target] != REACHED:
            return None
        network, targets, sources = self.network, self.targets, self.sources
        source = int(self._source_entry[target] if self._source_entry is not None else self.source[target])
        points = [(float(targets.snapped_x[target]), float(targets.snapped_y[target]))]
        via = int(self.via[target])
        if via != _VIA_SAME_SEGMENT:
            segment = int(targets.segment[target])
            node = int(network.segment_from[segment] if via == _VIA_FROM_NODE else network.segment_to[segment])
            parent = self._node_parent
            while node >= 0:
                points.append((float(network.node_x[node]), float(network.node_y[node])))
                node = int(parent[node])
        points.append((float(sources.snapped_x[source]), float(sources.snapped_y[source])))
        if include_offsets:
            points.insert(0, (float(targets.x[target]), float(targets.y[target])))
            points.append((float(sources.x[source]), float(sources.y[source])))
        return [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]

    def routes(self, targets, include_offsets=False):
        """route() of many targets at once, walked in numpy → (Polylines of the routes, the targets they are
        of): a target that is not REACHED, or whose route is a single point, has none."""
        targets = np.asarray(targets, dtype=np.int64)
        targets = targets[self.status[targets] == REACHED]
        network, sources = self.network, self.sources
        source = self._source_entry[targets] if self._source_entry is not None else self.source[targets]
        # Every vertex as (route, rank along it, x, y): the legs' ends and the nodes walked back to the source.
        routes = np.arange(len(targets))
        ranks, xs, ys, of = [], [], [], []

        def add(route, rank, x, y):
            of.append(route)
            ranks.append(np.broadcast_to(np.int64(rank), route.shape) if np.ndim(rank) == 0 else rank)
            xs.append(x)
            ys.append(y)

        last = np.iinfo(np.int64).max
        if include_offsets:
            add(routes, -2, self.targets.x[targets], self.targets.y[targets])
            add(routes, last, sources.x[source], sources.y[source])
        add(routes, -1, self.targets.snapped_x[targets], self.targets.snapped_y[targets])
        add(routes, last - 1, sources.snapped_x[source], sources.snapped_y[source])
        via = self.via[targets]
        segment = self.targets.segment[targets]
        node = np.where(via == _VIA_FROM_NODE, network.segment_from[segment], network.segment_to[segment])
        node[via == _VIA_SAME_SEGMENT] = -1
        walking = node >= 0
        route, node, rank = routes[walking], node[walking], 0
        while len(node):
            add(route, rank, network.node_x[node], network.node_y[node])
            node = self._node_parent[node]
            walking = node >= 0
            route, node, rank = route[walking], node[walking], rank + 1
        of, ranks, x, y = (np.concatenate(parts) for parts in (of, ranks, xs, ys))
        order = np.lexsort((ranks, of))
        of, x, y = of[order], x[order], y[order]
        # As route(): a vertex equal to the one before it is left out.
        keep = np.ones(len(of), dtype=bool)
        keep[1:] = (of[1:] != of[:-1]) | (x[1:] != x[:-1]) | (y[1:] != y[:-1])
        of, x, y = of[keep], x[keep], y[keep]
        counts = np.bincount(of, minlength=len(targets))
        lines = Polylines(x, y, np.concatenate(([0], np.cumsum(counts))).astype(np.int64))
        drawn = counts >= 2
        return (lines if drawn.all() else lines.subset(drawn)), targets[drawn]


class WalkingNetwork:
    """An undirected street graph built once from polylines.

    lines           sequence of polylines, each a sequence of (x, y) vertices (m), or a Polylines (flat
                    arrays: what a reader of a whole city should pass). Pass only the walkable
                    lines; split multi-part geometries into one line per part.
    cost_factors    optional sequence or array, one number > 0 per line: a segment's cost is its length times
                    its line's factor (e.g. 1.25 for a stair or a slow path; default 1). A factor
                    that is not a finite number > 0 skips the line (see `problems`).
    node_tolerance  vertices whose x and y round to the same multiples of this (m) are merged into
                    one node: with 0.001, x = 100.0004 and 100.0 merge, 100.0004 and 100.0006 do
                    not (they round to different millimetres although closer than one). Rounding,
                    unlike a distance search, never chains many vertices into one node; data noded
                    with shared vertices, as networks usually are, connects either way.
    engine          "scipy" or "python" (see ENGINES); None: DEFAULT_ENGINE, scipy when importable.
    should_stop     optional callable without arguments (e.g. a Processing feedback's isCanceled), also
                    settable later as an attribute: the searches ask it every few thousand steps and
                    raise SearchCancelled when it returns true.

    Attributes (numpy arrays):
    node_x, node_y                   node coordinates (m), the first merged vertex's
    segment_from, segment_to         node indices of each segment
    segment_length                   geometric length (m); segment_cost = length × cost factor
    segment_line                     index of the input line each segment comes from
    problems                         NetworkProblems: skipped lines, never an exception
    """

    def __init__(self, lines, cost_factors=None, node_tolerance=DEFAULT_NODE_TOLERANCE, engine=None,
                 should_stop=None):
        self.should_stop = should_stop
        if not node_tolerance > 0:
            raise ValueError("node_tolerance must be > 0, not {!r}".format(node_tolerance))
        self.engine = DEFAULT_ENGINE if engine is None else engine
        if self.engine not in ENGINES:
            raise ValueError("engine must be one of {}, not {!r}".format(", ".join(ENGINES), engine))
        self.node_tolerance = float(node_tolerance)
        lines = Polylines.from_sequences(lines)
        line_count = len(lines)
        vertex_line = lines.vertex_line()
        factors = _line_cost_factors(cost_factors, line_count)
        invalid_cost = ~(np.isfinite(factors) & (factors > 0))
        finite_vertex = np.isfinite(lines.x) & np.isfinite(lines.y)
        non_finite_lines = np.unique(vertex_line[~finite_vertex])
        del finite_vertex
        usable_line = ~invalid_cost
        usable_line[non_finite_lines] = False
        vertex_x, vertex_y = lines.x, lines.y
        if not usable_line.all():
            keep = usable_line[vertex_line]
            vertex_x, vertex_y, vertex_line = vertex_x[keep], vertex_y[keep], vertex_line[keep]
            del keep

        vertex_node, node_x, node_y = _merge_vertices(vertex_x, vertex_y, self.node_tolerance)
        del vertex_x, vertex_y
        same_line = vertex_line[1:] == vertex_line[:-1]
        distinct = vertex_node[1:] != vertex_node[:-1]
        zero_length = int(np.count_nonzero(same_line & ~distinct))
        first = np.flatnonzero(same_line & distinct)
        del same_line, distinct
        segment_from, segment_to = vertex_node[first], vertex_node[first + 1]
        self.segment_line = vertex_line[first]
        del vertex_node, vertex_line, first

        # Keep only nodes that end a segment (a degenerate line leaves no isolated node behind).
        used = np.zeros(len(node_x), dtype=bool)
        used[segment_from] = True
        used[segment_to] = True
        new_index = np.cumsum(used) - 1
        self.segment_from = new_index[segment_from].astype(np.int64)
        self.segment_to = new_index[segment_to].astype(np.int64)
        del new_index, segment_from, segment_to
        self.node_x = np.ascontiguousarray(node_x[used])
        self.node_y = np.ascontiguousarray(node_y[used])
        del node_x, node_y, used

        self.segment_length = np.hypot(self.node_x[self.segment_to] - self.node_x[self.segment_from],
                                       self.node_y[self.segment_to] - self.node_y[self.segment_from])
        self.segment_cost = self.segment_length * factors[self.segment_line]

        has_segment = np.zeros(line_count, dtype=bool)
        has_segment[self.segment_line] = True
        degenerate = np.flatnonzero(~has_segment & usable_line)
        self.problems = NetworkProblems(
            degenerate_lines=tuple(degenerate.tolist()),
            invalid_cost_lines=tuple(np.flatnonzero(invalid_cost).tolist()),
            non_finite_lines=tuple(non_finite_lines.tolist()),
            zero_length_segments=zero_length)

        self._build_adjacency()
        self._build_grid()
        self._components = None

    # ------------------------------------------------------------------------------------------
    # Sizes and geometry

    @property
    def node_count(self):
        return len(self.node_x)

    @property
    def segment_count(self):
        return len(self.segment_from)

    def segment_coordinates(self, segments=None):
        """(x0, y0, x1, y1) arrays of the given segments (all by default), from- to to-node (m)."""
        segments = np.arange(self.segment_count) if segments is None else np.asarray(segments)
        start, end = self.segment_from[segments], self.segment_to[segments]
        return self.node_x[start], self.node_y[start], self.node_x[end], self.node_y[end]

    # ------------------------------------------------------------------------------------------
    # Snapping

    def snap(self, xs, ys, max_distance=math.inf):
        """Snap points to the nearest point of the nearest segment → SnappedPoints.

        xs, ys        coordinates (m), equal-length sequences or arrays
        max_distance  points farther than this (m) from every segment are not snapped (segment -1,
                      offset inf); inf snaps every finite point. A point exactly at max_distance snaps.
        A point equally near to several segments (e.g. on a shared vertex) takes the lowest segment
        index among them; the other segments within SNAP_TIE_TOLERANCE of its nearest are kept as its
        alternatives (searches use them too).
        """
        xs = np.asarray(xs, dtype=np.float64).ravel()
        ys = np.asarray(ys, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError("xs and ys differ in length ({} and {})".format(len(xs), len(ys)))
        max_distance = float(max_distance)
        if not max_distance >= 0:
            raise ValueError("max_distance must be >= 0, not {!r}".format(max_distance))
        count = len(xs)
        best_segment = np.full(count, NOT_SNAPPED_SEGMENT, dtype=np.int64)
        finite = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys))
        if self.segment_count and len(finite):
            for begin in range(0, len(finite), _SNAP_CHUNK):
                chunk = finite[begin:begin + _SNAP_CHUNK]
                best_segment[chunk] = self._nearest_segments(xs[chunk], ys[chunk], max_distance)

        fraction = np.full(count, np.nan)
        snapped_x = np.full(count, np.nan)
        snapped_y = np.full(count, np.nan)
        offset = np.full(count, np.inf)
        on = np.flatnonzero(best_segment >= 0)
        if len(on):
            segment = best_segment[on]
            t, qx, qy = self._project(xs[on], ys[on], segment)
            fraction[on], snapped_x[on], snapped_y[on] = t, qx, qy
            offset[on] = np.hypot(xs[on] - qx, ys[on] - qy)
        alternatives = self._alternative_snaps(xs, ys, on, best_segment, offset, max_distance)
        return SnappedPoints(self, xs, ys, best_segment, fraction, snapped_x, snapped_y, offset, max_distance,
                             alternatives)

    def _alternative_snaps(self, xs, ys, on, best_segment, offset, max_distance):
        """(owner, segment, fraction, snapped_x, snapped_y, offset) of every other segment within
        SNAP_TIE_TOLERANCE of each snapped point's nearest one (and within max_distance)."""
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)) + tuple(np.zeros(0) for _ in range(4))
        if not len(on) or self._grid is None:
            return empty
        grid = self._grid
        radius = np.minimum(offset[on] + SNAP_TIE_TOLERANCE, max_distance)
        px, py = xs[on], ys[on]

        def cell_of(value, origin, cells):
            return np.clip(np.floor((value - origin) / grid.cell).astype(np.int64), 0, cells - 1)

        first_column, last_column = cell_of(px - radius, grid.origin_x, grid.columns), cell_of(px + radius, grid.origin_x,
                                                                                               grid.columns)
        first_row, last_row = cell_of(py - radius, grid.origin_y, grid.rows), cell_of(py + radius, grid.origin_y, grid.rows)
        width = last_column - first_column + 1
        cells = width * (last_row - first_row + 1)
        point = np.repeat(np.arange(len(on)), cells)
        step = np.arange(int(cells.sum())) - np.repeat(np.cumsum(cells) - cells, cells)
        cell_id = (first_row[point] + step // width[point]) * grid.columns + first_column[point] + step % width[point]
        start = grid.cell_start[cell_id]
        pair_point, pair_segment = _expand(point, start, grid.cell_start[cell_id + 1] - start, grid.cell_segments)
        if not len(pair_point):
            return empty
        d2 = self._squared_distances(px[pair_point], py[pair_point], pair_segment)
        keep = (d2 <= radius[pair_point] ** 2) & (pair_segment != best_segment[on][pair_point])
        pair_point, pair_segment = pair_point[keep], pair_segment[keep]
        if not len(pair_point):
            return empty
        unique = np.unique(pair_point * np.int64(self.segment_count) + pair_segment)  # a segment spans many cells
        pair_point, pair_segment = unique // self.segment_count, unique % self.segment_count
        owner = on[pair_point]
        t, qx, qy = self._project(xs[owner], ys[owner], pair_segment)
        return owner, pair_segment, t, qx, qy, np.hypot(xs[owner] - qx, ys[owner] - qy)

    def _project(self, px, py, segment):
        """Fraction along each segment of the foot of each point, and the foot's coordinates."""
        ax, ay = self._seg_x0[segment], self._seg_y0[segment]
        dx, dy = self._seg_dx[segment], self._seg_dy[segment]
        t = np.clip(((px - ax) * dx + (py - ay) * dy) * self._seg_inv_len2[segment], 0.0, 1.0)
        return t, ax + t * dx, ay + t * dy

    def _squared_distances(self, px, py, segment):
        ax, ay = self._seg_x0[segment], self._seg_y0[segment]
        dx, dy = self._seg_dx[segment], self._seg_dy[segment]
        rx, ry = px - ax, py - ay
        t = np.clip((rx * dx + ry * dy) * self._seg_inv_len2[segment], 0.0, 1.0)
        rx -= t * dx
        ry -= t * dy
        return rx * rx + ry * ry

    def _build_grid(self):
        """Uniform grid over the segments: each cell lists the segments that pass through it.

        The cell size is the median segment length (so a point's own 3 × 3 cells usually hold its
        nearest segment), enlarged if the extent would need more than _CELLS_PER_SEGMENT cells per
        segment. A segment is listed in the cells it crosses, found column by column (so a long
        diagonal costs about two entries per cell length, not its whole bounding box)."""
        count = self.segment_count
        x0, y0, x1, y1 = self.segment_coordinates()
        self._seg_x0, self._seg_y0 = x0, y0
        self._seg_dx, self._seg_dy = x1 - x0, y1 - y0
        self._seg_inv_len2 = 1.0 / (self._seg_dx ** 2 + self._seg_dy ** 2)  # > 0: zero-length segments are dropped
        if count == 0:
            self._grid = None
            return
        min_x, max_x = np.minimum(x0, x1), np.maximum(x0, x1)
        min_y, max_y = np.minimum(y0, y1), np.maximum(y0, y1)
        origin_x, origin_y = float(min_x.min()), float(min_y.min())
        width, height = float(max_x.max()) - origin_x, float(max_y.max()) - origin_y
        cell = max(float(np.median(self.segment_length)), self.node_tolerance * 10)
        cell_limit = _CELLS_PER_SEGMENT * count + 1024
        while (math.floor(width / cell) + 1) * (math.floor(height / cell) + 1) > cell_limit:
            cell *= 1.5
        columns = int(math.floor(width / cell)) + 1
        rows = int(math.floor(height / cell)) + 1

        def column_of(x):
            return np.clip(np.floor((x - origin_x) / cell).astype(np.int64), 0, columns - 1)

        def row_of(y):
            return np.clip(np.floor((y - origin_y) / cell).astype(np.int64), 0, rows - 1)

        # Each (segment, column) it spans; there, the segment's y range between the column's sides.
        first_column = column_of(min_x)
        span = column_of(max_x) - first_column + 1
        segment = np.repeat(np.arange(count), span)
        column = first_column[segment] + (np.arange(len(segment)) - np.repeat(np.cumsum(span) - span, span))
        left = np.maximum(min_x[segment], origin_x + column * cell)
        right = np.minimum(max_x[segment], origin_x + (column + 1) * cell)
        dx = self._seg_dx[segment]
        slope = np.divide(self._seg_dy[segment], dx, out=np.zeros(len(segment)), where=dx != 0)
        y_left = y0[segment] + (left - x0[segment]) * slope
        y_right = y0[segment] + (right - x0[segment]) * slope
        vertical = dx == 0
        low = np.where(vertical, min_y[segment], np.minimum(y_left, y_right))
        high = np.where(vertical, max_y[segment], np.maximum(y_left, y_right))
        slack = 1e-9 * cell  # rounding must never leave out a cell the segment touches
        first_row = row_of(np.maximum(low - slack, min_y[segment]))
        row_span = row_of(np.minimum(high + slack, max_y[segment])) - first_row + 1
        segment, column = np.repeat(segment, row_span), np.repeat(column, row_span)
        row = np.repeat(first_row, row_span) + (np.arange(len(segment)) - np.repeat(np.cumsum(row_span) - row_span,
                                                                                      row_span))
        cell_id = row * columns + column
        order = np.argsort(cell_id, kind="stable")
        cell_counts = np.bincount(cell_id, minlength=rows * columns)
        self._grid = _Grid(origin_x, origin_y, cell, columns, rows,
                           np.concatenate(([0], np.cumsum(cell_counts))).astype(np.int64),
                           segment[order].astype(np.int64))

    def _nearest_segments(self, px, py, max_distance):
        """Nearest segment of each point (-1 beyond max_distance), searching grid rings outwards.

        After searching every cell within ring r of the point's cell, any segment not yet seen lies
        outside that (2r+1)² block, so it is at least `margin` away (the distance from the point to
        the block's border). A point is settled once its best candidate is within the margin, the
        margin exceeds max_distance, or the block covers the whole grid."""
        grid = self._grid
        count = len(px)
        best_d2 = np.full(count, np.inf)
        best_segment = np.full(count, NOT_SNAPPED_SEGMENT, dtype=np.int64)
        column = np.floor((px - grid.origin_x) / grid.cell).astype(np.int64)
        row = np.floor((py - grid.origin_y) / grid.cell).astype(np.int64)
        active = np.arange(count)
        ring = 0
        while len(active):
            if ring > _MAX_RINGS:  # far from everything: check every segment (rare, bounded work)
                self._nearest_by_brute_force(px, py, active, best_d2, best_segment)
                break
            offset_column, offset_row = _ring_offsets(ring)
            cells_column = column[active, None] + offset_column[None, :]
            cells_row = row[active, None] + offset_row[None, :]
            inside = (cells_column >= 0) & (cells_column < grid.columns) & (cells_row >= 0) & (cells_row < grid.rows)
            point = np.broadcast_to(active[:, None], inside.shape)[inside]
            cell_id = cells_row[inside] * grid.columns + cells_column[inside]
            start = grid.cell_start[cell_id]
            in_cell = grid.cell_start[cell_id + 1] - start
            # Bound the temporary (point, segment) pairs where cells are crowded: in slices of cells.
            slice_end = np.searchsorted(np.cumsum(in_cell), np.arange(1, 1 + int(in_cell.sum()) // _PAIR_BUDGET)
                                        * _PAIR_BUDGET)
            for chosen in np.split(np.arange(len(cell_id)), slice_end):
                pair_point, pair_segment = _expand(point[chosen], start[chosen], in_cell[chosen], grid.cell_segments)
                if len(pair_point):
                    d2 = self._squared_distances(px[pair_point], py[pair_point], pair_segment)
                    _keep_best(pair_point, pair_segment, d2, best_d2, best_segment)

            lower_column, upper_column = column[active] - ring, column[active] + ring
            lower_row, upper_row = row[active] - ring, row[active] + ring
            margin = np.minimum.reduce([px[active] - (grid.origin_x + lower_column * grid.cell),
                                        grid.origin_x + (upper_column + 1) * grid.cell - px[active],
                                        py[active] - (grid.origin_y + lower_row * grid.cell),
                                        grid.origin_y + (upper_row + 1) * grid.cell - py[active]])
            covers_grid = ((lower_column <= 0) & (upper_column >= grid.columns - 1)
                           & (lower_row <= 0) & (upper_row >= grid.rows - 1))
            settled = (best_d2[active] <= margin * margin) | (margin > max_distance) | covers_grid
            active = active[~settled]
            ring += 1
        best_segment[best_d2 > max_distance * max_distance] = NOT_SNAPPED_SEGMENT
        return best_segment

    def _nearest_by_brute_force(self, px, py, points, best_d2, best_segment):
        block = max(1, _PAIR_BUDGET // max(1, self.segment_count))
        every = np.arange(self.segment_count)
        for begin in range(0, len(points), block):
            chosen = points[begin:begin + block]
            pair_point = np.repeat(chosen, self.segment_count)
            pair_segment = np.tile(every, len(chosen))
            d2 = self._squared_distances(px[pair_point], py[pair_point], pair_segment)
            _keep_best(pair_point, pair_segment, d2, best_d2, best_segment)

    # ------------------------------------------------------------------------------------------
    # Graph search

    def _build_adjacency(self):
        """Both directions of every segment in CSR order (numpy): what scipy searches. The Python searches
        take the same arcs as lists (_arcs), built on first use."""
        count = self.segment_count
        tail = np.concatenate((self.segment_from, self.segment_to))
        order = np.argsort(tail, kind="stable")
        starts = np.zeros(self.node_count + 1, dtype=np.int64)
        np.cumsum(np.bincount(tail, minlength=self.node_count), out=starts[1:])
        del tail
        head = np.concatenate((self.segment_to, self.segment_from))[order].astype(np.int32)
        arc_segment = np.where(order < count, order, order - count)
        self._csr = (starts, head, self.segment_cost[arc_segment])
        self._arc_segment = arc_segment       # the segment of each arc
        self._arc_forward = order < count     # True: the arc runs from segment_from to segment_to
        self._arc_lists = self._arc_side_lists = None

    def _arcs(self):
        """(start, head, cost) of the arcs as Python lists: the Dijkstra loop indexes them one element at a
        time, which plain lists do several times faster than numpy. Built when a Python search first needs
        them (tens of MB on a city), never by scipy-only runs."""
        if self._arc_lists is None:
            starts, heads, costs = self._csr
            self._arc_lists = (starts.tolist(), heads.tolist(), costs.tolist())
        return self._arc_lists

    def _arc_sides(self):
        """(segment, forward) of the arcs as Python lists, for cutting service areas (_pieces) only."""
        if self._arc_side_lists is None:
            self._arc_side_lists = (self._arc_segment.tolist(), self._arc_forward.tolist())
        return self._arc_side_lists

    def _stop_if_asked(self):
        """Raise SearchCancelled when should_stop() says so."""
        if self.should_stop is not None and self.should_stop():
            raise SearchCancelled()

    def _seeds(self, sources, count_offset=True):
        """(node, distance, source index) arrays for both end nodes of every snapped source's segment."""
        self._check_points(sources, "sources")
        sources, owner = sources.expanded()
        index = np.flatnonzero(sources.segment >= 0)
        segment = sources.segment[index]
        cost = self.segment_cost[segment]
        offset = sources.offset[index] if count_offset else np.zeros(len(index))
        nodes = np.concatenate((self.segment_from[segment], self.segment_to[segment]))
        distances = np.concatenate((offset + sources.fraction[index] * cost,
                                    offset + (1.0 - sources.fraction[index]) * cost))
        return nodes, distances, owner[np.concatenate((index, index))]

    def _search_all_nodes(self, seed_nodes, seed_distances, seed_sources, cutoff):
        """Multi-source Dijkstra over every node; labels above `cutoff` are never set.

        Returns arrays per node: distance (inf = not reached within the cutoff), origin (the source whose
        seed the path starts from) and parent (previous node; -1 at a node whose best path is its seed).
        Among equal seeds of a node the first given wins, on both engines."""
        nodes, values, sources = _best_seeds(seed_nodes, seed_distances, seed_sources, cutoff)
        if self.engine == "scipy":
            self._stop_if_asked()
            distance, parent = self._search_scipy(nodes, values, cutoff)
            self._stop_if_asked()  # one compiled call (well under a second on a city): asked before and after
        else:
            distance = [math.inf] * self.node_count
            parent = [-1] * self.node_count
            for node, value in zip(nodes.tolist(), values.tolist()):
                distance[node] = value
            self._heap_search(distance, parent, list(zip(values.tolist(), nodes.tolist())), cutoff)
            distance = np.array(distance, dtype=np.float64)
            parent = np.array(parent, dtype=np.int64)
        return distance, _origins(distance, parent, nodes, sources), parent

    def _search_scipy(self, nodes, values, cutoff):
        """(distance, parent) per node with scipy: one Dijkstra from a virtual node joined to every seed node
        by an arc as long as the seed's distance, so that sources start with their own offsets."""
        node_count = self.node_count
        if not len(nodes):
            return np.full(node_count, np.inf), np.full(node_count, -1, dtype=np.int64)
        starts, heads, costs = self._csr
        graph = _csr_matrix((np.concatenate((costs, values)), np.concatenate((heads, nodes.astype(np.int32))),
                             np.concatenate((starts, [starts[-1] + len(nodes)]))),
                            shape=(node_count + 1, node_count + 1))
        found, predecessor = _dijkstra(graph, directed=True, indices=node_count, return_predecessors=True,
                                       limit=cutoff if math.isfinite(cutoff) else np.inf)
        del graph
        distance = found[:node_count]
        predecessor = predecessor[:node_count]
        # reached straight from the virtual node (its best path is a seed) or not at all: no parent
        parent = np.where(np.isfinite(distance) & (predecessor != node_count), predecessor, -1).astype(np.int64)
        return distance, parent

    def _heap_search(self, distance, parent, heap, limit=math.inf):
        """The Python engine's one Dijkstra loop, for every search that has no scipy counterpart or runs
        without scipy: settle the nodes from `heap` ([(distance, node)], each already set in `distance`),
        lowering distance[head] wherever a path within `limit` is shorter and recording parent[head].

        distance and parent are indexable per node: lists for a search over the whole network, a numpy
        array for lowering a finished search, _Unreached/plain dicts for a small bounded search."""
        heapq.heapify(heap)
        arc_start, arc_head, arc_cost = self._arcs()
        pop, push = heapq.heappop, heapq.heappush
        self._stop_if_asked()  # often called thousands of times for small searches: asked at each start too
        countdown = _STOP_CHECK_EVERY
        while heap:
            countdown -= 1
            if not countdown:
                countdown = _STOP_CHECK_EVERY
                self._stop_if_asked()
            value, node = pop(heap)
            if value > distance[node]:
                continue  # a stale entry: the node was settled with a smaller distance
            for arc in range(arc_start[node], arc_start[node + 1]):
                candidate = value + arc_cost[arc]
                if candidate <= limit:
                    head = arc_head[arc]
                    if candidate < distance[head]:
                        distance[head] = candidate
                        parent[head] = node
                        push(heap, (candidate, head))

    def _search_within(self, seed_nodes, seed_distances, limit):
        """Dijkstra limited to `limit`, with a dict of reached nodes (node → distance): for many small
        searches, where allocating per-node lists each time would cost more than the search."""
        distance = _Unreached()
        for node, value in zip(seed_nodes.tolist(), seed_distances.tolist()):
            if value <= limit and value < distance[node]:
                distance[node] = value
        self._heap_search(distance, {}, [(value, node) for node, value in distance.items()], limit)
        return distance

    def nearest(self, sources, targets, cutoff=None):
        """For every target, the nearest source by walking distance → NearestResult.

        sources, targets  SnappedPoints of this network (e.g. the facilities of one category, and the
                          homes). Unsnapped sources are ignored; unsnapped targets get NOT_SNAPPED.
        cutoff            None (no limit) or a walking distance in m, compared with the total
                          distance (offsets included). Distances are exact up to and
                          including the cutoff; a target whose nearest source is farther gets status
                          BEYOND_CUTOFF (a source exists in its connected piece) or UNREACHABLE (none
                          does), both with distance inf and source -1. The search stops at the cutoff,
                          so a small cutoff makes it much faster.

        One Dijkstra pass from all sources together; a source and a target on the same segment are
        also compared directly along the segment (which may beat going round through the nodes).
        """
        self._check_points(targets, "targets")
        if sources.alternatives is not None or targets.alternatives is not None:
            return self._nearest_over_alternatives(sources, targets, cutoff)
        cutoff = math.inf if cutoff is None else float(cutoff)
        if not cutoff >= 0:
            raise ValueError("cutoff must be >= 0 or None, not {!r}".format(cutoff))
        seed_nodes, seed_distances, seed_sources = self._seeds(sources)
        node_distance, node_origin, node_parent = self._search_all_nodes(seed_nodes, seed_distances, seed_sources,
                                                                         cutoff)

        count = len(targets)
        distance = np.full(count, np.inf)
        network_distance = np.full(count, np.inf)
        nearest_source = np.full(count, -1, dtype=np.int64)
        via = np.full(count, _VIA_NONE, dtype=np.int8)
        status = np.full(count, NOT_SNAPPED, dtype=np.int8)

        on = np.flatnonzero(targets.segment >= 0)
        segment = targets.segment[on]
        fraction = targets.fraction[on]
        cost = self.segment_cost[segment]
        start, end = self.segment_from[segment], self.segment_to[segment]
        through_start = node_distance[start] + fraction * cost
        through_end = node_distance[end] + (1.0 - fraction) * cost
        best = np.minimum(through_start, through_end)
        best_via = np.where(through_start <= through_end, _VIA_FROM_NODE, _VIA_TO_NODE).astype(np.int8)
        best_source = np.where(through_start <= through_end, node_origin[start], node_origin[end])
        self._same_segment_sources(sources, segment, fraction, cost, best, best_via, best_source)

        total = best + targets.offset[on]
        reached = np.isfinite(total) & (total <= cutoff)
        hit = on[reached]
        distance[hit] = total[reached]
        nearest_source[hit] = best_source[reached]
        network_distance[hit] = best[reached] - sources.offset[best_source[reached]]
        via[hit] = best_via[reached]
        status[hit] = REACHED
        missed = on[~reached]
        if len(missed):
            status[missed] = UNREACHABLE
            if math.isfinite(cutoff):  # not reached within the cutoff: is there a source in its piece at all?
                components = self.components()
                with_source = np.zeros(components.count, dtype=bool)
                with_source[components.of_points(sources)[sources.segment >= 0]] = True
                beyond = with_source[components.segment_component[targets.segment[missed]]]
                status[missed[beyond]] = BEYOND_CUTOFF
        return NearestResult(self, sources, targets, cutoff, distance, network_distance, nearest_source, status,
                             via, node_distance, node_parent)

    def _nearest_over_alternatives(self, sources, targets, cutoff):
        """nearest() where points have alternative snaps: every snap of every source and target takes part, each
        target keeps its best; `source` is the source point, the route follows the snaps that won."""
        all_sources, source_owner = sources.expanded()
        all_targets, target_owner = targets.expanded()
        plain_sources = replace(all_sources, alternatives=None)
        plain_targets = replace(all_targets, alternatives=None)
        inner = self.nearest(plain_sources, plain_targets, cutoff)
        count = len(targets)
        # Per target, its best row: reached rows by distance, then the point's own row.
        order = np.lexsort((np.arange(len(target_owner)) >= count, inner.distance, target_owner))
        first = np.ones(len(order), dtype=bool)
        first[1:] = target_owner[order][1:] != target_owner[order][:-1]
        chosen = np.empty(count, dtype=np.int64)
        chosen[target_owner[order][first]] = order[first]
        reached = inner.status[chosen] == REACHED
        chosen = np.where(reached, chosen, np.arange(count))  # not reached anywhere: the point's own status
        source_entry = inner.source[chosen]
        source = np.full(count, -1, dtype=np.int64)
        source[source_entry >= 0] = source_owner[source_entry[source_entry >= 0]]
        result = NearestResult(self, plain_sources, plain_targets.subset(chosen), inner.cutoff, inner.distance[chosen],
                               inner.network_distance[chosen], source, inner.status[chosen], inner.via[chosen],
                               inner.node_distance, inner._node_parent)
        result._source_entry = source_entry
        return result

    def _same_segment_sources(self, sources, segment, fraction, cost, best, best_via, best_source):
        """Improve `best` (in place) with sources on the target's own segment: offset + |Δfraction| × cost."""
        snapped = np.flatnonzero(sources.segment >= 0)
        if not len(snapped) or not len(segment):
            return
        order = snapped[np.argsort(sources.segment[snapped], kind="stable")]
        source_segment = sources.segment[order]
        first = np.searchsorted(source_segment, segment, side="left")
        last = np.searchsorted(source_segment, segment, side="right")
        shared = np.flatnonzero(last > first)
        for step in range(int((last - first).max(initial=0))):  # the k-th source of each shared segment
            shared = shared[first[shared] + step < last[shared]]
            candidate_source = order[first[shared] + step]
            candidate = (sources.offset[candidate_source]
                         + np.abs(sources.fraction[candidate_source] - fraction[shared]) * cost[shared])
            better = candidate < best[shared]
            improved = shared[better]
            best[improved] = candidate[better]
            best_via[improved] = _VIA_SAME_SEGMENT
            best_source[improved] = candidate_source[better]

    # ------------------------------------------------------------------------------------------
    # Service areas

    def reachable_edges(self, sources, limit, count_source_offset=True):
        """The network within `limit` m of any of the snapped `sources` → ReachablePieces.

        A piece is the part of a segment whose walking distance from the nearest source is ≤ limit;
        segments are cut exactly at the limit. With count_source_offset (the default, as in
        nearest()) a source's snap offset is part of the distance, so a source farther than `limit`
        from the network reaches nothing; without it the walk starts on the network. Pass one source
        (sources.subset([i])) for one facility's area, or use service_areas() for each in turn.
        """
        self._check_points(sources, "sources")
        limit = float(limit)
        if not limit >= 0:
            raise ValueError("limit must be >= 0, not {!r}".format(limit))
        seed_nodes, seed_distances, _ = self._seeds(sources, count_source_offset)
        reached = self._search_within(seed_nodes, seed_distances, limit)
        return self._pieces(reached, sources, limit, count_source_offset)

    def service_areas(self, sources, limit, count_source_offset=True):
        """Yield (source index, ReachablePieces) for each snapped source on its own, as reachable_edges
        would give for that source alone. Unsnapped sources are skipped."""
        for index in np.flatnonzero(sources.segment >= 0).tolist():
            yield index, self.reachable_edges(sources.subset([index]), limit, count_source_offset)

    def nodes_within(self, sources, limit, count_source_offset=True):
        """The nodes within `limit` m of any snapped source → (node indices, distances) arrays, by node.

        A bounded search: its cost grows with the network inside the limit, not with the whole
        network, so thousands of small searches (one per candidate site) stay cheap. Distances count
        the source's snap offset as nearest() does (unless count_source_offset is False)."""
        self._check_points(sources, "sources")
        limit = float(limit)
        if not limit >= 0:
            raise ValueError("limit must be >= 0, not {!r}".format(limit))
        seed_nodes, seed_distances, _ = self._seeds(sources, count_source_offset)
        reached = self._search_within(seed_nodes, seed_distances, limit)
        nodes = np.fromiter(reached.keys(), dtype=np.int64, count=len(reached))
        distances = np.fromiter(reached.values(), dtype=np.float64, count=len(reached))
        order = np.argsort(nodes, kind="stable")
        return nodes[order], distances[order]

    def lower_node_distances(self, node_distance, sources):
        """Add sources to a finished search: lower `node_distance` (a float array per node, e.g. a copy
        of NearestResult.node_distance) in place wherever the new sources are nearer → the changed nodes.

        The search expands only nodes it improves, so its cost is the part of the network the new
        sources win, not the network: what re-evaluating one proposed facility needs. Distances of
        targets follow with target_distances() (plus same-segment checks for the new sources)."""
        self._check_points(sources, "sources")
        seed_nodes, seed_distances, _ = self._seeds(sources)
        seeded, heap = set(), []
        for node, value in zip(seed_nodes.tolist(), seed_distances.tolist()):
            if value < node_distance[node]:
                node_distance[node] = value
                seeded.add(node)
                heap.append((value, node))
        parent = {}  # the nodes the search lowers
        self._heap_search(node_distance, parent, heap)
        return np.array(sorted(seeded.union(parent)), dtype=np.int64)

    def target_distances(self, targets, node_distance):
        """Walking distance of each target through its segment's end nodes, given distances per node
        (source offset + network cost, as NearestResult.node_distance): + the partial segment + the
        target's offset; inf where not snapped or not reached. Sources on the target's own segment
        are not compared here (nearest() does that)."""
        self._check_points(targets, "targets")
        if targets.alternatives is not None and len(targets.alternatives[0]):
            every, owner = targets.expanded()
            per_row = self.target_distances(replace(every, alternatives=None), node_distance)
            distance = np.full(len(targets), np.inf)
            np.minimum.at(distance, owner, per_row)
            return distance
        distance = np.full(len(targets), np.inf)
        on = np.flatnonzero(targets.segment >= 0)
        segment, fraction = targets.segment[on], targets.fraction[on]
        cost = self.segment_cost[segment]
        through_start = node_distance[self.segment_from[segment]] + fraction * cost
        through_end = node_distance[self.segment_to[segment]] + (1.0 - fraction) * cost
        distance[on] = np.minimum(through_start, through_end) + targets.offset[on]
        return distance

    def catchments(self, sources, limit, count_source_offset=True):
        """The network within `limit` m of the snapped `sources`, each piece with its nearest source →
        Catchments. One search from all the sources together: the pieces cover exactly what
        reachable_edges gives for the sources together (the union of their service areas), without
        overlaps, at the cost of one nearest() pass however many sources there are."""
        self._check_points(sources, "sources")
        limit = float(limit)
        if not limit >= 0:
            raise ValueError("limit must be >= 0, not {!r}".format(limit))
        seed_nodes, seed_distances, seed_sources = self._seeds(sources, count_source_offset)
        node_distance, node_origin, _parent = self._search_all_nodes(seed_nodes, seed_distances, seed_sources, limit)

        # Every segment becomes one or more spans between "ends" of known distance: its nodes, and the
        # sources on it (a path to a point inside a span enters through one of the span's two ends).
        on = np.flatnonzero(sources.segment >= 0)
        offsets = sources.offset[on] if count_source_offset else np.zeros(len(on))
        with_sources = np.unique(sources.segment[on])
        plain = np.flatnonzero((node_distance[self.segment_from] <= limit) | (node_distance[self.segment_to] <= limit))
        plain = plain[~np.isin(plain, with_sources)]
        spans = [(plain, np.zeros(len(plain)), np.ones(len(plain)),
                  node_distance[self.segment_from[plain]], node_origin[self.segment_from[plain]],
                  node_distance[self.segment_to[plain]], node_origin[self.segment_to[plain]])]
        spans.append(self._spans_with_sources(sources, on, offsets, node_distance, node_origin))
        segment, t0, t1, d0, o0, d1, o1 = (np.concatenate(parts) for parts in zip(*spans))

        cost = (t1 - t0) * self.segment_cost[segment]
        with np.errstate(invalid="ignore", divide="ignore"):
            reach0 = np.where(d0 <= limit, (limit - d0) / cost, -1.0)   # share of the span walked from its start
            reach1 = np.where(d1 <= limit, (limit - d1) / cost, -1.0)
            # Where walking from the start and from the end costs the same.
            split = np.where(np.isfinite(d0) & np.isfinite(d1), (d1 - d0 + cost) / (2 * cost),
                             np.where(np.isfinite(d0), 1.0, 0.0))
        split = np.clip(split, 0.0, 1.0)
        end0 = np.minimum(np.minimum(reach0, 1.0), split)
        start1 = np.maximum(np.maximum(1.0 - reach1, 0.0), split)
        from_start = (reach0 >= 0) & (end0 > 0)
        from_end = (reach1 >= 0) & (start1 < 1)
        # One piece where both ends' pieces meet and come from the same source.
        joined = from_start & from_end & (o0 == o1) & (end0 >= start1)
        piece_segment = np.concatenate((segment[from_start], segment[from_end & ~joined]))
        width = t1 - t0
        piece_start = np.concatenate((t0[from_start], (t0 + start1 * width)[from_end & ~joined]))
        piece_end = np.concatenate(((t0 + np.where(joined, 1.0, end0) * width)[from_start],
                                    (t0 + width)[from_end & ~joined]))
        piece_source = np.concatenate((o0[from_start], o1[from_end & ~joined]))
        order = np.lexsort((piece_start, piece_segment))
        piece_segment, piece_start, piece_end, piece_source = (
            piece_segment[order], piece_start[order], piece_end[order], piece_source[order])
        x0, y0 = self._seg_x0[piece_segment], self._seg_y0[piece_segment]
        dx, dy = self._seg_dx[piece_segment], self._seg_dy[piece_segment]
        return Catchments(piece_segment, piece_start, piece_end, x0 + piece_start * dx, y0 + piece_start * dy,
                          x0 + piece_end * dx, y0 + piece_end * dy, source=piece_source)

    def _spans_with_sources(self, sources, on, offsets, node_distance, node_origin):
        """The spans of the segments that hold sources, cut at the sources: (segment, t0, t1, distance and
        source at t0, distance and source at t1) arrays. A source's own point is as far as the nearest of:
        its offset, another source on the segment along it, the segment's nodes."""
        rows = []
        order = on[np.lexsort((sources.fraction[on], sources.segment[on]))]
        offset_of = dict(zip(on.tolist(), offsets.tolist()))
        segments = sources.segment[order].tolist()
        fractions = sources.fraction[order].tolist()
        begin = 0
        while begin < len(order):
            segment = segments[begin]
            end = begin
            while end < len(order) and segments[end] == segment:
                end += 1
            cost = float(self.segment_cost[segment])
            start_node, end_node = int(self.segment_from[segment]), int(self.segment_to[segment])
            ends = [(0.0, float(node_distance[start_node]), int(node_origin[start_node]))]
            members = [(fractions[k], int(order[k])) for k in range(begin, end)]
            for fraction, source in members:
                best, best_source = offset_of[source], source
                for other_fraction, other in members:
                    candidate = offset_of[other] + abs(other_fraction - fraction) * cost
                    if candidate < best:
                        best, best_source = candidate, other
                for node_fraction, node in ((0.0, start_node), (1.0, end_node)):
                    candidate = float(node_distance[node]) + abs(fraction - node_fraction) * cost
                    if candidate < best:
                        best, best_source = candidate, int(node_origin[node])
                ends.append((fraction, best, best_source))
            ends.append((1.0, float(node_distance[end_node]), int(node_origin[end_node])))
            for (f0, v0, s0), (f1, v1, s1) in zip(ends[:-1], ends[1:]):
                if f1 > f0:
                    rows.append((segment, f0, f1, v0, s0, v1, s1))
            begin = end
        if not rows:
            empty = np.zeros(0)
            return (empty.astype(np.int64), empty, empty, empty, empty.astype(np.int64), empty,
                    empty.astype(np.int64))
        segment, t0, t1, d0, o0, d1, o1 = zip(*rows)
        return (np.array(segment, dtype=np.int64), np.array(t0), np.array(t1), np.array(d0),
                np.array(o0, dtype=np.int64), np.array(d1), np.array(o1, dtype=np.int64))

    def _pieces(self, reached, sources, limit, count_source_offset):
        """Cut the segments around the reached nodes (node → distance) and the sources at the limit."""
        covered = {}  # segment → [(start fraction, end fraction), ...], possibly overlapping
        arc_start, _head, arc_cost = self._arcs()
        arc_segment, arc_forward = self._arc_sides()
        for node, value in reached.items():
            remaining = limit - value
            for arc in range(arc_start[node], arc_start[node + 1]):
                share = min(1.0, remaining / arc_cost[arc])
                piece = (0.0, share) if arc_forward[arc] else (1.0 - share, 1.0)
                covered.setdefault(arc_segment[arc], []).append(piece)
        # The source's own segment, walked directly in both directions from the source.
        index = np.flatnonzero(sources.segment >= 0)
        offsets = sources.offset[index] if count_source_offset else np.zeros(len(index))
        for segment, fraction, offset in zip(sources.segment[index].tolist(), sources.fraction[index].tolist(),
                                             offsets.tolist()):
            if offset <= limit:
                half = (limit - offset) / float(self.segment_cost[segment])
                covered.setdefault(segment, []).append((max(0.0, fraction - half), min(1.0, fraction + half)))

        pieces = []  # (segment, start, end), overlaps merged
        for segment, intervals in covered.items():
            intervals.sort()
            low, high = intervals[0]
            for start, end in intervals[1:]:
                if start <= high:
                    high = max(high, end)
                else:
                    pieces.append((segment, low, high))
                    low, high = start, end
            pieces.append((segment, low, high))
        segment = np.array([piece[0] for piece in pieces], dtype=np.int64)
        start = np.array([piece[1] for piece in pieces], dtype=np.float64)
        end = np.array([piece[2] for piece in pieces], dtype=np.float64)
        keep = end > start  # a node reached with nothing left to walk yields no piece
        order = np.argsort(segment[keep], kind="stable")
        segment, start, end = segment[keep][order], start[keep][order], end[keep][order]
        x0, y0 = self._seg_x0[segment], self._seg_y0[segment]
        dx, dy = self._seg_dx[segment], self._seg_dy[segment]
        return ReachablePieces(segment, start, end, x0 + start * dx, y0 + start * dy, x0 + end * dx, y0 + end * dy)

    # ------------------------------------------------------------------------------------------
    # Connected pieces

    def components(self):
        """Connected pieces of the network (computed once) → Components."""
        if self._components is None and self.engine == "scipy":
            starts, heads, costs = self._csr
            graph = _csr_matrix((np.ones(len(heads)), heads, starts), shape=(self.node_count, self.node_count))
            found, label = _connected_components(graph, directed=False)
            self._components = self._ranked_components(found, label.astype(np.int64))
        if self._components is None:
            label = [-1] * self.node_count
            arc_start, arc_head = self._arcs()[:2]
            found = 0
            for seed in range(self.node_count):
                if seed % _STOP_CHECK_EVERY == 0:
                    self._stop_if_asked()
                if label[seed] >= 0:
                    continue
                label[seed] = found
                stack = [seed]
                while stack:
                    node = stack.pop()
                    for arc in range(arc_start[node], arc_start[node + 1]):
                        head = arc_head[arc]
                        if label[head] < 0:
                            label[head] = found
                            stack.append(head)
                found += 1
            self._components = self._ranked_components(found, np.array(label, dtype=np.int64))
        return self._components

    def _ranked_components(self, found, label):
        """Components from a label per node (labels numbered by their lowest node, 0 … found - 1)."""
        segment_label = label[self.segment_from] if self.segment_count else np.zeros(0, dtype=np.int64)
        length = np.bincount(segment_label, weights=self.segment_length, minlength=found)
        rank = np.empty(found, dtype=np.int64)
        rank[np.argsort(-length, kind="stable")] = np.arange(found)  # 0 = longest piece
        return Components(node_component=rank[label], segment_component=rank[segment_label],
                          length=np.sort(length)[::-1].copy(),
                          segment_count=np.bincount(rank[segment_label], minlength=found))

    def _check_points(self, points, name):
        if not isinstance(points, SnappedPoints) or points.network is not self:
            raise ValueError("{} must be SnappedPoints from this network's snap()".format(name))


class _Unreached(dict):
    """node → distance of a bounded search; a node not in it is at infinity."""

    def __missing__(self, node):
        return math.inf


def _best_seeds(seed_nodes, seed_distances, seed_sources, cutoff):
    """(node, distance, source) arrays: the best seed of each seeded node within the cutoff; among equal ones
    the first given."""
    nodes = np.asarray(seed_nodes, dtype=np.int64)
    values = np.asarray(seed_distances, dtype=np.float64)
    sources = np.asarray(seed_sources, dtype=np.int64)
    keep = values <= cutoff
    nodes, values, sources = nodes[keep], values[keep], sources[keep]
    order = np.lexsort((np.arange(len(nodes)), values, nodes))
    first = np.ones(len(order), dtype=bool)
    first[1:] = nodes[order][1:] != nodes[order][:-1]
    chosen = order[first]
    return nodes[chosen], values[chosen], sources[chosen]


def _origins(distance, parent, seed_nodes, seed_sources):
    """The source each node's path starts from (-1 where not reached): the seed at the root of its parents,
    found by pointer doubling (log of the longest path in numpy steps)."""
    reached = np.isfinite(distance)
    root = np.where(reached, parent, -1)
    seeded = reached & (parent < 0)  # its best path is its own seed
    root[seeded] = np.flatnonzero(seeded)
    while True:
        further = root[np.maximum(root, 0)]
        moved = (root >= 0) & (further != root)
        if not moved.any():
            break
        root[moved] = further[moved]
    seed_source = np.full(len(distance), -1, dtype=np.int64)
    seed_source[seed_nodes] = seed_sources
    return np.where(root >= 0, seed_source[np.maximum(root, 0)], -1)


@dataclass(frozen=True, eq=False)
class _Grid:
    origin_x: float
    origin_y: float
    cell: float
    columns: int
    rows: int
    cell_start: np.ndarray     # CSR: segments of cell c are cell_segments[cell_start[c]:cell_start[c + 1]]
    cell_segments: np.ndarray


_RING_CACHE = {}


def _ring_offsets(ring):
    """(column, row) offsets of the cells at Chebyshev distance `ring` from a cell."""
    if ring not in _RING_CACHE:
        if ring == 0:
            offsets = (np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64))
        else:
            side = np.arange(-ring, ring + 1, dtype=np.int64)
            inner = np.arange(-ring + 1, ring, dtype=np.int64)
            offsets = (np.concatenate((side, side, np.full(len(inner), -ring), np.full(len(inner), ring))),
                       np.concatenate((np.full(len(side), -ring), np.full(len(side), ring), inner, inner)))
        _RING_CACHE[ring] = offsets
    return _RING_CACHE[ring]


def _expand(owner, start, count, values):
    """For each owner i, the values[start[i]:start[i] + count[i]] → (owner per pair, value per pair)."""
    total = int(count.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pair_owner = np.repeat(owner, count)
    position = np.arange(total) - np.repeat(np.cumsum(count) - count, count) + np.repeat(start, count)
    return pair_owner, values[position]


def _keep_best(pair_point, pair_segment, d2, best_d2, best_segment):
    """Update best_d2/best_segment (in place) with the nearest candidate of each point; ties go to the
    lowest segment index. Pairs must be grouped by point (all pairs of a point contiguous)."""
    boundary = np.flatnonzero(pair_point[1:] != pair_point[:-1]) + 1
    starts = np.concatenate(([0], boundary))
    point = pair_point[starts]
    group_d2 = np.minimum.reduceat(d2, starts)
    group_size = np.diff(np.concatenate((starts, [len(pair_point)])))
    at_min = d2 == np.repeat(group_d2, group_size)
    group_segment = np.minimum.reduceat(np.where(at_min, pair_segment, np.iinfo(np.int64).max), starts)
    better = (group_d2 < best_d2[point]) | ((group_d2 == best_d2[point]) & (group_segment < best_segment[point]))
    best_d2[point[better]] = group_d2[better]
    best_segment[point[better]] = group_segment[better]


def _line_cost_factors(cost_factors, line_count):
    if cost_factors is None:
        return np.ones(line_count)
    if isinstance(cost_factors, np.ndarray):
        factors = cost_factors.astype(np.float64)
    else:
        factors = np.array([math.nan if factor is None else factor for factor in cost_factors], dtype=np.float64)
    if len(factors) != line_count:
        raise ValueError("cost_factors has {} values for {} lines".format(len(factors), line_count))
    return factors


def _merge_vertices(vertex_x, vertex_y, tolerance):
    """Node of each vertex (vertices on the same tolerance grid point share one) and node coordinates
    (those of the node's first vertex in input order)."""
    if len(vertex_x) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0)
    key_x = np.round(vertex_x / tolerance).astype(np.int64)
    key_y = np.round(vertex_y / tolerance).astype(np.int64)
    columns = int(key_x.max()) - int(key_x.min()) + 1
    rows = int(key_y.max()) - int(key_y.min()) + 1
    if columns * rows < 2 ** 62:  # one key: a stable argsort is twice as fast as lexsort
        order = np.argsort((key_x - key_x.min()) * rows + (key_y - key_y.min()), kind="stable")
    else:
        order = np.lexsort((key_y, key_x))  # stable: the first vertex of a group is the first in input order
    key_x, key_y = key_x[order], key_y[order]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = (key_x[1:] != key_x[:-1]) | (key_y[1:] != key_y[:-1])
    del key_x, key_y
    vertex_node = np.empty(len(order), dtype=np.int64)
    vertex_node[order] = np.cumsum(new_group) - 1
    first = order[new_group]
    return vertex_node, vertex_x[first], vertex_y[first]
