"""The regular expressions that find temporal expressions, one per kind of expression.

Each pattern matches one kind (absolute ``md``/``dm`` dates, ``range``,
``numeric``, ``month`` only, ``weekday``, ``relative``, ``ago``, ``offset``,
``dayanchor``, ``vague``); :mod:`analysis.nlp.temporal.candidates` runs them
only in windows around trigger words, and
:mod:`analysis.nlp.temporal.resolve` turns their groups into dates. Month
names come from ``lexicons/months.csv``, capitalised or upper-case only ("May
5" is a date, "may the" is not).
"""

from __future__ import annotations

import re

from analysis.nlp.temporal.vocabulary import WEEKDAY_WORD, cased, month_names

_FULL_MONTHS = cased(month_names("full"))
_SHORT_MONTHS = cased(month_names("abbreviation"))  # these may end in a full stop: "Sept. 27"
_MONTH = rf"(?P<month>(?:{_FULL_MONTHS})(?![A-Za-z])|(?:{_SHORT_MONTHS})(?![A-Za-z])\.?)"
_WEEKDAY = rf"(?P<weekday>{WEEKDAY_WORD})"
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

ABSOLUTE_MD = re.compile(
    r"(?<![\w'’])" + _LEAD
    + rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?{_MONTH}\s*{_DAY}(?!\d|:\d){_DAY2}"
    + rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
ABSOLUTE_DM = re.compile(
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
RANGE_MD = re.compile(
    r"(?<![\w'’])" + _LEAD + _BETWEEN
    + rf"{_MONTH}\s*{_DAY}(?:,?\s+(?P<year>{_YEAR}))?{_RANGE_SEP}"
    + rf"(?:{_MONTH2}\s*)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|\s*(?:[%.,]\d|(?i:a\.?m\b|p\.?m\b|hours?\b|h\b|km\b|percent\b))"
    r"|\s+(?:more|other|of|[a-z]+(?:ians|iers|men|ees|ers|ists)|people|persons|children|troops|dead|killed|wounded|injured)\b)"
    + rf"(?:,?\s+(?P<year2>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
RANGE_DM = re.compile(
    r"(?<![\w'’])" + _LEAD + _BETWEEN
    + rf"(?:the\s+)?{_DAY}(?:\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>{_YEAR}))?)?{_RANGE_SEP}"
    + rf"(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH2}"
    + rf"(?:,?\s+(?P<year2>{_YEAR}))?(?![\d])" + _TRAIL_PART
)
# Cheap test a window must pass before the range patterns run on it: a day,
# maybe a month and year, a separator, maybe a month, a day.
RANGE_HINT = re.compile(
    r"\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Z][a-z]+\.?)?(?:,?\s+\d{4})?"
    r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until|into|and)\s+)(?:the\s+)?(?:[A-Z][a-z]+\.?\s*)?\d"
)
ABSOLUTE_NUMERIC = re.compile(
    r"(?=\d)(?<![\d./-])(?:"
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
    rf"|(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>{_YEAR})"
    rf"|(?P<sl_a>[0-3]?\d)/(?P<sl_b>[0-3]?\d)/(?P<sl_y>{_YEAR})"
    r")(?![\d/-]|\.\d)"
)
MONTH_ONLY = re.compile(
    r"(?<![\w'’])(?i:(?P<lead>(?:since|until|till|in|during|by|from|through|throughout|at|towards?|around|of)\s+"
    r"(?:the\s+)?(?:(?P<phase>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)[\s-]+)?))"
    # Not "since the September 27 offensive": a day after the month makes it a date.
    rf"{_MONTH}(?:\s+(?P<year>{_YEAR})(?![\w])|(?![\w])(?!\.?\s*[0-3]?\d(?:st|nd|rd|th)?(?![\d])))"
)
WEEKDAY_EXPR = re.compile(
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
    + rf"(?:\s+(?i:into|to|through|until|till)\s+(?P<weekday2>{WEEKDAY_WORD})(?![\w'’]))?"
)

# (pattern, kind, payload): relative to publication ("pub") or to the
# article's reference time ("anchor").
RELATIVE_TERMS = [
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
    (r"at\s+the\s+time(?!\s+of\b)", "anchor", 0, None),  # "at the time" of the last date given
    (r"within\s+(?:a\s+few\s+|several\s+)?hours", "anchor", 0, None),
]
# One pass for all of them: alternative i is group ``r{i}``, its part ``part{i}``.
RELATIVE = re.compile(
    r"(?<![\w-])(?i:"
    + "|".join(rf"(?P<r{i}>{pattern.replace('(?P<part>', f'(?P<part{i}>')})" for i, (pattern, *_) in enumerate(RELATIVE_TERMS))
    + r")(?![\w-])"
)
# "before"/"after" take an object ("two days before the attack" counts from an
# undated event), so they date something only when nothing follows them.
_NO_OBJECT = r"(?=\s*(?:[,.;:!?)\"”’]|$))"
OFFSET_AGO = re.compile(
    rf"(?<![\w-])(?i:(?:just\s+|only\s+|some\s+|about\s+|nearly\s+|almost\s+)?{_NUM}\s+(?P<unit>hour|day|week|month)s?\s+ago)(?![\w-])"
)
OFFSET_ANCHOR = re.compile(
    rf"(?<![\w-])(?i:(?:just\s+|only\s+|some\s+|about\s+)?(?:{_NUM}\s+)?(?P<unit>hour|day|week)s?\s+(?:(?P<dir>earlier|later)|(?P<dir2>before|prior|after)"
    + _NO_OBJECT + "))"
)
DAY_ANCHOR = re.compile(
    r"(?<![\w-])(?i:(?:on\s+)?the\s+(?P<which>previous|preceding|next|following)\s+(?P<part>day|morning|evening|night|afternoon)"
    r"|the\s+(?:day|(?P<part2>night|evening))\s+(?P<dir>before|after)" + _NO_OBJECT + ")"
)
VAGUE = re.compile(
    r"(?<![\w-])(?i:"
    r"(?P<week>(?:late\s+|earlier\s+|early\s+)?(?:last|this|past)\s+week(?:end)?|(?:over|at|during)\s+the\s+weekend|earlier\s+this\s+week(?:end)?)"
    r"|(?P<month>(?:late\s+|earlier\s+|early\s+)?(?:last|this|past)\s+month|earlier\s+(?:this|in\s+the)\s+month)"
    r"|(?P<year>earlier\s+this\s+year|(?P<last_year>last)\s+year)"
    r"|(?P<recent>(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<recent_unit>day|week)s)"
    r"|(?P<span>(?:in|over|during|for|within)\s+the\s+(?:past|last|previous)\s+(?P<n>\d{1,3}|two|three|four|five|six|seven|ten|few|several)?\s*(?P<unit>hour|day|week)s?)"
    r"|(?P<overnight>overnight)"
    r")(?![\w-])"
)

# Times of day with no day of their own ("at night", "in the afternoon", "throughout
# the day", "before nightfall", "at 1:30 p.m.", "2000 GMT"): their day is the one of
# the dated mention in scope (see :mod:`analysis.nlp.temporal.times_of_day`).
# A clock time dates an event only after a preposition or "about" ("at 1:30 p.m.",
# "from 01:00", "about 8 am") or as a conversion in brackets ("(2000 GMT)"): a bare
# one ("October 3, 2020 - 13:09", "0:00 / 0:02:29") is a timestamp or a player's clock.
_CLOCK_LEAD = (r"(?:(?:(?:at|from|until|till|since|by|around|after|before|as\s+of|shortly\s+(?:before|after))\s+)"
               r"(?:(?:about|around|approximately|nearly|roughly|some|exactly|precisely|almost)\s+)?"
               r"|(?:about|around|approximately|nearly|roughly|exactly|precisely|almost)\s+|(?<=\())")
_ABOUT = ""
_MERIDIEM = r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-z])"
_ZONE = (r"(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::00)?\)|\s*\([+-]\d{1,2}\)"
         r"|\s+(?:GMT|UTC|local\s+time|(?:Moscow|Baku|Yerevan|Ankara|Tehran)\s+time)|\s+\((?:local|Moscow|Baku|Yerevan)\s+time\))?")
TIME_OF_DAY = re.compile(
    r"(?<![\w'’:.])(?i:"
    r"(?P<clock>" + _CLOCK_LEAD + _ABOUT
    + r"(?:(?P<h1>[01]?\d|2[0-3]):(?P<m1>[0-5]\d)(?:\s*(?:(?P<mer1>" + _MERIDIEM + r")|hours\b|hrs\b))?"
    r"|(?P<h2>1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s*(?P<mer2>" + _MERIDIEM + r")"
    r"|(?P<h3>[01]\d|2[0-3])h(?:[0-5]\d)?"
    r"|(?P<h4>[01]\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC)))"
    + _ZONE + r")"
    r"|(?P<phrase>(?:(?:early|late|later|earlier|deep|well)\s+)?"
    r"(?:(?:in|during|throughout|through|into)\s+the\s+(?:(?:early|late|small|wee)\s+)?(?P<part>morning|afternoon|evening|night|day|hours)"
    r"|(?:at|by|before|after|until|till|from|around|towards?|since|shortly\s+(?:before|after))\s+"
    r"(?:about\s+)?(?P<clock_part>dawn|daybreak|sunrise|dusk|nightfall|sunset|midnight|noon|midday)"
    r"|at\s+(?P<night>night)"
    r"|until\s+late(?=\s*[.,;])))"
    r")(?![\w'’])"
)
# "Now" phrases: the moment of writing, i.e. the publication date. A bare "now"
# or "currently" describes a state and dates no event (docs/SCHEMA.md).
NOW = re.compile(
    r"(?<![\w-])(?i:as\s+we\s+speak|at\s+this\s+(?:hour|moment)|at\s+the\s+time\s+of\s+(?:writing|publication|going\s+to\s+press)"
    r"|as\s+of\s+(?:this\s+)?writing|at\s+press\s+time|as\s+of\s+press\s+time)(?![\w-])"
)

# Sentences announcing planned events may carry year-less dates further ahead.
# A deadline ("by December 1", "until 15 January", "no later than November 20") looks ahead too.
ANNOUNCED = re.compile(
    r"(?i)\b(?:will|would|shall|scheduled|planned|plans?\s+to|expected|due\s+to|set\s+to|upcoming|next|deadline|postponed)\b"
    rf"|\b(?i:by|until|till|before|no\s+later\s+than)\s+(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH.replace('?P<month>', '?:')}"
)
# Lines that carry the publication date itself, not a reported event.
META_LINE = re.compile(
    r"(?im)^[ \t]*(?:date[ \t]+\d{4}-\d{2}-\d{2}\b|by[ \t]+[^\n]{1,80}[|•·][^\n]*$|(?:published|posted|updated|last[ \t]+updated|first[ \t]+published|date)(?:[ \t]*:[^\n]*|[ \t][^\n]{0,35})$)"
)
# A dateline opening a line ("BAKU, Oct 2 (Reuters) - "): it dates the report, not an event.
DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'’-]{2,40},[ \t]+[^\n]{3,40}?(?:\([A-Za-z][\w .&-]{1,30}\))?[ \t]*[-–—][ \t]"
)

