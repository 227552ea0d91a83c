"""The claim-extraction accuracy shown in report 02: claims scored against the annotated sample.

Report 02 (casualty tolls) ends with how well the claims it compares were
extracted; the scoring is :mod:`analysis.evaluate.claim_scoring`, the gold is
read by :mod:`analysis.evaluate.suite`. These functions pick the gold
articles present in the report's corpus and lay the score out as tables.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.core import config
from analysis.core.frames import require_frame
from analysis.evaluate import claim_scoring
from analysis.evaluate import suite


def gold_accuracy(claims: pd.DataFrame, articles: pd.DataFrame, gold_file: str | Path | None = None):
    """Score the claims of the annotated articles against the gold (default: the bundled seeds).

    Returns ``(score, missing)``: a :class:`analysis.evaluate.claim_scoring.ClaimScore`
    over the gold articles present in ``articles`` (None when none is), and
    the ids of gold articles that are not in this corpus.
    """
    require_frame(articles, ("article_id",), "articles")
    gold = suite.load_gold(config.GOLD_FILE if gold_file is None else gold_file)
    present = set(articles["article_id"])
    missing = sorted(g["article_id"] for g in gold if g["article_id"] not in present)
    scored = [g for g in gold if g["article_id"] in present]
    for g in scored:
        if "claims" not in g:
            raise suite.GoldError(f"gold_file: record {g['article_id']} has no claims list")
    if not scored:
        return None, missing
    return claim_scoring.score_claims(scored, claims), missing


def score_table(score: claim_scoring.ClaimScore) -> pd.DataFrame:
    """A :class:`~analysis.evaluate.claim_scoring.ClaimScore` as rows of (measure, value) for a report."""
    rows = [("gold claims", int(score.n_gold)), ("extracted claims", int(score.n_predicted)),
            ("matched", int(score.n_matched)),
            ("precision", round(score.precision, 3)), ("recall", round(score.recall, 3)), ("F1", round(score.f1, 3))]
    rows += [(f"{f} agrees (matched pairs)", round(v, 3)) for f, v in score.field_accuracy.items()]
    # object column: counts stay integers (a float column would print 31 as 31.000)
    return pd.DataFrame({"measure": [m for m, _ in rows], "value": pd.Series([v for _, v in rows], dtype=object)})


def field_disagreements(score: claim_scoring.ClaimScore) -> pd.DataFrame:
    """Matched pairs of a :class:`~analysis.evaluate.claim_scoring.ClaimScore` where group, scope, claimant_side or qualifier differ."""
    pairs = score.pairs
    if pairs.empty:
        return pairs.copy()
    differs = [any(not claim_scoring.same_value(r[f"gold_{f}"], r[f"pred_{f}"]) for f in claim_scoring.PAIR_FIELDS)
               for r in pairs.to_dict("records")]
    return pairs[differs].reset_index(drop=True)
