"""Every error case of issue 14, walked through the command line: one line that names the offender, exit non-zero.

Parameter errors are caught before any kernel starts (the renderer is replaced
by a failure); the one case that does start a kernel checks that none of its
output (tracebacks, "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel")
reaches the terminal.
"""

from __future__ import annotations

import pytest

from analysis import cli
from analysis.core import config
from analysis.report import render as reports

# (case, files written in the working folder, argv, words the one line must hold)
CASES = [
    ("impossible month on the command line", {}, ["report", "01", "-p", "date_from", "2020-13-45"],
     ["parameter date_from", "given with -p", "'2020-13-45' is an impossible date", "no month 13"]),
    ("impossible month in a YAML file", {"p.yaml": "outlets: []\ndate_from: 2020-13-45\n"}, ["report", "01", "-f", "p.yaml"],
     ["parameter date_from", "p.yaml, line 2", "impossible date", "no month 13"]),
    ("impossible day on the command line", {}, ["report", "01", "-p", "date_to", "2020-09-31"],
     ["parameter date_to", "'2020-09-31' is an impossible date: September 2020 has 30 days"]),
    ("impossible day in a YAML file", {"p.yaml": "date_to: 2020-09-31\n"}, ["report", "03", "-f", "p.yaml"],
     ["03_reporting_lag", "parameter date_to", "p.yaml, line 1", "impossible date"]),
    ("a date in another form", {}, ["report", "01", "-p", "date_from", "01/10/2020"],
     ["parameter date_from", "not a date in YYYY-MM-DD form"]),
    ("dates that run backwards", {}, ["report", "01", "-p", "date_from", "2020-11-01", "-p", "date_to", "2020-10-01"],
     ["date_from and date_to", "2020-11-01 is after 2020-10-01"]),
    ("a boolean written maybe", {}, ["report", "02", "-p", "include_vague", "maybe"],
     ["parameter include_vague", "'maybe' is not true or false"]),
    ("a boolean written 0", {}, ["report", "02", "-p", "include_vague", "0"],
     ["parameter include_vague", "0 is not true or false"]),
    ("a boolean written yes in a file", {"p.yaml": "include_vague: yes\n"}, ["report", "02", "-f", "p.yaml"],
     ["parameter include_vague", "p.yaml, line 1", "'yes' is not true or false"]),
    ("a YAML syntax error", {"p.yaml": "outlets: [RT\ndate_from: 2020-10-01\n"}, ["report", "01", "-f", "p.yaml"],
     ["parameter file p.yaml", "line 2, column 10", "expected ',' or ']'"]),
    ("a YAML syntax error in a -p value", {}, ["report", "01", "-p", "outlets", "[RT, Press"],
     ["parameter outlets", "not a valid YAML value", "column"]),
    ("a parameter given twice in a file", {"p.yaml": "date_to: 2020-10-01\ndate_to: 2020-10-02\n"}, ["report", "01", "-f", "p.yaml"],
     ["p.yaml, line 2", "parameter date_to is given twice", "line 1"]),
    ("a parameter file that is missing", {}, ["report", "01", "-f", "missing.yaml"],
     ["parameter file missing.yaml", "cannot be read"]),
    ("an unknown parameter", {}, ["report", "01", "-p", "outlet", "RT"],
     ["unknown parameter(s) outlet", "did you mean outlets?", "known parameters: date_from, date_to, outlets"]),
    ("an unknown parameter in a file", {"p.yaml": "outlets: []\nsince: 2020-10-01\n"}, ["report", "01", "-f", "p.yaml"],
     ["unknown parameter(s) since", "p.yaml, line 2", "known parameters"]),
    ("text where a list is wanted", {}, ["report", "01", "-p", "outlets", "RT"],
     ["parameter outlets", "expected a list", "write [RT]"]),
    ("a value outside the documented choices", {}, ["report", "02", "-p", "sides", "[armenia]"],
     ["parameter sides", "'armenia'", "choose from armenian, azerbaijani"]),
    ("a number outside its documented bounds", {}, ["report", "03", "-p", "min_similarity", "2"],
     ["parameter min_similarity", "2 is outside 0 to 1"]),
    ("text where a number is wanted", {}, ["report", "04", "-p", "n_terms", "many"],
     ["parameter n_terms", "'many' is not a number"]),
    ("a processed folder that does not exist", {}, ["report", "01", "-p", "processed_dir", "nowhere"],
     ["parameter processed_dir", "nowhere: no such folder"]),
    ("a lexicon file that does not exist", {}, ["report", "04", "-p", "lexicon_file", "labels.csv"],
     ["parameter lexicon_file", "labels.csv: no such file"]),
    ("an unknown report", {}, ["report", "99"], ["unknown report '99'", "known reports: 01_corpus_overview"]),
    ("sums on a folder that does not exist", {}, ["sums", "--raw", "../nope"], ["--raw ../nope: no such folder"]),
    ("build on a file", {"a.txt": "Two soldiers were wounded."}, ["build", "--raw", "a.txt", "--out", "out"],
     ["--raw a.txt is a file; give the folder"]),
]


def _run(argv) -> tuple[int, str]:
    try:
        return cli.main(argv), ""
    except SystemExit as exc:  # argparse and the commands that raise SystemExit("reason")
        return (exc.code, "") if isinstance(exc.code, int) else (1, f"{exc.code}\n")


@pytest.mark.parametrize("files, argv, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_error_is_one_line_naming_the_offender(files, argv, words, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(reports, "render", lambda *a, **k: pytest.fail("a kernel was started"))
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, raised = _run(argv)
    captured = capfd.readouterr()
    err = (captured.err + raised).strip()
    assert code not in (0, None), err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"


def _one_cell_report(folder, source):
    """A copy of report 01 with its parameters cell and then one cell of ``source``."""
    import nbformat

    folder.mkdir()
    nb = nbformat.read(reports.notebook_paths()["01_corpus_overview"], as_version=4)
    nb.cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])] + [nbformat.v4.new_code_cell(source)]
    nbformat.write(nb, folder / "01_corpus_overview.ipynb")


@pytest.mark.parametrize("source, words", [
    ("import os\nos.write(2, b'[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel\\n')\n"
     "raise RuntimeError('the selection holds no article')",
     ["01_corpus_overview: cell ", "failed: RuntimeError: the selection holds no article"]),
    ("import os, sys\nos.write(2, b'MemoryError: out of memory\\n')\nos._exit(3)",
     ["01_corpus_overview: the notebook could not be run", "DeadKernelError", "last words: MemoryError: out of memory"]),
], ids=["a failing cell", "a kernel that dies"])
def test_a_failed_render_is_one_line_and_no_kernel_output_reaches_the_terminal(source, words, tmp_path, monkeypatch, capfd):
    """The kernel writes to its own stderr, then a cell fails or the kernel dies: one line names the report and why."""
    _one_cell_report(tmp_path / "notebooks", source)
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    assert cli.main(["report", "01", "--out", str(tmp_path / "out")]) == 1
    captured = capfd.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"
    assert "IPKernelApp" not in captured.out + err and "Traceback" not in err
    assert not list((tmp_path / "out").rglob("*.html"))


def test_no_notebooks_says_where_it_looked(tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    assert cli.main(["report", "01"]) == 1
    err = capfd.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"the notebooks folder {tmp_path / 'notebooks'} does not exist" in err
