"""Who says what: the sources an article quotes or cites, sentence by sentence.

Shared by casualty claims (the claimant of a figure) and framing (the sources
an outlet relies on). Rule based, one regex pass per article over the verbs of
saying plus "according to" and "a statement by"; word lists live in
``lexicons/attribution.yaml``. Handled forms:

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
  verb makes "said Z" an inversion only when Z ends the clause.

The side of a source is decided in one place, :func:`source_side`, which
claims and framing both use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import yaml

from analysis.lexicons import load as lexicons
from analysis.core.config import LEXICON_DIR
from analysis.nlp.sentences import Sentence, sentence_at, split_sentences

ATTRIBUTION_LEXICON = LEXICON_DIR / "attribution.yaml"


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


@dataclass(frozen=True)
class _Words:
    say_verbs: frozenset
    contact_verbs: frozenset
    statement_nouns: frozenset
    title_words: frozenset
    source_nouns: frozenset
    pronouns: frozenset
    stop_words: frozenset
    adverbs: frozenset
    verb_pattern: re.Pattern
    statement_by: re.Pattern
    statement_of: re.Pattern


@lru_cache(maxsize=None)
def _words() -> _Words:
    try:
        data = yaml.safe_load(ATTRIBUTION_LEXICON.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise lexicons.LexiconError(f"{ATTRIBUTION_LEXICON}: lexicon file not found") from exc
    need = ("say_verbs", "statement_nouns", "title_words", "source_nouns", "pronouns", "stop_words", "adverbs")
    missing = [k for k in need if not data.get(k)]
    if missing:
        raise lexicons.LexiconError(f"{ATTRIBUTION_LEXICON}: missing list(s) {', '.join(missing)}")
    sets = {k: frozenset(str(w).lower() for w in data[k]) for k in need}
    sets["contact_verbs"] = frozenset(str(w).lower() for w in data.get("contact_verbs") or [])
    verbs = lexicons._alternation(list(sets["say_verbs"]))
    contact = lexicons._alternation(list(sets["contact_verbs"])) if sets["contact_verbs"] else r"(?!)"
    nouns = lexicons._alternation(list(sets["statement_nouns"]))
    return _Words(
        **sets,
        verb_pattern=re.compile(rf"(?<![\w-])(?:(?P<verb>{verbs})|(?P<contact>{contact})|(?P<acc>[Aa]ccording to))\b"),
        # "a statement by X", "a statement released by X" (run on lower-cased text)
        statement_by=re.compile(rf"\b(?:{nouns})\s+(?:(?:released|issued|published|posted|signed|"
                                rf"shared|distributed|circulated)\s+)?(?:by|of)\s+"),
        statement_of=re.compile(rf"[’']s\s+(?:{nouns})\b"),
    )


_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w’'.\-]*[\w]|[A-Za-zÀ-ÿ]|\d[\w,.]*|[,;:–—“”\"()]")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")


def _lower(word: str) -> str:
    return _POSSESSIVE.sub("", word).lower().rstrip(".")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=65536)
def _np_word_cached(word: str) -> bool:
    w = _words()
    low = _lower(word)
    return (_is_cap(word) or low in w.title_words or low in w.source_nouns
            or bool(_POSSESSIVE.search(word)) or bool(lexicons.actors().mentions(word)))


def _np_word(word: str, w: _Words) -> bool:
    return _np_word_cached(word)


def _np_word_uncached(word: str, w: _Words) -> bool:
    """Can ``word`` stand inside a source noun phrase?"""
    low = _lower(word)
    return (_is_cap(word) or low in w.title_words or low in w.source_nouns
            or bool(_POSSESSIVE.search(word)) or bool(lexicons.actors().mentions(word)))


@lru_cache(maxsize=65536)
def name_in(phrase: str) -> str | None:
    """The personal name at the end of a source phrase, or None.

    "Artsakh Human Right Defender Artak Beglaryan" -> "Artak Beglaryan":
    the trailing run of capitalised words that are neither title words nor
    entries of the actor lexicon of kind country/adjective.
    """
    w = _words()
    tokens = re.findall(r"[\w’'.\-]+", phrase)
    run: list[str] = []
    for tok in reversed(tokens):
        low = _lower(tok)
        if not _is_cap(tok) or low in w.title_words or low in w.source_nouns or _POSSESSIVE.search(tok):
            break
        if lexicons.actors().mentions(tok) and low not in _person_keys():
            break
        run.append(tok)
    if len(run) >= 1 and (len(run) >= 2 or _POSSESSIVE.sub("", run[0]).lower() in _person_keys()):
        return " ".join(reversed(run))
    return None


@lru_cache(maxsize=None)
def _person_keys() -> frozenset:
    frame = lexicons.actors().frame
    persons = frame[frame.get("kind", "") == "person"]["name"] if "kind" in frame else []
    keys = set()
    for n in persons:
        keys.add(n.lower())
        keys.update(p.lower() for p in n.split())
    return frozenset(keys)


# A source located in a place speaks for the side holding it in 2020
# ("a Ganja resident"); disputed places were held by the Armenian side.
PLACE_COUNTRY_SIDE = {"armenia": "armenian", "azerbaijan": "azerbaijani", "disputed": "armenian"}

_REGION_WORDS = re.compile(r"\b(?:the\s+)?(?:region|republic|enclave)[’']s\b|\bregional\b|\blocal\b", re.IGNORECASE)


def source_side(
    phrase: str,
    text: str = "",
    at: int = 0,
    previous: Sequence[Attribution] = (),
) -> str | None:
    """The side a source speaks for: the one rule claims and framing share.

    1. The person's own lexicon entry, else the first actor in the title or
       body ("Artsakh presidential spokesperson X", "Officials in Baku").
    2. "the region's ombudsman", "local officials": the side of the last
       region (gazetteer kind ``region``) named in ``text`` before ``at``.
    3. A bare body ("the ministry", "Foreign Ministry"): the side of the last
       earlier source with the same head noun, else None.
    """
    own = _side_in_phrase(phrase)
    if own is not None:
        return own
    return _side_from_context(phrase, text, at, previous)


@lru_cache(maxsize=65536)
def _side_in_phrase(phrase: str) -> str | None:
    found = lexicons.actors().mentions(phrase)
    if found:
        name = name_in(phrase)
        if name:
            own = lexicons.actors().side_of(name)
            if own:
                return own
        return found[0][1]
    places = lexicons.gazetteer().find(phrase)
    if places:
        country = lexicons.gazetteer().country.get(places[0].place)
        side = PLACE_COUNTRY_SIDE.get(country or "")
        if side:
            return side
    return None


def _side_from_context(phrase: str, text: str, at: int, previous: Sequence[Attribution]) -> str | None:
    if text and _REGION_WORDS.search(phrase):
        regions = [m for m in lexicons.gazetteer().find(text, 0, at)
                   if lexicons.gazetteer().kind.get(m.place) == "region"]
        if regions:
            side = lexicons.actors().side_of(regions[-1].name)
            if side:
                return side
    head = _head_noun(phrase)
    if head:
        for att in reversed(previous):
            if att.side and _head_noun(att.source) == head:
                return att.side
        if text:  # "The Armenian Foreign Ministry issued ... added the foreign ministry"
            low = lexicons.lowered(text)
            pos = low.rfind(head, 0, at)
            while pos > 0:
                found = lexicons.actors().mentions(text[max(0, pos - 40):pos])
                if found and found[-1][1]:
                    return found[-1][1]
                pos = low.rfind(head, 0, pos)
    return None


def _head_noun(phrase: str) -> str | None:
    w = _words()
    for tok in reversed(re.findall(r"[\w’'.\-]+", phrase)):
        low = _lower(tok)
        if low in w.source_nouns:
            return low
    return None


def _clean_source(phrase: str) -> str:
    w = _words()
    phrase = phrase.strip(" ,–—")
    phrase = _ARTICLE.sub("", phrase)
    words = phrase.split()
    while words and _lower(words[-1]) in w.statement_nouns and len(words) > 1:
        words.pop()
    while words and words[-1].lower() in ("in", "of", "the", "and", "for"):
        words.pop()
    return " ".join(words)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _np_backward(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The subject phrase ending right before a verb: (start, end) or None."""
    w = _words()
    toks = _tokens(text, lo, verb_start)
    i = len(toks) - 1
    # adverbs and ", meanwhile," between subject and verb
    after_adverb = False
    while i >= 0:
        word = toks[i][0]
        if word.lower() in w.adverbs:
            i, after_adverb = i - 1, True
        elif word == "," and (after_adverb or (i >= 1 and toks[i - 1][0].lower() in w.adverbs)):
            i, after_adverb = i - 1, False
        else:
            break
    # a dash parenthesis: "Officials in X – a disputed region ... – also reported"
    if i >= 0 and toks[i][0] in "–—":
        j = i - 1
        while j >= 0 and toks[j][0] not in "–—":
            j -= 1
        if j > 0:
            i = j - 1
    # a parenthetical: "X, quoted by TASS, said", "X, speaking in Baku, said"
    if i >= 0 and toks[i][0] == ",":
        j = i - 1
        while j >= 0 and toks[j][0] not in ",;:“”\"()–—":
            j -= 1
        if j > 0 and toks[j][0] == "," and j + 1 < i and (toks[j + 1][0].lower() in _PARENTHETICAL
                                                          or _is_title_apposition(toks[j + 1:i], w)):
            i = j - 1
    # appositive name: "Human Rights Defender, Artak Beglarian, confirmed"
    if i >= 0 and toks[i][0] == ",":
        j = i - 1
        while j >= 0 and _is_cap(toks[j][0]) and toks[j][0] not in ",":
            j -= 1
        if j >= 0 and toks[j][0] == "," and j < i - 1:
            k = j - 1
            while k >= 0 and _np_word(toks[k][0], w) and toks[k][0].lower() not in w.stop_words:
                k -= 1
            if k < j - 1:
                return toks[k + 1][1], toks[i - 1][2]
        return None
    end_i = i
    while i >= 0:
        word = toks[i][0]
        low = word.lower()
        if low in ("of", "in", "for", "at") and i + 1 <= end_i and i - 1 >= 0 and \
                _lower(toks[i - 1][0]) in (w.title_words | w.source_nouns) and _lower(toks[i - 1][0]) not in ("the", "of"):
            i -= 1
            continue
        if low == "the" and i >= 2 and toks[i - 1][0].lower() in ("of", "in", "for", "at") and \
                _lower(toks[i - 2][0]) in (w.title_words | w.source_nouns) and i < end_i:
            i -= 1  # "the press service of the ... ministry"
            continue
        if low in ("the", "a", "an"):
            i -= 1
            break
        if low in w.stop_words and not _is_cap(word):
            break
        if low in w.stop_words and _is_cap(word) and low not in w.pronouns:
            break
        if low in w.pronouns:
            if i == end_i:
                return (toks[i][1], toks[i][2]) if low not in ("we", "i") else None
            break
        if not _np_word(word, w):
            break
        i -= 1
    start_i = i + 1
    if start_i > end_i:
        return None
    # drop leading articles / connectors
    while start_i <= end_i and toks[start_i][0].lower() in ("of", "in", "for", "at", "and"):
        start_i += 1
    if start_i > end_i:
        return None
    if start_i > 0 and toks[start_i - 1][0].lower() in ("the", "a", "an"):
        start_i -= 1
    span_words = [t[0] for t in toks[start_i:end_i + 1]]
    if not any(_is_cap(t) or _lower(t) in w.source_nouns for t in span_words if t.lower() not in ("the", "a", "an")):
        return None
    return toks[start_i][1], toks[end_i][2]


def _np_forward(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The source phrase starting at ``start`` (after "said", "according to")."""
    w = _words()
    toks = _tokens(text, start, hi)
    out_end = None
    first = None
    i = 0
    while i < len(toks):
        word, s, e = toks[i]
        low = word.lower()
        if low in ("the", "a", "an") and first is None:
            first = s
            i += 1
            continue
        if low in ("of", "in", "for") and out_end is not None and i + 1 < len(toks) and _np_word(toks[i + 1][0], w) \
                and toks[i + 1][0].lower() not in ("its", "his", "her", "their"):
            i += 1
            continue
        if low in ("the",) and out_end is not None and i + 1 < len(toks) and _np_word(toks[i + 1][0], w):
            i += 1
            continue
        if word == "," and out_end is not None and i + 1 < len(toks) and _is_cap(toks[i + 1][0]):
            # "head of the center, Armen Narimanyan"
            j = i + 1
            while j < len(toks) and _is_cap(toks[j][0]):
                j += 1
            if j - (i + 1) >= 2 and (j == len(toks) or toks[j][0] in ".,;"):
                out_end = toks[j - 1][2]
                break
            break
        if word in (",", ";", ":", "“", "”", '"', "(", ")", "–", "—"):
            break
        if low in w.pronouns and out_end is None:
            return s, e
        if not _np_word(word, w) or (low in w.stop_words and not _is_cap(word) and low not in w.title_words):
            break
        if first is None:
            first = s
        out_end = e
        i += 1
    if out_end is None or first is None:
        return None
    return first, out_end


# Words opening a parenthetical between a subject and its verb ("X, quoted by TASS, said").
def _is_title_apposition(segment: list[tuple[str, int, int]], w: _Words) -> bool:
    """A lower-case title after a name: ", a spokesman for the ministry," / ", an aide to Aliyev,"."""
    words = [t[0] for t in segment]
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return bool(words) and not _is_cap(words[0]) and _lower(words[0]) in (w.title_words | w.source_nouns)


_PARENTHETICAL = frozenset({"quoted", "cited", "speaking", "writing", "citing", "in", "at", "on", "during",
                            "addressing", "interviewed", "responding", "asked", "commenting", "meanwhile",
                            "however", "too", "separately", "for", "who", "whose", "which"})

_QUOTE_SPAN = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"")
_CLOSE_BEFORE = re.compile(r"[”\"][,.]?\s*$")
_OPEN_AFTER = re.compile(r"^[,:]?\s*[“\"]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for a, b in spans:
        if a < pos < b:
            return a, b
    return None


def find_attributions(text: str, sentences: list[Sentence] | None = None) -> list[Attribution]:
    """Every attribution in ``text``, in text order (quotes give one per sentence)."""
    if not isinstance(text, str):
        raise TypeError(f"find_attributions: text must be str, got {type(text).__name__}")
    w = _words()
    sentences = split_sentences(text) if sentences is None else sentences
    quotes = _quote_spans(text)
    found: list[Attribution] = []
    last_named: Attribution | None = None

    def add(src_span: tuple[int, int], kind: str, sent: Sentence, quote: tuple[int, int] | None) -> None:
        nonlocal last_named
        raw = text[src_span[0]:src_span[1]]
        low = raw.strip().lower()
        if low in w.pronouns:
            ref = _antecedent(low, src_span[0], last_named, text, sentences)
            if ref is None:
                return
            source, side = ref
        else:
            source = _clean_source(raw)
            if not source or _lower(source) in w.statement_nouns:
                return
            name = name_in(source)
            if name:
                full = _expand_surname(name, text, src_span[0])
                side = lexicons.actors().side_of(full) or source_side(source, text, src_span[0], found)
                source = full
            else:
                side = source_side(source, text, src_span[0], found)
        covered = [sent.index]
        if quote is not None:
            covered = sorted({s.index for s in sentences if s.start < quote[1] and s.end > quote[0]} | {sent.index})
        for idx in covered:
            att = Attribution(source, side, kind, src_span[0], src_span[1], idx)
            found.append(att)
        if low not in w.pronouns:
            last_named = found[-1]

    for m in _verb_matches(text, w):
        sent = sentence_at(sentences, m.start())
        if sent is None or _inside(quotes, m.start()) and not _quoted_speaker_context(text, m.start()):
            continue
        if m.group("acc"):
            span = _np_forward(text, m.end(), sent.end)
            if span:
                add(span, "according_to", sent, None)
            continue
        if m.group("contact"):  # "X talked to ...": the subject only, no quote
            if m.group("contact").lower() in _NOUN_TOO and not _TO_WITH.match(text, m.end()):
                continue  # "ceasefire talks stalled"
            span = _np_backward(text, max(sent.start, m.start() - 200), m.start())
            if span and m.group("contact").lower() in _NOUN_TOO and not _names_an_actor(text[span[0]:span[1]]):
                continue  # "peace talks with Azerbaijan stalled": a noun, not "Putin talks with Erdogan"
            if span:
                add(span, "contact", sent, None)
            continue
        before = text[max(sent.start, m.start() - 200):m.start()]
        after_end = sent.end
        quote_before = _CLOSE_BEFORE.search(before)
        prev_char = before.rstrip()[-1:] if before.strip() else ""
        if quote_before or prev_char == ",":
            span = _np_forward(text, m.end(), after_end)
            if span and not quote_before and _CLAUSE_GOES_ON.match(text, span[1]):
                span = None  # "X, a spokesman, said Armenian forces shelled ...": not an inversion
            if span:
                q = _quote_ending_at(quotes, m.start(), text) if quote_before else None
                add(span, "quote" if q else "reported_by", sent, q)
                continue
        verb_at = m.start()
        passive = _PASSIVE_QUOTED.search(text, max(sent.start, verb_at - 12), verb_at) \
            if m.group("verb") == "quoted" else None
        if passive:  # "X was quoted (by Y) as saying"
            verb_at = passive.start()
        span = _np_backward(text, max(sent.start, verb_at - 200), verb_at) or _elided_subject(text, sent, verb_at)
        if span is None:
            continue
        q = _quote_ending_at(quotes, span[0], text) or _quote_starting_after(quotes, text, m.end(), sent.end)
        add(span, "quote" if q else "said", sent, q)

    low = lexicons.lowered(text)
    if len(low) != len(text):
        low = text
    for m in w.statement_by.finditer(low):
        sent = sentence_at(sentences, m.start())
        if sent is None or _inside(quotes, m.start()):
            continue
        span = _np_forward(text, m.end(), sent.end)
        if span:
            add(span, "statement", sent, None)
    for m in w.statement_of.finditer(low):
        sent = sentence_at(sentences, m.start())
        if sent is None or _inside(quotes, m.start()):
            continue
        span = _np_backward(text, max(sent.start, m.start() - 200), m.start())
        if span:
            add(span, "statement", sent, None)
    found.sort(key=lambda a: (a.sentence_index, a.start))
    return _dedupe(found)


_COORDINATED = re.compile(r"\b(?:and|but)\s+$", re.IGNORECASE)
_NOT_SUBJECT = frozenset({"in", "on", "at", "after", "before", "during", "since", "as", "when", "while", "with",
                          "by", "from", "for", "meanwhile", "however", "earlier", "later", "there", "this", "it"})


def _elided_subject(text: str, sent: Sentence, verb_start: int) -> tuple[int, int] | None:
    """The sentence's opening subject for a coordinated verb of saying with no subject
    of its own ("Azerbaijan has not released figures ..., but says 94 civilians died")."""
    if not _COORDINATED.search(text, max(sent.start, verb_start - 6), verb_start):
        return None
    span = _np_forward(text, sent.start, verb_start)
    if span is None:
        return None
    phrase = text[span[0]:span[1]]
    if phrase.split()[0].lower() in _NOT_SUBJECT:
        return None
    # a speaker: a side's name, a body ("the ministry") or a person, not "Fighting continued ... and said"
    return span if _side_in_phrase(phrase) or _head_noun(phrase) or name_in(phrase) else None


def _sentence_subject(text: str, sent: Sentence) -> tuple[int, str, str | None] | None:
    """(offset, name, side) when the sentence opens with a person's name
    ("Hikmet Hajiyev, assistant to ..., shared", "Defense Ministry spokesperson X spoke")."""
    w = _words()
    if not sent.text[:1].isupper():
        return None
    toks = _tokens(text, sent.start, min(sent.end, sent.start + 120))
    k = 0
    while k < len(toks) and toks[k][0] not in ",;:“”\"()" and _np_word(toks[k][0], w):
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


def _verb_matches(text: str, w: _Words):
    """Matches of the verb pattern (verbs of saying are matched lower-case)."""
    return w.verb_pattern.finditer(text)


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen, out = set(), []
    for a in found:
        key = (a.sentence_index, a.start, a.end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _quoted_speaker_context(text: str, pos: int) -> bool:
    return False


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


# After "X said"/"X told": the rest of a source phrase that is followed by a verb or
# an object, so "..., said Armenian forces shelled" is not an inverted "said X".
_CLAUSE_GOES_ON = re.compile(
    r"\s+(?!(?:in|on|at|to|during|via|from|after|before|late|early|earlier|later|last|this|on|citing|adding|"
    r"quoted|told|when|while|as|who|which|and|but|of|for|with|by|through|over|under|according)\b)[a-z]")
# Contact verbs that are also plural nouns: a verb only before "to"/"with" ("Putin talks with Erdogan").
_NOUN_TOO = frozenset({"talks", "calls"})


def _names_an_actor(phrase: str) -> bool:
    """Whether ``phrase`` names an actor of the lexicon or a person ("Putin", "Ilham Aliyev")."""
    return bool(lexicons.actors().mentions(phrase)) or name_in(phrase) is not None
_TO_WITH = re.compile(r"\s+(?:to|with)\b")
# "was quoted (by TASS) as saying", before the verb "quoted"
_PASSIVE_QUOTED = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+$")
# "said on Facebook: “", "told reporters in Baku, “": a short lead-in, then a quote
_LEAD_IN = re.compile(r"(?:[^“”\"\n.;:]{1,80}?:|\s+(?:on|in|at|to|during|via|from|after|before|through|over|"
                      r"reporters|journalists|parliament|lawmakers)\b[^“”\"\n.;:,]{0,60}?,)\s*[“\"]")

_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _expand_surname(name: str, text: str, before: int) -> str:
    """"Aliyev" -> "Ilham Aliyev" when the full name appears earlier in the text."""
    if " " in name:
        return name
    pos = text.rfind(name, 0, before)
    while pos > 0:
        m = _FIRST_NAME_BEFORE.search(text, max(0, pos - 25), pos)
        if m and m.group(1).lower() not in _words().title_words and not lexicons.actors().mentions(m.group(1)):
            return f"{m.group(1)} {name}"
        pos = text.rfind(name, 0, pos)
    return name


def attribution_at(attributions: Sequence[Attribution], sentence_index: int, offset: int) -> Attribution | None:
    """The attribution governing ``offset`` in a sentence.

    The nearest source mentioned before the offset in that sentence, else the
    first one after it ("..., according to X"), else a quote's speaker.
    Contact attributions ("X talked to Y") credit no content and are skipped.
    """
    here = [a for a in attributions if a.sentence_index == sentence_index and a.kind not in CONTENT_FREE]
    if not here:
        return None
    before = [a for a in here if a.end <= offset]
    if before:
        return max(before, key=lambda a: a.start)
    return min(here, key=lambda a: a.start)
