"""The committed accuracy summary: what ``evaluate`` measured on a split of the development corpus.

``python -m analysis evaluate --gold data/dev/gold.jsonl --raw data/dev/texts
--no-manifest --split test --summary`` writes the figures of that split into
:data:`analysis.core.config.ACCURACY_FILE`, beside the corpus's size, the
annotators' agreement (the ceiling an honest claim can reach), the commit and
the date. The README and report 02 quote this file, so the accuracy an analyst
reads is always a measurement on real articles the rules were not written
against, with when and on what it was measured.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from analysis.core import catalog
from analysis.core import config
from analysis.core import provenance
from analysis.evaluate import agreement as agreement_scoring
from analysis.evaluate import date_scoring
from analysis.evaluate import dev_corpus
from analysis.evaluate.suite import Scores, load_gold
from analysis.evaluate.claim_scoring import ClaimScore

# What the issue asks of the test split; the summary says which are met.
TARGETS = {
    "claims_f1": 0.85, "claims_precision": 0.90, "claim_attributes": 0.90, "dated_events": 0.85,
    "publication_dates": 0.90, "publication_dates_wrong": 0, "outlets": 0.90, "region_names": 0.95,
}


def _share(value) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 3)


def metadata_figures(frame: pd.DataFrame) -> dict:
    """Publication dates right, wrong, missing and invented (a date where the gold has none), and outlets."""
    gold, pred = frame["published_gold"].fillna(""), frame["published"].fillna("")
    return {
        "articles": int(len(frame)),
        "publication_dates": {
            "accuracy": _share(frame["published_ok"].mean()),
            "right": int(((gold == pred) & (gold != "")).sum()),
            "right_no_date": int(((gold == "") & (pred == "")).sum()),
            "wrong": int(((gold != "") & (pred != "") & (gold != pred)).sum()),
            "missing": int(((gold != "") & (pred == "")).sum()),
            "invented": int(((gold == "") & (pred != "")).sum()),
        },
        "outlets": {"accuracy": _share(frame["outlet_ok"].mean())},
    }


def claim_figures(score: ClaimScore) -> dict:
    return {
        "gold": score.n_gold, "predicted": score.n_predicted, "matched": score.n_matched,
        "precision": _share(score.precision), "recall": _share(score.recall), "f1": _share(score.f1),
        "on_matched": {k: _share(v) for k, v in score.field_accuracy.items()},
    }


def event_figures(scores: pd.DataFrame) -> dict:
    totals = date_scoring.date_accuracy(scores)
    return {"gold": totals["n"], "found": _share(totals["found"]), "right_date": _share(totals["accuracy"])}


def framing_figures(score: dict) -> dict:
    return {"articles": score["articles"], "region_names_exact": _share(score["region_exact"]),
            "hedges_recall": _share(score["hedge_recall"]), "hedges_with_side": _share(score["hedge_side_recall"]),
            "sources_recall": _share(score["source_recall"]), "sources_with_side": _share(score["source_side_recall"])}


def agreement_figures(first: Path, second: Path) -> dict | None:
    """The two annotators' agreement, or None when either independent annotation is absent."""
    if not (Path(first).exists() and Path(second).exists()):
        return None
    result = agreement_scoring.agreement(load_gold(first), load_gold(second))
    return {"articles": result.articles, "claims_f1": _share(result.claims_f1),
            "claims_f1_side_ignored": _share(result.claims_f1_no_side), "events_f1": _share(result.events_f1),
            "events_same_day": _share(result.events_same_day_share),
            "publication_dates_equal": f"{result.published_same}/{result.published_both}"}


def figures(scores: Scores) -> dict:
    """The summary's figures from every section's score (None for a section not annotated)."""
    return {
        "metadata": metadata_figures(scores.metadata),
        "claims": claim_figures(scores.claims) if scores.claims else None,
        "dated_events": event_figures(scores.dates) if scores.dates is not None else None,
        "framing": framing_figures(scores.framing) if scores.framing else None,
    }


def targets_met(figures: dict) -> dict:
    """Each target of the accuracy issue, with whether this split meets it."""
    claims, meta = figures["claims"] or {}, figures["metadata"]
    attributes = [v for v in claims.get("on_matched", {}).values() if v is not None]
    measured = {
        "claims_f1": claims.get("f1"), "claims_precision": claims.get("precision"),
        "claim_attributes": min(attributes) if attributes else None,
        "dated_events": (figures["dated_events"] or {}).get("right_date"),
        "publication_dates": meta["publication_dates"]["accuracy"],
        "publication_dates_wrong": meta["publication_dates"]["wrong"] + meta["publication_dates"]["invented"],
        "outlets": meta["outlets"]["accuracy"], "region_names": (figures["framing"] or {}).get("region_names_exact"),
    }
    out = {}
    for name, target in TARGETS.items():
        value = measured[name]
        met = None if value is None else (value <= target if name == "publication_dates_wrong" else value >= target)
        out[name] = {"target": target, "measured": value, "met": met}
    return out


def address_figures(scores: Scores) -> dict:
    """Publication dates and dated events when the build is also given each article's web address."""
    return {"publication_dates": metadata_figures(scores.metadata)["publication_dates"],
            "dated_events": event_figures(scores.dates) if scores.dates is not None else None}


def split_summary(scores: Scores, corpus_rows: list[dict], split: str, inputs: dict, options: dict,
                  with_addresses: Scores | None = None) -> dict:
    """One split's entry: what was scored, on what inputs, with which options, by which code, when.

    ``with_addresses``: the same split scored with each article's address given as a manifest would
    give it; its dates go in ``figures.with_addresses`` (the targets are read from the texts alone)."""
    ids = {g["article_id"] for g in scores.gold}
    rows = [r for r in corpus_rows if r["id"] in ids]
    measured = figures(scores)
    if with_addresses is not None:
        measured["with_addresses"] = address_figures(with_addresses)
    return {
        "split": split,
        "measured_on": dt.date.today().isoformat(),
        "code": provenance.code_version(),
        "corpus": {"articles": len(rows), "outlets": len({r["outlet"] for r in rows}),
                   "texts_missing": len(scores.skipped)},
        "inputs": {name: provenance.sha256_file(path) for name, path in inputs.items()},
        "options": options,
        "figures": measured,
        "targets": targets_met(measured),
    }


def write_summary(entry: dict, path: Path | None = None, agreement: dict | None = None) -> Path:
    """Put ``entry`` into the summary file under its split, keeping the other splits; atomic."""
    path = Path(path or config.ACCURACY_FILE)
    current = catalog.accuracy_summary(path) or {}
    current.setdefault("about", "Accuracy of the extraction on the development corpus of real articles "
                                 "(docs/DEV_CORPUS.md), scored by `python -m analysis evaluate` (docs/SCHEMA.md).")
    current.setdefault("splits", {})[entry["split"]] = entry
    if agreement is not None:
        current["agreement"] = agreement
    catalog.atomic_write_text(path, json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path
