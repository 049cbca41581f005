# newsmon — make demo: run the whole job on the bundled offline outlets; make test: the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_MONTH ?= 2025-10
DEMO_OUT ?= out/demo

.PHONY: demo test eval bench lint clean install pdf-libs

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing newsmon and its dependencies into $(VENV)/ (log: $(VENV)/install.log)"
	@$(BIN)/python -m pip install --upgrade pip > $(VENV)/install.log 2>&1 \
	  && $(BIN)/python -m pip install -e '.[test]' >> $(VENV)/install.log 2>&1 \
	  || { tail -40 $(VENV)/install.log; echo "make: installation failed, see $(VENV)/install.log"; exit 1; }
	@$(BIN)/python -c "import newsmon.cli, scrapy, natasha"
	@$(MAKE) --no-print-directory pdf-libs
	touch $(STAMP)

# The digest's PDF (WeasyPrint) draws text with Pango, a system library that a bare Debian with
# Python lacks: install it (and a Cyrillic font) when it is missing and we are root with apt-get.
pdf-libs:
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Pango and DejaVu fonts for the PDF (apt-get)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	      fonts-dejavu-core >/dev/null; \
	  else \
	    echo "make: the digest's PDF needs Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"; \
	  fi; }

demo: $(STAMP)
	DEMO_MONTH=$(DEMO_MONTH) DEMO_OUT=$(DEMO_OUT) PYTHON=$(BIN)/python bash scripts/demo.sh

# The suite's tests are independent (own temporary folders, servers on free ports): one worker per
# core, up to four, halves the time on CI's two cores.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto --maxprocesses=4

eval: $(STAMP)
	for script in eval/run_*.py; do $(BIN)/python $$script || exit 1; done

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff >/dev/null 2>&1 || true
	$(BIN)/ruff check newsmon spiders pipeline db digest

clean:
	rm -rf out .pytest_cache
