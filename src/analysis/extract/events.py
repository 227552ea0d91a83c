"""The dated-events table: one row per temporal expression of every article.

Each article's expressions come from
:func:`analysis.nlp.temporal.expressions.find_temporal_expressions`, resolved
against its publication date (an article with no date of its own takes
the corpus's year, :func:`corpus_year`, for year-less dates); the table carries the article's outlet and
where its date came from, so that incidents and reporting lag
(:mod:`analysis.link`) can be built from this table alone.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pandas as pd

from analysis.core import schema
from analysis.core.dates import as_date
from analysis.nlp.parsed import parses_for
from analysis.nlp.temporal.expressions import find_temporal_expressions

COLUMNS = schema.descriptions("events")


def events_table(articles: pd.DataFrame, parsed=None) -> pd.DataFrame:
    """One row per temporal expression in ``articles`` (columns: :data:`COLUMNS`).

    ``articles`` needs ``article_id``, ``text`` and ``published``; ``outlet`` and
    ``published_basis`` are carried along when present. ``parsed``: optional
    :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return events_frame(event_rows(articles, parsed))


def events_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The events table from :func:`event_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("events", rows)


def event_rows(articles: pd.DataFrame, parsed=None, *, year: int | None = None) -> list[dict]:
    """The records of :func:`events_table`, for building it chunk by chunk.

    ``year``: the corpus year of year-less dates (None: :func:`corpus_year` of
    these articles); the build passes its chunk's, so that an article run on
    its own gets the rows it gets in its chunk.
    """
    missing = [c for c in ("article_id", "text", "published") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles: missing column(s) {', '.join(missing)}")
    rows = []
    outlets = articles["outlet"] if "outlet" in articles.columns else [None] * len(articles)
    bases = articles["published_basis"] if "published_basis" in articles.columns else [None] * len(articles)
    parses = parses_for(articles["text"], parsed)
    published_dates = [_published(p, a) for a, p in zip(articles["article_id"], articles["published"])]
    year = corpus_year(published_dates) if year is None else year
    for article_id, outlet, text, published, basis, parse in zip(
        articles["article_id"], outlets, articles["text"], published_dates, bases, parses
    ):
        text = text if isinstance(text, str) else ""
        for row in find_temporal_expressions(text, published, parsed=parse, default_year=year):
            row.update(article_id=article_id, outlet=outlet, published=published, published_basis=basis)
            rows.append(row)
    return rows


def corpus_year(published: list[date | None]) -> int | None:
    """The most common year of the known publication dates (the latest on a tie); None when none is known.

    An article with neither a publication date nor a full date of its own
    dates "on September 27" in this year: the corpus's articles report one
    period, and a year-less date in one of them means that period's year.
    """
    counts = Counter(d.year for d in published if d is not None)
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _published(value, article_id) -> date | None:
    """The article's publication date; a value that is no date is an error naming the article."""
    try:
        return as_date(value)
    except ValueError:
        raise ValueError(f"articles: article {article_id!r}: published {value!r} is not a YYYY-MM-DD date") from None
