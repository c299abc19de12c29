"""Road lines → the WalkingNetwork: walkable and speed fields, OSM tags, streets that cross without a vertex."""

from array import array
from dataclasses import dataclass

import numpy as np

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProcessingException, QgsWkbTypes

from ...core.crossings import find_crossings, level_of, osm_tags_from_other_tags, osm_walkable, split_at_crossings
from ...core.network import SearchCancelled, WalkingNetwork
from ...core.polylines import parse_linestrings_wkb
from ...core.records import parse_boolean
from ...core.values import is_null, read_number
from ...i18n import tr
from .. import shared_run
from .crs import projected

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
                         problems, options=None):
    """read_network_lines once per shared run (see shared_run): assess's evaluations share one network."""
    extent = source.sourceExtent()
    key = (source.sourceName(), source.featureCount(), source.sourceCrs().toWkt(), extent.toString(17), working.toWkt(),
           walkable_field or "", speed_field or "", float(walking_speed), options)
    return shared_run.reuse("walking network", key, lambda: read_network_lines(
        source, layer_name, working, walkable_field, speed_field, walking_speed, context, feedback, problems, options))


def read_network_lines(source, layer_name, working, walkable_field, speed_field, walking_speed, context, feedback,
                       problems, options=None):
    """A WalkingNetwork from a line layer, in the working CRS.

    Lines whose `walkable_field` says no (0, 否, no, …) are left out; with `speed_field` (m/min) a line
    costs length × walking_speed / speed, so a slow path counts as longer. Multi-part lines become one
    line per part. Lines without geometry, with an unreadable flag or speed are reported once.
    Streets that cross without a shared vertex are counted and reported; with `options.split_at_crossings`
    they are connected there (not across bridges and tunnels); `options.osm_walkable` keeps the OSM ways
    people may walk on.

    A city has hundreds of thousands of lines: each feature's geometry is appended to one buffer as WKB and
    read by numpy at the end (core/polylines), each distinct field value is parsed once, and nothing per
    vertex becomes a Python object.
    """
    options = options or NetworkOptions()
    to_working = QgsCoordinateTransform(source.sourceCrs(), working, context.transformContext())
    fields = source.fields()
    walkable_index = fields.lookupField(walkable_field) if walkable_field else -1
    speed_index = fields.lookupField(speed_field) if speed_field else -1
    level_index = fields.lookupField(options.level_field) if options.level_field else -1
    osm_indexes = {name: fields.lookupField(name) for name in OSM_LEVEL_FIELDS + OSM_ACCESS_FIELDS + (OSM_OTHER_TAGS,)
                   if fields.lookupField(name) >= 0}
    if options.osm_walkable and "highway" not in osm_indexes and OSM_OTHER_TAGS not in osm_indexes:
        raise QgsProcessingException(tr(
            "layer {}: the OSM walkable filter needs a 'highway' field (or OSM's other_tags); this layer has "
            "neither", _CONTEXT).format(layer_name))
    # Only the fields read here, and no reprojection when the CRS is already the working one.
    request = QgsFeatureRequest().setSubsetOfAttributes(
        [index for index in (walkable_index, speed_index, level_index) if index >= 0] + list(osm_indexes.values()))
    reproject = not to_working.isShortCircuited()
    walkable_of = _Memo(_walkable)
    factor_of = _Memo(lambda value: _speed_factor(value, walking_speed))
    tags_of = _Memo(lambda *values: _level_and_osm(osm_indexes, values, options))
    tag_indexes = list(osm_indexes.values()) + ([level_index] if level_index >= 0 else [])
    kept = _KeptLines()
    excluded = osm_excluded = 0
    linear_types = {}
    for number, feature in enumerate(source.getFeatures(request)):
        if not number % _CANCEL_CHECK_EVERY and feedback.isCanceled():
            raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
        if walkable_index >= 0:
            walkable, problem = walkable_of(feature.attribute(walkable_index))
            if problem:
                problems.add(tr("layer {}, field '{}': values that are not yes/no are treated as walkable",
                                _CONTEXT).format(layer_name, walkable_field), feature.id())
            if walkable is False:
                excluded += 1
                continue
        level = 0
        if tag_indexes:
            osm_walks, level = tags_of(*(feature.attribute(index) for index in tag_indexes))
            if not osm_walks:
                osm_excluded += 1
                continue
        factor = 1.0
        if speed_index >= 0:
            factor, problem = factor_of(feature.attribute(speed_index))
            if problem:
                problems.add(tr("layer {}, field '{}': speeds that are not positive numbers are ignored",
                                _CONTEXT).format(layer_name, speed_field), feature.id())
        geometry = feature.geometry()
        if geometry.isEmpty():  # also a feature without geometry
            problems.add(tr("layer {}: line without geometry, left out of the network", _CONTEXT).format(layer_name),
                         feature.id())
            continue
        if reproject:
            geometry = projected(geometry, to_working)
            if geometry is None:
                problems.add(tr("layer {}: coordinates that are not finite or cannot be projected to {}; left out "
                                "of the network", _CONTEXT).format(layer_name, working.authid()), feature.id())
                continue
        wkb_type = geometry.wkbType()
        if wkb_type not in linear_types:
            linear_types[wkb_type] = QgsWkbTypes.flatType(wkb_type) in (QgsWkbTypes.LineString,
                                                                        QgsWkbTypes.MultiLineString)
        if not linear_types[wkb_type]:  # curves: straight pieces, as asPolyline() would give them
            geometry = QgsGeometry(geometry.constGet().segmentize())
        kept.add(geometry.asWkb().data(), feature.id(), factor, level)
    lines, factors, levels = kept.lines(layer_name, working, problems)
    del kept
    if osm_excluded:
        feedback.pushInfo(tr("layer {}: {} line(s) that OSM tags say nobody walks on (motorway, trunk, foot=no, "
                             "access=no/private, not a highway) are left out", _CONTEXT).format(layer_name, osm_excluded))
    lines = _connect_crossings(lines, levels, options, layer_name, feedback)
    if excluded:
        feedback.pushInfo(tr("layer {}: {} line(s) marked not walkable in '{}' are left out", _CONTEXT).format(
            layer_name, excluded, walkable_field))
    network = WalkingNetwork(lines, factors, should_stop=feedback.isCanceled)  # a cancel stops its searches
    if network.problems:
        feedback.pushWarning(tr("layer {}: {} line part(s) left out of the network (fewer than two distinct points, "
                                "unusable coordinates or speed)", _CONTEXT).format(
                                    layer_name, len(network.problems.skipped_lines)))
    return network


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

    def lines(self, layer_name, working, problems):
        """(Polylines, cost factor and level of each line): one line per part; a feature with a coordinate that
        is not a finite number is reported and left out."""
        lines, owner, not_read = parse_linestrings_wkb(self.buffer, np.frombuffer(self.lengths, dtype=np.int64))
        self.buffer = None
        fids = np.frombuffer(self.fids, dtype=np.int64)
        for index in not_read.tolist():
            problems.add(tr("layer {}: a geometry that is not a line, left out of the network", _CONTEXT).format(
                layer_name), int(fids[index]))
        finite = np.isfinite(lines.x) & np.isfinite(lines.y)
        if not finite.all():
            bad = np.unique(owner[lines.vertex_line()[~finite]])
            for index in bad.tolist():
                problems.add(tr("layer {}: coordinates that are not finite or cannot be projected to {}; left out "
                                "of the network", _CONTEXT).format(layer_name, working.authid()), int(fids[index]))
            keep = ~np.isin(owner, bad)
            lines, owner = lines.subset(keep), owner[keep]
        return (lines, np.frombuffer(self.factors, dtype=np.float64)[owner],
                np.frombuffer(self.levels, dtype=np.int64)[owner])


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
