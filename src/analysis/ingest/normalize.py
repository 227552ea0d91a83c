"""Text normalization: keep the meaning, drop the page debris.

Unicode NFC; non-breaking and other exotic spaces become plain spaces;
zero-width characters go; a lone surrogate becomes U+FFFD; each line is trimmed and empty lines dropped (a
line break is a paragraph break). Debris rules come from
``lexicons/debris.yaml`` so an analyst can extend them: share prompts,
"Source link", "Also on" link prompts, gallery image file names, and photo
captions repeated on consecutive lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.core.config import LEXICON_DIR
from analysis.lexicons.load import LexiconError

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTI_SPACE = re.compile(r" {2,}")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
"""Lone surrogates (a JSON export's ``\\ud800``): no character, and refused by every table writer."""
_SECTIONS = ("drop_lines", "strip_prefixes", "drop_tokens")


@dataclass(frozen=True)
class DebrisRules:
    drop_line: re.Pattern
    strip_prefix: re.Pattern
    drop_token: re.Pattern

    @classmethod
    def load(cls, path: str | Path | None = None) -> "DebrisRules":
        file = Path(path) if path else LEXICON_DIR / "debris.yaml"
        try:
            spec = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"{file}: cannot be read: {exc}") from exc
        compiled = {}
        for section in _SECTIONS:
            patterns = spec.get(section) or []
            try:
                body = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
                compiled[section] = re.compile(body, re.IGNORECASE)
            except re.error as exc:
                raise LexiconError(f"{file}: section {section!r}: bad pattern: {exc}") from exc
        return cls(
            drop_line=re.compile(rf"^(?:{compiled['drop_lines'].pattern})$", re.IGNORECASE),
            strip_prefix=re.compile(rf"^(?:{compiled['strip_prefixes'].pattern})", re.IGNORECASE),
            drop_token=compiled["drop_tokens"],
        )


@lru_cache(maxsize=None)
def debris_rules() -> DebrisRules:
    return DebrisRules.load()


def _near_repeat(line: str, previous: str | None) -> bool:
    """A caption printed twice (sometimes with a typo fixed) on consecutive lines."""
    if previous is None or len(line) > 200:
        return False
    if line == previous:
        return True
    if abs(len(line) - len(previous)) > 3:
        return False
    matcher = SequenceMatcher(None, line, previous, autojunk=False)
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


def normalize_text(text: str, rules: DebrisRules | None = None) -> str:
    """Normalize raw article text (see module docstring); lines joined by ``\\n``."""
    rules = rules or debris_rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", _SURROGATES.sub("\ufffd", text))
    text = rules.drop_token.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", text)))
    kept: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if rules.drop_line.match(line):
            continue
        prefix = rules.strip_prefix.match(line)  # anchored at the start: at most one
        if prefix:
            line = line[prefix.end():]
        if "  " in line:
            line = _MULTI_SPACE.sub(" ", line)
        line = line.strip()
        if not line or _near_repeat(line, kept[-1] if kept else None):
            continue
        kept.append(line)
    return "\n".join(kept)
