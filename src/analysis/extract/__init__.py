"""Extract: one article -> rows (dated events, casualty claims, names, sources, hedges).

Each extractor reads the shared parse of :mod:`analysis.nlp.parsed`. Depends on
``core``, ``lexicons`` and ``nlp``.
"""
