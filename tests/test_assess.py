"""assess: one run → GeoPackage of styled layers, HTML report and map; checked against the sample district's
intended verdicts, the report's numbers against the layers, and through qgis_process and the shipped model."""

import base64
import os
from html.parser import HTMLParser

import pytest
from qgis.core import QgsVectorLayer

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")


def sample_parameters(output_directory):
    def layer(name):
        return "{}|layername={}".format(SAMPLE, name)

    return {
        "COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
        "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
        "FACILITIES": layer("facilities"), "CATEGORY_FIELD": "category", "FACILITY_AREAS": layer("facility_areas"),
        "AREA_CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10, "NETWORK": layer("roads"),
        "WALKABLE_FIELD": "walkable", "OUTPUT_GPKG": os.path.join(output_directory, "assessment.gpkg"),
        "OUTPUT_REPORT": os.path.join(output_directory, "report.html"),
        "OUTPUT_MAP": os.path.join(output_directory, "map.png"),
    }


class ReportReader(HTMLParser):
    """Collects the report's tables (by id) as rows of cell texts, the cards, and the embedded images."""

    def __init__(self):
        super().__init__()
        self.tables, self.cards, self.images, self.problems = {}, {}, [], []
        self._table = self._row = self._cell = self._card = None
        self._in_problems = False

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "table" and attributes.get("id"):
            self._table = self.tables.setdefault(attributes["id"], [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "div" and attributes.get("class") == "card":
            self._card = (attributes.get("id"), [])
        elif tag == "img":
            self.images.append(attributes.get("src", ""))
        elif tag == "ul" and attributes.get("id") == "problems":
            self._in_problems = True

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = self._row = None
        elif tag == "div" and self._card is not None and self._card[1]:
            self.cards[self._card[0]] = "".join(self._card[1]).strip()
            self._card = None
        elif tag == "ul":
            self._in_problems = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._card is not None:
            self._card[1].append(data)
        if self._in_problems and data.strip():
            self.problems.append(data.strip())


@pytest.fixture(scope="module")
def assessed(cc_processing, tmp_path_factory):  # noqa: ARG001
    """One assess run of the sample district (paths only: no QGIS object outlives the module)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    directory = str(tmp_path_factory.mktemp("assess"))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results = processing.run("complete_community:assess", sample_parameters(directory), context=context,
                             feedback=feedback)
    del context
    return {key: value for key, value in results.items() if isinstance(value, (str, list))}


def _layer(results, table):
    layer = QgsVectorLayer("{}|layername={}".format(results["OUTPUT_GPKG"], table), table, "ogr")
    assert layer.isValid(), table
    return layer


def test_the_complete_verdict_is_the_sample_districts_intent(assessed):
    expected = {f["community_id"]: f["expected_status"] for f in QgsVectorLayer(
        "{}|layername=expected_outcomes".format(SAMPLE), "e", "ogr").getFeatures() if f["rule_id"] == "cc_status"}
    communities = {f["cc_community_id"]: f for f in _layer(assessed, "communities").getFeatures()}
    assert len(communities) == 14
    for community, status in expected.items():
        assert communities[community]["cc_status"] == status, (community, communities[community]["cc_missing"])
    # 2.2 "以居民步行 5—10 分钟到达幼儿园…为原则": a principle. C13's walled-in kindergarten is advice (amber);
    # C13 fails on the bus stop, "社区居民步行 10 分钟可以到达公交站点" (2.3 表 第11项), which is required.
    c13 = communities["C13"]
    assert c13["kindergarten_status"] == "pass" and c13["kindergarten_access_status"] == "advisory"
    assert c13["walking_system_status"] == "fail" and c13["cc_advice"]
    # "原则上单个居住社区以 0.5—1.2 万人口规模为宜": advice, never a failure.
    assert communities["C05"]["scale_status"] == "advisory" and communities["C05"]["cc_status"] == "pass"
    # One definition of the score: items, not rules; no_data apart.
    from complete_community.standards import load_standard

    national = load_standard()
    for feature in communities.values():
        met, failed, no_data = (feature["cc_items_" + key] for key in ("met", "failed", "no_data"))
        assert met + failed + no_data == feature["cc_items_applicable"] == 20
        if met + failed:
            assert feature["cc_score"] == pytest.approx(round(100.0 * met / (met + failed), 1))
        assert feature["cc_scope"] == "1–20; scale"  # scale is evaluated, but has no required rule to count
        assert (feature["cc_standard"], feature["cc_standard_version"], feature["cc_standard_hash"]) == (
            national.id, national.version, national.content_hash)
    assert communities["C10"]["cc_items_no_data"] > 0 and communities["C10"]["cc_score"] == 100
    # Every table of the results says which standard produced it, in the GeoPackage's own metadata.
    from complete_community.styles import standard_of

    for table in ("communities", "community_rules", "walking_routes", "life_circles", "life_circle_rules",
                  "service_areas", "facilities", "facility_areas", "facilities_not_counted"):
        recorded = standard_of(_layer(assessed, table))
        assert (recorded.get("id"), recorded.get("version"), recorded.get("sha256")) == (
            national.id, national.version, national.content_hash), table


def test_every_layer_opens_styled_by_status(assessed):
    for table, field in (("communities", "cc_status"), ("life_circles", "lc_status")):
        layer = _layer(assessed, table)
        assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == field
        colours = {category.value(): category.symbol().color().name() for category in layer.renderer().categories()}
        assert colours["pass"] == "#1a9641" and colours["fail"] == "#d7191c" and colours["no_data"] == "#9e9e9e"
        assert colours["advisory"] == "#fdae61"  # amber: advice is never red
    for table in ("service_areas", "facilities", "facility_areas"):
        assert _layer(assessed, table).renderer().classAttribute() == "cc_category"
    rules = _layer(assessed, "community_rules")
    assert rules.editorWidgetSetup(rules.fields().lookupField("status")).type() == "ValueMap"
    for table in ("walking_routes", "facilities_not_counted", "life_circle_rules"):
        assert _layer(assessed, table).featureCount() > 0


def test_the_report_agrees_with_the_layers(assessed):
    with open(assessed["OUTPUT_REPORT"], encoding="utf-8") as stream:
        text = stream.read()
    assert "http://" not in text and "https://" not in text  # opens without a network
    report = ReportReader()
    report.feed(text)
    communities = list(_layer(assessed, "communities").getFeatures())
    statuses = [f["cc_status"] for f in communities]
    assert report.cards["total"].startswith("14")
    for status in ("pass", "fail", "no_data"):
        assert report.cards["count-" + status].startswith(str(statuses.count(status)))
    advised = sum(1 for f in communities if f["cc_advice"])
    assert advised and report.cards["count-advice"].startswith(str(advised))  # counted apart, in amber
    rows = report.tables["communities"][1:]
    assert len(rows) == 14
    scores = {f["cc_community_name"]: f["cc_score"] for f in communities}
    by_name = {f["cc_community_name"]: f for f in communities}
    for row in rows:
        assert float(row[3]) == pytest.approx(scores[row[0]], abs=0.05)
        feature = by_name[row[0]]  # the arithmetic behind the score, in words
        assert row[4] == "{} items met / {} failed / {} without enough data".format(
            feature["cc_items_met"], feature["cc_items_failed"], feature["cc_items_no_data"])
        assert row[7] == (feature["cc_advice"] or "")
    assert feature["cc_standard_hash"] in text and "complete_community_2021" in text  # the footer
    # Most frequently missing items: each count is the number of communities failing a required rule of it.
    rules = list(_layer(assessed, "community_rules").getFeatures())
    failing = {}
    for rule in rules:
        if rule["level"] == "required" and rule["status"] == "fail":
            failing.setdefault(rule["item_name"], set()).add(rule["community_id"])
    listed = {row[0]: int(row[1]) for row in report.tables["missing-items"][1:]}
    assert listed == {name: len(ids) for name, ids in failing.items()}
    assert len(report.tables["life-circles"]) - 1 == _layer(assessed, "life_circles").featureCount()
    assert len(report.tables["walking"]) - 1 == 14
    assert any("宠物医院" in problem for problem in report.problems)
    png = base64.b64decode(report.images[0].split(",", 1)[1])
    assert png.startswith(b"\x89PNG") and len(png) > 20000
    assert os.path.getsize(assessed["OUTPUT_MAP"]) > 20000


def test_through_qgis_process(run_qgis_process, tmp_path):
    arguments = ["run", "complete_community:assess", "--json", "--"]
    arguments += ["{}={}".format(key, value) for key, value in sample_parameters(str(tmp_path)).items()
                  if key != "OUTPUT_MAP"]
    result = run_qgis_process(arguments)
    assert os.path.exists(result.json["results"]["OUTPUT_REPORT"])
    layer = QgsVectorLayer("{}|layername=communities".format(tmp_path / "assessment.gpkg"), "c", "ogr")
    assert layer.featureCount() == 14 and layer.renderer().classAttribute() == "cc_status"


def test_the_shipped_model_is_in_the_toolbox_and_runs(cc_provider, processing_context, tmp_path):
    import processing
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("complete_community:complete_community_workflow")
    assert model is not None and model.group()
    assert [model.childAlgorithm(child).algorithmId() for child in sorted(model.childAlgorithms())] == [
        "complete_community:export_map", "complete_community:evaluate_facilities",
        "complete_community:evaluate_walking_access"]
    # Layers of the test's own: file paths would be opened into the context's store, and QGIS 3.22 crashes
    # destroying a context that holds OGR layers a model's children used.
    inputs = {name: QgsVectorLayer("{}|layername={}".format(SAMPLE, name), name, "ogr")
              for name in ("communities", "facilities", "roads")}
    results = processing.run("complete_community:complete_community_workflow", {
        "communities": inputs["communities"], "population_field": "population", "name_field": "name",
        "type_field": "community_type", "facilities": inputs["facilities"], "category_field": "category",
        "roads": inputs["roads"],
        "map": str(tmp_path / "model_map.png"),
        "walking:assessed_communities": "TEMPORARY_OUTPUT", "walking:walking_rules": "TEMPORARY_OUTPUT"},
        context=processing_context,
        feedback=processing_context.feedback())
    layer = results["walking:assessed_communities"]  # processing.run hands back the layer itself
    names = layer.fields().names()
    assert "cc_status" in names and "walk_status" in names  # one layer carries provision and walking
    assert os.path.getsize(tmp_path / "model_map.png") > 20000
