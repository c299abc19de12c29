"""Road lines → the WalkingNetwork: walkable and speed fields, OSM tags, streets that cross without a vertex."""

from array import array
from dataclasses import dataclass

import numpy as np

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProcessingException, QgsWkbTypes

from ...core.crossings import find_crossings, level_of, osm_tags_from_other_tags, osm_walkable, split_at_crossings
from ...core.network import SearchCancelled, WalkingNetwork
from ...core.polylines import Polylines, parse_linestrings_wkb
from ...core.records import parse_boolean
from ...core.values import is_null, read_number
from ...i18n import tr
from .. import shared_run
from .bulk_read import qgis_value, read_whole_layer, whole_layer
from .crs import projected, transformed_in_one_call

_CONTEXT = "EvaluationInputs"  # one translation context for every reader (the strings were translated under it)


def _connect_crossings(lines, levels, options, layer_name, feedback):
    """Count the streets that cross without a shared vertex; connect them when asked."""
    crossings = find_crossings(lines, levels)
    if crossings.between_levels:
        feedback.pushInfo(tr("layer {}: {} crossing(s) between a bridge or tunnel and another line are not connected "
                             "(a flyover does not meet the road below)", _CONTEXT).format(
                                 layer_name, crossings.between_levels))
    if not crossings.connectable:
        return lines
    if options.split_at_crossings:
        feedback.pushInfo(tr("layer {}: {} place(s) where streets cross or meet without a shared vertex are "
                             "connected (SPLIT_AT_CROSSINGS)", _CONTEXT).format(layer_name, crossings.connectable))
        return split_at_crossings(lines, crossings)
    feedback.pushWarning(tr(
        "layer {}: {} place(s) where streets cross or meet without a shared vertex: the walking network does not "
        "connect there (lines drawn in CAD or by hand are often not noded). Turn on 'Connect streets that cross "
        "without a shared vertex' (SPLIT_AT_CROSSINGS) if they are real junctions", _CONTEXT).format(
            layer_name, crossings.connectable))
    return lines


@dataclass(frozen=True)
class NetworkOptions:
    """How road lines become a walking network beyond walkable/speed fields: connect streets that cross
    without a shared vertex (except across levels: `level_field`, or OSM bridge/tunnel/layer), and keep
    only the ways OSM tags say people walk on."""

    split_at_crossings: bool = False
    level_field: str = ""
    osm_walkable: bool = False


# OSM fields read when present (QuickOSM writes one field per tag, GDAL's OSM driver puts the rest in other_tags).
OSM_LEVEL_FIELDS = ("bridge", "tunnel", "layer")
OSM_ACCESS_FIELDS = ("highway", "foot", "access")
OSM_OTHER_TAGS = "other_tags"


def read_walking_network(source, layer_name, working, walkable_field, speed_field, walking_speed, context, feedback,
                         problems, options=None, layer=None):
    """read_network_lines once per shared run (see shared_run): assess's evaluations share one network."""
    extent = source.sourceExtent()
    key = (source.sourceName(), source.featureCount(), source.sourceCrs().toWkt(), extent.toString(17), working.toWkt(),
           walkable_field or "", speed_field or "", float(walking_speed), options)
    return shared_run.reuse("walking network", key, lambda: read_network_lines(
        source, layer_name, working, walkable_field, speed_field, walking_speed, context, feedback, problems, options,
        layer))


def read_network_lines(source, layer_name, working, walkable_field, speed_field, walking_speed, context, feedback,
                       problems, options=None, layer=None):
    """A WalkingNetwork from a line layer, in the working CRS.

    Lines whose `walkable_field` says no (0, 否, no, …) are left out; with `speed_field` (m/min) a line
    costs length × walking_speed / speed, so a slow path counts as longer. Multi-part lines become one
    line per part. Lines without geometry, with an unreadable flag or speed are reported once.
    Streets that cross without a shared vertex are counted and reported; with `options.split_at_crossings`
    they are connected there (not across bridges and tunnels); `options.osm_walkable` keeps the OSM ways
    people may walk on.

    `layer` is the QgsVectorLayer `source` reads whole, when known (see bulk_read.source_layer): a GeoPackage
    or shapefile is then read in bulk through OGR (bulk_read), anything else through QGIS's features, with the
    same lines, problems and messages either way. A city has hundreds of thousands of lines: nothing per vertex
    becomes a Python object (the geometries are read from one WKB buffer by numpy, core/polylines), and each
    distinct field value is parsed once.
    """
    options = options or NetworkOptions()
    reading = _Reading(source, layer_name, working, walkable_field, speed_field, walking_speed, options, context,
                       feedback, problems)
    try:
        kept = _read_in_bulk(reading, layer)
    except (TypeError, ValueError, IndexError):  # data the bulk reader was never shown (its tests call it directly)
        kept = None
    if kept is None:
        kept = _read_features(reading)
    lines, factors, levels = _kept_lines(*kept, layer_name, working, problems)
    del kept
    if reading.osm_excluded:
        feedback.pushInfo(tr("layer {}: {} line(s) that OSM tags say nobody walks on (motorway, trunk, foot=no, "
                             "access=no/private, not a highway) are left out", _CONTEXT).format(
                                 layer_name, reading.osm_excluded))
    _stop_if_cancelled(feedback)  # between the phases of a city's build (read, crossings, graph), each about a second
    lines = _connect_crossings(lines, levels, options, layer_name, feedback)
    _stop_if_cancelled(feedback)
    if reading.excluded:
        feedback.pushInfo(tr("layer {}: {} line(s) marked not walkable in '{}' are left out", _CONTEXT).format(
            layer_name, reading.excluded, walkable_field))
    network = WalkingNetwork(lines, factors, should_stop=feedback.isCanceled)  # a cancel stops its searches
    if network.problems:
        feedback.pushWarning(tr("layer {}: {} line part(s) left out of the network (fewer than two distinct points, "
                                "unusable coordinates or speed)", _CONTEXT).format(
                                    layer_name, len(network.problems.skipped_lines)))
    return network


def _stop_if_cancelled(feedback):
    if feedback.isCanceled():
        raise SearchCancelled()  # the run's cancelled ending


class _Reading:
    """What both readers (QGIS's features, OGR in bulk) need: the layer, the fields read and how their values
    are parsed (each distinct value once), and the counts of lines left out."""

    def __init__(self, source, layer_name, working, walkable_field, speed_field, walking_speed, options, context,
                 feedback, problems):
        self.source, self.layer_name, self.working = source, layer_name, working
        self.context, self.feedback, self.problems = context, feedback, problems
        self.to_working = QgsCoordinateTransform(source.sourceCrs(), working, context.transformContext())
        fields = source.fields()
        self.walkable_field, self.speed_field = walkable_field or "", speed_field or ""
        self.walkable_index = fields.lookupField(walkable_field) if walkable_field else -1
        self.speed_index = fields.lookupField(speed_field) if speed_field else -1
        level_index = fields.lookupField(options.level_field) if options.level_field else -1
        osm_indexes = {name: fields.lookupField(name) for name in OSM_LEVEL_FIELDS + OSM_ACCESS_FIELDS
                       + (OSM_OTHER_TAGS,) if fields.lookupField(name) >= 0}
        if options.osm_walkable and "highway" not in osm_indexes and OSM_OTHER_TAGS not in osm_indexes:
            raise QgsProcessingException(tr(
                "layer {}: the OSM walkable filter needs a 'highway' field (or OSM's other_tags); this layer has "
                "neither", _CONTEXT).format(layer_name))
        self.tag_indexes = list(osm_indexes.values()) + ([level_index] if level_index >= 0 else [])
        self.walkable_of = _Memo(_walkable)
        self.factor_of = _Memo(lambda value: _speed_factor(value, walking_speed))
        self.tags_of = _Memo(lambda *values: _level_and_osm(osm_indexes, values, options))
        self.excluded = self.osm_excluded = 0

    def field_name(self, index):
        """The name of the source's field `index` (as the layer spells it)."""
        return self.source.fields().at(index).name()

    @property
    def field_indexes(self):
        return [index for index in (self.walkable_index, self.speed_index) if index >= 0] + self.tag_indexes

    # The problems, in the order the features are read (InputProblems reports its messages in first-seen order).
    def walkable_problem(self):
        return tr("layer {}, field '{}': values that are not yes/no are treated as walkable", _CONTEXT).format(
            self.layer_name, self.walkable_field)

    def speed_problem(self):
        return tr("layer {}, field '{}': speeds that are not positive numbers are ignored", _CONTEXT).format(
            self.layer_name, self.speed_field)

    def no_geometry_problem(self):
        return tr("layer {}: line without geometry, left out of the network", _CONTEXT).format(self.layer_name)

    def projection_problem(self):
        return _projection_problem(self.layer_name, self.working)


def _projection_problem(layer_name, working):
    return tr("layer {}: coordinates that are not finite or cannot be projected to {}; left out of the network",
              _CONTEXT).format(layer_name, working.authid())


def _read_features(reading):
    """The kept features through QGIS's features → (Polylines of their parts, the kept feature of each part, the
    kept features not read as lines, their fids, cost factors and levels)."""
    source, feedback, problems = reading.source, reading.feedback, reading.problems
    walkable_index, speed_index, tag_indexes = reading.walkable_index, reading.speed_index, reading.tag_indexes
    # Only the fields read here, and no reprojection when the CRS is already the working one.
    request = QgsFeatureRequest().setSubsetOfAttributes(reading.field_indexes)
    to_working = reading.to_working
    reproject = not to_working.isShortCircuited()
    walkable_of, factor_of, tags_of = reading.walkable_of, reading.factor_of, reading.tags_of
    kept = _KeptLines()
    linear_types = {}
    for number, feature in enumerate(source.getFeatures(request)):
        if not number % _CANCEL_CHECK_EVERY and feedback.isCanceled():
            raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
        if walkable_index >= 0:
            walkable, problem = walkable_of(feature.attribute(walkable_index))
            if problem:
                problems.add(reading.walkable_problem(), feature.id())
            if walkable is False:
                reading.excluded += 1
                continue
        level = 0
        if tag_indexes:
            osm_walks, level = tags_of(*(feature.attribute(index) for index in tag_indexes))
            if not osm_walks:
                reading.osm_excluded += 1
                continue
        factor = 1.0
        if speed_index >= 0:
            factor, problem = factor_of(feature.attribute(speed_index))
            if problem:
                problems.add(reading.speed_problem(), feature.id())
        geometry = feature.geometry()
        if geometry.isEmpty():  # also a feature without geometry
            problems.add(reading.no_geometry_problem(), feature.id())
            continue
        if reproject:
            geometry = projected(geometry, to_working)
            if geometry is None:
                problems.add(reading.projection_problem(), feature.id())
                continue
        wkb_type = geometry.wkbType()
        if wkb_type not in linear_types:
            linear_types[wkb_type] = QgsWkbTypes.flatType(wkb_type) in (QgsWkbTypes.LineString,
                                                                        QgsWkbTypes.MultiLineString)
        if not linear_types[wkb_type]:  # curves: straight pieces, as asPolyline() would give them
            geometry = QgsGeometry(geometry.constGet().segmentize())
        kept.add(geometry.asWkb().data(), feature.id(), factor, level)
    return kept.arrays()


def _read_in_bulk(reading, layer):
    """The kept lines as _read_features gives them, read through OGR in bulk (bulk_read) and projected to the
    working CRS in one call, or None when the layer must be read through QGIS: not a whole GeoPackage or
    shapefile, a geometry that is not a plain (multi) line string, one QGIS's invalid-geometry check would have
    to judge, or a projection that fails somewhere (QGIS's features say where)."""
    field_names = [reading.field_name(index) for index in reading.field_indexes]
    table = whole_layer(reading.source, layer, field_names, reading.context)
    if table is None:
        return None
    features = read_whole_layer(table, field_names, reading.feedback.isCanceled)
    if reading.feedback.isCanceled():
        raise SearchCancelled()
    if features is None:
        return None
    has_geometry = features.wkb_length > 0
    lines, owner, not_read = parse_linestrings_wkb(features.wkb, features.wkb_length[has_geometry])
    if len(not_read):
        return None  # curves, points, unreadable WKB: QGIS's features say what they are
    owner = np.flatnonzero(has_geometry)[owner]  # lines → features
    vertices = np.bincount(owner, weights=lines.counts(), minlength=len(features)).astype(np.int64)
    if _checks_geometry(table) and _judged_by_geometry_check(lines, owner, has_geometry, vertices):
        return None
    count = len(features)
    kept = np.ones(count, dtype=bool)
    factor, level = np.ones(count), np.zeros(count, dtype=np.int64)
    excluded = osm_excluded = 0
    events = []  # (feature positions, rank within a feature, problem) in the order _read_features meets them
    if reading.walkable_index >= 0:
        walkable, walkable_problem = _parsed([features.columns[reading.field_name(reading.walkable_index)]],
                                             reading.walkable_of)
        events.append((np.flatnonzero(walkable_problem.astype(bool)), 0, reading.walkable_problem()))
        not_walkable = walkable == False  # noqa: E712 (an object array of True, False and None)
        excluded = int(np.count_nonzero(not_walkable))
        kept &= ~not_walkable
    if reading.tag_indexes:
        osm_walks, level = _parsed([features.columns[reading.field_name(index)] for index in reading.tag_indexes],
                                   reading.tags_of)
        osm_walks, level = osm_walks.astype(bool), level.astype(np.int64)
        osm_excluded = int(np.count_nonzero(kept & ~osm_walks))
        kept &= osm_walks
    if reading.speed_index >= 0:
        factor, speed_problem = _parsed([features.columns[reading.field_name(reading.speed_index)]], reading.factor_of)
        factor = factor.astype(np.float64)
        events.append((np.flatnonzero(kept & speed_problem.astype(bool)), 1, reading.speed_problem()))
    empty = kept & (vertices == 0)  # also a feature without geometry
    events.append((np.flatnonzero(empty), 2, reading.no_geometry_problem()))
    kept &= ~empty
    reproject = not reading.to_working.isShortCircuited()
    if reproject:  # QGIS projects no feature with a coordinate that is not a finite number (crs.projected)
        not_finite = ~(np.isfinite(lines.x) & np.isfinite(lines.y))
        unprojectable = kept & (np.bincount(owner[lines.vertex_line()[not_finite]], minlength=count) > 0)
        events.append((np.flatnonzero(unprojectable), 3, reading.projection_problem()))
        kept &= ~unprojectable
    kept_line = kept[owner]
    lines, owner = lines.subset(kept_line), owner[kept_line]
    if reproject:
        lines = _projected_lines(lines, reading.to_working)
        if lines is None:
            return None
    reading.excluded, reading.osm_excluded = excluded, osm_excluded
    _add_in_reading_order(reading.problems, features.fid, events)
    position = np.cumsum(kept) - 1  # feature → its position among the kept ones
    return lines, position[owner], np.zeros(0, dtype=np.int64), features.fid[kept], factor[kept], level[kept]


def _projected_lines(lines, transform):
    """The lines with every vertex projected in one call (crs.transformed_in_one_call: the numbers QGIS gives each
    feature), or None when a point fails or QGIS falls back to another operation: QGIS's features then say which
    feature could not be projected."""
    if not lines.vertex_count:
        return lines
    projected_xy = transformed_in_one_call(lines.x, lines.y, transform)
    if projected_xy is None or not (np.isfinite(projected_xy[0]).all() and np.isfinite(projected_xy[1]).all()):
        return None
    return Polylines(projected_xy[0], projected_xy[1], lines.line_start)


def _checks_geometry(table):
    """Whether QGIS would check each geometry's validity while reading (a Processing setting)."""
    return table.invalid_geometry_check != QgsFeatureRequest.GeometryNoCheck


def _judged_by_geometry_check(lines, owner, has_geometry, vertices):
    """Whether any feature might be GEOS-invalid (QGIS skips it or stops the run, as the Processing setting says):
    an empty geometry, a part without two distinct points, a coordinate that is not a finite number."""
    if np.any(has_geometry & (vertices == 0)):
        return True
    if not (np.isfinite(lines.x).all() and np.isfinite(lines.y).all()):
        return True
    moves = (lines.x[1:] != lines.x[:-1]) | (lines.y[1:] != lines.y[:-1])
    within = np.ones(max(lines.vertex_count - 1, 0), dtype=bool)
    within[lines.line_start[1:-1] - 1] = False  # the step from one line's last vertex to the next line's first
    moves_in_line = np.bincount(lines.vertex_line()[:-1][moves & within], minlength=len(lines))
    return bool(np.any(moves_in_line == 0))  # also a part of fewer than two points


def _parsed(columns, parse):
    """(first answers, second answers) of parse(*values) for every feature's values of the (values, null mask)
    columns, as object arrays; parse is called once per distinct combination of values."""
    answers, inverse = _distinct_answers(columns, parse)
    first, second = np.empty(len(answers), dtype=object), np.empty(len(answers), dtype=object)
    first[:] = [answer[0] for answer in answers]
    second[:] = [answer[1] for answer in answers]
    return first[inverse], second[inverse]


def _distinct_answers(columns, parse):
    """([parse(*values) for each distinct combination of the columns' values that occurs], the combination of each
    feature)."""
    key, combinations = np.zeros(len(columns[0][0]), dtype=np.int64), [()]
    for values, null in columns:
        unique, inverse = np.unique(values, return_inverse=True)
        plain = [qgis_value(value) for value in unique.tolist()] + [None]
        inverse = inverse.astype(np.int64).ravel()
        inverse[null] = len(plain) - 1
        # The combinations so far times this column's values, renumbered to those that occur.
        occurring, key = np.unique(key * len(plain) + inverse, return_inverse=True)
        combinations = [combinations[pair // len(plain)] + (plain[pair % len(plain)],) for pair in occurring.tolist()]
    return [parse(*values) for values in combinations], key.ravel()


def _add_in_reading_order(problems, fid, events):
    """problems.add for every (feature positions, rank, message), in feature order and then rank: as the
    feature loop adds them, so each message is first met where it is in the loop."""
    if not any(len(positions) for positions, _rank, _message in events):
        return
    position = np.concatenate([positions for positions, _rank, _message in events])
    rank = np.concatenate([np.full(len(positions), rank) for positions, rank, _message in events])
    message = np.concatenate([np.full(len(positions), index) for index, (positions, _r, _m) in enumerate(events)])
    order = np.lexsort((rank, position))
    texts = [text for _positions, _rank, text in events]
    for at, which in zip(position[order].tolist(), message[order].tolist()):
        problems.add(texts[which], int(fid[at]))


_CANCEL_CHECK_EVERY = 1024  # features between two questions to feedback.isCanceled()


class _KeptLines:
    """The kept features' geometries as one WKB buffer, with each feature's id, cost factor and level."""

    def __init__(self):
        self.buffer = bytearray()
        self.lengths, self.fids, self.factors, self.levels = array("q"), array("q"), array("d"), array("q")

    def add(self, wkb, fid, factor, level):
        self.buffer += wkb
        self.lengths.append(len(wkb))
        self.fids.append(fid)
        self.factors.append(factor)
        self.levels.append(level)

    def arrays(self):
        """(Polylines of the kept features' parts, the kept feature of each, the kept features not read as lines,
        their fids, cost factors and levels)."""
        lines, owner, not_read = parse_linestrings_wkb(self.buffer, np.frombuffer(self.lengths, dtype=np.int64))
        self.buffer = None
        return (lines, owner, not_read, np.frombuffer(self.fids, dtype=np.int64),
                np.frombuffer(self.factors, dtype=np.float64), np.frombuffer(self.levels, dtype=np.int64))


def _kept_lines(lines, owner, not_read, fids, factors, levels, layer_name, working, problems):
    """(Polylines, cost factor and level of each line) of the kept features (one line per part); a feature that is
    not a line or has a coordinate that is not a finite number is reported and left out."""
    for index in not_read.tolist():
        problems.add(tr("layer {}: a geometry that is not a line, left out of the network", _CONTEXT).format(
            layer_name), int(fids[index]))
    finite = np.isfinite(lines.x) & np.isfinite(lines.y)
    if not finite.all():
        bad = np.unique(owner[lines.vertex_line()[~finite]])
        for index in bad.tolist():
            problems.add(_projection_problem(layer_name, working), int(fids[index]))
        keep = ~np.isin(owner, bad)
        lines, owner = lines.subset(keep), owner[keep]
    return lines, factors[owner], levels[owner]


class _Memo(dict):
    """A function of field values that remembers its answer for each distinct plain value (a road layer repeats
    a handful of walkable flags, speeds and levels over hundreds of thousands of lines). QGIS's NULL is a new
    object each time, so it is passed on; the memory stops growing at _MEMO_LIMIT values."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __call__(self, *values):
        try:
            return self[values]
        except KeyError:
            answer = self.function(*values)
            if len(self) < _MEMO_LIMIT and all(type(value) in _PLAIN_TYPES for value in values):
                self[values] = answer
            return answer
        except TypeError:  # an unhashable value
            return self.function(*values)


_MEMO_LIMIT = 10000
_PLAIN_TYPES = (bool, int, float, str, type(None))


def _walkable(value):
    """(False when the flag says not walkable, problem): an unreadable flag is walkable and a problem."""
    try:
        return (True if value == 1 else parse_boolean(value)), False
    except ValueError:
        return None, True


def _speed_factor(value, walking_speed):
    """(cost factor, problem) of a speed value (m/min): walking_speed / speed; 1 without a usable speed."""
    speed, problem = read_number(value)
    if problem or (speed is not None and speed <= 0):
        return 1.0, True
    return (walking_speed / speed if speed is not None else 1.0), False


def _level_and_osm(osm_indexes, values, options):
    """(whether OSM tags let people walk here, level) from the OSM fields' values and then the level field's."""
    names = list(osm_indexes)
    tags = {name: value for name, value in zip(names, values) if name != OSM_OTHER_TAGS}
    if OSM_OTHER_TAGS in osm_indexes:
        for key, value in osm_tags_from_other_tags(values[names.index(OSM_OTHER_TAGS)]).items():
            if key in OSM_LEVEL_FIELDS + OSM_ACCESS_FIELDS and is_null(tags.get(key)):
                tags[key] = value
    tags = {key: None if is_null(value) else value for key, value in tags.items()}
    if options.osm_walkable and not osm_walkable(tags.get("highway"), tags.get("foot"), tags.get("access")):
        return False, 0
    level_value = values[len(names)] if len(values) > len(names) else None
    return True, level_of(tags.get("bridge"), tags.get("tunnel"), tags.get("layer"), level_value)
