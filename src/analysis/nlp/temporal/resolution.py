"""What every resolver of a kind of expression shares: its reference dates, its output row, the year rule.

A resolver (:mod:`~analysis.nlp.temporal.calendar_dates`,
:mod:`~analysis.nlp.temporal.relative_dates`) gets a candidate and a
:class:`Reference` and returns :func:`resolved_row`, or None when the text is
not a date after all ("February 30").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.nlp.temporal.candidates import Found
from analysis.nlp.temporal.vocabulary import month_number, safe_date

FUTURE_WINDOW_DAYS = 7
"""A year-less date up to this many days after publication keeps the publication year."""
ANNOUNCED_WINDOW_DAYS = 120
"""The same, in a sentence announcing something planned ("will", "scheduled", ...)."""

RESOLUTIONS = ("absolute", "weekday", "relative", "offset", "vague", "unresolved")


@dataclass(frozen=True)
class Reference:
    """The dates one expression is resolved against."""

    published: date | None
    """The article's publication date ``p``."""
    year: date | None
    """Where year-less dates take their year: ``p``, else the latest full date in the article."""
    anchor: date | None
    """The article's reference time: the last date resolved before this expression."""
    window: int
    """Days a year-less date may lie after ``year`` and keep its year."""

    @property
    def anchor_or_published(self) -> date | None:
        """The date anaphoric expressions ("six days earlier", "that day") count from."""
        return self.anchor or self.published


def infer_year(month: int, day: int, reference: date, window_days: int = FUTURE_WINDOW_DAYS) -> int | None:
    """The year putting ``month``/``day`` closest on or before ``reference``.

    A date up to ``window_days`` after ``reference`` keeps ``reference``'s year
    (announced events). Returns None for an impossible day (31 September).
    """
    limit = reference + timedelta(days=window_days)
    for year in (reference.year + 1, reference.year, reference.year - 1, reference.year - 2):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return year
    return None


def numeric_date(m: re.Match) -> date | None:
    """The date of an :data:`~analysis.nlp.temporal.patterns.ABSOLUTE_NUMERIC` match, None when ambiguous."""
    if m.group("iso_y"):
        return safe_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    if m.group("dot_y"):
        return safe_date(int(m.group("dot_y")), int(m.group("dot_m")), int(m.group("dot_d")))
    a, b, year = int(m.group("sl_a")), int(m.group("sl_b")), int(m.group("sl_y"))
    if a > 12 >= b:
        return safe_date(year, b, a)
    if b > 12 >= a:
        return safe_date(year, a, b)
    return None  # 10/2/2020: 2 October or 10 February; not guessed


def explicit_year_date(f: Found) -> date | None:
    """The date of a candidate written with its year (``October 2, 2020``, ``2020-10-02``), else None."""
    m = f.match
    if f.kind in ("md", "dm") and m.group("year"):
        return safe_date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
    if f.kind == "numeric":
        return numeric_date(m)
    return None


_CLOCK_PARTS = {"dawn": "morning", "daybreak": "morning", "dusk": "evening", "nightfall": "evening", "midnight": "night"}


def part_of_day(m: re.Match) -> str | None:
    """Morning, afternoon, evening, night or overnight, when the match says so."""
    groups = m.re.groupindex
    if "over" in groups and m.group("over"):
        return "overnight"
    for name in ("part", "part2", "lead_part", "hours_part"):
        if name in groups and m.group(name):
            value = m.group(name).lower()
            if value != "day":
                return value
    if "clock_part" in groups and m.group("clock_part"):
        return _CLOCK_PARTS[m.group("clock_part").lower()]
    if "hours_part" in groups and re.search(r"(?i)(?:early|small|wee)\s+hours\s+of", m.group(0)):
        return "night"  # "in the early hours of Sunday": after midnight
    return None


def resolved_row(f: Found, resolution: str, day: date | None, lo: date | None = None, hi: date | None = None,
                 part=None) -> dict:
    """The resolved fields of one expression; a row with no date at all is ``unresolved``."""
    if day is not None and lo is None:
        lo = hi = day
    return {
        "start": f.start, "end": f.end, "date": day, "date_min": lo, "date_max": hi,
        "part_of_day": part, "resolution": resolution if (day or lo) else "unresolved",
    }


def unresolved(f: Found, part=None) -> dict:
    """A recognised expression that cannot be placed (no publication date, no year in the article)."""
    return resolved_row(f, "unresolved", None, part=part)
