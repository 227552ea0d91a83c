"""One unit of raw input: a text file, an HTML page, a WARC record or a table row.

Every reader (:mod:`~analysis.ingest.kinds`) turns what it reads into
:class:`RawUnit` objects, so that ingestion (:mod:`~analysis.ingest.corpus`)
treats every form alike: each unit becomes an article or an error row, and
each keeps where it came from down to the record or row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RawUnit:
    """One article's worth of raw input, or why it could not be read (``error``: reason, detail).

    ``data`` is the unit's own input bytes (a file, a WARC record's payload, a
    row's text cell) and ``sha256`` their hash; ``text`` is set when a reader
    already extracted the article text (an HTML page's main text, a row's
    text). ``given`` holds the metadata the form carries (title, url,
    published, outlet, language, retrieved), read with less trust than a
    manifest and more than the text; ``published_basis`` says what a given
    date rests on and ``basis_detail`` how it was read.
    """

    source_file: str
    article_id: str
    data: bytes | None = None
    text: str | None = None
    record: int | None = None
    row: int | None = None
    given: dict = field(default_factory=dict)
    published_basis: str | None = None
    basis_detail: str | None = None
    error: tuple[str, str] | None = None
    column: str | None = None
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (column, reason, detail) of a kept unit
    page_pending: bool = False  # an HTML page whose main text is still to be read (html_pages.finish_page)
    page_url: str | None = None  # the page's address, for reading it

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None

    @property
    def where(self) -> str:
        """The unit's place for a person: the file, and its record or row."""
        if self.record is not None:
            return f"{self.source_file} record {self.record}"
        if self.row is not None:
            return f"{self.source_file} row {self.row}"
        return self.source_file


def position_id(path: Path, position: int) -> str:
    """A stable, unique article id for a record or row without one: the file's stem and a hash of file and position.

    The name is hashed as its bytes, so a name that is not valid UTF-8 hashes too.
    """
    digest = hashlib.sha256(f"{path.name}#{position}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f"{path.stem.split('.')[0]}-{digest}"
