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
