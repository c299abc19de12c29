"""社区评估卡 / Community scorecard: a dock that shows the selected community's assessment.

Select a community on the map or in the attribute table of a result layer (any community layer an
evaluation wrote); the dock shows its score, verdict, every item with its rules (status, measured value
against the requirement, reason), the nearest facility of each kind with the walking distance, and one
button per facility gap that zooms the map there and selects the service areas of that kind.

The dock follows the layers panel's current layer and the selection of every community result layer of
the project; `start()` connects those signals, `cleanup()` disconnects every one of them.
"""

import functools
from html import escape

from qgis.core import QgsApplication, QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProject, QgsRectangle
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                                 QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget, QTabWidget,
                                 QTableWidget, QTableWidgetItem, QToolButton, QTreeWidget, QTreeWidgetItem,
                                 QVBoxLayout, QWidget)

from ..core import output_fields as F
from ..core import describe
from ..core import status as statuses
from ..core.status import ADVISORY, FAIL, NO_DATA
from ..i18n import Translated, current_language
from ..styles.compliance import score_text
from . import disconnect_all, result_layers
from .scorecard import build_scorecard, distance_text, label_of, minutes_text, standard_reference
from .whatif_panel import WhatIfPanel

OBJECT_NAME = "CompleteCommunityScorecardDock"
SEARCH_DISTANCE_M = 1000.0  # service areas this far around the community are candidates for a gap


def status_colour(status):
    return QColor(statuses.status_colour(status))


def badge_style(status, size_pt=11):
    return ("QLabel {{ background-color: {}; color: {}; border-radius: 4px; padding: 2px 8px; "
            "font-weight: bold; font-size: {}pt; }}").format(statuses.status_colour(status),
                                                            statuses.status_text_colour(status), size_pt)


REQUIRED = "required"


def displayed_status(rule):
    """What a rule's status cell shows: a recommended or conditional rule that is not met is advice (建议改进,
    amber), never a red 不达标 — only required rules decide the verdict."""
    if rule.status == FAIL and rule.level and rule.level != REQUIRED:
        return ADVISORY
    return rule.status


def displayed_item_status(item):
    """An item is 不达标 only through a required rule: one whose failures are all advice reads as advice."""
    if item.status == FAIL and item.rules and not any(
            rule.status == FAIL and rule.level in (None, "", REQUIRED) for rule in item.rules):
        return ADVISORY
    return item.status


def deciding_rank(rule):
    """How much a rule explains the verdict, for the row focused first: 0 a required rule not met, 1 a required
    rule without data, 2 advice not followed, 3 a non-required rule without data; None otherwise."""
    required = rule.level in (None, "", REQUIRED)
    status = displayed_status(rule)
    if status == FAIL and required:
        return 0
    if status == NO_DATA and required:
        return 1
    if status == ADVISORY:
        return 2
    if status == NO_DATA:
        return 3
    return None


class ScorecardDock(Translated, QgsDockWidget):
    """The dock. `iface` is QGIS's interface (map canvas, layers panel)."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(self.tr("Community scorecard"))
        self.card = None  # the Scorecard shown, or None
        self.shown = None  # (layer id, feature id) shown
        self.last_gap_selection = []  # feature ids selected by the last "zoom to gap"
        self._standard = None
        self._standard_reference = None  # what self._standard was loaded from (a result's cc_standard)
        self._watched = {}  # layer id → (layer, slot) connected to its selectionChanged
        self._connections = []  # (signal, slot) connected by start()
        self._gap_buttons = []
        self._details = {}  # "item:<code>" / "rule:<id>" → the ItemLine or RuleLine a tree row shows
        self._build()


    # -- widgets --------------------------------------------------------------------------------------

    def _build(self):
        self.stack = QStackedWidget()
        self.pick_button = QToolButton()
        self.pick_button.setIcon(QgsApplication.getThemeIcon("/mActionIdentify.svg"))
        self.pick_button.setText(self.tr("Pick a community"))
        self.pick_button.setToolTip(self.tr("Click a community on the map to show its scorecard"))
        self.pick_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.pick_button.setCheckable(True)
        self.pick_button.setObjectName("pick_community")
        self.pick_button.toggled.connect(self.set_picking)
        self.pick_tool = None
        self.placeholder_text = self.tr(
            "Click “Pick a community” above, then a community on the map — or select one with QGIS's Select "
            "tool or in the attribute table of an assessed layer.")
        self.placeholder = QLabel(self.placeholder_text)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setMargin(16)
        self.stack.addWidget(self.placeholder)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet("color: #616161;")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        layout.addWidget(self.detail_label)

        score_row = QHBoxLayout()
        self.score_label = QLabel()
        score_font = QFont(self.score_label.font())
        score_font.setPointSizeF(score_font.pointSizeF() * 2.6)
        score_font.setBold(True)
        self.score_label.setFont(score_font)
        self.score_caption = QLabel(self.tr("points"))
        self.score_caption.setAlignment(Qt.AlignBottom | Qt.AlignLeft)
        self.status_badge = QLabel()
        self.status_badge.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Maximum)
        score_row.addWidget(self.score_label)
        score_row.addWidget(self.score_caption)
        score_row.addStretch(1)
        score_row.addWidget(self.status_badge, 0, Qt.AlignVCenter)
        layout.addLayout(score_row)
        self.arithmetic_label = QLabel()  # 达标 17 项 / 不达标 2 项 / 数据不足 1 项
        self.arithmetic_label.setObjectName("arithmetic")
        layout.addWidget(self.arithmetic_label)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.advice_label = QLabel()
        self.advice_label.setObjectName("advice")
        self.advice_label.setWordWrap(True)
        self.advice_label.setStyleSheet("color: {};".format(statuses.status_ink(statuses.ADVISORY)))
        layout.addWidget(self.advice_label)

        self.items_tree = QTreeWidget()
        self.items_tree.setColumnCount(4)
        self.items_tree.setHeaderLabels([self.tr("Item / rule"), self.tr("Status"), self.tr("Measured / required"),
                                         self.tr("Reason")])
        self.items_tree.setAlternatingRowColors(True)
        self.items_tree.setUniformRowHeights(True)
        self.items_tree.setWordWrap(False)
        self.items_tree.header().setStretchLastSection(True)
        self.items_tree.setSelectionMode(QAbstractItemView.SingleSelection)

        self.walking_table = QTableWidget(0, 4)
        self.walking_table.setHorizontalHeaderLabels([self.tr("Nearest facility"), self.tr("Walking distance"),
                                                      self.tr("Walking time"), self.tr("Status")])
        self.walking_table.verticalHeader().setVisible(False)
        self.walking_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.walking_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.walking_table.setAlternatingRowColors(True)
        header = self.walking_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)

        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.RichText)
        self.details_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details_label.setStyleSheet("QLabel { background: #f5f5f5; border: 1px solid #e0e0e0; padding: 4px; }")
        self.items_tree.currentItemChanged.connect(self._show_details)
        items_box = self._section(self.tr("Items of the standard"), self.items_tree, self.details_label)
        walking_box = self._section(self.tr("Nearest facilities on foot"), self.walking_table)
        self.walking_section = walking_box
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(items_box)
        splitter.addWidget(walking_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.gaps_title = QLabel("<b>{}</b>".format(self.tr("Facility gaps")))
        layout.addWidget(self.gaps_title)
        self.gaps_widget = QWidget()
        self.gaps_layout = QGridLayout(self.gaps_widget)
        self.gaps_layout.setContentsMargins(0, 0, 0, 0)
        self.gaps_layout.setColumnStretch(1, 1)
        gaps_scroll = QScrollArea()
        gaps_scroll.setWidgetResizable(True)
        gaps_scroll.setFrameShape(QFrame.NoFrame)
        gaps_scroll.setWidget(self.gaps_widget)
        gaps_scroll.setMaximumHeight(150)
        layout.addWidget(gaps_scroll)

        self.stack.addWidget(page)
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.setSpacing(0)
        tools = QHBoxLayout()
        tools.setContentsMargins(6, 4, 6, 0)
        tools.addWidget(self.pick_button)
        tools.addStretch(1)
        outer_layout.addLayout(tools)
        outer_layout.addWidget(self.stack, 1)
        # The scorecard, and the what-if panel (假设新增设施, ui/whatif_panel.py) on a tab of its own.
        self.whatif_panel = WhatIfPanel(self.iface, lambda: self.standard)
        self.tabs = QTabWidget()
        self.tabs.addTab(outer, self.tr("Scorecard"))
        self.tabs.addTab(self.whatif_panel, self.tr("What if"))
        self.setWidget(self.tabs)
        self.setMinimumWidth(360)

    def sizeHint(self):  # noqa: N802 (Qt API)
        """Tall enough for the card when docked (it is tabbed with the Processing toolbox, see plugin.py)."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), 460), max(hint.height(), 720))

    # -- picking a community on the map ------------------------------------------------------------

    def set_picking(self, active):
        """Turn the pick-a-community map tool on or off (the button's state follows)."""
        canvas = self.iface.mapCanvas()
        if active:
            if self.pick_tool is None:
                from .pick_tool import CommunityPickTool

                self.pick_tool = CommunityPickTool(canvas)
                self.pick_tool.picked.connect(self._picked)
                self.pick_tool.missed.connect(self._missed)
                self.pick_tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            canvas.setMapTool(self.pick_tool)
        elif self.pick_tool is not None and canvas.mapTool() is self.pick_tool:
            canvas.unsetMapTool(self.pick_tool)
        if self.pick_button.isChecked() != bool(active):
            self.pick_button.setChecked(bool(active))

    def _picked(self, layer, feature_id):
        self._watch(layer)
        self.show_feature(layer, feature_id)

    def _missed(self):
        if self.card is None:
            self.placeholder.setText(self.tr(
                "No assessed community there. Click inside a community of a layer the assessment wrote."))

    @staticmethod
    def _section(title, widget, below=None):
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        box_layout.addWidget(QLabel("<b>{}</b>".format(title)))
        box_layout.addWidget(widget, 1)
        if below is not None:
            box_layout.addWidget(below)
        return box

    # -- signals --------------------------------------------------------------------------------------

    def _connect(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    def start(self):
        """Follow the layers panel, the project's layers and their selections."""
        project = QgsProject.instance()
        view = self.iface.layerTreeView() if hasattr(self.iface, "layerTreeView") else None
        if view is not None and hasattr(view, "currentLayerChanged"):
            self._connect(view.currentLayerChanged, self.on_current_layer_changed)
        self._connect(project.layersAdded, self.on_layers_added)
        self._connect(project.layersWillBeRemoved, self.on_layers_will_be_removed)
        self.on_layers_added(list(project.mapLayers().values()))
        current = self.iface.activeLayer() if hasattr(self.iface, "activeLayer") else None
        if result_layers.is_community_result(current):
            self.show_selection(current)

    def cleanup(self):
        """Disconnect everything `start()` and the layers connected; forget the layers; drop the map tool."""
        if self.pick_tool is not None:
            self.set_picking(False)
            self.pick_tool.deleteLater()
            self.pick_tool = None
        disconnect_all(self._connections)
        self.whatif_panel.cleanup()
        for layer_id in list(self._watched):
            self._unwatch(layer_id)
        self.show_nothing()

    def connection_count(self):
        """How many signal connections the dock holds (0 after cleanup)."""
        return len(self._connections) + len(self._watched)

    def _watch(self, layer):
        if layer.id() in self._watched or not result_layers.is_community_result(layer):
            return
        slot = functools.partial(self.on_selection_changed, layer.id())
        layer.selectionChanged.connect(slot)
        self._watched[layer.id()] = (layer, slot)

    def _unwatch(self, layer_id):
        layer, slot = self._watched.pop(layer_id)
        try:
            layer.selectionChanged.disconnect(slot)
        except (TypeError, RuntimeError):
            pass  # the layer is already gone

    def on_layers_added(self, layers):
        for layer in layers:
            if result_layers.is_vector(layer):
                self._watch(layer)

    def on_layers_will_be_removed(self, layer_ids):
        for layer_id in layer_ids:
            if layer_id in self._watched:
                self._unwatch(layer_id)
            if self.shown and self.shown[0] == layer_id:
                self.show_nothing()

    def on_current_layer_changed(self, layer):
        if result_layers.is_community_result(layer):
            self._watch(layer)
            if layer.selectedFeatureCount():
                self.show_selection(layer)

    def on_selection_changed(self, layer_id, *_arguments):
        layer = QgsProject.instance().mapLayer(layer_id)
        if layer is None:
            return
        if layer.selectedFeatureCount():
            self.show_selection(layer)
        elif self.shown and self.shown[0] == layer_id:
            self.show_nothing()

    # -- content --------------------------------------------------------------------------------------

    @property
    def standard(self):
        if self._standard is None:
            from ..standards import load_standard

            self._standard = load_standard()
        return self._standard

    def standard_for(self, attributes):
        """The standard that produced a result (its cc_standard / cc_standard_file), loaded once; the national
        guide when the layer does not say or the standard cannot be loaded any more."""
        from ..standards import StandardError, load_standard

        reference = standard_reference(attributes)
        if self._standard is None or reference != self._standard_reference:
            try:
                self._standard = load_standard(reference)
            except StandardError:
                self._standard = load_standard()
            self._standard_reference = reference
        return self._standard

    def show_nothing(self):
        self.placeholder.setText(self.placeholder_text)
        self.card = None
        self.shown = None
        self.stack.setCurrentWidget(self.placeholder)

    def show_selection(self, layer):
        """The first selected community of `layer` (the one with the lowest feature id)."""
        ids = sorted(layer.selectedFeatureIds())
        if not ids:
            self.show_nothing()
            return None
        return self.show_feature(layer, ids[0], len(ids))

    def show_feature(self, layer, feature_id, selected_count=1):
        feature = layer.getFeature(feature_id)
        if not feature.isValid():
            self.show_nothing()
            return None
        attributes = result_layers.feature_attributes(feature)
        rows, community_id = result_layers.community_rules(layer, feature)
        walking = result_layers.community_walking(layer, feature)
        name = result_layers.community_name(layer, feature)
        self.card = build_scorecard(attributes, rows, walking, self.standard_for(attributes), current_language(),
                                    community_id=community_id, name=name)
        self.shown = (layer.id(), feature_id)
        self._render(layer, selected_count)
        return self.card

    def _render(self, layer, selected_count):
        card = self.card
        self.name_label.setText(card.name or self.tr("(no name)"))
        detail = self.tr("Id {} · layer {}").format(card.community_id or "–", layer.name())
        if card.standard_id:
            detail += " · " + self.tr("standard {} {} ({})").format(
                card.standard_id, card.standard_version, card.standard_hash[:12])
        if selected_count > 1:
            detail += " · " + self.tr("{} selected, the first shown").format(selected_count)
        self.detail_label.setText(detail)
        self.score_label.setText(score_text(card.score))  # rounded as the map label rounds it
        self.status_badge.setText(label_of(card.status))
        self.status_badge.setStyleSheet(badge_style(card.status, 12))
        self.arithmetic_label.setText(card.arithmetic)
        self.arithmetic_label.setVisible(bool(card.arithmetic))
        self.missing_label.setText(self.tr("Missing: {}").format(card.missing) if card.missing else "")
        self.missing_label.setVisible(bool(card.missing))
        self.advice_label.setText(self.tr("Advisory (建议改进): {}").format(card.advice) if card.advice else "")
        self.advice_label.setVisible(bool(card.advice))
        self._render_items(card)
        self._render_walking(card)
        self._render_gaps(card)
        self.stack.setCurrentIndex(1)

    def _status_item(self, item, column, status):
        item.setText(column, label_of(status))
        if status:
            item.setBackground(column, QBrush(status_colour(status)))
            item.setForeground(column, QBrush(QColor(statuses.status_text_colour(status))))

    def _render_items(self, card):
        tree = self.items_tree
        tree.blockSignals(True)
        tree.clear()
        self._details = {}
        first_problem = None
        for line in card.items:
            parent = QTreeWidgetItem([line.name, "", "", ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setData(0, Qt.UserRole, line.code)
            parent.setToolTip(0, "{}\n{}".format(line.name, line.requirement) if line.requirement else line.name)
            parent.setData(1, Qt.UserRole, "item:" + line.code)
            self._details["item:" + line.code] = line
            self._status_item(parent, 1, displayed_item_status(line))
            for rule in line.rules:
                measured = rule.measured_text
                if rule.requirement_text:
                    measured = "{} / {}".format(measured, rule.requirement_text)
                child = QTreeWidgetItem([rule.name, "", measured, rule.reason])
                child.setData(0, Qt.UserRole, rule.rule_id)
                shown = displayed_status(rule)
                self._status_item(child, 1, shown)
                if rule.level and rule.level != REQUIRED:  # advice reads as advice: never as the verdict
                    font = child.font(0)
                    font.setItalic(True)
                    child.setFont(0, font)
                    child.setForeground(0, QBrush(QColor("#616161")))
                level = describe.level_label(rule.level) if rule.level in (
                    "required", "recommended", "conditional", "informative") else ""
                child.setToolTip(0, "{} ({})".format(rule.rule_id, level) if level else rule.rule_id)
                child.setToolTip(3, rule.reason)
                child.setToolTip(2, measured)
                parent.addChild(child)
                child.setData(1, Qt.UserRole, "rule:" + rule.rule_id)
                self._details["rule:" + rule.rule_id] = rule
                urgency = deciding_rank(rule)
                if urgency is not None and (first_problem is None or urgency < first_problem[0]):
                    first_problem = (urgency, child)
            tree.addTopLevelItem(parent)
            parent.setExpanded(displayed_item_status(line) in (FAIL, NO_DATA) or any(
                deciding_rank(rule) is not None and deciding_rank(rule) < 2 for rule in line.rules))
        tree.blockSignals(False)
        current = first_problem[1] if first_problem else tree.topLevelItem(0)
        if current is not None:
            tree.setCurrentItem(current)
            tree.scrollToItem(current)
        self._show_details(current)
        tree.resizeColumnToContents(1)
        tree.setColumnWidth(0, max(170, min(tree.sizeHintForColumn(0) + 8, 260)))
        tree.resizeColumnToContents(2)
        if tree.columnWidth(2) > 230:
            tree.setColumnWidth(2, 230)

    def _show_details(self, item, *_arguments):
        """Below the table: the selected item's requirement in the guide's words, or the rule's full reason."""
        line = self._details.get(item.data(1, Qt.UserRole)) if item is not None else None
        if line is None:
            self.details_label.setText("")
            self.details_label.setVisible(False)
            return
        parts = ["<b>{}</b>".format(escape(line.name))]
        if getattr(line, "level", None) in ("required", "recommended", "conditional", "informative"):
            parts.append(escape(describe.level_label(line.level)))
        if line.clause:
            parts.append(escape(self.tr("clause {}").format(line.clause)))
        text = " · ".join(parts)
        body = getattr(line, "reason", None) or getattr(line, "requirement", "")
        if body:
            text += "<br>" + escape(body)
        self.details_label.setText(text)
        self.details_label.setVisible(True)

    def _render_walking(self, card):
        table = self.walking_table
        table.setRowCount(len(card.walking))
        for row, line in enumerate(card.walking):
            name = QTableWidgetItem(line.name)
            name.setData(Qt.UserRole, line.category)
            distance = QTableWidgetItem(distance_text(line.distance_m))
            distance.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if line.limit_m is not None:
                distance.setToolTip(self.tr("limit {}").format(distance_text(line.limit_m)))
            minutes = QTableWidgetItem(minutes_text(line.minutes))
            minutes.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            status = QTableWidgetItem(label_of(line.status))
            if line.status:
                status.setBackground(QBrush(status_colour(line.status)))
                status.setForeground(QBrush(QColor(statuses.status_text_colour(line.status))))
            for column, cell in enumerate((name, distance, minutes, status)):
                table.setItem(row, column, cell)
        table.resizeRowsToContents()
        self.walking_section.setVisible(bool(card.walking))

    def _render_gaps(self, card):
        while self.gaps_layout.count():
            widget = self.gaps_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone at once, not only when the event loop gets to deleteLater
                widget.deleteLater()
        self._gap_buttons = []
        for row in range(self.gaps_layout.rowCount()):
            self.gaps_layout.setRowStretch(row, 0)
        if not card.gaps:
            none = QLabel(self.tr("None: every facility the standard requires is there and within walking distance."))
            none.setWordWrap(True)
            self.gaps_layout.addWidget(none, 0, 0, 1, 2)
            self.gaps_layout.setRowStretch(1, 1)
            return
        for row, gap in enumerate(card.gaps):
            button = QPushButton(self.tr("Zoom to gap: {}").format(gap.name))
            button.setToolTip(gap.reason)
            button.setObjectName("gap_" + gap.key)
            button.clicked.connect(functools.partial(self.zoom_to_gap, gap))
            reason = QLabel(gap.reason if gap.status == FAIL else "{} — {}".format(label_of(gap.status), gap.reason))
            reason.setWordWrap(True)
            reason.setStyleSheet("color: {};".format(statuses.status_ink(gap.status)))
            self.gaps_layout.addWidget(button, row, 0, Qt.AlignTop)
            self.gaps_layout.addWidget(reason, row, 1)
            self._gap_buttons.append(button)
        self.gaps_layout.setRowStretch(len(card.gaps), 1)

    def gap_buttons(self):
        return list(self._gap_buttons)

    # -- zoom to a gap --------------------------------------------------------------------------------

    def zoom_to_gap(self, gap, *_arguments):
        """Zoom the map to the community and, with a service-area layer loaded, select and flash the service
        areas of the gap's facilities that reach into it (what is covered; the rest is the gap), or the
        nearest one when none does (then the view takes it in, to show how far it is). Returns their ids."""
        if not self.shown:
            return []
        project = QgsProject.instance()
        layer = project.mapLayer(self.shown[0])
        if layer is None:
            return []
        feature = layer.getFeature(self.shown[1])
        if not feature.isValid() or not feature.hasGeometry():
            return []
        canvas = self.iface.mapCanvas()
        canvas_crs = canvas.mapSettings().destinationCrs()
        if not canvas_crs.isValid():
            canvas_crs = layer.crs()
        to_canvas = QgsCoordinateTransform(layer.crs(), canvas_crs, project)
        extent = to_canvas.transformBoundingBox(feature.geometry().boundingBox())
        extent.scale(1.6)

        selected, nearest_only = [], False
        areas = result_layers.find_service_areas(layer, project)
        if areas is not None:
            self._show_only_categories(areas, gap.categories, project)
            selected, nearest_only = self._select_service_areas(areas, layer, feature, gap, project)
            if nearest_only:
                to_canvas_areas = QgsCoordinateTransform(areas.crs(), canvas_crs, project)
                for area in areas.getFeatures(QgsFeatureRequest().setFilterFids(selected)):
                    if area.hasGeometry():
                        extent.combineExtentWith(to_canvas_areas.transformBoundingBox(area.geometry().boundingBox()))
        canvas.setExtent(extent)
        canvas.refresh()
        if selected:
            canvas.flashFeatureIds(areas, selected)
        canvas.flashGeometries([feature.geometry()], layer.crs())
        self.last_gap_selection = selected
        return selected

    def _show_only_categories(self, areas, categories, project):
        """The service areas shown on the map (they load hidden), only those of the gap's facility kinds: the
        other classes of the categorised legend are switched off, so the gap reads clearly."""
        node = project.layerTreeRoot().findLayer(areas.id())
        if node is not None:
            node.setItemVisibilityCheckedParentRecursive(True)
        renderer = areas.renderer()
        if renderer is not None and renderer.type() == "categorizedSymbol":
            wanted = set(categories)
            for index, category in enumerate(renderer.categories()):
                renderer.updateCategoryRenderState(index, category.value() in wanted)
            areas.triggerRepaint()
            areas.emitStyleChanged()
            view = self.iface.layerTreeView() if hasattr(self.iface, "layerTreeView") else None
            if view is not None and hasattr(view, "refreshLayerSymbology"):
                view.refreshLayerSymbology(areas.id())

    @staticmethod
    def _select_service_areas(areas, layer, feature, gap, project):
        """([ids], nearest_only): the gap's service areas that reach into the community, or the nearest one."""
        to_areas = QgsCoordinateTransform(layer.crs(), areas.crs(), project)
        community = QgsGeometry(feature.geometry())
        community.transform(to_areas)
        search = QgsRectangle(community.boundingBox())
        search.grow(SEARCH_DISTANCE_M if not areas.crs().isGeographic() else SEARCH_DISTANCE_M / 111000.0)
        categories = set(gap.categories)
        index = areas.fields().lookupField(F.CC_CATEGORY.name)
        candidates = [area for area in areas.getFeatures(QgsFeatureRequest().setFilterRect(search))
                      if area[index] in categories and area.hasGeometry()]
        reaching = [area.id() for area in candidates if area.geometry().intersects(community)]
        nearest_only = not reaching and bool(candidates)
        ids = reaching or ([min(candidates, key=lambda area: area.geometry().distance(community)).id()]
                           if candidates else [])
        areas.selectByIds(ids)
        return ids, nearest_only


__all__ = ["ScorecardDock", "OBJECT_NAME", "status_colour", "badge_style"]
