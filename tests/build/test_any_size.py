"""Figures and dates of any size: a huge number is no claim, a date outside 1900..build date is refused with a
reason; neither crashes a build (they did: an Int64 overflow, `date value out of range`)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from analysis.build import pipeline
from analysis.core.dates import EARLIEST, EVENT_LEAD_DAYS, outside_window
from analysis.extract.claims import extract_claims
from analysis.nlp.quantities import find_quantities, grammar, parse_match
from analysis.nlp.temporal.expressions import find_temporal_expressions

HUGE = ["9223372036854775808", "18446744073709551616", "1" + "0" * 30, "9" * 400, "20 million", "forty million",
        "12,345,678,901", "1" + "0" * 30 + ".5"]


def _counts(text: str) -> list:
    return [q.count for q in (parse_match(m, text) for m in find_quantities(text)) if q is not None]


@pytest.mark.parametrize("figure", HUGE)
def test_a_figure_above_the_ceiling_is_no_claim(figure, caplog):
    text = f"On Monday {figure} soldiers were killed near Ganja, the ministry said."
    with caplog.at_level("INFO", logger="analysis.nlp.quantities"):
        claims = extract_claims(text, date(2020, 10, 5))
    assert all(c["count"] is None or c["count"] <= grammar().max_count for c in claims)
    assert all(c["count_low"] <= grammar().max_count for c in claims)
    assert "above max_count" in caplog.text


def test_the_ceiling_itself_is_a_count():
    assert grammar().max_count == 10_000_000
    assert _counts("10,000,000 people") == [10_000_000] and _counts("10,000,001 people") == []
    assert _counts("ten million people") == [10_000_000]


def test_outside_window_gives_the_reason():
    today = date(2026, 12, 2)
    assert outside_window(date(2020, 10, 5), today=today) is None
    assert outside_window(EARLIEST, today=today) is None and outside_window(today, today=today) is None
    assert outside_window(date(1, 1, 1), today=today) == "0001-01-01 is before 1900-01-01"
    assert "after the build date (2026-12-02)" in outside_window(date(2026, 12, 3), today=today)
    assert outside_window(today + timedelta(days=EVENT_LEAD_DAYS), lead_days=EVENT_LEAD_DAYS, today=today) is None
    assert outside_window(date.max, lead_days=EVENT_LEAD_DAYS, today=date.max) is None  # no overflow at the end


@pytest.mark.parametrize("published", [date.min, date(1, 1, 3), date(1899, 12, 31), date(1900, 1, 1), date(9999, 12, 31),
                                       date.max, None])
def test_events_resolve_against_any_publication_date_without_overflow(published):
    text = ("On Sunday and 999 weeks ago shelling hit Ganja; next Monday, three days later and on October 2 "
            "talks were planned, 999 months ago too.")
    for row in find_temporal_expressions(text, published, default_year=1):
        for key in ("date", "date_min", "date_max"):
            assert row[key] is None or outside_window(row[key], lead_days=EVENT_LEAD_DAYS) is None, row


def test_a_build_with_huge_figures_and_ancient_dates_goes_through(raw_copy):
    (raw_copy / "901_huge.txt").write_text(
        "Record toll\n\nOn Monday 9223372036854775808 soldiers were killed, and " + "1" + "0" * 30
        + " civilians were wounded near Ganja. Later 12 soldiers were killed in Tartar.\n", encoding="utf-8")
    (raw_copy / "902_ancient.txt").write_text(" date 0001-01-03\nShelling\n\nOn Sunday 5 soldiers were killed "
                                              "near Ganja.\n", encoding="utf-8")
    (raw_copy / "903_future.txt").write_text(" date 9999-12-31\nShelling\n\nOn Sunday 5 soldiers were killed.\n",
                                             encoding="utf-8")
    manifest = pd.read_csv(raw_copy / "manifest.csv", dtype=str)
    extra = pd.DataFrame([{"article_id": "901_huge", "published": "0001-01-01"}])
    pd.concat([manifest, extra]).to_csv(raw_copy / "manifest.csv", index=False)
    tables = pipeline.build_tables(raw_copy)
    assert tables["extraction_errors"].empty
    huge = tables["claims"][tables["claims"]["article_id"] == "901_huge"]
    assert huge["count"].tolist() == [12]
    errors = tables["ingest_errors"]
    bad = errors[errors["row"] == len(manifest) + 1]
    assert bad[["column", "reason"]].values.tolist() == [["published", "manifest_bad_date"]]
    assert "0001-01-01" in bad["detail"].iloc[0] and "before 1900" in bad["detail"].iloc[0] and "column published" in bad["detail"].iloc[0]
    articles = tables["articles"].set_index("article_id")
    for article_id, reason in (("902_ancient", "0001-01-03 is before 1900-01-01"),
                               ("903_future", "9999-12-31 is after the build date")):
        assert pd.isna(articles.loc[article_id, "published"]) and reason in articles.loc[article_id, "flags"]
    events = tables["events"]
    assert events[events["article_id"] == "902_ancient"]["resolution"].tolist() == ["unresolved"]


def test_a_table_export_date_outside_the_window_is_a_bad_date_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    pd.DataFrame({"text": ["Two soldiers were wounded near Ganja on Friday.", "Three soldiers were killed."],
                  "published": ["0001-01-01", "2020-10-05"]}).to_csv(raw / "export.csv", index=False)
    tables = pipeline.build_tables(raw)
    errors = tables["ingest_errors"]
    assert errors[["row", "column", "reason"]].values.tolist() == [[1, "published", "bad_date"]]
    assert "0001-01-01" in errors["detail"].iloc[0] and "before 1900" in errors["detail"].iloc[0]
    published = tables["articles"]["published"]
    assert date(2020, 10, 5) in set(published) and int(published.isna().sum()) == 1
