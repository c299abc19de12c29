"""GCJ-02 and BD-09: the offset coordinates of Chinese web maps, to and from WGS84/CGCS2000.

Amap (高德) and Tencent publish positions in GCJ-02, a WGS84 longitude/latitude pushed 300–700 m by a
published polynomial; Baidu adds a second shift on top (BD-09). The forward formulas below are the
widely published ones (the same constants in every open implementation: Krasovsky semi-major axis
6378245 m, its eccentricity squared, Baidu's 0.0065/0.006 shift). There is no closed-form inverse, so
the inverse is found by iterating the forward transform until it reproduces the given point to
1e-10 degrees (about 0.01 mm), far inside the 0.5 m the plugin promises.

Like the providers, points outside a bounding box of China are left unchanged by GCJ-02. CGCS2000 and
WGS84 agree to a few centimetres, well below what POI data resolves, so they are treated as one here.

Pure Python: no QGIS needed. Longitude first everywhere, as in GIS (x, y).
"""

import math

WGS84 = "wgs84"
CGCS2000 = "cgcs2000"
GCJ02 = "gcj02"
BD09 = "bd09"
SYSTEMS = (WGS84, CGCS2000, GCJ02, BD09)

# Published constants of the GCJ-02 obfuscation (Krasovsky 1940 ellipsoid).
KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323
# Published constants of Baidu's BD-09 shift.
BD_X_PI = math.pi * 3000.0 / 180.0
BD_LON_SHIFT = 0.0065
BD_LAT_SHIFT = 0.006

# The providers' rough box of China: outside it GCJ-02 equals WGS84.
CHINA_LON_RANGE = (72.004, 137.8347)
CHINA_LAT_RANGE = (0.8293, 55.8271)

INVERSE_TOLERANCE_DEG = 1e-10
INVERSE_MAX_ITERATIONS = 50


def out_of_china(lon, lat):
    """True where GCJ-02 leaves a point unchanged (outside the providers' box of China)."""
    return not (CHINA_LON_RANGE[0] <= lon <= CHINA_LON_RANGE[1] and CHINA_LAT_RANGE[0] <= lat <= CHINA_LAT_RANGE[1])


def _gcj_offset(lon, lat):
    """The GCJ-02 shift (dlon, dlat) in degrees at a WGS84 point."""
    x, y = lon - 105.0, lat - 35.0
    shared = (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x)) + shared
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x)) + shared
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad_lat = lat / 180.0 * math.pi
    magic = 1.0 - KRASOVSKY_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = dlat * 180.0 / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * math.pi)
    dlon = dlon * 180.0 / (KRASOVSKY_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat):
    if out_of_china(lon, lat):
        return lon, lat
    dlon, dlat = _gcj_offset(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_bd09(lon, lat):
    z = math.hypot(lon, lat) + 0.00002 * math.sin(lat * BD_X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * BD_X_PI)
    return z * math.cos(theta) + BD_LON_SHIFT, z * math.sin(theta) + BD_LAT_SHIFT


def _bd09_to_gcj02_approximate(lon, lat):
    """The published one-step inverse (off by up to a few decimetres); the start of the iteration."""
    x, y = lon - BD_LON_SHIFT, lat - BD_LAT_SHIFT
    z = math.hypot(x, y) - 0.00002 * math.sin(y * BD_X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * BD_X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def _invert(forward, lon, lat, start):
    """The point p with forward(p) == (lon, lat), by fixed-point iteration from `start`.

    The offsets change by less than 1e-4 of their size per metre, so each step removes almost all
    of the remaining error; a few iterations reach 1e-10 degrees.
    """
    guess_lon, guess_lat = start
    for _ in range(INVERSE_MAX_ITERATIONS):
        forward_lon, forward_lat = forward(guess_lon, guess_lat)
        error_lon, error_lat = forward_lon - lon, forward_lat - lat
        guess_lon -= error_lon
        guess_lat -= error_lat
        if abs(error_lon) < INVERSE_TOLERANCE_DEG and abs(error_lat) < INVERSE_TOLERANCE_DEG:
            break
    return guess_lon, guess_lat


def gcj02_to_wgs84(lon, lat):
    if out_of_china(lon, lat):
        return lon, lat
    return _invert(wgs84_to_gcj02, lon, lat, (lon, lat))


def bd09_to_gcj02(lon, lat):
    return _invert(gcj02_to_bd09, lon, lat, _bd09_to_gcj02_approximate(lon, lat))


def wgs84_to_bd09(lon, lat):
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat):
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def _canonical(system):
    system = str(system).strip().lower().replace("-", "").replace("_", "")
    aliases = {"wgs84": WGS84, "cgcs2000": WGS84, "gcj02": GCJ02, "gcj": GCJ02, "bd09": BD09, "bd09ll": BD09}
    if system not in aliases:
        raise ValueError("unknown coordinate system '{}'; one of {}".format(system, ", ".join(SYSTEMS)))
    return aliases[system]


_CONVERSIONS = {
    (WGS84, GCJ02): wgs84_to_gcj02, (GCJ02, WGS84): gcj02_to_wgs84,
    (GCJ02, BD09): gcj02_to_bd09, (BD09, GCJ02): bd09_to_gcj02,
    (WGS84, BD09): wgs84_to_bd09, (BD09, WGS84): bd09_to_wgs84,
}


def converter(source, target):
    """A function (lon, lat) → (lon, lat) from one system to another (identity when they agree)."""
    source, target = _canonical(source), _canonical(target)
    if source == target:
        return lambda lon, lat: (lon, lat)
    return _CONVERSIONS[(source, target)]


def convert(lon, lat, source, target):
    return converter(source, target)(lon, lat)


def is_offset_system(system):
    """True for the web-map systems that need converting before use with survey data."""
    return _canonical(system) in (GCJ02, BD09)


# CGCS2000 / 3-degree Gauss-Kruger CM 75E … CM 135E are EPSG:4534 … EPSG:4554 (China's survey zones).
GK3_FIRST_EPSG, GK3_FIRST_MERIDIAN, GK3_LAST_MERIDIAN = 4534, 75, 135


def _gauss_kruger_meridian(lon):
    """The central meridian of the 3-degree zone nearest `lon` (degrees east)."""
    return int(round(lon / 3.0)) * 3


def gauss_kruger_zone_epsg(lon):
    """The EPSG code of the CGCS2000 3-degree Gauss-Krüger zone (central meridian in the code's CRS,
    no zone prefix in x) whose central meridian is nearest `lon`: EPSG:4534 (75°E) … EPSG:4554 (135°E).
    Clamped to China's zones for points outside them."""
    central = min(max(_gauss_kruger_meridian(lon), GK3_FIRST_MERIDIAN), GK3_LAST_MERIDIAN)
    return GK3_FIRST_EPSG + (central - GK3_FIRST_MERIDIAN) // 3


def metric_zone_epsg(lon, lat):
    """The EPSG code of a projected CRS in true metres around (lon, lat): the CGCS2000 3° Gauss-Krüger zone in
    China's zones (north of the equator), else the WGS84 UTM zone."""
    if GK3_FIRST_MERIDIAN <= _gauss_kruger_meridian(lon) <= GK3_LAST_MERIDIAN and lat > 0:
        return gauss_kruger_zone_epsg(lon)
    zone = min(60, max(1, int((lon + 180) // 6) + 1))
    return (32600 if lat >= 0 else 32700) + zone


def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres (WGS84 mean radius): good to 0.5 % for checking offsets."""
    radius = 6371008.8
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * radius * math.asin(min(1.0, math.sqrt(a)))
