"""Roads that cross without a shared vertex: counted and reported; SPLIT_AT_CROSSINGS connects them except
across bridges and tunnels; the OSM walkable filter (evaluate_walking_access, service_areas, assess)."""

import processing
import pytest
from qgis.core import NULL

from memory_layers import memory_layer
from recording_feedback import RecordingFeedback

CRS = "EPSG:4547"


def _layers(level_values=("", ""), highways=("residential", "residential")):
    """Community A around (100, 100) on an east-west street; a kindergarten 5 m off a north-south street that
    crosses the first at (300, 100) WITHOUT a vertex there."""
    communities = memory_layer("Polygon?crs={}&field=name:string&field=pop:integer".format(CRS), "社区", [
        (("A", 8000), "POLYGON((0 0, 200 0, 200 200, 0 200, 0 0))")])
    facilities = memory_layer("Point?crs={}&field=kind:string".format(CRS), "设施", [(("幼儿园",), "POINT(305 -300)")])
    roads = memory_layer("LineString?crs={}&field=level:string&field=highway:string".format(CRS), "道路", [
        ((level_values[0], highways[0]), "LINESTRING(-100 100, 400 100)"),
        ((level_values[1], highways[1]), "LINESTRING(300 -500, 300 500)")])
    return communities, facilities, roads


def _walk(processing_context, feedback=None, **extra):
    communities, facilities, roads = extra.pop("layers", None) or _layers()
    parameters = {"COMMUNITIES": communities, "POPULATION_FIELD": "pop", "COMMUNITY_NAME_FIELD": "name",
                  "DEFAULT_TYPE": 0, "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads,
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    parameters.update(extra)
    result = processing.run("complete_community:evaluate_walking_access", parameters, context=processing_context,
                            feedback=feedback or processing_context.feedback())
    return next(result["OUTPUT"].getFeatures())


def test_crossings_without_a_vertex_are_reported_and_left_apart_by_default(cc_provider, processing_context):
    feedback = RecordingFeedback()
    community = _walk(processing_context, feedback)
    assert community["kindergarten_dist_m"] == NULL and community["kindergarten_access_status"] == "no_data"
    assert any("1 place(s) where streets cross or meet without a shared vertex" in text and "SPLIT_AT_CROSSINGS" in text
               for text in feedback.texts)


def test_split_at_crossings_connects_them(cc_provider, processing_context):
    feedback = RecordingFeedback()
    community = _walk(processing_context, feedback, SPLIT_AT_CROSSINGS=True)
    assert community["kindergarten_dist_m"] == pytest.approx(200 + 400 + 5)
    assert any("are connected" in text for text in feedback.texts)


@pytest.mark.parametrize("level", ["桥", "1", "tunnel"])
def test_a_bridge_or_tunnel_is_not_connected(cc_provider, processing_context, level):
    feedback = RecordingFeedback()
    community = _walk(processing_context, feedback, layers=_layers(level_values=("", level)), SPLIT_AT_CROSSINGS=True,
                      LEVEL_FIELD="level")
    assert community["kindergarten_access_status"] == "no_data"
    assert any("between a bridge or tunnel" in text for text in feedback.texts)


def test_osm_bridge_tags_in_other_tags(cc_provider, processing_context):
    communities, facilities, _roads = _layers()
    roads = memory_layer("LineString?crs={}&field=highway:string&field=other_tags:string".format(CRS), "osm道路", [
        (("residential", None), "LINESTRING(-100 100, 400 100)"),
        (("primary", '"bridge"=>"yes","layer"=>"1"'), "LINESTRING(300 -500, 300 500)")])
    community = _walk(processing_context, layers=(communities, facilities, roads), SPLIT_AT_CROSSINGS=True)
    assert community["kindergarten_access_status"] == "no_data"


def test_osm_walkable_filter(cc_provider, processing_context):
    layers = _layers(highways=("residential", "motorway"))
    feedback = RecordingFeedback()
    community = _walk(processing_context, feedback, layers=layers, SPLIT_AT_CROSSINGS=True, OSM_WALKABLE=True)
    assert community["kindergarten_access_status"] == "no_data"
    assert any("OSM tags say nobody walks on" in text for text in feedback.texts)
    assert _walk(processing_context, layers=layers, SPLIT_AT_CROSSINGS=True)["kindergarten_dist_m"] == pytest.approx(605)


def test_service_areas_split_at_crossings(cc_provider, processing_context):
    _communities, facilities, roads = _layers()

    def street_length(split):
        result = processing.run("complete_community:service_areas", {
            "FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "SPLIT_AT_CROSSINGS": split,
            "OUTPUT": "TEMPORARY_OUTPUT"}, context=processing_context, feedback=processing_context.feedback())
        return next(result["OUTPUT"].getFeatures())["street_m"]

    # the kindergarten is 5 m off the street at (300, -300): 495 m of walking left each way along it, 200 m of
    # which exist southwards; connected at (300, 100), 95 m more along the east-west street both ways
    assert street_length(False) == pytest.approx(495 + 200, abs=1)
    assert street_length(True) > street_length(False) + 150
