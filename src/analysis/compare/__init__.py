"""Compare: report tables from built tables (selection, tolls, lag matrices, framing
comparisons, vocabulary).

Pure DataFrame -> DataFrame functions over the catalog's tables. Depends on
``core``, ``lexicons`` and ``nlp``; never on ``ingest``, ``extract``, ``link`` or ``build``.
"""
