"""Date lines as sites print them, and the publication date they give (analysis.ingest.date_lines,
analysis.ingest.publication_dates). Every line here is written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.ingest.date_lines import own_date_line, page_date_lines, read_date_line
from analysis.ingest.publication_dates import corpus_year, date_line_year, infer_publication_window
from analysis.nlp.temporal.vocabulary import date_line_month_numbers, month_numbers


@pytest.mark.parametrize("line, day, kind", [
    ("Published November 09,2020", date(2020, 11, 9), "published"),  # no space after the comma
    ("Publish date05 Oct 2020 - 10:12", date(2020, 10, 5), "published"),  # no space after the label
    ("- Posted: 07:15 | 3 October 2020", date(2020, 10, 3), "published"),
    ("Last updated 4 October 2020", date(2020, 10, 4), "updated"),
    ("14 October 2020, 09:35", date(2020, 10, 14), "timed"),
    ("13:45, 2 October 2020", date(2020, 10, 2), "timed"),
    ("2020-10-02 14:05", date(2020, 10, 2), "timed"),
    ("• Oct. 21, 2020, 6:02 p.m. ET", date(2020, 10, 21), "timed"),
    ("Politics 12 October 2020 18:20 (UTC+04:00)", date(2020, 10, 12), "timed"),
    ("Friday, 02 October 2020", date(2020, 10, 2), "bare"),  # weekday prefix
    ("Thurs. Oct 8 2020", date(2020, 10, 8), "bare"),
    ("29.09.2020", date(2020, 9, 29), "bare"),
    ("11:49 01-10-2020", date(2020, 10, 1), "timed"),  # day-month-year with dashes: day first
    ("03-12-2020", date(2020, 12, 3), "bare"),
    ("10-26-2020", date(2020, 10, 26), "bare"),  # the second number cannot be a month: month first
    ("No: 118, 4 November 2020, Press Release on the Strike on the Town", date(2020, 11, 4), "published"),
    ("By Staff Reporter | Friday, 02 October 2020", date(2020, 10, 2), "credited"),
    ("Example News | 19 Oct 2020", date(2020, 10, 19), "credited"),
    ("3-X-20, examplepost", date(2020, 10, 3), "credited"),  # Roman month, two-digit year
    ("Statement by the Regional Director on the conflict Tbilisi, 5 October 2020", date(2020, 10, 5), "credited"),
    ("5 октября 2020, 14:05", date(2020, 10, 5), "timed"),  # Russian
    ("5 oktyabrya 2020", date(2020, 10, 5), "bare"),  # Russian, transliterated
    ("Publié le 5 octobre 2020", date(2020, 10, 5), "credited"),  # French
    ("5 Ekim 2020 Pazartesi", date(2020, 10, 5), "credited"),  # Turkish
    ("հոկտեմբերի 5, 2020", date(2020, 10, 5), "bare"),  # Armenian
    ("hoktemberi 5, 2020 12:40", date(2020, 10, 5), "timed"),  # Armenian, transliterated
    ("October 8, 2020Updated: October 8, 2020", date(2020, 10, 8), "published"),  # a label glued to the year
    ("Oct 8, 2020 | Updated Oct 9, 2020", date(2020, 10, 8), "published"),  # the first of "DATE Updated DATE"
    ("06 / October / 2020 : 18-45", date(2020, 10, 6), "credited"),  # spaced slashes around a month's name
    ("Kars 9.10.2020 “Friends, the shelling of the villages must stop now, and the talks must begin again.",
     date(2020, 10, 9), "dateline"),  # a place and a full numeric date open a speech
    ("Friday, October 9, 2020Fighting went on along the whole line of contact overnight, officials said.",
     date(2020, 10, 9), "dateline"),  # the page's date glued to its lead
])
def test_date_lines_as_sites_print_them(line, day, kind):
    read = read_date_line(line)
    assert read is not None and (read.date, read.kind) == (day, kind)


@pytest.mark.parametrize("line, month_day", [
    ("YEREVAN, October 3. /EXAMPLE/. The ministry said two houses burned.", (10, 3)),
    ("STEPANAKERT, OCTOBER 3, EXAMPLEPRESS. The ministry said two houses burned.", (10, 3)),
    ("MOSCOW, Oct 3 (Example) - The ministry said two houses burned.", (10, 3)),
    ("BAKU, Azerbaijan, Oct. 3", (10, 3)),
    ("Yerevan, November 21, EXAMPLEPRESS", (11, 21)),  # a mixed-case place closed by an agency's credit
    ("Tbilisi, October 16. The two sides traded blame for the shelling.", (10, 16)),  # a full stop, then a sentence
    ("Kars / Turkey; 18 Oct – Officials said two houses burned.", (10, 18)),  # a semicolon, a dash
])
def test_datelines_without_a_year(line, month_day):
    read = read_date_line(line)
    assert read is not None and read.kind == "dateline" and read.year is None and (read.month, read.day) == month_day


@pytest.mark.parametrize("line", [
    "The ministry said on October 3, 2020 that two houses burned in the shelling.",
    "Since the clashes began on Sept. 27, at least 300 people have died.",
    "The agency has not released a toll since October 3, 2020.",
    "Azerbaijan, October 3 was a quiet day",
    "Categories: 2020",
    "FILE PHOTO: Stepanakert, 12 October 2020",  # a caption's date
    "Date 27 September 2020 (2020-09-27) – present",  # a period's start in an infobox
    "Date27 September 2020 – present",
    "14:00 1/11/2021",  # a 24-hour clock says nothing of the order
    "Shelling resumed in the town, 5 October 2020 was the worst day of the war for the residents",
    "05/10/2020 Stepanakert (Some Agency) – Two men were named by the rights group on Tuesday after a long search.",
    "Yesterday, October 3. The ministry said two houses burned.",  # a sentence's opener is no place
    "Meanwhile, Oct. 3: Officials said two houses burned.",
    "Officials, October 3, said two houses burned in the shelling.",  # no stop after the date
    "Berlin, Thursday, October 3. The ministry said two houses burned.",  # a weekday: an event's day, not a dateline
    "Thursday, October 9, 2020Fighting went on along the whole line of contact overnight.",  # the weekday is wrong
    "The vote on 7.10.2020 was held in the capital.",
])
def test_sentences_are_not_date_lines(line):
    assert read_date_line(line) is None


def test_the_page_own_date_line():
    # a current-date widget above the title yields to the article's timestamp
    page = ["Monday July 1 2024", "Shelling hits Ganja", "4 October 2020 16:53 (UTC+04:00)", "Two houses burned."]
    assert own_date_line(page_date_lines(page)).date == date(2020, 10, 4)
    # a credited source line beats a bare widget; the publication date beats an update
    assert own_date_line(page_date_lines(["Sunday, Nov 01, 2020", "A title", "EXAMPLE TV, 29 Sep 2020"])).date == date(2020, 9, 29)
    page = ["A title", "Updated: 5 October 2020 10:00", "Published: 3 October 2020 08:00", "Text."]
    assert own_date_line(page_date_lines(page)).date == date(2020, 10, 3)
    # a live page: its own date, not its newest entry further down
    page = ["Live: the war, day 7", "Published 3 October 2020", "Text."] + [f"{h}:00, 4 October 2020" for h in (9, 10)]
    assert own_date_line(page_date_lines(page)).date == date(2020, 10, 3)
    # entries of a live page printed above its own date, or alone: never the newest entry
    page = ["Live: the war, day 7", "3 October 2020", "14:05, 4 October 2020", "09:10, 3 October 2020", "Text."]
    assert own_date_line(page_date_lines(page)).date == date(2020, 10, 3)
    page = ["Live: the war, day 7", "14:05, 5 October 2020", "09:10, 4 October 2020", "Text."]
    assert own_date_line(page_date_lines(page)).date == date(2020, 10, 4)
    # a weekday alone on its line is read with the date below it
    read = own_date_line(page_date_lines(["Wednesday", "September 30", "A title", "Text."]))
    assert (read.month, read.day, read.year, read.weekday) == (9, 30, None, 2)
    # a running clock (a time to the second) with the day is the site's widget: the byline below wins
    read = own_date_line(page_date_lines(["9:02:17 PM EDT - Friday, November 6th, 2020", "A title",
                                          "By Staff - Tue Nov 3, 4:10 pm", "Text."]))
    assert (read.month, read.day, read.year) == (11, 3, None)
    # a weekday's date over everything else, alone, is the site's current-date widget: no date rather than it
    assert own_date_line(page_date_lines(["Tuesday, March 19, 2024", "Main Menu", "A title", "Text."])) is None
    # the same date as the article's own line below the title stands
    assert own_date_line(page_date_lines(["A title", "Tuesday, 20 October 2020", "Text."])).date == date(2020, 10, 20)
    # at the foot only a source line counts, not another story's bare date
    assert page_date_lines(["A title", "Text."] + ["x"] * 10 + ["October 9, 2020"]) == []


def test_year_of_a_year_less_date_line():
    line = read_date_line("YEREVAN, October 3. /EXAMPLE/. Shelling resumed.")
    # the year of the text's own full dates ...
    assert date_line_year(line, "Shelling on September 30, 2021 killed two.", 2020)[0] == date(2021, 10, 3)
    # ... but not of a background date older than the corpus year, nor of another line's date
    assert date_line_year(line, "The ceasefire of May 12, 1994 held for years.", 2020)[0] == date(2020, 10, 3)
    assert date_line_year(line, "Saturday July 27 2024\nShelling resumed.", 2020)[0] == date(2020, 10, 3)
    # without either there is no date
    day, why = date_line_year(line, "Shelling resumed.", None)
    assert day is None and "no year" in why
    # the weekday printed must fall on the day
    monday = read_date_line("YEREVAN, Monday, October 3. /EXAMPLE/. Shelling resumed.")
    assert date_line_year(monday, "Shelling resumed.", 2020)[0] is None
    assert date_line_year(monday, "Shelling resumed.", 2022)[0] == date(2022, 10, 3)


def test_corpus_year():
    assert corpus_year([2020, 2020, 2021, 2019]) == 2020
    assert corpus_year([2020, 2021]) == 2021
    assert corpus_year([]) is None


def test_inference_ignores_furniture_history_and_period_starts():
    # "since" dates and onsets start a period: no publication date from them
    assert infer_publication_window("Fighting has raged since September 27, officials said on Monday.", 2020) is None
    assert infer_publication_window("Hundreds died since the war broke out on September 27, 2020.", 2020) is None
    assert infer_publication_window("Since the Nov. 9 deal, peacekeepers patrol the road, the ministry said.", 2020) is None
    # a historical date never sets it
    assert infer_publication_window("On June 29, 2014, two men crossed the line, the court heard.", 2020) is None
    # a year-less date reported in the lead takes the corpus year
    guess = infer_publication_window("Two houses burned in Ganja, the mayor said Oct. 4.\nRepairs began.", 2020)
    assert guess.best == date(2020, 10, 4) and "lead" in guess.evidence
    # the same date deep in the article, named once and unreported, is no news peg
    text = "\n".join(["The war goes on and the people of the region wait for any kind of news."] * 4
                     + ["On October 4 two houses burned in Ganja."])
    assert infer_publication_window(text, 2020) is None
    # a weekday printed with a day that does not fall on it is not used
    assert infer_publication_window("Prisoners were exchanged on Monday, October 4, the ministry said.", 2020) is None


def test_foreign_month_names_serve_date_lines_only():
    # months.csv holds them as data; the English text patterns never see them ("Mars", "Mart" are words there)
    assert month_numbers()["october"] == 10 and "mars" not in month_numbers() and "ekim" not in month_numbers()
    assert {date_line_month_numbers()[m] for m in ("октября", "octobre", "ekim", "հոկտեմբերի", "hoktemberi")} == {10}


@pytest.mark.parametrize("line, day", [
    ("Weekly Digest – 10/26/2020", date(2020, 10, 26)),  # month/day, as US sites write it
    ("Posted 26/10/2020", date(2020, 10, 26)),  # day/month
    # a bulletin's or a briefing's title closing with its full date
    ("Short note on the conflict in the region – 11 October 2020", date(2020, 10, 11)),
    ("Daily Press Briefing by the Spokesperson, 5 October 2020 - Armenia, Chad", date(2020, 10, 5)),
    ("12:00PM 1/11/2021", date(2021, 1, 11)),  # both orders fit, but a 12-hour clock is the US convention: month first
    # a numeric date, the place and a wire tag open the lead
    ("12/16/2020 Stepanakert (Some Agency) – Two men were named by the rights group on Tuesday after a long search.",
     date(2020, 12, 16)),
])
def test_slash_dates_that_only_one_order_fits(line, day):
    read = read_date_line(line)
    assert read is not None and read.date == day


def test_a_title_closing_with_its_date_is_a_weak_date_line():
    # the weakest kind: at a page's foot it is another story's link, not the page's date
    assert read_date_line("Ceasefire collapses as shelling resumes in the hills – 12 October 2020").kind == "bare"
    assert read_date_line("Some Agency Armenian Report – 10/26/2020").kind == "credited"  # a credit line stays one


def test_background_years_ago_do_not_stop_the_inference():
    text = ("Talks resume\n\nThe region broke away 30 years ago. Officials said on October 3 that two villages "
            "were shelled overnight.")
    assert infer_publication_window(text, 2020) is not None


def test_a_slash_date_both_orders_fit_gives_no_date():
    assert read_date_line("Weekly Digest – 05/10/2020") is None


def test_a_wire_dateline_before_the_hosts_date_is_the_wires_date():
    lines = ["Truce in doubt", "Published : Tuesday, 13 October, 2020 at 10:00 AM",
             "SHUSHA, Oct 12: Residents left the town on foot as the shelling resumed in the hills."]
    own = own_date_line(page_date_lines(lines))
    assert own.date == date(2020, 10, 12) and own.kind == "dateline"


def test_a_dateline_far_from_the_hosts_date_does_not_move_it():
    lines = ["Truce in doubt", "Published : Tuesday, 20 October, 2020 at 10:00 AM",
             "SHUSHA, Oct 12: Residents left the town on foot as the shelling resumed in the hills."]
    assert own_date_line(page_date_lines(lines)).date == date(2020, 10, 20)


@pytest.mark.parametrize("text, looking_back, instead", [
    # "last year's war": its latest dated event is background
    ("Toll revised\n\nThe ministry raised the toll of last year's mountain war to 1,000 soldiers. "
     "The fighting ended with a truce on Nov. 10, 2020, the ministry said.", "last year's mountain war", "the mountain war"),
    # "a year ago": a year-less date in it is no evidence of the page's day
    ("A film that haunts a village\n\nA film first shown almost one year ago is still talked about in the village. "
     "The ministry said the film was put online on October 15 and taken down soon after.", "almost one year ago", "this month"),
])
def test_a_text_looking_back_a_year_is_not_dated_by_its_events(text, looking_back, instead):
    assert infer_publication_window(text, 2020) is None
    assert infer_publication_window(text.replace(looking_back, instead), 2020) is not None


def test_a_photo_caption_closing_with_its_place_and_date_is_no_date_line():
    caption = "Mourners lay flowers at the graves of fallen soldiers at a cemetery in Yerevan, November 12, 2020"
    assert read_date_line(caption) is None
    assert read_date_line("Statement by the Ministry of Foreign Affairs, Yerevan, 29 September 2020") is not None


def test_a_date_over_the_title_yields_to_the_date_under_it():
    lines = ["November 2, 2020", "", "A statement on the situation", "", "November 10, 2020", "", "We are watching."]
    assert own_date_line(page_date_lines(lines)).date == date(2020, 11, 10)
    live = ["Live: the war", "October 11, 2020", "The first entry.", "October 12, 2020", "The second entry."]
    assert own_date_line(page_date_lines(live)).date == date(2020, 10, 11)  # a live page: its earliest entry


@pytest.mark.parametrize("line", [
    "Statement by the Chair of the Working Group on Nagorno-Karabakh, 5 October 2020",
    "Remarks by the High Representative at the press conference in Brussels, 12 October 2020",
])
def test_a_release_heading_with_its_place_is_no_caption(line):
    assert read_date_line(line).kind == "credited"


@pytest.mark.parametrize("line, kind", [
    ("Updated (October 14, 2020)", "updated"),
    ("Published (October 12, 2020)", "published"),
])
def test_a_label_before_a_bracketed_date_stays_a_label(line, kind):
    assert read_date_line(line).kind == kind


@pytest.mark.parametrize("line", [
    "Update, Oct. 14 (10:00 GMT) – Armenia says the talks will go on",
    "Meanwhile, October 14 (Wednesday) – the talks went on in Geneva",
    "2020-11-02 10:15 Armenia and Azerbaijan sign a truce deal in Moscow",
])
def test_brackets_that_are_no_wire_tag_and_a_spaced_timestamp_headline_are_no_date_lines(line):
    assert read_date_line(line) is None


@pytest.mark.parametrize("line, day, kind", [
    ("2020-10-14 09:35:12Daily Site Editor : A. Writer Download our app", (2020, 10, 14), "timed"),
    ("SPRINGFIELD, Ill. (Oct. 14, 2020)—The charity said it was sending aid to families.", (2020, 10, 14), "dateline"),
    ("Melbourne, Oct. 14, (dpa) – Several hundred people marched through the city centre on Wednesday.", (None, 10, 14),
     "dateline"),
])
def test_datelines_with_brackets_a_wire_tag_and_a_glued_timestamp(line, day, kind):
    got = read_date_line(line)
    assert (got.year, got.month, got.day, got.kind) == (*day, kind)


def test_a_dateline_in_lower_case_with_no_tag_is_still_a_sentence():
    assert read_date_line("Melbourne, Oct. 14, several hundred people marched through the city centre.") is None
