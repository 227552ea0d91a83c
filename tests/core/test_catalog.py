"""The catalog of named tables (analysis.core.catalog): joining chunks keeps each column's type."""

from __future__ import annotations

import pandas as pd

from analysis.core import catalog


def test_concat_chunks_types_a_column_that_is_all_null_in_one_chunk():
    typed = pd.DataFrame({"part_of_day": ["night", None], "n": [1, 2]})
    nulls = pd.DataFrame({"part_of_day": [None, None], "n": [3, 4]})
    joined = catalog.concat_chunks([nulls, typed], pd.DataFrame({"part_of_day": [], "n": []}))
    whole = pd.DataFrame({"part_of_day": [None, None, "night", None], "n": [3, 4, 1, 2]})
    pd.testing.assert_frame_equal(joined, whole, check_exact=True)
    assert catalog.concat_chunks([], whole.iloc[:0]).empty
