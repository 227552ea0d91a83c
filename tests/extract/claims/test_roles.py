"""Victim side from roles (analysis.extract.claims.sides and .roles): the victims first, else
the attacker (the other side), else the place or the claimant; totals of the war are ``both``,
and an unknown side stays ``unspecified`` (never the article's majority side). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from analysis.extract.claims import extract_claims


def sides(text: str) -> list[tuple]:
    return [(c["count"] if c["count"] is not None else c["vague"], c["outcome"], c["side"]) for c in extract_claims(text)]


@pytest.mark.parametrize("text, want", [
    # 1. the victims' own words
    ("On the Azerbaijani side, 12 servicemen were killed in the battle.", (12, "killed", "azerbaijani")),
    ("Nine Armenian soldiers were wounded near the front line, officials in Yerevan said.", (9, "wounded", "armenian")),
    # 2. the attacker: the victims are the other side
    ("Armenia launched attacks on the frontline villages, killing 7 civilians.", (7, "killed", "azerbaijani")),
    ("Two drones were shot down by Azerbaijani forces, and 40 soldiers were killed.", (40, "killed", "armenian")),
    # the parties of "fighting between A and B" are not an attacker: a total for both
    ("Fighting between Armenian and Azerbaijani forces has left hundreds of people dead.", ("hundreds", "killed", "both")),
])
def test_side_from_victims_then_attacker(text, want):
    assert sides(text)[0] == want


@pytest.mark.parametrize("text", [
    "The clashes have so far killed more than 300 people, the agency wrote.",
    "Since September, hundreds of people have been killed in the fighting over the region.",
    "The war has killed thousands of people, according to the United Nations.",
])
def test_a_total_of_the_war_is_both(text):
    assert sides(text)[-1][2] == "both"


def test_an_unknown_side_stays_unspecified_whatever_the_article_says_elsewhere():
    text = ("Azerbaijani shelling killed 4 Armenian civilians in Martuni.\n"
            "Armenian officials said 12 Armenian soldiers died.\n"
            "Elsewhere, 3 people were injured in a road accident.")
    assert [s for *_, s in sides(text)] == ["armenian", "armenian", "unspecified"]


def test_the_attack_takes_the_attacker_named_before_it():
    text = ("A rocket fired by Armenian forces hit the town centre on Tuesday.\n"
            "Investigators said the attack killed at least 9 civilians.")
    assert sides(text)[-1] == (9, "killed", "azerbaijani")


def test_a_third_partys_own_people_are_other():
    text = "Russia said one of its aircraft was downed near the border, killing three servicemen."
    assert sides(text)[-1][2] == "other"


def test_the_claimants_own_losses():
    text = "“We have lost 15 of our soldiers today,” Armenian defence ministry spokeswoman Shushan Stepanyan said."
    assert sides(text)[0] == (15, "killed", "armenian")


def test_a_country_named_as_the_attacker_is_not_the_victims_country():
    text = "One civilian was killed and four others were wounded in Azerbaijan’s shelling of a village in Syunik."
    assert [s for *_, s in sides(text)] == ["armenian", "armenian"]


def test_a_side_named_after_the_figures_of_its_clause_is_theirs_not_the_nearer_one_before():
    text = ("Title\n\nThe fighting lasted a month, with 40 soldiers killed and 90 civilians hurt on the Armenian side, "
            "while four civilians were killed and 18 injured on the Azerbaijani side.")
    assert [s for *_, s in sides(text)] == ["armenian", "armenian", "azerbaijani", "azerbaijani"]


def test_a_side_that_has_the_figure_holds_its_victims_and_is_no_attacker():
    text = ("Title\n\nSchools were destroyed in the shelling by Azerbaijan.\n\n"
            "The Armenian side currently has 950 victims. To date, 38 civilians have been killed.")
    assert [s for *_, s in sides(text)] == ["armenian", "armenian"]


def test_a_capitalised_force_name_is_still_the_attacker():
    text = ("Title\n\nArmenian Armed Forces have fired 4,000 shells at 30 villages of the Aghdam district since Sunday.\n\n"
            "As a result, dozens of houses were damaged. So far, 9 civilians have been killed.")
    assert sides(text)[-1] == (9, "killed", "azerbaijani")


@pytest.mark.parametrize("text, want", [
    # "war crimes" and "the conflict zone" do not name the fighting as a whole: the place hit gives the side
    ("Title\n\nThe enemy, which keeps committing war crimes, hit the centre of Ganja with rockets overnight. "
     "According to first reports, 11 civilians were killed.", (11, "killed", "azerbaijani")),
    ("Title\n\nArmenia perpetrated another attack on civilians in a city outside the conflict zone. "
     "According to initial reports, 17 people lost their lives.", (17, "killed", "azerbaijani")),
    # both sides named in the figure's own words, whoever speaks ("our data")
    ("Title\n\n\"By our count, the toll on both sides is close to 3,000,\" the president said.",
     (3000, "killed", "both")),
])
def test_side_cues_that_a_war_word_or_a_speakers_our_must_not_override(text, want):
    assert sides(text)[-1] == want


def test_a_force_of_a_party_is_the_attacker_across_a_relative_clause_of_several_commas():
    text = ("Title\n\nThe armed forces of Armenia, which keep shelling towns, ignoring the truce, once again hit the "
            "centre of a city far from the front with rockets. According to first reports, 9 civilians were killed.")
    assert sides(text)[-1] == (9, "killed", "azerbaijani")
