"""suggest_sites (补短板选址建议) on the sample district and on small hand-built layers: sites in order with the
cumulative coverage, candidates too small for the item's area rule left out with the reason, one site inside each
community that lacks the item, before → after per community."""

import os
import re

import pytest
from memory_layers import memory_layer
from qgis.core import NULL, QgsVectorLayer

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
SAMPLE_PARAMETERS = {
    "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
    "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category", "AREA_CATEGORY_FIELD": "category",
    "WALKABLE_FIELD": "walkable", "ORIGIN_POPULATION_FIELD": "population",
}


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _run(processing_context, parameters):
    import processing

    defaults = {"OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_COMMUNITIES": "TEMPORARY_OUTPUT"}
    return processing.run("complete_community:suggest_sites", dict(defaults, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


def _sample_run(processing_context, **extra):
    return _run(processing_context, dict(
        SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        FACILITY_AREAS=_sample("facility_areas"), NETWORK=_sample("roads"), ORIGINS=_sample("population_points"),
        **extra))


def test_health_station_for_the_community_without_one(cc_provider, processing_context):
    """C09 has no health station and the neighbours' are beyond 500 m: one site inside it fixes the item."""
    result = _sample_run(processing_context, CATEGORY="health_station", OBJECTIVE=1)
    sites = list(result["OUTPUT"].getFeatures())
    communities = {f["cc_community_id"]: f for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert communities["C09"]["status_before"] == "fail"
    lacking = sorted(key for key, f in communities.items() if f["status_before"] == "fail")
    assert [site["community_id"] for site in sites] == lacking
    c09 = communities["C09"]
    assert c09["status_after"] == "pass"
    assert c09["dist_after_m"] < c09["dist_before_m"]
    assert c09["covered_pct_after"] > c09["covered_pct_before"]
    geometry = next(f.geometry() for f in _sample("communities").getFeatures() if f["community_id"] == "C09")
    site = next(site for site in sites if site["community_id"] == "C09")
    assert geometry.contains(site.geometry())
    assert "C09" in site["communities_met"] or "建设里" in site["communities_met"]
    untouched = [key for key, f in communities.items() if f["status_before"] == "pass"]
    assert all(communities[key]["status_after"] == "pass" for key in untouched)


def test_maximal_covering_lists_sites_with_the_cumulative_coverage(cc_provider, processing_context):
    result = _sample_run(processing_context, CATEGORY="health_station", OBJECTIVE=0, MAX_SITES=3,
                         OUTPUT_INELIGIBLE="TEMPORARY_OUTPUT")
    assert result["OUTPUT_INELIGIBLE"].featureCount() == 0  # generated candidates are all usable
    sites = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    assert 1 <= len(sites) <= 3
    assert [site["rank"] for site in sites] == list(range(1, len(sites) + 1))
    shares = [site["covered_share_pct"] for site in sites]
    assert shares == sorted(shares)
    gains = [site["new_residents"] for site in sites]
    assert gains == sorted(gains, reverse=True) and gains[0] > 0  # greedy gains never grow
    assert all(site["candidate_source"] == "generated" for site in sites)
    communities = {f["cc_community_id"]: f for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert communities["C09"]["covered_pct_after"] > communities["C09"]["covered_pct_before"]


def _street_layers():
    """One street from (0,0) to (2000,0); a community on each half; residents all along; no kindergarten."""
    # kindergarten_affordable: 2.3 表 第2项 "提供普惠性学前教育服务" is a required rule of the item.
    communities = memory_layer("Polygon?crs=EPSG:4547&field=community_id:string&field=population:double"
                               "&field=kindergarten_affordable:integer", "communities", [
                                   (["W", 6000, 1], "POLYGON((0 -100, 1000 -100, 1000 100, 0 100, 0 -100))"),
                                   (["E", 6000, 1], "POLYGON((1000 -100, 2000 -100, 2000 100, 1000 100, 1000 -100))")])
    roads = memory_layer("LineString?crs=EPSG:4547&field=name:string", "roads",
                         [(["main"], "LINESTRING(0 0, 1000 0, 2000 0)")])
    origins = memory_layer("Point?crs=EPSG:4547&field=population:double", "homes",
                           [([100], "POINT({} 10)".format(x)) for x in range(50, 2000, 100)])
    facilities = memory_layer("Point?crs=EPSG:4547&field=category:string", "facilities",
                              [(["超市"], "POINT(5000 5000)")])
    return communities, roads, origins, facilities


def test_candidates_too_small_are_not_eligible_and_the_rest_are_ranked(cc_provider, processing_context):
    communities, roads, origins, facilities = _street_layers()
    # a big plot in the middle of the west half, too small a plot at the centre, a big one in the east
    plots = memory_layer("Polygon?crs=EPSG:4547&field=name:string&field=floor:double", "plots", [
        (["west", 3000], "POLYGON((450 20, 550 20, 550 60, 450 60, 450 20))"),      # 4,000 m²
        (["tiny", 3000], "POLYGON((990 20, 1010 20, 1010 40, 990 40, 990 20))"),    # 400 m²
        (["east", 3000], "POLYGON((1450 20, 1550 20, 1550 60, 1450 60, 1450 20))"),
        (["far", 3000], "POLYGON((450 5020, 550 5020, 550 5060, 450 5060, 450 5020))"),  # 5 km off the street
        (["lost", 3000], None)])
    result = _run(processing_context, {
        "COMMUNITIES": communities, "COMMUNITY_ID_FIELD": "community_id", "POPULATION_FIELD": "population",
        "FACILITIES": facilities, "CATEGORY_FIELD": "category", "NETWORK": roads, "ORIGINS": origins,
        "ORIGIN_POPULATION_FIELD": "population", "CATEGORY": "kindergarten", "CANDIDATES": plots,
        "CANDIDATE_FLOOR_AREA_FIELD": "floor", "MAX_SITES": 3, "OUTPUT_INELIGIBLE": "TEMPORARY_OUTPUT"})
    sites = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    # the tiny plot (400 m² < the kindergarten's land rule) is never suggested, although it is central
    assert [site["name"] for site in sites] == ["west", "east"]
    assert [site["new_residents"] for site in sites] == [1000, 1000]  # 10 origins of 100 within 500 m each
    assert [site["covered_share_pct"] for site in sites] == [50.0, 100.0]
    assert [site["floor"] for site in sites] == [3000, 3000]
    after = {f["cc_community_id"]: f for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert after["W"]["status_before"] == "fail" and after["W"]["status_after"] == "pass"
    assert after["E"]["status_after"] == "pass"
    assert [site["communities_met"] for site in sites] == ["W", "E"]
    # The candidates that could not be suggested, each with the reason, its geometry and its own fields.
    ineligible = {f["name"]: f for f in result["OUTPUT_INELIGIBLE"].getFeatures()}
    assert sorted(ineligible) == ["far", "lost", "tiny"]
    tiny = ineligible["tiny"]
    assert re.search(r"\b400 m² is less than the 3500 m² required", tiny["reason"]), tiny["reason"]
    assert tiny["community_id"] in ("W", "E") and tiny.geometry().area() == pytest.approx(400.0)
    assert tiny["floor"] == 3000
    assert "road network" in ineligible["far"]["reason"] and ineligible["far"]["community_id"] == NULL
    assert "geometry" in ineligible["lost"]["reason"] and not ineligible["lost"].hasGeometry()


def test_bad_category_and_missing_network_are_clear_messages(cc_provider, processing_context):
    from qgis.core import QgsProcessingException

    communities, roads, origins, facilities = _street_layers()
    base = {"COMMUNITIES": communities, "COMMUNITY_ID_FIELD": "community_id", "POPULATION_FIELD": "population",
            "FACILITIES": facilities, "CATEGORY_FIELD": "category", "MAX_SITES": 1}
    with pytest.raises(QgsProcessingException, match="kindergarden"):
        _run(processing_context, dict(base, NETWORK=roads, CATEGORY="kindergarden"))
    with pytest.raises(QgsProcessingException, match="network"):
        _run(processing_context, dict(base, CATEGORY="kindergarten"))
