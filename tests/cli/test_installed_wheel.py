"""Installed use (issue 14): the wheel, installed non-editable into a fresh virtual environment, builds tables and
renders a report from a folder with no clone in sight; ``--project`` and ``$WARCOV_ROOT`` choose the project folder.

The fresh environment reuses the dependencies already installed for the tests
(a ``.pth`` line naming their site-packages, and ``JUPYTER_PATH`` for
nbconvert's templates) instead of downloading them: the package itself comes
only from the wheel. The wheel is built from a copy of what an sdist carries
(MANIFEST.in), offline when this environment's setuptools can build it
(``--no-build-isolation``, setuptools 77 or later), else by pip's isolated
build as ``make setup`` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

import analysis
from analysis import cli
from analysis.core import config

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "CITATION.cff", "src", "notebooks", "data/raw",
           "data/annotation/gold/seeds.jsonl")


def _copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc", ".ipynb_checkpoints")
    for relative in SOURCES:
        source = config.CHECKOUT / relative
        if source.is_dir():
            shutil.copytree(source, target / relative, ignore=ignore)
        else:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)


def _build_wheel(tmp: Path) -> Path:
    sources = tmp / "sources"
    _copy_sources(sources)
    command = [sys.executable, "-m", "pip", "wheel", str(sources), "--no-deps", "-q", "-w", str(tmp / "dist")]
    if int(metadata.version("setuptools").split(".")[0]) >= 77:
        command.append("--no-build-isolation")
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    (wheel,) = (tmp / "dist").glob("warcov-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> tuple[Path, dict]:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "warcov_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WARCOV_", "PYTHON", "VIRTUAL_ENV"))}
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, env=env, timeout=120)
    return venv, env


def test_the_wheel_builds_and_reports_from_another_folder(tmp_path):
    if config.CHECKOUT is None:
        pytest.skip("needs the repository to build the wheel from")
    wheel = _build_wheel(tmp_path)
    venv, env = _fresh_venv(tmp_path, wheel)
    warcov = str(venv / "bin" / "warcov")
    work = tmp_path / "elsewhere"
    (work / "texts").mkdir(parents=True)
    for seed in sorted(config.SEED_RAW_DIR.glob("00[0-2]_*.txt")):
        shutil.copy(seed, work / "texts")

    def run(*args):
        done = subprocess.run([warcov, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert str(config.CHECKOUT) not in done.stdout + done.stderr  # nothing read from the clone
        return done.stdout

    located = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "from analysis.core import config; print(config.CHECKOUT, config.NOTEBOOKS_DIR)"],
                             cwd=work, env=env, capture_output=True, text=True, check=True).stdout
    assert located.startswith("None ") and "site-packages" in located
    assert run("--version").strip() == f"warcov {analysis.__version__}"
    assert "articles: 3" in run("-q", "build", "--raw", "texts")
    assert (work / "data" / "processed" / "articles.parquet").exists()
    assert "01_corpus_overview" in run("report", "--list")
    assert "publication-date accuracy" in run("evaluate")  # the bundled gold and seeds
    out = run("report", "01")
    page = work / "reports" / "01_corpus_overview.html"
    assert page.exists() and "01_corpus_overview" in out
    assert "warcov-" in page.read_text(encoding="utf-8")  # the report id line


@pytest.fixture
def restore_project(monkeypatch):
    """``--project`` changes the process's project: put the paths and ``$WARCOV_ROOT`` back afterwards."""
    monkeypatch.delenv(config.ROOT_ENV, raising=False)
    monkeypatch.delenv("WARCOV_PROCESSED", raising=False)  # set by the test session; it would win over the project
    before = config.ROOT
    yield
    os.environ.pop(config.ROOT_ENV, None)
    config.use_project(before)
    os.environ.pop(config.ROOT_ENV, None)


def test_project_option_puts_the_tables_in_the_project(tmp_path, restore_project, capsys):
    project = tmp_path / "study"
    project.mkdir()
    assert cli.main(["-q", "--project", str(project), "build"]) == 0
    assert (project / "data" / "processed" / "articles.parquet").exists()  # the bundled seeds, built into the project
    assert config.REPORTS_DIR == project / "reports" and os.environ[config.ROOT_ENV] == str(project)
    assert config.NOTEBOOKS_DIR == config.SHIPPED_NOTEBOOKS_DIR  # the project has no notebooks of its own


def test_project_that_does_not_exist_is_one_line(tmp_path, restore_project):
    with pytest.raises(SystemExit, match="--project .*nope: no such folder"):
        cli.main(["--project", str(tmp_path / "nope"), "report", "--list"])


def test_a_projects_own_raw_folder_and_notebooks_come_first(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(config.SHIPPED_NOTEBOOKS_DIR / "01_corpus_overview.ipynb", tmp_path / "notebooks")
    paths = config.layout(tmp_path)
    assert paths["RAW_DIR"] == tmp_path / "data" / "raw" and paths["NOTEBOOKS_DIR"] == tmp_path / "notebooks"
    assert config.layout(tmp_path / "empty")["RAW_DIR"] == config.SEED_RAW_DIR
