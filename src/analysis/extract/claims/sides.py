"""Whose people the victims of each claim were, and where they were hit.

The claimant, the attacker and the victims are read apart (:mod:`.roles`), and
the victim side comes, in order:

1. from the victims: an actor in the victim phrase ("Armenian soldiers", "on
   both sides"), the owner of the vehicle a crew manned ("a Russian helicopter
   ... killing two crew members": ``other``), the side fighters are said to
   fight for ("Syrian fighters sent to fight for the Azeris"), a side named as the victims' ("On the Azerbaijani side, 12
   servicemen were killed", "the Azerbaijani side has suffered"), "the enemy"
   (the claimant's other side), "our"/"we"/"its" (the claimant's own people;
   a third party's own are ``other``), "... in Azerbaijan";
2. else from the attacker, the other side: an attack word with its actor ("an
   Armenian rocket strike"), an agent ("shot down by Armenians"), a subject
   ("Armenia launched attacks"), never the two parties of "between A and B";
3. else from the place hit (gazetteer; disputed places were held by the
   Armenian side in 2020);
4. a figure of the war or the fighting as a whole ("the fighting has killed
   hundreds") given by no party: ``both``;
5. else the figure before it in the sentence, the claimant's side, the attacker
   or the last figure earlier in the paragraph (for a claim opening its paragraph,
   the attacker or town of the paragraph's last sentence before it).

Nothing comes from the article's majority side: an unknown side stays ``unspecified``.

Location: the place named as where things happened, nearest the claim in its
sentence ("the city" -> the last town named before it), else earlier in the
paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.core.values import OTHER_PARTY, PARTIES
from analysis.extract.claims.candidates import Candidate
from analysis.extract.claims.layout import earlier_in_paragraph, found_before, found_in, is_heading, paragraph_of, previous_sentence
from analysis.extract.claims.roles import RolePatterns, crew_vehicle, fought_for, frame_actor, in_between, role_patterns, sponsor_party
from analysis.extract.claims.rules import Rules, rules, word_key
from analysis.ingest.outlets import outlets
from analysis.lexicons import load as lexicons
from analysis.nlp.sentences import Sentence
from analysis.nlp.source_side import PLACE_COUNTRY_SIDE

_TOWNS = ("city", "town", "village")
_JUST_AND = re.compile(r"\s*,?\s*(?:and|while|with|as\s+well\s+as)?\s*")  # a coordinated item: no clause of its own


def assign_sides_and_places(r: Rules, text: str, sentences: list[Sentence], claims: list[Candidate], atts) -> None:
    """Set ``side`` and ``location`` on every claim (``atts``: the article's attributions)."""
    p = role_patterns()
    decided: list[str | None] = []
    spoken: dict[int, list[tuple[int, int]]] = {}  # per sentence, its attributions' spans (found once: linear)
    for a in atts:
        spoken.setdefault(a.sentence_index, []).append((a.start, a.end))
    last: dict = {}
    memo: dict = {}  # per sentence, what its earlier sentences in the paragraph give (read once, not per claim)
    sides_of: dict[int, str | None] = {}
    party_victims: dict[int, str] = {}  # per sentence, the side of a claim whose victim phrase names its party
    for idx, c in enumerate(claims):
        exclude = spoken.get(c.sentence.index, [])
        pm = _place(r, text, c.sentence, c.q.start, exclude) or _anaphoric_place(r, text, c)
        press = press_side(text, sentences, c)
        if press is not None:  # journalists: their own nationality or none, never the place's or the attacker's
            decided.append(press if press != "unspecified" else None)
            sides_of[id(c)] = decided[-1]
            if decided[-1]:  # "two Russian journalists, one of whom ...": the breakdown goes on with their side
                last[c.sentence.index] = decided[-1]
            c.location = _location(r, text, sentences, c, pm, memo)
            continue
        side = sides_of.get(id(c.totals)) if c.totals is not None and not _actor_side(text[c.ev_start:c.ev_end]) \
            and not r.both.search(text, c.ev_start, c.ev_end) else None  # "..., bringing the toll of both sides to 39"
        before = claims[idx - 1] if idx and claims[idx - 1].sentence.index == c.sentence.index else None
        if side is None and c.elliptical and before is not None and c.sentence.index in last \
                and before.ev_end <= c.ev_start and _JUST_AND.fullmatch(text, before.ev_end, c.q.start) \
                and not _actor_side(text[before.ev_end:c.ev_end]) \
                and not r.both.search(text, c.ev_start, min(c.sentence.end, c.ev_end + 30)):
            side = last[c.sentence.index]  # "an aid worker of X died and two others were hurt"
        if side is None:  # "12 fighters were killed, bringing the total to 230": the same victims' side
            side = _side_in_clause(r, p, text, sentences, c, exclude, pm, party_victims.get(c.sentence.index), last)
        if side is None:
            side = _side_from_neighbours(r, p, text, sentences, c, (), decided, atts, last, memo)
        decided.append(side)
        sides_of[id(c)] = side
        if side in PARTIES and c.victim and _actor_side(c.victim) == side:
            party_victims[c.sentence.index] = side  # "900 Armenian soldiers": a party's dead named in the sentence
        if side:  # the last side decided per sentence and per paragraph, for the claims after (linear)
            last[c.sentence.index] = side
            last[("paragraph", paragraph_of(text, c.ev_start))] = side
        c.location = _location(r, text, sentences, c, pm, memo)
    for c, side in zip(claims, decided):
        c.side = _people_of(side) or "unspecified"  # a third party's people are side other, never "third_party"
    for c in reversed(claims):  # an item of a list of subjects with no side of its own takes the list's
        if c.listed_with is not None and c.side == "unspecified" and not _actor_side(c.victim):
            c.side = c.listed_with.side


def _victims_side(r: Rules, p: RolePatterns, text: str, c: Candidate) -> str | None:
    """The side the victims themselves are given (rule 1 of the module doc)."""
    s, (lo, hi), cside = c.sentence, c.clause, c.claimant_side if c.voice is None else c.voice
    side = _actor_side(c.victim) if c.victim else None
    if side is None and c.person_named:  # "a volunteer from the Azerbaijan Red Crescent, X, was killed"
        side = _actor_side(text[max(lo, s.start, c.ev_start - 60):c.ev_start])
    if side is not None:
        return side
    frames = list(p.victim_frame.finditer(text, s.start, min(max(hi, c.ev_end) + 30, s.end))) \
        if " side" in s.text or "among" in s.text else []
    if frames:  # "On the Azerbaijani side, 12 servicemen were killed": the frame nearest the figure, one in
        inside = [m for m in frames if lo <= m.start() < hi]  # its clause first ("..., while six were killed
        near = min(inside or frames, key=lambda m: abs(m.start() - c.q.start))  # and 26 hurt on the X side")
        side = lexicons.actors().side_of(frame_actor(near))
        if side == "third_party":  # "the toll among the Turkish-backed factions": the party their sponsor backs
            backed = p.sponsored.search(text, near.start(), min(s.end, near.end() + 40))
            party = sponsor_party(p, backed) if backed is not None else None
            if party is not None:
                return lexicons.actors().side_of(party) or side
        return side
    if c.outcome == "captured":
        side = _captives_side(p, text, c)
        if side is not None:
            return side
    for m in r.sufferer.finditer(text, max(s.start, c.ev_start - 80), c.q.end):
        return _people_of(lexicons.actors().side_of(m.group("actor")))  # "the Azerbaijani side has suffered"
    held = r.holder.search(text, max(s.start, c.q.start - 80), c.q.start)
    if held is not None:  # "the Armenian side currently has 1,172 victims"
        return _people_of(lexicons.actors().side_of(held.group("actor")))
    force = _suffering_force(p, text, c)
    if force is not None:  # "Armenian troops fired at ... but suffered heavy losses"
        if c.group == "unspecified":
            c.group = "military"  # the force named as the subject is the victims' group too
        return _people_of(lexicons.actors().side_of(force.group("actor")))
    # the subject of an object figure's verb stands before the claim's clause ("the enemy lost 3 tanks, ... and 80 soldiers")
    subj = max(s.start, min(lo, c.ev_start - _SUBJECT_REACH))
    if cside in PARTIES and found_before(r.enemy, text, subj, c.ev_end, s.end):
        return OTHER_PARTY[cside]  # "the enemy lost 100 servicemen, the ministry in Baku said"
    if r.both.search(text, c.q.end, min(max(hi, c.ev_end) + 20, s.end)) or r.both.search(text, c.ev_start, c.q.start):
        return "both"  # "... dead on both sides", "the dead of both sides number about 900"
    if p.both_reported.search(text, max(s.start, c.q.start - 80), c.q.start):
        return "both"  # "both sides have so far reported 400 deaths"
    if cside in PARTIES and found_before(r.our, text, subj, c.ev_end, s.end):
        return cside
    if cside == "third_party" and (found_before(p.own, text, s.start, c.ev_end, s.end) or found_in(r.third_soil, text, s.start, s.end)):
        return "other"  # "Russia said one of its helicopters was shot down, killing two servicemen"; "on Iranian soil"
    if found_in(r.third_soil, text, s.start, s.end):
        return "other"  # "shells landed in an Iranian village, but no one was hurt": whoever speaks, its people
    inside = r.in_country.match(text, c.ev_end, s.end)
    if inside and text[inside.end():inside.end() + 1] not in ("’", "'"):  # "killing 65 civilians in Azerbaijan",
        return lexicons.actors().side_of(inside.group("actor"))          # not "in Azerbaijan's shelling"
    return None


_CAPTIVES_REACH = 160  # characters after a captured figure in which where they were sent, or who held them, is read


def _captives_side(p: RolePatterns, text: str, c: Candidate) -> str | None:
    """Captives are the people of the party they were sent home to ("were handed over to Azerbaijan",
    "flown to Yerevan"), else the other party of the one that held them ("held hostage by the Armenians")."""
    hi = min(c.sentence.end, c.ev_end + _CAPTIVES_REACH)
    home = p.homecoming.search(text, c.q.start, hi)
    if home is not None:
        side = lexicons.actors().side_of(home.group("actor"))
        if side in PARTIES:
            return side
    held = p.captor.search(text, c.q.start, hi)
    if held is not None:
        side = lexicons.actors().side_of(frame_actor(held))
        if side in PARTIES:
            return OTHER_PARTY[side]
    return None


_SUBJECT_REACH = 30  # characters before a claim's evidence in which the subject of its verb is read
_SUFFER_REACH = 220  # characters before "suffered ..." in which the force that suffered is its subject


def _suffering_force(p: RolePatterns, text: str, c: Candidate) -> re.Match | None:
    """The force that is the subject of a verb of suffering right before the claim, across a clause of its
    own ("Armenian troops fired at the positions but suffered heavy losses", "the Armenian unit pulled
    back, suffering heavy losses"): the last party's force named before the verb in the
    sentence, not where an attack lands ("fired at Armenian forces"), nor a speaker."""
    s = c.sentence
    v = p.suffer_verb.search(text, max(s.start, c.ev_start - 25), c.ev_start)
    if v is None:
        return None
    best = None
    for m in p.force_subject.finditer(text, max(s.start, v.start() - _SUFFER_REACH), v.start()):
        if not _TARGET_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            best = m
    return best


def _side_in_clause(r: Rules, p: RolePatterns, text: str, sentences: list[Sentence], c: Candidate,
                    exclude: list[tuple[int, int]], pm: lexicons.PlaceMention | None,
                    before: str | None = None, last: dict | None = None) -> str | None:
    """The side the claim's own words, clause and sentence give (rules 1-4 of the module doc). ``before``:
    the side a claim before it in the sentence gives its victims by name; one party's there means no war total
    ("claimed the lives of 1,000 Armenian soldiers and dozens of civilians"), nor is one of captives or the
    missing. ``last``: the side last decided in each sentence (a war named only in the sentence before does
    not make a total of both when a figure there was one party's)."""
    one_party = before in PARTIES or c.outcome in ("captured", "missing")  # captives are one party's, never both
    if c.gapped:  # "Armenia reported 25 civilian deaths, Azerbaijan 19": Azerbaijan's
        return lexicons.actors().side_of(c.gapped)
    fought = fought_for(p, text, sentences, c)
    if fought is not None:  # "28 Syrian fighters ... sent to fight for the Azeris"
        side = lexicons.actors().side_of(fought)
        if side in PARTIES:
            return side
    crew = crew_vehicle(p, text, sentences, c)
    if crew is not None and not _actor_side(c.victim):  # "a Russian helicopter was shot down, killing two crew members" ("its pilots": the vehicle's)
        side = lexicons.actors().side_of(crew.group("actor"))
        if side is not None:
            return side if side in PARTIES else "other"
    side = _victims_side(r, p, text, c)
    if side is not None:
        return side
    if c.group == "civilian" and c.parent is None and _IN_REGION.search(text, c.sentence.start, c.sentence.end) \
            and _no_party_in(text, c.sentence.start, c.sentence.end) and not _FIRST_PERSON.search(text, c.sentence.start, c.sentence.end):
        return "armenian"  # "20 civilians were killed ... since the hostilities began in Nagorno-Karabakh": its people
    lo, hi = c.clause
    struck = pm is not None and found_in(r.incident, text, c.sentence.start, c.sentence.end) \
        and PLACE_COUNTRY_SIDE.get(lexicons.gazetteer().country.get(pm.place, "")) in PARTIES \
        and lexicons.gazetteer().kind.get(pm.place) in _TOWNS
    struck = struck or _located(text, c, pm)  # "19 civilians of Stepanakert are dead since the war began"
    own = _FIRST_PERSON.search(text, c.sentence.start, c.sentence.end) is not None  # "our soldiers": one side's
    if hi > lo and not struck and not own and not one_party and c.claimant_side not in PARTIES \
            and _war_in(text, c.sentence.start, c.sentence.end) \
            and not r.own_dead.search(text, c.ev_start, c.ev_end) \
            and _war_in(text, lo, hi) and not r.incident.search(text, lo, hi) \
            and not _attacker_in(r, text, lo, hi, c.q.start, exclude):
        return "both"  # "Troops took the town in 1993; last week, after thousands died in the war, ..." (not one strike)
    atk = _attacker_side(r, text, c.sentence, c.q.start, exclude)
    if atk:
        return OTHER_PARTY[atk]
    target = _target_side(p, text, c.sentence, c.q.start, exclude)
    if target:  # "... killed as a consequence of the shelling of Azerbaijani villages"
        return target
    gaz = lexicons.gazetteer()
    if pm is not None and gaz.kind.get(pm.place) != "region":
        side = PLACE_COUNTRY_SIDE.get(gaz.country.get(pm.place, ""))
        if side:
            return side
    s = c.sentence
    if found_in(p.anaphoric_attack, text, s.start, s.end):  # "the attack killed 21": the attack named before
        atk = _attacker_in(r, text, max(0, s.start - _ANAPHOR_REACH), s.start, s.start, [])
        if atk:
            return OTHER_PARTY[atk]
    if c.claimant_side not in PARTIES and not own and not one_party and _war_total(p, text, sentences, s, last or {}) \
            and not r.own_dead.search(text, c.ev_start, c.ev_end):
        return "both"  # "the fighting has killed hundreds", "hundreds killed in clashes" (not "... became martyrs")
    return None


_IN_PLACE = re.compile(r"\s+(?:in|from|of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)


def _located(text: str, c: Candidate, pm: lexicons.PlaceMention | None) -> bool:
    """The victims are placed in a town of one party's within the claim's own words ("21 civilians in
    Stepanakert", "residents of the town of Tartar"): that town's people, even in a toll of the whole war."""
    if pm is None or not (c.ev_start <= pm.start < c.ev_end) or lexicons.gazetteer().kind.get(pm.place) not in _TOWNS:
        return False
    return PLACE_COUNTRY_SIDE.get(lexicons.gazetteer().country.get(pm.place, "")) in PARTIES \
        and _IN_PLACE.search(text, max(c.ev_start, pm.start - 40), pm.start) is not None


# "in Nagorno-Karabakh", "in the breakaway region of Karabakh": the region as where. Its civilians in 2020 were its
# Armenian population (Azerbaijani civilians were hit outside it); soldiers of both armies fought in it.
_IN_REGION = re.compile(r"\b(?:in|inside|across|throughout)\s+(?:the\s+)?(?:(?:breakaway|disputed|separatist|self-proclaimed|"
                        r"unrecognized|unrecognised|mountainous|ethnic\s+Armenian)\s+)*(?:(?:region|enclave|republic)\s+of\s+)?"
                        r"(?:Nagorn[oy][- ]Karaba(?:kh|gh)|Karaba(?:kh|gh)|Artsakh)\b(?!['’]s|\s+(?:conflict|war|fighting|region's))")
_FIRST_PERSON = re.compile(r"\b(?:[Oo]ur|[Ww]e|us|[Mm]y)\b")  # a speaker's own people: never both parties ("US" is no "us")
_ANAPHOR_REACH = 1500  # characters before the sentence in which "the attack" is looked up


def names_no_party(text: str, c: Candidate) -> bool:
    """A running total with no side decided stands for the war as a whole (``both``, rule 4) when its sentence
    names no party, save the region as where ("To date, at least 500 people have been killed in
    Nagorno-Karabakh", "the latest toll, just below 1,000"); the outlet or a third party gives it (a
    speaker of unknown side may be a party's: "the ombudsman said"); and its victims are no one's own or enemy
    ("martyrs", "our servicemen", "enemy troops"). Captives and the missing are some party's, never both. The
    sentences before it gave no side either (rule 5 comes first). The caller knows the scope."""
    r = rules()
    if c.side != "unspecified" or c.outcome in ("captured", "missing") or c.claimant_side not in ("outlet", "third_party") \
            or c.voice is not None or r.own_dead.search(text, c.ev_start, c.ev_end) \
            or r.enemy.search(text, c.ev_start, c.ev_end) or _FIRST_PERSON.search(text, c.sentence.start, c.sentence.end):
        return False  # "martyrs", "enemy troops", "our soldiers": one side's dead, or the other's
    if found_in(r.incident, text, c.sentence.start, c.sentence.end):
        return False  # "the third attack on civilians took the toll to 59": the toll of attacks on one side
    return _no_party_in(text, c.sentence.start, c.sentence.end)


# The region's name stands for its side's bodies only with one after it ("Nagorno-Karabakh authorities").
_REGION_BODY_AFTER = re.compile(r"(?:['’]s)?\s+(?:authorities|army|armed|defen[cs]e|ministry|officials?|forces|troops|"
                                r"president|leaders?|leadership|ombudsman|human\s+rights|government|side|republic|"
                                r"separatists?|rescuers|emergency|health|interior|state)\b", re.IGNORECASE)


def _no_party_in(text: str, lo: int, hi: int) -> bool:
    gaz = lexicons.gazetteer()
    for name, side, _, end in lexicons.actors().mentions(text[lo:hi]):
        place = gaz.place_of(name)
        where = place is not None and gaz.kind.get(place) == "region" and \
            _REGION_BODY_AFTER.match(text, lo + end) is None
        if side is not None and not where:
            return False
    return True


def _war_total(p: RolePatterns, text: str, sentences: list[Sentence], s: Sentence, last: dict) -> bool:
    """The war or the fighting as a whole is named in the sentence, or in the one before it
    in the paragraph when the sentence names no actor ("Fighting has gone on since September.
    More than 150 people have been killed"), and no figure there was one party's ("A total of 19
    civilians of X have died in the war so far. Another 60 are hurt": X's side, rule 5)."""
    if _war_in(text, s.start, s.end):
        return True  # "the fighting has killed hundreds", "thousands died in a six-week offensive"
    wrapped = _wrapped_before(text, sentences, s)
    for _ in range(_WRAP_LINES):  # hard-wrapped lines: "Fighting in and\naround the region is ... killing scores"
        if wrapped is None:
            break
        if found_in(p.war_event, text, wrapped.start, wrapped.end):
            return True
        wrapped = _wrapped_before(text, sentences, wrapped)
    prev = previous_sentence(text, sentences, s)
    return prev is not None and not _names_an_actor(s.text) and found_in(p.war_event, text, prev.start, prev.end) \
        and last.get(prev.index) not in PARTIES \
        and not _attacker_side(rules(), text, prev, prev.end)  # "During the war, X was shelled by A forces. 29 died": A's attacks


@lru_cache(maxsize=256)
def _names_an_actor(sentence: str) -> bool:
    """Whether a sentence names an actor (looked up once per sentence, not once per figure in it)."""
    return bool(lexicons.actors().mentions(sentence))


@lru_cache(maxsize=512)
def _war_in(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` names the war or the fighting as a whole (searched once per span)."""
    return bool(role_patterns().war_event.search(text, lo, hi) or rules().whole_war.search(text, lo, hi))


_WRAP_ENDS = frozenset(".!?:;\"”’)")
_WRAP_LINES = 4  # wrapped lines read back for the war as the subject


def _wrapped_before(text: str, sentences: list[Sentence], s: Sentence) -> Sentence | None:
    """The line before ``s`` when ``s`` continues it: one newline between them, no final
    punctuation on it, and ``s`` opening in lower case (text wrapped at a fixed width), else None."""
    if not 0 < s.index < len(sentences) or sentences[s.index].start != s.start:
        return None
    prev = sentences[s.index - 1]
    gap = text[prev.end:s.start]
    core = text[prev.start:prev.end].rstrip()
    if gap.count("\n") != 1 or gap.strip() or not core or core[-1] in _WRAP_ENDS or not s.text[:1].islower():
        return None
    return prev


def _side_from_neighbours(r: Rules, p: RolePatterns, text: str, sentences: list[Sentence], c: Candidate,
                          earlier: list[Candidate], decided: list[str | None], atts, last: dict | None = None,
                          memo: dict | None = None) -> str | None:
    """The side from around the claim (rule 5): the sentence's last claim, the claimant, the paragraph.

    ``last``: the last side decided per sentence index and per ``("paragraph", id)``, when the caller keeps it
    (then ``earlier`` and ``decided`` are not read). ``memo``: per article, the attacker named in the sentences
    before each sentence (:func:`_from_previous_sentence`).
    """
    s, cside = c.sentence, c.claimant_side if c.voice is None else c.voice
    if last is not None:
        same = [last[s.index]] if s.index in last else []
    else:
        same = [decided[j] for j, o in enumerate(earlier) if o.sentence.index == s.index and decided[j]]
    if same:
        return same[-1]
    if cside in PARTIES:
        return cside
    return _from_previous_sentence(r, text, sentences, s, earlier, decided, atts, last, memo)


def _from_previous_sentence(r: Rules, text: str, sentences: list[Sentence], s: Sentence, earlier: list[Candidate],
                            decided: list[str | None], atts=(), last: dict | None = None,
                            memo: dict | None = None) -> str | None:
    """An attacker named in an earlier sentence of the paragraph (of a claim opening its paragraph: in the
    paragraph's last sentence before it, :func:`_paragraph_before`), or a town named there as where things
    happened, with its side, nearest first; else the last claim's side there.

    ``memo``: per article; the sentences before ``s`` are read once for all the claims of ``s`` (a page of
    one line has up to :data:`~analysis.extract.claims.layout.PARAGRAPH_REACH` of them for every claim).
    """
    key = ("attacker_before", s.index, s.start)
    if memo is None or key not in memo:
        found = None
        gaz = lexicons.gazetteer()
        for prev in earlier_in_paragraph(text, sentences, s) or _paragraph_before(text, sentences, s):
            speakers = [(a.start, a.end) for a in atts if a.sentence_index == prev.index]
            atk = _attacker_side(r, text, prev, prev.end, speakers)
            if atk:
                found = OTHER_PARTY[atk]
                break
            hit = _place(r, text, prev, prev.end, speakers)  # "Shells hit a church in X. No one was hurt."
            side = PLACE_COUNTRY_SIDE.get(gaz.country.get(hit.place, "")) if hit is not None and \
                gaz.kind.get(hit.place) in _TOWNS else None
            if side:
                found = side
                break
            if found_in(r.third_soil, text, prev.start, prev.end):  # "mortars came into Iranian territory. No one
                found = "other"                                       # was killed."
                break
        if memo is None:
            if found:
                return found
        else:
            memo[key] = found
    if memo is not None and memo[key]:
        return memo[key]
    para = paragraph_of(text, s.start)
    if last is not None:
        return last.get(("paragraph", para))
    for j in range(len(earlier) - 1, -1, -1):
        if decided[j] and paragraph_of(text, earlier[j].ev_start) == para:
            return decided[j]
    return None


_ATTACK = r"(?:attacks?|strikes?|shelling|bombing|bombardment|explosion|blast|raid|assault|rockets?|missiles?|shells?)"
# A sentence that opens a topic or a time of its own: "Meanwhile, ...", "In the wake of the ceasefire, ..." (not
# "After the shelling, ...": an attack named before)
_NEW_TOPIC = re.compile(r"\s*(?:Separately|Meanwhile|Elsewhere|In\s+other\s+news|Also|In\s+a\s+separate"
                        rf"|(?:In\s+the\s+wake\s+of|After|Following|Since|During)\s+(?!(?:the\s+|this\s+|that\s+)?"
                        rf"(?:[\w-]+\s+){{0,2}}?{_ATTACK}\b))\b", re.IGNORECASE)
# "... were wounded in a road accident", "... killed in an air strike": an incident of the sentence's own
_OWN_INCIDENT = re.compile(r"\b(?:in|by)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|shelling|bombing|explosion|blast|"
                           r"raid|accident|ambush|incident|crash|fire)\b", re.IGNORECASE)


def _paragraph_before(text: str, sentences: list[Sentence], s: Sentence) -> list[Sentence]:
    """The last sentence of the paragraph before, for a claim opening its paragraph: bulletins and wires
    write a paragraph a sentence ("Armenian troops shelled Ganja overnight.\n\nRescuers pulled 17 injured
    people from the ruins.")."""
    if s.index == 0 or s.index >= len(sentences) or sentences[s.index].start != s.start:
        return []
    if _NEW_TOPIC.match(text, s.start) or _places_in(text, s.start, s.end) or _OWN_INCIDENT.search(text, s.start, s.end):
        return []  # "Meanwhile, ...", "In Syria, 12 were killed in an air strike": its own place, incident or topic
    prev = sentences[s.index - 1]
    between = text[prev.end:s.start]
    return [prev] if between.count("\n") and not between.strip() and not is_heading(text, prev) else []


_PRESS = frozenset({"journalist", "journalists", "reporter", "reporters", "correspondent", "correspondents", "cameraman",
                    "cameramen", "photographer", "photographers", "photojournalist", "photojournalists"})
_FOREIGN = re.compile(r"\b(?:foreign|international|western)\b", re.IGNORECASE)
# "the two are citizens of France", "both were French nationals", "Three of them were Russian"
_NATIONALITY = re.compile(r"\b(?:are|were|being)\s+(?:both\s+|all\s+|reportedly\s+)?(?:(?:citizens|nationals)\s+of\s+"
                          r"(?:the\s+)?(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|(?P<adj>[A-Z][a-z]+)(?:\s+(?:citizens|nationals))?\b)")
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}")


def press_side(text: str, sentences: list[Sentence], c: Candidate) -> str | None:
    """The side of journalists hit (None when the victims are not the press): their nationality or outlet as
    the text gives it ("two French journalists", "two Le Monde reporters", "... wounded. The two are citizens
    of France", "foreign reporters": ``other``; "Armenian journalists": ``armenian``), else ``unspecified``.
    Reporters go where the fighting is: the place hit and the attacker say nothing of whose they are
    (docs/SCHEMA.md: journalists of mixed or unknown nationality keep side unspecified)."""
    if not c.head or c.head.lower() not in _PRESS:
        return None
    victim = c.victim or ""
    side = _actor_side(victim)
    if side is not None:
        return _people_of(side)
    lexicon = outlets()
    for m in _CAPITALIZED_RUN.finditer(victim):
        words = m.group().split()
        for n in range(len(words), 0, -1):  # "Le Monde", the longest name first
            outlet = lexicon.outlet_for(" ".join(words[:n]))
            if outlet is not None:
                country = lexicon.countries.get(outlet, "")
                party = PLACE_COUNTRY_SIDE.get(country.lower())
                return party if party in PARTIES else ("other" if country else "unspecified")
    if _FOREIGN.search(victim):
        return "other"
    i = c.sentence.index
    for j in (i, i + 1):  # the sentence goes on, or the next one says who they were
        if 0 <= j < len(sentences) and (j == i or sentences[j].start >= c.sentence.end):
            lo = c.ev_end if j == i else sentences[j].start
            for m in _NATIONALITY.finditer(text, lo, sentences[j].end):
                side = lexicons.actors().side_of(m.group("country") or m.group("adj"))
                if side is not None:
                    return _people_of(side)
    return "unspecified"


def _people_of(actor_side: str | None) -> str | None:
    """The victims' side for an actor's side: a party's people are its side, a third party's are ``other``."""
    return "other" if actor_side == "third_party" else actor_side


def _actor_side(phrase: str) -> str | None:
    sides = {s for _, s, _, _ in lexicons.actors().mentions(phrase)}
    if not sides:
        return None
    if "armenian" in sides and "azerbaijani" in sides:
        return "both"
    if sides & set(PARTIES):
        return next(iter(sides & set(PARTIES)))
    return "other"


_TARGET_BEFORE = re.compile(r"\b(?P<prep>on|against|at|in|into|over|toward|towards|of|across|to)\s+(?:the\s+)?$",
                            re.IGNORECASE)


def _is_target(r: Rules, text: str, m: re.Match) -> bool:
    """The actor is where an attack lands ("strikes on Armenian positions") or,
    after "in", the victims' ranks ("losses in the Armenian army"); but "killed
    in Azerbaijani shelling" names the attacker (an attack act, not a force)."""
    t = _TARGET_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if t is None:
        return False
    noun = m.groupdict().get("noun")
    return t.group("prep").lower() != "in" or noun is None or word_key(noun) in r.force_nouns


def _place_struck(text: str, m: re.Match) -> bool:
    """A town named before an attack word without a possessive is where it hit
    ("the Stepanakert shelling"); "Baku's strikes" names the attacker."""
    if "noun" not in m.re.groupindex or text[m.end("actor"):m.end("actor") + 1] in ("’", "'"):
        return False
    gaz = lexicons.gazetteer()
    return any(gaz.kind.get(p.place) in _TOWNS for p in gaz.find(m.group("actor")))


def _attacker_side(r: Rules, text: str, sent: Sentence, pos: int, speakers=()) -> str | None:
    """Side of the attacker named nearest to ``pos`` in the sentence, if any.

    ``speakers``: (start, end) spans of the sentence's sources; a source
    ("the Karabakh army says", "according to the Azerbaijani side") is not an
    attacker, nor are the two parties of "fighting between A and B".
    """
    return _attacker_in(r, text, sent.start, sent.end, pos, speakers)


def _attacker_in(r: Rules, text: str, lo: int, hi: int, pos: int, speakers) -> str | None:
    """:func:`_attacker_side` over ``text[lo:hi]``."""
    best = None
    for start, side in _attackers(text, lo, hi, tuple(speakers)):
        dist = abs(start - pos)
        if best is None or dist < best[0]:
            best = (dist, side)
    return best[1] if best else None


@lru_cache(maxsize=256)
def _attackers(text: str, lo: int, hi: int, speakers: tuple) -> tuple[tuple[int, str], ...]:
    """(offset, side) of every attacker named in ``text[lo:hi]``, found once per span."""
    r, p = rules(), role_patterns()
    span = text[lo:hi]
    skip = list(speakers) + (in_between(p, text, lo, hi) if "between" in span else []) \
        + ([(m.start(), m.end()) for m in p.coordinated.finditer(text, lo, hi) if _two_parties(m)] if " and " in span else []) \
        + ([m.span("actor") for pat in (r.sufferer, r.holding) for m in pat.finditer(text, lo, hi)]  # its victims'
           if r.holds_hint.search(span) else [])
    pats = [r.attacker, r.attacked_by] + ([p.agent] if " by " in span else []) + [p.subject_attacker] \
        + ([p.force_of] if " of " in span else [])
    found = []
    for pat in pats:
        for m in pat.finditer(text, lo, hi):
            if pat is p.force_of and m.group("actor") is None:  # "strikes of the armed forces of X": the agent
                side = lexicons.actors().side_of(m.group("agent"))
                if side in PARTIES and not any(a <= m.start("agent") < b for a, b in skip):
                    found.append((m.start("agent"), side))
                continue
            side = lexicons.actors().side_of(m.group("actor"))
            if side not in PARTIES or any(a <= m.start("actor") < b for a, b in skip):
                continue
            if pat is r.attacker and (_is_target(r, text, m) or _place_struck(text, m)
                                      or _DURATION_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue  # "a six-week Azerbaijani offensive" is the war, not one attack's attacker
            found.append((m.start("actor"), side))
    return tuple(found)


def _two_parties(m: re.Match) -> bool:
    """"Armenian and Azerbaijani forces": two different parties named together (neither is one attacker)."""
    a, b = lexicons.actors().side_of(m.group("a")), lexicons.actors().side_of(m.group("b"))
    return a in PARTIES and b in PARTIES and a != b


def _target_side(p: RolePatterns, text: str, s: Sentence, pos: int, speakers) -> str | None:
    """The party whose people or places an attack in the sentence landed on, nearest ``pos``
    ("heavy shelling of Azerbaijani settlements", "strikes on Armenian positions")."""
    best = None
    for start, actor_start, side in _targets(p.target, text, s.start, s.end):
        if side not in PARTIES or any(a <= actor_start < b for a, b in speakers):
            continue
        dist = abs(start - pos)
        if best is None or dist < best[0]:
            best = (dist, side)
    return best[1] if best else None


@lru_cache(maxsize=256)
def _targets(pattern: re.Pattern, text: str, lo: int, hi: int) -> tuple[tuple[int, int, str | None], ...]:
    """Every attack target of ``text[lo:hi]``: (match start, actor start, actor's side), read once per sentence
    however many figures it holds."""
    return tuple((m.start(), m.start("actor"), lexicons.actors().side_of(m.group("actor")))
                 for m in pattern.finditer(text, lo, hi))


_DURATION_BEFORE = re.compile(r"\b(?:[\w]+-(?:week|day|month)|weeks-long|months-long|month-long|days-long)\s+$", re.IGNORECASE)


def _place(r: Rules, text: str, sent: Sentence, pos: int, exclude: list[tuple[int, int]]) -> lexicons.PlaceMention | None:
    """The place named as where things happened, nearest the claim in its sentence."""
    gaz = lexicons.gazetteer()
    best = None
    for pm in _places_in(text, sent.start, sent.end):
        if any(a <= pm.start < b for a, b in exclude):
            continue
        if not r.locative.search(text[max(sent.start, pm.start - 40):pm.start]) and \
                not r.place_after.match(text, pm.end, sent.end):  # "Martuni village", "the Ganja strike"
            continue
        rank = 0 if gaz.kind.get(pm.place) in _TOWNS else 1
        if pm.start > pos and len(_DASH.findall(text, pos, pm.start)) % 2:  # a paired dash is an aside, not a clause
            rank = 2  # "... killed in Nagorno-Karabakh – a truce broken after clashes in Hadrut": another clause's
        key = (rank, abs(pm.start - pos))
        if best is None or key < best[0]:
            best = (key, pm)
    return best[1] if best else None


_DASH = re.compile(r"[–—]|\s-\s")


@lru_cache(maxsize=256)
def _places_in(text: str, lo: int, hi: int) -> tuple:
    """The gazetteer's places in ``text[lo:hi]``, found once per sentence (claims of a sentence share them)."""
    return tuple(lexicons.gazetteer().find(text, lo, hi))


def _anaphoric_place(r: Rules, text: str, c: Candidate) -> lexicons.PlaceMention | None:
    """"the city" in the claim's clause -> the last town or city named before it."""
    if not found_before(r.anaphor, text, c.sentence.start, c.clause[1], c.sentence.end):
        return None
    gaz = lexicons.gazetteer()
    found = [p for p in gaz.find(text, 0, c.sentence.start) if gaz.kind.get(p.place) in _TOWNS]
    return found[-1] if found else None


def _location(r: Rules, text: str, sentences: list[Sentence], c: Candidate, pm: lexicons.PlaceMention | None,
              memo: dict | None = None) -> str | None:
    """The claim's place as written: ``pm``, else the place named earlier in the paragraph
    ("... attack on Stepanakert. Dozens were wounded"), never a region. ``memo``: per article, the place
    of the sentences before each sentence (read once for all its claims)."""
    if pm is None:
        key = ("place_before", c.sentence.index, c.sentence.start)
        if memo is None or key not in memo:
            for prev in earlier_in_paragraph(text, sentences, c.sentence):
                pm = _place(r, text, prev, prev.end, [])
                if pm is not None:
                    break
            if memo is not None:
                memo[key] = pm
        else:
            pm = memo[key]
        if pm is not None and lexicons.gazetteer().kind.get(pm.place) == "region":
            pm = None
    return pm.name if pm else None
