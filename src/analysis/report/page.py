"""The frame of every report page: the id line at the top, findings, caveats computed from the corpus.

A report opens with its title, one line naming the report id and the corpus,
then **Findings**: sentences the notebook computes from its tables, each
pointing to the figure or table behind it (:class:`Finding`), then
**Caveats** computed from the corpus itself (``report.caveats``). Nothing
here is written for one corpus. The provenance closes the page, folded (``render.how_to_cite``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable



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
        return f" <i>({html.escape(finding.label)})</i>" if finding.label else ""
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
