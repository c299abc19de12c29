"""Which points or small boxes (street pieces) lie in or next to any of many boxes, for a whole city at once: the
boxes are marked on a grid of cells and each query is answered from a summed table of the marked cells (no object
per point or box, no spatial index call per query: O(1) each).

    cover = BoxCover(x_min, y_min, x_max, y_max)        # arrays, one value per box (m)
    cover.contains(x, y)                                 # → bool array, one per point
    cover.touches(x_min, y_min, x_max, y_max)            # → bool array, one per query box (a piece's bounds)

A point or query box meeting a box is always found; one meeting none is found when it shares a cell with one
(within one cell of its edge: `cover.cell` m). Service areas use it to draw their streets only around the
communities that do not meet a category's limit (processing/service_areas.py): a street piece is kept when its
bounds meet a marked cell, so a long piece crossing a community with its middle outside it is kept.
"""

import numpy as np

DEFAULT_CELL = 10.0            # m
MAXIMUM_CELLS = 4_000_000      # 16 MB of counts; a larger extent gets larger cells


class BoxCover:
    def __init__(self, x_min, y_min, x_max, y_max, cell=DEFAULT_CELL, maximum_cells=MAXIMUM_CELLS):
        x_min, y_min, x_max, y_max = (np.asarray(values, dtype=np.float64) for values in (x_min, y_min, x_max, y_max))
        usable = np.isfinite(x_min) & np.isfinite(y_min) & np.isfinite(x_max) & np.isfinite(y_max)
        usable &= (x_max >= x_min) & (y_max >= y_min)
        x_min, y_min, x_max, y_max = x_min[usable], y_min[usable], x_max[usable], y_max[usable]
        self.empty = not len(x_min)
        if self.empty:
            self.cell = float(cell)
            return
        self.x0, self.y0 = float(x_min.min()), float(y_min.min())
        width, height = float(x_max.max()) - self.x0, float(y_max.max()) - self.y0
        self.cell = max(float(cell), float(np.sqrt(max(width * height, 0.0) / maximum_cells)))
        columns, rows = int(width // self.cell) + 1, int(height // self.cell) + 1
        while columns * rows > maximum_cells:  # a long thin extent: the square root was not enough
            self.cell *= 1.5
            columns, rows = int(width // self.cell) + 1, int(height // self.cell) + 1
        self.shape = (rows, columns)
        first_column, last_column = self._column(x_min), self._column(x_max)
        first_row, last_row = self._row(y_min), self._row(y_max)
        # Every box at once: +1/−1 at its corners, summed along both axes → how many boxes cover each cell.
        covering = np.zeros((rows + 1, columns + 1), dtype=np.int32)
        np.add.at(covering, (first_row, first_column), 1)
        np.add.at(covering, (first_row, last_column + 1), -1)
        np.add.at(covering, (last_row + 1, first_column), -1)
        np.add.at(covering, (last_row + 1, last_column + 1), 1)
        np.cumsum(covering, axis=0, out=covering)
        np.cumsum(covering, axis=1, out=covering)
        # marked_before[r, c]: the marked cells of rows < r and columns < c (a summed-area table).
        self.marked_before = np.zeros((rows + 1, columns + 1), dtype=np.int32)
        np.greater(covering[:-1, :-1], 0, out=self.marked_before[1:, 1:])
        del covering
        np.cumsum(self.marked_before, axis=0, out=self.marked_before)
        np.cumsum(self.marked_before, axis=1, out=self.marked_before)

    def _column(self, x):
        return np.clip(((x - self.x0) // self.cell).astype(np.int64), 0, self.shape[1] - 1)

    def _row(self, y):
        return np.clip(((y - self.y0) // self.cell).astype(np.int64), 0, self.shape[0] - 1)

    def contains(self, x, y):
        """Whether each point (x, y arrays) lies in a cell a box touches."""
        return self.touches(x, y, x, y)

    def touches(self, x_min, y_min, x_max, y_max):
        """Whether each query box (arrays of its bounds) meets a cell a box touches; a NaN bound: False."""
        x_min, y_min, x_max, y_max = (np.asarray(values, dtype=np.float64) for values in (x_min, y_min, x_max, y_max))
        found = np.zeros(len(x_min), dtype=bool)
        if self.empty:
            return found
        rows, columns = self.shape
        x_end, y_end = self.x0 + columns * self.cell, self.y0 + rows * self.cell
        with np.errstate(invalid="ignore"):
            inside = (x_max >= self.x0) & (x_min <= x_end) & (y_max >= self.y0) & (y_min <= y_end)
            inside &= (x_min <= x_max) & (y_min <= y_max)
        # Clipped to the grid first: an infinite bound is its edge, not an integer overflow.
        first_column = self._column(np.clip(x_min[inside], self.x0, x_end))
        last_column = self._column(np.clip(x_max[inside], self.x0, x_end)) + 1
        first_row = self._row(np.clip(y_min[inside], self.y0, y_end))
        last_row = self._row(np.clip(y_max[inside], self.y0, y_end)) + 1
        before = self.marked_before
        found[inside] = (before[last_row, last_column] - before[first_row, last_column]
                         - before[last_row, first_column] + before[first_row, first_column]) > 0
        return found
