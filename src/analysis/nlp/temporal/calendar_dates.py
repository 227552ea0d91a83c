"""Resolvers of expressions written as calendar dates: a day, a numeric date, a range of days, a month.

A range of days ("September 27-28", "between November 5 and 7") is its span
with the date of its first day (docs/SCHEMA.md). A date without a year takes the year that puts it closest on or before the
reference (:func:`~analysis.nlp.temporal.resolution.infer_year`); with no
reference at all it is unresolved. Each resolver returns a row, or None when
the text is not a real date ("February 30", "10/2/2020").
"""

from __future__ import annotations

from datetime import timedelta

from analysis.nlp.temporal.candidates import Found
from analysis.nlp.temporal.resolution import (
    Reference, infer_year, numeric_date, part_of_day, resolved_row, unresolved,
)
from analysis.nlp.temporal.vocabulary import month_number, month_range, safe_date


def absolute(f: Found, ref: Reference) -> dict | None:
    """ "October 2", "2 October 2020", "Friday, October 2"; "September 27-28" is a span of days."""
    m = f.match
    month, day = month_number(m.group("month")), int(m.group("day"))
    if not m.group("year") and ref.year is None:
        return unresolved(f, part_of_day(m))
    year = int(m.group("year")) if m.group("year") else infer_year(month, day, ref.year, ref.window)
    first = safe_date(year, month, day) if year else None
    if first is None:
        return None  # "February 30" is not a date
    if m.group("day2"):
        last = safe_date(year, month, int(m.group("day2")))
        if last is None or last <= first:
            return None
        return resolved_row(f, "vague", first, first, last, part=part_of_day(m))
    return resolved_row(f, "absolute", first, part=part_of_day(m))


def listed_day(f: Found, ref: Reference) -> dict | None:
    """A day listed under another's month ("17" of "October 10, 17 and 21, 2020"), with the list's year if it has one."""
    month, year = f.extra
    day = int(f.match.group("day"))
    if year is None and ref.year is None:
        return unresolved(f)
    year = year or infer_year(month, day, ref.year, ref.window)
    found = safe_date(year, month, day) if year else None
    return None if found is None else resolved_row(f, "absolute", found)


def ordinal_day(f: Found, ref: Reference) -> dict | None:
    """ "on the 14th": the latest 14th on or before the publication date (this month or the one before)."""
    p = ref.published
    if p is None:
        return unresolved(f)
    day = int(f.match.group("day"))
    year, month = p.year, p.month
    for _ in range(3):  # the 31st may skip a short month
        found = safe_date(year, month, day)
        if found is not None and found <= p:
            return resolved_row(f, "absolute", found)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def numeric(f: Found, ref: Reference) -> dict | None:
    """ "2020-10-02", "02.10.2020", "27/9/2020" (slashed only when one part exceeds 12)."""
    day = numeric_date(f.match)
    return None if day is None else resolved_row(f, "absolute", day)


def date_range(f: Found, ref: Reference) -> dict | None:
    """A span of days from two dates; the first takes its month and year from the second when it has none."""
    m = f.match
    month2 = month_number(m.group("month2")) if m.group("month2") else None
    month1 = month_number(m.group("month")) if m.group("month") else month2
    month2 = month2 or month1
    day1, day2 = int(m.group("day")), int(m.group("day2"))
    wraps = (month1, day1) > (month2, day2)  # "December 28 to January 3"
    if m.group("year2"):
        year2 = int(m.group("year2"))
        year1 = int(m.group("year")) if m.group("year") else year2 - wraps
    elif m.group("year"):
        year1 = int(m.group("year"))
        year2 = year1 + wraps
    elif ref.year is not None:
        # The start of a reported span is in the past: it takes the year, the end follows.
        year1 = infer_year(month1, day1, ref.year, ref.window)
        if year1 is None:
            return None
        year2 = year1 + wraps
    else:
        return unresolved(f, part_of_day(m))
    first, last = safe_date(year1, month1, day1), safe_date(year2, month2, day2)
    if first is None or last is None or not first < last <= first + timedelta(days=366):
        return None
    return resolved_row(f, "vague", first, first, last, part=part_of_day(m))


def month_only(f: Found, ref: Reference) -> dict:
    """ "in October", "since early October", "by the end of September 2020": a span within the month."""
    m = f.match
    month = month_number(m.group("month"))
    if m.group("year"):
        year = int(m.group("year"))
    elif ref.year is not None:
        year = infer_year(month, 1, ref.year, ref.window)
    else:
        return unresolved(f)
    lo, hi = month_range(year, month)
    phase = (m.group("phase") or "").lower()
    if phase == "early" or "beginning" in phase or "start" in phase:
        hi = lo + timedelta(days=9)
    elif phase == "mid":
        lo, hi = lo + timedelta(days=9), lo + timedelta(days=20)
    elif phase == "late" or "end" in phase:
        lo = hi - timedelta(days=10)
    return resolved_row(f, "vague", None, lo, hi)
