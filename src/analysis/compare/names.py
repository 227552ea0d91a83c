"""Report tables from the name mentions (report 04): which names and labels each outlet uses.

Pure functions of the built ``name_mentions`` table (and ``articles`` for
word counts); the extraction is :mod:`analysis.extract.names`.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.frames import require_frame
from analysis.core.values import UNKNOWN_OUTLET
from analysis.lexicons.load import gazetteer, name_key
from analysis.lexicons.phrases import PhraseLexicon

CATEGORIES = ("region", "place", "label")
"""The categories of the name_mentions table (as ``extract.names.CATEGORIES``)."""

OUTLET_NAME_COLUMNS = {
    "outlet": "outlet",
    "category": "region, place or label",
    "key": "canonical key (region-name group, place, label)",
    "name": "the name (its most frequent written form; case and hyphens folded)",
    "count": "mentions of the name in the outlet's articles",
    "key_share": "count / the outlet's mentions of the key (which name the outlet uses for the place)",
    "category_share": "count / the outlet's mentions in the category",
    "articles": "articles of the outlet using the name",
}

OUTLET_KEY_COLUMNS = {
    "outlet": "outlet",
    "category": "region, place or label",
    "key": "canonical key (region-name group, place, label)",
    "count": "mentions of the key in the outlet's articles",
    "share": "count / the outlet's mentions in the category",
    "articles": "articles of the outlet mentioning the key",
}

LABEL_RATE_COLUMNS = {
    "outlet": "outlet",
    "key": "party label (lexicon key)",
    "count": "mentions of the label in the outlet's articles",
    "words": "words in the outlet's articles (articles.n_words)",
    "per_1000_words": "count / words x 1000",
    "articles": "articles of the outlet using the label",
}


def _category_rows(mentions: pd.DataFrame, category: str) -> pd.DataFrame:
    require_frame(mentions, ("article_id", "outlet", "category", "key", "name"), "mentions")
    if category not in CATEGORIES:
        raise ValueError(f"category: {category!r} is not one of {', '.join(CATEGORIES)}")
    rows = mentions[mentions["category"] == category]
    return rows.assign(outlet=rows["outlet"].fillna(UNKNOWN_OUTLET))


def outlet_name_shares(mentions: pd.DataFrame, category: str) -> pd.DataFrame:
    """Per outlet, which names it uses for each key (columns: ``OUTLET_NAME_COLUMNS``).

    Written forms differing only in case or hyphens ("STEPANAKERT") count as one name.
    """
    rows = _category_rows(mentions, category)
    if rows.empty:
        return pd.DataFrame(columns=list(OUTLET_NAME_COLUMNS))
    rows = rows.assign(_fold=[name_key(n) for n in rows["name"]])
    shown = rows.groupby("_fold")["name"].agg(lambda n: n.value_counts().index[0])
    table = (rows.groupby(["outlet", "key", "_fold"], sort=True)
             .agg(count=("name", "size"), articles=("article_id", "nunique")).reset_index())
    table["name"] = table["_fold"].map(shown)
    table["category"] = category
    table["key_share"] = table["count"] / table.groupby(["outlet", "key"])["count"].transform("sum")
    table["category_share"] = table["count"] / table.groupby("outlet")["count"].transform("sum")
    table = table.sort_values(["outlet", "key", "count", "name"], ascending=[True, True, False, True], kind="stable")
    return table.reset_index(drop=True)[list(OUTLET_NAME_COLUMNS)]


def outlet_key_shares(mentions: pd.DataFrame, category: str) -> pd.DataFrame:
    """Per outlet, each key's share of the category (e.g. Artsakh vs Nagorno-Karabakh); ``OUTLET_KEY_COLUMNS``."""
    rows = _category_rows(mentions, category)
    if rows.empty:
        return pd.DataFrame(columns=list(OUTLET_KEY_COLUMNS))
    table = (rows.groupby(["outlet", "key"], sort=True)
             .agg(count=("name", "size"), articles=("article_id", "nunique")).reset_index())
    table["category"] = category
    table["share"] = table["count"] / table.groupby("outlet")["count"].transform("sum")
    return table[list(OUTLET_KEY_COLUMNS)]


def alternative_name_keys(lexicon: PhraseLexicon | None = None) -> list[str]:
    """Keys with more than one name in the lexicon (default: gazetteer places, e.g. Stepanakert/Khankendi).

    Names differing only in case or hyphens are one name; the default reads
    the gazetteer's places other than the region, as the name extractor does.
    """
    if lexicon is not None:
        frame = lexicon.frame
    else:
        places = gazetteer().frame
        places = places[places["kind"] != "region"].rename(columns={"place": "key"})
        frame = places[places["name"].str.strip() != ""]
    folded = frame.assign(_fold=[name_key(n) for n in frame["name"]])
    distinct = folded.groupby("key", sort=False)["_fold"].nunique()
    return [k for k, n in distinct.items() if n > 1]


def region_key_order() -> list[str]:
    """The region-name keys in the order of ``lexicons/region_names.csv``: a fixed order for colours and legends."""
    return list(dict.fromkeys(PhraseLexicon.load("region_names", proper=True).frame["key"]))


def place_name_order() -> dict[str, list[str]]:
    """``{place: [name folded, ...]}`` in the gazetteer's order: which name of a place is first, second ...

    Report colours follow this order, so a name has the same colour in every
    bar, report and corpus.
    """
    order: dict[str, list[str]] = {}
    for place, name in zip(gazetteer().frame["place"], gazetteer().frame["name"]):
        names = order.setdefault(place, [])
        if name.strip() and name_key(name) not in names:
            names.append(name_key(name))
    return order


def place_name_choices(mentions: pd.DataFrame, max_places: int = 8) -> pd.DataFrame:
    """:func:`outlet_name_shares` of the places that have alternative names, the ``max_places`` most mentioned.

    Rows are ordered by place (most mentioned first), then outlet, then the name's count.
    """
    if isinstance(max_places, bool) or not isinstance(max_places, int) or max_places < 1:
        raise ValueError(f"max_places: must be an int >= 1, got {max_places!r}")
    shares = outlet_name_shares(mentions, "place")
    shares = shares[shares["key"].isin(alternative_name_keys())]
    if shares.empty:
        return shares.reset_index(drop=True)
    totals = shares.groupby("key")["count"].sum().sort_index().sort_values(ascending=False, kind="stable")
    order = {k: i for i, k in enumerate(totals.index[:max_places])}
    shares = shares[shares["key"].isin(order)]
    shares = shares.assign(_o=shares["key"].map(order)).sort_values(["_o", "outlet"], kind="stable")
    return shares.drop(columns="_o").reset_index(drop=True)


def label_rates(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Party labels per 1,000 words of each outlet (columns: ``LABEL_RATE_COLUMNS``).

    ``articles`` (article_id, outlet, n_words) gives the words; pass the same
    selection the mentions come from. Outlets without labels have no rows.
    """
    require_frame(articles, ("article_id", "outlet", "n_words"), "articles")
    rows = _category_rows(mentions, "label")
    if rows.empty:
        return pd.DataFrame(columns=list(LABEL_RATE_COLUMNS))
    words = articles.assign(outlet=articles["outlet"].fillna(UNKNOWN_OUTLET)).groupby("outlet")["n_words"].sum()
    missing = sorted(set(rows["outlet"]) - set(words.index))
    if missing:
        raise ValueError(f"articles: no articles for outlet(s) {missing} found in mentions; pass the same selection")
    table = (rows.groupby(["outlet", "key"], sort=True)
             .agg(count=("name", "size"), articles=("article_id", "nunique")).reset_index())
    table["words"] = table["outlet"].map(words).astype("int64")
    table["per_1000_words"] = table["count"] / table["words"].where(table["words"] > 0) * 1000
    return table[list(LABEL_RATE_COLUMNS)]


def pivot_outlets(table: pd.DataFrame, columns: str, values: str) -> pd.DataFrame:
    """Outlet x ``columns`` matrix of ``values`` (0 where absent), columns by total, largest first."""
    require_frame(table, ("outlet", columns, values), "table")
    if table.empty:
        return pd.DataFrame(index=pd.Index([], name="outlet"))
    wide = table.pivot_table(index="outlet", columns=columns, values=values, aggfunc="sum", fill_value=0, sort=True)
    order = wide.sum().sort_index().sort_values(ascending=False, kind="stable").index
    wide = wide[list(order)]
    wide.columns.name = columns
    return wide
