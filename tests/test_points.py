"""Points read in bulk (core/points, processing/inputs/points, crs.projected_points) give exactly what reading them
one by one through QGIS gives: the same coordinates, the same community for every point (inside, on a boundary
shared by two, in an overlap, in a hole, outside all), the same problems reported per feature, for facilities and
for residents' origins."""

import math
import struct

import numpy as np
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsPointXY,
                       QgsFeatureRequest, QgsProcessingFeedback, QgsProject, QgsVectorLayer)
from recording_feedback import RecordingFeedback

CRS = "EPSG:4547"


def _square(x, y, size=100):
    return "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x, y, x + size, y + size)


# Areas in their layer order: a 3 × 3 grid of squares sharing edges and corners, then a square overlapping the
# last of them (it only gets what no earlier one holds), a square with a hole, a multi-polygon, an L, a square with Z,
# a curved area and a collection (QGIS answers for those two), and a community without geometry.
AREAS = ([_square(100 * column, 100 * row) for row in range(3) for column in range(3)] + [
    _square(250, 250),
    "POLYGON((400 0, 600 0, 600 200, 400 200, 400 0), (450 50, 550 50, 550 150, 450 150, 450 50))",
    _square(475, 75, 50),  # in the hole of the one before
    "MULTIPOLYGON(((700 0, 750 0, 750 50, 700 50, 700 0)), ((800 0, 850 0, 850 50, 800 50, 800 0)))",
    "POLYGON((0 400, 300 400, 300 450, 50 450, 50 700, 0 700, 0 400))",
    "POLYGON Z((400 400 3, 500 400 3, 500 500 4, 400 500 4, 400 400 3))",
    "CURVEPOLYGON(CIRCULARSTRING(700 400, 800 500, 700 600, 600 500, 700 400))",
    "GEOMETRYCOLLECTION(POLYGON((900 400, 1000 400, 1000 500, 900 500, 900 400)), LINESTRING(900 500, 900 600))",
    None,
])


def _communities(shift=(0.0, 0.0)):
    communities = []
    for fid, wkt in enumerate(AREAS):
        geometry = QgsGeometry.fromWkt(wkt) if wkt else None
        if geometry is not None:
            geometry.translate(*shift)
        communities.append((fid, geometry, None))
    return communities


def _probe_points(shift=(0.0, 0.0)):
    """Random points over the areas and around them, every vertex, every edge's middle, points a hair (a tenth of a
    micrometre, a millimetre) off each edge's middle on both sides, and points on the curve and the collection's
    line: the boundaries, where the first community in the layer's order wins."""
    rng = np.random.default_rng(16)
    xs, ys = list(rng.uniform(-50, 1050, 4000)), list(rng.uniform(-50, 750, 4000))
    for wkt in AREAS:
        if not wkt:
            continue
        geometry = QgsGeometry.fromWkt(wkt)
        vertices = [(vertex.x(), vertex.y()) for vertex in geometry.vertices()]
        for (x0, y0), (x1, y1) in zip(vertices, vertices[1:]):
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            xs += [x0, (x0 + x1) / 2]
            ys += [y0, (y0 + y1) / 2]
            for off in (1e-7, -1e-7, 1e-3, -1e-3):  # across the edge
                xs.append((x0 + x1) / 2 - off * (y1 - y0) / length)
                ys.append((y0 + y1) / 2 + off * (x1 - x0) / length)
    xs = [x + shift[0] for x in xs] + [700.0, 800.0, 900.0, 900.0, 1e9, math.nan, 5.0, math.inf]
    ys = [y + shift[1] for y in ys] + [600.0, 500.0, 550.0, 600.0, 0.0, 5.0, math.nan, 5.0]
    for index in range(-8, -4):
        xs[index] += shift[0]
        ys[index] += shift[1]
    return np.array(xs), np.array(ys)


def _first_intersecting(communities, x, y):
    """The rule read one point at a time, as the readers did it: the first community whose geometry intersects."""
    if not (math.isfinite(x) and math.isfinite(y)):
        return -1
    probe = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    for position, (_fid, geometry, _record) in enumerate(communities):
        if geometry is not None and geometry.intersects(probe):
            return position
    return -1


@pytest.mark.parametrize("shift", [(0.0, 0.0), (4.1e5, 2.5e6)], ids=["near the origin", "Gauss-Krüger coordinates"])
@pytest.mark.parametrize("one_by_one", [False, True], ids=["all pairs at once", "area by area"])
def test_every_point_lies_in_the_first_community_that_holds_it(qgis_app, monkeypatch, shift, one_by_one):
    """numpy's even-odd rule for the points clearly off a boundary, GEOS (QgsGeometry for curves and collections)
    for the rest: the same answer as QgsGeometry.intersects point by point; also when the areas are taken one by
    one (boxes over boxes everywhere)."""
    from complete_community.core import points
    from complete_community.processing.inputs.points import CommunityLocator

    if one_by_one:
        monkeypatch.setattr(points, "_PAIR_LIMIT", 0)
    communities = _communities(shift)
    xs, ys = _probe_points(shift)
    found = CommunityLocator(communities).locate(xs, ys)
    expected = [_first_intersecting(communities, x, y) for x, y in zip(xs.tolist(), ys.tolist())]
    assert found.tolist() == expected
    # The cases the rule is about are all there.
    assert expected.count(-1) > 100  # outside every community, in the hole, not finite
    assert 9 in expected and 10 in expected and 11 in expected  # the overlap's own part, the ring, the hole's
    assert {12, 13, 14, 15, 16} <= set(expected)  # multi-polygon, L, Z, curve, collection
    on_shared_edge = [index for index, (x, y) in enumerate(zip(xs, ys)) if x == 100.0 + shift[0] and
                      shift[1] < y < 100 + shift[1]]
    assert on_shared_edge and all(expected[index] == 0 for index in on_shared_edge)  # the first of the two
    assert expected[len(xs) - 5] == 16 and expected[len(xs) - 4] == -1  # the collection's line; far away


def test_no_community_holds_any_point(qgis_app):
    from complete_community.processing.inputs.points import CommunityLocator

    assert CommunityLocator([(1, None, None)]).locate(np.array([1.0]), np.array([1.0])).tolist() == [-1]
    assert CommunityLocator(_communities()).locate(np.array([]), np.array([])).tolist() == []


def test_points_are_read_from_wkb_as_qgis_wrote_them(qgis_app):
    from complete_community.core.points import parse_points_wkb

    geometries = ["POINT(1.5 -2.25)", "POINT Z(3 4 5)", "MULTIPOINT((1 2))", _square(0, 0), "POINT(7e5 3.1e6)"]
    blobs = [QgsGeometry.fromWkt(wkt).asWkb().data() for wkt in geometries]
    blobs += [b"", QgsGeometry.fromWkt("POINT EMPTY").asWkb().data(),
              struct.pack(">BIdd", 0, 1, 8.0, 9.0)]  # no geometry, an empty point, a big-endian point
    x, y, is_point = parse_points_wkb(b"".join(blobs), [len(blob) for blob in blobs])
    assert is_point.tolist() == [True, False, False, False, True, False, True, False]
    assert x[[0, 4]].tolist() == [1.5, 7e5] and y[[0, 4]].tolist() == [-2.25, 3.1e6]
    assert math.isnan(x[6]) and math.isnan(y[6])  # QGIS writes an empty point as NaN, NaN
    assert np.isnan(x[~is_point]).all()


@pytest.mark.parametrize("source", ["EPSG:4326", "EPSG:3857", CRS])
def test_points_projected_in_bulk_as_one_by_one(qgis_app, source):
    """Swapped latitude and longitude, a latitude beyond the pole, NaN and infinite coordinates among good points:
    each point gets exactly what projecting it alone gives (NaN where that gives None)."""
    from complete_community.processing.inputs.crs import projected, projected_points

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(source), QgsCoordinateReferenceSystem(CRS),
                                       QgsProject.instance())
    rng = np.random.default_rng(4)
    if source == "EPSG:4326":
        xs, ys = rng.uniform(113, 115, 500), rng.uniform(22, 24, 500)
        xs[[3, 7]], ys[[3, 7]] = ys[[3, 7]], xs[[3, 7]]
        ys[11] = 95.0
    elif source == "EPSG:3857":
        xs, ys = rng.uniform(1.26e7, 1.28e7, 500), rng.uniform(2.5e6, 2.7e6, 500)
    else:
        xs, ys = rng.uniform(3.8e5, 4.2e5, 500), rng.uniform(2.5e6, 2.6e6, 500)
    xs[20], ys[21], xs[22] = math.nan, math.inf, -math.inf
    expected_x, expected_y = [], []
    for x, y in zip(xs.tolist(), ys.tolist()):
        point = projected(QgsGeometry.fromPointXY(QgsPointXY(x, y)), transform)
        expected_x.append(point.asPoint().x() if point else math.nan)
        expected_y.append(point.asPoint().y() if point else math.nan)
    for count in (len(xs), 1, 0):  # a batch, a single point, none
        got_x, got_y = projected_points(xs[:count], ys[:count], transform)
        np.testing.assert_array_equal(got_x, expected_x[:count])
        np.testing.assert_array_equal(got_y, expected_y[:count])
    if source == "EPSG:4326":
        assert np.isnan(expected_x[3]) and np.isnan(expected_x[11]) and np.isfinite(expected_x[4])


def _geopackage_layer(path, name, epsg, rows, numbers=False):
    """A GeoPackage layer of any geometry type (as real data mixes them) with fields kind (text) and area (text, or
    a real number with `numbers`); `rows`: (kind, WKT, a point's (x, y) or None, area). Feature ids 1, 2, …"""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    table = dataset.CreateLayer(name, srs, ogr.wkbUnknown)
    table.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
    table.CreateField(ogr.FieldDefn("area", ogr.OFTReal if numbers else ogr.OFTString))
    for kind, shape, area in rows:
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("kind", kind)
        if area is not None:
            feature.SetField("area", area if numbers else str(area))
        if isinstance(shape, tuple):  # coordinates WKT cannot carry (NaN, infinity)
            geometry = ogr.Geometry(ogr.wkbPoint)
            geometry.AddPoint_2D(*shape)
            feature.SetGeometry(geometry)
        elif shape:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(shape))
        table.CreateFeature(feature)
    dataset = None
    layer = QgsVectorLayer("{}|layername={}".format(path, name), name, "ogr")
    assert layer.isValid()
    return layer


def _reader(communities, tolerance=0.0):
    from complete_community.processing.inputs.facilities import FacilityReader
    from complete_community.processing.inputs.problems import InputProblems
    from complete_community.standards import load_standard
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = RecordingFeedback()
    return FacilityReader(load_standard(), communities, QgsCoordinateReferenceSystem(CRS), tolerance, context,
                          feedback, InputProblems()), feedback


def _read_with(reader, layer, name, attribute_fields, bulk, monkeypatch):
    """reader.read of a GeoPackage layer through QGIS's features, or (`bulk`) through OGR's arrays, checking that
    the bulk reading was indeed taken."""
    from complete_community.processing.inputs import points

    taken = []
    read_in_bulk = points.PointFeatures._read_in_bulk

    def recorded(*arguments):
        taken.append(read_in_bulk(*arguments))
        return taken[-1]

    monkeypatch.setattr(points.PointFeatures, "_read_in_bulk", staticmethod(recorded))
    reader.read(layer, name, "kind", attribute_fields, layer if bulk else None)
    assert (len(taken) == 1 and taken[0] is not None) if bulk else not taken


def _walk_from(origins, communities, origins_output, context, feedback):
    """evaluate_walking_access from `origins` (residents in field 'area') of `communities` (id 'name', population
    'pop') to one kindergarten at (120, 80), the origins written to `origins_output`."""
    import processing
    from memory_layers import memory_layer

    facilities = memory_layer("Point?crs={}&field=kind:string".format(CRS), "设施", [(("幼儿园",), "POINT(120 80)")])
    return processing.run("complete_community:evaluate_walking_access", {
        "COMMUNITIES": communities, "COMMUNITY_ID_FIELD": "name", "POPULATION_FIELD": "pop", "DEFAULT_TYPE": 0,
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "ORIGINS": origins, "ORIGIN_POPULATION_FIELD": "area",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT", "OUTPUT_ORIGINS": origins_output},
        context=context, feedback=feedback)


@pytest.mark.parametrize("bulk", [False, True], ids=["features", "OGR arrays"])
def test_facilities_in_their_communities_with_every_problem_named(qgis_app, tmp_path, monkeypatch, bulk):
    """One facility per case, in one layer: where it counts, and the problem reported with its feature id; the same
    read through QGIS's features or OGR's arrays."""
    communities = _communities()
    rows = [
        ("幼儿园", "POINT(50 20)", 5),              # 1: inside the first square
        ("幼儿园", "POINT(100 50)", 6),             # 2: on the edge of squares 0 and 1: the first
        ("公交站", "POINT(275 275)", 7),            # 3: inside square 8 and the overlapping square: square 8
        ("公交站", "POINT(2000 2000)", 8),          # 4: in no community
        ("幼儿园", "POINT(500 100)", 9),            # 5: in the ring's hole, inside the small square there
        ("幼儿园", None, 10),                       # 6: no geometry
        ("宠物医院", "POINT(20 20)", 11),           # 7: a category the standard does not know
        ("幼儿园", "POINT(700 500)", "many"),       # 8: on the circle; not a number in 'area'
        ("菜市场", _square(210, 10, 20), -4),       # 9: a market area: its land measured; a negative value
        ("公交站", "MULTIPOINT((720 20), (10 10))", None),  # 10: its first point, in the multi-polygon
        ("公交站", "POINT Z(830 30 12)", None),     # 11: in the multi-polygon's second part
        ("幼儿园;老年服务站", "POINT(450 420)", None),  # 12: one building, two categories, in the Z square
    ]
    layer = _geopackage_layer(tmp_path / "facilities.gpkg", "设施", 4547, rows)
    reader, feedback = _reader(communities)
    _read_with(reader, layer, "设施", {"building_area": "area"}, bulk, monkeypatch)
    where = {}
    for position, records in reader.assigned.items():
        for record in records:
            where.setdefault(record.fid, []).append((position, record.category))
    assert where == {"设施:1": [(0, "kindergarten")], "设施:2": [(0, "kindergarten")], "设施:3": [(8, "bus_stop")],
                     "设施:5": [(11, "kindergarten")], "设施:8": [(15, "kindergarten")],
                     "设施:9": [(2, "market")], "设施:10": [(0, "bus_stop")], "设施:11": [(12, "bus_stop")],
                     "设施:12": [(14, "kindergarten"), (14, "elderly_station")]}
    unassigned = {(facility.fid, facility.reason): facility.point for facility in reader.unassigned}
    assert set(unassigned) == {(4, "outside"), (6, "no_geometry"), (7, "unknown_category")}
    assert unassigned[(4, "outside")].asWkt() == "Point (2000 2000)"
    assert unassigned[(7, "unknown_category")].asWkt() == "Point (20 20)"
    located = {(facility.fid, facility.category): (facility.x, facility.y) for facility in reader.located}
    assert located[(10, "bus_stop")] == (720.0, 20.0) and located[(11, "bus_stop")] == (830.0, 30.0)
    market = reader.assigned[2][0]
    assert market.attributes["land_area"] == pytest.approx(400.0)
    square = QgsGeometry.fromWkt(_square(210, 10, 20))
    assert located[(9, "market")] == (square.pointOnSurface().asPoint().x(),
                                           square.pointOnSurface().asPoint().y())
    assert reader.assigned[15][0].attributes["building_area"] is None
    assert dict((message, ids) for message, ids in reader.problems._groups.items()) == {
        "layer 设施: no geometry; not counted": [6],
        "layer 设施, field 'area': values that are not numbers are treated as missing": [8],
        "layer 设施, field 'area': negative values are treated as missing": [9]}
    assert feedback.warnings == ["layer 设施, field 'kind': categories the standard does not know (not counted): "
                                 "宠物医院 (1)"]


@pytest.mark.parametrize("bulk", [False, True], ids=["features", "OGR arrays"])
def test_facilities_with_unusable_coordinates_are_named(qgis_app, tmp_path, monkeypatch, bulk):
    """In WGS84: swapped latitude and longitude cannot be projected; NaN reads as no geometry, infinity as not
    finite; the good ones around them count where they lie; near a community within the tolerance counts for it.
    The same read through QGIS's features or OGR's arrays."""
    from complete_community.processing.inputs.crs import projected

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    back = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), wgs84, QgsProject.instance())
    inside = projected(QgsGeometry.fromWkt("POINT(50 50)"), back).asPoint()
    near = projected(QgsGeometry.fromWkt("POINT(50 -0.5)"), back).asPoint()
    shapes = [(inside.x(), inside.y()), (inside.y(), inside.x()), (math.nan, 3.0), (math.inf, 3.0),
              (near.x(), near.y())]
    layer = _geopackage_layer(tmp_path / "pois.gpkg", "pois", 4326, [("幼儿园", shape, None) for shape in shapes])
    assert layer.getFeature(3).geometry().isEmpty()  # how QGIS reads a point of NaN
    for tolerance, expected in ((0.0, {1: [0]}), (1.0, {1: [0], 5: [0]})):
        reader, _feedback = _reader(_communities(), tolerance)
        _read_with(reader, layer, "pois", {}, bulk, monkeypatch)
        assert {int(record.fid.split(":")[1]): [position] for position, records in reader.assigned.items()
                for record in records} == {fid: positions for fid, positions in expected.items()}
        assert dict(reader.problems._groups) == {
            "layer pois: coordinates cannot be projected to {} (outside the CRS's area, or latitude and longitude "
            "swapped?); not counted".format(CRS): [2],
            "layer pois: no geometry; not counted": [3],
            "layer pois: coordinates that are not finite numbers; not counted": [4]}
        assert {facility.fid: facility.reason for facility in reader.unassigned} == (
            {2: "no_geometry", 3: "no_geometry", 4: "no_geometry", 5: "outside"} if tolerance == 0 else
            {2: "no_geometry", 3: "no_geometry", 4: "no_geometry"})


def test_ogr_arrays_only_where_qgis_checks_no_geometry_it_would_judge(qgis_app, tmp_path):
    """Where Processing checks each geometry's validity, a layer is read in bulk only when it holds plain finite
    points (QGIS would skip or stop at anything else)."""
    from complete_community.processing.inputs.points import PointFeatures
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource

    points = _geopackage_layer(tmp_path / "points.gpkg", "points", 4547, [("a", "POINT(1 2)", None)] * 3)
    mixed = _geopackage_layer(tmp_path / "mixed.gpkg", "mixed", 4547, [("a", "POINT(1 2)", None),
                                                                       ("b", _square(0, 0), None)])
    for check, layer, bulk in ((QgsFeatureRequest.GeometryNoCheck, mixed, True),
                               (QgsFeatureRequest.GeometrySkipInvalid, mixed, False),
                               (QgsFeatureRequest.GeometryAbortOnInvalid, points, True)):
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(check)
        source = QgsProcessingFeatureSource(layer, context)
        read = PointFeatures._read_in_bulk(source, [1], QgsProcessingFeedback(), context, layer)
        assert (read is not None) == bulk
        if bulk:
            assert read[:2] == ([feature.id() for feature in layer.getFeatures()],
                                [[feature["kind"] for feature in layer.getFeatures()]])


@pytest.mark.parametrize("bulk", [False, True], ids=["features", "OGR arrays"])
def test_residents_count_for_the_community_they_live_in(cc_provider, tmp_path, monkeypatch, bulk):
    """Origins through evaluate_walking_access: on a shared edge the first community, in an overlap the first, a
    building by its point inside; outside all, without a usable geometry or a population, said so by feature id.
    The same read through QGIS's features or OGR's arrays."""
    from complete_community.processing.inputs import points
    from memory_layers import memory_layer
    from qgis.core import NULL, QgsProcessingContext

    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(CRS), "社区", [
        (("A", 3000), _square(0, 0)), (("B", 3000), _square(100, 0)), (("C", 3000), _square(150, 0))])
    origins = _geopackage_layer(tmp_path / "origins.gpkg", "居民", 4547, [
        ("", "POINT(100 50)", 10), ("", "POINT(175 50)", 20), ("", "POINT(225 50)", 30), ("", "POINT(900 900)", 40),
        ("", (math.nan, math.nan), 50), ("", _square(10, 10, 20), 60), ("", "POINT(50 50)", -5), ("", None, 1)],
        numbers=True)
    taken = []
    read_in_bulk = points.PointFeatures._read_in_bulk

    def recorded(*arguments):
        taken.append(read_in_bulk(*arguments) if bulk else None)
        return taken[-1]

    monkeypatch.setattr(points.PointFeatures, "_read_in_bulk", staticmethod(recorded))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = RecordingFeedback()
    destination = "ogr:dbname='{}' table=\"origins\" (geom)".format(tmp_path / "out.gpkg")
    result = _walk_from(origins, communities, destination, context, feedback)
    written = QgsVectorLayer(result["OUTPUT_ORIGINS"], "origins", "ogr")
    lives_in = {feature["fid"]: feature["community_id"] for feature in written.getFeatures()}
    assert lives_in == {1: "A", 2: "B", 3: "C", 4: NULL, 5: NULL, 6: "A", 7: "A", 8: NULL}
    assert "layer 居民, field 'area': populations that are not numbers ≥ 0 count as 0 — 1 feature(s): 7" in (
        feedback.warnings)
    assert "layer 居民: origin without usable geometry, not counted — 2 feature(s): 5, 8" in feedback.warnings
    assert "3 origin(s) of 居民 lie in no community; their distances are written but count for none." in (
        feedback.infos)
    assert "Origins: 8 from 居民 (211 residents)." in feedback.infos
    assert len(taken) == 2 and taken[0] is None and (taken[1] is not None) == bulk  # facilities in memory: never


def test_community_radius_is_the_distance_to_the_farthest_vertex(qgis_app):
    """community_radius (GEOS's discrete Hausdorff distance for polygons) gives exactly the farthest vertex's
    distance from the community's point, holes and every part included."""
    from complete_community.processing.inputs.communities import community_radius, representative_point

    rng = np.random.default_rng(7)
    shapes = [wkt for wkt in AREAS if wkt] + ["POLYGON(({}))".format(", ".join(
        "{} {}".format(*vertex) for vertex in vertices + vertices[:1])) for vertices in (
        [(float(x), float(y)) for x, y in zip(4e5 + rng.uniform(0, 300, 7), 2.5e6 + rng.uniform(0, 300, 7))]
        for _ in range(200))]
    for wkt in shapes:
        geometry = QgsGeometry.fromWkt(wkt)
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        centre = representative_point(geometry)
        farthest = max(centre.distance(QgsPointXY(vertex.x(), vertex.y())) for vertex in geometry.vertices())
        assert community_radius(geometry) == farthest, wkt


@pytest.mark.parametrize("output", ["memory", "geopackage"])
def test_origins_output_keeps_the_buildings_of_a_layer_that_mixes_them_with_points(cc_provider, tmp_path, output):
    """A GeoPackage layer of type GEOMETRY shows in QGIS as the type of its first feature (here Point): a
    point-typed output refuses the buildings, which must then be written as the point inside each, and said."""
    from memory_layers import memory_layer
    from qgis.core import QgsProcessingContext, QgsProject, QgsWkbTypes

    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(CRS), "社区", [
        (("A", 3000), _square(0, 0, 200))])
    origins = _geopackage_layer(tmp_path / "origins.gpkg", "居民", 4547, [
        ("", "POINT(100 50)", 10), ("", _square(10, 10, 20), 60), ("", "POINT(150 150)", 5)], numbers=True)
    destination = ("TEMPORARY_OUTPUT" if output == "memory"
                   else "ogr:dbname='{}' table=\"origins\" (geom)".format(tmp_path / "out.gpkg"))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = RecordingFeedback()
    result = _walk_from(origins, communities, destination, context, feedback)
    written = result["OUTPUT_ORIGINS"]
    if isinstance(written, str):
        written = QgsVectorLayer(written, "origins", "ogr") if output == "geopackage" else context.getMapLayer(written)
    rows = {feature["area"]: feature for feature in written.getFeatures()}
    assert sorted(rows) == [5, 10, 60] and {row["community_id"] for row in rows.values()} == {"A"}
    building = rows[60].geometry()
    assert QgsGeometry.fromWkt(_square(10, 10, 20)).contains(building.pointOnSurface())
    if building.type() == QgsWkbTypes.PointGeometry:  # refused as a building: written as its point, and said
        assert ("layer 居民: origins that are not points written to the origins output as the point inside each"
                " — 1 feature(s): 2") in feedback.warnings
