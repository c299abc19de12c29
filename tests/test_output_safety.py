"""Outputs never destroy anything: checked against inputs and each other first, written aside, moved into place
on success only, and an existing GeoPackage keeps every layer the plugin did not write."""

import os
import shutil
import sqlite3
import subprocess

import pytest
from file_digests import digest
from own_context import run_in_own_context
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
    """One run with a context of its own (tests/own_context.py); a failure raised with its message."""
    results, error = run_in_own_context("complete_community:" + algorithm, parameters, feedback)
    if error is not None:
        raise QgsProcessingException(error)
    return results


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


# Folder names a planner may well use, and characters that mean something in a URI or a data source string.
AWKWARD_FOLDERS = ("it's", "中文 结果", "50%", "a#b", "what?", "two  spaces")


def test_read_only_connections_name_the_file_whatever_its_path(tmp_path):
    """A path cut at '#' or '?' lost mode=ro: SQLite opened (and created) the file named by the part before it."""
    from pathlib import PurePosixPath, PureWindowsPath

    from complete_community.core.sql import read_only_sqlite, read_only_uri
    from complete_community.processing.output_safety import geopackage_tables

    for folder in AWKWARD_FOLDERS:
        directory = tmp_path / folder
        directory.mkdir()
        output = str(directory / "out.gpkg")
        subprocess.run(["ogr2ogr", output, SAMPLE, "roads", "-nln", "my_survey"], check=True)
        before = digest(output)
        assert geopackage_tables(output) == {"my_survey": False}
        connection = read_only_sqlite(output)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("CREATE TABLE x (y)")
        connection.close()
        assert digest(output) == before
        with pytest.raises(sqlite3.OperationalError):
            read_only_sqlite(str(directory / "missing.gpkg"))
    assert sorted(os.listdir(str(tmp_path))) == sorted(AWKWARD_FOLDERS)  # no stray file beside them
    assert sorted(os.listdir(str(tmp_path / "a#b"))) == ["out.gpkg"]
    assert read_only_uri(PureWindowsPath("C:\\结果\\it's #1\\a.gpkg")) == \
        "file:///C%3A/%E7%BB%93%E6%9E%9C/it%27s%20%231/a.gpkg?mode=ro"
    assert read_only_uri(PureWindowsPath("\\\\server\\share\\a?.gpkg")) == "file:////server/share/a%3F.gpkg?mode=ro"
    assert read_only_uri(PurePosixPath("/a/50%/b.gpkg")) == "file:///a/50%25/b.gpkg?mode=ro"


def test_outputs_in_folders_with_quotes_and_other_characters_are_written_and_written_again(tmp_path, cc_provider):
    """A table destination is written as Processing reads it (QgsDataSourceUri: a quote escaped by a backslash);
    a second run replaces the first run's table."""
    from complete_community.processing.output_safety import table_destination, table_destination_parts

    for folder in AWKWARD_FOLDERS:
        output = os.path.join(str(tmp_path), folder, "out.gpkg")
        os.mkdir(os.path.dirname(output))
        destination = table_destination(output, "evaluated")
        assert table_destination_parts(destination) == (output, "evaluated")
        for _run in range(2):
            result = run("evaluate_facilities", facilities_parameters(SAMPLE, destination))
            assert result["OUTPUT"] == "{}|layername=evaluated".format(output)
            assert tables(output) == ["evaluated"]
            assert QgsVectorLayer(result["OUTPUT"], "out", "ogr").featureCount() == 14
        assert sorted(os.listdir(os.path.dirname(output))) == ["out.gpkg"]
    assert sorted(os.listdir(str(tmp_path))) == sorted(AWKWARD_FOLDERS)


def test_qgis_process_writes_into_a_folder_named_with_a_quote(run_qgis_process, tmp_path):
    from complete_community.processing.output_safety import table_destination

    output = os.path.join(str(tmp_path), "it's #1 50% 中文", "out.gpkg")
    os.mkdir(os.path.dirname(output))
    parameters = facilities_parameters(SAMPLE, table_destination(output, "evaluated"))
    parameters["OUTPUT_RULES"] = table_destination(output, "rules", geometry=False)
    run_qgis_process(["run", "complete_community:evaluate_facilities", "--"]
                     + ["{}={}".format(key, value) for key, value in parameters.items()])
    assert tables(output) == ["evaluated", "rules"]
    assert QgsVectorLayer(output + "|layername=evaluated", "out", "ogr").featureCount() == 14
    assert sorted(os.listdir(os.path.dirname(output))) == ["out.gpkg"]


def test_assess_into_a_folder_named_with_a_quote_and_again(tmp_path, cc_provider):
    directory = os.path.join(str(tmp_path), "it's #1 50% 中文")
    os.mkdir(directory)
    result = run("assess", assess_parameters(SAMPLE, directory))
    rule_rows = rules_view_rows(result["OUTPUT_GPKG"])
    result = run("assess", assess_parameters(SAMPLE, directory))
    assert result["OUTPUT_GPKG"] == os.path.join(directory, "assessment.gpkg")
    assert rules_view_rows(result["OUTPUT_GPKG"]) == rule_rows
    assert QgsVectorLayer(result["COMMUNITIES_LAYER"], "c", "ogr").featureCount() == 14
    assert sorted(os.listdir(directory)) == ["assessment.gpkg", "report.html"]
    assert os.listdir(str(tmp_path)) == [os.path.basename(directory)]


def _geopackage_with_view(path, survey_rows):
    """A GeoPackage with a table `survey` (the sample's first `survey_rows` roads) and a view `summary` over it,
    listed as a layer."""
    subprocess.run(["ogr2ogr", path, SAMPLE, "roads", "-nln", "survey", "-where", "fid <= {}".format(survey_rows)],
                   check=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE VIEW summary AS SELECT fid, fid * 2 AS twice FROM survey")
        connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) "
                           "VALUES ('summary', 'attributes', 'summary')")
    connection.close()


def _summary(path):
    connection = sqlite3.connect(path)
    try:
        kinds = connection.execute("SELECT type FROM sqlite_master WHERE name='summary'").fetchall()
        listed = connection.execute("SELECT count(*) FROM gpkg_contents WHERE table_name='summary'").fetchone()[0]
        rows = connection.execute("SELECT count(*) FROM summary").fetchone()[0] if kinds else None
    finally:
        connection.close()
    return kinds, listed, rows


def test_a_view_copied_into_a_geopackage_replaces_the_old_one_in_one_transaction(tmp_path,
                                                                                 cc_processing):  # noqa: ARG001
    """The old view is dropped and the new one created together: an SQLite error between them (here a trigger
    refusing the new view's gpkg_contents row) keeps the old view, listed as a layer."""
    from complete_community.processing.output_safety import copy_tables

    source, destination = str(tmp_path / "written.gpkg"), str(tmp_path / "result.gpkg")
    _geopackage_with_view(source, 20)
    _geopackage_with_view(destination, 5)
    connection = sqlite3.connect(destination)
    connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON gpkg_contents WHEN NEW.table_name = 'summary' "
                       "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    connection.close()
    with pytest.raises(QgsProcessingException, match="summary.*refused"):
        copy_tables(source, destination, ["survey", "summary"])
    assert _summary(destination) == ([("view",)], 1, 20)  # the old view over the copied table
    connection = sqlite3.connect(destination)
    connection.execute("DROP TRIGGER refuse")
    connection.close()
    copy_tables(source, destination, ["survey", "summary"])
    assert _summary(destination) == ([("view",)], 1, 20)
    assert QgsVectorLayer(destination + "|layername=summary", "s", "ogr").featureCount() == 20


def test_a_view_copied_over_a_table_of_its_name_takes_its_place_and_its_spatial_index(tmp_path,
                                                                                    cc_processing):  # noqa: ARG001
    """A GeoPackage of an earlier version held the layer as a table (with geometry and a spatial index)."""
    from complete_community.processing.output_safety import copy_tables

    source, destination = str(tmp_path / "written.gpkg"), str(tmp_path / "result.gpkg")
    _geopackage_with_view(source, 20)
    subprocess.run(["ogr2ogr", destination, SAMPLE, "roads", "-nln", "summary"], check=True)
    copy_tables(source, destination, ["survey", "summary"])
    assert _summary(destination) == ([("view",)], 1, 20)
    connection = sqlite3.connect(destination)
    try:
        leftovers = connection.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'rtree_summary%' UNION ALL "
            "SELECT table_name FROM gpkg_geometry_columns WHERE table_name='summary' UNION ALL "
            "SELECT table_name FROM gpkg_ogr_contents WHERE table_name='summary' UNION ALL "
            "SELECT table_name FROM gpkg_extensions WHERE table_name='summary'").fetchall()
    finally:
        connection.close()
    assert leftovers == []
    assert sorted(tables(destination)) == ["summary", "survey"]
    assert QgsVectorLayer(destination + "|layername=summary", "s", "ogr").featureCount() == 20


def test_a_rules_view_that_cannot_be_written_is_said_with_the_file(tmp_path, cc_processing):  # noqa: ARG001
    from complete_community.processing.rules_view import create_rules_view

    path = str(tmp_path / "empty.gpkg")
    subprocess.run(["ogr2ogr", path, SAMPLE, "roads"], check=True)  # no rule tables to join
    with pytest.raises(QgsProcessingException) as raised:
        create_rules_view(path)
    assert "community_rules" in str(raised.value) and path in str(raised.value)


@pytest.mark.parametrize("used_before", [False, True])
def test_copying_and_dropping_tables_leave_gdal_exceptions_as_they_were(tmp_path, used_before):
    """gdal.UseExceptions() holds for the whole QGIS process (its Python console, other plugins): the output
    guard turns it on only while it copies or drops tables, and leaves it as it found it."""
    from osgeo import gdal, ogr

    from complete_community.processing.output_safety import copy_tables, drop_tables

    source, destination = str(tmp_path / "written.gpkg"), str(tmp_path / "results.gpkg")
    for path in (source, destination):
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        dataset.CreateLayer("results", None, ogr.wkbNone).CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
        dataset = None
    (gdal.UseExceptions if used_before else gdal.DontUseExceptions)()
    try:
        copy_tables(source, destination, ["results"])
        assert bool(gdal.GetUseExceptions()) == used_before
        drop_tables(destination, ["results"])
        assert bool(gdal.GetUseExceptions()) == used_before
    finally:
        gdal.DontUseExceptions()
    connection = sqlite3.connect(destination)
    try:
        assert connection.execute("SELECT count(*) FROM gpkg_contents WHERE table_name = 'results'").fetchone() == (0,)
    finally:
        connection.close()


def test_a_table_destination_takes_a_path_as_well_as_text(tmp_path):
    """Scripts (scripts/bench.py) pass pathlib paths: the destination is the same as for the path's text."""
    from complete_community.processing.output_safety import table_destination, table_destination_parts

    path = tmp_path / "it's #1" / "结果.gpkg"
    assert table_destination(path, "rules", geometry=False) == table_destination(str(path), "rules", geometry=False)
    assert table_destination_parts(table_destination(path, "rules")) == (str(path), "rules")
