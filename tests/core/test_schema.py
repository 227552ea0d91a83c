"""The table declaration (core/tables.yaml) and what comes from it: frames, casts, checks, data dictionary."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
import yaml

from analysis.build import pipeline
from analysis.core import config, schema, validation, values
from analysis.extract import claims as claims_mod
from analysis.extract.claims import candidates as claim_candidates
from analysis.extract import hedges as hedges_mod
from analysis.extract import names as names_mod
from analysis.ingest import corpus
from analysis.ingest import manifest as manifest_mod
from analysis.compare import hedges as compare_hedges
from analysis.extract import events as events_mod
from analysis.nlp.temporal import resolution

BUILT = ["articles", "ingest_errors", "extraction_errors", "events", "claims", "incidents", "incident_mentions", "reporting_lag",
         "announcement_lag", "name_mentions", "names", "region_names", "sources", "hedges"]


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    return pipeline.build_tables(config.RAW_DIR)


# ------------------------------------------------------------ the declaration


def test_the_build_writes_exactly_the_declared_tables(seed_tables):
    assert schema.built_tables() == BUILT
    assert list(seed_tables) == BUILT == list(pipeline.TABLE_COLUMNS)
    for name, frame in seed_tables.items():
        assert list(frame.columns) == schema.columns(name), name


def test_shared_columns_are_one_field_described_once():
    tables = schema.declaration()
    for column in ("article_id", "outlet", "published", "sentence", "start", "end"):
        fields = {c.field.id for t in tables.values() if t.name != "articles" for c in t.columns if c.name == column}
        assert len(fields) == 1, (column, fields)
    starts = {t.name: t.column("start").meaning for t in tables.values() if "start" in t.names}
    assert starts["claims"] == "character offset of the evidence in the article's normalized text"
    assert starts["hedges"] == "character offset of the marker in the article's normalized text"


def test_every_column_has_a_dtype_and_a_meaning():
    for t in schema.declaration().values():
        for c in t.columns:
            assert c.dtype in schema.DTYPES and c.meaning and "{" not in c.meaning, (t.name, c.name)


def test_the_extractors_column_dicts_come_from_the_declaration():
    assert claims_mod.COLUMNS == schema.descriptions("claim_rows")
    assert schema.columns("claims") == [*claims_mod.COLUMNS, "incident_id"]
    assert events_mod.COLUMNS == schema.descriptions("events")
    assert corpus.ARTICLE_COLUMNS == schema.descriptions("articles")
    assert hedges_mod.HEDGE_COLUMNS == schema.descriptions("hedges")
    assert names_mod.MENTION_COLUMNS == schema.descriptions("name_mentions")


def test_sides_come_from_core_values():
    assert schema.table("claims").column("side").values.allowed() == set(values.VICTIM_SIDES)
    assert schema.table("claims").column("claimant_side").values.allowed() == set(values.CLAIMANT_SIDES)
    assert schema.table("sources").column("side").values.allowed() == {*values.ACTOR_SIDES, "unspecified"}
    assert schema.table("hedges").column("side").values.allowed() == {*values.ACTOR_SIDES, "both", "unspecified"}


def test_enums_agree_with_the_code_and_lexicons_that_make_the_values():
    def allowed(table, column):
        return schema.table(table).column(column).values.allowed()

    assert allowed("events", "resolution") == set(resolution.RESOLUTIONS)
    assert allowed("name_mentions", "category") == set(names_mod.CATEGORIES)
    assert allowed("articles", "published_basis") == manifest_mod.MANIFEST_BASES | set(corpus.GIVEN_BASES)
    assert [c.name for c in schema.table("region_names").columns[1:]] == list(names_mod.REGION_KEYS)
    words = yaml.safe_load((config.LEXICON_DIR / "claims.yaml").read_text(encoding="utf-8"))
    assert set(words["qualifiers"].values()) | set(words["qualifiers_after"].values()) <= allowed("claims", "qualifier")
    assert set(words["vague_intervals"]) == allowed("claims", "vague")
    assert set(words["vague_words"].values()) <= allowed("claims", "vague")
    placeholders = claim_candidates.OUTCOME_PLACEHOLDERS  # replaced by a real outcome before a row is made
    assert not placeholders & allowed("claims", "outcome")
    assert set(words["outcome_participles"].values()) <= allowed("claims", "outcome") | placeholders
    assert set(words["toll_phrases"].values()) <= allowed("claims", "outcome") | placeholders
    assert set(compare_hedges.RATE_KINDS) <= allowed("hedges", "kind")
    assert "Ganja" in allowed("events", "location") and "event" in allowed("incidents", "event_type")


def test_an_inconsistent_declaration_is_refused():
    good = {"fields": {"a": {"dtype": "str", "meaning": "m"}}, "tables": {"t": {"row": "one", "columns": ["a"]}}}
    assert schema.parse(good)["t"].names == ["a"]
    with pytest.raises(schema.SchemaDeclarationError, match="unknown field 'b'"):
        schema.parse({**good, "tables": {"t": {"row": "one", "columns": ["a", "b"]}}})
    with pytest.raises(schema.SchemaDeclarationError, match="dtype 'text'"):
        schema.parse({**good, "fields": {"a": {"dtype": "text", "meaning": "m"}}})
    with pytest.raises(schema.SchemaDeclarationError, match="unknown enum 'colours'"):
        schema.parse({**good, "fields": {"a": {"dtype": "str", "meaning": "m", "values": "colours"}}})
    with pytest.raises(schema.SchemaDeclarationError, match="declared twice"):
        schema.parse({**good, "tables": {"t": {"row": "one", "columns": ["a", "a"]}}})
    with pytest.raises(KeyError, match="no table 'nope'"):
        schema.table("nope")


# ------------------------------------------------------------ frames and casts


@pytest.mark.parametrize("name", BUILT + ["claim_rows"])
def test_empty_frames_are_typed_and_valid(name):
    frame = schema.empty(name)
    assert frame.empty and list(frame.columns) == schema.columns(name)
    for column, dtype in schema.dtypes(name).items():
        expected = dtype if dtype in schema.CAST_DTYPES else "object"
        assert str(frame[column].dtype) == expected, (name, column)
    if name != "claim_rows":
        validation.validate(name, frame)


def test_frame_casts_numbers_and_flags_and_leaves_text_to_pandas():
    rows = [{"article_id": "a", "outlet": None, "published": date(2020, 10, 1), "count": None, "count_low": 3,
             "count_high": float("inf"), "vague": "several", "outcome": "killed", "group": "civilian",
             "side": "armenian", "scope": "incident", "evidence": "several", "sentence": "s", "start": 1, "end": 8}]
    frame = schema.frame("claim_rows", rows)
    assert str(frame["count"].dtype) == "Int64" and frame["count_low"].dtype == "float64"
    assert frame["start"].dtype == "int64" and str(frame["article_id"].dtype) == "str"
    assert frame["published"].dtype == object and frame["claimant"].isna().all()
    assert claims_mod.claims_frame(rows).equals(frame)


def test_built_tables_have_the_declared_dtypes(seed_tables):
    for name, frame in seed_tables.items():
        for column in frame.columns:
            declared = schema.table(name).column(column).dtype
            assert validation.dtype_fits(frame[column], declared), (name, column, frame[column].dtype, declared)
            if frame[column].notna().any() and declared in schema.CAST_DTYPES:
                assert str(frame[column].dtype) == declared, (name, column)


# ------------------------------------------------------------ validation


def test_every_built_table_of_the_seeds_validates(seed_tables):
    validation.validate_tables(seed_tables)
    for name, frame in seed_tables.items():
        assert validation.validate(name, frame) is frame or validation.validate(name, frame).equals(frame)


def test_a_bad_value_names_table_column_and_first_rows(seed_tables):
    bad = seed_tables["claims"].copy()
    bad.loc[[3, 7], "side"] = "martian"
    with pytest.raises(validation.TableInvalid) as caught:
        validation.validate("claims", bad)
    message = str(caught.value)
    assert "table 'claims'" in message and "column 'side'" in message
    assert "2 bad row(s)" in message and "row 3" in message and "row 7" in message and "'martian'" in message
    assert f"article_id {bad.at[3, 'article_id']!r}" in message
    assert "victim_sides" in message


def test_a_wrong_dtype_a_null_and_a_missing_column_are_named(seed_tables):
    bad = seed_tables["events"].copy()
    bad["start"] = bad["start"].astype(float)
    bad.loc[2, "article_id"] = None
    bad.loc[4, "date"] = datetime(2020, 10, 1, 12)
    bad = bad.drop(columns="resolution")
    with pytest.raises(validation.TableInvalid) as caught:
        validation.validate("events", bad)
    message = str(caught.value)
    assert "table 'events'" in message
    assert "missing 'resolution'" in message
    assert "column 'start': has dtype float64, declared int64" in message
    assert "column 'article_id': null" in message and "row 2" in message
    assert "column 'date': has dtype object, declared date" in message and "row 4" in message


def test_only_the_first_bad_rows_are_shown(seed_tables):
    bad = seed_tables["name_mentions"].copy()
    bad["category"] = "nickname"
    with pytest.raises(validation.TableInvalid, match=r"column 'category'.*bad row") as caught:
        validation.validate("name_mentions", bad)
    assert str(caught.value).count("'nickname'") == validation.SHOWN_ROWS


def test_lexicon_pattern_and_further_columns_are_checked(seed_tables):
    events = seed_tables["events"].copy()
    events.loc[0, "location"] = "Atlantis"
    with pytest.raises(validation.TableInvalid, match=r"column 'location'.*gazetteer.*'Atlantis'"):
        validation.validate("events", events)
    errors = schema.frame("ingest_errors", [{"source_file": "x.txt", "reason": "lost", "detail": "d"}])
    with pytest.raises(validation.TableInvalid, match=r"column 'reason'.*'lost'"):
        validation.validate("ingest_errors", errors)
    regions = seed_tables["region_names"].assign(Arcadia=1)
    validation.validate("region_names", regions)
    with pytest.raises(validation.TableInvalid, match=r"column 'Arcadia': has dtype float64"):
        validation.validate("region_names", regions.assign(Arcadia=0.5))


def test_a_column_without_values_may_be_object():
    lags = schema.frame("reporting_lag", [{"incident_id": "i", "label": "l", "incident_date": date(2020, 10, 1),
                                           "outlet": None, "article_id": "a", "published": date(2020, 10, 2),
                                           "lag_days": 1, "lag_hours": None, "inferred": False, "is_first": True}])
    assert lags["outlet"].dtype == object and lags["lag_hours"].dtype == object
    validation.validate("reporting_lag", lags)
    with pytest.raises(validation.TableInvalid, match="lag_hours"):
        validation.validate("reporting_lag", lags.assign(lag_hours=2.0))


def test_the_build_writes_nothing_when_a_table_is_invalid(tmp_path, monkeypatch):
    real = pipeline.hedging.hedges_frame  # the frame each partition's hedge records become, made invalid
    monkeypatch.setattr(pipeline.hedging, "hedges_frame", lambda rows: real(rows).assign(quoted="yes"))
    with pytest.raises(validation.TableInvalid, match=r"(?s)table 'hedges'.*column 'quoted'"):
        pipeline.build(config.RAW_DIR, tmp_path / "out")
    assert not list(tmp_path.rglob("*.parquet"))


# ------------------------------------------------------------ data dictionary


def test_the_data_dictionary_documents_every_column():
    text = schema.data_dictionary()
    for name in BUILT:
        section = text.split(f"#### `{name}`", 1)[1].split("#### ", 1)[0]
        for column in schema.columns(name):
            assert f"| `{column}` |" in section, (name, column)
    assert "| `<other name>` | int64 |" in text
    assert "armenian, azerbaijani, both, other, unspecified" in text
    assert pipeline.data_dictionary() == text


def test_the_readme_section_is_replaced_between_its_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{schema.README_START}old\n{schema.README_END}\nafter\n", encoding="utf-8")
    schema.main([str(readme)])
    assert readme.read_text(encoding="utf-8") == f"intro\n{schema.README_START}{schema.data_dictionary()}{schema.README_END}\nafter\n"
    with pytest.raises(ValueError, match="markers"):
        schema.readme_with_dictionary("no markers here")
