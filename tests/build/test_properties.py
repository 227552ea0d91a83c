"""Property tests (Hypothesis): random Unicode, random bytes and mutated seeds through ingest and the
per-article extraction. Never an exception; every offset inside the text and slicing to its span;
count_low <= count_high; every date in the window. Bounded and derandomized, so the suite stays fast and
repeatable (a failure prints the smallest input that breaks a property)."""

from __future__ import annotations

import math
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.core import config
from analysis.core.dates import EVENT_LEAD_DAYS, outside_window
from analysis.extract import claims, events, hedges, names, sources
from analysis.ingest import corpus
from analysis.nlp.quantities import grammar

BOUNDED = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["soldiers", "civilians", "were", "killed", "wounded", "at least", "some", "dozens of", "Ganja", "Stepanakert",
         "Tartar", "on Sunday", "last Friday", "yesterday", "two days ago", "October 2", "27 September 2020",
         "2020-10-05", "the ministry said", "according to", "reportedly", '"', ".", ",", "\n", "\n\n", "(", ")", "-",
         "Armenian", "Azerbaijani", "Artsakh", "Nagorno-Karabakh", "9223372036854775808", "1" + "0" * 30, "twenty",
         "hundred", "thousand", "million", " date 0001-01-03", "By Reuters | Friday, 02 October 2020", "\u200b",
         "\u0301", "\x00", "\ufeff", "Mr.", "U.S.", "e.g.", "...", "killed-in-action-near-ganja"]
"""Words the rules anchor on, figures of any size and debris, for text that reaches the rules."""

INSERTS = ["\x00", "\ufeff", "\u200b\u200e\u202e", "e\u0301\u0301\u0301", "\r", "\x1b[31m", "\ud7ff",
           " 9223372036854775808 soldiers were killed ", " 1" + "0" * 30 + " civilians ", "\n date 0001-01-03\n",
           " on Sunday" * 5, " Ganja" * 20, "." * 200, "-".join(["war"] * 60), "\n" * 5, "\u00a0\u2028\u2029"]
SEEDS = [p.read_bytes() for p in sorted(config.RAW_DIR.glob("*.txt"))]

figures = st.builds("{} {}".format, st.one_of(st.integers(0, 10 ** 40), st.integers(0, 2 ** 70).map("{:,}".format)),
                    st.sampled_from(["soldiers were killed", "civilians were wounded", "people died", "troops"]))
prose = st.lists(st.one_of(st.sampled_from(WORDS), figures, st.integers(0, 10 ** 40).map(str), st.text(max_size=6)),
                 max_size=120).map(" ".join)
publication = st.one_of(st.none(), st.dates(), st.dates(min_value=date(2020, 9, 1), max_value=date(2020, 12, 31)))


@st.composite
def mutated_seed(draw) -> bytes:
    """A seed article with byte flips, truncations (mid-character too), deletions and hostile insertions."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "truncate", "delete"]))
        pos = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1"]))
            data[pos:pos] = draw(st.sampled_from(INSERTS)).encode(codec, errors="replace")
        elif op == "truncate":
            del data[pos:]
        else:
            del data[pos:pos + draw(st.integers(1, 60))]
    return bytes(data)


def _articles(text: str, published) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "outlet": [None], "published": [published], "published_basis": [None],
                         "text": [text]})


def _check_extraction(articles: pd.DataFrame) -> None:
    """Every per-article table of ``articles``: offsets, spans, counts and dates as the tables promise."""
    texts = dict(zip(articles["article_id"], articles["text"]))
    found = {"events": events.events_table(articles), "claims": claims.claims_table(articles),
             "name_mentions": names.name_mentions(articles), "sources": sources.sources_table(articles)}
    found["hedges"] = hedges.hedges_table(articles, attributions=found["sources"])
    names.region_name_counts(articles)
    spans = {"events": "expression", "claims": "evidence", "name_mentions": "name", "sources": None, "hedges": "marker"}
    for name, table in found.items():
        for row in table.to_dict("records"):
            text = texts[row["article_id"]]
            assert 0 <= row["start"] <= row["end"] <= len(text), (name, row)
            if spans[name]:
                assert text[row["start"]:row["end"]] == row[spans[name]], (name, row)
            assert row["sentence"] in text, (name, row)
    for row in found["claims"].to_dict("records"):
        assert 0 <= row["count_low"] <= row["count_high"], row
        assert pd.isna(row["count"]) or 0 <= row["count"] <= grammar().max_count, row
        assert not math.isnan(row["count_low"]) and not math.isnan(row["count_high"]), row
    for row in found["events"].to_dict("records"):
        days = [row[k] for k in ("date_min", "date", "date_max") if row[k] is not None]
        assert all(outside_window(d, lead_days=EVENT_LEAD_DAYS) is None for d in days), row
        assert days == sorted(days), row


def _ingest(data: bytes, name: str = "article.txt") -> pd.DataFrame:
    """The article(s) one file becomes; it is an article or an ingest error, never lost, never an exception."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(data)
        articles, errors = corpus.load_articles(Path(tmp), manifest=False)
    assert len(articles) + len(errors) >= 1, "the file is neither an article nor an ingest error"
    for day in articles["published"].dropna():
        assert outside_window(day) is None, day
    return articles


@BOUNDED
@given(st.text(max_size=3000), publication)
def test_random_unicode_extracts_without_error(text, published):
    _check_extraction(_articles(text, published))


@settings(BOUNDED, max_examples=80)
@given(prose, publication)
def test_war_words_of_any_size_extract_without_error(text, published):
    _check_extraction(_articles(text, published))


@BOUNDED
@given(st.binary(max_size=4000))
def test_random_bytes_are_ingested_or_refused_and_extract_without_error(data):
    _check_extraction(_ingest(data))


@BOUNDED
@given(mutated_seed())
def test_mutated_seeds_are_ingested_or_refused_and_extract_without_error(data):
    _check_extraction(_ingest(data))
