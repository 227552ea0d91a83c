"""Times of day with no day of their own, and "now" phrases: the day they belong to.

"At night", "in the afternoon", "throughout the day", "before nightfall", "at
1:30 p.m.", "2000 GMT" (:data:`~analysis.nlp.temporal.patterns.TIME_OF_DAY`)
take the day of the dated mention in their scope (docs/SCHEMA.md, dated
events): a dated expression of the same sentence, the nearest one
(:func:`anchor_in_sentence`), else the article's reference time (the last
date given before them), else the publication date. A night whose day comes
from the publication date is the night that began the day before (a report
tells of the night behind it). "As we speak", "at this hour", "at the time of
writing" (:data:`~analysis.nlp.temporal.patterns.NOW`) are the publication
date.
"""

from __future__ import annotations

import re
from datetime import timedelta

from analysis.nlp.temporal.candidates import Found
from analysis.nlp.temporal.resolution import Reference, resolved_row, unresolved

_CLOCK_PARTS = {
    "dawn": "morning", "daybreak": "morning", "sunrise": "morning", "dusk": "evening", "nightfall": "evening",
    "sunset": "evening", "midnight": "night",
}


def _clock_part(m: re.Match) -> str | None:
    """The part of the day a clock time falls in ("1:30 p.m." afternoon, "07:10" morning)."""
    for hour_group, meridiem_group in (("h1", "mer1"), ("h2", "mer2"), ("h3", None), ("h4", None)):
        if m.group(hour_group):
            hour = int(m.group(hour_group))
            meridiem = (m.group(meridiem_group) or "").lower() if meridiem_group else ""
            if meridiem.startswith("p") and hour < 12:
                hour += 12
            elif meridiem.startswith("a") and hour == 12:
                hour = 0
            return "night" if hour < 5 or hour >= 22 else "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
    return None


def part_and_night(m: re.Match) -> tuple[str | None, bool]:
    """The part of the day of a :data:`~analysis.nlp.temporal.patterns.TIME_OF_DAY` match, and whether it is a night."""
    if m.group("clock"):
        return _clock_part(m), False
    if m.group("night"):
        return "night", True
    part = (m.group("part") or "").lower()
    if part == "hours":  # "in the early hours": after midnight, the day itself
        return "night", False
    if part in ("morning", "afternoon", "evening", "night"):
        return part, part == "night"
    clock = (m.group("clock_part") or "").lower()
    return _CLOCK_PARTS.get(clock), False


def time_of_day(f: Found, ref: Reference) -> dict:
    """The reference time's day (else publication's; a night on the publication day is the night before)."""
    part, night = part_and_night(f.match)
    day = ref.anchor_or_published
    if day is None:
        return unresolved(f, part)
    if night and day == ref.published:
        day -= timedelta(days=1)
    return resolved_row(f, "relative", day, part=part)


def now(f: Found, ref: Reference) -> dict:
    """ "As we speak", "at this hour", "at the time of writing": the publication date."""
    if ref.published is None:
        return unresolved(f)
    return resolved_row(f, "relative", ref.published)


# Between a time of day and the date it sits beside ("late in the afternoon on October
# 10", "On September 27, at 07:10", "at 2000 GMT on Saturday"): one expression.
_ADJACENT = re.compile(r"[\s,]*(?:(?:on|of)\s+)?")


def anchor_in_sentence(text: str, rows: list[dict], found: list[Found], sentences: list[tuple[int, int]],
                       published=None) -> list[dict]:
    """The rows, each time of day dated by the nearest other dated expression of its sentence when there is one.

    ``rows``, ``found`` (the candidate of each row) and ``sentences`` (each
    row's sentence span) run in parallel, in text order. A time of day right
    beside its date becomes part of that expression (docs/SCHEMA.md: several
    time phrases for one event are one expression); one further away keeps
    its own row with that date. A night dated so to ``published`` is the night
    before ("tensions eased at night, the ministry said on Friday", published
    Friday).
    """
    kinds = [f.kind for f in found]
    if "daypart" not in kinds:
        return rows
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, span in enumerate(sentences):
        by_sentence.setdefault(span, []).append(i)
    merged: set[int] = set()
    for members in by_sentence.values():
        dated = [j for j in members if kinds[j] != "daypart" and rows[j]["date"] is not None]
        for i in (i for i in members if kinds[i] == "daypart" and dated):
            row = rows[i]
            nearest = min(dated, key=lambda j: min(abs(rows[j]["start"] - row["end"]), abs(row["start"] - rows[j]["end"])))
            other = rows[nearest]
            lo, hi = (row["end"], other["start"]) if row["end"] <= other["start"] else (other["end"], row["start"])
            if _ADJACENT.fullmatch(text, lo, hi):
                start, end = min(row["start"], other["start"]), max(row["end"], other["end"])
                other.update(start=start, end=end, expression=text[start:end],
                             part_of_day=other["part_of_day"] or row["part_of_day"])
                merged.add(i)
                continue
            day = other["date"]
            if day == published and part_and_night(found[i].match)[1]:
                day -= timedelta(days=1)
            row.update(date=day, date_min=day, date_max=day, resolution="relative")
    return [row for i, row in enumerate(rows) if i not in merged]
