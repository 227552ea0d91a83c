"""Corpus ingestion: a folder of raw article files -> ``articles`` and ``ingest_errors``.

Every file in the raw folder ends up in exactly one of the two tables. Raw
files are only read, never written (:mod:`~analysis.ingest.files`). Metadata
comes, in order of trust, from the optional ``manifest.csv``
(:mod:`~analysis.ingest.manifest`), then from the text itself
(:mod:`~analysis.ingest.text_metadata`: header line, dated byline, dateline,
title suffix, sign-off), then from the dates the text mentions
(:mod:`~analysis.ingest.publication_dates`). Manifest values win; a header
date that contradicts the text is flagged, never trusted blindly.

Dates need the corpus year (a dateline without a year takes it when the
article writes no full date of its own): the year most articles of the build
are dated in by manifest, header or date line. Articles the first pass could
not date from a manifest, a header or a dated line are dated once that year is known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple
from urllib.parse import urlparse

import pandas as pd
from tqdm import tqdm

from analysis.core import schema
from analysis.core import catalog
from analysis.core import config
from analysis.core.dates import outside_window
from analysis.ingest import html_pages
from analysis.ingest.files import Decoded, decode, looks_binary, printable
from analysis.ingest.kinds import iter_units
from analysis.ingest.language import guess_language
from analysis.ingest.manifest import ManifestError, ManifestRow, read_manifest
from analysis.ingest.metadata_values import language_problem, url_problem
from analysis.ingest.normalize import normalize_text
from analysis.ingest.outlets import OutletLexicon, outlets
from analysis.ingest.outlet_mentions import AUTHOR_BASES, origin_outlet
from analysis.ingest.publication_dates import corpus_year, date_line_year, header_contradicts_text, infer_publication_window
from analysis.ingest.text_metadata import TextMetadata, read_text_metadata
from analysis.ingest.sorted_runs import SortedRuns, blocks, merge_sorted
from analysis.ingest.units import RawUnit
from analysis.ingest.url_dates import url_date

ARTICLE_COLUMNS = schema.descriptions("articles")

ERROR_COLUMNS = schema.descriptions("ingest_errors")

GIVEN_BASES = ("html", "table")
"""Publication bases a file's form gives (HTML metadata, a table's column); the text is still checked against them."""

NOTICE_REASONS = ("skipped",)
"""Reasons of ``ingest_errors`` rows that are no problem: a file that is not an article, listed so that every
raw file is accounted for (``--strict`` and the build summary leave them out of the errors)."""

INGEST_CHUNK = 1000
"""Articles held as Python records while a corpus is read: a sorted run of this many is spilled to disk
(:class:`ArticleStream`), and :func:`load_articles` makes its frames this many rows at a time."""



def load_articles(
    raw_dir: str | Path | None = None,
    manifest: str | Path | None | bool = None,
    columns: dict[str, str] | None = None,
    progress: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest every file of ``raw_dir`` into ``(articles, ingest_errors)``, in memory.

    Files are read by kind (:mod:`~analysis.ingest.kinds`: plain text, HTML,
    WARC, CSV/JSONL/Parquet); every page, record and row ends in one of the
    two tables. ``manifest`` is a path, None for ``raw_dir/manifest.csv``
    when present, or False to ignore any manifest (metadata from the text
    alone). ``columns`` maps our table-export fields to an export's own
    column names (``{"text": "body"}``). ``progress`` shows a bar on stderr.
    The build streams the same rows instead (:class:`ArticleStream`).
    """
    with ArticleStream(raw_dir, manifest, columns, progress) as stream:
        errors = stream.read()
        parts = list(stream.frames(INGEST_CHUNK))
    return catalog.concat_chunks(parts, articles_frame([])), errors


class ArticleStream:
    """The ``articles`` of a raw folder, read once and given back sorted by ``article_id``, a chunk at a time.

    :meth:`read` reads every unit (see :func:`load_articles`) and returns ``ingest_errors``; :meth:`frames`
    then gives the ``articles`` rows as frames of a chosen size. Records wait in sorted runs spilled to
    ``scratch`` (:mod:`~analysis.ingest.sorted_runs`), so memory holds some :data:`INGEST_CHUNK` articles
    whatever the corpus size; the articles that need the corpus year to be dated wait in runs of their own
    and are dated as they are merged back. Use as a context manager (the scratch files are removed on exit).
    """

    def __init__(self, raw_dir: str | Path | None = None, manifest: str | Path | None | bool = None,
                 columns: dict[str, str] | None = None, progress: bool = False,
                 scratch: str | Path | None = None):
        raw_dir = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
        if raw_dir.is_file():
            raise NotADirectoryError(f"--raw {raw_dir} is a file; give the folder that holds the articles")
        if not raw_dir.is_dir():
            raise FileNotFoundError(f"raw folder not found: {raw_dir}")
        self.raw_dir, self.manifest, self.columns, self.progress = raw_dir, manifest, columns, progress
        scratch = Path(scratch) if scratch is not None else None
        self._scratch = scratch
        self._dated = SortedRuns(_article_key, INGEST_CHUNK, scratch / "dated" if scratch else None)
        self._pending = SortedRuns(_pending_key, INGEST_CHUNK, scratch / "pending" if scratch else None)
        self._year: int | None = None
        self._read = False

    @property
    def count(self) -> int:
        """Articles read (after :meth:`read`)."""
        return self._dated.count + self._pending.count

    def read(self, mapper: Mapper | None = None) -> pd.DataFrame:
        """Read every unit of the raw folder; return the ``ingest_errors`` table.

        ``mapper(fn, items)`` gives ``fn(*item)`` for each item, in order, wherever it likes (the build's
        :meth:`~analysis.build.engine.Engine.map`: on its workers): the work on each unit
        that needs no other unit (:func:`prepared`). What needs them all (duplicates, ids taken, the corpus
        year) is done here.
        """
        if self._read:
            raise RuntimeError(f"{self.raw_dir}: already read")
        self._read = True
        raw_dir = self.raw_dir
        errors: list[dict] = []
        manifest_path = _manifest_path(raw_dir, self.manifest)
        rows = read_manifest(manifest_path, errors) if manifest_path else {}
        ingested: dict[str, str] = {}  # article id -> place of the unit kept under it
        seen_bytes: dict[bytes | None, str] = {}  # SHA-256 digest -> place of the article kept
        seen_text: dict[bytes, str] = {}
        years: Counter = Counter()  # years of the dates read with their year (manifest, header, date line)
        pending: list[tuple] = []  # (record, metadata, manifest row, flags) of an article to date with the corpus year

        def items() -> Iterator[tuple[RawUnit, ManifestRow | None, bool]]:
            for unit in tqdm(iter_units(raw_dir, self.columns), desc="read", unit=" units",
                             disable=not self.progress, file=sys.stderr, leave=False):
                unit.source_file = printable(unit.source_file)
                unit.article_id = unicodedata.normalize("NFC", printable(unit.article_id))
                digest = unit.sha256
                seen = digest is not None and bytes.fromhex(digest) in seen_bytes  # a copy: not built again
                yield unit, rows.get(unit.article_id), seen

        for unit, outcome in (mapper or serial_map)(prepared, items()):
            record = _article_or_error(unit, outcome, rows, seen_bytes, seen_text, ingested, pending)
            errors.extend(note_errors(unit))
            if "reason" in record:
                errors.append(record)
                continue
            ingested[record["article_id"]] = unit.where
            if record["published"] is None:
                self._pending.add(pending.pop())  # dated in frames(), once the corpus year is known
                continue
            years[record["published"].year] += 1
            self._dated.add(record)
        self._year = corpus_year(years.elements())
        ingested.update(dict.fromkeys(Path(e["source_file"]).stem for e in errors
                                      if e["row"] is None and e["record"] is None))
        errors.extend(_rows_without_file(rows, ingested, raw_dir))
        return errors_frame(errors)

    @property
    def year(self) -> int | None:
        """The corpus year the articles still undated are dated with (after :meth:`read`)."""
        return self._year

    def blocks(self, size: int) -> Iterator[list]:
        """The articles in ``article_id`` order, ``size`` to a block (after :meth:`read`): each a record, or
        an :class:`Undated` article that :func:`dated_frame` dates with :attr:`year`.

        Dating is left to whoever makes the block's frame: the build does it in the partition's task, where
        the events stage then finds the date candidates of the same texts already found.
        """
        if not self._read:
            raise RuntimeError(f"{self.raw_dir}: read() first")
        undated = (Undated(*waiting) for waiting in self._pending.merged())
        yield from blocks(merge_sorted([self._dated.merged(), undated], key=_item_key), size)

    def frames(self, size: int) -> Iterator[pd.DataFrame]:
        """The ``articles`` rows in ``article_id`` order, ``size`` to a frame (after :meth:`read`)."""
        for block in self.blocks(size):
            yield dated_frame(block, self._year)

    def close(self) -> None:
        """Remove the scratch files, and the ``scratch`` folder."""
        self._dated.close()
        self._pending.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> "ArticleStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Undated(NamedTuple):
    """An article the first pass could not date, waiting for the corpus year (:func:`dated_frame`)."""

    record: dict
    meta: TextMetadata
    row: ManifestRow | None
    flags: list[str]


def dated_frame(block: list, year_of_corpus: int | None) -> pd.DataFrame:
    """The ``articles`` frame of a block of :meth:`ArticleStream.blocks`, its :class:`Undated` articles dated
    with ``year_of_corpus``."""
    return articles_frame([_redate(*item, year_of_corpus) if isinstance(item, Undated) else item for item in block])


def _article_key(record: dict) -> str:
    return record["article_id"]


def _item_key(item) -> str:
    return item.record["article_id"] if isinstance(item, Undated) else item["article_id"]


def _pending_key(waiting: tuple) -> str:
    return waiting[0]["article_id"]


def _manifest_path(raw_dir: Path, manifest: str | Path | None | bool) -> Path | None:
    """The manifest to read (see :func:`load_articles`), None for none."""
    if manifest is None:
        candidate = raw_dir / config.MANIFEST_NAME
        return candidate if candidate.exists() else None
    if manifest is False:
        return None
    path = Path(manifest)
    if not path.exists():
        raise ManifestError(f"manifest not found: {path}")
    return path


def distinct_id(article_id: str, where: str, taken: dict[str, str]) -> str:
    """An id for a second article with ``article_id``: the id and a hash of the unit's place, deterministic."""
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    for length in range(8, len(digest) + 1, 4):
        candidate = f"{article_id}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"{where}: no distinct article id for {article_id!r}")  # 2**256 ids taken: unreachable


def serial_map(fn: Callable, items: Iterable[tuple]) -> Iterator:
    """``fn(*item)`` for each item, here and in order: the :data:`Mapper` of a build without workers."""
    return (fn(*item) for item in items)


Mapper = Callable[[Callable, Iterable[tuple]], Iterator]
"""``mapper(fn, items)``: ``fn(*item)`` for each item, in the items' order (see :meth:`ArticleStream.read`)."""


def prepared(unit: RawUnit, row: ManifestRow | None, seen: bool = False) -> tuple[RawUnit, tuple]:
    """The work on one raw unit that needs no other: its page read, its bytes decoded, its record built
    (dated without the corpus year); run wherever the build runs its workers, in batches.

    Gives back the unit (its page read) and the outcome: ``("early", reason, detail)`` for a unit refused
    before the duplicate check (unreadable, empty, binary), ``("late", reason, detail)`` for one refused after
    it (undecodable, nothing but debris), else ``("built", record, metadata, row, flags, text digest)``.
    ``row`` is the manifest row of the unit's id; ``seen``: its bytes are those of an article already kept, so
    it is neither read nor built (``("seen",)``).
    """
    if seen and not unit.error:  # the bytes of an article kept: no check before the duplicate one can refuse it
        return unit, ("seen",)
    if unit.page_pending:
        try:
            html_pages.finish_page(unit)
        except Exception as exc:  # one page's reader failing must not stop the build
            unit.page_pending = False
            unit.error = ("unreadable", f"{unit.where} could not be read: {type(exc).__name__}: "
                                        f"{printable(str(exc))[:200]}")
    where = unit.where
    if unit.error:
        return unit, ("early", *unit.error)
    data = unit.data
    if unit.text is None:
        if not data.strip():
            return unit, ("early", "empty", f"{where} is empty (no text to ingest)")
        if looks_binary(data):
            return unit, ("early", "binary", f"{where} is a binary file, not text; convert it to plain text first")
    decoded = decode(data) if unit.text is None else Decoded(unit.text, "utf-8")
    if decoded is None:
        return unit, ("late", "undecodable", f"{where} is neither UTF-8 nor any encoding that could be detected")
    record, meta, row, base_flags = _built_article(unit, decoded.text, decoded.encoding, row, outlets(),
                                                   defer=True, replacements=decoded.replacements)
    if not record["text"].strip():
        return unit, ("late", "empty", f"{where} holds nothing but page debris or metadata")
    return unit, ("built", record, meta, row, base_flags, hashlib.sha256(record["text"].encode()).digest())


def _article_or_error(unit: RawUnit, outcome: tuple, rows: dict[str, ManifestRow], seen_bytes: dict[str, str],
                      seen_text: dict[str, str], ingested: dict[str, str], pending: list[tuple]) -> dict:
    """The ``articles`` record of one raw unit (:func:`prepared` gave its ``outcome``), or its ``ingest_errors``
    record (it has a ``reason``): what needs the units read before it.

    ``seen_bytes``/``seen_text`` (hash -> place of the article kept) take the unit when it is kept;
    ``pending`` takes the record, with what :func:`_redate` needs, when its date needs the corpus year.
    An id already taken (``a.txt`` and ``a.md``, or two rows giving one id) is kept under
    :func:`distinct_id`, with a ``duplicate_id`` row saying so; a manifest row of the new id applies to it.
    """
    where = unit.where

    def fail(reason: str, detail: str) -> dict:
        return error_record(unit, reason, detail)

    if outcome[0] == "early":
        return fail(*outcome[1:])
    article_id = unit.article_id
    if article_id in ingested:
        unit.article_id = distinct_id(article_id, where, ingested)
    digest = unit.sha256
    bytes_key = bytes.fromhex(digest) if digest else None  # 32 bytes held per article, not 64 characters
    if bytes_key in seen_bytes:
        return fail("duplicate", f"{where} has the same bytes as {seen_bytes[bytes_key]}; only the first is kept")
    if outcome[0] == "seen":  # seen when read, so always caught just above; built here should it ever not be
        _, outcome = prepared(unit, rows.get(unit.article_id))
        if outcome[0] == "early":
            return fail(*outcome[1:])
    if outcome[0] == "late":
        return fail(*outcome[1:])
    if unit.article_id != article_id:
        if rows.get(unit.article_id) is not rows.get(article_id):  # the new id has a manifest row of its own
            _, outcome = prepared(unit, rows.get(unit.article_id))
        else:
            outcome[1]["article_id"] = unit.article_id
    record, meta, row, base_flags, text_key = outcome[1:]
    if text_key in seen_text:
        return fail("duplicate", f"{where} has the same text as {seen_text[text_key]} (after normalization); only the first is kept")
    seen_bytes[bytes_key] = where
    seen_text[text_key] = where
    if unit.article_id != article_id:
        detail = (f"{where} has the article id {article_id!r} of {ingested[article_id]}; both are kept, this one as "
                  f"{unit.article_id!r} (rename the file, or give the row its own article_id)")
        if where != ingested[article_id] and unicodedata.normalize("NFC", where) == unicodedata.normalize("NFC", ingested[article_id]):
            detail += "; the two names differ only in how accented letters are encoded (composed or decomposed)"
        unit.notes.append(("article_id", "duplicate_id", detail))
        base_flags.append(f"article id {article_id!r} taken by {ingested[article_id]}: kept as {unit.article_id!r}")
        record["flags"] = "; ".join(filter(None, [record["flags"], base_flags[-1]]))
    if record["published"] is None:
        pending.append((record, meta, row, base_flags))
    return record


def problems(errors: pd.DataFrame) -> pd.DataFrame:
    """The rows of an ``ingest_errors`` table that are problems: all but the :data:`NOTICE_REASONS` (skipped files)."""
    return errors[~errors["reason"].isin(NOTICE_REASONS)]


def error_record(unit: RawUnit, reason: str, detail: str, column: str | None = None) -> dict:
    """An ``ingest_errors`` record for ``unit``, named down to its record or row."""
    return {"source_file": printable(unit.source_file), "record": unit.record, "row": unit.row,
            "column": column or unit.column, "reason": reason, "detail": printable(detail), "sha256": unit.sha256}


def note_errors(unit: RawUnit) -> list[dict]:
    """The ``ingest_errors`` records of what a kept unit's reader corrected (a bad date in a row ...)."""
    return [error_record(unit, reason, detail, column) for column, reason, detail in unit.notes]


def _rows_without_file(rows: dict[str, ManifestRow], ingested: set[str], raw_dir: Path) -> list[dict]:
    """An ``ingest_errors`` record for each manifest row naming no file of the raw folder."""
    return [
        {"source_file": config.MANIFEST_NAME, "record": None, "row": row.row, "column": "article_id", "reason": "manifest_no_file",
         "detail": f"{config.MANIFEST_NAME} row {row.row}, column article_id: {article_id!r} names no file in {raw_dir}",
         "sha256": None}
        for article_id, row in rows.items() if article_id not in ingested
    ]


class PublicationDate(NamedTuple):
    """An article's publication date, where it came from, its window, and whether the header contradicts it."""

    published: dt.date | None
    basis: str | None
    earliest: dt.date | None
    latest: dt.date | None
    header_conflict: bool


def given_values(unit: RawUnit, row: ManifestRow | None, lexicon: OutletLexicon, flags: list[str]) -> ManifestRow | None:
    """The manifest row with what the unit's form carries filled in where the manifest is silent.

    Manifest values win. A site name the outlet lexicon knows gives that
    outlet; an unknown one is kept as written. A date the form gives (HTML
    metadata, a table's column) stands as the manifest's would, with its own
    basis.
    """
    given = {key: printable(value) if isinstance(value, str) else value for key, value in unit.given.items()}
    if not given:
        return row
    values = dict(row.values) if row else {}
    site = given.pop("site_name", None)
    if site and not given.get("outlet"):
        given["outlet"] = lexicon.outlet_for(site) or site
    for key, problem_of in (("url", url_problem), ("language", language_problem)):
        problem = problem_of(given[key]) if given.get(key) else None
        if problem:
            flags.append(f"{key} given by {unit.where} left out: {problem}")
            given.pop(key)
    for key in ("title", "url", "outlet", "language"):
        if given.get(key) and not values.get(key):
            values[key] = given[key]
    published = row.published if row and row.published else None
    if published is None and given.get("published"):
        published = given["published"]
        values["published_basis"] = unit.published_basis
        flags.append(f"publication date {published} from the {unit.published_basis}: {unit.basis_detail}")
    elif row and row.published and given.get("published") and given["published"] != row.published:
        flags.append(f"{unit.published_basis} date {given['published']} differs from the manifest date {row.published}")
    return ManifestRow(row.row if row else None, values, published)


def build_article(unit: RawUnit, text: str, encoding: str, row: ManifestRow | None, lexicon: OutletLexicon,
                  year_of_corpus: int | None = None) -> dict:
    """One ``articles`` record from a decoded unit, the metadata its form carries and its manifest row
    (``year_of_corpus``: see the module docstring)."""
    record, meta, row, base_flags = _built_article(unit, text, encoding, row, lexicon)
    return _redate(record, meta, row, base_flags, year_of_corpus) if year_of_corpus is not None else record


def _redate(record: dict, meta: TextMetadata, row: ManifestRow | None, base_flags: list[str],
            year_of_corpus: int | None) -> dict:
    """``record`` with its publication date worked out again, now that the corpus year is known."""
    flags = list(base_flags)
    dates = publication_date(row, meta, record["text"], flags, year_of_corpus)
    record.update(published=dates.published, published_basis=dates.basis, published_min=dates.earliest,
                  published_max=dates.latest, header_conflict=dates.header_conflict, flags="; ".join(flags))
    return record


def _built_article(unit: RawUnit, text: str, encoding: str, row: ManifestRow | None, lexicon: OutletLexicon,
                   defer: bool = False, replacements: int = 0) -> tuple[dict, TextMetadata, ManifestRow | None, list[str]]:
    """The record of :func:`build_article` dated without the corpus year, its metadata, the manifest row
    with the form's metadata filled in, and its flags before dating.

    ``defer``: dates that may need the corpus year (a year-less date line, inference from the text) stay
    None, for :func:`_redate`. ``replacements``: invalid byte sequences decoding replaced by U+FFFD.
    """
    flags: list[str] = []
    row = given_values(unit, row, lexicon, flags)
    if encoding != "utf-8":
        flags.append(f"decoded as {encoding}, not UTF-8")
    if replacements:
        flags.append(f"{replacements} invalid byte sequence(s) replaced by U+FFFD while decoding as {encoding}")
    lines = normalize_text(text).split("\n")
    meta, lines = read_text_metadata(lines, lexicon)
    flags.extend(meta.flags)
    body = "\n".join(lines)
    values = row.values if row else {}

    if meta.outlet is None or meta.outlet_basis not in AUTHOR_BASES:
        origin = origin_outlet(text, lexicon)  # a note dropped as debris: "originally published by X"
        if origin:
            if meta.outlet and not lexicon.same_outlet(meta.outlet, origin):
                meta.site = meta.site or meta.outlet
            meta.outlet, meta.outlet_basis = origin, "credit"
    outlet = values.get("outlet") or meta.outlet
    if values.get("outlet") and meta.outlet and not lexicon.same_outlet(meta.outlet, values["outlet"]):
        flags.append(f"manifest outlet {values['outlet']!r} differs from the {meta.outlet_basis} ({meta.outlet!r})")
    if outlet is None:
        flags.append("no outlet: add it to the manifest")
    base_flags = list(flags)
    dates = publication_date(row, meta, body, flags, defer=defer)
    if dates.basis in GIVEN_BASES:
        conflict = header_contradicts_text(body, dates.published)
        if conflict:
            flags.append(f"{dates.basis} date {dates.published} contradicts the text: {conflict}")

    url = values.get("url")
    republished_by = values.get("republished_by")
    if republished_by is None and url and outlet:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        if host and lexicon.owns_host(outlet, host) is False:
            republished_by = host
    if republished_by is None and meta.site and outlet and not lexicon.same_outlet(meta.site, outlet):
        republished_by = meta.site  # the text names the site that shows it, and another outlet as its author
    if outlet is None and url:
        outlet = lexicon.outlet_for_host(urlparse(url).hostname or "")

    return {
        "article_id": unit.article_id,
        "outlet": outlet,
        "url": url,
        "republished_by": republished_by,
        "title": values.get("title") or meta.title,
        "published": dates.published,
        "published_basis": dates.basis,
        "published_min": dates.earliest,
        "published_max": dates.latest,
        "language": values.get("language") or guess_language(body),
        "text": body,
        "n_words": len(body.split()),
        "sha256": unit.sha256,
        "flags": "; ".join(flags),
        "header_date": meta.header_raw,
        "header_conflict": dates.header_conflict,
        "encoding": encoding,
        "decoding_replacements": replacements,
        "source_file": unit.source_file,
        "record": unit.record,
        "row": unit.row,
        "retrieved": unit.given.get("retrieved"),
    }, meta, row, base_flags


def publication_date(row: ManifestRow | None, meta: TextMetadata, body: str, flags: list[str],
                     year_of_corpus: int | None = None, defer: bool = False) -> PublicationDate:
    """The publication date: manifest, else header, else the page's date line, else the day in the article's
    address (:func:`~analysis.ingest.url_dates.url_date`), else inferred from ``body``.

    A header date the text (or the manifest) contradicts is flagged, and not
    used. A date line without a year takes the year of the text's own full
    dates, else ``year_of_corpus`` (:func:`~analysis.ingest.publication_dates.date_line_year`).
    Problems are appended to ``flags``. ``defer``: leave undated what may need the corpus year.
    """
    values = row.values if row else {}
    published, basis = None, None
    line_day, line_basis = meta.date, meta.date_basis
    if line_day is None and meta.line_date is not None and meta.line_date.year is None and not defer:
        line_day, how = date_line_year(meta.line_date, body, year_of_corpus)
        if line_day is None:
            flags.append(f"date line {meta.line_date.line[:40]!r}: {how}")
        else:
            line_basis = "byline"
            flags.append(f"date line {meta.line_date.line[:40]!r} has no year: {how}")
    if row and row.published:
        published, basis = row.published, values.get("published_basis") or "manifest"
    elif meta.header_date:
        published, basis = meta.header_date, "header"
    elif line_day:
        published, basis = line_day, line_basis
    elif url_date(values.get("url")) and not (defer and meta.line_date is not None):  # a year-less date line first
        published, basis = url_date(values.get("url")), "external"
        flags.append(f"publication date {published} from the address {values['url']}")

    header_conflict = False
    if meta.header_date:
        reason = header_contradicts_text(body, meta.header_date)
        if reason:
            header_conflict = True
            flags.append(f"header date {meta.header_date} contradicts the text: {reason}")
            if basis == "header":
                published, basis = None, None
        if row and row.published and row.published != meta.header_date:
            header_conflict = True
            flags.append(f"header date {meta.header_date} differs from the manifest date {row.published}")
    if line_day and published and line_day != published and basis != line_basis:
        flags.append(f"{line_basis} date {line_day} differs from the {basis} date {published}")
    published_min = published_max = published
    if published is None and not defer:
        guess = infer_publication_window(body, year_of_corpus)
        if guess is not None:
            published, basis = guess.best, "text"
            published_min, published_max = guess.earliest, guess.latest
            flags.append(f"publication date inferred from the text ({guess.evidence}); window {guess.earliest} to {guess.latest}")
        else:
            flags.append("no publication date: add it to the manifest")
    refused = outside_window(published) if published is not None else None
    if refused:  # the one gate every source of the date passes (form metadata, date line, text)
        flags.append(f"{basis} date refused: {refused}; no publication date: add it to the manifest")
        published = published_min = published_max = basis = None
    return PublicationDate(published, basis, published_min, published_max, header_conflict)


def articles_frame(records: list[dict]) -> pd.DataFrame:
    """The ``articles`` table from :func:`build_article` records, sorted by ``article_id``."""
    frame = schema.frame("articles", records)
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)


def errors_frame(records: list[dict]) -> pd.DataFrame:
    """The ``ingest_errors`` table from its records."""
    return schema.frame("ingest_errors", records)
