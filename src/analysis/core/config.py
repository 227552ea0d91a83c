"""The one place that knows where things live.

Every other module and every notebook asks here for a path; nothing else
spells one. The project root defaults to the checkout this package was
installed from and can be moved with the ``WARCOV_ROOT`` environment variable
(for an analyst who keeps a corpus elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
LEXICON_DIR = PACKAGE_DIR / "lexicons"


def project_root() -> Path:
    """The folder holding ``data/``, ``notebooks/`` and ``reports/``."""
    env = os.environ.get("WARCOV_ROOT")
    if env:
        return Path(env).resolve()
    return PACKAGE_DIR.parents[1]


ROOT = project_root()
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
GOLD_DIR = DATA_DIR / "annotation" / "gold"
GOLD_FILE = GOLD_DIR / "seeds.jsonl"
DEV_DIR = DATA_DIR / "dev"  # the development corpus of real articles (docs/DEV_CORPUS.md)
DEV_CORPUS_FILE = DEV_DIR / "corpus.csv"
DEV_GOLD_FILE = DEV_DIR / "gold.jsonl"
DEV_TEXTS_DIR = DEV_DIR / "texts"  # git-ignored: third-party texts
DEV_GOLD_SECOND_FILE = DEV_DIR / "gold_second.jsonl"  # a second, independent annotation of a subset
# The first annotator's records of that subset as they were before disagreements were settled:
# agreement is measured between two independent readings, not against the settled gold.
DEV_GOLD_FIRST_FILE = DEV_DIR / "gold_first_before_settling.jsonl"
# The accuracy measured on the development corpus's splits (``python -m analysis evaluate --split test --summary``).
# It ships with the package: it describes this code, and reports quote it wherever the package is installed.
ACCURACY_FILE = PACKAGE_DIR / "accuracy.json"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"
LOCK_FILE = ROOT / "requirements.lock"
MANIFEST_NAME = "manifest.csv"
