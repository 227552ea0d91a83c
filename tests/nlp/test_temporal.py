"""Temporal expressions: parser pitfalls, each rule, seeds against the gold."""

from __future__ import annotations

import json
import time
from datetime import date

import pandas as pd
import pytest

from analysis.core import config
from analysis.ingest.corpus import load_articles
from analysis.evaluate.date_scoring import date_accuracy, format_date_scores, score_dates
from analysis.evaluate.suite import score_metadata
from analysis.nlp.temporal import COLUMNS, events_table, find_temporal_expressions, infer_year
from analysis.ingest.publication_dates import header_contradicts_text, infer_publication_window

SAT = date(2020, 10, 17)  # a Saturday
FRI = date(2020, 10, 2)


def only(text: str, published: date | None = SAT) -> dict:
    rows = find_temporal_expressions(text, published)
    assert len(rows) == 1, rows
    return rows[0]


def dates_of(text: str, published: date | None = SAT) -> list:
    return [r["date"] for r in find_temporal_expressions(text, published)]


@pytest.fixture(scope="module")
def seeds():
    articles, _ = load_articles(config.RAW_DIR)
    return articles


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in config.GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- failures of off-the-shelf parsers -------------------------------------

def test_sept_abbreviation_is_27_september():
    row = only("The strike on the village came on Sept. 27, officials said.")
    assert row["date"] == date(2020, 9, 27) and row["resolution"] == "absolute"


def test_modal_may_is_no_date():
    assert find_temporal_expressions("Both sides may the same way deny it, and may 5 more follow.", SAT) == []
    assert dates_of("The offensive may the army said be over by May 5.") == [date(2020, 5, 5)]


def test_weekday_is_never_in_the_future():
    # Published Wednesday 2020-10-14: "on Sunday" is the Sunday before, not after.
    assert only("Shelling resumed on Sunday, the ministry said.", date(2020, 10, 14))["date"] == date(2020, 10, 11)
    for published in (date(2020, 10, d) for d in range(10, 18)):
        assert only("The ministry said on Sunday that shelling resumed.", published)["date"] <= published


def test_year_less_date_takes_publication_year():
    assert only("Fighting erupted on October 4 near Hadrut.")["date"] == date(2020, 10, 4)


# --- absolute dates ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("On October 1, artillery hit Shatvan.", date(2020, 10, 1)),
    ("The attack of October 2, 2020 was condemned.", date(2020, 10, 2)),
    ("On 27 September, Azerbaijan launched an offensive.", date(2020, 9, 27)),
    ("Shelling began on 2 October in Martuni.", date(2020, 10, 2)),
    ("It was reported on Oct. 4 by the ministry.", date(2020, 10, 4)),
    ("The truce took effect on 10 October 2020 at noon.", date(2020, 10, 10)),
    ("On the 27th of September the war began.", date(2020, 9, 27)),
    ("Shelling hit Barda on September 28th.", date(2020, 9, 28)),
    ("The ministry said that on Thursday, Oct. 15, shelling hit Barda.", date(2020, 10, 15)),
    ("The attack on 2020-10-11 killed ten.", date(2020, 10, 11)),
    ("Ganja was hit on 11.10.2020 according to officials.", date(2020, 10, 11)),
    ("Ganja was hit on 13/10/2020 according to officials.", date(2020, 10, 13)),
])
def test_absolute_forms(text, expected):
    assert expected in dates_of(text)


def test_ambiguous_slash_date_is_not_guessed():
    assert dates_of("The ministry updated the toll on 10/11/2020.") == []


def test_impossible_day_is_not_a_date():
    assert dates_of("The report cited September 31 as the start.") == []


def test_year_inference_prefers_past_but_allows_announced_events():
    assert only("A meeting on December 28 discussed the conflict.")["date"] == date(2019, 12, 28)
    assert only("Elections will be held on November 3.")["date"] == date(2020, 11, 3)
    assert only("Shelling on October 20 killed two.")["date"] == date(2020, 10, 20)  # within a week
    assert infer_year(1, 2, date(2020, 12, 30)) == 2021
    assert infer_year(12, 30, date(2021, 1, 5)) == 2020


def test_day_range_is_a_vague_span():
    row = only("Clashes broke out on the night of October 16-17 in Martuni.")
    assert row["date"] is None and (row["date_min"], row["date_max"]) == (date(2020, 10, 16), date(2020, 10, 17))
    assert row["part_of_day"] == "night" and row["location"] == "Martuni"


# --- weekdays ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected, part", [
    ("Azerbaijani forces bombed Stepanakert on Friday.", date(2020, 10, 16), None),
    ("Late Thursday evening local time, four drones were downed.", date(2020, 10, 15), "evening"),
    ("In the early morning hours of Sunday artillery attacks were launched.", date(2020, 10, 11), "morning"),
    ("A woman died during Sunday's attack on Martuni.", date(2020, 10, 11), None),
    ("Officials reported shelling on Friday night in Stepanakert.", date(2020, 10, 16), "night"),
    ("Early on Saturday, a missile hit Ganja.", date(2020, 10, 17), None),
    ("A drone attack late Friday killed two in Goris.", date(2020, 10, 16), None),
    ("Overnight Wednesday, Barda came under fire.", date(2020, 10, 14), "overnight"),
    ("Shelling began at dawn on Sunday in Tartar.", date(2020, 10, 11), "morning"),
    ("The early hours of Friday saw heavy shelling.", date(2020, 10, 16), "night"),
])
def test_weekdays(text, expected, part):
    row = find_temporal_expressions(text, SAT)[0]
    assert row["date"] == expected and row["resolution"] == "weekday"
    assert row["part_of_day"] == part


def test_last_weekday_is_strictly_before_publication():
    # Documented rule: published Saturday 2020-10-17, "last Saturday" = 2020-10-10.
    row = only("A ceasefire came into force last Saturday in Moscow.")
    assert row["date"] == date(2020, 10, 10)
    # Published Wednesday: "last Monday" is two days back, the previous week's Monday is the range floor.
    row = only("The truce agreed last Monday collapsed.", date(2020, 10, 14))
    assert row["date"] == date(2020, 10, 12) and row["date_min"] == date(2020, 10, 5)


def test_next_weekday_is_in_the_future():
    assert only("The ministers will meet next Monday in Moscow.")["date"] == date(2020, 10, 19)


def test_weekday_with_publication_day_is_that_day():
    assert only("Azerbaijan said on Saturday that it had destroyed an S-300.")["date"] == SAT


# --- relative and offsets -------------------------------------------------

@pytest.mark.parametrize("text, expected, part", [
    ("Moments ago they shelled the town of Hadrut.", SAT, None),
    ("Yesterday evening drones hit Mingachevir.", date(2020, 10, 16), "evening"),
    ("Last night Stepanakert came under heavy fire.", date(2020, 10, 16), "night"),
    ("Earlier today the ministry reported new losses.", SAT, None),
    ("This morning sirens sounded in Stepanakert.", SAT, "morning"),
    ("Two days ago, Barda was shelled.", date(2020, 10, 15), None),
    ("A week ago, Ganja was hit.", date(2020, 10, 10), None),
    ("The day before yesterday Tartar was shelled.", date(2020, 10, 15), None),
])
def test_relative_to_publication(text, expected, part):
    row = find_temporal_expressions(text, SAT)[0]
    assert row["date"] == expected and row["part_of_day"] == part


def test_anaphoric_offsets_count_from_last_date():
    rows = find_temporal_expressions(
        "Also on Saturday, a missile strike hit Ganja. Just six days earlier, another strike had hit the city.", SAT)
    assert [r["date"] for r in rows] == [SAT, date(2020, 10, 11)]
    assert rows[1]["resolution"] == "offset" and rows[1]["location"] == "Ganja"
    rows = find_temporal_expressions("On October 5, Barda was shelled. The next day, Tartar was hit.", SAT)
    assert rows[1]["date"] == date(2020, 10, 6)
    rows = find_temporal_expressions("Shelling hit Stepanakert on Friday night. Earlier in the evening, drones were seen.", SAT)
    assert rows[1]["date"] == date(2020, 10, 16) and rows[1]["part_of_day"] == "evening"


def test_offset_before_an_event_noun_is_not_resolved():
    # "two days before the attack" counts from an undated event, not from a date.
    assert dates_of("Two days before the attack, residents fled.") == []


@pytest.mark.parametrize("text, lo, hi", [
    ("A ceasefire was agreed earlier this month in Moscow.", date(2020, 10, 1), SAT),
    ("Last week, a ceasefire was agreed in Moscow.", date(2020, 10, 5), date(2020, 10, 11)),
    ("Earlier this week, shelling hit Terter.", date(2020, 10, 12), SAT),
    ("In the past 24 hours, 40 soldiers were killed.", date(2020, 10, 16), SAT),
    ("Last month, fighting erupted along the line.", date(2020, 9, 1), date(2020, 9, 30)),
    ("Since late September, fighting has raged.", date(2020, 9, 20), date(2020, 9, 30)),
])
def test_vague_spans(text, lo, hi):
    row = only(text)
    assert row["date"] is None and row["resolution"] == "vague"
    assert (row["date_min"], row["date_max"]) == (lo, hi)


def test_background_years_and_durations_are_not_event_dates():
    text = ("Armenian forces have held the region since 1992, and for 30 years talks failed. "
            "In the 1990s some 30,000 people died. Gevorg Vardanyan, born in 1967, was killed. "
            "Fighting continued for the sixth day.")
    assert find_temporal_expressions(text, SAT) == []


def test_since_and_started_on_a_day_are_event_dates():
    assert dates_of("Since September 27, large-scale operations have continued.") == [date(2020, 9, 27)]
    assert dates_of("The fighting, which started on September 27, goes on.") == [date(2020, 9, 27)]


def test_unknown_publication_date_leaves_relative_expressions_unresolved():
    rows = find_temporal_expressions(
        "On Friday, Ganja was hit. On October 2, 2020 Barda was hit. On October 4 Tartar was hit. Yesterday Goris.", None)
    by = {r["expression"]: r for r in rows}
    assert by["On Friday"]["date"] is None and by["On Friday"]["resolution"] == "unresolved"
    assert by["Yesterday"]["date"] is None
    assert by["On October 2, 2020"]["date"] == date(2020, 10, 2)
    assert by["On October 4"]["date"] == date(2020, 10, 4)  # year from the article's own full date
    assert only("Clashes erupted on October 4.", None)["resolution"] == "unresolved"


def test_publication_lines_are_not_events():
    assert dates_of("By Asbarez | Friday, 02 October 2020\nShelling hit Hadrut on Friday.", FRI) == [FRI]
    assert dates_of("BAKU, Oct 17 (Reuters) - A missile hit Ganja on Saturday.") == [SAT]
    assert dates_of("Published: 17 October 2020, 10:15\nGanja was hit on Saturday.") == [SAT]
    # Prose that starts with "Published" is not a byline.
    assert dates_of("Published on September 27, the message listed 11 casualties.") == [date(2020, 9, 27)]


def test_event_type_and_location_from_the_sentence():
    row = only("Also on Saturday, a missile strike targeted houses in Ganja, killing at least 13.")
    assert row["event_type"] == "missile strike" and row["location"] == "Ganja"
    row = only("A Russia-brokered ceasefire came into force last Saturday to allow the recovery of the dead.")
    assert row["event_type"] == "ceasefire"
    row = only("Azerbaijani forces bombed the capital of Artsakh, Stepanakert, on Friday.")
    assert row["location"] == "Stepanakert"  # a city over the region


def test_offsets_point_into_the_text():
    text = "Shelling hit Hadrut on Friday. Moments ago they shelled it again."
    for row in find_temporal_expressions(text, SAT):
        assert text[row["start"]:row["end"]] == row["expression"]
        assert row["expression"] in row["sentence"]


def test_bad_input_names_the_parameter():
    with pytest.raises(TypeError, match="published"):
        find_temporal_expressions("on Friday", "2020-10-17")
    with pytest.raises(ValueError, match="articles"):
        events_table(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ValueError, match="not a YYYY-MM-DD"):
        events_table(pd.DataFrame({"article_id": ["a"], "text": ["on Friday"], "published": ["17/10/2020"]}))


# --- publication dates -------------------------------------------------------

def test_publication_window_from_the_text():
    text = ("Since September 27, operations have continued.\nBrief overview of events for the morning of October 3\n"
            "Stepanakert was shelled on October 2.\nReports for October 2, 2020")
    guess = infer_publication_window(text)
    assert guess.best == date(2020, 10, 3) and "October 3" in guess.evidence
    guess = infer_publication_window("The strike on October 11, 2020 killed ten. On October 12 more shelling hit Ganja.")
    assert guess.earliest == date(2020, 10, 12) and guess.best == date(2020, 10, 12) and guess.latest > guess.earliest
    assert infer_publication_window("Renewed fighting flared up on September 27, officials said.") is None
    # A planned event does not move the earliest date.
    guess = infer_publication_window("Shelling hit Barda on October 5, 2020. Talks will be held on November 3, 2020.")
    assert guess.earliest == date(2020, 10, 5)


def test_header_contradictions():
    text = "Stepanakert was shelled on Friday, October 2, 2020, the ministry said. On Sunday the war began."
    assert header_contradicts_text(text, date(2020, 10, 2)) is None
    assert "earlier than" in header_contradicts_text(text, date(2020, 9, 27))
    assert "2023" in header_contradicts_text(text, date(2023, 5, 1))
    # "Friday, October 2" is a Friday in 2020, not in 2023.
    assert "weekday" in header_contradicts_text("Shelling hit Barda on Friday, October 2.", date(2023, 10, 5))
    with pytest.raises(TypeError, match="header_date"):
        header_contradicts_text(text, "2020-10-02")


# --- seeds against the gold --------------------------------------------------

def test_seeds_against_gold(seeds, gold):
    events = events_table(seeds)
    assert list(events.columns) == list(COLUMNS)
    for row in events.itertuples():
        text = seeds.loc[seeds["article_id"] == row.article_id, "text"].iloc[0]
        assert text[row.start:row.end] == row.expression
    scores = score_dates(gold, events, seeds)
    totals = date_accuracy(scores)
    assert totals["n"] == sum(len(g["dated_events"]) for g in gold)
    assert totals["accuracy"] >= 0.9, format_date_scores(scores)


def test_seed_publication_dates(seeds, gold):
    scores = score_metadata(gold, seeds)
    assert scores["published_ok"].mean() == 1.0
    # The one seed dated from its text: the inference agrees with the gold.
    text = seeds.loc[seeds["article_id"] == "002_b9164580fb295b69", "text"].iloc[0]
    assert infer_publication_window(text).best == date(2020, 10, 3)


def test_scoring_rule_overlap_and_date():
    text = "The fighting started on September 27 and Ganja was hit on Saturday."
    events = events_table(pd.DataFrame({"article_id": ["a"], "text": [text], "published": [SAT]}))
    gold = [{"article_id": "a", "dated_events": [
        {"expression": "started on September 27", "date": "2020-09-27"},
        {"expression": "on Saturday", "date": "2020-10-16"},
    ]}]
    scores = score_dates(gold, events, {"a": text})
    assert scores["found"].tolist() == [True, True]
    assert scores["correct"].tolist() == [True, False]


def test_sentence_splitter_keeps_abbreviated_dates_in_long_texts():
    # text.py looks back a bounded distance for the abbreviation before a dot.
    from analysis.nlp.sentences import split_sentences

    text = ("Shelling continued. " * 500) + "The strike came on Oct. 4 in Ganja. Officials confirmed it."
    sentences = split_sentences(text)
    assert sentences[-2].text == "The strike came on Oct. 4 in Ganja."
    row = [r for r in find_temporal_expressions(text, SAT) if r["date"] == date(2020, 10, 4)][0]
    assert row["sentence"] == "The strike came on Oct. 4 in Ganja." and row["location"] == "Ganja"


# --- regressions for bugs found while building this -------------------------

def test_regression_date_before_a_colon():
    # "published on September 27: 11 casualties" was missed (a colon was taken for a clock time).
    assert dates_of("The Khazar center message, published on September 27: 11 casualties.") == [date(2020, 9, 27)]


def test_regression_lead_word_inside_another_word():
    # "reason Sunday" once yielded "on Sunday" starting inside "reason".
    row = only("For that reason Sunday's talks were cancelled.")
    assert row["expression"] == "Sunday's"


def test_regression_no_surrounding_space_or_period_in_expression():
    for text in ("Drones were downed. Thursday officials confirmed it.", "Talks may resume in May.",
                 "The toll was updated on 13/10/2020."):
        for row in find_temporal_expressions(text, SAT):
            assert row["expression"] == row["expression"].strip()
            assert not row["expression"].endswith(".")
    assert dates_of("The toll was updated on 13/10/2020.") == [date(2020, 10, 13)]


@pytest.mark.parametrize("text, background", [
    ("Since September 27, large-scale military operations have continued.", True),
    ("Renewed fighting flared up on September 27, with both sides blaming the other.", True),
    ("34 civilians had been killed in the fighting, which started on September 27.", True),
    ("The war that began in late September has killed thousands.", True),
    ("Azerbaijani forces shelled Stepanakert on Friday.", False),
    ("A missile hit Ganja on October 11, killing ten people.", False),
    ("Heavy fighting broke out on Thursday, the ministry said.", False),  # two days before publication: news
    ("Heavy fighting broke out on Monday near Hadrut, the ministry said.", False),  # five days late: still a report
    ("Heavy fighting broke out on October 5, the ministry said.", True),  # twelve days back: recalled
    ("A ceasefire has held since Thursday.", True),
])
def test_onset_dates_are_background(text, background):
    from analysis.nlp.temporal import find_temporal_expressions
    rows = find_temporal_expressions(text, date(2020, 10, 17))
    assert len(rows) == 1 and rows[0]["background"] is background
