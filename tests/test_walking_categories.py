"""CATEGORIES: walking distances to catalogue categories the standard sets no limit for, as information."""

import processing
import pytest
from qgis.core import NULL, QgsProcessingException

from memory_layers import memory_layer

CRS = "EPSG:4547"


def _run(processing_context, categories, **extra):
    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(CRS), "社区", [
        (("A", 8000), "POLYGON((0 0, 200 0, 200 200, 0 200, 0 0))")])
    facilities = memory_layer("Point?crs={}&field=kind:string".format(CRS), "设施", [
        (("药店",), "POINT(600 90)"), (("幼儿园",), "POINT(300 110)"), (("supermarket;pharmacy",), "POINT(900 100)")])
    roads = memory_layer("LineString?crs={}".format(CRS), "道路", [((), "LINESTRING(-100 100, 1000 100)")])
    parameters = {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name",
                  "DEFAULT_TYPE": 0, "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads,
                  "CATEGORIES": categories, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    parameters.update(extra)
    return processing.run("complete_community:evaluate_walking_access", parameters, context=processing_context,
                          feedback=processing_context.feedback())


def test_informative_distances_for_categories_without_a_limit(cc_provider, processing_context):
    result = _run(processing_context, "pharmacy, 公共厕所", OUTPUT_ROUTES="TEMPORARY_OUTPUT")
    community = next(result["OUTPUT"].getFeatures())
    assert community["pharmacy_dist_m"] == pytest.approx(500 + 10)        # from (100, 100) to (600, 90)
    assert community["pharmacy_walk_min"] == pytest.approx(510 / 50.0)
    assert community["pharmacy_access_status"] == "info"
    assert community["public_toilet_dist_m"] == NULL and community["public_toilet_access_status"] == "no_data"
    assert community["kindergarten_access_status"] == "pass"            # the standard's own limits as before
    assert community["walk_status"] in ("pass", "fail", "no_data")
    routes = {f["category"]: f for f in result["OUTPUT_ROUTES"].getFeatures()}
    assert routes["pharmacy"]["status"] == "info" and routes["pharmacy"]["limit_m"] == NULL


def test_unknown_categories_are_named(cc_provider, processing_context):
    with pytest.raises(QgsProcessingException, match="宠物店"):
        _run(processing_context, "pharmacy, 宠物店")


def test_all_measures_every_category(cc_provider, processing_context):
    community = next(_run(processing_context, "all")["OUTPUT"].getFeatures())
    names = community.fields().names()
    assert "parking_dist_m" in names and "charging_station_dist_m" in names and "pharmacy_dist_m" in names


def test_residents_access_weighs_only_the_residents_who_can_walk_there():
    """Per community: the mean over reachable residents, the share within the limit over all residents; an origin
    without residents that cannot reach any facility (inf) neither poisons the sums nor warns (0 × inf)."""
    import warnings

    import numpy as np

    from complete_community.core.walking import residents_access

    community = [0, 0, 0, 1, 1, -1]
    population = [100, 0, np.nan, 50, -3, 1000]
    distance = [400.0, np.inf, 900.0, np.inf, 100.0, 10.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first, second = residents_access(community, population, distance, 500.0, 2)
    assert (first.mean_m, first.covered_share, first.reached, first.unreached, first.population) == (
        400.0, 1.0, 100.0, 0.0, 100.0)
    assert (second.mean_m, second.covered_share, second.reached, second.unreached, second.population) == (
        None, 0.0, 0.0, 50.0, 50.0)
