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

A lone carriage return inside a text cell (one not followed by a line feed)
is written as a line feed: the CSV writer quotes a cell holding a line feed
but not one holding only a carriage return, and a spreadsheet would end the
row there. A cell written with a line break is always quoted, so the rows of
the CSV stay the rows of the table.

The CSV twins of report figures (:func:`write_figure_csv`) get the same
treatment, their index (outlets, places) and column headers included.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""

NEUTRALIZER = "'"

LONE_CR = re.compile(r"\r(?!\n)")
"""A carriage return not followed by a line feed: written as a line feed in the CSV twins."""


def neutralized_cell(value):
    """``value`` with a single quote in front when it is text beginning like a formula; anything else unchanged."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = LONE_CR.sub("\n", value)
        if value.startswith("\n"):  # it began with a carriage return: still neutralized
            return NEUTRALIZER + value
    if value.startswith(FORMULA_STARTS):
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


def _with_lone_cr(column: pd.Series) -> pd.Series:
    """Which cells of a text column hold a carriage return (all False when none does)."""
    try:
        return column.str.contains("\r", regex=False).fillna(False).astype(bool)
    except (AttributeError, TypeError):
        return pd.Series(False, index=column.index)


def neutralized(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its formula-like text cells neutralized and its lone carriage returns made line feeds:
    a copy when any cell changes, ``frame`` itself otherwise."""
    changed = {}
    for position, name in enumerate(frame.columns):
        column = frame.iloc[:, position]
        hits = _formula_like(column)
        if hits is None:
            continue
        returns = _with_lone_cr(column)
        if hits.any() or returns.any():
            column = column.copy()
            column[hits | returns] = column[hits | returns].map(neutralized_cell)
            changed[position] = column
    if not changed:
        return frame
    out = frame.copy(deep=False)
    for position, column in changed.items():
        out.isetitem(position, column)
    return out


def neutralized_labels(labels: pd.Index) -> pd.Index:
    """An index (or column headers) with its formula-like text labels and names neutralized; ``labels`` itself
    when none is (every level of a MultiIndex)."""
    names = [neutralized_cell(n) for n in labels.names]
    flat = [v for t in labels for v in t] if isinstance(labels, pd.MultiIndex) else list(labels)
    if not any(_changes(v) for v in flat + list(labels.names)):
        return labels
    if isinstance(labels, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(neutralized_cell(v) for v in t) for t in labels], names=names)
    return pd.Index([neutralized_cell(v) for v in labels], name=names[0], dtype=object)


def _changes(value) -> bool:
    return isinstance(value, str) and neutralized_cell(value) != value


def neutralized_figure_data(data: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A figure's numbers as written to its CSV twin: cells, index labels, index names and column headers
    neutralized (a figure's index and headers are often outlets or places, taken from the articles)."""
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    frame = neutralized(frame)
    index, columns = neutralized_labels(frame.index), neutralized_labels(frame.columns)
    if index is frame.index and columns is frame.columns:
        return frame
    frame = frame.copy(deep=False)
    frame.index, frame.columns = index, columns
    return frame


def write_figure_csv(data: pd.DataFrame | pd.Series, target) -> None:
    """A report figure's CSV twin (its index included), made safe like the table twins."""
    neutralized_figure_data(data).to_csv(target, index=True, lineterminator="\n")
