# The two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test lint check schema seed bench-scale neo4j-start neo4j-stop neo4j-status clean

## run: install what is missing, start the local Neo4j, migrate, load demo data, serve the API
run: $(INSTALLED)
	$(PY) -m app run

## test: lint and type-check, then the whole suite against its own local Neo4j
test: $(INSTALLED) lint
	$(PY) -m pytest

## lint: ruff and mypy
lint: $(INSTALLED)
	$(PY) -m ruff check .
	$(PY) -m mypy .

## schema: rewrite schema.graphql from the code
schema: $(INSTALLED)
	$(PY) -m schema.export > schema.graphql.new && mv schema.graphql.new schema.graphql

## seed: load generated data into the dev Neo4j (e.g. make seed SCALE=1)
SCALE ?= 0.02
seed: $(INSTALLED)
	NEO4J_URI=$${NEO4J_URI:-bolt://127.0.0.1:7687} \
	NEO4J_PASSWORD=$${NEO4J_PASSWORD:-$$(cat .local/neo4j-dev/password)} \
	$(PY) -m seeds --scale $(SCALE)

## bench-scale: load the full scale into a fresh `bench` Neo4j and time front-end queries
bench-scale: $(INSTALLED)
	$(PY) -m benchmarks.scale

neo4j-start neo4j-stop neo4j-status: $(INSTALLED)
	$(PY) -m localdb $(subst neo4j-,,$@) dev

clean:
	-$(PY) -m localdb stop dev
	-$(PY) -m localdb stop test
	-$(PY) -m localdb stop bench
	-$(PY) -m localredis stop dev
	-$(PY) -m localredis stop test
	rm -rf .local $(VENV)

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@
