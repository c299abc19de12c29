"""The fuzz suite's hostile inputs, as data: `build(directory)` writes every input file from the sample district,
`CASES` says for each case which algorithm runs with which parameters and what must come out.

    /usr/bin/python3 tests/fuzz/make_cases.py OUT_DIR    # writes the files and OUT_DIR/cases.json

Parameters name files relative to the case folder as "{dir}/…"; `expect` is one of
    {"error": [fragments]}                the run stops with a message containing every fragment
    {"rules": {community id: {rule id: status}}}  the run ends and these rules get these statuses
    {"sample_outcomes": True}             the run ends and every rule it evaluates has the status the sample's
                                          expected_outcomes table gives (the sample's documented answers)
    {"warnings": [fragments]}             (with the above or alone) the log contains every fragment
`qgis_process: true` cases also run through qgis_process in a subprocess (a crash fails the test, not pytest);
`in_process: false` cases run only there (they crashed QGIS before the fix, and must never kill pytest).
"""

import json
import os
import shutil
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
# A GeoPackage point (srs 4547, no envelope) at (+inf, -inf), as a broken export writes it.
INFINITE_POINT = "47500001C31100000101000000000000000000F07F000000000000F0FF"
# The same at (NaN, NaN).
NAN_POINT = "47500001C31100000101000000000000000000F87F000000000000F87F"

ALIAS_BOMB = """schema_version: 1
extends: complete_community_2021
id: bomb
name: {zh: 炸弹, en: bomb}
source: {zh: 测试, en: test}
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

OVERLAY_HEAD = """schema_version: 1
extends: complete_community_2021
id: my_city
name: {zh: 我的城市, en: My city}
source: {zh: 测试, en: test}
"""


def _sql(path, statements):
    """Run SQL through GDAL, which provides the functions of the GeoPackage's R-tree triggers."""
    from osgeo import gdal

    gdal.UseExceptions()
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    for statement in statements:
        dataset.ExecuteSQL(statement)
    dataset = None


def _ogr2ogr(*arguments):
    from osgeo import gdal

    gdal.UseExceptions()
    destination, source, *options = arguments
    result = gdal.VectorTranslate(destination, source, options=list(options))
    if result is None:
        raise RuntimeError("ogr2ogr {} failed".format(arguments))
    result = None


def _set_srs_id(path, srs_id):
    import sqlite3

    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE gpkg_geometry_columns SET srs_id=?", (srs_id,))
        connection.execute("UPDATE gpkg_contents SET srs_id=?", (srs_id,))
    connection.close()


def build(directory):
    """Write every input file the cases use into `directory` (created)."""
    os.makedirs(directory, exist_ok=True)

    def copy(name):
        path = os.path.join(directory, name)
        shutil.copy(SAMPLE, path)
        return path

    copy("sample.gpkg")
    _sql(copy("infinite_facility.gpkg"), ["UPDATE facilities SET geom=X'{}' WHERE fid=3".format(INFINITE_POINT)])
    _sql(copy("nan_facility.gpkg"), ["UPDATE facilities SET geom=X'{}' WHERE fid=3".format(NAN_POINT)])
    _sql(copy("infinite_community.gpkg"), ["UPDATE communities SET geom=X'{}' WHERE community_id='C02'".format(
        INFINITE_POINT)])
    _sql(copy("missing_geometry.gpkg"), ["UPDATE communities SET geom=NULL WHERE community_id='C01'"])
    _sql(copy("duplicate_ids.gpkg"), ["UPDATE communities SET community_id='C01' WHERE community_id='C02'",
                                      "UPDATE communities SET community_id=NULL WHERE community_id='C03'"])
    _sql(copy("overlapping.gpkg"), ["UPDATE communities SET geom=(SELECT geom FROM communities WHERE "
                                    "community_id='C01') WHERE community_id='C02'"])
    _sql(copy("implausible.gpkg"), ["UPDATE communities SET population=0 WHERE community_id='C03'",
                                    "UPDATE communities SET population=5000000 WHERE community_id='C04'",
                                    "UPDATE communities SET households=20000 WHERE community_id='C05'"])
    # Facilities in WGS84 with latitude and longitude swapped (a common CSV import mistake).
    swapped = os.path.join(directory, "swapped_facilities.gpkg")
    _ogr2ogr(swapped, SAMPLE, "facilities", "-t_srs", "EPSG:4326", "-nln", "facilities")
    from osgeo import ogr

    dataset = ogr.Open(swapped, 1)
    layer = dataset.GetLayer(0)
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if feature.GetFID() <= 5:
            geometry.SetPoint_2D(0, geometry.GetY(), geometry.GetX() + 1000)  # beyond any longitude
            feature.SetGeometry(geometry)
            layer.SetFeature(feature)
    dataset = layer = None
    # Every layer in Web Mercator: the verdicts must be those of the original (true metres).
    mercator = os.path.join(directory, "mercator.gpkg")
    for table in ("communities", "facilities", "facility_areas", "roads"):
        _ogr2ogr(mercator, SAMPLE, table, "-t_srs", "EPSG:3857", "-nln", table,
                 *(["-update"] if os.path.exists(mercator) else []))
    # Communities in degrees under GDAL's placeholder CRSs: "Undefined geographic SRS" (srs_id 0: longitude/latitude,
    # read as such with a warning) and "Undefined Cartesian SRS" (srs_id -1: nothing says what the numbers are).
    for name, srs_id in (("undefined_geographic.gpkg", 0), ("undefined_cartesian.gpkg", -1)):
        path = os.path.join(directory, name)
        _ogr2ogr(path, SAMPLE, "communities", "-t_srs", "EPSG:4326", "-nln", "communities")
        _set_srs_id(path, srs_id)
    # Communities in degrees without any CRS (a shapefile without its .prj).
    shapefile = os.path.join(directory, "no_crs_communities.shp")
    _ogr2ogr(shapefile, SAMPLE, "communities", "-t_srs", "EPSG:4326", "-lco", "ENCODING=UTF-8")
    os.remove(os.path.splitext(shapefile)[0] + ".prj")
    with open(os.path.join(directory, "alias_bomb.yaml"), "w", encoding="utf-8") as stream:
        stream.write(ALIAS_BOMB)
    with open(os.path.join(directory, "negative_threshold.yaml"), "w", encoding="utf-8") as stream:
        stream.write(OVERLAY_HEAD + "rules:\n  - id: kindergarten.building_area\n    min: -2500\n")
    with open(os.path.join(directory, "nan_threshold.yaml"), "w", encoding="utf-8") as stream:
        stream.write(OVERLAY_HEAD + "rules:\n  - id: kindergarten.building_area\n    min: .nan\n")
    # An existing results file holding a planner's own layer under a name the plugin writes.
    _ogr2ogr(os.path.join(directory, "survey_named_communities.gpkg"), SAMPLE, "roads", "-nln", "communities")
    os.makedirs(os.path.join(directory, "a_folder.gpkg"), exist_ok=True)
    return directory


def layer(name, table):
    return "{{dir}}/{}|layername={}".format(name, table)


FACILITIES_BASE = {
    "COMMUNITIES": layer("sample.gpkg", "communities"), "COMMUNITY_ID_FIELD": "community_id",
    "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households",
    "TYPE_FIELD": "community_type", "FACILITIES": layer("sample.gpkg", "facilities"), "CATEGORY_FIELD": "category",
    "FACILITY_TOLERANCE": 10, "OUTPUT": "{out}/communities.gpkg", "OUTPUT_RULES": "{out}/rules.gpkg",
}
WALKING_BASE = {
    "COMMUNITIES": layer("sample.gpkg", "communities"), "COMMUNITY_ID_FIELD": "community_id",
    "POPULATION_FIELD": "population", "FACILITIES": layer("sample.gpkg", "facilities"), "CATEGORY_FIELD": "category",
    "NETWORK": layer("sample.gpkg", "roads"), "WALKABLE_FIELD": "walkable", "OUTPUT": "{out}/walking.gpkg",
    "OUTPUT_RULES": "{out}/walking_rules.gpkg",
}
LIFE_CIRCLE_BASE = dict(WALKING_BASE, OUTPUT="{out}/circles.gpkg", OUTPUT_RULES="{out}/circle_rules.gpkg")
ASSESS_BASE = dict(FACILITIES_BASE, FACILITY_AREAS=layer("sample.gpkg", "facility_areas"),
                   AREA_CATEGORY_FIELD="category", NETWORK=layer("sample.gpkg", "roads"), WALKABLE_FIELD="walkable",
                   OUTPUT_GPKG="{out}/assessment.gpkg", OUTPUT_REPORT="{out}/report.html")
for _key in ("OUTPUT", "OUTPUT_RULES"):
    ASSESS_BASE.pop(_key)


def case(identifier, algorithm, base, changes, expect, qgis_process=False, in_process=True, remove=()):
    parameters = dict(base, **changes)
    for key in remove:
        parameters.pop(key, None)
    return {"id": identifier, "algorithm": algorithm, "parameters": parameters, "expect": expect,
            "qgis_process": qgis_process, "in_process": in_process}


CASES = [
    # -- outputs never destroy anything ----------------------------------------------------------------------
    case("output_table_is_an_input", "evaluate_facilities", FACILITIES_BASE,
         {"OUTPUT": "ogr:dbname='{dir}/sample.gpkg' table=\"communities\" (geom)"},
         {"error": ["would overwrite the input", "'communities'"]}, qgis_process=True),
    case("assess_into_its_input_geopackage", "assess", ASSESS_BASE, {"OUTPUT_GPKG": "{dir}/sample.gpkg"},
         {"error": ["would overwrite the input", "sample.gpkg"]}, qgis_process=True),
    case("report_is_the_results_geopackage", "assess", ASSESS_BASE, {"OUTPUT_REPORT": "{out}/assessment.gpkg"},
         {"error": ["are the same file"]}),
    case("report_is_an_input", "assess", ASSESS_BASE, {"OUTPUT_REPORT": "{dir}/sample.gpkg"},
         {"error": ["would overwrite the input"]}),
    case("output_is_a_folder", "evaluate_facilities", FACILITIES_BASE, {"OUTPUT": "{dir}/a_folder.gpkg"},
         {"error": ["is a folder"]}),
    case("foreign_layer_of_the_same_name", "assess", ASSESS_BASE,
         {"OUTPUT_GPKG": "{dir}/survey_named_communities.gpkg"}, {"error": ["did not write", "'communities'"]}),
    # -- geometry QGIS cannot index or transform ---------------------------------------------------------------
    case("infinite_facility_life_circle", "evaluate_life_circle", LIFE_CIRCLE_BASE,
         {"FACILITIES": layer("infinite_facility.gpkg", "facilities")},
         {"warnings": ["not finite numbers"]}, qgis_process=True, in_process=False),
    case("infinite_facility_assess", "assess", ASSESS_BASE,
         {"FACILITIES": layer("infinite_facility.gpkg", "facilities")},
         {"warnings": ["not finite numbers", "kept without geometry"]}, qgis_process=True, in_process=False),
    case("nan_facility", "evaluate_facilities", FACILITIES_BASE,
         {"FACILITIES": layer("nan_facility.gpkg", "facilities")},
         {"warnings": ["layer facilities: no geometry; not counted — 1 feature(s): 3"]}, qgis_process=True, in_process=False),
    case("infinite_community", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("infinite_community.gpkg", "communities")},
         {"rules": {"C02": {"kindergarten.count": "no_data"}}, "warnings": ["not finite numbers", "C02"]},
         qgis_process=True, in_process=False),
    case("community_without_geometry", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("missing_geometry.gpkg", "communities")},
         {"rules": {"C01": {"kindergarten.count": "no_data"}}, "warnings": ["no geometry", "C01"]}),
    case("swapped_latitude_longitude", "evaluate_facilities", FACILITIES_BASE,
         {"FACILITIES": layer("swapped_facilities.gpkg", "facilities")},
         {"warnings": ["cannot be projected", "swapped"]}, qgis_process=True),
    case("duplicate_and_missing_ids", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("duplicate_ids.gpkg", "communities")},
         {"warnings": ["the community id 'C01' is used by 2 features", "reported as 'C01#<feature id>'",
                       "1 feature(s) without an id"]}),
    case("overlapping_communities", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("overlapping.gpkg", "communities")},
         {"warnings": ["1 pair(s) of communities overlap", "C01 × C02", "first in the layer's order"]}),
    case("implausible_values", "evaluate_scale", FACILITIES_BASE,
         {"COMMUNITIES": layer("implausible.gpkg", "communities"), "OUTPUT_RULES": "{out}/scale_rules.gpkg"},
         {"warnings": ["population of 0 or above 1,000,000 is implausible; check it — 2 feature(s): C03, C04",
                       "more households than residents"]}),
    # -- fields and geometry types -----------------------------------------------------------------------------
    case("missing_id_field", "evaluate_facilities", FACILITIES_BASE, {"COMMUNITY_ID_FIELD": "nope"},
         {"error": ["COMMUNITY_ID_FIELD", "has no field 'nope'"]}, qgis_process=True),
    case("missing_type_field", "evaluate_facilities", FACILITIES_BASE, {"TYPE_FIELD": "community_typ"},
         {"error": ["TYPE_FIELD", "has no field 'community_typ'", "Did you mean 'community_type'"]}),
    case("missing_walkable_field", "evaluate_walking_access", WALKING_BASE, {"WALKABLE_FIELD": "walkabel"},
         {"error": ["WALKABLE_FIELD", "has no field 'walkabel'", "'walkable'"]}),
    case("points_as_network", "evaluate_walking_access", WALKING_BASE,
         {"NETWORK": layer("sample.gpkg", "facilities")}, {"error": ["NETWORK", "holds points", "lines"]},
         qgis_process=True),
    case("lines_as_communities", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("sample.gpkg", "roads")}, {"error": ["COMMUNITIES", "holds lines", "polygons"]}),
    case("communities_without_crs", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": "{dir}/no_crs_communities.shp"}, {"error": ["no coordinate reference system"]},
         qgis_process=True),
    case("communities_in_an_undefined_cartesian_crs", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("undefined_cartesian.gpkg", "communities")},
         {"error": ["COMMUNITIES", "layer communities is undefined ('Undefined Cartesian SRS')"]}, qgis_process=True),
    case("communities_in_an_undefined_geographic_crs", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("undefined_geographic.gpkg", "communities"),
          "FACILITY_AREAS": layer("sample.gpkg", "facility_areas"), "AREA_CATEGORY_FIELD": "category"},
         {"sample_outcomes": True, "warnings": ["layer communities is undefined ('Undefined geographic SRS'); its "
                                                "coordinates are taken as longitude and latitude on WGS84"]},
         qgis_process=True),
    # -- numbers -----------------------------------------------------------------------------------------------
    case("snap_distance_nan", "evaluate_walking_access", WALKING_BASE, {"MAX_SNAP_DISTANCE": "nan"},
         {"error": ["MAX_SNAP_DISTANCE", "'nan' is not a finite number"]}, qgis_process=True),
    case("walking_speed_text", "evaluate_walking_access", WALKING_BASE, {"WALKING_SPEED": "fast"},
         {"error": ["WALKING_SPEED", "'fast' is not a finite number"]}),
    case("detour_factor_infinite", "evaluate_walking_access", WALKING_BASE, {"DETOUR_FACTOR": "inf"},
         {"error": ["Incorrect parameter value for DETOUR_FACTOR"]}),
    # -- standards ---------------------------------------------------------------------------------------------
    case("yaml_alias_bomb", "describe_standard", {"STANDARD": "{dir}/alias_bomb.yaml",
                                                 "OUTPUT": "{out}/rules.gpkg"}, {},
         {"error": ["alias_bomb.yaml", "aliases"]}, qgis_process=True),
    case("negative_threshold", "evaluate_facilities", FACILITIES_BASE, {"STANDARD": "{dir}/negative_threshold.yaml"},
         {"error": ["negative_threshold.yaml:8", "kindergarten.building_area", "must not be negative"]}),
    case("nan_threshold", "evaluate_facilities", FACILITIES_BASE, {"STANDARD": "{dir}/nan_threshold.yaml"},
         {"error": ["nan_threshold.yaml:8", "must be a finite number"]}),
    # -- true metres whatever the CRS --------------------------------------------------------------------------
    case("sample_facilities", "evaluate_facilities", FACILITIES_BASE,
         {"FACILITY_AREAS": layer("sample.gpkg", "facility_areas"), "AREA_CATEGORY_FIELD": "category"},
         {"sample_outcomes": True}, qgis_process=True),
    case("web_mercator", "evaluate_facilities", FACILITIES_BASE,
         {"COMMUNITIES": layer("mercator.gpkg", "communities"), "FACILITIES": layer("mercator.gpkg", "facilities"),
          "FACILITY_AREAS": layer("mercator.gpkg", "facility_areas"), "AREA_CATEGORY_FIELD": "category"},
         {"sample_outcomes": True, "warnings": ["measured in EPSG:4547"]}),
]


def write(directory):
    build(directory)
    with open(os.path.join(directory, "cases.json"), "w", encoding="utf-8") as stream:
        json.dump(CASES, stream, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "fuzz_cases")
    print("{} cases in {}".format(len(CASES), sys.argv[1] if len(sys.argv) > 1 else "fuzz_cases"))
