"""Polylines (core/polylines.py), without QGIS: straight pieces joined into polylines and written as WKB — the lines
must cover exactly the pieces given, every piece once, whole, nothing else, whatever the pairing at crossings —
and road lines read from WKB in bulk, the network and crossings built from them exactly as from lists of points."""

import random
import struct

import numpy as np
import pytest
from shapely import wkb
from shapely.geometry import LineString, MultiLineString, Point

from complete_community.core import network as network_module
from complete_community.core.crossings import find_crossings, split_at_crossings
from complete_community.core.network import WalkingNetwork
from complete_community.core.polylines import (Polylines, join_pieces, linestring_wkbs, multilinestring_wkb,
                                               network_piece_lines, parse_linestrings_wkb)

from test_network import random_city, random_points, snap


def read_wkb(data):
    """[[(x, y), ...], ...] of a little-endian WKB MultiLineString, read independently of the writer."""
    order, kind, count = struct.unpack_from("<BII", data, 0)
    assert (order, kind) == (1, 5)
    at, lines = 9, []
    for _ in range(count):
        order, kind, points = struct.unpack_from("<BII", data, at)
        assert (order, kind) == (1, 2) and points >= 2
        at += 9
        lines.append([struct.unpack_from("<dd", data, at + 16 * k) for k in range(points)])
        at += 16 * points
    assert at == len(data)
    return lines


def piece_set(lines):
    """The straight pieces of lines, each as a frozenset of its two end points (rounded to 1e-9 m)."""
    found = []
    for line in lines:
        rounded = [(round(x, 9), round(y, 9)) for x, y in line]
        found += [frozenset(pair) for pair in zip(rounded[:-1], rounded[1:])]
    return found


def as_pieces(x0, y0, x1, y1):
    return sorted(piece_set([[(a, b), (c, d)] for a, b, c, d in zip(x0, y0, x1, y1)]), key=sorted)


def test_pieces_sharing_points_become_one_line_per_path():
    # A path of three pieces given out of order and in mixed directions, and a separate piece.
    x0, y0 = np.array([1.0, 0.0, 3.0, 10.0]), np.array([0.0, 0.0, 1.0, 10.0])
    x1, y1 = np.array([2.0, 1.0, 2.0, 11.0]), np.array([1.0, 0.0, 1.0, 10.0])
    start_key, end_key = np.array([1, 0, 3, 7]), np.array([2, 1, 2, 8])
    lines = join_pieces(np.zeros(4, dtype=np.int64), start_key, end_key, x0, y0, x1, y1)
    drawn = read_wkb(multilinestring_wkb(lines).of(0))
    assert sorted(len(line) for line in drawn) == [2, 4]
    path = next(line for line in drawn if len(line) == 4)
    assert path in ([(0, 0), (1, 0), (2, 1), (3, 1)], [(3, 1), (2, 1), (1, 0), (0, 0)])


def test_a_closed_loop_is_opened_once_and_groups_never_join():
    square_x, square_y = np.array([0.0, 1, 1, 0]), np.array([0.0, 0, 1, 1])
    keys = np.array([0, 1, 2, 3])
    group = np.array([4, 4, 4, 4, 9, 9, 9, 9])  # the same loop in two groups, with the same keys
    lines = join_pieces(group, np.tile(keys, 2), np.tile(np.roll(keys, -1), 2), np.tile(square_x, 2),
                        np.tile(square_y, 2), np.tile(np.roll(square_x, -1), 2), np.tile(np.roll(square_y, -1), 2))
    wkb = multilinestring_wkb(lines)
    for member in (4, 9):
        (loop,) = read_wkb(wkb.of(member))
        assert len(loop) == 5 and loop[0] == loop[-1]
    assert wkb.of(5) is None and wkb.of(0) is None and wkb.of(10) is None


def test_a_point_between_two_pieces_of_the_same_segment_is_dropped():
    lines = join_pieces(np.zeros(2, dtype=np.int64), np.array([0, 5]), np.array([5, 1]),
                        np.array([0.0, 4.0]), np.array([0.0, 0.0]), np.array([4.0, 10.0]), np.array([0.0, 0.0]),
                        same_line=np.array([3, 3]))
    assert read_wkb(multilinestring_wkb(lines).of(0)) in ([[(0, 0), (10, 0)]], [[(10, 0), (0, 0)]])


def test_one_linestring_wkb_per_line():
    lines = Polylines.from_sequences([[(0, 0), (1.5, -2)], [(3, 4), (5, 6), (7e6, 8.25)]])
    written = linestring_wkbs(lines)
    assert [wkb.loads(data).coords[:] for data in written] == [[(0, 0), (1.5, -2)], [(3, 4), (5, 6), (7e6, 8.25)]]
    assert written[0] == struct.pack("<BII4d", 1, 2, 2, 0, 0, 1.5, -2)
    assert linestring_wkbs(Polylines.from_sequences([])) == []


def test_nothing_to_join():
    lines = join_pieces(*(np.zeros(0) for _ in range(7)))
    assert len(lines) == 0


def merged_on_segments(catchments, mine):
    """The pieces of one source with the touching pieces of the same segment made one (an independent
    statement of what the lines must hold)."""
    merged = []
    for segment, start, end, x0, y0, x1, y1 in sorted(zip(
            catchments.segment[mine].tolist(), catchments.start_fraction[mine].tolist(),
            catchments.end_fraction[mine].tolist(), catchments.x0[mine].tolist(), catchments.y0[mine].tolist(),
            catchments.x1[mine].tolist(), catchments.y1[mine].tolist())):
        if merged and merged[-1][0] == segment and merged[-1][2] == start:
            merged[-1] = (segment, merged[-1][1], end, merged[-1][3], merged[-1][4], x1, y1)
        else:
            merged.append((segment, start, end, x0, y0, x1, y1))
    return merged


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("limit", [35.0, 140.0, 600.0])
def test_the_lines_of_the_catchments_cover_exactly_their_pieces(seed, limit):
    """Random jittered grids with bends, diagonals, several sources per segment and closed paths: each
    source's lines are its pieces exactly (the cut ends at the limit included), with fewer vertices."""
    lines, factors = random_city(seed)
    network = WalkingNetwork(lines, factors)
    sources = snap(network, random_points(seed, lines, 12, near_separate_piece=2), 18)
    catchments = network.catchments(sources, limit)
    wkb = multilinestring_wkb(network_piece_lines(network, catchments, catchments.source))
    vertices = 0
    for source in range(len(sources)):
        mine = catchments.of_source(source)
        drawn = wkb.of(source)
        if not mine.any():
            assert drawn is None
            continue
        drawn_lines = read_wkb(drawn)
        vertices += sum(len(line) for line in drawn_lines)
        expected = [(x0, y0, x1, y1) for _s, _a, _b, x0, y0, x1, y1 in merged_on_segments(catchments, mine)]
        assert sorted(piece_set(drawn_lines), key=sorted) == as_pieces(*zip(*expected))
    assert vertices < 2 * len(catchments)


# Road lines read from WKB in bulk

def iso_linestring(points, dimensions):
    """Little-endian ISO WKB of a line string with 2, 3 (Z) or 4 (ZM) numbers per vertex."""
    code = {2: 2, 3: 1002, 4: 3002}[dimensions]
    values = [value for point in points for value in point]
    return struct.pack("<BII{}d".format(len(values)), 1, code, len(points), *values)


def parse(blobs):
    lines, geometry, not_read = parse_linestrings_wkb(b"".join(blobs), [len(blob) for blob in blobs])
    return lines.to_sequences(), geometry.tolist(), not_read.tolist()


def test_every_flavour_of_line_string_is_read_in_order():
    blobs = [
        wkb.dumps(LineString([(0.1, 0.2), (1.5, 2.5), (3, 4)])),                    # plain 2D
        wkb.dumps(MultiLineString([[(5, 5), (6, 6)], [(7, 7), (8, 8), (9, 9)]]), big_endian=True),
        wkb.dumps(LineString([(1, 1, 10), (2, 2, 20)])),                              # EWKB Z flag
        wkb.dumps(Point(1, 1)),                                                       # not a line
        iso_linestring([(3, 3, 30, 300), (4, 4, 40, 400)], 4),                         # ISO ZM
        iso_linestring([(-1e6, 4e6, 0.5), (-1e6 + 0.001, 4e6, 0.5)], 3),              # ISO Z
        wkb.dumps(MultiLineString([[(0, 0), (0, 1)], [(1, 0), (1, 1)]])),              # little-endian multi
        iso_linestring([(0, 0), (1, 1)], 2)[:-3],                                      # truncated
    ]
    lines, geometry, not_read = parse(blobs)
    assert lines == [[(0.1, 0.2), (1.5, 2.5), (3.0, 4.0)], [(5.0, 5.0), (6.0, 6.0)],
                     [(7.0, 7.0), (8.0, 8.0), (9.0, 9.0)], [(1.0, 1.0), (2.0, 2.0)], [(3.0, 3.0), (4.0, 4.0)],
                     [(-1e6, 4e6), (-1e6 + 0.001, 4e6)], [(0.0, 0.0), (0.0, 1.0)], [(1.0, 0.0), (1.0, 1.0)]]
    assert geometry == [0, 1, 1, 2, 4, 5, 6, 6]
    assert not_read == [3, 7]


def test_many_random_lines_round_trip_exactly():
    generator = random.Random(5)
    shapes = []
    for _ in range(500):
        parts = [[(generator.uniform(-1e7, 1e7), generator.uniform(-1e7, 1e7)) for _ in range(generator.randint(2, 6))]
                 for _ in range(generator.randint(1, 3))]
        shapes.append(LineString(parts[0]) if len(parts) == 1 and generator.random() < 0.5 else MultiLineString(parts))
    lines, geometry, not_read = parse([wkb.dumps(shape) for shape in shapes])
    expected = [(list(part.coords), number) for number, shape in enumerate(shapes)
                for part in (shape.geoms if shape.geom_type == "MultiLineString" else [shape])]
    assert lines == [part for part, _number in expected]  # bit for bit: nothing is rounded
    assert geometry == [number for _part, number in expected]
    assert not_read == []


def test_a_network_from_polylines_is_the_network_from_lists():
    generator = random.Random(8)
    lines = [[(round(generator.uniform(0, 500), 1), round(generator.uniform(0, 500), 1))
              for _ in range(generator.randint(1, 4))] for _ in range(150)]
    lines[3] = [(1.0, 1.0), (float("nan"), 2.0)]
    factors = [generator.choice([1.0, 1.25, None, -1.0]) for _ in lines]
    for engine in network_module.ENGINES:
        from_lists = WalkingNetwork(lines, factors, engine=engine)
        from_arrays = WalkingNetwork(Polylines.from_sequences(lines), np.array(
            [np.nan if factor is None else factor for factor in factors]), engine=engine)
        for name in ("node_x", "node_y", "segment_from", "segment_to", "segment_cost", "segment_line"):
            assert np.array_equal(getattr(from_lists, name), getattr(from_arrays, name)), name
        assert from_lists.problems == from_arrays.problems


def test_crossings_split_the_same_as_lists_and_as_polylines():
    generator = random.Random(11)
    lines = [[(generator.uniform(0, 1000), generator.uniform(0, 1000)) for _ in range(generator.randint(2, 5))]
             for _ in range(80)]
    flat = Polylines.from_sequences(lines)
    crossings = find_crossings(flat)
    assert crossings.count == find_crossings(lines).count > 0
    as_lists = split_at_crossings(lines, crossings)
    as_polylines = split_at_crossings(flat, crossings)
    assert isinstance(as_polylines, Polylines)
    assert as_polylines.to_sequences() == [list(map(tuple, line)) for line in as_lists]
    assert WalkingNetwork(as_polylines).components().count == WalkingNetwork(as_lists).components().count
