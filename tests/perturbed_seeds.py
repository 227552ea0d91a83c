"""Perturbed copies of the seed articles, for corpora larger than the seeds (as benchmarks/bench_build.py makes)."""

from __future__ import annotations

import random
import re

from analysis.core import config

PLACES = ["Stepanakert", "Ganja", "Tartar", "Martuni", "Hadrut", "Barda", "Shusha", "Fizuli", "Goris", "Mingachevir"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PLACE, _DAY, _NUMBER = re.compile("|".join(PLACES)), re.compile("|".join(DAYS)), re.compile(r"\b\d{1,3}\b")


def seed_texts() -> list[str]:
    """The bundled seeds' texts, in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(config.RAW_DIR.glob("*.txt"))]


def perturbed(text: str, rng: random.Random) -> str:
    """``text`` with its body lines shuffled (title and first line kept) and places, weekdays and numbers swapped."""
    lines = text.split("\n")
    body = lines[2:]
    rng.shuffle(body)
    out = "\n".join(lines[:2] + body)
    out = _PLACE.sub(lambda m: rng.choice(PLACES), out)
    out = _DAY.sub(lambda m: rng.choice(DAYS), out)
    return _NUMBER.sub(lambda m: str(rng.randint(1, 400)), out)
