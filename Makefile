# Every target sets itself up: a fresh machine needs only Python 3.11 and Node 20.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PY_BOOT ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
JS_STAMP := tests/js/node_modules/.installed
TS_STAMP := codegen/ts/node_modules/.installed
DOCS_STAMP := $(VENV)/.docs-installed
DOCS_OUT ?= build/docs

.PHONY: setup generate check test test-fast test-py test-js run bench lint new-version scaffold-migration docs clean

setup: $(STAMP)

# The first set-up takes a minute or two: say what is installed instead of pausing silently.
$(STAMP): requirements/lock.txt pyproject.toml
	@echo "setting up $(VENV): $$(grep -c '^[A-Za-z]' requirements/lock.txt) pinned packages from requirements/lock.txt, then this package (editable)"
	$(PY_BOOT) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --progress-bar off -r requirements/lock.txt \
		| { grep -E '^(Collecting|Successfully installed)' || true; }
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@echo "$(VENV) is ready"
	touch $@

# Sphinx, its theme, MyST and Selenium (the site's browser test), pinned on top of the main lock.
$(DOCS_STAMP): $(STAMP) requirements/docs.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements/lock.txt -r requirements/docs.txt
	touch $@

$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@echo "installing the Node consumers pinned in tests/js/package-lock.json"
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# json-schema-to-typescript, which writes _schemas/<v>/bundle.d.ts (pinned in codegen/ts/package-lock.json).
$(TS_STAMP): codegen/ts/package.json codegen/ts/package-lock.json
	cd codegen/ts && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## generate: regenerate classes, registry, bundles and docs from schema/
generate: $(STAMP) $(TS_STAMP)
	$(PY) -m codegen

## check: fail if regenerating would change any committed file, a released schema changed, or a
## breaking change has no migration op
check: $(STAMP) $(TS_STAMP)
	$(PY) -m codegen --check

## test: every test: sync check, lint and types, Python tests, Node consumers
test: check lint test-py test-js

## test-fast: the inner loop: the Python tests not marked slow, on every core (under a minute)
test-fast: $(STAMP) $(JS_STAMP) $(TS_STAMP) $(DOCS_STAMP)
	$(PY) -m pytest -n auto -m "not slow"

## lint: ruff on all Python, mypy on src/ and codegen/, the import contracts of docs/architecture.md,
## and the typing suite (tests/typing) under strict mypy and the pinned pyright
lint: $(STAMP) $(JS_STAMP)
	$(VENV)/bin/ruff check src codegen tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy --strict --warn-unused-ignores tests/typing
	tests/js/node_modules/.bin/pyright -p tests/typing

## docs: build the documentation site into build/docs/html (offline; every warning is an error)
docs: $(DOCS_STAMP)
	$(PY) -m codegen.site $(DOCS_OUT)/src
	$(PY) -m sphinx -q -E -W --keep-going -n -b html $(DOCS_OUT)/src $(DOCS_OUT)/html
	@echo "site built: $(DOCS_OUT)/html/index.html"

test-py: $(STAMP) $(JS_STAMP) $(TS_STAMP) $(DOCS_STAMP)  # tests/docs runs the README's ajv example with node; tests/site builds the site
	$(PY) -m pytest -n auto

test-js: $(STAMP) $(JS_STAMP)
	cd tests/js && npm test

## run: regenerate, validate the examples, and migrate an old one
run: generate
	$(VENV)/bin/nip-params validate examples/*.json examples/*.yaml
	$(VENV)/bin/nip-params migrate --dry-run examples/old/pvg_v0.1_code_validation.json
	$(VENV)/bin/nip-params migrate --dry-run --from unversioned examples/old/unversioned_spg_debate.json

## new-version: start schema VERSION (copy the current one, lock it, scaffold the migration step)
new-version: $(STAMP)
	@test -n "$(VERSION)" || { echo "usage: make new-version VERSION=x.y" >&2; exit 2; }
	$(PY) -m codegen.new_version $(VERSION)

## scaffold-migration: append to the newest version's migration.json the ops its breaking changes need
scaffold-migration: $(STAMP)
	$(PY) -m codegen.new_version --scaffold

## bench: every benchmark table (SECTION=scale: only the run-history section; SCALE_RUNS=N its size)
SECTION ?= all
bench: $(STAMP)
	$(PY) benchmarks/run.py --section $(SECTION) $(if $(SCALE_RUNS),--scale-runs $(SCALE_RUNS))

clean:
	rm -rf $(VENV) tests/js/node_modules codegen/ts/node_modules benchmarks/node/node_modules $(DOCS_OUT)
