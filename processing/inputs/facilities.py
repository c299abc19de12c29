"""Facility layers → FacilityRecords, each assigned to the community it lies in (or reported as unassigned)."""

import copy
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsSpatialIndex, QgsWkbTypes

from ...core.categories import CATEGORY_SEPARATOR, CategoryMatcher
from ...core.network import SearchCancelled
from ...core.records import FacilityRecord
from ...core.values import read_number
from ...i18n import tr
from .crs import finite_geometry, projected
from .points import (CANCEL_CHECK_EVERY, NO_GEOMETRY, NOT_FINITE, NOT_PROJECTED, POINT, CommunityLocator,
                     PointFeatures)

_CONTEXT = "EvaluationInputs"  # one translation context for every reader (the strings were translated under it)


@dataclass
class UnassignedFacility:
    """A facility that counts for no community, and why (`outside`, `unknown_category`, `no_geometry`)."""

    layer: str
    fid: object
    label: object
    category: object
    reason: str
    point: object  # QgsGeometry in the working CRS, or None


def _point(x, y):
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


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
        self.locator = CommunityLocator(communities)
        self._index = None  # QgsSpatialIndex of the communities, made when an area or a near point needs it

    def read(self, source, layer, category_field, attribute_fields, vector_layer=None):
        """Read one layer (`layer`: its name for messages); `attribute_fields`: facility attribute code → field;
        `vector_layer`: the QgsVectorLayer `source` reads whole, when known (bulk_read.source_layer).

        Read in bulk (PointFeatures): plain points are projected and put in their community for the whole layer at
        once; areas and other shapes go feature by feature. Problems are reported feature by feature, in order."""
        to_working = QgsCoordinateTransform(source.sourceCrs(), self.working, self.context.transformContext())
        fields = source.fields()
        category_index = fields.lookupField(category_field)
        attribute_indexes = {code: fields.lookupField(name) for code, name in attribute_fields.items()}
        unknown_before = Counter(self.matcher.unknown)
        read_indexes = [category_index] + list(attribute_indexes.values())
        features = PointFeatures(source, read_indexes, to_working, self.feedback, self.context, vector_layer)
        labels, attribute_values = features.values[0], dict(zip(attribute_indexes, features.values[1:]))
        kinds, xs, ys = features.kind.tolist(), features.x.tolist(), features.y.tolist()
        points = np.flatnonzero(features.kind == POINT)
        community_of = np.full(len(features), -1, dtype=np.int64)
        community_of[points] = self.locator.locate(features.x[points], features.y[points])
        community_of = community_of.tolist()
        for index, label in enumerate(labels):
            if not index % CANCEL_CHECK_EVERY and self.feedback.isCanceled():
                raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
            fid, kind = features.fids[index], kinds[index]
            # A value may name several categories (社区综合服务站;老年服务站: one building houses both): one
            # record per category, all with the feature's id, so each counts for its category and a rule
            # naming two of them counts the building once (core/engine: facilities are told apart by fid).
            categories = self.matcher.classify_all(label)
            category_text = CATEGORY_SEPARATOR.join(categories) or None
            if kind == POINT:  # its QgsGeometry made only where one is kept or measured
                geometry = None
            else:
                geometry = self._point_and_shape(features.geometry(index), kind, fid, to_working, layer)
            if not categories:
                self._unassign(layer, fid, label, None, "unknown_category",
                               _point(xs[index], ys[index]) if kind == POINT else geometry)
                continue
            if geometry is None and kind != POINT:
                self._unassign(layer, fid, label, category_text, "no_geometry", None)
                continue
            attributes = {code: self._attribute(attribute_values[code][index], fid, layer, attribute_fields[code])
                          for code in attribute_indexes}
            if kind != POINT and geometry.type() == QgsWkbTypes.PolygonGeometry and attributes.get("land_area") is None:
                attributes["land_area"] = geometry.area()  # a polygon facility measures its own land
            records = [FacilityRecord(fid="{}:{}".format(layer, fid), category=category,
                                      attributes=attributes) for category in categories]
            if kind == POINT:
                point, x, y = None, xs[index], ys[index]
                if community_of[index] >= 0:
                    inside = [community_of[index]]
                else:
                    point = _point(x, y)
                    inside = self._near_community(point)
            else:
                point = geometry if geometry.type() == QgsWkbTypes.PointGeometry else geometry.pointOnSurface()
                location = point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0]
                x, y = location.x(), location.y()
                inside = self._communities_of(point)
            for record in records:
                self.located.append(LocatedFacility(layer, fid, record.category, x, y, record))
            if not inside:
                self._unassign(layer, fid, label, category_text, "outside", point)
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

    def _point_and_shape(self, geometry, kind, fid, to_working, layer):
        """The geometry of a facility that is not a plain point (PointFeatures.kind) in the working CRS, or None
        (reported)."""
        if kind == NO_GEOMETRY or geometry.isNull() or geometry.isEmpty():
            # (A point of NaN coordinates reads as an empty point.)
            self.problems.add(tr("layer {}: no geometry; not counted", _CONTEXT).format(layer), fid)
            return None
        geometry = QgsGeometry(geometry)
        if kind == NOT_FINITE or not finite_geometry(geometry):
            self.problems.add(tr("layer {}: coordinates that are not finite numbers; not counted", _CONTEXT).format(
                layer), fid)
            return None
        if geometry.type() == QgsWkbTypes.PolygonGeometry and not geometry.isGeosValid():
            self.problems.add(tr("layer {}: invalid geometry, repaired for measuring", _CONTEXT).format(layer), fid)
            geometry = geometry.makeValid()
        geometry = None if kind == NOT_PROJECTED else projected(geometry, to_working)
        if geometry is None or geometry.isEmpty():
            self.problems.add(tr("layer {}: coordinates cannot be projected to {} (outside the CRS's area, or "
                                 "latitude and longitude swapped?); not counted", _CONTEXT).format(
                                     layer, self.working.authid()), fid)
            return None
        return geometry

    def _attribute(self, value, fid, layer, field):
        number, problem = read_number(value)
        if problem:
            self.problems.add(tr("layer {}, field '{}': values that are not numbers are treated as missing",
                                 _CONTEXT).format(layer, field), fid)
        elif number is not None and number < 0:
            self.problems.add(tr("layer {}, field '{}': negative values are treated as missing",
                                 _CONTEXT).format(layer, field), fid)
            number = None
        return number

    def _communities_of(self, point):
        """The community the point lies in, else the nearest one within the tolerance: [position] or [].

        Where communities overlap (reported by `report_overlaps`), the point belongs to the first of them in the
        layer's order — the same rule as for residents' points — so nothing is counted twice."""
        if self._index is None:
            self._index = QgsSpatialIndex()
            for position in self.locator.positions.tolist():
                self._index.addFeature(position, self.communities[position][1].boundingBox())
        search = point.boundingBox().buffered(self.tolerance)
        candidates = sorted(self._index.intersects(search))
        communities = self.communities
        inside = [position for position in candidates if communities[position][1].intersects(point)][:1]
        if not inside and self.tolerance > 0:
            near = sorted((communities[position][1].distance(point), position) for position in candidates)
            inside = [near[0][1]] if near and near[0][0] <= self.tolerance else []
        return inside

    def _near_community(self, point):
        """[position] of the nearest community within the tolerance of a point in none, or []."""
        return self._communities_of(point) if self.tolerance > 0 else []

    def _unassign(self, layer, fid, label, category, reason, geometry):
        """`geometry`: the facility's in the working CRS (its point is kept), or None."""
        if geometry is not None and geometry.type() != QgsWkbTypes.PointGeometry:
            geometry = geometry.pointOnSurface()
        self.unassigned.append(UnassignedFacility(layer, fid, label, category, reason, geometry))

    def summary(self):
        """{reason: count} of the facilities that count for no community."""
        return dict(Counter(facility.reason for facility in self.unassigned))
