"""Community polygons → CommunityRecords: ids made unique, attributes read, geometry checked and projected."""

from collections import Counter
from dataclasses import replace

from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsSpatialIndex, QgsWkbTypes

from ...core.network import SearchCancelled
from ...core.records import CommunityRecord, parse_boolean, parse_community_type
from ...core.values import is_missing, read_number
from ...i18n import tr
from .crs import finite_extent, finite_geometry, projected, working_crs
from .problems import InputProblems

_CONTEXT = "EvaluationInputs"  # one translation context for every reader (the strings were translated under it)
# Above this, a community's population is surely a unit or field mistake (a whole district is ~10⁵).
IMPLAUSIBLE_POPULATION = 1000000
# Overlaps smaller than this (m²) are digitising slivers along shared boundaries, not reported.
OVERLAP_TOLERANCE_M2 = 1.0


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
        box = geometry.boundingBox()
        engine = None
        for other in index.intersects(box):
            if other <= position or other not in geometries:
                continue
            # The overlap lies inside both boxes: where they share less than the tolerance (neighbours along a
            # street, a shared edge), it cannot exceed it.
            if box.intersect(geometries[other].boundingBox()).area() < OVERLAP_TOLERANCE_M2 / 2:
                continue
            if engine is None:
                engine = QgsGeometry.createGeometryEngine(geometry.constGet())
                engine.prepareGeometry()
            if not engine.intersects(geometries[other].constGet()):
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
    if QgsWkbTypes.flatType(geometry.wkbType()) in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        # GEOS's discrete Hausdorff distance to the point: the same farthest vertex, measured the same way, in C++.
        return geometry.hausdorffDistance(QgsGeometry.fromPointXY(centre))
    farthest = 0.0
    for vertex in geometry.vertices():
        farthest = max(farthest, centre.distance(QgsPointXY(vertex.x(), vertex.y())))
    return farthest


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
                raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
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
        if is_missing(value):
            return None
        return str(value).strip()

    def _attribute(self, feature, field, attribute_type, layer):
        value = feature.attribute(field)
        if attribute_type == "boolean":
            try:
                return parse_boolean(value)
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
