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
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
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
import pandas as pd

from analysis.core import catalog
from analysis.compare import overview
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette

report = reports.start("01_corpus_overview", raw_dir=raw_dir, processed_dir=processed_dir,
                       outlets=outlets, date_from=date_from, date_to=date_to)
all_articles = catalog.load("articles", processed_dir)
palette = OutletPalette.from_articles(all_articles)
articles = overview.select_articles(all_articles, outlets, date_from, date_to)
errors = catalog.load("ingest_errors", processed_dir)
print(f"{len(articles)} of {len(all_articles)} articles selected; {len(errors)} ingest errors.")

# %% [markdown]
# ## Articles per outlet

# %%
per_outlet = overview.articles_per_outlet(articles)
reports.show_table(per_outlet)

# %% [markdown]
# ## Publication timeline
# Articles per publication day, stacked by outlet, on a calendar axis (days without articles keep their place).
# Articles without a known date are left out (see the flags below).

# %%
timeline = overview.publication_timeline(articles)
fig, ax = plots.figure(8, 3)
if not timeline.empty:
    days = pd.to_datetime(pd.Series(timeline.index)).to_numpy()
    plots.stacked_columns(ax, days, timeline, palette.colours(timeline.columns))
    ax.set_xlim(days.min() - pd.Timedelta(days=1), days.max() + pd.Timedelta(days=1))
    plots.date_axis(ax, "publication date", minticks=3)
    ax.set_ylabel("articles")
    plots.integer_ticks(ax.yaxis)
    plots.legend_outside(ax, title="outlet")
ax.set_title("Articles per day")
plots.save_figure(report, fig, "timeline", data=timeline)

# %% [markdown]
# ## Article lengths
# Words in each article's normalized text (whitespace-separated tokens, page debris removed), one bar per article.

# %%
fig, ax = plots.figure(8, 1 + 0.4 * max(len(articles), 1))
lengths = articles.set_index("article_id")[["outlet", "n_words"]].sort_values("n_words")
plots.hbars(ax, [f"{outlet if isinstance(outlet, str) else '(unknown)'} · {article_id}"
                 for article_id, outlet in zip(lengths.index, lengths["outlet"])], lengths["n_words"], xlabel="words")
ax.set_title("Words per article")
plots.save_figure(report, fig, "lengths", data=lengths)

# %% [markdown]
# ## Where each publication date came from
# `date_given_by` says who established the date. When the manifest (`manifest.csv` beside the raw files) gives a
# date, it wins, and `published_basis` is the manifest's own basis column: how the person who made the manifest
# established the date — `byline` (from a dated byline or dateline), `header` (from a ` date` line at the top of
# the file), `text` (read from the article text: less certain, and lags built on it are marked inferred in report
# 03), `external` (from outside the text, e.g. the article's address or the original publication), or `manifest`
# when the manifest gives no basis. Without a manifest date, warcov reads the date from the file itself, and the
# basis says where: `header`, `byline`, or `text` (inferred from the text, with a range of possible dates).
# `unknown`: no date.

# %%
given_by = overview.date_given_by(articles, raw_dir)
reports.show_table(overview.metadata_sources(articles, given_by).reset_index())
reports.show_table(articles.assign(date_given_by=given_by)[
    ["article_id", "outlet", "title", "published", "date_given_by", "published_basis", "republished_by", "language"]])

# %% [markdown]
# ## Flags and ingest errors
# Metadata problems found on ingested articles, then raw files (or manifest rows) that did not become articles.

# %%
reports.show_table(overview.article_flags(articles), caption="Flags")
reports.show_table(errors[["source_file", "row", "column", "reason", "detail"]], caption="Ingest errors")

# %%
reports.how_to_cite(report)
