# Two commands on a fresh clone: `make demo` and `make test`. Only python3 (3.11+) is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-postgres test-browser benchmark benchmark-site messages lock lint clean vnu axe worker deploy

# The W3C Nu HTML checker for the browser tests: the jar ships inside the npm package and runs
# on the system's Java (17+). --ignore-scripts: its postinstall would download a JDK.
VNU_VERSION := 26.9.27
VNU_JAR := var/tools/node_modules/vnu-jar/build/dist/vnu.jar

$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# Compiled translations are not committed; Babel compiles them without GNU gettext.
messages: $(STAMP)
	$(BIN)/pybabel compile -D django -d newsroom/locale --statistics

demo: $(STAMP) messages
	mkdir -p var
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(DEMO_ENV) $(BIN)/python manage.py seed_demo --if-empty --site-url http://$(HOST):$(PORT)
	@echo "Serving the demo on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The background worker (renditions; later imports and exports) on the Redis queue:
#   REDIS_URL=redis://127.0.0.1:6379/0 make worker
# Without REDIS_URL there is nothing to start: the web process runs the jobs itself.
worker: $(STAMP)
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL: the worker takes its jobs from Redis"; exit 2; }
	$(BIN)/python manage.py rqworker default

# One command for a release, run with the production environment: refuse insecure
# settings, migrate, collect the static files (hashed and compressed), compile translations.
deploy: $(STAMP) messages
	$(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py migrate --noinput
	@# SQLite drops the planner statistics of a table or index a migration rebuilt, and then
	@# may scan every story for a query an index answers: gather them again (cheap).
	$(BIN)/python manage.py shell -c "from django.db import connection; connection.cursor().execute('ANALYZE')"
	$(BIN)/python manage.py collectstatic --noinput --verbosity 1

# The whole suite on the embedded SQLite; tests marked `postgres` need PostgreSQL and Redis
# and run in test-postgres.
test: $(STAMP) messages
	$(BIN)/python -m pytest -q -m "not postgres" $(ARGS)

# The whole suite, the `postgres` tests included, against PostgreSQL and Redis:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/0 make test-postgres
test-postgres: $(STAMP) messages
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "Set DATABASE_URL to a PostgreSQL database"; exit 2;; esac
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL to a Redis server"; exit 2; }
	$(BIN)/python -m pytest -q --create-db $(ARGS)

$(VNU_JAR):
	npm install --ignore-scripts --no-audit --no-fund --save-exact --prefix var/tools vnu-jar@$(VNU_VERSION)
	touch $@

vnu: $(VNU_JAR)

# axe-core, the accessibility checker the browser tests inject into each page (Chromium).
AXE_VERSION := 4.14.1
AXE_JS := var/tools/node_modules/axe-core/axe.min.js

$(AXE_JS):
	npm install --ignore-scripts --no-audit --no-fund --save-exact --prefix var/tools axe-core@$(AXE_VERSION)
	touch $@

axe: $(AXE_JS)

test-browser: $(STAMP) messages $(VNU_JAR) $(AXE_JS)
	$(BIN)/python -m pytest -q -o addopts="-p no:cacheprovider" tests/browser $(ARGS)

benchmark: $(STAMP)
	$(BIN)/python tests/benchmarks/renditions.py

# The whole-site benchmark (tests/benchmarks/site.py: populate, gunicorn, nginx, wrk; needs
# ../shared/bench). Quick look: DURATION=3s REPEAT=1 ARTICLES=300 DBS=sqlite LOAD=0 make benchmark-site
benchmark-site: $(STAMP) messages
	$(BIN)/python tests/benchmarks/site.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refresh constraints.txt after changing pyproject.toml.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) var
