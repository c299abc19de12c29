"""Outputs that never destroy anything they were not asked to replace — one mechanism for every algorithm.

Every algorithm of the plugin runs through `guard_outputs` (applied to each `processAlgorithm` by
CompleteCommunityAlgorithm, so no algorithm can forget it):

1. Before any work, every output path is checked against every input source (layers, files, the
   standard, the mapping table) and against the other outputs; a clash stops the run with a message
   naming both. A folder given as a file, a folder or file we may not write, and an existing
   GeoPackage layer of the same name that this plugin did not write are refused the same way.
2. The algorithm writes into a hidden folder next to each target (`.cc-partial-<id>/<same name>`),
   so a result is never seen under its final name half-written.
3. Only when the run succeeded (not failed, not cancelled) are the results moved into place: a plain
   file by an atomic rename; a GeoPackage that does not exist yet by an atomic rename of a
   consolidated copy; an existing GeoPackage gets only the plugin's own tables replaced — every
   other layer in it is kept. The plugin recognises its own tables by the description it gives them
   in `gpkg_contents` (OWN_LAYER_DESCRIPTION).
4. Whatever happened, the partial folder is removed.

A PostGIS table (a `postgis:` destination) is written the same way: into a table of its own
(`partial_result_<id>`, same schema) and, when the run succeeded, swapped in by one transaction that drops the old
table, renames the new one and moves its saved style — a failed or cancelled run drops the partial table and
leaves the old one as it was. An existing table of that name that this plugin did not write (its comment is not
OWN_LAYER_DESCRIPTION) stops the run before any work, as a foreign GeoPackage layer does. A memory layer is new
with every run and Processing loads it only when the run succeeded: nothing to guard.
"""

import functools
import gc
import os
import re
import shutil
import sqlite3
import sys
import traceback
import uuid
from contextlib import contextmanager

from qgis.core import (QgsDataSourceUri, QgsMapLayer, QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsProperty, QgsProviderRegistry)

from ..core.network import SearchCancelled
from ..core.sql import quoted_identifier, read_only_sqlite, transaction
from ..i18n import tr

_CONTEXT = "OutputSafety"
PARTIAL_PREFIX = ".cc-partial-"
OWN_LAYER_DESCRIPTION = "Complete Community result"
# The GeoPackage's own bookkeeping: never copied or dropped as a layer.
GPKG_SYSTEM_TABLES = ("layer_styles",)
INPUT_PARAMETER_TYPES = ("source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud")
SINK_PARAMETER_TYPES = ("sink", "vectorDestination", "rasterDestination")
FILE_PARAMETER_TYPES = ("fileDestination",)
_FINAL_NAMES = {}  # partial path → final path of every guarded run in progress (partial paths are unique)


def table_destination(gpkg, table, geometry=True):
    """A sink destination for one table of a GeoPackage (a path or str), ogr:dbname='x.gpkg' table="t" (geom),
    written as Processing reads it (QgsDataSourceUri: a quote or backslash in the path escaped by a backslash)."""
    uri = QgsDataSourceUri()
    uri.setDatabase(str(gpkg))
    uri.setDataSource("", table, "geom" if geometry else "")
    return "ogr:" + uri.uri(False)


def table_destination_parts(text):
    """(file, table) of an 'ogr:dbname=… table=…' destination as Processing reads it; None for other text.
    The table is '' when the destination names none."""
    text = str(text or "").strip()
    if not text.startswith("ogr:"):
        return None
    uri = QgsDataSourceUri(text[len("ogr:"):])
    return (uri.database(), uri.table()) if uri.database() else None


def is_partial(path):
    """Whether `path` lies in a partial folder of a run in progress (a parent run already protects it)."""
    return any(part.startswith(PARTIAL_PREFIX) for part in os.path.normpath(os.path.abspath(path)).split(os.sep))


def final_name(path):
    """The final name of an output written into the partial folder of a run in progress; other paths as given."""
    text = str(path)
    for partial, final in list(_FINAL_NAMES.items()):
        if partial in text:
            text = text.replace(partial, final)
    return text


def _same_file(first, second):
    if os.path.exists(first) and os.path.exists(second):
        try:
            return os.path.samefile(first, second)
        except OSError:
            pass
    return os.path.normcase(os.path.realpath(first)) == os.path.normcase(os.path.realpath(second))


def _is_geopackage(path):
    return path.lower().endswith(".gpkg")


def safe_source_name(layer_or_source):
    """How a layer is named in a message: its name, or its source without any password."""
    if isinstance(layer_or_source, QgsMapLayer):
        return layer_or_source.name() or strip_credentials(layer_or_source.source())
    return strip_credentials(str(layer_or_source))


def strip_credentials(text):
    """A data source text without password='…', password=…, or user:password@ in a URL."""
    text = re.sub(r"""password\s*=\s*'(?:[^'\\]|\\.)*'""", "password=***", text)
    text = re.sub(r"""password\s*=\s*[^\s'"]+""", "password=***", text)
    return re.sub(r"(://[^:/@\s]+):[^@\s]*@", r"\1:***@", text)


class Location:
    """Where a parameter's data lives: a file path and, inside a GeoPackage, a table (None: the whole file
    or its first layer)."""

    def __init__(self, parameter, label, path, table=None):
        self.parameter = parameter
        self.label = label
        self.path = path
        self.table = table

    def describe(self):
        if self.table:
            return tr("{} (layer '{}' of {})", _CONTEXT).format(self.label, self.table, self.path)
        return tr("{} ({})", _CONTEXT).format(self.label, self.path)


def _layer_location(value, context):
    """(path, table) of a layer parameter value, or None when it is no file (memory, database, web)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    layer = value if isinstance(value, QgsMapLayer) else None
    if layer is None:
        text = str(value or "").strip()
        if not text:
            return None
        # Not added to the context's store: an OGR layer left there can crash QGIS 3.22 when the context goes.
        layer = QgsProcessingUtils.mapLayerFromString(text, context, False)
        if layer is None and text.startswith("postgres://"):  # the command line's form of a PostGIS input
            uri = QgsDataSourceUri(text[len("postgres://"):])
            return database_identity(uri), qualified_table(uri)
        if layer is None:
            path = text.split("|")[0]
            match = re.search(r"\|layername=([^|]+)", text)
            return (path, match.group(1) if match else None) if os.path.exists(path) else None
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        return database_identity(uri), qualified_table(uri)
    if layer.providerType() not in ("ogr", "gdal", "delimitedtext", "spatialite"):
        return None
    source = layer.source()
    if layer.providerType() == "delimitedtext":
        path = re.sub(r"^file://", "", source.split("?")[0])
        return (path, None) if path else None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), source)
    path = parts.get("path") or ""
    if not path:
        return None
    table = parts.get("layerName")
    return path, (str(table) if table else None)


def input_locations(algorithm, parameters, context):
    """Every file the run reads: [Location]."""
    locations = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.type() not in INPUT_PARAMETER_TYPES:
            continue
        value = parameters.get(definition.name())
        if value is None or value == "":
            continue
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if definition.type() == "file":
                path = str(item.staticValue() if isinstance(item, QgsProperty) else item)
                found = (path, None) if os.path.isfile(path) else None
            else:
                found = _layer_location(item, context)
            if found:
                locations.append(Location(definition.name(), definition.description(), *found))
    return locations


class Target:
    """One output file of the run: where it goes, where it is written meanwhile, and which tables of a
    GeoPackage the run writes there (None: the whole file)."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.partial_folder = None
        self.tables = set()
        self.whole_file = False
        self.locations = []
        self.replace_own_tables = False

    @property
    def partial_path(self):
        return os.path.join(self.partial_folder, os.path.basename(self.path))


def database_identity(uri):
    """A PostgreSQL connection as messages name it and outputs are compared with inputs: no user, no password."""
    if uri.service():
        return "PostgreSQL service='{}'".format(uri.service())
    return "PostgreSQL dbname='{}' host={} port={}".format(uri.database(), uri.host() or "localhost",
                                                          uri.port() or "5432")


def _literal(text):
    return "'{}'".format(text.replace("'", "''"))


def qualified_table(uri, table=None):
    return "{}.{}".format(quoted_identifier(uri.schema() or "public"), quoted_identifier(table or uri.table()))


_DATABASE_SINK = re.compile(r"^(postgis|postgres):(?!//)(.*)$", re.S)


class DatabaseTarget:
    """A PostGIS table the run writes: written meanwhile as `partial_table` in the same schema."""

    def __init__(self, prefix, text):
        self.prefix = prefix
        self.uri = QgsDataSourceUri(text)
        self.table = self.uri.table()
        self.partial_table = "partial_result_" + uuid.uuid4().hex[:12]
        self.final = qualified_table(self.uri)
        self.partial = qualified_table(self.uri, self.partial_table)

    def destination(self):
        partial = QgsDataSourceUri(self.uri)
        partial.setTable(self.partial_table)
        return "{}:{}".format(self.prefix, partial.uri(False))

    def describe(self):
        return "{} {}".format(database_identity(self.uri), self.final)

    def execute(self, sql):
        """Rows of `sql` (several statements run as one transaction) or a QgsProcessingException naming the table."""
        from qgis.core import QgsProviderConnectionException

        try:
            connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(
                self.uri.uri(False), {})
            return connection.executeSql(sql)
        except QgsProviderConnectionException as error:
            raise QgsProcessingException(tr("PostGIS output {}: {}", _CONTEXT).format(
                self.describe(), strip_credentials(str(error))))

    def check(self):
        exists, comment = self.execute("SELECT to_regclass({0}) IS NOT NULL, obj_description(to_regclass({0}), "
                                       "'pg_class')".format(_literal(self.final)))[0]
        if exists and comment != OWN_LAYER_DESCRIPTION:
            raise QgsProcessingException(tr(
                "The PostGIS table {} already exists and this plugin did not write it; it is kept. Choose another "
                "table for the output, or drop that table yourself.", _CONTEXT).format(self.describe()))

    def _styles_sql(self, *statements):
        (styles,), = self.execute("SELECT to_regclass('layer_styles') IS NOT NULL")
        return list(statements) if styles else []

    def commit(self):
        """One transaction: the old table goes, the partial one takes its name, comment and saved style."""
        (written,), = self.execute("SELECT to_regclass({}) IS NOT NULL".format(_literal(self.partial)))
        if not written:
            return  # an optional output the run did not write
        schema = _literal(self.uri.schema() or "public")
        self.execute("; ".join([
            "SET LOCAL lock_timeout = '20s'",  # a table held open elsewhere: fail (old table kept), never hang
            "DROP TABLE IF EXISTS {}".format(self.final),
            "ALTER TABLE {} RENAME TO {}".format(self.partial, quoted_identifier(self.table)),
            "COMMENT ON TABLE {} IS {}".format(self.final, _literal(OWN_LAYER_DESCRIPTION))] + self._styles_sql(
            "DELETE FROM layer_styles WHERE f_table_schema = {} AND f_table_name = {}".format(
                schema, _literal(self.table)),
            "UPDATE layer_styles SET f_table_name = {} WHERE f_table_schema = {} AND f_table_name = {}".format(
                _literal(self.table), schema, _literal(self.partial_table)))))

    def discard(self):
        schema = _literal(self.uri.schema() or "public")
        self.execute("; ".join(["DROP TABLE IF EXISTS {}".format(self.partial)] + self._styles_sql(
            "DELETE FROM layer_styles WHERE f_table_schema = {} AND f_table_name = {}".format(
                schema, _literal(self.partial_table)))))

    def point_layers_to_final(self, store):
        """The run's layers on the partial table (Processing loads them when the run ends) now read the final one."""
        for layer in store.mapLayers().values():
            if layer.providerType() != "postgres":
                continue
            uri = QgsDataSourceUri(layer.source())
            if uri.table() == self.partial_table:
                uri.setTable(self.table)
                layer.setDataSource(uri.uri(False), layer.name(), "postgres")


def _parse_destination(text):
    """(path, table or None) of a file destination text; None for memory layers and databases."""
    text = str(text or "").strip()
    if not text or text.startswith(("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:")) or (
            text == "TEMPORARY_OUTPUT"):
        return None
    parts = table_destination_parts(text)
    if parts and parts[1]:
        return parts
    if text.startswith("ogr:"):
        return None
    if re.match(r"^[a-z]+://", text):
        return None
    return text, None


class OutputGuard:
    """Checks, redirects and commits the outputs of one run (see the module's documentation)."""

    def __init__(self, algorithm, parameters, context, feedback):
        self.algorithm = algorithm
        self.context = context
        self.feedback = feedback
        self.original = parameters
        self.parameters = dict(parameters)
        self.targets = {}  # final absolute path → Target
        self.database_targets = []  # DatabaseTarget of every PostGIS output
        self.outputs = []  # Location of every output
        self.released = False  # the layers on the partial files closed by a commit: discard need not again
        self._collect_outputs()

    # -- what the run writes --------------------------------------------------------------------------

    def _collect_outputs(self):
        algorithm, parameters, context = self.algorithm, self.original, self.context
        for definition in algorithm.destinationParameterDefinitions():
            name = definition.name()
            if name not in parameters or parameters.get(name) is None:
                continue
            if definition.type() in SINK_PARAMETER_TYPES:
                text = algorithm.parameterAsOutputLayer(parameters, name, context)
            elif definition.type() in FILE_PARAMETER_TYPES:
                text = algorithm.parameterAsFileOutput(parameters, name, context)
            else:
                continue
            database = _DATABASE_SINK.match(str(text or "")) if definition.type() in SINK_PARAMETER_TYPES else None
            if database:
                self._redirect_to_database(definition, name, DatabaseTarget(database.group(1), database.group(2)))
                continue
            parsed = _parse_destination(text)
            if parsed is None:
                continue
            path, table = parsed
            if is_partial(path):
                continue  # written inside a parent run's partial folder: the parent commits it
            location = Location(name, definition.description(), os.path.abspath(path), table)
            self.outputs.append(location)
            target = self.targets.setdefault(location.path, Target(location.path))
            target.locations.append(location)
            if table:
                target.tables.add(table)
            else:
                target.whole_file = True
                if _is_geopackage(path) and definition.type() in SINK_PARAMETER_TYPES:
                    target.tables.add(os.path.splitext(os.path.basename(path))[0])
            self._redirect(definition, name, text, target, table)

    def _redirect_to_database(self, definition, name, target):
        self.database_targets.append(target)
        self.outputs.append(Location(name, definition.description(), database_identity(target.uri), target.final))
        value = self.original[name]
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            copy = QgsProcessingOutputLayerDefinition(value)
            copy.sink = QgsProperty.fromValue(target.destination())
            self.parameters[name] = copy
        else:
            self.parameters[name] = target.destination()

    def _redirect(self, definition, name, text, target, table):
        if target.partial_folder is None:
            target.partial_folder = os.path.join(os.path.dirname(target.path), "{}{}".format(
                PARTIAL_PREFIX, uuid.uuid4().hex[:12]))
        if table:
            uri = QgsDataSourceUri(str(text).strip()[len("ogr:"):])  # its geometry column and options kept
            uri.setDatabase(target.partial_path)
            new_text = "ogr:" + uri.uri(False)
        else:
            new_text = target.partial_path
        value = self.original[name]
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            copy = QgsProcessingOutputLayerDefinition(value)
            copy.sink = QgsProperty.fromValue(new_text)
            self.parameters[name] = copy
        else:
            self.parameters[name] = new_text

    def declare_geopackage(self, name, tables, replace_own_tables=True):
        """A file parameter that the algorithm fills with GeoPackage `tables` itself (assess's results file):
        the tables are checked like sinks', and with `replace_own_tables` the plugin's tables of an earlier
        run that this run does not write again are removed from it (no stale results)."""
        path = os.path.abspath(self.algorithm.parameterAsFileOutput(self.original, name, self.context))
        target = self.targets.get(path)
        if target is None:
            return
        target.whole_file = False
        target.tables.update(tables)
        target.replace_own_tables = replace_own_tables
        for location in target.locations:
            location.table = None

    def final_path(self, path):
        """The final name of a path inside a partial folder (for messages and reports)."""
        text = str(path)
        for target in self.targets.values():
            if target.partial_folder and target.partial_folder in text:
                text = text.replace(target.partial_path, target.path)
        return text

    # -- before the run ---------------------------------------------------------------------------------

    def check(self):
        """Refuse, before any work, an output that would overwrite an input, another output, a folder, a
        file that cannot be written or a GeoPackage layer this plugin did not write."""
        inputs = input_locations(self.algorithm, self.original, self.context)
        for output in self.outputs:
            for source in inputs:
                if _same_file(output.path, source.path) and (
                        output.table is None or source.table is None or output.table.lower() == source.table.lower()):
                    raise QgsProcessingException(tr(
                        "The output {} would overwrite the input {}. Choose another file for the output: an "
                        "algorithm never changes its inputs.", _CONTEXT).format(output.describe(), source.describe()))
        for position, first in enumerate(self.outputs):
            for second in self.outputs[position + 1:]:
                if _same_file(first.path, second.path) and (
                        first.table is None or second.table is None or first.table.lower() == second.table.lower()):
                    raise QgsProcessingException(tr(
                        "The outputs {} and {} are the same file: give each output its own file.", _CONTEXT).format(
                            first.describe(), second.describe()))
        for target in self.database_targets:
            target.check()
        for target in self.targets.values():
            self._check_writable(target)
            if os.path.exists(target.path) and _is_geopackage(target.path) and target.tables:
                self._check_existing_geopackage(target)

    def _check_writable(self, target):
        path = target.path
        label = target.locations[0].label
        if os.path.isdir(path):
            raise QgsProcessingException(tr("The output {} ({}) is a folder: give a file name.", _CONTEXT).format(
                label, path))
        folder = os.path.dirname(path)
        existing = folder
        while existing and not os.path.exists(existing):
            existing = os.path.dirname(existing)
        if existing and not os.path.isdir(existing):
            raise QgsProcessingException(tr("Cannot write the output {} ({}): the folder {} cannot be created, {} is a "
                                            "file.", _CONTEXT).format(label, path, folder, existing))
        if not os.path.isdir(existing) or not os.access(existing, os.W_OK | os.X_OK):
            raise QgsProcessingException(tr("Cannot write the output {} ({}): no permission to write in the folder "
                                            "{}.", _CONTEXT).format(label, path, existing or folder))
        if os.path.exists(path) and not os.access(path, os.W_OK):
            raise QgsProcessingException(tr("Cannot write the output {} ({}): the file exists and is read-only or "
                                            "locked.", _CONTEXT).format(label, path))

    def _check_existing_geopackage(self, target):
        try:
            tables = geopackage_tables(target.path)
        except sqlite3.Error as error:
            raise QgsProcessingException(tr(
                "The output {} ({}) exists but is not a GeoPackage that can be opened ({}): choose another file.",
                _CONTEXT).format(target.locations[0].label, target.path, error))
        for table in sorted(target.tables):
            own = tables.get(table.lower())
            if own is False:
                raise QgsProcessingException(tr(
                    "The GeoPackage {} already holds a layer '{}' that this plugin did not write; it is kept. Choose "
                    "another file for the output, or rename that layer.", _CONTEXT).format(target.path, table))

    # -- after the run ----------------------------------------------------------------------------------

    def prepare(self):
        for target in self.targets.values():
            os.makedirs(target.partial_folder, exist_ok=True)
            _FINAL_NAMES[target.partial_path] = target.path

    def release_partial_layers(self):
        """Close the layers Processing opened on the partial files (checking a child's parameters loads them
        into the context's store): before the files move, and before the store is destroyed (QGIS 3.22 can
        crash closing an OGR layer whose file is gone)."""
        folders = [target.partial_folder for target in self.targets.values() if target.partial_folder]
        if folders:
            store = self.context.temporaryLayerStore()
            for layer_id, layer in list(store.mapLayers().items()):
                if any(folder in layer.source() for folder in folders):
                    store.removeMapLayer(layer_id)
        gc.collect()  # layers of the run still open on the partial files

    def commit(self):
        """Move every result into place (only called when the run succeeded)."""
        self.release_partial_layers()
        self.released = True
        for target in self.targets.values():
            written = target.partial_path
            if not os.path.exists(written):
                continue  # an optional output the run did not write
            if _is_geopackage(target.path) and target.tables:
                self._commit_geopackage(target)
            else:
                self._commit_files(target)
        for target in self.database_targets:
            target.commit()
            target.point_layers_to_final(self.context.temporaryLayerStore())

    def _commit_files(self, target):
        """Rename the written file (and a shapefile's companions) over the target."""
        stem = os.path.splitext(os.path.basename(target.path))[0]
        final_folder = os.path.dirname(target.path)
        for name in os.listdir(target.partial_folder):
            if name == os.path.basename(target.path) or os.path.splitext(name)[0] == stem:
                os.replace(os.path.join(target.partial_folder, name), os.path.join(final_folder, name))

    def _commit_geopackage(self, target):
        written = target.partial_path
        mark_own_tables(written, target.tables)
        consolidated = os.path.join(target.partial_folder, "~consolidated~" + os.path.basename(target.path))
        _consolidate(written, consolidated)
        if not os.path.exists(target.path):
            os.replace(consolidated, target.path)
            return
        existing = geopackage_tables(target.path)
        new_tables = [table for table in geopackage_tables(consolidated) if table not in GPKG_SYSTEM_TABLES]
        # Checked before the run, checked again: a layer created meanwhile by someone else is kept too.
        foreign = [table for table in new_tables if existing.get(table) is False]
        if foreign:
            raise QgsProcessingException(tr(
                "The GeoPackage {} now holds layers this plugin did not write ({}); nothing was changed there.",
                _CONTEXT).format(target.path, ", ".join(foreign)))
        layers = {table for table in existing if table not in GPKG_SYSTEM_TABLES}
        if all(existing[table] for table in layers) and (target.replace_own_tables or layers <= set(new_tables)):
            os.replace(consolidated, target.path)  # only our own results there: the atomic way
            return
        copy_tables(consolidated, target.path, new_tables)
        if target.replace_own_tables:
            stale = [table for table, own in existing.items() if own and table not in new_tables]
            drop_tables(target.path, stale)

    def discard(self):
        if not self.released:  # after a commit nothing opened a partial file again: no second full collection
            self.release_partial_layers()
        for target in self.targets.values():
            _FINAL_NAMES.pop(target.partial_path if target.partial_folder else None, None)
            if target.partial_folder and os.path.isdir(target.partial_folder):
                shutil.rmtree(target.partial_folder, ignore_errors=True)
        for target in self.database_targets:
            try:
                target.discard()
            except QgsProcessingException as error:  # the database went away: say so, the run's own error stands
                if self.feedback is not None:
                    self.feedback.reportError(str(error))
        self.database_targets = []

    def final_results(self, results, loads):
        """The algorithm's results with partial paths replaced by the final ones; with `loads`, the layers
        Processing will load afterwards too."""
        final = {}
        for key, value in (results or {}).items():
            final[key] = self.final_path(value) if isinstance(value, str) else value
        if loads:
            self._rename_layers_to_load()
        return final

    def _rename_layers_to_load(self):
        """The layers Processing loads when the run ends, under their final names. Only entries without a
        post-processor can be renamed: replacing the map deletes the old entries' post-processors (QGIS 3.22),
        which the copies would then point to. Post-processors are set later, in postProcessAlgorithm, on the
        final names (styles.style_output asks `final_name`)."""
        loads = self.context.layersToLoadOnCompletion()
        renamed = {self.final_path(key): details for key, details in loads.items()}
        if set(renamed) != set(loads) and all(details.postProcessor() is None for details in loads.values()):
            self.context.setLayersToLoadOnCompletion(renamed)


# -- GeoPackage helpers (plain SQLite + GDAL: the file format is open) ------------------------------------------

def geopackage_tables(path):
    """{lower-case table name: whether this plugin wrote it} of a GeoPackage's layers, plus layer_styles."""
    connection = read_only_sqlite(path)
    try:
        rows = connection.execute("SELECT table_name, description FROM gpkg_contents").fetchall()
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        connection.close()
    tables = {str(name).lower(): description == OWN_LAYER_DESCRIPTION for name, description in rows}
    if "layer_styles" in names:
        tables["layer_styles"] = True
    return tables


def mark_own_tables(path, tables):
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table in tables:
                connection.execute("UPDATE gpkg_contents SET description=? WHERE lower(table_name)=lower(?)",
                                   (OWN_LAYER_DESCRIPTION, table))
    finally:
        connection.close()


# Pages of a large consolidated copy. A city's service-area lines are 1–4 KB a row: with SQLite's default 4 KB
# pages most rows take a page of their own and a third of the table is empty space; 16 KB pages fill to about
# 95 %. A small GeoPackage keeps 4 KB pages (each of its forty-odd tables and indexes takes at least one page).
LARGE_PAGE_SIZE = 16384
LARGE_GEOPACKAGE_BYTES = 16 * 1024 * 1024


def _consolidate(source, destination):
    """A self-contained, compacted copy (no -wal file) of a GeoPackage that may still be open elsewhere."""
    origin = sqlite3.connect(source)
    try:
        try:
            written = sum(os.path.getsize(path) for path in (source, source + "-wal") if os.path.exists(path))
            if written > LARGE_GEOPACKAGE_BYTES:
                origin.execute("PRAGMA page_size={:d}".format(LARGE_PAGE_SIZE))  # for the copy only
            origin.execute("VACUUM INTO ?", (destination,))
        except sqlite3.Error:  # an SQLite older than 3.27: a page-by-page copy
            if os.path.exists(destination):
                os.remove(destination)
            copy = sqlite3.connect(destination)
            try:
                origin.backup(copy)
            finally:
                copy.close()
    finally:
        origin.close()
    copy = sqlite3.connect(destination)
    try:
        copy.execute("PRAGMA journal_mode=DELETE")
        copy.commit()
    finally:
        copy.close()


def _views(path):
    """{lower-case name: CREATE VIEW statement} of a GeoPackage's views."""
    connection = read_only_sqlite(path)
    try:
        return {str(name).lower(): sql for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='view'")}
    finally:
        connection.close()


def _copy_views(source, destination, views, tables):
    """The views of `source` into `destination`, each replacing a table or view of its name there, listed in
    gpkg_contents as in `source`; the indexes of the copied `tables` go along (a view joins through them). One
    transaction: a failure keeps the destination's earlier table or view."""
    connection = sqlite3.connect(destination)
    try:
        connection.execute("ATTACH DATABASE ? AS written", (source,))
        with transaction(connection):
            lowered = [table.lower() for table in tables]
            for name, sql in connection.execute(
                    "SELECT name, sql FROM written.sqlite_master WHERE type='index' AND sql IS NOT NULL AND "
                    "lower(tbl_name) IN ({})".format(",".join("?" for _ in lowered)), lowered).fetchall():
                connection.execute("DROP INDEX IF EXISTS main.{}".format(quoted_identifier(name)))
                connection.execute(sql)
            for view in views:
                (sql,), = connection.execute(
                    "SELECT sql FROM written.sqlite_master WHERE type='view' AND lower(name)=?", (view,))
                _drop_layer(connection, view)
                connection.execute(sql)
                connection.execute("INSERT INTO main.gpkg_contents SELECT * FROM written.gpkg_contents "
                                   "WHERE lower(table_name)=?", (view,))
    except sqlite3.Error as error:
        raise QgsProcessingException(tr("Could not copy the layer '{}' into {}.", _CONTEXT).format(
            ", ".join(views), destination) + " " + str(error))
    finally:
        connection.close()


# The GeoPackage's registers that list a layer by its table_name (those a file has).
_LAYER_REGISTERS = ("gpkg_contents", "gpkg_geometry_columns", "gpkg_ogr_contents", "gpkg_extensions",
                    "gpkg_data_columns", "gpkg_metadata_reference")


def _drop_layer(connection, name):
    """Drop the table or view `name` of a GeoPackage with its spatial index and its rows in the registers, as
    OGR drops a layer, inside the caller's transaction (OGR would commit on its own connection)."""
    objects = connection.execute("SELECT type, name FROM main.sqlite_master WHERE type IN ('table', 'view') AND "
                                 "lower(name)=lower(?)", (name,)).fetchall()
    for kind, actual in objects:
        if kind == "table":
            spatial_index = "rtree_{}_".format(actual.lower())
            for (index,) in connection.execute(
                    "SELECT name FROM main.sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%' "
                    "AND substr(lower(name), 1, ?) = ?", (len(spatial_index), spatial_index)).fetchall():
                connection.execute("DROP TABLE main.{}".format(quoted_identifier(index)))
        connection.execute("DROP {} main.{}".format("VIEW" if kind == "view" else "TABLE", quoted_identifier(actual)))
    registers = {register for (register,) in connection.execute(
        "SELECT name FROM main.sqlite_master WHERE type='table'")}
    for register in _LAYER_REGISTERS:
        if register in registers:
            connection.execute("DELETE FROM main.{} WHERE lower(table_name)=lower(?)".format(register), (name,))


def copy_tables(source, destination, tables):
    """Copy `tables` of GeoPackage `source` into `destination`, replacing tables of the same name there; their
    styles in layer_styles go along. A view is copied as a view, after the tables it reads."""
    views = _views(source)
    with gdal_exceptions() as gdal:
        for table in tables:
            if table.lower() in views:
                continue
            options = gdal.VectorTranslateOptions(layers=[table], layerName=table, accessMode="overwrite",
                                                  layerCreationOptions=["DESCRIPTION=" + OWN_LAYER_DESCRIPTION])
            result = gdal.VectorTranslate(destination, source, options=options)
            if result is None:
                raise QgsProcessingException(tr("Could not copy the layer '{}' into {}.", _CONTEXT).format(
                    table, destination))
            result = None
    copied_views = [table.lower() for table in tables if table.lower() in views]
    if copied_views:
        _copy_views(source, destination, copied_views, tables)
    mark_own_tables(destination, tables)
    _copy_styles(source, destination, tables)


def _copy_styles(source, destination, tables):
    connection = sqlite3.connect(destination)
    try:
        connection.execute("ATTACH DATABASE ? AS written", (source,))
        has_styles = connection.execute(
            "SELECT sql FROM written.sqlite_master WHERE type='table' AND name='layer_styles'").fetchone()
        if not has_styles:
            return
        exists = connection.execute(
            "SELECT 1 FROM main.sqlite_master WHERE type='table' AND name='layer_styles'").fetchone()
        if not exists:
            connection.close()
            # Through GDAL, which registers the table in gpkg_contents (where QGIS looks for it).
            from osgeo import gdal

            options = gdal.VectorTranslateOptions(layers=["layer_styles"], layerName="layer_styles",
                                                  accessMode="update")
            result = gdal.VectorTranslate(destination, source, options=options)
            result = None
            return
        with connection:
            columns = [row[1] for row in connection.execute("PRAGMA written.table_info(layer_styles)")
                       if row[1] != "id"]
            target_columns = {row[1] for row in connection.execute("PRAGMA main.table_info(layer_styles)")}
            columns = [column for column in columns if column in target_columns]
            marks = ",".join("?" for _ in tables)
            lowered = [table.lower() for table in tables]
            connection.execute("DELETE FROM main.layer_styles WHERE lower(f_table_name) IN ({})".format(marks),
                               lowered)
            column_list = ",".join('"{}"'.format(column) for column in columns)
            connection.execute("INSERT INTO main.layer_styles ({0}) SELECT {0} FROM written.layer_styles WHERE "
                               "lower(f_table_name) IN ({1})".format(column_list, marks), lowered)
    finally:
        connection.close()


def drop_tables(path, tables):
    """Remove the plugin's own `tables` from a GeoPackage (results of an earlier run this run replaced)."""
    if not tables:
        return
    views = [table for table in tables if table.lower() in _views(path)]
    if views:  # OGR drops a layer with DROP TABLE, which SQLite refuses for a view
        connection = sqlite3.connect(path)
        try:
            with transaction(connection):
                for view in views:
                    _drop_layer(connection, view)
        finally:
            connection.close()
        tables = [table for table in tables if table not in views]
    with gdal_exceptions() as gdal:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        try:
            for table in tables:
                for index in range(dataset.GetLayerCount()):
                    if dataset.GetLayer(index).GetName().lower() == table:
                        dataset.DeleteLayer(index)
                        break
        finally:
            dataset = None


@contextmanager
def gdal_exceptions():
    """GDAL's errors raised as Python exceptions within this block only (yields the gdal module). UseExceptions()
    holds for the whole process: QGIS's own Python and the other plugins in it expect GDAL as they left it."""
    from osgeo import gdal

    used_before = gdal.GetUseExceptions()
    gdal.UseExceptions()
    try:
        yield gdal
    finally:
        if not used_before:
            gdal.DontUseExceptions()


# -- the wrapper ---------------------------------------------------------------------------------------------

# What GDAL says when QGIS 3.22 closes a sink of a table without geometry in a GeoPackage: its
# QgsVectorLayerExporter asks every table for a spatial index when it is closed (SPATIAL_INDEX=NO is read for
# tables with geometry only).
NO_GEOMETRY_COLUMN = "No geometry column"


@contextmanager
def tables_closed_quietly():
    """Close (del) sinks of tables without geometry in this block: GDAL's "No geometry column" about the spatial
    index nobody asked for is dropped; every other GDAL message is printed as GDAL prints it."""
    from osgeo import gdal

    prefixes = {gdal.CE_Warning: "Warning {}: ", gdal.CE_Failure: "ERROR {}: ", gdal.CE_Fatal: "FATAL {}: "}

    def handler(error_class, number, message):
        if message != NO_GEOMETRY_COLUMN:
            sys.stderr.write(prefixes.get(error_class, "").format(number) + message + "\n")

    gdal.PushErrorHandler(handler)
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def _let_go(cancel):
    """Free what the cancelled run's frames hold (its open sinks among them) now, and quietly: a rule table's sink
    closed by a cancel printed GDAL's "No geometry column" too."""
    with tables_closed_quietly():
        traceback.clear_frames(cancel.__traceback__)


def checked(items, feedback, every=64, progress_to=None, total=0):
    """The items of `items`, stopping the run when `feedback` is cancelled (asked every `every` items): a cancel
    raises core.network.SearchCancelled, which the guard turns into the cancelled ending — a loop never leaves the
    steps after it half its data. With `progress_to` and the number of items (`total`), the progress bar moves
    from where it is to `progress_to` as the items go."""
    started = feedback.progress() if feedback is not None else 0.0
    for number, item in enumerate(items):
        if number % every == 0 and feedback is not None:
            if feedback.isCanceled():
                raise SearchCancelled()
            if progress_to is not None and total:
                feedback.setProgress(started + (progress_to - started) * min(number / total, 1.0))
        yield item


def cancelled_message():
    return tr("Cancelled: no output was written and earlier results are unchanged.", _CONTEXT)


def guard_outputs(process):
    """Wrap a processAlgorithm: check outputs first and write them aside. The results are moved into place by
    `commit_outputs` (postProcessAlgorithm) once the styles are saved in them, only when the run succeeded.

    A run nested in another run of the same algorithm object (a subclass calling super()) is guarded once.
    """
    @functools.wraps(process)
    def guarded(self, parameters, context, feedback):
        if getattr(self, "_output_guard", None) is not None:
            return process(self, parameters, context, feedback)
        guard = OutputGuard(self, parameters, context, feedback)
        self._output_guard = guard
        succeeded = False
        try:
            self.prepare_output_guard(guard, parameters, context)
            guard.check()
            guard.prepare()
            results = None
            try:
                results = process(self, guard.parameters, context, feedback)
            except SearchCancelled as cancel:  # a network search stopped by the cancel: Processing's cancelled ending
                _let_go(cancel)
            except Exception as error:  # noqa: BLE001
                # A loop stopped by the cancel leaves the steps after it too little to go on ("no walkable line",
                # a category never walked): whatever they raise then, the run ends as cancelled.
                if feedback is None or not feedback.isCanceled():
                    raise
                _let_go(error)
            # Raised here, outside the except clauses, so that the cancelled message keeps no traceback of the
            # algorithm alive (its frames hold QGIS sources, which crash QGIS 3.22 when freed at exit).
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(cancelled_message())
            succeeded = True
            return guard.final_results(results, loads=True)
        finally:
            if not succeeded:
                guard.discard()
                self._output_guard = None

    guarded.output_guarded = True
    return guarded


def commit_outputs(post_process):
    """Wrap a postProcessAlgorithm: after it (styles saved into the written files), move the results into
    place and tell Processing their final names."""
    @functools.wraps(post_process)
    def committed(self, context, feedback):
        guard = getattr(self, "_output_guard", None)
        if guard is None or getattr(guard, "committing", False):
            return post_process(self, context, feedback)
        guard.committing = True
        try:
            results = post_process(self, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(cancelled_message())
            guard.commit()
            return guard.final_results(results, loads=False)
        finally:
            guard.discard()
            self._output_guard = None

    committed.output_guarded = True
    return committed
