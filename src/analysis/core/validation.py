"""Check a built table against its declaration (``tables.yaml``) with pandera.

The build runs :func:`validate_tables` on every table before it writes any,
so a table that breaks its declaration (a missing or extra column, a wrong
dtype, a null where none may be, a value outside the allowed set) stops the
build with a :class:`TableInvalid` that names the table, the column and the
first bad rows. The pandera schemas are derived from
:mod:`analysis.core.schema`; this module is apart from it so that reading a
table or building a frame does not import pandera.

A column that holds no value (an empty table, or only nulls) may be
``object``, as pandas infers it; see ``tables.yaml``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analysis.core import schema

SHOWN_ROWS = 5
"""Bad rows shown per column and check in an error message."""


class TableInvalid(ValueError):
    """A table does not match its declaration; the message names table, column and first bad rows."""


def _no_value(series: pd.Series) -> bool:
    return series.dtype == object and bool(series.isna().all())


DATE_TYPES = (date, type(None))
"""The types a date column may hold (``datetime`` is a subclass of ``date``, not one of them)."""


def _is_text(value) -> bool:
    return isinstance(value, str)


def _is_date(value) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_whole(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()


ELEMENT_TESTS = {"str": _is_text, "date": _is_date, "int64": _is_whole, "Int64": _is_whole,
                 "float64": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                 "bool": lambda v: isinstance(v, bool), "boolean": lambda v: isinstance(v, bool),
                 "null": lambda v: False}
"""Whether one non-null value fits a declared dtype (to find the bad rows of a wrong-dtype column)."""


def dtype_fits(series: pd.Series, dtype: str) -> bool:
    """Whether ``series`` has the pandas dtype a column declared ``dtype`` has."""
    if _no_value(series):
        return True
    if dtype == "str":
        # pandas' ``str``; ``object`` holding only text is written to Parquet the same way
        return str(series.dtype) == "str" or (series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) == "string")
    if dtype == "date":
        # infer_dtype takes a datetime for a date; a type test does not
        return series.dtype == object and bool((series.map(type).isin(DATE_TYPES) | series.isna()).all())
    if dtype == "null":
        return False
    return str(series.dtype) == dtype


def _dtype_check(dtype: str) -> pa.Check:
    def fits(series: pd.Series) -> bool | pd.Series:
        if dtype_fits(series, dtype):
            return True
        test = ELEMENT_TESTS[dtype]
        bad = series.map(lambda v: not (v is None or v is pd.NA or (isinstance(v, float) and v != v) or test(v)))
        return ~bad if bad.any() else pd.Series(False, index=series.index)  # no single bad value: every row

    return pa.Check(fits, name="dtype", error=f"dtype {dtype}")


def _checks(column: schema.Column) -> list[pa.Check]:
    checks = [_dtype_check(column.dtype)]
    if column.values is not None:
        allowed = column.values.allowed()
        if allowed is None:
            checks.append(pa.Check.str_matches(column.values.pattern, name="values",
                                               error=f"values: {column.values.describe()}"))
        else:
            checks.append(pa.Check.isin(sorted(allowed), name="values",
                                        error=f"values: {column.values.name}: {column.values.describe()}"))
    return checks


def _column(column: schema.Column, name: str | None = None, regex: bool = False) -> pa.Column:
    return pa.Column(None, checks=_checks(column), nullable=column.nullable, name=name or column.name,
                     regex=regex, required=not regex)


@lru_cache(maxsize=None)
def table_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of table ``name``, from its declaration."""
    table = schema.table(name)
    columns = {c.name: _column(c) for c in table.columns}
    if table.other is not None:
        known = "|".join(map(re.escape, table.names))
        other = f"^(?!(?:{known})$).+$"
        columns[other] = _column(table.other, other, regex=True)
    return pa.DataFrameSchema(columns, strict=True, ordered=table.other is None, name=name)


def _where(frame: pd.DataFrame, index) -> str:
    """``row 3 (article_id '001_...')``: the row label, and its article when the table has one."""
    try:
        key = frame.at[index, "article_id"] if "article_id" in frame.columns else None
    except (KeyError, ValueError, TypeError):
        key = None
    return f"row {index!r}" + ("" if key is None or pd.isna(key) else f" (article_id {key!r})")


COLUMN_CHECKS = {"column_in_dataframe": "missing", "column_in_schema": "not declared", "column_ordered": "out of order"}
"""pandera's checks of the column list, and what the message calls them."""


def _columns_line(name: str, frame: pd.DataFrame, failures: pd.DataFrame) -> str:
    found = "; ".join(f"{COLUMN_CHECKS[check]} " + ", ".join(map(repr, group["failure_case"]))
                      for check, group in failures.groupby("check", sort=False))
    return (f"  columns: {found} (declared: {', '.join(schema.columns(name))}; "
            f"found: {', '.join(map(str, frame.columns))})")


def _column_line(frame: pd.DataFrame, column: str, check: str, group: pd.DataFrame) -> str:
    if check == "not_nullable":
        what = "null where the declaration allows none"
    elif check.startswith("dtype "):
        what = f"has dtype {frame[column].dtype}, declared {check.removeprefix('dtype ')}"
    else:
        what = f"value not allowed ({check.removeprefix('values: ')})"
    shown = "; ".join(f"{_where(frame, row.index)}: {row.failure_case!r}" for row in group.head(SHOWN_ROWS).itertuples())
    return f"  column {column!r}: {what}; {len(group)} bad row(s), first: {shown}"


def _describe(name: str, frame: pd.DataFrame, failures: pd.DataFrame) -> str:
    lines = [f"table {name!r} does not match its declaration in {schema.DECLARATION.name}:"]
    listing = failures["check"].isin(list(COLUMN_CHECKS))
    if listing.any():
        lines.append(_columns_line(name, frame, failures[listing]))
    for (column, check), group in failures[~listing].groupby(["column", "check"], sort=False):
        lines.append(_column_line(frame, column, check, group))
    return "\n".join(lines)


def validate(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` if it matches the declaration of table ``name``, else raise :class:`TableInvalid`."""
    try:  # inplace: nothing is coerced, so the frame is not copied
        return table_schema(name).validate(frame, lazy=True, inplace=True)
    except SchemaErrors as exc:
        raise TableInvalid(_describe(name, frame, exc.failure_cases)) from None


def validate_tables(tables: dict[str, pd.DataFrame]) -> None:
    """Check every table of ``tables`` (name -> frame); raise on the first that fails."""
    for name, frame in tables.items():
        validate(name, frame)
