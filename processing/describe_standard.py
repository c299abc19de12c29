"""标准条款表 — the loaded standard as tables: one row per rule, and the facility category catalogue."""

import os

from qgis.core import (QgsFeature, QgsFeatureSink, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink, QgsWkbTypes)
from ..core import output_fields as F
from ..core.describe import applies_to_label, level_label, requirement_text, unit_label
from ..i18n import current_language
from .base_algorithm import CompleteCommunityAlgorithm, make_fields
from .output_safety import tables_closed_quietly


class DescribeStandardAlgorithm(CompleteCommunityAlgorithm):
    OUTPUT = "OUTPUT"
    OUTPUT_CATEGORIES = "OUTPUT_CATEGORIES"
    RULE_COUNT = "RULE_COUNT"

    ALGORITHM_ID = "describe_standard"
    GROUP = "standard"

    def displayName(self):
        return self.tr("Standard rules table")

    def shortHelpString(self):
        return self.tr(
            "Writes the standard that the evaluations use as tables you can read, filter and print: one row per "
            "rule with its item, clause of the guide (e.g. '2.3 表 第2项' is row 2 of the construction standard "
            "table), level (required, recommended 以…为宜, where conditions allow 具备条件的, informative), the "
            "community type it applies to (new 新建 / existing 既有), the requirement in words and its numbers; "
            "and the facility category catalogue with every name and OpenStreetMap tag that is recognised.<br>"
            "{}<br>Use it to check a local standard before an evaluation, or to start a category mapping table."
        ).format(self.standard_help()) + "<br><br>" + self.tr(
            "<b>Example</b>: run it with the standard xiamen_complete_community and filter the rules table on the"
            " column defined_in to see which rules the Xiamen index adds to the national guide.")

    def initAlgorithm(self, config=None):
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Standard rules"), type=QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CATEGORIES, self.tr("Facility categories"), type=QgsProcessing.TypeVector, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.RULE_COUNT, self.tr("Number of rules")))

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        language = current_language()

        rule_fields = make_fields(F.STANDARD_RULE_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, rule_fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        groups = {group.code: group for group in standard.groups}
        rows = [(rule, option) for rule in standard.rules for option in (rule.options or (None,))]
        for current, (rule, option) in enumerate(rows):
            if feedback.isCanceled():
                break
            sink.addFeature(self._rule_feature(rule_fields, standard, groups, rule, option, language),
                            QgsFeatureSink.FastInsert)
            feedback.setProgress(int(80.0 * current / len(rows)))

        results = {self.OUTPUT: dest_id, self.RULE_COUNT: len(standard.rules)}
        category_fields = make_fields(F.STANDARD_CATEGORY_FIELDS)
        category_sink, category_dest = self.parameterAsSink(parameters, self.OUTPUT_CATEGORIES, context,
                                                            category_fields, QgsWkbTypes.NoGeometry)
        if category_sink is not None:
            for category in standard.categories:
                feature = QgsFeature(category_fields)
                item = standard.item(category.item)
                feature.setAttributes([category.code, category.name.zh, category.name.en, item.code,
                                       item.name.get(language), "; ".join(category.aliases),
                                       "; ".join(category.osm_tags)])
                category_sink.addFeature(feature, QgsFeatureSink.FastInsert)
            results[self.OUTPUT_CATEGORIES] = category_dest
        with tables_closed_quietly():
            del sink, category_sink  # tables without geometry
        feedback.pushInfo(self.tr("{} rules in {} items, {} facility categories.").format(
            len(standard.rules), len(standard.items), len(standard.categories)))
        return results

    def _note(self, rule, shown, language):
        """What a reader must know: the rule's own note (e.g. the guide's 2‰/2% conflict), and whether its max
        is only sizing guidance."""
        notes = [rule.note.get(language)] if rule.note is not None and shown is rule else []
        if shown.above_max == "note":
            notes.append(self.tr("above the maximum: passes with a note (the upper end of the guide's range is "
                                 "sizing guidance)"))
        return "; ".join(notes) or None

    def _rule_feature(self, fields, standard, groups, rule, option, language):
        """One row; an alternative of an any_of rule gets its own row with the rule's id prefix."""
        shown = option or rule
        item = standard.item(rule.item)
        minimum, maximum = shown.min, shown.max
        feature = QgsFeature(fields)
        feature.setAttributes([
            shown.id, item.code, item.number, item.name.get(language), groups[item.group].name.get(language),
            shown.name.get(language), shown.clause, rule.level, level_label(rule.level), shown.applies_to,
            applies_to_label(shown.applies_to), shown.measure.kind, ", ".join(shown.measure.categories),
            requirement_text(shown, standard, language),
            minimum.value if minimum is not None and not minimum.is_proportional else None,
            maximum.value if maximum is not None and not maximum.is_proportional else None,
            unit_label(shown.unit) or shown.unit,
            shown.guide_range[0] if shown.guide_range else None,
            shown.guide_range[1] if shown.guide_range else None,
            "{}:{}".format(os.path.basename(shown.location.path), shown.location.line),
            self._note(rule, shown, language),
        ])
        return feature

