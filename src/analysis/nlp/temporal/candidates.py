"""Candidate temporal expressions of one text, and the spans that date no event.

One cheap pass finds trigger words (month and weekday names, numeric dates,
relative words); the patterns of :mod:`analysis.nlp.temporal.patterns` run
only in windows around them. Overlapping candidates keep the longest. The
publication date's own lines (header, byline, dateline) and dates inside web
addresses, @handles, titles named after a day and birth dates are spans the
callers skip.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicons.load import read_lexicon
from analysis.nlp.temporal import patterns
from analysis.nlp.temporal.vocabulary import WEEKDAY_ABBREVIATIONS, WEEKDAYS, cased, month_numbers


@dataclass
class Found:
    """One candidate: its span, the kind of pattern that matched it, the match, and its payload.

    ``extra`` is ``(base, shift, part)`` for ``relative`` candidates (see
    :data:`~analysis.nlp.temporal.patterns.RELATIVE_TERMS`), empty otherwise.
    """

    start: int
    end: int
    kind: str
    match: re.Match
    extra: tuple = ()


# Every expression contains one of these words; the full patterns run only in
# windows around them (speed: one cheap pass over the whole text).
# First letters any trigger can start with (relative words in either case):
# checked first, so most positions are rejected before the long alternation.
_MONTHS = month_numbers()
_TRIGGER_FIRST = "".join(sorted({w[0].upper() for w in [*_MONTHS, *WEEKDAYS]}))
# Lower-case, capitalised or upper-case, spelled out: literal first letters keep the scan fast.
_RELATIVE_WORDS = "|".join(
    f"[{w[0]}{w[0].upper()}]{w[1:]}|{w.upper()}"
    for w in ("today", "tonight", "yesterday", "tomorrow", "ago", "earlier", "later", "last", "past", "overnight",
              "weekend", "recent", "within")
)
_TRIGGER = re.compile(
    rf"(?<![\w])(?=[{_TRIGGER_FIRST}\dtyaelpowsnfdmrhTYAELPOWSNFDMR])(?:(?P<month>{cased(_MONTHS)})"
    rf"|(?P<weekday>{cased(WEEKDAYS)}|{cased(WEEKDAY_ABBREVIATIONS)})"
    rf"|(?P<relative>{_RELATIVE_WORDS}|(?<=the\s)time"
    r"|(?:[Tt]his|[Tt]hat|[Ss]ame|[Nn]ext|[Ff]ollowing|[Pp]revious|[Pp]receding)"
    r"(?=\s+(?i:day|morning|afternoon|evening|night|week|month|year|past|coming))"
    r"|(?:[Dd]ay|[Ww]eek|[Mm]onth|[Hh]our|[Nn]ight|[Ee]vening)s?(?=\s+(?i:ago|earlier|later|before|after|prior|yesterday)))"
    # parts of the day, capitalised or not (literal first letters keep the scan fast), clock times
    r"|(?P<daypart>[Mm](?:orning|idnight|idday)|[Aa]fternoon|[Ee]vening|[Nn](?:ight(?:fall)?|oon)|[Dd](?:awn|aybreak|usk)"
    r"|[Ss]un(?:rise|set)|(?<=the\s)day|(?<=early\s)hours|(?<=until\s)late"
    r"|\d{1,2}(?::\d\d(?:\s*[apAP]\.?[mM])?|(?:\.\d\d)?\s*[apAP]\.?[mM])|\d{4}\s*(?:GMT|UTC)|\d\dh\d\d)"
    r"|(?P<now>(?<=we\s)speak|[Tt]his(?=\s+(?:hour|moment|writing))|writing|press(?=\s+time))"
    r"|(?P<numeric>\d{1,4}[./-]\d))(?![a-z])"
)
_WINDOW = 80
# Which patterns can match around which trigger.
_PATTERNS = {
    "month": ((patterns.ABSOLUTE_MD, "md"), (patterns.ABSOLUTE_DM, "dm"), (patterns.RANGE_MD, "range"),
              (patterns.RANGE_DM, "range"), (patterns.MONTH_ONLY, "month")),
    "weekday": ((patterns.WEEKDAY_EXPR, "weekday"),),
    "numeric": ((patterns.ABSOLUTE_NUMERIC, "numeric"),),
    "daypart": ((patterns.TIME_OF_DAY, "daypart"),),
    "now": ((patterns.NOW, "now"),),
    "relative": ((patterns.OFFSET_AGO, "ago"), (patterns.OFFSET_ANCHOR, "offset"), (patterns.DAY_ANCHOR, "dayanchor"),
                 (patterns.VAGUE, "vague"), (patterns.RELATIVE, "relative")),
}
KINDS = frozenset(kind for group in _PATTERNS.values() for _, kind in group) | {"listday", "ordinalday"}
"""Every kind of candidate (:attr:`Found.kind`); each has its resolver in :data:`analysis.nlp.temporal.resolve.RESOLVERS`."""


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


def find_candidates(text: str) -> list[Found]:
    """Every candidate expression in ``text``, overlaps resolved to the longest, in text order."""
    found: list[Found] = []
    for trigger, spans in _windows(text).items():
        for lo, hi in spans:
            for pattern, kind in _PATTERNS[trigger]:
                if kind == "range" and not patterns.RANGE_HINT.search(text, lo, hi):
                    continue
                for m in pattern.finditer(text, lo, hi):
                    if kind != "relative":
                        found.append(Found(m.start(), m.end(), kind, m))
                        continue
                    i = int(m.lastgroup[1:])
                    _, base, shift, part = patterns.RELATIVE_TERMS[i]
                    if part is None and f"part{i}" in m.re.groupindex and m.group(f"part{i}"):
                        part = m.group(f"part{i}").lower()
                    found.append(Found(m.start(), m.end(), kind, m, (base, shift, part)))
    # Longest first; drop anything overlapping a kept candidate.
    # The kept spans never overlap, so they are kept sorted and only the
    # neighbours of a new span are checked (a scan of all was quadratic).
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Found] = []
    starts: list[int] = []
    ends: list[int] = []
    for f in found:
        i = bisect_left(starts, f.start)
        if i < len(starts) and starts[i] < f.end or i > 0 and f.start < ends[i - 1]:
            continue
        kept.append(f)
        starts.insert(i, f.start)
        ends.insert(i, f.end)
    kept.sort(key=lambda f: f.start)
    return _with_ordinal_days(text, _with_listed_days(text, kept))


# "on the 14th", "on the afternoon of the 14th local time": a day of the month named alone (kind
# ``ordinalday``), only where no noun follows ("the 14th brigade", "the 16th day of the war" are no dates).
_ORDINAL_DAY = re.compile(
    r"(?<![\w])(?:[Oo]n|of|[Bb]y|[Ss]ince|[Uu]ntil)[ \t]+(?P<the>the[ \t]+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b"
    r"(?=[ \t]*(?:[,.;:)!?\n]|$)|[ \t]+(?:local|at|in|and|when|as|morning|afternoon|evening|night|GMT|UTC)\b)")


def _with_ordinal_days(text: str, kept: list[Found]) -> list[Found]:
    if "the " not in text or not any(sfx in text for sfx in ("th", "st", "nd", "rd")):
        return kept
    added = [Found(m.start("the"), m.end("the"), "ordinalday", m) for m in _ORDINAL_DAY.finditer(text)]
    added = [f for f in added if not any(k.start < f.end and f.start < k.end for k in kept)]
    return sorted(kept + added, key=lambda f: f.start) if added else kept


# "October 10, 17 and 21, 2020" and "the 10th and 17th of October 2020": more days under one month, each an
# expression of its own (kind ``listday``, ``extra`` = (month, year)).
_DAY_AFTER = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)(?P<day>[0-3]?\d)(?P<sfx>st|nd|rd|th)?"
                        r"(?![\d:.,]\d|\d|[ \t]*(?:[-–]|(?!and\b)[a-zA-Z]))")  # not "October 5, 12 soldiers"
_YEAR_AFTER = re.compile(r",?[ \t]+(?P<year>(?:19|20)\d\d)(?!\d)")
_DAY_BEFORE = re.compile(r"(?<![\w:.,])(?P<day>[0-3]?\d)(?P<sfx>st|nd|rd|th)?(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)$")
_LIST_REACH = 12  # characters before a "dm" date in which a listed day may end


def _with_listed_days(text: str, kept: list[Found]) -> list[Found]:
    if not kept:
        return kept
    out = list(kept)
    starts = {f.start for f in kept}
    for f in kept:
        if f.kind not in ("md", "dm") or f.match.group("day2"):
            continue
        month = _MONTHS[f.match.group("month").lower().rstrip(".")] if f.match.group("month").lower().rstrip(".") in _MONTHS else None
        if month is None:
            continue
        year = int(f.match.group("year")) if f.match.group("year") else None
        items = []
        if f.kind == "md" and not year:
            pos = f.end
            while (m := _DAY_AFTER.match(text, pos)) is not None and m.start("day") not in starts:
                items.append(m)
                pos = m.end()
            y = _YEAR_AFTER.match(text, pos) if items else None
            year = int(y.group("year")) if y else None
        elif f.kind == "dm":
            pos = f.start
            while (m := _DAY_BEFORE.search(text, max(0, pos - _LIST_REACH), pos)) is not None:
                items.append(m)
                pos = m.start()
        for m in items:
            out.append(Found(m.start("day"), m.end("sfx") if m.group("sfx") else m.end("day"), "listday", m, (month, year)))
    if len(out) == len(kept):
        return kept
    out.sort(key=lambda f: f.start)
    return out


ARTICLE_CACHE_BYTES = 16 * 2**20
"""About how much memory the candidates :func:`article_candidates` keeps may take (texts and matches): a
partition's worth of undated articles of news length (the build dates them as it sends their partition, and
the events stage reads them next). At 48 MB the cache, full once some 10,000 articles had gone through, made
up most of what each process of a 100,000-article build grew by beyond one of 10,000."""
_FOUND_BYTES = 400  # about what one candidate with its match takes
_kept: OrderedDict[str, tuple[Found, ...]] = OrderedDict()
_kept_bytes = [0]


def _weight(text: str, found) -> int:
    return len(text) + _FOUND_BYTES * len(found)


def article_candidates(text: str) -> list[Found]:
    """:func:`find_candidates` of a whole article, kept for the last articles (:data:`ARTICLE_CACHE_BYTES`).

    Ingest reads an undated article's calendar dates (its publication date)
    and the events stage then reads every date of the same text: the scan,
    the costliest step of both, is made once: the build dates a partition's
    undated articles as it sends the partition, so in one process the events
    stage finds them here (some 1,300 articles of news length fit). Readers
    never change the candidates; the list is a fresh copy.
    """
    kept = _kept.get(text)
    if kept is not None:
        _kept.move_to_end(text)
        return list(kept)
    found = find_candidates(text)
    weight = _weight(text, found)
    if weight <= ARTICLE_CACHE_BYTES // 64:  # a huge page is not kept: it would push out many articles
        _kept[text] = tuple(found)
        _kept_bytes[0] += weight
        while _kept_bytes[0] > ARTICLE_CACHE_BYTES:
            old_text, old = _kept.popitem(last=False)
            _kept_bytes[0] -= _weight(old_text, old)
    return found


def meta_spans(text: str) -> list[tuple[int, int]]:
    """Header, byline and dateline lines: they carry the publication date itself, not a reported event."""
    spans = [(m.start(), m.end()) for m in patterns.META_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in patterns.DATELINE.finditer(text)]
    return spans


# Date words that date no event: titles named after a day ("The Sunday Times",
# "Mail on Sunday", "USA Today", "Armenia Today", "Today.az"; a capitalised
# "Today" right after a capitalised word is a name, not the day) and birth
# dates. Checked around each candidate only (see ``not_event``); web
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


def not_event(text: str, start: int, end: int) -> bool:
    """Whether the candidate at ``start:end`` is inside a web address, handle, title or birth date."""
    lo = max(0, start - 300)
    token = text[max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("\t", lo, start), lo - 1) + 1:start]
    if "://" in token or token.startswith(("www.", "@")) or "/" in token and "." in token:
        return True
    return any(
        m.start() <= start < m.end()
        for m in _not_event_pattern().finditer(text, max(0, start - _NOT_EVENT_REACH), min(len(text), end + 20))
    )
