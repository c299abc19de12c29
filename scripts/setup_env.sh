#!/usr/bin/env bash
# Prepare this machine for `make test` / `make demo` / `make package`; safe to run again.
#  1. Debian packages: QGIS 3.22 with PyQGIS, Qt's lrelease, a CJK font, xvfb, PostgreSQL 15 + PostGIS 3 for
#     tests/test_postgis.py (its own server on a temporary port; no cluster is used) (apt, only if missing).
#  2. .venv: /usr/bin/python3 (the only interpreter with PyQGIS) with system site packages,
#     plus the pinned test dependencies of requirements-dev.txt (reinstalled when that file changes).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-venv python3-pip python3-shapely python3-yaml
              xvfb xauth fonts-wqy-microhei qttools5-dev-tools qttranslations5-l10n
              postgresql-15 postgresql-15-postgis-3 postgresql-15-postgis-3-scripts)
SYSTEM_PYTHON=/usr/bin/python3
VENV=.venv

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ! -x /usr/bin/qgis_process.bin ] || [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages (missing: ${missing[*]:-qgis_process.bin}); takes a few minutes"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: not root and no sudo: install ${APT_PACKAGES[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"
fi

# A .venv from another interpreter (e.g. pyenv's python3) cannot import qgis: make it again.
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c "import qgis.core" 2>/dev/null; then
  echo "setup: $VENV cannot import qgis.core; recreating it from $SYSTEM_PYTHON"
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
fi
if ! cmp -s requirements-dev.txt "$VENV/requirements-dev.installed"; then
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r requirements-dev.txt
  cp requirements-dev.txt "$VENV/requirements-dev.installed"
fi

# Tests and qgis_process reach the plugin as build/plugins/complete_community (the repository root).
mkdir -p build/plugins
[ -L build/plugins/complete_community ] || ln -sfn ../.. build/plugins/complete_community

echo "setup: ready in $(( $(date +%s) - started )) s ($("$VENV/bin/python" -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)'), $("$VENV/bin/python" -m pytest --version 2>&1))"
