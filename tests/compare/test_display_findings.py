"""Shared report helpers of compare: percentages, top outlets and others, marked evidence, computed caveats."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.compare import display, findings
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


def test_caveats_are_computed_from_the_corpus():
    articles = pd.DataFrame({"outlet": ["A", "A", None, "B"], "published": [dt.date(2020, 10, 1), None, None, None],
                             "published_basis": ["manifest", "text", None, None], "language": ["en", "en", "fr", "en"]})
    notes = findings.corpus_caveats(articles, None)
    text = " ".join(notes)
    assert "4 articles from 2 named outlets" in text
    assert "1 article (25%) have no outlet" in text and "3 articles (75%) have no publication date" in text
    assert "inferred from the text" in text and "fr: 1" in text and "not been measured" in text
    summary = {"splits": {"test": {"corpus": {"articles": 40}, "figures": {"claims": {"f1": 0.61, "precision": 0.7,
                                                                                    "recall": 0.54}}}}}
    assert "F1 0.61" in findings.accuracy_caveat(summary) and "40 held-out" in findings.accuracy_caveat(summary)
    assert findings.corpus_caveats(articles.iloc[:0], None) == ["The selection holds no article: there is nothing to compare."]
    block = findings.findings_html([("a <finding>", "ledger")], notes, "warcov-x")
    assert "a &lt;finding&gt;" in block and "href='#ledger'" in block and "warcov-x" in block
