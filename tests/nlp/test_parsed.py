"""The shared per-article parse (analysis.nlp.parsed) gives the same rows as the plain functions."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.extract import claims
from analysis.extract import hedges as hedging
from analysis.extract import names as naming
from analysis.extract import sources as voices
from analysis.lexicons import phrases
from analysis.nlp import attribution
from analysis.nlp.parsed import ParsedArticle
from analysis.nlp.sentences import split_sentences
from analysis.extract import events
from analysis.nlp.temporal import expressions


def test_parsed_article_holds_what_each_function_returns(sample_texts):
    for text in sample_texts:
        parse = ParsedArticle(text)
        assert parse.sentences == split_sentences(text)
        assert parse.attributions == attribution.find_attributions(text)
        assert parse.opaque == phrases.opaque_spans(text)
        assert parse.sentences is parse.sentences  # computed once


def test_a_parse_of_another_text_is_refused(seed_articles):
    one, other = seed_articles["text"].iloc[0], seed_articles["text"].iloc[1]
    with pytest.raises(ValueError, match="different text"):
        claims.extract_claims(one, parsed=ParsedArticle(other))
    with pytest.raises(TypeError, match="parsed"):
        expressions.find_temporal_expressions(one, None, parsed=[])
    with pytest.raises(ValueError, match="one per article"):
        claims.claims_table(seed_articles, parsed=[ParsedArticle(one)])
    with pytest.raises(TypeError, match="text must be str"):
        ParsedArticle(None)


def test_table_functions_give_the_same_tables_with_a_shared_parse(seed_articles):
    parsed = [ParsedArticle(t) for t in seed_articles["text"]]
    pairs = [
        (events.events_table(seed_articles), events.events_table(seed_articles, parsed)),
        (claims.claims_table(seed_articles), claims.claims_table(seed_articles, parsed)),
        (voices.sources_table(seed_articles), voices.sources_table(seed_articles, parsed=parsed)),
        (hedging.hedges_table(seed_articles), hedging.hedges_table(seed_articles, parsed=parsed)),
        (naming.name_mentions(seed_articles), naming.name_mentions(seed_articles, parsed=parsed)),
        (naming.region_name_counts(seed_articles), naming.region_name_counts(seed_articles, parsed=parsed)),
    ]
    for plain, shared in pairs:
        pd.testing.assert_frame_equal(plain, shared)
    mentions = naming.mention_rows(seed_articles)
    assert naming.region_counts_from_mentions(seed_articles["article_id"], mentions) == naming.region_count_rows(seed_articles)
