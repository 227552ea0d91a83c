"""Numbers of people as war prose writes them, parsed into counts and intervals.

Handles digits ("1,200", "30,000", "2.4 thousand"), words ("two", "twelve",
"twenty-five", "one hundred and fifty"), approximate words ("a dozen"),
vague quantities ("several", "dozens", "scores", "hundreds", "thousands",
"many", "numerous", "heavy") and the qualifier before or after the number
("at least", "more than", "some", "up to", "or more").

Unlike general number parsers it never turns "hundreds of troops" into 100:
"hundreds" is the vague quantity ``hundreds`` with an interval. The interval
each qualifier and vague word stands for is :data:`INTERVAL_CONVENTION`
(declared once; the claims table documents ``count_low``/``count_high`` with it).
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicons import load as lexicons

LEXICON = "claims"

log = logging.getLogger(__name__)

INTERVAL_CONVENTION = """Interval convention (``low``, ``high``; ``inf`` = open):

- exact N -> [N, N]; at_least N -> [N, inf]; more_than N -> [N+1, inf];
- about N ("some", "around", "nearly", "almost") -> [N*(1-b), N*(1+b)] with
  b = ``about_band`` in ``lexicons/claims.yaml`` (0.1: "some 30,000" -> 27,000..33,000);
- up_to N ("up to", "as many as") -> [0, N]; "fewer than / less than / under / below N" -> [0, N-1];
- vague: several [3, 9], dozens [24, 99], scores [40, 199], hundreds [200, 999],
  thousands [2000, 9999] ("tens of thousands" [20000, 99999]), many [10, inf]
  (``vague_intervals`` in ``lexicons/claims.yaml``; analysts may change them)."""


@dataclass(frozen=True)
class Quantity:
    """A parsed number of people: exact/qualified count or vague word."""

    count: int | None
    vague: str | None
    qualifier: str | None
    low: float
    high: float
    start: int
    end: int
    vague_word: str | None = None  # the vague word as written ("heavy", "dozens")


@dataclass(frozen=True)
class Grammar:
    """The number grammar of ``lexicons/claims.yaml``: word tables and the compiled quantity pattern."""

    number_words: dict
    scale_words: dict
    approximate: dict
    article_numbers: dict  # "a hundred": exact unless qualified
    vague_words: dict
    vague_intervals: dict
    vague_phrase_intervals: dict
    needs_noun: frozenset
    needs_loss_noun: frozenset  # vague words that count only before a word of loss ("great losses")
    loss_nouns: frozenset
    qualifiers: dict
    qualifiers_after: dict
    about_band: float
    max_count: int  # the largest count read as people (``max_count`` in claims.yaml); bigger figures are no claim
    pattern: re.Pattern
    after_qualifier: re.Pattern
    lower_pattern: re.Pattern  # the same pattern, case-sensitive, for lower-cased text


@lru_cache(maxsize=None)
def grammar() -> Grammar:
    """The number grammar compiled once from ``lexicons/claims.yaml``."""
    data = lexicons.yaml_lexicon(LEXICON)
    lexicons.require_lists(LEXICON, data, ("number_words", "scale_words", "vague_words", "vague_intervals", "qualifiers"))
    nums = {k.lower(): int(v) for k, v in data["number_words"].items()}
    scales = {k.lower(): int(v) for k, v in data["scale_words"].items()}
    approx = {k.lower(): int(v) for k, v in (data.get("approximate_numbers") or {}).items()}
    article = {k.lower(): int(v) for k, v in (data.get("article_numbers") or {}).items()}
    vague = {k.lower(): v for k, v in data["vague_words"].items()}
    intervals = {k: (float(a), float(b)) for k, (a, b) in data["vague_intervals"].items()}
    bad = sorted(set(vague.values()) - set(intervals))
    if bad:
        raise lexicons.LexiconError(f"claims.yaml: vague label(s) {bad} have no entry in vague_intervals")
    phrase_iv = {k.lower(): (float(a), float(b)) for k, (a, b) in (data.get("vague_phrase_intervals") or {}).items()}
    quals = {k.lower(): v for k, v in data["qualifiers"].items()}
    quals_after = {k.lower(): v for k, v in (data.get("qualifiers_after") or {}).items()}
    word = lexicons.alternation(list(nums) + list(scales))
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?"
    # Every quantity starts with a digit or the first letter of a listed word:
    # checked first so most positions are rejected at once.
    first = lexicons.first_characters(list(quals) + list(approx) + list(article) + list(vague) + list(nums) + list(scales))
    pattern = re.compile(
        rf"(?<![\w.,:\-/#$€£])(?=[\d{first}])(?:(?P<qual>{lexicons.alternation(quals)})\s+)?"
        rf"(?:(?P<digits>{digits})(?:\s*(?P<dscale>thousand|million)\b)?"
        rf"|(?P<approx>{lexicons.alternation(list(approx) + list(article))})"
        rf"|(?P<vague>{lexicons.alternation(vague)})"
        rf"|(?P<words>(?:{word})(?:(?:\s*-\s*|\s+|\s+and\s+)(?:{word}))*))"
        rf"(?![\w\-]|:\d|[.,]\d)",
        re.IGNORECASE,
    )
    after = (re.compile(rf"\s*(?P<q>{lexicons.alternation(quals_after)})(?![\w])", re.IGNORECASE) if quals_after
             else re.compile(r"(?!x)x"))
    return Grammar(number_words=nums, scale_words=scales, approximate=approx, article_numbers=article, vague_words=vague,
                   vague_intervals=intervals, vague_phrase_intervals=phrase_iv,
                   needs_noun=frozenset(w.lower() for w in data.get("vague_needs_outcome_noun") or []),
                   needs_loss_noun=frozenset(w.lower() for w in data.get("vague_needs_loss_noun") or []),
                   loss_nouns=frozenset(w.lower() for w in data.get("loss_nouns") or []),
                   qualifiers=quals, qualifiers_after=quals_after, about_band=float(data.get("about_band", 0.1)),
                   max_count=_max_count(data.get("max_count", 10_000_000)),
                   pattern=pattern, after_qualifier=after, lower_pattern=re.compile(pattern.pattern))


def _max_count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise lexicons.LexiconError(f"claims.yaml: max_count must be a positive whole number, got {value!r}")
    return value


def find_quantities(text: str):
    """Matches of the quantity pattern over ``text``, in text order.

    Matching runs case-sensitively on the lower-cased text (faster than
    IGNORECASE); offsets are the same because lower-casing keeps lengths
    (checked; otherwise the case-insensitive pattern is used).
    """
    g = grammar()
    low = lexicons.lowered(text)
    if len(low) != len(text):
        yield from g.pattern.finditer(text)
        return
    yield from g.lower_pattern.finditer(low)


def words_to_number(phrase: str) -> tuple[int | None, int]:
    """Value of a number written in words and how many characters it used.

    "twenty-five" -> 25, "one hundred and fifty" -> 150, "two and three"
    -> 2 (an "and" only continues a number after hundred/thousand).
    """
    g = grammar()
    total = current = 0
    used = 0
    last_was_scale = False
    seen = False
    for m in re.finditer(r"[a-z]+|-|\s+", phrase.lower()):
        tok = m.group(0)
        if tok.isspace() or tok == "-":
            continue
        if tok == "and":
            if not last_was_scale:
                break
            continue
        if tok in g.number_words:
            current += g.number_words[tok]
            last_was_scale = False
        elif tok in g.scale_words:
            scale = g.scale_words[tok]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            last_was_scale = True
        else:
            break
        seen = True
        used = m.end()
    if not seen:
        return None, 0
    return total + current, used


def interval(count: int | float, qualifier: str, strict: bool = False) -> tuple[float, float]:
    """``(low, high)`` for a count and its schema qualifier (see :data:`INTERVAL_CONVENTION`)."""
    b = grammar().about_band
    if qualifier == "at_least":
        return float(count), math.inf
    if qualifier == "more_than":
        return float(count + 1 if float(count).is_integer() else count), math.inf
    if qualifier == "about":
        return float(count) * (1 - b), float(count) * (1 + b)
    if qualifier == "up_to":
        return 0.0, float(count - 1 if strict else count)
    return float(count), float(count)


def _above_ceiling(m: re.Match, g: Grammar) -> None:
    """No quantity: the figure is above ``max_count``; logged, shortened when it is a page of digits."""
    figure = m.group(0)
    shown = figure if len(figure) <= 40 else figure[:40] + "..."
    log.info("figure %r at character %d is above max_count %s (lexicons/claims.yaml): no claim",
             shown, m.start(), f"{g.max_count:,}")
    return None


_STRICT_UPPER = ("fewer than", "less than", "under", "below")


_SPACES = re.compile(r"\s+")
_DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # no count of people has three decimals


def parse_match(m: re.Match, text: str) -> Quantity | None:
    """Turn one match of :func:`grammar` ``.pattern`` into a :class:`Quantity`."""
    g = grammar()
    qual_word = _SPACES.sub(" ", m.group("qual").lower()) if m.group("qual") else None
    qualifier = g.qualifiers.get(qual_word) if qual_word else None
    end = m.end()
    if m.group("vague"):
        word = _SPACES.sub(" ", m.group("vague").lower())
        label = g.vague_words[word]
        low, high = g.vague_phrase_intervals.get(word, g.vague_intervals[label])
        if qualifier is not None:  # "some dozens", "over hundreds" -> still vague
            qualifier = None
        return Quantity(None, label, None, low, high, m.start(), end, word)
    if m.group("approx"):
        word = _SPACES.sub(" ", m.group("approx").lower())
        if word in g.article_numbers:
            count = g.article_numbers[word]
        else:
            count = g.approximate[word]
            qualifier = qualifier or "about"
    elif m.group("digits"):
        raw = m.group("digits").replace(",", "")
        scale = m.group("dscale")
        if not scale and _DOTTED_THOUSANDS.fullmatch(raw):
            raw = raw.replace(".", "")  # "10.000 injured", "18.000": thousands as European texts write them
        value = float(raw)  # a huge figure is inf, never an error
        if scale:
            value *= 1000 if scale.lower() == "thousand" else 1_000_000
        if math.isinf(value) or value > g.max_count:
            return _above_ceiling(m, g)
        if not value.is_integer():
            return None
        count = int(value)
    else:
        count, used = words_to_number(m.group("words"))
        if count is None:
            return None
        end = m.start("words") + used
    if count > g.max_count:
        return _above_ceiling(m, g)
    tail = g.after_qualifier.match(text, end)
    if tail and qualifier is None:
        qualifier = g.qualifiers_after[_SPACES.sub(" ", tail.group("q").lower())]
    qualifier = qualifier or "exact"
    low, high = interval(count, qualifier, strict=qual_word in _STRICT_UPPER)
    return Quantity(count, None, qualifier, low, high, m.start(), end)
