"""A whole layer (roads, facilities, origins) read through OGR in bulk, when QGIS would hand over exactly the same
features, and its values given as QGIS gives them.

QGIS's feature loop costs a few microseconds per feature in Python (a QgsFeature, its attributes, its geometry
copied to WKB): about 1.6 s for a city's 300,000 roads. GDAL ≥ 3.6 hands a layer over as numpy arrays (its Arrow
stream): the same roads in about 0.2 s. That is taken only where it gives what QGIS's features would:

* the layer is used whole: a QgsVectorLayer, or a Processing source of it without selection, feature limit,
  filter expression or geometry-check override;
* a GeoPackage or shapefile opened by QGIS's "ogr" provider without subset, open options or /vsi prefix, not in
  edit mode, and the fields read are the file's own (not joined or virtual) and of a type whose values OGR's
  arrays give exactly (integers, 64-bit reals, and text in a GeoPackage, which is always UTF-8);

and `read_whole_layer` gives up (None) on anything it does not know how to give the same way, so the caller reads
through QGIS instead.
"""

from dataclasses import dataclass

import numpy as np

from qgis.core import QgsFeatureRequest, QgsFields, QgsProviderRegistry, QgsVectorLayer

# The drivers read in bulk, and whether their text fields are read too (a shapefile's text comes in the
# encoding QGIS was told, which OGR's arrays do not know).
_DRIVERS = {"GPKG": True, "ESRI Shapefile": False}
_BATCH = 65536  # features per numpy batch (a cancel is noticed between two)


@dataclass(frozen=True)
class WholeLayer:
    """An OGR layer that QGIS reads without changing anything: file path and layer name (or index)."""

    path: str
    layer_name: str
    layer_index: int
    driver: str
    invalid_geometry_check: int  # what QGIS would do with a GEOS-invalid geometry (QgsFeatureRequest's check)


@dataclass(frozen=True, eq=False)
class BulkFeatures:
    """Every feature of a layer, in the order QGIS's features come.

    fid          feature ids (QGIS's: the OGR FID)
    wkb          every non-null geometry's WKB, one after another
    wkb_length   each feature's WKB length (0: no geometry)
    columns      field name → (values, null mask): values a numpy array (text as bytes), null mask a bool array
    """

    fid: np.ndarray
    wkb: bytes
    wkb_length: np.ndarray
    columns: dict

    def __len__(self):
        return len(self.fid)


def whole_layer(source, layer, field_names, context):
    """The WholeLayer behind `source` (read with `context`) when reading it in bulk gives what QGIS gives, else None.

    layer         the QgsVectorLayer `source` reads in full, or None when unknown (then `source` itself counts if
                  it is a layer)
    field_names   the fields that will be read
    """
    if isinstance(source, QgsVectorLayer):
        layer, check = source, QgsFeatureRequest.GeometryNoCheck  # a layer's own features are not checked
    else:
        check = context.invalidGeometryCheck()
    if layer is None or not layer.isValid() or layer.providerType() != "ogr" or layer.isEditable():
        return None
    if layer.subsetString() or source.sourceCrs() != layer.crs():
        return None
    provider = layer.dataProvider()
    driver = provider.storageType()
    if driver not in _DRIVERS:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if set(key for key, value in parts.items() if value not in (None, "")) - {"path", "layerName", "layerId"}:
        return None  # a subset, open options, a geometry type of a mixed layer, a /vsi path, …
    fields = layer.fields()
    for name in field_names:
        index = fields.lookupField(name)
        if index < 0 or fields.fieldOrigin(index) != QgsFields.OriginProvider:
            return None
    layer_id = parts.get("layerId")
    return WholeLayer(parts["path"], parts.get("layerName") or "", int(layer_id) if layer_id not in (None, "") else 0,
                      driver, int(check))


def source_layer(algorithm, parameters, name, context):
    """The QgsVectorLayer a feature-source parameter reads whole (no selection, feature limit, filter expression
    or geometry-check override), or None."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        # filterExpression: QGIS ≥ 3.32 (Processing then reads only the features it selects).
        if (value.selectedFeaturesOnly or value.featureLimit != -1 or int(value.flags)
                or getattr(value, "filterExpression", "")):
            return None
    return algorithm.parameterAsVectorLayer(parameters, name, context)


def qgis_value(value):
    """A value of OGR's arrays as QGIS gives it: text decoded from UTF-8, a number as it is."""
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def qgis_values(values, null):
    """A column of OGR's arrays (BulkFeatures.columns' values and null mask) as QGIS gives it: a list of numbers
    or text, None for NULL."""
    plain = [qgis_value(value) for value in values.tolist()] if values.dtype.kind in "SO" else values.tolist()
    for index in np.flatnonzero(null).tolist():
        plain[index] = None
    return plain


def read_whole_layer(table, field_names, should_stop=None):
    """BulkFeatures of a WholeLayer with the fields `field_names` (QGIS's names), or None when OGR cannot give them
    exactly as QGIS would (a field type it converts differently, no Arrow stream, the file gone, arrays of a
    shape this GDAL version was not seen to give)."""
    try:
        from osgeo import ogr
    except ImportError:  # pragma: no cover - GDAL's Python bindings come with QGIS
        return None
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):  # GDAL < 3.6
        return None
    try:
        return _read(ogr, table, field_names, should_stop)
    except (RuntimeError, TypeError, ValueError):  # RuntimeError: GDAL's errors once anything called UseExceptions()
        return None


def _read(ogr, table, field_names, should_stop):
    dataset = ogr.Open(table.path, 0)
    if dataset is None:
        return None
    layer = dataset.GetLayerByName(table.layer_name) if table.layer_name else dataset.GetLayer(table.layer_index)
    if layer is None or dataset.GetDriver().GetName() != table.driver:
        return None
    definition = layer.GetLayerDefn()
    field_names = list(dict.fromkeys(field_names))  # a field read for two purposes is read once
    names = []
    for name in field_names:
        index = definition.GetFieldIndex(name)
        if index < 0:
            return None  # e.g. the GeoPackage's fid, a field for QGIS and the FID for OGR
        field = definition.GetFieldDefn(index)
        kind, subtype = field.GetType(), field.GetSubType()
        # No subtype: OGR's arrays read booleans wrong (GDAL 3.6) and give float32 fields in single precision.
        readable = kind in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal) or (
            kind == ogr.OFTString and _DRIVERS[table.driver])
        if not readable or subtype != ogr.OFSTNone:
            return None
        names.append(field.GetName())
    layer.SetIgnoredFields([definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())
                            if definition.GetFieldDefn(index).GetName() not in names] + ["OGR_STYLE"])
    fid_key = layer.GetFIDColumn() or "OGC_FID"
    geometry_key = layer.GetGeometryColumn() or "wkb_geometry"
    stream = layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES", "USE_MASKED_ARRAYS=YES",
                                          "MAX_FEATURES_IN_BATCH={}".format(_BATCH)])
    if stream is None:
        return None
    fids, blobs, lengths = [], [], []
    columns = {name: ([], []) for name in names}
    try:
        for batch in stream:
            if should_stop is not None and should_stop():
                return None
            if fid_key not in batch or geometry_key not in batch or any(name not in batch for name in names):
                return None
            fids.append(np.asarray(batch[fid_key], dtype=np.int64))
            blob, length = _geometries(batch[geometry_key])
            blobs.append(blob)
            lengths.append(length)
            for name in names:
                values, null = np.ma.getdata(batch[name]), np.ma.getmaskarray(batch[name])
                if values.dtype.kind == "O":  # text as Python objects (not GDAL 3.6's bytes): None under the mask
                    values = np.array(["" if value is None else value for value in values.tolist()])
                columns[name][0].append(values)
                columns[name][1].append(null)
    finally:
        del stream  # before its layer and dataset
    del layer, dataset
    if not fids:
        empty = np.zeros(0, dtype=np.int64)
        return BulkFeatures(empty, b"", empty, {name: (np.zeros(0), np.zeros(0, dtype=bool)) for name in field_names})
    return BulkFeatures(np.concatenate(fids), b"".join(blobs), np.concatenate(lengths),
                        {qgis_name: (np.concatenate(columns[name][0]), np.concatenate(columns[name][1]))
                         for qgis_name, name in zip(field_names, names)})


def _geometries(column):
    """(the WKB of a batch's geometries one after another, each one's length; 0 for a null geometry)."""
    mask = np.ma.getmaskarray(column)
    values = np.ma.getdata(column)
    if values.dtype.kind == "V":  # every geometry of the batch has the same length: one fixed-size array
        length = np.where(mask, 0, values.dtype.itemsize).astype(np.int64)
        return values[~mask].tobytes(), length
    blobs = [b"" if null or blob is None else bytes(blob) for blob, null in zip(values.tolist(), mask.tolist())]
    return b"".join(blobs), np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
