"""classify_facilities and describe_standard, through processing.run and through qgis_process."""

import sqlite3

import pytest
from qgis.core import NULL, QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant


def _facility_layer(rows, geometry="Point"):
    """A memory layer in EPSG:4547 with fields name, category; rows are (label, x, y) or (label, None)."""
    layer = QgsVectorLayer("{}?crs=EPSG:4547".format(geometry), "测试设施", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String), QgsField("category", QVariant.String)])
    layer.updateFields()
    features = []
    for index, (label, *xy) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["设施{}".format(index), label])
        if xy and xy[0] is not None:
            x, y = xy
            if geometry == "Point":
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            else:
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(10, 8))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _default_style_renderer(path, table):
    layer = QgsVectorLayer("{}|layername={}".format(path, table), table, "ogr")
    assert layer.isValid()
    return layer, layer.renderer()


def test_classify_keeps_every_feature_and_styles_the_geopackage(cc_provider, processing_context, tmp_path):
    import processing

    layer = _facility_layer([
        ("幼儿园", 527000, 3385000), ("快递柜", 527010, 3385000), ("shop=supermarket", 527020, 3385000),
        ("宠物医院", 527030, 3385000), ("宠物医院", 527040, 3385000), ("", 527050, 3385000),
        ("公交车站", None),  # no geometry: kept, reported
    ])
    output = str(tmp_path / "facilities.gpkg")
    result = processing.run("complete_community:classify_facilities", {
        "FACILITIES": layer, "CATEGORY_FIELD": "category", "OUTPUT": output,
    }, context=processing_context, feedback=processing_context.feedback())
    assert result["CLASSIFIED_COUNT"] == 4
    assert result["UNRECOGNISED_COUNT"] == 3  # two unknown labels and one blank

    classified, renderer = _default_style_renderer(output, "facilities")
    rows = sorted((f["name"], f["category"], f["cc_category"], f["cc_item"]) for f in classified.getFeatures())
    assert rows == sorted([
        ("设施0", "幼儿园", "kindergarten", "kindergarten"),
        ("设施1", "快递柜", "express_locker", "express_delivery"),
        ("设施2", "shop=supermarket", "supermarket", "supermarket"),
        ("设施3", "宠物医院", None, None),
        ("设施4", "宠物医院", None, None),
        ("设施5", "", None, None),
        ("设施6", "公交车站", "bus_stop", "walking_system"),
    ])
    # The default style stored in the GeoPackage colours by category.
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == "cc_category"
    assert {category.value() for category in renderer.categories()} >= {"kindergarten", "express_locker", ""}
    with sqlite3.connect(output) as connection:
        assert connection.execute("select count(*) from layer_styles where f_table_name='facilities' "
                                  "and useAsDefault").fetchone()[0] == 1


def test_classify_keeps_a_facility_with_infinite_coordinates_without_geometry_and_says_so(
        cc_provider, processing_context, tmp_path):
    """A broken export's point at (inf, -inf) was copied into the output as it was (no map or spatial index can
    take it): it is kept with its attributes and category, without geometry, and named in a warning."""
    import math
    import processing
    from recording_feedback import RecordingFeedback

    layer = _facility_layer([("幼儿园", 527000, 3385000), ("托儿所", math.inf, -math.inf), ("幼儿园", 527010, 3385000)])
    output = str(tmp_path / "facilities.gpkg")
    feedback = RecordingFeedback()
    processing.run("complete_community:classify_facilities", {
        "FACILITIES": layer, "CATEGORY_FIELD": "category", "OUTPUT": output}, context=processing_context,
        feedback=feedback)
    rows = {f["name"]: (f["cc_category"], f.geometry().isEmpty()) for f in QgsVectorLayer(output).getFeatures()}
    assert rows == {"设施0": ("kindergarten", False), "设施1": ("nursery", True), "设施2": ("kindergarten", False)}
    infinite = [feature.id() for feature in layer.getFeatures() if feature["name"] == "设施1"]
    assert [w for w in feedback.warnings if "not finite" in w] == [
        "Layer 测试设施: 1 feature(s) have coordinates that are not finite numbers (feature ids {}); they are kept "
        "without geometry and cannot be located.".format(infinite[0])]


def test_classify_polygons_with_a_mapping_table_and_reruns(cc_provider, processing_context, tmp_path):
    import processing

    table = tmp_path / "mapping.csv"
    table.write_text("value,category\n宠物医院,pharmacy\n", encoding="utf-8")
    layer = _facility_layer([("社区游园", 527000, 3385000), ("宠物医院", 527100, 3385000)], geometry="Polygon")
    first = processing.run("complete_community:classify_facilities", {
        "FACILITIES": layer, "CATEGORY_FIELD": "category", "MAPPING_TABLE": str(table),
        "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
    first_layer = first["OUTPUT"]  # processing.run hands back the temporary layer itself
    assert [f["cc_category"] for f in first_layer.getFeatures()] == ["park", "pharmacy"]
    # Running again on its own output overwrites the cc_ fields rather than adding cc_category_2.
    second = processing.run("complete_community:classify_facilities", {
        "FACILITIES": first_layer, "CATEGORY_FIELD": "category", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=processing_context, feedback=processing_context.feedback())
    second_layer = second["OUTPUT"]
    assert second_layer.fields().names() == first_layer.fields().names()
    assert [f["cc_category"] for f in second_layer.getFeatures()] == ["park", None]


def test_classify_rejects_a_bad_mapping_table(cc_provider, processing_context, tmp_path):
    import processing

    table = tmp_path / "mapping.csv"
    table.write_text("宠物医院,pet_clinic\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("complete_community:classify_facilities", {
            "FACILITIES": _facility_layer([("幼儿园", 1, 1)]), "CATEGORY_FIELD": "category",
            "MAPPING_TABLE": str(table), "OUTPUT": "TEMPORARY_OUTPUT"},
            context=processing_context, feedback=processing_context.feedback())
    assert "mapping.csv:1" in str(error.value) and "pet_clinic" in str(error.value)


def test_classify_with_a_mapping_layer(cc_provider, processing_context, tmp_path):
    """The mapping may be a table layer (GeoPackage, spreadsheet) with fields value and category."""
    import processing
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    def write_mapping(rows, name):
        table = QgsVectorLayer("None", "mapping", "memory")
        table.dataProvider().addAttributes([QgsField("note", QVariant.String), QgsField("value", QVariant.String),
                                            QgsField("category", QVariant.String)])
        table.updateFields()
        for row in rows:
            feature = QgsFeature(table.fields())
            feature.setAttributes(list(row))
            table.dataProvider().addFeature(feature)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        path = str(tmp_path / name)
        assert QgsVectorFileWriter.writeAsVectorFormatV3(table, path, QgsCoordinateTransformContext(),
                                                         options)[0] == QgsVectorFileWriter.NoError
        return path

    def classify(mapping_path):
        return processing.run("complete_community:classify_facilities", {
            "FACILITIES": _facility_layer([("宠物医院", 1, 1)]), "CATEGORY_FIELD": "category",
            "MAPPING_TABLE": mapping_path, "OUTPUT": "TEMPORARY_OUTPUT"},
            context=processing_context, feedback=processing_context.feedback())

    with pytest.raises(QgsProcessingException) as error:
        classify(write_mapping([("a", "宠物医院", "pharmacy"), ("b", "花店", "flower_shop")], "bad_mapping.gpkg"))
    assert "flower_shop" in str(error.value) and "bad_mapping.gpkg, row 2" in str(error.value)
    result = classify(write_mapping([("a", "宠物医院", "pharmacy")], "mapping.gpkg"))
    assert [f["cc_category"] for f in result["OUTPUT"].getFeatures()] == ["pharmacy"]


def test_describe_standard_tables(cc_provider, processing_context, tmp_path):
    import processing
    from complete_community.standards import load_standard

    output = str(tmp_path / "standard.gpkg")
    categories = str(tmp_path / "categories.gpkg")
    result = processing.run("complete_community:describe_standard", {
        "STANDARD": "xiamen_complete_community", "OUTPUT": output, "OUTPUT_CATEGORIES": categories,
    }, context=processing_context, feedback=processing_context.feedback())
    standard = load_standard("xiamen_complete_community")
    assert result["RULE_COUNT"] == len(standard.rules)

    rules = {f["rule_id"]: f for f in QgsVectorLayer(output).getFeatures()}
    expected_rows = sum(len(rule.options) or 1 for rule in standard.rules)
    assert len(rules) == expected_rows
    kindergarten = rules["kindergarten.building_area"]
    assert (kindergarten["min_value"], kindergarten["level"], kindergarten["item_number"]) == (2200, "required", 2)
    assert kindergarten["clause"].startswith("2.3 表 第2项")
    stores = rules["supermarket.provision.convenience_stores"]
    assert (stores["applies_to"], stores["min_value"], stores["guide_low"], stores["guide_high"]) == (
        "existing", 2, 2, 3)
    assert rules["walking_system.bus_stop"]["defined_in"].startswith("complete_community_2021.yaml:")
    assert rules["xiamen_six_haves.bus_stop_500m"]["defined_in"].startswith("xiamen_complete_community.yaml:")
    assert rules["xiamen_six_haves.bus_stop_500m"]["level"] == "recommended"  # 尽量在居民步行区500米范围内
    office = rules["property_service.office_area"]
    assert office["min_value"] == NULL  # proportional: no single number
    assert "0.002" in office["requirement"] and "50" in office["requirement"]
    assert "‰" in office["note"] and "%" in office["note"]  # the guide's own 2‰/2% conflict, written down
    assert "sizing guidance" in rules["express_delivery.locker_cells"]["note"]

    codes = {f["category"] for f in QgsVectorLayer(categories).getFeatures()}
    assert codes == {category.code for category in standard.categories}


def test_describe_standard_reports_yaml_problems(cc_provider, processing_context, tmp_path):
    import processing

    path = tmp_path / "my_city.yaml"
    path.write_text("schema_version: 1\nextends: complete_community_2021\nid: my_city\n"
                    "name: {zh: 我的城市, en: My city}\nsource: {zh: 测试, en: test}\nrules:\n"
                    "  - id: nursery.count\n    levle: required\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("complete_community:describe_standard", {"STANDARD": str(path), "OUTPUT": "TEMPORARY_OUTPUT"},
                       context=processing_context, feedback=processing_context.feedback())
    assert "my_city.yaml:8" in str(error.value) and "did you mean 'level'" in str(error.value)


def test_through_qgis_process(run_qgis_process, tmp_path):
    layer_path = tmp_path / "facilities.gpkg"
    layer = _facility_layer([("幼儿园", 527000, 3385000), ("宠物医院", 527030, 3385000)])
    from qgis.core import QgsVectorFileWriter, QgsCoordinateTransformContext

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(layer_path), QgsCoordinateTransformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.NoError

    output = tmp_path / "results.gpkg"
    classified = run_qgis_process([
        "run", "complete_community:classify_facilities", "--json", "--",
        "FACILITIES={}".format(layer_path), "CATEGORY_FIELD=category",
        "OUTPUT=ogr:dbname='{}' table=\"facilities\" (geom)".format(output)])
    assert classified.json["results"]["CLASSIFIED_COUNT"] == 1
    assert classified.json["results"]["UNRECOGNISED_COUNT"] == 1
    described = run_qgis_process([
        "run", "complete_community:describe_standard", "--json", "--",
        "OUTPUT=ogr:dbname='{}' table=\"standard_rules\"".format(output)])
    assert described.json["results"]["RULE_COUNT"] > 80

    layer, renderer = _default_style_renderer(str(output), "facilities")
    assert renderer.type() == "categorizedSymbol"
    assert [f["cc_category"] for f in layer.getFeatures()] == ["kindergarten", None]
    assert QgsVectorLayer("{}|layername=standard_rules".format(output)).featureCount() > 80


def test_an_extended_feature_adds_new_fields_and_overwrites_its_own():
    """base_algorithm.extended_feature (every community, origin and member written): added fields after the input's,
    a field of the same name already there (a re-run on its own output) overwritten in place, the geometry kept and
    no id of the input's (the sink numbers the feature)."""
    from complete_community.core import output_fields as F
    from complete_community.processing.base_algorithm import extend_fields, extended_feature

    layer = _facility_layer([("幼儿园", 1.0, 2.0)])
    (feature,) = layer.getFeatures()
    fields, indexes = extend_fields(layer.fields(), [("walk_status", F.TEXT), ("score", F.REAL)])
    extended = extended_feature(feature, fields, indexes, ["pass", 80.0])
    assert indexes == [2, 3] and extended.attributes() == ["设施0", "幼儿园", "pass", 80.0]
    assert extended.geometry().asPoint() == QgsPointXY(1.0, 2.0) and extended.id() == QgsFeature().id()
    again_fields, again = extend_fields(fields, [("score", F.REAL), ("walk_status", F.TEXT), ("new", F.TEXT)])
    assert again == [3, 2, 4]
    rerun = extended_feature(QgsFeature(extended), again_fields, again, [90.0, "fail", "x"])
    assert rerun.attributes() == ["设施0", "幼儿园", "fail", 90.0, "x"]


def test_tables_without_geometry_close_without_gdals_spatial_index_error(cc_provider, processing_context, tmp_path,
                                                                         capfd):
    """QGIS 3.22 asks a closed GeoPackage table for a spatial index even when it has no geometry; GDAL printed
    "ERROR 1: No geometry column" for each rule table. Other GDAL messages still get through."""
    import processing
    from osgeo import gdal
    from complete_community.processing.output_safety import tables_closed_quietly

    path = str(tmp_path / "standard.gpkg")
    capfd.readouterr()
    processing.run("complete_community:describe_standard", {
        "OUTPUT": "ogr:dbname='{}' table=\"rules\"".format(path),
        "OUTPUT_CATEGORIES": "ogr:dbname='{}' table=\"categories\"".format(path),
    }, context=processing_context, feedback=processing_context.feedback())
    assert "No geometry column" not in capfd.readouterr().err
    assert QgsVectorLayer("{}|layername=rules".format(path)).featureCount() > 50
    raising = gdal.GetUseExceptions()  # another test may have asked the bindings for exceptions
    gdal.DontUseExceptions()
    try:
        with tables_closed_quietly():
            gdal.Error(gdal.CE_Failure, 1, "No geometry column")
            gdal.Error(gdal.CE_Failure, 1, "a real problem")
            gdal.Error(gdal.CE_Warning, 6, "a warning")
    finally:
        if raising:
            gdal.UseExceptions()
    printed = capfd.readouterr().err
    assert "No geometry column" not in printed
    assert "ERROR 1: a real problem" in printed and "Warning 6: a warning" in printed
