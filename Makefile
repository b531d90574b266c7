# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make build   install into .venv and build the graph of seeds/ into output/
#   make test    install into .venv (with the test extras, Chromium and rapper) and run the whole test suite
#   make test-fast   the quick local loop: every test not marked slow (no browser, no end-to-end builds)
#   make lint    ruff's lint and format checks
#   make notebook   install the notebook extra and run notebooks/explore.ipynb in place (its stored outputs)
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test test-fast lint notebook install install-test install-notebook system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# the notebook extra too, so that after `make build` the notebook runs in Jupyter from notebooks/ with this venv
install: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[notebook]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null

install-test: $(BIN)/python system-deps
	$(BIN)/pip install --quiet -e ".[test,notebook]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null

# the notebook's kernel is this venv's Python, registered in the venv (not in the user's Jupyter folders)
install-notebook: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[notebook]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null

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

# run as Jupyter would, from notebooks/, and store the outputs without timings so they do not churn
notebook: install-notebook
	cd notebooks && $(abspath $(BIN))/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False explore.ipynb

lint: install-test
	$(BIN)/ruff check kg tests scripts benchmarks
	$(BIN)/ruff format --check kg tests scripts benchmarks

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
