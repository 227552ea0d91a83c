"""The declaration of every built table's columns, and what is derived from it.

``tables.yaml`` beside this module declares each column once: its name,
dtype, meaning and allowed values. Columns shared by several tables
(``article_id``, ``outlet``, ``published``, ``sentence``, ``start`` ...) are
one field each, reused by every table that has them; the sides come from
:mod:`analysis.core.values`, other label sets are named enums there, and open
vocabularies (places, event types) are the values of a lexicon column.

From the declaration come:

- :func:`frame` and :func:`empty`: a table's DataFrame from records, with the
  dtype casts of :func:`cast`, so an empty table is typed too;
- :func:`descriptions`: the ``*_COLUMNS`` dicts (column -> meaning) the
  extractors expose;
- :func:`data_dictionary`: the README's data dictionary (``make readme``);
- :mod:`analysis.core.validation`: the checks the build runs on every table
  before writing it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.core import values as value_sets
from analysis.core.config import LEXICON_DIR

DECLARATION = Path(__file__).with_name("tables.yaml")

DTYPES = ("str", "date", "int64", "float64", "bool", "Int64", "boolean", "null")
"""Declared dtypes (``tables.yaml`` explains each)."""
CAST_DTYPES = frozenset({"int64", "float64", "bool", "Int64", "boolean"})
"""Dtypes a ``*_frame`` function casts to. Text and dates are left as pandas
infers them: a text column is ``str``, or ``object`` while it holds no value,
and dates have no pandas dtype but ``object``."""

OTHER_COLUMN = "<other name>"
"""How the data dictionary names the further columns of a table with ``other_columns``."""

README_START = "<!-- data-dictionary:start -->\n"
README_END = "<!-- data-dictionary:end -->"


class SchemaDeclarationError(ValueError):
    """``tables.yaml`` is inconsistent (unknown field, enum or dtype)."""


@dataclass(frozen=True)
class ValueSet:
    """The allowed values of a column: an enum, a lexicon column, or a pattern."""

    name: str
    items: tuple[str, ...] = ()
    lexicon: str | None = None
    lexicon_column: str | None = None
    pattern: str | None = None

    def allowed(self) -> frozenset[str] | None:
        """Every allowed value (``None`` for a pattern); a lexicon is read from the bundled file."""
        if self.pattern is not None:
            return None
        if self.lexicon is None:
            return frozenset(self.items)
        return lexicon_values(self.lexicon, self.lexicon_column) | frozenset(self.items)

    def describe(self) -> str:
        """The values as the data dictionary shows them."""
        if self.pattern is not None:
            return f"matches `{self.pattern}`"
        if self.lexicon is not None:
            also = f" (or {', '.join(self.items)})" if self.items else ""
            return f"a `{self.lexicon_column}` of lexicons/{self.lexicon}.csv{also}"
        return ", ".join(self.items)


@dataclass(frozen=True)
class Field:
    """One column meaning, shared by every table that has the column."""

    id: str
    column: str
    dtype: str
    meaning: str
    nullable: bool = False
    values: ValueSet | None = None


@dataclass(frozen=True)
class Column:
    """A field as a column of one table, its meaning rendered for that table."""

    name: str
    field: Field
    meaning: str

    @property
    def dtype(self) -> str:
        return self.field.dtype

    @property
    def nullable(self) -> bool:
        return self.field.nullable

    @property
    def values(self) -> ValueSet | None:
        return self.field.values


@dataclass(frozen=True)
class Table:
    """A table: what one row is, and its columns in order."""

    name: str
    row: str
    columns: tuple[Column, ...]
    other: Column | None = None
    built: bool = True

    def column(self, name: str) -> Column:
        """The declared column ``name`` (a further column when the table has ``other_columns``)."""
        for column in self.columns:
            if column.name == name:
                return column
        if self.other is not None:
            return Column(name, self.other.field, _render(self.other.field, None, name))
        raise KeyError(f"table {self.name!r} has no column {name!r} (has: {', '.join(self.names)})")

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@lru_cache(maxsize=None)
def lexicon_values(lexicon: str, column: str) -> frozenset[str]:
    """The non-empty values of ``column`` in the bundled lexicon ``lexicons/<lexicon>.csv``."""
    frame = pd.read_csv(LEXICON_DIR / f"{lexicon}.csv", dtype=str, keep_default_na=False, usecols=[column])
    return frozenset(v for v in frame[column] if v)


def _render(field: Field, span: str | None, column: str) -> str:
    return field.meaning.replace("{span}", span or "the row").replace("{column}", column)


def _enum(name: str, spec: list) -> ValueSet:
    items: list[str] = []
    for item in spec:
        item = str(item)
        if item.startswith("values."):
            found = getattr(value_sets, item.removeprefix("values."), None)
            if not isinstance(found, tuple):
                raise SchemaDeclarationError(f"enum {name!r}: analysis.core.values has no tuple {item!r}")
            items.extend(found)
        else:
            items.append(item)
    return ValueSet(name, tuple(items))


def _values(field_id: str, spec, enums: dict[str, ValueSet]) -> ValueSet | None:
    if spec is None:
        return None
    if isinstance(spec, str):
        if spec not in enums:
            raise SchemaDeclarationError(f"field {field_id!r}: unknown enum {spec!r}")
        return enums[spec]
    if isinstance(spec, dict) and "lexicon" in spec:
        return ValueSet(field_id, tuple(spec.get("also", ())), lexicon=spec["lexicon"], lexicon_column=spec["column"])
    if isinstance(spec, dict) and "pattern" in spec:
        re.compile(spec["pattern"])
        return ValueSet(field_id, pattern=spec["pattern"])
    raise SchemaDeclarationError(f"field {field_id!r}: values must name an enum, a lexicon column or a pattern")


def _fields(declared: dict, enums: dict[str, ValueSet]) -> dict[str, Field]:
    fields = {}
    for field_id, spec in declared.items():
        if spec.get("dtype") not in DTYPES:
            raise SchemaDeclarationError(f"field {field_id!r}: dtype {spec.get('dtype')!r} is not one of {', '.join(DTYPES)}")
        fields[field_id] = Field(field_id, spec.get("column", field_id), spec["dtype"], spec["meaning"],
                                 bool(spec.get("nullable", False)), _values(field_id, spec.get("values"), enums))
    return fields


def _tables(declared: dict, fields: dict[str, Field]) -> dict[str, Table]:
    def field(table: str, field_id: str) -> Field:
        if field_id not in fields:
            raise SchemaDeclarationError(f"table {table!r}: unknown field {field_id!r}")
        return fields[field_id]

    tables: dict[str, Table] = {}
    for name, spec in declared.items():
        span = spec.get("span")
        columns = list(tables[spec["extends"]].columns) if "extends" in spec else []
        for entry in spec["columns"]:
            column, field_id = (entry["column"], entry["field"]) if isinstance(entry, dict) else (None, entry)
            f = field(name, field_id)
            column = column or f.column
            columns.append(Column(column, f, _render(f, span, column)))
        names = [c.name for c in columns]
        if len(set(names)) != len(names):
            raise SchemaDeclarationError(f"table {name!r}: a column is declared twice ({', '.join(names)})")
        other = spec.get("other_columns")
        other_column = Column(OTHER_COLUMN, field(name, other), "one more column per further key found: "
                              + _render(field(name, other), span, "of that key")) if other else None
        tables[name] = Table(name, spec["row"], tuple(columns), other_column, bool(spec.get("built", True)))
    return tables


def parse(declared: dict) -> dict[str, Table]:
    """The tables of a declaration (``tables.yaml`` read as a dict); raise :class:`SchemaDeclarationError` if inconsistent."""
    enums = {name: _enum(name, spec) for name, spec in declared.get("enums", {}).items()}
    return _tables(declared["tables"], _fields(declared["fields"], enums))


@lru_cache(maxsize=None)
def declaration() -> dict[str, Table]:
    """Every declared table by name, in build order (read once from ``tables.yaml``)."""
    return parse(yaml.safe_load(DECLARATION.read_text(encoding="utf-8")))


def table(name: str) -> Table:
    """The declared table ``name``."""
    try:
        return declaration()[name]
    except KeyError:
        raise KeyError(f"no table {name!r} is declared in {DECLARATION.name} (tables: {', '.join(declaration())})") from None


def built_tables() -> list[str]:
    """The names of the tables the build writes, in build order."""
    return [name for name, t in declaration().items() if t.built]


def columns(name: str) -> list[str]:
    """The declared column names of table ``name``, in order."""
    return table(name).names


def descriptions(name: str) -> dict[str, str]:
    """Column -> meaning of table ``name``, in order (the extractors' ``*_COLUMNS``)."""
    return {c.name: c.meaning for c in table(name).columns}


def dtypes(name: str) -> dict[str, str]:
    """Column -> declared dtype of table ``name``."""
    return {c.name: c.dtype for c in table(name).columns}


def cast(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every number and flag column of table ``name`` cast to its declared dtype."""
    casts = {c.name: c.dtype for c in table(name).columns if c.dtype in CAST_DTYPES}
    return frame.astype(casts) if casts else frame


def frame(name: str, rows: list[dict] | dict[str, list]) -> pd.DataFrame:
    """Table ``name`` from records (or a dict of columns), in declared column order and dtypes."""
    return cast(name, pd.DataFrame(rows, columns=columns(name)))


def empty(name: str) -> pd.DataFrame:
    """The typed empty frame of table ``name``."""
    return frame(name, [])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


DICTIONARY_HEAD = (
    "Declared once in `src/analysis/core/tables.yaml` (`make readme` writes this section from it); "
    "the build checks every table against it before writing. Types: `str` text, `date` a calendar date, "
    "`int64`/`float64` numbers and `bool` flags (numpy), `Int64`/`boolean` the same as pandas' nullable "
    "dtypes, `null` always null for now; *null*: the column may hold nulls. A column that holds no value "
    "(an empty table, or only nulls) may have the pandas dtype `object`. In the CSV twins only, a text cell "
    "that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a `'` in front, so that a "
    "spreadsheet shows it instead of running it as a formula (OWASP, CSV injection), and a lone carriage return "
    "inside a text cell (one not followed by a line feed) is written as a line feed, which the CSV quotes, so a "
    "spreadsheet never ends a row inside a cell; the CSV twins of report figures (`reports/figures/...`) get the "
    "same treatment, their index and headers included. The Parquet tables keep every "
    "text as it is (`analysis.core.spreadsheet_cells`)."
)


def _dictionary_row(column: Column) -> str:
    kind = f"{column.dtype}, *null*" if column.nullable and column.dtype != "null" else column.dtype
    allowed = _cell(column.values.describe()) if column.values else ""
    return f"| `{column.name}` | {kind} | {_cell(column.meaning)} | {allowed} |"


def data_dictionary() -> str:
    """The data dictionary as Markdown: one section per built table (README.md embeds it)."""
    parts = [DICTIONARY_HEAD, ""]
    for name in built_tables():
        t = table(name)
        parts.append(f"#### `{name}`\n\nEach row: {t.row}.\n\n| column | type | meaning | values |\n|---|---|---|---|")
        parts.extend(_dictionary_row(c) for c in t.columns)
        if t.other is not None:
            parts.append(_dictionary_row(t.other))
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def readme_with_dictionary(readme: str) -> str:
    """``readme`` with the text between its data-dictionary markers replaced by :func:`data_dictionary`."""
    if README_START not in readme or README_END not in readme:
        raise ValueError(f"README has no {README_START.strip()} ... {README_END} markers")
    head, rest = readme.split(README_START, 1)
    return head + README_START + data_dictionary() + README_END + rest.split(README_END, 1)[1]


def main(argv: list[str] | None = None) -> None:
    """``python -m analysis.core.schema README.md``: regenerate that file's data dictionary."""
    for path in map(Path, argv if argv is not None else sys.argv[1:]):
        path.write_text(readme_with_dictionary(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
