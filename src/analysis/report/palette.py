"""The reports' colours: one colour and one marker per outlet, one colour per side, shared by every notebook.

An outlet keeps its colour and its marker in every figure of every report.
:class:`OutletPalette` is built from the outlets of the whole corpus (the
``articles`` table, not a report's selection), sorted by name, so a figure
that draws only some of the outlets colours each of them as the figures that
draw them all. The first ten outlets take matplotlib's ``tab10`` colours in
that order, the colours the reports gave them before there was one palette
(figures over the whole corpus keep their look); the next ten take the light
variants of ``tab20``; past twenty the colours repeat and the marker, one of
twelve shapes, still tells the outlets apart (a colour and marker pair repeats
only after sixty outlets). An article without an outlet
(:data:`~analysis.core.values.UNKNOWN_OUTLET`) is black with an ``x``: it
never borrows a real outlet's colour or shifts the others.

Series that are not outlets (claimants' running totals, the names used for a
place) take :data:`CATEGORICAL` colours in the order they are drawn, and the
sides of a source or of a hedged claim take :data:`SIDE_COLOURS`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib import colormaps

from analysis.core.values import UNKNOWN_OUTLET

# matplotlib's default colour cycle: the k-th series drawn takes the k-th colour.
CATEGORICAL = tuple(colormaps["tab10"].colors)
# Twenty distinct outlet colours: tab10, then the light variant of each (tab20 interleaves dark and light).
OUTLET_COLOURS = CATEGORICAL + tuple(colormaps["tab20"].colors[1::2])
# Twelve distinct marker shapes, the order the lag report used first.
OUTLET_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")
UNKNOWN_COLOUR = "black"
UNKNOWN_MARKER = "x"

# The side of a source or of a hedged claim (``core.values.ACTOR_SIDES`` and the victim sides ``both``,
# ``unspecified``); the order is the order of the bars.
SIDE_COLOURS = {"armenian": "#1f77b4", "azerbaijani": "#d62728", "third_party": "#7f7f7f",
                "both": "#9467bd", "unspecified": "#c7c7c7"}


def categorical(keys: Iterable) -> dict:
    """``{key: colour}`` for series that are not outlets: the k-th distinct key, the k-th :data:`CATEGORICAL` colour."""
    return {key: CATEGORICAL[i % len(CATEGORICAL)] for i, key in enumerate(dict.fromkeys(keys))}


def outlet_name(outlet) -> str:
    """The outlet as the palette knows it: missing values (None, NaN, NA) are :data:`UNKNOWN_OUTLET`."""
    if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)):
        return UNKNOWN_OUTLET
    return str(outlet)


class OutletPalette:
    """A colour and a marker for each outlet of a corpus, the same in every figure.

    ``outlets``: every outlet name of the corpus, repeats and missing values
    allowed (``articles["outlet"]``). An outlet asked for that the corpus does
    not hold takes the next free slot, the first time it is asked for, and
    keeps it.
    """

    def __init__(self, outlets: Iterable = ()):
        names = sorted({outlet_name(o) for o in outlets} - {UNKNOWN_OUTLET})
        self._slots = {name: slot for slot, name in enumerate(names)}

    @classmethod
    def from_articles(cls, articles: pd.DataFrame) -> OutletPalette:
        """The palette of the corpus in an ``articles`` table (its ``outlet`` column)."""
        return cls(articles["outlet"])

    def _slot(self, outlet) -> int | None:
        name = outlet_name(outlet)
        if name == UNKNOWN_OUTLET:
            return None
        return self._slots.setdefault(name, len(self._slots))

    def colour(self, outlet):
        """The outlet's colour (an RGB tuple matplotlib takes as ``color``)."""
        slot = self._slot(outlet)
        return UNKNOWN_COLOUR if slot is None else OUTLET_COLOURS[slot % len(OUTLET_COLOURS)]

    def marker(self, outlet) -> str:
        """The outlet's marker shape (a matplotlib marker code)."""
        slot = self._slot(outlet)
        return UNKNOWN_MARKER if slot is None else OUTLET_MARKERS[slot % len(OUTLET_MARKERS)]

    def colours(self, outlets: Iterable) -> list:
        """The colours of ``outlets``, in their order (for a ``color=`` list)."""
        return [self.colour(o) for o in outlets]

    def __contains__(self, outlet) -> bool:
        return outlet_name(outlet) in self._slots
