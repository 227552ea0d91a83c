"""The raw folder by kind: each file is read by what it is, into :class:`~analysis.ingest.units.RawUnit` objects.

The kind comes from the file name, as analysts name their exports:

- ``.html``, ``.htm``: one page (:mod:`~analysis.ingest.html_pages`);
- ``.warc``, ``.warc.gz``: one unit per record (:mod:`~analysis.ingest.warc_records`);
- ``.csv``, ``.jsonl``, ``.parquet``: one unit per row (:mod:`~analysis.ingest.table_rows`);
- anything else: a plain-text article, as the bundled seeds are.

What is not an article (``manifest.csv``, sums, READMEs, dotfiles, build
outputs), links out of the folder, pipes and devices are refused before any
is opened (:func:`~analysis.ingest.files.refusal`), each with an error row.
WARC and table files are streamed; other files are read whole (one article
each). A reader that fails on one file costs that file only: the units read
before the failure are kept and the failure is an ``unreadable`` row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from analysis.ingest.files import printable, read_regular, refusal
from analysis.ingest.html_pages import page_unit
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
    """Every unit of every entry of ``raw_dir``, entries in sorted order; refused entries as error units."""
    entries = sorted(raw_dir.iterdir())
    names = {path.name for path in entries}
    root = raw_dir.resolve()
    for path in entries:
        name = printable(path.name)
        if name != path.name:
            yield RawUnit(name, Path(name).stem, error=(
                "bad_file_name", f"the file name {path.name.encode('utf-8', 'surrogateescape')!r} is not valid UTF-8; "
                                 f"it is read as {name!r} (rename the file)"))
        refused = refusal(path, root, names)
        if refused:
            yield RawUnit(name, Path(name).stem, error=refused)
            continue
        try:
            yield from _file_units(path, columns)
        except OSError as exc:
            yield RawUnit(name, Path(name).stem, error=("unreadable", f"{name} cannot be read: {exc.strerror or exc}"))
        except Exception as exc:  # one file's reader failing must not stop the build
            yield RawUnit(name, Path(name).stem, error=(
                "unreadable", f"{name} could not be read: {type(exc).__name__}: {printable(str(exc))[:200]}"))


def _file_units(path: Path, columns: dict[str, str] | None) -> Iterator[RawUnit]:
    kind = kind_of(path)
    if kind == "warc":
        yield from iter_warc(path)
    elif kind == "table":
        yield from iter_table(path, columns)
    elif kind == "html":
        yield page_unit(read_regular(path), path.name, path.stem)
    else:
        yield RawUnit(path.name, path.stem, data=read_regular(path))
