"""Shared harness of the outlet-style claim tests (test_claims_general*.py).

A case is ``P(text, [C(count, outcome, field=value ...), ...], id=...)``: the
claims expected in text order, with only the fields the schema makes
unambiguous for the sentence. Ids listed as known gaps run as strict xfails,
so a fixed case must leave the list.
"""

from __future__ import annotations

import pytest

from analysis.extract.claims import extract_claims

P = pytest.param

MIL, CIV, UNS = "military", "civilian", "unspecified"
ARM, AZE, BOTH, OTHER = "armenian", "azerbaijani", "both", "other"


def C(count, outcome, **fields) -> dict:
    """An expected claim: ``count`` is an int, or a vague word (str)."""
    key = {"vague": count} if isinstance(count, str) else {"count": count}
    return {**key, "outcome": outcome, **fields}


def with_known_gaps(cases: list, gaps: set[str]) -> list:
    """``cases`` with those whose id is in ``gaps`` marked as strict expected failures."""
    return [P(*p.values, id=p.id, marks=pytest.mark.xfail(strict=True, reason="known gap")) if p.id in gaps else p
            for p in cases]


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
