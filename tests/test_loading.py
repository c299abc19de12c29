"""Results loaded into the project the way QGIS's Processing dialog, batch dialog and modeler load them
(`processing.runAndLoadResults` → Postprocessing.handleAlgorithmResults, the function they all call): every
layer styled (never a single symbol), the verdict above service areas and life circles, points on top, a
run's secondary layers grouped and hidden."""

import os

import pytest
from qgis.core import (QgsCategorizedSymbolRenderer, QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject,
                       QgsSingleSymbolRenderer, QgsVectorLayer, QgsWkbTypes)

from complete_community.styles import loading

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")


def sample(table):
    return "{}|layername={}".format(SAMPLE, table)


def sample_layer(table):
    """A layer object of the test's own (QGIS 3.22 can crash destroying a context holding OGR layers)."""
    layer = QgsVectorLayer(sample(table), table, "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture
def project(cc_processing, qgis_new_project):  # noqa: ARG001
    project = QgsProject.instance()
    yield project
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


def run_and_load(algorithm, parameters, project):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    return processing.runAndLoadResults(algorithm, parameters, feedback=feedback, context=context)


def tree_layers(group):
    """[(layer, node)] of a group, top first, descending into subgroups."""
    return [(node.layer(), node) for node in group.findLayers()]


def assert_styled(layer):
    if layer.isSpatial():
        renderer = layer.renderer()
        assert not isinstance(renderer, QgsSingleSymbolRenderer) or loading.layer_role(layer) == loading.ORIGINS, (
            layer.name(), renderer.type())


COMMUNITY_INPUTS = {"COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
                    "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households",
                    "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category", "AREA_CATEGORY_FIELD": "category",
                    "FACILITY_TOLERANCE": 10}


def test_assess_loads_every_table_styled_ordered_and_grouped(project, tmp_path, monkeypatch):
    from complete_community import standards

    gpkg = str(tmp_path / "第一次评估.gpkg")
    inputs = {name: sample_layer(name) for name in ("communities", "facilities", "facility_areas", "roads",
                                                     "population_points")}
    # Styling the loaded layers names codes in aliases from the run's standard: read once by the run, never
    # again per layer (styles.compliance.set_output_aliases reads it only when given none).
    read_again, load_standard = [], standards.load_standard
    monkeypatch.setattr(standards, "load_standard", lambda *args: read_again.append(args) or load_standard(*args))
    run_and_load("complete_community:assess", dict(
        COMMUNITY_INPUTS, COMMUNITIES=inputs["communities"], FACILITIES=inputs["facilities"],
        FACILITY_AREAS=inputs["facility_areas"], NETWORK=inputs["roads"], WALKABLE_FIELD="walkable",
        ORIGINS=inputs["population_points"], ORIGIN_POPULATION_FIELD="population",
        OUTPUT_GPKG=gpkg, OUTPUT_REPORT=str(tmp_path / "report.html")), project)
    assert read_again == []
    root = project.layerTreeRoot()
    group = root.findGroup("第一次评估")  # named after the run's results file
    assert group is not None and group.parent() is root
    layers = tree_layers(group)
    roles = [loading.layer_role(layer) for layer, _node in layers]
    # assess draws its service areas as streets (lines) by default: with the lines, above the verdict.
    assert roles == [loading.FACILITIES, loading.UNASSIGNED, loading.ORIGINS, loading.ROUTES, loading.SERVICE_AREAS,
                     loading.COMMUNITIES, loading.LIFE_CIRCLES, loading.FACILITY_AREAS, loading.RULES,
                     loading.RULES], [layer.name() for layer, _node in layers]
    for layer, node in layers:
        assert_styled(layer)
        shown = loading.layer_role(layer) in (loading.COMMUNITIES, loading.FACILITIES)
        assert node.itemVisibilityChecked() == shown, layer.name()
        assert node.isExpanded() == shown, layer.name()
    by_role = {loading.layer_role(layer): layer for layer, _node in layers}
    communities = by_role[loading.COMMUNITIES]
    assert communities.renderer().classAttribute() == "cc_status" and communities.labelsEnabled()
    # Aliases and value maps in the attribute table, for the fields the plugin wrote (not the input's own).
    fields = communities.fields()
    assert fields.field("cc_status").alias() == "Complete community verdict"
    assert fields.field("kindergarten_dist_m").alias() == "Walking distance to Kindergarten (m)"
    assert fields.field("population").alias() == ""
    setup = communities.editorWidgetSetup(fields.lookupField("cc_status"))
    assert setup.type() == "ValueMap" and {"fail": "Does not comply"}.items() <= {
        code: label for entry in setup.config()["map"] for label, code in entry.items()}.items()
    # A layer opened later from the GeoPackage (not loaded by Processing) has them from its default style.
    reopened = QgsVectorLayer("{}|layername=communities".format(gpkg), "again", "ogr")
    assert reopened.fields().field("cc_status").alias() == "Complete community verdict"
    rules = by_role[loading.RULES]
    assert rules.fields().field("clause").alias() == "Clause of the guide"
    # community_rules is a view (processing/rules_view.py): loaded read-only, as SQLite would refuse any edit; the
    # life-circle rules are a table, editable. The rule level shows as words, as the status does.
    by_table = {layer.source().split("layername=")[-1]: layer for layer, _node in layers}
    assert by_table["community_rules"].readOnly() and not by_table["life_circle_rules"].readOnly()
    assert not by_table["communities"].readOnly()
    for field, code, label in (("level", "conditional", "where conditions allow"), ("status", "fail",
                                                                                    "Does not comply")):
        setup = by_table["community_rules"].editorWidgetSetup(by_table["community_rules"].fields().lookupField(field))
        assert setup.type() == "ValueMap" and {code: label}.items() <= {
            code: label for entry in setup.config()["map"] for label, code in entry.items()}.items(), field
    areas = by_role[loading.SERVICE_AREAS]
    assert isinstance(areas.renderer(), QgsCategorizedSymbolRenderer)
    assert areas.renderer().classAttribute() == "cc_category"  # one colour per facility kind
    assert {category.value() for category in areas.renderer().categories()} >= {"kindergarten", "nursery"}
    # Points above lines above polygons: also in the map's own layer order.
    order = [layer.id() for layer in root.layerOrder() if layer.id() in {l.id() for l, _n in layers}]
    assert order.index(by_role[loading.FACILITIES].id()) < order.index(areas.id()) < order.index(communities.id())


def test_a_single_algorithm_groups_its_outputs_and_a_later_run_stays_below_the_verdict(project, tmp_path):
    inputs = {name: sample_layer(name) for name in ("communities", "facilities", "roads")}
    run_and_load("complete_community:evaluate_facilities", dict(
        COMMUNITY_INPUTS, COMMUNITIES=inputs["communities"], FACILITIES=inputs["facilities"],
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_RULES="TEMPORARY_OUTPUT"), project)
    root = project.layerTreeRoot()
    groups = [child for child in root.children() if isinstance(child, QgsLayerTreeGroup)]
    assert len(groups) == 1
    layers = tree_layers(groups[0])
    assert [loading.layer_role(layer) for layer, _node in layers] == [loading.COMMUNITIES, loading.RULES]
    assert [node.itemVisibilityChecked() for _layer, node in layers] == [True, False]
    assert_styled(layers[0][0])
    # Service areas loaded afterwards (alone) land under the verdict, not on top of it.
    run_and_load("complete_community:service_areas", {
        "FACILITIES": inputs["facilities"], "CATEGORY_FIELD": "category", "NETWORK": inputs["roads"],
        "WALKABLE_FIELD": "walkable", "OUTPUT": str(tmp_path / "areas.gpkg")}, project)
    order = [loading.layer_role(layer) for layer in root.layerOrder() if loading.layer_role(layer)]
    assert order.index(loading.COMMUNITIES) < order.index(loading.SERVICE_AREAS)
    areas = next(layer for layer in root.layerOrder() if loading.layer_role(layer) == loading.SERVICE_AREAS)
    node = root.findLayer(areas.id())
    assert node.itemVisibilityChecked()  # loaded alone: what the user asked for, shown
    assert areas.renderer().classAttribute() == "cc_category"


def test_the_shipped_model_loads_styled_outputs(project, cc_provider, tmp_path):  # noqa: ARG001
    inputs = {name: sample_layer(name) for name in ("communities", "facilities", "roads")}
    run_and_load("complete_community:complete_community_workflow", {
        "communities": inputs["communities"], "population_field": "population", "name_field": "name",
        "type_field": "community_type", "facilities": inputs["facilities"], "category_field": "category",
        "roads": inputs["roads"], "map": str(tmp_path / "model_map.png"),
        "walking:assessed_communities": "TEMPORARY_OUTPUT", "walking:walking_rules": "TEMPORARY_OUTPUT",
        "atlas:atlas": "TEMPORARY_OUTPUT"}, project)
    loaded = [layer for layer in project.mapLayers().values()]
    assert loaded
    spatial = [layer for layer in loaded if layer.isSpatial()]
    assert spatial and all(layer.geometryType() == QgsWkbTypes.PolygonGeometry for layer in spatial)
    for layer in spatial:
        assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer), layer.name()
        assert layer.renderer().classAttribute() == "walk_status"  # the last step of the model: walking


def test_placing_keeps_ranks_among_other_layers(project):
    """Pure tree behaviour: a layer of the user stays where it is; result layers sort among themselves."""
    user = QgsVectorLayer("Point?crs=EPSG:4547", "my points", "memory")
    areas = QgsVectorLayer("Polygon?crs=EPSG:4547&field=cc_category:string", "areas", "memory")
    verdict = QgsVectorLayer("Polygon?crs=EPSG:4547&field=cc_status:string", "verdict", "memory")
    project.addMapLayers([user, areas, verdict])
    root = project.layerTreeRoot()
    loading.place_loaded_layer(verdict, loading.COMMUNITIES, project=project)
    loading.place_loaded_layer(areas, loading.SERVICE_AREAS, project=project)
    names = [node.layer().name() for node in root.children() if isinstance(node, QgsLayerTreeLayer)]
    assert names.index("verdict") < names.index("areas")
    assert "my points" in names
