"""Hostile inputs (tests/fuzz/make_cases.py) through processing.run and, for a subset, qgis_process in a subprocess.

Each case asserts its exact outcome (the message naming the layer/field/line, or the statuses) and that every
input file is byte-identical afterwards. A qgis_process case that crashes (a negative return code) fails the
test instead of killing pytest.
"""

import gc
import importlib.util
import os
import shutil
import traceback

import pytest
from file_digests import digest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("fuzz_make_cases", os.path.join(HERE, "make_cases.py"))
make_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_cases)
CASES = {case["id"]: case for case in make_cases.CASES}



def input_digests(directory):
    return {name: digest(os.path.join(directory, name)) for name in sorted(os.listdir(directory))
            if os.path.isfile(os.path.join(directory, name)) and name != "cases.json"
            and not name.endswith(("-wal", "-shm"))}


@pytest.fixture(scope="module")
def case_files(tmp_path_factory):
    return make_cases.build(str(tmp_path_factory.mktemp("fuzz_inputs")))


def _filled(value, directory, out):
    if isinstance(value, str):
        return value.replace("{dir}", directory).replace("{out}", out)
    return value


def _parameters(case, directory, out):
    return {key: _filled(value, directory, out) for key, value in case["parameters"].items()}


class Recorder:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self, log):
                super().__init__()
                self.log = log

            def pushWarning(self, message):  # noqa: N802
                self.log.append(message)

            def reportError(self, message, fatalError=False):  # noqa: N802,N803
                self.log.append(message)

            def pushInfo(self, message):  # noqa: N802
                self.log.append(message)

        self.log = []
        self.feedback = Feedback(self.log)


def run_in_process(case, directory, out):
    """(error message or None, results, log) of one processing.run, with a context of its own released after."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    recorder = Recorder()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    error = results = None
    try:
        results = processing.run("complete_community:" + case["algorithm"], _parameters(case, directory, out),
                                 context=context, feedback=recorder.feedback)
        results = {key: value for key, value in results.items() if isinstance(value, str)}
    except QgsProcessingException as raised:
        error = str(raised) + "\n" + "\n".join(recorder.log)
        traceback.clear_frames(raised.__traceback__)
        del raised
    finally:
        del context
        gc.collect()
    return error, results, "\n".join(recorder.log)


def rule_statuses(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "rules", "ogr")
    assert layer.isValid(), path
    return {(str(feature["community_id"]), feature["rule_id"]): feature["status"] for feature in layer.getFeatures()}


def sample_outcomes():
    """{(community id, rule id): status} the sample district documents for itself (its expected_outcomes table)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("{}|layername=expected_outcomes".format(make_cases.SAMPLE), "expected", "ogr")
    return {(feature["community_id"], feature["rule_id"]): feature["expected_status"]
            for feature in layer.getFeatures() if feature["rule_id"] != "cc_status"}


def check_rules(case_id, expect, found):
    """The rule statuses a case expects, in `found` {(community id, rule id): status}."""
    for community, rules in expect.get("rules", {}).items():
        for rule, status in rules.items():
            assert found[(community, rule)] == status, (case_id, community, rule)
    if expect.get("sample_outcomes"):
        expected = {key: status for key, status in sample_outcomes().items() if key in found}
        assert len(expected) >= 40, (case_id, len(expected))
        assert {key: found[key] for key in expected} == expected, case_id


def check_outcome(case, error, results, log, out):
    expect = case["expect"]
    if "error" in expect:
        assert error is not None, "{}: the run should have stopped".format(case["id"])
        for fragment in expect["error"]:
            assert fragment in error, "{}: {!r} not in {!r}".format(case["id"], fragment, error[:2000])
        assert "Traceback" not in error, error
        assert [name for name in os.listdir(out) if name.startswith(".cc-partial-")] == []
        return
    assert error is None, "{}: {}".format(case["id"], error)
    if "rules" in expect or "sample_outcomes" in expect:
        check_rules(case["id"], expect, rule_statuses(results["OUTPUT_RULES"]))
    for fragment in expect.get("warnings", []):
        assert fragment in log, "{}: {!r} not in the log {!r}".format(case["id"], fragment, log[:3000])


@pytest.mark.parametrize("case_id", [case["id"] for case in make_cases.CASES if case["in_process"]])
def test_case_through_processing_run(case_id, case_files, tmp_path, cc_provider):  # noqa: ARG001
    case = CASES[case_id]
    before = input_digests(case_files)
    out = str(tmp_path)
    error, results, log = run_in_process(case, case_files, out)
    check_outcome(case, error, results, log, out)
    assert input_digests(case_files) == before, "{} changed an input".format(case_id)


@pytest.mark.parametrize("case_id", [case["id"] for case in make_cases.CASES if case["qgis_process"]])
def test_case_through_qgis_process(case_id, case_files, tmp_path, run_qgis_process):
    case = CASES[case_id]
    directory = str(tmp_path / "inputs")
    shutil.copytree(case_files, directory)  # a copy of its own: compared byte for byte after the process ends
    before = input_digests(directory)
    out = str(tmp_path / "out")
    os.makedirs(out)
    arguments = ["run", "complete_community:" + case["algorithm"], "--"] + [
        "{}={}".format(key, value) for key, value in _parameters(case, directory, out).items()]
    result = run_qgis_process(arguments, check=False, timeout=300)
    assert result.returncode >= 0, "{} crashed qgis_process: {!r}".format(case_id, result)
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text[-3000:]
    if "error" in case["expect"]:
        assert result.returncode != 0, result
        for fragment in case["expect"]["error"]:
            assert fragment in text, "{}: {!r} not in {!r}".format(case_id, fragment, text[-3000:])
    else:
        assert result.returncode == 0, result
        for fragment in case["expect"].get("warnings", []):
            assert fragment in text, "{}: {!r} not in {!r}".format(case_id, fragment, text[-3000:])
        assert "ERROR:" not in text, "{}: {!r}".format(case_id, text[-3000:])  # an error the plugin reported
        if "rules" in case["expect"] or "sample_outcomes" in case["expect"]:
            check_rules(case_id, case["expect"], rule_statuses(
                os.path.join(out, os.path.basename(case["parameters"]["OUTPUT_RULES"]))))
    assert input_digests(directory) == before, "{} changed an input".format(case_id)
