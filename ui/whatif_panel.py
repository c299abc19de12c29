"""假设新增设施 / What if: a panel of the scorecard dock that places proposed facilities on the map and shows at
once which communities' verdicts and covered shares change.

The panel reads the project's input layers (communities, facilities, road network, residents; guessed as the
assess dialog guesses them) into a what-if session once (processing/whatif_session.LayerWhatIf: the network is
built once); picking a kind prepares it; each click on the map (ProposalTool) adds a proposal, re-evaluates
only what it changes, and adds the proposal to a project layer (PROPOSALS_LAYER_NAME) that can be saved and
passed to evaluate_facilities / evaluate_walking_access / assess as PROPOSED_FACILITIES. Undo removes the last.
"""

from qgis.core import (QgsFeature, QgsField, QgsGeometry, QgsMapLayerType, QgsPointXY, QgsProject,
                       QgsVectorLayer)
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QVariant, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import output_fields as F
from ..core.status import status_label
from ..i18n import Translated, current_language
from . import disconnect_all
from .assess_dialog import project_layers
from .guess import guess_parameters

PROPOSALS_LAYER_PROPERTY = "complete_community/proposals"


class ProposalTool(QgsMapToolEmitPoint):
    """A map tool: each left click is a proposal at that point (map canvas CRS)."""

    placed = pyqtSignal(QgsPointXY)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, button):
        from qgis.PyQt.QtCore import Qt

        if button == Qt.LeftButton:
            self.placed.emit(QgsPointXY(point))


def inputs_from_project(project=None):
    """WhatIfInputs from the project's layers, guessed like the assess dialog; None when a needed layer or
    field is missing (the communities with a population field, the facilities with a category, the roads)."""
    from ..processing.whatif_session import WhatIfInputs

    project = project or QgsProject.instance()
    guessed = guess_parameters(project_layers(project))

    def layer(parameter):
        layer_id = guessed.get(parameter)
        found = project.mapLayer(layer_id) if layer_id else None
        return found if found is not None and found.type() == QgsMapLayerType.VectorLayer else None

    communities, facilities, network = layer("COMMUNITIES"), layer("FACILITIES"), layer("NETWORK")
    if communities is None or facilities is None or network is None or not guessed.get("POPULATION_FIELD") \
            or not guessed.get("CATEGORY_FIELD"):
        return None
    origins = layer("ORIGINS")
    return WhatIfInputs(
        communities=communities, population_field=guessed["POPULATION_FIELD"],
        id_field=guessed.get("COMMUNITY_ID_FIELD", ""), name_field=guessed.get("COMMUNITY_NAME_FIELD", ""),
        type_field=guessed.get("TYPE_FIELD", ""), facilities=facilities, category_field=guessed["CATEGORY_FIELD"],
        network=network, walkable_field=guessed.get("WALKABLE_FIELD", ""),
        origins=origins if origins is not None and guessed.get("ORIGIN_POPULATION_FIELD") else None,
        origin_population_field=guessed.get("ORIGIN_POPULATION_FIELD", ""))


class WhatIfPanel(Translated, QWidget):
    """The what-if panel. `iface` gives the map canvas; `standard_loader()` returns the Standard to use."""

    def __init__(self, iface, standard_loader, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.standard_loader = standard_loader
        self.whatif = None          # LayerWhatIf, built on first use
        self.tool = None
        self.previous_tool = None
        self.proposals_layer = None
        self._connections = []
        self._build()

    def _build(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(self.tr("Pick a kind of facility, then click on the map where it could be built: the "
                               "communities it would serve are re-evaluated at once."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.kind_combo = QComboBox()
        row.addWidget(self.kind_combo, 1)
        self.place_button = QPushButton(self.tr("Place on the map"))
        self.place_button.setCheckable(True)
        self.place_button.toggled.connect(self.set_placing)
        row.addWidget(self.place_button)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Community"), self.tr("Verdict"), self.tr("Walk (m)"),
                                              self.tr("Residents within the limit")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.fill_kinds()

    def fill_kinds(self):
        """The kinds with a walking limit in the standard, named in the interface's language."""
        from ..core.walking import category_limits

        standard = self.standard_loader()
        language = current_language()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for code, limit in category_limits(standard).items():
            if limit.scope != "community":
                continue
            self.kind_combo.addItem("{} (≤ {:g} m)".format(standard.category(code).name.get(language),
                                                         limit.limit_m), code)
        self.kind_combo.blockSignals(False)

    def kind(self):
        return self.kind_combo.currentData()

    def select_kind(self, code):
        index = self.kind_combo.findData(code)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    # -- session --------------------------------------------------------------------------------------

    def ensure_session(self, inputs=None):
        """The what-if session of the project's layers (built once); None with a message when inputs are missing."""
        if self.whatif is not None:
            return self.whatif
        from ..processing.whatif_session import LayerWhatIf

        inputs = inputs or inputs_from_project()
        if inputs is None:
            self.message.setText(self.tr("Load the communities (with a population field), the facilities (with a "
                                         "category field) and the road network into the project first."))
            return None
        self.message.setText(self.tr("Reading the layers and building the walking network…"))
        try:
            self.whatif = LayerWhatIf(self.standard_loader(), inputs, language=current_language())
        except Exception as error:  # a layer that cannot be read: say so in the panel, never crash QGIS
            self.message.setText(self.tr("The what-if session could not be built: {}").format(error))
            self.whatif = None
            return None
        self.message.setText(self.tr("Ready: {} communities, {} road segments.").format(
            len(self.whatif.communities), self.whatif.network.segment_count))
        return self.whatif

    def _kind_changed(self, *_arguments):
        if self.whatif is not None and self.kind():
            self.whatif.prepare(self.kind())

    # -- placing ----------------------------------------------------------------------------------------

    def set_placing(self, on):
        canvas = self.iface.mapCanvas()
        if on:
            if self.ensure_session() is None:
                self.place_button.setChecked(False)
                return
            self.whatif.prepare(self.kind())
            if self.tool is None:
                self.tool = ProposalTool(canvas)
                self._connect(self.tool.placed, self.place_at)
                self._connect(self.tool.deactivated, lambda: self.place_button.setChecked(False))
            self.previous_tool = canvas.mapTool()
            canvas.setMapTool(self.tool)
        elif self.tool is not None and canvas.mapTool() is self.tool:
            if self.previous_tool is not None:
                canvas.setMapTool(self.previous_tool)
            else:
                canvas.unsetMapTool(self.tool)

    def place_at(self, point, crs=None):
        """A proposal of the chosen kind at `point` (QgsPointXY, map canvas CRS unless `crs` is given)."""
        if self.ensure_session() is None or not self.kind():
            return None
        crs = crs or self.iface.mapCanvas().mapSettings().destinationCrs()
        try:
            change = self.whatif.place(self.kind(), point, crs)
        except ValueError as error:
            self.message.setText(str(error))
            return None
        self._add_to_layer(change.proposal, point, crs)
        self._show(change, self.tr("Proposal {}: {}").format(len(self.whatif.session.proposals),
                                                             self.kind_combo.currentText()))
        self.undo_button.setEnabled(True)
        return change

    def undo(self):
        if self.whatif is None:
            return None
        change = self.whatif.undo()
        if change is None:
            return None
        if self.proposals_layer is not None and QgsProject.instance().mapLayer(self.proposals_layer.id()):
            ids = sorted(feature.id() for feature in self.proposals_layer.getFeatures())
            if ids:
                self.proposals_layer.dataProvider().deleteFeatures([ids[-1]])
                self.proposals_layer.triggerRepaint()
        self._show(change, self.tr("Proposal removed."))
        self.undo_button.setEnabled(bool(self.whatif.session.proposals))
        return change

    def _add_to_layer(self, proposal, point, crs):
        """The proposals accumulate in one memory layer of the project (save it to keep them): its category
        field holds the kind's code, so it can be passed as PROPOSED_FACILITIES."""
        project = QgsProject.instance()
        if self.proposals_layer is None or project.mapLayer(self.proposals_layer.id()) is None:
            layer = QgsVectorLayer("Point?crs={}".format(crs.authid()), self.tr("Proposed facilities (what if)"),
                                   "memory")
            layer.dataProvider().addAttributes([QgsField(F.CATEGORY.name, QVariant.String),
                                                QgsField(F.RANK.name, QVariant.Int)])
            layer.updateFields()
            layer.setCustomProperty(PROPOSALS_LAYER_PROPERTY, True)
            project.addMapLayer(layer)
            self.proposals_layer = layer
        layer = self.proposals_layer
        feature = QgsFeature(layer.fields())
        moved = QgsGeometry.fromPointXY(QgsPointXY(point))
        if layer.crs() != crs:
            from qgis.core import QgsCoordinateTransform

            moved.transform(QgsCoordinateTransform(crs, layer.crs(), project.transformContext()))
        feature.setGeometry(moved)
        feature.setAttributes([proposal.category, len(self.whatif.session.proposals)])
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
        layer.triggerRepaint()

    def _show(self, change, headline):
        """The communities the change moved: verdict and covered share before → after."""
        rows = sorted(change.communities.items())
        self.message.setText(headline + " " + (self.tr("{} communities changed.").format(len(rows)) if rows else
                                               self.tr("No community changed.")))
        self.table.setRowCount(len(rows))
        for row, (position, (before, after)) in enumerate(rows):
            record = self.whatif.record(position)
            cells = [str(record.name or record.id),
                     "{} → {}".format(status_label(before.status) if before.status else "–",
                                      status_label(after.status) if after.status else "–"),
                     "{} → {}".format(_metres(before.distance_m), _metres(after.distance_m)),
                     "{} → {}".format(_share(before.covered_share), _share(after.covered_share))]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.last_change = change

    def _connect(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    def cleanup(self):
        """Give the map its previous tool back and disconnect everything."""
        if self.tool is not None and self.iface.mapCanvas().mapTool() is self.tool:
            self.iface.mapCanvas().unsetMapTool(self.tool)
        disconnect_all(self._connections)
        self.tool = None


def _metres(value):
    return "–" if value is None else "{:.0f}".format(value)


def _share(value):
    return "–" if value is None else "{:.0f} %".format(100.0 * value)
