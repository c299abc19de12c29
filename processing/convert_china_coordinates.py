"""坐标纠偏 — any vector layer from GCJ-02 or BD-09 (Amap, Tencent, Baidu) to WGS84/CGCS2000, and back."""

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeature,
                       QgsFeatureSink, QgsGeometry, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource)

from ..core import china_coordinates
from .base_algorithm import CompleteCommunityAlgorithm

# The systems offered, in the order of the drop-down lists.
SYSTEM_CHOICES = (china_coordinates.GCJ02, china_coordinates.BD09, china_coordinates.WGS84)
GEOGRAPHIC_CRS = "EPSG:4326"
MAX_LISTED_FEATURES = 10


def convert_geometry(geometry, point_function):
    """A copy of `geometry` with every vertex moved by point_function(lon, lat) → (lon, lat); z and m kept."""
    converted = QgsGeometry(geometry)
    vertices = list(geometry.vertices())
    for index, vertex in enumerate(vertices):
        lon, lat = point_function(vertex.x(), vertex.y())
        moved = vertex.clone()
        moved.setX(lon)
        moved.setY(lat)
        converted.moveVertex(moved, index)
    return converted


class ConvertChinaCoordinatesAlgorithm(CompleteCommunityAlgorithm):
    INPUT = "INPUT"
    FROM_SYSTEM = "FROM_SYSTEM"
    TO_SYSTEM = "TO_SYSTEM"
    OUTPUT = "OUTPUT"
    CONVERTED_COUNT = "CONVERTED_COUNT"

    ALGORITHM_ID = "convert_china_coordinates"
    GROUP = "standard"

    def displayName(self):
        return self.tr("Convert Chinese map coordinates (Amap, Baidu, Tencent)")

    def system_labels(self):
        return [self.tr("GCJ-02 (Amap 高德, Tencent 腾讯)"), self.tr("BD-09 (Baidu 百度)"),
                self.tr("WGS84 / CGCS2000 (GPS, survey, Tianditu 天地图)")]

    def shortHelpString(self):
        return self.tr(
            "Moves every vertex of a layer from the offset coordinates of Chinese web maps to true coordinates, "
            "or back. Positions taken from Amap (高德) or Tencent maps are in GCJ-02, those from Baidu in BD-09: "
            "300–700 m away from WGS84/CGCS2000 survey data. Use it for boundaries or roads digitised on an Amap "
            "or Baidu basemap before measuring anything with them.<br><br>"
            "<b>Input</b>: any vector layer (points, lines, polygons) in any CRS; its coordinates are read as "
            "longitude/latitude after reprojecting to WGS84 (a layer that says EPSG:4326 but holds GCJ-02 values, "
            "as exports usually do, is right as it is). <b>From</b> / <b>To</b>: the systems. The inverse "
            "conversions are iterated to better than 1 mm; points outside China are left unchanged, as the "
            "providers do. CGCS2000 and WGS84 differ by centimetres and are treated as one.<br><br>"
            "<b>Output</b>: the same features and fields, in the input's CRS, with converted geometry.") + \
            "<br><br>" + self.tr(
            "<b>Example</b>: community boundaries drawn over an Amap basemap (GCJ-02), From = GCJ-02, To = "
            "WGS84 / CGCS2000: in Wuhan the boundaries move about 500 m south-west and now line up with the "
            "surveyed roads.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Input layer")))
        labels = self.system_labels()
        self.addParameter(QgsProcessingParameterEnum(self.FROM_SYSTEM, self.tr("From"), options=labels,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.TO_SYSTEM, self.tr("To"), options=labels,
                                                     defaultValue=2))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted layer")))
        self.addOutput(QgsProcessingOutputNumber(self.CONVERTED_COUNT, self.tr("Features converted")))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_name = self.input_layer_name(parameters, self.INPUT, context)
        from_system = SYSTEM_CHOICES[self.parameterAsEnum(parameters, self.FROM_SYSTEM, context)]
        to_system = SYSTEM_CHOICES[self.parameterAsEnum(parameters, self.TO_SYSTEM, context)]
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(self.tr(
                "The layer {} has no coordinate reference system; set it (usually EPSG:4326 for map exports) "
                "before converting.").format(layer_name))
        if from_system == to_system:
            feedback.pushWarning(self.tr("From and To are the same system: the features are copied unchanged."))
        point_function = china_coordinates.converter(from_system, to_system)
        geographic = QgsCoordinateReferenceSystem(GEOGRAPHIC_CRS)
        to_geographic = QgsCoordinateTransform(crs, geographic, context.transformContext())
        back = QgsCoordinateTransform(geographic, crs, context.transformContext())
        needs_reprojection = crs != geographic

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, source.fields(), source.wkbType(),
                                             crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = source.featureCount()
        step = 100.0 / total if total > 0 else 0
        converted_count, failed = 0, []
        for current, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            output = QgsFeature(feature)
            if feature.hasGeometry() and not feature.geometry().isEmpty():
                try:
                    geometry = QgsGeometry(feature.geometry())
                    if needs_reprojection:
                        geometry.transform(to_geographic)
                    geometry = convert_geometry(geometry, point_function)
                    if needs_reprojection:
                        geometry.transform(back)
                    output.setGeometry(geometry)
                    converted_count += 1
                except QgsCsException:
                    output.setGeometry(QgsGeometry())
                    failed.append(feature.id())
            sink.addFeature(output, QgsFeatureSink.FastInsert)
            feedback.setProgress(int(current * step))
        if failed:
            listed = ", ".join(str(fid) for fid in failed[:MAX_LISTED_FEATURES])
            feedback.pushWarning(self.tr(
                "Layer {}: {} feature(s) could not be reprojected to longitude/latitude (feature ids {}{}); they are "
                "kept without geometry.").format(layer_name, len(failed), listed,
                                                 ", …" if len(failed) > MAX_LISTED_FEATURES else ""))
        feedback.pushInfo(self.tr("{} feature(s) converted from {} to {}.").format(
            converted_count, self.system_labels()[SYSTEM_CHOICES.index(from_system)],
            self.system_labels()[SYSTEM_CHOICES.index(to_system)]))
        return {self.OUTPUT: dest_id, self.CONVERTED_COUNT: converted_count}
