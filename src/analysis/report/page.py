"""The frame of every report page: the id line at the top, findings, caveats computed from the corpus.

A report opens with its title, one line naming the report id and the corpus,
then **Findings**: sentences the notebook computes from its tables, each
pointing to the figure or table behind it (:class:`Finding`), then
**Caveats** computed from the corpus itself (:func:`corpus_caveats`): its
size, its outlets, its undated and inferred dates, its languages, and the
extraction's accuracy measured on real articles. Nothing here is written for
one corpus. The provenance closes the page, folded (``render.how_to_cite``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from analysis.core.values import UNKNOWN_OUTLET

SMALL_CORPUS = 30  # below this many articles, a caveat says the figures describe these articles only
DOMINANT_SHARE = 0.5  # one outlet above this share of the articles gets a caveat
INFERRED_BASIS = "text"  # published_basis of a date inferred from the text


@dataclass(frozen=True)
class Finding:
    """One computed sentence and where its evidence is: a figure's stem (``plots.save_figure``) or an anchor."""

    text: str
    figure: str | None = None
    anchor: str | None = None
    label: str | None = None


def figure_anchor(stem: str) -> str:
    """The HTML id of a saved figure (``plots.save_figure`` puts it on the figure)."""
    return f"fig-{stem}"


def _as_finding(item) -> Finding:
    if isinstance(item, Finding):
        return item
    if isinstance(item, str):
        return Finding(item)
    return Finding(*item)


def _pointer(finding: Finding) -> str:
    target = figure_anchor(finding.figure) if finding.figure else finding.anchor
    if not target:
        return ""
    label = finding.label or (f"figure {finding.figure}" if finding.figure else "below")
    return f" <a href='#{html.escape(target)}'>({html.escape(label)})</a>"


def findings_html(findings: Iterable, title: str = "Findings", empty: str = "Nothing to report on this selection.") -> str:
    """A box of computed findings, each linked to its figure; ``empty`` when there are none."""
    items = [_as_finding(f) for f in findings]
    body = ("<ul>" + "".join(f"<li>{html.escape(f.text)}{_pointer(f)}</li>" for f in items) + "</ul>"
            if items else f"<p><i>{html.escape(empty)}</i></p>")
    return f"<section class='warcov-findings' id='findings'><h2>{html.escape(title)}</h2>{body}</section>"


def caveats_html(caveats: Iterable[str], title: str = "Caveats") -> str:
    """A box of caveats (plain sentences, escaped); nothing when there are none."""
    items = [c for c in caveats if c]
    if not items:
        return ""
    return (f"<section class='warcov-caveats' id='caveats'><h2>{html.escape(title)}</h2><ul>"
            + "".join(f"<li>{html.escape(c)}</li>" for c in items) + "</ul></section>")


def points_html(title: str, items: Iterable) -> str:
    """A short list under a bold title: each item a sentence, or a (sentence, where it is shown) pair; escaped."""
    lines = "".join(f"<li>{html.escape(i)}</li>" if isinstance(i, str)
                    else f"<li>{html.escape(i[0])} <i>({html.escape(i[1])})</i></li>" for i in items)
    return f"<div><b>{html.escape(title)}</b><ul>{lines}</ul></div>"


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


def corpus_caveats(articles: pd.DataFrame, selected: pd.DataFrame | None = None, accuracy: dict | None = None,
                   accuracy_split: str = "test") -> list[str]:
    """Caveats computed from the corpus (``articles``) and the report's selection of it.

    Size (small corpora say the figures describe these articles only), the
    selection, outlets (articles without one; one outlet holding most
    articles), undated articles and dates inferred from the text, non-English
    articles, and the extraction's accuracy measured on real articles
    (``accuracy``: ``catalog.accuracy_summary()``; None says it was never measured).
    """
    caveats = []
    n = len(articles)
    shown = articles if selected is None else selected
    outlets = _outlets(articles)
    named = outlets[outlets != UNKNOWN_OUTLET]
    size = f"The corpus holds {_plural(n, 'article')} from {_plural(named.nunique(), 'outlet')}"
    unknown = int((outlets == UNKNOWN_OUTLET).sum())
    size += f", {_plural(unknown, 'article')} without a known outlet (shown apart as “{UNKNOWN_OUTLET}”)." if unknown else "."
    if n < SMALL_CORPUS:
        size += (f" With fewer than {SMALL_CORPUS} articles every figure describes these articles only, "
                 "not the outlets' coverage in general.")
    caveats.append(size)
    if selected is not None and len(selected) != n:
        caveats.append(f"This report's selection holds {_plural(len(selected), 'article')} of the {n:,}.")
    if len(shown):
        counts = _outlets(shown).value_counts()
        if len(counts) > 1 and counts.iloc[0] / len(shown) > DOMINANT_SHARE:
            caveats.append(f"{counts.index[0]} wrote {percent(counts.iloc[0], len(shown))} of the selected articles: "
                           "figures pooled over outlets mostly describe it.")
        undated = int(shown["published"].isna().sum())
        if undated:
            caveats.append(f"{_plural(undated, 'article')} ({percent(undated, len(shown))}) have no publication date "
                           "and are left out of every time axis and lag.")
        if "published_basis" in shown:
            inferred = int((shown["published_basis"] == INFERRED_BASIS).sum())
            if inferred:
                caveats.append(f"{percent(inferred, len(shown))} of the selected articles ({inferred:,}) have a "
                               "publication date inferred from the text, not read from a byline, header or manifest.")
        if "language" in shown:
            other = shown["language"].fillna("unknown")
            foreign = other[other != "en"]
            if len(foreign):
                langs = ", ".join(f"{k} {v}" for k, v in foreign.value_counts().items())
                caveats.append(f"{percent(len(foreign), len(shown))} of the selected articles are not in English "
                               f"({langs}); the extraction's rules are written for English.")
    caveats.append(accuracy_caveat(accuracy, accuracy_split))
    return caveats


def accuracy_caveat(summary: dict | None, split: str = "test") -> str:
    """One sentence: the extraction's accuracy measured on real articles, or that it was never measured."""
    entry = (summary or {}).get("splits", {}).get(split)
    if not entry:
        return "The extraction's accuracy has not been measured on real articles for this code: treat every figure as unchecked."
    figures = entry.get("figures", {})
    parts = []
    f1 = (figures.get("claims") or {}).get("f1")
    if f1 is not None:
        parts.append(f"casualty claims F1 {float(f1):.2f}")
    dates = ((figures.get("metadata") or {}).get("publication_dates") or {}).get("accuracy")
    if dates is not None:
        parts.append(f"publication dates right {percent(float(dates), 1)}")
    corpus = entry.get("corpus", {})
    where = f" on {corpus['articles']} real articles" if corpus.get("articles") else ""
    return (f"Extraction accuracy measured{where} ({split} split of the development corpus): "
            + (", ".join(parts) if parts else "no figure recorded") + "; the figures here carry those errors.")


def id_line_html(report_name: str, report_id: str, articles: int | None, parameters: dict) -> str:
    """The line under the title: report id, corpus size and the parameters that differ from none."""
    asked = {k: v for k, v in parameters.items() if v not in (None, "", [], {})}
    bits = [f"Report id <code>{html.escape(report_id)}</code>"]
    if articles is not None:
        bits.append(f"{articles:,} articles in the corpus")
    if asked:
        bits.append("parameters: " + html.escape(", ".join(f"{k}={v}" for k, v in asked.items())))
    bits.append("<a href='#provenance'>provenance</a>")
    return f"<p class='warcov-id'>{' · '.join(bits)}</p>"
