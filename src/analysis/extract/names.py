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
The per-outlet comparisons of report 04 are in :mod:`analysis.compare.names`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.core import schema
from analysis.core.frames import iter_articles, require_frame
from analysis.lexicons.load import gazetteer
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
