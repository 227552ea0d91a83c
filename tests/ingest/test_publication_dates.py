"""Publication dates read from an article's own text (analysis.ingest.publication_dates)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.evaluate.suite import score_metadata
from analysis.ingest.publication_dates import header_contradicts_text, infer_publication_window


def test_publication_window_from_the_text():
    text = ("Since September 27, operations have continued.\nBrief overview of events for the morning of October 3\n"
            "Stepanakert was shelled on October 2.\nThe ministry's reports of October 2, 2020 were confirmed.")
    guess = infer_publication_window(text)
    assert guess.best == date(2020, 10, 3) and "October 3" in guess.evidence
    # the latest date is the best guess only when the text makes it its news peg (here: reported in the lead)
    assert infer_publication_window("The strike on October 11, 2020 killed ten. On October 12 more shelling hit Ganja.") is None
    guess = infer_publication_window("The strike on October 11, 2020 killed ten. On October 12 more shelling hit Ganja, "
                                     "the ministry said.")
    assert guess.earliest == date(2020, 10, 12) and guess.best == date(2020, 10, 12) and guess.latest > guess.earliest
    assert infer_publication_window("Renewed fighting flared up on September 27, officials said.") is None
    # A planned event does not move the earliest date.
    guess = infer_publication_window("Shelling hit Barda on October 5, 2020, the ministry said. Talks will be held on November 3, 2020.")
    assert guess.earliest == date(2020, 10, 5)
    # A latest date only written with its year, or only named twice, is no news peg: a retrospective or an
    # anniversary names its day just so
    assert infer_publication_window("Shelling hit Barda on October 5, 2020. Homes burned.") is None
    assert infer_publication_window("Shelling hit Barda on October 5. The October 5 attack destroyed homes.") is None
    # nor is the day a war ended
    assert infer_publication_window("The war that started on Sept. 27 and ended on Nov. 10, officials said, left "
                                    "thousands dead.") is None


def test_header_contradictions():
    text = "Stepanakert was shelled on Friday, October 2, 2020, the ministry said, and again on Sunday."
    assert header_contradicts_text(text, date(2020, 10, 2)) is None
    assert "earlier than" in header_contradicts_text(text, date(2020, 9, 27))
    # a dated report that also speaks of "Sunday" years before the header: a crawl date
    assert "2023" in header_contradicts_text(text, date(2023, 5, 1))
    # a background date in a caption does not contradict the header of a report "on Tuesday"
    caption = ("FILE PHOTO: The president speaks at a summit in Sochi, Russia, May 14, 2018.\n"
               "The president said on Tuesday that the talks would go on.")
    assert header_contradicts_text(caption, date(2020, 9, 29)) is None
    # nor does a current-date widget printed on the page
    assert header_contradicts_text("Saturday July 27 2024\nThe president said on Tuesday that talks go on.",
                                   date(2020, 9, 29)) is None
    # "Friday, October 2" is a Friday in 2020, not in 2023.
    assert "weekday" in header_contradicts_text("Shelling hit Barda on Friday, October 2.", date(2023, 10, 5))
    with pytest.raises(TypeError, match="header_date"):
        header_contradicts_text(text, "2020-10-02")


def test_seed_publication_dates(seed_articles, gold):
    scores = score_metadata(gold, seed_articles)
    assert scores["published_ok"].mean() == 1.0
    # The one seed dated from its text: the inference agrees with the gold.
    text = seed_articles.loc[seed_articles["article_id"] == "002_b9164580fb295b69", "text"].iloc[0]
    assert infer_publication_window(text).best == date(2020, 10, 3)
