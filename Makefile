# Quick start: `make demo` runs deid on samples/, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
STAMP   := $(VENV)/.installed

.PHONY: demo test test-offline install clean

# `make demo` needs deid alone; `make test` adds the test tools (pytest, Dask, a browser driver).
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(RUNTIME)
	rm -rf out/samples out/samples.quarantine
	$(BIN)/deid run samples --out out/samples
	@echo
	@echo "Published files:  out/samples/"
	@echo "Audit ledger:     out/samples/deid-audit.jsonl"
	@echo "Held-back records (if any): out/samples.quarantine/"

test: $(STAMP)
	$(BIN)/python -m pytest

# The suite again inside a network namespace with no network but loopback (needs root or
# user namespaces). The pre-commit test is left out: pre-commit installs the hook with pip.
test-offline: $(STAMP)
	unshare -n sh -c 'ip link set lo up && $(BIN)/python -m pytest -q --deselect tests/commands/test_check.py::test_real_pre_commit_runs_the_readme_configuration'

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
