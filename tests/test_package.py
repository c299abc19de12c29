"""The ZIP of `make package` holds exactly the runtime files, and the plugin inside it loads in QGIS."""

import configparser
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication

REPOSITORY = Path(__file__).resolve().parent.parent
PACKAGED_MODULE = "complete_community_packaged"  # a name of its own: the checkout is `complete_community`
DEVELOPMENT_ONLY = {"tests", "scripts", "sample_data", "docs", "build", "dist", "out", ".venv", "__pycache__", ".git", ".ci",
                    "Makefile", "requirements-dev.txt", "pytest.ini", "setup.cfg", "CONTRACTS.md", ".gitignore"}


def _version():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(REPOSITORY / "metadata.txt", encoding="utf-8")
    return metadata["general"]["version"]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    output = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(REPOSITORY / "scripts" / "package.py"), "--output-dir", str(output)],
                   check=True, capture_output=True, text=True)
    archives = list(output.glob("*.zip"))
    assert [archive.name for archive in archives] == ["complete_community-{}.zip".format(_version())]
    return archives[0]


@pytest.fixture(scope="module")
def names(package):
    with zipfile.ZipFile(package) as archive:
        return archive.namelist()


def test_everything_is_inside_one_complete_community_folder(names):
    assert {name.split("/")[0] for name in names} == {"complete_community"}
    assert len(names) == len(set(names))


def test_package_has_the_runtime_files(names):
    inside = {name.split("/", 1)[1] for name in names}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "processing/__init__.py", "processing/provider.py",
                     "processing/algorithm_list.py", "i18n/__init__.py", "i18n/complete_community_zh_CN.qm",
                     "ui/icons/complete_community.svg", "ui/icons/provider.svg", "ui/__init__.py"):
        assert required in inside
    standards = {path.relative_to(REPOSITORY).as_posix() for path in (REPOSITORY / "standards").glob("*.yaml")}
    assert standards and standards <= inside
    templates = {path.relative_to(REPOSITORY).as_posix() for path in (REPOSITORY / "report" / "templates").iterdir()}
    assert "report/templates/report.html" in templates and templates <= inside  # the report is built from them
    # Every module of the plugin is shipped: a forgotten one would break the installed plugin.
    top_level = [path for path in REPOSITORY.iterdir() if path.name not in DEVELOPMENT_ONLY
                 and not path.name.startswith(".")]
    candidates = [path for entry in top_level for path in ([entry] if entry.is_file() else entry.rglob("*.py"))]
    modules = {path.relative_to(REPOSITORY).as_posix() for path in candidates
               if path.suffix == ".py" and not DEVELOPMENT_ONLY.intersection(path.relative_to(REPOSITORY).parts)}
    assert modules <= inside, sorted(modules - inside)


def test_package_has_no_development_files(names):
    for name in names:
        parts = name.split("/")[1:]
        assert not DEVELOPMENT_ONLY.intersection(parts), name
        assert not name.endswith((".pyc", ".ts", ".gpkg", ".orig", "~")), name


def test_metadata_icon_is_in_the_package(names):
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(REPOSITORY / "metadata.txt", encoding="utf-8")
    assert "complete_community/" + metadata["general"]["icon"] in names


@pytest.fixture
def packaged_plugin_module(package, tmp_path):
    """The plugin unzipped into a plugins folder and imported from there under a name of its own."""
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    folder = plugins / "complete_community"
    spec = importlib.util.spec_from_file_location(PACKAGED_MODULE, folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGED_MODULE] = module
    try:
        spec.loader.exec_module(module)
        yield module, folder
    finally:
        for name in [name for name in sys.modules if name == PACKAGED_MODULE or name.startswith(PACKAGED_MODULE + ".")]:
            del sys.modules[name]


def test_packaged_plugin_registers_and_removes_its_provider(packaged_plugin_module, qgis_iface,
                                                            cc_provider_removed):  # noqa: ARG001
    module, folder = packaged_plugin_module
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("complete_community") is None

    plugin = module.classFactory(qgis_iface)
    plugin.initGui()
    try:
        provider = registry.providerById("complete_community")
        assert provider is not None
        assert Path(sys.modules[type(provider).__module__].__file__).is_relative_to(folder)
        algorithm_classes = sys.modules[PACKAGED_MODULE + ".processing.algorithm_list"].ALGORITHM_CLASSES
        assert algorithm_classes, "the provider offers no algorithm"
        models = sys.modules[PACKAGED_MODULE + ".processing.workflow_model"].shipped_models()
        assert models, "the package ships no model"
        expected = sorted(["complete_community:" + algorithm_class().name() for algorithm_class in algorithm_classes]
                          + ["complete_community:" + model.name() for model in models])
        assert sorted(algorithm.id() for algorithm in provider.algorithms()) == expected
        for algorithm_id in expected:
            algorithm = registry.algorithmById(algorithm_id)
            assert algorithm is not None and algorithm.displayName()
            assert Path(sys.modules[type(algorithm).__module__].__file__).is_relative_to(folder)
        assert provider.versionInfo() == _version()
        assert not provider.icon().isNull()
    finally:
        plugin.unload()
    assert registry.providerById("complete_community") is None
    assert plugin.translator is None


def test_qgis_process_loads_the_plugin_with_every_algorithm(run_qgis_process, cc_provider):
    plugins = run_qgis_process(["--json", "plugins"]).json["plugins"]
    assert plugins["complete_community"]["loaded"] is True
    providers = run_qgis_process(["--json", "list"]).json["providers"]
    assert "complete_community" in providers
    assert sorted(providers["complete_community"]["algorithms"]) == sorted(
        algorithm.id() for algorithm in cc_provider.algorithms())


def test_metadata_is_ready_for_plugins_qgis_org():
    """What plugins.qgis.org checks and shows: no deprecated `category`, experimental before 1.0, a changelog
    of this version, tags in Chinese and English, the guide shipped; the publisher's fields documented."""
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(REPOSITORY / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    assert "category" not in general  # deprecated: plugins with a processing provider are found by it
    version = general["version"]
    assert general["experimental"].lower() == ("true" if version.split(".")[0] == "0" else "false")
    assert general["changelog"].strip().startswith(version)
    tags = [tag.strip() for tag in general["tags"].split(",")]
    assert any(all(ord(char) > 0x2E80 for char in tag) for tag in tags)  # a Chinese tag
    assert any(tag.isascii() for tag in tags)
    for field in ("name", "description", "about", "author", "email", "repository", "tracker", "homepage", "icon"):
        assert general.get(field), field
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert "Publishing on plugins.qgis.org" in readme
    for field in ("email", "repository", "tracker", "homepage"):
        assert "`{}`".format(field) in readme.split("Publishing on plugins.qgis.org", 1)[1]


def test_the_user_guide_is_in_the_package(names):
    for language in ("zh", "en"):
        assert "complete_community/help/index_{}.html".format(language) in names
    assert "complete_community/help/guide.css" in names
    assert any(name.startswith("complete_community/help/images/") for name in names)
