# Quick start:  make run   (install + serve on http://localhost:8501)
#               make test  (install + the whole test suite, browser tests included)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test test-fast chromium screenshots clean

$(VENV)/.app: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.app
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.app
	$(PY) -m streamlit run streamlit_app.py --server.port $(PORT)

# Debian's chromium drives the browser tests (no browser downloads); fonts-noto-cjk for Japanese.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: $(VENV)/.dev chromium
	$(PY) -m pytest

test-fast: $(VENV)/.dev
	$(PY) -m pytest tests/unit tests/app

screenshots: $(VENV)/.dev chromium
	$(PY) tools/screenshots.py --out shots --widths 1400,1920,390 --full

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis shots
