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
    for value in HOSTILE[:-1]:
        assert neutralized_cell(value) == "'" + value
    assert neutralized_cell("\rreturn") == "'\nreturn"  # a lone carriage return becomes a line feed as well
    assert neutralized_cell("\r\nreturn") == "'\r\nreturn"
    for value in ["Ordinary title", "a=b", " =spaced", "", None, -3, 2.5, dt.date(2020, 10, 1)]:
        assert neutralized_cell(value) == value
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_csv_twin_is_neutralized_and_parquet_untouched(tmp_path):
    hostile = HOSTILE[:-1]  # the lone carriage return: test_a_lone_carriage_return_in_a_cell_keeps_the_csv_rows_whole
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


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_a_lone_carriage_return_in_a_cell_keeps_the_csv_rows_whole(tmp_path):
    notes = ["first part\rsecond part", "kept\r\nas it was", "ends in a return\r", "\rstarts with one", "plain"]
    frame = pd.DataFrame({"note": notes, "n": [1, 2, 3, 4, 5]})
    catalog.write_table(frame, "sample", tmp_path)
    raw = (tmp_path / "sample.csv").read_bytes()
    # every physical line break the file holds at the end of a row or inside quotes: a spreadsheet that ends a
    # row at any carriage return or line feed outside quotes still sees six rows of two cells
    assert b"\r" not in raw.replace(b"\r\n", b"")
    rows = _rows(tmp_path / "sample.csv")
    assert len(rows) == 6 and all(len(row) == 2 for row in rows)
    assert [row[0] for row in rows[1:]] == ["first part\nsecond part", "kept\r\nas it was", "ends in a return\n",
                                            "'\nstarts with one", "plain"]
    assert list(pd.read_parquet(tmp_path / "sample.parquet")["note"]) == notes  # the table keeps the text


def test_a_parted_table_twin_gets_the_same_treatment(tmp_path):
    with catalog.PartWriter(tmp_path, "parted") as writer:
        writer.write(pd.DataFrame({"outlet": ["=cmd()", "Daily line"], "note": ["a\rb", "c"]}))
        writer.write(pd.DataFrame({"outlet": ["@home"], "note": ["\r"]}))
    rows = _rows(tmp_path / "parted.csv")
    assert rows == [["outlet", "note"], ["'=cmd()", "a\nb"], ["Daily line", "c"], ["'@home", "'\n"]]


def test_figure_csv_twin_neutralizes_cells_index_and_headers(tmp_path):
    from analysis.core.spreadsheet_cells import write_figure_csv

    wide = pd.DataFrame({"=HYPERLINK(\"http://example.org\")": [1, -2], "Plain Post": [3, 4]},
                        index=pd.Index(["+outlet", "Evening Courier"], name="@where"))
    wide["label"] = ["-minus", "fine\rline"]
    write_figure_csv(wide, tmp_path / "wide.csv")
    rows = _rows(tmp_path / "wide.csv")
    assert rows == [["'@where", "'=HYPERLINK(\"http://example.org\")", "Plain Post", "label"],
                    ["'+outlet", "1", "3", "'-minus"],
                    ["Evening Courier", "-2", "4", "fine\nline"]]
    assert list(wide.columns)[0].startswith("=") and wide.index[0] == "+outlet"  # the caller's frame is unchanged

    series = pd.Series([5, 6], index=pd.MultiIndex.from_tuples([("=a", "x"), ("b", "-y")], names=["outlet", "camp"]),
                       name="count")
    write_figure_csv(series, tmp_path / "series.csv")
    assert _rows(tmp_path / "series.csv") == [["outlet", "camp", "count"], ["'=a", "x", "5"], ["b", "'-y", "6"]]

    numbers = pd.DataFrame({"value": [-1.5, 2.0]}, index=pd.Index([-1, 2], name="day"))
    write_figure_csv(numbers, tmp_path / "numbers.csv")
    assert _rows(tmp_path / "numbers.csv") == [["day", "value"], ["-1", "-1.5"], ["2", "2.0"]]  # numbers untouched


def test_save_figure_writes_the_safe_twin(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from analysis.report import plots

    class Report:
        figures_dir = tmp_path / "figures" / "r01"

    fig, ax = plots.figure(3, 2)
    ax.plot([0, 1], [1, 2])
    plots.save_figure(Report(), fig, "fig_test", data=pd.DataFrame({"count": [1]}, index=pd.Index(["=1+1"], name="outlet")))
    assert _rows(Report.figures_dir / "fig_test.csv") == [["outlet", "count"], ["'=1+1", "1"]]
