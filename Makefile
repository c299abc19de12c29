# Complete Community (完整居住社区) — QGIS plugin. The repository root is the plugin folder.
#   make test          set up (apt + .venv, idempotent), build .qm and sample data, run pytest
#   make demo          run the demo algorithms through qgis_process into out/
#   make package       dist/complete_community-<version>.zip, installable in QGIS
#   make translations  update i18n/*.ts from the sources, then build the .qm files
#   make clean         remove everything built (keeps .venv; `make distclean` removes it too)

SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV_PYTHON := .venv/bin/python
TS_FILES := $(wildcard i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# The sample data script is written separately: build the sample data only once it exists.
SAMPLE_DATA := $(if $(wildcard scripts/make_sample_data.py),sample_data/sample_district.gpkg)
PYTEST_ARGS ?=

.PHONY: test demo package translations qm setup clean distclean bench screenshots

# A recipe that fails leaves no half-written target behind (the sample data script writes several files).
.DELETE_ON_ERROR:

test: setup qm $(SAMPLE_DATA)
	QT_QPA_PLATFORM=offscreen PYTHONSAFEPATH=1 $(VENV_PYTHON) -m pytest tests $(PYTEST_ARGS)

demo: setup qm $(SAMPLE_DATA)
	scripts/run_demo.sh

package: setup
	$(SYSTEM_PYTHON) scripts/package.py

bench: setup qm
	QT_QPA_PLATFORM=offscreen $(VENV_PYTHON) scripts/bench.py $(BENCH_ARGS)
	QT_QPA_PLATFORM=offscreen $(VENV_PYTHON) scripts/bench_siting.py $(SITING_BENCH_ARGS)

screenshots: setup qm $(SAMPLE_DATA)
	xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb LANG=zh_CN.UTF-8 $(VENV_PYTHON) scripts/screenshots.py

setup:
	scripts/setup_env.sh

qm: $(QM_FILES)

i18n/%.qm: i18n/%.ts | setup
	$(SYSTEM_PYTHON) scripts/update_translations.py --release

translations: | setup
	$(SYSTEM_PYTHON) scripts/update_translations.py

sample_data/sample_district.gpkg: scripts/make_sample_data.py core/china_coordinates.py | setup
	$(VENV_PYTHON) scripts/make_sample_data.py --output $@

clean:
	rm -rf build dist out .pytest_cache .qgis-settings sample_data/*.gpkg i18n/*.qm
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv
