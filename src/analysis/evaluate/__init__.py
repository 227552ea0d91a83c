"""Evaluate: gold loading and every scorer of the extraction against ``docs/SCHEMA.md``.

Only the command line and the notebooks import it.
"""
