"""Resolvers of expressions that count from the publication date or from the article's reference time.

Weekdays ("on Friday", "last Saturday"), relative words ("yesterday", "that
day"), offsets ("two days ago", "six days earlier", "the next day") and vague
spans ("last week", "earlier this month", "overnight"). Without the date they
count from, they are unresolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis.nlp.temporal.candidates import Found
from analysis.nlp.temporal.resolution import Reference, part_of_day, resolved_row, unresolved
from analysis.nlp.temporal.vocabulary import month_range, number, weekday_number


def weekday(f: Found, ref: Reference) -> dict:
    """ "on Friday" (on or before ``p``), "last Saturday", "next Monday", "overnight Sunday into Monday"."""
    m, p = f.match, ref.published
    part = part_of_day(m)
    if p is None:
        return unresolved(f, part)
    wd = weekday_number(m.group("weekday"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if m.group("weekday2") and not rel:
        # Both ends on or before publication, the span no longer than a week.
        last = p - timedelta(days=(p.weekday() - weekday_number(m.group("weekday2"))) % 7)
        first = last - timedelta(days=(last.weekday() - wd) % 7 or 7)
        return resolved_row(f, "vague", first, first, last, part=part)
    if rel in ("next", "this coming", "coming"):
        ahead = (wd - p.weekday()) % 7 or 7
        return resolved_row(f, "weekday", p + timedelta(days=ahead), part=part)
    back = (p.weekday() - wd) % 7
    if rel in ("last", "this past", "past"):
        back = back or 7
        nearest = p - timedelta(days=back)
        previous_week = p - timedelta(days=p.weekday() + 7 - wd)
        lo, hi = min(nearest, previous_week), max(nearest, previous_week)
        return resolved_row(f, "weekday", nearest, lo, hi, part=part)
    if back == 6 and _LOCAL_TIME.match(m.string, m.end()):
        # "on Tuesday morning local time" on a Monday page: a page of a time zone behind the place (a US page of
        # Monday evening, Tuesday morning in Baku) writes the place's day, the day after its own
        return resolved_row(f, "weekday", p + timedelta(days=1), part=part)
    return resolved_row(f, "weekday", p - timedelta(days=back), part=part)


_LOCAL_TIME = re.compile(r"[^.;!?\n]{0,30}?\blocal\s+time\b", re.IGNORECASE)


def relative(f: Found, ref: Reference) -> dict:
    """ "today", "yesterday", "tonight" (from ``p``); "that day", "earlier in the evening" (from the reference time)."""
    base, shift, part = f.extra
    part = None if part == "day" else part
    reference = ref.published if base == "pub" else ref.anchor_or_published
    if reference is None:
        return unresolved(f, part)
    return resolved_row(f, "relative", reference + timedelta(days=shift), part=part)


def ago(f: Found, ref: Reference) -> dict:
    """ "two days ago", "48 hours ago", "a few weeks ago", "three months ago": back from ``p``."""
    m, p = f.match, ref.published
    n = number(m.group("num"))
    unit = m.group("unit").lower()
    if p is None:
        return unresolved(f)
    if unit == "hour":  # "48 hours ago": whole days back; "a few hours ago": today
        if n is None or n < 24:
            return resolved_row(f, "relative", p)
        if n % 24:
            return resolved_row(f, "vague", None, p - timedelta(days=-(-n // 24)), p - timedelta(days=n // 24))
        return resolved_row(f, "offset", p - timedelta(days=n // 24))
    if n is None:  # "a few days ago", "several weeks ago"
        span = {"day": 7, "week": 35, "month": 200}[unit]
        return resolved_row(f, "vague", None, p - timedelta(days=span), p - timedelta(days=1 if unit == "day" else 7))
    if unit == "month":
        centre = p - timedelta(days=30 * n)
        return resolved_row(f, "vague", None, centre - timedelta(days=15), min(p, centre + timedelta(days=15)))
    return resolved_row(f, "offset", p - timedelta(days=n * (7 if unit == "week" else 1)))


def offset(f: Found, ref: Reference) -> dict:
    """ "six days earlier", "a day later", "48 hours later", "days later": from the reference time."""
    m = f.match
    n = number(m.group("num")) if m.group("num") else None
    unit = m.group("unit").lower()
    reference = ref.anchor_or_published
    if reference is None:
        return unresolved(f)
    sign = 1 if (m.group("dir") or m.group("dir2")).lower() in ("later", "after") else -1
    if unit == "hour":  # "48 hours later": whole days; "hours later", "three hours later": the same day
        if n is None or n < 24:
            return resolved_row(f, "offset", reference)
        if n % 24:
            near, far = reference + timedelta(days=sign * (n // 24)), reference + timedelta(days=sign * -(-n // 24))
            return resolved_row(f, "vague", None, min(near, far), max(near, far))
        return resolved_row(f, "offset", reference + timedelta(days=sign * (n // 24)))
    if n is None:  # "days later", "a few weeks earlier"
        span = {"day": (1, 7), "week": (7, 35)}[unit]
        near, far = reference + timedelta(days=sign * span[0]), reference + timedelta(days=sign * span[1])
        return resolved_row(f, "vague", None, min(near, far), max(near, far))
    days = n * (7 if unit == "week" else 1)
    return resolved_row(f, "offset", reference + timedelta(days=sign * days))


def day_anchor(f: Found, ref: Reference) -> dict:
    """ "the next day", "the previous evening", "the day before": one day from the reference time."""
    m = f.match
    reference = ref.anchor_or_published
    if reference is None:
        return unresolved(f)
    which = (m.group("which") or m.group("dir") or "").lower()
    sign = 1 if which in ("next", "following", "after") else -1
    return resolved_row(f, "offset", reference + timedelta(days=sign), part=part_of_day(m))


def vague(f: Found, ref: Reference) -> dict:
    """Spans around ``p``: "last week", "over the weekend", "earlier this month", "last year", "in the past 24 hours"."""
    m, p = f.match, ref.published
    if p is None:
        return unresolved(f)
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    if m.group("week"):
        return _week(f, p, phrase)
    if m.group("month"):
        return _month(f, p, phrase)
    if m.group("year"):
        if m.group("last_year"):
            return resolved_row(f, "vague", None, date(p.year - 1, 1, 1), date(p.year - 1, 12, 31))
        return resolved_row(f, "vague", None, date(p.year, 1, 1), p)
    if m.group("recent"):
        return resolved_row(f, "vague", None, p - timedelta(days=7 if m.group("recent_unit").lower() == "day" else 35), p)
    if m.group("span"):
        unit = m.group("unit").lower()
        n = number(m.group("n")) if m.group("n") else 1
        n = n or 7
        days = {"hour": max(1, -(-n // 24)), "day": n, "week": 7 * n}[unit]
        # "in the past 24 hours" is the day of the report; longer spans name no single day.
        return resolved_row(f, "vague", p if days == 1 else None, p - timedelta(days=days), p)
    # A bare "overnight" is the night that began the day before publication (docs/SCHEMA.md).
    return resolved_row(f, "vague", p - timedelta(days=1), p - timedelta(days=1), p, part="overnight")


def _week(f: Found, p: date, phrase: str) -> dict:
    """ "last week" (the previous Monday-Sunday week), "this week", "over the weekend", "last weekend"."""
    monday = p - timedelta(days=p.weekday())
    if "weekend" in phrase:
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)
        if "last" in phrase and saturday >= p - timedelta(days=1):
            saturday -= timedelta(days=7)
        # "over the weekend" resolves to its Saturday (docs/SCHEMA.md).
        return resolved_row(f, "vague", saturday, saturday, min(saturday + timedelta(days=1), p))
    if "last" in phrase or "past" in phrase:
        return resolved_row(f, "vague", None, monday - timedelta(days=7), monday - timedelta(days=1))
    return resolved_row(f, "vague", None, monday, p)


def _month(f: Found, p: date, phrase: str) -> dict:
    """ "last month", "earlier this month", "early last month", "late last month"."""
    if "last" in phrase or "past" in phrase:
        previous = p.replace(day=1) - timedelta(days=1)
        lo, hi = month_range(previous.year, previous.month)
    else:
        lo, hi = p.replace(day=1), p
    # "early last month", "late last month": the phases of "in early October".
    if phrase.startswith("early "):
        hi = min(hi, lo + timedelta(days=9))
    elif phrase.startswith("late "):
        late = month_range(lo.year, lo.month)[1] - timedelta(days=10)
        lo = late if late <= hi else lo
    return resolved_row(f, "vague", None, lo, hi)
