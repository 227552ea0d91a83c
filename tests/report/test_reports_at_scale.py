"""Reports 01 and 03 on corpora unlike the seeds: 35 outlets with missing outlets, dates and a stray date, and 2,000 articles.

Each corpus is written from the seeds (numbers, places, weekdays and sentence
order perturbed, as ``benchmarks/bench_build.py`` does) with a manifest that
spreads the articles over many outlets, leaves some without an outlet or a
date, dates one in 1992 and adds articles in French. Built and rendered once
per session.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import time

import pytest

from analysis.build import pipeline
from analysis.core import catalog
from analysis.report import render as reports
from perturbed_seeds import PLACES, perturbed, seed_texts

FRENCH = ("Des bombardements ont visé la ville de {place} dans la nuit, selon les autorités locales.\n"
          "Le ministère a affirmé que {n} soldats avaient été tués et que les combats se poursuivaient.\n")


def write_corpus(target, size: int, n_outlets: int, seed: int = 11) -> None:
    """``size`` perturbed seed articles in ``target`` with a manifest over ``n_outlets`` outlets (some none, some undated)."""
    rng = random.Random(seed)
    texts = seed_texts()
    outlets = [f"Outlet {chr(65 + k % 26)}{k // 26 or ''} Daily" for k in range(n_outlets)]
    weights = [1 / (k + 1) for k in range(n_outlets)]  # a few busy outlets, a long tail of small ones
    target.mkdir(parents=True)
    rows = []
    for i in range(size):
        if i % 40 == 7:
            text = "Bombardements\n\n" + FRENCH.format(place=rng.choice(PLACES), n=rng.randint(2, 90))
        else:
            text = perturbed(texts[i % len(texts)], rng)
        article_id = f"{i:06d}"
        (target / f"{article_id}.txt").write_text(text + f"\nReport {i}.\n", encoding="utf-8")
        published = dt.date(2020, 9, 27) + dt.timedelta(days=rng.randint(0, 44))
        rows.append({"article_id": article_id,
                     "outlet": "" if i % 9 == 4 else i < n_outlets and outlets[i] or rng.choices(outlets, weights)[0],
                     "published": "" if i % 11 == 5 else "1992-05-08" if i == 3 else published.isoformat(),
                     "published_basis": "" if i % 11 == 5 else "text" if i % 6 == 1 else "byline"})
    with (target / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _built(tmp_path_factory, name: str, size: int, n_outlets: int):
    root = tmp_path_factory.mktemp(name)
    write_corpus(root / "raw", size, n_outlets)
    pipeline.build(root / "raw", root / "processed")
    return root


@pytest.fixture(scope="session")
def many_outlets(tmp_path_factory):
    """160 articles over 35 outlets, built."""
    return _built(tmp_path_factory, "many", 160, 35)


@pytest.fixture(scope="session")
def large(tmp_path_factory):
    """2,000 articles over 40 outlets, built, with reports 01 and 03 rendered once: (root, {report: (html, seconds)})."""
    root = _built(tmp_path_factory, "large", 2000, 40)
    rendered = {}
    for name in ("01", "03"):
        started = time.perf_counter()
        page = reports.render(name, {"raw_dir": str(root / "raw"), "processed_dir": str(root / "processed")},
                              out_dir=root / "reports").html
        rendered[name] = (page, time.perf_counter() - started)
    return root, rendered


def _render(root, name: str, **selection):
    params = {"raw_dir": str(root / "raw"), "processed_dir": str(root / "processed"), **selection}
    return reports.render(name, params, out_dir=root / f"reports-{name}").html.read_text(encoding="utf-8")


def _figures(page: str) -> int:
    return page.count("data:image/png;base64,")


def test_overview_at_35_outlets_groups_outlets_and_lists_the_stray_date(many_outlets):
    page = _render(many_outlets, "01")
    assert "Traceback" not in page
    assert "Findings" in page and "Caveats" in page
    articles = catalog.load("articles", many_outlets / "processed")
    unknown = int(articles["outlet"].isna().sum())
    assert unknown and f"{unknown} articles" in page  # the caveat counts this corpus's articles without an outlet
    assert "others (" in page  # past twelve outlets the quiet ones are one group
    assert "1992-05-08" in page.split("Articles dated outside the corpus period")[1][:2000]  # listed, not on the axis
    timeline = (many_outlets / "reports-01").rglob("timeline.csv")
    days = [line.split(",")[0] for line in next(timeline).read_text(encoding="utf-8").splitlines()[1:]]
    assert min(days) >= "2020-09-27"
    assert "five" not in page.lower()  # no caveat written for the seeds
    assert _figures(page) >= 2


def test_lag_report_at_35_outlets_with_unknown_outlets_renders(many_outlets):
    lags = catalog.load("reporting_lag", many_outlets / "processed")
    assert lags["outlet"].isna().any()  # the case that crashed first_reports
    page = _render(many_outlets, "03")
    assert "Traceback" not in page and "Findings" in page
    assert "(unknown)" in page
    shown = next((many_outlets / "reports-03").rglob("lag_per_outlet.csv")).read_text(encoding="utf-8")
    assert "others (" in shown and "(unknown)" in shown  # Figure 2 draws the busiest twelve, the others, the unknown
    assert "Figure 5" in page  # drawn, or said why not: never an empty frame


def test_an_empty_selection_renders_both_reports(many_outlets):
    for name in ("01", "03"):
        page = _render(many_outlets, name, date_from="2031-01-01")
        assert "Traceback" not in page and "no article" in page.lower()


def test_reports_at_2000_articles_are_small_and_quick(large):
    _, rendered = large
    for name, (page, seconds) in rendered.items():
        size = page.stat().st_size
        assert size <= 2_000_000, f"report {name}: {size} bytes"
        assert seconds < 60, f"report {name}: {seconds:.0f} s"  # the 30 s, with slack for a loaded test machine
        text = page.read_text(encoding="utf-8")
        assert "Traceback" not in text and "Findings" in text and "2000" in text
