# One command to run the panel, one to test it. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501
# Only this machine by default (demo accounts have the password "demo"); HOST=0.0.0.0 opens it up.
HOST   ?= 127.0.0.1

.PHONY: run test bench lint demo-db clean screenshots

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[postgres,test]'
	@touch $(STAMP)

.streamlit/secrets.toml: | $(STAMP)
	$(PY) -m dashboard make-secrets .streamlit/secrets.toml

demo-db: $(STAMP) .streamlit/secrets.toml
	$(PY) -m dashboard init-db
	$(PY) -m dashboard seed-demo --if-empty

run: demo-db
	$(PY) -m streamlit run dashboard/web/serve.py --server.port $(PORT) --server.address $(HOST)

test: $(STAMP) .streamlit/secrets.toml
	$(PY) -m pytest $(PYTEST_ARGS)

# Refresh the README's docs/screenshots deliberately (the tests alone write to test-artifacts/).
screenshots: $(STAMP) .streamlit/secrets.toml
	SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(PY) -m pytest -q -p no:cacheprovider \
	  tests/e2e/test_pages.py tests/e2e/test_flows.py -k "allowed_page and admin or projector"

bench: $(STAMP)
	$(PY) -m bench.run $(BENCH_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
