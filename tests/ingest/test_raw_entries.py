"""Every entry of the raw folder accounted for (analysis.ingest.files, kinds, corpus): what is not an article is
skipped with its reason, ids are unique and NFC-normalized, pipes are never opened, links out are refused."""

from __future__ import annotations

import os
import signal
import sys
import unicodedata

import pandas as pd
import pytest

from analysis.ingest import corpus
from analysis.ingest.files import printable

ARTICLE = "Shelling damaged a school in the town on Monday, the ministry said.\n"


def _raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    return raw


def _row(errors: pd.DataFrame, source_file: str) -> pd.Series:
    rows = errors[errors["source_file"] == source_file]
    assert len(rows) == 1, errors
    return rows.iloc[0]


def test_files_that_are_not_articles_are_skipped_with_their_reason(tmp_path):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    companions = ["README.md", "README.txt", "readme", "LICENSE", ".DS_Store", ".a.txt.1234.tmp", "SHA256SUMS",
                  "MD5SUMS", "a.txt.sha256", "manifest.json", "build_inputs.json", "claims.parquet", "claims.csv"]
    for name in companions:
        (raw / name).write_text("Two soldiers were wounded on Tuesday, officials said.\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw, manifest=False)
    assert list(articles["article_id"]) == ["a"]
    for name in companions:
        row = _row(errors, name)
        assert row["reason"] == "skipped" and row["detail"].startswith(name) and "not an article" in row["detail"]
        assert pd.isna(row["sha256"])  # never read
    assert _row(errors, ".DS_Store")["detail"].endswith("hidden file (editor, system, sync or staging debris), not an article")
    assert "build_inputs.json" in _row(errors, "claims.csv")["detail"]
    assert corpus.problems(errors).empty


def test_a_table_export_named_like_a_build_table_is_read_when_no_build_lies_beside_it(tmp_path):
    raw = _raw(tmp_path)
    (raw / "claims.csv").write_text(f"article_id,text\nx1,\"{ARTICLE.strip()}\"\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    assert list(articles["article_id"]) == ["x1"] and errors.empty


def test_ids_that_collide_are_both_kept_under_distinct_deterministic_ids(tmp_path):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "a.md").write_text("A bridge on the main road was closed on Wednesday, the police said.\n", encoding="utf-8")
    (raw / "a").write_text("Two houses burned near the river on Thursday, a witness said.\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    ids = list(articles["article_id"])
    assert len(ids) == len(set(ids)) == 3 and "a" in ids
    by_file = articles.set_index("source_file")["article_id"]
    assert by_file["a"] == "a"  # the first name in sorted order keeps the id
    notices = errors[errors["reason"] == "duplicate_id"].set_index("source_file")
    assert sorted(notices.index) == ["a.md", "a.txt"]
    for name in ("a.md", "a.txt"):
        assert by_file[name].startswith("a-") and repr(by_file[name]) in notices.loc[name, "detail"]
        assert notices.loc[name, "column"] == "article_id" and "both are kept" in notices.loc[name, "detail"]
        assert "kept as" in articles.set_index("source_file").loc[name, "flags"]
    again, _ = corpus.load_articles(raw)
    pd.testing.assert_series_equal(again["article_id"], articles["article_id"])


def test_a_manifest_row_of_the_new_id_describes_the_renamed_article(tmp_path):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "a.md").write_text("A bridge on the main road was closed on Wednesday, the police said.\n", encoding="utf-8")
    renamed = corpus.load_articles(raw)[0].set_index("source_file").loc["a.txt", "article_id"]
    (raw / "manifest.csv").write_text(f"article_id,outlet\na,First Outlet\n{renamed},Second Outlet\n", encoding="utf-8")
    articles = corpus.load_articles(raw)[0].set_index("source_file")
    assert (articles.loc["a.md", "outlet"], articles.loc["a.txt", "outlet"]) == ("First Outlet", "Second Outlet")


def test_composed_and_decomposed_names_give_one_nfc_id_and_both_articles(tmp_path):
    raw = _raw(tmp_path)
    composed, decomposed = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    assert composed != decomposed
    try:
        (raw / f"{composed}.txt").write_text(ARTICLE, encoding="utf-8")
        (raw / f"{decomposed}.txt").write_text("The café by the square was shelled on Friday, its owner said.\n",
                                               encoding="utf-8")
    except OSError:
        pytest.skip("this file system cannot hold both spellings")
    if len(list(raw.iterdir())) < 2:
        pytest.skip("this file system normalizes names itself")
    articles, errors = corpus.load_articles(raw)
    assert len(articles) == 2
    assert all(unicodedata.is_normalized("NFC", i) for i in articles["article_id"])
    assert composed in set(articles["article_id"])
    notice = errors[errors["reason"] == "duplicate_id"].iloc[0]
    assert "composed or decomposed" in notice["detail"]


def test_the_same_bytes_under_two_names_stay_a_duplicate_not_a_renamed_article(tmp_path):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "a.md").write_text(ARTICLE, encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    assert len(articles) == 1 and list(errors["reason"]) == ["duplicate"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_named_and_kept(tmp_path):
    raw = _raw(tmp_path)
    name = os.fsencode(raw) + b"/caf\xe9.txt"
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    with open(os.fsencode(raw) + b"/export\xff.csv", "w", encoding="utf-8") as handle:
        handle.write("text\nA convoy reached the village on Saturday as the mayor said.\n")
    articles, errors = corpus.load_articles(raw)
    assert sorted(articles["source_file"]) == ["caf\\xe9.txt", "export\\xff.csv"]
    assert "caf\\xe9" in set(articles["article_id"])
    bad = errors[errors["reason"] == "bad_file_name"]
    assert len(bad) == 2 and "b'caf\\xe9.txt'" in " ".join(bad["detail"])
    assert printable(os.fsdecode(name).rsplit("/", 1)[1]) == "caf\\xe9.txt"
    articles.to_parquet(tmp_path / "articles.parquet")  # printable everywhere: the writers accept it
    errors.to_parquet(tmp_path / "errors.parquet")


def test_a_named_pipe_is_not_a_file_and_is_never_opened(tmp_path):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(raw / "pipe.txt")  # opening it for reading would block until a writer came: the build would hang
    alarm = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("ingest blocked on the named pipe"))
    signal.alarm(30)
    try:
        articles, errors = corpus.load_articles(raw)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, alarm)
    row = _row(errors, "pipe.txt")
    assert row["reason"] == "not_a_file" and "named pipe" in row["detail"]
    assert list(articles["article_id"]) == ["a"]


def test_a_link_out_of_the_raw_folder_is_refused_unread(tmp_path):
    raw = _raw(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("A private note that is no part of the corpus was written on Monday.\n", encoding="utf-8")
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "outside.txt").symlink_to(secret)
    (raw / "inside.txt").symlink_to(raw / "a.txt")  # a link within the folder is read (here: the same bytes)
    articles, errors = corpus.load_articles(raw)
    row = _row(errors, "outside.txt")
    assert row["reason"] == "outside_raw" and "outside the raw folder" in row["detail"] and pd.isna(row["sha256"])
    assert not articles["text"].str.contains("private note").any()
    assert _row(errors, "inside.txt")["reason"] == "duplicate"


def test_a_link_to_a_folder_outside_is_refused_too(tmp_path):
    raw = _raw(tmp_path)
    (raw / "elsewhere").symlink_to(tmp_path)
    _, errors = corpus.load_articles(raw)
    assert _row(errors, "elsewhere")["reason"] == "outside_raw"


def test_a_reader_that_fails_costs_its_file_only(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "b.html").write_text("<html><body><p>Anything</p></body></html>", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("the parser gave up")

    monkeypatch.setattr("analysis.ingest.html_pages.finish_page", broken)
    articles, errors = corpus.load_articles(raw)
    assert list(articles["article_id"]) == ["a"]
    row = _row(errors, "b.html")
    assert row["reason"] == "unreadable" and "ValueError: the parser gave up" in row["detail"]


def test_two_rows_of_an_export_with_one_id_are_both_kept(tmp_path):
    raw = _raw(tmp_path)
    (raw / "export.csv").write_text("article_id,text\n"
                                    "x1,Shelling went on through the night in the town.\n"
                                    "x1,A bridge on the main road was closed at dawn.\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    assert len(articles) == 2 and articles["article_id"].is_unique and "x1" in set(articles["article_id"])
    notice = errors[errors["reason"] == "duplicate_id"].iloc[0]
    assert notice["row"] == 2 and "export.csv row 1" in notice["detail"]


def test_a_copy_is_refused_without_being_built_again(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "b.txt").write_text(ARTICLE, encoding="utf-8")  # the same bytes
    (raw / "c.txt").write_text(ARTICLE + "\nA line of its own.\n", encoding="utf-8")
    calls = []
    real = corpus.decode
    monkeypatch.setattr("analysis.ingest.corpus.decode", lambda data: calls.append(data) or real(data))
    articles, errors = corpus.load_articles(raw)
    assert list(articles["article_id"]) == ["a", "c"] and _row(errors, "b.txt")["reason"] == "duplicate"
    assert len(calls) == 2  # a and c: the copy's bytes were known when it was read
