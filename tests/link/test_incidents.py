"""Linking event mentions across articles into incidents."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.core import config
from analysis.ingest.corpus import load_articles
from analysis.extract.events import events_table
from analysis.link.incidents import INCIDENT_COLUMNS, MENTION_COLUMNS, attach_claims, incident_id, link_incidents

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


def test_incident_timeline_rows_by_date_one_entry_per_outlet(linked):
    from analysis.compare.incidents import TIMELINE_COLUMNS, incident_timeline

    _, incidents, mentions = linked
    timeline = incident_timeline(incidents, mentions)
    assert list(timeline.columns) == list(TIMELINE_COLUMNS)
    # the talks of October 10 come before the strikes of October 17
    rows = timeline.drop_duplicates("row").sort_values("row")
    assert rows["incident_date"].tolist() == sorted(rows["incident_date"])
    assert rows.iloc[0]["label"].startswith("Ganja, talks")
    ganja = timeline[timeline["label"].str.contains("2020-10-17") & timeline["label"].str.startswith("Ganja")]
    assert sorted(ganja["outlet"]) == ["Anadolu", "Reuters"] and ganja["row"].nunique() == 1
    assert timeline.loc[timeline["outlet"] == "Armenpress", "inferred"].all()  # dated from its text
    assert not timeline.loc[timeline["outlet"] == "Reuters", "inferred"].any()
    assert (timeline.groupby(["row", "outlet"]).size() == 1).all()


def test_mention_evidence_keeps_the_sentence_and_the_measured_article():
    from analysis.compare.incidents import EVIDENCE_COLUMNS, mention_evidence
    from analysis.link.lag import reporting_lag

    later = pd.DataFrame([{
        "article_id": "a5", "outlet": "Reuters", "published": date(2020, 10, 19), "published_basis": "byline",
        "text": "Rescuers searched residential buildings hit by a missile in Ganja on Saturday, October 17."}])
    articles = pd.concat([ARTICLES.iloc[:2], later], ignore_index=True)
    incidents, mentions = link_incidents(events_table(articles))
    every = mention_evidence(incidents, mentions)
    assert list(every.columns) == list(EVIDENCE_COLUMNS) and len(every) == len(mentions)
    assert every["incident"].nunique() == 1 and "a5" in set(every["article_id"])
    text = dict(zip(articles["article_id"], articles["text"]))
    for row in every.itertuples():
        assert text[row.article_id][row.start:row.end] == row.expression and row.expression in row.sentence
    lags = reporting_lag(incidents, mentions)
    measured = mention_evidence(incidents, mentions, lags)
    assert "a5" not in set(measured["article_id"])  # Reuters' later article is not the one its lag is measured on
    assert measured.set_index("outlet")["lag_days"].to_dict() == {"Reuters": 0, "Anadolu": 1}
    with pytest.raises(ValueError, match="lags"):
        mention_evidence(incidents, mentions, lags.drop(columns=["lag_days"]))


def test_timeline_and_evidence_of_no_incident():
    from analysis.compare.incidents import incident_timeline, mention_evidence

    incidents, mentions = link_incidents(events_table(ARTICLES).iloc[:0])
    assert incident_timeline(incidents, mentions).empty
    assert mention_evidence(incidents, mentions).empty


def test_combat_at_one_place_on_one_day_is_one_incident_whatever_the_wording():
    articles = pd.DataFrame([
        {"article_id": "d1", "outlet": "Asbarez", "published": date(2020, 10, 3), "published_basis": "byline",
         "text": "Azerbaijani forces escalated their attacks by bombing the capital city of Stepanakert on Friday."},
        {"article_id": "d2", "outlet": "JAMnews", "published": date(2020, 10, 3), "published_basis": "byline",
         "text": "Dozens of local residents were wounded in Stepanakert on October 2."},
        {"article_id": "d3", "outlet": "TASS", "published": date(2020, 10, 3), "published_basis": "byline",
         "text": "Ceasefire talks were held in Stepanakert on October 2, the ministry said."},
        {"article_id": "d4", "outlet": "BBC", "published": date(2020, 10, 3), "published_basis": "byline",
         "text": "Dozens of homes were shelled in Stepanakert on October 1."},
    ])
    events = events_table(articles)
    assert events.set_index("article_id")["location"].eq("Stepanakert").all()
    _, mentions = link_incidents(events, tolerance_days=1, min_similarity=0.5)
    by_article = dict(zip(mentions["article_id"], mentions["incident_id"]))
    assert by_article["d1"] == by_article["d2"]  # bombing and casualties, same place and day
    assert by_article["d3"] != by_article["d1"]  # talks are not fighting
    assert by_article["d4"] != by_article["d1"]  # a day apart: the wording must still be similar
