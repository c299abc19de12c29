#!/usr/bin/env bash
# The demo: the plugin's main job on the sample district, through qgis_process (scripts/qgis_process.sh).
#
# Every result goes into ONE GeoPackage, out/sample_district_assessment.gpkg, each layer with its style
# saved as the layer's default (open it in QGIS: the layers come styled). The standard's tables are
# also written as spreadsheets for reading. Add a step with a `step` line below.
# Run `LANG=zh_CN.UTF-8 make demo` for Chinese messages and legend labels.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

SAMPLE=sample_data/sample_district.gpkg
RESULTS=out/sample_district_assessment.gpkg
qgis_process=scripts/qgis_process.sh

# A destination for a layer of the results GeoPackage.
into() { printf "ogr:dbname='%s' table=\"%s\" (geom)" "$RESULTS" "$1"; }

[ -e "$SAMPLE" ] || { echo "demo: $SAMPLE is missing: run 'make sample_data/sample_district.gpkg'" >&2; exit 1; }
available=$("$qgis_process" list 2>/dev/null | grep -o 'complete_community:[a-z0-9_]*' || true)
if [ -z "$available" ]; then
  echo "demo: qgis_process does not list the provider complete_community; see README, 'Running with qgis_process'" >&2
  exit 1
fi
echo "demo: provider complete_community offers: $(echo $available)"

mkdir -p out
rm -f "$RESULTS"  # a fresh file: no layer left over from an older run
stamp=$(mktemp "${TMPDIR:-/tmp}/complete_community_demo.XXXXXX")
trap 'rm -f "$stamp"' EXIT
ran=0 failed=0

step() {
  local algorithm=$1; shift
  echo; echo "demo: $algorithm $*"
  if "$qgis_process" run "$algorithm" -- "$@" 2> >(grep -v -e XDG_RUNTIME_DIR -e 'setapi() is deprecated' >&2); then
    ran=$((ran + 1))
  else
    echo "demo: $algorithm FAILED" >&2; failed=$((failed + 1))
  fi
}

# The main job: every evaluation in one run → GeoPackage of styled layers, HTML report, PDF map.
step complete_community:assess "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
  COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population HOUSEHOLDS_FIELD=households TYPE_FIELD=community_type \
  "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
  "FACILITY_AREAS=$SAMPLE|layername=facility_areas" AREA_CATEGORY_FIELD=category FACILITY_TOLERANCE=10 \
  "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable \
  "ORIGINS=$SAMPLE|layername=population_points" ORIGIN_POPULATION_FIELD=population \
  AREA_FIELD=street "ORGANISATION=示例规划设计研究院" \
  "OUTPUT_GPKG=$RESULTS" OUTPUT_REPORT=out/sample_district_report.html OUTPUT_MAP=out/sample_district_map.pdf \
  OUTPUT_XLSX=out/sample_district_assessment.xlsx OUTPUT_ATLAS=out/sample_district_atlas.pdf
step complete_community:export_map "INPUT=$RESULTS|layername=communities" NAME_FIELD=name \
  "ROADS=$SAMPLE|layername=roads" "FACILITIES=$RESULTS|layername=facilities" \
  "OVERLAYS=$RESULTS|layername=facility_areas" OUTPUT=out/sample_district_map.png DPI=150
# Real data in one step: the same district as an Amap export (GCJ-02) and a Baidu export (BD-09), imported
# (coordinates corrected, POIs classified), then assessed like the clean layers.
POIS=out/sample_district_pois.gpkg
rm -f "$POIS" out/sample_district_from_amap.gpkg  # fresh files, as for the main results
pois_into() { printf "ogr:dbname='%s' table=\"%s\" (geom)" "$POIS" "$1"; }
step complete_community:import_pois INPUT=sample_data/sample_district_amap.csv \
  "OUTPUT=$(pois_into amap_pois)" "OUTPUT_UNMATCHED=$(pois_into amap_not_counted)"
step complete_community:import_pois INPUT=sample_data/sample_district_baidu.csv \
  "OUTPUT=$(pois_into baidu_pois)" "OUTPUT_UNMATCHED=$(pois_into baidu_not_counted)"
step complete_community:assess "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
  COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population HOUSEHOLDS_FIELD=households TYPE_FIELD=community_type \
  "FACILITIES=$POIS|layername=amap_pois" CATEGORY_FIELD=cc_category FACILITY_TOLERANCE=10 \
  "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable CATEGORIES=pharmacy,parking \
  OUTPUT_GPKG=out/sample_district_from_amap.gpkg OUTPUT_REPORT=out/sample_district_from_amap.html

# 补短板: the weakest item with a walking limit (failing in most communities), one site suggested inside each
# community lacking it, and that scheme assessed: out/sample_district_scheme_report.html, 补短板 section.
weakest=$(/usr/bin/python3 scripts/weakest_category.py "$RESULTS" 2>/dev/null || true)
if [ -n "$weakest" ]; then
  echo; echo "demo: weakest item with a walking limit: $weakest"
  step complete_community:suggest_sites "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
    COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population TYPE_FIELD=community_type \
    "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
    "FACILITY_AREAS=$SAMPLE|layername=facility_areas" AREA_CATEGORY_FIELD=category \
    "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable \
    "ORIGINS=$SAMPLE|layername=population_points" ORIGIN_POPULATION_FIELD=population \
    "CATEGORY=$weakest" OBJECTIVE=1 "OUTPUT=$(into suggested_sites)" "OUTPUT_COMMUNITIES=$(into suggested_sites_communities)"
  step complete_community:assess "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
    COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population HOUSEHOLDS_FIELD=households TYPE_FIELD=community_type \
    "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
    "FACILITY_AREAS=$SAMPLE|layername=facility_areas" AREA_CATEGORY_FIELD=category FACILITY_TOLERANCE=10 \
    "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable \
    "ORIGINS=$SAMPLE|layername=population_points" ORIGIN_POPULATION_FIELD=population \
    "PROPOSED_FACILITIES=$RESULTS|layername=suggested_sites" \
    OUTPUT_GPKG=out/sample_district_scheme.gpkg OUTPUT_REPORT=out/sample_district_scheme_report.html
fi
# The standards as tables, to read or print.
step complete_community:describe_standard OUTPUT=out/standard_rules.xlsx OUTPUT_CATEGORIES=out/standard_categories.xlsx
step complete_community:describe_standard STANDARD=xiamen_complete_community OUTPUT=out/xiamen_standard_rules.xlsx

echo
echo "demo: $ran step(s) ran, $failed failed. Files written:"
find out -type f -newer "$stamp" | sort | sed 's/^/  /'
if command -v ogrinfo >/dev/null; then
  echo "demo: layers in $RESULTS:"
  ogrinfo -q "$RESULTS" | sed 's/^/  /'
fi
[ "$failed" -eq 0 ] && [ "$ran" -gt 0 ]
