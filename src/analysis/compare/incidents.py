"""Report tables from the incidents tables (report 03): the selection, a coverage timeline, evidence.

Pure functions of the built ``events``, ``incidents``, ``incident_mentions``
(and ``reporting_lag``) tables; the linking itself is :mod:`analysis.link.incidents`.
"""

from __future__ import annotations

import pandas as pd

from analysis.core.values import UNKNOWN_OUTLET

TIMELINE_COLUMNS = {
    "incident_id": "incident",
    "label": "incident label",
    "incident_date": "incident date",
    "row": "position of the incident on the timeline (0 = earliest; ties by label)",
    "outlet": f"outlet that mentioned the incident ('{UNKNOWN_OUTLET}' when the outlet is not known)",
    "n_mentions": "the outlet's mentions of the incident",
    "n_articles": "the outlet's articles mentioning it",
    "inferred": "one of those articles has a publication date inferred from the text",
}
EVIDENCE_COLUMNS = {
    "incident": "incident label",
    "incident_date": "incident date",
    "outlet": "outlet of the article",
    "article_id": "article of the mention",
    "published": "publication date of the article",
    "inferred": "that publication date was inferred from the text",
    "expression": "temporal expression as written",
    "date": "date the expression gives",
    "sentence": "sentence of the mention",
    "start": "character offset of the expression in the article text",
    "end": "offset just past the expression",
    "event_row": "index of the row in the dated-events table",
}


def select_events(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``events`` from the articles in ``articles`` (e.g. a report's selection).

    The index is kept, so ``event_row`` of incidents linked from the result
    still points into the full events table.
    """
    for frame, name in ((events, "events"), (articles, "articles")):
        if "article_id" not in frame.columns:
            raise ValueError(f"{name}: missing column article_id")
    return events[events["article_id"].isin(set(articles["article_id"]))]


def _ordered_incidents(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incidents sorted by date then label, with their timeline ``row``."""
    ordered = incidents.sort_values(["date", "label"], kind="stable", ignore_index=True)
    return ordered.assign(row=range(len(ordered)))


def incident_timeline(incidents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per incident and outlet that mentioned it, incidents numbered by date.

    What a coverage timeline plots (x = incident date, y = ``row``, one marker
    per outlet); coverage counts every mention, dated article or not.
    Columns: :data:`TIMELINE_COLUMNS`.
    """
    missing = [c for c in ("incident_id", "label", "date") if c not in incidents.columns]
    missing += [f"mentions.{c}" for c in ("incident_id", "article_id", "outlet", "published_basis") if c not in mentions.columns]
    if missing:
        raise ValueError(f"incidents/mentions: missing column(s) {', '.join(missing)}")
    ordered = {r["incident_id"]: r for r in _ordered_incidents(incidents).to_dict("records")}
    coverage: dict[tuple, dict] = {}
    for r in mentions[["incident_id", "article_id", "outlet", "published_basis"]].to_dict("records"):
        info = ordered.get(r["incident_id"])
        if info is None:
            continue
        outlet = r["outlet"] if isinstance(r["outlet"], str) else UNKNOWN_OUTLET
        entry = coverage.setdefault((info["row"], outlet), {
            "incident_id": info["incident_id"], "label": info["label"], "incident_date": info["date"],
            "row": info["row"], "outlet": outlet, "n_mentions": 0, "articles": set(), "inferred": False})
        entry["n_mentions"] += 1
        entry["articles"].add(r["article_id"])
        entry["inferred"] = entry["inferred"] or r["published_basis"] == "text"
    rows = [dict(e, n_articles=len(e.pop("articles"))) for _, e in sorted(coverage.items())]
    return pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))


def mention_evidence(incidents: pd.DataFrame, mentions: pd.DataFrame, lags: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sentences behind incident figures: one row per mention, labelled.

    With ``lags`` (rows of the reporting-lag table), only the mentions in the
    article each lag was measured on (the outlet's earliest report) are kept,
    with that ``lag_days``. Columns: :data:`EVIDENCE_COLUMNS` (+ ``lag_days``).
    """
    missing = [c for c in ("incident_id", "label", "date") if c not in incidents.columns]
    missing += [f"mentions.{c}" for c in EVIDENCE_COLUMNS if c not in ("incident", "incident_date", "inferred") and c not in mentions.columns]
    if missing:
        raise ValueError(f"incidents/mentions: missing column(s) {', '.join(missing)}")
    ordered = _ordered_incidents(incidents)[["incident_id", "label", "date", "row"]].rename(
        columns={"label": "incident", "date": "incident_date"})
    frame = mentions.drop(columns=[c for c in ("incident", "incident_date", "row") if c in mentions.columns])
    frame = frame.merge(ordered, on="incident_id", how="inner")
    frame["outlet"] = frame["outlet"].where(frame["outlet"].notna(), UNKNOWN_OUTLET)
    frame["inferred"] = frame["published_basis"].eq("text")
    columns = list(EVIDENCE_COLUMNS)
    if lags is not None:
        if not {"incident_id", "article_id", "lag_days"} <= set(lags.columns):
            raise ValueError("lags: expected the reporting-lag table (incident_id, article_id, lag_days)")
        frame = frame.merge(lags[["incident_id", "article_id", "lag_days"]].drop_duplicates(["incident_id", "article_id"]),
                            on=["incident_id", "article_id"], how="inner")
        columns.append("lag_days")
    frame = frame.sort_values(["row", "published", "outlet", "article_id", "start"], kind="stable", na_position="last")
    return frame[columns].reset_index(drop=True)
