"""Date lines: the lines of a page that print its own date, as real sites write them.

A date line is a line that holds one calendar date and little else: a label
("Published", "Publish date", "Updated"), a weekday, a time with its zone, a
credit (outlet, author, place), bullets and separators. Months come in every
language of ``lexicons/months.csv`` ("5 октября 2020", "5 Ekim 2020",
"հոկտեմբերի 5, 2020"), numeric dates as ISO, day.month.year, day-month-year
("01-10-2020": day first, unless the second number cannot be a month) or with a
Roman month ("16-XI-20"); a comma may lack its space ("November 09,2020") and a
label its space ("Publish date11 Oct 2020 - 14:49"); a numbered release opens with its
date ("No: 118, 4 November 2020, Press Release on ..."). A dateline opens a lead:
"YEREVAN, October 3. /AGENCY/." or "BAKU, Azerbaijan, Sept. 29".

Each line read gets a kind, from the strongest: ``published`` (labelled so),
``timed`` (with a time of day), ``credited`` (with a name), ``dateline``,
``updated`` (labelled so), ``bare`` (a date alone, or with a clock time to the second: on a page top it
may be the site's current-date widget). The year may be missing; resolving it is the
caller's (see :mod:`~analysis.ingest.publication_dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from analysis.lexicons.load import read_lexicon
from analysis.nlp.temporal.vocabulary import WEEKDAYS, date_line_month_numbers, safe_date

KINDS = ("published", "timed", "credited", "dateline", "updated", "bare")
"""Kinds of date line, strongest first."""

WIRE_LAG_DAYS = 2  # a host carries a wire's copy within this many days of its dateline
MAX_LINE = 160  # a date line is short
MAX_LINE_WORDS = 24  # and has few words (a heading ending in "Geneva, <date>" is the longest)
MAX_CREDIT_WORDS = 6  # "Nuard Tadevosyan, Kingston, Ontario"; a longer rest is a sentence
TOP_LINES = 10  # non-empty lines read at the top of a page
BOTTOM_LINES = 3  # and at its foot (a source line: "16-XI-20, nytimes")

_MONTHS = date_line_month_numbers()
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}
_WEEKDAY_FORMS = {**WEEKDAYS, **{w[:3]: n for w, n in WEEKDAYS.items()}, "tues": 1, "thur": 3, "thurs": 3}

_MONTH = r"(?P<month>" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?<!\w)(?P<weekday>" + "|".join(sorted(_WEEKDAY_FORMS, key=len, reverse=True)) + r")\.?,?\s*)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE = re.compile(
    r"(?i)(?<![\d.])" + _WEEKDAY + r"(?:"
    + _DAY + r"(?:[ \t.-]*|[ \t]*/[ \t]*)" + _MONTH + r"(?:[ \t]*[,./-]?[ \t]*" + _YEAR + r")?"  # 4 October 2020, 06 / October / 2020
    + r"|(?<!\w)" + _MONTH.replace("month", "month2") + r"[ \t]*" + _DAY.replace("day", "day2")
    + r"(?:(?:[ \t]*,[ \t]*|[ \t]+)" + _YEAR.replace("year", "year2") + r")?"  # November 09,2020; Oct 3
    + r"|(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"  # 2020-11-10
    + r"|(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>(?:19|20)\d\d)"  # 29.09.2020
    + r"|(?P<dash_a>[0-3]?\d)-(?P<dash_b>[0-3]?\d)-(?P<dash_y>(?:19|20)\d\d)(?!-)"  # 01-10-2020, 22-10-2020
    + r"|(?<![\d/])(?P<sl_a>[0-3]?\d)/(?P<sl_b>[0-3]?\d)/(?P<sl_y>(?:19|20)\d\d)(?!/)"  # 10/26/2020, 26/10/2020
    + r"|(?P<rom_d>[0-3]?\d)[-./ ](?P<rom_m>" + "|".join(sorted(_ROMAN, key=len, reverse=True))
    + r")[-./ ](?P<rom_y>(?:19|20)?\d\d)"  # 16-XI-20
    + r")(?:(?![\w])|(?<=\d\d)(?=[A-Z][a-z]+:))"  # or glued to a label: "October 13, 2020Updated: ..."
)
_TIME = re.compile(
    r"(?i)(?<!\d)[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:[ \t]*[ap]\.?[ \t]?m\.?)?"
    r"(?:[ \t]*\(?(?:[A-Z]{2,4}\b)?[ \t]*(?:[+-]\d{1,2}(?::?\d\d)?)?\)?)?"
)


_CLOCK = re.compile(r"\d[:.][0-5]\d:[0-5]\d")  # a time with its seconds: a page's running clock
_GLUED_DATE_FIRST = re.compile(r"\s*(?P<date>(?P<wd>" + "|".join(sorted((w.capitalize() for w in WEEKDAYS), key=len, reverse=True))
                               + r"),?\s+(?P<m>[A-Z][a-z]{2,8}\.?)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d))"
                               r"(?=[A-Z][a-z])")
_PLACE_NUMERIC = re.compile(r"\s*[A-Z][a-z]{2,20}(?:[ -][A-Z][a-z]{2,20})?\s+"
                            r"(?P<date>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\s+(?=[“\"A-Z])")


def _labels() -> re.Pattern:
    """``lexicons/date_line_labels.csv``: the words sites put before dates, with the date each names.

Roles: ``published`` (the page's date), ``updated`` (a later edit), ``other``
(a caption's or archive's date: not the page's).
"""
    frame = read_lexicon("date_line_labels", required=("label", "role"))
    published, updated, other = ([str(x).strip() for x, r in zip(frame["label"], frame["role"]) if r.strip() == role]
                                 for role in ("published", "updated", "other"))

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))

    return re.compile(rf"(?i)(?<!\w)(?:(?P<other>{alternation(other)})|(?P<updated>{alternation(updated)})"
                      rf"|(?P<published>{alternation(published)}))(?=\W|\d|$)")


_LABEL = _labels()
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z'’.-]+(?:(?: |\s*/\s*)[A-Z][A-Za-z'’.-]+){0,2}"
                       r"(?:,\s*[A-Z][A-Za-z'’.-]+(?: [A-Z][a-z]+)?)?)[,;]\s*$")
# "Moscow, October 15. The ...", "Islamabad/ Pakistan; 18 Oct 2020 – The ...": a place in ordinary case opens a
# dateline when its date closes with a full stop, a colon or a dash and a sentence starts after it. A word that
# opens a sentence ("On Thursday, October 15, ...", "Yesterday, Oct. 3: ...") is no place.
_STOP_THEN_SENTENCE = re.compile(r"[ \t]*(?:[.:]|[ \t][-–—]{1,2})[ \t]+[\"“‘'(]?[A-Z]")
_NOT_A_PLACE = frozenset("""on in at by since until till from for as and but or so then yesterday today tonight tomorrow
    last this that these those early late earlier later meanwhile however also again now here there when while after
    before during the a an it its we our they he she his her updated published posted date dated""".split())
# "FAIRFIELD, Conn. (Oct. 9, 2020)—": a release's date in brackets after its place in capitals
_BRACKET_DATELINE = re.compile(r"^\s*[A-Z]{2,}(?:[ -][A-Z]{2,})*(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?)?\s*\(\s*$")
# "Sydney, Oct. 6, (dpa) – ...": a wire's tag after the date of its dateline
_TAG_AFTER = re.compile(r"[\s,]*\(\s*(?:[a-z]{2,10}|[A-Z]{2,10}|[A-Za-z]{2,10}(?:\s*/\s*[A-Za-z]{2,10})+)\s*\)\s*[-–—]")  # (dpa), (AFP), (dpa/GNA)
# "2020-10-14 09:35:12Site Name Editor ...": a page's timestamp opening a line, glued to the text after it
_STAMP_FIRST = re.compile(r"\s*(?:19|20)\d\d-[01]\d-[0-3]\d[ T]+[0-2]\d:[0-5]\d(?::[0-5]\d)?(?=[A-Z])")
_FILLER = re.compile(r"(?i)[\s|•·,;:.!?\"“”()\[\]/\\*–—-]+|\b(?:at|on|г|года|yil|yılı|թ)\b\.?")
# A release's or a bulletin's title closing with its full date: "Short note ... – 11 October 2020",
# "Daily Press Briefing by the Spokesperson, 5 October 2020 - Nagorno-Karabakh, Chad"
_TITLE_DATE_BEFORE = re.compile(r"(?:\s[–—-]|,)[ \t]*$")
_TOPICS_AFTER = re.compile(r"[ \t]+[–—-][ \t]+[A-Z][^.!?]{0,60}")
_PLACE_BEFORE = re.compile(r"(?<![.!?] )\b[A-Z][\w'’.-]*,[ \t]*$")  # a heading's closing "Geneva, <date>"
_CAPTION_PLACE = re.compile(r"\b(?:in|at|near|outside|from)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’.-]*,[ \t]*$")
# "Statement by ... in Brussels, 12 October 2020", "Remarks of ... in Moscow, ...": a release's heading, not a caption
_RELEASE_OPENING = re.compile(r"(?i)\s*(?:joint\s+)?(?:statement|remarks|press\s+release|speech|address|briefing|declaration|"
                              r"communiqu|comment|readout|interview|opening\s+remarks|transcript|message)")
_SENTENCE_WORD = re.compile(r"(?!(?:by|and|of|for|the|from|in|via|de)$)[a-z][a-z'’-]*")  # a credit is names, not words
_DIGIT = re.compile(r"\d")
_WEEKDAY_LINE = re.compile(r"(?i)^\W*(?:" + "|".join(WEEKDAYS) + r")\W*$")


@dataclass(frozen=True)
class LineDate:
    """A date a line prints: year possibly missing, the weekday printed with it, the kind of line, the line."""

    month: int
    day: int
    year: int | None
    weekday: int | None
    kind: str
    line: str
    end: int = 0  # where the date line's own part of the line ends (a dateline's lead goes on after it)

    def on(self, year: int) -> date | None:
        """The day in ``year`` (None when there is none, or the weekday printed does not fall on it)."""
        day = safe_date(year, self.month, self.day)
        if day is None or (self.weekday is not None and day.weekday() != self.weekday):
            return None
        return day

    @property
    def date(self) -> date | None:
        """The day, when the line gives its year."""
        return self.on(self.year) if self.year is not None else None


def _parts(m: re.Match, us_clock: bool = False) -> tuple[int, int, int | None] | None:
    """(month, day, year) of a :data:`_DATE` match; ``us_clock``: the line has a 12-hour clock ("12:00PM"), so
    a slashed date that fits both orders is month first, as US sites write it."""
    g = m.groupdict()
    if g["iso_y"]:
        return int(g["iso_m"]), int(g["iso_d"]), int(g["iso_y"])
    if g["dot_y"]:
        return int(g["dot_m"]), int(g["dot_d"]), int(g["dot_y"])
    if g["dash_y"]:  # day first, as the sites that write dashes do; "10-26-2020" only month first
        a, b = int(g["dash_a"]), int(g["dash_b"])
        return (a, b, int(g["dash_y"])) if a <= 12 < b else (b, a, int(g["dash_y"]))
    if g["sl_y"]:
        a, b = int(g["sl_a"]), int(g["sl_b"])
        if a <= 12 < b:
            return a, b, int(g["sl_y"])  # month/day, as US sites write it
        if b <= 12 < a:
            return b, a, int(g["sl_y"])  # day/month
        if us_clock:
            return a, b, int(g["sl_y"])  # "12:00PM 1/11/2021": a 12-hour clock is the US convention, month first
        return None  # 05/10/2020 is May or October: no date rather than a wrong one
    if g["rom_y"]:
        year = int(g["rom_y"])
        return _ROMAN[g["rom_m"].lower()], int(g["rom_d"]), year + 2000 if year < 100 else year
    month = g["month"] or g["month2"]
    day = g["day"] or g["day2"]
    year = g["year"] or g["year2"]
    return _MONTHS[month.rstrip(".").lower()], int(day), int(year) if year else None


_TO_PRESENT = re.compile(r"(?:\s*\([^()\n]{1,20}\))?\s*\S{0,2}\s*(?:[-–—]|to|until|每)?\s*(?i:present|ongoing)\b")
_TWELVE_HOUR = re.compile(r"\b(?:1[0-2]|0?[1-9]):[0-5]\d\s*[AaPp]\.?[Mm]\b")  # "12:00PM", "9:35 a.m."
_RELEASE_NUMBER = re.compile(r"(?i)^\s*No[:.]?\s*\d{1,5}\s*,\s*")
_RELEASE_TITLE = re.compile(r"(?i)\s*,\s*(?:press\s+release|statement|information|communiqu|announcement)")


def read_date_line(line: str) -> LineDate | None:
    """The date ``line`` prints, when the line is a date line (see the module docstring); else None."""
    if not _DIGIT.search(line):
        return None
    numbered = _RELEASE_NUMBER.match(line)
    if numbered:  # "No: 118, 4 November 2020, Press Release on ...": a ministry's numbered release
        m = _DATE.match(line, numbered.end())
        parts = _parts(m) if m and _RELEASE_TITLE.match(line, m.end()) else None
        if parts is not None and parts[2] is not None and safe_date(parts[2], parts[0], parts[1]) is not None:
            return LineDate(parts[0], parts[1], parts[2], None, "published", line.strip()[:80], m.end())
    glued = _GLUED_DATE_FIRST.match(line)
    if glued:  # "Thursday, October 8, 2020Nagorno-Karabakh towns ...": the page's date glued to its lead
        month = _MONTHS.get(glued.group("m").rstrip(".").lower())
        day = safe_date(int(glued.group("y")), month, int(glued.group("d"))) if month else None
        if day is not None and day.weekday() == _WEEKDAY_FORMS[glued.group("wd").lower()]:
            return LineDate(day.month, day.day, day.year, day.weekday(), "dateline", line.strip()[:80], glued.end("date"))
    placed = _PLACE_NUMERIC.match(line)
    if placed:  # "Brussels 7.10.2020 “Members, ...": a place and a full numeric date open the text
        m = _DATE.match(line, placed.start("date"))
        parts = _parts(m) if m is not None else None
        if parts is not None and parts[2] is not None and safe_date(parts[2], parts[0], parts[1]) is not None:
            return LineDate(parts[0], parts[1], parts[2], None, "dateline", line.strip()[:80], placed.end("date"))
    placed_at = _place_end(line)
    if len(line) > MAX_LINE or line.count(" ") > MAX_LINE_WORDS or _DATELINE.match(line[:placed_at]) \
            or _BRACKET_DATELINE.match(line[:placed_at]):
        return _dateline(line)
    dates = list(_DATE.finditer(line))
    if not dates or _TO_PRESENT.match(line, dates[-1].end()):
        return None  # "Date 27 September 2020 – present": a period's start (an infobox), not the page's date
    us_clock = _TWELVE_HOUR.search(line) is not None
    found = _parts(dates[0], us_clock)
    if _STAMP_FIRST.match(line) and found is not None and found[2] is not None \
            and safe_date(found[2], found[0], found[1]) is not None:
        return LineDate(found[0], found[1], found[2], None, "timed", line.strip()[:80], dates[0].end())
    later = _LABEL.search(" " + line[dates[0].end():dates[1].start()]) if len(dates) > 1 else None
    if later is not None and later.group("updated"):
        dates = dates[:1]  # "October 13, 2020 Updated: October 14, 2020": the first date is the publication
    if found is None or any(_parts(m, us_clock) != found for m in dates[1:]):
        return _dateline(line)
    month, day, year = found
    if safe_date(year or 2000, month, day) is None:
        return None
    weekday = dates[0].group("weekday")
    weekday = _WEEKDAY_FORMS[weekday.lower()] if weekday else None
    prefix = line[:dates[0].start()]
    rest = prefix + " " + line[dates[-1].end():]
    label = _LABEL.search(prefix)
    timed = _TIME.search(rest)
    rest = _TIME.sub(" ", _LABEL.sub(" ", rest))
    words = [w for w in _FILLER.split(rest) if w]
    tail = line[dates[-1].end():]
    placed = _PLACE_BEFORE.search(line, 0, dates[-1].start()) and not tail.strip()
    sentence = len(words) > MAX_CREDIT_WORDS or sum(_SENTENCE_WORD.fullmatch(w) is not None for w in words) > 1
    if sentence and _CAPTION_PLACE.search(line, 0, dates[-1].start()) and not tail.strip() \
            and not _RELEASE_OPENING.match(line):
        return _dateline(line)  # "... stand near graves in Yerevan, November 12, 2020": a photo's caption
    titled = sentence and not placed and year is not None and len(dates) == 1 \
        and _TITLE_DATE_BEFORE.search(line, 0, dates[0].start()) and (not tail.strip() or _TOPICS_AFTER.fullmatch(tail))
    heading = placed or titled
    if not heading and sentence:
        return _dateline(line)  # the rest is a sentence, not a credit
    if label and label.group("other"):
        return None  # "FILE PHOTO: ... 12 October 2020": a caption's date
    if label:
        kind = "updated" if label.group("updated") else "published"
    elif later is not None and later.group("updated"):
        kind = "published"
    elif timed and _CLOCK.search(timed.group(0)) and not words:
        kind = "bare"  # "5:51:44 AM PDT - Thursday, October 22nd, 2020": a running clock, the site's widget
    elif timed:
        kind = "timed"
    elif titled:
        kind = "bare"  # a title closing with its date: the weakest kind (at a page's foot, a related story's link)
    elif words:
        kind = "credited"  # "FRANCE24, 29 Sep 2020"; "Statement by ... Geneva, 29 September 2020"
    else:
        kind = "bare"
    return LineDate(month, day, year, weekday, kind, line.strip(), len(line))


def _place_end(line: str) -> int:
    """Where a dateline's date would start: after the place and its comma(s)."""
    if not line.lstrip()[:1].isupper() or ("," not in line[:80] and ";" not in line[:80]):
        return 0
    m = _DATE.search(line, 0, 80)
    return m.start() if m else 0


# "12/16/2020 Nagorno-Karabakh (Some Agency) – Two men ...": a numeric date, the place and the wire tag open the lead
_DATE_FIRST_LEAD = re.compile(r"\s*(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{2,4})\s+[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
                              r",?\s*\([^()\n]{2,60}\)\s*[-–—]")


def _dateline(line: str) -> LineDate | None:
    """A dateline opening a lead: a place, a comma, the date, then the report ("YEREVAN, October 3. /AGENCY/. ...");
    or a numeric date, the place and a wire tag ("12/16/2020 Stepanakert (Agency) – ...")."""
    first = _DATE_FIRST_LEAD.match(line)
    if first is not None:
        m = _DATE.match(line, first.start("date"))
        parts = _parts(m) if m is not None and m.end() == first.end("date") else None
        if parts is None or parts[2] is None or safe_date(parts[2], parts[0], parts[1]) is None:
            return None  # "05/10/2020": May or October, no date
        return LineDate(parts[0], parts[1], parts[2], None, "dateline", line.strip()[:80], first.end())
    if not line.lstrip()[:1].isupper() or ("," not in line[:80] and ";" not in line[:80]):
        return None
    m = _DATE.search(line, 0, 80)
    if m is None or not (_DATELINE.match(line[:m.start()]) or _BRACKET_DATELINE.match(line[:m.start()])):
        return None
    place = line[:m.start()].strip(" ,")
    rest = line[m.end():].strip(" .,;:/()–—-")
    credit = rest.isupper() and len(rest.split()) <= 3  # "Baku, December 14, AZERTAC": an agency's credit closes it
    tagged = _TAG_AFTER.match(line, m.end()) is not None
    stopped = _STOP_THEN_SENTENCE.match(line, m.end()) is not None \
        and place.split()[0].strip(",;").lower() not in _NOT_A_PLACE and m.group("weekday") is None
    if not (place.split(",")[0].isupper() or not rest or credit or tagged or stopped):
        return None  # "BAKU, ...", place and date alone, or a place in ordinary case whose date closes a sentence
    parts = _parts(m)
    if parts is None:
        return None
    month, day, year = parts
    if safe_date(year or 2000, month, day) is None:
        return None
    weekday = m.group("weekday")
    return LineDate(month, day, year, _WEEKDAY_FORMS[weekday.lower()] if weekday else None, "dateline", line.strip()[:80],
                    m.end())


def page_date_lines(lines: list[str]) -> list[LineDate]:
    """The date lines at the top of a page (the first :data:`TOP_LINES` non-empty lines) and at its foot.

    A weekday alone on a line is read with the next line ("Wednesday" /
    "September 30"). At the foot only labelled, timed and credited lines
    count (a source line); bare dates there belong to other stories.
    """
    filled = [line for line in lines if line.strip()]
    found = []
    at: list[int] = []  # the top line of each date line found
    top = filled[:TOP_LINES]
    for index, line in enumerate(top):
        if _WEEKDAY_LINE.match(line) and index + 1 < len(top):
            continue
        if index and _WEEKDAY_LINE.match(top[index - 1]):
            line = top[index - 1].strip() + ", " + line
        read = read_date_line(line)
        if read is not None and index == 0 and read.kind == "bare" and read.weekday is not None \
                and read.year is not None and not _WEEKDAY_LINE.match(line):
            continue  # "Tuesday, March 19, 2024" over everything else: the site's current-date widget
        if read is not None:
            found.append(read)
            at.append(index)
    if len(found) >= 2 and at[0] == 0 and found[0].kind == "bare" and found[1].kind == "bare" and at[1] >= 2 \
            and (found[1].year, found[1].month, found[1].day) != (found[0].year, found[0].month, found[0].day):
        found, at = found[1:], at[1:]  # a date over the title, another under it: the one under the title is the page's
    for line in filled[max(TOP_LINES, len(filled) - BOTTOM_LINES):]:
        read = read_date_line(line)
        if read is not None and read.kind in ("published", "timed", "credited"):
            found.append(read)
    return found


def own_date_line(found: list[LineDate]) -> LineDate | None:
    """The page's own date among its date lines: the strongest kind, the first of that kind.

    A wire's dateline a day or two before the page's own date line is the
    wire's date: the host carried the copy later ("STEPANAKERT, Oct 11: ..."
    under "Published: 12 October 2020"). Its year is the page's.

    A kind printed with several different days is a list (a live page's
    entries, other stories' timestamps): it yields to any other kind, and
    alone gives its earliest day, never its newest entry. Other date lines (a
    current-date widget, an update) neither set nor bound the date.
    """
    if not found:
        return None
    best = _own_date_line(found)
    if best is not None and best.kind != "dateline" and best.year is not None and best.date is not None:
        for d in found:
            if d.kind != "dateline" or (d.year is not None and d.year != best.year):
                continue
            day = d.on(best.year)
            if day is not None and 1 <= (best.date - day).days <= WIRE_LAG_DAYS:
                return LineDate(d.month, d.day, best.year, d.weekday, d.kind, d.line, d.end)
    return best


def _own_date_line(found: list[LineDate]) -> LineDate | None:
    days = {kind: {(d.year, d.month, d.day) for d in found if d.kind == kind} for kind in KINDS}
    single = [d for d in found if len(days[d.kind]) == 1]
    if single:
        return min(single, key=lambda d: KINDS.index(d.kind))
    dated = [d for d in found if d.year is not None]
    return min(dated, key=lambda d: (d.year, d.month, d.day)) if dated else None
