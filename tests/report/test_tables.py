"""Readable tables (analysis.report.tables): percentages, narrow pivots, evidence with the span marked."""

from __future__ import annotations

import pandas as pd

from analysis.report import render as reports
from analysis.report import tables


def test_shares_print_as_percentages_and_other_floats_stay_short():
    frame = pd.DataFrame({"outlet": ["RT", "Asbarez"], "share": [0.969697, 0.030303], "z": [1.23456, -0.5],
                          "articles": [31, 1]})
    page = tables.table_html(frame)
    assert "97.0%" in page and "3.0%" in page and "0.969697" not in page
    assert "1.23" in page and "1.23456" not in page
    assert "<td class='num'>31</td>" in page
    assert "97.0%" in tables.table_html(frame.rename(columns={"share": "value"}), percent=["value"])
    # a column named share whose values are not 0-1 shares is left as it is
    assert "%" not in tables.table_html(pd.DataFrame({"share_count": [3.0, 12.5]}))


def test_cells_are_escaped_and_missing_values_empty():
    frame = pd.DataFrame({"title": ["<script>alert(1)</script>", None], "n": [1.0, None]})
    page = tables.table_html(frame)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "None" not in page and "nan" not in page.lower()


def test_a_wide_pivot_is_transposed_when_it_then_fits():
    outlets = [f"outlet {k:02d}" for k in range(29)]
    wide = pd.DataFrame({"basis": ["byline", "header", "text"], **{o: [k, 0, 1] for k, o in enumerate(outlets)}})
    (turned,) = tables.narrow(wide)
    assert list(turned.columns) == ["basis", "byline", "header", "text"]
    assert list(turned["basis"]) == outlets
    assert turned.loc[turned["basis"] == "outlet 05", "byline"].item() == 5


def test_a_wide_pivot_with_many_rows_is_split_repeating_its_labels():
    wide = pd.DataFrame({"outlet": [f"o{k}" for k in range(20)], **{f"c{k}": range(20) for k in range(30)}})
    parts = tables.narrow(wide, max_columns=12)
    assert len(parts) == 3 and all(p.columns[0] == "outlet" and p.shape[1] <= 12 for p in parts)
    assert sum(p.shape[1] - 1 for p in parts) == 30


def test_a_table_with_text_columns_is_never_reshaped():
    evidence = pd.DataFrame({f"c{k}": ["x"] for k in range(15)})
    assert tables.narrow(evidence) == [evidence] or tables.narrow(evidence)[0] is evidence


def test_evidence_has_four_columns_and_the_span_marked_in_its_sentence():
    claims = pd.DataFrame({
        "outlet": ["RT", "Asbarez"], "article_id": ["003_x", "000_y"], "start": [120, 40],
        "outcome": ["killed", "wounded"], "count": [12, None],
        "evidence": ["12 soldiers were killed", "DOZENS WOUNDED"],
        "sentence": ["On Monday 12 soldiers were killed near <b>Hadrut</b>.", "Dozens wounded in the shelling."],
        "scope": ["incident", "incident"], "claimant": ["MoD", None],
    })
    page = tables.evidence_html(claims, span="evidence", claim=["outcome", "count", "claimant"])
    assert page.count("<th>") == 4
    assert "On Monday <mark>12 soldiers were killed</mark> near &lt;b&gt;Hadrut&lt;/b&gt;." in page
    assert "<mark>Dozens wounded</mark> in the shelling." in page  # found ignoring case
    assert "killed · 12 · MoD" in page and "003_x @ 120" in page
    missing = tables.highlight("A sentence.", "not in it")
    assert missing.startswith("A sentence.") and "<mark>not in it</mark>" in missing


def test_show_table_folds_long_tables_and_anchors_them(monkeypatch):
    shown = []
    monkeypatch.setattr(reports, "_display_html", shown.append)
    reports.show_table(pd.DataFrame({"n": range(40)}), caption="Long", anchor="tab-long")
    assert shown[0].startswith("<details id='tab-long'>") and "40 rows" in shown[0]
    reports.show_evidence(pd.DataFrame(columns=["outlet", "sentence", "evidence"]), span="evidence", caption="Ev")
    assert "none" in shown[1]


def test_a_wide_table_of_sentences_is_shown_as_evidence_with_its_fields_named():
    rows = pd.DataFrame({"label": ["Martuni, 2020-09-27"], "basis": ["place"], "outlet": ["Asbarez"],
                         "article_id": ["001_b"], "claimant": ["Artak Beglarian"], "outcome": ["killed"],
                         "side": ["armenian"], "figure": ["2"], "count_low": [2], "evidence": ["two civilians killed"],
                         "sentence": ["Overnight two civilians killed in Martuni."], "start": [311], "end": [331]})
    assert tables.looks_like_evidence(rows) and not tables.looks_like_evidence(rows[["outlet", "sentence"]])
    page = tables.auto_evidence_html(rows)
    assert page.count("<th>") == 4
    assert "Overnight <mark>two civilians killed</mark> in Martuni." in page
    assert "<small>claimant:</small> Artak Beglarian" in page and "<small>count_low:</small> 2" in page
    assert "001_b @ 311" in page and "<small>end:" not in page
