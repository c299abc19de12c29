"""A Processing feedback that keeps what an algorithm told the planner, for tests to read back."""

from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """Every info, warning and error as told (and passed on to QGIS's own feedback):

    infos, warnings, errors   the texts of each kind
    messages                  (kind, text) in the order they came: kind 'info', 'warning' or 'error'
    texts                     the texts alone, in that order
    """

    def __init__(self):
        super().__init__()
        self.messages = []

    def _kept(self, kind):
        return [text for message_kind, text in self.messages if message_kind == kind]

    @property
    def infos(self):
        return self._kept("info")

    @property
    def warnings(self):
        return self._kept("warning")

    @property
    def errors(self):
        return self._kept("error")

    @property
    def texts(self):
        return [text for _kind, text in self.messages]

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.messages.append(("info", info))
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.messages.append(("warning", warning))
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS API)
        self.messages.append(("error", error))
        super().reportError(error, fatalError)
