# The project's interface. `make build` and `make test` set everything up on a fresh Debian
# machine with Python 3.11: a virtualenv with locked packages and, when run as root, the
# Debian packages the build and the browser tests need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ORG    ?=

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
ifneq ($(ORG),)
export KRACHTWERK_EDITIE := $(abspath $(ORG))
endif

# WeasyPrint's libraries (its documented Debian list): a minimal Debian with only Python lacks pango.
BUILD_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS  := chromium nginx

.PHONY: build test serve check schema js lock setup clean offline bench editions uitgave

build: setup
	$(BIN)/mkdocs build

test: setup debs-test
	$(BIN)/python -m pytest

# --dirty: a rebuild renders only what an edit touched (macros/build/preview.py); the bench's
# serve latency (bench/serve_latency.py) reads these flags from here.
SERVE_FLAGS := --livereload --dirty
serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(SERVE_FLAGS)

# A copy that works when opened from disk or a network drive (file://): search and worksheets
# included. Unzip it anywhere and open handboek/index.html.
OFFLINE_ZIP := krachtwerk-handboek-offline.zip
offline: setup
	rm -rf .offline $(OFFLINE_ZIP)
	KRACHTWERK_OFFLINE=true $(BIN)/mkdocs build --site-dir .offline/handboek
	cd .offline && $(abspath $(BIN))/python -m zipfile -c $(abspath $(OFFLINE_ZIP)) handboek
	rm -rf .offline
	@echo "Klaar: $(OFFLINE_ZIP) (pak uit en open handboek/index.html)"

# Every edition in site_config/ into site-edities/<map>/, one after the other, each with its
# PDFs on every core and the one PDF cache (a PDF that is the same in two editions is made once).
editions: setup
	$(BIN)/python -m macros edities

# Keep this build's manifest as a release, for the page "Wat is er veranderd" of later builds:
# `make uitgave NAAM=2026-12` writes data/uitgaven/2026-12.json.
uitgave: setup
	@test -n "$(NAAM)" || { echo "Geef de uitgave een naam: make uitgave NAAM=2026-12"; exit 2; }
	$(BIN)/python -m macros uitgave $(NAAM)

# Build costs, cache and parallel gains, growth: writes bench/results.json and a table.
bench: setup
	$(BIN)/python bench/run.py

check: setup
	$(BIN)/python -m macros check

schema: setup
	$(BIN)/python -m macros schema

# The worksheet script: esbuild (pinned in macros/web/worksheet_script.py, installed with npm
# into .tools/) bundles content/assets/js/worksheet/*.js into content/assets/js/worksheet.js.
# Run it after changing a module and commit the result; building the site needs no node.
js: setup
	$(call need_debs,$(if $(shell command -v npm),,npm))
	$(BIN)/python -m macros js

setup: $(VENV)/.installed debs-build

$(VENV)/.installed: requirements.lock pyproject.toml
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages: installed only when missing and only as root; otherwise say what is missing.
define need_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Debian-pakketten installeren:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Let op: ontbrekende Debian-pakketten:$$missing (installeer ze als root)"; fi; \
	fi
endef

# The Nu Html Checker for tests/test_site_html.py: Java (Debian) and vnu.jar (npm's vnu-jar, in
# .tools/; --ignore-scripts skips its postinstall, which would try to download a Java runtime).
VNU_VERSION := 26.9.27
VNU_JAR     := .tools/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: debs-build debs-test
debs-build:
	$(call need_debs,$(BUILD_DEBS))

debs-test:
	$(call need_debs,$(TEST_DEBS))
	$(call need_debs,$(if $(shell command -v java),,default-jre-headless) $(if $(shell command -v npm),,npm))
	@if [ ! -f $(VNU_JAR) ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "Nu Html Checker installeren: vnu-jar@$(VNU_VERSION) in .tools/"; \
	    npm install --prefix .tools --no-audit --no-fund --ignore-scripts --loglevel=error vnu-jar@$(VNU_VERSION); \
	  else echo "Let op: npm ontbreekt, dus vnu.jar ook (installeer npm als root)"; fi; \
	fi

# Resolves pyproject.toml in a fresh venv of its own (mktemp: two checkouts locking at once do
# not share a folder). Versions already in the lock stay as they are, so adding a package adds
# only it and what it needs; `make lock UPGRADE=1` moves everything to the newest allowed.
lock:
	set -e; venv=$$(mktemp -d); trap 'rm -rf "$$venv"' EXIT; \
	$(PYTHON) -m venv "$$venv"; \
	"$$venv/bin/pip" install --quiet $(if $(UPGRADE),,-c requirements.lock) '.[test]'; \
	rm -rf build; \
	( echo '# Exact versions installed by `make` (generated by `make lock` from pyproject.toml).'; \
	  "$$venv/bin/pip" freeze --exclude krachtwerk-handboek ) > requirements.lock.new; \
	mv requirements.lock.new requirements.lock

clean:
	rm -rf site site-edities .cache
