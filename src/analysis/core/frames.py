"""Checks on the DataFrames handed to table functions, with errors that name the problem."""

from __future__ import annotations

import pandas as pd

ARTICLE_INPUT = ("article_id", "outlet", "text")


def require_frame(frame, columns: tuple[str, ...], param: str) -> pd.DataFrame:
    """Return ``frame`` if it is a DataFrame with ``columns``, else raise naming ``param``."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{param}: expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{param}: missing column(s) {', '.join(missing)} (has: {', '.join(map(str, frame.columns))})")
    return frame


def iter_articles(articles: pd.DataFrame, param: str = "articles"):
    """Yield ``(article_id, outlet, text)`` with a clear error for a non-text ``text``."""
    require_frame(articles, ARTICLE_INPUT, param)
    for row, (article_id, outlet, text) in enumerate(
        zip(articles["article_id"], articles["outlet"], articles["text"])
    ):
        if not isinstance(text, str):
            raise ValueError(f"{param}: row {row} (article_id={article_id!r}): text is {type(text).__name__}, expected str")
        yield article_id, (None if pd.isna(outlet) else outlet), text
