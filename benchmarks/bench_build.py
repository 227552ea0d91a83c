"""Benchmark ``build`` on a synthetic corpus of real-length articles, in-process and on local Dask workers.

    .venv/bin/python benchmarks/bench_build.py              # 2,000 and 10,000 on 1 and 2 workers, 100,000 on 2
    .venv/bin/python benchmarks/bench_build.py --sizes 2000 --workers 1 2
    .venv/bin/python benchmarks/bench_build.py --sizes 3000 --workers 1 2 --html   # news pages, not texts

Each article is a perturbed copy of a source text, as a plain text or (``--html``, and 3,000 of them in the
default runs) wrapped in a news page's markup: numbers, weekdays and place
names are swapped and lines shuffled, so every file is distinct (no duplicate
errors) but reads like war news. The sources are the bundled seeds and, where
present, the development texts (``data/dev/texts``, git-ignored; ``--no-dev``
leaves them out); the table says which. For each corpus size and engine, in a
fresh process, it runs the whole ``pipeline.build`` (ingest, the per-article
stages as partition tasks, the corpus-level steps, the staged write) and prints
the wall seconds, articles per second (wall, and per core used), the ratio of
the build's core-seconds to a bare regex pass over the same files
(``bench_regex_baseline.py``), the peak resident memory of the driver, of the
largest worker and of all of them together (sampled every 0.2 s), and the
seconds of each stage summed over the tasks. When a size is run at 10,000 and
at 100,000 on the same engine, the ratio of their peak total memory is printed
(the flat-memory target: at most 1.3).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


DEV_TEXTS = ROOT / "data" / "dev" / "texts"


def source_texts(dev: bool = True) -> list[str]:
    """The texts the corpus is perturbed from: the seeds, and the development texts when present and ``dev``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from perturbed_seeds import seed_texts

    texts = seed_texts()
    if dev and DEV_TEXTS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV_TEXTS.glob("*.txt"))]
    return texts


def make_corpus(target: Path, size: int, seed: int = 7, dev: bool = True, form: str = "text") -> None:
    """Write ``size`` perturbed copies of the source texts into ``target`` (``tests/perturbed_seeds.py``):
    plain texts, or with ``form`` "html" each wrapped in the markup of a news page (``tests/seed_forms.py``:
    navigation, banner, related stories, comments, meta tags), read with trafilatura."""
    texts = source_texts(dev)
    from perturbed_seeds import perturbed
    from seed_forms import html_page

    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        text = perturbed(texts[i % len(texts)], rng) + f"\nReport {i}.\n"
        if form == "html":
            page = {"id": f"{i:06d}", "text": text, "outlet": "Example News", "url": f"https://news.example/{i}",
                    "published": f"2020-10-{1 + i % 28:02d}"}
            (target / f"{i:06d}.html").write_text(html_page(page), encoding="utf-8")
        else:
            (target / f"{i:06d}.txt").write_text(text, encoding="utf-8")


class PeakMemory:
    """Peak resident memory of this process and of its child processes (the local Dask workers), sampled."""

    def __init__(self, every: float = 0.2):
        import psutil
        self.me = psutil.Process()
        self.every = every
        self.driver = self.workers = self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil
        driver = self.me.memory_info().rss
        workers = []
        for child in self.me.children(recursive=True):
            try:
                workers.append(child.memory_info().rss)
            except psutil.Error:
                pass
        self.driver = max(self.driver, driver)
        self.workers = max([self.workers, *workers])
        self.total = max(self.total, driver + sum(workers))

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def __enter__(self) -> "PeakMemory":
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_one(size: int, workers: int = 1, partition: int = 1000, dev: bool = True, form: str = "text") -> dict:
    """Build a corpus of ``size`` articles (``form``: text or html) with ``workers`` (0/1: in this process)
    and measure it."""
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.build import pipeline
    from bench_regex_baseline import regex_pass

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        make_corpus(raw, size, dev=dev, form=form)
        mean_chars = sum(p.stat().st_size for p in raw.iterdir()) / max(size, 1)
        baseline = regex_pass(raw)
        timings: dict[str, float] = {}
        tables: dict = {}
        started = time.perf_counter()
        cpu = time.process_time()
        with PeakMemory() as memory:
            pipeline.build(raw, Path(tmp) / "processed", manifest=False, check_sums=False, workers=workers,
                           chunk_size=partition, timings=timings, tables_out=tables)
        elapsed = time.perf_counter() - started
        driver_cpu = time.process_time() - cpu
    cores = max(workers, 1)
    return {
        "articles": size,
        "workers": workers,
        "form": form,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(size / elapsed, 1),
        "articles_per_second_per_core": round(size / elapsed / cores, 1),
        "driver_cpu_seconds": round(driver_cpu, 2),
        "stage_seconds": {k: round(v, 2) for k, v in timings.items()},
        "baseline_cpu_seconds": round(baseline["cpu_seconds"], 3),
        "ratio_to_baseline": round(elapsed * cores / baseline["cpu_seconds"], 1),
        "peak_driver_mb": round(max(memory.driver, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024) / 2**20, 1),
        "peak_worker_mb": round(memory.workers / 2**20, 1),
        "peak_total_mb": round(memory.total / 2**20, 1),
        "rows": {k: len(v) for k, v in tables.items()},
        "mean_bytes": round(mean_chars),
    }


DEFAULT_RUNS = [(2000, 1, "text"), (2000, 2, "text"), (10000, 1, "text"), (10000, 2, "text"), (100000, 2, "text"),
                (3000, 1, "html"), (3000, 2, "html")]
"""(articles, workers, form) of ``make benchmark``: 100,000 texts on 2 workers only (about 20 minutes); 3,000
HTML pages, whose main text trafilatura reads (on the workers, when there are workers)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default: see DEFAULT_RUNS)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="with --sizes, engines to measure: 1 = in-process, N = N local Dask worker processes "
                             "(default: 1 2)")
    parser.add_argument("--partition-size", type=int, default=1000, help="articles per task (default: 1000)")
    parser.add_argument("--no-dev", action="store_true", help="perturb the seeds only, not the development texts")
    parser.add_argument("--html", action="store_true", help="with --sizes, HTML pages instead of plain texts")
    parser.add_argument("--one", nargs=5, help=argparse.SUPPRESS)
    parser.add_argument("--rows", action="store_true", help="print each table's rows too")
    args = parser.parse_args()
    if args.one:
        size, workers, partition, dev, form = args.one
        print(json.dumps(run_one(int(size), int(workers), int(partition), bool(int(dev)), form)))
        return
    form = "html" if args.html else "text"
    runs = [(s, w, form) for s in args.sizes for w in args.workers] if args.sizes else DEFAULT_RUNS
    sources = source_texts(not args.no_dev)
    print(f"sources: {len(sources)} texts ({'seeds and development texts' if len(sources) > 5 else 'the seeds'}); "
          f"{len(os.sched_getaffinity(0))} cores; partitions of {args.partition_size:,} articles")
    print(f"{'articles':>9} {'form':>4} {'workers':>7} {'wall s':>7} {'art/s':>7} {'/core':>6} {'x regex':>7} "
          f"{'driver MB':>9} {'worker MB':>9} {'total MB':>8}  stage seconds (summed over workers)")
    totals: dict[tuple[int, int], float] = {}
    for size, workers, form in runs:  # a fresh process per run so peak memory is per run
        out = subprocess.run([sys.executable, __file__, "--one", str(size), str(workers),
                              str(args.partition_size), str(int(not args.no_dev)), form], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        if form == "text":
            totals[size, workers] = r["peak_total_mb"]
        stages = ", ".join(f"{k} {v:,.1f}" for k, v in r["stage_seconds"].items())
        print(f"{r['articles']:>9,} {form:>4} {r['workers']:>7} {r['seconds']:>7} {r['articles_per_second']:>7,.0f} "
              f"{r['articles_per_second_per_core']:>6,.0f} {r['ratio_to_baseline']:>7} {r['peak_driver_mb']:>9,.0f} "
              f"{r['peak_worker_mb']:>9,.0f} {r['peak_total_mb']:>8,.0f}  {stages}; "
              f"regex baseline {r['baseline_cpu_seconds']} s CPU; {r['mean_bytes']:,} bytes/article", flush=True)
        if args.rows:
            print(f"{'':>9} rows: {r['rows']}")
    for (size, workers), total in sorted(totals.items()):
        if size == 100000 and (10000, workers) in totals:
            print(f"peak memory, 100,000 / 10,000 articles on {workers} worker(s): "
                  f"{total / totals[10000, workers]:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
