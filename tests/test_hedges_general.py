"""Distancing markers in outlet-style sentences and the side whose claim they qualify.

Judgement calls: "a claim Yerevan denied" after "Azerbaijan said ..." qualifies
Azerbaijan's claim, not the denier's; "according to" is attribution (kept, not
a hedge in rates) and takes the side of the source it introduces.
"""

from __future__ import annotations

import pytest

from analysis.extract.hedges import find_hedges

CASES = [
    # (text, marker, kind, side)
    ("Azerbaijan said it had destroyed an Armenian S-300 system, a claim Yerevan denied.",
     "claim", "distancing", "azerbaijani"),
    ("Armenia said Turkish F-16s had downed an Su-25, a claim that Ankara and Baku rejected.",
     "claim", "distancing", "armenian"),
    ("Baku said Armenian forces shelled Ganja overnight, claims Yerevan has dismissed.",
     "claims", "distancing", "azerbaijani"),
    ("Armenia's defence ministry claimed that 20 Azerbaijani drones were shot down.",
     "claimed", "distancing", "armenian"),
    ("Yerevan's claims that Turkish F-16s downed an Su-25 were dismissed by Ankara.",
     "claims", "distancing", "armenian"),
    ("The so-called Artsakh Defense Army shelled Tartar, APA reports.",
     "so-called", "distancing", "armenian"),
    ("The Azerbaijani army allegedly beheaded an elderly man, the Artsakh ombudsman said.",
     "allegedly", "distancing", "armenian"),
    ("Baku purportedly lost two helicopters, according to Armenian officials.",
     "purportedly", "distancing", "armenian"),
    ("Armenian forces reportedly shelled Ganja, the Azerbaijani prosecutor's office said.",
     "reportedly", "uncertainty", "azerbaijani"),
    ("According to the Armenian defence ministry, 40 Azerbaijani soldiers were killed.",
     "According to", "attribution", "armenian"),
    ("Azerbaijan allegedly used cluster munitions in Stepanakert, Amnesty International said.",
     "allegedly", "distancing", "third_party"),
]


@pytest.mark.parametrize("text, marker, kind, side", CASES, ids=[c[0][:50] for c in CASES])
def test_hedge_side(text, marker, kind, side):
    found = [h for h in find_hedges(text) if h["marker"] == marker]
    assert found, f"{marker!r} not found"
    assert (found[0]["kind"], found[0]["side"]) == (kind, side)


def test_unconfirmed_reports_are_an_uncertainty_marker():
    found = find_hedges("There were unconfirmed reports that troops had entered Shushi.")
    assert [(h["key"], h["kind"]) for h in found] == [("unconfirmed", "uncertainty")]
