"""完整居住社区综合评估 — every evaluation in one run: one GeoPackage of styled layers, an HTML report, a map."""

import datetime
import gc
import os
from contextlib import closing
from dataclasses import dataclass, field

from qgis.core import (QgsFeatureRequest, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeedback, QgsProcessingMultiStepFeedback,
                       QgsProcessingOutputVectorLayer, QgsProcessingParameterDefinition, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterString, QgsVectorLayer)
from qgis.PyQt.QtCore import Qt

from ..core import output_fields as F
from ..core.sql import quoted_identifier as _quoted, read_only_sqlite
from ..standards import measure_kinds
from ..core.describe import guide_table_order
from ..core.values import is_missing
from ..core.walking import category_limits
from .. import styles
from ..styles import StyleOnLoad, load_default_style, loading
from ..i18n import current_language
from ..core.status import FAIL, PASS
from ..report.html_report import (DETAIL_LIMIT, CommunityRow, LifeCircleRow, ReportData, RuleRow, WalkingRow,
                                  build_report)
from ..report.workbook import write_workbook
from .evaluate_facilities import EvaluateFacilitiesAlgorithm
from .evaluate_life_circle import LifeCircleParameters, LifeCirclesNotMet
from .evaluate_walking_access import EvaluateWalkingAccessAlgorithm
from . import shared_run
from .service_areas import SHAPE_POLYGONS, SHAPE_STREETS, lend_facilities
from .walking_distances import NETWORK_OPTION_PARAMETERS
from .output_safety import cancelled_message, table_destination
from .rules_view import (DESCRIPTIONS_TABLE as RULE_DESCRIPTIONS_TABLE, REASONS_TABLE as RULE_REASONS_TABLE,
                         RESULTS_TABLE as RULE_RESULTS_TABLE, RULES_VIEW, create_rules_view, write_rule_tables)
from .scheme_report import read_scheme
from .summarize_by_area import AreaLocator

COMMUNITIES_TABLE = "communities"
RULES_TABLE = RULES_VIEW  # a view over community_rule_results, rule_descriptions, rule_reasons (rules_view.py)
LIFE_CIRCLES_TABLE = "life_circles"
AREAS_TABLE = "area_summary"
# The sink parameters of the evaluation this algorithm runs itself → their table in the GeoPackage.
OWN_TABLES = {"OUTPUT": COMMUNITIES_TABLE, "OUTPUT_RULES": RULE_RESULTS_TABLE,
              "OUTPUT_UNASSIGNED": "facilities_not_counted", "OUTPUT_ROUTES": "walking_routes",
              "OUTPUT_ORIGINS": "walking_origins"}
# Every table assess may write into OUTPUT_GPKG (those of its child algorithms included): in an existing
# GeoPackage, the earlier run's tables among them are replaced and every other layer is kept.
RESULT_TABLES = tuple(OWN_TABLES.values()) + (RULES_TABLE, RULE_DESCRIPTIONS_TABLE, RULE_REASONS_TABLE,
                                              "life_circles", "life_circle_rules", "service_areas", "facilities",
                                              "facility_areas", AREAS_TABLE)
SERVICE_AREAS_NONE, SERVICE_AREAS_POLYGONS, SERVICE_AREAS_STREETS = 0, 1, 2
# Where the service areas are drawn: a city's whole street network once per category is most of the GeoPackage
# (the bench city: 56 MB), and a planner looks at them where a community lacks a category.
AROUND_NOT_MET, EVERYWHERE = 0, 1
REPORT_MAP_DPI = 110
RULE_ROWS_PER_PROGRESS = 20000  # rule rows read for the report between two progress reports
FEATURE_ID = object()  # in table_rows' column names: the row's feature id


def tables_in(gpkg):
    """The tables a GeoPackage holds (empty when it cannot be opened)."""
    from osgeo import ogr

    source = ogr.Open(gpkg) if os.path.isfile(gpkg) else None
    if source is None:
        return set()
    try:
        return {source.GetLayerByIndex(index).GetName() for index in range(source.GetLayerCount())}
    finally:
        source = None


def table_source(gpkg, table):
    return "{}|layername={}".format(gpkg, table)


class RecordingFeedback(QgsProcessingFeedback):
    """Passes messages on to the run's feedback and keeps the warnings, which the report lists."""

    def __init__(self, parent):
        super().__init__()
        self.parent = parent
        self.warnings = []
        self.recording = True  # off while a step repeats warnings the evaluation already made
        # Direct: the run's feedback may be cancelled from another thread (the dialog's), whose queued signal
        # would wait for an event loop this run never returns to.
        parent.canceled.connect(self.cancel, Qt.DirectConnection)
        self.progressChanged.connect(parent.setProgress)
        if parent.isCanceled():  # cancelled before this run began: the signal has gone by
            self.cancel()

    def pushWarning(self, message):  # noqa: N802 (QGIS API)
        if self.recording:
            self.warnings.append(message)
        self.parent.pushWarning(message)

    def reportError(self, message, fatalError=False):  # noqa: N802,N803 (QGIS API)
        self.warnings.append(message)
        self.parent.reportError(message, fatalError)

    def pushInfo(self, message):  # noqa: N802 (QGIS API)
        self.parent.pushInfo(message)

    def pushCommandInfo(self, message):  # noqa: N802 (QGIS API)
        self.parent.pushCommandInfo(message)

    def pushDebugInfo(self, message):  # noqa: N802 (QGIS API)
        self.parent.pushDebugInfo(message)

    def pushConsoleInfo(self, message):  # noqa: N802 (QGIS API)
        self.parent.pushConsoleInfo(message)

    def setProgressText(self, text):  # noqa: N802 (QGIS API)
        self.parent.setProgressText(text)


@dataclass
class AssessRun:
    """What one assess run carries from step to step: the evaluation → the other algorithms → the report → the
    results loaded into the project (postProcessAlgorithm). One object per run, passed along, not kept in
    attributes of the algorithm."""

    gpkg: str                      # the results GeoPackage (in the run's partial folder until it succeeds)
    recorder: RecordingFeedback    # the run's feedback, keeping the warnings the report lists
    steps: object                  # QgsProcessingMultiStepFeedback: one progress bar over every step
    step: int = 0                  # the step the progress bar moves to next
    standard: object = None        # the standard the evaluation used (the later steps and the loading share it)
    name_field: object = None      # the communities' name field, labelling the maps
    communities_input: tuple = None  # (layer name, feature count, CRS authid) of the communities, for the report
    measured_in: str = ""          # the working CRS, described, for the report
    walking_method: str = ""       # how the walking distances were measured, for the report
    tables: set = field(default_factory=set)  # every table written, loaded when the run ends

    def stop_if_cancelled(self):
        if self.steps.isCanceled():
            raise QgsProcessingException(cancelled_message())

    def next_step(self):
        """Move the progress bar to the next step; a cancelled run stops here, before the next step starts."""
        self.stop_if_cancelled()
        self.steps.setCurrentStep(self.step)
        self.step += 1


class AssessAlgorithm(LifeCircleParameters, EvaluateWalkingAccessAlgorithm, EvaluateFacilitiesAlgorithm):
    OUTPUT_GPKG = "OUTPUT_GPKG"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    OUTPUT_MAP = "OUTPUT_MAP"
    SERVICE_AREAS = "SERVICE_AREAS"
    SERVICE_AREA_CATEGORIES = "SERVICE_AREA_CATEGORIES"
    SERVICE_AREAS_WHERE = "SERVICE_AREAS_WHERE"
    OUTPUT_XLSX = "OUTPUT_XLSX"
    OUTPUT_ATLAS = "OUTPUT_ATLAS"
    COMMUNITIES_LAYER = "COMMUNITIES_LAYER"
    ORGANISATION = "ORGANISATION"
    AREA_FIELD = "AREA_FIELD"
    AREAS = "AREAS"
    AREA_NAME_FIELD = "AREA_NAME_FIELD"

    ALGORITHM_ID = "assess"
    COLOUR_FIELD = F.CC_STATUS.name
    COMPLIANCE_PREFIX = "cc"  # a key of core/output_fields.VERDICTS
    LENDS_INPUTS = True  # to the life-circle step
    MEASURE_INPUTS = measure_kinds.NEEDS
    WRITES_ITEM_FIELDS = True

    def displayName(self):
        return self.tr("Complete community assessment")

    def shortHelpString(self):
        return self.tr(
            "The whole check in one run: community scale (2.2), the construction items (2.3), walking distances "
            "on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.<br>"
            "<br>The communities are evaluated against every community rule of the standard at once, so cc_status "
            "is the complete verdict. Only required rules (应/须/要) decide: an item (each construction item, and scale) is met "
            "when all its applicable required rules pass, failed when one fails, without enough data otherwise; "
            "cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. "
            "cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; "
            "cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the "
            "recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a "
            "principle, 以…为原则, so they are advice unless the standard walking_required is chosen).<br>"
            "The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; "
            "only the communities, their population field, the facilities and their category field are required. "
            "Without a road network, distances are straight lines × the detour factor and no service areas are "
            "drawn. Service areas (advanced): streets by default — each street piece within the limit drawn once "
            "with its nearest facility, one search per category, seconds for a city; polygons per facility cost a "
            "buffer each (minutes for a city); or none; by default for the categories of the community walking "
            "rules (the life-circle ones, whose longer limits cover most of a city, when named). The standard and the "
            "walking network are read once and shared by every step.<br>{}<br><br>"
            "<b>Output GeoPackage</b>: communities (styled by cc_status, labelled with name and score), "
            "community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and "
            "facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with "
            "its style saved as the layer's default, so it opens styled in QGIS. <b>Report</b>: one HTML file "
            "that opens without a network: summary, score chart, most frequently missing items, every community "
            "item by item, walking distances, life circles, inputs and data problems, and the map. <b>Map</b> "
            "(optional): PDF or PNG.<br><br>"
            "<b>Area field</b> or <b>area polygons</b> (optional): figures by street or district (area_summary "
            "table, and a table in the report's summary). <b>Prepared by</b>: the organisation named in the "
            "report.<br><br>Example (qgis_process): see README, 'Running with qgis_process'."
        ).format(self.standard_help())

    def initAlgorithm(self, config=None):
        self.add_provision_inputs()
        self.add_network_parameters(self.COMMUNITIES)
        self.add_origin_parameters()
        self.add_life_circle_parameters()
        self.add_standard_parameter()
        # Streets by default: polygons per facility cost a GEOS buffer each, minutes for a city.
        shapes = QgsProcessingParameterEnum(
            self.SERVICE_AREAS, self.tr("Service areas"),
            [self.tr("None"), self.tr("Polygons: each facility's streets widened by the frontage (slow for a city)"),
             self.tr("Streets: each street piece with its nearest facility within the limit (fast)")],
            defaultValue=SERVICE_AREAS_STREETS)
        categories = QgsProcessingParameterString(
            self.SERVICE_AREA_CATEGORIES, self.tr("Service areas only for these facility categories (codes, comma "
                                                  "separated; empty: those of the community walking rules)"),
            optional=True)
        where = QgsProcessingParameterEnum(
            self.SERVICE_AREAS_WHERE, self.tr("Service areas drawn"),
            [self.tr("Around the communities that lack the category (beyond its limit, or its item failed)"),
             self.tr("Everywhere")],
            defaultValue=AROUND_NOT_MET)
        for parameter in (shapes, categories, where):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterField(
            self.AREA_FIELD, self.tr("Area field of the communities for figures by area (e.g. 街道)"),
            parentLayerParameterName=self.COMMUNITIES, optional=True))
        areas = QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Or: area polygons for figures by area (streets, districts)"),
            [QgsProcessing.TypeVectorPolygon], optional=True)
        area_names = QgsProcessingParameterField(
            self.AREA_NAME_FIELD, self.tr("Name field of the area polygons"), parentLayerParameterName=self.AREAS,
            optional=True)
        for parameter in (areas, area_names):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterString(
            self.ORGANISATION, self.tr("Prepared by (编制单位), shown in the report"), optional=True))
        # The sinks of the evaluation itself are tables of OUTPUT_GPKG: declared (the evaluation writes through
        # them) but hidden from the dialog and from qgis_process's required parameters.
        self.add_output_parameters(unassigned=True, workbook=False)  # assess writes its own, fuller workbook
        for name in ("OUTPUT_ORIGINS", "OUTPUT_ROUTES"):
            self.addParameter(self._hidden_sink(name))
        for name in OWN_TABLES:
            definition = self.parameterDefinition(name)
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagHidden
                                | QgsProcessingParameterDefinition.FlagOptional)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_GPKG, self.tr("Results GeoPackage"), self.tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Report (HTML)"), self.tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MAP, self.tr("Map (PDF or PNG)"), self.tr("PDF files (*.pdf);;PNG images (*.png)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, self.tr("Workbook (Excel)"), self.tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_ATLAS, self.tr("Atlas, one page per community (PDF)"), self.tr("PDF files (*.pdf)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputVectorLayer(self.COMMUNITIES_LAYER, self.tr("Assessed communities"),
                                                      QgsProcessing.TypeVectorPolygon))

    def _hidden_sink(self, name):
        sink = QgsProcessingParameterFeatureSink(name, name, QgsProcessing.TypeVectorAnyGeometry, optional=True,
                                                 createByDefault=False)
        sink.setFlags(sink.flags() | QgsProcessingParameterDefinition.FlagHidden)
        return sink

    def flags(self):
        # The map is drawn with fonts and a print layout: main thread only.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def rules_to_evaluate(self, standard, parameters, context):
        """Every community rule: scale, provision and walking, so cc_status is the complete verdict."""
        return tuple(rule for rule in standard.rules_in_scope("community") if self.measurable(rule))

    def colour_field(self, parameters, context, standard):
        return F.CC_STATUS.name

    def rule_table_fields(self, planned):
        """Each community's rule results without the rule's own text: community_rules joins it back."""
        return F.RULE_RESULT_FIELDS_PLANNED if planned else F.RULE_RESULT_FIELDS

    def read_inputs(self, parameters, context, feedback, plan):
        """The evaluation's inputs; their facility points are lent to the service-areas step (read once a run)."""
        inputs = super().read_inputs(parameters, context, feedback, plan)
        if self._draws_service_areas(parameters, context):
            lend_facilities(parameters, plan.standard, inputs.facilities,
                            self.input_layer_name(parameters, self.FACILITIES, context),
                            self.input_layer_name(parameters, self.FACILITY_AREAS, context)
                            if parameters.get(self.FACILITY_AREAS) else None, inputs.reader.crs)
        return inputs

    def _draws_service_areas(self, parameters, context):
        return bool(parameters.get(self.NETWORK)) and self.parameterAsEnum(
            parameters, self.SERVICE_AREAS, context) != SERVICE_AREAS_NONE

    # -- the run ------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        # One standard and one walking network for the evaluation and every child algorithm.
        with shared_run.shared_run():
            return self._assess(parameters, context, feedback)

    def _assess(self, parameters, context, feedback):
        gpkg = self.parameterAsFileOutput(parameters, self.OUTPUT_GPKG, context)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        map_path = self.parameterAsFileOutput(parameters, self.OUTPUT_MAP, context) if parameters.get(
            self.OUTPUT_MAP) else ""
        xlsx_path = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context) if parameters.get(
            self.OUTPUT_XLSX) else ""
        if xlsx_path and not xlsx_path.lower().endswith(".xlsx"):
            raise QgsProcessingException(self.tr("The workbook must be an .xlsx file: {}").format(xlsx_path))
        atlas_path = self.parameterAsFileOutput(parameters, self.OUTPUT_ATLAS, context) if parameters.get(
            self.OUTPUT_ATLAS) else ""
        if atlas_path and not atlas_path.lower().endswith(".pdf"):
            raise QgsProcessingException(self.tr("The atlas must be a PDF file: {}").format(atlas_path))
        if not gpkg.lower().endswith(".gpkg"):
            raise QgsProcessingException(self.tr("The results file must be a GeoPackage (.gpkg): {}").format(gpkg))
        # The output guard (processing/output_safety.py) has checked the files against the inputs and
        # redirected them into a partial folder: the GeoPackage starts empty there, and replaces only this
        # plugin's tables of the final file once the run succeeded.
        recorder = RecordingFeedback(feedback)
        # One progress bar 0→100 over every step (the evaluation, each child algorithm, the report), cancel
        # forwarded to each child.
        steps = QgsProcessingMultiStepFeedback(self._step_count(parameters, context, map_path), recorder)
        if recorder.isCanceled():  # QgsProcessingMultiStepFeedback hears later cancels only
            steps.cancel()
        assessment = AssessRun(gpkg, recorder, steps)
        inner = dict(parameters)
        inner.pop(self.OUTPUT_XLSX, None)  # written below from the whole run, not by the evaluation step
        for name, table in OWN_TABLES.items():
            inner[name] = table_destination(gpkg, table, geometry=name != "OUTPUT_RULES")
        if not parameters.get(self.ORIGINS):
            inner.pop("OUTPUT_ORIGINS")
        assessment.next_step()
        steps.setProgressText(self.tr("Reading the communities and facilities…"))
        run = self.run_evaluation(inner, context, steps)
        # What the later steps, the report and the loading of the results (postProcessAlgorithm) take from the
        # evaluation; the rest of it is let go of below.
        assessment.standard = run.plan.standard
        assessment.name_field = run.inputs.field_map.get("name")
        source = run.inputs.source
        assessment.communities_input = (self.input_layer_name(inner, self.COMMUNITIES, context),
                                        source.featureCount(), source.sourceCrs().authid())
        assessment.stop_if_cancelled()
        write_rule_tables(gpkg, assessment.standard, current_language(), run.written.rule_rows.reasons,
                          context.transformContext())
        create_rules_view(gpkg)
        # The rules' style is saved for the view, the layer a planner opens.
        self.styled_outputs = [(table_source(gpkg, RULES_TABLE) if name == styles.STYLE_RULES and dest_id else dest_id,
                                style, name) for dest_id, style, name in run.written.styled_outputs]
        crs = run.inputs.reader.crs
        assessment.measured_in = "{} ({})".format(crs.authid(), crs.description())
        assessment.walking_method = run.completed.details.method
        # Let go of what the evaluation kept while it wrote (snapped targets and origins, the searches of every
        # category, facility records, distances): written to the GeoPackage by now, and the service areas that
        # come next allocate hundreds of MB for a city. The shared network stays for the steps that walk.
        del run, source
        gc.collect()
        standard = assessment.standard

        children = self._run_children(parameters, context, assessment, map_path)
        steps.setProgressText(self.tr("The report…"))
        report_png = os.path.splitext(report_path)[0] + "_map.png"
        assessment.next_step()
        # The report's own progress: its map, then its data and HTML, then the workbook row by row (a city's
        # workbook holds every rule row); a cancel is heard between them and every few thousand rows.
        report_steps = QgsProcessingMultiStepFeedback(3 if xlsx_path else 2, steps)
        self._child("complete_community:export_map", {
            "INPUT": table_source(gpkg, COMMUNITIES_TABLE), "NAME_FIELD": assessment.name_field or None,
            "STANDARD": parameters.get(self.STANDARD), "OUTPUT": report_png, "DPI": REPORT_MAP_DPI,
            "ROADS": parameters.get(self.NETWORK),
            "FACILITIES": table_source(gpkg, "facilities") if "facilities" in children else None},
            context, report_steps)
        assessment.stop_if_cancelled()
        with open(report_png, "rb") as stream:
            map_png = stream.read()
        os.remove(report_png)  # our own temporary picture, in the run's partial folder
        report_steps.setCurrentStep(1)
        files = [self.output_name(path) for path in [gpkg, report_path] + [
            path for path in (map_path, xlsx_path, atlas_path) if path]]

        def data_progress(fraction):
            assessment.stop_if_cancelled()
            report_steps.setProgress(50.0 * fraction)

        data = self._report_data(parameters, context, assessment, map_png, files, children, bool(xlsx_path),
                                 data_progress)
        assessment.stop_if_cancelled()
        report_steps.setProgress(60)
        with open(report_path, "w", encoding="utf-8") as stream:
            stream.write(build_report(data))
        report_steps.setProgress(100)
        if xlsx_path:
            assessment.stop_if_cancelled()
            report_steps.setCurrentStep(2)

            def workbook_progress(fraction):
                assessment.stop_if_cancelled()
                report_steps.setProgress(100.0 * fraction)

            write_workbook(xlsx_path, data, guide_table_order(standard), workbook_progress)
        del data
        if atlas_path:
            assessment.next_step()
            steps.setProgressText(self.tr("The atlas, one page per community…"))
            present = tables_in(gpkg)

            def table(name):
                return table_source(gpkg, name) if name in present else None

            self._child("complete_community:export_atlas", {
                "INPUT": table_source(gpkg, COMMUNITIES_TABLE), "RULES": table(RULES_TABLE),
                "ROADS": parameters.get(self.NETWORK), "FACILITIES": table("facilities"),
                "ROUTES": table(OWN_TABLES["OUTPUT_ROUTES"]), "SERVICE_AREAS": table("service_areas"),
                "NAME_FIELD": assessment.name_field or None, "STANDARD": parameters.get(self.STANDARD),
                "OUTPUT": atlas_path}, context, steps)
            assessment.stop_if_cancelled()
        feedback.pushInfo(self.tr("Written: {}").format(", ".join(files)))

        assessment.tables = set(children) | set(OWN_TABLES.values()) | {RULES_TABLE, RULE_DESCRIPTIONS_TABLE,
                                                                          RULE_REASONS_TABLE}
        self._assessment = assessment  # for postProcessAlgorithm, which loads the results
        return {self.OUTPUT_GPKG: gpkg, self.OUTPUT_REPORT: report_path, self.OUTPUT_MAP: map_path or None,
                self.OUTPUT_XLSX: xlsx_path or None, self.OUTPUT_ATLAS: atlas_path or None,
                self.COMMUNITIES_LAYER: table_source(gpkg, COMMUNITIES_TABLE)}

    def loaded_tables(self):
        """(table, layer name, role) of every table a run loads into the project, top of the panel first."""
        return (
            ("facilities", self.tr("Facilities (classified)"), loading.FACILITIES),
            ("facilities_not_counted", self.tr("Facilities not counted"), loading.UNASSIGNED),
            ("walking_origins", self.tr("Walking origins"), loading.ORIGINS),
            ("walking_routes", self.tr("Walking routes"), loading.ROUTES),
            (COMMUNITIES_TABLE, self.tr("Assessed communities"), loading.COMMUNITIES),
            (LIFE_CIRCLES_TABLE, self.tr("Life circles"), loading.LIFE_CIRCLES),
            (AREAS_TABLE, self.tr("Figures by area"), loading.AREAS),
            ("facility_areas", self.tr("Facility areas (classified)"), loading.FACILITIES),
            ("service_areas", self.tr("Service areas"), loading.SERVICE_AREAS),
            (RULES_TABLE, self.tr("Results per rule"), loading.RULES),
            ("life_circle_rules", self.tr("Life circle results per rule"), loading.RULES),
        )

    def postProcessAlgorithm(self, context, feedback):
        super().postProcessAlgorithm(context, feedback)  # the default styles, saved in the GeoPackage
        self._load_results(context, feedback, self._assessment)
        return {}

    def _load_results(self, context, feedback, assessment):
        """Every table written, loaded when the run ends (dialog, batch, model) with its saved default style,
        in one group named after the results file: the verdict and the facilities shown, the rest hidden."""
        if context.project() is None:
            return
        gpkg = assessment.gpkg
        run_name = os.path.splitext(os.path.basename(gpkg))[0]
        existing = tables_in(gpkg)
        for table, name, role in self.loaded_tables():
            if table not in assessment.tables or table not in existing:
                continue
            details = QgsProcessingContext.LayerDetails(name, context.project(), name)
            details.setPostProcessor(StyleOnLoad.create(load_default_style, role, run_name, name,
                                                        assessment.standard))
            # Loaded once the run has moved its results from the partial folder into place.
            context.addLayerToLoadOnCompletion(table_source(self.output_name(gpkg), table), details)
        feedback.pushInfo(self.tr("Results are in {}").format(os.path.dirname(os.path.abspath(self.output_name(gpkg)))))

    def prepare_output_guard(self, guard, parameters, context):
        guard.declare_geopackage(self.OUTPUT_GPKG, RESULT_TABLES)

    def _child(self, algorithm, parameters, context, feedback):
        import processing

        return processing.run(algorithm, {key: value for key, value in parameters.items() if value is not None},
                              context=context, feedback=feedback, is_child_algorithm=True)

    def _step_count(self, parameters, context, map_path):
        """The evaluation, the life circles, service areas (with roads), one classification per facility layer,
        the map (if asked for) and the report's map."""
        return 3 + self._draws_service_areas(parameters, context) + bool(parameters.get(self.FACILITIES)) + bool(
            parameters.get(self.FACILITY_AREAS)) + bool(map_path) + bool(
            parameters.get(self.AREA_FIELD) or parameters.get(self.AREAS)) + bool(parameters.get(self.OUTPUT_ATLAS))

    def _run_children(self, parameters, context, assessment, map_path):
        """The other evaluations into the same GeoPackage; returns the tables they wrote."""
        gpkg, feedback = assessment.gpkg, assessment.steps
        written = []
        shared = {key: parameters.get(key) for key in (
            self.COMMUNITIES, self.COMMUNITY_ID_FIELD, self.COMMUNITY_NAME_FIELD, self.POPULATION_FIELD,
            self.TYPE_FIELD, self.DEFAULT_TYPE, self.FACILITIES, self.CATEGORY_FIELD, self.FACILITY_AREAS,
            self.AREA_CATEGORY_FIELD, self.MAPPING_TABLE, self.NETWORK, self.WALKABLE_FIELD, self.SPEED_FIELD,
            self.MAX_SNAP_DISTANCE, self.DETOUR_FACTOR, self.STANDARD, self.PROPOSED_FACILITIES,
            self.PROPOSED_CATEGORY_FIELD) + NETWORK_OPTION_PARAMETERS}
        assessment.next_step()
        feedback.setProgressText(self.tr("The 15-minute life circles…"))
        self._child("complete_community:evaluate_life_circle", dict(
            shared, LIFE_CIRCLES=parameters.get(self.LIFE_CIRCLES),
            LIFE_CIRCLE_NAME_FIELD=parameters.get(self.LIFE_CIRCLE_NAME_FIELD),
            LIFE_CIRCLE_POPULATION_FIELD=parameters.get(self.LIFE_CIRCLE_POPULATION_FIELD),
            OUTPUT=table_destination(gpkg, LIFE_CIRCLES_TABLE),
            OUTPUT_RULES=table_destination(gpkg, "life_circle_rules", geometry=False)), context, feedback)
        written += [LIFE_CIRCLES_TABLE, "life_circle_rules"]
        service_areas = self.parameterAsEnum(parameters, self.SERVICE_AREAS, context)
        if self._draws_service_areas(parameters, context):
            assessment.next_step()
            feedback.setProgressText(self.tr("Service areas…"))
            self._child("complete_community:service_areas", dict(
                {key: shared[key] for key in (self.FACILITIES, self.CATEGORY_FIELD, self.MAPPING_TABLE, self.NETWORK,
                                              self.WALKABLE_FIELD, self.SPEED_FIELD, self.MAX_SNAP_DISTANCE,
                                              self.STANDARD, self.PROPOSED_FACILITIES, self.PROPOSED_CATEGORY_FIELD)
                 + NETWORK_OPTION_PARAMETERS},
                OUTPUT=table_destination(gpkg, "service_areas"),
                SHAPE=SHAPE_STREETS if service_areas == SERVICE_AREAS_STREETS else SHAPE_POLYGONS,
                CATEGORIES=parameters.get(self.SERVICE_AREA_CATEGORIES) or community_categories(assessment.standard),
                AROUND_NOT_MET=table_source(gpkg, COMMUNITIES_TABLE) if self.parameterAsEnum(
                    parameters, self.SERVICE_AREAS_WHERE, context) == AROUND_NOT_MET else None),
                context, feedback)
            written.append("service_areas")
        feedback.setProgressText(self.tr("Classifying the facilities…"))
        # Its warnings repeat the evaluation's own about the same categories: logged, not reported twice.
        assessment.recorder.recording = False
        for layer, category, table in ((self.FACILITIES, self.CATEGORY_FIELD, "facilities"),
                                       (self.FACILITY_AREAS, self.AREA_CATEGORY_FIELD, "facility_areas")):
            if parameters.get(layer):
                assessment.next_step()
                self._child("complete_community:classify_facilities", {
                    "FACILITIES": parameters[layer], "CATEGORY_FIELD": parameters.get(category),
                    "MAPPING_TABLE": parameters.get(self.MAPPING_TABLE), "STANDARD": parameters.get(self.STANDARD),
                    "OUTPUT": table_destination(gpkg, table)}, context, feedback)
                written.append(table)
        assessment.recorder.recording = True
        if parameters.get(self.AREA_FIELD) or parameters.get(self.AREAS):
            assessment.next_step()
            feedback.setProgressText(self.tr("Figures by area…"))
            self._child("complete_community:summarize_by_area", {
                "INPUT": table_source(gpkg, COMMUNITIES_TABLE), "AREA_FIELD": parameters.get(self.AREA_FIELD),
                "AREAS": parameters.get(self.AREAS), "AREA_NAME_FIELD": parameters.get(self.AREA_NAME_FIELD),
                "STANDARD": parameters.get(self.STANDARD), "OUTPUT": table_destination(gpkg, AREAS_TABLE)},
                context, feedback)
            written.append(AREAS_TABLE)
        if map_path:
            assessment.next_step()
            feedback.setProgressText(self.tr("The map…"))
            self._child("complete_community:export_map", {
                "INPUT": table_source(gpkg, COMMUNITIES_TABLE), "NAME_FIELD": assessment.name_field or None,
                "STANDARD": parameters.get(self.STANDARD), "OUTPUT": map_path,
                "OVERLAYS": [table_source(gpkg, "facility_areas")] if "facility_areas" in written else None,
                "ROADS": parameters.get(self.NETWORK),
                "FACILITIES": table_source(gpkg, "facilities") if "facilities" in written else None},
                context, feedback)
        return written

    # -- the report ---------------------------------------------------------------------------------

    def _report_data(self, parameters, context, assessment, map_png, files, children, with_workbook, progress=None):
        """The report's data from the results; `progress(fraction)` is called as a city's rule rows are read
        (every rule row for the workbook: 250,000 for 3,000 communities), and may raise to stop."""
        language = current_language()
        # The tables are read with SQLite itself (a GeoPackage is an SQLite file): a city's 250,000 rule rows and
        # 3,000 communities take seconds through a feature loop, a fraction of that as rows.
        with closing(read_only_sqlite(assessment.gpkg)) as database:
            return self._report_data_from(database, parameters, context, assessment, map_png, files, children,
                                          with_workbook, language, progress)

    def _report_data_from(self, database, parameters, context, assessment, map_png, files, children, with_workbook,
                          language, progress):
        standard, gpkg, warnings = assessment.standard, assessment.gpkg, assessment.recorder.warnings
        communities = QgsVectorLayer(table_source(gpkg, COMMUNITIES_TABLE), "communities", "ogr")
        items = [(item.code, item.name.get(language)) for item in standard.items if item.scope == "community"]
        names = communities.fields().names()
        limits = [(code, standard.category(code).name.get(language), limit.limit_m)
                  for code, limit in category_limits(standard).items() if F.DIST_M.name_for(code) in names]
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        area_field = self.parameterAsString(parameters, self.AREA_FIELD, context)
        area_name = area_field
        areas_of = None
        if parameters.get(self.AREAS):
            areas = self.parameterAsSource(parameters, self.AREAS, context)
            locator = AreaLocator(areas, self.parameterAsString(parameters, self.AREA_NAME_FIELD, context),
                                  communities.crs(), context.transformContext())
            area_name = self.input_layer_name(parameters, self.AREAS, context)
            request = QgsFeatureRequest().setNoAttributes()
            areas_of = {feature.id(): locator.area_of(feature.geometry()) for feature in communities.getFeatures(
                request)}
        item_fields = [F.ITEM_STATUS.name_for(code) for code, _name in items]
        walking_fields = [(F.DIST_M.name_for(code), F.ACCESS_STATUS.name_for(code)) for code, _name, _limit in limits]
        community_rows, walking_rows = [], []
        for values in table_rows(database, COMMUNITIES_TABLE, [
                FEATURE_ID, F.COMMUNITY_ID.name, F.COMMUNITY_NAME.name, type_field,
                F.MEASURED.name_for("scale.population"), F.CC_SCORE.name, F.CC_STATUS.name, F.CC_MISSING.name,
                F.CC_ITEMS_MET.name, F.CC_ITEMS_FAILED.name, F.CC_ITEMS_NO_DATA.name, F.CC_ADVICE.name, area_field]
                + item_fields + [name for pair in walking_fields for name in pair]):
            (row_id, identifier, name, community_type, population, score, status, missing, met, failed, no_data,
             advice, area) = values[:13]
            identifier = str(identifier)
            if areas_of is not None:
                area = areas_of.get(row_id)
            statuses = values[13:13 + len(item_fields)]
            walked = values[13 + len(item_fields):]
            community_rows.append(CommunityRow(
                id=identifier, name="" if name is None else str(name), community_type=community_type, population=population, score=score,
                status=status or "", missing=missing or "",
                item_status={code: status for (code, _name), status in zip(items, statuses)},
                items_met=met, items_failed=failed, items_no_data=no_data, advice=advice or "",
                area=None if area is None else str(area)))
            walking_rows.append(WalkingRow(identifier, {
                code: (walked[2 * position], walked[2 * position + 1])
                for position, (code, _name, _limit) in enumerate(limits)}))
        notes = {rule.id: rule.note.get(language) for rule in standard.rules if rule.note is not None}
        # The report needs every rule row only for the detail of a few communities (and the workbook); for a
        # city it counts the failed required rules: one (community, item) pair each, a small part of the table
        # (250,000 rows for 3,000 communities).
        failed_required = None
        rule_rows = []
        if with_workbook or len(community_rows) <= DETAIL_LIMIT:
            total = database.execute("SELECT count(*) FROM {}".format(_quoted(RULES_TABLE))).fetchone()[0]
            for number, (community, item, rule_id, rule_name, clause, level, status, reason, measured, low, high,
                         unit) in enumerate(table_rows(database, RULES_TABLE, [
                            F.COMMUNITY_ID_ROW.name, F.ITEM.name, F.RULE_ID.name, F.RULE_NAME.name, F.CLAUSE.name,
                            F.LEVEL.name, F.STATUS.name, F.REASON.name, F.MEASURED_VALUE.name, F.THRESHOLD_MIN.name,
                            F.THRESHOLD_MAX.name, F.UNIT.name])):
                if progress is not None and number % RULE_ROWS_PER_PROGRESS == 0:
                    progress(number / total)
                rule_rows.append(RuleRow(str(community), item, rule_id, rule_name, clause, level, status, reason,
                                         note=notes.get(rule_id, ""), measured=measured, threshold_min=low,
                                         threshold_max=high, unit=unit or ""))
        else:
            failed_required = [(str(community), item) for community, item in table_rows(
                database, RULES_TABLE, [F.COMMUNITY_ID_ROW.name, F.ITEM.name],
                where="{} = ? AND {} = ?".format(_quoted(F.LEVEL.name), _quoted(F.STATUS.name)),
                arguments=("required", FAIL), distinct=True)]
        circles, circles_not_met = [], []
        if LIFE_CIRCLES_TABLE in children:
            stopped = {}
            for identifier, name, members, population, radius, score, status, missing, stop in table_rows(
                    database, LIFE_CIRCLES_TABLE, [
                        F.LC_ID.name, F.LC_NAME.name, F.MEMBER_IDS.name, F.MEASURED.name_for("life_circle.population"),
                        F.MEASURED.name_for("life_circle.radius"), F.LC_SCORE.name, F.LC_STATUS.name,
                        F.LC_MISSING.name, F.LC_STOPPED.name]):
                circles.append(LifeCircleRow(identifier, name, members, population, radius, score, status,
                                             missing or ""))
                if status != PASS:
                    stopped[str(identifier)] = (stop, population, radius)
            # Why the circles are not met (rules, formation, density), as evaluate_life_circle's log says it.
            why = LifeCirclesNotMet(standard, language)
            statuses = {}
            for identifier, rule_id, status in table_rows(database, "life_circle_rules", [
                    F.COMMUNITY_ID_ROW.name, F.RULE_ID.name, F.STATUS.name]):
                statuses.setdefault(str(identifier), []).append((rule_id, status))
            for identifier, (stop, population, radius) in stopped.items():
                why.add(stop, population, radius, statuses.get(identifier, []))
            circles_not_met = why.lines(len(circles))
        layer_name, count, crs = assessment.communities_input
        inputs = [(self.tr("Communities"), self.tr("{} — {} features, {}").format(layer_name, count, crs),
                   source_date(self.parameterAsVectorLayer(parameters, self.COMMUNITIES, context))),
                  (self.tr("Measured in"), assessment.measured_in, "")]
        estimated = self._estimated_population(parameters, context)
        if estimated:
            note = self.tr("{} of {} communities have an ESTIMATED population ({}: {}), not a counted one: {}").format(
                len(estimated), count, F.CC_POPULATION_SOURCE.name, ", ".join(sorted(set(estimated.values()))),
                ", ".join(sorted(estimated)))
            inputs.append((self.tr("Population"), note, ""))
            warnings = list(warnings) + [note]
        for parameter, label in ((self.FACILITIES, self.tr("Facilities")), (self.FACILITY_AREAS, self.tr(
                "Facility areas")), (self.NETWORK, self.tr("Road network")), (self.ORIGINS, self.tr("Origins")),
                                 (self.LIFE_CIRCLES, self.tr("Life circles"))):
            if parameters.get(parameter):
                source = self.parameterAsSource(parameters, parameter, context)
                inputs.append((label, self.tr("{} — {} features, {}").format(
                    self.input_layer_name(parameters, parameter, context), source.featureCount(),
                    source.sourceCrs().authid()), source_date(self.parameterAsVectorLayer(parameters, parameter,
                                                                                           context))))
        return ReportData(
            title=self.tr("Complete community assessment report"), date=datetime.date.today().isoformat(),
            standard_name=standard.name.get(language), standard_files=[os.path.basename(f) for f in standard.files],
            items=items, categories=limits, communities=community_rows, rules=rule_rows,
            failed_required=failed_required, walking=walking_rows,
            walking_method=assessment.walking_method, life_circles=circles, life_circle_summary=circles_not_met, inputs=inputs,
            problems=warnings,
            language="zh" if language.startswith("zh") else "en", map_png=map_png, outputs=files,
            standard_id=standard.id, standard_version=standard.version, standard_hash=standard.content_hash,
            organisation=self.parameterAsString(parameters, self.ORGANISATION, context).strip(), area_name=area_name,
            guidance={item.code: item.guidance.get(language) for item in standard.items if item.guidance},
            scheme=read_scheme(self, parameters, context, standard, communities, [code for code, _name in items],
                               language))

    def _estimated_population(self, parameters, context):
        """{community name: how it was estimated} for communities whose population estimate_population filled in
        (its cc_population_source field), so the report never passes an estimate off as a count."""
        source = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        index = source.fields().lookupField(F.CC_POPULATION_SOURCE.name) if source is not None else -1
        if index < 0:
            return {}
        name_field = self.parameterAsString(parameters, self.COMMUNITY_NAME_FIELD, context)
        name_index = source.fields().lookupField(name_field) if name_field else -1
        estimated = {}
        for feature in source.getFeatures():
            value = feature.attribute(index)
            if not is_missing(value) and str(value) != F.POPULATION_SOURCE_SURVEYED:
                name = feature.attribute(name_index) if name_index >= 0 else None
                estimated[str(name) if not is_missing(name) else str(feature.id())] = str(value)
        return estimated


def community_categories(standard):
    """The categories of the community walking rules, comma separated: service areas by default (the
    life-circle categories' longer limits cover most of a city's streets; ask for them by name)."""
    return ",".join(code for code, limit in category_limits(standard).items()
                    if limit.scope == "community" and limit.limit_m is not None)


def source_date(layer):
    """The date a file-based layer was last written (YYYY-MM-DD), '' when it is not a file."""
    if layer is None:
        return ""
    path = layer.source().split("|")[0]
    if not os.path.isfile(path):
        return ""
    return datetime.date.fromtimestamp(os.path.getmtime(path)).isoformat()


def table_rows(database, table, names, where="", arguments=(), distinct=False):
    """The values of the named columns of each row of a GeoPackage table or view, in feature id order, as tuples;
    FEATURE_ID gives the feature id, a name that is empty or not a column None. `where`: an SQL condition with ?
    for `arguments`. `distinct`: each combination of values once, where it first occurs."""
    columns = {row[1].lower() for row in database.execute("PRAGMA table_info({})".format(_quoted(table)))}
    # OGR's feature id: the fid column (a view's too: a view has no rowid), else the table's rowid.
    key = _quoted("fid") if "fid" in columns else "rowid"
    selected = ", ".join(key if name == FEATURE_ID else _quoted(name) if name and name.lower() in columns else "NULL"
                         for name in names)
    sql = "SELECT {} FROM {}{}".format(selected, _quoted(table), " WHERE " + where if where else "")
    if distinct:
        sql += " GROUP BY {} ORDER BY MIN({})".format(", ".join(str(position + 1) for position in range(len(names))),
                                                      key)
    else:
        sql += " ORDER BY {}".format(key)
    return database.execute(sql, arguments)
