"""Region, place and label naming (analysis.extract.names): seeds against gold, region counts, the per-outlet
name shares and label rates, and the outlet-style cases of tests/cases/names.yaml."""

import glob
import unicodedata
from pathlib import Path

import cases
import pandas as pd
import pytest

from analysis.core import config
from analysis.compare import names as compare_names
from analysis.extract import names as naming
from analysis.extract.names import REGION_KEYS, name_mentions, names_table, region_name_counts
from analysis.lexicons.load import LexiconError


def frame_of(*texts, outlet="Test"):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": outlet, "text": list(texts)})


def counts(text):
    return region_name_counts(frame_of(text)).iloc[0].to_dict()


def test_region_counts_match_gold_on_raw_text(gold_by_id):
    # The gold was counted on the raw files: the rule must reproduce it exactly.
    rows = [{"article_id": Path(f).stem, "outlet": "x", "text": unicodedata.normalize("NFC", Path(f).read_text())}
            for f in sorted(glob.glob(str(config.RAW_DIR / "*.txt")))]
    predicted = region_name_counts(pd.DataFrame(rows))
    for article_id, record in gold_by_id.items():
        for key, value in record["framing"]["region_names"].items():
            assert predicted.loc[article_id, key] == value, (article_id, key)


def test_region_counts_on_normalized_text(seed_articles, gold_by_id):
    # Normalization drops related-story headlines, so a name there is no longer counted.
    predicted = region_name_counts(seed_articles)
    exact = sum(
        all(predicted.loc[a, k] == v for k, v in g["framing"]["region_names"].items()) for a, g in gold_by_id.items()
    )
    assert exact >= 4
    assert list(predicted.columns[:3]) == list(REGION_KEYS)


def test_hyphen_and_space_forms_are_one_name_and_bare_karabakh_is_apart():
    c = counts("Fighting in Nagorno Karabakh spread. Nagorno-Karabakh officials said Karabakh's capital was hit.")
    assert c["Nagorno-Karabakh"] == 2 and c["Karabakh"] == 1 and c["Artsakh"] == 0


def test_republic_counts_once_and_compounds_count():
    c = counts("The Republic of Artsakh said the Artsakh-Azerbaijan line of contact was shelled.")
    assert c["Artsakh"] == 2


def test_handles_urls_typos_and_slugs_do_not_count():
    c = counts("— Arayik Harutyunyan (@Pres_Artsakh) see https://artsakh.news/karabakh-war and the Arstakh Rescue Center")
    assert c == {"Artsakh": 0, "Nagorno-Karabakh": 0, "Karabakh": 0}


def test_azerbaijani_names_get_their_own_keys():
    c = counts("Armenian armed forces shelled Daghlig Garabagh and other parts of Garabagh, and Upper Karabakh.")
    assert c["Daghlig Garabagh"] == 1 and c["Garabagh"] == 1 and c["Upper Karabakh"] == 1 and c["Karabakh"] == 0


def test_place_names_keep_the_written_variant():
    mentions = name_mentions(frame_of("Shells hit Khankendi (Stepanakert) and Shusha; Armenians call it Shushi."))
    places = mentions[mentions["category"] == "place"]
    assert list(zip(places["key"], places["name"])) == [
        ("Stepanakert", "Khankendi"), ("Stepanakert", "Stepanakert"), ("Shushi", "Shusha"), ("Shushi", "Shushi")]
    table = names_table(mentions)
    step = table[(table["key"] == "Stepanakert")]
    assert step["key_share"].tolist() == [0.5, 0.5]


def test_shares_sum_to_one_per_article_and_category(seed_articles):
    table = names_table(seed_articles)
    sums = table.groupby(["article_id", "category"])["share"].sum()
    assert (sums.round(9) == 1).all()
    assert set(table["category"]) == {"region", "place", "label"}


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="articles: missing column"):
        names_table(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(ValueError, match="row 0"):
        region_name_counts(pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "text": [None]}))


def test_region_name_counts_keep_karabakh_apart():
    text = "Nagorno-Karabakh, or Karabakh, which Armenians call Artsakh. Nagorno Karabakh again; Karabakh's war."
    counts = region_name_counts(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))
    assert counts.loc["a", ["Artsakh", "Nagorno-Karabakh", "Karabakh"]].tolist() == [1, 2, 2]


# --- per outlet: which name each outlet uses, label rates (report 04)


def outlet_corpus(*rows):
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
    articles = outlet_corpus(AZ, AM, WIRE)
    return articles, naming.name_mentions(articles)


def test_outlet_name_shares_show_which_name_each_outlet_uses(small):
    _articles, mentions = small
    shares = compare_names.outlet_name_shares(mentions, "place")
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
    choices = compare_names.place_name_choices(mentions)
    assert "Barda" in set(compare_names.alternative_name_keys())  # Barda/Bərdə: spellings count as names
    assert list(dict.fromkeys(choices["key"]))[0] == "Stepanakert"
    assert set(choices["key"]) <= set(compare_names.alternative_name_keys())
    assert list(dict.fromkeys(compare_names.place_name_choices(mentions, max_places=1)["key"])) == ["Stepanakert"]
    with pytest.raises(ValueError, match="max_places"):
        compare_names.place_name_choices(mentions, max_places=0)


def test_region_key_shares_per_outlet(small):
    _articles, mentions = small
    region = compare_names.outlet_key_shares(mentions, "region").set_index(["outlet", "key"])
    assert region.loc[("Azertac", "Karabakh"), "share"] == 1.0
    assert region.loc[("Armenpress", "Artsakh"), "count"] == 1
    assert region.loc[("Reuters", "Nagorno-Karabakh"), "count"] == 1
    with pytest.raises(ValueError, match="category"):
        compare_names.outlet_key_shares(mentions, "places")


def test_label_rates_are_per_thousand_words_of_the_outlet(small):
    articles, mentions = small
    rates = compare_names.label_rates(mentions, articles).set_index(["outlet", "key"])
    words = articles.set_index("outlet")["n_words"]
    labels = mentions[mentions["category"] == "label"]
    for (outlet, key), row in rates.iterrows():
        count = int(((labels["outlet"] == outlet) & (labels["key"] == key)).sum())
        assert row["count"] == count
        assert row["per_1000_words"] == pytest.approx(count / words[outlet] * 1000)
    assert {"occupation", "liberation", "separatist"} <= set(rates.loc["Azertac"].index)
    assert "breakaway" in set(rates.loc["Reuters"].index)
    with pytest.raises(ValueError, match="pass the same selection"):
        compare_names.label_rates(mentions, articles[articles["outlet"] != "Azertac"])


def test_relabel_uses_the_analysts_lexicon(small, tmp_path):
    articles, mentions = small
    assert naming.relabel(mentions, articles, None) is mentions
    lexicon = tmp_path / "my_labels.csv"
    lexicon.write_text("key,name\nregime,regime\ndrone war,drones\n", encoding="utf-8")
    relabeled = naming.relabel(mentions, articles, lexicon)
    labels = relabeled[relabeled["category"] == "label"]
    assert set(labels["key"]) == {"drone war"}
    assert labels.iloc[0]["sentence"].startswith("Azerbaijani drones struck")
    # region and place rows are untouched
    others = relabeled[relabeled["category"] != "label"].reset_index(drop=True)
    pd.testing.assert_frame_equal(others, mentions[mentions["category"] != "label"].reset_index(drop=True))
    bad = tmp_path / "bad.csv"
    bad.write_text("label,word\nx,y\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.csv: missing column"):
        naming.relabel(mentions, articles, bad)


# --- outlet-style sentences (tests/cases/names.yaml)


@pytest.mark.parametrize("case", cases.params("names"))
def test_outlet_case(case):
    cases.check("names", case)


def _region_counts(text):
    found = {}
    for m in naming.region_mentions(text):
        found[m.key] = found.get(m.key, 0) + 1
    return found


@pytest.mark.parametrize("text, expected", [
    # a title printed again counts once: plain, with the site's suffix, after a breadcrumb
    ("Truce holds in Nagorno-Karabakh for a day\nTruce holds in Nagorno-Karabakh for a day\n"
     "Officials in Nagorno-Karabakh said the night was calm.", {"Nagorno-Karabakh": 2}),
    ("Truce holds in Nagorno-Karabakh for a day - Some Wire - News you need\n"
     "Truce holds in Nagorno-Karabakh for a day\nOfficials in Nagorno-Karabakh said the night was calm.",
     {"Nagorno-Karabakh": 2}),
    ("Home World Truce holds in Nagorno-Karabakh for a day\nTruce holds in Nagorno-Karabakh for a day\n"
     "Officials in Nagorno-Karabakh said the night was calm.", {"Nagorno-Karabakh": 2}),
    # ... and when the breadcrumb is glued to it, as the text of some pages runs ("SiteWorldTruce ...")
    ("Daily ads here\nSite.comWorldTruce holds in Nagorno-Karabakh for a day\n\nTruce holds in Nagorno-Karabakh for a day\n"
     "Officials in Nagorno-Karabakh said the night was calm.", {"Nagorno-Karabakh": 2}),
    # a body line printed twice is not a title: it counts twice
    ("A quiet night\nOfficials in Karabakh said the night was calm.\nOfficials in Karabakh said the night was calm.",
     {"Karabakh": 2}),
    # captions that say they are captions, or end in an agency's credit
    ("A quiet night\nIn this photo released on Monday, a soldier walks in Nagorno-Karabakh.\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    ("A quiet night\nTwo boys play near a shelter in Nagorno-Karabakh on Oct. 4. AFP\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    ("A quiet night\nA volunteer in Karabakh\nA volunteer in Karabakh carries water on Oct. 4. (AP Photo)\n"
     "The night in Artsakh was calm.", {"Artsakh": 1}),
    # ... after a comma, with a dashed credit, calling itself a file picture, with a credit after a bar
    ("A quiet night\nA street of Stepanakert in Nagorno-Karabakh, in this handout photo from the ministry. — Reuters\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    ("A quiet night\nA street of Stepanakert in Nagorno-Karabakh on Oct. 4. — Reuters\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    ("A quiet night\nSoldiers rest at a post in Nagorno-Karabakh. File photo\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    ("A quiet night\nSmoke rises over a hill in Nagorno-Karabakh. | Twitter/Some Press Office\n"
     "The night in Karabakh was calm.", {"Karabakh": 1}),
    # the caption once without its credit, then with it: both are the caption
    ("A quiet night\nSmoke rises over a hill in Nagorno-Karabakh on Sunday.\n"
     "Smoke rises over a hill in Nagorno-Karabakh on Sunday. (AP Photo)\nThe night in Karabakh was calm.", {"Karabakh": 1}),
    # a body sentence with "photo" in it stays
    ("A quiet night\nA photo of the shelled church in Nagorno-Karabakh went round the world.\n", {"Nagorno-Karabakh": 1}),
    # a site's promotion of its coverage, and a list of category labels, are furniture
    ("A quiet night\nThe night in Karabakh was calm.\nFor more news about the Karabakh war, see: 'A long war'",
     {"Karabakh": 1}),
    ("Armenia, Armenian News, Artsakh\nA quiet night\nThe night in Karabakh was calm.", {"Karabakh": 1}),
    # a title with commas and a verb is no list of labels
    ("Armenia, Azerbaijan trade fire over Karabakh\nThe night in Artsakh was calm.", {"Karabakh": 1, "Artsakh": 1}),
    # Chinese media's short form has its own key
    ("A quiet night\nThe Naka conflict entered its third week, as fighting in Karabakh went on.", {"Naka": 1, "Karabakh": 1}),
    # a "Read:" link to another story
    ("A quiet night\nThe night in Artsakh was calm.\nRead: Ministers meet again over Nagorno-Karabakh",
     {"Artsakh": 1}),
    # links after an "ALSO READ" heading
    ("A quiet night\nThe night in Artsakh was calm, officials said.\nALSO READ\nShelling resumes in Karabakh\n"
     "Talks stall in Geneva", {"Artsakh": 1}),
    # a video's title beside its player
    ("A quiet night\nThe night in Artsakh was calm.\nScenes from Karabakh after the truce\nplease wait\n"
     "No media source currently available\n0:00 0:01:10 0:00\nScenes from Karabakh after the truce\n"
     "The talks go on.", {"Artsakh": 1}),
    # a name broken over a line by print layout
    ("A quiet night\nThe long war over Nagorno-\nKarabakh has a new front.", {"Nagorno-Karabakh": 1}),
])
def test_region_names_outside_furniture_and_repeats(text, expected):
    assert _region_counts(text) == expected


def test_a_link_prompt_glued_into_a_line_is_furniture_up_to_the_glued_sentence():
    text = ("The talks resumed in Geneva.\n"
            "Read alsoTalks on Karabakh stall againThe Nagorno-Karabakh delegation left early.\n"
            "Also on example.com Artsakh votes on Sunday, officials sayThe vote was delayed.")
    found = [m.key for m in naming.region_mentions(text)]
    assert found == ["Nagorno-Karabakh"]
