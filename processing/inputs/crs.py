"""The working CRS: geometry work happens in a projected CRS so that areas and distances are true metres."""

import math

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeatureRequest,
                       QgsGeometry, QgsPointXY, QgsProject, QgsRectangle, QgsUnitTypes)

from ...core.china_coordinates import metric_zone_epsg


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


def projected_points(xs, ys, transform):
    """(x, y) arrays of many points transformed, NaN where `projected` would give None (a coordinate that is not
    finite, or a point the transformation cannot take): the same numbers as point by point, in one call to PROJ.

    Where that batch has a point PROJ cannot take, QGIS may have switched the whole batch to a fallback operation;
    then every point is transformed alone, as `projected` does, so each gets what it would get alone."""
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    out_x, out_y = np.full(len(xs), np.nan), np.full(len(xs), np.nan)
    finite = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys))
    if transform.isShortCircuited():
        out_x[finite], out_y[finite] = xs[finite], ys[finite]
        return out_x, out_y
    alone = finite
    if len(finite) > 1:
        batch = transformed_in_one_call(xs[finite], ys[finite], transform)
        if batch is not None:
            done = np.isfinite(batch[0]) & np.isfinite(batch[1])
            out_x[finite[done]], out_y[finite[done]] = batch[0][done], batch[1][done]
            alone = finite[~done]
    for index in alone.tolist():
        point = projected(QgsGeometry.fromPointXY(QgsPointXY(xs[index], ys[index])), transform)
        if point is not None:
            out_x[index], out_y[index] = point.asPoint().x(), point.asPoint().y()
    return out_x, out_y


def transformed_in_one_call(xs, ys, transform):
    """(x, y) arrays of finite points transformed in one call to PROJ — the numbers QGIS gives each point (or each
    geometry) transformed on its own, as PROJ transforms each point by itself — with NaN or inf where a point
    failed; None when QGIS raised or switched the whole batch to a fallback operation (which it would have done
    only for the geometries that needed it).

    The points go through as one line string (its transform hands all its vertices to PROJ at once)."""
    line = QgsGeometry()
    line.fromWkb(_linestring_wkb(xs, ys))
    try:
        if line.transform(transform) != 0:
            return None
    except QgsCsException:
        return None
    if transform.fallbackOperationOccurred():
        return None
    wkb = line.asWkb().data()
    coordinates = np.frombuffer(wkb, dtype="<f8" if wkb[0] == 1 else ">f8",
                                offset=_LINESTRING_WKB_HEADER).reshape(-1, 2)
    return coordinates[:, 0].copy(), coordinates[:, 1].copy()


def _linestring_wkb(xs, ys):
    """Little-endian WKB of the line string through the points (x, y), built in numpy."""
    header = np.zeros(1, dtype=[("order", "u1"), ("type", "<u4"), ("count", "<u4")])
    header["order"], header["type"], header["count"] = 1, 2, len(xs)
    coordinates = np.empty((len(xs), 2))
    coordinates[:, 0], coordinates[:, 1] = xs, ys
    return header.tobytes() + coordinates.tobytes()


_LINESTRING_WKB_HEADER = 9  # byte order (1: little-endian), type, number of points; then x, y of each point


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
    return QgsCoordinateReferenceSystem("EPSG:{}".format(metric_zone_epsg(*centre)))


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
