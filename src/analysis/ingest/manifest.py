"""The optional ``manifest.csv`` of the raw folder: metadata an analyst gives per article.

Manifest values win over what the text says (see :mod:`analysis.ingest.corpus`).
Parsing is strict, and nothing is lost to it: each problem is an
``ingest_errors`` row naming the row and column, the bad value is dropped
(the article is still ingested, its metadata then read from the text), and
only a manifest that cannot be read at all is a :class:`ManifestError`.

- an unknown column (``pubished``) or one given twice is named; of a
  duplicated column the first is used, and a row where the two differ is named;
- a quote left open swallows the lines after it into one field: the
  swallowed lines that have the header's number of fields are read back as
  their own rows, and the row where the quote opened is named;
- dates, urls and languages are checked by :mod:`analysis.ingest.metadata_values`.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.ingest.metadata_values import date_problem, language_problem, url_problem

log = logging.getLogger(__name__)

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


def _records(path: Path) -> tuple[list[str], list[tuple[list[str], list[str]]]]:
    """The header and each record of the manifest with the physical lines it was read from."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            lines = list(io.StringIO(handle.read(), newline=""))
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot be read: {exc}") from exc
    reader = csv.reader(lines)
    records = []
    consumed = 0
    try:
        for fields in reader:
            records.append((fields, lines[consumed:reader.line_num]))
            consumed = reader.line_num
    except csv.Error as exc:
        raise ManifestError(f"{path}: cannot be read: line {reader.line_num}: {exc}") from exc
    if not records:
        return [], []
    header, *rows = records
    return [name.strip() for name in header[0]], [r for r in rows if any(f.strip() for f in r[0]) or len(r[1]) > 1]


def _one_line(line: str) -> list[str]:
    """The fields of one physical line, a quote in it taken literally when it is left open."""
    if line.count('"') % 2 == 0:
        return next(csv.reader([line]), [])
    return [field.strip().strip('"') for field in next(csv.reader([line], quoting=csv.QUOTE_NONE), [])]


def _split_swallowed(fields: list[str], lines: list[str], width: int) -> list[list[str]] | None:
    """The rows a record that ran over several lines swallowed, each line read alone; None when the
    lines do not look like rows (a quoted value that really holds a line break)."""
    alone = [_one_line(line.rstrip("\r\n")) for line in lines]
    if not any(len(row) == width for row in alone[1:]):
        return None
    return alone


def read_manifest(path: Path, errors: list[dict]) -> dict[str, ManifestRow]:
    """Read ``manifest.csv`` keyed by article_id; row and column problems go to ``errors``.

    Raises :class:`ManifestError` when the file cannot be read or lacks a
    required column: then no row can be trusted.
    """
    columns, records = _records(path)
    missing = [c for c in MANIFEST_REQUIRED if c not in columns]
    if missing:
        raise ManifestError(f"{path}: missing required column(s): {', '.join(missing)} (columns found: {', '.join(columns) or 'none'})")

    def error(row: int | None, column: str | None, reason: str, detail: str) -> None:
        place = f"row {row}" if row is not None else "header"
        errors.append({"source_file": path.name, "record": None, "row": row, "column": column, "reason": reason,
                       "detail": f"{path.name} {place}" + (f", column {column}" if column else "") + f": {detail}",
                       "sha256": None})

    known = MANIFEST_REQUIRED + MANIFEST_OPTIONAL
    first_index: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}
    for index, name in enumerate(columns):
        if not name:
            continue
        if name in first_index:
            repeats.setdefault(name, [first_index[name]]).append(index)
        else:
            first_index[name] = index
    for name, indexes in repeats.items():
        error(None, name, "manifest_duplicate_column",
              f"the column appears {len(indexes)} times (columns {', '.join(str(i + 1) for i in indexes)}); the first is used")
    unknown = [name for name in first_index if name not in known]
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1)
        error(None, name, "manifest_unknown_column", "not a manifest column, its values are ignored"
              + (f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(known)})"))
    if unknown:
        log.warning("%s: column(s) %s are not manifest columns and are ignored (known: %s)", path,
                    ", ".join(unknown), ", ".join(known))

    rows: list[list[str]] = []
    for fields, lines in records:
        if len(lines) > 1:
            opened = next((i for i, field in enumerate(fields) if "\n" in field or "\r" in field), len(fields) - 1)
            column = columns[opened] if opened < len(columns) else None
            split = _split_swallowed(fields, lines, len(columns))
            if split is not None:
                error(len(rows) + 1, column, "manifest_bad_quote",
                      f"a quote is opened and never closed, so it swallowed the {len(lines) - 1} line(s) after it; "
                      f"each line is read as its own row, the quote taken literally (close or remove the quote)")
                rows.extend(split)
                continue
            error(len(rows) + 1, column, "manifest_bad_quote",
                  f"a quoted value runs over {len(lines)} lines; it is kept, line breaks and all (check the quotes)")
        rows.append(fields)

    manifest: dict[str, ManifestRow] = {}
    for number, fields in enumerate(rows, start=1):
        if len(fields) > len(columns):
            error(number, None, "manifest_extra_fields",
                  f"{len(fields)} fields where the header has {len(columns)}; the extra ones are ignored")
        cells = [field.strip() if field.strip() else None for field in fields]
        values = {name: cells[index] if index < len(cells) else None for name, index in first_index.items()
                  if name in known}
        for name, indexes in repeats.items():
            given = [cells[i] for i in indexes if i < len(cells) and cells[i] is not None]
            if len(set(given)) > 1:
                error(number, name, "manifest_duplicate_column",
                      f"the column is given twice with different values ({', '.join(map(repr, given))}); "
                      f"{given[0]!r} is used")
                values[name] = given[0]
            elif given:
                values[name] = given[0]
        article_id = values.get("article_id")
        if not article_id:
            error(number, "article_id", "manifest_missing_value", "article_id is empty")
            continue
        article_id = unicodedata.normalize("NFC", Path(article_id).stem)
        if article_id in manifest:
            error(number, "article_id", "manifest_duplicate_row", f"article_id {article_id!r} already given in row {manifest[article_id].row}; this row is ignored")
            continue
        published = None
        if values.get("published"):
            problem = date_problem(values["published"])
            if problem:
                error(number, "published", "manifest_bad_date", f"{problem}; the date is taken from the text instead")
            else:
                published = dt.date.fromisoformat(values["published"])
        basis = values.get("published_basis")
        if basis and basis not in MANIFEST_BASES:
            error(number, "published_basis", "manifest_bad_value", f"{basis!r} is not one of {', '.join(sorted(MANIFEST_BASES))}; 'manifest' is used instead")
            values["published_basis"] = None
        if values.get("url"):
            problem = url_problem(values["url"])
            if problem:
                error(number, "url", "manifest_bad_url", f"{problem}; the url is left empty")
                values["url"] = None
        if values.get("language"):
            problem = language_problem(values["language"])
            if problem:
                error(number, "language", "manifest_bad_value", f"{problem}; the language is guessed from the text instead")
                values["language"] = None
        manifest[article_id] = ManifestRow(number, values, published)
    return manifest
