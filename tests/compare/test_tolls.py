"""Casualty-toll comparisons (report 02) on the real seed tables and on small hand-made ledgers."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from analysis.extract import claims as claims_mod
from analysis.build import pipeline
from analysis.compare import tolls
from analysis.evaluate import tolls_scoring


@pytest.fixture(scope="module")
def tables():
    return pipeline.build_tables()


@pytest.fixture(scope="module")
def all_claims(tables):
    return tolls.select_claims(tables["claims"], tables["articles"])


def _claim(**fields) -> dict:
    base = {c: None for c in claims_mod.COLUMNS}
    base.update(article_id="a1", outlet="Reuters", published=dt.date(2020, 10, 5), qualifier="exact",
                outcome="killed", group="civilian", side="armenian", scope="incident", claimant=None,
                claimant_side="outlet", evidence="x", sentence="x", start=0, end=1, incident_id=None)
    base.update(fields)
    if base["count"] is not None and base.get("count_low") is None:
        base["count_low"] = base["count_high"] = float(base["count"])
    return base


def _frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["count"] = frame["count"].astype("Int64")
    return frame


# ------------------------------------------------------------- selection ----


def test_selection_by_outlet_side_claimant_and_vague(tables, all_claims):
    claims, articles = tables["claims"], tables["articles"]
    assert len(all_claims) == len(claims)
    rt = tolls.select_claims(claims, articles, outlets=["RT"])
    assert set(rt["outlet"]) == {"RT"} and len(rt) == (claims["outlet"] == "RT").sum()
    az = tolls.select_claims(claims, articles, sides=["azerbaijani"])
    assert len(az) and set(az["side"]) == {"azerbaijani"}
    numbers = tolls.select_claims(claims, articles, include_vague=False)
    assert numbers["count"].notna().all() and len(numbers) == claims["count"].notna().sum() < len(claims)
    own = tolls.select_claims(claims, articles, claimants=[tolls.OWN_VOICE])
    assert len(own) and own["claimant"].isna().all()
    name = claims["claimant"].dropna().iloc[0]
    shouted = tolls.select_claims(claims, articles, claimants=[name.upper()])
    assert len(shouted) and set(shouted["claimant"].map(tolls.claimant_key)) == {tolls.claimant_key(name)}


def test_selection_by_dates_keeps_the_articles_in_range(tables):
    late = tolls.select_claims(tables["claims"], tables["articles"], date_from="2020-10-10")
    assert len(late) and all(d >= dt.date(2020, 10, 10) for d in late["published"])
    assert tolls.select_claims(tables["claims"], tables["articles"], date_to="2020-01-01").empty


@pytest.mark.parametrize("kwargs, named", [
    ({"sides": ["armenians"]}, "sides"),
    ({"claimants": ["Nobody Ministry"]}, "claimants"),
    ({"outlets": ["Pravda"]}, "outlets"),
    ({"date_from": "17/10/2020"}, "date_from"),
    ({"include_vague": "no"}, "include_vague"),
])
def test_bad_selection_names_the_parameter(tables, kwargs, named):
    with pytest.raises(tolls.SelectionError, match=f"parameter {named}"):
        tolls.select_claims(tables["claims"], tables["articles"], **kwargs)


def test_missing_columns_are_named(tables):
    with pytest.raises(ValueError, match="claims: missing column.*scope"):
        tolls.ledger(tables["claims"].drop(columns=["scope"]))


# ---------------------------------------------------------------- ledger ----


def test_ledger_counts_every_claim_once_and_never_sums_running_totals(tables, all_claims):
    table = tolls.ledger(all_claims, tables["incidents"])
    assert list(table.columns) == list(tolls.LEDGER_COLUMNS)
    assert table["n_claims"].sum() == len(all_claims)
    cumulative_only = table[(table["n_incidents"] == 0) & (table["latest_cumulative"] != "")]
    assert len(cumulative_only) and cumulative_only["incident_low"].isna().all()
    # Press TV relays the separatist government's 633 military dead as a running total, not an incident
    row = table[(table["outlet"] == "Press TV") & (table["group"] == "military") & (table["side"] == "armenian")]
    assert list(row["latest_cumulative"]) == ["633"] and row["incident_low"].isna().all()


def test_ledger_takes_one_figure_per_incident_and_the_latest_running_total():
    rows = [
        # the same strike, toll revised from 10 to 12 by the same ministry: counts as 12, not 22
        _claim(count=10, claimant="Defence Ministry", claimant_side="armenian", incident_id="inc_a", start=10),
        _claim(count=12, claimant="Defence Ministry", claimant_side="armenian", incident_id="inc_a", start=50,
               published=dt.date(2020, 10, 6)),
        # another strike the same week
        _claim(count=3, qualifier="at_least", count_low=3.0, count_high=math.inf, claimant="defence  ministry",
               claimant_side="armenian", incident_id="inc_b", start=90),
        # running totals: 200 then 230 — shown as the latest, never summed
        _claim(count=200, scope="cumulative", claimant="Defence Ministry", claimant_side="armenian", start=130),
        _claim(count=230, scope="cumulative", claimant="Defence Ministry", claimant_side="armenian", start=170,
               published=dt.date(2020, 10, 9)),
    ]
    table = tolls.ledger(_frame(rows))
    assert len(table) == 1
    row = table.iloc[0]
    assert row["n_claims"] == 5 and row["n_incidents"] == 2
    assert row["incident_low"] == 15 and row["incident_high"] == math.inf
    assert row["latest_cumulative"] == "230" and row["latest_cumulative_published"] == dt.date(2020, 10, 9)
    assert row["figures"] == "10; at least 3; 200; 12; 230"


# ------------------------------------------------------------- incidents ----


def test_ganja_strike_compares_rt_and_press_tv_figures(tables, all_claims):
    grouped = tolls.group_incidents(all_claims, tables["incidents"], mentions=tables["incident_mentions"])
    compared = tolls.compare_incidents(grouped)
    ganja = compared[compared["label"].str.startswith("Ganja") & (compared["incident_date"] == dt.date(2020, 10, 17))]
    assert set(ganja["outlet"]) == {"RT", "Press TV"}
    killed = ganja[ganja["outcome"] == "killed"]
    assert set(zip(killed["outlet"], killed["figure"])) >= {("Press TV", "at least 13"), ("RT", "12")}
    # RT never names Ganja: its figures are candidates, marked as such
    assert set(ganja.loc[ganja["outlet"] == "RT", "basis"]) == {"inferred"}
    # the strike on Ganja six days earlier stays a separate incident
    assert not compared["figure"].eq("at least 10").any()
    assert set(compared.columns) == set(tolls.COMPARISON_COLUMNS) | {"comparison", "spread"}


def test_claim_after_an_incident_mention_joins_it_and_ambiguous_claims_stay_alone(tables, all_claims):
    grouped = tolls.group_incidents(all_claims, tables["incidents"], mentions=tables["incident_mentions"])
    context = grouped[grouped["basis"] == "context"]
    assert len(context) and context["label"].str.contains("Stepanakert").all()
    alone = grouped[grouped["basis"] == "unlocated"]
    assert alone["comparison_id"].is_unique


def test_an_undated_place_group_says_so_in_its_label():
    grouped = tolls.group_incidents(_frame([_claim(count=5, location="Tartar", outlet="Reuters", published=None, start=0)]))
    assert grouped["label"].tolist() == ["Tartar, undated"]


def test_place_and_date_window_group_unlinked_claims():
    rows = [
        _claim(count=5, location="Tartar", outlet="Reuters", start=0),
        _claim(count=7, location="Terter", outlet="AP", article_id="a2", published=dt.date(2020, 10, 6), start=0),
        _claim(count=5, location="Tartar", outlet="TASS", article_id="a3", published=dt.date(2020, 10, 20), start=0),
    ]
    grouped = tolls.group_incidents(_frame(rows), window_days=1)
    first = grouped[grouped["published"] < dt.date(2020, 10, 10)]
    assert first["comparison_id"].nunique() == 1 and set(first["basis"]) == {"place"}
    assert grouped["comparison_id"].nunique() == 2
    compared = tolls.compare_incidents(grouped)
    assert set(compared["outlet"]) == {"Reuters", "AP"}
    with pytest.raises(ValueError, match="window_days"):
        tolls.group_incidents(_frame(rows), window_days=-1)


# ------------------------------------------------- totals and attribution ----


def test_running_totals_hold_only_cumulative_claims_with_their_trace(all_claims):
    totals = tolls.running_totals(all_claims)
    assert list(totals.columns) == list(tolls.RUNNING_COLUMNS)
    assert len(totals) == (all_claims["scope"] == "cumulative").sum() > 0
    own = totals[totals["claimant"].str.endswith(tolls.OWN_VOICE)]
    assert len(own) and all(c.startswith(o) for c, o in zip(own["claimant"], own["outlet"]))
    assert tolls.running_totals(all_claims[all_claims["scope"] != "cumulative"]).empty


def test_attribution_matrix_counts_equal_the_claims_per_outlet(all_claims):
    matrix = tolls.attribution_matrix(all_claims)
    assert matrix.sum(axis=1).to_dict() == all_claims["outlet"].value_counts().to_dict()
    assert list(matrix.columns[:4]) == list(tolls.CLAIMANT_SIDES)
    # RT relays no figure in its own voice in the seed; Asbarez mostly Armenian officials
    assert matrix.loc["RT", "outlet"] == 0
    assert matrix.loc["Asbarez", "armenian"] > matrix.loc["Asbarez", "azerbaijani"]
    assert tolls.attribution_matrix(all_claims.iloc[:0]).empty


# --------------------------------------------------------------- accuracy ----


def test_gold_accuracy_on_the_seeds(tables):
    score, missing = tolls_scoring.gold_accuracy(tables["claims"], tables["articles"])
    assert missing == []
    assert score.f1 >= 0.9 and score.n_gold > 20
    measures = tolls_scoring.score_table(score).set_index("measure")["value"]
    assert measures["F1"] == round(score.f1, 3)
    counts = [measures[m] for m in ("gold claims", "extracted claims", "matched")]
    assert all(type(c) is int for c in counts)  # shown as 31, not 31.000


def test_gold_accuracy_without_the_annotated_articles(tables, tmp_path):
    others = tables["articles"].assign(article_id=lambda f: "x" + f["article_id"])
    score, missing = tolls_scoring.gold_accuracy(tables["claims"], others)
    assert score is None and len(missing) == len(tables["articles"])
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        tolls_scoring.gold_accuracy(tables["claims"], tables["articles"], gold_file=bad)


def test_figures_in_words():
    assert tolls.figure_text(13, "at_least", None) == "at least 13"
    assert tolls.figure_text(30000, "about", None) == "about 30,000"
    assert tolls.figure_text(pd.NA, None, "dozens") == "dozens"
    intervals = tolls.vague_intervals().set_index("vague")
    assert intervals.loc["dozens", "count_low"] < intervals.loc["hundreds", "count_low"]


def test_field_disagreements_list_only_pairs_that_differ(tables):
    score, _ = tolls_scoring.gold_accuracy(tables["claims"], tables["articles"])
    wrong = tolls_scoring.field_disagreements(score)
    expected = sum(1 - v for v in score.field_accuracy.values()) * score.n_matched
    assert 0 < len(wrong) <= round(expected)
    for r in wrong.to_dict("records"):
        assert any(str(r[f"gold_{f}"]) != str(r[f"pred_{f}"]) for f in ("group", "scope", "claimant_side", "qualifier"))


def test_counts_are_shown_as_whole_numbers_and_open_ends_as_infinity():
    import pandas as pd

    assert [tolls.count_text(v) for v in (12.0, float("inf"), None, float("nan"), 27000.0)] == ["12", "∞", "", "", "27,000"]
    shown = tolls.counts_as_text(pd.DataFrame({"count_low": [13.0, 40.0], "count_high": [float("inf"), 199.0], "n": [1, 2]}))
    assert shown["count_low"].tolist() == ["13", "40"] and shown["count_high"].tolist() == ["∞", "199"]
    assert shown["n"].tolist() == [1, 2]


def test_symlog_ticks_label_every_panel_without_crowding():
    assert tolls.symlog_ticks(0, 845) == [0, 5, 10, 20, 50, 100, 200, 500]
    assert tolls.symlog_ticks(0, 12000) == [0, 10, 100, 1000, 10000]  # decades only when 1-2-5 would crowd
    assert len(tolls.symlog_ticks(0, 17.6)) >= 3  # a panel holding one figure (11) still gets ticks
    assert tolls.symlog_ticks(180, 15000)[0] == 200


# ------------------------------------------------- any corpus, fair comparisons ----


def test_unlike_figures_of_one_incident_are_not_compared():
    rows = [_claim(article_id="a1", outlet="A", count=10, group="military", incident_id="i1", start=0),
            _claim(article_id="a2", outlet="B", count=2, group="civilian", incident_id="i1", start=0),
            _claim(article_id="a3", outlet="C", count=3, group="civilian", incident_id="i1", start=0),
            _claim(article_id="a4", outlet="D", count=900, scope="cumulative", group="civilian", incident_id="i1")]
    grouped = tolls.group_incidents(_frame(rows))
    compared = tolls.compare_incidents(grouped)
    assert set(compared["outlet"]) == {"B", "C"}  # 10 soldiers never set against civilians; no running total
    assert compared["spread"].iloc[0] == 1.5 and len(tolls.widest_comparisons(compared)) == 1


def test_missing_outlets_and_undated_running_totals(tables):
    claims, articles = tables["claims"].copy(), tables["articles"].copy()
    articles.loc[0, "outlet"] = None
    claims.loc[claims["article_id"] == articles.loc[0, "article_id"], "outlet"] = None
    selected = tolls.select_claims(claims, articles)
    assert selected["outlet"].notna().all() and (selected["outlet"] == tolls.UNKNOWN_OUTLET).any() == bool(
        (claims["article_id"] == articles.loc[0, "article_id"]).any())
    cumulative = selected[selected["scope"] == "cumulative"].index
    assert len(cumulative)
    undated = selected.copy()
    undated.loc[cumulative[0], "published"] = None
    totals = tolls.running_totals(undated)
    assert totals["published"].isna().sum() == 1
    for _, series in totals.groupby("series"):  # an undated total is kept, after the dated ones of its series
        assert not series["published"].isna().iloc[:-1].any()
    assert all(totals[totals["series"] == s]["published"].notna().any() for s in tolls.chart_series(totals))
    assert sorted(tolls.attribution_matrix(selected).index) == sorted(selected["outlet"].unique())


def test_own_voice_totals_of_articles_without_an_outlet_are_not_pooled_into_one_claimant():
    rows = []
    for k, outlet in enumerate(["Asbarez", "Asbarez", None, None]):
        rows.append({"article_id": f"a{k}", "outlet": outlet, "published": f"2020-10-0{k + 1}", "start": 0, "end": 5,
                     "count": 100 + k, "qualifier": "exact", "vague": None, "count_low": 100 + k,
                     "count_high": 100 + k, "outcome": "killed", "side": "armenian", "group": "military",
                     "scope": "cumulative", "claimant": None, "claimant_side": "outlet", "evidence": "x",
                     "sentence": "x", "location": None})
    frame = pd.DataFrame(rows)
    frame["outlet"] = frame["outlet"].fillna(tolls.UNKNOWN_OUTLET)
    claimants = sorted(tolls.running_totals(frame)["claimant"].unique())
    assert claimants == sorted([f"Asbarez {tolls.OWN_VOICE}", f"{tolls.UNKNOWN_OUTLET} {tolls.OWN_VOICE}, a2",
                                f"{tolls.UNKNOWN_OUTLET} {tolls.OWN_VOICE}, a3"])


def test_the_first_finding_counts_named_outlets_and_figures_with_none():
    rows = [_claim(article_id="a1", outlet="Reuters", count=5), _claim(article_id="a2", outlet="TASS", count=7),
            _claim(article_id="a3", outlet=None, count=9)]
    claims = tolls.select_claims(_frame(rows), pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                                                             "outlet": ["Reuters", "TASS", None],
                                                             "published": [dt.date(2020, 10, 5)] * 3}))
    first = tolls.findings(claims, tolls.compare_incidents(tolls.group_incidents(claims, None)),
                           tolls.running_totals(claims), tolls.attribution_matrix(claims))[0][0]
    assert first.startswith("3 casualty figures from 3 articles (2 named outlets, and 1 figure with no outlet)")


def test_the_widest_disagreement_shows_named_outlets_and_groups_articles_naming_none():
    rows = [_claim(article_id="a1", outlet=None, count=4, incident_id="i1", start=0),
            _claim(article_id="a2", outlet=None, count=14, incident_id="i1", start=0),
            _claim(article_id="a3", outlet="Reuters", count=21, incident_id="i1", start=0)]
    claims = tolls.select_claims(_frame(rows), pd.DataFrame({"article_id": ["a1", "a2", "a3"],
                                                             "outlet": [None, None, "Reuters"],
                                                             "published": [dt.date(2020, 10, 28)] * 3}))
    said = tolls.findings(claims, tolls.compare_incidents(tolls.group_incidents(claims, None)),
                          tolls.running_totals(claims), tolls.attribution_matrix(claims))[1][0]
    assert "Reuters: 21; articles naming no outlet: 4, 14." in said and "(unknown)" not in said
