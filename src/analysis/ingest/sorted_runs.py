"""Records sorted by a key whatever their number: sorted runs spilled to disk, then merged (an external sort).

Ingest reads a corpus in file order, but the ``articles`` table is sorted by ``article_id``, and some
articles can only be dated once the whole corpus is read. Holding every record until the end would make
memory grow with the corpus (each record holds its article's text). :class:`SortedRuns` holds at most
``run_size`` records: a full run is sorted and written to a scratch file, in small pickled blocks, and
:meth:`SortedRuns.merged` gives every record in key order, reading each run a block at a time, so memory
holds one block per run.

The scratch files are this process's own (pickle is safe here: nothing else writes them) and are removed
by :meth:`SortedRuns.close`.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

BLOCK_RECORDS = 32
"""Records per pickled block of a spilled run: what the merge holds of each run at a time."""


class SortedRuns:
    """Collects records (any picklable object) and gives them back sorted by ``key``.

    ``folder``: where the scratch files go (a fresh temporary folder when None); ``run_size``: records held
    before a run is spilled. Keys must be distinct, so that the order is the same whatever ``run_size``.
    """

    def __init__(self, key: Callable[[object], object], run_size: int, folder: str | Path | None = None):
        if run_size < 1:
            raise ValueError(f"run_size: expected a positive whole number, got {run_size!r}")
        self.key = key
        self.run_size = run_size
        self._own = folder is None
        self.folder = None if folder is None else Path(folder)
        self._held: list = []
        self._runs: list[Path] = []
        self.count = 0

    def add(self, record) -> None:
        """Take one record; a full run is sorted and spilled."""
        self._held.append(record)
        self.count += 1
        if len(self._held) >= self.run_size:
            self._spill()

    def _spill(self) -> None:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="warcov-runs-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"run-{len(self._runs):05d}.pickle"
        self._held.sort(key=self.key)
        with open(path, "wb") as handle:
            for lo in range(0, len(self._held), BLOCK_RECORDS):
                pickle.dump(self._held[lo:lo + BLOCK_RECORDS], handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)
        self._held = []

    @staticmethod
    def _read_run(path: Path) -> Iterator:
        with open(path, "rb") as handle:
            while True:
                try:
                    block = pickle.load(handle)
                except EOFError:
                    return
                yield from block

    def merged(self) -> Iterator:
        """Every record taken, in key order (the records still held form the last run, kept in memory)."""
        self._held.sort(key=self.key)
        held, self._held = self._held, []
        streams = [self._read_run(path) for path in self._runs] + [iter(held)]
        if len(streams) == 1:
            return iter(held)
        return heapq.merge(*streams, key=self.key)

    def close(self) -> None:
        """Remove the scratch files (and the folder, when this object made it)."""
        for path in self._runs:
            path.unlink(missing_ok=True)
        self._runs = []
        if self._own and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def merge_sorted(streams: list[Iterator], key: Callable[[object], object]) -> Iterator:
    """The records of several key-sorted streams as one key-sorted stream."""
    return streams[0] if len(streams) == 1 else heapq.merge(*streams, key=key)


def blocks(records: Iterator, size: int) -> Iterator[list]:
    """``records`` in lists of ``size`` (the last one shorter)."""
    records = iter(records)
    while block := list(itertools.islice(records, size)):
        yield block
