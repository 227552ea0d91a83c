"""Safe CSV twins (analysis.core.spreadsheet_cells through catalog.write_table): formula-like text is
neutralized in the CSV only; the Parquet table keeps every text as it is."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd

from analysis.core import catalog
from analysis.core.spreadsheet_cells import FORMULA_STARTS, neutralized, neutralized_cell

HOSTILE = ['=HYPERLINK("http://example.org","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tindented", "\rreturn"]


def test_each_formula_start_is_neutralized_and_plain_text_is_not():
    for value in HOSTILE:
        assert neutralized_cell(value) == "'" + value
    for value in ["Ordinary title", "a=b", " =spaced", "", None, -3, 2.5, dt.date(2020, 10, 1)]:
        assert neutralized_cell(value) == value
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_csv_twin_is_neutralized_and_parquet_untouched(tmp_path):
    hostile = HOSTILE[:-1]  # a lone carriage return ends a CSV line for most readers: tested above only
    frame = pd.DataFrame({
        "title": hostile + ["A quiet day in the town"],
        "count": pd.array([-1, 2, 3, 4, 5, -7], dtype="Int64"),
        "published": [dt.date(2020, 10, 1)] * 6,
        "note": [None] * 5 + ["-"],
    })
    parquet = catalog.write_table(frame, "sample", tmp_path)
    pd.testing.assert_frame_equal(pd.read_parquet(parquet), frame, check_dtype=False)
    with open(tmp_path / "sample.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows] == ["'" + v for v in hostile] + ["A quiet day in the town"]
    assert [row["count"] for row in rows] == ["-1", "2", "3", "4", "5", "-7"]  # numbers stay numbers
    assert rows[-1]["note"] == "'-" and rows[0]["note"] == ""
    assert frame["title"].iloc[0] == HOSTILE[0]  # the caller's frame is not changed


def test_a_frame_with_nothing_to_neutralize_is_returned_as_is():
    frame = pd.DataFrame({"title": ["A quiet day"], "n": [1]})
    assert neutralized(frame) is frame
    empty = pd.DataFrame({"title": pd.Series([], dtype=object), "day": pd.Series([], dtype=object)})
    assert neutralized(empty) is empty
