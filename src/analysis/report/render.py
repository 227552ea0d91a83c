"""Render the notebooks into HTML reports, reproducibly, and help them cite themselves.

The runner side (:func:`render`) checks parameters against each notebook's
``parameters`` cell before any kernel starts, runs it with papermill,
scrubs what changes from run to run (cell ids, timings), exports HTML without
code cells and writes it atomically with a ``<name>.provenance.json`` twin.
The notebook side (:func:`start`, :func:`show_table`, :func:`how_to_cite`)
shows the provenance block and escapes article text; figures are drawn and
saved with :mod:`analysis.report.plots`.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.core import catalog
from analysis.core import config
from analysis.core import provenance

DEFAULT_PARAMETERS = ("raw_dir", "processed_dir")


class ReportError(ValueError):
    """A report name or parameter is wrong; the message says which."""


# ----------------------------------------------------------- runner side ----


def notebook_paths(notebooks_dir: str | Path | None = None) -> dict[str, Path]:
    """``{report name: notebook path}`` for every numbered notebook, in order."""
    folder = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    return {p.stem: p for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))}


def resolve_names(names: list[str] | None, notebooks_dir: str | Path | None = None) -> list[str]:
    """Report names from what a user typed (``02``, ``02_casualty_tolls`` or its path)."""
    known = notebook_paths(notebooks_dir)
    if not names:
        return list(known)
    chosen = []
    for name in names:
        stem = Path(name).stem
        matches = [k for k in known if k == stem or k.split("_", 1)[0] == stem]
        if len(matches) != 1:
            raise ReportError(f"unknown report {name!r}; known reports: {', '.join(known) or 'none'}")
        chosen.append(matches[0])
    return chosen


def declared_parameters(notebook: Path) -> dict[str, Any]:
    """The notebook's ``parameters`` cell as ``{name: default value}``."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    values = {}
    for name, spec in declared.items():
        try:
            values[name] = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError) as exc:
            raise ReportError(f"{notebook.name}: default of parameter {name!r} is not a literal: {spec['default']!r}") from exc
    return values


def parse_value(text: str) -> Any:
    """A ``-p KEY VALUE`` value as YAML (numbers, lists, null), dates kept as text."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if isinstance(value, (dt.date, dt.datetime)):
        return text
    return value


def _check_type(notebook: Path, name: str, value: Any, default: Any) -> Any:
    """``value`` if it fits the kind of the default (list, bool, number, text), else a ReportError."""
    if default is None or value is None:
        return value
    kinds = [(bool, "true or false"), (list, "a list, e.g. [RT, Press TV]"), ((int, float), "a number"), (str, "text")]
    for kind, wording in kinds:
        if isinstance(default, kind) and not (kind is bool and not isinstance(value, bool)):
            ok = isinstance(value, kind) and not (kind == (int, float) and isinstance(value, bool))
            if not ok:
                raise ReportError(f"{notebook.stem}: parameter {name}: expected {wording} like the default {default!r}, got {value!r}")
            return value
    return value


def _absolute_path(name: str, value: Any) -> Any:
    """Path parameters (``*_dir``, ``*_file``) made absolute: the kernel runs in notebooks/."""
    if isinstance(value, str) and value and (name.endswith("_dir") or name.endswith("_file")):
        return str(Path(value).expanduser().resolve())
    return value


def merge_parameters(notebook: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``overrides``, checked before any kernel starts.

    Unknown names are rejected with the list of known ones; a value of the
    wrong kind (text where the default is a list ...) names the parameter;
    relative paths become absolute.
    """
    defaults = declared_parameters(notebook)
    unknown = sorted(set(overrides) - set(defaults))
    if unknown:
        raise ReportError(
            f"{notebook.stem}: unknown parameter(s) {', '.join(unknown)}; known parameters: {', '.join(sorted(defaults))}"
        )
    merged = dict(defaults)
    for name, value in overrides.items():
        merged[name] = _absolute_path(name, _check_type(notebook, name, value, defaults[name]))
    return merged


def _plain(value: Any) -> Any:
    """YAML values as JSON-ready ones: dates (at any depth) become ISO text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def load_parameter_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML file (``-f params/NAME.yaml``), as a mapping."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"parameter file {path}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ReportError(f"parameter file {path}: expected a mapping of parameter: value")
    return _plain(data)


def scrub_notebook(nb) -> None:
    """Remove what changes between runs of the same inputs: cell ids and timings."""
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:03d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell["execution_count"] = index
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = index
    nb.metadata.pop("papermill", None)
    nb.metadata.get("widgets", {}).clear()


def export_html(nb, with_code: bool = False) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    return body


@dataclass
class Rendered:
    name: str
    html: Path
    provenance: Path
    report_id: str
    parameters: dict = field(default_factory=dict)


def render(name: str, overrides: dict[str, Any] | None = None, out_dir: str | Path | None = None,
           with_code: bool = False, notebooks_dir: str | Path | None = None, custom: bool | None = None) -> Rendered:
    """Run notebook ``name`` with papermill and write ``<out>/<name>.html``.

    The default rendering goes to ``reports/``; a custom one (parameters
    given, ``custom=True``) goes to ``reports/<report id>/`` so the default is
    never overwritten. Everything is rendered into a temporary folder first and
    moved into place only when the whole notebook ran, so a failed run leaves
    no half-written report or figures.
    """
    notebook = notebook_paths(notebooks_dir)[resolve_names([name], notebooks_dir)[0]]
    overrides = dict(overrides or {})
    parameters = merge_parameters(notebook, overrides)
    record = provenance.provenance_record(parameters, parameters.get("raw_dir"), parameters.get("processed_dir"), notebook)
    base = Path(out_dir) if out_dir else config.REPORTS_DIR
    custom = bool(overrides) if custom is None else custom
    target_dir = base / record["report_id"] if custom else base
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{notebook.stem}.", dir=base))
    try:
        return _render_into(notebook, parameters, record, staging, target_dir, with_code)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _local_kernel_manager():
    """A kernel manager that talks to the kernel over IPC sockets in a private temporary folder.

    Papermill's default (TCP on localhost) opens ports and makes every kernel
    warn that it runs "over TCP without encryption"; a report kernel needs
    neither. Made on first use: jupyter_client is imported only to render.
    """
    global _LOCAL_KERNEL_MANAGER
    if _LOCAL_KERNEL_MANAGER is None:
        from jupyter_client.manager import AsyncKernelManager
        from traitlets import default

        class LocalKernelManager(AsyncKernelManager):
            @default("transport")
            def _transport_default(self) -> str:
                return "ipc"

            @default("ip")
            def _ip_default(self) -> str:
                self._socket_dir = tempfile.mkdtemp(prefix="warcov-kernel-")
                return os.path.join(self._socket_dir, "kernel")

            async def _async_cleanup_resources(self, restart: bool = False) -> None:
                await super()._async_cleanup_resources(restart=restart)
                if not restart and getattr(self, "_socket_dir", None):
                    shutil.rmtree(self._socket_dir, ignore_errors=True)

        _LOCAL_KERNEL_MANAGER = LocalKernelManager
    return _LOCAL_KERNEL_MANAGER


_LOCAL_KERNEL_MANAGER = None


def _render_into(notebook: Path, parameters: dict, record: dict, staging: Path, target_dir: Path, with_code: bool) -> Rendered:
    import nbformat
    import papermill

    env = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0", "MPLBACKEND": "agg", "WARCOV_REPORTS": str(staging)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            executed = Path(tmp) / notebook.name
            try:
                papermill.execute_notebook(
                    str(notebook), str(executed), parameters=parameters, kernel_name="python3",
                    progress_bar=False, cwd=str(notebook.parent), report_mode=not with_code,
                    kernel_manager_class=_local_kernel_manager(),
                )
            except papermill.PapermillExecutionError as exc:
                reason = str(exc.evalue).strip().splitlines()[0] if str(exc.evalue).strip() else ""
                raise ReportError(f"{notebook.stem}: cell {exc.exec_count} failed: {exc.ename}: {reason}") from exc
            nb = nbformat.read(executed, as_version=4)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    scrub_notebook(nb)
    page = export_html(nb, with_code=with_code)
    target_dir.mkdir(parents=True, exist_ok=True)
    figures = staging / "figures" / notebook.stem
    if figures.exists():
        final = target_dir / "figures" / notebook.stem
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            shutil.rmtree(final)
        os.replace(figures, final)
    html_path = target_dir / f"{notebook.stem}.html"
    prov_path = target_dir / f"{notebook.stem}.provenance.json"
    catalog.atomic_write_text(html_path, page)
    catalog.atomic_write_text(prov_path, json.dumps(dict(record, report=notebook.stem), indent=2, sort_keys=True, default=str) + "\n")
    return Rendered(notebook.stem, html_path, prov_path, record["report_id"], parameters)


# --------------------------------------------------------- notebook side ----


@dataclass
class Report:
    """What a running notebook knows about itself."""

    name: str
    parameters: dict
    record: dict

    @property
    def report_id(self) -> str:
        return self.record["report_id"]

    @property
    def figures_dir(self) -> Path:
        base = Path(os.environ.get("WARCOV_REPORTS", config.REPORTS_DIR))
        return base / "figures" / self.name


def _provenance_html(record: dict, name: str) -> str:
    code = record["code"]
    dirty = code.get("uncommitted_changes")
    data = record.get("data", {})
    rows = [
        ("report", name),
        ("report id", record["report_id"]),
        ("package", f"warcov {code['version']}"),
        ("git commit", f"{code.get('git_commit') or 'unknown (not a git checkout)'}"
         + (" — WITH UNCOMMITTED CHANGES: this report cannot be reproduced from the commit" if dirty else "")),
        ("code commit date", code.get("git_commit_date") or "unknown"),
        ("latest publication date in the articles table", data.get("latest_published") or "unknown (no dated article)"),
        ("parameters", json.dumps(record["parameters"], sort_keys=True, default=str)),
        ("lock file sha256", record.get("lock_file_sha256") or "none"),
        ("libraries", ", ".join(f"{k} {v}" for k, v in record["libraries"].items())),
    ]
    inputs = [(f"raw/{n}", h) for n, h in record["inputs"]["raw"].items()]
    inputs += [(f"processed/{n}", h) for n, h in record["inputs"]["processed"].items()]
    for parameter, entry in record["inputs"].get("parameter_files", {}).items():
        label = f"{entry['path']} ({parameter}" + (", the default when it is null)" if entry.get("default") else ")")
        inputs.append((label, entry.get("sha256") or "missing: the file cannot be read"))
    sources = list(record["inputs"].get("notebook_cell_sources", {}).items())
    cell = lambda v: html.escape(str(v))  # noqa: E731
    body = "".join(f"<tr><th style='text-align:left'>{cell(k)}</th><td>{cell(v)}</td></tr>" for k, v in rows)
    files = "".join(f"<tr><td>{cell(n)}</td><td><code>{cell(h)}</code></td></tr>" for n, h in inputs)
    notebook = "".join(
        f"<tr><th style='text-align:left'>notebook {cell(n)}: hash of the notebook's cell sources</th>"
        f"<td><code>{cell(h)}</code><br><small>not the hash of the file (<code>sha256sum</code> differs): SHA-256 of its "
        "cell types and sources, outputs and metadata left out, so running or saving the notebook does not change it; "
        "recompute with <code>python -c \"from analysis import provenance; "
        f"print(provenance.notebook_source_hash('notebooks/{cell(n)}'))\"</code></small></td></tr>"
        for n, h in sources)
    return (
        "<style>.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {text-align: left; vertical-align: top;}</style>"
        "<div class='warcov-provenance'><h3>Provenance</h3>"
        f"<table>{body}{notebook}</table>"
        f"<details><summary>SHA-256 of {len(inputs)} input files (<code>sha256sum</code> gives the same)</summary>"
        f"<table>{files}</table></details></div>"
    )


def start(name: str, **parameters: Any) -> Report:
    """Open a report: apply deterministic plot settings and show the provenance block."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "warcov"
    matplotlib.rcParams["figure.dpi"] = 100
    notebook = notebook_paths().get(name)
    record = provenance.provenance_record(parameters, parameters.get("raw_dir"), parameters.get("processed_dir"), notebook)
    _display_html(_provenance_html(record, name))
    return Report(name, parameters, record)


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _blank_missing(frame):
    """``frame`` with None / pd.NA in object columns made empty text (``to_html`` would print "None")."""
    import pandas as pd

    def blank(value):
        return "" if value is None or value is pd.NA or value is pd.NaT else value

    objects = [i for i, dtype in enumerate(frame.dtypes) if dtype == object]
    if not objects:
        return frame
    frame = frame.copy()
    for i in objects:  # built as object columns: map() would infer a dtype and turn 31 into 31.0
        column = frame.iloc[:, i]
        frame.isetitem(i, pd.Series([blank(v) for v in column], index=column.index, dtype=object))
    return frame


def show_table(frame, caption: str | None = None, max_rows: int = 200, fold_after: int = 15) -> None:
    """Display a dataframe with every cell HTML-escaped (article text can hold markup); missing values are empty cells.

    Tables longer than ``fold_after`` rows are folded into a ``<details>``
    element (click to open), so evidence tables do not bury the figures.
    """
    title = html.escape(caption) if caption else "Table"
    if frame.empty:
        _display_html(f"<p><b>{title}</b>: <i>none</i></p>")
        return
    markup = _blank_missing(frame.head(max_rows)).to_html(escape=True, index=False, na_rep="", border=0)
    if len(frame) > max_rows:
        markup += f"<p><i>{len(frame) - max_rows} more rows not shown.</i></p>"
    if len(frame) > fold_after:
        markup = f"<details><summary><b>{title}</b> ({len(frame)} rows, click to show)</summary>{markup}</details>"
    elif caption:
        markup = f"<p><b>{title}</b></p>" + markup
    _display_html(markup)


def notebook_summary(notebook: Path) -> tuple[str, str]:
    """Title and one-line summary from the notebook's first markdown cell."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
            title = lines[0].lstrip("# ").strip() if lines else notebook.stem
            summary = " ".join(lines[1:]).split(". ")[0].rstrip(".") + "." if len(lines) > 1 else ""
            return title, summary
    return notebook.stem, ""


SMALL_CORPUS = 30  # below this many articles, index.html warns that the figures describe these articles only


def small_corpus_caveat(sizes) -> str:
    """A one-line caveat (HTML paragraph) when the reports rest on fewer than :data:`SMALL_CORPUS` articles.

    ``sizes``: the article counts of the reports' articles tables; empty or
    all large gives ``""``.
    """
    small = sorted(n for n in set(sizes) if n < SMALL_CORPUS)
    if not small:
        return ""
    counted = " or ".join(str(n) for n in small)
    noun = "article" if small == [1] else "articles"
    return (f"<p><b>Small corpus:</b> these reports rest on {counted} {noun}; every figure describes these "
            "articles only, not the outlets' coverage in general.</p>")


def write_index(reports_dir: str | Path | None = None, notebooks_dir: str | Path | None = None) -> Path:
    """Write ``reports/index.html`` listing each rendered report with its id and summary."""
    folder = Path(reports_dir) if reports_dir else config.REPORTS_DIR
    rows = []
    sizes = set()
    for name, notebook in notebook_paths(notebooks_dir).items():
        prov = folder / f"{name}.provenance.json"
        if not (folder / f"{name}.html").exists() or not prov.exists():
            continue
        record = json.loads(prov.read_text(encoding="utf-8"))
        if record.get("data", {}).get("articles") is not None:
            sizes.add(record["data"]["articles"])
        title, summary = notebook_summary(notebook)
        rows.append(
            f"<tr><td><a href='{html.escape(name)}.html'>{html.escape(title)}</a></td>"
            f"<td><code>{html.escape(record['report_id'])}</code></td><td>{html.escape(summary)}</td>"
            f"<td><a href='{html.escape(name)}.provenance.json'>provenance</a></td></tr>"
        )
    commit = provenance.code_version()
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>warcov reports</title></head><body>"
        "<h1>warcov reports</h1>"
        f"<p>Code: warcov {html.escape(commit['version'])}, commit <code>{html.escape(str(commit['git_commit']))}</code>.</p>"
        + small_corpus_caveat(sizes) +
        "<table border='1' cellpadding='4'><tr><th>report</th><th>report id</th><th>summary</th><th></th></tr>"
        + "".join(rows) + "</table></body></html>\n"
    )
    target = folder / "index.html"
    catalog.atomic_write_text(target, page)
    return target


def how_to_cite(report: Report) -> None:
    """Show the "How to cite" section: software citation and this report's id."""
    cff = config.ROOT / "CITATION.cff"
    title = "warcov"
    if cff.exists():
        meta = yaml.safe_load(cff.read_text(encoding="utf-8")) or {}
        title = meta.get("title", title)
    code = report.record["code"]
    commit = code.get("git_commit") or "unknown"
    date = code.get("git_commit_date") or "n.d."
    text = (f"warcov contributors ({date[:4]}). {title}, version {code['version']}, commit {commit[:12]}. "
            f"Report {report.name}, report id {report.report_id}.")
    _display_html(
        "<h2>How to cite</h2>"
        f"<p>{html.escape(text)}</p>"
        "<p>The report id changes whenever the code, the inputs, the parameters or the pinned libraries change; "
        "the provenance block above and <code>" + html.escape(report.name) + ".provenance.json</code> list them. "
        "To reproduce: check out the commit, put the same raw files in <code>data/raw/</code>, "
        "run <code>make reports</code> (or <code>python -m analysis report " + html.escape(report.name)
        + " -p KEY VALUE</code> with the parameters above) and compare the report id.</p>"
    )
