"""帮助 / Help: the user guide shipped with the plugin (help/index_zh.html, help/index_en.html), offline.

The guide opens in a window inside QGIS; "Open in web browser" shows the same file in the system browser
(better for printing). The algorithms' Help buttons open it too (`guide_url`)."""

import configparser
import os

from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..i18n import Translated, current_language
from . import icon

PLUGIN_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELP_DIRECTORY = os.path.join(PLUGIN_DIRECTORY, "help")


def guide_path(language=None):
    """The user guide in the user's language (Chinese in a Chinese QGIS, English otherwise)."""
    language = language or current_language()
    localised = os.path.join(HELP_DIRECTORY, "index_{}.html".format("zh" if language == "zh" else "en"))
    return localised if os.path.isfile(localised) else os.path.join(HELP_DIRECTORY, "index_en.html")


def guide_url(language=None, anchor=""):
    url = QUrl.fromLocalFile(guide_path(language))
    if anchor:
        url.setFragment(anchor)
    return url


def homepage():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(PLUGIN_DIRECTORY, "metadata.txt"), encoding="utf-8")
    return metadata.get("general", "homepage", fallback="")


class HelpDialog(Translated, QDialog):
    """A non-modal window with the user guide; links inside the guide work, external ones open the browser."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CompleteCommunityHelp")
        self.setWindowTitle(self.tr("Complete Community — user guide"))
        self.setWindowIcon(icon())
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)
        self.browser.setSearchPaths([HELP_DIRECTORY])
        self.browser.setSource(guide_url())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.browser_button = buttons.addButton(self.tr("Open in web browser"), QDialogButtonBox.ActionRole)
        self.browser_button.clicked.connect(lambda: QDesktopServices.openUrl(self.browser.source()))
        self.home_button = buttons.addButton(self.tr("Project home page"), QDialogButtonBox.HelpRole)
        self.home_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(homepage())))
        self.home_button.setEnabled(bool(homepage()))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WA_DeleteOnClose, False)

