"""Publication date from the text itself, and header dates the text contradicts.

A date is output only with a basis: a `` date YYYY-MM-DD`` header, the page's
own date line (:mod:`~analysis.ingest.date_lines`: byline, dateline, date
line), or the text's own dated report. Page furniture (date lines other than
the page's own, "since ..." dates), background and historical dates never set
or bound it.

**Year of a date line without one** ("YEREVAN, October 3. /AGENCY/."): the
year of the article's own full dates, else the corpus year
(:func:`date_line_year`). The article's own full dates are the dates with a
year its text writes outside its date lines, not older than the corpus year
(older ones are background); the year taken is the one putting the day
nearest the latest of them. Without such dates the day takes the corpus year:
the year most articles of the build are dated in by header or date line
(:func:`corpus_year`). A weekday printed with the day must fall on it in that
year, else the line gives no date.

**Inference from the text** (:func:`infer_publication_window`): the article
cannot predate the latest event it reports as past, so the latest calendar
date it mentions (outside announcements, date lines and "since"/"from" dates)
is the earliest possible publication date. A date the text presents as its
own ("overview of events for the morning of October 3", "today, October 3",
"as of October 3") is the best guess; otherwise the latest date is taken only
when a lead sentence reports it as the news ("X said Oct. 2", "according
to the ministry, on October 3 ..."). A latest date that is only written with
its year or named twice is no such proof: on the development corpus those
dated a third of their texts wrongly (retrospectives, anniversaries), and a
wrong date is worse than none. Year-less
dates take their year from the text's own full dates, else the corpus year;
without either the text cannot be dated. A text that looks back on "last
year's war" is dated by nothing but its own dates: its latest event is
background.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.ingest.date_lines import LineDate, read_date_line

from analysis.nlp.temporal.context import BACKGROUND_REACH, ONSET_NEWS_DAYS, is_background
from analysis.nlp.temporal.expressions import DatedMention, dated_mentions, has_near_relative
from analysis.nlp.temporal.resolution import FUTURE_WINDOW_DAYS, infer_year
from analysis.nlp.temporal.vocabulary import safe_date

# News reports events within days; a window, not a proof.
LATEST_SLACK_DAYS = 6
# A header this much later than a dated report that also speaks of "today" or
# "on Friday" is a crawl date.
HEADER_GAP_DAYS = 180
LEAD_SENTENCE_LINES = 3  # the lead: the first lines that are sentences
LEAD_MIN_WORDS = 12

_OWN_DATE = re.compile(
    r"(?i)(?:\btoday\b|\btonight\b|\bthis\s+(?:morning|evening|afternoon)\b|\bas\s+of\b|"
    r"\b(?:morning|afternoon|evening|night)\s+of\b|\bupdates?\b|\boverview\b|\blive\b|\bdigest\b|\bsummary\b)"
    r"[^.!?\n]{0,40}$"
)

# "since September 27", "from October 10", "Since the Nov. 9 peace deal": a period's start, not the report's day.
# "since fighting erupted on Sept 27": a date inside a since-clause starts the period too.
_PERIOD_START = re.compile(
    r"(?i)(?:\b(?:since|from|starting|until|till|through)\s+(?:the\s+|on\s+)?|\bsince\b[^.;!?\n]{0,60})$")
# "last year's Karabakh conflict", "the war last year", "a year ago": the text is written a year after the events it dates, so
# its latest dated event is background, not its news peg.
_LOOKS_BACK_A_YEAR = re.compile(
    r"(?i)\blast\s+year(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}(?:war|conflict|fighting|hostilities|clashes|offensive)\b"
    r"|\b(?:war|conflict|fighting|hostilities|clashes|offensive)\s+(?:[\w-]+\s+){0,3}?last\s+year\b"
    # "surfaced nearly one year ago", "a year after the war"
    r"|\b(?:a|one|1)\s+year\s+(?:ago|after|on|since)\b")  # not "broke away 30 years ago": background, not the text's day
_REPORTING = re.compile(
    r"(?i)\b(?:said|says|told|announced|stated|reported|reports|declared|wrote|noted|informed|confirmed|tweeted|"
    r"decried|warned|urged|claimed|according\s+to)\b"
)


def corpus_year(years: Iterable[int]) -> int | None:
    """The year most articles of a build are dated in (the later on a tie), None for none."""
    counts = Counter(int(y) for y in years)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def date_line_year(line: LineDate, text: str, year_of_corpus: int | None) -> tuple[date | None, str]:
    """The day a year-less date line means (see the module docstring), and how its year was found."""
    own = [d for d in _own_full_dates(text) if year_of_corpus is None or d.year >= year_of_corpus]
    if own:
        reference = max(own)
        days = [d for d in (line.on(y) for y in (reference.year - 1, reference.year, reference.year + 1)) if d]
        if not days:
            return None, f"the weekday of {line.line[:40]!r} falls on no day near {reference}"
        return min(days, key=lambda d: abs((d - reference).days)), f"year of the text's own dates (latest {reference})"
    if year_of_corpus is None:
        return None, "date line gives no year, and neither the text nor the corpus does"
    day = line.on(year_of_corpus)
    if day is None:
        return None, f"the weekday of {line.line[:40]!r} does not fall on that day in the corpus year {year_of_corpus}"
    return day, f"corpus year {year_of_corpus}"


def _own_full_dates(text: str) -> list[date]:
    """Full dates the text writes outside its date lines and announcements."""
    out = []
    for m in dated_mentions(text):
        if m.year is not None and not m.announced and not _on_date_line(text, m):
            out.append(date(m.year, m.month, m.day))
    return out


def _period_start(text: str, m: DatedMention) -> bool:
    """Whether ``m`` starts (or ends) a period ("since September 27", "Since the Nov. 9 deal") rather than dating a report."""
    before = text[max(0, m.start - 70):m.start]
    lead = m.expression.split(maxsplit=1)[0] if m.expression[:1].isalpha() else ""
    return any(_PERIOD_START.search(read) is not None for read in (before, before + lead + " "))


def _on_date_line(text: str, m: DatedMention) -> bool:
    """Whether ``m`` is on a date line (the page's own date, a widget, another story's timestamp)."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    read = read_date_line(text[start:end if end >= 0 else len(text)])
    return read is not None and m.start - start < read.end


@dataclass(frozen=True)
class PublicationGuess:
    """When an article was published, as far as its text tells."""

    earliest: date
    latest: date
    best: date
    evidence: str


def _resolve(mentions: list[DatedMention], year_of_corpus: int | None) -> list[tuple[DatedMention, date]]:
    """Each mention with its day: its own year, else the year near the text's full dates, else the corpus year.

    Full dates older than the corpus year are history and dropped; so is a
    day whose printed weekday does not fall on it.
    """
    explicit = [date(m.year, m.month, m.day) for m in mentions
                if m.year is not None and (year_of_corpus is None or m.year >= year_of_corpus)]
    reference = max(explicit) if explicit else None
    out = []
    for m in mentions:
        if m.year is not None:
            if year_of_corpus is not None and m.year < year_of_corpus:
                continue
            year = m.year
        elif reference is not None:
            year = infer_year(m.month, m.day, reference, FUTURE_WINDOW_DAYS)
        else:
            year = year_of_corpus
        day = safe_date(year, m.month, m.day) if year is not None else None
        if day is not None and (m.weekday is None or day.weekday() == m.weekday):
            out.append((m, day))
    return out


def infer_publication_window(text: str, year_of_corpus: int | None = None) -> PublicationGuess | None:
    """Earliest, latest and best publication date the text supports, or None (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    mentions = [m for m in dated_mentions(text)
                if not m.announced and not _period_start(text, m)
                and not (not m.meta and _on_date_line(text, m))]
    past = _resolve(mentions, year_of_corpus)
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
    peg = _news_peg(text, [(m, d) for m, d in past if d == earliest])
    if peg is None or _LOOKS_BACK_A_YEAR.search(text):
        return None
    return PublicationGuess(
        earliest, earliest + timedelta(days=LATEST_SLACK_DAYS), earliest,
        f"latest dated event, {peg}: {_context(text, latest_event)}",
    )


def _news_peg(text: str, latest: list[tuple[DatedMention, date]]) -> str | None:
    """Why the latest date is the report's own news peg, or None when nothing says so.

    A date given as an onset ("the fighting, which broke out on September 27")
    is background whatever the report's day, so it is no evidence of that day.
    """
    latest = [(m, d) for m, d in latest if not _onset(text, m, d)]
    lead_end = _lead_end(text)
    for m, _ in latest:
        if m.start < lead_end and _REPORTING.search(m.sentence):
            return "reported in the lead"
    return None


def _onset(text: str, m: DatedMention, day: date) -> bool:
    """Whether ``m`` dates the onset of what the text reports (background once the report is days later)."""
    later = day + timedelta(days=ONSET_NEWS_DAYS + 1)
    return is_background(text, max(0, m.start - BACKGROUND_REACH), m.start, m.end, day, later)


def _lead_end(text: str) -> int:
    """Where the lead ends: after the first :data:`LEAD_SENTENCE_LINES` lines that are sentences."""
    seen, position = 0, 0
    for line in text.split("\n"):
        position += len(line) + 1
        if len(line.split()) >= LEAD_MIN_WORDS:
            seen += 1
            if seen == LEAD_SENTENCE_LINES:
                break
    return position


def header_contradicts_text(text: str, header_date: date) -> str | None:
    """Why a header date cannot be the publication date, or None if it fits."""
    if not isinstance(header_date, date):
        raise TypeError(f"header_date: expected datetime.date, got {type(header_date).__name__}")
    mentions = [m for m in dated_mentions(text) if not (m.meta and m.year is not None and date(m.year, m.month, m.day) == header_date)]
    for m in mentions:
        if m.announced or _on_date_line(text, m):  # a widget or another story's timestamp proves nothing
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
    reports = [date(m.year, m.month, m.day) for m in mentions
               if m.year is not None and not m.announced and has_near_relative(m.sentence)]
    if reports and (header_date - max(reports)).days > HEADER_GAP_DAYS:
        return (f"the text dates a report {max(reports)} and speaks of it relative to its own day "
                f"(on a weekday, today), but the header says {header_date}")
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
