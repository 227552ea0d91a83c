"""The reports' colours: one colour and one marker per outlet, one colour per side, shared by every notebook.

**An outlet's colour is a function of its name alone**, the same in every
figure of every report, on every corpus and every run: the outlet's camp
(``camp`` column of ``lexicons/outlets.csv``: armenian, azerbaijani, russian,
iranian, regional, western; ``other`` for an outlet the lexicon does not
list) picks a family of hues (blues for Armenian outlets, reds for
Azerbaijani ones ...), and a hash of the name picks the shade within it. The
colours are Paul Tol's and Okabe & Ito's colour-blind-safe sets.

**Markers tell apart the outlets whose colours a reader may confuse**
(the same shade, or shades that look alike with normal vision or a simulated
deuteranopia, protanopia or tritanopia: :func:`confusable`).
:class:`OutletPalette` is built from the outlets of the whole corpus (the
``articles`` table, not a report's selection), and gives each outlet a
marker from a hash of its name, the next free one when an outlet of a
confusable colour holds it; a figure that draws only some outlets marks them
as the figures that draw them all.
An article without an outlet (:data:`~analysis.core.values.UNKNOWN_OUTLET`)
is light grey with an ``x``, shown apart (:meth:`OutletPalette.order` puts
it last); an "other outlets" bucket (top N plus others) is paler grey.

Series that are not outlets take :data:`CATEGORICAL` colours: claimants'
running totals in the order they are drawn, region names and the names of a
place in their lexicon's order (:func:`lexicon_colours`, the same in every
report and corpus), and the
sides of a source or of a hedged claim take :data:`SIDE_COLOURS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D

from analysis.core.values import UNKNOWN_OUTLET
from analysis.lexicons.load import LexiconError, read_lexicon

# Colour-blind-safe colours for series that are not outlets, in drawing order (Okabe & Ito, then Tol muted).
CATEGORICAL = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
               "#882255", "#999933", "#332288", "#117733")
# One family of shades per camp, in legend order (Tol's bright / muted / light sets, Okabe & Ito).
CAMP_COLOURS = {
    "armenian": ("#004488", "#6699CC", "#99DDFF"),
    "azerbaijani": ("#994455", "#EE6677", "#FFAABB"),
    "russian": ("#117733", "#44AA99", "#BBCC33"),
    "iranian": ("#EE3377", "#AA4499", "#CC99CC"),
    "regional": ("#DDAA33", "#EE7733", "#997700"),
    "western": ("#222222", "#5E6B7A", "#A0785A"),
    "other": ("#33BBEE", "#AA7744", "#009988", "#777711", "#882255"),
}
CAMPS = tuple(CAMP_COLOURS)
OTHER_CAMP = "other"
OUTLET_COLOURS = tuple(c for family in CAMP_COLOURS.values() for c in family)
# Twelve distinct marker shapes.
OUTLET_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")
UNKNOWN_COLOUR = "#BBBBBB"
UNKNOWN_MARKER = "x"
OTHERS_LABEL = "other outlets"  # the bucket of outlets past the top N
OTHERS_COLOUR = "#DDDDDD"
OTHERS_MARKER = "."

# The side of a source or of a hedged claim (``core.values.ACTOR_SIDES`` and the victim sides ``both``,
# ``unspecified``); the order is the order of the bars.
SIDE_COLOURS = {"armenian": "#0072B2", "azerbaijani": "#D55E00", "third_party": "#777777",
                "both": "#CC79A7", "unspecified": "#CCCCCC"}


# Colour-vision deficiencies, simulated on linear RGB (Machado, Oliveira & Fernandes 2009, severity 1).
CVD_MATRICES = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
CONFUSABLE = 12.0  # CIELAB distance below which two colours count as the same to some reader


def _linear(rgb):
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear):
    x, y, z = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(linear, 0, 1)
    f = lambda t: np.cbrt(t) if t > 0.008856 else 7.787 * t + 16 / 116  # noqa: E731
    fx, fy, fz = f(x / 0.9505), f(y), f(z / 1.089)
    return np.array([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)])


@lru_cache(maxsize=4096)
def colour_distance(first, second) -> float:
    """The smallest CIELAB distance between two colours as seen with normal vision or any simulated deficiency."""
    a, b = _linear(to_rgb(first)), _linear(to_rgb(second))
    views = [np.eye(3)] + [np.array(m) for m in CVD_MATRICES.values()]
    return float(min(np.linalg.norm(_lab(m @ a) - _lab(m @ b)) for m in views))


def confusable(first, second) -> bool:
    """True when some reader (normal vision, deuteranopia, protanopia, tritanopia) may take one colour for the other."""
    return colour_distance(first, second) < CONFUSABLE


def categorical(keys: Iterable) -> dict:
    """``{key: colour}`` for series that are not outlets: the k-th distinct key, the k-th :data:`CATEGORICAL` colour."""
    return {key: CATEGORICAL[i % len(CATEGORICAL)] for i, key in enumerate(dict.fromkeys(keys))}


def lexicon_colours(keys: Iterable, order: Iterable) -> dict:
    """``{key: colour}`` fixed by a lexicon: the k-th key of ``order`` takes the k-th :data:`CATEGORICAL` colour.

    Keys that ``order`` lacks (an analyst's own lexicon) follow it, sorted. A
    key's colour so depends on the lexicon alone, not on which keys a corpus
    happens to hold or how often.
    """
    known = list(dict.fromkeys(order))
    extra = sorted(set(keys) - set(known), key=str)
    index = {key: i for i, key in enumerate(known + extra)}
    return {key: CATEGORICAL[index[key] % len(CATEGORICAL)] for key in dict.fromkeys(keys)}


def outlet_name(outlet) -> str:
    """The outlet as the palette knows it: missing values (None, NaN, NA) are :data:`UNKNOWN_OUTLET`."""
    if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)):
        return UNKNOWN_OUTLET
    return str(outlet)


@lru_cache(maxsize=1)
def outlet_camps() -> dict[str, str]:
    """``{outlet: camp}`` from ``lexicons/outlets.csv`` (empty if it cannot be read)."""
    try:
        table = read_lexicon("outlets")
    except LexiconError:
        return {}
    if "camp" not in table:
        return {}
    return {o: c if c in CAMP_COLOURS else OTHER_CAMP for o, c in zip(table["outlet"], table["camp"]) if o}


def camp(outlet) -> str:
    """The outlet's camp (``other`` when the outlet lexicon does not list it; ``unknown`` for a missing outlet)."""
    name = outlet_name(outlet)
    if name == UNKNOWN_OUTLET:
        return "unknown"
    if name == OTHERS_LABEL:
        return "others"
    return outlet_camps().get(name, OTHER_CAMP)


def _hash(name: str, salt: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{name}".encode()).digest()[:8], "big")


def outlet_colour(outlet) -> str:
    """The outlet's colour: its camp's family, the shade picked by its name; grey when unknown."""
    name = outlet_name(outlet)
    if name == UNKNOWN_OUTLET:
        return UNKNOWN_COLOUR
    if name == OTHERS_LABEL:
        return OTHERS_COLOUR
    family = CAMP_COLOURS[camp(name)]
    return family[_hash(name, "colour") % len(family)]


class OutletPalette:
    """A colour and a marker for each outlet of a corpus, the same in every figure.

    ``outlets``: every outlet name of the corpus, repeats and missing values
    allowed (``articles["outlet"]``). Colours never depend on them; markers
    do only where two outlets of one colour would share one. An outlet asked
    for that the corpus does not hold gets its marker the first time and keeps it.
    """

    def __init__(self, outlets: Iterable = ()):
        self._markers: dict[str, str] = {}
        names = sorted({outlet_name(o) for o in outlets} - {UNKNOWN_OUTLET, OTHERS_LABEL})
        for name in names:
            self._assign(name)

    @classmethod
    def from_articles(cls, articles: pd.DataFrame) -> OutletPalette:
        """The palette of the corpus in an ``articles`` table (its ``outlet`` column)."""
        return cls(articles["outlet"])

    def _assign(self, name: str) -> str:
        """The marker from the name's hash, else the next one no outlet of a confusable colour has taken."""
        if name not in self._markers:
            colour = outlet_colour(name)
            same = {m for other, m in self._markers.items() if outlet_colour(other) == colour}
            near = {m for other, m in self._markers.items() if confusable(outlet_colour(other), colour)}
            start = _hash(name, "marker") % len(OUTLET_MARKERS)
            ring = [OUTLET_MARKERS[(start + k) % len(OUTLET_MARKERS)] for k in range(len(OUTLET_MARKERS))]
            choice = next((m for m in ring if m not in near), None) or next((m for m in ring if m not in same), ring[0])
            self._markers[name] = choice
        return self._markers[name]

    def colour(self, outlet):
        """The outlet's colour (a hex colour matplotlib takes as ``color``)."""
        return outlet_colour(outlet)

    def marker(self, outlet) -> str:
        """The outlet's marker shape (a matplotlib marker code)."""
        name = outlet_name(outlet)
        if name == UNKNOWN_OUTLET:
            return UNKNOWN_MARKER
        if name == OTHERS_LABEL:
            return OTHERS_MARKER
        return self._assign(name)

    def colours(self, outlets: Iterable) -> list:
        """The colours of ``outlets``, in their order (for a ``color=`` list)."""
        return [self.colour(o) for o in outlets]

    def camp(self, outlet) -> str:
        """The outlet's camp (see :func:`camp`)."""
        return camp(outlet)

    def order(self, outlets: Iterable) -> list:
        """``outlets`` (distinct) grouped by camp in :data:`CAMPS` order, by name within one; unknown and others last."""
        rank = {c: i for i, c in enumerate(CAMPS + ("others", "unknown"))}
        distinct = list(dict.fromkeys(outlets))
        return sorted(distinct, key=lambda o: (rank.get(camp(o), len(rank)), outlet_name(o)))

    def handles(self, outlets: Iterable, line_width: float | None = None) -> list[Line2D]:
        """Legend entries (marker and colour) for ``outlets``, grouped as :meth:`order` does."""
        style = {"lw": line_width} if line_width else {"linestyle": "none"}
        return [Line2D([], [], color=self.colour(o), marker=self.marker(o), label=outlet_name(o), **style)
                for o in self.order(outlets)]

    def __contains__(self, outlet) -> bool:
        return outlet_name(outlet) in self._markers
