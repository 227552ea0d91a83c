"""Corpora in the forms analysts have them: the seeds as HTML pages, a WARC and table exports.

Every page, record and row ends in ``articles`` or ``ingest_errors``; the
seeds read from each form give the plain-text seeds' articles and claims,
save the metadata each form adds.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import seed_forms as forms

from analysis import cli
from analysis.build import pipeline
from analysis.core import catalog
from analysis.core import config
from analysis.ingest import table_rows
from analysis.ingest.corpus import load_articles

CLAIM_FIELDS = ["count", "qualifier", "vague", "outcome", "group", "side", "scope", "claimant", "claimant_side", "evidence", "start"]


@pytest.fixture(scope="module")
def plain():
    """The seeds' tables as today: plain text with the manifest."""
    return pipeline.build_tables(config.RAW_DIR)


def claims_by_text(tables, articles=None) -> pd.DataFrame:
    """Claims keyed by their article's text, so two forms with other ids compare."""
    articles = tables["articles"] if articles is None else articles
    text = dict(zip(articles["article_id"], articles["text"].str[:80]))
    claims = tables["claims"].assign(head=tables["claims"]["article_id"].map(text))
    return claims[["head", *CLAIM_FIELDS]].sort_values(["head", "evidence", "count"]).reset_index(drop=True)


def test_html_pages_give_the_seeds_text_claims_outlet_and_date_without_a_manifest(tmp_path, plain):
    forms.write_html(tmp_path, forms.seeds())
    tables = pipeline.build_tables(tmp_path, manifest=False)
    articles = tables["articles"].set_index("article_id")
    seeds = plain["articles"].set_index("article_id")
    assert list(articles.index) == list(seeds.index)
    assert (articles["text"] == seeds["text"]).all()  # navigation, banner, related stories and comments left out
    assert (articles["outlet"] == seeds["outlet"]).all()  # og:site_name through the outlet lexicon
    assert (articles["published"] == seeds["published"]).all()  # JSON-LD datePublished, not the update or sidebars
    assert set(articles["published_basis"]) == {"html"}
    assert articles["flags"].str.contains("from the html: html metadata read by htmldate").all()
    pd.testing.assert_frame_equal(claims_by_text(tables), claims_by_text(plain))
    assert tables["ingest_errors"].empty


def test_a_warc_accounts_for_every_record(tmp_path, plain):
    forms.write_warc(tmp_path / "crawl.warc.gz", forms.seeds())
    tables = pipeline.build_tables(tmp_path, manifest=False)
    articles, errors = tables["articles"], tables["ingest_errors"]
    assert len(articles) + len(errors) == 12  # 5 requests, 5 pages, an image, a metadata record
    assert sorted(articles["record"]) == [2, 4, 6, 8, 10]
    assert set(articles["source_file"]) == {"crawl.warc.gz"} and articles["row"].isna().all()
    assert set(articles["retrieved"].astype(str)) == {"2020-11-20"}
    assert sorted(articles["url"]) == sorted(s["url"] for s in forms.seeds())
    assert articles["article_id"].is_unique and articles["article_id"].str.startswith("crawl-").all()
    reasons = errors.set_index("record")["reason"].to_dict()
    assert reasons == {1: "not_article", 3: "not_article", 5: "not_article", 7: "not_article", 9: "not_article",
                       11: "not_html", 12: "not_article"}
    assert errors.set_index("record").loc[11, "detail"].startswith("crawl.warc.gz record 11 (https://news.example/logo.png) is image/png")
    pd.testing.assert_frame_equal(claims_by_text(tables), claims_by_text(plain))


def test_a_page_date_the_byline_contradicts_is_flagged(tmp_path):
    seed = next(s for s in forms.seeds() if "02 October 2020" in s["text"])
    (tmp_path / "early.html").write_text(forms.html_page(dict(seed, published="2020-09-20")), encoding="utf-8")
    articles, _ = load_articles(tmp_path, manifest=False)
    row = articles.iloc[0]
    assert row["published_basis"] == "html" and str(row["published"]) == "2020-09-20"
    assert "byline date 2020-10-02 differs from the html date 2020-09-20" in row["flags"]


def test_ids_of_records_are_stable_across_builds(tmp_path):
    forms.write_warc(tmp_path / "crawl.warc", forms.seeds()[:2], extras=False)
    first, _ = load_articles(tmp_path, manifest=False)
    second, _ = load_articles(tmp_path, manifest=False)
    assert list(first["article_id"]) == list(second["article_id"])


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path, name):
    whole = tmp_path / name
    forms.write_warc(whole, forms.seeds(), extras=False)
    data = whole.read_bytes()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / name).write_bytes(data[: int(len(data) * 0.55)])
    articles, errors = load_articles(raw, manifest=False)
    assert 1 <= len(articles) < 5
    last = errors.iloc[-1]
    assert last["reason"] == "truncated" and last["source_file"] == name
    assert len(articles) + len(errors) == last["record"]
    assert f"the {int(last['record']) - 1} record(s) before it were read" in last["detail"]


@pytest.mark.parametrize("suffix, write", [(".csv", forms.write_csv), (".jsonl", forms.write_jsonl),
                                           (".parquet", forms.write_parquet)])
def test_table_exports_give_the_seeds_articles_and_claims(tmp_path, plain, suffix, write):
    write(tmp_path / f"export{suffix}", forms.table_rows(forms.seeds()))
    tables = pipeline.build_tables(tmp_path, manifest=False)
    articles = tables["articles"].set_index("article_id")
    seeds = plain["articles"].set_index("article_id")
    assert list(articles.index) == list(seeds.index)  # the article_id column is kept
    assert (articles["text"] == seeds["text"]).all() and (articles["outlet"] == seeds["outlet"]).all()
    assert (articles["published"] == seeds["published"]).all() and set(articles["published_basis"]) == {"table"}
    assert sorted(articles["row"]) == [1, 2, 3, 4, 5] and articles["record"].isna().all()
    pd.testing.assert_frame_equal(claims_by_text(tables), claims_by_text(plain))


def test_columns_are_renamed_on_the_command_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    names = {"text": "body", "published": "date", "outlet": "source", "article_id": "id", "url": "link"}
    forms.write_csv(raw / "export.csv", forms.table_rows(forms.seeds(), names))
    assert cli.main(["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-check-sums",
                     "--columns", "text=body,published=date,outlet=source,article_id=id,url=link"]) == 0
    articles = catalog.load("articles", tmp_path / "out")
    assert len(articles) == 5 and set(articles["published_basis"]) == {"table"}
    with pytest.raises(SystemExit, match="'txt' is not one of text"):
        cli.main(["build", "--raw", str(raw), "--out", str(tmp_path / "o2"), "--columns", "txt=body"])


def test_without_the_mapping_a_csv_has_no_text_column(tmp_path):
    forms.write_csv(tmp_path / "export.csv", forms.table_rows(forms.seeds(), {"text": "body"}))
    articles, errors = load_articles(tmp_path, manifest=False)
    assert articles.empty
    assert errors[["source_file", "reason", "column"]].values.tolist() == [["export.csv", "missing_text_column", "text"]]
    assert "--columns text=NAME" in errors["detail"].iloc[0]


def test_bad_rows_are_named_and_the_good_ones_kept(tmp_path):
    rows = forms.table_rows(forms.seeds()[:3])
    rows[1]["published"] = "last Tuesday"
    rows[2]["text"] = "   "
    forms.write_csv(tmp_path / "export.csv", rows)
    with (tmp_path / "export.csv").open("a", encoding="utf-8") as handle:
        handle.write("x9,Some text,Outlet,2020-10-01,https://a.example,one cell too many\n")
    articles, errors = load_articles(tmp_path, manifest=False)
    assert len(articles) == 2  # row 2 kept with its date read from the text instead
    by_row = errors.set_index("row")
    assert by_row.loc[2, "reason"] == "bad_date" and by_row.loc[2, "column"] == "published"
    assert "'last Tuesday' is not a date" in by_row.loc[2, "detail"]
    assert by_row.loc[3, "reason"] == "empty" and by_row.loc[4, "reason"] == "bad_row"
    assert by_row.loc[4, "detail"].startswith("export.csv row 4: 6 cells under a header of 5 columns")


def test_jsonl_lines_that_are_not_objects_are_named(tmp_path):
    path = tmp_path / "export.jsonl"
    forms.write_jsonl(path, forms.table_rows(forms.seeds()[:1]))
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n[1, 2]\n")
    articles, errors = load_articles(tmp_path, manifest=False)
    assert len(articles) == 1
    assert errors[["row", "reason"]].values.tolist() == [[2, "undecodable"], [3, "bad_row"]]


def test_pages_without_an_article_are_named(tmp_path):
    (tmp_path / "front.html").write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
                                         "</nav></body></html>", encoding="utf-8")
    (tmp_path / "notes.html").write_text("Just a plain note someone saved with the wrong name.", encoding="utf-8")
    (tmp_path / "link.html").write_text("https://news.example/a/1", encoding="utf-8")  # never fetched
    articles, errors = load_articles(tmp_path, manifest=False)
    assert articles.empty
    assert dict(zip(errors["source_file"], errors["reason"])) == {
        "front.html": "no_main_text", "link.html": "not_html", "notes.html": "not_html"}


def test_one_folder_of_all_five_forms_accounts_for_every_unit(tmp_path):
    seeds = forms.seeds()
    for path in sorted(config.RAW_DIR.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    for seed in seeds:  # pages under other names, so their ids do not collide with the text files'
        (tmp_path / f"page-{seed['id']}.html").write_text(forms.html_page(seed), encoding="utf-8")
    forms.write_warc(tmp_path / "crawl.warc.gz", seeds)
    rows = forms.table_rows(seeds)
    for row in rows:
        row.pop("article_id")
    forms.write_csv(tmp_path / "export.csv", rows)
    forms.write_jsonl(tmp_path / "export.jsonl", rows)
    forms.write_parquet(tmp_path / "export.parquet", rows)
    articles, errors = load_articles(tmp_path, manifest=False)
    units = 5 + 5 + 12 + 5 * 3
    assert len(articles) + len(errors) == units
    assert len(articles) == 5  # the same text in every other form is a duplicate of the first one read
    assert (errors["reason"] == "duplicate").sum() == 5 * 5  # pages, WARC responses and three exports
    kept = errors.loc[errors["reason"] == "duplicate", "detail"].str.extract(r"same (?:text|bytes) as ([^ ;]+)")[0]
    assert set(kept) <= set(articles["source_file"])
    assert articles["article_id"].is_unique
