"""Report 01's tables (analysis.compare.overview) at many outlets, with missing outlets, missing and stray dates."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from analysis.compare import overview
from analysis.core.values import UNKNOWN_OUTLET


def _articles(n_outlets: int = 30):
    rows = []
    for k in range(n_outlets):
        for j in range(n_outlets - k):  # outlet 0 busiest, outlet 29 one article
            rows.append({"outlet": f"Outlet {k:02d}", "published": date(2020, 9, 27) + timedelta(days=(k + j) % 40),
                         "published_basis": "text" if j % 4 == 0 else "byline", "language": "en", "n_words": 200 + j})
    rows += [{"outlet": None, "published": None, "published_basis": None, "language": "fr", "n_words": 90}] * 3
    rows += [{"outlet": "Outlet 05", "published": date(1992, 5, 8), "published_basis": "text", "language": "en",
              "n_words": 400}]
    frame = pd.DataFrame(rows)
    frame["article_id"] = [f"a{i:04d}" for i in range(len(frame))]
    frame["title"] = "Title"
    return frame


def test_outlets_past_twelve_are_one_group_and_the_unknown_outlet_stays_apart():
    articles = _articles()
    groups = overview.outlet_groups(articles["outlet"])
    order = overview.group_order(groups)
    assert order[:12] == [f"Outlet {k:02d}" for k in range(12)]
    assert order[12:] == ["others (18 outlets)", UNKNOWN_OUTLET]
    few = overview.outlet_groups(articles.loc[articles["outlet"].isin(["Outlet 01", "Outlet 02"]), "outlet"])
    assert overview.group_order(few) == ["Outlet 01", "Outlet 02"]


def test_a_stray_date_is_listed_and_left_off_the_timeline():
    articles = _articles()
    period = overview.publication_period(articles["published"])
    assert period == (date(2020, 9, 27), date(2020, 10, 26))  # outlet k, article j: day k + j
    outliers = overview.date_outliers(articles, period)
    assert outliers["published"].tolist() == [date(1992, 5, 8)]
    groups = overview.outlet_groups(articles["outlet"])
    timeline = overview.publication_timeline(articles, groups, period)
    assert list(timeline.columns) == overview.group_order(groups)[:13]  # the unknown outlet has no dated article
    assert min(timeline.index) == date(2020, 9, 27)
    assert timeline.to_numpy().sum() == articles["published"].notna().sum() - 1
    assert overview.time_bin((date(2019, 1, 1), date(2020, 12, 1))) == "week"


def test_date_sources_are_one_outlet_a_row_with_percentages():
    articles = _articles()
    table = overview.date_sources_by_outlet(articles)
    assert len(table) == 31 and table["outlet"].iloc[-1] == UNKNOWN_OUTLET
    assert table.columns.tolist() == ["outlet", "articles", "byline", "text", "unknown", "% inferred", "% undated"]
    first = table.iloc[0]
    assert first["outlet"] == "Outlet 00" and first["articles"] == 30 and first["% inferred"] == 26.7
    assert table.iloc[-1]["% undated"] == 100.0
    given = overview.date_sources(articles)
    assert given["% of articles"].sum() == 100.0


def test_findings_are_computed_from_the_corpus():
    articles = _articles()
    per_outlet = overview.articles_per_outlet(articles)
    period = overview.publication_period(articles["published"])
    lengths = overview.length_summary(articles, overview.outlet_groups(articles["outlet"]))
    findings = overview.overview_findings(articles, articles, per_outlet, period, overview.date_outliers(articles, period), lengths)
    text = " ".join(s for s, _ in findings)
    assert "from 30 named outlets and 3 with no outlet" in text and "1 dated outside that period" in text


def test_weekly_and_monthly_bars_are_drawn_days_wide():
    """On a long corpus the timeline draws a bar a week or a month wide: the width is a span of time, which
    matplotlib reads in days on a date axis (a bare integer was read as microseconds and the bars vanished)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.report import plots

    days = pd.to_datetime(pd.Series(["2020-09-21", "2020-09-28", "2020-10-05"])).to_numpy()
    for unit, wide in (("day", 0.8), ("week", 6.0), ("month", 26.0)):
        fig, ax = plt.subplots()
        plots.stacked_columns(ax, days, pd.DataFrame({"A": [1, 2, 3], "B": [0, 1, 1]}), ["red", "blue"],
                              width=overview.bin_width(unit))
        assert all(abs(p.get_width() - wide) < 1e-6 for p in ax.patches), unit
        plt.close(fig)
