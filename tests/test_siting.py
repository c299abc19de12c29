"""Where to build (core/siting.py), without QGIS: coverage of candidates against full searches, the greedy
choice against exhaustive search, ties, one site per community, candidate generation, eligibility by area."""

import itertools
import math
import random

import numpy as np
import pytest

from complete_community.core.network import REACHED, WalkingNetwork
from complete_community.core.siting import (
    CandidateCoverage, CoverageModel, area_requirements, best_site_per_community, candidates_along, check_site,
    greedy_maximal_cover, within_limit)
from complete_community.standards import load_standard

GUARANTEE = 1.0 - 1.0 / math.e


def grid_network(size=8, block=100.0, seed=None, missing=0.0):
    """A size × size street grid (block m), optionally with some sides missing and jittered corners."""
    rng = random.Random(seed)
    jitter = {}
    for i in range(size):
        for j in range(size):
            jitter[i, j] = (i * block + (rng.uniform(-15, 15) if seed is not None else 0.0),
                            j * block + (rng.uniform(-15, 15) if seed is not None else 0.0))
    lines = []
    for i in range(size):
        for j in range(size):
            if i + 1 < size and rng.random() >= missing:
                lines.append([jitter[i, j], jitter[i + 1, j]])
            if j + 1 < size and rng.random() >= missing:
                lines.append([jitter[i, j], jitter[i, j + 1]])
    return WalkingNetwork(lines)


def random_points(rng, count, extent):
    return np.array([rng.uniform(-20, extent + 20) for _ in range(count)]), \
        np.array([rng.uniform(-20, extent + 20) for _ in range(count)])


def full_search_sets(network, candidates, residents, limit, exclude):
    """Reference: each candidate's covered residents from one unbounded nearest() per candidate."""
    sets = []
    for index in range(len(candidates)):
        result = network.nearest(candidates.subset([index]), residents)
        hit = (result.status == REACHED) & within_limit(result.distance, limit) & ~exclude
        sets.append(set(np.flatnonzero(hit).tolist()))
    return sets


def exhaustive_best(coverage, weight, covered, k):
    """The best total coverage of any k candidates (brute force)."""
    base = float(weight[covered].sum())
    best = base
    for combination in itertools.combinations(range(len(coverage)), min(k, len(coverage))):
        members = set()
        for candidate in combination:
            members.update(coverage.covered_by(candidate).tolist())
        fresh = [origin for origin in members if not covered[origin]]
        best = max(best, base + float(weight[fresh].sum()))
    return best


def eager_greedy(coverage, weight, covered, k):
    """Reference greedy: every gain recomputed each round, ties to the lowest index."""
    covered = covered.copy()
    chosen = []
    for _ in range(k):
        gains = [float(weight[[o for o in coverage.covered_by(c).tolist() if not covered[o]]].sum())
                 for c in range(len(coverage))]
        best = max(range(len(gains)), key=lambda c: (gains[c], -c))
        if gains[best] <= 0:
            break
        chosen.append(best)
        covered[coverage.covered_by(best)] = True
    return chosen


# ------------------------------------------------------------------------------------------------
# Network pieces the siting relies on


def test_nodes_within_matches_a_full_search_cut_at_the_limit():
    network = grid_network(seed=3, missing=0.1)
    source = network.snap([350.0], [260.0])
    nodes, distances = network.nodes_within(source, 320.0)
    full = network.nearest(source, network.snap([0.0], [0.0]))
    expected = np.flatnonzero(full.node_distance <= 320.0)
    assert nodes.tolist() == expected.tolist()
    assert distances == pytest.approx(full.node_distance[expected])


@pytest.mark.parametrize("seed", [1, 2, 5])
def test_candidate_coverage_equals_full_searches(seed):
    rng = random.Random(seed)
    network = grid_network(seed=seed, missing=0.15)
    residents = network.snap(*random_points(rng, 80, 700), max_distance=60)
    existing = network.snap([120.0, 610.0], [90.0, 580.0])
    candidates = network.snap(*random_points(rng, 25, 700), max_distance=60)
    population = np.array([rng.randint(0, 50) for _ in range(80)], float)
    model = CoverageModel(network, residents, population, existing, 250.0)
    coverage = model.candidate_coverage(candidates)
    reference = full_search_sets(network, candidates, residents, 250.0, model.covered | (population <= 0))
    for index in range(len(candidates)):
        assert set(coverage.covered_by(index).tolist()) == reference[index], index
    everyone = model.candidate_coverage(candidates, only_uncovered=False)
    reference_all = full_search_sets(network, candidates, residents, 250.0, population <= 0)
    assert [set(everyone.covered_by(i).tolist()) for i in range(len(candidates))] == reference_all


def test_ineligible_and_unsnapped_candidates_cover_nobody():
    network = grid_network()
    residents = network.snap([100.0, 200.0], [0.0, 0.0])
    candidates = network.snap([150.0, 150.0, 5000.0], [0.0, 0.0, 5000.0], max_distance=50)
    model = CoverageModel(network, residents, [10, 10], network.snap([], []), 500)
    coverage = model.candidate_coverage(candidates, eligible=[True, False, True])
    assert [len(coverage.covered_by(i)) for i in range(3)] == [2, 0, 0]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_adding_sites_gives_the_distances_of_a_full_search(seed):
    rng = random.Random(seed)
    network = grid_network(seed=seed, missing=0.1)
    residents = network.snap(*random_points(rng, 60, 700), max_distance=80)
    existing = network.snap([300.0], [300.0])
    sites = network.snap(*random_points(rng, 4, 700), max_distance=80)
    model = CoverageModel(network, residents, np.ones(60), existing, 300.0)
    for count in range(1, 5):
        model.add_site(sites.subset([count - 1]))
        all_x = np.concatenate(([300.0], sites.x[:count]))
        all_y = np.concatenate(([300.0], sites.y[:count]))
        reference = network.nearest(network.snap(all_x, all_y, max_distance=80), residents)
        expected = np.where(reference.status == REACHED, reference.distance, np.inf)
        assert model.distance == pytest.approx(expected)


# ------------------------------------------------------------------------------------------------
# The greedy choice


def test_greedy_is_not_always_optimal_but_keeps_its_guarantee():
    # Candidate 0 covers the most alone; 1 and 2 together cover more than 0 with either.
    coverage = CandidateCoverage.from_sets([{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}])
    weight = np.ones(6)
    picks = greedy_maximal_cover(coverage, weight, max_sites=2)
    assert [pick.candidate for pick in picks] == [0, 1]
    assert picks[-1].covered_population == 5
    assert exhaustive_best(coverage, weight, np.zeros(6, bool), 2) == 6
    assert 5 >= (1 - (1 - 1 / 2) ** 2) * 6


def test_greedy_is_optimal_for_one_site_and_for_disjoint_candidates():
    coverage = CandidateCoverage.from_sets([{0, 1}, {2, 3, 4}, {5}, {1, 2}])
    weight = np.array([5, 1, 1, 1, 1, 9], float)
    one = greedy_maximal_cover(coverage, weight, max_sites=1)
    assert one[0].covered_population == exhaustive_best(coverage, weight, np.zeros(6, bool), 1) == 9
    disjoint = CandidateCoverage.from_sets([{0, 1}, {2, 3, 4}, {5}])
    for k in (1, 2, 3):
        picks = greedy_maximal_cover(disjoint, weight, max_sites=k)
        assert picks[-1].covered_population == exhaustive_best(disjoint, weight, np.zeros(6, bool), k)


@pytest.mark.parametrize("seed", range(8))
def test_greedy_on_networks_against_exhaustive_search(seed):
    rng = random.Random(100 + seed)
    network = grid_network(size=7, seed=seed, missing=0.1)
    residents = network.snap(*random_points(rng, 70, 600), max_distance=60)
    population = np.array([rng.choice([0, 5, 10, 40, 100]) for _ in range(70)], float)
    existing = network.snap([rng.uniform(0, 600)], [rng.uniform(0, 600)])
    candidates = network.snap(*random_points(rng, 9, 600), max_distance=60)
    model = CoverageModel(network, residents, population, existing, 200.0)
    coverage = model.candidate_coverage(candidates)
    for k in (1, 2, 3):
        picks = greedy_maximal_cover(coverage, population, model.covered, max_sites=k)
        greedy_total = picks[-1].covered_population if picks else model.covered_population
        optimum = exhaustive_best(coverage, population, model.covered, k)
        assert greedy_total >= GUARANTEE * optimum - 1e-9
        assert greedy_total >= (1 - (1 - 1 / k) ** k) * optimum - 1e-9
        if k == 1:
            assert greedy_total == optimum
        assert [pick.candidate for pick in picks] == eager_greedy(coverage, population, model.covered, k)


@pytest.mark.parametrize("seed", range(20))
def test_lazy_re_evaluation_chooses_as_recomputing_every_gain(seed):
    rng = random.Random(seed)
    sets = [{rng.randrange(30) for _ in range(rng.randint(0, 8))} for _ in range(15)]
    sets.append(set(sets[0]))  # an exact tie with candidate 0
    coverage = CandidateCoverage.from_sets(sets)
    weight = np.array([rng.choice([1, 1, 2]) for _ in range(30)], float)
    covered = np.array([rng.random() < 0.2 for _ in range(30)])
    picks = greedy_maximal_cover(coverage, weight, covered, max_sites=6)
    assert [pick.candidate for pick in picks] == eager_greedy(coverage, weight, covered, 6)
    assert 15 not in [pick.candidate for pick in picks]  # the copy of candidate 0 adds nothing after it


def test_ties_go_to_the_candidate_given_first():
    coverage = CandidateCoverage.from_sets([{0}, {1, 2}, {3, 4}, {1, 2}])
    picks = greedy_maximal_cover(coverage, np.ones(5), max_sites=3)
    assert [pick.candidate for pick in picks] == [1, 2, 0]


def test_stops_at_the_target_share_at_max_sites_and_when_nobody_is_left():
    coverage = CandidateCoverage.from_sets([{0, 1, 2, 3}, {4, 5}, {6}, {0}])
    weight = np.ones(10)
    covered = np.zeros(10, bool)
    covered[9] = True  # an existing facility covers one resident already
    assert [p.candidate for p in greedy_maximal_cover(coverage, weight, covered, target_share=0.5)] == [0]
    assert [p.candidate for p in greedy_maximal_cover(coverage, weight, covered, target_share=0.51)] == [0, 1]
    assert len(greedy_maximal_cover(coverage, weight, covered, max_sites=2, target_share=1.0)) == 2
    picks = greedy_maximal_cover(coverage, weight, covered)
    assert [p.candidate for p in picks] == [0, 1, 2]  # candidate 3 adds nobody new
    assert [p.covered_share for p in picks] == pytest.approx([0.5, 0.7, 0.8])
    assert [p.new_population for p in picks] == [4, 2, 1]


def test_picks_replayed_on_the_model_give_the_same_shares():
    rng = random.Random(7)
    network = grid_network(seed=7, missing=0.05)
    residents = network.snap(*random_points(rng, 120, 700), max_distance=60)
    population = np.array([rng.randint(1, 30) for _ in range(120)], float)
    model = CoverageModel(network, residents, population, network.snap([50.0], [50.0]), 250.0)
    candidates = network.snap(*random_points(rng, 40, 700), max_distance=60)
    picks = greedy_maximal_cover(model.candidate_coverage(candidates), population, model.covered, max_sites=5)
    assert len(picks) == 5
    for pick in picks:
        model.add_site(candidates.subset([pick.candidate]))
        assert model.covered_share == pytest.approx(pick.covered_share)


# ------------------------------------------------------------------------------------------------
# One per community


def test_one_site_per_community_minimises_its_residents_mean_distance():
    rng = random.Random(21)
    network = grid_network(seed=21)
    residents = network.snap(*random_points(rng, 60, 700), max_distance=60)
    population = np.array([rng.randint(1, 30) for _ in range(60)], float)
    # Two "communities": the west half (0) and the east half (1); an existing facility in the far east.
    community = np.where(residents.x < 350, 0, 1)
    candidates = network.snap(*random_points(rng, 12, 700), max_distance=60)
    candidate_community = np.where(candidates.x < 350, 0, 1)
    model = CoverageModel(network, residents, population, network.snap([690.0], [690.0]), 300.0)
    chosen = best_site_per_community(model, candidates, candidate_community, [0], community)
    assert len(chosen) == 1 and chosen[0].community == 0
    assert candidate_community[chosen[0].candidate] == 0
    west = np.flatnonzero(community == 0)

    def mean_with(candidate):
        xs = [690.0, candidates.x[candidate]]
        ys = [690.0, candidates.y[candidate]]
        result = network.nearest(network.snap(xs, ys, max_distance=60), residents)
        return float((population[west] * result.distance[west]).sum() / population[west].sum())

    means = {candidate: mean_with(candidate) for candidate in np.flatnonzero(candidate_community == 0).tolist()}
    assert chosen[0].mean_after_m == pytest.approx(min(means.values()))
    assert means[chosen[0].candidate] == pytest.approx(min(means.values()))
    assert chosen[0].mean_after_m <= chosen[0].mean_before_m


def test_a_community_without_candidates_gets_none():
    network = grid_network()
    residents = network.snap([100.0, 600.0], [100.0, 600.0])
    model = CoverageModel(network, residents, [10, 10], network.snap([], []), 500)
    candidates = network.snap([120.0], [100.0])
    chosen = best_site_per_community(model, candidates, [0], [0, 1], [0, 1])
    assert [site.candidate for site in chosen] == [0, -1]
    # The site placed for community 0 is the nearest facility of community 1 now (800 m of street + offsets).
    assert chosen[1].mean_before_m == chosen[1].mean_after_m == pytest.approx(980.0)
    assert chosen[0].mean_before_m is None and chosen[0].unreached_after == 0


# ------------------------------------------------------------------------------------------------
# Candidates and eligibility


def test_candidates_along_the_network_at_the_spacing():
    network = WalkingNetwork([[(0, 0), (250, 0)], [(250, 0), (250, 40)]])
    pieces = network.reachable_edges(network.snap([0.0], [0.0]), 10000)
    x, y = candidates_along(pieces, 100.0)
    assert sorted(zip(x.round(6).tolist(), y.round(6).tolist())) == [
        (41.666667, 0.0), (125.0, 0.0), (208.333333, 0.0), (250.0, 20.0)]
    with pytest.raises(ValueError):
        candidates_along(pieces, 0)


def test_eligibility_reads_the_items_area_rules_from_the_standard():
    standard = load_standard()
    requirements = {r.attribute: r for r in area_requirements(standard, "kindergarten")}
    assert set(requirements) == {"building_area", "land_area"}
    land_minimum = requirements["land_area"].minimum.resolve({})
    floor_minimum = requirements["building_area"].minimum.resolve({})
    assert land_minimum == standard.rule(requirements["land_area"].rule_id).min.value
    too_small = check_site(tuple(requirements.values()), {"land_area": land_minimum - 1, "building_area": None})
    assert not too_small.eligible and len(too_small.reasons) == 1
    assert "{:g}".format(land_minimum) in too_small.reasons[0]
    assert too_small.unchecked == (requirements["building_area"].rule_id,)
    enough = check_site(tuple(requirements.values()), {"land_area": land_minimum, "building_area": floor_minimum})
    assert enough.eligible and not enough.unchecked
    unknown = check_site(tuple(requirements.values()), {})
    assert unknown.eligible and len(unknown.unchecked) == 2
    assert [r.attribute for r in area_requirements(standard, "nursery")] == ["building_area"]
    # Items without an area rule for a single facility (or with alternatives) accept every candidate.
    assert check_site(area_requirements(standard, "bus_stop"), {"land_area": 1.0}).eligible
