"""Region and place names as outlets write them (docs/SCHEMA.md, framing cues).

"Nagorno Karabakh" and "Nagorno-Karabakh" are one name whatever the hyphen or
dash; "Karabakh" alone is counted apart and never as the tail of the longer
name; Artsakh, the Azerbaijani names (Daghlig Garabagh, Dağlıq Qarabağ,
Garabagh), Upper and Mountainous Karabakh are their own keys; possessives and
hyphen compounds count; names inside web addresses and @handles do not.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis.extract.names import find_names, region_name_counts


def _keys(text: str, category: str) -> Counter:
    return Counter(f["key"] for f in find_names(text) if f["category"] == category)


REGION_CASES = [
    # Reuters / AP house style
    ("Fighting over Nagorno-Karabakh, a mountain enclave, entered its third week.", {"Nagorno-Karabakh": 1}),
    ("Nagorno-Karabakh's capital, Stepanakert, was shelled again.", {"Nagorno-Karabakh": 1}),
    ("Nagorno-Karabakh’s ethnic Armenian leader said the town had fallen.", {"Nagorno-Karabakh": 1}),
    # BBC / Al Jazeera: no hyphen; typeset dashes
    ("The Nagorno Karabakh conflict has a long history.", {"Nagorno-Karabakh": 1}),
    ("The Nagorno–Karabakh conflict erupted again on Sunday.", {"Nagorno-Karabakh": 1}),
    ("Nagorno\u2011Karabakh's de facto authorities reported losses.", {"Nagorno-Karabakh": 1}),
    ("NAGORNO-KARABAKH: Heavy fighting reported near Hadrut.", {"Nagorno-Karabakh": 1}),
    # Russian transliterations (TASS, RT)
    ("Nagorny Karabakh and Nagornyy Karabakh are TASS spellings.", {"Nagorno-Karabakh": 2}),
    # the Soviet-era oblast and the self-proclaimed republic: one mention each
    ("The Nagorno-Karabakh Autonomous Oblast voted to join Armenia in 1988.", {"Nagorno-Karabakh": 1}),
    ("The Nagorno-Karabakh Republic (NKR) was renamed Artsakh in 2017.", {"Nagorno-Karabakh": 1, "Artsakh": 1}),
    # Karabakh alone, possessive and compounds
    ("Karabakh's ethnic Armenian leader Arayik Harutyunyan said Shushi was under fire.", {"Karabakh": 1}),
    ("Karabakh-born officers and the Karabakh war veterans.", {"Karabakh": 2}),
    ("The Karabagh movement began in 1988, Asbarez recalled.", {"Karabakh": 1}),
    # Armenian outlets
    ("The Artsakh Republic's Defense Army said the Republic of Artsakh was under attack.", {"Artsakh": 2}),
    ("Artsakh's President Arayik Harutyunyan addressed the nation.", {"Artsakh": 1}),
    # Azerbaijani outlets (APA, Azernews, Trend)
    ("The Armenian armed forces in Daghlig Garabagh shelled Tartar.", {"Daghlig Garabagh": 1}),
    ("Dağlıq Qarabağ and Daghlyq Garabagh are both Azerbaijani renderings.", {"Daghlig Garabagh": 2}),
    ("Garabagh is Azerbaijan, President Aliyev said.", {"Garabagh": 1}),
    ("The Upper Karabakh economic region, also Upper Garabagh or Yukhari Garabagh, was created in 2021.",
     {"Upper Karabakh": 3}),
    ("Mountainous Karabakh is a literal translation; Mountainous Garabagh is also used.", {"Mountainous Karabakh": 2}),
]


@pytest.mark.parametrize("text, expected", REGION_CASES, ids=[c[0][:50] for c in REGION_CASES])
def test_region_names(text, expected):
    assert _keys(text, "region") == Counter(expected)


def test_region_names_in_addresses_and_handles_do_not_count():
    text = ("Read more: https://www.azatutyun.am/a/nagorno-karabakh-artsakh/30870000.html and "
            "www.rferl.org/karabakh. Follow @ArtsakhMFA and @NKR_InfoCenter. The Karabakh talks went on.")
    assert _keys(text, "region") == Counter({"Karabakh": 1})


def test_region_name_counts_keep_karabakh_apart():
    text = "Nagorno-Karabakh, or Karabakh, which Armenians call Artsakh. Nagorno Karabakh again; Karabakh's war."
    counts = region_name_counts(pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "text": [text]}))
    assert counts.loc["a", ["Artsakh", "Nagorno-Karabakh", "Karabakh"]].tolist() == [1, 2, 2]


PLACE_CASES = [
    ("Stepanakert, which Azerbaijan calls Khankendi, was shelled; Xankendi residents hid.",
     {"Stepanakert": ("Stepanakert", "Khankendi", "Xankendi")}),
    ("Azerbaijan took Shusha, known to Armenians as Shushi; Shushi's cathedral was hit.",
     {"Shushi": ("Shusha", "Shushi", "Shushi")}),
    ("Fighting near Martakert (Aghdara in Azerbaijani, also Aghdere) continued.",
     {"Martakert": ("Martakert", "Aghdara", "Aghdere")}),
    ("Martuni, which Azerbaijan calls Khojavend, and Hadrut came under fire.",
     {"Martuni": ("Martuni", "Khojavend"), "Hadrut": ("Hadrut",)}),
    ("The Lachin corridor runs through Berdzor; Kalbajar (Karvachar) was handed over.",
     {"Lachin": ("Lachin", "Berdzor"), "Kalbajar": ("Kalbajar", "Karvachar")}),
    ("Azerbaijani forces entered Gubadli, which Armenians call Kashatagh.",
     {"Kubatly": ("Gubadli", "Kashatagh")}),
    ("The Ganja–Barda road and Stepanakert-based journalists.",
     {"Ganja": ("Ganja",), "Barda": ("Barda",), "Stepanakert": ("Stepanakert",)}),
]


@pytest.mark.parametrize("text, expected", PLACE_CASES, ids=[c[0][:50] for c in PLACE_CASES])
def test_place_double_names(text, expected):
    got: dict[str, list[str]] = {}
    for f in find_names(text):
        if f["category"] == "place":
            got.setdefault(f["key"], []).append(f["name"])
    assert {k: tuple(v) for k, v in got.items()} == expected
