"""Road lines → the WalkingNetwork: walkable and speed fields, OSM tags, streets that cross without a vertex."""

from dataclasses import dataclass

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProcessingException

from ...core.crossings import find_crossings, level_of, osm_tags_from_other_tags, osm_walkable, split_at_crossings
from ...core.network import SearchCancelled, WalkingNetwork
from ...core.records import parse_boolean
from ...core.values import is_null, read_number
from ...i18n import tr
from .. import shared_run
from .crs import finite_geometry, projected

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
    lines, factors, levels, excluded, osm_excluded = [], [], [], 0, 0
    # Only the two fields read here, and no reprojection when the CRS is already the working one: a city's
    # network has hundreds of thousands of lines.
    request = QgsFeatureRequest().setSubsetOfAttributes(
        [index for index in (walkable_index, speed_index, level_index) if index >= 0] + list(osm_indexes.values()))
    reproject = not to_working.isShortCircuited()
    for feature in source.getFeatures(request):
        if feedback.isCanceled():
            raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
        if walkable_index >= 0:
            value = feature.attribute(walkable_index)
            try:
                walkable = True if value == 1 else parse_boolean(value)
            except ValueError:
                problems.add(tr("layer {}, field '{}': values that are not yes/no are treated as walkable",
                                _CONTEXT).format(layer_name, walkable_field), feature.id())
                walkable = None
            if walkable is False:
                excluded += 1
                continue
        tags = {}
        if osm_indexes:
            tags = {name: feature.attribute(index) for name, index in osm_indexes.items() if name != OSM_OTHER_TAGS}
            if OSM_OTHER_TAGS in osm_indexes:
                for key, value in osm_tags_from_other_tags(feature.attribute(osm_indexes[OSM_OTHER_TAGS])).items():
                    if key in OSM_LEVEL_FIELDS + OSM_ACCESS_FIELDS and is_null(tags.get(key)):
                        tags[key] = value
            tags = {key: None if is_null(value) else value for key, value in tags.items()}
        if options.osm_walkable and not osm_walkable(tags.get("highway"), tags.get("foot"), tags.get("access")):
            osm_excluded += 1
            continue
        level = level_of(tags.get("bridge"), tags.get("tunnel"), tags.get("layer"),
                         feature.attribute(level_index) if level_index >= 0 else None)
        factor = 1.0
        if speed_index >= 0:
            speed, problem = read_number(feature.attribute(speed_index))
            if problem or (speed is not None and speed <= 0):
                problems.add(tr("layer {}, field '{}': speeds that are not positive numbers are ignored",
                                _CONTEXT).format(layer_name, speed_field), feature.id())
            elif speed is not None:
                factor = walking_speed / speed
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            problems.add(tr("layer {}: line without geometry, left out of the network", _CONTEXT).format(layer_name),
                         feature.id())
            continue
        geometry = feature.geometry()
        if reproject or not finite_geometry(geometry):
            geometry = projected(geometry, to_working)
            if geometry is None:
                problems.add(tr("layer {}: coordinates that are not finite or cannot be projected to {}; left out "
                                "of the network", _CONTEXT).format(layer_name, working.authid()), feature.id())
                continue
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for part in parts:
            lines.append([(point.x(), point.y()) for point in part])
            factors.append(factor)
            levels.append(level)
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
