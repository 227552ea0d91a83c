"""The build (analysis.build.pipeline): chunked or stage by stage the same tables, written atomically, refused on
changed raw data, byte-identical whatever the hash seed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis.build import pipeline
from analysis.core import catalog
from analysis.core import provenance


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_chunked_build_equals_the_stage_by_stage_build(raw_copy, chunk_size):
    timings: dict[str, float] = {}
    chunked = pipeline.build_tables(raw_copy, timings=timings, chunk_size=chunk_size)
    assert set(timings) == {name for name, _ in pipeline.STAGES} and all(t >= 0 for t in timings.values())
    tables: dict[str, pd.DataFrame] = {}
    for name, stage in pipeline.STAGES:
        tables.update(stage(tables, raw_copy, None) if stage is pipeline.ingest_stage else stage(tables))
    assert list(chunked) == list(pipeline.TABLE_COLUMNS)
    assert chunked["extraction_errors"].empty  # the seeds extract cleanly (the stages on their own have no isolation)
    for name in pipeline.TABLE_COLUMNS:
        if name != "extraction_errors":
            pd.testing.assert_frame_equal(chunked[name], tables[name], check_exact=True, obj=name)


def test_chunk_size_must_be_positive(raw_copy):
    with pytest.raises(ValueError, match="chunk_size"):
        pipeline.build_tables(raw_copy, chunk_size=0)


def test_build_writes_every_table_atomically(raw_copy, tmp_path, monkeypatch):
    out = tmp_path / "processed"
    written = pipeline.build(raw_copy, out)
    assert {"articles", "ingest_errors"} <= set(written)
    assert len(catalog.load("articles", out)) == 5
    assert (out / "articles.csv").exists()
    before = (out / "ingest_errors.parquet").read_bytes(), provenance.dataset_digest(out / "articles.parquet")

    def explode(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", explode)
    with pytest.raises(RuntimeError):
        pipeline.build(raw_copy, out)
    assert ((out / "ingest_errors.parquet").read_bytes(), provenance.dataset_digest(out / "articles.parquet")) == before
    assert not list(out.rglob(".*.tmp")) and not list(out.glob("builds/*.partial"))


def test_build_refuses_changed_raw_data(raw_copy, tmp_path):
    provenance.write_raw_sums(raw_copy)
    target = raw_copy / "004_5f72aff3fa37c266.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nEdited.", encoding="utf-8")
    with pytest.raises(provenance.RawDataChanged, match="004_5f72aff3fa37c266.txt: content changed"):
        pipeline.build(raw_copy, tmp_path / "out")


def test_build_is_byte_identical_whatever_the_hash_seed(tmp_path):
    """Same inputs -> the same tables, byte for byte (no set- or dict-order dependence)."""
    hashes = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "analysis", "build", "--out", str(out)], check=True, env=env, capture_output=True)
        hashes.append({p.name: _sha(p) if p.is_file() else provenance.dataset_digest(p) for p in sorted(out.iterdir())
                       if p.name != "build.lock" and (p.is_file() or p.suffix == ".parquet")})
    assert hashes[0] == hashes[1]
    assert {"articles.parquet", "claims.parquet", "events.parquet", "sources.parquet"} <= set(hashes[0])
