"""What the sentence around a date says: the event type, the place, and whether the date is background.

The event type comes from the trigger lexicon (``lexicons/event_triggers.csv``:
``trigger``, ``event_type``, ``priority``), the place from the gazetteer; both
take the mention nearest the date, preferring specific triggers and
settlements over generic ones and regions.

Background: an expression dating the onset of an ongoing state, not a
reported event. "Since September 27" (a duration cue) is always background;
"the fighting, which started on September 27" (an onset cue) is background
once the onset lies more than :data:`ONSET_NEWS_DAYS` before publication. The
cues are data, ``lexicons/background_cues.csv`` (``cue``, ``kind``: duration
or onset).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from analysis.lexicons import load as lexicons
from analysis.lexicons.load import read_lexicon
from analysis.nlp.sentences import Sentence


@lru_cache(maxsize=None)
def _trigger_lexicon() -> tuple[re.Pattern, dict[str, tuple[str, int]], int]:
    """The pattern of every trigger, trigger key -> (event type, priority), and the speech-act priority (the highest)."""
    frame = read_lexicon("event_triggers", required=("trigger", "event_type", "priority"))
    bad = frame.index[~frame["priority"].str.strip().str.isdigit()]
    if len(bad):
        raise lexicons.LexiconError(f"event_triggers.csv: row {int(bad[0]) + 2}: priority must be a whole number")
    info = {
        lexicons.name_key(t): (e.strip(), int(p))
        for t, e, p in zip(frame["trigger"], frame["event_type"], frame["priority"])
    }
    ordered = sorted(set(frame["trigger"]), key=lambda n: (-len(n), n))
    alternation = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for n in ordered)
    speech = max(p for _, p in info.values())
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), info, speech


_PRIORITY_PENALTY = 25  # characters of distance one priority step is worth

COMBAT_PRIORITY = 2
"""Event types of this priority or lower (event_triggers.csv: 1 weapon-specific, 2 other combat) are combat."""


def combat_event_types() -> frozenset:
    """Event types the trigger lexicon ranks as combat (priority <= :data:`COMBAT_PRIORITY`)."""
    return frozenset(event for event, priority in _trigger_lexicon()[1].values() if priority <= COMBAT_PRIORITY)


def event_type_in(sentence: str, at: int = 0) -> str | None:
    """The event type of the sentence: the trigger nearest ``at``.

    A lower-priority (more generic) trigger counts as ``_PRIORITY_PENALTY``
    characters further away per step; speech acts ("said") are used only when
    the sentence has no other trigger.
    """
    return nearest_event(event_triggers(sentence), at)


def event_triggers(sentence: str) -> list[tuple[int, int, str, int]]:
    """``(start, end, event_type, priority)`` of every trigger in ``sentence``."""
    pattern, info, _ = _trigger_lexicon()
    return [(m.start(), m.end(), *info[lexicons.name_key(m.group(0))]) for m in pattern.finditer(sentence)]


def nearest_event(triggers: list[tuple[int, int, str, int]], at: int) -> str | None:
    """:func:`event_type_in` from the sentence's triggers."""
    speech = _trigger_lexicon()[2]
    best = None
    for start, end, event, priority in triggers:
        distance = start - at if start >= at else at - end
        key = (priority == speech, abs(distance) + _PRIORITY_PENALTY * (priority - 1))
        if best is None or key < best[0]:
            best = (key, event)
    return best[1] if best else None


_SPECIFIC_KINDS = frozenset({"city", "town", "village", "district", "province"})


def location_in(text: str, start: int, end: int, at: int) -> str | None:
    """The gazetteer place in ``text[start:end]`` nearest ``at``, settlements before regions."""
    return nearest_place(lexicons.gazetteer().find(text, start, end), at)


def nearest_place(mentions: list[lexicons.PlaceMention], at: int) -> str | None:
    """:func:`location_in` from the place mentions of the span."""
    gazetteer = lexicons.gazetteer()
    best = None
    for mention in mentions:
        general = gazetteer.kind.get(mention.place) not in _SPECIFIC_KINDS
        distance = abs(mention.start - at)
        key = (general, distance)
        if best is None or key < best[0]:
            best = (key, mention.place)
    return best[1] if best else None


# "another strike had hit the city": the place is the one named just before.
PLACE_ANAPHOR = re.compile(r"(?i)\b(?:the|that|this|same)\s+(?:city|town|village|settlement|region|district)\b")


def previous_place_start(sentences: list[Sentence], sentence: Sentence, back: int = 4) -> int:
    """Start offset of the sentence ``back`` sentences before ``sentence``."""
    index = max(0, sentence.index - back) if sentence.index >= 0 else 0
    return sentences[index].start if sentences else sentence.start


# ------------------------------------------------------------ background

BACKGROUND_REACH = 40
"""Characters before an expression where its cue may stand."""
ONSET_NEWS_DAYS = 7
"""An onset ("fighting erupted on Friday") at most this many days before publication is news (a late
report is still a report); further back ("the fighting, which started on September 27") it recalls the
start of an ongoing state and is background."""


@lru_cache(maxsize=None)
def _background_cues() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Per kind of cue (background_cues.csv: duration, onset): the cue opening an expression, and ending right before one."""
    frame = read_lexicon("background_cues", required=("cue", "kind"))
    bad = sorted(set(frame["kind"].str.strip()) - {"duration", "onset"})
    if bad:
        raise lexicons.LexiconError(f"background_cues.csv: unknown kind(s) {bad}; use duration or onset")
    patterns = {}
    for kind, group in frame.groupby(frame["kind"].str.strip()):
        cues = lexicons.alternation(list(group["cue"].str.strip()))
        patterns[kind] = (re.compile(rf"(?:{cues})\b", re.IGNORECASE),
                          re.compile(rf"\b(?:{cues})(?:\s+(?:on|in|at|during|around))*\s*$", re.IGNORECASE))
    return patterns


def is_background(text: str, lo: int, start: int, end: int, latest: date | None = None,
                  published: date | None = None) -> bool:
    """Whether the expression ``text[start:end]`` dates an event as background, not as news.

    A duration cue ("Since September 27") always makes it background; an
    onset cue ("the fighting, which started on September 27") when the
    event's ``latest`` date is more than :data:`ONSET_NEWS_DAYS` before
    ``published`` (a war that "broke out on Sunday" is Monday's news). The
    cue opens the expression or ends right before it within ``text[lo:start]``.
    """
    for kind, (opening, before) in _background_cues().items():
        if opening.match(text, start, end) is None and before.search(text, lo, start) is None:
            continue
        if kind == "duration":
            return True
        if latest is not None and published is not None and (published - latest).days > ONSET_NEWS_DAYS:
            return True
    return False

