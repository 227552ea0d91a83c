"""The victims' group of each claim: civilian, military or unspecified.

From the victim words ("19 civilians"), an apposition ("two deaths, a woman and
a child"), an "among" phrase or context cue in the clause ("in their sleep",
"among the military"), the crew of a vehicle of war, a list heading ("Casualties among servicemen: 12
killed"); elliptical victims ("two others") borrow the group of a claim next
to them in the sentence.
"""

from __future__ import annotations

import re

from analysis.extract.claims.candidates import Candidate
from analysis.extract.claims.layout import found_in, found_in_slice
from analysis.extract.claims.roles import crew_vehicle, role_patterns
from analysis.extract.claims.rules import Rules, word_key
from analysis.nlp.sentences import Sentence


def assign_groups(r: Rules, text: str, claims: list[Candidate], sentences: list[Sentence] = ()) -> None:
    """Set ``group`` on every claim, in text order (a borrowed group may come from a claim set just before);
    ``sentences``: the article's, for the vehicle a crew manned."""
    before = None
    for c in claims:
        c.group = _gapped_group(r, text, before, c) or _own_group(r, text, c) or _crew_group(text, sentences, c) or ""
        before = c
    by_sentence: dict[int, list[Candidate]] = {}  # a claim borrows only from its sentence: look there (linear)
    for c in claims:
        by_sentence.setdefault(c.sentence.index, []).append(c)
    for c in claims:
        if not c.group:
            c.group = _borrowed_group(r, text, c, by_sentence[c.sentence.index]) or "unspecified"


_JUST_AND = re.compile(r"\s*,?\s*(?:and|while|with)?\s*")


def _gapped_group(r: Rules, text: str, before: Candidate | None, c: Candidate) -> str | None:
    """The group of a bare figure right after a figure of its sentence whose victim words give one: the
    noun is shared ("41 civilians were killed and 150 hurt": civilians too), before any cue of the
    clause ("... its military losses but has said ...")."""
    if before is None or before.sentence.index != c.sentence.index or before.ev_end > c.ev_start:
        return None
    if (c.victim or "").strip():  # "120 people were wounded" names its victims: no shared noun
        return None
    if _JUST_AND.fullmatch(text, before.ev_end, c.ev_start) is None:
        return None
    return victim_group(r, before.victim or "")


def victim_group(r: Rules, words: str) -> str | None:
    """civilian or military from the group words in ``words``; unspecified when both occur, None when neither."""
    found = None
    for m in r.group_words.finditer(words):
        w = word_key(m.group("w"))
        g = "civilian" if w in r.civilian else "military"
        if found is None:
            found = g
        elif found != g:
            return "unspecified"  # "people, including civilians and soldiers": mixed victims
    return found


_APPOSITION = re.compile(r"^[^,;:()–—]{0,40}?\s*(?:[,–—]|\s-\s)\s*(?:mostly|mainly|all|both)?\s*(?P<ap>[^;:()]{1,60})")
# "300 people, including civilians": a subset of the victims; its group words do not name the whole figure's group.
_SUBSET_AFTER = re.compile(r"[,(–—]?\s*\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\b", re.IGNORECASE)
_PREDICATE = re.compile(r",\s+(?:\w+\s+){0,2}(?:are|were|was|is|have|has)\b")
_AMONG = re.compile(r"\bamong\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w’'-]+\s+){0,2}?[\w-]+")


def _own_group(r: Rules, text: str, c: Candidate) -> str | None:
    """Group from the victim words, then an apposition ("two deaths, a woman
    and a child"; "both military servicemen and civilians" -> mixed, none) and
    context phrases in the clause ("in their sleep", "among the military")."""
    subset = _SUBSET_AFTER.search(c.victim)
    if subset and not c.victim[:subset.start()].strip(" ,(") and subset.group(0).strip(" ,(–—").lower().startswith("of"):
        subset = None  # "16 of them women": the figure is the subset itself
    own = victim_group(r, c.victim[:subset.start()] if subset else c.victim)
    if own:
        return own
    if r.mil_outcome.search(text, c.ev_start, c.ev_end):  # "44 POWs"
        return "military"
    lo, hi = c.clause
    tail_end = min(c.sentence.end, c.ev_end + 100)
    subset = _SUBSET_AFTER.search(text, c.q.end, max(tail_end, hi))
    if subset is not None:
        tail_end = max(c.ev_end, min(tail_end, subset.start()))
        hi = min(hi, max(subset.start(), c.q.end))
    tail = text[c.ev_end:tail_end]
    ap = _APPOSITION.match(tail)
    if ap:
        words = ap.group("ap")
        cut = _PREDICATE.search(words)
        words = words[:cut.start()] if cut else words
        groups = {("civilian" if word_key(m.group("w")) in r.civilian else "military") for m in r.group_words.finditer(words)}
        if len(groups) == 1:
            return groups.pop()
        if len(groups) == 2:
            return "unspecified"
    found = _group_in_context(r, text, c.ev_start, lo, hi)
    colon = text.rfind(":", c.sentence.start, c.ev_start)
    if found is None and colon > c.sentence.start:  # "Casualties among servicemen: 12 killed, 40 wounded"
        found = _group_in_context(r, text, c.sentence.start, c.sentence.start, colon)
    return found


def _crew_group(text: str, sentences: list[Sentence], c: Candidate) -> str | None:
    """The crew of a vehicle of war are military ("a Russian attack helicopter ... killing two crew members")."""
    p = role_patterns()
    m = crew_vehicle(p, text, list(sentences), c) if sentences else None
    return "military" if m is not None and m.group("vehicle").lower() in p.military_vehicle else None


def _group_in_context(r: Rules, text: str, among_from: int, lo: int, hi: int) -> str | None:
    """The victims' group from an 'among' phrase after ``among_from``, else civilian or military words in ``text[lo:hi]``."""
    # searched from the earlier of lo and among_from first, once per clause: no match there, none after
    among = _AMONG.search(text, among_from, hi) if found_in(_AMONG, text, min(lo, among_from), hi) else None
    g = victim_group(r, among.group(0)) if among else None
    if g:
        return g
    if found_in_slice(r.civ_ctx, text, lo, hi):
        return "civilian"
    if found_in_slice(r.mil_ctx, text, lo, hi):
        return "military"
    return None


def _borrowed_group(r: Rules, text: str, c: Candidate, claims: list[Candidate]) -> str | None:
    """For elliptical victims: the group of the claim before (a named person: after) in the
    sentence; a named person's sentence's group words; else None."""
    if not c.elliptical:
        return None
    same = [o for o in claims if o is not c and o.sentence.index == c.sentence.index and o.group]
    prev = [o for o in same if o.ev_start < c.ev_start]
    nxt = [o for o in same if o.ev_start > c.ev_start]
    pick = prev[-1] if prev and not c.person_named else (nxt[0] if nxt else (prev[-1] if prev else None))
    if pick is not None:
        return pick.group
    if c.person_named:
        return victim_group(r, text[c.sentence.start:c.sentence.end])
    return None
