# Nordpeer: `make run` sets up and starts the demo; `make test` runs every check.
# Both work on a fresh machine: they install what they need first.

VENV      ?= .venv
PY        := $(VENV)/bin/python
PYTEST    := $(VENV)/bin/pytest
RUFF      := $(VENV)/bin/ruff
PG_URL    ?= postgres://postgres@127.0.0.1:5432/nordpeer
# Run apt-get only where we may (root); otherwise say what is missing.
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup lexicon run serve test test-fast test-services lint test-sqlite test-postgres benchmark benchmark-serve benchmark-peer system-packages browser messages clean

## Set-up ----------------------------------------------------------------------

# uv (from PyPI) fetches and installs the pinned set in parallel: seconds where pip takes minutes.
# pip does the same work where uv cannot be had.
$(VENV)/.installed: requirements.txt
	@echo "==> Python packages"
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv \
		&& $(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python -r requirements.txt \
		|| $(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@echo "==> npm packages"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The H5P and SCORM runtimes, copied from the pinned npm packages into static files (not committed).
VENDOR := website/static/vendor
$(VENDOR)/.copied: node_modules/.installed
	@echo "==> Browser runtimes into $(VENDOR)"
	rm -rf $(VENDOR)/h5p-standalone $(VENDOR)/scorm-again
	mkdir -p $(VENDOR)/scorm-again
	cp -R node_modules/h5p-standalone/dist $(VENDOR)/h5p-standalone
	cp node_modules/h5p-standalone/LICENSE* $(VENDOR)/h5p-standalone/ 2>/dev/null || true
	# With their source maps: the runtimes name them, and collectstatic's manifest refuses a missing one.
	cp node_modules/scorm-again/dist/scorm12.min.js node_modules/scorm-again/dist/scorm12.min.js.map \
		node_modules/scorm-again/dist/scorm2004.min.js node_modules/scorm-again/dist/scorm2004.min.js.map \
		$(VENDOR)/scorm-again/
	cp node_modules/scorm-again/LICENSE* $(VENDOR)/scorm-again/ 2>/dev/null || true
	touch $@

system-packages:
	@command -v msgfmt >/dev/null || { echo "==> gettext"; $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q gettext; }

# Compiled when a catalogue changed since the last compile, not on every `make` (the stamp).
CATALOGUES := $(shell find . -name '*.po' -not -path './.venv/*' -not -path './node_modules/*')
messages: locale/.compiled
locale/.compiled: $(CATALOGUES) | $(VENV)/.installed system-packages
	@echo "==> Compiling interface translations"
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
	touch $@

# Search's dictionaries as memory-mapped tries (search/lexicon_store.py), built once per machine
# into the user's cache (SEARCH_LEXICON_DIR to choose): a few minutes the first time, nothing after.
lexicon: $(VENV)/.installed
	@$(PY) -m search.lexicon_store

setup: $(VENV)/.installed node_modules/.installed $(VENDOR)/.copied locale/.compiled lexicon

## The demo --------------------------------------------------------------------

run: setup
	@echo "==> Database (SQLite) and demo content"
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py demo_admin
	@echo "==> Serving on http://127.0.0.1:8000/en/"
	$(PY) manage.py runserver 127.0.0.1:8000

## Production on one machine ----------------------------------------------------

# The production topology (website/serve.py): collectstatic, migrate, then WEB_CONCURRENCY
# (2) gunicorn workers on PORT (8000) and the task worker, stopped together by Ctrl-C. Reads the
# environment production needs (README "Deployment", .env.example): SECRET_KEY, ALLOWED_HOSTS,
# BASE_URL, EMAIL_URL, DATABASE_URL (PostgreSQL), REDIS_URL; SECURE_SSL_REDIRECT=false for plain HTTP.
serve: setup
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) -m website.serve

## Tests -----------------------------------------------------------------------

browser:
	@command -v chromium >/dev/null || { echo "==> Debian chromium"; $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

# The production tests start and stop redis-server themselves; the content-origin check reads
# Debian's Public Suffix List.
test-services:
	@command -v redis-server >/dev/null && [ -f /usr/share/publicsuffix/public_suffix_list.dat ] || { \
		echo "==> Debian redis-server and publicsuffix"; $(SUDO) apt-get update -q && \
		$(SUDO) apt-get install -y -q redis-server publicsuffix; }

# Django's own checks are tests in the suite, not repeated here: a model change without its migration
# (tests/website/test_migrations.py) and `check --deploy` on production settings (test_settings.py).
lint: $(VENV)/.installed
	@echo "==> ruff"
	$(RUFF) check .
	$(RUFF) format --check .

# pytest-xdist: one worker per core, each with its own test database; the slowest tests listed.
# Not --dist loadfile: it runs a file's transactional tests (whose flush empties the database)
# before other files' tests, undoing pytest-django's order (transactional tests last).
XDIST     ?= -n auto --durations=15

# Python writes its bytecode cache, whatever the environment says (some CI images set
# PYTHONDONTWRITEBYTECODE=1): otherwise each of the run's ~40 Python processes (workers, manage.py,
# servers the tests start) compiles Django and Wagtail again, 4.5 s of CPU each.
test test-sqlite test-postgres test-fast lint: export PYTHONDONTWRITEBYTECODE :=

test-sqlite: setup browser test-services
	@echo "==> Tests on SQLite"
	$(PYTEST) $(XDIST)

# Again on PostgreSQL: the tests that depend on the database vendor (marked `postgres` or
# `postgres_only`; the list is in tests/conftest.py). On CI an unreachable server fails the run.
PG_READY  := $(PY) -c "import sys, psycopg; from urllib.parse import urlsplit; u = urlsplit(sys.argv[1]); \
	psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or 'postgres', dbname='postgres', connect_timeout=3).close()"
test-postgres: setup browser test-services
	@if $(PG_READY) "$(PG_URL)" 2>/dev/null; then \
		echo "==> Tests on PostgreSQL"; DATABASE_URL=$(PG_URL) $(PYTEST) $(XDIST) -m "postgres or postgres_only"; \
	elif [ "$$CI" = true ]; then echo "==> PostgreSQL is not reachable at $(PG_URL): CI needs it, failing"; exit 1; \
	else echo "==> PostgreSQL is not reachable at $(PG_URL): skipping the PostgreSQL run"; fi

# The SQLite and PostgreSQL runs side by side, and the lint beside them: the browser tests wait
# on Chromium and the servers they start, and the other run's workers use that time. Each one's
# output is shown whole when it ends (--output-sync), so they do not interleave; any failing fails `make test`.
test: setup browser test-services
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint test-sqlite test-postgres

# A developer's quick loop: no browser, the last run's failures first, stop at the first failure.
test-fast: setup
	$(PYTEST) $(XDIST) -m "not e2e" --ff -x -q

## Benchmarks (figures printed, not asserted; the harness is ../shared/bench) ------

# The pytest benchmarks, then the production topology under load (benchmark-serve).
benchmark: setup
	NORDPEER_BENCHMARKS=1 $(PYTEST) tests/benchmarks -s -q
	$(PY) tests/benchmarks/production.py --db $(BENCH_DB)

# `python -m website.serve` (2 workers, task worker, its own Redis) on a seeded database under the
# harness's load.py, then every worker's resident memory; about 5 minutes (3 when already seeded).
BENCH_DB  ?= postgres
benchmark-serve: setup
	$(PY) tests/benchmarks/production.py --db $(BENCH_DB)

# The peer wagtail-lms and our HEAD commit interleaved (RUNS pairs, DBS), then the ratio table and
# the load averages; sets up what is missing first (the peer once, our clone per commit), so
# it needs nothing from this working tree.
benchmark-peer:
	tests/benchmarks/peer.sh

clean:
	rm -rf $(VENV) node_modules static website/static/vendor locale/.compiled
