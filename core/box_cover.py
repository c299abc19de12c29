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
        # marked_before[r, c]: how many cells of rows < r and columns < c are marked (a summed-area table, flat):
        # the marked cells set to 1 (shifted by one row and column), then summed along both axes in place.
        before = np.zeros((rows + 1, columns + 1), dtype=np.int32)
        first_column, last_column = self._column(x_min), self._column(x_max)
        first_row, last_row = self._row(y_min), self._row(y_max)
        for row0, row1, column0, column1 in zip(first_row.tolist(), last_row.tolist(), first_column.tolist(),
                                                last_column.tolist()):
            before[row0 + 1:row1 + 2, column0 + 1:column1 + 2] = 1
        np.cumsum(before, axis=0, out=before)
        np.cumsum(before, axis=1, out=before)
        self.marked_before = before.ravel()

    def _column(self, x):
        """The cell column of each x (≥ x0: truncation is the floor, faster than //)."""
        return np.minimum(((x - self.x0) * (1.0 / self.cell)).astype(np.int64), self.shape[1] - 1)

    def _row(self, y):
        return np.minimum(((y - self.y0) * (1.0 / self.cell)).astype(np.int64), self.shape[0] - 1)

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
        if not inside.all():
            x_min, y_min, x_max, y_max = x_min[inside], y_min[inside], x_max[inside], y_max[inside]
        # Clipped to the grid first: an infinite bound is its edge, not an integer overflow.
        first_column = self._column(np.maximum(x_min, self.x0))
        last_column = self._column(np.minimum(x_max, x_end)) + 1
        first_row = self._row(np.maximum(y_min, self.y0)) * (columns + 1)
        last_row = (self._row(np.minimum(y_max, y_end)) + 1) * (columns + 1)
        before = self.marked_before
        marked = before[last_row + last_column] - before[first_row + last_column]
        marked -= before[last_row + first_column]
        marked += before[first_row + first_column]
        found[inside] = marked > 0
        return found
