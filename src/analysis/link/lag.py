"""Reporting lag: how long after an event, or an announced figure, outlets report it.

- :func:`reporting_lag`: per incident and reporting article, days from the
  incident date to the article's publication date. ``lag_hours`` needs clock
  times for both the event and the publication, which are not extracted yet,
  so it is null for now. A lag resting on a publication date inferred from
  the text (``published_basis == "text"``) is marked ``inferred``.
- :func:`first_reports`: which outlet reported each incident first.
- :func:`announcement_lag`: from a claimant's first announcement of a figure
  (the earliest article carrying that claimant + count + outcome + side) to
  each outlet relaying it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.core import schema
from analysis.link import incidents
from analysis.link.incidents import is_flagged

LAG_COLUMNS = schema.descriptions("reporting_lag")
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
ANNOUNCEMENT_COLUMNS = schema.descriptions("announcement_lag")


def _day(value) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    return date.fromisoformat(str(value))


def _require(frame: pd.DataFrame, name: str, columns) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")


def reporting_lag(incidents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per incident and outlet that reported it (columns: :data:`LAG_COLUMNS`).

    A mention that dates the incident only as background ("since September
    27", "the fighting, which started on September 27": column ``background``
    of the mentions, when present) is not a report of it: an article weeks
    later that recalls the start of the war has no reporting lag.
    """
    _require(incidents, "incidents", ("incident_id", "label", "date"))
    _require(mentions, "mentions", ("incident_id", "article_id", "outlet", "published", "published_basis"))
    info = {r["incident_id"]: r for r in incidents[["incident_id", "label", "date"]].to_dict("records")}
    earliest: dict[tuple, dict] = {}
    for r in mentions.to_dict("records"):
        published = _day(r["published"])
        if published is None or r["incident_id"] not in info or is_flagged(r.get("background")):
            continue
        key = (r["incident_id"], r["outlet"])
        candidate = (published, r["article_id"])
        if key not in earliest or candidate < (earliest[key]["published"], earliest[key]["article_id"]):
            earliest[key] = {"published": published, "article_id": r["article_id"], "basis": r["published_basis"]}
    rows = []
    for (iid, outlet), r in earliest.items():
        incident_date = _day(info[iid]["date"])
        rows.append({
            "incident_id": iid, "label": info[iid]["label"], "incident_date": incident_date,
            "outlet": outlet, "article_id": r["article_id"], "published": r["published"],
            "lag_days": (r["published"] - incident_date).days, "lag_hours": None,
            "inferred": r["basis"] == "text", "is_first": False,
        })
    frame = pd.DataFrame(rows, columns=list(LAG_COLUMNS)).astype({"lag_days": "int64", "inferred": bool, "is_first": bool})
    if len(frame):
        first = frame.groupby("incident_id")["published"].transform("min")
        frame["is_first"] = frame["published"] == first
        frame = frame.sort_values(["incident_id", "published", "outlet"], ignore_index=True)
    return frame


def first_reports(lags: pd.DataFrame) -> pd.DataFrame:
    """Per incident, the outlet(s) that reported it first (columns: :data:`FIRST_COLUMNS`)."""
    _require(lags, "lags", tuple(LAG_COLUMNS))
    rows = []
    for iid, group in lags.groupby("incident_id", sort=True):
        first = group[group["is_first"]]
        rows.append({
            "incident_id": iid, "label": group["label"].iloc[0], "incident_date": group["incident_date"].iloc[0],
            "first_outlets": "; ".join(sorted(first["outlet"].astype(str))),
            "first_published": first["published"].iloc[0], "first_lag_days": int(first["lag_days"].iloc[0]),
            "n_outlets": group["outlet"].nunique(), "inferred": bool(first["inferred"].any()),
        })
    return pd.DataFrame(rows, columns=list(FIRST_COLUMNS))


def _claimant_key(name) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    return " ".join(name.lower().split())


def _qualifier(value) -> str:
    """A claim's qualifier, exact when not given (a number written bare is exact)."""
    return value if isinstance(value, str) and value else "exact"


def _with_qualifier(claims: pd.DataFrame) -> pd.DataFrame:
    return claims if "qualifier" in claims.columns else claims.assign(qualifier="exact")


def announcement_lag(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Lag from a claimant's first announcement of a figure to each outlet relaying it.

    A figure is the claimant (case aside), count, qualifier, outcome and side:
    "more than 60 wounded" and "60 wounded" are different figures.
    ``claims`` needs ``article_id, claimant, count, outcome, side`` (``qualifier``
    is read when present, else every count is exact); ``articles``
    gives ``article_id, outlet, published, published_basis``. Claims in the
    outlet's own voice (no claimant), without a number, or in articles with
    no publication date are left out. Columns: :data:`ANNOUNCEMENT_COLUMNS`.
    """
    _require(claims, "claims", ("article_id", "claimant", "count", "outcome", "side"))
    _require(articles, "articles", ("article_id", "outlet", "published", "published_basis"))
    claims = _with_qualifier(claims)
    meta = {r["article_id"]: r for r in articles[["article_id", "outlet", "published", "published_basis"]].to_dict("records")}
    groups: dict[tuple, dict] = {}
    for r in claims[["article_id", "claimant", "count", "qualifier", "outcome", "side"]].to_dict("records"):
        claimant = _claimant_key(r["claimant"])
        article = meta.get(r["article_id"])
        if claimant is None or r["count"] is None or pd.isna(r["count"]) or article is None:
            continue
        published = _day(article["published"])
        if published is None:
            continue
        key = (claimant, int(r["count"]), _qualifier(r["qualifier"]), r["outcome"], r["side"])
        entry = groups.setdefault(key, {"name": r["claimant"], "by_outlet": {}})
        current = entry["by_outlet"].get(article["outlet"])
        candidate = (published, r["article_id"], article["published_basis"] == "text")
        if current is None or candidate[:2] < current[:2]:
            entry["by_outlet"][article["outlet"]] = candidate
    rows = []
    for (claimant, count, qualifier, outcome, side), entry in groups.items():
        by_outlet = entry["by_outlet"]
        first_outlet, (first_published, first_article, first_inferred) = min(
            by_outlet.items(), key=lambda item: (item[1][0], item[1][1])
        )
        for outlet, (published, article_id, inferred) in sorted(by_outlet.items(), key=lambda item: (item[1][0], str(item[0]))):
            rows.append({
                "claimant": entry["name"], "count": count, "qualifier": qualifier, "outcome": outcome, "side": side,
                "first_article_id": first_article, "first_outlet": first_outlet, "first_published": first_published,
                "outlet": outlet, "article_id": article_id, "published": published,
                "lag_days": (published - first_published).days,
                "inferred": bool(inferred or first_inferred), "is_first": published == first_published,
            })
    return pd.DataFrame(rows, columns=list(ANNOUNCEMENT_COLUMNS))


OUTLET_LAG_COLUMNS = {
    "outlet": "outlet ('(unknown)' when not known)",
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
UNKNOWN_OUTLET = incidents.UNKNOWN_OUTLET


def named_outlets(lags: pd.DataFrame) -> pd.DataFrame:
    """``lags`` with a missing outlet shown as ``'(unknown)'`` (for grouping and plotting)."""
    return lags.assign(outlet=lags["outlet"].where(lags["outlet"].notna(), UNKNOWN_OUTLET))


def _pivot(lags: pd.DataFrame, column: str) -> pd.DataFrame:
    _require(lags, "lags", ("incident_id", "label", "incident_date", "outlet", column))
    frame = named_outlets(lags)
    order = (frame.drop_duplicates("incident_id").sort_values(["incident_date", "label"], kind="stable"))
    labels = dict(zip(order["incident_id"], order["label"]))
    wide = frame.pivot(index="incident_id", columns="outlet", values=column)
    wide = wide.reindex(index=list(labels), columns=sorted(wide.columns))
    wide.index = pd.Index([labels[i] for i in wide.index], name="incident")
    wide.columns = pd.Index(list(wide.columns), name="outlet")
    return wide


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
    _require(lags, "lags", tuple(LAG_COLUMNS))
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
    _require(lags, "lags", tuple(LAG_COLUMNS))
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
    _require(lags, "lags", tuple(LAG_COLUMNS))
    _require(articles, "articles", ("article_id", "published_min", "published_max"))
    bounds = {r["article_id"]: r for r in articles[["article_id", "published_min", "published_max"]].to_dict("records")}
    rows = []
    for r in named_outlets(lags[lags["inferred"].astype(bool)]).to_dict("records"):
        meta = bounds.get(r["article_id"], {})
        low, high = _day(meta.get("published_min")) or r["published"], _day(meta.get("published_max")) or r["published"]
        incident_date = _day(r["incident_date"])
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
    **ANNOUNCEMENT_COLUMNS,
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
    _require(announcements, "announcements", tuple(ANNOUNCEMENT_COLUMNS))
    _require(articles, "articles", ("article_id",))
    from analysis.compare.tolls import figure_text  # here: tolls depends on the build, which depends on this module

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
    _require(relays, "relays", tuple(RELAY_COLUMNS))
    _require(claims, "claims", ("article_id", "claimant", "count", "outcome", "side", "evidence", "sentence", "start", "end"))
    claims = _with_qualifier(claims)
    wanted = {(r["article_id"], _claimant_key(r["claimant"]), int(r["count"]), _qualifier(r["qualifier"]), r["outcome"], r["side"]): r
              for r in relays.to_dict("records")}
    rows = []
    for c in claims.to_dict("records"):
        if c["count"] is None or pd.isna(c["count"]):
            continue
        relay = wanted.get((c["article_id"], _claimant_key(c["claimant"]), int(c["count"]), _qualifier(c["qualifier"]), c["outcome"], c["side"]))
        if relay is None:
            continue
        rows.append({"figure": relay["figure"], "outlet": relay["outlet"], "article_id": c["article_id"],
                     "published": relay["published"], "lag_days": relay["lag_days"], "inferred": relay["inferred"],
                     "evidence": c["evidence"], "sentence": c["sentence"], "start": c["start"], "end": c["end"],
                     "_row": relay["row"]})
    rows.sort(key=lambda r: (r["_row"], r["published"], str(r["outlet"]), r["start"]))
    return pd.DataFrame(rows, columns=list(RELAY_EVIDENCE_COLUMNS))
