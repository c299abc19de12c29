"""evaluate_walking_access: the sample district's walking stories, hand-computed distances on small
networks (snapping onto an edge's middle, a disconnected piece, far points, geographic CRS), the
straight-line fallback, residents as origins, routes, and qgis_process."""

import math
import os

import pytest
from memory_layers import memory_layer
from qgis.core import NULL, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer, QgsWkbTypes

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
WALKING_PREFIXES = ("walking_system.bus_stop",)


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _run(processing_context, parameters):
    import processing

    defaults = {"OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    return processing.run("complete_community:evaluate_walking_access", dict(defaults, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


SAMPLE_PARAMETERS = {
    "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
    "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category", "AREA_CATEGORY_FIELD": "category",
    "WALKABLE_FIELD": "walkable",
}


def _sample_run(processing_context, **extra):
    return _run(processing_context, dict(
        SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        FACILITY_AREAS=_sample("facility_areas"), NETWORK=_sample("roads"), **extra))


def _expected_walking():
    rows = {}
    for feature in _sample("expected_outcomes").getFeatures():
        rule_id = feature["rule_id"]
        if rule_id.endswith(".walking_distance") or rule_id == "walking_system.bus_stop":
            rows[(feature["community_id"], rule_id)] = feature["expected_status"]
    return rows


@pytest.mark.parametrize("with_origins", [False, True], ids=["from centroids", "from residential buildings"])
def test_sample_district_walking_stories(cc_provider, processing_context, with_origins):
    extra = {"OUTPUT_ROUTES": "TEMPORARY_OUTPUT"}
    if with_origins:
        extra.update(ORIGINS=_sample("population_points"), ORIGIN_POPULATION_FIELD="population",
                     OUTPUT_ORIGINS="TEMPORARY_OUTPUT")
    result = _sample_run(processing_context, **extra)
    rules = {(f["community_id"], f["rule_id"]): f for f in result["OUTPUT_RULES"].getFeatures()}
    expected = _expected_walking()
    assert len(expected) >= 8
    for key, status in expected.items():
        assert rules[key]["status"] == status, (key, rules[key]["reason"])
    output = {f["community_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert len(output) == 14
    # Every walking rule not meant to fail passes with the sample's margin (≤ 470 m).
    failing = {key for key, status in expected.items() if status == "fail"}
    for (community, rule_id), row in rules.items():
        if row["level"] == "required" and (community, rule_id) not in failing and community != "C13":
            assert row["status"] == "pass", (community, rule_id, row["reason"])
    # 2.2 "以居民步行 5—10 分钟到达…为原则": beyond 500 m is advice (amber), not a failure ...
    assert output["C09"]["health_station_access_status"] == "advisory"
    assert output["C09"]["walk_items_failed"] == 0 and output["C09"]["walk_advice"]
    # ... but "社区居民步行 10 分钟可以到达公交站点" (2.3 表 第11项) is required: C13 fails on it.
    assert output["C13"]["walk_items_failed"] == 1 and output["C13"]["walk_missing"]
    assert output["C13"]["bus_stop_dist_m"] > 900
    assert output["C13"]["walk_status"] == "fail" and output["C01"]["walk_status"] == "pass"
    assert output["C01"]["walk_method"] == "network"
    assert output["C01"]["kindergarten_walk_min"] == pytest.approx(output["C01"]["kindergarten_dist_m"] / 50)
    if with_origins:
        assert output["C01"]["walk_origin"] == "population_points"
        # C13's three island homes reach only the island kindergarten: a share, not all, are covered.
        assert 0 < output["C13"]["kindergarten_covered_pct"] < 100
        assert output["C01"]["kindergarten_covered_pct"] == 100
        origins = list(result["OUTPUT_ORIGINS"].getFeatures())
        assert len(origins) == _sample("population_points").featureCount()
        island = [f for f in origins if f["community_id"] == "C13" and f["bus_stop_dist_m"] == NULL]
        assert len(island) == 3  # walled in: no bus stop on their piece of network
    else:
        assert output["C01"]["walk_origin"] == "centroid"
    routes = list(result["OUTPUT_ROUTES"].getFeatures())
    assert routes
    for route in routes:  # a route is as long as the distance it explains
        assert route.geometry().length() == pytest.approx(route["dist_m"], abs=0.01)


def _square(x, y, size=200.0):
    return "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x, y, x + size, y + size)


def test_hand_computed_distances_on_a_small_network(cc_provider, processing_context):
    """A street along y=0 from x=0 to 1000 and a separate piece from (3000,0) to (3400,0).

    Community A (centroid 100,100) snaps onto the MIDDLE of the long street at (100,0): 100 m offset.
    The kindergarten at (700,20) snaps at (700,0): 20 m offset. Walk = 100 + 600 + 20 = 720 m (fail > 500).
    The bus stop at (250,-30): 100 + 150 + 30 = 280 m. Community B (centroid 3200,100) is on the separate
    piece: no kindergarten there (no_data, with the reason). Community C lies 400 m from any street
    (beyond MAX_SNAP_DISTANCE 200): no_data.
    """
    crs = "EPSG:4547"
    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(crs), "社区", [
        (("A", 8000), _square(0, 0)), (("B", 8000), _square(3100, 0)), (("C", 8000), _square(500, 300))])
    facilities = memory_layer("Point?crs={}&field=kind:string".format(crs), "设施", [
        (("幼儿园",), "POINT(700 20)"), (("公交站",), "POINT(250 -30)"), (("公交站",), "POINT(3300 10)")])
    roads = memory_layer("LineString?crs={}&field=walkable:integer".format(crs), "道路", [
        ((1,), "LINESTRING(0 0, 1000 0)"), ((1,), "LINESTRING(3000 0, 3400 0)"),
        ((0,), "LINESTRING(0 510, 1000 510)")])  # a motorway next to C: not walkable
    result = _run(processing_context, {
        "COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name", "DEFAULT_TYPE": 0,
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "WALKABLE_FIELD": "walkable",
        "MAX_SNAP_DISTANCE": 200})
    output = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert output["A"]["kindergarten_dist_m"] == pytest.approx(720.0)
    assert output["A"]["kindergarten_access_status"] == "advisory"  # recommended in the national guide
    assert output["A"]["bus_stop_dist_m"] == pytest.approx(280.0)
    assert output["A"]["bus_stop_walk_min"] == pytest.approx(5.6)
    assert output["B"]["kindergarten_dist_m"] == NULL and output["B"]["kindergarten_access_status"] == "no_data"
    assert output["B"]["bus_stop_dist_m"] == pytest.approx(100 + 100 + 10)
    assert output["C"]["kindergarten_access_status"] == "no_data" and output["C"]["bus_stop_dist_m"] == NULL
    reasons = {(f["community_name"], f["rule_id"]): f["reason"] for f in result["OUTPUT_RULES"].getFeatures()}
    assert "piece of road network" in reasons[("B", "kindergarten.walking_distance")]
    assert "200 m from the road network" in reasons[("C", "kindergarten.walking_distance")]
    statuses = {(f["community_name"], f["rule_id"]): f["status"] for f in result["OUTPUT_RULES"].getFeatures()}
    assert statuses[("A", "walking_system.bus_stop")] == "pass"
    assert statuses[("A", "kindergarten.walking_distance")] == "advisory"
    assert statuses[("B", "kindergarten.walking_distance")] == "no_data"
    assert output["A"]["walk_status"] == "pass" and "kindergarten" not in output["A"]["walk_missing"]

    # The shipped overlay standards/walking_required.yaml makes the same walk a failure.
    binding = _run(processing_context, {
        "COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name", "DEFAULT_TYPE": 0,
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "WALKABLE_FIELD": "walkable",
        "MAX_SNAP_DISTANCE": 200, "STANDARD": "walking_required"})
    output = {f["name"]: f for f in binding["OUTPUT"].getFeatures()}
    assert output["A"]["kindergarten_access_status"] == "fail" and output["A"]["walk_status"] == "fail"
    assert output["A"]["cc_standard"] == "walking_required"
    statuses = {(f["community_name"], f["rule_id"]): f["status"] for f in binding["OUTPUT_RULES"].getFeatures()}
    assert statuses[("A", "kindergarten.walking_distance")] == "fail"


def test_straight_line_fallback_says_so(cc_provider, processing_context):
    communities = memory_layer("Polygon?crs=EPSG:4547&field=pop:integer", "c", [((8000,), _square(0, 0))])
    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [(("幼儿园",), "POINT(400 100)")])
    result = _run(processing_context, {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "FACILITIES": facilities,
                                       "CATEGORY_FIELD": "kind", "DETOUR_FACTOR": 1.5,
                                       "OUTPUT_ROUTES": "TEMPORARY_OUTPUT"})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["walk_method"] == "straight_line_x1.5"
    assert feature["kindergarten_dist_m"] == pytest.approx(300 * 1.5)
    assert feature["kindergarten_access_status"] == "pass"
    # The route drawn is the straight line itself, from the community's point to the kindergarten.
    (route,) = [f for f in result["OUTPUT_ROUTES"].getFeatures() if f["category"] == "kindergarten"]
    assert route.geometry().asWkt(0) == "LineString (100 100, 400 100)"
    assert route["dist_m"] == pytest.approx(450) and route["method"] == "straight_line_x1.5"


def test_geographic_network_is_measured_in_metres(cc_provider, processing_context):
    # Near Wuhan (30.6°N): 0.001° of longitude ≈ 95.8 m, of latitude ≈ 110.9 m.
    communities = memory_layer("Polygon?crs=EPSG:4490&field=pop:integer", "c", [
        ((8000,), "POLYGON((114.300 30.600, 114.302 30.600, 114.302 30.602, 114.300 30.602, 114.300 30.600))")])
    facilities = memory_layer("Point?crs=EPSG:4326&field=kind:string", "f", [(("公交站",), "POINT(114.305 30.601)")])
    roads = memory_layer("LineString?crs=EPSG:4326", "r", [((), "LINESTRING(114.299 30.601, 114.306 30.601)")])
    result = _run(processing_context, {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "FACILITIES": facilities,
                                       "CATEGORY_FIELD": "kind", "NETWORK": roads})
    feature = next(result["OUTPUT"].getFeatures())
    # The centroid lies on the road; the stop 0.004° east of it: ≈ 383 m.
    assert 370 < feature["bus_stop_dist_m"] < 395
    assert feature["cc_working_crs"] == "EPSG:4547"


def test_through_qgis_process_with_styled_outputs(run_qgis_process, tmp_path):
    output = tmp_path / "walking.gpkg"
    run_qgis_process([
        "run", "complete_community:evaluate_walking_access", "--",
        "COMMUNITIES={}|layername=communities".format(SAMPLE), "POPULATION_FIELD=population",
        "COMMUNITY_ID_FIELD=community_id", "COMMUNITY_NAME_FIELD=name", "TYPE_FIELD=community_type",
        "FACILITIES={}|layername=facilities".format(SAMPLE), "CATEGORY_FIELD=category",
        "FACILITY_AREAS={}|layername=facility_areas".format(SAMPLE), "AREA_CATEGORY_FIELD=category",
        "NETWORK={}|layername=roads".format(SAMPLE), "WALKABLE_FIELD=walkable",
        "OUTPUT=ogr:dbname='{}' table=\"communities\" (geom)".format(output),
        "OUTPUT_RULES=ogr:dbname='{}' table=\"rules\"".format(output),
        "OUTPUT_ROUTES=ogr:dbname='{}' table=\"routes\" (geom)".format(output)])
    layer = QgsVectorLayer("{}|layername=communities".format(output), "c", "ogr")
    assert layer.renderer().classAttribute() == "walk_status"
    assert {f["walk_status"] for f in layer.getFeatures()} >= {"pass", "fail"}
    routes = QgsVectorLayer("{}|layername=routes".format(output), "r", "ogr")
    assert routes.renderer().type() == "categorizedSymbol" and routes.featureCount() > 100
    assert all(math.isfinite(f["dist_m"]) for f in routes.getFeatures())


@pytest.mark.parametrize("shape", [0, 1])
def test_service_areas_stop_at_the_walking_limit(cc_provider, processing_context, shape):
    """A kindergarten 20 m north of a crossing of two long streets: its 500 m walk leaves 480 m along each
    arm. A point of the street just before 480 m is served, one just beyond is not — in both shapes (streets
    drawn as lines are checked by their distance to the point). A second kindergarten 300 m east on the
    street shares the eastern arm: in the streets shape each piece is drawn once, cut where both are equally
    near; the pet hospital has no limit and a nursery is left out by CATEGORIES."""
    import processing

    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [
        (("幼儿园",), "POINT(0 20)"), (("幼儿园",), "POINT(300 0)"), (("宠物医院",), "POINT(10 10)"),
        (("托儿所",), "POINT(0 -5)")])
    roads = memory_layer("LineString?crs=EPSG:4547", "r", [
        ((), "LINESTRING(-2000 0, 0 0, 2000 0)"), ((), "LINESTRING(0 -2000, 0 0, 0 2000)")])
    result = processing.run("complete_community:service_areas", {
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "BUFFER_DISTANCE": 20,
        "SHAPE": shape, "CATEGORIES": "kindergarten", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=processing_context, feedback=processing_context.feedback())
    areas = sorted(result["OUTPUT"].getFeatures(), key=lambda f: int(f["source_fid"]))
    assert [f["cc_category"] for f in areas] == ["kindergarten", "kindergarten"]
    north, east = (area.geometry() for area in areas)

    def served(geometry, x, y):
        point = QgsGeometry.fromWkt("POINT({!r} {!r})".format(x, y))
        return geometry.contains(point) if shape == 0 else geometry.distance(point) < 1e-9

    for x, y in ((-480 + 0.01, 0), (0, -480 + 0.01), (0, 520 - 0.01)):
        assert served(north, x, y), (x, y)
    for x, y in ((-480 - 0.01, 0), (0, -480 - 0.01), (0, 520 + 0.01)):
        assert not served(north, x, y), (x, y)
    assert not served(north, -300, 300)  # between the streets: not a circle
    if shape == 0:  # overlapping areas: the north one reaches x = 480 on the eastern arm
        assert served(north, 479.99, 0) and not served(north, 480.01, 0)
        assert areas[0]["street_m"] == pytest.approx(520 + 3 * 480)
    else:  # the eastern arm is split where both are equally near: 20 + x = 300 − x → x = 140
        assert served(north, 139.99, 0) and not served(north, 140.01, 0)
        assert served(east, 140.01, 0) and served(east, 799.99, 0) and not served(east, 800.01, 0)
        assert areas[0]["street_m"] + areas[1]["street_m"] == pytest.approx(1280 + 1000)
        assert result["OUTPUT"].geometryType() == QgsWkbTypes.LineGeometry
        # Stored as lines through the crossing, not as pieces: the northern street with the kindergarten on it
        # is one straight line (0,0)–(0,520), and the four arms meeting at (0,0) pair into two lines.
        lines = north.asMultiPolyline()
        assert len(lines) == 2 and sum(len(line) for line in lines) == 6
        assert sum(QgsGeometry.fromPolylineXY(line).length() for line in lines) == pytest.approx(
            areas[0]["street_m"])


def test_service_areas_only_around_the_communities_that_do_not_meet_the_limit(cc_provider, processing_context):
    """The crossing of test_service_areas_stop_at_the_walking_limit, with assessed communities on the western,
    eastern and northern arms: the western one does not meet the kindergarten walking limit (advisory), the
    northern one reaches a kindergarten but fails the kindergarten item (its floor area, say), the eastern one
    meets both. Only the streets around the western and northern ones are drawn, exactly where they were (±1 cm
    at the limit); the street length served stays the whole; the eastern kindergarten, serving only the
    community that meets it, is listed with a note and no line."""
    import processing

    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [
        (("幼儿园",), "POINT(0 20)"), (("幼儿园",), "POINT(300 0)")])
    roads = memory_layer("LineString?crs=EPSG:4547", "r", [
        ((), "LINESTRING(-2000 0, 0 0, 2000 0)"), ((), "LINESTRING(0 -2000, 0 0, 0 2000)")])
    communities = memory_layer(
        "Polygon?crs=EPSG:4547&field=kindergarten_access_status:string&field=kindergarten_status:string", "c", [
            (("advisory", "pass"), "POLYGON((-700 -50, -100 -50, -100 50, -700 50, -700 -50))"),
            (("pass", "pass"), "POLYGON((100 -50, 900 -50, 900 50, 100 50, 100 -50))"),
            (("pass", "fail"), "POLYGON((-50 200, 50 200, 50 400, -50 400, -50 200))")])
    parameters = {"FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "SHAPE": 1,
                  "CATEGORIES": "kindergarten", "OUTPUT": "TEMPORARY_OUTPUT"}
    everywhere = processing.run("complete_community:service_areas", parameters, context=processing_context,
                                feedback=processing_context.feedback())["OUTPUT"]
    around = processing.run("complete_community:service_areas", dict(parameters, AROUND_NOT_MET=communities),
                            context=processing_context, feedback=processing_context.feedback())["OUTPUT"]
    whole, drawn = (sorted(layer.getFeatures(), key=lambda f: int(f["source_fid"])) for layer in (everywhere, around))
    assert [f["street_m"] for f in drawn] == pytest.approx([f["street_m"] for f in whole])
    north, east = drawn

    def served(geometry, x, y):
        return geometry.distance(QgsGeometry.fromWkt("POINT({!r} {!r})".format(x, y))) < 1e-9

    assert served(north.geometry(), -300, 0) and served(north.geometry(), -480 + 0.01, 0)
    assert not served(north.geometry(), -480 - 0.01, 0)
    # A piece is kept whole (its bounds meet the northern community): up to the limit, not beyond.
    assert served(north.geometry(), 0, 300) and served(north.geometry(), 0, 520 - 0.01)
    assert not served(north.geometry(), 0, 520 + 0.01)
    for x, y in ((0, -300), (60, 0)):  # streets away from those communities: not drawn
        assert served(whole[0].geometry(), x, y) and not served(north.geometry(), x, y), (x, y)
    assert north.geometry().length() < whole[0].geometry().length()
    assert east.geometry().isEmpty() and "lack nothing" in east["note"]
    assert whole[1].geometry().length() > 0 and not whole[1]["note"]


def test_service_areas_refuse_an_unknown_category(cc_provider, processing_context):
    import processing

    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [(("幼儿园",), "POINT(0 0)")])
    roads = memory_layer("LineString?crs=EPSG:4547", "r", [((), "LINESTRING(-100 0, 100 0)")])
    with pytest.raises(QgsProcessingException, match="casino"):
        processing.run("complete_community:service_areas", {
            "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "CATEGORIES": "casino",
            "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())


def test_service_areas_follow_the_network(cc_provider, processing_context):
    """A cross of streets through (0,0), arms of 1000 m; a kindergarten at the centre reaches 500 m along
    each arm: 2,000 m of street. A second kindergarten 300 m from any street gets no area, with a note."""
    import processing

    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [
        (("幼儿园",), "POINT(0 0)"), (("幼儿园",), "POINT(600 600)"), (("宠物医院",), "POINT(10 10)")])
    roads = memory_layer("LineString?crs=EPSG:4547", "r", [
        ((), "LINESTRING(-1000 0, 0 0, 1000 0)"), ((), "LINESTRING(0 -1000, 0 0, 0 1000)")])
    result = processing.run("complete_community:service_areas", {
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "BUFFER_DISTANCE": 20,
        "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
    areas = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["source_fid"])
    assert len(areas) == 2  # the unknown category has no walking limit
    centre, far = areas
    assert centre["street_m"] == pytest.approx(2000.0) and centre["limit_m"] == 500
    assert centre["rule_id"] == "kindergarten.walking_distance"
    # Two 1,000 m × 40 m bands crossing: 2 × 1040 × 40 − 40 × 40 (with rounded ends, a little less).
    assert 78000 < centre.geometry().area() < 81700
    assert not centre.geometry().contains(QgsGeometry.fromWkt("POINT(300 300)"))  # not a circle
    assert far.geometry().isEmpty() and "road network" in far["note"]
    assert result["OUTPUT"].renderer().classAttribute() == "cc_category"


def test_every_kind_the_elderly_need_must_be_within_ten_minutes(cc_provider, processing_context):
    """2.2 "老年人…步行时间到达居住社区养老设施、医疗设施、小超市、菜市场、公共活动场地的时间不宜超过 10 分钟":
    each kind, not the nearest of any kind. A convenience store 100 m away does not make up for a health
    station 900 m away; the rule names the farthest kind, and being 不宜 it is advice (amber), not a failure."""
    crs = "EPSG:4547"
    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(crs), "社区",
                               [(("老年社区", 8000), _square(0, 0))])
    facilities = memory_layer("Point?crs={}&field=kind:string".format(crs), "设施", [
        (("便利店",), "POINT(200 5)"), (("老年服务站",), "POINT(300 5)"), (("菜市场",), "POINT(350 5)"),
        (("公共活动场地",), "POINT(250 5)"), (("社区卫生服务站",), "POINT(1000 5)")])
    roads = memory_layer("LineString?crs={}".format(crs), "道路", [((), "LINESTRING(0 0, 1200 0)")])
    result = _run(processing_context, {
        "COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name", "DEFAULT_TYPE": 1,
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads})
    rules = {f["rule_id"]: f for f in result["OUTPUT_RULES"].getFeatures()}
    elderly = rules["scale.elderly_walking_time"]
    # centroid (100,100) → road at (100,0): 100 m, along to x=1000: 900 m, off the road 5 m → 1005 m = 20.1 min
    assert elderly["status"] == "advisory" and elderly["level"] == "recommended"
    assert elderly["measured"] == pytest.approx(1005 / 50)
    assert "health station" in elderly["reason"].lower() or "社区卫生服务站" in elderly["reason"]
    output = next(result["OUTPUT"].getFeatures())
    assert output["convenience_store_dist_m"] == pytest.approx(205)  # the nearest kind alone would have passed


_KEEP_ALIVE = []


class _CancellingFeedback(QgsProcessingFeedback):
    """Cancels as soon as a pushed message contains `when` ("" = from the start): with "Walking network", right
    after the network is built, so that the cancel reaches the network searches themselves."""

    def __init__(self, when):
        super().__init__()
        self.when = when
        if not when:
            self.cancel()

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        super().pushInfo(info)
        if self.when and self.when in info:
            self.cancel()


@pytest.mark.parametrize("when", ["", "Walking network"], ids=["cancelled from the start", "cancelled mid-run"])
def test_a_cancelled_walking_access_run_ends_cancelled_and_writes_no_output(cc_provider, tmp_path, when):
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    processing_context = QgsProcessingContext()  # its own, destroyed right after the run
    processing_context.setProject(QgsProject.instance())

    output = str(tmp_path / "walking.gpkg")
    feedback = _CancellingFeedback(when)
    _KEEP_ALIVE.append(feedback)
    layers = {name: "{}|layername={}".format(SAMPLE, layer) for name, layer in (
        ("COMMUNITIES", "communities"), ("FACILITIES", "facilities"), ("FACILITY_AREAS", "facility_areas"),
        ("NETWORK", "roads"))}
    parameters = dict(SAMPLE_PARAMETERS, **layers, OUTPUT=output,
                      OUTPUT_RULES="TEMPORARY_OUTPUT")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("complete_community:evaluate_walking_access", parameters, context=processing_context,
                       feedback=feedback)
    assert feedback.isCanceled()
    assert not os.path.exists(output)
    assert [name for name in os.listdir(str(tmp_path))] == []


def test_the_walking_workbook_agrees_with_the_layers(cc_provider, processing_context, tmp_path):
    """OUTPUT_XLSX: the walking verdict and each walking item's status per community, every rule row, read back
    by OGR's XLSX driver, against the result layers."""
    from osgeo import ogr

    from complete_community.core.status import advice_status, combined_status, status_label
    from complete_community.standards import load_standard

    result = _sample_run(processing_context, OUTPUT_XLSX=str(tmp_path / "walking.xlsx"))
    communities = {f["cc_community_id"]: f for f in result["OUTPUT"].getFeatures()}
    workbook = ogr.Open(result["OUTPUT_XLSX"])
    sheet = workbook.GetLayerByName("Community × item")
    definition = sheet.GetLayerDefn()
    header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    names = {item.name.en: item.code for item in load_standard().items}
    item_columns = [(index, names[title]) for index, title in enumerate(header) if title in names]
    assert item_columns  # the items with a walking rule, in the guide's table order
    rule_rows = {}
    for rule in result["OUTPUT_RULES"].getFeatures():
        rule_rows.setdefault((rule["community_id"], rule["item"]), []).append(rule)
    rows = 0
    for row in sheet:
        feature = communities[row.GetFieldAsString(0)]
        assert row.GetFieldAsString(header.index("Verdict")) == status_label(feature["walk_status"])
        for index, code in item_columns:  # the item's status from its rules: the required decide, else the advice
            rules = rule_rows[(feature["cc_community_id"], code)]
            expected = combined_status(r["status"] for r in rules if r["level"] == "required")
            if expected == "not_applicable":
                expected = advice_status(r["status"] for r in rules if r["level"] != "required")
            assert row.GetFieldAsString(index) == status_label(expected), code
        rows += 1
    assert rows == len(communities) == 14
    assert workbook.GetLayerByName("Rules").GetFeatureCount() == result["OUTPUT_RULES"].featureCount() > 0


def test_the_origins_and_routes_move_the_progress_bar_on_after_the_communities(cc_provider):  # noqa: ARG001
    """Writing a city's origins and routes took seconds after the bar had reached 100 %: the communities now take
    the first half of the writing's share, the origins and the routes the rest, and the bar never goes back."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Watched(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.values, self.step = [], ""

        def setProgressText(self, text):  # noqa: N802 (QGIS API)
            self.step = text

        def setProgress(self, value):  # noqa: N802 (QGIS API)
            super().setProgress(value)
            self.values.append((self.step, value))

    feedback = Watched()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("complete_community:evaluate_walking_access", dict(
        SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        NETWORK=_sample("roads"), ORIGINS=_sample("population_points"), ORIGIN_POPULATION_FIELD="population",
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_RULES="TEMPORARY_OUTPUT", OUTPUT_ORIGINS="TEMPORARY_OUTPUT",
        OUTPUT_ROUTES="TEMPORARY_OUTPUT"), context=context, feedback=feedback)
    del context
    values = [value for _step, value in feedback.values]
    assert all(later >= earlier - 1e-9 for earlier, later in zip(values, values[1:]))
    writing = [value for step, value in feedback.values if step.startswith("Evaluating the rules")]
    communities_written = max(writing[:14])  # the sample's 14 communities, one report each
    assert communities_written < 95 and len([value for value in writing if value > communities_written]) >= 3
