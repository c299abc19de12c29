"""The Processing provider `complete_community`: registers every algorithm of ALGORITHM_CLASSES."""

import configparser
import os

from qgis.core import QgsProcessingProvider

from ..i18n import Translated
from .. import ui
from .algorithm_list import ALGORITHM_CLASSES
from .workflow_model import shipped_models

PROVIDER_ID = "complete_community"
PLUGIN_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def plugin_version():
    """The version in metadata.txt, e.g. '0.1.0'."""
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(PLUGIN_DIRECTORY, "metadata.txt"), encoding="utf-8")
    return metadata.get("general", "version", fallback="")


class CompleteCommunityProvider(Translated, QgsProcessingProvider):
    """Processing provider of the Complete Community plugin (完整居住社区)."""


    def id(self):
        return PROVIDER_ID

    def name(self):
        return self.tr("Complete Community")

    def longName(self):
        return self.tr("Complete Community: checks against the Complete Community Construction Guide (MOHURD 2021)")

    def versionInfo(self):  # noqa: N802 (QGIS API)
        return plugin_version()

    def icon(self):
        return ui.icon(ui.PROVIDER_ICON)

    def svgIconPath(self):
        return ui.icon_path(ui.PROVIDER_ICON)

    def loadAlgorithms(self):
        # Called by QGIS on registration and on every refresh: always hand over fresh instances.
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
        for model in shipped_models():
            self.addAlgorithm(model)
