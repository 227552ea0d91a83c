"""Reporting lag per incident and outlet; announcement lag of casualty figures."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis.core import config
from analysis.ingest.corpus import load_articles
from analysis.extract.events import events_table
from analysis.link.incidents import link_incidents
from analysis.compare.lag import FIRST_COLUMNS, first_reports
from analysis.link.lag import ANNOUNCEMENT_COLUMNS, LAG_COLUMNS, announcement_lag, reporting_lag

ARTICLES = pd.DataFrame([
    {"article_id": "r1", "outlet": "Reuters", "published": date(2020, 10, 17), "published_basis": "byline",
     "text": "A missile strike hit residential buildings in Ganja early on Saturday, killing at least 13 people."},
    {"article_id": "r2", "outlet": "Anadolu", "published": date(2020, 10, 19), "published_basis": "text",
     "text": "A missile strike destroyed residential buildings in Ganja on October 17, killing 13 civilians."},
    {"article_id": "r3", "outlet": "Reuters", "published": date(2020, 10, 18), "published_basis": "byline",
     "text": "Rescuers searched the residential buildings hit by a missile in Ganja on Saturday."},
])


@pytest.fixture(scope="module")
def lags():
    incidents, mentions = link_incidents(events_table(ARTICLES), tolerance_days=1, min_similarity=0.1)
    return incidents, reporting_lag(incidents, mentions)


def test_lag_per_outlet_from_the_incident_date(lags):
    incidents, table = lags
    assert list(table.columns) == list(LAG_COLUMNS)
    assert len(incidents) == 1 and incidents.iloc[0]["date"] == date(2020, 10, 17)
    by_outlet = table.set_index("outlet")
    # Reuters reported twice; its earliest article counts.
    assert by_outlet.loc["Reuters", "article_id"] == "r1" and by_outlet.loc["Reuters", "lag_days"] == 0
    assert by_outlet.loc["Anadolu", "lag_days"] == 2
    assert by_outlet.loc["Anadolu", "inferred"] and not by_outlet.loc["Reuters", "inferred"]
    assert by_outlet["is_first"].to_dict() == {"Reuters": True, "Anadolu": False}
    assert table["lag_hours"].isna().all()


def test_first_reports(lags):
    _, table = lags
    first = first_reports(table)
    assert list(first.columns) == list(FIRST_COLUMNS)
    assert first.iloc[0]["first_outlets"] == "Reuters" and first.iloc[0]["n_outlets"] == 2
    assert first.iloc[0]["first_lag_days"] == 0


def test_ties_for_first_list_every_outlet():
    articles = ARTICLES.assign(published=[date(2020, 10, 17), date(2020, 10, 17), date(2020, 10, 18)])
    incidents, mentions = link_incidents(events_table(articles))
    first = first_reports(reporting_lag(incidents, mentions))
    assert first.iloc[0]["first_outlets"] == "Anadolu; Reuters"


def test_reports_without_publication_date_are_left_out():
    articles = ARTICLES.assign(published=[date(2020, 10, 17), None, date(2020, 10, 18)])
    incidents, mentions = link_incidents(events_table(articles))
    table = reporting_lag(incidents, mentions)
    assert set(table["outlet"]) == {"Reuters"}


def test_seed_lags_are_non_negative_for_dated_reports():
    articles, _ = load_articles(config.RAW_DIR)
    incidents, mentions = link_incidents(events_table(articles))
    table = reporting_lag(incidents, mentions)
    assert len(table) and (table["lag_days"] >= 0).all()
    jam = table[table["outlet"] == "JAMnews"]
    assert jam["inferred"].all()  # JAMnews' date is inferred from its text


CLAIMS = pd.DataFrame([
    {"article_id": "x1", "claimant": "Azerbaijani prosecutor general's office", "count": 12, "outcome": "killed", "side": "azerbaijani"},
    {"article_id": "x2", "claimant": "Azerbaijani Prosecutor General's Office", "count": 12, "outcome": "killed", "side": "azerbaijani"},
    {"article_id": "x3", "claimant": "Azerbaijani prosecutor general's office", "count": 12, "outcome": "killed", "side": "azerbaijani"},
    {"article_id": "x3", "claimant": "Azerbaijani prosecutor general's office", "count": 40, "outcome": "wounded", "side": "azerbaijani"},
    {"article_id": "x2", "claimant": None, "count": 12, "outcome": "killed", "side": "azerbaijani"},
    {"article_id": "x4", "claimant": "Artsakh ombudsman", "count": 2, "outcome": "wounded", "side": "armenian"},
])
CLAIM_ARTICLES = pd.DataFrame([
    {"article_id": "x1", "outlet": "Azertac", "published": date(2020, 10, 17), "published_basis": "byline"},
    {"article_id": "x2", "outlet": "RT", "published": date(2020, 10, 17), "published_basis": "external"},
    {"article_id": "x3", "outlet": "Press TV", "published": date(2020, 10, 19), "published_basis": "text"},
    {"article_id": "x4", "outlet": "Armenpress", "published": None, "published_basis": None},
])


def test_announcement_lag():
    table = announcement_lag(CLAIMS, CLAIM_ARTICLES)
    assert list(table.columns) == list(ANNOUNCEMENT_COLUMNS)
    killed = table[(table["count"] == 12) & (table["outcome"] == "killed")].set_index("outlet")
    assert set(killed.index) == {"Azertac", "RT", "Press TV"}  # the outlet's own-voice claim is left out
    assert (killed["first_outlet"] == "Azertac").all() and (killed["first_published"] == date(2020, 10, 17)).all()
    assert killed.loc["Press TV", "lag_days"] == 2 and killed.loc["Press TV", "inferred"]
    assert killed.loc["RT", "lag_days"] == 0 and killed.loc["RT", "is_first"]
    wounded = table[table["outcome"] == "wounded"]
    assert wounded["outlet"].tolist() == ["Press TV"] and wounded["lag_days"].tolist() == [0]
    assert "Armenpress" not in set(table["outlet"])  # no publication date


def test_announcement_lag_names_missing_columns():
    with pytest.raises(ValueError, match="claims: missing column"):
        announcement_lag(CLAIMS.drop(columns=["side"]), CLAIM_ARTICLES)
    with pytest.raises(ValueError, match="articles: missing column"):
        announcement_lag(CLAIMS, CLAIM_ARTICLES.drop(columns=["outlet"]))


# --- functions behind report 03 -------------------------------------------------------------

from analysis.compare.incidents import select_events  # noqa: E402
from analysis.compare.lag import (  # noqa: E402
    INFERRED_LAG_COLUMNS, OUTLET_LAG_COLUMNS, inferred_counts, inferred_lags, inferred_matrix, lag_matrix, outlet_lags,
)

REPORTS = pd.DataFrame([
    {"article_id": "g1", "outlet": "Reuters", "published": date(2020, 10, 17), "published_basis": "byline",
     "published_min": date(2020, 10, 17), "published_max": date(2020, 10, 17),
     "text": "A missile strike hit residential buildings in Ganja early on Saturday, killing at least 13 people. "
             "Shelling hit the market in Tartar on October 4."},
    {"article_id": "g2", "outlet": "Anadolu", "published": date(2020, 10, 19), "published_basis": "text",
     "published_min": date(2020, 10, 18), "published_max": date(2020, 10, 20),
     "text": "A missile strike destroyed residential buildings in Ganja on October 17, killing 13 civilians."},
    {"article_id": "g3", "outlet": "TASS", "published": date(2020, 10, 17), "published_basis": "byline",
     "published_min": date(2020, 10, 17), "published_max": date(2020, 10, 17),
     "text": "Residential buildings in Ganja were destroyed by a missile strike on Saturday, the ministry said."},
    {"article_id": "g4", "outlet": None, "published": date(2020, 10, 6), "published_basis": "byline",
     "published_min": date(2020, 10, 6), "published_max": date(2020, 10, 6),
     "text": "Shelling hit the market in Tartar on October 4, local officials said."},
])


@pytest.fixture(scope="module")
def report_lags():
    incidents, mentions = link_incidents(events_table(REPORTS))
    return incidents, mentions, reporting_lag(incidents, mentions)


def test_reporting_lag_has_stable_types_even_when_empty():
    incidents, mentions = link_incidents(events_table(REPORTS).iloc[:0])
    empty = reporting_lag(incidents, mentions)
    assert empty.empty and empty["is_first"].dtype == bool and empty["lag_days"].dtype == "int64"
    assert empty[empty["is_first"]].columns.tolist() == list(LAG_COLUMNS)  # a boolean mask still works


def test_lag_matrix_rows_by_incident_date_and_inferred_cells(report_lags):
    _, _, table = report_lags
    matrix = lag_matrix(table)
    assert matrix.columns.tolist() == ["(unknown)", "Anadolu", "Reuters", "TASS"]
    assert matrix.index[0].startswith("Tartar") and matrix.index[1].startswith("Ganja")  # Oct 4 before Oct 17
    ganja = matrix.loc[matrix.index[1]]
    assert ganja["Reuters"] == 0 and ganja["TASS"] == 0 and ganja["Anadolu"] == 2
    tartar = matrix.loc[matrix.index[0]]
    assert tartar["Reuters"] == 13 and tartar["(unknown)"] == 2 and np.isnan(tartar["Anadolu"])
    marks = inferred_matrix(table)
    assert marks.shape == matrix.shape and marks.dtypes.eq(bool).all()
    assert marks.to_numpy().sum() == 1 and marks.loc[matrix.index[1], "Anadolu"]


def test_outlet_lags_counts_ties_and_inferred(report_lags):
    _, _, table = report_lags
    summary = outlet_lags(table)
    assert list(summary.columns) == list(OUTLET_LAG_COLUMNS)
    rows = summary.set_index("outlet")
    # Reuters and TASS tie on Ganja (both same day); only the unknown outlet was first on Tartar.
    assert rows.loc["Reuters", "first"] == 1 and rows.loc["Reuters", "first_alone"] == 0
    assert rows.loc["(unknown)", "first"] == 1 and rows.loc["(unknown)", "first_alone"] == 1
    assert rows.loc["Reuters", "incidents"] == 2 and rows.loc["Reuters", "median_lag_days"] == 6.5
    assert rows.loc["Reuters", "same_day"] == 1 and rows["negative"].sum() == 0
    assert rows.loc["Anadolu", "inferred"] == 1 and rows.loc["TASS", "inferred"] == 0


def test_inferred_counts_and_ranges(report_lags):
    _, _, table = report_lags
    counts = inferred_counts(table).set_index("measure")
    assert counts.iloc[0].tolist() == [1, len(table)]
    assert counts.iloc[1]["count"] == 0  # the first Ganja report is dated by a byline
    assert counts.iloc[2].tolist() == [1, 4]
    ranges = inferred_lags(table, REPORTS)
    assert list(ranges.columns) == list(INFERRED_LAG_COLUMNS)
    assert ranges[["outlet", "lag_days", "lag_min_days", "lag_max_days"]].values.tolist() == [["Anadolu", 2, 1, 3]]


def test_negative_lags_are_counted():
    # A report announcing an event after its own publication date gives a negative lag.
    articles = pd.DataFrame([
        {"article_id": "n1", "outlet": "AP", "published": date(2020, 10, 25), "published_basis": "byline",
         "text": "A humanitarian ceasefire will take effect in Nagorno-Karabakh on October 26, the State Department said."},
    ])
    incidents, mentions = link_incidents(events_table(articles))
    table = reporting_lag(incidents, mentions)
    assert table["lag_days"].tolist() == [-1]
    assert outlet_lags(table)["negative"].tolist() == [1]
    assert inferred_counts(table).iloc[3].tolist()[1:] == [1, 1]


def test_select_events_keeps_event_rows(report_lags):
    events = events_table(REPORTS)
    chosen = select_events(events, REPORTS[REPORTS["outlet"] == "Anadolu"])
    assert set(chosen["article_id"]) == {"g2"} and set(chosen.index) <= set(events.index)
    _, mentions = link_incidents(chosen)
    assert set(mentions["event_row"]) <= set(chosen.index)
    with pytest.raises(ValueError, match="articles"):
        select_events(events, REPORTS.drop(columns=["article_id"]))


def test_report_functions_accept_empty_lags():
    empty = reporting_lag(*link_incidents(events_table(REPORTS).iloc[:0]))
    assert lag_matrix(empty).empty and inferred_matrix(empty).empty
    assert outlet_lags(empty).empty and inferred_lags(empty, REPORTS).empty
    assert inferred_counts(empty)["count"].tolist() == [0, 0, 0, 0]


def test_announcement_relays_keep_the_corpus_first_announcement():
    from analysis.compare.lag import RELAY_COLUMNS, RELAY_EVIDENCE_COLUMNS, announcement_relays, relay_evidence

    table = announcement_lag(CLAIMS, CLAIM_ARTICLES)
    chosen = CLAIM_ARTICLES[CLAIM_ARTICLES["outlet"] == "Press TV"]
    relays = announcement_relays(table, chosen)
    assert list(relays.columns) == list(RELAY_COLUMNS)
    killed = relays[relays["outcome"] == "killed"].iloc[0]
    # Azertac announced first; selecting only Press TV keeps that reference (lag 2, not 0).
    assert killed["first_outlet"] == "Azertac" and killed["lag_days"] == 2 and killed["n_outlets"] == 3
    assert killed["figure"] == "Azerbaijani prosecutor general's office: 12 killed (azerbaijani)"
    assert relays["row"].tolist() == [0, 1]  # the figure first announced earlier comes first
    shared = announcement_relays(table, CLAIM_ARTICLES, min_outlets=2)
    assert set(shared["outcome"]) == {"killed"} and len(shared) == 3
    sentences = {"x1": "The Azerbaijani prosecutor general's office said 12 civilians were killed.",
                 "x3": "Azerbaijan's prosecutor general's office said 12 were killed and 40 wounded."}
    claims = CLAIMS[CLAIMS["article_id"].isin(sentences)].assign(
        sentence=lambda f: f["article_id"].map(sentences), evidence="12 civilians were killed", start=0, end=10)
    evidence = relay_evidence(relays, claims)
    assert list(evidence.columns) == list(RELAY_EVIDENCE_COLUMNS)
    assert evidence["article_id"].tolist() == ["x3", "x3"]  # only the selected Press TV article
    assert evidence.set_index("figure")["lag_days"].to_dict()[killed["figure"]] == 2
    assert relay_evidence(relays.iloc[:0], claims).empty
    assert announcement_relays(table.iloc[:0], CLAIM_ARTICLES).empty


def test_a_qualified_figure_is_not_the_bare_number():
    from analysis.compare.lag import announcement_relays

    claims = CLAIMS.assign(qualifier="exact")
    claims.loc[len(claims)] = {"article_id": "x1", "claimant": "Azerbaijani prosecutor general's office", "count": 40,
                               "outcome": "wounded", "side": "azerbaijani", "qualifier": "more_than"}
    table = announcement_lag(claims, CLAIM_ARTICLES)
    wounded = table[table["outcome"] == "wounded"].set_index("qualifier")
    assert wounded.loc["more_than", "outlet"] == "Azertac" and wounded.loc["exact", "outlet"] == "Press TV"
    assert wounded.loc["exact", "is_first"]  # "40" is not a relay of "more than 40"
    figures = set(announcement_relays(table, CLAIM_ARTICLES)["figure"])
    assert "Azerbaijani prosecutor general's office: more than 40 wounded (azerbaijani)" in figures


def test_a_background_mention_is_not_a_report():
    articles = pd.DataFrame([
        {"article_id": "w1", "outlet": "Asbarez", "published": date(2020, 9, 27), "published_basis": "byline",
         "text": "Heavy clashes broke out along the line of contact in Nagorno-Karabakh on Sunday morning."},
        {"article_id": "w2", "outlet": "Press TV", "published": date(2020, 10, 17), "published_basis": "byline",
         "text": "Dozens were killed in Nagorno-Karabakh in the clashes, which started on September 27."},
    ])
    events = events_table(articles)
    assert events.set_index("article_id")["background"].to_dict() == {"w1": False, "w2": True}
    incidents, mentions = link_incidents(events, min_similarity=0.0)
    assert mentions["incident_id"].nunique() == 1  # Press TV still mentions the incident ...
    lags = reporting_lag(incidents, mentions)
    assert lags["outlet"].tolist() == ["Asbarez"]  # ... but does not report it 20 days late


def test_a_missing_background_value_is_not_background():
    """Events tables from elsewhere may hold NaN/None in ``background``: those mentions still report."""
    articles = pd.DataFrame([
        {"article_id": "n1", "outlet": "AP", "published": date(2020, 10, 18), "published_basis": "byline",
         "text": "A missile strike hit residential buildings in Ganja on Saturday, killing 13 people."},
    ])
    events = events_table(articles).astype({"background": object})
    events["background"] = float("nan")
    incidents, mentions = link_incidents(events)
    assert not mentions["background"].any()
    assert reporting_lag(incidents, mentions)["outlet"].tolist() == ["AP"]
