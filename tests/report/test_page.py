"""The page frame (analysis.report.page): findings linked to figures, caveats computed from the corpus."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.core.values import UNKNOWN_OUTLET
from analysis.report import page


def _articles(n: int, outlets, undated: int = 0, inferred: int = 0, languages=None) -> pd.DataFrame:
    rows = []
    for k in range(n):
        rows.append({"article_id": f"a{k}", "outlet": outlets[k % len(outlets)],
                     "published": None if k < undated else dt.date(2020, 10, 1 + k % 20),
                     "published_basis": "text" if undated <= k < undated + inferred else "byline",
                     "language": (languages or ["en"])[k % len(languages or ["en"])]})
    return pd.DataFrame(rows)


def test_findings_link_to_their_figures_and_escape_their_text():
    markup = page.findings_html([page.Finding("RT reported <first>", figure="lag_matrix"),
                                 ("Asbarez wrote 3 articles", "timeline"), "A plain sentence."])
    assert "<a href='#fig-lag_matrix'>(figure lag_matrix)</a>" in markup
    assert "#fig-timeline" in markup and "&lt;first&gt;" in markup and "A plain sentence." in markup
    assert "Nothing to report" in page.findings_html([])


def test_caveats_follow_the_corpus_not_the_seeds():
    small = page.corpus_caveats(_articles(5, ["RT", "Asbarez"]))
    assert "5 articles from 2 outlets" in small[0] and "these articles only" in small[0]
    large = page.corpus_caveats(_articles(400, [f"o{k}" for k in range(30)]))
    assert "400 articles from 30 outlets" in large[0] and "these articles only" not in large[0]
    assert not any("five" in c for c in small + large)


def test_caveats_count_unknown_outlets_undated_and_inferred_dates_and_other_languages():
    corpus = _articles(100, ["RT", None, "RT", "RT"], undated=10, inferred=30, languages=["en", "en", "en", "ru"])
    text = " ".join(page.corpus_caveats(corpus))
    assert "25 articles without a known outlet" in text and UNKNOWN_OUTLET in text
    assert "10 articles (10%) have no publication date" in text
    assert "30% of the selected articles (30) have a publication date inferred" in text
    assert "RT wrote 75% of the selected articles" in text
    assert "25% of the selected articles are not in English (ru 25)" in text
    selected = corpus.head(20)
    assert any("selection holds 20 articles of the 100" in c for c in page.corpus_caveats(corpus, selected))


def test_the_accuracy_caveat_quotes_the_measured_figures_or_says_none_was_measured():
    assert "has not been measured" in page.accuracy_caveat(None)
    summary = {"splits": {"test": {"figures": {"claims": {"f1": 0.71},
                                                "metadata": {"publication_dates": {"accuracy": 0.9}}},
                                    "corpus": {"articles": 40}}}}
    text = page.accuracy_caveat(summary)
    assert "F1 0.71" in text and "right 90%" in text and "40 real articles" in text


def test_the_id_line_names_the_report_id_and_what_was_asked():
    line = page.id_line_html("02_casualty_tolls", "warcov-abc", 2000, {"outlets": ["RT"], "raw_dir": None})
    assert "warcov-abc" in line and "2,000 articles" in line and "outlets=[&#x27;RT&#x27;]" in line
    assert "raw_dir" not in line and "#provenance" in line


def test_points_are_escaped_and_say_where_they_are_shown():
    markup = page.points_html("Findings", ["A <b> sentence.", ("Two outlets differ.", "Figure 2")])
    assert markup.startswith("<div><b>Findings</b><ul>")
    assert "<li>A &lt;b&gt; sentence.</li>" in markup
    assert "<li>Two outlets differ. <i>(Figure 2)</i></li>" in markup
