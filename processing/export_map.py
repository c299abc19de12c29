"""导出评估图 — the assessment map of evaluated communities as a PDF or PNG, ready to print.

The layout itself is built in report/map_layout.py; this algorithm reads the parameters, makes copies of
the layers in a project of its own (the user's layers and project stay as they were) and reports.
"""

import datetime
import os
import re

from qgis.core import (Qgis, QgsMapLayer, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingParameterDefinition, QgsProcessingParameterEnum, QgsProcessingParameterMapLayer,
                       QgsRenderContext, QgsSingleSymbolRenderer, QgsSymbol, QgsWkbTypes,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsProcessingUtils, QgsProject, QgsProperty, QgsVectorLayer)

from qgis.PyQt.QtGui import QColor

from ..core import output_fields as F
from ..core.status import STATUSES, status_label
from ..i18n import current_language
from ..report.fonts import CJK_FONT_FAMILIES, choose_cjk_font_family
from ..report.map_layout import OUTPUT_EXTENSIONS, build_assessment_layout, export_layout, status_counts
from .base_algorithm import CompleteCommunityAlgorithm
from .inputs.crs import working_crs
from .output_safety import safe_source_name

PAPERS = ("A4", "A3")  # the PAPER enum's options, in order


class ExportMapAlgorithm(CompleteCommunityAlgorithm):
    INPUT = "INPUT"
    STATUS_FIELD = "STATUS_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    OVERLAYS = "OVERLAYS"
    ROADS = "ROADS"
    FACILITIES = "FACILITIES"
    BASEMAP = "BASEMAP"
    PAPER = "PAPER"
    DPI = "DPI"
    OUTPUT = "OUTPUT"

    ALGORITHM_ID = "export_map"
    GROUP = "evaluation"
    DEFAULT_DPI = 150

    def flags(self):
        # Fonts, SVG and layout rendering belong to the main thread; the run takes seconds.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self):
        return self.tr("Export assessment map")

    def shortHelpString(self):
        return self.tr(
            "Draws the evaluated communities as a map to print or hand on, and writes it as PDF or PNG: a title "
            "and subtitle, the communities coloured by their status (达标 green, 不达标 red, 建议改进 amber, "
            "数据不足 grey, 仅供参考 blue, 不适用 pale grey) and labelled with name and score, a legend with the number of communities of each status, "
            "any overlay layers in their own style, a north arrow, a scale bar in metres and a line naming the "
            "standard, the date and the number of communities. Your layers are not changed: the map is drawn from "
            "copies. Chinese text is drawn with a Chinese font found on this computer (Microsoft YaHei, SimHei, "
            "PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei…); without one the log says which to install.<br>"
            "<b>Evaluated communities</b>: a result layer of an evaluation (e.g. evaluate_facilities). "
            "<b>Status field</b>: what colours the map, cc_status (overall) by default, or one item's "
            "&lt;item&gt;_status. <b>Name field</b> (optional): labels the communities. <b>Title</b>, "
            "<b>Subtitle</b> (optional; empty: today's date and the standard's name). {}<br>"
            "<b>Overlay layers</b> (optional): drawn above the communities, e.g. facilities or service areas; the "
            "legend lists only their classes on the map. <b>Paper</b>: A4 or A3 landscape. <b>Resolution</b>: dots "
            "per inch of a PNG (150 for screens and slides, 300 for print). <b>Map file</b>: the format follows the "
            "extension, .pdf or .png.<br><br>"
            "Example: scripts/qgis_process.sh run complete_community:export_map -- "
            "\"INPUT=out/sample_district_assessment.gpkg|layername=community_facilities\" NAME_FIELD=name "
            "\"OVERLAYS=out/sample_district_assessment.gpkg|layername=facilities\" PAPER=1 "
            "OUTPUT=out/assessment_map.pdf").format(self.standard_help())

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INPUT, self.tr("Evaluated communities"), [QgsProcessing.TypeVectorPolygon]))
        # Optional with a default: qgis_process (3.22) rejects a mandatory field parameter left out even when
        # it has a default. Empty means cc_status.
        self.addParameter(QgsProcessingParameterField(
            self.STATUS_FIELD, self.tr("Status field that colours the map"), defaultValue=F.CC_STATUS.name,
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.String, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Community name field (labels)"), parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), defaultValue=self.default_title()))
        self.addParameter(QgsProcessingParameterString(
            self.SUBTITLE, self.tr("Subtitle (empty: today's date and the standard)"), optional=True))
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.OVERLAYS, self.tr("Overlay layers drawn above the communities (facilities, service areas…)"),
            QgsProcessing.TypeVectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.ROADS, self.tr("Roads (thin grey lines above the communities)"), [QgsProcessing.TypeVectorLine],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.FACILITIES, self.tr("Facilities (small symbols by category)"), [QgsProcessing.TypeVectorPoint],
            optional=True))
        basemap = QgsProcessingParameterMapLayer(
            self.BASEMAP, self.tr("Basemap under everything (e.g. a 天地图 or OSM tile layer of the project)"),
            optional=True)
        basemap.setFlags(basemap.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(basemap)
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, self.tr("Paper"), options=[self.tr("A4 landscape"), self.tr("A3 landscape")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr("Resolution of a PNG (dots per inch)"), type=QgsProcessingParameterNumber.Integer,
            defaultValue=self.DEFAULT_DPI, minValue=50, maxValue=1200))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Map file (PDF or PNG)"), fileFilter="PDF (*.pdf);;PNG (*.png)"))

    def default_title(self):
        return self.tr("Complete community assessment map")

    # -- run ----------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        output = self._output_path(parameters, context)
        standard = self.load_standard_parameter(parameters, context, feedback)
        # A project of our own owns the copies of the layers from the moment they are opened, and frees them
        # when the run ends, whatever happens: an OGR layer still held by an exception's traceback would be
        # freed only at exit, after QGIS itself, which crashes QGIS 3.22.
        project = QgsProject()
        try:
            error = self._draw_map(parameters, context, feedback, project, standard, output)
        finally:
            project.removeAllMapLayers()
            project = None
        if error:
            raise QgsProcessingException(error)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(100)
        return {self.OUTPUT: output}

    def _draw_map(self, parameters, context, feedback, project, standard, output):
        """Open the layers into `project`, build the layout and export it; returns an export error or ''."""
        language = current_language()
        layer = self._layer_copy(parameters.get(self.INPUT), context, project)
        if layer is None:
            raise QgsProcessingException(self.tr("Cannot open the community layer {}.").format(
                safe_source_name(parameters.get(self.INPUT))))
        status_field = self.parameterAsString(parameters, self.STATUS_FIELD, context) or F.CC_STATUS.name
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        self._check_fields(layer, status_field, name_field)
        if layer.featureCount() == 0:
            raise QgsProcessingException(self.tr("The layer {} has no communities to map.").format(layer.name()))
        overlays = []
        for key, restyle, name in ((self.FACILITIES, _small_facility_symbols, self.tr("Facilities")),
                                   (self.ROADS, _thin_grey_roads, self.tr("Roads"))):
            if parameters.get(key):
                overlay = self._layer_copy(parameters[key], context, project)
                if overlay is None:
                    raise QgsProcessingException(self.tr("Cannot open the layer {}.").format(parameters[key]))
                restyle(overlay)
                overlay.setName(name)
                overlays.append(overlay)
        underlays = []
        if parameters.get(self.BASEMAP):
            basemap = self.parameterAsLayer(parameters, self.BASEMAP, context)
            if basemap is None or not basemap.isValid():
                raise QgsProcessingException(self.tr("Cannot open the basemap {}.").format(parameters[self.BASEMAP]))
            basemap = basemap.clone()
            project.addMapLayer(basemap, False)
            underlays.append(basemap)
        for value in self._overlay_values(parameters):
            overlay = self._layer_copy(value, context, project)
            if overlay is None:
                raise QgsProcessingException(self.tr("Cannot open the overlay layer {}.").format(
                    safe_source_name(value)))
            overlays.append(overlay)
        feedback.setProgress(10)

        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or self.default_title()
        today = datetime.date.today().isoformat()
        subtitle = (self.parameterAsString(parameters, self.SUBTITLE, context) or "").strip() or "{} · {}".format(
            today, standard.name.get(language))
        counts = status_counts(layer, status_field, feedback)
        if feedback.isCanceled():
            return ""
        self._report_counts(counts, status_field, feedback)
        credit = self.tr("Standard: {source} · {count} communities · map made {date} with QGIS {qgis} "
                         "(Complete Community plugin)").format(
            source=standard.source.get(language), count=sum(counts.values()), date=today,
            qgis=Qgis.QGIS_VERSION.split("-")[0])
        family = choose_cjk_font_family(title)
        if family is None:
            feedback.pushWarning(self.tr(
                "No font with Chinese characters was found ({}): Chinese text on the map may show as empty boxes. "
                "Install one, e.g. Microsoft YaHei or SimHei (Windows), PingFang SC (macOS), Noto Sans CJK SC "
                "(Debian/Ubuntu package fonts-noto-cjk) or WenQuanYi Micro Hei (fonts-wqy-microhei).").format(
                ", ".join(CJK_FONT_FAMILIES)))
        else:
            feedback.pushInfo(self.tr("Font: {}").format(family))
        map_crs = working_crs(layer.crs(), layer.extent())  # a geographic layer is drawn in metres
        if map_crs != layer.crs():
            feedback.pushInfo(self.tr("The map is drawn in {} ({}).").format(map_crs.authid(), map_crs.description()))
        paper = PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        dpi = self.parameterAsInt(parameters, self.DPI, context) or self.DEFAULT_DPI

        layout = build_assessment_layout(
            project, layer, status_field, name_field, title, subtitle, credit, paper, overlays, family,
            map_crs=map_crs, layer_title=self._legend_title(standard, status_field, language), counts=counts,
            feedback=feedback, underlays=underlays)
        feedback.setProgress(40)
        if feedback.isCanceled():
            return ""
        feedback.pushInfo(self.tr("Drawing the {} map into {}…").format(paper, output))
        error = export_layout(layout, output, dpi)
        layout = None  # before the project it belongs to
        return error

    # -- helpers ------------------------------------------------------------------------------------

    def _output_path(self, parameters, context):
        """The map file, checked before anything is drawn: a known extension, a folder we can write to."""
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        extension = os.path.splitext(output)[1].lower()
        if extension not in OUTPUT_EXTENSIONS:
            raise QgsProcessingException(self.tr(
                "Unknown map format '{}' ({}): give a file name ending in .pdf or .png.").format(extension, output))
        folder = os.path.dirname(os.path.abspath(output))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(self.tr("Cannot write the map to {}: the folder {} cannot be created "
                                                 "({}).").format(output, folder, error.strerror or error))
        if not os.access(folder, os.W_OK) or (os.path.exists(output) and not os.access(output, os.W_OK)):
            raise QgsProcessingException(self.tr("Cannot write the map to {}: no permission to write there.").format(
                output))
        return output

    def _overlay_values(self, parameters):
        value = parameters.get(self.OVERLAYS)
        if value is None or value == "":
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def _layer_copy(self, value, context, project):
        """A vector layer of our own for a parameter value, added to `project` (which owns it): a copy of a
        loaded layer (its style included), or a file opened by us, with its default style. A file is never
        loaded through the context's layer store: QGIS 3.22 can crash destroying an OGR layer there when the
        context goes. None when the value names no usable vector layer."""
        copy = self._open_copy(value, context)
        if copy is not None:
            project.addMapLayer(copy, False)
        return copy

    def _open_copy(self, value, context):
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue()
        if isinstance(value, QgsProperty):
            value = value.staticValue()
        if isinstance(value, QgsMapLayer):
            loaded = value
        else:
            source = str(value or "").strip()
            if not source:
                return None
            # A layer of the project, by id, name or source. Not the context's temporary store: Processing put
            # files there when it checked the parameters, without their default style.
            in_project = QgsProcessingContext()
            in_project.setProject(context.project())
            loaded = QgsProcessingUtils.mapLayerFromString(source, in_project, False) if context.project() else None
            if loaded is None:
                # A temporary result of an earlier step (a model's child, a memory layer): only the store has it.
                stored = context.temporaryLayerStore().mapLayer(source)
                if isinstance(stored, QgsVectorLayer) and stored.providerType() == "memory":
                    loaded = stored
            if loaded is None:
                match = re.search(r"\|layername=([^|]+)", source)
                name = match.group(1) if match else os.path.splitext(os.path.basename(source.split("|")[0]))[0]
                # with its default style (e.g. saved in a GeoPackage); a result table by its name in words
                opened = QgsVectorLayer(source, self.result_table_names().get(name, name), "ogr")
                if opened.isValid():
                    return opened
                # Any other provider QGIS accepts (a PostGIS URI, …), resolved as Processing resolves inputs, in a
                # context of our own released right away.
                resolver = QgsProcessingContext()
                resolved = QgsProcessingUtils.mapLayerFromString(source, resolver, True)
                copy = resolved.clone() if isinstance(resolved, QgsVectorLayer) and resolved.isValid() else None
                resolver = None
                return copy
        if not isinstance(loaded, QgsVectorLayer) or not loaded.isValid():
            return None
        return loaded.clone()

    def result_table_names(self):
        """The tables assess writes, as the legend names them ('facility_areas' → 设施用地)."""
        return {"facilities": self.tr("Facilities"), "facility_areas": self.tr("Facility areas"),
                "service_areas": self.tr("Service areas"), "walking_routes": self.tr("Walking routes"),
                "life_circles": self.tr("Life circles"), "facilities_not_counted": self.tr("Facilities not counted"),
                "roads": self.tr("Roads"), "area_summary": self.tr("Figures by area")}

    def _check_fields(self, layer, status_field, name_field):
        names = layer.fields().names()
        if status_field not in names:
            status_fields = [name for name in names if F.ITEM_STATUS.code_in(name)]
            raise QgsProcessingException(self.tr(
                "The status field '{field}' is not in the layer {layer}. Status fields there: {fields}. Map a result "
                "layer of an evaluation (e.g. evaluate_facilities).").format(
                field=status_field, layer=layer.name(), fields=", ".join(status_fields) or self.tr("none")))
        if name_field and name_field not in names:
            raise QgsProcessingException(self.tr("The name field '{field}' is not in the layer {layer}.").format(
                field=name_field, layer=layer.name()))

    def _report_counts(self, counts, status_field, feedback):
        feedback.pushInfo(self.tr("Communities by {}: {}").format(status_field, ", ".join(
            "{} {}".format(status_label(status), counts.get(status, 0)) for status in STATUSES)))
        others = sum(count for value, count in counts.items() if value not in STATUSES)
        if others:
            feedback.pushWarning(self.tr(
                "{} of {} communities have no status in {} (pass, fail, no_data, not_applicable) and are not "
                "coloured.").format(others, sum(counts.values()), status_field))

    def _legend_title(self, standard, status_field, language):
        """What the colours mean, as the legend names the community layer."""
        if status_field == F.CC_STATUS.name:
            return self.tr("Complete community compliance")
        item_code = F.ITEM_STATUS.code_in(status_field) or ""
        if item_code in {item.code for item in standard.items}:
            return self.tr("{}: compliance").format(standard.item(item_code).name.get(language))
        return status_field


def _thin_grey_roads(layer):
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
    symbol.setColor(QColor("#8c8c8c"))
    symbol.setWidth(0.25)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _small_facility_symbols(layer):
    """The facilities' own style (by category), with small markers: a city map shows hundreds of them."""
    renderer = layer.renderer()
    if renderer is None:
        return
    for symbol in renderer.symbols(QgsRenderContext()):
        if symbol.type() == QgsSymbol.Marker:
            symbol.setSize(1.4)
