"""Distinctive vocabulary (analysis.compare.vocabulary): Fightin' Words log-odds, outlet similarity, the outlet
map, the sentences behind each term and the background corpus."""

import numpy as np
import pandas as pd
import pytest

from analysis.compare import vocabulary
from analysis.compare.vocabulary import distinctive_terms, outlet_map, outlet_similarity

BASE = "troops shelled the town and the ministry reported casualties near the front line"


@pytest.fixture
def corpus():
    rows = []
    for i in range(6):
        rows.append({"outlet": "Baku Daily", "text": f"{BASE}. The army liberated villages from occupation. day {i}"})
        rows.append({"outlet": "Yerevan Post", "text": f"{BASE}. Azerbaijani aggression continued against Artsakh. day {i}"})
        rows.append({"outlet": "Wire", "text": f"{BASE}. Both sides traded accusations over Nagorno-Karabakh. day {i}"})
    return pd.DataFrame(rows)


def test_known_distinctive_words(corpus):
    terms = distinctive_terms(corpus, n_terms=3)
    top = terms.groupby("outlet")["term"].apply(set).to_dict()
    assert top["Baku Daily"] <= {"army", "liberated", "villages", "occupation"}
    assert top["Yerevan Post"] <= {"aggression", "artsakh", "azerbaijani", "continued"}
    assert (terms["z"] > 0).all()
    row = terms[(terms["outlet"] == "Baku Daily") & (terms["term"] == "liberated")].iloc[0]
    assert row["count"] == 6 and row["count_rest"] == 0
    assert np.isclose(row["z"], row["delta"] / np.sqrt(row["variance"]))


def test_shared_words_are_not_distinctive(corpus):
    terms = distinctive_terms(corpus, n_terms=None)
    shared = terms[terms["term"] == "shelled"]
    own = terms[(terms["outlet"] == "Baku Daily") & (terms["term"] == "liberated")]["z"].iloc[0]
    assert len(shared) == 3 and (shared["z"].abs() < own / 10).all()


def test_stronger_prior_shrinks_delta(corpus):
    weak = distinctive_terms(corpus, prior_strength=0.1, n_terms=None)
    strong = distinctive_terms(corpus, prior_strength=10.0, n_terms=None)
    pick = lambda t: t[(t["outlet"] == "Baku Daily") & (t["term"] == "liberated")]["delta"].iloc[0]
    assert abs(pick(strong)) < abs(pick(weak))


def test_background_corpus_or_counts(corpus):
    background = pd.Series({"liberated": 1000, "occupation": 1000, "troops": 5})
    with_counts = distinctive_terms(corpus, background=background, n_terms=None)
    default = distinctive_terms(corpus, n_terms=None)
    pick = lambda t, w: t[(t["outlet"] == "Baku Daily") & (t["term"] == w)]["prior"].iloc[0]
    assert pick(with_counts, "liberated") > pick(default, "liberated")
    texts = pd.DataFrame({"text": ["liberated liberated occupation troops"] * 3})
    assert not distinctive_terms(corpus, background=texts).empty


def test_min_df_drops_rare_terms(corpus):
    terms = distinctive_terms(corpus, min_df=7, n_terms=None)
    assert "liberated" not in set(terms["term"]) and "shelled" in set(terms["term"])


@pytest.mark.parametrize("kwargs,match", [
    ({"min_df": 0}, "min_df"), ({"min_df": 1.5}, "min_df"), ({"prior_strength": 0}, "prior_strength"),
    ({"n_terms": 0}, "n_terms"), ({"background": [1, 2]}, "background"),
])
def test_parameter_errors(corpus, kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        distinctive_terms(corpus, **kwargs)


def test_needs_two_outlets(corpus):
    with pytest.raises(ValueError, match="at least 2 outlets"):
        distinctive_terms(corpus[corpus["outlet"] == "Wire"])


def test_similarity_and_map(corpus):
    sim = outlet_similarity(corpus)
    assert list(sim.index) == list(sim.columns) == ["Baku Daily", "Wire", "Yerevan Post"]
    assert np.allclose(sim.to_numpy(), sim.to_numpy().T) and np.allclose(np.diag(sim), 1)
    first = outlet_map(sim, corpus)
    again = outlet_map(outlet_similarity(corpus.sample(frac=1, random_state=3)), corpus)
    assert np.allclose(first[["x", "y"]], again[["x", "y"]])
    assert first["n_articles"].tolist() == [6, 6, 6]
    d = lambda a, b: np.hypot(*(first.loc[a, ["x", "y"]] - first.loc[b, ["x", "y"]]))
    assert d(0, 1) > 0 and d(0, 2) > 0
    with pytest.raises(ValueError, match="similarity"):
        outlet_map(sim.iloc[:, :2])


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


def test_debris_foreign_function_words_and_furniture_are_left_out():
    from analysis.compare import vocabulary as vocab

    body = ("Shelling hit {place} overnight and {place} residents sheltered in basements while rescuers searched "
            "the ruins of homes near the market.")
    footer = "Copyright 2020 Asbarez. All rights reserved."
    rows = []
    for i in range(4):
        rows.append({"article_id": f"a{i}", "outlet": "A", "language": "en",
                     "text": body.format(place="Stepanakert") + f"\nArticleClose und der die\n{footer}\n"})
        rows.append({"article_id": f"b{i}", "outlet": "B", "language": "en",
                     "text": body.format(place="Ganja") + "\nil est dans la ville pour les élections\n"})
    rows.append({"article_id": "c0", "outlet": None, "language": "en", "text": "Barda Barda Barda"})
    rows.append({"article_id": "r0", "outlet": "B", "language": "ru", "text": "и в на что это Москва"})
    kept, left_out = vocab.comparable_articles(pd.DataFrame(rows))
    assert left_out == {"no outlet": 1, "not English": 1} and len(kept) == 8
    assert not any(footer.lower() in t.lower() for t in kept["text"])  # a short line repeated in 4 articles of A
    terms = vocab.distinctive_terms(kept, n_terms=None)
    found = set(terms["term"])
    assert {"stepanakert", "ganja"} <= found
    assert not found & {"copyright", "articleclose", "asbarez", "und", "der", "die", "il", "est", "dans", "la", "les"}
    assert not found & {"barda", "москва"}
