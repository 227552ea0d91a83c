"""Time claim extraction by hand: ``.venv/bin/python benchmarks/time_claims.py [N]``.

Extracts claims from the seed articles repeated N times (default 2000) on one
core and prints articles per second (goal: >= 1000). Not a test.
"""

from __future__ import annotations

import sys
import time

from analysis.core import config
from analysis.ingest import corpus
from analysis.extract.claims import extract_claims


def main(n: int = 2000) -> None:
    articles, _ = corpus.load_articles(config.RAW_DIR)
    texts = list(articles["text"])
    for text in texts:  # warm up: compile lexicons and patterns once
        extract_claims(text)
    batch = [texts[i % len(texts)] for i in range(n)]
    kb = sum(len(t) for t in batch) / len(batch) / 1024
    t0 = time.perf_counter()
    claims = sum(len(extract_claims(t)) for t in batch)
    dt = time.perf_counter() - t0
    print(f"{n} articles (~{kb:.1f} KB each), {claims} claims in {dt:.2f}s: {n / dt:,.0f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
