"""The corpus overview behind report 01 (analysis.compare.overview): who established each publication date."""

from __future__ import annotations

from analysis.compare import overview
from analysis.ingest import corpus


def test_report_01_says_who_established_each_date(raw_copy):
    articles, _ = corpus.load_articles(raw_copy)
    given = dict(zip(articles["article_id"], overview.date_given_by(articles, raw_copy)))
    assert set(given.values()) == {overview.MANIFEST}  # every seed date comes from the manifest
    table = overview.metadata_sources(articles, overview.date_given_by(articles, raw_copy))
    assert ("manifest", "text") in table.index  # JAMnews: the manifest's own basis is text
    # without the manifest, warcov reads the dates from the files themselves
    (raw_copy / "manifest.csv").unlink()
    bare, _ = corpus.load_articles(raw_copy)
    by = overview.date_given_by(bare, raw_copy)
    assert set(by[bare["published"].notna()]) == {overview.PIPELINE}
    assert set(by[bare["published"].isna()]) <= {""}


def test_the_outlet_count_names_only_named_outlets_and_counts_the_rest_apart():
    from analysis.compare.overview import outlets_phrase
    from analysis.core.values import UNKNOWN_OUTLET

    assert outlets_phrase(["A", "A", "B", None, UNKNOWN_OUTLET]) == "2 named outlets, and 2 articles with no outlet"
    assert outlets_phrase(["A"], "claims") == "1 named outlet"
    assert outlets_phrase([None], "claims") == "0 named outlets, and 1 claim with no outlet"
