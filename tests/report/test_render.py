"""Rendering reports (analysis.report.render): parameters checked first, provenance, escaping, identical reruns,
and each report rendered for a small selection."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile

import nbformat
import pytest

from analysis.core import config
from analysis.core import provenance
from analysis.report import render as reports


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_parameter_values_are_typed():
    assert reports.parse_value("[RT, Press TV]") == ["RT", "Press TV"]
    assert reports.parse_value("2020-10-01") == "2020-10-01"
    assert reports.parse_value("0.3") == 0.3
    assert reports.parse_value("null") is None


def test_parameter_file_is_read_and_checked(tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("outlets: [RT]\ndate_from: 2020-10-01\n", encoding="utf-8")
    loaded = reports.load_parameter_file(params)
    assert loaded == {"outlets": ["RT"], "date_from": "2020-10-01"}
    notebook = reports.notebook_paths()["01_corpus_overview"]
    assert reports.merge_parameters(notebook, loaded)["outlets"] == ["RT"]
    params.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(reports.ReportError, match="expected a mapping"):
        reports.load_parameter_file(params)


def test_article_markup_is_escaped_in_reports(hostile_corpus):
    raw, processed, root = hostile_corpus
    rendered = reports.render("01", {"raw_dir": str(raw), "processed_dir": str(processed)}, out_dir=root / "reports")
    page = rendered.html.read_text(encoding="utf-8")
    assert "alert('pwned')" in page or "alert(&#x27;pwned&#x27;)" in page  # the title is shown ...
    assert "<script>alert(" not in page  # ... but never as live markup
    assert "<img src=x" not in page


def test_render_twice_is_byte_identical_and_carries_provenance(hostile_corpus):
    raw, processed, root = hostile_corpus
    params = {"raw_dir": str(raw), "processed_dir": str(processed)}
    first = reports.render("01", params, out_dir=root / "a")
    second = reports.render("01", params, out_dir=root / "b")
    assert first.report_id == second.report_id
    assert _sha(first.html) == _sha(second.html)
    # --out takes the report as it is
    assert first.html.parent == root / "a"
    record = json.loads(first.provenance.read_text(encoding="utf-8"))
    assert record["report_id"] == first.report_id
    assert record["inputs"]["raw"]["900_hostile.txt"] == provenance.sha256_file(raw / "900_hostile.txt")
    assert "articles.parquet" in record["inputs"]["processed"]
    assert record["inputs"]["notebook_cell_sources"] == {"01_corpus_overview.ipynb": provenance.notebook_source_hash(reports.notebook_paths()["01_corpus_overview"])}
    assert set(record["parameters"]) == set(reports.declared_parameters(reports.notebook_paths()["01_corpus_overview"]))
    page = first.html.read_text(encoding="utf-8")
    assert first.report_id in page and "Provenance" in page  # the notebook shows the same record
    # the id opens the page, the provenance closes it, folded
    assert page.index(first.report_id) < page.index("<h2") < re.search(r"<details class=.warcov-provenance", page).start()
    assert_self_contained(page)
    figures = first.html.parent / "figures" / "01_corpus_overview"
    for ext in ("svg", "png", "pdf", "csv"):
        assert (figures / f"timeline.{ext}").exists()


NETWORK = re.compile(r"""<(script|link|img|iframe|source)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?//"""
                     r"""|@import|url\(\s*["']?\s*(https?:)?//|@font-face""", re.IGNORECASE)


def assert_self_contained(page: str) -> None:
    """No script at all, and no style sheet, font, image or frame loaded from the network; little CSS."""
    assert NETWORK.search(page) is None, NETWORK.search(page).group(0)
    assert re.search(r"<script", page, re.IGNORECASE) is None
    assert "mathjax" not in page.lower() and "require.js" not in page.lower() and "require.min.js" not in page.lower()
    css = sum(len(block) for block in re.findall(r"<style[^>]*>(.*?)</style>", page, re.DOTALL))
    assert css < 10_000, f"{css} characters of CSS"


def test_the_network_check_finds_what_the_default_template_loads():
    lab = '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'
    for page in (lab, "<link rel='stylesheet' href='//fonts.example/x.css'>", "<style>@import url(https://x/y.css);</style>"):
        with pytest.raises(AssertionError):
            assert_self_contained(page)
    assert_self_contained("<p><a href='https://example.org/article'>a cited article</a></p><style>td{}</style>")


def test_a_custom_rendering_goes_to_a_folder_named_after_it_and_into_the_index(hostile_corpus, monkeypatch, tmp_path):
    """$WARCOV_PROCESSED counts as a parameter: it never overwrites the default HTML."""
    raw, processed, root = hostile_corpus
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    monkeypatch.setenv("WARCOV_PROCESSED", str(processed))
    rendered = reports.render("01")
    assert rendered.html == tmp_path / "reports" / "01_corpus_overview-processed_dir-processed" / "01_corpus_overview.html"
    assert not (tmp_path / "reports" / "01_corpus_overview.html").exists()
    record = json.loads(rendered.provenance.read_text(encoding="utf-8"))
    assert record["parameters"]["processed_dir"] == str(processed) and record["data"]["articles"] == 6
    index = reports.write_index().read_text(encoding="utf-8")
    assert "01_corpus_overview-processed_dir-processed/01_corpus_overview.html" in index
    assert rendered.report_id in index and "processed_dir=" in index


def test_tables_of_another_raw_folder_are_refused_before_any_kernel(hostile_corpus, monkeypatch, tmp_path):
    raw, processed, root = hostile_corpus
    monkeypatch.setattr(reports, "_render_into", lambda *a, **k: pytest.fail("a kernel was started"))
    with pytest.raises(reports.ReportError, match="raw_dir .* built from other raw files"):
        reports.render("01", {"raw_dir": str(config.RAW_DIR), "processed_dir": str(processed)}, out_dir=tmp_path)
    with pytest.raises(reports.ReportError, match="never mixes them"):
        reports.render("02", {"raw_dir": str(raw)}, out_dir=tmp_path)  # the raw folder beside the seeds' tables


def test_the_readme_papermill_example_runs_as_written_into_scratch(hostile_corpus, tmp_path):
    """Run outside the renderer, a notebook writes its figures into a scratch folder, never into reports/."""
    raw, processed, root = hostile_corpus
    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"`(\.venv/bin/papermill [^`]+)`", readme)
    argv = shlex.split(command)
    argv[0] = str(config.ROOT / argv[0])
    argv[2] = str(tmp_path / "out.ipynb")
    before = sorted(p.relative_to(config.REPORTS_DIR) for p in config.REPORTS_DIR.rglob("*"))
    env = dict(os.environ, WARCOV_SCRATCH=str(tmp_path / "scratch"), WARCOV_PROCESSED=str(processed))
    env.pop("WARCOV_REPORTS", None)
    subprocess.run(argv + ["--log-level", "ERROR"], cwd=config.ROOT, env=env, check=True, capture_output=True)
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []))
    injected = next(c.source for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'outlets = ["RT"]' in injected or "outlets = ['RT']" in injected  # a list, not the string "[RT]"
    assert (tmp_path / "scratch" / "figures" / "01_corpus_overview" / "timeline.png").exists()
    assert "scratch" in text
    assert sorted(p.relative_to(config.REPORTS_DIR) for p in config.REPORTS_DIR.rglob("*")) == before


def test_a_notebook_saved_by_jupyterlab_hashes_as_the_committed_one(tmp_path):
    """Running a notebook adds outputs, counts, ids and language_info: the git filter strips them all."""
    if subprocess.run(["git", "-C", str(config.ROOT), "rev-parse"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    path = reports.notebook_paths()["01_corpus_overview"]
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.2", "codemirror_mode": {"name": "ipython"}}
    for k, cell in enumerate(nb["cells"]):
        cell["id"] = f"lab-{k}-x"
        if cell["cell_type"] == "code":
            cell["execution_count"] = k
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["5 of 5\n"]}]
    saved = tmp_path / "saved.ipynb"
    saved.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    rel = path.relative_to(config.ROOT).as_posix()

    def blob(*args):
        return subprocess.run(["git", "-C", str(config.ROOT), "hash-object", *args], capture_output=True, text=True,
                              check=True).stdout.strip()

    assert blob("--path", rel, str(saved)) == blob("--path", rel, str(path))


def test_report_kernels_use_local_sockets_and_leave_nothing(hostile_corpus, capfd, monkeypatch, tmp_path):
    """No TCP ports and no "running over TCP without encryption" warning; the socket folder goes with the kernel."""
    raw, processed, root = hostile_corpus
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    reports.render("01", {"raw_dir": str(raw), "processed_dir": str(processed)}, out_dir=root / "sockets")
    assert "over TCP" not in capfd.readouterr().err
    assert not list(tmp_path.glob("warcov-kernel-*"))
    assert reports._local_kernel_manager(tmp_path / "kernel.log")().transport == "ipc"


@pytest.mark.parametrize("selection, expected", [
    ({"outlets": ["Reuters"], "tolerance_days": 2}, "; 1 incidents linked"),  # one outlet, one incident
    ({"date_from": "2030-01-01"}, "; 0 incidents linked"),  # nothing selected
])
def test_reporting_lag_report_renders_small_selections(hostile_corpus, selection, expected):
    raw, processed, root = hostile_corpus
    params = {"raw_dir": str(raw), "processed_dir": str(processed), **selection}
    rendered = reports.render("03", params, out_dir=root / "lag")
    page = rendered.html.read_text(encoding="utf-8")
    assert expected in page and "Traceback" not in page
    assert "<img src=x" not in page  # the evidence sentences are escaped
    record = json.loads(rendered.provenance.read_text(encoding="utf-8"))
    declared = reports.declared_parameters(reports.notebook_paths()["03_reporting_lag"])
    assert set(record["parameters"]) == set(declared)
    assert all(record["parameters"][k] == v for k, v in selection.items())
    figures = rendered.html.parent / "figures" / "03_reporting_lag"
    for stem in ("lag_matrix", "lag_per_outlet", "first_reports", "incident_timeline"):
        assert (figures / f"{stem}.png").exists() and (figures / f"{stem}.csv").exists()


def test_casualty_report_records_its_parameters_and_names_a_bad_one(tmp_path):
    notebook = reports.notebook_paths()["02_casualty_tolls"]
    with pytest.raises(reports.ReportError, match="parameter sides: unknown value.s. 'martian'; choose from armenian"):
        reports.render("02", {"sides": ["martian"]}, out_dir=tmp_path / "bad")
    rendered = reports.render("02", {"outlets": ["RT"], "include_vague": False}, out_dir=tmp_path / "rt")
    record = json.loads(rendered.provenance.read_text(encoding="utf-8"))
    assert set(record["parameters"]) == set(reports.declared_parameters(notebook))
    assert record["parameters"]["outlets"] == ["RT"]
    figures = rendered.html.parent / "figures" / "02_casualty_tolls"
    for stem in ("incident_figures", "running_totals", "attribution_matrix"):  # drawn even when empty for RT alone
        assert (figures / f"{stem}.png").exists()


def test_parameters_are_checked_by_kind_and_paths_made_absolute(tmp_path, monkeypatch):
    notebook = reports.notebook_paths()["01_corpus_overview"]
    with pytest.raises(reports.ReportError, match="parameter outlets: expected a list"):
        reports.merge_parameters(notebook, {"outlets": 5})
    with pytest.raises(reports.ReportError, match="parameter outlets: expected a list"):
        reports.merge_parameters(notebook, {"outlets": "RT"})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "proc").mkdir()
    merged = reports.merge_parameters(notebook, {"processed_dir": "proc", "date_from": "2020-10-01"})
    assert merged["processed_dir"] == str(tmp_path / "proc")
    assert merged["date_from"] == "2020-10-01"
    params = tmp_path / "p.yaml"
    params.write_text("outlets: [RT]\nnested: [2020-10-01]\n", encoding="utf-8")
    assert reports.load_parameter_file(params)["nested"] == ["2020-10-01"]


def test_a_failed_render_leaves_nothing_behind(tmp_path):
    missing = tmp_path / "empty"
    missing.mkdir()
    out = tmp_path / "out"
    with pytest.raises(reports.ReportError):
        reports.render("01", {"processed_dir": str(missing)}, out_dir=out)
    assert [p for p in out.rglob("*")] == []


def test_provenance_block_names_the_commit_date_and_the_data_date_apart(hostile_corpus):
    raw, processed, root = hostile_corpus
    notebook = reports.notebook_paths()["01_corpus_overview"]
    record = provenance.provenance_record({}, processed_dir=processed, notebook=notebook)
    assert record["data"] == {"articles": 6, "latest_published": "2020-10-17"}
    block = reports._provenance_html(record, "01_corpus_overview")
    assert "data date" not in block
    assert "code commit date" in block and "latest publication date in the articles table" in block
    assert "2020-10-17" in block
    # the notebook entry says what it hashes, and is not listed among the files sha256sum can check
    assert "hash of the notebook&#x27;s cell sources" in block or "hash of the notebook's cell sources" in block
    files = block.split("<details>", 1)[1]
    assert notebook.name not in files


def test_show_table_leaves_missing_values_empty(monkeypatch):
    import datetime as dt

    import pandas as pd

    shown = []
    monkeypatch.setattr(reports, "_display_html", shown.append)
    reports.show_table(pd.DataFrame({"when": [dt.date(2020, 10, 2), None], "what": ["151", pd.NA]}))
    assert "None" not in shown[0] and "&lt;NA&gt;" not in shown[0] and "2020-10-02" in shown[0]
    reports.show_table(pd.DataFrame({"value": pd.Series([31, 0.969, None], dtype=object)}))
    assert ">31</td>" in shown[1] and ">0.969</td>" in shown[1] and "31.0" not in shown[1]


def test_index_warns_when_the_corpus_is_small(tmp_path):
    assert reports.small_corpus_caveat(set()) == ""
    assert reports.small_corpus_caveat({reports.SMALL_CORPUS}) == ""
    assert "5 articles" in reports.small_corpus_caveat({5}) and "these articles only" in reports.small_corpus_caveat({5})
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(reports.notebook_paths()["01_corpus_overview"], notebooks)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "01_corpus_overview.html").write_text("<html></html>", encoding="utf-8")
    prov = {"report_id": "warcov-test", "data": {"articles": 5, "latest_published": "2020-10-17"}}
    (out / "01_corpus_overview.provenance.json").write_text(json.dumps(prov), encoding="utf-8")
    page = reports.write_index(out, notebooks).read_text(encoding="utf-8")
    assert "Small corpus" in page and "5 articles" in page
    prov["data"]["articles"] = 400
    (out / "01_corpus_overview.provenance.json").write_text(json.dumps(prov), encoding="utf-8")
    assert "Small corpus" not in reports.write_index(out, notebooks).read_text(encoding="utf-8")


def test_framing_report_renders_for_one_outlet(processed_dir, tmp_path):
    rendered = reports.render("04", {"processed_dir": str(processed_dir), "outlets": ["RT"]}, out_dir=tmp_path)
    record = json.loads(rendered.provenance.read_text(encoding="utf-8"))
    assert set(record["parameters"]) == set(reports.declared_parameters(reports.notebook_paths()["04_framing"]))
    page = rendered.html.read_text(encoding="utf-8")
    assert "Whose claims are hedged" in page and "Evidence: every hedge marker" in page
    figures = rendered.html.parent / "figures" / "04_framing"
    for stem in ("region_names", "place_names", "label_rates", "voices", "hedge_rates", "distinctive_terms",
                 "outlet_similarity", "outlet_map"):
        assert (figures / f"{stem}.png").exists(), stem
