"""Calendar days from table cells: one coercion for every table function that compares dates.

Built tables hold ``datetime.date`` objects (or null); callers may also pass
timestamps or ISO strings. Used by the lag tables (``link``) and the report
tables (``compare``).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd


def as_date(value) -> dt.date | None:
    """``value`` as a ``datetime.date``: None for a missing value (None, NA, NaT, NaN).

    A datetime or pandas Timestamp gives its day; a string is read as an ISO
    date from its first ten characters ("2020-10-17T08:00" is 2020-10-17).
    """
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
