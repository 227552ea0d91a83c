"""The words sources are made of: ``lexicons/attribution.yaml`` compiled once, and the word tests on it.

Used by the attribution finder (:mod:`analysis.nlp.attribution`), the side of a
source (:mod:`analysis.nlp.source_side`) and the claim extractor (a title word
is not a victim's name): which words may stand in a source phrase, the personal
name at the end of one ("... Defender Artak Beglaryan"), its head noun ("the
ministry") and the phrase as a source is written in the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from analysis.core.config import LEXICON_DIR
from analysis.lexicons import load as lexicons

ATTRIBUTION_LEXICON = LEXICON_DIR / "attribution.yaml"


@dataclass(frozen=True)
class SourceWords:
    """The word lists of ``attribution.yaml`` (lower case) and the patterns built from them."""

    say_verbs: frozenset
    contact_verbs: frozenset
    statement_nouns: frozenset
    title_words: frozenset
    source_nouns: frozenset
    pronouns: frozenset
    stop_words: frozenset
    adverbs: frozenset
    media_nouns: frozenset  # a medium as a source ("a news website", "local media"): third_party unless it has a side
    verb_pattern: re.Pattern  # a verb of saying (group verb), of contact (contact) or "according to" (acc)
    statement_by: re.Pattern  # "a statement (released) by X", on lower-cased text
    statement_of: re.Pattern  # "X's statement", on lower-cased text


# "Trend reports referring to the ministry", "the agency reported, citing the ministry": the
# source cited by a reporting verb, read as "according to" (the agency only relays it).
_RELAYED = r"(?:(?<=reports\s)|(?<=reported\s)|(?<=reports,\s)|(?<=reported,\s)|(?<=writes\s)|(?<=wrote,\s))(?:referring\s+to|citing)"


@lru_cache(maxsize=None)
def source_words() -> SourceWords:
    """The attribution word lists, loaded and compiled once per process."""
    try:
        data = yaml.safe_load(ATTRIBUTION_LEXICON.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise lexicons.LexiconError(f"{ATTRIBUTION_LEXICON}: lexicon file not found") from exc
    need = ("say_verbs", "statement_nouns", "title_words", "source_nouns", "pronouns", "stop_words", "adverbs")
    missing = [k for k in need if not data.get(k)]
    if missing:
        raise lexicons.LexiconError(f"{ATTRIBUTION_LEXICON}: missing list(s) {', '.join(missing)}")
    sets = {k: frozenset(str(w).lower() for w in data[k]) for k in need}
    sets["contact_verbs"] = frozenset(str(w).lower() for w in data.get("contact_verbs") or [])
    sets["media_nouns"] = frozenset(str(w).lower() for w in data.get("media_nouns") or [])
    verbs = lexicons.alternation(sets["say_verbs"])
    contact = lexicons.alternation(sets["contact_verbs"]) if sets["contact_verbs"] else r"(?!)"
    nouns = lexicons.alternation(sets["statement_nouns"])
    return SourceWords(
        **sets,
        verb_pattern=re.compile(rf"(?<![\w-])(?:(?P<verb>{verbs})|(?P<contact>{contact})|(?P<acc>[Aa]ccording to|{_RELAYED}))\b"),
        statement_by=re.compile(rf"\b(?:{nouns})\s+(?:(?:released|issued|published|posted|signed|"
                                rf"shared|distributed|circulated)\s+)?(?:by|of)\s+"),
        statement_of=re.compile(rf"[’']s\s+(?:{nouns})\b"),
    )


_POSSESSIVE = re.compile(r"[’']s$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w’'.\-]+")


def bare(word: str) -> str:
    """``word`` lower-cased without a possessive 's or a final dot: the form the word lists hold."""
    return _POSSESSIVE.sub("", word).lower().rstrip(".")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_possessive(word: str) -> bool:
    return bool(_POSSESSIVE.search(word))


@lru_cache(maxsize=65536)
def in_source_phrase(word: str) -> bool:
    """Can ``word`` stand inside a source noun phrase (a capital, a title word, a body, a possessive, an actor)?"""
    w = source_words()
    low = bare(word)
    return (is_capitalised(word) or low in w.title_words or low in w.source_nouns
            or is_possessive(word) or bool(lexicons.actors().mentions(word)))


@lru_cache(maxsize=65536)
def name_in(phrase: str) -> str | None:
    """The personal name at the end of a source phrase, or None.

    "Artsakh Human Right Defender Artak Beglaryan" -> "Artak Beglaryan":
    the trailing run of capitalised words that are neither title words nor
    entries of the actor lexicon of kind country/adjective.
    """
    w = source_words()
    run: list[str] = []
    for tok in reversed(_WORD.findall(phrase)):
        low = bare(tok)
        if not is_capitalised(tok) or low in w.title_words or low in w.source_nouns or is_possessive(tok):
            break
        if lexicons.actors().mentions(tok) and low not in _person_keys():
            break
        run.append(tok)
    if len(run) >= 1 and (len(run) >= 2 or _POSSESSIVE.sub("", run[0]).lower() in _person_keys()):
        return " ".join(reversed(run))
    return None


@lru_cache(maxsize=None)
def _person_keys() -> frozenset:
    """Every person of the actor lexicon, whole and word by word, lower case."""
    frame = lexicons.actors().frame
    persons = frame[frame.get("kind", "") == "person"]["name"] if "kind" in frame else []
    keys = set()
    for n in persons:
        keys.add(n.lower())
        keys.update(p.lower() for p in n.split())
    return frozenset(keys)


def head_noun(phrase: str) -> str | None:
    """The last source noun of ``phrase`` ("ministry" in "the Armenian Foreign Ministry"), or None."""
    w = source_words()
    for tok in reversed(_WORD.findall(phrase)):
        low = bare(tok)
        if low in w.source_nouns:
            return low
    return None


def clean_source(phrase: str) -> str:
    """A source phrase as the tables write it: no leading article, no trailing statement noun or connector."""
    w = source_words()
    phrase = phrase.strip(" ,–—")
    phrase = _ARTICLE.sub("", phrase)
    words = phrase.split()
    while words and bare(words[-1]) in w.statement_nouns and len(words) > 1:
        words.pop()
    while words and words[-1].lower() in ("in", "of", "the", "and", "for"):
        words.pop()
    return " ".join(words)
