"""Temporal expressions in news text, resolved to calendar dates.

News text dates events relative to the day it was published ("on Friday",
"late Thursday evening", "moments ago", "just six days earlier", "earlier this
month"). Off-the-shelf parsers misread these ("Sept. 27" as 12 September, "may
the" as 12 May, "on Sunday" in the future), so this is a small rule-based
resolver. One regex pass per article finds candidate expressions; overlapping
candidates keep the longest; they are then resolved in text order so that
anaphoric ones ("six days earlier", "earlier in the evening") can lean on the
last date the article gave.

Not event dates: bare years and durations ("since 1992", "for 30 years",
"in the 1990s", "born in 1967"), birth dates, day counts ("for the sixth
day"), dates inside web addresses and @handles, titles named after a day ("The
Sunday Times", "USA Today", "Today.az"), and the publication date itself in a
header, byline or dateline line.

Modules, in the order the work flows:

- ``vocabulary``: month names (``lexicons/months.csv``), weekdays, number words;
- ``patterns``: one regular expression per kind of expression;
- ``candidates``: the candidates of a text and the spans that date no event;
- ``resolution``, ``calendar_dates``, ``relative_dates``, ``resolve``: the
  resolution rules, one resolver per kind of expression;
- ``context``: the event type, the place and the background flag of the
  sentence around a date;
- ``expressions``: the entry points, every dated event of an article
  (:func:`~analysis.nlp.temporal.expressions.find_temporal_expressions`; the
  events table is :mod:`analysis.extract.events`) and the calendar dates a
  text names (:func:`~analysis.nlp.temporal.expressions.dated_mentions`, for
  publication dates).
"""
