"""Cancelling assess from another thread (as the dialog's Cancel button does) at several moments of the run on the
sample district: the run ends as cancelled, the earlier results stay byte for byte, and nothing new appears — no
file under a final name, no partial folder. The latency of each cancel is printed (`make bench` style figures on
the bench city: scripts/bench_cancel.py), never asserted: timings are the bench's business."""

import gc
import os
import shutil
import threading
import time

import pytest
from file_digests import digest
from own_context import run_in_own_context
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
OUTPUTS = ("assessment.gpkg", "report.html", "map.png", "assessment.xlsx")



def folder_state(folder):
    return {name: digest(os.path.join(folder, name)) for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name))}


def assess_parameters(folder):
    def layer(name):
        return "{}|layername={}".format(SAMPLE, name)

    return {"COMMUNITIES": layer("communities"), "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name",
            "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type",
            "FACILITIES": layer("facilities"), "CATEGORY_FIELD": "category", "FACILITY_AREAS": layer("facility_areas"),
            "AREA_CATEGORY_FIELD": "category", "NETWORK": layer("roads"), "WALKABLE_FIELD": "walkable",
            "ORIGINS": layer("population_points"), "ORIGIN_POPULATION_FIELD": "population",
            "OUTPUT_GPKG": os.path.join(folder, OUTPUTS[0]), "OUTPUT_REPORT": os.path.join(folder, OUTPUTS[1]),
            "OUTPUT_MAP": os.path.join(folder, OUTPUTS[2]), "OUTPUT_XLSX": os.path.join(folder, OUTPUTS[3])}


def run_assess(folder, feedback):
    """assess into `folder` with a context of its own (tests/own_context.py): the error message or None."""
    return run_in_own_context("complete_community:assess", assess_parameters(folder), feedback)[1]


@pytest.fixture(scope="module")
def earlier_results(tmp_path_factory, cc_processing):  # noqa: ARG001
    """A folder holding the results of a complete run (copied for each test) and the run's progress values."""
    folder = str(tmp_path_factory.mktemp("earlier"))
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    assert run_assess(folder, feedback) is None
    assert sorted(os.listdir(folder)) == sorted(OUTPUTS)
    return folder, progress


class CancelFromAnotherThread(threading.Thread):
    """Watches the run's progress from its own thread and cancels the feedback once it reaches `at` percent."""

    def __init__(self, feedback, at):
        super().__init__(daemon=True)
        self.feedback, self.at = feedback, at
        self.cancelled_at = None
        self.finished = threading.Event()

    def run(self):
        while not self.finished.is_set():
            if self.feedback.progress() >= self.at:
                self.cancelled_at = time.perf_counter()
                self.feedback.cancel()
                return
            time.sleep(0.002)


@pytest.mark.parametrize("at", [0, 30, 60, 85, 99])
def test_assess_cancelled_from_another_thread_ends_cancelled_and_leaves_the_earlier_results(
        earlier_results, tmp_path, cc_provider, at, capfd):  # noqa: ARG001
    source, full_progress = earlier_results
    folder = str(tmp_path / "results")
    shutil.copytree(source, folder)
    before = folder_state(folder)
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    canceller = CancelFromAnotherThread(feedback, at)
    canceller.start()
    error = run_assess(folder, feedback)
    ended = time.perf_counter()
    canceller.finished.set()
    canceller.join()
    assert canceller.cancelled_at is not None, "the run ended before reaching {} %".format(at)
    print("cancelled at {} %: the run ended {:.2f} s later".format(at, ended - canceller.cancelled_at))
    assert error is not None and error.startswith("Cancelled"), error
    assert "Traceback" not in error
    assert folder_state(folder) == before  # earlier results byte for byte, nothing new under a final name
    assert [name for name in os.listdir(folder) if name.startswith(".cc-partial-")] == []
    assert "No geometry column" not in capfd.readouterr().err  # the cancelled rule tables closed quietly
    # One bar over the whole run: it never goes back (the steps do not each restart at 0).
    for values in (progress, full_progress):
        assert all(later >= earlier - 1e-9 for earlier, later in zip(values, values[1:]))


def test_a_cancel_while_the_rules_are_written_closes_their_table_quietly(cc_provider, tmp_path, capfd):  # noqa: ARG001
    """Cancelled in the middle of writing the rule rows: the open sink of the rules table (no geometry) is freed by
    the cancel, and GDAL's "No geometry column" about its spatial index is not printed."""
    import processing

    class CancelWhileWriting(QgsProcessingFeedback):
        writing = False

        def setProgressText(self, text):  # noqa: N802 (QGIS API)
            self.writing = self.writing or text.startswith("Evaluating the rules and writing")

        def setProgress(self, value):  # noqa: N802 (QGIS API)
            super().setProgress(value)
            if self.writing:
                self.cancel()  # after the first community's rules are written

    output = str(tmp_path / "results.gpkg")
    feedback = CancelWhileWriting()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    capfd.readouterr()
    try:
        with pytest.raises(QgsProcessingException, match="Cancelled"):
            processing.run("complete_community:evaluate_facilities", {
                "COMMUNITIES": "{}|layername=communities".format(SAMPLE), "COMMUNITY_ID_FIELD": "community_id",
                "POPULATION_FIELD": "population", "FACILITIES": "{}|layername=facilities".format(SAMPLE),
                "CATEGORY_FIELD": "category",
                "OUTPUT": "ogr:dbname='{}' table=\"communities\" (geom)".format(output),
                "OUTPUT_RULES": "ogr:dbname='{}' table=\"rules\"".format(output)}, context=context, feedback=feedback)
    finally:
        del context
        gc.collect()
    assert feedback.writing and not os.path.exists(output)
    assert "No geometry column" not in capfd.readouterr().err
