"""Corpus ingestion: a folder of raw article files -> ``articles`` and ``ingest_errors``.

Every file in the raw folder ends up in exactly one of the two tables. Raw
files are only read, never written. Metadata comes, in order of trust, from
the optional ``manifest.csv``, then from the text itself: a `` date
YYYY-MM-DD`` header line, a dated byline ("By Asbarez | Friday, 02 October
2020"), a dateline ("MOSCOW, October 5. /TASS/."), a title suffix
("... — RT Russia & Former Soviet Union") or a sign-off line naming the
outlet. Manifest values win; a header date that contradicts the text is
flagged, never trusted blindly.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pandas as pd

from analysis.core import schema
from analysis.core import catalog
from analysis.core import config
from analysis.nlp.temporal import dated_mentions
from analysis.lexicons.load import read_lexicon
from analysis.ingest.normalize import normalize_text
from analysis.ingest.publication_dates import header_contradicts_text, infer_publication_window

ARTICLE_COLUMNS = schema.descriptions("articles")

ERROR_COLUMNS = schema.descriptions("ingest_errors")

MANIFEST_REQUIRED = ("article_id",)
MANIFEST_OPTIONAL = ("outlet", "url", "published", "published_basis", "republished_by", "language", "title", "note")
MANIFEST_BASES = {"manifest", "header", "byline", "text", "external"}
NOT_ARTICLES = {config.MANIFEST_NAME, "SHA256SUMS", "README.md", "README.txt"}


class ManifestError(ValueError):
    """The manifest cannot be used at all (unreadable, or a required column missing)."""


# ---------------------------------------------------------------- dates ----

_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r"))\.?"


def full_dates(text: str) -> list[dt.date]:
    """Every complete calendar date (with a year) written in ``text``."""
    found = []
    for m in dated_mentions(text):
        if m.year is not None:
            try:
                found.append(dt.date(m.year, m.month, m.day))
            except ValueError:
                continue
    return found


def parse_full_date(text: str) -> dt.date | None:
    """The first complete calendar date (with a year) in ``text``, or None."""
    found = full_dates(text)
    return found[0] if found else None


# -------------------------------------------------------------- outlets ----


@dataclass(frozen=True)
class OutletLexicon:
    """Outlet names as they appear in bylines, title suffixes and datelines."""

    by_alias: dict[str, str]
    domains: dict[str, str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "OutletLexicon":
        frame = read_lexicon("outlets", path, required=("outlet", "alias"))
        by_alias = {a.strip().lower(): o for a, o in zip(frame["alias"], frame["outlet"])}
        domains = {}
        if "domain" in frame:
            domains = {d.strip().lower(): o for d, o in zip(frame["domain"], frame["outlet"]) if d.strip()}
        return cls(by_alias, domains)

    def outlet_for(self, name: str) -> str | None:
        return self.by_alias.get(name.strip().lower())

    def outlet_for_host(self, host: str) -> str | None:
        host = host.lower().removeprefix("www.")
        for domain, outlet in self.domains.items():
            if host == domain or host.endswith("." + domain):
                return outlet
        return None

    def owns_host(self, outlet: str, host: str) -> bool | None:
        """True/False when the lexicon knows the outlet's domains, else None."""
        known = {d for d, o in self.domains.items() if o == outlet}
        if not known:
            return None
        host = host.lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in known)


@lru_cache(maxsize=None)
def outlets() -> OutletLexicon:
    return OutletLexicon.load()


# ------------------------------------------------------ text metadata ----

_HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<rest>.*)$")
_BYLINE = re.compile(r"^\s*By\s+(?P<who>[^|\n]{2,80}?)\s*\|\s*(?P<when>.+?)\s*$")
_DATELINE = re.compile(
    rf"^\s*(?P<city>[A-Z][A-Za-z .'-]{{1,30}}),\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"\s*[.,]?\s*(?:/(?P<slash>[A-Za-z\-. ]{2,30})/|\((?P<paren>[A-Za-z\-. ]{2,30})\))",
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[—–|-]\s+(?P<suffix>[^—–|]{2,60})$")


@dataclass
class TextMetadata:
    """What the text itself says about its outlet and date."""

    title: str | None = None
    header_date: dt.date | None = None
    header_raw: str | None = None
    outlet: str | None = None
    outlet_basis: str | None = None
    date: dt.date | None = None
    date_basis: str | None = None
    flags: list[str] = field(default_factory=list)


def read_text_metadata(lines: list[str], lexicon: OutletLexicon) -> tuple[TextMetadata, list[str]]:
    """Parse header, byline, dateline, title suffix and sign-off from ``lines``.

    Returns the metadata and the lines with pure-metadata lines removed (the
    header prefix, the byline, the sign-off); the title stays as first line.
    """
    meta = TextMetadata()
    lines = list(lines)
    if lines:
        header = _HEADER.match(lines[0])
        if header:
            meta.header_raw = header.group("date")
            try:
                meta.header_date = dt.date.fromisoformat(header.group("date"))
            except ValueError:
                meta.flags.append(f"header date {header.group('date')!r} is not a valid date")
            rest = header.group("rest").strip()
            if rest:
                lines[0] = rest
            else:
                lines.pop(0)
    if lines:
        title = lines[0].strip()
        suffix = _TITLE_SUFFIX.match(title)
        if suffix and lexicon.outlet_for(suffix.group("suffix")):
            meta.outlet = lexicon.outlet_for(suffix.group("suffix"))
            meta.outlet_basis = "title"
            title = suffix.group("title").strip()
            lines[0] = title
        meta.title = title

    kept = []
    for index, line in enumerate(lines):
        byline = _BYLINE.match(line) if index < 6 else None
        if byline:
            who = byline.group("who").strip()
            outlet = lexicon.outlet_for(who)
            if outlet and meta.outlet_basis != "title":
                meta.outlet, meta.outlet_basis = outlet, "byline"
            date = parse_full_date(byline.group("when"))
            if date and meta.date is None:
                meta.date, meta.date_basis = date, "byline"
            continue  # a byline is metadata, not text
        dateline = _DATELINE.match(line) if index < 8 else None
        if dateline:
            agency = (dateline.group("slash") or dateline.group("paren") or "").strip()
            outlet = lexicon.outlet_for(agency)
            if outlet and meta.outlet is None:
                meta.outlet, meta.outlet_basis = outlet, "dateline"
            if meta.date is None:
                month, day = _MONTH_NUMBER[dateline.group("month").lower()], int(dateline.group("day"))
                year = dateline.group("year")
                if year is None:
                    years = [d.year for d in full_dates("\n".join(lines))]
                    year = max(years) if years else None
                    if year is None:
                        meta.flags.append("dateline gives no year and the text names none")
                if year is not None:
                    try:
                        meta.date, meta.date_basis = dt.date(int(year), month, day), "byline"
                    except ValueError:
                        meta.flags.append(f"dateline date is not a valid date: {line[:40]!r}")
        kept.append(line)

    # A sign-off: the last line is nothing but the outlet's name.
    if len(kept) > 1:
        signoff = lexicon.outlet_for(kept[-1].strip(" .—-"))
        if signoff:
            if meta.outlet is None:
                meta.outlet, meta.outlet_basis = signoff, "signoff"
            kept.pop()
    return meta, kept


# ------------------------------------------------------------ language ----

_EN_STOPWORDS = frozenset("the of and to in a is that for on was with as by at from it are were has have said".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_ARMENIAN = re.compile("[\u0530-\u058f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def guess_language(text: str) -> str:
    """A cheap ISO 639-1 guess: script for Armenian/Cyrillic, stopwords for English."""
    sample = text[:3000]
    if not sample.isascii():
        armenian, cyrillic = len(_ARMENIAN.findall(sample)), len(_CYRILLIC.findall(sample))
        if armenian or cyrillic:
            letters = len(_LETTERS.findall(sample))
        else:  # no script share to weigh: only whether there is a letter at all
            letters = 1 if _LETTERS.search(sample) else 0
        if not letters:
            return "und"
        if armenian > letters / 2:
            return "hy"
        if cyrillic > letters / 2:
            return "ru"
    words = _WORD.findall(sample.lower())
    share = sum(map(_EN_STOPWORDS.__contains__, words)) / max(len(words), 1)
    return "en" if share > 0.12 else "und"


# ------------------------------------------------------------- manifest ----


@dataclass
class ManifestRow:
    row: int
    values: dict[str, str | None]
    published: dt.date | None


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
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot be read: {exc}") from exc

    def error(row: int, column: str | None, reason: str, detail: str) -> None:
        errors.append({"source_file": path.name, "row": row, "column": column, "reason": reason,
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
                published = dt.date.fromisoformat(values["published"])
            except ValueError:
                error(number, "published", "manifest_bad_date", f"{values['published']!r} is not a date in YYYY-MM-DD form; the date is taken from the text instead")
        basis = values.get("published_basis")
        if basis and basis not in MANIFEST_BASES:
            error(number, "published_basis", "manifest_bad_value", f"{basis!r} is not one of {', '.join(sorted(MANIFEST_BASES))}; 'manifest' is used instead")
            values["published_basis"] = None
        manifest[article_id] = ManifestRow(number, values, published)
    return manifest


# ------------------------------------------------------------ raw files ----


@dataclass
class RawFile:
    path: Path
    data: bytes | None
    error: tuple[str, str] | None = None

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None


def iter_raw_files(raw_dir: Path) -> Iterator[RawFile]:
    """Yield every candidate article file in ``raw_dir`` (sorted), read as bytes."""
    for path in sorted(raw_dir.iterdir()):
        if path.name in NOT_ARTICLES or path.name.startswith("."):
            continue
        if path.is_dir():
            yield RawFile(path, None, ("not_a_file", f"{path.name} is a folder; put article files directly in {raw_dir}"))
            continue
        try:
            yield RawFile(path, path.read_bytes())
        except OSError as exc:
            yield RawFile(path, None, ("unreadable", f"{path.name} cannot be read: {exc.strerror or exc}"))


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text article."""
    if data[:2] in _UTF16_BOMS:
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode as UTF-8 (BOM allowed), else the encoding charset-normalizer detects."""
    try:
        if data[:2] in _UTF16_BOMS:
            return data.decode("utf-16"), "utf-16"
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


# --------------------------------------------------------------- ingest ----


INGEST_CHUNK = 1000
"""Articles kept as Python records before they become a frame (ingest streams in chunks of this many)."""


def load_articles(
    raw_dir: str | Path | None = None,
    manifest: str | Path | None | bool = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ingest every file of ``raw_dir`` into ``(articles, ingest_errors)``.

    ``manifest`` is a path, None for ``raw_dir/manifest.csv`` when present,
    or False to ignore any manifest (metadata from the text alone).
    """
    raw_dir = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_dir}")
    errors: list[dict] = []
    manifest_path = None
    if manifest is None:
        candidate = raw_dir / config.MANIFEST_NAME
        manifest_path = candidate if candidate.exists() else None
    elif manifest is not False:
        manifest_path = Path(manifest)
        if not manifest_path.exists():
            raise ManifestError(f"manifest not found: {manifest_path}")
    rows = read_manifest(manifest_path, errors) if manifest_path else {}
    lexicon = outlets()

    articles: list[dict] = []  # records of the current chunk; earlier chunks are frames in ``parts``
    parts: list[pd.DataFrame] = []
    ingested: set[str] = set()
    seen_bytes: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for raw in iter_raw_files(raw_dir):
        name = raw.path.name

        def fail(reason: str, detail: str) -> None:
            errors.append({"source_file": name, "row": None, "column": None, "reason": reason, "detail": detail, "sha256": raw.sha256})

        if raw.error:
            fail(*raw.error)
            continue
        data = raw.data
        if not data.strip():
            fail("empty", f"{name} is empty (no text to ingest)")
            continue
        if looks_binary(data):
            fail("binary", f"{name} is a binary file, not text; convert it to plain text first")
            continue
        if raw.sha256 in seen_bytes:
            fail("duplicate", f"{name} has the same bytes as {seen_bytes[raw.sha256]}; only the first is kept")
            continue
        decoded = decode(data)
        if decoded is None:
            fail("undecodable", f"{name} is neither UTF-8 nor any encoding that could be detected")
            continue
        text, encoding = decoded
        record = build_article(raw.path.stem, name, text, encoding, raw.sha256, rows.get(raw.path.stem), lexicon)
        if not record["text"].strip():
            fail("empty", f"{name} holds nothing but page debris or metadata")
            continue
        text_key = hashlib.sha256(record["text"].encode()).hexdigest()
        if text_key in seen_text:
            fail("duplicate", f"{name} has the same text as {seen_text[text_key]} (after normalization); only the first is kept")
            continue
        seen_bytes[raw.sha256] = name
        seen_text[text_key] = name
        articles.append(record)
        ingested.add(record["article_id"])
        if len(articles) == INGEST_CHUNK:  # a chunk's texts are held once, as a frame (memory: see build benchmark)
            parts.append(articles_frame(articles))
            articles = []
    parts.append(articles_frame(articles))

    ingested |= {Path(e["source_file"]).stem for e in errors if e["row"] is None}
    for article_id, row in rows.items():
        if article_id not in ingested:
            errors.append({"source_file": config.MANIFEST_NAME, "row": row.row, "column": "article_id", "reason": "manifest_no_file",
                           "detail": f"{config.MANIFEST_NAME} row {row.row}, column article_id: {article_id!r} names no file in {raw_dir}",
                           "sha256": None})
    articles_table = catalog.concat_chunks(parts, articles_frame([]))
    if len(parts) > 1:  # each chunk is sorted by article_id; sort the whole
        articles_table = articles_table.sort_values("article_id", kind="stable").reset_index(drop=True)
    return articles_table, errors_frame(errors)


def build_article(article_id: str, name: str, text: str, encoding: str, sha256: str,
                  row: ManifestRow | None, lexicon: OutletLexicon) -> dict:
    """One ``articles`` record from a decoded file and its manifest row."""
    flags: list[str] = []
    if encoding != "utf-8":
        flags.append(f"decoded as {encoding}, not UTF-8")
    lines = normalize_text(text).split("\n")
    meta, lines = read_text_metadata(lines, lexicon)
    flags.extend(meta.flags)
    body = "\n".join(lines)
    values = row.values if row else {}

    outlet = values.get("outlet") or meta.outlet
    if values.get("outlet") and meta.outlet and meta.outlet != values["outlet"]:
        flags.append(f"manifest outlet {values['outlet']!r} differs from the {meta.outlet_basis} ({meta.outlet!r})")
    if outlet is None:
        flags.append("no outlet: add it to the manifest")

    published, basis = None, None
    if row and row.published:
        published, basis = row.published, values.get("published_basis") or "manifest"
    elif meta.header_date:
        published, basis = meta.header_date, "header"
    elif meta.date:
        published, basis = meta.date, meta.date_basis

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
    if meta.date and published and meta.date != published and basis != meta.date_basis:
        flags.append(f"{meta.date_basis} date {meta.date} differs from the {basis} date {published}")
    published_min = published_max = published
    if published is None:
        guess = infer_publication_window(body)
        if guess is not None:
            published, basis = guess.best, "text"
            published_min, published_max = guess.earliest, guess.latest
            flags.append(f"publication date inferred from the text ({guess.evidence}); window {guess.earliest} to {guess.latest}")
        else:
            flags.append("no publication date: add it to the manifest")

    url = values.get("url")
    republished_by = values.get("republished_by")
    if republished_by is None and url and outlet:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        if host and lexicon.owns_host(outlet, host) is False:
            republished_by = host
    if outlet is None and url:
        outlet = lexicon.outlet_for_host(urlparse(url).hostname or "")

    return {
        "article_id": article_id,
        "outlet": outlet,
        "url": url,
        "republished_by": republished_by,
        "title": values.get("title") or meta.title,
        "published": published,
        "published_basis": basis,
        "published_min": published_min,
        "published_max": published_max,
        "language": values.get("language") or guess_language(body),
        "text": body,
        "n_words": len(body.split()),
        "sha256": sha256,
        "flags": "; ".join(flags),
        "header_date": meta.header_raw,
        "header_conflict": header_conflict,
        "encoding": encoding,
        "source_file": name,
    }


def articles_frame(records: list[dict]) -> pd.DataFrame:
    frame = schema.frame("articles", records)
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)


def errors_frame(records: list[dict]) -> pd.DataFrame:
    return schema.frame("ingest_errors", records)
