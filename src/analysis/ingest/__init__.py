"""Ingest: raw files -> ``articles`` and ``ingest_errors``: decoding, normalization,
the manifest, metadata from the text, publication dates.

``corpus`` assembles the two tables (``load_articles``) from ``files`` (raw
bytes, decoding), ``manifest``, ``normalize``, ``text_metadata`` (header,
byline, dateline, title, sign-off; outlet names from ``outlets``),
``language`` and ``publication_dates``. Depends on ``core``, ``lexicons`` and
``nlp``.
"""
