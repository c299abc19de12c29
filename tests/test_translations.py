"""Every user-facing string has a Chinese translation, the extractor finds them, and metadata is complete."""

import configparser
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
EXTRACTOR = REPOSITORY / "scripts" / "update_translations.py"


@pytest.fixture(scope="module")
def extractor():
    spec = importlib.util.spec_from_file_location("update_translations", EXTRACTOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_has_a_finished_chinese_translation():
    result = subprocess.run([sys.executable, str(EXTRACTOR), "--check"], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(result.stdout + result.stderr, pytrace=False)


def test_extractor_finds_every_kind_of_call(extractor, tmp_path):
    (tmp_path / "module.py").write_text(
        "from qgis.PyQt.QtCore import QCoreApplication\n"
        "from .i18n import tr\n"
        "_CONTEXT = 'RuleText'\n"
        "A = tr('plain')\n"
        "B = tr('explicit', 'Explicit')\n"
        "C = tr('keyword', context='Keyword')\n"
        "D = tr('constant', _CONTEXT)\n"
        "E = QCoreApplication.translate('Qt', 'qt way')\n"
        "def dynamic(name):\n"
        "    return tr(name)\n"
        "class Algorithm:\n"
        "    def name(self):\n"
        "        return self.tr('in a class').format(1)\n"
        "    class Inner:\n"
        "        def name(self):\n"
        "            return self.tr('inner')\n", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("tr('from a test')\n", encoding="utf-8")
    strings, problems = extractor.extract(str(tmp_path))
    assert problems == []
    assert sorted(strings) == [("Algorithm", "in a class"), ("CompleteCommunity", "plain"), ("Explicit", "explicit"),
                               ("Inner", "inner"), ("Keyword", "keyword"), ("Qt", "qt way"),
                               ("RuleText", "constant")]
    assert strings[("CompleteCommunity", "plain")] == {"module.py"}


def test_extractor_reports_a_context_it_cannot_read(extractor, tmp_path):
    (tmp_path / "module.py").write_text("def f(context):\n    return tr('text', context)\n", encoding="utf-8")
    _strings, problems = extractor.extract(str(tmp_path))
    assert len(problems) == 1 and "module.py:2" in problems[0]


def test_update_keeps_translations_and_marks_new_and_removed_strings(extractor, tmp_path):
    path = tmp_path / "x_zh_CN.ts"
    extractor.write_ts(str(path), "zh_CN", extractor.merge({}, {("C", "kept"): {"a.py"}, ("C", "gone"): {"a.py"},
                                                             ("C", "never translated"): {"a.py"}}))
    messages = extractor.read_ts(str(path))
    assert all(message.kind == "unfinished" for message in messages.values())
    messages[("C", "kept")].translation, messages[("C", "kept")].kind = "保留", None
    messages[("C", "gone")].translation, messages[("C", "gone")].kind = "删除", None
    extractor.write_ts(str(path), "zh_CN", messages)

    strings = {("C", "kept"): {"b.py"}, ("D", "new <b>&</b>"): {"b.py"}, ("C", "never translated"): {"a.py"}}
    extractor.write_ts(str(path), "zh_CN", extractor.merge(extractor.read_ts(str(path)), strings))
    first = path.read_text(encoding="utf-8")
    result = extractor.read_ts(str(path))
    assert (result[("C", "kept")].translation, result[("C", "kept")].kind) == ("保留", None)
    assert (result[("C", "gone")].translation, result[("C", "gone")].kind) == ("删除", "obsolete")
    assert result[("D", "new <b>&</b>")].kind == "unfinished"
    assert result[("C", "never translated")].kind == "unfinished"
    # Deterministic: the same strings give the same file.
    extractor.write_ts(str(path), "zh_CN", extractor.merge(extractor.read_ts(str(path)), strings))
    assert path.read_text(encoding="utf-8") == first


def test_check_catches_missing_placeholders(extractor):
    message = extractor.Message("C", "{} of {} communities", "{} 个社区", None)
    assert extractor.placeholder_problem(message)
    assert extractor.placeholder_problem(extractor.Message("C", "{} of {}", "{} / {}", None)) is None


def test_chinese_translation_is_used_and_removed(cc_provider):
    from complete_community.i18n import current_language, install_translator, remove_translator

    translator = install_translator("zh_CN")
    try:
        assert translator is not None, "i18n/complete_community_zh_CN.qm is missing: run `make translations`"
        assert current_language() == "zh"
        assert cc_provider.name() == "完整居住社区"
    finally:
        remove_translator(translator)
    assert current_language() == "en"
    assert cc_provider.name() == "Complete Community"
    assert install_translator("en_US") is None and current_language() == "en"


@pytest.fixture
def locale_settings(qgis_app):  # noqa: ARG001
    """QgsSettings with the locale keys restored after the test."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    keys = ("locale/overrideFlag", "locale/userLocale", "locale/globalLocale")
    saved = {key: settings.value(key) for key in keys if settings.contains(key)}
    yield settings
    for key in keys:
        if key in saved:
            settings.setValue(key, saved[key])
        else:
            settings.remove(key)


def test_locale_follows_qgis_override_setting(locale_settings):
    from qgis.PyQt.QtCore import QLocale

    from complete_community.i18n import qgis_locale, qm_path

    locale_settings.setValue("locale/overrideFlag", True)
    locale_settings.setValue("locale/userLocale", "zh_CN")
    assert qgis_locale() == "zh_CN"
    assert qm_path(qgis_locale()).endswith("complete_community_zh_CN.qm")
    locale_settings.setValue("locale/overrideFlag", False)
    assert qgis_locale() == QLocale.system().name()
    assert qm_path("zh") == qm_path("zh-Hans") == qm_path("zh-CN") == qm_path("zh_CN.UTF-8") == qm_path("zh_CN")
    assert qm_path("fr_FR") is None and qm_path("") is None


def test_metadata_has_every_key_qgis_and_the_plugin_repository_need():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(REPOSITORY / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository",
                "tracker", "homepage", "tags", "icon", "hasProcessingProvider", "experimental"):  # no `category`:
        # deprecated by the plugin repository (tests/test_package.py checks it is gone)
        assert general.get(key, "").strip(), key
    assert general["hasProcessingProvider"] == "yes"  # qgis_process loads only such plugins
    assert general["qgisMinimumVersion"] == "3.22"
    assert (REPOSITORY / general["icon"]).is_file()
    assert "《完整居住社区建设指南》" in general["description"] + general["about"]
