"""Per-outlet framing comparisons for report 04: selections, name shares, label rates, evidence."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.compare import hedges as hedging
from analysis.compare import names as naming
from analysis.compare import overview
from analysis.compare import vocabulary
from analysis.core import catalog
from analysis.extract import names as extract_names
from analysis.report import render as reports
from analysis.lexicons.load import LexiconError


def corpus(*rows):
    """Articles from (outlet, text) pairs, with n_words as the corpus counts them."""
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(rows))],
        "outlet": [o for o, _ in rows],
        "text": [t for _, t in rows],
        "n_words": [len(t.split()) for _, t in rows],
    })


AZ = ("Azertac", "Armenian forces shelled Tartar and Barda overnight. Khankendi was hit by return fire. "
              "KHANKENDI residents fled, the ministry said. The occupied territories of Karabakh were liberated, "
              "Baku said. Separatist leaders in Khankendi denied it.")
AM = ("Armenpress", "Azerbaijani drones struck Stepanakert and Shushi on Sunday. The Artsakh Defense Army said "
                    "Stepanakert was shelled again. Shusha, as Azerbaijan calls Shushi, was also hit.")
WIRE = ("Reuters", "Fighting continued in Nagorno-Karabakh, a breakaway region. Stepanakert, which Azerbaijan calls "
                   "Khankendi, was shelled, ethnic Armenian officials said.")


@pytest.fixture(scope="module")
def small():
    articles = corpus(AZ, AM, WIRE)
    return articles, extract_names.name_mentions(articles)


def test_select_rows_keeps_the_selection_and_names_unknown_outlets():
    table = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["RT", None, "RT"], "x": [1, 2, 3]})
    chosen = pd.DataFrame({"article_id": ["b", "c"]})
    rows = overview.select_rows(table, chosen)
    assert list(rows["article_id"]) == ["b", "c"]
    assert list(rows["outlet"]) == [overview.UNKNOWN_OUTLET, "RT"]
    with pytest.raises(ValueError, match="table: missing column"):
        overview.select_rows(pd.DataFrame({"id": [1]}), chosen)


def test_outlet_name_shares_show_which_name_each_outlet_uses(small):
    _articles, mentions = small
    shares = naming.outlet_name_shares(mentions, "place")
    step = shares[shares["key"] == "Stepanakert"].set_index(["outlet", "name"])
    # Azertac: Khankendi only; upper-case headline form folded into the same name
    assert step.loc[("Azertac", "Khankendi"), "count"] == 3
    assert step.loc[("Azertac", "Khankendi"), "key_share"] == 1.0
    assert step.loc[("Armenpress", "Stepanakert"), "count"] == 2
    assert step.loc[("Reuters", "Stepanakert"), "key_share"] == 0.5
    assert step.loc[("Reuters", "Khankendi"), "key_share"] == 0.5
    shushi = shares[(shares["key"] == "Shushi") & (shares["outlet"] == "Armenpress")].set_index("name")
    assert shushi["count"].to_dict() == {"Shushi": 2, "Shusha": 1}
    # shares within each outlet and key add up to one
    assert (shares.groupby(["outlet", "key"])["key_share"].sum().round(9) == 1).all()
    assert (shares.groupby("outlet")["category_share"].sum().round(9) == 1).all()


def test_place_name_choices_keep_places_with_alternative_names_most_mentioned_first(small):
    _articles, mentions = small
    choices = naming.place_name_choices(mentions)
    assert "Barda" in set(naming.alternative_name_keys())  # Barda/Bərdə: spellings count as names
    assert list(dict.fromkeys(choices["key"]))[0] == "Stepanakert"
    assert set(choices["key"]) <= set(naming.alternative_name_keys())
    assert list(dict.fromkeys(naming.place_name_choices(mentions, max_places=1)["key"])) == ["Stepanakert"]
    with pytest.raises(ValueError, match="max_places"):
        naming.place_name_choices(mentions, max_places=0)


def test_region_key_shares_per_outlet(small):
    _articles, mentions = small
    region = naming.outlet_key_shares(mentions, "region").set_index(["outlet", "key"])
    assert region.loc[("Azertac", "Karabakh"), "share"] == 1.0
    assert region.loc[("Armenpress", "Artsakh"), "count"] == 1
    assert region.loc[("Reuters", "Nagorno-Karabakh"), "count"] == 1
    with pytest.raises(ValueError, match="category"):
        naming.outlet_key_shares(mentions, "places")


def test_label_rates_are_per_thousand_words_of_the_outlet(small):
    articles, mentions = small
    rates = naming.label_rates(mentions, articles).set_index(["outlet", "key"])
    words = articles.set_index("outlet")["n_words"]
    labels = mentions[mentions["category"] == "label"]
    for (outlet, key), row in rates.iterrows():
        count = int(((labels["outlet"] == outlet) & (labels["key"] == key)).sum())
        assert row["count"] == count
        assert row["per_1000_words"] == pytest.approx(count / words[outlet] * 1000)
    assert {"occupation", "liberation", "separatist"} <= set(rates.loc["Azertac"].index)
    assert "breakaway" in set(rates.loc["Reuters"].index)
    with pytest.raises(ValueError, match="pass the same selection"):
        naming.label_rates(mentions, articles[articles["outlet"] != "Azertac"])


def test_relabel_uses_the_analysts_lexicon(small, tmp_path):
    articles, mentions = small
    assert extract_names.relabel(mentions, articles, None) is mentions
    lexicon = tmp_path / "my_labels.csv"
    lexicon.write_text("key,name\nregime,regime\ndrone war,drones\n", encoding="utf-8")
    relabeled = extract_names.relabel(mentions, articles, lexicon)
    labels = relabeled[relabeled["category"] == "label"]
    assert set(labels["key"]) == {"drone war"}
    assert labels.iloc[0]["sentence"].startswith("Azerbaijani drones struck")
    # region and place rows are untouched
    others = relabeled[relabeled["category"] != "label"].reset_index(drop=True)
    pd.testing.assert_frame_equal(others, mentions[mentions["category"] != "label"].reset_index(drop=True))
    bad = tmp_path / "bad.csv"
    bad.write_text("label,word\nx,y\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.csv: missing column"):
        extract_names.relabel(mentions, articles, bad)


def test_pivot_outlets_fills_zeros_and_orders_columns_by_total():
    table = pd.DataFrame({"outlet": ["A", "A", "B"], "side": ["x", "y", "y"], "share": [0.25, 0.75, 1.0]})
    wide = naming.pivot_outlets(table, "side", "share")
    assert list(wide.columns) == ["y", "x"]
    assert wide.loc["B", "x"] == 0
    assert naming.pivot_outlets(table.iloc[:0], "side", "share").empty


def test_rate_evidence_marks_exactly_what_hedge_rates_count(processed_dir):
    hedges = catalog.load("hedges", processed_dir)
    sources = catalog.load("sources", processed_dir)
    evidence = hedging.rate_evidence(hedges)
    rates = hedging.hedge_rates(hedges, sources)
    counted = evidence[evidence["counted"]]
    hedged = counted.drop_duplicates(["outlet", "side", "article_id", "sentence_index"]).groupby(["outlet", "side"]).size()
    assert hedged.to_dict() == rates[rates["hedged"] > 0].set_index(["outlet", "side"])["hedged"].to_dict()
    assert not evidence.loc[evidence["quoted"], "counted"].any()
    assert not evidence.loc[evidence["kind"] == "attribution", "counted"].any()
    with_quotes = hedging.rate_evidence(hedges, include_quoted=True)
    assert with_quotes["counted"].sum() >= evidence["counted"].sum()


def test_term_sentences_point_at_the_term(seed_articles):
    terms = vocabulary.distinctive_terms(seed_articles, n_terms=5)
    evidence = vocabulary.term_sentences(seed_articles, terms, per_term=2)
    texts = seed_articles.set_index("article_id")["text"]
    outlets = seed_articles.set_index("article_id")["outlet"]
    assert len(evidence) >= len(terms)  # every top term occurs at least once in its outlet
    for row in evidence.itertuples():
        assert texts[row.article_id][row.start:row.end].lower() == row.term
        assert row.term in row.sentence.lower()
        assert outlets[row.article_id] == row.outlet
    assert evidence.groupby(["outlet", "term"]).size().max() <= 2


def test_read_background_accepts_text_and_csv(tmp_path):
    text = tmp_path / "bg.txt"
    text.write_text("Shelling continued overnight, officials said.", encoding="utf-8")
    assert vocabulary.read_background(text)["text"].iloc[0].startswith("Shelling")
    docs = tmp_path / "docs.csv"
    docs.write_text('text\n"One article."\n"Another, with a comma."\n', encoding="utf-8")
    assert len(vocabulary.read_background(docs)) == 2
    counts = tmp_path / "counts.csv"
    counts.write_text("term,count\nshelling,40\nceasefire,12\n", encoding="utf-8")
    series = vocabulary.read_background(counts)
    assert series["shelling"] == 40
    counts.write_text("term,count\nshelling,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2: count 'many'"):
        vocabulary.read_background(counts)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a text column"):
        vocabulary.read_background(other)
    with pytest.raises(FileNotFoundError, match="background_file"):
        vocabulary.read_background(tmp_path / "missing.txt")


def test_framing_report_renders_for_one_outlet(processed_dir, tmp_path):
    rendered = reports.render("04", {"processed_dir": str(processed_dir), "outlets": ["RT"]}, out_dir=tmp_path)
    record = json.loads(rendered.provenance.read_text(encoding="utf-8"))
    assert set(record["parameters"]) == set(reports.declared_parameters(reports.notebook_paths()["04_framing"]))
    page = rendered.html.read_text(encoding="utf-8")
    assert "Whose claims are hedged" in page and "Evidence: every hedge marker" in page
    figures = rendered.html.parent / "figures" / "04_framing"
    for stem in ("region_names", "place_names", "label_rates", "voices", "hedge_rates", "distinctive_terms",
                 "outlet_similarity", "outlet_map"):
        assert (figures / f"{stem}.png").exists(), stem
