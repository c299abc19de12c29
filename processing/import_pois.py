"""导入兴趣点 — a POI export (Amap, Baidu, Tencent, OSM or any table) as classified points in true coordinates."""

import re

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsFeature,
                       QgsFeatureSink, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsWkbTypes)

from ..core import china_coordinates
from ..core import output_fields as F
from ..core.values import is_missing
from ..core.poi_classifier import PoiClassifier
from ..core.poi_import import (ImportCounts, detect_source, guess_fields, median, plausible_lon_lat,
                               read_coordinates, type_from_details)
from ..i18n import current_language
from ..standards import StandardError
from ..standards.vocabulary import GENERIC_SOURCE, SOURCE_ORDER, load_vocabularies
from ..styles import facility_category_renderer, style_output
from .base_algorithm import CompleteCommunityAlgorithm, extend_fields

SOURCE_CHOICES = ("auto",) + SOURCE_ORDER + (GENERIC_SOURCE,)
COORDINATE_CHOICES = ("auto", china_coordinates.GCJ02, china_coordinates.BD09, china_coordinates.WGS84,
                      china_coordinates.CGCS2000)
GEOGRAPHIC_CRS = "EPSG:4326"
MAX_LISTED = 10


class ImportPoisAlgorithm(CompleteCommunityAlgorithm):
    INPUT = "INPUT"
    SOURCE = "SOURCE"
    COORDINATES = "COORDINATES"
    LOCATION_FIELD = "LOCATION_FIELD"
    X_FIELD = "X_FIELD"
    Y_FIELD = "Y_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    TYPECODE_FIELD = "TYPECODE_FIELD"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"
    OUTPUT_UNMATCHED = "OUTPUT_UNMATCHED"
    IMPORTED_COUNT = "IMPORTED_COUNT"
    UNMATCHED_COUNT = "UNMATCHED_COUNT"

    ALGORITHM_ID = "import_pois"
    GROUP = "standard"

    def displayName(self):
        return self.tr("Import POIs (Amap, Baidu, Tencent, OSM)")

    def source_labels(self):
        return [self.tr("Automatic (from the field names)"), self.tr("Amap 高德"), self.tr("Baidu 百度"),
                self.tr("Tencent 腾讯"), self.tr("OpenStreetMap"), self.tr("Other table (generic)")]

    def coordinate_labels(self):
        return [self.tr("Automatic (Amap, Tencent: GCJ-02; Baidu: BD-09; others: WGS84)"),
                self.tr("GCJ-02 (Amap 高德, Tencent 腾讯)"), self.tr("BD-09 (Baidu 百度)"),
                self.tr("WGS84 (GPS, OSM)"), self.tr("CGCS2000 (survey, Tianditu 天地图)")]

    def shortHelpString(self):
        return self.tr(
            "Turns a POI export into facilities the evaluations can use, in one step: the provider's coordinates "
            "are corrected (GCJ-02 of Amap and Tencent, BD-09 of Baidu: 300–700 m off) and projected, and every "
            "POI is classified into the guide's categories from its type code, type and name.<br><br>"
            "<b>Input</b>: a CSV or spreadsheet without geometry (Amap's 'location' = 'lng,lat', or longitude and "
            "latitude fields) or a point layer. <b>Source</b>: automatic recognises an Amap export by 'location' "
            "with 'type'/'typecode', a Baidu export by 'uid' with 'tag' or 'detail_info', a Tencent export by "
            "'category' with 'id', an OSM layer by its tag fields; the log says what was recognised and why. "
            "<b>Coordinates</b>: automatic follows the source. Fields left empty are guessed from the usual "
            "export field names. <b>Target CRS</b>: empty = the CGCS2000 3-degree Gauss-Krüger zone of the "
            "data's centre (EPSG:4547 at 114°E).<br>"
            "Classification: your mapping table, then the type code, the most specific type level, the name "
            "(read from the end with the branch '(…店)' removed: 幼儿园路便利店 is a convenience store) and the "
            "broader type levels. Generic types (诊所, 乡镇以下级政府及事业单位, 生活服务场所, 物流速递) are decided "
            "by the name. Vocabularies: standards/sources/*.yaml.<br>{}<br><br>"
            "<b>Output</b>: points with every input field plus cc_category (codes; several joined by ';' for a "
            "POI with several functions), cc_category_name, cc_match (mapping_table, typecode, type, name or "
            "alias), cc_match_detail and the raw coordinates. <b>Not counted</b>: every other row (cafés, "
            "residential compounds, unknown types, bad coordinates) with cc_reason. The log counts both per "
            "category and per reason.").format(self.standard_help()) + "<br><br>" + self.tr(
            "<b>Example</b>: an Amap CSV of 2,000 POIs around a district: 翠竹社区卫生服务站 typed 诊所 becomes "
            "health_station (by name), 菜鸟驿站(翠竹苑店) express_station, 星巴克 is listed as out of scope; the "
            "points land on the surveyed streets in EPSG:4547, ready for evaluate_facilities with "
            "CATEGORY_FIELD=cc_category.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("POI table or layer (CSV, XLSX, points)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterEnum(self.SOURCE, self.tr("Source"), options=self.source_labels(),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.COORDINATES, self.tr("Coordinate system of the data"), options=self.coordinate_labels(),
            defaultValue=0))
        for name, label in ((self.LOCATION_FIELD, self.tr("Location field ('lng,lat' text)")),
                            (self.X_FIELD, self.tr("Longitude field")), (self.Y_FIELD, self.tr("Latitude field")),
                            (self.NAME_FIELD, self.tr("Name field")), (self.TYPE_FIELD, self.tr("Type field")),
                            (self.TYPECODE_FIELD, self.tr("Type code field"))):
            parameter = QgsProcessingParameterField(name, label, parentLayerParameterName=self.INPUT, optional=True)
            if name in (self.TYPECODE_FIELD, self.LOCATION_FIELD, self.X_FIELD, self.Y_FIELD):
                parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Target CRS (empty: the CGCS2000 3° Gauss-Krüger zone of the data)"),
            optional=True))
        self.add_standard_parameter()
        self.add_mapping_table_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Classified POIs"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_UNMATCHED, self.tr("POIs not counted"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED_COUNT, self.tr("POIs classified")))
        self.addOutput(QgsProcessingOutputNumber(self.UNMATCHED_COUNT, self.tr("POIs not counted")))

    # -- reading ---------------------------------------------------------------------------------------
    def _input_fields(self, source, feedback, layer_name):
        """The input's fields, and whether its first row is really the header: GDAL reads a spreadsheet whose
        cells are all text (an Amap export: location is text) with fields Field1, Field2, … and the header
        as data."""
        fields = QgsFields(source.fields())
        if not fields.count() or not all(re.fullmatch(r"Field\d+", name) for name in fields.names()):
            return fields, False
        first = next(source.getFeatures(), None)
        if first is None:
            return fields, False
        header = [str(value).strip() if not is_missing(value) else "" for value in first.attributes()]
        if not all(header) or len(set(header)) != len(header):
            return fields, False
        for index, name in enumerate(header):
            fields.rename(index, name)
        feedback.pushInfo(self.tr("{}: the first row holds the field names ({}); read as the header.").format(
            layer_name, ", ".join(header)))
        return fields, True

    def _detect(self, parameters, context, feedback, input_fields, vocabularies, layer_name):
        field_names = input_fields.names()
        chosen = SOURCE_CHOICES[self.parameterAsEnum(parameters, self.SOURCE, context)]
        detection = detect_source(field_names, vocabularies)
        if chosen == "auto":
            source_id = detection.source
            if source_id == GENERIC_SOURCE:
                feedback.pushInfo(self.tr(
                    "{}: no provider's export recognised (fields: {}); read as a generic table.").format(
                    layer_name, ", ".join(field_names)))
            else:
                feedback.pushInfo(self.tr("{}: recognised as an export of {} by its fields {}.").format(
                    layer_name, vocabularies.source(source_id).name.get(current_language()),
                    ", ".join(detection.evidence)))
        else:
            source_id = chosen
            if detection.source not in (chosen, GENERIC_SOURCE):
                feedback.pushWarning(self.tr(
                    "{}: Source is set to {}, but the fields {} look like a {} export.").format(
                    layer_name, chosen, ", ".join(detection.evidence), detection.source))
        given = {role: self.parameterAsString(parameters, name, context) for role, name in (
            ("location", self.LOCATION_FIELD), ("x", self.X_FIELD), ("y", self.Y_FIELD), ("name", self.NAME_FIELD),
            ("type", self.TYPE_FIELD), ("typecode", self.TYPECODE_FIELD))}
        for role, field_name in given.items():
            if field_name and input_fields.lookupField(field_name) < 0:
                raise QgsProcessingException(self.tr("The layer {} has no field '{}'.").format(layer_name, field_name))
        fields = guess_fields(field_names, vocabularies, source_id, given)
        described = ", ".join("{} ← {}".format(role, fields[role]) for role in (
            "location", "x", "y", "name", "type", "typecode") if fields.get(role))
        feedback.pushInfo(self.tr("Fields read: {}.").format(described or self.tr("none recognised")))
        if fields.get("tags"):
            feedback.pushInfo(self.tr("OSM tags read from: {}.").format(", ".join(fields["tags"])))
        if not (fields.get("name") or fields.get("type") or fields.get("typecode") or fields.get("tags")):
            raise QgsProcessingException(self.tr(
                "{}: no name, type or type code field found among {}; choose them with Name field and Type "
                "field.").format(layer_name, ", ".join(field_names)))
        return source_id, fields

    def _coordinate_system(self, parameters, context, vocabularies, source_id):
        chosen = COORDINATE_CHOICES[self.parameterAsEnum(parameters, self.COORDINATES, context)]
        if chosen != "auto":
            return chosen
        if source_id == GENERIC_SOURCE:
            return china_coordinates.WGS84
        return vocabularies.source(source_id).coordinates

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        try:
            vocabularies = load_vocabularies(standard)
        except StandardError as error:
            raise QgsProcessingException(error.describe())
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_name = self.input_layer_name(parameters, self.INPUT, context)
        input_fields, header_row = self._input_fields(source, feedback, layer_name)
        source_id, fields = self._detect(parameters, context, feedback, input_fields, vocabularies, layer_name)
        system = self._coordinate_system(parameters, context, vocabularies, source_id)
        user_mapping = self.read_category_mapping(self.parameterAsFile(parameters, self.MAPPING_TABLE, context),
                                                  standard)
        classifier = PoiClassifier(standard, vocabularies, source_id, user_mapping)
        use_geometry = (QgsWkbTypes.geometryType(source.wkbType()) not in (
            QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry) and not any(
            self.parameterAsString(parameters, name, context) for name in (self.LOCATION_FIELD, self.X_FIELD)))
        to_geographic = None
        if use_geometry:
            to_geographic = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(GEOGRAPHIC_CRS),
                                                   context.transformContext())
            feedback.pushInfo(self.tr("Positions read from the layer's geometry ({}).").format(
                source.sourceCrs().authid()))
        to_true = china_coordinates.converter(system, china_coordinates.WGS84)

        rows = self._read_rows(source, input_fields, header_row, fields, classifier, use_geometry, to_geographic,
                               to_true, feedback)
        target_crs = self._target_crs(parameters, context, feedback, rows)
        to_target = QgsCoordinateTransform(QgsCoordinateReferenceSystem(GEOGRAPHIC_CRS), target_crs,
                                           context.transformContext())
        if china_coordinates.is_offset_system(system):
            feedback.pushInfo(self.tr("Coordinates: {} corrected to WGS84/CGCS2000, then projected to {}.").format(
                self.coordinate_labels()[COORDINATE_CHOICES.index(system)], target_crs.authid()))
        else:
            feedback.pushInfo(self.tr("Coordinates: {}, projected to {}.").format(
                self.coordinate_labels()[COORDINATE_CHOICES.index(system)], target_crs.authid()))

        out_fields, out_indexes = extend_fields(input_fields, [(f.name, f.kind) for f in F.IMPORTED_POI_FIELDS])
        unmatched_fields, unmatched_indexes = extend_fields(input_fields,
                                                           [(f.name, f.kind) for f in F.POIS_NOT_COUNTED_FIELDS])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, QgsWkbTypes.Point,
                                             target_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        unmatched_sink, unmatched_id = self.parameterAsSink(parameters, self.OUTPUT_UNMATCHED, context,
                                                            unmatched_fields, QgsWkbTypes.Point, target_crs)
        if unmatched_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_UNMATCHED))

        language = current_language()
        counts = ImportCounts()
        for feature, result, raw, true_point, problem in rows:
            if feedback.isCanceled():
                break
            geometry = QgsGeometry()
            if true_point is not None:
                try:
                    geometry = QgsGeometry.fromPointXY(to_target.transform(QgsPointXY(*true_point)))
                except QgsCsException:
                    problem = "implausible_coordinates"
            names = ";".join(standard.category(code).name.get(language) for code in result.categories)
            values = [result.category_text or None, names or None, result.match or None, result.detail or None,
                      raw[0], raw[1], system]
            if result.counted and problem is None:
                counts.count(result.categories, match=result.match)
                output = QgsFeature(out_fields)
                attributes = list(feature.attributes()) + [None] * (out_fields.count() - len(feature.attributes()))
                for index, value in zip(out_indexes, values):
                    attributes[index] = value
                output.setAttributes(attributes)
                output.setGeometry(geometry)
                sink.addFeature(output, QgsFeatureSink.FastInsert)
            else:
                reason = problem or result.reason
                counts.count((), reason=reason)
                output = QgsFeature(unmatched_fields)
                attributes = list(feature.attributes()) + [None] * (
                    unmatched_fields.count() - len(feature.attributes()))
                for index, value in zip(unmatched_indexes, [reason] + values):
                    attributes[index] = value
                output.setAttributes(attributes)
                output.setGeometry(geometry)
                unmatched_sink.addFeature(output, QgsFeatureSink.FastInsert)
        self._report(feedback, standard, language, counts)
        self._standard, self._dest_id = standard, dest_id
        del sink, unmatched_sink
        return {self.OUTPUT: dest_id, self.OUTPUT_UNMATCHED: unmatched_id, self.IMPORTED_COUNT: counts.counted,
                self.UNMATCHED_COUNT: counts.rows - counts.counted}

    def _read_rows(self, source, input_fields, header_row, fields, classifier, use_geometry, to_geographic, to_true,
                   feedback):
        """[(feature, classification, raw (lon, lat), true (lon, lat) or None, problem or None)]."""
        names = input_fields.names()
        tag_fields = fields.get("tags", ())
        total = source.featureCount()
        step = 50.0 / total if total > 0 else 0
        rows = []
        for current, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            if header_row and current == 0:
                continue
            values = dict(zip(names, feature.attributes()))
            type_value = values.get(fields.get("type"))
            if is_missing(type_value) and fields.get("details"):
                type_value = type_from_details(values.get(fields["details"]))
            result = classifier.classify(values.get(fields.get("name")), type_value,
                                         values.get(fields.get("typecode")),
                                         {name: values.get(name) for name in tag_fields})
            raw, problem = (None, None), None
            if use_geometry:
                geometry = feature.geometry()
                if geometry is None or geometry.isEmpty():
                    problem = "no_geometry"
                else:
                    point = geometry if geometry.type() == QgsWkbTypes.PointGeometry else geometry.pointOnSurface()
                    xy = point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0]
                    try:
                        xy = to_geographic.transform(xy)
                        raw = (xy.x(), xy.y())
                    except QgsCsException:
                        problem = "implausible_coordinates"
            else:
                lon, lat, problem = read_coordinates(values, fields)
                raw = (lon, lat)
            true_point = None
            if problem is None:
                if not plausible_lon_lat(*raw):
                    problem = "implausible_coordinates"
                else:
                    true_point = to_true(*raw)
            rows.append((feature, result, raw, true_point, problem))
            feedback.setProgress(int(current * step))
        return rows

    def _target_crs(self, parameters, context, feedback, rows):
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if crs.isValid():
            return crs
        centre = median([true_point[0] for _feature, _result, _raw, true_point, _problem in rows
                         if true_point is not None])
        epsg = china_coordinates.gauss_kruger_zone_epsg(centre if centre is not None else 114.0)
        feedback.pushInfo(self.tr("Target CRS: EPSG:{}, the CGCS2000 3° Gauss-Krüger zone of the data's centre "
                                  "(longitude {:.2f}°).").format(epsg, centre if centre is not None else 114.0))
        return QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))

    def _report(self, feedback, standard, language, counts):
        feedback.pushInfo(self.tr("{} row(s) read: {} classified, {} not counted.").format(
            counts.rows, counts.counted, counts.rows - counts.counted))
        for category in standard.categories:
            if category.code in counts.per_category:
                feedback.pushInfo(self.tr("  {} ({}): {}").format(category.name.get(language), category.code,
                                                                  counts.per_category[category.code]))
        if counts.per_match:
            labels = dict(F.value_map(F.POI_MATCH_VALUES))
            feedback.pushInfo(self.tr("Matched by: {}.").format(", ".join(
                "{} ({}) {}".format(labels.get(match, match), match, count)
                for match, count in sorted(counts.per_match.items()))))
        texts = dict(F.value_map(F.POI_REASON_VALUES))
        for reason, count in sorted(counts.per_reason.items(), key=lambda item: -item[1]):
            feedback.pushInfo(self.tr("  not counted, {} ({}): {}").format(texts.get(reason, reason), reason, count))

    def postProcessAlgorithm(self, context, feedback):
        standard = self._standard

        def apply_style(layer):
            layer.setRenderer(facility_category_renderer(standard, QgsWkbTypes.PointGeometry))

        style_output(self._dest_id, context, feedback, apply_style, "cc_facility_categories")
        return {}
