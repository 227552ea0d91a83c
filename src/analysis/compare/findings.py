"""What a report finds, in sentences computed from its tables, and the caveats its corpus calls for.

Reports 02 and 04 open with :func:`findings_html`: a few sentences, each
computed from a table the report shows and pointing to the figure behind it,
then the caveats :func:`corpus_caveats` reads from the corpus itself (its
size, its outlets, undated articles and inferred dates, the measured accuracy
of the extraction). Nothing here is written for one corpus.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.compare.display import percent
from analysis.core.values import UNKNOWN_OUTLET

FEW_ARTICLES = 30  # below this many articles, a share rests on a handful of stories
FEW_PER_OUTLET = 3  # a median of fewer articles per outlet than this: one story is one outlet


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def corpus_caveats(articles: pd.DataFrame, accuracy: dict | None = None, measure: str = "claims") -> list[str]:
    """Caveats read from the selected ``articles`` and the accuracy summary (``catalog.accuracy_summary()``).

    ``measure``: the section of the summary's test split whose F1 is quoted
    (``claims`` for report 02; report 04 quotes the framing figures).
    """
    n = len(articles)
    if n == 0:
        return ["The selection holds no article: there is nothing to compare."]
    outlets = articles["outlet"].fillna(UNKNOWN_OUTLET)
    known = outlets[outlets != UNKNOWN_OUTLET]
    per_outlet = known.value_counts()
    notes = [f"The selection is {_plural(n, 'article')} from {_plural(len(per_outlet), 'named outlet')}."]
    if n < FEW_ARTICLES or (len(per_outlet) and per_outlet.median() < FEW_PER_OUTLET):
        median = per_outlet.median() if len(per_outlet) else 0
        notes.append(f"Half the outlets have {median:g} article(s) or fewer: a difference between outlets may be one "
                     "story's topic, not an editorial line.")
    missing = int((outlets == UNKNOWN_OUTLET).sum())
    if missing:
        notes.append(f"{_plural(missing, 'article')} ({percent(missing / n)}) have no outlet: they are shown apart as "
                     f"\"{UNKNOWN_OUTLET}\", never ranked as one outlet.")
    undated = int(articles["published"].isna().sum())
    if undated:
        notes.append(f"{_plural(undated, 'article')} ({percent(undated / n)}) have no publication date: they are left "
                     "out of anything drawn over time and kept in the tables.")
    if "published_basis" in articles.columns:
        inferred = int((articles["published_basis"] == "text").sum())
        if inferred:
            notes.append(f"{_plural(inferred, 'publication date')} ({percent(inferred / n)}) were inferred from the "
                         "text rather than read from a manifest or a header.")
    if "language" in articles.columns:
        other = articles["language"].fillna("unknown")
        other = other[other != "en"]
        if len(other):
            notes.append(f"{_plural(len(other), 'article')} are not in English "
                         f"({', '.join(f'{k}: {v}' for k, v in other.value_counts().sort_index().items())}); the "
                         "extraction rules are written for English.")
    notes.append(accuracy_caveat(accuracy, measure))
    return notes


def accuracy_caveat(accuracy: dict | None, measure: str = "claims") -> str:
    """One sentence on the extraction's measured accuracy on real articles (the test split), or that none was measured."""
    split = (accuracy or {}).get("splits", {}).get("test")
    figures = (split or {}).get("figures", {}).get(measure) if split else None
    if not split or not isinstance(figures, dict) or figures.get("f1") is None:
        return ("The extraction's accuracy on real articles has not been measured for this build "
                "(no accuracy summary): read the sentences behind each figure before quoting it.")
    corpus = split.get("corpus", {})
    return (f"Measured on {corpus.get('articles', '?')} held-out real articles, the extraction finds {measure} with "
            f"F1 {float(figures['f1']):.2f} (precision {float(figures.get('precision') or 0):.2f}, recall "
            f"{float(figures.get('recall') or 0):.2f}): some figures below are missed or misread.")


def findings_html(findings: list[tuple[str, str | None]], caveats: list[str], report_id: str | None = None) -> str:
    """The opening block: the report id, the findings (each linked to its figure's section) and the caveats.

    ``findings``: ``(sentence, anchor)`` pairs, ``anchor`` the id of the
    section heading the sentence rests on (None: no link).
    """
    def item(text, anchor):
        link = f" <a href='#{html.escape(anchor)}'>(figure)</a>" if anchor else ""
        return f"<li>{html.escape(text)}{link}</li>"

    head = f"<p><small>report id <code>{html.escape(report_id)}</code></small></p>" if report_id else ""
    found = "".join(item(t, a) for t, a in findings) or "<li>No finding: the selection holds nothing to compare.</li>"
    warned = "".join(f"<li>{html.escape(c)}</li>" for c in caveats)
    return (f"<div class='warcov-findings'>{head}<h2>Findings</h2><ul>{found}</ul>"
            f"<h3>Caveats</h3><ul>{warned}</ul></div>")


def framing_findings(region: pd.DataFrame, voice: pd.DataFrame, rates: pd.DataFrame,
                     similarity: pd.DataFrame | None, min_statements: int = 5) -> list[tuple[str, str]]:
    """Report 04's opening sentences from its tables: ``(sentence, anchor)`` pairs.

    ``region``: ``names.outlet_key_shares(mentions, "region")``; ``voice``:
    ``sources.voice_by_side``; ``rates``: ``hedges.hedge_rates``; a hedging
    ratio is quoted only for an outlet with ``min_statements`` claims of each side, an outlet's choice of region
    name only with ``min_statements`` mentions.
    """
    out = []
    if len(region):
        pooled = region.groupby("key")["count"].sum().sort_values(ascending=False, kind="stable")
        names = ", ".join(f"{k} {percent(v / pooled.sum())}" for k, v in pooled.head(3).items())
        known = region[region["outlet"] != UNKNOWN_OUTLET]
        most = known.groupby("outlet")["count"].sum()
        most = most[most >= min_statements]
        artsakh = (known[known["key"] == "Artsakh"].set_index("outlet")["count"] / most).dropna()
        line = f"Of {int(pooled.sum()):,} mentions of the region in {known['outlet'].nunique()} outlets: {names}."
        if len(artsakh.dropna()):
            top = artsakh.dropna().sort_index().sort_values(ascending=False, kind="stable").head(3)
            line += f" Most often Artsakh (outlets with {min_statements} mentions or more): " + ", ".join(f"{o} ({percent(v)})" for o, v in top.items()) + "."
        out.append((line, "region"))
    else:
        out.append(("No outlet of the selection names the region.", "region"))
    if len(voice):
        by_side = voice.groupby("side")["sources_per_article_summed"].sum()
        out.append(("Sources quoted or cited, by side: " + ", ".join(
            f"{s} {percent(v / by_side.sum())}" for s, v in by_side.sort_values(ascending=False).items()) + ".",
            "voices"))
    if len(rates):
        wide = rates.pivot_table(index="outlet", columns="side", values=["statements", "rate"], aggfunc="first")
        if {("statements", "armenian"), ("statements", "azerbaijani")} <= set(wide.columns):
            enough = wide[(wide[("statements", "armenian")] >= min_statements)
                          & (wide[("statements", "azerbaijani")] >= min_statements)]
            if len(enough):
                gap = (enough[("rate", "azerbaijani")] - enough[("rate", "armenian")]).sort_index()
                o = gap.abs().sort_values(ascending=False, kind="stable").index[0]
                out.append((f"Of {len(enough)} outlets with at least {min_statements} claims of each party, {o} hedges "
                            f"the two most unequally: {percent(enough.loc[o, ('rate', 'armenian')])} of Armenian and "
                            f"{percent(enough.loc[o, ('rate', 'azerbaijani')])} of Azerbaijani claims.", "hedges"))
            else:
                out.append((f"No outlet carries {min_statements} claims of each party: hedging rates are not compared.",
                            "hedges"))
    if similarity is not None and len(similarity) > 1:
        pairs = [(similarity.iat[i, j], similarity.index[i], similarity.index[j])
                 for i in range(len(similarity)) for j in range(i + 1, len(similarity))]
        value, a, b = max(pairs, key=lambda p: (p[0], str(p[1]), str(p[2])))
        out.append((f"The most alike vocabularies: {a} and {b} (cosine {value:.2f}); outlets covering the same events "
                    "look alike whatever their framing.", "similarity"))
    return out
