"""All-or-nothing builds (analysis.core.staging through analysis.build.pipeline.build): a build killed at any
moment leaves the previous tables whole, a second build into the same folder is refused, leftovers are cleaned,
and folders that would make a build read its own output, or an empty raw folder, are refused."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli
from analysis.build import pipeline
from analysis.core import catalog
from analysis.core import provenance
from analysis.core import staging

SRC = Path(pipeline.__file__).resolve().parents[2]

# A build run in a child process that pauses at one point of its write phase, so that the test can kill it there.
# PAUSE_AT: "table:N" after the N-th table is staged, "renamed" once the staging folder is complete but not yet
# swapped in, "swapped" right after the `current` link is replaced and before the table links are made.
SLOW_BUILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from analysis.build import pipeline
    from analysis.core import catalog, staging

    raw, out, marker, pause_at = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    written = []

    def pause(what):
        marker.write_text(what, encoding="utf-8")
        time.sleep(60)

    real_write_table = catalog.write_table

    def write_table(frame, name, out_dir=None, csv=None):
        path = real_write_table(frame, name, out_dir, csv=csv)
        written.append(name)
        if pause_at == f"table:{len(written)}":
            pause(pause_at)
        return path

    catalog.write_table = write_table
    real_close = catalog.PartWriter.close

    def close(self):  # a table written part by part is staged when its writer closes
        path = real_close(self)
        written.append(self.name)
        if pause_at == f"table:{len(written)}":
            pause(pause_at)
        return path

    catalog.PartWriter.close = close
    real_rename, real_replace = os.rename, os.replace

    def rename(src, dst, *args, **kwargs):
        real_rename(src, dst, *args, **kwargs)
        if pause_at == "renamed" and str(src).endswith(staging.PARTIAL):
            pause(pause_at)

    def replace(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        if pause_at == "swapped" and Path(dst).name == staging.CURRENT:
            pause(pause_at)

    os.rename, os.replace = rename, replace
    pipeline.build(raw, out, check_sums=False)
    marker.write_text("done", encoding="utf-8")
""")


def _state(out: Path) -> dict[str, str]:
    """SHA-256 of every table (a dataset folder's from its parts), CSV twin and build_inputs.json, as a reader
    of ``out`` sees them."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else provenance.dataset_digest(p)
            for p in sorted(out.iterdir())
            if p.name != staging.LOCK_NAME and (p.is_file() or p.suffix == ".parquet" and p.is_dir())}


def _start_slow_build(raw: Path, out: Path, marker: Path, pause_at: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(raw), str(out), str(marker), pause_at],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(marker: Path, child: subprocess.Popen, expected: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists() and marker.read_text(encoding="utf-8") == expected:
            return
        if child.poll() is not None:
            raise AssertionError(f"the build ended before {expected}: {child.stderr.read().decode()[-2000:]}")
        time.sleep(0.05)
    child.kill()
    raise AssertionError(f"the build never reached {expected}")


@pytest.fixture()
def two_corpora(raw_copy, tmp_path):
    """The seed folder, the same with one more article, and the tables of each built into their own folders."""
    changed = tmp_path / "raw2"
    changed.mkdir()
    for path in raw_copy.iterdir():
        (changed / path.name).write_bytes(path.read_bytes())
    (changed / "950_added.txt").write_text(
        "Shelling of the town\n Three soldiers were killed near the town on Friday, the ministry said.\n",
        encoding="utf-8")
    old_ref, new_ref = tmp_path / "ref_old", tmp_path / "ref_new"
    pipeline.build(raw_copy, old_ref, check_sums=False)
    pipeline.build(changed, new_ref, check_sums=False)
    assert _state(old_ref) != _state(new_ref)
    return raw_copy, changed, _state(old_ref), _state(new_ref)


@pytest.mark.parametrize("pause_at", ["table:1", "table:7", f"table:{len(pipeline.TABLE_COLUMNS)}", "renamed",
                                      "swapped"])
def test_a_build_killed_while_writing_leaves_one_whole_set_of_tables(two_corpora, tmp_path, pause_at):
    old_raw, new_raw, old_state, new_state = two_corpora
    out, marker = tmp_path / "processed", tmp_path / "marker"
    pipeline.build(old_raw, out, check_sums=False)
    assert _state(out) == old_state
    child = _start_slow_build(new_raw, out, marker, pause_at)
    _wait_for(marker, child, pause_at)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    # killed before the swap: the previous set, whole; killed after it: the new set, whole. Never a mix.
    assert _state(out) == (new_state if pause_at == "swapped" else old_state)
    inputs = json.loads((out / provenance.BUILD_INPUTS).read_text(encoding="utf-8"))
    articles = catalog.load("articles", out)
    assert ("950_added.txt" in inputs["raw"]) == ("950_added" in set(articles["article_id"]))
    # the next build cleans what the killed one left, and its tables are the new corpus's
    pipeline.build(new_raw, out, check_sums=False)
    assert _state(out) == new_state
    assert not list((out / staging.BUILDS_DIR).glob(f"*{staging.PARTIAL}"))
    assert not [p for p in out.rglob(".*") if p.name != ".gitkeep"]  # no hidden temporary file or link
    assert len(list((out / staging.BUILDS_DIR).iterdir())) <= 2  # the current build and the one before it


def test_a_second_build_into_the_same_folder_is_refused(two_corpora, tmp_path, capsys):
    old_raw, new_raw, old_state, new_state = two_corpora
    out, marker = tmp_path / "processed", tmp_path / "marker"
    child = _start_slow_build(new_raw, out, marker, "table:3")
    try:
        _wait_for(marker, child, "table:3")
        assert cli.main(["build", "--raw", str(old_raw), "--out", str(out), "--no-check-sums"]) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1
        assert f"{out}: another build is writing into this folder (pid {child.pid}" in err
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with staging.locked(out):  # in one process too: the lock is per open file, not per process
        with pytest.raises(staging.BuildLocked, match="another build is writing"):
            pipeline.build(old_raw, out, check_sums=False)
    pipeline.build(old_raw, out, check_sums=False)  # the kill released the lock
    assert _state(out) == old_state


def test_leftovers_of_a_killed_build_are_removed_and_named(raw_copy, tmp_path, caplog):
    out = tmp_path / "processed"
    pipeline.build(raw_copy, out, check_sums=False)
    partial = out / staging.BUILDS_DIR / f"20200101T000000Z-dead{staging.PARTIAL}"
    partial.mkdir()
    (partial / "articles.parquet").write_bytes(b"half a table")
    old_tmp = out / ".claims.parquet.x1y2.tmp"  # what an atomic write killed half-way leaves
    old_tmp.write_bytes(b"\0" * 1000)
    link_tmp = out / f"{staging.TMP_LINK}123-articles.csv"
    os.symlink("current/articles.csv", link_tmp)
    with caplog.at_level(logging.WARNING, logger="analysis.core.staging"):
        pipeline.build(raw_copy, out, check_sums=False)
    for path in (partial, old_tmp, link_tmp):
        assert not os.path.lexists(path)
        assert f"removed {path}, left by a build that did not finish" in caplog.text


def test_a_failed_build_keeps_the_tables_and_leaves_no_staging(raw_copy, tmp_path, monkeypatch):
    out = tmp_path / "processed"
    pipeline.build(raw_copy, out, check_sums=False)
    before = _state(out)
    real = catalog.write_table

    def fail_on_incidents(frame, name, out_dir=None, csv=None):  # after the per-article parts are written
        if name == "incidents":
            raise OSError("disk full")
        return real(frame, name, out_dir, csv=csv)

    monkeypatch.setattr(catalog, "write_table", fail_on_incidents)
    with pytest.raises(OSError, match="disk full"):
        pipeline.build(raw_copy, out, check_sums=False)
    assert _state(out) == before
    assert [p.name for p in (out / staging.BUILDS_DIR).iterdir()] == [os.readlink(out / staging.CURRENT).split("/")[-1]]


@pytest.mark.parametrize("where", ["same", "out inside raw", "raw inside out"])
def test_output_folder_and_raw_folder_must_not_nest(raw_copy, tmp_path, capsys, where):
    raw = raw_copy
    if where == "raw inside out":
        raw = tmp_path / "out" / "raw"
        raw.parent.mkdir()
        raw_copy.rename(raw)
    out = {"same": raw, "out inside raw": raw / "processed", "raw inside out": tmp_path / "out"}[where]
    before = sorted(p.name for p in raw.iterdir())
    assert cli.main(["build", "--raw", str(raw), "--out", str(out), "--no-check-sums"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(out) in err and str(raw) in err
    assert sorted(p.name for p in raw.iterdir()) == before  # nothing written into the raw folder
    with pytest.raises(staging.OutputLocation):
        pipeline.build(raw, out, check_sums=False)


def test_an_empty_raw_folder_is_refused_unless_allowed(raw_copy, tmp_path, capsys):
    out, empty = tmp_path / "processed", tmp_path / "empty"
    empty.mkdir()
    pipeline.build(raw_copy, out, check_sums=False)
    before = _state(out)
    assert cli.main(["build", "--raw", str(empty), "--out", str(out), "--no-check-sums"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{empty}: no article read" in err and "--allow-empty" in err
    assert _state(out) == before
    (empty / "blank.txt").write_text("  \n", encoding="utf-8")  # a file read, but no article in it
    with pytest.raises(pipeline.EmptyRaw, match=r"no article read \(1 ingest error"):
        pipeline.build(empty, out, check_sums=False)
    assert cli.main(["-q", "build", "--raw", str(empty), "--out", str(out), "--no-check-sums", "--allow-empty"]) == 0
    assert catalog.load("articles", out).empty and len(catalog.load("ingest_errors", out)) == 1


def test_a_build_into_a_folder_with_other_files_keeps_them_and_replaces_old_flat_tables(raw_copy, tmp_path):
    """data/processed is in git with a .gitkeep; a folder written by an older build holds plain table files."""
    out = tmp_path / "processed"
    out.mkdir()
    (out / ".gitkeep").write_text("", encoding="utf-8")
    (out / "README.md").write_text("My notes.\n", encoding="utf-8")
    catalog.write_table(pd.DataFrame({"article_id": ["old"]}), "articles", out)
    pipeline.build(raw_copy, out, check_sums=False)
    assert (out / ".gitkeep").exists() and (out / "README.md").read_text(encoding="utf-8") == "My notes.\n"
    assert (out / "articles.parquet").is_symlink() and len(catalog.load("articles", out)) == 5
    assert [p.stem for p in catalog.table_paths(out)] == sorted(pipeline.TABLE_COLUMNS)


def test_a_snapshot_stays_readable_while_the_next_build_replaces_it(two_corpora, tmp_path):
    old_raw, new_raw, _, _ = two_corpora
    out = tmp_path / "processed"
    pipeline.build(old_raw, out, check_sums=False)
    pinned = catalog.snapshot(out)
    pipeline.build(new_raw, out, check_sums=False)
    assert len(catalog.load("articles", pinned)) == 5 and len(catalog.load("articles", out)) == 6
    assert catalog.snapshot(out) != pinned
    pipeline.build(new_raw, out, check_sums=False)  # the build after next removes it
    assert not pinned.exists()


def test_a_report_reads_every_table_and_hashes_from_the_build_current_when_it_started(two_corpora, tmp_path):
    from analysis.report import render

    old_raw, new_raw, _, _ = two_corpora
    out = tmp_path / "processed"
    pipeline.build(old_raw, out, check_sums=False)
    report = render.start("01_corpus_overview", raw_dir=str(old_raw), processed_dir=str(out))
    pipeline.build(new_raw, out, check_sums=False)  # a build swaps in while the report runs
    assert report.tables != catalog.snapshot(out)
    assert len(catalog.load("articles", report.tables)) == 5 and len(catalog.load("articles", out)) == 6
    assert report.record["data"]["articles"] == 5


def test_a_staged_build_writes_tables_in_parts_and_drops_links_to_tables_it_no_longer_has(tmp_path):
    out = tmp_path / "processed"
    frame = pd.DataFrame({"n": [1, 2, 3], "word": ["a", None, "c"]})
    with staging.locked(out), staging.staged(out) as stage:
        stage.write_table(frame, "whole")
        with stage.parts("streamed") as parts:
            parts.write(frame.iloc[2:], 1)
            parts.write(frame.iloc[:2], 0)
        with stage.parts("claims"):  # a declared table with no part is its typed empty frame
            pass
    pd.testing.assert_frame_equal(catalog.load("streamed", out), catalog.load("whole", out))
    assert catalog.load("claims", out).empty and list(catalog.load("claims", out)) == list(pipeline.TABLE_COLUMNS["claims"])
    assert (out / "streamed.parquet").is_dir() and (out / "streamed.csv").read_text() == (out / "whole.csv").read_text()
    with staging.locked(out), staging.staged(out) as stage:
        stage.write_table(frame, "whole")
    assert not os.path.lexists(out / "streamed.parquet") and not os.path.lexists(out / "streamed.csv")
    with pytest.raises(catalog.TableNotBuilt, match="tables there: whole"):
        catalog.load("streamed", out)
