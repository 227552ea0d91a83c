"""Where a claim sits in its article: its clause, the sentences before it in its paragraph, a heading line.

The context rules (group, side, place, scope) read these spans; an article's
paragraphs are its lines.
"""

from __future__ import annotations

import re

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


def paragraph_of(text: str, pos: int) -> int:
    """An id of the paragraph (line) holding ``pos``: the offset of the newline before it, or -1."""
    return text.rfind("\n", 0, pos)


PARAGRAPH_REACH = 20
"""Sentences before a claim's that its rules read: a bound on a page with no line breaks, far above a real paragraph."""


def earlier_in_paragraph(text: str, sentences: list[Sentence], s: Sentence) -> list[Sentence]:
    """Sentences before ``s`` in its paragraph (line), nearest first (at most :data:`PARAGRAPH_REACH`)."""
    if s.index >= len(sentences) or sentences[s.index].start != s.start:
        return []
    line_start = text.rfind("\n", 0, s.start) + 1
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
    line = text[line_start: len(text) if line_end < 0 else line_end].strip()
    core = line.rstrip("\"”’')]»")
    return bool(core) and core[-1] not in ".!?:;" and len(line.split(None, 30)) <= 30  # 31 parts: over 30 words
