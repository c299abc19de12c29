#!/usr/bin/env python3
"""Screenshots of what a planner sees, in Chinese: the short assessment dialog, the map after a run, the
社区评估卡 (scorecard) dock with advice, the window after "zoom to gap", and the user guide.

    make screenshots
    # = xvfb-run -a env QT_QPA_PLATFORM=xcb LANG=zh_CN.UTF-8 .venv/bin/python scripts/screenshots.py

writes into build/screenshots/: dialog_zh.png (the dialog as the toolbar button opens it: guessed inputs, the
rest under 高级参数, outputs next to the project), map_zh.png (the window after the dialog's run: the results
loaded by Processing, styled, grouped and ordered, in the layers panel and on the map), scorecard_zh.png (the
dock on C05, which complies with advice), window_zh.png (after "zoom to gap" on C03), whatif_zh.png (the window
with the dock's 假设新增设施 tab after a health station is proposed in C09) and help_zh.png (the guide).
It runs the plugin as QGIS would (classFactory → initGui, with QGIS's own Chinese translation and the plugin's),
in a saved project build/screenshots/project/ whose results folder receives the run. A throwaway QGIS profile in
build/screenshots/profile keeps your own settings untouched. Options: --output-dir, --language.
"""

import argparse
import csv
import gc
import os
import shutil
import subprocess
import sys
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(REPOSITORY, "build", "plugins")
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
GUI_TSV = os.path.join(REPOSITORY, "build", "gui_zh.tsv")
# The sample's input layers under the names a Chinese planner would give them (the guesses read names).
INPUT_LAYERS = (("communities", "居住社区"), ("facilities", "配套设施"), ("facility_areas", "设施用地"),
                ("roads", "道路"), ("population_points", "住宅楼栋"))
COMMUNITY = "C03"  # a kindergarten too small: a gap to zoom to
ADVISORY_COMMUNITY = "C05"  # complies, with advice: its radius is beyond the recommended 500 m
# The what-if proposal: a health station inside 建设里 (C09), which has none within 500 m.
WHATIF_KIND, WHATIF_POINT, WHATIF_CRS = "health_station", (527100.0, 3384700.0), "EPSG:4547"


def prepare_path():
    """The plugin as `complete_community` (build/plugins) and QGIS's `processing` importable; never the
    repository root, whose processing/ would shadow QGIS's."""
    link = os.path.join(PLUGINS, "complete_community")
    if not os.path.exists(link):
        os.makedirs(PLUGINS, exist_ok=True)
        os.symlink(os.path.join("..", ".."), link)
    sys.path[:] = [entry for entry in sys.path if entry not in ("", ".")
                   and os.path.realpath(entry or ".") != os.path.realpath(REPOSITORY)]
    for entry in (QGIS_PYTHON_PLUGINS, PLUGINS):
        if entry not in sys.path:
            sys.path.insert(0, entry)


def qt_translator(language):
    """Qt's own translation (standard buttons such as Close), if installed (Debian: qttranslations5-l10n)."""
    from qgis.PyQt.QtCore import QLibraryInfo, QTranslator

    for directory in (QLibraryInfo.location(QLibraryInfo.TranslationsPath), "/usr/share/qt5/translations"):
        for name in ("qtbase_" + language, "qt_" + language):
            translator = QTranslator()
            if os.path.isfile(os.path.join(directory, name + ".qm")) and translator.load(name, directory):
                return translator
    return None


def qgis_translator(language):
    """QGIS's own translation (buttons and labels of the Processing dialog), if installed."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTranslator

    for name in ("qgis_" + language.replace("_", "-"), "qgis_zh-Hans" if language.startswith("zh") else "",
                 "qgis_" + language.split("_")[0]):
        path = os.path.join(QgsApplication.i18nPath(), name + ".qm")
        if name and os.path.isfile(path):
            translator = QTranslator()
            if translator.load(path):
                return translator
    return None


def gui_translator(work_directory):
    """build/gui_zh.tsv as a translator: the GUI strings the plugin's .qm may not hold yet (until the
    integrator merges them into i18n/complete_community_zh_CN.ts). None without the file."""
    from qgis.PyQt.QtCore import QTranslator

    if not os.path.isfile(GUI_TSV):
        return None
    sys.path.insert(0, os.path.join(REPOSITORY, "scripts"))
    import update_translations

    with open(GUI_TSV, encoding="utf-8", newline="") as stream:
        messages = {(row[0], row[1]): update_translations.Message(row[0], row[1], row[2])
                    for row in csv.reader(stream, delimiter="\t") if len(row) >= 3 and row[2]}
    ts_path = os.path.join(work_directory, "gui_zh_CN.ts")
    qm_path = os.path.join(work_directory, "gui_zh_CN.qm")
    update_translations.write_ts(ts_path, "zh_CN", messages)
    subprocess.run([update_translations.lrelease_command(), "-silent", ts_path, "-qm", qm_path], check=True)
    translator = QTranslator()
    return translator if translator.load(qm_path) else None


class Interface:
    """A small stand-in for QGIS's interface: a main window with the map, a layers panel, a Plugins menu and
    toolbar; anything else the Processing dialog may ask for is a MagicMock."""

    def __init__(self, window, canvas, view):
        from qgis.PyQt.QtWidgets import QToolBar

        self._window, self._canvas, self._view = window, canvas, view
        self._plugins_menu = window.menuBar().addMenu("插件")
        self._submenus = {}
        self._toolbar = QToolBar("插件工具栏", window)
        window.addToolBar(self._toolbar)
        self._mocks = {}

    def __getattr__(self, name):
        from unittest.mock import MagicMock

        return self._mocks.setdefault(name, MagicMock(name=name))

    def mainWindow(self):  # noqa: N802 (QGIS API)
        return self._window

    def mapCanvas(self):  # noqa: N802
        return self._canvas

    def layerTreeView(self):  # noqa: N802
        return self._view

    def activeLayer(self):  # noqa: N802
        return self._view.currentLayer()

    def browserModel(self):  # noqa: N802 (asked for by Processing's dialog)
        return None

    def addPluginToMenu(self, name, action):  # noqa: N802
        if name not in self._submenus:
            self._submenus[name] = self._plugins_menu.addMenu(name)
        self._submenus[name].addAction(action)

    def removePluginMenu(self, name, action):  # noqa: N802
        menu = self._submenus.get(name)
        if menu is not None:
            menu.removeAction(action)
            if not menu.actions():
                self._plugins_menu.removeAction(self._submenus.pop(name).menuAction())

    def addToolBarIcon(self, action):  # noqa: N802
        self._toolbar.addAction(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self._toolbar.removeAction(action)

    def addDockWidget(self, area, dock):  # noqa: N802
        self._window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self._window.removeDockWidget(dock)


def settle(application, rounds=5):
    for _round in range(rounds):
        application.processEvents()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output-dir", default=os.path.join(REPOSITORY, "build", "screenshots"))
    parser.add_argument("--language", default="zh_CN")
    arguments = parser.parse_args(argv)
    output = os.path.abspath(arguments.output_dir)
    suffix = arguments.language.split("_")[0]  # dialog_zh.png, scorecard_zh.png
    os.makedirs(output, exist_ok=True)
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", os.path.join(output, "profile"))
    os.environ["LANG"] = os.environ["LC_ALL"] = arguments.language + ".UTF-8"
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    prepare_path()

    from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
    from qgis.PyQt.QtGui import QColor
    from qgis.PyQt.QtWidgets import QMainWindow

    QLocale.setDefault(QLocale(arguments.language))
    application = QgsApplication([], True)
    application.initQgis()
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)  # the plugin follows QGIS's locale: this profile's is zh_CN
    settings.setValue("locale/userLocale", arguments.language)
    translators = [qt_translator(arguments.language), qgis_translator(arguments.language)]
    for translator in translators:
        if translator is not None:
            QCoreApplication.installTranslator(translator)
    if translators[0] is None and arguments.language.startswith("zh"):
        print("note: Qt's own Chinese translation is not installed (Debian: qttranslations5-l10n); "
              "standard buttons stay in English")

    from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsLayerTreeView, QgsMapCanvas
    from qgis.PyQt.QtWidgets import QDockWidget
    from qgis.core import QgsLayerTreeModel
    import qgis.utils

    window = QMainWindow()
    window.resize(1800, 1120)
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    layers_dock = QDockWidget("图层", window)
    layers_dock.setObjectName("Layers")
    layers_dock.setWidget(view)
    window.addDockWidget(Qt.LeftDockWidgetArea, layers_dock)
    iface = Interface(window, canvas, view)
    qgis.utils.iface = iface  # before `processing` is imported: its tools bind iface at import time

    from processing.core.Processing import Processing

    Processing.initialize()
    from complete_community import classFactory
    from complete_community.ui.assess_dialog import create_assess_dialog

    plugin = classFactory(iface)
    plugin.initProcessing()  # the plugin's translator first, then the GUI strings not merged into it yet
    extra = gui_translator(output) if arguments.language.startswith("zh") else None
    if extra is not None:
        QCoreApplication.installTranslator(extra)
        translators.append(extra)
    plugin.initGui()

    project = QgsProject.instance()
    # A saved project: the assessment's results go next to it, as they would for a planner.
    project_folder = os.path.join(output, "project")
    if os.path.isdir(project_folder):
        shutil.rmtree(project_folder)
    os.makedirs(project_folder)
    project.setFileName(os.path.join(project_folder, "sample_district.qgz"))
    for table, name in INPUT_LAYERS:
        project.addMapLayer(QgsVectorLayer("{}|layername={}".format(SAMPLE, table), name, "ogr"))
    bridge = QgsLayerTreeMapCanvasBridge(project.layerTreeRoot(), canvas)
    canvas.setSelectionColor(QColor(255, 214, 0, 150))
    window.show()
    settle(application)

    # The short dialog, as the toolbar button opens it (guessed inputs, outputs next to the project).
    dialog, opened, defaults = create_assess_dialog(project)
    dialog.show()
    settle(application, 5)
    dialog.resize(1200, 1000)  # after show(): the dialog restores the size it was last closed with
    settle(application, 20)
    dialog_png = os.path.join(output, "dialog_{}.png".format(suffix))
    dialog.grab().save(dialog_png)
    print("dialog of {} with the guesses {}".format(opened, sorted(defaults)))
    # Run it as QGIS runs it: the algorithm, then Processing loads the results (styled, grouped, ordered).
    dialog.runAlgorithm()
    settle(application, 10)
    dialog.close()
    dialog.deleteLater()
    loaded = [node.layer() for node in project.layerTreeRoot().findLayers()]
    communities = next(layer for layer in loaded if layer.customProperty("complete_community/role") == "communities")
    print("loaded:", ", ".join("{}{}".format(node.layer().name(), "" if node.isVisible() else " (hidden)")
                               for node in project.layerTreeRoot().findLayers()))
    canvas.setDestinationCrs(communities.crs())
    canvas.setExtent(communities.extent())
    canvas.refresh()
    canvas.waitWhileRendering()
    settle(application, 10)
    map_png = os.path.join(output, "map_{}.png".format(suffix))
    window.grab().save(map_png)

    dock = plugin.dock
    plugin.scorecard_action.trigger()
    window.resizeDocks([dock], [620], Qt.Horizontal)
    view.setCurrentLayer(communities)
    ids = [feature.id() for feature in communities.getFeatures() if feature["community_id"] == ADVISORY_COMMUNITY]
    communities.selectByIds(ids)
    settle(application, 20)
    dock.resize(620, 1080)
    settle(application, 10)
    scorecard_png = os.path.join(output, "scorecard_{}.png".format(suffix))
    dock.grab().save(scorecard_png)
    card = dock.card
    print("scorecard of {} {}: {} {}, gaps {}".format(card.community_id, card.name, card.score, card.status,
                                                     [gap.name for gap in card.gaps]))
    # The whole window after "zoom to gap" on a community with a gap (the kindergarten of C03).
    ids = [feature.id() for feature in communities.getFeatures() if feature["community_id"] == COMMUNITY]
    communities.selectByIds(ids)
    settle(application, 10)
    buttons = dock.gap_buttons()
    if buttons:
        buttons[0].click()
    # Past the red flash of the selected service areas (three flashes of 0.5 s).
    for _round in range(40):
        application.processEvents()
        time.sleep(0.1)
    canvas.refresh()
    canvas.waitWhileRendering()
    settle(application, 10)
    window_png = os.path.join(output, "window_{}.png".format(suffix))
    window.grab().save(window_png)

    # The what-if tab (假设新增设施): a health station proposed in 建设里 (C09), which lacks one within 500 m.
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    dock.tabs.setCurrentWidget(dock.whatif_panel)
    dock.whatif_panel.select_kind(WHATIF_KIND)
    change = dock.whatif_panel.place_at(QgsPointXY(*WHATIF_POINT), QgsCoordinateReferenceSystem(WHATIF_CRS))
    canvas.refresh()
    canvas.waitWhileRendering()
    settle(application, 20)
    whatif_png = os.path.join(output, "whatif_{}.png".format(suffix))
    window.grab().save(whatif_png)
    print("what-if: {}".format(dock.whatif_panel.message.text() if change is not None else "no proposal placed"))

    help_dialog = plugin.show_help()
    help_dialog.resize(1000, 900)
    settle(application, 20)
    help_png = os.path.join(output, "help_{}.png".format(suffix))
    help_dialog.grab().save(help_png)
    help_dialog.close()

    plugin.unload()
    settle(application)
    window.close()
    project.removeAllMapLayers()
    del communities, dock, dialog, bridge, loaded
    for translator in translators:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
    gc.collect()
    print("wrote", dialog_png, map_png, scorecard_png, window_png, whatif_png, help_png)
    application.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
