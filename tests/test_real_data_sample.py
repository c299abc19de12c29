"""The sample district as real exports (Amap CSV in GCJ-02, Baidu CSV in BD-09): imported in one step, they give
the verdicts of the clean layers for every rule POIs can decide; rules that need areas, classes or cells (not in
POI exports) are no_data, never fail. And the accuracy benchmark passes."""

import os
import subprocess
import sys

import processing
import pytest
from qgis.core import QgsVectorLayer

from complete_community.standards import load_standard

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data")
GPKG = os.path.join(SAMPLE, "sample_district.gpkg")
_KEPT = []


@pytest.fixture(autouse=True, scope="module")
def _release_kept_layers():
    """Input layers are kept past each test's context (a destroyed context must not be the last owner of an OGR
    dataset) and released with the module, while QGIS still runs: never at interpreter exit."""
    yield
    _KEPT.clear()



def _sample(layer):
    loaded = QgsVectorLayer("{}|layername={}".format(GPKG, layer), layer, "ogr")
    assert loaded.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return loaded


def _poi_decidable(rule):
    """True when a POI export holds all a rule measures: counts (without a size band) and walking distances;
    community attributes and radii do not depend on facilities at all."""
    parts = rule.options if rule.options else (rule,)
    for part in parts:
        measure = part.measure
        if measure is None:
            return False
        if measure.kind in ("facility_measure", "facility_share"):
            return False
        if measure.kind == "facility_count" and measure.where:
            return False
    return True


def _import(context, file_name):
    layer = QgsVectorLayer(os.path.join(SAMPLE, file_name), file_name, "ogr")  # an object, not a path (qgis-notes)
    _KEPT.append(layer)
    result = processing.run("complete_community:import_pois", {
        "INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_UNMATCHED": "TEMPORARY_OUTPUT"}, context=context, feedback=context.feedback())
    return result


def _statuses(context, facilities, category_field, areas=None):
    parameters = {
        "COMMUNITIES": _sample("communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
        "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
        "FACILITIES": facilities, "CATEGORY_FIELD": category_field, "FACILITY_TOLERANCE": 10,
        "NETWORK": _sample("roads"), "WALKABLE_FIELD": "walkable",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
    if areas is not None:
        parameters.update(FACILITY_AREAS=areas, AREA_CATEGORY_FIELD="category")
    statuses = {}
    for algorithm in ("evaluate_facilities", "evaluate_walking_access"):
        wanted = {key: value for key, value in parameters.items()
                  if algorithm == "evaluate_walking_access" or key not in ("NETWORK", "WALKABLE_FIELD")}
        if algorithm == "evaluate_walking_access":
            wanted.pop("FACILITY_TOLERANCE", None)
        result = processing.run("complete_community:" + algorithm, wanted, context=context,
                                feedback=context.feedback())
        for feature in result["OUTPUT_RULES"].getFeatures():
            statuses[(feature["community_id"], feature["rule_id"])] = feature["status"]
    return statuses


@pytest.mark.parametrize("file_name", ["sample_district_amap.csv", "sample_district_baidu.csv"])
def test_imported_exports_give_the_clean_verdicts(cc_provider, processing_context, file_name):
    imported = _import(processing_context, file_name)
    assert imported["OUTPUT"].crs().authid() == "EPSG:4547"
    clean = _statuses(processing_context, _sample("facilities"), "category", _sample("facility_areas"))
    real = _statuses(processing_context, imported["OUTPUT"], "cc_category")
    standard = load_standard()
    decidable = {rule.id: _poi_decidable(rule) for rule in standard.rules}
    assert set(real) == set(clean)
    differences = []
    for key, status in sorted(clean.items()):
        rule_id = key[1]
        if decidable.get(rule_id, True):
            if real[key] != status:
                differences.append((key, status, real[key]))
        elif real[key] not in (status, "no_data"):
            differences.append((key, status, real[key]))
    assert not differences
    compared = [key for key in clean if decidable.get(key[1], True)]
    assert len(compared) > 300 and {"pass", "fail", "no_data"} <= {clean[key] for key in compared}
    # rules that need areas are no_data where the clean layers decide them, never fail for lack of data
    area_rules = [key for key in clean if not decidable.get(key[1], True) and clean[key] in ("pass", "fail")]
    assert area_rules and any(real[key] == "no_data" for key in area_rules)


def test_the_accuracy_benchmark_passes():
    completed = subprocess.run([sys.executable, os.path.join(REPOSITORY, "scripts", "poi_accuracy.py")],
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "PASS" in completed.stdout
