"""Link: corpus-level work at build time (incidents across articles, reporting lag,
announcement lag).

Depends on ``core``, ``lexicons``, ``nlp`` and ``extract``.
"""
