"""Time and peak memory of one hostile article per kind, at two sizes (issue 16, bounded cost).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_hostile_cost.py             # 10 and 100 KB
    PYTHONPATH=src .venv/bin/python benchmarks/bench_hostile_cost.py --sizes 10 40 --kinds dots

Each kind is text that once made some rule super-linear: one unbroken line
of news prose, numbers with "killed" on one line, a weekday or a place name
repeated, a page of dots, hyphenated words with no space. For each kind and
size, in a fresh process, the article alone is built (ingest and every
per-article stage) and the script prints the seconds of each stage, the
total (wall and CPU: on a shared machine the CPU time is the steadier), the peak resident memory and the rows it gave. The target: a 100 KB
article costs at most about 50 times a 2 KB one, and at most 1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from hostile_texts import KINDS, hostile_text  # noqa: E402


def run_one(kind: str, kb: int) -> dict:
    """Build one article of ``kind`` and ``kb`` kilobytes in this process and measure it."""
    from analysis.build import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        (raw / f"{kind}.txt").write_text(hostile_text(kind, kb * 1000), encoding="utf-8")
        pipeline.build_tables(raw, manifest=False)  # warm: lexicons and patterns load once per process
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        timings: dict[str, float] = {}
        started, cpu = time.perf_counter(), time.process_time()
        tables = pipeline.build_tables(raw, manifest=False, timings=timings)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "kb": kb, "seconds": round(elapsed, 3), "cpu": round(cpu, 3), "peak_mb": round(peak), "grew_mb": round(peak - before),
            "stages": {k: round(v, 3) for k, v in timings.items()},
            "rows": {k: len(v) for k, v in tables.items() if len(v) and k not in ("articles", "region_names")}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100], help="sizes in KB (default 10 100)")
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    parser.add_argument("--one", nargs=2, metavar=("KIND", "KB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    print(f"{'kind':<16}{'KB':>5}{'seconds':>9}{'cpu s':>8}{'peak MB':>9}  stages (s, wall)                            rows")
    for kind in args.kinds:
        for kb in args.sizes:
            out = subprocess.run([sys.executable, __file__, "--one", kind, str(kb)], capture_output=True, text=True)
            if out.returncode:
                print(f"{kind:<16}{kb:>5}  failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
                continue
            r = json.loads(out.stdout)
            stages = " ".join(f"{k} {v:.3f}" for k, v in r["stages"].items())
            print(f"{kind:<16}{kb:>5}{r['seconds']:>9.3f}{r['cpu']:>8.3f}{r['peak_mb']:>9}  {stages:<44}{r['rows']}")


if __name__ == "__main__":
    main()
