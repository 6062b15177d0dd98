# Quick start:  make run   (install + serve on http://localhost:8501)
#               make test  (install + the whole test suite, browser tests included)
# More readers: make serve (one process per core behind HAProxy on http://localhost:8501)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
PROCESSES ?= $(shell nproc 2>/dev/null || echo 2)
HOST   ?= 0.0.0.0

.PHONY: run serve test test-fast lint chromium haproxy screenshots clean lock audit

# Installs come from the lock files: every package pinned, every file checked against its hash.
$(VENV)/.app: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.app
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

# Maintainers: after editing requirements*.txt, refresh the locks (needs the package index).
lock:
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile requirements.txt --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu -o requirements.lock -q
	$(VENV)/bin/uv pip compile requirements-dev.txt --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu -o requirements-dev.lock -q

# Maintainers: known vulnerabilities in the locked packages (needs the online advisory database).
audit:
	$(PY) -m pip install --quiet pip-audit
	$(VENV)/bin/pip-audit --require-hashes -r requirements-dev.lock

run: $(VENV)/.app
	$(PY) -m streamlit run streamlit_app.py --server.port $(PORT)

# Debian's chromium drives the browser tests (no browser downloads); fonts-noto-cjk for Japanese.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# Debian's haproxy in front of several processes (make serve, and its browser tests). Debian
# installs it in /usr/sbin, which is not on every user's PATH.
haproxy:
	@if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq haproxy >/dev/null; \
	fi

# PROCESSES Streamlit processes (default: one per core) behind HAProxy on HOST:PORT (default: every
# interface, like make run); Ctrl-C stops them all. See deploy/serve.py.
serve: $(VENV)/.app haproxy
	$(PY) deploy/serve.py --host $(HOST) --port $(PORT) --processes $(PROCESSES)

test: $(VENV)/.dev chromium haproxy lint
	$(PY) -m pytest

# Lint and types: ruff (pyflakes, pycodestyle at 120 columns, import order, bugbear; ruff.toml) over
# the whole tree, and mypy over the pure core (mypy.ini).
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test-fast: $(VENV)/.dev
	$(PY) -m pytest tests/unit tests/app

screenshots: $(VENV)/.dev chromium
	$(PY) tools/screenshots.py --out shots --widths 1400,1920,390 --full

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis shots
