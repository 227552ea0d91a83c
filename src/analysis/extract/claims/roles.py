"""The roles around a casualty figure beyond the victim phrase: the attacker, a
side named as the victims' ("on the Azerbaijani side"), a toll for both parties
("the fighting has killed hundreds"), the claimant's own people ("our", "its"),
and the claimant of a headline that copies a body figure.

Patterns are compiled once from ``lexicons/roles.yaml`` and the actor lexicon;
:mod:`.sides` applies them in the order of its module docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.core.values import PARTIES
from analysis.extract.claims.candidates import Candidate
from analysis.extract.claims.layout import is_heading
from analysis.lexicons import load as lexicons
from analysis.lexicons.load import alternation as alt
from analysis.nlp.attribution import Attribution, attribution_at
from analysis.nlp.quantities import grammar
from analysis.nlp.sentences import Sentence
from analysis.nlp.source_words import head_noun


@dataclass(frozen=True)
class RolePatterns:
    """The compiled role cues (see ``lexicons/roles.yaml``)."""

    war_event: re.Pattern  # "the fighting", "clashes"
    agent: re.Pattern  # "shot down by | Armenians"
    subject_attacker: re.Pattern  # "Armenia | launched attacks"
    victim_frame: re.Pattern  # "on the Azerbaijani side"
    between: re.Pattern  # "between Armenian and Azerbaijani forces"
    own: re.Pattern  # "our", "its"
    anaphoric_attack: re.Pattern  # "the attack", "the strikes"
    crew: frozenset  # crew words ("crew members", "pilot")
    vehicle: re.Pattern  # "a Russian Mi-24 attack helicopter": an actor and the vehicle it owns
    military_vehicle: frozenset  # vehicles whose crew are military
    fighters: frozenset  # fighter words ("mercenaries") that take the side they fight for
    fight_for: re.Pattern  # "sent to fight for the Azeris"
    sponsored: re.Pattern  # "backed by Turkey": fighters a party's ally sent (group ``sponsor``)
    sponsors: dict  # sponsor as written, lower-cased -> the party it backed
    both_reported: re.Pattern  # "the two sides have reported |": both parties' reports added up, right before a figure
    coordinated: re.Pattern  # "Armenian and Azerbaijani forces": two actors named together (groups a, b)
    target: re.Pattern  # "shelling of | Azerbaijani settlements": the actor an attack lands on
    suffer_verb: re.Pattern  # "suffered", "suffering": a verb of loss before a claim
    force_subject: re.Pattern  # "Armenian troops", "the Azerbaijani army": a party's force
    force_of: re.Pattern  # "the armed forces of Azerbaijan launched", "strikes of the army of Armenia": the attacker
    homecoming: re.Pattern  # "were handed over to | Azerbaijan": where captives were sent home
    captor: re.Pattern  # "held hostage by the Armenians": who held captives (groups actor0, actor1 ...)


def _force_of_pattern(d: dict, party: str, fillers: str) -> re.Pattern:
    """A party's force named with "of" as the attacker: the subject of an attack verb, across an aside
    ("the army of X, using drones at night, launched an attack"; a relative
    clause of several commas, within 200 characters), or the
    agent after an attack word ("the strikes of the armed forces of Azerbaijan")."""
    forces = _phrase(d.get("force_nouns") or ["army"])
    owner = rf"(?:{forces})\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?"
    verbs = _phrase(d["subject_attack_verbs"])
    attacks = _phrase(d.get("target_attacks") or ["shelling"])
    return re.compile(
        rf"\b{owner}(?P<actor>{party})\b(?:,[^.;:]{{1,200}}?,)?(?:\s+(?:{fillers}|intentionally|indiscriminately|"
        rf"repeatedly|continuously))*\s+(?:{verbs})\b"
        rf"|\b(?:{attacks})\s+(?:of|by)\s+(?:the\s+)?{owner}(?P<agent>{party})\b(?!\s+(?:positions?|posts?|units?|trenches|bases?)\b)")


def _phrase(words) -> str:
    return alt([str(w) for w in words]).replace(r"\ ", r"\s+")


def _frames(items, actor: str) -> list[str]:
    """Frames with an ``{actor}`` slot as regex pieces, each actor in its own named group."""
    return [re.escape(str(f)).replace(r"\{actor\}", f"(?P<actor{i}>{actor})").replace(r"\ ", r"\s+")
            for i, f in enumerate(items)]


@lru_cache(maxsize=None)
def role_patterns() -> RolePatterns:
    """The role cues, compiled once."""
    d = lexicons.yaml_lexicon("roles")
    lexicons.require_lists("roles", d, ("war_events", "agent_verbs", "subject_attack_verbs", "victim_side_frames",
                                        "own_words"))
    actor = alt(list(lexicons.actors().frame["name"]))
    frame = lexicons.actors().frame
    kinds = frame["kind"] if "kind" in frame else frame["side"].map(lambda _: "adjective")
    party = alt([n for n, sd, k in zip(frame["name"], frame["side"], kinds)
                 if sd in ("armenian", "azerbaijani") and k in ("adjective", "country")] or ["Armenian", "Azerbaijani"])
    fillers = _phrase(d.get("subject_fillers") or ["forces"])
    frames = _frames(d["victim_side_frames"], actor)
    return RolePatterns(
        war_event=re.compile(rf"\b(?:{_phrase(d['war_events'])})\b(?!\s+(?:{_phrase(d.get('not_war_after') or ['crimes'])})\b)",
                             re.IGNORECASE),
        agent=re.compile(rf"\b(?:{_phrase(d['agent_verbs'])})\s+(?:[\w’'-]+\s+){{0,6}}?by\s+(?:the\s+)?(?P<actor>{actor})\b"),
        subject_attacker=re.compile(rf"\b(?P<actor>{actor})(?:’s|'s)?\s+(?:(?i:{fillers})\s+){{0,3}}"
                                    rf"(?:{_phrase(d['subject_attack_verbs'])})\b"),
        victim_frame=re.compile("|".join(rf"\b{f}\b" for f in frames), re.IGNORECASE),
        between=re.compile(rf"\b(?:{_phrase(d.get('between_words') or ['between'])})\s+(?:the\s+)?"
                           rf"[^,;:.]{{0,60}}?\band\s+(?:the\s+)?(?:{actor})\b(?:\s+(?:armed\s+)?(?:forces|troops|armies|army|sides|militaries|military))?"),
        own=re.compile(rf"\b(?:{_phrase(d['own_words'])})\b", re.IGNORECASE),
        anaphoric_attack=re.compile(rf"\b(?:{_phrase(d.get('anaphoric_attacks') or ['the attack'])})\b", re.IGNORECASE),
        crew=frozenset(str(w).lower() for w in d.get("crew_nouns") or []),
        vehicle=re.compile(rf"\b(?P<actor>{actor})(?:’s|'s)?\s+(?:[\w-]+\s+){{0,3}}?(?P<vehicle>{_phrase(d.get('vehicle_nouns') or ['helicopter'])})\b"),
        military_vehicle=frozenset(str(w).lower() for w in d.get("military_vehicle_nouns") or []),
        fighters=frozenset(str(w).lower() for w in d.get("fighter_nouns") or []),
        fight_for=re.compile("|".join(rf"\b{f}\b" for f in _frames(d.get("fight_for_frames") or ["fight for {actor}"], actor)),
                             re.IGNORECASE),
        sponsored=_sponsor_pattern(d),
        both_reported=re.compile(rf"\b(?:{_phrase(d.get('both_reporters') or ['both sides'])})\s+(?:(?:have|has|had|so\s+far|"
                                 rf"also|jointly|together)\s+)*(?:{_phrase(d.get('report_verbs') or ['reported'])})\s+"
                                 rf"(?:[\w’',-]+\s+){{0,4}}$", re.IGNORECASE),
        sponsors={str(k).lower(): str(v) for k, v in (d.get("sponsors") or {}).items()},
        coordinated=re.compile(rf"\b(?P<a>{party})(?:’s|'s)?\s+(?:and|or|&)\s+(?:the\s+)?(?P<b>{party})\b"),
        target=re.compile(rf"\b(?:{_phrase(d.get('target_attacks') or ['shelling'])})\s+(?:of|on|against|at|targeting|into)\s+"
                          rf"(?:the\s+)?(?:(?:[\w-]+\s+){{0,2}}?)(?P<actor>{party})(?![’'\w-])"
                          rf"(?!\s+(?:{_phrase(d.get('target_blockers') or ['forces'])})\b)", re.IGNORECASE),
        suffer_verb=re.compile(rf"\b(?:{_phrase(d.get('suffer_verbs') or ['suffered'])})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE),
        force_subject=re.compile(rf"\b(?P<actor>{party})(?:’s|'s)?\s+(?:armed\s+)?(?:{_phrase(d.get('force_nouns') or ['army'])})\b"),
        force_of=_force_of_pattern(d, party, fillers),
        homecoming=re.compile(rf"\b(?:{_phrase(d.get('homecoming_verbs') or ['handed over to'])})\s+(?:the\s+)?(?P<actor>{actor})\b"),
        captor=re.compile("|".join(rf"\b{f}\b" for f in _frames(d.get("captor_frames") or ["captured by {actor}"], actor))),
    )


def _sponsor_pattern(d: dict) -> re.Pattern:
    """``sponsor_frames`` with their sponsors (``roles.yaml``); a pattern that never matches when none are listed."""
    names = [str(k) for k in (d.get("sponsors") or {})]
    if not names:
        return re.compile(r"(?!x)x")
    sponsor = alt(names)
    frames = [re.escape(str(f)).replace(r"\{sponsor\}", f"(?P<sponsor{i}>{sponsor})").replace(r"\ ", r"\s+")
              for i, f in enumerate(d.get("sponsor_frames") or [])]
    return re.compile("|".join(rf"\b{f}\b" for f in frames) or r"(?!x)x", re.IGNORECASE)


def crew_vehicle(p: RolePatterns, text: str, sentences: list[Sentence], c: Candidate) -> re.Match | None:
    """For crew victims ("two crew members", "the pilot"): the vehicle named with its actor in the
    claim's sentence, else in the sentence before it ("a Russian helicopter was downed. Two crew
    members were killed"); None for other victims."""
    if not c.head or c.sentence is None:
        return None
    words = c.victim.lower().split()
    if c.head.lower() not in p.crew and " ".join(words[-2:]) not in p.crew:
        return None
    s = c.sentence
    spans = [(s.start, s.end)] + ([(sentences[s.index - 1].start, s.start)] if 0 < s.index < len(sentences) else [])
    for lo, hi in spans:
        found = list(p.vehicle.finditer(text, lo, hi))
        if found:
            return min(found, key=lambda m: abs(m.start() - c.q.start))
    return None


_FIGHT_HINTS = ("fight", "fought", "sent to", "deployed to", "recruited", "on the side of")  # cheap test of fight_for


def fought_for(p: RolePatterns, text: str, sentences: list[Sentence], c: Candidate) -> str | None:
    """For fighter victims ("28 Syrian fighters", or fighters who "suffered heavy losses"): the actor they are
    said to fight for, or whose ally backs them, in the claim's sentence or the sentences on either side of it,
    nearest first; for foreign fighters or mercenaries, else anywhere in the article (said once, figures later).
    None for other victims and for a party's own fighters ("its fighters", "fighters of the Defense Army")."""
    if c.sentence is None:
        return None
    if not c.head or c.head.lower() not in p.fighters:
        if not _fighters_suffered(p, text, c):
            return None
    i = c.sentence.index
    if not 0 <= i < len(sentences) or sentences[i].start != c.sentence.start:
        return None
    named = lexicons.actors().mentions(c.victim)
    if any(side in PARTIES for _, side, _, _ in named) or _OWN_PEOPLE.search(text, c.ev_start, c.ev_end):
        return None  # "fighters of the Defense Army", "12 of its fighters": that party's, whoever backs others
    low = lexicons.lowered(text)
    for j in (i, i - 1, i + 1):
        if 0 <= j < len(sentences):
            a, b = sentences[j].start, sentences[j].end
            if not any(low.find(w, a, b) >= 0 for w in _FIGHT_HINTS):
                continue  # the cheap test first
            m = p.fight_for.search(text, a, b)
            if m is not None:
                return frame_actor(m)
    for j in (i, i - 1, i + 1):  # "Syrian mercenaries backed by Turkey": the party the sponsor backed
        if 0 <= j < len(sentences):
            m = p.sponsored.search(text, sentences[j].start, sentences[j].end)
            if m is not None:
                return sponsor_party(p, m)
    # fighters named without a party ("183 Syrian fighters"), in an article that says once who sent or backs
    # "the Turkish-backed mercenaries": the first such statement before the claim, else the first after it
    if not any(side == "third_party" for _, side, _, _ in named) and (c.head or "").lower() not in _HIRED:
        return None  # only foreign fighters or mercenaries take a sponsor named far from them
    for pattern, actor_of in ((p.fight_for, frame_actor), (p.sponsored, lambda m: sponsor_party(p, m))):
        found = _matches(pattern, text)  # read once per article, however many fighter figures it holds
        m = next((m for m in found if m.end() <= c.ev_start), None) or next((m for m in found if m.start() >= c.ev_end), None)
        if m is not None:
            return actor_of(m)
    return None


@lru_cache(maxsize=64)
def _matches(pattern: re.Pattern, text: str) -> tuple[re.Match, ...]:
    """Every match of ``pattern`` in ``text``, kept for the article's other claims."""
    return tuple(pattern.finditer(text))


_OWN_PEOPLE = re.compile(r"\b(?:its|our|their\s+own)\s+(?:[\w-]+\s+)?(?:fighters?|soldiers|servicemen|troops)\b", re.IGNORECASE)
_HIRED = frozenset({"mercenaries", "mercenary", "jihadists", "jihadist"})


def sponsor_party(p: RolePatterns, m: re.Match) -> str | None:
    """The party (an actor's name) the sponsor a :attr:`RolePatterns.sponsored` match names backs (Turkey: Azerbaijan)."""
    written = next(v for k, v in m.groupdict().items() if v is not None and k.startswith("sponsor"))
    return p.sponsors.get(written.lower())


def _fighters_suffered(p: RolePatterns, text: str, c: Candidate) -> bool:
    """"the Syrian mercenaries suffered heavy losses": fighters are the subject of the verb of suffering
    right before the claim (their losses are theirs, whoever backs them)."""
    s = c.sentence
    v = p.suffer_verb.search(text, max(s.start, c.ev_start - 25), c.ev_start)
    if v is None:
        return False
    words = lexicons.lowered(text)[max(s.start, v.start() - 60):v.start()].split()
    return any(w.strip(",.;:()\"'") in p.fighters for w in words[-4:])


def frame_actor(m: re.Match) -> str:
    """The actor a :attr:`RolePatterns.victim_frame` match names."""
    return next(v for k, v in m.groupdict().items() if v is not None and k.startswith("actor"))


def in_between(p: RolePatterns, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of "between A and B" in ``text[lo:hi]``: the actors there are the two parties, not an attacker."""
    return [(m.start(), m.end()) for m in p.between.finditer(text, lo, hi)]


# Word stems of each outcome, to find the body sentence a headline's figure copies.
_OUTCOME_STEMS = {
    "killed": r"kill|dead|death|died|die|lives|slain|perish",
    "wounded": r"wound|injur|hurt|hospitali",
    "casualties": r"casualt|kill|dead|death|died|wound|injur|victim",
    "missing": r"missing",
    "captured": r"captur|prisoner|pows?\b|detain|hostage",
}
_HEADLINE_REACH = 60  # body sentences searched for the copy of a headline's figure
_OWN_REPORTERS = frozenset({"correspondent", "reporter", "journalist"})


def headline_source(text: str, sentences: list[Sentence], atts, c: Candidate) -> Attribution | None:
    """The claimant of the first body sentence after a headline that gives the headline's figure
    (the same count, as digits or in words, and an outcome word), if that sentence credits anyone."""
    count = c.q.count
    if count is None or c.outcome not in _OUTCOME_STEMS:
        return None
    words = [w for w, v in grammar().number_words.items() if v == count]
    number = re.compile(rf"(?<![\w,.])(?:{alt([f'{count:,}', str(count), *words])})(?![\w,])", re.IGNORECASE)
    stem = re.compile(rf"\b(?:{_OUTCOME_STEMS[c.outcome]})", re.IGNORECASE)
    for sent in sentences[c.sentence.index + 1:c.sentence.index + 1 + _HEADLINE_REACH]:
        m = number.search(text, sent.start, sent.end)
        if m is None or is_heading(text, sent) or not stem.search(text, m.end(), sent.end):
            continue
        return attribution_at(atts, sent.index, m.start())
    return None


def is_own_reporter(source: str) -> bool:
    """A correspondent or reporter: the outlet's own reporting, not a claimant of its own."""
    return head_noun(source) in _OWN_REPORTERS
