"""A bare regex pass over a corpus: the floor a build's speed is measured against (issue 15).

    .venv/bin/python benchmarks/bench_regex_baseline.py RAW_FOLDER
    .venv/bin/python benchmarks/bench_regex_baseline.py --size 2000     # the bench_build corpus of that size

A GDELT-style count: read every file's bytes, decode them, and count the numbers that stand within a few words
of a killed/wounded word. No ingest, no sentences, no attribution: what the cheapest event coder does. It prints
the files, megabytes, CPU seconds and files per second; ``bench_build.py`` prints the ratio of the build to it.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

CASUALTY = re.compile(
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b"
    r"(?:\W+\w+){0,4}?\W+(?:killed|dead|died|wounded|injured|casualties|deaths)\b"
    r"|\b(?:killed|dead|died|wounded|injured|casualties|deaths)\b(?:\W+\w+){0,4}?\W+(\d[\d,]*)\b",
    re.IGNORECASE)


def regex_pass(raw: Path) -> dict:
    """Count casualty-like figures in every file under ``raw``; return files, bytes, matches and CPU seconds."""
    started = time.process_time()
    files = matches = size = 0
    for path in sorted(raw.rglob("*")):
        if not path.is_file() or path.suffix not in {".txt", ".md", ".html", ".htm"}:
            continue
        data = path.read_bytes()
        size += len(data)
        matches += sum(1 for _ in CASUALTY.finditer(data.decode("utf-8", errors="replace")))
        files += 1
    return {"files": files, "mb": size / 2**20, "matches": matches, "cpu_seconds": time.process_time() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", nargs="?", type=Path, help="a folder of articles")
    parser.add_argument("--size", type=int, default=2000, help="without RAW: make bench_build's corpus of this size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = args.raw
        if raw is None:
            from bench_build import make_corpus
            raw = Path(tmp) / "raw"
            make_corpus(raw, args.size)
        r = regex_pass(raw)
    print(f"regex baseline: {r['files']:,} files, {r['mb']:.1f} MB, {r['matches']:,} figures, "
          f"{r['cpu_seconds']:.2f} s CPU, {r['files'] / max(r['cpu_seconds'], 1e-9):,.0f} files/s")


if __name__ == "__main__":
    main()
