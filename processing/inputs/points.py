"""Point layers read in bulk: each feature's id, attributes and geometry taken once from QGIS, the plain points
parsed, projected and located in numpy (core/points), the rest (areas, multi-points, Z) left to the reader's own
feature-by-feature path."""

from array import array

import numpy as np
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsWkbTypes

from ...core.network import SearchCancelled
from ...core.points import first_containing, parse_points_wkb, polygon_edges, shapely_holds
from .bulk_read import qgis_values, read_whole_layer, whole_layer
from .crs import finite_geometry, projected_points

# What a feature's geometry is, as read in bulk (PointFeatures.kind)
POINT = 0          # a plain 2-D point, projected: x, y hold it in the working CRS
NO_GEOMETRY = 1    # none, or an empty point (QGIS reads a point of NaN coordinates as empty)
NOT_FINITE = 2     # a point with an infinite coordinate
NOT_PROJECTED = 3  # a finite point the transformation to the working CRS cannot take
OTHER = 4          # anything else: `geometry(i)` for the reader's own path

CANCEL_CHECK_EVERY = 1024  # features between two questions to feedback.isCanceled()


class PointFeatures:
    """Every feature of a source read once: `fids`, `values` (one list per requested field index) and per feature
    `kind` with `x`, `y` in the working CRS (NaN unless POINT); `geometry(i)` gives a feature's QgsGeometry as read.

    A whole GeoPackage or shapefile layer (`layer`, see bulk_read.source_layer) is read through OGR's arrays
    when that gives exactly QGIS's features (bulk_read.whole_layer); anything else feature by feature through
    QGIS. Where QGIS would check each geometry's validity, only a layer of plain finite points is read in bulk."""

    def __init__(self, source, field_indexes, to_working, feedback, context=None, layer=None):
        read = self._read_in_bulk(source, field_indexes, feedback, context, layer) if layer is not None else None
        if read is None:
            read = self._read_features(source, field_indexes, feedback)
        self.fids, self.values, self._wkb, lengths = read
        self._starts = np.cumsum(lengths) - lengths
        self._lengths = lengths
        x, y, is_point = parse_points_wkb(self._wkb, lengths)
        self.kind = np.full(len(self.fids), OTHER, dtype=np.int8)
        self.kind[lengths == 0] = NO_GEOMETRY
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

    def geometry(self, index):
        """The feature's geometry as read (a null QgsGeometry when it has none)."""
        geometry = QgsGeometry()
        if self._lengths[index]:
            start = int(self._starts[index])
            geometry.fromWkb(self._wkb[start:start + int(self._lengths[index])])
        return geometry

    @staticmethod
    def _read_features(source, field_indexes, feedback):
        """(fids, values per field, every geometry's WKB one after another, each one's length) through QGIS."""
        fids, values = [], [[] for _index in field_indexes]
        buffer, lengths = bytearray(), array("q")
        request = QgsFeatureRequest().setSubsetOfAttributes([index for index in field_indexes if index >= 0])
        for number, feature in enumerate(source.getFeatures(request)):
            if not number % CANCEL_CHECK_EVERY and feedback.isCanceled():
                raise SearchCancelled()  # the run's cancelled ending: no step goes on with part of the layer
            fids.append(feature.id())
            for column, index in zip(values, field_indexes):
                column.append(feature.attribute(index))
            wkb = feature.geometry().asWkb().data()  # empty without a geometry
            buffer += wkb
            lengths.append(len(wkb))
        return fids, values, bytes(buffer), np.frombuffer(lengths, dtype=np.int64)

    @staticmethod
    def _read_in_bulk(source, field_indexes, feedback, context, layer):
        """The same as _read_features through OGR's arrays, or None where that would not give the same."""
        if context is None or any(index < 0 for index in field_indexes):
            return None
        names = [source.fields().at(index).name() for index in field_indexes]
        table = whole_layer(source, layer, names, context)
        features = read_whole_layer(table, names, feedback.isCanceled) if table is not None else None
        if features is None:
            return None
        if feedback.isCanceled():
            raise SearchCancelled()
        if table.invalid_geometry_check != QgsFeatureRequest.GeometryNoCheck:
            x, y, is_point = parse_points_wkb(features.wkb, features.wkb_length)
            if not (is_point & np.isfinite(x) & np.isfinite(y)).all():
                return None  # QGIS would judge some geometry (skip it or stop): let it
        values = [qgis_values(*features.columns[name]) for name in names]
        return features.fid.tolist(), values, features.wkb, np.asarray(features.wkb_length, dtype=np.int64)


class CommunityLocator:
    """Which community points lie in: the first in the layer's order whose area holds the point, inside or on its
    boundary (QgsGeometry.intersects); -1 for none. The rule for overlapping communities (see report_overlaps).

    Polygons answer in numpy by the even-odd rule for points clearly off their boundary; GEOS (through shapely)
    for the points within a hair of it and for polygons of more than _EDGES_IN_NUMPY edges; QGIS for curves and
    collections."""

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
        self.edges = [_edges(geometry) for geometry in self.geometries]
        self._holds = {}

    def locate(self, x, y):
        """The community position of each point (x, y arrays in the working CRS; NaN: none), or -1."""
        found = first_containing(self.boxes, self._holds_points, x, y, self.edges)
        if not len(self.positions):
            return found
        return np.where(found >= 0, self.positions[np.maximum(found, 0)], -1)

    def _holds_points(self, index, xs, ys):
        if index not in self._holds:
            self._holds[index] = _holds(self.geometries[index])
        return self._holds[index](xs, ys)


_EDGES_IN_NUMPY = 1024  # a community with more edges is asked of GEOS (its prepared index) for every point


def _flat_polygon_wkb(geometry):
    """2-D WKB of a polygon or multi-polygon (Z and M dropped: containment is 2-D), None for anything else."""
    if QgsWkbTypes.flatType(geometry.wkbType()) not in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        return None
    flat = geometry.constGet().clone()
    flat.dropZValue()
    flat.dropMValue()
    return flat.asWkb().data()


def _edges(geometry):
    """The ring edges numpy tests points against (core/points.polygon_edges), or None: GEOS or QGIS answer."""
    wkb = _flat_polygon_wkb(geometry)
    edges = polygon_edges(wkb) if wkb is not None else None
    return edges if edges is not None and len(edges[0]) <= _EDGES_IN_NUMPY else None


def _holds(geometry):
    """holds(xs, ys) of one community: GEOS through shapely for polygons and multi-polygons (in 2-D: the predicate
    ignores Z), QgsGeometry.intersects point by point for anything else (curves, a collection from makeValid)."""
    wkb = _flat_polygon_wkb(geometry)
    if wkb is not None:
        return shapely_holds(wkb)

    def holds(xs, ys):
        return np.array([geometry.intersects(QgsGeometry.fromPointXY(QgsPointXY(px, py)))
                         for px, py in zip(xs.tolist(), ys.tolist())], dtype=bool)

    return holds
