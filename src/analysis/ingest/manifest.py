"""The optional ``manifest.csv`` of the raw folder: metadata an analyst gives per article.

Manifest values win over what the text says (see :mod:`analysis.ingest.corpus`).
A row that cannot be used is reported in ``ingest_errors`` and skipped or
corrected; a manifest that cannot be read at all is a :class:`ManifestError`.
"""

from __future__ import annotations

import csv
import logging
import re
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from analysis.core.dates import as_date, outside_window

log = logging.getLogger(__name__)
ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MANIFEST_REQUIRED = ("article_id",)
MANIFEST_OPTIONAL = ("outlet", "url", "published", "published_basis", "republished_by", "language", "title", "note")
MANIFEST_BASES = {"manifest", "header", "byline", "text", "external"}


class ManifestError(ValueError):
    """The manifest cannot be used at all (unreadable, or a required column missing)."""


@dataclass
class ManifestRow:
    """One usable manifest row: its number (1 = first data row), its values, its publication date."""

    row: int
    values: dict[str, str | None]
    published: dt.date | None


def date_problem(text: str) -> str:
    """Why ``text`` is not a date: impossible (``2020-09-31``) or not in YYYY-MM-DD form."""
    if ISO_SHAPE.match(text):
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            return f"{text!r} is an impossible date ({exc})"
    return f"{text!r} is not a date in YYYY-MM-DD form"


def read_manifest(path: Path, errors: list[dict]) -> dict[str, ManifestRow]:
    """Read ``manifest.csv`` keyed by article_id; row problems go to ``errors``.

    Raises :class:`ManifestError` when the file cannot be read or lacks a
    required column: then no row can be trusted.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in MANIFEST_REQUIRED if c not in columns]
            if missing:
                raise ManifestError(f"{path}: missing required column(s): {', '.join(missing)} (columns found: {', '.join(columns) or 'none'})")
            rows = list(reader)
            unknown = [c for c in columns if c and c not in MANIFEST_REQUIRED + MANIFEST_OPTIONAL]
            if unknown:
                log.warning("%s: column(s) %s are not manifest columns and are ignored (known: %s)", path,
                            ", ".join(unknown), ", ".join(MANIFEST_REQUIRED + MANIFEST_OPTIONAL))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot be read: {exc}") from exc

    def error(row: int, column: str | None, reason: str, detail: str) -> None:
        errors.append({"source_file": path.name, "record": None, "row": row, "column": column, "reason": reason,
                       "detail": f"{path.name} row {row}" + (f", column {column}" if column else "") + f": {detail}",
                       "sha256": None})

    manifest: dict[str, ManifestRow] = {}
    for number, raw in enumerate(rows, start=1):
        values = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in raw.items() if k}
        article_id = values.get("article_id")
        if not article_id:
            error(number, "article_id", "manifest_missing_value", "article_id is empty")
            continue
        article_id = Path(article_id).stem
        if article_id in manifest:
            error(number, "article_id", "manifest_duplicate_row", f"article_id {article_id!r} already given in row {manifest[article_id].row}; this row is ignored")
            continue
        published = None
        if values.get("published"):
            try:
                published = as_date(values["published"])
            except ValueError:
                error(number, "published", "manifest_bad_date", f"{date_problem(values['published'])}; the date is taken from the text instead")
            refused = outside_window(published) if published is not None else None
            if refused:
                error(number, "published", "manifest_bad_date", f"{refused}: no publication date of this corpus; the date is taken from the text instead")
                published = None
        basis = values.get("published_basis")
        if basis and basis not in MANIFEST_BASES:
            error(number, "published_basis", "manifest_bad_value", f"{basis!r} is not one of {', '.join(sorted(MANIFEST_BASES))}; 'manifest' is used instead")
            values["published_basis"] = None
        manifest[article_id] = ManifestRow(number, values, published)
    return manifest
