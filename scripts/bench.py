#!/usr/bin/env python3
"""`make bench`: complete_community:assess and evaluate_walking_access on a synthetic city, against the floor
(OGR + CSR graph + scipy Dijkstra) and QGIS's own native:shortestpathpointtolayer run per community.

    make bench                                   # QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench.py
    make bench BENCH_ARGS="--city small"         # the same on a 600-community district (quick)
    make bench BENCH_ARGS="--city city5000 --assess-only"  # issue 11's city: assess alone, its report in a browser
    make bench BENCH_ARGS=--no-native            # speed and memory only (no comparison with QGIS)
    make bench BENCH_ARGS="--native-budget 1300"   # native:shortestpathpointtolayer for all 100 (≈ 20 min)
    make bench BENCH_ARGS=--profile              # cProfile of one plugin run (slower), its hot spots, and stop
    make bench BENCH_ARGS=--profile-assess       # cProfile of one assess run

0. Speed and memory, each in its own process (its peak memory is its own): the whole assess with a table per
   step (reading, walking, rules and writing, life circles, service areas, classifying, map, report) and
   the sizes of its files; evaluate_walking_access with origins on the scipy engine and on the Python
   fallback; the floor: the same roads read with OGR, a CSR graph, the points on their nearest node
   (cKDTree) and one multi-source scipy Dijkstra per category. Ratios from the same run: assess / walking
   (≤ 3×) and walking / floor (≤ 2×). Written to build/bench/performance.json.

1. The city (build/bench/city.gpkg, EPSG:4547; cached, rebuilt only when the generator or its parameters
   change): the street grid of scripts/bench_network.py (390 × 390 nodes at 100 m, jittered, 1 % of the
   sides missing, 30 diagonal avenues) written as one line per street segment (≈ 305,000), with a
   `walkable` field (0 on three east-west and three north-south motorways); 3,000 community polygons tiling
   the city (population, households, community_type); 30,000 facilities in 15 categories with the
   standard's Chinese labels; 50,000 population points with a population field.
2. One run of evaluate_walking_access on the whole city with the network and the population points as
   origins: wall time, peak memory (ru_maxrss) and its increment over the process before the run.
   A second run without origins (communities represented by their point) gives the answers compared below.
3. For the first communities (100 by default), the nearest kindergarten with native:shortestpathpointtolayer,
   one run per community, as a planner would do without the plugin: the walkable roads, the kindergartens,
   STRATEGY shortest, both directions, topology tolerance 0.001 m (the plugin's node merging), the
   community's representative point (centroid if inside, else a point on the surface). QGIS costs only the
   network part between the points' snapped positions, so the straight legs from each point to the
   network (the same core.network snapping the plugin uses) are added before comparing with the plugin's
   kindergarten_dist_m. One native run takes about 12 s here (it builds the whole graph and snaps 2,001
   points each time), so the loop stops before --native-budget seconds (360 by default: about 30
   communities; the output says how many); all the communities are also checked with QGIS's network
   library itself (one graph, one Dijkstra per community: the C++ code the native algorithm runs).
   The native algorithm measures ellipsoidal lengths (QGIS 3.22 gives its graph builder the WGS84
   ellipsoid whatever the context's), a few ppm off the planar lengths the plugin uses; the report shows
   how much.

Exit status 1 when a correctness check fails (a difference above 1 m, or a missing answer); the speed and
memory targets are printed as PASS/FAIL but do not fail the run (they depend on the machine).
"""

import argparse
import gc
import hashlib
import inspect
import json
import math
import os
import resource
import struct
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SCRIPTS = REPOSITORY / "scripts"
PLUGINS_DIRECTORY = REPOSITORY / "build" / "plugins"
BENCH_DIRECTORY = REPOSITORY / "build" / "bench"
CITY = BENCH_DIRECTORY / "city.gpkg"
CITY_KEY = BENCH_DIRECTORY / "city.json"
RESULTS = BENCH_DIRECTORY / "results.gpkg"
RESULTS_CENTROID = BENCH_DIRECTORY / "results_centroid.gpkg"
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"
# The clock of assess's steps: wall time, or with --cpu the process's CPU time (a step waiting on the disk shows
# less; on a virtual machine whose host is busy, CPU time still grows with the time stolen from it).
STEP_CLOCK = time.perf_counter


def _prepare_sys_path():
    """scripts/ (for bench_network) and build/plugins (the plugin as `complete_community`) on sys.path; the
    repository root never (our `processing/` would shadow QGIS's `processing`)."""
    sys.path[:] = [entry for entry in sys.path
                   if entry not in ("", ".") and Path(entry).resolve() != REPOSITORY]
    for entry in (str(SCRIPTS), str(PLUGINS_DIRECTORY)):
        if entry not in sys.path:
            sys.path.insert(0, entry)


_prepare_sys_path()

import numpy as np  # noqa: E402

import bench_network  # noqa: E402  (the street grid generator, shared)

# ------------------------------------------------------------------------------------------------
# The synthetic city

EPSG = 4547                          # CGCS2000 / 3-degree Gauss-Kruger CM 114E (Wuhan)
X0, Y0 = 480000.0, 3360000.0         # south-west corner of the street grid
SEED = 20240612
MOTORWAY_ROWS = (97, 195, 292)       # grid rows / columns whose streets are motorways (walkable = 0)
MOTORWAY_COLUMNS = (97, 195, 292)
GRID = bench_network.GRID           # street grid nodes per side (390: ≈ 305,000 segments)
COMMUNITY_COLUMNS, COMMUNITY_ROWS = 60, 50   # 3,000 communities tiling the city
CORNER_JITTER = 0.12                 # share of a tile's side by which inner corners move
POPULATION_RANGE = (5000, 12000)
EXISTING_SHARE = 0.8                 # 既有 (existing); the rest 新建 (new)
FACILITIES = 30000
POPULATION_POINTS = 50000
POINT_POPULATION_RANGE = (20, 400)
# 15 categories the walking rules name, as labels of standards/complete_community_2021.yaml: the 14 of the
# community rules evaluate_walking_access evaluates, and middle school (a 2.4 life-circle rule, not routed by it)
CATEGORY_LABELS = (
    ("kindergarten", "幼儿园"), ("nursery", "托儿所"), ("elderly_station", "老年服务站"),
    ("elderly_daycare", "日间照料中心"), ("health_station", "社区卫生服务站"), ("supermarket", "综合超市"),
    ("convenience_store", "便利店"), ("activity_ground", "公共活动场地"), ("sports_court", "多功能运动场地"),
    ("service_station", "社区综合服务站"), ("bus_stop", "公交站点"), ("pocket_park", "口袋公园"),
    ("park", "社区游园"), ("primary_school", "小学"), ("middle_school", "中学"),
)
COMPARED_CATEGORY = "kindergarten"
GENERATOR_VERSION = 1                # bump when the layers' schema changes


def generator_parameters():
    """Everything the city depends on; a change regenerates the cached GeoPackage."""
    own = {name: value for name, value in globals().items()
           if name.isupper() and name in _GENERATOR_CONSTANTS}
    shared = {name: getattr(bench_network, name) for name in (
        "SEED", "BLOCK", "JITTER", "GAP_SHARE", "DIAGONALS", "DIAGONAL_STEPS")}
    source = "".join(inspect.getsource(function) for function in (
        bench_network.make_city, street_segments, community_tiles, write_city))
    return {"bench": own, "bench_network": shared,
            "source_sha256": hashlib.sha256(source.encode("utf-8")).hexdigest()}


_GENERATOR_CONSTANTS = ("EPSG", "X0", "Y0", "SEED", "MOTORWAY_ROWS", "MOTORWAY_COLUMNS", "COMMUNITY_COLUMNS",
                        "COMMUNITY_ROWS", "CORNER_JITTER", "POPULATION_RANGE", "EXISTING_SHARE", "FACILITIES",
                        "POPULATION_POINTS", "POINT_POPULATION_RANGE", "CATEGORY_LABELS", "GENERATOR_VERSION",
                        "GRID")

# The cities `--city` chooses: the bench city, and a fifth of it (a district) for quick iteration.
CITIES = {
    "full": dict(GRID=bench_network.GRID, COMMUNITY_COLUMNS=60, COMMUNITY_ROWS=50, FACILITIES=30000,
                 POPULATION_POINTS=50000),
    "small": dict(GRID=175, COMMUNITY_COLUMNS=30, COMMUNITY_ROWS=20, FACILITIES=6000, POPULATION_POINTS=10000),
    # Issue 11's city at scale: 5,000 communities, 50,000 facilities, about 125,000 road segments.
    "city5000": dict(GRID=250, COMMUNITY_COLUMNS=100, COMMUNITY_ROWS=50, FACILITIES=50000,
                     POPULATION_POINTS=50000),
}


def select_city(name):
    """Set the generator's sizes and the file names for the city `name` of CITIES."""
    global CITY_NAME, CITY, CITY_KEY, RESULTS, RESULTS_CENTROID, ASSESSMENT
    globals().update(CITIES[name])
    CITY_NAME = name
    suffix = "" if name == "full" else "_" + name
    CITY = BENCH_DIRECTORY / "city{}.gpkg".format(suffix)
    CITY_KEY = BENCH_DIRECTORY / "city{}.json".format(suffix)
    RESULTS = BENCH_DIRECTORY / "results{}.gpkg".format(suffix)
    RESULTS_CENTROID = BENCH_DIRECTORY / "results_centroid{}.gpkg".format(suffix)
    ASSESSMENT = BENCH_DIRECTORY / "assessment{}".format(suffix)


select_city("full")


def street_segments():
    """(x0, y0, x1, y1, walkable) arrays: every segment of bench_network's street grid, one row each, moved
    to EPSG:4547; segments along the motorway rows and columns are not walkable."""
    lines, _factors, _points = bench_network.make_city(GRID)  # cost factors unused: native has no equivalent
    starts = np.concatenate([np.asarray(line[:-1], dtype=np.float64) for line in lines])
    ends = np.concatenate([np.asarray(line[1:], dtype=np.float64) for line in lines])
    block = bench_network.BLOCK
    column0, row0 = np.rint(starts[:, 0] / block), np.rint(starts[:, 1] / block)
    column1, row1 = np.rint(ends[:, 0] / block), np.rint(ends[:, 1] / block)
    motorway = (((row0 == row1) & np.isin(row0, MOTORWAY_ROWS))
                | ((column0 == column1) & np.isin(column0, MOTORWAY_COLUMNS)))
    return (starts[:, 0] + X0, starts[:, 1] + Y0, ends[:, 0] + X0, ends[:, 1] + Y0, (~motorway).astype(np.int64))


def community_tiles(rng, extent):
    """Quadrilaterals tiling [0, extent]²: a COMMUNITY_COLUMNS × COMMUNITY_ROWS lattice whose inner corners
    are jittered (shared corners, so the tiles still tile). Returns a list of 5-point rings."""
    width, height = extent / COMMUNITY_COLUMNS, extent / COMMUNITY_ROWS
    corner_x = np.add.outer(np.arange(COMMUNITY_COLUMNS + 1) * width, np.zeros(COMMUNITY_ROWS + 1))
    corner_y = np.add.outer(np.zeros(COMMUNITY_COLUMNS + 1), np.arange(COMMUNITY_ROWS + 1) * height)
    inner = (slice(1, COMMUNITY_COLUMNS), slice(1, COMMUNITY_ROWS))
    corner_x[inner] += rng.uniform(-CORNER_JITTER, CORNER_JITTER, corner_x[inner].shape) * width
    corner_y[inner] += rng.uniform(-CORNER_JITTER, CORNER_JITTER, corner_y[inner].shape) * height
    tiles = []
    for row in range(COMMUNITY_ROWS):
        for column in range(COMMUNITY_COLUMNS):
            ring = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1), (column, row)]
            tiles.append([(corner_x[c, r] + X0, corner_y[c, r] + Y0) for c, r in ring])
    return tiles


def write_city(path):
    """Write the city's four layers to a new GeoPackage at `path`; returns their feature counts."""
    from osgeo import gdal, ogr, osr

    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    rng = np.random.default_rng(SEED)
    extent = (GRID - 1) * bench_network.BLOCK
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    counts = {}

    def layer(name, geometry_type, fields):
        created = source.CreateLayer(name, srs, geometry_type, options=["FID=fid", "SPATIAL_INDEX=YES"])
        for field_name, field_type in fields:
            created.CreateField(ogr.FieldDefn(field_name, field_type))
        return created

    def fill(created, rows):
        """rows: (wkb, attribute values in field order)."""
        definition = created.GetLayerDefn()
        created.StartTransaction()
        count = 0
        for wkb, values in rows:
            feature = ogr.Feature(definition)
            for index, value in enumerate(values):
                feature.SetField(index, value)
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
            created.CreateFeature(feature)
            count += 1
        created.CommitTransaction()
        counts[created.GetName()] = count

    def point_wkb(x, y):
        return struct.pack("<BIdd", 1, 1, x, y)

    # Roads: one feature per segment (as real street data split at junctions usually is).
    x0, y0, x1, y1, walkable = street_segments()
    roads = layer("roads", ogr.wkbLineString, [("walkable", ogr.OFTInteger), ("road_class", ogr.OFTString)])
    fill(roads, ((struct.pack("<BII4d", 1, 2, 2, a, b, c, d), (w, "street" if w else "motorway"))
                 for a, b, c, d, w in zip(x0.tolist(), y0.tolist(), x1.tolist(), y1.tolist(), walkable.tolist())))

    # Communities: tiles with population, households and type.
    tiles = community_tiles(rng, extent)
    population = rng.integers(POPULATION_RANGE[0], POPULATION_RANGE[1] + 1, len(tiles))
    existing = rng.random(len(tiles)) < EXISTING_SHARE
    communities = layer("communities", ogr.wkbPolygon, [
        ("community_id", ogr.OFTString), ("name", ogr.OFTString), ("population", ogr.OFTInteger),
        ("households", ogr.OFTInteger), ("community_type", ogr.OFTString)])
    fill(communities, ((struct.pack("<BIII", 1, 3, 1, len(ring)) + b"".join(struct.pack("<dd", *p) for p in ring),
                        ("C{:04d}".format(number + 1), "社区{:04d}".format(number + 1), int(people),
                         int(round(people / 2.8)), "既有" if old else "新建"))
                       for number, (ring, people, old) in enumerate(zip(tiles, population.tolist(),
                                                                        existing.tolist()))))

    # Facilities: FACILITIES points, the categories in turn (2,000 each), anywhere in the city.
    fx, fy = rng.uniform(0, extent, FACILITIES) + X0, rng.uniform(0, extent, FACILITIES) + Y0
    facilities = layer("facilities", ogr.wkbPoint, [
        ("facility_id", ogr.OFTInteger), ("category", ogr.OFTString), ("name", ogr.OFTString)])
    fill(facilities, ((point_wkb(x, y), (number + 1, CATEGORY_LABELS[number % len(CATEGORY_LABELS)][1],
                                         "{}{:05d}".format(CATEGORY_LABELS[number % len(CATEGORY_LABELS)][1],
                                                           number + 1)))
                      for number, (x, y) in enumerate(zip(fx.tolist(), fy.tolist()))))

    # Population points (residential buildings' entrances), anywhere in the city.
    px, py = rng.uniform(0, extent, POPULATION_POINTS) + X0, rng.uniform(0, extent, POPULATION_POINTS) + Y0
    residents = rng.integers(POINT_POPULATION_RANGE[0], POINT_POPULATION_RANGE[1] + 1, POPULATION_POINTS)
    points = layer("population_points", ogr.wkbPoint, [("population", ogr.OFTInteger)])
    fill(points, ((point_wkb(x, y), (people,)) for x, y, people in zip(px.tolist(), py.tolist(),
                                                                       residents.tolist())))
    source.FlushCache()
    source = None
    return counts


def ensure_city():
    """(counts, seconds spent generating or None when cached). Generates in a child process, so its memory
    does not count in this process's peak."""
    key = json.loads(json.dumps(generator_parameters()))  # tuples → lists, as stored
    if CITY.exists() and CITY_KEY.exists():
        stored = json.loads(CITY_KEY.read_text(encoding="utf-8"))
        if stored.get("parameters") == key:
            return stored["counts"], None, stored.get("seconds")
    BENCH_DIRECTORY.mkdir(parents=True, exist_ok=True)
    print("Generating the synthetic city in {} …".format(CITY.relative_to(REPOSITORY)), flush=True)
    began = time.perf_counter()
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--generate-only", "--city", CITY_NAME],
                   check=True)
    seconds = time.perf_counter() - began
    stored = json.loads(CITY_KEY.read_text(encoding="utf-8"))
    stored["seconds"] = seconds
    CITY_KEY.write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")
    return stored["counts"], seconds, seconds


def generate_only():
    """The child process of ensure_city: write the city to a temporary file, then move it in place."""
    BENCH_DIRECTORY.mkdir(parents=True, exist_ok=True)
    for stale in (CITY, CITY_KEY):
        if stale.exists():
            stale.unlink()
    partial = CITY.with_suffix(".partial.gpkg")
    if partial.exists():
        partial.unlink()
    counts = write_city(partial)
    partial.rename(CITY)
    CITY_KEY.write_text(json.dumps({"parameters": generator_parameters(), "counts": counts}, ensure_ascii=False,
                                   indent=1), encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# QGIS

TOLERANCE = 0.001            # m: QGIS's topology tolerance = the plugin's node merging (core.network)
MAX_SNAP_DISTANCE = 200.0    # m: the algorithm's default, used for the snapping legs too
ONE_METRE = 1.0              # the correctness limit


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kB on Linux


def start_qgis():
    """QgsApplication + Processing + our provider, as tests/conftest.py does; returns what must stay alive."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # QGIS's settings in a throwaway profile under build/bench, never the user's own profile.
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", str(BENCH_DIRECTORY / "qgis-settings"))
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.insert(0, QGIS_PYTHON_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    if not Path(processing.__file__).resolve().is_relative_to(Path(QGIS_PYTHON_PLUGINS).resolve()):
        raise SystemExit("`processing` must be QGIS's plugin, not ours: " + processing.__file__)
    from complete_community.processing.provider import CompleteCommunityProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("complete_community")
    if provider is None:
        provider = CompleteCommunityProvider()
        if not registry.addProvider(provider):
            raise SystemExit("could not register the provider complete_community")
    return application, provider


def make_feedback(verbose=True):
    """A feedback that prints only the progress texts (with the elapsed time) and errors; it keeps the other
    messages in `messages`."""
    from qgis.core import QgsProcessingFeedback

    class ProgressPrinter(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.began = time.perf_counter()
            self.messages = []
            self.steps = []

        def setProgressText(self, text):
            self.steps.append((text, STEP_CLOCK(), peak_memory_mb()))
            if verbose:
                print("  [{:6.1f} s] {}".format(time.perf_counter() - self.began, text), flush=True)

        def pushInfo(self, info):
            self.messages.append(info)

        def pushWarning(self, warning):
            self.messages.append(warning)

        def reportError(self, error, fatalError=False):
            self.messages.append(error)
            print("  error: {}".format(error), flush=True)

    return ProgressPrinter()


def make_context(feedback):
    """Every context gets a project (QGIS 3.22 crashes in some native algorithms without one) and no ellipsoid
    (planar lengths, as the plugin measures; QGIS 3.22's network algorithms ignore it, see the report)."""
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")
    context.setFeedback(feedback)
    return context


def city_layer(name):
    return "{}|layername={}".format(CITY, name)


def destination(path, table):
    from complete_community.processing.output_safety import table_destination

    return table_destination(path, table)


def plugin_parameters(with_origins, output):
    parameters = {
        "COMMUNITIES": city_layer("communities"), "COMMUNITY_ID_FIELD": "community_id",
        "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population", "HOUSEHOLDS_FIELD": "households",
        "TYPE_FIELD": "community_type", "FACILITIES": city_layer("facilities"), "CATEGORY_FIELD": "category",
        "NETWORK": city_layer("roads"), "WALKABLE_FIELD": "walkable", "MAX_SNAP_DISTANCE": MAX_SNAP_DISTANCE,
        "OUTPUT": destination(output, "walking_access"), "OUTPUT_RULES": destination(output, "walking_rules"),
    }
    if with_origins:
        parameters.update(ORIGINS=city_layer("population_points"), ORIGIN_POPULATION_FIELD="population")
    return parameters


def run_plugin(with_origins, output, profiler=None):
    """One run of evaluate_walking_access on the whole city → (seconds, peak MB before, peak MB after)."""
    import processing

    if output.exists():
        output.unlink()
    feedback = make_feedback()
    context = make_context(feedback)
    parameters = plugin_parameters(with_origins, output)
    gc.collect()
    before = peak_memory_mb()
    began = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    processing.run("complete_community:evaluate_walking_access", parameters, context=context, feedback=feedback)
    if profiler is not None:
        profiler.disable()
    seconds = time.perf_counter() - began
    after = peak_memory_mb()
    del context, feedback
    gc.collect()
    return seconds, before, after


def assess_parameters(output_directory):
    parameters = plugin_parameters(True, output_directory / "unused.gpkg")
    for name in ("OUTPUT", "OUTPUT_RULES"):
        del parameters[name]
    parameters.update(OUTPUT_GPKG=str(output_directory / "assessment.gpkg"),
                      OUTPUT_REPORT=str(output_directory / "report.html"),
                      OUTPUT_MAP=str(output_directory / "map.pdf"))
    return parameters


def run_assess(profiler=None):
    """One run of complete_community:assess on the whole city → (seconds, peak MB before, peak MB after, steps):
    steps are (progress text, seconds from it to the next one, peak MB at its end), from the texts assess
    announces each step with."""
    import processing

    ASSESSMENT.mkdir(parents=True, exist_ok=True)
    for stale in ASSESSMENT.iterdir():  # the bench's own folder: every run starts from nothing
        if stale.is_file():
            stale.unlink()
    feedback = make_feedback()
    context = make_context(feedback)
    parameters = assess_parameters(ASSESSMENT)
    gc.collect()
    before = peak_memory_mb()
    began = STEP_CLOCK()
    feedback.steps = [("start", began, before)]
    if profiler is not None:
        profiler.enable()
    processing.run("complete_community:assess", parameters, context=context, feedback=feedback)
    if profiler is not None:
        profiler.disable()
    ended = STEP_CLOCK()
    after = peak_memory_mb()
    marks = feedback.steps + [("end", ended, after)]
    steps = [(text, marks[number + 1][1] - at, marks[number + 1][2])
             for number, (text, at, _peak) in enumerate(marks[:-1])]
    del context, feedback
    gc.collect()
    return ended - began, before, after, steps


def read_plugin_distances(path, field, count):
    """{community_id: field value or None} of the first `count` communities of a result GeoPackage."""
    from osgeo import ogr

    source = ogr.Open(str(path))
    layer = source.GetLayerByName("walking_access")
    wanted = {"C{:04d}".format(number + 1) for number in range(count)}
    values = {}
    for feature in layer:
        community = feature.GetField("community_id")
        if community in wanted:
            values[community] = feature.GetField(field) if feature.IsFieldSetAndNotNull(field) else None
    source = None
    return values


def read_city_for_comparison(count):
    """(walkable road lines, first `count` community geometries as QgsGeometry with their ids, kindergartens as
    (facility_id, x, y)), read with OGR from the city."""
    from osgeo import ogr
    from qgis.core import QgsGeometry

    source = ogr.Open(str(CITY))
    lines = []
    roads = source.GetLayerByName("roads")
    roads.SetAttributeFilter("walkable = 1")
    for feature in roads:
        lines.append(feature.GetGeometryRef().GetPoints())
    communities = []
    layer = source.GetLayerByName("communities")
    layer.SetAttributeFilter("fid <= {}".format(count))
    for feature in layer:
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(feature.GetGeometryRef().ExportToWkb()))  # exact coordinates, unlike WKT
        communities.append((feature.GetField("community_id"), geometry))
    label = dict(CATEGORY_LABELS)[COMPARED_CATEGORY]
    facilities = []
    layer = source.GetLayerByName("facilities")
    layer.SetAttributeFilter("category = '{}'".format(label))
    for feature in layer:
        point = feature.GetGeometryRef()
        facilities.append((feature.GetField("facility_id"), point.GetX(), point.GetY()))
    source = None
    return lines, communities, facilities


def memory_layers():
    """The walkable roads and the compared category's facilities as memory layers (the native runs read no
    file and need no filter: the most favourable setting for the per-community approach)."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    label = dict(CATEGORY_LABELS)[COMPARED_CATEGORY]
    roads = QgsVectorLayer(city_layer("roads"), "roads", "ogr")
    facilities = QgsVectorLayer(city_layer("facilities"), "facilities", "ogr")
    walkable = roads.materialize(QgsFeatureRequest().setFilterExpression('"walkable" = 1'))
    category = facilities.materialize(QgsFeatureRequest().setFilterExpression("\"category\" = '{}'".format(label)))
    del roads, facilities
    return walkable, category


def run_native(roads, facilities, points, count, budget):
    """native:shortestpathpointtolayer from each of the first `count` points, until `budget` seconds have passed.
    Returns [{facility_id: (cost, first route vertex, last route vertex)}] and the seconds of each run."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsReferencedPointXY

    crs = QgsCoordinateReferenceSystem("EPSG:{}".format(EPSG))
    answers, seconds = [], []
    began = time.perf_counter()
    for position in range(count):
        if position and time.perf_counter() - began + np.mean(seconds) > budget:
            break
        feedback = make_feedback(verbose=False)
        context = make_context(feedback)
        x, y = points[position]
        started = time.perf_counter()
        output = processing.run("native:shortestpathpointtolayer", {
            "INPUT": roads, "STRATEGY": 0, "DIRECTION_FIELD": "", "DEFAULT_DIRECTION": 2, "SPEED_FIELD": "",
            "TOLERANCE": TOLERANCE, "START_POINT": QgsReferencedPointXY(QgsPointXY(x, y), crs),
            "END_POINTS": facilities, "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)["OUTPUT"]
        costs = {}
        for feature in output.getFeatures():
            cost = feature["cost"]
            if cost is None or (hasattr(cost, "isNull") and cost.isNull()):
                continue
            route = feature.geometry().asPolyline()
            costs[int(feature["facility_id"])] = (float(cost), (route[0].x(), route[0].y()),
                                                  (route[-1].x(), route[-1].y()))
        seconds.append(time.perf_counter() - started)
        answers.append(costs)
        del output, context, feedback
        print("  native {:3d}/{}: {:5.1f} s, {} routes".format(position + 1, count, seconds[-1], len(costs)),
              flush=True)
    return answers, seconds


def run_network_library(roads, facilities, points):
    """The same answers with QGIS's network library directly (what native:shortestpathpointtolayer runs): one
    graph tied to every point, one Dijkstra per community → [{facility_id: (cost, tie, facility tie)}]."""
    from qgis.analysis import QgsGraphAnalyzer, QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
    from qgis.core import QgsPointXY

    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(roads.crs(), True, TOLERANCE, "NONE")
    ids = [int(feature["facility_id"]) for feature in facilities.getFeatures()]
    facility_points = [feature.geometry().asPoint() for feature in facilities.getFeatures()]
    tied = director.makeGraph(builder, [QgsPointXY(x, y) for x, y in points] + facility_points)
    graph = builder.graph()
    vertices = [graph.findVertex(point) for point in tied]
    facility_vertices = np.array(vertices[len(points):], dtype=np.int64)
    facility_ties = tied[len(points):]
    answers = []
    for position in range(len(points)):
        _tree, cost = QgsGraphAnalyzer.dijkstra(graph, vertices[position], 0)
        cost = np.asarray(cost, dtype=np.float64)[facility_vertices]
        tie = (tied[position].x(), tied[position].y())
        answers.append({identifier: (float(value), tie, (end.x(), end.y()))
                        for identifier, value, end in zip(ids, cost.tolist(), facility_ties) if math.isfinite(value)})
    return answers


# ------------------------------------------------------------------------------------------------
# Comparison and report

def compare(answers, community_ids, plugin, community_snap, facility_snap, facility_position):
    """Per community: the plugin's distance against min over facilities of (community leg + QGIS cost + facility
    leg), legs from core.network's snapping of the same points. Returns (max difference, its community, max
    distance between QGIS's tie points and ours, [problems])."""
    worst, worst_community, tie_gap, problems = 0.0, None, 0.0, []
    for position, costs in enumerate(answers):
        community = community_ids[position]
        leg = float(community_snap.offset[position])
        best = None
        for identifier, (cost, start_tie, end_tie) in costs.items():
            facility = facility_position[identifier]
            total = leg + cost + float(facility_snap.offset[facility])
            best = total if best is None else min(best, total)
            tie_gap = max(tie_gap, math.hypot(start_tie[0] - community_snap.snapped_x[position],
                                              start_tie[1] - community_snap.snapped_y[position]),
                          math.hypot(end_tie[0] - facility_snap.snapped_x[facility],
                                     end_tie[1] - facility_snap.snapped_y[facility]))
        got = plugin.get(community)
        if best is None or got is None:
            if (best is None) != (got is None):
                problems.append("{}: plugin {}, QGIS {}".format(community, got, best))
            continue
        if abs(got - best) > worst:
            worst, worst_community = abs(got - best), community
    return worst, worst_community, tie_gap, problems


def routed_categories(path):
    """The categories of the city for which the plugin wrote <category>_dist_m with at least one distance."""
    from osgeo import ogr

    source = ogr.Open(str(path))
    layer = source.GetLayerByName("walking_access")
    definition = layer.GetLayerDefn()
    names = {definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())}
    routed = []
    for code, _label in CATEGORY_LABELS:
        field = "{}_dist_m".format(code)
        if field in names:
            layer.SetAttributeFilter('"{}" IS NOT NULL'.format(field))
            if layer.GetFeatureCount() > 0:
                routed.append(code)
    source = None
    return routed


def verdict(passed):
    return "PASS" if passed else "FAIL"


def print_table(rows):
    widths = [max(len(str(row[column])) for row in rows) for column in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("| " + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


# ------------------------------------------------------------------------------------------------
# Measurements in their own process (`--measure NAME`): each peak memory is that of its own run.

def measure_in_child(name, engine):
    """Run `bench.py --measure name --engine engine` in a child process → its result dict (JSON on the last
    line of its output); its progress lines are passed through."""
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", name, "--engine", engine,
               "--city", CITY_NAME] + (["--cpu"] if STEP_CLOCK is time.process_time else [])
    process = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    lines = process.stdout.strip().splitlines()
    for line in lines[:-1]:
        print("    " + line, flush=True)
    if process.returncode != 0 or not lines:
        raise SystemExit("measurement {} ({}) failed with exit status {}".format(name, engine, process.returncode))
    return json.loads(lines[-1])


def measure(name, engine):
    """The child's side: one measurement → a dict printed as JSON."""
    from complete_community.core import network as network_module

    if engine not in network_module.ENGINES:
        return {"skipped": "engine {} not available".format(engine)}
    network_module.DEFAULT_ENGINE = engine
    if name == "floor":
        return measure_floor()
    application, provider = start_qgis()  # noqa: F841 (kept alive until the end)
    if name == "assess":
        seconds, before, after, steps = run_assess()
        sizes = {path.name: path.stat().st_size for path in ASSESSMENT.iterdir() if path.is_file()}
        result = {"seconds": seconds, "before_mb": before, "peak_mb": after, "steps": steps, "sizes": sizes}
    elif name == "walking":
        seconds, before, after = run_plugin(True, RESULTS.with_name(RESULTS.stem + "_" + engine + ".gpkg"))
        result = {"seconds": seconds, "before_mb": before, "peak_mb": after}
    else:
        raise SystemExit("unknown measurement " + name)
    stop_qgis(application, 0)
    return result


def measure_floor():
    """The floor: what any tool must do for the walking evaluation — read the walkable roads with OGR, build a
    CSR graph (vertices merged on the plugin's 1 mm grid), put the points on their nearest node (cKDTree, cheaper
    than the plugin's snapping onto segments) and run one multi-source scipy Dijkstra per category for all the
    community points and origins. Per-step seconds and the process's peak memory."""
    from osgeo import ogr
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra
    from scipy.spatial import cKDTree

    steps = []
    began = time.perf_counter()
    mark = began

    def step(label):
        nonlocal mark
        now = time.perf_counter()
        steps.append((label, now - mark, peak_memory_mb()))
        mark = now

    source = ogr.Open(str(CITY))
    roads = source.GetLayerByName("roads")
    roads.SetAttributeFilter("walkable = 1")
    starts, ends = [], []
    for feature in roads:
        points = feature.GetGeometryRef().GetPoints()
        starts.extend(points[:-1])
        ends.extend(points[1:])
    starts, ends = np.array(starts)[:, :2], np.array(ends)[:, :2]
    communities = source.GetLayerByName("communities")
    community_xy = []
    for feature in communities:
        centroid = feature.GetGeometryRef().Centroid()
        community_xy.append((centroid.GetX(), centroid.GetY()))
    origins = source.GetLayerByName("population_points")
    origin_xy = [(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in origins]
    facilities = source.GetLayerByName("facilities")
    facility_xy, facility_category = [], []
    for feature in facilities:
        point = feature.GetGeometryRef()
        facility_xy.append((point.GetX(), point.GetY()))
        facility_category.append(feature.GetField("category"))
    source = None
    step("read with OGR")

    keys = np.round(np.concatenate((starts, ends)) / TOLERANCE).astype(np.int64)
    unique, node = np.unique(keys, axis=0, return_inverse=True)
    node = node.ravel()
    count = len(starts)
    tail, head = node[:count], node[count:]
    length = np.hypot(*(ends - starts).T)
    keep = tail != head
    nodes = len(unique)
    graph = csr_matrix((np.concatenate((length[keep], length[keep])), (np.concatenate((tail[keep], head[keep])),
                                                                       np.concatenate((head[keep], tail[keep])))),
                       shape=(nodes, nodes))
    node_xy = unique * TOLERANCE
    step("CSR graph")

    tree = cKDTree(node_xy)
    target_offset, target_node = tree.query(np.array(community_xy + origin_xy))
    facility_offset, facility_node = tree.query(np.array(facility_xy))
    step("points to nearest nodes (cKDTree)")

    categories = sorted(set(facility_category))
    facility_category = np.array(facility_category)
    reached = 0
    for category in categories:
        chosen = np.flatnonzero(facility_category == category)
        distance = dijkstra(graph, directed=False, indices=np.unique(facility_node[chosen]), min_only=True)
        total = distance[target_node] + target_offset
        reached += int(np.isfinite(total).sum())
    step("{} multi-source Dijkstras (scipy, min_only)".format(len(categories)))
    return {"seconds": time.perf_counter() - began, "peak_mb": peak_memory_mb(), "steps": steps,
            "nodes": nodes, "edges": int(keep.sum()), "reached": reached}


def format_steps(steps):
    return [(text, "{:.1f} s".format(seconds), "{:.0f} MB".format(peak)) for text, seconds, peak in steps]


def print_assess_steps(assess):
    """The table of assess's steps (the walking categories merged into one row)."""
    merged = []
    for text, seconds, peak in assess["steps"]:
        if text.startswith("Walking to ") and merged and merged[-1][0].startswith("Walking to "):
            merged[-1] = ("Walking to each category ({} categories)".format(merged[-1][3] + 1),
                          merged[-1][1] + seconds, peak, merged[-1][3] + 1)
        else:
            merged.append((text, seconds, peak, 1))
    print_table([("step", "seconds", "peak MB")] + [(text if text != "start" else "(starting)",
                                                     "{:.1f}".format(seconds), "{:.0f}".format(peak))
                                                    for text, seconds, peak, _n in merged])


def browser_seconds(html):
    """Seconds headless chromium takes to open `html` and draw it into a screenshot, or None without chromium."""
    import shutil
    import tempfile

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        began = time.perf_counter()
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + scratch,
                        "--screenshot=" + os.path.join(scratch, "report.png"), "--window-size=1280,2000",
                        Path(html).resolve().as_uri()], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, timeout=600)
        seconds = time.perf_counter() - began
        return seconds if os.path.exists(os.path.join(scratch, "report.png")) else None


def assess_only():
    """assess in its own process on the chosen city: the table per step, peak memory, its files, and the
    report opened in a browser."""
    print("\nassess on the whole city, in its own process …", flush=True)
    assess = measure_in_child("assess", "scipy")
    print("\nassess, step by step ({}seconds until the next step; peak memory of the process at its end):\n".format(
        "CPU " if STEP_CLOCK is time.process_time else ""))
    print_assess_steps(assess)
    sizes = assess["sizes"]
    report = ASSESSMENT / "report.html"
    opened = browser_seconds(report)
    print()
    print_table([
        ("measure", "value", "target", "result"),
        ("assess ({} time)".format("CPU" if STEP_CLOCK is time.process_time else "wall"),
         "{:.1f} s".format(assess["seconds"]), "≤ 60 s", verdict(assess["seconds"] <= 60)),
        ("assess peak memory (ru_maxrss of its process)", "{:.0f} MB".format(assess["peak_mb"]), "≤ 1 GB",
         verdict(assess["peak_mb"] <= 1024)),
        ("assess GeoPackage", "{:.0f} MB".format(sizes.get("assessment.gpkg", 0) / 2 ** 20), "", ""),
        ("report (HTML)", "{:.1f} MB".format(sizes.get("report.html", 0) / 2 ** 20), "≤ 5 MB",
         verdict(sizes.get("report.html", 0) <= 5 * 2 ** 20)),
        ("map (PDF)", "{:.1f} MB".format(sizes.get("map.pdf", 0) / 2 ** 20), "", ""),
        ("report opened and drawn by headless chromium", "{:.1f} s".format(opened) if opened is not None else
         "no chromium", "a few s", verdict(opened is not None and opened <= 5) if opened is not None else ""),
    ])
    (BENCH_DIRECTORY / "performance_assess{}.json".format("" if CITY_NAME == "full" else "_" + CITY_NAME)).write_text(
        json.dumps(dict(assess, browser_seconds=opened), indent=1), encoding="utf-8")
    return 0


def print_performance(results):
    """The assess table per step, the walking evaluation, the floor and the ratios; returns the summary rows."""
    assess, walking, floor = results["assess"], results["walking scipy"], results["floor"]
    fallback = results.get("walking python", {})
    print("\nassess on the whole city, step by step (seconds until the next step; peak memory of the process at "
          "its end):\n")
    print_assess_steps(assess)
    print("\nThe floor (OGR + CSR + scipy Dijkstra per category), step by step:\n")
    print_table([("step", "seconds", "peak MB")] + [(text, "{:.1f}".format(seconds), "{:.0f}".format(peak))
                                                     for text, seconds, peak in floor["steps"]])
    sizes = assess["sizes"]
    gpkg_mb = sizes.get("assessment.gpkg", 0) / 2 ** 20
    ratio_assess = assess["seconds"] / walking["seconds"]
    ratio_floor = walking["seconds"] / floor["seconds"]
    rows = [
        ("measure", "value", "target", "result"),
        ("assess, whole city (wall time)", "{:.1f} s".format(assess["seconds"]), "≤ 60 s",
         verdict(assess["seconds"] <= 60)),
        ("assess peak memory (ru_maxrss of its process)", "{:.0f} MB".format(assess["peak_mb"]), "≤ 1 GB",
         verdict(assess["peak_mb"] <= 1024)),
        ("assess GeoPackage", "{:.0f} MB".format(gpkg_mb), "≤ 100 MB", verdict(gpkg_mb <= 100)),
        ("assess report (HTML) / map (PDF)", "{:.1f} MB / {:.1f} MB".format(
            sizes.get("report.html", 0) / 2 ** 20, sizes.get("map.pdf", 0) / 2 ** 20), "report ≤ 5 MB",
         verdict(sizes.get("report.html", 0) <= 5 * 2 ** 20)),
        ("evaluate_walking_access with origins (scipy engine)", "{:.1f} s, {:.0f} MB".format(
            walking["seconds"], walking["peak_mb"]), "≤ 600 MB", verdict(walking["peak_mb"] <= 600)),
        ("the same with the Python fallback engine", "{:.1f} s, {:.0f} MB".format(
            fallback["seconds"], fallback["peak_mb"]) if "seconds" in fallback else fallback.get("skipped", "–"),
         "", ""),
        ("assess / walking evaluation", "{:.1f}×".format(ratio_assess), "≤ 3×", verdict(ratio_assess <= 3)),
        ("floor: OGR + CSR + scipy Dijkstra per category", "{:.1f} s, {:.0f} MB".format(
            floor["seconds"], floor["peak_mb"]), "", ""),
        ("walking evaluation / floor (scipy engine)", "{:.1f}×".format(ratio_floor), "≤ 2×",
         verdict(ratio_floor <= 2)),
    ]
    if "seconds" in fallback:
        rows.append(("walking evaluation / floor (Python fallback)", "{:.1f}×".format(
            fallback["seconds"] / floor["seconds"]), "", ""))
    print()
    print_table(rows)
    return rows



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--native-communities", type=int, default=100,
                        help="communities compared with native:shortestpathpointtolayer (default 100)")
    parser.add_argument("--native-budget", type=float, default=120.0,
                        help="seconds for the native runs; the loop stops before exceeding it (default 120)")
    parser.add_argument("--profile", action="store_true",
                        help="run the plugin once under cProfile, print its hot spots and stop")
    parser.add_argument("--profile-assess", action="store_true",
                        help="run assess once under cProfile, print its hot spots and stop")
    parser.add_argument("--city", choices=sorted(CITIES), default="full",
                        help="full: the bench city (3,000 communities); small: 600 communities, for quick runs; city5000: "
                             "issue 11's 5,000 communities, 50,000 facilities, 125,000 road segments")
    parser.add_argument("--assess-only", action="store_true",
                        help="only assess (in its own process): the table per step, its files, and how long headless "
                             "chromium takes to open and draw its report")
    parser.add_argument("--cpu", action="store_true",
                        help="with --assess-only: assess's steps (and its total) in CPU seconds of its process "
                             "(still inflated on a virtual machine whose host is busy: compare runs back to back)")
    parser.add_argument("--no-native", action="store_true",
                        help="skip the comparison with QGIS's native shortest path (the speed figures only)")
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=("assess", "walking", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="scipy", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    select_city(arguments.city)
    if arguments.cpu:
        global STEP_CLOCK
        STEP_CLOCK = time.process_time
    if arguments.measure:
        print(json.dumps(measure(arguments.measure, arguments.engine)), flush=True)
        return 0
    if arguments.native_communities < 1:
        parser.error("--native-communities must be at least 1")
    if arguments.generate_only:
        generate_only()
        return 0

    counts, generated_seconds, stored_seconds = ensure_city()
    generation = ("{:.1f} s (generated now)".format(generated_seconds) if generated_seconds is not None else
                  "cached ({} when generated)".format(
                      "{:.1f} s".format(stored_seconds) if stored_seconds is not None else "time unknown"))
    application, provider = start_qgis()  # noqa: F841 (kept alive until the end)
    from qgis.core import Qgis

    print("QGIS {}; city {} ({:.0f} MB): {:,} communities, {:,} facilities in {} categories, {:,} road segments, "
          "{:,} population points; generation: {}".format(
              Qgis.QGIS_VERSION, CITY.relative_to(REPOSITORY), CITY.stat().st_size / 2 ** 20, counts["communities"],
              counts["facilities"], len(CATEGORY_LABELS), counts["roads"], counts["population_points"], generation),
          flush=True)

    if arguments.profile:
        return stop_qgis(application, profile_plugin())
    if arguments.profile_assess:
        return stop_qgis(application, profile_assess())
    if arguments.assess_only:
        return stop_qgis(application, assess_only())

    print("\n1. Speed and memory: assess, evaluate_walking_access (with origins) on each engine, and the floor; each "
          "in its own process, so that each peak memory is its own", flush=True)
    results = {}
    for label, name, engine in (("assess", "assess", "scipy"), ("walking scipy", "walking", "scipy"),
                                ("walking python", "walking", "python"), ("floor", "floor", "scipy")):
        print("  {} …".format(label), flush=True)
        results[label] = measure_in_child(name, engine)
    performance = print_performance(results)
    (BENCH_DIRECTORY / "performance{}.json".format("" if CITY_NAME == "full" else "_" + CITY_NAME)).write_text(
        json.dumps(results, indent=1), encoding="utf-8")
    if arguments.no_native:
        return stop_qgis(application, 0)
    walking = results["walking scipy"]
    seconds, before, after = walking["seconds"], walking["before_mb"], walking["peak_mb"]
    print("\n2. The same without origins (communities represented by their point), for the comparison", flush=True)
    seconds_centroid, _before, _after = run_plugin(False, RESULTS_CENTROID)
    print("   {:.1f} s → {}".format(seconds_centroid, RESULTS_CENTROID.relative_to(REPOSITORY)), flush=True)

    count = min(arguments.native_communities, counts["communities"])
    print("\n3. Nearest {} for the first {} communities with native:shortestpathpointtolayer, one run per community "
          "(budget {:.0f} s)".format(dict(CATEGORY_LABELS)[COMPARED_CATEGORY], count, arguments.native_budget),
          flush=True)
    from complete_community.core.network import WalkingNetwork
    from complete_community.processing.inputs.communities import representative_point

    lines, communities, facilities = read_city_for_comparison(count)
    network = WalkingNetwork(lines, node_tolerance=TOLERANCE)
    del lines
    community_ids = [community for community, _geometry in communities]
    points = [(point.x(), point.y()) for point in (representative_point(geometry) for _id, geometry in communities)]
    community_snap = network.snap([x for x, _ in points], [y for _, y in points], MAX_SNAP_DISTANCE)
    facility_snap = network.snap([x for _, x, _ in facilities], [y for _, _, y in facilities], MAX_SNAP_DISTANCE)
    facility_position = {identifier: position for position, (identifier, _x, _y) in enumerate(facilities)}
    plugin = read_plugin_distances(RESULTS_CENTROID, COMPARED_CATEGORY + "_dist_m", count)

    roads_layer, facilities_layer = memory_layers()
    native_answers, native_seconds = run_native(roads_layer, facilities_layer, points, count, arguments.native_budget)
    done = len(native_answers)
    native = compare(native_answers, community_ids, plugin, community_snap, facility_snap, facility_position)
    print("   {} of {} communities in {:.0f} s; checking all {} with QGIS's network library (one graph) …".format(
        done, count, sum(native_seconds), count), flush=True)
    began = time.perf_counter()
    library_answers = run_network_library(roads_layer, facilities_layer, points)
    library_seconds = time.perf_counter() - began
    library = compare(library_answers, community_ids, plugin, community_snap, facility_snap, facility_position)
    # Native costs are ellipsoidal: QGIS 3.22's network algorithms build their graph with QgsGraphBuilder's
    # default ellipsoid (WGS84), whatever the context says; the library check above uses "NONE" (planar).
    pairs = [(min(cost for cost, _start, _end in native_row.values()),
              min(cost for cost, _start, _end in library_row.values()))
             for native_row, library_row in zip(native_answers, library_answers) if native_row and library_row]
    scale = [native_cost / library_cost - 1.0 for native_cost, library_cost in pairs if library_cost > 0]
    native_vs_library = max((abs(native_cost - library_cost) for native_cost, library_cost in pairs), default=0.0)
    del roads_layer, facilities_layer
    routed = routed_categories(RESULTS)

    # -- the report ---------------------------------------------------------------------------------------------
    categories = len(routed)
    per_run = float(np.mean(native_seconds))
    extrapolated = per_run * counts["communities"] * categories
    ratio = extrapolated / seconds
    correct = (native[0] <= ONE_METRE and library[0] <= ONE_METRE and not native[3] and not library[3]
               and len(plugin) == count and done > 0)
    print("\nResults — speed and memory targets depend on the machine: their FAIL is printed but does not fail "
          "the run; a difference above 1 m (or a missing answer) does.\n")
    print_table([
        ("measure", "value", "target", "result"),
        ("communities", "{:,}".format(counts["communities"]), "3,000", ""),
        ("facilities / categories (routed by the plugin)", "{:,} / {} ({})".format(
            counts["facilities"], len(CATEGORY_LABELS), categories), "30,000 / 15", ""),
        ("road segments (walkable: the graph's edges)", "{:,} ({:,}; {:,} nodes)".format(
            counts["roads"], network.segment_count, network.node_count), "≥ 300,000", ""),
        ("origins (population points)", "{:,}".format(counts["population_points"]), "50,000", ""),
        ("city generation", generation, "", ""),
        ("plugin wall time, whole city, with origins", "{:.1f} s".format(seconds), "≤ 60 s",
         verdict(seconds <= 60)),
        ("plugin peak memory (ru_maxrss of the process)", "{:.0f} MB (before the run {:.0f} MB: +{:.0f} MB)".format(
            after, before, after - before), "≤ 2 GB", verdict(after <= 2048)),
        ("plugin wall time, whole city, without origins", "{:.1f} s".format(seconds_centroid), "", ""),
        ("native: seconds per community per category", "{:.2f} s (mean of {} runs, {:.2f}–{:.2f})".format(
            per_run, done, min(native_seconds), max(native_seconds)), "", ""),
        ("native: {:,} communities × {} categories".format(counts["communities"], categories),
         "{:,.0f} s ≈ {:.0f} h (extrapolated)".format(extrapolated, extrapolated / 3600), "", ""),
        ("speed-up (native extrapolated / plugin with origins)", "{:,.0f}×".format(ratio), "≥ 50×",
         verdict(ratio >= 50)),
        ("max |plugin − native| ({} communities)".format(done), "{:.4f} m{}".format(
            native[0], " ({})".format(native[1]) if native[1] else ""), "≤ 1 m",
         verdict(native[0] <= ONE_METRE and not native[3])),
        ("max |plugin − QGIS network library| ({} communities)".format(count), "{:.4f} m{}".format(
            library[0], " ({})".format(library[1]) if library[1] else ""), "≤ 1 m",
         verdict(library[0] <= ONE_METRE and not library[3])),
    ])
    print("\nSpeed and memory (from step 1):\n")
    print_table(performance)
    print()
    print("Notes:")
    others = [label for code, label in CATEGORY_LABELS if code not in routed]
    print(" * The plugin's time covers all {} categories it routes ({} of the city's {}{}), {:,} community points "
          "and {:,} origins, reading the layers and writing {} with its rules table. The native figure is ONE "
          "category per run, extrapolated × {} categories × {:,} communities, for the community points only (no "
          "origins).".format(categories, categories, len(CATEGORY_LABELS), "; not routed by evaluate_walking_access: "
                             "{}, which no community walking rule names".format(", ".join(others)) if others else "",
                             counts["communities"], counts["population_points"], RESULTS.name, categories,
                             counts["communities"]))
    if done < count:
        print(" * native:shortestpathpointtolayer ran for {} of the {} communities: the {:.0f} s budget stopped the "
              "loop (all {} would take about {:.0f} s: --native-budget {:.0f}).".format(
                  done, count, arguments.native_budget, count, per_run * count, math.ceil(per_run * (count + 1))))
    print(" * All {} communities were also computed with QGIS's network library directly (QgsVectorLayerDirector "
          "+ QgsGraphAnalyzer.dijkstra, one graph tied to every point: the code the native algorithm runs) in "
          "{:.1f} s.".format(count, library_seconds))
    print(" * Like with like: QGIS's cost is the network part between the snapped points; the plugin's {0}_dist_m "
          "adds the straight legs to the network. Difference = {0}_dist_m − min over {0}s of (leg of the community "
          "+ QGIS cost + leg of the {0}), legs from core.network's snapping; QGIS's tie points lie within {1:.1e} m "
          "of ours.".format(COMPARED_CATEGORY, max(native[2], library[2])))
    if scale:
        print(" * native:shortestpathpointtolayer measures ellipsoidal lengths (QGIS 3.22 builds its graph with "
              "QgsGraphBuilder's default WGS84 ellipsoid, whatever the context's ellipsoid): its shortest costs differ "
              "from the planar EPSG:{} lengths the plugin uses by {:+.1f} to {:+.1f} ppm here (the projection's scale "
              "error, growing away from its central meridian), {:.4f} m at most; the library check builds its graph "
              "without an ellipsoid, as the plugin measures.".format(
                  EPSG, 1e6 * max(scale), 1e6 * min(scale), native_vs_library))
    for problem in native[3] + library[3]:
        print(" * MISMATCH " + problem)
    if len(plugin) != count:
        print(" * MISSING: the plugin's output holds {} of the first {} communities".format(len(plugin), count))
    print("\nbench: {}".format("correctness PASS" if correct else "correctness FAIL"), flush=True)
    return stop_qgis(application, 0 if correct else 1)


def stop_qgis(application, code):
    """Exit QGIS once every layer of ours is gone (an OGR layer freed after exitQgis crashes QGIS 3.22)."""
    gc.collect()
    application.exitQgis()
    return code


def profile_assess():
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    seconds, before, after, steps = run_assess(profiler)
    print("\nprofiled assess: {:.1f} s (profiling slows it), peak memory {:.0f} MB (+{:.0f} MB)".format(
        seconds, after, after - before))
    for text, step_seconds, peak in steps:
        print("  {:7.1f} s  {:6.0f} MB  {}".format(step_seconds, peak, text))
    target = BENCH_DIRECTORY / "assess.prof"
    profiler.dump_stats(str(target))
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    return 0


def profile_plugin():
    """cProfile of one plugin run (whole city, with origins): the hot spots, by own time and cumulative."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    seconds, before, after = run_plugin(True, RESULTS, profiler)
    print("\nprofiled run: {:.1f} s (profiling slows it), peak memory {:.0f} MB (+{:.0f} MB)".format(
        seconds, after, after - before))
    target = BENCH_DIRECTORY / "plugin.prof"
    profiler.dump_stats(str(target))
    stats = pstats.Stats(profiler)
    print("The plugin's functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats("complete_community", 30)
    print("Everything by own time:")
    stats.sort_stats("tottime").print_stats(25)
    print("stats saved to {}".format(target.relative_to(REPOSITORY)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
