"""evaluate_scale on the sample district (the generator's intent), on bad input, and through qgis_process."""

import os

import pytest
from memory_layers import memory_layer
from qgis.core import NULL, QgsCoordinateReferenceSystem, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _expected(prefix):
    table = _sample("expected_outcomes")
    return {(f["community_id"], f["rule_id"]): f["expected_status"] for f in table.getFeatures()
            if f["rule_id"].startswith(prefix)}


def _run(processing_context, parameters):
    import processing

    defaults = {"POPULATION_FIELD": "population", "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    return processing.run("complete_community:evaluate_scale", dict(defaults, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


def test_sample_district_gives_the_intended_scale_results(cc_provider, processing_context):
    communities = _sample("communities")
    result = _run(processing_context, {
        "COMMUNITIES": communities, "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
        "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
        "FACILITIES": _sample("facilities"), "CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10})
    output = {f["community_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert len(output) == communities.featureCount()  # no community dropped
    for (community, rule_id), status in _expected("scale.").items():
        rows = [f for f in result["OUTPUT_RULES"].getFeatures()
                if f["community_id"] == community and f["rule_id"] == rule_id]
        assert [row["status"] for row in rows] == [status], (community, rule_id, [r["reason"] for r in rows])
    # "原则上单个居住社区以 0.5—1.2 万人口规模为宜": advice (amber), never a failure.
    assert output["C04"]["scale_status"] == "advisory" and output["C04"]["scale_population"] == 4200
    assert output["C05"]["scale_walking_radius"] > 500
    assert 300 < output["C01"]["scale_walking_radius"] < 500
    assert output["C01"]["scale_walking_time"] == pytest.approx(output["C01"]["scale_walking_radius"] / 50)
    assert output["C10"]["scale_population"] == NULL
    assert output["C01"]["cc_working_crs"] == "EPSG:4547"
    # Scale has no required rule: nothing is counted (cc_score empty), the advice is shown.
    assert output["C04"]["cc_items_applicable"] == 0 and output["C04"]["cc_score"] == NULL
    assert output["C04"]["cc_status"] == "advisory" and output["C04"]["cc_scope"] == "scale"
    assert output["C01"]["cc_status"] == "pass" and output["C04"]["cc_standard"] == "complete_community_2021"
    # Every input field is kept.
    assert set(communities.fields().names()) <= set(result["OUTPUT"].fields().names())


def _polygon_layer(crs, rows):
    """rows: (population, type, wkt or None); fields name, population (text to test bad values), type."""
    return memory_layer("Polygon?crs={}".format(crs), "测试社区",
                        [(("社区{}".format(index), population, kind), wkt)
                         for index, (population, kind, wkt) in enumerate(rows)],
                        (("name", QVariant.String), ("pop", QVariant.String), ("type", QVariant.String)))


SQUARE = "POLYGON((527000 3385000, 527400 3385000, 527400 3385400, 527000 3385400, 527000 3385000))"
BOWTIE = "POLYGON((527000 3385000, 527400 3385400, 527400 3385000, 527000 3385400, 527000 3385000))"


def test_bad_input_gives_no_data_and_keeps_every_community(cc_provider, processing_context):
    feedback = processing_context.feedback()
    messages = []
    feedback.pushWarning = lambda message: messages.append(message)  # noqa: E731 (collect the log)
    layer = _polygon_layer("EPSG:4547", [
        ("8000", "新建", SQUARE),        # fine
        ("很多", "既有", SQUARE),         # not a number
        ("-5", "既有", SQUARE),          # negative
        (None, "", SQUARE),             # missing population, empty type → default
        ("6000", "旧村", SQUARE),        # unknown type
        ("7000", "既有", None),          # no geometry
        ("7000", "既有", BOWTIE),        # invalid geometry
    ])
    result = _run(processing_context, {"COMMUNITIES": layer, "POPULATION_FIELD": "pop", "TYPE_FIELD": "type",
                                       "COMMUNITY_NAME_FIELD": "name"})
    rows = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert len(rows) == 7
    assert rows["社区0"]["scale_population"] == 8000 and rows["社区0"]["scale_status"] == "pass"
    for name in ("社区1", "社区2", "社区3"):
        assert rows[name]["scale_population"] == NULL
    radius = {f["community_name"]: f["status"] for f in result["OUTPUT_RULES"].getFeatures()
              if f["rule_id"] == "scale.walking_radius"}
    assert radius["社区5"] == "no_data"  # no geometry
    assert radius["社区6"] == "pass"  # repaired for measuring
    log = "\n".join(messages)
    assert "'pop'" in log and "not numbers" in log and "negative" in log
    assert "unknown community type" in log and "no geometry" in log and "invalid geometry" in log


def test_geographic_input_is_measured_in_metres(cc_provider, processing_context):
    # A 0.004° × 0.004° square near Wuhan (≈ 385 m × 445 m): its radius is a few hundred metres, not 0.003.
    square = "POLYGON((114.30 30.60, 114.304 30.60, 114.304 30.604, 114.30 30.604, 114.30 30.60))"
    layer = _polygon_layer("EPSG:4490", [("8000", "新建", square)])
    result = _run(processing_context, {"COMMUNITIES": layer, "POPULATION_FIELD": "pop"})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["cc_working_crs"] == "EPSG:4547"  # CGCS2000 3° zone, CM 114°E
    assert 250 < feature["scale_walking_radius"] < 350
    assert result["OUTPUT"].crs() == QgsCoordinateReferenceSystem("EPSG:4490")  # output stays in the input CRS


def test_empty_layer_and_missing_category_field_stop_with_a_message(cc_provider, processing_context):
    with pytest.raises(QgsProcessingException) as error:
        _run(processing_context, {"COMMUNITIES": _polygon_layer("EPSG:4547", []), "POPULATION_FIELD": "pop"})
    assert "no features" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        _run(processing_context, {"COMMUNITIES": _polygon_layer("EPSG:4547", [("8000", "新建", SQUARE)]),
                                  "POPULATION_FIELD": "pop", "FACILITIES": _sample("facilities")})
    assert "category field" in str(error.value)


def test_through_qgis_process_with_styled_geopackage(run_qgis_process, tmp_path):
    output = tmp_path / "scale.gpkg"
    result = run_qgis_process([
        "run", "complete_community:evaluate_scale", "--json", "--",
        "COMMUNITIES={}|layername=communities".format(SAMPLE), "POPULATION_FIELD=population",
        "COMMUNITY_NAME_FIELD=name", "TYPE_FIELD=community_type",
        "OUTPUT=ogr:dbname='{}' table=\"communities\" (geom)".format(output),
        "OUTPUT_RULES=ogr:dbname='{}' table=\"scale_rules\"".format(output)])
    assert "OUTPUT" in result.json["results"]
    layer = QgsVectorLayer("{}|layername=communities".format(output), "c", "ogr")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "scale_status"
    statuses = {f["scale_status"] for f in layer.getFeatures()}
    assert {"pass", "advisory", "no_data"} <= statuses and "fail" not in statuses
    rules = QgsVectorLayer("{}|layername=scale_rules".format(output), "r", "ogr")
    assert rules.featureCount() == layer.featureCount() * 3  # population, radius, time (no facilities given)
    widget = rules.editorWidgetSetup(rules.fields().lookupField("status"))
    assert widget.type() == "ValueMap"
