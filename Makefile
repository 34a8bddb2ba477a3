# Two commands from a fresh clone:  make demo  (site on http://127.0.0.1:8000)  and  make test.

PORT ?= 8000
# Every command below sees it: the settings build the site's address (links in e-mails and
# the API) from it, and seed_demo gives the Wagtail Site the same host and port.
export PORT
VENV := .venv
PY := $(VENV)/bin/python
# Python keeps the bytecode of what it imports (__pycache__/, ignored by git) even where the
# environment says not to: without it every process compiles Django and Wagtail again, and
# pytest rewrites every test module again. Measured: collecting the suite takes 12.6 s the
# first time and 3.5 s after; a test run starts about ten processes per pass.
unexport PYTHONDONTWRITEBYTECODE
# Django 6.1 needs Python 3.12+; the default python3 may be older (pyenv shims included).
PYTHON ?= $(shell for p in python3.12 python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /root/.pyenv/versions/3.12*/bin/python3.12; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo "$$p"; break; }; done)

.PHONY: install lock demo serve migrate seed test test-postgres lint format check bench clean

# Exactly the versions and files (sha256) in the lock; see requirements/lock.sh.
# pip installs uv (requirements/uv.txt), and uv the rest: the same hashes, in seconds.
$(VENV)/.installed: requirements/dev.txt requirements/uv.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12+ is required (python3.12 not found)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements/uv.txt
	UV_PYTHON_DOWNLOADS=never $(VENV)/bin/uv pip sync --quiet --python $(PY) --require-hashes requirements/dev.txt
	@touch $@

# axe-core for the accessibility tests, from the npm registry (skipped where npm is absent).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

install: $(VENV)/.installed node_modules/.installed

## After changing dependencies in pyproject.toml: re-resolve the lock, then commit it.
lock: $(VENV)/.installed
	UV=$(VENV)/bin/uv PYTHON=$(PY) requirements/lock.sh

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

## The demo on SQLite: install, migrate, seed, then serve with the scheduler beside it.
demo: seed
	$(PY) manage.py run_scheduler --interval 15 & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite (DATABASE_URL=postgres://... runs it on PostgreSQL), one process per
## core (pytest-xdist; PYTEST_WORKERS=0 runs it in this process). A test file stays in one
## process: its module fixtures are built once.
PYTEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lckzm} $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

## Ruff, then import-linter: one direction of imports between the apps, no import cycles
## (the contracts are [tool.importlinter] in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	UV=$(VENV)/bin/uv PYTHON=$(PY) requirements/lock.sh --check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-xxxxxxxxxxxxxxxxxxxx ALLOWED_HOSTS=example.org SINGLE_PROCESS=yes \
		DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py check --deploy --fail-level WARNING

## Benchmarks: they print their figures (see README, "Performance").
bench: install
	$(PY) bench/import_export.py --db sqlite --count 1000
	$(PY) bench/import_export.py --db sqlite --count 1000 --draft
	$(PY) bench/import_export.py --db postgres --count 1000
	$(PY) bench/import_export.py --db postgres --count 1000 --draft
	$(PY) bench/portal.py --db sqlite
	$(PY) bench/portal.py --db postgres
	$(PY) bench/api_sync.py --db sqlite --count 1000
	$(PY) bench/api_sync.py --db postgres --count 1000
	$(PY) bench/search.py --db postgres --count 5000
	$(PY) bench/word_files.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache .grimp_cache .test-media
