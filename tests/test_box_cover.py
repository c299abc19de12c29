"""core/box_cover.py: points and small boxes in or next to many boxes, found by a grid of cells."""

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
    assert cover.shape[0] * cover.shape[1] <= 10000 and cover.cell >= 990
    assert cover.contains([5, 99005, 50000], [5, 99005, 50000]).tolist() == [True, True, False]
    empty = BoxCover([np.inf], [0], [1], [np.nan])
    assert empty.empty and empty.contains([0.5], [0.5]).tolist() == [False]
    assert BoxCover([], [], [], []).contains(np.zeros(3), np.zeros(3)).tolist() == [False] * 3


def test_a_long_piece_crossing_a_box_with_its_middle_outside_is_found():
    """A 1 km street piece (-600,150)→(400,150) crosses the box (0,0)-(300,300): its middle (-100,150) lies
    outside, its bounds meet the box."""
    cover = BoxCover([0], [0], [300], [300])
    assert cover.contains([-100], [150]).tolist() == [False]
    assert cover.touches([-600], [150], [400], [150]).tolist() == [True]
    # Bounds beyond the grid on every side, inside a hole between boxes, beyond a cell, NaN, infinite.
    assert cover.touches([-1e9, -600, -600, np.nan, -np.inf], [-1e9, 320, 150, 0, 150],
                         [1e9, 400, -20, 10, np.inf], [1e9, 330, 150, 10, 150]).tolist() == [
        True, False, False, False, True]


def test_touches_agrees_with_the_marked_cells_looked_at_one_by_one():
    rng = np.random.default_rng(7)
    x0, y0 = rng.uniform(0, 900, 40), rng.uniform(0, 500, 40)
    x1, y1 = x0 + rng.uniform(0, 80, 40), y0 + rng.uniform(0, 80, 40)
    cover = BoxCover(x0, y0, x1, y1, cell=10)
    rows, columns = cover.shape

    def column(x):
        return int(min(max((x - cover.x0) // cover.cell, 0), columns - 1))

    def row(y):
        return int(min(max((y - cover.y0) // cover.cell, 0), rows - 1))

    marked = np.zeros((rows, columns), dtype=bool)
    for a, b, c, d in zip(x0, y0, x1, y1):
        marked[row(b):row(d) + 1, column(a):column(c) + 1] = True
    qx, qy = rng.uniform(-50, 1000, 2000), rng.uniform(-50, 600, 2000)
    qx1, qy1 = qx + rng.uniform(0, 120, 2000), qy + rng.uniform(0, 120, 2000)
    expected = []
    for a, b, c, d in zip(qx, qy, qx1, qy1):
        outside = c < cover.x0 or d < cover.y0 or a > cover.x0 + columns * cover.cell \
            or b > cover.y0 + rows * cover.cell
        expected.append(not outside and bool(marked[row(b):row(d) + 1, column(a):column(c) + 1].any()))
    assert cover.touches(qx, qy, qx1, qy1).tolist() == expected
    assert 0 < sum(expected) < len(expected)
    assert cover.contains(qx, qy).tolist() == cover.touches(qx, qy, qx, qy).tolist()
