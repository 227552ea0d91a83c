"""Lexicons: load the analyst-editable CSV/YAML files in this folder and compile them into matchers.

The files themselves stay data; this package only reads them. Depends on ``core``.
"""
