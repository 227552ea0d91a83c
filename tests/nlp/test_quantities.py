"""Numbers in war prose (analysis.nlp.quantities): figures, number words, vague words and their intervals."""

from __future__ import annotations

import math

import pytest

from analysis.nlp.quantities import find_quantities, parse_match, words_to_number


@pytest.mark.parametrize("phrase, count, vague, qualifier, low, high", [
    ("hundreds of troops", None, "hundreds", None, 200, 999),
    ("dozens", None, "dozens", None, 24, 99),
    ("some 30,000 people", 30000, None, "about", 27000, 33000),
    ("2.4 thousand soldiers", 2400, None, "exact", 2400, 2400),
    ("at least 13", 13, None, "at_least", 13, math.inf),
    ("more than 40 people", 40, None, "more_than", 41, math.inf),
    ("up to 20", 20, None, "up_to", 0, 20),
    ("fewer than 10", 10, None, "up_to", 0, 9),
    ("one hundred and fifty", 150, None, "exact", 150, 150),
    ("twenty-five", 25, None, "exact", 25, 25),
    ("1,200", 1200, None, "exact", 1200, 1200),
    # thousands written with dots, as European texts do; a real decimal before "thousand" stays one
    ("at least 10.000 injured", 10000, None, "at_least", 10000, math.inf),
    ("1.245.000 people", 1245000, None, "exact", 1245000, 1245000),
    ("2.500 thousand", 2500, None, "exact", 2500, 2500),
    ("several", None, "several", None, 3, 9),
    ("tens of thousands", None, "thousands", None, 20000, 99999),
    ("40 or more", 40, None, "at_least", 40, math.inf),
])
def test_quantities_parse_war_prose(phrase, count, vague, qualifier, low, high):
    m = next(find_quantities(phrase))
    q = parse_match(m, phrase)
    assert (q.count, q.vague, q.qualifier) == (count, vague, qualifier)
    assert q.low == pytest.approx(low) and q.high == high


def test_words_to_number_stops_at_a_plain_and():
    assert words_to_number("two and three")[0] == 2
    assert words_to_number("three thousand two hundred")[0] == 3200
    assert words_to_number("troops")[0] is None
