"""Benchmark ``build`` on a synthetic corpus made from the raw seeds.

    .venv/bin/python benchmarks/bench_build.py            # 20,000 articles
    .venv/bin/python benchmarks/bench_build.py --sizes 2000 5000 20000

Each article is a perturbed copy of a seed: numbers, weekdays and place names
are swapped and sentences shuffled, so every file is distinct (no duplicate
errors) but reads like war news. For each corpus size, in a fresh process, it
prints the articles per second of the whole build and of each stage, the
peak resident memory, so you can see memory grow only with the output tables,
and the seconds the check of every table against its declaration takes
(``analysis.core.validation``, included in the build's seconds; its share of
them in brackets).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Stepanakert", "Ganja", "Tartar", "Martuni", "Hadrut", "Barda", "Shusha", "Fizuli", "Goris", "Mingachevir"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_corpus(target: Path, size: int, seed: int = 7) -> None:
    """Write ``size`` perturbed copies of the seed articles into ``target``."""
    rng = random.Random(seed)
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    place = re.compile("|".join(PLACES))
    day = re.compile("|".join(DAYS))
    number = re.compile(r"\b\d{1,3}\b")
    target.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        lines = texts[i % len(texts)].split("\n")
        head, body = lines[:2], lines[2:]
        rng.shuffle(body)
        text = "\n".join(head + body)
        text = place.sub(lambda m: rng.choice(PLACES), text)
        text = day.sub(lambda m: rng.choice(DAYS), text)
        text = number.sub(lambda m: str(rng.randint(1, 400)), text)
        (target / f"{i:06d}.txt").write_text(text + f"\nReport {i}.\n", encoding="utf-8")


def run_one(size: int) -> dict:
    """Build a corpus of ``size`` articles in this process and measure it."""
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.build import pipeline
    from analysis.core import catalog, validation

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        make_corpus(raw, size)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        tables = pipeline.build_tables(raw, manifest=False, timings=timings)
        checked = time.perf_counter()
        validation.validate_tables(tables)  # as pipeline.build does before writing
        validation_seconds = time.perf_counter() - checked
        for name, frame in tables.items():
            catalog.write_table(frame, name, Path(tmp) / "processed")
        elapsed = time.perf_counter() - started
        output_mb = sum(f.memory_usage(deep=True).sum() for f in tables.values()) / 2**20
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": size,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(size / elapsed, 1),
        "validation_seconds": round(validation_seconds, 3),
        "validation_share": round(validation_seconds / elapsed, 4),
        "stage_articles_per_second": {k: round(size / v, 1) if v else None for k, v in timings.items()},
        "peak_rss_mb": round(peak_mb, 1),
        "output_tables_mb": round(output_mb, 1),
        "rows": {k: len(v) for k, v in tables.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000], help="corpus sizes to measure (default: 20000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    print(f"{'articles':>9} {'seconds':>8} {'art/s':>8} {'peak MB':>8} {'tables MB':>9} {'validate s':>10}  "
          "stages (articles/s, single process)")
    for size in args.sizes:  # a fresh process per size so peak memory is per size
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v:,.0f}" for k, v in r["stage_articles_per_second"].items())
        validate = f"{r['validation_seconds']:.2f} ({r['validation_share']:.1%})"
        print(f"{r['articles']:>9,} {r['seconds']:>8} {r['articles_per_second']:>8,.0f} {r['peak_rss_mb']:>8,.0f} "
              f"{r['output_tables_mb']:>9,.1f} {validate:>10}  {stages}")
        print(f"{'':>9} rows: {r['rows']}")


if __name__ == "__main__":
    main()
