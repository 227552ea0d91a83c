"""The outlet palette: one colour and marker per outlet, the same in every figure of every report."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from analysis.core.values import ACTOR_SIDES, UNKNOWN_OUTLET
from analysis.report import palette
from analysis.report.palette import OutletPalette

SEEDS = ["Asbarez", "Asbarez", "JAMnews", "RT", "Press TV"]
MANY = [f"outlet {k:02d}" for k in range(60)]


def test_a_name_keeps_its_colour_whatever_the_order_repeats_or_lookups():
    first = OutletPalette(SEEDS)
    second = OutletPalette(list(reversed(SEEDS)) + ["RT", None])
    second.colour("RT")  # asking for one outlet first does not move the others
    for name in set(SEEDS):
        assert first.colour(name) == second.colour(name)
        assert first.marker(name) == second.marker(name)
        assert first.colour(name) == first.colour(name)


def test_a_figure_of_some_outlets_colours_them_as_the_whole_corpus_does():
    corpus = OutletPalette(SEEDS)
    assert corpus.colours(["RT", "Press TV"]) == [corpus.colour("RT"), corpus.colour("Press TV")]
    assert corpus.colour("RT") != OutletPalette(["RT"]).colour("RT")  # the corpus, not the figure, fixes the slot


def test_the_first_ten_outlets_take_tab10_in_name_order_as_the_reports_did():
    names = sorted(set(SEEDS))
    corpus = OutletPalette(SEEDS)
    tab10 = matplotlib.colormaps["tab10"]
    for k, name in enumerate(names):
        assert to_rgba(corpus.colour(name)) == to_rgba(tab10(k))


@pytest.mark.parametrize("n", [2, 4, 10, 20])
def test_the_first_twenty_outlets_have_distinct_colours(n):
    corpus = OutletPalette(MANY[:n])
    colours = {to_rgba(corpus.colour(name)) for name in MANY[:n]}
    assert len(colours) == n


def test_markers_are_distinct_for_twelve_outlets_and_colour_marker_pairs_for_sixty():
    corpus = OutletPalette(MANY)
    assert len({corpus.marker(name) for name in MANY[:12]}) == 12
    assert len({(to_rgba(corpus.colour(name)), corpus.marker(name)) for name in MANY}) == 60


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, UNKNOWN_OUTLET])
def test_a_missing_outlet_is_black_and_does_not_shift_the_others(missing):
    with_missing = OutletPalette(SEEDS + [missing])
    assert with_missing.colour(missing) == palette.UNKNOWN_COLOUR
    assert with_missing.marker(missing) == palette.UNKNOWN_MARKER
    assert missing not in with_missing
    assert with_missing.colours(SEEDS) == OutletPalette(SEEDS).colours(SEEDS)
    known = {to_rgba(c) for c in OutletPalette(SEEDS).colours(SEEDS)}
    assert to_rgba(palette.UNKNOWN_COLOUR) not in known


def test_an_outlet_outside_the_corpus_takes_the_next_free_slot_and_keeps_it():
    corpus = OutletPalette(SEEDS)
    outsider = corpus.colour("Zvezda")
    assert "Zvezda" in corpus
    assert outsider == corpus.colour("Zvezda")
    assert to_rgba(outsider) not in {to_rgba(c) for c in corpus.colours(set(SEEDS))}


def test_from_articles_reads_the_outlet_column():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["RT", None, "Asbarez"]})
    expected = OutletPalette(["RT", "Asbarez"]).colours(["Asbarez", "RT"])
    assert OutletPalette.from_articles(articles).colours(["Asbarez", "RT"]) == expected


def test_categorical_colours_follow_the_order_series_are_first_drawn():
    colours = palette.categorical(["b", "a", "b", "c"])
    assert list(colours) == ["b", "a", "c"]
    assert [colours[k] for k in ("b", "a", "c")] == list(palette.CATEGORICAL[:3])


def test_every_actor_side_has_a_colour():
    assert set(ACTOR_SIDES) <= set(palette.SIDE_COLOURS)
    assert len(set(palette.SIDE_COLOURS.values())) == len(palette.SIDE_COLOURS)
