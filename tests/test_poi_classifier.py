"""Real POIs into the guide's categories: the sources' vocabularies (YAML) and the order of precedence."""

import textwrap

import pytest

from complete_community.core.categories import CategoryMatcher
from complete_community.core.values import is_missing
from complete_community.core.poi_classifier import (MATCH_ALIAS, MATCH_MAPPING_TABLE, MATCH_NAME, MATCH_TYPE,
                                                   MATCH_TYPECODE, REASON_GENERIC_TYPE, REASON_NO_TYPE,
                                                   REASON_OUT_OF_SCOPE_NAME, REASON_OUT_OF_SCOPE_TYPE,
                                                   REASON_UNKNOWN_TYPE, PoiClassifier)
from complete_community.standards import StandardError, load_standard
from complete_community.standards.vocabulary import SOURCES_DIRECTORY, load_vocabularies


@pytest.fixture(scope="module")
def standard():
    return load_standard()


@pytest.fixture(scope="module")
def vocabularies(standard):
    return load_vocabularies(standard)


def classifier(standard, vocabularies, source, mapping=None):
    return PoiClassifier(standard, vocabularies, source, mapping)


def test_every_source_is_loaded_with_its_coordinate_system(vocabularies):
    assert list(vocabularies.sources) == ["amap", "baidu", "tencent", "osm"]
    assert {key: source.coordinates for key, source in vocabularies.sources.items()} == {
        "amap": "gcj02", "baidu": "bd09", "tencent": "gcj02", "osm": "wgs84"}
    assert vocabularies.names.suffixes and vocabularies.names.brands


@pytest.mark.parametrize("source, name, type_text, code, expected, match", [
    # Amap: the code decides, then the most specific level
    ("amap", "光谷实验幼儿园", "科教文化服务;学校;幼儿园", "141204", "kindergarten", MATCH_TYPECODE),
    ("amap", "翠竹小学", "科教文化服务;学校;小学", "", "primary_school", MATCH_TYPE),
    ("amap", "中百仓储(翠竹店)", "购物服务;超级市场;超级市场", "060400", "supermarket", MATCH_TYPECODE),
    ("amap", "美宜佳(翠竹苑店)", "购物服务;便民商店/便利店;便民商店/便利店", "060200", "convenience_store", MATCH_TYPECODE),
    ("amap", "某便利店", "", "060201", "convenience_store", MATCH_TYPECODE),  # a sub-code falls back to its class
    ("amap", "武昌公厕", "公共设施;公共厕所;公共厕所", "200300", "public_toilet", MATCH_TYPECODE),
    ("amap", "翠竹苑停车场", "交通设施服务;停车场;停车场相关", "", "parking", MATCH_TYPE),
    ("amap", "国家电网充电站", "汽车服务;充电站;充电站", "011100", "charging_station", MATCH_TYPECODE),
    # generic types: the name decides
    ("amap", "翠竹社区卫生服务站", "医疗保健服务;诊所;诊所", "090300", "health_station", MATCH_NAME),
    ("amap", "白沙洲街卫生院", "医疗保健服务;综合医院;卫生院", "090102", "community_hospital", MATCH_NAME),
    ("amap", "翠竹社区党群服务中心", "政府机构及社会团体;政府机关;乡镇以下级政府及事业单位", "130106",
     "service_station", MATCH_NAME),
    ("amap", "小太阳托育中心", "生活服务;生活服务场所;生活服务场所", "070000", "nursery", MATCH_NAME),
    ("amap", "翠竹社区养老服务站", "生活服务;生活服务场所;生活服务场所", "", "elderly_station", MATCH_NAME),
    ("amap", "菜鸟驿站(翠竹苑5栋店)", "生活服务;物流速递;物流速递", "070500", "express_station", MATCH_NAME),
    ("amap", "顺丰速运(翠竹营业点)", "生活服务;物流速递;物流速递", "070500", "express_station", MATCH_TYPE),
    ("amap", "东湖公园", "风景名胜;公园广场;公园", "110101", "city_park", MATCH_NAME),
    ("amap", "东湖绿道", "风景名胜;公园广场;公园", "110101", "city_park", MATCH_TYPE),
    ("amap", "翠竹口袋公园", "风景名胜;公园广场;公园", "110101", "pocket_park", MATCH_NAME),
    # Baidu: two levels, no codes
    ("baidu", "翠竹幼儿园", "教育培训;幼儿园", "", "kindergarten", MATCH_TYPE),
    ("baidu", "翠竹社区居委会", "政府机构;居民委员会", "", "service_station", MATCH_TYPE),
    ("baidu", "翠竹社区卫生服务中心", "医疗;诊所", "", "health_station", MATCH_NAME),
    ("baidu", "老百姓大药房(翠竹店)", "医疗;药店", "", "pharmacy", MATCH_TYPE),
    ("baidu", "丰巢快递柜", "生活服务;其他", "", "express_locker", MATCH_NAME),
    # Tencent: levels separated by ':'
    ("tencent", "翠竹农贸市场", "购物:农贸市场", "", "market", MATCH_TYPE),
    ("tencent", "翠竹路口", "基础设施:交通设施:公交车站", "", "bus_stop", MATCH_TYPE),
    # a generic table: the standard's own labels, exactly
    ("generic", "", "社区卫生服务站", "", "health_station", MATCH_ALIAS),
    ("generic", "", "托育中心", "", "nursery", MATCH_ALIAS),
])
def test_classification(standard, vocabularies, source, name, type_text, code, expected, match):
    result = classifier(standard, vocabularies, source).classify(name, type_text, code)
    assert result.categories == (expected,), result
    assert result.match == match, result


def test_suffixes_read_from_the_end_with_the_branch_removed(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    assert amap.classify("幼儿园路便利店").categories == ("convenience_store",)
    assert amap.classify("丰巢智能柜").categories == ("express_locker",)
    assert amap.classify("中百仓储(翠竹店)").categories == ("supermarket",)          # a brand, branch removed
    assert amap.classify("中百仓储（翠竹店）").categories == ("supermarket",)        # full-width brackets
    assert amap.classify("翠竹苑宠物医院").reason == REASON_OUT_OF_SCOPE_NAME       # the longest suffix wins
    assert amap.classify("武汉市第一医院").categories == ("community_hospital",)
    assert amap.classify("便利店(幼儿园店)").categories == ("convenience_store",)    # a branch adds nothing


def test_a_poi_with_several_functions_gets_every_category(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    result = amap.classify("翠竹社区综合服务站(老年服务站)", "政府机构及社会团体;政府机关;乡镇以下级政府及事业单位")
    assert result.categories == ("service_station", "elderly_station")
    assert result.category_text == "service_station;elderly_station"
    assert amap.classify("星光幼儿园(托育中心)", "科教文化服务;学校;幼儿园", "141204").categories == (
        "kindergarten", "nursery")
    both = amap.classify("翠竹便民店", "餐饮服务;快餐厅;快餐厅|购物服务;便民商店/便利店;便民商店/便利店",
                         "050300|060200")
    assert both.categories == ("restaurant", "convenience_store")
    assert amap.classify("翠竹九年一贯制学校").categories == ("primary_school", "middle_school")


def test_the_name_refines_a_type_within_the_same_item(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    result = amap.classify("幸福里箱体式公厕", "公共设施;公共厕所;公共厕所", "200300")
    assert (result.categories, result.match) == (("integrated_toilet",), MATCH_TYPECODE)
    # a name of another item does not override the type
    assert amap.classify("幼儿园路便利店", "科教文化服务;学校;幼儿园").categories == ("kindergarten",)


def test_precedence_order(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    # type code beats the type text
    assert amap.classify("X", "科教文化服务;学校;小学", "141204").categories == ("kindergarten",)
    # the most specific level beats the name
    assert amap.classify("幼儿园路便利店", "科教文化服务;学校;幼儿园").categories == ("kindergarten",)
    # the name beats the broader levels
    result = amap.classify("翠竹社区卫生服务站", "医疗保健服务;某个新中类;某个新小类")
    assert (result.categories, result.match) == (("health_station",), MATCH_NAME)
    # a broader level decides when nothing narrower does
    result = amap.classify("湘菜馆子", "餐饮服务;某个新中类;某个新小类")
    assert (result.categories, result.match) == (("restaurant",), MATCH_TYPE)
    # the user's table beats everything
    mapped = classifier(standard, vocabularies, "amap", {"乡镇以下级政府及事业单位": "property_office"})
    result = mapped.classify("翠竹社区党群服务中心", "政府机构及社会团体;政府机关;乡镇以下级政府及事业单位", "130106")
    assert (result.categories, result.match) == (("property_office",), MATCH_MAPPING_TABLE)
    several = classifier(standard, vocabularies, "amap", {"党群服务中心": "service_station;elderly_station"})
    assert several.classify("翠竹党群服务中心", "党群服务中心").categories == ("service_station", "elderly_station")


def test_out_of_scope_is_never_counted(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    for name, type_text, code in [("星巴克(光谷店)", "餐饮服务;咖啡厅;咖啡厅", "050500"),
                                  ("翠竹公馆", "商务住宅;住宅区;住宅小区", "120302"),
                                  ("幼儿园旁咖啡馆", "餐饮服务;咖啡厅;咖啡厅", ""),
                                  ("华中科技大学", "科教文化服务;学校;高等院校", "141201"),
                                  ("如家(翠竹店)", "住宿服务;宾馆酒店;经济型连锁酒店", "")]:
        result = amap.classify(name, type_text, code)
        assert not result.counted and result.reason == REASON_OUT_OF_SCOPE_TYPE, (name, result)
    result = amap.classify("张氏口腔诊所", "医疗保健服务;诊所;诊所", "090300")
    assert not result.counted and result.reason == REASON_OUT_OF_SCOPE_NAME
    # a residential compound's type lets the name decide (its property office is typed so too)
    assert amap.classify("翠竹苑", "商务住宅;住宅区;住宅小区", "120302").reason == REASON_OUT_OF_SCOPE_NAME
    assert amap.classify("翠竹苑物业管理处", "商务住宅;住宅区;住宅小区", "120302").categories == ("property_office",)
    # a name ending with a kind the guide does not count wins over a decisive type
    assert amap.classify("光谷高级中学", "科教文化服务;学校;中学", "141202").reason == REASON_OUT_OF_SCOPE_NAME
    # a sub-code's middle class does not override a more specific type text
    assert amap.classify("光谷停车场(出入口)", "交通设施服务;停车场;停车场出入口", "150907").reason == \
        REASON_OUT_OF_SCOPE_TYPE


def test_unmatched_reasons(standard, vocabularies):
    amap = classifier(standard, vocabularies, "amap")
    assert amap.classify("某某花店", "生活服务;生活服务场所;生活服务场所").reason == REASON_GENERIC_TYPE
    assert amap.classify("某某", "新大类;新中类;新小类").reason == REASON_UNKNOWN_TYPE
    assert amap.classify("某某", None, None).reason == REASON_NO_TYPE


class _Null:
    """Behaves like QGIS's NULL (a null QVariant): str() says 'NULL'."""

    def isNull(self):
        return True

    def __str__(self):
        return "NULL"


def test_null_is_a_missing_value_not_the_label_null(standard, vocabularies):
    assert is_missing(_Null()) and is_missing(None) and is_missing("  ") and not is_missing("NULL路便利店")
    amap = classifier(standard, vocabularies, "amap")
    assert amap.classify(_Null(), _Null(), _Null()).reason == REASON_NO_TYPE
    matcher = CategoryMatcher(standard)
    assert matcher.classify(_Null()) is None
    assert matcher.empty == 1 and not matcher.unknown


@pytest.mark.parametrize("tags, expected", [
    ({"amenity": "kindergarten"}, ("kindergarten",)),
    ({"shop": "convenience"}, ("convenience_store",)),
    ({"highway": "bus_stop"}, ("bus_stop",)),
    ({"other_tags": '"healthcare"=>"centre","name:en"=>"Health centre"'}, ("health_station",)),
    ({"amenity": "parking"}, ("parking",)),
])
def test_osm_tags(standard, vocabularies, tags, expected):
    assert classifier(standard, vocabularies, "osm").classify("", None, None, tags).categories == expected


def test_osm_generic_and_out_of_scope_tags(standard, vocabularies):
    osm = classifier(standard, vocabularies, "osm")
    assert osm.classify("翠竹养老院", None, None, {"amenity": "social_facility"}).categories == ("care_home",)
    assert osm.classify("Costa", None, None, {"amenity": "cafe"}).reason == REASON_OUT_OF_SCOPE_TYPE


def test_every_guide_category_has_a_name_keyword(standard, vocabularies):
    named = {code for decision in vocabularies.names.suffixes.values() for code in decision.categories}
    assert {category.code for category in standard.categories} - named == set()


# Labels of the catalogue that are no name ending: 驿站 alone is also a 爱心驿站 for outdoor workers, 丰巢 a brand
# (recognised at the start of a name), 九年一贯制学校 is a primary and a middle school.
NOT_NAME_ENDINGS = {"驿站", "丰巢", "九年一贯制学校"}


def test_every_chinese_label_of_the_catalogue_is_a_name_ending(standard, vocabularies):
    import re
    amap = classifier(standard, vocabularies, "amap")
    wrong = []
    for category in standard.categories:
        for label in (category.name.zh,) + category.aliases:
            if re.search(r"[\u4e00-\u9fff]", label) and label not in NOT_NAME_ENDINGS:
                result = amap.classify("幸福里" + label)
                if result.categories != (category.code,):
                    wrong.append((label, category.code, result.categories))
    assert not wrong


def _copy_sources(tmp_path):
    import shutil
    target = tmp_path / "sources"
    shutil.copytree(SOURCES_DIRECTORY, target)
    return target


def test_vocabulary_errors_are_located(standard, tmp_path):
    directory = _copy_sources(tmp_path)
    (directory / "amap.yaml").write_text(textwrap.dedent("""\
        schema_version: 1
        id: amap
        name: {zh: 高德地图, en: Amap}
        coordinates: gcj03
        detect: [[location, type]]
        fields: {name: [name], typ: [type]}
        types:
          幼儿园: kindergarden
          便利店: [convenience_store, 42]
          超市: supermarket
          超 市: supermarket
        """), encoding="utf-8")
    with pytest.raises(StandardError) as raised:
        load_vocabularies(standard, str(directory))
    text = str(raised.value)
    assert "amap.yaml:4: coordinates" in text
    assert "amap.yaml:6: fields.typ: unknown key" in text
    assert "amap.yaml:8: types.幼儿园: unknown category code 'kindergarden'" in text
    assert "amap.yaml:9: types.便利店" in text
    assert "amap.yaml:11: types.超 市: written twice" in text
