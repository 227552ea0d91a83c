"""Language machinery shared by every extractor: sentences, the per-article parse,
numbers of people, temporal expressions and attribution (who says what).

Depends on ``core`` and ``lexicons``.
"""
