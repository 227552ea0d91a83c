"""Article texts that once made some rule super-linear (issue 16), made to any size.

Shared by ``benchmarks/bench_hostile_cost.py`` and ``tests/nlp/test_bounded_cost.py``.
Each kind repeats one short unit, written for this purpose, until the text
reaches the size asked for; no line break unless the kind has one.
"""

from __future__ import annotations

_PROSE = ("Azerbaijani forces shelled Stepanakert on Sunday and at least 12 civilians were killed, the "
          "Armenian Defense Ministry said on October 4 while officials in Baku said 3 soldiers died in "
          "Tartar, according to a statement released by the ministry ")

KINDS: dict[str, str] = {
    "unbroken_line": _PROSE,  # news prose with neither a line break nor a sentence end
    "killed_numbers": "17 soldiers were killed 240 killed 9 civilians killed ",
    "weekday": "Sunday ",
    "place": "Stepanakert ",
    "dots": ".",
    "hyphenated": "image-file-name-",
    "said_chain": "the minister said ",
}
"""Each kind and the unit it repeats."""


def hostile_text(kind: str, size: int) -> str:
    """A text of ``size`` characters (a little less: whole units only) of ``kind``, with a title line."""
    if kind not in KINDS:
        raise ValueError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    unit = KINDS[kind]
    body = unit * max(1, size // len(unit))
    return "A hostile page\n" + body.rstrip() + "\n"
