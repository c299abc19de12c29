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
        "WALKABLE_FIELD": "walkable", "AREA_FIELD": "street", "ORGANISATION": "示例规划院",
        "OUTPUT_GPKG": os.path.join(output_directory, "assessment.gpkg"),
        "OUTPUT_REPORT": os.path.join(output_directory, "report.html"),
        "OUTPUT_MAP": os.path.join(output_directory, "map.png"),
        "OUTPUT_XLSX": os.path.join(output_directory, "assessment.xlsx"),
        "OUTPUT_ATLAS": os.path.join(output_directory, "atlas.pdf"),
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


def test_the_rules_table_is_a_view_that_stores_each_rules_text_once(assessed):
    """community_rules keeps every field of the rules table, read through a view: each community's results
    joined with one row per rule (its item, names, clause and level, as the standard gives them) and with each
    distinct reason."""
    import sqlite3

    from complete_community.core import output_fields as F
    from complete_community.i18n import current_language
    from complete_community.standards import load_standard

    connection = sqlite3.connect(assessed["OUTPUT_GPKG"])
    try:
        kinds = dict(connection.execute("SELECT name, type FROM sqlite_master WHERE name IN ('community_rules', "
                                        "'community_rule_results', 'rule_descriptions', 'rule_reasons')"))
        result_columns = [row[1] for row in connection.execute("PRAGMA table_info(community_rule_results)")]
        (results,), = connection.execute("SELECT count(*) FROM community_rule_results")
        (described,), = connection.execute("SELECT count(*) FROM rule_descriptions")
        reasons = connection.execute("SELECT count(*), count(DISTINCT reason) FROM rule_reasons").fetchone()
        (results_with_reason,), = connection.execute(
            "SELECT count(*) FROM community_rule_results WHERE reason_number IS NOT NULL")
    finally:
        connection.close()
    assert kinds == {"community_rules": "view", "community_rule_results": "table", "rule_descriptions": "table",
                     "rule_reasons": "table"}
    assert reasons[0] == reasons[1] < results_with_reason  # each reason once
    assert result_columns == ["fid"] + [field.name for field in F.RULE_RESULT_FIELDS]
    national, language = load_standard(), current_language()
    assert described == len(national.rules)
    rules = _layer(assessed, "community_rules")
    assert rules.fields().names() == ["fid"] + [field.name for field in F.RULE_TABLE_FIELDS]
    assert rules.featureCount() == results == 14 * len(national.rules_in_scope("community"))
    for row in rules.getFeatures():
        rule = national.rule(row["rule_id"])
        item = national.item(rule.item)
        assert (row["item"], row["item_name"], row["rule_name"], row["clause"], row["level"]) == (
            item.code, item.name.get(language), rule.name.get(language), rule.clause, rule.level)
    failed = QgsVectorLayer(rules.source(), "failed", "ogr")
    failed.setSubsetString("level = 'required' AND status = 'fail'")  # filters on the joined columns work
    assert 0 < failed.featureCount() < results


def test_service_areas_are_drawn_around_the_communities_that_need_looking_at(assessed):
    """SERVICE_AREAS_WHERE's default: a kindergarten's streets are drawn only at the communities whose
    kindergarten access is not met (C13, walled in) or whose kindergarten item fails (C03, too small); the
    others are listed with their length served and a note."""
    communities = {f["cc_community_id"]: f for f in _layer(assessed, "communities").getFeatures()}
    needing = [f for f in communities.values() if f["kindergarten_access_status"] in ("fail", "advisory")
               or f["kindergarten_status"] == "fail"]
    assert sorted(f["cc_community_id"] for f in needing) == ["C03", "C13"]
    boxes = [f.geometry().boundingBox() for f in needing]
    for box in boxes:
        box.grow(20.0)  # a piece is kept when its bounds meet a cell (10 m) of a community's box
    areas = [f for f in _layer(assessed, "service_areas").getFeatures() if f["cc_category"] == "kindergarten"]
    drawn = {f.id() for f in areas if f.hasGeometry() and not f.geometry().isEmpty()}
    assert drawn and len(drawn) < len(areas)
    for area in areas:
        if area.id() in drawn:
            assert any(box.intersects(area.geometry().boundingBox()) for box in boxes)
        elif area["street_m"]:
            assert "lack nothing" in area["note"]


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
    header = report.tables["communities"][0]
    column = {name: header.index(name) for name in header}
    for row in rows:
        assert float(row[column["Score"]]) == pytest.approx(scores[row[0]], abs=0.05)
        feature = by_name[row[0]]  # the arithmetic behind the score, in words
        assert row[column["Items"]] == "{} items met / {} failed / {} without enough data".format(
            feature["cc_items_met"], feature["cc_items_failed"], feature["cc_items_no_data"])
        assert row[column["Advisory (建议改进)"]] == (feature["cc_advice"] or "")
        assert row[column["Street"]] == feature["street"]  # the area field's heading in words
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
    # Why the life circles are not met, counted from the life-circle tables (as the child's log says it).
    circle_statuses = [f["lc_status"] for f in _layer(assessed, "life_circles").getFeatures()]
    not_met = sum(1 for status in circle_statuses if status != "pass")
    assert not_met and "{} of {} life circles are not met. Rules not met: ".format(
        not_met, len(circle_statuses)) in text
    assert "Why the formed circles that are not met stopped growing: " in text
    assert len(report.tables["walking"]) - 1 == 14
    assert any("宠物医院" in problem for problem in report.problems)
    png = base64.b64decode(report.images[0].split(",", 1)[1])
    assert png.startswith(b"\x89PNG") and len(png) > 20000
    assert os.path.getsize(assessed["OUTPUT_MAP"]) > 20000


def _summary(path):
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    return text[text.index('<section class="summary">'):text.index("</section>")]


def test_a_citys_report_reads_the_failed_items_alone_and_sums_them_up_the_same(cc_processing, assessed, tmp_path,
                                                                               monkeypatch):
    """Above DETAIL_LIMIT communities, without a workbook, assess reads only (community, item) of the failed
    required rules (by SQL, not every rule row): the summary is the one the rule rows give."""
    import processing
    from complete_community.processing import assess
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    monkeypatch.setattr(assess, "DETAIL_LIMIT", 0)
    parameters = sample_parameters(str(tmp_path))
    for name in ("OUTPUT_XLSX", "OUTPUT_ATLAS", "OUTPUT_MAP"):
        del parameters[name]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run("complete_community:assess", parameters, context=context,
                             feedback=QgsProcessingFeedback())
    del context
    summary = _summary(results["OUTPUT_REPORT"])
    assert summary == _summary(assessed["OUTPUT_REPORT"])
    assert 'id="missing-items"' in summary and summary.count("<tr data-item=") >= 2


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
        "complete_community:export_atlas", "complete_community:export_map",
        "complete_community:evaluate_facilities", "complete_community:evaluate_walking_access"]
    # Layers of the test's own: file paths would be opened into the context's store, and QGIS 3.22 crashes
    # destroying a context that holds OGR layers a model's children used.
    inputs = {name: QgsVectorLayer("{}|layername={}".format(SAMPLE, name), name, "ogr")
              for name in ("communities", "facilities", "roads")}
    results = processing.run("complete_community:complete_community_workflow", {
        "communities": inputs["communities"], "population_field": "population", "name_field": "name",
        "type_field": "community_type", "facilities": inputs["facilities"], "category_field": "category",
        "roads": inputs["roads"],
        "map": str(tmp_path / "model_map.png"), "atlas:atlas": str(tmp_path / "model_atlas.pdf"),
        "walking:assessed_communities": "TEMPORARY_OUTPUT", "walking:walking_rules": "TEMPORARY_OUTPUT"},
        context=processing_context,
        feedback=processing_context.feedback())
    layer = results["walking:assessed_communities"]  # processing.run hands back the layer itself
    names = layer.fields().names()
    assert "cc_status" in names and "walk_status" in names  # one layer carries provision and walking
    assert os.path.getsize(tmp_path / "model_map.png") > 20000
    assert pdf_page_count(tmp_path / "model_atlas.pdf") == inputs["communities"].featureCount() == 14


def test_the_figures_by_street_agree_with_a_count_of_the_communities(assessed):
    """area_summary against a hand count over the communities layer (street field of the sample)."""
    communities = list(_layer(assessed, "communities").getFeatures())
    by_street = {}
    for feature in communities:
        by_street.setdefault(feature["street"], []).append(feature)
    assert sorted(by_street) == ["关山街道", "卓刀泉街道", "花山街道"]
    from complete_community.core import output_fields as F

    areas = {f[F.AREA.name]: f for f in _layer(assessed, "area_summary").getFeatures()}
    assert sorted(areas) == sorted(by_street)
    for street, members in by_street.items():
        row = areas[street]
        population = [f["scale_population"] for f in members]
        residents = sum(p for p in population if p is not None and not (hasattr(p, "isNull") and p.isNull()))
        complete = [f for f in members if f["cc_status"] == "pass"]
        assert row[F.AREA_COMMUNITIES.name] == len(members)
        assert row[F.AREA_COMPLETE.name] == len(complete)
        assert row[F.AREA_FAILING.name] == sum(1 for f in members if f["cc_status"] == "fail")
        assert row[F.AREA_NO_DATA.name] == sum(1 for f in members if f["cc_status"] == "no_data")
        assert row[F.AREA_RESIDENTS.name] == pytest.approx(residents)
        assert row[F.AREA_COMPLETE_RATE.name] == pytest.approx(100.0 * len(complete) / len(members), abs=0.01)
        decided = [f for f in members if f["kindergarten_status"] in ("pass", "fail", "advisory", "no_data")]
        meeting = [f for f in decided if f["kindergarten_status"] == "pass"]
        assert row[F.ITEM_SHARE.name_for("kindergarten")] == pytest.approx(100.0 * len(meeting) / len(decided),
                                                                             abs=0.01)
    assert areas["花山街道"][F.AREA_COMMUNITIES.name] == 1  # C13 alone, beyond the motorway
    assert _layer(assessed, "area_summary").renderer().type() == "graduatedSymbol"


def test_the_report_opens_with_the_summary(assessed):
    with open(assessed["OUTPUT_REPORT"], encoding="utf-8") as stream:
        text = stream.read()
    report = ReportReader()
    report.feed(text)
    assert text.index('id="conclusion"') < text.index('id="communities"')
    assert "示例规划院" in text
    areas = {row[0]: row for row in report.tables["areas"][1:]}
    assert set(areas) == {"关山街道", "卓刀泉街道", "花山街道", "Whole district"} or "全区" in areas
    shortfalls = report.tables["missing-items"][1:]
    residents = [float(row[2]) for row in shortfalls]
    assert residents == sorted(residents, reverse=True) and all(row[3] for row in shortfalls)  # advice for each
    assert len(report.problems) == len(set(report.problems))


def _sheet(path, name):
    """A sheet of the workbook read back by a real reader, OGR's XLSX driver: (header, rows of strings)."""
    from osgeo import ogr

    source = ogr.Open(path)
    assert source is not None, path
    layer = source.GetLayerByName(name)
    assert layer is not None, (name, [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())])
    definition = layer.GetLayerDefn()
    header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = [[feature.GetFieldAsString(i) if feature.IsFieldSet(i) else "" for i in range(len(header))]
            for feature in layer]
    return header, rows


def test_the_workbook_agrees_with_the_layers(assessed):
    from complete_community.core.status import status_colour, status_label
    from complete_community.standards import load_standard

    path = assessed["OUTPUT_XLSX"]
    from osgeo import ogr
    source = ogr.Open(path)
    assert [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())] == [
        "Summary", "Shortfalls", "Community × item", "Rules", "By area"]
    del source
    communities = {f["cc_community_id"]: f for f in _layer(assessed, "communities").getFeatures()}
    standard = load_standard(None)
    items = sorted((item for item in standard.items if item.scope == "community"),
                   key=lambda item: (item.number is not None, item.number or 0))
    header, rows = _sheet(path, "Community × item")
    assert header[:8] == ["Community ID", "Community", "Street", "Type", "Population", "Score", "Verdict",
                          "Missing items"]
    assert header[8:] == [item.name.en for item in items]  # the guide's table order: scale, then items 1–20
    assert len(rows) == len(communities)
    for row in rows:
        feature = communities[row[0]]
        assert row[2] == feature["street"] and row[6] == status_label(feature["cc_status"])
        for item, cell in zip(items, row[8:]):
            assert cell == status_label(feature["{}_status".format(item.code)]), (row[0], item.code)
    rules = list(_layer(assessed, "community_rules").getFeatures())
    header, rows = _sheet(path, "Rules")
    assert header[6:10] == ["Measured", "Threshold", "Unit", "Status"] and len(rows) == len(rules)
    assert [row[9] for row in rows] == [status_label(rule["status"]) for rule in rules]
    from complete_community.core import output_fields as F

    areas = {f[F.AREA.name]: f for f in _layer(assessed, "area_summary").getFeatures()}
    header, rows = _sheet(path, "By area")
    assert [row[0] for row in rows][:-1] == sorted(areas) and len(rows) == len(areas) + 1
    for row in rows[:-1]:
        assert int(row[1]) == areas[row[0]][F.AREA_COMMUNITIES.name]
        assert int(row[3]) == areas[row[0]][F.AREA_COMPLETE.name]
        assert float(row[6]) * 100 == pytest.approx(areas[row[0]][F.AREA_COMPLETE_RATE.name], abs=0.01)
    # Cells are filled with their status colour (read from the file itself: OGR does not report fills).
    import re
    import zipfile
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml").decode("utf-8")
        sheet = archive.read("xl/worksheets/sheet3.xml").decode("utf-8")
        strings = re.findall(r"<t[^>]*>([^<]*)</t>", archive.read("xl/sharedStrings.xml").decode("utf-8"))
    fills = re.findall(r"<fill>(.*?)</fill>", styles)
    xfs = re.findall(r"<xf [^>]*?fillId=\"(\d+)\"", styles.split("<cellXfs")[1])
    failing = strings.index(status_label("fail"))
    style = re.search(r'<c r="[A-Z]+\d+" s="(\d+)" t="s"><v>{}</v>'.format(failing), sheet).group(1)
    assert status_colour("fail").lstrip("#").upper() in fills[int(xfs[int(style)])]


def pdf_page_count(path):
    """Pages of a PDF (its page objects), read without a PDF library."""
    import re

    with open(path, "rb") as stream:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", stream.read()))


def test_the_atlas_has_one_page_per_community(assessed):
    assert pdf_page_count(assessed["OUTPUT_ATLAS"]) == _layer(assessed, "communities").featureCount() == 14


def test_the_atlas_through_qgis_process_reports_progress_page_by_page(run_qgis_process, assessed, tmp_path):
    gpkg = assessed["OUTPUT_GPKG"]
    output = tmp_path / "atlas.pdf"
    result = run_qgis_process(["run", "complete_community:export_atlas", "--"] + [
        "{}={}|layername={}".format(key, gpkg, table) for key, table in (
            ("INPUT", "communities"), ("RULES", "community_rules"), ("ROUTES", "walking_routes"),
            ("FACILITIES", "facilities"), ("SERVICE_AREAS", "service_areas"))] + [
        "NAME_FIELD=name", "DPI=60", "OUTPUT={}".format(output)])
    assert pdf_page_count(output) == _layer(assessed, "communities").featureCount() == 14
    assert "PAGES:\t14" in result.stdout
    assert "10...20..." in result.stdout and "...90...100" in result.stdout  # progress, page by page


def test_the_atlas_tables_show_the_layers_values_in_the_status_colours(cc_processing, assessed):  # noqa: ARG001
    """The two tables of a page, as AtlasPages fills them, against the community and its rules."""
    from qgis.core import QgsFeatureRequest

    from complete_community.core.describe import level_label
    from complete_community.core.status import status_colour, status_label
    from complete_community.report.atlas_layout import (MAX_RULE_ROWS, SHOWN_STATUSES, AtlasContent, item_rows,
                                                        read_rules, rule_rows)

    communities, rules = _layer(assessed, "communities"), _layer(assessed, "community_rules")
    items = [("kindergarten", "一个幼儿园", "3.1-2"), ("nursery", "一个托儿所", "3.1-3"), ("scale", "规模", "2.2")]
    content = AtlasContent("t", "c", items, required_items={"kindergarten", "nursery"})
    by_community = read_rules(rules, items)
    for feature in communities.getFeatures(QgsFeatureRequest().setFilterExpression("\"cc_community_id\" IN ('C03', 'C09')")):
        identifier = feature["cc_community_id"]
        rows = item_rows(feature, content, [30, 10, 15])
        for (code, _name, _clause), row in zip(items, rows):
            status = feature["{}_status".format(code)]
            assert row[2].content() == status_label(status)
            assert row[2].backgroundColor().name() == status_colour(status)
        assert rows[0][1].content() == rows[1][1].content() == level_label("required")  # 应: an item with a required rule
        assert rows[2][1].content().replace("\n", "") == level_label("recommended")
        expected = [rule for rule in rules.getFeatures() if rule["community_id"] == identifier
                    and rule["status"] in SHOWN_STATUSES]
        lines = by_community[identifier]
        assert sorted(line.rule_name for line in lines) == sorted(rule["rule_name"] for rule in expected)
        shown = rule_rows(lines, [18, 30, 12, 12, 12, 15])
        assert len(shown) == min(len(lines), MAX_RULE_ROWS) + (len(lines) > MAX_RULE_ROWS)
        for line, row in zip(lines, shown):
            assert row[-1].content() == status_label(line.status)
            assert row[-1].backgroundColor().name() == status_colour(line.status)
    assert {line.item for line in by_community["C03"] if line.status == "fail"} == {"kindergarten"}


def test_chinese_table_text_wraps_between_characters_and_english_between_words():
    from complete_community.report.atlas_layout import wrap_text

    wrapped = wrap_text("老年人步行到达养老设施、医疗设施、小超市、菜市场", 20, 6.5)
    assert wrapped.replace("\n", "") == "老年人步行到达养老设施、医疗设施、小超市、菜市场" and wrapped.count("\n") >= 2
    assert max(len(line) for line in wrapped.split("\n")) <= 9
    english = wrap_text("Walking distance to the nearest kindergarten", 20, 6.5)
    assert english.replace("\n", " ") == "Walking distance to the nearest kindergarten"
    assert all(not line.startswith(" ") for line in english.split("\n")) and "\n" in english


def test_the_atlas_one_file_per_community_and_cancelled(cc_processing, assessed, tmp_path):  # noqa: ARG001
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    gpkg = assessed["OUTPUT_GPKG"]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {"INPUT": "{}|layername=communities".format(gpkg),
                  "RULES": "{}|layername=community_rules".format(gpkg), "DPI": 50, "PAGE_FORMAT": 1,
                  "OUTPUT": str(tmp_path / "atlas.pdf"), "OUTPUT_FOLDER": str(tmp_path / "pages")}
    results = processing.run("complete_community:export_atlas", parameters, context=context,
                             feedback=QgsProcessingFeedback())
    assert results["PAGES"] == 14 and pdf_page_count(results["OUTPUT"]) == 14
    names = sorted(os.listdir(tmp_path / "pages"))
    communities = {f["cc_community_id"]: f["cc_community_name"] for f in _layer(assessed, "communities").getFeatures()}
    assert names == sorted("{}_{}.png".format(key, value) for key, value in communities.items())
    before = (tmp_path / "atlas.pdf").read_bytes()

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: feedback.cancel() if progress > 10 else None)
    parameters.pop("OUTPUT_FOLDER")
    try:
        processing.run("complete_community:export_atlas", dict(parameters, DPI=60), context=context,
                       feedback=feedback)
    except QgsProcessingException:
        pass  # a cancelled export may also report itself as an error
    assert feedback.isCanceled() and (tmp_path / "atlas.pdf").read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["atlas.pdf", "pages"]


def test_figures_by_area_polygons(cc_processing, assessed):  # noqa: ARG001
    """summarize_by_area with an area polygon layer: communities go to the polygon holding a point inside them;
    an area without communities is listed with 0; communities outside every area are kept under '(no area)'."""
    import processing
    from memory_layers import memory_layer
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from complete_community.core import output_fields as F

    communities = _layer(assessed, "communities")
    extent = communities.extent()
    middle = (extent.xMinimum() + extent.xMaximum()) / 2
    west = "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
        extent.xMinimum() - 10, extent.yMinimum() - 10, middle, extent.yMaximum() + 10)
    empty = "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"
    areas = memory_layer("Polygon?crs=EPSG:4547&field=name:string", "streets", [(["西区"], west), (["空区"], empty)])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run("complete_community:summarize_by_area", {
        "INPUT": communities, "AREAS": areas, "AREA_NAME_FIELD": "name", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=context, feedback=QgsProcessingFeedback())
    rows = {f[F.AREA.name]: f for f in result["OUTPUT"].getFeatures()}
    inside_west = sum(1 for f in communities.getFeatures() if f.geometry().pointOnSurface().asPoint().x() < middle)
    assert rows["西区"][F.AREA_COMMUNITIES.name] == inside_west > 0
    assert rows["空区"][F.AREA_COMMUNITIES.name] == 0
    outside = [name for name in rows if name not in ("西区", "空区")]
    assert len(outside) == 1 and rows[outside[0]][F.AREA_COMMUNITIES.name] == 14 - inside_west
    assert sum(f[F.AREA_COMMUNITIES.name] for f in rows.values()) == 14


def test_the_later_steps_read_nothing_again_and_agree_with_the_algorithms_alone(cc_provider, tmp_path,
                                                                              monkeypatch):  # noqa: ARG001
    """assess lends the communities and facilities its evaluation read to its life-circle step, and the facility
    points to its service-areas step: each layer is read once per run, and the circles and service areas are those
    evaluate_life_circle and service_areas draw alone (reading the layers themselves)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from complete_community.core.walking import category_limits
    from complete_community.processing import community_evaluation
    from complete_community.processing.inputs.facilities import FacilityReader
    from complete_community.processing.service_areas import SHAPE_STREETS
    from complete_community.standards import load_standard

    reads, facility_reads = [], []

    class CountedReader(community_evaluation.CommunityReader):
        def read(self):
            reads.append(self)
            return super().read()

    read_facilities = FacilityReader.read

    def counted_facility_read(reader, source, layer, *arguments, **keywords):
        facility_reads.append(layer)
        return read_facilities(reader, source, layer, *arguments, **keywords)

    monkeypatch.setattr(community_evaluation, "CommunityReader", CountedReader)
    monkeypatch.setattr(FacilityReader, "read", counted_facility_read)
    parameters = sample_parameters(str(tmp_path))
    for name in ("FACILITY_TOLERANCE", "OUTPUT_MAP", "OUTPUT_XLSX", "OUTPUT_ATLAS", "AREA_FIELD"):
        parameters.pop(name)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run("complete_community:assess", parameters, context=context,
                             feedback=QgsProcessingFeedback())
    assert len(reads) == 1
    # The evaluation's own read; classify_facilities reads the layers its own way.
    assert facility_reads == ["facilities", "facility_areas"]
    alone = processing.run("complete_community:evaluate_life_circle", dict(OUTPUT="TEMPORARY_OUTPUT", **{
        name: parameters[name] for name in ("COMMUNITIES", "COMMUNITY_ID_FIELD", "COMMUNITY_NAME_FIELD",
                                            "POPULATION_FIELD", "TYPE_FIELD", "FACILITIES", "CATEGORY_FIELD",
                                            "FACILITY_AREAS", "AREA_CATEGORY_FIELD", "NETWORK", "WALKABLE_FIELD")}),
                           context=context, feedback=QgsProcessingFeedback())["OUTPUT"]
    assert len(reads) == 2

    def rows(layer, names):
        return sorted(([feature[name] for name in names], feature.geometry().asWkt())
                      for feature in layer.getFeatures())

    in_assess = _layer(results, "life_circles")
    names = alone.fields().names()
    assert [name for name in in_assess.fields().names() if name != "fid"] == names
    assert rows(in_assess, names) == rows(alone, names)
    # assess's default service areas: streets of the community walking categories, around the communities that
    # lack them.
    categories = ",".join(code for code, limit in category_limits(load_standard()).items()
                          if limit.scope == "community" and limit.limit_m is not None)
    areas_alone = processing.run("complete_community:service_areas", dict(
        OUTPUT="TEMPORARY_OUTPUT", SHAPE=SHAPE_STREETS, CATEGORIES=categories,
        AROUND_NOT_MET="{}|layername=communities".format(results["OUTPUT_GPKG"]), **{
            name: parameters[name] for name in ("FACILITIES", "CATEGORY_FIELD", "NETWORK", "WALKABLE_FIELD")}),
        context=context, feedback=QgsProcessingFeedback())["OUTPUT"]
    assert facility_reads == ["facilities", "facility_areas", "facilities", "facility_areas", "facilities"]
    in_assess = _layer(results, "service_areas")
    names = areas_alone.fields().names()
    assert [name for name in in_assess.fields().names() if name != "fid"] == names
    assert in_assess.featureCount() > 0
    assert rows(in_assess, names) == rows(areas_alone, names)
    del context


def test_table_rows_read_tables_and_views_in_feature_id_order(cc_processing):  # noqa: ARG001
    """The report reads community_rules as a table or as a view (a view has no rowid: its fid orders it)."""
    import sqlite3

    from complete_community.processing.assess import FEATURE_ID, table_rows

    database = sqlite3.connect(":memory:")
    database.execute("CREATE TABLE results (fid INTEGER PRIMARY KEY, community_id TEXT, item TEXT, status TEXT)")
    database.executemany("INSERT INTO results (fid, community_id, item, status) VALUES (?, ?, ?, ?)", [
        (1, "C2", "nursery", "fail"), (2, "C1", "park", "fail"), (3, "C2", "nursery", "fail"),
        (4, "C1", "kindergarten", "fail"), (5, "C1", "park", "pass")])
    database.execute("CREATE VIEW rules AS SELECT r.fid AS fid, r.community_id, r.item, r.status FROM results AS r "
                     "ORDER BY r.item DESC")
    for table in ("results", "rules"):
        assert [row[0] for row in table_rows(database, table, [FEATURE_ID, "item", "no_such_column", ""])] == [
            1, 2, 3, 4, 5]
        assert list(table_rows(database, table, ["community_id", "item"], where="status = ?", arguments=("fail",),
                               distinct=True)) == [("C2", "nursery"), ("C1", "park"), ("C1", "kindergarten")]
    assert list(table_rows(database, "results", ["item", "no_such_column", ""]))[0] == ("nursery", None, None)
