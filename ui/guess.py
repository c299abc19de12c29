"""Sensible defaults for the assessment dialog, guessed from the layers of a project — without QGIS.

The dialog glue (`ui.assess_dialog`) describes each loaded layer as a `LayerInfo` (name, geometry,
fields with their kinds) and asks `guess_parameters` for defaults:

    layers = [LayerInfo("id1", "小区", "polygon", (FieldInfo("人口", "number"), FieldInfo("类型", "text"))),
              LayerInfo("id2", "POI 设施", "point", (FieldInfo("类别", "text"),))]
    guess_parameters(layers)
    → {"COMMUNITIES": "id1", "POPULATION_FIELD": "人口", "TYPE_FIELD": "类型",
       "FACILITIES": "id2", "CATEGORY_FIELD": "类别"}

Layers are scored by their name (小区, 社区, 居委会, community…) and by the fields they hold; each layer
serves one role at most (the community layer is never also the facility-area layer). Fields are scored
by their names in Chinese and English; a field of the wrong kind is never proposed (a text column
called 人口 is no population field) and a field serves one parameter of its layer at most. Everything
guessed is only a default: the user changes it in the dialog.
"""

import re
from dataclasses import dataclass
from typing import Dict, Iterable, Optional, Sequence, Tuple

from ..core import output_fields as F

NUMBER, TEXT, OTHER = "number", "text", "other"
POINT, LINE, POLYGON, NO_GEOMETRY = "point", "line", "polygon", "none"


@dataclass(frozen=True)
class FieldInfo:
    name: str
    kind: str = TEXT  # NUMBER, TEXT or OTHER (dates, blobs, …)


@dataclass(frozen=True)
class LayerInfo:
    id: str
    name: str
    geometry: str  # POINT, LINE, POLYGON or NO_GEOMETRY
    fields: Tuple[FieldInfo, ...] = ()
    result: bool = False  # loaded by one of the plugin's runs (styles/loading.py marks them)

    def field_names(self):
        return [item.name for item in self.fields]


# -------------------------------------------------------------------------------------------- names

def normalise(name):
    """'Community ID' → 'community_id', '人口（人）' → '人口(人)': lower case, one separator, half-width."""
    text = re.sub(r"([a-z])([A-Z])", r"\1_\2", str(name or "").strip())  # communityId → community_Id
    text = "".join(chr(ord(char) - 0xFEE0) if 0xFF01 <= ord(char) <= 0xFF5E else char for char in text)
    text = text.replace("\u3000", " ").lower()
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def _is_ascii(text):
    return all(ord(char) < 128 for char in text)


def match_strength(name, token):
    """How well the normalised `name` matches `token`: 3 equal, 2 a whole part of it ('total_building_area'
    holds 'building_area'; '社区人口' holds '人口'), 0 not at all. ASCII tokens match whole words only, so
    'pop' does not match 'popular' and 'id' does not match 'width'."""
    token = normalise(token)
    if not token or not name:
        return 0
    if name == token:
        return 3
    if _is_ascii(token):
        return 2 if re.search(r"(^|_|[^a-z0-9])" + re.escape(token) + r"($|_|[^a-z0-9])", name) else 0
    return 2 if token in name else 0


def _best_match(name, tokens):
    return max((match_strength(name, token) for token in tokens), default=0)


def _mentions(name, tokens):
    """Substring test for layer names ('communities' mentions 'communit')."""
    return any(normalise(token) in name for token in tokens)


# -------------------------------------------------------------------------------------------- layers

@dataclass(frozen=True)
class LayerRole:
    """A layer parameter: which geometries fit, and the words in its name or fields that point to it."""
    parameter: str
    geometries: Tuple[str, ...]
    name_tokens: Tuple[str, ...]
    field_tokens: Tuple[str, ...] = ()
    avoid_tokens: Tuple[str, ...] = ()  # words in a layer name that point elsewhere
    avoid_fields: Tuple[str, ...] = ()  # fields that point elsewhere
    needs_evidence: bool = False  # optional input: only a layer whose name or fields say so
    preferred_geometry: Optional[str] = None


COMMUNITY_WORDS = ("小区", "社区", "居委会", "居住区", "住区", "居住社区", "街坊", "community", "communit",
                   "neighbourhood", "neighborhood", "residential_area", "estate", "xiaoqu", "shequ")
FACILITY_WORDS = ("设施", "配套", "poi", "兴趣点", "公共服务", "服务设施", "facilit", "amenit", "service_point",
                  "shops")
AREA_WORDS = ("设施用地", "用地", "公园", "绿地", "游园", "场地", "广场", "park", "green", "ground", "court",
              "facility_area", "areas", "landuse")
NETWORK_WORDS = ("道路", "路网", "步行网络", "街巷", "road", "street", "network", "path", "footway", "highway",
                 "osm_line")
ORIGIN_WORDS = ("住宅", "楼栋", "楼宇", "居民", "人口点", "人口", "residential_building", "building", "house",
                "population", "origin", "residents", "dwelling", "address")
LIFE_CIRCLE_WORDS = ("生活圈", "十五分钟", "15分钟", "life_circle", "lifecircle", "15min", "15_min",
                     "fifteen_minute")
# The verdicts an evaluation writes: a layer with one is an evaluated copy.
EVALUATED_FIELDS = tuple(field.name for field in F.VERDICT_STATUS_FIELDS) + (F.ITEM_STATUS.name_for("scale"),)
RESULT_WORDS = ("_rules", "规则", "not_counted", "unassigned", "service_area", "服务范围", "walking_route",
                "步行路线", "walking_origins", "standard_")
CATEGORY_FIELD_WORDS = ("category", F.CC_CATEGORY.name, "类别", "类型", "设施类型", "设施类别", "分类", "fclass", "amenity",
                        "type", "kind", "class", "leisure", "shop")
POPULATION_WORDS = ("population", "pop", "人口", "常住人口", "居住人口", "人数", "residents")

LAYER_ROLES = (
    LayerRole("COMMUNITIES", (POLYGON,), COMMUNITY_WORDS,
              field_tokens=("population", "人口", "households", "户数", "community_id", "社区名称", "小区名称",
                            "居委会", "community_type"),
              avoid_tokens=LIFE_CIRCLE_WORDS + ("设施", "facilit", "park", "公园", "绿地", "green", "building",
                                                "建筑", "楼栋", "boundary", "边界", "街道"),
              avoid_fields=(F.CC_CATEGORY.name, F.LIMIT_M.name, F.LC_STATUS.name)),
    LayerRole("FACILITIES", (POINT, POLYGON), FACILITY_WORDS, field_tokens=CATEGORY_FIELD_WORDS,
              avoid_tokens=ORIGIN_WORDS + AREA_WORDS, avoid_fields=POPULATION_WORDS + (
                  "households", "户数"), preferred_geometry=POINT),
    LayerRole("FACILITY_AREAS", (POLYGON,), AREA_WORDS, field_tokens=CATEGORY_FIELD_WORDS,
              avoid_tokens=COMMUNITY_WORDS + LIFE_CIRCLE_WORDS, avoid_fields=POPULATION_WORDS,
              needs_evidence=True),
    LayerRole("NETWORK", (LINE,), NETWORK_WORDS, field_tokens=("highway", "walkable", "oneway", "road_class",
                                                             "道路等级", "路名", "fclass"),
              avoid_tokens=("route", "路线", "river", "河", "boundary", "边界", "rail", "铁路", "contour")),
    LayerRole("ORIGINS", (POINT,), ORIGIN_WORDS, field_tokens=POPULATION_WORDS + ("households", "户数"),
              avoid_tokens=FACILITY_WORDS, avoid_fields=("category", "类别", "设施类型"), needs_evidence=True),
    LayerRole("LIFE_CIRCLES", (POLYGON,), LIFE_CIRCLE_WORDS, needs_evidence=True),
)
# Roles are filled in this order; a layer taken by one is not offered to the next.
ROLE_ORDER = ("COMMUNITIES", "LIFE_CIRCLES", "FACILITY_AREAS", "FACILITIES", "ORIGINS", "NETWORK")


# Fields only the plugin's outputs have: a layer holding one is a previous result, never an input (a second
# run must not take the first run's life circles for LIFE_CIRCLES or its communities for COMMUNITIES).
RESULT_FIELDS = tuple(field.name for field in (F.WORKING_CRS, F.COMMUNITY_ID, F.LC_STATUS, F.LC_SCORE, F.LIMIT_M,
                                                F.RULE_ID, F.SOURCE_FID, F.REASON_TEXT))


def is_previous_result(layer):
    """A layer that one of the plugin's runs wrote: marked when loaded, or holding an output-only field."""
    if layer.result:
        return True
    names = {normalise(name) for name in layer.field_names()}
    return any(field in names for field in RESULT_FIELDS)


def score_layer(layer, role):
    """How much `layer` looks like the input of `role`; None if its geometry does not fit at all or it is a
    previous result."""
    if layer.geometry not in role.geometries or is_previous_result(layer):
        return None
    name = normalise(layer.name)
    fields = [normalise(item) for item in layer.field_names()]
    score = 1.0  # the geometry fits
    evidence = False
    if _mentions(name, role.name_tokens):
        score += 10
        evidence = True
    field_hits = sum(1 for token in role.field_tokens if any(match_strength(f, token) for f in fields))
    if field_hits:
        score += min(field_hits, 4) * 2.5
        evidence = True
    if _mentions(name, role.avoid_tokens):
        score -= 8
    if any(_best_match(f, role.avoid_fields) for f in fields):
        score -= 4
    if _mentions(name, RESULT_WORDS):
        score -= 12  # an output of ours (rules table, service areas, routes) is not an input
    if any(f in EVALUATED_FIELDS or F.ACCESS_STATUS.code_in(f) for f in fields):
        score -= 3  # an evaluated copy: the original layer, if loaded, is the better input
    if role.preferred_geometry and layer.geometry == role.preferred_geometry:
        score += 1
    if role.needs_evidence and not evidence:
        return None
    return score


def rank_layers(layers, role):
    """[(score, layer)] of the layers that fit `role`, best first (ties keep the project's order)."""
    scored = [(score_layer(layer, role), position, layer) for position, layer in enumerate(layers)]
    scored = [(score, position, layer) for score, position, layer in scored if score is not None and score > 0]
    scored.sort(key=lambda entry: (-entry[0], entry[1]))
    return [(score, layer) for score, _position, layer in scored]


def guess_layers(layers, roles=LAYER_ROLES):
    """{layer parameter: LayerInfo}: the best layer for each role, each layer used once (roles filled in
    ROLE_ORDER, so the community layer is decided before the facility areas)."""
    by_parameter = {role.parameter: role for role in roles}
    chosen, taken = {}, set()
    for parameter in ROLE_ORDER:
        role = by_parameter.get(parameter)
        if role is None:
            continue
        for _score, layer in rank_layers(layers, role):
            if layer.id not in taken:
                chosen[parameter] = layer
                taken.add(layer.id)
                break
    return chosen


# -------------------------------------------------------------------------------------------- fields

@dataclass(frozen=True)
class FieldRole:
    """A field parameter: the layer parameter it belongs to, the kinds it accepts and the names it goes by
    (strongest first: a name earlier in `tokens` wins over a later one)."""
    parameter: str
    layer: str
    kinds: Tuple[str, ...]
    tokens: Tuple[str, ...]
    exclude: Tuple[str, ...] = ()  # a field whose name holds one of these is never this parameter
    prefer_kind: Optional[str] = None


NOT_A_COUNT = ("密度", "density", "比例", "比率", "ratio", "rate", "率", "pct", "percent", "share", "占比", "per_",
               "增长", "growth", "status", "score", "dist", F.ROUTE_WALK_MIN.name, "_m2")
FIELD_ROLES = (
    # communities
    FieldRole("COMMUNITY_ID_FIELD", "COMMUNITIES", (TEXT, NUMBER),
              ("community_id", "社区编号", "社区编码", "小区编号", "社区代码", "居委会编码", "community_code", "cid",
               "code", "编号", "编码", "代码", "id"), exclude=("fid", "objectid", "osm_id", "parent", "上级")),
    FieldRole("COMMUNITY_NAME_FIELD", "COMMUNITIES", (TEXT,),
              ("community_name", "社区名称", "小区名称", "居委会名称", "社区名", "小区名", "name", "名称", "名字", "cname",
               "name_zh", "title"), exclude=("_en", "pinyin", "拼音", "street", "街道", "district", "区县")),
    FieldRole("POPULATION_FIELD", "COMMUNITIES", (NUMBER,),
              ("population", "常住人口", "居住人口", "户籍人口", "人口数", "人口", "总人口", "人数", "pop", "residents",
               "inhabitants"), exclude=NOT_A_COUNT + ("household", "户数", "住户")),
    FieldRole("HOUSEHOLDS_FIELD", "COMMUNITIES", (NUMBER,),
              ("households", "household", "户数", "总户数", "住户数", "住户", "hh", "dwellings", "套数"),
              exclude=NOT_A_COUNT + ("人口", "人数", "population")),
    FieldRole("TYPE_FIELD", "COMMUNITIES", (TEXT,),
              ("community_type", "社区类型", "小区类型", "新旧", "新建既有", "建设类型", "类型", "type", "category",
               "类别", "kind"), exclude=("geom", "building_type", "建筑类型", "用地类型")),
    FieldRole("TOTAL_BUILDING_AREA_FIELD", "COMMUNITIES", (NUMBER,),
              ("total_building_area", "总建筑面积", "物业总建筑面积", "建筑面积", "building_area", "total_floor_area",
               "floor_area", "gfa"), exclude=NOT_A_COUNT + ("物业用房", "office", "用地", "land")),
    FieldRole("PARKING_SPACES_FIELD", "COMMUNITIES", (NUMBER,),
              ("parking_spaces", "停车位数", "停车位", "机动车停车位", "车位数", "车位", "parking"),
              exclude=NOT_A_COUNT + ("accessible", "无障碍", "charg", "充电", "bicycle", "bike", "自行车", "非机动车",
                                     "management", "管理")),
    FieldRole("CHARGING_SPACES_FIELD", "COMMUNITIES", (NUMBER,),
              ("charging_spaces", "充电车位", "充电停车位", "充电桩车位", "充电桩", "chargers", "charging"),
              exclude=NOT_A_COUNT + ("ebike", "电动自行车", "非机动车")),
    FieldRole("ACCESSIBLE_PARKING_FIELD", "COMMUNITIES", (NUMBER,),
              ("accessible_parking_spaces", "accessible_parking", "无障碍车位", "无障碍停车位", "accessible_spaces"),
              exclude=NOT_A_COUNT),
    FieldRole("DAILY_DELIVERIES_FIELD", "COMMUNITIES", (NUMBER,),
              ("daily_deliveries", "日均投递量", "日均快递量", "快递日均量", "投递量", "快递量", "deliveries",
               "parcels"), exclude=NOT_A_COUNT),
    # facilities
    FieldRole("CATEGORY_FIELD", "FACILITIES", (TEXT,),
              ("category", F.CC_CATEGORY.name, "设施类型", "设施类别", "设施分类", "类别", "分类", "类型", "fclass", "amenity",
               "type", "kind", "class", "大类", "小类", "poi_type"),
              exclude=(F.CC_CATEGORY_NAME.name, F.CC_ITEM.name, "_name", "名称")),
    FieldRole("BUILDING_AREA_FIELD", "FACILITIES", (NUMBER,),
              ("building_area", "建筑面积", "floor_area", "gfa", "面积_建筑"), exclude=NOT_A_COUNT + ("用地", "land")),
    FieldRole("LAND_AREA_FIELD", "FACILITIES", (NUMBER,),
              ("land_area", "用地面积", "占地面积", "site_area", "plot_area", "用地"), exclude=NOT_A_COUNT),
    FieldRole("USABLE_AREA_FIELD", "FACILITIES", (NUMBER,),
              ("usable_area", "使用面积", "套内面积", "net_area", "usable"), exclude=NOT_A_COUNT),
    FieldRole("CLASSES_FIELD", "FACILITIES", (NUMBER,),
              ("classes", "班数", "班级数", "班级", "num_classes", "class_count"), exclude=NOT_A_COUNT),
    FieldRole("LOCKER_CELLS_FIELD", "FACILITIES", (NUMBER,),
              ("locker_cells", "格口数", "格口", "cells", "compartments"), exclude=NOT_A_COUNT),
    FieldRole("SPORTS_AREA_FIELD", "FACILITIES", (NUMBER,),
              ("sports_area", "体育场地面积", "运动场地面积", "体育面积", "运动面积", "sport_area"),
              exclude=NOT_A_COUNT + ("share",)),
    # facility areas
    FieldRole("AREA_CATEGORY_FIELD", "FACILITY_AREAS", (TEXT,),
              ("category", F.CC_CATEGORY.name, "设施类型", "设施类别", "用地类型", "类别", "分类", "类型", "fclass", "leisure",
               "landuse", "type", "kind", "class"),
              exclude=(F.CC_CATEGORY_NAME.name, F.CC_ITEM.name, "_name", "名称")),
    # network
    FieldRole("WALKABLE_FIELD", "NETWORK", (NUMBER, TEXT),
              ("walkable", "可步行", "步行", "foot", "pedestrian", "walk"), exclude=("speed", "速度", "time", "时间")),
    FieldRole("SPEED_FIELD", "NETWORK", (NUMBER,),
              ("walking_speed", "walk_speed", "步行速度", "speed_m_min", "foot_speed"), exclude=("max", "car")),
    # residents
    FieldRole("ORIGIN_POPULATION_FIELD", "ORIGINS", (NUMBER,),
              ("population", "居住人口", "人口数", "人口", "人数", "pop", "residents", "inhabitants"),
              exclude=NOT_A_COUNT + ("household", "户数", "住户")),
    # life circles
    FieldRole("LIFE_CIRCLE_NAME_FIELD", "LIFE_CIRCLES", (TEXT,),
              ("life_circle_name", "生活圈名称", "name", "名称", "名字", "title"), exclude=("_en", "pinyin")),
    FieldRole("LIFE_CIRCLE_POPULATION_FIELD", "LIFE_CIRCLES", (NUMBER,),
              ("population", "常住人口", "人口", "人数", "pop"), exclude=NOT_A_COUNT + ("household", "户数")),
)


def score_field(field_info, role):
    """How well one field fits a field parameter; None if its kind or name rules it out."""
    if field_info.kind not in role.kinds:
        return None
    name = normalise(field_info.name)
    if any(normalise(word) in name for word in role.exclude):
        return None
    best = None
    count = len(role.tokens)
    for position, token in enumerate(role.tokens):
        strength = match_strength(name, token)
        if strength:
            # equal beats contained; an earlier (more specific) name beats a later one
            score = strength * 100 + (count - position) * 2 - min(len(name), 40) * 0.1
            best = score if best is None else max(best, score)
    if best is not None and role.prefer_kind and field_info.kind == role.prefer_kind:
        best += 1
    return best


def guess_fields(layer, roles):
    """{field parameter: field name} for one layer: each field used once, the best-scoring pairs first."""
    candidates = []
    for order, role in enumerate(roles):
        for position, field_info in enumerate(layer.fields):
            score = score_field(field_info, role)
            if score is not None:
                candidates.append((-score, order, position, role.parameter, field_info.name))
    candidates.sort()
    chosen, used = {}, set()
    for _score, _order, _position, parameter, name in candidates:
        if parameter not in chosen and name not in used:
            chosen[parameter] = name
            used.add(name)
    return chosen


def guess_parameters(layers: Sequence[LayerInfo], parameters: Optional[Iterable[str]] = None) -> Dict[str, str]:
    """Defaults for the assessment: {parameter name: layer id or field name}.

    `parameters`, when given, limits the answer to the parameters an algorithm has (evaluate_facilities
    has no NETWORK); a layer role the algorithm lacks is not filled, so its layer stays free for others.
    """
    wanted = set(parameters) if parameters is not None else None
    roles = [role for role in LAYER_ROLES if wanted is None or role.parameter in wanted]
    usable = [layer for layer in layers if layer.geometry in (POINT, LINE, POLYGON)]
    chosen = guess_layers(usable, roles)
    result = {parameter: layer.id for parameter, layer in chosen.items()}
    for parameter, layer in chosen.items():
        field_roles = [role for role in FIELD_ROLES if role.layer == parameter
                       and (wanted is None or role.parameter in wanted)]
        result.update(guess_fields(layer, field_roles))
    return result


def field_for(layer, parameter):
    """The field of `layer` that looks like `parameter` (e.g. 'COMMUNITY_ID_FIELD'), or None: the same
    rules as the dialog, for one layer (the scorecard finds a result layer's id and name this way)."""
    roles = [role for role in FIELD_ROLES if role.parameter == parameter]
    return guess_fields(layer, roles).get(parameter)


__all__ = ["FieldInfo", "LayerInfo", "LayerRole", "FieldRole", "LAYER_ROLES", "FIELD_ROLES", "normalise",
           "match_strength", "is_previous_result", "score_layer", "rank_layers", "guess_layers", "score_field", "guess_fields",
           "guess_parameters", "field_for", "NUMBER", "TEXT", "OTHER", "POINT", "LINE",
           "POLYGON", "NO_GEOMETRY"]
