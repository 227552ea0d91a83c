"""Lower-cased matching (lexicons.folded / CaselessNames) finds what case-insensitive matching finds."""

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
