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
# # 03 · Reporting lag
#
# How many days after an incident each outlet reported it, who reported it first, when the incidents happened
# and who covered them, which of these numbers rest on a publication date inferred from the text, and how many
# days pass from a claimant's announcement of a casualty figure to each outlet relaying it.
#
# **How the numbers are made.** Every dated event mention (a place and a resolved date in one sentence, table
# `events`) in the selected articles is linked into *incidents*: same place, dates at most `tolerance_days`
# apart, similar sentences (TF-IDF cosine of at least `min_similarity`); combat mentions of one place on one day
# are one incident whatever their wording. The incident date is the date most mentions give. An outlet's *lag*
# is the publication date of its earliest selected article reporting the incident minus the incident date, in
# whole days. A mention that dates the incident only as background ("since September 27", "the fighting, which
# started on September 27" more than a week later; column `background` of `events`) links to the incident
# but is not a report of it, so it gives no lag.
#
# **Caveats.**
# - The lag is measured on the articles in the corpus, not on everything an outlet published: a long lag can
#   still mean the outlet's only article here recalls an earlier strike in passing, not that the outlet was slow. With the five seed articles (mostly one per outlet) most incidents
#   have a single report, and first-report counts say more about which articles were collected than about the outlets.
# - Publication times are unknown, so lags are whole days: 0 means the same calendar day, 1 the next day, even if
#   only a few hours passed. Time zones are ignored.
# - When an article dates an event relative to its own publication date (on Friday, yesterday), the lag follows
#   from the wording (yesterday gives 1) rather than being measured independently.
# - Negative lags are not impossible: a report can date an incident after its own publication (an announced
#   event, on Sunday read as a coming day) or a linked incident can take a later date from other articles within
#   the tolerance. They are counted in the last section.
# - Incidents are relinked here from the selected articles with this report's `tolerance_days` and
#   `min_similarity`, so the incidents (and their ids) can differ from the build's `incidents` table, which
#   uses the defaults on the whole corpus.

# %% tags=["parameters"]
raw_dir = None  # raw article folder, None for the project data/raw
processed_dir = None  # processed tables folder, None for the project data/processed
outlets = []  # outlets to show, empty for all
date_from = None  # first publication date used (YYYY-MM-DD), None for no bound
date_to = None  # last publication date used (YYYY-MM-DD), None for no bound
tolerance_days = 1  # incident linking, largest difference in days between linked mentions
min_similarity = 0.1  # incident linking, smallest TF-IDF cosine between linked sentences (0 to 1)

# %%
import numpy as np
import pandas as pd

from analysis.compare import incidents
from analysis.compare import lag
from analysis.core import catalog
from analysis.link.incidents import link_incidents
from analysis.link.lag import reporting_lag
from analysis.compare import overview
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette

report = reports.start("03_reporting_lag", raw_dir=raw_dir, processed_dir=processed_dir, outlets=outlets,
                       date_from=date_from, date_to=date_to, tolerance_days=tolerance_days, min_similarity=min_similarity)
all_articles = catalog.load("articles", processed_dir)
palette = OutletPalette.from_articles(all_articles)
articles = overview.select_articles(all_articles, outlets, date_from, date_to)
events = incidents.select_events(catalog.load("events", processed_dir), articles)
found, mentions = link_incidents(events, tolerance_days=tolerance_days, min_similarity=min_similarity)
lags = reporting_lag(found, mentions)
print(f"{len(articles)} of {len(all_articles)} articles selected, {len(events)} dated event mentions; "
      f"{len(found)} incidents linked from {len(mentions)} mentions (tolerance_days {tolerance_days}, "
      f"min_similarity {min_similarity}); {len(lags)} incident x outlet lags from dated reports.")


# %% [markdown]
# ## Lag per incident and outlet
# Each cell is the lag in days from the incident (row) to the outlet's earliest report (column); empty cells:
# the outlet did not mention the incident in a dated article. Hatched cells marked `*` rest on a publication
# date inferred from the text (see the last section).

# %%
matrix = lag.lag_matrix(lags)
inferred = lag.inferred_matrix(lags)
fig, ax = plots.figure(2.5 + 1.2 * max(len(matrix.columns), 1), 1.5 + 0.4 * max(len(matrix), 1))
if matrix.empty:
    plots.empty(ax, "No incident with a dated report in this selection.")
else:
    values = matrix.to_numpy()
    plots.heatmap(ax, matrix, "YlOrRd", fmt=lambda days: f"{int(days)}", vmin=min(0.0, np.nanmin(values)),
                  vmax=max(1.0, np.nanmax(values)), fontsize="small", xrotation=30, marked=inferred, missing="#eeeeee",
                  colorbar={"label": "lag (days)", "shrink": 0.8, "integer": True})
    ax.set_xlabel("outlet")
ax.set_title("Days from incident to first report (* inferred publication date)")
plots.save_figure(report, fig, "lag_matrix", data=lags)

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags), max_rows=500,
                   caption="Sentences behind the lags: the mentions in each outlet's earliest report")

# %% [markdown]
# ## Each outlet's lags
# One box per outlet over the incidents it reported (median line, quartile box); each dot is one incident, hollow
# when the publication date was inferred. The table gives the same numbers.

# %%
per_outlet = lag.outlet_lags(lags)
points = lag.named_outlets(lags)
fig, ax = plots.figure(8, 1.5 + 0.6 * max(len(per_outlet), 1))
if per_outlet.empty:
    plots.empty(ax, "No dated report in this selection.")
else:
    names = per_outlet["outlet"].tolist()
    groups = [points.loc[points["outlet"] == name].sort_values(["lag_days", "incident_id"]) for name in names]
    plots.box_dots(ax, [(g["lag_days"], g["inferred"]) for g in groups], names)
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("lag (days)")
ax.set_title("Lag per outlet (one dot per incident, hollow: inferred publication date)")
plots.save_figure(report, fig, "lag_per_outlet", data=points)
reports.show_table(per_outlet)

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags).sort_values(["outlet", "lag_days"], kind="stable"),
                   max_rows=500, caption="Sentences behind each outlet's lags, by outlet")

# %% [markdown]
# ## Who reported first
# For each incident, the outlet(s) whose earliest report has the earliest publication date (ties, common with
# whole days, list every tied outlet). The bars count, per outlet, the incidents it reported first, with ties
# and alone.

# %%
first = lag.first_reports(lags)
reports.show_table(first)
fig, ax = plots.figure(8, 1.5 + 0.6 * max(len(per_outlet), 1))
if per_outlet.empty:
    plots.empty(ax, "No dated report in this selection.")
else:
    plots.grouped_hbars(ax, per_outlet["outlet"], {"first (ties included)": per_outlet["first"],
                                                   "first alone": per_outlet["first_alone"]})
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("incidents")
    ax.legend(fontsize="small")
ax.set_title("First reports per outlet")
plots.save_figure(report, fig, "first_reports", data=per_outlet[["outlet", "incidents", "first", "first_alone"]])

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags[lags["is_first"]]), max_rows=500,
                   caption="Sentences behind the first reports")

# %% [markdown]
# ## Timeline of incidents
# Each row is an incident at its date; one marker per outlet that mentioned it (dated article or not), hollow
# when that outlet's article has an inferred publication date.

# %%
timeline = incidents.incident_timeline(found, mentions)
n_rows, n_outlets = timeline["row"].nunique(), timeline["outlet"].nunique()
fig, ax = plots.figure(9, 1.8 + (0.25 + 0.1 * min(n_outlets, 6)) * max(n_rows, 1))
if timeline.empty:
    plots.empty(ax, "No incident in this selection.")
else:
    covering = sorted(timeline["outlet"].unique())
    # markers of one incident are centred on its row: spread over the outlets covering that incident only
    slot = timeline.groupby("row").cumcount()
    n_in_row = timeline.groupby("row")["outlet"].transform("size")
    step = np.minimum(0.7 / n_in_row, 0.2)
    timeline_y = timeline["row"] + (slot - (n_in_row - 1) / 2) * step
    for name in covering:
        rows = timeline[timeline["outlet"] == name]
        plots.dots(ax, pd.to_datetime(rows["incident_date"]).to_numpy(), timeline_y[rows.index].to_numpy(),
                   rows["inferred"], palette.colour(name), marker=palette.marker(name))
    handles = [plots.legend_key(name, palette.colour(name), marker=palette.marker(name)) for name in covering]
    if timeline["inferred"].any():
        handles.append(plots.legend_key("hollow: inferred publication date", "grey", hollow=True))
    labels = timeline.drop_duplicates("row").sort_values("row")
    plots.row_axis(ax, labels["row"], labels["label"], separators=True)
    ax.margins(x=0.05)
    plots.date_axis(ax, "incident date")
    ax.grid(axis="x", alpha=0.3)
    plots.legend_outside(ax, handles=handles, title="outlet")
ax.set_title("Incidents and the outlets that covered them")
plots.save_figure(report, fig, "incident_timeline", data=timeline)

# %%
reports.show_table(incidents.mention_evidence(found, mentions), max_rows=500,
                   caption="Sentences behind the timeline: every mention of every incident")

# %% [markdown]
# ## Numbers resting on an inferred publication date
# A lag is marked `inferred` when the article's publication date was established from the article text
# (`published_basis` = text): either warcov read it from the text because no manifest date, header or byline gave
# it, or the manifest gives the date with basis `text` (the person who made the manifest read it from the text,
# as for the JAMnews live page). Such a date is less certain; every lag computed from it is marked `inferred` in
# the tables above, hatched in the matrix and hollow in the plots. Below: how many there are, and for each the
# range of publication dates the text allows and the lags that range gives (a date the manifest gives is one
# day, so its range is that day: the manifest records no uncertainty).

# %%
reports.show_table(lag.inferred_counts(lags))
reports.show_table(lag.inferred_lags(lags, articles), caption="Lags from inferred publication dates")

# %% [markdown]
# ## From a claimant's announcement to each outlet relaying it
# A casualty figure is the same announcement when the same claimant (same name, case aside), count, outcome and
# side appear in several articles (table `announcement_lag`, built from the claims ledger). Its first
# announcement is the earliest article in the whole corpus carrying it, even when that article is not selected
# here; each selected outlet's lag is the days from there to its own earliest article carrying the figure.
# Claims in an outlet's own voice (no claimant) and vague figures (dozens) are left out. Caveats: the first
# article is only a proxy for when the claimant spoke; a claimant written differently (the Azerbaijani prosecutor
# general office, Azerbaijan prosecutors) counts as another claimant; a figure carried by one outlet has lag 0 by
# construction, so the plot shows only figures carried by at least two outlets, the table lists all.

# %%
announcements = catalog.load("announcement_lag", processed_dir)
relays = lag.announcement_relays(announcements, articles)
relayed = lag.announcement_relays(announcements, articles, min_outlets=2)
fig, ax = plots.figure(9, 1.8 + 0.4 * max(relayed["row"].nunique(), 1))
if relayed.empty:
    plots.empty(ax, "No casualty figure in this selection is carried by more than one outlet.")
else:
    carriers = sorted(relayed["outlet"].astype(str).unique())
    step = 0.8 / len(carriers)
    for k, name in enumerate(carriers):
        rows = relayed[relayed["outlet"].astype(str) == name]
        y = rows["row"].to_numpy() + (k - (len(carriers) - 1) / 2) * step
        plots.dots(ax, rows["lag_days"], y, rows["inferred"], palette.colour(name), marker=palette.marker(name),
                   size=30, label=name)
    labels = relayed.drop_duplicates("row").sort_values("row")
    plots.row_axis(ax, labels["row"], labels["figure"])
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("days from first announcement")
    plots.legend_outside(ax, title="outlet (hollow: inferred date)")
ax.set_title("Lag from a claimant's first announcement to each outlet relaying it")
plots.save_figure(report, fig, "announcement_lag", data=relayed)
reports.show_table(relays.drop(columns=["row", "claimant", "count", "outcome", "side"]),
                   caption="Every figure with a claimant in the selected articles")

# %%
reports.show_table(lag.relay_evidence(relays, catalog.load("claims", processed_dir)), max_rows=500,
                   caption="Sentences behind the announcement lags")

# %%
reports.how_to_cite(report)
