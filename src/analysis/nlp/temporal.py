"""Temporal expressions in news text, resolved to calendar dates.

News text dates events relative to the day it was published ("on Friday",
"late Thursday evening", "moments ago", "just six days earlier", "earlier this
month"). Off-the-shelf parsers misread these ("Sept. 27" as 12 September, "may
the" as 12 May, "on Sunday" in the future), so this is a small rule-based
resolver. One regex pass per article finds candidate expressions; overlapping
candidates keep the longest; they are then resolved in text order so that
anaphoric ones ("six days earlier", "earlier in the evening") can lean on the
last date the article gave.

Resolution rules (``published`` = the article's publication date ``p``):

- ``absolute``: a calendar date. Without a year, the year is the one that
  puts the date closest on or before ``p``; a date up to
  ``FUTURE_WINDOW_DAYS`` after ``p`` (``ANNOUNCED_WINDOW_DAYS`` when the
  sentence announces something: "will", "scheduled", ...) stays in ``p``'s
  year. With ``p`` unknown, a year-less date takes its year from the latest
  full date (with year) in the same article, else stays unresolved. Numeric
  dates only in unambiguous forms: ISO ``2020-10-02``, dotted day-first
  ``02.10.2020``, slashed when one part exceeds 12.
- ``weekday``: "on Friday", "Friday night", "Sunday's attack" is the most
  recent such day on or before ``p`` (never in the future). "last Saturday"
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

Not event dates: bare years and durations ("since 1992", "for 30 years",
"in the 1990s", "born in 1967"), birth dates, day counts ("for the sixth
day"), dates inside web addresses and @handles, titles named after a day ("The
Sunday Times", "USA Today", "Today.az"), and the publication date itself in a
header, byline or dateline line.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from analysis.core import schema
from analysis.lexicons import load as lexicons
from analysis.lexicons.load import read_lexicon
from analysis.nlp.parsed import ParsedArticle, parsed_for, parses_for
from analysis.nlp.sentences import Sentence, sentence_at, sentence_span_at

FUTURE_WINDOW_DAYS = 7
ANNOUNCED_WINDOW_DAYS = 120

RESOLUTIONS = ("absolute", "weekday", "relative", "offset", "vague", "unresolved")

COLUMNS = schema.descriptions("events")

# ---------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a couple of": 2, "couple of": 2,
}
# "forty-eight hours later", "seventy-two hours": tens with an optional unit.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {w: n for w, n in _NUMBERS.items() if w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}


def _cased(words) -> str:
    """Capitalised or upper-case forms only: "May 5" is a date, "may the" is not."""
    forms = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


_FULL_MONTHS = [m for m in _MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_SHORT_MONTHS = [m for m in _MONTHS if m not in _FULL_MONTHS]
_MONTH = rf"(?P<month>(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])|(?:{_cased(_SHORT_MONTHS)})(?![A-Za-z])\.?)"
_WEEKDAY = rf"(?P<weekday>{_cased(_WEEKDAYS)})"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_NUM = (
    r"(?P<num>\d{1,3}|a\s+couple\s+of|couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|a\s+few|few|several)"
)
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)"

# Words that may lead an expression and belong to it ("Late Thursday evening",
# "in the early morning hours of Sunday", "all day on October 2", "Since ...").
_LEAD = (
    r"(?i:(?P<lead>"
    r"(?:(?:just|only|also)\s+)?"
    r"(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?"
    r"(?:(?:on|since|until|till|from|by|during|before|after|as\s+of|throughout|all\s+day\s+on|"
    r"(?:in\s+)?the\s+(?:early|small|wee)\s+(?:(?P<hours_part>morning)\s+)?hours\s+of|"
    r"at\s+(?P<clock_part>dawn|daybreak|dusk|nightfall|midnight)(?:\s+on)?|"
    r"(?:on\s+|in\s+|during\s+|for\s+)?the\s+(?:early\s+|late\s+)?(?P<lead_part>morning|afternoon|evening|night)\s+of)\s+)?"
    r"))"
)
_TRAIL_PART = rf"(?:\s+(?i:(?:early\s+|late\s+)?{_PART}))?"

_ABSOLUTE_MD = re.compile(
    r"(?<![\w'’])" + _LEAD
    + rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?{_MONTH}\s*{_DAY}(?!\d|:\d){_DAY2}"
    + rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
_ABSOLUTE_DM = re.compile(
    r"(?<![\w'’])" + _LEAD
    + rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}{_DAY2}\s+(?:of\s+)?{_MONTH}"
    + rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
# Date ranges: "September 27-28" (``_DAY2`` above), "Sept. 27-Oct. 3", "from
# 27 September to 10 November", "between October 1 and 3", "on the night of
# Oct. 10 to 11": one vague span. "and" joins a range only after "between".
_RANGE_SEP = r"(?(between)\s+and\s+|(?:\s*[-–—]\s*|\s+(?:to|through|till|until|into)\s+))"
_BETWEEN = r"(?:(?P<between>(?i:between))\s+)?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_RANGE_MD = re.compile(
    r"(?<![\w'’])" + _LEAD + _BETWEEN
    + rf"{_MONTH}\s*{_DAY}(?:,?\s+(?P<year>{_YEAR}))?{_RANGE_SEP}"
    + rf"(?:{_MONTH2}\s*)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|\s*(?:[%.,]\d|(?i:a\.?m\b|p\.?m\b|hours?\b|h\b|km\b|percent\b))"
    r"|\s+(?:more|other|of|[a-z]+(?:ians|iers|men|ees|ers|ists)|people|persons|children|troops|dead|killed|wounded|injured)\b)"
    + rf"(?:,?\s+(?P<year2>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
_RANGE_DM = re.compile(
    r"(?<![\w'’])" + _LEAD + _BETWEEN
    + rf"(?:the\s+)?{_DAY}(?:\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR}))?)?{_RANGE_SEP}"
    + rf"(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH2}"
    + rf"(?:,?\s+(?P<year2>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
# Cheap test a window must pass before the range patterns run on it: a day,
# maybe a month and year, a separator, maybe a month, a day.
_RANGE_HINT = re.compile(
    r"\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Z][a-z]+\.?)?(?:,?\s+\d{4})?"
    r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until|into|and)\s+)(?:the\s+)?(?:[A-Z][a-z]+\.?\s*)?\d"
)
_ABSOLUTE_NUMERIC = re.compile(
    r"(?=\d)(?<![\d./-])(?:"
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
    rf"|(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>{_YEAR})"
    rf"|(?P<sl_a>[0-3]?\d)/(?P<sl_b>[0-3]?\d)/(?P<sl_y>{_YEAR})"
    r")(?![\d/-]|\.\d)"
)
_MONTH_ONLY = re.compile(
    r"(?<![\w'’])(?i:(?P<lead>(?:since|until|till|in|during|by|from|through|throughout|at|towards?|around|of)\s+"
    r"(?:the\s+)?(?:(?P<phase>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)[\s-]+)?))"
    # Not "since the September 27 offensive": a day after the month makes it a date.
    rf"{_MONTH}(?:\s+(?P<year>{_YEAR})(?![\w])|(?![\w])(?!\s*[0-3]?\d(?:st|nd|rd|th)?(?![\d])))"
)
_WEEKDAY_EXPR = re.compile(
    r"(?<![\w'’])(?i:(?P<lead>"
    r"(?:(?:just|only|also)\s+)?"
    r"(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?"
    r"(?:(?:on|since|until|till|from|by|during|before|after|throughout|all\s+day\s+on|"
    r"(?:in\s+)?the\s+(?:early|small|wee)\s+(?:(?P<hours_part>morning)\s+)?hours\s+of|"
    r"at\s+(?P<clock_part>dawn|daybreak|dusk|nightfall|midnight)(?:\s+on)?|"
    r"(?:on\s+|in\s+|during\s+)?the\s+(?:early\s+|late\s+)?(?P<lead_part>morning|afternoon|evening|night)\s+of)\s+)?"
    r"(?:(?P<over>overnight)\s+(?:on\s+|into\s+)?)?"
    r"(?:(?P<rel>last|next|this\s+past|this\s+coming|past|coming)\s+)?"
    r"))"
    rf"{_WEEKDAY}(?P<poss>['’]s)?(?![\w'’])" + _TRAIL_PART
    # "overnight Sunday into Monday", "from Friday to Sunday": a span of days.
    + rf"(?:\s+(?i:into|to|through|until|till)\s+(?P<weekday2>{_cased(_WEEKDAYS)})(?![\w'’]))?"
)

# (pattern, kind, payload): relative to publication ("pub") or to the
# article's reference time ("anchor").
_RELATIVE_TERMS = [
    (r"(?:the\s+)?day\s+before\s+yesterday", "pub", -2, None),
    (r"(?:late\s+|early\s+)?yesterday(?:\s+(?:early\s+|late\s+)?(?P<part>morning|afternoon|evening|night))?", "pub", -1, None),
    (r"(?:late\s+|early\s+)?last\s+(?P<part>night|evening)", "pub", -1, None),
    (r"(?:late\s+|earlier\s+|later\s+)?tonight", "pub", 0, "night"),
    (r"(?:early\s+|earlier\s+|late\s+)?this\s+(?P<part>morning|afternoon|evening)", "pub", 0, None),
    (r"(?:earlier|later|early|late)\s+today|today", "pub", 0, None),
    (r"(?:just\s+|only\s+)?(?:moments|minutes|an\s+hour|a\s+few\s+hours|hours|a\s+short\s+while|a\s+while)\s+ago", "pub", 0, None),
    (r"tomorrow(?:\s+(?P<part>morning|afternoon|evening|night))?", "pub", 1, None),
    (r"(?:earlier|later)\s+(?:in\s+the|that|on\s+that)\s+(?P<part>morning|afternoon|evening|night|day)", "anchor", 0, None),
    (r"(?:on\s+)?that\s+(?P<part>morning|afternoon|evening|night|day)", "anchor", 0, None),
    (r"(?:on\s+|later\s+|earlier\s+)?the\s+same\s+(?P<part>day|morning|evening|night)", "anchor", 0, None),
]
# One pass for all of them: alternative i is group ``r{i}``, its part ``part{i}``.
_RELATIVE = re.compile(
    r"(?<![\w-])(?i:"
    + "|".join(rf"(?P<r{i}>{pattern.replace('(?P<part>', f'(?P<part{i}>')})" for i, (pattern, *_) in enumerate(_RELATIVE_TERMS))
    + r")(?![\w-])"
)
# "before"/"after" take an object ("two days before the attack" counts from an
# undated event), so they date something only when nothing follows them.
_NO_OBJECT = r"(?=\s*(?:[,.;:!?)\"”’]|$))"
_OFFSET_AGO = re.compile(
    rf"(?<![\w-])(?i:(?:just\s+|only\s+|some\s+|about\s+|nearly\s+|almost\s+)?{_NUM}\s+(?P<unit>hour|day|week|month)s?\s+ago)(?![\w-])"
)
_OFFSET_ANCHOR = re.compile(
    rf"(?<![\w-])(?i:(?:just\s+|only\s+|some\s+|about\s+)?(?:{_NUM}\s+)?(?P<unit>hour|day|week)s?\s+(?:(?P<dir>earlier|later)|(?P<dir2>before|prior|after)"
    + _NO_OBJECT + "))"
)
_DAY_ANCHOR = re.compile(
    r"(?<![\w-])(?i:(?:on\s+)?the\s+(?P<which>previous|preceding|next|following)\s+(?P<part>day|morning|evening|night|afternoon)"
    r"|the\s+(?:day|(?P<part2>night|evening))\s+(?P<dir>before|after)" + _NO_OBJECT + ")"
)
_VAGUE = re.compile(
    r"(?<![\w-])(?i:"
    r"(?P<week>(?:late\s+|earlier\s+|early\s+)?(?:last|this|past)\s+week(?:end)?|(?:over|at|during)\s+the\s+weekend|earlier\s+this\s+week(?:end)?)"
    r"|(?P<month>(?:late\s+|earlier\s+|early\s+)?(?:last|this|past)\s+month|earlier\s+(?:this|in\s+the)\s+month)"
    r"|(?P<year>earlier\s+this\s+year|(?P<last_year>last)\s+year)"
    r"|(?P<recent>(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<recent_unit>day|week)s)"
    r"|(?P<span>(?:in|over|during|for|within)\s+the\s+(?:past|last|previous)\s+(?P<n>\d{1,3}|two|three|four|five|six|seven|ten|few|several)?\s*(?P<unit>hour|day|week)s?)"
    r"|(?P<overnight>overnight)"
    r")(?![\w-])"
)

# Sentences announcing planned events may carry year-less dates further ahead.
_ANNOUNCED = re.compile(
    r"(?i)\b(?:will|would|shall|scheduled|planned|plans?\s+to|expected|due\s+to|set\s+to|upcoming|next|deadline|postponed)\b"
)
# Lines that carry the publication date itself, not a reported event.
_META_LINE = re.compile(
    r"(?im)^[ \t]*(?:date[ \t]+\d{4}-\d{2}-\d{2}\b|by[ \t]+[^\n]{1,80}[|•·][^\n]*$|(?:published|posted|updated|last[ \t]+updated|first[ \t]+published|date)(?:[ \t]*:[^\n]*|[ \t][^\n]{0,35})$)"
)
# Date words that date no event: titles named after a day ("The Sunday Times",
# "Mail on Sunday", "USA Today", "Armenia Today", "Today.az"; a capitalised
# "Today" right after a capitalised word is a name, not the day) and birth
# dates. Checked around each candidate only (see ``_not_event``); web
# addresses and @handles are checked on the candidate's token.
@lru_cache(maxsize=None)
def _not_event_pattern() -> re.Pattern:
    """Titles named after a day (lexicons/day_titles.csv), "<Name> Today" titles, Today.tld sites, birth dates."""
    titles = [str(t).strip() for t in read_lexicon("day_titles", required=("title",))["title"]]
    names = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{names})\b"
        r"|\b[A-Z][\w.]*[ \t]+Today\b|\bToday\.\w{2,}|\btoday\.az\b"
        r"|\bborn\s+(?:on\s+|in\s+)?[^.;\n]{0,30}"
    )


_NOT_EVENT_REACH = 40  # characters before a candidate a _not_event_pattern match can start


def _not_event(text: str, start: int, end: int) -> bool:
    """Whether the candidate at ``start:end`` is inside a web address, handle, title or birth date."""
    lo = max(0, start - 300)
    token = text[max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("\t", lo, start), lo - 1) + 1:start]
    if "://" in token or token.startswith(("www.", "@")) or "/" in token and "." in token:
        return True
    return any(
        m.start() <= start < m.end()
        for m in _not_event_pattern().finditer(text, max(0, start - _NOT_EVENT_REACH), min(len(text), end + 20))
    )


_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'’-]{2,40},[ \t]+[^\n]{3,40}?(?:\([A-Za-z][\w .&-]{1,30}\))?[ \t]*[-–—][ \t]"
)


# ------------------------------------------------------------- resolution


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    match: re.Match
    extra: tuple = ()


# Every expression contains one of these words; the full patterns run only in
# windows around them (speed: one cheap pass over the whole text).
# First letters any trigger can start with (relative words in either case):
# checked first, so most positions are rejected before the long alternation.
_TRIGGER_FIRST = "".join(sorted({w[0].upper() for w in [*_MONTHS, *_WEEKDAYS]}))
_TRIGGER = re.compile(
    rf"(?<![\w])(?=[{_TRIGGER_FIRST}]|\d|(?i:[tyaelpowsnfdmr]))(?:(?P<month>{_cased(_MONTHS)})|(?P<weekday>{_cased(_WEEKDAYS)})|(?P<numeric>\d{{1,4}}[./-]\d)"
    r"|(?P<relative>(?i:today|tonight|yesterday|tomorrow|ago|earlier|later|last|past|overnight|weekend|recent"
    r"|(?:this|that|same|next|following|previous|preceding)(?=\s+(?:day|morning|afternoon|evening|night|week|month|year|past|coming))"
    r"|(?:day|week|month|hour|night|evening)s?(?=\s+(?:ago|earlier|later|before|after|prior|yesterday)))))(?![a-z])"
)
_WINDOW = 80
# Which patterns can match around which trigger.
_PATTERNS = {
    "month": ((_ABSOLUTE_MD, "md"), (_ABSOLUTE_DM, "dm"), (_RANGE_MD, "range"), (_RANGE_DM, "range"), (_MONTH_ONLY, "month")),
    "weekday": ((_WEEKDAY_EXPR, "weekday"),),
    "numeric": ((_ABSOLUTE_NUMERIC, "numeric"),),
    "relative": ((_OFFSET_AGO, "ago"), (_OFFSET_ANCHOR, "offset"), (_DAY_ANCHOR, "dayanchor"), (_VAGUE, "vague"), (_RELATIVE, "relative")),
}


def _windows(text: str) -> dict[str, list[list[int]]]:
    """Merged text windows around trigger words, per trigger kind."""
    windows: dict[str, list[list[int]]] = {kind: [] for kind in _PATTERNS}
    for m in _TRIGGER.finditer(text):
        spans = windows[m.lastgroup]
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return windows


def _collect(text: str) -> list[_Found]:
    found: list[_Found] = []
    for trigger, spans in _windows(text).items():
        for lo, hi in spans:
            for pattern, kind in _PATTERNS[trigger]:
                if kind == "range" and not _RANGE_HINT.search(text, lo, hi):
                    continue
                for m in pattern.finditer(text, lo, hi):
                    if kind != "relative":
                        found.append(_Found(m.start(), m.end(), kind, m))
                        continue
                    i = int(m.lastgroup[1:])
                    _, base, shift, part = _RELATIVE_TERMS[i]
                    if part is None and f"part{i}" in m.re.groupindex and m.group(f"part{i}"):
                        part = m.group(f"part{i}").lower()
                    found.append(_Found(m.start(), m.end(), kind, m, (base, shift, part)))
    # Longest first; drop anything overlapping a kept candidate.
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for f in found:
        if any(f.start < e and s < f.end for s, e in taken):
            continue
        kept.append(f)
        taken.append((f.start, f.end))
    kept.sort(key=lambda f: f.start)
    return kept


def _meta_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _META_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    return spans


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, reference: date, window_days: int = FUTURE_WINDOW_DAYS) -> int | None:
    """The year putting ``month``/``day`` closest on or before ``reference``.

    A date up to ``window_days`` after ``reference`` keeps ``reference``'s year
    (announced events). Returns None for an impossible day (31 September).
    """
    limit = reference + timedelta(days=window_days)
    for year in (reference.year + 1, reference.year, reference.year - 1, reference.year - 2):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return year
    return None


_CLOCK_PARTS = {"dawn": "morning", "daybreak": "morning", "dusk": "evening", "nightfall": "evening", "midnight": "night"}


def _part(m: re.Match) -> str | None:
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


def _number(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        return _TENS[tens] + _UNITS.get(unit, 0)
    return _NUMBERS.get(word)


def _row(f: _Found, resolution: str, day: date | None, lo: date | None = None, hi: date | None = None, part=None) -> dict:
    if day is not None and lo is None:
        lo = hi = day
    return {
        "start": f.start, "end": f.end, "date": day, "date_min": lo, "date_max": hi,
        "part_of_day": part, "resolution": resolution if (day or lo) else "unresolved",
    }


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class _Resolver:
    """Resolves candidates of one article in text order, tracking the reference time."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        self.published = published
        self.anchor: date | None = None
        self._year_reference: date | None = published

    def year_reference(self, found: list[_Found]) -> date | None:
        """With no publication date, the latest full date in the article."""
        if self.published is not None:
            return self.published
        latest = None
        for f in found:
            day = self._explicit_year_date(f)
            if day is not None and (latest is None or day > latest):
                latest = day
        return latest

    @staticmethod
    def _explicit_year_date(f: _Found) -> date | None:
        m = f.match
        if f.kind in ("md", "dm") and m.group("year"):
            return _safe_date(int(m.group("year")), _month_number(m.group("month")), int(m.group("day")))
        if f.kind == "numeric":
            return _numeric_date(m)
        return None

    def resolve(self, f: _Found, sentence: str) -> dict | None:
        m, p = f.match, self.published
        window = ANNOUNCED_WINDOW_DAYS if _ANNOUNCED.search(sentence) else FUTURE_WINDOW_DAYS
        if f.kind in ("md", "dm"):
            month, day = _month_number(m.group("month")), int(m.group("day"))
            if m.group("year"):
                year = int(m.group("year"))
            elif self._year_reference is not None:
                year = infer_year(month, day, self._year_reference, window)
            else:
                return _row(f, "unresolved", None, part=_part(m))
            first = _safe_date(year, month, day) if year else None
            if first is None:
                return None  # "February 30" is not a date
            if m.group("day2"):
                last = _safe_date(year, month, int(m.group("day2")))
                if last is None or last <= first:
                    return None
                return _row(f, "vague", None, first, last, part=_part(m))
            return _row(f, "absolute", first, part=_part(m))
        if f.kind == "numeric":
            day = _numeric_date(m)
            return None if day is None else _row(f, "absolute", day)
        if f.kind == "range":
            return self._range(f, window)
        if f.kind == "month":
            month = _month_number(m.group("month"))
            if m.group("year"):
                year = int(m.group("year"))
            elif self._year_reference is not None:
                year = infer_year(month, 1, self._year_reference, window)
            else:
                return _row(f, "unresolved", None)
            lo, hi = _month_range(year, month)
            phase = (m.group("phase") or "").lower()
            if phase == "early" or "beginning" in phase or "start" in phase:
                hi = lo + timedelta(days=9)
            elif phase == "mid":
                lo, hi = lo + timedelta(days=9), lo + timedelta(days=20)
            elif phase == "late" or "end" in phase:
                lo = hi - timedelta(days=10)
            return _row(f, "vague", None, lo, hi)
        if f.kind == "weekday":
            return self._weekday(f)
        if f.kind == "relative":
            base, shift, part = f.extra
            part = None if part == "day" else part
            reference = p if base == "pub" else (self.anchor or p)
            if reference is None:
                return _row(f, "unresolved", None, part=part)
            return _row(f, "relative", reference + timedelta(days=shift), part=part)
        if f.kind == "ago":
            n = _number(m.group("num"))
            unit = m.group("unit").lower()
            if p is None:
                return _row(f, "unresolved", None)
            if unit == "hour":  # "48 hours ago": whole days back; "a few hours ago": today
                if n is None or n < 24:
                    return _row(f, "relative", p)
                if n % 24:
                    return _row(f, "vague", None, p - timedelta(days=-(-n // 24)), p - timedelta(days=n // 24))
                return _row(f, "offset", p - timedelta(days=n // 24))
            if n is None:  # "a few days ago", "several weeks ago"
                span = {"day": 7, "week": 35, "month": 200}[unit]
                return _row(f, "vague", None, p - timedelta(days=span), p - timedelta(days=1 if unit == "day" else 7))
            if unit == "month":
                centre = p - timedelta(days=30 * n)
                return _row(f, "vague", None, centre - timedelta(days=15), min(p, centre + timedelta(days=15)))
            return _row(f, "offset", p - timedelta(days=n * (7 if unit == "week" else 1)))
        if f.kind == "offset":
            n = _number(m.group("num")) if m.group("num") else None
            unit = m.group("unit").lower()
            reference = self.anchor or p
            if reference is None:
                return _row(f, "unresolved", None)
            sign = 1 if (m.group("dir") or m.group("dir2")).lower() in ("later", "after") else -1
            if unit == "hour":  # "48 hours later": whole days; "hours later", "three hours later": the same day
                if n is None or n < 24:
                    return _row(f, "offset", reference)
                if n % 24:
                    near, far = reference + timedelta(days=sign * (n // 24)), reference + timedelta(days=sign * -(-n // 24))
                    return _row(f, "vague", None, min(near, far), max(near, far))
                return _row(f, "offset", reference + timedelta(days=sign * (n // 24)))
            if n is None:  # "days later", "a few weeks earlier"
                span = {"day": (1, 7), "week": (7, 35)}[unit]
                near, far = reference + timedelta(days=sign * span[0]), reference + timedelta(days=sign * span[1])
                return _row(f, "vague", None, min(near, far), max(near, far))
            days = n * (7 if unit == "week" else 1)
            return _row(f, "offset", reference + timedelta(days=sign * days))
        if f.kind == "dayanchor":
            reference = self.anchor or p
            if reference is None:
                return _row(f, "unresolved", None)
            which = (m.group("which") or m.group("dir") or "").lower()
            sign = 1 if which in ("next", "following", "after") else -1
            return _row(f, "offset", reference + timedelta(days=sign), part=_part(m))
        if f.kind == "vague":
            return self._vague(f)
        return None

    def _range(self, f: _Found, window: int) -> dict | None:
        """A span of days from two dates; the first takes its month and year from the second when it has none."""
        m = f.match
        month2 = _month_number(m.group("month2")) if m.group("month2") else None
        month1 = _month_number(m.group("month")) if m.group("month") else month2
        month2 = month2 or month1
        day1, day2 = int(m.group("day")), int(m.group("day2"))
        wraps = (month1, day1) > (month2, day2)  # "December 28 to January 3"
        if m.group("year2"):
            year2 = int(m.group("year2"))
            year1 = int(m.group("year")) if m.group("year") else year2 - wraps
        elif m.group("year"):
            year1 = int(m.group("year"))
            year2 = year1 + wraps
        elif self._year_reference is not None:
            # The start of a reported span is in the past: it takes the year, the end follows.
            year1 = infer_year(month1, day1, self._year_reference, window)
            if year1 is None:
                return None
            year2 = year1 + wraps
        else:
            return _row(f, "unresolved", None, part=_part(m))
        first, last = _safe_date(year1, month1, day1), _safe_date(year2, month2, day2)
        if first is None or last is None or not first < last <= first + timedelta(days=366):
            return None
        return _row(f, "vague", None, first, last, part=_part(m))

    def _weekday(self, f: _Found) -> dict:
        m, p = f.match, self.published
        part = _part(m)
        if p is None:
            return _row(f, "unresolved", None, part=part)
        wd = _WEEKDAYS[m.group("weekday").lower()]
        rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
        if m.group("weekday2") and not rel:
            # Both ends on or before publication, the span no longer than a week.
            last = p - timedelta(days=(p.weekday() - _WEEKDAYS[m.group("weekday2").lower()]) % 7)
            first = last - timedelta(days=(last.weekday() - wd) % 7 or 7)
            return _row(f, "vague", None, first, last, part=part)
        if rel in ("next", "this coming", "coming"):
            ahead = (wd - p.weekday()) % 7 or 7
            return _row(f, "weekday", p + timedelta(days=ahead), part=part)
        back = (p.weekday() - wd) % 7
        if rel in ("last", "this past", "past"):
            back = back or 7
            nearest = p - timedelta(days=back)
            previous_week = p - timedelta(days=p.weekday() + 7 - wd)
            lo, hi = min(nearest, previous_week), max(nearest, previous_week)
            return _row(f, "weekday", nearest, lo, hi, part=part)
        return _row(f, "weekday", p - timedelta(days=back), part=part)

    def _vague(self, f: _Found) -> dict:
        m, p = f.match, self.published
        if p is None:
            return _row(f, "unresolved", None)
        phrase = re.sub(r"\s+", " ", m.group(0).lower())
        monday = p - timedelta(days=p.weekday())
        if m.group("week"):
            if "weekend" in phrase:
                saturday = p - timedelta(days=(p.weekday() - 5) % 7)
                if "last" in phrase and saturday >= p - timedelta(days=1):
                    saturday -= timedelta(days=7)
                return _row(f, "vague", None, saturday, min(saturday + timedelta(days=1), p))
            if "last" in phrase or "past" in phrase:
                return _row(f, "vague", None, monday - timedelta(days=7), monday - timedelta(days=1))
            return _row(f, "vague", None, monday, p)
        if m.group("month"):
            if "last" in phrase or "past" in phrase:
                previous = p.replace(day=1) - timedelta(days=1)
                lo, hi = _month_range(previous.year, previous.month)
            else:
                lo, hi = p.replace(day=1), p
            # "early last month", "late last month": the phases of "in early October".
            if phrase.startswith("early "):
                hi = min(hi, lo + timedelta(days=9))
            elif phrase.startswith("late "):
                late = _month_range(lo.year, lo.month)[1] - timedelta(days=10)
                lo = late if late <= hi else lo
            return _row(f, "vague", None, lo, hi)
        if m.group("year"):
            if m.group("last_year"):
                return _row(f, "vague", None, date(p.year - 1, 1, 1), date(p.year - 1, 12, 31))
            return _row(f, "vague", None, date(p.year, 1, 1), p)
        if m.group("recent"):
            return _row(f, "vague", None, p - timedelta(days=7 if m.group("recent_unit").lower() == "day" else 35), p)
        if m.group("span"):
            unit = m.group("unit").lower()
            n = _number(m.group("n")) if m.group("n") else 1
            n = n or 7
            days = {"hour": max(1, -(-n // 24)), "day": n, "week": 7 * n}[unit]
            return _row(f, "vague", None, p - timedelta(days=days), p)
        return _row(f, "vague", None, p - timedelta(days=1), p, part="overnight")


def _numeric_date(m: re.Match) -> date | None:
    if m.group("iso_y"):
        return _safe_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    if m.group("dot_y"):
        return _safe_date(int(m.group("dot_y")), int(m.group("dot_m")), int(m.group("dot_d")))
    a, b, year = int(m.group("sl_a")), int(m.group("sl_b")), int(m.group("sl_y"))
    if a > 12 >= b:
        return _safe_date(year, b, a)
    if b > 12 >= a:
        return _safe_date(year, a, b)
    return None  # 10/2/2020: 2 October or 10 February; not guessed


# ------------------------------------------------------- event and place


@lru_cache(maxsize=None)
def _trigger_lexicon() -> tuple[re.Pattern, dict[str, tuple[str, int]], int]:
    frame = read_lexicon("event_triggers", required=("trigger", "event_type", "priority"))
    bad = frame.index[~frame["priority"].str.strip().str.isdigit()]
    if len(bad):
        raise lexicons.LexiconError(f"event_triggers.csv: row {int(bad[0]) + 2}: priority must be a whole number")
    info = {
        lexicons.name_key(t): (e.strip(), int(p))
        for t, e, p in zip(frame["trigger"], frame["event_type"], frame["priority"])
    }
    ordered = sorted(set(frame["trigger"]), key=lambda n: (-len(n), n))
    alternation = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for n in ordered)
    speech = max(p for _, p in info.values())
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), info, speech


_PRIORITY_PENALTY = 25  # characters of distance one priority step is worth

COMBAT_PRIORITY = 2
"""Event types of this priority or lower (event_triggers.csv: 1 weapon-specific, 2 other combat) are combat."""


def combat_event_types() -> frozenset:
    """Event types the trigger lexicon ranks as combat (priority <= :data:`COMBAT_PRIORITY`)."""
    return frozenset(event for event, priority in _trigger_lexicon()[1].values() if priority <= COMBAT_PRIORITY)


def event_type_in(sentence: str, at: int = 0) -> str | None:
    """The event type of the sentence: the trigger nearest ``at``.

    A lower-priority (more generic) trigger counts as ``_PRIORITY_PENALTY``
    characters further away per step; speech acts ("said") are used only when
    the sentence has no other trigger.
    """
    return _nearest_event(_event_triggers(sentence), at)


def _event_triggers(sentence: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, event_type, priority)`` of every trigger in ``sentence``."""
    pattern, info, _ = _trigger_lexicon()
    return [(m.start(), m.end(), *info[lexicons.name_key(m.group(0))]) for m in pattern.finditer(sentence)]


def _nearest_event(triggers: list[tuple[int, int, str, int]], at: int) -> str | None:
    """:func:`event_type_in` from the sentence's triggers."""
    speech = _trigger_lexicon()[2]
    best = None
    for start, end, event, priority in triggers:
        distance = start - at if start >= at else at - end
        key = (priority == speech, abs(distance) + _PRIORITY_PENALTY * (priority - 1))
        if best is None or key < best[0]:
            best = (key, event)
    return best[1] if best else None


_SPECIFIC_KINDS = frozenset({"city", "town", "village", "district", "province"})


def location_in(text: str, start: int, end: int, at: int) -> str | None:
    """The gazetteer place in ``text[start:end]`` nearest ``at``, settlements before regions."""
    return _nearest_place(lexicons.gazetteer().find(text, start, end), at)


def _nearest_place(mentions: list[lexicons.PlaceMention], at: int) -> str | None:
    """:func:`location_in` from the place mentions of the span."""
    gazetteer = lexicons.gazetteer()
    best = None
    for mention in mentions:
        general = gazetteer.kind.get(mention.place) not in _SPECIFIC_KINDS
        distance = abs(mention.start - at)
        key = (general, distance)
        if best is None or key < best[0]:
            best = (key, mention.place)
    return best[1] if best else None


# "another strike had hit the city": the place is the one named just before.
_PLACE_ANAPHOR = re.compile(r"(?i)\b(?:the|that|this|same)\s+(?:city|town|village|settlement|region|district)\b")


def previous_place_start(sentences: list[Sentence], sentence: Sentence, back: int = 4) -> int:
    """Start offset of the sentence ``back`` sentences before ``sentence``."""
    index = max(0, sentence.index - back) if sentence.index >= 0 else 0
    return sentences[index].start if sentences else sentence.start


# ------------------------------------------------------------ public API


def find_temporal_expressions(text: str, published: date | None, *, parsed: ParsedArticle | None = None) -> list[dict]:
    """Every expression dating a reported event, resolved against ``published``.

    Returns dicts with ``expression, start, end, date, date_min, date_max,
    part_of_day, resolution, event_type, location, sentence`` (offsets into
    ``text``), in text order. ``parsed``: the article's shared parse (its
    sentences are reused), made here when not given.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published: expected datetime.date or None, got {type(published).__name__}")
    if hasattr(published, "date") and callable(published.date):  # a datetime
        published = published.date()
    found = _collect(text)
    if not found:
        return []
    meta = _meta_spans(text)
    sentences = parsed_for(text, parsed).sentences
    resolver = _Resolver(text, published)
    resolver._year_reference = resolver.year_reference(found)
    rows = []
    triggers: dict[tuple[int, int], list] = {}  # per sentence: its event triggers and places, found once
    places: dict[tuple[int, int], list] = {}
    for f in found:
        if any(s <= f.start < e for s, e in meta) or _not_event(text, f.start, f.end):
            continue
        sentence = sentence_at(sentences, f.start) or Sentence(-1, f.start, f.end, text[f.start:f.end])
        row = resolver.resolve(f, sentence.text)
        if row is None:
            continue
        if row["date"] is not None:
            resolver.anchor = row["date"]
        at = f.start - sentence.start
        row["expression"] = text[f.start:f.end]
        span = (sentence.start, sentence.end)
        if span not in triggers:
            triggers[span] = _event_triggers(sentence.text)
            places[span] = lexicons.gazetteer().find(text, sentence.start, sentence.end)
        row["event_type"] = _nearest_event(triggers[span], at)
        row["location"] = _nearest_place(places[span], f.start)
        if row["location"] is None and _PLACE_ANAPHOR.search(sentence.text):
            row["location"] = location_in(text, previous_place_start(sentences, sentence), sentence.start, sentence.start)
        row["sentence"] = sentence.text
        row["background"] = is_background(text, max(sentence.start, f.start - _BACKGROUND_REACH), f.start, f.end,
                                          row["date_max"], published)
        rows.append(row)
    return rows


_BACKGROUND_REACH = 40  # characters before an expression where its cue may stand
ONSET_NEWS_DAYS = 7
"""An onset ("fighting erupted on Friday") at most this many days before publication is news (a late
report is still a report); further back ("the fighting, which started on September 27") it recalls the
start of an ongoing state and is background."""


@lru_cache(maxsize=None)
def _background_cues() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Per kind of cue (background_cues.csv: duration, onset): the cue opening an expression, and ending right before one."""
    frame = read_lexicon("background_cues", required=("cue", "kind"))
    bad = sorted(set(frame["kind"].str.strip()) - {"duration", "onset"})
    if bad:
        raise lexicons.LexiconError(f"background_cues.csv: unknown kind(s) {bad}; use duration or onset")
    patterns = {}
    for kind, group in frame.groupby(frame["kind"].str.strip()):
        cues = lexicons._alternation(list(group["cue"].str.strip()))
        patterns[kind] = (re.compile(rf"(?:{cues})\b", re.IGNORECASE),
                          re.compile(rf"\b(?:{cues})(?:\s+(?:on|in|at|during|around))*\s*$", re.IGNORECASE))
    return patterns


def is_background(text: str, lo: int, start: int, end: int, latest: date | None = None,
                  published: date | None = None) -> bool:
    """Whether the expression ``text[start:end]`` dates an event as background, not as news.

    A duration cue ("Since September 27") always makes it background; an
    onset cue ("the fighting, which started on September 27") when the
    event's ``latest`` date is more than :data:`ONSET_NEWS_DAYS` before
    ``published`` (a war that "broke out on Sunday" is Monday's news). The
    cue opens the expression or ends right before it within ``text[lo:start]``.
    """
    for kind, (opening, before) in _background_cues().items():
        if opening.match(text, start, end) is None and before.search(text, lo, start) is None:
            continue
        if kind == "duration":
            return True
        if latest is not None and published is not None and (published - latest).days > ONSET_NEWS_DAYS:
            return True
    return False


@dataclass(frozen=True)
class DatedMention:
    """A calendar-date mention (year may be missing), for publication-date checks."""

    start: int
    end: int
    expression: str
    month: int
    day: int
    year: int | None
    weekday: int | None  # the weekday written with it ("Friday, October 2"), if any
    sentence: str
    meta: bool  # in a header, byline or dateline line
    announced: bool  # in a sentence announcing something planned


def dated_mentions(text: str) -> list[DatedMention]:
    """Every calendar date written in ``text`` (no relative ones), in text order."""
    meta = _meta_spans(text)
    out = []
    for f in _collect(text):
        m = f.match
        if f.kind in ("md", "dm"):
            month, day = _month_number(m.group("month")), int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            weekday = _WEEKDAYS[m.group("weekday").lower()] if m.group("weekday") else None
        elif f.kind == "numeric":
            d = _numeric_date(m)
            if d is None:
                continue
            month, day, year, weekday = d.month, d.day, d.year, None
        else:
            continue
        if _safe_date(year or 2000, month, day) is None:  # 2000 is a leap year
            continue
        sentence = sentence_span_at(text, f.start)  # only this line is split: most sentences hold no date
        sentence_text = text[sentence[0]:sentence[1]] if sentence else text[f.start:f.end]
        out.append(DatedMention(
            f.start, f.end, text[f.start:f.end], month, day, year, weekday, sentence_text,
            any(s <= f.start < e for s, e in meta), bool(_ANNOUNCED.search(sentence_text)),
        ))
    return out


def has_near_relative(text: str) -> bool:
    """Whether ``text`` dates events relative to its own day (today, on Friday, ...)."""
    return any(f.kind in ("weekday", "relative") for f in _collect(text))


def events_table(articles: pd.DataFrame, parsed=None) -> pd.DataFrame:
    """One row per temporal expression in ``articles`` (columns: :data:`COLUMNS`).

    ``articles`` needs ``article_id``, ``text`` and ``published``; ``outlet`` and
    ``published_basis`` are carried along when present. ``parsed``: optional
    :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return events_frame(event_rows(articles, parsed))


def events_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The events table from :func:`event_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("events", rows)


def event_rows(articles: pd.DataFrame, parsed=None) -> list[dict]:
    """The records of :func:`events_table`, for building it chunk by chunk."""
    missing = [c for c in ("article_id", "text", "published") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles: missing column(s) {', '.join(missing)}")
    rows = []
    outlets = articles["outlet"] if "outlet" in articles.columns else [None] * len(articles)
    bases = articles["published_basis"] if "published_basis" in articles.columns else [None] * len(articles)
    parses = parses_for(articles["text"], parsed)
    for article_id, outlet, text, published, basis, parse in zip(
        articles["article_id"], outlets, articles["text"], articles["published"], bases, parses
    ):
        published = _as_date(published, article_id)
        text = text if isinstance(text, str) else ""
        for row in find_temporal_expressions(text, published, parsed=parse):
            row.update(article_id=article_id, outlet=outlet, published=published, published_basis=basis)
            rows.append(row)
    return rows


def _as_date(value, article_id) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"articles: article {article_id!r}: published {value!r} is not a YYYY-MM-DD date") from None
