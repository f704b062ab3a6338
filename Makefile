# Quick start: `make demo` runs deid on samples/, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
STAMP   := $(VENV)/.installed

.PHONY: demo test test-offline install lock clean

# `make demo` needs deid alone; `make test` adds the test tools (pytest, Dask, a browser driver).
# Every package at the exact version and hashes of the lock files (requirements/); deid itself
# from this checkout. `make lock` refreshes the locks from pyproject.toml's ranges.
$(RUNTIME): pyproject.toml requirements/runtime.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME) requirements/test.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(RUNTIME)
	rm -rf out/samples out/samples.quarantine out/samples.review
	$(BIN)/deid run samples --out out/samples
	@echo
	@echo "Published files:  out/samples/"
	@echo "Audit ledger:     out/samples/deid-audit.jsonl"
	@echo "Held-back records (if any): out/samples.quarantine/"
	@echo "Held for review (if any):   out/samples.review/"

test: $(STAMP)
	$(BIN)/python -m pytest

# The suite again inside a network namespace with no network but loopback (needs root or
# user namespaces). The pre-commit test is left out: pre-commit installs the hook with pip.
test-offline: $(STAMP)
	unshare -n sh -c 'ip link set lo up && $(BIN)/python -m pytest -q --deselect tests/commands/test_check.py::test_real_pre_commit_runs_the_readme_configuration'

# New pins (the newest releases pyproject.toml allows) with their hashes, for both lock files.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/runtime.txt pyproject.toml
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra test -o requirements/test.txt pyproject.toml
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) .venv-lock out build dist src/*.egg-info
