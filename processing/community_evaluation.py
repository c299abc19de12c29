"""The shared shape of the community evaluations: parameters, reading, the engine, the outputs.

A subclass says which rules it evaluates (`rules_to_evaluate`), which parameters it offers
(`initAlgorithm` from the `add_*_parameters` helpers) and which field colours its map
(`colour_field`); reading layers, fields, the rules table and styling are the same for all.
"""

import datetime
import os
from dataclasses import dataclass, field as dataclass_field

from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsGeometry, QgsProcessing,
                       QgsProcessingException,
                       QgsProcessingParameterDistance, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMatrix, QgsWkbTypes)
from .. import styles
from ..core import output_fields as F
from ..standards import measure_kinds
from ..core.categories import category_codes
from ..core.network import SearchCancelled
from ..core.describe import guide_table_order
from ..core.engine import RuleEngine, scope_text
from ..core.status import STATUSES, status_label
from ..core.values import is_null
from ..i18n import current_language
from ..report.html_report import ASSESSED_COMMUNITIES, CommunityRow, ReportData, RuleRow
from ..report.workbook import write_workbook
from ..styles import style_output
from ..styles.compliance import apply_community_style, apply_rules_table_style, apply_unassigned_style
from .base_algorithm import CompleteCommunityAlgorithm, extend_fields, extended_feature, make_fields, qt_value
from .inputs.bulk_read import source_layer
from .output_safety import tables_closed_quietly
from .inputs.communities import CommunityReader
from .inputs.facilities import FacilityReader
from .inputs.fields import match_fields
from . import shared_run
from .planned_facilities import PlannedFacilities

COMMUNITY_TYPES = ("new", "existing")


def summary_fields(prefix):
    """[(name, kind)] of the item summary under `prefix` (core/output_fields.VERDICTS): cc_items_met, …,
    cc_score, cc_status, cc_missing, cc_advice, cc_scope."""
    return [(field.name, field.kind) for field in F.VERDICTS[prefix].summary]


def summary_values(evaluation, standard, scope, language):
    """The values of `summary_fields` for one evaluation; `scope` is the scope text of the run."""
    return [evaluation.items_met, evaluation.items_failed, evaluation.items_no_data, evaluation.items_applicable,
            evaluation.cc_score, evaluation.cc_status, evaluation.missing_text(standard, language),
            evaluation.advice_text(standard, language), scope]


def standard_fields():
    """[(name, kind)] of the standard that produced a result: id, name, version, content hash, file."""
    return [(field.name, field.kind) for field in F.STANDARD_FIELDS]


def standard_values(standard, language):
    """The values of `standard_fields`."""
    return [standard.id, standard.name.get(language), standard.version, standard.content_hash,
            standard.files[-1] if standard.files else ""]


def attributes_read_by(rules):
    """The community attribute codes that these rules read (measures, proportional thresholds, conditions)."""
    return measure_kinds.community_attributes_read(rules)


@dataclass(frozen=True)
class EvaluationPlan:
    """Step 1 of the run: what it evaluates, in which language, and which field colours its map."""

    standard: object
    language: str
    rules: tuple
    items: list         # the standard's items with a rule evaluated here, in the standard's order
    colour_field: str
    scope: str          # the items covered, as <prefix>_scope says


@dataclass
class CommunityInputs:
    """Step 2: the communities read into records in the working CRS, and their facilities."""

    source: object      # the communities' feature source
    field_map: dict     # 'id'/'name'/'type' and attribute code → field name
    reader: object      # the CommunityReader: working CRS, its transform, the problems found
    communities: list   # [(fid, geometry in metres or None, CommunityRecord)], without their facilities
    facilities: object  # a FacilityReader, or None without facility layers

    @property
    def planned(self):
        return self.facilities is not None and self.facilities.has_planned

    def with_facilities(self):
        return self.communities if self.facilities is None else self.facilities.communities_with_facilities()


@dataclass
class PlannedComparison:
    """Step 3a, with planned facilities: each community's evaluation without them, and how many count for it."""

    before: list
    planned_counts: list


@dataclass
class CompletedRecords:
    """Step 3 (each algorithm's own `complete_records`): the records the engine evaluates, the fields the
    algorithm writes after the summary with their values per community, and what its further outputs need."""

    communities: list
    extra_fields: list = dataclass_field(default_factory=list)   # [(name, kind of core/output_fields)]
    extra_values: list = dataclass_field(default_factory=list)   # per community in reading order: values of extra_fields
    details: object = None

    def values_at(self, position):
        return self.extra_values[position] if self.extra_values else []


@dataclass
class WrittenCommunities:
    """Step 4: the communities written; the run's results and the styles of its outputs."""

    results: dict          # output parameter → destination
    counts: dict           # colour field value → number of communities (the legend's counts)
    styled_outputs: list   # [(destination, style function, style name)] for postProcessAlgorithm
    rule_rows: object = None  # the RuleRows that numbered the rule rows (assess writes their reasons once)


@dataclass
class EvaluationRun:
    plan: EvaluationPlan
    inputs: CommunityInputs
    completed: CompletedRecords
    written: WrittenCommunities


class RuleRows:
    """Rows of a rules table, whose columns come in this order: the community's (id, name), the rule's own (any of
    RULE_DESCRIPTION_FIELDS: number, id, item, names, clause, level), the result's, and with planned facilities
    the status before. The community's and the rule's columns are made once per community and once per rule, as
    Qt values: a city writes 10⁵ rows, and each Python text would be converted again on every row."""

    COMMUNITY_COLUMNS = (F.COMMUNITY_ID_ROW, F.COMMUNITY_NAME_ROW)
    RESULT_COLUMNS = (F.MEASURED_VALUE, F.THRESHOLD_MIN, F.THRESHOLD_MAX, F.UNIT, F.STATUS, F.REASON, F.OPTION_ID)

    def __init__(self, table_fields, standard, language):
        self.fields = make_fields(table_fields)
        self.planned = F.STATUS_BEFORE in table_fields
        self._standard, self._language = standard, language
        self._numbers = {rule.id: number for number, rule in enumerate(standard.rules, start=1)}
        self._rule_fields = tuple(field for field in table_fields if field in F.RULE_DESCRIPTION_FIELDS)
        # assess's community_rule_results holds each reason's number instead of its text (rule_reasons).
        self._numbered_reasons = F.REASON_NUMBER in table_fields
        result_columns = tuple(F.REASON_NUMBER if field is F.REASON and self._numbered_reasons else field
                               for field in self.RESULT_COLUMNS)
        layout = self.COMMUNITY_COLUMNS + self._rule_fields + result_columns + (
            (F.STATUS_BEFORE,) if self.planned else ())
        if tuple(table_fields) != layout:
            raise ValueError("rules table columns {} are not in the order RuleRows writes".format(
                [field.name for field in table_fields]))
        self._rules, self._heads, self._texts = {}, {}, {}
        self.reasons = {}  # reason → its number (1, 2, … in the order met), with REASON_NUMBER

    def rule_number(self, rule_id):
        """The rule's position in the standard (1, 2, …): rule_number of assess's rule tables."""
        return self._numbers.get(rule_id)

    def rule_columns(self, rule_id):
        """[item, item name, rule id, rule name, clause, level] of one rule."""
        columns = self._rules.get(rule_id)
        if columns is None:
            rule = self._standard.rule(rule_id)
            item = self._standard.item(rule.item)
            columns = self._rules[rule_id] = [item.code, item.name.get(self._language), rule.id,
                                              rule.name.get(self._language), rule.clause, rule.level]
        return columns

    def _head(self, rule_id):
        """The rule's own columns of this table, as Qt values."""
        head = self._heads.get(rule_id)
        if head is None:
            item, item_name, rule, rule_name, clause, level = self.rule_columns(rule_id)
            value_of = {F.RULE_NUMBER: self.rule_number(rule_id), F.RULE_ID: rule, F.ITEM: item,
                        F.ITEM_NAME: item_name, F.RULE_NAME: rule_name, F.CLAUSE: clause, F.LEVEL: level}
            head = self._heads[rule_id] = [qt_value(value_of[field]) for field in self._rule_fields]
        return head

    def _text(self, text):
        """A text of few values (a unit, a status) as a Qt value, converted once."""
        value = self._texts.get(text)
        if value is None:
            value = self._texts[text] = qt_value(text)
        return value

    def rows(self, record, results, status_before=None):
        """QgsFeatures of one community's `results`; `status_before`: rule id → status without planned
        facilities (with them only)."""
        identity = [qt_value(str(record.id)), qt_value(record.name)]
        fields, text = self.fields, self._text
        rows = []
        reasons, numbered = self.reasons, self._numbered_reasons
        for result in results:
            reason = result.reason
            if numbered and reason is not None:
                reason = reasons.setdefault(reason, len(reasons) + 1)
            values = identity + self._head(result.rule_id) + [
                result.measured, result.threshold_min, result.threshold_max, text(result.unit), text(result.status),
                reason, result.option_id]
            if self.planned:
                values.append(text(status_before.get(result.rule_id)) if status_before else None)
            row = QgsFeature(fields)
            row.setAttributes(values)
            rows.append(row)
        return rows


class CommunityLayer:
    """The main output (OUTPUT) as step 4 writes it: the input communities with the evaluation's fields after
    theirs. The fields it adds and the values of one community are declared together, part by part in the
    order they are written (identity, items and rules, the verdict, the algorithm's own, the standard, planned
    facilities); evaluate_life_circle's LifeCircleLayer writes a polygon per life circle from the same parts."""

    def __init__(self, plan, inputs, completed, comparison, prefix, writes_items):
        self.plan, self.inputs, self.completed, self.comparison = plan, inputs, completed, comparison
        self.prefix = prefix                # the verdict written (core/output_fields.VERDICTS)
        self.writes_items = writes_items    # <item>_status and each rule's measured value
        self.crs = inputs.reader.crs.authid()
        self.standard_columns = standard_values(plan.standard, plan.language)
        self.additions = (self.identity_fields() + self.item_fields() + summary_fields(prefix)
                          + completed.extra_fields + self.standard_fields() + self.planned_fields())
        self.fields, self._indexes = self.layer_fields()
        self.wkb_type = self.geometry_type()
        self._features = None

    def layer_fields(self):
        """(QgsFields of the layer, indexes of the additions in them): the input's fields, then the additions."""
        return extend_fields(self.inputs.source.fields(), self.additions)

    def geometry_type(self):
        return self.inputs.source.wkbType()

    def identity_fields(self):
        # The id and name the rules table uses, whatever the input fields are called: for joins.
        return [(F.COMMUNITY_ID.name, F.TEXT), (F.COMMUNITY_NAME.name, F.TEXT)]

    def identity_values(self, position, record):
        return [str(record.id), record.name]

    def item_fields(self):
        if not self.writes_items:
            return []
        return ([(F.ITEM_STATUS.name_for(item.code), F.ITEM_STATUS.kind) for item in self.plan.items]
                + [(F.MEASURED.name_for(rule.id), F.MEASURED.kind) for rule in self.plan.rules])

    def item_values(self, evaluation):
        if not self.writes_items:
            return []
        measured = {result.rule_id: result.measured for result in evaluation.results}
        return ([evaluation.item_status.get(item.code) for item in self.plan.items]
                + [measured[rule.id] for rule in self.plan.rules])

    def standard_fields(self):
        """The standard that produced the result, then the CRS distances were measured in."""
        return standard_fields() + [(F.WORKING_CRS.name, F.WORKING_CRS.kind)]

    def standard_values(self):
        return self.standard_columns + [self.crs]

    def planned_fields(self):
        """With planned facilities: the verdicts without them, and how many count for the community."""
        if self.comparison is None:
            return []
        additions = []
        if self.writes_items:
            additions += [(F.ITEM_STATUS_BEFORE.name_for(item.code), F.ITEM_STATUS_BEFORE.kind)
                          for item in self.plan.items]
        if self.prefix in F.VERDICTS_BEFORE:
            additions += [(field.name, field.kind) for field in F.VERDICTS_BEFORE[self.prefix]]
        return additions + [(F.PLANNED_COUNT.name, F.PLANNED_COUNT.kind)]

    def planned_values(self, position):
        if self.comparison is None:
            return []
        earlier = self.comparison.before[position]
        values = []
        if self.writes_items:
            values += [earlier.item_status.get(item.code) for item in self.plan.items]
        if self.prefix in F.VERDICTS_BEFORE:
            values += [earlier.cc_score, earlier.cc_status]
        return values + [self.comparison.planned_counts[position]]

    def values(self, position, record, evaluation):
        """The values of `additions` for the community at `position` (reading order) and its evaluation."""
        plan = self.plan
        return (self.identity_values(position, record) + self.item_values(evaluation)
                + summary_values(evaluation, plan.standard, plan.scope, plan.language)
                + self.completed.values_at(position) + self.standard_values() + self.planned_values(position))

    def feature(self, position, fid, values):
        """The feature written for the community at `position`: its input feature `fid` with `values` added."""
        if self._features is None:
            self._features = {feature.id(): feature for feature in self.inputs.source.getFeatures()}
        return extended_feature(self._features[fid], self.fields, self._indexes, values)

    def written(self, position, record, evaluation):
        """Called once each community is written (a layer that sums up its features gathers them here)."""

    def style(self, counts):
        """(style function, style name) of the written layer, its legend counting `counts`."""
        name_field = self.inputs.field_map.get("name") or None
        colour_field = self.plan.colour_field
        return (lambda layer: apply_community_style(layer, colour_field, name_field, counts),
                styles.STYLE_PREFIX + colour_field)


class CommunityEvaluationAlgorithm(PlannedFacilities, CompleteCommunityAlgorithm):
    ASSESSED = ASSESSED_COMMUNITIES  # what its rows are, in its workbook's words
    COMMUNITIES = "COMMUNITIES"
    COMMUNITY_ID_FIELD = "COMMUNITY_ID_FIELD"
    COMMUNITY_NAME_FIELD = "COMMUNITY_NAME_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    DEFAULT_TYPE = "DEFAULT_TYPE"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    FACILITY_AREAS = "FACILITY_AREAS"
    AREA_CATEGORY_FIELD = "AREA_CATEGORY_FIELD"
    FACILITY_TOLERANCE = "FACILITY_TOLERANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_RULES = "OUTPUT_RULES"
    OUTPUT_UNASSIGNED = "OUTPUT_UNASSIGNED"
    OUTPUT_XLSX = "OUTPUT_XLSX"

    GROUP = "evaluation"
    # The status field that colours the output layer unless `colour_field` decides otherwise.
    COLOUR_FIELD = F.CC_STATUS.name
    # Which verdict of core/output_fields.VERDICTS the item summary is written under (<prefix>_items_met …
    # _score, _status, _advice, _scope): `cc` is the complete-community verdict over the items evaluated here.
    COMPLIANCE_PREFIX = "cc"
    # Whether <item>_status and the measured value of each rule are written on the community layer.
    WRITES_ITEM_FIELDS = True
    # What this algorithm can measure (standards/measure_kinds.NEEDS): it evaluates the rules whose every
    # measure needs only these.
    MEASURE_INPUTS = (measure_kinds.ATTRIBUTES, measure_kinds.GEOMETRY, measure_kinds.FACILITIES)
    # Whether the communities and facilities this run reads are lent to a later step of the same shared run
    # (processing/shared_run.py): assess lends them to its life-circle step.
    LENDS_INPUTS = False
    # Community attribute code → the parameter that names its field (the rest are matched by name).
    COMMUNITY_ATTRIBUTE_PARAMETERS = {"population": POPULATION_FIELD, "households": HOUSEHOLDS_FIELD}
    # Facility attribute code → the parameter that names its field (the rest are matched by name).
    FACILITY_ATTRIBUTE_PARAMETERS = {}

    # -- parameters ---------------------------------------------------------------------------------

    def add_community_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, self.tr("Residential communities"), [QgsProcessing.TypeVectorPolygon]))
        for name, label, kind, optional in (
                (self.COMMUNITY_ID_FIELD, self.tr("Community id field"), QgsProcessingParameterField.Any, True),
                (self.COMMUNITY_NAME_FIELD, self.tr("Community name field"), QgsProcessingParameterField.Any, True),
                (self.POPULATION_FIELD, self.tr("Resident population field"), QgsProcessingParameterField.Numeric,
                 False),
                (self.HOUSEHOLDS_FIELD, self.tr("Households field"), QgsProcessingParameterField.Numeric, True),
                (self.TYPE_FIELD, self.tr("Community type field (新建/既有 or new/existing)"),
                 QgsProcessingParameterField.Any, True)):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.COMMUNITIES,
                                                          type=kind, optional=optional))
        self.addParameter(QgsProcessingParameterEnum(
            self.DEFAULT_TYPE, self.tr("Community type where the type field is absent or empty"),
            options=[self.tr("new (新建)"), self.tr("existing (既有)")], defaultValue=1))

    def add_field_parameters(self, parent, parameters):
        """Optional numeric field parameters: [(parameter name, label)] on the layer `parent`."""
        for name, label in parameters:
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=parent,
                                                          type=QgsProcessingParameterField.Numeric, optional=True))

    def add_facility_parameters(self, label, optional, with_areas_layer=False, with_tolerance=True):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, label, [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
            optional=optional))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Facility category field"), parentLayerParameterName=self.FACILITIES,
            optional=optional))
        if with_areas_layer:
            self.addParameter(QgsProcessingParameterFeatureSource(
                self.FACILITY_AREAS, self.tr("Facility areas (polygons: parks, grounds, courts), optional"),
                [QgsProcessing.TypeVectorPolygon], optional=True))
            self.addParameter(QgsProcessingParameterField(
                self.AREA_CATEGORY_FIELD, self.tr("Category field of the facility areas"),
                parentLayerParameterName=self.FACILITY_AREAS, optional=True))
        if with_tolerance:
            self.addParameter(QgsProcessingParameterDistance(
                self.FACILITY_TOLERANCE, self.tr("Count facilities up to this distance outside a community (m)"),
                defaultValue=0.0, minValue=0.0, parentParameterName=self.COMMUNITIES))

    def add_attribute_fields_parameter(self, name):
        self.addParameter(QgsProcessingParameterMatrix(
            name, self.tr("Other community attributes: attribute code → field (unlisted ones are matched by name)"),
            numberRows=1, hasFixedNumberRows=False, headers=[self.tr("Attribute code"), self.tr("Field")],
            optional=True))

    def add_output_parameters(self, unassigned=False, workbook=True):
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Evaluated communities"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_RULES, self.tr("Results per rule"),
                                                            QgsProcessing.TypeVector, optional=True,
                                                            createByDefault=True))
        if unassigned:
            self.addParameter(QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNASSIGNED, self.tr("Facilities not counted for any community"),
                QgsProcessing.TypeVectorPoint, optional=True, createByDefault=False))
        if workbook:
            self.add_workbook_parameter()

    def add_workbook_parameter(self):
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, self.tr("Workbook (Excel)"), self.tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))

    # -- what subclasses decide ------------------------------------------------------------------------

    def rules_to_evaluate(self, standard, parameters, context):
        raise NotImplementedError

    def measurable(self, rule, inputs=None):
        """Whether this algorithm can measure every part of `rule` (with `inputs`, default MEASURE_INPUTS)."""
        return measure_kinds.measured_with(rule, self.MEASURE_INPUTS if inputs is None else inputs)

    def colour_field(self, parameters, context, standard):
        return self.COLOUR_FIELD

    def complete_records(self, parameters, context, feedback, plan, inputs, communities, facilities):
        """Step 3, the algorithm's own: `communities` (with `facilities`, a FacilityReader or None) completed with
        whatever else the rules need (e.g. walking distances), as CompletedRecords. Called a second time with
        the existing facilities only when planned ones were given."""
        return CompletedRecords(communities)

    def write_extra_outputs(self, parameters, context, feedback, plan, inputs, completed):
        """Step 6, the algorithm's own: further outputs once the communities are written, from
        `completed.details`; returns ({output: destination}, [(destination, style function, style name)])."""
        return {}, []

    def extra_outputs_share(self, parameters):
        """The share (0–1) of the writing's progress bar that write_extra_outputs takes after the communities."""
        return 0.0

    def matrix_attribute_fields(self, parameters, context, standard):
        """Community attribute code → field from a matrix parameter; none by default."""
        return {}

    # -- reading ------------------------------------------------------------------------------------

    def _text_fields(self, parameters, context):
        return {key: self.parameterAsString(parameters, name, context) for key, name in (
            ("id", self.COMMUNITY_ID_FIELD), ("name", self.COMMUNITY_NAME_FIELD), ("type", self.TYPE_FIELD))}

    def community_field_map(self, parameters, context, standard, source, layer_name, rules, feedback):
        """{'id'/'name'/'type' and attribute code: field name}: chosen fields, then fields named like the
        attribute; the attributes the rules need but no field holds are reported (their rules get no_data)."""
        chosen = {code: self.parameterAsString(parameters, name, context)
                  for code, name in self.COMMUNITY_ATTRIBUTE_PARAMETERS.items() if name in parameters}
        chosen.update(self.matrix_attribute_fields(parameters, context, standard))
        for code, field in chosen.items():
            if field and source.fields().lookupField(field) < 0:
                raise QgsProcessingException(self.tr("The community layer {} has no field '{}' (for {}).").format(
                    layer_name, field, code))
        needed = attributes_read_by(rules)
        attributes = [attribute for attribute in standard.community_attributes if attribute.code in needed]
        matched = match_fields(attributes, source.fields(), chosen)
        language = current_language()
        automatic = ["{} ← {}".format(code, field) for code, field in matched.items() if not chosen.get(code)]
        if automatic:
            feedback.pushInfo(self.tr("Community attributes read from fields of the same name: {}").format(
                ", ".join(automatic)))
        absent = [attribute for attribute in attributes if attribute.code not in matched]
        if absent:
            feedback.pushWarning(self.tr(
                "Layer {}: no field for {}; the rules that need them get no_data. Name a field after the attribute "
                "code or map it in the parameters.").format(layer_name, ", ".join(
                    "{} ({})".format(attribute.name.get(language), attribute.code) for attribute in absent)))
        for code in ("population", "households"):  # always read when chosen: their plausibility is checked
            if chosen.get(code):
                matched.setdefault(code, chosen[code])
        return dict(self._text_fields(parameters, context), **matched)

    def facility_field_map(self, parameters, context, standard, source, layer_name, strict):
        """Facility attribute code → field of `source`: chosen fields (by their names, so the same choice
        serves a second layer with the same fields), then fields named like the attribute. `strict`: a chosen
        field missing from the layer stops the run (the facilities layer itself, not the second one)."""
        chosen = {}
        for code, name in self.FACILITY_ATTRIBUTE_PARAMETERS.items():
            field = self.parameterAsString(parameters, name, context)
            if field and source.fields().lookupField(field) >= 0:
                chosen[code] = field
            elif field and strict:
                raise QgsProcessingException(self.tr("The facility layer {} has no field '{}' (for {}).").format(
                    layer_name, field, code))
        return match_fields(standard.facility_attributes, source.fields(), chosen)

    def read_facilities(self, parameters, context, feedback, standard, communities, reader):
        """A FacilityReader holding the facilities of FACILITIES (and FACILITY_AREAS), or None if none given."""
        source = self.parameterAsSource(parameters, self.FACILITIES, context)
        if source is None:
            return None
        tolerance = (self.parameterAsDouble(parameters, self.FACILITY_TOLERANCE, context)
                     if self.parameterDefinition(self.FACILITY_TOLERANCE) is not None else 0.0)
        mapping = (self.read_category_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context), standard)
                   if self.MAPPING_TABLE in parameters else None)
        facilities = FacilityReader(standard, communities, reader.crs, tolerance, context, feedback, reader.problems,
                                    mapping)
        layers = [(source, self.FACILITIES, self.CATEGORY_FIELD)]
        if self.FACILITY_AREAS in parameters:
            areas = self.parameterAsSource(parameters, self.FACILITY_AREAS, context)
            if areas is not None:
                layers.append((areas, self.FACILITY_AREAS, self.AREA_CATEGORY_FIELD))
        for layer, layer_parameter, category_parameter in layers:
            layer_name = self.input_layer_name(parameters, layer_parameter, context)
            category_field = self.parameterAsString(parameters, category_parameter, context)
            if not category_field:
                raise QgsProcessingException(self.tr(
                    "Facilities were given without a category field: choose the field of {} that holds the "
                    "facility type.").format(layer_name))
            if layer.fields().lookupField(category_field) < 0:
                raise QgsProcessingException(self.tr("The facility layer {} has no field '{}' (for {}).").format(
                    layer_name, category_field, category_parameter))
            field_map = self.facility_field_map(parameters, context, standard, layer, layer_name,
                                                strict=layer_parameter == self.FACILITIES)
            feedback.pushInfo(self.tr("Layer {}: facility attributes from {}").format(layer_name, ", ".join(
                "{} ← {}".format(code, field) for code, field in field_map.items()) or "–"))
            facilities.read(layer, layer_name, category_field, field_map,
                            source_layer(self, parameters, layer_parameter, context))
        self.read_proposed(parameters, context, feedback, standard, facilities)
        summary = facilities.summary()
        if summary.get("outside"):
            feedback.pushInfo(self.tr("{} recognised facilities lie in no community (not counted).").format(
                summary["outside"]))
        return facilities

    def proposed_field_map(self, parameters, context, standard, proposed, name):
        return self.facility_field_map(parameters, context, standard, proposed, name, strict=False)

    # -- the run: plan → read → (before) → complete → write, each step's result an object ---------------

    def read_communities(self, parameters, context, feedback, standard, rules):
        """(source, field map, reader, [(fid, geometry in metres, CommunityRecord)]) of COMMUNITIES: one record
        per feature; only an unreadable or empty layer stops the run."""
        source = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMMUNITIES))
        layer_name = self.input_layer_name(parameters, self.COMMUNITIES, context)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The community layer {} has no features.").format(layer_name))
        default_type = COMMUNITY_TYPES[self.parameterAsEnum(parameters, self.DEFAULT_TYPE, context)]
        field_map = self.community_field_map(parameters, context, standard, source, layer_name, rules, feedback)
        reader = CommunityReader(standard, source, layer_name, field_map, default_type, context, feedback)
        feedback.pushInfo(self.tr("Areas and distances are measured in {} ({}).").format(
            reader.crs.authid(), reader.crs.description()))
        return source, field_map, reader, reader.read()

    def plan_evaluation(self, parameters, context, feedback):
        """Step 1: the standard, the rules this algorithm evaluates and the field its map is coloured by."""
        standard = self.load_standard_parameter(parameters, context, feedback)
        rules = self.rules_to_evaluate(standard, parameters, context)
        items = [item for item in standard.items if any(rule.item == item.code for rule in rules)]
        return EvaluationPlan(standard, current_language(), rules, items,
                              self.colour_field(parameters, context, standard),
                              scope_text(standard, [item.code for item in items]))

    def read_inputs(self, parameters, context, feedback, plan):
        """Step 2: the communities and their facilities (None without a facility layer). Inside assess the inputs
        its own evaluation read are lent to its life-circle step (`borrowed_inputs`): read once per run."""
        key = self.reading_key(parameters, context, plan)
        borrowed = self.borrowed_inputs(parameters, context, feedback, plan, key)
        if borrowed is not None:
            return borrowed
        source, field_map, reader, communities = self.read_communities(parameters, context, feedback, plan.standard,
                                                                       plan.rules)
        facilities = self.read_facilities(parameters, context, feedback, plan.standard, communities, reader)
        inputs = CommunityInputs(source, field_map, reader, communities, facilities)
        if self.LENDS_INPUTS and key is not None:
            shared_run.lend("community inputs", key, inputs)
        return inputs

    def reading_key(self, parameters, context, plan):
        """What the communities and facilities read depend on besides the attributes (the layers, their category
        and type fields, the mapping table, planned facilities, the tolerance, the standard), or None when a
        layer is given as something other than a layer or its source text (it is then never lent)."""
        layers = shared_run.layers_key(parameters, (
            self.COMMUNITIES, self.FACILITIES, self.CATEGORY_FIELD, self.FACILITY_AREAS, self.AREA_CATEGORY_FIELD,
            self.MAPPING_TABLE, self.PROPOSED_FACILITIES, self.PROPOSED_CATEGORY_FIELD))
        if layers is None:
            return None
        return (plan.standard.id, plan.standard.content_hash,
                self.parameterAsEnum(parameters, self.DEFAULT_TYPE, context),
                self.parameterAsDouble(parameters, self.FACILITY_TOLERANCE, context)
                if self.parameterDefinition(self.FACILITY_TOLERANCE) is not None else 0.0) + layers

    def borrowed_inputs(self, parameters, context, feedback, plan, key):
        """The inputs assess's evaluation read and lent, when they hold everything this run would read: the same
        layers (`key`), every community attribute this run reads from the same field, and no facility attribute
        read by these rules (the lender may have read them from other fields). None otherwise."""
        lent = shared_run.borrow("community inputs", key) if key is not None else None
        if lent is None or measure_kinds.facility_attributes_read(plan.rules):
            return None
        layer_name = self.input_layer_name(parameters, self.COMMUNITIES, context)
        field_map = self.community_field_map(parameters, context, plan.standard, lent.source, layer_name, plan.rules,
                                             feedback)
        if any(lent.field_map.get(code) != field for code, field in field_map.items()):
            return None
        return lent

    def evaluate_without_planned(self, parameters, context, feedback, plan, inputs):
        """Step 3a, with planned facilities only: the verdicts without them, for the before → after comparison."""
        if not inputs.planned:
            return None
        existing = inputs.facilities.existing_only()
        completed = self.complete_records(parameters, context, feedback, plan, inputs,
                                          existing.communities_with_facilities(), existing)
        engine = RuleEngine(plan.standard, plan.language)
        return PlannedComparison(
            [engine.evaluate(record, plan.rules) for _fid, _geometry, record in completed.communities],
            inputs.facilities.planned_counts())

    def run_evaluation(self, parameters, context, feedback):
        """The whole run as its steps; an EvaluationRun (assess reads the working CRS and walking method there)."""
        plan = self.plan_evaluation(parameters, context, feedback)
        inputs = self.read_inputs(parameters, context, feedback, plan)
        comparison = self.evaluate_without_planned(parameters, context, feedback, plan, inputs)
        completed = self.complete_records(parameters, context, feedback, plan, inputs, inputs.with_facilities(),
                                          inputs.facilities)
        inputs.reader.problems.report(feedback)
        written = self.write_communities(parameters, context, feedback, plan, inputs, completed, comparison)
        if inputs.facilities is not None and self.OUTPUT_UNASSIGNED in parameters:
            unassigned_dest = self._write_unassigned(parameters, context, plan.standard, inputs.facilities,
                                                     inputs.reader, inputs.source, plan.language)
            if unassigned_dest:
                written.results[self.OUTPUT_UNASSIGNED] = unassigned_dest
                written.styled_outputs.append((unassigned_dest, apply_unassigned_style, styles.STYLE_UNASSIGNED))
        results, styled = self.write_extra_outputs(parameters, context, feedback, plan, inputs, completed)
        written.results.update(results)
        written.styled_outputs += styled
        return EvaluationRun(plan, inputs, completed, written)

    def processAlgorithm(self, parameters, context, feedback):
        run = self.run_evaluation(parameters, context, feedback)
        self.styled_outputs = run.written.styled_outputs  # for postProcessAlgorithm, of this run's own instance
        return run.written.results

    def output_layer(self, plan, inputs, completed, comparison):
        """The main output's fields, values and features (step 4): the input communities with the evaluation's
        fields after theirs."""
        return CommunityLayer(plan, inputs, completed, comparison, self.COMPLIANCE_PREFIX, self.WRITES_ITEM_FIELDS)

    def writing_text(self):
        """The progress text of step 4 (None: the step says nothing of its own)."""
        return self.tr("Evaluating the rules and writing the communities…")

    def tally_text(self):
        """The log line counting the written features by colour field: '… by {field}: {counts}'."""
        return self.tr("Communities by {}: {}")

    def rule_table_fields(self, planned):
        """The fields of OUTPUT_RULES: the whole row of every community and rule."""
        return F.RULE_TABLE_FIELDS_PLANNED if planned else F.RULE_TABLE_FIELDS

    def write_communities(self, parameters, context, feedback, plan, inputs, completed, comparison):
        """Step 4: each community evaluated and written with its verdicts, its rules into the rules table (and
        the workbook); the communities are evaluated one at a time, so no run holds every rule result."""
        text = self.writing_text()
        if text:
            feedback.setProgressText(text)
        standard, language, items, rules = plan.standard, plan.language, plan.items, plan.rules
        planned = comparison is not None
        layer = self.output_layer(plan, inputs, completed, comparison)
        addition_names = [name for name, _kind in layer.additions]
        if plan.colour_field not in addition_names:
            raise QgsProcessingException(self.tr("Nothing to colour by: {} is not evaluated.").format(
                plan.colour_field))
        colour_index = addition_names.index(plan.colour_field)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, layer.fields, layer.wkb_type,
                                             inputs.source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # Returned for assess, which writes the reasons the rows numbered (rule_reasons) once they are all written.
        rule_rows = RuleRows(self.rule_table_fields(planned), standard, language)
        rules_sink, rules_dest = self.parameterAsSink(parameters, self.OUTPUT_RULES, context, rule_rows.fields,
                                                      QgsWkbTypes.NoGeometry)
        workbook_path = (self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
                         if self.parameterDefinition(self.OUTPUT_XLSX) is not None and parameters.get(self.OUTPUT_XLSX)
                         else "")
        workbook_rows, workbook_rules = [], []
        counts = {}
        communities = completed.communities
        # Writing takes the rest of the bar from wherever reading (and walking) left it: progress never goes back.
        written_from = max(40.0, feedback.progress())
        written_to = 100.0 - (100.0 - written_from) * self.extra_outputs_share(parameters)
        engine = RuleEngine(standard, language)
        for current, (fid, _geometry, record) in enumerate(communities):
            if feedback.isCanceled():
                raise SearchCancelled()  # the guard's cancelled ending: nothing after this loop is written
            evaluation = engine.evaluate(record, rules)
            values = layer.values(current, record, evaluation)
            shown = values[colour_index]
            counts[shown] = counts.get(shown, 0) + 1
            sink.addFeature(layer.feature(current, fid, values), QgsFeatureSink.FastInsert)
            layer.written(current, record, evaluation)
            if workbook_path:
                self._workbook_rows(workbook_rows, workbook_rules, standard, record, evaluation, items, language)
            if rules_sink is not None:
                status_before = ({result.rule_id: result.status for result in comparison.before[current].results}
                                 if planned else None)
                rules_sink.addFeatures(rule_rows.rows(record, evaluation.results, status_before),
                                       QgsFeatureSink.FastInsert)
            feedback.setProgress(written_from + (written_to - written_from) * current / len(communities))

        feedback.pushInfo(self.tally_text().format(plan.colour_field, ", ".join(
            "{} {}".format(status_label(status) if status else "–", count) for status, count in sorted(
                counts.items(), key=lambda pair: STATUSES.index(pair[0]) if pair[0] in STATUSES else 9))))
        with tables_closed_quietly():
            del sink, rules_sink  # close the files: another table of the same GeoPackage may follow
        results = {self.OUTPUT: dest_id}
        if workbook_path and not feedback.isCanceled():
            self._write_workbook(workbook_path, parameters, context, standard, items, language, workbook_rows,
                                 workbook_rules)
            results[self.OUTPUT_XLSX] = workbook_path
        if rules_dest:
            results[self.OUTPUT_RULES] = rules_dest
        apply_style, style_name = layer.style(counts)
        styled = [(dest_id, apply_style, style_name), (rules_dest, apply_rules_table_style, styles.STYLE_RULES)]
        return WrittenCommunities(results, counts, styled, rule_rows)

    def postProcessAlgorithm(self, context, feedback):
        loaded = [dest_id for dest_id, _style, _name in self.styled_outputs
                  if dest_id and context.willLoadLayerOnCompletion(dest_id)]
        # Several layers loaded by one run go into one group named after the algorithm.
        run_name = self.displayName() if len(loaded) > 1 else None
        for dest_id, apply_style, style_name in self.styled_outputs:
            style_output(dest_id, context, feedback, apply_style, style_name, run_name,
                         getattr(self, "standard_used", None))
        return {}  # a non-empty map would replace the results of processAlgorithm

    def _workbook_rows(self, rows, rule_rows, standard, record, evaluation, items, language):
        population = record.attributes.get("population")
        rows.append(CommunityRow(
            str(record.id), record.name, record.community_type,
            population if isinstance(population, (int, float)) and not isinstance(population, bool) else None,
            evaluation.cc_score, evaluation.cc_status, evaluation.missing_text(standard, language),
            {item.code: evaluation.item_status.get(item.code) for item in items},
            items_met=evaluation.items_met, items_failed=evaluation.items_failed,
            items_no_data=evaluation.items_no_data, advice=evaluation.advice_text(standard, language)))
        for result in evaluation.results:
            rule = standard.rule(result.rule_id)
            rule_rows.append(RuleRow(str(record.id), result.item, rule.id, rule.name.get(language), rule.clause,
                                     rule.level, result.status, result.reason,
                                     note=rule.note.get(language) if rule.note is not None else "",
                                     measured=result.measured, threshold_min=result.threshold_min,
                                     threshold_max=result.threshold_max, unit=result.unit or ""))

    def _write_workbook(self, path, parameters, context, standard, items, language, rows, rule_rows):
        """The workbook of this evaluation (report/workbook.py): summary, shortfalls, community × item, rules."""
        evaluated = {item.code for item in items}
        data = ReportData(
            title=self.displayName(), date=datetime.date.today().isoformat(),
            standard_name=standard.name.get(language), standard_files=[os.path.basename(f) for f in standard.files],
            items=[(item.code, item.name.get(language)) for item in items], categories=[], communities=rows,
            rules=rule_rows, walking=[], walking_method="", life_circles=[],
            inputs=[(self.tr("Communities"), self.input_layer_name(parameters, self.COMMUNITIES, context))],
            problems=[], guidance={item.code: item.guidance.get(language) for item in items if item.guidance},
            assessed=self.ASSESSED)
        write_workbook(path, data, [code for code in guide_table_order(standard) if code in evaluated])

    def _write_unassigned(self, parameters, context, standard, facilities, reader, source, language):
        """Every facility that counts for no community, as a point in the communities' CRS, with the reason."""
        fields = make_fields(F.UNASSIGNED_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_UNASSIGNED, context, fields,
                                             QgsWkbTypes.Point, source.sourceCrs())
        if sink is None:
            return None
        reasons = dict(F.value_map(F.UNASSIGNED_REASON.values))
        back = reader.to_working
        for facility in facilities.unassigned:
            feature = QgsFeature(fields)
            if facility.point is not None:
                point = QgsGeometry(facility.point)
                point.transform(back, QgsCoordinateTransform.ReverseTransform)
                feature.setGeometry(point)
            name = "/".join(standard.category(code).name.get(language) for code in category_codes(
                facility.category)) or None  # 'a;b' for a facility of several categories
            label = None if is_null(facility.label) else str(facility.label)
            feature.setAttributes([facility.layer, str(facility.fid), label, facility.category, name,
                                   facility.reason, reasons[facility.reason]])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        del sink
        return dest_id
