"""Agreement between two independent annotations of the same articles.

The agreement is the ceiling an honest accuracy claim can reach: where two
careful readers of one schema differ, a system cannot be scored above them.
Claims match as the scorer matches a prediction to gold (same count or vague
word, outcome and victim side, one to one within an article); dated events
match when their expression spans overlap, and agree when they resolve to the
same day.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    """Pairwise agreement figures over the articles both annotators did."""

    articles: int
    claims_first: int
    claims_second: int
    claims_matched: int
    claims_matched_no_side: int
    events_first: int
    events_second: int
    events_overlapping: int
    events_same_day: int
    published_same: int
    published_both: int

    @staticmethod
    def f1(matched: int, first: int, second: int) -> float | None:
        return 2 * matched / (first + second) if first + second else None

    @property
    def claims_f1(self) -> float | None:
        return self.f1(self.claims_matched, self.claims_first, self.claims_second)

    @property
    def claims_f1_no_side(self) -> float | None:
        return self.f1(self.claims_matched_no_side, self.claims_first, self.claims_second)

    @property
    def events_f1(self) -> float | None:
        return self.f1(self.events_overlapping, self.events_first, self.events_second)

    @property
    def events_same_day_share(self) -> float | None:
        return self.events_same_day / self.events_overlapping if self.events_overlapping else None


def claim_key(claim: dict, with_side: bool = True) -> tuple:
    quantity = claim.get("count") if claim.get("count") is not None else claim.get("vague")
    return (quantity, claim.get("outcome"), claim.get("side") if with_side else None)


def matched_claims(first: list[dict], second: list[dict], with_side: bool = True) -> int:
    """One-to-one matches of the two lists by :func:`claim_key`."""
    pool: dict[tuple, int] = {}
    for claim in second:
        key = claim_key(claim, with_side)
        pool[key] = pool.get(key, 0) + 1
    matched = 0
    for claim in first:
        key = claim_key(claim, with_side)
        if pool.get(key):
            pool[key] -= 1
            matched += 1
    return matched


def matched_events(first: list[dict], second: list[dict]) -> tuple[int, int]:
    """(overlapping pairs, pairs on the same day), one to one in text order."""
    used: set[int] = set()
    overlapping = same_day = 0
    for event in sorted(first, key=lambda e: e["expression_start"]):
        for index, other in enumerate(second):
            if index in used:
                continue
            if event["expression_start"] < other["expression_end"] and other["expression_start"] < event["expression_end"]:
                used.add(index)
                overlapping += 1
                same_day += event.get("date") == other.get("date")
                break
    return overlapping, same_day


def agreement(first: list[dict], second: list[dict]) -> Agreement:
    """Agreement over the articles present in both annotations (sections left null are skipped)."""
    by_id = {record["article_id"]: record for record in first}
    pairs = [(by_id[r["article_id"]], r) for r in second if r["article_id"] in by_id]
    counts = dict.fromkeys(("cf", "cs", "cm", "cn", "ef", "es", "eo", "ed", "ps", "pb"), 0)
    for a, b in pairs:
        if a.get("claims") is not None and b.get("claims") is not None:
            counts["cf"] += len(a["claims"])
            counts["cs"] += len(b["claims"])
            counts["cm"] += matched_claims(a["claims"], b["claims"])
            counts["cn"] += matched_claims(a["claims"], b["claims"], with_side=False)
        if a.get("dated_events") is not None and b.get("dated_events") is not None:
            counts["ef"] += len(a["dated_events"])
            counts["es"] += len(b["dated_events"])
            overlapping, same = matched_events(a["dated_events"], b["dated_events"])
            counts["eo"] += overlapping
            counts["ed"] += same
        counts["pb"] += 1
        counts["ps"] += a.get("published") == b.get("published")
    return Agreement(len(pairs), counts["cf"], counts["cs"], counts["cm"], counts["cn"],
                     counts["ef"], counts["es"], counts["eo"], counts["ed"], counts["ps"], counts["pb"])


def format_agreement(result: Agreement) -> str:
    def pct(value):
        return "n/a" if value is None else f"{value:.2f}"
    return "\n".join([
        f"articles annotated twice: {result.articles}",
        f"claims: {result.claims_first} and {result.claims_second}, matched {result.claims_matched}: "
        f"F1 {pct(result.claims_f1)} (victim side ignored: {pct(result.claims_f1_no_side)})",
        f"dated events: {result.events_first} and {result.events_second}, overlapping {result.events_overlapping}: "
        f"F1 {pct(result.events_f1)}; same day on overlapping {pct(result.events_same_day_share)}",
        f"publication dates equal: {result.published_same}/{result.published_both}",
    ])
