"""Many points at once: their coordinates read from WKB, and the polygon each lies in, without a Python object or a
spatial-index call per point (a city has tens of thousands of facilities and residents' points)."""

import numpy as np

try:  # intersects of a polygon with many points, in GEOS
    from shapely import from_wkb as _from_wkb  # shapely ≥ 2
    from shapely import intersects_xy as _intersects_xy
    from shapely import prepare as _prepare
except ImportError:  # shapely 1.8 (QGIS 3.22 on Debian 12): inside or on the boundary = contains or touches
    _intersects_xy = None
    from shapely.geos import WKBReader, lgeos
    from shapely.prepared import prep as _prep
    from shapely.vectorized import contains as _contains
    from shapely.vectorized import touches as _touches

    _from_wkb = WKBReader(lgeos).read  # one reader (shapely.wkb.loads makes one per call)

# A plain 2-D point in little-endian WKB: byte order 1, type 1, x and y (what QGIS writes on every platform it runs
# on). Anything else (multi-points, Z or M, areas, big-endian) is left to the caller, feature by feature.
_POINT_WKB_LENGTH = 21
_LITTLE_ENDIAN = 1
_WKB_POINT = 1


def parse_points_wkb(buffer, lengths):
    """(x, y, is_point) per geometry of `buffer` (their WKB one after another, `lengths` bytes each): the
    coordinates of each plain 2-D point as written, NaN for everything else, and which ones were such points."""
    lengths = np.asarray(lengths, dtype=np.int64)
    count = len(lengths)
    x, y = np.full(count, np.nan), np.full(count, np.nan)
    starts = np.cumsum(lengths) - lengths
    data = np.frombuffer(buffer, dtype=np.uint8)
    is_point = lengths == _POINT_WKB_LENGTH
    candidates = starts[is_point]
    if len(candidates):
        header = data[candidates[:, None] + np.arange(5)]
        code = header[:, 1:].copy().view("<u4").ravel()
        is_point[is_point] = (header[:, 0] == _LITTLE_ENDIAN) & (code == _WKB_POINT)
        chosen = starts[is_point]
        coordinates = data[chosen[:, None] + 5 + np.arange(16)].copy().view("<f8")
        x[is_point], y[is_point] = coordinates[:, 0], coordinates[:, 1]
    return x, y, is_point


def first_containing(boxes, holds, x, y, edges=None):
    """Per point, the index of the first area (in their order) it lies in — inside or on the boundary —, else -1.

    `boxes`: (n, 4) array of each area's xmin, ymin, xmax, ymax; `holds(i, xs, ys)`: a bool array saying which of
    these points area i holds. `edges[i]`, when given and not None: area i's ring edges (polygon_edges), with which
    numpy answers for the points clearly off its boundary (the even-odd rule); `holds` is asked for the rest and
    for areas without edges. Points with a coordinate that is not finite lie in none."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    found = np.full(len(x), -1, dtype=np.int64)
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    pairs = _pairs_in_boxes(boxes, x, y)
    if pairs is None:  # boxes over boxes (areas overlapping everywhere): area by area, skipping the points placed
        return _first_containing_one_by_one(boxes, holds, x, y)
    pair_area, pair_point = pairs
    if not len(pair_area):
        return found
    held = np.zeros(len(pair_area), dtype=bool)
    undecided = np.ones(len(pair_area), dtype=bool)
    if edges is not None:
        with_edges = np.array([edge is not None for edge in edges], dtype=bool)
        chosen = np.flatnonzero(with_edges[pair_area])
        if len(chosen):
            held[chosen], near = _even_odd(edges, pair_area[chosen], x[pair_point[chosen]], y[pair_point[chosen]])
            undecided[chosen] = near
    rest = np.flatnonzero(undecided)
    if len(rest):  # grouped by area: one call of `holds` per area
        rest = rest[np.argsort(pair_area[rest], kind="stable")]
        areas, starts = np.unique(pair_area[rest], return_index=True)
        for area, group in zip(areas.tolist(), np.split(rest, starts[1:])):
            held[group] = holds(area, x[pair_point[group]], y[pair_point[group]])
    first = np.full(len(x), len(boxes), dtype=np.int64)
    np.minimum.at(first, pair_point[held], pair_area[held])
    found[first < len(boxes)] = first[first < len(boxes)]
    return found


_PAIR_BUDGET = 1 << 21  # (point, edge) pairs worked at once
_PAIR_LIMIT = 1 << 23  # (area, point) pairs from the grid beyond which areas are taken one by one


def _first_containing_one_by_one(boxes, holds, x, y):
    """first_containing area by area: each area asked only about the points in its box no earlier area holds."""
    found = np.full(len(x), -1, dtype=np.int64)
    usable = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    if not len(usable) or not len(boxes):
        return found
    order = usable[np.argsort(x[usable], kind="stable")]
    sorted_x = x[order]
    begin = np.searchsorted(sorted_x, boxes[:, 0], side="left")
    end = np.searchsorted(sorted_x, boxes[:, 2], side="right")
    for index in np.flatnonzero(end > begin).tolist():
        candidates = order[begin[index]:end[index]]
        candidates = candidates[(y[candidates] >= boxes[index, 1]) & (y[candidates] <= boxes[index, 3])
                                & (found[candidates] < 0)]
        if len(candidates):
            found[candidates[holds(index, x[candidates], y[candidates])]] = index
    return found


def _pairs_in_boxes(boxes, x, y):
    """(area, point) of every finite point inside or on an area's box: points binned in a grid of about the
    areas' size, each area paired with the points of the cells its box covers, then kept if inside the box; None
    when that would make more than _PAIR_LIMIT pairs."""
    usable = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    empty = np.zeros(0, dtype=np.int64)
    if not len(usable) or not len(boxes):
        return empty, empty
    left, bottom = min(boxes[:, 0].min(), x[usable].min()), min(boxes[:, 1].min(), y[usable].min())
    right, top = max(boxes[:, 2].max(), x[usable].max()), max(boxes[:, 3].max(), y[usable].max())
    size = max(float(np.median(np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]))),
               (right - left) / 4096, (top - bottom) / 4096, 1e-9)
    while (int((right - left) // size) + 1) * (int((top - bottom) // size) + 1) > 4 * (len(usable) + len(boxes)) + 1024:
        size *= 1.5
    columns = int((right - left) // size) + 1
    rows = int((top - bottom) // size) + 1

    def column_of(value):
        return np.clip(((value - left) // size).astype(np.int64), 0, columns - 1)

    def row_of(value):
        return np.clip(((value - bottom) // size).astype(np.int64), 0, rows - 1)

    cell = row_of(y[usable]) * columns + column_of(x[usable])
    order = np.argsort(cell, kind="stable")
    points_by_cell = usable[order]
    cell_start = np.searchsorted(cell[order], np.arange(rows * columns + 1))
    first_column, last_column = column_of(boxes[:, 0]), column_of(boxes[:, 2])
    first_row, last_row = row_of(boxes[:, 1]), row_of(boxes[:, 3])
    width = last_column - first_column + 1
    cells = width * (last_row - first_row + 1)
    area = np.repeat(np.arange(len(boxes)), cells)
    step = np.arange(int(cells.sum())) - np.repeat(np.cumsum(cells) - cells, cells)
    cell_id = (first_row[area] + step // width[area]) * columns + first_column[area] + step % width[area]
    count = cell_start[cell_id + 1] - cell_start[cell_id]
    if int(count.sum()) > _PAIR_LIMIT:
        return None
    pair_area = np.repeat(area, count)
    position = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count) + np.repeat(
        cell_start[cell_id], count)
    pair_point = points_by_cell[position]
    px, py = x[pair_point], y[pair_point]
    inside = ((px >= boxes[pair_area, 0]) & (px <= boxes[pair_area, 2]) & (py >= boxes[pair_area, 1])
              & (py <= boxes[pair_area, 3]))
    return pair_area[inside], pair_point[inside]


def _even_odd(edges, pair_area, px, py):
    """(held, near) per (area, point) pair: whether the point is inside the area by the even-odd rule over its ring
    edges (the interior of a valid polygon or multi-polygon), and whether it lies so near an edge (within 10⁻¹² of
    the coordinates' size: a micrometre at 10⁶ m, hundreds of times the rounding of these sums) that rounding could
    decide; `held` is exact where not `near`."""
    counts = np.array([0 if edge is None else len(edge[0]) for edge in edges], dtype=np.int64)
    starts = np.cumsum(counts) - counts
    x0, y0, x1, y1 = (np.concatenate([edge[k] for edge in edges if edge is not None]) for k in range(4))
    scale = max(float(np.abs(np.concatenate((x0, y0))).max(initial=0.0)), float(np.abs(px).max(initial=0.0)),
                float(np.abs(py).max(initial=0.0)), 1.0)
    near_squared = (scale * 1e-12) ** 2
    held = np.zeros(len(pair_area), dtype=bool)
    near = np.zeros(len(pair_area), dtype=bool)
    per_pair = counts[pair_area]
    boundaries = np.concatenate(([0], np.cumsum(per_pair)))
    begin = 0
    while begin < len(pair_area):  # in blocks of about _PAIR_BUDGET (pair, edge) combinations
        end = int(np.searchsorted(boundaries, boundaries[begin] + _PAIR_BUDGET, side="right")) - 1
        end = max(end, begin + 1)
        block = slice(begin, end)
        count = per_pair[block]
        owner = np.repeat(np.arange(end - begin), count)
        edge = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count) + np.repeat(
            starts[pair_area[block]], count)
        qx, qy = px[block][owner], py[block][owner]
        ax, ay, bx, by = x0[edge], y0[edge], x1[edge], y1[edge]
        dx, dy = bx - ax, by - ay
        straddles = (ay > qy) != (by > qy)
        with np.errstate(divide="ignore", invalid="ignore"):
            crossing = straddles & (qx < ax + (qy - ay) * dx / dy)
            length_squared = dx * dx + dy * dy
            t = np.clip(np.where(length_squared > 0, ((qx - ax) * dx + (qy - ay) * dy) / length_squared, 0.0), 0, 1)
        distance_squared = (qx - ax - t * dx) ** 2 + (qy - ay - t * dy) ** 2
        offsets = np.cumsum(count) - count
        held[block] = np.add.reduceat(crossing.astype(np.int64), offsets) % 2 == 1
        near[block] = np.minimum.reduceat(distance_squared, offsets) <= near_squared
        begin = end
    return held, near


def polygon_edges(wkb):
    """(x0, y0, x1, y1) arrays of every ring edge of a 2-D little-endian WKB Polygon or MultiPolygon, or None for
    anything else."""
    data = bytes(wkb)
    if len(data) < 9 or data[0] != 1:
        return None
    kind = int.from_bytes(data[1:5], "little")
    if kind == 3:
        polygons = [0]
    elif kind == 6:
        polygons, offset = [], 9
        for _part in range(int.from_bytes(data[5:9], "little")):
            if data[offset] != 1 or int.from_bytes(data[offset + 1:offset + 5], "little") != 3:
                return None
            polygons.append(offset)
            offset = _polygon_end(data, offset)
    else:
        return None
    rings = []
    for start in polygons:
        offset = start + 9
        for _ring in range(int.from_bytes(data[start + 5:start + 9], "little")):
            points = int.from_bytes(data[offset:offset + 4], "little")
            rings.append(np.frombuffer(data, dtype="<f8", count=2 * points, offset=offset + 4).reshape(-1, 2))
            offset += 4 + 16 * points
    if not rings:
        return None
    starts = np.concatenate([ring[:-1] for ring in rings])
    ends = np.concatenate([ring[1:] for ring in rings])
    return starts[:, 0].copy(), starts[:, 1].copy(), ends[:, 0].copy(), ends[:, 1].copy()


def _polygon_end(data, offset):
    """Where the little-endian WKB polygon starting at `offset` ends."""
    position = offset + 9
    for _ring in range(int.from_bytes(data[offset + 5:offset + 9], "little")):
        position += 4 + 16 * int.from_bytes(data[position:position + 4], "little")
    return position


def shapely_holds(wkb):
    """holds(xs, ys) for `first_containing` of one polygon or multi-polygon given as 2-D WKB, answered by GEOS (the
    library QgsGeometry.intersects asks): inside or on the boundary."""
    geometry = _from_wkb(bytes(wkb))
    if _intersects_xy is not None:
        _prepare(geometry)
        return lambda xs, ys: _intersects_xy(geometry, xs, ys)
    prepared = _prep(geometry)

    def holds(xs, ys):
        inside = _contains(prepared, xs, ys)
        rest = np.flatnonzero(~inside)
        if len(rest):
            inside[rest] = _touches(prepared, xs[rest], ys[rest])
        return inside

    return holds
