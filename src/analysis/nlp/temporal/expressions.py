"""The two readings of a text the other stages ask for: its dated events, and the calendar dates it writes.

:func:`find_temporal_expressions` is the entry point for the events table
(:mod:`analysis.extract.events`): candidates
(:mod:`~analysis.nlp.temporal.candidates`), minus those in the publication
date's own lines and in names, resolved in text order
(:mod:`~analysis.nlp.temporal.resolve`), with the event type, place and
background flag of their sentence (:mod:`~analysis.nlp.temporal.context`).

:func:`dated_mentions` and :func:`has_near_relative` serve publication dates
(:mod:`analysis.ingest.publication_dates`): which calendar dates a text names,
with or without a year, and whether it dates events relative to its own day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.lexicons import load as lexicons
from analysis.nlp.parsed import ParsedArticle, parsed_for
from analysis.nlp.sentences import Sentence, sentence_at, sentence_span_at
from analysis.nlp.temporal.candidates import article_candidates, find_candidates, meta_spans, not_event
from analysis.nlp.temporal.context import (
    BACKGROUND_REACH, PLACE_ANAPHOR, event_triggers, is_background, location_in, nearest_event, nearest_place,
    previous_place_start,
)
from analysis.nlp.temporal.patterns import ANNOUNCED
from analysis.nlp.temporal.resolution import numeric_date
from analysis.nlp.temporal.resolve import Resolver
from analysis.nlp.temporal.times_of_day import anchor_in_sentence
from analysis.nlp.temporal.vocabulary import month_number, safe_date, weekday_number


def find_temporal_expressions(text: str, published: date | None, *, parsed: ParsedArticle | None = None,
                              default_year: int | None = None) -> list[dict]:
    """Every expression dating a reported event, resolved against ``published``.

    Returns dicts with ``expression, start, end, date, date_min, date_max,
    part_of_day, resolution, event_type, location, sentence, background``
    (offsets into ``text``), in text order. ``parsed``: the article's shared
    parse (its sentences are reused), made here when not given.
    ``default_year``: the year of year-less dates in an article with neither a
    publication date nor a full date of its own (the corpus's year).
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected str, got {type(text).__name__}")
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published: expected datetime.date or None, got {type(published).__name__}")
    if hasattr(published, "date") and callable(published.date):  # a datetime
        published = published.date()
    found = article_candidates(text)
    if not found:
        return []
    meta = meta_spans(text)
    sentences = parsed_for(text, parsed).sentences
    resolver = Resolver(published, found, default_year)
    rows, kept, spans = [], [], []
    triggers: dict[tuple[int, int], list] = {}  # per sentence: its event triggers and places, found once
    places: dict[tuple[int, int], list] = {}
    anaphors: dict[tuple[int, int], bool] = {}
    for f in found:
        if any(s <= f.start < e for s, e in meta) or not_event(text, f.start, f.end):
            continue
        sentence = sentence_at(sentences, f.start) or Sentence(-1, f.start, f.end, text[f.start:f.end])
        row = resolver.resolve(f, sentence.text)
        if row is None:
            continue
        row["expression"] = text[f.start:f.end]
        span = (sentence.start, sentence.end)
        if span not in triggers:
            triggers[span] = event_triggers(sentence.text)
            places[span] = lexicons.gazetteer().find(text, sentence.start, sentence.end)
        row["event_type"] = nearest_event(triggers[span], f.start - sentence.start)
        row["location"] = nearest_place(places[span], f.start)
        if span not in anaphors:
            anaphors[span] = PLACE_ANAPHOR.search(sentence.text) is not None
        if row["location"] is None and anaphors[span]:
            row["location"] = location_in(text, previous_place_start(sentences, sentence), sentence.start, sentence.start)
        row["sentence"] = sentence.text
        row["background"] = is_background(text, max(sentence.start, f.start - BACKGROUND_REACH), f.start, f.end,
                                          row["date_max"], published)
        rows.append(row)
        kept.append(f)
        spans.append(span)
    return anchor_in_sentence(text, rows, kept, spans, published)


@dataclass(frozen=True)
class DatedMention:
    """A calendar-date mention (year may be missing), for publication-date checks."""

    start: int
    end: int
    expression: str
    month: int
    day: int
    year: int | None
    weekday: int | None  # the weekday written with it ("Friday, October 2"), if any
    sentence: str
    meta: bool  # in a header, byline or dateline line
    announced: bool  # in a sentence announcing something planned


def dated_mentions(text: str) -> list[DatedMention]:
    """Every calendar date written in ``text`` (no relative ones), in text order."""
    meta = meta_spans(text)
    out = []
    for f in article_candidates(text):
        m = f.match
        if f.kind in ("md", "dm"):
            month, day = month_number(m.group("month")), int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            weekday = weekday_number(m.group("weekday")) if m.group("weekday") else None
        elif f.kind == "numeric":
            d = numeric_date(m)
            if d is None:
                continue
            month, day, year, weekday = d.month, d.day, d.year, None
        else:
            continue
        if safe_date(year or 2000, month, day) is None:  # 2000 is a leap year
            continue
        sentence = sentence_span_at(text, f.start)  # only this line is split: most sentences hold no date
        sentence_text = text[sentence[0]:sentence[1]] if sentence else text[f.start:f.end]
        out.append(DatedMention(
            f.start, f.end, text[f.start:f.end], month, day, year, weekday, sentence_text,
            any(s <= f.start < e for s, e in meta), bool(ANNOUNCED.search(sentence_text)),
        ))
    return out


def has_near_relative(text: str) -> bool:
    """Whether ``text`` dates events relative to its own day (today, on Friday, ...)."""
    return any(f.kind == "weekday" or f.kind == "relative" and f.extra[0] == "pub" or f.kind == "now"
               for f in find_candidates(text))
