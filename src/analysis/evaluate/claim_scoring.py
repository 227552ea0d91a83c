"""Score extracted casualty claims against the hand-checked gold.

A predicted claim matches a gold claim of the same article when count (or,
for vague claims, the vague word), outcome and side agree; matching is
one-to-one (each gold claim is used once, predictions in text order take the
first free gold claim). On matched pairs we report how often group, scope,
claimant_side and qualifier agree as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis.core.figures import is_missing

MATCH_KEYS = ("count", "vague", "outcome", "side")
PAIR_FIELDS = ("group", "scope", "claimant_side", "qualifier")
REPORT_COLUMNS = ["article_id", "count", "vague", "qualifier", "outcome", "group", "side", "scope",
                  "claimant", "claimant_side", "evidence", "sentence"]


@dataclass
class ClaimScore:
    """Precision, recall, F1 of claim matching plus per-field accuracy on matches."""

    n_gold: int
    n_predicted: int
    n_matched: int
    precision: float
    recall: float
    f1: float
    field_accuracy: dict = field(default_factory=dict)
    misses: pd.DataFrame = field(default_factory=pd.DataFrame)  # gold claims nobody found
    false_alarms: pd.DataFrame = field(default_factory=pd.DataFrame)  # predictions matching no gold claim
    pairs: pd.DataFrame = field(default_factory=pd.DataFrame)  # matched gold/predicted fields side by side


def same_value(a, b) -> bool:
    """Whether a gold and a predicted field agree (two missing values agree)."""
    return (is_missing(a) and is_missing(b)) or (not is_missing(a) and not is_missing(b) and a == b)


def _norm_count(value) -> int | None:
    if is_missing(value):
        return None
    return int(value)


def _key(claim: dict) -> tuple:
    count = _norm_count(claim.get("count"))
    vague = claim.get("vague") if count is None else None
    vague = None if is_missing(vague) else vague
    return (count, vague, claim.get("outcome"), claim.get("side"))


def score_claims(gold: list[dict], predicted: pd.DataFrame) -> ClaimScore:
    """Score ``predicted`` (a claims table with ``article_id``) against ``gold``.

    ``gold`` is the list of gold article records (``seeds.jsonl`` lines), each
    with ``article_id`` and ``claims``. Only articles present in ``gold`` are
    scored; predictions for other articles are ignored.
    """
    if "article_id" not in predicted.columns:
        raise ValueError("score_claims: predicted has no article_id column")
    for i, record in enumerate(gold):
        if "article_id" not in record or "claims" not in record:
            raise ValueError(f"score_claims: gold record {i} lacks article_id or claims")
    gold_ids = {g["article_id"] for g in gold}
    pred_rows = [r for r in predicted.to_dict("records") if r["article_id"] in gold_ids]
    misses, alarms, pairs = [], [], []
    for record in gold:
        aid = record["article_id"]
        free = [dict(c, article_id=aid) for c in record["claims"]]
        for p in (r for r in pred_rows if r["article_id"] == aid):
            k = _key(p)
            hit = next((g for g in free if _key(g) == k), None)
            if hit is None:
                alarms.append(p)
                continue
            free.remove(hit)
            pairs.append({"article_id": aid, "evidence": p.get("evidence"), "gold_evidence": hit.get("evidence"),
                          **{f"gold_{f}": hit.get(f) for f in PAIR_FIELDS},
                          **{f"pred_{f}": p.get(f) for f in PAIR_FIELDS}})
        for g in free:
            g.setdefault("sentence", None)
            misses.append(g)
    n_gold = sum(len(g["claims"]) for g in gold)
    n_pred = len(pred_rows)
    n_match = len(pairs)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    acc = {}
    for f in PAIR_FIELDS:
        acc[f] = (sum(1 for p in pairs if same_value(p[f"gold_{f}"], p[f"pred_{f}"])) / n_match) if n_match else float("nan")
    frame = lambda rows: pd.DataFrame(rows).reindex(columns=REPORT_COLUMNS)  # noqa: E731
    return ClaimScore(n_gold, n_pred, n_match, precision, recall, f1, acc,
                      frame(misses), frame(alarms), pd.DataFrame(pairs))


def format_claim_score(score: ClaimScore) -> str:
    """A plain-text report of a :class:`ClaimScore` for the command line."""
    lines = [
        f"claims: gold {score.n_gold}, predicted {score.n_predicted}, matched {score.n_matched}",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}",
        "on matched pairs: " + ", ".join(f"{f} {v:.2f}" for f, v in score.field_accuracy.items()),
    ]
    for title, rows in (("misses", score.misses), ("false alarms", score.false_alarms)):
        if len(rows):
            lines.append(f"{title}:")
            for r in rows.to_dict("records"):
                what = r["vague"] if is_missing(r["count"]) else int(r["count"])
                lines.append(f"  {r['article_id']}: {what} {r['outcome']} {r['side']} | {r['evidence']!r}")
    if len(score.pairs):
        wrong = []
        for p in score.pairs.to_dict("records"):
            diffs = [f"{f} {p[f'gold_{f}']}->{p[f'pred_{f}']}" for f in PAIR_FIELDS if not same_value(p[f"gold_{f}"], p[f"pred_{f}"])]
            if diffs:
                wrong.append(f"  {p['article_id']}: {p['evidence']!r}: " + "; ".join(diffs))
        if wrong:
            lines.append("field disagreements (gold->predicted):")
            lines.extend(wrong)
    return "\n".join(lines)
