"""Ingest: raw files -> ``articles`` and ``ingest_errors``: decoding, normalization,
the manifest, metadata from the text, publication dates.

Depends on ``core``, ``lexicons`` and ``nlp``.
"""
