"""WARC files (``.warc``, ``.warc.gz``): every record, read as a stream with warcio, never unpacked.

Each HTML response record becomes a page (:mod:`~analysis.ingest.html_pages`)
with the record's target URI as its url and its WARC-Date as the date it was
retrieved. Every other record is accounted for too: a request, metadata or
warcinfo record is ``not_article``, a response that is not HTML is
``not_html``, a record that cannot be read is ``undecodable``, and an archive
that ends inside a record is ``truncated`` (the records before it are kept).
Records are numbered from 1 in file order.
"""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from analysis.ingest.html_pages import page_unit
from analysis.ingest.units import RawUnit, position_id

SUFFIXES = (".warc", ".warc.gz")
READ_ERRORS = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError)


def retrieved(warc_date: str | None) -> dt.date | None:
    """The day of a WARC-Date (``2020-10-02T10:00:00Z``), or None."""
    try:
        return dt.date.fromisoformat(warc_date[:10]) if warc_date else None
    except ValueError:
        return None


def iter_warc(path: Path) -> Iterator[RawUnit]:
    """One :class:`RawUnit` per record of ``path``, then one for a truncated end."""
    number = 0
    with path.open("rb") as handle:
        records = iter(ArchiveIterator(handle, arc2warc=True))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except READ_ERRORS as exc:
                yield RawUnit(path.name, position_id(path, number + 1), record=number + 1, error=(
                    "truncated", f"{path.name} ends inside record {number + 1} ({exc.__class__.__name__}); "
                                 f"the {number} record(s) before it were read"))
                return
            number += 1
            unit = _record_unit(path, number, record)
            if _cut_short(record):
                yield RawUnit(path.name, position_id(path, number), record=number, error=(
                    "truncated", f"{path.name} ends inside record {number}; the {number - 1} record(s) before it were read"))
                return
            yield unit


def _cut_short(record) -> bool:
    """Whether the archive ended before the record's declared length (the rest of it read now)."""
    stream = record.raw_stream
    try:
        while stream.read(65536):
            pass
    except READ_ERRORS:
        return True
    return getattr(stream, "limit", 0) > 0


def _record_unit(path: Path, number: int, record) -> RawUnit:
    article_id = position_id(path, number)
    where = f"{path.name} record {number}"
    if record.rec_type != "response":
        return RawUnit(path.name, article_id, record=number,
                       error=("not_article", f"{where} is a WARC {record.rec_type} record, not a page"))
    uri = record.rec_headers.get_header("WARC-Target-URI")
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    try:
        payload = record.content_stream().read()
    except READ_ERRORS as exc:
        return RawUnit(path.name, article_id, record=number,
                       error=("undecodable", f"{where} ({uri}) cannot be read: {exc.__class__.__name__}"))
    if content_type and "html" not in content_type.lower():
        return RawUnit(path.name, article_id, data=payload, record=number,
                       error=("not_html", f"{where} ({uri}) is {content_type.split(';')[0]}, not an HTML page"))
    given = {"retrieved": retrieved(record.rec_headers.get_header("WARC-Date"))}
    return page_unit(payload, path.name, article_id, record=number, url=uri, given=given)
