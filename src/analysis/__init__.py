"""warcov: turn raw war-coverage articles into normalized, traceable tables.

Data flows one way: ``data/raw`` -> ``analysis`` -> ``data/processed`` ->
``notebooks`` -> ``reports``. See README.md for the tables and their columns.
"""

__version__ = "0.1.0"
