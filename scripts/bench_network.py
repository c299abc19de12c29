#!/usr/bin/env python3
"""Benchmark of the walking-network engine (core/network.py) on a synthetic city; no QGIS needed.

    .venv/bin/python scripts/bench_network.py            # or /usr/bin/python3; --profile for cProfile

A 390 × 390 street grid of 100 m blocks (vertices jittered by up to 10 m, 1 % of the blocks' sides
missing, 30 diagonal avenues, 10 % of the streets with cost factor 1.2): about 305,000 segments.
3,000 community points, 30,000 facilities in 15 categories and 50,000 population points, uniformly
spread. Everything is seeded, so every run builds the same city. Times the graph build, snapping all
83,000 points, one nearest() pass per category for the 53,000 communities + population points
(without cutoff, then with cutoffs of 2,000 m and 500 m), 1,000 routes, 1,000 service areas of 500 m, and reports
the peak memory of the process (ru_maxrss, which includes the generated input).
"""

import argparse
import cProfile
import os
import pstats
import random
import resource
import sys
import time

import numpy as np

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPOSITORY, "build", "plugins"))  # the plugin as `complete_community`

from complete_community.core.network import REACHED, WalkingNetwork  # noqa: E402

SEED = 20240611
GRID = 390            # nodes per side: 2 × 390 × 389 = 303,420 grid segments before gaps and diagonals
BLOCK = 100.0         # m
JITTER = 10.0         # m, per node
GAP_SHARE = 0.01
DIAGONALS = 30
DIAGONAL_STEPS = 150
SLOW_SHARE = 0.10     # streets with cost factor 1.2
COMMUNITIES, FACILITIES, CATEGORIES, POPULATION = 3000, 30000, 15, 50000
MAX_SNAP = 300.0      # m
CUTOFFS = (2000.0, 500.0)  # m
ROUTES, AREAS, AREA_LIMIT = 1000, 1000, 500.0


def make_city(grid=GRID):
    """(lines, cost_factors, points by name) of the synthetic city."""
    rng = random.Random(SEED)
    jitter_x = [[rng.uniform(-JITTER, JITTER) for _ in range(grid)] for _ in range(grid)]
    jitter_y = [[rng.uniform(-JITTER, JITTER) for _ in range(grid)] for _ in range(grid)]

    def node(i, j):
        return (i * BLOCK + jitter_x[i][j], j * BLOCK + jitter_y[i][j])

    lines, factors = [], []

    def add_street(cells, factor):
        """A street through consecutive grid nodes, broken where a side is missing."""
        current = [node(*cells[0])]
        for previous, cell in zip(cells[:-1], cells[1:]):
            if rng.random() < GAP_SHARE:
                if len(current) > 1:
                    lines.append(current)
                    factors.append(factor)
                current = [node(*cell)]
            else:
                current.append(node(*cell))
        if len(current) > 1:
            lines.append(current)
            factors.append(factor)

    for j in range(grid):
        factor = 1.2 if rng.random() < SLOW_SHARE else 1.0
        add_street([(i, j) for i in range(grid)], factor)
    for i in range(grid):
        factor = 1.2 if rng.random() < SLOW_SHARE else 1.0
        add_street([(i, j) for j in range(grid)], factor)
    for _ in range(DIAGONALS):
        i, j = rng.randrange(grid - DIAGONAL_STEPS), rng.randrange(grid - DIAGONAL_STEPS)
        add_street([(i + k, j + k) for k in range(DIAGONAL_STEPS + 1)], 1.0)

    extent = (grid - 1) * BLOCK
    points_rng = np.random.default_rng(SEED)

    def points(count):
        return points_rng.uniform(0, extent, count), points_rng.uniform(0, extent, count)

    return lines, factors, {"communities": points(COMMUNITIES), "facilities": points(FACILITIES),
                            "population": points(POPULATION)}


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kB on Linux


def run(grid):
    timings = []

    def timed(label, function):
        began = time.perf_counter()
        value = function()
        timings.append((label, time.perf_counter() - began))
        return value

    lines, factors, points = timed("generate the synthetic city (not engine)", lambda: make_city(grid))
    input_memory = peak_memory_mb()
    network = timed("build the graph", lambda: WalkingNetwork(lines, factors))
    all_x = np.concatenate([points[name][0] for name in ("communities", "facilities", "population")])
    all_y = np.concatenate([points[name][1] for name in ("communities", "facilities", "population")])
    snapped = timed("snap {:,} points (max {:.0f} m)".format(len(all_x), MAX_SNAP),
                    lambda: network.snap(all_x, all_y, MAX_SNAP))
    targets = snapped.subset(np.r_[0:COMMUNITIES, COMMUNITIES + FACILITIES:len(all_x)])
    facilities = snapped.subset(np.arange(COMMUNITIES, COMMUNITIES + FACILITIES))
    category = np.arange(FACILITIES) % CATEGORIES
    categories = [facilities.subset(category == code) for code in range(CATEGORIES)]
    timed("components", network.components)

    results = timed("{} nearest() passes, {:,} targets each, no cutoff".format(CATEGORIES, len(targets)),
                    lambda: [network.nearest(sources, targets) for sources in categories])
    for cutoff in CUTOFFS:
        timed("{} nearest() passes with cutoff {:.0f} m".format(CATEGORIES, cutoff),
              lambda: [network.nearest(sources, targets, cutoff=cutoff) for sources in categories])
    chosen = np.flatnonzero(results[0].status == REACHED)[:ROUTES]
    routes = timed("{} routes".format(len(chosen)), lambda: [results[0].route(i) for i in chosen])
    areas = timed("{} service areas of {:.0f} m".format(AREAS, AREA_LIMIT),
                  lambda: list(network.service_areas(categories[0].subset(np.arange(AREAS)), AREA_LIMIT)))

    engine = sum(seconds for label, seconds in timings if "not engine" not in label)
    print("network: {:,} nodes, {:,} segments, {:,} lines ({} skipped); {:,} points snapped of {:,}".format(
        network.node_count, network.segment_count, len(lines), len(network.problems.skipped_lines),
        int(snapped.is_snapped.sum()), len(snapped)))
    print("mean nearest distance, category 0: {:.1f} m; mean route vertices {:.1f}; mean area pieces {:.1f}".format(
        float(np.mean(results[0].distance[results[0].status == REACHED])),
        float(np.mean([len(route) for route in routes])), float(np.mean([len(pieces) for _, pieces in areas]))))
    print()
    print("| step | seconds |")
    print("|---|---:|")
    for label, seconds in timings:
        print("| {} | {:.2f} |".format(label, seconds))
    print("| **engine total** (everything but generating the city) | **{:.2f}** |".format(engine))
    print()
    print("peak memory (ru_maxrss): {:.0f} MB; after generating the input: {:.0f} MB".format(
        peak_memory_mb(), input_memory))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", type=int, default=GRID, help="nodes per side of the street grid")
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive calls (cProfile)")
    arguments = parser.parse_args()
    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, arguments.grid)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    else:
        run(arguments.grid)


if __name__ == "__main__":
    main()
