"""Distancing markers ("allegedly", "claimed", "so-called" ...) and whose claim they qualify.

Markers come from ``lexicons/hedges.csv`` (``marker``, ``kind``, ``role``):
``kind`` is ``distancing`` (the outlet keeps a claim at arm's length),
``uncertainty`` (unverified, reportedly, experts suggest) or ``attribution``
("according to": kept in the table, left out of hedge rates by default).
Two roles count only in context: ``what`` ("called", "described as" ...)
after "what" and its subject ("what Baku called a terrorist attack": the
claim of Baku, by the ``subject`` rule); ``scare`` (contested terms such as
"liberation", "occupation") only when the term alone stands in quotes, the
outlet's scare quotes (not flagged ``quoted``; side by rules 4-6).

The side of a marker is the side of the party whose claim it qualifies, found
by the first rule that applies, within the marker's sentence and outside quoted
speech (unless the marker itself is quoted):

0. ``denied``: "claim(s)" followed by its denier ("..., a claim Yerevan
   denied") is the claim of the sentence's earlier speaker, else of its first
   actor ("Azerbaijan said ..., a claim Yerevan denied": azerbaijani).
   ``object``: "a claim by Baku", "claims from Yerevan" are that actor's.
1. ``overlap``: an actor is part of the marker ("Experts suggest").
2. ``subject``: for reporting verbs (role ``verb``: claim, alleged ...), the
   nearest actor, or a both-sides phrase, before the verb in its clause
   ("Officials in Baku claim", "both sides claiming").
3. ``object``: for role ``prefix`` (so-called, according to) the first actor
   after the marker in its clause ("the so-called Artsakh republic").
4. ``speaker``: the attributed source of the sentence nearest the marker
   ("..., which allegedly destroyed 20 houses, Baku said"), from the
   attribution table (analysis.nlp.attribution).
5. ``preceding`` / ``following``: the nearest actor before, else after, the
   marker in the sentence.
6. ``previous``: the speaker, else the last actor, of the previous sentence
   ("He added that ... which allegedly ...").
Otherwise the side is ``unspecified``. Hedge rates per outlet and side (report 04)
are in :mod:`analysis.compare.hedges`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd

from analysis.core import schema
from analysis.nlp.attribution import CONTENT_FREE
from analysis.core.frames import iter_articles, require_frame
from analysis.lexicons.load import actors, read_lexicon
from analysis.nlp.parsed import ParsedArticle, parsed_for, parses_for
from analysis.lexicons.phrases import PhraseLexicon
from analysis.nlp.sentences import sentence_at

SIDES = ("armenian", "azerbaijani", "third_party")

HEDGE_COLUMNS = schema.descriptions("hedges")

_QUOTES = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*\"|«[^»\n]*»", re.MULTILINE)
_CLAUSE = re.compile(r"[,;:()—–]|\s-\s")
# "..., a claim Yerevan denied": the claim is not the denier's but that of the
# statement before it (the sentence's earlier speaker, else its first actor).
_DENIED_CLAIM = re.compile(
    r"(?i)claims?\s+(?:that\s+|which\s+)?(?:[\w'’.-]+\s+){1,4}?"
    r"(?:has\s+|have\s+|had\s+)?(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)\b"
)


@lru_cache(maxsize=None)
def hedge_lexicon() -> tuple[PhraseLexicon, dict[str, tuple[str, str]]]:
    """The marker lexicon and ``key -> (kind, role)``."""
    frame = read_lexicon("hedges", required=("marker", "kind", "role"))
    kinds = {"distancing", "uncertainty", "attribution"}
    roles = {"adverb", "verb", "prefix", "speaker", "what", "scare"}
    for i, (kind, role) in enumerate(zip(frame["kind"], frame["role"])):
        if kind not in kinds:
            raise ValueError(f"hedges.csv: row {i + 2}: kind {kind!r} not one of {sorted(kinds)}")
        if role not in roles:
            raise ValueError(f"hedges.csv: row {i + 2}: role {role!r} not one of {sorted(roles)}")
    keyed = pd.DataFrame({"key": frame["marker"].str.lower(), "name": frame["marker"]})
    info = {m.lower(): (k, r) for m, k, r in zip(frame["marker"], frame["kind"], frame["role"])}
    return PhraseLexicon(keyed, source="hedges.csv"), info


# role "what": the verb counts only after "what" and its subject ("what Baku called", "what it described as")
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w’'.-]+\s+){1,5}$", re.IGNORECASE)
# role "scare": the term counts only when it alone is in quotes ('the "liberation" of')
_SCARE_OPEN = re.compile(r"[“\"‘'«]$")
_SCARE_CLOSE = re.compile(r"[,.]?[”\"’'»]")
# "a claim by Baku", "claims from Yerevan", "the claims of the Azerbaijani side": the claim is that actor's
_CLAIM_BY = re.compile(r"(?i)claims?\s+(?:made\s+)?(?:by|from|of)\s+")


def _keep_marker(text: str, sentence_start: int, m, role: str):
    """The marker as counted (None when its role's context is missing; scare quotes widened)."""
    if role == "what":
        return m if _WHAT_BEFORE.search(text, max(sentence_start, m.start - 60), m.start) else None
    if role == "scare":
        if m.start == 0 or not _SCARE_OPEN.search(text, m.start - 1, m.start):
            return None
        close = _SCARE_CLOSE.match(text, m.end)
        if not close:
            return None
        start, end = m.start - 1, close.end()
        return type(m)(m.key, text[start:end], start, end)
    return m


@lru_cache(maxsize=None)
def both_sides_lexicon() -> PhraseLexicon:
    frame = read_lexicon("both_sides", required=("name",))
    return PhraseLexicon(frame.assign(key="both"), source="both_sides.csv")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (curly, straight or guillemet quotes within a paragraph)."""
    return [m.span() for m in _QUOTES.finditer(text)]


def _in_spans(starts: list[int], spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _clause_bounds(text: str, sentence, start: int, end: int) -> tuple[int, int]:
    left = sentence.start
    for m in _CLAUSE.finditer(text, sentence.start, start):
        left = m.end()
    right_match = _CLAUSE.search(text, end, sentence.end)
    return left, (right_match.start() if right_match else sentence.end)


def _pick(cands, lo, hi, nearest_to=None, before=True):
    inside = [c for c in cands if lo <= c[2] and c[3] <= hi]
    if not inside:
        return None
    return max(inside, key=lambda c: c[2]) if before else min(inside, key=lambda c: c[2])


def _actor_candidates(text: str, opaque, quotes, qstarts) -> list[tuple]:
    """Actors and "both sides" phrases as (name, side, start, end, quoted), in text order."""
    cands = [(name, side, s, e, _in_spans(qstarts, quotes, s))
             for name, side, s, e in actors().mentions(text)]
    cands += [(m.written, "both", m.start, m.end, _in_spans(qstarts, quotes, m.start))
              for m in both_sides_lexicon().find(text, opaque)]
    return sorted(cands, key=lambda c: c[2])


def _speakers(attributions: list[dict] | None, parsed: ParsedArticle) -> list[tuple]:
    """Speakers with content and a side, as actor candidates, from ``attributions`` or the parse."""
    if attributions is None:
        attributions = [{"source": a.source, "side": a.side, "start": a.start, "end": a.end, "kind": a.kind}
                        for a in parsed.attributions]
    return sorted(
        ((a.get("source") or "", a["side"], a["start"], a["end"], False) for a in attributions
         if a.get("side") in SIDES and a.get("kind") not in CONTENT_FREE),
        key=lambda c: c[2],
    )


def find_hedges(text: str, attributions: list[dict] | None = None, *, parsed: ParsedArticle | None = None) -> list[dict]:
    """Hedge markers in ``text`` with side, basis and sentence (dicts with HEDGE_COLUMNS fields).

    ``attributions``: optional dicts with ``start``, ``end``, ``side``, ``source``
    and optionally ``kind`` (offsets into ``text``) used as sentence speakers; when None they are
    found with :func:`analysis.nlp.attribution.find_attributions` (taken from
    ``parsed``, the article's shared parse, when given).
    """
    lexicon, info = hedge_lexicon()
    parsed = parsed_for(text, parsed)
    opaque = parsed.opaque
    markers = lexicon.find(text, opaque)
    if not markers:
        return []
    sentences = parsed.sentences
    quotes = quote_spans(text)
    qstarts = [s for s, _ in quotes]
    cands = _actor_candidates(text, opaque, quotes, qstarts)
    speakers = _speakers(attributions, parsed)
    found = []
    for m in markers:
        kind, role = info[m.key]
        sentence = sentence_at(sentences, m.start)
        if sentence is None:
            continue
        if role in ("what", "scare"):
            m = _keep_marker(text, sentence.start, m, role)
            if m is None:
                continue
        quoted = role != "scare" and _in_spans(qstarts, quotes, m.start)
        in_sent = [c for c in cands if sentence.start <= c[2] < sentence.end and (quoted or not c[4])]
        lo, hi = _clause_bounds(text, sentence, m.start, m.end)
        pick, basis = None, "none"
        overlap = [c for c in in_sent if c[2] < m.end and m.start < c[3]]
        if m.key in ("claim", "claims") and _DENIED_CLAIM.match(text, m.start, sentence.end):
            said = [c for c in speakers if sentence.start <= c[2] < m.start]
            named = [c for c in in_sent if c[2] < m.start]
            if said or named:
                pick, basis = (said[-1] if said else named[0]), "denied"
        if pick is None and m.key in ("claim", "claims"):
            by = _CLAIM_BY.match(text, m.start, sentence.end)
            if by:
                after = [c for c in in_sent if by.end() <= c[2] <= by.end() + 30 and c[3] <= hi]
                if after:
                    pick, basis = after[0], "object"
        if pick is None and overlap:
            pick, basis = overlap[0], "overlap"
        elif pick is None and role in ("verb", "what"):
            pick, basis = _pick(in_sent, lo, m.start), "subject"
        elif pick is None and role == "prefix":
            pick, basis = _pick(in_sent, m.end, hi, before=False), "object"
        if pick is None:
            spoken = [c for c in speakers if sentence.start <= c[2] < sentence.end]
            if spoken:
                pick, basis = min(spoken, key=lambda c: abs(c[2] - m.start)), "speaker"
        if pick is None:
            pick, basis = _pick(in_sent, sentence.start, m.start), "preceding"
        if pick is None:
            pick, basis = _pick(in_sent, m.end, sentence.end, before=False), "following"
        if pick is None and sentence.index > 0:
            prev = sentences[sentence.index - 1]
            spoken = [c for c in speakers if prev.start <= c[2] < prev.end]
            prev_cands = spoken or [c for c in cands if prev.start <= c[2] < prev.end and not c[4]]
            if prev_cands:
                pick, basis = prev_cands[-1], "previous"
        if pick is None:
            basis = "none"
        found.append({
            "marker": m.written, "key": m.key, "kind": kind,
            "side": pick[1] if pick else "unspecified", "actor": pick[0] if pick else "",
            "basis": basis, "quoted": quoted, "sentence_index": sentence.index,
            "sentence": sentence.text, "start": m.start, "end": m.end,
        })
    return found


def hedges_table(articles: pd.DataFrame, attributions: pd.DataFrame | None = None, *, parsed=None) -> pd.DataFrame:
    """Every hedge marker with its side and sentence (columns: ``HEDGE_COLUMNS``).

    ``attributions``: optional source mentions (article_id, start, end, side,
    source, and kind if known), e.g. the sources table, used as speakers
    (contact mentions, "X talked to Y", are not).
    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return hedges_frame(hedge_rows(articles, attributions, parsed=parsed))


def hedges_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The hedges table from :func:`hedge_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("hedges", rows)


def hedge_rows(articles: pd.DataFrame, attributions: pd.DataFrame | None = None, *, parsed=None) -> list[dict]:
    """The records of :func:`hedges_table`, for building it chunk by chunk."""
    by_article: dict = {}
    if attributions is not None:
        require_frame(attributions, ("article_id", "start", "end", "side", "source"), "attributions")
        fields = ["article_id", "start", "end", "side", "source"] + (["kind"] if "kind" in attributions else [])
        for rec in attributions[fields].to_dict("records"):
            by_article.setdefault(rec["article_id"], []).append(rec)
    rows = []
    parses = parses_for(articles["text"], parsed)
    for (article_id, outlet, text), parse in zip(iter_articles(articles), parses):
        for h in find_hedges(text, by_article.get(article_id), parsed=parse):
            rows.append({"article_id": article_id, "outlet": outlet, **h})
    return rows
