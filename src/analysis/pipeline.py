"""The build: ``data/raw`` -> every table in ``data/processed``.

One function per stage, each a pure function of the tables before it, run in
order by :func:`build_tables`; :func:`build` adds the raw-data check and the
atomic writes. ``TABLE_COLUMNS`` is the data dictionary: every table and the
meaning of each of its columns (README.md shows the same).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import pandas as pd

from . import catalog, config, corpus, provenance

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "articles": corpus.ARTICLE_COLUMNS,
    "ingest_errors": corpus.ERROR_COLUMNS,
}


def ingest_stage(tables: dict[str, pd.DataFrame], raw_dir: Path, manifest) -> dict[str, pd.DataFrame]:
    articles, errors = corpus.load_articles(raw_dir, manifest=manifest)
    return {"articles": articles, "ingest_errors": errors}


# (stage name, function of the tables built so far -> new tables), in order.
STAGES: list[tuple[str, Callable[..., dict[str, pd.DataFrame]]]] = [
    ("ingest", ingest_stage),
]


def build_tables(raw_dir: str | Path | None = None, manifest: str | Path | None | bool = None,
                 timings: dict[str, float] | None = None) -> dict[str, pd.DataFrame]:
    """Every table, in memory, from the raw folder (stage times into ``timings`` if given)."""
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    tables: dict[str, pd.DataFrame] = {}
    for name, stage in STAGES:
        started = time.perf_counter()
        tables.update(stage(tables, raw, manifest) if stage is ingest_stage else stage(tables))
        if timings is not None:
            timings[name] = time.perf_counter() - started
    return tables


def build(raw_dir: str | Path | None = None, out_dir: str | Path | None = None,
          manifest: str | Path | None | bool = None, check_sums: bool = True) -> dict[str, Path]:
    """Build every table from ``raw_dir`` and write it into ``out_dir``.

    When the raw folder has a ``SHA256SUMS`` file, the files it lists are
    checked first: a changed or missing file stops the build (raw data is
    immutable; regenerate the sums deliberately with ``python -m analysis sums``).
    """
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    if check_sums:
        provenance.verify_raw_sums(raw)
    tables = build_tables(raw, manifest=manifest)
    return {name: catalog.write_table(frame, name, out_dir) for name, frame in tables.items()}


def data_dictionary() -> str:
    """The data dictionary as Markdown: one table per built table (README.md embeds it)."""
    parts = []
    for table, columns in TABLE_COLUMNS.items():
        parts.append(f"#### `{table}`\n\n| column | meaning |\n|---|---|")
        parts.extend(f"| `{name}` | {text.replace('|', '/')} |" for name, text in columns.items())
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
