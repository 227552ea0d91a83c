"""Score the extraction against hand-checked gold annotations (``docs/SCHEMA.md``).

``python -m analysis evaluate --gold FILE.jsonl --raw DIR`` rebuilds every
table from the raw folder in memory and prints one section per capability:
article metadata, casualty claims, dated events, framing.
"""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.evaluate import claim_scoring
from analysis.evaluate import dev_corpus
from analysis.evaluate import date_scoring
from analysis.evaluate import framing_scoring as framing
from analysis.build import pipeline
from analysis.ingest.outlets import outlets


class GoldError(ValueError):
    """The gold file is missing, malformed, or describes articles not in the raw folder."""


def load_gold(path: str | Path) -> list[dict]:
    """Gold article records, one JSON object per line; errors name the line."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"gold file not found: {path}")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path} line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or "article_id" not in record:
            raise GoldError(f"{path} line {number}: expected an object with an article_id")
        records.append(record)
    return records


def score_metadata(gold: list[dict], articles: pd.DataFrame) -> pd.DataFrame:
    """Per gold article: predicted vs gold outlet, publication date and its basis."""
    by_id = articles.set_index("article_id")
    rows = []
    for record in gold:
        aid = record["article_id"]
        found = aid in by_id.index
        pred = by_id.loc[aid] if found else None
        published = pred["published"] if found else None
        rows.append({
            "article_id": aid,
            "outlet_gold": record.get("outlet"), "outlet": pred["outlet"] if found else None,
            "published_gold": record.get("published"),
            "published": published.isoformat() if found and published is not None and not pd.isna(published) else None,
            "basis_gold": record.get("published_basis"), "basis": pred["published_basis"] if found else None,
        })
    frame = pd.DataFrame(rows)
    lexicon = outlets()  # outlets compare through the lexicon: "News.am" and "news.am" are one outlet
    # No outlet is right when the gold has none (None, or NaN once in a frame); an outlet is right when it is the gold's.
    frame["outlet_ok"] = [pd.isna(g) if p is None or pd.isna(p) else (not pd.isna(g) and lexicon.same_outlet(p, g))
                          for p, g in zip(frame["outlet"], frame["outlet_gold"])]
    frame["published_ok"] = frame["published"].astype(object).fillna("") == frame["published_gold"].astype(object).fillna("")
    frame["basis_ok"] = frame["basis"].astype(object).fillna("") == frame["basis_gold"].astype(object).fillna("")
    return frame


def format_metadata(frame: pd.DataFrame) -> str:
    lines = ["== Article metadata ==",
             f"publication-date accuracy: {frame['published_ok'].mean():.3f} ({frame['published_ok'].sum()}/{len(frame)})",
             f"outlet accuracy:           {frame['outlet_ok'].mean():.3f} ({frame['outlet_ok'].sum()}/{len(frame)}; "
             f"{int((~frame['outlet_ok'] & frame['outlet'].notna()).sum())} wrong outlet(s) output, "
             f"{int((~frame['outlet_ok'] & frame['outlet'].isna()).sum())} missing)",
             f"date-basis accuracy:       {frame['basis_ok'].mean():.3f}"]
    for row in frame[~(frame["published_ok"] & frame["outlet_ok"])].itertuples():
        lines.append(f"  miss {row.article_id}: outlet {row.outlet!r} (gold {row.outlet_gold!r}), published {row.published} (gold {row.published_gold})")
    return "\n".join(lines)


def address_manifest(gold: list[dict], corpus_file: str | Path | None, folder: Path) -> Path:
    """A manifest in ``folder`` that gives each gold article its address from the corpus list, and nothing else.

    What a crawl's manifest would carry: the address, whose path often holds the day
    (:mod:`analysis.ingest.url_dates`). Outlet, date and basis stay empty, so the list's own
    annotations never reach the build."""
    urls = {row["id"]: row["url"] for row in dev_corpus.read_corpus(corpus_file)}
    path = folder / "manifest.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "outlet", "url", "published", "published_basis", "note"])
        for record in gold:
            writer.writerow([record["article_id"], "", urls.get(record["article_id"], ""), "", "", ""])
    return path


def missing_texts(gold: list[dict], raw_dir: str | Path) -> list[str]:
    """The ids of gold records whose text file is not in ``raw_dir``, sorted."""
    return sorted(g["article_id"] for g in gold if not dev_corpus.text_path(g["article_id"], Path(raw_dir)).exists())


def with_section(gold: list[dict], section: str) -> list[dict]:
    """The records that annotate ``section`` (a null section was not annotated and is not scored)."""
    return [g for g in gold if g.get(section) is not None]


def prepare_gold(gold: list[dict], raw_dir: str | Path, split: str | None = None,
                 corpus_file: str | Path | None = None, skip_missing: bool = False) -> list[dict]:
    """Gold ready to score: one split of the development corpus, and spans filled from offsets.

    ``skip_missing``: leave out the records whose text is not in ``raw_dir`` (a partly rebuilt corpus)
    instead of stopping; :func:`missing_texts` names them."""
    if split is not None:
        ids = dev_corpus.split_ids(dev_corpus.read_corpus(corpus_file), split)
        gold = [g for g in gold if g["article_id"] in ids]
    if skip_missing:
        absent = set(missing_texts(gold, raw_dir))  # looked up once, not once per record
        gold = [g for g in gold if g["article_id"] not in absent]
    if any("evidence_start" in c for g in gold for c in g.get("claims") or []) or \
            any("expression_start" in e for g in gold for e in g.get("dated_events") or []):
        gold = dev_corpus.gold_with_text(gold, raw_dir)
    return gold


@dataclass
class Scores:
    """Every section's score for one gold file (a section no record annotates is None)."""

    gold: list[dict]
    metadata: pd.DataFrame
    claims: claim_scoring.ClaimScore | None
    dates: pd.DataFrame | None
    framing: dict | None
    skipped: list[str] = field(default_factory=list)
    """Ids of gold records left out because their text is absent (``skip_missing``)."""


def score(gold_path: str | Path, raw_dir: str | Path, manifest=None, split: str | None = None,
          corpus_file: str | Path | None = None, skip_missing: bool = False, addresses: bool = False) -> Scores:
    """Build every table from ``raw_dir`` in memory and score it against the gold; null sections are skipped.

    ``addresses``: give the build each article's web address from the development corpus list, as an
    analyst's manifest would (and nothing else of the list), in place of ``manifest``.

    ``skip_missing``: score the records whose text is present and name the others in ``Scores.skipped``."""
    every = load_gold(gold_path)
    if split is not None:
        ids = dev_corpus.split_ids(dev_corpus.read_corpus(corpus_file), split)
        every = [g for g in every if g["article_id"] in ids]
    skipped = missing_texts(every, raw_dir) if skip_missing else []
    gold = prepare_gold(every, raw_dir, None, corpus_file, skip_missing=skip_missing)
    if not gold:
        raise GoldError(f"{gold_path}: no gold records" + (f" in split {split!r}" if split else ""))
    if addresses:
        with tempfile.TemporaryDirectory() as tmp:
            tables = pipeline.build_tables(raw_dir, manifest=address_manifest(gold, corpus_file, Path(tmp)))
    else:
        tables = pipeline.build_tables(raw_dir, manifest=manifest)
    missing = sorted({g["article_id"] for g in gold} - set(tables["articles"]["article_id"]))
    if missing:
        raise GoldError(f"{gold_path}: article(s) {', '.join(missing)} are not among the articles built from {raw_dir}")
    claims_gold, dates_gold, framing_gold = (with_section(gold, s) for s in ("claims", "dated_events", "framing"))
    framing_score = None
    if framing_gold:
        framing_score = framing.score_framing(framing_gold, tables["articles"],
                                              region_counts=tables["region_names"].set_index("article_id"),
                                              hedges=tables["hedges"], sources=tables["sources"])
    return Scores(
        gold=gold,
        metadata=score_metadata(gold, tables["articles"]),
        claims=claim_scoring.score_claims(claims_gold, tables["claims"]) if claims_gold else None,
        dates=date_scoring.score_dates(dates_gold, tables["events"], tables["articles"]) if dates_gold else None,
        framing=framing_score,
        skipped=skipped,
    )


def format_scores(scores: Scores) -> str:
    """Every evaluation section as printable text."""
    return "\n\n".join([
        format_metadata(scores.metadata),
        "== Casualty claims ==\n" + (claim_scoring.format_claim_score(scores.claims) if scores.claims else "not annotated"),
        "== Dated events ==\n" + (date_scoring.format_date_scores(scores.dates) if scores.dates is not None else "not annotated"),
        "== Framing ==\n" + (framing.format_framing_score(scores.framing) if scores.framing else "not annotated"),
    ])


def run(gold_path: str | Path, raw_dir: str | Path, manifest=None, split: str | None = None,
        corpus_file: str | Path | None = None) -> str:
    """Every evaluation section as printable text; sections a record leaves null are not scored for it."""
    return format_scores(score(gold_path, raw_dir, manifest, split, corpus_file))
