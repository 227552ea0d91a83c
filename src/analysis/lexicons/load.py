"""Analyst-editable lexicons: the gazetteer of places and the actor lexicon.

Both are CSV files in ``analysis/lexicons/``; an analyst extends them by adding
rows (or passes their own file). They are loaded once and compiled into a
single regular expression each, so matching is one pass over a text.

- ``gazetteer.csv``: ``place`` (the canonical id), ``name`` (one way of writing
  it), ``kind``, ``country`` (``armenia``, ``azerbaijan``, ``disputed``), ``note``.
  One place, several names: Stepanakert/Khankendi, Shushi/Shusha, ...
- ``actors.csv``: ``name`` (a country, adjective, body or person as written),
  ``side`` (``armenian``, ``azerbaijani``, ``third_party``), ``kind``, ``note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd
import yaml

from analysis.core.config import LEXICON_DIR


class LexiconError(ValueError):
    """A lexicon file is missing a column or has an invalid value."""


def read_lexicon(name: str, path: str | Path | None = None, required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read lexicon ``name`` (e.g. ``"gazetteer"``) or the file at ``path``.

    Raises :class:`LexiconError` naming the file and the missing column, or
    the row with an empty required value.
    """
    file = Path(path) if path is not None else LEXICON_DIR / f"{name}.csv"
    if not file.exists():
        raise LexiconError(f"{file}: lexicon file not found")
    frame = pd.read_csv(file, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise LexiconError(f"{file}: missing column(s) {', '.join(missing)}")
    for column in required:
        empty = frame.index[frame[column].str.strip() == ""]
        if len(empty):
            raise LexiconError(f"{file}: row {int(empty[0]) + 2}: empty value in column {column!r}")
    return frame


# Hyphens as typeset: ASCII, Unicode hyphen and non-breaking hyphen, figure and
# en dash ("Nagorno–Karabakh"); not the em dash, which separates clauses.
_HYPHENS = "\\-\u2010\u2011\u2012\u2013"
_SPACE_OR_HYPHEN = re.compile(rf"[\s{_HYPHENS}]+")


@lru_cache(maxsize=16384)
def name_key(written: str) -> str:
    """Fold case, spaces and hyphens: "Nagorno Karabakh" == "nagorno-karabakh"."""
    return _SPACE_OR_HYPHEN.sub(" ", written).strip().lower()


def alternation(words: Iterable) -> str:
    """One regex alternative for all ``words`` (each taken as ``str``), built as a character trie.

    Every lexicon pattern of the project is built from it. Python's re tries
    alternatives one by one; a trie shares prefixes, which makes matching a
    long lexicon several times faster. A space matches any run of
    spaces/hyphens, a hyphen one space or hyphen. Greedy optional branches make
    the longest name win ("Nagorno-Karabakh" over "Karabakh"). The result is a
    pattern fragment: wrap it in ``(?:...)`` before adding other branches.
    """
    names = [str(w) for w in words]
    trie: dict = {}
    for name in set(names):
        node = trie
        for unit in re.findall(r"\s+|-|[^\s-]", name.strip()):
            node = node.setdefault(" " if unit.isspace() else unit, {})
        node[""] = {}
    body = _emit(trie)
    if not body or "" in trie:
        return body
    # A lookahead on the possible first characters lets the regex engine
    # reject most positions at once instead of trying every branch (same
    # matches: the body cannot start with any other character).
    return f"(?=[{first_characters(names)}]){body}"




try:  # characters re matches case-insensitively with an extra case (ı, ſ, ς, K ...): CPython 3.11+
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: treat every non-ASCII character as unsafe (the slower, exact path)
    _EXTRA_CASES = None

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=None)
def _fold_safe(char: str) -> bool:
    """Lower-casing leaves ``char`` alone and re's case-insensitive matching has no extra case for it."""
    return _EXTRA_CASES is not None and char.lower() == char == char.upper() and ord(char) not in _EXTRA_CASES


_CACHED_LENGTH = 200  # texts at least this long (articles, not phrases) are lowered once and cached


def _lowered(text: str) -> tuple[str, bool]:
    return _lowered_cached(text) if len(text) >= _CACHED_LENGTH else _lower_and_check(text)


@lru_cache(maxsize=1024)
def _lowered_cached(text: str) -> tuple[str, bool]:
    return _lower_and_check(text)


def _lower_and_check(text: str) -> tuple[str, bool]:
    low = text.lower()
    safe = len(low) == len(text) and all(_fold_safe(c) for c in set(_NON_ASCII.findall(text)))
    return low, safe


def lowered(text: str) -> str:
    """``text.lower()``, cached: the extractors of one article lower-case it once
    (the cache holds a chunk of articles, see ``pipeline.CHUNK_SIZE``)."""
    return _lowered(text)[0]


def folded(text: str) -> str | None:
    """:func:`lowered` ``text`` if a lower-case pattern finds on it what the case-insensitive one finds on ``text``.

    True when no non-ASCII character of ``text`` is cased or has an extra
    case in :mod:`re` (dotless i, long s, final sigma, ...): lower-casing then
    keeps every offset and every character class. None otherwise.
    """
    low, safe = _lowered(text)
    return low if safe else None


class CaselessNames:
    """A case-insensitive regex over a list of names: ``before`` + alternation + ``after``.

    Case-insensitive matching in :mod:`re` is several times slower than
    matching lower-case text, so texts that :func:`folded` allows are matched
    lower-cased with a lower-case pattern (the same spans); others with the
    case-insensitive pattern.
    """

    def __init__(self, names: list[str], before: str = "", after: str = ""):
        self.pattern = re.compile(before + alternation(names) + after, re.IGNORECASE)
        lowered = [n.lower() for n in names]
        exact = all(len(a) == len(b) and not any(not c.isascii() and (_EXTRA_CASES is None or ord(c) in _EXTRA_CASES)
                                                 for c in b)
                    for a, b in zip(names, lowered))
        self.lower_pattern = re.compile(before + alternation(lowered) + after) if exact else None

    def spans(self, text: str, start: int = 0, end: int | None = None):
        """``(start, end)`` of every match in ``text[start:end]``, in text order."""
        end = len(text) if end is None else end
        low = folded(text) if self.lower_pattern is not None else None
        if low is None:
            return [m.span() for m in self.pattern.finditer(text, start, end)]
        return [m.span() for m in self.lower_pattern.finditer(low, start, end)]


def first_characters(names: list[str]) -> str:
    """A regex character-class body of the characters :func:`alternation` of ``names`` can start with."""
    firsts = set()
    for name in names:
        unit = re.match(r"\s+|-|[^\s-]", name.strip())
        if unit:
            firsts.add(r"\s\-" if unit.group(0).isspace() or unit.group(0) == "-" else re.escape(unit.group(0)))
    return "".join(sorted(firsts))


def _emit(node: dict) -> str:
    branches = []
    for unit, child in sorted(node.items()):
        if unit == "":
            continue
        head = rf"[\s{_HYPHENS}]+" if unit == " " else rf"[\s{_HYPHENS}]" if unit == "-" else re.escape(unit)
        branches.append(head + _emit(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class PlaceMention:
    place: str
    name: str
    start: int
    end: int


class Gazetteer:
    """Places and every name each goes by, matched in one regex pass."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._place_of = {name_key(n): p for n, p in zip(frame["name"], frame["place"])}
        self.country = dict(zip(frame["place"], frame["country"]))
        self.kind = dict(zip(frame["place"], frame["kind"]))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation(frame['name'])})(?![\w-])")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        return cls(read_lexicon("gazetteer", path, required=("place", "name", "kind", "country")))

    def place_of(self, written: str) -> str | None:
        """The canonical place for a name as written, or None."""
        return self._place_of.get(name_key(written))

    def find(self, text: str, start: int = 0, end: int | None = None) -> tuple[PlaceMention, ...]:
        """Every place name in ``text[start:end]`` with its canonical place.

        The answers for the last spans asked are kept: the rules of one claim
        ask again for the sentences around it, and on a page with no breaks
        that made the cost grow with the square of its length.
        """
        return self._find(text, start, len(text) if end is None else end)

    @lru_cache(maxsize=256)
    def _find(self, text: str, start: int, end: int) -> tuple[PlaceMention, ...]:
        found = []
        for m in self._pattern.finditer(text, start, end):
            place = self.place_of(m.group(0))
            if place is not None:
                found.append(PlaceMention(place, m.group(0), m.start(), m.end()))
        return tuple(found)


class ActorLexicon:
    """Countries, bodies and people with the side they speak for."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._side_of = {name_key(n): s for n, s in zip(frame["name"], frame["side"])}
        self._names = CaselessNames(list(frame["name"]), r"(?<![\w-])(?:", r")(?![\w-])")
        bad = sorted(set(frame["side"]) - {"armenian", "azerbaijani", "third_party"})
        if bad:
            raise LexiconError(f"actor lexicon: unknown side(s) {bad}; use armenian, azerbaijani or third_party")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorLexicon":
        return cls(read_lexicon("actors", path, required=("name", "side")))

    def mentions(self, phrase: str) -> list[tuple[str, str, int, int]]:
        """``(name, side, start, end)`` for each lexicon entry in ``phrase``."""
        return [(phrase[a:b], self._side_of[name_key(phrase[a:b])], a, b) for a, b in self._names.spans(phrase)]

    def side_of(self, phrase: str) -> str | None:
        """The side of the first actor named in ``phrase`` (None if none is)."""
        found = self.mentions(phrase)
        return found[0][1] if found else None


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return Gazetteer.load()


@lru_cache(maxsize=None)
def actors() -> ActorLexicon:
    """The bundled actor lexicon, loaded once per process."""
    return ActorLexicon.load()


@lru_cache(maxsize=None)
def yaml_lexicon(name: str) -> dict:
    """A word-list lexicon ``lexicons/<name>.yaml`` as a dict, loaded once.

    Raises :class:`LexiconError` naming the file when it is missing or is not
    a mapping.
    """
    file = LEXICON_DIR / f"{name}.yaml"
    if not file.exists():
        raise LexiconError(f"{file}: lexicon file not found")
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise LexiconError(f"{file}: expected a mapping of word lists")
    for key, value in data.items():
        items = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        bad = [v for v in items if isinstance(v, bool)]
        if bad:  # YAML reads bare on/off/yes/no as booleans
            raise LexiconError(f"{file}: list {key!r} has a bare yes/no/on/off word; quote it")
    return data


def require_lists(name: str, data: dict, keys: tuple[str, ...]) -> None:
    """Raise :class:`LexiconError` if a YAML lexicon lacks one of ``keys``."""
    missing = [k for k in keys if k not in data or data[k] in (None, [], {})]
    if missing:
        raise LexiconError(f"{LEXICON_DIR / (name + '.yaml')}: missing list(s) {', '.join(missing)}")
