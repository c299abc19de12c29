"""Shared test set-up: the plugin on sys.path, Processing initialised, helpers as fixtures.

pytest-qgis starts one headless QgsApplication for the session (fixture `qgis_app`) before this file
is imported, with its settings in .qgis-settings/ (QGIS_CUSTOM_CONFIG_PATH), not your QGIS profile. With `--import-mode=importlib` this conftest cannot be imported by the tests, so the
helpers are fixtures:

    cc_processing        (session) Processing initialised with QGIS's providers, and ours registered
    cc_provider          our provider, registered (again, if a test removed it)
    cc_provider_removed  no `complete_community` provider during the test; restored afterwards
    processing_context   a QgsProcessingContext WITH a project (without one, some native algorithms
                         crash QGIS 3.22) and a feedback: `context.feedback()`
    run_qgis_process     run_qgis_process(["run", "complete_community:...", "--", "K=V"]) runs the
                         real qgis_process with the plugin enabled in a throwaway profile
"""

import gc
import json
import os
import subprocess
import sys
import traceback
import types
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
PLUGINS_DIRECTORY = REPOSITORY / "build" / "plugins"
PLUGIN_LINK = PLUGINS_DIRECTORY / "complete_community"
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"
QGIS_PROCESS_SCRIPT = REPOSITORY / "scripts" / "qgis_process.sh"
PROVIDER_ID = "complete_community"
_PROVIDERS = []  # the registry owns the C++ object, but its Python methods live only while Python holds it


def _prepare_sys_path():
    """build/plugins (the plugin as `complete_community`) and QGIS's plugins (`processing`) on sys.path;
    the repository root off it (`python -m pytest` puts the working directory first)."""
    if not PLUGIN_LINK.exists():
        PLUGINS_DIRECTORY.mkdir(parents=True, exist_ok=True)
        PLUGIN_LINK.symlink_to(Path("..", ".."), target_is_directory=True)
    sys.path[:] = [entry for entry in sys.path
                   if entry not in ("", ".") and Path(entry).resolve() != REPOSITORY]
    # tests/ itself, for the shared test helpers (engine_case_data.py): it holds no `processing` to shadow.
    for entry in (str(REPOSITORY / "tests"), QGIS_PYTHON_PLUGINS, str(PLUGINS_DIRECTORY)):
        if entry not in sys.path:
            sys.path.insert(0, entry)


_prepare_sys_path()


def _register_provider():
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER_ID)
    if provider is None:
        from complete_community.processing.provider import CompleteCommunityProvider

        provider = CompleteCommunityProvider()
        if not registry.addProvider(provider):
            raise RuntimeError("could not register the provider " + PROVIDER_ID)
        _PROVIDERS[:] = [provider]
    return provider


@pytest.fixture(scope="session")
def cc_processing(qgis_processing):  # noqa: ARG001 (pytest-qgis: Processing.initialize())
    """Processing initialised (native, QGIS and GDAL providers) and our provider registered."""
    import processing

    assert Path(processing.__file__).resolve().is_relative_to(Path(QGIS_PYTHON_PLUGINS).resolve()), (
        "`processing` must be QGIS's plugin, not ours: " + processing.__file__)
    _register_provider()


@pytest.fixture
def cc_provider(cc_processing):  # noqa: ARG001
    """Our registered provider (registered again if a test removed it)."""
    return _register_provider()


@pytest.fixture
def cc_provider_removed(cc_processing):  # noqa: ARG001
    """No `complete_community` provider during the test (e.g. to load a packaged copy); restored after."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER_ID) is not None:
        registry.removeProvider(PROVIDER_ID)
    yield
    if registry.providerById(PROVIDER_ID) is not None:
        registry.removeProvider(PROVIDER_ID)
    _register_provider()


@pytest.fixture
def processing_context(cc_processing):  # noqa: ARG001
    """A QgsProcessingContext with QgsProject.instance() and a QgsProcessingFeedback."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    context.setFeedback(feedback)
    context._feedback = feedback  # the context does not own its feedback: keep it alive with it
    return context


class QgisProcessResult:
    """The outcome of one qgis_process call: returncode, stdout, stderr and, with --json, `json`."""

    def __init__(self, arguments, completed):
        self.arguments = arguments
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    @property
    def json(self):
        return json.loads(self.stdout[self.stdout.index("{"):])

    def __repr__(self):
        return "qgis_process {} → {}\n--- stdout\n{}\n--- stderr\n{}".format(
            " ".join(self.arguments), self.returncode, self.stdout[-3000:], self.stderr[-3000:])


@pytest.fixture(scope="session")
def run_qgis_process(tmp_path_factory):
    """run_qgis_process(arguments, check=True, timeout=600) → QgisProcessResult.

    Runs scripts/qgis_process.sh (the same entry point as `make demo` and the README): qgis_process.bin
    with QGIS_PLUGINPATH=build/plugins and the plugin enabled in a throwaway profile of this session.
    """
    profiles = tmp_path_factory.mktemp("qgis-profiles")

    def run(arguments, check=True, timeout=600):
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", CC_QGIS_PROFILES=str(profiles))
        completed = subprocess.run([str(QGIS_PROCESS_SCRIPT), *arguments], cwd=REPOSITORY, env=environment,
                                   capture_output=True, text=True, timeout=timeout, check=False)
        result = QgisProcessResult(list(arguments), completed)
        if check and result.returncode != 0:
            raise AssertionError("qgis_process failed: {!r}".format(result))
        return result

    return run


@pytest.fixture(scope="session", autouse=True)
def release_failed_runs_before_qgis_exits(qgis_app):  # noqa: ARG001 (torn down before QGIS exits)
    """Free the layers that failed algorithm runs still hold, while QGIS still runs.

    An exception raised in processAlgorithm passes through C++, which keeps the Python exception and so its
    traceback, whose frames hold the run's parameters (layers). Freed only at interpreter exit, after
    QgsApplication.exitQgis(), an OGR layer crashes QGIS 3.22 with a segmentation fault after every test
    passed. Clearing those frames once, at the end of the session, releases them in time.
    """
    yield
    for leftover in gc.get_objects():
        if isinstance(leftover, types.TracebackType):
            traceback.clear_frames(leftover)
    gc.collect()
