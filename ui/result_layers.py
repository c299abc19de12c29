"""Finding what belongs to a selected community on a result layer: its rows of the per-rule table, its
walking distances and the service areas — wherever the assessment put them.

Works on any community layer an evaluation wrote (`assess`'s `communities`, `evaluate_facilities`'
`community_facilities`, temporary layers): the rules table is a layer of the same GeoPackage named
`<layer>_rules` or `community_rules`, or any loaded table with community_id + rule_id + status;
walking distances are `<category>_dist_m` fields on the layer itself or on a sibling walking layer
(`community_walking`) matched by community id. Tables that are not loaded are read with GDAL/OGR and
closed at once, so no layer object outlives the call.
"""

import os

from qgis.core import (QgsExpression, QgsFeatureRequest, QgsMapLayerType, QgsProject, QgsProviderRegistry,
                       QgsWkbTypes)

from ..core import output_fields as F
from ..core.sql import quoted_identifier
from . import guess
from .assess_dialog import describe_layer
from ..core.values import is_missing, is_null
from .scorecard import DISTANCE_SUFFIX, ID_FIELDS, NAME_FIELDS, as_text, is_rules_table

RULES_TABLE_NAMES = ("community_rules",)
WALKING_TABLE_NAMES = ("community_walking", "communities")
SERVICE_AREA_NAMES = ("service_areas",)
SERVICE_AREA_FIELDS = (F.CC_CATEGORY.name,)
COMMUNITY_RESULT_FIELDS = (F.CC_SCORE.name, F.CC_STATUS.name, F.WALK_SCORE.name, F.WALK_STATUS.name,
                           F.ITEM_STATUS.name_for("scale"))
LIFE_CIRCLE_FIELDS = (F.LC_ID.name, F.LC_STATUS.name)  # life circles have distances too, but are no community


# ------------------------------------------------------------------------------------------- layers

def is_vector(layer):
    return layer is not None and layer.type() == QgsMapLayerType.VectorLayer and layer.isValid()


def is_community_result(layer):
    """A layer an evaluation wrote for communities: polygons with a score, a verdict, item statuses or
    walking distances."""
    if not is_vector(layer) or layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        return False
    names = layer.fields().names()
    if any(name in names for name in COMMUNITY_RESULT_FIELDS):
        return True
    if any(name in names for name in LIFE_CIRCLE_FIELDS):
        return False
    return any(name.endswith(DISTANCE_SUFFIX) for name in names)


def gpkg_parts(layer):
    """(file path, table name) of a layer read from a file by OGR; (None, None) otherwise."""
    if not is_vector(layer) or layer.providerType() != "ogr":
        return None, None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or None
    table = parts.get("layerName") or None
    if path and not table:
        table = os.path.splitext(os.path.basename(path))[0]
    return (os.path.abspath(path) if path else None), table


def file_tables(path):
    """Names of the tables in a GeoPackage/OGR file (empty if it cannot be opened)."""
    if not path or not os.path.isfile(path):
        return []
    from osgeo import ogr

    source = ogr.Open(path)
    if source is None:
        return []
    try:
        return [source.GetLayerByIndex(index).GetName() for index in range(source.GetLayerCount())]
    finally:
        source = None


def _sql_text(value):
    return "'{}'".format(str(value).replace("'", "''"))


def read_file_rows(path, table, field, values):
    """Rows (dicts) of `table` in `path` whose `field` is one of `values` (compared as text)."""
    from osgeo import ogr

    source = ogr.Open(path)
    if source is None:
        return []
    try:
        layer = source.GetLayerByName(table)
        if layer is None or layer.GetLayerDefn().GetFieldIndex(field) < 0:
            return []
        layer.SetAttributeFilter("{} IN ({})".format(
            quoted_identifier(field), ", ".join(_sql_text(value) for value in values)))
        return [feature.items() for feature in layer]
    finally:
        source = None


def read_layer_rows(layer, field, values):
    """Rows (dicts, NULL as None) of a loaded layer whose `field` is one of `values` (compared as text)."""
    if layer.fields().lookupField(field) < 0:
        return []
    expression = "to_string({}) IN ({})".format(QgsExpression.quotedColumnRef(field), ", ".join(
        QgsExpression.quotedString(str(value)) for value in values))
    request = QgsFeatureRequest().setFilterExpression(expression)
    request.setFlags(QgsFeatureRequest.NoGeometry)
    names = layer.fields().names()
    return [{name: (None if is_null(value) else value) for name, value in zip(names, feature.attributes())}
            for feature in layer.getFeatures(request)]


def feature_attributes(feature):
    """{field: value} with NULL as None."""
    names = feature.fields().names()
    return {name: (None if is_missing(value) else value) for name, value in zip(names, feature.attributes())}


# -------------------------------------------------------------------------------------- a table's place

class Table:
    """A table next to a result layer: a loaded layer, or a table of a file read on demand."""

    def __init__(self, layer=None, path=None, name=None):
        self.layer = layer
        self.path = path
        self.name = name if name is not None else (layer.name() if layer is not None else None)

    def rows(self, field, values):
        values = [value for value in values if not is_missing(value)]
        if not values:
            return []
        if self.layer is not None:
            return read_layer_rows(self.layer, field, values)
        return read_file_rows(self.path, self.name, field, values)

    def __repr__(self):
        return "Table({!r})".format(self.name if self.layer is None else self.layer.name())


def _loaded_vector_layers(project):
    return [layer for layer in project.mapLayers().values() if is_vector(layer)]


def find_rules_table(layer, project=None):
    """The per-rule table that belongs to `layer`, or None."""
    project = project or QgsProject.instance()
    path, table = gpkg_parts(layer)
    wanted = ([table + "_rules"] if table else []) + list(RULES_TABLE_NAMES)
    loaded = [candidate for candidate in _loaded_vector_layers(project) if candidate is not layer
              and is_rules_table(candidate.fields().names())]
    if path:
        for name in wanted:
            for candidate in loaded:
                if gpkg_parts(candidate) == (path, name):
                    return Table(layer=candidate)
        tables = file_tables(path)
        for name in wanted:
            if name in tables:
                return Table(path=path, name=name)
    # A temporary or other result: a loaded rules table (one from the same file first).
    loaded.sort(key=lambda candidate: gpkg_parts(candidate)[0] != path)
    return Table(layer=loaded[0]) if loaded else None


def rules_tables(layer, project=None):
    """Every plausible rules table, the best first (the dock tries them until one has the community)."""
    project = project or QgsProject.instance()
    best = find_rules_table(layer, project)
    tables = [best] if best is not None else []
    for candidate in _loaded_vector_layers(project):
        if is_rules_table(candidate.fields().names()) and (best is None or candidate is not best.layer):
            tables.append(Table(layer=candidate))
    return tables


def find_walking_table(layer, project=None):
    """Where the walking distances of `layer`'s communities are: None when the layer holds them itself."""
    names = layer.fields().names()
    if any(name.endswith(DISTANCE_SUFFIX) for name in names):
        return None
    project = project or QgsProject.instance()
    path, table = gpkg_parts(layer)
    candidates = [candidate for candidate in _loaded_vector_layers(project) if candidate is not layer
                  and any(name.endswith(DISTANCE_SUFFIX) for name in candidate.fields().names())]
    if path:
        for candidate in candidates:
            if gpkg_parts(candidate)[0] == path:
                return Table(layer=candidate)
        tables = file_tables(path)
        for name in WALKING_TABLE_NAMES:
            if name in tables and name != table:
                return Table(path=path, name=name)
    return Table(layer=candidates[0]) if candidates else None


def find_service_areas(layer=None, project=None):
    """A loaded layer of service areas (polygons, or the streets served as lines, with cc_category), one from
    `layer`'s file first."""
    project = project or QgsProject.instance()
    path = gpkg_parts(layer)[0] if layer is not None else None
    candidates = []
    for candidate in _loaded_vector_layers(project):
        names = candidate.fields().names()
        if candidate.geometryType() not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.LineGeometry) or \
                candidate is layer:
            continue
        if not all(name in names for name in SERVICE_AREA_FIELDS):
            continue
        _path, table = gpkg_parts(candidate)
        named = table in SERVICE_AREA_NAMES or "service" in candidate.name().lower() or "服务范围" in candidate.name()
        if not named and F.LIMIT_M.name not in names:
            continue  # classified facility areas also have cc_category
        candidates.append((gpkg_parts(candidate)[0] != path, not named, candidate))
    candidates.sort(key=lambda entry: entry[:2])
    return candidates[0][2] if candidates else None


# ------------------------------------------------------------------------------------ a community's id

def identity_candidates(layer, feature):
    """[(field, value)] that may identify the community in the other tables, the most likely first:
    cc_community_id, community_id, the field that looks like an id, then the feature id."""
    attributes = feature_attributes(feature)
    candidates = []
    info = describe_layer(layer)
    guessed = guess.field_for(info, "COMMUNITY_ID_FIELD") if info is not None else None
    for name in ID_FIELDS + ((guessed,) if guessed else ()):
        if name in attributes and not is_missing(attributes[name]):
            value = attributes[name]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if (name, value) not in candidates:
                candidates.append((name, value))
    candidates.append((None, feature.id()))
    return candidates


def community_name(layer, feature):
    attributes = feature_attributes(feature)
    info = describe_layer(layer)
    guessed = guess.field_for(info, "COMMUNITY_NAME_FIELD") if info is not None else None
    for name in NAME_FIELDS + ((guessed,) if guessed else ()):
        if name in attributes and not is_missing(attributes[name]):
            return as_text(attributes[name])
    return None


def community_rules(layer, feature, project=None):
    """(rows, community id) of the community in the first rules table that has it; ([], None) if none."""
    candidates = identity_candidates(layer, feature)
    for table in rules_tables(layer, project):
        for _field, value in candidates:
            rows = table.rows(F.COMMUNITY_ID_ROW.name, [value])
            if rows:
                return rows, value
    return [], None


def community_walking(layer, feature, project=None):
    """The walking fields of the community: its own attributes, or its record on the sibling walking layer."""
    table = find_walking_table(layer, project)
    if table is None:
        return feature_attributes(feature)
    for field, value in identity_candidates(layer, feature):
        if field is None:
            continue
        for key in dict.fromkeys((field,) + ID_FIELDS):
            rows = table.rows(key, [value])
            if rows:
                return rows[0]
    return {}
