"""人口估算 — residents from building footprints (floors × area ÷ floor area per person) or a population raster."""

import math

from qgis.core import (QgsCoordinateTransform, QgsCsException, QgsDistanceArea, QgsFeature, QgsFeatureSink,
                       QgsGeometry, QgsPointXY, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterBand, QgsProcessingParameterDefinition,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer,
                       QgsSpatialIndex, QgsWkbTypes)

from ..core import output_fields as F
from ..core.values import is_missing
from ..core.population import (DEFAULT_FLOOR_AREA_PER_PERSON, DEFAULT_FLOOR_HEIGHT, NOTE_NOT_RESIDENTIAL,
                               estimate_building, floors_of, is_residential)
from .base_algorithm import CompleteCommunityAlgorithm, extend_fields, make_fields

MAX_LISTED = 10
ELLIPSOID = "EPSG:7019"  # GRS 1980, the ellipsoid of CGCS2000: footprints measured in true square metres


class EstimatePopulationAlgorithm(CompleteCommunityAlgorithm):
    BUILDINGS = "BUILDINGS"
    FLOORS_FIELD = "FLOORS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    USE_FIELD = "USE_FIELD"
    FLOOR_AREA_PER_PERSON = "FLOOR_AREA_PER_PERSON"
    POPULATION_RASTER = "POPULATION_RASTER"
    RASTER_BAND = "RASTER_BAND"
    COMMUNITIES = "COMMUNITIES"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_COMMUNITIES = "OUTPUT_COMMUNITIES"
    TOTAL_POPULATION = "TOTAL_POPULATION"

    ALGORITHM_ID = "estimate_population"
    GROUP = "standard"

    def displayName(self):
        return self.tr("Estimate population")

    def shortHelpString(self):
        return self.tr(
            "Estimates residents where population data is missing, from one of two sources.<br><br>"
            "<b>Buildings</b>: footprints with a floors field (or a height field ÷ the storey height). A "
            "building's residents = footprint area (true m²) × floors ÷ <b>floor area per person</b>. Default "
            "{} m²: the 2020 census's housing floor area per person of urban households (第七次全国人口普查, "
            "城市家庭户人均住房建筑面积 36.52 m²); give your city's yearbook figure where you have it. With a "
            "<b>use field</b>, only buildings whose use says housing (住宅, 居住, 商住, residential, apartments, "
            "R…) hold residents; without one, every building does. Buildings without floors or height hold "
            "nobody and are counted in the log.<br>"
            "<b>Population raster</b>: a grid of residents per cell (e.g. a 100 m WorldPop or census grid): its "
            "cells become points with their residents, and communities sum the cells whose centre they contain."
            "<br><br><b>Output</b>: the buildings (or raster points) with cc_population_est — use them as ORIGINS "
            "of the walking evaluation with ORIGIN_POPULATION_FIELD=cc_population_est. <b>Communities</b> "
            "(optional): each community with cc_population_est (the sum), cc_population (the population field "
            "where it has a value, else the estimate) and cc_population_source (surveyed, estimated_buildings "
            "or estimated_raster), so an estimated figure is never taken for a counted one; evaluate with "
            "POPULATION_FIELD=cc_population.").format(DEFAULT_FLOOR_AREA_PER_PERSON) + "<br><br>" + self.tr(
            "<b>Example</b>: a residential block of 6 buildings of 18 floors on 600 m² each: 6 × 600 × 18 ÷ 36.52 "
            "≈ 1,774 residents.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Building footprints"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr("Floors field"), parentLayerParameterName=self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr("Height field (m), used where floors are missing"),
            parentLayerParameterName=self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.USE_FIELD, self.tr("Building use field (residential or not)"),
            parentLayerParameterName=self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.FLOOR_AREA_PER_PERSON, self.tr("Floor area per person (m²)"), QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_FLOOR_AREA_PER_PERSON, minValue=1.0))
        height = QgsProcessingParameterNumber(
            self.FLOOR_HEIGHT, self.tr("Storey height (m), to read floors from a height"),
            QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_FLOOR_HEIGHT, minValue=1.0)
        height.setFlags(height.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(height)
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.POPULATION_RASTER, self.tr("Population raster (residents per cell), instead of buildings"),
            optional=True))
        band = QgsProcessingParameterBand(self.RASTER_BAND, self.tr("Raster band"), defaultValue=1,
                                          parentLayerParameterName=self.POPULATION_RASTER, optional=True)
        band.setFlags(band.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(band)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, self.tr("Communities (optional: sums per community)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field of the communities (kept where it has a value)"),
            parentLayerParameterName=self.COMMUNITIES, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Population (buildings or points)"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMMUNITIES, self.tr("Communities with estimated population"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_POPULATION, self.tr("Residents estimated")))

    def processAlgorithm(self, parameters, context, feedback):
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        raster = self.parameterAsRasterLayer(parameters, self.POPULATION_RASTER, context)
        if (buildings is None) == (raster is None):
            raise QgsProcessingException(self.tr(
                "Give either building footprints or a population raster (one of the two)."))
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        if buildings is not None:
            estimates, sink_result, crs = self._from_buildings(parameters, context, feedback, buildings)
            method = F.POPULATION_SOURCE_BUILDINGS
        else:
            estimates, sink_result, crs = self._from_raster(parameters, context, feedback, raster)
            method = F.POPULATION_SOURCE_RASTER
        results = {self.OUTPUT: sink_result, self.TOTAL_POPULATION: sum(value for _point, value in estimates)}
        feedback.pushInfo(self.tr("Residents estimated: {:,.0f}.").format(results[self.TOTAL_POPULATION]))
        if communities is not None:
            results[self.OUTPUT_COMMUNITIES] = self._communities(parameters, context, feedback, communities,
                                                                 estimates, crs, method)
        elif parameters.get(self.OUTPUT_COMMUNITIES):
            feedback.pushWarning(self.tr("No communities given: the communities output is not written."))
        return results

    # -- buildings -------------------------------------------------------------------------------------------
    def _from_buildings(self, parameters, context, feedback, source):
        layer_name = self.input_layer_name(parameters, self.BUILDINGS, context)
        field_names = {key: self.parameterAsString(parameters, key, context) for key in (
            self.FLOORS_FIELD, self.HEIGHT_FIELD, self.USE_FIELD)}
        for key, name in field_names.items():
            if name and source.fields().lookupField(name) < 0:
                raise QgsProcessingException(self.tr("The layer {} has no field '{}'.").format(layer_name, name))
        if not field_names[self.FLOORS_FIELD] and not field_names[self.HEIGHT_FIELD]:
            raise QgsProcessingException(self.tr(
                "Choose the floors field (or a height field) of {}: residents are estimated from floor area.").format(
                layer_name))
        per_person = self.parameterAsDouble(parameters, self.FLOOR_AREA_PER_PERSON, context)
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        if not (math.isfinite(per_person) and per_person > 0):
            raise QgsProcessingException(self.tr("The floor area per person must be a positive number."))
        feedback.pushInfo(self.tr("Floor area per person: {} m².").format(per_person))
        area = QgsDistanceArea()
        area.setSourceCrs(source.sourceCrs(), context.transformContext())
        area.setEllipsoid(ELLIPSOID)
        fields, indexes = extend_fields(source.fields(), [(f.name, f.kind) for f in F.BUILDING_POPULATION_FIELDS])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = source.featureCount()
        step = 100.0 / total if total > 0 else 0
        estimates, notes = [], {}
        for current, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            floors = floors_of(self._value(feature, field_names[self.FLOORS_FIELD]),
                               self._value(feature, field_names[self.HEIGHT_FIELD]), floor_height)
            residential = is_residential(self._value(feature, field_names[self.USE_FIELD]))
            geometry = feature.geometry()
            footprint = None
            if geometry is not None and not geometry.isEmpty():
                try:
                    footprint = area.measureArea(geometry)
                except QgsCsException:
                    footprint = None
            residents, floor_area, note = estimate_building(footprint, floors, residential, per_person)
            if note:
                notes.setdefault(note, []).append(feature.id())
            attributes = list(feature.attributes()) + [None] * (fields.count() - len(feature.attributes()))
            for index, value in zip(indexes, (residents, floor_area, floors, F.POPULATION_SOURCE_BUILDINGS, note)):
                attributes[index] = value
            output = QgsFeature(fields)
            output.setGeometry(geometry)
            output.setAttributes(attributes)
            sink.addFeature(output, QgsFeatureSink.FastInsert)
            if residents > 0:
                estimates.append((geometry.pointOnSurface().asPoint(), residents))
            feedback.setProgress(int(current * step))
        texts = dict(F.value_map(F.ESTIMATE_NOTE_VALUES))
        for note, ids in notes.items():
            listed = ", ".join(str(fid) for fid in ids[:MAX_LISTED])
            message = self.tr("Layer {}: {} building(s) hold no residents — {} (feature ids {}{}).").format(
                layer_name, len(ids), texts.get(note, note), listed, ", …" if len(ids) > MAX_LISTED else "")
            if note == NOTE_NOT_RESIDENTIAL:
                feedback.pushInfo(message)
            else:
                feedback.pushWarning(message)
        return estimates, dest_id, source.sourceCrs()

    @staticmethod
    def _value(feature, field_name):
        return feature.attribute(field_name) if field_name else None

    # -- raster ----------------------------------------------------------------------------------------------
    def _from_raster(self, parameters, context, feedback, raster):
        band = self.parameterAsInt(parameters, self.RASTER_BAND, context) or 1
        provider = raster.dataProvider()
        if band < 1 or band > raster.bandCount():
            raise QgsProcessingException(self.tr("The raster {} has no band {}.").format(raster.name(), band))
        extent = raster.extent()
        columns, rows = raster.width(), raster.height()
        block = provider.block(band, extent, columns, rows)
        cell_x, cell_y = extent.width() / columns, extent.height() / rows
        fields = make_fields(F.RASTER_POPULATION_FIELDS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, raster.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        estimates = []
        for row in range(rows):
            if feedback.isCanceled():
                break
            y = extent.yMaximum() - (row + 0.5) * cell_y
            for column in range(columns):
                if block.isNoData(row, column):
                    continue
                value = block.value(row, column)
                if not math.isfinite(value) or value <= 0:
                    continue
                point = QgsPointXY(extent.xMinimum() + (column + 0.5) * cell_x, y)
                feature = QgsFeature(fields)
                feature.setGeometry(QgsGeometry.fromPointXY(point))
                feature.setAttributes([float(value), F.POPULATION_SOURCE_RASTER])
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
                estimates.append((point, float(value)))
            feedback.setProgress(int(100.0 * row / rows))
        feedback.pushInfo(self.tr("Raster {}: {} × {} cells of {:g} × {:g}, {} populated.").format(
            raster.name(), columns, rows, cell_x, cell_y, len(estimates)))
        return estimates, dest_id, raster.crs()

    # -- communities -----------------------------------------------------------------------------------------
    def _communities(self, parameters, context, feedback, source, estimates, estimate_crs, method):
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        layer_name = self.input_layer_name(parameters, self.COMMUNITIES, context)
        if population_field and source.fields().lookupField(population_field) < 0:
            raise QgsProcessingException(self.tr("The layer {} has no field '{}'.").format(layer_name,
                                                                                          population_field))
        to_communities = QgsCoordinateTransform(estimate_crs, source.sourceCrs(), context.transformContext())
        index, points = QgsSpatialIndex(), {}
        for number, (point, value) in enumerate(estimates):
            try:
                moved = to_communities.transform(point)
            except QgsCsException:
                continue
            if not (math.isfinite(moved.x()) and math.isfinite(moved.y())):
                continue
            points[number] = (moved, value)
            feature = QgsFeature(number)
            feature.setGeometry(QgsGeometry.fromPointXY(moved))
            index.addFeature(feature)
        fields, indexes = extend_fields(source.fields(), [(f.name, f.kind) for f in F.COMMUNITY_POPULATION_FIELDS])
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_COMMUNITIES, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_COMMUNITIES))
        filled = 0
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            estimate = 0.0
            if geometry is not None and not geometry.isEmpty():
                engine = QgsGeometry.createGeometryEngine(geometry.constGet())
                engine.prepareGeometry()
                for number in index.intersects(geometry.boundingBox()):
                    moved, value = points[number]
                    point = QgsGeometry.fromPointXY(moved)  # held: constGet() lives only as long as it
                    if engine.contains(point.constGet()):
                        estimate += value
            given = feature.attribute(population_field) if population_field else None
            given = None if is_missing(given) else given
            if given is not None:
                values = (estimate, float(given), F.POPULATION_SOURCE_SURVEYED)
            else:
                values = (estimate, estimate, method)
                filled += 1
            attributes = list(feature.attributes()) + [None] * (fields.count() - len(feature.attributes()))
            for field_index, value in zip(indexes, values):
                attributes[field_index] = value
            output = QgsFeature(fields)
            output.setGeometry(geometry)
            output.setAttributes(attributes)
            sink.addFeature(output, QgsFeatureSink.FastInsert)
        feedback.pushInfo(self.tr("Communities: {} take the estimate as their population (marked {}).").format(
            filled, method))
        return dest_id
