"""Outputs never destroy anything: checked against inputs and each other first, written aside, moved into place
on success only, and an existing GeoPackage keeps every layer the plugin did not write."""

import gc
import os
import shutil
import sqlite3
import subprocess
import traceback

import pytest
from file_digests import digest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")



def tables(path):
    connection = sqlite3.connect(path)
    try:
        return sorted(name for (name,) in connection.execute("SELECT table_name FROM gpkg_contents")
                      if name != "layer_styles")
    finally:
        connection.close()


def facilities_parameters(source, output):
    def layer(name):
        return "{}|layername={}".format(source, name)

    return {"COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
            "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
            "FACILITIES": layer("facilities"), "CATEGORY_FIELD": "category", "OUTPUT": output,
            "OUTPUT_RULES": "TEMPORARY_OUTPUT"}


def run(algorithm, parameters, _unused=None, feedback=None):
    """One run with a context of its own, destroyed right after: a context holding GeoPackage layers must not
    outlive the test (QGIS 3.22 can crash destroying it late)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        return processing.run("complete_community:" + algorithm, parameters, context=context,
                              feedback=feedback or QgsProcessingFeedback())
    except QgsProcessingException as error:
        message = str(error)
        # The failed run's frames hold its layers open (QGIS keeps a GeoPackage in WAL mode while open, which
        # changes its header): release them, so that the input file is compared as the run left it.
        traceback.clear_frames(error.__traceback__)
        del error
    finally:
        del context
        gc.collect()
    raise QgsProcessingException(message)


def partial_leftovers(folder):
    return [name for name in os.listdir(folder) if name.startswith(".cc-partial-")]


def test_output_table_that_is_an_input_is_refused_and_the_input_untouched(tmp_path, cc_provider):
    source = str(tmp_path / "in.gpkg")
    shutil.copy(SAMPLE, source)
    before = digest(source)
    output = "ogr:dbname='{}' table=\"communities\" (geom)".format(source)
    with pytest.raises(QgsProcessingException) as raised:
        run("evaluate_facilities", facilities_parameters(source, output))
    message = str(raised.value)
    assert "would overwrite the input" in message and "'communities'" in message and source in message
    assert digest(source) == before
    assert partial_leftovers(str(tmp_path)) == []


def test_output_into_another_table_of_the_input_geopackage_keeps_every_layer(tmp_path, cc_provider):
    source = str(tmp_path / "in.gpkg")
    shutil.copy(SAMPLE, source)
    layers_before = tables(source)
    output = "ogr:dbname='{}' table=\"evaluated\" (geom)".format(source)
    result = run("evaluate_facilities", facilities_parameters(source, output))
    assert result["OUTPUT"] == "{}|layername=evaluated".format(source)
    assert tables(source) == sorted(layers_before + ["evaluated"])
    for name in layers_before:
        assert QgsVectorLayer("{}|layername={}".format(source, name), name, "ogr").featureCount() > 0
    assert QgsVectorLayer(result["OUTPUT"], "out", "ogr").featureCount() == 14
    assert partial_leftovers(str(tmp_path)) == []


def test_two_outputs_in_one_file_are_refused(tmp_path, cc_provider):
    output = str(tmp_path / "out.gpkg")
    parameters = facilities_parameters(SAMPLE, output)
    parameters["OUTPUT_RULES"] = output
    with pytest.raises(QgsProcessingException, match="are the same file"):
        run("evaluate_facilities", parameters)
    assert not os.path.exists(output)


def test_a_folder_as_output_is_refused(tmp_path, cc_provider):
    folder = tmp_path / "folder.gpkg"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match="is a folder"):
        run("evaluate_facilities", facilities_parameters(SAMPLE, str(folder)))


def test_a_read_only_output_is_refused(tmp_path, cc_provider):
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    output = tmp_path / "locked.gpkg"
    output.write_bytes(b"")
    output.chmod(0o444)
    with pytest.raises(QgsProcessingException, match="read-only or locked"):
        run("evaluate_facilities", facilities_parameters(SAMPLE, str(output)))


def test_a_failed_run_leaves_the_earlier_result_intact(tmp_path, cc_provider):
    output = str(tmp_path / "result.gpkg")
    run("evaluate_facilities", facilities_parameters(SAMPLE, output))
    before = digest(output)
    parameters = facilities_parameters(SAMPLE, output)
    parameters["TYPE_FIELD"] = "nope"
    with pytest.raises(QgsProcessingException):
        run("evaluate_facilities", parameters)
    assert digest(output) == before
    assert partial_leftovers(str(tmp_path)) == []


def test_a_cancelled_run_writes_nothing(tmp_path, cc_provider):
    output = str(tmp_path / "result.gpkg")
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: feedback.cancel() if progress > 5 else None)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("evaluate_facilities", facilities_parameters(SAMPLE, output), feedback=feedback)
    assert not os.path.exists(output)
    assert partial_leftovers(str(tmp_path)) == []


def test_a_foreign_layer_of_the_same_name_is_refused(tmp_path, cc_provider):
    output = str(tmp_path / "mine.gpkg")
    subprocess.run(["ogr2ogr", output, SAMPLE, "roads", "-nln", "mine"], check=True)
    before = digest(output)
    with pytest.raises(QgsProcessingException, match="did not write"):
        run("evaluate_facilities", facilities_parameters(SAMPLE, output))
    assert digest(output) == before


def test_a_plain_geopackage_path_keeps_the_other_layers_there(tmp_path, cc_provider):
    output = str(tmp_path / "result.gpkg")
    subprocess.run(["ogr2ogr", output, SAMPLE, "roads", "-nln", "my_survey"], check=True)
    run("evaluate_facilities", facilities_parameters(SAMPLE, output))
    assert tables(output) == ["my_survey", "result"]
    # The second run replaces its own table, still keeping the survey.
    run("evaluate_facilities", facilities_parameters(SAMPLE, output))
    assert tables(output) == ["my_survey", "result"]
    assert QgsVectorLayer(output + "|layername=my_survey", "s", "ogr").featureCount() > 0


def assess_parameters(source, directory):
    def layer(name):
        return "{}|layername={}".format(source, name)

    return {"COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
            "POPULATION_FIELD": "population", "TYPE_FIELD": "community_type", "FACILITIES": layer("facilities"),
            "CATEGORY_FIELD": "category", "FACILITY_AREAS": layer("facility_areas"), "AREA_CATEGORY_FIELD": "category",
            "NETWORK": layer("roads"), "OUTPUT_GPKG": os.path.join(directory, "assessment.gpkg"),
            "OUTPUT_REPORT": os.path.join(directory, "report.html")}


def test_assess_into_its_own_input_geopackage_is_refused(tmp_path, cc_provider):
    source = str(tmp_path / "in.gpkg")
    shutil.copy(SAMPLE, source)
    before = digest(source)
    parameters = assess_parameters(source, str(tmp_path))
    parameters["OUTPUT_GPKG"] = source
    with pytest.raises(QgsProcessingException) as raised:
        run("assess", parameters)
    assert "Results GeoPackage ({})".format(source) in str(raised.value)
    assert "would overwrite the input" in str(raised.value)
    assert digest(source) == before
    parameters = assess_parameters(source, str(tmp_path))
    parameters["OUTPUT_REPORT"] = parameters["OUTPUT_GPKG"]
    with pytest.raises(QgsProcessingException, match="are the same file"):
        run("assess", parameters)
    parameters = assess_parameters(source, str(tmp_path))
    parameters["OUTPUT_REPORT"] = source
    with pytest.raises(QgsProcessingException, match="would overwrite the input"):
        run("assess", parameters)
    assert digest(source) == before
    assert sorted(os.listdir(str(tmp_path))) == ["in.gpkg"]


def test_assess_keeps_the_other_layers_of_its_geopackage_and_a_failed_rerun_keeps_its_results(tmp_path, cc_provider):
    directory = str(tmp_path)
    output = os.path.join(directory, "assessment.gpkg")
    subprocess.run(["ogr2ogr", output, SAMPLE, "roads", "-nln", "my_survey"], check=True)
    result = run("assess", assess_parameters(SAMPLE, directory))
    assert result["OUTPUT_GPKG"] == output
    assert result["COMMUNITIES_LAYER"] == output + "|layername=communities"
    written = tables(output)
    assert "my_survey" in written and "communities" in written and "service_areas" in written
    communities = QgsVectorLayer(result["COMMUNITIES_LAYER"], "c", "ogr")
    assert communities.featureCount() == 14
    assert communities.renderer().type() == "categorizedSymbol"  # its style went along
    # The rules table is a view (processing/rules_view.py): copied as a view beside the other layers, replaced
    # by a second run.
    rule_rows = rules_view_rows(output)
    assert rule_rows > 14
    result = run("assess", assess_parameters(SAMPLE, directory))
    assert rules_view_rows(output) == rule_rows and "my_survey" in tables(output)
    with open(result["OUTPUT_REPORT"], encoding="utf-8") as stream:
        assert ".cc-partial-" not in stream.read()
    before = {path: digest(os.path.join(directory, path)) for path in ("assessment.gpkg", "report.html")}
    parameters = assess_parameters(SAMPLE, directory)
    parameters["TYPE_FIELD"] = "nope"
    with pytest.raises(QgsProcessingException, match="nope"):
        run("assess", parameters)
    assert {path: digest(os.path.join(directory, path)) for path in before} == before
    assert partial_leftovers(directory) == []


def rules_view_rows(gpkg):
    """The rows of community_rules in `gpkg`, checked to be a view as many rows as the results it joins."""
    connection = sqlite3.connect(gpkg)
    try:
        (kind,), = connection.execute("SELECT type FROM sqlite_master WHERE name='community_rules'")
        (rows,), = connection.execute("SELECT count(*) FROM community_rules")
        (results,), = connection.execute("SELECT count(*) FROM community_rule_results")
        without_reason = connection.execute(
            "SELECT (SELECT count(*) FROM community_rules WHERE reason IS NULL), "
            "(SELECT count(*) FROM community_rule_results WHERE reason_number IS NULL)").fetchone()
    finally:
        connection.close()
    assert kind == "view" and rows == results and without_reason[0] == without_reason[1]
    layer = QgsVectorLayer(gpkg + "|layername=community_rules", "rules", "ogr")
    assert layer.isValid() and layer.featureCount() == rows
    return rows


@pytest.mark.parametrize("large", [False, True])
def test_a_consolidated_geopackage_is_a_compact_copy_with_large_pages_when_large(tmp_path, monkeypatch, large):
    """Rows of 1–4 KB (a city's service-area lines) leave a third of 4 KB pages empty: a large result is
    copied with 16 KB pages, a small one keeps 4 KB pages; the copy has every row, no -wal file, and the
    GeoPackage's application id."""
    from complete_community.processing import output_safety

    source, copy = str(tmp_path / "written.gpkg"), str(tmp_path / "copy.gpkg")
    connection = sqlite3.connect(source)
    connection.execute("PRAGMA application_id=1196444487")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE lines (fid INTEGER PRIMARY KEY, geom BLOB)")
    with connection:
        connection.executemany("INSERT INTO lines (geom) VALUES (?)", [(bytes(2100 + k % 500),) for k in range(400)])
    monkeypatch.setattr(output_safety, "LARGE_GEOPACKAGE_BYTES", 0 if large else 10 ** 9)
    output_safety._consolidate(source, copy)
    connection.close()
    result = sqlite3.connect(copy)
    try:
        assert result.execute("PRAGMA page_size").fetchone()[0] == (16384 if large else 4096)
        assert result.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert result.execute("PRAGMA application_id").fetchone()[0] == 1196444487
        assert result.execute("SELECT count(*), sum(length(geom)) FROM lines").fetchone() == (
            400, sum(2100 + k % 500 for k in range(400)))
    finally:
        result.close()
    assert not os.path.exists(copy + "-wal")
    assert (os.path.getsize(copy) < 0.8 * 400 * 4096) == large  # 4 KB pages: one 2–2.6 KB row each
