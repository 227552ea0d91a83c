"""The one month table (lexicons/months.csv) and the resolver of each kind of temporal expression."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.lexicons.load import LexiconError
from analysis.nlp.temporal import candidates, resolve, vocabulary
from analysis.nlp.temporal.expressions import find_temporal_expressions


def test_every_month_has_its_full_name_and_the_usual_abbreviations():
    numbers = vocabulary.month_numbers()
    assert len(vocabulary.month_names("full")) == 12
    assert sorted(set(numbers.values())) == list(range(1, 13))
    assert numbers["september"] == numbers["sep"] == numbers["sept"] == 9
    assert "may" not in vocabulary.month_names("abbreviation")
    assert vocabulary.month_number("Sept.") == 9 and vocabulary.month_number("DECEMBER") == 12


@pytest.mark.parametrize("rows, problem", [
    ("name,number,form\nsmarch,13,full\n", "number must be a whole number from 1 to 12"),
    ("name,number,form\nsmarch,3,short\n", "form must be one of full, abbreviation"),
    ("name,number\nmarch,3\n", "missing column"),
])
def test_a_bad_month_table_is_refused_with_its_row(tmp_path, monkeypatch, rows, problem):
    (tmp_path / "months.csv").write_text(rows, encoding="utf-8")
    monkeypatch.setattr("analysis.lexicons.load.LEXICON_DIR", tmp_path)
    vocabulary.month_table.cache_clear()
    vocabulary.month_numbers.cache_clear()
    try:
        with pytest.raises(LexiconError, match=problem):
            vocabulary.month_numbers()
    finally:
        vocabulary.month_table.cache_clear()
        vocabulary.month_numbers.cache_clear()


def test_the_month_table_also_reads_ingest_datelines():
    from analysis.ingest.outlets import outlets
    from analysis.ingest.text_metadata import read_text_metadata

    meta, _ = read_text_metadata(["MOSCOW, Sept. 5, 2020 /TASS/. Shelling resumed."], outlets())
    assert (meta.outlet, meta.date.isoformat()) == ("TASS", "2020-09-05")


def test_every_kind_of_candidate_has_a_resolver():
    assert candidates.KINDS == set(resolve.RESOLVERS)


@pytest.mark.parametrize("text, kind, resolution", [
    ("It began on October 2.", "md", "absolute"),
    ("It began on 2 October.", "dm", "absolute"),
    ("It began on 2020-10-02.", "numeric", "absolute"),
    ("Talks ran Sept. 27-Oct. 3.", "range", "vague"),
    ("It began in early October.", "month", "vague"),
    ("Shelling hit Ganja on Friday.", "weekday", "weekday"),
    ("Shelling hit Ganja yesterday.", "relative", "relative"),
    ("Shelling hit Ganja two days ago.", "ago", "offset"),
    ("Shelling hit Ganja on Friday. Six days earlier, it was calm.", "offset", "offset"),
    ("Shelling hit Ganja on Friday. The next day, it was calm.", "dayanchor", "offset"),
    ("Shelling hit Ganja last week.", "vague", "vague"),
])
def test_each_kind_is_resolved_by_its_own_resolver(text, kind, resolution):
    found = candidates.find_candidates(text)
    assert kind in {f.kind for f in found}
    rows = find_temporal_expressions(text, date(2020, 10, 17))
    assert rows[-1]["resolution"] == resolution
