"""The committed accuracy summary as report tables: figures measured on real articles, against the targets.

The summary (``catalog.accuracy_summary()``, written by ``python -m analysis
evaluate --split test --summary``) holds each split of the development corpus.
Reports quote the **test** split: articles the rules were never tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.core import catalog

# (label, path into a split's figures, kind); kind "share" is a 0-1 figure, "count" a whole number.
FIGURES = (
    ("Casualty claims: F1", ("claims", "f1"), "share"),
    ("Casualty claims: precision", ("claims", "precision"), "share"),
    ("Casualty claims: recall", ("claims", "recall"), "share"),
    ("Matched claims: victim group agrees", ("claims", "on_matched", "group"), "share"),
    ("Matched claims: scope agrees", ("claims", "on_matched", "scope"), "share"),
    ("Matched claims: claimant side agrees", ("claims", "on_matched", "claimant_side"), "share"),
    ("Matched claims: qualifier agrees", ("claims", "on_matched", "qualifier"), "share"),
    ("Dated events resolved to the right day", ("dated_events", "right_date"), "share"),
    ("Publication dates right (or rightly none)", ("metadata", "publication_dates", "accuracy"), "share"),
    ("Publication dates wrong", ("metadata", "publication_dates", "wrong"), "count"),
    ("Publication dates invented (none in the text)", ("metadata", "publication_dates", "invented"), "count"),
    ("Outlet read from the text", ("metadata", "outlets", "accuracy"), "share"),
    ("Region names exact", ("framing", "region_names_exact"), "share"),
    ("With each article's web address (a manifest's url): publication dates right",
     ("with_addresses", "publication_dates", "accuracy"), "share"),
    ("With each article's web address: publication dates wrong or invented",
     ("with_addresses", "publication_dates", ("wrong", "invented")), "count"),
    ("With each article's web address: dated events resolved to the right day",
     ("with_addresses", "dated_events", "right_date"), "share"),
)


def _get(figures: dict, path: tuple):
    value = figures
    for key in path:
        if isinstance(key, tuple):  # the sum of several counts
            parts = [value.get(k) if isinstance(value, dict) else None for k in key]
            return None if any(p is None for p in parts) else sum(parts)
        if not isinstance(value, dict) or value.get(key) is None:
            return None
        value = value[key]
    return value


def accuracy_table(summary: dict | None, splits: tuple[str, ...] = ("test", "dev")) -> pd.DataFrame:
    """One row per figure, one column per split present in the summary (test first); a figure no split
    measured (a summary older than the figure) has no row."""
    present = [s for s in splits if summary and s in summary.get("splits", {})]
    rows = []
    for label, path, kind in FIGURES:
        row = {"figure": label}
        for split in present:
            value = _get(summary["splits"][split]["figures"], path)
            row[f"{split} split"] = value if value is None or kind == "count" else round(float(value), 2)
        if present and all(row[f"{split} split"] is None for split in present):
            continue
        rows.append(row)
    return pd.DataFrame(rows, columns=["figure", *(f"{s} split" for s in present)], dtype=object)  # counts stay whole


def accuracy_caption(summary: dict | None, split: str = "test") -> str:
    """Where and when the figures were measured, in one sentence an analyst can cite."""
    if not summary or split not in summary.get("splits", {}):
        return f"No accuracy was measured on the {split} split of the development corpus."
    entry = summary["splits"][split]
    code = entry.get("code", {})
    commit = (code.get("git_commit") or "unknown")[:12]
    dirty = " with uncommitted changes" if code.get("uncommitted_changes") else ""
    text = (f"Measured on {entry['measured_on']} on the {split} split of the development corpus: "
            f"{entry['corpus']['articles']} real articles from {entry['corpus']['outlets']} outlets, "
            f"by code at commit {commit}{dirty}, from the texts alone.")
    missing = entry["corpus"].get("texts_missing", 0)
    if missing:
        text += (f" The split lists {missing} more article(s) whose text could not be rebuilt on the day; "
                 "they were left out.")
    agreement = summary.get("agreement")
    if agreement:
        text += (f" Two independent annotators of {agreement['articles']} articles agreed on claims with "
                 f"F1 {agreement['claims_f1']:.2f} and on dated events with F1 {agreement['events_f1']:.2f}: "
                 "no figure can honestly be claimed above that.")
    return text


def targets_table(summary: dict | None, split: str = "test") -> pd.DataFrame:
    """The issue's targets for ``split``: measured value, target, met."""
    columns = ["target", "measured", "goal", "met"]
    if not summary or split not in summary.get("splits", {}):
        return pd.DataFrame(columns=columns)
    rows = [{"target": name.replace("_", " "), "measured": t["measured"], "goal": t["target"], "met": t["met"]}
            for name, t in summary["splits"][split].get("targets", {}).items()]
    return pd.DataFrame(rows, columns=columns)


README_START = "<!-- accuracy:start -->\n"
README_END = "<!-- accuracy:end -->"


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def accuracy_markdown(summary: dict | None) -> str:
    """The README's accuracy block: the caption, the figures per split, the agreement."""
    lines = [accuracy_caption(summary), ""]
    table = accuracy_table(summary)
    if len(table.columns) > 1:
        lines.append("| figure | " + " | ".join(table.columns[1:]) + " |")
        lines.append("|---" * len(table.columns) + "|")
        kinds = {label: kind for label, _, kind in FIGURES}
        for row in table.itertuples(index=False):
            count = kinds.get(row[0]) == "count"
            cells = [_cell(int(v)) if count and not pd.isna(v) else _cell(v) for v in row[1:]]
            lines.append("| " + " | ".join([row[0], *cells]) + " |")
        targets = targets_table(summary)
        missed = [t.target for t in targets.itertuples() if t.met is False]
        lines.append("")
        lines.append("Targets on the test split: " + ("all met." if not missed and len(targets) else
                                                       "not met: " + ", ".join(missed) + "."))
    return "\n".join(lines).rstrip() + "\n"


def readme_with_accuracy(readme: str, summary: dict | None) -> str:
    """``readme`` with the text between its accuracy markers replaced by :func:`accuracy_markdown`."""
    if README_START not in readme or README_END not in readme:
        raise ValueError(f"README has no {README_START.strip()} ... {README_END} markers")
    head, rest = readme.split(README_START, 1)
    return head + README_START + accuracy_markdown(summary) + README_END + rest.split(README_END, 1)[1]


def main(argv: list[str] | None = None) -> None:
    """``python -m analysis.compare.accuracy README.md``: regenerate that file's accuracy block from the summary."""
    for path in map(Path, argv if argv is not None else sys.argv[1:]):
        path.write_text(readme_with_accuracy(path.read_text(encoding="utf-8"), catalog.accuracy_summary()), encoding="utf-8")


if __name__ == "__main__":
    main()
