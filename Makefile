# Set-up is part of every target: the first run creates .venv/ and installs the package with its
# pinned dependencies; later runs reuse it (re-installing only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

CORPUS ?= corpus/
OUT ?= outputs/
DEVSET ?= ../shared/devset/gold.jsonl

.PHONY: extract test eval bench clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

extract: $(STAMP)
	$(PY) -m pipeline extract $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	@if [ -f $(DEVSET) ]; then \
		$(PY) -m pipeline evaluate $(DEVSET); \
	else \
		echo "no development set at $(DEVSET): nothing to evaluate"; \
	fi

bench: $(STAMP)
	$(PY) -m pipeline.bench

clean-venv:
	rm -rf $(VENV)
