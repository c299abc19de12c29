"""Point layers read in bulk: each feature's id, attributes and geometry taken once from QGIS, the plain points
parsed, projected and located in numpy (core/points), the rest (areas, multi-points, Z) left to the reader's own
feature-by-feature path."""

from array import array

import numpy as np
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

from ...core.network import SearchCancelled
from ...core.points import first_containing, parse_points_wkb, shapely_holds
from .crs import finite_geometry, projected_points

# What a feature's geometry is, as read in bulk (PointFeatures.kind)
POINT = 0          # a plain 2-D point, projected: x, y hold it in the working CRS
NO_GEOMETRY = 1    # none, or an empty point (QGIS reads a point of NaN coordinates as empty)
NOT_FINITE = 2     # a point with an infinite coordinate
NOT_PROJECTED = 3  # a finite point the transformation to the working CRS cannot take
OTHER = 4          # anything else: `geometries[i]` for the reader's own path

CANCEL_CHECK_EVERY = 1024  # features between two questions to feedback.isCanceled()


class PointFeatures:
    """Every feature of a source read once: `fids`, `values` (one list per requested field index), `geometries`
    (QgsGeometry as read), and per feature `kind` with `x`, `y` in the working CRS (NaN unless POINT)."""

    def __init__(self, source, request, field_indexes, to_working, feedback):
        self.fids, self.geometries = [], []
        self.values = [[] for _index in field_indexes]
        buffer, lengths = bytearray(), array("q")
        for number, feature in enumerate(source.getFeatures(request)):
            if not number % CANCEL_CHECK_EVERY and feedback.isCanceled():
                raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
            self.fids.append(feature.id())
            for values, index in zip(self.values, field_indexes):
                values.append(feature.attribute(index))
            geometry = feature.geometry()
            self.geometries.append(geometry)
            wkb = geometry.asWkb().data()  # empty without a geometry
            buffer += wkb
            lengths.append(len(wkb))
        x, y, is_point = parse_points_wkb(buffer, np.frombuffer(lengths, dtype=np.int64))
        del buffer
        self.kind = np.full(len(self.fids), OTHER, dtype=np.int8)
        self.kind[np.frombuffer(lengths, dtype=np.int64) == 0] = NO_GEOMETRY
        self.kind[is_point & (np.isnan(x) | np.isnan(y))] = NO_GEOMETRY
        self.kind[is_point & ~np.isnan(x) & ~np.isnan(y) & ~(np.isfinite(x) & np.isfinite(y))] = NOT_FINITE
        candidates = np.flatnonzero(is_point & np.isfinite(x) & np.isfinite(y))
        self.x, self.y = np.full(len(self.fids), np.nan), np.full(len(self.fids), np.nan)
        self.x[candidates], self.y[candidates] = projected_points(x[candidates], y[candidates], to_working)
        projected = np.isfinite(self.x[candidates])
        self.kind[candidates[projected]] = POINT
        self.kind[candidates[~projected]] = NOT_PROJECTED

    def __len__(self):
        return len(self.fids)


class CommunityLocator:
    """Which community points lie in: the first in the layer's order whose area holds the point, inside or on its
    boundary (QgsGeometry.intersects); -1 for none. The rule for overlapping communities (see report_overlaps)."""

    def __init__(self, communities):
        """`communities`: [(fid, geometry in the working CRS or None, record)]; only finite geometries count."""
        self.positions, self.geometries, boxes = [], [], []
        for position, (_fid, geometry, _record) in enumerate(communities):
            if finite_geometry(geometry):
                box = geometry.boundingBox()
                self.positions.append(position)
                self.geometries.append(geometry)
                boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
        self.boxes = np.array(boxes, dtype=float).reshape(-1, 4)
        self.positions = np.array(self.positions, dtype=np.int64)
        self._holds = {}

    def locate(self, x, y):
        """The community position of each point (x, y arrays in the working CRS; NaN: none), or -1."""
        found = first_containing(self.boxes, self._holds_points, x, y)
        if not len(self.positions):
            return found
        return np.where(found >= 0, self.positions[np.maximum(found, 0)], -1)

    def _holds_points(self, index, xs, ys):
        if index not in self._holds:
            self._holds[index] = _holds(self.geometries[index])
        return self._holds[index](xs, ys)


def _holds(geometry):
    """holds(xs, ys) of one community: GEOS through shapely for polygons and multi-polygons (in 2-D: the predicate
    ignores Z), QgsGeometry.intersects point by point for anything else (curves, a collection from makeValid)."""
    if QgsWkbTypes.flatType(geometry.wkbType()) in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        flat = geometry.constGet().clone()
        flat.dropZValue()
        flat.dropMValue()
        return shapely_holds(flat.asWkb().data())

    def holds(xs, ys):
        return np.array([geometry.intersects(QgsGeometry.fromPointXY(QgsPointXY(px, py)))
                         for px, py in zip(xs.tolist(), ys.tolist())], dtype=bool)

    return holds
