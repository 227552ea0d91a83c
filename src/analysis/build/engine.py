"""Where the per-article work of a build runs: in this process, on local worker processes, or on a Dask cluster.

The build splits its articles into partitions (chunks of articles) and runs one task per partition
(:func:`analysis.build.pipeline.partition_task`); a task writes its partition's tables as parts into the
build's staging folder and returns only small things (errors, counts, times), so the process that drives the
build never holds the rows of every partition. :class:`Engine` hides where the tasks run:

- ``workers`` 0 or 1, and no scheduler: in this process, one partition after another, no Dask at all;
- ``workers`` N > 1: a :class:`distributed.LocalCluster` of N worker processes (one thread each, no dashboard,
  quiet logs), started for the build and stopped after it;
- ``scheduler`` ``tcp://HOST:8786`` (or ``$DASK_SCHEDULER_ADDRESS``): an existing dask.distributed cluster,
  whose workers must see the output folder at the same path (a shared filesystem) and run the same version
  of this package.

:meth:`Engine.map` runs many small items in batches, results in the items' order (ingest reads HTML pages so).
An engine made without a partition count starts its workers only once the work is worth them.

Results come back in any order, each with its partition's index; at most :data:`IN_FLIGHT_PER_WORKER` tasks
per worker are submitted at a time, so the partitions waiting in memory stay few whatever the corpus size.
"""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

log = logging.getLogger(__name__)

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
"""The environment variable naming an existing scheduler, as dask.distributed itself reads it."""

IN_FLIGHT_PER_WORKER = 2
"""Partitions submitted per worker before the first result is awaited: one running, one queued."""

MAP_BATCH = 100
"""Items of one :meth:`Engine.map` task (ingest's units: pages and WARC records)."""

MAP_WORTH = 1000
"""Items an engine without a partition count must be given before it starts workers for them (fewer are
one partition's worth: starting workers costs more)."""


LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings of the local workers a build starts. The statistical profiler (for the dashboard, which a
build does not start) keeps a call tree per second for the last 1,000 seconds: a worker grew by some 100 MB
over a 100,000-article build from it alone."""

MESSAGE_LOG_LENGTH = 8
"""Messages each of this process's Dask connections keeps for debugging (``distributed.admin.low-level-log-length``,
1,000 by default). Every message under 1 MB is kept whole, and a task's message holds its arguments: with the
default, the client (and a local cluster's scheduler, which runs in this process) kept the last 1,000 tasks'
inputs, ingest's batches of pages and texts, so the driver grew with the corpus (152 MB more at 40,000 texts
read on 2 workers). Set while the client and the cluster are made, when their connections read it."""


class EngineError(RuntimeError):
    """The cluster could not be reached or started, or a task failed on it."""


def default_workers() -> int:
    """The number of cores this process may use (``build --workers`` default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def parse_workers(text: str) -> int:
    """``--workers``: a whole number >= 0, or ``serial`` (= 0: in this process, no Dask)."""
    if str(text).strip().lower() == "serial":
        return 0
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"--workers: expected a whole number >= 0 or 'serial', got {text!r}")
    return value


def scheduler_address(scheduler: str | None) -> str | None:
    """The scheduler to use: ``scheduler`` when given, else ``$DASK_SCHEDULER_ADDRESS``, else None (none)."""
    address = scheduler or os.environ.get(SCHEDULER_ENV) or None
    if address is not None and "://" not in address and ":" not in address:
        raise ValueError(f"--scheduler: expected an address like tcp://HOST:8786, got {address!r}")
    return address


class Engine:
    """Runs partition tasks in this process or on Dask workers; use as a context manager.

    ``partitions`` is the number of partitions the build will run: with a single one, local workers are not
    started (starting them costs more than the partition); an explicit scheduler is always used.
    """

    def __init__(self, workers: int = 1, scheduler: str | None = None, partitions: int | None = None):
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
            raise ValueError(f"workers: expected a whole number >= 0, got {workers!r}")
        self.address = scheduler_address(scheduler)
        self.workers = workers
        self.client = None
        self.cluster = None
        self.local = self.address is None and (workers <= 1 or (partitions is not None and partitions <= 1))
        self._later = self.address is None and not self.local and partitions is None  # started when work needs it
        self._runs = 0

    @property
    def name(self) -> str:
        """A short description for the log and the benchmark: serial, local N, or the scheduler's address."""
        if self.local:
            return "serial"
        return self.address or f"local {self.workers} workers"

    def __enter__(self) -> "Engine":
        if not self.local and not self._later:
            self._start()
        return self

    def _start(self) -> None:
        self._later = False
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise EngineError("dask.distributed is not installed: pip install 'dask[distributed]', "
                              "or build with --workers 1") from exc
        import dask

        with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH}):
            self._connect(Client, LocalCluster, dask)

    def _connect(self, Client, LocalCluster, dask) -> None:
        """The client of the cluster at :attr:`address`, or of a local cluster started here."""
        if self.address:
            try:
                self.client = Client(self.address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise EngineError(f"--scheduler {self.address}: no Dask scheduler answers there ({exc})") from None
            log.info("building on the Dask cluster at %s (%d workers)", self.address,
                     len(self.client.scheduler_info().get("workers", {})))
        else:
            with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies pass the config on to their workers
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                            silence_logs=logging.ERROR,
                                            env={"PYTHONPATH": worker_pythonpath(),
                                                 "ARROW_DEFAULT_MEMORY_POOL": arrow_pool_name()})
            self.client = Client(self.cluster)
            log.info("building on %d local worker processes", self.workers)

    def _decide(self, parallel: bool) -> None:
        """An engine made without a partition count starts its workers once some work is worth them."""
        if self._later:
            if parallel:
                self._start()
            else:
                self._later, self.local = False, True

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def slots(self) -> int:
        """How many tasks may be in flight at once."""
        if self.client is None:
            return 1
        workers = len(self.client.scheduler_info().get("workers", {})) or max(self.workers, 1)
        return IN_FLIGHT_PER_WORKER * workers

    def run(self, task: Callable, calls: Iterable[tuple], tasks: int | None = None) -> Iterator[tuple[int, object]]:
        """``task(*args)`` for each ``(index, *args)`` of ``calls``; yield ``(index, result)`` as each finishes.

        ``calls`` is consumed lazily, a few ahead of the results, so the partitions it makes (e.g. slices of
        the articles) are not all alive at once. A task that raises stops the run with its exception.
        ``tasks``: how many calls there are, for an engine that has not yet decided to start its workers.
        """
        self._decide(tasks is None or tasks > 1)
        calls = iter(calls)
        if self.client is None:
            for index, *args in calls:
                yield index, task(*args)
            return
        from distributed import as_completed

        pending = as_completed()
        index_of = {}
        self._runs += 1
        prefix = f"warcov-{getattr(task, '__name__', 'task')}-{os.getpid()}-{id(self)}-{self._runs}"

        def submit_next() -> bool:
            try:
                index, *args = next(calls)
            except StopIteration:
                return False
            future = self.client.submit(task, *args, key=f"{prefix}-{index}", pure=False)
            index_of[future.key] = index
            pending.add(future)
            return True

        for _ in range(self.slots()):
            if not submit_next():
                break
        for future in pending:
            result = future.result()  # re-raises the task's exception here
            index = index_of.pop(future.key)
            future.release()
            submit_next()
            yield index, result

    def map(self, fn: Callable, items: Iterable[tuple], batch: int = MAP_BATCH,
            worth: int = MAP_WORTH) -> Iterator:
        """``fn(*item)`` for each item, in the items' order, ``batch`` items to a task.

        For work on many small things (ingest's HTML pages): in this process when the engine is serial, or when an
        engine that has not yet started its workers is given fewer than ``worth`` items.
        """
        items = iter(items)
        head = list(itertools.islice(items, worth))
        self._decide(len(head) >= worth)
        items = itertools.chain(head, items)
        if self.client is None:
            for item in items:
                yield fn(*item)
            return
        batches = ((index, fn, Batch(chunk)) for index, chunk in
                   enumerate(iter(lambda: list(itertools.islice(items, batch)), [])))
        done: dict[int, list] = {}
        following = 0
        for index, results in self.run(apply_batch, batches):
            done[index] = results
            while following in done:
                yield from done.pop(following)
                following += 1


class Batch:
    """The items of one :meth:`Engine.map` task, in a box: Dask walks lists and tuples given to a task in
    search of futures, item by item (a second of the driver's time per 6,000 units), but not an object."""

    __slots__ = ("items",)

    def __init__(self, items: list[tuple]):
        self.items = items


def apply_batch(fn: Callable, batch: Batch) -> list:
    """``fn(*item)`` for each item of one batch (a task of :meth:`Engine.map`)."""
    return [fn(*item) for item in batch.items]


def arrow_pool_name() -> str:
    """Arrow's allocator for local workers: ``$ARROW_DEFAULT_MEMORY_POOL`` when set, else the system one
    (:mod:`analysis.build.arrow_memory`), chosen before the worker loads pyarrow."""
    return os.environ.get("ARROW_DEFAULT_MEMORY_POOL") or "system"


def worker_pythonpath() -> str:
    """PYTHONPATH for local workers: the folder this ``analysis`` package is imported from, first, so that
    workers run the same code as the driver (a source checkout, not another installed copy)."""
    here = str(Path(__file__).resolve().parents[2])
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != here]
    return os.pathsep.join([here, *rest])
