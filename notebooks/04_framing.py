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
# # 04 · Framing
#
# How outlets frame the war: the names they use for the region and its places, the labels they give the
# parties, whose voices they carry, whose claims they hedge, and the words that set each outlet apart.
#
# Every figure is followed by the sentences behind it (outlet, what was found, the sentence with the words marked,
# article id and character offset), and the CSV twin of each figure in `reports/figures/04_framing/` holds the
# numbers. Names, labels and hedges come from editable lexicons in `src/analysis/lexicons/` (see `docs/SCHEMA.md`);
# a word the lexicons do not list is not counted. Past twelve outlets, a figure draws the twelve with the most
# material and pools or lists the rest; articles without an outlet are shown apart as "(unknown)".

# %% tags=["parameters"]
raw_dir = None  # raw article folder, None for the project's data/raw
processed_dir = None  # processed tables folder, None for the project's data/processed
outlets = []  # outlets to show, empty for all
date_from = None  # first publication date shown (YYYY-MM-DD), None for no bound
date_to = None  # last publication date shown (YYYY-MM-DD), None for no bound
lexicon_file = None  # an analyst label lexicon CSV with key and name columns, None for the bundled labels.csv
min_df = 1  # distinctive terms and similarity use terms found in at least this many articles (or a share if below 1)
prior_strength = 1.0  # weight of the log-odds prior relative to the corpus size
n_terms = 15  # distinctive terms shown per outlet
background_file = None  # background corpus for the log-odds prior (a text file or a CSV), None for the pooled corpus

# %%
from IPython.display import HTML, display

from analysis.compare import display as shown
from analysis.compare import framing
from analysis.compare import hedges as hedging
from analysis.compare import names as naming
from analysis.compare import overview
from analysis.compare import sources as voices
from analysis.compare import vocabulary
from analysis.core import catalog
from analysis.extract.names import relabel
from analysis.lexicons.load import name_key
from analysis.report import plots
from analysis.report import render as reports
from analysis.report import palette
from analysis.report.palette import SIDE_COLOURS

report = reports.start("04_framing", raw_dir=raw_dir, processed_dir=processed_dir, outlets=outlets,
                       date_from=date_from, date_to=date_to, lexicon_file=lexicon_file, min_df=min_df,
                       prior_strength=prior_strength, n_terms=n_terms, background_file=background_file)
all_articles = catalog.load("articles", report.tables)
selected = overview.select_articles(all_articles, outlets, date_from, date_to)
articles = overview.select_rows(selected, selected)
mentions = relabel(overview.select_rows(catalog.load("name_mentions", report.tables), articles),
                   articles, lexicon_file)
sources = overview.select_rows(catalog.load("sources", report.tables), articles)
hedges = overview.select_rows(catalog.load("hedges", report.tables), articles)
region = naming.outlet_key_shares(mentions, "region")
voice = voices.voice_by_side(sources)
rates = hedging.hedge_rates(hedges, sources)
compared_articles, left_out = vocabulary.comparable_articles(articles)
n_outlets = compared_articles["outlet"].nunique()
similarity = vocabulary.outlet_similarity(compared_articles, min_df=min_df) if n_outlets >= 2 else None
reports.show_findings([reports.Finding(text, anchor=anchor, label="figure") for text, anchor in
                       framing.framing_findings(region, voice, rates, similarity)])
reports.show_caveats(reports.corpus_caveats(all_articles, selected, catalog.accuracy_summary(), measure="framing"))
print(f"{len(articles)} of {len(all_articles)} articles selected, from {overview.outlets_phrase(articles['outlet'])}; "
      f"{len(mentions)} name and label mentions, {len(sources)} source mentions, {len(hedges)} hedge markers.")


def evidence(rows, claim, span, caption):
    """The rows' evidence table: outlet, what was found, the sentence with ``span`` marked, article id and offset."""
    display(HTML(shown.evidence_html(shown.evidence(rows, claim, span), caption)))


def pooled_shares(table, column, value):
    """Outlet x ``column`` shares for a figure: the top outlets by ``value``, the rest pooled as others."""
    wide = naming.pivot_outlets(table, column, value)
    if wide.empty:
        return wide
    drawn = shown.pool_outlets(wide, shown.top_outlets(wide.sum(axis=1)))
    return drawn.div(drawn.sum(axis=1), axis=0)


# %% [markdown]
# <a id="region"></a>
# ## What each outlet calls the region
# Share of each outlet's mentions of the region that use each name: Artsakh (the Armenian name),
# Nagorno-Karabakh (the Russian-derived international name), Karabakh alone, and the Azerbaijani renderings
# (Daghlig Garabagh, Garabagh, Upper Karabakh) when they occur. Every occurrence counts, headlines and quoted
# speech included: an outlet chooses whom to quote and in what words. "Republic of Artsakh" counts once, as Artsakh.
# The twelve outlets with the most mentions are drawn, the others pooled; the table gives every outlet.

# %%
region_wide = pooled_shares(region, "key", "count")
fig, ax = plots.figure(8, 0.4 * len(region_wide) + 1.5)
if region_wide.empty:
    plots.empty(ax, "no region names in the selection")
else:
    region_colours = palette.lexicon_colours(region_wide.columns, naming.region_key_order())
    plots.stacked_shares(ax, region_wide, "share of the outlet's region-name mentions", "name",
                         colours=[region_colours[k] for k in region_wide.columns])
ax.set_title("Names of the region per outlet")
plots.save_figure(report, fig, "region_names", data=region)
reports.show_table(shown.percents(region, ["share"]), caption="Region names per outlet (counts and shares)")
region_rows = mentions[mentions["category"] == "region"]
evidence(region_rows, "name", "name", "Evidence: every region-name mention and its sentence")

# %% [markdown]
# ## Which name each outlet uses for a place
# Places that have an Armenian and an Azerbaijani name (Stepanakert/Khankendi, Shushi/Shusha,
# Martakert/Aghdere, ...), the most mentioned first. Each bar is one outlet; its segments are the shares of
# the names it used for that place. Spellings of one name (Jabrail, Jabrayil) are listed apart: transliteration
# is not a political choice, but it can mark the source an outlet copies from. The bars are the outlets with the
# most place mentions (eight at most); the table lists every outlet.

# %%
places = naming.place_name_choices(mentions, max_places=6)
keep = set(shown.top_outlets(places.groupby("outlet")["count"].sum(), 8)) if len(places) else set()
bars = [b for b in dict.fromkeys(zip(places["key"], places["outlet"])) if b[1] in keep]
fig, ax = plots.figure(8, 0.3 * len(bars) + 1.5)
if not bars:
    plots.empty(ax, "no places with alternative names in the selection")
else:
    name_order = naming.place_name_order()  # a name's colour follows the gazetteer, the same in every bar and corpus
    segments = []
    for key, outlet in bars:
        rows = places[(places["key"] == key) & (places["outlet"] == outlet)]
        colours = palette.lexicon_colours([name_key(n) for n in rows["name"]], name_order.get(key, []))
        segments.append((f"{key} · {outlet}", [(row.key_share, f"{row.name} ({row.count})", colours[name_key(row.name)])
                                              for row in rows.itertuples()]))
    plots.segmented_hbars(ax, segments, "share of the outlet's mentions of the place (segment: name used, mentions)")
ax.set_title("Which name each outlet uses for a place")
plots.save_figure(report, fig, "place_names", data=places)
reports.show_table(shown.percents(places, ["key_share", "category_share"]), caption="Place names per outlet")
place_rows = mentions[(mentions["category"] == "place") & mentions["key"].isin(places["key"])]
evidence(place_rows, [f"{k}: {n}" for k, n in zip(place_rows["key"], place_rows["name"])], "name",
         "Evidence: the place-name mentions and their sentences")

# %% [markdown]
# ## Party labels per 1,000 words
# How often each outlet uses each label (separatist, breakaway, occupied, liberated, terrorist, Azeri vs
# Azerbaijani, ...) per 1,000 words of its selected articles. Labels come from `lexicons/labels.csv`, or from the
# analyst's lexicon given as `lexicon_file`. A label counts wherever it occurs, in quoted speech too, and it is
# not read for whom it is applied to: check the sentences before drawing a conclusion. In a short article, one
# mention moves a rate by several points. The map draws the twelve outlets with the most label mentions.

# %%
labels = naming.label_rates(mentions, articles)
labels_wide = naming.pivot_outlets(labels, "key", "per_1000_words")
if len(labels_wide):
    labels_wide = labels_wide.loc[shown.top_outlets(labels.groupby("outlet")["count"].sum())]
fig, ax = plots.figure(max(6, 0.55 * labels_wide.shape[1] + 2), 0.45 * len(labels_wide) + 2)
if labels_wide.empty:
    plots.empty(ax, "no party labels in the selection")
else:
    plots.heatmap(ax, labels_wide, "Blues", fmt=lambda rate: f"{rate:.1f}" if rate else "", ink="black",
                  fontsize="small", xrotation=45, colorbar={"label": "mentions per 1,000 words"})
ax.set_title("Party labels per 1,000 words")
plots.save_figure(report, fig, "label_rates", data=labels)
reports.show_table(labels.round({"per_1000_words": 2}), caption="Party labels per outlet")
label_rows = mentions[mentions["category"] == "label"]
evidence(label_rows, [f"{k}: {n}" for k, n in zip(label_rows["key"], label_rows["name"])], "name",
         "Evidence: every label mention and its sentence")

# %% [markdown]
# <a id="voices"></a>
# ## Whose voices each outlet carries
# Share of each outlet's sources (people, bodies, governments it quotes or cites) by side. Sources are counted
# distinct within each article and summed over the outlet's articles (`sources_per_article_summed`): a source
# cited five times in an article counts once there, but a source quoted in two articles of the outlet counts
# twice. Short and long forms of one name ("Poghosyan", "Artsakh presidential spokesperson Vahram Poghosyan") are
# merged within an article. `unspecified` is a source the actor lexicon cannot place (a hospital doctor,
# "a witness"). The side is the source's, not the side its words favour. The twelve outlets with the most sources
# are drawn, the others pooled.

# %%
voice_wide = pooled_shares(voice, "side", "sources_per_article_summed")
voice_wide = voice_wide[[s for s in SIDE_COLOURS if s in voice_wide.columns]]
fig, ax = plots.figure(8, 0.4 * len(voice_wide) + 1.5)
if voice_wide.empty:
    plots.empty(ax, "no sources in the selection")
else:
    plots.stacked_shares(ax, voice_wide,
                         "share of the outlet's sources (distinct per article, summed over its articles)", "side",
                         colours=[SIDE_COLOURS[s] for s in voice_wide.columns])
ax.set_title("Voices by side")
plots.save_figure(report, fig, "voices", data=voice)
reports.show_table(shown.percents(voice, ["share"]),
                   caption="Sources per outlet and side (distinct within each article, summed over the outlet's articles)")
evidence(sources, [f"{src} ({side})" for src, side in zip(sources["source"], sources["side"])], "source",
         "Evidence: every source mention and its sentence")

# %% [markdown]
# <a id="hedges"></a>
# ## Whose claims are hedged
# For each side, the share of its claims that the outlet keeps at a distance ("claimed", "allegedly",
# "so-called") or marks as uncertain ("reportedly", "unverified"). A claim is a sentence attributed to a source
# of the side, or holding a hedge on the side's claim. `ratio_to_other_side` compares the two sides from the row's
# point of view: the row's side's rate divided by the other side's rate. Above 1, the row's side is hedged more
# often. The label beside each outlet, "Arm/Az", is the armenian row's ratio. `∞` means only the row's side has
# hedged claims (the other side's rate is 0); `n/a` means neither side has a hedged claim (0/0) or the other side
# has no claims in the outlet; third-party rows are not compared (—). Hedges inside quoted speech are someone
# else's words and are left out of the rates, as are "according to" (plain attribution) and hedges whose side could
# not be read; the evidence lists every counted marker. Rates built on a handful of claims are fragile: read
# `statements` and `hedged` beside every rate. The twelve outlets with the most claims are drawn.

# %%
rates_wide = naming.pivot_outlets(rates, "side", "rate")
rates_wide = rates_wide[[s for s in hedging.SIDES if s in rates_wide.columns]]
if len(rates_wide):
    rates_wide = rates_wide.loc[shown.top_outlets(rates.groupby("outlet")["statements"].sum())]
fig, ax = plots.figure(8, 0.55 * len(rates_wide) + 1.5)
if rates_wide.empty:
    plots.empty(ax, "no claims or hedges in the selection")
else:
    armenian = rates["side"] == "armenian"
    ratio = dict(zip(rates.loc[armenian, "outlet"], hedging.ratio_text(rates)[armenian]))
    shown_labels = [f"{o}  (Arm/Az {ratio[o].split(' (')[0]})" if ratio.get(o, "—") != "—" else o
                    for o in rates_wide.index]
    plots.grouped_hbars(ax, shown_labels, {s: rates_wide[s].to_numpy() for s in rates_wide.columns})
    for bars_, side in zip(ax.containers, rates_wide.columns):
        for bar in bars_:
            bar.set_color(SIDE_COLOURS[side])
    plots.legend_outside(ax, title="side")
    ax.set_xlim(0, 1)
    ax.set_xlabel("hedged share of the side's claims")
ax.set_title("Hedging rate by side")
plots.save_figure(report, fig, "hedge_rates", data=rates)
reports.show_table(shown.percents(rates, ["rate"]).assign(ratio_to_other_side=hedging.ratio_text(rates)),
                   caption="Hedging rates per outlet and side (ratio_to_other_side: this row's side's rate ÷ the other side's rate)")
counted = hedging.rate_evidence(hedges)
counted = counted[counted["counted"]]
evidence(counted, [f"{k} on {s} claim ({a})" if isinstance(a, str) and a else f"{k} on {s} claim"
                   for k, s, a in zip(counted["kind"], counted["side"], counted["actor"])], "marker",
         "Evidence: every hedge marker the rates count, and its side")

# %% [markdown]
# ## Words that set each outlet apart
# The terms each outlet uses more than the others, by the log-odds ratio with an informative Dirichlet prior
# (Monroe, Colaresi and Quinn 2008, "Fightin' Words"): a z-score above 2 is a usual threshold, and the prior
# keeps a rare term from ranking high on one or two uses. The prior comes from the pooled selection, or from the
# analyst's `background_file`; `prior_strength` sets its weight. Left out: function words (English, and those of the
# other languages a page may carry), page debris (copyright lines, share buttons, web addresses, site names; lists
# in `lexicons/vocabulary_stopwords.csv` and `lexicons/vocabulary_debris.csv`), short lines an outlet repeats across
# three articles or more (bylines, navigation), numbers, and articles with no outlet or not in English (counted
# below). With few articles per outlet these terms are largely the articles' topics, not the outlet's habits. The
# panels show the twelve outlets with most articles; the table gives every outlet. Needs two outlets or more.

# %%
print("Left out of the vocabulary comparison: " + ", ".join(f"{n} article(s) with {why}" if why == "no outlet"
                                                            else f"{n} article(s) {why}" for why, n in left_out.items())
      + f"; {len(compared_articles)} articles from {n_outlets} outlet(s) compared.")
background = vocabulary.read_background(background_file) if background_file else None
terms = (vocabulary.distinctive_terms(compared_articles, background=background, min_df=min_df,
                                      prior_strength=prior_strength, n_terms=n_terms) if n_outlets >= 2 else None)
names = (shown.top_outlets(compared_articles["outlet"].value_counts()) if terms is not None else [])
fig, axes = plots.panels(len(names), row_height=0.22 * n_terms + 1.2)
if not names:
    plots.empty(axes[0], "no second outlet to compare with in the selection")
for ax, outlet in zip(axes, names):
    top = terms[terms["outlet"] == outlet]
    plots.hbars(ax, top["term"], top["z"], xlabel="z-score", top_down=True, reference=2)
    ax.set_title(outlet, fontsize="small")
fig.suptitle("Distinctive terms per outlet (log-odds, informative Dirichlet prior)")
fig.tight_layout()
plots.save_figure(report, fig, "distinctive_terms", data=terms)
if terms is not None:
    reports.show_table(terms[["outlet", "rank", "term", "z", "count", "count_rest"]].round({"z": 2}),
                       caption="Distinctive terms with their z-scores")
    examples = vocabulary.term_sentences(compared_articles, terms[terms["rank"] <= 5], per_term=1)
    evidence(examples, [f"#{r} {t}" for r, t in zip(examples["rank"], examples["term"])], "term",
             "Evidence: a sentence of the outlet using each of its five first terms")

# %% [markdown]
# <a id="similarity"></a>
# ## How alike the outlets' vocabularies are
# Cosine similarity between outlets (all of an outlet's articles as one document, TF-IDF weighted, with the same
# words left out as above): 1 is the same vocabulary, 0 no word in common. The matrix shows the twelve outlets with
# most articles; the table lists the most alike pairs among all outlets. The map places every outlet so that
# distances approximate 1 - similarity (classical multidimensional scaling; only distances mean something, not the
# axes); the twelve outlets with most articles are named. Outlets that cover the same event look alike whatever their
# framing. Needs two outlets or more.

# %%
matrix_outlets = shown.top_outlets(compared_articles["outlet"].value_counts()) if similarity is not None else []
size = len(matrix_outlets)
fig, ax = plots.figure(0.55 * size + 3, 0.5 * size + 2)
if similarity is None:
    plots.empty(ax, "no second outlet to compare with in the selection")
else:
    plots.heatmap(ax, similarity.loc[matrix_outlets, matrix_outlets], "viridis", fmt="{:.2f}".format,
                  ink=lambda value: "white" if value < 0.6 else "black", vmin=0, vmax=1, aspect=None,
                  fontsize="small", xrotation=45, colorbar={"label": "cosine similarity"})
ax.set_title("Vocabulary similarity between outlets")
plots.save_figure(report, fig, "outlet_similarity", data=similarity)

coords = vocabulary.outlet_map(similarity, compared_articles) if similarity is not None else None
fig, ax = plots.figure(7, 5.5)
if coords is None:
    plots.empty(ax, "no second outlet to compare with in the selection")
else:
    named = coords["outlet"].isin(matrix_outlets)
    ax.scatter(coords.loc[~named, "x"], coords.loc[~named, "y"], s=15, color="#bbbbbb", label="other outlets")
    plots.labelled_scatter(ax, coords.loc[named, "x"], coords.loc[named, "y"], coords.loc[named, "outlet"],
                           sizes=30 + 10 * coords.loc[named, "n_articles"])
    ax.set_xlabel("MDS 1")
    ax.set_ylabel("MDS 2")
ax.set_title("Outlet map (distances approximate 1 - similarity)")
plots.save_figure(report, fig, "outlet_map", data=coords)
if similarity is not None:
    reports.show_table(vocabulary.most_similar_pairs(similarity, 20).round({"similarity": 2}),
                       caption="The most alike pairs of outlets")
    reports.show_table(coords.round({"x": 3, "y": 3}), caption="Map coordinates (marker size: articles of the outlet)")

# %%
reports.how_to_cite(report)
