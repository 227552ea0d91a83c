"""Render the notebooks into HTML reports, reproducibly, and help them cite themselves.

The runner side (:func:`render`) checks parameters against each notebook's
``parameters`` cell before any kernel starts, runs it with papermill,
scrubs what changes from run to run (cell ids, timings), exports HTML without
code cells and writes it atomically with a ``<name>.provenance.json`` twin.
The notebook side (:func:`start`, :func:`show_findings`, :func:`show_caveats`,
:func:`show_table`, :func:`show_evidence`, :func:`how_to_cite`) shows the id
line at the top, computed findings and caveats (:mod:`analysis.report.page`),
readable tables (:mod:`analysis.report.tables`) and the provenance folded at
the end; figures are drawn and saved with :mod:`analysis.report.plots`. Where
a report is written and which tables it may read: :mod:`analysis.report.paths`.
The page itself is nbconvert's ``lab`` cell markup in warcov's own template
(``templates/warcov``): no script, style or font from the network.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.core import catalog
from analysis.core import config
from analysis.core import provenance
from analysis.report import page as layout
from analysis.report import parameters as declaration
from analysis.report import paths
from analysis.report import tables
from analysis.report.caveats import corpus_caveats  # noqa: F401  (the notebooks' API)
from analysis.report.page import Finding  # noqa: F401  (the notebooks' API)
from analysis.report.parameters import ReportError, parse_value  # noqa: F401  (the runner's API)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "warcov"
DEFAULT_PARAMETERS = ("raw_dir", "processed_dir")


# ----------------------------------------------------------- runner side ----


def notebook_paths(notebooks_dir: str | Path | None = None) -> dict[str, Path]:
    """``{report name: notebook path}`` for every numbered notebook, in order."""
    folder = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    return {p.stem: p for p in sorted(folder.glob(config.NOTEBOOK_PATTERN))}


def resolve_names(names: list[str] | None, notebooks_dir: str | Path | None = None) -> list[str]:
    """Report names from what a user typed (``02``, ``02_casualty_tolls`` or its path)."""
    known = notebook_paths(notebooks_dir)
    if not names:
        if not known:
            raise ReportError(no_reports_reason(notebooks_dir))
        return list(known)
    chosen = []
    for name in names:
        stem = Path(name).stem
        matches = [k for k in known if k == stem or k.split("_", 1)[0] == stem]
        if not known:
            raise ReportError(f"report {name!r}: {no_reports_reason(notebooks_dir)}")
        if len(matches) != 1:
            raise ReportError(f"unknown report {name!r}; known reports: {', '.join(known)}")
        chosen.append(matches[0])
    return chosen


def describe_reports(notebooks_dir: str | Path | None = None) -> str:
    """What ``report --list`` prints: each report, its title, and each parameter with its default and meaning."""
    known = notebook_paths(notebooks_dir)
    if not known:
        return no_reports_reason(notebooks_dir)
    entries = [declaration.describe(name, declaration.declared(path), notebook_summary(path)[0]) for name, path in known.items()]
    folder = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    return (f"reports (notebooks in {folder}):\n\n" + "\n\n".join(entries)
            + "\n\nset a parameter with -p NAME VALUE (YAML: 2020-10-01, [RT, Press TV], true, 0.2, null) "
              "or -f FILE.yaml; e.g. report 02 -p outlets '[RT]' -p include_vague false")


def no_reports_reason(notebooks_dir: str | Path | None = None) -> str:
    """Why no report is known: the folder searched and what it lacks."""
    folder = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    if not folder.is_dir():
        return f"no reports: the notebooks folder {folder} does not exist (a reinstall of warcov ships them)"
    return f"no reports: {folder} holds no numbered notebook (NN_name.ipynb)"


def declared_parameters(notebook: Path) -> dict[str, Any]:
    """The notebook's ``parameters`` cell as ``{name: default value}`` (:func:`analysis.report.parameters.declared`)."""
    return {name: p.default for name, p in declaration.declared(notebook).items()}


def merge_parameters(notebook: Path, overrides: dict[str, Any], origins: dict[str, str] | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``overrides``, every value checked before any kernel starts.

    Unknown names are refused with the list of known ones; a value of the
    wrong kind, an impossible date, a missing folder name the parameter and
    where it came from (``origins``: ``-p`` or the YAML file and line);
    relative paths become absolute (:func:`analysis.report.parameters.check`).
    """
    return declaration.check(notebook.stem, declaration.declared(notebook), overrides, origins)


def load_parameter_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML file (``-f params/NAME.yaml``), as a mapping (dates kept as text)."""
    return declaration.read_parameter_file(path)[0]


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
    """The executed notebook as one self-contained HTML page (warcov's template: nothing loaded from the network)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES_DIR)])
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

    ``out_dir`` (relative to the caller's working directory) takes the report
    as it is. Without it, the default rendering goes to ``reports/`` and a
    custom one (parameters given, ``custom=True``, or ``$WARCOV_PROCESSED``
    set) to ``reports/<name>-<what was asked>/``
    (:func:`analysis.report.paths.custom_folder_name`), never over the
    default. A ``raw_dir`` whose files are not those the tables were built
    from is refused before any kernel starts. Everything is rendered into a
    temporary folder first and moved into place only when the whole notebook
    ran, so a failed run leaves no half-written report or figures.
    """
    notebook = notebook_paths(notebooks_dir)[resolve_names([name], notebooks_dir)[0]]
    overrides = dict(overrides or {})
    parameters = merge_parameters(notebook, overrides)
    from_env = paths.processed_from_environment(parameters)
    if from_env != parameters:
        overrides.setdefault("processed_dir", from_env["processed_dir"])
        parameters, custom = from_env, True
    check_tables(parameters)
    record = provenance.provenance_record(parameters, parameters.get("raw_dir"), parameters.get("processed_dir"), notebook)
    custom = bool(overrides) if custom is None else custom
    if out_dir is not None:
        base = target_dir = paths.caller_path(out_dir)
    else:
        base = config.REPORTS_DIR
        target_dir = base / paths.custom_folder_name(notebook.stem, overrides) if custom else base
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{notebook.stem}.", dir=base))
    try:
        return _render_into(notebook, parameters, record, staging, target_dir, with_code)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_tables(parameters: dict) -> None:
    """Refuse (a :class:`ReportError` saying how to build them) tables not built from the named ``raw_dir``."""
    try:
        paths.check_tables_match_raw(parameters.get("raw_dir"), parameters.get("processed_dir"))
    except paths.TablesMismatch as exc:
        raise ReportError(str(exc)) from exc


def _local_kernel_manager(log_path: Path):
    """A kernel manager for one rendering: IPC sockets in a private temporary folder, the kernel's output in ``log_path``.

    Papermill's default (TCP on localhost) opens ports and makes every kernel
    warn that it runs "over TCP without encryption"; a report kernel needs
    neither. The kernel's own stdout and stderr ("[IPKernelApp] ERROR |
    KeyboardInterrupt caught in kernel", library warnings) go to ``log_path``,
    not to the user's terminal: a failed rendering is one line
    (:func:`_failure`), which quotes the log only when the kernel itself died.
    jupyter_client is imported only to render.
    """
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

        async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
            self._log = open(log_path, "ab")  # noqa: SIM115 (closed with the kernel's resources)
            kw.update(stdout=self._log, stderr=subprocess.STDOUT)
            await super()._async_launch_kernel(kernel_cmd, **kw)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                if getattr(self, "_socket_dir", None):
                    shutil.rmtree(self._socket_dir, ignore_errors=True)
                if getattr(self, "_log", None):
                    self._log.close()

    return LocalKernelManager


KERNEL_NAME = "python3"
"""The kernel ``report`` runs: ``python3``, which jupyter_client starts with the interpreter running ``warcov``.

Not the notebooks' own ``warcov`` kernelspec (what JupyterLab offers after
``make setup``): a report is computed by the very code that checked its
parameters and records its provenance, and renders in a fresh clone or an
installed package where no ``warcov`` kernel is registered.
"""


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _failure(notebook: Path, exc: Exception, log_path: Path) -> ReportError:
    """One line naming the report and the cell or the failure: never a traceback or the kernel's log."""
    import papermill

    if isinstance(exc, papermill.PapermillExecutionError):
        reason = str(exc.evalue).strip().splitlines()[0] if str(exc.evalue).strip() else ""
        return ReportError(f"{notebook.stem}: cell {exc.exec_count} failed: {exc.ename}: {reason}")
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    said = _last_line(log)
    reason = _last_line(str(exc)) or type(exc).__name__
    return ReportError(f"{notebook.stem}: the notebook could not be run ({type(exc).__name__}: {reason})"
                       + (f"; the kernel's last words: {said}" if said and said not in reason else ""))


def _render_into(notebook: Path, parameters: dict, record: dict, staging: Path, target_dir: Path, with_code: bool) -> Rendered:
    import nbformat
    import papermill

    # The kernel runs in the notebooks' folder (inside the package when installed): it is told the project.
    env = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0", "MPLBACKEND": "agg", paths.REPORTS_ENV: str(staging),
           config.ROOT_ENV: str(config.ROOT)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            executed = Path(tmp) / notebook.name
            log_path = Path(tmp) / "kernel.log"
            try:
                papermill.execute_notebook(
                    str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL_NAME,
                    progress_bar=False, cwd=str(notebook.parent), report_mode=not with_code,
                    kernel_manager_class=_local_kernel_manager(log_path),
                )
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # noqa: BLE001 (every failure becomes one line naming the report)
                raise _failure(notebook, exc, log_path) from exc
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
    tables: Path
    """The one build's folder the report reads every table from (:func:`~analysis.core.catalog.snapshot`)."""

    @property
    def report_id(self) -> str:
        return self.record["report_id"]

    @property
    def figures_dir(self) -> Path:
        """Where figures go: beside the HTML when the renderer runs the notebook, else a scratch folder."""
        return paths.figures_base()[0] / "figures" / self.name


RAW_FILES_LISTED = 100
"""Raw files listed one by one in a report's provenance; past this, one digest of them all (the record lists each)."""


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
    raw = record["inputs"]["raw"]
    if len(raw) <= RAW_FILES_LISTED:
        inputs = [(f"raw/{n}", h) for n, h in raw.items()]
    else:  # thousands of rows would outweigh the report: one digest here, each file in the provenance record
        inputs = [(f"raw/ ({len(raw)} files; each file's SHA-256 is in {name}.provenance.json): SHA-256 of their "
                   "sha256sum listing, sorted by name", provenance.listing_digest(raw))]
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
    dirty = " — with uncommitted changes" if dirty else ""
    return (
        "<details class='warcov-provenance' id='provenance'>"
        f"<summary><b>Provenance</b>: report id <code>{cell(record['report_id'])}</code>, commit "
        f"<code>{cell((code.get('git_commit') or 'unknown')[:12])}</code>{cell(dirty)} (click to show)</summary>"
        f"<table>{body}{notebook}</table>"
        f"<details><summary>SHA-256 of the input files ({len(record['inputs']['raw'])} raw; "
        "<code>sha256sum</code> gives the same)</summary>"
        f"<table>{files}</table></details></details>"
    )


def start(name: str, **parameters: Any) -> Report:
    """Open a report: deterministic plot settings, the tables checked against ``raw_dir``, the id line shown.

    The provenance itself closes the page (:func:`how_to_cite`). Run outside
    the renderer (JupyterLab, papermill), the report says where its figures
    go: a scratch folder, never ``reports/``.
    """
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "warcov"
    matplotlib.rcParams["figure.dpi"] = 100
    check_tables(parameters)
    notebook = notebook_paths().get(name)
    # Every table of the report, and its hashes, come from one build, even if another build swaps in meanwhile.
    tables = catalog.snapshot(parameters.get("processed_dir"))
    record = provenance.provenance_record(parameters, parameters.get("raw_dir"), tables, notebook)
    report = Report(name, parameters, record, tables)
    _display_html(layout.id_line_html(name, record["report_id"], record.get("data", {}).get("articles"), parameters))
    if not paths.figures_base()[1]:
        print(f"Not run by `python -m analysis report`: figures go to {report.figures_dir} (scratch), not reports/.")
    return report


def show_findings(findings, title: str = "Findings", empty: str = "Nothing to report on this selection.") -> None:
    """Show computed findings (:class:`Finding`, ``(text, figure stem)`` pairs or sentences), each linked to its figure."""
    _display_html(layout.findings_html(findings, title, empty))


def show_caveats(caveats, title: str = "Caveats") -> None:
    """Show caveats (sentences; :func:`corpus_caveats` computes the corpus's own)."""
    _display_html(layout.caveats_html(caveats, title))


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _fold(markup: str, caption: str | None, rows: int, max_rows: int, fold_after: int, anchor: str | None) -> str:
    title = html.escape(caption) if caption else "Table"
    ident = f" id='{html.escape(anchor)}'" if anchor else ""
    if rows > max_rows:
        markup += f"<p><i>{rows - max_rows} more rows not shown (the CSV of the figure or the table has them all).</i></p>"
    if rows > fold_after:
        return f"<details{ident}><summary><b>{title}</b> ({rows} rows, click to show)</summary>{markup}</details>"
    if caption:
        return f"<p{ident}><b>{title}</b></p>" + markup
    return f"<div{ident}>{markup}</div>" if anchor else markup


def table_markup(frame, caption: str | None = None, max_rows: int = 200, fold_after: int = 15, percent=(),
                 max_columns: int = tables.MAX_COLUMNS, anchor: str | None = None) -> str:
    """The HTML :func:`show_table` displays."""
    if frame.empty:
        return f"<p><b>{html.escape(caption) if caption else 'Table'}</b>: <i>none</i></p>"
    if tables.looks_like_evidence(frame):
        markup = tables.auto_evidence_html(frame.head(max_rows))
    else:
        markup = "".join(tables.table_html(part, percent) for part in tables.narrow(frame.head(max_rows), max_columns))
    return _fold(markup, caption, len(frame), max_rows, fold_after, anchor)


def show_table(frame, caption: str | None = None, max_rows: int = 200, fold_after: int = 15, percent=(),
               max_columns: int = tables.MAX_COLUMNS, anchor: str | None = None) -> None:
    """Display a dataframe with every cell HTML-escaped (article text can hold markup); missing values are empty cells.

    Shares print as percentages (columns in ``percent``, and float columns
    named share/fraction/proportion in [0, 1]); a wide pivot (more than
    ``max_columns`` numeric columns) is transposed or split
    (:func:`analysis.report.tables.narrow`); a table of sentences with many
    columns is shown in evidence form, the span marked in its sentence and the
    other columns listed by name beside it. Tables longer than ``fold_after``
    rows are folded into a ``<details>`` element (click to open), so evidence
    tables do not bury the figures; ``anchor`` gives the table an id a
    :class:`Finding` can point to.
    """
    _display_html(table_markup(frame, caption, max_rows, fold_after, percent, max_columns, anchor))


def show_evidence(frame, span: str, claim=(), caption: str | None = None, max_rows: int = 200, fold_after: int = 15,
                  anchor: str | None = None, **names) -> None:
    """Evidence in four columns: outlet, the claim, the sentence with ``span`` highlighted, article id @ offset.

    ``span``: the column holding the span's text (``evidence``, ``name``,
    ``marker`` ...); ``claim``: the columns that say what was claimed, joined;
    ``names``: other column names (``sentence=``, ``outlet=``, ``article=``,
    ``offset=``) when they differ.
    """
    if frame.empty:
        _display_html(f"<p><b>{html.escape(caption) if caption else 'Evidence'}</b>: <i>none</i></p>")
        return
    markup = tables.evidence_html(frame.head(max_rows), span, claim, **names)
    _display_html(_fold(markup, caption or "Evidence", len(frame), max_rows, fold_after, anchor))


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


def _index_row(folder: Path, html_path: Path, record: dict, notebooks: dict) -> str:
    name = record.get("report") or html_path.stem
    notebook = notebooks.get(name)
    title, summary = notebook_summary(notebook) if notebook else (name, "")
    link = html_path.relative_to(folder).as_posix()
    prov = html_path.with_name(f"{html_path.stem}.provenance.json").relative_to(folder).as_posix()
    asked = {k: v for k, v in record.get("parameters", {}).items() if v not in (None, "", [], {})}
    shown = ", ".join(f"{k}={v}" for k, v in asked.items()) or "defaults"
    return (f"<tr><td><a href='{html.escape(link)}'>{html.escape(title)}</a></td>"
            f"<td><code>{html.escape(record['report_id'])}</code></td><td>{html.escape(shown)}</td>"
            f"<td>{html.escape(summary)}</td><td><a href='{html.escape(prov)}'>provenance</a></td></tr>")


def rendered_reports(folder: Path, notebooks_dir: str | Path | None = None) -> list[tuple[Path, dict]]:
    """``(html, provenance record)`` of every report in ``folder`` and its sub-folders, the default ones first."""
    names = notebook_paths(notebooks_dir)
    found = []
    for depth, pattern in enumerate(("*.provenance.json", "*/*.provenance.json")):
        for prov in sorted(folder.glob(pattern)):
            page = prov.with_name(prov.name.replace(".provenance.json", ".html"))
            stem = page.stem
            if stem in names and page.exists():
                found.append((depth, page, json.loads(prov.read_text(encoding="utf-8"))))
    return [(page, record) for _, page, record in sorted(found, key=lambda t: (t[0], t[1].as_posix()))]


def write_index(reports_dir: str | Path | None = None, notebooks_dir: str | Path | None = None) -> Path:
    """Write ``index.html`` listing each rendered report (default ones, then those rendered with parameters)."""
    folder = Path(reports_dir) if reports_dir else config.REPORTS_DIR
    notebooks = notebook_paths(notebooks_dir)
    found = rendered_reports(folder, notebooks_dir)
    sizes = {r["data"]["articles"] for p, r in found if p.parent == folder and r.get("data", {}).get("articles") is not None}
    rows = [_index_row(folder, page, record, notebooks) for page, record in found]
    commit = provenance.code_version()
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>warcov reports</title>"
        "<style>body{font:15px/1.5 system-ui,sans-serif;margin:1em 2em}td,th{padding:.25em .6em;text-align:left;"
        "vertical-align:top;border-bottom:1px solid #ddd}table{border-collapse:collapse}</style></head><body>"
        "<h1>warcov reports</h1>"
        f"<p>Code: warcov {html.escape(commit['version'])}, commit <code>{html.escape(str(commit['git_commit']))}</code>.</p>"
        + small_corpus_caveat(sizes) +
        "<table><tr><th>report</th><th>report id</th><th>parameters</th><th>summary</th><th></th></tr>"
        + "".join(rows) + "</table></body></html>\n"
    )
    target = folder / "index.html"
    catalog.atomic_write_text(target, page)
    return target


def how_to_cite(report: Report) -> None:
    """Show the "How to cite" section (software citation and this report's id), then the provenance, folded."""
    cff = config.CITATION_FILE
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
        "the provenance below and <code>" + html.escape(report.name) + ".provenance.json</code> list them. "
        "To reproduce: check out the commit, put the same raw files in <code>data/raw/</code>, "
        "run <code>make reports</code> (or <code>python -m analysis report " + html.escape(report.name)
        + " -p KEY VALUE</code> with the parameters above) and compare the report id.</p>"
        + _provenance_html(report.record, report.name)
    )
