"""选择社区 / Pick a community: a map tool that selects the community clicked on, on whichever assessed
community layer is drawn on top there (the scorecard dock follows the selection)."""

from qgis.gui import QgsMapToolIdentify
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QCursor
from qgis.PyQt.QtCore import Qt

from . import result_layers


class CommunityPickTool(QgsMapToolIdentify):
    """Click a community: it becomes the only selected feature of its layer. `picked(layer, feature id)` is
    emitted; `missed()` when no assessed community lies under the click."""

    picked = pyqtSignal(object, int)
    missed = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.setCursor(QCursor(Qt.PointingHandCursor))

    def community_layers(self):
        """The assessed community layers drawn on the map, top first."""
        return [layer for layer in self.canvas().layers() if result_layers.is_community_result(layer)]

    def canvasReleaseEvent(self, event):  # noqa: N802 (QGIS API)
        layers = self.community_layers()
        results = self.identify(event.x(), event.y(), self.TopDownStopAtFirst, layers,
                                self.VectorLayer) if layers else []
        if not results:
            self.missed.emit()
            return
        layer, feature = results[0].mLayer, results[0].mFeature
        layer.selectByIds([feature.id()])
        self.picked.emit(layer, feature.id())
