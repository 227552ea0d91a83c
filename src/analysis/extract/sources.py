"""Who speaks: the sources an article quotes or cites.

Sources come from :func:`analysis.nlp.attribution.find_attributions` (the claims
module). ``sources_table`` keeps every attribution (mention rows, with
offsets and sentence) but unnamed media ("a news website reports"): like every
medium they may be a claim's claimant, never a source (docs/SCHEMA.md). The
share of voice per outlet and side is a report table, in
:mod:`analysis.compare.sources`.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

from analysis.core import schema
from analysis.core.frames import iter_articles
from analysis.nlp.attribution import find_attributions
from analysis.nlp.parsed import parsed_for, parses_for
from analysis.nlp.source_words import head_noun, source_words

SOURCE_COLUMNS = schema.descriptions("sources")


def sources_table(articles: pd.DataFrame, *, finder: Callable | None = None, parsed=None) -> pd.DataFrame:
    """Every attribution in the articles (columns: ``SOURCE_COLUMNS``).

    ``finder(text, sentences) -> [Attribution(source, side, kind, start, end, sentence_index)]``;
    defaults to :func:`analysis.nlp.attribution.find_attributions` (the shared
    parse's attributions when ``parsed``, one :class:`~analysis.nlp.parsed.ParsedArticle`
    per row in order, is given).
    """
    return sources_frame(source_rows(articles, finder=finder, parsed=parsed))


def sources_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The sources table from :func:`source_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("sources", rows)


def source_rows(articles: pd.DataFrame, *, finder: Callable | None = None, parsed=None) -> list[dict]:
    """The records of :func:`sources_table`, for building it chunk by chunk."""
    if finder is None and parsed is None:
        finder = find_attributions
    rows = []
    media = source_words().media_nouns
    parses = parses_for(articles["text"], parsed)
    for (article_id, outlet, text), parse in zip(iter_articles(articles), parses):
        parse = parsed_for(text, parse)
        sentences = parse.sentences
        for a in (finder(text, sentences) if finder is not None else parse.attributions):
            if head_noun(a.source) in media:
                continue
            s = sentences[a.sentence_index] if 0 <= a.sentence_index < len(sentences) else None
            rows.append({"article_id": article_id, "outlet": outlet, "source": a.source,
                         "side": a.side or "unspecified", "kind": a.kind,
                         "sentence_index": a.sentence_index, "sentence": s.text if s else "",
                         "start": a.start, "end": a.end})
    return rows
