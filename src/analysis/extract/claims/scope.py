"""The scope of a figure: incident, cumulative (a running total), increment (N more) or historical (an earlier war).

Cues are read anywhere in the sentence: an earlier war; "N more", one day's
bulletin; "so far", "to date", "since the fighting began"; a toll (cumulative
unless it is one strike's); an incident word or a day ("in the strike", "on
Monday"); a running total in the verb ("have been killed", "are still
missing") or the war as the subject ("The fighting has killed"); a figure for
both parties; a running total in the sentence before. A breakdown takes the
scope of its figure.
"""

from __future__ import annotations

import re

from analysis.extract.claims.candidates import Candidate
from analysis.extract.claims.layout import found_before, found_in, found_in_slice
from analysis.extract.claims.rules import Rules
from analysis.nlp.sentences import Sentence

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
    if _in_sentence(memo, r.cumulative, text, s) or _in_sentence(memo, r.since_began, text, s) \
            or (_in_sentence(memo, r.whole_war, text, s) and not _in_sentence(memo, r.incident, text, s)):
        return "cumulative"
    if c.toll or _toll_before(text, s, c.q.start):
        return "incident" if _in_sentence(memo, r.incident, text, s) else "cumulative"
    if _in_sentence(memo, r.incident, text, s) or found_in(r.incident_day, text, s.start, s.end):
        return "incident"
    # a running total in the verb ("have been killed", "are still missing", "remain missing"),
    # or the war itself as the subject ("The fighting has killed", "Clashes ... left hundreds dead")
    if found_before(r.running, text, s.start, c.ev_end, s.end) or r.war_subject.match(text, s.start, c.q.start):
        return "cumulative"
    if c.side == "both":
        return "cumulative"
    if prev_sentence is not None and _in_sentence(memo, _RUNNING_TOTAL, text, prev_sentence):
        return "cumulative"
    return "incident"


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
