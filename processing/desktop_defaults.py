"""What an algorithm's dialog opens with in the QGIS desktop: guessed inputs and outputs that survive.

Processing creates a fresh algorithm (`initAlgorithm`) each time a dialog opens from the toolbox, the
batch dialog or the plugin's button. While the parameters are declared, the desktop sets each one's
*GUI* default (`setGuiDefaultValueOverride`, QGIS ≥ 3.18), which only dialogs read: `qgis_process`,
`processing.run` and models never see these defaults, so a script is never fed a layer from the project.

- inputs: the layers and fields `ui.guess` recognises in the project (previous results skipped);
- outputs: files in the results folder, named after the run (`assess_20261130_0912.gpkg`), instead of
  temporary files that vanish when QGIS quits. The results folder is, in this order: the one chosen for
  this project (remembered in the project), a folder next to the saved project file, the folder last
  chosen (remembered in the user's settings), or "完整居住社区评估结果" in the user's documents.
"""

import datetime
import os
import re

from qgis.core import (QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterVectorDestination, QgsProject,
                       QgsSettings)
from qgis.PyQt.QtCore import QCoreApplication, QStandardPaths, QThread

from ..i18n import tr
from .output_safety import table_destination, table_destination_parts

_CONTEXT = "ResultsFolder"
SETTINGS_KEY = "complete_community/results_folder"
PROJECT_SCOPE, PROJECT_KEY = "complete_community", "results_folder"
# The file extension of a file destination, from its file filter; GeoPackage for layers.
_EXTENSION = re.compile(r"\*\.(\w+)")


def in_desktop():
    """True in the QGIS desktop application's main thread (never in qgis_process or a worker thread)."""
    try:
        from qgis.utils import iface
    except ImportError:
        return False
    application = QCoreApplication.instance()
    # qgis_process and QGIS Server have no iface; scripts in worker threads must not touch the project.
    return iface is not None and application is not None and QThread.currentThread() is application.thread()


def results_folder_name():
    return tr("Complete Community results", _CONTEXT)


def results_folder(project=None):
    """Where a run's outputs go by default (see the module's docstring); the folder may not exist yet."""
    project = project or QgsProject.instance()
    chosen, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    if found and chosen and os.path.isdir(chosen):
        return chosen
    if project.fileName() and project.absolutePath():
        return os.path.join(project.absolutePath(), results_folder_name())
    remembered = QgsSettings().value(SETTINGS_KEY, "") or ""
    if remembered and os.path.isdir(remembered):
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or os.path.expanduser("~")
    return os.path.join(documents, results_folder_name())


def is_temporary(path):
    """Whether a file lies in Processing's or the system's temporary folder."""
    import tempfile

    from qgis.core import QgsProcessingUtils

    folder = os.path.abspath(path)
    return any(folder.startswith(os.path.abspath(root) + os.sep)
               for root in (QgsProcessingUtils.tempFolder(), tempfile.gettempdir()) if root)


def remember_results_folder(path, project=None):
    """A results file the user chose outside the proposed folder: its folder becomes the default (for this
    project, and for projects not yet saved). Temporary outputs are never remembered."""
    if not path or not os.path.isabs(path) or is_temporary(path):
        return
    folder = os.path.dirname(os.path.abspath(path))
    project = project or QgsProject.instance()
    if folder != os.path.abspath(results_folder(project)):
        project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, folder)
        QgsSettings().setValue(SETTINGS_KEY, folder)


def destination_file(value):
    """The file behind an output destination ('ogr:dbname=\'x.gpkg\' table=…', 'x.gpkg|layername=t',
    'x.shp'); None for memory layers, databases and anything that is not a file path."""
    text = str(value or "")
    parts = table_destination_parts(text)
    if parts:
        text = parts[0]
    elif re.match(r"^\w+:", text) and not re.match(r"^[A-Za-z]:[\\/]", text):
        return None  # memory:, postgres:, … (but C:\ is a path)
    text = text.split("|")[0]
    return text if text and os.path.isabs(text) else None


def run_name(algorithm_name, when=None):
    """'assess_20261130_0912': the algorithm and the time the dialog opened."""
    when = when or datetime.datetime.now()
    return "{}_{}".format(algorithm_name, when.strftime("%Y%m%d_%H%M"))


def output_default(definition, folder, run):
    """The default destination of an output parameter in `folder` for the run `run`; None for outputs
    that are off unless asked for (optional and not created by default)."""
    optional = bool(definition.flags() & definition.FlagOptional)
    if isinstance(definition, QgsProcessingParameterFileDestination):
        if optional and not definition.createByDefault():
            return None
        extensions = _EXTENSION.findall(definition.fileFilter() or "")
        extension = extensions[0] if extensions else "dat"
        suffix = definition.name().lower().replace("output_", "").replace("output", "")
        suffix = "" if suffix in ("", "gpkg") else "_" + suffix
        return os.path.join(folder, "{}{}.{}".format(run, suffix, extension))
    if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
        if optional and not definition.createByDefault():
            return None
        # Named like the output in the dialog: Processing names a loaded layer after its table.
        table = re.sub(r"[\"'|]", "", definition.description()).strip() or definition.name().lower()
        return table_destination(os.path.join(folder, run + ".gpkg"), table)
    return None


class DesktopDefaults:
    """The GUI defaults of one algorithm instance, computed once when its first parameter is declared."""

    def __init__(self, algorithm_name):
        from ..ui.assess_dialog import project_layers
        from ..ui.guess import guess_parameters

        self.inputs = guess_parameters(project_layers())
        self.folder = results_folder()
        self.run = run_name(algorithm_name)

    def apply(self, definition):
        if definition.flags() & definition.FlagHidden:
            return
        if definition.isDestination():
            value = output_default(definition, self.folder, self.run)
        else:
            value = self.inputs.get(definition.name())
        if value is not None:
            definition.setGuiDefaultValueOverride(value)
