"""The framing score against gold (analysis.evaluate.framing_scoring): source matching, and the selection and
pivot helpers of report 04."""

import pandas as pd
import pytest

from analysis.evaluate.framing_scoring import format_framing_score, score_framing, source_matches
from analysis.extract.sources import sources_table
from analysis.compare import overview
from analysis.compare import names as compare_names


@pytest.fixture(scope="module")
def sources(seed_articles):
    return sources_table(seed_articles)


def test_seed_scores(gold, seed_articles, sources):
    score = score_framing(gold, seed_articles, sources=sources)
    assert score["articles"] == 5 and not score["missing"]
    assert score["region_exact"] >= 0.8
    assert score["source_recall"] >= 0.75
    text = format_framing_score(score)
    assert "region names exact" in text and "predicted/gold" in text and "sources: recall" in text


@pytest.mark.parametrize("gold_name,predicted,expected", [
    ("Artsakh Defense Ministry", "the Artsakh defense ministry", True),
    ("Nikol Pashinyan", "Pashinyan", True),
    ("Armen Narimanyan", "head of the center, Armen Narimanyan", True),
    ("Azerbaijani prosecutor general’s office", "Azerbaijani prosecutor general's office", True),
    ("Armenian Foreign Ministry", "foreign ministry", False),
    ("Ilham Aliyev", "Hikmet Hajiyev", False),
])
def test_source_matching(gold_name, predicted, expected):
    assert source_matches(gold_name, predicted) is expected


@pytest.mark.parametrize("gold_name,predicted,gold_side,predicted_side,expected", [
    ("Armenian Foreign Ministry", "Foreign Ministry", "armenian", "armenian", True),
    ("Armenian Foreign Ministry", "Foreign Ministry", "armenian", "azerbaijani", False),
    ("Nagorno-Karabakh ombudsman", "region’s ombudsman", "armenian", "armenian", True),
    ("Armenian Foreign Ministry", "Armenian Defense Ministry", "armenian", "armenian", False),
    ("Armenian Foreign Ministry", "Armenia", "armenian", "armenian", False),
])
def test_source_matching_with_sides(gold_name, predicted, gold_side, predicted_side, expected):
    """A body named without its side matches when the side read for it agrees."""
    assert source_matches(gold_name, predicted, gold_side, predicted_side) is expected


def test_score_rejects_bad_gold(seed_articles):
    with pytest.raises(TypeError, match="gold"):
        score_framing({"article_id": "x"}, seed_articles)
    with pytest.raises(ValueError, match="gold: record 0"):
        score_framing([{"article_id": "x"}], seed_articles)


def test_select_rows_keeps_the_selection_and_names_unknown_outlets():
    table = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["RT", None, "RT"], "x": [1, 2, 3]})
    chosen = pd.DataFrame({"article_id": ["b", "c"]})
    rows = overview.select_rows(table, chosen)
    assert list(rows["article_id"]) == ["b", "c"]
    assert list(rows["outlet"]) == [overview.UNKNOWN_OUTLET, "RT"]
    with pytest.raises(ValueError, match="table: missing column"):
        overview.select_rows(pd.DataFrame({"id": [1]}), chosen)


def test_pivot_outlets_fills_zeros_and_orders_columns_by_total():
    table = pd.DataFrame({"outlet": ["A", "A", "B"], "side": ["x", "y", "y"], "share": [0.25, 0.75, 1.0]})
    wide = compare_names.pivot_outlets(table, "side", "share")
    assert list(wide.columns) == ["y", "x"]
    assert wide.loc["B", "x"] == 0
    assert compare_names.pivot_outlets(table.iloc[:0], "side", "share").empty
