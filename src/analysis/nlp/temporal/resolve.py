"""Resolution of an article's candidate expressions to dates, by kind of expression.

The candidates are resolved in text order so that anaphoric ones ("six days
earlier", "earlier in the evening") can lean on the last date the article
gave (the reference time). Each kind of expression has its own resolver
(:data:`RESOLVERS`): calendar dates in
:mod:`~analysis.nlp.temporal.calendar_dates`, expressions that count from a
day in :mod:`~analysis.nlp.temporal.relative_dates`.

Rules (``published`` = the article's publication date ``p``):

- ``absolute``: a calendar date. Without a year, the year is the one that
  puts the date closest on or before ``p``; a date up to
  ``FUTURE_WINDOW_DAYS`` after ``p`` (``ANNOUNCED_WINDOW_DAYS`` when the
  sentence announces something: "will", "scheduled", ...) stays in ``p``'s
  year. With ``p`` unknown, a year-less date takes its year from the latest
  full date (with year) in the same article, else stays unresolved. Numeric
  dates only in unambiguous forms: ISO ``2020-10-02``, dotted day-first
  ``02.10.2020``, slashed when one part exceeds 12.
- listed days: "October 10, 17 and 21, 2020" and "the 10th and 17th of October"
  give one expression per day, each with the list's month (and year).
- a day of the month alone ("on the 14th", "of the 14th local time"): the
  latest such day on or before ``p``.
- ``weekday``: "on Friday", "Friday night", "Sunday's attack" is the most
  recent such day on or before ``p`` (never in the future), save the day after
  ``p`` followed by "local time" (a page of a time zone behind the place). "last Saturday"
  is the most recent Saturday strictly before ``p`` (published Saturday
  2020-10-17 -> 2020-10-10); when the "Saturday of the previous Monday-Sunday
  week" reading differs, ``date_min``/``date_max`` span both readings.
  "next Monday" is the first Monday after ``p``.
- ``relative``: today, tonight, this morning, earlier today, moments ago ->
  ``p``; yesterday, last night -> ``p - 1``; "the day before yesterday".
  "Earlier in the evening", "that day", "the same day" take the date of the
  last resolved expression before them (the article's reference time), else
  ``p``.
- ``offset``: "two days ago" counts back from ``p``; "six days earlier",
  "a day later", "the next day", "the previous day" count from the reference
  time (the last resolved date before it, else ``p``).
- ``vague``: spans with ``date`` null and ``date_min``/``date_max`` set: "last
  week" (the previous Monday-Sunday week), "this week", "earlier this month",
  "last month", "over the weekend", "in the past 24 hours", "overnight",
  "in early October" (a month, year inferred as above).
- ranges: "September 27-28", "Sept. 27-Oct. 3", "between October 1 and 3",
  "from 27 September to 10 November", "overnight Sunday into Monday" are one
  ``vague`` span (the start takes the year, the end follows it).
- hours: "48 hours ago/later" count whole days; "hours later" is the
  reference day.
- ``unresolved``: recognised but not placeable (relative expression with no
  publication date, year-less date with no year in the article).
- the window: a publication date outside :func:`analysis.core.dates.outside_window`
  (before 1900 or after the build date) is no reference (logged), and an
  expression resolving outside it (up to ``EVENT_LEAD_DAYS`` after the build
  date for announced plans) is ``unresolved``, so no date arithmetic can
  overflow.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Callable

from analysis.core.dates import EARLIEST, EVENT_LEAD_DAYS, outside_window

from analysis.nlp.temporal import calendar_dates, relative_dates, times_of_day
from analysis.nlp.temporal.candidates import Found
from analysis.nlp.temporal.patterns import ANNOUNCED
from analysis.nlp.temporal.resolution import (
    ANNOUNCED_WINDOW_DAYS, FUTURE_WINDOW_DAYS, Reference, explicit_year_date, unresolved,
)

log = logging.getLogger(__name__)

RESOLVERS: dict[str, Callable[[Found, Reference], dict | None]] = {
    "md": calendar_dates.absolute,  # "October 2", "Friday, October 2, 2020", "September 27-28"
    "dm": calendar_dates.absolute,  # "2 October", "the 2nd of October"
    "listday": calendar_dates.listed_day,  # "17" and "21" of "October 10, 17 and 21"
    "ordinalday": calendar_dates.ordinal_day,  # "on the 14th"
    "numeric": calendar_dates.numeric,  # "2020-10-02", "02.10.2020"
    "range": calendar_dates.date_range,  # "Sept. 27-Oct. 3", "between October 1 and 3"
    "month": calendar_dates.month_only,  # "in early October"
    "weekday": relative_dates.weekday,  # "on Friday", "last Saturday"
    "relative": relative_dates.relative,  # "yesterday", "that day"
    "ago": relative_dates.ago,  # "two days ago"
    "offset": relative_dates.offset,  # "six days earlier"
    "dayanchor": relative_dates.day_anchor,  # "the next day"
    "vague": relative_dates.vague,  # "last week", "overnight"
    "daypart": times_of_day.time_of_day,  # "at night", "in the afternoon", "at 1:30 p.m."
    "now": times_of_day.now,  # "as we speak", "at the time of writing"
}
"""The resolver of each kind of candidate (:attr:`~analysis.nlp.temporal.candidates.Found.kind`)."""


def year_reference(published: date | None, found: list[Found], default_year: int | None = None) -> date | None:
    """Where year-less dates take their year: ``published``; else the last day of ``default_year`` (the
    corpus's year, see :func:`analysis.extract.events.corpus_year`), as docs/SCHEMA.md decides for an article
    with no date of its own; else the latest full date in the article.

    The article's own full dates are no reference when the corpus has a year: they are often background
    ("the 2014 clashes") or deadlines ("until July 2024"), and the article appeared an unknown time after
    the latest of them, so "on or before it" puts later days in the year before.
    """
    if published is not None:
        return published
    if default_year is not None:
        return date(default_year, 12, 31)
    latest = None
    for f in found:
        day = explicit_year_date(f)
        if day is not None and (latest is None or day > latest):
            latest = day
    return latest


_NO_ANCHOR = frozenset({"daypart"})  # a time of day takes its day from the reference time; it never sets it


class Resolver:
    """Resolves the candidates of one article in text order, tracking the reference time."""

    def __init__(self, published: date | None, found: list[Found], default_year: int | None = None):
        refused = outside_window(published) if published is not None else None
        if refused:
            log.info("publication date refused as a reference: %s", refused)
            published = None
        if default_year is not None and not EARLIEST.year <= default_year <= date.today().year:
            default_year = None  # a corpus year outside the window is no reference either
        self.published = published
        self.year = year_reference(published, found, default_year)
        self.anchor: date | None = None
        self._windows: dict[str, int] = {}  # per sentence: read once, however many dates it holds

    def resolve(self, f: Found, sentence: str) -> dict | None:
        """The row of candidate ``f`` (in ``sentence``), None when it is no date; a dated row becomes the reference time."""
        window = self._windows.get(sentence)
        if window is None:
            window = self._windows[sentence] = ANNOUNCED_WINDOW_DAYS if ANNOUNCED.search(sentence) else FUTURE_WINDOW_DAYS
        resolver = RESOLVERS.get(f.kind)
        try:
            row = resolver(f, Reference(self.published, self.year, self.anchor, window)) if resolver else None
        except OverflowError:  # arithmetic past date.min/date.max: only from a reference outside the window
            row = unresolved(f)
        if row is not None:
            row = _in_window(f, row)
        if row is not None and row["date"] is not None and f.kind not in _NO_ANCHOR:
            self.anchor = row["date"]
        return row


def _in_window(f: Found, row: dict) -> dict:
    """``row``, or the expression ``unresolved`` (logged) when a date of it lies outside the window."""
    for key in ("date", "date_min", "date_max"):
        day = row[key]
        refused = outside_window(day, lead_days=EVENT_LEAD_DAYS) if day is not None else None
        if refused:
            log.info("expression at character %d resolves outside the date window: %s", f.start, refused)
            return unresolved(f, row.get("part_of_day"))
    return row
