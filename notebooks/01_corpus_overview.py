# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: warcov (.venv)
#     language: python
#     name: warcov
# ---

# %% [markdown]
# # 01 · Corpus overview
#
# What the corpus holds: articles per outlet, when they were published, how long they are, where each
# publication date came from, and every metadata problem or file that could not be ingested.

# %% tags=["parameters"]
raw_dir = None  # raw article folder, None for the project's data/raw
processed_dir = None  # processed tables folder, None for the project's data/processed
outlets = []  # outlets to show, empty for all
date_from = None  # first publication date shown (YYYY-MM-DD), None for no bound
date_to = None  # last publication date shown (YYYY-MM-DD), None for no bound

# %%

import numpy as np
import pandas as pd

from analysis.core import catalog
from analysis.compare import overview
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette

report = reports.start("01_corpus_overview", raw_dir=raw_dir, processed_dir=processed_dir,
                       outlets=outlets, date_from=date_from, date_to=date_to)
all_articles = catalog.load("articles", report.tables)
palette = OutletPalette.from_articles(all_articles)
articles = overview.select_articles(all_articles, outlets, date_from, date_to)
errors = catalog.load("ingest_errors", report.tables)
problems = errors[errors["reason"] != "skipped"]  # skipped: the manifest, sums, READMEs (not articles)
failed = catalog.load("extraction_errors", report.tables)
groups = overview.outlet_groups(articles["outlet"])
others = {shown for outlet, shown in groups.items() if outlet != shown}
period = overview.publication_period(articles["published"])
per_outlet = overview.articles_per_outlet(articles)
outliers = overview.date_outliers(articles, period)
lengths = overview.length_summary(articles, groups)


def colour(name):
    """An outlet's colour in every report; the group of the other outlets is grey."""
    return "#b0b0b0" if name in others else palette.colour(name)



reports.show_findings([reports.Finding(text, label=where) for text, where in
                       overview.overview_findings(articles, all_articles, per_outlet, period, outliers, lengths)])
reports.show_caveats(reports.corpus_caveats(all_articles, articles, catalog.accuracy_summary(), measure="metadata")
            + [f"{len(problems)} raw file(s) or manifest row(s) could not be ingested (last section)."] * bool(len(problems))
            + [f"{failed['article_id'].nunique()} article(s) failed {len(failed)} extraction stage(s): their claims, "
               f"dates or framing from those stages are missing (last section)."] * bool(len(failed)))

# %% [markdown]
# ## Articles per outlet
# Table 1: busiest outlet first; articles with no outlet are counted apart as `(unknown)`, last.

# %%
reports.show_table(per_outlet, caption="Table 1 · Articles per outlet")

# %% [markdown]
# ## Publication timeline
# Figure 1: articles per publication day (per week or month on a long corpus), stacked by outlet; past twelve
# outlets the quieter ones are one grey group. The axis covers the corpus period: an article dated far outside
# it (a stray or wrong date) is listed below the figure instead of stretching the axis. Articles without a
# date are left out.

# %%
timeline = overview.publication_timeline(articles, groups, period)
fig, ax = plots.figure(9, 3.2)
if timeline.empty:
    plots.empty(ax, "No selected article has a publication date.")
else:
    unit = overview.time_bin(period)
    days = pd.to_datetime(pd.Series(timeline.index)).to_numpy()
    width = overview.bin_width(unit)
    plots.stacked_columns(ax, days, timeline, [colour(c) for c in timeline.columns], width=width)
    pad = pd.Timedelta(days=1 if unit == "day" else 7 if unit == "week" else 31)
    ax.set_xlim(days.min() - pad, days.max() + pad)
    plots.date_axis(ax, f"publication date (bars per {unit})", minticks=3)
    ax.set_ylabel(f"articles per {unit}")
    plots.integer_ticks(ax.yaxis)
    plots.legend_outside(ax, title="outlet")
ax.set_title(f"Figure 1 · Articles per {overview.time_bin(period) if period[0] else 'day'}"
             + (f", {period[0]} to {period[1]}" if period[0] else ""))
plots.save_figure(report, fig, "timeline", data=timeline)
reports.show_table(outliers, caption="Articles dated outside the corpus period (not plotted)")

# %% [markdown]
# ## Article lengths
# Figure 2: words in each article's normalized text (whitespace-separated tokens, page debris removed). Left, how
# many articles have how many words; right, the spread per outlet (box: middle half, line: median, whiskers:
# the rest; a dot per article; the busiest twelve outlets by name).

# %%
fig, (left, right) = plots.figure(10, 1.6 + 0.32 * max(len(lengths), 3), ncols=2, width_ratios=[1, 1.3],
                                   layout="constrained")
if articles.empty:
    plots.empty(left, "No article selected.")
    right.set_axis_off()
else:
    words = articles["n_words"].astype(float)
    left.hist(words, bins=min(30, max(5, int(np.sqrt(len(words))))), color="#4c78a8")
    left.set_xlabel("words per article")
    left.set_ylabel("articles")
    plots.integer_ticks(left.yaxis)
    shown = overview.named(articles["outlet"]).map(groups)
    names = [g for g in overview.group_order(groups) if (shown == g).any()]
    right.boxplot([words[shown.to_numpy() == g] for g in names], orientation="horizontal", widths=0.6,
                  flierprops={"markersize": 3})
    for position, name in enumerate(names, start=1):  # every article a dot, so a one-article outlet shows too
        values = words[shown.to_numpy() == name].to_numpy()
        right.scatter(values, position + plots.spread(len(values), 0.2), s=6, color="#555555", alpha=0.5, zorder=3)
    right.set_yticks(range(1, len(names) + 1), names, fontsize="small")
    right.invert_yaxis()
    right.set_xlabel("words per article")
fig.suptitle("Figure 2 · Words per article")
plots.save_figure(report, fig, "lengths", data=lengths)
reports.show_table(lengths, caption="Words per article by outlet")

# %% [markdown]
# ## Where each publication date came from
# `date_given_by` says who established the date. When the manifest (`manifest.csv` beside the raw files) gives a
# date, it wins, and `published_basis` is the manifest's own basis column: how the person who made the manifest
# established the date — `byline` (from a dated byline or dateline), `header` (from a ` date` line at the top of
# the file), `text` (read from the article text: less certain, and lags built on it are marked inferred in report
# 03), `external` (from outside the text, e.g. the article's address or the original publication), or `manifest`
# when the manifest gives no basis. Without a manifest date, warcov reads the date from the file itself, and the
# basis says where: `header`, `byline`, or `text` (inferred from the text, with a range of possible dates).
# `unknown`: no date. The second table gives the same per outlet, one outlet a row.

# %%
given_by = overview.date_given_by(articles, raw_dir)
reports.show_table(overview.date_sources(articles, given_by), caption="Table 2 · Who gave the publication dates")
reports.show_table(overview.date_sources_by_outlet(articles), caption="Table 3 · Basis of the publication dates per outlet")
reports.show_table(overview.languages(articles), caption="Table 4 · Languages detected")
reports.show_table(articles.assign(date_given_by=given_by, outlet=overview.named(articles["outlet"]).to_numpy())[
    ["article_id", "outlet", "title", "published", "date_given_by", "published_basis", "republished_by", "language"]],
    caption="Every selected article")

# %% [markdown]
# ## Flags and ingest errors
# Metadata problems found on ingested articles, then raw files (or manifest rows) that did not become articles,
# then articles on which a stage of extraction failed or ran past the time limit (listed only when there are any).

# %%
reports.show_table(overview.article_flags(articles), caption="Flags")
reports.show_table(errors[["source_file", "row", "column", "reason", "detail"]], caption="Ingest errors")
if len(failed):
    reports.show_table(failed[["article_id", "stage", "error_type", "message"]], caption="Extraction errors")

# %%
reports.how_to_cite(report)
