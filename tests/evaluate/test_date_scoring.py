"""Scoring dated events against gold (analysis.evaluate.date_scoring): spans that overlap, then the day."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.evaluate.date_scoring import score_dates
from analysis.extract.events import events_table

SAT = date(2020, 10, 17)  # a Saturday


def test_scoring_rule_overlap_and_date():
    text = "The fighting started on September 27 and Ganja was hit on Saturday."
    events = events_table(pd.DataFrame({"article_id": ["a"], "text": [text], "published": [SAT]}))
    gold = [{"article_id": "a", "dated_events": [
        {"expression": "started on September 27", "date": "2020-09-27"},
        {"expression": "on Saturday", "date": "2020-10-16"},
    ]}]
    scores = score_dates(gold, events, {"a": text})
    assert scores["found"].tolist() == [True, True]
    assert scores["correct"].tolist() == [True, False]
