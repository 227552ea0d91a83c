"""Framing cues scored against gold: region-name counts, hedges and sources (``docs/SCHEMA.md``).

:func:`score_framing` compares the framing tables with the gold ``framing``
records: region-name counts exact per article, recall of gold hedges (same
marker word, lower case; side agreement reported apart) and recall of gold
sources (see :func:`source_matches`). The tables themselves come from
:mod:`analysis.extract.names`, :mod:`analysis.extract.hedges` and
:mod:`analysis.extract.sources`.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.compare.sources import source_tokens
from analysis.core.frames import require_frame
from analysis.extract.hedges import hedges_table
from analysis.extract.names import region_name_counts
from analysis.extract.sources import sources_table
from analysis.lexicons import load as lexicons

# Words that name a role or an office, not who it is: a predicted source made
# only of these ("the ministry") matches no gold source by containment.
_GENERIC = {
    "ministry", "defense", "defence", "foreign", "office", "spokesperson", "spokeswoman", "spokesman", "president",
    "presidential", "prime", "minister", "government", "official", "officials", "authorities", "statement",
    "head", "army", "military", "forces", "press", "service", "he", "she", "they", "it", "we",
}


# Words that point at a side's territory without naming it ("the region's ombudsman").
_DEICTIC = {"region", "regional", "republic", "country", "local", "enclave"}


def _core_tokens(name: str) -> set[str]:
    """The words of a source name less those that only say whose it is.

    Actor names ("Armenian"), gazetteer places ("Nagorno-Karabakh") and
    deictic words ("region's") are dropped: "Armenian Foreign Ministry" and
    "the region's ombudsman" become {foreign, ministry} and {ombudsman}.
    """
    spans = [(start, end) for _, _, start, end in lexicons.actors().mentions(name)]
    spans += [(m.start, m.end) for m in lexicons.gazetteer().find(name)]
    kept = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(name))
    return set(source_tokens(kept)) - _DEICTIC


def source_matches(gold_name: str, predicted: str, gold_side: str | None = None,
                   predicted_side: str | None = None) -> bool:
    """Whether a predicted source names the gold source.

    True when the gold's words are all in the prediction ("Artsakh Defense
    Ministry" in "the Artsakh defense ministry spokesperson"), or the
    prediction's words, at least one of them not generic, are all in the
    gold's ("Pashinyan" for "Nikol Pashinyan"). Case, articles and possessive
    's are ignored. When both sides are given and agree, a body named without
    its side matches the gold body named with it ("Foreign Ministry" read as
    Armenian for "Armenian Foreign Ministry"; "the region's ombudsman" for
    "Nagorno-Karabakh ombudsman"): the side the extractor attached says what
    the missing words said.
    """
    gold, pred = set(source_tokens(gold_name)), set(source_tokens(predicted))
    if not gold or not pred:
        return False
    if gold <= pred or (pred <= gold and bool(pred - _GENERIC)):
        return True
    if gold_side is None or predicted_side is None or gold_side != predicted_side:
        return False
    core = _core_tokens(gold_name)
    return bool(core) and core == _core_tokens(predicted)


def score_framing(
    gold: list[dict],
    articles: pd.DataFrame,
    *,
    region_counts: pd.DataFrame | None = None,
    hedges: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
) -> dict:
    """Score framing tables against gold records (one dict per article, SCHEMA.md).

    Tables not given are computed from ``articles``; sources only when
    ``analysis.nlp.attribution`` is available (else ``sources`` scores are None).
    Gold articles missing from ``articles`` are listed under ``missing``.
    """
    if not isinstance(gold, list) or not all(isinstance(g, dict) for g in gold):
        raise TypeError("gold: expected a list of dicts (one per article)")
    require_frame(articles, ("article_id", "outlet", "text"), "articles")
    for i, g in enumerate(gold):
        if "article_id" not in g or "framing" not in g:
            raise ValueError(f"gold: record {i} lacks article_id or framing")
    known = set(articles["article_id"])
    missing = [g["article_id"] for g in gold if g["article_id"] not in known]
    gold = [g for g in gold if g["article_id"] in known]
    subset = articles[articles["article_id"].isin([g["article_id"] for g in gold])]
    region_counts = region_name_counts(subset) if region_counts is None else region_counts
    hedges = hedges_table(subset) if hedges is None else hedges
    sources = sources_table(subset) if sources is None else sources

    region_rows, hedge_rows, source_rows = [], [], []
    for g in gold:
        aid, framing = g["article_id"], g["framing"]
        gold_counts = {k: int(v) for k, v in (framing.get("region_names") or {}).items()}
        pred = region_counts.loc[aid].to_dict() if aid in region_counts.index else {}
        keys = list(dict.fromkeys([*gold_counts, *(k for k, v in pred.items() if v)]))
        pred_counts = {k: int(pred.get(k, 0)) for k in keys}
        region_rows.append({"article_id": aid, "gold": {k: gold_counts.get(k, 0) for k in keys},
                            "predicted": pred_counts,
                            "exact": all(gold_counts.get(k, 0) == pred_counts[k] for k in keys)})
        found = hedges[hedges["article_id"] == aid]
        pool = Counter(zip(found["marker"].str.lower(), found["side"]))
        words = Counter(found["marker"].str.lower())
        for h in framing.get("hedges") or []:
            word, side = h["word"].lower(), h.get("side")
            hit_side = pool[(word, side)] > 0
            hit = words[word] > 0
            if hit:
                words[word] -= 1
            if hit_side:
                pool[(word, side)] -= 1
            hedge_rows.append({"article_id": aid, "word": h["word"], "side": side, "found": hit, "side_correct": hit_side})
        if sources is not None:
            pred_sources = sources[sources["article_id"] == aid]
            for s in framing.get("sources") or []:
                mask = [source_matches(s["name"], p, s.get("side"), side)
                        for p, side in zip(pred_sources["source"], pred_sources["side"])]
                # a boolean Series, so an article with no predicted source selects no row (an empty list would select no column)
                matches = pred_sources[pd.Series(mask, index=pred_sources.index, dtype=bool)]
                source_rows.append({"article_id": aid, "name": s["name"], "side": s.get("side"),
                                    "found": not matches.empty,
                                    "side_correct": bool((matches["side"] == s.get("side")).any()),
                                    "matched": "; ".join(dict.fromkeys(matches["source"]))})

    def recall(rows, field):
        return sum(r[field] for r in rows) / len(rows) if rows else None

    return {
        "articles": len(gold),
        "missing": missing,
        "region_exact": recall(region_rows, "exact"),
        "region": region_rows,
        "hedge_recall": recall(hedge_rows, "found"),
        "hedge_side_recall": recall(hedge_rows, "side_correct"),
        "hedges": hedge_rows,
        "source_recall": recall(source_rows, "found") if sources is not None else None,
        "source_side_recall": recall(source_rows, "side_correct") if sources is not None else None,
        "sources": source_rows if sources is not None else None,
    }


def _pct(value) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def format_framing_score(score: dict) -> str:
    """Plain-text report of :func:`score_framing` for the command line."""
    lines = [f"framing: {score['articles']} gold article(s)"]
    if score["missing"]:
        lines.append(f"  not in corpus: {', '.join(score['missing'])}")
    lines.append(f"region names exact: {_pct(score['region_exact'])}")
    for r in score["region"]:
        mark = "ok " if r["exact"] else "XX "
        pairs = ", ".join(f"{k} {r['predicted'][k]}/{r['gold'][k]}" for k in r["gold"])
        lines.append(f"  {mark}{r['article_id']}: {pairs}  (predicted/gold)")
    lines.append(f"hedges: recall {_pct(score['hedge_recall'])}, with side {_pct(score['hedge_side_recall'])}")
    for h in score["hedges"]:
        if not h["side_correct"]:
            lines.append(f"  missed {h['article_id']}: {h['word']!r} ({h['side']})" + ("" if not h["found"] else " - side differs"))
    if score["sources"] is None:
        lines.append("sources: not scored (analysis.nlp.attribution unavailable)")
    else:
        lines.append(f"sources: recall {_pct(score['source_recall'])}, with side {_pct(score['source_side_recall'])}")
        for s in score["sources"]:
            if not s["found"]:
                lines.append(f"  missed {s['article_id']}: {s['name']} ({s['side']})")
    return "\n".join(lines)
