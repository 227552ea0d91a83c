"""The outlet-style sentence cases: data in ``tests/cases/<module>.yaml``, checked here.

Each file holds the cases of one extractor (``claims``, ``temporal``, ``hedges``,
``attribution``, ``names``), a list of mappings: ``id`` (unique in the file),
``text`` (a sentence or passage written for the tests, never article text),
``published`` where the extractor needs a reference date, and exactly one check
(the keys of ``CHECKS``; each file's header says what they assert). A case
with ``known_gap: <why>`` runs as a strict expected failure, so a fixed case
must lose the key. Adding a case is adding a row; the test modules only say

    @pytest.mark.parametrize("case", cases.params("claims"))
    def test_outlet_case(case):
        cases.check("claims", case)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest
import yaml

from analysis.extract.claims import extract_claims
from analysis.extract.hedges import find_hedges
from analysis.extract.names import find_names, name_mentions
from analysis.nlp.attribution import find_attributions
from analysis.nlp.sentences import split_sentences
from analysis.nlp.temporal.expressions import find_temporal_expressions

CASES_DIR = Path(__file__).parent / "cases"
COMMON_KEYS = {"id", "text", "published", "known_gap"}


def same(got, want) -> bool:
    """``got`` is ``want``: identical for None and booleans (as ``is`` tests), equal otherwise."""
    return got is want if want is None or isinstance(want, bool) else got == want


def fields_match(row, want: dict) -> dict:
    """The fields of ``want`` that ``row`` gets wrong, as {field: (wanted, got)}."""
    return {k: (v, row[k]) for k, v in want.items() if not same(row[k], v)}


def assert_rows(rows: list, want: list[dict], what: str) -> None:
    """``rows`` are as many as ``want``, and each has the fields of its counterpart."""
    assert len(rows) == len(want), (what, rows)
    for row, fields in zip(rows, want):
        assert not fields_match(row, fields), (what, fields_match(row, fields), row)


# ------------------------------------------------------------------ claims


def assert_claims(text: str, expected: list[dict]) -> None:
    """The claims of ``text`` are ``expected``: same figures and outcomes in order, and every field given."""
    found = extract_claims(text)
    got = [(c["count"], c["vague"], c["outcome"]) for c in found]
    want = [(e.get("count"), e.get("vague"), e["outcome"]) for e in expected]
    assert got == want, (text, found)
    for claim, exp in zip(found, expected):
        wrong = {k: (v, claim[k]) for k, v in exp.items() if claim[k] != v}
        assert not wrong, (text, wrong, claim)
        assert claim["evidence"] in text


def one_claim(case: dict, want: dict) -> None:
    found = extract_claims(case["text"])
    assert len(found) == 1, (case["text"], found)
    claim = found[0]
    assert not fields_match(claim, want), (fields_match(claim, want), claim)
    assert claim["evidence"] in case["text"]


def claim_sides(case: dict, want: list) -> None:
    assert [c["side"] for c in extract_claims(case["text"])] == want


# ------------------------------------------------------------------ temporal


def expressions(case: dict) -> list[dict]:
    return find_temporal_expressions(case["text"], case["published"])


def event_dates(case: dict, want: dict) -> None:
    """Every expression and what it resolves to: a date, or [date_min, date_max] for a span."""
    got = {row["expression"]: row["date"] if row["date"] is not None else [row["date_min"], row["date_max"]]
           for row in expressions(case)}
    assert got == want


def dates_include(case: dict, want: list[dt.date]) -> None:
    dates = [row["date"] for row in expressions(case)]
    for day in want:
        assert day in dates, (day, dates)


def first_expression(case: dict, want: dict) -> None:
    row = expressions(case)[0]
    assert not fields_match(row, want), (fields_match(row, want), row)


def only_expression(case: dict, want: dict) -> None:
    rows = expressions(case)
    assert len(rows) == 1, rows
    assert not fields_match(rows[0], want), (fields_match(rows[0], want), rows[0])


# ------------------------------------------------------------------ hedges


def hedge(case: dict, want: dict) -> None:
    """The first hedge whose marker is written as ``want["marker"]`` has the other fields of ``want``."""
    all_hedges = find_hedges(case["text"])
    found = [h for h in all_hedges if h["marker"] == want["marker"]]
    assert found, f"{want['marker']!r} not found in {[h['marker'] for h in all_hedges]}"
    assert not fields_match(found[0], want), (fields_match(found[0], want), found[0])


def hedges(case: dict, want: list[dict]) -> None:
    assert_rows(find_hedges(case["text"]), want, "hedges")


# ------------------------------------------------------------------ attribution


def name_words(name: str) -> set[str]:
    return set(re.findall(r"[a-z0-9.\-]+", name.lower().replace("’", "'").replace("'s", "")))


def source(case: dict, want: dict) -> None:
    """A source naming ``words`` with ``side``, credited with sentence ``sentence`` (default: the last)."""
    text = case["text"]
    sentences = split_sentences(text)
    index = want.get("sentence", len(sentences) - 1)
    found = find_attributions(text, sentences)
    here = [a for a in found if a.sentence_index == index]
    words = name_words(want["words"])
    hits = [a for a in here if words <= name_words(a.source)]
    assert hits, f"no source with {sorted(words)} in sentence {index}: {[(a.source, a.side, a.kind) for a in found]}"
    assert any(a.side == want["side"] for a in hits), [(a.source, a.side) for a in hits]


def attribution(case: dict, want: dict) -> None:
    """A source named exactly so, with that side and kind, in the first sentence, its span ending on the name."""
    text = case["text"]
    found = find_attributions(text)
    assert any(a.source == want["source"] and a.side == want["side"] and a.kind == want["kind"] for a in found), found
    hit = next(a for a in found if a.source == want["source"])
    assert hit.sentence_index == 0
    assert text[hit.start:hit.end].endswith(want["source"].split()[-1])


def attributions(case: dict, want: list[dict]) -> None:
    found = find_attributions(case["text"])
    rows = [{field: getattr(a, field) for field in ("source", "side", "kind")} for a in found]
    assert_rows(rows, want, "attributions")


def not_source(case: dict, outlet: str) -> None:
    assert all(outlet not in a.source for a in find_attributions(case["text"]))


# ------------------------------------------------------------------ names


def regions(case: dict, want: dict) -> None:
    found = Counter(f["key"] for f in find_names(case["text"]) if f["category"] == "region")
    assert found == Counter(want)


def places(case: dict, want: dict) -> None:
    got: dict[str, list[str]] = {}
    for f in find_names(case["text"]):
        if f["category"] == "place":
            got.setdefault(f["key"], []).append(f["name"])
    assert got == want


def label(case: dict, key: str) -> None:
    sentence = case["text"]
    mentions = name_mentions(pd.DataFrame({"article_id": ["a0"], "outlet": "Test", "text": [sentence]}))
    labels = mentions[mentions["category"] == "label"]
    assert key in set(labels["key"])
    row = labels[labels["key"] == key].iloc[0]
    assert sentence[row["start"]:row["end"]] == row["name"] and row["sentence"] == sentence


CHECKS: dict[str, dict[str, Callable]] = {
    "claims": {"claims": lambda case, want: assert_claims(case["text"], want), "one": one_claim, "sides": claim_sides},
    "temporal": {"events": event_dates, "includes": dates_include, "first": first_expression, "only": only_expression},
    "hedges": {"hedge": hedge, "hedges": hedges},
    "attribution": {"source": source, "attribution": attribution, "attributions": attributions,
                    "not_source": not_source},
    "names": {"regions": regions, "places": places, "label": label},
}


# ------------------------------------------------------------------ loading


@functools.cache
def load(name: str) -> tuple[dict, ...]:
    """The cases of ``tests/cases/<name>.yaml``, each checked for its keys; ids must be unique."""
    path = CASES_DIR / f"{name}.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list), f"{path}: expected a list of cases"
    seen: set[str] = set()
    for n, case in enumerate(cases):
        where = f"{path.name}: case {n} ({case.get('id')!r})"
        assert isinstance(case.get("id"), str) and case["id"] not in seen, f"{where}: missing or repeated id"
        assert isinstance(case.get("text"), str), f"{where}: no text"
        checks = set(case) - COMMON_KEYS
        assert len(checks) == 1 and checks <= set(CHECKS[name]), \
            f"{where}: needs exactly one of {sorted(CHECKS[name])}, has {sorted(checks)}"
        assert name != "temporal" or isinstance(case.get("published"), dt.date), f"{where}: no published date"
        seen.add(case["id"])
    return tuple(cases)


def params(name: str) -> list:
    """The cases of ``name`` as pytest parameters, named by id; known gaps as strict xfails."""
    return [pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(strict=True, reason=case["known_gap"])]
                         if "known_gap" in case else []) for case in load(name)]


def check(name: str, case: dict) -> None:
    """Run the one check ``case`` names."""
    (key,) = set(case) - COMMON_KEYS
    CHECKS[name][key](case, case[key])
