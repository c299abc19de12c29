"""community_rules in assess's GeoPackage as a view: each community's rule results (community_rule_results, the rule
and the reason by their numbers) joined with the rules' own columns (rule_descriptions: rule id, item, names,
clause, level) and the distinct reasons (rule_reasons), so the text of a rule is stored once and a reason once,
not once per community (the bench city: 243,000 rows, about 40,000 distinct reasons), and every reader still
finds the fields of core/output_fields.RULE_TABLE_FIELDS under the table name community_rules.

    write_rule_tables(gpkg, standard, language, reasons, transform_context)   # rule_descriptions, rule_reasons
    create_rules_view(gpkg)                                                    # community_rules, listed as a layer

OGR and QGIS read a view listed in gpkg_contents as a read-only table; its first column, fid, is the feature id.
"""

import datetime
import sqlite3

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsProcessingException,
                       QgsVectorFileWriter, QgsWkbTypes)

from ..core import output_fields as F
from ..core.sql import quoted_identifier, transaction
from ..i18n import tr
from .base_algorithm import make_fields

RULES_VIEW = "community_rules"
RESULTS_TABLE = "community_rule_results"
DESCRIPTIONS_TABLE = "rule_descriptions"
REASONS_TABLE = "rule_reasons"
# Each joined table: (its alias in the view, its name, the number it is joined on, the view's columns it gives).
_JOINS = (("rule", DESCRIPTIONS_TABLE, F.RULE_NUMBER, F.RULE_DESCRIPTION_FIELDS[1:]),
          ("reason", REASONS_TABLE, F.REASON_NUMBER, (F.REASON,)))


def write_rule_tables(gpkg, standard, language, reasons, transform_context):
    """rule_descriptions (every rule's own columns, as the rules table writes them, one row per rule) and
    rule_reasons (`reasons`: {reason: number}, as RuleRows numbered them) as tables of `gpkg`."""
    from .community_evaluation import RuleRows

    rows = RuleRows(F.RULE_TABLE_FIELDS, standard, language)

    def description(rule_id):
        item, item_name, rule_id, rule_name, clause, level = rows.rule_columns(rule_id)
        return [rows.rule_number(rule_id), rule_id, item, item_name, rule_name, clause, level]

    _write_table(gpkg, DESCRIPTIONS_TABLE, F.RULE_DESCRIPTION_FIELDS,
                 (description(rule.id) for rule in standard.rules), transform_context)
    _write_table(gpkg, REASONS_TABLE, F.RULE_REASON_FIELDS, ([number, reason] for reason, number in reasons.items()),
                 transform_context)


def _write_table(gpkg, table, table_fields, rows, transform_context):
    """A table without geometry of `gpkg` (replaced if there), one feature per row of values."""
    fields = make_fields(table_fields)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(gpkg, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem(),
                                        transform_context, options)
    try:
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise QgsProcessingException(_not_written(table, gpkg, writer.errorMessage()))
        features = []
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            features.append(feature)
        if not writer.addFeatures(features, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(_not_written(table, gpkg, writer.errorMessage()))
    finally:
        del writer


def _not_written(table, gpkg, error):
    return tr("Could not write the table {} into {}: {}", "RulesView").format(table, gpkg, error)


def rules_view_sql(planned):
    """CREATE VIEW community_rules: the columns of RULE_TABLE_FIELDS(_PLANNED) in their order, fid first."""
    fields = F.RULE_TABLE_FIELDS_PLANNED if planned else F.RULE_TABLE_FIELDS
    source = {field: alias for alias, _table, _number, given in _JOINS for field in given}
    columns = ["result.fid AS fid"] + ["{}.{}".format(source.get(field, "result"), quoted_identifier(field.name))
                                       for field in fields]
    # LEFT JOIN: a result whose rule or reason were missing still shows, with those columns empty.
    joins = " ".join("LEFT JOIN {table} AS {alias} ON {alias}.{number} = result.{number}".format(
        table=quoted_identifier(table), alias=alias, number=quoted_identifier(number.name))
        for alias, table, number, _given in _JOINS)
    return "CREATE VIEW {} AS SELECT {} FROM {} AS result {}".format(
        quoted_identifier(RULES_VIEW), ", ".join(columns), quoted_identifier(RESULTS_TABLE), joins)


def create_rules_view(gpkg):
    """The view community_rules over community_rule_results, rule_descriptions and rule_reasons (all written
    before), listed in gpkg_contents so that OGR and QGIS open it as a layer."""
    connection = sqlite3.connect(gpkg)
    try:
        with transaction(connection):
            columns = {row[1] for row in connection.execute(
                "PRAGMA table_info({})".format(quoted_identifier(RESULTS_TABLE)))}
            for _alias, table, number, _given in _JOINS:
                connection.execute("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} ({})".format(
                    quoted_identifier(table + "_" + number.name), quoted_identifier(table),
                    quoted_identifier(number.name)))
            connection.execute("DROP VIEW IF EXISTS {}".format(quoted_identifier(RULES_VIEW)))
            connection.execute(rules_view_sql(F.STATUS_BEFORE.name in columns))
            connection.execute("DELETE FROM gpkg_contents WHERE lower(table_name) = lower(?)", (RULES_VIEW,))
            connection.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) VALUES "
                "(?, 'attributes', ?, ?)", (RULES_VIEW, RULES_VIEW,
                                            datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%S.000Z")))
    except sqlite3.Error as error:  # a full disk, a damaged file: said, not a traceback
        raise QgsProcessingException(tr("Could not create the view {} in {}: {}", "RulesView").format(
            RULES_VIEW, gpkg, error))
    finally:
        connection.close()
