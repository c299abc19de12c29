"""The rules engine against the national standard: cases as data (testdata/engine_cases.yaml).

Each rule case evaluates one rule of complete_community_2021 on a small community; each community
case evaluates a whole community. The YAML header explains the keys.
"""

import pytest
from engine_case_data import CASES, build_community

from complete_community.core.engine import (ADVISORY, FAIL, NO_DATA, NOT_APPLICABLE, PASS, STATUSES, CommunityEvaluation,
                                            RuleEngine, default_rules, evaluate_community, evaluate_rule, status_label)
from complete_community.core.records import parse_boolean, parse_community_type
from complete_community.i18n import remove_translator
from complete_community.standards import load_standard
from complete_community.standards.measure_kinds import MEASURE_KINDS

RULE_CASE_KEYS = {"case", "rule", "community", "expect", "language"}
RULE_EXPECT_KEYS = {"status", "measured", "min", "max", "unit", "option_id", "counts", "reason"}
COMMUNITY_EXPECT_KEYS = {"cc_status", "cc_score", "cc_missing", "applicable_required", "items", "rules",
                         "absent_rules", "cc_advice", "items_met", "items_failed", "items_no_data", "items_applicable"}


@pytest.fixture(scope="module")
def standard():
    return load_standard()


@pytest.fixture(autouse=True)
def english_templates():
    """Reasons are checked against the English source templates: no translator may be installed."""
    remove_translator()


def _fragments(reason):
    return [reason] if isinstance(reason, str) else list(reason)


@pytest.mark.parametrize("case", CASES["rule_cases"], ids=[case["case"] for case in CASES["rule_cases"]])
def test_rule_case(case, standard):
    assert set(case) <= RULE_CASE_KEYS and set(case["expect"]) <= RULE_EXPECT_KEYS, "unknown keys in the case"
    expect = case["expect"]
    rule = standard.rule(case["rule"])
    result = evaluate_rule(rule, build_community(case["community"]), standard, case.get("language", "zh"))

    assert result.rule_id == rule.id and result.item == rule.item and result.level == rule.level
    assert result.status == expect["status"], result.reason
    for key, attribute in (("measured", "measured"), ("min", "threshold_min"), ("max", "threshold_max")):
        if key in expect:
            actual = getattr(result, attribute)
            if expect[key] is None:
                assert actual is None, "{} is {}".format(key, actual)
            else:
                assert actual == pytest.approx(expect[key], rel=1e-9), "{}: {}".format(key, result)
    if "unit" in expect:
        assert result.unit == expect["unit"]
    if "option_id" in expect:
        assert result.option_id == expect["option_id"]
    if "counts" in expect:
        assert result.counts_for_compliance is expect["counts"]
    for fragment in _fragments(expect.get("reason", [])):
        assert fragment in result.reason
    assert result.reason and "\n" not in result.reason


@pytest.mark.parametrize("case", CASES["community_cases"],
                         ids=[case["case"] for case in CASES["community_cases"]])
def test_community_case(case, standard):
    expect = case["expect"]
    assert set(expect) <= COMMUNITY_EXPECT_KEYS, "unknown keys in the case"
    community = build_community(case["community"])
    evaluation = evaluate_community(standard, community)

    assert evaluation.community_id == community.id
    assert evaluation.cc_status == expect["cc_status"], [
        (r.rule_id, r.status, r.reason) for r in evaluation.results if r.counts_for_compliance and r.status != PASS]
    if "cc_score" in expect:
        assert evaluation.cc_score == expect["cc_score"]
    if "cc_missing" in expect:
        assert list(evaluation.cc_missing) == expect["cc_missing"]
    if "cc_advice" in expect:
        assert sorted(evaluation.cc_advice) == sorted(expect["cc_advice"])
    for key in ("items_met", "items_failed", "items_no_data", "items_applicable"):
        if key in expect:
            assert getattr(evaluation, key) == expect[key], key
    if evaluation.items_met + evaluation.items_failed:
        assert evaluation.cc_score == round(100.0 * evaluation.items_met / (
            evaluation.items_met + evaluation.items_failed), 1)  # the one definition of the score
    if "applicable_required" in expect:
        applicable = [r for r in evaluation.results if r.counts_for_compliance and r.status != NOT_APPLICABLE]
        assert len(applicable) == expect["applicable_required"]
    for item, status in expect.get("items", {}).items():
        assert evaluation.item_status[item] == status, item
    for rule_id, status in expect.get("rules", {}).items():
        assert evaluation.result(rule_id).status == status, evaluation.result(rule_id)
    for rule_id in expect.get("absent_rules", []):
        assert evaluation.result(rule_id) is None


def test_one_engine_for_many_communities_gives_each_its_own_results(standard):
    """A run keeps one RuleEngine (each rule's texts prepared once, the results of repeated inputs kept): every case
    evaluated in turn by one engine per language, forwards and backwards, is what an engine of its own gives."""
    engines = {language: RuleEngine(standard, language) for language in ("zh", "en")}
    rule_cases = [(standard.rule(case["rule"]), build_community(case["community"]), case.get("language", "zh"))
                  for case in CASES["rule_cases"]]
    alone = [evaluate_rule(rule, community, standard, language) for rule, community, language in rule_cases]
    for order in (1, -1):
        shared = [engines[language].evaluate_rule(rule, community) for rule, community, language in rule_cases[::order]]
        assert shared == alone[::order]
    communities = [build_community(case["community"]) for case in CASES["community_cases"]]
    alone = [evaluate_community(standard, community, language="zh") for community in communities]
    for order in (1, -1):
        assert [engines["zh"].evaluate(community) for community in communities[::order]] == alone[::order]


def test_cases_try_every_measure_kind_on_both_sides(standard):
    """Every measure kind (and any_of) has a passing and a failing case, so no kind goes untested."""
    seen = {}
    for case in CASES["rule_cases"]:
        rule = standard.rule(case["rule"])
        kind = "any_of" if rule.options else rule.measure.kind
        seen.setdefault(kind, set()).add(case["expect"]["status"])
    for kind in list(MEASURE_KINDS) + ["any_of"]:
        assert PASS in seen.get(kind, set()), "{} lacks a pass case".format(kind)
        assert seen.get(kind, set()) & {FAIL, ADVISORY}, "{} lacks a case that is not met".format(kind)
    assert {NO_DATA, NOT_APPLICABLE} <= set().union(*seen.values())


def test_complete_community_passes_every_required_rule(standard):
    evaluation = evaluate_community(standard, build_community({"base": "complete_new"}))
    required = [r for r in evaluation.results if r.counts_for_compliance]
    assert required and all(r.status in (PASS, NOT_APPLICABLE) for r in required)
    assert {r.rule_id for r in evaluation.results} == {r.id for r in standard.rules_in_scope("community")}
    assert list(evaluation.item_status) == [item.code for item in standard.items if item.scope == "community"]


def test_missing_text_names_the_items_in_both_languages(standard):
    community = build_community({"base": "complete_new", "drop_categories": ["kindergarten", "nursery"]})
    evaluation = evaluate_community(standard, community)
    assert evaluation.cc_missing == ("kindergarten", "nursery")
    assert evaluation.missing_text(standard, "zh") == "一个幼儿园、一个托儿所"
    assert evaluation.missing_text(standard, "en") == "One kindergarten, One nursery"
    assert evaluate_community(standard, build_community({"base": "complete_new"})).missing_text(standard, "zh") == ""


def test_callers_choose_the_rules(standard):
    community = build_community({"base": "complete_new", "facility_attributes": {"kindergarten": {"classes": 5}}})
    kindergarten_rules = standard.rules_for_item("kindergarten")
    evaluation = evaluate_community(standard, community, rules=kindergarten_rules)
    assert [r.rule_id for r in evaluation.results] == [rule.id for rule in kindergarten_rules]
    assert evaluation.cc_status == FAIL and evaluation.cc_missing == ("kindergarten",)
    assert evaluation.cc_score == 0.0  # one item, and it fails (classes), however many of its rules pass
    assert (evaluation.items_met, evaluation.items_failed, evaluation.items_applicable) == (0, 1, 1)
    assert list(evaluation.item_status) == ["kindergarten"]


def test_no_applicable_required_rule_gives_no_score(standard):
    existing = build_community({"type": "existing"})
    rules = (standard.rule("parking_charging.parking_ratio"), standard.rule("scale.population"))
    evaluation = evaluate_community(standard, existing, rules=rules)
    assert isinstance(evaluation, CommunityEvaluation)
    assert evaluation.cc_score is None and evaluation.items_applicable == 0
    assert evaluation.cc_status == NO_DATA  # nothing required applies: the advice (scale has no data) is shown
    assert evaluation.item_status == {"scale": NO_DATA, "parking_charging": NOT_APPLICABLE}
    assert evaluation.item_verdicts == {"scale": NOT_APPLICABLE, "parking_charging": NOT_APPLICABLE}


def test_default_rules_leave_out_only_walking_rules_that_were_not_computed(standard):
    community = build_community({"type": "new", "walking_m": {"kindergarten": 300}})
    chosen = {rule.id for rule in default_rules(standard, community)}
    assert "kindergarten.walking_distance" in chosen and "scale.children_walking_time" in chosen
    assert "nursery.walking_distance" not in chosen and "walking_system.bus_stop" not in chosen
    assert "scale.walking_radius" in chosen  # radius rules stay; a missing radius is no data
    assert not any(rule.item == "life_circle" for rule in default_rules(standard, community))


def test_status_labels():
    assert STATUSES == ("pass", "fail", "advisory", "no_data", "info", "not_applicable")
    assert (PASS, FAIL, NO_DATA, NOT_APPLICABLE) == ("pass", "fail", "no_data", "not_applicable")
    assert [status_label(status) for status in STATUSES] == [
        "Complies", "Does not comply", "Advisory", "Insufficient data", "For information", "Not applicable"]


@pytest.mark.parametrize("value, expected", [
    ("新建", "new"), ("新", "new"), ("New", "new"), (" NEW ", "new"), ("新建居住社区", "new"),
    ("既有", "existing"), ("旧", "existing"), ("老旧", "existing"), ("Existing", "existing"), ("老旧小区", "existing"),
    (None, None), ("", None), ("  ", None),
])
def test_parse_community_type(value, expected):
    assert parse_community_type(value) == expected


@pytest.mark.parametrize("value, expected", [
    (1, True), (0, False), (1.0, True), ("1", True), ("0", False), ("是", True), ("否", False), ("有", True),
    ("无", False), ("true", True), ("FALSE", False), ("y", True), ("N", False), ("Yes", True), ("no", False),
    ("✓", True), (True, True), (False, False), ("１", True), (None, None), ("", None), (float("nan"), None),
])
def test_parse_boolean(value, expected):
    assert parse_boolean(value) is expected


@pytest.mark.parametrize("parse, value", [
    (parse_boolean, "maybe"), (parse_boolean, 2), (parse_boolean, "有的"), (parse_community_type, "村庄"),
])
def test_unknown_text_is_an_error_naming_the_value(parse, value):
    with pytest.raises(ValueError, match=str(value)):
        parse(value)


def test_reasons_and_labels_in_chinese(qgis_app, standard):  # noqa: ARG001 (translation needs the application)
    from complete_community.i18n import install_translator

    translator = install_translator("zh_CN")
    try:
        assert translator is not None, "i18n/complete_community_zh_CN.qm is missing: run `make translations`"
        assert [status_label(status) for status in STATUSES] == ["达标", "不达标", "建议改进", "数据不足", "仅供参考", "不适用"]
        small = build_community({"type": "new", "facilities": [["kindergarten", {"building_area": 2199.9}]]})
        result = evaluate_rule(standard.rule("kindergarten.building_area"), small, standard, "zh")
        assert result.reason == "幼儿园建筑面积 2199.9 m² < 2200 m²"
        none = build_community({"type": "new"})
        assert evaluate_rule(standard.rule("kindergarten.building_area"), none, standard, "zh").reason == "无幼儿园"
    finally:
        remove_translator(translator)


def test_numbers_keep_the_digits_that_decide_and_the_scorecard_reads_them_alike():
    """One rule for a reason's numbers (core/describe.number_text), used by the engine and the scorecard: two
    decimals, a ratio in per cent, and every digit where rounding would make a value read as its threshold."""
    from complete_community.core import describe

    assert describe.number_text(2199.999, "m2") == "2200"
    assert describe.number_text(2199.999, "m2", 2200.0) == "2199.999"
    assert describe.number_text(2200.0, "m2", 2200.0) == "2200"
    assert describe.number_text(0.0999, "ratio", 0.1) == "9.99%"
    assert describe.number_text(0.099999, "ratio", 0.1) == "9.9999%"
    assert describe.number_text(0.5, "ratio") == "50%"
    assert describe.rounded_number(0.123456, "ratio") == "12.35%"
