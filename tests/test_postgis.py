"""PostGIS: a real PostgreSQL 15 + PostGIS 3 server (Debian's packages, installed by scripts/setup_env.sh),
started on a temporary data directory and port on 127.0.0.1 for this module and stopped afterwards.

The sample district is copied into it under a Chinese schema and table names; the evaluation read from
PostGIS (through a `service=` connection: no password in any URI) gives exactly the results of the same
evaluation read from the GeoPackage, and writes its output into PostGIS with its style saved as the
layer's default in `layer_styles` (what QGIS loads when the table is opened)."""

import glob
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile

import pytest
from qgis.core import QgsVectorLayer

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
SERVICE = "cc_postgis_test"
DATABASE = "complete_community"
SCHEMA = "规划数据"
TABLES = {"communities": "居住社区", "facilities": "配套设施", "facility_areas": "设施用地"}


def _binaries():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run scripts/setup_env.sh (it installs postgresql-15 and "
                    "postgresql-15-postgis-3)")
    return os.path.dirname(found[-1])


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgis(monkeypatch_module):
    """{'service', 'port'}: a running server with PostGIS and the sample copied in; stopped afterwards."""
    binaries = _binaries()
    # Not under pytest's own temporary folder: that one is private to the user running the tests.
    root = pathlib.Path(tempfile.mkdtemp(prefix="cc-postgis-"))
    data, sockets = root / "data", root / "sockets"
    data.mkdir()
    sockets.mkdir()
    as_server = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as Debian's postgres user
        as_server = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
        for path in (data, sockets):
            shutil.chown(path, "postgres")
    port = _free_port()
    subprocess.run(as_server + [os.path.join(binaries, "initdb"), "-D", str(data), "-U", "cc", "--auth=trust",
                                "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    log = root / "server.log"
    if as_server:
        log.touch()
        shutil.chown(log, "postgres")
    subprocess.run(as_server + [os.path.join(binaries, "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
                                "-p {} -k {} -c listen_addresses=127.0.0.1".format(port, sockets), "start"],
                   check=True, capture_output=True)
    try:
        service_file = root / "pg_service.conf"
        service_file.write_text("[{}]\nhost=127.0.0.1\nport={}\nuser=cc\ndbname={}\n".format(
            SERVICE, port, DATABASE), encoding="utf-8")
        monkeypatch_module.setenv("PGSERVICEFILE", str(service_file))
        psql = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "cc", "-v", "ON_ERROR_STOP=1", "-q"]
        subprocess.run(psql + ["-d", "postgres", "-c", "CREATE DATABASE {}".format(DATABASE)], check=True)
        subprocess.run(psql + ["-d", DATABASE, "-c", 'CREATE EXTENSION postgis; CREATE SCHEMA "{}"; '
                               'CREATE SCHEMA results'.format(SCHEMA)], check=True)
        from osgeo import gdal

        for source, target in TABLES.items():
            copied = gdal.VectorTranslate("PG:service={}".format(SERVICE), SAMPLE, format="PostgreSQL",
                                          layers=[source], layerName="{}.{}".format(SCHEMA, target),
                                          layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO"])
            assert copied is not None, source
            copied = None
        # A view has no primary key: QGIS needs key= to read it.
        subprocess.run(psql + ["-d", DATABASE, "-c", 'CREATE VIEW "{0}"."社区视图" AS SELECT * FROM "{0}"."{1}"'.format(
            SCHEMA, TABLES["communities"])], check=True)
        yield {"service": SERVICE, "port": port}
    finally:
        subprocess.run(as_server + [os.path.join(binaries, "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


def postgis_uri(table, schema=SCHEMA, key="fid"):
    """The README's form: service= names a pg_service.conf entry (host, port, user, database; no password)."""
    return "service='{}' key='{}' table=\"{}\".\"{}\" (geom)".format(SERVICE, key, schema, table)


def postgis_layer(table, schema=SCHEMA, key="fid"):
    layer = QgsVectorLayer(postgis_uri(table, schema, key), table, "postgres")
    assert layer.isValid(), postgis_uri(table, schema, key)
    return layer


def gpkg_layer(table):
    layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, table), table, "ogr")
    assert layer.isValid()
    return layer


PARAMETERS = {"COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
              "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category",
              "AREA_CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10}


def verdicts(layer):
    return {feature["community_id"]: (feature["cc_status"], round(feature["cc_score"], 9), feature["cc_missing"])
            for feature in layer.getFeatures()}


def test_postgis_inputs_give_the_geopackage_results_and_outputs_keep_their_style(
        postgis, cc_provider, processing_context, tmp_path):  # noqa: ARG001
    import processing

    from_gpkg = processing.run("complete_community:evaluate_facilities", dict(
        PARAMETERS, COMMUNITIES=gpkg_layer("communities"), FACILITIES=gpkg_layer("facilities"),
        FACILITY_AREAS=gpkg_layer("facility_areas"), OUTPUT=str(tmp_path / "from_gpkg.gpkg")),
        context=processing_context, feedback=processing_context.feedback())["OUTPUT"]
    from_postgis = processing.run("complete_community:evaluate_facilities", dict(
        PARAMETERS, COMMUNITIES=postgis_layer(TABLES["communities"]),
        FACILITIES=postgis_layer(TABLES["facilities"]), FACILITY_AREAS=postgis_layer(TABLES["facility_areas"]),
        OUTPUT="postgis:" + postgis_uri("评估后的社区", "results")), context=processing_context,
        feedback=processing_context.feedback())["OUTPUT"]
    expected = verdicts(QgsVectorLayer(from_gpkg, "g", "ogr"))
    assert len(expected) == 14
    written = postgis_layer("评估后的社区", schema="results")
    assert verdicts(written) == expected
    # The style was saved in layer_styles as the table's default: a fresh layer of the table opens styled.
    assert written.renderer().type() == "categorizedSymbol", from_postgis
    assert written.renderer().classAttribute() == "cc_status"

    # A view, read with key=.
    view = postgis_layer("社区视图")
    assert view.featureCount() == 14


def test_qgis_process_reads_and_writes_postgis_through_a_service(postgis, run_qgis_process):  # noqa: ARG001
    """The command-line forms the README documents: postgres://<uri> for an input, postgis:<uri> for an output."""
    result = run_qgis_process([
        "run", "complete_community:evaluate_scale", "--",
        "COMMUNITIES=postgres://" + postgis_uri("社区视图"),  # a view: key= names its unique column
        "POPULATION_FIELD=population", "COMMUNITY_ID_FIELD=community_id", "TYPE_FIELD=community_type",
        "OUTPUT=postgis:" + postgis_uri("规模评估", "results")])
    assert result.returncode == 0, result
    written = postgis_layer("规模评估", schema="results")
    assert written.featureCount() == 14
    assert written.renderer().type() == "categorizedSymbol" and written.renderer().classAttribute() == "scale_status"


def _error_of(run, *arguments, **keywords):
    """The message a run stops with, its traceback cleared: frames kept alive until exit hold PostGIS layers, and
    freeing those after QGIS has exited crashes the process (QGIS 3.22)."""
    import traceback

    from qgis.core import QgsProcessingException

    try:
        run(*arguments, **keywords)
    except QgsProcessingException as error:
        traceback.clear_frames(error.__traceback__)
        return str(error)
    return None


def _table_names(schema):
    from qgis.core import QgsProviderRegistry

    connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(
        "service='{}'".format(SERVICE), {})
    return sorted(row[0] for row in connection.executeSql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = '{}'".format(schema)))


def test_a_postgis_output_is_replaced_only_when_the_run_succeeds(postgis, cc_provider, tmp_path):  # noqa: ARG001
    """Written as partial_result_<id> and swapped in by one transaction: a re-run replaces the table (one style),
    a cancelled re-run leaves it exactly as it was, and no partial table is left behind."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run(feedback=None, **changes):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        parameters = dict(PARAMETERS, COMMUNITIES=gpkg_layer("communities"), FACILITIES=gpkg_layer("facilities"),
                          OUTPUT="postgis:" + postgis_uri("原子输出", "results"), **changes)
        try:
            return processing.run("complete_community:evaluate_facilities", parameters, context=context,
                                  feedback=feedback or QgsProcessingFeedback())
        finally:
            del context

    run()
    first = verdicts(postgis_layer("原子输出", schema="results"))
    assert len(first) == 14
    run()  # replaced: the same rows once, not twice
    assert verdicts(postgis_layer("原子输出", schema="results")) == first
    assert postgis_layer("原子输出", schema="results").featureCount() == 14
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: feedback.cancel() if progress > 50 else None)
    assert _error_of(run, feedback, POPULATION_FIELD="households").startswith("Cancelled")  # else other verdicts
    assert verdicts(postgis_layer("原子输出", schema="results")) == first
    assert [name for name in _table_names("results") if name.startswith("partial_result_")] == []
    written = postgis_layer("原子输出", schema="results")
    assert written.renderer().type() == "categorizedSymbol"  # its style moved with it, once


def test_a_postgis_output_never_replaces_an_input_or_a_table_the_plugin_did_not_write(
        postgis, cc_provider, processing_context):  # noqa: ARG001
    import processing

    before = postgis_layer(TABLES["facilities"]).featureCount()
    # Inputs as URIs: a layer object would stay alive in the failed run's frames until after QGIS exits.
    parameters = dict(PARAMETERS, COMMUNITIES="postgres://" + postgis_uri(TABLES["communities"]),
                      FACILITIES="{}|layername=facilities".format(SAMPLE))
    assert "would overwrite the input" in _error_of(processing.run, "complete_community:evaluate_facilities", dict(
        parameters, OUTPUT="postgis:" + postgis_uri(TABLES["communities"])), context=processing_context)
    assert "this plugin did not write" in _error_of(processing.run, "complete_community:evaluate_facilities", dict(
        parameters, OUTPUT="postgis:" + postgis_uri(TABLES["facilities"])), context=processing_context)
    del parameters
    assert postgis_layer(TABLES["communities"]).featureCount() == 14
    assert postgis_layer(TABLES["facilities"]).featureCount() == before
