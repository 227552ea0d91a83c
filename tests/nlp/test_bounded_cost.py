"""Cost of one hostile article grows linearly with its size (issue 16, bounded cost).

Each kind of text that once made some rule quadratic or worse (a page with
no line break, numbers with "killed" on one line, a weekday or a place name
repeated, a page of dots, hyphenated debris, a repeated "said") is built at
two sizes, 4 times apart; the larger must cost less than 8 times the
smaller (a quadratic rule gives 16, a cubic one 64). The texts are made by
``benchmarks/hostile_texts.py``, shared with ``benchmarks/bench_hostile_cost.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from analysis.build import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from hostile_texts import KINDS, hostile_text  # noqa: E402

SMALL, LARGE = 10_000, 40_000
MAX_RATIO = 8.0


def _build_seconds(folder: Path, kind: str, size: int) -> float:
    """The best of two builds of one ``kind`` article of ``size`` characters (the first also warms the caches)."""
    raw = folder / f"{kind}-{size}"
    raw.mkdir()
    (raw / "page.txt").write_text(hostile_text(kind, size), encoding="utf-8")
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        tables = pipeline.build_tables(raw, manifest=False)
        best = min(best, time.perf_counter() - started)
    assert len(tables["articles"]) == 1
    return best


@pytest.mark.parametrize("kind", list(KINDS))
def test_cost_is_near_linear(tmp_path, kind):
    small = _build_seconds(tmp_path, kind, SMALL)
    large = _build_seconds(tmp_path, kind, LARGE)
    assert large < MAX_RATIO * max(small, 0.01), (
        f"{kind}: {LARGE // 1000} KB took {large:.2f} s, {large / small:.1f} times {SMALL // 1000} KB ({small:.2f} s)")


def test_hostile_texts_have_the_size_asked():
    for kind in KINDS:
        text = hostile_text(kind, 5_000)
        assert 4_000 < len(text) <= 5_100
    with pytest.raises(ValueError, match="kind"):
        hostile_text("no-such-kind", 100)
