"""Caveats computed from the corpus (analysis.report.caveats), the same for every report."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.core.values import UNKNOWN_OUTLET
from analysis.report import caveats

SUMMARY = {"splits": {"test": {"corpus": {"articles": 40}, "figures": {
    "claims": {"f1": 0.61, "precision": 0.7, "recall": 0.54},
    "dated_events": {"right_date": 0.63},
    "metadata": {"publication_dates": {"accuracy": 0.9, "wrong": 2}, "outlets": {"accuracy": 0.27}},
    "framing": {"region_names_exact": 0.82, "sources_recall": 0.8, "hedges_recall": 0.5}}}}}


def _articles(n: int, outlets, undated: int = 0, inferred: int = 0, languages=None) -> pd.DataFrame:
    rows = []
    for k in range(n):
        rows.append({"article_id": f"a{k}", "outlet": outlets[k % len(outlets)],
                     "published": None if k < undated else dt.date(2020, 10, 1 + k % 20),
                     "published_basis": "text" if undated <= k < undated + inferred else "byline",
                     "language": (languages or ["en"])[k % len(languages or ["en"])]})
    return pd.DataFrame(rows)


def test_caveats_follow_the_corpus_not_the_seeds():
    small = caveats.corpus_caveats(_articles(5, ["RT", "Asbarez"]))
    assert "5 articles from 2 named outlets" in small[0] and "these articles only" in small[0]
    large = caveats.corpus_caveats(_articles(400, [f"o{k}" for k in range(30)]))
    assert "400 articles from 30 named outlets" in large[0] and "these articles only" not in large[0]
    few = caveats.corpus_caveats(_articles(60, ["RT", "Asbarez"]))
    assert "rest on very few of them" in few[0]
    assert not any("five" in c for c in small + large + few)


def test_caveats_count_unknown_outlets_undated_and_inferred_dates_and_other_languages():
    corpus = _articles(100, ["RT", None, "RT", "RT"], undated=10, inferred=30, languages=["en", "en", "en", "ru"])
    text = " ".join(caveats.corpus_caveats(corpus, accuracy=SUMMARY))
    assert "25 articles (25%) name no outlet" in text and UNKNOWN_OUTLET in text
    assert "read from the text for 27%" in text  # the measured rate beside the count
    assert "10 articles (10%) have no publication date" in text
    assert "30 publication dates (30% of the articles) were inferred" in text
    assert "RT wrote 75% of the articles" in text
    assert "25 articles (25%) are not detected as English (ru: 25)" in text


def test_a_selection_is_named_and_an_empty_one_says_so():
    corpus = _articles(100, ["RT", "Asbarez", "JAMnews"])
    assert "selection holds 20 articles of the 100" in caveats.corpus_caveats(corpus, corpus.head(20))[0]
    assert caveats.corpus_caveats(corpus, corpus.iloc[:0]) == [
        "The selection holds no article (of 100 in the corpus): there is nothing to report."]
    singles = caveats.corpus_caveats(_articles(40, [f"o{k}" for k in range(30)]))
    assert any("20 of 30 outlets (67%) have a single article" in c for c in singles)


@pytest.mark.parametrize("measure, expected", [
    ("claims", "F1 0.61 (precision 0.70, recall 0.54)"),
    ("dated_events", "63% of dated events were resolved to the right day"),
    ("framing", "region names exact in 82% of articles, 80% of quoted sources found, 50% of hedges found"),
    ("metadata", "publication dates right (or rightly none) for 90%, 2 wrong; the outlet read from the text for 27%"),
])
def test_each_report_quotes_the_accuracy_of_what_it_shows(measure, expected):
    text = caveats.accuracy_caveat(SUMMARY, measure)
    assert expected in text and "40 real held-out articles" in text
    assert "has not been measured" in caveats.accuracy_caveat(None, measure)


def test_an_unknown_measure_is_refused_by_name():
    with pytest.raises(ValueError, match="measure: expected one of metadata, claims"):
        caveats.corpus_caveats(_articles(3, ["RT"]), measure="tolls")
