"""The day in an article's address (analysis.ingest.url_dates) and its place among the sources of the publication date."""

import datetime as dt

import pytest

from analysis.ingest import corpus
from analysis.ingest.url_dates import url_date


@pytest.mark.parametrize("url, day", [
    ("https://news.example.am/2020/10/22/shelling-continues/", dt.date(2020, 10, 22)),
    ("https://paper.example.com/world/2020/oct/10/ceasefire-broken", dt.date(2020, 10, 10)),
    ("https://tv.example.com/en/video/20201009-refugees-leave-the-city", dt.date(2020, 10, 9)),
    ("https://institute.example.edu/war-update-for-november-17-2020/", dt.date(2020, 11, 17)),
    ("https://site.example.az/2020-11-03/report.html", dt.date(2020, 11, 3)),
])
def test_day_in_the_path(url, day):
    assert url_date(url) == day


@pytest.mark.parametrize("url", [
    "https://news.example.am/2020/10/",  # a month, no day
    "https://news.example.am/news/202010221234.html",  # an id running on into other digits
    "https://news.example.am/article?date=2020-10-01",  # the query is not the path
    "https://news.example.am/2020/02/30/impossible-day",
    "https://news.example.am/2020/10/22/story-from-2020-10-25",  # two different days: none
    "https://2020-10-22.example.am/story",  # the host is not the path
    None, "", "http://[::1",
])
def test_no_day(url):
    assert url_date(url) is None


def _build(tmp_path, text: str, url: str):
    (tmp_path / "a1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(f"article_id,url\na1,{url}\n", encoding="utf-8")
    articles, _ = corpus.load_articles(tmp_path)
    return articles.set_index("article_id").loc["a1"]


def test_address_dates_an_article_whose_text_gives_no_date(tmp_path):
    row = _build(tmp_path, "Shelling went on\n\nShelling of the town went on through the night, officials said.\n",
                 "https://news.example.am/2020/10/22/shelling-went-on/")
    assert row["published"] == dt.date(2020, 10, 22) and row["published_basis"] == "external"


def test_a_date_line_in_the_text_wins_over_the_address(tmp_path):
    row = _build(tmp_path, "Shelling went on\n\nYEREVAN, October 21, 2020. Shelling of the town went on through the night.\n",
                 "https://mirror.example.com/2020/10/22/shelling-went-on/")
    assert row["published"] == dt.date(2020, 10, 21) and row["published_basis"] == "byline"
