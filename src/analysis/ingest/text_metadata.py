"""What the text itself says about its outlet and date: header, title suffix, byline, dateline, sign-off.

In the order they are read: a `` date YYYY-MM-DD`` header line, a title
suffix naming the outlet ("... — RT Russia & Former Soviet Union"), the
page's own date line (:mod:`~analysis.ingest.date_lines`: a dated byline "By
Asbarez | Friday, 02 October 2020", "Published November 09,2020", "14 October
2020, 09:35", a dateline "MOSCOW, October 5. /TASS/."), a byline or dateline
naming the outlet, and a sign-off line that is nothing but the outlet's name.
The pure-metadata lines leave the text; the title stays its first line. A
date line without a year is kept as such (``line_date``): its year is the
caller's to resolve (:func:`analysis.ingest.publication_dates.date_line_year`). The
outlet itself is settled by :mod:`analysis.ingest.outlet_mentions` (the
outlet that wrote the text over the site that shows it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from analysis.core.dates import as_date, outside_window
from analysis.ingest.date_lines import LineDate, own_date_line, page_date_lines
from analysis.ingest.outlet_mentions import read_outlet
from analysis.ingest.outlets import OutletLexicon
from analysis.nlp.temporal.vocabulary import month_numbers


_MONTH = r"(?P<month>(?i:" + "|".join(sorted(month_numbers(), key=len, reverse=True)) + r"))\.?"
_HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<rest>.*)$")
_BYLINE = re.compile(r"^\s*By\s+(?P<who>[^|\n]{2,80}?)\s*\|\s*(?P<when>.+?)\s*$")
_DATELINE = re.compile(
    rf"^\s*(?P<city>[A-Z][A-Za-z .'-]{{1,30}}),\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"\s*[.,]?\s*(?:/(?P<slash>[A-Za-z\-. ]{2,30})/|\((?P<paren>[A-Za-z\-. ]{2,30})\))",
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+[—–|-]\s+(?P<suffix>[^—–|]{2,60})$")
_BYLINE_LINES = 6  # a byline is one of the first lines
_DATELINE_LINES = 8


@dataclass
class TextMetadata:
    """What the text itself says about its outlet and date."""

    title: str | None = None
    header_date: dt.date | None = None
    header_raw: str | None = None
    outlet: str | None = None
    outlet_basis: str | None = None
    site: str | None = None
    date: dt.date | None = None
    date_basis: str | None = None
    line_date: LineDate | None = None  # the page's own date line, its year possibly missing
    flags: list[str] = field(default_factory=list)


def read_text_metadata(lines: list[str], lexicon: OutletLexicon) -> tuple[TextMetadata, list[str]]:
    """Parse header, byline, dateline, title suffix and sign-off from ``lines``.

    Returns the metadata and the lines with pure-metadata lines removed (the
    header prefix, the byline, the sign-off); the title stays as first line.
    """
    meta = TextMetadata()
    lines = list(lines)
    _read_header(lines, meta)
    reading = read_outlet(lines, lexicon)  # before the title loses its outlet suffix
    _read_title(lines, meta, lexicon)
    _read_date_lines(lines, meta)
    kept = []
    for index, line in enumerate(lines):
        byline = _BYLINE.match(line) if index < _BYLINE_LINES else None
        if byline:
            _read_byline(byline, meta, lexicon)
            continue  # a byline is metadata, not text
        dateline = _DATELINE.match(line) if index < _DATELINE_LINES else None
        if dateline:
            _read_dateline(dateline, line, lines, meta, lexicon)
        kept.append(line)
    _drop_signoff(kept, meta, lexicon)
    if reading.outlet:
        meta.outlet, meta.outlet_basis, meta.site = reading.outlet, reading.basis, reading.site
    return meta, kept


def _read_header(lines: list[str], meta: TextMetadata) -> None:
    """A `` date YYYY-MM-DD`` prefix of the first line: the header date; the prefix leaves ``lines``."""
    header = _HEADER.match(lines[0]) if lines else None
    if not header:
        return
    meta.header_raw = header.group("date")
    try:
        day = as_date(header.group("date"))
    except ValueError:
        meta.flags.append(f"header date {header.group('date')!r} is not a valid date")
    else:
        refused = outside_window(day)
        if refused:
            meta.flags.append(f"header date refused: {refused}")
        else:
            meta.header_date = day
    rest = header.group("rest").strip()
    if rest:
        lines[0] = rest
    else:
        lines.pop(0)


def _read_title(lines: list[str], meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """The first line is the title; a suffix naming a known outlet gives the outlet and is cut off."""
    if not lines:
        return
    title = lines[0].strip()
    suffix = _TITLE_SUFFIX.match(title)
    if suffix and lexicon.outlet_for(suffix.group("suffix")):
        meta.outlet = lexicon.outlet_for(suffix.group("suffix"))
        meta.outlet_basis = "title"
        title = suffix.group("title").strip()
        lines[0] = title
    meta.title = title


def _read_date_lines(lines: list[str], meta: TextMetadata) -> None:
    """The page's own date line (:func:`~analysis.ingest.date_lines.own_date_line`); with its year, the date."""
    meta.line_date = own_date_line(page_date_lines(lines))
    if meta.line_date is not None and meta.line_date.year is not None:
        meta.date = meta.line_date.date
        if meta.date is None:
            meta.flags.append(f"date line {meta.line_date.line[:40]!r}: its weekday does not fall on that day")
        else:
            meta.date_basis = "byline"


def _read_byline(byline: re.Match, meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """ "By Asbarez | Friday, 02 October 2020": the outlet (unless the title named it); the date is a date line's."""
    outlet = lexicon.outlet_for(byline.group("who").strip())
    if outlet and meta.outlet_basis != "title":
        meta.outlet, meta.outlet_basis = outlet, "byline"


def _read_dateline(dateline: re.Match, line: str, lines: list[str], meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """ "MOSCOW, October 5. /TASS/.": the agency as outlet (its date is a date line's)."""
    agency = (dateline.group("slash") or dateline.group("paren") or "").strip()
    outlet = lexicon.outlet_for(agency)
    if outlet and meta.outlet is None:
        meta.outlet, meta.outlet_basis = outlet, "dateline"


def _drop_signoff(kept: list[str], meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """A sign-off: the last line is nothing but the outlet's name; it names the outlet if nothing else did."""
    if len(kept) > 1:
        signoff = lexicon.outlet_for(kept[-1].strip(" .—-"))
        if signoff:
            if meta.outlet is None:
                meta.outlet, meta.outlet_basis = signoff, "signoff"
            kept.pop()
