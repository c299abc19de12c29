"""The 15-minute life circle: forming circles from communities (pure), and evaluate_life_circle on the sample
district and on hand-made circles."""

import os

import numpy as np
import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsVectorLayer

from complete_community.core import life_circle
from complete_community.core.life_circle import (CommunityShape, GroupingLimits, form_life_circles,
                                                 form_life_circles_explained, group_radius)

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
LIMITS = GroupingLimits(min_population=50000, max_population=100000, max_radius_m=1000)


def _square(x, y, population, size=400.0):
    vertices = np.array([(x, y), (x + size, y), (x + size, y + size), (x, y + size)])
    return CommunityShape(x + size / 2, y + size / 2, population, vertices)


def test_neighbours_join_until_the_population_floor():
    # A row of 400 m squares with 20,000 residents each: the most populous (the 30,000 one) starts, its
    # nearest neighbours join until 50,000 is reached; the rest form a second circle.
    row = [_square(400 * i, 0, 20000) for i in range(6)]
    row[2] = _square(800, 0, 30000)
    groups = form_life_circles(row, LIMITS)
    assert sorted(index for group in groups for index in group) == list(range(6))  # each exactly once
    assert [1, 2] in groups or [2, 3] in groups
    for group in groups:
        assert group_radius([row[index] for index in group]) <= 1000


def test_the_radius_and_ceiling_stop_a_circle():
    far = [_square(0, 0, 40000), _square(5000, 0, 40000)]  # 5 km apart: two circles below the floor
    assert form_life_circles(far, LIMITS) == [[0], [1]]
    crowded = [_square(0, 0, 60000), _square(400, 0, 60000)]  # together above the ceiling
    assert form_life_circles(crowded, LIMITS) == [[0], [1]]


def test_each_formed_circle_says_why_it_stopped_growing():
    far = form_life_circles_explained([_square(0, 0, 40000), _square(5000, 0, 40000)], LIMITS)
    assert [(c.members, c.stop) for c in far] == [([0], life_circle.NO_NEIGHBOUR), ([1], life_circle.NO_NEIGHBOUR)]
    ceiling = GroupingLimits(min_population=50000, max_population=70000, max_radius_m=1000)
    crowded = form_life_circles_explained([_square(0, 0, 40000), _square(400, 0, 40000)], ceiling)
    assert [c.stop for c in crowded] == [life_circle.HEMMED_BY_CEILING, life_circle.NO_NEIGHBOUR]  # none left
    # Points 900 m apart, but squares of 1.5 km: together they would reach beyond 1,000 m.
    wide = form_life_circles_explained([_square(0, 0, 40000, 1500), _square(900, 0, 30000, 1500)], LIMITS)
    assert [c.stop for c in wide] == [life_circle.HEMMED_BY_RADIUS, life_circle.NO_NEIGHBOUR]
    enough = form_life_circles_explained([_square(0, 0, 30000), _square(400, 0, 30000)], LIMITS)
    assert [(c.members, c.stop) for c in enough] == [([0, 1], life_circle.FLOOR_REACHED)]
    lost = form_life_circles_explained([CommunityShape(float("nan"), 0.0, 100, np.zeros((0, 2)))], LIMITS)
    assert [c.stop for c in lost] == [life_circle.NO_POINT]


def test_forming_scales_to_a_city():
    """3,000 communities on a 60 × 50 lattice: every community in exactly one circle, within the ceiling."""
    rng = np.random.default_rng(3)
    shapes = [_square(650 * (i % 60), 650 * (i // 60), float(rng.integers(5000, 12000)), 650) for i in range(3000)]
    circles = form_life_circles_explained(shapes, LIMITS)
    assert sorted(index for circle in circles for index in circle.members) == list(range(3000))
    for circle in circles:
        population = sum(shapes[index].population for index in circle.members)
        assert population <= LIMITS.max_population
        assert (circle.stop == life_circle.FLOOR_REACHED) == (population >= LIMITS.min_population)


def test_why_circles_are_not_met_names_rules_stops_and_density():
    from complete_community.processing.evaluate_life_circle import LifeCirclesNotMet
    from complete_community.standards import load_standard

    why = LifeCirclesNotMet(load_standard(), "en")
    # Two communities of 9,000 hemmed in by the 1,000 m radius at 800 m: 18,000 ÷ (π × 0.8²) = 8,952 per km²,
    # so a whole 1,000 m circle holds about 28,125 at that density, below the 50,000 floor.
    for _ in range(3):
        why.add(life_circle.HEMMED_BY_RADIUS, 18000.0, 800.0, [("life_circle.population", "advisory"),
                                                               ("life_circle.primary_school", "info")])
    why.add(None, None, None, [("life_circle.population", "no_data")])  # a drawn circle without population
    lines = why.lines(5)
    assert lines[0] == ("4 of 5 life circles are not met. Rules not met: Life-circle population ×3; "
                        "Life-circle population (no data) ×1.")
    assert lines[1].startswith("Why the formed circles that are not met stopped growing: below the population "
                               "floor: every community left nearby would take it beyond the service radius ×3")
    assert "8,952 residents per km²" in lines[2] and "about 28,125 residents" in lines[2] and "50,000" in lines[2]
    dense = LifeCirclesNotMet(load_standard(), "en")  # dense enough: the floor fits in the radius, no such line
    dense.add(life_circle.NO_NEIGHBOUR, 45000.0, 600.0, [("life_circle.population", "advisory")])
    assert len(dense.lines(1)) == 2 and LifeCirclesNotMet(load_standard(), "en").lines(3) == []


def test_unknown_population_and_missing_points():
    shapes = [_square(0, 0, None), _square(400, 0, 49000), CommunityShape(float("nan"), float("nan"), 5000,
                                                                          np.zeros((0, 2)))]
    groups = form_life_circles(shapes, LIMITS)
    assert [2] in groups and sorted(i for g in groups for i in g) == [0, 1, 2]


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _run(processing_context, **parameters):
    import processing

    defaults = dict(
        COMMUNITIES=_sample("communities"), COMMUNITY_ID_FIELD="community_id", COMMUNITY_NAME_FIELD="name",
        POPULATION_FIELD="population", TYPE_FIELD="community_type", FACILITIES=_sample("facilities"),
        CATEGORY_FIELD="category", FACILITY_AREAS=_sample("facility_areas"), AREA_CATEGORY_FIELD="category",
        NETWORK=_sample("roads"), WALKABLE_FIELD="walkable", OUTPUT="TEMPORARY_OUTPUT",
        OUTPUT_RULES="TEMPORARY_OUTPUT", OUTPUT_COMMUNITIES="TEMPORARY_OUTPUT")
    return processing.run("complete_community:evaluate_life_circle", dict(defaults, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


def test_sample_district_forms_circles_and_finds_the_gaps(cc_provider, processing_context):
    result = _run(processing_context)
    circles = list(result["OUTPUT"].getFeatures())
    members = [member for circle in circles for member in circle["member_ids"].split(", ")]
    assert sorted(members) == ["C{:02d}".format(n) for n in range(1, 15)]  # every community exactly once
    by_member = {f["community_id"]: f["life_circle_id"] for f in result["OUTPUT_COMMUNITIES"].getFeatures()}
    assert len(by_member) == 14 and all(by_member.values())
    for circle in circles:
        assert circle["lc_formed"] == "grouped"
        assert circle["life_circle_radius"] <= 1000
    # C13, across the motorway, is its own circle: far from every school; the campus's sports hall is the
    # only one, so the north-west lacks it (the sample's life-circle story).
    island = next(c for c in circles if c["member_ids"] == "C13")
    # 2.4 names the facilities without a distance: their distances are reported (info), never judged; the
    # population "5—10万人" is shown as advice.
    assert island["primary_school_dist_m"] > 1000 and island["lc_status"] == "advisory"
    assert island["lc_items_applicable"] == 0 and island["lc_score"] == NULL
    north_west = next(c for c in circles if "C01" in c["member_ids"].split(", "))
    assert north_west["sports_hall_dist_m"] > 1000
    rules = [f for f in result["OUTPUT_RULES"].getFeatures()]
    assert {f["rule_id"] for f in rules} >= {"life_circle.population", "life_circle.primary_school"}
    assert {f["status"] for f in rules if f["rule_id"] == "life_circle.primary_school"} <= {"info", "no_data"}
    with_c10 = next(c for c in circles if "C10" in c["member_ids"].split(", "))
    assert with_c10["life_circle_population"] == NULL  # C10's population is missing: no_data, not a sum


def _main_grid_circle(people_type, people):
    """A life-circle layer of one polygon over the sample's whole main grid (every community but C13, beyond the
    motorway), named 光谷生活圈, with `people` in a field of `people_type`."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=name:string&field=people:{}".format(people_type), "生活圈",
                           "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["光谷生活圈", people])
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((526000 3384000, 527920 3384000, 527920 3385800, 526000 3385800, 526000 3384000))"))
    layer.dataProvider().addFeatures([feature])
    return layer


def test_given_life_circles(cc_provider, processing_context):
    layer = _main_grid_circle("integer", 80000)
    feedback_messages = []
    processing_context.feedback().pushWarning = feedback_messages.append
    result = _run(processing_context, LIFE_CIRCLES=layer, LIFE_CIRCLE_NAME_FIELD="name",
                  LIFE_CIRCLE_POPULATION_FIELD="people")
    circle = next(result["OUTPUT"].getFeatures())
    assert circle["lc_name"] == "光谷生活圈" and circle["lc_formed"] == "given"
    assert circle["member_count"] == 13 and "C13" not in circle["member_ids"]
    assert circle["life_circle_population"] == 80000
    statuses = {f["rule_id"]: f["status"] for f in result["OUTPUT_RULES"].getFeatures()}
    assert statuses["life_circle.population"] == "pass"
    assert statuses["life_circle.metro"] == "info"  # "轨道交通1站可便捷到达": the walk is reported
    assert any("1 communities lie in no life circle" in message for message in feedback_messages)


def test_a_given_life_circle_without_a_name_is_known_by_its_id(cc_provider, processing_context):
    """A NULL (or blank) name is not the circle's name "NULL": it is named by its feature id, as without a name
    field."""
    layer = _main_grid_circle("integer", 80000)
    layer.dataProvider().changeAttributeValues({next(layer.getFeatures()).id(): {0: NULL}})
    circle = next(_run(processing_context, LIFE_CIRCLES=layer, LIFE_CIRCLE_NAME_FIELD="name")["OUTPUT"].getFeatures())
    assert circle["lc_name"] == circle["lc_id"] and circle["lc_name"] not in (NULL, "NULL")


def test_through_qgis_process(run_qgis_process, tmp_path):
    output = tmp_path / "circles.gpkg"
    run_qgis_process([
        "run", "complete_community:evaluate_life_circle", "--",
        "COMMUNITIES={}|layername=communities".format(SAMPLE), "POPULATION_FIELD=population",
        "COMMUNITY_ID_FIELD=community_id", "FACILITIES={}|layername=facilities".format(SAMPLE),
        "CATEGORY_FIELD=category", "NETWORK={}|layername=roads".format(SAMPLE), "WALKABLE_FIELD=walkable",
        "OUTPUT=ogr:dbname='{}' table=\"life_circles\" (geom)".format(output)])
    layer = QgsVectorLayer("{}|layername=life_circles".format(output), "c", "ogr")
    assert layer.featureCount() >= 2
    assert layer.renderer().classAttribute() == "lc_status"


@pytest.mark.parametrize("population", [49999, 50000, 100000, 100001])
def test_population_floor_and_ceiling_are_the_standards(population):
    from complete_community.core.engine import evaluate_rule
    from complete_community.core.records import CommunityRecord
    from complete_community.standards import load_standard

    standard = load_standard()
    record = CommunityRecord(id="LC", name="LC", community_type=None, attributes={"population": population})
    status = evaluate_rule(standard.rule("life_circle.population"), record, standard).status
    assert status == ("pass" if 50000 <= population <= 100000 else "advisory")


def test_the_life_circle_workbook_agrees_with_the_layers(cc_provider, processing_context, tmp_path):
    """OUTPUT_XLSX: one row per circle with its verdict, every rule row, read back by OGR's XLSX driver."""
    from osgeo import ogr

    from complete_community.core.status import status_label, verdict_of

    result = _run(processing_context, OUTPUT_XLSX=str(tmp_path / "circles.xlsx"))
    circles = {f["lc_id"]: f for f in result["OUTPUT"].getFeatures()}
    workbook = ogr.Open(result["OUTPUT_XLSX"])
    assert [workbook.GetLayer(i).GetName() for i in range(workbook.GetLayerCount())] == [
        "Summary", "Shortfalls", "Life circle × item", "Rules"]
    sheet = workbook.GetLayerByName("Life circle × item")
    definition = sheet.GetLayerDefn()
    header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = {feature.GetFieldAsString(0): feature for feature in sheet}
    assert sorted(rows) == sorted(circles)
    for identifier, circle in circles.items():
        row = rows[identifier]
        assert row.GetFieldAsString(header.index("Life circle")) == circle["lc_name"]
        assert row.GetFieldAsString(header.index("Verdict")) == status_label(circle["lc_status"])
        assert row.GetFieldAsString(header.index("15-minute life circle")) == status_label(
            circle["life_circle_status"])
    rules = workbook.GetLayerByName("Rules")
    assert rules.GetFeatureCount() == result["OUTPUT_RULES"].featureCount() > 0
    # The summary counts life circles, not communities (it said 评估社区数).
    summary = workbook.GetLayerByName("Summary")
    figures = {feature.GetFieldAsString(0): feature.GetFieldAsString(1) for feature in summary}
    assert figures["Life circles assessed"] == str(len(circles))
    assert figures["Life circles met"] == str(sum(1 for c in circles.values() if verdict_of(c["lc_status"]) == "pass"))
    assert not {"Communities assessed", "Complete communities", "Complete-community rate (communities)"} & set(figures)


def test_forming_stops_when_cancelled():
    from complete_community.core.network import SearchCancelled

    shapes = [_square(400.0 * n, 0.0, 20000) for n in range(5)]
    asked = []
    with pytest.raises(SearchCancelled):
        form_life_circles_explained(shapes, LIMITS, cancelled=lambda: asked.append(1) or len(asked) > 1)
    assert len(asked) == 2  # asked once per circle: the second circle is not formed


def _run_into(folder, feedback, **parameters):
    """evaluate_life_circle into folder/circles.gpkg with a context of its own; the error message or None."""
    import gc
    import traceback

    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    path = os.path.join(folder, "circles.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    layer = "{}|layername={}".format
    try:
        processing.run("complete_community:evaluate_life_circle", dict(dict(
            COMMUNITIES=layer(SAMPLE, "communities"), COMMUNITY_ID_FIELD="community_id", POPULATION_FIELD="population",
            FACILITIES=layer(SAMPLE, "facilities"), CATEGORY_FIELD="category", NETWORK=layer(SAMPLE, "roads"),
            WALKABLE_FIELD="walkable", OUTPUT="ogr:dbname='{}' table=\"life_circles\" (geom)".format(path),
            OUTPUT_RULES="ogr:dbname='{}' table=\"life_circle_rules\"".format(path),
            OUTPUT_COMMUNITIES="ogr:dbname='{}' table=\"members\" (geom)".format(path)), **parameters),
            context=context, feedback=feedback)
        return None
    except QgsProcessingException as raised:
        traceback.clear_frames(raised.__traceback__)
        return str(raised)
    finally:
        del context
        gc.collect()


@pytest.mark.parametrize("at", [0, 30, 70, 75, 85])
def test_a_cancelled_run_ends_cancelled_at_every_step_and_keeps_the_earlier_circles(cc_provider, tmp_path, at):
    """Cancelled as the bar reaches `at` % (reading, walking, the circles, writing): the run ends as cancelled,
    the earlier results stay byte for byte, and the bar never went back."""
    from file_digests import digest
    from qgis.core import QgsProcessingFeedback

    folder = str(tmp_path)
    full = QgsProcessingFeedback()
    full_progress = []
    full.progressChanged.connect(full_progress.append)
    assert _run_into(folder, full) is None
    assert all(later >= earlier - 1e-9 for earlier, later in zip(full_progress, full_progress[1:]))
    before = digest(os.path.join(folder, "circles.gpkg"))
    feedback = QgsProcessingFeedback()
    progress = []

    def cancel_at(value):
        progress.append(value)
        if value >= at:
            feedback.cancel()

    feedback.progressChanged.connect(cancel_at)
    error = _run_into(folder, feedback)
    assert progress and progress[-1] < max(full_progress), "cancelled only at the end"
    assert error is not None and error.startswith("Cancelled"), error
    assert digest(os.path.join(folder, "circles.gpkg")) == before
    assert sorted(os.listdir(folder)) == ["circles.gpkg"]


def test_a_given_population_that_is_no_number_is_reported_and_the_sum_used(cc_provider, processing_context):
    layer = _main_grid_circle("string", "约八万")
    warnings = []
    processing_context.feedback().pushWarning = warnings.append
    result = _run(processing_context, LIFE_CIRCLES=layer, LIFE_CIRCLE_NAME_FIELD="name",
                  LIFE_CIRCLE_POPULATION_FIELD="people")
    circle = next(result["OUTPUT"].getFeatures())
    communities = {f["community_id"]: f["population"] for f in _sample("communities").getFeatures()}
    members = circle["member_ids"].split(", ")
    if any(communities[member] == NULL for member in members):
        assert circle["life_circle_population"] == NULL
    else:
        assert circle["life_circle_population"] == sum(communities[member] for member in members)
    assert any("people" in warning and "not numbers" in warning for warning in warnings), warnings
