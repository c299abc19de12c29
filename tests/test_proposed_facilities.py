"""PROPOSED_FACILITIES: planned facilities evaluated together with the existing ones, the verdict without them
written beside (…_before), on evaluate_facilities, evaluate_walking_access and assess; suggest_sites' output
passed straight back in."""

import os
import re

from memory_layers import memory_layer
from qgis.core import QgsVectorLayer

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
SAMPLE_PARAMETERS = {
    "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
    "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category", "AREA_CATEGORY_FIELD": "category",
    "FACILITY_TOLERANCE": 10,
}
# C09 建设里 (x 526960–527440, y 3384450–3384900 roughly): its nursery is 150 m², below the 200 m² rule.
C09_POINT = "POINT(527100 3384700)"


def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _planned(label, area, point=C09_POINT):
    return memory_layer("Point?crs=EPSG:4547&field=kind:string&field=building_area:double", "scheme A",
                        [([label, area], point)])


def _run(processing_context, algorithm, **parameters):
    import processing

    defaults = {"OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    return processing.run("complete_community:" + algorithm, dict(defaults, **SAMPLE_PARAMETERS, **parameters),
                          context=processing_context, feedback=processing_context.feedback())


def _by_id(layer):
    return {feature["cc_community_id"]: feature for feature in layer.getFeatures()}


def test_a_planned_nursery_turns_the_community_missing_one_to_pass(cc_provider, processing_context):
    result = _run(processing_context, "evaluate_facilities", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"), FACILITY_AREAS=_sample("facility_areas"),
                  PROPOSED_FACILITIES=_planned("托儿所", 260.0), PROPOSED_CATEGORY_FIELD="kind",
                  BUILDING_AREA_FIELD="building_area")
    communities = _by_id(result["OUTPUT"])
    c09 = communities["C09"]
    assert (c09["nursery_status_before"], c09["nursery_status"]) == ("fail", "pass")
    assert c09["cc_planned"] == 1
    assert c09["cc_score"] > c09["cc_score_before"]
    for key, feature in communities.items():
        if key != "C09":
            assert feature["cc_planned"] == 0
            assert feature["cc_status"] == feature["cc_status_before"], key
    rules = {(f["community_id"], f["rule_id"]): f for f in result["OUTPUT_RULES"].getFeatures()}
    area = rules[("C09", "nursery.building_area")]
    assert (area["status_before"], area["status"]) == ("fail", "pass")


def test_without_planned_facilities_nothing_before_is_written(cc_provider, processing_context):
    result = _run(processing_context, "evaluate_facilities", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"))
    names = result["OUTPUT"].fields().names()
    assert "cc_status_before" not in names and "cc_planned" not in names
    assert "status_before" not in result["OUTPUT_RULES"].fields().names()


def test_a_planned_health_station_brings_walking_within_the_limit(cc_provider, processing_context):
    """With the walking limits binding (the walking_required overlay), C09's walk verdict turns to pass."""
    result = _run(processing_context, "evaluate_walking_access", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"), NETWORK=_sample("roads"), WALKABLE_FIELD="walkable",
                  PROPOSED_FACILITIES=_planned("社区卫生服务站", 150.0), PROPOSED_CATEGORY_FIELD="kind",
                  STANDARD="walking_required")
    c09 = _by_id(result["OUTPUT"])["C09"]
    assert c09["health_station_access_status"] == "pass"
    assert c09["walk_status_before"] == "fail"
    rules = {(f["community_id"], f["rule_id"]): f for f in result["OUTPUT_RULES"].getFeatures()}
    walk = rules[("C09", "health_service_station.walking_distance")]
    assert (walk["status_before"], walk["status"]) == ("fail", "pass")


def test_suggest_sites_output_is_a_scheme_to_evaluate(cc_provider, processing_context):
    """The sites suggest_sites writes carry their category code: passed back as PROPOSED_FACILITIES, the
    communities it says are met are met by evaluate_walking_access too."""
    import processing

    suggested = processing.run("complete_community:suggest_sites", dict(
        SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        NETWORK=_sample("roads"), WALKABLE_FIELD="walkable", CATEGORY="health_station", OBJECTIVE=1,
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_COMMUNITIES="TEMPORARY_OUTPUT"),
        context=processing_context, feedback=processing_context.feedback())
    predicted = {f["cc_community_id"]: f for f in suggested["OUTPUT_COMMUNITIES"].getFeatures()}
    result = _run(processing_context, "evaluate_walking_access", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"), NETWORK=_sample("roads"), WALKABLE_FIELD="walkable",
                  PROPOSED_FACILITIES=suggested["OUTPUT"])
    for key, feature in _by_id(result["OUTPUT"]).items():
        assert feature["health_station_dist_m"] == predicted[key]["dist_after_m"] or (
            abs(feature["health_station_dist_m"] - predicted[key]["dist_after_m"]) < 1e-6), key


def test_assess_shows_before_and_after_in_the_layer_and_the_report(cc_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    planned_path = str(tmp_path / "scheme.gpkg")
    writer_context = QgsProcessingContext()
    writer_context.setProject(QgsProject.instance())
    processing.run("native:savefeatures", {"INPUT": _planned("托儿所", 260.0), "OUTPUT": planned_path},
                   context=writer_context, feedback=QgsProcessingFeedback())

    def layer(name):
        return "{}|layername={}".format(SAMPLE, name)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run("complete_community:assess", dict(
        SAMPLE_PARAMETERS, COMMUNITIES=layer("communities"), FACILITIES=layer("facilities"),
        FACILITY_AREAS=layer("facility_areas"), NETWORK=layer("roads"), WALKABLE_FIELD="walkable",
        HOUSEHOLDS_FIELD="households", BUILDING_AREA_FIELD="building_area", PROPOSED_FACILITIES=planned_path,
        PROPOSED_CATEGORY_FIELD="kind", OUTPUT_GPKG=str(tmp_path / "a.gpkg"),
        OUTPUT_REPORT=str(tmp_path / "report.html")), context=context, feedback=QgsProcessingFeedback())
    communities = QgsVectorLayer("{}|layername=communities".format(results["OUTPUT_GPKG"]), "c", "ogr")
    c09 = _by_id(communities)["C09"]
    assert (c09["nursery_status_before"], c09["nursery_status"]) == ("fail", "pass")
    # The life circles and the service areas are drawn with the planned nursery too, and mark it.
    circles = QgsVectorLayer("{}|layername=life_circles".format(results["OUTPUT_GPKG"]), "l", "ogr")
    assert {f["member_ids"]: f["cc_planned"] for f in circles.getFeatures() if f["cc_planned"]} == {
        next(f["member_ids"] for f in circles.getFeatures() if "C09" in f["member_ids"].split(", ")): 1}
    areas = QgsVectorLayer("{}|layername=service_areas".format(results["OUTPUT_GPKG"]), "s", "ogr")
    planned = [f for f in areas.getFeatures() if f["planned"] == 1]
    assert [(f["source_layer"], f["cc_category"]) for f in planned] == [("scheme", "nursery")]
    # The report's 补短板 section: the planned nursery inside 建设里, and C09's nursery fail → pass.
    with open(results["OUTPUT_REPORT"], encoding="utf-8") as stream:
        report = stream.read()
    section = report[report.index('<section class="part" id="scheme">'):]
    section = section[:section.index("</section>")]
    assert re.search(r'<tr><td class="num">1</td><td>Nursery \(ages 0–3\)</td><td>建设里社区</td></tr>', section)
    assert re.search(r'<tr data-item="nursery"><td>[^<]*</td><td class="num">(\d+) → (\d+)</td>', section)
    failing_before, failing_after = map(int, re.search(
        r'<tr data-item="nursery"><td>[^<]*</td><td class="num">(\d+) → (\d+)</td>', section).groups())
    assert failing_after == failing_before - 1
    changed = section[section.index('id="scheme-communities"'):]
    assert re.findall(r'<tr data-id="(\w+)">', changed) == ["C09"]
    c09_row = changed[changed.index('data-id="C09"'):].split("</tr>")[0]
    assert "One nursery" in c09_row and c09_row.count('class="badge"') >= 4  # verdict and item, before → after
    del context, writer_context


def test_suggested_sites_carry_the_sizes_they_were_counted_with(cc_provider, processing_context):
    """C03's kindergarten is 0.1 m² too small: the site suggested inside it is counted at the standard's size by
    suggest_sites, and evaluate_facilities counts it the same from the fields the output carries."""
    import processing

    suggested = processing.run("complete_community:suggest_sites", dict(
        SAMPLE_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        NETWORK=_sample("roads"), WALKABLE_FIELD="walkable", CATEGORY="kindergarten", OBJECTIVE=1,
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_COMMUNITIES="TEMPORARY_OUTPUT"),
        context=processing_context, feedback=processing_context.feedback())
    predicted = {f["cc_community_id"]: f for f in suggested["OUTPUT_COMMUNITIES"].getFeatures()}
    assert (predicted["C03"]["status_before"], predicted["C03"]["status_after"]) == ("fail", "pass")
    site = next(iter(suggested["OUTPUT"].getFeatures()))
    assert site["building_area"] >= 2200 and site["land_area"] >= 3500 and site["classes"] >= 6
    result = _run(processing_context, "evaluate_facilities", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"), FACILITY_AREAS=_sample("facility_areas"),
                  BUILDING_AREA_FIELD="building_area", PROPOSED_FACILITIES=suggested["OUTPUT"])
    for key, feature in _by_id(result["OUTPUT"]).items():
        assert feature["kindergarten_status"] == predicted[key]["status_after"], key
        assert feature["kindergarten_status_before"] == predicted[key]["status_before"], key


# C13 (x 528160–528680, y 3384000–3384450) lies alone beyond the motorway: a primary school planned inside it,
# beside its street at y = 3384250, shortens its life circle's walk to a primary school.
C13_POINT = "POINT(528250 3384270)"


def _circles(processing_context, **extra):
    result = _run(processing_context, "evaluate_life_circle", COMMUNITIES=_sample("communities"),
                  FACILITIES=_sample("facilities"), NETWORK=_sample("roads"), WALKABLE_FIELD="walkable", **extra)
    layer = result["OUTPUT"]
    return layer, {f["member_ids"]: f for f in layer.getFeatures()}


def test_a_planned_primary_school_changes_the_life_circle_and_is_counted_as_planned(cc_provider, processing_context):
    layer_before, before = _circles(processing_context)
    assert "cc_planned" not in layer_before.fields().names()
    layer, after = _circles(processing_context, PROPOSED_FACILITIES=_planned("小学", 6000.0, C13_POINT),
                            PROPOSED_CATEGORY_FIELD="kind")
    assert sorted(after) == sorted(before)  # the same circles (planned facilities do not move communities)
    c13 = next(key for key in after if "C13" in key.split(", "))
    assert after[c13]["primary_school_dist_m"] < before[c13]["primary_school_dist_m"]
    assert after[c13]["cc_planned"] == 1
    assert all(after[key]["cc_planned"] == 0 for key in after if key != c13)


def test_service_areas_draw_planned_facilities_and_mark_them(cc_provider, processing_context):
    import processing

    def service_areas(**extra):
        result = processing.run("complete_community:service_areas", dict(
            FACILITIES=_sample("facilities"), CATEGORY_FIELD="category", NETWORK=_sample("roads"),
            WALKABLE_FIELD="walkable", SHAPE=1, CATEGORIES="health_station", OUTPUT="TEMPORARY_OUTPUT", **extra),
            context=processing_context, feedback=processing_context.feedback())
        return list(result["OUTPUT"].getFeatures()), result["OUTPUT"].fields().names()

    existing, names = service_areas()
    assert "planned" not in names
    with_plan, names = service_areas(PROPOSED_FACILITIES=_planned("社区卫生服务站", 150.0),
                                     PROPOSED_CATEGORY_FIELD="kind")
    planned = [f for f in with_plan if f["planned"] == 1]
    assert len(planned) == 1 and planned[0]["source_layer"] == "scheme A" and planned[0]["street_m"] > 0
    assert len(with_plan) == len(existing) + 1 and all(f["planned"] == 0 for f in with_plan if f not in planned)
    # Streets go to their nearest facility: the planned station takes over streets an existing one had.
    assert sum(f["street_m"] or 0 for f in with_plan if f["planned"] == 0) < sum(f["street_m"] or 0 for f in existing)
