#!/usr/bin/env python3
"""The size of each layer of a GeoPackage, its spatial index included (SQLite's dbstat), largest first.

    /usr/bin/python3 scripts/gpkg_sizes.py build/bench/assessment/assessment.gpkg [more.gpkg …]

Prints a Markdown table: layer, rows, MB (pages of the table and of its rtree_<table>_* index), bytes per row.
What belongs to no layer (gpkg_* tables, metadata) is summed on one line.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build" / "plugins"))

from complete_community.core.sql import quoted_identifier, read_only_sqlite  # noqa: E402

OTHER = "(the GeoPackage's own tables, metadata)"


def layer_sizes(path):
    """(page size, [(layer, rows, bytes), ...] largest first) of one GeoPackage."""
    connection = read_only_sqlite(path)
    try:
        layers = [name for (name,) in connection.execute("SELECT table_name FROM gpkg_contents")]
        by_layer = {}
        for name, size in connection.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            owner = next((layer for layer in layers
                          if name.lower() == layer.lower() or name.lower().startswith("rtree_{}_".format(layer.lower()))),
                         OTHER)
            by_layer[owner] = by_layer.get(owner, 0) + size
        rows = {layer: connection.execute("SELECT count(*) FROM {}".format(quoted_identifier(layer))).fetchone()[0]
                for layer in layers if layer in by_layer}
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    return page_size, sorted(((layer, rows.get(layer), size) for layer, size in by_layer.items()),
                             key=lambda entry: -entry[2])


def main(paths):
    for path in paths:
        page_size, layers = layer_sizes(path)
        print("{}: {:.1f} MB, {:,}-byte pages".format(path, os.path.getsize(path) / 1e6, page_size))
        print()
        print("| layer | rows | MB | bytes per row |")
        print("|---|---:|---:|---:|")
        for layer, rows, size in layers:
            print("| {} | {} | {:.1f} | {} |".format(layer, "{:,}".format(rows) if rows is not None else "",
                                                     size / 1e6, "{:,.0f}".format(size / rows) if rows else ""))
        print()
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1:]))
