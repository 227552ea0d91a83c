"""Clause reading for claim candidates: the asides between a subject and its verb, and numbered breakdowns.

A subject and its verb may stand apart: "five civilians — four in X and one in
Y — have been killed", "2,000 soldiers, who fought for the city, were killed",
"three residents (two women and a man) were injured", "12 people in the town
of X were wounded", "14 fighters backed by a foreign state were killed". :func:`skip_asides` steps over such asides and says where
they were; :func:`breakdown_items` reads the numbered items of an aside or of
an "including ..." list, each of which is a claim of its own (``docs/SCHEMA.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.nlp.quantities import grammar

_ASIDE = re.compile(
    r"\s*\((?P<paren>[^()\n]{1,160})\)"  # "(two women and one man)"
    r"|\s*(?:—|–|\s-\s)(?P<dash>[^—–\n]{1,160}?)(?:—|–|\s-\s)"  # "— four in X and one in Y —"
    # "14 civilians, including women, children and old people were killed": a list running to the verb, no comma closing it
    r"|,?\s+(?P<incl>(?:including|among\s+them)\s(?:(?!\b(?:who|which|that|whose|whom)\b)[^;:()\n]){1,100}?)"
    r"(?=,?\s+(?:were|was|have|has|had|are|is)\s)"
    r"|,\s+(?P<rel>(?:who|which|whom|whose|that)\s[^,;:()\n]{1,160}?|(?:including|among\s+them|among\s+whom|of\s+whom|"
    r"mostly|mainly|most\s+of\s+them|all\s+of\s+them|both)\s[^,;:()\n]{1,100}?|[^,;:()\n]{1,100}?),(?=\s)"  # ", who fought ..., "
    # "two soldiers who served in the north were killed": a restrictive relative clause, no commas, up to the verb group
    r"|\s+(?P<relr>(?:who|that)\s[^,;:()\n]{1,100}?)(?=\s+(?:(?:were|was|have|has|had|are|is)\s|(?:later\s+|also\s+)?died\b))"
    r"|\s+(?P<place>(?:in|at|near|outside|around|from)\s+(?:the\s+)?(?:(?:town|city|village|region|district)\s+of\s+)?"
    r"(?-i:[A-Z][\w’'\-]*)(?:\s+(?-i:[A-Z][\w’'\-]*)){0,3})(?=[\s,])"  # "in Martakert"
    r"|\s+(?P<part>(?:backed|sent|recruited|transferred|deployed|brought|hired|paid|supported|trained|stationed|based|"
    r"serving|fighting)\s+(?:by|to|in|from|for|at|on)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"  # "backed by Turkey"
    r"|\s+(?P<age>aged\s+(?:between\s+\d{1,3}\s*(?:-|–|to|and)\s*\d{1,3}|\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3}"
    r"|\s+and\s+\d{1,3}(?=,?\s+(?:were|was|are|is|have|has|had)\b))?)(?:\s+(?:and|or)\s+(?:over|above|older|"
    r"under|younger|below))?),?(?=\s)"  # "300 conscripts aged 20 and above, are dead"; not "aged 70 and 12 others"
    r"|\s+(?P<pp>(?:in|from|of|with|at|near|on|inside)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"  # "in military uniforms"
    r"(?=,|\s+(?:were|was|have|has|had|are|is|being|been|remain|remained)\b)",  # ... right before the verb group
    re.IGNORECASE)
_MAX_ASIDES = 3


@dataclass(frozen=True)
class Aside:
    """One aside between a subject and its verb: its span and its kind (paren, dash, incl, rel, relr, place, part, age, pp)."""

    start: int
    end: int
    kind: str
    inner: int  # where the aside's own words start (after "(", a dash or a comma)


def skip_asides(text: str, pos: int, hi: int) -> tuple[int, list[Aside]]:
    """The position after the asides that start at ``pos`` (at most three, before ``hi``), and the asides."""
    found: list[Aside] = []
    while len(found) < _MAX_ASIDES:
        m = _ASIDE.match(text, pos, hi)
        if m is None:
            break
        kind = m.lastgroup or ""
        found.append(Aside(m.start(), m.end(), kind, m.start(kind)))
        pos = m.end()
    return pos, found


# What opens a list of breakdowns after a figure ("including", "among them", "(", "—").
_LIST_OPEN = re.compile(r",?\s*(?:\(|—|–|\s-\s)?\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
                        r"|\s*\(\s*|\s*(?:—|–)\s*", re.IGNORECASE)
_ITEM_END = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|[;:.()—–]|\s-\s|$)", re.IGNORECASE)
_ITEM_WORDS = re.compile(r"[^,;:.()—–\n]{0,60}?(?=\s*(?:,|\band\b|\bas\s+well\s+as\b|[;:.()—–]|\s-\s|$))", re.IGNORECASE)


def list_opening(text: str, pos: int, hi: int) -> int | None:
    """Where a breakdown list starting at ``pos`` has its first item, or None."""
    m = _LIST_OPEN.match(text, pos, hi)
    return m.end() if m else None


def breakdown_items(text: str, pos: int, hi: int) -> list[tuple[re.Match, int]]:
    """The numbered items of a list from ``pos``: (quantity match, end of the item's words), in order.

    The list goes on while each item is a number ("four in X and one in Y",
    "6 children and 9 women"); it stops at the first item that is not.
    """
    pattern = grammar().pattern
    items = []
    while pos < hi and text[pos].isspace():
        pos += 1
    while pos < hi:
        q = pattern.match(text, pos, hi)
        if q is None:
            break
        words = _ITEM_WORDS.match(text, q.end(), hi)
        end = words.end() if words else q.end()
        items.append((q, end))
        sep = _ITEM_END.match(text, end, hi)
        if sep is None or sep.end() == end or text[end:sep.end()].strip() in ";:.()—–-":
            break
        pos = sep.end()
    return items
