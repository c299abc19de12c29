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


def first_containing(boxes, holds, x, y):
    """Per point, the index of the first area (in their order) it lies in — inside or on the boundary —, else -1.

    `boxes`: (n, 4) array of each area's xmin, ymin, xmax, ymax; `holds(i, xs, ys)`: a bool array saying which of
    these points area i holds, asked only for the points in its box that no earlier area holds. Points with a
    coordinate that is not finite lie in none."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    found = np.full(len(x), -1, dtype=np.int64)
    usable = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    if not len(usable) or not len(boxes):
        return found
    # The points sorted along the axis they spread most on: an area's candidates are one slice of them.
    boxes = np.asarray(boxes, dtype=float)
    spread_x, spread_y = np.ptp(x[usable]), np.ptp(y[usable])
    along, across, low, high, side_low, side_high = (x, y, 0, 2, 1, 3) if spread_x >= spread_y else (y, x, 1, 3, 0, 2)
    order = usable[np.argsort(along[usable], kind="stable")]
    sorted_along = along[order]
    begin = np.searchsorted(sorted_along, boxes[:, low], side="left")
    end = np.searchsorted(sorted_along, boxes[:, high], side="right")
    for index in np.flatnonzero(end > begin).tolist():
        candidates = order[begin[index]:end[index]]
        side = across[candidates]
        candidates = candidates[(side >= boxes[index, side_low]) & (side <= boxes[index, side_high])
                                & (found[candidates] < 0)]
        if len(candidates):
            found[candidates[holds(index, x[candidates], y[candidates])]] = index
    return found


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
