"""Desktop user-interface resources: the plugin's icons (dialogs and the scorecard dock join them later)."""

import os

from qgis.PyQt.QtGui import QIcon

ICON_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")
PLUGIN_ICON = "complete_community.svg"
PROVIDER_ICON = "provider.svg"


def icon_path(name=PLUGIN_ICON):
    """Absolute path of one of the plugin's icons (e.g. for QgsProcessingProvider.svgIconPath)."""
    return os.path.join(ICON_DIRECTORY, name)


def icon(name=PLUGIN_ICON):
    return QIcon(icon_path(name))
