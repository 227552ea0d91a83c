"""Ingestion (analysis.ingest.corpus): the seed corpus, metadata from the manifest or the text, and every kind
of bad input."""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest

from analysis.core import config
from analysis.ingest import corpus
from analysis.ingest.files import NOT_ARTICLES


def _manifest() -> pd.DataFrame:
    return pd.read_csv(config.RAW_DIR / "manifest.csv", dtype=str, keep_default_na=False)


def test_every_seed_has_manifest_and_gold_metadata(seed_articles, gold_by_id):
    manifest = _manifest().set_index("article_id")
    assert sorted(seed_articles["article_id"]) == sorted(manifest.index)
    for row in seed_articles.itertuples():
        assert row.outlet == manifest.loc[row.article_id, "outlet"] == gold_by_id[row.article_id]["outlet"]
        assert row.published.isoformat() == manifest.loc[row.article_id, "published"] == gold_by_id[row.article_id]["published"]
        assert row.published_basis == gold_by_id[row.article_id]["published_basis"]
        assert row.republished_by == gold_by_id[row.article_id]["republished_by"] or (
            row.republished_by is None or pd.isna(row.republished_by)) and gold_by_id[row.article_id]["republished_by"] is None
        assert row.language == "en"
        assert row.sha256 == gold_by_id[row.article_id]["sha256"]


def test_without_manifest_metadata_comes_from_the_text(gold_by_id):
    articles, errors = corpus.load_articles(config.RAW_DIR, manifest=False)
    assert sorted(errors["source_file"]) == ["SHA256SUMS", "manifest.csv"] and set(errors["reason"]) == {"skipped"}
    by_id = articles.set_index("article_id")
    # Dated byline "By Asbarez | Friday, 02 October 2020".
    assert by_id.loc["000_8c9caf51e7030ae7", "outlet"] == "Asbarez"
    assert by_id.loc["000_8c9caf51e7030ae7", "published"] == dt.date(2020, 10, 2)
    assert by_id.loc["000_8c9caf51e7030ae7", "published_basis"] == "byline"
    # " date 2020-09-27" header line; sign-off line "Asbarez".
    assert by_id.loc["001_b69e0426ef736700", "outlet"] == "Asbarez"
    assert by_id.loc["001_b69e0426ef736700", "published"] == dt.date(2020, 9, 27)
    assert by_id.loc["001_b69e0426ef736700", "published_basis"] == "header"
    # A live-updates page dated by its own "overview of events for the morning of October 3".
    assert by_id.loc["002_b9164580fb295b69", "published"] == dt.date(2020, 10, 3)
    assert by_id.loc["002_b9164580fb295b69", "published_basis"] == "text"
    assert "inferred from the text" in by_id.loc["002_b9164580fb295b69", "flags"]
    # Title suffix "— RT Russia & Former Soviet Union"; the text carries no date.
    assert by_id.loc["003_98ca3b664c01957a", "outlet"] == "RT"
    assert pd.isna(by_id.loc["003_98ca3b664c01957a", "published"])
    assert "no publication date" in by_id.loc["003_98ca3b664c01957a", "flags"]
    # Press TV's text names no outlet: unknown, and flagged.
    assert pd.isna(by_id.loc["004_5f72aff3fa37c266", "outlet"])
    assert "no outlet" in by_id.loc["004_5f72aff3fa37c266", "flags"]


def test_metadata_lines_leave_the_text_but_the_title_stays(seed_articles):
    by_id = seed_articles.set_index("article_id")
    asbarez = by_id.loc["000_8c9caf51e7030ae7", "text"]
    assert "By Asbarez |" not in asbarez
    assert asbarez.startswith("Azerbaijan Bombs Stepanakert\n")
    developing = by_id.loc["001_b69e0426ef736700", "text"]
    assert not developing.startswith(" date") and developing.startswith("DEVELOPING: Artsakh Under Attack")
    assert not developing.rstrip().endswith("\nAsbarez")
    rt = by_id.loc["003_98ca3b664c01957a"]
    assert rt["title"].endswith("(PHOTOS, VIDEO)") and "RT Russia" not in rt["text"]


def _write_bad_inputs(raw):
    (raw / "900_empty.txt").write_bytes(b"")
    (raw / "901_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = "Shelling of Martuni\nThe Défense ministry said three civilians were wounded in Martuni on Friday, according to officials in Stepanakert.\n"
    (raw / "902_latin1.txt").write_bytes(latin.encode("latin-1"))
    shutil.copy(raw / "000_8c9caf51e7030ae7.txt", raw / "903_duplicate.txt")
    (raw / "904_broken_link.txt").symlink_to(raw / "does-not-exist.txt")
    (raw / "905_folder").mkdir()


def test_every_raw_file_ends_up_in_articles_or_errors(raw_copy):
    _write_bad_inputs(raw_copy)
    articles, errors = corpus.load_articles(raw_copy)
    files = {p.name for p in raw_copy.iterdir()} - NOT_ARTICLES
    accounted = set(articles["source_file"]) | set(errors["source_file"])
    assert files <= accounted
    reasons = dict(zip(errors["source_file"], errors["reason"]))
    assert reasons["900_empty.txt"] == "empty"
    assert reasons["901_binary.txt"] == "binary"
    assert reasons["903_duplicate.txt"] == "duplicate"
    assert "000_8c9caf51e7030ae7.txt" in errors.set_index("source_file").loc["903_duplicate.txt", "detail"]
    assert reasons["904_broken_link.txt"] == "unreadable"
    assert reasons["905_folder"] == "not_a_file"
    latin = articles.set_index("source_file").loc["902_latin1.txt"]
    assert "Défense" in latin["text"]
    assert "not UTF-8" in latin["flags"]
    assert len(articles) == 6


def test_ingest_in_chunks_gives_the_same_tables(raw_copy, monkeypatch):
    """Ingest streams files into frames a chunk at a time; chunking changes nothing, duplicates across chunks included."""
    _write_bad_inputs(raw_copy)
    (raw_copy / "a-late.txt").write_text("Shelling hit Tartar on Monday, killing two civilians.\n", encoding="utf-8")
    whole, whole_errors = corpus.load_articles(raw_copy)
    monkeypatch.setattr(corpus, "INGEST_CHUNK", 2)
    chunked, chunked_errors = corpus.load_articles(raw_copy)
    pd.testing.assert_frame_equal(chunked, whole, check_exact=True)
    pd.testing.assert_frame_equal(chunked_errors, whole_errors, check_exact=True)
    assert list(whole["article_id"]) == sorted(whole["article_id"])


def test_undecodable_file_is_an_error(raw_copy, monkeypatch):
    (raw_copy / "906_undecodable.txt").write_bytes(b"Mixed \xff\xfe\xfa bytes " * 3)
    monkeypatch.setattr(corpus, "decode", lambda data: None if b"Mixed" in data else corpus.Decoded(data.decode(), "utf-8"))
    _, errors = corpus.load_articles(raw_copy)
    assert errors.set_index("source_file").loc["906_undecodable.txt", "reason"] == "undecodable"


def test_same_text_in_another_encoding_is_a_duplicate(raw_copy):
    text = (raw_copy / "004_5f72aff3fa37c266.txt").read_text(encoding="utf-8")
    (raw_copy / "907_copy_utf16.txt").write_bytes(text.encode("utf-16"))
    articles, errors = corpus.load_articles(raw_copy)
    row = errors.set_index("source_file").loc["907_copy_utf16.txt"]
    assert row["reason"] == "duplicate" and "004_5f72aff3fa37c266.txt" in row["detail"]


def test_manifest_row_problems_name_row_and_column(raw_copy):
    manifest = raw_copy / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("2020-09-27", "2020-13-45")  # row 2: bad date
    lines.append("999_missing,Reuters,,2020-10-05,external,")  # row 6: names no file
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw_copy)
    bad_date = errors[errors["reason"] == "manifest_bad_date"].iloc[0]
    assert (bad_date["row"], bad_date["column"]) == (2, "published")
    assert "2020-13-45" in bad_date["detail"] and "row 2" in bad_date["detail"]
    no_file = errors[errors["reason"] == "manifest_no_file"].iloc[0]
    assert no_file["row"] == 6 and "999_missing" in no_file["detail"]
    # the article with the bad manifest date falls back to its header line
    row = articles.set_index("article_id").loc["001_b69e0426ef736700"]
    assert (row["published"], row["published_basis"]) == (dt.date(2020, 9, 27), "header")


def test_manifest_without_required_column_is_refused(raw_copy):
    (raw_copy / "manifest.csv").write_text("outlet,published\nRT,2020-10-17\n", encoding="utf-8")
    with pytest.raises(corpus.ManifestError, match="missing required column.*article_id"):
        corpus.load_articles(raw_copy)


def test_folder_of_bare_text_files_works(tmp_path):
    raw = tmp_path / "bare"
    raw.mkdir()
    (raw / "a.txt").write_text("MOSCOW, October 5. /TASS/. Azerbaijani shelling killed two civilians in Stepanakert on Monday, October 5, 2020, officials said.\n", encoding="utf-8")
    (raw / "b.txt").write_text(" date 2023-04-11 Ceasefire collapses\nA ceasefire that came into force in Nagorno-Karabakh on Saturday, October 10, 2020, collapsed on Sunday, officials said.\n", encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    assert errors.empty
    by_id = articles.set_index("article_id")
    assert (by_id.loc["a", "outlet"], by_id.loc["a", "published"], by_id.loc["a", "published_basis"]) == ("TASS", dt.date(2020, 10, 5), "byline")
    # a crawl date years after everything the text reports is flagged, never trusted
    assert bool(by_id.loc["b", "header_conflict"]) is True
    assert "contradicts the text" in by_id.loc["b", "flags"]
    assert pd.isna(by_id.loc["b", "published"]) or by_id.loc["b", "published_basis"] != "header"


def test_dateline_without_year_takes_year_from_text_or_flags():
    meta, lines = corpus.read_text_metadata(["BAKU, Oct 2 (Reuters) - Shelling hit Ganja, officials said."], corpus.outlets())
    assert meta.outlet == "Reuters" and meta.date is None and meta.line_date.year is None
    flags: list[str] = []
    dates = corpus.publication_date(None, meta, "\n".join(lines), flags)
    assert dates.published is None and any("no year" in f for f in flags)
    # with a corpus year, the dateline takes it
    meta, lines = corpus.read_text_metadata(["BAKU, Oct 2 (Reuters) - Shelling hit Ganja, officials said."], corpus.outlets())
    dates = corpus.publication_date(None, meta, "\n".join(lines), [], 2020)
    assert (dates.published, dates.basis) == (dt.date(2020, 10, 2), "byline")


def test_corpus_year_reaches_year_less_datelines(tmp_path):
    raw = tmp_path / "corpus"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2020-10-04 Shelling in Ganja\nTwo houses were hit, the mayor said.\n", encoding="utf-8")
    (raw / "b.txt").write_text("Talks in Moscow\nPublished: 9 October 2020\nThe ministers met for ten hours.\n", encoding="utf-8")
    (raw / "c.txt").write_text("Ceasefire broken\nYEREVAN, October 11. /ARMENPRESS/. Shelling resumed at dawn, the ministry said.\n",
                               encoding="utf-8")
    # a weekday printed with the day must fall on it in the corpus year (11 October 2020 was a Sunday)
    (raw / "d.txt").write_text("Ceasefire broken\nMonday, October 11\nShelling resumed at dawn, the ministry said.\n",
                               encoding="utf-8")
    articles, errors = corpus.load_articles(raw, manifest=False)
    assert errors.empty
    by_id = articles.set_index("article_id")
    assert (by_id.loc["c", "published"], by_id.loc["c", "published_basis"]) == (dt.date(2020, 10, 11), "byline")
    assert "corpus year 2020" in by_id.loc["c", "flags"]
    assert pd.isna(by_id.loc["d", "published"]) and "weekday" in by_id.loc["d", "flags"]
    assert list(by_id.index) == ["a", "b", "c", "d"]


def test_language_guess_by_script_and_stopwords():
    assert corpus.guess_language("Հայաստանի պաշտպանության նախարարությունը հայտնել է, որ «մարտերը շարունակվում են»") == "hy"
    assert corpus.guess_language("Министерство обороны сообщило, что бои продолжаются — «тяжёлые»") == "ru"
    assert corpus.guess_language("The ministry said that two civilians were killed in the shelling of the town — “again”.") == "en"
    assert corpus.guess_language("Qarabağ Azərbaycandır! Şuşa, Ağdam, Füzuli — “azad”") == "und"
    assert corpus.guess_language("… — “” 1994 2020 ✓") == "und"
