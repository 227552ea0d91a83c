"""The catalog of named tables (analysis.core.catalog): joining chunks keeps each column's type."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core import catalog


def test_concat_chunks_types_a_column_that_is_all_null_in_one_chunk():
    typed = pd.DataFrame({"part_of_day": ["night", None], "n": [1, 2]})
    nulls = pd.DataFrame({"part_of_day": [None, None], "n": [3, 4]})
    joined = catalog.concat_chunks([nulls, typed], pd.DataFrame({"part_of_day": [], "n": []}))
    whole = pd.DataFrame({"part_of_day": [None, None, "night", None], "n": [3, 4, 1, 2]})
    pd.testing.assert_frame_equal(joined, whole, check_exact=True)
    assert catalog.concat_chunks([], whole.iloc[:0]).empty


def _parts(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """``frame`` cut in three, an empty part between, and one text column all null in the first part."""
    third = max(1, len(frame) // 3)
    parts = [frame.iloc[:third], frame.iloc[:0], frame.iloc[third:2 * third], frame.iloc[2 * third:]]
    parts = [part.reset_index(drop=True) for part in parts]
    text = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "str"]
    if text and len(parts[0]):
        parts[0][text[0]] = pd.Series([None] * len(parts[0]), dtype=object)
    return parts


def test_a_table_written_in_parts_loads_as_the_same_rows_written_as_one_file(processed_dir, tmp_path):
    names = [p.stem for p in catalog.table_paths(processed_dir)]
    assert {"articles", "claims", "events", "sources"} <= set(names)
    for name in names:
        parts = _parts(catalog.load(name, processed_dir))
        single, streamed = tmp_path / f"{name}-single", tmp_path / f"{name}-streamed"
        catalog.write_table(catalog.concat_chunks(parts, parts[0].iloc[:0]), name, single)
        writer = catalog.PartWriter(streamed, name)
        for index in reversed(range(len(parts))):  # parts may finish in any order; the part number orders rows
            writer.write(parts[index], index)
        assert writer.close() == streamed / f"{name}.parquet"
        assert [p.name for p in catalog.part_files(streamed / f"{name}.parquet")] == [
            f"part-{i:05d}.parquet" for i in range(len(parts))]
        pd.testing.assert_frame_equal(catalog.load(name, streamed), catalog.load(name, single), check_exact=True, obj=name)
        assert (streamed / f"{name}.csv").read_bytes() == (single / f"{name}.csv").read_bytes(), name


def test_part_numbers_sort_as_numbers_and_each_is_written_once(tmp_path):
    writer = catalog.PartWriter(tmp_path, "t")
    for index in (10, 9, 100000):
        writer.write(pd.DataFrame({"n": [index]}), index)
    with pytest.raises(ValueError, match="part 9 written twice"):
        writer.write(pd.DataFrame({"n": [0]}), 9)
    with pytest.raises(ValueError, match="part index: expected a whole number >= 0, got -1"):
        writer.write(pd.DataFrame({"n": [0]}), -1)
    catalog.write_part(writer.dataset, 11, pd.DataFrame({"n": [11]}))  # as a worker process would
    writer.close()
    assert list(catalog.load("t", tmp_path)["n"]) == [9, 10, 11, 100000]
    with pytest.raises(FileExistsError, match="table 't' already written here"):
        catalog.PartWriter(tmp_path, "t")


def test_a_table_with_no_part_is_its_empty_frame_and_an_empty_folder_is_no_table(tmp_path):
    empty = pd.DataFrame({"n": pd.Series([], dtype="Int64"), "word": pd.Series([], dtype=object)})
    with catalog.PartWriter(tmp_path, "none", empty=empty):
        pass
    pd.testing.assert_frame_equal(catalog.load("none", tmp_path), empty)
    with pytest.raises(ValueError, match="table 'bare': no part written and no empty frame"):
        catalog.PartWriter(tmp_path, "bare").close()
    (tmp_path / "hollow.parquet").mkdir()
    with pytest.raises(catalog.TableNotBuilt, match="hollow.parquet holds no part-NNNNN.parquet file"):
        catalog.load("hollow", tmp_path)


def test_csv_twins_up_to_the_row_limit_and_beyond_it_on_request(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "CSV_MAX_ROWS", 2)
    small, big = pd.DataFrame({"n": [1, 2]}), pd.DataFrame({"n": [1, 2, 3]})
    catalog.write_table(small, "t", tmp_path)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "n\n1\n2\n"
    catalog.write_table(big, "t", tmp_path)  # no twin, and the stale one is gone
    assert not (tmp_path / "t.csv").exists() and len(catalog.load("t", tmp_path)) == 3
    catalog.write_table(big, "t", tmp_path, csv=True)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "n\n1\n2\n3\n"
    catalog.write_table(small, "t", tmp_path, csv=False)
    assert not (tmp_path / "t.csv").exists()
    for csv, expected in ((None, False), (True, True)):
        folder = tmp_path / f"parts-{csv}"
        with catalog.PartWriter(folder, "t", csv=csv) as writer:
            writer.write(small)
            writer.write(big)
        assert (folder / "t.csv").exists() is expected
