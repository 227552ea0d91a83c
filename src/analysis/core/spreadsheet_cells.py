"""CSV twins safe to open in a spreadsheet: text cells that a spreadsheet would run as a formula are neutralized.

A title or outlet such as ``=HYPERLINK("http://example.org", "click")``,
written verbatim into a CSV, is run by Excel, LibreOffice or Google Sheets
when the file is opened (CSV or formula injection). Following the OWASP
advice, a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with a single quote in front (``'=HYPERLINK...``):
a spreadsheet shows it as text, and a reader of the CSV sees at once what
was added. Only the CSV twins are changed; the Parquet tables, which the
library and the notebooks read, keep every text exactly as it is. Numbers,
dates and flags are never touched (``-3`` in a number column stays a number).
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""

NEUTRALIZER = "'"


def neutralized_cell(value):
    """``value`` with a single quote in front when it is text beginning like a formula; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return NEUTRALIZER + value
    return value


def _formula_like(column: pd.Series) -> pd.Series | None:
    """Which cells of ``column`` are text beginning like a formula; None for a column without text."""
    if not (column.dtype == object or pd.api.types.is_string_dtype(column.dtype)):
        return None
    try:
        hits = column.str.startswith(FORMULA_STARTS)
    except (AttributeError, TypeError):  # no text at all (dates, lists)
        return None
    return hits.fillna(False).astype(bool)


def neutralized(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its formula-like text cells neutralized: a copy when any is, ``frame`` itself otherwise."""
    changed = {}
    for name in frame.columns:
        hits = _formula_like(frame[name])
        if hits is not None and hits.any():
            column = frame[name].copy()
            column[hits] = NEUTRALIZER + column[hits]
            changed[name] = column
    return frame.assign(**changed) if changed else frame
