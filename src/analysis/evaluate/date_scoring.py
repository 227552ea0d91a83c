"""Score dated events and publication dates against the gold annotations.

Matching rule for a gold ``dated_events`` item (expression, date): the gold
expression is located in the article text (case-insensitive, curly and
straight quotes alike; every occurrence is a candidate). A predicted row
*finds* it when its span overlaps an occurrence, and *resolves* it when it
also has the same ``date``; a gold date of null is resolved by a row with a
null date (vague or unresolved). Each predicted row matches at most one gold
item, gold items are taken in order and prefer a correctly dated row. The
gold lists only event dates, so extra predictions are not penalised here.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.core.dates import as_date

SCORE_COLUMNS = {
    "article_id": "article scored",
    "expression": "gold expression",
    "gold_date": "gold date (null: vague or unresolved is right)",
    "found": "a predicted expression overlaps the gold expression",
    "predicted": "the matched predicted expression",
    "predicted_date": "its resolved date",
    "correct": "found and resolved to the gold date",
}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _occurrences(text: str, expression: str) -> list[tuple[int, int]]:
    folded, needle = text.translate(_QUOTES).lower(), expression.translate(_QUOTES).lower()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def score_dates(gold: list[dict], events: pd.DataFrame, texts: dict[str, str] | pd.DataFrame) -> pd.DataFrame:
    """One row per gold dated event (columns: :data:`SCORE_COLUMNS`).

    ``texts``: the texts the ``events`` offsets refer to, as a dict
    article_id -> text or the articles table (``article_id``, ``text``).
    """
    if isinstance(texts, pd.DataFrame):
        if "article_id" not in texts.columns or "text" not in texts.columns:
            raise ValueError("texts: the articles table needs columns article_id and text")
        texts = dict(zip(texts["article_id"], texts["text"]))
    missing = [c for c in ("article_id", "start", "end", "date", "expression") if c not in events.columns]
    if missing:
        raise ValueError(f"events: missing column(s) {', '.join(missing)}")
    by_article: dict[str, list[dict]] = {}
    for row in events[["article_id", "start", "end", "date", "expression"]].to_dict("records"):
        by_article.setdefault(row["article_id"], []).append(row)
    rows = []
    for record in gold:
        article_id = record.get("article_id")
        if article_id not in texts:
            raise ValueError(f"texts: no text for gold article {article_id!r}")
        predicted = by_article.get(article_id, [])
        used: set[int] = set()
        for item in record.get("dated_events") or []:
            spans = _occurrences(texts[article_id], item["expression"])
            gold_date = as_date(item.get("date"))
            candidates = [
                i for i, p in enumerate(predicted)
                if i not in used and any(p["start"] < e and s < p["end"] for s, e in spans)
            ]
            right = [i for i in candidates if as_date(predicted[i]["date"]) == gold_date]
            pick = (right or candidates or [None])[0]
            if pick is not None:
                used.add(pick)
            chosen = predicted[pick] if pick is not None else None
            rows.append({
                "article_id": article_id, "expression": item["expression"], "gold_date": gold_date,
                "found": chosen is not None,
                "predicted": chosen["expression"] if chosen else None,
                "predicted_date": as_date(chosen["date"]) if chosen else None,
                "correct": bool(right),
            })
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def date_accuracy(scores: pd.DataFrame) -> dict[str, float]:
    """``found`` and ``accuracy`` (found and right date) as shares of gold events."""
    n = len(scores)
    return {
        "n": n,
        "found": float(scores["found"].mean()) if n else 0.0,
        "accuracy": float(scores["correct"].mean()) if n else 0.0,
    }


def format_date_scores(scores: pd.DataFrame) -> str:
    """Text summary for the CLI: totals and each miss."""
    totals = date_accuracy(scores)
    lines = [f"dated events: {totals['n']} gold, found {totals['found']:.2f}, right date {totals['accuracy']:.2f}"]
    for row in scores[~scores["correct"]].itertuples():
        got = f"{row.predicted!r} -> {row.predicted_date}" if row.found else "not found"
        lines.append(f"  {row.article_id}: {row.expression!r} ({row.gold_date}): {got}")
    return "\n".join(lines)
