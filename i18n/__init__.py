"""Translation: `tr()` for every user-facing string and the Qt translator that follows QGIS's locale.

    from ..i18n import tr
    tr("Community evaluation")                 # context "CompleteCommunity"
    tr("required", "RuleText")                 # explicit context

Classes use `self.tr(text)` (context: the class the string is written in), through the `Translated` mixin; `scripts/update_translations.py` collects all
of them into `i18n/complete_community_zh_CN.ts`, and `make translations` builds the `.qm` files
that `install_translator()` loads.
"""

import os

try:
    from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
except ImportError:  # used outside QGIS (e.g. by the string extractor): no translation at all
    QCoreApplication = QLocale = QTranslator = None

DEFAULT_CONTEXT = "CompleteCommunity"
_PACKAGE = __name__.rsplit(".", 1)[0] + "."  # 'complete_community.': the modules whose classes are contexts
I18N_DIRECTORY = os.path.dirname(os.path.abspath(__file__))
QM_PREFIX = "complete_community_"

_installed = {"translator": None, "language": None}


def tr(text, context=DEFAULT_CONTEXT):
    """The translation of `text` in `context` by the installed translator; `text` itself if none."""
    if QCoreApplication is None:
        return text
    return QCoreApplication.translate(context, text)


def class_tr(instance, text):
    """`self.tr(text)` of every class of the plugin: the translation filed under the class the string is
    written in (the extractor uses the enclosing class as context), looked up along the class's bases, so a
    string written in a base class is found when a subclass calls it."""
    if QCoreApplication is None:
        return text
    for cls in type(instance).__mro__:
        if not cls.__module__.startswith(_PACKAGE):
            continue  # Qt's and QGIS's own classes: not our contexts
        translated = QCoreApplication.translate(cls.__name__, text)
        if translated != text:
            return translated
    return text


class Translated:
    """Mixin: `self.tr()` through `class_tr` (put it before the Qt or QGIS base class)."""

    def tr(self, text):
        return class_tr(self, text)


def qgis_locale():
    """The locale QGIS translates its interface into, read as QGIS itself decides it.

    QGIS uses `locale/userLocale` when the user ticked "Override system locale"
    (`locale/overrideFlag`), otherwise the system locale. `locale/globalLocale` only sets number
    and date formats; it is used here solely when an override is on but names no language.
    """
    from qgis.core import QgsSettings

    settings = QgsSettings()
    override = str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1")
    if override:
        for key in ("locale/userLocale", "locale/globalLocale"):
            value = settings.value(key, "") or ""
            if value:
                return str(value)
    return QLocale.system().name()


def qm_path(locale):
    """The compiled translation for `locale`, or None if the plugin has none.

    Tries the full locale (complete_community_zh_CN.qm), then the language (complete_community_zh.qm),
    then any translation of that language: QGIS 3.22 names Chinese `zh-Hans`, older versions `zh_CN`.
    """
    locale = str(locale or "").replace("-", "_").split(".")[0]
    language = locale.split("_")[0]
    if not language:
        return None
    candidates = [QM_PREFIX + locale + ".qm", QM_PREFIX + language + ".qm"]
    candidates += sorted(name for name in os.listdir(I18N_DIRECTORY)
                         if name.startswith(QM_PREFIX + language + "_") and name.endswith(".qm"))
    for name in candidates:
        path = os.path.join(I18N_DIRECTORY, name)
        if os.path.isfile(path):
            return path
    return None


def install_translator(locale=None):
    """Load the translation for `locale` (default: QGIS's locale) and install it application-wide.

    Returns the installed QTranslator (pass it to `remove_translator`), or None when the locale has
    no translation, e.g. English. Installing again replaces the previous translator.
    """
    if QCoreApplication is None:
        return None
    remove_translator()
    path = qm_path(locale if locale is not None else qgis_locale())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(path) or not QCoreApplication.installTranslator(translator):
        return None
    language = os.path.basename(path)[len(QM_PREFIX):-len(".qm")].split("_")[0]
    _installed.update(translator=translator, language=language)
    return translator


def remove_translator(translator=None):
    """Uninstall our translator (the one given, or the one installed last)."""
    translator = translator or _installed["translator"]
    if translator is not None and QCoreApplication is not None:
        QCoreApplication.removeTranslator(translator)
    if translator is None or translator is _installed["translator"]:
        _installed.update(translator=None, language=None)


def current_language():
    """The language the plugin speaks now: 'zh' when the Chinese translation is installed, else 'en'.

    It follows the installed translator rather than the locale, so names taken from a standard
    ('zh'/'en') always match the language of the translated interface around them.
    """
    return _installed["language"] or "en"
