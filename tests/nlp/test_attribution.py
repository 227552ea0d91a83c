"""Attribution (analysis.nlp.attribution): who says what, with the side of each source, across sentences and
quotes; and the outlet-style cases of tests/cases/attribution.yaml."""

from __future__ import annotations

import cases
import pytest

from analysis.nlp.attribution import Attribution, attribution_at, find_attributions
from analysis.nlp.source_side import source_side
from analysis.nlp.source_words import name_in
from analysis.nlp.sentences import split_sentences


def by_sentence(text: str) -> dict[int, list[Attribution]]:
    out: dict[int, list[Attribution]] = {}
    for a in find_attributions(text):
        out.setdefault(a.sentence_index, []).append(a)
    return out


def test_multi_sentence_quote_gives_one_attribution_per_sentence():
    text = ("“At this moment there are dozens of wounded. The enemy hit civilian settlements. "
            "Regrettably we also have two deaths,” Poghosyan said.")
    sentences = split_sentences(text)
    found = find_attributions(text, sentences)
    assert sorted(a.sentence_index for a in found) == [0, 1, 2]
    assert {a.source for a in found} == {"Poghosyan"} and {a.side for a in found} == {"armenian"}


def test_pronoun_resolves_to_last_named_speaker():
    text = ("Artsakh Human Rights Defender, Artak Beglarian, confirmed that a woman was killed.\n"
            "“There are fatalities among the civilian population,” he said.")
    found = by_sentence(text)
    assert found[0][0].source == "Artak Beglarian"
    assert found[1][0].source == "Artak Beglarian" and found[1][0].side == "armenian"


def test_it_said_resolves_to_the_ministry():
    text = "The Armenian Defense Ministry said Azerbaijan attacked Stepanakert. It said three civilians were wounded."
    found = by_sentence(text)
    assert found[1][0].source == "Armenian Defense Ministry" and found[1][0].side == "armenian"


def test_quote_opened_after_said():
    text = "Pashinyan said: “We must defend ourselves. The nation is threatened.”"
    found = find_attributions(text)
    assert {a.sentence_index for a in found} == {0, 1}
    assert all(a.source == "Pashinyan" and a.side == "armenian" for a in found)


def test_bare_body_takes_the_side_of_an_earlier_mention():
    text = ("The Armenian Foreign Ministry issued a statement. "
            "“Azerbaijan is spreading fake news,” added the foreign ministry.")
    found = by_sentence(text)
    assert found[1][0].side == "armenian"


def test_regions_ombudsman_speaks_for_the_region():
    text = "Fighting raged over Nagorno-Karabakh, as the region’s ombudsman says shelling injured two."
    att = find_attributions(text)
    assert att and att[0].side == "armenian"


def test_not_attributions():
    assert find_attributions("He called on the sides to report to the front.") == []
    assert find_attributions("A live photo report from Stepanakert shows the damage.") == []
    assert find_attributions("Armenia's policy of state terror must be stopped.") == []
    assert find_attributions("According to updated information the enemy has retreated.") == []


def test_attribution_at_prefers_the_nearest_source_before_the_offset():
    text = ("Officials in Baku claim a strike left 12 people dead, as the region’s ombudsman says "
            "shelling has injured two.")
    found = find_attributions(text)
    assert attribution_at(found, 0, text.index("12")).source == "Officials in Baku"
    assert attribution_at(found, 0, text.index("two")).source.endswith("ombudsman")
    tail = "The toll rose to 12, according to the ministry."
    assert attribution_at(find_attributions(tail), 0, tail.index("12")).source == "ministry"


def test_name_in_and_source_side():
    assert name_in("Artsakh Human Right Defender Artak Beglaryan") == "Artak Beglaryan"
    assert name_in("Artsakh Defense Ministry") is None
    assert source_side("Artsakh presidential spokesperson Vahram Poghosyan") == "armenian"
    assert source_side("Russian Foreign Ministry spokeswoman Maria Zakharova") == "third_party"
    assert source_side("head of the rescue center") is None


def test_seed_sources_are_found(seed_articles, gold_by_id):
    found, total = 0, 0
    for row in seed_articles.itertuples():
        atts = find_attributions(row.text)
        names = {(a.source.lower(), a.side) for a in atts}
        for src in gold_by_id[row.article_id]["framing"]["sources"]:
            total += 1
            key = src["name"].lower()
            if any((key in n or n in key) and side == src["side"] for n, side in names):
                found += 1
    assert found / total >= 0.8, (found, total)


def test_bad_input():
    with pytest.raises(TypeError):
        find_attributions(None)  # type: ignore[arg-type]


def test_contact_verbs_give_a_voice_but_no_claimant():
    text = ("Turkish Defense Minister Hulusi Akar also talked to his Azerbaijani counterpart on Sunday, "
            "as shelling killed two civilians in Stepanakert.")
    found = find_attributions(text)
    assert [(a.source, a.side, a.kind) for a in found] == [("Hulusi Akar", "third_party", "contact")]
    assert attribution_at(found, 0, text.index("two civilians")) is None


# --- outlet-style sentences (tests/cases/attribution.yaml)


@pytest.mark.parametrize("case", cases.params("attribution"))
def test_outlet_case(case):
    cases.check("attribution", case)


def test_every_attribution_kind_is_declared_for_the_sources_table_and_only_those_are_given():
    from analysis.core import schema
    from analysis.nlp.attribution import KINDS

    assert schema.table("sources").column("kind").values.allowed() == frozenset(KINDS)
    text = ("The ministry said two posts were shelled. Trend reports referring to the Interior Ministry that the road "
            "was closed. Resident Ana Petrosyan: the night was loud. According to the mayor, the school is shut.")
    given = {a.kind for a in find_attributions(text)}
    assert {"said", "relayed", "according_to"} <= given <= set(KINDS)


def test_a_relayed_source_passes_the_sources_table_declaration(tmp_path):
    from analysis.build import pipeline
    from analysis.core import catalog

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "relay.txt").write_text("Shelling\n\nShelling went on overnight near the river, Trend reports "
                                   "referring to the Emergency Service.\n", encoding="utf-8")
    pipeline.build(raw, tmp_path / "out", check_sums=False)
    sources = catalog.load("sources", tmp_path / "out")
    assert "relayed" in set(sources["kind"])


@pytest.mark.parametrize("text", [
    "Azerbaijan keeps its army's toll secret but says 51 civilians have been killed.",
    "Azerbaijan keeps its army's toll secret but has said 51 civilians have been killed.",
    "Azerbaijan kept its army's losses secret and has also said that 51 civilians were killed.",
])
def test_a_coordinated_verb_of_saying_takes_the_sentences_subject(text):
    found = find_attributions(text)
    assert [(a.source, a.side) for a in found] == [("Azerbaijan", "azerbaijani")]
