"""The Graphical Modeler models shipped in models/, offered by the provider like its own algorithms."""

import glob
import os

from qgis.core import QgsProcessingModelAlgorithm

from .. import ui
from ..i18n import tr

MODELS_DIRECTORY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")
_CONTEXT = "WorkflowModel"


class ShippedModel(QgsProcessingModelAlgorithm):
    """A .model3 file of the plugin, named and grouped like the plugin's algorithms (and in its language)."""

    def __init__(self, path):
        super().__init__()
        self.path = path
        if not self.fromFile(path):
            raise ValueError("cannot read the model " + path)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return ShippedModel(self.path)

    def name(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr("Complete community workflow (model: provision → walking → map and atlas)", _CONTEXT)

    def group(self):
        return tr("Models", _CONTEXT)

    def groupId(self):  # noqa: N802 (QGIS API)
        return "models"

    def icon(self):
        return ui.icon()

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(
            "A Graphical Modeler model of the common case: evaluate_facilities, then evaluate_walking_access on its "
            "result (so one layer carries the provision and the walking results), export_map and export_atlas (one "
            "page per community). Open it in the "
            "Graphical Modeler (right-click → Edit Model) to adapt it, e.g. to add origins or your city's standard. "
            "For everything in one GeoPackage with a report, use the complete "
            "community assessment (assess).", _CONTEXT)


def shipped_models():
    """A fresh instance of every model in models/, sorted by file name."""
    return [ShippedModel(path) for path in sorted(glob.glob(os.path.join(MODELS_DIRECTORY, "*.model3")))]
