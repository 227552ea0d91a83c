"""All-or-nothing output: a build writes every table into a staging folder, then swaps it in whole.

An output folder ``OUT`` written by a build holds::

    OUT/build.lock                    locked (flock) by the build writing into OUT; kept, empty of meaning otherwise
    OUT/builds/<id>/                  one complete build: every table, its CSV twin, build_inputs.json
    OUT/builds/<id>.partial/          a build being written; one left by a killed build is removed by the next
    OUT/current -> builds/<id>        the build readers see, replaced by a single rename
    OUT/<name> -> current/<name>      articles.parquet, articles.csv, ..., build_inputs.json: the names readers use

A reader resolves ``OUT/articles.parquet`` through ``current``, so at any moment, a ``kill -9`` included,
every name points into one complete build: the previous one until the rename of ``current``, the new one
after it. The rest of the folder (``.gitkeep``, a README) is left alone, and the lock file stays in place, so
every build locks the same file. The build before the current one is kept, for readers still reading it
(:func:`analysis.core.catalog.snapshot`); older ones are removed after each swap.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pandas as pd

from analysis.core import catalog
from analysis.core import schema

log = logging.getLogger(__name__)

LOCK_NAME = "build.lock"
BUILDS_DIR = "builds"
CURRENT = catalog.CURRENT_LINK
PARTIAL = ".partial"
TMP_LINK = ".warcov-link-"  # prefix of a link made beside its final name, then renamed onto it


class BuildLocked(RuntimeError):
    """Another build is writing into the same output folder."""


class OutputLocation(ValueError):
    """The output folder is the raw folder, or inside it, or holds it."""


class OutputLayout(RuntimeError):
    """A name the build must link (``current``, a table) is taken by a folder that is not a build's."""


def check_locations(raw: str | Path, out: str | Path) -> None:
    """Refuse an output folder equal to, inside or around the raw folder (one line naming both)."""
    raw_path, out_path = Path(raw).resolve(), Path(out).resolve()
    if out_path == raw_path:
        raise OutputLocation(f"--out {out} is the raw folder: the next build would read its own tables as articles")
    if raw_path in out_path.parents:
        raise OutputLocation(f"--out {out} is inside the raw folder {raw}: the next build would read its tables as articles")
    if out_path in raw_path.parents:
        raise OutputLocation(f"--raw {raw} is inside the output folder {out}: a build would swap the raw files away")


@contextmanager
def locked(out: str | Path) -> Iterator[Path]:
    """Hold ``OUT/build.lock`` for the block; a second build into OUT is refused at once with :class:`BuildLocked`.

    The lock is the kernel's (``flock``): it ends with the process, however the process ends, so a killed
    build never leaves the folder locked. The file holds the pid of the build holding it, for the message.
    A folder made here for the lock is removed again when the block leaves nothing else in it (a build
    that failed before writing), so a failed build into a new folder leaves no folder behind.
    """
    out = Path(out)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise BuildLocked(f"{out}: another build is writing into this folder (pid {holder}, lock {path}); "
                              "wait for it to finish or build into another --out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
    finally:
        if created:
            _remove_if_unused(out, path)
        handle.close()  # closing the file releases the lock


def _remove_if_unused(out: Path, lock: Path) -> None:
    """Remove ``out`` when it holds nothing but the lock and an empty builds folder."""
    builds = out / BUILDS_DIR
    if {p.name for p in out.iterdir()} - {LOCK_NAME, BUILDS_DIR} or (builds.is_dir() and any(builds.iterdir())):
        return
    if builds.is_dir():
        builds.rmdir()
    lock.unlink(missing_ok=True)
    try:
        out.rmdir()
    except OSError:  # another build has just made its lock here
        pass


def clean_leftovers(out: str | Path) -> list[Path]:
    """Remove what a killed build left in OUT (staging folders, half-made links, hidden temporary files).

    Call it holding the lock: then no other build is writing, and every staging folder is a dead build's.
    Each removal is logged as a warning naming it; the removed paths are returned.
    """
    out = Path(out)
    removed: list[Path] = []
    builds = out / BUILDS_DIR
    for path in sorted(builds.glob(f"*{PARTIAL}")) if builds.is_dir() else []:
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        removed.append(path)
    for path in sorted(out.glob(f"{TMP_LINK}*")) + sorted(out.glob(".*.tmp")):  # links, and atomic_write's files
        if path.is_symlink() or path.is_file():
            path.unlink()
            removed.append(path)
    for path in removed:
        log.warning("removed %s, left by a build that did not finish", path)
    return removed


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` to disk, so the swap never points at unwritten data."""
    for root, dirs, files in os.walk(folder):
        for name in files:
            _fsync(Path(root) / name)
        _fsync(Path(root))


def _link(out: Path, name: str, target: str) -> None:
    """Make ``out/name`` a symbolic link to ``target`` by one rename (atomic for readers of ``out/name``)."""
    path = out / name
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        raise OutputLayout(f"{path}: a folder is in the way of the build's link {name} -> {target}; move it away")
    tmp = out / f"{TMP_LINK}{os.getpid()}-{name}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


class Staging:
    """A build's staging folder ``OUT/builds/<id>.partial``; :meth:`commit` swaps it in, :meth:`abort` drops it."""

    def __init__(self, out: str | Path):
        self.out = Path(out)
        builds = self.out / BUILDS_DIR
        builds.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self.folder = Path(tempfile.mkdtemp(prefix=f"{stamp}-", suffix=PARTIAL, dir=builds))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.folder, 0o777 & ~umask)  # mkdtemp makes 0700; give the folder the usual mode
        self.id = self.folder.name[: -len(PARTIAL)]

    def write_table(self, frame: pd.DataFrame, name: str, csv: bool | None = None) -> Path:
        """Write a whole table (and its CSV twin) into staging; return the path readers will use."""
        catalog.write_table(frame, name, self.folder, csv=csv)
        return self.out / f"{name}.parquet"

    def parts(self, name: str, empty: pd.DataFrame | None = None, csv: bool | None = None) -> catalog.PartWriter:
        """A writer for a table written part by part into staging (:class:`~analysis.core.catalog.PartWriter`).

        ``empty`` defaults to the declared table's typed empty frame (core/tables.yaml), written when no part is.
        """
        if empty is None and name in schema.built_tables():
            empty = schema.empty(name)
        return catalog.PartWriter(self.folder, name, empty=empty, csv=csv)

    def write_text(self, name: str, text: str) -> Path:
        """Write a text file (e.g. ``build_inputs.json``) into staging; return the path readers will use."""
        (self.folder / name).write_text(text, encoding="utf-8")
        return self.out / name

    def commit(self) -> Path:
        """Swap the staged build in: every name in OUT then points into it. Return the build's folder.

        Order: flush the staged files; rename ``<id>.partial`` to ``<id>`` (complete); rename a new ``current``
        link onto the old one (the swap, one atomic step); link the names of the new build's files, and remove
        links to files it no longer has; remove builds older than the one just replaced.
        """
        _sync_tree(self.folder)
        final = self.folder.with_name(self.id)
        os.rename(self.folder, final)
        _fsync(final.parent)
        current = self.out / CURRENT
        previous = os.readlink(current) if current.is_symlink() else None
        if current.exists() and not current.is_symlink():
            raise OutputLayout(f"{current}: a file or folder named {CURRENT} is in the way of the build's link; move it away")
        _link(self.out, CURRENT, f"{BUILDS_DIR}/{self.id}")
        for entry in sorted(final.iterdir()):
            _link(self.out, entry.name, f"{CURRENT}/{entry.name}")
        for path in sorted(self.out.iterdir()):  # links into current whose file this build did not write
            if path.is_symlink() and os.readlink(path).startswith(f"{CURRENT}/") and not path.exists():
                path.unlink()
        _fsync(self.out)
        keep = {self.id, Path(previous).name if previous else None}
        for old in sorted(final.parent.iterdir()):
            if old.name not in keep and not old.name.endswith(PARTIAL) and old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
        return final

    def abort(self) -> None:
        """Drop the staged files; OUT is as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def staged(out: str | Path) -> Iterator[Staging]:
    """A staging folder in OUT, swapped in when the block ends normally and dropped when it raises.

    Hold :func:`locked` around it: two builds staging into one folder would each swap in their own.
    """
    stage = Staging(out)
    try:
        yield stage
    except BaseException:
        stage.abort()
        raise
    stage.commit()
