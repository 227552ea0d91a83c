"""The outlet palette: one colour and marker per outlet, the same in every figure of every report and corpus."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from analysis.core.values import ACTOR_SIDES, UNKNOWN_OUTLET
from analysis.lexicons.load import read_lexicon
from analysis.report import palette
from analysis.report.palette import OutletPalette

SEEDS = ["Asbarez", "Asbarez", "JAMnews", "RT", "Press TV"]
MANY = [f"outlet {k:02d}" for k in range(60)]
LEXICON = read_lexicon("outlets")
LISTED = sorted(set(LEXICON["outlet"]))


def test_a_name_keeps_its_colour_whatever_the_order_repeats_or_lookups():
    first = OutletPalette(SEEDS)
    second = OutletPalette(list(reversed(SEEDS)) + ["RT", None])
    second.colour("RT")  # asking for one outlet first does not move the others
    for name in set(SEEDS):
        assert first.colour(name) == second.colour(name)
        assert first.marker(name) == second.marker(name)


def test_an_outlets_colour_is_the_same_on_every_corpus():
    """The colour depends on the name alone: a corpus of one outlet or of seventy colours it alike."""
    big = OutletPalette(LISTED + MANY)
    for name in LISTED + MANY[:10]:
        assert OutletPalette([name]).colour(name) == big.colour(name) == palette.outlet_colour(name)


def test_outlets_take_the_colours_of_their_camp_from_the_outlet_lexicon():
    for outlet, camp in zip(LEXICON["outlet"], LEXICON["camp"]):
        family = palette.CAMP_COLOURS.get(camp, palette.CAMP_COLOURS[palette.OTHER_CAMP])
        assert palette.outlet_colour(outlet) in family, outlet
    armenian = {palette.outlet_colour(o) for o, c in zip(LEXICON["outlet"], LEXICON["camp"]) if c == "armenian"}
    azerbaijani = {palette.outlet_colour(o) for o, c in zip(LEXICON["outlet"], LEXICON["camp"]) if c == "azerbaijani"}
    assert armenian and azerbaijani and not armenian & azerbaijani
    assert palette.camp("An outlet nobody listed") == palette.OTHER_CAMP


def test_camp_families_are_told_apart_by_colour_blind_readers():
    """The first shade of every camp differs from every other camp's under each simulated deficiency."""
    firsts = [family[0] for family in palette.CAMP_COLOURS.values()]
    for a, b in itertools.combinations(firsts, 2):
        assert not palette.confusable(a, b), (a, b)
    assert palette.confusable("#44AA99", "#44AA99")


@pytest.mark.parametrize("names", [LISTED[:30], LISTED[::6][:30], MANY[:30], LISTED[:15] + MANY[:15]])
def test_outlets_of_confusable_colours_never_share_a_marker(names):
    corpus = OutletPalette(names)
    for a, b in itertools.combinations(sorted(set(names)), 2):
        if palette.confusable(corpus.colour(a), corpus.colour(b)):
            assert corpus.marker(a) != corpus.marker(b), (a, b)
    pairs = {(corpus.colour(n), corpus.marker(n)) for n in set(names)}
    assert len(pairs) == len(set(names))


def test_a_figure_of_some_outlets_marks_them_as_the_whole_corpus_does():
    corpus = OutletPalette(MANY[:30])
    assert [corpus.marker(n) for n in MANY[5:8]] == [corpus.marker(n) for n in MANY[5:8]]
    assert corpus.colours(MANY[5:8]) == [palette.outlet_colour(n) for n in MANY[5:8]]


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, UNKNOWN_OUTLET])
def test_a_missing_outlet_is_grey_shown_apart_and_does_not_shift_the_others(missing):
    with_missing = OutletPalette(SEEDS + [missing])
    assert with_missing.colour(missing) == palette.UNKNOWN_COLOUR
    assert with_missing.marker(missing) == palette.UNKNOWN_MARKER
    assert missing not in with_missing
    assert with_missing.colours(SEEDS) == OutletPalette(SEEDS).colours(SEEDS)
    assert [with_missing.marker(s) for s in SEEDS] == [OutletPalette(SEEDS).marker(s) for s in SEEDS]
    known = {to_rgba(c) for c in palette.OUTLET_COLOURS}
    assert to_rgba(palette.UNKNOWN_COLOUR) not in known
    assert with_missing.order(["RT", missing, "Asbarez"])[-1] is missing


def test_order_groups_outlets_by_camp_then_name():
    corpus = OutletPalette(LISTED)
    ordered = corpus.order(reversed(LISTED))
    camps = [palette.camp(o) for o in ordered]
    ranks = [palette.CAMPS.index(c) for c in camps]
    assert ranks == sorted(ranks)
    handles = corpus.handles(["RT", "Asbarez"])
    assert [h.get_label() for h in handles] == ["Asbarez", "RT"]
    assert handles[0].get_marker() == corpus.marker("Asbarez")


def test_an_outlet_outside_the_corpus_gets_a_marker_and_keeps_it():
    corpus = OutletPalette(SEEDS)
    first = corpus.marker("Zvezda")
    assert "Zvezda" in corpus and corpus.marker("Zvezda") == first


def test_from_articles_reads_the_outlet_column():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["RT", None, "Asbarez"]})
    expected = OutletPalette(["RT", "Asbarez"])
    got = OutletPalette.from_articles(articles)
    assert [got.marker(o) for o in ("Asbarez", "RT")] == [expected.marker(o) for o in ("Asbarez", "RT")]


def test_categorical_colours_follow_the_order_series_are_first_drawn():
    colours = palette.categorical(["b", "a", "b", "c"])
    assert list(colours) == ["b", "a", "c"]
    assert [colours[k] for k in ("b", "a", "c")] == list(palette.CATEGORICAL[:3])
    for a, b in itertools.combinations(palette.CATEGORICAL[:6], 2):
        assert not palette.confusable(a, b), (a, b)


def test_every_actor_side_has_a_colour():
    assert set(ACTOR_SIDES) <= set(palette.SIDE_COLOURS)
    assert len(set(palette.SIDE_COLOURS.values())) == len(palette.SIDE_COLOURS)
    assert not palette.confusable(palette.SIDE_COLOURS["armenian"], palette.SIDE_COLOURS["azerbaijani"])


def test_a_region_name_keeps_its_colour_whatever_the_corpus_holds_or_how_often():
    from analysis.compare.names import region_key_order

    order = region_key_order()
    assert order[:3] == ["Artsakh", "Nagorno-Karabakh", "Karabakh"]  # the lexicon's order, not a corpus's
    one_corpus = palette.lexicon_colours(["Karabakh", "Artsakh"], order)  # most frequent first
    another = palette.lexicon_colours(["Nagorno-Karabakh", "Artsakh", "Karabakh"], order)
    assert one_corpus["Artsakh"] == another["Artsakh"] == palette.CATEGORICAL[0]
    assert one_corpus["Karabakh"] == another["Karabakh"] != another["Nagorno-Karabakh"]


def test_keys_an_analysts_lexicon_adds_follow_the_known_ones_sorted():
    colours = palette.lexicon_colours(["Zangezur", "Artsakh", "Aran"], ["Artsakh", "Karabakh"])
    assert colours == {"Zangezur": palette.CATEGORICAL[3], "Artsakh": palette.CATEGORICAL[0],
                       "Aran": palette.CATEGORICAL[2]}


def test_the_names_of_a_place_are_ordered_as_the_gazetteer_lists_them():
    from analysis.compare.names import alternative_name_keys, place_name_order

    order = place_name_order()
    for place in alternative_name_keys():
        assert len(order[place]) >= 2, place
        assert len(set(order[place])) == len(order[place]), place
    assert {"stepanakert", "khankendi"} <= set(order["Stepanakert"])
