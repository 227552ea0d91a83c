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

from .inputs import iter_articles
from .lexicons import gazetteer
from .phrases import PhraseLexicon, opaque_spans
from .text import sentence_at, split_sentences

REGION_KEYS = ("Artsakh", "Nagorno-Karabakh", "Karabakh")
"""Region-name keys always present in :func:`region_name_counts`, even at zero."""

CATEGORIES = ("region", "place", "label")

MENTION_COLUMNS = {
    "article_id": "article the mention is in",
    "outlet": "outlet of the article",
    "category": "region (name of the region), place (gazetteer place) or label (party label)",
    "key": "what the mention counts as: region-name group, canonical place, or label",
    "name": "the words as written in the text (whitespace collapsed)",
    "start": "character offset of the mention in the article's normalized text",
    "end": "character offset just past the mention",
    "sentence_index": "index of the sentence (text.split_sentences) holding the mention",
    "sentence": "that sentence, for showing the evidence behind a figure",
}

NAMES_COLUMNS = {
    "article_id": "article",
    "outlet": "outlet of the article",
    "category": "region, place or label",
    "key": "canonical key (region-name group, place, label)",
    "name": "the name as written (whitespace collapsed)",
    "count": "number of mentions of this name in the article",
    "share": "count / all mentions of the category in the article",
    "key_share": "count / all mentions of the key in the article (e.g. Khankendi among Stepanakert's names)",
}


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
def label_lexicon() -> PhraseLexicon:
    """The bundled party-label lexicon."""
    return PhraseLexicon.load("labels")


def _lexicons(region=None, place=None, label=None) -> dict[str, PhraseLexicon]:
    return {
        "region": region or region_lexicon(),
        "place": place or place_lexicon(),
        "label": label or label_lexicon(),
    }


_SPACE = re.compile(r"\s+")


def find_names(text: str, lexicons: dict[str, PhraseLexicon] | None = None) -> list[dict]:
    """Region, place and label mentions in one text, sorted by offset."""
    lexicons = lexicons or _lexicons()
    opaque = opaque_spans(text)
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
) -> pd.DataFrame:
    """One row per name/label mention with its sentence (columns: ``MENTION_COLUMNS``)."""
    lexicons = _lexicons(region, place, label)
    rows = []
    for article_id, outlet, text in iter_articles(articles):
        sentences = None
        for f in find_names(text, lexicons):
            if sentences is None:
                sentences = split_sentences(text)
            s = sentence_at(sentences, f["start"])
            rows.append({"article_id": article_id, "outlet": outlet, **f,
                         "sentence_index": s.index if s else -1, "sentence": s.text if s else ""})
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS)).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64"})


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


def region_name_counts(articles: pd.DataFrame, *, region: PhraseLexicon | None = None) -> pd.DataFrame:
    """Article x region-name key counts; ``REGION_KEYS`` always present, other keys when found."""
    lexicon = region or region_lexicon()
    rows = {}
    for article_id, _outlet, text in iter_articles(articles):
        counts: dict[str, int] = dict.fromkeys(REGION_KEYS, 0)
        for m in lexicon.find(text):
            counts[m.key] = counts.get(m.key, 0) + 1
        rows[article_id] = counts
    frame = pd.DataFrame.from_dict(rows, orient="index").fillna(0).astype("int64")
    for key in REGION_KEYS:
        if key not in frame.columns:
            frame[key] = pd.Series(0, index=frame.index, dtype="int64")
    extra = [c for c in lexicon.keys if c in frame.columns and c not in REGION_KEYS]
    extra += sorted(c for c in frame.columns if c not in REGION_KEYS and c not in extra)
    frame = frame[list(REGION_KEYS) + extra]
    frame.index.name = "article_id"
    return frame
