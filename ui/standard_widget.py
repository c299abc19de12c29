"""The STANDARD parameter in Processing dialogs: a drop-down of the built-in standards plus "from file…".

The parameter stays a file parameter, so `qgis_process`, scripts and batch files keep passing a built-in id
or a path; only the widget changes (through the parameter's `widget_wrapper` metadata). The drop-down is
editable: an id or a path can still be typed or pasted, in the batch dialog and the modeler too.
"""

import os

from qgis.PyQt.QtWidgets import QComboBox, QFileDialog

from processing.gui.wrappers import WidgetWrapper  # QGIS's Processing plugin (always there in the desktop)

from ..i18n import current_language, tr
from ..standards import DEFAULT_STANDARD_ID, builtin_standards, load_standard

_CONTEXT = "StandardWidget"
FROM_FILE = "\u0000from-file"  # the item that opens the file dialog: never a value


def builtin_choices(language=None):
    """[(label, id)] of the built-in standards, the national guide first: '完整居住社区建设指南 (complete_…)'."""
    language = language or current_language()
    choices = []
    for standard_id in sorted(builtin_standards(), key=lambda code: (code != DEFAULT_STANDARD_ID, code)):
        try:
            name = load_standard(standard_id).name.get(language)
        except Exception:  # noqa: BLE001 (a broken built-in is reported when it is used, not here)
            name = standard_id
        choices.append(("{} ({})".format(name, standard_id), standard_id))
    return choices


class StandardWidgetWrapper(WidgetWrapper):
    """An editable combo box: built-in standards by name, "from file…", or any id or path typed in."""

    def createLabel(self):  # noqa: N802 (Processing API): "[可选]" in the plugin's words, as QGIS's own widgets
        label = super().createLabel()
        if label is not None:
            label.setText(label.text().replace(" [optional]", tr(" [optional]", _CONTEXT)))
        return label

    def createWidget(self, **_kwargs):  # noqa: N802 (Processing API)
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.NoInsert)
        for label, standard_id in builtin_choices():
            combo.addItem(label, standard_id)
        combo.addItem(tr("From file…", _CONTEXT), FROM_FILE)
        combo.setToolTip(tr("A built-in standard, or your city's standard as a YAML file", _CONTEXT))
        combo.activated.connect(self._chosen)
        self._combo = combo
        self._previous = DEFAULT_STANDARD_ID
        default = self.parameterDefinition().defaultValueForGui()
        self.setValue(default if default else DEFAULT_STANDARD_ID)
        return combo

    def _chosen(self, index):
        if self._combo.itemData(index) != FROM_FILE:
            self._previous = self.value() or DEFAULT_STANDARD_ID
            return
        start = self._previous if os.path.isfile(str(self._previous)) else ""
        path, _filter = QFileDialog.getOpenFileName(
            self._combo, tr("Choose a standard", _CONTEXT), os.path.dirname(start),
            tr("YAML standards (*.yaml *.yml);;All files (*)", _CONTEXT))
        self.setValue(path or self._previous)

    def setValue(self, value):  # noqa: N802 (Processing API)
        text = "" if value is None else str(value)
        if not text:
            text = DEFAULT_STANDARD_ID
        index = self._combo.findData(text)
        if index >= 0:
            self._combo.setCurrentIndex(index)
        else:
            self._combo.setEditText(text)
        self._previous = text

    def value(self):
        text = self._combo.currentText().strip()
        index = self._combo.findText(text)
        if index >= 0:
            data = self._combo.itemData(index)
            return "" if data == FROM_FILE else data
        return text
