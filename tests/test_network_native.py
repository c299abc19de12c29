"""The walking-network engine against QGIS's own network analysis (qgis.analysis) on the sample roads.

Both sides get the same input: the walkable roads of sample_data/sample_district.gpkg (EPSG:4547),
every line usable both ways (oneway ignored, as for walking), the same 1 mm topology tolerance, and
planar lengths (QgsGraphBuilder with ellipsoid "NONE"; with an ellipsoid QGIS would measure
ellipsoidal lengths, a few centimetres longer per kilometre here).

Like with like: QgsVectorLayerDirector.makeGraph snaps every tie point to the nearest point of the
nearest segment and splits the edge there, exactly what WalkingNetwork.snap does, so
  * the tie points must equal our snapped points,
  * QGIS's Dijkstra cost between the two tie points is our network part (network_distance), and
  * QGIS's cost plus both straight offsets (point to its tie point) is our total distance.
QGIS's Dijkstra has one source, so the nearest facility is the minimum over one search per facility
of offset + cost + offset; ours is one multi-source pass.
"""

import math
import os
import random

import pytest
from qgis.analysis import QgsGraphAnalyzer, QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
from qgis.core import QgsPointXY, QgsVectorLayer

from complete_community.core.network import REACHED, UNREACHABLE, WalkingNetwork

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
TOPOLOGY_TOLERANCE = 0.001  # m, ours and QGIS's
ORIGINS = 20
SEED = 4547


def load(layer_name, subset=""):
    layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer_name), layer_name, "ogr")
    assert layer.isValid(), "run `make sample_data/sample_district.gpkg` first"
    if subset:
        assert layer.setSubsetString(subset)
    return layer


def walkable_roads():
    return load("roads", "walkable = 1")


# Fixtures hold no QGIS layer: pytest keeps fixture values until the session ends, after QGIS has
# exited, and a QgsVectorLayer destroyed then crashes QGIS 3.22 (segmentation fault).
@pytest.fixture(scope="module")
def network():
    lines = []
    for feature in walkable_roads().getFeatures():
        geometry = feature.geometry()
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        lines.extend([(point.x(), point.y()) for point in part] for part in parts)
    return WalkingNetwork(lines, node_tolerance=TOPOLOGY_TOLERANCE)


@pytest.fixture(scope="module")
def origins(network):
    """20 seeded random points over the street grid and a little beyond, and one beside the closed
    path network of C13 (a separate connected piece, reachable only from facilities on it)."""
    rng = random.Random(SEED)
    points = [(rng.uniform(525900, 528200), rng.uniform(3383900, 3385900)) for _ in range(ORIGINS)]
    components = network.components()
    island_segment = int((components.segment_component == 1).nonzero()[0][0])
    x0, y0, x1, y1 = (float(value[0]) for value in network.segment_coordinates([island_segment]))
    points.append(((x0 + x1) / 2 + 3.0, (y0 + y1) / 2 + 4.0))
    return points


def qgis_nearest(roads, facilities, origins):
    """Per origin: (total, network part, facility index, tie point) by QGIS, inf when unreachable; and
    the facilities' tie points."""
    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(roads.crs(), True, TOPOLOGY_TOLERANCE, "NONE")
    points = [QgsPointXY(x, y) for x, y in facilities + origins]
    tied = director.makeGraph(builder, points)
    graph = builder.graph()
    facility_ties, origin_ties = tied[:len(facilities)], tied[len(facilities):]

    def offset(point, tie):
        return math.hypot(point[0] - tie.x(), point[1] - tie.y())

    best = [(math.inf, math.inf, -1, tie) for tie in origin_ties]
    for index, (facility, tie) in enumerate(zip(facilities, facility_ties)):
        _, cost = QgsGraphAnalyzer.dijkstra(graph, graph.findVertex(tie), 0)
        for position, (origin, origin_tie) in enumerate(zip(origins, origin_ties)):
            network_part = cost[graph.findVertex(origin_tie)]  # inf when not reached
            total = offset(facility, tie) + network_part + offset(origin, origin_tie)
            if total < best[position][0]:
                best[position] = (total, network_part, index, origin_tie)
    return best, facility_ties


@pytest.mark.parametrize("category, unreachable_origins", [
    ("幼儿园", 0),            # C13's only kindergarten stands on the island's path network
    ("社区卫生服务站", 1),    # no health station there: the island origin cannot reach one
])
def test_nearest_facility_matches_qgis_network_analysis(network, origins, category, unreachable_origins):
    facilities = [(feature.geometry().asPoint().x(), feature.geometry().asPoint().y())
                  for feature in load("facilities", "category = '{}'".format(category)).getFeatures()]
    assert len(facilities) >= 10
    expected, facility_ties = qgis_nearest(walkable_roads(), facilities, origins)

    sources = network.snap([x for x, _ in facilities], [y for _, y in facilities])
    targets = network.snap([x for x, _ in origins], [y for _, y in origins])
    result = network.nearest(sources, targets)

    for index, tie in enumerate(facility_ties):
        assert (sources.snapped_x[index], sources.snapped_y[index]) == pytest.approx((tie.x(), tie.y()), abs=1e-6)
    unreachable = 0
    for index, (total, network_part, facility, tie) in enumerate(expected):
        assert (targets.snapped_x[index], targets.snapped_y[index]) == pytest.approx((tie.x(), tie.y()), abs=1e-6)
        if math.isinf(total):
            assert result.status[index] == UNREACHABLE
            unreachable += 1
            continue
        assert result.status[index] == REACHED
        # The same arithmetic on the same coordinates: equal to rounding (the issue allowed 1 m).
        assert result.distance[index] == pytest.approx(total, abs=1e-3), index
        # Equally near facilities may be a tie; otherwise both pick the same one.
        if result.source[index] == facility:
            assert result.network_distance[index] == pytest.approx(network_part, abs=1e-3), index
    assert unreachable == unreachable_origins
    reached = [index for index, row in enumerate(expected) if math.isfinite(row[0])]
    assert sum(result.source[index] == expected[index][2] for index in reached) >= len(reached) - 1
