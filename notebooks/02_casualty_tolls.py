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
# # 02 · Casualty tolls
#
# Who said how many people were killed, wounded, missing or captured, and which outlet relayed it: the ledger of
# casualty claims per outlet, the same incident with different figures across outlets, the running totals each
# claimant announced, whose figures each outlet relays, and how accurate the extraction is on real articles.
#
# **Caveats.** The bundled corpus is five seed articles (Asbarez, JAMnews, RT, Press TV), so every pattern below is an
# illustration of the method, not a finding about these outlets. Claims are extracted automatically; the last section
# measures how often the extraction agrees with a hand-checked annotation, and every figure is followed by the sentences
# it was read from (article id and character offsets into the article's normalized text) so each number can be checked.

# %% tags=["parameters"]
raw_dir = None  # raw article folder, None for the project data/raw
processed_dir = None  # processed tables folder, None for the project data/processed
outlets = []  # outlets to show, empty for all
sides = []  # victim sides to show (armenian, azerbaijani, both, other, unspecified), empty for all
date_from = None  # first publication date shown (YYYY-MM-DD), None for no bound
date_to = None  # last publication date shown (YYYY-MM-DD), None for no bound
claimants = []  # claimants to show as written in the claims table or (own voice), empty for all
include_vague = True  # keep figures given as words such as dozens
gold_file = None  # annotated sample for the accuracy section, None for the bundled gold

# %%
import math

import numpy as np
import pandas as pd

from analysis.core import catalog
from analysis.compare import accuracy as accuracy_report
from analysis.compare import tolls
from analysis.evaluate import tolls_scoring
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette, categorical

report = reports.start("02_casualty_tolls", raw_dir=raw_dir, processed_dir=processed_dir, outlets=outlets,
                       sides=sides, date_from=date_from, date_to=date_to, claimants=claimants,
                       include_vague=include_vague, gold_file=gold_file)
articles = catalog.load("articles", processed_dir)
palette = OutletPalette.from_articles(articles)
all_claims = catalog.load("claims", processed_dir)
incidents = catalog.load("incidents", processed_dir)
mentions = catalog.load("incident_mentions", processed_dir)
claims = tolls.select_claims(all_claims, articles, outlets=outlets, sides=sides, claimants=claimants,
                             date_from=date_from, date_to=date_to, include_vague=include_vague)
print(f"{len(claims)} of {len(all_claims)} casualty claims selected, from {claims['article_id'].nunique()} article(s) "
      f"and {claims['outlet'].nunique()} outlet(s).")


# %% [markdown]
# ## How to read a figure: exact numbers and vague quantities
#
# Each claim is one number of people with one outcome (killed, wounded, casualties when the text does not separate
# them, missing, captured), one victim side and group, and a scope: `incident` (one strike or attack), `cumulative`
# (a running total since the war began), `increment` (N more added to a total) or `historical` (an earlier war).
#
# Every claim also carries an interval, `count_low`–`count_high`, of the numbers its wording allows: "12" is 12–12,
# "at least 13" is 13–∞, "more than 40" is 41–∞, "some 30,000" is 27,000–33,000, and a word instead of a number stands
# for the range below (editable in `lexicons/claims.yaml`). Vague claims have no `count`; they are kept only through
# their interval, and dropped altogether with `include_vague = False`.

# %%
reports.show_table(tolls.counts_as_text(tolls.vague_intervals()), caption="Interval each vague quantity stands for")

# %% [markdown]
# ## The ledger: figures per outlet, claimant, victim side, group and outcome
#
# One row per outlet × claimant × victim side × victim group × outcome. **What is summed, and what is not:**
#
# - `incident_low`/`incident_high` add up the *incident-scope* claims of the row, one figure per incident (when the
#   same claimant revises the toll of one strike, the highest figure counts, not both). They are the interval of the
#   total those incident reports allow; ∞ means at least one figure was open-ended ("at least 13").
# - Running totals are **never** added to anything: `latest_cumulative` is the claimant's latest total as the outlet
#   relayed it (by publication date; both it and `latest_cumulative_published` are empty when the row has none).
#   A running total already includes the incidents before it, so adding the two would count the same dead twice.
# - Increments and historical figures are only counted (`other_claims`); `figures` lists every figure of the row as
#   written, so the row can be read without trusting any arithmetic.
#
# Rows with different claimants are never added together: two claimants may be counting the same people.

# %%
ledger = tolls.ledger(claims, incidents)
reports.show_table(tolls.counts_as_text(ledger), caption="Casualty-claim ledger")

# %% [markdown]
# ## The same incident, different numbers
#
# Claims about one strike or attack, grouped into incidents: by the incident their sentence is linked to (`linked`),
# else by the place they name and a date window of one day (`place`), else — for a claim naming no place — by the
# incident mentioned just before it in the article (`context`) or, when there is exactly one, by the located incident
# of the same date with a claim about the same victim side and outcome (`inferred`). `context` and `inferred` rows are
# candidates: read their sentences below before relying on them. Shown are the incidents reported by more than one
# outlet or given more than one figure for an outcome. Each dot is a figure (its interval drawn as a line, an arrow
# when open-ended); vague quantities are drawn as their interval only.

# %%
grouped = tolls.group_incidents(claims, incidents, mentions=mentions)
compared = tolls.compare_incidents(grouped)
if compared.empty:
    plots.save_figure(report, plots.placeholder(
        "No incident in this selection is reported by more than one outlet or with more than one figure."),
        "incident_figures", data=compared)
else:
    rows = list(dict.fromkeys(zip(compared["label"], compared["outcome"])))
    finite = compared[["count_low", "count_high"]].replace(math.inf, np.nan).stack()
    right = max(float(finite.max()) * 1.3, 10.0)
    fig, ax = plots.figure(9, 0.9 + 0.6 * len(rows) + 0.15 * len(compared))
    for y, (label, outcome) in enumerate(rows):
        part = compared[(compared["label"] == label) & (compared["outcome"] == outcome)]
        for dy, r in zip(plots.spread(len(part), 0.25), part.itertuples()):
            colour = palette.colour(r.outlet)
            plots.interval_dot(ax, y + dy, r.count_low, r.count_high, r.count, colour, right)
            plots.note(ax, (r.count_low, y + dy), f"{r.figure}, {r.claimant}", fontsize="x-small", color=colour)
    plots.row_axis(ax, range(len(rows)), [f"{label}\n{outcome}" for label, outcome in rows], fontsize="small")
    plots.symlog_axis(ax, "x", 0, right, tolls.symlog_ticks(0, right), "people (symmetric log scale: linear below 10)")
    plots.legend_outside(ax, title="outlet", handles=[plots.legend_key(o, palette.colour(o), line_width=1.5)
                                                      for o in sorted(compared["outlet"].unique())])
    ax.set_title("Figures given for the same incident, by outlet")
    plots.save_figure(report, fig, "incident_figures", data=compared)
reports.show_table(tolls.counts_as_text(compared)[["label", "basis", "outlet", "article_id", "claimant", "claimant_side", "outcome", "side",
                             "group", "figure", "count_low", "count_high", "evidence", "sentence", "start", "end"]],
                   caption="Sentences behind the figure")

# %% [markdown]
# ## Running totals announced by each claimant
#
# Totals since the war began (scope `cumulative`), one line per claimant, victim side, group and outcome, by the
# publication date of the article relaying them; the marker shape says which outlet relayed it. An outlet's own running
# totals are shown as a claimant of their own ("JAMnews (own voice)"). Vague totals are drawn as their interval only.
# Totals from different claimants are not comparable counts of the same people (one side counts its soldiers, the
# other side's claims of enemy losses are different figures altogether).

# %%
totals = tolls.running_totals(claims)
if totals.empty:
    plots.save_figure(report, plots.placeholder("No running total (scope cumulative) in this selection."),
                      "running_totals", data=totals)
else:
    outcomes = list(dict.fromkeys(totals["outcome"]))
    colours = categorical(totals["series"])
    fig, axes = plots.figure(9, 3.2 * len(outcomes), nrows=len(outcomes), squeeze=False, sharex=True)
    for ax, outcome in zip(axes[:, 0], outcomes):
        part = totals[totals["outcome"] == outcome]
        keys = []
        for name, line in part.groupby("series", sort=False):
            plots.running_total(ax, line, colours[name], palette)
            keys.append(plots.legend_key(name, colours[name], marker="", line_width=2))
        drawn = pd.concat([part["count_low"], part["count_high"].where(~np.isinf(part["count_high"]),
                                                                       part["count_low"] * 1.5)]).astype(float)
        bottom = 0.0 if drawn.min() < 20 else drawn.min() / 1.6
        plots.symlog_axis(ax, "y", bottom, drawn.max() * 1.6, tolls.symlog_ticks(bottom, drawn.max() * 1.6),
                          f"{outcome}\n(symmetric log scale:\nlinear below 10)", minor_ticks=False, fontsize="small")
        plots.legend_outside(ax, handles=keys, fontsize="x-small")
    keys += [plots.legend_key(f"relayed by {outlet}", "grey", marker=palette.marker(outlet))
             for outlet in sorted(totals["outlet"].unique())]
    plots.legend_outside(axes[-1, 0], handles=keys, fontsize="x-small")
    axes[-1, 0].set_xlabel("publication date")
    fig.autofmt_xdate()
    fig.suptitle("Running totals by claimant")
    plots.save_figure(report, fig, "running_totals", data=totals)
reports.show_table(totals[["claimant", "claimant_side", "side", "group", "outcome", "outlet", "published", "figure",
                           "article_id", "evidence", "sentence", "start", "end"]],
                   caption="Sentences behind the figure")

# %% [markdown]
# ## Whose figures each outlet relays
#
# Claims per outlet by the side of the claimant who gave them: `armenian` or `azerbaijani` officials and bodies,
# `third_party` (other governments, international bodies), `outlet` (the outlet's own voice, no source named) and
# `unknown` (a claimant whose side the actor lexicon does not know). Each row adds up to the claims of that outlet in
# the selection. With five articles, a row reflects one or two stories, not an editorial line.

# %%
matrix = tolls.attribution_matrix(claims)
if matrix.empty:
    plots.save_figure(report, plots.placeholder("No casualty claim in this selection."), "attribution_matrix",
                      data=matrix)
else:
    fig, ax = plots.figure(1.6 + 1.3 * matrix.shape[1], 1.2 + 0.55 * matrix.shape[0])
    top = matrix.to_numpy().max()
    plots.heatmap(ax, matrix, "Blues", vmin=0, ink=lambda value: "white" if value > top / 2 else "black",
                  colorbar={"label": "claims", "integer": True})
    ax.set_xlabel("side of the claimant")
    ax.set_title("Claims relayed, by outlet and claimant side")
    plots.save_figure(report, fig, "attribution_matrix", data=matrix)
traced = claims.assign(figure=[tolls.figure_text(c, q, v) for c, q, v in zip(claims["count"], claims["qualifier"], claims["vague"])],
                       claimant=claims["claimant"].fillna(tolls.OWN_VOICE),
                       claimant_side=claims["claimant_side"].fillna(tolls.UNKNOWN_SIDE))
reports.show_table(traced.sort_values(["outlet", "claimant_side", "article_id", "start"])[
    ["outlet", "claimant_side", "claimant", "article_id", "figure", "outcome", "side", "group", "scope",
     "evidence", "sentence", "start", "end"]], caption="Sentences behind the matrix")

# %% [markdown]
# ## How far to trust the extraction: accuracy measured on real articles
#
# The figures an analyst can quote come from the development corpus (`docs/DEV_CORPUS.md`): real English articles
# on the war from many outlets, annotated by `docs/SCHEMA.md` by annotators who never saw the system's output. Its
# **test split** is scored only at the end of a round of work and never tuned on. An extracted claim matches a gold
# claim of the same article with the same number (or vague word), outcome and victim side; precision is the share of
# extracted claims that match, recall the share of gold claims found; the attribute rows are shares of matched
# claims. The development split is the part the rules were developed against: expect its figures to be higher.

# %%
accuracy = catalog.accuracy_summary()
print(accuracy_report.accuracy_caption(accuracy))
reports.show_table(accuracy_report.accuracy_table(accuracy), caption="Accuracy of the extraction on real articles")
reports.show_table(accuracy_report.targets_table(accuracy), caption="Targets on the test split")

# %% [markdown]
# ### The same scoring on this corpus's annotated articles
#
# The claims extracted from the articles of this corpus that have gold annotations (`gold_file`, by default the five
# bundled seeds) are scored the same way. The seeds are the texts the first rules were written against, so their
# figures say that the build still reads them, not how accurate it is on other articles: quote the figures above.

# %%
score, missing_gold = tolls_scoring.gold_accuracy(all_claims, articles, gold_file)
if missing_gold:
    print(f"{len(missing_gold)} annotated article(s) are not in this corpus and are not scored: {', '.join(missing_gold)}")
if score is None:
    print("None of the annotated articles is in this corpus: the accuracy of the extraction on it is not measured.")
else:
    reports.show_table(tolls_scoring.score_table(score), caption="Claim extraction against the annotation")
    reports.show_table(score.misses, caption="Misses: annotated claims the extraction did not find")
    reports.show_table(score.false_alarms, caption="False alarms: extracted claims matching no annotated claim")
    reports.show_table(tolls_scoring.field_disagreements(score),
                       caption="Matched claims with a field that disagrees (gold vs extracted)")

# %%
reports.how_to_cite(report)
