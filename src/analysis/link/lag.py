"""Reporting lag: how long after an event, or an announced figure, outlets report it.

- :func:`reporting_lag`: per incident and reporting article, days from the
  incident date to the article's publication date. ``lag_hours`` needs clock
  times for both the event and the publication, which are not extracted yet,
  so it is null for now. A lag resting on a publication date inferred from
  the text (``published_basis == "text"``) is marked ``inferred``.
- :func:`announcement_lag`: from a claimant's first announcement of a figure
  (the earliest article carrying that claimant + count + outcome + side) to
  each outlet relaying it.

Both are tables of the build; the report tables made from them (who
reported first, the incident x outlet matrices, relays) are in
:mod:`analysis.compare.lag`.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.dates import as_day
from analysis.core.figures import claimant_key, qualifier_of, with_qualifier
from analysis.core.frames import require_frame
from analysis.link.incidents import is_flagged

from analysis.core import schema

LAG_COLUMNS = schema.descriptions("reporting_lag")
ANNOUNCEMENT_COLUMNS = schema.descriptions("announcement_lag")


def reporting_lag(incidents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per incident and outlet that reported it (columns: :data:`LAG_COLUMNS`).

    A mention that dates the incident only as background ("since September
    27", "the fighting, which started on September 27": column ``background``
    of the mentions, when present) is not a report of it: an article weeks
    later that recalls the start of the war has no reporting lag.
    """
    require_frame(incidents, ("incident_id", "label", "date"), "incidents")
    require_frame(mentions, ("incident_id", "article_id", "outlet", "published", "published_basis"), "mentions")
    info = {r["incident_id"]: r for r in incidents[["incident_id", "label", "date"]].to_dict("records")}
    earliest: dict[tuple, dict] = {}
    for r in mentions.to_dict("records"):
        published = as_day(r["published"])
        if published is None or r["incident_id"] not in info or is_flagged(r.get("background")):
            continue
        key = (r["incident_id"], r["outlet"])
        candidate = (published, r["article_id"])
        if key not in earliest or candidate < (earliest[key]["published"], earliest[key]["article_id"]):
            earliest[key] = {"published": published, "article_id": r["article_id"], "basis": r["published_basis"]}
    rows = []
    for (iid, outlet), r in earliest.items():
        incident_date = as_day(info[iid]["date"])
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


ANNOUNCEMENT_CLAIM_COLUMNS = ("article_id", "claimant", "count", "qualifier", "outcome", "side")
"""The columns of ``claims`` that :func:`announcement_lag` reads."""


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
    require_frame(claims, ("article_id", "claimant", "count", "outcome", "side"), "claims")
    require_frame(articles, ("article_id", "outlet", "published", "published_basis"), "articles")
    claims = with_qualifier(claims)
    articles = articles[articles["article_id"].isin(claims["article_id"])]  # a record per article that claims
    meta = {r["article_id"]: r for r in articles[["article_id", "outlet", "published", "published_basis"]].to_dict("records")}
    groups: dict[tuple, dict] = {}
    for r in claims[list(ANNOUNCEMENT_CLAIM_COLUMNS)].to_dict("records"):
        claimant = claimant_key(r["claimant"])
        article = meta.get(r["article_id"])
        if claimant is None or r["count"] is None or pd.isna(r["count"]) or article is None:
            continue
        published = as_day(article["published"])
        if published is None:
            continue
        key = (claimant, int(r["count"]), qualifier_of(r["qualifier"]), r["outcome"], r["side"])
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
