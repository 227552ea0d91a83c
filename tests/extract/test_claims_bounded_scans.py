"""The claim rules read a sentence once, not once per figure in it (issue 16: numbers with "killed" on one
line). The shortcuts must give exactly the answers of the searches they replace, so they are checked against
those searches on many random spans; then the cost of a 100 KB page of figures is bounded."""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from analysis.extract.claims import layout
from analysis.extract.claims import scope as scoping
from analysis.extract.claims.rows import extract_claims
from analysis.nlp.sentences import Sentence

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from hostile_texts import hostile_text  # noqa: E402

PATTERNS = [re.compile(p, f) for p, f in [
    (r"\bmay\s+have\b", re.I),
    (r"\b(?:(?=[mw])(?:may|were))\b", re.I),          # a first-letter hint, as lexicon alternations have
    (r"\bhave\s+(?:been\s+)?killed", 0),
    (r"ab$", 0), (r"ab(?!c)", 0), (r"a(?=b|$)", 0),     # read the end of the string: always searched
    (r"(?>a+)b", 0), (r"a++b", 0),
    (r"\btoll\b", re.I), (r"b\B", 0), (r"\d+\s*,\s+when\b", 0),
]]
ALPHABET = "ab cmayhvewrkildtol1,5\n"
WORDS = ["may have ", "were ", "have been killed ", "toll ", "ab", "abc ", "aab ", "1995, when ", "killed "]


def _texts(rng: random.Random, count: int):
    for _ in range(count):
        if rng.random() < 0.5:
            yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        else:
            yield "".join(rng.choice(WORDS + list(ALPHABET)) for _ in range(rng.randint(0, 12)))


def test_found_before_answers_as_the_search_it_replaces():
    rng = random.Random(16)
    checked = 0
    for text in _texts(rng, 400):
        n = len(text)
        for _ in range(8):
            lo = rng.randint(0, n)
            hi = rng.randint(lo, n)
            end = rng.randint(lo, hi)
            for pattern in PATTERNS:
                assert layout.found_before(pattern, text, lo, end, hi) == (pattern.search(text, lo, end) is not None), \
                    (pattern.pattern, text, lo, end, hi)
                checked += 1
    assert checked > 20_000


def test_found_in_and_found_in_slice_are_the_searches():
    rng = random.Random(17)
    for text in _texts(rng, 200):
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for pattern in PATTERNS:
            assert layout.found_in(pattern, text, lo, hi) == (pattern.search(text, lo, hi) is not None)
            assert layout.found_in_slice(pattern, text, lo, hi) == (pattern.search(text[lo:hi]) is not None)


def test_toll_before_is_the_search_of_the_sentence_start():
    rng = random.Random(18)
    for text in _texts(rng, 400):
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        sentence = Sentence(index=0, start=lo, end=hi, text=text[lo:hi])
        for pos in {lo, hi, rng.randint(lo, hi)}:
            assert scoping._toll_before(text, sentence, pos) == (scoping._TOLL.search(text[lo:pos]) is not None)
    word = Sentence(index=0, start=0, end=10, text="the toll5 ")  # a position that cuts a word is searched
    assert scoping._toll_before("the toll5 ", word, 8) is True


def test_a_line_of_figures_costs_at_most_a_few_seconds_per_100_kb():
    text = hostile_text("killed_numbers", 100_000)
    extract_claims(hostile_text("killed_numbers", 2_000))  # patterns compiled, lexicons loaded
    started = time.process_time()
    rows = extract_claims(text)
    spent = time.process_time() - started
    assert rows  # the figures are still read
    assert spent < 3.0, f"{spent:.2f} s of CPU for 100 KB of figures on one line (about 1 s expected, 8 s before)"
