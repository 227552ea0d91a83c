"""What an outlet calls the region, its places and the parties: name and label counts.

Three categories, each from an analyst-editable lexicon:

- ``region``: names of the region (``lexicons/region_names.csv``). Artsakh,
  Nagorno-Karabakh (with or without hyphen), Karabakh alone (never the tail of
  "Nagorno-Karabakh"), Daghlig Garabagh, ... "Republic of Artsakh" is one
  Artsakh. Every occurrence in the normalized text counts, headline and quoted
  speech included (an outlet chooses whom to quote and in what words); words
  inside web addresses and @handles do not, nor does page furniture: tag lines
  ("Region: Armenia, Karabakh", "Related: ...") and section labels (a line of
  one or two words) and photo captions (a line ending in a picture credit).
  A misspelling counts under the name it spells (docs/SCHEMA.md): a
  capitalized word one letter added, dropped or replaced from a lexicon name
  of seven letters or more, its first letter kept ("Aretsakh",
  "Nagorno-Karbakh"), and letters from other
  scripts that look Latin ("Nagornօ", Armenian o) read as the Latin letter.
  Abbreviations (NK, NKR) keep their own keys. Key = the name group, ``name`` = as written.
- ``place``: every gazetteer place other than the region itself
  (``lexicons/gazetteer.csv``); key = canonical place (Stepanakert), name = as
  written (Khankendi), so name shares within a key show which name an outlet uses.
- ``label``: party labels (``lexicons/labels.csv``): separatist, breakaway,
  occupied/occupation, liberated/liberation, terrorist, Azeri vs Azerbaijani ...

Proper names must not be all lower case ("karabakh" in a slug); labels may be.
The per-outlet comparisons of report 04 are in :mod:`analysis.compare.names`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.core import schema
from analysis.core.frames import iter_articles, require_frame
from analysis.ingest.outlets import outlets
from analysis.extract.claims.layout import furniture_spans, in_spans  # the schema's related-stories blocks
from analysis.lexicons.load import gazetteer
from analysis.nlp.parsed import parsed_for, parses_for
from analysis.lexicons.phrases import PhraseLexicon, PhraseMatch, opaque_spans
from analysis.nlp.sentences import sentence_at

REGION_KEYS = ("Artsakh", "Nagorno-Karabakh", "Karabakh")
"""Region-name keys always present in :func:`region_name_counts`, even at zero."""

CATEGORIES = ("region", "place", "label")

MENTION_COLUMNS = schema.descriptions("name_mentions")

NAMES_COLUMNS = schema.descriptions("names")


@lru_cache(maxsize=None)
def region_lexicon() -> PhraseLexicon:
    """The bundled region-name lexicon."""
    return PhraseLexicon.load("region_names", proper=True)


@lru_cache(maxsize=None)
def place_lexicon() -> PhraseLexicon:
    """Gazetteer places other than the region, keyed by canonical place."""
    frame = gazetteer().frame
    frame = frame[frame["kind"] != "region"].rename(columns={"place": "key"})
    return PhraseLexicon(frame, proper=True, source="gazetteer")


@lru_cache(maxsize=None)
def _bundled_labels() -> PhraseLexicon:
    return PhraseLexicon.load("labels")


def label_lexicon(path: str | Path | None = None) -> PhraseLexicon:
    """The party-label lexicon: the bundled one, or an analyst's CSV (key, name columns) at ``path``."""
    return _bundled_labels() if path is None else PhraseLexicon.load("labels", path)


def _lexicons(region=None, place=None, label=None) -> dict[str, PhraseLexicon]:
    return {
        "region": region or region_lexicon(),
        "place": place or place_lexicon(),
        "label": label or label_lexicon(),
    }


_SPACE = re.compile(r"\s+")

# Letters of other scripts that look Latin and turn up inside Latin names ("Nagornօ"): one for one, offsets kept.
_LOOKALIKES = str.maketrans("օասհոАВЕКМНОРСТХаеорсхуіј", "owuhnABEKMHOPCTXaeopcxyij")
_HAS_LOOKALIKE = re.compile("[օասհոАВЕКМНОРСТХаеорсхуіј]")
# Tag lines: "Region: Armenia, Karabakh", "Tags: ...", "Related: <a headline>".
_TAG_LINE = re.compile(r"^(?:regions?|themes?|tags?|topics?|categor(?:y|ies)|keywords|related(?: stories| news)?|"
                       r"read|read (?:more|also)|see also|also read)\s*:"
                       # "For more news on the X conflict, see: ...": a site's promotion of its own coverage
                       r"|^for\s+more\s+(?:news|information|coverage|stories|updates)\s+(?:on|about)\b[^:\n]{0,80}:", re.IGNORECASE)
# "Armenia, Armenian News, Artsakh": a line of three or more capitalised labels and nothing else (a category list)
_LABEL_LIST = re.compile(r"^[A-Z][\w’'-]*(?: [A-Z&][\w’'-]*){0,2}(?:, [A-Z][\w’'-]*(?: [A-Z&][\w’'-]*){0,2}){2,7}$")
# A caption that says so: "In this photo released by ...", "This handout picture shows ...", "FILE PHOTO: ...".
# Wire captions also put it after a comma: "... seen near the river, in this handout photo from the ministry."
_CAPTION_OPENING = re.compile(r"(?:^|,\s+)in\s+this\s+(?:\w+\s+){0,2}(?:photo|image|picture|frame grab|photograph)|"
                              r"^(?:this\s+(?:\w+\s+){0,2}(?:photo|image|picture)\s+(?:shows|taken|released|provided)|"
                              r"file\s+photo\s*:)", re.IGNORECASE)
# A caption that ends by calling itself one: "... Stepanakert, Armenia. File photo", "(Archive image)".
_FILE_PICTURE_END = re.compile(r"[.!?]\s+\(?(?:file|archive|illustrative)\s+(?:photo|image|picture|photograph)\)?\.?\s*$",
                               re.IGNORECASE)
# A caption's credit after its last sentence: "... on Oct. 2. AFP", "... in the square. — Reuters".
_TRAILING_CREDIT = re.compile(r"[.!?]\s+(?:[—–-]\s*)?(?P<credit>[A-Z][\w./&-]*(?:\s[A-Z][\w./&-]*){0,2})\s*$")
# A credit after a bar: "... of Azerbaijan. | Twitter/Armenian Unified Infocenter".
_PIPED_CREDIT = re.compile(r"[.!?]\s+\|\s+(?P<credit>[^|\n]{2,60})$")
# A media player's lines: "please wait", "No media source currently available", clock readings such as "0:00 0:02:10".
_PLAYER_LINE = re.compile(r"^\s*(?:please wait|no media source currently available|"
                          r"\d{1,2}:\d\d(?::\d\d)?(?:\s+\d{1,2}:\d\d(?::\d\d)?)+(?:\s+\d+)?)\s*$", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"\s+[—–|-]{1,2}\s+\S.*$")  # "<title> - Site - tag line"
_REPEAT_MIN_WORDS = 4  # a title printed again counts once
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")  # a tag line lists names or one headline, not sentences
_LABEL_WORDS = 2  # a line of at most this many words is a section label
# A photo caption: a line that ends in a picture credit, "(AFP)", "[Ministry of Defence/AP]", "Photograph: X/Y".
_CAPTION = re.compile(r"(?:[(\[](?P<credit>[^()\[\]\n]{2,60})[)\]]|(?i:photograph|photo|image|credit)\s*(?::|…)\s*"
                      r"(?P<by>[^\n]{2,80}))\s*\.?$")
_PICTURE_DESK = re.compile(r"^[^/\s]+(?: [^/\s]+){0,4} ?/ ?[^/\s]+(?: [^/\s]+){0,3}$|(?i:getty images|\bepa\b|shutterstock)"
                           r"|^(?i:photos?|images?|credits?)\s*(?::|by)\s")
# A misspelling keeps the name's first letter: capitalized words of six letters or more, starting as a region name can.
_CANDIDATE_HEAD = 6
_MISSPELT_MIN = 7  # names shorter than this have too many real words one letter away


def _one_off(name: str) -> set[str]:
    """Every string one edit (delete, insert or replace a letter) from ``name`` (lower case), save longer endings.

    Swapped letters ("Arstakh") are left out: the seeds' gold does not count them, docs/SCHEMA.md names deletions
    and insertions ("Nagorno-Karbakh", "Aretsakh")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = set()
    for i in range(len(name) + 1):
        if i < len(name):
            out.add(name[:i] + name[i + 1:])
            out.update(name[:i] + c + name[i + 1:] for c in letters)
        if 0 < i < len(name):
            out.update(name[:i] + c + name[i:] for c in letters)
    out.discard(name)
    return out


@lru_cache(maxsize=8)
def _misspellings(lexicon: PhraseLexicon) -> dict[str, str]:
    """Lower-case misspelling -> key: one edit from one key's names of ``_MISSPELT_MIN`` letters or more, and no other's."""
    names = {name.lower(): key for key, name in zip(lexicon.frame["key"], lexicon.frame["name"])}
    keys: dict[str, set[str]] = {}
    for name, key in names.items():  # one-word and hyphenated names: "Republic of Aretsakh" is read at "Aretsakh"
        if " " in name or len(name.replace("-", "")) < _MISSPELT_MIN:
            continue
        forms = {name, name.replace(" ", "-"), name.replace("-", " ")}
        for form in forms:
            for variant in _one_off(form):
                if variant[:1] == form[:1]:
                    keys.setdefault(variant, set()).add(key)
    return {v: next(iter(k)) for v, k in keys.items() if len(k) == 1 and lexicon.key_of(v) is None}


@lru_cache(maxsize=8)
def _candidates(lexicon: PhraseLexicon) -> re.Pattern:
    """Capitalized words (or pairs) that may be misspellings of ``lexicon``'s names: same first letter, long enough."""
    firsts = sorted({v[0].upper() for v in _misspellings(lexicon)})
    head = "[" + "".join(re.escape(c) for c in firsts) + "]"
    return re.compile(rf"(?<![\w-])({head}[^\W\d_]{{{_CANDIDATE_HEAD - 1},}})(?:[- ]([A-Z][^\W\d_]+))?(?![\w-])")


# "Read alsoFighting goes on in the regionThe speaker said ...", "Also on rt.com Truce holds, says minister": a
# link prompt opening a line, its linked headline running to the first word glued to the next sentence
_GLUED_PROMO = re.compile(r"^(?:[Rr]ead [Aa]lso|READ ALSO|[Aa]lso [Rr]ead|ALSO READ|[Ss]ee [Aa]lso|Also on [\w.-]+)[ \t]*:?[ \t]*"
                          r".{3,200}?(?<=[a-z.!?”\"’)0-9])(?=[A-Z][a-z])", re.MULTILINE)


def _glued_promos(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of link prompts and their linked headlines glued into a line: furniture, not the outlet's prose."""
    return tuple(m.span() for m in _GLUED_PROMO.finditer(text))


def _is_furniture(line: str) -> bool:
    """A tag line, a section label (one or two words), a list of labels or a photo caption."""
    return (_TAG_LINE.match(line) is not None and not _SENTENCE_BREAK.search(line)) or \
        (len(line) < 60 and len(line.split()) <= _LABEL_WORDS) or _LABEL_LIST.match(line.strip()) is not None \
        or _is_caption(line)


def _is_caption(line: str) -> bool:
    """The line ends in a picture credit: an agency or outlet (``outlets.csv``), or "Name/Agency"; or opens as one."""
    if _CAPTION_OPENING.search(line) or _FILE_PICTURE_END.search(line):
        return True
    piped = _PIPED_CREDIT.search(line) if " | " in line else None
    if piped and (_PICTURE_DESK.search(piped.group("credit")) or outlets().outlet_for(piped.group("credit").strip())):
        return True
    trailing = _TRAILING_CREDIT.search(line) if line[-1:].isalpha() else None
    if trailing and outlets().outlet_for(trailing.group("credit")) is not None:
        return True
    m = _CAPTION.search(line) if line.endswith((")", "]", ").", "].")) or "hoto" in line or "redit" in line else None
    if not m:
        return False
    credit = (m.group("credit") or m.group("by") or "").strip()
    return m.group("by") is not None or _PICTURE_DESK.search(credit) is not None or \
        outlets().outlet_for(credit) is not None or outlets().outlet_for(credit.rstrip(".")) is not None or \
        outlets().outlet_for(credit.removesuffix(" Photo")) is not None  # "(AP Photo)"


def region_mentions(text: str, lexicon: PhraseLexicon | None = None,
                    opaque: list[tuple[int, int]] | None = None) -> list[PhraseMatch]:
    """Region-name mentions in ``text``: lexicon names, misspellings of them, none in page furniture; in text order."""
    lexicon = lexicon or region_lexicon()
    read = text.translate(_LOOKALIKES) if _HAS_LOOKALIKE.search(text) else text
    opaque = opaque_spans(text) if opaque is None else opaque
    found = [PhraseMatch(m.key, text[m.start:m.end], m.start, m.end) for m in lexicon.find(read, opaque)]
    misspelt = _misspellings(lexicon)
    exact = [(m.start, m.end) for m in found]
    for c in _candidates(lexicon).finditer(read):
        if c.group().lower() in misspelt:
            parts = [c.span()]
        else:
            parts = [c.span(1), c.span(2)] if c.group(2) else [c.span(1)]
        for start, end in parts:
            key = misspelt.get(read[start:end].lower())
            if key and not any(s < end and start < e for s, e in exact) and not _inside_any(opaque, start, end):
                found.append(PhraseMatch(key, text[start:end], start, end))
    promos = _glued_promos(text) if ("lso" in text or "LSO" in text) else ()
    if promos:
        found = [m for m in found if not _inside_any(promos, m.start, m.end)]
    kept, furniture = [], {}
    title_seen = False
    title = _title_forms(text[:text.find("\n")] if "\n" in text else text)
    for m in sorted(found, key=lambda m: m.start):  # only the lines that hold a name are read for furniture
        line_start = text.rfind("\n", 0, m.start) + 1
        if line_start not in furniture:
            line_end = text.find("\n", m.start)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            skip = _is_furniture(line) or _caption_title(line, text, line_end) or \
                _player_title(line, text, line_start, line_end) or in_spans(furniture_spans(text), line_start)
            if not skip and _printed_before(line, text, line_start):
                skip = True  # the title glued to a breadcrumb above counts once
            if not skip and title and _title_forms(line) & title:
                skip = title_seen  # the title printed again (with a site suffix, after a breadcrumb) counts once
                title_seen = True
            furniture[line_start] = skip
        if not furniture[line_start]:
            kept.append(m)
    return kept



def _printed_before(line: str, text: str, line_start: int) -> bool:
    """The line's words (at least ``_REPEAT_MIN_WORDS``) already ended a line above it, glued to a breadcrumb
    ("Site.comEuropeTwo men ..." over "Two men ..."): the title printed again. (A body line printed twice in
    full counts twice.)"""
    head = line.strip()
    if len(head.split()) < _REPEAT_MIN_WORDS:
        return False
    at = text.find(head, 0, line_start)
    while at >= 0:
        end = at + len(head)
        stop = text.find("\n", end)
        if at > 0 and not text[at - 1].isspace() and not text[end:stop if stop >= 0 else len(text)].strip():
            return True
        at = text.find(head, at + 1, line_start)
    return False


def _title_forms(line: str) -> set[str]:
    """A title line as compared for repeats: spaces folded, without a " - Site" tail, without a breadcrumb
    ("Home News <title>"); empty for a short line."""
    words = line.split()
    if len(words) < _REPEAT_MIN_WORDS:
        return set()
    folded = " ".join(words)
    forms = {folded, _TITLE_TAIL.sub("", folded)}
    if words[0].lower() == "home":
        forms.update(" ".join(words[k:]) for k in (1, 2, 3))
    return {f for f in forms if len(f.split()) >= _REPEAT_MIN_WORDS}


def _player_title(line: str, text: str, line_start: int, line_end: int) -> bool:
    """A headline-like line next to a media player's lines: the video's title, not the article."""
    head = line.strip()
    if not head or head[-1:] in ".!?" or len(head.split()) > 20:
        return False
    before_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    before = text[before_start:max(0, line_start - 1)] if line_start else ""
    after_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    after = text[line_end + 1:after_end if after_end >= 0 else len(text)] if line_end >= 0 else ""
    return _PLAYER_LINE.match(before) is not None or _PLAYER_LINE.match(after) is not None


def _caption_title(line: str, text: str, line_end: int) -> bool:
    """A line over a caption that opens with the same words: a short heading ("X militia soldier" over "X militia
    soldier holds ... (AP Photo)"), or the caption once without its credit."""
    head = line.strip()
    if line_end < 0 or not head:
        return False
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1:next_end if next_end >= 0 else len(text)].strip()
    return following.startswith(head + " ") and _is_caption(following)


def _inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def find_names(text: str, lexicons: dict[str, PhraseLexicon] | None = None,
               opaque: list[tuple[int, int]] | None = None) -> list[dict]:
    """Region, place and label mentions in one text, sorted by offset (``opaque``: its URL/handle spans, if known)."""
    lexicons = lexicons or _lexicons()
    opaque = opaque_spans(text) if opaque is None else opaque
    found = []
    for category, lexicon in lexicons.items():
        matches = region_mentions(text, lexicon, opaque) if category == "region" else lexicon.find(text, opaque)
        for m in matches:
            found.append({"category": category, "key": m.key, "name": _SPACE.sub(" ", m.written),
                          "start": m.start, "end": m.end})
    found.sort(key=lambda f: (f["start"], f["category"]))
    return found


def name_mentions(
    articles: pd.DataFrame,
    *,
    region: PhraseLexicon | None = None,
    place: PhraseLexicon | None = None,
    label: PhraseLexicon | None = None,
    parsed=None,
) -> pd.DataFrame:
    """One row per name/label mention with its sentence (columns: ``MENTION_COLUMNS``).

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return mentions_frame(mention_rows(articles, region=region, place=place, label=label, parsed=parsed))


def mentions_frame(rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """The name_mentions table from :func:`mention_rows` records (of one or more chunks), or the same as columns (dict of lists)."""
    return schema.frame("name_mentions", rows)


def mention_rows(
    articles: pd.DataFrame,
    *,
    region: PhraseLexicon | None = None,
    place: PhraseLexicon | None = None,
    label: PhraseLexicon | None = None,
    parsed=None,
    capped: dict | None = None,
) -> list[dict]:
    """The records of :func:`name_mentions`, for building it chunk by chunk.

    ``capped``: when given, receives ``{article_id: rows}`` for each article whose mentions passed
    :data:`SENTENCE_CHARS_PER_ARTICLE` (the rows whose ``sentence`` was left empty), for the build to log.
    """
    return _mention_rows(articles, _lexicons(region, place, label), parsed, capped)


SENTENCE_CHARS_PER_ARTICLE = 200_000
"""Characters of sentence text the ``name_mentions`` rows of one article copy, at most. The rows after it
keep their ``sentence_index`` (which names the sentence) and get an empty ``sentence``. Measured (issue 16):
a page of one place name repeated gives a mention every dozen characters, each copying its sentence of up to
1,000 characters, and 500 such pages of 10 KB made 485,000 rows and most of the build's peak memory; a news
article copies a few thousand characters (under 50 mentions of sentences of a few hundred), far below it."""


def _mention_rows(articles: pd.DataFrame, lexicons: dict[str, PhraseLexicon], parsed=None,
                  capped: dict | None = None) -> list[dict]:
    rows = []
    parses = parses_for(articles["text"], parsed)
    for (article_id, outlet, text), parse in zip(iter_articles(articles), parses):
        parse = parsed_for(text, parse)
        copied, left_out = 0, 0
        for f in find_names(text, lexicons, parse.opaque):
            s = sentence_at(parse.sentences, f["start"])
            sentence = s.text if s else ""
            copied += len(sentence)
            if copied > SENTENCE_CHARS_PER_ARTICLE:
                sentence, left_out = "", left_out + 1
            rows.append({"article_id": article_id, "outlet": outlet, **f,
                         "sentence_index": s.index if s else -1, "sentence": sentence})
        if left_out and capped is not None:
            capped[article_id] = left_out
    return rows


def label_mentions(articles: pd.DataFrame, lexicon_file: str | Path | None = None) -> pd.DataFrame:
    """Party-label mentions only, with the label lexicon at ``lexicon_file`` (bundled when None)."""
    return mentions_frame(_mention_rows(articles, {"label": label_lexicon(lexicon_file)}))


def relabel(mentions: pd.DataFrame, articles: pd.DataFrame, lexicon_file: str | Path | None = None) -> pd.DataFrame:
    """``mentions`` with its label rows found again with the analyst's lexicon (unchanged when None)."""
    require_frame(mentions, tuple(MENTION_COLUMNS), "mentions")
    if lexicon_file is None:
        return mentions
    kept = mentions[mentions["category"] != "label"]
    labels = label_mentions(articles, lexicon_file)
    merged = pd.concat([kept, labels], ignore_index=True) if len(kept) else labels
    return merged.sort_values(["article_id", "start", "category"], kind="stable").reset_index(drop=True)


NAME_COUNT_KEYS = ("article_id", "outlet", "category", "key", "name")
"""The columns of ``name_mentions`` that :func:`names_table` counts by (and the only ones it reads)."""


def names_table(mentions_or_articles: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares per article, category, key and name (columns: ``NAMES_COLUMNS``).

    Accepts either the articles frame or :func:`name_mentions` output.
    """
    frame = mentions_or_articles
    if "category" not in frame.columns:
        frame = name_mentions(frame)
    if frame.empty:
        return pd.DataFrame(columns=list(NAMES_COLUMNS))
    keys = list(NAME_COUNT_KEYS)
    counts = frame.groupby(keys, sort=False, dropna=False).size().rename("count").reset_index()
    by_cat = counts.groupby(["article_id", "category"], sort=False)["count"].transform("sum")
    by_key = counts.groupby(["article_id", "category", "key"], sort=False)["count"].transform("sum")
    counts["share"] = counts["count"] / by_cat
    counts["key_share"] = counts["count"] / by_key
    order = {c: i for i, c in enumerate(CATEGORIES)}
    counts["_c"] = counts["category"].map(order)
    counts = counts.sort_values(["article_id", "_c", "key", "count"], ascending=[True, True, True, False], kind="stable")
    return counts.drop(columns="_c").reset_index(drop=True)[list(NAMES_COLUMNS)]


def region_name_counts(articles: pd.DataFrame, *, region: PhraseLexicon | None = None, parsed=None) -> pd.DataFrame:
    """Article x region-name key counts; ``REGION_KEYS`` always present, other keys when found.

    ``parsed``: optional :class:`~analysis.nlp.parsed.ParsedArticle` per row, in order.
    """
    return region_counts_frame(region_count_rows(articles, region=region, parsed=parsed), region=region)


def region_count_rows(articles: pd.DataFrame, *, region: PhraseLexicon | None = None, parsed=None) -> dict[str, dict[str, int]]:
    """``article_id -> {key: count}`` for :func:`region_name_counts`, chunk by chunk."""
    lexicon = region or region_lexicon()
    rows = {}
    parses = parses_for(articles["text"], parsed)
    for (article_id, _outlet, text), parse in zip(iter_articles(articles), parses):
        counts: dict[str, int] = dict.fromkeys(REGION_KEYS, 0)
        for m in region_mentions(text, lexicon, None if parse is None else parsed_for(text, parse).opaque):
            counts[m.key] = counts.get(m.key, 0) + 1
        rows[article_id] = counts
    return rows


def region_counts_from_mentions(article_ids, mentions: list[dict]) -> dict[str, dict[str, int]]:
    """:func:`region_count_rows` from :func:`mention_rows` records of the same articles
    (found with the default region lexicon), without matching the texts again."""
    rows = {article_id: dict.fromkeys(REGION_KEYS, 0) for article_id in article_ids}
    for m in mentions:
        if m["category"] == "region":
            counts = rows[m["article_id"]]
            counts[m["key"]] = counts.get(m["key"], 0) + 1
    return rows


def region_counts_frame(rows: dict[str, dict[str, int]], *, region: PhraseLexicon | None = None) -> pd.DataFrame:
    """The region-name count frame from :func:`region_count_rows` (of one or more chunks)."""
    return _region_columns(pd.DataFrame.from_dict(rows, orient="index"), region)


def region_counts_joined(parts: list[pd.DataFrame], *, region: PhraseLexicon | None = None) -> pd.DataFrame:
    """The region-name count frame of a corpus from the :func:`region_counts_frame` of each of its chunks (a
    build's driver keeps these compact frames, not a dict per article)."""
    if not parts:
        return region_counts_frame({}, region=region)
    return _region_columns(pd.concat(parts), region)


def _region_columns(frame: pd.DataFrame, region: PhraseLexicon | None) -> pd.DataFrame:
    lexicon = region or region_lexicon()
    frame = frame.fillna(0).astype("int64")
    for key in REGION_KEYS:
        if key not in frame.columns:
            frame[key] = pd.Series(0, index=frame.index, dtype="int64")
    extra = [c for c in lexicon.keys if c in frame.columns and c not in REGION_KEYS]
    extra += sorted(c for c in frame.columns if c not in REGION_KEYS and c not in extra)
    frame = frame[list(REGION_KEYS) + extra]
    frame.index.name = "article_id"
    return frame
