"""convert_china_coordinates on real layers: every vertex moved, CRS and attributes kept, inputs untouched."""

import processing
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QVariant

from complete_community.core import china_coordinates as cc
from memory_layers import memory_layer

GCJ, BD, WGS = 0, 1, 2


def _run(layer, source, target, context):
    result = processing.run("complete_community:convert_china_coordinates", {
        "INPUT": layer, "FROM_SYSTEM": source, "TO_SYSTEM": target, "OUTPUT": "TEMPORARY_OUTPUT"},
        context=context, feedback=context.feedback())
    return result


def test_a_polygon_drawn_on_amap_moves_to_true_coordinates(cc_provider, processing_context):
    # A block in Wuhan given in true coordinates, then offset into GCJ-02 as an Amap basemap shows it.
    true_ring = [(114.30, 30.60), (114.31, 30.60), (114.31, 30.61), (114.30, 30.61), (114.30, 30.60)]
    gcj_ring = [cc.wgs84_to_gcj02(*point) for point in true_ring]
    wkt = "Polygon(({}))".format(", ".join("{!r} {!r}".format(*point) for point in gcj_ring))
    layer = memory_layer("Polygon?crs=EPSG:4326", "社区边界", [(["C01"], wkt), (["C02"], None)],
                         fields=[("community_id", QVariant.String)])
    result = _run(layer, GCJ, WGS, processing_context)
    output = result["OUTPUT"]
    assert result["CONVERTED_COUNT"] == 1
    features = list(output.getFeatures())
    assert [feature["community_id"] for feature in features] == ["C01", "C02"]
    assert not features[1].hasGeometry()
    moved = [(vertex.x(), vertex.y()) for vertex in features[0].geometry().vertices()]
    assert len(moved) == len(true_ring)
    for (lon, lat), (true_lon, true_lat) in zip(moved, true_ring):
        assert cc.haversine_m(lon, lat, true_lon, true_lat) < 0.5
    # the input layer still holds the offset coordinates
    original = [coordinate for vertex in next(layer.getFeatures()).geometry().vertices()
                for coordinate in (vertex.x(), vertex.y())]
    assert original == pytest.approx([coordinate for point in gcj_ring for coordinate in point])


def test_a_projected_layer_is_converted_and_stays_in_its_crs(cc_provider, processing_context):
    # Roads digitised on a Baidu basemap and stored in CGCS2000 / 3-degree GK CM 114E.
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    to_plane = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    true_line = [(114.30, 30.60), (114.305, 30.602), (114.31, 30.605)]
    bd_plane = [to_plane.transform(*cc.wgs84_to_bd09(*point)) for point in true_line]
    true_plane = [to_plane.transform(*point) for point in true_line]
    wkt = "LineString({})".format(", ".join("{!r} {!r}".format(point.x(), point.y()) for point in bd_plane))
    layer = memory_layer("LineString?crs=EPSG:4547", "道路", [(["主干道"], wkt)], fields=[("name", QVariant.String)])
    output = _run(layer, BD, WGS, processing_context)["OUTPUT"]
    assert output.crs().authid() == "EPSG:4547"
    moved = list(next(output.getFeatures()).geometry().vertices())
    for vertex, expected in zip(moved, true_plane):
        assert vertex.distance(expected.x(), expected.y()) < 0.5
    shift = bd_plane[0].distance(true_plane[0])
    assert 500 < shift < 1500  # BD-09 is far off before the conversion


def test_back_to_gcj02_for_use_on_an_amap_basemap(cc_provider, processing_context):
    layer = memory_layer("Point?crs=EPSG:4326", "站点", [(["a"], "Point(121.5272106 31.1774276)")],
                         fields=[("name", QVariant.String)])
    output = _run(layer, WGS, GCJ, processing_context)["OUTPUT"]
    point = next(output.getFeatures()).geometry().asPoint()
    assert (point.x(), point.y()) == pytest.approx((121.531541859215, 31.17530398364597), abs=1e-6)
