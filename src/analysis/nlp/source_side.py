"""The side a source speaks for: the one rule claims and framing share.

From the source phrase itself (a person's lexicon entry, an actor or a place in
the title or body), else from the article around it (the region named before
"the region's ombudsman", the earlier source with the same head noun).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from analysis.core.values import PARTIES
from analysis.lexicons import load as lexicons
from analysis.nlp.source_words import head_noun, name_in, source_words

# A source located in a place speaks for the side holding it in 2020
# ("a Ganja resident"); disputed places were held by the Armenian side.
PLACE_COUNTRY_SIDE = {"armenia": "armenian", "azerbaijan": "azerbaijani", "disputed": "armenian"}

# Bodies of a state: named without their country, they are the country of the article's other sources.
_STATE_BODIES = frozenset({"ministry", "office", "prosecutor", "government", "authorities", "presidency",
                           "administration", "committee", "service", "department", "army", "command", "headquarters"})

_REGION_WORDS = re.compile(r"\b(?:the\s+)?(?:region|republic|enclave)[’']s\b|\bregional\b|\blocal\b"
                           r"|\bof\s+the\s+(?:(?:separatist|breakaway|self-proclaimed|unrecognised|unrecognized|disputed)\s+)?"
                           r"(?:region|republic|enclave)\b", re.IGNORECASE)  # "the ombudsman of the separatist region"


def source_side(
    phrase: str,
    text: str = "",
    at: int = 0,
    previous: Sequence = (),
) -> str | None:
    """The side a source speaks for.

    1. The person's own lexicon entry, else the first actor in the title or
       body ("Artsakh presidential spokesperson X", "Officials in Baku").
    2. "the region's ombudsman", "local officials": the side of the last
       region (gazetteer kind ``region``) named in ``text`` before ``at``.
    3. A bare body ("the ministry", "Foreign Ministry"): the side of the last
       earlier source with the same head noun (``previous``: the article's
       :class:`~analysis.nlp.attribution.Attribution` s so far), else None.
    """
    own = side_in_phrase(phrase)
    if own is not None:
        return own
    return _side_from_context(phrase, text, at, previous)


@lru_cache(maxsize=65536)
def side_in_phrase(phrase: str) -> str | None:
    """The side the words of ``phrase`` name (a person's entry, an actor, a place), or None."""
    found = lexicons.actors().mentions(phrase)
    if found:
        name = name_in(phrase)
        if name:
            own = lexicons.actors().side_of(name)
            if own:
                return own
        return found[0][1]
    places = lexicons.gazetteer().find(phrase)
    if places:
        country = lexicons.gazetteer().country.get(places[0].place)
        side = PLACE_COUNTRY_SIDE.get(country or "")
        if side:
            return side
    return None


_HEAD_REACH = 30  # earlier uses of a head noun looked at for the actor named before it
_PREVIOUS_REACH = 200  # earlier attributions compared with a new one: more than any news article has, and a bound
# on a page of endless "X said" (each source compared with every earlier one was quadratic)


@lru_cache(maxsize=4096)
def _actor_mentions(snippet: str) -> tuple:
    """:meth:`ActorLexicon.mentions` of a short snippet, kept: a repeated phrase asks about the same snippet."""
    return tuple(lexicons.actors().mentions(snippet))


@lru_cache(maxsize=4096)
def _head_of(source: str) -> str | None:
    """:func:`head_noun` of an earlier source, kept: each new source is compared with every one before it."""
    return head_noun(source)


def _side_from_context(phrase: str, text: str, at: int, previous: Sequence) -> str | None:
    if text and _REGION_WORDS.search(phrase):
        regions = [m for m in lexicons.gazetteer().find(text, 0, at)
                   if lexicons.gazetteer().kind.get(m.place) == "region"]
        if regions:
            side = lexicons.actors().side_of(regions[-1].name)
            if side:
                return side
    head = head_noun(phrase)
    if head:
        previous = previous[-_PREVIOUS_REACH:]
        for att in reversed(previous):
            if att.side and _head_of(att.source) == head:
                return att.side
        if head in _STATE_BODIES:  # "the prosecutor general's office" after only Azerbaijani sources
            sides = {att.side for att in previous if att.side in PARTIES}
            if len(sides) == 1:
                return sides.pop()
        if text:  # "The Armenian Foreign Ministry issued ... added the foreign ministry"
            low = lexicons.lowered(text)
            pos, tries = low.rfind(head, 0, at), _HEAD_REACH
            while pos > 0 and tries:  # the nearest earlier uses only: all of them was quadratic on a repeated phrase
                found = _actor_mentions(text[max(0, pos - 40):pos])
                if found and found[-1][1]:
                    return found[-1][1]
                pos, tries = low.rfind(head, 0, pos), tries - 1
        if head in source_words().media_nouns:
            return "third_party"  # "a news website reports": unnamed media are neither party (docs/SCHEMA.md)
    return None
