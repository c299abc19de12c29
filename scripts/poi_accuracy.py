#!/usr/bin/env python3
"""How well real POIs are classified and placed: prints the figures the README quotes.

    /usr/bin/python3 scripts/poi_accuracy.py [--labelled tests/testdata/labelled_pois.csv] [--verbose]

1. The labelled set (tests/testdata/labelled_pois.csv): realistic Amap POIs — names and the types Amap gives
   them, over half of them generic (诊所, 乡镇以下级政府及事业单位, 生活服务场所, 物流速递, 公园…) — each with
   the category a planner would give it (empty: not a facility of the guide; several joined by ';').
   Prints the share classified exactly right, and how many out-of-scope POIs were counted for a guide item.
2. The sample district's exports (sample_data/sample_district_amap.csv in GCJ-02, …_baidu.csv in BD-09, written
   by scripts/make_sample_data.py): classification against the generator's labels, and the position error
   after converting back to WGS84/CGCS2000 against the true coordinates.

Exit status 1 when a target is missed (≥ 95 % correct, no out-of-scope POI counted, position error ≤ 1 m).
"""

import argparse
import csv
import os
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(REPOSITORY, "build", "plugins")
TARGET_ACCURACY = 0.95
TARGET_POSITION_M = 1.0


def _plugin():
    link = os.path.join(PLUGINS, "complete_community")
    if not os.path.exists(link):
        os.makedirs(PLUGINS, exist_ok=True)
        os.symlink(os.path.join("..", ".."), link)
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != REPOSITORY]
    sys.path.insert(0, PLUGINS)


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def score(rows, classify, verbose=False):
    """(correct, total, out-of-scope counted, mistakes) of rows with an 'expected' column."""
    correct, counted_out_of_scope, mistakes = 0, 0, []
    for row in rows:
        expected = tuple(code for code in (row["expected"] or "").split(";") if code)
        result = classify(row)
        if set(result.categories) == set(expected):
            correct += 1
        else:
            mistakes.append((row["name"], row.get("type", ""), ";".join(expected) or "-",
                             result.category_text or result.reason))
            if not expected and result.categories:
                counted_out_of_scope += 1
    if verbose:
        for mistake in mistakes:
            print("   wrong: {} [{}] expected {}, got {}".format(*mistake))
    return correct, len(rows), counted_out_of_scope, mistakes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", default=os.path.join(REPOSITORY, "tests", "testdata", "labelled_pois.csv"))
    parser.add_argument("--sample", default=os.path.join(REPOSITORY, "sample_data"))
    parser.add_argument("--verbose", action="store_true", help="list every misclassified POI")
    args = parser.parse_args(argv)
    _plugin()
    from complete_community.core import china_coordinates
    from complete_community.core.poi_classifier import PoiClassifier
    from complete_community.standards import load_standard
    from complete_community.standards.vocabulary import load_vocabularies

    standard = load_standard()
    vocabularies = load_vocabularies(standard)
    classifiers = {source: PoiClassifier(standard, vocabularies, source) for source in ("amap", "baidu")}
    ok = True

    rows = _read(args.labelled)
    generic_types = sum(1 for row in rows if row["expected"] and _is_generic(classifiers["amap"], row))
    in_scope = sum(1 for row in rows if row["expected"])
    correct, total, out_counted, _mistakes = score(
        rows, lambda row: classifiers[row["source"]].classify(row["name"], row["type"], row["typecode"]),
        args.verbose)
    print("Labelled set {}: {} POIs ({} facilities of the guide, {} of them with a generic type; {} not)".format(
        os.path.relpath(args.labelled, REPOSITORY), total, in_scope, generic_types, total - in_scope))
    print("  classified exactly right: {}/{} = {:.1%} (target ≥ {:.0%})".format(
        correct, total, correct / total, TARGET_ACCURACY))
    print("  out-of-scope POIs counted for a guide item: {} (target 0)".format(out_counted))
    ok &= correct / total >= TARGET_ACCURACY and out_counted == 0

    labels_path = os.path.join(args.sample, "sample_district_poi_labels.csv")
    if not os.path.exists(labels_path):
        print("No sample exports in {} (run `make sample_data/sample_district.gpkg`).".format(args.sample))
        return 0 if ok else 1
    labels = _read(labels_path)
    for source, file_name, system in (("amap", "sample_district_amap.csv", "gcj02"),
                                      ("baidu", "sample_district_baidu.csv", "bd09")):
        export = _read(os.path.join(args.sample, file_name))
        to_true = china_coordinates.converter(system, "wgs84")
        errors, rows = [], []
        for row, label in zip(export, labels):
            if source == "amap":
                lon, lat = (float(value) for value in row["location"].split(","))
                type_text, typecode = row["type"], row["typecode"]
            else:
                lon, lat = float(row["lng"]), float(row["lat"])
                type_text, typecode = row["tag"], ""
            true_lon, true_lat = float(label["lon_wgs84"]), float(label["lat_wgs84"])
            errors.append(china_coordinates.haversine_m(*to_true(lon, lat), true_lon, true_lat))
            rows.append(dict(name=row["name"], type=type_text, typecode=typecode, expected=label["category"]))
        correct, total, out_counted, _mistakes = score(
            rows, lambda row, s=source: classifiers[s].classify(row["name"], row["type"], row["typecode"]),
            args.verbose)
        offsets = [china_coordinates.haversine_m(lon_lat[0], lon_lat[1], float(label["lon_wgs84"]),
                                                 float(label["lat_wgs84"]))
                   for lon_lat, label in zip(_raw_positions(export, source), labels)]
        print("Sample district, {} export ({}, {} POIs):".format(source, system.upper(), total))
        print("  classified exactly right: {}/{} = {:.1%}; out-of-scope counted: {}".format(
            correct, total, correct / total, out_counted))
        print("  offset of the export from the true position: {:.0f}–{:.0f} m".format(min(offsets), max(offsets)))
        print("  position error after conversion: max {:.3f} m, mean {:.3f} m (target ≤ {:g} m; the export's "
              "6 decimals are ±0.06 m)".format(max(errors), sum(errors) / len(errors), TARGET_POSITION_M))
        ok &= correct / total >= TARGET_ACCURACY and out_counted == 0 and max(errors) <= TARGET_POSITION_M
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def _raw_positions(export, source):
    for row in export:
        if source == "amap":
            yield tuple(float(value) for value in row["location"].split(","))
        else:
            yield float(row["lng"]), float(row["lat"])


def _is_generic(classifier, row):
    """True when the POI's most specific type (or its code) is one the name has to decide."""
    from complete_community.standards.schema import normalise_label
    from complete_community.standards.vocabulary import GENERIC

    decision = classifier._typecode_decision(row["typecode"]) if row["typecode"] else None
    if decision is None:
        paths = classifier.type_paths(row["type"])
        decision = classifier.types.get(paths[0][-1]) if paths else None
    return decision is None or decision.kind == GENERIC or normalise_label(row["type"]) == ""


if __name__ == "__main__":
    sys.exit(main())
