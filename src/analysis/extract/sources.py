"""Who speaks: the sources an article quotes or cites, and each side's share of voice.

Sources come from :func:`analysis.nlp.attribution.find_attributions` (the claims
module). ``sources_table`` keeps every attribution (mention rows, with
offsets and sentence); ``distinct_sources`` keeps one row per source per
article, merging a short and a long form of the same source ("Poghosyan" and
"Artsakh presidential spokesperson Vahram Poghosyan"); ``voice_by_side``
counts them per outlet and side, distinct within each article and summed over
the outlet's articles.
"""

from __future__ import annotations

import re
from typing import Callable

import pandas as pd

from analysis.core.frames import iter_articles, require_frame
from analysis.nlp.attribution import find_attributions
from analysis.nlp.parsed import parsed_for, parses_for

SOURCE_COLUMNS = {
    "article_id": "article",
    "outlet": "outlet of the article",
    "source": "the source as written (person, body, country)",
    "side": "armenian, azerbaijani, third_party or unspecified",
    "kind": "kind of attribution, as given by analysis.nlp.attribution",
    "sentence_index": "index of the sentence (text.split_sentences)",
    "sentence": "the sentence carrying the attribution",
    "start": "character offset of the source in the normalized text",
    "end": "character offset just past it",
}

DISTINCT_COLUMNS = {
    "article_id": "article",
    "outlet": "outlet of the article",
    "source": "the longest form of the source in the article",
    "source_key": "normalized name used to merge forms (lower case, no articles or possessives)",
    "side": "side of the source (most frequent among its mentions)",
    "mentions": "attributions to this source in the article",
}

VOICE_COLUMNS = {
    "outlet": "outlet",
    "side": "armenian, azerbaijani, third_party or unspecified",
    "sources_per_article_summed": "sources of the side, counted distinct within each article and summed over the "
                                  "outlet's articles (a source quoted in two articles counts twice)",
    "share": "sources_per_article_summed / the same over all sides of the outlet",
    "mentions": "attributions to sources of the side",
}

_TOKEN = re.compile(r"[a-z0-9]+")
_DROP = {"the", "a", "an", "s", "of", "in", "for", "and"}


def source_tokens(name: str) -> list[str]:
    """Lower-case word tokens of a source name without articles and possessive 's."""
    folded = name.lower().replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    return [t for t in _TOKEN.findall(folded) if t not in _DROP]


def source_key(name: str) -> str:
    return " ".join(source_tokens(name))


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
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS)).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64"})


def source_rows(articles: pd.DataFrame, *, finder: Callable | None = None, parsed=None) -> list[dict]:
    """The records of :func:`sources_table`, for building it chunk by chunk."""
    if finder is None and parsed is None:
        finder = find_attributions
    rows = []
    parses = parses_for(articles["text"], parsed)
    for (article_id, outlet, text), parse in zip(iter_articles(articles), parses):
        parse = parsed_for(text, parse)
        sentences = parse.sentences
        for a in (finder(text, sentences) if finder is not None else parse.attributions):
            s = sentences[a.sentence_index] if 0 <= a.sentence_index < len(sentences) else None
            rows.append({"article_id": article_id, "outlet": outlet, "source": a.source,
                         "side": a.side or "unspecified", "kind": a.kind,
                         "sentence_index": a.sentence_index, "sentence": s.text if s else "",
                         "start": a.start, "end": a.end})
    return rows


def distinct_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct source per article (columns: ``DISTINCT_COLUMNS``).

    Two forms are one source when the tokens of one are contained in the other's.
    """
    require_frame(sources, ("article_id", "outlet", "source", "side"), "sources")
    rows = []
    for (article_id, outlet), group in sources.groupby(["article_id", "outlet"], sort=True, dropna=False):
        forms = sorted(zip(group["source"], group["side"]), key=lambda f: -len(source_tokens(f[0])))
        merged: list[dict] = []
        for source, side in forms:
            tokens = set(source_tokens(source))
            if not tokens:
                continue
            for m in merged:
                if tokens <= m["_tokens"]:
                    m["_sides"].append(side)
                    m["mentions"] += 1
                    break
            else:
                merged.append({"article_id": article_id, "outlet": outlet, "source": source,
                               "source_key": source_key(source), "_tokens": tokens, "_sides": [side], "mentions": 1})
        for m in merged:
            sides = pd.Series(m.pop("_sides"))
            known = sides[sides != "unspecified"]
            m["side"] = (known if len(known) else sides).mode().iloc[0]
            m.pop("_tokens")
            rows.append(m)
    return pd.DataFrame(rows, columns=list(DISTINCT_COLUMNS))


def voice_by_side(sources: pd.DataFrame) -> pd.DataFrame:
    """Share of voice per outlet and side (columns: ``VOICE_COLUMNS``).

    Sources are counted distinct within each article (:func:`distinct_sources`)
    and summed over the outlet's articles: a source quoted in two articles of
    an outlet counts twice, as the column name says.
    """
    distinct = distinct_sources(sources)
    if distinct.empty:
        return pd.DataFrame(columns=list(VOICE_COLUMNS))
    count = "sources_per_article_summed"
    table = distinct.groupby(["outlet", "side"], sort=True).agg(**{count: ("source", "size")},
                                                                 mentions=("mentions", "sum"))
    table = table.reset_index()
    table["share"] = table[count] / table.groupby("outlet")[count].transform("sum")
    return table[list(VOICE_COLUMNS)]
