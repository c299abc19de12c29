#!/usr/bin/env python3
"""Generate the bundled sample data: a fictional district near Wuhan (EPSG:4547).

    python scripts/make_sample_data.py [--output sample_data/sample_district.gpkg]

Writes one GeoPackage with the layers communities, facilities, facility_areas, roads,
population_points and expected_outcomes. Every community tells a story: it fails (or passes) the
rules of 《完整居住社区建设指南》 in one deliberate way, often exactly at a threshold. The stories
and the expected results are listed in sample_data/README.md and in the layer expected_outcomes.

Deterministic: fixed seeds, no timestamps (gpkg_contents.last_change is pinned through
OGR_CURRENT_DATE); the file is deleted and rewritten on every run. Needs only GDAL/OGR.

The module also holds a small walking-network helper (`WalkingNetwork`) that the tests use to
check the walking stories (C09, C13) against the generated roads.
"""

import argparse
import heapq
import math
import os
import random
import sys

# ------------------------------------------------------------------------------------------------
# Constants of the district

EPSG = 4547
X0, Y0 = 526000.0, 3384000.0          # south-west corner of the street grid
CELL_W, CELL_H = 480.0, 450.0         # one community cell = 3 x 3 blocks
BLOCK_W, BLOCK_H = 160.0, 150.0
GRID_COLS, GRID_ROWS = 4, 4
MOTORWAY_X = 528040.0
SEED = 20211201

CHECKLIST_FIELDS = (
    "water_supply", "drainage", "power_supply", "road", "gas_supply", "heating_supply", "telecom",
    "mobile_5g", "smart_security", "bicycle_parking", "parking_management", "ebike_charging",
    "slow_traffic_system", "barrier_free_entrances", "barrier_free_outdoor", "elevator_retrofit",
    "accessible_service_facilities", "garbage_sorting", "property_management", "property_platform",
    "management_mechanism", "city_management_link", "illegal_construction_enforcement",
    "resident_participation", "cultural_activities", "resident_convention",
    "station_service_hall", "station_police_room", "station_committee_office", "station_activity_rooms",
    "station_reading_room", "station_party_centre", "kindergarten_affordable", "ground_fitness_equipment",
    "ground_fitness_path", "ground_seating", "ground_children_play", "court_ball_games",
    "court_emergency_shelter", "ground_retrofit", "green_rest_facilities", "green_emergency_shelter",
)
COMMUNITY_NUMBER_FIELDS = ("population", "households", "parking_spaces", "charging_spaces",
                           "accessible_parking_spaces", "daily_deliveries", "district_heating", "site_constrained")
FACILITY_REAL_FIELDS = ("building_area", "land_area", "usable_area")
FACILITY_INT_FIELDS = ("classes", "locker_cells")

LAYERS = ("communities", "facilities", "facility_areas", "roads", "population_points", "expected_outcomes")


def cell_origin(col, row):
    return X0 + CELL_W * col, Y0 + CELL_H * row


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


# ------------------------------------------------------------------------------------------------
# Communities: attributes and stories

def _c(cid, name, ctype, households, population, tba, parking, charging, accessible, deliveries,
       heating=0, checklist=None, site_constrained=None, **story):
    values = dict(community_id=cid, name=name, community_type=ctype, households=households,
                  population=population, total_building_area=float(tba), parking_spaces=parking,
                  charging_spaces=charging, accessible_parking_spaces=accessible,
                  daily_deliveries=deliveries, district_heating=heating, site_constrained=site_constrained)
    marks = {field: 1 for field in CHECKLIST_FIELDS}
    marks["heating_supply"] = heating          # Wuhan: no district heating, no heating supply
    marks["elevator_retrofit"] = 1 if ctype == "既有" else 0
    marks.update(checklist or {})
    values.update(marks)
    values["story"] = story
    return values


COMMUNITIES = [
    # new, complete; parking == households, charging == parking, locker cells == 1.0 x deliveries
    _c("C01", "幸福里社区", "新建", 2800, 7560, 280000, 2800, 2800, 15, 900, lockers=(500, 400),
       park=(70, 60, 504.0), daycare=True, office=600.0),
    # existing, complete through the alternatives
    _c("C02", "桂园社区", "既有", 2300, 6210, 190000, 1200, 300, 8, 700, lockers=(420, 380), site_constrained=1,
       supermarket=None, stores=(60.0, 95.0), toilet="integrated", park=None, pocket=True),
    # new, kindergarten 2199.9 m2 (fails by 0.1), 6 classes and 3500 m2 land (both exactly at the threshold)
    _c("C03", "汉江湾社区", "新建", 2600, 7020, 260000, 2700, 2700, 14, 800, lockers=(450, 450),
       kindergarten=(6, 2199.9, 3500.0), office=560.0),
    # existing, 4200 residents (scale fail, recommended) but complete; district heating supplied
    _c("C04", "东湖村社区", "既有", 1556, 4200, 130000, 700, 100, 4, 450, heating=1, lockers=(250, 250)),
    # existing, 13 500 residents and an L-shaped area far wider than a 500 m radius
    _c("C05", "南湖花园社区", "既有", 5000, 13500, 420000, 2500, 400, 13, 1800,
       lockers=(500, 500, 500, 500)),
    # existing, one 80 m2 convenience store, a 101 m2 one that does not count, no supermarket
    _c("C06", "紫阳社区", "既有", 2000, 5400, 150000, 900, 120, 5, 600, lockers=(350, 300),
       supermarket=None, stores=(80.0, 101.0), service_area=520.0, health_side="north"),
    # new, 0.8 spaces per household, 50 % chargers, no accessible space
    _c("C07", "光谷新城社区", "新建", 2500, 6750, 250000, 2000, 1000, 0, 800, lockers=(480, 400),
       office=520.0),
    # new, community park of 3500 m2 with 20 % sports area
    _c("C08", "杨春湖社区", "新建", 2400, 6480, 240000, 2400, 2400, 13, 750, lockers=(400, 400),
       park=(70, 50, 700.0), office=500.0, health_side="west"),
    # existing, no health station, nursery of 150 m2; activity ground of 151 m2 (just passes)
    _c("C09", "建设里社区", "既有", 2200, 5940, 170000, 1000, 200, 6, 650, lockers=(380, 320),
       health=False, nursery_area=150.0, ground=(15.1, 10.0)),
    # existing, missing data: population and four checklist answers are NULL
    _c("C10", "民主街社区", "既有", 2600, None, 200000, 1100, 150, 6, 700, lockers=(400, 400),
       checklist=dict(gas_supply=None, smart_security=None, resident_convention=None, mobile_5g=None),
       home_population=7020, health_side="east"),
    # new, no express station, one locker with 0.8 x daily deliveries
    _c("C11", "白沙洲社区", "新建", 2700, 7290, 270000, 2700, 2700, 14, 1000, lockers=(800,),
       express_station=False, office=580.0),
    # existing, non-spatial failures: no convention, no platform, no smart security, no heating
    _c("C12", "铁机村社区", "既有", 2400, 6480, 180000, 1000, 200, 6, 700, heating=1, lockers=(400, 350),
       checklist=dict(resident_convention=0, property_platform=0, smart_security=0, heating_supply=0)),
    # new, beyond the motorway; its only kindergarten sits on a walled path network of its own
    _c("C13", "月湖岛社区", "新建", 2200, 5940, 220000, 2200, 2200, 12, 700, lockers=(400, 400),
       office=480.0),
    # new, property office 40 m2 for 30 000 m2 (needs 60), garbage station on 100 m2, one sorting point
    _c("C14", "金银潭社区", "新建", 2100, 5670, 30000, 2100, 2100, 11, 650, lockers=(350, 350),
       office=40.0, garbage_station_land=100.0, garbage_points=1, health_side="south"),
]

# Grid cells (col, row) of the communities on the main grid; C13 lies east of the motorway.
CELLS = {
    "C01": [(0, 3)], "C02": [(1, 3)], "C03": [(2, 3)], "C04": [(3, 3)],
    "C05": [(0, 1), (0, 2), (1, 2)], "C06": [(2, 2)], "C07": [(3, 2)],
    "C08": [(1, 1)], "C09": [(2, 1)], "C10": [(3, 1)],
    "C11": [(0, 0)], "C12": [(1, 0)], "C14": [(2, 0)],
}
EMPTY_CELL = (3, 0)   # a school and sports campus that belongs to no community
# The sub-district (街道) of each community: the west half, the east half, and C13 beyond the motorway.
STREETS = {"卓刀泉街道": ("C01", "C02", "C05", "C08", "C11", "C12"),
           "关山街道": ("C03", "C04", "C06", "C07", "C09", "C10", "C14"),
           "花山街道": ("C13",)}

def bus_stops():
    """(community served, x, y): a stop on the south edge road of every grid cell, 6 m off the centre
    line (so it often stands just outside the community it serves), and one on the north edge of the
    top row. C13, beyond the motorway, has none."""
    stops = []
    for cid in sorted(CELLS):
        for col, row in CELLS[cid]:
            ox, oy = cell_origin(col, row)
            below_is_community = row > 0 and (col, row - 1) != EMPTY_CELL
            stops.append((cid, ox + 240.0, oy + (-6.0 if below_is_community else 6.0)))
            if row == GRID_ROWS - 1:
                stops.append((cid, ox + 240.0, oy + CELL_H - 6.0))
    return stops


BUS_STOP_ALIASES = ["公交站点", "公交车站", "bus_stop", "公交站点"]

C13_POLYGON = [(528160.0, 3384000.0), (528680.0, 3384000.0), (528680.0, 3384350.0),
               (528580.0, 3384450.0), (528160.0, 3384450.0), (528160.0, 3384000.0)]
ISLAND = (528470.0, 3384050.0, 528590.0, 3384170.0)   # the walled estate's loop path (C13)


def community_polygon(cid):
    """Exterior ring of a community (one ring, closed)."""
    if cid == "C13":
        return list(C13_POLYGON)
    if cid == "C05":   # L-shape over three cells
        return [(X0, Y0 + 450), (X0 + 480, Y0 + 450), (X0 + 480, Y0 + 900), (X0 + 960, Y0 + 900),
                (X0 + 960, Y0 + 1350), (X0, Y0 + 1350), (X0, Y0 + 450)]
    (col, row), = CELLS[cid]
    x0, y0 = cell_origin(col, row)
    x1, y1 = x0 + CELL_W, y0 + CELL_H
    if cid == "C04":   # north edge follows a winding creek
        return [(x0, y0), (x1, y0), (x1, y1 + 25), (x0 + 400, y1 + 10), (x0 + 330, y1 + 35),
                (x0 + 240, y1 + 15), (x0 + 150, y1 + 30), (x0 + 70, y1 + 12), (x0, y1), (x0, y0)]
    if cid == "C12":   # south-west corner cut by an old rail spur (the corner belongs to nobody)
        return [(x0 + 60, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0 + 60), (x0 + 60, y0)]
    if cid == "C11":   # west edge bends outwards
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0 - 40, y0 + 300), (x0 - 40, y0 + 120),
                (x0, y0)]
    return rect(x0, y0, x1, y1)


# ------------------------------------------------------------------------------------------------
# Facilities

# Slots relative to a cell origin. Central block (1,1) holds the facilities people walk to.
CENTRAL_SLOTS = [(175, 165), (205, 165), (235, 165), (175, 285), (205, 285), (235, 285), (265, 285),
                 (305, 285), (175, 225), (305, 225), (305, 195)]
CENTRAL_SLOTS_EAST_FIRST = [(305, 195), (305, 225), (305, 285), (265, 285), (235, 285), (205, 285),
                            (235, 165), (205, 165), (175, 165), (175, 225), (175, 285)]
OTHER_SLOTS = [(20, 170), (20, 210), (20, 250), (20, 285), (60, 170), (60, 285), (100, 170),
               (100, 285), (140, 170), (340, 170), (380, 170), (460, 170), (380, 285), (460, 285),
               (460, 200), (180, 20), (180, 130), (300, 130), (220, 20), (180, 315), (300, 315),
               (140, 285), (340, 285)]
HOME_SLOTS = [(125, 105), (355, 105), (125, 345), (355, 345), (240, 110), (110, 225), (370, 225),
              (240, 340)]
HEALTH_SIDE_SLOT = {"west": (60, 250), "east": (340, 285), "north": (180, 315), "south": (180, 135)}

NAME_SUFFIX = {
    "service_station": "社区党群服务中心", "kindergarten": "幼儿园", "nursery": "托育中心",
    "elderly_station": "老年服务站", "elderly_daycare": "日间照料中心", "health_station": "社区卫生服务站",
    "supermarket": "生鲜超市", "convenience_store": "便利店", "express_station": "快递驿站",
    "express_locker": "智能快递箱", "barber": "美发店", "laundry": "干洗店", "pharmacy": "大药房",
    "repair": "便民维修点", "housekeeping": "家政服务", "restaurant": "社区食堂",
    "public_toilet": "公共厕所", "integrated_toilet": "箱体式公厕", "garbage_station": "垃圾收集站",
    "garbage_point": "垃圾分类投放点", "property_office": "物业服务中心", "bus_stop": "公交站",
    "primary_school": "小学", "middle_school": "中学", "care_home": "养老院",
    "community_hospital": "社区医院", "sports_hall": "全民健身中心", "metro_station": "地铁站",
    "city_park": "公园",
}
# The raw category label written into the data: mostly the canonical name, sometimes an alias.
CANONICAL = {
    "service_station": "社区综合服务站", "kindergarten": "幼儿园", "nursery": "托儿所",
    "elderly_station": "老年服务站", "elderly_daycare": "老年人日间照料中心",
    "health_station": "社区卫生服务站", "supermarket": "综合超市", "convenience_store": "便利店",
    "express_station": "邮政快递末端综合服务站", "express_locker": "智能快递箱", "barber": "理发店",
    "laundry": "洗衣店", "pharmacy": "药店", "repair": "维修点", "housekeeping": "家政服务网点",
    "restaurant": "餐饮店", "public_toilet": "公共厕所", "integrated_toilet": "集成箱体式公共厕所",
    "garbage_station": "生活垃圾收集站", "garbage_point": "垃圾分类收集点",
    "activity_ground": "公共活动场地", "sports_court": "多功能运动场地", "park": "社区游园",
    "pocket_park": "口袋公园", "property_office": "物业管理用房", "bus_stop": "公交站点",
    "metro_station": "地铁站", "primary_school": "小学", "middle_school": "中学", "care_home": "养老院",
    "community_hospital": "社区医院", "sports_hall": "运动场馆", "city_park": "公园",
    "parking": "停车场", "charging_station": "充电站",
    "market": "菜市场", "green_space": "公共绿地",
}
# Aliases used by some communities (community id -> {code: raw label})
ALIASES = {
    "C02": {"express_locker": "快递柜", "express_station": "菜鸟驿站", "pharmacy": "pharmacy"},
    "C04": {"supermarket": "超市", "public_toilet": "公厕", "health_station": "卫生室"},
    "C05": {"nursery": "托育中心", "elderly_daycare": "日间照料中心"},
    "C07": {"express_locker": "快递柜", "supermarket": "超市"},
    "C10": {"public_toilet": "公厕", "health_station": "卫生室", "pharmacy": "pharmacy"},
    "C12": {"nursery": "托育中心", "express_station": "菜鸟驿站"},
}


def _facility(code, cid, x, y, name, label=None, **attrs):
    record = dict(code=code, community=cid, x=float(x), y=float(y), name=name,
                  category=label or CANONICAL[code])
    for field in FACILITY_REAL_FIELDS + FACILITY_INT_FIELDS + ("sports_area",):
        record[field] = attrs.get(field)
    return record


def _area(code, cid, ring, name, sports_area=None):
    return dict(code=code, community=cid, ring=ring, name=name, category=CANONICAL[code],
                sports_area=sports_area)


def community_facilities(c):
    """Points and polygons of one community's own facilities, following its story."""
    cid, story, new = c["community_id"], c["story"], c["community_type"] == "新建"
    short = c["name"].replace("社区", "")
    aliases = ALIASES.get(cid, {})
    points, areas = [], []

    def label(code):
        return aliases.get(code, CANONICAL[code])

    if cid == "C13":
        anchors = [(528160.0, 3384000.0)]
    else:
        anchors = [cell_origin(*cell) for cell in CELLS[cid]]
    if cid == "C05":   # walking set in every one of its three cells, the rest in the first
        walking_cells = anchors
    else:
        walking_cells = anchors[:1]
    ox, oy = anchors[0]

    def at(slot, base=(ox, oy)):
        return base[0] + slot[0], base[1] + slot[1]

    # --- facilities people walk to (central block) -----------------------------------------
    for index, (bx, by) in enumerate(walking_cells):
        part = "" if len(walking_cells) == 1 else "（{}）".format(("南片", "西北片", "东北片")[index])
        slots = iter(CENTRAL_SLOTS if index != 1 else CENTRAL_SLOTS_EAST_FIRST)   # C05: near its centroid
        if cid == "C13":
            slots = iter([(225, 270), (255, 270), (225, 230), (255, 230), (225, 300), (255, 300),
                          (285, 270), (285, 230)])
            base = (528160.0, 3384000.0)
        else:
            base = (bx, by)

        def put(code, name_suffix=None, **attrs):
            x, y = at(next(slots), base)
            points.append(_facility(code, cid, x, y, short + (name_suffix or NAME_SUFFIX[code]) + part,
                                    label(code), **attrs))

        put("service_station", building_area=story.get("service_area", 850.0))
        if cid != "C13":
            classes, bldg, land = story.get("kindergarten", (9, 2400.0, 3800.0))
            put("kindergarten", classes=classes, building_area=bldg, land_area=land)
        put("nursery", building_area=story.get("nursery_area", 260.0))
        put("elderly_station", building_area=300.0)
        if story.get("daycare") or (cid == "C05" and index == 0):
            put("elderly_daycare", building_area=400.0)
        if story.get("health", True) and not story.get("health_side"):
            put("health_station", building_area=150.0)
        if story.get("supermarket", "yes") is not None:
            put("supermarket", building_area=600.0)
        stores = story.get("stores", (70.0,)) if index == 0 else (70.0,)
        for number, area in enumerate(stores):
            put("convenience_store", "便利店{}".format("ABC"[number]) if len(stores) > 1 else None,
                building_area=area)
        if cid != "C13":
            gx, gy = story.get("ground", (20.0, 15.0))
            x0, y0 = at((255.0, 160.0), base)
            areas.append(_area("activity_ground", cid, rect(x0, y0, x0 + gx, y0 + gy),
                               short + "健身广场" + part))

    if story.get("health_side"):
        x, y = at(HEALTH_SIDE_SLOT[story["health_side"]])
        points.append(_facility("health_station", cid, x, y, short + NAME_SUFFIX["health_station"],
                                label("health_station"), building_area=150.0))

    # --- everything else (edge blocks) ----------------------------------------------------
    if cid == "C13":
        other = iter([(20, 40), (60, 40), (100, 40), (20, 90), (60, 90), (100, 90), (20, 140),
                      (60, 140), (100, 140), (20, 190), (60, 190), (100, 190), (250, 40), (200, 140),
                      (250, 200), (290, 200), (350, 200), (20, 230), (60, 230), (100, 230), (220, 420),
                      (260, 420), (300, 420)])
    else:
        other = iter(OTHER_SLOTS)

    def put_other(code, name_suffix=None, **attrs):
        x, y = at(next(other))
        points.append(_facility(code, cid, x, y, short + (name_suffix or NAME_SUFFIX[code]),
                                label(code), **attrs))

    if story.get("express_station", True):
        put_other("express_station", building_area=40.0, usable_area=30.0 if new else 20.0)
    for number, cells in enumerate(story["lockers"]):
        put_other("express_locker", "智能快递箱{}号".format(number + 1), locker_cells=cells)
    for code in ("barber", "laundry", "pharmacy", "repair", "housekeeping", "restaurant"):
        put_other(code)
    if story.get("toilet") == "integrated":
        put_other("integrated_toilet", building_area=12.0)
    else:
        put_other("public_toilet", building_area=45.0)
    if new:
        put_other("garbage_station", land_area=story.get("garbage_station_land", 150.0),
                  building_area=60.0)
    for number in range(story.get("garbage_points", 3)):
        put_other("garbage_point", "垃圾分类投放点{}".format(number + 1))
    put_other("property_office", building_area=story.get("office", 100.0))

    # --- polygons: park, pocket park, sports court ----------------------------------------
    if cid == "C13":
        areas.append(_area("park", cid, rect(528190.0, 3384290.0, 528265.0, 3384350.0),
                           short + "社区游园", sports_area=540.0))
        areas.append(_area("sports_court", cid, rect(528300.0, 3384380.0, 528340.0, 3384405.0),
                           short + "多功能运动场"))
        areas.append(_area("activity_ground", cid, rect(528300.0, 3384300.0, 528320.0, 3384315.0),
                           short + "健身广场"))
    else:
        park = story.get("park", (75, 60, 540.0) if new else None)
        if park is not None:
            w, h, sports = park
            x0, y0 = at((200.0, 375.0))
            areas.append(_area("park", cid, rect(x0, y0, x0 + w, y0 + h), short + "社区游园",
                               sports_area=sports))
        if new:
            x0, y0 = at((410.0, 240.0))
            areas.append(_area("sports_court", cid, rect(x0, y0, x0 + 40, y0 + 25), short + "多功能运动场"))
        if story.get("pocket") or not new:
            x0, y0 = at((200.0, 40.0))
            areas.append(_area("pocket_park", cid, rect(x0, y0, x0 + 30, y0 + 20), short + "口袋公园"))

    # --- bus stops (on the roads, often just outside the boundary) -------------------------
    for number, (_cid, x, y) in enumerate(stop for stop in bus_stops() if stop[0] == cid):
        points.append(_facility("bus_stop", cid, x, y, short + "公交站{}".format("" if number == 0 else number + 1),
                                BUS_STOP_ALIASES[(int(cid[1:]) + number) % len(BUS_STOP_ALIASES)]))
    return points, areas


def district_facilities():
    """Life-circle facilities, C13's kindergarten on the island, unknown labels, outsiders."""
    points = []

    def cell(cid):
        return cell_origin(*CELLS[cid][0])

    def add(code, cid, slot, name, label=None, base=None, **attrs):
        bx, by = base if base is not None else cell(cid)
        points.append(_facility(code, cid, bx + slot[0], by + slot[1], name, label, **attrs))

    # C13's only kindergarten: on the walled estate's paths (the island)
    points.append(_facility("kindergarten", "C13", 528530.0, 3384128.0, "月湖岛幼儿园",
                            classes=9, building_area=2400.0, land_area=3800.0))
    # the 15-minute life circle: schools, care homes, hospital, sports hall, parks, metro
    add("primary_school", "C01", (60, 400), "幸福里小学", building_area=9000.0, land_area=15000.0)
    add("primary_school", "C09", (60, 400), "建设里小学", building_area=9000.0, land_area=15000.0)
    add("primary_school", "C11", (60, 400), "白沙洲小学", building_area=9000.0, land_area=15000.0)
    add("middle_school", "C05", (60, 400), "南湖中学", building_area=16000.0, land_area=30000.0)
    add("care_home", "C02", (440, 400), "桂园养老院", building_area=3000.0)
    add("care_home", "C12", (440, 400), "铁机村敬老院", "敬老院", building_area=2500.0)
    add("community_hospital", "C06", (440, 400), "紫阳社区医院", building_area=6000.0)
    add("metro_station", "C06", (440, 60), "紫阳路地铁站")
    add("metro_station", "C12", (440, 60), "铁机路地铁站")
    # parking and charging: in the catalogue, without a rule of their own (the parking rules read community fields)
    add("parking", "C04", (440, 60), "汉江湾公共停车场")
    add("charging_station", "C07", (440, 60), "杨园电动汽车充电站")
    # food markets (2.2: 菜市场 is a kind of its own for the elderly) and an open green space
    add("market", "C03", (440, 200), "汉江湾菜市场", "农贸市场", building_area=800.0)
    add("market", "C10", (440, 200), "民主街菜市场", building_area=600.0)
    add("green_space", "C12", (440, 300), "铁机村街头绿地", "公共绿地", land_area=900.0)
    # two labels that no catalogue maps
    add("unknown", "C03", (440, 400), "宠物医院（汉江湾）", "宠物医院", building_area=120.0)
    add("unknown", "C08", (440, 400), "宠物医院（杨春湖）", "宠物医院", building_area=90.0)
    # three facilities inside no community: the campus cell south-east of the grid
    campus = cell_origin(*EMPTY_CELL)
    add("middle_school", None, (120, 100), "光谷第二中学", base=campus, building_area=18000.0,
        land_area=32000.0)
    add("sports_hall", None, (360, 100), "洪山区全民健身中心", "体育馆", base=campus, building_area=8000.0)
    add("city_park", None, (240, 380), "南望山公园", base=campus, land_area=60000.0)
    return points


def build_facilities():
    points, areas = [], []
    for c in COMMUNITIES:
        p, a = community_facilities(c)
        points.extend(p)
        areas.extend(a)
    points.extend(district_facilities())
    for number, record in enumerate(points, start=1):
        record["facility_id"] = "F{:04d}".format(number)
    for number, record in enumerate(areas, start=1):
        record["facility_id"] = "A{:03d}".format(number)
    return points, areas


# ------------------------------------------------------------------------------------------------
# Population points

def build_population_points():
    rng = random.Random(SEED)
    records = []
    for c in COMMUNITIES:
        cid = c["community_id"]
        total = c["population"] if c["population"] is not None else c["story"]["home_population"]
        if cid == "C13":
            slots = [(528240.0, 3384180.0), (528270.0, 3384110.0), (528360.0, 3384380.0),
                     (528440.0, 3384300.0), (528600.0, 3384290.0),     # on the main network
                     (528485.0, 3384075.0), (528575.0, 3384155.0), (528500.0, 3384150.0)]  # island
            shares = [1.0, 1.0, 1.0, 1.0, 1.0, 0.4, 0.3, 0.3]
        else:
            slots = []
            for (col, row) in CELLS[cid]:
                ox, oy = cell_origin(col, row)
                slots.extend((ox + dx, oy + dy) for dx, dy in HOME_SLOTS)
            shares = [0.8 + 0.4 * rng.random() for _ in slots]
        weights = [s / sum(shares) for s in shares]
        values = [int(math.floor(total * w)) for w in weights]
        for index in range(total - sum(values)):
            values[index % len(values)] += 1
        for (x, y), value in zip(slots, values):
            jitter_x, jitter_y = rng.randint(-4, 4), rng.randint(-4, 4)
            records.append(dict(community=cid, x=x + jitter_x, y=y + jitter_y, population=value))
    for number, record in enumerate(records, start=1):
        record["building_id"] = "B{:04d}".format(number)
    return records


# ------------------------------------------------------------------------------------------------
# Roads

STREET_NAMES_NS = ["珞喻西路", "文治街", "卓刀泉北路", "民族大道", "雄楚巷", "书城路", "关山大道",
                   "虎泉街", "桂园路", "南湖大道", "紫阳路", "杨春街", "光谷大道"]
STREET_NAMES_EW = ["南环路", "白沙一路", "白沙二路", "中南路", "铁机路", "建设二路", "武珞路",
                   "丁字桥路", "中北路", "东湖西路", "桂园二路", "幸福一路", "北环路"]


def raw_roads():
    """Unnoded road lines: (coords, name, highway, walkable, oneway)."""
    lines = []
    width, height = CELL_W * GRID_COLS, CELL_H * GRID_ROWS
    for k in range(13):   # north-south streets every 160 m
        x = X0 + BLOCK_W * k
        if k in (0, 12):
            highway, y_from, y_to = "primary", Y0 - 500.0, Y0 + height + 500.0
        elif k % 3 == 0:
            highway, y_from, y_to = "secondary", Y0, Y0 + height
        else:
            highway, y_from, y_to = "residential", Y0, Y0 + height
        lines.append(([(x, y_from), (x, y_to)], STREET_NAMES_NS[k], highway, 1, 1 if k in (4, 8) else 0))
    for j in range(13):   # east-west streets every 150 m
        y = Y0 + BLOCK_H * j
        if j in (0, 12):
            highway, x_from, x_to = "primary", X0 - 500.0, X0 + width
        elif j % 3 == 0:
            highway, x_from, x_to = "tertiary", X0, X0 + width
        else:
            highway, x_from, x_to = "residential", X0, X0 + width
        lines.append(([(x_from, y), (x_to, y)], STREET_NAMES_EW[j], highway, 1, 1 if j in (5,) else 0))
    # the motorway crossing the district from south to north (not walkable)
    lines.append(([(MOTORWAY_X, 3383000.0), (MOTORWAY_X, 3388000.0)], "京港澳高速", "motorway", 0, 1))
    # bridges over the motorway: to C13 (south-east), and a dead-end road to the east district
    lines.append(([(X0 + width, 3384900.0), (528160.0, 3384900.0)], "月湖桥", "secondary", 1, 0))
    lines.append(([(X0 + width, Y0 + height), (528800.0, Y0 + height)], "北环路东段", "primary", 1, 0))
    # C13's own streets
    lines.append(([(528160.0, 3384000.0), (528160.0, 3384900.0)], "月湖西路", "tertiary", 1, 0))
    lines.append(([(528160.0, 3384450.0), (528560.0, 3384450.0)], "月湖北街", "residential", 1, 0))
    lines.append(([(528160.0, 3384250.0), (528660.0, 3384250.0)], "月湖中街", "residential", 1, 0))
    lines.append(([(528400.0, 3384250.0), (528400.0, 3384450.0)], "月湖巷", "service", 1, 0))
    lines.append(([(528160.0, 3384000.0), (528400.0, 3384000.0)], "月湖南街", "residential", 1, 0))
    lines.append(([(528300.0, 3384000.0), (528300.0, 3384250.0)], "月湖步道", "footway", 1, 0))
    # the walled estate inside C13: a closed loop of paths touching nothing else
    x0, y0, x1, y1 = ISLAND
    ym = (y0 + y1) / 2.0
    lines.append(([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], "月湖岛环路", "footway", 1, 0))
    lines.append(([(x0, ym), (x1, ym)], "月湖岛中径", "footway", 1, 0))
    # a few footways through blocks (greenway along the park blocks of C01 and C03)
    ox, oy = cell_origin(0, 3)
    lines.append(([(ox + 160.0, oy + 360.0), (ox + 190.0, oy + 360.0)], "幸福绿道", "footway", 1, 0))
    return lines


def _intersections(a0, a1, b0, b1, eps=1e-9):
    """Parameters t along segment a where segment b touches or crosses it."""
    (ax, ay), (bx, by) = a0, a1
    (cx, cy), (dx, dy) = b0, b1
    rx, ry, sx, sy = bx - ax, by - ay, dx - cx, dy - cy
    denom = rx * sy - ry * sx
    result = []
    if abs(denom) < eps:   # parallel: collinear overlaps give the other segment's end points
        if abs((cx - ax) * ry - (cy - ay) * rx) > eps:
            return result
        length2 = rx * rx + ry * ry
        for px, py in (b0, b1):
            t = ((px - ax) * rx + (py - ay) * ry) / length2
            if -eps <= t <= 1 + eps:
                result.append(min(max(t, 0.0), 1.0))
        return result
    t = ((cx - ax) * sy - (cy - ay) * sx) / denom
    u = ((cx - ax) * ry - (cy - ay) * rx) / denom
    if -eps <= t <= 1 + eps and -eps <= u <= 1 + eps:
        result.append(min(max(t, 0.0), 1.0))
    return result


def node_lines(lines):
    """Split every line at every point where another line touches or crosses it."""
    segments = []   # (p0, p1, line index)
    for index, (coords, *_rest) in enumerate(lines):
        for p0, p1 in zip(coords[:-1], coords[1:]):
            segments.append((p0, p1, index))
    pieces = []
    for i, (p0, p1, index) in enumerate(segments):
        cuts = {0.0, 1.0}
        for j, (q0, q1, other) in enumerate(segments):
            if i != j:
                cuts.update(round(t, 12) for t in _intersections(p0, p1, q0, q1))
        points = []
        for t in sorted(cuts):
            point = (round(p0[0] + (p1[0] - p0[0]) * t, 3), round(p0[1] + (p1[1] - p0[1]) * t, 3))
            if not points or point != points[-1]:
                points.append(point)
        for a, b in zip(points[:-1], points[1:]):
            pieces.append(([a, b], index))
    return pieces


def build_roads():
    lines = raw_roads()
    records = []
    for number, (coords, index) in enumerate(node_lines(lines), start=1):
        _coords, name, highway, walkable, oneway = lines[index]
        records.append(dict(road_id="R{:04d}".format(number), coords=coords, name=name, highway=highway,
                            walkable=walkable, oneway=oneway))
    return records


# ------------------------------------------------------------------------------------------------
# Expected outcomes

def build_expected():
    rows = []

    def add(cid, rule, status, note):
        rows.append(dict(community_id=cid, rule_id=rule, expected_status=status, note=note))

    add("C01", "scale.population", "pass", "7560人，在5000—12000之间")
    add("C01", "scale.walking_radius", "pass", "480×450 m 街坊，中心到最远边界点约329 m")
    add("C01", "parking_charging.parking_ratio", "pass", "停车位2800 = 户数2800，恰好1车位/户")
    add("C01", "parking_charging.charging_ratio", "pass", "充电车位2800 = 停车位2800，恰好100%")
    add("C01", "parking_charging.accessible_spaces", "pass", "无障碍车位15 ≥ 2800×0.5% = 14")
    add("C01", "express_delivery.locker_cells", "pass", "格口500+400 = 900 = 日均投递量900的1.0倍")
    add("C01", "express_delivery.station", "pass", "快递驿站使用面积30 m² ≥ 15")
    add("C01", "elderly_service_station.daycare_area", "pass", "日间照料中心400 m² ≥ 350")
    add("C01", "public_green.park", "pass", "社区游园实测4200 m² ≥ 4000")
    add("C01", "public_green.park_sports_share", "pass", "体育活动场地504/4200 = 12%")
    add("C01", "activity_ground.sports_court", "pass", "多功能运动场实测1000 m² ≥ 800")
    add("C01", "property_service.office_area", "pass", "物业用房600 m² ≥ 280000×2‰ = 560")
    add("C01", "utilities.heating", "not_applicable", "不在集中供热地区（district_heating=0）")
    for rule in ("kindergarten.walking_distance", "elderly_service_station.walking_distance",
                 "health_service_station.walking_distance", "supermarket.walking_distance",
                 "activity_ground.walking_distance", "walking_system.bus_stop"):
        add("C01", rule, "pass", "社区中心及每栋住宅步行不超过500 m")
    add("C01", "community_service_station.functions", "pass", "服务大厅、警务室、居委会办公室等六项均已设置")
    add("C01", "cc_status", "pass", "新建社区，所有适用的必备项均达标")

    add("C02", "supermarket.provision", "pass",
        "无综合超市，但有60 m²和95 m²两个便利店（场地受限的既有社区可以建设2—3个便利店）")
    add("C02", "sanitation.public_toilet", "pass", "集成箱体式公厕（既有社区可替代30 m²公厕）")
    add("C02", "public_green.open_green", "pass", "有口袋公园")
    add("C02", "public_green.pocket_park", "pass", "有口袋公园（既有社区应改造建设口袋公园：必备项）")
    add("C02", "public_green.park", "not_applicable", "4000 m²社区游园只要求新建社区")
    add("C02", "parking_charging.parking_ratio", "not_applicable", "既有社区不按1车位/户考核")
    add("C02", "cc_status", "pass", "既有社区，通过替代方式全部达标")

    add("C03", "kindergarten.building_area", "fail", "幼儿园建筑面积2199.9 m² < 2200（差0.1）")
    add("C03", "kindergarten.classes", "pass", "6班，恰好达到下限")
    add("C03", "kindergarten.land_area", "pass", "用地3500 m²，恰好达到下限")
    add("C03", "cc_status", "fail", "幼儿园建筑面积不足")

    add("C04", "scale.population", "advisory", "常住人口4200 < 5000（以…为宜：推荐项，建议改进）")
    add("C04", "utilities.heating", "pass", "位于集中供热地区且供热设施完好")
    add("C04", "cc_status", "pass", "规模为推荐项，不影响达标；设施齐全")

    add("C05", "scale.population", "advisory", "常住人口13500 > 12000（推荐项，建议改进）")
    add("C05", "scale.walking_radius", "advisory", "L形社区，中心到最远边界点约670 m > 500（推荐项，建议改进）")
    add("C05", "cc_status", "pass", "规模与半径为推荐项；三个片区各有一套步行可达设施")

    add("C06", "supermarket.provision", "fail", "无综合超市；便利店80 m²仅1个符合50—100 m²，101 m²的不计")
    add("C06", "community_service_station.building_area", "advisory", "服务站520 m² < 800（以800为宜：建议改进）")
    add("C06", "cc_status", "fail", "综合超市（或2个便利店）缺失")

    add("C07", "parking_charging.parking_ratio", "fail", "停车位2000 < 户数2500（0.8车位/户）")
    add("C07", "parking_charging.charging_ratio", "fail", "充电车位1000 = 停车位的50%")
    add("C07", "parking_charging.accessible_spaces", "fail", "无障碍车位0 < 2000×0.5% = 10")
    add("C07", "cc_status", "fail", "停车及充电不达标")

    add("C08", "public_green.park", "fail", "社区游园实测3500 m² < 4000")
    add("C08", "public_green.park_sports_share", "pass",
        "体育活动场地700/3500 = 20% > 15%：10%—15%的上限是规模指引，超出只作说明")
    add("C08", "public_green.open_green", "pass", "有一处社区游园")
    add("C08", "cc_status", "fail", "社区游园面积不达标")

    add("C09", "health_service_station.count", "fail", "社区内无社区卫生服务站")
    add("C09", "health_service_station.walking_distance", "advisory",
        "邻近社区的卫生服务站都在500 m步行范围外（步行为原则：建议改进）")
    add("C09", "nursery.building_area", "fail", "托儿所150 m² < 200")
    add("C09", "nursery.count", "pass", "有一个托儿所")
    add("C09", "activity_ground.ground", "pass", "公共活动场地实测151 m² ≥ 150")
    add("C09", "cc_status", "fail", "缺卫生服务站，托儿所面积不足")

    add("C10", "scale.population", "no_data", "population为空")
    add("C10", "utilities.basic", "no_data", "gas_supply为空，其余为是")
    add("C10", "utilities.smart_security", "no_data", "smart_security为空")
    add("C10", "utilities.mobile_5g", "no_data", "mobile_5g为空（推荐项）")
    add("C10", "community_culture.convention", "no_data", "resident_convention为空")
    add("C10", "supermarket.provision", "pass", "有600 m²综合超市")
    add("C10", "cc_status", "no_data", "无不达标项，但关键数据缺失")

    add("C11", "express_delivery.lockers", "fail", "只有1组智能快递箱（要求多组）")
    add("C11", "express_delivery.locker_cells", "fail", "格口800 = 日均投递量1000的0.8倍 < 1.0")
    add("C11", "express_delivery.station", "fail", "新建社区无邮政快递末端综合服务站")
    add("C11", "cc_status", "fail", "寄递设施不达标")

    add("C12", "community_culture.convention", "fail", "未制定社区居民公约")
    add("C12", "property_platform.platform", "fail", "无物业管理服务平台")
    add("C12", "utilities.smart_security", "fail", "无智能安防系统")
    add("C12", "utilities.heating", "fail", "位于集中供热地区但供热设施未完好（heating_supply=0）")
    add("C12", "parking_charging.parking_ratio", "not_applicable", "既有社区")
    add("C12", "cc_status", "fail", "管理类清单项不达标")

    add("C13", "kindergarten.count", "pass", "社区内有一个幼儿园（在围合的独立步道网上）")
    add("C13", "kindergarten.walking_distance", "advisory",
        "唯一的幼儿园在与城市路网不连通的步道上，社区中心步行可达的幼儿园都超过500 m（建议改进）")
    add("C13", "walking_system.bus_stop", "fail", "高速公路以东，最近的公交站步行超过10分钟（必备项）")
    add("C13", "cc_status", "fail", "公交站过远；幼儿园步行过远为建议改进")

    add("C14", "property_service.office_area", "fail", "物业用房40 m² < max(30000×2‰, 50) = 50")
    add("C14", "sanitation.garbage_station", "advisory", "垃圾收集站用地100 m² < 120（新建宜建：建议改进）")
    add("C14", "sanitation.garbage_points", "fail", "只有1处垃圾分类收集点（要求多处）")
    add("C14", "cc_status", "fail", "物业用房和垃圾分类收集点不达标")
    return rows


# ------------------------------------------------------------------------------------------------
# Walking network (pure Python; used by the tests to check the walking stories)

class WalkingNetwork:
    """Undirected graph of 2-point road pieces; points snap to the nearest edge."""

    def __init__(self, roads):
        self.edges = []          # (a, b, length)
        self.adjacent = {}
        for road in roads:
            if not road["walkable"]:
                continue
            coords = [tuple(p) for p in road["coords"]]
            for a, b in zip(coords[:-1], coords[1:]):
                length = math.hypot(b[0] - a[0], b[1] - a[1])
                self.edges.append((a, b, length))
                self.adjacent.setdefault(a, []).append((b, length))
                self.adjacent.setdefault(b, []).append((a, length))

    def snap(self, point):
        best = None
        px, py = point
        for a, b, length in self.edges:
            dx, dy = b[0] - a[0], b[1] - a[1]
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length ** 2))
            qx, qy = a[0] + t * dx, a[1] + t * dy
            distance = math.hypot(px - qx, py - qy)
            if best is None or distance < best[0]:
                best = (distance, a, b, t * length, (1 - t) * length)
        return best

    def distances_from(self, sources):
        """Dijkstra from several points; returns (node distances, snap of every source)."""
        dist, heap = {}, []
        for point in sources:
            offset, a, b, to_a, to_b = self.snap(point)
            for node, d in ((a, offset + to_a), (b, offset + to_b)):
                if d < dist.get(node, math.inf):
                    dist[node] = d
                    heapq.heappush(heap, (d, node))
        while heap:
            d, node = heapq.heappop(heap)
            if d > dist.get(node, math.inf):
                continue
            for other, length in self.adjacent[node]:
                nd = d + length
                if nd < dist.get(other, math.inf):
                    dist[other] = nd
                    heapq.heappush(heap, (nd, other))
        return dist

    def distance_to_nearest(self, point, dist, sources=()):
        """Walking distance from point to the nearest source, given distances_from(sources)."""
        offset, a, b, to_a, to_b = self.snap(point)
        best = min(dist.get(a, math.inf) + to_a, dist.get(b, math.inf) + to_b) + offset
        for source in sources:   # a source on the same edge
            s_offset, sa, sb, s_to_a, _s_to_b = self.snap(source)
            if {sa, sb} == {a, b}:
                along = abs(s_to_a - (to_a if sa == a else to_b))
                best = min(best, offset + along + s_offset)
        return best


# ------------------------------------------------------------------------------------------------
# Writing

def build_all():
    points, areas = build_facilities()
    return dict(communities=COMMUNITIES, facilities=points, facility_areas=areas, roads=build_roads(),
                population_points=build_population_points(), expected_outcomes=build_expected())


def write_gpkg(path, data):
    from osgeo import gdal, ogr, osr
    gdal.UseExceptions()
    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2021-12-01T00:00:00.000Z")   # no timestamps in the file
    if os.path.exists(path):
        os.remove(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(path)
    options = ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"]

    def layer(name, geometry_type, fields):
        lyr = ds.CreateLayer(name, srs if geometry_type != ogr.wkbNone else None, geometry_type,
                             options=options if geometry_type != ogr.wkbNone else ["FID=fid"])
        for field_name, field_type in fields:
            lyr.CreateField(ogr.FieldDefn(field_name, field_type))
        return lyr

    def write(lyr, values, geometry=None):
        feature = ogr.Feature(lyr.GetLayerDefn())
        for key, value in values.items():
            if value is None:
                feature.SetFieldNull(key)
            else:
                feature.SetField(key, value)
        if geometry is not None:
            feature.SetGeometry(geometry)
        lyr.CreateFeature(feature)

    def point(x, y):
        geometry = ogr.Geometry(ogr.wkbPoint)
        geometry.AddPoint_2D(x, y)
        return geometry

    def polygon(ring_coords, multi=False):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring_coords:
            ring.AddPoint_2D(x, y)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        if not multi:
            return poly
        result = ogr.Geometry(ogr.wkbMultiPolygon)
        result.AddGeometry(poly)
        return result

    ds.StartTransaction()
    fields = [("community_id", ogr.OFTString), ("name", ogr.OFTString), ("community_type", ogr.OFTString),
              ("street", ogr.OFTString), ("population", ogr.OFTInteger), ("households", ogr.OFTInteger),
              ("total_building_area", ogr.OFTReal), ("parking_spaces", ogr.OFTInteger),
              ("charging_spaces", ogr.OFTInteger), ("accessible_parking_spaces", ogr.OFTInteger),
              ("daily_deliveries", ogr.OFTInteger), ("district_heating", ogr.OFTInteger),
              ("site_constrained", ogr.OFTInteger)]
    fields += [(name, ogr.OFTInteger) for name in CHECKLIST_FIELDS]
    lyr = layer("communities", ogr.wkbMultiPolygon, fields)
    street_of = {cid: street for street, members in STREETS.items() for cid in members}
    for c in data["communities"]:
        values = dict(c, street=street_of[c["community_id"]])
        write(lyr, {name: values[name] for name, _ in fields}, polygon(community_polygon(c["community_id"]), True))

    fields = [("facility_id", ogr.OFTString), ("name", ogr.OFTString), ("category", ogr.OFTString),
              ("building_area", ogr.OFTReal), ("land_area", ogr.OFTReal), ("usable_area", ogr.OFTReal),
              ("classes", ogr.OFTInteger), ("locker_cells", ogr.OFTInteger), ("sports_area", ogr.OFTReal)]
    lyr = layer("facilities", ogr.wkbPoint, fields)
    for f in data["facilities"]:
        write(lyr, {name: f[name] for name, _ in fields}, point(f["x"], f["y"]))

    fields = [("facility_id", ogr.OFTString), ("name", ogr.OFTString), ("category", ogr.OFTString),
              ("land_area", ogr.OFTReal), ("sports_area", ogr.OFTReal)]
    lyr = layer("facility_areas", ogr.wkbPolygon, fields)
    for a in data["facility_areas"]:
        write(lyr, dict(facility_id=a["facility_id"], name=a["name"], category=a["category"],
                        land_area=None, sports_area=a["sports_area"]), polygon(a["ring"]))

    fields = [("road_id", ogr.OFTString), ("name", ogr.OFTString), ("highway", ogr.OFTString),
              ("walkable", ogr.OFTInteger), ("oneway", ogr.OFTInteger)]
    lyr = layer("roads", ogr.wkbLineString, fields)
    for r in data["roads"]:
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in r["coords"]:
            line.AddPoint_2D(x, y)
        write(lyr, {name: r[name] for name, _ in fields}, line)

    fields = [("building_id", ogr.OFTString), ("community_id", ogr.OFTString), ("population", ogr.OFTInteger)]
    lyr = layer("population_points", ogr.wkbPoint, fields)
    for p in data["population_points"]:
        write(lyr, dict(building_id=p["building_id"], community_id=p["community"], population=p["population"]),
              point(p["x"], p["y"]))

    fields = [("community_id", ogr.OFTString), ("rule_id", ogr.OFTString),
              ("expected_status", ogr.OFTString), ("note", ogr.OFTString)]
    lyr = layer("expected_outcomes", ogr.wkbNone, fields)
    for row in data["expected_outcomes"]:
        write(lyr, row)
    ds.CommitTransaction()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)
    return {name: len(data[name]) for name in LAYERS}


# ------------------------------------------------------------------------------------------------
# The same facilities as a planner downloads them: an Amap export (GCJ-02) and a Baidu export (BD-09)

# Per category: the Amap type and type code, and the Baidu tag, that such a POI really carries. About half
# are generic (诊所, 乡镇以下级政府及事业单位, 生活服务场所, 物流速递): there the name decides.
POI_TYPES = {
    "service_station": ("政府机构及社会团体;政府机关;乡镇以下级政府及事业单位", "130106", "政府机构;行政单位"),
    "kindergarten": ("科教文化服务;学校;幼儿园", "141204", "教育培训;幼儿园"),
    "nursery": ("生活服务;生活服务场所;生活服务场所", "070000", "教育培训;亲子教育"),
    "elderly_station": ("生活服务;生活服务场所;生活服务场所", "070000", "生活服务;其他"),
    "elderly_daycare": ("生活服务;生活服务场所;生活服务场所", "070000", "政府机构;福利机构"),
    "health_station": ("医疗保健服务;诊所;诊所", "090300", "医疗;诊所"),
    "supermarket": ("购物服务;超级市场;超级市场", "060400", "购物;超市"),
    "convenience_store": ("购物服务;便民商店/便利店;便民商店/便利店", "060200", "购物;便利店"),
    "express_station": ("生活服务;物流速递;物流速递", "070500", "生活服务;物流公司"),
    "express_locker": ("生活服务;物流速递;物流速递", "070500", "生活服务;其他"),
    "barber": ("生活服务;美容美发店;美容美发店", "071100", "丽人;美发"),
    "laundry": ("生活服务;洗衣店;洗衣店", "071500", "生活服务;洗衣店"),
    "pharmacy": ("医疗保健服务;医药保健销售店;药房", "090601", "医疗;药店"),
    "repair": ("生活服务;维修站点;维修站点", "071200", "生活服务;维修点"),
    "housekeeping": ("生活服务;生活服务场所;生活服务场所", "070000", "生活服务;家政服务"),
    "restaurant": ("餐饮服务;中餐厅;中餐厅", "050100", "美食;中餐厅"),
    "public_toilet": ("公共设施;公共厕所;公共厕所", "200300", "生活服务;公共厕所"),
    "integrated_toilet": ("公共设施;公共厕所;公共厕所", "200300", "生活服务;公共厕所"),
    "garbage_station": ("公共设施;公共设施;公共设施", "200000", "生活服务;其他"),
    "garbage_point": ("公共设施;公共设施;公共设施", "200000", "生活服务;其他"),
    "activity_ground": ("体育休闲服务;运动场所;户外健身场所", "080108", "休闲娱乐;休闲广场"),
    "sports_court": ("体育休闲服务;运动场所;运动场所", "080100", "运动健身;体育场馆"),
    "park": ("风景名胜;公园广场;公园", "110101", "旅游景点;公园"),
    "pocket_park": ("风景名胜;公园广场;公园", "110101", "旅游景点;公园"),
    "property_office": ("生活服务;生活服务场所;生活服务场所", "070000", "生活服务;其他"),
    "bus_stop": ("交通设施服务;公交车站;公交车站相关", "150700", "交通设施;公交车站"),
    "metro_station": ("交通设施服务;地铁站;地铁站", "150500", "交通设施;地铁站"),
    "primary_school": ("科教文化服务;学校;小学", "141203", "教育培训;小学"),
    "middle_school": ("科教文化服务;学校;中学", "141202", "教育培训;中学"),
    "care_home": ("生活服务;生活服务场所;生活服务场所", "070000", "政府机构;福利机构"),
    "community_hospital": ("医疗保健服务;综合医院;综合医院", "090100", "医疗;综合医院"),
    "sports_hall": ("体育休闲服务;运动场所;综合体育馆", "080101", "运动健身;体育场馆"),
    "city_park": ("风景名胜;公园广场;公园", "110101", "旅游景点;公园"),
    "parking": ("交通设施服务;停车场;停车场相关", "150900", "交通设施;停车场"),
    "charging_station": ("汽车服务;充电站;充电站", "011100", "交通设施;充电站"),
    "market": ("购物服务;综合市场;综合市场", "060700", "购物;市场"),
    "green_space": ("风景名胜;公园广场;公园广场", "110100", "旅游景点;公园"),
    "unknown": ("医疗保健服务;动物医疗场所;宠物诊所", "090701", "生活服务;宠物服务"),
}
# Out-of-scope POIs every real export is full of (never a facility of the guide), per community.
POI_NOISE = (
    ("{name}小区", "商务住宅;住宅区;住宅小区", "120302", "房地产;住宅区"),
    ("瑞幸咖啡({short}店)", "餐饮服务;咖啡厅;咖啡厅", "050500", "美食;咖啡厅"),
    ("中国工商银行({short}支行)", "金融保险服务;银行;中国工商银行", "160105", "金融;银行"),
    ("如家酒店({short}店)", "住宿服务;宾馆酒店;经济型连锁酒店", "100105", "酒店;快捷酒店"),
    ("武汉{short}科技有限公司", "公司企业;公司;公司", "170200", "公司企业;公司"),
)
POI_EXPORTS = {"amap": "sample_district_amap.csv", "baidu": "sample_district_baidu.csv"}
LABELS = "sample_district_poi_labels.csv"


def _poi_name(record, community_names):
    """The name a map provider shows: a branch or number in brackets at the end, as real POIs have it."""
    name, code = record["name"], record["code"]
    short = community_names.get(record["community"], "").replace("社区", "")
    if code == "express_locker":
        return "丰巢智能柜({}{})".format(short, name.replace(short, "", 1).replace("智能快递箱", ""))
    if code == "convenience_store" and name[-1:] in "ABC":
        return "{}便利店({}店)".format(short, name[-1])
    if code == "garbage_point" and name[-1:].isdigit():
        return "{}垃圾分类投放点({}号)".format(short, name[-1])
    if code == "green_space":  # the name a provider shows for an open green space
        return name.replace("街头绿地", "公共绿地")
    if code == "bus_stop":
        number = name.split("公交站", 1)[1]
        return "{}{}(公交站)".format(short, "路口" if not number else number + "号路口")
    return name


def _lon_lat(transform, x, y):
    lon, lat, _z = transform.TransformPoint(x, y)
    return lon, lat


def build_poi_exports(data):
    """Rows of the Amap and Baidu exports and of the labels: every facility point and area (its centroid) with
    its provider type, plus the out-of-scope noise; coordinates in GCJ-02 / BD-09 from the true positions."""
    import importlib.util
    from osgeo import osr

    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        "china_coordinates", os.path.join(os.path.dirname(here), "core", "china_coordinates.py"))
    china = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(china)
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(EPSG)
    target.ImportFromEPSG(4326)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    names = {c["community_id"]: c["name"] for c in data["communities"]}
    generator = random.Random(SEED + 7)
    entries = []
    for record in data["facilities"]:
        entries.append((record["facility_id"], _poi_name(record, names), record["code"], record["x"], record["y"]))
    for area in data["facility_areas"]:
        xs, ys = zip(*area["ring"][:-1])
        entries.append((area["facility_id"], area["name"], area["code"], sum(xs) / len(xs), sum(ys) / len(ys)))
    for community in data["communities"]:
        cid = community["community_id"]
        x0, y0 = cell_origin(*CELLS[cid][0]) if cid != "C13" else (528160.0, 3384000.0)
        short = community["name"].replace("社区", "")
        for number, (pattern, amap_type, code, baidu_tag) in enumerate(POI_NOISE):
            entries.append(("N{}{}".format(cid[1:], number), pattern.format(name=short, short=short), None,
                            x0 + generator.uniform(40, 440), y0 + generator.uniform(40, 410),
                            (amap_type, code, baidu_tag)))
    amap, baidu, labels = [], [], []
    for number, entry in enumerate(entries):
        poi_id, name, code, x, y = entry[:5]
        amap_type, typecode, baidu_tag = entry[5] if len(entry) > 5 else POI_TYPES[code]
        lon, lat = _lon_lat(transform, x, y)
        gcj_lon, gcj_lat = china.wgs84_to_gcj02(lon, lat)
        bd_lon, bd_lat = china.gcj02_to_bd09(gcj_lon, gcj_lat)
        address = "武汉市洪山区{}".format(names.get(poi_id, "") or "珞喻路{}号".format(100 + number))
        amap.append(["B0FFK{:05d}".format(number), name, amap_type, typecode, address,
                     "{:.6f},{:.6f}".format(gcj_lon, gcj_lat), "湖北省", "武汉市", "洪山区"])
        baidu.append(["{:024x}".format(generator.getrandbits(96)), name, "{:.6f}".format(bd_lon),
                      "{:.6f}".format(bd_lat), baidu_tag, address, "湖北省", "武汉市", "洪山区"])
        labels.append([name, code if code in POI_TYPES and code != "unknown" else "", "{:.3f}".format(x),
                       "{:.3f}".format(y), "{:.8f}".format(lon), "{:.8f}".format(lat)])
    return amap, baidu, labels


def write_poi_exports(directory, data):
    import csv

    amap, baidu, labels = build_poi_exports(data)
    headers = {
        "amap": ["id", "name", "type", "typecode", "address", "location", "pname", "cityname", "adname"],
        "baidu": ["uid", "name", "lng", "lat", "tag", "address", "province", "city", "area"],
    }
    for key, rows in (("amap", amap), ("baidu", baidu)):
        with open(os.path.join(directory, POI_EXPORTS[key]), "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(headers[key])
            writer.writerows(rows)
    with open(os.path.join(directory, LABELS), "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["name", "category", "x_4547", "y_4547", "lon_wgs84", "lat_wgs84"])
        writer.writerows(labels)
    return len(amap)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(os.path.dirname(here), "sample_data", "sample_district.gpkg")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=default, help="GeoPackage to (re)write [%(default)s]")
    args = parser.parse_args(argv)
    data = build_all()
    counts = write_gpkg(args.output, data)
    print("Wrote {} (EPSG:{})".format(args.output, EPSG))
    pois = write_poi_exports(os.path.dirname(os.path.abspath(args.output)), data)
    print("Wrote {} and {} ({} POIs, GCJ-02 and BD-09), {}".format(POI_EXPORTS["amap"], POI_EXPORTS["baidu"], pois,
                                                                   LABELS))
    for name in LAYERS:
        print("  {:<18} {:>5} features".format(name, counts[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
