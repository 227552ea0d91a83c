"""Corpus overview tables for report 01: what is in the corpus and how sure its metadata is.

Pure functions from the ``articles`` / ``ingest_errors`` tables to small
summary frames; the notebook only plots and explains them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd


class SelectionError(ValueError):
    """A selection parameter (outlets, date range) is invalid."""


def _as_date(value, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise SelectionError(f"parameter {name}: {value!r} is not a date in YYYY-MM-DD form") from exc


def select_articles(articles: pd.DataFrame, outlets=None, date_from=None, date_to=None) -> pd.DataFrame:
    """Articles of the chosen outlets published in ``[date_from, date_to]``.

    Empty ``outlets`` means all. Articles with no publication date are kept
    unless a date bound is given. Unknown outlets are an error naming them.
    """
    if outlets:
        if isinstance(outlets, str):
            outlets = [outlets]
        unknown = sorted(set(outlets) - set(articles["outlet"].dropna()))
        if unknown:
            raise SelectionError(f"parameter outlets: unknown outlet(s) {unknown}; outlets in the corpus: {sorted(articles['outlet'].dropna().unique())}")
        articles = articles[articles["outlet"].isin(outlets)]
    start, end = _as_date(date_from, "date_from"), _as_date(date_to, "date_to")
    if start and end and start > end:
        raise SelectionError(f"parameters date_from/date_to: {start} is after {end}")
    if start or end:
        published = articles["published"]
        keep = published.notna()
        if start:
            keep &= published.map(lambda d: d is not None and not pd.isna(d) and d >= start)
        if end:
            keep &= published.map(lambda d: d is not None and not pd.isna(d) and d <= end)
        articles = articles[keep]
    return articles.reset_index(drop=True)


def articles_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles, words and date span per outlet (unknown outlet shown as '(unknown)')."""
    frame = articles.assign(outlet=articles["outlet"].fillna("(unknown)"))
    grouped = frame.groupby("outlet", sort=True)
    return pd.DataFrame({
        "articles": grouped.size(),
        "words": grouped["n_words"].sum().astype("int64"),
        "median_words": grouped["n_words"].median(),
        "first_published": grouped["published"].min(),
        "last_published": grouped["published"].max(),
    }).reset_index()


def publication_timeline(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per day and outlet (rows: dates with articles; columns: outlets)."""
    dated = articles.dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame()
    return (dated.assign(outlet=dated["outlet"].fillna("(unknown)"))
            .groupby(["published", "outlet"]).size().unstack(fill_value=0).sort_index())


MANIFEST = "manifest"
PIPELINE = "warcov (read from the file)"


def date_given_by(articles: pd.DataFrame, raw_dir=None) -> pd.Series:
    """Who established each article's publication date, beside its ``published_basis``.

    ``manifest`` when the raw folder's ``manifest.csv`` gives the article a
    date (``published_basis`` is then the manifest's own basis column: how the
    person who made the manifest established the date), :data:`PIPELINE` when
    warcov read the date from the file itself, ``""`` when no date is known. A
    manifest that cannot be read counts as no manifest (the build reported it).
    """
    from analysis.core import config
    from analysis.ingest import manifest

    folder = Path(raw_dir) if raw_dir else config.RAW_DIR
    path = folder / config.MANIFEST_NAME
    dated: set[str] = set()
    if path.is_file():
        try:
            dated = {k for k, row in manifest.read_manifest(path, []).items() if row.published is not None}
        except manifest.ManifestError:
            dated = set()
    values = [("" if pd.isna(published) else MANIFEST if article_id in dated else PIPELINE)
              for article_id, published in zip(articles["article_id"], articles["published"])]
    return pd.Series(values, index=articles.index, name="date_given_by", dtype=object)


def metadata_sources(articles: pd.DataFrame, given_by: pd.Series | None = None) -> pd.DataFrame:
    """Where each article's publication date came from (basis x outlet counts).

    With ``given_by`` (:func:`date_given_by`), rows are (date_given_by, basis).
    """
    frame = articles.assign(outlet=articles["outlet"].fillna("(unknown)"),
                            published_basis=articles["published_basis"].fillna("unknown"))
    rows = ["published_basis"]
    if given_by is not None:
        frame = frame.assign(date_given_by=given_by.replace("", "nobody (no date)").to_numpy())
        rows = ["date_given_by", "published_basis"]
    return frame.groupby(rows + ["outlet"]).size().unstack(fill_value=0)


def article_flags(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per metadata flag raised on an article."""
    rows = [
        {"article_id": a, "outlet": o, "flag": flag.strip()}
        for a, o, flags in zip(articles["article_id"], articles["outlet"], articles["flags"])
        for flag in str(flags or "").split(";") if flag.strip()
    ]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "flag"])
