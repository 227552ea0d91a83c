"""Sentence spans over normalized article text.

Every extractor (claims, dates, framing) reports character offsets into the
article's normalized text and the sentence a finding came from, so they share
one splitter. It is rule based (no model downloads): a line break always ends
a sentence; ``.``, ``!`` or ``?`` (optionally followed by closing quotes or
brackets) ends one when whitespace and an upper-case letter, digit or opening
quote follow, unless the word before the dot is a known abbreviation
("Oct.", "Gen.", "U.S.") or a single initial.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep rev st
    jr sr no vs etc inc ltd co corp dept est approx fig
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a a.m p.m
    """.split()
)

MAX_SENTENCE = 1000
"""Characters a sentence may hold; longer runs without a boundary are cut (real sentences stay far below)."""

# Footnote markers after the mark stay with the sentence they close ("in all.2 Yet", "killed.[41] The").
# A run of end marks is matched from its first mark only (the look-behind):
# otherwise a page of dots is retried from every dot, quadratic in its length.
_BOUNDARY = re.compile(
    r"""(?<![.!?…])(?P<end>[.!?…]++)(?P<close>["'”’»)\]]*(?:\[\d{1,3}\]|(?<=[a-z][.])\d{1,3})*)(?P<space>[ \t]+)(?=["'“‘«(\[]?[A-Z0-9])""",
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its text and where it sits in the article."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    # Look only at a short window before the dot: searching from 0 made
    # splitting quadratic in the length of the article.
    lo = max(0, dot - 40)
    match = _WORD_BEFORE.search(text, lo, dot)
    if not match or (match.start() == lo and lo > 0 and text[lo - 1].isalpha()):
        return False
    word = match.group(1).rstrip(".").lower()
    if len(word) == 1:  # an initial: "J. Smith"
        return True
    return word in ABBREVIATIONS


def _line_spans(text: str, line_start: int, line_end: int, spans: list[tuple[int, int]]) -> None:
    """Append the untrimmed sentence spans of the line ``text[line_start:line_end]``."""
    cursor = line_start
    for match in _BOUNDARY.finditer(text, line_start, line_end):
        if match.group("end") == "." and _is_abbreviation(text, match.start("end")):
            continue
        cut = match.end("close")
        spans.append((cursor, cut))
        cursor = match.end("space")
    spans.append((cursor, line_end))


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > MAX_SENTENCE:
            _cut(text, start, end, trimmed)
        elif end > start:
            trimmed.append((start, end))
    return trimmed


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` as windows of at most :data:`MAX_SENTENCE` characters, cut at spaces."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(" ", start + MAX_SENTENCE // 2, limit), text.rfind("\t", start + MAX_SENTENCE // 2, limit))
        cut = limit if cut < 0 else cut
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each sentence, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        _line_spans(text, line_start, line_end, spans)
        line_start = line_end + 1
    return _trim(text, spans)


def sentence_span_at(text: str, offset: int) -> tuple[int, int] | None:
    """The ``(start, end)`` of the sentence holding ``offset``, splitting only its line.

    The same span :func:`sentence_spans` gives (a line break always ends a
    sentence, so a line can be split on its own); for callers that need the
    sentence of a few offsets, not every sentence of the text.
    """
    if not 0 <= offset < len(text):
        return None
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    spans = _line_sentences(text, line_start, line_end)
    i = bisect_right(spans, (offset, len(text) + 1)) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None


@lru_cache(maxsize=16)
def _line_sentences(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The trimmed sentence spans of one line, kept for the next offsets asked on it (a long line is split once)."""
    spans: list[tuple[int, int]] = []
    _line_spans(text, line_start, line_end, spans)
    return _trim(text, spans)


def split_sentences(text: str) -> list[Sentence]:
    """Split normalized text into :class:`Sentence` records with offsets."""
    return [
        Sentence(index=i, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(sentence_spans(text))
    ]


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing character ``offset`` (binary search)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
