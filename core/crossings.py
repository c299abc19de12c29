"""Streets that cross without a shared vertex, found and (on request) connected; OSM walkability.

A walking network connects lines only where they share a vertex. Road data drawn in CAD or digitised
by hand often has streets that cross — or end on another street — without one, and the network then
falls apart with no word. `find_crossings` finds every such place; `split_at_crossings` inserts the
crossing point as a vertex into both lines, unless they are on different levels (a bridge over a road,
a tunnel under it: `level_of` reads bridge/tunnel/layer values), so a flyover still does not connect to
the road below.

numpy only; no QGIS. Coordinates in metres.
"""

import re
from dataclasses import dataclass

import numpy as np

from .polylines import Polylines
from .values import is_missing

DEFAULT_TOLERANCE = 0.001  # m: the network joins vertices closer than 1 mm; a crossing closer than this to
#                            a vertex of both lines is already connected

_RAISED = {"yes", "true", "1", "是", "桥", "桥梁", "高架", "立交", "天桥", "bridge", "viaduct", "overpass", "aqueduct"}
_SUNKEN = {"隧道", "地下", "地道", "下穿", "tunnel", "underpass", "culvert", "building_passage"}
_LEVEL_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


def level_of(bridge=None, tunnel=None, layer=None, level_value=None):
    """The vertical level of a line: OSM `layer` when given; else +1 for a bridge, −1 for a tunnel, 0.

    `level_value` is a planner's own field: a number (a layer), or text saying bridge (桥, 高架, yes) or
    tunnel (隧道, 地下)."""
    for value in (layer, level_value):
        text = _text(value)
        if text and _LEVEL_NUMBER.match(text):
            return int(round(float(text)))
    for value, level in ((bridge, 1), (tunnel, -1)):
        text = _text(value)
        if text and text not in ("no", "false", "0", "否"):
            return level
    text = _text(level_value)
    if text in _RAISED:
        return 1
    if text in _SUNKEN:
        return -1
    return 0


def _text(value):
    if is_missing(value):
        return ""
    return str(value).strip().casefold()


@dataclass(frozen=True)
class Crossings:
    """Where lines cross without a shared vertex: per crossing the two (line, segment) pairs and the point."""

    line_a: np.ndarray
    segment_a: np.ndarray
    line_b: np.ndarray
    segment_b: np.ndarray
    x: np.ndarray
    y: np.ndarray
    same_level: np.ndarray  # False: a bridge or tunnel over/under the other line, left unconnected

    @property
    def count(self):
        return int(len(self.x))

    @property
    def connectable(self):
        return int(np.count_nonzero(self.same_level))

    @property
    def between_levels(self):
        return self.count - self.connectable


def _segments(lines):
    """Arrays of every segment: x0, y0, x1, y1, its line and its index within the line (from the flat
    Polylines arrays: a city has hundreds of thousands of short lines)."""
    lines = Polylines.from_sequences(lines)
    counts = lines.counts()
    line_of_vertex = lines.vertex_line()
    position = np.arange(lines.vertex_count, dtype=np.int64) - np.repeat(lines.line_start[:-1], counts)
    starts = np.flatnonzero(position < np.repeat(counts, counts) - 1)
    return (lines.x[starts], lines.y[starts], lines.x[starts + 1], lines.y[starts + 1], line_of_vertex[starts],
            position[starts])


def _candidate_pairs(x0, y0, x1, y1):
    """Pairs (i < j) of segments whose bounding boxes share a grid cell, each pair once, in chunks of about
    _PAIRS_PER_CHUNK pairs (yielded as (i, j) arrays, in no particular order): a uniform grid with cells about the
    size of a typical segment, every segment entered in each cell its box touches. A pair is kept only in the first
    cell both boxes touch (the larger of their first columns and of their first rows), so no sort is needed to
    drop the copies found in other cells."""
    count = len(x0)
    if count < 2:
        return
    lengths = np.hypot(x1 - x0, y1 - y0)
    cell = max(float(np.median(lengths)), 1e-6)
    origin_x, origin_y = float(min(x0.min(), x1.min())), float(min(y0.min(), y1.min()))
    cx0 = np.floor((np.minimum(x0, x1) - origin_x) / cell).astype(np.int64)
    cx1 = np.floor((np.maximum(x0, x1) - origin_x) / cell).astype(np.int64)
    cy0 = np.floor((np.minimum(y0, y1) - origin_y) / cell).astype(np.int64)
    cy1 = np.floor((np.maximum(y0, y1) - origin_y) / cell).astype(np.int64)
    width, height = cx1 - cx0 + 1, cy1 - cy0 + 1
    spans = width * height
    segment = np.repeat(np.arange(count, dtype=np.int64), spans)
    offset = np.arange(len(segment), dtype=np.int64) - np.repeat(np.cumsum(spans) - spans, spans)
    cell_x = cx0[segment] + offset % width[segment]
    cell_y = cy0[segment] + offset // width[segment]
    key = cell_x * (int(cy1.max()) + 2) + cell_y
    del offset
    order = np.argsort(key, kind="stable")  # within a cell, segments stay in ascending order
    key, segment, cell_x, cell_y = key[order], segment[order], cell_x[order], cell_y[order]
    del order
    # The entry at position p pairs with the ones after it up to its cell's end; cells taken a chunk at a time.
    run_start = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    run_length = np.diff(np.append(run_start, len(key)))
    pairs_before = np.concatenate(([0], np.cumsum(run_length * (run_length - 1) // 2)))
    boundaries = np.searchsorted(pairs_before, np.arange(0, int(pairs_before[-1]), _PAIRS_PER_CHUNK), side="right") - 1
    boundaries = np.unique(np.append(boundaries, len(run_start)))
    for first_run, end_run in zip(boundaries[:-1].tolist(), boundaries[1:].tolist()):
        begin = int(run_start[first_run])
        end = int(run_start[end_run]) if end_run < len(run_start) else len(key)
        lengths_here = run_length[first_run:end_run]
        position = np.arange(begin, end)
        later = np.repeat(np.cumsum(lengths_here) + begin, lengths_here) - position - 1
        low_at = np.repeat(position, later)
        high_at = low_at + 1 + (np.arange(len(low_at)) - np.repeat(np.cumsum(later) - later, later))
        low, high = segment[low_at], segment[high_at]
        home = ((cell_x[low_at] == np.maximum(cx0[low], cx0[high]))
                & (cell_y[low_at] == np.maximum(cy0[low], cy0[high])))
        yield low[home], high[home]


def find_crossings(lines, levels=None, tolerance=DEFAULT_TOLERANCE):
    """Every place where two segments meet (cross, or one ends on the other) away from a vertex they share.

    lines   [[(x, y), …], …] or Polylines, in metres; levels: one int per line (level_of), None for all 0.
    """
    x0, y0, x1, y1, line_of, index_in_line = _segments(lines)
    # The pairs that meet away from a vertex, a chunk of candidate pairs at a time (its arrays stay in the
    # processor's cache and the temporaries of a million pairs never exist at once), then in pair order.
    chunks = [_meeting_away_from_vertices(i, j, x0, y0, x1, y1, tolerance)
              for i, j in _candidate_pairs(x0, y0, x1, y1)]
    i, j, t, u, tolerance_a, tolerance_b = (np.concatenate(values) for values in zip(*chunks)) if chunks else (
        np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0))
    order = np.argsort(i * np.int64(len(x0)) + j, kind="stable")
    i, j, t, u, tolerance_a, tolerance_b = (values[order] for values in (i, j, t, u, tolerance_a, tolerance_b))
    t = np.clip(t, 0.0, 1.0)
    x = x0[i] + t * (x1[i] - x0[i])
    y = y0[i] + t * (y1[i] - y0[i])
    # at a vertex of one segment: use that vertex exactly, so the inserted point joins it
    ta_low, ta_high = t <= tolerance_a, t >= 1 - tolerance_a
    x = np.where(ta_low, x0[i], np.where(ta_high, x1[i], x))
    y = np.where(ta_low, y0[i], np.where(ta_high, y1[i], y))
    u = np.clip(u, 0.0, 1.0)
    tb_low, tb_high = u <= tolerance_b, u >= 1 - tolerance_b
    x = np.where(tb_low, x0[j], np.where(tb_high, x1[j], x))
    y = np.where(tb_low, y0[j], np.where(tb_high, y1[j], y))
    # one place met by several segment pairs of the same two lines (a crossing at a vertex of one line) once
    line_a, line_b = line_of[i], line_of[j]
    key = np.round(np.column_stack((np.minimum(line_a, line_b), np.maximum(line_a, line_b), x / tolerance,
                                    y / tolerance)))
    _unique, first = np.unique(key, axis=0, return_index=True) if len(key) else (None, np.zeros(0, np.int64))
    first = np.sort(first)
    levels = np.zeros(len(lines), dtype=np.int64) if levels is None else np.asarray(levels, dtype=np.int64)
    line_a, line_b = line_a[first], line_b[first]
    return Crossings(line_a, index_in_line[i][first], line_b, index_in_line[j][first], x[first], y[first],
                     levels[line_a] == levels[line_b])


_PAIRS_PER_CHUNK = 1 << 16


def _meeting_away_from_vertices(i, j, x0, y0, x1, y1, tolerance):
    """Of the segment pairs (i, j), those that meet (cross, or one ends on the other) away from a vertex of both
    → their (i, j, t, u, tolerance_a, tolerance_b): t and u where along each the meeting point lies (0..1 give or
    take the tolerances, which are fractions of each segment's length)."""
    # quick rejection by bounding boxes
    overlap = ((np.maximum(x0[i], x1[i]) + tolerance >= np.minimum(x0[j], x1[j]))
               & (np.maximum(x0[j], x1[j]) + tolerance >= np.minimum(x0[i], x1[i]))
               & (np.maximum(y0[i], y1[i]) + tolerance >= np.minimum(y0[j], y1[j]))
               & (np.maximum(y0[j], y1[j]) + tolerance >= np.minimum(y0[i], y1[i])))
    i, j = i[overlap], j[overlap]
    dxa, dya = x1[i] - x0[i], y1[i] - y0[i]
    dxb, dyb = x1[j] - x0[j], y1[j] - y0[j]
    denominator = dxa * dyb - dya * dxb
    length_a, length_b = np.hypot(dxa, dya), np.hypot(dxb, dyb)
    with np.errstate(divide="ignore", invalid="ignore"):
        # parallel (or degenerate) pairs never cross at one point; overlapping collinear pieces are left alone
        usable = np.abs(denominator) > 1e-12 * np.maximum(length_a * length_b, 1e-300)
        ex, ey = x0[j] - x0[i], y0[j] - y0[i]
        t = np.where(usable, (ex * dyb - ey * dxb) / denominator, np.nan)
        u = np.where(usable, (ex * dya - ey * dxa) / denominator, np.nan)
        tolerance_a = tolerance / np.maximum(length_a, 1e-300)
        tolerance_b = tolerance / np.maximum(length_b, 1e-300)
    meets = (usable & (t >= -tolerance_a) & (t <= 1 + tolerance_a) & (u >= -tolerance_b)
             & (u <= 1 + tolerance_b))
    at_vertex_a = (t <= tolerance_a) | (t >= 1 - tolerance_a)
    at_vertex_b = (u <= tolerance_b) | (u >= 1 - tolerance_b)
    missing = meets & ~(at_vertex_a & at_vertex_b)
    return i[missing], j[missing], t[missing], u[missing], tolerance_a[missing], tolerance_b[missing]


def split_at_crossings(lines, crossings):
    """The lines with every same-level crossing inserted as a vertex of both lines (so the network joins
    them there), in the form given: a list of lines (lines without crossings returned as they are), or
    Polylines."""
    flat = Polylines.from_sequences(lines)
    keep = crossings.same_level
    line = np.concatenate((crossings.line_a[keep], crossings.line_b[keep])).astype(np.int64)
    x = np.concatenate((crossings.x[keep], crossings.x[keep]))
    y = np.concatenate((crossings.y[keep], crossings.y[keep]))
    before = flat.line_start[line] + np.concatenate((crossings.segment_a[keep], crossings.segment_b[keep]))
    # not at the segment's own ends, and each point once per segment
    new = ~(((x == flat.x[before]) & (y == flat.y[before])) | ((x == flat.x[before + 1]) & (y == flat.y[before + 1])))
    before, x, y, line = before[new], x[new], y[new], line[new]
    along = (x - flat.x[before]) ** 2 + (y - flat.y[before]) ** 2
    order = np.lexsort((y, x, along, before))
    before, x, y, line, along = before[order], x[order], y[order], line[order], along[order]
    repeated = np.zeros(len(before), dtype=bool)
    repeated[1:] = (before[1:] == before[:-1]) & (x[1:] == x[:-1]) & (y[1:] == y[:-1])
    before, x, y, line, along = before[~repeated], x[~repeated], y[~repeated], line[~repeated], along[~repeated]
    # Every vertex, then the points inserted after it (nearest first).
    vertex = np.arange(flat.vertex_count, dtype=np.int64)
    merged = np.lexsort((np.concatenate((np.full(len(vertex), -1.0), along)),
                         np.concatenate((vertex, before))))
    counts = flat.counts() + np.bincount(line, minlength=len(flat))
    start = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    result = Polylines(np.concatenate((flat.x, x))[merged], np.concatenate((flat.y, y))[merged], start)
    if isinstance(lines, Polylines):
        return result
    output = list(lines)
    for changed in np.unique(line).tolist():
        output[changed] = result.line(changed)
    return output


# -- OpenStreetMap: which ways people walk on ------------------------------------------------------------------

NOT_WALKABLE_HIGHWAYS = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "raceway",
                         "bus_guideway", "escape", "abandoned", "platform"}
WALKABLE_HIGHWAYS = {"footway", "path", "steps", "pedestrian", "living_street", "residential", "service", "track",
                     "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
                     "primary_link", "road", "cycleway", "corridor", "bridleway", "crossing", "elevator"}
FOOT_YES = {"yes", "designated", "permissive", "official", "destination"}
FOOT_NO = {"no", "private", "use_sidepath"}
ACCESS_NO = {"no", "private"}


def osm_walkable(highway=None, foot=None, access=None, sidewalk=None):
    """True when OSM tags say people may walk here: motorways and trunk roads out (unless foot=yes),
    footways, paths and steps in, foot=no or access=no/private out."""
    highway, foot, access = _text(highway), _text(foot), _text(access)
    if foot in FOOT_NO:
        return False
    if foot in FOOT_YES:
        return True
    if access in ACCESS_NO:
        return False
    if highway in NOT_WALKABLE_HIGHWAYS:
        return False
    return highway in WALKABLE_HIGHWAYS


def osm_tags_from_other_tags(text):
    """{key: value} of an OGR `other_tags` hstore text ('"foot"=>"no","layer"=>"1"')."""
    return dict(re.findall(r'"([^"]+)"\s*=>\s*"([^"]*)"', _text(text) and str(text)))
