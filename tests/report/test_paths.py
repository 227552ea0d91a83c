"""Where reports go and which tables they may read (analysis.report.paths)."""

from __future__ import annotations

import shutil

import pytest

from analysis.build import pipeline
from analysis.report import paths


def test_a_custom_folder_is_named_after_what_was_asked():
    assert paths.custom_folder_name("02_casualty_tolls", {"outlets": ["RT"]}) == "02_casualty_tolls-outlets-RT"
    name = paths.custom_folder_name("01_corpus_overview", {"outlets": ["RT", "Press TV"], "date_from": "2020-10-01",
                                                           "processed_dir": "/tmp/some where/proc"})
    assert name == "01_corpus_overview-outlets-RT+Press_TV-date_from-2020-10-01-processed_dir-proc"
    long = paths.custom_folder_name("04_framing", {"outlets": [f"outlet {k}" for k in range(30)]})
    other = paths.custom_folder_name("04_framing", {"outlets": [f"outlet {k}" for k in range(31)]})
    assert len(long) <= paths.MAX_FOLDER_NAME and long != other
    assert paths.custom_folder_name("01_corpus_overview", {}) == "01_corpus_overview-defaults"


def test_figures_go_to_scratch_unless_the_renderer_runs_the_notebook(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.REPORTS_ENV, raising=False)
    monkeypatch.setenv(paths.SCRATCH_ENV, str(tmp_path / "scratch"))
    assert paths.figures_base() == (tmp_path / "scratch", False)
    monkeypatch.setenv(paths.REPORTS_ENV, str(tmp_path / "staging"))
    assert paths.figures_base() == (tmp_path / "staging", True)


def test_warcov_processed_becomes_an_explicit_parameter(monkeypatch, tmp_path):
    monkeypatch.setenv("WARCOV_PROCESSED", str(tmp_path))
    assert paths.processed_from_environment({"processed_dir": None})["processed_dir"] == str(tmp_path)
    assert paths.processed_from_environment({"processed_dir": "/x"}) == {"processed_dir": "/x"}
    monkeypatch.delenv("WARCOV_PROCESSED")
    assert paths.processed_from_environment({"processed_dir": None}) == {"processed_dir": None}


def test_tables_of_another_raw_folder_are_refused(raw_copy, tmp_path):
    processed = tmp_path / "proc"
    pipeline.build(raw_copy, processed, check_sums=False)
    paths.check_tables_match_raw(raw_copy, processed)  # built from it: fine
    paths.check_tables_match_raw(None, processed)  # no raw folder named: nothing to check
    other = tmp_path / "other"
    shutil.copytree(raw_copy, other)
    next(other.glob("*.txt")).write_text("A different article.\n", encoding="utf-8")
    with pytest.raises(paths.TablesMismatch, match="built from other raw files .*python -m analysis build --raw"):
        paths.check_tables_match_raw(other, processed)
    (processed / "build_inputs.json").unlink()
    with pytest.raises(paths.TablesMismatch, match="do not say which raw files"):
        paths.check_tables_match_raw(raw_copy, processed)
    with pytest.raises(paths.TablesMismatch, match="no such folder"):
        paths.check_tables_match_raw(tmp_path / "missing", processed)
