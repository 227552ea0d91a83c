# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
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
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from analysis import catalog, overview, reports

report = reports.start("01_corpus_overview", raw_dir=raw_dir, processed_dir=processed_dir,
                       outlets=outlets, date_from=date_from, date_to=date_to)
all_articles = catalog.load("articles", processed_dir)
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
# Articles per publication day, stacked by outlet. Articles without a known date are left out (see the flags below).

# %%
timeline = overview.publication_timeline(articles)
fig, ax = plt.subplots(figsize=(8, 3))
if not timeline.empty:
    timeline.index = timeline.index.map(str)
    timeline.plot(kind="bar", stacked=True, ax=ax, width=0.8)
    ax.set_xlabel("publication date")
    ax.set_ylabel("articles")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="outlet", fontsize="small")
ax.set_title("Articles per day")
reports.save_figure(report, fig, "timeline", data=timeline)

# %% [markdown]
# ## Article lengths

# %%
fig, ax = plt.subplots(figsize=(8, 3))
lengths = articles.set_index("article_id")[["outlet", "n_words"]].sort_values("n_words")
ax.barh(lengths.index, lengths["n_words"])
ax.set_xlabel("words")
ax.set_title("Words per article")
reports.save_figure(report, fig, "lengths", data=lengths)

# %% [markdown]
# ## Where each publication date came from
# `manifest`/`external`: given by hand in the manifest; `header`: a ` date` line at the top of the file;
# `byline`: a dated byline or dateline; `text`: inferred from the text; `unknown`: no date.

# %%
reports.show_table(overview.metadata_sources(articles).reset_index())
reports.show_table(articles[["article_id", "outlet", "title", "published", "published_basis", "republished_by", "language"]])

# %% [markdown]
# ## Flags and ingest errors
# Metadata problems found on ingested articles, then raw files (or manifest rows) that did not become articles.

# %%
reports.show_table(overview.article_flags(articles), caption="Flags")
reports.show_table(errors[["source_file", "row", "column", "reason", "detail"]], caption="Ingest errors")

# %%
reports.how_to_cite(report)
