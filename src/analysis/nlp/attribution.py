"""Who says what: the sources an article quotes or cites, sentence by sentence.

Shared by casualty claims (the claimant of a figure) and framing (the sources
an outlet relies on). Rule based, one regex pass per article over the verbs of
saying plus "according to" and "a statement by"; word lists live in
``lexicons/attribution.yaml`` (:mod:`analysis.nlp.source_words`). Handled forms:

- “...,” said X / “...,” X said / X said, “...” (a quote gives one attribution
  per sentence it covers); “...,” he said (pronoun -> last named speaker);
- X said/told/claimed/reported/announced/... (that) ...; Officials in Baku claim ...;
- ..., reported the Y ministry; according to X; a statement by X; X's statement;
- X talked to / spoke with / phoned / called / met Y (kind ``contact``): X is a
  voice of the article, but is credited with no content, so it is never a claimant;
- X, quoted by TASS, said / X, speaking in Baku, said (a parenthetical is skipped);
  X was quoted (by Y) as saying; a statement released/issued by X;
  the press service of the X ministry reported;
- X said on Facebook: “...” (a short lead-in before the quote);
- "X, a spokesman for Y, said Armenian forces shelled ...": a comma before the
  verb makes "said Z" an inversion only when Z ends the clause;
- "This was stated by X" (also credits the sentence before), "It is emphasized
  that ..." (the speaker just named), "according to information provided by X",
  "X (Nagorno-Karabakh) reported";
- across sentences (:func:`find_attributions` last step): a quotation going on
  after its speaker's sentence, a sentence between two credits of one source,
  a speaker's label opening a line ("Name, a resident of X: ...").

:func:`attribution_at` lets a news agency that passes a report on give way to
the source it cites.

Where a source phrase begins and ends is :mod:`analysis.nlp.source_phrases`;
the side of a source is decided in one place,
:func:`analysis.nlp.source_side.source_side`, which claims and framing both use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from analysis.core.values import PARTIES
from analysis.lexicons import load as lexicons
from analysis.nlp.sentences import Sentence, sentence_at, split_sentences
from analysis.nlp.source_phrases import phrase_after, subject_before, tokens
from analysis.nlp.source_side import PLACE_COUNTRY_SIDE, side_in_phrase, source_side
from analysis.nlp.source_words import bare, clean_source, head_noun, in_source_phrase, name_in, source_words

KINDS = ("quote", "said", "according_to", "relayed", "reported_by", "statement", "contact", "label")
"""Every attribution kind this module gives (declared again as ``attribution_kinds`` in ``core/tables.yaml``)."""

CONTENT_FREE = frozenset({"contact"})
"""Attribution kinds that make a source a voice without crediting it with the sentence's content."""


@dataclass(frozen=True)
class Attribution:
    """A source the text credits with the content of one sentence."""

    source: str  # name or body as written, leading article dropped
    side: str | None  # armenian / azerbaijani / third_party, None if unknown
    kind: str  # quote, said, according_to, reported_by, statement, contact (see CONTENT_FREE)
    start: int  # offsets of the source mention in the text
    end: int
    sentence_index: int  # the sentence whose content is attributed


_QUOTE_SPAN = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"")
_CLOSE_BEFORE = re.compile(r"[”\"][,.]?\s*$")
_OPEN_AFTER = re.compile(r"^[,:]?\s*[“\"]")
# After "X said"/"X told": the rest of a source phrase that is followed by a verb or
# an object, so "..., said Armenian forces shelled" is not an inverted "said X".
_CLAUSE_GOES_ON = re.compile(
    r"\s+(?!(?:in|on|at|to|during|via|from|after|before|late|early|earlier|later|last|this|on|citing|adding|"
    r"quoted|told|when|while|as|who|which|and|but|of|for|with|by|through|over|under|according)\b)[a-z]")
# Contact verbs that are also plural nouns: a verb only before "to"/"with" ("Putin talks with Erdogan").
_NOUN_TOO = frozenset({"talks", "calls"})
_TO_WITH = re.compile(r"\s+(?:to|with)\b")
# "was quoted (by TASS) as saying", before the verb "quoted"
_PASSIVE_QUOTED = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+$")
# "said on Facebook: “", "told reporters in Baku, “": a short lead-in, then a quote
_LEAD_IN = re.compile(r"(?:[^“”\"\n.;:]{1,80}?:|\s+(?:on|in|at|to|during|via|from|after|before|through|over|"
                      r"reporters|journalists|parliament|lawmakers)\b[^“”\"\n.;:,]{0,60}?,)\s*[“\"]")
# "was stated by X": a passive verb of saying with its agent; "This was stated by X" refers back.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+$")
_BY = re.compile(r"\s+by\s+")
_IN_REPORT_OF = re.compile(r"\s+in\s+(?:the|a|an)\s+(?:latest\s+|new\s+|daily\s+|interim\s+)?(?:study|report|statement|"
                           r"bulletin|update|message|briefing)\s+(?:of|by|from)\s+", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\W*(?:this|that|it|these|the\s+(?:information|news|figures?|data))\b", re.IGNORECASE)
_IMPERSONAL = re.compile(r"\W*(?:it|this)\s+(?:is|was|has\s+been)\s+(?:also\s+)?$", re.IGNORECASE)
_SAID_SO = re.compile(r"\s+(?:this|so)\s*[.,;]")
# "according to (the) information/data/a report provided by X", "a report from X said"
_VIA_STATEMENT = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+)?"
                            r"(?:information|data|figures|reports?|statements?|estimates?)\s+"
                            r"(?:(?:provided|released|issued|published|given|received)\s+)?(?:by|from|of)\s+", re.IGNORECASE)
_PAREN_BEFORE = re.compile(r"\s*\([^()\n]{1,60}\)(?:\s+(?:today|yesterday|also|earlier|later|\w+ly))?"
                           r"(?:\s+(?:has|have|had)(?:\s+(?:also|already|now))?)?\s*$")  # "... Office (GPO) has reported"
_APPOSITIVE_AFTER = re.compile(r"[’']?s?,\s+([^,.;:\n“”\"]{3,90})")
_SENTENCE_ENDS = frozenset('.!?"”’»')
_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|later|then|has\s+also)\s+)?$", re.IGNORECASE)
_NOT_SUBJECT = frozenset({"in", "on", "at", "after", "before", "during", "since", "as", "when", "while", "with",
                          "by", "from", "for", "meanwhile", "however", "earlier", "later", "there", "this", "it"})


def find_attributions(text: str, sentences: list[Sentence] | None = None) -> list[Attribution]:
    """Every attribution in ``text``, in text order (quotes give one per sentence)."""
    if not isinstance(text, str):
        raise TypeError(f"find_attributions: text must be str, got {type(text).__name__}")
    w = source_words()
    found = _Found(text, split_sentences(text) if sentences is None else sentences)
    quotes = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]
    for m in w.verb_pattern.finditer(text):  # verbs of saying are matched lower-case
        sent = sentence_at(found.sentences, m.start())
        if sent is None or _inside(quotes, m.start()):
            continue
        if m.group("acc"):
            via = _VIA_STATEMENT.match(text, m.end(), sent.end)  # "according to information provided by X"
            span = phrase_after(text, via.end() if via else m.end(), sent.end)
            if span:
                relayed = not m.group("acc")[:1] in "Aa"  # "Trend reports referring to the ministry"
                found.add(span, "relayed" if relayed else "according_to", sent)
                if relayed and found.items and found.items[-1].side is None:
                    _side_from_relay(found, sent, m.start())
        elif m.group("contact"):
            _contact(found, m, sent)
        else:
            _said(found, m, sent, quotes)
    _statements(found, quotes)
    _speaker_labels(found)
    found.items.sort(key=lambda a: (a.sentence_index, a.start))
    return _continued(text, found.sentences, quotes, _dedupe(found.items))


class _Found:
    """The attributions of one article as they are found, and its last named speaker (for pronouns)."""

    def __init__(self, text: str, sentences: list[Sentence]):
        self.text = text
        self.sentences = sentences
        self.items: list[Attribution] = []
        self.last_named: Attribution | None = None

    def add(self, src_span: tuple[int, int], kind: str, sent: Sentence, quote: tuple[int, int] | None = None,
            extra: tuple[int, ...] = ()) -> None:
        """Credit the source at ``src_span`` with ``sent`` (and every sentence ``quote`` covers, and ``extra``)."""
        if kind not in KINDS:
            raise ValueError(f"attribution kind {kind!r} is not one of KINDS {KINDS}")
        w = source_words()
        text = self.text
        raw = text[src_span[0]:src_span[1]]
        low = raw.strip().lower()
        if low in w.pronouns:
            ref = _antecedent(low, src_span[0], self.last_named, text, self.sentences)
            if ref is None:
                return
            source, side = ref
        else:
            source = clean_source(raw)
            if not source or bare(source) in w.statement_nouns:
                return
            name = name_in(source)
            if name:
                full = _expand_surname(name, text, src_span[0])
                side = lexicons.actors().side_of(full) or source_side(source, text, src_span[0], self.items) \
                    or _side_from_first_mention(name, text, src_span[1])
                source = full
            else:
                side = source_side(source, text, src_span[0], self.items)
                if side is None and source[:1].isupper() and " " not in source:  # a surname alone
                    side = _side_from_first_mention(source, text, src_span[1])
        covered = [sent.index, *extra]
        if quote is not None:
            covered = sorted({s.index for s in self.sentences if s.start < quote[1] and s.end > quote[0]} | set(covered))
        for idx in covered:
            self.items.append(Attribution(source, side, kind, src_span[0], src_span[1], idx))
        if low not in w.pronouns:
            self.last_named = self.items[-1]


def _side_from_relay(found: _Found, sent: Sentence, before: int) -> None:
    """A source an agency of one party's country relays, its side unknown, is of that country
    ("Trend reports referring to the General Prosecutor's Office": Azerbaijani)."""
    relays = [a for a in found.items if a.sentence_index == sent.index and a.end <= before and is_relay(a.source)]
    side = _outlet_sides().get(relays[-1].source.lower()) if relays else None
    if side is None:
        return
    last = found.items[-1]
    found.items[-1] = Attribution(last.source, side, last.kind, last.start, last.end, last.sentence_index)
    found.last_named = found.items[-1]


@lru_cache(maxsize=None)
def _outlet_sides() -> dict:
    """Outlet names and aliases (lower case) -> the party of the outlet's country, for outlets of Armenia or Azerbaijan."""
    frame = lexicons.read_lexicon("outlets", required=("outlet", "alias"))
    countries = frame["country"] if "country" in frame else [""] * len(frame)
    out = {}
    for outlet, alias, country in zip(frame["outlet"], frame["alias"], countries):
        side = PLACE_COUNTRY_SIDE.get(str(country).strip().lower())
        if side in PARTIES:
            out[str(outlet).strip().lower()] = out[str(alias).strip().lower()] = side
    return out


# A person's own place or people after their name: "his village of Martuni", "her home in Ganja", "their
# ethnic Armenian family"; read up to _OWN_PLACE_REACH characters after the name, in its sentence.
_OWN_PLACE = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|home|house|hometown|family|homeland)\b"
                        r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:[\w’'-]+\s*){1,4})?")
_OWN_PLACE_REACH = 200
_SENTENCE_END = re.compile(r"[.!?]\s")


def _side_from_first_mention(name: str, text: str, before: int) -> str | None:
    """The side of a person from the title written before an earlier mention of the name
    ("Artsakh President Arayik X ... X said")."""
    surname = name.split()[-1]
    pos = text.find(surname, 0, before)
    while 0 <= pos < before:
        lead = text[max(0, pos - 60):pos]
        lead = lead[max(lead.rfind(c) for c in ".,;:\n“”\"") + 1:]
        side = side_in_phrase(lead) if lead.strip() else None
        after = _APPOSITIVE_AFTER.match(text, pos + len(surname))
        if side is None and after:  # "X, a researcher at Human Rights Watch"
            side = side_in_phrase(after.group(1))
        if side is None:  # "X stands in his front-line village of Martuni", "his ethnic Armenian family"
            own = _OWN_PLACE.search(text, pos + len(surname), min(len(text), pos + len(surname) + _OWN_PLACE_REACH))
            side = side_in_phrase(own.group(0)) if own and not _SENTENCE_END.search(text, pos, own.start()) else None
        if side:
            return side
        pos = text.find(surname, pos + len(surname), before)
    return None


# "Name, resident of Stepanakert:" / "A statement from X, ICRC director, in Geneva:" opening a line:
# the rest of the line, or the paragraphs after a label alone on its line, are the speaker's.
_LABEL = re.compile(r"^[ \t]*(?P<lead>(?:an?|the)\s+(?:statement|message|address)\s+(?:from|by)\s+)?"
                    r"(?P<who>[A-Z][^\n:“”\".!?]{2,120}?):[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
_LABEL_PARAGRAPHS = 6
# A body that speaks in a label of its own ("Ministry of Defence:", "Prosecutor General's Office:", "Ombudsman:")
_BODY_LABEL = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,4}?(?:Ministry|Office|Ombudsman|Defender|Prosecutor(?:'s|’s)?(?:\s+Office)?|"
                         r"Army|Government|Spokesman|Spokesperson|Presidency|Service|Committee|Centre|Center|MoD|MFA)"
                         r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?")


def _speaker_labels(found: _Found) -> None:
    """A line introduced by a speaker's label credits that speaker with what follows it."""
    text = found.text
    if ":" not in text:
        return
    for m in _LABEL.finditer(text):
        who = m.group("who")
        name = name_in(who.split(",")[0])
        if name is None and _BODY_LABEL.fullmatch(who.strip()):
            name = who.strip()  # "Prosecutor General's Office: Seven people injured ...": a body's label
        if name is None or len(who.split(",")[0].split()) > 5:
            continue  # "Region: ...", "Theme: ...": a tag, not a speaker
        if "," not in who and not m.group("lead") and lexicons.actors().side_of(name) is None \
                and not _BODY_LABEL.fullmatch(who.strip()):
            continue  # "Read More:", "Search Keywords:": a speaker is described, introduced or known
        if m.group("rest").strip():
            lo, hi = m.end("who") + 1, m.end()
        else:
            lo, hi = m.end(), _label_scope_end(text, m.end())
        side = lexicons.actors().side_of(name) or side_in_phrase(who) or source_side(who, text, m.start(), found.items)
        for sent in found.sentences:
            if sent.end > lo and sent.start < hi:
                found.items.append(Attribution(name, side, "label", m.start("who"), m.start("who") + len(name), sent.index))


def _label_scope_end(text: str, pos: int) -> int:
    """Where the paragraphs after a label alone on its line end: at the next label or after a few paragraphs."""
    nxt = _LABEL.search(text, pos + 1)
    end = pos
    for _ in range(_LABEL_PARAGRAPHS):
        line_end = text.find("\n", end + 1)
        if line_end < 0:
            end = len(text)
            break
        end = line_end
        if nxt and end >= nxt.start():
            return nxt.start()
    return end


_OPENS_QUOTE = re.compile(r"\s*[“\"]")
# A sentence that only says a source made a report public ("The ombudsman released his office's second
# report."): the next sentence of its paragraph gives the report's content. No figure may follow the verb.
_RELEASED = re.compile(r"\b(?:released|published|issued|presented|unveiled|posted|shared|made\s+public)\b[^.\d;:“\"]{0,80}?"
                       r"\b(?:report|findings|mission|data|figures|statistics|list|update|bulletin|information|numbers|"
                       r"tally|results|statement|summary)s?\b[^\d“\"]*$")
_CARRY_GAP = 3


def _continued(text: str, sentences: list[Sentence], quotes: list[tuple[int, int]],
               items: list[Attribution]) -> list[Attribution]:
    """Attribution across sentences: a sentence with no source of its own is the previous
    speaker's when it goes on quoting them (it opens or lies in a quotation right after a
    sentence credited to them) or when it stands between two sentences credited to the same
    source, a few sentences apart, in the paragraph of one of them."""
    content = {}
    for a in items:
        if a.kind not in CONTENT_FREE:
            content.setdefault(a.sentence_index, []).append(a)
    if not content:
        return items
    added: list[Attribution] = []
    last: Attribution | None = None
    last_i = -10
    for sent in sentences:
        here = content.get(sent.index)
        if here:
            nxt = here[0]
            if last is not None and 1 < sent.index - last_i <= _CARRY_GAP + 1 and _same_source(last, nxt) \
                    and all(_line_of(text, sentences[j].start) in (_line_of(text, sentences[last_i].start),
                                                                   _line_of(text, sent.start))
                            for j in range(last_i + 1, sent.index)):
                for j in range(last_i + 1, sent.index):  # each in the paragraph of one of the two credits
                    if j not in content and not _credited(added, j):
                        added.append(_moved(last, j))
            last, last_i = here[-1], sent.index
            continue
        if last is None:
            continue
        quoted = _OPENS_QUOTE.match(text, sent.start) or _inside(quotes, sent.start) or _in_open_quote(text, sent.start)
        if quoted and (sent.index - last_i == 1 or _credited(added, sent.index - 1)) and last.kind != "according_to":
            added.append(_moved(last, sent.index))
        elif sent.index - last_i == 1 and _line_of(text, sent.start) == _line_of(text, sentences[last_i].start) \
                and _released_by(text, last, sentences[last_i]):
            added.append(_moved(last, sent.index))  # "X released its report. 25 civilians have been killed": X's
    if not added:
        return items
    return sorted(items + added, key=lambda a: (a.sentence_index, a.start))


def _released_by(text: str, source: Attribution, sent: Sentence) -> bool:
    """Whether ``sent`` only says that ``source``, its subject, made a report public (:data:`_RELEASED`):
    the verb right after the source's name, a few adverbs apart ("The ombudsman today released ...")."""
    if not sent.start <= source.start < sent.end or not _SUBJECT_OPEN.fullmatch(text, sent.start, source.start):
        return False  # "The ministry said Armenia had released ...": not the sentence's own subject
    m = _RELEASED.search(text, source.end, sent.end)
    return m is not None and _SUBJECT_GAP.fullmatch(text, source.end, m.start()) is not None


_SUBJECT_OPEN = re.compile(r"\s*(?:(?:On\s+\w+(?:\s+\d{1,2})?|Today|Yesterday|Earlier|Later|Also),\s*)?(?:[Tt]he\s+)?")
_SUBJECT_GAP = re.compile(r"(?:\s+(?:has|have|had|also|today|yesterday|again|on\s+\w+|just|now|officially))*\s+")


def _in_open_quote(text: str, pos: int) -> bool:
    """Whether a quotation opened earlier in the paragraph (line) is still open at ``pos``."""
    seg = text[max(text.rfind("\n", 0, pos) + 1, pos - 2000):pos]
    return seg.count('"') % 2 == 1 or seg.count("“") > seg.count("”")


def _line_of(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos)


def _credited(added: list[Attribution], index: int) -> bool:
    return any(a.sentence_index == index for a in added)


def _moved(a: Attribution, index: int) -> Attribution:
    return Attribution(a.source, a.side, a.kind, a.start, a.end, index)


def _same_source(a: Attribution, b: Attribution) -> bool:
    """The same speaker named twice ("The Defence Ministry ... the ministry said", "Aliyev ... he said")."""
    if a.source.lower() == b.source.lower():
        return True
    ha, hb = head_noun(a.source), head_noun(b.source)
    if ha and ha == hb and (a.side == b.side or b.side is None):
        return True
    na, nb = a.source.split()[-1:], b.source.split()[-1:]
    return bool(na) and na == nb and name_in(a.source) is not None


def _contact(found: _Found, m: re.Match, sent: Sentence) -> None:
    """"X talked to ...": the subject only, no quote."""
    text = found.text
    verb = m.group("contact").lower()
    if verb in _NOUN_TOO and not _TO_WITH.match(text, m.end()):
        return  # "ceasefire talks stalled"
    span = subject_before(text, max(sent.start, m.start() - 200), m.start())
    if span and verb in _NOUN_TOO and not _names_an_actor(text[span[0]:span[1]]):
        return  # "peace talks with Azerbaijan stalled": a noun, not "Putin talks with Erdogan"
    if span:
        found.add(span, "contact", sent)


def _said(found: _Found, m: re.Match, sent: Sentence, quotes: list[tuple[int, int]]) -> None:
    """A verb of saying: the inverted "..., said X" / "“...,” said X", a passive "was stated by X",
    else the subject before the verb. "This was stated by X" and "X said so" credit the sentence before too."""
    text = found.text
    if m.group("verb") != "quoted" and _PASSIVE.search(text, max(sent.start, m.start() - 16), m.start()):
        by = _BY.match(text, m.end(), sent.end) or \
            (_IN_REPORT_OF.match(text, m.end(), sent.end) if _BACK_REFERENCE.match(text, sent.start, m.start()) else None)
        span = phrase_after(text, by.end(), sent.end) if by else None  # "It is said in the report of X"
        if span:
            back = _BACK_REFERENCE.match(text, sent.start, m.start())
            found.add(span, "said", sent, extra=(sent.index - 1,) if back and sent.index > 0 else ())
        elif _IMPERSONAL.match(text, sent.start, m.start()) and found.last_named is not None \
                and sent.index - found.last_named.sentence_index <= 2:
            last = found.last_named  # "It is emphasized that ...": the speaker just named goes on
            found.items.append(Attribution(last.source, last.side, "said", last.start, last.end, sent.index))
        return
    before = text[max(sent.start, m.start() - 200):m.start()]
    quote_before = _CLOSE_BEFORE.search(before)
    prev_char = before.rstrip()[-1:] if before.strip() else ""
    if quote_before or prev_char == ",":
        span = phrase_after(text, m.end(), sent.end)
        if span and not quote_before and _CLAUSE_GOES_ON.match(text, span[1]):
            span = None  # "X, a spokesman, said Armenian forces shelled ...": not an inversion
        if span:
            q = _quote_ending_at(quotes, m.start(), text) if quote_before else None
            found.add(span, "quote" if q else "reported_by", sent, q)
            return
    verb_at = m.start()
    passive = _PASSIVE_QUOTED.search(text, max(sent.start, verb_at - 12), verb_at) \
        if m.group("verb") == "quoted" else None
    if passive:  # "X was quoted (by Y) as saying"
        verb_at = passive.start()
    paren = _PAREN_BEFORE.search(text, max(sent.start, verb_at - 80), verb_at)
    if paren:  # "the Defense Ministry of Artsakh (Nagorno-Karabakh) reported", "Human Rights Watch (HRW) said"
        verb_at = paren.start()
    span = subject_before(text, max(sent.start, verb_at - 200), verb_at) or _elided_subject(text, sent, verb_at)
    if span is None:
        return
    if m.group("verb").lower() in ("cited", "cites", "quoted", "quotes"):  # "X cited an official as saying":
        cited = _cited_as(text, m.end(), sent.end)                          # the official speaks, X relays
        if cited is not None:
            found.add(span, "reported_by", sent)
            span = cited
    q = _quote_ending_at(quotes, span[0], text) or _quote_starting_after(quotes, text, m.end(), sent.end)
    back = (sent.index - 1,) if sent.index > 0 and _SAID_SO.match(text, m.end(), sent.end) else ()
    found.add(span, "quote" if q else "said", sent, q, back)


_AS_SAYING = re.compile(r"\s+as\s+(?:saying|stating|telling|writing|reporting)\b")


def _cited_as(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The speaker of "cited/quoted <speaker> as saying" (up to 80 characters), else None."""
    m = _AS_SAYING.search(text, start, min(hi, start + 100))
    if m is None or not text[start:m.start()].strip():
        return None
    lo = start + len(text[start:m.start()]) - len(text[start:m.start()].lstrip())
    return (lo, m.start()) if m.start() - lo <= 80 else None


def _statements(found: _Found, quotes: list[tuple[int, int]]) -> None:
    """"a statement (released) by X" and "X's statement", outside quotes."""
    w = source_words()
    text = found.text
    low = lexicons.lowered(text)
    if len(low) != len(text):
        low = text
    for m in w.statement_by.finditer(low):
        sent = sentence_at(found.sentences, m.start())
        if sent is None or _inside(quotes, m.start()):
            continue
        span = phrase_after(text, m.end(), sent.end)
        if span:
            found.add(span, "statement", sent)
    for m in w.statement_of.finditer(low):
        sent = sentence_at(found.sentences, m.start())
        if sent is None or _inside(quotes, m.start()):
            continue
        span = subject_before(text, max(sent.start, m.start() - 200), m.start())
        if span:
            found.add(span, "statement", sent)


def _inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for a, b in spans:
        if a < pos < b:
            return a, b
    return None


def _elided_subject(text: str, sent: Sentence, verb_start: int) -> tuple[int, int] | None:
    """The sentence's opening subject for a coordinated verb of saying with no subject
    of its own ("Azerbaijan has not released figures ..., but says 94 civilians died", "... but has said")."""
    if not _COORDINATED.search(text, max(sent.start, verb_start - 20), verb_start):
        return None
    span = phrase_after(text, sent.start, verb_start)
    if span is None:
        return None
    phrase = text[span[0]:span[1]]
    if phrase.split()[0].lower() in _NOT_SUBJECT:
        return None
    # a speaker: a side's name, a body ("the ministry") or a person, not "Fighting continued ... and said"
    return span if side_in_phrase(phrase) or head_noun(phrase) or name_in(phrase) else None


def _sentence_subject(text: str, sent: Sentence) -> tuple[int, str, str | None] | None:
    """(offset, name, side) when the sentence opens with a person's name
    ("Hikmet Hajiyev, assistant to ..., shared", "Defense Ministry spokesperson X spoke")."""
    if not sent.text[:1].isupper() or sent.text.rstrip()[-1:] not in _SENTENCE_ENDS:
        return None  # a title line ("X Battles Take Toll On Civilians") is not a sentence with a subject
    toks = tokens(text, sent.start, min(sent.end, sent.start + 120))
    k = 0
    while k < len(toks) and toks[k][0] not in ",;:“”\"()" and in_source_phrase(toks[k][0]):
        k += 1
    if k == 0:
        return None
    phrase = text[toks[0][1]:toks[k - 1][2]]
    name = name_in(phrase)
    if not name:
        return None
    return sent.start, name, lexicons.actors().side_of(name) or source_side(phrase)


def _antecedent(pronoun: str, at: int, last_named: Attribution | None,
                text: str, sentences: list[Sentence]) -> tuple[str, str | None] | None:
    """What "he"/"she"/"it"/"they" refers to: the latest named speaker, or for
    he/she a person opening a later sentence ("Hikmet Hajiyev, ..., shared")."""
    if pronoun in ("he", "she"):
        floor = last_named.start if last_named else -1
        here = sentence_at(sentences, at)
        i = (here.index if here else len(sentences)) - 1
        while i >= 0 and sentences[i].start > floor:
            subject = _sentence_subject(text, sentences[i])
            if subject:
                return subject[1], subject[2]
            i -= 1
    return (last_named.source, last_named.side) if last_named else None


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen, out = set(), []
    for a in found:
        key = (a.sentence_index, a.start, a.end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _quote_ending_at(quotes: list[tuple[int, int]], pos: int, text: str) -> tuple[int, int] | None:
    """The quote closing just before ``pos`` (only punctuation and spaces between)."""
    for a, b in quotes:
        if b <= pos and pos - b <= 3 and "\n" not in text[b:pos]:
            return a, b
    return None


def _quote_starting_after(quotes: list[tuple[int, int]], text: str, pos: int,
                          end: int | None = None) -> tuple[int, int] | None:
    """The quote opening right after "X said," / "X said:" / "X said on Facebook:" /
    "X told reporters in Baku, "."""
    gap = _OPEN_AFTER.match(text[pos:pos + 4])
    if not gap:
        lead = _LEAD_IN.match(text, pos, end if end is not None else len(text))
        if not lead:
            return None
        pos = lead.end() - 1
        for a, b in quotes:
            if a == pos:
                return a, b
        return None
    for a, b in quotes:
        if a >= pos and a - pos <= 3:
            return a, b
    return None


def _names_an_actor(phrase: str) -> bool:
    """Whether ``phrase`` names an actor of the lexicon or a person ("Putin", "Ilham Aliyev")."""
    return bool(lexicons.actors().mentions(phrase)) or name_in(phrase) is not None


def _expand_surname(name: str, text: str, before: int) -> str:
    """"Aliyev" -> "Ilham Aliyev" when the full name appears earlier in the text."""
    if " " in name:
        return name
    pos = text.rfind(name, 0, before)
    while pos > 0:
        m = _FIRST_NAME_BEFORE.search(text, max(0, pos - 25), pos)
        if m and m.group(1).lower() not in source_words().title_words and not lexicons.actors().mentions(m.group(1)):
            return f"{m.group(1)} {name}"
        pos = text.rfind(name, 0, pos)
    return name


def attribution_at(attributions: Sequence[Attribution], sentence_index: int, offset: int) -> Attribution | None:
    """The attribution governing ``offset`` in a sentence.

    The nearest source mentioned before the offset in that sentence, else the
    first one after it ("..., according to X"), else a quote's speaker.
    Contact attributions ("X talked to Y") credit no content and are skipped,
    and a news agency that passes the report on ("..., the Interfax news agency
    reported") gives way to the source it cites.
    """
    here = [a for a in attributions if a.sentence_index == sentence_index and a.kind not in CONTENT_FREE]
    if len(here) > 1:
        here = [a for a in here if not is_relay(a.source)] or here
    if not here:
        return None
    before = [a for a in here if a.end <= offset]
    if before:
        return max(before, key=lambda a: a.start)
    return min(here, key=lambda a: a.start)


def is_relay(source: str) -> bool:
    """Whether a source is a news outlet passing a report on (an agency, a listed outlet)."""
    low = source.lower()
    return head_noun(low) == "agency" or "news" in low.split() or low in _outlet_names()


@lru_cache(maxsize=None)
def _outlet_names() -> frozenset:
    frame = lexicons.read_lexicon("outlets", required=("outlet", "alias"))
    return frozenset(str(n).strip().lower() for n in list(frame["outlet"]) + list(frame["alias"]))
