"""Casualty-claim extraction: the seeds scored against gold, and realistic
sentences of many outlets' phrasing, positive and negative."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.evaluate.claim_scoring import format_claim_score, score_claims
from analysis.extract.claims import COLUMNS, VAGUE_INTERVALS_DOC, claims_table, extract_claims
from analysis.nlp.quantities import find_quantities, parse_match, words_to_number


def one(sentence: str) -> dict:
    found = extract_claims(sentence)
    assert len(found) == 1, (sentence, found)
    return found[0]


# ------------------------------------------------------------------ seeds


@pytest.fixture(scope="module")
def seed_claims(seed_articles) -> pd.DataFrame:
    return claims_table(seed_articles)


def test_seed_claims_score_against_gold(seed_claims, gold):
    score = score_claims(gold, seed_claims)
    report = format_claim_score(score)
    assert score.f1 >= 0.95, report
    assert score.recall >= 0.95, report
    assert score.field_accuracy["claimant_side"] >= 0.9, report
    assert score.field_accuracy["group"] >= 0.85, report
    assert score.field_accuracy["scope"] >= 0.85, report


def test_seed_evidence_offsets_point_into_normalized_text(seed_claims, seed_articles):
    texts = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    assert len(seed_claims) > 20
    for row in seed_claims.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.evidence
        assert row.evidence in row.sentence


def test_claims_table_columns_and_types(seed_claims):
    assert list(seed_claims.columns) == list(COLUMNS)
    assert str(seed_claims["count"].dtype) == "Int64"
    assert seed_claims["count_low"].dtype == float and seed_claims["count_high"].dtype == float
    vague = seed_claims[seed_claims["vague"].notna()]
    assert vague["count"].isna().all() and len(vague) >= 5
    assert set(seed_claims["outcome"]) <= {"killed", "wounded", "casualties", "missing", "captured"}
    assert set(seed_claims["side"]) <= {"armenian", "azerbaijani", "both", "other", "unspecified"}


def test_claims_table_rejects_bad_input():
    with pytest.raises(ValueError, match="text"):
        claims_table(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "published": [None]}))
    with pytest.raises(ValueError, match="'a'"):
        claims_table(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "published": [None], "text": [None]}))
    with pytest.raises(TypeError):
        extract_claims(None)  # type: ignore[arg-type]


def test_empty_table_keeps_columns():
    frame = claims_table(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "published": [None],
                                       "text": ["The weather was fine."]}))
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_interval_convention_is_documented():
    for word in ("dozens", "scores", "hundreds", "thousands", "many", "at_least", "more_than", "about", "up_to"):
        assert word in VAGUE_INTERVALS_DOC


# ------------------------------------------------------- number parsing


@pytest.mark.parametrize("phrase, count, vague, qualifier, low, high", [
    ("hundreds of troops", None, "hundreds", None, 200, 999),
    ("dozens", None, "dozens", None, 24, 99),
    ("some 30,000 people", 30000, None, "about", 27000, 33000),
    ("2.4 thousand soldiers", 2400, None, "exact", 2400, 2400),
    ("at least 13", 13, None, "at_least", 13, math.inf),
    ("more than 40 people", 40, None, "more_than", 41, math.inf),
    ("up to 20", 20, None, "up_to", 0, 20),
    ("fewer than 10", 10, None, "up_to", 0, 9),
    ("one hundred and fifty", 150, None, "exact", 150, 150),
    ("twenty-five", 25, None, "exact", 25, 25),
    ("1,200", 1200, None, "exact", 1200, 1200),
    ("several", None, "several", None, 3, 9),
    ("tens of thousands", None, "thousands", None, 20000, 99999),
    ("40 or more", 40, None, "at_least", 40, math.inf),
])
def test_quantities_parse_war_prose(phrase, count, vague, qualifier, low, high):
    m = next(find_quantities(phrase))
    q = parse_match(m, phrase)
    assert (q.count, q.vague, q.qualifier) == (count, vague, qualifier)
    assert q.low == pytest.approx(low) and q.high == high


def test_words_to_number_stops_at_a_plain_and():
    assert words_to_number("two and three")[0] == 2
    assert words_to_number("three thousand two hundred")[0] == 3200
    assert words_to_number("troops")[0] is None


# ------------------------------------------------- realistic positives


@pytest.mark.parametrize("sentence, expect", [
    ("At least 23 Azerbaijani servicemen were killed in the clashes, the Defense Ministry in Baku said.",
     dict(count=23, qualifier="at_least", outcome="killed", group="military", side="azerbaijani", claimant_side="azerbaijani")),
    ("Armenia's Defense Ministry said 16 more servicemen had been killed.",
     dict(count=16, outcome="killed", group="military", side="armenian", scope="increment")),
    ("The Nagorno-Karabakh defense ministry reported 40 more military casualties on Tuesday.",
     dict(count=40, outcome="casualties", group="military", side="armenian", scope="increment")),
    ("The shelling of Tartar left one civilian dead, Azerbaijan's prosecutor-general's office said.",
     dict(count=1, outcome="killed", group="civilian", side="azerbaijani", location="Tartar")),
    ("A 65-year-old woman was killed in the shelling of Barda.",
     dict(count=1, outcome="killed", group="civilian", side="azerbaijani", location="Barda")),
    ("Russia estimates that nearly 5,000 people have been killed since the fighting began on Sept. 27.",
     dict(count=5000, qualifier="about", outcome="killed", scope="cumulative", claimant_side="third_party")),
    ("Two French journalists from Le Monde were wounded in Martuni.",
     dict(count=2, outcome="wounded", group="civilian", side="other", location="Martuni")),
    ("The Azerbaijani side has suffered heavy casualties, Armenian officials claimed.",
     dict(count=None, vague="many", outcome="casualties", side="azerbaijani", claimant_side="armenian")),
    ("There were no casualties among civilians, the ministry said.",
     dict(count=0, outcome="casualties", group="civilian")),
    ("No one was hurt in the attack.", dict(count=0, outcome="wounded")),
    ("The Defense Ministry said there were no human losses.", dict(count=0, outcome="casualties")),
    ("The war in the early 1990s killed about 30,000 people.",
     dict(count=30000, qualifier="about", outcome="killed", scope="historical")),
    ("Azerbaijan said it had captured two Armenian soldiers.",
     dict(count=2, outcome="captured", group="military", side="armenian")),
    ("Eleven civilians, including three children, were killed in Ganja, officials in Baku said.",
     dict(count=11, outcome="killed", group="civilian", side="azerbaijani", location="Ganja")),
    ("Some 2.4 thousand Azerbaijani soldiers are missing, according to Armenian sources.",
     dict(count=2400, qualifier="about", outcome="missing", side="azerbaijani", claimant_side="armenian")),
    ("The Armenian side has lost 2,317 servicemen, the ministry said.",
     dict(count=2317, outcome="killed", group="military", side="armenian")),
    ("Scores of people have been killed in the fighting.", dict(count=None, vague="scores", outcome="killed")),
    ("The missile hit a residential building at 2 a.m., killing five people, including two children.",
     dict(count=5, outcome="killed", group="civilian")),
    ("Azerbaijani forces shelled Stepanakert on Sunday, wounding 12 civilians.",
     dict(count=12, outcome="wounded", group="civilian", side="armenian", location="Stepanakert")),
    ("Officials in Stepanakert said that up to 20 people were wounded.",
     dict(count=20, qualifier="up_to", outcome="wounded", side="armenian", claimant_side="armenian")),
    ("More than 1,000 soldiers have been killed on both sides, according to unofficial estimates.",
     dict(count=1000, qualifier="more_than", side="both", scope="cumulative", group="military")),
    ("Artsakh's emergency service said the death toll in Stepanakert rose to 5 on October 4.",
     dict(count=5, outcome="killed", side="armenian")),
    ("Thirty-two servicemen were killed or wounded, the ministry said.", dict(count=32, outcome="casualties")),
    ("Armenian media reported that twelve soldiers had died in the battle for Hadrut.",
     dict(count=12, outcome="killed", group="military")),
    ("Hundreds of Syrian mercenaries have lost their lives in Karabakh, the monitor said.",
     dict(count=None, vague="hundreds", outcome="killed", group="military", side="other")),
    ("Azeri shelling has injured 7 residents of Martakert, the Artsakh ombudsman said.",
     dict(count=7, outcome="wounded", group="civilian", side="armenian")),
])
def test_realistic_claims(sentence, expect):
    claim = one(sentence)
    for key, value in expect.items():
        assert claim[key] == value, (key, claim)
    assert claim["evidence"] in sentence


def test_two_groups_in_one_clause_are_two_claims():
    found = extract_claims("The separatist government said 34 civilians and 633 troops had so far been killed.")
    assert [(c["count"], c["group"], c["scope"]) for c in found] == [(34, "civilian", "cumulative"), (633, "military", "cumulative")]


def test_running_total_and_increment():
    found = extract_claims("Armenia reported 35 new deaths among its troops, bringing the total to 1,177.")
    assert [(c["count"], c["scope"], c["outcome"]) for c in found] == [(35, "increment", "killed"), (1177, "cumulative", "killed")]


def test_toll_of_one_strike_is_an_incident():
    found = extract_claims("The death toll from Saturday's missile strike on Ganja has risen to 13, with more than 50 injured.")
    assert [(c["count"], c["outcome"], c["scope"], c["side"]) for c in found] == [
        (13, "killed", "incident", "azerbaijani"), (50, "wounded", "incident", "azerbaijani")]


def test_quote_speaker_and_pronoun_give_the_claimant():
    text = ("Armenian Defense Ministry spokesperson Artsrun Hovhannisyan spoke to reporters.\n"
            "“Moments ago they shelled Martuni. Four civilians were wounded,” he said.")
    claim = one(text)
    assert claim["claimant"] == "Artsrun Hovhannisyan" and claim["claimant_side"] == "armenian"


def test_our_losses_take_the_claimants_side():
    claim = one("“We have lost 20 of our soldiers today,” Azerbaijani Defense Minister Zakir Hasanov said.")
    assert claim["side"] == "azerbaijani" and claim["count"] == 20


def test_headline_restating_the_body_is_not_a_claim():
    text = ("Dozens of civilians killed in Ganja strike\n"
            "A missile strike on Ganja killed 13 civilians on Saturday, Azerbaijani officials said.")
    found = extract_claims(text)
    assert [(c["count"], c["vague"]) for c in found] == [(13, None)]


def test_restatement_by_same_claimant_is_one_claim():
    text = ("The ministry said 12 soldiers were killed. Later the ministry said 12 soldiers were killed in the attack.")
    assert len(extract_claims(text)) == 1


def test_speculation_is_not_a_claim():
    assert extract_claims("Experts suggest that many soldiers have died.") == []
    assert extract_claims("Hundreds may have been killed, analysts say.") == []


# -------------------------------------------------------- never claims


@pytest.mark.parametrize("sentence", [
    "The drone strike destroyed 14 tanks and 2 helicopters.",
    "Azerbaijan has lost 14 drones, 2 helicopters and an unspecified number of armored vehicles.",
    "Armenian authorities reported downing four Azerbaijani drones over Kotayk.",
    "Armenia has mobilized men aged 18 to 55.",
    "Born in 1998, the soldier served in Hadrut.",
    "Kotayk is located about 13 miles from Yerevan.",
    "The village is 12 km from the front line and has a population of 3,000.",
    "Fighting continued for the sixth day along the line of contact.",
    "Hundreds of troops have been deployed to the border.",
    "Dozens of drones were shot down.",
    "Hundreds of houses were destroyed in the shelling.",
    "The strike allegedly destroyed 20 houses.",
    "The photo file 120640394_798834444285818_1785353598452418220_n shows the damage.",
    "Renewed fighting flared up on Sept. 27, the worst since 1994.",
    "The ceasefire of October 10 collapsed within hours.",
    "Azerbaijan said its forces had destroyed an S-300 air defense system.",
    "Many residents have fled the city.",
    "Many people are under the rubble.",
    "Civilians were killed and wounded, the ministry said.",
    "There are wounded civilians,” he said.",
    "Reports on casualties are coming in.",
    "One of the worst hit facilities was the rescue center.",
    "Azerbaijan has not disclosed its military casualties.",
    "Some are dead, some are wounded.",
    "There is no information about casualties yet.",
    "The 2020 war lasted 44 days.",
    "The shelling started at 9:30 and lasted two hours.",
    "The two countries have fought over the region since 1992.",
    "Armenia said 40 soldiers were deployed to Syunik.",
])
def test_never_a_claim(sentence):
    assert extract_claims(sentence) == [], sentence
