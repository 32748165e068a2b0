# Enlace: the two commands of the README, and a few helpers.
#   make run   install and serve the embedded default (SQLite, database search, eager tasks, demo data)
#   make test  install everything, start Elasticsearch/PostgreSQL/Redis/Chromium, run the whole suite

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_PASSWORD ?= enlace-demo
export DEMO_PASSWORD

.PHONY: run install test services-start services-stop clean

$(VENV)/.installed-%: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.$(if $(filter test,$*),[test],)'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(VENV)/.installed-run

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py opendata_build
	$(PY) manage.py runserver 127.0.0.1:8000

test:
	bash deploy/local/test-suite.sh

services-start:
	bash deploy/local/services.sh start

services-stop:
	bash deploy/local/services.sh stop

clean:
	rm -rf var static_collected

# The benchmark harness (bench/harness.py, docs/benchmarks.md): starts its own services on
# their own ports and cache, then prints every table and writes bench/results/latest.json.
#   make bench                 10,000 then 100,000 practices (~35 min on 2 cores)
#   make bench SIZES=10000     the quick pass
SIZES ?= 10000,100000
BENCH_ARGS ?=
BENCH_SERVICES := ENLACE_CACHE=$(or $(BENCH_CACHE),/tmp/bench-cache) ENLACE_ES_PORT=$(or $(BENCH_ES_PORT),9370) \
	ENLACE_PG_PORT=$(or $(BENCH_PG_PORT),54339) ENLACE_REDIS_PORT=$(or $(BENCH_REDIS_PORT),63809)

.PHONY: bench
bench: install
	$(BENCH_SERVICES) bash deploy/local/services.sh start
	eval "$$($(BENCH_SERVICES) bash deploy/local/services.sh env)" && $(PY) -m bench.harness --sizes $(SIZES) $(BENCH_ARGS)
