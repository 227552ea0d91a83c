"""Core: paths and settings, the catalog of named tables, provenance, frame checks and table schemas.

The bottom layer: it imports no other subpackage.
"""
