"""Build: the one place that runs the stages, raw folder -> every processed table.

Depends on every stage below it; nothing but the command line and ``evaluate``
imports it.
"""
