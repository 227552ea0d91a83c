"""What the text itself says about its outlet and date: header, title suffix, byline, dateline, sign-off.

In the order they are read: a `` date YYYY-MM-DD`` header line, a title
suffix naming the outlet ("... — RT Russia & Former Soviet Union"), a dated
byline ("By Asbarez | Friday, 02 October 2020"), a dateline ("MOSCOW, October
5. /TASS/."), and a sign-off line that is nothing but the outlet's name. The
pure-metadata lines leave the text; the title stays its first line. The
outlet itself is settled by :mod:`analysis.ingest.outlet_mentions` (the
outlet that wrote the text over the site that shows it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from analysis.core.dates import as_date
from analysis.ingest.outlet_mentions import read_outlet
from analysis.ingest.outlets import OutletLexicon
from analysis.nlp.temporal.expressions import dated_mentions
from analysis.nlp.temporal.vocabulary import month_number, month_numbers


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
        meta.header_date = as_date(header.group("date"))
    except ValueError:
        meta.flags.append(f"header date {header.group('date')!r} is not a valid date")
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


def _read_byline(byline: re.Match, meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """ "By Asbarez | Friday, 02 October 2020": the outlet (unless the title named it) and the date."""
    outlet = lexicon.outlet_for(byline.group("who").strip())
    if outlet and meta.outlet_basis != "title":
        meta.outlet, meta.outlet_basis = outlet, "byline"
    date = parse_full_date(byline.group("when"))
    if date and meta.date is None:
        meta.date, meta.date_basis = date, "byline"


def _read_dateline(dateline: re.Match, line: str, lines: list[str], meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """ "MOSCOW, October 5. /TASS/.": the agency as outlet, the date (a year-less one takes the text's latest year)."""
    agency = (dateline.group("slash") or dateline.group("paren") or "").strip()
    outlet = lexicon.outlet_for(agency)
    if outlet and meta.outlet is None:
        meta.outlet, meta.outlet_basis = outlet, "dateline"
    if meta.date is not None:
        return
    month, day = month_number(dateline.group("month")), int(dateline.group("day"))
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


def _drop_signoff(kept: list[str], meta: TextMetadata, lexicon: OutletLexicon) -> None:
    """A sign-off: the last line is nothing but the outlet's name; it names the outlet if nothing else did."""
    if len(kept) > 1:
        signoff = lexicon.outlet_for(kept[-1].strip(" .—-"))
        if signoff:
            if meta.outlet is None:
                meta.outlet, meta.outlet_basis = signoff, "signoff"
            kept.pop()
