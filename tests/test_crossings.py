"""Streets crossing without a shared vertex: found, connected on request, bridges and tunnels left apart."""

import random

import numpy as np
import pytest

from complete_community.core.crossings import (find_crossings, level_of, osm_tags_from_other_tags, osm_walkable,
                                               split_at_crossings)
from complete_community.core.network import WalkingNetwork


def test_an_x_crossing_and_a_t_junction_without_vertices():
    lines = [[(0, 0), (100, 0)],            # east-west
             [(50, -50), (50, 50)],         # crosses it at (50, 0): no vertex there
             [(80, 0), (80, 40)],           # starts ON line 0 at (80, 0): a T-junction without a vertex on line 0
             [(100, 0), (100, 50)]]         # shares the end vertex (100, 0): connected already
    crossings = find_crossings(lines)
    found = sorted(zip(crossings.x.tolist(), crossings.y.tolist()))
    assert found == [(50.0, 0.0), (80.0, 0.0)]
    assert crossings.connectable == 2 and crossings.between_levels == 0
    split = split_at_crossings(lines, crossings)
    assert split[0] == [(0, 0), (50.0, 0.0), (80.0, 0.0), (100, 0)]
    assert split[1] == [(50, -50), (50.0, 0.0), (50, 50)]
    assert split[2] == lines[2] and split[3] == lines[3]  # nothing to insert: (80, 0) is already its vertex


def test_split_network_connects_what_was_apart():
    lines = [[(0, 0), (100, 0)], [(50, -50), (50, 50)]]
    before = WalkingNetwork(lines)
    after = WalkingNetwork(split_at_crossings(lines, find_crossings(lines)))
    assert before.components().count == 2
    assert after.components().count == 1


def test_a_bridge_crosses_without_connecting():
    lines = [[(0, 0), (100, 0)], [(50, -50), (50, 50)], [(0, 10), (100, 10)]]
    levels = [0, level_of(bridge="yes"), 0]
    crossings = find_crossings(lines, levels)
    assert crossings.count == 2 and crossings.between_levels == 2 and crossings.connectable == 0
    assert split_at_crossings(lines, crossings) == lines


def test_levels():
    assert level_of() == 0 and level_of(bridge="yes") == 1 and level_of(tunnel="yes") == -1
    assert level_of(bridge="yes", layer="2") == 2 and level_of(layer="-1") == -1
    assert level_of(bridge="no") == 0
    assert level_of(level_value="高架") == 1 and level_of(level_value="隧道") == -1 and level_of(level_value="1") == 1
    assert level_of(level_value="") == 0


def test_crossings_match_a_brute_force_count():
    generator = random.Random(3)
    lines = [[(generator.uniform(0, 1000), generator.uniform(0, 1000)) for _ in range(generator.randint(2, 4))]
             for _ in range(60)]
    crossings = find_crossings(lines)
    expected = 0
    segments = [(a, k, line[k], line[k + 1]) for a, line in enumerate(lines) for k in range(len(line) - 1)]
    for index, (a, _k, p, q) in enumerate(segments):
        for b, _l, r, s in segments[index + 1:]:
            if a == b and (p in (r, s) or q in (r, s)):
                continue
            if _proper_intersection(p, q, r, s):
                expected += 1
    assert crossings.count == expected


def test_the_same_crossings_whatever_the_chunks_of_candidate_pairs(monkeypatch):
    """find_crossings takes candidate pairs a chunk at a time: chunks of a few pairs (cells split between them,
    runs of cells without pairs) give the same crossings, in the same order, as one chunk for everything."""
    from complete_community.core import crossings as crossings_module

    generator = random.Random(11)
    lines = [[(round(generator.uniform(0, 300), generator.choice([0, 1, 3])),
               round(generator.uniform(0, 300), generator.choice([0, 1, 3]))) for _ in range(generator.randint(2, 5))]
             for _ in range(150)]
    levels = [generator.choice([0, 0, 1]) for _ in lines]
    monkeypatch.setattr(crossings_module, "_PAIRS_PER_CHUNK", 1 << 30)
    whole = find_crossings(lines, levels)
    assert whole.count > 20
    for size in (1, 7, 64):
        monkeypatch.setattr(crossings_module, "_PAIRS_PER_CHUNK", size)
        chunked = find_crossings(lines, levels)
        for name in ("line_a", "segment_a", "line_b", "segment_b", "x", "y", "same_level"):
            assert np.array_equal(getattr(whole, name), getattr(chunked, name)), (size, name)


def _proper_intersection(p, q, r, s):
    def orientation(a, b, c):
        return np.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
    return (orientation(p, q, r) * orientation(p, q, s) < 0) and (orientation(r, s, p) * orientation(r, s, q) < 0)


def test_a_grid_drawn_in_cad_is_one_network_after_splitting():
    # 11 long east-west and 11 long north-south streets, no vertex at any crossing
    lines = [[(0, k * 100.0), (1000, k * 100.0)] for k in range(11)]
    lines += [[(k * 100.0, 0), (k * 100.0, 1000)] for k in range(11)]
    crossings = find_crossings(lines)
    assert crossings.count == 121 - 4  # the four corners are shared end vertices
    assert WalkingNetwork(lines).components().count == 19  # only the outer ring is joined, at its corners
    assert WalkingNetwork(split_at_crossings(lines, crossings)).components().count == 1


@pytest.mark.parametrize("tags, walkable", [
    ({"highway": "footway"}, True), ({"highway": "steps"}, True), ({"highway": "residential"}, True),
    ({"highway": "motorway"}, False), ({"highway": "trunk"}, False), ({"highway": "trunk", "foot": "yes"}, True),
    ({"highway": "residential", "foot": "no"}, False), ({"highway": "service", "access": "private"}, False),
    ({"highway": "service", "access": "private", "foot": "yes"}, True), ({}, False),
])
def test_osm_walkable(tags, walkable):
    assert osm_walkable(**tags) is walkable


def test_other_tags():
    assert osm_tags_from_other_tags('"foot"=>"no","layer"=>"1"') == {"foot": "no", "layer": "1"}
    assert osm_tags_from_other_tags(None) == {}
