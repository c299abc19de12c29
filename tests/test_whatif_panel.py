"""The what-if panel of the scorecard dock (假设新增设施): a simulated click on the map places a proposal, the
affected community's verdict and covered share update, the proposal lands in a project layer usable as
PROPOSED_FACILITIES, undo removes it."""

import os

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
C09_POINT = QgsPointXY(527100.0, 3384700.0)  # inside 建设里 (C09), which has no health station within 500 m


@pytest.fixture
def sample_project(qgis_iface, qgis_new_project):  # noqa: ARG001
    project = QgsProject.instance()
    for name in ("communities", "facilities", "roads", "population_points"):
        layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, name), name, "ogr")
        assert layer.isValid()
        project.addMapLayer(layer)
    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    canvas.setExtent(QgsRectangle(526000, 3384000, 528600, 3385800))
    canvas.refresh()
    yield qgis_iface
    project.removeAllMapLayers()


def click(canvas, tool, point):
    """A left click on the canvas at a map point, delivered to the map tool as QGIS delivers it."""
    from qgis.gui import QgsMapMouseEvent

    pixel = canvas.getCoordinateTransform().transform(point)
    position = QPoint(int(round(pixel.x())), int(round(pixel.y())))
    for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
        event = QgsMapMouseEvent(canvas, kind, position, Qt.LeftButton, Qt.LeftButton, Qt.NoModifier)
        (tool.canvasPressEvent if kind == QEvent.MouseButtonPress else tool.canvasReleaseEvent)(event)


def test_a_click_places_a_proposal_and_the_verdict_updates(sample_project):
    from complete_community.standards import load_standard
    from complete_community.ui.whatif_panel import PROPOSALS_LAYER_PROPERTY, WhatIfPanel

    iface = sample_project
    canvas = iface.mapCanvas()
    panel = WhatIfPanel(iface, load_standard)
    panel.select_kind("health_station")
    assert panel.kind() == "health_station"
    panel.place_button.setChecked(True)  # builds the session from the project's layers, activates the tool
    assert panel.whatif is not None, panel.message.text()
    assert canvas.mapTool() is panel.tool
    c09 = next(position for position in range(len(panel.whatif.communities))
               if panel.whatif.record(position).id == "C09")
    before = panel.whatif.session.state("health_station", c09)
    assert before.status == "fail"

    click(canvas, panel.tool, C09_POINT)
    change = panel.last_change
    assert c09 in change.communities
    old, new = change.communities[c09]
    assert old == before and new.status == "pass" and new.covered_share > before.covered_share
    assert panel.table.rowCount() == len(change.communities)
    names = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
    assert "建设里社区" in names
    layer = panel.proposals_layer
    assert layer.customProperty(PROPOSALS_LAYER_PROPERTY)
    features = list(layer.getFeatures())
    assert [feature["category"] for feature in features] == ["health_station"]
    placed = features[0].geometry().asPoint()
    assert abs(placed.x() - C09_POINT.x()) < 10 and abs(placed.y() - C09_POINT.y()) < 10  # a pixel's worth

    panel.undo()
    assert layer.featureCount() == 0
    assert panel.whatif.session.state("health_station", c09) == before
    assert not panel.undo_button.isEnabled()
    panel.place_button.setChecked(False)
    assert canvas.mapTool() is not panel.tool
    panel.cleanup()


def test_the_proposals_layer_is_a_scheme_for_the_evaluations(sample_project, cc_provider, processing_context):
    import processing

    from complete_community.standards import load_standard
    from complete_community.ui.whatif_panel import WhatIfPanel

    panel = WhatIfPanel(sample_project, load_standard)
    panel.select_kind("health_station")
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    change = panel.place_at(C09_POINT, crs)
    assert change is not None
    project = QgsProject.instance()

    def layer(name):
        return project.mapLayersByName(name)[0]

    result = processing.run("complete_community:evaluate_walking_access", {
        "COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "POPULATION_FIELD": "population",
        "FACILITIES": layer("facilities"), "CATEGORY_FIELD": "category", "NETWORK": layer("roads"),
        "WALKABLE_FIELD": "walkable", "ORIGINS": layer("population_points"), "ORIGIN_POPULATION_FIELD": "population",
        "PROPOSED_FACILITIES": panel.proposals_layer, "OUTPUT": "TEMPORARY_OUTPUT"},
        context=processing_context, feedback=processing_context.feedback())
    evaluated = {f["cc_community_id"]: f for f in result["OUTPUT"].getFeatures()}
    position = next(p for p in range(len(panel.whatif.communities)) if panel.whatif.record(p).id == "C09")
    state = panel.whatif.session.state("health_station", position)
    assert evaluated["C09"]["health_station_access_status"] == "pass"
    assert evaluated["C09"]["health_station_covered_pct"] == pytest.approx(100.0 * state.covered_share, abs=0.05)
    panel.cleanup()


def test_the_scorecard_docks_what_if_tab_updates_after_a_click(sample_project):
    """The tab as the plugin shows it: in the scorecard dock, with the dock's standard."""
    from complete_community.ui.scorecard_dock import ScorecardDock

    iface = sample_project
    canvas = iface.mapCanvas()
    dock = ScorecardDock(iface)
    dock.tabs.setCurrentWidget(dock.whatif_panel)
    panel = dock.whatif_panel
    panel.select_kind("health_station")
    panel.place_button.setChecked(True)
    assert canvas.mapTool() is panel.tool, panel.message.text()
    assert panel.table.rowCount() == 0
    click(canvas, panel.tool, C09_POINT)
    rows = {panel.table.item(row, 0).text(): [panel.table.item(row, column).text() for column in range(1, 4)]
            for row in range(panel.table.rowCount())}
    assert rows["建设里社区"][0] == "Does not comply → Complies"
    walk_before, walk_after = (float(text) for text in rows["建设里社区"][1].split(" → "))
    assert walk_after < walk_before
    assert panel.message.text().startswith("Proposal 1:")
    panel.place_button.setChecked(False)
    panel.cleanup()
    dock.deleteLater()
