"""Error classes met on development articles the rules had never seen (annotated independently),
each fixed by a general rule. Sentences written for these tests, not taken from any article."""

from __future__ import annotations

import pytest

from analysis.extract.claims import extract_claims


def claims(text: str) -> list[dict]:
    return extract_claims(text)


def keys(text: str) -> list[tuple]:
    return [(c["count"] if c["count"] is not None else c["vague"], c["outcome"], c["side"]) for c in claims(text)]


# --- 1. toll phrasing: the verbs of a translated bulletin, a participle before the noun, a relative clause,
#        a dash, "in the hundreds", and a long place phrase between the toll and its verb
@pytest.mark.parametrize("text, want", [
    ("The death toll among the volunteers of the regiment exceeds 400, the council said.", (400, "killed")),
    ("The total number of perished servicemen of the brigade has made at least 912.", (912, "killed")),
    ("The number of the foreign fighters who were killed near the river has risen to 57.", (57, "killed")),
    ("The number of civilian deaths rose to 63 and the number of injured - 208.", (208, "wounded")),
    ("Residents hide in cellars, and the death toll is already in the hundreds.", ("hundreds", "killed")),
])
def test_toll_phrasings(text, want):
    assert want in [k[:2] for k in keys(text)]


def test_a_toll_in_clashes_between_the_two_parties_is_both():
    text = ("The reported death toll in the clashes between Armenian and Azerbaijani forces over the mountain "
            "region and its seven surrounding districts has reached about 750.")
    assert keys(text) == [(750, "killed", "both")]


def test_the_opponent_after_conflict_with_is_not_the_victims_side():
    text = "The number of Azerbaijani soldiers who died in the conflict with Armenia has risen to 3,100."
    assert keys(text) == [(3100, "killed", "azerbaijani")]


# --- 2. phrases between the victims and their verb: "on their side", "on both sides of the conflict"
def test_a_possessive_side_phrase_after_the_victims():
    text = "According to Armenian officials, 71 servicemen on their side have been killed so far."
    found = claims(text)
    assert [(c["count"], c["outcome"], c["side"], c["scope"]) for c in found] == [(71, "killed", "armenian", "cumulative")]


def test_both_sides_of_the_conflict():
    text = "Thousands of people on both sides of the conflict were killed, the report says."
    assert keys(text)[0] == ("thousands", "killed", "both")


# --- 3. an object figure at the end of a list of equipment; "altogether"
def test_a_person_object_after_a_list_of_equipment():
    text = "“Last night the enemy lost 12 tanks, 3 jets, 5 drones and about 90 soldiers,” the Armenian defence ministry spokesman said."
    assert keys(text) == [(90, "killed", "azerbaijani")]


def test_altogether_before_the_object():
    text = "The war claimed the lives of altogether more than 4,000 fighting personnel."
    found = claims(text)
    assert [(c["count"], c["qualifier"], c["group"]) for c in found] == [(4000, "more_than", "military")]


# --- 4. a person without a numeral: an ordinal is one, a plural noun without -s is not
def test_an_ordinal_person_is_one():
    assert [(c["count"], c["outcome"]) for c in claims("A second soldier was reportedly injured and taken to hospital.")] \
        == [(1, "wounded")]


def test_the_injured_people_is_no_count_of_one():
    assert claims("Doctors said the injured people were taken to the regional hospital.") == []


# --- 5. group words: "service people"
def test_service_people_are_military():
    found = claims("The offensive killed at least 20 civilians and hundreds of service people.")
    assert [c["group"] for c in found] == ["civilian", "military"]
