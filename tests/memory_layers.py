"""Small memory layers for the algorithm tests, written row by row (shared by several test files)."""

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer


def memory_layer(definition, name, rows, fields=()):
    """A memory layer from a definition ("Point?crs=EPSG:4547&field=kind:string"), extra `fields`
    [(name, QVariant type)] and `rows` [(attribute values, WKT or None for no geometry)]."""
    layer = QgsVectorLayer(definition, name, "memory")
    if fields:
        layer.dataProvider().addAttributes([QgsField(field_name, kind) for field_name, kind in fields])
        layer.updateFields()
    features = []
    for values, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer
