#!/usr/bin/env python3
"""Print the category code to suggest sites for: of the items whose facilities have a walking limit in the
standard, the one whose required rules fail in the most communities of an assessment GeoPackage (ties: the
standard's order). Used by scripts/run_demo.sh; reads the GeoPackage with sqlite3 (no QGIS needed).

    scripts/weakest_category.py out/sample_district_assessment.gpkg [standard id or YAML]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build" / "plugins"))

from complete_community.core import output_fields as F  # noqa: E402
from complete_community.core.sql import read_only_sqlite  # noqa: E402
from complete_community.core.status import FAIL  # noqa: E402
from complete_community.core.walking import category_limits  # noqa: E402
from complete_community.standards import load_standard  # noqa: E402

RULES_TABLE = "community_rules"


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    standard = load_standard(sys.argv[2] if len(sys.argv) > 2 else None)
    limits = category_limits(standard)
    connection = read_only_sqlite(sys.argv[1])
    rows = connection.execute(
        'SELECT "{item}", COUNT(DISTINCT "{community}") FROM "{table}" WHERE "{status}" = ? AND "{level}" = ? '
        'GROUP BY "{item}"'.format(item=F.ITEM.name, community=F.COMMUNITY_ID_ROW.name, table=RULES_TABLE,
                                   status=F.STATUS.name, level=F.LEVEL.name), (FAIL, "required")).fetchall()
    connection.close()
    failing = dict(rows)
    order = {item.code: position for position, item in enumerate(standard.items)}
    candidates = []
    for code, limit in limits.items():
        item = standard.category(code).item
        if limit.scope == "community" and standard.category(code).item == limit.rule_id.split(".")[0] and \
                failing.get(item):
            candidates.append((-failing[item], order.get(item, 99), code))
    if not candidates:
        raise SystemExit("no item with a walking limit fails in any community")
    print(sorted(candidates)[0][2])


if __name__ == "__main__":
    main()
