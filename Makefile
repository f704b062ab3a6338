# Quick start: `make demo` runs deid on samples/, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf out/samples out/samples.quarantine
	$(BIN)/deid run samples --out out/samples
	@echo
	@echo "Published files:  out/samples/"
	@echo "Audit ledger:     out/samples/deid-audit.jsonl"
	@echo "Held-back records (if any): out/samples.quarantine/"

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
