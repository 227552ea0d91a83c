"""The figures of the reports: the kinds of chart the notebooks draw, and saving each with its numbers.

A notebook says what to draw (which table, which labels, which colours from
:mod:`analysis.report.palette`); these helpers say how, so the four reports
draw a heatmap, a bar chart, a timeline or an empty section the same way.
Every helper draws on an axes the notebook made with :func:`figure` and
leaves the title to the notebook; :func:`save_figure` then writes the figure
as SVG, PNG and PDF beside a CSV of the numbers behind it
(``reports/figures/<report>/<stem>.*``) and shows it once in the report.
"""

from __future__ import annotations

import base64
import html
import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullLocator

from analysis.core import catalog
from analysis.core.spreadsheet_cells import write_figure_csv
from analysis.report.page import figure_anchor
from analysis.report.palette import CATEGORICAL, OTHERS_LABEL

# Fixed metadata, so the same figure gives the same bytes on every run.
FIXED_METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}

# ------------------------------------------------------ figures and files ----


def figure(width: float, height: float, nrows: int = 1, ncols: int = 1, **kwargs):
    """A new figure ``width`` x ``height`` inches and its axes (``plt.subplots``; ``kwargs`` go to it)."""
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def panels(n: int, row_height: float, ncols: int = 3, panel_width: float = 4.0):
    """A figure of ``n`` small panels, at most ``ncols`` a row: ``(fig, [axes of each panel])``.

    Cells past ``n`` are left blank; with ``n == 0`` there is one blank
    panel, to hold an :func:`empty` message.
    """
    cols = min(n, ncols) or 1
    rows = max(1, -(-n // cols))
    fig, axes = plt.subplots(rows, cols, figsize=(panel_width * cols, row_height * rows), squeeze=False)
    for ax in axes.flat[n:]:
        ax.set_axis_off()
    return fig, list(axes.flat)


def empty(ax, message: str) -> None:
    """Say on ``ax`` why there is nothing to draw (the selection has no rows for it), and hide the axes."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def placeholder(message: str, width: float = 8.0, height: float = 1.2):
    """A low figure holding only ``message``, for a section that has nothing to draw."""
    fig, ax = figure(width, height)
    empty(ax, message)
    return fig


def figure_html(png: bytes, stem: str, files: str, has_data: bool) -> str:
    """The figure as it sits in the page: the PNG embedded, an id findings link to, links to its files beside the page."""
    data = f"<a href='{files}/{stem}.csv'>numbers (CSV)</a> · " if has_data else ""
    return (f"<figure id='{html.escape(figure_anchor(stem))}'>"
            f"<img src='data:image/png;base64,{base64.b64encode(png).decode()}' alt='figure {html.escape(stem)}'>"
            f"<figcaption>{data}<a href='{files}/{stem}.svg'>SVG</a> · <a href='{files}/{stem}.pdf'>PDF</a> · "
            f"<a href='{files}/{stem}.png'>PNG</a></figcaption></figure>")


def save_figure(report, fig, stem: str, data=None) -> None:
    """Show ``fig`` in the report and save it as SVG, PNG and PDF (``data`` as CSV, its index included).

    Files go to ``reports/figures/<report>/<stem>.*`` (``report.figures_dir``,
    beside the HTML). The figure is shown once, from its PNG bytes, with the
    id ``fig-<stem>`` (a finding links to it) and links to its files, and then
    closed, so it gives the same bytes whatever the notebook's matplotlib backend.
    """
    from IPython.display import HTML, display

    folder = report.figures_dir
    folder.mkdir(parents=True, exist_ok=True)
    for ext, meta in FIXED_METADATA.items():
        target = folder / f"{stem}.{ext}"
        catalog.atomic_write(target, lambda tmp, ext=ext, meta=meta: fig.savefig(tmp, format=ext, metadata=meta,
                                                                                 bbox_inches="tight"))
    if data is not None:
        catalog.atomic_write(folder / f"{stem}.csv", lambda tmp: write_figure_csv(data, tmp))
    files = f"figures/{html.escape(folder.name)}"
    display(HTML(figure_html((folder / f"{stem}.png").read_bytes(), stem, files, data is not None)))
    plt.close(fig)


# ------------------------------------------------------ many outlets ----

MAX_SERIES = 12  # past this many outlets a figure shows the top ones and "other outlets", or small multiples


def top_columns(wide: pd.DataFrame, n: int = MAX_SERIES, label: str = OTHERS_LABEL) -> pd.DataFrame:
    """``wide`` (one column per outlet) with its ``n`` largest columns (by total) and the rest summed into ``label``.

    Columns keep their order; the summed column comes last. At most ``n``
    columns come back as they are.
    """
    if wide.shape[1] <= n:
        return wide
    totals = wide.sum(numeric_only=True)
    keep = set(totals.sort_values(ascending=False, kind="stable").index[: n - 1])
    kept = [c for c in wide.columns if c in keep]
    rest = [c for c in wide.columns if c not in keep]
    out = wide[kept].copy()
    out[label] = wide[rest].sum(axis=1)
    return out


def top_labels(values: pd.Series, n: int = MAX_SERIES, label: str = OTHERS_LABEL) -> pd.Series:
    """``values`` (outlet names, one per row) with all but the ``n - 1`` most frequent replaced by ``label``."""
    counts = values.value_counts(dropna=False)
    if len(counts) <= n:
        return values
    keep = set(counts.index[: n - 1])
    return values.where(values.isin(keep), label)


def panel_grid(n: int, ncols: int = 4, panel_width: float = 3.0, row_height: float = 2.2, **kwargs):
    """Small multiples: :func:`panels` with shared axes by default, for one panel per outlet past :data:`MAX_SERIES`."""
    cols = min(n, ncols) or 1
    rows = max(1, -(-n // cols))
    kwargs.setdefault("sharex", True)
    kwargs.setdefault("sharey", True)
    fig, axes = plt.subplots(rows, cols, figsize=(panel_width * cols, row_height * rows), squeeze=False, **kwargs)
    for ax in axes.flat[n:]:
        ax.set_axis_off()
    return fig, list(axes.flat)


def clip_dates(dates: pd.Series, low: float = 0.01, high: float = 0.99, pad_days: int = 3):
    """``(start, end, outliers)``: a time axis that covers the corpus's period, not one stray date.

    The axis runs from the ``low`` to the ``high`` quantile of ``dates``
    (widened by ``pad_days``), extended to any date within 30 days of it;
    ``outliers`` is the boolean mask of the dates left outside, to list
    under the figure. Dates may be ``datetime.date`` or timestamps; missing
    ones are ignored (and never outliers).
    """
    stamps = pd.to_datetime(pd.Series(dates), errors="coerce")
    known = stamps.dropna()
    if known.empty:
        return None, None, pd.Series(False, index=stamps.index)
    start, end = known.quantile(low), known.quantile(high)
    gap = pd.Timedelta(days=30)
    inside = known[(known >= start - gap) & (known <= end + gap)]
    start, end = inside.min() - pd.Timedelta(days=pad_days), inside.max() + pd.Timedelta(days=pad_days)
    outliers = stamps.notna() & ((stamps < start) | (stamps > end))
    return start, end, outliers


def robust_limits(values, low: float = 0.02, high: float = 0.98) -> tuple[float, float]:
    """``(vmin, vmax)`` for a colour scale that one outlier does not saturate: the ``low``–``high`` quantiles."""
    array = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce").dropna(), dtype=float)
    array = array[np.isfinite(array)]
    if array.size == 0:
        return 0.0, 1.0
    vmin, vmax = float(np.quantile(array, low)), float(np.quantile(array, high))
    return (vmin, vmax) if vmax > vmin else (vmin, vmin + 1.0)


# --------------------------------------------------------- axes and keys ----


def legend_outside(ax, handles=None, title: str | None = None, fontsize: str = "small"):
    """The legend to the right of the axes, top-aligned (every report's legend sits there)."""
    if handles is not None:
        return ax.legend(handles=handles, title=title, fontsize=fontsize, bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax.legend(title=title, fontsize=fontsize, bbox_to_anchor=(1.01, 1), loc="upper left")


def legend_key(label: str, colour, marker: str = "o", line_width: float | None = None, hollow: bool = False) -> Line2D:
    """A legend entry drawn from nothing: a marker, on a line of ``line_width`` when given, hollow if asked."""
    style = {"lw": line_width} if line_width else {"linestyle": "none"}
    if hollow:
        style["markerfacecolor"] = "none"
    return Line2D([], [], color=colour, marker=marker, label=label, **style)


def integer_ticks(axis) -> None:
    """Ticks at whole numbers only on ``axis`` (``ax.xaxis`` or ``ax.yaxis``): counts and days."""
    axis.set_major_locator(MaxNLocator(integer=True))


def thousands(axis) -> None:
    """Tick labels as whole numbers with thousands separators (1,000) on ``axis``."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))


def date_axis(ax, label: str | None = None, minticks: int = 5, maxticks: int = 10) -> None:
    """Calendar dates (YYYY-MM-DD, slanted) on the x axis; call it once the limits are set."""
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=minticks, maxticks=maxticks))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.figure.autofmt_xdate()
    if label is not None:
        ax.set_xlabel(label)


def symlog_axis(ax, which: str, low: float, high: float, ticks, label: str | None = None,
                minor_ticks: bool = True, fontsize: str | None = None) -> None:
    """A count axis (``which``: ``"x"`` or ``"y"``) on a symmetric log scale, linear below 10, from ``low`` to ``high``.

    ``ticks``: where to put ticks (``compare.tolls.symlog_ticks`` picks them),
    labelled with thousands separators; ``minor_ticks=False`` drops the
    unlabelled ones between them.
    """
    getattr(ax, f"set_{which}scale")("symlog", linthresh=10)
    getattr(ax, f"set_{which}lim")(low, high)
    getattr(ax, f"set_{which}ticks")(ticks)
    axis = ax.xaxis if which == "x" else ax.yaxis
    if not minor_ticks:
        axis.set_minor_locator(NullLocator())
    thousands(axis)
    if label is not None:
        getattr(ax, f"set_{which}label")(label, **({"fontsize": fontsize} if fontsize else {}))


def row_axis(ax, positions, labels, fontsize: str | None = None, separators: bool = False) -> None:
    """One labelled row per position on the y axis (0 at the top), a thin line between rows if asked."""
    positions = list(positions)
    ax.set_yticks(positions, labels, **({"fontsize": fontsize} if fontsize else {}))
    ax.set_ylim(max(positions) + 0.5, -0.5)
    if separators:
        for boundary in range(len(positions) - 1):
            ax.axhline(boundary + 0.5, color="#dddddd", linewidth=0.6, zorder=1)


def spread(n: int, half_width: float) -> np.ndarray:
    """Offsets that spread ``n`` markers of one row evenly over ``±half_width`` (one marker stays centred)."""
    return np.linspace(-half_width, half_width, n) if n > 1 else np.zeros(1)


def note(ax, xy, text: str, offset=(3, 4), **style):
    """``text`` beside the data point ``xy``, ``offset`` points away (``style``: fontsize, color, ha, va ...)."""
    return ax.annotate(text, xy, xytext=offset, textcoords="offset points", **style)


# -------------------------------------------------------------- markers ----


def dots(ax, x, y, hollow, colour, marker: str = "o", size: float = 26, label: str | None = None) -> None:
    """Markers at ``x``, ``y``: filled, or hollow where ``hollow`` (a boolean array) is true."""
    hollow = np.asarray(hollow, dtype=bool)
    labelled = {"label": label} if label is not None else {}
    ax.scatter(x[~hollow], y[~hollow], marker=marker, color=colour, s=size, zorder=3, **labelled)
    ax.scatter(x[hollow], y[hollow], marker=marker, facecolors="none", edgecolors=colour, s=size, zorder=3)


def box_dots(ax, rows, labels, colour="tab:blue", size: float = 22, half_width: float = 0.18) -> None:
    """A horizontal box plot per row (median, quartiles, no outliers) over its values, each value also a dot.

    ``rows``: one ``(values, hollow)`` pair per row, top row first; the dots
    of a row are spread vertically in the order given (``hollow``: drawn hollow).
    """
    ax.boxplot([np.asarray(values) for values, _ in rows], orientation="horizontal", widths=0.5, showfliers=False)
    for position, (values, hollow) in enumerate(rows, start=1):
        dots(ax, values, position + spread(len(values), half_width), hollow, colour, size=size)
    ax.set_yticks(range(1, len(labels) + 1), labels)


def labelled_scatter(ax, x, y, labels, sizes) -> None:
    """A point per label at ``x``, ``y`` (marker area ``sizes``), each named beside it, on equal axes.

    For maps where only distances mean something (multidimensional scaling).
    """
    ax.scatter(x, y, s=sizes)
    for label, xi, yi in zip(labels, x, y):
        note(ax, (xi, yi), label, offset=(4, 4))
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.25)


# ----------------------------------------------------------------- bars ----


def stacked_columns(ax, x, wide: pd.DataFrame, colours, width: float = 0.8) -> None:
    """Vertical bars at ``x`` (one per row of ``wide``), stacked by column in column order, coloured ``colours``."""
    bottom = None
    for name, colour in zip(wide.columns, colours):
        counts = wide[name].to_numpy()
        ax.bar(x, counts, bottom=bottom, width=width, label=name, color=colour)
        bottom = counts if bottom is None else bottom + counts


def hbars(ax, labels, values, xlabel: str | None = None, top_down: bool = False,
          reference: float | None = None) -> None:
    """One horizontal bar per label; ``top_down`` puts the first label on top; a dashed line at ``reference``."""
    ax.barh(labels, values)
    if top_down:
        ax.invert_yaxis()
    if reference is not None:
        ax.axvline(reference, color="grey", linewidth=0.8, linestyle="--")
    if xlabel is not None:
        ax.set_xlabel(xlabel)


def grouped_hbars(ax, labels, series: dict, height: float = 0.8) -> None:
    """Side-by-side horizontal bars: one group per label (first on top), one bar per series ``{name: values}``."""
    positions = np.arange(len(labels))
    bar = height / len(series)
    for k, (name, values) in enumerate(series.items()):
        ax.barh(positions + (k - (len(series) - 1) / 2) * bar, values, height=bar, label=name)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()


def stacked_shares(ax, wide: pd.DataFrame, xlabel: str, legend_title: str, colours=None) -> None:
    """One horizontal bar per row of ``wide`` (first on top), split into its columns' shares (0 to 1)."""
    ax = wide.plot(kind="barh", stacked=True, ax=ax, width=0.7, **({"color": colours} if colours is not None else {}))
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    legend_outside(ax, title=legend_title)


def grouped_bars(ax, wide: pd.DataFrame, ylabel: str, legend_title: str, colours=None) -> None:
    """Vertical bars: one group per row of ``wide`` (labelled level), one bar per column."""
    ax = wide.plot(kind="bar", ax=ax, width=0.75, **({"color": colours} if colours is not None else {}))
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    ax.tick_params(axis="x", rotation=0)
    legend_outside(ax, title=legend_title)


def segmented_hbars(ax, bars, xlabel: str) -> None:
    """One horizontal bar per ``(label, segments)`` (first on top), split into ``(share, text[, colour])`` segments.

    A segment without a colour of its own takes the k-th categorical colour
    (k its place in the bar); each shows its text inside, so a bar reads as
    "which share of it is what".
    """
    for y, (_, segments) in enumerate(bars):
        left = 0.0
        for k, (share, text, *colour) in enumerate(segments):
            fill = colour[0] if colour else CATEGORICAL[k % len(CATEGORICAL)]
            ax.barh(y, share, left=left, color=fill, edgecolor="white", height=0.7)
            ax.text(left + share / 2, y, text, ha="center", va="center", fontsize="small", color="white")
            left += share
    ax.set_yticks(range(len(bars)), [label for label, _ in bars])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)


# ------------------------------------------------------------- matrices ----


def luminance_ink(rgba) -> str:
    """Black or white, whichever reads better on the background colour ``rgba``."""
    red, green, blue = rgba[:3]
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 else "white"


def heatmap(ax, matrix: pd.DataFrame, cmap: str, fmt=str, ink="auto", vmin=None, vmax=None,
            aspect: str | None = "auto", fontsize: str | None = None, xrotation: float | None = None,
            marked: pd.DataFrame | None = None, missing: str | None = None, colorbar: dict | None = None):
    """A matrix as coloured cells, each cell annotated with its value; returns the image.

    - ``fmt(value)`` gives a cell's text (``""``: no text);
    - ``ink``: the text colour, ``"auto"`` (black or white by the cell's
      colour), a fixed colour, or ``ink(value)``;
    - ``marked``: a boolean matrix of the same shape; marked cells are
      hatched and their text ends in ``*``;
    - ``missing``: the colour behind empty (NaN) cells, which get no text;
    - ``colorbar``: keyword arguments of ``fig.colorbar`` (``label``,
      ``shrink`` ...), ``integer=True`` for whole-number ticks.
    """
    values = matrix.to_numpy()
    shown = np.ma.masked_invalid(values) if missing is not None else values
    scale = {"aspect": aspect} if aspect is not None else {}
    image = ax.imshow(shown, cmap=cmap, vmin=vmin, vmax=vmax, **scale)
    if missing is not None:
        ax.set_facecolor(missing)
    sized = {"fontsize": fontsize} if fontsize else {}
    for (i, j), value in np.ndenumerate(values):
        if missing is not None and np.isnan(value):
            continue
        star = marked is not None and bool(marked.iat[i, j])
        if star:
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///", edgecolor="grey", linewidth=0))
        text = fmt(value)
        if not text:
            continue
        colour = luminance_ink(image.cmap(image.norm(value))) if ink == "auto" else ink(value) if callable(ink) else ink
        ax.text(j, i, text + ("*" if star else ""), ha="center", va="center", color=colour, **sized)
    slant = {"rotation": xrotation, "ha": "right"} if xrotation else {}
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, **slant)
    ax.set_yticks(range(matrix.shape[0]), matrix.index)
    if colorbar is not None:
        options = dict(colorbar)
        if options.pop("integer", False):
            options["ticks"] = MaxNLocator(integer=True)
        ax.figure.colorbar(image, ax=ax, **options)
    return image


# ------------------------------------------------------ counts with ranges ----


def interval_dot(ax, y: float, low: float, high: float, count, colour, right: float) -> None:
    """A figure of people as a horizontal line over its interval ``low``–``high`` at height ``y``.

    The line stops at ``right`` and ends in an arrow when the interval is
    open (``high`` infinite); a dot marks the exact ``count`` when there is one.
    """
    end = min(high, right)
    ax.plot([low, end], [y, y], color=colour, lw=1.5, alpha=0.7)
    if math.isinf(high):
        ax.plot([end], [y], marker=">", color=colour, ms=6)
    if pd.notna(count):
        ax.plot([count], [y], marker="o", color=colour, ms=7)


def running_total(ax, rows: pd.DataFrame, colour, palette, max_notes: int = 40) -> None:
    """One claimant's running total over time: steps through the exact counts, a marker per report.

    ``rows``: the claims of one series by publication date (columns
    ``published``, ``count``, ``count_low``, ``count_high``, ``outlet``,
    ``figure``). A vague or open figure is a pale vertical band over its
    interval (an open one reaches half again above its low end); the marker
    shape is the relaying outlet's (``palette``). A figure is labelled where it
    changes (at most ``max_notes`` labels), so a total relayed by fifty outlets
    is one label, not fifty; a few artists per series keep large corpora quick.
    """
    exact = rows[rows["count"].notna()]
    if len(exact) > 1:
        ax.step(exact["published"], exact["count"].astype(float), where="post", color=colour, lw=1.2)
    banded = rows[np.isinf(rows["count_high"].astype(float)) | (rows["count_high"] != rows["count_low"])]
    if len(banded):
        tops = [h if not math.isinf(h) else lo * 1.5 for lo, h in zip(banded["count_low"], banded["count_high"])]
        ax.vlines(list(banded["published"]), list(banded["count_low"]), tops, color=colour, lw=3, alpha=0.4)
    for outlet, marks in exact.groupby(exact["outlet"].fillna(""), sort=True):
        ax.plot(list(marks["published"]), marks["count"].astype(float).tolist(), marker=palette.marker(outlet or None),
                color=colour, ms=7, ls="")
    shown, noted = None, 0
    for r in rows.itertuples():
        if r.figure == shown or noted >= max_notes:
            continue
        note(ax, (r.published, float(r.count) if pd.notna(r.count) else r.count_low), r.figure, offset=(5, 0),
             fontsize="x-small", color=colour, va="center")
        shown, noted = r.figure, noted + 1
