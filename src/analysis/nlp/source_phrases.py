"""Where a source phrase begins and ends around a verb of saying.

:func:`subject_before` reads backwards from the verb ("The Armenian Defense
Ministry | said"), skipping adverbs and parentheticals ("X, quoted by TASS,
said"); :func:`phrase_after` reads forwards ("according to | the head of the
center, Armen Narimanyan"). Both return offsets, which
:mod:`analysis.nlp.attribution` turns into attributions.
"""

from __future__ import annotations

import re

from analysis.nlp.source_words import SourceWords, bare, in_source_phrase, is_capitalised, source_words

Token = tuple[str, int, int]  # (word, start, end)

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w’'.\-]*[\w]|[A-Za-zÀ-ÿ]|\d[\w,.]*|[,;:–—“”\"()]")

# Words opening a parenthetical between a subject and its verb ("X, quoted by TASS, said").
_PARENTHETICAL = frozenset({"quoted", "cited", "speaking", "writing", "citing", "in", "at", "on", "during",
                            "addressing", "interviewed", "responding", "asked", "commenting", "meanwhile",
                            "however", "too", "separately", "for", "who", "whose", "which"})


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words, numbers and the punctuation that bounds phrases in ``text[start:end]``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def subject_before(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The subject phrase ending right before a verb: (start, end) or None."""
    w = source_words()
    toks = tokens(text, lo, verb_start)
    i = _skip_to_subject(toks, w)
    if i >= 0 and toks[i][0] == ",":
        return _appositive_name(toks, i, w)
    end_i = i
    while i >= 0:
        word = toks[i][0]
        low = word.lower()
        if low in ("of", "in", "for", "at") and i + 1 <= end_i and i - 1 >= 0 and \
                bare(toks[i - 1][0]) in (w.title_words | w.source_nouns) and bare(toks[i - 1][0]) not in ("the", "of"):
            i -= 1
            continue
        if low == "the" and i >= 2 and toks[i - 1][0].lower() in ("of", "in", "for", "at") and \
                bare(toks[i - 2][0]) in (w.title_words | w.source_nouns) and i < end_i:
            i -= 1  # "the press service of the ... ministry"
            continue
        if low in ("the", "a", "an"):
            i -= 1
            break
        if low in w.pronouns:  # "..., it said": a pronoun right before the verb (before the stop words: "it" is one)
            if i == end_i:
                return (toks[i][1], toks[i][2]) if low not in ("we", "i") else None
            break
        if low in w.stop_words:
            break
        if not in_source_phrase(word):
            break
        i -= 1
    return _trimmed(toks, i + 1, end_i, w)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)
_DAY_NUMBER = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")


def _calendar_day(first: str, second: str) -> bool:
    """Whether two tokens are a day of a month, either order ("October 12", "12 October")."""
    return bool(_MONTH.match(first) and _DAY_NUMBER.match(second) or _DAY_NUMBER.match(first) and _MONTH.match(second))


def _skip_to_subject(toks: list[Token], w: SourceWords) -> int:
    """Index of the last token of the subject: before adverbs ("X also said", "X, meanwhile,", "X on Monday said"),
    a dash parenthesis ("Officials in X – a disputed region ... – also reported") and a
    comma parenthetical ("X, quoted by TASS, said", "X, a spokesman for Y, said")."""
    i = len(toks) - 1
    after_adverb = False
    while i >= 0:
        word = toks[i][0]
        if word.lower() in w.adverbs:
            i, after_adverb = i - 1, True
        elif word.lower() == "on" and after_adverb and toks[i + 1][0].lower() in _WEEKDAYS:
            i -= 1  # "Azerbaijan on Saturday accused ...": the day right before the verb
        elif i >= 2 and _calendar_day(toks[i - 1][0], word) and toks[i - 2][0].lower() == "on":
            i, after_adverb = i - 3, True  # "the ministry on October 12 said", "X on 12 October reported"
        elif word == "," and (after_adverb or (i >= 1 and toks[i - 1][0].lower() in w.adverbs)):
            i, after_adverb = i - 1, False
        else:
            break
    if i >= 0 and toks[i][0] in "–—":
        j = i - 1
        while j >= 0 and toks[j][0] not in "–—":
            j -= 1
        if j > 0:
            i = j - 1
    if i >= 0 and toks[i][0] == ",":
        j = i - 1
        while j >= 0 and toks[j][0] not in ",;:“”\"()–—":
            j -= 1
        if j > 0 and toks[j][0] == "," and j + 1 < i and (toks[j + 1][0].lower() in _PARENTHETICAL
                                                          or _is_title_apposition(toks[j + 1:i], w)):
            i = j - 1
    return i


def _appositive_name(toks: list[Token], comma: int, w: SourceWords) -> tuple[int, int] | None:
    """"Human Rights Defender, Artak Beglarian, confirmed": the title and the name, or None."""
    j = comma - 1
    while j >= 0 and is_capitalised(toks[j][0]) and toks[j][0] not in ",":
        j -= 1
    if j >= 0 and toks[j][0] == "," and j < comma - 1:
        k = j - 1
        while k >= 0 and in_source_phrase(toks[k][0]) and toks[k][0].lower() not in w.stop_words:
            k -= 1
        if k < j - 1:
            return toks[k + 1][1], toks[comma - 1][2]
    return None


def _trimmed(toks: list[Token], start_i: int, end_i: int, w: SourceWords) -> tuple[int, int] | None:
    """The span of ``toks[start_i:end_i + 1]`` without leading connectors (one article kept),
    if it holds a capitalised word or a source noun."""
    if start_i > end_i:
        return None
    while start_i <= end_i and toks[start_i][0].lower() in ("of", "in", "for", "at", "and"):
        start_i += 1
    if start_i > end_i:
        return None
    if start_i > 0 and toks[start_i - 1][0].lower() in ("the", "a", "an"):
        start_i -= 1
    span_words = [t[0] for t in toks[start_i:end_i + 1]]
    if not any(is_capitalised(t) or bare(t) in w.source_nouns for t in span_words if t.lower() not in ("the", "a", "an")):
        return None
    return toks[start_i][1], toks[end_i][2]


def _is_title_apposition(segment: list[Token], w: SourceWords) -> bool:
    """A lower-case title after a name: ", a spokesman for the ministry," / ", an aide to Aliyev,"."""
    words = [t[0] for t in segment]
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return bool(words) and not is_capitalised(words[0]) and bare(words[0]) in (w.title_words | w.source_nouns)


def phrase_after(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The source phrase starting at ``start`` (after "said", "according to")."""
    w = source_words()
    toks = tokens(text, start, hi)
    out_end = None
    first = None
    i = 0
    while i < len(toks):
        word, s, e = toks[i]
        low = word.lower()
        if low in ("the", "a", "an") and first is None:
            first = s
            i += 1
            continue
        if low in ("of", "in", "for") and out_end is not None and i + 1 < len(toks) and in_source_phrase(toks[i + 1][0]) \
                and toks[i + 1][0].lower() not in ("its", "his", "her", "their"):
            i += 1
            continue
        if low in ("the",) and out_end is not None and i + 1 < len(toks) and in_source_phrase(toks[i + 1][0]):
            i += 1
            continue
        if word == "," and out_end is not None and i + 1 < len(toks) and is_capitalised(toks[i + 1][0]):
            # "head of the center, Armen Narimanyan"
            j = i + 1
            while j < len(toks) and is_capitalised(toks[j][0]):
                j += 1
            if j - (i + 1) >= 2 and (j == len(toks) or toks[j][0] in ".,;"):
                out_end = toks[j - 1][2]
                break
            break
        if word in (",", ";", ":", "“", "”", '"', "(", ")", "–", "—"):
            break
        if low in w.pronouns and out_end is None:
            return s, e
        if not in_source_phrase(word) or (low in w.stop_words and not is_capitalised(word) and low not in w.title_words):
            break
        if first is None:
            first = s
        out_end = e
        i += 1
    if out_end is None or first is None:
        return None
    return first, out_end
