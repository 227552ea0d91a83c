"""Reading lexicons into patterns (analysis.lexicons.load): the first-character look-ahead of a name
alternation, and lower-cased matching (folded / CaselessNames) that finds what case-insensitive matching finds."""

import re

from analysis.lexicons import load as lexicons


def test_folded_lowers_plain_text_and_refuses_special_cases():
    assert lexicons.folded("Officials in BAKU said “no”") == "officials in baku said “no”"
    assert lexicons.lowered("ABC") == "abc"
    for text in ("Işıq", "DİN", "ſoldiers", "ΟΔΟΣ", "Erdoğan said"):  # cased non-ASCII: no lower-case shortcut
        assert lexicons.folded(text) is None
        assert lexicons.lowered(text) == text.lower()


def test_caseless_names_give_the_case_insensitive_spans():
    names = lexicons.CaselessNames(["Nagorno-Karabakh", "Karabakh", "Baku", "Armenian side"], r"(?<!\w)(?:", r")(?!\w)")
    assert names.lower_pattern is not None
    for text in ("NAGORNO KARABAKH and baku", "the armenian-side of Karabakh’s Baku",
                 "Karabakh in Işıq", "BAKU-Karabakh, Baku.", ""):
        assert names.spans(text) == [m.span() for m in names.pattern.finditer(text)]
    assert names.spans("x Baku y Baku", 3) == [(9, 13)]


def test_caseless_names_without_a_lower_case_form_use_the_case_insensitive_pattern():
    names = lexicons.CaselessNames(["Dağlıq Qarabağ"], r"(?<!\w)(?:", r")(?!\w)")
    assert names.lower_pattern is None  # dotless ı also matches i under re.IGNORECASE
    assert names.spans("DAĞLIQ QARABAĞ and Dağliq Qarabağ") == [(0, 14), (19, 33)]


def test_first_character_lookahead_keeps_every_match():
    names = ["Nagorno Karabakh", "Karabakh", "-backed", " so-called", "Ağdam", "ıslam", "É", "K"]
    body = lexicons.alternation(names)
    assert body.startswith("(?=[")
    without = body[body.index("]") + 2:]  # the trie alone
    text = "nagorno-karabakh Karabakh -backed so-called AĞDAM islam é k \u212a Islam IŞLAM"
    for flags in (0, re.IGNORECASE):
        with_look = [m.span() for m in re.finditer(rf"(?<!\w)(?:{body})", text, flags)]
        plain = [m.span() for m in re.finditer(rf"(?<!\w)(?:{without})", text, flags)]
        assert with_look == plain and with_look
