"""Clause reading for claim candidates (analysis.extract.claims.clauses): asides and breakdown lists,
on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from analysis.extract.claims.clauses import breakdown_items, list_opening, skip_asides


@pytest.mark.parametrize("text, kinds", [
    ("Six people (four men and two women) were killed", ["paren"]),
    ("Six people — four men and two women — were killed", ["dash"]),
    ("Six soldiers, who had held the hill for days, were killed", ["rel"]),
    ("Six residents in Tartar were killed", ["place"]),
    ("Six residents in Tartar (all of them farmers) were killed", ["place", "paren"]),
    ("Six people were killed", []),
])
def test_skip_asides_finds_each_kind(text, kinds):
    pos = re.match(r"\w+ \w+", text).end()  # after the subject ("Six people")
    end, asides = skip_asides(text, pos, len(text))
    assert [a.kind for a in asides] == kinds
    assert text[end:].startswith(" were killed")


def test_skip_asides_stops_at_the_sentence_limit():
    text = "Six people (four men and two women) were killed"
    start = text.index(" (")
    end, asides = skip_asides(text, start, start + 10)  # the parenthesis does not close before the limit
    assert (end, asides) == (start, [])


@pytest.mark.parametrize("text, counts", [
    ("four in Martuni and one in Askeran — have", ["four", "one"]),
    ("6 children, 9 women and 2 doctors, have", ["6", "9", "2"]),
    ("two children and a woman, were", ["two"]),
    ("the children of the village", []),
])
def test_breakdown_items_read_numbered_items_only(text, counts):
    items = breakdown_items(text, 0, len(text))
    assert [text[q.start():q.end()] for q, _ in items] == counts


def test_breakdown_item_ends_before_the_separator():
    text = "four in Martuni and one in Askeran"
    (q1, end1), (q2, end2) = breakdown_items(text, 0, len(text))
    assert text[q1.start():end1] == "four in Martuni"
    assert text[q2.start():end2] == "one in Askeran"


@pytest.mark.parametrize("text, opens", [
    (", including 6 children", True),
    (" (two men", True),
    (" — four in", True),
    (", and 6 others were wounded", False),
])
def test_list_opening(text, opens):
    assert (list_opening(text, 0, len(text)) is not None) == opens
