"""Strict manifest parsing (analysis.ingest.manifest, metadata_values): every abuse is an error naming row and
column, and the articles are still ingested with what could be used."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.ingest import corpus
from analysis.ingest.metadata_values import date_problem, language_problem, url_problem

TEXTS = {
    "a": "Shelling damaged a school in the town on Monday, the ministry said.\n",
    "b": "A bridge on the main road was closed on Wednesday, the police said.\n",
    "c": "Two houses burned near the river on Thursday, a witness said.\n",
}


def _corpus(tmp_path, manifest: str):
    raw = tmp_path / "raw"
    raw.mkdir()
    for article_id, text in TEXTS.items():
        (raw / f"{article_id}.txt").write_text(text, encoding="utf-8")
    (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    return articles.set_index("article_id"), corpus.problems(errors)


def _only(errors: pd.DataFrame, reason: str) -> pd.Series:
    rows = errors[errors["reason"] == reason]
    assert len(rows) == 1, errors[["row", "column", "reason", "detail"]]
    return rows.iloc[0]


def test_an_unbalanced_quote_swallows_no_row(tmp_path):
    articles, errors = _corpus(tmp_path, 'article_id,outlet,published\n'
                                         'a,"First Outlet,2020-10-05\n'
                                         'b,Second Outlet,2020-10-06\n'
                                         'c,Third Outlet,2020-10-07\n')
    row = _only(errors, "manifest_bad_quote")
    assert (row["row"], row["column"]) == (1, "outlet") and "never closed" in row["detail"]
    assert articles.loc["a", "outlet"] == "First Outlet" and articles.loc["a", "published"] == dt.date(2020, 10, 5)
    assert articles.loc["b", "outlet"] == "Second Outlet" and articles.loc["b", "published"] == dt.date(2020, 10, 6)
    assert articles.loc["c", "published_basis"] == "manifest"
    assert not (errors["reason"] == "manifest_no_file").any()


def test_a_quoted_value_with_a_real_line_break_is_kept_but_named(tmp_path):
    articles, errors = _corpus(tmp_path, 'article_id,outlet,note\na,First Outlet,"line one\nline two"\n')
    row = _only(errors, "manifest_bad_quote")
    assert (row["row"], row["column"]) == (1, "note") and "runs over 2 lines" in row["detail"]
    assert articles.loc["a", "outlet"] == "First Outlet"


def test_unknown_and_duplicated_columns_are_named(tmp_path):
    articles, errors = _corpus(tmp_path, "article_id,pubished,outlet,outlet\n"
                                         "a,2020-10-05,First Outlet,First Outlet\n"
                                         "b,2020-10-06,Second Outlet,Other Outlet\n")
    unknown = _only(errors, "manifest_unknown_column")
    assert pd.isna(unknown["row"]) and unknown["column"] == "pubished" and "did you mean 'published'" in unknown["detail"]
    duplicated = errors[errors["reason"] == "manifest_duplicate_column"]
    header = duplicated[duplicated["row"].isna()].iloc[0]
    assert header["column"] == "outlet" and "columns 3, 4" in header["detail"]
    conflict = duplicated[duplicated["row"].notna()]
    assert list(conflict["row"]) == [2] and "'Second Outlet' is used" in conflict.iloc[0]["detail"]
    assert articles.loc["b", "outlet"] == "Second Outlet"  # the first column wins, not the last
    assert articles.loc["a", "published_basis"] != "manifest"  # the misspelt column is not read as a date


@pytest.mark.parametrize("value", ["20201017", "2020-W42-6", "2020-10-17T10:00", "17/10/2020", "0001-01-01",
                                   "1899-12-31", "2020-02-30", "9999-01-01"])
def test_dates_must_be_real_days_in_yyyy_mm_dd(tmp_path, value):
    articles, errors = _corpus(tmp_path, f"article_id,published\na,{value}\n")
    row = _only(errors, "manifest_bad_date")
    assert (row["row"], row["column"]) == (1, "published") and repr(value) in row["detail"]
    assert articles.loc["a", "published_basis"] != "manifest"
    assert "a" in articles.index


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://[::1", "ftp://example.org/a", "example.org/a",
                                   "http://", "http://example.org:port/", "http://exa mple.org/"])
def test_urls_must_be_http_with_a_host(tmp_path, value):
    articles, errors = _corpus(tmp_path, f"article_id,url\na,{value}\n")
    row = _only(errors, "manifest_bad_url")
    assert (row["row"], row["column"]) == (1, "url")
    assert pd.isna(articles.loc["a", "url"])


@pytest.mark.parametrize("value", ["english", "EN", "en_US", "=1+1", "e"])
def test_odd_languages_are_refused_and_guessed_from_the_text(tmp_path, value):
    articles, errors = _corpus(tmp_path, f"article_id,language\na,{value}\n")
    row = _only(errors, "manifest_bad_value")
    assert (row["row"], row["column"]) == (1, "language")
    assert articles.loc["a", "language"] == "en"


def test_extra_fields_are_named(tmp_path):
    articles, errors = _corpus(tmp_path, "article_id,outlet\na,First Outlet,surplus\n")
    row = _only(errors, "manifest_extra_fields")
    assert row["row"] == 1 and articles.loc["a", "outlet"] == "First Outlet"


def test_good_values_pass():
    today = dt.date(2021, 1, 1)
    assert date_problem("2020-10-17", today) is None and "after the build date" in date_problem("2021-01-02", today)
    assert url_problem("https://example.org/news/1?x=2") is None and url_problem("HTTP://[::1]:8080/a") is None
    assert language_problem("en") is None and language_problem("pt-BR") is None and language_problem("und") is None


def test_a_bad_url_or_language_a_table_export_carries_is_left_out_with_a_flag(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "export.csv").write_text("article_id,url,language,text\n"
                                    "x1,http://[::1,english,Shelling went on through the night in the town.\n",
                                    encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    row = articles.set_index("article_id").loc["x1"]
    assert pd.isna(row["url"]) and row["language"] == "en"
    assert "url given by export.csv row 1 left out" in row["flags"] and "Invalid IPv6 URL" in row["flags"]
    assert "language given by export.csv row 1 left out" in row["flags"]


def test_a_table_export_reads_dates_as_strictly_as_the_manifest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "export.csv").write_text("article_id,published,text\n"
                                    "x1,20201017,Shelling went on through the night in the town.\n"
                                    "x2,0001-01-01,A bridge was closed on the main road.\n"
                                    "x3,2020-10-17T08:00,Two houses burned near the river.\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    bad = errors[errors["reason"] == "bad_date"].set_index("row")
    assert sorted(bad.index) == [1, 2] and "YYYY-MM-DD" in bad.loc[1, "detail"] and "before 1900" in bad.loc[2, "detail"]
    by_id = articles.set_index("article_id")
    assert by_id.loc["x3", "published"] == dt.date(2020, 10, 17) and by_id.loc["x3", "published_basis"] == "table"
    assert by_id.loc["x1", "published_basis"] != "table"
