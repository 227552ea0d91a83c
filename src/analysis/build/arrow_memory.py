"""Arrow's memory pool during a build: the system allocator, so that memory a partition freed goes back.

pyarrow allocates through mimalloc by default, which keeps freed pages for reuse; a build that turns a
partition after another into pyarrow-backed frames and Parquet parts then grows by some megabytes per
partition in every process (measured with ``benchmarks/bench_build.py``: 20,000 articles on 2 workers,
driver 488 MB and workers 308 MB at the peak with mimalloc, 416 and 286 MB with the system pool, at the same
speed, within the noise). Local workers start with ``ARROW_DEFAULT_MEMORY_POOL=system``, and so does
``python -m analysis``, so that nothing is allocated in mimalloc at all; otherwise the pool is set for the
driver for the build's duration (:func:`system_pool`, the previous one restored after it) and for each
worker process of a cluster as its first partition starts (:func:`use_system_pool`).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pyarrow as pa


def use_system_pool() -> None:
    """Make the system allocator this process's default Arrow pool (idempotent)."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


@contextmanager
def system_pool() -> Iterator[None]:
    """The system allocator as the default Arrow pool for the block, the previous pool restored after it."""
    previous = pa.default_memory_pool()
    use_system_pool()
    try:
        yield
    finally:
        pa.set_memory_pool(previous)
