"""Where a claim sits in its article: its clause, the sentences before it in its paragraph, a heading line.

The context rules (group, side, place, scope) read these spans; an article's
paragraphs are its lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import load as lexicons
from analysis.nlp.sentences import Sentence

_CLAUSE_MARKS = ",;:()"
_CLAUSE_MARK = re.compile(r"[,;:()]")


def clause(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause around a claim: the sentence cut at , ; : ( ) (dashes kept: appositions)."""
    if start > sent.start:
        mark = max(text.rfind(ch, sent.start, start) for ch in _CLAUSE_MARKS)
        lo = mark + 1 if mark >= 0 else sent.start
    else:
        lo = start
    after = _CLAUSE_MARK.search(text, end, sent.end)
    hi = after.start() if after else max(end, sent.end)
    return lo, hi


@lru_cache(maxsize=256)
def found_in(pattern: re.Pattern, text: str, lo: int, hi: int) -> bool:
    """Whether ``pattern`` matches in ``text[lo:hi]`` (``pattern.search(text, lo, hi)``), searched once per
    pattern and span: the claims of one sentence ask the same about it (``text`` is hashed once, and
    compared by identity on a hit), so a sentence is not scanned again for every figure in it."""
    return pattern.search(text, lo, hi) is not None


@lru_cache(maxsize=256)
def found_in_slice(pattern: re.Pattern, text: str, lo: int, hi: int) -> bool:
    """Whether ``pattern`` matches in the string ``text[lo:hi]`` (a slice: its start is a string start),
    searched once per pattern and span (the claims of one clause ask the same)."""
    return pattern.search(text[lo:hi]) is not None


_END_SENSITIVE = re.compile(r"\$|\\Z|\(\?!|\(\?>|[*+?}]\+|\(\?=(?!\[[^\]\\]*\]\))")
"""What lets a pattern match in ``text[:end]`` but not in the longer text: an end anchor, a negative
lookahead, an atomic group, a possessive quantifier, or a lookahead other than one character class (the
first-letter hints of lexicon alternations, ``(?=[abc])``, read a character, so they never succeed at the
end of the string). Read conservatively: ``\\$`` and ``\\++`` count too."""


@lru_cache(maxsize=256)
def _end_sensitive(pattern: re.Pattern) -> bool:
    return bool(_END_SENSITIVE.search(pattern.pattern))


def found_before(pattern: re.Pattern, text: str, lo: int, end: int, hi: int) -> bool:
    """``pattern.search(text, lo, end) is not None``, exactly, for a span ``lo:end`` inside the sentence
    ``lo:hi``: when the pattern matches nowhere in the whole sentence (searched once, :func:`found_in`), no
    part of it is searched again. That holds unless the match could read the end of the string at ``end``:
    a pattern with an end anchor or a lookahead (:data:`_END_SENSITIVE`), or a ``\\b`` between two word
    characters at ``end``, is always searched. So a sentence with many figures is not scanned from its
    start once for every figure."""
    if lo <= end <= hi and not _end_sensitive(pattern) and not found_in(pattern, text, lo, hi):
        inside_word = 0 < end < len(text) and _word_char(text[end - 1]) and _word_char(text[end])
        if not (inside_word and "\\b" in pattern.pattern):
            return False
    return pattern.search(text, lo, end) is not None


def _word_char(ch: str) -> bool:
    """A character ``\\w`` may match (Unicode; wider than ``re.ASCII``'s, which is the safe side here)."""
    return ch.isalnum() or ch == "_"


def paragraph_of(text: str, pos: int) -> int:
    """An id of the paragraph (line) holding ``pos``: the offset of the newline before it, or -1."""
    return text.rfind("\n", 0, pos)


PARAGRAPH_REACH = 20
"""Sentences before a claim's that its rules read: a bound on a page with no line breaks, far above a real paragraph."""


# A paragraph that opens with one of these goes on from the one before ("... shelled the village.\n\nAs a result,
# five civilians were killed"): its first sentence reads the paragraph before as its own.
_GOES_ON = re.compile(r"(?:As\s+a\s+(?:result|consequence)\b|Consequently\b|As\s+a\s+result\s+of\s+(?:the|this|that)\b"
                      # "In the aftermath, ...", "In the wake of the strike": not "In the wake of the ceasefire"
                      r"|In\s+the\s+(?:aftermath|wake)(?:,|\s+of\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:attacks?|strikes?|shelling|bombing|bombardment|explosion|blast|raid|assault)\b))")


def earlier_in_paragraph(text: str, sentences: list[Sentence], s: Sentence) -> list[Sentence]:
    """Sentences before ``s`` in its paragraph (line), nearest first (at most :data:`PARAGRAPH_REACH`); a
    paragraph opening with "As a result" reads on into the paragraph before it."""
    if s.index >= len(sentences) or sentences[s.index].start != s.start:
        return []
    line_start = text.rfind("\n", 0, s.start) + 1
    if _GOES_ON.match(text, line_start):
        prev_line = text[:line_start].rstrip()
        line_start = prev_line.rfind("\n") + 1 if prev_line else line_start
    out = []
    for i in range(s.index - 1, max(-1, s.index - 1 - PARAGRAPH_REACH), -1):
        if sentences[i].start < line_start:
            break
        out.append(sentences[i])
    return out


def previous_sentence(text: str, sentences: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence before ``s`` in the same paragraph (line), if any."""
    earlier = earlier_in_paragraph(text, sentences, s)
    return earlier[0] if earlier else None


def is_heading(text: str, sent: Sentence) -> bool:
    """A title or subheading line: a short line without final punctuation."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.end)
    return _heading_line(text, line_start, len(text) if line_end < 0 else line_end)


@lru_cache(maxsize=256)
def _heading_line(text: str, lo: int, hi: int) -> bool:
    """:func:`is_heading` of the line ``text[lo:hi]``, once per line (a page of one long line has many
    sentences and figures on it; each asked again would copy the whole line)."""
    line = text[lo:hi].strip()
    core = line.rstrip("\"”’')]»")
    return bool(core) and core[-1] not in ".!?:;" and len(line.split(None, 30)) <= 30  # 31 parts: over 30 words


_TEASER_ENDS = ("…", "...")
_SHORT_LINE = 12  # words: a line this short does not end a furniture block
_PROSE_CHARS = 200  # a line longer than this that ends a sentence is prose (more than 30 words)
_HEADING_CHARS = 40  # longest furniture heading looked up


@lru_cache(maxsize=1)
def _furniture_headings() -> frozenset:
    return frozenset(str(w).lower() for w in lexicons.yaml_lexicon("claims").get("furniture_headings") or [])


def _is_heading_line(line: str, headings: frozenset) -> bool:
    low = line.lower()
    return low.rstrip(":").strip() in headings or low.startswith("more from ")


def _first_heading(text: str, headings: frozenset) -> int:
    """The offset of the first furniture heading line of ``text``, or -1 (short lines only are looked up)."""
    pos = 0
    for line in text.split("\n"):
        if len(line) <= _HEADING_CHARS and _is_heading_line(line.strip(), headings):
            return pos
        pos += len(line) + 1
    return -1


@lru_cache(maxsize=8)
def furniture_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of page furniture: from a furniture heading line ("ALSO READ", "You May Also Like",
    "Leave a Reply", "More from X") through the run of headline-like lines after it (no final
    punctuation, teasers ending in "…", blank or short lines), up to the first line of prose."""
    headings = _furniture_headings()
    first = _first_heading(text, headings)
    if first < 0:
        return ()
    spans: list[tuple[int, int]] = []
    pos, n = first, len(text)
    block = -1
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end].strip()
        if len(line) <= _HEADING_CHARS and _is_heading_line(line, headings):
            if block < 0:
                block = pos
        elif block >= 0 and not _furniture_line(line):
            spans.append((block, pos))
            block = -1
        pos = end + 1
    if block >= 0:
        spans.append((block, n))
    return tuple(spans)


def _at_most_words(line: str, words: int) -> bool:
    """Whether ``line`` has at most ``words`` words, counting no further than one past them (a bounded split,
    so a line of 100 KB costs as little as a short one)."""
    return len(line.split(None, words)) <= words


def _furniture_line(line: str) -> bool:
    """A line that may stand in a furniture block: blank, short, a headline (no final punctuation) or a teaser."""
    if not line or _at_most_words(line, _SHORT_LINE) or line.endswith(_TEASER_ENDS):
        return True
    core = line.rstrip("\"”’')]»")
    return core[-1] not in ".!?" and _at_most_words(line, 30)


def on_furniture_like_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` could stand in a furniture block (a headline, a teaser, a
    short line): the cheap test before :func:`furniture_spans`; a line of prose never can."""
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    lo = text.rfind("\n", 0, pos) + 1
    if hi - lo > _PROSE_CHARS and text[hi - 1] in ".!?" and text[hi - 3:hi] != "...":
        return False  # the common case: a long line ending a sentence
    return _line_is_furniture_like(text, lo, hi)


@lru_cache(maxsize=64)
def _line_is_furniture_like(text: str, lo: int, hi: int) -> bool:
    """:func:`_furniture_line` of the line ``text[lo:hi]``, once per line: the claims of one long line ask
    about the same line (``text`` is hashed once, and compared by identity on a hit)."""
    return _furniture_line(text[lo:hi].strip())


def in_spans(spans: tuple[tuple[int, int], ...], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (e.g. :func:`furniture_spans`)."""
    return any(a <= pos < b for a, b in spans)
