"""The desktop interface: guesses for the assessment dialog, the toolbar and menu actions, the dialog itself,
the 社区评估卡 / scorecard dock on a selected community, Chinese labels, and a clean unload and reload.

GUI tests drive the plugin through a recording wrapper around pytest-qgis' `qgis_iface` (it remembers the
menu entries, toolbar buttons and docks the plugin adds and removes) with a real layers panel, offscreen.
Result layers come from one `assess` run of the sample district per module (paths only: no layer object
outlives a test)."""

import csv
import importlib.util
import os
import re
import subprocess

import pytest
from qgis.core import (QgsApplication, QgsFeature, QgsProcessingParameterFeatureSink, QgsProject, QgsSettings,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTranslator
from qgis.PyQt.QtWidgets import QAction, QDockWidget

from complete_community.ui.guess import (LINE, NUMBER, POINT, POLYGON, TEXT, FieldInfo, LayerInfo, guess_parameters,
                                         match_strength, normalise)

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
GUI_TSV = os.path.join(REPOSITORY, "build", "gui_zh.tsv")
ASSESS = "complete_community:assess"
FALLBACK = "complete_community:evaluate_facilities"
SAMPLE_LAYERS = ("communities", "facilities", "facility_areas", "roads", "population_points")


def fields(*pairs):
    return tuple(FieldInfo(name, kind) for name, kind in pairs)


# ------------------------------------------------------------------------------------ guesses (pure)

def test_names_are_normalised_and_matched_as_words():
    assert normalise(" Community ID ") == "community_id"
    assert normalise("communityId") == "community_id"
    assert normalise("ＰＯＰ") == "pop"
    assert match_strength("population", "population") == 3
    assert match_strength("total_building_area", "building_area") == 2
    assert match_strength("社区人口", "人口") == 2
    assert match_strength("popular", "pop") == 0 and match_strength("width", "id") == 0


def test_chinese_layer_and_field_names():
    layers = [
        LayerInfo("roads", "道路中心线", LINE, fields(("名称", TEXT), ("道路等级", TEXT))),
        LayerInfo("poi", "POI 设施点", POINT, fields(("名称", TEXT), ("类别", TEXT), ("建筑面积", NUMBER),
                                                   ("用地面积", NUMBER), ("班级数", NUMBER), ("格口数", NUMBER))),
        LayerInfo("xiaoqu", "小区", POLYGON, fields(("编号", TEXT), ("小区名称", TEXT), ("人口", NUMBER), ("户数", NUMBER),
                                                  ("类型", TEXT), ("总建筑面积", NUMBER), ("停车位", NUMBER),
                                                  ("充电车位", NUMBER), ("无障碍车位", NUMBER), ("日均投递量", NUMBER))),
    ]
    guess = guess_parameters(layers)
    assert guess == {
        "COMMUNITIES": "xiaoqu", "COMMUNITY_ID_FIELD": "编号", "COMMUNITY_NAME_FIELD": "小区名称",
        "POPULATION_FIELD": "人口", "HOUSEHOLDS_FIELD": "户数", "TYPE_FIELD": "类型",
        "TOTAL_BUILDING_AREA_FIELD": "总建筑面积", "PARKING_SPACES_FIELD": "停车位", "CHARGING_SPACES_FIELD": "充电车位",
        "ACCESSIBLE_PARKING_FIELD": "无障碍车位", "DAILY_DELIVERIES_FIELD": "日均投递量",
        "FACILITIES": "poi", "CATEGORY_FIELD": "类别", "BUILDING_AREA_FIELD": "建筑面积", "LAND_AREA_FIELD": "用地面积",
        "CLASSES_FIELD": "班级数", "LOCKER_CELLS_FIELD": "格口数", "NETWORK": "roads",
    }


def test_community_layer_is_recognised_by_its_name_or_its_fields():
    named = [LayerInfo("a", "buildings", POLYGON, fields(("height", NUMBER))),
             LayerInfo("b", "居委会边界2023", POLYGON, fields(("pop", NUMBER), ("hh", NUMBER), ("category", TEXT)))]
    guess = guess_parameters(named)
    assert (guess["COMMUNITIES"], guess["POPULATION_FIELD"], guess["HOUSEHOLDS_FIELD"],
            guess["TYPE_FIELD"]) == ("b", "pop", "hh", "category")
    by_fields = [LayerInfo("a", "parks", POLYGON, fields(("area", NUMBER))),
                 LayerInfo("b", "layer_7", POLYGON, fields(("NAME", TEXT), ("Population", NUMBER),
                                                           ("Households", NUMBER)))]
    assert guess_parameters(by_fields)["COMMUNITIES"] == "b"


def test_a_field_of_the_wrong_kind_is_never_guessed():
    layers = [LayerInfo("c", "社区", POLYGON, fields(("人口", TEXT), ("户数", TEXT), ("类型", NUMBER),
                                                   ("name", NUMBER), ("population_density", NUMBER),
                                                   ("编号", NUMBER)))]
    guess = guess_parameters(layers)
    assert guess == {"COMMUNITIES": "c", "COMMUNITY_ID_FIELD": "编号"}  # an id may be a number; the rest may not


def test_density_and_ratio_fields_are_no_counts():
    layers = [LayerInfo("c", "community", POLYGON, fields(("人口密度", NUMBER), ("parking_ratio", NUMBER),
                                                          ("常住人口", NUMBER), ("停车位", NUMBER)))]
    guess = guess_parameters(layers)
    assert guess["POPULATION_FIELD"] == "常住人口" and guess["PARKING_SPACES_FIELD"] == "停车位"
    alone = guess_parameters([LayerInfo("c", "community", POLYGON, fields(("人口密度", NUMBER),))])
    assert "POPULATION_FIELD" not in alone


def test_no_polygon_layer_means_no_community_guess():
    layers = [LayerInfo("poi", "facilities", POINT, fields(("category", TEXT), ("population", NUMBER))),
              LayerInfo("roads", "roads", LINE, fields(("highway", TEXT),)),
              LayerInfo("table", "社区统计表", "none", fields(("人口", NUMBER),))]
    guess = guess_parameters(layers)
    assert "COMMUNITIES" not in guess and "POPULATION_FIELD" not in guess and "TYPE_FIELD" not in guess
    assert guess["FACILITIES"] == "poi" and guess["NETWORK"] == "roads"
    assert guess_parameters([]) == {}


def test_each_layer_serves_one_role_and_outputs_are_not_inputs():
    layers = [
        LayerInfo("rules", "community_rules", "none", fields(("community_id", TEXT), ("rule_id", TEXT))),
        LayerInfo("sa", "service_areas", POLYGON, fields(("cc_category", TEXT), ("limit_m", NUMBER))),
        LayerInfo("result", "community_facilities", POLYGON, fields(("name", TEXT), ("population", NUMBER),
                                                                    ("cc_status", TEXT))),
        LayerInfo("lc", "15分钟生活圈", POLYGON, fields(("名称", TEXT), ("人口", NUMBER))),
        LayerInfo("raw", "communities", POLYGON, fields(("name", TEXT), ("population", NUMBER))),
        LayerInfo("parks", "公园绿地", POLYGON, fields(("类型", TEXT),)),
        LayerInfo("homes", "住宅楼栋", POINT, fields(("居住人口", NUMBER),)),
        LayerInfo("poi", "设施", POINT, fields(("类型", TEXT),)),
    ]
    guess = guess_parameters(layers)
    assert guess["COMMUNITIES"] == "raw"
    assert (guess["LIFE_CIRCLES"], guess["LIFE_CIRCLE_NAME_FIELD"], guess["LIFE_CIRCLE_POPULATION_FIELD"]) == (
        "lc", "名称", "人口")
    assert (guess["FACILITY_AREAS"], guess["AREA_CATEGORY_FIELD"]) == ("parks", "类型")
    assert (guess["ORIGINS"], guess["ORIGIN_POPULATION_FIELD"]) == ("homes", "居住人口")
    assert (guess["FACILITIES"], guess["CATEGORY_FIELD"]) == ("poi", "类型")
    # Only the parameters an algorithm has: evaluate_facilities has no network, origins or life circles.
    limited = guess_parameters(layers, ["COMMUNITIES", "POPULATION_FIELD", "FACILITIES", "CATEGORY_FIELD"])
    assert limited == {"COMMUNITIES": "raw", "POPULATION_FIELD": "population", "FACILITIES": "poi",
                       "CATEGORY_FIELD": "类型"}


# ------------------------------------------------------------------------------------- scorecard (pure)

def test_scorecard_from_plain_values(en_locale):  # noqa: ARG001 (English unit words)
    from complete_community.standards import load_standard
    from complete_community.ui.scorecard import build_scorecard, quantity_text, threshold_text

    attributes = {"cc_community_id": "X1", "community_id": "other", "name": "测试社区", "cc_score": 94.4,
                  "cc_status": "fail", "cc_missing": "Public green space", "cc_items_met": 17,
                  "cc_items_failed": 1, "cc_items_no_data": 2, "cc_advice": "Walk to the kindergarten",
                  "cc_standard": "walking_required", "cc_standard_version": "v", "cc_standard_hash": "abc",
                  "kindergarten_dist_m": 812.4, "kindergarten_walk_min": 16.25,
                  "kindergarten_access_status": "advisory",
                  "health_station_dist_m": None, "health_station_access_status": "no_data"}
    rows = [
        {"community_id": "X1", "item": "scale", "rule_id": "scale.population", "level": "recommended",
         "measured": 4200, "threshold_min": 5000, "threshold_max": 12000, "unit": "person", "status": "fail",
         "reason": "Resident population 4200 persons outside 5000–12000 persons"},
        {"community_id": "X1", "item": "public_green", "rule_id": "public_green.park_sports_share", "level": "required",
         "measured": 0.2, "threshold_min": 0.1, "threshold_max": 0.15, "unit": "ratio", "status": "fail",
         "reason": "20% > 15%"},
    ]
    card = build_scorecard(attributes, rows, None, load_standard(), "en")
    assert (card.community_id, card.name, card.score, card.status) == ("X1", "测试社区", 94.4, "fail")
    # The arithmetic behind the score, the advice apart from the failures, and the standard that produced it.
    assert card.arithmetic == "17 items met / 1 failed / 2 without enough data"
    assert card.advice == "Walk to the kindergarten" and card.standard_id == "walking_required"
    from complete_community.ui.scorecard import standard_reference

    assert standard_reference(attributes) == "walking_required"
    assert standard_reference({"cc_standard_file": __file__, "cc_standard": "x"}) == __file__
    assert standard_reference({}) is None
    population = card.rule("scale.population")
    assert (population.measured_text, population.requirement_text) == ("4200 persons", "5000–12000 persons")
    share = card.rule("public_green.park_sports_share")
    assert (share.measured_text, share.requirement_text) == ("20%", "10%–15%")
    assert card.item("public_green").status == "fail"  # from its rules: the layer has no public_green_status
    assert card.item("kindergarten") is None  # not evaluated on this layer
    assert [(line.category, line.distance_m, line.limit_m) for line in card.walking] == [
        ("kindergarten", 812.4, 500.0), ("health_station", None, 500.0)]
    # A gap where the nearest facility is beyond the rule's limit (advisory: the walk is recommended in the
    # national guide); none where the distance is unknown; a failed item is a gap that fails.
    assert [(gap.key, gap.categories, gap.reason, gap.status) for gap in card.gaps] == [
        ("kindergarten", ("kindergarten",), "nearest one 812 m away (limit 500 m)", "advisory"),
        ("public_green", ("park", "pocket_park", "green_space"), "20% > 15%", "fail")]
    assert quantity_text(2199.999, "m2", 2200) == "2199.999 m²"  # never rounded onto the threshold
    assert threshold_text(None, 500, "m") == "≤ 500 m" and threshold_text(None, None) == ""


# ------------------------------------------------------------------------------------------ fixtures

class RecordingIface:
    """pytest-qgis' iface with a real layers panel, recording what the plugin adds to the interface."""

    def __init__(self, iface, view):
        self._iface = iface
        self._view = view
        self.menu_entries = []  # (menu name, action)
        self.toolbar = []
        self.docks = []

    def __getattr__(self, name):
        return getattr(self._iface, name)

    def addPluginToMenu(self, name, action):  # noqa: N802 (QGIS API)
        self.menu_entries.append((name, action))

    def removePluginMenu(self, name, action):  # noqa: N802
        self.menu_entries.remove((name, action))

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar.append(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar.remove(action)

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks.append(dock)
        self._iface.mainWindow().addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks.remove(dock)
        self._iface.mainWindow().removeDockWidget(dock)

    def layerTreeView(self):  # noqa: N802
        return self._view

    def activeLayer(self):  # noqa: N802
        return self._view.currentLayer()

    def mapCanvas(self):  # noqa: N802
        return self._iface.mapCanvas()

    def mainWindow(self):  # noqa: N802
        return self._iface.mainWindow()

    def messageBar(self):  # noqa: N802
        return self._iface.messageBar()


def flush_deletions():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def iface(qgis_iface, qgis_new_project):  # noqa: ARG001
    from qgis.core import QgsLayerTreeModel
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view)
    view.setModel(model)
    window = qgis_iface.mainWindow()
    window.show()  # offscreen; docks are only visible in a visible window
    yield RecordingIface(qgis_iface, view)
    window.hide()
    QgsProject.instance().removeAllMapLayers()
    view.setModel(None)
    view.deleteLater()
    flush_deletions()


@pytest.fixture(scope="module")
def assessed(cc_processing, tmp_path_factory):  # noqa: ARG001
    """One assessment of the sample district: the path of its GeoPackage (no QGIS object kept)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    directory = str(tmp_path_factory.mktemp("gui"))
    algorithm = ASSESS if QgsApplication.processingRegistry().algorithmById(ASSESS) else FALLBACK
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    sample = "{}|layername={}".format
    parameters = {
        "COMMUNITIES": sample(SAMPLE, "communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
        "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
        "FACILITIES": sample(SAMPLE, "facilities"), "CATEGORY_FIELD": "category",
        "FACILITY_AREAS": sample(SAMPLE, "facility_areas"), "AREA_CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10}
    gpkg = os.path.join(directory, "assessment.gpkg")
    if algorithm == ASSESS:
        parameters.update(NETWORK=sample(SAMPLE, "roads"), WALKABLE_FIELD="walkable", OUTPUT_GPKG=gpkg,
                          OUTPUT_REPORT=os.path.join(directory, "report.html"))
        processing.run(algorithm, parameters, context=context, feedback=feedback)
        tables = {"communities": "communities", "rules": "community_rules", "service_areas": "service_areas"}
    else:
        into = "ogr:dbname='{}' table=\"{}\" (geom)".format
        processing.run(algorithm, dict(parameters, OUTPUT=into(gpkg, "community_facilities"),
                                       OUTPUT_RULES=into(gpkg, "community_facilities_rules")),
                       context=context, feedback=feedback)
        processing.run("complete_community:evaluate_walking_access", dict(
            parameters, NETWORK=sample(SAMPLE, "roads"), WALKABLE_FIELD="walkable",
            OUTPUT=into(gpkg, "community_walking"), OUTPUT_RULES=into(gpkg, "community_walking_rules")),
            context=context, feedback=feedback)
        processing.run("complete_community:service_areas", {
            "FACILITIES": parameters["FACILITIES"], "CATEGORY_FIELD": "category", "NETWORK": sample(SAMPLE, "roads"),
            "WALKABLE_FIELD": "walkable", "OUTPUT": into(gpkg, "service_areas")}, context=context, feedback=feedback)
        tables = {"communities": "community_facilities", "rules": "community_facilities_rules",
                  "service_areas": "service_areas"}
    del context
    return {"gpkg": gpkg, "algorithm": algorithm, "tables": tables}


def add_layer(path, table, name=None):
    layer = QgsVectorLayer("{}|layername={}".format(path, table), name or table, "ogr")
    assert layer.isValid(), (path, table)
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def sample_layers(iface):  # noqa: ARG001 (a fresh project, emptied afterwards)
    return {name: add_layer(SAMPLE, name).id() for name in SAMPLE_LAYERS}


@pytest.fixture
def plugin_factory(iface, cc_provider_removed):  # noqa: ARG001 (our plugin registers the provider itself)
    """plugin_factory() → a started plugin (initGui) on the recording iface; every one is unloaded after."""
    from complete_community import classFactory

    plugins = []

    def start():
        plugin = classFactory(iface)
        plugin.initGui()
        plugins.append(plugin)
        return plugin

    yield start
    for plugin in plugins:
        if plugin.dock is not None or plugin.provider is not None:
            plugin.unload()
    flush_deletions()


@pytest.fixture
def zh_gui_translations(qgis_app, tmp_path, monkeypatch):  # noqa: ARG001
    """The GUI's Chinese translations of build/gui_zh.tsv, in force while the test runs, as if they were merged
    into i18n/complete_community_zh_CN.ts (until the integrator has done so, the plugin's .qm lacks them).

    Qt asks the translator installed last first, and a .qm answers a string of an unknown context from any
    context: so these are installed again right after the plugin installs its own."""
    from complete_community import plugin as plugin_module

    spec = importlib.util.spec_from_file_location("update_translations",
                                                  os.path.join(REPOSITORY, "scripts", "update_translations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not os.path.isfile(GUI_TSV):  # merged into the .ts and cleaned away (`make clean`): nothing to add
        yield []
        return
    with open(GUI_TSV, encoding="utf-8", newline="") as stream:
        rows = [row[:3] for row in csv.reader(stream, delimiter="\t") if len(row) >= 3 and row[2]]
    messages = {(context, source): module.Message(context, source, translation) for context, source, translation in rows}
    ts_path, qm_path = str(tmp_path / "gui_zh_CN.ts"), str(tmp_path / "gui_zh_CN.qm")
    module.write_ts(ts_path, "zh_CN", messages)
    subprocess.run([module.lrelease_command(), "-silent", ts_path, "-qm", qm_path], check=True)
    translator = QTranslator()
    assert translator.load(qm_path)
    QCoreApplication.installTranslator(translator)
    original = plugin_module.install_translator

    def install_then_ours(*arguments):
        installed = original(*arguments)
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.installTranslator(translator)
        return installed

    monkeypatch.setattr(plugin_module, "install_translator", install_then_ours)
    yield rows
    QCoreApplication.removeTranslator(translator)


def _overridden_locale(locale):
    """QGIS's locale overridden to `locale` while the generator is suspended; the settings restored after."""
    settings = QgsSettings()
    keys = ("locale/overrideFlag", "locale/userLocale")
    saved = {key: settings.value(key) for key in keys if settings.contains(key)}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    yield
    for key in keys:
        if key in saved:
            settings.setValue(key, saved[key])
        else:
            settings.remove(key)


@pytest.fixture
def zh_locale(qgis_app):  # noqa: ARG001
    """QGIS's locale overridden to zh_CN during the test (the plugin reads it in initGui)."""
    yield from _overridden_locale("zh_CN")


@pytest.fixture
def en_locale(qgis_app):  # noqa: ARG001
    yield from _overridden_locale("en_US")


def our_providers():
    return [provider for provider in QgsApplication.processingRegistry().providers()
            if provider.id() == "complete_community"]


# ----------------------------------------------------------------------------------- actions and dialog

def test_menu_toolbar_and_hidden_dock(plugin_factory, iface, en_locale):  # noqa: ARG001
    plugin = plugin_factory()
    names = [action.text() for _menu, action in iface.menu_entries]
    assert names == ["Assess communities…", "Community scorecard", "Help"]
    assert {menu for menu, _action in iface.menu_entries} == {"Complete Community"}
    assert iface.toolbar == [plugin.assess_action, plugin.scorecard_action]
    assert not plugin.assess_action.icon().isNull() and not plugin.scorecard_action.icon().isNull()
    assert iface.docks == [plugin.dock] and plugin.dock.windowTitle() == "Community scorecard"
    assert plugin.dock.isHidden() and not plugin.scorecard_action.isChecked()
    plugin.scorecard_action.trigger()
    assert plugin.dock.isUserVisible() and not plugin.dock.isHidden()
    plugin.dock.close()
    assert not plugin.scorecard_action.isChecked()
    assert len(our_providers()) == 1


def test_toolbar_action_opens_the_assessment_with_guessed_defaults(plugin_factory, iface, sample_layers,
                                                                   monkeypatch):
    import processing

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda algorithm, parameters: opened.append(
        (algorithm, dict(parameters))))
    plugin = plugin_factory()
    assert plugin.assess_action in iface.toolbar
    plugin.assess_action.trigger()
    assert len(opened) == 1
    algorithm, defaults = opened[0]
    assert algorithm == (ASSESS if QgsApplication.processingRegistry().algorithmById(ASSESS) else FALLBACK)
    expected = {
        "COMMUNITIES": sample_layers["communities"], "COMMUNITY_ID_FIELD": "community_id",
        "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households",
        "TYPE_FIELD": "community_type", "TOTAL_BUILDING_AREA_FIELD": "total_building_area",
        "PARKING_SPACES_FIELD": "parking_spaces", "CHARGING_SPACES_FIELD": "charging_spaces",
        "ACCESSIBLE_PARKING_FIELD": "accessible_parking_spaces", "DAILY_DELIVERIES_FIELD": "daily_deliveries",
        "FACILITIES": sample_layers["facilities"], "CATEGORY_FIELD": "category", "BUILDING_AREA_FIELD": "building_area",
        "LAND_AREA_FIELD": "land_area", "USABLE_AREA_FIELD": "usable_area", "CLASSES_FIELD": "classes",
        "LOCKER_CELLS_FIELD": "locker_cells", "SPORTS_AREA_FIELD": "sports_area",
        "FACILITY_AREAS": sample_layers["facility_areas"], "AREA_CATEGORY_FIELD": "category"}
    if algorithm == ASSESS:
        expected.update(NETWORK=sample_layers["roads"], WALKABLE_FIELD="walkable",
                        ORIGINS=sample_layers["population_points"], ORIGIN_POPULATION_FIELD="population")
    assert defaults == expected


def test_without_a_community_layer_the_dialog_opens_empty_with_a_hint(plugin_factory, iface, monkeypatch):
    import processing

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda algorithm, parameters: opened.append(parameters))
    add_layer(SAMPLE, "facilities")
    plugin = plugin_factory()
    plugin.assess_action.trigger()
    assert "COMMUNITIES" not in opened[0] and opened[0]["CATEGORY_FIELD"] == "category"
    assert iface.messageBar().messages  # the hint: add a community layer


def test_falls_back_to_the_facility_evaluation_without_assess(cc_provider):  # noqa: ARG001
    from complete_community.ui.assess_dialog import assess_algorithm_id

    class Registry:
        def __init__(self, known):
            self.known = known

        def algorithmById(self, algorithm_id):  # noqa: N802
            return object() if algorithm_id in self.known else None

    assert assess_algorithm_id(Registry({ASSESS, FALLBACK})) == ASSESS
    assert assess_algorithm_id(Registry({FALLBACK})) == FALLBACK
    assert assess_algorithm_id(Registry(set())) is None


def test_the_real_dialog_shows_the_guesses(plugin_factory, iface, sample_layers, qgis_iface, monkeypatch):
    from complete_community.ui.assess_dialog import create_assess_dialog

    # Processing's dialog asks QGIS's iface for its browser model, which pytest-qgis' stub lacks.
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: None, raising=False)
    plugin_factory()
    dialog, algorithm, defaults = create_assess_dialog()
    try:
        assert algorithm == (ASSESS if QgsApplication.processingRegistry().algorithmById(ASSESS) else FALLBACK)
        wrappers = dialog.mainWidget().wrappers

        def value(name):
            shown = wrappers[name].parameterValue()
            return shown.id() if hasattr(shown, "id") and callable(shown.id) else shown

        assert value("COMMUNITIES") == sample_layers["communities"]
        assert value("FACILITIES") == sample_layers["facilities"]
        assert value("FACILITY_AREAS") == sample_layers["facility_areas"]
        for name in ("COMMUNITY_ID_FIELD", "COMMUNITY_NAME_FIELD", "POPULATION_FIELD", "HOUSEHOLDS_FIELD",
                     "TYPE_FIELD", "CATEGORY_FIELD", "BUILDING_AREA_FIELD", "LAND_AREA_FIELD", "AREA_CATEGORY_FIELD"):
            assert value(name) == defaults[name], name
        assert value("POPULATION_FIELD") == "population" and value("LAND_AREA_FIELD") == "land_area"
        if algorithm == ASSESS:
            assert value("NETWORK") == sample_layers["roads"] and value("WALKABLE_FIELD") == "walkable"
        # Only defaults: the user changes them.
        wrappers["POPULATION_FIELD"].setParameterValue("households", dialog.mainWidget().processing_context)
        assert value("POPULATION_FIELD") == "households"
    finally:
        dialog.deleteLater()
        flush_deletions()


def test_help_opens_the_user_guide(plugin_factory, iface, en_locale):  # noqa: ARG001
    import re

    plugin = plugin_factory()
    plugin.help_action.trigger()
    assert plugin.help_dialog is not None and plugin.help_dialog.isVisible()
    browser = plugin.help_dialog.browser
    assert browser.source().toLocalFile().endswith(os.path.join("help", "index_en.html"))
    text = browser.toPlainText()
    assert "完整居住社区建设指南" in text and "Preparing data" in text and "make test" not in text
    # Every image the guides show is shipped; the algorithms' Help buttons open the guide.
    for language in ("zh", "en"):
        with open(os.path.join(REPOSITORY, "help", "index_{}.html".format(language)), encoding="utf-8") as stream:
            html = stream.read()
        for image in re.findall(r'src="([^"]+)"', html):
            assert os.path.isfile(os.path.join(REPOSITORY, "help", image)), image
        for heading in ("Amap", "Baidu") if language == "en" else ("高德", "百度", "数据不足", "类别不识别"):
            assert heading in html
    algorithm = QgsApplication.processingRegistry().algorithmById(ASSESS)
    assert algorithm.helpUrl().startswith("file://") and algorithm.helpUrl().endswith("index_en.html")


def test_help_is_chinese_in_a_chinese_qgis(plugin_factory, iface, zh_locale):  # noqa: ARG001
    plugin = plugin_factory()
    plugin.help_action.trigger()
    assert plugin.help_dialog.browser.source().toLocalFile().endswith("index_zh.html")
    assert "第一次评估" in plugin.help_dialog.browser.toPlainText()


# ------------------------------------------------------------------------------------------------ dock

def load_results(assessed):
    communities = add_layer(assessed["gpkg"], assessed["tables"]["communities"], "Assessed communities")
    areas = add_layer(assessed["gpkg"], assessed["tables"]["service_areas"], "service_areas")
    return communities, areas


def select_community(layer, community_id):
    ids = [feature.id() for feature in layer.getFeatures() if feature["community_id"] == community_id]
    assert len(ids) == 1
    layer.selectByIds(ids)
    return ids[0]


def tree_rows(tree):
    rows = {}
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        rows[item.text(0)] = (item.text(1), [tuple(item.child(i).text(c) for c in range(4))
                                            for i in range(item.childCount())])
    return rows


def test_dock_shows_the_selected_community(plugin_factory, iface, assessed, en_locale):  # noqa: ARG001
    communities, areas = load_results(assessed)
    plugin = plugin_factory()
    dock = plugin.dock
    plugin.scorecard_action.trigger()
    iface.layerTreeView().setCurrentLayer(communities)
    assert dock.card is None and dock.stack.currentWidget() is dock.placeholder

    fid = select_community(communities, "C03")
    card = dock.card
    expected = communities.getFeature(fid)
    assert (card.community_id, card.name) == ("C03", "汉江湾社区")
    assert card.score == pytest.approx(expected["cc_score"]) and card.status == "fail"
    assert dock.score_label.text() == "{:.0f}".format(expected["cc_score"])  # as the map label rounds it
    assert dock.status_badge.text() == "Does not comply"
    assert [dock.tabs.tabText(index) for index in range(dock.tabs.count())] == ["Scorecard", "What if"]
    assert dock.name_label.text() == "汉江湾社区" and "C03" in dock.detail_label.text()
    assert "One kindergarten" in dock.missing_label.text()
    # The arithmetic of the score ("达标 17 项 / 不达标 2 项 / 数据不足 1 项") and the standard that produced it.
    if "cc_items_met" in communities.fields().names():
        assert dock.arithmetic_label.text() == "{} items met / {} failed / {} without enough data".format(
            expected["cc_items_met"], expected["cc_items_failed"], expected["cc_items_no_data"])
        assert expected["cc_standard"] in dock.detail_label.text()

    kindergarten = card.item("kindergarten")
    assert (kindergarten.name, kindergarten.status) == ("One kindergarten", "fail")
    rule = card.rule("kindergarten.building_area")
    assert (rule.status, rule.measured_text, rule.requirement_text) == ("fail", "2199.9 m²", "≥ 2200 m²")
    assert "2199.9 m² < 2200 m²" in rule.reason
    assert card.rule("kindergarten.land_area").status == "pass"  # exactly 3500 m²
    rows = tree_rows(dock.items_tree)
    status, children = rows["One kindergarten"]
    assert status == "Does not comply"
    assert ("Kindergarten floor area", "Does not comply", "2199.9 m² / ≥ 2200 m²", rule.reason) in children
    assert rows["One nursery"][0] == "Complies"

    walking = {line.category: line for line in card.walking}
    if assessed["algorithm"] == ASSESS or "kindergarten" in walking:
        line = walking["kindergarten"]
        assert line.distance_m == pytest.approx(expected["kindergarten_dist_m"]) and line.status == "pass"
        table = dock.walking_table
        shown = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
        assert shown["Kindergarten"] == "{} m".format(round(line.distance_m))

    # One gap button per facility the community lacks; it zooms to the community and selects service areas.
    assert [gap.key for gap in card.gaps] == ["kindergarten"]
    buttons = dock.gap_buttons()
    assert [button.text() for button in buttons] == ["Zoom to gap: One kindergarten"]
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(communities.crs())
    canvas.setExtent(communities.extent())
    buttons[0].click()
    assert canvas.extent().contains(expected.geometry().boundingBox())
    assert canvas.extent().width() < communities.extent().width() / 2
    selected = areas.selectedFeatures()
    assert selected and {feature["cc_category"] for feature in selected} == {"kindergarten"}
    shown = {category.value() for category in areas.renderer().categories() if category.renderState()}
    assert shown == {"kindergarten"}  # only the gap's kind drawn
    assert QgsProject.instance().layerTreeRoot().findLayer(areas.id()).isVisible()
    assert all(feature.geometry().intersects(expected.geometry()) for feature in selected)
    assert sorted(dock.last_gap_selection) == sorted(feature.id() for feature in selected)
    # The failing rule is preselected and its whole reason is shown under the table.
    assert dock.items_tree.currentItem().text(0) == "Kindergarten floor area"
    from html import escape

    assert escape(rule.reason) in dock.details_label.text() and "clause 2.3" in dock.details_label.text()

    # The dock follows the selection and clears with it.
    first = select_community(communities, "C01")  # every facility there: no gap, whatever data the verdict lacks
    assert dock.card.community_id == "C01" and dock.card.status == communities.getFeature(first)["cc_status"]
    assert not dock.card.gaps
    communities.removeSelection()
    assert dock.card is None and dock.stack.currentWidget() is dock.placeholder


def test_dock_follows_the_layers_panel_and_a_second_result_layer(plugin_factory, iface, assessed):
    communities, _areas = load_results(assessed)
    plugin = plugin_factory()
    select_community(communities, "C09")  # selected before the layer becomes current: shown when it does
    plugin.dock.show_nothing()
    iface.layerTreeView().setCurrentLayer(communities)
    assert plugin.dock.card.community_id == "C09"
    # A second copy, loaded later (e.g. a new run), is followed too.
    again = add_layer(assessed["gpkg"], assessed["tables"]["communities"], "again")
    select_community(again, "C11")
    assert plugin.dock.card.community_id == "C11" and plugin.dock.card.status == "fail"
    QgsProject.instance().removeMapLayer(again.id())
    assert plugin.dock.card is None
    if assessed["algorithm"] == ASSESS:  # life circles carry distances and scores, but are no community
        circles = add_layer(assessed["gpkg"], "life_circles")
        circles.selectByIds([next(circles.getFeatures()).id()])
        iface.layerTreeView().setCurrentLayer(circles)
        assert plugin.dock.card is None


def test_dock_reads_a_rules_table_and_walking_layer_loaded_elsewhere(plugin_factory, iface, assessed):  # noqa: ARG001
    """A community layer with neither its rules nor distances (e.g. a copy in memory): the loaded rules table
    (community_id + rule_id + status) and a loaded layer with <category>_dist_m fields are used."""
    source = QgsVectorLayer("{}|layername={}".format(assessed["gpkg"], assessed["tables"]["communities"]), "s", "ogr")
    memory = QgsVectorLayer("MultiPolygon?crs={}".format(source.crs().authid()), "copy in memory", "memory")
    keep = [source.fields().field(name) for name in ("community_id", "name", "cc_score", "cc_status",
                                                     "kindergarten_status")]
    memory.dataProvider().addAttributes(keep)
    memory.updateFields()
    copies = []
    for feature in source.getFeatures():
        copy = QgsFeature(memory.fields())
        copy.setGeometry(feature.geometry())
        copy.setAttributes([feature[field.name()] for field in keep])
        copies.append(copy)
    memory.dataProvider().addFeatures(copies)
    del source
    QgsProject.instance().addMapLayer(memory)
    add_layer(assessed["gpkg"], assessed["tables"]["rules"], "rules")
    walking_table = "communities" if assessed["algorithm"] == ASSESS else "community_walking"
    add_layer(assessed["gpkg"], walking_table, "walking")
    plugin = plugin_factory()
    select_community(memory, "C03")
    card = plugin.dock.card
    assert card.rule("kindergarten.building_area").status == "fail"
    assert {line.category for line in card.walking} >= {"kindergarten", "nursery"}


def test_dock_finds_the_tables_next_to_the_layer_in_its_geopackage(plugin_factory, iface, assessed, tmp_path):
    """evaluate_facilities' layout: community_facilities with community_facilities_rules and community_walking
    in the same GeoPackage, none of them loaded but the community layer."""
    from osgeo import gdal

    gpkg = str(tmp_path / "facilities_run.gpkg")
    source = assessed["gpkg"]
    communities = assessed["tables"]["communities"]
    for sql, name in (
            ("SELECT geom, community_id, name, cc_score, cc_status, cc_missing, kindergarten_status FROM "
             + communities, "community_facilities"),
            ("SELECT * FROM " + assessed["tables"]["rules"], "community_facilities_rules"),
            ("SELECT geom, community_id, kindergarten_dist_m, kindergarten_walk_min, kindergarten_access_status "
             "FROM " + communities, "community_walking")):
        assert gdal.VectorTranslate(gpkg, source, format="GPKG", SQLStatement=sql, layerName=name,
                                    accessMode="update" if os.path.exists(gpkg) else None) is not None
    layer = add_layer(gpkg, "community_facilities")
    plugin = plugin_factory()
    select_community(layer, "C03")
    card = plugin.dock.card
    assert card.status == "fail" and card.rule("kindergarten.building_area").status == "fail"
    assert [(line.category, line.status) for line in card.walking] == [("kindergarten", "pass")]
    assert [gap.key for gap in card.gaps] == ["kindergarten"]


def test_dock_and_actions_speak_chinese_when_qgis_does(plugin_factory, iface, assessed, zh_locale,
                                                       zh_gui_translations):  # noqa: ARG001
    communities, _areas = load_results(assessed)
    plugin = plugin_factory()
    from complete_community.i18n import current_language

    assert plugin.translator is not None and current_language() == "zh"  # the plugin's own .qm, by QGIS's locale
    assert [action.text() for _menu, action in iface.menu_entries] == ["综合评估…", "社区评估卡", "帮助"]
    assert {menu for menu, _action in iface.menu_entries} == {"完整居住社区"}
    dock = plugin.dock
    assert dock.windowTitle() == "社区评估卡"
    iface.layerTreeView().setCurrentLayer(communities)
    select_community(communities, "C03")
    assert dock.status_badge.text() == "不达标"
    rows = tree_rows(dock.items_tree)
    assert rows["一个幼儿园"][0] == "不达标"
    assert any(child[0] == "幼儿园建筑面积" and child[1] == "不达标" and child[2] == "2199.9 m² / ≥ 2200 m²"
               for child in rows["一个幼儿园"][1])
    assert [button.text() for button in dock.gap_buttons()] == ["缩放至缺口：一个幼儿园"]
    headers = [dock.items_tree.headerItem().text(column) for column in range(4)]
    assert headers == ["项目 / 规则", "状态", "实测 / 要求", "说明"]
    # The what-if tab speaks one language too: its title, buttons, kinds and table.
    assert [dock.tabs.tabText(index) for index in range(dock.tabs.count())] == ["评估卡", "假设新增设施"]
    whatif = dock.whatif_panel
    assert (whatif.place_button.text(), whatif.undo_button.text()) == ("在地图上放置", "撤销")
    kinds = [whatif.kind_combo.itemText(index) for index in range(whatif.kind_combo.count())]
    assert "幼儿园 (≤ 500 m)" in kinds and all(re.fullmatch(r"[\u4e00-\u9fff]+ \(≤ \d+ m\)", kind) for kind in kinds)
    assert [whatif.table.horizontalHeaderItem(column).text() for column in range(4)] == [
        "社区", "结论", "步行距离（米）", "限值内居民"]
    # Every string of the GUI has its translation in build/gui_zh.tsv.
    extractor = importlib.util.spec_from_file_location("update_translations",
                                                       os.path.join(REPOSITORY, "scripts", "update_translations.py"))
    module = importlib.util.module_from_spec(extractor)
    extractor.loader.exec_module(module)
    strings, _problems = module.extract()
    ours = {key for key, files in strings.items()
            if any(name == "plugin.py" or name.startswith("ui/") for name in files)}
    translated = {(row[0], row[1]) for row in zh_gui_translations}
    existing = {key for key, message in module.read_ts(module.ts_path("zh_CN")).items() if message.finished}
    assert ours - translated - existing == set()


# ----------------------------------------------------------------------------------- unload and reload

def test_unload_and_reload_leave_nothing_behind(plugin_factory, iface, assessed):
    from complete_community.ui.scorecard_dock import OBJECT_NAME

    communities, _areas = load_results(assessed)
    window = iface.mainWindow()
    for _round in range(2):  # initGui / unload twice: what Plugin Reloader does
        plugin = plugin_factory()
        assert len(our_providers()) == 1
        assert len(iface.menu_entries) == 3 and len(iface.toolbar) == 2 and len(iface.docks) == 1
        dock = plugin.dock
        select_community(communities, "C03")
        assert dock.card is not None and dock.connection_count() > 0
        plugin.unload()
        flush_deletions()
        assert iface.menu_entries == [] and iface.toolbar == [] and iface.docks == []
        assert our_providers() == []
        assert plugin.translator is None and plugin.dock is None and plugin.provider is None
        assert window.findChildren(QDockWidget, OBJECT_NAME) == []
        assert [action for action in window.findChildren(QAction) if action.objectName().startswith(
            "CompleteCommunity")] == []
        communities.removeSelection()  # no slot of the unloaded dock may still be called
        select_community(communities, "C01")
    assert len(QgsApplication.processingRegistry().providers()) > 0


def test_the_dock_disconnects_everything(plugin_factory, iface, assessed):
    communities, _areas = load_results(assessed)
    plugin = plugin_factory()
    dock = plugin.dock
    assert dock.connection_count() >= 3  # layers panel, layers added / removed, the result layer
    dock.cleanup()
    assert dock.connection_count() == 0
    select_community(communities, "C03")
    assert dock.card is None


def test_the_dock_shows_the_rules_of_the_standard_that_produced_the_result(iface, en_locale):  # noqa: ARG001
    """A Xiamen result shows Xiamen's items (today's national-only dock would hide them)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    from complete_community.ui.scorecard_dock import ScorecardDock

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=cc_community_id:string&field=cc_status:string"
                           "&field=cc_score:double&field=xiamen_five_standards_status:string"
                           "&field=cc_standard:string&field=cc_items_met:integer&field=cc_items_failed:integer"
                           "&field=cc_items_no_data:integer", "厦门评估", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["X1", "pass", 100.0, "pass", "xiamen_complete_community", 23, 0, 0])
    layer.dataProvider().addFeatures([feature])
    dock = ScorecardDock(iface)
    try:
        card = dock.show_feature(layer, next(layer.getFeatures()).id())
        assert dock.standard.id == "xiamen_complete_community"
        assert card.item("xiamen_five_standards") is not None and card.item("xiamen_five_standards").status == "pass"
        assert dock.arithmetic_label.text() == "23 items met / 0 failed / 0 without enough data"
        layer.dataProvider().changeAttributeValues({next(layer.getFeatures()).id(): {
            layer.fields().lookupField("cc_standard"): "no_such_standard"}})
        dock.show_feature(layer, next(layer.getFeatures()).id())
        assert dock.standard.id == "complete_community_2021"  # a standard that cannot be loaded: the guide
    finally:
        dock.deleteLater()


# ------------------------------------------------------------------- the toolbox dialog: short, guessed, kept

ESSENTIAL_ASSESS_PARAMETERS = [
    "COMMUNITIES", "COMMUNITY_ID_FIELD", "COMMUNITY_NAME_FIELD", "POPULATION_FIELD", "HOUSEHOLDS_FIELD", "TYPE_FIELD",
    "FACILITIES", "CATEGORY_FIELD", "FACILITY_AREAS", "AREA_CATEGORY_FIELD", "NETWORK", "STANDARD", "AREA_FIELD",
    "OUTPUT_GPKG", "OUTPUT_REPORT", "OUTPUT_MAP", "OUTPUT_XLSX", "OUTPUT_ATLAS"]


def test_the_assessment_dialog_is_short(cc_provider):  # noqa: ARG001
    from qgis.core import QgsProcessingParameterDefinition as Definition

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ASSESS)
    shown = [definition.name() for definition in algorithm.parameterDefinitions()
             if not definition.flags() & (Definition.FlagAdvanced | Definition.FlagHidden)]
    assert shown == ESSENTIAL_ASSESS_PARAMETERS
    advanced = [definition.name() for definition in algorithm.parameterDefinitions()
                if definition.flags() & Definition.FlagAdvanced]
    assert {"ORIGINS", "MAX_SNAP_DISTANCE", "LIFE_CIRCLES", "TOTAL_BUILDING_AREA_FIELD"} <= set(advanced)


def test_algorithm_names_are_in_one_language(cc_provider, zh_locale):  # noqa: ARG001
    import re

    from complete_community.i18n import install_translator, remove_translator

    translator = install_translator()
    try:
        names = [algorithm.displayName() for algorithm in cc_provider.algorithms()]
        assert "完整居住社区综合评估" in names
        # No English words left in a Chinese name (proper nouns such as OSM may stay).
        assert not any(re.search(r"[a-z]{3,}", name) for name in names), names
    finally:
        remove_translator(translator)
    names = [algorithm.displayName() for algorithm in cc_provider.algorithms()]
    assert "Complete community assessment" in names
    assert not any("\u4e00" <= char <= "\u9fff" for name in names for char in name), names


def test_toolbox_dialog_guesses_skips_previous_results_and_proposes_kept_outputs(
        plugin_factory, iface, sample_layers, assessed, qgis_iface, monkeypatch, tmp_path, en_locale):  # noqa: ARG001
    import processing

    from complete_community.processing import desktop_defaults
    from complete_community.ui.standard_widget import StandardWidgetWrapper

    monkeypatch.setattr(qgis_iface, "browserModel", lambda: None, raising=False)
    assert desktop_defaults.in_desktop()  # QGIS's interface is there (pytest-qgis' one)
    project = QgsProject.instance()
    project.setFileName(str(tmp_path / "规划项目.qgz"))
    if assessed["algorithm"] == ASSESS:  # a first run's life circles, loaded as the plugin loads them
        circles = add_layer(assessed["gpkg"], "life_circles", "生活圈")
        from complete_community.styles import loading

        circles.setCustomProperty(loading.ROLE_PROPERTY, loading.LIFE_CIRCLES)
        unmarked = add_layer(assessed["gpkg"], "life_circles", "15分钟生活圈 copy")  # a copy, not marked
        assert unmarked.isValid()
    plugin_factory()
    dialog = processing.createAlgorithmDialog(ASSESS)  # as the toolbox opens it: no defaults given
    try:
        wrappers = dialog.mainWidget().wrappers

        def value(name):
            shown = wrappers[name].parameterValue()
            return shown.id() if hasattr(shown, "id") and callable(shown.id) else shown

        assert value("COMMUNITIES") == sample_layers["communities"]
        assert value("FACILITIES") == sample_layers["facilities"]
        assert value("POPULATION_FIELD") == "population" and value("CATEGORY_FIELD") == "category"
        assert value("NETWORK") == sample_layers["roads"]
        assert not value("LIFE_CIRCLES")  # the previous run's life circles are no input
        folder = str(tmp_path / "Complete Community results")  # next to the saved project
        gpkg = value("OUTPUT_GPKG")
        gpkg = getattr(gpkg, "sink", None).staticValue() if hasattr(gpkg, "sink") else gpkg
        assert os.path.dirname(gpkg) == folder and os.path.basename(gpkg).startswith("assess_")
        assert gpkg.endswith(".gpkg")
        report = value("OUTPUT_REPORT")
        report = report.sink.staticValue() if hasattr(report, "sink") else report
        assert report == gpkg[:-len(".gpkg")] + "_report.html"
        standard = wrappers["STANDARD"]
        assert isinstance(standard, StandardWidgetWrapper)
        combo = standard.widget
        items = [combo.itemData(index) for index in range(combo.count())]
        assert items[0] == "complete_community_2021" and "xiamen_complete_community" in items
        assert combo.itemText(combo.count() - 1) == "From file…"
        assert standard.value() == "complete_community_2021"
        standard.setValue("xiamen_complete_community")
        assert standard.value() == "xiamen_complete_community"
        standard.setValue("/data/厦门标准.yaml")  # a path typed in, as qgis_process or a batch file gives it
        assert standard.value() == "/data/厦门标准.yaml"
    finally:
        dialog.deleteLater()
        flush_deletions()
        project.setFileName("")
    # Headless runs never see these defaults: the definition's own default stays empty.
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ASSESS)
    assert algorithm.parameterDefinition("COMMUNITIES").defaultValue() is None


def test_a_folder_chosen_once_is_remembered(cc_processing, tmp_path, monkeypatch, qgis_new_project):  # noqa: ARG001
    from complete_community.processing import desktop_defaults

    project = QgsProject.instance()
    settings = QgsSettings()
    saved = settings.value(desktop_defaults.SETTINGS_KEY)
    chosen = tmp_path / "我的成果"
    monkeypatch.setattr(desktop_defaults, "is_temporary", lambda path: False)
    try:
        chosen.mkdir()
        desktop_defaults.remember_results_folder(str(chosen / "run.gpkg"), project)
        assert desktop_defaults.results_folder(project) == str(chosen)
        assert settings.value(desktop_defaults.SETTINGS_KEY) == str(chosen)
        project.removeEntry(desktop_defaults.PROJECT_SCOPE, desktop_defaults.PROJECT_KEY)
        assert desktop_defaults.results_folder(project) == str(chosen)  # unsaved project: the user's folder
    finally:
        if saved is None:
            settings.remove(desktop_defaults.SETTINGS_KEY)
        else:
            settings.setValue(desktop_defaults.SETTINGS_KEY, saved)
    # Read as Processing reads it (QgsDataSourceUri): a quote in the path escaped by a backslash.
    assert desktop_defaults.destination_file("ogr:dbname='/a/b\\'s.gpkg' table=\"t\" (geom)") == "/a/b's.gpkg"
    for folder in ("it's", "中文 文件夹", "50%", "a#b?c", "two  spaces"):
        path = os.path.join(str(tmp_path), folder, "run.gpkg")
        definition = QgsProcessingParameterFeatureSink("OUTPUT", "Communities")
        assert desktop_defaults.destination_file(desktop_defaults.output_default(definition, os.path.dirname(path),
                                                                                 "run")) == path
    assert desktop_defaults.destination_file("/a/b.gpkg|layername=t") == "/a/b.gpkg"
    assert desktop_defaults.destination_file("memory:") is None
    assert desktop_defaults.destination_file("postgres://dbname=x") is None


# ------------------------------------------------------------------------------ scorecard: picking, focus

def test_the_rule_that_decided_is_focused_and_advice_reads_as_advice():
    from complete_community.ui.scorecard import RuleLine
    from complete_community.ui.scorecard_dock import deciding_rank, displayed_status

    def rule(level, status):
        return RuleLine("x", "x", level, status, "", "", "")

    informative_gap = rule("informative", "no_data")
    advice = rule("recommended", "fail")
    required = rule("required", "fail")
    required_unknown = rule("required", "no_data")
    assert displayed_status(advice) == "advisory" and displayed_status(required) == "fail"
    ranked = sorted([informative_gap, advice, required_unknown, required], key=deciding_rank)
    assert ranked == [required, required_unknown, advice, informative_gap]
    assert deciding_rank(rule("required", "pass")) is None
    from complete_community.ui.scorecard import ItemLine
    from complete_community.ui.scorecard_dock import displayed_item_status

    assert displayed_item_status(ItemLine("scale", "规模", "fail", (advice, rule("required", "pass")))) == "advisory"
    assert displayed_item_status(ItemLine("kindergarten", "幼儿园", "fail", (advice, required))) == "fail"
    from complete_community.styles.compliance import score_text

    assert [score_text(value) for value in (98.1, 96.5, 97.5, 100.0, None)] == ["98", "97", "98", "100", "–"]


def test_pick_a_community_on_the_map(plugin_factory, iface, assessed, en_locale):  # noqa: ARG001
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, Qt

    communities, _areas = load_results(assessed)
    plugin = plugin_factory()
    dock = plugin.dock
    plugin.scorecard_action.trigger()
    assert "Pick a community" in dock.placeholder.text()
    canvas = iface.mapCanvas()
    canvas.resize(800, 600)
    canvas.setLayers([communities])
    canvas.setDestinationCrs(communities.crs())
    canvas.setExtent(communities.extent())
    canvas.refresh()
    dock.pick_button.click()
    assert canvas.mapTool() is dock.pick_tool
    target = next(feature for feature in communities.getFeatures() if feature["community_id"] == "C09")
    point = target.geometry().pointOnSurface().asPoint()
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(point))
    event = QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, pixel.toQPointF().toPoint(), Qt.LeftButton)
    dock.pick_tool.canvasReleaseEvent(event)
    assert communities.selectedFeatureIds() == [target.id()]
    assert dock.card is not None and dock.card.community_id == "C09"
    # The deciding rule first: a required rule that is not met.
    current = dock.items_tree.currentItem()
    rule = dock.card.rule(current.data(0, Qt.UserRole))
    assert rule is not None and rule.level == "required" and rule.status in ("fail", "no_data")
    # Off every community: nothing picked, the card stays.
    outside = canvas.getCoordinateTransform().transform(QgsPointXY(communities.extent().xMinimum() - 5000,
                                                                   communities.extent().yMinimum() - 5000))
    dock.pick_tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease,
                                                       outside.toQPointF().toPoint(), Qt.LeftButton))
    assert dock.card.community_id == "C09"
    dock.pick_button.click()
    assert canvas.mapTool() is not dock.pick_tool


# --------------------------------------------------------------- done when: a planner's run, end to end

def test_a_planner_assesses_the_sample_from_the_plugins_dialog(plugin_factory, iface, sample_layers, qgis_iface,
                                                               monkeypatch, tmp_path, zh_locale):  # noqa: ARG001
    """Load the sample, press 综合评估, run the dialog as QGIS runs it (AlgorithmDialog.runAlgorithm: the run,
    then Processing's loading of the results), and look at what the planner gets."""
    import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsLayerTreeGroup, QgsWkbTypes

    from complete_community.styles import loading

    monkeypatch.setattr(qgis_iface, "browserModel", lambda: None, raising=False)
    project = QgsProject.instance()
    project_folder = tmp_path / "城东片区规划"
    project_folder.mkdir()
    project.setFileName(str(project_folder / "城东片区.qgz"))
    dialogs = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda algorithm, parameters: dialogs.append(
        processing.createAlgorithmDialog(algorithm, parameters)))
    plugin = plugin_factory()
    plugin.assess_action.trigger()
    dialog = dialogs[0]
    try:
        dialog.runAlgorithm()
        root = project.layerTreeRoot()
        groups = [child for child in root.children() if isinstance(child, QgsLayerTreeGroup)]
        assert len(groups) == 1 and groups[0].name().startswith("assess_")
        layers = [node.layer() for node in groups[0].findLayers()]
        roles = [loading.layer_role(layer) for layer in layers]
        assert roles.index(loading.FACILITIES) < roles.index(loading.COMMUNITIES) < roles.index(loading.LIFE_CIRCLES)
        areas = layers[roles.index(loading.SERVICE_AREAS)]
        if areas.geometryType() == QgsWkbTypes.PolygonGeometry:  # areas under the verdict; streets may lie on it
            assert roles.index(loading.LIFE_CIRCLES) < roles.index(loading.SERVICE_AREAS)
        for layer in layers:
            if layer.isSpatial() and loading.layer_role(layer) != loading.ORIGINS:
                assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer), layer.name()
        communities = layers[roles.index(loading.COMMUNITIES)]
        assert communities.name() == "评估后的社区"
        assert communities.renderer().classAttribute() == "cc_status"
        alias = communities.fields().field("cc_status").alias()
        assert alias and alias != "cc_status" and all(not char.isascii() for char in alias.replace(" ", ""))
        status_setup = communities.editorWidgetSetup(communities.fields().lookupField("cc_status"))
        assert status_setup.type() == "ValueMap"
        visible = [loading.layer_role(node.layer()) for node in groups[0].findLayers() if node.isVisible()]
        assert set(visible) == {loading.COMMUNITIES, loading.FACILITIES}
        results = project_folder / "完整居住社区评估结果"
        written = sorted(path.name for path in results.iterdir() if not path.name.endswith(("-wal", "-shm")))
        run = groups[0].name()
        assert written == [run + ".gpkg", run + "_report.html"], written
    finally:
        dialog.close()
        dialog.deleteLater()
        flush_deletions()
    project.clear()  # the project closes: the results stay on disk
    assert (results / (run + ".gpkg")).stat().st_size > 100000
    assert "评估" in (results / (run + "_report.html")).read_text(encoding="utf-8")


def test_the_scorecard_opens_full_height_as_a_tab_beside_another_dock(plugin_factory, iface):  # noqa: ARG001
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QLabel

    window = iface.mainWindow()
    other = QDockWidget("Results Viewer", window)
    other.setObjectName("ResultsViewer")
    other.setWidget(QLabel("results"))
    window.addDockWidget(Qt.RightDockWidgetArea, other)
    other.show()
    try:
        plugin = plugin_factory()
        plugin.scorecard_action.trigger()
        assert plugin.dock.isUserVisible()
        assert window.tabifiedDockWidgets(plugin.dock) == [other]  # a tab of its own, not half the height
    finally:
        window.removeDockWidget(other)
        other.deleteLater()
