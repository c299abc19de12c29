"""The QGIS plugin object: the Processing provider and the translation, and in the desktop application
the menu 完整居住社区 (under Plugins), the toolbar buttons and the 社区评估卡 / scorecard dock.

`unload()` removes every one of them again — actions, menu entries, toolbar buttons, the dock and its
signal connections, the provider and the translator — so the plugin can be disabled or reloaded
(Plugin Reloader) without leftovers.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction, QDockWidget

from . import ui
from .i18n import Translated, install_translator, remove_translator
from .processing.provider import CompleteCommunityProvider

ASSESS_ACTION = "CompleteCommunityAssessAction"
SCORECARD_ACTION = "CompleteCommunityScorecardAction"
HELP_ACTION = "CompleteCommunityHelpAction"


class CompleteCommunityPlugin(Translated):
    """Created by `classFactory`. QGIS calls `initProcessing()` alone in `qgis_process` and headless
    runs, `initGui()` in the desktop application, and `unload()` when the plugin is disabled."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.menu_name = None
        self.assess_action = None
        self.scorecard_action = None
        self.help_action = None
        self.menu_actions = []
        self.toolbar_actions = []
        self.dock = None
        self.help_dialog = None
        self._connections = []


    # -- Processing ----------------------------------------------------------------------------------

    def initProcessing(self):  # noqa: N802 (QGIS API)
        """Install the translation and register the provider (once, however often it is called)."""
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            provider = CompleteCommunityProvider()
            # Keep it only if the registry took it: a provider of the same id registered elsewhere must not be
            # removed by our unload() (removeProvider works by id).
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- desktop -------------------------------------------------------------------------------------

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()  # first: the translator must be in place before the texts below
        from .ui.scorecard_dock import ScorecardDock

        window = self.iface.mainWindow()
        self.menu_name = self.tr("Complete Community")

        self.assess_action = QAction(ui.icon(), self.tr("Assess communities…"), window)
        self.assess_action.setObjectName(ASSESS_ACTION)
        self.assess_action.setToolTip(self.tr(
            "Assess residential communities against the Complete Community Construction Guide"))
        self.assess_action.setStatusTip(self.assess_action.toolTip())
        self._connect(self.assess_action.triggered, self.open_assess_dialog)

        self.scorecard_action = QAction(ui.icon(ui.SCORECARD_ICON), self.tr("Community scorecard"), window)
        self.scorecard_action.setObjectName(SCORECARD_ACTION)
        self.scorecard_action.setCheckable(True)
        self.scorecard_action.setToolTip(self.tr(
            "Show or hide the scorecard of the community selected on the map"))
        self.scorecard_action.setStatusTip(self.scorecard_action.toolTip())
        self._connect(self.scorecard_action.toggled, self.set_scorecard_visible)

        self.help_action = QAction(QgsApplication.getThemeIcon("/mActionHelpContents.svg"), self.tr("Help"), window)
        self.help_action.setObjectName(HELP_ACTION)
        self.help_action.setToolTip(self.tr("How the plugin checks communities, and how to use it"))
        self._connect(self.help_action.triggered, self.show_help)

        self.menu_actions = [self.assess_action, self.scorecard_action, self.help_action]
        for action in self.menu_actions:
            self.iface.addPluginToMenu(self.menu_name, action)
        self.toolbar_actions = [self.assess_action, self.scorecard_action]
        for action in self.toolbar_actions:
            self.iface.addToolBarIcon(action)

        self.dock = ScorecardDock(self.iface, window)
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        # Beside the Processing toolbox the two docks would share the height: a tab of its own, full height.
        toolbox = window.findChild(QDockWidget, "ProcessingToolbox") if window is not None else None
        if toolbox is not None and window.dockWidgetArea(toolbox) == Qt.RightDockWidgetArea:
            window.tabifyDockWidget(toolbox, self.dock)
        self.dock.hide()  # opened from the menu or the toolbar
        self._connect(self.dock.opened, lambda: self._sync_scorecard_action(True))
        self._connect(self.dock.closed, lambda: self._sync_scorecard_action(False))
        self.dock.start()

    def _connect(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _sync_scorecard_action(self, visible):
        if self.scorecard_action is not None and self.scorecard_action.isChecked() != visible:
            self.scorecard_action.setChecked(visible)

    def open_assess_dialog(self, *_arguments):
        """The assessment dialog, pre-filled with the layers and fields guessed from the project."""
        from .ui.assess_dialog import open_assess_dialog

        return open_assess_dialog(self.iface)

    def set_scorecard_visible(self, visible):
        if self.dock is not None and self.dock.isUserVisible() != bool(visible):
            if visible:
                self._tab_beside_other_docks()
            self.dock.setUserVisible(bool(visible))

    def _tab_beside_other_docks(self):
        """A dock already open on the same side (the Processing toolbox, the results viewer, …) would take half
        of the height: the scorecard opens as a tab of the tallest of them instead, at full height."""
        window = self.iface.mainWindow()
        if window is None or window.tabifiedDockWidgets(self.dock):
            return
        area = window.dockWidgetArea(self.dock)
        others = [dock for dock in window.findChildren(QDockWidget) if dock is not self.dock and dock.isVisible()
                  and not dock.isFloating() and window.dockWidgetArea(dock) == area]
        if others:
            window.tabifyDockWidget(max(others, key=lambda dock: dock.height()), self.dock)

    def show_help(self, *_arguments):
        from .ui.help_dialog import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self.iface.mainWindow())
        self.help_dialog.show()
        self.help_dialog.raise_()
        return self.help_dialog

    # -- unloading -----------------------------------------------------------------------------------

    def unload(self):
        ui.disconnect_all(self._connections)
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.help_dialog is not None:
            self.help_dialog.close()
            self.help_dialog.deleteLater()
            self.help_dialog = None
        for action in self.toolbar_actions:
            self.iface.removeToolBarIcon(action)
        for action in self.menu_actions:
            self.iface.removePluginMenu(self.menu_name, action)
            action.deleteLater()
        self.toolbar_actions, self.menu_actions = [], []
        self.assess_action = self.scorecard_action = self.help_action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            remove_translator(self.translator)
            self.translator = None
