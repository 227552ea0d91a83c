"""A hostile page of one place name repeated makes a name mention every dozen characters, each of which used to
copy its whole sentence: the name_mentions rows of one article copy at most SENTENCE_CHARS_PER_ARTICLE
characters of sentence text, the rows past it keep their sentence_index, and an extraction_errors row says so."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.build import pipeline
from analysis.extract import names as naming

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from hostile_texts import hostile_text  # noqa: E402

NEWS = ("Officials in Stepanakert said on Monday that shelling had damaged two schools. "
        "A spokesman in Ganja said the town was calm by the evening.\n")


def _raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "news.txt").write_text("A quiet evening\n" + NEWS, encoding="utf-8")
    (raw / "page.txt").write_text(hostile_text("place", 40_000), encoding="utf-8")
    return raw


def test_a_page_of_place_names_copies_a_bounded_amount_of_sentence_text(tmp_path, monkeypatch):
    raw = _raw(tmp_path)
    monkeypatch.setattr(naming, "SENTENCE_CHARS_PER_ARTICLE", 10**12)
    whole = pipeline.build_tables(raw, manifest=False)
    monkeypatch.undo()
    tables = pipeline.build_tables(raw, manifest=False)
    mentions, before = tables["name_mentions"], whole["name_mentions"]
    page = mentions[mentions["article_id"] == "page"]
    assert len(page) > 3000 and len(mentions) == len(before)  # every mention is kept
    assert page["sentence"].str.len().sum() <= naming.SENTENCE_CHARS_PER_ARTICLE
    assert (page["sentence"] == "").sum() > 0 and (page["sentence_index"] >= 0).all()
    cols = [c for c in mentions.columns if c != "sentence"]
    assert mentions[cols].equals(before[cols])  # only sentence cells past the bound differ
    kept = page["sentence"] != ""
    assert page.loc[kept, "sentence"].equals(before.loc[page.index[kept], "sentence"])
    news = mentions[mentions["article_id"] == "news"]
    assert len(news) and news.equals(before[before["article_id"] == "news"])  # a news article is untouched
    errors = tables["extraction_errors"]
    assert list(errors["article_id"]) == ["page"]
    row = errors.iloc[0]
    assert row[[c for c in errors.columns if "error" in c or c == "error_type"][0]] == pipeline.CONTEXT_CAPPED
    assert "empty sentence" in " ".join(str(v) for v in row.values)
    assert whole["extraction_errors"].empty
