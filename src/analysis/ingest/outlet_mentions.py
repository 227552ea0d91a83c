"""Which outlet wrote a text, read from the text itself: the cues real pages carry.

Two kinds of cue, each naming an outlet of ``lexicons/outlets.csv``:

- **author** cues name the outlet that wrote the text: a wire tag in a lead or
  dateline ("YEREVAN, Armenia (AP) —", "MOSCOW, October 5. /TASS/.",
  "(Bloomberg) --", "STEPANAKERT, DECEMBER 16, ARMENPRESS."), an agency's own
  tag ("..., Trend reports."; "Report informs"), a lead prefix
  ("PanARMENIAN.Net - ..."), a byline ("By VOA News"), a credit line
  ("AFP, Baku Sunday 08 November 2020"; a bare name over a date line), a
  source line ("Source: IRNA"), a sign-off line that is nothing but the name, a
  body's own statement named in its title ("Statement of the Foreign Ministry of
  Armenia", "UNICEF statement on ..."; a body the lexicon does not know is kept as
  the title writes it),
  and the outlet's own voice ("Al Jazeera could not independently verify",
  a photo "for The New York Times");
- **site** cues name the site that shows the page: a title suffix ("... -
  DW News"), a section label ("TODAY.AZ / Politics"), a copyright line
  ("© 2020 ..."), a bare name at the top.

An author cue wins over a site cue (a wire copy carried by another site is the
wire's text), and the site is then the republisher. A source the text quotes
is not a cue: "according to Reuters", "told TASS", "Interfax reported" (the
past tense cites; an agency tags its own copy in the present, "reports").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from analysis.ingest.outlets import OutletLexicon
from analysis.lexicons.load import alternation
from analysis.nlp.temporal.vocabulary import month_numbers

# Author cues, strongest first; then site cues. The order settles which cue names the outlet.
AUTHOR_BASES = ("wire", "selftag", "byline", "credit", "statement", "source", "signoff", "voice")
SITE_BASES = ("title", "label", "copyright")

_TOP_LINES = 4  # a title, a section label, a bare site name: among the first lines
_END_LINES = 4  # a sign-off: among the last lines
_SHORT = 90  # a metadata line is short
_LEAD_LINES = 8  # an agency tags its copy in the lead
_SENTENCE_WORDS = 15  # a line this long is a sentence of the body, not a title, label or caption


# Picture agencies: their credit on a photo names where the picture came from, not who wrote the text.
PICTURE_AGENCIES = frozenset({"AFP", "Associated Press", "Reuters", "EPA", "Getty Images", "Anadolu Agency", "TASS",
                              "Sputnik", "Xinhua", "RIA Novosti", "dpa", "Shutterstock", "AP Photo"})

_BY_ALONE = re.compile(r"^(?:(?i:written|posted|reported))?\s*(?i:by):?$")  # a byline whose name is the next line


@dataclass(frozen=True)
class OutletCue:
    """One place the text names an outlet: which outlet, the kind of cue (``basis``), and its line."""

    outlet: str
    basis: str
    line: int

    @property
    def author(self) -> bool:
        return self.basis in AUTHOR_BASES


@dataclass(frozen=True)
class OutletReading:
    """The outlet that wrote the text (with its basis) and the site that shows it, when it differs."""

    outlet: str | None = None
    basis: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class _Patterns:
    wire: re.Pattern
    slash: re.Pattern
    dateline: re.Pattern
    lead: re.Pattern
    lead_colon: re.Pattern
    story: re.Pattern
    selftag: re.Pattern
    reported_by: re.Pattern
    byline: re.Pattern
    byline_tail: re.Pattern
    desk: re.Pattern
    credit: re.Pattern
    dated_credit: re.Pattern
    pipe_credit: re.Pattern
    agencies: re.Pattern
    source: re.Pattern
    read_at: re.Pattern
    source_host: re.Pattern
    voice: re.Pattern
    photo: re.Pattern
    suffix: re.Pattern
    label: re.Pattern
    prompt: re.Pattern
    glued_label: re.Pattern
    underwriting: re.Pattern
    copyright: re.Pattern
    date_line: re.Pattern
    place_tag: re.Pattern
    place_credit: re.Pattern
    origin: re.Pattern
    team: re.Pattern
    glued_signoff: re.Pattern
    staff_photo: re.Pattern
    foot_credit: re.Pattern
    lead_dated: re.Pattern
    outlet_dateline: re.Pattern
    site_icon: re.Pattern
    author_bio: re.Pattern
    release_lead: re.Pattern


@lru_cache(maxsize=8)
def _patterns(aliases: tuple[str, ...]) -> _Patterns:
    """The cue patterns for one lexicon's aliases, compiled once (names and keywords in any case, places capitalized)."""
    glued = r"(?P<name>(?i:" + alternation(aliases) + r"))(?!\w)"  # may follow a full stop
    name = r"(?<![\w.])" + glued
    month = "(?i:" + "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True)) + r")\.?"
    date = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month}|{month}\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b)"
    numeric = r"(?:\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b)"  # 10/26/2020, 2020-11-13
    place = r"[A-Z][\w.'’-]*(?:[ ,/]+[A-Z][\w.'’-]*){0,4}"
    return _Patterns(
        # "YEREVAN, Armenia (AP) —", "(Bloomberg) --", "Baku / Yerevan (dpa) –": the tag is read by _wire_tag.
        # "Yerevan [Armenia], December 5 (ANI/Sputnik):", "Baku, Oct 17 (efe-epa).-": a bracketed country and a date may
        # stand between the place and the tag.
        # "10/11/2021 Nagorno-Karabakh (X) –": a numeric date before the place.
        wire=re.compile(rf"^(?:{numeric}\s+)?(?:{place}(?:\s*\[[^\]\n]{{2,30}}\])?,?\s*(?:{date}(?:,?\s+(?:19|20)\d\d)?,?\s*)?)?"
                        rf"\((?P<tag>[^()\n]{{2,80}})\)\s*(?P<dash>[-—–]{{1,2}}|:|\.-)?\s*\S"),
        slash=re.compile(rf"{glued}\s*/"),  # matched where a name starts, after a "/"
        dateline=re.compile(rf"^{place},?\s+{date}(?:,?\s+(?:19|20)\d\d)?\s*[.,]\s*{name}\s*(?:[.,:—–-]|$)"),
        lead=re.compile(rf"^{name}\s*(?:[-—–]{{1,2}}\s+\S|:$)"),
        # "Daily Site: Officials said ... .", "12 / 03.12.20 / Agency: On Monday ... .": a sentence at the body's start
        # (a headline "X: ..." quotes X; further down, "X: ..." quotes a report: "X report from the city:" / "X: ...")
        lead_colon=re.compile(rf"^(?:[\d.:/ ]{{2,20}}/\s*)?{name}\s*:\s+(?=[A-Z])"),
        # "- STORY: REUTERS/PHOTO: GETTY IMAGES": the story's credit names its author
        story=re.compile(rf"^[-•–]?\s*(?i:story|text|words)\s*:\s*{name}"),
        selftag=re.compile(rf"{glued}\s+(?P<verb>(?i:reports|informs|says))\b"
                           rf"(?P<citing>,?\s+(?i:citing|with reference to|quoting)\b)?"),
        # "..., reports Xinhua news agency.": the tag inverted, closing a sentence of the lead (read after the name).
        reported_by=re.compile(r"(?:\s+(?i:news\s+agency|agency))?(?:\s*(?:\.(?:\.\.)?|…)(?:\s|$)"
                               r"|,?\s+(?i:citing|quoting|with reference to)\b)"),  # "..., reports TASS…" too
        # "By VOA News", "By Reuters News Service00" (a comment counter glued to it)
        byline=re.compile(rf"^(?i:by)\s+(?:(?i:the)\s+)?{name}(?:\s+(?i:staff writer|staff|news service|news|reporters?))?\s*\d*\s*(?:[|,]|$)"),
        byline_tail=re.compile(rf"^(?i:by)\s+[^|,]{{2,60}}?[,|]?\s+{name}\s*$"),
        # "Gulf Today Report", "Dawn Web Desk": the outlet's desk signing the text on a line of its own
        desk=re.compile(rf"^{name}\s+(?i:report|staff report|staff|web desk|news desk|desk|bureau|news service)\s*$"),
        # "AFP, Baku Sunday 08 November 2020", "AFP 28 Sep 2020", "RFE/RL - 10/26/2020"
        # "Site Name Monday, 12 October 2020": the name and the date line on one line
        credit=re.compile(rf"^{name}\s*(?:[,|]\s*(?:[^\d\n]{{0,30}}?){date}"
                          rf"|(?<=\w)\s+(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?{date}"
                          rf"(?:\s+(?:19|20)\d\d)?\s*$"
                          rf"|[-–—,|]\s*(?:[^\d\n]{{0,30}}?)\(?{numeric})"),
        # "PTI | Moscow | Updated: ...", often glued to the sentence before it; "Agencies and A News".
        pipe_credit=re.compile(rf"{glued}\s*\|\s*{place}\s*\|"),
        agencies=re.compile(rf"^[-–•]?\s*(?i:agencies and|with agencies,?)\s+{name}$"),
        dated_credit=re.compile(rf"^.{{0,40}}?{date}.{{0,20}}?\(\s*{name}\s*\)\s*$"),
        source=re.compile(rf"^\(?(?i:(?:news\s+)?source|sources|via|courtesy of)\s*(?::|~|[-–—])\s*{name}\s*[.)]?$"),
        # "Continue reading this article at X": a teaser of the outlet's text.
        read_at=re.compile(rf"^(?i:continue reading|read)\s+(?i:(?:this|the)\s+(?:full\s+)?(?:article|story)\s+)?"
                           rf"(?i:at|on)\s+{name}\s*\.?$"),
        # "source tass.com", "Source: https://www.example.com/article/...": the host of the copy, looked up by domain.
        source_host=re.compile(r"^\(?(?i:(?:news\s+)?source|sources)\s*[:~-]?\s*(?:https?://)?(?:www\.)?"
                               r"(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?\s*\)?$", re.IGNORECASE),
        voice=re.compile(rf"{glued}(?:\s+(?i:could not|couldn't|cannot|can't|was unable to|is unable to|has been unable to|"
                         rf"was not able to)\s+(?i:immediately\s+)?(?i:independently\s+)?(?i:verify|confirm)\b"
                         rf"|\s+(?i:has this report|has the report|has more)\b"
                         rf"|(?:'s|’s)\s+(?i:continuing|live|ongoing|rolling)\s+(?i:coverage|updates|blog)\b"
                         rf"|(?:(?:'s|’s)\s+(?:(?i:special|senior|chief|own)\s+)?(?i:correspondents?\s+|reporters?\s+)?"
                         rf"|\s+(?:(?i:special|senior|chief|own)\s+)?(?i:correspondents?|reporters?)\s+)[A-Z][\w-]+\s+[A-Z][\w-]+(?:\s+in\s+[A-Z][\w-]+)?"
                         # "X special correspondent A B traveled to ...": the outlet's own reporter at work
                         rf"\s+(?i:reports|says|traveled|travelled|went|visited|spent|spoke|met|witnessed)\b)"),
        photo=re.compile(rf"(?i:credit|photo|photograph)\W.{{0,60}}?\b(?i:for)\s+{name}\s*\.?$"),
        # "... - DW News", "... - GV Wire - Explore. Explain. Expose" (the site's tag line after its name)
        suffix=re.compile(rf"^.{{2,}}?\s+[—–|-]{{1,2}}\s+{name}\s*(?:\s[—–|-]{{1,2}}\s+[^—–|\n]{{2,40}})?\.?$"),
        label=re.compile(rf"^{name}(?:\s*\((?:NGO|[A-Z]{{2,6}})\))?\s*(?:[/|—–-]\s*)?(?:[A-Z][\w&]*(?:\s+[A-Z&][\w&]*){{0,2}})?$"),
        prompt=re.compile(rf"^(?:(?i:join|subscribe to|support|sign up for|follow)|(?i:become\s+an?))\s+{name}"
                          rf"(?:\s+(?i:today|now|on \w+)|(?<=[\w.])\s+(?i:member|supporter|subscriber|patron))?[.!]?$"
                          ),
        # "Support for LAist comes from": a public radio's underwriting line
        underwriting=re.compile(rf"^(?i:support\s+for)\s+{name}\s+(?i:comes\s+from)\b"),
        # "The Washington PostDemocracy Dies in Darkness": the site's name glued to its tag line at the top
        glued_label=re.compile(r"^(?P<name>(?i:" + alternation(aliases) + r"))(?=[A-Z][a-z])"),
        copyright=re.compile(rf"(?:(?:©|\((?i:c)\)|(?i:copyright))\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?"
                             rf"\s*[,.]?|(?i:all\s+rights\s+reserved\s+(?:by|to)))\s*(?:(?i:the)\s+)?{name}"),
        # "TBILISI, DFWatch–At least ...": a dateline whose place (in capitals) is followed by the outlet, no date.
        place_tag=re.compile(rf"^[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*(?:,\s*[A-Z][\w'’-]+)?,\s*{name}\s*[—–-]{{1,2}}\s*\S"),
        # "AFP, GANJA, Azerbaijan": a credit line of the agency and the place it files from (in capitals).
        place_credit=re.compile(rf"^{name},\s*[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*(?:,\s*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)?\.?$"),
        # an origin note ("This text first appeared in the Armenian edition of X on ..."): the text's author.
        origin=re.compile(rf"(?i:originally|first)\s+(?i:published|appeared)\s+(?i:on|in|by|at)\b[^.\n]{{0,70}}?"
                          rf"[‘'\"“]?{glued}[’'\"”]?"),
        # "an X team reported", "an X journalist in the city saw": the outlet's own people on the ground.
        team=re.compile(rf"{glued}\s+(?i:team|journalists?|correspondents?|reporters?|photographers?|crew)\b[^.;\n]{{0,50}}?"
                        rf"\s(?i:reported|reports|saw|sees|counted|witnessed|heard|visited|found)\b"),
        # "... watched on and wept.   -AFP": a sign-off after the last sentence.
        glued_signoff=re.compile(rf"[.!?\"”’]\s*[-—–]{{1,2}}\s*{glued}\s*\.?$"),
        # "(Marcus Yam / Los Angeles Times)": a staff photographer's credit names the paper.
        staff_photo=re.compile(rf"\((?:[A-Z][\w.'’-]+\s+){{1,3}}?[A-Z][\w.'’-]+\s*/\s*{glued}\s*\)"),
        # "16-XI-20, nytimes": a source line at the foot, the date before the outlet's name.
        foot_credit=re.compile(rf"^(?:{date}|{numeric}|\d{{1,2}}[-./](?:[IVX]{{1,4}}|\d{{1,2}})[-./]\d{{2,4}})\s*,\s*{name}\s*\.?$"),
        date_line=re.compile(rf"^[\W\d]*(?:[A-Z][a-z]+,?\s+)?{date}[\w\s,:.|-]*$"),
        # "Example News, October 15th, a report says ...": the agency and the date open the lead.
        lead_dated=re.compile(rf"^{name},\s*(?:{date}|{month}\s+\d{{1,2}}(?:st|nd|rd|th))(?:,?\s+(?:19|20)\d\d)?\s*[,:—–-]\s*\S"),
        # "Kars, EXAMPLENEWS, Nov. 15: ...": the agency between the dateline's place and its date.
        outlet_dateline=re.compile(rf"^{place},\s*{name},\s*{date}(?:,?\s+(?:19|20)\d\d)?\s*[:.—–-]"),
        # "Site icon Example Review" (a blog theme's logo text), "From Example, the free encyclopedia".
        site_icon=re.compile(rf"^(?:(?i:site\s+icon)|(?i:from))\s+{name}(?:\s*$|(?<=\w),\s+the\s+free\s+encyclopedia\b)"),
        # "A B is the news editor of Example.com": the author's note at the foot names the outlet he writes for.
        author_bio=re.compile(r"\b(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?i:editor|reporter|correspondent|"
                              rf"writer|columnist|contributor|journalist)\s+(?:of|at|for|with)\s+(?:(?i:the)\s+)?{glued}"
                              r"\s*(?:[,.;]|$)"),
        # "Example Watch (EW) calls on both parties ...", "Example Aid is deeply concerned ...": a body's own
        # release opens with the body in the present tense (a report on it would write "called", "said on Monday").
        release_lead=re.compile(rf"{glued}(?:\s+\([A-Z]{{2,8}}\))?(?:,\s[^,.\n]{{3,80}},)?\s+"
                                r"(?:calls\s+(?:on|upon|for)|urges|condemns|welcomes|deplores|strongly\s+condemns|"
                                r"(?:is|are)\s+(?:deeply\s+|gravely\s+|extremely\s+)?(?:concerned|alarmed|saddened|shocked)|"
                                r"said\s+today|today\s+(?:called|urged|condemned|said|released|published|issued))\b"),
    )


def _written_as_known(written: str, aliases: dict[str, tuple[str, ...]]) -> bool:
    """``written`` is an alias in a case that fits it: as the lexicon writes it, all capitals, or any case for a
    web name ("News.Az" for "News.az"); "trend" is not "Trend"."""
    forms = aliases.get(written.lower())
    if not forms:
        return False
    return written in forms or (written.isupper() and len(written) > 2) or any("." in f for f in forms)


def _outlet(match: re.Match, lexicon: OutletLexicon, aliases: dict[str, tuple[str, ...]]) -> str | None:
    written = match.group("name")
    return lexicon.outlet_for(written) if _written_as_known(written, aliases) else None


def _wire_tag(tag: str, lexicon: OutletLexicon, aliases: dict[str, tuple[str, ...]]) -> str | None:
    """The agency a wire tag names: "AP", "dpa", "UrduPoint News / Sputnik - 22nd October, 2020" (the carried wire: last)."""
    whole = tag.strip()
    if _written_as_known(whole, aliases):
        return lexicon.outlet_for(whole)
    found = None
    for part in tag.split("/"):
        part = re.split(r"\s+[-–—]\s+|,", part)[0].strip()
        if part and _written_as_known(part, aliases):
            found = lexicon.outlet_for(part)
        elif _POOLED.search(part) and _written_as_known(_POOLED.sub("", part), aliases):
            found = lexicon.outlet_for(_POOLED.sub("", part))  # "NNN-AGENCIES": the agency and the wires it pools
    return found


_POOLED = re.compile(r"\s*-\s*(?:AGENCIES|Agencies|agencies)$")


_READERS: dict[int, tuple[OutletLexicon, _Patterns, tuple[re.Pattern, ...]]] = {}


def _reader(lexicon: OutletLexicon) -> tuple[_Patterns, tuple[re.Pattern, ...]]:
    """The cue patterns and the alias finders of one lexicon, built once."""
    known = _READERS.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        aliases = lexicon.written_aliases()
        forms = {f for fs in aliases.values() for f in fs}
        # case-sensitive (fast): the names as written and in capitals, web names ("News.az") in their usual cases
        written = forms | {f.upper() for f in forms if len(f) > 2}
        written |= {v for f in forms if "." in f for v in (f.lower(), f.title(), f[:1].upper() + f[1:].lower())}
        finders = (re.compile(r"\b(?:" + alternation(written) + r")(?!\w)"),)
        known = (lexicon, _patterns(tuple(sorted(aliases))), finders)
        _READERS[id(lexicon)] = known
    return known[1], known[2]


def _names_by_line(lines: list[str], finders: tuple[re.Pattern, ...], aliases) -> dict[int, list[int]]:
    """Line index -> offsets (in the stripped line) where an alias written as an outlet's name starts: one pass."""
    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    found: dict[int, list[int]] = {}
    for finder in finders:
        for m in finder.finditer(text):
            if _written_as_known(m.group(), aliases):
                index = bisect_right(starts, m.start()) - 1
                lead = len(lines[index]) - len(lines[index].lstrip())
                found.setdefault(index, []).append(m.start() - starts[index] - lead)
    return found


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _first_sentence_end(line: str) -> int:
    """Where the line's first sentence ends: a stop before a capital, not after a short capitalized
    abbreviation ("Mass. (Oct. 9, 2020)—Example Aid ..."; "Dr. A")."""
    for m in _SENTENCE_END.finditer(line):
        word = _WORD_BEFORE.search(line, max(0, m.start() - 20), m.start() + 1)
        if word and word.group(1)[:1].isupper() and len(word.group(1)) <= 5:
            continue
        return m.end()
    return len(line)
_COMMA_BEFORE = re.compile(r",[\"”’]?\s*$")
_QUOTE_BEFORE = re.compile(r"[\"”’]\s*$")
_INVERTED_BEFORE = re.compile(r",\s+(?:reports|informs)\s+$")  # "..., reports Xinhua." (present tense: the tag)


def outlet_cues(lines: list[str], lexicon: OutletLexicon) -> list[OutletCue]:
    """Every outlet cue in ``lines`` (the text's lines, title first), in line order.

    Only lines that name an outlet are read (and the line before one: "Written By" over the name); the
    patterns that may sit anywhere in a line are tried only where a name starts.
    """
    aliases = lexicon.written_aliases()
    pats, finders = _reader(lexicon)
    cues: list[OutletCue] = []
    last = len(lines) - 1
    names = _names_by_line(lines, finders, aliases)
    candidates = sorted(set(names) | {i - 1 for i in names if i > 0})
    # the first line of the body: no line above it is a sentence (titles, labels and captions are short)
    body_start = next((i for i, l in enumerate(lines[:_LEAD_LINES + 1]) if len(l.split()) >= _SENTENCE_WORDS), _LEAD_LINES + 1)

    def add(match: re.Match | None, basis: str, index: int) -> bool:
        outlet = _outlet(match, lexicon, aliases) if match else None
        if outlet:
            cues.append(OutletCue(outlet, basis, index))
        return outlet is not None

    for index in candidates:
        line = lines[index].strip()
        if not line:
            continue
        short = len(line) <= _SHORT
        wire = pats.wire.match(line)
        if wire and (wire.group("dash") or re.search(r"/| - ", wire.group("tag"))) and \
                (outlet := _wire_tag(wire.group("tag"), lexicon, aliases)):
            cues.append(OutletCue(outlet, "wire", index))  # a dash after the tag: "Human Rights Watch (HRW) said" is no tag
        add(pats.dateline.match(line), "wire", index)
        if index <= _LEAD_LINES:
            add(pats.place_tag.match(line), "wire", index)
            add(pats.outlet_dateline.match(line), "wire", index)
        if index > 0:
            add(pats.lead.match(line), "wire", index)
        if (index > 0 or not short) and index <= _LEAD_LINES:  # a page may open on its lead, with no title
            add(pats.lead_dated.match(line), "wire", index)
        if (0 < index or not short) and index <= body_start and index in names:
            # "Example Watch (EW) calls on both parties ...", "..., Example Watch said today.": a body's own release
            # names the body in its first sentence, in the present tense (a report on it: "called", "said on Monday")
            first = line[:_first_sentence_end(line)]
            for pos in names[index]:
                if pos < len(first) and add(pats.release_lead.match(first, pos), "statement", index):
                    break
        if index < _TOP_LINES + 2 and short:
            add(pats.site_icon.match(line), "label", index)
        if index >= last - _END_LINES + 1 and index > 0 and ("editor" in line or "writer" in line or "eporter" in line
                                                             or "orrespondent" in line or "olumnist" in line
                                                             or "ontributor" in line or "ournalist" in line):
            add(pats.author_bio.search(line), "byline", index)
        if 0 < index <= body_start and line.endswith((".", "!", "?", "\"", "”")):  # a sentence, not a headline
            add(pats.lead_colon.match(line), "wire", index)
        if short:
            add(pats.story.match(line), "credit", index)
        for pos in names.get(index, ()):
            before = line[max(0, pos - 4):pos]
            free = pos == 0 or not (line[pos - 1].isalnum() or line[pos - 1] in "._")
            if pos < 200 and before.rstrip().endswith("/"):
                add(pats.slash.match(line, pos), "wire", index)
            if index <= _LEAD_LINES:
                m = pats.selftag.match(line, pos)
                comma = _COMMA_BEFORE.search(before) is not None
                verb = m.group("verb").lower() if m else None
                if m and (m.group("citing") or (comma and verb != "says")) and \
                        (pos == 0 or comma or _QUOTE_BEFORE.search(before)):
                    add(m, "selftag", index)
                elif m and pos == 0 and verb == "informs":  # "Report informs, the statement reads:"
                    add(m, "selftag", index)
                elif _INVERTED_BEFORE.search(line, max(0, pos - 12), pos):
                    written = finders[0].match(line, pos)
                    if written and pats.reported_by.match(line, written.end()):
                        cues.append(OutletCue(lexicon.outlet_for(written.group()), "selftag", index))
            if pos == 0 or line[pos - 1].isspace() or line[pos - 1] in ".!?”\"":
                add(pats.pipe_credit.match(line, pos), "credit", index)
            if free:
                add(pats.voice.match(line, pos), "voice", index)
                if line[max(0, pos - 3):pos].lower() in ("an ", " a ") or line[max(0, pos - 2):pos] == "A ":
                    add(pats.team.match(line, pos), "voice", index)
        if short:
            add(pats.byline.match(line) or pats.byline_tail.match(line) or pats.desk.match(line), "byline", index)
            if _BY_ALONE.match(line) and index < last and _written_as_known(lines[index + 1].strip(), aliases):
                cues.append(OutletCue(lexicon.outlet_for(lines[index + 1]), "byline", index))
            add(pats.credit.match(line) or pats.dated_credit.match(line), "credit", index)
            add(pats.source.match(line) or pats.read_at.match(line), "source", index)
            add(pats.agencies.match(line), "credit", index)
            add(pats.place_credit.match(line), "credit", index)
        if "ublished" in line or "ppeared" in line:
            add(pats.origin.search(line), "credit", index)
        if index >= last - _END_LINES + 1 and index > 0:
            add(pats.glued_signoff.search(line), "signoff", index)
            if short:
                add(pats.foot_credit.match(line), "source", index)
        if "/" in line and "(" in line:
            for m in pats.staff_photo.finditer(line):
                outlet = _outlet(m, lexicon, aliases)
                if outlet and outlet not in PICTURE_AGENCIES:
                    cues.append(OutletCue(outlet, "voice", index))
        if "redit" in line or "hoto" in line:
            add(pats.photo.search(line), "voice", index)
        if "©" in line or "opyright" in line or "(c)" in line.lower() or "ights reserved" in line:
            add(pats.copyright.search(line), "copyright", index)
        if not short:
            if index == 0 and len(line) <= 2 * _SHORT:  # a long title still carries the site's suffix
                add(pats.suffix.match(line), "title", index)
            continue
        add(pats.prompt.match(line) or pats.underwriting.match(line), "label", index)
        bare = lexicon.outlet_for(line.strip(" .—–-")) if _written_as_known(line.strip(" .—–-"), aliases) else None
        if bare:
            dated_next = index < last and pats.date_line.match(lines[index + 1].strip() or "-") is not None
            if dated_next and index < _TOP_LINES + 2:
                cues.append(OutletCue(bare, "credit", index))
            elif index >= last - _END_LINES + 1 and index > 0:
                cues.append(OutletCue(bare, "signoff", index))
            elif index < _TOP_LINES:
                cues.append(OutletCue(bare, "label", index))
            continue
        if index < _TOP_LINES or index > last - _END_LINES:
            if not add(pats.suffix.match(line), "title", index):
                add(pats.label.match(line), "label", index)
    for index in range(min(_TOP_LINES, last + 1)):  # the name glued to its tag line: the finders need a word's end
        if index not in names:
            add(pats.glued_label.match(lines[index].strip()), "label", index)
    for index in range(max(0, last - _END_LINES + 1), last + 1):  # "Source: https://www.example.com/...", "source x.com"
        line = lines[index].strip()
        if line.lower().lstrip("(").startswith(("source", "news source")):
            host = pats.source_host.match(line)
            outlet = lexicon.outlet_for_host(host.group("host").lower()) if host else None
            if outlet is not None and all(c.line != index for c in cues):
                cues.append(OutletCue(outlet, "source", index))
    cues.extend(_statement_cues(lines, lexicon, aliases, finders))
    return sorted(cues, key=lambda c: c.line)  # stable: a line's cues keep their order


# "Statement of the Ministry of ...", "Press release of the press office of ...", "Comment by the High
# Commissioner ...", "Press Briefing by the Spokesperson's Office", after a topic ("X conflict: Statement by ..."): the
# title of a body's own statement.
_STATEMENT_BY = re.compile(r"^(?:[^:\n]{1,80}:\s+)?(?:(?i:the)\s+)?(?:(?i:joint\s+)?(?i:statement|press[\s-]+release|information|comment|communiqu[ée]|"
                           r"declaration|message|appeal|(?:daily\s+)?press\s+briefing))\s+(?i:of|by|from)\s+(?:(?i:the)\s+)?(?P<issuer>\S.{2,200})$")
_STATEMENT_AFTER = re.compile(r"^(?P<issuer>[A-Z][\w.&'’()-]*(?:\s+(?:of|the|for|and|[A-Z][\w.&'’()-]*)){0,8}?)\s+"
                              r"(?i:statement|press\s+release|comment)\s+(?i:on|about|regarding|concerning)\b")
_TOPIC = re.compile(r"\s+(?:on|concerning|regarding|about|in\s+connection\s+with|following|over)\s+", re.IGNORECASE)
_ISSUER_CUT = re.compile(r"\s*[,;|–—]\s*|\s+-\s+")
_PRESS_OFFICE = re.compile(r"^(?:the\s+)?press\s+(?:service|office)(?:\s+department)?\s+of\s+(?:the\s+)?", re.IGNORECASE)
_INSTITUTION = re.compile(r"\b(?:Ministry|Commissioner|Ombudsman|Office|Embassy|Union|Government|Committee|Council|Agency|"
                          r"Organi[sz]ation|Defender|Service|Mission|Parliament|Assembly|Presidency|Administration|Fund|"
                          r"Commission|Secretariat)\b")
_STATEMENT_LINES = 6  # a statement's title is among the first lines


def _statement_cues(lines: list[str], lexicon: OutletLexicon, aliases, finders) -> list[OutletCue]:
    """The body that issued the text, named in a statement's title among the first lines."""
    found = []
    for index, line in enumerate(lines[:_STATEMENT_LINES]):
        line = line.strip()
        if not line or len(line) > 260 or line.endswith("."):  # a title, not a sentence of the text
            continue
        m = _STATEMENT_BY.match(line) or _STATEMENT_AFTER.match(line)
        issuer = _issuer(m.group("issuer"), lexicon, aliases, finders) if m else None
        if issuer:
            found.append(OutletCue(issuer, "statement", index))
    return found


def _issuer(phrase: str, lexicon: OutletLexicon, aliases, finders) -> str | None:
    """The outlet a statement's title names as its issuer: a lexicon name in it ("Martin Schüepp, ICRC Regional
    Director": the ICRC), else an institution's name as written ("Ministry for External Relations
    of Freedonia"), else None (a person's own statement names no outlet)."""
    topic = _TOPIC.search(phrase)
    phrase = phrase[:topic.start()] if topic else phrase
    for m in finders[0].finditer(phrase):
        if _written_as_known(m.group(), aliases):
            return lexicon.outlet_for(m.group())
    cut = _ISSUER_CUT.search(phrase)
    name = _PRESS_OFFICE.sub("", phrase[:cut.start()] if cut else phrase).strip(" .")
    if name[:1].isupper() and len(name.split()) <= 14 and _INSTITUTION.search(name):
        return lexicon.outlet_for(name) or name
    return None


def read_outlet(lines: list[str], lexicon: OutletLexicon) -> OutletReading:
    """The outlet that wrote the text (the strongest author cue, else the strongest site cue) and the showing site."""
    cues = outlet_cues(lines, lexicon)
    if not cues:
        return OutletReading()
    order = {basis: rank for rank, basis in enumerate(AUTHOR_BASES + SITE_BASES)}
    best = min(cues, key=lambda c: (order[c.basis], c.line))
    sites = [c for c in cues if not c.author]
    site = min(sites, key=lambda c: (order[c.basis], c.line)).outlet if sites else None
    return OutletReading(best.outlet, best.basis, site if site != best.outlet else None)


_ORIGIN_LINE = re.compile(r"(?i)\b(?:originally|first)\s+(?:published|appeared)\b[^\n]*")


def origin_outlet(text: str, lexicon: OutletLexicon) -> str | None:
    """The outlet a note on the text's origin names ("This article was originally published on ... 'X'"), else None.

    Such notes are page debris that normalization drops, so they are read from the raw text.
    """
    pats, _ = _reader(lexicon)
    aliases = lexicon.written_aliases()
    for line in _ORIGIN_LINE.finditer(text):
        m = pats.origin.search(line.group())
        outlet = _outlet(m, lexicon, aliases) if m else None
        if outlet:
            return outlet
    return None
