"""core.dates.as_date: the one date coercer, and the lenient readings its flags allow."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analysis.core.dates import as_date, date_problem


@pytest.mark.parametrize("value", [None, pd.NaT, float("nan"), np.float64("nan")])
def test_missing_values_are_none(value):
    assert as_date(value) is None


@pytest.mark.parametrize("value", [
    dt.date(2020, 10, 2), dt.datetime(2020, 10, 2, 23, 59), pd.Timestamp("2020-10-02 12:00"), "2020-10-02",
])
def test_dates_datetimes_timestamps_and_iso_strings_give_the_date(value):
    day = as_date(value)
    assert day == dt.date(2020, 10, 2) and type(day) is dt.date


@pytest.mark.parametrize("value", ["", "02/10/2020", "2020-10-02 00:00:00", pd.NA, "yesterday"])
def test_other_values_are_a_value_error_for_the_caller_to_word(value):
    with pytest.raises(ValueError):
        as_date(value)


def test_the_flags_make_blanks_na_and_timestamps_in_text_readable():
    assert as_date("", blank_is_none=True) is None
    assert as_date(pd.NA, na_is_none=True) is None
    assert as_date("2020-10-02 00:00:00", leading_date=True) == dt.date(2020, 10, 2)
    assert as_date("2020-10-02T08:15", leading_date=True) == dt.date(2020, 10, 2)
    with pytest.raises(ValueError):
        as_date("", na_is_none=True, leading_date=True)  # each flag does one thing


def test_the_events_table_names_the_article_with_a_bad_date():
    from analysis.extract.events import events_table

    articles = pd.DataFrame({"article_id": ["a1"], "text": ["Shelling hit Ganja on Friday."], "published": ["02.10.2020"]})
    with pytest.raises(ValueError, match="article 'a1': published '02.10.2020' is not a YYYY-MM-DD date"):
        events_table(articles)


@pytest.mark.parametrize("text, wording", [
    ("2020-13-45", "'2020-13-45' is an impossible date: there is no month 13"),
    ("2020-09-31", "'2020-09-31' is an impossible date: September 2020 has 30 days"),
    ("2021-02-29", "'2021-02-29' is an impossible date: February 2021 has 28 days"),
    ("2020-10-00", "'2020-10-00' is an impossible date: October 2020 has 31 days"),
    ("1/10/2020", "'1/10/2020' is not a date in YYYY-MM-DD form"),
    (20201001, "20201001 is not a date in YYYY-MM-DD form"),
])
def test_date_problems_call_an_impossible_date_impossible(text, wording):
    assert date_problem(text).startswith(wording)


def test_a_real_date_has_no_problem():
    assert date_problem("2020-02-29") is None
