# Every target sets itself up: a fresh machine needs only Python 3.11 and Node 20.
PY_BOOT ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
JS_STAMP := tests/js/node_modules/.installed

.PHONY: setup generate check test test-py test-js run bench lint new-version scaffold-migration clean

setup: $(STAMP)

$(STAMP): requirements/lock.txt pyproject.toml
	$(PY_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## generate: regenerate classes, registry, bundles and docs from schema/
generate: $(STAMP)
	$(PY) -m codegen

## check: fail if regenerating would change any committed file, a released schema changed, or a
## breaking change has no migration op
check: $(STAMP)
	$(PY) -m codegen --check

## test: every test: sync check, lint and types, Python tests, Node consumers
test: check lint test-py test-js

## lint: ruff on all Python, mypy on src/ and codegen/, the import contracts of docs/architecture.md
lint: $(STAMP)
	$(VENV)/bin/ruff check src codegen tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

test-py: $(STAMP) $(JS_STAMP)  # tests/docs runs the README's ajv example with node
	$(PY) -m pytest

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
	rm -rf $(VENV) tests/js/node_modules benchmarks/node/node_modules
