"""The build: ``data/raw`` -> every table in ``data/processed``.

One function per stage, each a pure function of the tables before it, run in
order by :func:`build_tables`; :func:`build` adds the raw-data check and the
atomic writes. ``TABLE_COLUMNS`` is the data dictionary: every table and the
meaning of each of its columns (README.md shows the same).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

import pandas as pd

from . import catalog, claims, config, corpus, dates, framing, incidents, lag, provenance

REGION_NAME_COLUMNS = {
    "article_id": "article",
    "<name>": "one column per region name found in the corpus (always Artsakh, Nagorno-Karabakh, Karabakh): its count in the article",
}

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "articles": corpus.ARTICLE_COLUMNS,
    "ingest_errors": corpus.ERROR_COLUMNS,
    "events": dates.COLUMNS,
    "incidents": incidents.INCIDENT_COLUMNS,
    "incident_mentions": incidents.MENTION_COLUMNS,
    "reporting_lag": lag.LAG_COLUMNS,
    "claims": {**claims.COLUMNS, incidents.CLAIM_INCIDENT_COLUMN: "incident the claim's sentence is linked to (incidents table), null when none"},
    "announcement_lag": lag.ANNOUNCEMENT_COLUMNS,
    "name_mentions": framing.COLUMNS["name_mentions"],
    "names": framing.COLUMNS["names"],
    "region_names": REGION_NAME_COLUMNS,
    "sources": framing.COLUMNS["sources"],
    "hedges": framing.COLUMNS["hedges"],
}


def ingest_stage(tables: dict[str, pd.DataFrame], raw_dir: Path, manifest) -> dict[str, pd.DataFrame]:
    articles, errors = corpus.load_articles(raw_dir, manifest=manifest)
    return {"articles": articles, "ingest_errors": errors}


def events_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Dated events, incidents linked across articles (default tolerance), reporting lag."""
    events = dates.events_table(tables["articles"])
    found, mentions = incidents.link_incidents(events)
    return {"events": events, "incidents": found, "incident_mentions": mentions,
            "reporting_lag": lag.reporting_lag(found, mentions)}


def claims_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The casualty-claim ledger, linked to incidents, and the lag from announcement to relay."""
    ledger = incidents.attach_claims(claims.claims_table(tables["articles"]), tables["incident_mentions"])
    return {"claims": ledger, "announcement_lag": lag.announcement_lag(ledger, tables["articles"])}


def framing_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Names, sources and hedges per article (corpus-level comparisons live in report 04)."""
    articles = tables["articles"]
    mentions = framing.name_mentions(articles)
    sources = framing.sources_table(articles)
    return {
        "name_mentions": mentions,
        "names": framing.names_table(mentions),
        "region_names": framing.region_name_counts(articles).reset_index(),
        "sources": sources,
        "hedges": framing.hedges_table(articles, attributions=sources),
    }


# (stage name, function of the tables built so far -> new tables), in order.
STAGES: list[tuple[str, Callable[..., dict[str, pd.DataFrame]]]] = [
    ("ingest", ingest_stage),
    ("events", events_stage),
    ("claims", claims_stage),
    ("framing", framing_stage),
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

    The SHA-256 of every raw file goes into ``build_inputs.json`` beside the
    tables, so a report cites the raw files its tables were really built from.
    When the raw folder has a ``SHA256SUMS`` file, the files it lists are
    checked first: a changed or missing file stops the build (raw data is
    immutable; regenerate the sums deliberately with ``python -m analysis sums``).
    """
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    if check_sums:
        provenance.verify_raw_sums(raw)
    tables = build_tables(raw, manifest=manifest)
    written = {name: catalog.write_table(frame, name, out_dir) for name, frame in tables.items()}
    record = {"raw": {n: h for n, h in provenance.file_hashes(raw).items() if n != provenance.SUMS_NAME}}
    catalog.atomic_write_text(catalog.processed_dir(out_dir) / provenance.BUILD_INPUTS,
                              json.dumps(record, indent=2, sort_keys=True) + "\n")
    return written


def data_dictionary() -> str:
    """The data dictionary as Markdown: one table per built table (README.md embeds it)."""
    parts = []
    for table, columns in TABLE_COLUMNS.items():
        parts.append(f"#### `{table}`\n\n| column | meaning |\n|---|---|")
        parts.extend(f"| `{name}` | {text.replace('|', '/')} |" for name, text in columns.items())
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
