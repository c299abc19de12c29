"""The what-if session (core/whatif.py), without QGIS: placing and undoing proposals against full evaluations."""

import random

import numpy as np
import pytest

from complete_community.core.network import REACHED, WalkingNetwork
from complete_community.core.records import CommunityRecord, FacilityRecord
from complete_community.core.whatif import WhatIfSession, item_status_with, site_attributes
from complete_community.standards import load_standard

STANDARD = load_standard()


def street_grid(size=9, block=100.0):
    lines = []
    for i in range(size):
        lines.append([(0.0, i * block), ((size - 1) * block, i * block)])
        lines.append([(i * block, 0.0), (i * block, (size - 1) * block)])
    # noded: split every line at every crossing
    noded = []
    for line in lines:
        (x0, y0), (x1, y1) = line
        points = [(x0 + (x1 - x0) * k / (size - 1), y0 + (y1 - y0) * k / (size - 1)) for k in range(size)]
        noded += [[points[k], points[k + 1]] for k in range(size - 1)]
    return WalkingNetwork(noded)


def setting(seed=4):
    """Four communities (quadrants of an 800 m grid), residents scattered, one kindergarten in the north-east."""
    rng = random.Random(seed)
    network = street_grid()
    xs = np.array([rng.uniform(0, 800) for _ in range(200)])
    ys = np.array([rng.uniform(0, 800) for _ in range(200)])
    population = np.array([rng.randint(5, 50) for _ in range(200)], float)
    community = (xs >= 400).astype(int) + 2 * (ys >= 400).astype(int)
    facility = FacilityRecord("kg1", "kindergarten", {"building_area": 2500.0, "land_area": 4000.0, "classes": 6})
    records = [CommunityRecord(id="Q{}".format(q), name="Q{}".format(q), community_type="new",
                               attributes={"population": float(population[community == q].sum()),
                                           "kindergarten_affordable": True},
                               facilities=(facility,) if q == 3 else ()) for q in range(4)]
    residents = network.snap(xs, ys, 100)
    existing = {"kindergarten": network.snap([700.0], [700.0])}
    return network, residents, population, community, records, existing


def full_state(network, residents, population, community, records, sites, position):
    """The community's mean distance and covered share to the nearest of `sites` [(x, y)], from scratch."""
    result = network.nearest(network.snap([x for x, _ in sites], [y for _, y in sites]), residents)
    distance = np.where(result.status == REACHED, result.distance, np.inf)
    own = community == position
    weight = population[own]
    mean = float((weight * distance[own]).sum() / weight.sum())
    share = float(weight[distance[own] <= 500 * (1 + 1e-9)].sum() / weight.sum())
    return mean, share


def test_placing_updates_the_affected_communities_as_a_full_evaluation_would():
    network, residents, population, community, records, existing = setting()
    session = WhatIfSession(STANDARD, network, residents, population, community, records, existing)
    before = session.state("kindergarten", 0)
    assert before.status == "fail"  # no kindergarten in the south-west quadrant
    change = session.place("kindergarten", 200.0, 200.0, community=0)
    assert 0 in change.communities
    old, new = change.communities[0]
    assert old == before and new.status == "pass"
    mean, share = full_state(network, residents, population, community, records, [(700, 700), (200, 200)], 0)
    assert new.distance_m == pytest.approx(mean) and new.covered_share == pytest.approx(share)
    assert new.covered_share > before.covered_share
    for position in range(4):  # every community agrees with a fresh evaluation, changed or not
        mean, share = full_state(network, residents, population, community, records, [(700, 700), (200, 200)],
                                 position)
        state = session.state("kindergarten", position)
        assert state.distance_m == pytest.approx(mean) and state.covered_share == pytest.approx(share)


def test_undo_restores_the_state_before_the_proposal():
    network, residents, population, community, records, existing = setting()
    session = WhatIfSession(STANDARD, network, residents, population, community, records, existing)
    states = [session.state("kindergarten", position) for position in range(4)]
    session.place("kindergarten", 200.0, 200.0, community=0)
    session.place("kindergarten", 600.0, 200.0, community=1)
    assert len(session.proposals) == 2
    reverted = session.undo()
    assert reverted.proposal.x == 600.0 and 1 in reverted.communities
    assert session.undo().proposal.x == 200.0
    assert session.undo() is None
    assert [session.state("kindergarten", position) for position in range(4)] == states


def test_a_proposal_outside_the_community_helps_walking_but_not_the_count():
    network, residents, population, community, records, existing = setting()
    session = WhatIfSession(STANDARD, network, residents, population, community, records, existing)
    change = session.place("kindergarten", 400.0, 200.0, community=1)  # on the boundary street, counted in Q1
    _old, new = change.communities.get(0, (None, session.state("kindergarten", 0)))
    assert new.status == "fail"  # Q0 still has no kindergarten of its own (the count rule)
    assert change.communities[1][1].status == "pass"


def test_planned_facilities_are_counted_at_the_standards_size():
    record = CommunityRecord(id="A", name="A", community_type="new",
                             attributes={"population": 8000.0, "kindergarten_affordable": True})
    attributes = site_attributes(STANDARD, "kindergarten", record)
    for rule in STANDARD.rules_for_item("kindergarten"):
        if rule.measure is not None and rule.measure.kind == "facility_measure":
            assert attributes[rule.measure.attribute] == rule.min.resolve({})
    assert site_attributes(STANDARD, "kindergarten", record, {"land_area": 9000.0})["land_area"] == 9000.0
    planned = [FacilityRecord("p", "kindergarten", attributes)]
    rules = [rule for rule in STANDARD.rules_for_item("kindergarten") if rule.measure is not None]
    assert item_status_with(STANDARD, record, rules, "kindergarten", "kindergarten", 300.0, planned) == "pass"
    assert item_status_with(STANDARD, record, rules, "kindergarten", "kindergarten", 300.0, []) == "fail"
