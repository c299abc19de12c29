"""Which points lie in or next to any of many boxes, for a whole city at once: the boxes are marked on a grid of
cells and each point is looked up by its cell (no object per point or box, no spatial index call per point).

    cover = BoxCover(x_min, y_min, x_max, y_max)        # arrays, one value per box (m)
    cover.contains(x, y)                                 # → bool array, one per point

A point inside a box is always found; a point outside every box is found when it shares a cell with one (within
one cell of its edge: `cover.cell` m). Service areas use it to draw their streets only around the communities
that do not meet a category's limit (processing/service_areas.py).
"""

import numpy as np

DEFAULT_CELL = 10.0            # m
MAXIMUM_CELLS = 4_000_000      # 4 MB of flags; a larger extent gets larger cells


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
        self.marked = np.zeros((rows, columns), dtype=bool)
        first_column, last_column = self._column(x_min), self._column(x_max)
        first_row, last_row = self._row(y_min), self._row(y_max)
        for row0, row1, column0, column1 in zip(first_row.tolist(), last_row.tolist(), first_column.tolist(),
                                                last_column.tolist()):
            self.marked[row0:row1 + 1, column0:column1 + 1] = True

    def _column(self, x):
        return np.clip(((x - self.x0) // self.cell).astype(np.int64), 0, self.marked.shape[1] - 1)

    def _row(self, y):
        return np.clip(((y - self.y0) // self.cell).astype(np.int64), 0, self.marked.shape[0] - 1)

    def contains(self, x, y):
        """Whether each point (x, y arrays) lies in a cell a box touches."""
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        found = np.zeros(len(x), dtype=bool)
        if self.empty:
            return found
        rows, columns = self.marked.shape
        with np.errstate(invalid="ignore"):
            inside = ((x >= self.x0) & (x <= self.x0 + columns * self.cell)
                      & (y >= self.y0) & (y <= self.y0 + rows * self.cell))
        found[inside] = self.marked[self._row(y[inside]), self._column(x[inside])]
        return found
