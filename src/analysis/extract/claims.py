"""Casualty claims: every statement of how many people were killed, wounded,
missing or captured, normalised by ``docs/SCHEMA.md``.

One regex pass over an article finds the quantities (digits, number words,
vague words, see :mod:`analysis.nlp.quantities`); a few anchored patterns compiled
once then check what surrounds each one:

- subject: "19 civilians were killed", "Two people are dead", "dozens of wounded",
  "60 civilian deaths", "34 civilians and 633 forces had so far been killed";
- object: "killing at least 13", "has injured two", "killed some 30,000 people";
- toll: "the death toll ... rose to 12", "the total number of killed soldiers has risen to 107";
- and, in their own passes, a named person who "was killed", "a soldier was
  wounded", and zeros ("no casualties", "no human losses", "no one was killed").

Equipment, units, ages, years, dates and day counts never pass: a number must
head a person noun or an outcome word. Word lists live in
``lexicons/claims.yaml``; the side of a claimant comes from
:func:`analysis.nlp.attribution.source_side`.

Victim side, in order: an actor in the victim phrase ("Armenian soldiers",
"on both sides"); "our"/"we"/"its" -> the claimant's side; the attacker named
next to an attack word ("an Armenian rocket strike", "Azeri fire") -> the
other side; the country of the place hit (gazetteer; disputed places were
held by the Armenian side in 2020); both sides named around an outlet-voice
figure -> both; the claim before it in the sentence; the claimant's side;
the previous claim in the paragraph; the article's majority side.

Vague-interval convention (``count_low``/``count_high``): see
:mod:`analysis.nlp.quantities` (``VAGUE_INTERVALS_DOC`` below repeats it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from analysis.core import schema
from analysis.lexicons import load as lexicons
from analysis.nlp.attribution import attribution_at
from analysis.nlp.parsed import ParsedArticle, parsed_for, parses_for
from analysis.nlp.quantities import Quantity, find_quantities, grammar, parse_match
from analysis.nlp.quantities import __doc__ as _QDOC
from analysis.nlp.sentences import Sentence, sentence_at, split_sentences

VAGUE_INTERVALS_DOC = _QDOC[_QDOC.index("Interval convention"):].strip()

COLUMNS = schema.descriptions("claim_rows")

_SIDES = ("armenian", "azerbaijani")
_OTHER = {"armenian": "azerbaijani", "azerbaijani": "armenian"}
PLACE_SIDE = {"armenia": "armenian", "azerbaijan": "azerbaijani", "disputed": "armenian"}


def _alt(words) -> str:
    """One trie-shaped regex alternative for a word list (fast to match)."""
    return lexicons._alternation([str(w) for w in words])


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    return _SPACES.sub(" ", s.strip().lower())


@dataclass(frozen=True)
class _Rules:
    data: dict
    outcome_part: dict
    outcome_noun: dict
    object_verb: dict
    person_verb: dict
    toll: dict
    zero_noun: dict
    civilian: frozenset
    military: frozenset
    neutral: frozenset
    subject: re.Pattern
    noun: re.Pattern
    obj_before: re.Pattern
    obj_coord: re.Pattern
    obj_after: re.Pattern
    toll_before: re.Pattern
    named: re.Pattern
    single: re.Pattern
    zero: re.Pattern
    zero_subject: re.Pattern
    non_count_before: re.Pattern
    month_near: tuple
    group_words: re.Pattern
    civ_ctx: re.Pattern
    mil_ctx: re.Pattern
    cumulative: re.Pattern
    since_began: re.Pattern
    incident: re.Pattern
    increment_cue: re.Pattern
    historical: re.Pattern
    speculation: re.Pattern
    attacker: re.Pattern
    attacked_by: re.Pattern
    sufferer: re.Pattern
    locative: re.Pattern
    both: re.Pattern
    our: re.Pattern
    anaphor: re.Pattern
    follow_ok: re.Pattern
    non_person: re.Pattern
    force_nouns: frozenset = frozenset()
    heads: frozenset = frozenset()
    enemy: re.Pattern | None = None
    in_country: re.Pattern | None = None
    toll_hints: tuple = ("toll", "number", "total")
    period: re.Pattern | None = None
    place_after: re.Pattern | None = None


@lru_cache(maxsize=None)
def rules() -> _Rules:
    """All claim patterns, compiled once from ``lexicons/claims.yaml`` and the actor lexicon."""
    d = lexicons.yaml_lexicon("claims")
    lexicons.require_lists("claims", d, (
        "outcome_participles", "outcome_nouns", "object_verbs", "toll_phrases", "toll_links",
        "civilian_nouns", "military_nouns", "neutral_nouns", "equipment_nouns", "unit_nouns",
        "cumulative_cues", "incident_nouns", "historical_cues", "attack_nouns", "locative_cues"))
    low = lambda m: {_key(k): v for k, v in m.items()}  # noqa: E731
    part, noun, objv = low(d["outcome_participles"]), low(d["outcome_nouns"]), low(d["object_verbs"])
    pverb = {k: v for k, v in low(d.get("object_verbs_person_only") or {}).items() if v}
    toll, zero_n = low(d["toll_phrases"]), low(d.get("zero_nouns") or {})
    civ = frozenset(_key(w) for w in d["civilian_nouns"])
    mil = frozenset(_key(w) for w in d["military_nouns"])
    neu = frozenset(_key(w) for w in d["neutral_nouns"])
    actors = lexicons.actors().frame
    side_words = list(actors["name"][actors["kind"].isin(["adjective", "country"])]) if "kind" in actors else list(actors["name"])
    SIDE = _alt(side_words + [w + "’s" for w in side_words] + [w + "'s" for w in side_words])
    HEAD = _alt(civ | mil | neu)
    NPMOD = _alt(["more", "other", "additional", "further", "of", "the", "our", "their", "its", "his", "her",
                  "local", "innocent", "peaceful", "ethnic", "young", "elderly", "unarmed", "civilian",
                  "military", "Armenian-backed", "enemy", "new", "wounded", "injured", "dead", "slain", "killed",
                  "women", "and", "fellow", "foreign", "Syrian", "of them", "among them"]) + "|" + SIDE
    PART = _alt(part)
    AUX = _alt(["have", "has", "had", "were", "was", "are", "is", "been", "being", "be", "reportedly", "also",
                "so far", "now", "already", "allegedly", "confirmed", "reported", "all", "later", "since then",
                "in total", "altogether", "officially", "just", "found", "left", "feared", "believed", "declared",
                "presumed", "recently", "tragically", "subsequently", "been reported", "said to have been",
                "said to be", "thought to have been", "known to have been", "then", "not", "either"]
               + [str(w) for w in d.get("participle_fillers") or []])
    PP = (rf"(?:\s+(?:on|of|from|in|among)\s+(?:the\s+|both\s+|each\s+|either\s+)?(?:(?:{SIDE})\s+)?(?:sides?|army|armed\s+forces|forces|military|population|people|troops)\b"
          rf"|\s+(?:from|of|with)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s*){{1,4}}(?=\s)"
          rf"|,\s+(?:including|among\s+them|mostly|mainly)\s+[^,;:.]{{1,50}},)")
    NUM = r"(?:\d[\d,.]*|" + _alt(list(grammar().number_words) + list(grammar().scale_words) + list(grammar().vague_words)) + r")"
    COORD = rf"\s*,?\s+and\s+(?:{_alt(grammar().qualifiers)}\s+)?{NUM}\s+(?:(?:{NPMOD})\b\s+)*(?:{HEAD})\b"
    OUTPAIR = rf"(?P<opart>{PART})\b(?:\s+(?:and|or|&|and/or)\s+(?P<opart2>{PART})\b)?"
    subject = re.compile(
        rf"(?P<np>(?:\s+(?:{NPMOD})\b)*)(?:\s+(?P<head>{HEAD})\b)?(?P<pp>{PP})?(?P<coord>{COORD})?"
        rf"(?P<aux>(?:,?\s+(?:{AUX})\b){{0,5}})\s+{OUTPAIR}", re.IGNORECASE)
    noun_pat = re.compile(
        rf"(?P<np>(?:\s+(?:{NPMOD})\b)*)\s+(?P<onoun>{_alt(noun)})\b(?:\s+(?:and|or|&)\s+(?P<onoun2>{_alt(noun)})\b)?"
        rf"(?P<head2>\s+(?:(?:{NPMOD})\b\s+)*(?:{HEAD})\b)?(?P<pp>{PP})?", re.IGNORECASE)
    adv = r"(?:\s+(?:also|reportedly|allegedly|only|another|a\s+total\s+of|in\s+total|as\s+many\s+as))?"
    obj_before = re.compile(rf"\b(?P<verb>{_alt(list(objv) + list(pverb))}){adv}\s+$", re.IGNORECASE)
    # "lost 12 units of armored vehicles and about 200 personnel": a person object after an equipment one
    obj_coord = re.compile(rf"\b(?P<verb>{_alt(pverb)})\s+[^,.;:()]{{1,70}}?\band\s+$", re.IGNORECASE)
    obj_after = re.compile(rf"(?P<np>(?:\s+(?:{NPMOD})\b)*)(?:\s+(?P<head>{HEAD})\b)?(?P<pp>{PP})?", re.IGNORECASE)
    toll_before = re.compile(
        rf"\b(?P<toll>{_alt(toll)}|number\s+of\s+(?P<tnp>(?:[\w’'-]+\s+){{0,2}}?(?:{HEAD}))\s+(?P<tpart>{PART})"
        rf"|number\s+of\s+(?:[\w’'-]+\s+){{1,2}}?(?P<tnoun>{_alt(noun)}))\b"
        rf"(?P<gap>[^.;!?\n]{{0,90}}?)\b(?:{_alt(d['toll_links'])})\s+$", re.IGNORECASE)
    title_like = r"(?:[A-Z][a-zà-ÿ’'\-]+)"
    named = re.compile(
        rf"\b(?P<name>{title_like}(?:\s+{title_like}){{1,2}})(?P<app>,\s*[^,.;:“”\"\n]{{1,60}}?,)?\s+(?:was|has\s+been|had\s+been)\s+"
        rf"(?:also\s+|reportedly\s+|tragically\s+)?(?P<opart>killed|wounded|injured|captured|taken\s+prisoner|fatally\s+wounded|martyred)\b")
    singular = [w for w in civ | mil | neu if not w.endswith("s") or w in ("person",)] + ["man", "woman", "policeman", "police officer"]
    single = re.compile(
        rf"\b(?P<det>[Aa]n?)\s+(?:(?:{NPMOD}|\d+-year-old|[a-z]+-year-old)\b\s+){{0,3}}(?P<head>{_alt(singular)})\s+(?:(?:{AUX})\s+){{1,3}}(?P<opart>{PART})\b")
    zero = re.compile(
        rf"\b(?P<neg>no|without(?:\s+any)?)\s+(?:(?:civilian|military|human|serious|immediate|further|other)\s+){{0,2}}"
        rf"(?P<zn>{_alt(zero_n)})\b(?!\s+(?:{_alt(d.get('zero_blockers') or ['figures'])})\b)", re.IGNORECASE)
    zero_subject = re.compile(
        rf"\b(?P<zs>{_alt(d.get('zero_subjects') or ['no one'])})\s+(?:(?:{AUX})\s+){{0,3}}(?P<opart>{PART})\b", re.IGNORECASE)
    ncb = re.compile(rf"(?:^|[\s(])(?:{_alt(d.get('non_count_before') or ['aged'])})\s*$", re.IGNORECASE)
    months = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    month_near = (re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE), re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE))
    group_words = re.compile(rf"\b(?P<w>{_alt(civ | mil)})\b", re.IGNORECASE)
    civ_ctx = re.compile(rf"\b(?:{_alt(d.get('civilian_context') or ['in their sleep'])})\b", re.IGNORECASE)
    mil_ctx = re.compile(rf"\b(?:{_alt(d.get('military_context') or ['among the military'])})\b", re.IGNORECASE)
    cum = re.compile(rf"\b(?:{_alt(d['cumulative_cues'])})\b", re.IGNORECASE)
    since_began = re.compile(rf"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}(?:{_alt(d.get('cumulative_verbs') or ['began'])})\b", re.IGNORECASE)
    incident = re.compile(rf"\b(?:{_alt(d['incident_nouns'])})\b", re.IGNORECASE)
    inc_cue = re.compile(rf"\b(?:{_alt(d.get('increment_cues') or ['rose by'])})\s+$", re.IGNORECASE)
    hist_cues = [str(w) for w in d["historical_cues"]]  # the cheap first-letter test before the look-behinds
    hist = re.compile(rf"(?=[{lexicons.first_characters(hist_cues)}])(?<!since\s)(?<!since\sthe\s)\b(?:{_alt(hist_cues)})\b",
                      re.IGNORECASE)
    spec = re.compile(rf"\b(?:{_alt(d.get('speculation_cues') or ['may have'])})\b", re.IGNORECASE)
    ACTOR = _alt(list(actors["name"]))
    mods = _alt(d.get("attack_modifiers") or ["armed"])
    attacker = re.compile(rf"\b(?P<actor>{ACTOR})(?:’s|'s)?\s+(?:(?:{mods})\s+){{0,2}}(?P<noun>{_alt(d['attack_nouns'])})\b")
    sufferer = re.compile(
        rf"\b(?P<actor>{ACTOR})(?:’s|'s)?\s+(?:(?:{mods}|side|army|forces|troops|military|armed|has|have|had|so|far|also|reportedly)\s+){{0,4}}"
        rf"(?:{_alt(d.get('sufferer_words') or ['suffered'])})\b")
    attacked_by = re.compile(
        rf"\b(?:shelled|bombed|attacked|targeted|hit|struck|fired|launched|carried\s+out)\s+(?:[\w-]+\s+){{0,4}}?by\s+(?:the\s+)?(?P<actor>{ACTOR})\b")
    locative = re.compile(rf"\b(?:{_alt(d['locative_cues'])})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE)
    both = re.compile(rf"\b(?:{_alt(d.get('both_sides_cues') or ['both sides'])})\b", re.IGNORECASE)
    our = re.compile(r"\b(?:our|we|us|its|their)\b", re.IGNORECASE)
    anaphor = re.compile(r"\bthe\s+(?:city|town|village|settlement)\b", re.IGNORECASE)
    follow_ok = re.compile(
        r"\s*(?:$|[,.;:!?)(–—\-\"”’]|(?:in|at|on|and|or|near|during|when|while|after|as|since|including|among|"
        r"from|with|overnight|yesterday|today|tonight|this|last|earlier|later|inside|across|around|outside|by|"
        r"but|so|according|amid|following|before|between|of\s+them|of\s+whom|more|others|to)\b)", re.IGNORECASE)
    non_person = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(list(d['equipment_nouns']) + list(d['unit_nouns']))})\b", re.IGNORECASE)
    return _Rules(d, part, noun, objv, pverb, toll, zero_n, civ, mil, neu, subject, noun_pat, obj_before, obj_coord, obj_after,
                  toll_before, named, single, zero, zero_subject, ncb, month_near, group_words, civ_ctx, mil_ctx,
                  cum, since_began, incident, inc_cue, hist, spec, attacker, attacked_by, sufferer, locative, both, our,
                  anaphor, follow_ok, non_person,
                  force_nouns=frozenset(_key(w) for w in d.get("attacker_force_nouns") or []),
                  heads=civ | mil | neu, enemy=_enemy_pattern(d), in_country=_in_country_pattern(actors),
                  place_after=re.compile(rf"\s+(?:settlement|village|town|city|region|district|{_alt(d['incident_nouns'])})\b",
                                         re.IGNORECASE),
                  period=re.compile(rf"\b(?:{_alt(d.get('period_increment_cues') or ['past 24 hours'])})\b", re.IGNORECASE),
                  toll_hints=tuple(str(w).lower() for w in d.get("toll_hints") or ["toll", "number", "total"]))


def _in_country_pattern(actors: pd.DataFrame) -> re.Pattern:
    """"65 civilians in Azerbaijan": a country of one side right after the victims
    (not a disputed region: "in Karabakh" does not say whose people)."""
    gaz = lexicons.gazetteer()
    kind = actors["kind"] if "kind" in actors else pd.Series("", index=actors.index)
    names = [n for n, sd, k in zip(actors["name"], actors["side"], kind)
             if k == "country" and sd in _SIDES and not gaz.find(n)]
    return re.compile(rf"\s+(?:in|inside|across|throughout)\s+(?P<actor>{_alt(names or ['Azerbaijan'])})\b")


def _enemy_pattern(d: dict) -> re.Pattern:
    """"the enemy" as the victims, not as the attacker ("by the enemy", "enemy fire")."""
    force = {_key(w) for w in d.get("attacker_force_nouns") or []}
    acts = [w for w in d["attack_nouns"] if _key(w) not in force]
    # The possessive may not be dropped to slip past the check: "the enemy's artillery" is the attacker.
    return re.compile(rf"(?<!\bby\s)(?<!\bby\sthe\s)\b(?:{_alt(d.get('enemy_words') or ['enemy'])})(?:[’']s)?(?![\w’'])"
                      rf"(?!\s+(?:{_alt(acts)})\b)", re.IGNORECASE)


@dataclass
class _Cand:
    """A claim being built: quantity, outcome and the words around it."""

    q: Quantity
    outcome: str
    ev_start: int
    ev_end: int
    victim: str  # words naming the victims (head, modifiers, toll gap)
    head: str | None
    elliptical: bool
    person_named: bool = False
    increment: bool = False
    toll: bool = False
    group: str = "unspecified"
    side: str = "unspecified"
    sentence: Sentence | None = None


def _outcome(r: _Rules, w1: str, w2: str | None, table: dict, table2: dict | None = None) -> str:
    o1 = table[_key(w1)]
    if w2:
        o2 = (table2 or table)[_key(w2)]
        if o2 != o1:
            return "casualties"
    return o1


def _victim_group(r: _Rules, words: str) -> str | None:
    found = None
    for m in r.group_words.finditer(words):
        w = _key(m.group("w"))
        g = "civilian" if w in r.civilian else "military"
        if found is None:
            found = g
        elif found != g:
            return "unspecified"  # "people, including civilians and soldiers": mixed victims
    return found


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _is_blocked(r: _Rules, text: str, q: Quantity, lo: int) -> bool:
    """Ages, dates, years, ids: numbers that are never counts."""
    before = text[max(lo, q.start - 25):q.start]
    if r.non_count_before.search(before):
        return True
    if r.month_near[0].search(text[q.end:q.end + 12]) or r.month_near[1].search(before[-12:]):
        return True
    raw = text[q.start:q.end]
    if q.count is not None and _YEAR.fullmatch(raw.strip()):
        return True  # a year ("in 1994", "born in 1967"); counts of this size carry a comma
    return False


def _find_candidates(text: str, sentences: list[Sentence]) -> list[_Cand]:
    r = rules()
    g = grammar()
    out: list[_Cand] = []
    for m in find_quantities(text):
        q = parse_match(m, text)
        if q is None:
            continue
        sent = sentence_at(sentences, q.start)
        if sent is None:
            continue
        if _is_blocked(r, text, q, sent.start):
            continue
        cand = _match_around(r, text, q, sent)
        if cand is not None:
            cand.sentence = sent
            out.append(cand)
    for finder in (_named, _single, _zeros):
        for cand in finder(r, text):
            cand.sentence = sentence_at(sentences, cand.ev_start)
            if cand.sentence is not None:
                out.append(cand)
    out.sort(key=lambda c: (c.ev_start, c.q.start))
    return _drop_overlaps(out)


def _drop_overlaps(cands: list[_Cand]) -> list[_Cand]:
    kept: list[_Cand] = []
    for c in cands:
        if any(k.q.start == c.q.start or (k.person_named != c.person_named and k.ev_start < c.ev_end and c.ev_start < k.ev_end
                                          and k.outcome == c.outcome) for k in kept):
            continue
        kept.append(c)
    return kept


def _match_around(r: _Rules, text: str, q: Quantity, sent: Sentence) -> _Cand | None:
    hi = sent.end
    needs_noun = q.vague_word in grammar().needs_noun
    # an object verb with a person noun wins: "killed one civilian and wounded two others"
    # is neither "one civilian and wounded" (noun) nor "... were wounded" (subject)
    obj = None if needs_noun else _object_cand(r, text, q, sent, hi)
    if obj is not None and obj.head:
        return obj
    # "two deaths", "dozens of wounded", "60 civilian deaths", "heavy casualties"
    m = r.noun.match(text, q.end, hi)
    if m:
        out = _outcome(r, m.group("onoun"), m.group("onoun2"), r.outcome_noun)
        victim = " ".join(filter(None, [m.group("np"), m.group("head2"), m.group("pp")]))
        head = (m.group("head2") or "").split()[-1:] or [None]
        return _Cand(q, out, q.start, m.end(), victim, head[0], elliptical=head[0] is None,
                     increment=_has_increment(m.group("np")))
    if needs_noun:
        return None
    # "19 civilians were killed", "two were wounded", "12 people dead"
    m = r.subject.match(text, q.end, hi)
    if m and (m.group("head") or m.group("aux").strip() or not m.group("np").strip()):
        out = _outcome(r, m.group("opart"), m.group("opart2"), r.outcome_part)
        victim = " ".join(filter(None, [m.group("np"), m.group("head"), m.group("pp")]))
        head = m.group("head")
        return _Cand(q, out, q.start, m.end(), victim, head, elliptical=head is None or _key(head) == "others",
                     increment=_has_increment(m.group("np")))
    if obj is not None:
        return obj
    # "the death toll ... rose to 12"
    window = text[max(sent.start, q.start - 140):q.start]
    low = window.lower()
    tb = r.toll_before.search(window) if any(h in low for h in r.toll_hints) else None
    if tb:
        return _toll_cand(r, text, q, hi, window, tb, max(sent.start, q.start - 140))
    return None


_TOLL_MODIFIERS = re.compile(r"(?:[\w’'-]+\s+){0,2}$")  # "the Armenian military death toll"
_VICTIM_RANKS = re.compile(r"\b(?:(?P<among>among)|in|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _toll_cand(r: _Rules, text: str, q: Quantity, hi: int, window: str, tb: re.Match, offset: int) -> _Cand | None:
    """"the death toll ... rose to 12", "the number of civilians killed has reached 91"."""
    a = r.obj_after.match(text, q.end, hi)
    head = a.group("head") if a else None
    if not head and not r.follow_ok.match(text, q.end, hi):
        return None
    if tb.group("tpart"):
        out = r.outcome_part[_key(tb.group("tpart"))]
    elif tb.group("tnoun"):  # "the number of civilian deaths"
        out = r.outcome_noun[_key(tb.group("tnoun"))]
    else:
        out = r.toll[_key(tb.group("toll"))]  # "same": the outcome of the figure before it ("bringing the total to")
    mods = _TOLL_MODIFIERS.search(window, max(0, tb.start() - 40), tb.start()).group(0)
    mods = r.attacker.sub(lambda m: _attacker_or_victims(r, m, True), mods)
    gap = r.attacker.sub(lambda m: _attacker_or_victims(r, m), tb.group("gap"))
    victim = " ".join([mods, tb.group("toll"), gap, head or ""])
    return _Cand(q, out, offset + tb.start(), a.end() if head else q.end, victim, head,
                 elliptical=head is None and not r.group_words.search(victim), toll=True)


def _attacker_or_victims(r: _Rules, m: re.Match, before_toll: bool = False) -> str:
    """In a toll's words an actor with an attack word is the attacker ("the toll in the
    Armenian strike"), dropped from the victim words; kept after "among", and with a force
    noun after "in"/"of" or right before the toll ("the toll among Armenian troops", "in the
    Azerbaijani army", "the Armenian military death toll")."""
    force = _key(m.group("noun")) in r.force_nouns
    before = _VICTIM_RANKS.search(m.string, max(0, m.start() - 12), m.start())
    if (before_toll and force) or before and (before.group("among") or force):
        return m.group(0)
    return " "


def _object_cand(r: _Rules, text: str, q: Quantity, sent: Sentence, hi: int) -> _Cand | None:
    """"killing at least 13", "has injured two", "killed some 30,000 people"."""
    before = text[max(sent.start, q.start - 60):q.start]
    vb = r.obj_before.search(before)
    coord = False
    if not vb and before.endswith("and "):
        before = text[max(sent.start, q.start - 100):q.start]
        vb = r.obj_coord.search(before)
        coord = True
    if not vb:
        return None
    a = r.obj_after.match(text, q.end, hi)
    head = a.group("head") if a else None
    if coord and (not head or _key(head) == "others"):
        return None
    end = a.end() if a and (head or a.group("pp")) else q.end
    if a and not head:  # "one civilian (and ...)": a head word also read as a modifier
        words = [w for w in _WORD.finditer(text, a.start("np"), a.end("np")) if _key(w.group(0)) in r.heads]
        if words:
            head, end = words[-1].group(0), words[-1].end()
    verb = _key(vb.group("verb"))
    if verb in r.person_verb and not head:
        return None
    if not head and not r.follow_ok.match(text, end, hi):
        return None
    if not head and r.non_person.match(text, q.end, min(hi, q.end + 40)) and not r.follow_ok.match(text, q.end, hi):
        return None
    out = r.object_verb.get(verb) or r.person_verb[verb]
    victim = text[q.end:end] if a and end > q.end else ""
    start = max(sent.start, q.start - (100 if coord else 60)) + vb.start()
    return _Cand(q, out, start, end, victim, head, elliptical=head is None or _key(head) == "others",
                 increment=bool(_ANOTHER.search(vb.group(0))))


_WORD = re.compile(r"[\w’'-]+")
_ANOTHER = re.compile(r"\banother\s*$", re.I)
_INCREMENT = re.compile(r"\b(?:more|additional|further|new)\b", re.I)


def _has_increment(np: str | None) -> bool:
    return bool(np and _INCREMENT.search(np))


_PASSIVE_WORDS = ("killed", "wounded", "injured", "captured", "prisoner", "martyred", "dead", "hurt", "missing", "slain")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|has\s+been|had\s+been)\s+(?:\w+\s+){0,3}$")


def _passive_windows(text: str):
    """(lo, hi) windows ending at "was killed"-like phrases: where count-1 claims can be."""
    for word in _PASSIVE_WORDS:
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if _PASSIVE_BEFORE.search(text, max(0, pos - 40), pos):
                yield max(0, pos - 150), end
            pos = text.find(word, end)


@lru_cache(maxsize=8)
def _passive_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`_passive_windows` of ``text``, found once for the named and the singular finder."""
    return tuple(_passive_windows(text))


def _window_matches(pattern: re.Pattern, text: str):
    seen = set()
    for lo, hi in _passive_spans(text):
        for m in pattern.finditer(text, lo, hi):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def _named(r: _Rules, text: str):
    """A named person who was killed/wounded: count 1."""
    for m in _window_matches(r.named, text):
        name = m.group("name")
        if _not_a_person(name):
            continue
        out = "captured" if m.group("opart").startswith(("captured", "taken")) else r.outcome_part[_key(m.group("opart"))]
        q = Quantity(1, None, "exact", 1.0, 1.0, m.start(), m.start("name") + len(name))
        yield _Cand(q, out, m.start(), m.end(), "", None, elliptical=True, person_named=True)


@lru_cache(maxsize=4096)
def _not_a_person(name: str) -> bool:
    from analysis.nlp.attribution import _words as att_words

    words = name.split()
    stop = {"the", "a", "an", "this", "that", "it", "he", "she", "they", "there", "one", "his", "her"}
    if words[0].lower() in stop:
        return True
    titles = att_words().title_words | att_words().source_nouns
    for w in words:
        if w.lower() in titles or lexicons.actors().mentions(w) or lexicons.gazetteer().find(w):
            return True
    return False


def _single(r: _Rules, text: str):
    """"a soldier was killed", "an elderly woman was wounded": count 1."""
    for m in _window_matches(r.single, text):
        out = r.outcome_part[_key(m.group("opart"))]
        q = Quantity(1, None, "exact", 1.0, 1.0, m.start(), m.end("det"))
        yield _Cand(q, out, m.start(), m.end(), m.group(0), m.group("head"), elliptical=False)


# "no", "nobody", "none" or "without" as a word, on lower-cased text. The word
# start is checked after the first letter, so the engine only stops at n and w.
_ZERO_HINT = re.compile(r"(?:n(?<!\w.)(?:o|obody|one)|w(?<!\w.)ithout)\b")


def _zeros(r: _Rules, text: str):
    """"no casualties", "no human losses", "no one was killed": count 0."""
    if not _ZERO_HINT.search(lexicons.lowered(text)):
        return
    for m in r.zero.finditer(text):
        q = Quantity(0, None, "exact", 0.0, 0.0, m.start(), m.end("neg"))
        yield _Cand(q, r.zero_noun[_key(m.group("zn"))], m.start(), m.end(), m.group(0), None, elliptical=True)
    for m in r.zero_subject.finditer(text):
        q = Quantity(0, None, "exact", 0.0, 0.0, m.start(), m.end("zs"))
        yield _Cand(q, r.outcome_part[_key(m.group("opart"))], m.start(), m.end(), m.group("zs"), None, elliptical=True)


# ---------------------------------------------------------------- context


_CLAUSE_MARKS = ",;:()"
_CLAUSE_MARK = re.compile(r"[,;:()]")


def _clause(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause around a claim: the sentence cut at , ; : ( ) (dashes kept: appositions)."""
    if start > sent.start:
        mark = max(text.rfind(ch, sent.start, start) for ch in _CLAUSE_MARKS)
        lo = mark + 1 if mark >= 0 else sent.start
    else:
        lo = start
    after = _CLAUSE_MARK.search(text, end, sent.end)
    hi = after.start() if after else max(end, sent.end)
    return lo, hi


_SUBSET = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$", re.IGNORECASE)
_APPOSITION = re.compile(r"^[^,;:()–—]{0,40}?\s*(?:[,–—]|\s-\s)\s*(?:including|mostly|mainly|among them|all|both)?\s*(?P<ap>[^;:()]{1,60})")


_PREDICATE = re.compile(r",\s+(?:\w+\s+){0,2}(?:are|were|was|is|have|has)\b")
_AMONG = re.compile(r"\bamong\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w’'-]+\s+){0,2}?[\w-]+")


def _group(r: _Rules, text: str, c: _Cand, lo: int, hi: int) -> str | None:
    """Group from the victim words, then an apposition ("two deaths, a woman
    and a child"; "both military servicemen and civilians" -> mixed, none) and
    context phrases in the clause ("in their sleep", "among the military")."""
    own = _victim_group(r, c.victim)
    if own:
        return own
    tail = text[c.ev_end:min(c.sentence.end, c.ev_end + 100)]
    ap = _APPOSITION.match(tail)
    if ap:
        words = ap.group("ap")
        cut = _PREDICATE.search(words)
        words = words[:cut.start()] if cut else words
        groups = {("civilian" if _key(m.group("w")) in r.civilian else "military") for m in r.group_words.finditer(words)}
        if len(groups) == 1:
            return groups.pop()
        if len(groups) == 2:
            return "unspecified"
    found = _group_in_context(r, text, c.ev_start, lo, hi)
    colon = text.rfind(":", c.sentence.start, c.ev_start)
    if found is None and colon > c.sentence.start:  # "Casualties among servicemen: 12 killed, 40 wounded"
        found = _group_in_context(r, text, c.sentence.start, c.sentence.start, colon)
    return found


def _group_in_context(r: _Rules, text: str, among_from: int, lo: int, hi: int) -> str | None:
    """The victims' group from an 'among' phrase after ``among_from``, else civilian or military words in ``text[lo:hi]``."""
    among = _AMONG.search(text, among_from, hi)
    g = _victim_group(r, among.group(0)) if among else None
    if g:
        return g
    span = text[lo:hi]
    if r.civ_ctx.search(span):
        return "civilian"
    if r.mil_ctx.search(span):
        return "military"
    return None


def _actor_side(phrase: str) -> str | None:
    sides = {s for _, s, _, _ in lexicons.actors().mentions(phrase)}
    if not sides:
        return None
    if "armenian" in sides and "azerbaijani" in sides:
        return "both"
    if sides & set(_SIDES):
        return next(iter(sides & set(_SIDES)))
    return "other"


_TARGET_BEFORE = re.compile(r"\b(?P<prep>on|against|at|in|into|over|toward|towards|of|across)\s+(?:the\s+)?$",
                            re.IGNORECASE)


def _is_target(r: _Rules, text: str, sent: Sentence, m: re.Match) -> bool:
    """The actor is where an attack lands ("strikes on Armenian positions") or,
    after "in", the victims' ranks ("losses in the Armenian army"); but "killed
    in Azerbaijani shelling" names the attacker (an attack act, not a force)."""
    t = _TARGET_BEFORE.search(text, max(sent.start, m.start() - 12), m.start())
    if t is None:
        return False
    noun = m.groupdict().get("noun")
    return t.group("prep").lower() != "in" or noun is None or _key(noun) in r.force_nouns


def _place_struck(text: str, m: re.Match) -> bool:
    """A town named before an attack word without a possessive is where it hit
    ("the Stepanakert shelling"); "Baku's strikes" names the attacker."""
    if "noun" not in m.re.groupindex or text[m.end("actor"):m.end("actor") + 1] in ("’", "'"):
        return False
    gaz = lexicons.gazetteer()
    return any(gaz.kind.get(p.place) in ("city", "town", "village") for p in gaz.find(m.group("actor")))


def _attacker_side(r: _Rules, text: str, sent: Sentence, pos: int, speakers=()) -> str | None:
    """Side of the attacker named nearest to ``pos`` in the sentence, if any.

    ``speakers``: (start, end) spans of the sentence's sources; a source
    ("the Karabakh army says", "according to the Azerbaijani side") is not an attacker.
    """
    best = None
    for pat in (r.attacker, r.attacked_by):
        for m in pat.finditer(text, sent.start, sent.end):
            side = lexicons.actors().side_of(m.group("actor"))
            if side not in _SIDES or _is_target(r, text, sent, m) or _place_struck(text, m) \
                    or any(a <= m.start("actor") < b for a, b in speakers):
                continue
            dist = abs(m.start("actor") - pos)
            if best is None or dist < best[0]:
                best = (dist, side)
    return best[1] if best else None


def _place(r: _Rules, text: str, sent: Sentence, pos: int, exclude: list[tuple[int, int]]) -> lexicons.PlaceMention | None:
    """The place named as where things happened, nearest the claim in its sentence."""
    gaz = lexicons.gazetteer()
    best = None
    for pm in gaz.find(text, sent.start, sent.end):
        if any(a <= pm.start < b for a, b in exclude):
            continue
        if not r.locative.search(text[max(sent.start, pm.start - 40):pm.start]) and \
                not r.place_after.match(text, pm.end, sent.end):  # "Martuni village", "the Ganja strike"
            continue
        rank = 0 if gaz.kind.get(pm.place) in ("city", "town", "village") else 1
        key = (rank, abs(pm.start - pos))
        if best is None or key < best[0]:
            best = (key, pm)
    return best[1] if best else None


def _anaphoric_place(r: _Rules, text: str, c: _Cand, lo: int, hi: int) -> lexicons.PlaceMention | None:
    """"the city" in the claim's clause -> the last town or city named before it."""
    if not r.anaphor.search(text, c.sentence.start, hi):
        return None
    gaz = lexicons.gazetteer()
    found = [p for p in gaz.find(text, 0, c.sentence.start) if gaz.kind.get(p.place) in ("city", "town", "village")]
    return found[-1] if found else None


def _paragraph_of(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos)


def _is_heading(text: str, sent: Sentence) -> bool:
    """A title or subheading line: a short line without final punctuation."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.end)
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    core = line.rstrip("\"”’')]»")
    return bool(core) and core[-1] not in ".!?:;" and len(line.split()) <= 30


_TOLL = re.compile(r"\btoll\b", re.I)
_RUNNING_TOTAL = re.compile(r"\b(?:the number of|total number|in total|so far)\b", re.I)


def _in_sentence(memo: dict, pattern: re.Pattern, text: str, s: Sentence) -> bool:
    """Whether ``pattern`` occurs in sentence ``s`` (searched once per sentence and pattern)."""
    key = (pattern.pattern, s.start)
    if key not in memo:
        memo[key] = pattern.search(text[s.start:s.end]) is not None
    return memo[key]


def _scope(r: _Rules, text: str, c: _Cand, prev_in_sentence: bool, prev_sentence: Sentence | None,
           memo: dict | None = None) -> str:
    memo = {} if memo is None else memo
    s = c.sentence
    window = text[max(s.start, c.q.start - 80):min(s.end, c.ev_end + 40)]
    if r.historical.search(window):
        return "historical"
    before = text[max(s.start, c.q.start - 20):c.q.start]
    if (c.increment and not prev_in_sentence) or r.increment_cue.search(before):
        return "increment"
    if not c.toll and r.period.search(window):  # "over the past 24 hours, 12 servicemen were killed"
        return "increment"
    if _in_sentence(memo, r.cumulative, text, s) or _in_sentence(memo, r.since_began, text, s):
        return "cumulative"
    if c.toll or _TOLL.search(text[s.start:c.q.start]):
        return "incident" if _in_sentence(memo, r.incident, text, s) else "cumulative"
    if c.side == "both":
        return "cumulative"
    if prev_sentence is not None and _in_sentence(memo, _RUNNING_TOTAL, text, prev_sentence):
        return "cumulative"
    return "incident"


def extract_claims(text: str, published: date | None = None, *, parsed: ParsedArticle | None = None) -> list[dict]:
    """Every casualty claim in one article's normalized ``text``, in text order.

    Each dict has the claim fields of :data:`COLUMNS` from ``count`` to
    ``end`` (``published`` is accepted for the interface; scope and claims do
    not depend on it yet). ``parsed``: the article's shared parse (sentences
    and attributions are reused), made here when not given.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims: text must be str, got {type(text).__name__}")
    r = rules()
    parsed = parsed_for(text, parsed)
    sentences = parsed.sentences
    cands = _find_candidates(text, sentences)
    if not cands:
        return []
    atts = parsed.attributions
    rows: list[dict] = []
    info = []
    for i, c in enumerate(cands):
        s = c.sentence
        if r.speculation.search(text, s.start, c.q.start):
            continue
        if c.outcome == "same":
            earlier = [o for o, *_ in info if o.sentence.index == s.index]
            if not earlier:
                continue
            c.outcome = earlier[-1].outcome
            c.victim = c.victim + " " + earlier[-1].victim
            c.increment = False
        if _SUBSET.search(text, max(s.start, c.q.start - 20), c.q.start):
            continue  # "Eleven civilians, including three children, ...": a breakdown, not a new figure
        lo, hi = _clause(text, s, c.q.start, c.ev_end)
        att = attribution_at(atts, s.index, c.q.start)
        claimant = att.source if att else None
        claimant_side = (att.side if att else "outlet")
        info.append((c, lo, hi, claimant, claimant_side))

    # group and side, in two passes (elliptical victims borrow from neighbours)
    for c, lo, hi, claimant, cside in info:
        g = _group(r, text, c, lo, hi)
        c.group = g or ""
    for idx, (c, lo, hi, claimant, cside) in enumerate(info):
        if c.group:
            continue
        if c.elliptical:
            same = [o for o, *_ in info if o is not c and o.sentence.index == c.sentence.index and o.group]
            prev = [o for o in same if o.ev_start < c.ev_start]
            nxt = [o for o in same if o.ev_start > c.ev_start]
            pick = prev[-1] if prev and not c.person_named else (nxt[0] if nxt else (prev[-1] if prev else None))
            if pick is not None:
                c.group = pick.group
                continue
            if c.person_named:
                c.group = _victim_group(r, text[c.sentence.start:c.sentence.end]) or ""
                if c.group:
                    continue
        c.group = "unspecified"
    for c, *_ in info:
        if not c.group:
            c.group = "unspecified"

    places: dict[int, str | None] = {}
    decided: list[str | None] = []
    for idx, (c, lo, hi, claimant, cside) in enumerate(info):
        s = c.sentence
        side = _actor_side(c.victim) if c.victim else None
        if side is None:  # "the Azerbaijani side has suffered heavy casualties"
            for m in r.sufferer.finditer(text, max(s.start, c.ev_start - 80), c.q.end):
                side = lexicons.actors().side_of(m.group("actor"))
        if side is None and cside in _SIDES and r.enemy.search(text, max(lo, s.start), c.ev_end):
            side = _OTHER[cside]  # "the enemy lost 100 servicemen, the ministry in Baku said"
        if side is None and r.both.search(text, c.q.end, min(max(hi, c.ev_end) + 20, s.end)):  # "... dead on both sides"
            side = "both"
        if side is None and r.our.search(text, max(lo, s.start), c.ev_end) and cside in _SIDES:
            side = cside
        exclude = [(a.start, a.end) for a in atts if a.sentence_index == s.index]
        if side is None:
            atk = _attacker_side(r, text, s, c.q.start, exclude)
            side = _OTHER[atk] if atk else None
        pm = _place(r, text, s, c.q.start, exclude) or _anaphoric_place(r, text, c, lo, hi)
        gaz = lexicons.gazetteer()
        if side is None and pm is not None and gaz.kind.get(pm.place) != "region":
            side = PLACE_SIDE.get(gaz.country.get(pm.place, ""))
        inside = r.in_country.match(text, c.ev_end, s.end) if side is None else None
        if inside:  # "killing 65 civilians in Azerbaijan"
            side = lexicons.actors().side_of(inside.group("actor"))
        if pm is None:  # the place named earlier in the paragraph ("... attack on Stepanakert. Dozens were wounded")
            for prev in _earlier_in_paragraph(text, sentences, s):
                pm = _place(r, text, prev, prev.end, [])
                if pm is not None:
                    break
            if pm is not None and gaz.kind.get(pm.place) == "region":
                pm = None
        places[idx] = pm.name if pm else None
        if side is None and cside in ("outlet", "third_party"):
            prev_s = _previous_sentence(text, sentences, s)
            ctx = text[prev_s.start:s.end] if prev_s else text[s.start:s.end]
            if _actor_side(ctx) == "both":
                side = "both"
        if side is None:
            same = [decided[j] for j, (o, *_) in enumerate(info[:idx]) if o.sentence.index == s.index and decided[j]]
            if same:
                side = same[-1]
        if side is None and cside in _SIDES:
            side = cside
        if side is None:
            side = _from_previous_sentence(r, text, sentences, s, info[:idx], decided, atts)
        decided.append(side)
    majority = Counter(x for x in decided if x)
    top = majority.most_common(2)
    fallback = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else "unspecified"

    memo: dict = {}
    for idx, (c, lo, hi, claimant, cside) in enumerate(info):
        c.side = decided[idx] or fallback
        prev_in_sentence = any(o.sentence.index == c.sentence.index and o.ev_start < c.ev_start for o, *_ in info)
        scope = _scope(r, text, c, prev_in_sentence, _previous_sentence(text, sentences, c.sentence), memo)
        q = c.q
        rows.append({
            "count": q.count, "count_low": q.low, "count_high": q.high, "qualifier": q.qualifier, "vague": q.vague,
            "outcome": c.outcome, "group": c.group, "side": c.side, "scope": scope,
            "claimant": claimant, "claimant_side": cside, "location": places[idx],
            "evidence": text[c.ev_start:c.ev_end], "sentence": c.sentence.text,
            "start": c.ev_start, "end": c.ev_end,
            "_heading": _is_heading(text, c.sentence),
        })
    rows = _drop_headline_restatements(rows)
    rows = _drop_restatements(rows)
    for row in rows:
        row.pop("_heading", None)
    return rows


def _previous_sentence(text: str, sentences: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence before ``s`` in the same paragraph (line), if any."""
    earlier = _earlier_in_paragraph(text, sentences, s)
    return earlier[0] if earlier else None


def _earlier_in_paragraph(text: str, sentences: list[Sentence], s: Sentence) -> list[Sentence]:
    """Sentences before ``s`` in its paragraph (line), nearest first."""
    if s.index >= len(sentences) or sentences[s.index].start != s.start:
        return []
    line_start = text.rfind("\n", 0, s.start) + 1
    out = []
    for i in range(s.index - 1, -1, -1):
        if sentences[i].start < line_start:
            break
        out.append(sentences[i])
    return out


def _from_previous_sentence(r: _Rules, text: str, sentences: list[Sentence], s: Sentence, earlier, decided,
                            atts=()) -> str | None:
    """An attacker named earlier in the paragraph, else the last claim's side there."""
    for prev in _earlier_in_paragraph(text, sentences, s):
        speakers = [(a.start, a.end) for a in atts if a.sentence_index == prev.index]
        atk = _attacker_side(r, text, prev, prev.end, speakers)
        if atk:
            return _OTHER[atk]
    para = _paragraph_of(text, s.start)
    for j in range(len(earlier) - 1, -1, -1):
        o = earlier[j][0]
        if decided[j] and _paragraph_of(text, o.ev_start) == para:
            return decided[j]
    return None


def _drop_headline_restatements(rows: list[dict]) -> list[dict]:
    """A headline restating the body is not a claim: drop a heading claim when
    the body has one with the same outcome and the heading is vague or gives
    the same count."""
    body = [r for r in rows if not r["_heading"]]
    out = []
    for row in rows:
        if row["_heading"]:
            compatible = [b for b in body if b["outcome"] == row["outcome"]
                          or row["outcome"] == "casualties" and b["outcome"] in ("killed", "wounded")]
            if any(row["vague"] is not None or b["count"] == row["count"] for b in compatible):
                continue
        out.append(row)
    return out


def _drop_restatements(rows: list[dict]) -> list[dict]:
    """The same figure restated by the same claimant is one claim (first kept)."""
    seen = set()
    out = []
    for row in rows:
        key = (row["count"], row["vague"], row["outcome"], row["group"], row["side"],
               (row["claimant"] or "").lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(row)
    return out


def claims_table(articles: pd.DataFrame, parsed=None) -> pd.DataFrame:
    """Claims of every article: one row per claim, columns :data:`COLUMNS`.

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return claims_frame(claim_rows(articles, parsed))


def claim_rows(articles: pd.DataFrame, parsed=None) -> list[dict]:
    """The records of :func:`claims_table`, for building it chunk by chunk."""
    need = ("article_id", "outlet", "published", "text")
    missing = [c for c in need if c not in articles.columns]
    if missing:
        raise ValueError(f"claims_table: articles is missing column(s) {', '.join(missing)}")
    rows = []
    parses = parses_for(articles["text"], parsed)
    for aid, outlet, published, text, parse in zip(articles["article_id"], articles["outlet"], articles["published"],
                                                   articles["text"], parses):
        if not isinstance(text, str):
            raise ValueError(f"claims_table: article {aid!r} has no text (got {type(text).__name__})")
        for claim in extract_claims(text, published, parsed=parse):
            rows.append({"article_id": aid, "outlet": outlet, "published": published, **claim})
    return rows


def claims_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The claims table from :func:`claim_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("claim_rows", rows)
