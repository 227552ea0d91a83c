"""Report: rendering notebooks into HTML, the page, formatting and plotting helpers.

Depends on ``core`` and ``compare``; never on ``ingest`` or ``extract``.
"""
