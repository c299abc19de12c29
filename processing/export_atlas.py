"""一社区一档 — one A4 page per community (a QGIS atlas) to a multi-page PDF, optionally one file per community."""

import datetime
import os
import tempfile

from qgis.core import (Qgis, QgsProcessing, QgsProcessingException, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterString, QgsProcessingOutputNumber,
                       QgsProject)

from ..core import output_fields as F
from ..core.describe import guide_table_order
from ..i18n import current_language
from ..report.atlas_layout import AtlasContent, build_atlas_layout, export_atlas, export_atlas_pages
from ..report.fonts import choose_cjk_font_family
from .export_map import ExportMapAlgorithm

PAGE_FORMATS = (".pdf", ".png")  # the PAGE_FORMAT enum's options, in order


class ExportAtlasAlgorithm(ExportMapAlgorithm):
    INPUT = "INPUT"
    RULES = "RULES"
    FACILITIES = "FACILITIES"
    ROUTES = "ROUTES"
    ROADS = "ROADS"
    SERVICE_AREAS = "SERVICE_AREAS"
    NAME_FIELD = "NAME_FIELD"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    PAGE_FORMAT = "PAGE_FORMAT"
    DPI = "DPI"
    PAGES = "PAGES"

    ALGORITHM_ID = "export_atlas"
    GROUP = "evaluation"
    DEFAULT_DPI = 150

    def displayName(self):
        return self.tr("Community atlas, one page per community")

    def shortHelpString(self):
        return self.tr(
            "One A4 page per community for the street offices that must fix the gaps: the community's name, "
            "verdict, score and missing items; a map zoomed to it with its neighbours faded, the roads, the "
            "facilities by category, its walking routes to the nearest facility of each kind and the service "
            "areas of the kinds it does not reach within the limit, with a legend; a table of every item (required "
            "or advisory, its result in the status colour); the rules it does not meet (required or advisory, "
            "measured value, threshold, clause); and the guide's advice for each missing item.<br><br>"
            "<b>Communities</b>: the communities layer written by assess (or evaluate_facilities). "
            "<b>Rules</b>: its community_rules table. Roads, facilities, walking routes and service areas are "
            "optional: give the layers of the same run.<br>"
            "<b>Output</b>: one PDF with every page, in the order of the community ids; optionally a folder with "
            "one PDF or PNG per community, named after it.<br><br>"
            "<b>Example</b>: INPUT=out/sample_district_assessment.gpkg|layername=communities, "
            "RULES=…|layername=community_rules, OUTPUT=out/sample_district_atlas.pdf gives 14 pages.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Evaluated communities"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RULES, self.tr("Results per rule (community_rules)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads"), [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities (classified)"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROUTES, self.tr("Walking routes"), [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SERVICE_AREAS, self.tr("Service areas"), [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Community name field"), parentLayerParameterName=self.INPUT, optional=True))
        self.add_standard_parameter()
        title = QgsProcessingParameterString(self.TITLE, self.tr("Page title after the name"), optional=True)
        title.setFlags(title.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(title)
        page_format = QgsProcessingParameterEnum(self.PAGE_FORMAT, self.tr("Format of the files per community"),
                                                 options=["PDF", "PNG"], defaultValue=0)
        dpi = QgsProcessingParameterNumber(self.DPI, self.tr("Resolution (dots per inch)"),
                                           type=QgsProcessingParameterNumber.Integer, defaultValue=self.DEFAULT_DPI,
                                           minValue=50, maxValue=600)
        for parameter in (page_format, dpi):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Atlas (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Folder for one file per community"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".pdf"):
            raise QgsProcessingException(self.tr("The atlas must be a PDF file: {}").format(output))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context) if parameters.get(
            self.OUTPUT_FOLDER) else ""
        for directory in [os.path.dirname(os.path.abspath(output))] + ([folder] if folder else []):
            os.makedirs(directory, exist_ok=True)
        standard = self.load_standard_parameter(parameters, context, feedback)
        project = QgsProject()
        try:
            error, pages = self._draw_atlas(parameters, context, feedback, project, standard, output, folder)
        finally:
            project.removeAllMapLayers()
            project = None
        if error:
            raise QgsProcessingException(error)
        if feedback.isCanceled():
            return {}
        return {self.OUTPUT: output, self.OUTPUT_FOLDER: folder or None, self.PAGES: pages}

    def _draw_atlas(self, parameters, context, feedback, project, standard, output, folder):
        language = current_language()
        communities = self._layer_copy(parameters.get(self.INPUT), context, project)
        if communities is None:
            raise QgsProcessingException(self.tr("Cannot open the community layer {}.").format(
                parameters.get(self.INPUT)))
        names = communities.fields().names()
        missing = [field.name for field in (F.COMMUNITY_ID, F.CC_STATUS) if field.name not in names]
        if missing:
            raise QgsProcessingException(self.tr(
                "The layer {} has no field {}: give the communities layer written by assess or "
                "evaluate_facilities.").format(communities.name(), ", ".join(missing)))
        pages = communities.featureCount()
        if pages == 0:
            raise QgsProcessingException(self.tr("The layer {} has no communities.").format(communities.name()))
        layers = {}
        for key in (self.RULES, self.ROADS, self.FACILITIES, self.ROUTES, self.SERVICE_AREAS):
            if parameters.get(key):
                layers[key] = self._layer_copy(parameters[key], context, project)
                if layers[key] is None:
                    raise QgsProcessingException(self.tr("Cannot open the layer {}.").format(parameters[key]))
        rules = layers.get(self.RULES)
        if rules is not None:
            missing = [field.name for field in (F.COMMUNITY_ID_ROW, F.STATUS, F.RULE_NAME)
                       if field.name not in rules.fields().names()]
            if missing:
                raise QgsProcessingException(self.tr(
                    "The rules table {} has no field {}: give the community_rules table of the same run.").format(
                    rules.name(), ", ".join(missing)))
        items = [(code, standard.item(code).name.get(language), standard.item(code).clause)
                 for code in guide_table_order(standard) if F.ITEM_STATUS.name_for(code) in names]
        required_items = {rule.item for rule in standard.rules if rule.level == "required"}
        guidance = {item.code: item.guidance.get(language) for item in standard.items if item.guidance}
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or self.tr(
            "Complete community record")
        today = datetime.date.today().isoformat()
        credit = self.tr("Standard: {source} · made {date} with QGIS {qgis} (Complete Community plugin)").format(
            source=standard.source.get(language), date=today, qgis=Qgis.QGIS_VERSION.split("-")[0])
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or F.COMMUNITY_NAME.name
        if name_field not in names:
            name_field = F.COMMUNITY_ID.name
        family = choose_cjk_font_family(title)
        # Layer names as the legend shows them, in words.
        communities.setName(self.tr("Communities"))
        for key, name in ((self.ROADS, self.tr("Roads")), (self.FACILITIES, self.tr("Facilities")),
                          (self.ROUTES, self.tr("Walking routes")),
                          (self.SERVICE_AREAS, self.tr("Service areas of the kinds not reached"))):
            if layers.get(key) is not None:
                layers[key].setName(name)
        content = AtlasContent(title=title, credit=credit, items=items, guidance=guidance, name_field=name_field,
                               required_items=required_items, categories=[category.code for category in
                                                                          standard.categories],
                               facilities=layers.get(self.FACILITIES), routes=layers.get(self.ROUTES),
                               roads=layers.get(self.ROADS), service_areas=layers.get(self.SERVICE_AREAS))
        feedback.pushInfo(self.tr("Reading the rules not met…"))
        pages_iterator = build_atlas_layout(project, communities, rules, content, family, feedback)
        if feedback.isCanceled():
            return "", pages
        dpi = self.parameterAsInt(parameters, self.DPI, context) or self.DEFAULT_DPI
        feedback.pushInfo(self.tr("{} pages into {}…").format(pages, output))
        # Into a temporary file beside the result, moved into place only when complete: a cancelled or failed
        # run leaves an earlier atlas as it was.
        handle, temporary = tempfile.mkstemp(suffix=".pdf", dir=os.path.dirname(os.path.abspath(output)))
        os.close(handle)
        try:
            error = export_atlas(pages_iterator, temporary, feedback, dpi)
            if not error and not feedback.isCanceled():
                os.chmod(temporary, 0o644)
                os.replace(temporary, output)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        if not error and folder and not feedback.isCanceled():
            extension = PAGE_FORMATS[self.parameterAsEnum(parameters, self.PAGE_FORMAT, context)]
            feedback.pushInfo(self.tr("One {} per community into {}…").format(extension.lstrip(".").upper(), folder))
            error = export_atlas_pages(pages_iterator, folder, extension, feedback, dpi)
        pages_iterator = None  # the layout, before the project it belongs to
        return error, pages
