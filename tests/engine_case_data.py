"""The engine's test cases as data (testdata/engine_cases.yaml) and how a case's community is built.

Shared by tests/test_engine.py (the engine on records) and tests/test_evaluate_facilities.py (the same
cases through the Processing algorithm, as layers).
"""

import copy
import os

import yaml

from complete_community.core.records import CommunityRecord, FacilityRecord

CASES_PATH = os.path.join(os.path.dirname(__file__), "testdata", "engine_cases.yaml")
with open(CASES_PATH, encoding="utf-8") as _stream:
    CASES = yaml.safe_load(_stream)

COMMUNITY_KEYS = {"base", "type", "attributes", "facilities", "radius_m", "walking_m", "facility_attributes",
                  "add_facilities", "drop_categories", "walking_computed", "walking_notes"}


def build_community(spec, identifier="case"):
    """A CommunityRecord from a case's community (see the YAML header)."""
    spec = copy.deepcopy(spec)
    unknown = set(spec) - COMMUNITY_KEYS
    assert not unknown, "unknown community keys {}".format(sorted(unknown))
    merged = copy.deepcopy(CASES["communities"][spec.pop("base")]) if "base" in spec else {}
    merged.setdefault("attributes", {}).update(spec.pop("attributes", {}))
    merged.setdefault("walking_m", {}).update(spec.pop("walking_m", {}))
    if spec.pop("walking_computed", True) is False:
        merged["walking_m"] = {}
    facilities = [list(entry) for entry in spec.pop("facilities", merged.get("facilities", []))]
    dropped = set(spec.pop("drop_categories", []))
    facilities = [entry for entry in facilities
                  if not set(entry[0] if isinstance(entry[0], list) else [entry[0]]) & dropped]
    facilities += spec.pop("add_facilities", [])
    for category, values in spec.pop("facility_attributes", {}).items():
        assert any(entry[0] == category for entry in facilities), "no {} to change".format(category)
        facilities = [[entry[0], dict(entry[1] if len(entry) > 1 else {}, **values)] if entry[0] == category
                      else entry for entry in facilities]
    merged.update(spec)
    # A facility of several categories is written [[service_station, elderly_station], {...}]: one record per
    # category with the same fid, as the layer readers make them.
    records = tuple(FacilityRecord(index, category, dict(entry[1]) if len(entry) > 1 else {})
                    for index, entry in enumerate(facilities)
                    for category in (entry[0] if isinstance(entry[0], list) else [entry[0]]))
    return CommunityRecord(id=identifier, name=identifier, community_type=merged.get("type"),
                           attributes=merged["attributes"], facilities=records, radius_m=merged.get("radius_m"),
                           walking_m=merged["walking_m"], walking_notes=merged.get("walking_notes", {}))
