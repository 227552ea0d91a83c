"""How report tables read: percentages, a few outlets at a time, and evidence with the span highlighted.

Shared by reports 02 and 04 until the report package has its own helpers:

- :func:`percent` writes a share (0.969697) as ``97%``;
- :func:`top_outlets` picks the outlets a figure draws when there are too many
  to read (:data:`TOP_OUTLETS`), the rest pooled as :data:`OTHERS`;
- :func:`evidence` turns rows that carry a sentence and a span into the four
  columns an analyst reads (outlet, claim, sentence, where), and
  :func:`evidence_html` shows them with the span marked, every piece of
  article text escaped.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from analysis.core.values import UNKNOWN_OUTLET

TOP_OUTLETS = 12  # past this many outlets a figure draws the top ones and pools or lists the rest
OTHERS = "others"  # the pooled rest of the outlets in a figure


def percent(share, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage (``0.969697`` -> ``97%``); ``""`` when missing."""
    if share is None or (isinstance(share, float) and math.isnan(share)) or share is pd.NA:
        return ""
    return f"{100 * float(share):.{digits}f}%"


def percents(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """``frame`` with the share ``columns`` (those present) written by :func:`percent`."""
    present = [c for c in columns if c in frame.columns]
    return frame.assign(**{c: frame[c].map(percent).astype(object) for c in present})


def top_outlets(weights: pd.Series, n: int = TOP_OUTLETS) -> list[str]:
    """The ``n`` outlets with the largest ``weights`` (a Series indexed by outlet), ties by name.

    :data:`UNKNOWN_OUTLET` is never among them: articles without an outlet are
    shown apart, not ranked as if they were one outlet.
    """
    known = weights[weights.index != UNKNOWN_OUTLET]
    ordered = known.groupby(level=0).sum().sort_index().sort_values(ascending=False, kind="stable")
    return list(ordered.index[:n])


def pool_outlets(wide: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """Rows of an outlet x value matrix for ``keep`` (in that order), the other outlets summed into :data:`OTHERS`.

    :data:`UNKNOWN_OUTLET` stays its own last row when present. Pass counts, not
    shares: a pooled share is recomputed from the pooled counts by the caller.
    """
    shown = [o for o in keep if o in wide.index]
    rest = [o for o in wide.index if o not in shown and o != UNKNOWN_OUTLET]
    parts = [wide.loc[shown]]
    if rest:
        parts.append(wide.loc[rest].sum().to_frame(f"{OTHERS} ({len(rest)} outlets)").T)
    if UNKNOWN_OUTLET in wide.index:
        parts.append(wide.loc[[UNKNOWN_OUTLET]])
    out = pd.concat(parts)
    out.index.name = wide.index.name
    return out


EVIDENCE_COLUMNS = {
    "outlet": "outlet of the article",
    "claim": "what the row says (a figure, a name, a hedge ...)",
    "sentence": "the sentence it was read from (the span is marked in the report)",
    "where": "article id and character offset of the span in the article's normalized text",
}


def evidence(rows: pd.DataFrame, claim, span: str) -> pd.DataFrame:
    """The evidence of ``rows`` as :data:`EVIDENCE_COLUMNS`, plus ``span`` (the text to mark in the sentence).

    ``claim``: a column name or a list of texts, one per row; ``span``: the
    column holding the exact words found (``evidence``, ``name``, ``marker``).
    ``rows`` need ``outlet``, ``article_id``, ``sentence`` and ``start``.
    """
    claims = rows[claim].astype(str).tolist() if isinstance(claim, str) else [str(c) for c in claim]
    return pd.DataFrame({
        "outlet": rows["outlet"].fillna(UNKNOWN_OUTLET).tolist(),
        "claim": claims,
        "sentence": rows["sentence"].fillna("").astype(str).tolist(),
        "where": [f"{a} @{int(s)}" for a, s in zip(rows["article_id"], rows["start"])],
        "span": rows[span].fillna("").astype(str).tolist(),
    }, columns=[*EVIDENCE_COLUMNS, "span"])


def marked_sentence(sentence: str, span: str) -> str:
    """``sentence`` as escaped HTML with the first occurrence of ``span`` (case-insensitive) in ``<mark>``."""
    at = sentence.lower().find(span.lower()) if span else -1
    if at < 0:
        return html.escape(sentence)
    end = at + len(span)
    return (html.escape(sentence[:at]) + "<mark>" + html.escape(sentence[at:end]) + "</mark>"
            + html.escape(sentence[end:]))


def evidence_html(table: pd.DataFrame, caption: str, max_rows: int = 100, fold_after: int = 15) -> str:
    """:func:`evidence` rows as an HTML table (span marked, text escaped), folded when longer than ``fold_after``."""
    title = html.escape(caption)
    if table.empty:
        return f"<p><b>{title}</b>: <i>none</i></p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in EVIDENCE_COLUMNS)
    body = "".join(
        f"<tr><td>{html.escape(r.outlet)}</td><td style='text-align:left'>{html.escape(r.claim)}</td>"
        f"<td style='min-width:28em;text-align:left'>{marked_sentence(r.sentence, r.span)}</td>"
        f"<td><code>{html.escape(r.where)}</code></td></tr>"
        for r in table.head(max_rows).itertuples())
    markup = f"<table class='warcov-evidence'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if len(table) > max_rows:
        markup += f"<p><i>{len(table) - max_rows} more rows not shown (narrow the selection with outlets or dates to read them).</i></p>"
    if len(table) > fold_after:
        return f"<details><summary><b>{title}</b> ({len(table)} rows, click to show)</summary>{markup}</details>"
    return f"<p><b>{title}</b></p>{markup}"
