"""Where a report is written, and which tables it may read.

- The default rendering (no parameter) goes to ``reports/``; a rendering with
  parameters goes to a folder named after what was asked
  (``reports/02_casualty_tolls-outlets-RT/``), never over the default.
- A notebook run outside ``python -m analysis report`` (JupyterLab, papermill,
  nbconvert) writes its figures into a scratch folder, never into ``reports/``.
- A report pointed at a raw folder reads only tables built from that folder:
  :func:`check_tables_match_raw` refuses otherwise, with the command to build them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from analysis.core import catalog
from analysis.core import config
from analysis.core import provenance

REPORTS_ENV = "WARCOV_REPORTS"  # set by the renderer: where the running notebook writes its figures
SCRATCH_ENV = "WARCOV_SCRATCH"  # where an interactive run writes them (default: a folder in the temporary directory)
MAX_FOLDER_NAME = 80


class TablesMismatch(ValueError):
    """The processed tables were not built from the raw folder the report names."""


def scratch_dir() -> Path:
    """The folder interactive and papermill runs write their figures into (``$WARCOV_SCRATCH`` or ``/tmp/warcov-scratch``)."""
    env = os.environ.get(SCRATCH_ENV)
    return Path(env) if env else Path(tempfile.gettempdir()) / "warcov-scratch"


def figures_base() -> tuple[Path, bool]:
    """``(folder, rendering)``: the renderer's staging folder when it runs the notebook, else :func:`scratch_dir`."""
    env = os.environ.get(REPORTS_ENV)
    return (Path(env), True) if env else (scratch_dir(), False)


def _slug(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "+".join(_slug(v) for v in value) or "none"
    if value is None:
        return "none"
    text = str(value)
    if os.sep in text:  # a path: its last part says enough
        text = Path(text).name or text
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", text).strip("_.-") or "x"


def custom_folder_name(report: str, overrides: dict[str, Any]) -> str:
    """A folder name saying what was asked: ``02_casualty_tolls-outlets-RT-date_from-2020-10-01``.

    Parameters in the order given; lists joined with ``+``; paths by their last
    part. A name longer than :data:`MAX_FOLDER_NAME` is cut and ends in a short
    hash of the whole request, so two requests never share a folder by accident.
    """
    parts = [report] + [f"{key}-{_slug(value)}" for key, value in overrides.items()]
    name = "-".join(parts) if overrides else f"{report}-defaults"
    if len(name) > MAX_FOLDER_NAME:
        digest = hashlib.sha256(json.dumps(overrides, sort_keys=True, default=str).encode()).hexdigest()[:8]
        name = name[: MAX_FOLDER_NAME - 9].rstrip("-_.+") + "-" + digest
    return name


def caller_path(path: str | Path | None) -> Path | None:
    """``path`` made absolute from the caller's working directory (the kernel itself runs in notebooks/)."""
    return None if path is None else Path(path).expanduser().resolve()


def processed_from_environment(parameters: dict) -> dict:
    """``parameters`` with ``processed_dir`` set from ``$WARCOV_PROCESSED`` when it is null and the variable is set.

    The report then says in its parameters which tables it read, and it is a
    rendering with parameters: it never lands over the default HTML.
    """
    env = os.environ.get("WARCOV_PROCESSED")
    if env and "processed_dir" in parameters and parameters["processed_dir"] in (None, ""):
        return dict(parameters, processed_dir=str(Path(env).expanduser().resolve()))
    return parameters


def check_tables_match_raw(raw_dir: str | Path | None, processed_dir: str | Path | None) -> None:
    """Refuse (:class:`TablesMismatch`) when ``raw_dir`` is given and the tables were built from other files.

    The build records the SHA-256 of every raw file in ``build_inputs.json``
    beside the tables; the raw folder's files must be exactly those.
    """
    if raw_dir in (None, ""):
        return
    raw = Path(raw_dir)
    processed = catalog.processed_dir(processed_dir)
    build = (f"python -m analysis build --raw {raw} --out DIR [--no-manifest]"
             " and render with -p processed_dir DIR (and the same -p raw_dir)")
    if not raw.is_dir():
        raise TablesMismatch(f"raw_dir {raw}: no such folder")
    record = processed / provenance.BUILD_INPUTS
    if not record.exists():
        raise TablesMismatch(f"raw_dir {raw}: the tables in {processed} do not say which raw files they were built "
                             f"from (no {provenance.BUILD_INPUTS}); build them: {build}")
    built = json.loads(record.read_text(encoding="utf-8")).get("raw", {})
    present = {n: h for n, h in provenance.file_hashes(raw).items() if n != provenance.SUMS_NAME}
    if built != present:
        differ = len(set(built.items()) ^ set(present.items()))
        raise TablesMismatch(
            f"raw_dir {raw}: the tables in {processed} were built from other raw files ({differ} files differ); "
            f"a report never mixes them. Build tables for this folder first: {build}")


def default_reports_dir() -> Path:
    """``reports/`` of the project."""
    return config.REPORTS_DIR
