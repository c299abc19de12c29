"""Figures by area (core/area_summary.py) against numbers worked out by hand, and the shortfall ranking."""

import pytest

from complete_community.core.area_summary import (CommunityOutcome, shortfalls, summarize_all,
                                                  summarize_by_area)

OUTCOMES = [
    CommunityOutcome("A", "东街道", 1000, "pass", {"kindergarten": "pass", "nursery": "pass"}),
    CommunityOutcome("B", "东街道", 3000, "fail", {"kindergarten": "fail", "nursery": "pass"}),
    CommunityOutcome("C", "西街道", None, "no_data", {"kindergarten": "no_data", "nursery": "not_applicable"}),
    CommunityOutcome("D", None, 500, "pass", {"kindergarten": "pass", "nursery": "advisory"}),
]
ITEMS = ["kindergarten", "nursery"]


def test_each_area_by_hand():
    east, west, nowhere = summarize_by_area(OUTCOMES, ITEMS, "(无)")
    assert (east.area, west.area, nowhere.area) == ("东街道", "西街道", "(无)")
    # 东街道: A complete (1000 residents), B failing (3000)
    assert (east.communities, east.residents, east.complete, east.complete_residents, east.failing,
            east.failing_residents, east.no_data) == (2, 4000, 1, 1000, 1, 3000, 0)
    assert east.complete_rate == 0.5 and east.complete_residents_rate == 0.25
    kindergarten = east.items["kindergarten"]
    assert (kindergarten.applicable, kindergarten.meeting, kindergarten.share, kindergarten.residents_share) == (
        2, 1, 0.5, 0.25)
    assert east.items["nursery"].share == 1.0
    assert [share.item for share in east.weakest_items()] == ["kindergarten"]
    # 西街道: one community without population and without a decision; never counted as failing
    assert (west.communities, west.residents, west.residents_unknown, west.no_data, west.failing) == (1, 0, 1, 1, 0)
    assert west.complete_rate == 0.0 and west.complete_residents_rate is None
    assert west.items["kindergarten"].share == 0.0  # cannot decide: does not count as meeting
    assert west.items["nursery"].applicable == 0 and west.items["nursery"].share is None
    # no area: kept, never dropped; an advisory item applies but is not met
    assert nowhere.communities == 1 and nowhere.items["nursery"].share == 0.0


def test_areas_given_first_are_listed_even_when_empty():
    names = [summary.area for summary in summarize_by_area(OUTCOMES, ITEMS, "(无)", areas=["南街道", "西街道"])]
    assert names == ["南街道", "西街道", "东街道", "(无)"]


def test_the_whole_district():
    district = summarize_all(OUTCOMES, ITEMS, "全区")
    assert (district.communities, district.residents, district.complete, district.failing, district.no_data) == (
        4, 4500, 2, 1, 1)
    assert district.complete_residents_rate == pytest.approx(1500 / 4500)
    assert district.items["kindergarten"].share == 0.5  # A and D of A, B, C, D


def test_communities_count_by_their_verdict():
    """Only required rules decide: an overall advisory or info status fails nothing and counts as complete;
    not_applicable is assessed but in no bucket."""
    outcomes = [CommunityOutcome("A", "东", 100, "advisory", {}), CommunityOutcome("B", "东", 200, "info", {}),
                CommunityOutcome("C", "东", 400, "not_applicable", {}), CommunityOutcome("D", "东", 800, "fail", {})]
    (east,) = summarize_by_area(outcomes, ITEMS, "(无)")
    assert (east.communities, east.complete, east.complete_residents, east.failing, east.no_data) == (
        4, 2, 300, 1, 0)
    assert east.complete_rate == 0.5 and east.complete_residents_rate == 300 / 1500


def test_shortfalls_are_ranked_by_residents_affected():
    outcomes = OUTCOMES + [CommunityOutcome("E", "东街道", 200, "fail", {})]
    ranked = shortfalls(outcomes, {"B": ["kindergarten"], "E": ["nursery", "kindergarten"]})
    assert ranked == [("kindergarten", 2, 3200), ("nursery", 1, 200)]
