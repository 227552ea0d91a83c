"""Report tables read built tables without importing the build: what they assume must match what it writes.

``compare`` may not import ``ingest``, ``extract`` or ``link``, so it names the
columns, categories and manifest rules it relies on itself; these tests hold
those names to the build's. Also the low-level rules both sides share
(:mod:`analysis.core.figures`, :mod:`analysis.core.dates`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.compare import lag as lag_tables
from analysis.compare import names as name_tables
from analysis.compare import overview
from analysis.core import config
from analysis.core.dates import as_day
from analysis.core.figures import claimant_key, figure_text, is_missing, qualifier_of, with_qualifier
from analysis.extract import names as name_extraction
from analysis.ingest import corpus
from analysis.link import lag as lag_build


def test_lag_report_tables_read_the_columns_the_build_writes():
    assert lag_tables.LAG_INPUT == tuple(lag_build.LAG_COLUMNS)
    assert lag_tables.ANNOUNCEMENT_INPUT == tuple(lag_build.ANNOUNCEMENT_COLUMNS)
    assert list(lag_tables.RELAY_COLUMNS)[3:] == list(lag_build.ANNOUNCEMENT_COLUMNS)


def test_name_report_tables_know_the_extracted_categories_and_places():
    assert name_tables.CATEGORIES == name_extraction.CATEGORIES
    # the default reads the gazetteer's places as the extractor's place lexicon does
    assert name_tables.alternative_name_keys() == name_tables.alternative_name_keys(name_extraction.place_lexicon())


def test_manifest_dates_are_read_as_ingest_reads_them(tmp_path):
    path = tmp_path / config.MANIFEST_NAME
    path.write_text(
        "article_id,published,outlet\n"
        "a.txt,2020-10-01,RT\n"       # file name: the stem is the id
        "b, 2020-10-02 ,RT\n"         # spaces around the date
        "c,01/10/2020,RT\n"           # not YYYY-MM-DD: no date
        "d,,RT\n"                     # no date
        "e,2020-10-03,RT\n"
        "e,,RT\n"                     # a second row of e is ignored
        "f,,RT\n"
        "f,2020-10-04,RT\n"           # ... even when it gives the date
        ",2020-10-05,RT\n",           # no id
        encoding="utf-8",
    )
    from_ingest = {k for k, row in corpus.read_manifest(path, []).items() if row.published is not None}
    assert overview.manifest_dated(path) == from_ingest == {"a", "b", "e"}
    assert overview.manifest_dated(tmp_path / "none.csv") == set()
    path.write_text("id,published\nx,2020-10-01\n", encoding="utf-8")
    with pytest.raises(corpus.ManifestError):
        corpus.read_manifest(path, [])
    assert overview.manifest_dated(path) == set()  # unusable manifest: no dates, as date_given_by documents


def test_figures_and_claimants_are_keyed_once():
    assert figure_text(60, "more_than", None) == "more than 60"
    assert figure_text(12, None, None) == figure_text(12, "exact", None) == "12"
    assert figure_text(None, None, None) == ""
    assert claimant_key("  Ilham   ALIYEV ") == "ilham aliyev"
    assert claimant_key(None) is None and claimant_key(" ") is None and claimant_key(float("nan")) is None
    assert qualifier_of(None) == qualifier_of("") == "exact" and qualifier_of("about") == "about"
    assert list(with_qualifier(pd.DataFrame({"count": [1]}))["qualifier"]) == ["exact"]
    assert all(is_missing(v) for v in (None, pd.NA, float("nan"))) and not is_missing(0)


def test_days_from_cells():
    day = dt.date(2020, 10, 17)
    for value in (day, dt.datetime(2020, 10, 17, 8), pd.Timestamp("2020-10-17 08:00"), "2020-10-17", "2020-10-17T08:00"):
        assert as_day(value) == day
    for value in (None, pd.NA, pd.NaT, float("nan")):
        assert as_day(value) is None
