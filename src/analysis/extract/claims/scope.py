"""The scope of a figure: incident, cumulative (a running total), increment (N more) or historical (an earlier war).

Cues are read anywhere in the sentence: an earlier war; "N more", one day's
bulletin; "so far", "to date", "since the fighting began"; a toll (cumulative
unless it is one strike's); an incident word or a day ("in the strike", "on
Monday"); a running total in the verb ("have been killed", "are still
missing") or the war as the subject ("The fighting has killed"); a figure for
both parties; a running total in the sentence before; else a figure too large
for one strike. A breakdown takes the scope of its figure.
"""

from __future__ import annotations

import re

from analysis.extract.claims.candidates import Candidate
from analysis.extract.claims.layout import found_before, found_in, found_in_slice
from analysis.extract.claims.rules import Rules
from analysis.nlp.sentences import Sentence

_ATTACK_WORDS = re.compile(r"\b(?:strikes?|struck|attack(?:s|ed)?|shell(?:s|ed|ing)?|fir(?:e|ed|ing)|missiles?|rockets?|drones?|"
                           r"artillery|bomb(?:s|ed|ing)?|bombardments?|hit|explosions?|blasts?|raids?|ambush|shot|sniper|mines?)\b", re.I)
# Several attacks or days for one figure: days listed under a month ("10th and 17th of October", "October 5,
# 27 and 28"), "three times", "as a result of the provocations" (a plural attack noun after "as a result of").
_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_PERIOD_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                 r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")  # whole words: "martyrs" is no month
_DAY_DATE = rf"(?:{_PERIOD_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_PERIOD_MONTH})(?:,?\s+(?:19|20)\d\d)?"
_SEVERAL_ATTACKS = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{1,2}}(?:st|nd|rd|th)?)*,?\s+and\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}"
    rf"|\b{_MONTH_NAMES}\s+\d{{1,2}}(?:,\s*\d{{1,2}})*,?\s+and\s+\d{{1,2}}\b(?![\d,.]*\s+(?:people|civilians|soldiers|servicemen))"
    r"|\b(?:twice|(?:two|three|four|five|six|several|many|multiple)\s+times)\b"
    r"|\bas\s+a\s+result\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:provocations|attacks|shellings|strikes|bombardments|airstrikes)\b"
    # "Four strikes on the town killed 23", "12 of the shellings, which killed 15", "four attacks with cluster munitions"
    r"|(?<!\bof\s)(?<!\bof\sthe\s)\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|numerous)\s+"  # not "one of the 12 strikes"
    r"(?:of\s+(?:these|the|those)\s+)?(?:[\w-]+\s+){0,2}?(?:strikes|attacks|shellings|airstrikes|bombardments|incidents)\b"
    # "by shelling strikes on several towns and villages", "in attacks against residential areas": several places
    r"|\b(?:by|in|from|during)\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks|shellings|bombardments|airstrikes|bombings)\s+"
    r"(?:on|against|in)\s+(?:[\w-]+\s+){0,3}?(?:towns|villages|cities|settlements|residential\s+areas|populated\s+areas)\b"
    # "between September 27 and October 31", "from September 27-to November 9": a period's toll
    rf"|\b(?:between|from)\s+{_DAY_DATE}\s*,?\s*[-–]?\s*(?:and|to|until|till|through)?\s*{_DAY_DATE}",
    re.IGNORECASE)
# "the death toll from the attack on the town has grown to 21", "the toll of Saturday's missile strike rose to 13":
# the toll of one attack, an incident however it has risen (docs/SCHEMA.md)
_ONE_ATTACK_TOLL = re.compile(r"\b(?:toll|number\s+of\s+(?:casualties|victims|dead|deaths|fatalities|those\s+killed))\s+"
                              r"(?:from|of|in)\s+(?:(?:the|this|that|[A-Z][a-z]+day['’]s)\s+)?(?:[\w'’-]+\s+){0,3}?"
                              r"(?:(?:attack|strike|airstrike|shelling|bombing|bombardment|explosion|blast|raid)(?![\w-])"
                              # "the number of victims of the rocket strikes on X": one night's strikes on one city
                              r"|(?:attacks|strikes|airstrikes|shelling)\s+on\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
                              r"[A-Z][\w'’-]+(?![\w'’-])(?!\s+(?:and|or)\s)(?!,\s+[A-Z]))"
                              r"(?!\s+(?:and|or)\s)")
# "the strike on the town, which the ministry says killed 23 people": one attack, in the simple past, is
# the subject of the figure's verb, whatever "since the conflict resumed" the sentence adds
_ATTACK_KILLED = re.compile(r"\b(?:the|a|an|this|that|Saturday['’]s|[A-Z][a-z]+day['’]s)\s+(?:[\w'’-]+\s+){0,2}?"
                            r"(?:strike|airstrike|attack|shelling|bombing|explosion|blast|raid|missile|rocket|shell)\b"
                            r"[^.;:\d]{0,80}?\b(?:killed|wounded|injured|left)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|"
                            r"about\s+|nearly\s+|over\s+|up\s+to\s+)?$", re.IGNORECASE)
_GOES_ON = re.compile(r"\W*(?:As\s+a\s+(?:result|consequence)\b(?!\s+of)|(?:They|These(?:\s+attacks|\s+strikes)?|The\s+(?:attacks|strikes|shellings))\s)")
_ATTACK_REACH = 100  # characters before a figure in which an attack word makes it one attack's, whatever war the sentence names
_TOLL = re.compile(r"\btoll\b", re.I)
_RUNNING_TOTAL = re.compile(r"\b(?:the number of|total number|in total|so far)\b", re.I)


def scope(r: Rules, text: str, c: Candidate, prev_in_sentence: bool, prev_sentence: Sentence | None,
          memo: dict | None = None) -> str:
    """The scope of claim ``c``. ``prev_in_sentence``: a claim comes before it in its sentence;
    ``prev_sentence``: the sentence before it in the paragraph; ``memo``: per-article cache of sentence tests."""
    memo = {} if memo is None else memo
    if c.parent is not None and ("scope", id(c.parent)) in memo:
        return memo[("scope", id(c.parent))]  # a breakdown has the scope of its figure
    found = _scope(r, text, c, prev_in_sentence, prev_sentence, memo)
    memo[("scope", id(c))] = found
    return found


def _scope(r: Rules, text: str, c: Candidate, prev_in_sentence: bool, prev_sentence: Sentence | None, memo: dict) -> str:
    s = c.sentence
    window = text[max(s.start, c.q.start - 80):min(s.end, c.ev_end + 40)]
    if r.historical.search(window) or found_before(r.historical_when, text, s.start, c.q.start, s.end):
        return "historical"
    before = text[max(s.start, c.q.start - 20):c.q.start]
    if (c.increment or r.increment_cue.search(before)) and not prev_in_sentence:  # "2 killed and another one injured": one event
        return "increment"
    if not c.toll and r.period.search(window):  # "over the past 24 hours, 12 servicemen were killed"
        return "increment"
    if prev_sentence is not None and _historical_before(r, text, s, prev_sentence, memo):
        return "historical"  # "The first war broke out in 1991. In the three years after, 30,000 people died."
    if _ONE_ATTACK_TOLL.search(text, max(s.start, c.q.start - 160), c.q.start):
        return "incident"  # "the death toll from the attack on the town has grown to 21"
    attacked = _ATTACK_KILLED.search(text, max(s.start, c.q.start - 160), c.q.start)
    if attacked and not _in_sentence(memo, _SEVERAL_ATTACKS, text, s) \
            and not re.search(r"\b(?:has|have|had)\b", attacked.group(0), re.IGNORECASE):
        return "incident"  # "the strike ..., which the ministry says killed 23 people"
    if _war_has_taken(r, text, s, c):  # "days of fighting that have left 130 dead", "New fighting ... has claimed"
        return "cumulative"
    if _in_sentence(memo, _SEVERAL_ATTACKS, text, s) and not _in_sentence(memo, r.incident_day, text, s):
        return "cumulative"  # "missiles fired on the 10th and 17th of October killed 20": a total over several attacks
    if prev_sentence is not None and _GOES_ON.match(text, s.start) \
            and (_in_sentence(memo, r.whole_war, text, prev_sentence) or _in_sentence(memo, _SEVERAL_ATTACKS, text, prev_sentence)):
        return "cumulative"  # "During the war the town was shelled three times. As a result, 29 people died";
        # "Researchers documented four attacks. They killed at least seven civilians"
    if _in_sentence(memo, r.cumulative, text, s) or _in_sentence(memo, r.since_began, text, s) \
            or (_in_sentence(memo, r.whole_war, text, s) and not _in_sentence(memo, r.incident, text, s)
                and not _ATTACK_WORDS.search(text, max(s.start, c.q.start - _ATTACK_REACH), c.q.start)):
        return "cumulative"  # not "a missile that killed 13 ... in a new escalation of their conflict"
    if c.toll or _toll_before(text, s, c.q.start):
        return "incident" if _in_sentence(memo, r.incident, text, s) else "cumulative"
    if _in_sentence(memo, r.incident, text, s):
        return "incident"
    if _event_day(r, text, s, memo):
        # one day's toll with no attack told is what the day added ("On Sunday the ministry reported two
        # deaths"); an attack told with its day is one incident
        # (people named or a person without a numeral are hit in one incident)
        if c.outcome in ("killed", "wounded", "casualties") and not c.person_named and c.q.start != c.q.end \
                and text[c.q.start:c.q.end].strip().lower() not in _ONE_WORDS and not found_in(_ATTACK_WORDS, text, s.start, s.end):
            return "increment"
        return "incident"
    # a running total in the verb ("have been killed", "are still missing", "remain missing"),
    # or the war itself as the subject ("The fighting has killed", "Clashes ... left hundreds dead")
    if found_before(r.running, text, s.start, c.ev_end, s.end) or r.war_subject.match(text, s.start, c.q.start):
        return "cumulative"
    if c.side == "both":
        return "cumulative"
    if prev_sentence is not None and _in_sentence(memo, _RUNNING_TOTAL, text, prev_sentence):
        return "cumulative"
    if _war_sized(r, c):
        return "cumulative"  # "1,585 dead troops", "hundreds of others missing": no one strike's toll is told
    return "incident"


def _war_sized(r: Rules, c: Candidate) -> bool:
    """A figure of at least ``war_sized_count`` (lexicons/claims.yaml) people, its lowest reading for a vague
    one ("hundreds"): with no incident, day or attack told in its sentence, a total, not one strike's."""
    low = c.q.count if c.q.count is not None else c.q.low
    return low is not None and low >= r.data.get("war_sized_count", 100)


_PERFECT = re.compile(r"\b(?:has|have|had|is|are)\b|\b(?:now|so\s+far|to\s+date|since)\b|\b20[12]\d\b", re.I)
_WAR_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:already|so\s+far|now|since)\s+)?(?:left|killed|claimed|cost|taken)\s+"
                          r"(?:(?:the\s+lives\s+of|more\s+than|nearly|about|almost|over|at\s+least|some|around)\s+)*$", re.I)
_THIS_WAR = re.compile(r"\b(?:this\s+time|this\s+war|this\s+year|the\s+current|the\s+ongoing|the\s+latest|the\s+new|recent)\b", re.I)
_WAR_THAT = re.compile(r"\b(?:that|which)\s*$", re.I)


_ONE_WORDS = frozenset({"a", "an", "the", "my", "our", "his", "her", "their"})  # the determiner of a person without a numeral
_SAID_BEFORE = re.compile(r"\b(?:said|says|reported|reports|told|announced|stated|added|noted|confirmed|declared)\s+(?:\w+\s+)?$", re.I)


def _event_day(r: Rules, text: str, s: Sentence, memo: dict) -> bool:
    """A day named for an event in the sentence; the day of a statement ("the ministry said on Tuesday")
    dates the report, not what it counts. Read once per sentence (``memo``), however many figures it holds."""
    key = ("event-day", s.start)
    if key not in memo:
        memo[key] = any(not _SAID_BEFORE.search(text, max(s.start, m.start() - 25), m.start())
                        for m in r.incident_day.finditer(text, s.start, s.end))
    return memo[key]


def _historical_before(r: Rules, text: str, s: Sentence, prev: Sentence, memo: dict) -> bool:
    """The sentence goes on about the earlier war the sentence before it dates ("... in the early 1990s.
    The resulting conflict left 25,000 dead"): in the past tense, with no present perfect, no running-total
    cue, no day of its own and no year of this war."""
    key = ("historical-before", s.start)
    if key not in memo:
        memo[key] = bool(r.historical.search(text, prev.start, prev.end)) and not _PERFECT.search(text, s.start, s.end) \
            and not _THIS_WAR.search(text, prev.start, s.end) \
            and not _in_sentence(memo, r.cumulative, text, s) and not r.incident_day.search(text, s.start, s.end)
    return memo[key]


def _war_has_taken(r: Rules, text: str, s: Sentence, c: Candidate) -> bool:
    """The war or the fighting is the subject of a present perfect that takes the figure as object: a running total
    whatever day the sentence names elsewhere ("Fresh clashes that began on Friday have claimed 90 lives",
    "weeks of combat in the area that have left about 70 dead")."""
    m = _WAR_PERFECT.search(text, max(s.start, c.q.start - 60), c.q.start)
    if m is None:
        return False
    if r.war_subject.match(text, s.start, m.start()):
        return True  # the war opens the sentence
    # "fighting ... that have left": the relative clause of a war word just before the verb
    for w in r.whole_war.finditer(text, max(s.start, m.start() - 90), m.start()):
        if _WAR_THAT.search(text, w.end(), m.start()) or _WAR_THAT.search(text, max(w.end(), m.start() - 120), m.start()):
            return True
    return False


def _toll_before(text: str, s: Sentence, pos: int) -> bool:
    """Whether "toll" stands in the sentence before ``pos`` (``text[s.start:pos]``, as a string of its own).

    The whole sentence is searched once (:func:`~analysis.extract.claims.layout.found_in_slice`): where it
    has no "toll", no start of it has one, unless ``pos`` cuts a word (the pattern's closing ``\\b`` would
    then hold at the cut), and then the start is searched itself."""
    cut_word = s.start < pos < len(text) and (text[pos - 1].isalnum() or text[pos - 1] == "_") \
        and (text[pos].isalnum() or text[pos] == "_")
    if not cut_word and pos <= s.end and not found_in_slice(_TOLL, text, s.start, s.end):
        return False
    return _TOLL.search(text[s.start:pos]) is not None


def _in_sentence(memo: dict, pattern: re.Pattern, text: str, s: Sentence) -> bool:
    """Whether ``pattern`` occurs in sentence ``s`` (searched once per sentence and pattern)."""
    key = (pattern.pattern, s.start)
    if key not in memo:
        memo[key] = pattern.search(text[s.start:s.end]) is not None
    return memo[key]
