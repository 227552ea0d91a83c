"""Report tables from the sources (report 04): distinct sources per article, share of voice by side.

``distinct_sources`` keeps one row per source per article, merging a short
and a long form of the same source ("Poghosyan" and "Artsakh presidential
spokesperson Vahram Poghosyan"); ``voice_by_side`` counts them per outlet and
side, distinct within each article and summed over the outlet's articles.
Pure functions of the built ``sources`` table (:mod:`analysis.extract.sources`).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.core.frames import require_frame

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
    """The tokens of :func:`source_tokens` joined by spaces: the ``source_key`` column."""
    return " ".join(source_tokens(name))


def distinct_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct source per article (columns: ``DISTINCT_COLUMNS``).

    Two forms are one source when the tokens of one are contained in the other's.
    """
    require_frame(sources, ("article_id", "outlet", "source", "side"), "sources")
    groups: dict[tuple, list[tuple[str, str, list[str]]]] = {}
    for article_id, outlet, source, side in zip(sources["article_id"], sources["outlet"], sources["source"],
                                                 sources["side"]):
        outlet = None if pd.isna(outlet) else outlet
        groups.setdefault((article_id, outlet), []).append((source, side, source_tokens(source)))
    rows = []
    for article_id, outlet in sorted(groups, key=lambda k: (k[0], k[1] is None, k[1] or "")):
        forms = sorted(groups[(article_id, outlet)], key=lambda f: -len(f[2]))
        merged: list[dict] = []
        for source, side, token_list in forms:
            tokens = set(token_list)
            if not tokens:
                continue
            for m in merged:
                if tokens <= m["_tokens"]:
                    m["_sides"].append(side)
                    m["mentions"] += 1
                    break
            else:
                merged.append({"article_id": article_id, "outlet": outlet, "source": source,
                               "source_key": " ".join(token_list), "_tokens": tokens, "_sides": [side],
                               "mentions": 1})
        for m in merged:
            m["side"] = majority_side(m.pop("_sides"))
            m.pop("_tokens")
            rows.append(m)
    return pd.DataFrame(rows, columns=list(DISTINCT_COLUMNS))


def majority_side(sides: list[str]) -> str:
    """The most frequent known side of one source's forms, ties to the first in sort order; else ``unspecified``."""
    known = [s for s in sides if s != "unspecified"] or sides
    counts: dict[str, int] = {}
    for side in known:
        counts[side] = counts.get(side, 0) + 1
    top = max(counts.values())
    return min(side for side, n in counts.items() if n == top)


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
