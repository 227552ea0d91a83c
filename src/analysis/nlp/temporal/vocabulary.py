"""The words dates are written with: months (the one month table), weekdays, number words.

The month names are data, ``lexicons/months.csv`` (``name``, ``number``,
``form``: ``full`` or ``abbreviation``, ``language``), read by
:func:`month_numbers` (English, for the text) and :func:`date_line_month_numbers`
(every language, for the date lines sites print: "5 октября 2020", "5 Ekim
2020"); every stage that reads a month name takes it from there. Small
calendar helpers used by several temporal modules live here too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from analysis.lexicons import load as lexicons
from analysis.lexicons.load import read_lexicon

MONTH_FORMS = ("full", "abbreviation")


@lru_cache(maxsize=None)
def month_table(language: str | None = "en") -> tuple[tuple[str, int, str], ...]:
    """``(name, number, form)`` of the rows of ``months.csv`` in ``language`` (None: all), names lower-case, in file order."""
    frame = read_lexicon("months", required=("name", "number", "form"))
    languages = frame["language"] if "language" in frame else [""] * len(frame)
    rows = []
    for index, (name, number, form, lang) in enumerate(zip(frame["name"], frame["number"], frame["form"], languages)):
        if language is not None and (str(lang).strip() or "en") != language:
            continue
        number, form = number.strip(), form.strip()
        if not number.isdigit() or not 1 <= int(number) <= 12:
            raise lexicons.LexiconError(f"months.csv: row {index + 2}: number must be a whole number from 1 to 12")
        if form not in MONTH_FORMS:
            raise lexicons.LexiconError(f"months.csv: row {index + 2}: form must be one of {', '.join(MONTH_FORMS)}")
        rows.append((name.strip().lower(), int(number), form))
    return tuple(rows)


@lru_cache(maxsize=None)
def month_numbers() -> Mapping[str, int]:
    """Month name or abbreviation (lower case) -> month number: ``{"january": 1, ..., "sept": 9, ...}`` (read-only)."""
    return MappingProxyType({name: number for name, number, _ in month_table()})


@lru_cache(maxsize=None)
def date_line_month_numbers() -> Mapping[str, int]:
    """Month name (lower case) -> number in every language of ``months.csv``, for the date lines sites print."""
    return MappingProxyType({name: number for name, number, _ in month_table(None)})


def month_names(form: str | None = None) -> list[str]:
    """The month names of ``months.csv`` (lower case), of one ``form`` when given, in file order."""
    return [name for name, _, f in month_table() if form is None or f == form]


def month_number(word: str) -> int:
    """The month a name means, ignoring case and a trailing full stop ("Sept." -> 9)."""
    return month_numbers()[word.rstrip(".").lower()]


WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}


def cased(words) -> str:
    """Capitalised or upper-case forms only, as one regex alternation: "May 5" is a date, "may the" is not."""
    forms = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return "|".join(sorted(forms, key=lambda f: (-len(f), f)))


# Abbreviated weekdays ("Thurs", "Tue."): "Tues" and "Thurs" are no other word;
# the three-letter forms ("Sun.", "Wed.") only with their full stop inside a sentence.
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
_IN_SENTENCE = r"(?=,|\s+[a-z0-9(]|\s+(?:[A-Z][a-z]{2,8}\.?\s+)?\d)"  # the full stop ends no sentence
WEEKDAY_WORD = (
    rf"(?:{cased(WEEKDAYS)}|(?:{cased(('tues', 'thurs'))})(?:\.{_IN_SENTENCE})?(?![\w'’])"
    rf"|(?:{cased(WEEKDAY_ABBREVIATIONS)})\.{_IN_SENTENCE})"
)
"""A weekday as written, in full or abbreviated: the regex every temporal pattern spells weekdays with."""


def weekday_number(word: str) -> int:
    """The weekday a name or abbreviation means, Monday 0 ("Thurs." -> 3)."""
    word = word.rstrip(".").lower()
    return WEEKDAYS[word] if word in WEEKDAYS else WEEKDAY_ABBREVIATIONS[word]


NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a couple of": 2, "couple of": 2,
}
# "forty-eight hours later", "seventy-two hours": tens with an optional unit.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {w: n for w, n in NUMBERS.items() if w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}


def number(word: str) -> int | None:
    """A count written in digits or words ("48", "six", "forty-eight", "a couple of"); None for "few", "several"."""
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        return _TENS[tens] + _UNITS.get(unit, 0)
    return NUMBERS.get(word)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
