"""Sources, share of voice and the framing score against gold."""

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.core import config
from analysis.ingest import corpus
from analysis.evaluate.framing_scoring import COLUMNS, format_framing_score, score_framing, source_matches
from analysis.extract.sources import distinct_sources, sources_table, voice_by_side


@pytest.fixture(scope="module")
def articles():
    return corpus.load_articles(config.RAW_DIR)[0]


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in Path(config.GOLD_FILE).read_text().splitlines() if line]


@pytest.fixture(scope="module")
def sources(articles):
    return sources_table(articles)


def test_seed_scores(gold, articles, sources):
    score = score_framing(gold, articles, sources=sources)
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


def test_sources_point_at_text(articles, sources):
    text = dict(zip(articles["article_id"], articles["text"]))
    assert set(sources.columns) == set(COLUMNS["sources"])
    for row in sources.itertuples():
        assert 0 <= row.start < row.end <= len(text[row.article_id])


def test_distinct_sources_merge_short_forms():
    rows = pd.DataFrame([
        {"article_id": "a", "outlet": "X", "source": "Artsakh presidential spokesperson Vahram Poghosyan", "side": "armenian"},
        {"article_id": "a", "outlet": "X", "source": "Poghosyan", "side": "armenian"},
        {"article_id": "a", "outlet": "X", "source": "Hikmet Hajiyev", "side": "azerbaijani"},
        {"article_id": "b", "outlet": "X", "source": "Poghosyan", "side": "unspecified"},
    ])
    distinct = distinct_sources(rows)
    assert len(distinct) == 3
    assert distinct.iloc[0]["mentions"] == 2
    voice = voice_by_side(rows).set_index("side")
    # distinct within an article, summed over articles: Poghosyan of article b counts again (as unspecified)
    assert voice.loc["armenian", "sources_per_article_summed"] == 1
    assert voice.loc["unspecified", "sources_per_article_summed"] == 1
    assert voice.loc["azerbaijani", "share"] == pytest.approx(1 / 3)


def test_score_rejects_bad_gold(articles):
    with pytest.raises(TypeError, match="gold"):
        score_framing({"article_id": "x"}, articles)
    with pytest.raises(ValueError, match="gold: record 0"):
        score_framing([{"article_id": "x"}], articles)
