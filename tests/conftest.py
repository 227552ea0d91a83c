"""Shared fixtures: the bundled seeds and gold, sample texts, corpora to break (tables are built by ``session_data``)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from analysis.core import config

# Abbreviations, initials, quotes, a dateline, blank lines and an ellipsis: what trips sentence splitters.
TRICKY = (
    "Gen. Jalal Harutyunyan said on Oct. 2 that U.S. envoys arrived. “They left,” he said! Was it 3 p.m.?\n"
    "STEPANAKERT, Oct. 3 (Reuters) - Shelling resumed.  Two civilians were killed.\n"
    "\n"
    "J. Smith wrote: ‘Nothing is known.’ The ministry (MoD) confirmed it…  Then silence."
)


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
    assert set(errors["reason"]) <= set(corpus.NOTICE_REASONS), errors  # manifest.csv and SHA256SUMS: skipped
    return articles


@pytest.fixture(scope="session")
def sample_texts(seed_articles) -> list[str]:
    """The seed texts and ``TRICKY``."""
    return [*seed_articles["text"], TRICKY]


@pytest.fixture()
def raw_copy(tmp_path) -> Path:
    """A writable copy of the seed folder (without SHA256SUMS) to add bad files to."""
    target = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, target)
    (target / "SHA256SUMS").unlink(missing_ok=True)
    return target


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory):
    """The seeds plus an article whose text holds markup, built: (raw folder, processed folder, their root)."""
    from analysis.build import pipeline

    root = tmp_path_factory.mktemp("hostile")
    raw = root / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    (raw / "SHA256SUMS").unlink()
    (raw / "900_hostile.txt").write_text(
        "<script>alert('pwned')</script> Shelling of <b>Tartar</b>\nBy Reuters | October 4, 2020\n"
        "Two civilians were killed in Tartar on Sunday, <img src=x onerror=alert(1)> officials said.\n",
        encoding="utf-8")
    processed = root / "processed"
    pipeline.build(raw, processed)
    return raw, processed, root
