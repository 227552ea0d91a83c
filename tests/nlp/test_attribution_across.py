"""Attribution across sentences and relayed reports (analysis.nlp.attribution): which source a
figure is credited to when the source stands in another sentence, or a news agency passes the
report on. Sentences written for these tests."""

from __future__ import annotations

from analysis.nlp.attribution import attribution_at, find_attributions, is_relay
from analysis.nlp.sentences import split_sentences


def credited(text: str, sentence: int, offset: int | None = None):
    sentences = split_sentences(text)
    atts = find_attributions(text, sentences)
    at = sentences[sentence].start if offset is None else offset
    return attribution_at(atts, sentence, at)


def test_a_relaying_agency_gives_way_to_the_source_it_cites():
    text = "The Armenian defence ministry said 30 soldiers were killed, the Interfax news agency reported."
    att = credited(text, 0, text.index("30"))
    assert att.source.endswith("defence ministry") and att.side == "armenian"


def test_an_agency_alone_stays_the_source():
    text = "Thirty soldiers were killed, the Interfax news agency reported."
    assert "Interfax" in credited(text, 0).source


def test_is_relay():
    assert is_relay("Interfax news agency") and is_relay("Reuters")
    assert not is_relay("Armenian Defense Ministry")


def test_an_unquoted_sentence_after_an_official_is_the_outlets():
    text = "Azerbaijani presidential aide Hikmet Hajiyev said the strike hit a market. Eleven people died in the war."
    assert credited(text, 1) is None


def test_a_continuing_quote_stops_at_the_next_unquoted_sentence():
    text = ("“Our units repelled the attack,” Armenian defence ministry spokeswoman Shushan Stepanyan said. "
            "“Two soldiers were wounded.” Fighting also continued in the south.")
    assert credited(text, 1).source == "Shushan Stepanyan"
    assert credited(text, 2) is None


def test_an_unqualified_body_takes_the_side_of_the_articles_other_sources():
    text = ("Azerbaijani presidential aide Hikmet Hajiyev said the city was struck. "
            "The prosecutor general's office said 4 civilians were killed.")
    assert credited(text, 1).side == "azerbaijani"


def test_background_paragraphs_between_two_credits_stay_the_outlets():
    text = ("Armenian officials said shelling continued overnight.\n"
            "The region is mountainous and close to pipelines.\n"
            "Armenian officials said 40 soldiers had died.")
    assert credited(text, 1) is None
    same_paragraph = ("Armenian officials said shelling continued overnight. Four villages were hit. "
                      "Armenian officials said 40 soldiers had died.")
    assert credited(same_paragraph, 1).source == "Armenian officials"


def test_a_sentence_after_a_report_made_public_is_the_reports_content():
    text = ("The Human Rights Defender of Armenia today published the office's third interim report. "
            "As of Friday, 31 civilians have been killed and 120 wounded. The weather was cold.")
    assert credited(text, 1).source == "Human Rights Defender of Armenia"
    assert credited(text, 2) is None


def test_a_release_that_gives_its_own_figures_credits_only_its_sentence():
    text = ("The ministry released figures showing 31 civilians have been killed. "
            "Another 120 were wounded, residents said.")
    assert credited(text, 1).source == "residents"
    assert credited("The ministry released figures showing 31 deaths. Shops stayed closed.", 1) is None


def test_a_release_the_source_only_reports_carries_nothing():
    text = "The ministry said Armenia had released false information. Twelve civilians were killed in Tartar on Sunday."
    assert credited(text, 1) is None


def test_an_agency_citing_a_speaker_as_saying_credits_the_speaker():
    text = "Two soldiers were killed overnight, the Interfax news agency quoted the Armenian defence ministry as saying."
    att = credited(text, 0, text.index("Two"))
    assert att.source.endswith("defence ministry") and att.side == "armenian"


def test_it_is_reported_in_a_bodys_study_credits_the_sentence_before():
    text = ("At least 14 civilians were killed since the hostilities began. "
            "It is said in the latest report of the Artsakh Human Rights Defender.")
    att = credited(text, 0, text.index("14"))
    assert att is not None and att.source == "Artsakh Human Rights Defender" and att.side == "armenian"


def test_a_bodys_label_before_a_headline_credits_the_body():
    text = "Prosecutor General's Office: Seven people injured in the shelling of the town\n\nThe shelling went on."
    att = credited(text, 0, text.index("Seven"))
    assert att is not None and att.source == "Prosecutor General's Office"


def test_a_topic_label_is_no_speaker():
    text = "Region: Seven people injured in the shelling of the town\n\nThe shelling went on."
    assert credited(text, 0, text.index("Seven")) is None
