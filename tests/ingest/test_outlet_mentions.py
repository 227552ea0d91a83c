"""The outlet that wrote a text, read from the text (``analysis.ingest.outlet_mentions``), and the outlet lexicon.

Every text here is written for these tests.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from analysis.core.config import LEXICON_DIR
from analysis.evaluate.suite import score_metadata
from analysis.ingest.outlet_mentions import read_outlet
from analysis.ingest.outlets import outlets
from analysis.ingest.text_metadata import read_text_metadata


def reading(text: str):
    return read_outlet(text.split("\n"), outlets())


@pytest.mark.parametrize("text, outlet, basis", [
    # wire tags and datelines
    ("Ceasefire frays\nSTEPANAKERT, Azerbaijan (AP) — Shells fell on the town again.", "Associated Press", "wire"),
    ("Talks resume\nMOSCOW (Reuters) - Ministers met for ten hours.", "Reuters", "wire"),
    ("(Bloomberg) -- Oil prices rose as fighting spread.", "Bloomberg", "wire"),
    ("Baku / Yerevan (dpa) – The town changed hands, officials said.", "Deutsche Presse-Agentur", "wire"),
    ("YEREVAN, October 7. /TASS/. The ministry reported new shelling.", "TASS", "wire"),
    ("YEREVAN, OCTOBER 9, ARMENPRESS. The ombudsman visited the shelters.", "Armenpress", "wire"),
    ("GORIS (Daily Site News / Sputnik - 9th October, 2020) Refugees arrived overnight.", "Sputnik", "wire"),
    ("A title\nPanARMENIAN.Net - Three more soldiers were named by the ministry.", "PanArmenian.Net", "wire"),
    ("A title\nBAKU, Azerbaijan, Oct. 9\nTrend:\nThe ministry said the village was taken.", "Trend", "wire"),
    # an agency's own tag in its lead, in the present tense
    ("A title\nThe army took two villages, Trend reports.", "Trend", "selftag"),
    ("A title\nThe shelling went on overnight, ARMENPRESS reports citing the ministry.", "Armenpress", "selftag"),
    ("A title\nFour people were hurt, Report informs.", "Report.az", "selftag"),
    ("A title\nThe office issued a statement.\nReport informs, the statement reads:\nAll was quiet.", "Report.az", "selftag"),
    ("A title\nThe two leaders signed the deal at night, reports Xinhua news agency.\nTroops stayed.", "Xinhua", "selftag"),
    ("A title\nThe line held overnight, reports TASS, citing the ministry.\nTroops stayed.", "TASS", "selftag"),
    ("A title\nBaku, December 14, AZERTAC\nThe commission met again.", "Azertac", "wire"),
    # bylines, credit lines, source lines, sign-offs
    ("A title\nBy VOA News\nFighting went on.", "Voice of America", "byline"),
    ("A title\nWritten By\nAssociated Press\nFighting went on.", "Associated Press", "byline"),
    ("A title\nAFP, Baku Friday 09 October 2020\nFighting went on.", "AFP", "credit"),
    ("A title\nNew York Times\nOct 9 2020\nFighting went on.", "The New York Times", "credit"),
    ("Fighting went on near the town.\nSource: IRNA", "IRNA", "source"),
    ("Fighting went on near the town.\nNews source ~ Arab News", "Arab News", "source"),
    ("Fighting went on near the town.\nsource tass.com", "TASS", "source"),  # a host, looked up by domain
    ("Fighting went on.\nSource: https://www.reuters.com/article/world-example-id1", "Reuters", "source"),
    ("Fighting went on near the town.\nContinue reading this article at Sputnik News", "Sputnik", "source"),
    ("A title\nFighting went on near the town.\nMore shelling was heard.\nTASS", "TASS", "signoff"),
    ("The talks ended.PTI | Moscow | Updated: 10-10-2020", "Press Trust of India", "credit"),
    # the outlet's own voice
    ("A title\nAl Jazeera could not independently verify the claims of either side.", "Al Jazeera", "voice"),
    ("A title\nFamilies fled the shelling. FRANCE 24 correspondent Jane Roe reports from Goris.", "France 24", "voice"),
    # a body's own statement, named in its title (a body the lexicon does not know: as the title writes it)
    ("Statement of the Armenian Foreign Ministry\n\n4 November, 2020\n\nThe ministry rejects the claims.",
     "Ministry of Foreign Affairs of Armenia", "statement"),
    ("Press-release of the press office of the Foreign Ministry of Azerbaijan\n"
     "On October 27, 2020, missiles hit the town.", "Ministry of Foreign Affairs of Azerbaijan", "statement"),
    ("Statement by the Freedonian Ministry for External Relations\nThe Republic is concerned.",
     "Freedonian Ministry for External Relations", "statement"),
    ("Article\nRegional conflict: Statement by Jane Roe, ICRC Regional Director for Europe\nThe fighting must stop.",
     "International Committee of the Red Cross", "statement"),
    ("UNICEF statement on a month of fighting in the region\n28 October 2020\nChildren were killed.", "UNICEF", "statement"),
    # site cues, when no author cue
    ("Refugees flee the fighting - DW News.\nFamilies left at night.", "Deutsche Welle", "title"),
    ("DAILY SITE\nJoin EUobserver today\nThe talks ended.", "EUobserver", "label"),
    ("\nBecome an OC Media Member\nThe talks ended.", "OC Media", "label"),
])
def test_cue(text, outlet, basis):
    r = reading(text)
    assert (r.outlet, r.basis) == (outlet, basis)


@pytest.mark.parametrize("text", [
    "A title\nThe ministry confirmed the deaths, according to Reuters.",
    "A title\nThe spokesman told TASS that the line held.",
    "A title\nThe army took the town, Interfax reported.",
    "A title\nThe army took the town, reported Interfax.",
    "A title\nThe army took the town, reports Interfax correspondent Ivan Petrov who was there.",
    "A title\nPrisoners were exchanged, Russian RIA Novosti reports, citing officials.",
    "A title\nAnalysts see a rising trend, trend reports say.",
    "A title\nAzerbaijan Says Town Taken (PHOTO)\nThe ministry spoke.",
    "A title\nThe ministry said: 'Reuters got it wrong', and moved on.",
    "A title\nHuman Rights Watch (HRW) said the strikes hit homes.",
    "A title\nAnadolu Agency (AA) reported fresh shelling on Monday.",
    "A title\nFighting went on near the town.\nSource: an official at the ministry",
    "A title\nFighting went on.\nSource: https://www.unknown-example.org/story/1",
    # a statement reported, and a person's own statement, name no outlet
    "The Freedonian Foreign Ministry, in a statement issued on Tuesday, urged talks.\nMore text.",
    "Freedonian Foreign Ministry makes official statement on the conflict\nThe ministry spoke.",
    "Statement by Jane Roe on the war\nThe fighting must stop.",
    # a headline quoting an outlet
    "A title\nBBC: Three killed in the shelling of the town\nThe ministry said two houses burned on Monday night.",
    # a report quoted further down the body, after its first sentences
    "A title\nMissiles fired from the hills killed more than twenty people in the city on two mornings, officials said.\n"
    "BBC report from the city:\nBBC: A three-year-old girl is now an orphan, her neighbours said.",
])
def test_a_quoted_or_unnamed_source_is_not_the_outlet(text):
    assert reading(text).outlet is None


def test_the_author_wins_over_the_site_and_the_site_is_the_republisher():
    text = "Town falls | Daily Sabah\nANKARA (Reuters) - The town fell, officials said.\n© 2020 Daily Sabah"
    r = reading(text)
    assert (r.outlet, r.basis, r.site) == ("Reuters", "wire", "Daily Sabah")


def test_a_site_that_is_the_author_is_no_republisher():
    r = reading("Town falls - Daily Sabah\nThe town fell, officials said.\n© 2020 Daily Sabah")
    assert (r.outlet, r.site) == ("Daily Sabah", None)


def test_text_metadata_takes_the_author_and_keeps_the_title():
    meta, lines = read_text_metadata(["Town falls - Daily Sabah", "ANKARA (AP) — The town fell."], outlets())
    assert (meta.outlet, meta.outlet_basis, meta.site) == ("Associated Press", "wire", "Daily Sabah")
    assert meta.title == "Town falls"


def test_names_compare_through_the_lexicon():
    lex = outlets()
    assert lex.same_outlet("News.am", "news.am")
    assert lex.same_outlet("Hurriyet Daily News", "Hürriyet Daily News")
    assert lex.same_outlet("DW News", "Deutsche Welle")
    assert lex.same_outlet("Some Local Paper", "some local paper")  # unknown names: case-insensitive
    assert not lex.same_outlet("Reuters", "Associated Press")
    assert not lex.same_outlet("Reuters", None)


def test_score_metadata_compares_outlets_through_the_lexicon():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["news.am", "Reuters", None],
                             "published": [None, None, None], "published_basis": [None, None, None]})
    gold = [{"article_id": "a", "outlet": "News.am"}, {"article_id": "b", "outlet": "AP"},
            {"article_id": "c", "outlet": "TASS"}]
    assert score_metadata(gold, articles)["outlet_ok"].tolist() == [True, False, False]


def test_the_lexicon_is_an_analysts_table():
    with open(LEXICON_DIR / "outlets.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len({r["outlet"] for r in rows}) >= 100
    owner: dict[str, str] = {}
    for number, r in enumerate(rows, start=2):
        assert r["outlet"].strip() and r["alias"].strip() and r["country"].strip(), number
        key = r["alias"].strip().lower()
        assert owner.setdefault(key, r["outlet"]) == r["outlet"], (number, r["alias"])


@pytest.mark.parametrize("text, outlet, basis", [
    # a bracketed country and a date between the place and the wire tag; the carried wire is the last name
    ("A title\nGoris [Armenia], May 4 (Daily Site News/Sputnik): The mayor said the road was open.", "Sputnik", "wire"),
    ("A title\nBaku, Mar 3 (efe-epa).- Two villages were shelled, officials said.", "EFE", "wire"),
    ("Aid arrives\nQAMISHLI, Syria (North Press) – A convoy crossed the border on Monday.", "North Press Agency", "wire"),
    # a dateline in capitals followed by the outlet's name, no date
    ("A title\nTBILISI, DFWatch–Two border posts were closed on Tuesday, the ministry says.", "Democracy & Freedom Watch",
     "wire"),
    # an agency's credit line with the place it files from
    ("A title\nAFP, SHUSHA, Azerbaijan\nThe market was empty when the sirens began.", "AFP", "credit"),
    # a title line of the outlet with its edition's date
    ("The Economist - Europe (2020-10-24)\nA long essay on drones follows.", "The Economist", "credit"),
    ("RFE/RL Armenian Report – 11/02/2020\nThe parliament met in a closed session.", "Azatutyun", "credit"),
    # the outlet's own people on the ground
    ("A title\nThe bridge was hit twice overnight, an AFP team reported.", "AFP", "voice"),
    ("A title\nYou are reading Sputnik’s rolling updates on the talks in Geneva.", "Sputnik", "voice"),
    # a sign-off after the last sentence of a line
    ("A title\nThe talks ended.\nNo date was set for the next round.  -AFP", "AFP", "signoff"),
    # a staff photographer's credit names the paper
    ("A title\nA girl waits by a bus. (Jane Roe / Los Angeles Times)\nThe buses left at noon.", "Los Angeles Times",
     "voice"),
    # a title suffix followed by the site's tag line
    ("Drones over the hills - GV Wire - Explore. Explain. Expose\nThe war has a new weapon.", "GV Wire", "title"),
    # a source line at the foot: the date, then the outlet
    ("A title\nThe border stayed shut.\nThe talks resume next week.\n3-X-20, nytimes", "The New York Times", "source"),
    # a credit line of the agency and the date, no comma; a byline with a counter glued to it; a desk's line
    ("A site\nA title\nAFP 3 Oct 2020\nThe market was empty when the sirens began.", "AFP", "credit"),
    ("A title\nBy Reuters News Service12\nThe market was empty when the sirens began.", "Reuters", "byline"),
    ("A title\nGulf Today Report\nThe market was empty when the sirens began.", "Gulf Today", "byline"),
    # a numeric date before the dateline's place and the tag
    ("A title\n10/12/2020 Stepanakert (International Christian Concern) – The church was hit twice.",
     "International Christian Concern", "wire"),
    # the outlet's name and a colon opening the first body line, a date crumb before it
    ("A title\nA caption under it\nDaily US Times: Officials said on Monday that the border posts would open again.",
     "Daily US Times", "wire"),
    ("A title\n12 / 03.12.20 / Turan: On Monday the commission met again.", "Turan", "wire"),
    # the site's name glued to its tag line at the top; a public radio's underwriting line; a story credit
    ("The Washington PostDemocracy Dies in Darkness\nA title\nThe border stayed shut on Monday.", "The Washington Post",
     "label"),
    ("Support for LAist comes from\nA title\nThe border stayed shut on Monday.", "LAist", "label"),
    ("Otago Daily Times\nA title\n- STORY: REUTERS/PHOTO: GETTY IMAGES\nThe border stayed shut.", "Reuters", "credit"),
    # the outlet's own correspondent at work
    ("A title\nMeduza special correspondent Anna Petrova traveled to the front and met the volunteers.", "Meduza", "voice"),
])
def test_more_author_and_site_cues(text, outlet, basis):
    read = reading(text)
    assert (read.outlet, read.basis) == (outlet, basis)


@pytest.mark.parametrize("text", [
    # a picture agency's credit does not make the text the agency's
    "A title\nA girl waits by a bus. (Jane Roe / AFP)\nThe buses left at noon.",
    # a team that is not on the ground reporting
    "A title\nThe AFP team of lawyers met the minister.",
    # a wire name in a sentence, not after a place in capitals
    "A title\nOfficials in Tbilisi, Reuters–style, were cautious.",
])
def test_cues_that_name_no_author(text):
    read = reading(text)
    assert read.basis not in ("wire", "voice", "signoff")


def test_origin_note_dropped_as_debris_still_names_the_outlet():
    from analysis.ingest.outlet_mentions import origin_outlet
    text = "A title\nThe village was shelled.\nThis article was originally published by ‘Caucasian Knot’ on May 2."
    assert origin_outlet(text, outlets()) == "Caucasian Knot"
    assert origin_outlet("A title\nThe shop first opened in 1990.", outlets()) is None


def test_lexicon_has_more_than_a_hundred_outlets_with_countries():
    with open(LEXICON_DIR / "outlets.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["outlet"] for r in rows}) >= 100
    assert all(r["country"].strip() for r in rows)


def test_score_metadata_counts_no_outlet_as_right_when_the_gold_has_none_and_one_as_wrong():
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": [None, "Reuters", None, "TASS"],
                             "published": [None] * 4, "published_basis": [None] * 4})
    gold = [{"article_id": "a", "outlet": None}, {"article_id": "b", "outlet": None},
            {"article_id": "c", "outlet": "TASS"}, {"article_id": "d", "outlet": "TASS"}]
    assert score_metadata(gold, articles)["outlet_ok"].tolist() == [True, False, False, True]


@pytest.mark.parametrize("text, outlet, basis", [
    ("Two soldiers were wounded near the border overnight, reports TASS…\nThe ministry gave no names.", "TASS", "selftag"),
    ("Pope calls for peace\nCatholic Culture Monday, 12 October 2020\nThe pope spoke at noon.", "Catholic Culture", "credit"),
    ("A title\nCBC News\nThe ministry spoke.", "CBC", "signoff"),
])
def test_tags_ending_in_an_ellipsis_and_a_name_beside_its_date_line(text, outlet, basis):
    got = reading(text)
    assert (got.outlet, got.basis) == (outlet, basis)


@pytest.mark.parametrize("text, outlet, basis", [
    # the agency and the date open the lead; the agency between a dateline's place and its date
    ("Xinhua, October 15th, a round-up says artillery fire did not stop on any sector of the front overnight.",
     "Xinhua", "wire"),
    ("A title\nKars, XINHUA, Nov. 15: The district was handed over at noon.", "Xinhua", "wire"),
    # a body's own release names the body in its first sentence, in the present tense
    ("A title\nGENEVA – Human Rights Watch (HRW) calls on both parties to spare the towns.", "Human Rights Watch", "statement"),
    ("A title\nBOSTON, Mass. (Oct. 12, 2020)—Save the Children is gravely concerned for families who fled.",
     "Save the Children", "statement"),
    ("A title\nCluster munitions hit the town during the weeks of fighting, Human Rights Watch said today. More follows.",
     "Human Rights Watch", "statement"),
    # site cues: a blog theme's logo text, a copyright line written "All rights reserved by"; the author's note
    ("A title\nSite icon EVN Report\nThe town was shelled on Monday.", "EVN Report", "label"),
    ("A title\nThe town was shelled on Monday.\nAll rights reserved by EVN Report", "EVN Report", "copyright"),
    ("A title\nThe town was shelled on Monday.\nJane Roe is a staff writer for Antiwar.com.",
     "Antiwar.com", "byline"),
])
def test_a_dated_lead_a_bodys_release_and_foot_notes_name_the_outlet(text, outlet, basis):
    got = reading(text)
    assert (got.outlet, got.basis) == (outlet, basis)


@pytest.mark.parametrize("text", [
    "A title\nThe Red Cross said on Monday that the fighting went on. Human Rights Watch urges calm.",  # not the first sentence
    "A title\nHuman Rights Watch called on both parties on Monday to spare the towns.",  # a report on the release
    "A title\nThe town was shelled.\nJane Roe, who wrote for Antiwar.com, disagreed with the ministry.",
])
def test_a_release_reported_or_an_outlet_named_in_passing_is_not_the_outlet(text):
    assert reading(text).outlet is None


@pytest.mark.parametrize("text, outlet, basis", [
    ("A title\nBAKU, Nov 20 (NNN-AGENCIES) — The army said it had entered the district.", "NAM News Network", "wire"),
    ("The Message of His Holiness to all faithful Mother See of Holy Etchmiadzin\nDear faithful, the war is over.",
     "Mother See of Holy Etchmiadzin", "statement"),
    ("Statement by the three envoys of the OSCE Minsk Group on their visit\nThe envoys met.",
     "OSCE Minsk Group Co-Chairs", "statement"),
    ("ARMENIAN BAR ASSOCIATION (NGO)\nALTERNATIVE REPORT TO THE COMMITTEE\nThe report follows.", "Armenian Bar Association", "label"),
])
def test_pooled_wire_tags_messages_and_a_name_with_its_abbreviation(text, outlet, basis):
    got = reading(text)
    assert (got.outlet, got.basis) == (outlet, basis)
