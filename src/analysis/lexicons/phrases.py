"""Keyed phrase lexicons matched in one regex pass (names, labels, hedges).

A phrase lexicon is a CSV under ``analysis/lexicons/`` with a ``key`` column
(what a finding is counted as) and a ``name`` column (one way of writing it).
Matching is case-insensitive; a space in a lexicon entry matches any run of
spaces or hyphens and a hyphen matches one space or hyphen (as in :mod:`analysis.lexicons.load`),
so "Nagorno Karabakh" and "Nagorno-Karabakh" are one entry. Longer entries win, so
"Nagorno-Karabakh" is never also counted as "Karabakh". Words glued to other
words do not match ("@Pres_Artsakh"), hyphen compounds do ("Artsakh-Azerbaijan
line"), and nothing inside a web address, e-mail address or @handle matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.lexicons.load import CaselessNames, LexiconError, name_key, read_lexicon

# Web addresses, e-mail addresses and social-media handles: identifiers, not prose.
_OPAQUE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|(?<![\w@])@\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?-i:com|net|org|am|az|ru|ir|tr|info|news|io|co)(?:/\S*)?(?![\w])",
    re.IGNORECASE,
)


_TLDS = r"(?:com|net|org|am|az|ru|ir|tr|info|news|io|co)"
# Cheap test run first: most articles hold no address at all. "://", "www."
# and "@" are plain substring tests; the domain test starts with a literal dot
# so the regex engine jumps from dot to dot.
_DOMAIN_HINT = re.compile(rf"\.(?<=\w\.){_TLDS}\b")
# Every opaque span contains one of these, and none crosses whitespace.
_OPAQUE_SEED = re.compile(rf"://|(?i:www\.)|@|\.{_TLDS}")
_SPACE = re.compile(r"\s")


def _has_opaque_hint(text: str) -> bool:
    return "://" in text or "www." in text or "@" in text or _DOMAIN_HINT.search(text) is not None


def opaque_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of URLs, e-mail addresses and @handles in ``text``.

    An opaque span never crosses whitespace and always holds a seed ("://",
    "www.", "@", ".com", ...), so the full pattern runs only over the
    whitespace-free tokens around seeds: the same spans as one pass over the
    whole text, without trying the pattern at every word.
    """
    if not _has_opaque_hint(text):
        return []
    spans: list[tuple[int, int]] = []
    done = 0  # tokens before this offset have been scanned
    for seed in _OPAQUE_SEED.finditer(text):
        if seed.start() < done:
            continue
        lo = seed.start()
        while lo > done and not text[lo - 1].isspace():
            lo -= 1
        gap = _SPACE.search(text, seed.end())
        done = gap.start() if gap else len(text)
        spans.extend(m.span() for m in _OPAQUE.finditer(text, lo, done))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@dataclass(frozen=True)
class PhraseMatch:
    key: str
    written: str
    start: int
    end: int


class PhraseLexicon:
    """Keys and the phrases that count as each, found in one pass.

    ``proper=True`` is for proper names: an all-lower-case match ("karabakh"
    in a slug) is not a mention.
    """

    def __init__(self, frame: pd.DataFrame, *, proper: bool = False, source: str = "lexicon"):
        for column in ("key", "name"):
            if column not in frame.columns:
                raise LexiconError(f"{source}: missing column {column!r}")
        frame = frame[frame["name"].str.strip() != ""]
        if frame.empty:
            raise LexiconError(f"{source}: no entries")
        self.frame = frame.reset_index(drop=True)
        self.proper = proper
        self._key_of: dict[str, str] = {}
        for i, (key, name) in enumerate(zip(frame["key"], frame["name"])):
            folded = name_key(name)
            if folded in self._key_of and self._key_of[folded] != key:
                raise LexiconError(
                    f"{source}: row {i + 2}: {name!r} is listed under both {self._key_of[folded]!r} and {key!r}"
                )
            self._key_of[folded] = key
        self.keys = list(dict.fromkeys(frame["key"]))
        self._names = CaselessNames([n for n in frame["name"] if n.strip()], r"(?<!\w)(?:", r")(?!\w)")

    @classmethod
    def load(cls, name: str, path: str | Path | None = None, *, proper: bool = False) -> "PhraseLexicon":
        """Read lexicon ``name`` (or the CSV at ``path``) with key and name columns."""
        frame = read_lexicon(name, path, required=("key", "name"))
        return cls(frame, proper=proper, source=str(path or name))

    def key_of(self, written: str) -> str | None:
        """The key a phrase as written counts as, or None."""
        return self._key_of.get(name_key(written))

    def find(self, text: str, opaque: list[tuple[int, int]] | None = None) -> list[PhraseMatch]:
        """Every lexicon phrase in ``text`` outside ``opaque`` spans (default: URLs, handles)."""
        opaque = opaque_spans(text) if opaque is None else opaque
        found = []
        for start, end in self._names.spans(text):
            written = text[start:end]
            if self.proper and written == written.lower():
                continue
            if opaque and _inside(opaque, start, end):
                continue
            key = self.key_of(written)
            if key is not None:
                found.append(PhraseMatch(key, written, start, end))
        return found
