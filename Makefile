# newsmon — make demo: run the whole job on the bundled offline outlets; make test: the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_MONTH ?= 2025-10
DEMO_OUT ?= out/demo

.PHONY: demo test eval bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -m pip install --quiet -e '.[test]' 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -c "import newsmon, scrapy, natasha" 
	touch $(STAMP)

demo: $(STAMP)
	DEMO_MONTH=$(DEMO_MONTH) DEMO_OUT=$(DEMO_OUT) PYTHON=$(BIN)/python bash scripts/demo.sh

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	for script in eval/run_*.py; do $(BIN)/python $$script || exit 1; done

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf out .pytest_cache
