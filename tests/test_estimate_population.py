"""estimate_population: residents from buildings (floors, use, floor area per person) or a population raster,
summed per community and marked as estimated."""

import numpy
import processing
import pytest
from osgeo import gdal, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProcessingException,
                       QgsProject, QgsRasterLayer)
from qgis.PyQt.QtCore import QVariant

from complete_community.core.population import (DEFAULT_FLOOR_AREA_PER_PERSON, estimate_building, floors_of,
                                                is_residential)
from memory_layers import memory_layer

PER_PERSON = DEFAULT_FLOOR_AREA_PER_PERSON
_KEPT = []  # input layers outlive the contexts that used them


@pytest.fixture(autouse=True, scope="module")
def _release_kept_layers():
    """Input layers are kept past each test's context (a destroyed context must not be the last owner of an OGR
    dataset) and released with the module, while QGIS still runs: never at interpreter exit."""
    yield
    _KEPT.clear()



def _box(x, y, width, height):
    return "Polygon(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x, y, x + width, y + height)


def test_pure_estimates():
    assert estimate_building(600.0, 18, True) == pytest.approx((600 * 18 / PER_PERSON, 10800.0, None))
    assert estimate_building(600.0, 18, False)[2] == "not_residential"
    assert estimate_building(600.0, None, True)[2] == "no_floors"
    assert estimate_building(0.0, 5, True)[2] == "no_area"
    assert floors_of("18层") == 18 and floors_of(None, 31.0) == 10 and floors_of(None, None) is None
    assert floors_of(0, 9.0) == 3
    assert is_residential("住宅") and is_residential("商住") and is_residential(None) and is_residential("R2")
    assert not is_residential("商业") and not is_residential("公共服务")


def _communities():
    return memory_layer("Polygon?crs=EPSG:4547", "社区", [
        (["C01", 5000], _box(500000, 3380000, 200, 200)),
        (["C02", None], _box(500300, 3380000, 200, 200)),
        (["C03", None], None)],
        fields=[("community_id", QVariant.String), ("population", QVariant.Int)])


def test_from_buildings_with_floors_use_and_height(cc_provider, processing_context):
    buildings = memory_layer("Polygon?crs=EPSG:4547", "建筑", [
        (["住宅", 18, None], _box(500010, 3380010, 20, 30)),      # C01: 600 m² × 18
        (["住宅", None, 30.0], _box(500310, 3380010, 20, 30)),    # C02: 600 m² × 10 (30 m ÷ 3 m)
        (["商业", 5, None], _box(500350, 3380050, 20, 30)),       # C02: a shop, nobody lives there
        (["住宅", None, None], _box(500400, 3380100, 10, 10)),    # C02: no floors, no height
        (["商住", 6, None], _box(500600, 3380600, 10, 10))],      # in no community
        fields=[("用途", QVariant.String), ("层数", QVariant.Int), ("高度", QVariant.Double)])
    result = processing.run("complete_community:estimate_population", {
        "BUILDINGS": buildings, "FLOORS_FIELD": "层数", "HEIGHT_FIELD": "高度", "USE_FIELD": "用途",
        "COMMUNITIES": _communities(), "POPULATION_FIELD": "population", "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_COMMUNITIES": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
    rows = [(f["cc_population_est"], f["cc_floors"], f["cc_estimate_note"]) for f in result["OUTPUT"].getFeatures()]
    assert rows[0][0] == pytest.approx(600 * 18 / PER_PERSON, rel=1e-3)
    assert rows[1][:2] == (pytest.approx(600 * 10 / PER_PERSON, rel=1e-3), 10)
    assert rows[2][0] == 0 and rows[2][2] == "not_residential"
    assert rows[3][0] == 0 and rows[3][2] == "no_floors"
    assert result["OUTPUT"].geometryType() == buildings.geometryType()  # usable as ORIGINS
    communities = {f["community_id"]: f for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert communities["C01"]["cc_population"] == 5000
    assert communities["C01"]["cc_population_source"] == "surveyed"
    assert communities["C01"]["cc_population_est"] == pytest.approx(600 * 18 / PER_PERSON, rel=1e-3)
    assert communities["C02"]["cc_population"] == pytest.approx(600 * 10 / PER_PERSON, rel=1e-3)
    assert communities["C02"]["cc_population_source"] == "estimated_buildings"
    assert communities["C03"]["cc_population"] == 0  # no geometry: nothing inside, said as an estimate
    assert result["TOTAL_POPULATION"] == pytest.approx((600 * 18 + 600 * 10 + 600) / PER_PERSON, rel=1e-3)


def test_footprints_in_degrees_are_measured_in_true_square_metres(cc_provider, processing_context):
    to_degrees = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"),
                                        QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    geometry = QgsGeometry.fromWkt(_box(500010, 3380010, 20, 30))
    geometry.transform(to_degrees)
    buildings = memory_layer("Polygon?crs=EPSG:4326", "建筑", [([10], geometry.asWkt(12))],
                             fields=[("floors", QVariant.Int)])
    result = processing.run("complete_community:estimate_population", {
        "BUILDINGS": buildings, "FLOORS_FIELD": "floors", "FLOOR_AREA_PER_PERSON": 30.0,
        "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["cc_floor_area_m2"] == pytest.approx(6000.0, rel=0.002)
    assert feature["cc_population_est"] == pytest.approx(200.0, rel=0.002)


def _raster(path, values, origin=(500000.0, 3380200.0), cell=100.0):
    rows, columns = values.shape
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), columns, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((origin[0], cell, 0, origin[1], 0, -cell))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4547)
    dataset.SetProjection(reference.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-1)
    band.WriteArray(values)
    dataset = None
    return str(path)


def test_from_a_population_raster(cc_provider, processing_context, tmp_path):
    # 2 rows × 5 columns of 100 m over y 3380000–3380200, x 500000–500500; -1 is no data
    values = numpy.array([[10, 20, 0, 40, -1], [5, 5, 7, 8, 100]], dtype=numpy.float32)
    path = _raster(tmp_path / "population.tif", values)
    raster = QgsRasterLayer(path, "population")  # an object, not a path (qgis-notes: context destruction)
    _KEPT.append(raster)
    result = processing.run("complete_community:estimate_population", {
        "POPULATION_RASTER": raster, "COMMUNITIES": _communities(), "POPULATION_FIELD": "population",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_COMMUNITIES": "TEMPORARY_OUTPUT"},
        context=processing_context, feedback=processing_context.feedback())
    assert result["OUTPUT"].featureCount() == 8  # the cells with residents
    assert result["TOTAL_POPULATION"] == pytest.approx(195.0)
    communities = {f["community_id"]: f for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert communities["C01"]["cc_population_est"] == pytest.approx(10 + 20 + 5 + 5)  # cell centres at x 50, 150
    assert communities["C01"]["cc_population"] == 5000
    assert communities["C02"]["cc_population"] == pytest.approx(40 + 8 + 100)  # centres at x 350 and 450
    assert communities["C02"]["cc_population_source"] == "estimated_raster"


def test_one_source_exactly(cc_provider, processing_context):
    with pytest.raises(QgsProcessingException, match="either building footprints or a population raster"):
        processing.run("complete_community:estimate_population", {"OUTPUT": "TEMPORARY_OUTPUT"},
                       context=processing_context, feedback=processing_context.feedback())
    buildings = memory_layer("Polygon?crs=EPSG:4547", "建筑", [([1], _box(0, 0, 10, 10))],
                             fields=[("use", QVariant.String)])
    with pytest.raises(QgsProcessingException, match="floors field"):
        processing.run("complete_community:estimate_population", {
            "BUILDINGS": buildings, "OUTPUT": "TEMPORARY_OUTPUT"},
            context=processing_context, feedback=processing_context.feedback())


def test_estimated_populations_are_marked_in_the_assess_report(cc_provider, tmp_path):
    """The sample district's C10 has no population: estimated from a grid, assess says so in the report."""
    import os
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    # A context of its own, deleted here: one that held the child algorithms' OGR layers can crash QGIS 3.22
    # when destroyed later (see qgis-notes).
    processing_context = QgsProcessingContext()
    processing_context.setProject(QgsProject.instance())
    processing_context.setFeedback(QgsProcessingFeedback())
    sample = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sample_data",
                          "sample_district.gpkg")
    values = numpy.full((20, 30), 25.0, dtype=numpy.float32)  # 100 m cells over the whole district
    raster = _raster(tmp_path / "grid.tif", values, origin=(525800.0, 3386000.0))
    communities = str(tmp_path / "communities.gpkg")
    processing.run("complete_community:estimate_population", {
        "POPULATION_RASTER": raster, "COMMUNITIES": "{}|layername=communities".format(sample),
        "POPULATION_FIELD": "population", "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_COMMUNITIES": communities},
        context=processing_context, feedback=processing_context.feedback())
    report = str(tmp_path / "report.html")
    processing.run("complete_community:assess", {
        "COMMUNITIES": communities, "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
        "POPULATION_FIELD": "cc_population", "FACILITIES": "{}|layername=facilities".format(sample),
        "CATEGORY_FIELD": "category", "OUTPUT_GPKG": str(tmp_path / "assessment.gpkg"), "OUTPUT_REPORT": report},
        context=processing_context, feedback=processing_context.feedback())
    del processing_context
    text = open(report, encoding="utf-8").read()
    note = "1 of 14 communities have an ESTIMATED population (cc_population_source: estimated_raster"
    assert note in text
    assert "民主街社区" in text.split(note, 1)[1][:300]
