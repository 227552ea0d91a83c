"""Scoring of claims against gold: one-to-one matching and field accuracy."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluate.claim_scoring import format_claim_score, score_claims


def claim(count, outcome="killed", side="armenian", vague=None, **extra):
    base = dict(count=count, vague=vague, qualifier="exact" if count is not None else None, outcome=outcome,
                group="civilian", side=side, scope="incident", claimant=None, claimant_side="outlet",
                evidence=f"{count or vague} {outcome}", sentence="s")
    base.update(extra)
    return base


def test_matching_is_one_to_one_and_reports_misses_and_false_alarms():
    gold = [{"article_id": "a", "claims": [claim(12), claim(12), claim(None, "wounded", vague="dozens")]},
            {"article_id": "b", "claims": [claim(3, side="azerbaijani")]}]
    pred = pd.DataFrame([
        dict(article_id="a", **claim(12)),
        dict(article_id="a", **claim(None, "wounded", vague="dozens", group="unspecified")),
        dict(article_id="a", **claim(40, "wounded")),
        dict(article_id="b", **claim(3, side="armenian")),
        dict(article_id="zzz", **claim(1)),  # not in gold: ignored
    ])
    score = score_claims(gold, pred)
    assert (score.n_gold, score.n_predicted, score.n_matched) == (4, 4, 2)
    assert score.precision == pytest.approx(0.5) and score.recall == pytest.approx(0.5)
    assert score.field_accuracy["group"] == pytest.approx(0.5)
    assert len(score.misses) == 2 and len(score.false_alarms) == 2
    assert set(score.false_alarms["evidence"]) == {"40 wounded", "3 killed"}
    text = format_claim_score(score)
    assert "F1 0.500" in text and "false alarms" in text and "group civilian->unspecified" in text


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="article_id"):
        score_claims([], pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="gold record 0"):
        score_claims([{"claims": []}], pd.DataFrame({"article_id": []}))
