"""What every Complete Community algorithm shares: translation, groups, help, the STANDARD parameter."""

import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QCoreApplication

from .. import ui
from ..i18n import current_language
from ..standards import DEFAULT_STANDARD_ID, StandardError, builtin_standards, load_standard


class CompleteCommunityAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ALGORITHM_ID and GROUP and implement the Processing methods."""

    STANDARD = "STANDARD"

    ALGORITHM_ID = ""
    GROUP = "standard"

    def tr(self, text):
        """Translate with the class's own context, falling back to its base classes' contexts.

        The string extractor files each string under the class it is written in, so a string
        written here is found under this class's name even when a subclass calls it.
        """
        for cls in type(self).__mro__:
            if cls is QgsProcessingAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def group(self):
        return self.group_names()[self.GROUP]

    def groupId(self):
        return self.GROUP

    def group_names(self):
        return {
            "standard": self.tr("Standards and data preparation"),
            "evaluation": self.tr("Community evaluation"),
        }

    def icon(self):
        return ui.icon()

    def add_standard_parameter(self):
        parameter = QgsProcessingParameterFile(
            self.STANDARD, self.tr("Standard (empty: the national guide; or a built-in id, or a YAML file)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=self.tr("YAML standards (*.yaml *.yml);;All files (*)"), optional=True)
        parameter.setHelp(self.tr("Built-in standards: {}").format(", ".join(builtin_standards())))
        self.addParameter(parameter)

    def standard_help(self):
        return self.tr(
            "<b>Standard</b>: leave empty for the national guide ({}), give a built-in id ({}), or a YAML file "
            "of your city's standard, which may extend a built-in one (see README, 'Standards').").format(
            DEFAULT_STANDARD_ID, ", ".join(builtin_standards()))

    def load_standard_parameter(self, parameters, context, feedback):
        """The Standard chosen by the user; a YAML problem stops the run with every issue listed."""
        reference = self.parameterAsFile(parameters, self.STANDARD, context)
        try:
            standard = load_standard(reference or None)
        except StandardError as error:
            raise QgsProcessingException(error.describe())
        feedback.pushInfo(self.tr("Standard: {} ({})").format(standard.name.get(current_language()), " + ".join(
            os.path.basename(path) for path in standard.files)))
        return standard
