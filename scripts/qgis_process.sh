#!/usr/bin/env bash
# qgis_process with the Complete Community plugin loaded from this checkout, your QGIS profile untouched.
#
#   scripts/qgis_process.sh list
#   scripts/qgis_process.sh help complete_community:describe_standard
#   scripts/qgis_process.sh run complete_community:describe_standard -- OUTPUT=out/rules.csv
#
# How qgis_process (QGIS 3.22) finds a Python plugin's provider: it looks in QGIS_PLUGINPATH and the
# profile's python/plugins folder, and loads a plugin only if its metadata.txt says
# hasProcessingProvider=yes AND the profile enables it (PythonPlugins/complete_community=true in
# QGIS/QGIS3.ini, what `qgis_process plugins enable complete_community` writes); it then calls
# classFactory() and initProcessing(), never initGui(). This script uses its own profile folder
# (QGIS_CUSTOM_CONFIG_PATH=build/qgis-profiles, or $CC_QGIS_PROFILES) and enables the plugin there.
# Debian's /usr/bin/qgis_process wrapper adds --noversioncheck, which 3.22 rejects: the real binary,
# qgis_process.bin, is called directly, with the wrapper's GRASS library path.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

binary=/usr/bin/qgis_process.bin
[ -x "$binary" ] || binary=$(command -v qgis_process.bin || command -v qgis_process) || {
  echo "qgis_process not found: run scripts/setup_env.sh (Debian) or install QGIS >= 3.22" >&2; exit 1; }

mkdir -p "$root/build/plugins"
[ -e "$root/build/plugins/complete_community" ] || ln -sfn ../.. "$root/build/plugins/complete_community"

export QGIS_PLUGINPATH="$root/build/plugins${QGIS_PLUGINPATH:+:$QGIS_PLUGINPATH}"
export QGIS_CUSTOM_CONFIG_PATH="${CC_QGIS_PROFILES:-$root/build/qgis-profiles}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$QGIS_CUSTOM_CONFIG_PATH/runtime}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
for grass_lib in /usr/lib/grass*/lib; do
  [ -d "$grass_lib" ] && export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$grass_lib"
done

settings="$QGIS_CUSTOM_CONFIG_PATH/profiles/default/QGIS/QGIS3.ini"
if ! grep -qx "complete_community=true" "$settings" 2>/dev/null; then
  if ! "$binary" plugins enable complete_community >/dev/null 2>&1 \
       || ! grep -qx "complete_community=true" "$settings" 2>/dev/null; then
    # A qgis_process without `plugins enable`: write the setting it reads.
    mkdir -p "$(dirname "$settings")"
    printf '\n[PythonPlugins]\ncomplete_community=true\n' >> "$settings"
  fi
fi

exec "$binary" "$@"
