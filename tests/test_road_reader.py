"""The road reader's two ways in (processing/inputs/network.py): QGIS's features, and OGR in bulk for a whole
GeoPackage or shapefile (processing/inputs/bulk_read.py). Both must give the same network, problems and messages;
the bulk one is taken only where it can, and gives way to QGIS's features otherwise."""

import random

import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingContext,
                       QgsProcessingFeatureSource, QgsProcessingFeatureSourceDefinition, QgsProcessingFeedback,
                       QgsProject, QgsVectorLayer)

from complete_community.core.network import ENGINES, WalkingNetwork
from complete_community.core.values import is_missing
from complete_community.processing.inputs import network as road_reader
from complete_community.processing.inputs.bulk_read import qgis_values, source_layer, whole_layer
from complete_community.processing.inputs.network import NetworkOptions, read_network_lines
from complete_community.processing.inputs.problems import InputProblems
from recording_feedback import RecordingFeedback

CRS = "EPSG:4547"


def write_layer(path, rows, fields, driver="GPKG", geometry_type=ogr.wkbUnknown, layer_name="roads", epsg=4547):
    """A file layer from rows [(values…, WKT or None)]; fields [(name, OGR type)]."""
    source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    layer = source.CreateLayer(layer_name, reference, geometry_type)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (name, _kind), value in zip(fields, row[:-1]):
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        if row[-1] is not None:
            geometry = row[-1]
            feature.SetGeometry(geometry if isinstance(geometry, ogr.Geometry) else ogr.CreateGeometryFromWkt(geometry))
        layer.CreateFeature(feature)
    source = None
    return str(path) if driver != "GPKG" else "{}|layername={}".format(path, layer_name)


def read_both(uri, walkable="", speed="", options=None, context=None, engine=None, working=None):
    """(QGIS's way, the bulk way): each (network, problems by message, feedback messages); the second also says
    whether the bulk reader was taken."""
    layer = QgsVectorLayer(uri, "roads", "ogr")
    assert layer.isValid()
    outcomes = []
    for whole in (None, layer):
        run_context = context or _context()
        feedback = RecordingFeedback()
        problems = InputProblems()
        source = QgsProcessingFeatureSource(layer, run_context)
        network = read_network_lines(source, "roads", working or layer.crs(), walkable, speed, 80.0, run_context,
                                     feedback, problems, options, whole)
        if engine is not None:
            network = WalkingNetwork(_lines_of(network), engine=engine)
        outcomes.append((network, dict(problems._groups), feedback.messages))
    return outcomes


def _lines_of(network):
    return [[(network.node_x[a], network.node_y[a]), (network.node_x[b], network.node_y[b])]
            for a, b in zip(network.segment_from.tolist(), network.segment_to.tolist())]


def _context(check=QgsFeatureRequest.GeometryNoCheck):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(check)
    return context


def taken_in_bulk(uri, walkable="", speed="", options=None, context=None, working=None):
    """Whether the bulk reader reads this layer (rather than giving way to QGIS's features)."""
    layer = QgsVectorLayer(uri, "roads", "ogr")
    context = context or _context()
    source = QgsProcessingFeatureSource(layer, context)
    reading = road_reader._Reading(source, "roads", working or layer.crs(), walkable, speed, 80.0,
                                   options or NetworkOptions(), context, RecordingFeedback(), InputProblems())
    return road_reader._read_in_bulk(reading, layer) is not None


def assert_same(outcomes):
    (first, first_problems, first_messages), (second, second_problems, second_messages) = outcomes
    for name in ("node_x", "node_y", "segment_from", "segment_to", "segment_length", "segment_cost", "segment_line"):
        assert np.array_equal(getattr(first, name), getattr(second, name)), name
    assert first.problems == second.problems
    assert list(first_problems.items()) == list(second_problems.items())  # the same order of first appearance
    assert first_messages == second_messages
    first_components, second_components = first.components(), second.components()
    assert np.array_equal(first_components.node_component, second_components.node_component)
    if first.segment_count:
        points_x, points_y = first.node_x[::7] + 3.0, first.node_y[::7] - 2.0
        sources_first = first.snap(first.node_x[:3] + 1.0, first.node_y[:3], 50)
        sources_second = second.snap(first.node_x[:3] + 1.0, first.node_y[:3], 50)
        nearest_first = first.nearest(sources_first, first.snap(points_x, points_y, 50))
        nearest_second = second.nearest(sources_second, second.snap(points_x, points_y, 50))
        assert np.array_equal(nearest_first.distance, nearest_second.distance)
        assert np.array_equal(nearest_first.status, nearest_second.status)


def line_with(value):
    """A line with a coordinate that is not a finite number (WKT cannot say it)."""
    line = ogr.Geometry(ogr.wkbLineString)
    line.AddPoint_2D(500300.0, 3000300.0)
    line.AddPoint_2D(500350.0, 3000650.0)
    line.AddPoint_2D(value, 3000700.0)
    return line


def grid_rows(size=12, spacing=100.0):
    """A street grid in pieces, some two-part lines, values that repeat (as in a city)."""
    rows = []
    for row in range(size):
        for column in range(size - 1):
            x, y = 500000.0 + column * spacing, 3000000.0 + row * spacing
            rows.append(("LINESTRING({} {}, {} {}, {} {})".format(x, y, x + spacing / 2, y + 0.25, x + spacing, y)))
            rows.append(("LINESTRING({} {}, {} {})".format(y - 2500000.0, x + 2500000.0, y - 2500000.0,
                                                            x + 2500000.0 + spacing)))
    rows.append("MULTILINESTRING((500000 3000000, 499900 2999900), (499900 2999900, 499800 2999950))")
    return rows


def test_a_plain_geopackage_is_read_in_bulk_with_the_same_network(tmp_path):
    uri = write_layer(tmp_path / "roads.gpkg", [(1, wkt) for wkt in grid_rows()], [("walkable", ogr.OFTInteger)])
    assert taken_in_bulk(uri, "walkable")
    assert_same(read_both(uri, "walkable"))


def test_the_sample_district_roads_in_bulk(tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "sample_data" / "sample_district.gpkg"
    uri = "{}|layername=roads".format(sample)
    assert taken_in_bulk(uri, "walkable")
    for options in (None, NetworkOptions(split_at_crossings=True), NetworkOptions(osm_walkable=True)):
        assert_same(read_both(uri, "walkable", options=options))


@pytest.mark.parametrize("driver", ["GPKG", "ESRI Shapefile"])
def test_awkward_values_and_geometries_give_the_same_problems_both_ways(tmp_path, driver):
    """Flags that are not yes/no, NULLs, speeds that are no positive number, lines without geometry, empty ones,
    degenerate ones, non-finite coordinates, Z, multi-part lines, parts crossing without a vertex."""
    generator = random.Random(16)
    rows = []
    for number, wkt in enumerate(grid_rows(8)):
        walkable = generator.choice([1, 1, 1, 0, None, 2])
        speed = generator.choice([80.0, 60.0, 80.0, -5.0, 0.0, None, float("nan"), 1e308])
        rows.append((walkable, speed, wkt))
    rows += [(1, 80.0, None), (1, 70.0, "LINESTRING EMPTY"), (None, None, "LINESTRING(500000 3000000, 500000 3000000)"),
             (1, 80.0, "LINESTRING(500001 3000001, 500001.0004 3000001)"),
             (1, 80.0, "LINESTRING Z(500300 3000300 5, 500400 3000300 6)"),
             (1, 80.0, line_with(float("inf"))), (0, 80.0, line_with(float("nan"))),
             (1, 80.0, "MULTILINESTRING((500100 3000100, 500200 3000200),(500200 3000200, 500250 3000280))")]
    extension = "gpkg" if driver == "GPKG" else "shp"
    geometry_type = ogr.wkbUnknown if driver == "GPKG" else ogr.wkbMultiLineString25D
    if driver != "GPKG":  # a shapefile has neither empty geometries nor mixed dimensions
        rows = [row for row in rows if row[-1] is None or "EMPTY" not in row[-1]]
    uri = write_layer(tmp_path / ("roads." + extension), rows, [("walkable", ogr.OFTInteger), ("speed", ogr.OFTReal)],
                      driver, geometry_type)
    assert taken_in_bulk(uri, "walkable", "speed")
    for options in (None, NetworkOptions(split_at_crossings=True)):
        outcomes = read_both(uri, "walkable", "speed", options)
        assert outcomes[0][1], "the layer has problems to report"
        assert_same(outcomes)


def test_text_flags_and_osm_tags_in_a_geopackage(tmp_path):
    generator = random.Random(7)
    fields = [("walkable", ogr.OFTString), ("highway", ogr.OFTString), ("foot", ogr.OFTString),
              ("bridge", ogr.OFTString), ("layer", ogr.OFTInteger64), ("other_tags", ogr.OFTString),
              ("level", ogr.OFTString)]
    rows = []
    for wkt in grid_rows(9):
        rows.append((generator.choice(["是", "否", "yes", "no", "maybe", None, " ", "1.0"]),
                     generator.choice(["footway", "motorway", "residential", None, "trunk"]),
                     generator.choice([None, "no", "yes"]), generator.choice([None, "yes", "no"]),
                     generator.choice([None, 1, -1, 0]),
                     generator.choice([None, '"tunnel"=>"yes"', '"access"=>"private","layer"=>"2"', '"foot"=>"no"']),
                     generator.choice([None, "桥", "隧道", "3", ""]), wkt))
    uri = write_layer(tmp_path / "osm.gpkg", rows, fields)
    for options in (NetworkOptions(), NetworkOptions(osm_walkable=True),
                    NetworkOptions(split_at_crossings=True, level_field="level")):
        assert taken_in_bulk(uri, "walkable", options=options)
        assert_same(read_both(uri, "walkable", options=options))


def test_a_field_read_for_two_purposes(tmp_path):
    """The level field is also an OSM tag, the speed field is the walkable field: each read once, used twice."""
    rows = [(value, "yes" if number % 4 == 0 else None, wkt)
            for number, (value, wkt) in enumerate(zip([1, 0, 80, 2] * 100, grid_rows(6)))]
    uri = write_layer(tmp_path / "twice.gpkg", rows, [("walkable", ogr.OFTInteger), ("bridge", ogr.OFTString)])
    options = NetworkOptions(split_at_crossings=True, level_field="bridge")
    assert taken_in_bulk(uri, "walkable", "walkable", options)
    assert_same(read_both(uri, "walkable", "walkable", options))


@pytest.mark.parametrize("engine", ENGINES)
def test_same_distances_on_each_engine(tmp_path, engine):
    uri = write_layer(tmp_path / "roads.gpkg", [(wkt,) for wkt in grid_rows()], [])
    assert_same(read_both(uri, engine=engine))


def test_longitude_and_latitude_projected_in_one_call_as_qgis_projects_each_feature(tmp_path):
    """WGS84 roads measured in the CGCS2000 Gauss-Krüger zone: every vertex projected in one call gives the same
    numbers as QGIS projecting feature by feature; a line with a coordinate that is not a finite number is
    reported as QGIS's reader reports it; a point no projection takes sends the whole layer through QGIS."""
    generator = random.Random(3)
    rows = []
    for row in range(10):
        for column in range(9):
            longitude, latitude = 118.0 + column * 0.001, 24.0 + row * 0.001
            rows.append((generator.choice([1, 0, None]), "LINESTRING({} {}, {} {}, {} {})".format(
                longitude, latitude, longitude + 0.0005, latitude + 0.00001, longitude + 0.001, latitude)))
            rows.append((1, "LINESTRING({} {}, {} {})".format(latitude + 94.0, longitude - 94.0, latitude + 94.0,
                                                              longitude - 93.999)))
    rows.append((1, line_with(float("nan"))))
    working = QgsCoordinateReferenceSystem("EPSG:4527")  # CGCS2000 3-degree Gauss-Kruger zone 39
    uri = write_layer(tmp_path / "wgs84.gpkg", rows, [("walkable", ogr.OFTInteger)], epsg=4326)
    assert taken_in_bulk(uri, "walkable", working=working)
    outcomes = read_both(uri, "walkable", working=working)
    assert outcomes[0][1], "the line with NaN is reported"
    assert_same(outcomes)
    beyond = write_layer(tmp_path / "beyond.gpkg", rows + [(1, "LINESTRING(118 24, 118 95)")],
                         [("walkable", ogr.OFTInteger)], epsg=4326)
    assert not taken_in_bulk(beyond, "walkable", working=working)
    assert_same(read_both(beyond, "walkable", working=working))


def test_curves_go_through_qgis_features(tmp_path):
    rows = [("LINESTRING(500000 3000000, 500100 3000000)",), ("CIRCULARSTRING(500100 3000000, 500150 3000050, "
                                                              "500200 3000000)",)]
    uri = write_layer(tmp_path / "curves.gpkg", rows, [])
    assert not taken_in_bulk(uri)
    assert_same(read_both(uri))


def test_geometry_check_gives_way_only_when_a_geometry_would_be_judged(tmp_path):
    clean = write_layer(tmp_path / "clean.gpkg", [(wkt,) for wkt in grid_rows(4)], [])
    for check in (QgsFeatureRequest.GeometryAbortOnInvalid, QgsFeatureRequest.GeometrySkipInvalid):
        assert taken_in_bulk(clean, context=_context(check))
    for name, wkt in (("repeated", "LINESTRING(500000 3000000, 500000 3000000)"), ("empty", "LINESTRING EMPTY"),
                      ("single", "MULTILINESTRING((500000 3000000, 500000 3000000), (500000 3000000, 500010 3000000))"),
                      ("nan", line_with(float("nan")))):
        uri = write_layer(tmp_path / (name + ".gpkg"), [(wkt,) for wkt in grid_rows(4)] + [(wkt,)], [])
        assert taken_in_bulk(uri, context=_context(QgsFeatureRequest.GeometryNoCheck)), name
        assert not taken_in_bulk(uri, context=_context(QgsFeatureRequest.GeometrySkipInvalid)), name
        assert_same(read_both(uri, context=_context(QgsFeatureRequest.GeometrySkipInvalid)))


def test_what_is_not_the_whole_file_goes_through_qgis(tmp_path, processing_context):
    rows = [(1 if number % 3 else 0, number % 2 == 1, 1.5, wkt) for number, wkt in enumerate(grid_rows(5))]
    path = tmp_path / "roads.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(4547)
    layer = source.CreateLayer("roads", reference, ogr.wkbLineString)
    for name, kind, subtype in (("walkable", ogr.OFTInteger, ogr.OFSTNone), ("flag", ogr.OFTInteger, ogr.OFSTBoolean),
                                ("speed32", ogr.OFTReal, ogr.OFSTFloat32)):
        definition = ogr.FieldDefn(name, kind)
        definition.SetSubType(subtype)
        layer.CreateField(definition)
    for walkable, flag, speed, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("walkable", walkable)
        feature.SetField("flag", int(flag))
        feature.SetField("speed32", speed)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    uri = "{}|layername=roads".format(path)
    assert taken_in_bulk(uri, "walkable")
    assert not taken_in_bulk(uri, "flag")  # GDAL 3.6's arrays read booleans wrong
    assert not taken_in_bulk(uri, "walkable", "speed32")  # single precision in OGR's arrays, double in QGIS's
    assert not taken_in_bulk(uri, "fid")  # a field for QGIS, the FID for OGR
    assert_same(read_both(uri, "flag", "speed32"))

    subset = QgsVectorLayer(uri, "roads", "ogr")
    subset.setSubsetString('"walkable" = 1')
    assert whole_layer(subset, None, ["walkable"], processing_context) is None
    edited = QgsVectorLayer(uri, "roads", "ogr")
    edited.startEditing()
    assert whole_layer(edited, None, ["walkable"], processing_context) is None
    edited.rollBack()
    memory = QgsVectorLayer("LineString?crs={}&field=walkable:integer".format(CRS), "roads", "memory")
    assert whole_layer(memory, None, ["walkable"], processing_context) is None
    plain = QgsVectorLayer(uri, "roads", "ogr")
    assert whole_layer(plain, None, ["walkable"], processing_context) is not None
    plain.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))  # a CRS set in QGIS: the coordinates are read as given
    assert whole_layer(plain, None, ["walkable"], processing_context) is not None


class _Algorithm:
    """parameterAsVectorLayer as a Processing algorithm answers it."""

    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802 (Qt's name)
        from qgis.core import QgsProcessingUtils

        value = parameters[name]
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue()
        return value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)


def test_a_selection_or_feature_limit_is_not_the_whole_layer(tmp_path, processing_context):
    uri = write_layer(tmp_path / "roads.gpkg", [(wkt,) for wkt in grid_rows(3)], [])
    layer = QgsVectorLayer(uri, "roads", "ogr")
    algorithm = _Algorithm()
    assert source_layer(algorithm, {"NETWORK": layer}, "NETWORK", processing_context) is layer
    for definition in (QgsProcessingFeatureSourceDefinition(layer.id(), True),
                       QgsProcessingFeatureSourceDefinition(layer.id(), False, 10)):
        assert source_layer(algorithm, {"NETWORK": definition}, "NETWORK", processing_context) is None


class _FilteredDefinition(QgsProcessingFeatureSourceDefinition):
    """A real source definition carrying the filter expression QGIS ≥ 3.32 gives it (the 3.22 tested here has no
    such attribute, nor a constructor argument for it): the one stand-in, for that attribute alone."""

    filterExpression = "walkable = 1"  # noqa: N815 (QGIS's name)


def test_a_filter_expression_is_not_the_whole_layer(tmp_path, processing_context):
    layer = QgsVectorLayer(write_layer(tmp_path / "roads.gpkg", [(wkt,) for wkt in grid_rows(3)], []), "roads", "ogr")
    project = processing_context.project()
    project.addMapLayer(layer, False)  # found by its id (a layer loaded into the context could crash its end)
    try:
        whole = QgsProcessingFeatureSourceDefinition(layer.id())
        assert source_layer(_Algorithm(), {"NETWORK": whole}, "NETWORK", processing_context) is layer
        filtered = _FilteredDefinition(layer.id())
        assert source_layer(_Algorithm(), {"NETWORK": filtered}, "NETWORK", processing_context) is None
    finally:
        project.removeMapLayer(layer.id())


def test_walking_access_reads_a_geopackage_in_bulk_and_gets_what_qgis_gets(tmp_path, cc_provider, processing_context):
    """evaluate_walking_access on the sample district: the same outputs whether the roads come as the GeoPackage
    (bulk) or as a memory copy of it (QGIS's features)."""
    import processing
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "sample_data" / "sample_district.gpkg"
    layers = {name: QgsVectorLayer("{}|layername={}".format(sample, name), name, "ogr")
              for name in ("roads", "communities", "facilities")}  # layer objects: see qgis-notes on contexts
    results = []
    for network in (layers["roads"], layers["roads"].materialize(QgsFeatureRequest())):
        output = tmp_path / "walking_{}.gpkg".format(len(results))
        parameters = {"COMMUNITIES": layers["communities"], "COMMUNITY_ID_FIELD": "community_id",
                      "POPULATION_FIELD": "population", "TYPE_FIELD": "community_type",
                      "FACILITIES": layers["facilities"], "CATEGORY_FIELD": "category",
                      "NETWORK": network, "WALKABLE_FIELD": "walkable", "OUTPUT": str(output),
                      "OUTPUT_RULES": "TEMPORARY_OUTPUT"}
        result = processing.run("complete_community:evaluate_walking_access", parameters,
                                 context=processing_context, feedback=QgsProcessingFeedback())
        written = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
        fields = [field.name() for field in written.fields() if field.name().endswith("_dist_m")]
        assert fields
        results.append(sorted((feature["community_id"], tuple(
            None if is_missing(feature[name]) else feature[name] for name in fields))
            for feature in written.getFeatures()))
    assert results[0] == results[1]


def test_a_cancel_during_the_bulk_read_ends_the_run(tmp_path):
    from complete_community.core.network import SearchCancelled

    uri = write_layer(tmp_path / "roads.gpkg", [(wkt,) for wkt in grid_rows(4)], [])
    layer = QgsVectorLayer(uri, "roads", "ogr")
    context = _context()
    feedback = RecordingFeedback()
    feedback.cancel()
    with pytest.raises(SearchCancelled):
        read_network_lines(QgsProcessingFeatureSource(layer, context), "roads", layer.crs(), "", "", 80.0, context,
                           feedback, InputProblems(), None, layer)


def test_an_empty_layer_and_a_layer_of_null_geometries(tmp_path):
    for name, rows in (("empty", []), ("nulls", [(1, None), (None, None)])):
        uri = write_layer(tmp_path / (name + ".gpkg"), rows, [("walkable", ogr.OFTInteger)])
        assert taken_in_bulk(uri, "walkable"), name
        assert_same(read_both(uri, "walkable"))


def test_ogr_array_values_are_given_as_qgis_gives_them():
    """One decoding for the road and point readers: text from UTF-8 (a broken byte replaced, not an error),
    numbers as they are, None where the null mask says so."""
    text = np.array([b"walk", "步行".encode("utf-8"), b"\xff", b""], dtype=object)
    assert qgis_values(text, np.array([False, False, False, True])) == ["walk", "步行", "\ufffd", None]
    numbers = np.array([1.5, 2.0, 0.0])
    plain = qgis_values(numbers, np.array([False, True, False]))
    assert plain == [1.5, None, 0.0] and type(plain[0]) is float
