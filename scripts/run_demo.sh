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

step complete_community:classify_facilities "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
  "OUTPUT=$(into facilities)"
step complete_community:classify_facilities "FACILITIES=$SAMPLE|layername=facility_areas" CATEGORY_FIELD=category \
  "OUTPUT=$(into facility_areas)"
step complete_community:evaluate_scale "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
  COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population HOUSEHOLDS_FIELD=households TYPE_FIELD=community_type \
  "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category FACILITY_TOLERANCE=10 \
  "OUTPUT=$(into community_scale)" "OUTPUT_RULES=$(into community_scale_rules)"
step complete_community:evaluate_facilities "COMMUNITIES=$SAMPLE|layername=communities" COMMUNITY_ID_FIELD=community_id \
  COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population HOUSEHOLDS_FIELD=households TYPE_FIELD=community_type \
  "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
  "FACILITY_AREAS=$SAMPLE|layername=facility_areas" AREA_CATEGORY_FIELD=category FACILITY_TOLERANCE=10 \
  "OUTPUT=$(into community_facilities)" "OUTPUT_RULES=$(into community_facilities_rules)" \
  "OUTPUT_UNASSIGNED=$(into facilities_not_counted)"
step complete_community:evaluate_walking_access "COMMUNITIES=$SAMPLE|layername=communities" \
  COMMUNITY_ID_FIELD=community_id COMMUNITY_NAME_FIELD=name POPULATION_FIELD=population TYPE_FIELD=community_type \
  "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
  "FACILITY_AREAS=$SAMPLE|layername=facility_areas" AREA_CATEGORY_FIELD=category \
  "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable \
  "ORIGINS=$SAMPLE|layername=population_points" ORIGIN_POPULATION_FIELD=population \
  "OUTPUT=$(into community_walking)" "OUTPUT_RULES=$(into community_walking_rules)" \
  "OUTPUT_ORIGINS=$(into walking_origins)" "OUTPUT_ROUTES=$(into walking_routes)"
step complete_community:service_areas "FACILITIES=$SAMPLE|layername=facilities" CATEGORY_FIELD=category \
  "NETWORK=$SAMPLE|layername=roads" WALKABLE_FIELD=walkable "OUTPUT=$(into service_areas)"
step complete_community:export_map "INPUT=$RESULTS|layername=community_facilities" NAME_FIELD=name \
  "OVERLAYS=$RESULTS|layername=facility_areas" OUTPUT=out/sample_district_assessment_map.pdf
step complete_community:export_map "INPUT=$RESULTS|layername=community_facilities" NAME_FIELD=name \
  OUTPUT=out/sample_district_assessment_map.png DPI=150
step complete_community:describe_standard "OUTPUT=$(into standard_rules)" "OUTPUT_CATEGORIES=$(into standard_categories)"
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
