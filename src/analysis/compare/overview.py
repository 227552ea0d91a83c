"""The selection every report starts from, and the corpus overview tables of report 01.

:func:`select_articles` and :func:`select_rows` restrict the built tables to
a report's outlets and dates. The rest are pure functions from the
``articles`` / ``ingest_errors`` tables to small summary frames for report
01 (what is in the corpus and how sure its metadata is); the notebook only
plots and explains them.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from analysis.core import config
from analysis.core.frames import require_frame
from analysis.core.dates import as_date
from analysis.core.values import UNKNOWN_OUTLET


class SelectionError(ValueError):
    """A selection parameter (outlets, date range) is invalid."""


def _as_date(value, name: str) -> dt.date | None:
    try:
        return as_date(value, blank_is_none=True)
    except (TypeError, ValueError) as exc:
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


def select_rows(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows of a per-article table (``articles`` itself, names, hedges ...) whose article is in ``articles``.

    A missing outlet becomes :data:`~analysis.core.values.UNKNOWN_OUTLET` so per-outlet comparisons keep the row.
    """
    require_frame(table, ("article_id",), "table")
    require_frame(articles, ("article_id",), "articles")
    rows = table[table["article_id"].isin(set(articles["article_id"]))]
    if "outlet" in rows.columns:
        rows = rows.assign(outlet=rows["outlet"].fillna(UNKNOWN_OUTLET))
    return rows.reset_index(drop=True)


def articles_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles, words and date span per outlet (a missing outlet shown as :data:`~analysis.core.values.UNKNOWN_OUTLET`)."""
    frame = articles.assign(outlet=articles["outlet"].fillna(UNKNOWN_OUTLET))
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
    return (dated.assign(outlet=dated["outlet"].fillna(UNKNOWN_OUTLET))
            .groupby(["published", "outlet"]).size().unstack(fill_value=0).sort_index())


MANIFEST = "manifest"
PIPELINE = "warcov (read from the file)"


def manifest_dated(path: Path) -> set[str]:
    """Ids of the articles to which the manifest at ``path`` gives a publication date.

    The file is read as ingest reads it (``ingest.corpus.read_manifest``):
    ``article_id`` is the file stem, the first row of an id counts, and a date
    is a ``published`` value in YYYY-MM-DD form. A missing or unreadable
    manifest, or one without an ``article_id`` column, dates nothing. Read
    here rather than imported, because report tables do not depend on ingest.
    """
    if not path.is_file():
        return set()
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "article_id" not in (reader.fieldnames or []):
                return set()
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error):
        return set()
    seen: set[str] = set()
    dated: set[str] = set()
    for row in rows:
        article_id = (row.get("article_id") or "").strip()
        if not article_id:
            continue
        article_id = Path(article_id).stem
        if article_id in seen:
            continue
        seen.add(article_id)
        try:
            dt.date.fromisoformat((row.get("published") or "").strip())
        except ValueError:  # no date, or not one in YYYY-MM-DD form
            continue
        dated.add(article_id)
    return dated


def date_given_by(articles: pd.DataFrame, raw_dir=None) -> pd.Series:
    """Who established each article's publication date, beside its ``published_basis``.

    ``manifest`` when the raw folder's ``manifest.csv`` gives the article a
    date (``published_basis`` is then the manifest's own basis column: how the
    person who made the manifest established the date), :data:`PIPELINE` when
    warcov read the date from the file itself, ``""`` when no date is known. A
    manifest that cannot be read counts as no manifest (the build reported it).
    """
    folder = Path(raw_dir) if raw_dir else config.RAW_DIR
    dated = manifest_dated(folder / config.MANIFEST_NAME)
    values = [("" if pd.isna(published) else MANIFEST if article_id in dated else PIPELINE)
              for article_id, published in zip(articles["article_id"], articles["published"])]
    return pd.Series(values, index=articles.index, name="date_given_by", dtype=object)


def metadata_sources(articles: pd.DataFrame, given_by: pd.Series | None = None) -> pd.DataFrame:
    """Where each article's publication date came from (basis x outlet counts).

    With ``given_by`` (:func:`date_given_by`), rows are (date_given_by, basis).
    """
    frame = articles.assign(outlet=articles["outlet"].fillna(UNKNOWN_OUTLET),
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
