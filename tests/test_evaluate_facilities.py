"""evaluate_facilities: the engine's boundary cases as real layers (processing.run and qgis_process), the
sample district's intended results, bad input, and the styled outputs."""

import os

import pytest
from engine_case_data import CASES, build_community
from memory_layers import memory_layer
from qgis.core import (NULL, QgsFeature, QgsField, QgsGeometry, QgsProcessingException, QgsVectorFileWriter,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from complete_community.standards import load_standard

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
STANDARD = load_standard()
CELL = 1000.0  # each case community is a 600 m square in its own 1 km cell
ORIGIN_X, ORIGIN_Y = 500000.0, 3380000.0
UNKNOWN_TYPE = "未定"  # not a community type: read as unknown, like the engine's `type: null`


def _evaluated_here(rule_id):
    rule = STANDARD.rule(rule_id)
    parts = (rule,) + tuple(rule.options)
    return rule.item not in ("scale", "life_circle") and not any(
        p.measure and p.measure.kind == "walking_distance" for p in parts)


LAYER_CASES = [case for case in CASES["rule_cases"] if _evaluated_here(case["rule"])]


def _square(index, size=600.0):
    x, y = ORIGIN_X + (index % 20) * CELL, ORIGIN_Y + (index // 20) * CELL
    return QgsGeometry.fromWkt("POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
        x, y, x + size, y + size)), (x, y)


def _field_type(values):
    present = [value for value in values if value is not None]
    if any(isinstance(value, str) for value in present):
        return QVariant.String
    if present and all(isinstance(value, bool) for value in present):
        return QVariant.Int
    return QVariant.Double


def _cell(value, kind):
    if value is None:
        return NULL
    if kind == QVariant.String:
        return str(value)
    return int(value) if isinstance(value, bool) else value


def case_layers(cases):
    """(communities, facilities) memory layers in EPSG:4547: community i is the community of case i, its
    facilities points inside it with their category code as the label."""
    records = [build_community(case["community"], "case{:03d}".format(index)) for index, case in enumerate(cases)]
    codes = sorted({code for record in records for code in record.attributes})
    communities = QgsVectorLayer("Polygon?crs=EPSG:4547", "case_communities", "memory")
    kinds = {code: _field_type([record.attributes.get(code) for record in records]) for code in codes}
    communities.dataProvider().addAttributes(
        [QgsField("case_id", QVariant.String), QgsField("type", QVariant.String)]
        + [QgsField(code, kinds[code]) for code in codes])
    communities.updateFields()
    facility_codes = sorted({code for record in records for facility in record.facilities
                             for code in facility.attributes})
    facilities = QgsVectorLayer("Point?crs=EPSG:4547", "case_facilities", "memory")
    facilities.dataProvider().addAttributes([QgsField("category", QVariant.String)]
                                            + [QgsField(code, QVariant.Double) for code in facility_codes])
    facilities.updateFields()
    community_features, facility_features = [], []
    for index, record in enumerate(records):
        feature = QgsFeature(communities.fields())
        geometry, (x, y) = _square(index)
        feature.setGeometry(geometry)
        feature.setAttributes([record.id, record.community_type or UNKNOWN_TYPE]
                              + [_cell(record.attributes.get(code), kinds[code]) for code in codes])
        community_features.append(feature)
        # Records of one facility (the same fid) are one point whose category lists them all: 'park;pocket_park'.
        by_fid = {}
        for facility in record.facilities:
            by_fid.setdefault(facility.fid, []).append(facility)
        for position, same in enumerate(by_fid.values()):
            point = QgsFeature(facilities.fields())
            point.setGeometry(QgsGeometry.fromWkt("POINT({} {})".format(x + 20 + 10 * position, y + 300)))
            point.setAttributes([";".join(facility.category for facility in same)] + [
                _cell(same[0].attributes.get(code), QVariant.Double) for code in facility_codes])
            facility_features.append(point)
    communities.dataProvider().addFeatures(community_features)
    facilities.dataProvider().addFeatures(facility_features)
    return communities, facilities


CASE_PARAMETERS = {"COMMUNITY_ID_FIELD": "case_id", "COMMUNITY_NAME_FIELD": "case_id", "TYPE_FIELD": "type",
                   "CATEGORY_FIELD": "category"}


def _check_case_rows(rows, cases):
    """rows: {(community id, rule id): (status, measured)} against each case's expected status and value."""
    for index, case in enumerate(cases):
        status, measured = rows[("case{:03d}".format(index), case["rule"])]
        assert status == case["expect"]["status"], case["case"]
        if case["expect"].get("measured") is not None:
            assert measured == pytest.approx(case["expect"]["measured"], rel=1e-9), case["case"]


def _run(processing_context, parameters):
    import processing

    defaults = {"OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    return processing.run("complete_community:evaluate_facilities", dict(defaults, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


def test_every_engine_case_gives_the_same_status_through_layers(cc_provider, processing_context):
    communities, facilities = case_layers(LAYER_CASES)
    # A population field is required; these cases carry it only where a rule reads it.
    population = "population" if "population" in communities.fields().names() else "case_id"
    result = _run(processing_context, dict(CASE_PARAMETERS, COMMUNITIES=communities, FACILITIES=facilities,
                                           POPULATION_FIELD=population))
    rows = {(f["community_id"], f["rule_id"]): (f["status"], f["measured"])
            for f in result["OUTPUT_RULES"].getFeatures()}
    assert len(LAYER_CASES) > 60
    _check_case_rows(rows, LAYER_CASES)
    assert result["OUTPUT"].featureCount() == len(LAYER_CASES)


def test_engine_cases_through_qgis_process(run_qgis_process, tmp_path):
    communities, facilities = case_layers(LAYER_CASES)
    inputs = str(tmp_path / "cases.gpkg")
    for layer, name in ((communities, "communities"), (facilities, "facilities")):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.layerName = name
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if os.path.exists(inputs)
                                        else QgsVectorFileWriter.CreateOrOverwriteFile)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, inputs, layer.transformContext(), options)
        assert error[0] == QgsVectorFileWriter.NoError, error
    output = str(tmp_path / "results.gpkg")
    population = "population" if "population" in communities.fields().names() else "case_id"
    run_qgis_process(["run", "complete_community:evaluate_facilities", "--",
                      "COMMUNITIES={}|layername=communities".format(inputs),
                      "FACILITIES={}|layername=facilities".format(inputs), "POPULATION_FIELD=" + population]
                     + ["{}={}".format(key, value) for key, value in CASE_PARAMETERS.items()]
                     + ["OUTPUT=ogr:dbname='{}' table=\"communities\" (geom)".format(output),
                        "OUTPUT_RULES=ogr:dbname='{}' table=\"rules\"".format(output)])
    table = QgsVectorLayer("{}|layername=rules".format(output), "rules", "ogr")
    rows = {(f["community_id"], f["rule_id"]): (f["status"], f["measured"]) for f in table.getFeatures()}
    _check_case_rows(rows, LAYER_CASES)
    layer = QgsVectorLayer("{}|layername=communities".format(output), "c", "ogr")
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "cc_status"
    assert layer.labelsEnabled()


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


SAMPLE_PARAMETERS = {
    "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
    "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category",
    "AREA_CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10,
}


def _sample_run(processing_context, **extra):
    return _run(processing_context, dict(SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"),
                                         FACILITIES=_sample("facilities"), FACILITY_AREAS=_sample("facility_areas"),
                                         OUTPUT_UNASSIGNED="TEMPORARY_OUTPUT", **extra))


def test_sample_district_gives_the_intended_results(cc_provider, processing_context):
    result = _sample_run(processing_context)
    expected = {(f["community_id"], f["rule_id"]): f["expected_status"]
                for f in _sample("expected_outcomes").getFeatures()}
    rows = {(f["community_id"], f["rule_id"]): f for f in result["OUTPUT_RULES"].getFeatures()}
    output = {f["community_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert len(output) == 14
    checked = 0
    for (community, rule_id), status in expected.items():
        if rule_id == "cc_status" or not _evaluated_here(rule_id):
            continue
        row = rows[(community, rule_id)]
        assert row["status"] == status, (community, rule_id, row["reason"])
        checked += 1
    assert checked >= 50
    # The overall status wherever the intended failures are not walking failures (evaluated elsewhere).
    walking_failures = {community for (community, rule_id), status in expected.items()
                        if rule_id != "cc_status" and not _evaluated_here(rule_id) and status == "fail"
                        and not rule_id.startswith("scale.")}
    for (community, rule_id), status in expected.items():
        if rule_id == "cc_status" and community not in walking_failures:
            assert output[community]["cc_status"] == status, (community, output[community]["cc_missing"])
    assert output["C03"]["kindergarten_building_area"] == pytest.approx(2199.9)
    assert output["C03"]["kindergarten_status"] == "fail"
    assert "幼儿园" in output["C03"]["cc_missing"] or "kindergarten" in output["C03"]["cc_missing"].lower()
    assert output["C01"]["cc_score"] == 100.0 and output["C03"]["cc_score"] < 100.0
    assert output["C02"]["supermarket_status"] == "pass"
    reason = rows[("C03", "kindergarten.building_area")]["reason"]
    assert "2199.9" in reason and "2200" in reason
    # Every facility that counts for no community is listed with its reason: 3 on the campus, 2 unknown.
    unassigned = [(f["reason"], f["category_label"]) for f in result["OUTPUT_UNASSIGNED"].getFeatures()]
    assert sum(1 for reason, _label in unassigned if reason == "outside") == 3
    assert sorted(label for reason, label in unassigned if reason == "unknown_category") == ["宠物医院", "宠物医院"]


def test_colour_by_one_item(cc_provider, processing_context):
    from complete_community.processing.evaluate_facilities import _colour_items

    index = 1 + [item.code for item in _colour_items()].index("kindergarten")
    result = _sample_run(processing_context, COLOUR_BY=index)
    assert result["OUTPUT"].renderer().classAttribute() == "kindergarten_status"


def _community_layer(rows, fields=(("name", QVariant.String), ("pop", QVariant.String),
                                   ("parking_spaces", QVariant.String), ("water_supply", QVariant.String))):
    return memory_layer("Polygon?crs=EPSG:4547", "测试社区", rows, fields)


SQUARE = "POLYGON((527000 3385000, 527400 3385000, 527400 3385400, 527000 3385400, 527000 3385000))"


def _facility_layer(rows):
    """rows: (category label, building area as text, WKT or None)."""
    return memory_layer("Point?crs=EPSG:4547", "设施", [((label, area), wkt) for label, area, wkt in rows],
                        (("类别", QVariant.String), ("建筑面积", QVariant.String)))


def test_bad_input_is_reported_and_no_community_is_lost(cc_provider, processing_context):
    feedback = processing_context.feedback()
    messages = []
    feedback.pushWarning = lambda message: messages.append(message)  # noqa: E731 (collect the log)
    communities = _community_layer([
        (("好社区", "8000", "2000", "是"), SQUARE),
        (("坏数字", "8000", "很多", "也许"), SQUARE),
        (("无几何", "8000", "100", "1"), None),
    ])
    facilities = _facility_layer([
        ("幼儿园", "2300", "POINT(527100 3385100)"),
        ("幼儿园", "大约两千", "POINT(527150 3385100)"),
        ("宠物医院", "50", "POINT(527200 3385100)"),
        ("托儿所", "-5", "POINT(527250 3385100)"),
        ("托儿所", "300", None),
        ("卫生服务站", "150", "POINT(600000 3385100)"),
    ])
    result = _run(processing_context, {"COMMUNITIES": communities, "POPULATION_FIELD": "pop",
                                       "COMMUNITY_NAME_FIELD": "name", "DEFAULT_TYPE": 0, "FACILITIES": facilities,
                                       "CATEGORY_FIELD": "类别", "BUILDING_AREA_FIELD": "建筑面积",
                                       "OUTPUT_UNASSIGNED": "TEMPORARY_OUTPUT"})
    output = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(output) == {"好社区", "坏数字", "无几何"}
    rules = {(f["community_name"], f["rule_id"]): f for f in result["OUTPUT_RULES"].getFeatures()}
    assert rules[("好社区", "kindergarten.building_area")]["status"] == "pass"
    assert rules[("坏数字", "parking_charging.parking_ratio")]["status"] == "no_data"
    assert rules[("坏数字", "utilities.basic")]["status"] in ("no_data", "fail")
    # No geometry: nothing inside it is known, so its spatial rules are missing data, never a fail for 0 found.
    assert output["无几何"]["kindergarten_status"] == "no_data"
    assert rules[("无几何", "kindergarten.count")]["status"] == "no_data"
    assert output["好社区"]["nursery_building_area"] == NULL  # a negative area is missing, not -5
    assert rules[("好社区", "nursery.building_area")]["status"] == "no_data"
    log = "\n".join(messages)
    for fragment in ("'parking_spaces'", "not numbers", "'water_supply'", "yes/no", "'建筑面积'", "negative",
                     "宠物医院 (1)", "no geometry", "households"):
        assert fragment in log, fragment
    reasons = sorted(f["reason"] for f in result["OUTPUT_UNASSIGNED"].getFeatures())
    assert reasons == ["no_geometry", "outside", "unknown_category"]


def test_attribute_fields_are_mapped_and_typos_named(cc_provider, processing_context):
    communities = _community_layer([(("甲", "8000", "1", "1"), SQUARE)], fields=(
        ("name", QVariant.String), ("pop", QVariant.String), ("车位", QVariant.Int), ("供水", QVariant.Int)))
    facilities = _facility_layer([("幼儿园", "2300", "POINT(527100 3385100)")])
    common = {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name",
              "FACILITIES": facilities, "CATEGORY_FIELD": "类别", "DEFAULT_TYPE": 0}
    result = _run(processing_context, dict(common, ATTRIBUTE_FIELDS=["parking_spaces", "车位", "water_supply", "供水"]))
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["parking_charging_parking_ratio"] == 1
    with pytest.raises(QgsProcessingException, match="parking_space"):
        _run(processing_context, dict(common, ATTRIBUTE_FIELDS=["parking_space", "车位"]))
    with pytest.raises(QgsProcessingException, match="'停车位'"):
        _run(processing_context, dict(common, ATTRIBUTE_FIELDS=["parking_spaces", "停车位"]))
    with pytest.raises(QgsProcessingException, match="设施.*'面积'"):  # the facility layer named, and the field
        _run(processing_context, dict(common, BUILDING_AREA_FIELD="面积"))
    with pytest.raises(QgsProcessingException, match="'类型'"):
        _run(processing_context, dict(common, CATEGORY_FIELD="类型"))


def test_geographic_facilities_are_measured_in_metres(cc_provider, processing_context):
    park = "POLYGON((114.3005 30.6005, 114.3012 30.6005, 114.3012 30.6012, 114.3005 30.6012, 114.3005 30.6005))"
    community = "POLYGON((114.30 30.60, 114.304 30.60, 114.304 30.604, 114.30 30.604, 114.30 30.60))"
    communities = QgsVectorLayer("Polygon?crs=EPSG:4490&field=pop:integer", "c", "memory")
    feature = QgsFeature(communities.fields())
    feature.setAttributes([8000])
    feature.setGeometry(QgsGeometry.fromWkt(community))
    communities.dataProvider().addFeatures([feature])
    parks = QgsVectorLayer("Polygon?crs=EPSG:4490&field=kind:string", "parks", "memory")
    feature = QgsFeature(parks.fields())
    feature.setAttributes(["社区游园"])
    feature.setGeometry(QgsGeometry.fromWkt(park))
    parks.dataProvider().addFeatures([feature])
    result = _run(processing_context, {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "DEFAULT_TYPE": 0,
                                       "FACILITIES": parks, "CATEGORY_FIELD": "kind"})
    output = next(result["OUTPUT"].getFeatures())
    # 0.0007° × 0.0007° near 30.6°N ≈ 67 m × 78 m ≈ 5,200 m² (not 4.9e-7 square degrees).
    assert 4800 < output["public_green_park"] < 5600
    assert output["cc_working_crs"] == "EPSG:4547"


def test_co_located_facilities_count_for_each_of_their_categories(cc_provider, processing_context, tmp_path):
    """3.1: the elderly station is built "与社区综合服务站统筹建设", the nursery "可以结合社区综合服务站…建设":
    real data often has one point for the 党群服务中心 that houses them. A value may list several labels
    (; ； 、 , /), each counts for its category; a building listed under two categories of one rule counts once."""
    import processing

    communities = memory_layer("Polygon?crs=EPSG:4547&field=name:string&field=pop:integer&field=type:string",
                               "社区", [(("共建社区", 8000, "既有"), "POLYGON((0 0, 600 0, 600 600, 0 600, 0 0))")])
    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string&field=building_area:double", "设施", [
        (("社区党群服务中心；老年服务站、托儿所", 900.0), "POINT(100 100)"),
        (("街道综合楼", 300.0), "POINT(200 100)"),
        (("智能快递箱,智能信包箱", None), "POINT(300 100)")])
    areas = memory_layer("Polygon?crs=EPSG:4547&field=kind:string", "设施用地", [
        (("社区游园/口袋公园",), "POLYGON((400 400, 450 400, 450 440, 400 440, 400 400))")])
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("value,category\n街道综合楼,health_station;pharmacy\n", encoding="utf-8")
    result = processing.run("complete_community:evaluate_facilities", {
        "COMMUNITIES": communities, "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "pop", "TYPE_FIELD": "type",
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "FACILITY_AREAS": areas, "AREA_CATEGORY_FIELD": "kind",
        "MAPPING_TABLE": str(mapping), "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"},
        context=processing_context, feedback=processing_context.feedback())
    rows = {f["rule_id"]: f for f in result["OUTPUT_RULES"].getFeatures()}
    for rule_id in ("community_service_station.count", "elderly_service_station.count", "nursery.count",
                    "health_service_station.count", "convenience_outlets.pharmacy"):
        assert rows[rule_id]["status"] == "pass", (rule_id, rows[rule_id]["reason"])
    # Each category gets the building's area (reported for each), not a share of it ...
    assert rows["nursery.building_area"]["measured"] == 900
    assert rows["health_service_station.building_area"]["measured"] == 300
    # ... and one building is one facility: 智能快递箱,智能信包箱 is one locker group, not two; the park that is
    # also a pocket park is one open green space.
    assert rows["express_delivery.lockers"]["measured"] == 1
    assert rows["public_green.open_green"]["measured"] == 1 and rows["public_green.pocket_park"]["status"] == "pass"

    classified = processing.run("complete_community:classify_facilities", {
        "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "MAPPING_TABLE": str(mapping),
        "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
    codes = [f["cc_category"] for f in classified["OUTPUT"].getFeatures()]
    assert codes == ["service_station;elderly_station;nursery", "health_station;pharmacy", "express_locker"]


def test_evaluate_facilities_writes_a_workbook(cc_provider, processing_context, tmp_path):
    """OUTPUT_XLSX on an evaluation: community × item and rules read back by OGR agree with the layers."""
    from osgeo import ogr

    from complete_community.core.status import status_label

    communities, facilities = case_layers(LAYER_CASES)
    population = "population" if "population" in communities.fields().names() else "case_id"
    result = _run(processing_context, dict(CASE_PARAMETERS, COMMUNITIES=communities, FACILITIES=facilities,
                                           POPULATION_FIELD=population, OUTPUT_XLSX=str(tmp_path / "cases.xlsx")))
    statuses = {f["cc_community_id"]: f["cc_status"] for f in result["OUTPUT"].getFeatures()}
    workbook = ogr.Open(result["OUTPUT_XLSX"])
    sheet = workbook.GetLayerByName("Community × item")
    definition = sheet.GetLayerDefn()
    header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    verdict = header.index("Verdict")
    rows = {feature.GetFieldAsString(0): feature.GetFieldAsString(verdict) for feature in sheet}
    assert rows == {key: status_label(value) for key, value in statuses.items()} and len(rows) == len(LAYER_CASES)
    assert workbook.GetLayerByName("Rules").GetFeatureCount() == result["OUTPUT_RULES"].featureCount() > 0
