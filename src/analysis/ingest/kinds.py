"""The raw folder by kind: each file is read by what it is, into :class:`~analysis.ingest.units.RawUnit` objects.

The kind comes from the file name, as analysts name their exports:

- ``.html``, ``.htm``: one page (:mod:`~analysis.ingest.html_pages`);
- ``.warc``, ``.warc.gz``: one unit per record (:mod:`~analysis.ingest.warc_records`);
- ``.csv``, ``.jsonl``, ``.parquet``: one unit per row (:mod:`~analysis.ingest.table_rows`);
- anything else: a plain-text article, as the bundled seeds are.

``manifest.csv``, ``SHA256SUMS`` and READMEs are not articles. WARC and table
files are streamed; other files are read whole (one article each).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from analysis.ingest.files import NOT_ARTICLES
from analysis.ingest.html_pages import read_page
from analysis.ingest.table_rows import SUFFIXES as TABLE_SUFFIXES, iter_table
from analysis.ingest.units import RawUnit
from analysis.ingest.warc_records import SUFFIXES as WARC_SUFFIXES, iter_warc

HTML_SUFFIXES = (".html", ".htm")
KINDS = ("text", "html", "warc", "table")


def kind_of(path: Path) -> str:
    """``text``, ``html``, ``warc`` or ``table``, from the file name."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(TABLE_SUFFIXES):
        return "table"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def iter_units(raw_dir: Path, columns: dict[str, str] | None = None) -> Iterator[RawUnit]:
    """Every unit of every candidate file of ``raw_dir``, files in sorted order."""
    for path in sorted(raw_dir.iterdir()):
        if path.name in NOT_ARTICLES or path.name.startswith("."):
            continue
        if path.is_dir():
            yield RawUnit(path.name, path.stem, error=(
                "not_a_file", f"{path.name} is a folder; put article files directly in {raw_dir}"))
            continue
        try:
            yield from _file_units(path, columns)
        except OSError as exc:
            yield RawUnit(path.name, path.stem, error=("unreadable", f"{path.name} cannot be read: {exc.strerror or exc}"))


def _file_units(path: Path, columns: dict[str, str] | None) -> Iterator[RawUnit]:
    kind = kind_of(path)
    if kind == "warc":
        yield from iter_warc(path)
    elif kind == "table":
        yield from iter_table(path, columns)
    elif kind == "html":
        yield read_page(path.read_bytes(), path.name, path.stem)
    else:
        yield RawUnit(path.name, path.stem, data=path.read_bytes())
