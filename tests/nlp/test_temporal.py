"""Temporal expressions (analysis.nlp.temporal): parser pitfalls, each rule, seeds
against the gold, and the outlet-style cases of tests/cases/temporal.yaml."""

from __future__ import annotations

from datetime import date

import cases
import pandas as pd
import pytest

from analysis.evaluate.date_scoring import date_accuracy, format_date_scores, score_dates
from analysis.extract.events import COLUMNS
from analysis.extract.events import events_table
from analysis.nlp.temporal.expressions import find_temporal_expressions
from analysis.nlp.temporal.resolution import infer_year

SAT = date(2020, 10, 17)  # a Saturday
FRI = date(2020, 10, 2)


def only(text: str, published: date | None = SAT) -> dict:
    rows = find_temporal_expressions(text, published)
    assert len(rows) == 1, rows
    return rows[0]


def dates_of(text: str, published: date | None = SAT) -> list:
    return [r["date"] for r in find_temporal_expressions(text, published)]


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


# --- absolute dates (more forms in tests/cases/temporal.yaml) ----------------


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


def test_day_range_is_a_vague_span_dated_to_its_first_day():
    row = only("Clashes broke out on the night of October 16-17 in Martuni.")
    assert row["date"] == date(2020, 10, 16) and (row["date_min"], row["date_max"]) == (date(2020, 10, 16), date(2020, 10, 17))
    assert row["part_of_day"] == "night" and row["location"] == "Martuni"


# --- weekdays ---------------------------------------------------------------


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


# --- seeds against the gold --------------------------------------------------

def test_seeds_against_gold(seed_articles, gold):
    events = events_table(seed_articles)
    assert list(events.columns) == list(COLUMNS)
    for row in events.itertuples():
        text = seed_articles.loc[seed_articles["article_id"] == row.article_id, "text"].iloc[0]
        assert text[row.start:row.end] == row.expression
    scores = score_dates(gold, events, seed_articles)
    totals = date_accuracy(scores)
    assert totals["n"] == sum(len(g["dated_events"]) for g in gold)
    assert totals["accuracy"] >= 0.9, format_date_scores(scores)


# --- the edges of an expression ---------------------------------------------

def test_date_before_a_colon_is_not_a_clock_time():
    # "published on September 27: 11 casualties" was missed (a colon was taken for a clock time).
    assert dates_of("The Khazar center message, published on September 27: 11 casualties.") == [date(2020, 9, 27)]


def test_lead_word_never_starts_inside_another_word():
    # "reason Sunday" once yielded "on Sunday" starting inside "reason".
    row = only("For that reason Sunday's talks were cancelled.")
    assert row["expression"] == "Sunday's"


def test_no_surrounding_space_or_period_in_an_expression():
    for text in ("Drones were downed. Thursday officials confirmed it.", "Talks may resume in May.",
                 "The toll was updated on 13/10/2020."):
        for row in find_temporal_expressions(text, SAT):
            assert row["expression"] == row["expression"].strip()
            assert not row["expression"].endswith(".")
    assert dates_of("The toll was updated on 13/10/2020.") == [date(2020, 10, 13)]


# --- outlet-style sentences (tests/cases/temporal.yaml) ----------------------


@pytest.mark.parametrize("case", cases.params("temporal"))
def test_outlet_case(case):
    cases.check("temporal", case)


def test_an_undated_article_gives_year_less_dates_the_corpus_year_not_the_year_before_its_latest_date():
    text = ("The ceasefire signed on 10 November 2020 held. Shelling had hit the town on Nov. 21, the mayor said. "
            "Troops are to stay until 1 July 2025, and fighting in the area in June 2014 was recalled.")
    rows = find_temporal_expressions(text, None, default_year=2020)
    dated = {r["expression"]: r["date"] for r in rows}
    assert [d for e, d in dated.items() if "Nov. 21" in e] == [date(2020, 11, 21)]


def test_an_undated_article_with_no_corpus_year_still_dates_by_its_own_latest_full_date():
    rows = find_temporal_expressions("Talks began on 3 March 2021. A strike followed on 5 February.", None)
    assert [r["date"] for r in rows if "5 February" in r["expression"]] == [date(2021, 2, 5)]
