"""Caveats every report computes from its own corpus, and the extraction's measured accuracy.

One function for the four reports, so that the same corpus gets the same
warnings whichever report a reader opens: its size, how many outlets it has
and how thinly they are spread, articles without an outlet or a date, dates
inferred from the text, other languages, and the accuracy measured on real
held-out articles (``src/analysis/accuracy.json``) for what the report
shows. Nothing here is written for one corpus.
"""

from __future__ import annotations

import pandas as pd

from analysis.compare import accuracy as measured_accuracy
from analysis.core.values import UNKNOWN_OUTLET

SMALL_CORPUS = 30  # below this many articles, a caveat says the figures describe these articles only
FEW_OUTLETS = 5  # fewer named outlets than this: comparisons between outlets rest on very few of them
DOMINANT_SHARE = 0.5  # one outlet above this share of the articles gets a caveat
INFERRED_BASIS = "text"  # published_basis of a date inferred from the text
MEASURES = ("metadata", "claims", "dated_events", "framing")
"""What a report shows, for the accuracy it quotes: 01 metadata, 02 claims, 03 dated events, 04 framing."""


def percent(part: float, whole: float) -> str:
    """``part`` of ``whole`` as a rounded percentage (``"37%"``; ``"<1%"`` for a small non-zero share)."""
    if not whole:
        return "0%"
    share = 100 * part / whole
    return "<1%" if 0 < share < 1 else f"{share:.0f}%"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _outlets(articles: pd.DataFrame) -> pd.Series:
    return articles["outlet"].where(articles["outlet"].notna(), UNKNOWN_OUTLET)


def _figure(summary: dict | None, label: str, split: str = "test"):
    """One figure of the accuracy summary by its row label (``compare.accuracy.FIGURES``), or None."""
    table = measured_accuracy.accuracy_table(summary)
    column = f"{split} split"
    if column not in table.columns:
        return None
    row = table[table["figure"] == label]
    return None if row.empty or pd.isna(row[column].iloc[0]) else float(row[column].iloc[0])


def corpus_caveats(articles: pd.DataFrame, selected: pd.DataFrame | None = None, accuracy: dict | None = None,
                   measure: str = "claims") -> list[str]:
    """Caveats computed from the corpus (``articles``) and the report's selection of it (``selected``).

    ``accuracy``: ``catalog.accuracy_summary()`` (None says it was never
    measured); ``measure``: which of its figures the report rests on
    (:data:`MEASURES`).
    """
    if measure not in MEASURES:
        raise ValueError(f"measure: expected one of {', '.join(MEASURES)}, got {measure!r}")
    n = len(articles)
    shown = articles if selected is None else selected
    if len(shown) == 0:
        return [f"The selection holds no article (of {n:,} in the corpus): there is nothing to report."]
    outlets = _outlets(shown)
    named = outlets[outlets != UNKNOWN_OUTLET]
    size = (f"The corpus holds {_plural(n, 'article')}" if selected is None or len(selected) == n else
            f"This report's selection holds {_plural(len(shown), 'article')} of the {n:,} in the corpus")
    size += f" from {_plural(named.nunique(), 'named outlet')}"
    if len(shown) < SMALL_CORPUS:
        size += (f". With fewer than {SMALL_CORPUS} articles every figure describes these articles only, "
                 "not the outlets' coverage in general.")
    elif named.nunique() < FEW_OUTLETS:
        size += ". Comparisons between outlets rest on very few of them."
    else:
        size += "; it is what was collected, not everything the outlets published."
    caveats = [size]
    per_outlet = named.value_counts()
    singles = int((per_outlet == 1).sum())
    if singles and len(per_outlet) > 1:
        caveats.append(f"{singles} of {len(per_outlet)} outlets ({percent(singles, len(per_outlet))}) have a single "
                       "article here: what such an outlet 'does' is what one article does.")
    if len(per_outlet) and len(shown) > per_outlet.iloc[0] > DOMINANT_SHARE * len(shown):
        caveats.append(f"{per_outlet.index[0]} wrote {percent(per_outlet.iloc[0], len(shown))} of the articles: "
                       "figures pooled over outlets mostly describe it.")
    unknown = len(shown) - len(named)
    if unknown:
        rate = _figure(accuracy, "Outlet read from the text")
        caveats.append(f"{_plural(unknown, 'article')} ({percent(unknown, len(shown))}) name no outlet: they are shown "
                       f"apart as “{UNKNOWN_OUTLET}”, never ranked as one outlet"
                       + (f" (on real test articles the outlet was read from the text for {percent(rate, 1)} of them)."
                          if rate is not None else "."))
    undated = int(shown["published"].isna().sum())
    if undated:
        caveats.append(f"{_plural(undated, 'article')} ({percent(undated, len(shown))}) have no publication date: "
                       "they are left out of every time axis and lag, and kept in the tables.")
    if "published_basis" in shown:
        inferred = int((shown["published_basis"] == INFERRED_BASIS).sum())
        if inferred:
            caveats.append(f"{_plural(inferred, 'publication date')} ({percent(inferred, len(shown))} of the articles) "
                           "were inferred from the text, the least certain basis, not read from a manifest, a header "
                           "or a byline.")
    if "language" in shown:
        other = shown["language"].fillna("unknown")
        foreign = other[other != "en"]
        if len(foreign):
            langs = ", ".join(f"{k}: {v}" for k, v in foreign.value_counts().sort_index().items())
            caveats.append(f"{_plural(len(foreign), 'article')} ({percent(len(foreign), len(shown))}) are not detected "
                           f"as English ({langs}); the extraction's rules are written for English, so their claims "
                           "and dates are mostly missed.")
    caveats.append(accuracy_caveat(accuracy, measure))
    return caveats


def accuracy_caveat(summary: dict | None, measure: str = "claims", split: str = "test") -> str:
    """One sentence: the accuracy measured on real held-out articles for ``measure``, or that none was measured."""
    entry = (summary or {}).get("splits", {}).get(split)
    if not entry:
        return ("The extraction's accuracy has not been measured on real articles for this code: read the sentences "
                "behind each figure before quoting it.")
    articles = entry.get("corpus", {}).get("articles")
    where = f"On {articles} real held-out articles ({split} split of the development corpus)" if articles else \
        f"On the {split} split of the development corpus"
    get = lambda label: _figure(summary, label, split)  # noqa: E731
    if measure == "claims":
        f1, p, r = (get(f"Casualty claims: {k}") for k in ("F1", "precision", "recall"))
        if f1 is None:
            return f"{where}, the claim extraction was not scored: read the sentences behind each figure."
        return (f"{where}, the extraction finds casualty claims with F1 {f1:.2f} (precision {p or 0:.2f}, recall "
                f"{r or 0:.2f}): some figures here are missed or misread.")
    if measure == "dated_events":
        right = get("Dated events resolved to the right day")
        if right is None:
            return f"{where}, dated events were not scored: check incident dates against their sentences."
        return (f"{where}, {percent(right, 1)} of dated events were resolved to the right day: a wrong incident date "
                "moves every lag of that incident.")
    if measure == "framing":
        parts = [f"region names exact in {percent(v, 1)} of articles" for v in [get("Region names exact")] if v is not None]
        framing = (entry.get("figures") or {}).get("framing") or {}
        if framing.get("sources_recall") is not None:
            parts.append(f"{percent(float(framing['sources_recall']), 1)} of quoted sources found")
        if framing.get("hedges_recall") is not None:
            parts.append(f"{percent(float(framing['hedges_recall']), 1)} of hedges found")
        return f"{where}: " + (", ".join(parts) if parts else "the framing cues were not scored") + "."
    dates, outlets = get("Publication dates right (or rightly none)"), get("Outlet read from the text")
    wrong = get("Publication dates wrong")
    parts = []
    if dates is not None:
        parts.append(f"publication dates right (or rightly none) for {percent(dates, 1)}"
                     + (f", {int(wrong)} wrong" if wrong else ""))
    if outlets is not None:
        parts.append(f"the outlet read from the text for {percent(outlets, 1)}")
    return f"{where}: " + ("; ".join(parts) if parts else "the article metadata was not scored") + "."
