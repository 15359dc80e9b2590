# Dateline — two commands do all the set-up on a fresh Debian machine:
#   make run    set up, then open the explorer on the bundled corpus
#   make test   set up, then run the whole test suite headless
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export QT_API := pyside6

.PHONY: run test deps setup screenshot bench eval bench-extract bundle model test-slow lock clean help

help:
	@echo "make run         open Dateline on the bundled corpus (installs everything first)"
	@echo "make test        run the whole test suite headless"
	@echo "make screenshot  render the main window to docs/screenshot.png"
	@echo "make bench       print performance figures against the budgets"
	@echo "make eval        print extraction quality on ../shared/corpora (dev and held-out parts)"
	@echo "make bundle      build the one-folder desktop bundle in dist/dateline"
	@echo "make model       retrain the syntax model on UD English-EWT (~2 h; never in CI)"

deps:
	@bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $(STAMP)

setup: deps $(STAMP)

run: setup
	@bash scripts/run-gui.sh $(VENV)/bin/dateline

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

test-slow: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow -p no:cacheprovider

screenshot: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m dateline._qt.screenshot docs/screenshot.png

eval: setup
	$(PY) -m dateline.evaluation

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

bundle: setup
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/dateline.spec
	QT_QPA_PLATFORM=offscreen dist/dateline/dateline --self-test
	@du -sh dist/dateline

# Retrain resources/syntax/en_ewt (committed; see resources/syntax/README.md).
model: setup
	bash scripts/train_syntax.sh $(PY)

lock:
	$(PY) -m pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf build dist .pytest_cache
