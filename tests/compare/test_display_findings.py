"""Shared report helpers of compare: percentages, top outlets and others, marked evidence."""

from __future__ import annotations

import pandas as pd

from analysis.compare import display
from analysis.core.values import UNKNOWN_OUTLET


def test_percent_and_pooled_outlets():
    assert display.percent(0.969697) == "97%" and display.percent(None) == "" and display.percent(float("nan")) == ""
    counts = pd.Series({f"o{i:02d}": i for i in range(20)} | {UNKNOWN_OUTLET: 99})
    top = display.top_outlets(counts, 3)
    assert top == ["o19", "o18", "o17"]  # the unknown outlet is never ranked
    wide = pd.DataFrame({"a": counts, "b": 1}).rename_axis("outlet")
    pooled = display.pool_outlets(wide, top)
    assert list(pooled.index) == ["o19", "o18", "o17", "others (17 outlets)", UNKNOWN_OUTLET]
    assert pooled.loc["others (17 outlets)", "a"] == sum(range(17)) and pooled["b"].sum() == 21


def test_evidence_marks_the_span_and_escapes_text():
    rows = pd.DataFrame({"outlet": [None], "article_id": ["a1"], "start": [12], "evidence": ["<b>3</b> killed"],
                         "sentence": ["Officials: <b>3</b> killed & more."]})
    table = display.evidence(rows, "evidence", "evidence")
    assert list(table.columns[:4]) == list(display.EVIDENCE_COLUMNS) and table.loc[0, "outlet"] == UNKNOWN_OUTLET
    markup = display.evidence_html(table, "Evidence")
    assert "<mark>&lt;b&gt;3&lt;/b&gt; killed</mark>" in markup and "&amp; more" in markup and "a1 @12" in markup
    assert "<b>3</b>" not in markup
