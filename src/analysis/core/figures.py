"""How a claimed figure is written and keyed, for the build and the reports alike.

A figure is a claimant, a count with its qualifier ("more than 60" is not
"60"), an outcome and a side. The announcement lag (built by ``link.lag``)
and the report tables of ``compare`` must key and write figures the same
way, so the rules live here, below both.
"""

from __future__ import annotations

import math

import pandas as pd

QUALIFIER_WORDS = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to "}
"""The words a qualifier puts before its count (``exact`` puts none)."""


def is_missing(value) -> bool:
    """True for a missing cell value: None, ``pd.NA`` or NaN."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def claimant_key(name) -> str | None:
    """Case- and space-insensitive key of a claimant name (None for the outlet's own voice)."""
    if not isinstance(name, str) or not name.strip():
        return None
    return " ".join(name.lower().split())


def qualifier_of(value) -> str:
    """A claim's qualifier, ``exact`` when not given (a number written bare is exact)."""
    return value if isinstance(value, str) and value else "exact"


def with_qualifier(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with a ``qualifier`` column (every count exact when the table has none)."""
    return claims if "qualifier" in claims.columns else claims.assign(qualifier="exact")


def figure_text(count, qualifier, vague) -> str:
    """A claim's figure in words: '12', 'at least 13', 'more than 40', 'about 30,000', 'dozens'."""
    if is_missing(count):
        return "" if is_missing(vague) else str(vague)
    number = f"{int(count):,}"
    return QUALIFIER_WORDS.get(None if is_missing(qualifier) else qualifier, "") + number
