"""Desktop user interface: the icons (here), and in their own modules

    guess.py          layer and field guesses for the assessment dialog (pure Python, no QGIS)
    assess_dialog.py  the assessment dialog opened with those guesses
    scorecard.py      what the community scorecard shows (pure Python)
    result_layers.py  the rules table, walking distances and service areas next to a result layer
    scorecard_dock.py the 社区评估卡 / scorecard dock
    help_dialog.py    the help window (README)
"""

import os

from qgis.PyQt.QtGui import QIcon

ICON_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")
PLUGIN_ICON = "complete_community.svg"
PROVIDER_ICON = "provider.svg"
SCORECARD_ICON = "scorecard.svg"


def icon_path(name=PLUGIN_ICON):
    """Absolute path of one of the plugin's icons (e.g. for QgsProcessingProvider.svgIconPath)."""
    return os.path.join(ICON_DIRECTORY, name)


def icon(name=PLUGIN_ICON):
    return QIcon(icon_path(name))


def disconnect_all(connections):
    """Undo [(signal, slot)] connections; one whose object is already gone is skipped. Empties the list."""
    for signal, slot in connections:
        try:
            signal.disconnect(slot)
        except (TypeError, RuntimeError):
            pass
    connections.clear()
