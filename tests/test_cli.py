"""The command line (analysis.cli): one line per error, parameters checked before a kernel starts."""

from __future__ import annotations

import shutil

import pytest

import analysis
from analysis import cli
from analysis.core import config
from analysis.ingest import corpus
from analysis.report import render as reports


def test_unknown_parameter_is_rejected_before_any_kernel(capsys, monkeypatch):
    monkeypatch.setattr(reports, "render", lambda *a, **k: pytest.fail("a kernel was started"))
    code = cli.main(["report", "01", "-p", "outlet", "RT"])
    err = capsys.readouterr().err
    assert code == 1
    assert "unknown parameter(s) outlet" in err and "outlets" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_report_and_bad_build_folder_give_one_line(capsys, tmp_path):
    assert cli.main(["report", "99_nothing"]) == 1
    assert "unknown report '99_nothing'" in capsys.readouterr().err
    assert cli.main(["build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1
    assert "raw folder not found" in capsys.readouterr().err


def test_a_failing_cell_is_reported_in_one_line(capsys, tmp_path):
    missing = tmp_path / "no-tables-here"
    missing.mkdir()
    code = cli.main(["report", "01", "-p", "processed_dir", str(missing), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert "01_corpus_overview: cell" in err and "TableNotBuilt" in err and "articles" in err


def test_an_empty_parameter_file_still_renders_beside_the_default_and_is_indexed(tmp_path, monkeypatch):
    calls, indexed = [], []

    def fake_render(name, overrides, **kw):
        calls.append((kw["custom"], kw["out_dir"]))
        return reports.Rendered(name, tmp_path / "x.html", tmp_path / "x.json", "warcov-test")

    monkeypatch.setattr(reports, "render", fake_render)
    monkeypatch.setattr(reports, "write_index", lambda folder=None: indexed.append(folder) or tmp_path / "index.html")
    params = tmp_path / "empty.yaml"
    params.write_text("{}\n", encoding="utf-8")
    assert cli.main(["report", "01", "-f", str(params)]) == 0
    assert calls == [(True, None)] and indexed == [None]  # reports/index.html lists it


def test_out_is_relative_to_the_callers_directory(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(reports, "render", lambda name, overrides, **kw: calls.append(kw["out_dir"]) or
                        reports.Rendered(name, tmp_path / "x.html", tmp_path / "x.json", "warcov-test"))
    monkeypatch.setattr(reports, "write_index", lambda folder=None: calls.append(("index", folder)) or folder)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", "01", "--out", "mine"]) == 0
    assert calls == [tmp_path / "mine", ("index", tmp_path / "mine")]


def test_a_raw_folder_without_its_tables_is_refused_in_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(reports, "render", lambda *a, **k: pytest.fail("a kernel was started"))
    other = tmp_path / "raw"
    other.mkdir()
    (other / "a.txt").write_text("An article.\n", encoding="utf-8")
    assert cli.main(["report", "01", "-p", "raw_dir", str(other)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "python -m analysis build --raw" in err


def test_version_and_quiet_flags(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip().endswith(analysis.__version__)


def test_build_ends_with_a_summary_of_what_it_did(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    (raw / "empty.txt").write_text("   \n", encoding="utf-8")
    assert cli.main(["-q", "build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-check-sums"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("articles: 5 (0 with no outlet, 0 with no publication date")
    assert "ingest errors: 1 (empty 1): see ingest_errors" in out
    assert "skipped, not articles: 2 (SHA256SUMS, manifest.csv)" in out
    assert "casualty claims" in out and f"tables written in {tmp_path / 'out'} (rows): articles 5, ingest_errors 3" in out


def test_strict_build_writes_nothing_on_an_ingest_error(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    (raw / "empty.txt").write_text("", encoding="utf-8")
    assert cli.main(["build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-check-sums", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "--strict: 1 ingest error(s), nothing written; the first: empty.txt is empty" in err
    assert not (tmp_path / "out").exists()


def test_errors_name_the_offender(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Two soldiers were wounded.", encoding="utf-8")
    assert cli.main(["build", "--raw", str(article), "--out", str(tmp_path / "out")]) == 1
    assert f"--raw {article} is a file; give the folder" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="sums: --raw .*nope: no such folder"):
        cli.main(["sums", "--raw", str(tmp_path / "nope")])


def test_manifest_problems_are_worded_for_a_person(tmp_path, caplog):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Two soldiers were wounded on Friday.", encoding="utf-8")
    (raw / "manifest.csv").write_text("article_id,published,publisher\na,2020-09-31,X\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        _, errors = corpus.load_articles(raw)
    assert "'2020-09-31' is an impossible date: September 2020 has 30 days" in errors.set_index("reason").loc["manifest_bad_date", "detail"]
    assert "column(s) publisher are not manifest columns and are ignored" in caplog.text
