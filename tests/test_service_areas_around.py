"""service_areas' AROUND_NOT_MET (assess's SERVICE_AREAS_WHERE default): which street pieces are drawn around
the communities that need looking at, and what is said when that layer cannot tell."""

import pytest
from memory_layers import memory_layer
from recording_feedback import RecordingFeedback
from qgis.core import QgsGeometry

STATUS_FIELDS = "field=cc_community_id:string&field=kindergarten_access_status:string&field=kindergarten_status:string"


def _run(processing_context, around, feedback=None, **extra):
    """A kindergarten 10 m off one straight 2 km street (a single segment): it walks 490 m each way, the
    eastern piece (-350, 150)→(140, 150) crossing into the community box (0, 0)-(300, 300) with its middle
    (-105, 150) outside it; the western piece (-840, 150)→(-350, 150) far from it."""
    import processing

    facilities = memory_layer("Point?crs=EPSG:4547&field=kind:string", "f", [(("幼儿园",), "POINT(-350 160)")])
    roads = memory_layer("LineString?crs=EPSG:4547", "r", [((), "LINESTRING(-1000 150, 1000 150)")])
    feedback = feedback or processing_context.feedback()
    parameters = dict({"FACILITIES": facilities, "CATEGORY_FIELD": "kind", "NETWORK": roads, "SHAPE": 1,
                       "CATEGORIES": "kindergarten", "AROUND_NOT_MET": around, "OUTPUT": "TEMPORARY_OUTPUT"}, **extra)
    output = processing.run("complete_community:service_areas", parameters, context=processing_context,
                            feedback=feedback)["OUTPUT"]
    return list(output.getFeatures())


@pytest.mark.parametrize("shape", [0, 1])
def test_a_long_piece_crossing_a_community_with_its_middle_outside_is_drawn(cc_provider, processing_context, shape):
    communities = memory_layer("Polygon?crs=EPSG:4547&" + STATUS_FIELDS, "c", [
        (("C1", "fail", "pass"), "POLYGON((0 0, 300 0, 300 300, 0 300, 0 0))")])
    (area,) = _run(processing_context, communities, SHAPE=shape)
    assert area["street_m"] == pytest.approx(980.0)
    assert not area["note"] and area.hasGeometry() and not area.geometry().isEmpty()
    if shape == 1:  # the whole piece, exactly to the limit (±1 cm)
        line = area.geometry()
        assert line.length() == pytest.approx(490.0, abs=1e-6)
        for x, served in ((-350 + 0.01, True), (-350 - 0.01, False), (140 - 0.01, True), (140 + 0.01, False)):
            assert (line.distance(QgsGeometry.fromWkt("POINT({} 150)".format(x))) < 1e-9) is served, x


def test_a_community_far_from_the_piece_still_leaves_it_out(cc_provider, processing_context):
    communities = memory_layer("Polygon?crs=EPSG:4547&" + STATUS_FIELDS, "c", [
        (("C1", "fail", "pass"), "POLYGON((500 0, 800 0, 800 300, 500 300, 500 0))")])
    (area,) = _run(processing_context, communities)
    assert area.geometry().isEmpty() and "lack nothing" in area["note"]


def test_a_layer_without_the_status_fields_is_named_and_drawn_everywhere(cc_provider, processing_context):
    """Communities that were not assessed: no kindergarten_access_status nor kindergarten_status: the warning
    names the layer and those fields, and the kindergarten's streets are drawn everywhere."""
    communities = memory_layer("Polygon?crs=EPSG:4547&field=name:string", "未评估社区", [
        (("A",), "POLYGON((500 0, 800 0, 800 300, 500 300, 500 0))")])
    feedback = RecordingFeedback()
    (area,) = _run(processing_context, communities, feedback)
    assert area.geometry().length() == pytest.approx(980.0, abs=1e-6)  # both pieces
    (warning,) = [text for text in feedback.warnings if "未评估社区" in text]
    assert "kindergarten_access_status" in warning and "kindergarten_status" in warning


def test_communities_left_out_are_listed_by_id(cc_provider, processing_context):
    """A community that needs looking at but has no geometry cannot be drawn around: its id is listed (a
    community that lacks nothing is not, it changes nothing)."""
    communities = memory_layer("Polygon?crs=EPSG:4547&" + STATUS_FIELDS, "社区", [
        (("C1", "fail", "pass"), "POLYGON((0 0, 300 0, 300 300, 0 300, 0 0))"),
        (("C2", "advisory", "pass"), None), (("C3", "pass", "pass"), None)])
    feedback = RecordingFeedback()
    (area,) = _run(processing_context, communities, feedback)
    assert not area.geometry().isEmpty()
    (warning,) = [text for text in feedback.warnings if "社区" in text and "geometry" in text]
    assert "C2" in warning and "C3" not in warning
