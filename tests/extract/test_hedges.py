"""Hedge markers (analysis.extract.hedges): the side whose claim they qualify, hedge rates and the evidence of
what they count, and the outlet-style cases of tests/cases/hedges.yaml."""

import math

import cases
import pandas as pd
import pytest

from analysis.core import catalog
from analysis.evaluate.framing_scoring import score_framing
from analysis.extract.hedges import find_hedges, hedges_table
from analysis.compare.hedges import hedge_rates, ratio_text
from analysis.compare import hedges as compare_hedges


def one(text, marker):
    found = [h for h in find_hedges(text) if h["marker"].lower() == marker.lower()]
    assert found, f"{marker!r} not found in {text!r}"
    return found[0]


def test_seed_hedge_recall(seed_articles, gold):
    score = score_framing(gold, seed_articles)
    assert score["hedge_recall"] >= 0.85
    assert score["hedge_side_recall"] >= 0.85


def test_side_carried_from_previous_sentence():
    text = ("Hikmet Hajiyev, aide to President Ilham Aliyev, posted a video of the ruins. "
            "He added that the strike reportedly destroyed 20 houses.")
    assert one(text, "reportedly")["side"] == "azerbaijani"


def test_quoted_marker_is_flagged_and_not_the_outlets():
    text = "“The so-called defense army of the separatists is collapsing,” Aliyev said."
    hedge = one(text, "so-called")
    assert hedge["quoted"] and hedge["kind"] == "distancing"


def test_said_to_reporters_is_not_hearsay():
    assert [h for h in find_hedges("Pashinyan said to reporters that the front held.")] == []
    assert one("Syrian fighters are said to have arrived in Baku.", "are said to")["kind"] == "uncertainty"


def test_unverified_footage():
    text = "The Azerbaijani Defense Ministry showed drone footage of the strike. The video could not be independently verified."
    hedge = one(text, "could not be independently verified")
    assert hedge["kind"] == "uncertainty" and hedge["side"] == "azerbaijani"


def test_offsets_point_at_the_marker(seed_articles):
    table = hedges_table(seed_articles)
    text = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    assert not table.empty
    for row in table.itertuples():
        assert text[row.article_id][row.start:row.end] == row.marker
        assert row.marker in row.sentence


def test_hedge_rates_counts_statements_per_side():
    hedges = pd.DataFrame([
        {"article_id": "a", "outlet": "X", "kind": "distancing", "side": "azerbaijani", "quoted": False, "sentence_index": 1},
        {"article_id": "a", "outlet": "X", "kind": "attribution", "side": "armenian", "quoted": False, "sentence_index": 2},
        {"article_id": "a", "outlet": "X", "kind": "distancing", "side": "armenian", "quoted": True, "sentence_index": 3},
    ])
    sources = pd.DataFrame([
        {"article_id": "a", "outlet": "X", "side": "azerbaijani", "sentence_index": 1},
        {"article_id": "a", "outlet": "X", "side": "azerbaijani", "sentence_index": 4},
        {"article_id": "a", "outlet": "X", "side": "armenian", "sentence_index": 2},
        {"article_id": "a", "outlet": "X", "side": "armenian", "sentence_index": 5},
    ])
    rates = hedge_rates(hedges, sources).set_index("side")
    assert rates.loc["azerbaijani", "rate"] == 0.5 and rates.loc["azerbaijani", "statements"] == 2
    assert rates.loc["armenian", "rate"] == 0.0 and rates.loc["armenian", "ratio_to_other_side"] == 0.0
    # the azerbaijani claims are hedged, the armenian ones are not: azerbaijani / armenian is infinite, not blank
    assert rates.loc["azerbaijani", "ratio_to_other_side"] == float("inf")
    quoted = hedge_rates(hedges, sources, include_quoted=True).set_index("side")
    assert quoted.loc["armenian", "hedged"] == 1 and quoted.loc["armenian", "statements"] == 3
    with pytest.raises(ValueError, match="kinds"):
        hedge_rates(hedges, sources, kinds=("doubt",))
    with pytest.raises(ValueError, match="sources: missing column"):
        hedge_rates(hedges, sources.drop(columns="side"))


def test_a_contact_verb_subject_is_not_the_speaker_of_a_hedge():
    # Akar talked to Hasanov; "allegedly" keeps the outlet's distance from Azerbaijan's claim, not Akar's.
    text = ("Turkish Defense Minister Hulusi Akar also talked to his Azeri counterpart, Zakir Hasanov, on the phone "
            "and congratulated him on allegedly liberating several settlements in Karabakh.")
    hedge = one(text, "allegedly")
    assert hedge["side"] == "azerbaijani" and hedge["basis"] != "speaker"


def test_hedge_ratio_is_this_side_over_the_other_and_reads_as_text():
    def row(outlet, side, i, hedged):
        return {"article_id": outlet, "outlet": outlet, "kind": "distancing", "side": side, "quoted": False,
                "sentence_index": i} if hedged else None

    hedges = pd.DataFrame([r for r in [
        row("RT", "azerbaijani", 1, True), row("RT", "azerbaijani", 2, True), row("RT", "armenian", 3, True),
    ] if r])
    sources = pd.DataFrame([
        {"article_id": o, "outlet": o, "side": s, "sentence_index": i} for o, s, i in [
            ("RT", "azerbaijani", 1), ("RT", "azerbaijani", 2), ("RT", "armenian", 3), ("RT", "armenian", 4),
            ("Calm", "armenian", 1), ("Calm", "azerbaijani", 2), ("Calm", "third_party", 3),
            ("Lone", "armenian", 1)]])
    rates = hedge_rates(hedges, sources)
    by = rates.set_index(["outlet", "side"])["ratio_to_other_side"]
    # RT: azerbaijani 2/2 hedged, armenian 1/2 -> azerbaijani claims hedged twice as often
    assert by[("RT", "azerbaijani")] == 2.0 and by[("RT", "armenian")] == 0.5
    assert math.isnan(by[("Calm", "armenian")]) and math.isnan(by[("Calm", "third_party")])  # 0/0, not compared
    text = dict(zip(zip(rates["outlet"], rates["side"]), ratio_text(rates)))
    assert text[("RT", "azerbaijani")] == "2.00" and text[("RT", "armenian")] == "0.50"
    assert text[("Calm", "armenian")] == "n/a (0 hedged on either side)"
    assert text[("Calm", "third_party")] == "—"
    assert text[("Lone", "armenian")] == "n/a (no azerbaijani claims)"
    one_sided = hedge_rates(hedges[hedges["side"] == "azerbaijani"], sources[sources["outlet"] == "RT"])
    shown = dict(zip(one_sided["side"], ratio_text(one_sided)))
    assert shown == {"armenian": "0.00", "azerbaijani": "∞ (armenian: 0 hedged)"}


def test_rate_evidence_marks_exactly_what_hedge_rates_count(processed_dir):
    hedges = catalog.load("hedges", processed_dir)
    sources = catalog.load("sources", processed_dir)
    evidence = compare_hedges.rate_evidence(hedges)
    rates = hedge_rates(hedges, sources)
    counted = evidence[evidence["counted"]]
    hedged = counted.drop_duplicates(["outlet", "side", "article_id", "sentence_index"]).groupby(["outlet", "side"]).size()
    assert hedged.to_dict() == rates[rates["hedged"] > 0].set_index(["outlet", "side"])["hedged"].to_dict()
    assert not evidence.loc[evidence["quoted"], "counted"].any()
    assert not evidence.loc[evidence["kind"] == "attribution", "counted"].any()
    with_quotes = compare_hedges.rate_evidence(hedges, include_quoted=True)
    assert with_quotes["counted"].sum() >= evidence["counted"].sum()


# --- outlet-style sentences (tests/cases/hedges.yaml)


@pytest.mark.parametrize("case", cases.params("hedges"))
def test_outlet_case(case):
    cases.check("hedges", case)
