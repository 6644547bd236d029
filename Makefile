# gongwen — `make all` sets everything up and converts seeds/ → output/; `make test` runs the tests.
# Targets are documented by the `## target: text` comment above them; `make help` lists them.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
GOLD ?= $(SHARED)/gold
OUT ?= output
FONT_STAMP := $(or $(GONGWEN_FONT_DIR),$(HOME)/.cache/gongwen/fonts)/manifest.json

.PHONY: all help install fonts convert serve audit test test-fast test-deps eval eval-genre eval-corpus fit-judge eval-formats formats eval-baseline check lint format typecheck golden digests fuzz bench clean

## all: set up (venv, Python deps, fonts) and convert every file in seeds/ to output/ (DOCX, PDF, JSON)
all: install fonts convert

## help: list the targets
help:
	@grep -E '^## ' Makefile | sed 's/^## /  /'

## install: create .venv and install gongwen with its test and dev tools
install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

## fonts: install the free font stack and prepare the TrueType cache (idempotent; fast the second time)
fonts: $(STAMP)
	bash tools/setup_fonts.sh

## convert: convert every file in seeds/ to output/ (DOCX, PDF and JSON)
convert: $(STAMP)
	$(PY) -m pipeline convert seeds -o $(OUT) --to all -q
	@ls $(OUT) | sed 's|^|  $(OUT)/|'

## audit: check every DOCX and PDF in $(OUT) against GB/T 9704 (fails on a standard-level finding)
audit: $(STAMP) test-deps
	$(PY) -m pipeline check $(OUT) > $(OUT)/check.txt; status=$$?; grep -c " standard " $(OUT)/check.txt | sed 's/^/  standard-level lines: /'; grep -E ": [1-9][0-9]* standard," $(OUT)/check.txt || true; exit $$status

## serve: the web page on http://127.0.0.1:8000/ (PORT=8000; Ctrl+C stops it)
serve: install fonts
	$(PY) -m pipeline serve --port $${PORT:-8000}

## test-deps: what the tests need beyond `make all` (LibreOffice for the DOCX end-to-end test, Debian's chromium for the web page's, the corpus extra)
test-deps: $(STAMP)
	@command -v soffice >/dev/null || bash tools/apt_install.sh libreoffice-writer-nogui
	@test -x /usr/bin/chromium || bash tools/apt_install.sh chromium
	@$(PY) -c "import datatrove, orjson, pyarrow, warcio" 2>/dev/null || $(PY) -m pip install --quiet -e '.[corpus]'

## test: run the whole test suite (sets up what it needs first)
test: install fonts test-deps
	$(PY) -m pytest -q

## test-fast: the tests without the slow LibreOffice/fuzz ones
test-fast: install
	$(PY) -m pytest -q -m "not slow"

## eval: score the pipeline's JSON for seeds/ against the answer keys, check the pinned floors
eval: $(STAMP)
	@rm -rf $(OUT)/eval && mkdir -p $(OUT)/eval
	@$(PY) -m pipeline convert seeds -o $(OUT)/eval --to json -q
	@$(PY) tools/eval_gate.py $(GOLD) $(OUT)/eval

## eval-genre: the same table for the two corpora of other sites' texts (tests/fixtures/genre, heldout)
eval-genre: $(STAMP)
	@$(PY) tools/genre_eval.py
	@$(PY) tools/genre_eval.py --corpus tests/fixtures/heldout

## eval-corpus: the real-page corpus (corpus/): dev split, and dev leave-site-out (the judge refitted without each site)
eval-corpus: $(STAMP)
	@$(PY) tools/corpus_eval.py --split dev
	@echo
	@echo "leave-site-out:"
	@$(PY) tools/corpus_eval.py --split dev --loso

## fit-judge: refit the judge's weights on the dev split (writes pipeline/clean/judge_weights.py; review the diff)
fit-judge: $(STAMP)
	$(PY) tools/fit_judge.py --write

## eval-formats: score the Markdown, DOCX and PDF inputs (tests/fixtures/formats) and write README's table
eval-formats: $(STAMP)
	@$(PY) tools/format_eval.py --readme README.md

## formats: rebuild those inputs from the real texts and their keys (needs LibreOffice and the fonts)
formats: install fonts test-deps
	$(PY) tools/build_format_fixtures.py

## eval-baseline: raise the pinned floors in tests/eval_baseline.json to today's scores (never lowers)
eval-baseline: $(STAMP)
	@rm -rf $(OUT)/eval && mkdir -p $(OUT)/eval
	@$(PY) -m pipeline convert seeds -o $(OUT)/eval --to json -q
	@$(PY) tools/eval_gate.py $(GOLD) $(OUT)/eval --update --readme README.md

## check: lint + typecheck + tests (what CI runs)
check: lint typecheck test

## lint: ruff check and format check, and the import layers (import-linter)
lint: $(STAMP)
	$(VENV)/bin/ruff check pipeline tests tools
	$(VENV)/bin/ruff format --check pipeline tests tools
	$(VENV)/bin/lint-imports

## format: apply ruff's formatting
format: $(STAMP)
	$(VENV)/bin/ruff format pipeline tests tools

## typecheck: mypy --strict on the package
typecheck: $(STAMP)
	$(VENV)/bin/mypy pipeline

## golden: regenerate tests/golden/ from seeds/ (the only way goldens change; review `git diff tests/golden`)
golden: $(STAMP)
	$(PY) -m pipeline convert seeds -o tests/golden --to json -q

## digests: rewrite the output digests tests/test_same_bytes.py compares (only when outputs are meant to change; review the diff)
digests: install fonts
	$(PY) tools/same_bytes.py golden

## fuzz: a long fuzz run through the whole pipeline and every renderer (FUZZ_EXAMPLES=10000)
fuzz: install fonts
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider -q -s

## bench: time our CLI against LibreOffice and Typst, profile each step, batches with 1 and 2 workers, `corpus` against `convert -j`; writes README's tables
bench: install fonts test-deps
	$(PY) tools/bench.py --readme README.md

## clean: remove generated files (output/, caches); keeps .venv and the font cache
clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
