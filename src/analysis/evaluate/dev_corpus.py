"""The development corpus of real articles (``docs/DEV_CORPUS.md``): which texts are here, and its gold.

The texts are third-party material kept out of git; ``corpus.csv`` records
where each came from (url, search query and rank) and its SHA-256, so a
missing text can be rebuilt and a rebuilt one checked. The gold gives
evidence as character offsets into the text; :func:`gold_with_text` fills in
the spans from the texts present, so the scorers read it like the seeds' gold.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.core import config

CORPUS_COLUMNS = ("id", "url", "query", "rank", "sha256", "outlet", "republished_by", "country",
                  "published", "published_basis", "kind", "split")
SPLITS = ("dev", "test")
# Gold items whose text is given by offsets: (section, offset prefix, text field the scorers read).
OFFSET_FIELDS = (("claims", "evidence", "evidence"), ("dated_events", "expression", "expression"))


class DevCorpusError(ValueError):
    """corpus.csv or the gold is malformed, or names a text that is not there."""


@dataclass(frozen=True)
class TextStatus:
    """One corpus row checked against the texts folder."""

    id: str
    state: str  # "present", "missing" or "changed" (the file's SHA-256 is not the recorded one)
    row: dict


def read_corpus(path: Path | None = None) -> list[dict]:
    """The rows of ``corpus.csv``; errors name the file and row."""
    path = Path(path or config.DEV_CORPUS_FILE)
    if not path.exists():
        raise DevCorpusError(f"development corpus list not found: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in CORPUS_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DevCorpusError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    for number, row in enumerate(rows, start=2):
        if row["split"] not in SPLITS:
            raise DevCorpusError(f"{path} row {number}: split {row['split']!r} is not one of {', '.join(SPLITS)}")
    return rows


def text_path(article_id: str, texts_dir: Path | None = None) -> Path:
    return Path(texts_dir or config.DEV_TEXTS_DIR) / f"{article_id}.txt"


def status(rows: list[dict], texts_dir: Path | None = None) -> list[TextStatus]:
    """Each row's text: present with the recorded hash, missing, or changed."""
    out = []
    for row in rows:
        path = text_path(row["id"], texts_dir)
        if not path.exists():
            state = "missing"
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            state = "changed"
        else:
            state = "present"
        out.append(TextStatus(row["id"], state, row))
    return out


def format_status(checked: list[TextStatus], texts_dir: Path | None = None) -> str:
    """A summary for a person, and for each text not present how to rebuild it."""
    folder = Path(texts_dir or config.DEV_TEXTS_DIR)
    counts = {state: sum(s.state == state for s in checked) for state in ("present", "missing", "changed")}
    outlets = len({s.row["outlet"] for s in checked})
    splits = {split: sum(s.row["split"] == split for s in checked) for split in SPLITS}
    lines = [f"{len(checked)} articles from {outlets} outlets ({splits['dev']} dev, {splits['test']} test) in the list; "
             f"{counts['present']} texts present in {folder}, {counts['missing']} missing, {counts['changed']} changed."]
    todo = [s for s in checked if s.state != "present"]
    if todo:
        lines += ["", "To rebuild a text: run the query with the search tool (corpus `pages`), take the result at that",
                  "rank, write its excerpt exactly (UTF-8, nothing added) to the file, and check its SHA-256.", ""]
        for s in todo:
            lines.append(f"{s.state:8} {text_path(s.id, folder).name}  rank {s.row['rank']} of query {s.row['query']!r}"
                         f"  sha256 {s.row['sha256']}  ({s.row['url']})")
    return "\n".join(lines)


def split_ids(rows: list[dict], split: str | None) -> set[str]:
    """The ids of one split (every id when ``split`` is None)."""
    if split is not None and split not in SPLITS:
        raise DevCorpusError(f"split {split!r} is not one of {', '.join(SPLITS)}")
    return {row["id"] for row in rows if split is None or row["split"] == split}


def gold_with_text(records: list[dict], texts_dir: Path | None = None) -> list[dict]:
    """Gold records with ``evidence`` / ``expression`` filled in from their offsets into the texts."""
    out = []
    for record in records:
        path = text_path(record["article_id"], texts_dir)
        if not path.exists():
            raise DevCorpusError(f"gold names {record['article_id']}, whose text is not in {path.parent} "
                                 "(rebuild it, see `python -m analysis devcorpus`, or score without it: --skip-missing)")
        text = path.read_text(encoding="utf-8")
        record = dict(record)
        for section, prefix, field in OFFSET_FIELDS:
            items = record.get(section)
            if items is None:
                continue
            filled = []
            for item in items:
                item = dict(item)
                start, end = item.get(f"{prefix}_start"), item.get(f"{prefix}_end")
                if field not in item and start is not None and end is not None:
                    if not (0 <= start < end <= len(text)):
                        raise DevCorpusError(f"{record['article_id']}: {section} offsets {start}-{end} outside the text")
                    item[field] = text[start:end]
                filled.append(item)
            record[section] = filled
        out.append(record)
    return out
