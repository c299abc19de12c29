"""Reading the planner's layers into the engine's plain records — the QGIS side of an evaluation.

Geometry work happens in a projected "working" CRS so that areas and distances are in metres;
problems in the data are collected and reported once per layer and field with their counts,
never per feature, and never by dropping a community.
"""

import copy
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass, replace

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeatureRequest,
                       QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject, QgsRectangle, QgsSpatialIndex,
                       QgsUnitTypes, QgsWkbTypes)

from ..core.categories import CATEGORY_SEPARATOR, CategoryMatcher
from ..core.crossings import find_crossings, level_of, osm_tags_from_other_tags, osm_walkable, split_at_crossings
from ..core.network import WalkingNetwork
from ..core.records import CommunityRecord, FacilityRecord, parse_boolean, parse_community_type
from ..i18n import tr
from ..standards import normalise_label
from . import shared_run

_CONTEXT = "EvaluationInputs"
MAX_LISTED_FEATURES = 10
# Above this, a community's population is surely a unit or field mistake (a whole district is ~10⁵).
IMPLAUSIBLE_POPULATION = 1000000
# Overlaps smaller than this (m²) are digitising slivers along shared boundaries, not reported.
OVERLAP_TOLERANCE_M2 = 1.0
# CGCS2000 / 3-degree Gauss-Kruger CM 75E … CM 135E are EPSG:4534 … EPSG:4554 (China's survey zones).
CGCS2000_GK3_FIRST_EPSG, CGCS2000_GK3_FIRST_MERIDIAN, CGCS2000_GK3_LAST_MERIDIAN = 4534, 75, 135


class InputProblems:
    """Problems found while reading, grouped by message so each is reported once with its features."""

    def __init__(self):
        self._groups = OrderedDict()

    def add(self, message, feature_id):
        self._groups.setdefault(message, []).append(feature_id)

    def report(self, feedback):
        for message, feature_ids in self._groups.items():
            listed = ", ".join(str(fid) for fid in feature_ids[:MAX_LISTED_FEATURES])
            more = "…" if len(feature_ids) > MAX_LISTED_FEATURES else ""
            feedback.pushWarning(tr("{} — {} feature(s): {}{}", _CONTEXT).format(
                message, len(feature_ids), listed, more))

    def __len__(self):
        return sum(len(ids) for ids in self._groups.values())


def finite_box(box):
    return all(math.isfinite(value) for value in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))


def finite_geometry(geometry):
    """Whether every coordinate of `geometry` is a finite number (QgsSpatialIndex crashes QGIS on an infinite
    box, and measures of NaN are NaN)."""
    return geometry is not None and not geometry.isEmpty() and finite_box(geometry.boundingBox())


def projected(geometry, transform, direction=QgsCoordinateTransform.ForwardTransform):
    """A copy of `geometry` transformed, or None when that is impossible: non-finite coordinates, or a point the
    transformation cannot take (PyQGIS raises QgsCsException, e.g. for swapped latitude and longitude)."""
    if not finite_geometry(geometry):
        return None
    copy = QgsGeometry(geometry)
    try:
        if copy.transform(transform, direction) != 0:
            return None
    except QgsCsException:
        return None
    return copy if finite_geometry(copy) else None


def measures_in_metres(crs):
    """Whether planar lengths and areas in `crs` are true metres near its use: a projected CRS in metres that is
    not a Mercator (Web Mercator reads lengths ×1/cos(latitude): ×1.16 at 30°N)."""
    if not crs.isValid() or crs.isGeographic() or crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        return False
    return "+proj=merc" not in crs.toProj()


def working_crs(source_crs, extent_in_source):
    """A projected CRS in true metres for measuring: the source's own when it measures in metres, else the
    CGCS2000 3° Gauss-Krüger zone (in China) or UTM zone of the data's centre."""
    if measures_in_metres(source_crs):
        return source_crs
    centre = _geographic_centre(source_crs, extent_in_source)
    if centre is None:
        return source_crs
    longitude, latitude = centre
    meridian = int(round(longitude / 3.0)) * 3
    if CGCS2000_GK3_FIRST_MERIDIAN <= meridian <= CGCS2000_GK3_LAST_MERIDIAN and latitude > 0:
        code = CGCS2000_GK3_FIRST_EPSG + (meridian - CGCS2000_GK3_FIRST_MERIDIAN) // 3
    else:
        zone = min(60, max(1, int((longitude + 180) // 6) + 1))
        code = (32600 if latitude >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem("EPSG:{}".format(code))


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


def _geographic_centre(source_crs, extent):
    """(longitude, latitude) of the middle of `extent`, or None when it has no finite position."""
    if extent is None or not finite_box(extent) or extent.isEmpty() and extent.width() != 0:
        return None
    centre = QgsGeometry.fromPointXY(extent.center())
    if not source_crs.isGeographic():
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        centre = projected(centre, QgsCoordinateTransform(source_crs, wgs84, QgsProject.instance()))
        if centre is None:
            return None
    point = centre.asPoint()
    if not (-180.0 <= point.x() <= 180.0 and -90.0 <= point.y() <= 90.0):
        return None
    return point.x(), point.y()


def finite_extent(source):
    """The extent of a feature source's finite geometries (a non-finite coordinate spoils the layer's own)."""
    extent = source.sourceExtent()
    if finite_box(extent):
        return extent
    finite = QgsRectangle()
    finite.setMinimal()
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        if feature.hasGeometry() and finite_geometry(feature.geometry()):
            finite.combineExtentWith(feature.geometry().boundingBox())
    return finite


def report_overlaps(communities, layer, feedback, limit=10):
    """Warn about communities that overlap (more than OVERLAP_TOLERANCE_M2), naming the pairs and the area.

    The plugin's rule for what lies in an overlap: a facility or a resident's point belongs to the first of the
    overlapping communities in the layer's order (never to both)."""
    index, geometries = QgsSpatialIndex(), {}
    for position, (_fid, geometry, _record) in enumerate(communities):
        if finite_geometry(geometry):
            geometries[position] = geometry
            index.addFeature(position, geometry.boundingBox())
    pairs = []
    for position, geometry in geometries.items():
        for other in index.intersects(geometry.boundingBox()):
            if other <= position or other not in geometries:
                continue
            if not geometry.intersects(geometries[other]):
                continue
            area = geometry.intersection(geometries[other]).area()
            if area > OVERLAP_TOLERANCE_M2:
                pairs.append((communities[position][2].id, communities[other][2].id, area))
    if pairs:
        feedback.pushWarning(tr("layer {}: {} pair(s) of communities overlap (facilities and residents there count "
                                "for the first in the layer's order only): {}{}", _CONTEXT).format(
            layer, len(pairs), ", ".join("{} × {} ({:,.0f} m²)".format(a, b, area) for a, b, area in pairs[:limit]),
            "…" if len(pairs) > limit else ""))
    return pairs


def representative_point(geometry):
    """The point that stands for a community: its centroid, or a point inside when the centroid falls
    outside (an L- or U-shaped community)."""
    centroid = geometry.centroid()
    if not centroid.isEmpty() and geometry.contains(centroid):
        return centroid.asPoint()
    return geometry.pointOnSurface().asPoint()


def community_radius(geometry):
    """Farthest straight-line distance from the community's representative point to its boundary (m).

    The network version belongs to the walking evaluation; here it measures the community's spatial scale.
    """
    centre = representative_point(geometry)
    farthest = 0.0
    for vertex in geometry.vertices():
        farthest = max(farthest, centre.distance(QgsPointXY(vertex.x(), vertex.y())))
    return farthest


def is_null(value):
    """None, or QGIS's NULL (a null QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def read_number(value):
    """(number or None, problem key or None): NULL is missing; text that is no number is a problem."""
    if is_null(value):
        return None, None
    if isinstance(value, bool):
        return None, "not_a_number"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None, "not_a_number"
    if number != number:  # NaN
        return None, None
    return number, None


class CommunityReader:
    """Reads communities (and optionally facilities) into CommunityRecords with geometry in metres."""

    def __init__(self, standard, source, layer_name, field_map, default_type, context, feedback):
        """`field_map`: community attribute code → field name (population, households, …); id/name/type
        fields under the keys `id`, `name`, `type`."""
        self.standard = standard
        self.source = source
        self.layer_name = layer_name
        self.field_map = field_map
        self.default_type = default_type
        self.feedback = feedback
        self.problems = InputProblems()
        self.crs = working_crs(source.sourceCrs(), finite_extent(source))
        self.to_working = QgsCoordinateTransform(source.sourceCrs(), self.crs, context.transformContext())
        self.context = context

    def read(self):
        """[(feature id, geometry in working CRS or None, CommunityRecord)], one per input feature."""
        layer = self.layer_name
        attribute_types = {attribute.code: attribute.type for attribute in self.standard.community_attributes}
        communities = []
        self._missing_ids = set()
        total = self.source.featureCount() or 1
        for current, feature in enumerate(self.source.getFeatures()):
            if self.feedback.isCanceled():
                break
            attributes = {}
            identifier = self._text(feature, "id")
            if identifier is None:
                self._missing_ids.add(feature.id())
                identifier = str(feature.id())
            for code, field in self.field_map.items():
                if code in ("id", "name", "type") or not field:
                    continue
                attributes[code] = self._attribute(feature, field, attribute_types.get(code, "number"), layer)
            for code in ("population", "households"):
                if attributes.get(code) is not None and attributes[code] < 0:
                    self.problems.add(tr("layer {}, field '{}': negative values are treated as missing",
                                         _CONTEXT).format(layer, self.field_map[code]), feature.id())
                    attributes[code] = None
            geometry = self._geometry(feature, layer, identifier)
            record = CommunityRecord(
                id=identifier,
                name=self._text(feature, "name") or self._text(feature, "id") or str(feature.id()),
                community_type=self._community_type(feature, layer),
                attributes=attributes,
                facilities=(),
                radius_m=community_radius(geometry) if geometry is not None else None,
                located=geometry is not None,
            )
            self._check_plausible(attributes, layer, identifier)
            communities.append((feature.id(), geometry, record))
            self.feedback.setProgress(int(40.0 * current / total))
        communities = self._unique_ids(communities)
        report_overlaps(communities, layer, self.feedback)
        return communities

    def _check_plausible(self, attributes, layer, identifier):
        """Values no residential community has: reported by community id (the rules still use them)."""
        population, households = attributes.get("population"), attributes.get("households")
        if population is not None and (population == 0 or population > IMPLAUSIBLE_POPULATION):
            self.problems.add(tr("layer {}, field '{}': a population of 0 or above {:,} is implausible; check it",
                                 _CONTEXT).format(layer, self.field_map.get("population"), IMPLAUSIBLE_POPULATION),
                              identifier)
        if population is not None and households is not None and households > population > 0:
            self.problems.add(tr("layer {}: more households than residents; check fields '{}' and '{}'",
                                 _CONTEXT).format(layer, self.field_map.get("households"),
                                                  self.field_map.get("population")), identifier)

    def _unique_ids(self, communities):
        """Every community under an id of its own: a missing id becomes the feature id, a repeated one gets
        '#<feature id>' from its second feature on; both reported, so no two communities ever merge."""
        missing = sorted(self._missing_ids)
        if missing and self.field_map.get("id"):
            self.feedback.pushWarning(tr("layer {}, field '{}': {} feature(s) without an id, reported by feature id: "
                                         "{}", _CONTEXT).format(self.layer_name, self.field_map["id"], len(missing),
                                                                ", ".join(str(fid) for fid in missing[:10])))
        counts = Counter(record.id for _fid, _geometry, record in communities)
        repeated = {identifier for identifier, count in counts.items() if count > 1}
        if not repeated:
            return communities
        taken = set(counts)
        unique, seen = [], set()
        for fid, geometry, record in communities:
            if record.id in repeated and record.id in seen:
                new_id = "{}#{}".format(record.id, fid)
                while new_id in taken:
                    new_id += "#"
                taken.add(new_id)
                record = replace(record, id=new_id)
            seen.add(record.id)
            unique.append((fid, geometry, record))
        for identifier in sorted(repeated):
            fids = [str(fid) for fid, _geometry, record in communities if record.id == identifier]
            self.feedback.pushWarning(tr("layer {}: the community id '{}' is used by {} features (feature ids {}); "
                                         "from the second on they are reported as '{}#<feature id>'",
                                         _CONTEXT).format(self.layer_name, identifier, len(fids), ", ".join(fids[:10]),
                                                          identifier))
        return unique

    def _text(self, feature, key):
        field = self.field_map.get(key)
        if not field:
            return None
        value = feature.attribute(field)
        if is_null(value) or str(value).strip() == "":
            return None
        return str(value).strip()

    def _attribute(self, feature, field, attribute_type, layer):
        value = feature.attribute(field)
        if attribute_type == "boolean":
            try:
                return parse_boolean(None if is_null(value) else value)
            except ValueError:
                self.problems.add(tr("layer {}, field '{}': values that are not yes/no are treated as missing",
                                     _CONTEXT).format(layer, field), feature.id())
                return None
        number, problem = read_number(value)
        if problem:
            self.problems.add(tr("layer {}, field '{}': values that are not numbers are treated as missing",
                                 _CONTEXT).format(layer, field), feature.id())
        return number

    def _community_type(self, feature, layer):
        raw = self._text(feature, "type")
        if raw is None:
            return self.default_type
        try:
            return parse_community_type(raw)
        except ValueError:
            self.problems.add(tr("layer {}, field '{}': unknown community type (use 新建/既有); rules for new or "
                                 "existing communities only get no_data", _CONTEXT).format(
                                     layer, self.field_map["type"]), feature.id())
            return None

    def _geometry(self, feature, layer, identifier):
        """The community's geometry in the working CRS, or None (reported by community id): its spatial rules
        then get no_data."""
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            self.problems.add(tr("layer {}: no geometry; spatial rules get no_data", _CONTEXT).format(layer),
                              identifier)
            return None
        geometry = QgsGeometry(feature.geometry())
        if not finite_geometry(geometry):
            self.problems.add(tr("layer {}: coordinates that are not finite numbers; spatial rules get no_data",
                                 _CONTEXT).format(layer), identifier)
            return None
        if geometry.type() != QgsWkbTypes.PolygonGeometry:
            self.problems.add(tr("layer {}: a point or line, not an area; spatial rules get no_data",
                                 _CONTEXT).format(layer), identifier)
            return None
        if not geometry.isGeosValid():
            self.problems.add(tr("layer {}: invalid geometry, repaired for measuring", _CONTEXT).format(layer),
                              identifier)
            geometry = geometry.makeValid()
        geometry = projected(geometry, self.to_working)
        if geometry is None or geometry.isEmpty() or geometry.area() <= 0:
            self.problems.add(tr("layer {}: geometry cannot be projected to {} or has no area; spatial rules get "
                                 "no_data", _CONTEXT).format(layer, self.crs.authid()), identifier)
            return None
        return geometry


def match_fields(attributes, fields, chosen):
    """Attribute code → field name: the user's choice first, else a field named like the attribute.

    `attributes`: the standard's Attribute objects; `fields`: the layer's QgsFields; `chosen`: code →
    field name given by the user (validated by the caller). A field matches when its name equals the
    attribute's code, Chinese name or English name, ignoring case, spaces and full-width forms.
    """
    by_name = {normalise_label(name): name for name in fields.names()}
    matched = {}
    for attribute in attributes:
        if chosen.get(attribute.code):
            matched[attribute.code] = chosen[attribute.code]
            continue
        for label in (attribute.code, attribute.name.zh, attribute.name.en):
            if normalise_label(label) in by_name:
                matched[attribute.code] = by_name[normalise_label(label)]
                break
    return matched


@dataclass
class UnassignedFacility:
    """A facility that counts for no community, and why (`outside`, `unknown_category`, `no_geometry`)."""

    layer: str
    fid: object
    label: object
    category: object
    reason: str
    point: object  # QgsGeometry in the working CRS, or None


@dataclass
class LocatedFacility:
    """A recognised facility and its point in the working CRS (a polygon's point inside it)."""

    layer: str
    fid: object
    category: str
    x: float
    y: float
    record: FacilityRecord


class FacilityReader:
    """Reads facility layers into FacilityRecords and assigns each to the communities it lies in.

    One reader per evaluation: unknown labels of every layer are collected by one matcher and reported
    once, with their counts.
    """

    def __init__(self, standard, communities, working, tolerance, context, feedback, problems, user_mapping=None):
        self.standard = standard
        self.communities = communities
        self.working = working
        self.tolerance = tolerance
        self.context = context
        self.feedback = feedback
        self.problems = problems
        self.matcher = CategoryMatcher(standard, user_mapping)
        self.assigned = {position: [] for position in range(len(communities))}
        self.unassigned = []
        self.located = []  # every recognised facility with a location: LocatedFacility, in reading order
        # Planned facilities (PROPOSED_FACILITIES) are read last: where they start in `located` and how many
        # facilities each community had before them. None while no planned layer was read.
        self.planned_from = None
        self._existing_assigned = None
        self._geometries = {}
        self._index = QgsSpatialIndex()
        for position, (_fid, geometry, _record) in enumerate(communities):
            if finite_geometry(geometry):
                self._geometries[position] = geometry
                self._index.addFeature(position, geometry.boundingBox())

    def read(self, source, layer, category_field, attribute_fields):
        """Read one layer (`layer`: its name for messages); `attribute_fields`: facility attribute code → field."""
        to_working = QgsCoordinateTransform(source.sourceCrs(), self.working, self.context.transformContext())
        fields = source.fields()
        category_index = fields.lookupField(category_field)
        attribute_indexes = {code: fields.lookupField(name) for code, name in attribute_fields.items()}
        unknown_before = Counter(self.matcher.unknown)
        for feature in source.getFeatures():
            if self.feedback.isCanceled():
                break
            label = feature.attribute(category_index)
            # A value may name several categories (社区综合服务站;老年服务站: one building houses both): one
            # record per category, all with the feature's id, so each counts for its category and a rule
            # naming two of them counts the building once (core/engine: facilities are told apart by fid).
            categories = self.matcher.classify_all(label)
            category_text = CATEGORY_SEPARATOR.join(categories) or None
            geometry = self._point_and_shape(feature, to_working, layer)
            if not categories:
                self._unassign(layer, feature, label, None, "unknown_category", geometry)
                continue
            if geometry is None:
                self._unassign(layer, feature, label, category_text, "no_geometry", None)
                continue
            attributes = {code: self._attribute(feature, index, layer, attribute_fields[code])
                          for code, index in attribute_indexes.items()}
            if geometry.type() == QgsWkbTypes.PolygonGeometry and attributes.get("land_area") is None:
                attributes["land_area"] = geometry.area()  # a polygon facility measures its own land
            records = [FacilityRecord(fid="{}:{}".format(layer, feature.id()), category=category,
                                      attributes=attributes) for category in categories]
            point = geometry if geometry.type() == QgsWkbTypes.PointGeometry else geometry.pointOnSurface()
            location = point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0]
            for record in records:
                self.located.append(LocatedFacility(layer, feature.id(), record.category, location.x(),
                                                    location.y(), record))
            inside = self._communities_of(point)
            if not inside:
                self._unassign(layer, feature, label, category_text, "outside", point)
            for position in inside:
                self.assigned[position].extend(records)
        unknown = self.matcher.unknown - unknown_before
        if unknown:
            self.feedback.pushWarning(tr(
                "layer {}, field '{}': categories the standard does not know (not counted): {}",
                _CONTEXT).format(layer, category_field, ", ".join(
                    "{} ({})".format(text, count) for text, count in unknown.most_common())))

    def communities_with_facilities(self):
        return [(fid, geometry, replace(record, facilities=record.facilities + tuple(self.assigned[position])))
                for position, (fid, geometry, record) in enumerate(self.communities)]

    def begin_planned(self):
        """Every layer read from now on holds planned facilities (a scheme to compare with the existing state)."""
        self.planned_from = len(self.located)
        self._existing_assigned = {position: len(records) for position, records in self.assigned.items()}

    @property
    def has_planned(self):
        return self.planned_from is not None

    def planned_counts(self):
        """Per community position, how many planned facilities count for it (0 without a planned layer)."""
        if not self.has_planned:
            return [0] * len(self.communities)
        return [len(self.assigned[position]) - self._existing_assigned[position]
                for position in range(len(self.communities))]

    def existing_only(self):
        """A reader of the same layers without the planned facilities (itself when there are none)."""
        if not self.has_planned:
            return self
        view = copy.copy(self)
        view.located = self.located[:self.planned_from]
        view.assigned = {position: records[:self._existing_assigned[position]]
                         for position, records in self.assigned.items()}
        view.planned_from = None
        view._existing_assigned = None
        return view

    def _point_and_shape(self, feature, to_working, layer):
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            # (A point of NaN coordinates reads as an empty point.)
            self.problems.add(tr("layer {}: no geometry; not counted", _CONTEXT).format(layer), feature.id())
            return None
        geometry = QgsGeometry(feature.geometry())
        if not finite_geometry(geometry):
            self.problems.add(tr("layer {}: coordinates that are not finite numbers; not counted", _CONTEXT).format(
                layer), feature.id())
            return None
        if geometry.type() == QgsWkbTypes.PolygonGeometry and not geometry.isGeosValid():
            self.problems.add(tr("layer {}: invalid geometry, repaired for measuring", _CONTEXT).format(layer),
                              feature.id())
            geometry = geometry.makeValid()
        geometry = projected(geometry, to_working)
        if geometry is None or geometry.isEmpty():
            self.problems.add(tr("layer {}: coordinates cannot be projected to {} (outside the CRS's area, or "
                                 "latitude and longitude swapped?); not counted", _CONTEXT).format(
                                     layer, self.working.authid()), feature.id())
            return None
        return geometry

    def _attribute(self, feature, index, layer, field):
        number, problem = read_number(feature.attribute(index))
        if problem:
            self.problems.add(tr("layer {}, field '{}': values that are not numbers are treated as missing",
                                 _CONTEXT).format(layer, field), feature.id())
        elif number is not None and number < 0:
            self.problems.add(tr("layer {}, field '{}': negative values are treated as missing",
                                 _CONTEXT).format(layer, field), feature.id())
            number = None
        return number

    def _communities_of(self, point):
        """The community the point lies in, else the nearest one within the tolerance: [position] or [].

        Where communities overlap (reported by `report_overlaps`), the point belongs to the first of them in the
        layer's order — the same rule as for residents' points — so nothing is counted twice."""
        search = point.boundingBox().buffered(self.tolerance)
        candidates = sorted(position for position in self._index.intersects(search) if position in self._geometries)
        inside = [position for position in candidates if self._geometries[position].intersects(point)][:1]
        if not inside and self.tolerance > 0:
            near = sorted((self._geometries[position].distance(point), position) for position in candidates)
            inside = [near[0][1]] if near and near[0][0] <= self.tolerance else []
        return inside

    def _unassign(self, layer, feature, label, category, reason, geometry):
        if geometry is not None and geometry.type() != QgsWkbTypes.PointGeometry:
            geometry = geometry.pointOnSurface()
        self.unassigned.append(UnassignedFacility(layer, feature.id(), label, category, reason, geometry))

    def summary(self):
        """{reason: count} of the facilities that count for no community."""
        return dict(Counter(facility.reason for facility in self.unassigned))


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
            break
        if walkable_index >= 0:
            value = feature.attribute(walkable_index)
            try:
                walkable = True if value == 1 else parse_boolean(None if is_null(value) else value)
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
