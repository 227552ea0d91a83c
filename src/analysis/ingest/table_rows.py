"""Table exports (``.csv``, ``.jsonl``, ``.parquet``): one row per article, read as a stream.

Columns are found by name: ``text`` is required; ``title``, ``url``,
``published``, ``outlet``, ``language`` and ``article_id`` are optional. A
mapping (``--columns text=body,published=date``) names the export's own
columns for ours. Rows are numbered from 1 (the first data row). A row
without text is ``empty``; a CSV row with more cells than the header, or a
JSONL line that is not an object, is ``bad_row``; a JSONL line that is not
JSON is ``undecodable``; a CSV or Parquet file without the text column is one
``missing_text_column`` error for all its rows (a JSONL object without it is
``empty``). A published value that is not
a date is noted (``bad_date``) and the date is read from the text instead.
Parquet is read in batches with pyarrow, a CSV or JSONL file line by line:
memory does not grow with the file.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.core.dates import as_date, outside_window
from analysis.ingest.units import RawUnit, position_id

SUFFIXES = (".csv", ".jsonl", ".parquet")
FIELDS = ("text", "title", "url", "published", "outlet", "language", "article_id")
PARQUET_BATCH = 512
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a long article is one cell


class ColumnsError(ValueError):
    """A ``--columns`` mapping that cannot be used (names the bad item)."""


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"text=body,published=date"`` -> ``{"text": "body", "published": "date"}``, checked against :data:`FIELDS`."""
    mapping: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        ours, sep, theirs = item.partition("=")
        if not sep or not theirs.strip():
            raise ColumnsError(f"--columns item {item!r}: write OURS=THEIRS, e.g. text=body")
        if ours.strip() not in FIELDS:
            raise ColumnsError(f"--columns item {item!r}: {ours.strip()!r} is not one of {', '.join(FIELDS)}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def iter_table(path: Path, columns: dict[str, str] | None = None) -> Iterator[RawUnit]:
    """One :class:`RawUnit` per row of ``path`` (or one error when the file cannot be used)."""
    names = {ours: (columns or {}).get(ours, ours) for ours in FIELDS}
    suffix = path.suffix.lower()
    rows = _csv_rows(path) if suffix == ".csv" else _jsonl_rows(path) if suffix == ".jsonl" else _parquet_rows(path)
    try:
        for number, row, problem in rows:
            if number == 0:  # the header, checked before any row
                if names["text"] not in row:
                    found = ", ".join(map(str, row)) or "none"
                    yield RawUnit(path.name, path.stem, column=names["text"], error=(
                        "missing_text_column", f"{path.name} has no column {names['text']!r} (columns: {found}); "
                                               f"name the text column with --columns text=NAME"))
                    return
                continue
            yield _row_unit(path, number, row, problem, names)
    except (csv.Error, UnicodeDecodeError, OSError, pa.ArrowException) as exc:
        yield RawUnit(path.name, position_id(path, -1), error=(
            "undecodable", f"{path.name} cannot be read further: {exc}"))


def _row_unit(path: Path, number: int, row: dict | None, problem: tuple[str, str] | None, names: dict) -> RawUnit:
    article_id = str(row.get(names["article_id"]) or "").strip() if row else ""
    unit = RawUnit(path.name, article_id or position_id(path, number), row=number)
    if problem:
        unit.error = (problem[0], f"{path.name} row {number}: {problem[1]}")
        return unit
    if names["text"] not in row:
        unit.error = ("empty", f"{path.name} row {number} has no {names['text']!r} field")
        unit.column = names["text"]
        return unit
    text = row.get(names["text"])
    text = "" if text is None else str(text)
    unit.data = text.encode("utf-8")
    if not text.strip():
        unit.error = ("empty", f"{path.name} row {number}: the {names['text']!r} cell is empty")
        unit.column = names["text"]
        return unit
    unit.text = text
    for ours in ("title", "url", "outlet", "language"):
        value = row.get(names[ours])
        if value is not None and str(value).strip():
            unit.given[ours] = str(value).strip()
    raw_date = row.get(names["published"])
    if raw_date is not None and str(raw_date).strip():
        try:
            day = as_date(raw_date, leading_date=True)
        except ValueError:
            unit.notes.append((names["published"], "bad_date",
                               f"{path.name} row {number}, column {names['published']!r}: {str(raw_date)[:40]!r} is not a "
                               f"date in YYYY-MM-DD form; the date is taken from the text instead"))
        else:
            refused = outside_window(day) if day is not None else None
            if refused:
                unit.notes.append((names["published"], "bad_date",
                                   f"{path.name} row {number}, column {names['published']!r}: {refused}; "
                                   f"the date is taken from the text instead"))
            elif day is not None:
                unit.given["published"] = day
                unit.published_basis, unit.basis_detail = "table", f"column {names['published']!r} of {path.name}"
    return unit


def _csv_rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        yield 0, {name: None for name in header}, None
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                yield number, {}, ("empty", "the row is blank")
            elif len(cells) > len(header):
                yield number, None, ("bad_row", f"{len(cells)} cells under a header of {len(header)} columns "
                                                "(an unquoted comma or line break?)")
            else:
                yield number, dict(zip(header, cells)), None


def _jsonl_rows(path: Path):
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, ("undecodable", f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield number, None, ("bad_row", "the line is not a JSON object")
                continue
            yield number, row, None


def _parquet_rows(path: Path):
    table = pq.ParquetFile(path)
    yield 0, {name: None for name in table.schema_arrow.names}, None
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH):
        for row in batch.to_pylist():
            number += 1
            yield number, row, None
