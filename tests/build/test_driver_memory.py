"""The build's driver holds no table's sentences for its corpus-level steps (issue 16, peak memory): it reads
only the columns a step uses, only the linkable events, and writes a parted table's CSV twin in batches.
Each shortcut must give what the step gave on whole tables."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from analysis.build import arrow_memory
from analysis.build import pipeline
from analysis.core import catalog
from analysis.extract import names as naming
from analysis.link import lag


def _build(raw, out, chunk_size=2):
    pipeline.build(raw, out, chunk_size=chunk_size)  # several partitions: tables written as parts
    return catalog.snapshot(out)


def test_corpus_level_steps_on_projected_tables_equal_those_on_whole_tables(raw_copy, tmp_path):
    folder = _build(raw_copy, tmp_path / "out")
    events = catalog.read_table(folder / "events.parquet")
    assert len(catalog.part_files(folder / "events.parquet")) > 1 and len(events)
    whole = pipeline.events_linked(events)
    linkable = pipeline._linkable_events(folder / "events.parquet")
    assert len(linkable) < len(events)  # events without a place or a date are not read
    projected = pipeline.events_linked(linkable)
    for name in ("incidents", "incident_mentions", "reporting_lag"):
        pd.testing.assert_frame_equal(projected[name], whole[name])
    mentions = catalog.read_table(folder / "name_mentions.parquet")
    assert len(catalog.part_files(folder / "names.parquet")) > 1  # each partition counted its own articles
    pd.testing.assert_frame_equal(catalog.load("names", tmp_path / "out"), naming.names_table(mentions))
    claims = catalog.read_table(folder / "claims.parquet")
    articles = catalog.read_table(folder / "articles.parquet")
    assert len(catalog.part_files(folder / "articles.parquet")) > 1  # the texts were never all in the driver
    announced = pipeline._announced_claims(folder / "claims.parquet")
    assert 0 < len(announced) < len(claims)  # claims with no claimant or no count are not read
    pd.testing.assert_frame_equal(lag.announcement_lag(announced, articles), lag.announcement_lag(claims, articles))
    pd.testing.assert_frame_equal(catalog.load("announcement_lag", tmp_path / "out"),
                                  lag.announcement_lag(claims, articles))
    pd.testing.assert_frame_equal(catalog.load("incidents", tmp_path / "out"), whole["incidents"], check_dtype=False)


def test_a_parted_csv_twin_written_in_batches_is_the_same_file(raw_copy, tmp_path, monkeypatch):
    one = _build(raw_copy, tmp_path / "one", chunk_size=1000)
    monkeypatch.setattr(catalog, "CSV_BATCH_ROWS", 3)  # every part in many batches
    many = _build(raw_copy, tmp_path / "many", chunk_size=1000)
    for name in pipeline.PARTITION_TABLES + ("claims",):
        assert (many / f"{name}.csv").read_bytes() == (one / f"{name}.csv").read_bytes(), name


def test_the_build_allocates_arrow_memory_from_the_system_pool_and_restores_the_previous_one():
    """mimalloc (pyarrow's default) keeps what a partition freed; the build uses the system allocator."""
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    try:
        with arrow_memory.system_pool():
            assert pa.default_memory_pool().backend_name == "system"
        assert pa.default_memory_pool().backend_name == "mimalloc"
    finally:
        pa.set_memory_pool(previous)
