"""The one date coercer: a table cell or a parameter -> ``datetime.date`` or None.

Tables hold dates as ``datetime.date`` (None when unknown), but a value may also
arrive as a ``datetime``, a pandas ``Timestamp``, an ISO string from a CSV or a
notebook parameter, or a missing-value marker (None, ``NaT``, NaN). Every stage
coerces through :func:`as_date`; its keyword flags keep the few places that
read more leniently explicit instead of each writing its own helper.
"""

from __future__ import annotations

from datetime import date

import pandas as pd


def as_date(value, *, blank_is_none: bool = False, na_is_none: bool = False,
            leading_date: bool = False) -> date | None:
    """``value`` as a ``datetime.date``; None for None, ``NaT`` and a float NaN.

    A ``datetime`` or ``Timestamp`` gives its date; anything else is read as an
    ISO date (``date.fromisoformat`` of its text), whose ``ValueError`` is left
    for the caller to word. ``blank_is_none``: the empty string is None too (an
    unset notebook parameter). ``na_is_none``: so is ``pd.NA``. ``leading_date``:
    a string is read from its first ten characters only ("2020-10-01 00:00:00").
    """
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if blank_is_none and isinstance(value, str) and value == "":
        return None
    if na_is_none and value is pd.NA:
        return None
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    text = str(value)
    return date.fromisoformat(text[:10] if leading_date else text)


def as_day(value) -> date | None:
    """The lenient reading of table cells that link and compare use: ``pd.NA`` is None too,
    and a string is read from its first ten characters ("2020-10-17T08:00" is 2020-10-17)."""
    return as_date(value, na_is_none=True, leading_date=True)


EARLIEST = date(1900, 1, 1)
"""The earliest publication or event date accepted: news of a modern war; an older date is debris."""

EVENT_LEAD_DAYS = 366
"""How far after the build date an event date may lie (an announced plan); a publication date may not."""


def outside_window(day: date, *, lead_days: int = 0, today: date | None = None) -> str | None:
    """Why ``day`` is refused as a date of the corpus, or None when it is in the window.

    The window runs from :data:`EARLIEST` to the build date (``today``, the
    machine's date when None) plus ``lead_days``. A date outside it cannot be a
    publication date of this corpus, and date arithmetic near ``date.min`` or
    ``date.max`` would overflow, so callers refuse it with this reason.
    """
    if day < EARLIEST:
        return f"{day.isoformat()} is before {EARLIEST.isoformat()}"
    latest = today or date.today()
    if lead_days:
        latest = date.fromordinal(min(latest.toordinal() + lead_days, date.max.toordinal()))
    if day > latest:
        what = "the build date" if not lead_days else f"{lead_days} days after the build date"
        return f"{day.isoformat()} is after {what} ({latest.isoformat()})"
    return None
