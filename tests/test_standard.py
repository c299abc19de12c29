"""The built-in standards carry every requirement of the guide, and local standards extend them."""

import os

import pytest
import yaml

from complete_community.standards import (DEFAULT_STANDARD_ID, StandardError, builtin_standards, load_standard)

TESTDATA = os.path.join(os.path.dirname(__file__), "testdata")

with open(os.path.join(TESTDATA, "guide_requirements.yaml"), encoding="utf-8") as _stream:
    GUIDE_REQUIREMENTS = yaml.safe_load(_stream)
with open(os.path.join(TESTDATA, "guide_text.txt"), encoding="utf-8") as _stream:
    GUIDE_TEXT = "".join(_stream.read().split())

# The stable public codes promised by the foundation issue.
ITEM_CODES = [
    "community_service_station", "kindergarten", "nursery", "elderly_service_station", "health_service_station",
    "supermarket", "express_delivery", "convenience_outlets", "utilities", "parking_charging", "walking_system",
    "barrier_free", "sanitation", "activity_ground", "public_green", "property_service", "property_platform",
    "management_mechanism", "comprehensive_management", "community_culture", "scale", "life_circle",
]
CATEGORY_CODES = [
    "service_station", "kindergarten", "nursery", "elderly_station", "elderly_daycare", "health_station",
    "supermarket", "convenience_store", "express_station", "express_locker", "barber", "laundry", "pharmacy",
    "repair", "housekeeping", "restaurant", "public_toilet", "garbage_station", "garbage_point", "activity_ground",
    "sports_court", "park", "pocket_park", "property_office", "bus_stop", "primary_school", "middle_school",
    "care_home", "community_hospital", "sports_hall",
]


@pytest.fixture(scope="module")
def national():
    return load_standard()


def test_default_is_the_national_guide(national):
    assert national.id == DEFAULT_STANDARD_ID
    assert builtin_standards()[0] == DEFAULT_STANDARD_ID
    assert "xiamen_complete_community" in builtin_standards()
    assert "住房和城乡建设部" in national.source.zh
    # 2.2: 300–500 m in 5–10 minutes → 500 m per 10 minutes.
    assert national.walking_speed_m_per_min == 50


def test_item_codes_and_table_numbers(national):
    assert sorted(item.code for item in national.items) == sorted(ITEM_CODES)
    numbered = {item.number: item.code for item in national.items if item.number is not None}
    assert sorted(numbered) == list(range(1, 21))  # the 20 rows of 完整居住社区建设标准（试行）
    for item in national.items:
        if item.number is not None:
            assert item.clause == "2.3 表 第{}项".format(item.number)
        assert national.rules_for_item(item.code), "item {} has no rule".format(item.code)
        assert item.requirement.zh and item.requirement.en
    assert national.item("life_circle").scope == "life_circle"
    assert {rule.item for rule in national.rules_in_scope("life_circle")} == {"life_circle"}


def test_category_codes(national):
    codes = {category.code for category in national.categories}
    assert set(CATEGORY_CODES) <= codes
    for category in national.categories:
        assert category.name.zh in category.aliases, category.code
        assert category.osm_tags, category.code


def test_every_rule_is_described_and_every_case_exists(national):
    """Adding a rule to the YAML means adding its numbers to guide_requirements.yaml, and vice versa."""
    assert sorted(GUIDE_REQUIREMENTS) == sorted(rule.id for rule in national.rules)
    for rule in national.rules:
        assert rule.name.zh and rule.name.en, rule.id
        assert rule.clause, rule.id


def _threshold(threshold):
    if threshold is None:
        return None
    if threshold.is_proportional:
        expected = {"ratio": threshold.ratio, "of": threshold.of}
        if threshold.at_least is not None:
            expected["at_least"] = threshold.at_least
        return expected
    return threshold.value


def _in_guide(words):
    """The guide's words, as written (spaces between numbers and Chinese ignored)."""
    return "".join(words.split()) in GUIDE_TEXT


def _check_rule(rule, expected, inherited_level=None):
    for key, value in expected.items():
        if key == "options":
            options = {option.id.rsplit(".", 1)[1]: option for option in rule.options}
            assert sorted(options) == sorted(value)
            for option_id, option_expected in value.items():
                _check_rule(options[option_id], option_expected)
        elif key in ("min", "max"):
            assert _threshold(getattr(rule, key)) == value, (rule.id, key)
        elif key == "guide_range":
            assert rule.guide_range == tuple(float(v) for v in value), rule.id
        elif key == "clause":
            assert value in rule.clause, (rule.id, rule.clause)
        elif key == "categories":
            assert list(rule.measure.categories) == value, rule.id
        elif key == "attributes":
            assert list(rule.measure.attributes) == value, rule.id
        elif key == "when":
            assert rule.when.attribute == value and rule.when.equals is True
        elif key == "when_if_missing":
            assert rule.when.if_missing == value, rule.id
        elif key == "each_of":
            assert [list(kind) for kind in rule.measure.each_of] == value, rule.id
        elif key == "note":
            assert value in rule.note.zh, rule.id
        elif key == "words":
            assert _in_guide(value), (rule.id, value)
        elif key == "where":
            bands = {band.attribute: [band.min, band.max] for band in rule.measure.where}
            assert bands == value, rule.id
        else:
            assert getattr(rule, key) == value, (rule.id, key)


@pytest.mark.parametrize("rule_id", sorted(GUIDE_REQUIREMENTS))
def test_guide_numbers(national, rule_id):
    _check_rule(national.rule(rule_id), GUIDE_REQUIREMENTS[rule_id])


def test_proportional_thresholds_resolve_per_community(national):
    office = national.rule("property_service.office_area").min
    assert office.resolve({"total_building_area": 30000}) == 60  # 2‰ of 30 000 m²
    assert office.resolve({"total_building_area": 10000}) == 50  # floor of 50 m²
    assert office.resolve({"total_building_area": None}) is None
    accessible = national.rule("parking_charging.accessible_spaces").min
    assert accessible.resolve({"parking_spaces": 100}) == 1
    assert accessible.resolve({"parking_spaces": 1000}) == 5


def test_applicability_by_community_type(national):
    station = national.rule("express_delivery.station")
    assert station.applies("new") is True
    assert station.applies("existing") is False
    assert station.applies(None) is None
    assert national.rule("kindergarten.building_area").applies(None) is True


def test_xiamen_extends_the_national_guide_without_counting_a_national_rule_twice(national):
    """4.1 is a case study: its overlay adds Xiamen's own indicators and repeats no national rule."""
    xiamen = load_standard("xiamen_complete_community")
    national_ids = {rule.id for rule in national.rules}
    assert national_ids <= {rule.id for rule in xiamen.rules}
    assert {"xiamen_six_haves", "xiamen_five_standards", "xiamen_three_completions"} <= {
        item.code for item in xiamen.items}
    # 一个综合服务站、一个幼儿园、一套便捷的慢行系统、一公约 are national rules; no Xiamen rule measures them again.
    national_measures = {(rule.measure.kind, rule.measure.categories, rule.measure.attributes)
                         for rule in national.rules if rule.measure is not None and rule.level == "required"}
    xiamen_only = [rule for rule in xiamen.rules if rule.id not in national_ids]
    for rule in xiamen_only:
        assert rule.measure is None or (rule.measure.kind, rule.measure.categories, rule.measure.attributes) not in \
            national_measures or rule.level != "required", rule.id
    for gone in ("xiamen_six_haves.bus_stop", "xiamen_six_haves.service_station", "xiamen_six_haves.kindergarten",
                 "xiamen_one_convention.convention", "xiamen_six_haves.public_toilet", "xiamen_six_haves.slow_traffic"):
        assert gone not in {rule.id for rule in xiamen.rules}
    # The national walk to a bus stop (3.3-11, 10 minutes) is untouched; "尽量在居民步行区500米范围内" is advice.
    assert xiamen.rule("walking_system.bus_stop") == national.rule("walking_system.bus_stop")
    bus_stop = xiamen.rule("xiamen_six_haves.bus_stop_500m")
    assert (bus_stop.level, bus_stop.unit, bus_stop.max.value) == ("recommended", "m", 500)
    # The notes column (备注: 配备消防设施、分类垃圾桶、公共厕所等) decides nothing.
    for rule in xiamen_only:
        if "fire_facilities" in (rule.measure.attributes if rule.measure else ()):
            assert rule.level != "required", rule.id
    # 家园服务中心 (a street-level platform) and 关爱中心 (a care centre) are not service stations.
    aliases = xiamen.category("service_station").aliases
    assert not {"家园服务中心", "关爱中心", "社区关爱中心"} & set(aliases) and "社区综合服务站" in aliases
    assert xiamen.files[0].endswith("complete_community_2021.yaml")
    assert xiamen.files[1].endswith("xiamen_complete_community.yaml")
    assert xiamen.content_hash != national.content_hash and xiamen.version


def test_walking_required_overlay_makes_the_seven_walking_rules_binding(national):
    """2.2 "以居民步行 5—10 分钟到达幼儿园、老年服务站等社区基本公共服务设施为原则" is a principle
    (recommended) in the national standard; the shipped overlay makes those walks required."""
    walking = load_standard("walking_required")
    seven = [rule.id for rule in national.rules if rule.id.endswith(".walking_distance")]
    assert len(seven) == 7
    for rule_id in seven:
        assert national.rule(rule_id).level == "recommended"
        assert walking.rule(rule_id).level == "required"
        assert walking.rule(rule_id).max == national.rule(rule_id).max
    changed = [rule.id for rule in walking.rules if rule != national.rule(rule.id)]
    assert sorted(changed) == sorted(seven)
    assert "walking_required" in builtin_standards()


def test_content_hash_follows_the_merged_rules(tmp_path, national):
    assert len(national.content_hash) == 64 and national.version
    assert load_standard().content_hash == national.content_hash  # stable between loads
    path = tmp_path / "local.yaml"
    path.write_text("schema_version: 1\nextends: complete_community_2021\nid: local\n"
                    "name: {zh: 本地, en: local}\nsource: {zh: 测试, en: test}\n", encoding="utf-8")
    same_rules = load_standard(str(path))
    path.write_text(path.read_text(encoding="utf-8") + "rules:\n  - id: kindergarten.building_area\n    min: 2500\n",
                    encoding="utf-8")
    changed = load_standard(str(path))
    assert same_rules.content_hash != changed.content_hash != national.content_hash


def test_the_property_office_conflict_is_written_into_the_rule(national):
    """2.3 表 第16项 says "2%", 3.5 says "2‰": the standard keeps 2‰ and says so."""
    rule = national.rule("property_service.office_area")
    assert rule.min.ratio == 0.002
    assert "2%" in rule.note.zh and "2‰" in rule.note.zh and "2 %" in rule.note.en


def test_local_standard_from_a_path_overrides_adds_and_removes(tmp_path):
    path = tmp_path / "wuhan.yaml"
    path.write_text("""
schema_version: 1
extends: complete_community_2021
id: wuhan_test
name: {zh: 武汉测试标准, en: Wuhan test}
source: {zh: 测试, en: test}
remove_rules: [community_service_station.building_area]
rules:
  - id: kindergarten.building_area
    min: 2500
  - id: kindergarten.playground
    item: kindergarten
    name: {zh: 幼儿园室外活动场地, en: Kindergarten playground}
    clause: "3.1-2"
    level: recommended
    measure: {kind: facility_measure, categories: [kindergarten], attribute: land_area, aggregate: max}
    min: 1000
""", encoding="utf-8")
    standard = load_standard(str(path))
    assert standard.rule("kindergarten.building_area").min.value == 2500
    assert standard.rule("kindergarten.building_area").level == "required"  # inherited
    assert standard.rule("kindergarten.playground").unit == "m2"  # from the facility attribute
    assert "community_service_station.building_area" not in {rule.id for rule in standard.rules}


def test_extends_by_relative_path_and_circles_are_reported(tmp_path):
    (tmp_path / "a.yaml").write_text("schema_version: 1\nextends: b.yaml\nid: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("schema_version: 1\nextends: a.yaml\nid: b\n", encoding="utf-8")
    with pytest.raises(StandardError) as error:
        load_standard(str(tmp_path / "a.yaml"))
    assert "circle" in str(error.value) and "a.yaml" in str(error.value)


def test_unknown_reference_lists_builtins():
    with pytest.raises(StandardError) as error:
        load_standard("no_such_standard")
    assert "complete_community_2021" in str(error.value)
