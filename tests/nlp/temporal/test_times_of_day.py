"""Times of day, "now" phrases and the corpus year (analysis.nlp.temporal.times_of_day, analysis.extract.events)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.extract.events import corpus_year, events_table
from analysis.nlp.temporal.expressions import find_temporal_expressions

TUE = date(2020, 10, 13)


def by_expression(text: str, published: date | None = TUE) -> dict[str, dict]:
    return {r["expression"]: r for r in find_temporal_expressions(text, published)}


def test_time_of_day_takes_the_date_of_its_own_sentence_over_the_reference_time():
    rows = by_expression("Ganja was hit on October 5. Barda was shelled in the afternoon, officials said on October 7.")
    assert rows["in the afternoon"]["date"] == date(2020, 10, 7)
    assert rows["in the afternoon"]["part_of_day"] == "afternoon"


def test_time_of_day_never_moves_the_reference_time():
    rows = by_expression("Hadrut was shelled on October 8. At dawn, drones returned. Two days later the town fell.")
    assert rows["At dawn"]["date"] == date(2020, 10, 8)
    assert rows["Two days later"]["date"] == date(2020, 10, 10)


def test_time_of_day_beside_its_date_is_one_expression():
    rows = by_expression("Tartar came under fire on October 6 in the morning. On September 27, at 07:10, the offensive began.")
    assert rows["on October 6 in the morning"]["date"] == date(2020, 10, 6)
    assert rows["on October 6 in the morning"]["part_of_day"] == "morning"
    assert rows["On September 27, at 07:10"]["date"] == date(2020, 9, 27) and len(rows) == 2


def test_night_on_a_day_before_publication_stays_on_that_day():
    rows = by_expression("On October 10, the truce was agreed. During the night, rockets fell on Stepanakert.")
    assert rows["During the night"]["date"] == date(2020, 10, 10)
    assert rows["During the night"]["part_of_day"] == "night"


def test_night_falling_back_on_publication_is_the_night_before():
    assert by_expression("Rockets fell on Stepanakert at night.")["at night"]["date"] == date(2020, 10, 12)
    # the small hours belong to the day itself
    assert by_expression("In the early hours, rockets fell.")["In the early hours"]["date"] == TUE


def test_clock_times_fall_in_their_part_of_the_day():
    rows = by_expression("At 07:10 the offensive began. At 1:30 p.m. it stalled. At about 23:00 it resumed. At 9 am talks.")
    assert [rows[e]["part_of_day"] for e in ("At 07:10", "At 1:30 p.m.", "At about 23:00", "At 9 am")] == [
        "morning", "afternoon", "night", "morning"]
    assert {r["date"] for r in rows.values()} == {TUE}


def test_bare_clock_numbers_are_no_times():
    assert find_temporal_expressions("Watch: 0:00 / 2:29. The ratio was 3:1 and 12:30 people.", TUE) == []


def test_without_publication_date_times_of_day_and_now_phrases_are_unresolved():
    rows = by_expression("Fighting goes on as we speak. In the afternoon, Barda was shelled.", None)
    assert rows["as we speak"]["resolution"] == "unresolved" and rows["as we speak"]["date"] is None
    assert rows["In the afternoon"]["date"] is None


def test_without_publication_date_a_time_of_day_follows_an_absolute_date():
    rows = by_expression("On October 2, 2020 Barda was hit. Later, at night, Tartar was hit too.", None)
    assert rows["at night"]["date"] == date(2020, 10, 2)


def test_corpus_year_is_the_most_common_publication_year():
    assert corpus_year([date(2020, 10, 2), None, date(2020, 11, 1), date(2021, 1, 5)]) == 2020
    assert corpus_year([date(2020, 10, 2), date(2021, 1, 5)]) == 2021  # a tie: the later year
    assert corpus_year([None, None]) is None


def test_undated_article_takes_the_corpus_year_for_year_less_dates_only():
    articles = pd.DataFrame({
        "article_id": ["dated", "undated", "own-year"],
        "text": ["Clashes on October 4.", "Fighting erupted on September 27. On Friday Ganja was hit.",
                 "Talks on 3 November 2019. Clashes on October 4."],
        "published": [date(2020, 10, 5), None, None],
    })
    events = events_table(articles)
    got = {(a, e): d for a, e, d in zip(events["article_id"], events["expression"], events["date"])}
    assert got[("undated", "on September 27")] == date(2020, 9, 27)
    assert pd.isna(got[("undated", "On Friday")])  # relative expressions stay unresolved
    # the corpus year (2020, from the dated article) wins over a full date of the article's own: such dates are
    # often background, and "on or before the latest of them" put later days in the year before (docs/SCHEMA.md)
    assert got[("own-year", "on October 4")] == date(2020, 10, 4)


def test_range_and_weekend_carry_their_first_day_and_span():
    rows = by_expression("Clashes between October 1 and 3 left Martuni in ruins. Over the weekend, drones struck.")
    between = rows["between October 1 and 3"]
    assert (between["date"], between["date_min"], between["date_max"]) == (date(2020, 10, 1), date(2020, 10, 1), date(2020, 10, 3))
    weekend = rows["Over the weekend"]
    assert (weekend["date"], weekend["date_min"], weekend["date_max"]) == (date(2020, 10, 10), date(2020, 10, 10), date(2020, 10, 11))


def test_the_day_after_publication_in_local_time_is_that_day():
    monday = date(2020, 10, 12)
    rows = by_expression("The truce took effect on Tuesday morning local time, hours after the talks ended.", monday)
    assert rows["on Tuesday morning"]["date"] == date(2020, 10, 13)
    rows = by_expression("The truce took effect on Tuesday morning, hours after the talks ended.", monday)
    assert rows["on Tuesday morning"]["date"] == date(2020, 10, 6)
