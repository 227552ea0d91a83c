"""Same tables whatever the engine: in-process, local worker processes, and a dask.distributed cluster.

A real scheduler and two worker processes are started on localhost; the bundled seeds and a perturbed corpus
of 200 articles built from them are built serially and on the cluster, and every table read back
(``catalog.load``) must be frame-equal, rows in the same order.
"""

from __future__ import annotations

import random

import dask
import pandas as pd
import pyarrow as pa
import pytest

from analysis import cli
from analysis.build import engine
from analysis.build import pipeline
from analysis.core import catalog
from analysis.core import config
from perturbed_seeds import perturbed, seed_texts
from seed_forms import seeds, write_html, write_warc

distributed = pytest.importorskip("distributed")

def write_corpus(target, size: int, seed: int = 5) -> None:
    """``size`` perturbed copies of the seeds (:mod:`perturbed_seeds`)."""
    rng = random.Random(seed)
    texts = seed_texts()
    target.mkdir(parents=True)
    for i in range(size):
        (target / f"{i:05d}.txt").write_text(perturbed(texts[i % len(texts)], rng) + f"\nReport {i}.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two worker processes on localhost, as `dask scheduler` / `dask worker` would give."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": ":0"}, scheduler_port=0, env={"PYTHONPATH": engine.worker_pythonpath()}) as running:
        yield running


def assert_same_tables(left, right) -> None:
    for name in pipeline.TABLE_COLUMNS:
        pd.testing.assert_frame_equal(catalog.load(name, left), catalog.load(name, right), obj=name)


@pytest.mark.parametrize("size, partition", [(None, 2), (200, 40)])
def test_serial_and_cluster_builds_give_the_same_tables(cluster, tmp_path, size, partition):
    raw = config.RAW_DIR
    if size is not None:
        raw = tmp_path / "raw"
        write_corpus(raw, size)
    serial = tmp_path / "serial"
    pipeline.build(raw, serial, check_sums=False, workers=0, chunk_size=partition)
    on_cluster = tmp_path / "cluster"
    pipeline.build(raw, on_cluster, check_sums=False, scheduler=cluster.scheduler_address, chunk_size=partition)
    assert_same_tables(serial, on_cluster)
    events = catalog.snapshot(on_cluster) / "events.parquet"
    assert events.is_dir() and len(catalog.part_files(events)) > 2  # written part by part, one per partition
    assert not list(catalog.snapshot(on_cluster).glob(".*"))  # the scratch claims are gone before the swap
    if size is None:  # the streamed build gives the tables of the in-memory one
        tables = pipeline.build_tables(raw)
        for name in pipeline.TABLE_COLUMNS:
            written = tmp_path / "memory"
            catalog.write_table(tables[name], name, written)
            pd.testing.assert_frame_equal(catalog.load(name, written), catalog.load(name, serial), obj=name)


def test_ingest_on_the_cluster_reads_every_form_and_keeps_the_serial_decisions(cluster, tmp_path):
    """Pages and records are read on the workers, duplicates, ids taken and the corpus year decided in the
    driver: the same articles and errors as in-process, for HTML, a WARC, a copy, two files of one id and
    articles that wait for the corpus year."""
    raw = tmp_path / "raw"
    raw.mkdir()
    items = seeds()
    write_html(raw, items[:3])
    write_warc(raw / "crawl.warc.gz", items[3:])
    first = (config.RAW_DIR / "000_8c9caf51e7030ae7.txt").read_bytes()
    (raw / "copy.txt").write_bytes(first)
    (raw / "copy2.txt").write_bytes(first)  # the same bytes: a duplicate
    (raw / "twin.txt").write_text("The shelling went on at dawn in the town, officials said on Friday.\n" * 3,
                                  encoding="utf-8")
    (raw / "twin.md").write_text("YEREVAN, October 9. Two more soldiers were killed on the front, the ministry said.\n",
                                 encoding="utf-8")  # the id of twin.txt; a date line without its year
    (raw / "manifest.csv").write_text("article_id,outlet\ntwin,Some Paper\n", encoding="utf-8")
    serial, on_cluster = tmp_path / "serial", tmp_path / "cluster"
    pipeline.build(raw, serial, check_sums=False, workers=0)
    pipeline.build(raw, on_cluster, check_sums=False, scheduler=cluster.scheduler_address)
    assert_same_tables(serial, on_cluster)
    errors = catalog.load("ingest_errors", on_cluster)
    assert {"duplicate", "duplicate_id", "skipped"} <= set(errors["reason"])
    articles = catalog.load("articles", on_cluster)
    assert len(articles) == 7 and articles["text"].str.len().min() > 0


def test_local_worker_processes_give_the_same_tables(tmp_path):
    serial, local = tmp_path / "serial", tmp_path / "local"
    pipeline.build(config.RAW_DIR, serial, check_sums=False, workers=1, chunk_size=2)
    pipeline.build(config.RAW_DIR, local, check_sums=False, workers=2, chunk_size=2)
    assert_same_tables(serial, local)


def test_the_scheduler_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(engine.SCHEDULER_ENV, "tcp://10.0.0.1:8786")
    assert engine.Engine(workers=1).name == "tcp://10.0.0.1:8786"
    monkeypatch.delenv(engine.SCHEDULER_ENV)
    assert engine.Engine(workers=4, partitions=1).name == "serial"  # one partition: no cluster to start
    assert engine.Engine(workers=4, partitions=3).name == "local 4 workers"


def test_bad_engine_settings_are_one_line_errors(tmp_path, capsys):
    assert engine.parse_workers("serial") == 0 and engine.parse_workers("3") == 3
    with pytest.raises(SystemExit):
        cli.main(["build", "--raw", str(config.RAW_DIR), "--out", str(tmp_path / "out"), "--workers", "-2"])
    assert "--workers: expected a whole number >= 0 or 'serial', got '-2'" in capsys.readouterr().err
    code = cli.main(["build", "--raw", str(config.RAW_DIR), "--out", str(tmp_path / "out"), "--no-check-sums",
                     "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 1
    err = capsys.readouterr().err
    assert "--scheduler tcp://127.0.0.1:9: no Dask scheduler answers there" in err and not (tmp_path / "out").exists()


def _worker_settings():
    return dask.config.get("distributed.worker.profile.enabled"), pa.default_memory_pool().backend_name


def test_local_workers_start_without_the_profiler_and_with_the_system_allocator():
    """Both made every worker grow over a long build (issue 15, flat memory)."""
    with engine.Engine(workers=2, partitions=2) as run:
        settings = run.client.run(_worker_settings)
    assert len(settings) == 2 and set(settings.values()) == {(False, "system")}


def test_the_driver_keeps_no_inputs_of_finished_tasks():
    """Dask keeps each connection's last messages for debugging, and a task's message holds its inputs: with
    its default of 1,000, the driver (the client, and the local scheduler in its process) held copies of the
    units of ingest's last 1,000 batches, growing with the corpus."""
    import gc

    from analysis.ingest.corpus import prepared
    from analysis.ingest.units import RawUnit

    def units_alive() -> int:
        gc.collect()
        return sum(isinstance(o, RawUnit) for o in gc.get_objects())

    before = units_alive()
    with engine.Engine(workers=2) as run:
        done = sum(1 for _ in run.map(prepared, ((RawUnit(f"{i:03d}.txt", f"{i:03d}", data=f"Report {i}.\n".encode()),
                                                  None) for i in range(60)), batch=1, worth=1))
        held = units_alive() - before
    assert done == 60
    assert held <= 2 * engine.MESSAGE_LOG_LENGTH  # the client's and the local scheduler's logs, no more
