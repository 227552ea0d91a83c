"""A report's parameters: what each notebook declares, and the checks a value passes before any kernel starts.

A notebook's ``parameters`` cell is the one place a parameter is declared:
``name = default  # meaning``. From it, :func:`declared` reads each
parameter's default and documented meaning, and the kind its value must be:

- the default's own kind: ``true``/``false`` (never ``yes``, ``0`` or ``1``),
  a list (``[RT, Press TV]``; choices when the meaning lists them in
  parentheses, ``(armenian, azerbaijani, ...)``), a number (within ``(0 to 1)``
  when the meaning says so) or text;
- for a ``None`` default, the name: ``*_dir`` an existing folder, ``*_file`` an
  existing file, ``date_*`` a real date in YYYY-MM-DD form.

Values are read as YAML with two of its surprises taken out: dates stay text
(so that ``2020-13-45`` is called an impossible date, not "month must be in
1..12") and only ``true``/``false`` are booleans. Every error is a
:class:`ReportError` of one line naming the report, the parameter and where
its value came from (``-p``, or the YAML file and line).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis.core.dates import date_problem

COMMAND_LINE = "given with -p"  # the origin of a value typed on the command line
CHOICES = re.compile(r"\(([a-z_]+(?:, [a-z_]+)+)\)")
BOUNDS = re.compile(r"\((-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)\)")
LIST_EXAMPLE = "[RT, Press TV]"


class ReportError(ValueError):
    """A report name or parameter is wrong; the one-line message says which and where it came from."""


class ParameterLoader(yaml.SafeLoader):
    """YAML for parameter values: dates stay text, and only true/false are booleans (not yes/no/on/off)."""


ParameterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ParameterLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                      list("tTfF"))


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: its default, its documented meaning and the kind its value must be."""

    name: str
    default: Any
    meaning: str
    kind: str  # bool, list, number, text, date, folder, file, any
    choices: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None

    @property
    def wanted(self) -> str:
        """What a value must be, in words."""
        if self.kind == "list":
            return f"a list such as {LIST_EXAMPLE}" + (f" of {', '.join(self.choices)}" if self.choices else "")
        return {"bool": "true or false", "number": "a number", "text": "text", "date": "a date in YYYY-MM-DD form",
                "folder": "a folder", "file": "a file", "any": "a value"}[self.kind]


def _kind(name: str, default: Any) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, list):
        return "list"
    if isinstance(default, (int, float)):
        return "number"
    if isinstance(default, str):
        return "text"
    if name.endswith("_dir"):
        return "folder"
    if name.endswith("_file"):
        return "file"
    if name.startswith("date_"):
        return "date"
    return "any"


def declared(notebook: Path) -> dict[str, Parameter]:
    """The notebook's ``parameters`` cell as ``{name: Parameter}``, in the cell's order."""
    import ast

    import papermill

    found = {}
    for name, spec in papermill.inspect_notebook(str(notebook)).items():
        try:
            default = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError) as exc:
            raise ReportError(f"{notebook.name}: default of parameter {name!r} is not a literal: {spec['default']!r}") from exc
        meaning = (spec.get("help") or "").strip()
        kind = _kind(name, default)
        choices = CHOICES.search(meaning) if kind == "list" else None
        bounds = BOUNDS.search(meaning) if kind == "number" else None
        found[name] = Parameter(name, default, meaning, kind,
                                tuple(choices.group(1).split(", ")) if choices else (),
                                (float(bounds.group(1)), float(bounds.group(2))) if bounds else None)
    return found


def _yaml_problem(exc: Exception, line_offset: int = 0) -> str:
    """A YAML error in one line, with the line and column where it was found."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        where = f"line {mark.line + 1 + line_offset}, column {mark.column + 1}"
        context = ""
        if exc.context and exc.context_mark is not None:
            context = f" ({exc.context} started at line {exc.context_mark.line + 1 + line_offset}, column {exc.context_mark.column + 1})"
        return f"{where}: {exc.problem}{context}"
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def parse_value(text: str, name: str | None = None) -> Any:
    """A ``-p KEY VALUE`` value read as YAML (numbers, lists, null, true/false); dates and yes/no stay text.

    Text that is not valid YAML (``[RT, Press``) is a :class:`ReportError`
    naming the parameter and the column.
    """
    try:
        return yaml.load(text, Loader=ParameterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        label = f"parameter {name} ({COMMAND_LINE})" if name else "parameter value"
        raise ReportError(f"{label}: {text!r} is not a valid YAML value: {_yaml_problem(exc)}") from exc


def _plain(value: Any) -> Any:
    """Keys of nested mappings as text (JSON-ready)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def read_parameter_file(path: str | Path) -> tuple[dict[str, Any], dict[str, str]]:
    """``(values, origins)`` from a YAML file of ``parameter: value`` lines.

    ``origins`` names, for each parameter, the file and line it was given on
    (``params/rt.yaml, line 3``). A syntax error keeps its line and column; a
    parameter given twice is refused with both lines.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"parameter file {path}: cannot be read: {exc.strerror or exc}") from exc
    loader = ParameterLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, ValueError) as exc:
        raise ReportError(f"parameter file {path}: {_yaml_problem(exc)}") from exc
    finally:
        loader.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ReportError(f"parameter file {path}: expected a mapping of parameter: value, one per line")
    origins: dict[str, str] = {}
    for key, _ in node.value:
        name, line = str(key.value), key.start_mark.line + 1
        if name in origins:
            raise ReportError(f"parameter file {path}, line {line}: parameter {name} is given twice ({origins[name]})")
        origins[name] = f"{path}, line {line}"
    return {str(k): _plain(v) for k, v in data.items()}, origins


def _origin(name: str, origins: dict[str, str] | None) -> str:
    where = (origins or {}).get(name)
    return f" ({where})" if where else ""


def check_value(parameter: Parameter, value: Any) -> Any:
    """``value`` made ready for the notebook (a list for a list, a path made absolute), or a :class:`ValueError`
    whose text says what is wrong with it (the caller adds the report and the parameter)."""
    kind = parameter.kind
    if value is None:
        if parameter.default is None:
            return None
        if kind == "list":  # `outlets:` left empty in a file: all, as the default
            return []
        raise ValueError(f"null is not allowed; give {parameter.wanted} (default {_shown(parameter.default)})")
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{_shown(value)} is not true or false; write true or false")
        return value
    if kind == "list":
        if not isinstance(value, list):
            raise ValueError(f"expected {parameter.wanted}, got {_shown(value)}"
                             + (f"; for one item write [{value}]" if isinstance(value, (str, int, float)) else ""))
        items = []
        for item in value:
            if isinstance(item, (list, dict)) or item is None or isinstance(item, bool):
                raise ValueError(f"item {_shown(item)} of {_shown(value)} is not a name")
            items.append(str(item))
        unknown = [item for item in items if parameter.choices and item not in parameter.choices]
        if unknown:
            raise ValueError(f"unknown value(s) {', '.join(map(repr, unknown))}; choose from {', '.join(parameter.choices)}")
        return items
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{_shown(value)} is not a number (default {_shown(parameter.default)})")
        if parameter.bounds and not parameter.bounds[0] <= value <= parameter.bounds[1]:
            low, high = (f"{b:g}" for b in parameter.bounds)
            raise ValueError(f"{value} is outside {low} to {high}")
        return value
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {_shown(value)}")
        return value
    if kind == "date":
        problem = date_problem(value)
        if problem:
            raise ValueError(problem)
        return value
    if kind in ("folder", "file"):
        if not isinstance(value, str) or not value:
            raise ValueError(f"expected the path of {parameter.wanted}, got {_shown(value)}")
        path = Path(value).expanduser().resolve()  # absolute: the kernel runs in the notebooks' folder
        if not path.exists():
            raise ValueError(f"{value}: no such {kind}")
        if kind == "folder" and not path.is_dir():
            raise ValueError(f"{value} is a file; give a folder")
        if kind == "file" and not path.is_file():
            raise ValueError(f"{value} is a folder; give a file")
        return str(path)
    return value


def _shown(value: Any) -> str:
    """A value as the user would write it in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return repr(value)


def check(report: str, parameters: dict[str, Parameter], overrides: dict[str, Any],
          origins: dict[str, str] | None = None) -> dict[str, Any]:
    """The defaults overlaid with ``overrides``, every value checked; a :class:`ReportError` names the first offender.

    Unknown names are refused with the list of known ones (and the closest,
    when one is close); a pair ``X_from``/``X_to`` must not run backwards.
    """
    unknown = [name for name in overrides if name not in parameters]
    if unknown:
        close = [m for name in unknown for m in difflib.get_close_matches(name, parameters, n=1)]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ReportError(f"{report}: unknown parameter(s) {', '.join(unknown)}{_origin(unknown[0], origins)}{hint or ';'} "
                          f"known parameters: {', '.join(sorted(parameters))}")
    merged = {name: p.default for name, p in parameters.items()}
    for name, value in overrides.items():
        try:
            merged[name] = check_value(parameters[name], value)
        except ValueError as exc:
            raise ReportError(f"{report}: parameter {name}{_origin(name, origins)}: {exc}") from exc
    for start in (n for n in merged if n.endswith("_from") and parameters[n].kind == "date"):
        end = start[: -len("_from")] + "_to"
        if merged.get(start) and merged.get(end) and merged[start] > merged[end]:
            raise ReportError(f"{report}: parameters {start} and {end}{_origin(start, origins) or _origin(end, origins)}: "
                              f"{merged[start]} is after {merged[end]}")
    return merged


def describe(name: str, parameters: dict[str, Parameter], title: str = "") -> str:
    """The ``report --list`` entry of one report: its name and title, then each parameter, default and meaning."""
    lines = [f"{name}" + (f": {title}" if title else "")]
    width = max((len(p) for p in parameters), default=0)
    for p in parameters.values():
        lines.append(f"  {p.name:<{width}}  {p.kind:<6}  default {_shown(p.default)}: {p.meaning or '(undocumented)'}")
    return "\n".join(lines)
