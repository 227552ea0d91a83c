"""What an outlet calls the region, its places and the parties: name and label counts.

Three categories, each from an analyst-editable lexicon:

- ``region``: names of the region (``lexicons/region_names.csv``). Artsakh,
  Nagorno-Karabakh (with or without hyphen), Karabakh alone (never the tail of
  "Nagorno-Karabakh"), Daghlig Garabagh, ... "Republic of Artsakh" is one
  Artsakh. Every occurrence in the normalized text counts, headline and quoted
  speech included (an outlet chooses whom to quote and in what words); words
  inside web addresses and @handles do not, nor do misspellings ("Arstakh"):
  a typo is not a naming choice and fuzzy matching would also catch other
  words. Key = the name group, ``name`` = as written.
- ``place``: every gazetteer place other than the region itself
  (``lexicons/gazetteer.csv``); key = canonical place (Stepanakert), name = as
  written (Khankendi), so name shares within a key show which name an outlet uses.
- ``label``: party labels (``lexicons/labels.csv``): separatist, breakaway,
  occupied/occupation, liberated/liberation, terrorist, Azeri vs Azerbaijani ...

Proper names must not be all lower case ("karabakh" in a slug); labels may be.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.core import schema
from analysis.core.frames import iter_articles, require_frame
from analysis.lexicons.load import gazetteer, name_key
from analysis.nlp.parsed import parsed_for, parses_for
from analysis.lexicons.phrases import PhraseLexicon, opaque_spans
from analysis.nlp.sentences import sentence_at

REGION_KEYS = ("Artsakh", "Nagorno-Karabakh", "Karabakh")
"""Region-name keys always present in :func:`region_name_counts`, even at zero."""

CATEGORIES = ("region", "place", "label")

MENTION_COLUMNS = schema.descriptions("name_mentions")

NAMES_COLUMNS = schema.descriptions("names")


@lru_cache(maxsize=None)
def region_lexicon() -> PhraseLexicon:
    """The bundled region-name lexicon."""
    return PhraseLexicon.load("region_names", proper=True)


@lru_cache(maxsize=None)
def place_lexicon() -> PhraseLexicon:
    """Gazetteer places other than the region, keyed by canonical place."""
    frame = gazetteer().frame
    frame = frame[frame["kind"] != "region"].rename(columns={"place": "key"})
    return PhraseLexicon(frame, proper=True, source="gazetteer")


@lru_cache(maxsize=None)
def _bundled_labels() -> PhraseLexicon:
    return PhraseLexicon.load("labels")


def label_lexicon(path: str | Path | None = None) -> PhraseLexicon:
    """The party-label lexicon: the bundled one, or an analyst's CSV (key, name columns) at ``path``."""
    return _bundled_labels() if path is None else PhraseLexicon.load("labels", path)


def _lexicons(region=None, place=None, label=None) -> dict[str, PhraseLexicon]:
    return {
        "region": region or region_lexicon(),
        "place": place or place_lexicon(),
        "label": label or label_lexicon(),
    }


_SPACE = re.compile(r"\s+")


def find_names(text: str, lexicons: dict[str, PhraseLexicon] | None = None,
               opaque: list[tuple[int, int]] | None = None) -> list[dict]:
    """Region, place and label mentions in one text, sorted by offset (``opaque``: its URL/handle spans, if known)."""
    lexicons = lexicons or _lexicons()
    opaque = opaque_spans(text) if opaque is None else opaque
    found = []
    for category, lexicon in lexicons.items():
        for m in lexicon.find(text, opaque):
            found.append({"category": category, "key": m.key, "name": _SPACE.sub(" ", m.written),
                          "start": m.start, "end": m.end})
    found.sort(key=lambda f: (f["start"], f["category"]))
    return found


def name_mentions(
    articles: pd.DataFrame,
    *,
    region: PhraseLexicon | None = None,
    place: PhraseLexicon | None = None,
    label: PhraseLexicon | None = None,
    parsed=None,
) -> pd.DataFrame:
    """One row per name/label mention with its sentence (columns: ``MENTION_COLUMNS``).

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return mentions_frame(mention_rows(articles, region=region, place=place, label=label, parsed=parsed))


def mentions_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The name_mentions table from :func:`mention_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("name_mentions", rows)


def mention_rows(
    articles: pd.DataFrame,
    *,
    region: PhraseLexicon | None = None,
    place: PhraseLexicon | None = None,
    label: PhraseLexicon | None = None,
    parsed=None,
) -> list[dict]:
    """The records of :func:`name_mentions`, for building it chunk by chunk."""
    return _mention_rows(articles, _lexicons(region, place, label), parsed)


def _mention_rows(articles: pd.DataFrame, lexicons: dict[str, PhraseLexicon], parsed=None) -> list[dict]:
    rows = []
    parses = parses_for(articles["text"], parsed)
    for (article_id, outlet, text), parse in zip(iter_articles(articles), parses):
        parse = parsed_for(text, parse)
        for f in find_names(text, lexicons, parse.opaque):
            s = sentence_at(parse.sentences, f["start"])
            rows.append({"article_id": article_id, "outlet": outlet, **f,
                         "sentence_index": s.index if s else -1, "sentence": s.text if s else ""})
    return rows


def label_mentions(articles: pd.DataFrame, lexicon_file: str | Path | None = None) -> pd.DataFrame:
    """Party-label mentions only, with the label lexicon at ``lexicon_file`` (bundled when None)."""
    return mentions_frame(_mention_rows(articles, {"label": label_lexicon(lexicon_file)}))


def relabel(mentions: pd.DataFrame, articles: pd.DataFrame, lexicon_file: str | Path | None = None) -> pd.DataFrame:
    """``mentions`` with its label rows found again with the analyst's lexicon (unchanged when None)."""
    require_frame(mentions, tuple(MENTION_COLUMNS), "mentions")
    if lexicon_file is None:
        return mentions
    kept = mentions[mentions["category"] != "label"]
    labels = label_mentions(articles, lexicon_file)
    merged = pd.concat([kept, labels], ignore_index=True) if len(kept) else labels
    return merged.sort_values(["article_id", "start", "category"], kind="stable").reset_index(drop=True)


def names_table(mentions_or_articles: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares per article, category, key and name (columns: ``NAMES_COLUMNS``).

    Accepts either the articles frame or :func:`name_mentions` output.
    """
    frame = mentions_or_articles
    if "category" not in frame.columns:
        frame = name_mentions(frame)
    if frame.empty:
        return pd.DataFrame(columns=list(NAMES_COLUMNS))
    keys = ["article_id", "outlet", "category", "key", "name"]
    counts = frame.groupby(keys, sort=False, dropna=False).size().rename("count").reset_index()
    by_cat = counts.groupby(["article_id", "category"], sort=False)["count"].transform("sum")
    by_key = counts.groupby(["article_id", "category", "key"], sort=False)["count"].transform("sum")
    counts["share"] = counts["count"] / by_cat
    counts["key_share"] = counts["count"] / by_key
    order = {c: i for i, c in enumerate(CATEGORIES)}
    counts["_c"] = counts["category"].map(order)
    counts = counts.sort_values(["article_id", "_c", "key", "count"], ascending=[True, True, True, False], kind="stable")
    return counts.drop(columns="_c").reset_index(drop=True)[list(NAMES_COLUMNS)]


def region_name_counts(articles: pd.DataFrame, *, region: PhraseLexicon | None = None, parsed=None) -> pd.DataFrame:
    """Article x region-name key counts; ``REGION_KEYS`` always present, other keys when found.

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return region_counts_frame(region_count_rows(articles, region=region, parsed=parsed), region=region)


def region_count_rows(articles: pd.DataFrame, *, region: PhraseLexicon | None = None, parsed=None) -> dict[str, dict[str, int]]:
    """``article_id -> {key: count}`` for :func:`region_name_counts`, chunk by chunk."""
    lexicon = region or region_lexicon()
    rows = {}
    parses = parses_for(articles["text"], parsed)
    for (article_id, _outlet, text), parse in zip(iter_articles(articles), parses):
        counts: dict[str, int] = dict.fromkeys(REGION_KEYS, 0)
        for m in lexicon.find(text, None if parse is None else parsed_for(text, parse).opaque):
            counts[m.key] = counts.get(m.key, 0) + 1
        rows[article_id] = counts
    return rows


def region_counts_from_mentions(article_ids, mentions: list[dict]) -> dict[str, dict[str, int]]:
    """:func:`region_count_rows` from :func:`mention_rows` records of the same articles
    (found with the default region lexicon), without matching the texts again."""
    rows = {article_id: dict.fromkeys(REGION_KEYS, 0) for article_id in article_ids}
    for m in mentions:
        if m["category"] == "region":
            counts = rows[m["article_id"]]
            counts[m["key"]] = counts.get(m["key"], 0) + 1
    return rows


def region_counts_frame(rows: dict[str, dict[str, int]], *, region: PhraseLexicon | None = None) -> pd.DataFrame:
    """The region-name count frame from :func:`region_count_rows` (of one or more chunks)."""
    lexicon = region or region_lexicon()
    frame = pd.DataFrame.from_dict(rows, orient="index").fillna(0).astype("int64")
    for key in REGION_KEYS:
        if key not in frame.columns:
            frame[key] = pd.Series(0, index=frame.index, dtype="int64")
    extra = [c for c in lexicon.keys if c in frame.columns and c not in REGION_KEYS]
    extra += sorted(c for c in frame.columns if c not in REGION_KEYS and c not in extra)
    frame = frame[list(REGION_KEYS) + extra]
    frame.index.name = "article_id"
    return frame


# ------------------------------------------------- per-outlet comparisons ----

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
    return rows.assign(outlet=rows["outlet"].fillna("(unknown)"))


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
    """Keys with more than one name in the lexicon (default: gazetteer places, e.g. Stepanakert/Khankendi)."""
    frame = (lexicon or place_lexicon()).frame
    folded = frame.assign(_fold=[name_key(n) for n in frame["name"]])
    distinct = folded.groupby("key", sort=False)["_fold"].nunique()
    return [k for k, n in distinct.items() if n > 1]


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
    words = articles.assign(outlet=articles["outlet"].fillna("(unknown)")).groupby("outlet")["n_words"].sum()
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
