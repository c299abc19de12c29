"""core/box_cover.py: points in or next to many boxes, found by a grid of cells."""

import numpy as np

from complete_community.core.box_cover import BoxCover


def test_points_inside_are_found_and_points_beyond_a_cell_are_not():
    cover = BoxCover([0, 1000], [0, 0], [100, 1100], [50, 30], cell=10)
    x = np.array([0, 100, 50, 1050, 100 + 10.5, 50, 500, np.nan, -1e9])
    y = np.array([0, 50, 25, 30, 25, 50 + 10.5, 20, 0, 0])
    assert cover.contains(x, y).tolist() == [True, True, True, True, False, False, False, False, False]
    # Next to an edge, within the cell the edge lies in: found (never a point inside left out).
    assert cover.contains([100 + 0.5], [25]).tolist() == [True]


def test_a_large_extent_gets_larger_cells_and_no_box_is_empty():
    cover = BoxCover([0, 99000], [0, 99000], [10, 99010], [10, 99010], cell=1, maximum_cells=10000)
    assert cover.marked.size <= 10000 and cover.cell >= 990
    assert cover.contains([5, 99005, 50000], [5, 99005, 50000]).tolist() == [True, True, False]
    empty = BoxCover([np.inf], [0], [1], [np.nan])
    assert empty.empty and empty.contains([0.5], [0.5]).tolist() == [False]
    assert BoxCover([], [], [], []).contains(np.zeros(3), np.zeros(3)).tolist() == [False] * 3
