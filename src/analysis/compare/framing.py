"""What report 04 finds about framing, in sentences computed from its tables.

Each sentence is computed from a table the report shows and is paired with the
anchor of the section behind it; nothing here is written for one corpus.
"""

from __future__ import annotations

import pandas as pd

from analysis.compare.display import percent
from analysis.core.values import UNKNOWN_OUTLET


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
