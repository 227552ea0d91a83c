"""Casualty claims: every statement of how many people were killed, wounded,
missing or captured, normalised by ``docs/SCHEMA.md``.

One article goes through these modules in turn:

- :mod:`.candidates`: the quantities that count people, with outcome and victim words;
- :mod:`.groups`: civilian, military or unspecified victims;
- :mod:`.sides`: whose people they were, and where they were hit;
- :mod:`.scope`: incident, cumulative, increment or historical;
- :mod:`.rows`: the claimant, the rows and the tables (:func:`extract_claims`,
  :func:`claims_table`, :data:`COLUMNS`).

:mod:`.rules` compiles the patterns once from ``lexicons/claims.yaml`` and the
actor lexicon; :mod:`.layout` gives a claim's clause, paragraph and heading.
The side of a claimant comes from :func:`analysis.nlp.source_side.source_side`;
the vague-interval convention (``count_low``/``count_high``) is
:data:`analysis.nlp.quantities.INTERVAL_CONVENTION`.
"""

from analysis.extract.claims.rows import COLUMNS, VAGUE_INTERVALS_DOC, claim_rows, claims_frame, claims_table, extract_claims

__all__ = ["COLUMNS", "VAGUE_INTERVALS_DOC", "claim_rows", "claims_frame", "claims_table", "extract_claims"]
