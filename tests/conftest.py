"""Shared fixtures: the bundled seeds and gold (tables are built by ``session_data``)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from analysis.core import config

@pytest.fixture(scope="session")
def processed_dir() -> Path:
    return Path(os.environ["WARCOV_PROCESSED"])


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return [json.loads(line) for line in config.GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold_by_id(gold) -> dict[str, dict]:
    return {g["article_id"]: g for g in gold}


@pytest.fixture(scope="session")
def seed_articles():
    from analysis.ingest import corpus

    articles, errors = corpus.load_articles(config.RAW_DIR)
    assert errors.empty, errors
    return articles


@pytest.fixture()
def raw_copy(tmp_path) -> Path:
    """A writable copy of the seed folder (without SHA256SUMS) to add bad files to."""
    target = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, target)
    (target / "SHA256SUMS").unlink(missing_ok=True)
    return target
