"""Report tables from the lag tables (report 03): who reported first, matrices, relays.

Pure functions of the built ``reporting_lag`` and ``announcement_lag`` tables
(made by :mod:`analysis.link.lag`), plus ``articles`` and ``claims`` where
a table needs their dates or sentences:

- :func:`first_reports`: which outlet reported each incident first;
- :func:`lag_matrix` / :func:`inferred_matrix`: the incident x outlet heatmap;
- :func:`outlet_lags`, :func:`inferred_counts`, :func:`inferred_lags`: per
  outlet, and how much rests on publication dates inferred from the text;
- :func:`announcement_relays` / :func:`relay_evidence`: figures relayed by the
  selected articles, and the sentences behind them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare.overview import group_order, named, outlet_groups, percent
from analysis.core.dates import as_day
from analysis.core.figures import claimant_key, figure_text, qualifier_of, with_qualifier
from analysis.core.frames import require_frame
from analysis.core.values import UNKNOWN_OUTLET

LAG_INPUT = ("incident_id", "label", "incident_date", "outlet", "article_id", "published", "lag_days", "lag_hours",
             "inferred", "is_first")
"""Columns of the ``reporting_lag`` table (``link.lag.LAG_COLUMNS``) the functions here read."""
ANNOUNCEMENT_INPUT = ("claimant", "count", "qualifier", "outcome", "side", "first_article_id", "first_outlet",
                      "first_published", "outlet", "article_id", "published", "lag_days", "inferred", "is_first")
"""Columns of the ``announcement_lag`` table (``link.lag.ANNOUNCEMENT_COLUMNS``)."""

FIRST_COLUMNS = {
    "incident_id": "incident",
    "label": "incident label",
    "incident_date": "incident date",
    "first_outlets": "outlet(s) with the earliest report, joined by '; '",
    "first_published": "publication date of the earliest report",
    "first_lag_days": "lag of the earliest report in days",
    "n_outlets": "outlets that reported the incident",
    "inferred": "the earliest publication date was inferred from the text",
}


def first_reports(lags: pd.DataFrame) -> pd.DataFrame:
    """Per incident, the outlet(s) that reported it first (columns: :data:`FIRST_COLUMNS`)."""
    require_frame(lags, LAG_INPUT, "lags")
    rows = []
    for iid, group in lags.groupby("incident_id", sort=True):
        first = named_outlets(group[group["is_first"]])
        rows.append({
            "incident_id": iid, "label": group["label"].iloc[0], "incident_date": group["incident_date"].iloc[0],
            "first_outlets": "; ".join(sorted(first["outlet"])),
            "first_published": first["published"].iloc[0], "first_lag_days": int(first["lag_days"].iloc[0]),
            "n_outlets": group["outlet"].nunique(), "inferred": bool(first["inferred"].any()),
        })
    return pd.DataFrame(rows, columns=list(FIRST_COLUMNS))


OUTLET_LAG_COLUMNS = {
    "outlet": f"outlet ('{UNKNOWN_OUTLET}' when not known)",
    "incidents": "incidents the outlet reported in a dated article",
    "median_lag_days": "median lag in days",
    "min_lag_days": "shortest lag",
    "max_lag_days": "longest lag",
    "same_day": "incidents reported the day they happened (lag 0)",
    "negative": "incidents the report dates after its own publication (lag < 0)",
    "first": "incidents the outlet reported first (ties count for every tied outlet)",
    "first_alone": "incidents the outlet reported first and alone",
    "inferred": "lags resting on a publication date inferred from the text",
}
INFERRED_COLUMNS = {
    "measure": "what is counted",
    "count": "how many",
    "of": "out of how many",
}
INFERRED_LAG_COLUMNS = {
    "label": "incident label",
    "incident_date": "incident date",
    "outlet": "outlet of the report",
    "article_id": "the report",
    "published": "its publication date, inferred from the text",
    "published_min": "earliest publication date the text allows",
    "published_max": "latest publication date the text allows",
    "lag_days": "lag from the inferred publication date",
    "lag_min_days": "lag if the article appeared on published_min",
    "lag_max_days": "lag if the article appeared on published_max",
    "is_first": "the report is (one of) the earliest on the incident",
}


def named_outlets(lags: pd.DataFrame) -> pd.DataFrame:
    """``lags`` with a missing outlet shown as :data:`~analysis.core.values.UNKNOWN_OUTLET` (for grouping and plotting)."""
    return lags.assign(outlet=lags["outlet"].where(lags["outlet"].notna(), UNKNOWN_OUTLET))


def _pivot(lags: pd.DataFrame, column: str) -> pd.DataFrame:
    require_frame(lags, ("incident_id", "label", "incident_date", "outlet", column), "lags")
    frame = named_outlets(lags)
    order = (frame.drop_duplicates("incident_id").sort_values(["incident_date", "label"], kind="stable"))
    labels = dict(zip(order["incident_id"], order["label"]))
    wide = frame.pivot(index="incident_id", columns="outlet", values=column)
    wide = wide.reindex(index=list(labels), columns=sorted(wide.columns))
    wide.index = pd.Index([labels[i] for i in wide.index], name="incident")
    wide.columns = pd.Index(list(wide.columns), name="outlet")
    return wide


def grouped_lags(lags: pd.DataFrame, groups: dict) -> pd.DataFrame:
    """``lags`` with outlets renamed by ``groups`` (``overview.outlet_groups``), one row per incident and group.

    A group of several outlets ("others") keeps, per incident, its earliest
    report: the smallest lag, inferred if that report's date was inferred,
    first if any of its outlets was first.
    """
    require_frame(lags, LAG_INPUT, "lags")
    frame = named_outlets(lags)
    frame = frame.assign(outlet=frame["outlet"].map(lambda o: groups.get(o, o)))
    frame = frame.sort_values(["incident_id", "outlet", "lag_days", "inferred"], kind="stable")
    first = frame.groupby(["incident_id", "outlet"])["is_first"].transform("any")
    return frame.assign(is_first=first).drop_duplicates(["incident_id", "outlet"]).reset_index(drop=True)


def lag_groups(lags: pd.DataFrame, top: int) -> dict:
    """``overview.outlet_groups`` over the incidents each outlet reported: the ``top`` busiest named, the rest "others"."""
    frame = named_outlets(lags).drop_duplicates(["incident_id", "outlet"])
    return outlet_groups(frame["outlet"], top=top)


def busiest_incidents(lags: pd.DataFrame, n: int) -> pd.DataFrame:
    """Rows of ``lags`` on the ``n`` incidents most outlets reported (ties: earlier incident first)."""
    require_frame(lags, LAG_INPUT, "lags")
    spread = lags.groupby("incident_id").agg(outlets=("outlet", "nunique"), date=("incident_date", "first"))
    kept = spread.sort_values(["outlets", "date"], ascending=[False, True], kind="stable").head(n).index
    return lags[lags["incident_id"].isin(set(kept))]


def colour_limits(values, floor: float = 7.0, quantile: float = 0.9) -> tuple[float, float]:
    """``(vmin, vmax)`` of a lag colour scale that a few long (or negative) lags do not flatten.

    The scale runs from 0 to the ``quantile`` of the lags, at least ``floor``
    days, so 0 to 7 days stay distinguishable; longer lags take the top colour
    and negative ones the colour below the scale (the colour bar says so); every
    cell keeps its number.
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return 0.0, floor
    return 0.0, max(floor, float(np.quantile(values, quantile)))


LONG_LAG_DAYS = 30
"""A lag longer than this reads as an article recalling an old incident, not reporting it: listed apart."""


def long_lags(lags: pd.DataFrame, days: int = LONG_LAG_DAYS) -> pd.DataFrame:
    """The lags longer than ``days`` (or before ``-days``), longest first: the points clipped off the lag axes."""
    require_frame(lags, LAG_INPUT, "lags")
    frame = named_outlets(lags)
    frame = frame[frame["lag_days"].abs() > days]
    columns = ["label", "incident_date", "outlet", "article_id", "published", "lag_days", "inferred"]
    return frame.sort_values(["lag_days", "label"], ascending=[False, True], kind="stable")[columns].reset_index(drop=True)


def day_count(n: int) -> str:
    """``n`` days in words a reader expects: "0 days", "1 day", "-1 day", "5 days"."""
    return f"{n} day" if abs(n) == 1 else f"{n} days"


def lag_findings(lags: pd.DataFrame, per_outlet: pd.DataFrame, relayed: pd.DataFrame) -> list[tuple[str, str]]:
    """What report 03 finds, as ``(sentence, where it is shown)`` pairs computed from its tables."""
    if lags.empty:
        return [("No incident in the selection has a dated report, so no lag can be measured.", "Figure 1")]
    frame = named_outlets(lags)
    n_incidents = frame["incident_id"].nunique()
    known = frame[frame["outlet"] != UNKNOWN_OUTLET]  # articles with no outlet may be many outlets: never ranked
    reach = known.groupby("incident_id")["outlet"].nunique()
    shared = int((reach >= 2).sum())
    days = frame["lag_days"].astype("int64")
    findings = [(f"{n_incidents} incidents have a dated report; {shared} ({percent(shared, n_incidents)}%) were reported "
                 f"by two or more named outlets, the only ones where who was first means something.", "Figure 1"),
                (f"Half the {len(frame)} lags are at most {day_count(int(days.median()))}; "
                 f"{percent(int((days.between(0, 1)).sum()), len(frame))}% are 0 or 1 day"
                 + (f", and {int((days.abs() > LONG_LAG_DAYS).sum())} exceed {LONG_LAG_DAYS} days (listed apart)"
                    if (days.abs() > LONG_LAG_DAYS).any() else "") + ".", "Figure 2")]
    contested = known[known["incident_id"].map(reach) >= 2]
    if not contested.empty:
        earliest = contested.groupby("incident_id")["lag_days"].transform("min")
        alone = contested[contested["lag_days"] == earliest].groupby("incident_id").filter(lambda g: len(g) == 1)
        if not alone.empty:
            top = alone["outlet"].value_counts()
            leader = sorted(top[top == top.max()].index)
            findings.append((f"Of the incidents two or more named outlets reported, {', '.join(leader)} reported first and "
                             f"alone most often ({int(top.max())} of {shared}).", "Figure 3"))
    inferred = int(frame["inferred"].sum())
    if inferred:
        findings.append((f"{inferred} of {len(frame)} lags ({percent(inferred, len(frame))}%) rest on a publication "
                         "date inferred from the text (hatched, hollow).", "Table: numbers resting on an inferred date"))
    if relayed.empty:
        findings.append(("No casualty figure with a claimant is carried by two outlets or more, so no relay lag is "
                         "measured.", "Figure 5"))
    else:
        findings.append((f"{relayed['figure'].nunique()} casualty figures with a claimant are carried by two outlets "
                         f"or more; the median relay takes {day_count(int(relayed['lag_days'].median()))}.", "Figure 5"))
    return findings


def lag_matrix(lags: pd.DataFrame) -> pd.DataFrame:
    """Incident x outlet matrix of ``lag_days`` (NaN: the outlet did not report it in a dated article).

    Rows are incident labels ordered by incident date, columns outlets in
    alphabetical order: the heatmap of report 03.
    """
    return _pivot(lags, "lag_days").astype("float64")


def inferred_matrix(lags: pd.DataFrame) -> pd.DataFrame:
    """Same shape as :func:`lag_matrix`: True where the lag rests on an inferred publication date."""
    wide = _pivot(lags, "inferred")
    return wide.astype("boolean").fillna(False).astype(bool)


def outlet_lags(lags: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how many incidents, lag distribution, first reports, inferred dates.

    Columns: :data:`OUTLET_LAG_COLUMNS`; one row per outlet, alphabetical.
    """
    require_frame(lags, LAG_INPUT, "lags")
    frame = named_outlets(lags)
    if frame.empty:
        return pd.DataFrame(columns=list(OUTLET_LAG_COLUMNS))
    n_first = frame[frame["is_first"]].groupby("incident_id").size()
    frame = frame.assign(alone=frame["is_first"] & frame["incident_id"].map(n_first).eq(1),
                         days=frame["lag_days"].astype("int64"))
    grouped = frame.groupby("outlet", sort=True)
    table = pd.DataFrame({
        "incidents": grouped["incident_id"].nunique(),
        "median_lag_days": grouped["days"].median(),
        "min_lag_days": grouped["days"].min(),
        "max_lag_days": grouped["days"].max(),
        "same_day": grouped["days"].apply(lambda d: int((d == 0).sum())),
        "negative": grouped["days"].apply(lambda d: int((d < 0).sum())),
        "first": grouped["is_first"].sum().astype("int64"),
        "first_alone": grouped["alone"].sum().astype("int64"),
        "inferred": grouped["inferred"].sum().astype("int64"),
    }).reset_index()
    return table[list(OUTLET_LAG_COLUMNS)]


def inferred_counts(lags: pd.DataFrame) -> pd.DataFrame:
    """How many of the reported numbers rest on a publication date inferred from the text.

    Columns: :data:`INFERRED_COLUMNS`; rows: lag values, incidents whose
    first report is inferred, outlets concerned, and negative lags.
    """
    require_frame(lags, LAG_INPUT, "lags")
    frame = named_outlets(lags)
    inferred = frame[frame["inferred"]]
    first = frame[frame["is_first"]]
    rows = [
        ("lags (incident x outlet) resting on an inferred publication date", len(inferred), len(frame)),
        ("incidents whose first report rests on an inferred publication date",
         first.loc[first["inferred"], "incident_id"].nunique(), frame["incident_id"].nunique()),
        ("outlets with at least one inferred publication date", inferred["outlet"].nunique(), frame["outlet"].nunique()),
        ("negative lags (the report dates the incident after its own publication)",
         int((frame["lag_days"] < 0).sum()), len(frame)),
    ]
    return pd.DataFrame(rows, columns=list(INFERRED_COLUMNS))


def inferred_lags(lags: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The lags resting on an inferred publication date, with how far they could be off.

    ``published_min``/``published_max`` are the bounds the inference left on
    the report's publication date; ``lag_min_days``/``lag_max_days`` are the
    lags those bounds give (as long as the incident date itself holds).
    Columns: :data:`INFERRED_LAG_COLUMNS`.
    """
    require_frame(lags, LAG_INPUT, "lags")
    require_frame(articles, ("article_id", "published_min", "published_max"), "articles")
    bounds = {r["article_id"]: r for r in articles[["article_id", "published_min", "published_max"]].to_dict("records")}
    rows = []
    for r in named_outlets(lags[lags["inferred"].astype(bool)]).to_dict("records"):
        meta = bounds.get(r["article_id"], {})
        low, high = as_day(meta.get("published_min")) or r["published"], as_day(meta.get("published_max")) or r["published"]
        incident_date = as_day(r["incident_date"])
        rows.append({
            "label": r["label"], "incident_date": incident_date, "outlet": r["outlet"], "article_id": r["article_id"],
            "published": r["published"], "published_min": low, "published_max": high, "lag_days": r["lag_days"],
            "lag_min_days": (low - incident_date).days, "lag_max_days": (high - incident_date).days,
            "is_first": bool(r["is_first"]),
        })
    rows.sort(key=lambda r: (r["incident_date"], r["label"], r["outlet"]))
    return pd.DataFrame(rows, columns=list(INFERRED_LAG_COLUMNS))


RELAY_COLUMNS = {
    "figure": "the figure: claimant, count with qualifier, outcome, side (e.g. 'Ilham Aliyev: more than 60 wounded (azerbaijani)')",
    "row": "position of the figure in a plot (0 = earliest first announcement)",
    "n_outlets": "outlets in the whole corpus carrying the figure from this claimant",
    **{column: "as in the announcement_lag table" for column in ANNOUNCEMENT_INPUT},
}
RELAY_EVIDENCE_COLUMNS = {
    "figure": "the figure (as in RELAY_COLUMNS)",
    "outlet": "outlet relaying it",
    "article_id": "the article",
    "published": "its publication date",
    "lag_days": "days from the first announcement",
    "inferred": "a publication date involved was inferred from the text",
    "evidence": "the words stating the figure",
    "sentence": "the sentence",
    "start": "character offset of the claim in the article's normalized text",
    "end": "offset just past it",
}


def announcement_relays(announcements: pd.DataFrame, articles: pd.DataFrame, min_outlets: int = 1) -> pd.DataFrame:
    """Rows of the announcement-lag table relayed by the selected ``articles``, labelled for plotting.

    The first announcement stays the earliest in the whole corpus (the
    claimant spoke whether or not its first relay is selected); ``n_outlets``
    counts every outlet carrying the figure, and figures carried by fewer
    than ``min_outlets`` are left out. Columns: :data:`RELAY_COLUMNS`.
    """
    require_frame(announcements, ANNOUNCEMENT_INPUT, "announcements")
    require_frame(articles, ("article_id",), "articles")
    frame = announcements.copy()
    keys = ["claimant", "count", "qualifier", "outcome", "side"]
    frame["figure"] = [f"{c}: {figure_text(n, q, None)} {o} ({s})" for c, n, q, o, s in zip(*(frame[k] for k in keys))]
    frame["n_outlets"] = frame.groupby("figure")["outlet"].transform("nunique") if len(frame) else pd.Series(dtype="int64")
    frame = frame[frame["article_id"].isin(set(articles["article_id"])) & (frame["n_outlets"] >= min_outlets)]
    order = frame.drop_duplicates("figure").sort_values(["first_published", "figure"], kind="stable")["figure"].tolist()
    frame["row"] = frame["figure"].map({f: i for i, f in enumerate(order)})
    frame = frame.sort_values(["row", "published", "outlet"], kind="stable", ignore_index=True)
    return frame[list(RELAY_COLUMNS)].astype({"row": "int64", "n_outlets": "int64"})


def relay_evidence(relays: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The claim sentences behind each relay: the claims of that article with the same figure (claimant, count, qualifier, outcome, side).

    Columns: :data:`RELAY_EVIDENCE_COLUMNS`.
    """
    require_frame(relays, tuple(RELAY_COLUMNS), "relays")
    require_frame(claims, ("article_id", "claimant", "count", "outcome", "side", "evidence", "sentence", "start", "end"), "claims")
    claims = with_qualifier(claims)
    wanted = {(r["article_id"], claimant_key(r["claimant"]), int(r["count"]), qualifier_of(r["qualifier"]), r["outcome"], r["side"]): r
              for r in relays.to_dict("records")}
    rows = []
    for c in claims.to_dict("records"):
        if c["count"] is None or pd.isna(c["count"]):
            continue
        relay = wanted.get((c["article_id"], claimant_key(c["claimant"]), int(c["count"]), qualifier_of(c["qualifier"]), c["outcome"], c["side"]))
        if relay is None:
            continue
        rows.append({"figure": relay["figure"], "outlet": relay["outlet"], "article_id": c["article_id"],
                     "published": relay["published"], "lag_days": relay["lag_days"], "inferred": relay["inferred"],
                     "evidence": c["evidence"], "sentence": c["sentence"], "start": c["start"], "end": c["end"],
                     "_row": relay["row"]})
    rows.sort(key=lambda r: (r["_row"], r["published"], str(r["outlet"]), r["start"]))
    return pd.DataFrame(rows, columns=list(RELAY_EVIDENCE_COLUMNS))
