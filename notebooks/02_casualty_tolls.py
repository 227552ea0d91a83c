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
# # 02 · Casualty tolls
#
# Who said how many people were killed, wounded, missing or captured, and which outlet relayed it: the ledger of
# casualty claims per outlet, the same incident with different figures across outlets, the running totals each
# claimant announced, whose figures each outlet relays, and how accurate the extraction is on real articles. Every
# figure is followed by the sentences it was read from (article id and character offset into the article's
# normalized text, the figure's words marked) so each number can be checked.

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
from IPython.display import HTML, display

from analysis.core import catalog
from analysis.compare import accuracy as accuracy_report
from analysis.compare import display as shown
from analysis.compare import overview
from analysis.compare import tolls
from analysis.evaluate import tolls_scoring
from analysis.report import plots
from analysis.report import render as reports
from analysis.report.palette import OutletPalette, categorical

report = reports.start("02_casualty_tolls", raw_dir=raw_dir, processed_dir=processed_dir, outlets=outlets,
                       sides=sides, date_from=date_from, date_to=date_to, claimants=claimants,
                       include_vague=include_vague, gold_file=gold_file)
articles = catalog.load("articles", report.tables)
palette = OutletPalette.from_articles(articles)
all_claims = catalog.load("claims", report.tables)
incidents = catalog.load("incidents", report.tables)
mentions = catalog.load("incident_mentions", report.tables)
claims = tolls.select_claims(all_claims, articles, outlets=outlets, sides=sides, claimants=claimants,
                             date_from=date_from, date_to=date_to, include_vague=include_vague)
selected = overview.select_articles(articles, outlets, date_from, date_to)
ledger = tolls.ledger(claims, incidents)
grouped = tolls.group_incidents(claims, incidents, mentions=mentions)
compared = tolls.compare_incidents(grouped)
totals = tolls.running_totals(claims)
matrix = tolls.attribution_matrix(claims)
accuracy = catalog.accuracy_summary()


def claim_words(frame):
    """A claim in words: '12 killed, armenian civilian, said by <claimant>'."""
    return [f"{f} {o}, {s} {g}; {c}" for f, o, s, g, c in zip(frame["figure"], frame["outcome"], frame["side"],
                                                              frame["group"], frame["claimant"].fillna(tolls.OWN_VOICE))]


reports.show_findings([reports.Finding(text, anchor=anchor, label="figure") for text, anchor in
                       tolls.findings(claims, compared, totals, matrix)])
reports.show_caveats(reports.corpus_caveats(articles, selected, accuracy, measure="claims"))
print(f"{len(claims)} of {len(all_claims)} casualty claims selected, from {claims['article_id'].nunique()} article(s) "
      f"of {overview.outlets_phrase(claims['outlet'], 'claims')}.")


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
# <a id="ledger"></a>
# ## The ledger: figures per outlet, claimant, victim side, group and outcome
#
# One row per outlet × claimant × victim side × victim group × outcome. **What is summed, and what is not:**
#
# - `incident total` adds up the *incident-scope* claims of the row, one figure per incident (when the same claimant
#   revises the toll of one strike, the highest figure counts, not both): the interval of the total those incident
#   reports allow; ∞ means at least one figure was open-ended ("at least 13").
# - Running totals are **never** added to anything: `latest running total` is the claimant's latest total as the
#   outlet relayed it (by publication date). A running total already includes the incidents before it, so adding the
#   two would count the same dead twice.
# - Increments and historical figures are only counted (`other claims`); `figures` lists every figure of the row as
#   written, so the row can be read without trusting any arithmetic.
#
# Rows with different claimants are never added together: two claimants may be counting the same people.

# %%
ledger_text = tolls.counts_as_text(ledger)
reports.show_table(pd.DataFrame({
    "outlet": ledger_text["outlet"], "claimant": ledger_text["claimant"],
    "victims": ledger_text["side"] + " " + ledger_text["group"], "outcome": ledger_text["outcome"],
    "claims": ledger_text["n_claims"],
    "incident total": [f"{lo}–{hi}" if n else "" for lo, hi, n in zip(ledger_text["incident_low"],
                                                                      ledger_text["incident_high"], ledger["n_incidents"])],
    "latest running total": [f"{f} ({d})" if f else "" for f, d in zip(ledger["latest_cumulative"],
                                                                      ledger["latest_cumulative_published"])],
    "other claims": ledger_text["other_claims"], "figures": ledger_text["figures"]}),
    caption="Casualty-claim ledger")

# %% [markdown]
# <a id="incident-figures"></a>
# ## The same incident, different numbers
#
# Claims about one strike or attack, grouped into incidents: by the incident their sentence is linked to (`linked`),
# else by the place they name and a date window of one day (`place`), else — for a claim naming no place — by the
# incident mentioned just before it in the article (`context`) or, when there is exactly one, by the located incident
# of the same date with a claim about the same victim side and outcome (`inferred`). `context` and `inferred` rows are
# candidates: read their sentences below before relying on them.
#
# **Only like is set beside like:** a row of the chart holds the figures given for one incident, one outcome, one
# victim side and one victim group (ten soldiers are never set against two civilians), and only incident-scope
# figures: a running total since the war began is never an incident's figure. Shown are the rows reported by more
# than one outlet or given more than one figure, the widest disagreements first (at most twelve; the table lists all).
# Each dot is a figure (its interval drawn as a line, an arrow when open-ended); vague quantities are drawn as their
# interval only.

# %%
rows = tolls.widest_comparisons(compared, shown.TOP_OUTLETS)
if not rows:
    plots.save_figure(report, plots.placeholder(
        "No incident in this selection is reported by more than one outlet or with more than one figure\n"
        "for the same outcome, victim side and group."), "incident_figures", data=compared)
else:
    drawn = compared[compared["comparison"].isin(rows)]
    points = tolls.chart_points(drawn)
    finite = points[["count_low", "count_high"]].replace(math.inf, np.nan).stack()
    right = max(float(finite.max()) * 1.3, 10.0)
    fig, ax = plots.figure(9, 0.9 + 0.7 * len(rows) + 0.12 * len(points))
    for y, name in enumerate(rows):
        part = points[points["comparison"] == name]
        for dy, r in zip(plots.spread(len(part), 0.3), part.itertuples()):
            colour = palette.colour(r.outlet)
            plots.interval_dot(ax, y + dy, r.count_low, r.count_high, r.count, colour, right)
            plots.note(ax, (r.count_low, y + dy), r.figure + (f" ×{r.reports}" if r.reports > 1 else ""),
                       fontsize="x-small", color=colour)
    per_row = points.groupby("comparison").agg(shown=("figure", "size"), given=("points", "first"))
    rows_labels = [name.replace(" · ", "\n") + (f"\n(the {per_row.shown[name]} most relayed of {per_row.given[name]} figures)"
                                               if per_row.given[name] > per_row.shown[name] else "") for name in rows]
    plots.row_axis(ax, range(len(rows)), rows_labels, fontsize="small", separators=True)
    plots.symlog_axis(ax, "x", 0, right, tolls.symlog_ticks(0, right), "people (symmetric log scale: linear below 10)")
    keys = sorted(points["outlet"].unique())
    plots.legend_outside(ax, title="outlet", fontsize="x-small" if len(keys) > 12 else "small",
                         handles=[plots.legend_key(o, palette.colour(o), line_width=1.5) for o in keys])
    ax.set_title("Figures given for the same incident, outcome, victim side and group")
    plots.save_figure(report, fig, "incident_figures", data=points)
display(HTML(shown.evidence_html(
    shown.evidence(compared, [f"{c} — {w} [{b}]" for c, w, b in zip(compared["comparison"], claim_words(compared),
                                                                    compared["basis"])], "evidence"),
    "Sentences behind the figure (every comparison, widest disagreements first in the chart)")))

# %% [markdown]
# <a id="running-totals"></a>
# ## Running totals announced by each claimant
#
# Totals since the war began (scope `cumulative`), one line per claimant, victim side, group and outcome, by the
# publication date of the article relaying them; the marker shape says which outlet relayed it. An outlet's own running
# totals are shown as a claimant of their own ("JAMnews (own voice)"). Vague totals are drawn as their interval only.
# Totals from different claimants are not comparable counts of the same people (one side counts its soldiers, the
# other side's claims of enemy losses are different figures altogether). The chart draws the eight series reported
# most often; a total from an undated article cannot be placed in time and is only listed in the table.

# %%
series = tolls.chart_series(totals, 8)
if not series:
    plots.save_figure(report, plots.placeholder("No dated running total (scope cumulative) in this selection."),
                      "running_totals", data=totals)
else:
    drawn = totals[totals["series"].isin(series) & totals["published"].notna()]
    outcomes = list(dict.fromkeys(drawn["outcome"]))
    colours = categorical(series)
    fig, axes = plots.figure(9, 3.2 * len(outcomes), nrows=len(outcomes), squeeze=False, sharex=True)
    for ax, outcome in zip(axes[:, 0], outcomes):
        part = drawn[drawn["outcome"] == outcome]
        keys = []
        for name, line in part.groupby("series", sort=False):
            plots.running_total(ax, line, colours[name], palette)
            keys.append(plots.legend_key(name, colours[name], marker="", line_width=2))
        heights = pd.concat([part["count_low"], part["count_high"].where(~np.isinf(part["count_high"]),
                                                                         part["count_low"] * 1.5)]).astype(float)
        bottom = 0.0 if heights.min() < 20 else heights.min() / 1.6
        plots.symlog_axis(ax, "y", bottom, heights.max() * 1.6, tolls.symlog_ticks(bottom, heights.max() * 1.6),
                          f"{outcome}\n(symmetric log scale:\nlinear below 10)", minor_ticks=False, fontsize="small")
        plots.legend_outside(ax, handles=keys, fontsize="x-small")
    relaying = sorted(drawn["outlet"].unique())
    if len(relaying) <= shown.TOP_OUTLETS:
        keys += [plots.legend_key(f"relayed by {outlet}", "grey", marker=palette.marker(outlet)) for outlet in relaying]
        plots.legend_outside(axes[-1, 0], handles=keys, fontsize="x-small")
    axes[-1, 0].set_xlabel("publication date")
    fig.autofmt_xdate()
    fig.suptitle("Running totals by claimant")
    plots.save_figure(report, fig, "running_totals", data=totals)
undated = int(totals["published"].isna().sum()) if len(totals) else 0
if undated:
    print(f"{undated} running total(s) come from undated articles: listed below, not drawn.")
display(HTML(shown.evidence_html(
    shown.evidence(totals, [f"{s} — {f}, published {d if d is not None else 'undated'}" for s, f, d in zip(
        totals["series"], totals["figure"], totals["published"])], "evidence"),
    "Sentences behind the figure")))

# %% [markdown]
# <a id="attribution"></a>
# ## Whose figures each outlet relays
#
# Claims per outlet by the side of the claimant who gave them: `armenian` or `azerbaijani` officials and bodies,
# `third_party` (other governments, international bodies), `outlet` (the outlet's own voice, no source named) and
# `unknown` (a claimant whose side the actor lexicon does not know). Each row adds up to the claims of that outlet in
# the selection; past twelve outlets, the twelve with most claims are drawn and the rest pooled as "others" (the
# table gives every outlet, as shares of its claims). An outlet with few claims reflects one or two stories, not an
# editorial line: read the `claims` column beside each share.

# %%
if matrix.empty:
    plots.save_figure(report, plots.placeholder("No casualty claim in this selection."), "attribution_matrix",
                      data=matrix)
else:
    drawn = shown.pool_outlets(matrix, shown.top_outlets(matrix.sum(axis=1)))
    fig, ax = plots.figure(1.6 + 1.3 * drawn.shape[1], 1.2 + 0.45 * drawn.shape[0])
    top = drawn.to_numpy().max()
    plots.heatmap(ax, drawn, "Blues", vmin=0, ink=lambda value: "white" if value > top / 2 else "black",
                  colorbar={"label": "claims", "integer": True})
    ax.set_xlabel("side of the claimant")
    ax.set_title("Claims relayed, by outlet and claimant side")
    plots.save_figure(report, fig, "attribution_matrix", data=matrix)
    claims_per_outlet = matrix.sum(axis=1)
    reports.show_table(shown.percents(matrix.div(claims_per_outlet, axis=0), matrix.columns).assign(
        claims=claims_per_outlet).rename_axis("relayed by").reset_index(), caption="Share of each outlet's claims by claimant side")
traced = claims.assign(figure=[tolls.figure_text(c, q, v) for c, q, v in zip(claims["count"], claims["qualifier"],
                                                                           claims["vague"])],
                       claimant_side=claims["claimant_side"].fillna(tolls.UNKNOWN_SIDE))
traced = traced.sort_values(["outlet", "claimant_side", "article_id", "start"])
display(HTML(shown.evidence_html(shown.evidence(traced, [f"{c}: {w} ({s})" for c, w, s in zip(
    traced["claimant_side"], claim_words(traced), traced["scope"])], "evidence"), "Sentences behind the matrix")))

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
