"""Incident linking computes one place's similarities a block of rows at a time (bounded memory for a place
named thousands of times); the incidents must be those of the whole matrix at once."""

from __future__ import annotations

import pandas as pd

from analysis.core import catalog
from analysis.link import incidents


def test_blocks_of_rows_give_the_same_incidents_and_similarities(processed_dir, monkeypatch):
    events = catalog.load("events", processed_dir)
    found, mentions = incidents.link_incidents(events)
    assert len(mentions) > 3
    for rows in (1, 2, 3):
        monkeypatch.setattr(incidents, "SIMILARITY_ROWS", rows)
        small_found, small_mentions = incidents.link_incidents(events)
        pd.testing.assert_frame_equal(small_found, found)
        pd.testing.assert_frame_equal(small_mentions, mentions)


def _all_pairs(cols: dict, tolerance_days: int = 1, min_similarity: float = 0.1) -> list[list[int]]:
    """The groups of linked mentions as comparing every pair of a place's mentions gives them (single linkage)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [incidents.masked_sentence(s, e) for s, e in zip(cols["sentence"], cols["expression"])]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    sims = (matrix @ matrix.T).toarray()
    combat = [t in incidents.combat_event_types() for t in cols["event_type"]]
    n = len(texts)
    group = list(range(n))

    def root(i):
        while group[i] != i:
            i = group[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            apart = abs((cols["date"][i] - cols["date"][j]).days)
            if cols["location"][i] != cols["location"][j] or apart > tolerance_days:
                continue
            if sims[i, j] + 1e-9 >= min_similarity or (apart == 0 and combat[i] and combat[j]):
                group[root(i)] = root(j)
    members: dict[int, list] = {}
    for i in range(n):
        members.setdefault(root(i), []).append(i)
    return list(members.values())


def test_linking_in_date_windows_gives_the_groups_of_all_pairs(monkeypatch):
    """Each mention is compared only with its place's later mentions in its date window, and a block's links are
    kept as a spanning forest; the groups must be those that comparing every pair gives."""
    import datetime as dt
    import random

    rng = random.Random(3)
    common = "shelling strike village residents killed wounded drone market school bridge ministry said".split()
    rare = [a + b + c for a in "bcdfgk" for b in "aeiou" for c in "lmnprst"]  # 210 made-up words
    cols: dict[str, list] = {"sentence": [], "expression": [], "date": [], "location": [], "event_type": []}
    for _ in range(300):
        cols["sentence"].append(" ".join(rng.choice(common) if rng.random() < 0.2 else rng.choice(rare)
                                         for _ in range(8)) + " on Monday.")
        cols["expression"].append("on Monday")
        cols["date"].append(dt.date(2020, 10, 1) + dt.timedelta(days=rng.randrange(30)))
        cols["location"].append(f"Town {rng.randrange(6)}")
        cols["event_type"].append(rng.choice(["shelling", "ceasefire", "evacuation", "mobilization"]))
    expected = _all_pairs(cols)
    assert 20 < len(expected) < 280  # some links: neither one group per place nor one per mention
    for block in (7, 256):
        monkeypatch.setattr(incidents, "SIMILARITY_ROWS", block)
        groups, best = incidents.linked_groups(cols, 1, 0.1)
        assert groups == expected
        assert sum(v == v for v in best) == sum(len(g) for g in expected if len(g) > 1)  # a similarity per linked one
