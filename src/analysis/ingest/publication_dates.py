"""Publication date from the text itself, and header dates the text contradicts.

Used by ingestion when neither manifest, header nor byline dates an article,
and to flag ``date YYYY-MM-DD`` header lines that are crawl dates rather than
publication dates (they can be years off).

Inference: the article cannot predate the latest event it reports as past, so
the latest calendar date it mentions (outside announcements of planned
events) is the earliest possible publication date. A date the text presents
as its own ("overview of events for the morning of October 3", "today,
October 3", "as of October 3", a byline date) is taken as the best guess.
Year-less dates take their year from the full dates in the same text; a text
with no year anywhere cannot be dated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.nlp.temporal.expressions import DatedMention, dated_mentions, has_near_relative
from analysis.nlp.temporal.resolution import FUTURE_WINDOW_DAYS, infer_year

# News reports events within days; a window, not a proof.
LATEST_SLACK_DAYS = 6
# A header this much later than the latest dated event, in a text that speaks
# of "today" or "on Friday", is a crawl date.
HEADER_GAP_DAYS = 180

_OWN_DATE = re.compile(
    r"(?i)(?:\btoday\b|\btonight\b|\bthis\s+(?:morning|evening|afternoon)\b|\bas\s+of\b|"
    r"\b(?:morning|afternoon|evening|night)\s+of\b|\bupdates?\b|\boverview\b|\blive\b|\bdigest\b|\bsummary\b)"
    r"[^.!?\n]{0,40}$"
)


@dataclass(frozen=True)
class PublicationGuess:
    """When an article was published, as far as its text tells."""

    earliest: date
    latest: date
    best: date
    evidence: str


def _resolve(mentions: list[DatedMention]) -> list[tuple[DatedMention, date]]:
    explicit = [date(m.year, m.month, m.day) for m in mentions if m.year is not None]
    if not explicit:
        return []
    reference = max(explicit)
    out = []
    for m in mentions:
        year = m.year if m.year is not None else infer_year(m.month, m.day, reference, FUTURE_WINDOW_DAYS)
        if year is not None:
            out.append((m, date(year, m.month, m.day)))
    return out


def infer_publication_window(text: str) -> PublicationGuess | None:
    """Earliest, latest and best publication date the text supports, or None."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    resolved = _resolve(dated_mentions(text))
    past = [(m, d) for m, d in resolved if not m.announced]
    if not past:
        return None
    latest_event, earliest = max(past, key=lambda md: md[1])
    own = [
        (m, d) for m, d in past
        if m.meta or _OWN_DATE.search(text[max(0, m.start - 60):m.start] + m.expression[: m.expression.find(m.expression.lstrip())])
    ]
    own = [(m, d) for m, d in own if d >= earliest]
    if own:
        mention, best = max(own, key=lambda md: md[1])
        return PublicationGuess(best, best, best, f"the text dates itself: {_context(text, mention)}")
    return PublicationGuess(
        earliest, earliest + timedelta(days=LATEST_SLACK_DAYS), earliest,
        f"latest dated event: {_context(text, latest_event)}",
    )


def header_contradicts_text(text: str, header_date: date) -> str | None:
    """Why a header date cannot be the publication date, or None if it fits."""
    if not isinstance(header_date, date):
        raise TypeError(f"header_date: expected datetime.date, got {type(header_date).__name__}")
    mentions = [m for m in dated_mentions(text) if not (m.meta and m.year is not None and date(m.year, m.month, m.day) == header_date)]
    for m in mentions:
        if m.announced:
            continue
        year = m.year if m.year is not None else infer_year(m.month, m.day, header_date, FUTURE_WINDOW_DAYS)
        if year is not None:
            day = date(year, m.month, m.day)
            if day > header_date + timedelta(days=1):
                return f"header {header_date} is earlier than {m.expression!r} ({day}), which the text reports as past"
    for m in mentions:
        if m.year is None and m.weekday is not None:
            year = infer_year(m.month, m.day, header_date, FUTURE_WINDOW_DAYS)
            if year is not None and date(year, m.month, m.day).weekday() != m.weekday:
                fits = [y for y in range(header_date.year - 10, header_date.year + 1)
                        if _weekday_fits(y, m.month, m.day, m.weekday)]
                where = f"; it fits {fits[-1]}" if fits else ""
                return f"{m.expression!r} does not fall on that weekday in {year} (header {header_date}){where}"
    full = [date(m.year, m.month, m.day) for m in mentions if m.year is not None and not m.announced]
    current = has_near_relative(text) or any(m.year is None for m in mentions)
    if full and (header_date - max(full)).days > HEADER_GAP_DAYS and current:
        return (f"text reports current events (on a weekday, today, or dates without a year) "
                f"with full dates up to {max(full)}, but the header says {header_date}")
    return None


def _weekday_fits(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _context(text: str, m: DatedMention, width: int = 40) -> str:
    start = max(0, m.start - width)
    while 0 < start < m.start and not text[start - 1].isspace():
        start += 1
    return " ".join(text[start:m.end].split())
