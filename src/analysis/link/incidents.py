"""Link dated event mentions across articles into incidents.

Two mentions (rows of the dated-events table) are the same incident when they
name the same canonical place, their dates are at most ``tolerance_days``
apart, and their sentences are similar (TF-IDF cosine >= ``min_similarity``,
computed with the place names and the date expression masked so that the
similarity reflects what happened). Two combat mentions (shelling, strike,
clashes, casualties ...: :func:`analysis.nlp.temporal.context.combat_event_types`) of the
same place on the same day are one incident whatever their wording, as in
event data coded by place and day: "the bombing of Stepanakert on Friday"
and "dozens of residents were wounded in Stepanakert on October 2" describe
one day of fighting there. Linking is transitive (single linkage) within a
place. Mentions without a place or a resolved date are not linked.

An incident id is a hash of its canonical place, date (the most common date
of its mentions, earliest on ties) and event type, so it is the same in every
build of the same corpus instead of a running number.
"""

from __future__ import annotations


import hashlib
import re
from collections import Counter

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from analysis.core import schema
from analysis.lexicons import load as lexicons
from analysis.nlp.temporal.context import combat_event_types

INCIDENT_COLUMNS = schema.descriptions("incidents")
MENTION_COLUMNS = schema.descriptions("incident_mentions")
CLAIM_INCIDENT_COLUMN = "incident_id"

_GENERIC_TYPES = frozenset({"statement", "casualties"})
_REQUIRED = ("article_id", "outlet", "published", "published_basis", "expression", "date", "location", "sentence", "start", "end", "event_type")


def is_flagged(value) -> bool:
    """A boolean column's value: True only for a true value (missing, None or NaN is False)."""
    return value is not None and not pd.isna(value) and bool(value)


def incident_id(place: str, day, event_type: str) -> str:
    """Stable id for an incident: ``inc_`` + 12 hex digits of SHA-1."""
    key = f"{lexicons.name_key(place)}|{day}|{event_type.lower()}"
    return "inc_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def masked_sentence(sentence: str, expression: str) -> str:
    """The words two mentions' sentences are compared on: without the date expression, place names and digits."""
    text = sentence.replace(expression, " ")
    for mention in reversed(lexicons.gazetteer().find(text)):
        text = text[: mention.start] + " " + text[mention.end:]
    return re.sub(r"\d+", " ", text)


def _validate(events: pd.DataFrame, tolerance_days, min_similarity) -> None:
    if isinstance(tolerance_days, bool) or not isinstance(tolerance_days, (int, np.integer)) or tolerance_days < 0:
        raise ValueError(f"tolerance_days: expected a whole number >= 0, got {tolerance_days!r}")
    if isinstance(min_similarity, bool) or not isinstance(min_similarity, (int, float)) or not 0 <= min_similarity <= 1:
        raise ValueError(f"min_similarity: expected a number between 0 and 1, got {min_similarity!r}")
    missing = [c for c in _REQUIRED if c not in events.columns]
    if missing:
        raise ValueError(f"events: missing column(s) {', '.join(missing)}")


def link_incidents(events: pd.DataFrame, tolerance_days: int = 1, min_similarity: float = 0.1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group event mentions into incidents.

    Returns ``(incidents, incident_mentions)`` with :data:`INCIDENT_COLUMNS`
    and :data:`MENTION_COLUMNS`.
    """
    _validate(events, tolerance_days, min_similarity)
    usable = events[events["location"].notna() & events["date"].notna()]
    if usable.empty:
        return pd.DataFrame(columns=list(INCIDENT_COLUMNS)), pd.DataFrame(columns=list(MENTION_COLUMNS))
    # one list per column, not a dict per row: a corpus's events are many (memory, issue 15)
    cols = {c: usable[c].tolist() for c in (*_REQUIRED, "background") if c in usable.columns}
    rows = list(usable.index)
    clusters, best = linked_groups(cols, tolerance_days, min_similarity)
    incidents: dict[str, dict] = {}
    out: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
    copied = ("article_id", "outlet", "published", "published_basis", "expression", "date", "start", "end",
              "sentence")
    background = cols.get("background")
    for members in clusters:
        place = cols["location"][members[0]]
        dates = Counter(cols["date"][i] for i in members)
        top = max(dates.values())
        day = min(d for d, n in dates.items() if n == top)
        event_type = _incident_type([cols["event_type"][i] for i in members])
        iid = incident_id(place, day, event_type)
        for i in members:
            out["incident_id"].append(iid)
            out["event_row"].append(rows[i])
            for c in copied:
                out[c].append(cols[c][i])
            out["similarity"].append(None if np.isnan(best[i]) else round(float(best[i]), 4))
            out["background"].append(is_flagged(background[i]) if background is not None else False)
        incidents.setdefault(iid, {"place": place, "event_type": event_type, "date": day})
    mention_frame = pd.DataFrame(out, columns=list(MENTION_COLUMNS)).sort_values(
        ["incident_id", "article_id", "start"], ignore_index=True)
    return _incident_table(mention_frame, incidents), mention_frame


SIMILARITY_ROWS = 256
"""Mentions of one place whose similarities to the later mentions in their date window are computed at a time
(each row of the sparse product is computed on its own, so the values are those of the whole product): a place
named in thousands of mentions never makes a dense square matrix of them (4,786 mentions of one place in a
fuzzed corpus of 10,000 files made 180 MB, and about 450 MB at the peak with the sparse product)."""


def linked_groups(cols: dict[str, list], tolerance_days: int, min_similarity: float) -> tuple[list[list[int]], list[float]]:
    """The linked mentions (single linkage within a place), and each mention's highest similarity in a link.

    ``cols``: the usable events, one list per column. Clusters are lists of
    row positions, in order of their first mention; the similarity is NaN for
    a mention linked to none.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer  # here, not at the top: workers never link, and
    # importing scikit-learn costs each worker process about 2 s

    texts = [masked_sentence(sentence, expression) for sentence, expression in zip(cols["sentence"], cols["expression"])]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # only stop words everywhere
        matrix = None
    del texts
    dates = cols["date"]
    combat_types = combat_event_types()
    combat = np.array([t in combat_types for t in cols["event_type"]], dtype=bool)
    best = np.full(len(dates), np.nan)
    by_place: dict[str, list[int]] = {}
    for i, location in enumerate(cols["location"]):
        by_place.setdefault(location, []).append(i)
    edges = [_place_links(members, matrix, dates, combat, tolerance_days, min_similarity, best)
             for members in by_place.values() if len(members) >= 2]
    heads = np.concatenate([e[0] for e in edges]) if edges else np.zeros(0, dtype=np.int64)
    tails = np.concatenate([e[1] for e in edges]) if edges else np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(heads), dtype=np.int8), (heads, tails)), shape=(len(dates), len(dates)))
    _, labels = connected_components(graph, directed=False)
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        clusters.setdefault(label, []).append(i)
    return list(clusters.values()), best.tolist()


def _place_links(members: list[int], matrix, dates: list, combat: np.ndarray, tolerance_days: int,
                 min_similarity: float, best: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The linked pairs of one place's mentions (row positions), each mention with the later ones at most
    ``tolerance_days`` after it; ``best`` takes each linked mention's highest similarity.

    The mentions are taken in date order, so each is compared only with those in its date window (a place
    named in thousands of mentions over a war is no square of them), :data:`SIMILARITY_ROWS` rows at a
    time, the pairs of a block judged at once. Single linkage and each mention's highest similarity do not
    depend on the order in which pairs are met.
    """
    order = np.array(sorted(members, key=lambda i: (dates[i], i)), dtype=np.int64)
    days = np.array([dates[i].toordinal() for i in order.tolist()], dtype=np.int64)
    ends = np.searchsorted(days, days + tolerance_days, side="right")  # past the last mention in each window
    fights = combat[order]
    place = matrix[order] if matrix is not None else None
    heads, tails = [], []
    for start in range(0, len(order), SIMILARITY_ROWS):
        stop = min(start + SIMILARITY_ROWS, len(order))
        reach = int(ends[stop - 1])
        if reach <= start + 1:
            continue  # no mention of these rows has a later one in its window
        sims = (place[start:stop] @ place[start + 1:reach].T).toarray() if place is not None \
            else np.zeros((stop - start, reach - start - 1))
        a = np.arange(start, stop)[:, None]
        b = np.arange(start + 1, reach)[None, :]
        inside = (b > a) & (b < ends[start:stop, None])
        same_fighting = (days[start:stop, None] == days[None, start + 1:reach]) & fights[start:stop, None] \
            & fights[None, start + 1:reach]
        rows, columns = np.nonzero(inside & ((sims + 1e-9 >= min_similarity) | same_fighting))
        if not len(rows):
            continue
        linked = sims[rows, columns]
        np.fmax.at(best, order[rows + start], linked)
        np.fmax.at(best, order[columns + start + 1], linked)
        # the block's links as a spanning forest: each linked mention to the first of its group in the block
        # (the same groups as all the pairs, with edges linear in the mentions: memory stays flat)
        local = reach - start
        graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, columns + 1)), shape=(local, local))
        _, labels = connected_components(graph, directed=False)
        linked_nodes = np.unique(np.concatenate([rows, columns + 1]))
        first_of = np.full(local, local, dtype=np.int64)  # per group label, its first linked mention
        np.minimum.at(first_of, labels[linked_nodes], linked_nodes)
        heads.append(order[linked_nodes + start])
        tails.append(order[first_of[labels[linked_nodes]] + start])
    if not heads:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(heads), np.concatenate(tails)


def _incident_table(mentions: pd.DataFrame, incidents: dict[str, dict]) -> pd.DataFrame:
    """One row per incident (:data:`INCIDENT_COLUMNS`) from its mentions and its place, type and date."""
    table = []
    for iid, group in mentions.groupby("incident_id", sort=True):
        info = incidents[iid]
        outlets = sorted({o for o in group["outlet"] if isinstance(o, str)})
        table.append({
            "incident_id": iid, "label": f"{info['place']}, {info['event_type']}, {info['date']}",
            "place": info["place"], "event_type": info["event_type"], "date": info["date"],
            "first_date": min(group["date"]), "last_date": max(group["date"]),
            "n_mentions": len(group), "n_articles": group["article_id"].nunique(),
            "n_outlets": len(outlets), "outlets": "; ".join(outlets),
        })
    return pd.DataFrame(table, columns=list(INCIDENT_COLUMNS))


def _incident_type(types: list) -> str:
    named = [t for t in types if isinstance(t, str)]
    specific = [t for t in named if t not in _GENERIC_TYPES] or named
    if not specific:
        return "event"
    counts = Counter(specific)
    top = max(counts.values())
    return min(t for t, n in counts.items() if n == top)


def attach_claims(claims: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with an ``incident_id`` column: the incident whose mention shares the claim's sentence.

    When one sentence holds mentions of several incidents, the mention nearest
    the claim wins. Claims in sentences without a linked mention get null.
    """
    missing = [c for c in ("article_id", "start", "sentence") if c not in claims.columns]
    if missing:
        raise ValueError(f"claims: missing column(s) {', '.join(missing)}")
    missing = [c for c in ("incident_id", "article_id", "start", "sentence") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions: missing column(s) {', '.join(missing)}")
    index: dict[tuple, list[tuple[int, str]]] = {}
    for iid, article_id, start, sentence in zip(mentions["incident_id"], mentions["article_id"], mentions["start"], mentions["sentence"]):
        index.setdefault((article_id, sentence), []).append((int(start), iid))
    linked = []
    for article_id, start, sentence in zip(claims["article_id"], claims["start"], claims["sentence"]):
        options = index.get((article_id, sentence), [])
        linked.append(min(options, key=lambda o: (abs(o[0] - int(start)), o[1]))[1] if options else None)
    out = claims.copy()
    out[CLAIM_INCIDENT_COLUMN] = pd.Series(linked, index=claims.index, dtype="object")
    return out
