"""Casualty-toll comparisons across outlets (report 02).

Pure functions from the ``claims`` table (plus ``articles`` / ``incidents``)
to the frames report 02 shows: the selection of claims, the ledger per
outlet x claimant x side x group x outcome, the same incident with different
figures across outlets, the running totals each claimant announced, which
side's figures each outlet relays. Every row that stands for a claim keeps
its ``evidence``, ``sentence``, ``article_id`` and ``start``/``end`` so a
figure can be traced to its sentence. (The extraction accuracy on the
annotated sample is scored against gold in :mod:`analysis.evaluate.tolls_scoring`.)

Nothing here adds a running total (scope ``cumulative``) to anything: the
only sums are over incident-scope claims, one figure per incident (see
:func:`ledger`).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from analysis.compare import overview
from analysis.core.dates import as_day
from analysis.core.figures import claimant_key, figure_text, is_missing
from analysis.core.frames import require_frame
from analysis.core.values import CLAIMANT_SIDES, OWN_VOICE, UNKNOWN_OUTLET, VICTIM_SIDES
from analysis.lexicons import load as lexicons
from analysis.nlp import quantities

SelectionError = overview.SelectionError

UNKNOWN_SIDE = "unknown"  # claimant_side shown when the claimant's side is not known
_REQUIRED = ("article_id", "outlet", "published", "count", "count_low", "count_high", "qualifier", "vague",
             "outcome", "group", "side", "scope", "claimant", "claimant_side", "location", "evidence",
             "sentence", "start", "end")
TRACE = ["outlet", "article_id", "figure", "outcome", "side", "claimant", "evidence", "sentence", "start", "end"]

LEDGER_COLUMNS = {
    "outlet": "outlet relaying the figures",
    "claimant": "who gave them (as first written; '(own voice)' for the outlet's own figures)",
    "claimant_side": "armenian, azerbaijani, third_party, outlet or unknown",
    "side": "whose people: armenian, azerbaijani, both, other or unspecified",
    "group": "civilian, military or unspecified",
    "outcome": "killed, wounded, casualties, missing or captured",
    "n_claims": "claims in the row, every scope",
    "n_incidents": "distinct incidents among the incident-scope claims (see incident_low)",
    "incident_low": "sum over those incidents of the highest lower bound given for each (count_low)",
    "incident_high": "same for the upper bound (count_high; inf when a figure is open-ended)",
    "latest_cumulative": "latest running total (scope cumulative) in the row, as written ('' when none); never summed",
    "latest_cumulative_published": "publication date of the article giving that running total",
    "other_claims": "increment and historical claims in the row, never summed (e.g. 'increment 1')",
    "figures": "every figure in the row as written, in publication order, '; '-separated",
}

COMPARISON_COLUMNS = {
    "comparison_id": "incident_id when the claim is linked to an incident, else place|date or the claim's own key",
    "label": "incident label (place, event type, date) or place and date",
    "basis": "why the claim is in the group: linked (its sentence names the incident), place (same place within the "
             "date window), context (no place: the incident mentioned just before it in the article), inferred (no "
             "place: the only located group with the same victim side and outcome in the window), unlocated (alone)",
    "incident_date": "date of the incident (the publication date when the claim gives none)",
    "outlet": "outlet relaying the figure",
    "article_id": "article of the claim",
    "published": "publication date of the article",
    "claimant": "who gave the figure ('(own voice)' for the outlet)",
    "claimant_side": "armenian, azerbaijani, third_party, outlet or unknown",
    "outcome": "killed, wounded, casualties, missing or captured",
    "side": "whose people",
    "group": "civilian, military or unspecified",
    "figure": "the figure as written in words ('at least 13', 'dozens')",
    "count": "the number (null for vague quantities)",
    "count_low": "lower end of the interval",
    "count_high": "upper end of the interval (inf when open)",
    "evidence": "span carrying the claim",
    "sentence": "sentence of the claim",
    "start": "offset of evidence in the normalized text",
    "end": "end offset of evidence",
}

RUNNING_COLUMNS = {
    "series": "claimant, side, group and outcome of the running total (one line in the chart)",
    "claimant": "who gave the total ('<outlet> (own voice)' for an outlet's own figures)",
    "claimant_side": "armenian, azerbaijani, third_party, outlet or unknown",
    "side": "whose people",
    "group": "civilian, military or unspecified",
    "outcome": "killed, wounded, ...",
    "outlet": "outlet relaying the total",
    "published": "publication date of the article (null when the article is undated)",
    "figure": "the figure as written in words",
    "count": "the number (null for vague quantities)",
    "count_low": "lower end of the interval",
    "count_high": "upper end of the interval (inf when open)",
    "article_id": "article of the claim",
    "evidence": "span carrying the claim",
    "sentence": "sentence of the claim",
    "start": "offset of evidence in the normalized text",
    "end": "end offset of evidence",
}


# --------------------------------------------------------------- helpers ----


def _names(value, parameter: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple, set)):
        raise SelectionError(f"parameter {parameter}: expected a list of names, got {value!r}")
    return [str(v) for v in value]


def _with_figures(claims: pd.DataFrame) -> pd.DataFrame:
    out = claims.copy()
    out["figure"] = [figure_text(c, q, v) for c, q, v in zip(claims["count"], claims["qualifier"], claims["vague"])]
    out["claimant_side"] = claims["claimant_side"].where(claims["claimant_side"].notna(), UNKNOWN_SIDE)
    return out


# ------------------------------------------------------------- selection ----


def select_claims(claims: pd.DataFrame, articles: pd.DataFrame, outlets=None, sides=None, claimants=None,
                  date_from=None, date_to=None, include_vague: bool = True) -> pd.DataFrame:
    """Claims of the chosen outlets, victim sides and claimants, published in ``[date_from, date_to]``.

    Outlets and dates select articles exactly as :func:`analysis.compare.overview.select_articles`
    does (unknown outlets are an error); a claim from an article with no outlet
    keeps its row, its outlet shown as :data:`UNKNOWN_OUTLET`. ``sides`` are victim sides
    (:data:`VICTIM_SIDES`); ``claimants`` are claimant names as in the claims
    table (case-insensitive) or ``"(own voice)"`` for figures an outlet gives
    itself. Empty lists mean all. ``include_vague=False`` drops claims whose
    quantity is a word ("dozens") rather than a number.
    """
    require_frame(claims, _REQUIRED, "claims")
    if not isinstance(include_vague, bool):
        raise SelectionError(f"parameter include_vague: expected true or false, got {include_vague!r}")
    chosen = overview.select_articles(articles, outlets, date_from, date_to)
    keep = claims["article_id"].isin(set(chosen["article_id"]))
    wanted_sides = _names(sides, "sides")
    unknown = sorted(set(wanted_sides) - set(VICTIM_SIDES))
    if unknown:
        raise SelectionError(f"parameter sides: unknown victim side(s) {unknown}; known sides: {list(VICTIM_SIDES)}")
    if wanted_sides:
        keep &= claims["side"].isin(wanted_sides)
    wanted = _names(claimants, "claimants")
    if wanted:
        keys = claims["claimant"].map(claimant_key)
        known = {k for k in keys if k is not None}
        asked = {claimant_key(w) or "" for w in wanted}
        bad = sorted(w for w in wanted if claimant_key(w) not in known and w != OWN_VOICE)
        if bad:
            listed = sorted({str(c) for c in claims["claimant"].dropna()})
            raise SelectionError(f"parameter claimants: unknown claimant(s) {bad}; claimants in the claims table: "
                                 f"{[OWN_VOICE] + listed}")
        match = keys.isin(asked)
        if OWN_VOICE in wanted:
            match |= keys.isna()
        keep &= match
    if not include_vague:
        keep &= claims["count"].notna()
    chosen_claims = claims[keep]
    return chosen_claims.assign(outlet=chosen_claims["outlet"].fillna(UNKNOWN_OUTLET)).reset_index(drop=True)


# ---------------------------------------------------------------- ledger ----


def ledger(claims: pd.DataFrame, incidents: pd.DataFrame | None = None, window_days: int = 1) -> pd.DataFrame:
    """One row per outlet x claimant x victim side x group x outcome (:data:`LEDGER_COLUMNS`).

    What is summed: incident-scope claims only, one figure per incident (the
    incidents of :func:`group_incidents`; a claimant revising a toll gives
    several figures for one incident, so the highest interval counts, not
    their sum). Running totals are shown as the latest figure, never added to
    anything; increments and historical figures are only counted.
    """
    require_frame(claims, _REQUIRED, "claims")
    if claims.empty:
        return pd.DataFrame(columns=list(LEDGER_COLUMNS))
    frame = _with_figures(claims)
    frame["_key"] = frame["claimant"].map(claimant_key).fillna("")
    grouped = group_incidents(claims, incidents, window_days=window_days, attach_unlocated=False)
    incident_of = dict(zip(zip(grouped["article_id"], grouped["start"], grouped["outcome"], grouped["count_low"]),
                           grouped["comparison_id"]))
    # One pass over plain records, rows of a group in publication order: per-group pandas work made this
    # quadratic-looking at 2,000 articles (40 s); the groups and their order are those of groupby(sort=True).
    frame = frame.sort_values(["published", "article_id", "start"], na_position="first", kind="stable")
    by = frame.groupby(["outlet", "_key", "side", "group", "outcome"], sort=True, dropna=False)
    codes = by.ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(by.size()) + 1))
    records = frame.to_dict("records")
    rows = []
    for n, (outlet, _key, side, group, outcome) in enumerate(by.size().index):
        part = [records[i] for i in order[bounds[n]:bounds[n + 1]]]
        first = [r["claimant"] for r in part if not is_missing(r["claimant"])]
        best: dict[str, tuple[float, float]] = {}
        latest, latest_key = None, None
        others: dict[str, int] = {}
        for r in part:
            if r["scope"] == "incident":
                iid = incident_of.get((r["article_id"], r["start"], r["outcome"], r["count_low"]),
                                      f"{r['article_id']}:{r['start']}")
                low, high = best.get(iid, (-math.inf, -math.inf))
                best[iid] = (max(low, r["count_low"]), max(high, r["count_high"]))
            elif r["scope"] == "cumulative":
                key = (as_day(r["published"]) or dt.date.min, r["count_low"], r["count_high"])
                if latest_key is None or key >= latest_key:  # the last of the highest, as a stable sort's end
                    latest, latest_key = r, key
            elif r["scope"] in ("increment", "historical"):
                others[r["scope"]] = others.get(r["scope"], 0) + 1
        rows.append({
            "outlet": outlet, "claimant": first[0] if first else OWN_VOICE,
            "claimant_side": "; ".join(sorted({r["claimant_side"] for r in part})),
            "side": side, "group": group, "outcome": outcome, "n_claims": len(part),
            "n_incidents": len(best),
            "incident_low": sum(v[0] for v in best.values()) if best else float("nan"),
            "incident_high": sum(v[1] for v in best.values()) if best else float("nan"),
            "latest_cumulative": "" if latest is None else latest["figure"],
            "latest_cumulative_published": None if latest is None else latest["published"],
            "other_claims": "; ".join(f"{k} {v}" for k, v in sorted(others.items())),
            "figures": "; ".join(r["figure"] for r in part),
        })
    return pd.DataFrame(rows, columns=list(LEDGER_COLUMNS))


# ------------------------------------------------------------- incidents ----


def _canonical_place(location) -> str | None:
    if is_missing(location) or not str(location).strip():
        return None
    return lexicons.gazetteer().place_of(str(location)) or str(location).strip()


def group_incidents(claims: pd.DataFrame, incidents: pd.DataFrame | None = None, window_days: int = 1,
                    attach_unlocated: bool = True, mentions: pd.DataFrame | None = None,
                    context_chars: int = 300) -> pd.DataFrame:
    """Incident-scope claims with the incident they are about (:data:`COMPARISON_COLUMNS`).

    A claim whose sentence is linked to an incident (``incident_id``) belongs
    to it. Otherwise a claim naming a place joins the incident or place group
    of the same place whose date is within ``window_days`` of the claim's
    date (the publication date: the claim gives none). With
    ``attach_unlocated``, a claim naming no place joins the one located group
    in its window holding a claim of the same victim side and outcome, if
    there is exactly one (``basis`` says ``inferred``: a candidate to check
    against the sentences); otherwise it stays alone. Before that, when
    ``mentions`` (the incident_mentions table) is given, such a claim joins
    the incident mentioned last before it in the same article, at most
    ``context_chars`` characters earlier ("Azerbaijan attacked Stepanakert on
    Saturday. It said three civilians had been wounded"; ``basis`` context).
    """
    require_frame(claims, _REQUIRED, "claims")
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days: expected a whole number >= 0, got {window_days!r}")
    frame = _with_figures(claims[claims["scope"] == "incident"])
    if frame.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    linked = frame["incident_id"] if "incident_id" in frame.columns else pd.Series(None, index=frame.index)
    meta = _incident_info(incidents)
    grouping = _Grouping(frame.to_dict("records"), window_days)
    grouping.join_linked(linked, meta)
    grouping.join_by_place()
    if mentions is not None and len(mentions):
        grouping.join_by_context(mentions, meta, context_chars)
    grouping.join_unlocated(attach_unlocated)
    return grouping.frame()


def _incident_info(incidents: pd.DataFrame | None) -> dict[str, dict]:
    """``incident_id -> {incident_id, label, place, date}`` of the incidents table (empty when none)."""
    if incidents is None or not len(incidents):
        return {}
    require_frame(incidents, ("incident_id", "label", "place", "date"), "incidents")
    return {r["incident_id"]: r for r in incidents[["incident_id", "label", "place", "date"]].to_dict("records")}


class _Grouping:
    """The claims of :func:`group_incidents` and the group each has joined so far, one rule at a time.

    ``groups`` maps a group id to its place, date and label; ``assigned[i]``
    is the (group id, basis) of claim ``i``, ``(None, None)`` while no rule
    has placed it. Each ``join_*`` method places the claims its rule applies to.
    """

    def __init__(self, records: list[dict], window_days: int):
        self.records = records
        self.window_days = window_days
        self.groups: dict[str, dict] = {}
        self.assigned: list[tuple[str | None, str | None]] = [(None, None)] * len(records)

    def near(self, day_a, day_b) -> bool:
        return day_a is not None and day_b is not None and abs((day_a - day_b).days) <= self.window_days

    def open(self) -> list[int]:
        """Claims no rule has placed yet."""
        return [i for i, (gid, _) in enumerate(self.assigned) if gid is None]

    def join_linked(self, linked, meta: dict[str, dict]) -> None:
        """A claim whose sentence is linked to an incident belongs to it."""
        for i, (r, iid) in enumerate(zip(self.records, linked)):
            if is_missing(iid):
                continue
            info = meta.get(iid, {})
            day = as_day(info.get("date")) or as_day(r["published"])
            place = info.get("place") or _canonical_place(r["location"])
            label = info.get("label") or f"{place or 'unknown place'}, {day}"
            self.groups.setdefault(iid, {"place": place, "date": day, "label": label})
            self.assigned[i] = (iid, "linked")

    def join_by_place(self) -> None:
        """A claim naming a place joins the nearest group of that place in its window, else starts one."""
        for i in self.open():
            r = self.records[i]
            place, day = _canonical_place(r["location"]), as_day(r["published"])
            if place is None:
                continue
            options = sorted((abs((g["date"] - day).days), gid) for gid, g in self.groups.items()
                             if g["place"] == place and self.near(g["date"], day))
            if options:
                self.assigned[i] = (options[0][1], "place")
            else:
                gid = f"{place}|{day}"
                self.groups[gid] = {"place": place, "date": day, "label": f"{place}, {day}" if day else f"{place}, undated"}
                self.assigned[i] = (gid, "place")

    def join_by_context(self, mentions: pd.DataFrame, meta: dict[str, dict], context_chars: int) -> None:
        """A claim naming no place joins the incident mentioned last before it, at most ``context_chars`` earlier."""
        require_frame(mentions, ("incident_id", "article_id", "start", "end"), "mentions")
        before: dict[str, list[tuple[int, int, str]]] = {}
        for iid, aid, m_start, m_end in zip(mentions["incident_id"], mentions["article_id"], mentions["start"], mentions["end"]):
            before.setdefault(aid, []).append((int(m_start), int(m_end), iid))
        for i in self.open():
            r = self.records[i]
            start = int(r["start"])
            options = [(m_end, iid) for m_start, m_end, iid in before.get(r["article_id"], [])
                       if m_start < start and start - m_end <= context_chars]
            if not options:
                continue
            iid = max(options)[1]
            info = meta.get(iid, {})
            day = as_day(info.get("date")) or as_day(r["published"])
            self.groups.setdefault(iid, {"place": info.get("place"), "date": day,
                                         "label": info.get("label") or f"{info.get('place') or 'unknown place'}, {day}"})
            self.assigned[i] = (iid, "context")

    def join_unlocated(self, attach: bool) -> None:
        """The rest: with ``attach``, the one located group of the same side and outcome in the window; else alone."""
        located: dict[tuple, set] = {}  # (side, outcome) -> located groups holding such a claim
        for (gid, _), o in zip(self.assigned, self.records):
            if gid is not None and self.groups[gid]["place"] is not None:
                located.setdefault((o["side"], o["outcome"]), set()).add(gid)
        for i in self.open():
            r = self.records[i]
            day = as_day(r["published"])
            if attach:
                candidates = {gid for gid in located.get((r["side"], r["outcome"]), ())
                              if self.near(self.groups[gid]["date"], day)}
                if len(candidates) == 1:
                    self.assigned[i] = (candidates.pop(), "inferred")
                    continue
            gid = f"{r['article_id']}:{r['start']}"
            self.groups[gid] = {"place": None, "date": day, "label": f"unlocated: {r['evidence']} ({r['outlet']}, {day})"}
            self.assigned[i] = (gid, "unlocated")

    def frame(self) -> pd.DataFrame:
        """One row per claim with its group (:data:`COMPARISON_COLUMNS`), sorted by incident date and label."""
        rows = []
        for (gid, basis), r in zip(self.assigned, self.records):
            g = self.groups[gid]
            rows.append({"comparison_id": gid, "label": g["label"], "basis": basis, "incident_date": g["date"],
                         **{c: r[c] for c in COMPARISON_COLUMNS if c in r},
                         "claimant": r["claimant"] if not is_missing(r["claimant"]) else OWN_VOICE})
        out = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
        return out.sort_values(["incident_date", "label", "outcome", "outlet", "published", "article_id", "start"],
                               kind="stable").reset_index(drop=True)


def compare_incidents(grouped: pd.DataFrame) -> pd.DataFrame:
    """Figures that can be set side by side: one incident, one outcome, one victim side and one victim group.

    ``grouped``: :func:`group_incidents` (incident-scope claims only, so a
    running total is never an incident's figure). A comparison is the claims
    of one incident with the same ``outcome``, ``side`` and ``group`` (ten
    soldiers are not compared with two civilians); it is kept when more than
    one outlet reports it or it is given more than one figure. ``comparison``
    names it ("<label> · killed, armenian civilian"); ``spread`` is the
    highest upper bound over the lowest lower bound of its figures (1 when
    all agree, ``inf`` when one is open-ended), so the widest disagreements
    can be shown first.
    """
    require_frame(grouped, ("comparison_id", "label", "outlet", "outcome", "side", "group", "count_low", "count_high"),
                  "grouped")
    if grouped.empty:
        return grouped.assign(comparison=pd.Series(dtype=object), spread=pd.Series(dtype=float))
    key = ["comparison_id", "outcome", "side", "_group"]
    named = grouped[grouped["group"] != "unspecified"].groupby(["comparison_id", "outcome", "side"])["group"].unique()
    only = {k: v[0] for k, v in named.items() if len(v) == 1}
    groups = [only.get((c, o, s), g) if g == "unspecified" else g
              for c, o, s, g in zip(grouped["comparison_id"], grouped["outcome"], grouped["side"], grouped["group"])]
    unspecified = set(zip(*(grouped.loc[grouped["group"] == "unspecified", c] for c in ("comparison_id", "outcome", "side"))))
    frame = grouped.assign(_group=groups, comparison=[
        f"{lab} · {o}, {s} {g}" + (" (or unspecified)" if g != "unspecified" and g in named.get((c, o, s), ())
                                    and (c, o, s) in unspecified else "")
        for lab, c, o, s, g in zip(grouped["label"], grouped["comparison_id"], grouped["outcome"], grouped["side"], groups)])
    by = frame.groupby(key, sort=False, dropna=False)
    outlets = by["outlet"].transform("nunique")
    figures = by["count_low"].transform("nunique") + by["count_high"].transform("nunique")
    kept = frame[(outlets > 1) | (figures > 2)].copy()
    if kept.empty:
        return kept.drop(columns="_group").assign(spread=pd.Series(dtype=float))
    low = kept.groupby(key, dropna=False)["count_low"].transform("min").astype(float)
    high = kept.groupby(key, dropna=False)["count_high"].transform("max").astype(float)
    kept["spread"] = [h / lo if lo > 0 else (math.inf if h > 0 else 1.0) for lo, h in zip(low, high)]
    return kept.drop(columns="_group").reset_index(drop=True)


def widest_comparisons(compared: pd.DataFrame, n: int = 12) -> list[str]:
    """The ``comparison`` names of the ``n`` widest disagreements (largest spread, then most outlets), widest first."""
    if compared.empty:
        return []
    stats = compared.groupby("comparison", sort=True).agg(spread=("spread", "max"), outlets=("outlet", "nunique"),
                                                         date=("incident_date", "first"))
    stats = stats.sort_values(["spread", "outlets"], ascending=False, kind="stable")
    return list(stats.index[:n])


def chart_points(drawn: pd.DataFrame, per_row: int = 16) -> pd.DataFrame:
    """One point per comparison, outlet and figure as written, with ``reports`` (how many claims gave it).

    At 2,000 articles one incident row can hold hundreds of claims, most of them
    the same figure relayed again: a point each would make the chart grow with
    the corpus. Per row, the ``per_row`` points given most often are kept
    (``shown`` says how many points the row has in all); the sentences behind
    every claim stay in the evidence table.
    """
    if drawn.empty:
        return drawn.assign(reports=pd.Series(dtype="int64"), points=pd.Series(dtype="int64"))
    keys = ["comparison", "outlet", "figure", "count_low", "count_high"]
    points = (drawn.assign(count=drawn["count"].astype("Float64"))
              .groupby(keys, sort=True, dropna=False)
              .agg(count=("count", "first"), reports=("article_id", "size")).reset_index())
    points["points"] = points.groupby("comparison")["figure"].transform("size")
    points = points.sort_values(["comparison", "reports", "outlet", "count_low"], ascending=[True, False, True, True],
                                kind="stable")
    return points.groupby("comparison", sort=False).head(per_row).sort_values(
        ["comparison", "count_low", "outlet"], kind="stable").reset_index(drop=True)


# -------------------------------------------------------- running totals ----


def running_totals(claims: pd.DataFrame) -> pd.DataFrame:
    """Running totals (scope ``cumulative``) per claimant over publication dates (:data:`RUNNING_COLUMNS`).

    An outlet's own running totals are their own claimant ('<outlet> (own
    voice)'); vague totals keep their interval and a null count. A total from
    an undated article keeps its row (``published`` null, sorted last): it
    cannot be placed on a time axis but can be read.
    """
    require_frame(claims, _REQUIRED, "claims")
    frame = _with_figures(claims[claims["scope"] == "cumulative"])
    if frame.empty:
        return pd.DataFrame(columns=list(RUNNING_COLUMNS))
    first_name: dict[str, str] = {}
    for name in frame.sort_values(["published", "article_id", "start"], kind="stable")["claimant"]:
        key = claimant_key(name)
        if key is not None:
            first_name.setdefault(key, name)
    # an outlet's own voice is one claimant; articles with no outlet may be many outlets, so each is its own
    frame["claimant"] = [first_name[claimant_key(c)] if claimant_key(c) else
                         f"{o} {OWN_VOICE}" if o != UNKNOWN_OUTLET and not is_missing(o) else
                         f"{UNKNOWN_OUTLET} {OWN_VOICE}, {a}"
                         for c, o, a in zip(frame["claimant"], frame["outlet"], frame["article_id"])]
    frame["series"] = [f"{c}: {s} {g} {o}" for c, s, g, o in zip(frame["claimant"], frame["side"], frame["group"], frame["outcome"])]
    out = frame[list(RUNNING_COLUMNS)].copy()
    out["published"] = out["published"].map(as_day)
    return out.sort_values(["series", "published", "outlet", "article_id", "start"], kind="stable",
                           na_position="last").reset_index(drop=True)


def chart_series(totals: pd.DataFrame, n: int = 8) -> list[str]:
    """The ``n`` series of :func:`running_totals` drawn in the chart: most dated reports first, then by name.

    Only dated totals can be placed in time; the others stay in the table.
    """
    dated = totals[totals["published"].notna()]
    if dated.empty:
        return []
    counts = dated.groupby("series").size().sort_index().sort_values(ascending=False, kind="stable")
    return list(counts.index[:n])


# ----------------------------------------------------- attribution matrix ----


def attribution_matrix(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per outlet (rows) and claimant side (columns: armenian, azerbaijani, third_party, outlet, then unknown if any)."""
    require_frame(claims, ("outlet", "claimant_side"), "claims")
    sides = claims["claimant_side"].where(claims["claimant_side"].notna(), UNKNOWN_SIDE)
    matrix = pd.crosstab(claims["outlet"], sides) if len(claims) else pd.DataFrame()
    columns = list(CLAIMANT_SIDES) + sorted(set(matrix.columns) - set(CLAIMANT_SIDES))
    matrix = matrix.reindex(columns=columns, fill_value=0).astype("int64")
    matrix.index.name, matrix.columns.name = "outlet", "claimant_side"
    return matrix


# ---------------------------------------------------------------- display ----


def vague_intervals() -> pd.DataFrame:
    """The interval each vague word stands for (``lexicons/claims.yaml``), for the report's explanation."""
    g = quantities.grammar()
    rows = [{"vague": k, "count_low": lo, "count_high": hi} for k, (lo, hi) in g.vague_intervals.items()]
    rows += [{"vague": k, "count_low": lo, "count_high": hi} for k, (lo, hi) in g.vague_phrase_intervals.items()]
    return pd.DataFrame(rows, columns=["vague", "count_low", "count_high"])


def count_text(value) -> str:
    """A number of people for display: ``12`` (not ``12.0``), ``∞`` for an open end, ``""`` when missing."""
    if is_missing(value):
        return ""
    value = float(value)
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


def counts_as_text(frame: pd.DataFrame, columns=("count_low", "count_high", "incident_low", "incident_high")) -> pd.DataFrame:
    """``frame`` with its count columns (those present of ``columns``) shown by :func:`count_text`."""
    present = [c for c in columns if c in frame.columns]
    return frame.assign(**{c: frame[c].map(count_text).astype(object) for c in present})


def symlog_ticks(low: float, high: float, linthresh: float = 10) -> list[float]:
    """Tick values for a symmetric-log axis (linear below ``linthresh``) from ``low`` to ``high`` (>= 0).

    Enough ticks to read every panel, not so many that they crowd: 0 and
    ``linthresh / 2`` in the linear part, then 1-2-5 steps per decade; only
    the decades when that gives more than eight ticks; every 1..9 multiple
    when it gives fewer than three.
    """
    if high < low:
        low, high = high, low
    top = max(high, 1.0)
    decades = [10.0 ** k for k in range(0, int(math.floor(math.log10(top))) + 1)]

    def pick(steps, linear):
        ticks = [t for t in linear if low <= t <= high]
        ticks += [m * d for d in decades for m in steps if m * d >= linthresh and low <= m * d <= high]
        return sorted(set(ticks))

    ticks = pick((1, 2, 5), (0.0, linthresh / 2))
    if len(ticks) > 8:
        ticks = pick((1,), (0.0,))
    if len(ticks) < 3:
        ticks = pick(tuple(range(1, 10)), [0.0] + [float(m) for m in range(1, int(linthresh))])
    return ticks


# --------------------------------------------------------------- findings ----


def findings(claims: pd.DataFrame, compared: pd.DataFrame, totals: pd.DataFrame,
             matrix: pd.DataFrame) -> list[tuple[str, str]]:
    """Report 02's opening sentences, computed from its tables: ``(sentence, anchor of the figure)`` pairs.

    The anchors are the section ids of the notebook (``ledger``,
    ``incident-figures``, ``running-totals``, ``attribution``).
    """
    if claims.empty:
        return [("The selection holds no casualty claim.", "ledger")]
    scopes = claims["scope"].value_counts()
    out = [(f"{len(claims):,} casualty figures from {claims['article_id'].nunique():,} articles "
            f"({overview.outlets_phrase(claims['outlet'], 'figures')}): {int(scopes.get('incident', 0)):,} about one incident, "
            f"{int(scopes.get('cumulative', 0)):,} running totals (never added to anything), "
            f"{int(scopes.get('increment', 0) + scopes.get('historical', 0)):,} increments or earlier wars.", "ledger")]
    widest = widest_comparisons(compared, 1)
    if widest:
        part = compared[compared["comparison"] == widest[0]]
        pairs = list(dict.fromkeys(zip(part["outlet"], part["figure"])))
        named_pairs = [f"{o}: {f}" for o, f in pairs if o != UNKNOWN_OUTLET][:4]
        unnamed = list(dict.fromkeys(f for o, f in pairs if o == UNKNOWN_OUTLET))
        if unnamed:  # articles naming no outlet are one entry, never shown as if each were an outlet
            more = f" and {len(unnamed) - 4} more" if len(unnamed) > 4 else ""
            named_pairs.append(f"articles naming no outlet: {', '.join(map(str, unnamed[:4]))}{more}")
        shown = "; ".join(named_pairs)
        out.append((f"The widest disagreement on one incident (same outcome, victim side and group): {widest[0]} — "
                    f"{shown}.", "incident-figures"))
    else:
        out.append(("No incident is given different figures, or reported by two outlets, for the same outcome, "
                    "victim side and group.", "incident-figures"))
    dated = totals[totals["published"].notna()] if len(totals) else totals
    if len(dated):
        top = chart_series(dated, 1)[0]
        last = dated[dated["series"] == top].iloc[-1]
        out.append((f"The running total relayed most often is {top}: its latest figure is {last['figure']} "
                    f"({last['outlet']}, {last['published']}).", "running-totals"))
    else:
        out.append(("No dated running total (scope cumulative) in the selection.", "running-totals"))
    if not matrix.empty:
        shares = matrix.sum() / matrix.to_numpy().sum()
        spoken = ", ".join(f"{side} {shares[side] * 100:.0f}%" for side in shares.sort_values(ascending=False).index
                           if shares[side] > 0)
        out.append((f"Whose figures the outlets relay, by the claimant's side: {spoken}.", "attribution"))
    return out
