"""Tables as an analyst reads them: HTML built cell by cell, every cell escaped.

- Shares print as percentages (``96.9%``, not ``0.969697``): columns named in
  ``percent``, and any float column whose name says share, fraction or
  proportion and whose values lie in [0, 1]; other floats keep three
  significant digits, whole numbers none.
- Numbers are right-aligned; missing values are empty cells.
- A wide pivot (label columns, then more than ``max_columns`` numeric
  columns, e.g. one column per outlet) is transposed when that makes it
  narrower, else split into several tables that repeat the label columns.
- Evidence (:func:`evidence_html`): four columns only (outlet, the claim, the
  sentence with the span highlighted, article id and offset); a table of
  sentences with many columns is shown that way too (:func:`auto_evidence_html`).
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

PERCENT_NAMES = re.compile(r"share|fraction|proportion|percent|pct", re.IGNORECASE)
MAX_COLUMNS = 12


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def format_number(value, percent: bool = False) -> str:
    """One number as text: a share as a percentage, a whole number without decimals, else 3 significant digits."""
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if percent:
        return f"{float(value) * 100:.1f}%"
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value) and value.is_integer()):
        return f"{int(value)}" if abs(value) < 10_000 else f"{int(value):,}"
    if isinstance(value, float) and not math.isfinite(value):
        return "∞" if value > 0 else "−∞" if value < 0 else ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return str(value)


def percent_columns(frame: pd.DataFrame, percent=()) -> set:
    """The columns shown as percentages: those named in ``percent``, and float shares in [0, 1]."""
    chosen = set(percent or ())
    for column in frame.columns:
        series = frame[column]
        if (isinstance(column, str) and PERCENT_NAMES.search(column) and pd.api.types.is_float_dtype(series)
                and series.dropna().between(0, 1).all()):
            chosen.add(column)
    return chosen


def _numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def cell_text(value, percent: bool = False) -> str:
    """A cell's escaped text."""
    if _missing(value):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return html.escape(format_number(value, percent))
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        return cell_text(value.item(), percent)
    return html.escape(str(value))


def table_html(frame: pd.DataFrame, percent=(), raw_columns=(), classes: str = "") -> str:
    """``frame`` as an HTML table (index left out): escaped cells, numbers right-aligned, shares as percentages.

    ``raw_columns``: columns whose cells are already HTML (built by this module) and are not escaped again.
    """
    shares = percent_columns(frame, percent)
    numeric = {c for c in frame.columns if _numeric(frame[c])}
    head = "".join(f"<th class='num'>{html.escape(str(c))}</th>" if c in numeric else f"<th>{html.escape(str(c))}</th>"
                   for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for column, value in zip(frame.columns, row):
            text = value if column in raw_columns else cell_text(value, column in shares)
            css = (" class='num'" if column in numeric else " class='sentence'" if column == "sentence"
                   else " class='nw'" if len(text) <= 16 and " " not in text else "")
            cells.append(f"<td{css}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<div class='warcov-table'><table class='{html.escape(classes)}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


def label_columns(frame: pd.DataFrame) -> list:
    """The leading non-numeric columns of ``frame`` (the labels of a pivot's rows)."""
    labels = []
    for column in frame.columns:
        if _numeric(frame[column]):
            break
        labels.append(column)
    return labels


def is_wide_pivot(frame: pd.DataFrame, max_columns: int = MAX_COLUMNS) -> bool:
    """More than ``max_columns`` columns, all numeric after the leading label columns."""
    labels = label_columns(frame)
    values = [c for c in frame.columns if c not in labels]
    return len(frame.columns) > max_columns and bool(values) and all(_numeric(frame[c]) for c in values)


def transpose_pivot(frame: pd.DataFrame) -> pd.DataFrame:
    """A pivot with its rows as columns: the label columns (joined by `` · ``) name the new columns."""
    labels = label_columns(frame)
    values = frame.drop(columns=labels)
    if labels:
        names = [" · ".join(str(v) for v in row) for row in frame[labels].itertuples(index=False, name=None)]
    else:
        names = [str(i) for i in frame.index]
    turned = pd.DataFrame(values.to_numpy().T, columns=names)
    for i in range(turned.shape[1]):
        try:
            turned.isetitem(i, pd.to_numeric(turned.iloc[:, i]))
        except (TypeError, ValueError):
            pass
    turned.insert(0, " · ".join(str(label) for label in labels) or "column", [str(c) for c in values.columns])
    return turned


def split_columns(frame: pd.DataFrame, max_columns: int = MAX_COLUMNS) -> list[pd.DataFrame]:
    """``frame`` as several tables of at most ``max_columns`` columns, each repeating the label columns."""
    labels = label_columns(frame)
    values = [c for c in frame.columns if c not in labels]
    width = max(1, max_columns - len(labels))
    return [frame[labels + values[i:i + width]] for i in range(0, len(values), width)]


def narrow(frame: pd.DataFrame, max_columns: int = MAX_COLUMNS) -> list[pd.DataFrame]:
    """A wide pivot made readable: transposed when it then fits in ``max_columns``, else split; other frames as they are."""
    if not is_wide_pivot(frame, max_columns):
        return [frame]
    if len(frame) + 1 <= max_columns:
        return [transpose_pivot(frame)]
    return split_columns(frame, max_columns)


def highlight(sentence, span) -> str:
    """``sentence`` escaped, with the first occurrence of ``span`` (exact, else ignoring case) in ``<mark>``."""
    if _missing(sentence):
        return html.escape(str(span)) if not _missing(span) else ""
    sentence = str(sentence)
    if _missing(span) or not str(span):
        return html.escape(sentence)
    span = str(span)
    at = sentence.find(span)
    if at < 0:
        at = sentence.lower().find(span.lower())
    if at < 0:
        return html.escape(sentence) + f" <small>[span: <mark>{html.escape(span)}</mark>]</small>"
    end = at + len(span)
    return html.escape(sentence[:at]) + f"<mark>{html.escape(sentence[at:end])}</mark>" + html.escape(sentence[end:])


def evidence_frame(frame: pd.DataFrame, span: str, claim=(), sentence: str = "sentence", outlet: str = "outlet",
                   article: str = "article_id", offset: str | None = "start") -> pd.DataFrame:
    """Four columns: outlet, claim (the ``claim`` columns joined by `` · ``), sentence (HTML, span marked), article@offset."""
    claim = [claim] if isinstance(claim, str) else list(claim)
    rows = frame.reset_index(drop=True)

    def joined(row) -> str:
        return " · ".join(cell_text(row[c]) for c in claim if c in row and not _missing(row[c]))

    def where(row) -> str:
        text = cell_text(row[article]) if article in row else ""
        if offset and offset in row and not _missing(row[offset]):
            text += f" @ {cell_text(row[offset])}"
        return text

    records = [{
        "outlet": cell_text(row[outlet]) if outlet in row else "",
        "claim": joined(row),
        "sentence": highlight(row.get(sentence), row.get(span)),
        "article @ offset": where(row),
    } for _, row in rows.iterrows()]
    columns = ["outlet", "claim", "sentence", "article @ offset"]
    out = pd.DataFrame(records, columns=columns)
    return out if claim else out.drop(columns=["claim"])


def evidence_html(frame: pd.DataFrame, span: str, claim=(), labelled: bool = False, **names) -> str:
    """The evidence table's HTML (:func:`evidence_frame`, its cells already escaped).

    ``labelled``: the claim column lists each of its fields as ``name: value``
    on a line of its own, instead of joining the values.
    """
    compact = evidence_frame(frame, span, () if labelled else claim, **names)
    if labelled:
        fields = [c for c in ([claim] if isinstance(claim, str) else list(claim)) if c in frame.columns]
        lines = ["<br>".join(f"<small>{html.escape(str(c))}:</small> {cell_text(v)}" for c, v in zip(fields, row)
                             if not _missing(v) and str(v) != "")
                 for row in frame[fields].itertuples(index=False, name=None)]
        compact.insert(1, "claim", lines)
    return table_html(compact, raw_columns=set(compact.columns), classes="warcov-evidence")


SPAN_COLUMNS = ("evidence", "expression", "marker", "name_written", "name", "source", "figure")
PLUMBING = {"sentence", "sentence_index", "start", "end", "text", "outlet", "article_id"}
EVIDENCE_AFTER = 7  # a table with a sentence column and more columns than this is shown as evidence


def looks_like_evidence(frame: pd.DataFrame) -> bool:
    """A table of sentences with many columns: shown in evidence form so the sentence keeps its width."""
    return "sentence" in frame.columns and frame.shape[1] > EVIDENCE_AFTER


def auto_evidence_html(frame: pd.DataFrame) -> str:
    """:func:`evidence_html` for a table that :func:`looks_like_evidence`: the span column guessed, every other
    column listed by name in the claim cell."""
    span = next((c for c in SPAN_COLUMNS if c in frame.columns), None)
    claim = [c for c in frame.columns if c not in PLUMBING and c != span]
    offset = "start" if "start" in frame.columns else None
    return evidence_html(frame, span or "sentence", claim, labelled=True, offset=offset)
