"""Casualty-claim extraction (analysis.extract.claims): the seeds scored against gold,
the claims table, the rules that need more than one sentence, and the outlet-style
cases of tests/cases/claims.yaml."""

from __future__ import annotations

import cases
import pandas as pd
import pytest

from analysis.evaluate.claim_scoring import format_claim_score, score_claims
from analysis.extract.claims import COLUMNS, VAGUE_INTERVALS_DOC, claims_table, extract_claims


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


# ------------------------------------------------ claims across clauses and sentences


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


@pytest.mark.parametrize("outlet, side", [
    ("Ministry of Defense of Azerbaijan", "azerbaijani"),
    ("Human Rights Ombudsman of the Republic of Artsakh", "armenian"),
    ("Some Daily News", "unspecified"),  # a news outlet speaks for no party
    (None, "unspecified"),
])
def test_a_party_bodys_own_voice_gives_our_its_side(outlet, side):
    text = "Statement\n\nSince the start of the war, 120 servicemen of our Armed Forces have been killed."
    assert [c["side"] for c in extract_claims(text, outlet=outlet)] == [side]


def test_a_party_body_table_reads_the_outlet_column():
    frame = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Ministry of Defense of Azerbaijan", None],
                          "published": [None, None],
                          "text": ["Statement\n\nSo far 120 servicemen of our Armed Forces have been killed."] * 2})
    assert claims_table(frame)["side"].tolist() == ["azerbaijani", "unspecified"]


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


# ------------------------------------ outlet-style sentences (tests/cases/claims.yaml)


@pytest.mark.parametrize("case", cases.params("claims"))
def test_outlet_case(case):
    cases.check("claims", case)


def test_every_fighter_figure_of_a_long_page_takes_the_sponsor_named_once():
    """The sponsor is read once per article (roles._matches), not once per figure; each figure still takes it."""
    body = " ".join(f"On day {i} the monitor said {i + 3} Syrian fighters were killed." for i in range(1, 200))
    rows = extract_claims("The Turkish-backed fighters arrived in September.\n\n" + body)
    fighters = [r for r in rows if r["outcome"] == "killed" and "fighters" in r["evidence"]]
    assert len(fighters) == 199 and {r["side"] for r in fighters} == {"azerbaijani"}
