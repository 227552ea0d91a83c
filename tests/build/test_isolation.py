"""Per-article isolation (analysis.build.isolation): an article that fails a stage, or runs past the time limit,
becomes an extraction_errors row; the other articles, and its other stages, keep their rows."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from analysis import cli
from analysis.build import isolation
from analysis.build import pipeline
from analysis.build.summary import build_summary
from analysis.extract import claims as claim_module
from analysis.extract import names as name_module
from analysis.extract import sources as source_module

BAD = "Zorblat Province: 12 soldiers were killed near Ganja on Monday, the ministry said.\n"
"""A sentence marking the article the tests make fail (the fake province never occurs in the seeds)."""


def _with_bad_article(raw):
    (raw / "900_bad.txt").write_text("Fighting goes on\n\n" + BAD, encoding="utf-8")
    return raw


def _good_rows(tables, name):
    frame = tables[name]
    return frame[frame["article_id"] != "900_bad"].reset_index(drop=True)


def test_an_article_that_raises_costs_only_its_stage(raw_copy, monkeypatch):
    clean = pipeline.build_tables(raw_copy)
    real = claim_module.claim_rows

    def failing(articles, parsed=None):
        if any("Zorblat" in text for text in articles["text"]):
            raise RuntimeError("rule blew up")
        return real(articles, parsed)

    monkeypatch.setattr(claim_module, "claim_rows", failing)
    tables = pipeline.build_tables(_with_bad_article(raw_copy), chunk_size=1000)
    errors = tables["extraction_errors"]
    assert errors[["article_id", "source_file", "stage", "error_type"]].values.tolist() == [
        ["900_bad", "900_bad.txt", "claims", "RuntimeError"]]
    assert "900_bad.txt" in errors["message"].iloc[0] and "rule blew up" in errors["message"].iloc[0]
    assert "900_bad" not in set(tables["claims"]["article_id"])
    # its other stages still ran: the date and the place were found
    assert "900_bad" in set(tables["events"]["article_id"]) and "900_bad" in set(tables["name_mentions"]["article_id"])
    # and the other articles lost nothing
    for name in ("events", "name_mentions", "sources", "hedges"):
        pd.testing.assert_frame_equal(_good_rows(tables, name), clean[name], obj=name)
    columns = [c for c in clean["claims"].columns if c != "incident_id"]
    pd.testing.assert_frame_equal(_good_rows(tables, "claims")[columns], clean["claims"][columns])


def test_rows_that_do_not_fit_the_table_are_found_article_by_article(raw_copy, monkeypatch):
    real = claim_module.claim_rows

    def overflowing(articles, parsed=None):
        rows = real(articles, parsed)
        for row in rows:
            if row["article_id"] == "900_bad":
                row["count"] = 2 ** 70  # no Int64 holds it: the cast of the chunk's frame fails
        return rows

    monkeypatch.setattr(claim_module, "claim_rows", overflowing)
    tables = pipeline.build_tables(_with_bad_article(raw_copy))
    errors = tables["extraction_errors"]
    assert errors["article_id"].tolist() == ["900_bad"] and errors["stage"].tolist() == ["claims"]
    assert len(tables["claims"]) and "900_bad" not in set(tables["claims"]["article_id"])


def test_an_article_past_the_time_limit_skips_its_later_stages(raw_copy, monkeypatch):
    pipeline.build_tables(raw_copy)  # lexicons loaded: the first article is not charged for them
    real_names, real_sources = name_module.mention_rows, source_module.source_rows

    def slow(real):
        def run(articles, **kwargs):
            if any("Zorblat" in text for text in articles["text"]):
                time.sleep(0.6)
            return real(articles, **kwargs)
        return run

    monkeypatch.setattr(name_module, "mention_rows", slow(real_names))
    monkeypatch.setattr(source_module, "source_rows", slow(real_sources))
    tables = pipeline.build_tables(_with_bad_article(raw_copy), guard=isolation.Isolation(article_seconds=0.4))
    errors = tables["extraction_errors"]
    # names, on the whole chunk, took too long: sources then ran article by article, timed, and caught it
    assert errors[["article_id", "stage", "error_type"]].values.tolist() == [["900_bad", "sources", isolation.TIME_LIMIT]]
    assert "over the limit of 0.4 s" in errors["message"].iloc[0]
    assert "900_bad" not in set(tables["sources"]["article_id"]) | set(tables["hedges"]["article_id"])
    assert "900_bad" in set(tables["name_mentions"]["article_id"])  # the stages before it keep their rows
    assert tables["sources"]["article_id"].nunique() == 5  # the other articles keep theirs


def test_one_by_one_times_every_article(raw_copy):
    guard = isolation.Isolation(one_by_one=True)
    tables = pipeline.build_tables(raw_copy, guard=guard)
    assert set(guard.seconds) == set(tables["articles"]["article_id"]) and all(s >= 0 for s in guard.seconds.values())
    assert tables["extraction_errors"].empty


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "10", True])
def test_the_time_limit_must_be_a_positive_number(bad):
    with pytest.raises(ValueError, match="article_seconds"):
        isolation.Isolation(article_seconds=bad)


def test_strict_makes_extraction_errors_fatal_and_the_summary_shows_them(raw_copy, tmp_path, monkeypatch, capsys):
    def failing(articles, parsed=None):
        raise KeyError("no such rule")

    monkeypatch.setattr(claim_module, "claim_rows", failing)
    out = tmp_path / "out"
    code = cli.main(["build", "--raw", str(raw_copy), "--out", str(out), "--no-check-sums", "--strict"])
    assert code == 1
    assert "--strict: 5 extraction error(s), nothing written; the first: article '000_" in capsys.readouterr().err
    assert not out.exists()
    tables: dict = {}
    written = pipeline.build(raw_copy, out, tables_out=tables)
    assert len(pd.read_parquet(out / "extraction_errors.parquet")) == 5
    summary = build_summary(tables, written)
    assert "extraction errors: 5 in 5 article(s) (claims 5): see extraction_errors" in summary


def test_the_cli_refuses_a_bad_time_limit(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["build", "--raw", str(tmp_path), "--article-seconds", "0"])
    assert "expected a positive number of seconds" in capsys.readouterr().err
