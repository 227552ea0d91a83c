"""evaluate.summary and compare.accuracy: the committed accuracy summary, on a corpus written here."""

from __future__ import annotations

import csv
import hashlib
import json

import pandas as pd
import pytest

from analysis import cli
from analysis.compare import accuracy
from analysis.evaluate import dev_corpus, summary

TEXTS = {
    "w1": "YEREVAN, October 2, 2020. Shelling killed three civilians in Martuni, the ministry said.\n",
    "w2": "BAKU, October 3, 2020. Two soldiers were wounded on Friday, the ministry said.\n",
}


def write_dev_corpus(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    rows = []
    for article_id, text in TEXTS.items():
        (texts / f"{article_id}.txt").write_text(text, encoding="utf-8")
        rows.append({"id": article_id, "url": f"https://example.org/{article_id}", "query": "q", "rank": "1",
                     "sha256": hashlib.sha256(text.encode()).hexdigest(), "outlet": f"Outlet {article_id}",
                     "republished_by": "", "country": "AM", "published": "", "published_basis": "byline",
                     "kind": "news", "split": "dev" if article_id == "w1" else "test"})
    corpus = tmp_path / "corpus.csv"
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=dev_corpus.CORPUS_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    start = TEXTS["w1"].index("three civilians")
    gold = [
        {"article_id": "w1", "outlet": None, "published": "2020-10-02",
         "claims": [{"count": 3, "outcome": "killed", "side": "unspecified", "group": "civilian",
                     "evidence_start": start, "evidence_end": start + 15}],
         "dated_events": None, "framing": None},
        {"article_id": "w2", "outlet": None, "published": "2020-10-03", "claims": None, "dated_events": None,
         "framing": None},
    ]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return texts, corpus, gold_path


def test_publication_dates_count_wrong_and_invented_dates_apart():
    frame = pd.DataFrame({"published_gold": ["2020-10-02", "2020-10-02", None, "2020-10-03", None],
                          "published": ["2020-10-02", "2020-10-01", "2020-10-05", None, None],
                          "outlet_ok": [True, False, False, False, True]})
    frame["published_ok"] = frame["published"].fillna("") == frame["published_gold"].fillna("")
    dates = summary.metadata_figures(frame)["publication_dates"]
    assert (dates["right"], dates["wrong"], dates["invented"], dates["missing"], dates["right_no_date"]) == (1, 1, 1, 1, 1)
    assert dates["accuracy"] == 0.4


def test_a_wrong_or_invented_date_fails_the_no_wrong_date_target():
    figures = {"metadata": {"publication_dates": {"accuracy": 0.95, "wrong": 0, "invented": 1}, "outlets": {"accuracy": 1.0}},
               "claims": None, "dated_events": None, "framing": None}
    targets = summary.targets_met(figures)
    assert targets["publication_dates"]["met"] is True
    assert targets["publication_dates_wrong"] == {"target": 0, "measured": 1, "met": False}
    assert targets["claims_f1"]["met"] is None  # not annotated: neither met nor failed


def test_evaluate_writes_one_split_and_keeps_the_other(tmp_path, capsys):
    texts, corpus, gold = write_dev_corpus(tmp_path)
    out = tmp_path / "accuracy.json"
    base = ["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--corpus", str(corpus)]
    assert cli.main([*base, "--split", "dev", "--summary", str(out)]) == 0
    assert cli.main([*base, "--split", "test", "--summary", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert set(written["splits"]) == {"dev", "test"}
    dev = written["splits"]["dev"]
    assert dev["corpus"] == {"articles": 1, "outlets": 1, "texts_missing": 0}
    assert dev["figures"]["claims"]["gold"] == 1 and dev["figures"]["metadata"]["articles"] == 1
    assert dev["inputs"]["gold"] == hashlib.sha256(gold.read_bytes()).hexdigest()
    assert written["splits"]["test"]["figures"]["claims"] is None  # the test record leaves claims null
    assert "summary of the test split written to" in capsys.readouterr().out


def test_a_missing_text_stops_evaluate_unless_skipped_and_counted(tmp_path, capsys):
    """A partly rebuilt corpus: the text of w1 is gone. By default evaluate names it and stops; with
    --skip-missing it scores the rest, names w1, and the summary and its caption count it."""
    texts, corpus, gold = write_dev_corpus(tmp_path)
    with gold.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"article_id": "w3", "outlet": None, "published": None, "claims": [],
                                 "dated_events": None, "framing": None}) + "\n")
    with corpus.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=dev_corpus.CORPUS_COLUMNS).writerow(
            {"id": "w3", "url": "https://example.org/w3", "query": "q", "rank": "2", "sha256": "0" * 64,
             "outlet": "Outlet w3", "republished_by": "", "country": "AZ", "published": "",
             "published_basis": "unknown", "kind": "news", "split": "dev"})
    (texts / "w1.txt").unlink()
    (texts / "w3.txt").write_text("Two soldiers were killed on Friday, the ministry of defence said.\n", encoding="utf-8")
    base = ["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--corpus", str(corpus), "--split", "dev"]
    assert cli.main(base) != 0
    said = capsys.readouterr()
    assert "gold names w1, whose text is not in" in said.out + said.err and "--skip-missing" in said.out + said.err
    out = tmp_path / "accuracy.json"
    assert cli.main([*base, "--skip-missing", "--summary", str(out)]) == 0
    assert "left out 1 gold record(s) whose text is not in" in capsys.readouterr().out
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["splits"]["dev"]["corpus"] == {"articles": 1, "outlets": 1, "texts_missing": 1}
    assert "1 more article(s) whose text could not be rebuilt" in accuracy.accuracy_caption(written, "dev")


def test_the_summary_also_scores_dates_with_each_articles_address(tmp_path):
    """An article whose text has no date but whose address does (/2020/10/05/): missing from the texts alone,
    right once the build is given the address; the claims and targets stay those of the texts alone."""
    texts, corpus, gold = write_dev_corpus(tmp_path)
    rows = list(csv.DictReader(corpus.open(encoding="utf-8")))
    rows[0]["url"] = "https://example.org/2020/10/05/shelling-martuni"
    (texts / "w1.txt").write_text("Shelling killed three civilians in Martuni, the ministry said.\n", encoding="utf-8")
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=dev_corpus.CORPUS_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    records[0].update(published="2020-10-05", published_basis="external", claims=[])
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "accuracy.json"
    assert cli.main(["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--corpus", str(corpus),
                     "--split", "dev", "--summary", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))["splits"]["dev"]["figures"]
    assert figures["metadata"]["publication_dates"]["missing"] == 1
    assert figures["with_addresses"]["publication_dates"]["right"] == 1
    assert figures["with_addresses"]["publication_dates"]["missing"] == 0
    table = accuracy.accuracy_table(json.loads(out.read_text(encoding="utf-8")), splits=("dev",))
    assert "With each article's web address (a manifest's url): publication dates right" in set(table.iloc[:, 0])


def test_summary_needs_a_split(tmp_path):
    texts, corpus, gold = write_dev_corpus(tmp_path)
    with pytest.raises(SystemExit, match="--summary needs --split"):
        cli.main(["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--summary", str(tmp_path / "a.json")])


def test_the_report_tables_quote_the_test_split_first(tmp_path):
    texts, corpus, gold = write_dev_corpus(tmp_path)
    out = tmp_path / "accuracy.json"
    base = ["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--corpus", str(corpus)]
    for split in ("dev", "test"):
        cli.main([*base, "--split", split, "--summary", str(out)])
    written = json.loads(out.read_text(encoding="utf-8"))
    table = accuracy.accuracy_table(written)
    assert list(table.columns) == ["figure", "test split", "dev split"]
    assert pd.isna(table.set_index("figure").loc["Casualty claims: F1", "test split"])
    caption = accuracy.accuracy_caption(written)
    assert caption.startswith(f"Measured on {written['splits']['test']['measured_on']} on the test split")
    assert "1 real articles from 1 outlets" in caption
    assert accuracy.accuracy_caption(None) == "No accuracy was measured on the test split of the development corpus."
    assert accuracy.targets_table(None).empty


def test_the_readme_block_is_regenerated_between_its_markers(tmp_path):
    texts, corpus, gold = write_dev_corpus(tmp_path)
    out = tmp_path / "accuracy.json"
    cli.main(["evaluate", "--gold", str(gold), "--raw", str(texts), "--no-manifest", "--corpus", str(corpus),
              "--split", "test", "--summary", str(out)])
    written = json.loads(out.read_text(encoding="utf-8"))
    readme = f"# R\n\nbefore\n{accuracy.README_START}stale\n{accuracy.README_END}\nafter\n"
    new = accuracy.readme_with_accuracy(readme, written)
    assert "stale" not in new and new.startswith("# R\n\nbefore\n") and new.endswith("after\n")
    assert "| figure | test split |" in new and "| Publication dates wrong | " in new
    assert accuracy.readme_with_accuracy(new, written) == new
    with pytest.raises(ValueError, match="no <!-- accuracy:start -->"):
        accuracy.readme_with_accuracy("no markers", written)
