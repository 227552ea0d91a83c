"""More distancing markers in wire-style sentences, with the side whose claim they qualify.

Judgement calls: "what Baku called X" / "what it described as X" qualify the
claim of the party that called it so; "according to X" takes X's side; a
"so-called" name is the claim of the party that uses that name (the Artsakh
authorities' republic, the army of the self-declared republic); scare quotes
around a word are the distancing of the claim of the side the word comes from.
"""

from __future__ import annotations

import pytest

from analysis.extract.hedges import find_hedges

CASES = [
    # (text, marker as written, side)
    ("Azerbaijan claims to have shot down four Armenian Su-25 jets.",
     "claims", "azerbaijani"),
    ("The Armenian Defence Ministry claimed its forces had destroyed 36 Azerbaijani tanks.",
     "claimed", "armenian"),
    ("Baku has alleged that Armenian forces used phosphorus munitions in the forests near Shusha.",
     "alleged", "azerbaijani"),
    ("Armenian forces allegedly fired on a funeral in Tartar, the Azerbaijani prosecutor general's office said.",
     "allegedly", "azerbaijani"),
    ("Azerbaijani troops allegedly executed two captured Armenian soldiers, according to a report by "
     "Human Rights Watch.", "allegedly", "third_party"),
    ("Yerevan released a video of what it said was a purported Azerbaijani drone strike on a church.",
     "purported", "armenian"),
    ("Azerbaijan's Defence Ministry said its forces had destroyed the so-called Artsakh army's command post.",
     "so-called", "armenian"),
    ("Aliyev warned the so-called leaders of the separatist regime to leave the region.",
     "so-called", "armenian"),
    ("Azerbaijani forces reportedly captured the town of Jabrayil, the Azerbaijani president said.",
     "reportedly", "azerbaijani"),
    ("Armenia's Defence Ministry published unverified footage of what it said were Syrian fighters.",
     "unverified", "armenian"),
    ("Azerbaijan's claims could not be independently verified.",
     "could not be independently verified", "azerbaijani"),
    ("The Armenian side's claims that a Turkish F-16 shot down an Armenian jet could not be independently "
     "verified.", "claims", "armenian"),
    ("According to the Azerbaijani Defense Ministry, Armenian forces lost 2,300 troops.",
     "According to", "azerbaijani"),
    ("Armenian forces lost 12 tanks on Tuesday, according to Hikmet Hajiyev.",
     "according to", "azerbaijani"),
    ("Baku denied what Yerevan called a deliberate attack on the Ghazanchetsots cathedral.",
     "called", "armenian"),
    ("Armenia condemned what it described as the shelling of civilian areas in Stepanakert.",
     "described as", "armenian"),
    ("Azerbaijan denounced what Baku described as a terrorist attack on Ganja.",
     "described as", "azerbaijani"),
    ("Armenia dismissed the report as a claim by Baku aimed at covering its losses.",
     "claim", "azerbaijani"),
    ("Azerbaijan's Defense Ministry, claiming that the town had been retaken, released a video.",
     "claiming", "azerbaijani"),
    ("Russian Foreign Ministry spokeswoman Maria Zakharova said reports of Syrian mercenaries were unconfirmed.",
     "unconfirmed", "third_party"),
    ("Separatist officials in Stepanakert claimed that Azerbaijani drones had targeted a maternity hospital.",
     "claimed", "armenian"),
    ("Azerbaijani officials said 19 people were killed in Ganja in what they called a war crime.",
     "called", "azerbaijani"),
]


@pytest.mark.parametrize("text, marker, side", CASES, ids=[c[0][:50] for c in CASES])
def test_hedge_side(text, marker, side):
    found = [h for h in find_hedges(text) if h["marker"] == marker]
    assert found, f"{marker!r} not found in {[h['marker'] for h in find_hedges(text)]}"
    assert found[0]["side"] == side, found[0]


def test_said_to_be_unconfirmed_is_one_marker_not_hearsay_on_the_speaker():
    found = find_hedges("Pashinyan said the reports were unconfirmed.")
    assert [h["key"] for h in found] == ["unconfirmed"]


def test_called_for_and_phoned_are_not_markers():
    text = "Putin called for a ceasefire and called Pashinyan and Aliyev on Saturday."
    assert [h["key"] for h in find_hedges(text)] == []


def test_scare_quotes_around_a_single_word_are_distancing():
    found = find_hedges('Baku said the "liberation" of the occupied lands was near, Armenian media reported.')
    assert any(h["marker"] == '"liberation"' and h["side"] == "azerbaijani" for h in found), found
