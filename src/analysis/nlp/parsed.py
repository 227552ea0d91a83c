"""One article's shared parse: sentences, attributions and opaque spans, computed once.

Dates, claims, naming, sources and hedges all need the same sentence split,
claims and framing the same attributions, naming and hedges the same URL /
handle spans. A :class:`ParsedArticle` is made per article and handed to each
extractor, so every piece is computed at most once and only when some
extractor asks for it (an article without a claim candidate or hedge marker
may never need its attributions). The build keeps parses for one chunk of
articles at a time, so they do not grow with the corpus.
"""

from __future__ import annotations

from analysis.nlp.sentences import Sentence, split_sentences
from analysis.nlp.attribution import find_attributions
from analysis.lexicons.phrases import opaque_spans


class ParsedArticle:
    """Lazily computed, shared analyses of one normalized article ``text``."""

    __slots__ = ("text", "_sentences", "_attributions", "_opaque")

    def __init__(self, text: str):
        if not isinstance(text, str):
            raise TypeError(f"ParsedArticle: text must be str, got {type(text).__name__}")
        self.text = text
        self._sentences: list[Sentence] | None = None
        self._attributions = None
        self._opaque: list[tuple[int, int]] | None = None

    @property
    def sentences(self) -> list[Sentence]:
        """:func:`analysis.nlp.sentences.split_sentences` of the text."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    @property
    def attributions(self) -> list:
        """:func:`analysis.nlp.attribution.find_attributions` of the text."""
        if self._attributions is None:
            self._attributions = find_attributions(self.text, self.sentences)
        return self._attributions

    @property
    def opaque(self) -> list[tuple[int, int]]:
        """:func:`analysis.lexicons.phrases.opaque_spans` of the text (URLs, e-mail, @handles)."""
        if self._opaque is None:
            self._opaque = opaque_spans(self.text)
        return self._opaque


def parsed_for(text: str, parsed: ParsedArticle | None, param: str = "parsed") -> ParsedArticle:
    """``parsed`` checked against ``text``, or a fresh parse of ``text``."""
    if parsed is None:
        return ParsedArticle(text)
    if not isinstance(parsed, ParsedArticle):
        raise TypeError(f"{param}: expected ParsedArticle or None, got {type(parsed).__name__}")
    if parsed.text is not text and parsed.text != text:
        raise ValueError(f"{param}: the parse is of a different text than the one given")
    return parsed


def parses_for(texts, parsed, param: str = "parsed") -> list:
    """One parse per text: ``parsed`` (a sequence aligned with ``texts``) or Nones."""
    if parsed is None:
        return [None] * len(texts)
    parsed = list(parsed)
    if len(parsed) != len(texts):
        raise ValueError(f"{param}: {len(parsed)} parses for {len(texts)} articles; give one per article row, in order")
    return parsed
