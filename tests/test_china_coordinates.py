"""GCJ-02 / BD-09 conversions: published reference points, exact inverses, outside China unchanged."""

import random

import pytest

from complete_community.core import china_coordinates as cc

# (WGS84 lon, lat) → GCJ-02, the reference values published with the open implementations
# (eviltransform's test suite, wandergis/coordtransform's README).
WGS_TO_GCJ = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),     # Shanghai
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),     # Shenzhen
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),     # Beijing
    ((116.404, 39.915), (116.41024449916938, 39.91640428150164)),           # Beijing, Tiananmen
]
# GCJ-02 → BD-09 (coordtransform's README) and Beijing railway station as geoChina documents it.
GCJ_TO_BD = [
    ((116.404, 39.915), (116.41036949371029, 39.92133699351021), 1e-9),
    ((116.42703, 39.90245), (116.43351, 39.90851), 1e-5),
]
# 1e-6 degrees is about 0.1 m: the published values used another earth radius in one constant.
DEGREE_TOLERANCE = 1e-6


@pytest.mark.parametrize("wgs, gcj", WGS_TO_GCJ)
def test_wgs84_to_gcj02_matches_published_reference_points(wgs, gcj):
    assert cc.wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=DEGREE_TOLERANCE)


@pytest.mark.parametrize("wgs, gcj", WGS_TO_GCJ)
def test_gcj02_to_wgs84_recovers_the_reference_points(wgs, gcj):
    lon, lat = cc.gcj02_to_wgs84(*gcj)
    assert cc.haversine_m(lon, lat, *wgs) < 0.5


@pytest.mark.parametrize("gcj, bd, tolerance", GCJ_TO_BD)
def test_gcj02_to_bd09_matches_published_points(gcj, bd, tolerance):
    assert cc.gcj02_to_bd09(*gcj) == pytest.approx(bd, abs=tolerance)


def test_bd09_inverse_is_exact_where_the_published_one_step_inverse_is_not():
    bd = cc.gcj02_to_bd09(116.404, 39.915)
    lon, lat = cc.bd09_to_gcj02(*bd)
    assert cc.haversine_m(lon, lat, 116.404, 39.915) < 0.001
    # coordtransform's published one-step inverse of (116.404, 39.915) in BD-09:
    assert cc.bd09_to_gcj02(116.404, 39.915) == pytest.approx((116.39762729119315, 39.90865673957631), abs=5e-6)


def test_offsets_are_hundreds_of_metres_inside_china():
    for lon, lat in [(114.3, 30.6), (121.5, 31.2), (113.3, 23.1), (104.1, 30.7), (126.6, 45.8)]:
        gcj = cc.wgs84_to_gcj02(lon, lat)
        bd = cc.wgs84_to_bd09(lon, lat)
        assert 100 < cc.haversine_m(lon, lat, *gcj) < 800
        assert 500 < cc.haversine_m(lon, lat, *bd) < 1500


@pytest.mark.parametrize("source, target", [
    ("wgs84", "gcj02"), ("gcj02", "wgs84"), ("wgs84", "bd09"), ("bd09", "wgs84"), ("gcj02", "bd09"),
    ("bd09", "gcj02"), ("cgcs2000", "gcj02"), ("bd09", "cgcs2000")])
def test_round_trips_across_china_stay_below_half_a_metre(source, target):
    forward, back = cc.converter(source, target), cc.converter(target, source)
    generator = random.Random(12)
    worst = 0.0
    for _ in range(2000):
        lon, lat = generator.uniform(73.5, 134.8), generator.uniform(18.2, 53.5)
        there = forward(lon, lat)
        again = back(*there)
        worst = max(worst, cc.haversine_m(lon, lat, *again))
    assert worst < 0.5
    assert worst < 0.01  # the iteration stops at 1e-10 degrees: in practice far better than promised


def test_points_outside_china_are_unchanged_by_gcj02():
    for lon, lat in [(2.35, 48.86), (-74.0, 40.7), (139.7, 35.7), (100.5, -5.0), (60.0, 40.0)]:
        assert cc.wgs84_to_gcj02(lon, lat) == (lon, lat)
        assert cc.gcj02_to_wgs84(lon, lat) == (lon, lat)
    assert cc.out_of_china(139.7, 35.7)
    assert not cc.out_of_china(114.3, 30.6)


def test_identity_and_unknown_systems():
    assert cc.convert(114.3, 30.6, "wgs84", "cgcs2000") == (114.3, 30.6)
    assert cc.convert(114.3, 30.6, "GCJ-02", "gcj02") == (114.3, 30.6)
    with pytest.raises(ValueError):
        cc.converter("wgs84", "web_mercator")
    assert cc.is_offset_system("bd09") and not cc.is_offset_system("cgcs2000")


@pytest.mark.parametrize("lon, epsg", [(114.0, 4547), (113.4, 4547), (112.4, 4546), (121.5, 4549), (75.0, 4534),
                                       (135.2, 4554), (70.0, 4534), (104.06, 4544)])
def test_cgcs2000_gauss_kruger_zone(lon, epsg):
    assert cc.gauss_kruger_zone_epsg(lon) == epsg


@pytest.mark.parametrize("lon, lat, epsg", [(114.3, 30.6, 4547), (118.1, 24.5, 4548), (2.35, 48.85, 32631),
                                            (151.2, -33.9, 32756), (140.0, 35.7, 32654), (114.3, -1.0, 32750)])
def test_metric_zone_is_the_gauss_kruger_zone_in_china_else_utm(lon, lat, epsg):
    assert cc.metric_zone_epsg(lon, lat) == epsg
