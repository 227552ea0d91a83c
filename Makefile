# Two commands for an analyst: `make reports` and `make test`.
# Both bootstrap .venv from the pinned requirements.lock on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PYTHONHASHSEED := 0

# The git filter that strips notebook outputs on commit runs this checkout's own
# .venv (git runs filters from the top of the work tree), so another clone or
# worktree of the same repository does not redirect it to its environment.
NBSTRIP_RELATIVE := git config filter.nbstripout.clean '$(BIN)/python -m nbstripout' && \
	git config diff.ipynb.textconv '$(BIN)/python -m nbstripout -t' && \
	git config filter.nbstripout.extrakeys 'metadata.language_info metadata.vscode'

.PHONY: setup data reports test lab lock readme benchmark clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	-git rev-parse --git-dir >/dev/null 2>&1 && $(BIN)/nbstripout --install && $(NBSTRIP_RELATIVE)
	-$(BIN)/python -m ipykernel install --user --name warcov --display-name "warcov (.venv)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with the pinned environment

data: $(STAMP)  ## raw articles -> data/processed tables
	$(BIN)/python -m analysis build

reports: data  ## render every notebook into reports/
	$(BIN)/python -m analysis report

test: $(STAMP)  ## the whole test suite, notebooks included
	$(BIN)/python -m pytest

readme: $(STAMP)  ## regenerate the README's data dictionary (src/analysis/core/tables.yaml) and accuracy block (src/analysis/accuracy.json)
	$(BIN)/python -m analysis.core.schema README.md
	$(BIN)/python -m analysis.compare.accuracy README.md

PORT ?= 8888
LAB_FLAGS ?=
lab: $(STAMP) data  ## JupyterLab on the notebooks with the "warcov" kernel; PORT=8888, HEADLESS=1 for a server without a browser
	$(BIN)/jupyter lab --notebook-dir=notebooks --port=$(PORT) $(if $(HEADLESS),--no-browser --ip=0.0.0.0,) \
		$(if $(filter 0,$(shell id -u)),--allow-root,) $(LAB_FLAGS)

benchmark: $(STAMP)  ## build 2,000 and 10,000 synthetic articles in-process and on 2 Dask workers: speed, regex ratio, peak memory; then incident linking on 2,000 to 100,000 mentions
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_link.py --mentions 2000 10000 40000 100000

lock:  ## re-pin requirements.lock from the current .venv (after changing pyproject.toml), and environment.yml from it
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^warcov' > requirements.lock
	$(BIN)/python -m analysis.core.environment

clean:
	rm -rf data/processed/*.parquet data/processed/*.csv data/processed/build_inputs.json data/processed/current data/processed/builds reports/*.html
