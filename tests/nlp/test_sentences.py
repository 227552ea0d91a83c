"""Sentence splitting (analysis.nlp.sentences): abbreviations and initials, spans, and a bounded look-back
before each dot so that splitting stays linear in the length of the text."""

from datetime import date

import pytest

from analysis.nlp.sentences import sentence_span_at, sentence_spans, split_sentences
from analysis.nlp.temporal.expressions import find_temporal_expressions


def test_abbreviation_far_into_a_long_text():
    text = "Shelling went on. " * 300 + "Lt. Gen. Hasanov met Sen. Smith in Baku. Talks ended."
    tail = [s.text for s in split_sentences(text)][-2:]
    assert tail == ["Lt. Gen. Hasanov met Sen. Smith in Baku.", "Talks ended."]


def test_long_word_before_a_dot_is_not_an_initial():
    text = "It was " + "a" * 60 + "s. Then it ended."
    assert len(split_sentences(text)) == 2


def test_sentence_splitter_keeps_abbreviated_dates_in_long_texts():
    # The splitter looks back a bounded distance for the abbreviation before a dot.
    text = ("Shelling continued. " * 500) + "The strike came on Oct. 4 in Ganja. Officials confirmed it."
    sentences = split_sentences(text)
    assert sentences[-2].text == "The strike came on Oct. 4 in Ganja."
    row = [r for r in find_temporal_expressions(text, date(2020, 10, 17)) if r["date"] == date(2020, 10, 4)][0]
    assert row["sentence"] == "The strike came on Oct. 4 in Ganja." and row["location"] == "Ganja"


def test_sentence_span_at_matches_the_full_split(sample_texts):
    for text in sample_texts:
        spans = sentence_spans(text)
        expected = [None] * len(text)
        for start, end in spans:
            for i in range(start, end):
                expected[i] = (start, end)
        assert [sentence_span_at(text, i) for i in range(len(text))] == expected
        assert sentence_span_at(text, -1) is None and sentence_span_at(text, len(text)) is None


@pytest.mark.parametrize("text, expected", [
    # a report's footnote marker after the full stop closes the sentence with it
    ("Most of the dead were soldiers, 500 in all.2 Yet 90 civilians died too.",
     ["Most of the dead were soldiers, 500 in all.2", "Yet 90 civilians died too."]),
    ("The town was shelled.[14] Two people died.", ["The town was shelled.[14]", "Two people died."]),
    # a decimal is no footnote
    ("The bill came to 3.2 Million manats. Two people died.", ["The bill came to 3.2 Million manats.", "Two people died."]),
])
def test_footnote_markers_end_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected
