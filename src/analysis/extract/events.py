"""The dated-events table: one row per temporal expression of every article.

Each article's expressions come from
:func:`analysis.nlp.temporal.expressions.find_temporal_expressions`, resolved
against its publication date; the table carries the article's outlet and
where its date came from, so that incidents and reporting lag
(:mod:`analysis.link`) can be built from this table alone.
"""

from __future__ import annotations

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


def event_rows(articles: pd.DataFrame, parsed=None) -> list[dict]:
    """The records of :func:`events_table`, for building it chunk by chunk."""
    missing = [c for c in ("article_id", "text", "published") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles: missing column(s) {', '.join(missing)}")
    rows = []
    outlets = articles["outlet"] if "outlet" in articles.columns else [None] * len(articles)
    bases = articles["published_basis"] if "published_basis" in articles.columns else [None] * len(articles)
    parses = parses_for(articles["text"], parsed)
    for article_id, outlet, text, published, basis, parse in zip(
        articles["article_id"], outlets, articles["text"], articles["published"], bases, parses
    ):
        published = _published(published, article_id)
        text = text if isinstance(text, str) else ""
        for row in find_temporal_expressions(text, published, parsed=parse):
            row.update(article_id=article_id, outlet=outlet, published=published, published_basis=basis)
            rows.append(row)
    return rows


def _published(value, article_id) -> date | None:
    """The article's publication date; a value that is no date is an error naming the article."""
    try:
        return as_date(value)
    except ValueError:
        raise ValueError(f"articles: article {article_id!r}: published {value!r} is not a YYYY-MM-DD date") from None
