"""Report 03's tables (analysis.compare.lag) at many outlets, with unknown outlets and long lags."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from analysis.compare import lag
from analysis.core.values import UNKNOWN_OUTLET


def _lags(rows):
    """A reporting-lag table from (incident, outlet, lag_days, inferred) rows; first = smallest lag of the incident."""
    frame = pd.DataFrame(rows, columns=["incident_id", "outlet", "lag_days", "inferred"])
    day = {i: date(2020, 10, 1) + timedelta(days=k) for k, i in enumerate(sorted(frame["incident_id"].unique()))}
    frame["label"] = frame["incident_id"].map(lambda i: f"Place {i}")
    frame["incident_date"] = frame["incident_id"].map(day)
    frame["published"] = [day[i] + timedelta(days=int(d)) for i, d in zip(frame["incident_id"], frame["lag_days"])]
    frame["article_id"] = [f"a{k}" for k in range(len(frame))]
    frame["lag_hours"] = float("nan")
    frame["is_first"] = frame["lag_days"].eq(frame.groupby("incident_id")["lag_days"].transform("min"))
    return frame.astype({"lag_days": "int64", "inferred": bool})


def test_an_unknown_outlet_reporting_first_is_named_not_a_crash():
    lags = _lags([("i1", None, 0, False), ("i1", "Reuters", 2, False), ("i2", None, 1, True)])
    first = lag.first_reports(lags)
    assert first["first_outlets"].tolist() == [UNKNOWN_OUTLET, UNKNOWN_OUTLET]
    assert first["inferred"].tolist() == [False, True]


def test_thirty_outlets_fold_into_the_busiest_twelve_and_others_keeping_the_earliest_report():
    rows = [("i1", f"Outlet {k:02d}", 3 + k, False) for k in range(30)]
    rows += [(f"i{k}", f"Outlet {k:02d}", 1, False) for k in range(2, 14)]  # outlets 2-13 report one more incident
    rows += [("i1", None, 1, False)]
    lags = _lags(rows)
    groups = lag.lag_groups(lags, 12)
    shown = lag.grouped_lags(lags, groups)
    others = "others (18 outlets)"
    assert set(shown["outlet"]) == {f"Outlet {k:02d}" for k in range(2, 14)} | {others, UNKNOWN_OUTLET}
    i1 = shown[shown["incident_id"] == "i1"].set_index("outlet")
    assert i1.loc[others, "lag_days"] == 3  # Outlet 00, the quickest of the folded outlets
    assert i1.loc[UNKNOWN_OUTLET, "is_first"] and not i1.loc[others, "is_first"]
    matrix = lag.lag_matrix(shown)
    assert matrix.shape == (13, 14)
    assert len(lag.busiest_incidents(lags, 1)["incident_id"].unique()) == 1
    assert lag.busiest_incidents(lags, 1)["incident_id"].iloc[0] == "i1"


def test_one_long_lag_does_not_set_the_colour_scale_and_is_listed():
    lags = _lags([(f"i{k}", "Reuters", k % 5, False) for k in range(20)] + [("i0", "TASS", 182, False)])
    vmin, vmax = lag.colour_limits(lags["lag_days"])
    assert vmin == 0 and vmax < 10
    long = lag.long_lags(lags)
    assert long[["outlet", "lag_days"]].values.tolist() == [["TASS", 182]]


def test_findings_are_computed_from_the_lags():
    lags = _lags([("i1", "Reuters", 0, False), ("i1", "TASS", 2, True), ("i2", "TASS", 1, False)])
    findings = lag.lag_findings(lags, lag.outlet_lags(lags), pd.DataFrame(columns=["figure", "lag_days"]))
    text = " ".join(sentence for sentence, _ in findings)
    assert "2 incidents have a dated report; 1 (50.0%)" in text
    assert "Reuters reported first and alone most often (1 of 1)" in text
    assert "1 of 3 lags (33.3%) rest on a publication date inferred" in text
    assert all(where for _, where in findings)
    unknown = _lags([("i1", None, 0, False), ("i1", "Reuters", 1, False), ("i1", "TASS", 2, False)])
    text = " ".join(s for s, _ in lag.lag_findings(unknown, lag.outlet_lags(unknown), pd.DataFrame(columns=["figure", "lag_days"])))
    assert "Reuters reported first and alone most often" in text  # articles with no outlet are never ranked
    empty = lag.lag_findings(lags.iloc[:0], lag.outlet_lags(lags.iloc[:0]), pd.DataFrame())
    assert len(empty) == 1 and "no lag" in empty[0][0]


def test_day_counts_read_as_words():
    from analysis.compare.lag import day_count

    assert [day_count(n) for n in (0, 1, -1, 2)] == ["0 days", "1 day", "-1 day", "2 days"]
