"""Report tables from the hedges (report 04): how often each side's claims are hedged, per outlet.

Pure functions of the built ``hedges`` and ``sources`` tables; finding the
markers and their side is :mod:`analysis.extract.hedges`.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.frames import require_frame
from analysis.core.values import ACTOR_SIDES, OTHER_PARTY

SIDES = ACTOR_SIDES
"""The sides a hedge rate is given for (a hedge on both sides or none is not counted)."""
RATE_KINDS = ("distancing", "uncertainty")
"""Marker kinds counted by default (``attribution``, "according to", is not)."""

RATE_COLUMNS = {
    "outlet": "outlet",
    "side": "armenian, azerbaijani or third_party",
    "statements": "sentences carrying a claim of this side: an attributed source of the side, or a hedge resolved to it",
    "hedged": "of those, sentences with a (non-quoted) hedge on this side's claim",
    "rate": "hedged / statements",
    "ratio_to_other_side": "this row's side's rate / the other side's rate (armenian vs azerbaijani): above 1, this "
                           "side's claims are hedged more often than the other side's; inf when only this side has "
                           "hedged claims; NaN when neither side has one (0/0), the other side has no claims, or the "
                           "side is third_party (see ratio_text)",
}
RATIO = "ratio_to_other_side"


def hedge_rates(
    hedges: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    kinds: tuple[str, ...] = RATE_KINDS,
    include_quoted: bool = False,
) -> pd.DataFrame:
    """Per outlet and side, the share of that side's claim sentences that carry a hedge.

    ``sources``: source mention rows (article_id, outlet, side, sentence_index).
    A statement is a sentence of an article attributed to the side, or holding
    a hedge resolved to the side. Columns: ``RATE_COLUMNS``.
    """
    require_frame(hedges, ("article_id", "outlet", "kind", "side", "quoted", "sentence_index"), "hedges")
    require_frame(sources, ("article_id", "outlet", "side", "sentence_index"), "sources")
    unknown = sorted(set(kinds) - {"distancing", "uncertainty", "attribution"})
    if unknown:
        raise ValueError(f"kinds: unknown kind(s) {unknown}; use distancing, uncertainty, attribution")
    used = hedges[hedges["kind"].isin(kinds) & hedges["side"].isin(SIDES)]
    if not include_quoted:
        used = used[~used["quoted"].astype(bool)]
    key = ["outlet", "side", "article_id", "sentence_index"]
    hedged = set(map(tuple, used[key].itertuples(index=False)))
    stated = set(map(tuple, sources[sources["side"].isin(SIDES)][key].itertuples(index=False))) | hedged
    counts: dict[tuple, list[int]] = {}
    for outlet, side, _a, _s in stated:
        counts.setdefault((outlet, side), [0, 0])[0] += 1
    for outlet, side, _a, _s in hedged:
        counts[(outlet, side)][1] += 1
    rows = [{"outlet": o, "side": s, "statements": n, "hedged": h, "rate": h / n}
            for (o, s), (n, h) in counts.items()]
    frame = pd.DataFrame(rows, columns=["outlet", "side", "statements", "hedged", "rate"])
    rate = {(r.outlet, r.side): r.rate for r in frame.itertuples()}

    def ratio(r):
        theirs = rate.get((r.outlet, OTHER_PARTY.get(r.side)))
        if theirs is None:  # third_party, or the other side has no claims in this outlet
            return float("nan")
        if theirs == 0:
            return float("inf") if r.rate > 0 else float("nan")  # x/0 is infinite, 0/0 undefined
        return r.rate / theirs

    frame[RATIO] = [ratio(r) for r in frame.itertuples()]
    frame["_o"] = frame["side"].map({s: i for i, s in enumerate(SIDES)})
    frame = frame.sort_values(["outlet", "_o"], kind="stable").drop(columns="_o").reset_index(drop=True)
    return frame[list(RATE_COLUMNS)]


def ratio_text(rates: pd.DataFrame) -> pd.Series:
    """``ratio_to_other_side`` of :func:`hedge_rates` rows as text a reader can take at its word.

    A number with two decimals; ``∞ (other side: 0 hedged)`` when only this
    side has hedged claims; ``n/a (0 hedged on either side)`` for 0/0;
    ``n/a (no <side> claims)`` when the other side has no claims in the
    outlet; ``—`` for third_party (not compared).
    """
    require_frame(rates, ("outlet", "side", "hedged", RATIO), "rates")
    sides = {(o, s) for o, s in zip(rates["outlet"], rates["side"])}

    def text(outlet, side, value) -> str:
        other = OTHER_PARTY.get(side)
        if other is None:
            return "—"
        if (outlet, other) not in sides:
            return f"n/a (no {other} claims)"
        if value == float("inf"):
            return f"∞ ({other}: 0 hedged)"
        if value != value:  # NaN: 0/0
            return "n/a (0 hedged on either side)"
        return f"{value:.2f}"

    return pd.Series([text(o, s, v) for o, s, v in zip(rates["outlet"], rates["side"], rates[RATIO])],
                     index=rates.index, name=RATIO, dtype=object)


def rate_evidence(
    hedges: pd.DataFrame,
    *,
    kinds: tuple[str, ...] = RATE_KINDS,
    include_quoted: bool = False,
) -> pd.DataFrame:
    """The hedges with a ``counted`` column: True when :func:`hedge_rates` (same options) counts the marker.

    Quoted markers, ``attribution`` markers and markers without a side are
    listed but not counted, so a reader sees what the rates leave out.
    """
    require_frame(hedges, ("kind", "side", "quoted"), "hedges")
    counted = hedges["kind"].isin(kinds) & hedges["side"].isin(SIDES)
    if not include_quoted:
        counted &= ~hedges["quoted"].astype(bool)
    return hedges.assign(counted=counted.to_numpy(dtype=bool))
