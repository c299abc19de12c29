"""community_rules in assess's GeoPackage as a view: each community's rule results (community_rule_results) joined
with the rules' own columns (rule_descriptions: rule id, item, names, clause, level) on the rule's number, so the
text of a rule is stored once, not once per community (the bench city: 243,000 rows), and every reader still
finds the fields of core/output_fields.RULE_TABLE_FIELDS under the table name community_rules.

    write_rule_descriptions(gpkg, standard, language, transform_context)   # one row per rule
    create_rules_view(gpkg)                                                 # community_rules, listed as a layer

OGR and QGIS read a view listed in gpkg_contents as a read-only table; its first column, fid, is the feature id.
"""

import datetime
import sqlite3

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsProcessingException,
                       QgsVectorFileWriter, QgsWkbTypes)

from ..core import output_fields as F
from ..i18n import tr
from .base_algorithm import make_fields

RULES_VIEW = "community_rules"
RESULTS_TABLE = "community_rule_results"
DESCRIPTIONS_TABLE = "rule_descriptions"
# The columns the view takes from rule_descriptions; every other one comes from community_rule_results.
_FROM_DESCRIPTIONS = F.RULE_DESCRIPTION_FIELDS[1:]
_JOINED_ON = F.RULE_NUMBER


def _quoted(identifier):
    return '"{}"'.format(identifier.replace('"', '""'))


def write_rule_descriptions(gpkg, standard, language, transform_context):
    """Every rule's own columns (RULE_DESCRIPTION_FIELDS, as the rules table writes them), one row per rule, as a
    table of `gpkg`."""
    from .community_evaluation import RuleRows

    fields = make_fields(F.RULE_DESCRIPTION_FIELDS)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = DESCRIPTIONS_TABLE
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(gpkg, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem(),
                                        transform_context, options)
    try:
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise QgsProcessingException(_not_written(gpkg, writer.errorMessage()))
        rows = RuleRows(F.RULE_TABLE_FIELDS, standard, language)
        features = []
        for rule in standard.rules:
            item, item_name, rule_id, rule_name, clause, level = rows.rule_columns(rule.id)
            feature = QgsFeature(fields)
            feature.setAttributes([rows.rule_number(rule.id), rule_id, item, item_name, rule_name, clause, level])
            features.append(feature)
        if not writer.addFeatures(features, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(_not_written(gpkg, writer.errorMessage()))
    finally:
        del writer


def _not_written(gpkg, error):
    return tr("Could not write the table {} into {}: {}", "RulesView").format(DESCRIPTIONS_TABLE, gpkg, error)


def rules_view_sql(planned):
    """CREATE VIEW community_rules: the columns of RULE_TABLE_FIELDS(_PLANNED) in their order, fid first."""
    fields = F.RULE_TABLE_FIELDS_PLANNED if planned else F.RULE_TABLE_FIELDS
    columns = ["result.fid AS fid"] + ["{}.{}".format("rule" if field in _FROM_DESCRIPTIONS else "result",
                                                        _quoted(field.name)) for field in fields]
    # LEFT JOIN: a result whose rule were missing from rule_descriptions still shows, with empty rule columns.
    return ("CREATE VIEW {view} AS SELECT {columns} FROM {results} AS result LEFT JOIN {descriptions} AS rule "
            "ON rule.{number} = result.{number}").format(
        view=_quoted(RULES_VIEW), columns=", ".join(columns), results=_quoted(RESULTS_TABLE),
        descriptions=_quoted(DESCRIPTIONS_TABLE), number=_quoted(_JOINED_ON.name))


def create_rules_view(gpkg):
    """The view community_rules over community_rule_results and rule_descriptions (both written before), listed
    in gpkg_contents so that OGR and QGIS open it as a layer."""
    connection = sqlite3.connect(gpkg)
    try:
        with connection:
            columns = {row[1] for row in connection.execute(
                "PRAGMA table_info({})".format(_quoted(RESULTS_TABLE)))}
            connection.execute("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} ({})".format(
                _quoted(DESCRIPTIONS_TABLE + "_" + _JOINED_ON.name), _quoted(DESCRIPTIONS_TABLE),
                _quoted(_JOINED_ON.name)))
            connection.execute("DROP VIEW IF EXISTS {}".format(_quoted(RULES_VIEW)))
            connection.execute(rules_view_sql(F.STATUS_BEFORE.name in columns))
            connection.execute("DELETE FROM gpkg_contents WHERE lower(table_name) = lower(?)", (RULES_VIEW,))
            connection.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) VALUES "
                "(?, 'attributes', ?, ?)", (RULES_VIEW, RULES_VIEW,
                                            datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.000Z")))
    finally:
        connection.close()
