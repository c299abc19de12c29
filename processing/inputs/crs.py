"""The working CRS: geometry work happens in a projected CRS so that areas and distances are true metres."""

import math

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeatureRequest,
                       QgsGeometry, QgsProject, QgsRectangle, QgsUnitTypes)

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
