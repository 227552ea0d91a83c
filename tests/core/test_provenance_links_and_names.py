"""Hashing the raw folder (build_inputs.json, SHA256SUMS) on hostile folders: links out of the folder are never
followed, and file names that are not valid UTF-8 are listed safely, never a traceback."""

from __future__ import annotations

import json
import os
import sys

import pytest

from analysis import cli
from analysis.build import pipeline
from analysis.core import provenance

ARTICLE = "Officials said on Monday that the bridge near the river town had reopened to traffic.\n"


def _raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    return raw


def test_links_out_of_the_folder_are_not_hashed(tmp_path):
    raw = _raw(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the corpus\n", encoding="utf-8")
    (raw / "leak.txt").symlink_to(outside)
    (raw / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (raw / "same.txt").symlink_to(raw / "a1.txt")  # a link inside the folder is the folder's file
    (tmp_path / "elsewhere.parquet").mkdir()
    (raw / "table.parquet").symlink_to(tmp_path / "elsewhere.parquet")
    hashes = provenance.file_hashes(raw)
    assert set(hashes) == {"a1.txt", "same.txt"}
    assert hashes["same.txt"] == hashes["a1.txt"] == provenance.sha256_file(raw / "a1.txt")


def test_sums_and_build_inputs_leave_out_a_link_to_a_file_outside(tmp_path):
    raw = _raw(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the corpus\n", encoding="utf-8")
    (raw / "leak.txt").symlink_to(outside)
    sums = provenance.write_raw_sums(raw).read_text(encoding="utf-8")
    assert "leak.txt" not in sums and "a1.txt" in sums
    assert provenance.verify_raw_sums(raw) == []
    out = tmp_path / "processed"
    pipeline.build(raw, out, manifest=False)
    record = json.loads((out / provenance.BUILD_INPUTS).read_text(encoding="utf-8"))
    assert set(record["raw"]) == {"a1.txt"}
    outside.write_text("changed outside\n", encoding="utf-8")  # a change outside the folder is none of its business
    assert provenance.verify_raw_sums(raw) == []


def test_a_named_pipe_is_not_hashed(tmp_path):
    raw = _raw(tmp_path)
    os.mkfifo(raw / "pipe.txt")
    assert set(provenance.file_hashes(raw)) == {"a1.txt"}  # returns at once: the pipe is never opened


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not valid UTF-8")
def test_sums_list_a_name_that_is_not_utf8_with_its_bytes_spelled_out(tmp_path):
    raw = _raw(tmp_path)
    name = os.fsdecode(b"caf\xe9-\xff.txt")  # Latin-1 bytes: not valid UTF-8, surrogate escapes in Python
    (raw / name).write_text(ARTICLE, encoding="utf-8")
    sums = provenance.write_raw_sums(raw)
    lines = sums.read_text(encoding="utf-8").splitlines()  # the file is valid UTF-8
    assert any(line.endswith("  caf\\xe9-\\xff.txt") for line in lines)
    assert provenance.verify_raw_sums(raw) == []  # and it checks against the folder it was written from
    (raw / name).write_text(ARTICLE + "One more line was added later.\n", encoding="utf-8")
    with pytest.raises(provenance.RawDataChanged, match=r"caf\\xe9-\\xff.txt: content changed"):
        provenance.verify_raw_sums(raw)


def test_sums_command_names_an_unlistable_file_in_one_line(tmp_path, capsys):
    raw = _raw(tmp_path)
    (raw / "two\nlines.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["sums", "--raw", str(raw)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "two\\nlines.txt" in err and "rename" in err and "Traceback" not in err
    assert not (raw / provenance.SUMS_NAME).exists()  # nothing half-written
    assert provenance.verify_raw_sums(raw) == []  # and no sums file: nothing to check


def test_verify_never_crashes_on_a_name_with_a_line_break(tmp_path):
    raw = _raw(tmp_path)
    provenance.write_raw_sums(raw)
    (raw / "two\nlines.txt").write_text(ARTICLE, encoding="utf-8")
    assert provenance.verify_raw_sums(raw) == ["two\\nlines.txt"]  # a new, unlisted file
