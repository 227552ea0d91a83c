"""The one place that knows where things live.

Every other module and every notebook asks here for a path; nothing else
spells one. Two kinds of place:

- What ships with the code: the notebooks, the seed articles, their gold
  annotations and CITATION.cff. They are read from the repository when the
  package runs from its checkout (an editable install, ``PYTHONPATH=src``),
  else from ``analysis/bundled/`` inside the installed package (the build
  copies them there: ``setup.py``).
- The project: the folder whose ``data/processed/`` and ``reports/`` the
  commands write (and whose ``data/raw/`` and ``notebooks/`` they read when it
  has them). It is ``$WARCOV_ROOT`` when set (``warcov --project DIR`` sets
  it: :func:`use_project`), else the checkout, else the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
LEXICON_DIR = PACKAGE_DIR / "lexicons"
BUNDLED_DIR = PACKAGE_DIR / "bundled"  # in an installed package: notebooks/, data/raw/, data/annotation/gold/, CITATION.cff
ROOT_ENV = "WARCOV_ROOT"
MANIFEST_NAME = "manifest.csv"
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
# What the build copies into BUNDLED_DIR, as paths relative to the repository (and to BUNDLED_DIR).
BUNDLED = ("notebooks", "data/raw", "data/annotation/gold/seeds.jsonl", "CITATION.cff")


def source_checkout() -> Path | None:
    """The repository the package runs from (``src/analysis`` under a ``pyproject.toml``), or None when installed."""
    top = PACKAGE_DIR.parents[1]
    if PACKAGE_DIR.parent.name == "src" and (top / "pyproject.toml").is_file():
        return top
    return None


CHECKOUT = source_checkout()
SHIPPED_DIR = CHECKOUT if CHECKOUT is not None else BUNDLED_DIR  # where the shipped files are read from
SEED_RAW_DIR = SHIPPED_DIR / "data" / "raw"  # the five bundled seed articles
GOLD_DIR = SHIPPED_DIR / "data" / "annotation" / "gold"
GOLD_FILE = GOLD_DIR / "seeds.jsonl"  # the seeds' gold annotations (``evaluate``'s default)
SHIPPED_NOTEBOOKS_DIR = SHIPPED_DIR / "notebooks"
CITATION_FILE = SHIPPED_DIR / "CITATION.cff"
LOCK_FILE = SHIPPED_DIR / "requirements.lock"  # the pins the code was tested with (not shipped: absent when installed)
# The accuracy measured on the development corpus's splits (``python -m analysis evaluate --split test --summary``).
# It ships with the package: it describes this code, and reports quote it wherever the package is installed.
ACCURACY_FILE = PACKAGE_DIR / "accuracy.json"


def project_root() -> Path:
    """The project folder: ``$WARCOV_ROOT``, else the checkout, else the current directory."""
    env = os.environ.get(ROOT_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return CHECKOUT if CHECKOUT is not None else Path.cwd().resolve()


def layout(root: Path) -> dict[str, Path]:
    """The project's paths under ``root``: its own raw folder and notebooks when it has them, else the shipped ones."""
    data = root / "data"
    raw = data / "raw"
    notebooks = root / "notebooks"
    dev = data / "dev"  # the development corpus of real articles (docs/DEV_CORPUS.md)
    return {
        "ROOT": root,
        "DATA_DIR": data,
        "RAW_DIR": raw if raw.is_dir() else SEED_RAW_DIR,
        "PROCESSED_DIR": data / "processed",
        "REPORTS_DIR": root / "reports",
        "NOTEBOOKS_DIR": notebooks if any(notebooks.glob(NOTEBOOK_PATTERN)) else SHIPPED_NOTEBOOKS_DIR,
        "DEV_DIR": dev,
        "DEV_CORPUS_FILE": dev / "corpus.csv",
        "DEV_GOLD_FILE": dev / "gold.jsonl",
        "DEV_TEXTS_DIR": dev / "texts",  # git-ignored: third-party texts
        "DEV_GOLD_SECOND_FILE": dev / "gold_second.jsonl",  # a second, independent annotation of a subset
        # The first annotator's records of that subset as they were before disagreements were settled:
        # agreement is measured between two independent readings, not against the settled gold.
        "DEV_GOLD_FIRST_FILE": dev / "gold_first_before_settling.jsonl",
    }


def use_project(root: str | Path) -> Path:
    """Make ``root`` the project of this process and of the kernels it starts (``$WARCOV_ROOT``); returns it resolved."""
    resolved = Path(root).expanduser().resolve()
    os.environ[ROOT_ENV] = str(resolved)
    globals().update(layout(resolved))
    return resolved


ROOT = project_root()
_paths = layout(ROOT)
DATA_DIR = _paths["DATA_DIR"]
RAW_DIR = _paths["RAW_DIR"]
PROCESSED_DIR = _paths["PROCESSED_DIR"]
REPORTS_DIR = _paths["REPORTS_DIR"]
NOTEBOOKS_DIR = _paths["NOTEBOOKS_DIR"]
DEV_DIR = _paths["DEV_DIR"]
DEV_CORPUS_FILE = _paths["DEV_CORPUS_FILE"]
DEV_GOLD_FILE = _paths["DEV_GOLD_FILE"]
DEV_TEXTS_DIR = _paths["DEV_TEXTS_DIR"]
DEV_GOLD_SECOND_FILE = _paths["DEV_GOLD_SECOND_FILE"]
DEV_GOLD_FIRST_FILE = _paths["DEV_GOLD_FIRST_FILE"]
del _paths
