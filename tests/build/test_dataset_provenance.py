"""Provenance of tables written part by part: one hash per dataset folder, from its parts in order."""

from __future__ import annotations

import pandas as pd

from analysis.core import catalog
from analysis.core import provenance


def test_a_dataset_folder_is_hashed_from_its_parts_in_order(tmp_path):
    with catalog.PartWriter(tmp_path, "events", csv=False) as writer:
        writer.write(pd.DataFrame({"a": [1, 2]}))
        writer.write(pd.DataFrame({"a": [3]}))
    catalog.write_table(pd.DataFrame({"a": [1]}), "articles", tmp_path, csv=False)
    hashes = provenance.file_hashes(tmp_path, "*.parquet")
    assert sorted(hashes) == ["articles.parquet", "events.parquet"]
    first = hashes["events.parquet"]
    assert first == provenance.dataset_digest(tmp_path / "events.parquet")
    part = catalog.part_path(tmp_path / "events.parquet", 1)
    pd.DataFrame({"a": [4]}).to_parquet(part, index=False)  # a changed part changes the table's hash
    assert provenance.file_hashes(tmp_path, "*.parquet")["events.parquet"] != first
