"""The project's own files agree with each other: environment, lock, notebooks."""

from __future__ import annotations

import re
import tomllib

import nbformat
import yaml

from analysis.compare import accuracy
from analysis.core import catalog, config, environment
from analysis.report import render as reports


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower()


def test_environment_yml_pins_what_the_lock_pins():
    text = (config.ROOT / "environment.yml").read_text(encoding="utf-8")
    python = re.search(r"^  - python=(\S+)$", text, re.M).group(1)
    assert text == environment.environment_yml(config.LOCK_FILE.read_text(encoding="utf-8"), python), \
        "environment.yml drifted from requirements.lock: run `make lock`"
    env = yaml.safe_load(text)
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = {_name(p).replace("_", "-") for p in pip}
    for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert _name(spec).replace("_", "-") in pinned, f"{spec} is not in environment.yml"


def test_citation_is_complete():
    cff = yaml.safe_load((config.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # repository-code and url wait for a public address (none exists yet): the note says so
    for key in ("cff-version", "message", "title", "type", "version", "date-released", "license", "authors",
                "abstract", "keywords"):
        assert cff.get(key), f"CITATION.cff lacks {key}"
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(cff["version"]) == project["version"] and cff["license"] == project["license"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))


def test_lock_pins_every_dependency_exactly():
    project = tomllib.loads((config.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for line in config.LOCK_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned with =="
            pins[name.lower().replace("_", "-")] = version
    for spec in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert _name(spec).replace("_", "-") in pins, f"{spec} is not pinned in requirements.lock"


def test_notebooks_are_committed_without_outputs_and_paired_with_scripts():
    import jupytext

    notebooks = reports.notebook_paths()
    assert notebooks, "no numbered notebooks found"
    for name, path in notebooks.items():
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{name} has outputs"
        script = path.with_suffix(".py")
        assert script.exists(), f"{name}: no jupytext percent script beside it"
        paired = jupytext.read(script)
        assert [c.source for c in paired.cells] == [c.source for c in nb.cells], f"{name}.ipynb and {name}.py differ: run `jupytext --sync`"


def test_each_notebook_declares_what_the_command_line_passes():
    for name, path in reports.notebook_paths().items():
        declared = reports.declared_parameters(path)
        assert set(reports.DEFAULT_PARAMETERS) <= set(declared), f"{name} lacks {set(reports.DEFAULT_PARAMETERS) - set(declared)}"
        assert declared["raw_dir"] is None and declared["processed_dir"] is None, f"{name}: defaults must point at the bundled data"


def test_readme_data_dictionary_matches_the_tables():
    from analysis.build import pipeline

    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- data-dictionary:start -->\n", 1)[1].split("<!-- data-dictionary:end -->", 1)[0]
    assert block == pipeline.data_dictionary(), "README data dictionary is stale: regenerate it from pipeline.data_dictionary()"


def test_readme_quotes_the_committed_accuracy_summary():
    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    assert accuracy.readme_with_accuracy(readme, catalog.accuracy_summary()) == readme, \
        "README accuracy block is stale: run `make readme` after `evaluate --split test --summary`"


def test_readme_shows_the_two_commands_and_ci_runs_the_test_one():
    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reports" in readme and "make test" in readme
    assert "make test" in (config.ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_notebooks_are_stored_as_nbstripout_writes_them():
    """Else the nbstripout git filter shows them as modified right after a checkout."""
    from nbstripout import strip_output

    for name, path in reports.notebook_paths().items():
        raw = path.read_text(encoding="utf-8")
        nb = nbformat.reads(raw, as_version=nbformat.NO_CONVERT)
        stripped = nbformat.writes(strip_output(nb, keep_output=False, keep_count=False, keep_id=False), version=nbformat.NO_CONVERT)
        assert raw.rstrip("\n") == stripped.rstrip("\n"), f"{name}.ipynb: run `nbstripout {path.relative_to(config.ROOT)}`"
