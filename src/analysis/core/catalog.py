"""Named tables: notebooks ask for ``"claims"``, never for a file path.

Every table the build writes is declared, column by column, in
``core/tables.yaml`` (:mod:`analysis.core.schema`; the build checks each one
against it with :mod:`analysis.core.validation` before writing). Tables are
written as Parquet (exact types) plus a CSV twin for spreadsheet users, each
atomically: a temporary file in the same folder, then a rename, so a failed
run never leaves a half-written table.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

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


def write_table(frame: pd.DataFrame, name: str, out_dir: str | Path | None = None) -> Path:
    """Write ``name.parquet`` and ``name.csv`` atomically; return the Parquet path."""
    out = processed_dir(out_dir)
    parquet = out / f"{name}.parquet"
    atomic_write(parquet, lambda tmp: frame.to_parquet(tmp, index=False))
    atomic_write(out / f"{name}.csv", lambda tmp: neutralized(frame).to_csv(tmp, index=False, lineterminator="\n"))
    return parquet


def load(name: str, processed: str | Path | None = None) -> pd.DataFrame:
    """Read table ``name`` (e.g. ``"articles"``) from the processed folder."""
    path = processed_dir(processed) / f"{name}.parquet"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in path.parent.glob("*.parquet"))) or "none"
        raise TableNotBuilt(f"table {name!r} not found at {path} (tables there: {known}); run `make data` or `python -m analysis build`")
    return pd.read_parquet(path)


def table_paths(processed: str | Path | None = None) -> list[Path]:
    """Every Parquet table in the processed folder, sorted by name."""
    return sorted(processed_dir(processed).glob("*.parquet"))


def accuracy_summary(path: str | Path | None = None) -> dict | None:
    """The committed accuracy measured on the development corpus (``config.ACCURACY_FILE``), or None if never measured."""
    path = Path(path) if path is not None else config.ACCURACY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
