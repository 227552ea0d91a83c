"""Reporting lag per incident and outlet; announcement lag of casualty figures."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis import config
from analysis.corpus import load_articles
from analysis.dates import events_table
from analysis.incidents import link_incidents
from analysis.lag import ANNOUNCEMENT_COLUMNS, FIRST_COLUMNS, LAG_COLUMNS, announcement_lag, first_reports, reporting_lag

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
