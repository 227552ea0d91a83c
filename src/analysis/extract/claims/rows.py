"""Claims as rows: :func:`extract_claims` runs the stages on one article, :func:`claims_table` on many.

The stages: candidates (:mod:`.candidates`), claimant and clause (here; a
headline's figure with no source of its own takes the claimant of the body
sentence that gives it, :func:`.roles.headline_source`), group
(:mod:`.groups`), side and place (:mod:`.sides`), scope (:mod:`.scope`), then
the rows, without headline restatements and repeated figures.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from analysis.core import schema
from analysis.core.values import PARTIES
from analysis.extract.claims.candidates import OUTCOME_OF_FIGURE_BEFORE, OUTCOME_OF_SAME_SENTENCE, Candidate, find_candidates
from analysis.extract.claims.groups import assign_groups
from analysis.extract.claims.layout import clause, found_before, furniture_spans, in_spans, is_heading, on_furniture_like_line, previous_sentence
from analysis.extract.claims.roles import headline_source, is_own_reporter
from analysis.extract.claims.rules import Rules, rules
from analysis.extract.claims.scope import scope
from analysis.extract.claims.sides import assign_sides_and_places, names_no_party
from analysis.ingest.outlets import outlets
from analysis.lexicons import load as lexicons
from analysis.nlp.attribution import attribution_at
from analysis.nlp.source_side import PLACE_COUNTRY_SIDE, source_side
from analysis.nlp.parsed import ParsedArticle, parsed_for, parses_for
from analysis.nlp.quantities import INTERVAL_CONVENTION
from analysis.nlp.sentences import Sentence

VAGUE_INTERVALS_DOC = INTERVAL_CONVENTION
"""What ``count_low``/``count_high`` hold for qualified and vague figures (:data:`analysis.nlp.quantities.INTERVAL_CONVENTION`)."""

COLUMNS = schema.descriptions("claim_rows")


def extract_claims(text: str, published: date | None = None, *, parsed: ParsedArticle | None = None,
                   outlet: str | None = None) -> list[dict]:
    """Every casualty claim in one article's normalized ``text``, in text order.

    Each dict has the claim fields of :data:`COLUMNS` from ``count`` to
    ``end`` (``published`` is accepted for the interface; scope and claims do
    not depend on it yet). ``parsed``: the article's shared parse (sentences
    and attributions are reused), made here when not given. ``outlet``: the
    article's outlet; when it is a party's body (a ministry, an ombudsman), its
    own-voice figures speak for that party ("our Armed Forces", see :func:`party_body`).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims: text must be str, got {type(text).__name__}")
    r = rules()
    parsed = parsed_for(text, parsed)
    sentences = parsed.sentences
    cands = find_candidates(text, sentences)
    if not cands:
        return []
    claims = _attributed(r, text, sentences, cands, parsed.attributions)
    voice = party_body(outlet)
    if voice is not None:
        for c in claims:
            if c.claimant_side == "outlet":
                c.voice = voice
    home = outlet_party(outlet)
    if home is not None:  # "Prosecutor General's Office: ..." on AZERTAC: a body of no named country is the outlet's own
        for c in claims:
            if c.claimant and c.claimant_side is None and _BODY_WORDS.search(c.claimant):
                c.claimant_side = home
    assign_groups(r, text, claims, sentences)
    assign_sides_and_places(r, text, sentences, claims, parsed.attributions)
    rows = _drop_headline_restatements(_rows(r, text, sentences, claims))
    rows = _drop_restatements(rows)
    for row in rows:
        row.pop("_heading", None)
        row.pop("_head", None)
    return rows


_DIGIT = re.compile(r"\d")
_SUBSET = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$", re.IGNORECASE)
# "12 were killed, bringing the total number of dead to 230": the total goes on from the figure before it.
_BRINGING = re.compile(r"\b(?:bringing|raising|taking|increasing|pushing|lifting)\s+(?:the|its|their|this)\b", re.IGNORECASE)


def _attributed(r: Rules, text: str, sentences: list[Sentence], cands: list[Candidate], atts) -> list[Candidate]:
    """The candidates that are claims, with their clause and claimant: not speculation
    ("may have killed"), not in page furniture (a related story's headline), not a breakdown of the figure before ("including three children");
    "bringing the total to N" takes the outcome and victims of the figure before it, "N are among the
    victims" its outcome."""
    kept: list[Candidate] = []
    in_sentence: dict[int, list[Candidate]] = {}  # the kept claims of each sentence (a scan of all was quadratic)
    for c in cands:
        s = c.sentence
        if found_before(r.speculation, text, s.start, c.q.start, s.end) or \
                (on_furniture_like_line(text, c.ev_start) and in_spans(furniture_spans(text), c.ev_start)):
            continue  # "may have killed"; a figure in a related story's headline or a reader's comment
        if c.outcome == OUTCOME_OF_SAME_SENTENCE:
            earlier = in_sentence.get(s.index, [])
            if not earlier or (c.for_side and _DIGIT.search(text, earlier[-1].ev_end, c.q.start)):
                continue  # "... died and 40 houses burned, 25 on the X side": the figure right before is no claim
            c.outcome = earlier[-1].outcome
            c.increment = False
            if c.for_side:  # its own side ("on the Armenian side", "from each side"), not the claim's before it
                c.victim = c.victim + " " + earlier[-1].head if earlier[-1].head else c.victim
            else:
                c.victim = c.victim + " " + earlier[-1].victim
                c.totals = earlier[-1]
        if c.totals is None and c.outcome != OUTCOME_OF_SAME_SENTENCE:
            before = [o for o in in_sentence.get(s.index, ()) if o.ev_end <= c.q.start]
            if before and _BRINGING.search(text, before[-1].ev_end, c.q.start):
                c.totals = before[-1]
        if c.outcome == OUTCOME_OF_FIGURE_BEFORE:  # "six children are among the victims": the victims of the figure before
            earlier = [*in_sentence.get(s.index - 1, ()), *in_sentence.get(s.index, ())]
            c.outcome = earlier[-1].outcome if earlier else "casualties"
        if c.parent is None and _SUBSET.search(text, max(s.start, c.q.start - 20), c.q.start):
            continue  # after "including" only a breakdown read with its figure (candidates) is a claim
        c.clause = clause(text, s, c.q.start, c.ev_end)
        att = attribution_at(atts, s.index, c.q.start)
        if att is None and is_heading(text, s):
            att = headline_source(text, sentences, atts, c)  # a headline copy takes the body's claimant
        if att is None and found_before(_REPORT_ANAPHOR, text, s.start, c.q.start, s.end):
            att = _earlier_source(atts, s.index)  # "According to the report, ...": the source named just before
        if att is not None and is_own_reporter(att.source):
            att = None  # "our correspondent in Stepanakert confirmed": the outlet's own reporting
        c.claimant = att.source if att else None
        c.claimant_side = att.side if att else "outlet"
        if att is not None and att.side is None:
            c.claimant_side = _claimant_side_from_context(text, sentences, s, att, kept)
        if c.gapped and c.gapped_from is not None and c.gapped_from.claimant is not None:
            c.claimant, c.claimant_side = c.gapped, source_side(c.gapped)  # "A reported 25 deaths, B 19": B reported 19
        kept.append(c)
        in_sentence.setdefault(s.index, []).append(c)
    return kept


# "According to the report, ...", "The report said ...": a statement named before, with no source of its own here.
_REPORT_ANAPHOR = re.compile(
    r"\b(?:according\s+to\s+(?:the|this|that)\s+(?:report|statement|newspaper|paper|publication|bulletin|message|data)"
    r"|(?:the|this|its)\s+(?:report|statement|newspaper|paper|publication|bulletin|message|investigation|research|"
    r"organi[sz]ation|group|observatory|watchdog|monitor|researchers|investigators)\s+(?:has\s+|have\s+|also\s+)?"
    r"(?:said|says|added|adds|noted|notes|stated|states|reported|reports|claimed|claims|wrote|writes|"
    # "The report looked at 12 of these shellings, which killed 15": the body that wrote the report, named just before
    r"examined|examines|documented|documents|found|finds|recorded|records|identified|counted|lists|listed|shows|showed))\b",
    re.IGNORECASE)
_ANAPHOR_SENTENCES = 3  # sentences back in which the source of "the report" is looked up


def _earlier_source(atts, index: int):
    """The last source credited in the few sentences before sentence ``index`` (contact mentions skipped)."""
    best = None
    for a in atts:
        if index - _ANAPHOR_SENTENCES <= a.sentence_index < index and a.kind != "contact":
            if best is None or a.start > best.start:
                best = a
    return best


# "the country's Defense Ministry", "the territory's defence ministry": a body of the place the text speaks of
_PLACE_POSSESSIVE = re.compile(r"^(?:the\s+)?(?:country|nation|territory|region|republic|enclave|state)(?:’s|'s)\s", re.IGNORECASE)
_SPELLING = {"defence": "defense"}
_PERSON = re.compile(r"(?:[A-Z][a-zà-ÿ’'\-]+\s+){1,2}[A-Z][a-zà-ÿ’'\-]+")  # "Artur Sargsyan"
_TITLE_REACH = 90  # characters before a person's first mention in which their title may name a party


def _body_key(source: str) -> tuple[str, ...]:
    words = [_SPELLING.get(w, w) for w in re.findall(r"[a-z]+", source.lower())]
    return tuple(words[-2:])


def _claimant_side_from_context(text: str, sentences: list[Sentence], s: Sentence, att, kept: list[Candidate]) -> str | None:
    """The side of a claimant whose own words name none: "the country's ministry" is of the party named first
    in its sentence (else the sentence before); a bare body ("the Defence Ministry") is of an earlier claimant
    of the article with the same head words ("Azerbaijan's Defence Ministry"); else unknown (None)."""
    if _PLACE_POSSESSIVE.match(att.source):
        spans = [(s.start, att.start)] + ([(sentences[s.index - 1].start, sentences[s.index - 1].end)]
                                          if 0 < s.index < len(sentences) else [])
        for lo, hi in spans:
            for _, side, _, _ in lexicons.actors().mentions(text[lo:hi]):
                if side in ("armenian", "azerbaijani"):
                    return side
        return None
    if _PERSON.fullmatch(att.source):  # "Chief of Staff of the X Army, General Y Z said": the title before the name
        first = text.find(att.source)
        lo = max(0, first - _TITLE_REACH, text.rfind("\n", 0, first) + 1)
        for _, side, _, _ in reversed(lexicons.actors().mentions(text[lo:first])):
            if side in ("armenian", "azerbaijani"):
                return side
    key = _body_key(att.source)
    if len(key) < 2:
        return None
    for k in reversed(kept):
        if k.claimant and k.claimant_side not in (None, "outlet") and _body_key(k.claimant) == key:
            return k.claimant_side
    return _side_of_earlier_mention(text, att, key)


_OWNER_REACH = 40  # characters around an earlier mention of a body in which its owner may be named


def _side_of_earlier_mention(text: str, att, key: tuple[str, ...]) -> str | None:
    """A bare body ("the Defence Ministry said") named earlier in the article with its party ("Azerbaijan's
    Defence Ministry", "the Defence Ministry of Armenia"), nearest first; None when no mention names one."""
    body = re.compile(r"\b" + r"\W+".join(re.escape(w) if w != "defense" else "defen[cs]e" for w in key) + r"\b", re.IGNORECASE)
    mentions = [m for m in body.finditer(text, 0, att.start)]
    for m in reversed(mentions):
        around = text[max(0, m.start() - _OWNER_REACH):m.end() + _OWNER_REACH]
        sides = {side for _, side, _, _ in lexicons.actors().mentions(around) if side in PARTIES}
        if len(sides) == 1:
            return sides.pop()
    return None


def _rows(r: Rules, text: str, sentences: list[Sentence], claims: list[Candidate]) -> list[dict]:
    """One row per claim, with its scope and whether it stands in a heading (``_heading``)."""
    memo: dict = {}
    rows = []
    first: dict[int, int] = {}  # per sentence, its first claim's start
    for c in claims:
        first[c.sentence.index] = min(first.get(c.sentence.index, c.ev_start), c.ev_start)
    last: Candidate | None = None
    for c in claims:
        if c.increment and last is not None and last.outcome != c.outcome and c.sentence.index - last.sentence.index <= 1 \
                and _MORE_ONLY.match(text, c.q.end):
            c.increment = False  # "... 31 deaths. Hundreds more have been wounded": more than the dead, not an addition
        last = c
        prev_in_sentence = first[c.sentence.index] < c.ev_start
        sc = scope(r, text, c, prev_in_sentence, previous_sentence(text, sentences, c.sentence), memo)
        q = c.q
        sides = ["both"] if sc == "cumulative" and names_no_party(text, c) else [c.side]
        if sides[0] in ("both", "unspecified") and (_EACH_BEFORE.search(text, max(c.sentence.start, q.start - _EACH_REACH), q.start)
                                                  or _EACH_AFTER.match(text, c.ev_end)):
            sides = list(PARTIES)  # "each side has lost about 2,000 people": a figure for each party
        for side in sides:
            rows.append(_row(text, c, q, side, sc))
    return rows


# "each side has lost N", "N soldiers each": the same figure for each of the two parties
_EACH_BEFORE = re.compile(r"\beach\s+(?:side|party|army|of\s+the\s+(?:two\s+)?(?:sides|parties|armies|belligerents))\b"
                          r"(?:(?!\b(?:says?|said|claims?|claimed|reports?|reported|and|but)\b)[^.;:!?\d])*$",  # not "each side says"
                          re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s+each\b(?!\s+(?:day|week|month|year|night|time|other)\b)|(?<=\beach\sside)", re.IGNORECASE)
_EACH_REACH = 80


def _row(text: str, c: Candidate, q, side: str, sc: str) -> dict:
    """One claim's row, with the victim side given (a figure "for each side" gives one row per party)."""
    return {
        "count": q.count, "count_low": q.low, "count_high": q.high, "qualifier": q.qualifier, "vague": q.vague,
        "outcome": c.outcome, "group": c.group, "side": side, "scope": sc,
        "claimant": c.claimant, "claimant_side": c.claimant_side, "location": c.location,
        "evidence": text[c.ev_start:c.ev_end], "sentence": c.sentence.text,
        "start": c.ev_start, "end": c.ev_end,
        "_heading": is_heading(text, c.sentence), "_head": (c.head or "").lower(),
    }


_MORE_ONLY = re.compile(r"\s+more\b(?!\s+than)", re.IGNORECASE)


def _drop_headline_restatements(rows: list[dict]) -> list[dict]:
    """A headline restating the body is not a claim: drop a heading claim when
    the body has one with the same outcome and the heading is vague or gives
    the same count."""
    body = [r for r in rows if not r["_heading"]]
    out = []
    for row in rows:
        if row["_heading"]:
            compatible = [b for b in body if b["outcome"] == row["outcome"]
                          or row["outcome"] == "casualties" and b["outcome"] in ("killed", "wounded")]
            if any(row["vague"] is not None or b["count"] == row["count"] for b in compatible):
                continue
        out.append(row)
    return out


def _same_person(kept: dict, row: dict) -> bool:
    """Two figures of one may be one person told twice only when they name the victim alike ("a boy was
    wounded ... the boy died"): "a neighbour's boy died. My aunt was hurt" are two."""
    if kept["count"] != 1 or kept["vague"] is not None:
        return True
    a, b = kept.get("_head") or "", row.get("_head") or ""
    return not a or not b or a == b


def _drop_restatements(rows: list[dict]) -> list[dict]:
    """The same figure restated by the same claimant is one claim (first kept). A restatement may name the
    victims less precisely ("13 civilians were killed ... the strike killed 13 people"): an unspecified group
    matches any, and the kept claim takes the more precise group."""
    seen: dict[tuple, list[dict]] = {}
    out = []
    for row in rows:
        key = (row["count"], row["vague"], row["outcome"], row["side"], (row["claimant"] or "").lower())
        loose = row["count"] is not None and row["count"] > 1  # vague figures and people without a numeral may be others
        same = [k for k in seen.get(key, []) if (k["group"] == row["group"]
                or loose and "unspecified" in (k["group"], row["group"])) and _same_person(k, row)]
        if same:
            if same[0]["group"] == "unspecified":
                same[0]["group"] = row["group"]
            continue
        seen.setdefault(key, []).append(row)
        out.append(row)
    return out


# Words that make an outlet a body of a party rather than a news outlet ("Ministry of Foreign Affairs of Armenia").
_BODY_WORDS = re.compile(r"\b(?:ministry|ministries|mfa|mod|ombudsman|human\s+rights\s+defender|commissioner|government|"
                         r"president|presidential|office|embassy|mission|parliament|national\s+assembly|prosecutor|"
                         r"committee|administration|headquarters|information\s+cent(?:er|re)|press\s+service|army)\b",
                         re.IGNORECASE)


def outlet_party(outlet) -> str | None:
    """The party of the country of an outlet of ``lexicons/outlets.csv`` (Armenia, Azerbaijan), else None."""
    if not isinstance(outlet, str) or not outlet.strip():
        return None
    lexicon = outlets()
    country = lexicon.countries.get(lexicon.canonical(outlet) or "", "")
    side = PLACE_COUNTRY_SIDE.get(country.strip().lower())
    return side if side in PARTIES else None


def party_body(outlet) -> str | None:
    """The party whose body ``outlet`` is ("Ministry of Defense of Azerbaijan" -> azerbaijani), else None: a news
    outlet, a third party's body or an unknown outlet speak for no party."""
    if not isinstance(outlet, str) or not _BODY_WORDS.search(outlet):
        return None
    sides = {side for _, side, _, _ in lexicons.actors().mentions(outlet)}
    return next(iter(sides)) if len(sides) == 1 and sides <= set(PARTIES) else None


def claims_table(articles: pd.DataFrame, parsed=None) -> pd.DataFrame:
    """Claims of every article: one row per claim, columns :data:`COLUMNS`.

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return claims_frame(claim_rows(articles, parsed))


def claim_rows(articles: pd.DataFrame, parsed=None) -> list[dict]:
    """The records of :func:`claims_table`, for building it chunk by chunk."""
    need = ("article_id", "outlet", "published", "text")
    missing = [c for c in need if c not in articles.columns]
    if missing:
        raise ValueError(f"claims_table: articles is missing column(s) {', '.join(missing)}")
    rows = []
    parses = parses_for(articles["text"], parsed)
    for aid, outlet, published, text, parse in zip(articles["article_id"], articles["outlet"], articles["published"],
                                                   articles["text"], parses):
        if not isinstance(text, str):
            raise ValueError(f"claims_table: article {aid!r} has no text (got {type(text).__name__})")
        for claim in extract_claims(text, published, parsed=parse, outlet=outlet):
            rows.append({"article_id": aid, "outlet": outlet, "published": published, **claim})
    return rows


def claims_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The claims table from :func:`claim_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("claim_rows", rows)
