"""Straight pieces joined into polylines, and multi-line WKB, with numpy only (no object per piece).

A city's service areas drawn as streets are about 150,000 straight pieces per category (parts of road
segments, cut at the walking limit). Stored as one 2-point line per piece, every point is written once per
piece that touches it, plus a header per piece. Joined into polylines through their shared end points, a
point is written once per line passing through it: half the bytes (the bench city: 94 → 48 MB), and
exactly the same points.

    lines = join_pieces(group, start_key, end_key, x0, y0, x1, y1)
    wkb = multilinestring_wkb(lines)        # one MultiLineString per group, as bytes
    wkb.of(group)                           # → bytes for QgsGeometry.fromWkb

The other way, a road layer of hundreds of thousands of short lines read without a Python object per vertex
(about 300 bytes a line as lists of tuples): each feature's WKB appended to one buffer, then

    lines, feature_of_line, not_read = parse_linestrings_wkb(buffer, lengths)   # Polylines, one line per part
"""

import struct
from dataclasses import dataclass

import numpy as np

_NO_END = -1
_WKB_LITTLE_ENDIAN = 1
_WKB_LINESTRING, _WKB_MULTILINESTRING = 2, 5
_HEADER = np.dtype([("order", "u1"), ("type", "<u4"), ("count", "<u4")])  # 9 bytes, packed


@dataclass(frozen=True, eq=False)
class Polylines:
    """Lines in flat arrays, optionally grouped (e.g. per facility), in group order.

    x, y          every line's vertices (m, exact), line after line
    line_start    index into x/y of each line's first vertex, plus a last entry = len(x)
    line_group    the group of each line (non-decreasing), or None for lines without groups
    """

    x: np.ndarray
    y: np.ndarray
    line_start: np.ndarray
    line_group: np.ndarray = None

    @classmethod
    def from_sequences(cls, lines):
        """Ungrouped lines from [[(x, y), …], …] (at least two numbers per vertex; extra ones are ignored)."""
        if isinstance(lines, Polylines):
            return lines
        flat, counts = [], []
        for line in lines:
            vertices = line.tolist() if isinstance(line, np.ndarray) else line
            before = len(flat)
            flat.extend((vertex[0], vertex[1]) for vertex in vertices)
            counts.append(len(flat) - before)
        xy = np.array(flat, dtype=np.float64).reshape(-1, 2)
        return cls(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]), _starts(counts))

    def __len__(self):
        return len(self.line_start) - 1

    @property
    def vertex_count(self):
        return len(self.x)

    def counts(self):
        """Vertices per line."""
        return np.diff(self.line_start)

    def vertex_line(self):
        """The line of every vertex."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.counts())

    def subset(self, keep):
        """The lines where the boolean mask `keep` (one value per line) is true, in order."""
        vertex = np.repeat(keep, self.counts())
        return Polylines(self.x[vertex], self.y[vertex], _starts(self.counts()[keep]),
                         None if self.line_group is None else self.line_group[keep])

    def line(self, index):
        """Line `index` as [(x, y), …]."""
        begin, end = int(self.line_start[index]), int(self.line_start[index + 1])
        return list(zip(self.x[begin:end].tolist(), self.y[begin:end].tolist()))

    def to_sequences(self):
        """[[(x, y), …], …], as from_sequences takes them."""
        return [self.line(index) for index in range(len(self))]


def join_pieces(group, start_key, end_key, x0, y0, x1, y1, same_line=None):
    """Join straight pieces that share an end point (same group, same key) into polylines → Polylines.

    group         int array, one per piece: pieces join only within a group
    start_key, end_key  int arrays: the identity of each piece's ends (equal keys = the same point; give a
                  network node for an end on a node and a key of its own to a cut end)
    x0, y0, x1, y1  the pieces' end points
    same_line     optional int array (e.g. the road segment of each piece): where two joined pieces have the
                  same value the point between them is dropped (it lies on the straight line through them)

    At a point where several pieces of a group meet, they are paired two by two into through lines (an odd
    one ends there), so every piece is drawn exactly once, whole, and the lines cover exactly the pieces.
    Closed loops are opened at one point. Cost: a few sorts and O(log longest line) passes over the pieces.
    """
    group = np.asarray(group, dtype=np.int64)
    count = len(group)
    if count == 0:
        empty = np.zeros(0)
        return Polylines(empty, empty, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    # End e of piece e // 2: even = its start, odd = its end.
    end_group = np.repeat(group, 2)
    keys = np.empty(2 * count, dtype=np.int64)
    keys[0::2], keys[1::2] = start_key, end_key
    partner = _pair_ends(end_group, keys)
    _open_loops(partner)
    # Walk every line from one of its ends: entering a piece through end e, it leaves through e ^ 1 and
    # enters the next piece through partner[e ^ 1]. Both walking directions come out; keep one per line.
    following = partner[np.arange(2 * count) ^ 1]
    last, steps_to_last = _rank(following)
    entering = np.where(last[0::2] < last[1::2], np.arange(0, 2 * count, 2), np.arange(1, 2 * count, 2))
    line_of = last[entering]
    order = np.lexsort((-steps_to_last[entering], line_of, group))
    entering, line_of = entering[order], line_of[order]
    piece = entering >> 1
    forward = (entering & 1) == 0
    ax, ay = np.where(forward, x0[piece], x1[piece]), np.where(forward, y0[piece], y1[piece])
    bx, by = np.where(forward, x1[piece], x0[piece]), np.where(forward, y1[piece], y0[piece])
    first = np.ones(count, dtype=bool)
    first[1:] = line_of[1:] != line_of[:-1]
    # Vertices: the first piece of a line gives its start and end, every other piece its end only.
    starts_before = np.cumsum(first)
    vertex_count = count + int(starts_before[-1])
    x, y = np.empty(vertex_count), np.empty(vertex_count)
    end_at = np.arange(count) + starts_before
    x[end_at], y[end_at] = bx, by
    x[end_at[first] - 1], y[end_at[first] - 1] = ax[first], ay[first]
    line_start = np.append(end_at[first] - 1, vertex_count)
    line_group = group[piece[first]]
    if same_line is not None:
        same_line = np.asarray(same_line)[piece]
        straight = ~first
        straight[1:] &= same_line[1:] == same_line[:-1]
        straight[0] = False
        if straight.any():  # drop the vertex before each such piece (the end of the previous one)
            keep = np.ones(vertex_count, dtype=bool)
            keep[end_at[np.flatnonzero(straight) - 1]] = False
            line_start = np.cumsum(np.concatenate(([0], keep)))[line_start]
            x, y = x[keep], y[keep]
    return Polylines(x, y, line_start, line_group)


def _pair_ends(end_group, end_key):
    """partner[e]: the end joined with end e (the next one of the same group and key, two by two), or −1."""
    order = np.lexsort((end_key, end_group))
    same = (end_group[order][1:] == end_group[order][:-1]) & (end_key[order][1:] == end_key[order][:-1])
    run_start = np.ones(len(order), dtype=bool)
    run_start[1:] = ~same
    position = np.arange(len(order))
    position_in_run = position - np.maximum.accumulate(np.where(run_start, position, 0))
    joined = np.flatnonzero((position_in_run[:-1] % 2 == 0) & same)  # sorted position i pairs with i + 1
    partner = np.full(len(order), _NO_END, dtype=np.int64)
    partner[order[joined]] = order[joined + 1]
    partner[order[joined + 1]] = order[joined]
    return partner


def _rank(following):
    """Pointer jumping over chains `following` (−1 ends a chain; no cycles) → (last element of each
    element's chain, number of steps to it)."""
    count = len(following)
    last = np.where(following >= 0, following, np.arange(count))
    steps = (following >= 0).astype(np.int64)
    jump = following.copy()
    while True:
        going = np.flatnonzero(jump >= 0)
        if not len(going):
            return last, steps
        ahead = jump[going]
        steps[going] += steps[ahead]
        last[going] = last[ahead]
        jump[going] = jump[ahead]


def _open_loops(partner):
    """Unpair one joint of every closed loop (in place), so that every line has two ends."""
    count = len(partner)
    following = partner[np.arange(count) ^ 1]
    # An element reaches the end of its chain in at most log2(count) + 1 doublings; loops never do.
    jump = following.copy()
    for _ in range(int(np.ceil(np.log2(max(count, 2)))) + 1):
        going = jump >= 0
        if not going.any():
            return
        jump[going] = jump[jump[going]]
    looped = np.flatnonzero(jump >= 0)
    if not len(looped):
        return
    # The smallest end of each loop, by doubling: least[e] = min over 2^k successors.
    least = np.arange(count)
    step = following.copy()
    for _ in range(int(np.ceil(np.log2(max(count, 2)))) + 1):
        least[looped] = np.minimum(least[looped], least[step[looped]])
        step[looped] = step[step[looped]]
    # A loop walked one way and the same loop walked the other way: open it once, at the smaller of their
    # smallest ends (the other walk's ends are e ^ 1).
    cut = looped[(least[looped] == looped) & (looped < least[looped ^ 1])]
    other = partner[cut]
    partner[cut] = _NO_END
    partner[other] = _NO_END


@dataclass(frozen=True, eq=False)
class GroupWkb:
    """Every group's MultiLineString as little-endian WKB in one buffer."""

    buffer: bytes
    groups: np.ndarray   # the groups present, ascending
    offsets: np.ndarray  # byte offset of each group's geometry, plus the end

    def of(self, group):
        """The WKB of one group, or None when it has no line."""
        index = int(np.searchsorted(self.groups, group))
        if index == len(self.groups) or self.groups[index] != group:
            return None
        return self.buffer[self.offsets[index]:self.offsets[index + 1]]


def multilinestring_wkb(lines):
    """One little-endian WKB MultiLineString per group of `lines` (Polylines) → GroupWkb, built in numpy."""
    vertex_count = np.diff(lines.line_start)
    groups, first_line, lines_per_group = np.unique(lines.line_group, return_index=True, return_counts=True)
    coordinates = np.empty((len(lines.x), 2))
    coordinates[:, 0], coordinates[:, 1] = lines.x, lines.y
    body = coordinates.view(np.uint8).ravel()  # 16 bytes per vertex
    # Headers in file order: a group's header, then each of its lines' headers, each before its first vertex.
    is_group = np.zeros(len(groups) + len(lines), dtype=bool)
    is_group[first_line + np.arange(len(groups))] = True
    headers = np.empty(len(is_group), dtype=_HEADER)
    headers["order"] = _WKB_LITTLE_ENDIAN
    headers["type"] = np.where(is_group, _WKB_MULTILINESTRING, _WKB_LINESTRING)
    headers["count"][is_group] = lines_per_group
    headers["count"][~is_group] = vertex_count
    line_at = lines.line_start[:-1] * 16
    header_at = np.empty(len(is_group), dtype=np.int64)
    header_at[~is_group] = line_at
    header_at[is_group] = line_at[first_line]
    buffer = np.insert(body, np.repeat(header_at, _HEADER.itemsize), headers.view(np.uint8))
    group_end = lines.line_start[np.append(first_line[1:], len(lines))] * 16
    offsets = np.concatenate(([0], group_end + 9 * (np.arange(1, len(groups) + 1)
                                                   + np.cumsum(lines_per_group))))
    return GroupWkb(buffer.tobytes(), groups, offsets)


def linestring_wkbs(lines):
    """One little-endian WKB LineString per line of `lines` (Polylines) → [bytes], built in numpy."""
    counts = lines.counts()
    coordinates = np.empty((len(lines.x), 2))
    coordinates[:, 0], coordinates[:, 1] = lines.x, lines.y
    headers = np.empty(len(counts), dtype=_HEADER)
    headers["order"], headers["type"], headers["count"] = _WKB_LITTLE_ENDIAN, _WKB_LINESTRING, counts
    buffer = np.insert(coordinates.view(np.uint8).ravel(), np.repeat(lines.line_start[:-1] * 16, _HEADER.itemsize),
                       headers.view(np.uint8)).tobytes()
    ends = (lines.line_start[1:] * 16 + _HEADER.itemsize * np.arange(1, len(counts) + 1)).tolist()
    return [buffer[begin:end] for begin, end in zip([0] + ends[:-1], ends)]


def network_piece_lines(network, pieces, group):
    """Pieces of a WalkingNetwork's segments (ReachablePieces: segment, start/end fraction) joined per group
    → Polylines. Ends at a segment's node join through the node (drawn at the node's exact coordinates); a
    cut end joins only the piece cut at the same point of the same segment."""
    segment = pieces.segment
    at_start, at_end = pieces.start_fraction == 0.0, pieces.end_fraction == 1.0
    # Cut ends: one key per (segment, fraction) after the nodes' keys.
    cut_segment = np.concatenate((segment[~at_start], segment[~at_end]))
    cut_fraction = np.concatenate((pieces.start_fraction[~at_start], pieces.end_fraction[~at_end]))
    order = np.lexsort((cut_fraction, cut_segment))
    new_point = np.ones(len(order), dtype=bool)
    new_point[1:] = ((cut_segment[order][1:] != cut_segment[order][:-1])
                     | (cut_fraction[order][1:] != cut_fraction[order][:-1]))
    cut_key = np.empty(len(order), dtype=np.int64)
    cut_key[order] = network.node_count + np.cumsum(new_point) - 1
    start_node, end_node = network.segment_from[segment], network.segment_to[segment]
    start_key, end_key = start_node.copy(), end_node.copy()
    start_key[~at_start] = cut_key[:np.count_nonzero(~at_start)]
    end_key[~at_end] = cut_key[np.count_nonzero(~at_start):]
    x0, y0 = np.where(at_start, network.node_x[start_node], pieces.x0), np.where(at_start, network.node_y[start_node],
                                                                                 pieces.y0)
    x1, y1 = np.where(at_end, network.node_x[end_node], pieces.x1), np.where(at_end, network.node_y[end_node],
                                                                             pieces.y1)
    return join_pieces(group, start_key, end_key, x0, y0, x1, y1, same_line=segment)


# -- Reading: line strings from WKB in bulk --------------------------------------------------------------------

def _starts(counts):
    start = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    return start


def parse_linestrings_wkb(buffer, lengths):
    """Lines from the concatenated WKB of many geometries → (Polylines with one line per part, the geometry of
    each line, the geometries that are not line strings).

    buffer   bytes (or bytearray) of the WKB of every geometry, one after another
    lengths  the byte length of each geometry's WKB
    LineString and MultiLineString (2D, Z, M, ZM; ISO or EWKB type codes; either byte order) are read; Z and M
    are ignored. Any other type (curves, an empty or a truncated geometry) is listed as not read: convert it
    to straight line strings and read it again. Parts keep their order; a geometry with no part has no line."""
    lengths = np.asarray(lengths, dtype=np.int64)
    data = np.frombuffer(buffer, dtype=np.uint8)
    if int(lengths.sum()) != len(data):
        raise ValueError("the lengths add up to {} bytes, the buffer has {}".format(int(lengths.sum()), len(data)))
    begin = _starts(lengths)[:-1]
    count = len(lengths)
    kind, dimensions = np.zeros(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
    little = np.zeros(count, dtype=bool)
    header = lengths >= 9
    little[header] = data[begin[header]] == 1
    fast = header & little
    kind[fast], dimensions[fast] = _decode_type(_read_uint32(data, begin[fast] + 1))

    # Geometries read by numpy: little-endian line strings and multi line strings whose parts all agree.
    part_geometry, part_first, part_count, part_stride = [], [], [], []
    single = np.flatnonzero(fast & (kind == _WKB_LINESTRING))
    if len(single):
        vertices = _read_uint32(data, begin[single] + 5)
        stride = 8 * dimensions[single]
        fits = 9 + vertices * stride <= lengths[single]
        part_geometry.append(single[fits])
        part_first.append(begin[single[fits]] + 9)
        part_count.append(vertices[fits])
        part_stride.append(stride[fits])
        fast[single[~fits]] = False
    multi = np.flatnonzero(fast & (kind == _WKB_MULTILINESTRING))
    if len(multi):
        parsed = _multi_parts(data, begin[multi], lengths[multi], dimensions[multi])
        good, geometry_of_part, first, vertices, stride = parsed
        fast[multi[~good]] = False
        part_geometry.append(multi[geometry_of_part])
        part_first.append(first)
        part_count.append(vertices)
        part_stride.append(stride)
    fast &= (kind == _WKB_LINESTRING) | (kind == _WKB_MULTILINESTRING)

    slow = np.flatnonzero(~fast)
    read_slowly = []
    for index in slow.tolist():  # big-endian WKB (rare: QGIS and OGR write the machine's order)
        parts = _parse_one(bytes(data[begin[index]:begin[index] + lengths[index]]))
        if parts is None:
            continue
        read_slowly.append((index, parts))
    not_read = np.array(sorted(set(slow.tolist()) - {index for index, _parts in read_slowly}), dtype=np.int64)

    geometry = np.concatenate(part_geometry) if part_geometry else np.zeros(0, dtype=np.int64)
    first = np.concatenate(part_first) if part_first else np.zeros(0, dtype=np.int64)
    vertices = np.concatenate(part_count) if part_count else np.zeros(0, dtype=np.int64)
    stride = np.concatenate(part_stride) if part_stride else np.zeros(0, dtype=np.int64)
    # Parts in geometry order, each geometry's parts in their own order (the sort is stable).
    order = np.argsort(geometry, kind="stable")
    geometry, first, vertices, stride = geometry[order], first[order], vertices[order], stride[order]
    total = int(vertices.sum())
    within = np.arange(total, dtype=np.int64) - np.repeat(_starts(vertices)[:-1], vertices)
    offset = np.repeat(first, vertices) + within * np.repeat(stride, vertices)
    del within
    x, y = _read_float64(data, offset), _read_float64(data, offset + 8)
    del offset
    lines = Polylines(x, y, _starts(vertices))
    if read_slowly:
        extra = [(index, part) for index, parts in read_slowly for part in parts]
        slow_lines = Polylines.from_sequences([part for _index, part in extra])
        lines, geometry = _merge(lines, geometry, slow_lines, np.array([index for index, _part in extra]))
    return lines, geometry, not_read


def _merge(lines, geometry, other, other_geometry):
    """Two sets of lines with their geometries, merged in geometry order (stable)."""
    order = np.argsort(np.concatenate((geometry, other_geometry)), kind="stable")
    counts = np.concatenate((lines.counts(), other.counts()))[order]
    starts = np.concatenate((lines.line_start[:-1], lines.vertex_count + other.line_start[:-1]))[order]
    vertex = np.repeat(starts, counts) + np.arange(int(counts.sum())) - np.repeat(_starts(counts)[:-1], counts)
    x, y = np.concatenate((lines.x, other.x))[vertex], np.concatenate((lines.y, other.y))[vertex]
    return Polylines(x, y, _starts(counts)), np.concatenate((geometry, other_geometry))[order]


def _decode_type(code):
    """(base type, coordinates per vertex) of WKB type codes: ISO (1002 = LineString Z) or EWKB flags."""
    code = code.astype(np.int64)
    has_z = ((code & 0x80000000) != 0) | np.isin((code & 0xFFFF) // 1000, (1, 3))
    has_m = ((code & 0x40000000) != 0) | np.isin((code & 0xFFFF) // 1000, (2, 3))
    return (code & 0xFFFF) % 1000, 2 + has_z.astype(np.int64) + has_m.astype(np.int64)


def _multi_parts(data, begin, length, dimensions):
    """The parts of little-endian multi line strings → (good geometry mask, geometry of each part, first byte of
    its coordinates, vertex count, bytes per vertex). A geometry is not good when a part is not a
    little-endian line string with the geometry's dimensions or runs past its end."""
    count = len(begin)
    good = length >= 9
    parts = np.zeros(count, dtype=np.int64)
    parts[good] = _read_uint32(data, begin[good] + 5)
    end = begin + length
    position = begin + 9
    geometry_of_part, first, vertices, stride = [], [], [], []
    step = 0
    while True:
        active = np.flatnonzero(good & (parts > step))
        if not len(active):
            break
        at = position[active]
        fits = at + 9 <= end[active]
        ok = fits.copy()
        ok[fits] &= data[at[fits]] == 1
        kind, part_dimensions = np.zeros(len(active), dtype=np.int64), np.zeros(len(active), dtype=np.int64)
        kind[ok], part_dimensions[ok] = _decode_type(_read_uint32(data, at[ok] + 1))
        ok &= (kind == _WKB_LINESTRING) & (part_dimensions == dimensions[active])
        part_vertices = np.zeros(len(active), dtype=np.int64)
        part_vertices[ok] = _read_uint32(data, at[ok] + 5)
        part_stride = 8 * dimensions[active]
        ok &= at + 9 + part_vertices * part_stride <= end[active]
        good[active[~ok]] = False
        geometry_of_part.append(active[ok])
        first.append(at[ok] + 9)
        vertices.append(part_vertices[ok])
        stride.append(part_stride[ok])
        position[active] = at + 9 + part_vertices * part_stride
        step += 1
    if not geometry_of_part:
        empty = np.zeros(0, dtype=np.int64)
        return good, empty, empty, empty, empty
    geometry_of_part, first, vertices, stride = (np.concatenate(values) for values in
                                                 (geometry_of_part, first, vertices, stride))
    keep = good[geometry_of_part]  # a geometry found bad at a later part loses its earlier parts too
    return good, geometry_of_part[keep], first[keep], vertices[keep], stride[keep]


def _read_uint32(data, offset):
    """Little-endian uint32 at each byte offset (unaligned)."""
    if not len(offset):
        return np.zeros(0, dtype=np.int64)
    raw = data[offset[:, None] + np.arange(4)]
    return raw.view("<u4").ravel().astype(np.int64)


def _read_float64(data, offset):
    """Little-endian float64 at each byte offset: through the eight views of the buffer that start at byte
    0 … 7, so no per-byte index array is needed."""
    values = np.empty(len(offset), dtype=np.float64)
    shift = offset % 8
    for remainder in range(8):
        chosen = np.flatnonzero(shift == remainder)
        if not len(chosen):
            continue
        view = np.frombuffer(data, dtype="<f8", offset=remainder, count=(len(data) - remainder) // 8)
        values[chosen] = view[(offset[chosen] - remainder) // 8]
    return values


def _parse_one(blob):
    """[[(x, y), …], …] of one (multi) line string in any byte order, or None when it is something else."""
    try:
        parts, position = _parse_at(blob, 0, top=True)
    except (struct.error, ValueError):
        return None
    return parts if position == len(blob) else None


def _parse_at(blob, position, top):
    order = "<" if blob[position] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", blob, position + 1)
    kind, dimensions = (int(value[0]) for value in _decode_type(np.array([code], dtype=np.int64)))
    (count,) = struct.unpack_from(order + "I", blob, position + 5)
    position += 9
    if kind == _WKB_LINESTRING:
        values = struct.unpack_from(order + "{}d".format(count * dimensions), blob, position)
        line = [(values[k], values[k + 1]) for k in range(0, len(values), dimensions)]
        return [line], position + 8 * dimensions * count
    if kind == _WKB_MULTILINESTRING and top:
        parts = []
        for _part in range(count):
            part, position = _parse_at(blob, position, top=False)
            parts.extend(part)
        return parts, position
    raise ValueError("not a line string")
