"""One place that knows how outputs look: colours, legend labels, and saving styles as defaults.

Every algorithm styles its outputs through here, so a layer looks the same whether it was loaded
by the Processing dialog (through a layer post-processor) or opened later from a GeoPackage
written by a headless `qgis_process` run (through the default style saved in the GeoPackage).
"""

import colorsys
import re
import zlib

from qgis.core import (QgsCategorizedSymbolRenderer, QgsLayerMetadata, QgsProcessingLayerPostProcessorInterface,
                       QgsProcessingUtils, QgsProviderRegistry, QgsRendererCategory, QgsSymbol, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtGui import QColor

from ..core import output_fields as F
from ..core.sql import is_view
from ..i18n import current_language, tr
from ..processing.output_safety import final_name
from .names import *  # noqa: F401,F403  (styles.STYLE_RULES, …)
from .compliance import set_output_aliases, set_status_value_maps
from .loading import ROLE_TABLES, place_loaded_layer, role_for_style

# Hue per group of the guide, so facilities of one goal read as one family on the map.
GROUP_HUES = {
    "basic_public_services": 0.02,   # red-orange
    "convenience_commerce": 0.78,    # purple
    "municipal_infrastructure": 0.58,  # blue
    "public_space": 0.33,            # green
    "property_management": 0.08,     # brown-orange
    "community_governance": 0.0,     # grey (saturation 0)
    "life_circle": 0.48,             # teal
    "scale": 0.15,
}
UNRECOGNISED_COLOUR = "#9e9e9e"



def category_colours(standard):
    """A distinct colour per facility category: the group's hue, varying lightness within a group."""
    by_group = {}
    for category in standard.categories:
        group = standard.item(category.item).group
        by_group.setdefault(group, []).append(category.code)
    colours = {}
    for group, codes in by_group.items():
        # An unknown group (a local standard's) gets a hue from its code: the same in every session
        # (hash() of a str changes each time Python starts).
        hue = GROUP_HUES.get(group, (zlib.crc32(group.encode("utf-8")) % 100) / 100.0)
        saturation = 0.0 if group == "community_governance" else 0.75
        for index, code in enumerate(codes):
            lightness = 0.30 + 0.40 * (index / max(len(codes) - 1, 1))
            red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
            colours[code] = QColor.fromRgbF(red, green, blue)
    return colours


def facility_category_renderer(standard, geometry_type, field=F.CC_CATEGORY.name, language=None):
    """Categorised renderer: one legend entry per category of the standard, plus 'unrecognised'."""
    language = language or current_language()
    colours = category_colours(standard)
    categories = []
    for category in standard.categories:
        symbol = _symbol(geometry_type, colours[category.code])
        categories.append(QgsRendererCategory(category.code, symbol, category.name.get(language)))
    # An empty value is QGIS's catch-all class: NULL and any label the standard does not know.
    categories.append(QgsRendererCategory("", _symbol(geometry_type, QColor(UNRECOGNISED_COLOUR)),
                                          tr("Unrecognised category", "Styles")))
    return QgsCategorizedSymbolRenderer(field, categories)


def _symbol(geometry_type, colour):
    symbol = QgsSymbol.defaultSymbol(geometry_type)
    symbol.setColor(colour)
    if geometry_type == QgsWkbTypes.PointGeometry:
        symbol.setSize(2.8)
        symbol.symbolLayer(0).setStrokeColor(QColor("white"))
    elif geometry_type == QgsWkbTypes.PolygonGeometry:
        symbol.setOpacity(0.75)
        symbol.symbolLayer(0).setStrokeColor(colour.darker(140))
    return symbol


def save_as_default_style(layer, style_name):
    """Store the layer's current style in its database as the default (a GeoPackage's or PostGIS's
    `layer_styles`, created when missing): QGIS applies it whenever the table is opened. Returns an error
    text, or '' (also for formats that hold no styles)."""
    in_geopackage = layer.providerType() == "ogr" and ".gpkg" in layer.source().lower()
    if not (in_geopackage or layer.providerType() == "postgres"):
        return ""
    return layer.saveStyleToDatabase(style_name, tr("Complete Community style", "Styles"), True, "") or ""


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """When Processing loads an output into the project: applies a style function, then places the layer by
    its role (styles/loading.py: order, the run's group, visibility)."""

    # QGIS does not own Python post-processors and sip would delete one nobody holds before it runs: keep
    # each until it has run (a run that fails before loading leaves a few small objects behind, no more).
    _alive = []

    def __init__(self, apply_style, role=None, run_name=None, layer_name=None, standard=None):
        super().__init__()
        self.apply_style = apply_style
        self.role = role
        self.run_name = run_name
        # The run's standard names the codes in the aliases (kindergarten_dist_m → 步行距离：幼儿园（米）): read
        # once by the run, not again for each layer it loads.
        self.standard = standard
        # Processing names a layer read from a file after the file (its table) by default; a name of ours wins.
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        try:
            if self.layer_name:
                layer.setName(self.layer_name)
            if isinstance(layer, QgsVectorLayer):
                self.apply_style(layer)
                set_read_only_if_view(layer)
                # Aliases and value maps in the language of this QGIS, whatever the language of the run.
                table = ROLE_TABLES.get(self.role)
                set_output_aliases(layer, self.standard, table=table)
                set_status_value_maps(layer, table)
                layer.triggerRepaint()
            if self.role:
                place_loaded_layer(layer, self.role, self.run_name, context.project())
        finally:
            if self in StyleOnLoad._alive:
                StyleOnLoad._alive.remove(self)

    @classmethod
    def create(cls, apply_style, role=None, run_name=None, layer_name=None, standard=None):
        processor = cls(apply_style, role, run_name, layer_name, standard)
        cls._alive.append(processor)
        return processor


def set_read_only_if_view(layer):
    """A GeoPackage view (assess's community_rules) loaded read-only: OGR offers to edit it, SQLite would refuse
    every change when it is saved."""
    if layer.providerType() != "ogr":
        return
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if parts.get("layerName") and is_view(parts.get("path", ""), parts["layerName"]):
        layer.setReadOnly(True)


def load_default_style(layer):
    """The style saved as the layer's default in its database (GeoPackage or PostGIS `layer_styles`)."""
    layer.loadDefaultStyle()


STANDARD_KEYWORDS = "complete_community_standard"  # the metadata vocabulary naming the standard of a result


def standard_keywords(standard):
    """['id=…', 'name=…', 'version=…', 'sha256=…']: which standard, exactly, produced a result."""
    return ["id={}".format(standard.id), "name={}".format(standard.name.zh), "version={}".format(standard.version),
            "sha256={}".format(standard.content_hash)]


def standard_of(layer):
    """{'id', 'name', 'version', 'sha256'} recorded in a result layer's metadata, or {} when none is."""
    values = layer.metadata().keywords().get(STANDARD_KEYWORDS, [])
    return dict(value.split("=", 1) for value in values if "=" in value)


def record_standard(layer, standard):
    """Write which standard produced `layer` into its metadata — in the GeoPackage itself (gpkg_metadata) when
    the layer is one, so the record travels with the file. Returns an error text or ''."""
    metadata = QgsLayerMetadata(layer.metadata())
    keywords = metadata.keywords()
    keywords[STANDARD_KEYWORDS] = standard_keywords(standard)
    metadata.setKeywords(keywords)
    metadata.setAbstract(tr("Produced by the Complete Community plugin with the standard {} ({}, version {}, "
                            "sha256 {}).", "Styles").format(standard.name.zh, standard.id, standard.version,
                                                             standard.content_hash))
    layer.setMetadata(metadata)
    if layer.providerType() != "ogr" or ".gpkg" not in layer.source().lower():
        return ""
    registry = QgsProviderRegistry.instance()
    parts = registry.decodeUri("ogr", layer.source())
    if not parts.get("layerName"):
        # A GeoPackage given by its path alone (qgis_process OUTPUT=x.gpkg): OGR opened its first layer, and saving
        # metadata needs that layer's name.
        from osgeo import gdal

        dataset = gdal.OpenEx(parts.get("path", ""), gdal.OF_VECTOR)
        if dataset is None or dataset.GetLayerCount() == 0:
            return tr("cannot open {}", "Styles").format(parts.get("path"))
        parts["layerName"] = dataset.GetLayer(0).GetName()
        dataset = None
    saved, error = registry.providerMetadata("ogr").saveLayerMetadata(registry.encodeUri("ogr", parts), metadata)
    return "" if saved else (error or "?")


def style_output(dest_id, context, feedback, apply_style, style_name, run_name=None, standard=None):
    """Style an algorithm's output both ways: as saved default (GeoPackage) and when loaded (GUI). `run_name`:
    the group the loaded layer joins when the run loads several layers. `standard`: the standard that produced
    the output, recorded in its metadata (record_standard)."""
    if not dest_id:
        return
    # A layer already in the context (a temporary output) is styled in place. A written file is opened
    # as a layer of our own, closed when done: loading it into the context's layer store would leave an
    # OGR dataset there, which QGIS 3.22 can crash on when the context is destroyed.
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context, False)
    database = re.match(r"^(?:postgis|postgres):(.*)$", dest_id)
    if layer is None and database:
        layer = QgsVectorLayer(database.group(1), "style", "postgres")
    elif layer is None and ".gpkg" in dest_id.lower():
        layer = QgsVectorLayer(dest_id, "style", "ogr")
    if isinstance(layer, QgsVectorLayer) and layer.isValid():
        apply_style(layer)
        # The saved default carries aliases and value maps too (in the run's language; a layer Processing
        # loads gets them again in the language of the QGIS that loads it).
        table = ROLE_TABLES.get(role_for_style(style_name))
        set_output_aliases(layer, standard, table=table)  # the run's standard, not the guide read again per table
        set_status_value_maps(layer, table)
        error = save_as_default_style(layer, style_name)
        if error:
            feedback.reportError(tr("Could not save the default style of {}: {}", "Styles").format(dest_id, error))
        if standard is not None:
            error = record_standard(layer, standard)
            if error:
                feedback.reportError(tr("Could not record the standard in the metadata of {}: {}", "Styles").format(
                    dest_id, error))
    # A guarded run writes into a partial folder; Processing loads the layer under its final name.
    loaded_as = final_name(dest_id)
    if context.willLoadLayerOnCompletion(loaded_as):
        context.layerToLoadOnCompletionDetails(loaded_as).setPostProcessor(
            StyleOnLoad.create(apply_style, role_for_style(style_name), run_name, standard=standard))
