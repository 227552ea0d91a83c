"""Ingest holds a bounded number of articles whatever the corpus size: records wait in sorted runs spilled to
disk and are merged back in ``article_id`` order (issue 15, flat memory). Spilling must change nothing."""

from __future__ import annotations

import random

import pandas as pd

from analysis.build import pipeline
from analysis.core import catalog
from analysis.ingest import corpus
from analysis.ingest.sorted_runs import SortedRuns, blocks


def test_spilled_runs_merge_back_in_key_order_and_leave_no_file(tmp_path):
    keys = [f"k{n:04d}" for n in range(250)]
    shuffled = keys[:]
    random.Random(3).shuffle(shuffled)
    runs = SortedRuns(lambda r: r["id"], run_size=16, folder=tmp_path / "runs")
    for key in shuffled:
        runs.add({"id": key, "text": key * 3})
    assert runs.count == 250 and len(list((tmp_path / "runs").iterdir())) == 250 // 16  # the rest is held
    merged = list(runs.merged())
    assert [r["id"] for r in merged] == keys and merged[7]["text"] == keys[7] * 3
    runs.close()
    assert not list((tmp_path / "runs").iterdir())


def test_records_that_fit_in_one_run_are_never_written(tmp_path):
    runs = SortedRuns(lambda r: r, run_size=10)
    for value in (3, 1, 2):
        runs.add(value)
    assert list(runs.merged()) == [1, 2, 3] and runs.folder is None
    runs.close()


def test_blocks_cut_a_stream_into_lists_of_a_size():
    assert list(blocks(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(blocks(iter([]), 3)) == []


def test_articles_read_in_tiny_runs_equal_those_read_in_one(raw_copy, monkeypatch):
    """Seeds plus undated articles (dated with the corpus year as they are merged back), in runs of 2."""
    for n, stem in enumerate(("000_first", "zzz_last", "002_middle")):
        (raw_copy / f"{stem}.txt").write_text(f"STEPANAKERT, October {n + 3}. /TASS/. Shelling wounded {n + 3} "
                                              "civilians on Monday, officials said.\n", encoding="utf-8")
    whole, whole_errors = corpus.load_articles(raw_copy)
    monkeypatch.setattr(corpus, "INGEST_CHUNK", 2)
    with corpus.ArticleStream(raw_copy, scratch=raw_copy.parent / "scratch") as stream:
        errors = stream.read()
        assert stream.count == len(whole) == 8
        assert len(list((raw_copy.parent / "scratch").rglob("run-*"))) >= 3  # several runs were spilled
        frames = list(stream.frames(3))
    assert [len(f) for f in frames] == [3, 3, 2]
    pd.testing.assert_frame_equal(catalog.concat_chunks(frames, corpus.articles_frame([])), whole)
    pd.testing.assert_frame_equal(errors, whole_errors)
    assert whole["article_id"].is_monotonic_increasing
    dated = whole.set_index("article_id")["published"].astype(str)
    assert dated[["000_first", "002_middle", "zzz_last"]].tolist() == ["2020-10-03", "2020-10-05", "2020-10-04"]
    assert not (raw_copy.parent / "scratch").exists()


def test_a_build_that_spilled_runs_leaves_no_scratch_folder_in_its_tables(raw_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "INGEST_CHUNK", 2)  # the seeds in three runs
    pipeline.build(raw_copy, tmp_path / "out", check_sums=False, chunk_size=2)
    folder = catalog.snapshot(tmp_path / "out")
    assert not list(folder.glob(".*")) and len(catalog.load("articles", tmp_path / "out")) == 5
