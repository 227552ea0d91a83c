"""Provenance (analysis.core.provenance): checksums of the raw data, and report ids that change with every input
(notebook cells, raw files, files named by parameters)."""

from __future__ import annotations

import nbformat

from analysis.core import config, provenance
from analysis.report import render as reports


def test_bundled_raw_data_matches_its_sums():
    assert provenance.verify_raw_sums(config.RAW_DIR) == []


def test_editing_a_notebook_changes_the_report_id(tmp_path):
    original = reports.notebook_paths()["01_corpus_overview"]
    nb = nbformat.read(original, as_version=4)
    before = provenance.provenance_record({}, notebook=original)["report_id"]
    nb.cells[-1].source += "\n# an analyst's edit"
    edited = tmp_path / original.name
    nbformat.write(nb, edited)
    assert provenance.provenance_record({}, notebook=edited)["report_id"] != before
    nb.cells[-1].outputs = [nbformat.v4.new_output("stream", text="output only")]
    nbformat.write(nb, tmp_path / "with_outputs.ipynb")
    assert provenance.notebook_source_hash(tmp_path / "with_outputs.ipynb") == provenance.notebook_source_hash(edited)


def test_reports_cite_the_raw_files_the_tables_were_built_from(hostile_corpus):
    raw, processed, root = hostile_corpus
    record = provenance.provenance_record({}, raw_dir=config.RAW_DIR, processed_dir=processed)
    assert "900_hostile.txt" in record["inputs"]["raw"]  # not the bundled data/raw named by raw_dir


def test_files_named_by_parameters_are_hashed_and_change_the_report_id(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(config.GOLD_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    default = provenance.provenance_record({"gold_file": None})
    assert default["inputs"]["parameter_files"]["gold_file"] == {
        "path": "data/annotation/gold/seeds.jsonl", "sha256": provenance.sha256_file(config.GOLD_FILE), "default": True}
    named = provenance.provenance_record({"gold_file": str(gold)})
    assert named["inputs"]["parameter_files"]["gold_file"]["sha256"] == provenance.sha256_file(gold)
    gold.write_text("{}\n", encoding="utf-8")
    edited = provenance.provenance_record({"gold_file": str(gold)})
    assert edited["report_id"] != named["report_id"]  # same parameters, other file content
    lexicon = tmp_path / "labels.csv"
    lexicon.write_text("key,name\nrebel,rebels\n", encoding="utf-8")
    record = provenance.provenance_record({"lexicon_file": str(lexicon), "background_file": None})
    assert set(record["inputs"]["parameter_files"]) == {"lexicon_file"}  # no background file: the pooled corpus
    assert record["inputs"]["parameter_files"]["lexicon_file"]["sha256"] == provenance.sha256_file(lexicon)
    block = reports._provenance_html(record, "04_framing")
    assert provenance.sha256_file(lexicon) in block and "(lexicon_file)" in block
    missing = provenance.provenance_record({"background_file": str(tmp_path / "nope.txt")})
    assert missing["inputs"]["parameter_files"]["background_file"]["sha256"] is None
