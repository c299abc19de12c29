"""The same data gives the same walks whatever CRS it is stored in: the sample district in EPSG:4547 (its own),
4490 (CGCS2000 geographic) and 4326 (WGS84) — every walking distance within 0.5 m. Rounding noise of the
reprojection must not decide which of two equally near streets a point walks from (core/network.py,
SNAP_TIE_TOLERANCE)."""

import gc
import math
import os

import pytest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
TABLES = ("communities", "facilities", "roads")


def _stored_in(crs, directory):
    from osgeo import gdal

    gdal.UseExceptions()
    path = os.path.join(directory, "sample_{}.gpkg".format(crs.replace(":", "_")))
    for table in TABLES:
        options = ["-t_srs", crs, "-nln", table] + (["-update"] if os.path.exists(path) else [])
        result = gdal.VectorTranslate(path, SAMPLE, options=options + [table])
        result = None
    return path


def _distances(source, directory):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    def layer(name):
        return "{}|layername={}".format(source, name)

    output = os.path.join(directory, "walk_{}.gpkg".format(os.path.basename(source)[:-5]))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("complete_community:evaluate_walking_access", {
        "COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "POPULATION_FIELD": "population",
        "FACILITIES": layer("facilities"), "CATEGORY_FIELD": "category", "NETWORK": layer("roads"),
        "WALKABLE_FIELD": "walkable", "OUTPUT": output, "OUTPUT_RULES": "TEMPORARY_OUTPUT"},
        context=context, feedback=QgsProcessingFeedback())
    del context
    gc.collect()
    result = QgsVectorLayer(output, "walks", "ogr")
    fields = [name for name in result.fields().names() if name.endswith("_dist_m")]
    return {(feature["cc_community_id"], field): _number(feature[field]) for feature in result.getFeatures()
            for field in fields}


def _number(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else float(value)


def test_every_walk_is_the_same_in_4547_4490_and_4326(cc_provider, tmp_path):  # noqa: ARG001
    directory = str(tmp_path)
    reference = _distances(SAMPLE, directory)
    assert len(reference) > 100
    for crs in ("EPSG:4490", "EPSG:4326"):
        found = _distances(_stored_in(crs, directory), directory)
        assert set(found) == set(reference)
        differing = {key: (reference[key], found[key]) for key in reference
                     if (reference[key] is None) != (found[key] is None)
                     or (reference[key] is not None and not math.isclose(reference[key], found[key], abs_tol=0.5))}
        assert differing == {}, crs
