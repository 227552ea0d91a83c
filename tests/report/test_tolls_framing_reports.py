"""Reports 02 and 04 rendered on synthetic corpora: 34 outlets with articles lacking an outlet or a date, and
2,000 articles (one session fixture each, built from perturbed seeds; no third-party text)."""

from __future__ import annotations

import csv
import random
import re
import time

import pandas as pd
import pytest

from analysis.build import pipeline
from analysis.core import catalog
from analysis.report import render as reports
from perturbed_seeds import perturbed, seed_texts

OUTLETS = [f"Outlet {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(34)]
MB = 2 ** 20


def make_corpus(target, size: int, seed: int = 11) -> None:
    """``size`` perturbed seed articles with a manifest: 34 outlets, every 9th article without an outlet, every
    7th without a date (:mod:`perturbed_seeds`, with a manifest)."""
    rng = random.Random(seed)
    texts = seed_texts()
    target.mkdir(parents=True)
    rows = []
    for i in range(size):
        text = perturbed(texts[i % len(texts)], rng)
        article_id = f"s{i:05d}"
        (target / f"{article_id}.txt").write_text(text + f"\nReport {i}.\n", encoding="utf-8")
        rows.append({"article_id": article_id, "outlet": "" if i % 9 == 4 else OUTLETS[(i * 7) % len(OUTLETS)],
                     "published": "" if i % 7 == 3 else f"2020-{10 + (i % 2)}-{1 + i % 28:02d}"})
    with (target / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["article_id", "outlet", "published"])
        writer.writeheader()
        writer.writerows(rows)


def _render_both(root, size):
    raw, processed = root / "raw", root / "processed"
    make_corpus(raw, size)
    pipeline.build(raw, processed)
    pages = {"articles": catalog.load("articles", processed)}
    for name in ("02", "04"):
        started = time.perf_counter()
        rendered = reports.render(name, {"raw_dir": str(raw), "processed_dir": str(processed)}, out_dir=root / "out")
        pages[name] = (rendered, time.perf_counter() - started)
    return pages


@pytest.fixture(scope="session")
def many_outlets(tmp_path_factory):
    return _render_both(tmp_path_factory.mktemp("outlets34"), 150)


@pytest.fixture(scope="session")
def two_thousand(tmp_path_factory):
    return _render_both(tmp_path_factory.mktemp("articles2000"), 2000)


def _page(pages, name) -> str:
    return pages[name][0].html.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["02", "04"])
def test_reports_render_with_missing_outlets_and_dates_and_34_outlets(many_outlets, name):
    page = _page(many_outlets, name)
    assert "Traceback" not in page
    findings = page[page.index("<h2>Findings</h2>"):page.index("<h2>Caveats</h2>")]
    assert findings.count("<li>") >= 2 and "(figure)" in findings
    caveats = page[page.index("<h2>Caveats</h2>"):]
    articles = many_outlets["articles"]
    named = articles["outlet"].nunique()
    assert named >= 34 and f"The corpus holds 150 articles from {named} named outlets" in caveats  # computed from the corpus
    assert "name no outlet" in caveats and "have no publication date" in caveats
    assert "<mark>" in page  # evidence spans are marked
    assert len(page) < 2 * MB


def test_casualty_report_names_unknown_outlet_and_lists_undated_totals(many_outlets):
    page = _page(many_outlets, "02")
    assert "(unknown)" in page
    assert "from undated articles: listed below, not drawn" in page
    figures = many_outlets["02"][0].html.parent / "figures" / "02_casualty_tolls"
    for stem in ("incident_figures", "running_totals", "attribution_matrix"):
        assert (figures / f"{stem}.png").exists() and (figures / f"{stem}.csv").exists()
    matrix = (figures / "attribution_matrix.csv").read_text(encoding="utf-8")
    assert matrix.count("\n") >= 30  # every outlet in the CSV, though the figure pools past twelve


def test_framing_report_counts_left_out_articles_and_lists_similar_pairs(many_outlets):
    page = _page(many_outlets, "04")
    match = re.search(r"Left out of the vocabulary comparison: (\d+) article\(s\) with no outlet", page)
    assert match and int(match.group(1)) == many_outlets["articles"]["outlet"].isna().sum() > 0
    assert "The most alike pairs of outlets" in page
    figures = many_outlets["04"][0].html.parent / "figures" / "04_framing"
    similarity = (figures / "outlet_similarity.csv").read_text(encoding="utf-8")
    named = many_outlets["articles"]["outlet"].nunique()
    assert similarity.count("\n") == named + 1  # header and every outlet in the CSV; the matrix drawn shows twelve


@pytest.mark.parametrize("name", ["02", "04"])
def test_reports_at_2000_articles_stay_small_and_quick(two_thousand, name):
    rendered, seconds = two_thousand[name]
    page = rendered.html.read_text(encoding="utf-8")
    assert "<h2>Findings</h2>" in page and "The corpus holds 2,000 articles from" in page
    assert len(page) <= 2 * MB, f"{name}: {len(page) / MB:.2f} MB"
    assert seconds < 120, f"{name}: {seconds:.0f} s"
