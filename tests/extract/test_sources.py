"""Sources and share of voice (analysis.extract.sources): rows that point at the text, short forms merged."""

import pandas as pd
import pytest

from analysis.extract.sources import SOURCE_COLUMNS
from analysis.extract.sources import sources_table
from analysis.compare.sources import distinct_sources, voice_by_side


@pytest.fixture(scope="module")
def sources(seed_articles):
    return sources_table(seed_articles)


def test_sources_point_at_text(seed_articles, sources):
    text = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    assert set(sources.columns) == set(SOURCE_COLUMNS)
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


def test_unnamed_media_are_claimants_but_never_sources():
    text = ("At least 11 residents of the province have died in the fighting, a local news website reports. "
            "The Defence Ministry of Armenia said the front line held.")
    articles = pd.DataFrame({"article_id": ["m1"], "outlet": ["Test"], "text": [text]})
    found = sources_table(articles)
    assert list(found["source"]) == ["Defence Ministry of Armenia"]
