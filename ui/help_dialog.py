"""帮助 / Help: the plugin's README, shown inside QGIS (the packaged plugin ships README.md)."""

import configparser
import os

from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ..i18n import Translated
from . import icon

PLUGIN_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
README = os.path.join(PLUGIN_DIRECTORY, "README.md")


def homepage():
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(PLUGIN_DIRECTORY, "metadata.txt"), encoding="utf-8")
    return metadata.get("general", "homepage", fallback="")


class HelpDialog(Translated, QDialog):
    """A non-modal window with the README (Markdown) and a link to the project's home page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CompleteCommunityHelp")
        self.setWindowTitle(self.tr("Complete Community — help"))
        self.setWindowIcon(icon())
        self.resize(820, 720)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        if os.path.isfile(README):
            with open(README, encoding="utf-8") as stream:
                self.browser.setMarkdown(stream.read())
        else:
            self.browser.setPlainText(self.tr("The README is missing from this installation; see {}").format(
                homepage()))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.home_button = buttons.addButton(self.tr("Project home page"), QDialogButtonBox.HelpRole)
        self.home_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(homepage())))
        self.home_button.setEnabled(bool(homepage()))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WA_DeleteOnClose, False)

