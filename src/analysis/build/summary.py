"""What a build did, in a few lines for the person who ran it: counts, problems, tables written.

Printed at the end of ``python -m analysis build`` so that an analyst sees,
without opening a table, how many articles came in, why the others did not,
how many have no outlet or no date, and what was extracted.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.ingest import corpus

SKIPPED_SHOWN = 5
"""Skipped files (manifest, sums, READMEs ...) the summary names; the others are in ingest_errors."""


def build_summary(tables: dict[str, pd.DataFrame], written: dict[str, Path]) -> str:
    """The closing summary of a build: articles, errors by reason (ingest, then extraction by stage),
    unknowns, extraction, tables."""
    articles, errors = tables["articles"], tables["ingest_errors"]
    undated = int(articles["published"].isna().sum())
    inferred = int((articles["published_basis"] == "text").sum())
    lines = [f"articles: {len(articles):,} ({int(articles['outlet'].isna().sum()):,} with no outlet, "
             f"{undated:,} with no publication date, {inferred:,} dated by inference from the text)"]
    problems = corpus.problems(errors)
    if len(problems):
        reasons = problems["reason"].value_counts().sort_index()
        lines.append(f"ingest errors: {len(problems):,} (" + ", ".join(f"{r} {n:,}" for r, n in reasons.items())
                     + "): see ingest_errors")
    else:
        lines.append("ingest errors: none")
    failed = tables.get("extraction_errors")
    if failed is not None and len(failed):
        stages = failed["stage"].value_counts().sort_index()
        lines.append(f"extraction errors: {len(failed):,} in {failed['article_id'].nunique():,} article(s) ("
                     + ", ".join(f"{s} {n:,}" for s, n in stages.items()) + "): see extraction_errors; "
                     + f"the first: {failed['message'].iloc[0]}")
    skipped = errors.loc[~errors.index.isin(problems.index), "source_file"]
    if len(skipped):
        shown = ", ".join(skipped.iloc[:SKIPPED_SHOWN]) + (", ..." if len(skipped) > SKIPPED_SHOWN else "")
        lines.append(f"skipped, not articles: {len(skipped):,} ({shown})")
    lines.append(f"extracted: {len(tables['claims']):,} casualty claims, {len(tables['events']):,} dated events, "
                 f"{len(tables['incidents']):,} incidents, {len(tables['sources']):,} sources, "
                 f"{len(tables['hedges']):,} hedges")
    folder = {path.parent for path in written.values()}
    where = f" in {folder.pop()}" if len(folder) == 1 else ""
    lines.append(f"tables written{where} (rows): " + ", ".join(f"{name} {len(tables[name]):,}" for name in written))
    return "\n".join(lines)
