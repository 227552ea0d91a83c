"""The shared per-article parse and the chunked build give the same tables as the plain functions."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.nlp import attribution
from analysis.extract import claims
from analysis.nlp import temporal as dates
from analysis.extract import hedges as hedging
from analysis.lexicons import load as lexicons
from analysis.extract import names as naming
from analysis.lexicons import phrases
from analysis.build import pipeline
from analysis.extract import sources as voices
from analysis.nlp.parsed import ParsedArticle
from analysis.nlp.sentences import sentence_span_at, sentence_spans, split_sentences

TRICKY = (
    "Gen. Jalal Harutyunyan said on Oct. 2 that U.S. envoys arrived. “They left,” he said! Was it 3 p.m.?\n"
    "STEPANAKERT, Oct. 3 (Reuters) - Shelling resumed.  Two civilians were killed.\n"
    "\n"
    "J. Smith wrote: ‘Nothing is known.’ The ministry (MoD) confirmed it…  Then silence."
)


def _texts(seed_articles) -> list[str]:
    return [*seed_articles["text"], TRICKY]


def test_sentence_span_at_matches_the_full_split(seed_articles):
    for text in _texts(seed_articles):
        spans = sentence_spans(text)
        expected = [None] * len(text)
        for start, end in spans:
            for i in range(start, end):
                expected[i] = (start, end)
        assert [sentence_span_at(text, i) for i in range(len(text))] == expected
        assert sentence_span_at(text, -1) is None and sentence_span_at(text, len(text)) is None


def test_parsed_article_holds_what_each_function_returns(seed_articles):
    for text in _texts(seed_articles):
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
        dates.find_temporal_expressions(one, None, parsed=[])
    with pytest.raises(ValueError, match="one per article"):
        claims.claims_table(seed_articles, parsed=[ParsedArticle(one)])
    with pytest.raises(TypeError, match="text must be str"):
        ParsedArticle(None)


def test_table_functions_give_the_same_tables_with_a_shared_parse(seed_articles):
    parsed = [ParsedArticle(t) for t in seed_articles["text"]]
    pairs = [
        (dates.events_table(seed_articles), dates.events_table(seed_articles, parsed)),
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


@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_chunked_build_equals_the_stage_by_stage_build(raw_copy, chunk_size):
    timings: dict[str, float] = {}
    chunked = pipeline.build_tables(raw_copy, timings=timings, chunk_size=chunk_size)
    assert set(timings) == {name for name, _ in pipeline.STAGES} and all(t >= 0 for t in timings.values())
    tables: dict[str, pd.DataFrame] = {}
    for name, stage in pipeline.STAGES:
        tables.update(stage(tables, raw_copy, None) if stage is pipeline.ingest_stage else stage(tables))
    assert list(chunked) == list(pipeline.TABLE_COLUMNS)
    for name in pipeline.TABLE_COLUMNS:
        pd.testing.assert_frame_equal(chunked[name], tables[name], check_exact=True, obj=name)


def test_chunk_size_must_be_positive(raw_copy):
    with pytest.raises(ValueError, match="chunk_size"):
        pipeline.build_tables(raw_copy, chunk_size=0)


def test_first_character_lookahead_keeps_every_match():
    names = ["Nagorno Karabakh", "Karabakh", "-backed", " so-called", "Ağdam", "ıslam", "É", "K"]
    body = lexicons.alternation(names)
    assert body.startswith("(?=[")
    without = body[body.index("]") + 2:]  # the trie alone
    text = "nagorno-karabakh Karabakh -backed so-called AĞDAM islam é k \u212a Islam IŞLAM"
    for flags in (0, re.IGNORECASE):
        with_look = [m.span() for m in re.finditer(rf"(?<!\w)(?:{body})", text, flags)]
        plain = [m.span() for m in re.finditer(rf"(?<!\w)(?:{without})", text, flags)]
        assert with_look == plain and with_look


def test_language_guess_by_script_and_stopwords():
    from analysis.ingest.corpus import guess_language

    assert guess_language("Հայաստանի պաշտպանության նախարարությունը հայտնել է, որ «մարտերը շարունակվում են»") == "hy"
    assert guess_language("Министерство обороны сообщило, что бои продолжаются — «тяжёлые»") == "ru"
    assert guess_language("The ministry said that two civilians were killed in the shelling of the town — “again”.") == "en"
    assert guess_language("Qarabağ Azərbaycandır! Şuşa, Ağdam, Füzuli — “azad”") == "und"
    assert guess_language("… — “” 1994 2020 ✓") == "und"


def test_concat_chunks_types_a_column_that_is_all_null_in_one_chunk():
    from analysis.core import catalog

    typed = pd.DataFrame({"part_of_day": ["night", None], "n": [1, 2]})
    nulls = pd.DataFrame({"part_of_day": [None, None], "n": [3, 4]})
    joined = catalog.concat_chunks([nulls, typed], pd.DataFrame({"part_of_day": [], "n": []}))
    whole = pd.DataFrame({"part_of_day": [None, None, "night", None], "n": [3, 4, 1, 2]})
    pd.testing.assert_frame_equal(joined, whole, check_exact=True)
    assert catalog.concat_chunks([], whole.iloc[:0]).empty
