"""Candidate claims: the quantities of an article that count people, with their outcome and victim words.

One regex pass finds the quantities (:mod:`analysis.nlp.quantities`); the
patterns of :mod:`.rules` then read what surrounds each one:

- subject: "19 civilians were killed", "Two people are dead", "dozens of wounded";
- object: "killing at least 13", "has injured two", "killed some 30,000 people";
- toll: "the death toll ... rose to 12", "the total number of killed soldiers has risen to 107";
- a subject read past asides (:mod:`.clauses`): "five civilians — four in X and one in Y —
  have been killed", "2,000 soldiers, who fought for ..., were killed", "four fighters who had died";
- breakdowns, each a claim of its own with the outcome of the figure it breaks down:
  "..., including 6 children and 9 women", "(two women and one man)";
- gapped items: "Armenia reported 25 civilian deaths, Azerbaijan 19" (the actor's people);
- and, in their own passes, a named person who "was killed", "a soldier was
  wounded", "killing a civilian", "the injured pilot", and zeros ("no casualties", "no human losses", "no one was killed").

Ages, years, dates and equipment never pass: a number must head a person noun
or an outcome word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.claims.clauses import Aside, breakdown_items, list_opening, skip_asides
from analysis.extract.claims.rules import Rules, rules, word_key
from analysis.lexicons import load as lexicons
from analysis.nlp.quantities import Quantity, find_quantities, grammar, interval, parse_match
from analysis.nlp.sentences import Sentence, sentence_at
from analysis.nlp.source_words import source_words


@dataclass
class Candidate:
    """A claim being built: quantity, outcome and the words around it; the later stages fill in the rest."""

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
    clause: tuple[int, int] = (0, 0)  # the clause around the claim (see layout.clause)
    claimant: str | None = None
    claimant_side: str | None = "outlet"
    voice: str | None = None  # the party whose body wrote the text, for a figure in the outlet's own voice
    location: str | None = None
    asides: tuple[Aside, ...] = ()  # asides read between the subject and its verb
    parent: Candidate | None = None  # the figure this one breaks down ("including 6 children")
    gapped: str | None = None  # the actor of a gapped item ("A reported 25 deaths, B 19": "B"), whose people they are
    gapped_from: Candidate | None = None  # the figure whose verb and outcome a gapped item shares
    listed_with: Candidate | None = None  # the next item of a list of subjects sharing one verb ("64 soldiers, 13 ...")
    totals: Candidate | None = None  # the figure a running total goes on from ("12 killed, bringing the total to 40")
    for_side: bool = False  # a bare figure given for a side ("and 650 on the Armenian side"): the outcome of the figure before


def find_candidates(text: str, sentences: list[Sentence]) -> list[Candidate]:
    """Every candidate claim of ``text``, in text order, overlapping readings of one figure dropped."""
    r = rules()
    out: list[Candidate] = []
    unread: dict[int, Quantity] = {}  # quantities no pattern read: a gapped item may be one
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
        elif q.count is not None:
            unread[q.start] = q
    if unread:
        out = _with_listed_subjects(r, text, out, unread)
    out = _with_breakdowns(r, text, out)
    if unread:
        out = _with_gapped(r, text, out, unread)
    for finder in (_named, _named_list, _single, _single_object, _single_nominal, _zeros):
        for cand in finder(r, text):
            cand.sentence = sentence_at(sentences, cand.ev_start)
            if cand.sentence is not None:
                out.append(cand)
    out.sort(key=lambda c: (c.ev_start, c.q.start))
    return _with_shared_qualifiers(text, _drop_overlaps(out))


_SHARED_GAP = re.compile(r"[^.;:!?\d()]{0,60}?\band\b[^.;:!?\d()]{0,30}|[^.;:!?\d(),]{0,40},\s*")  # "..., and 222", "were killed, 404 wounded"
_CARRIED = frozenset({"at_least", "more_than", "about"})


def _with_shared_qualifiers(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A qualifier before the first of two joined figures applies to the second when it has none of its own
    ("at least 47 killed and 222 injured", "killed at least 13 civilians and wounded 50 others";
    docs/SCHEMA.md). Breakdowns and people without a numeral keep theirs."""
    g = grammar()
    for a, b in zip(cands, cands[1:]):
        qa, qb = a.q, b.q
        if qa.qualifier not in _CARRIED or qb.qualifier != "exact" or qb.count is None or b.parent is not None \
                or a.sentence is not b.sentence or qb.start <= qa.end:
            continue
        figure = text[qb.start:qb.end].strip().lower()
        if not (figure[:1].isdigit() or figure in g.number_words):
            continue  # "a woman", "Names A and B": no numeral of its own
        if _SHARED_GAP.fullmatch(text, qa.end, qb.start):
            low, high = interval(qb.count, qa.qualifier)
            b.q = Quantity(qb.count, None, qa.qualifier, low, high, qb.start, qb.end, qb.vague_word)
    return cands


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    # ``cands`` come by ev_start: a kept span ending before one starts overlaps
    # none after it, so only the open ones are compared (all was quadratic).
    kept: list[Candidate] = []
    figures: set[int] = set()
    open_: list[Candidate] = []
    for c in cands:
        open_ = [k for k in open_ if k.ev_end > c.ev_start]
        if c.q.start in figures or any(k.person_named != c.person_named and k.ev_start < c.ev_end
                                       and k.outcome == c.outcome for k in open_):
            continue
        kept.append(c)
        figures.add(c.q.start)
        open_.append(c)
    return kept


def _outcome(w1: str, w2: str | None, table) -> str:
    """The outcome of one or two coordinated words ("killed and wounded" -> casualties);
    ``table``: a word table or a lookup function."""
    look = table if callable(table) else (lambda w: table[word_key(w)])
    o1 = look(w1)
    if w2 and look(w2) != o1:
        return "casualties"
    return o1


def _with_breakdowns(r: Rules, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Mark or add the numbered breakdowns of each figure: the items of its asides
    ("(two women and one man)") and of an "including ..." list in or right after it."""
    by_start = {c.q.start: c for c in cands}
    added: list[Candidate] = []
    for c in cands:
        if c.parent is not None or c.sentence is None:
            continue
        hi = c.sentence.end
        starts = [a.inner for a in c.asides if a.kind not in ("place", "pp", "part", "age")]
        starts += [p for p in (list_opening(text, m.start(), hi) for m in _LIST_WORD.finditer(text, c.q.end, c.ev_end)) if p]
        after = list_opening(text, c.ev_end, hi)
        if after is not None:
            starts.append(after)
        for pos in starts:
            op = list_opening(text, pos, hi)
            for qm, end in breakdown_items(text, op if op is not None else pos, hi):
                child = _breakdown(r, text, c, qm, end, by_start.get(qm.start()))
                if child is not None and child.q.start not in by_start:
                    by_start[child.q.start] = child
                    added.append(child)
    if not added:
        return cands
    return sorted(cands + added, key=lambda k: (k.ev_start, k.q.start))


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _with_listed_subjects(r: Rules, text: str, cands: list[Candidate], unread: dict[int, Quantity]) -> list[Candidate]:
    """The earlier items of a list of subjects that share one verb: "40 soldiers, 7 reservists and two
    civilians were killed" (each item a count with its person noun, joined by commas or "and", the last
    one read as the subject of the verb). Read back from each subject figure, so the work is linear."""
    by_start = {c.q.start: c for c in cands if c.parent is None and c.ev_start == c.q.start and not c.toll}
    if not by_start:
        return cands
    items = sorted(unread.values(), key=lambda q: q.start, reverse=True)
    added = []
    for q in items:  # from the last: an item may link to one added just before
        sent_end = len(text)
        a = r.obj_after.match(text, q.end, min(sent_end, q.end + 80))
        if not a or not a.group("head") or word_key(a.group("head")) in _ELLIPTICAL:
            continue
        sep = _LIST_SEP.match(text, a.end())
        if sep is None:
            continue
        nxt = by_start.get(sep.end())
        if nxt is None or nxt.sentence is None or not nxt.sentence.start <= q.start < nxt.sentence.end:
            continue
        if not nxt.head or _is_blocked(r, text, q, nxt.sentence.start):
            continue  # the next item must name its people too ("40 soldiers, 7 reservists")
        victim = " ".join(filter(None, [a.group("np"), a.group("head"), a.group("pp")]))
        cand = Candidate(q, nxt.outcome, q.start, a.end(), victim, a.group("head"), elliptical=False, asides=nxt.asides,
                         listed_with=nxt)
        cand.sentence = nxt.sentence
        by_start[q.start] = cand
        added.append(cand)
    if not added:
        return cands
    return sorted(cands + added, key=lambda k: (k.ev_start, k.q.start))


def _with_gapped(r: Rules, text: str, cands: list[Candidate], unread: dict[int, Quantity]) -> list[Candidate]:
    """Gapped items after a figure: "Armenia reported 25 civilian deaths, Azerbaijan 19" (an actor and a
    bare count that no pattern read, sharing the figure's verb, outcome and victims)."""
    added = []
    for c in cands:
        if c.sentence is None or c.parent is not None:
            continue
        pos = c.ev_end
        while True:
            m = r.gapped.match(text, pos, c.sentence.end)
            q = unread.get(m.end()) if m else None
            if q is None or not r.gap_end.match(text, q.end, c.sentence.end):
                break
            g = Candidate(q, c.outcome, m.start("actor"), q.end, c.victim, c.head, c.elliptical, gapped=m.group("actor"),
                          gapped_from=c)
            g.sentence = c.sentence
            added.append(g)
            pos = q.end
        if c.outcome == "captured":
            added.extend(_home_gapped(r, text, c, unread))
    if not added:
        return cands
    return sorted(cands + added, key=lambda k: (k.ev_start, k.q.start))


def _home_gapped(r: Rules, text: str, c: Candidate, unread: dict[int, Quantity]) -> list[Candidate]:
    """"12 captives were handed over to Azerbaijan and 44 to Armenia": the second count, captives of the party
    they went to (``gapped``, with no claimant of its own: the sentence's speaker gave both)."""
    m = r.home_gap.match(text, c.ev_end, c.sentence.end)
    q = unread.get(m.end()) if m else None
    to = r.home_gap_to.match(text, q.end, c.sentence.end) if q is not None else None
    if to is None:
        return []
    g = Candidate(q, c.outcome, q.start, to.end(), c.victim, c.head, c.elliptical, gapped=to.group("actor"))
    g.sentence = c.sentence
    return [g]


_LIST_WORD = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\b|\(", re.IGNORECASE)


def _breakdown(r: Rules, text: str, parent: Candidate, qm: re.Match, end: int, known: Candidate | None) -> Candidate | None:
    """The claim of one breakdown item, with the outcome of ``parent``; ``known``: a candidate read for it already."""
    q = parse_match(qm, text)
    if q is None or q.start == parent.q.start or _is_blocked(r, text, q, parent.sentence.start):
        return None
    words = text[q.end:end]
    if r.non_person.match(text, q.end, end) or (q.vague_word in grammar().needs_noun):
        return None
    if known is not None:
        known.parent, known.outcome = parent, parent.outcome
        return None
    heads = [w.group(0) for w in _WORD.finditer(words) if word_key(w.group(0)) in r.heads]
    head = heads[-1] if heads else None
    cand = Candidate(q, parent.outcome, q.start, end if words.strip() else q.end, (words + " " + parent.victim).strip(), head,
                     elliptical=head is None, parent=parent)
    cand.sentence = parent.sentence
    return cand


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_AGE_BEFORE = re.compile(r"(?-i:[A-Z][a-zà-ÿ’'\-]+),\s*$")
_AGE_AFTER = re.compile(r",")
_AGE_END = re.compile(r"(?:\s*years?(?:\s+old)?)?\s*(?:[,.;)]|$|(?:were|was|are|is|have|has|had|died)\b)", re.IGNORECASE)
_AGE_RANGE_BEFORE = re.compile(r"\bage[ds]?\s+(?P<span>between\s+|from\s+)?\d{1,3}\s*(?:and|to|or|-|–)\s*$", re.IGNORECASE)  # "aged 40 and 52"


def _is_blocked(r: Rules, text: str, q: Quantity, lo: int) -> bool:
    """Ages, dates, years, ids: numbers that are never counts."""
    before = text[max(lo, q.start - 25):q.start]
    if r.non_count_before.search(before):
        return True
    age = _AGE_RANGE_BEFORE.search(before)
    if age is not None and (age.group("span") or _AGE_END.match(text, q.end)):
        return True  # "aged 40 and 52 were killed", "aged between 3 and 12"; not "aged 70 and 12 other civilians"
    if r.month_near[0].search(text[q.end:q.end + 12]) or r.month_near[1].search(before[-12:]):
        return True
    if q.count is not None and before.endswith((",", ", ")) and _AGE_AFTER.match(text, q.end) and _AGE_BEFORE.search(before):
        return True  # an age after a name: "Ramil Aliyev, 45, was killed"
    raw = text[q.start:q.end]
    if q.count is not None and _YEAR.fullmatch(raw.strip()):
        return True  # a year ("in 1994", "born in 1967"); counts of this size carry a comma
    return False


def _match_around(r: Rules, text: str, q: Quantity, sent: Sentence) -> Candidate | None:
    hi = sent.end
    needs_noun = q.vague_word in grammar().needs_noun
    # an object verb with a person noun wins: "killed one civilian and wounded two others"
    # is neither "one civilian and wounded" (noun) nor "... were wounded" (subject)
    obj = None if needs_noun else _object_cand(r, text, q, sent, hi)
    if obj is not None and obj.head:
        return obj
    # "two deaths", "dozens of wounded", "60 civilian deaths", "heavy casualties"
    m = r.noun.match(text, q.end, hi)
    if m and m.group("np").strip().lower().endswith("and") and (_FIGURE_NEXT.match(text, m.end(), hi) or obj is not None):
        m = None  # "killed at least 60 and injured 270", "killed five and wounded dozens": a verb with its own figure
    if m:
        if word_key(m.group("onoun")) == "losses" and r.non_person.match(text, m.end(), hi):
            return None  # "heavy losses in equipment"
        g = grammar()
        if (q.vague_word or "").lower() in g.needs_loss_noun and (m.group("onoun") or "").lower() not in g.loss_nouns:
            return None  # "serious injuries": how one was hurt, not how many
        out = _outcome(m.group("onoun"), m.group("onoun2"), r.outcome_noun)
        died = (out == "wounded" and _DIED_AFTER.match(text, m.end(), hi)) or \
            (out == "captured" and _KILLED_AFTER.match(text, m.end(), hi))
        if died:  # "one of the wounded has died", "four prisoners were executed"
            out = "killed"
        victim = " ".join(filter(None, [m.group("np"), m.group("head2"), m.group("pp")]))
        head = (m.group("head2") or "").split()[-1:] or [None]
        return Candidate(q, out, q.start, died.end() if died else m.end(), victim, head[0], elliptical=head[0] is None,
                         increment=_has_increment(m.group("np")))
    if needs_noun:
        return None
    lo = max(sent.start, q.start - 40)
    among = _AMONG_BEFORE.search(text, lo, q.start) if text.find("mong", lo, q.start) >= 0 else None
    if among is not None:  # "Among the injured are two reporters"
        a = r.obj_after.match(text, q.end, hi)
        if a and a.group("head"):
            return Candidate(q, _AMONG_OUTCOME[among.group("o").lower()], among.start(), a.end(),
                             " ".join(filter(None, [a.group("np"), a.group("head"), a.group("pp")])), a.group("head"),
                             elliptical=word_key(a.group("head")) in _ELLIPTICAL)
    # "19 civilians were killed", "two were wounded", "12 people dead"
    m = r.subject.match(text, q.end, hi)
    last_word = m.group("np").split()[-1:] if m else []
    demonym = bool(last_word) and not m.group("head") and word_key(last_word[0]) in r.neutral
    if m and (m.group("head") or m.group("aux").strip() or not m.group("np").strip() or demonym
              or word_key(m.group("np")) in _MORE_ONLY):  # "hundreds more went missing"
        out = _outcome(m.group("opart"), m.group("opart2"), r.part_outcome)
        victim = " ".join(filter(None, [m.group("np"), m.group("head"), m.group("pp")]))
        head = last_word[0] if demonym else m.group("head")  # "500 Armenians died": the side's people are the head
        return Candidate(q, out, q.start, m.end(), victim, head, elliptical=head is None or word_key(head) in _ELLIPTICAL,
                         increment=_has_increment(m.group("np")))
    cand = _subject_past_asides(r, text, q, hi)
    if cand is not None:
        return cand
    if obj is not None:
        return obj
    # "the fate of 73 people ... is still unknown": people missing
    fate = _FATE_BEFORE.search(text, max(sent.start, q.start - 25), q.start) if text.find("fate", max(sent.start, q.start - 25), q.start) >= 0 else None
    if fate is not None:
        a = r.obj_after.match(text, q.end, hi)
        unknown = _FATE_UNKNOWN.match(text, a.end("head"), hi) if a is not None and a.group("head") else None
        if unknown:
            return Candidate(q, "missing", fate.start(), unknown.end(), " ".join(filter(None, [a.group("np"), a.group("head")])),
                             a.group("head"), elliptical=False)
    # "the death toll ... rose to 12"
    window = text[max(sent.start, q.start - _TOLL_REACH):q.start]
    low = window.lower()
    tb = r.toll_before.search(window) if any(h in low for h in r.toll_hints) else None
    while tb is not None:  # "losses ..., as the death toll ... rose to 230": the toll phrase nearest the figure
        later = r.toll_before.search(window, tb.start("gap") if tb.group("gap") is not None else tb.end())
        if later is None:
            break
        tb = later
    if tb:
        return _toll_cand(r, text, q, hi, window, tb, max(sent.start, q.start - _TOLL_REACH))
    # "... rose to 700 on the Azerbaijani side and 650 on the Armenian side", "over 900 from each side":
    # a bare figure for a side, counting what the figure before it in the sentence counts
    if q.count is not None and any(ch.isdigit() for ch in text[q.start:q.end]):
        side = _FOR_A_SIDE.match(text, q.end, hi)
        if side is not None:
            return Candidate(q, OUTCOME_OF_SAME_SENTENCE, q.start, side.end(), side.group("side"), None, elliptical=True,
                             for_side=True)
    return None


# the side a bare figure is given for: "on the Armenian side", "from each side", "on both sides"
_FOR_A_SIDE = re.compile(r"\s+(?:on|from|for)\s+(?P<side>(?:the\s+)?[A-Z][\w-]*\s+side|each\s+side|both\s+sides)\b(?!\s+of\b)")



# Outcome placeholders a lexicon may give instead of an outcome; rows.py replaces them before a row is made.
OUTCOME_OF_FIGURE_BEFORE = "earlier"  # "six children are among the victims": the outcome of the figure before
OUTCOME_OF_SAME_SENTENCE = "same"  # "bringing the total to 40": the outcome of the figure before, same sentence
OUTCOME_PLACEHOLDERS = frozenset({OUTCOME_OF_FIGURE_BEFORE, OUTCOME_OF_SAME_SENTENCE})

_FIGURE_NEXT = re.compile(r"\s+(?:[a-z]+\s+){0,2}?\d")
_FATE_BEFORE = re.compile(r"\bfate\s+of\s+(?:(?:the|another|some|about|at\s+least|more\s+than|over|nearly)\s+)*$", re.IGNORECASE)
_FATE_UNKNOWN = re.compile(r"[^.;!?\n]{0,90}?\b(?:is|are|remains?|was|were)\s+(?:still\s+|yet\s+)?(?:unknown|unclear|not\s+known)\b",
                           re.IGNORECASE)
_TOLL_REACH = 190  # characters before a figure in which its toll phrase may stand
# "Among the injured are two reporters": the victims after an outcome group and a copula.
_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the\s+|those\s+)?(?P<o>dead|killed|wounded|injured|victims|casualties)\s+"
                           r"(?:are|were|was|is)\s+(?:also\s+)?$", re.IGNORECASE)
_AMONG_OUTCOME = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
                  "victims": OUTCOME_OF_FIGURE_BEFORE, "casualties": "casualties"}
# "one of the wounded has died", "two of the injured later died": the wounded who died are killed.
# "four prisoners were executed", "two hostages were shot dead": captives who were then killed
_KILLED_AFTER = re.compile(r",?\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|later|reportedly|then|also|allegedly)\s+){1,3}"
                           r"(?:killed|executed|shot\s+dead|beheaded|murdered|tortured\s+to\s+death)\b", re.IGNORECASE)
_DIED_AFTER = re.compile(r",?\s+(?:(?:has|have|had|later|since|subsequently|also|then)\s+){0,2}(?:died|succumbed)\b", re.IGNORECASE)
_ASIDE_OPENS = re.compile(r"\s*[(,—–]|\s+-\s|\s+(?:in|at|near|outside|around|from|of|with|who|that|which|aged|including|backed|sent|recruited|"
                          r"transferred|deployed|brought|hired|paid|supported|trained|stationed|based|serving|fighting)\s",
                          re.IGNORECASE)
_MORE_ONLY = frozenset({"more", "others", "more others", "other", "additional", "further"})
_ELLIPTICAL = frozenset({"others", "ones"})  # "32 others", "32 ones": the victims of the figure before
_ACTIVE_PARTS = frozenset({"killed", "wounded", "injured", "hurt", "captured", "martyred", "slain"})


def _aside_starts(np: re.Match) -> tuple[int, ...]:
    """Where asides may open after a victim phrase: its end, or where its phrase after the noun starts when that
    phrase opens with a comma (", including women, children and old people died": the list runs on)."""
    pp = np.group("pp")
    return (np.end(), np.start("pp")) if pp else (np.end(),)


def _subject_past_asides(r: Rules, text: str, q: Quantity, hi: int) -> Candidate | None:
    """"five civilians — four in X and one in Y — have been killed", "2,783 servicemen, who
    fought for ..., were killed", "four fighters who had died": a subject, asides, its verb."""
    np = r.obj_after.match(text, q.end, hi)
    head = np.group("head")
    if not head and np.group("np").strip():
        last = np.group("np").split()[-1]
        if word_key(last) not in r.heads:
            return None
        head = last  # "One civilian, a farmer, was killed": a head word also read as a modifier
    for at in _aside_starts(np):
        if not _ASIDE_OPENS.match(text, at, hi):
            continue  # the cheap test first: no aside or relative word opens here
        pos, asides = skip_asides(text, at, hi)
        if asides and pos > at and text[pos - 1].isspace():
            pos -= 1  # a closing " - " took the space the verb group opens with
        p = r.predicate.match(text, pos, hi)
        if p is not None and (asides or p.group("rel")):
            break
        if asides and asides[0].kind == "relr":  # "two soldiers who were wounded were taken to hospital": the
            p = r.predicate.match(text, at, hi)  # relative clause is itself what happened to them
            if p is not None and p.group("rel"):
                asides = []
                break
    else:
        return None
    if p.group("rel") and not p.group("aux").strip() and word_key(p.group("opart")) in _ACTIVE_PARTS:
        return None  # "soldiers who killed ...": active, not what happened to them
    if not head and not p.group("aux").strip():
        return None
    out = _outcome(p.group("opart"), p.group("opart2"), r.part_outcome)
    victim = " ".join(filter(None, [np.group("np"), head, np.group("pp")]))
    return Candidate(q, out, q.start, p.end(), victim, head, elliptical=head is None or word_key(head) in _ELLIPTICAL,
                     increment=_has_increment(np.group("np")), asides=tuple(asides))


_WAR_WITH = re.compile(r"\b(?:conflict|war|clashes|fighting|battles?|hostilities)\s+(?:with|against)\s+(?:the\s+)?[\w’'-]+",
                       re.IGNORECASE)
_TOLL_MODIFIERS = re.compile(r"(?:[\w’'-]+\s+){0,2}$")  # "the Armenian military death toll"
_VICTIM_RANKS = re.compile(r"\b(?:(?P<among>among)|in|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _toll_cand(r: Rules, text: str, q: Quantity, hi: int, window: str, tb: re.Match, offset: int) -> Candidate | None:
    """"the death toll ... rose to 12", "the number of civilians killed has reached 91"."""
    a = r.obj_after.match(text, q.end, hi)
    head = a.group("head") if a else None
    if not head and not r.follow_ok.match(text, q.end, hi):
        return None
    if tb.group("tpart") or tb.group("tpart0"):
        out = r.part_outcome(tb.group("tpart") or tb.group("tpart0"))
    elif tb.group("tnoun"):  # "the number of civilian deaths"
        out = r.outcome_noun[word_key(tb.group("tnoun"))]
    else:
        out = r.toll[word_key(tb.group("toll"))]  # "same": the outcome of the figure before it ("bringing the total to")
    mods = _TOLL_MODIFIERS.search(window, max(0, tb.start() - 40), tb.start()).group(0)
    mods = r.attacker.sub(lambda m: _attacker_or_victims(r, m, True), mods)
    named = tb.group("tnp") or tb.group("tnp0")
    # "the number of soldiers who died in the conflict with X": X is the opponent, not the victims
    gap = _WAR_WITH.sub(" ", tb.group("gap") or "")
    if " between " not in gap:
        gap = r.attacker.sub(lambda m: _attacker_or_victims(r, m), gap)
    else:  # "the toll in clashes between A and B forces": both parties, not an attacker nor the victims' group
        gap = " ".join(name for name, *_ in lexicons.actors().mentions(gap))
    if head is None and named:
        head = named.split()[-1]  # "the number of mercenaries who were killed": the victims' noun
        victim = " ".join([mods, tb.group("toll")])  # the words after its verb place the deaths, not the victims
        return Candidate(q, out, offset + tb.start(), q.end, victim, head, elliptical=False, toll=True)
    victim = " ".join([mods, tb.group("toll"), gap, head or ""])
    return Candidate(q, out, offset + tb.start(), a.end() if head else q.end, victim, head,
                     elliptical=head is None and not r.group_words.search(victim), toll=True)


def _attacker_or_victims(r: Rules, m: re.Match, before_toll: bool = False) -> str:
    """In a toll's words an actor with an attack word is the attacker ("the toll in the
    Armenian strike"), dropped from the victim words; kept after "among", and with a force
    noun after "in"/"of" or right before the toll ("the toll among Armenian troops", "in the
    Azerbaijani army", "the Armenian military death toll")."""
    force = word_key(m.group("noun")) in r.force_nouns
    before = _VICTIM_RANKS.search(m.string, max(0, m.start() - 12), m.start())
    if (before_toll and force) or before and (before.group("among") or force):
        return m.group(0)
    return " "


_WORD = re.compile(r"[\w’'-]+")
_OPEN_QUOTES = frozenset('"“')
_CLOSE_QUOTES = frozenset('"”')
_ANOTHER = re.compile(r"\banother\s*$", re.I)
_INCREMENT = re.compile(r"\b(?:more|additional|further|new)\b", re.I)


def _object_cand(r: Rules, text: str, q: Quantity, sent: Sentence, hi: int) -> Candidate | None:
    """"killing at least 13", "has injured two", "killed some 30,000 people", 'wounding "many" people'."""
    quoted = q.start > sent.start and text[q.start - 1] in _OPEN_QUOTES and text[q.end:q.end + 1] in _CLOSE_QUOTES
    qs = q.start - 1 if quoted else q.start  # a quantity in scare quotes reads as if unquoted
    before = text[max(sent.start, qs - 60):qs]
    vb = r.obj_before.search(before)
    coord = False
    if not vb and before.endswith(("and ", "as well as ", "along with ", "together with ")):
        before = text[max(sent.start, q.start - 100):q.start]
        vb = r.obj_coord.search(before)
        coord = True
    if not vb:
        return None
    a = r.obj_after.match(text, q.end, hi)
    head = a.group("head") if a else None
    if quoted:
        a = r.obj_after.match(text, q.end + 1, hi)
        head = a.group("head") if a else None
        if not head:
            return None
    if coord and (not head or word_key(head) in _ELLIPTICAL):
        return None
    end = a.end() if a and (head or a.group("pp")) else q.end
    if a and not head:  # "one civilian (and ...)": a head word also read as a modifier
        words = [w for w in _WORD.finditer(text, a.start("np"), a.end("np")) if word_key(w.group(0)) in r.heads]
        if words:
            head, end = words[-1].group(0), words[-1].end()
    verb = word_key(vb.group("verb"))
    if verb in r.lives_verb and (not head or word_key(head) not in ("lives", "life")):
        return None  # "claimed 12 soldiers were killed" is a report, "claimed 12 lives" a toll
    if verb in r.person_verb and not head:
        return None
    if not head and not (r.follow_ok.match(text, end, hi) or (a and a.group("pp") and r.follow_ok.match(text, q.end, hi))):
        return None
    if not head and r.non_person.match(text, q.end, min(hi, q.end + 40)) and not r.follow_ok.match(text, q.end, hi):
        return None
    out = r.object_verb.get(verb) or r.person_verb.get(verb) or r.lives_verb[verb]
    victim = text[q.end:end] if a and end > q.end else ""
    start = max(sent.start, qs - (100 if coord else 60)) + vb.start()
    return Candidate(q, out, start, end, victim, head, elliptical=head is None or word_key(head) in _ELLIPTICAL,
                     increment=bool(_ANOTHER.search(vb.group(0))))


def _has_increment(np: str | None) -> bool:
    return bool(np and _INCREMENT.search(np))


_PASSIVE_WORDS = ("killed", "wounded", "injured", "captured", "prisoner", "martyred", "dead", "hurt", "missing", "slain")
_BARE_WORDS = ("died", "perished", "injur", "wounds", "lives", "life", "hospitali", "martyrs")  # no auxiliary needed ("became martyrs")
_BEFORE = {"was": re.compile(r"\b(?:was|has\s+(?:\w+\s+)?been|had\s+(?:\w+\s+)?been)\s+(?:\w+\s+){0,3}$"),  # "had also been"
           "were": re.compile(r"\b(?:were|have\s+(?:\w+\s+)?been|had\s+(?:\w+\s+)?been|are)\s+(?:\w+\s+){0,3}$")}
_WIDE = 450  # how far before its verb a named list may start
_BARE = frozenset({"bare"})


@lru_cache(maxsize=8)
def _outcome_hits(text: str) -> tuple[tuple[int, int, frozenset], ...]:
    """Each outcome word of ``text`` once: (start, end of its word, kinds), kinds from "was"
    (after was/has been), "were" (after were/have been) and "bare" (no auxiliary needed)."""
    out = []
    for word in _PASSIVE_WORDS + _BARE_WORDS:  # str.find per word: faster than one alternation
        bare = word in _BARE_WORDS
        pos = text.find(word)
        while pos >= 0:
            end = text.find(" ", pos + len(word))
            end = len(text) if end < 0 else end
            kinds = _BARE if bare else frozenset(k for k, pat in _BEFORE.items() if pat.search(text, max(0, pos - 40), pos))
            if kinds:
                out.append((pos, end, kinds))
            pos = text.find(word, end)
    return tuple(sorted(out, key=lambda h: h[0]))


@lru_cache(maxsize=16)
def _windows(text: str, kinds: frozenset, reach: int) -> tuple[tuple[int, int], ...]:
    """Merged windows of ``reach`` characters ending at the outcome words of ``kinds``: where
    count-1 claims (and named lists) can be."""
    out: list[tuple[int, int]] = []
    for pos, end, k in _outcome_hits(text):
        if not k & kinds:
            continue
        lo, hi = max(0, pos - reach), min(len(text), end + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)


def _window_matches(pattern: re.Pattern, text: str, kinds: frozenset, reach: int = 150):
    for lo, hi in _windows(text, kinds, reach):
        yield from pattern.finditer(text, lo, hi)


_WAS, _WAS_OR_BARE, _WERE_OR_BARE = frozenset({"was"}), frozenset({"was", "bare"}), frozenset({"were", "bare"})
_WERE = frozenset({"were"})
_PLURAL_AUX = re.compile(r"(?:were|have|are)\b", re.IGNORECASE)


def _named(r: Rules, text: str):
    """A named person who was killed/wounded: count 1."""
    for m in _window_matches(r.named, text, _WAS):
        name = _without_role(r, m.group("name"))  # "Journalist Sevak Hakobyan": the name after the role
        if len(name.split()) < 2 or _not_a_person(name):
            continue
        out = "captured" if m.group("opart").startswith(("captured", "taken")) else r.part_outcome(m.group("opart"))
        q = Quantity(1, None, "exact", 1.0, 1.0, m.start(), m.start("name") + len(name))
        yield Candidate(q, out, m.start(), m.end(), "", None, elliptical=True, person_named=True)


def _named_list(r: Rules, text: str):
    """People named together with one outcome: one claim counting them ("residents A (born
    1992) and B (born 1977) were injured")."""
    for m in _window_matches(r.named_list, text, _WERE_OR_BARE, _WIDE):
        names = [_without_role(r, n.group(0)) for n in r.name.finditer(m.group("names"))]
        people = [n for n in names if not _not_a_person(n)]
        if len(people) < 2 or len(people) < len(names) - 1:
            continue
        q = Quantity(len(people), None, "exact", float(len(people)), float(len(people)), m.start(), m.end("names"))
        start = max(0, m.start() - 30)
        start = max([start] + [text.rfind(p, start, m.start()) + 1 for p in ".;:!?"])  # not across a sentence end
        roles = [w.group(0) for w in _WORD.finditer(text, start, m.end("names")) if word_key(w.group(0)) in r.heads]
        yield Candidate(q, r.part_outcome(m.group("opart")), m.start(), m.end(), " ".join(roles), None, elliptical=not roles,
                        person_named=True)


def _without_role(r: Rules, name: str) -> str:
    """A name without the person nouns that open it ("Villagers Anna Petrosyan" -> "Anna Petrosyan")."""
    words = name.split()
    while len(words) > 1 and word_key(words[0]) in r.heads:
        words.pop(0)
    return " ".join(words)


_NOT_NAME_OPENERS = frozenset({"the", "a", "an", "this", "that", "it", "he", "she", "they", "there", "one", "his", "her"})


@lru_cache(maxsize=4096)
def _not_a_person(name: str) -> bool:
    """A capitalised run that is not a person: it opens with a determiner or pronoun, or holds a title word, an actor or a place."""
    words = name.split()
    if words[0].lower() in _NOT_NAME_OPENERS:
        return True
    titles = source_words().title_words | source_words().source_nouns
    for w in words:
        if w.lower() in titles or lexicons.actors().mentions(w) or lexicons.gazetteer().find(w):
            return True
    return False


def _single(r: Rules, text: str):
    """"a soldier was killed", "an elderly woman was wounded": count 1 ("a woman and her son were killed": 2)."""
    for m in _single_matches(r, text):
        if not m.group("aux").strip() and word_key(m.group("opart")) in _ACTIVE_PARTS:
            continue  # "a soldier killed two civilians"
        if not m.group("and") and _PLURAL_AUX.match(m.group("aux")):
            continue  # "a soldier's parents were killed" is not one person
        out = r.part_outcome(m.group("opart"))
        # "a woman and her daughter were killed": 2; "his wife, son and mother": 3
        n = 1 + (m.group("list") or "").count(",") + (1 if m.group("and") else 0)
        q = Quantity(n, None, "exact", float(n), float(n), m.start(), m.end("det"))
        yield Candidate(q, out, m.start(), m.end(), m.group(0), m.group("head"), elliptical=False)


def _single_matches(r: Rules, text: str):
    """Matches of rules.single: before "was" and bare outcome words, and before "were" only where
    two people are named together ("a woman and her son were killed": an " and " in the window)."""
    seen = set()
    for m in _window_matches(r.single, text, _WAS_OR_BARE):
        seen.add(m.start())
        yield m
    for lo, hi in _windows(text, _WERE, 150):
        if text.find(" and ", lo, hi) < 0:
            continue
        for m in r.single.finditer(text, lo, hi):
            if m.group("and") and m.start() not in seen:
                yield m


# Stems of the verbs of rules.single_object: the pattern runs only right after one of them, when an
# article follows within a few characters ("killed a", "murder of a").
_OBJECT_STEMS = ("kill", "murder", "execut", "shot dead", "shooting dead", "wound", "injur", "death of")
_OBJECT_REACH = 90  # characters after the verb in which the person object must end
_ARTICLE_NEAR = 24
# Words one of which stands before the person object (" a ", " the ", " his " ...; "another" for "wounding another").
_OBJECT_DETERMINERS = (" a ", " an ", " the ", " his ", " her ", " their ", " another")


def _single_object(r: Rules, text: str):
    """"shelling killed a civilian", "wounding an elderly woman", "the murder of a teenager": count 1
    ("killing a woman and her son": 2)."""
    low = lexicons.lowered(text)
    for stem in _OBJECT_STEMS:
        pos = low.find(stem)
        while pos >= 0:
            near = pos + _ARTICLE_NEAR
            if any(low.find(det, pos, near) >= 0 for det in _OBJECT_DETERMINERS):  # the cheap test first
                m = r.single_object.match(text, pos, min(len(text), pos + _OBJECT_REACH))
                if m is not None:
                    out = r.single_object_verb[word_key(m.group("verb"))]
                    n = 2 if m.group("and") else 1
                    det = "det" if m.group("det") else "more"
                    q = Quantity(n, None, "exact", float(n), float(n), m.start(det), m.end(det))
                    yield Candidate(q, out, m.start(), m.end(), text[m.start(det):m.end()], m.group("head"),
                                    elliptical=m.group("head") is None)
            pos = low.find(stem, pos + len(stem))


_NOMINAL_STEMS = ("injured ", "wounded ", "slain ")


def _single_nominal(r: Rules, text: str):
    """"the injured pilot", "a wounded soldier": count 1, read only before the outcome words."""
    for stem in _NOMINAL_STEMS:
        pos = text.find(stem)
        while pos >= 0:
            m = r.single_nominal.search(text, max(0, pos - 20), min(len(text), pos + 60))
            if m is not None and m.start("adj") == pos:
                out = "killed" if m.group("adj") == "slain" else "wounded"
                q = Quantity(1, None, "exact", 1.0, 1.0, m.start("det"), m.end("det"))
                yield Candidate(q, out, m.start(), m.end(), m.group(0), m.group("head"), elliptical=False)
            pos = text.find(stem, pos + len(stem))


def _denied(r: Rules, text: str):
    """"did not cause any human damage", "did not claim any lives": read only around " any "."""
    low = lexicons.lowered(text)
    pos = low.find(" any ")
    last = -1
    while pos >= 0:
        m = r.zero_not.search(text, max(last, pos - 40), min(len(text), pos + 60))
        if m is not None and m.start() > last:
            last = m.end()
            q = Quantity(0, None, "exact", 0.0, 0.0, m.start(), m.end("neg"))
            yield Candidate(q, r.zero_noun[word_key(m.group("zn"))], m.start(), m.end(), m.group(0), None, elliptical=True)
        pos = low.find(" any ", pos + 5)


# "no", "nobody", "none" or "without" as a word, on lower-cased text. The word
# start is checked after the first letter, so the engine only stops at n and w.
_ZERO_HINT = re.compile(r"(?:n(?<!\w.)(?:o|obody|one)|w(?<!\w.)ithout)\b")


def _zeros(r: Rules, text: str):
    """"no casualties", "no human losses", "no one was killed", "did not cause any losses": count 0."""
    yield from _denied(r, text)
    if not _ZERO_HINT.search(lexicons.lowered(text)):
        return
    for m in r.zero.finditer(text):
        q = Quantity(0, None, "exact", 0.0, 0.0, m.start(), m.end("neg"))
        yield Candidate(q, r.zero_noun[word_key(m.group("zn"))], m.start(), m.end(), m.group(0), None, elliptical=True)
    for m in r.zero_subject.finditer(text):
        q = Quantity(0, None, "exact", 0.0, 0.0, m.start(), m.end("zs"))
        outcome = r.part_outcome(m.group("opart"))
        end = m.end("opart") if m.group("opart2") else m.end()
        yield Candidate(q, outcome, m.start(), end, m.group("zs"), None, elliptical=True)
        second = r.part_outcome(m.group("opart2")) if m.group("opart2") else None
        if second is not None and second != outcome:  # "no one was wounded or killed": a zero of each outcome
            q2 = Quantity(0, None, "exact", 0.0, 0.0, m.start("opart2"), m.end("opart2"))
            yield Candidate(q2, second, m.start(), m.end(), m.group("zs"), None, elliptical=True)
