"""The claim patterns: ``lexicons/claims.yaml`` and the actor lexicon compiled once into :class:`Rules`.

Each field of :class:`Rules` is built by name, by the function for its job:
word tables, the count patterns around a quantity, the count-1 and zero
finders, the filters that keep ages, dates and equipment out, group and scope
cues, and the side and place cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.core.values import PARTIES
from analysis.lexicons import load as lexicons
from analysis.lexicons.load import alternation as alt
from analysis.nlp.quantities import grammar

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def word_key(s: str) -> str:
    """A word or phrase as the word tables hold it: lower case, single spaces."""
    return _SPACES.sub(" ", s.strip().lower())


@dataclass(frozen=True)
class Rules:
    """Every word table and compiled pattern the claim extractor uses (see the builders below)."""

    # word tables (keys: word_key of the word)
    data: dict  # claims.yaml as read
    outcome_part: dict  # participle -> outcome ("killed" -> killed)
    outcome_noun: dict  # noun -> outcome ("deaths" -> killed)
    object_verb: dict  # verb with a count object -> outcome ("killing")
    single_object_verb: dict  # verb with a person object without numeral -> outcome ("killed a civilian")
    person_verb: dict  # verb whose object must be a person noun ("lost")
    lives_verb: dict  # verb whose object must be "lives" ("claimed thousands of lives")
    toll: dict  # toll phrase -> outcome, or "same"
    zero_noun: dict  # noun after "no" -> outcome ("casualties")
    civilian: frozenset
    military: frozenset
    neutral: frozenset
    heads: frozenset  # civilian | military | neutral: every person noun
    force_nouns: frozenset  # attack words that name a force, not an act ("troops")
    toll_hints: tuple  # words one of which a toll window must hold
    collective: frozenset  # person nouns that name a body of people ("army"), never a count of one
    # a count and the words around it
    subject: re.Pattern  # "19 civilians were killed"
    noun: re.Pattern  # "60 civilian deaths"
    obj_before: re.Pattern  # "killing | at least 13"
    obj_coord: re.Pattern  # "lost 12 units ... and | 200 personnel"
    obj_after: re.Pattern  # the victims after an object count
    toll_before: re.Pattern  # "the death toll ... rose to | 12"
    predicate: re.Pattern  # "| (, who) were killed": the verb group of a subject read past asides
    injury: re.Pattern  # "received various injuries": an outcome phrase that is not in the participle table
    # count 1 and count 0
    named: re.Pattern  # "Artak Beglaryan was killed"
    single: re.Pattern  # "a soldier was wounded"
    single_object: re.Pattern  # "shelling killed a civilian", "the murder of a teenager"
    single_nominal: re.Pattern  # "the injured pilot"
    zero: re.Pattern  # "no casualties"
    zero_not: re.Pattern  # "did not cause any human damage"
    named_list: re.Pattern  # "residents A (born 1992) and B were injured"
    name: re.Pattern  # one name in a named list
    zero_subject: re.Pattern  # "no one was killed"
    # numbers that are not counts
    non_count_before: re.Pattern  # "aged 25"
    month_near: tuple  # (a month right after, a month right before)
    follow_ok: re.Pattern  # what may follow a count without a noun
    non_person: re.Pattern  # equipment and units after a count
    # victims' group and scope
    group_words: re.Pattern
    civ_ctx: re.Pattern
    mil_ctx: re.Pattern
    mil_outcome: re.Pattern  # outcome words that name soldiers ("prisoners of war")
    cumulative: re.Pattern
    since_began: re.Pattern
    running: re.Pattern  # a running total in the verb: "have been killed", "are still missing", "remain missing"
    war_subject: re.Pattern  # the war as the subject: "The fighting has killed", "Fighting ... is killing scores"
    incident_day: re.Pattern  # one day's event: "today", "on Monday", "overnight"
    whole_war: re.Pattern  # the war as a whole: "in the Nagorno-Karabakh war", "in six weeks of fighting"
    historical_when: re.Pattern  # "since the 1990s, when ...": the figure belongs to the earlier war
    incident: re.Pattern
    increment_cue: re.Pattern
    historical: re.Pattern
    speculation: re.Pattern
    period: re.Pattern
    # victims' side and place
    attacker: re.Pattern  # "an Armenian rocket strike"
    attacked_by: re.Pattern  # "shelled by Azerbaijani forces"
    sufferer: re.Pattern  # "the Azerbaijani side has suffered"
    holder: re.Pattern  # "the Armenian side currently has" (right before a figure: its victims)
    holding: re.Pattern  # the same, followed by a figure anywhere in a sentence (not an attacker)
    holds_hint: re.Pattern  # a word of suffering or having: where sufferer and holding are worth trying
    enemy: re.Pattern  # "the enemy" as the victims
    in_country: re.Pattern  # "65 civilians in Azerbaijan"
    both: re.Pattern
    our: re.Pattern
    own_dead: re.Pattern  # "martyrs": one side's own dead
    locative: re.Pattern  # "in | Stepanakert"
    place_after: re.Pattern  # "Martuni | village"
    anaphor: re.Pattern  # "the city"
    third_soil: re.Pattern  # "in northwestern Iran", "on Iranian soil": a place in a country not at war
    gapped: re.Pattern  # ", Azerbaijan | 19": an actor opening a gapped item, up to its count
    gap_end: re.Pattern  # what may follow a gapped count (the end of the item)
    home_gap: re.Pattern  # "handed over to Armenia and | 40 to Azerbaijan": a captives' item after where the first went
    home_gap_to: re.Pattern  # "40 | to Azerbaijan": where the item's captives went (group actor)

    def part_outcome(self, words: str) -> str:
        """The outcome of a participle phrase matched by the patterns ("killed", "received injuries")."""
        key = word_key(words)
        if key in self.outcome_part:
            return self.outcome_part[key]
        if self.injury.fullmatch(key):
            return "wounded"
        raise KeyError(words)


@lru_cache(maxsize=None)
def rules() -> Rules:
    """All claim patterns, compiled once from ``lexicons/claims.yaml`` and the actor lexicon."""
    d = lexicons.yaml_lexicon("claims")
    lexicons.require_lists("claims", d, (
        "outcome_participles", "outcome_nouns", "object_verbs", "toll_phrases", "toll_links",
        "civilian_nouns", "military_nouns", "neutral_nouns", "equipment_nouns", "unit_nouns",
        "cumulative_cues", "incident_nouns", "historical_cues", "attack_nouns", "locative_cues"))
    words = _word_tables(d)
    frag = _fragments(d, words)
    return Rules(**words, **_count_patterns(d, words, frag), **_one_and_zero(d, words, frag), **_non_counts(d),
                 **_group_and_scope(d, words), **_side_and_place(d))


def _word_tables(d: dict) -> dict:
    def low(m):
        return {word_key(k): v for k, v in m.items()}

    civ = frozenset(word_key(w) for w in d["civilian_nouns"])
    mil = frozenset(word_key(w) for w in d["military_nouns"])
    neu = frozenset(word_key(w) for w in d["neutral_nouns"])
    return dict(
        data=d, outcome_part=low(d["outcome_participles"]), outcome_noun=low(d["outcome_nouns"]),
        object_verb=low(d["object_verbs"]), single_object_verb=low(d.get("single_object_verbs") or {}),
        person_verb={k: v for k, v in low(d.get("object_verbs_person_only") or {}).items() if v},
        lives_verb=low(d.get("object_verbs_lives") or {}),
        toll=low(d["toll_phrases"]), zero_noun=low(d.get("zero_nouns") or {}),
        civilian=civ, military=mil, neutral=neu, heads=civ | mil | neu,
        force_nouns=frozenset(word_key(w) for w in d.get("attacker_force_nouns") or []),
        toll_hints=tuple(str(w).lower() for w in d.get("toll_hints") or ["toll", "number", "total"]),
        collective=frozenset(word_key(w) for w in d.get("collective_nouns") or []),
    )


@dataclass(frozen=True)
class _Fragments:
    """Regex pieces several patterns share."""

    side: str  # a side's adjective or country, possessive allowed
    head: str  # a person noun
    npmod: str  # a word that may stand before the person noun
    part: str  # an outcome participle
    aux: str  # auxiliaries and adverbs between the victims and the participle
    pp: str  # a phrase after the victims ("on both sides", "from the Ministry", ", including children,")
    free: str  # up to three other words right before a person noun ("pro-government rebel", "village")
    injury: str  # "received various injuries"


def _fragments(d: dict, words: dict) -> _Fragments:
    actors = lexicons.actors().frame
    side_words = list(actors["name"][actors["kind"].isin(["adjective", "country"])]) if "kind" in actors else list(actors["name"])
    side = alt(side_words + [w + "’s" for w in side_words] + [w + "'s" for w in side_words])
    npmod = alt(["more", "other", "additional", "further", "of", "the", "our", "their", "its", "his", "her", "captured",
                 "local", "innocent", "peaceful", "ethnic", "young", "elderly", "unarmed", "civilian",
                 "military", "Armenian-backed", "enemy", "new", "wounded", "injured", "dead", "slain", "killed",
                 "women", "and", "fellow", "foreign", "Syrian", "of them", "among them",
                 "previous", "earlier", "recorded", "confirmed", "registered", "official", "documented",
                 "older", "younger", "elder", "eldest", "youngest", "little", "teenage", "pregnant",
                 "combat", "battlefield", "frontline", "front-line"]) + "|" + side
    aux = alt(["have", "has", "had", "were", "was", "are", "is", "been", "being", "be", "reportedly", "also",
               "so far", "now", "already", "allegedly", "confirmed", "reported", "all", "later", "since then",
               "in total", "altogether", "officially", "just", "found", "left", "feared", "believed", "declared",
               "presumed", "recently", "tragically", "subsequently", "been reported", "said to have been",
               "said to be", "thought to have been", "known to have been", "then", "not", "either"]
              + [str(w) for w in d.get("participle_fillers") or []])
    pp = (rf"(?:\s+(?:on|of|from|in|among)\s+(?:the\s+|both\s+|each\s+|either\s+|their\s+|our\s+|its\s+|his\s+|her\s+)?(?:(?:{side})\s+)?"
          rf"(?:sides?|army|armed\s+forces|forces|military|population|people|troops)\b"
          rf"(?:\s+of\s+the\s+(?:conflict|war|fighting|front(?:\s*line)?|border))?"
          rf"|\s+(?:from|of|with)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s*){{1,4}}(?=\s)"
          rf"|,\s+(?:including|among\s+them|mostly|mainly)\s+[^,;:.]{{1,50}}?(?:,|(?=\s+(?:were|was|are|is|have|has|had)\s)))")
    head = alt(words["heads"])
    stops = alt([str(w) for w in d.get("free_modifier_stops") or ["and"]] + list(d["equipment_nouns"]) + list(d["unit_nouns"]))
    free = rf"(?:(?:\s+(?!(?:{stops})\b)[^\W\d][\w’'-]*){{1,3}}?(?=\s+(?:{head})\b))?"
    injury = (rf"(?:{alt(d.get('injury_verbs') or ['suffered'])})\s+(?:[\w-]+\s+){{0,2}}?"
              rf"(?:{alt(d.get('injury_nouns') or ['injuries'])})")
    part = rf"{alt(words['outcome_part'])}|{injury}"
    return _Fragments(side=side, head=head, npmod=npmod, part=part, aux=aux, pp=pp, free=free, injury=injury)


def _count_patterns(d: dict, words: dict, f: _Fragments) -> dict:
    """The patterns read around a quantity: subject, outcome noun, object and toll."""
    g = grammar()
    num = r"(?:\d[\d,.]*|" + alt(list(g.number_words) + list(g.scale_words) + list(g.vague_words)) + r")"
    coord = rf"\s*,?\s+and\s+(?:{alt(g.qualifiers)}\s+)?{num}\s+(?:(?:{f.npmod})\b\s+)*(?:{f.head})\b"
    outpair = rf"(?P<opart>{f.part})\b(?:\s+(?:and|or|&|and/or)\s+(?P<opart2>{f.part})\b)?"
    noun = alt(words["outcome_noun"])
    adv = r"(?:\s+(?:also|reportedly|allegedly|only|another|a\s+total\s+of|in\s+total|altogether|as\s+many\s+as))?"
    pverb = list(words["person_verb"]) + list(words["lives_verb"])
    return dict(
        subject=re.compile(
            rf"(?P<np>(?:\s+(?:{f.npmod})\b)*{f.free})(?:\s+(?P<head>{f.head})\b(?:\s+{_NAME})?)?(?P<pp>{f.pp})?(?P<coord>{coord})?"
            rf"(?P<aux>(?:,?\s+(?:{f.aux})\b){{0,5}})\s+{outpair}", re.IGNORECASE),
        noun=re.compile(
            rf"(?P<np>(?:\s+(?:{f.npmod})\b)*?)\s+(?P<onoun>{noun})\b(?:\s+(?:and|or|&)\s+(?P<onoun2>{noun})\b)?"
            rf"(?P<head2>\s+(?:(?:{f.npmod})\b\s+)*(?:{f.head})\b)?(?P<pp>{f.pp})?", re.IGNORECASE),
        obj_before=re.compile(rf"\b(?P<verb>{alt(list(words['object_verb']) + list(pverb))}){adv}\s+$", re.IGNORECASE),
        # "lost 12 units of armored vehicles and about 200 personnel": a person object after an equipment one
        # "killed 12 soldiers, as well as 40 civilians": a person object coordinated after another
        obj_coord=re.compile(rf"\b(?P<verb>{alt(list(words['object_verb']) + pverb)})\s+(?:[^,.;:()]{{1,70}}?|(?:[^,.;:()]{{1,30}},\s+){{1,4}}[^,.;:()]{{1,30}}?),?\s+(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+$",
                             re.IGNORECASE),
        obj_after=re.compile(rf"(?P<np>(?:\s+(?:{f.npmod})\b)*{f.free})(?:\s+(?P<head>{f.head})\b)?(?P<pp>{f.pp})?", re.IGNORECASE),
        predicate=re.compile(rf"(?P<rel>,?\s+(?:who|that|which)\b)?(?P<aux>(?:,?\s+(?:{f.aux})\b){{0,5}})\s+{outpair}",
                             re.IGNORECASE),
        injury=re.compile(f.injury, re.IGNORECASE),
        toll_before=re.compile(
            rf"\b(?P<toll>{alt(words['toll'])}"
            # "the number of civilians killed", "the number of mercenaries who were killed"
            rf"|number\s+of\s+(?P<tnp>(?:[\w’'-]+\s+){{0,2}}?(?:{f.head}))\s+(?:(?:who|that)\s+(?:(?:were|was|have|has|had|been|are)\s+){{0,2}})?(?P<tpart>{f.part})"
            # "the total number of perished soldiers"
            rf"|number\s+of\s+(?:the\s+)?(?P<tpart0>{f.part})\s+(?P<tnp0>(?:[\w’'-]+\s+){{0,2}}?(?:{f.head}))"
            rf"|number\s+of\s+(?:[\w’'-]+\s+){{0,2}}?(?P<tnoun>{noun}))\b"
            # the link right before the figure; a dash after the toll ("the number of injured - 404")
            rf"(?:(?P<gap>[^.;!?\n]{{0,130}}?)\b(?:{alt(d['toll_links'])})|\s[-–—])\s+$", re.IGNORECASE),
    )


# A person's name: two or three capitalised words ("Tunar Aliyev").
_NAME = r"(?-i:[A-Z][a-zà-ÿ’'\-]+)(?:\s+(?-i:[A-Z][a-zà-ÿ’'\-]+)){1,2}"
# A name with what may follow it in a list: "(born 1977)", ", 45,"
_NAME_ITEM = rf"{_NAME}(?:\s*\([^()\n]{{1,30}}\)|,\s*\d{{1,3}},)?"


# Plural nouns without a final s: never a person without a numeral ("the injured people").
_PLURAL_HEADS = frozenset({"people", "police", "personnel", "military personnel", "crew", "children", "schoolchildren",
                           "grandchildren", "women", "men", "servicemen", "crewmen", "militiamen", "servicewomen",
                           "kids", "elderly", "souls", "detainees", "relatives", "parents"})  # plurals without an -s of their own
# Demonyms are person nouns after a numeral ("one Armenian was killed"), but after "a" or "the" mostly adjectives
# ("killed the Armenian servicemen"): never a person without a numeral.
_DEMONYM_HEADS = frozenset({"armenian", "azerbaijani", "azeri"})
# "a third serviceman was injured": an ordinal before the person noun.
_ORDINALS = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"


def _one_and_zero(d: dict, words: dict, f: _Fragments) -> dict:
    """Count 1 (a named person, "a soldier") and count 0 ("no casualties", "no one")."""
    title_like = r"(?:[A-Z][a-zà-ÿ’'\-]+)"
    singular = [w for w in words["heads"] if (not w.endswith("s") or w in ("person",)) and w not in words["collective"]
                and w not in _PLURAL_HEADS and w not in _DEMONYM_HEADS] \
        + ["man", "woman", "policeman", "police officer"]
    ordinal_heads = ["second", "third", "fourth", "fifth"]  # "two died and a third was injured": one more person
    # "a", "the", "my", "our" ..., and a possessive after them ("my neighbour's child")
    det = r"(?:[Aa]n?|[Tt]he|[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)(?:\s+[\w-]+(?:’s|'s))?"
    return dict(
        named=re.compile(
            rf"\b(?P<name>{title_like}(?:\s+{title_like}){{1,2}})(?P<app>,\s*[^,.;:“”\"\n]{{1,60}}?,)?\s+(?:was|has\s+been|had\s+been)\s+"
            rf"(?:(?:also|reportedly|tragically|seriously|critically|severely|badly|slightly|lightly|gravely)\s+){{0,2}}"
            rf"(?P<opart>killed|wounded|injured|captured|taken\s+prisoner|fatally\s+wounded|martyred)\b"),
        single=re.compile(
            rf"\b(?P<det>{det})\s+(?:(?:{f.npmod}|{_ORDINALS}|\d+-year-old|[a-z]+-year-old|[a-z]+-[a-z]+)\b\s+){{0,3}}(?P<head>{alt(singular)}"
            rf"|(?<=[Aa]\s)(?:{alt(ordinal_heads)})(?=\s+(?:was|has|had|is|died)\b))"
            # "his wife, son and elderly mother were killed": more people listed before the "and"
            rf"(?:(?P<list>(?:,\s+(?:(?:{det})\s+)?(?:(?:{f.npmod}|\d+-year-old|[a-z]+-year-old)\b\s+){{0,3}}(?:{alt(singular)})\b){{1,5}}),?\s+(?=and\s)|\s+)"
            rf"(?P<and>and\s+(?:(?:{det})\s+)?(?:(?:{f.npmod}|\d+-year-old|[a-z]+-year-old)\b\s+){{0,3}}(?:{alt(singular)})\s+)?"  # "a woman and her son", "a woman and child"
            rf"(?:(?:of|from|in|on|at)\s+(?:the\s+|a\s+|our\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){{1,2}}?)?"  # "our neighbour of the first floor"
            rf"(?P<aux>(?:(?:{f.aux})\s+){{0,3}})(?P<opart>{f.part})\b"),
        # "the injured pilot", "a wounded soldier": a person without a numeral named by the outcome
        single_nominal=re.compile(
            rf"\b(?P<det>[Tt]he|[Aa]n?)\s+(?:(?:seriously|severely|badly|critically|slightly|lightly|gravely)\s+)?"
            rf"(?P<adj>injured|wounded|slain)\s+(?:(?:{f.npmod}|\d+-year-old|[a-z]+-year-old)\b\s+){{0,2}}"
            rf"(?P<head>{alt(singular)})\b(?![’'-])"),
        # "shelling killed a civilian", "the murder of a teenager": a person without a numeral as the object
        single_object=re.compile(
            rf"\b(?P<verb>{alt(words['single_object_verb'])})\s+(?:(?P<det>an?|the|his|her|their|another)\s+"
            rf"(?:(?:{f.npmod}|\d+-year-old|[a-z]+-year-old|[a-z]+-[a-z]+)\b\s+){{0,3}}(?P<head>{alt(singular)})\b(?![’'-])"
            # "killing one and wounding another", "severely injuring a third": one more person, no noun
            rf"|(?P<more>another|an?\s+(?:{alt(ordinal_heads)}))(?=\s*(?:[,.;)]|(?:and|in|at|near|on|when|while|after|during|with)\b|$)))"
            rf"(?P<and>\s+and\s+(?:an?|his|her|their)\s+(?:(?:{f.npmod}|\d+-year-old|[a-z]+-year-old|[a-z]+-[a-z]+)\b\s+){{0,3}}"
            rf"(?:{alt(singular)})\b(?![’'-]))?",  # "killing a woman and her son": two
            re.IGNORECASE),
        zero=re.compile(
            rf"\b(?P<neg>no|without(?:\s+any)?)\s+(?:(?:civilian|military|human|serious|immediate|further|other)\s+){{0,2}}"
            rf"(?P<zn>{alt(words['zero_noun'])})\b(?!\s+(?:{alt(d.get('zero_blockers') or ['figures'])})\b)", re.IGNORECASE),
        # "residents A (born 1992) and B (born 1977) were injured": people named together, one claim counting them
        named_list=re.compile(
            rf"\b(?P<names>{_NAME_ITEM}(?:\s*(?:,|,?\s+and|,?\s+as\s+well\s+as)\s+(?:[\w-]+,?\s+){{0,4}}?{_NAME_ITEM})+)"
            rf"(?:,\s+(?:who|whom)\s[^;:.\n]{{1,220}}?,|,\s+(?:both|all|aged|born)\s[^,;:.\n]{{1,40}},)?"  # ", both in their 60s,", ", born in 1990,"
            rf"\s+(?:(?:were|have\s+been|had\s+been|are|both|all)\s+){{0,2}}"
            rf"(?P<opart>{f.part})\b"),
        name=re.compile(_NAME),
        zero_not=re.compile(
            rf"\b(?P<neg>not|never)\s+(?:{alt(d.get('zero_verbs') or ['cause'])})\s+any\s+(?:[\w-]+\s+(?:or\s+|and\s+)?){{0,3}}?"
            rf"(?P<zn>{alt(words['zero_noun'])})\b", re.IGNORECASE),
        zero_subject=re.compile(
            rf"\b(?P<zs>{alt(d.get('zero_subjects') or ['no one'])})\s+(?:(?:{f.aux})\s+){{0,3}}(?P<opart>{f.part})\b"
            rf"(?:\s+(?:or|and|nor)\s+(?:(?:{f.aux})\s+){{0,2}}(?P<opart2>{f.part})\b)?", re.IGNORECASE),  # "... wounded or killed": two
    )


_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"


def _non_counts(d: dict) -> dict:
    """What keeps ages, dates and equipment from being counts of people."""
    return dict(
        non_count_before=re.compile(rf"(?:^|[\s(])(?:{alt(d.get('non_count_before') or ['aged'])})\s*$", re.IGNORECASE),
        month_near=(re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE), re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)),
        follow_ok=re.compile(
            r"\s*(?:$|[,.;:!?)(–—\-\"”’]|(?:in|at|on|and|or|near|during|when|while|after|as|since|including|among|"
            r"from|with|overnight|yesterday|today|tonight|this|last|earlier|later|inside|across|around|outside|by|"
            r"but|so|according|amid|following|before|between|of\s+them|of\s+whom|more|others|to)\b)", re.IGNORECASE),
        non_person=re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{alt(list(d['equipment_nouns']) + list(d['unit_nouns']))})\b",
                              re.IGNORECASE),
    )


def _group_and_scope(d: dict, words: dict) -> dict:
    """Cues for the victims' group and for the scope of a figure."""
    hist_cues = [str(w) for w in d["historical_cues"]]  # the cheap first-letter test before the look-behinds
    part = alt(words["outcome_part"])
    fillers = alt(["also", "so far", "now", "already", "reportedly", "still", "currently", "presently", "since",
                   "been reported", "considered", "believed", "listed as", "being", "officially", "altogether"])
    war = alt(d.get("war_words") or ["fighting"])
    state = alt(["still", "considered", "believed", "listed as", "currently", "presently", "now", "being"])  # "are still missing"
    return dict(
        running=re.compile(
            rf"\b(?:(?:have|has)\s+(?:(?:{fillers})\s+){{0,3}}(?:been\s+)?(?:{fillers}\s+)?|(?:are|is)\s+(?:(?:{state})\s+){{1,3}}"
            rf"|(?:remain|remains)\s+(?:(?:{fillers})\s+){{0,2}})(?:{part})\b", re.IGNORECASE),
        war_subject=re.compile(rf"\W*(?:(?:the|this|that|a|an|new|latest|recent|current|ongoing|renewed|heavy|intense|six-week|"
                               rf"[\w-]+-day|month-long|weeks-long|[A-Z][\w-]*)\s+){{0,4}}(?:{war})\b", re.IGNORECASE),
        whole_war=re.compile(rf"(?<!prisoners\s)(?<!prisoner\s)\b(?:in|during|throughout|of)\s+(?:the\s+|a\s+|this\s+)?(?:[\w-]+\s+){{0,3}}?(?:war|conflict|hostilities|battles)\b"
                             rf"|\b(?:days|weeks?|months?)\s+of\s+(?:[\w-]+\s+)?(?:fighting|war|hostilities|clashes)\b"
                             rf"|\bduring\s+(?:the|its|their|this)\s+(?:[\w-]+\s+){{0,2}}?(?:operation|campaign|counter-?offensive)\b"
                             rf"|\b(?:[\w]+-(?:week|day|month)|weeks-long|month-long)\s+(?:[\w-]+\s+){{0,2}}(?:war|offensive|fighting|conflict)\b",
                             re.IGNORECASE),
        historical_when=re.compile(r"\b(?:19\d\ds|19\d\d)\s*,\s+when\b"),
                incident_day=re.compile(rf"\b(?:{alt(d.get('incident_day_cues') or ['today'])})\b", re.IGNORECASE),
        group_words=re.compile(rf"\b(?P<w>{alt(words['civilian'] | words['military'])})\b", re.IGNORECASE),
        civ_ctx=re.compile(rf"\b(?:{alt(d.get('civilian_context') or ['in their sleep'])})\b", re.IGNORECASE),
        mil_outcome=re.compile(rf"\b(?:{alt(d.get('military_outcome_nouns') or ['prisoners of war'])})\b", re.IGNORECASE),
                mil_ctx=re.compile(rf"\b(?:{alt(d.get('military_context') or ['among the military'])})\b", re.IGNORECASE),
        cumulative=re.compile(rf"\b(?:{alt(d['cumulative_cues'])})\b", re.IGNORECASE),
        since_began=re.compile(rf"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}(?:{alt(d.get('cumulative_verbs') or ['began'])})\b",
                               re.IGNORECASE),
        incident=re.compile(rf"\b(?:{alt(d['incident_nouns'])})\b", re.IGNORECASE),
        increment_cue=re.compile(rf"\b(?:{alt(d.get('increment_cues') or ['rose by'])})\s+$", re.IGNORECASE),
        historical=re.compile(rf"(?=[{lexicons.first_characters(hist_cues)}])(?<!since\s)(?<!since\sthe\s)(?<!born\s)(?<!born\sin\s)\b(?:{alt(hist_cues)})\b",
                              re.IGNORECASE),
        speculation=re.compile(rf"\b(?:{alt(d.get('speculation_cues') or ['may have'])})\b", re.IGNORECASE),
        period=re.compile(rf"\b(?:{alt(d.get('period_increment_cues') or ['past 24 hours'])})\b", re.IGNORECASE),
    )


def _side_and_place(d: dict) -> dict:
    """Cues for whose people the victims were and where they were hit."""
    actors = lexicons.actors().frame
    actor = alt(list(actors["name"]))
    mods = alt(d.get("attack_modifiers") or ["armed"])
    # a side's name, its force, a verb of having, right before a figure: "the Armenian side currently has 1,172"
    holds = (rf"\b(?P<actor>{actor})(?:’s|'s)?\s+(?:(?i:side|army|forces|troops|military|armed)\s+){{0,2}}"
             rf"(?:(?i:currently|now|so\s+far|already|also|still|reportedly)\s+)?(?i:{alt(d.get('holder_words') or ['has'])})"
             rf"\s+(?:(?i:a\s+total\s+of|at\s+least|more\s+than|over|about|some|nearly|almost|around)\s+)?")
    return dict(
        attacker=re.compile(rf"\b(?P<actor>{actor})(?:’s|'s)?\s+(?:(?i:{mods})\s+){{0,2}}(?P<noun>{alt(d['attack_nouns'])})\b"),
        attacked_by=re.compile(
            rf"\b(?:shelled|bombed|attacked|targeted|hit|struck|fired|launched|carried\s+out|subjected\s+to)\s+(?:[\w-]+\s+){{0,4}}?by\s+(?:the\s+)?(?P<actor>{actor})\b"),
        sufferer=re.compile(
            rf"\b(?P<actor>{actor})(?:’s|'s)?\s+(?:(?i:{mods}|side|army|forces|troops|military|armed|has|have|had|so|far|also|reportedly|again|already|now|thus|just|recently)\s+){{0,4}}"
            rf"(?:{alt(d.get('sufferer_words') or ['suffered'])})\b"),
        holder=re.compile(holds + "$"),
        holding=re.compile(holds + r"(?=\d)"),
        holds_hint=re.compile(rf"\b(?:{alt((d.get('sufferer_words') or ['suffered']) + (d.get('holder_words') or ['has']))})\b",
                              re.IGNORECASE),
        enemy=_enemy_pattern(d),
        in_country=_in_country_pattern(actors),
        both=re.compile(rf"\b(?:{alt(d.get('both_sides_cues') or ['both sides'])})\b", re.IGNORECASE),
        our=re.compile(rf"\b(?:{alt((d.get('own_people_words') or ['our', 'we']) + (d.get('own_dead_words') or []))})\b", re.IGNORECASE),
        own_dead=re.compile(rf"\b(?:{alt(d.get('own_dead_words') or ['martyrs'])})\b", re.IGNORECASE),
        locative=re.compile(rf"\b(?:{alt(d['locative_cues'])})\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}$", re.IGNORECASE),
        place_after=re.compile(rf"\s+(?:settlement|village|town|city|region|district|{alt(d['incident_nouns'])})\b"
                               rf"|,?\s+where\b",  # "from Ganja, where the toll has risen to 10"
                               re.IGNORECASE),
        anaphor=re.compile(r"\bthe\s+(?:city|town|village|settlement)\b", re.IGNORECASE),
        third_soil=_third_soil_pattern(actors),
        gapped=re.compile(rf"\s*(?:,|;)\s*(?:and\s+|while\s+|whereas\s+)?(?:the\s+)?(?P<actor>{_party_names(actors)})"
                          rf"(?:\s+(?:side|army|military|forces))?\s+(?=\S)"),
        gap_end=re.compile(r"\s*(?:$|[.;:)]|,\s|and\s|while\s|whereas\s|according\b|officials\b|respectively\b)", re.IGNORECASE),
        home_gap=re.compile(rf"[^.;:!?]{{0,40}}?\b(?:{alt(lexicons.yaml_lexicon('roles').get('homecoming_verbs') or ['handed over to'])})"
                            rf"\s+(?:the\s+)?(?:{_party_names(actors)})\s*,?\s+and\s+(?=\S)"),
        home_gap_to=re.compile(rf"\s+to\s+(?:the\s+)?(?P<actor>{_party_names(actors)})\b"),
    )


def _third_soil_pattern(actors: pd.DataFrame) -> re.Pattern:
    """"in northwestern Iran", "on Iranian soil": a place in a third country (side ``other`` for its people)."""
    kind = actors["kind"] if "kind" in actors else pd.Series("", index=actors.index)
    third = actors["side"] == "third_party"
    countries = alt(list(actors["name"][third & (kind == "country")]) or ["Iran"])
    adjectives = alt(list(actors["name"][third & (kind == "adjective")]) or ["Iranian"])
    return re.compile(rf"\b(?:in|on|into|inside)\s+(?:the\s+)?(?:(?:north|south|east|west)[\w-]*\s+)?(?:{countries})\b(?![’'])"
                      rf"|\b(?:{adjectives})\s+(?:soil|territory|villages?|border\s+villages?|land|side\s+of\s+the\s+border)\b"
                      # "in Iran's East Azerbaijan province", "in Iran’s border villages"
                      rf"|\b(?:in|on|into|inside)\s+(?:{countries})['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:province|region|district|county|"
                      rf"border\s+(?:area|region|villages?)|villages?)\b")


def _party_names(actors: pd.DataFrame) -> str:
    """The countries and adjectives of the two parties, as an alternation (gapped items name one)."""
    kind = actors["kind"] if "kind" in actors else pd.Series("", index=actors.index)
    names = [n for n, sd, k in zip(actors["name"], actors["side"], kind) if sd in PARTIES and k in ("country", "adjective")]
    return alt(names or ["Armenia", "Azerbaijan"])


def _in_country_pattern(actors: pd.DataFrame) -> re.Pattern:
    """"65 civilians in Azerbaijan": a country of one side right after the victims
    (not a disputed region: "in Karabakh" does not say whose people)."""
    gaz = lexicons.gazetteer()
    kind = actors["kind"] if "kind" in actors else pd.Series("", index=actors.index)
    names = [n for n, sd, k in zip(actors["name"], actors["side"], kind)
             if k == "country" and sd in PARTIES and not gaz.find(n)]
    return re.compile(rf"\s+(?:in|inside|across|throughout)\s+(?P<actor>{alt(names or ['Azerbaijan'])})\b")


def _enemy_pattern(d: dict) -> re.Pattern:
    """"the enemy" as the victims, not as the attacker ("by the enemy", "enemy fire")."""
    force = {word_key(w) for w in d.get("attacker_force_nouns") or []}
    acts = [w for w in d["attack_nouns"] if word_key(w) not in force]
    # The possessive may not be dropped to slip past the check: "the enemy's artillery" is the attacker.
    return re.compile(rf"(?<!\bby\s)(?<!\bby\sthe\s)\b(?:{alt(d.get('enemy_words') or ['enemy'])})(?:[’']s)?(?![\w’'])"
                      rf"(?!\s+(?:{alt(acts)})\b)", re.IGNORECASE)
