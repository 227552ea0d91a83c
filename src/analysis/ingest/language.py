"""A cheap guess of an article's language (ISO 639-1), when the manifest gives none.

Armenian and Russian are told by their scripts, English by its stopwords;
anything else is ``und`` (undetermined).
"""

from __future__ import annotations

import re

_EN_STOPWORDS = frozenset("the of and to in a is that for on was with as by at from it are were has have said".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_ARMENIAN = re.compile("[\u0530-\u058f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def guess_language(text: str) -> str:
    """A cheap ISO 639-1 guess: script for Armenian/Cyrillic, stopwords for English."""
    sample = text[:3000]
    if not sample.isascii():
        armenian, cyrillic = len(_ARMENIAN.findall(sample)), len(_CYRILLIC.findall(sample))
        if armenian or cyrillic:
            letters = len(_LETTERS.findall(sample))
        else:  # no script share to weigh: only whether there is a letter at all
            letters = 1 if _LETTERS.search(sample) else 0
        if not letters:
            return "und"
        if armenian > letters / 2:
            return "hy"
        if cyrillic > letters / 2:
            return "ru"
    words = _WORD.findall(sample.lower())
    share = sum(map(_EN_STOPWORDS.__contains__, words)) / max(len(words), 1)
    return "en" if share > 0.12 else "und"
