"""import_pois on provider-style exports: detection, coordinates corrected to < 1 m, classification, reasons."""

import csv

import processing
import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from complete_community.core import china_coordinates as cc
from memory_layers import memory_layer

# True (WGS84/CGCS2000) positions in Wuhan, around 114.3°E.
TRUE_POINTS = {
    "翠竹幼儿园": (114.3050, 30.6010),
    "翠竹社区卫生服务站": (114.3062, 30.6021),
    "菜鸟驿站(翠竹苑5栋店)": (114.3071, 30.6002),
    "星巴克(翠竹店)": (114.3080, 30.6030),
    "翠竹苑": (114.3090, 30.6040),
    "翠竹社区综合服务站(老年服务站)": (114.3010, 30.6050),
}
AMAP_TYPES = {
    "翠竹幼儿园": ("科教文化服务;学校;幼儿园", "141204"),
    "翠竹社区卫生服务站": ("医疗保健服务;诊所;诊所", "090300"),
    "菜鸟驿站(翠竹苑5栋店)": ("生活服务;物流速递;物流速递", "070500"),
    "星巴克(翠竹店)": ("餐饮服务;咖啡厅;咖啡厅", "050500"),
    "翠竹苑": ("商务住宅;住宅区;住宅小区", "120302"),
    "翠竹社区综合服务站(老年服务站)": ("政府机构及社会团体;政府机关;乡镇以下级政府及事业单位", "130106"),
}
GK = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:4547"),
                            QgsProject.instance())


def _write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def _amap_csv(path, extra_rows=()):
    rows = []
    for number, (name, point) in enumerate(TRUE_POINTS.items()):
        lon, lat = cc.wgs84_to_gcj02(*point)
        type_text, code = AMAP_TYPES[name]
        rows.append(["B0FFG{:05d}".format(number), name, type_text, code, "{:.6f},{:.6f}".format(lon, lat), "武昌区"])
    rows.extend(extra_rows)
    return _write_csv(path, ["id", "name", "type", "typecode", "location", "adname"], rows)


def _run(context, **parameters):
    values = {"OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_UNMATCHED": "TEMPORARY_OUTPUT"}
    values.update(parameters)
    if isinstance(values["INPUT"], str):
        # a layer object, not a path: a context that opened an OGR dataset itself can crash QGIS 3.22 when it
        # is destroyed (qgis-notes); the algorithm reads both the same way
        values["INPUT"] = QgsVectorLayer(values["INPUT"], "input", "ogr")
        assert values["INPUT"].isValid()
        _KEPT.append(values["INPUT"])
    return processing.run("complete_community:import_pois", values, context=context, feedback=context.feedback())


_KEPT = []  # input layers outlive the contexts that used them


@pytest.fixture(autouse=True, scope="module")
def _release_kept_layers():
    """Input layers are kept past each test's context (a destroyed context must not be the last owner of an OGR
    dataset) and released with the module, while QGIS still runs: never at interpreter exit."""
    yield
    _KEPT.clear()



def _by_name(layer):
    return {feature["name"]: feature for feature in layer.getFeatures()}


def test_an_amap_export_is_recognised_corrected_and_classified(cc_provider, processing_context, tmp_path, capsys):
    path = _amap_csv(tmp_path / "amap.csv", extra_rows=[
        ["B0X1", "坐标错误的超市", "购物服务;超级市场;超级市场", "060400", "not a place", "武昌区"],
        ["B0X2", "某某花店", "生活服务;生活服务场所;生活服务场所", "070000", "114.31,30.60", "武昌区"]])
    result = _run(processing_context, INPUT=path)
    output, unmatched = result["OUTPUT"], result["OUTPUT_UNMATCHED"]
    assert output.crs().authid() == "EPSG:4547"  # the 3° zone of 114.3°E
    assert result["IMPORTED_COUNT"] == 4 and result["UNMATCHED_COUNT"] == 4
    classified = _by_name(output)
    assert {name: feature["cc_category"] for name, feature in classified.items()} == {
        "翠竹幼儿园": "kindergarten", "翠竹社区卫生服务站": "health_station", "菜鸟驿站(翠竹苑5栋店)": "express_station",
        "翠竹社区综合服务站(老年服务站)": "service_station;elderly_station"}
    assert classified["翠竹幼儿园"]["cc_match"] == "typecode"
    assert classified["翠竹社区卫生服务站"]["cc_match"] == "name"
    assert classified["翠竹社区综合服务站(老年服务站)"]["cc_category_name"] == "Community service station;Elderly service station"
    assert classified["翠竹幼儿园"]["adname"] == "武昌区"  # every input field kept
    for name, feature in classified.items():
        expected = GK.transform(QgsPointXY(*TRUE_POINTS[name]))
        assert feature.geometry().asPoint().distance(expected) < 1.0, name
        raw = cc.wgs84_to_gcj02(*TRUE_POINTS[name])
        assert (feature["cc_raw_lon"], feature["cc_raw_lat"]) == pytest.approx(raw, abs=1e-6)
        assert feature["cc_raw_system"] == "gcj02"
    reasons = {feature["name"]: feature["cc_reason"] for feature in unmatched.getFeatures()}
    assert reasons == {"星巴克(翠竹店)": "out_of_scope_type", "翠竹苑": "out_of_scope_name",
                       "坐标错误的超市": "unparseable_location", "某某花店": "generic_type_unrecognised_name"}
    located = {feature["name"]: feature.hasGeometry() for feature in unmatched.getFeatures()}
    assert located["星巴克(翠竹店)"] and not located["坐标错误的超市"]


def test_the_log_says_what_was_recognised(cc_provider, processing_context, tmp_path):
    messages = []

    class Feedback(type(processing_context.feedback())):
        def pushInfo(self, text):
            messages.append(text)
            super().pushInfo(text)

    feedback = Feedback()
    layer = QgsVectorLayer(_amap_csv(tmp_path / "amap.csv"), "amap", "ogr")  # an object, not a path (qgis-notes)
    _KEPT.append(layer)
    processing.run("complete_community:import_pois", {
        "INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_UNMATCHED": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=feedback)
    text = "\n".join(messages)
    assert "Amap" in text and "location" in text and "typecode" in text
    assert "out_of_scope_type" in text and "kindergarten" in text


def test_a_baidu_export_in_bd09_with_separate_coordinates(cc_provider, processing_context, tmp_path):
    rows = []
    for number, (name, tag, point) in enumerate([
            ("翠竹幼儿园", "教育培训;幼儿园", (114.3050, 30.6010)),
            ("翠竹社区居委会", "政府机构;居民委员会", (114.3020, 30.6000)),
            ("瑞幸咖啡(翠竹店)", "美食;咖啡厅", (114.3030, 30.6005))]):
        lon, lat = cc.wgs84_to_bd09(*point)
        rows.append(["uid{}".format(number), name, tag, repr(lon), repr(lat)])
    path = _write_csv(tmp_path / "baidu.csv", ["uid", "name", "tag", "lng", "lat"], rows)
    result = _run(processing_context, INPUT=path)
    classified = _by_name(result["OUTPUT"])
    assert set(classified) == {"翠竹幼儿园", "翠竹社区居委会"}
    expected = GK.transform(QgsPointXY(114.3050, 30.6010))
    assert classified["翠竹幼儿园"].geometry().asPoint().distance(expected) < 1.0
    assert classified["翠竹幼儿园"]["cc_raw_system"] == "bd09"


def test_a_tencent_export_and_a_chosen_target_crs(cc_provider, processing_context, tmp_path):
    lon, lat = cc.wgs84_to_gcj02(121.47, 31.23)
    path = _write_csv(tmp_path / "tencent.csv", ["id", "title", "category", "location"], [
        ["1001", "黄浦区第一小学", "教育学校:小学", "{{'lat': {!r}, 'lng': {!r}}}".format(lat, lon)]])
    result = _run(processing_context, INPUT=path, TARGET_CRS="EPSG:4326")
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["cc_category"] == "primary_school"
    point = feature.geometry().asPoint()
    assert cc.haversine_m(point.x(), point.y(), 121.47, 31.23) < 1.0


def test_a_spreadsheet_with_chinese_headers_and_a_mapping_table(cc_provider, processing_context, tmp_path):
    path = str(tmp_path / "pois.xlsx")
    driver = ogr.GetDriverByName("XLSX")
    data_source = driver.CreateDataSource(path)
    layer = data_source.CreateLayer("pois", geom_type=ogr.wkbNone)
    for name in ("名称", "类型", "经度", "纬度"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for values in (("翠竹物业服务中心", "物业", "114.30", "30.60"), ("街道便民服务中心", "政务服务", "114.31", "30.61"),
                   ("幸福里幼儿园", "", "114.32", "30.62")):
        feature = ogr.Feature(layer.GetLayerDefn())
        for index, value in enumerate(values):
            feature.SetField(index, value)
        layer.CreateFeature(feature)
    data_source = None
    mapping = _write_csv(tmp_path / "mapping.csv", ["value", "category"], [["政务服务", "service_station"]])
    result = _run(processing_context, INPUT=path, MAPPING_TABLE=mapping, COORDINATES=3)  # WGS84
    classified = _by_name_field(result["OUTPUT"], "名称")
    assert classified["街道便民服务中心"]["cc_category"] == "service_station"
    assert classified["街道便民服务中心"]["cc_match"] == "mapping_table"
    assert classified["幸福里幼儿园"]["cc_category"] == "kindergarten"
    assert classified["翠竹物业服务中心"]["cc_category"] == "property_office"


def _by_name_field(layer, field):
    return {feature[field]: feature for feature in layer.getFeatures()}


def test_a_point_layer_in_gcj02(cc_provider, processing_context):
    lon, lat = cc.wgs84_to_gcj02(114.305, 30.601)
    layer = memory_layer("Point?crs=EPSG:4326", "高德兴趣点", [
        (["翠竹幼儿园", "科教文化服务;学校;幼儿园"], "Point({!r} {!r})".format(lon, lat)),
        (["无位置的超市", "购物服务;超级市场;超级市场"], None)],
        fields=[("name", QVariant.String), ("type", QVariant.String)])
    result = _run(processing_context, INPUT=layer, SOURCE=1)  # Amap
    feature = next(result["OUTPUT"].getFeatures())
    assert feature.geometry().asPoint().distance(GK.transform(QgsPointXY(114.305, 30.601))) < 1.0
    assert [f["cc_reason"] for f in result["OUTPUT_UNMATCHED"].getFeatures()] == ["no_geometry"]


def test_null_values_are_missing_not_labels(cc_provider, processing_context):
    layer = memory_layer("Point?crs=EPSG:4547", "设施", [([None, None], "Point(500000 3380000)")],
                         fields=[("name", QVariant.String), ("type", QVariant.String)])
    result = _run(processing_context, INPUT=layer, SOURCE=5, COORDINATES=4)
    feature = next(result["OUTPUT_UNMATCHED"].getFeatures())
    assert feature["cc_reason"] == "no_type_unrecognised_name"
    assert feature["cc_match_detail"] in (None, "") or str(feature["cc_match_detail"]) != "NULL"


def test_through_qgis_process(run_qgis_process, tmp_path):
    path = _amap_csv(tmp_path / "amap.csv")
    output = tmp_path / "pois.gpkg"
    completed = run_qgis_process(["run", "complete_community:import_pois", "--", "INPUT={}".format(path),
                                  "OUTPUT={}".format(output), "OUTPUT_UNMATCHED={}".format(tmp_path / "rest.gpkg")])
    assert completed.returncode == 0, completed.stderr
    layer = QgsVectorLayer(str(output), "pois", "ogr")
    assert layer.featureCount() == 4


def test_an_osm_layer_with_tags_and_other_tags(cc_provider, processing_context):
    layer = memory_layer("Point?crs=EPSG:4326", "osm_points", [
        (["101", "翠竹幼儿园", "kindergarten", None], "Point(114.305 30.601)"),
        (["102", "翠竹便利店", None, '"shop"=>"convenience","opening_hours"=>"24/7"'], "Point(114.306 30.602)"),
        (["103", "Costa", "cafe", None], "Point(114.307 30.603)"),
        (["104", "翠竹养老院", "social_facility", '"social_facility"=>"nursing_home"'], "Point(114.308 30.604)")],
        fields=[("osm_id", QVariant.String), ("name", QVariant.String), ("amenity", QVariant.String),
                ("other_tags", QVariant.String)])
    result = _run(processing_context, INPUT=layer)
    classified = _by_name(result["OUTPUT"])
    assert {name: f["cc_category"] for name, f in classified.items()} == {
        "翠竹幼儿园": "kindergarten", "翠竹便利店": "convenience_store", "翠竹养老院": "care_home"}
    assert classified["翠竹幼儿园"]["cc_raw_system"] == "wgs84"  # OSM is not offset
    point = classified["翠竹幼儿园"].geometry().asPoint()
    assert point.distance(GK.transform(QgsPointXY(114.305, 30.601))) < 0.01
    assert [f["cc_reason"] for f in result["OUTPUT_UNMATCHED"].getFeatures()] == ["out_of_scope_type"]


def test_an_osm_file_read_by_gdal(cc_provider, tmp_path):
    """GDAL's OSM driver puts most tags into other_tags: amenity=kindergarten, shop=convenience, …"""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    # A context of its own, deleted here: destroying one that still holds the OSM driver's dataset later, at
    # the fixture's teardown, crashes QGIS 3.22 (qgis_process itself runs it fine).
    processing_context = QgsProcessingContext()
    processing_context.setProject(QgsProject.instance())
    processing_context.setFeedback(QgsProcessingFeedback())
    path = tmp_path / "district.osm"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="30.601" lon="114.305" version="1"><tag k="amenity" v="kindergarten"/><tag k="name" v="翠竹幼儿园"/></node>
  <node id="2" lat="30.602" lon="114.306" version="1"><tag k="shop" v="convenience"/><tag k="name" v="美宜佳"/></node>
  <node id="3" lat="30.603" lon="114.307" version="1"><tag k="amenity" v="bank"/><tag k="name" v="招商银行"/></node>
  <node id="4" lat="30.604" lon="114.308" version="1"><tag k="highway" v="bus_stop"/><tag k="name" v="翠竹路"/></node>
</osm>
""", encoding="utf-8")
    result = _run(processing_context, INPUT="{}|layername=points".format(path))
    classified = {f["name"]: f["cc_category"] for f in result["OUTPUT"].getFeatures()}
    reasons = [f["cc_reason"] for f in result["OUTPUT_UNMATCHED"].getFeatures()]
    del result, processing_context
    assert classified == {"翠竹幼儿园": "kindergarten", "美宜佳": "convenience_store", "翠竹路": "bus_stop"}
    assert reasons == ["out_of_scope_type"]


def test_a_baidu_export_with_detail_info_only(cc_provider, processing_context, tmp_path):
    lon, lat = cc.wgs84_to_bd09(114.3050, 30.6010)
    path = _write_csv(tmp_path / "baidu.csv", ["uid", "name", "location", "detail_info"], [
        ["u1", "翠竹幼儿园", "{{'lat': {!r}, 'lng': {!r}}}".format(lat, lon),
         '{"tag": "教育培训;幼儿园", "type": "education"}']])
    result = _run(processing_context, INPUT=path)
    feature = next(result["OUTPUT"].getFeatures())
    assert (feature["cc_category"], feature["cc_match"], feature["cc_raw_system"]) == ("kindergarten", "type", "bd09")
    assert feature.geometry().asPoint().distance(GK.transform(QgsPointXY(114.3050, 30.6010))) < 1.0
