# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make build   install into .venv and build the graph of seeds/ into output/
#   make test    install into .venv (with the test extras, Chromium and rapper) and run the whole test suite
#   make test-fast   the quick local loop: every test not marked slow (no browser, no end-to-end builds)
#   make lint    ruff's lint and format checks
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test test-fast lint install install-test system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python system-deps
	$(BIN)/pip install --quiet -e ".[test]"

# Debian's Chromium (the browser tests), rapper (an independent RDF parser), Apache Jena's jars with a Java runtime
# and Virtuoso (tests/test_stores.py runs queries/ in Jena TDB2 and a private Virtuoso through scripts/jena.sh and
# scripts/virtuoso.sh; Virtuoso's own service is not started); nothing else is downloaded
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v rapper >/dev/null || ! command -v java >/dev/null \
		|| [ ! -f /usr/share/java/jena-tdb2.jar ] || ! command -v virtuoso-t >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium raptor2-utils \
		default-jre-headless libapache-jena-java unzip virtuoso-opensource curl >/dev/null; fi

build: install
	$(BIN)/kg build seeds/ -o output/

test: install-test
	$(BIN)/python -m pytest

test-fast: install-test
	$(BIN)/python -m pytest -m "not slow" -q

lint: install-test
	$(BIN)/ruff check kg tests scripts benchmarks
	$(BIN)/ruff format --check kg tests scripts benchmarks

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
