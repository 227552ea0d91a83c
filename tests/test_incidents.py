"""Linking event mentions across articles into incidents."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis import config
from analysis.corpus import load_articles
from analysis.dates import events_table
from analysis.incidents import INCIDENT_COLUMNS, MENTION_COLUMNS, attach_claims, incident_id, link_incidents

ARTICLES = pd.DataFrame([
    {"article_id": "a1", "outlet": "Reuters", "published": date(2020, 10, 17), "published_basis": "byline",
     "text": "A missile strike hit residential buildings in Ganja early on Saturday, killing at least 13 people."},
    {"article_id": "a2", "outlet": "Anadolu", "published": date(2020, 10, 18), "published_basis": "byline",
     "text": "Armenian forces fired a missile at residential buildings in Ganja on Saturday, killing 13 civilians."},
    {"article_id": "a3", "outlet": "Armenpress", "published": date(2020, 10, 17), "published_basis": "text",
     "text": "The Defense Ministry said on Saturday that Stepanakert was shelled with rockets overnight."},
    {"article_id": "a4", "outlet": "TASS", "published": date(2020, 10, 20), "published_basis": "byline",
     "text": "Talks between the foreign ministers took place in Ganja on October 10, the ministry said."},
])


@pytest.fixture(scope="module")
def linked():
    events = events_table(ARTICLES)
    return events, *link_incidents(events, tolerance_days=1, min_similarity=0.1)


def test_same_place_date_and_story_is_one_incident(linked):
    events, incidents, mentions = linked
    assert list(incidents.columns) == list(INCIDENT_COLUMNS)
    assert list(mentions.columns) == list(MENTION_COLUMNS)
    ganja = mentions[mentions["article_id"].isin(["a1", "a2"])]
    assert ganja["incident_id"].nunique() == 1
    row = incidents.set_index("incident_id").loc[ganja["incident_id"].iloc[0]]
    assert row["place"] == "Ganja" and row["date"] == date(2020, 10, 17)
    assert row["n_outlets"] == 2 and row["outlets"] == "Anadolu; Reuters"
    assert row["label"] == f"Ganja, {row['event_type']}, 2020-10-17"
    assert ganja["similarity"].notna().all()


def test_other_place_or_distant_date_is_another_incident(linked):
    _, incidents, mentions = linked
    by_article = dict(zip(mentions["article_id"], mentions["incident_id"]))
    assert len({by_article["a1"], by_article["a3"], by_article["a4"]}) == 3
    talks = incidents.set_index("incident_id").loc[by_article["a4"]]
    assert talks["event_type"] == "talks" and talks["date"] == date(2020, 10, 10)


def test_ids_are_stable_hashes_not_running_numbers(linked):
    events, incidents, _ = linked
    again, _ = link_incidents(events.iloc[::-1], tolerance_days=1, min_similarity=0.1)
    assert sorted(again["incident_id"]) == sorted(incidents["incident_id"])
    row = incidents.iloc[0]
    assert row["incident_id"] == incident_id(row["place"], row["date"], row["event_type"])
    assert incident_id("Ganja", date(2020, 10, 17), "missile strike") != incident_id("Ganja", date(2020, 10, 11), "missile strike")


def test_similarity_threshold_separates_unrelated_sentences():
    articles = pd.DataFrame([
        {"article_id": "b1", "outlet": "BBC", "published": date(2020, 10, 17), "published_basis": "byline",
         "text": "Rockets destroyed a school in Barda on Friday."},
        {"article_id": "b2", "outlet": "RT", "published": date(2020, 10, 17), "published_basis": "byline",
         "text": "The governor of Barda met aid workers on Friday to discuss supplies."},
    ])
    events = events_table(articles)
    _, strict = link_incidents(events, tolerance_days=0, min_similarity=0.3)
    assert strict["incident_id"].nunique() == 2
    _, loose = link_incidents(events, tolerance_days=0, min_similarity=0.0)
    assert loose["incident_id"].nunique() == 1


def test_tolerance_days(linked):
    events = events_table(pd.DataFrame([
        {"article_id": "c1", "outlet": "AP", "published": date(2020, 10, 5), "published_basis": "byline",
         "text": "Shelling hit the market in Tartar on October 4."},
        {"article_id": "c2", "outlet": "AFP", "published": date(2020, 10, 6), "published_basis": "byline",
         "text": "Shelling hit the market in Tartar on October 2."},
    ]))
    assert link_incidents(events, tolerance_days=1)[1]["incident_id"].nunique() == 2
    merged_incidents, merged = link_incidents(events, tolerance_days=2)
    assert merged["incident_id"].nunique() == 1
    assert merged_incidents.iloc[0]["first_date"] == date(2020, 10, 2)
    assert merged_incidents.iloc[0]["last_date"] == date(2020, 10, 4)


@pytest.mark.parametrize("kwargs, name", [
    ({"tolerance_days": -1}, "tolerance_days"),
    ({"tolerance_days": 1.5}, "tolerance_days"),
    ({"min_similarity": 1.5}, "min_similarity"),
    ({"min_similarity": "high"}, "min_similarity"),
])
def test_bad_parameters_are_named(linked, kwargs, name):
    with pytest.raises(ValueError, match=name):
        link_incidents(linked[0], **kwargs)


def test_attach_claims_by_sentence(linked):
    _, _, mentions = linked
    text = ARTICLES.loc[0, "text"]
    claims = pd.DataFrame([
        {"article_id": "a1", "start": text.index("13"), "end": text.index("13") + 2, "sentence": text,
         "location": "Ganja", "count": 13},
        {"article_id": "a1", "start": 0, "end": 5, "sentence": "An unrelated sentence with 4 wounded.",
         "location": None, "count": 4},
    ])
    out = attach_claims(claims, mentions)
    assert out.loc[0, "incident_id"] == mentions.loc[mentions["article_id"] == "a1", "incident_id"].iloc[0]
    assert out.loc[1, "incident_id"] is None
    assert list(out.columns[:-1]) == list(claims.columns)
    with pytest.raises(ValueError, match="claims"):
        attach_claims(claims.drop(columns=["sentence"]), mentions)


def test_seeds_link_the_stepanakert_bombing_of_october_2():
    articles, _ = load_articles(config.RAW_DIR)
    incidents, mentions = link_incidents(events_table(articles))
    stepanakert = incidents[(incidents["place"] == "Stepanakert") & (incidents["date"] == date(2020, 10, 2))]
    assert (stepanakert["n_outlets"] >= 2).any()  # Asbarez and JAMnews
    ganja = incidents[(incidents["place"] == "Ganja") & (incidents["date"] == date(2020, 10, 17))]
    assert ganja["event_type"].tolist() == ["missile strike"]
