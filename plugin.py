"""The QGIS plugin object: registers the Processing provider and the translation, and removes both."""

from qgis.core import QgsApplication

from .i18n import install_translator, remove_translator
from .processing.provider import CompleteCommunityProvider


class CompleteCommunityPlugin:
    """Created by `classFactory`. QGIS calls `initProcessing()` alone in `qgis_process` and headless
    runs, `initGui()` in the desktop application, and `unload()` when the plugin is disabled."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None

    def initProcessing(self):  # noqa: N802 (QGIS API)
        """Install the translation and register the provider (once, however often it is called)."""
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            self.provider = CompleteCommunityProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            remove_translator(self.translator)
            self.translator = None
