"""Named tables: notebooks ask for ``"claims"``, never for a file path.

Every table the build writes is declared, column by column, in
``core/tables.yaml`` (:mod:`analysis.core.schema`; the build checks each one
against it with :mod:`analysis.core.validation` before writing). Tables are
written as Parquet (exact types) plus a CSV twin for spreadsheet users (up to
:data:`CSV_MAX_ROWS` rows, and beyond it on request), each atomically: a
temporary file in the same folder, then a rename, so a failed run never leaves
a half-written table.

A table is either one file, ``name.parquet``, or a dataset folder of the same
name holding ``part-00000.parquet``, ``part-00001.parquet`` ... written part by
part (:class:`PartWriter`, for builds that stream their output); :func:`load`
reads either, parts in number order. The build writes into a staging folder and
swaps it in whole (:mod:`analysis.core.staging`); the names in the processed
folder are links into the build readers see.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.core import config
from analysis.core.spreadsheet_cells import neutralized


class TableNotBuilt(FileNotFoundError):
    """A table was asked for before ``python -m analysis build`` wrote it."""


def processed_dir(path: str | Path | None = None) -> Path:
    """The processed folder: ``path`` if given, else ``$WARCOV_PROCESSED``, else the project's."""
    if path is not None:
        return Path(path)
    env = os.environ.get("WARCOV_PROCESSED")
    return Path(env) if env else config.PROCESSED_DIR


def concat_chunks(parts: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    """One table from the frames of its chunks, typed as if built in one go.

    ``empty`` is the table's typed empty frame, returned when no chunk has
    rows. A column that is all null in some chunk (object there, typed in
    the others) has its type inferred again over every row.
    """
    filled = [part for part in parts if len(part)]
    if not filled:
        return empty
    if len(filled) == 1:
        return filled[0]
    frame = pd.concat(filled, ignore_index=True)
    for column in frame.columns:
        if len({str(part[column].dtype) for part in filled}) > 1:
            frame[column] = pd.Series(frame[column].tolist(), index=frame.index)
    return frame


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Write ``target`` through ``write(tmp)`` on a temporary file beside it, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically (UTF-8)."""
    atomic_write(Path(target), lambda tmp: tmp.write_text(text, encoding="utf-8"))


CSV_MAX_ROWS = 1_000_000
"""The largest table given a CSV twin unless one is asked for (``build --csv-all``): a spreadsheet opens at
most 1,048,576 rows, and a bigger CSV is slow to write and of use to few; the Parquet table is always written."""

PART_PREFIX = "part-"
CURRENT_LINK = "current"
"""In a built folder, the link to the build that its table names point into (:mod:`analysis.core.staging`)."""


def wants_csv(rows: int, csv: bool | None) -> bool:
    """Whether a table of ``rows`` rows gets a CSV twin: ``csv`` when given, else up to :data:`CSV_MAX_ROWS`."""
    return rows <= CSV_MAX_ROWS if csv is None else csv


def write_csv(frame: pd.DataFrame, target, header: bool = True) -> None:
    """The CSV twin's rows of ``frame`` into ``target`` (a path or an open text handle), formula-like cells neutralized."""
    neutralized(frame).to_csv(target, index=False, header=header, lineterminator="\n")


def write_table(frame: pd.DataFrame, name: str, out_dir: str | Path | None = None, csv: bool | None = None) -> Path:
    """Write ``name.parquet`` and its CSV twin ``name.csv`` atomically; return the Parquet path.

    ``csv``: True or False forces the twin on or off; None writes it up to :data:`CSV_MAX_ROWS` rows. A table
    written without a twin removes a stale ``name.csv`` so that no twin disagrees with its table.
    """
    out = processed_dir(out_dir)
    parquet = out / f"{name}.parquet"
    atomic_write(parquet, lambda tmp: frame.to_parquet(tmp, index=False))
    if wants_csv(len(frame), csv):
        atomic_write(out / f"{name}.csv", lambda tmp: write_csv(frame, tmp))
    else:
        (out / f"{name}.csv").unlink(missing_ok=True)
    return parquet


def part_path(dataset: Path, index: int) -> Path:
    """The file of part ``index`` of a dataset folder (zero-padded, so names sort as numbers up to 99,999)."""
    if not isinstance(index, int) or index < 0:
        raise ValueError(f"part index: expected a whole number >= 0, got {index!r}")
    return Path(dataset) / f"{PART_PREFIX}{index:05d}.parquet"


def part_files(dataset: Path) -> list[Path]:
    """The part files of a dataset folder, in part-number order."""
    def number(path: Path) -> int:
        digits = path.stem[len(PART_PREFIX):]
        if not digits.isdigit():
            raise ValueError(f"{path}: not a part file (expected {PART_PREFIX}NNNNN.parquet)")
        return int(digits)
    return sorted(Path(dataset).glob(f"{PART_PREFIX}*.parquet"), key=number)


def write_part(dataset: str | Path, index: int, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as part ``index`` of the dataset folder ``dataset``; return the part's path.

    What a worker of a parallel engine calls for its partition, into the staging folder of the build.
    """
    path = part_path(Path(dataset), index)
    frame.to_parquet(path, index=False)
    return path


CSV_BATCH_ROWS = 20_000
"""Rows of a part converted and written to the CSV twin at a time, so the twin of a large part (a hostile
page makes many rows, each holding its sentence) costs the memory of one batch."""


def _row_batches(path: Path, rows: int | None = None):
    """The rows of one Parquet file as frames of at most ``rows`` rows (:data:`CSV_BATCH_ROWS`), each typed as
    :func:`pandas.read_parquet` types the whole file (the file's schema and its pandas metadata)."""
    rows = rows or CSV_BATCH_ROWS
    handle = pq.ParquetFile(path)
    schema = handle.schema_arrow
    if handle.metadata.num_rows <= rows:
        yield pd.read_parquet(path)
        return
    for batch in handle.iter_batches(batch_size=rows):
        yield pa.Table.from_batches([batch], schema=schema).to_pandas()


class PartWriter:
    """One table written part by part, as a dataset folder ``name.parquet/part-NNNNN.parquet``.

    For a build that streams its output: each part (a chunk of rows) goes to disk when it is done, so memory
    holds one part at a time. Parts may come in any order, from this writer (:meth:`write`) or from other
    processes (:func:`write_part` into :attr:`dataset`, e.g. one Dask task per partition); the rows of the
    table are the parts in number order. :meth:`close` works from the part files on disk: it writes ``empty``
    as part 0 when there is none, and the CSV twin from the parts, one at a time, when :func:`wants_csv`
    says so. Write into a staging folder (:mod:`analysis.core.staging`): parts are not written atomically one
    by one, the folder is swapped in whole.
    """

    def __init__(self, folder: str | Path, name: str, empty: pd.DataFrame | None = None, csv: bool | None = None):
        self.name = name
        self.folder = Path(folder)
        self.dataset = self.folder / f"{name}.parquet"
        self.empty = empty
        self.csv = csv
        self._next = 0
        self._written: set[int] = set()
        if self.dataset.exists():
            raise FileExistsError(f"{self.dataset}: table {name!r} already written here")
        self.dataset.mkdir(parents=True)

    def write(self, frame: pd.DataFrame, index: int | None = None) -> Path:
        """Write ``frame`` as part ``index`` (default: the one after the highest so far); return its path."""
        index = self._next if index is None else index
        if index in self._written:
            raise ValueError(f"table {self.name!r}: part {index} written twice")
        path = write_part(self.dataset, index, frame)
        self._written.add(index)
        self._next = max(self._next, index + 1)
        return path

    def close(self) -> Path:
        """Finish the table (empty part, CSV twin); return the dataset folder."""
        files = part_files(self.dataset)
        if not files:
            if self.empty is None:
                raise ValueError(f"table {self.name!r}: no part written and no empty frame to write")
            files = [self.write(self.empty)]
        rows = sum(pq.ParquetFile(path).metadata.num_rows for path in files)
        if wants_csv(rows, self.csv):
            with open(self.folder / f"{self.name}.csv", "w", encoding="utf-8", newline="") as handle:
                header = True
                for path in files:
                    for frame in _row_batches(path):
                        write_csv(frame, handle, header=header)
                        header = False
        return self.dataset

    def __enter__(self) -> "PartWriter":
        return self

    def __exit__(self, kind, value, trace) -> None:
        if kind is None:
            self.close()


def read_table(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A table from one Parquet file, or from a dataset folder of parts joined in part-number order.

    The parts are joined as the build joins its chunks (:func:`concat_chunks`), so a table read from parts
    equals the same rows written as one file. ``columns``: read only these (default: all).
    """
    path = Path(path)
    if not path.is_dir():
        return pd.read_parquet(path, columns=columns)
    files = part_files(path)
    if not files:
        raise TableNotBuilt(f"table folder {path} holds no {PART_PREFIX}NNNNN.parquet file")
    parts = [pd.read_parquet(file, columns=columns) for file in files]
    return concat_chunks(parts, parts[0].iloc[:0])


def table_rows(path: str | Path) -> int:
    """The number of rows of a table written as one Parquet file or as a dataset folder of parts, read from
    the files' metadata (no row is read)."""
    path = Path(path)
    files = part_files(path) if path.is_dir() else [path]
    return sum(pq.ParquetFile(file).metadata.num_rows for file in files)


def load(name: str, processed: str | Path | None = None) -> pd.DataFrame:
    """Read table ``name`` (e.g. ``"articles"``) from the processed folder (one file or a dataset folder)."""
    path = processed_dir(processed) / f"{name}.parquet"
    if not path.exists():
        known = ", ".join(p.stem for p in table_paths(path.parent)) or "none"
        raise TableNotBuilt(f"table {name!r} not found at {path} (tables there: {known}); run `make data` or `python -m analysis build`")
    return read_table(path)


def table_paths(processed: str | Path | None = None) -> list[Path]:
    """Every table in the processed folder (a Parquet file or dataset folder), sorted by name."""
    return sorted(p for p in processed_dir(processed).glob("*.parquet") if p.exists())


def snapshot(processed: str | Path | None = None) -> Path:
    """The folder of the one build a reader should read all its tables from.

    A built folder's table names are links into its ``current`` build, which the next build replaces; a reader
    that loads several tables while a build finishes could get some from each. Reading them all from the
    folder returned here (``current`` resolved once) cannot mix builds; the build keeps it until the build
    after next. A folder without ``current`` is returned as it is.
    """
    folder = processed_dir(processed)
    current = folder / CURRENT_LINK
    return current.resolve() if current.is_symlink() else folder


def accuracy_summary(path: str | Path | None = None) -> dict | None:
    """The committed accuracy measured on the development corpus (``config.ACCURACY_FILE``), or None if never measured."""
    path = Path(path) if path is not None else config.ACCURACY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
