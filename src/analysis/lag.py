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

LAG_COLUMNS = {
    "incident_id": "incident reported",
    "label": "incident label (place, event type, date)",
    "incident_date": "incident date",
    "outlet": "outlet of the report",
    "article_id": "the report (the outlet's earliest article on the incident)",
    "published": "publication date of the report",
    "lag_days": "days from incident date to publication (negative: report dates the incident after publishing)",
    "lag_hours": "hours from event to publication when both clock times are known (null for now)",
    "inferred": "the publication date was inferred from the text",
    "is_first": "the report is (one of) the earliest on the incident",
}
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
ANNOUNCEMENT_COLUMNS = {
    "claimant": "who gave the figure (as first written)",
    "count": "the figure",
    "outcome": "killed, wounded, ...",
    "side": "whose people",
    "first_article_id": "earliest article carrying the figure from this claimant",
    "first_outlet": "its outlet",
    "first_published": "its publication date",
    "outlet": "outlet relaying the figure",
    "article_id": "the outlet's earliest article carrying it",
    "published": "its publication date",
    "lag_days": "days from the first announcement to this outlet's report",
    "inferred": "either publication date was inferred from the text",
    "is_first": "this outlet carried the first announcement",
}


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
    """One row per incident and outlet (columns: :data:`LAG_COLUMNS`)."""
    _require(incidents, "incidents", ("incident_id", "label", "date"))
    _require(mentions, "mentions", ("incident_id", "article_id", "outlet", "published", "published_basis"))
    info = {r["incident_id"]: r for r in incidents[["incident_id", "label", "date"]].to_dict("records")}
    earliest: dict[tuple, dict] = {}
    for r in mentions.to_dict("records"):
        published = _day(r["published"])
        if published is None or r["incident_id"] not in info:
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
    frame = pd.DataFrame(rows, columns=list(LAG_COLUMNS))
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


def announcement_lag(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Lag from a claimant's first announcement of a figure to each outlet relaying it.

    ``claims`` needs ``article_id, claimant, count, outcome, side``; ``articles``
    gives ``article_id, outlet, published, published_basis``. Claims in the
    outlet's own voice (no claimant), without a number, or in articles with
    no publication date are left out. Columns: :data:`ANNOUNCEMENT_COLUMNS`.
    """
    _require(claims, "claims", ("article_id", "claimant", "count", "outcome", "side"))
    _require(articles, "articles", ("article_id", "outlet", "published", "published_basis"))
    meta = {r["article_id"]: r for r in articles[["article_id", "outlet", "published", "published_basis"]].to_dict("records")}
    groups: dict[tuple, dict] = {}
    for r in claims[["article_id", "claimant", "count", "outcome", "side"]].to_dict("records"):
        claimant = _claimant_key(r["claimant"])
        article = meta.get(r["article_id"])
        if claimant is None or r["count"] is None or pd.isna(r["count"]) or article is None:
            continue
        published = _day(article["published"])
        if published is None:
            continue
        key = (claimant, int(r["count"]), r["outcome"], r["side"])
        entry = groups.setdefault(key, {"name": r["claimant"], "by_outlet": {}})
        current = entry["by_outlet"].get(article["outlet"])
        candidate = (published, r["article_id"], article["published_basis"] == "text")
        if current is None or candidate[:2] < current[:2]:
            entry["by_outlet"][article["outlet"]] = candidate
    rows = []
    for (claimant, count, outcome, side), entry in groups.items():
        by_outlet = entry["by_outlet"]
        first_outlet, (first_published, first_article, first_inferred) = min(
            by_outlet.items(), key=lambda item: (item[1][0], item[1][1])
        )
        for outlet, (published, article_id, inferred) in sorted(by_outlet.items(), key=lambda item: (item[1][0], str(item[0]))):
            rows.append({
                "claimant": entry["name"], "count": count, "outcome": outcome, "side": side,
                "first_article_id": first_article, "first_outlet": first_outlet, "first_published": first_published,
                "outlet": outlet, "article_id": article_id, "published": published,
                "lag_days": (published - first_published).days,
                "inferred": bool(inferred or first_inferred), "is_first": published == first_published,
            })
    return pd.DataFrame(rows, columns=list(ANNOUNCEMENT_COLUMNS))
