# FollowGPT — the two commands a contributor needs:
#   make serve   set up everything, then preview both languages with live reload (http://127.0.0.1:8000/)
#   make test    set up everything, then run every test and check (what CI runs)
# Setup installs Python packages into .venv (pinned by constraints.txt), the client libraries into node_modules
# (pinned by package-lock.json) and, for the browser tests, Debian's chromium.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build test check bench browser clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Debian's chromium for the browser tests and for drawing diagrams at build time (Playwright drives it; it
# never downloads a browser of its own), with Noto CJK so Chinese diagram labels are measured with real glyphs,
# and WenQuanYi Micro Hei, the TrueType CJK font the PDF edition embeds (see followgpt/edition/book.py).
browser:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing="$$missing fonts-wqy-microhei"; \
	[ -z "$$missing" ] || { \
	  echo "Installing Debian packages for the browser tests:$$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; }

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup browser
	$(PY) -m followgpt build
	$(PY) -m followgpt edition

check: setup
	$(PY) -m followgpt validate
	$(PY) -m followgpt check

test: setup browser check
	$(PY) -m pytest

bench: setup browser
	$(PY) scripts/benchmarks/run.py

clean:
	rm -rf site .site-building-* .pytest_cache .cache/diagrams .cache/registry .cache/jinja .cache/pages .cache/expanded .cache/search
