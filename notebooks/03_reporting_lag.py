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
# # 03 · Reporting lag
#
# How many days after an incident each outlet reported it, who reported it first, when the incidents happened
# and who covered them, which of these numbers rest on a publication date inferred from the text, and how many
# days pass from a claimant's announcement of a casualty figure to each outlet relaying it. How the numbers are
# made, and the caveats of the method, follow the findings.

# %% tags=["parameters"]
raw_dir = None  # raw article folder, None for the project data/raw
processed_dir = None  # processed tables folder, None for the project data/processed
outlets = []  # outlets to show, empty for all
date_from = None  # first publication date used (YYYY-MM-DD), None for no bound
date_to = None  # last publication date used (YYYY-MM-DD), None for no bound
tolerance_days = 1  # incident linking, largest difference in days between linked mentions
min_similarity = 0.1  # incident linking, smallest TF-IDF cosine between linked sentences (0 to 1)

# %%
import warnings

import numpy as np
import pandas as pd
from IPython.display import HTML, display
from matplotlib import colormaps

from analysis.compare import incidents
from analysis.compare import lag
from analysis.core import catalog
from analysis.link.incidents import link_incidents
from analysis.link.lag import reporting_lag
from analysis.compare import overview
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette

warnings.filterwarnings("ignore", message="You passed an edgecolor")  # hollow 'x' of the unknown outlet
TOP_INCIDENTS = 40  # incidents drawn in the matrix and the timeline (those most outlets reported); the tables list all

report = reports.start("03_reporting_lag", raw_dir=raw_dir, processed_dir=processed_dir, outlets=outlets,
                       date_from=date_from, date_to=date_to, tolerance_days=tolerance_days, min_similarity=min_similarity)
all_articles = catalog.load("articles", report.tables)
palette = OutletPalette.from_articles(all_articles)
articles = overview.select_articles(all_articles, outlets, date_from, date_to)
events = incidents.select_events(catalog.load("events", report.tables), articles)
found, mentions = link_incidents(events, tolerance_days=tolerance_days, min_similarity=min_similarity)
lags = reporting_lag(found, mentions)
groups = lag.lag_groups(lags, overview.TOP_OUTLETS)
others = {shown for outlet, shown in groups.items() if outlet != shown}
shown_lags = lag.grouped_lags(lags, groups)
per_outlet = lag.outlet_lags(lags)
per_group = lag.outlet_lags(shown_lags).set_index("outlet").reindex(overview.group_order(groups)).reset_index()
announcements = catalog.load("announcement_lag", report.tables)
relays = lag.announcement_relays(announcements, articles)
relayed = lag.announcement_relays(announcements, articles, min_outlets=2)
EVIDENCE = ["incident", "incident_date", "outlet", "lag_days", "sentence", "article_id", "start"]
print(f"{len(articles)} of {len(all_articles)} articles selected, {len(events)} dated event mentions; "
      f"{len(found)} incidents linked from {len(mentions)} mentions (tolerance_days {tolerance_days}, "
      f"min_similarity {min_similarity}); {len(lags)} incident x outlet lags from dated reports.")


def colour(name):
    """An outlet's colour in every report; the group of the other outlets is grey."""
    return "#b0b0b0" if name in others else palette.colour(name)


def marker(name):
    return "o" if name in others else palette.marker(name)



reach = lags.groupby("incident_id")["outlet"].nunique() if len(lags) else pd.Series(dtype="int64")
single = int((reach == 1).sum())
lag_caveats = [f"{single} of {len(reach)} incidents ({overview.percent(single, len(reach))}%) have a report from a "
               "single outlet: their lag says when that article appeared, and 'first' is trivially that outlet."] * bool(single)
reports.show_findings([reports.Finding(text, label=where) for text, where in lag.lag_findings(lags, per_outlet, relayed)])
reports.show_caveats(reports.corpus_caveats(all_articles, articles, catalog.accuracy_summary(), measure="dated_events")
                     + lag_caveats)


# %% [markdown]
# ## How the numbers are made
# Every dated event mention (a place and a resolved date in one sentence, table
# `events`) in the selected articles is linked into *incidents*: same place, dates at most `tolerance_days`
# apart, similar sentences (TF-IDF cosine of at least `min_similarity`); combat mentions of one place on one day
# are one incident whatever their wording. The incident date is the date most mentions give. An outlet's *lag*
# is the publication date of its earliest selected article reporting the incident minus the incident date, in
# whole days. A mention that dates the incident only as background ("since September 27", "the fighting, which
# started on September 27" more than a week later; column `background` of `events`) links to the incident
# but is not a report of it, so it gives no lag.
#
# **Caveats of the method** (the caveats of this corpus are listed above, with the findings).
# - The lag is measured on the articles in the corpus, not on everything an outlet published: a long lag can
#   still mean the outlet's only article here recalls an earlier strike in passing, not that the outlet was slow.
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

# %% [markdown]
# ## Lag per incident and outlet
# Figure 1: each cell is the lag in days from the incident (row) to the outlet's earliest report (column); empty
# cells: the outlet did not mention the incident in a dated article. Hatched cells marked `*` rest on a
# publication date inferred from the text (see the last section). The colour scale stops at the 90th percentile
# of the lags (at least 7 days), so a few very long lags do not flatten the rest; negative lags are blue; every
# cell keeps its number. At
# most 40 incidents (those most outlets reported) and the twelve busiest outlets are drawn, the others as one
# column holding their earliest report; the tables list every lag.

# %%
busy = lag.busiest_incidents(lags, TOP_INCIDENTS)
matrix = lag.lag_matrix(lag.grouped_lags(busy, groups))
matrix = matrix.reindex(columns=[g for g in overview.group_order(groups) if g in matrix.columns])
inferred = lag.inferred_matrix(lag.grouped_lags(busy, groups)).reindex(index=matrix.index, columns=matrix.columns)
fig, ax = plots.figure(3.5 + 0.75 * max(len(matrix.columns), 1), 1.5 + 0.32 * max(len(matrix), 1))
if matrix.empty:
    plots.empty(ax, "No incident with a dated report in this selection.")
else:
    vmin, vmax = lag.colour_limits(lags["lag_days"])
    values = matrix.to_numpy()
    extend = {(False, False): "neither", (True, False): "min", (False, True): "max", (True, True): "both"}[
        (bool(np.nanmin(values) < vmin), bool(np.nanmax(values) > vmax))]
    scale = colormaps["YlOrRd"].with_extremes(under="#4a90c8")  # negative lags: blue, below the scale
    plots.heatmap(ax, matrix, scale, fmt=lambda days: f"{int(days)}", vmin=vmin, vmax=vmax, fontsize="small",
                  xrotation=30, marked=inferred.fillna(False).astype(bool), missing="#eeeeee",
                  colorbar={"label": "lag (days)", "shrink": 0.8, "integer": True, "extend": extend})
    ax.set_xlabel("outlet")
n_hidden = lags["incident_id"].nunique() - busy["incident_id"].nunique()
ax.set_title("Figure 1 · Days from incident to first report (* inferred publication date)"
             + (f"\n{len(matrix)} incidents most outlets reported; {n_hidden} more in the tables" if n_hidden else ""))
plots.save_figure(report, fig, "lag_matrix", data=lags)

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags)[EVIDENCE], max_rows=100,
                   caption="Sentences behind the lags: the mentions in each outlet's earliest report")

# %% [markdown]
# ## Each outlet's lags
# Figure 2: one box per outlet over the incidents it reported (median line, quartile box); each dot is one
# incident, hollow when the publication date was inferred. Lags beyond 30 days (an article recalling an old
# incident, more often than a slow report) are cut off the axis and listed below. The table gives every outlet.

# %%
long = lag.long_lags(lags)
fig, ax = plots.figure(8, 1.5 + 0.45 * max(len(per_group), 1))
if per_group.empty:
    plots.empty(ax, "No dated report in this selection.")
else:
    names = per_group["outlet"].tolist()
    groups_rows = [shown_lags.loc[shown_lags["outlet"] == name].sort_values(["lag_days", "incident_id"]) for name in names]
    plots.box_dots(ax, [(g["lag_days"], g["inferred"]) for g in groups_rows], names)
    ax.invert_yaxis()
    near = shown_lags["lag_days"][shown_lags["lag_days"].abs() <= lag.LONG_LAG_DAYS]
    if len(long) and len(near):
        ax.set_xlim(min(-1, near.min()) - 0.5, max(1, near.max()) + 0.5)
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("lag (days)" + (f"; {len(long)} lag(s) beyond {lag.LONG_LAG_DAYS} days not shown" if len(long) else ""))
ax.set_title("Figure 2 · Lag per outlet (one dot per incident, hollow: inferred publication date)")
plots.save_figure(report, fig, "lag_per_outlet", data=shown_lags)
reports.show_table(long, caption=f"Lags beyond {lag.LONG_LAG_DAYS} days (cut off Figure 2)")
reports.show_table(per_outlet, caption="Lags per outlet, every outlet")

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags).sort_values(["outlet", "lag_days"], kind="stable")[EVIDENCE],
                   max_rows=100, caption="Sentences behind each outlet's lags, by outlet")

# %% [markdown]
# ## Who reported first
# For each incident, the outlet(s) whose earliest report has the earliest publication date (ties, common with
# whole days, list every tied outlet). Figure 3 counts, per outlet, the incidents it reported first, with ties
# and alone.

# %%
first = lag.first_reports(lags)
reports.show_table(first, caption="First report of each incident", max_rows=100)
fig, ax = plots.figure(8, 1.5 + 0.45 * max(len(per_group), 1))
if per_group.empty:
    plots.empty(ax, "No dated report in this selection.")
else:
    plots.grouped_hbars(ax, per_group["outlet"], {"first (ties included)": per_group["first"],
                                                  "first alone": per_group["first_alone"]})
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("incidents")
    ax.legend(fontsize="small")
ax.set_title("Figure 3 · First reports per outlet")
plots.save_figure(report, fig, "first_reports", data=per_group[["outlet", "incidents", "first", "first_alone"]])

# %%
reports.show_table(incidents.mention_evidence(found, mentions, lags[lags["is_first"]])[EVIDENCE], max_rows=100,
                   caption="Sentences behind the first reports")

# %% [markdown]
# ## Timeline of incidents
# Figure 4: each row is an incident at its date; one marker per outlet that mentioned it (dated article or not),
# hollow when that outlet's article has an inferred publication date. At most 40 incidents (those most outlets
# mentioned) are drawn; the date axis covers the incidents' period, and incidents dated far outside it are
# listed below.

# %%
timeline = incidents.incident_timeline(found, mentions)
timeline = timeline.assign(outlet=timeline["outlet"].map(lambda o: groups.get(o, o)))
period = overview.publication_period(timeline.drop_duplicates("incident_id")["incident_date"])
stray = timeline[timeline["incident_date"].map(lambda d: period[0] is not None and not period[0] <= d <= period[1]).astype(bool)]
coverage = timeline[~timeline.index.isin(stray.index)].groupby("incident_id")["outlet"].nunique()
kept = coverage.sort_values(ascending=False, kind="stable").head(TOP_INCIDENTS).index
drawn = timeline[timeline["incident_id"].isin(set(kept))].drop_duplicates(["incident_id", "outlet"])
drawn = drawn.assign(row=drawn["row"].rank(method="dense").astype("int64") - 1).reset_index(drop=True)
n_rows = drawn["row"].nunique()
per_row = 0.25 + 0.1 * min(drawn["outlet"].nunique(), 6) if n_rows <= 15 else 0.4  # many rows: denser
fig, ax = plots.figure(9, 1.8 + per_row * max(n_rows, 1))
if drawn.empty:
    plots.empty(ax, "No incident in this selection.")
else:
    covering = [g for g in overview.group_order(groups) if g in set(drawn["outlet"])]
    covering += sorted(set(drawn["outlet"]) - set(covering))
    slot = drawn.groupby("row").cumcount()
    n_in_row = drawn.groupby("row")["outlet"].transform("size")
    step = np.minimum(0.7 / n_in_row, 0.2)
    timeline_y = drawn["row"] + (slot - (n_in_row - 1) / 2) * step
    for name in covering:
        rows = drawn[drawn["outlet"] == name]
        plots.dots(ax, pd.to_datetime(rows["incident_date"]).to_numpy(), timeline_y[rows.index].to_numpy(),
                   rows["inferred"], colour(name), marker=marker(name))
    handles = [plots.legend_key(name, colour(name), marker=marker(name)) for name in covering]
    if drawn["inferred"].any():
        handles.append(plots.legend_key("hollow: inferred publication date", "grey", hollow=True))
    labels = drawn.drop_duplicates("row").sort_values("row")
    plots.row_axis(ax, labels["row"], labels["label"], separators=True, fontsize="small" if n_rows > 20 else None)
    ax.margins(x=0.05)
    plots.date_axis(ax, "incident date")
    ax.grid(axis="x", alpha=0.3)
    plots.legend_outside(ax, handles=handles, title="outlet")
n_hidden = timeline["incident_id"].nunique() - n_rows
ax.set_title("Figure 4 · Incidents and the outlets that covered them"
             + (f"\n{n_rows} incidents most outlets mentioned; {n_hidden} more in the tables" if n_hidden else ""))
plots.save_figure(report, fig, "incident_timeline", data=timeline)
reports.show_table(stray.drop_duplicates("incident_id")[["label", "incident_date"]],
                   caption="Incidents dated outside the incidents' period (not drawn)")

# %%
reports.show_table(incidents.mention_evidence(found, mentions)[EVIDENCE[:3] + EVIDENCE[4:]], max_rows=100,
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
counts = lag.inferred_counts(lags)
counts["%"] = [overview.percent(n, of) for n, of in zip(counts["count"], counts["of"])]
reports.show_table(counts, caption="Numbers resting on an inferred publication date")
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
# construction, so Figure 5 shows only figures carried by at least two outlets (at most 30, those carried
# most widely), the table lists all.

# %%
if relayed.empty:
    display(HTML(f"<p><b>Figure 5 · not drawn:</b> none of the {relays['figure'].nunique()} casualty figures with a "
                 "claimant in the selected articles is carried by two outlets or more, so there is no relay lag to "
                 "show (a figure carried by one outlet has lag 0 by construction). The table lists them.</p>"))
else:
    wide = relayed.groupby("figure")["n_outlets"].first().sort_values(ascending=False, kind="stable").head(30).index
    drawn = relayed[relayed["figure"].isin(set(wide))].copy()
    drawn["row"] = drawn["row"].rank(method="dense").astype("int64") - 1
    drawn["shown"] = drawn["outlet"].map(lambda o: groups.get(overview.named([o]).iloc[0], overview.named([o]).iloc[0]))
    carriers = [g for g in overview.group_order(groups) if g in set(drawn["shown"])]
    carriers += sorted(set(drawn["shown"]) - set(carriers))
    fig, ax = plots.figure(9, 1.8 + 0.4 * drawn["row"].nunique())
    step = 0.8 / len(carriers)
    for k, name in enumerate(carriers):
        rows = drawn[drawn["shown"] == name]
        y = rows["row"].to_numpy() + (k - (len(carriers) - 1) / 2) * step
        plots.dots(ax, rows["lag_days"], y, rows["inferred"], colour(name), marker=marker(name), size=30, label=name)
    labels = drawn.drop_duplicates("row").sort_values("row")
    plots.row_axis(ax, labels["row"], labels["figure"])
    plots.integer_ticks(ax.xaxis)
    ax.set_xlabel("days from first announcement")
    plots.legend_outside(ax, title="outlet (hollow: inferred date)")
    ax.set_title("Figure 5 · Lag from a claimant's first announcement to each outlet relaying it")
    plots.save_figure(report, fig, "announcement_lag", data=relayed)
reports.show_table(relays.drop(columns=["row", "claimant", "count", "outcome", "side"]),
                   caption="Every figure with a claimant in the selected articles", max_rows=100)

# %%
reports.show_table(lag.relay_evidence(relays, catalog.load("claims", report.tables)), max_rows=100,
                   caption="Sentences behind the announcement lags")

# %%
reports.how_to_cite(report)
