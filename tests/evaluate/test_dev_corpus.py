"""evaluate.dev_corpus and evaluate.agreement, on texts written here (never the real development texts)."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest

from analysis.core import config
from analysis.evaluate import agreement, dev_corpus

TEXT = "Shelling killed three civilians in Martuni on Friday. Two soldiers were wounded overnight."


def write_corpus(tmp_path, rows):
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=dev_corpus.CORPUS_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def row(article_id, sha, split="dev"):
    return {"id": article_id, "url": f"https://example.org/{article_id}", "query": "q", "rank": "1", "sha256": sha,
            "outlet": "Example", "republished_by": "", "country": "US", "published": "2020-10-02",
            "published_basis": "byline", "kind": "news", "split": split}


def test_status_tells_present_missing_and_changed_texts(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "x1.txt").write_text(TEXT, encoding="utf-8")
    (texts / "x2.txt").write_text(TEXT + " Edited.", encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    rows = dev_corpus.read_corpus(write_corpus(tmp_path, [row("x1", sha), row("x2", sha, "test"), row("x3", sha)]))
    states = {s.id: s.state for s in dev_corpus.status(rows, texts)}
    assert states == {"x1": "present", "x2": "changed", "x3": "missing"}
    report = dev_corpus.format_status(dev_corpus.status(rows, texts), texts)
    assert "1 texts present" in report and "1 missing, 1 changed" in report
    assert "missing  x3.txt  rank 1 of query 'q'" in report
    assert dev_corpus.split_ids(rows, "test") == {"x2"}


def test_a_bad_split_names_the_row(tmp_path):
    path = write_corpus(tmp_path, [row("x1", "0" * 64, split="train")])
    with pytest.raises(dev_corpus.DevCorpusError, match="row 2: split 'train'"):
        dev_corpus.read_corpus(path)


def test_gold_offsets_become_the_spans_the_scorers_read(tmp_path):
    (tmp_path / "x1.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index("three civilians")
    record = {"article_id": "x1", "claims": [{"count": 3, "evidence_start": start, "evidence_end": start + 15}],
              "dated_events": [{"expression_start": TEXT.index("on Friday"), "expression_end": TEXT.index("on Friday") + 9}],
              "framing": None}
    filled = dev_corpus.gold_with_text([record], tmp_path)[0]
    assert filled["claims"][0]["evidence"] == "three civilians"
    assert filled["dated_events"][0]["expression"] == "on Friday"
    bad = dict(record, claims=[{"evidence_start": 5, "evidence_end": 500}])
    with pytest.raises(dev_corpus.DevCorpusError, match="outside the text"):
        dev_corpus.gold_with_text([bad], tmp_path)


def claim(count, outcome="killed", side="armenian", vague=None):
    return {"count": count, "vague": vague, "outcome": outcome, "side": side}


def test_agreement_matches_claims_one_to_one_and_events_by_overlap():
    first = [{"article_id": "a", "published": "2020-10-02",
              "claims": [claim(3), claim(3), claim(2, "wounded", "azerbaijani")],
              "dated_events": [{"expression_start": 0, "expression_end": 9, "date": "2020-10-02"},
                               {"expression_start": 20, "expression_end": 29, "date": "2020-10-01"}]}]
    second = [{"article_id": "a", "published": "2020-10-02",
               "claims": [claim(3), claim(2, "wounded", "unspecified")],
               "dated_events": [{"expression_start": 3, "expression_end": 12, "date": "2020-10-02"},
                                {"expression_start": 22, "expression_end": 25, "date": "2020-09-30"}]},
              {"article_id": "not-in-first", "claims": [claim(1)], "dated_events": []}]
    result = agreement.agreement(first, second)
    assert result.articles == 1
    assert (result.claims_matched, result.claims_matched_no_side) == (1, 2)
    assert result.claims_f1 == pytest.approx(2 * 1 / 5)
    assert (result.events_overlapping, result.events_same_day) == (2, 1)
    assert result.published_same == 1
    assert "claims: 3 and 2, matched 1" in agreement.format_agreement(result)


def test_sections_left_null_are_skipped():
    first = [{"article_id": "a", "claims": None, "dated_events": [], "published": None}]
    second = [{"article_id": "a", "claims": [claim(1)], "dated_events": [], "published": None}]
    result = agreement.agreement(first, second)
    assert (result.claims_first, result.claims_second) == (0, 0) and result.claims_f1 is None


def test_the_committed_corpus_list_and_gold_agree():
    """The list and its gold, as committed (the texts themselves are not needed)."""
    rows = dev_corpus.read_corpus(config.DEV_CORPUS_FILE)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) >= 120
    assert len({r["outlet"] for r in rows}) >= 35
    assert all(len(r["sha256"]) == 64 for r in rows)
    gold = [json.loads(line) for line in config.DEV_GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(g["article_id"] for g in gold) == sorted(ids)
    sha = {r["id"]: r["sha256"] for r in rows}
    assert all(g["sha256"] == sha[g["article_id"]] for g in gold)
    for g in gold:  # offsets only: no copied text in git
        assert all("evidence" not in c for c in g["claims"] or [])
        assert all("expression" not in e for e in g["dated_events"] or [])


def test_evaluate_reads_offset_gold_and_skips_null_sections(tmp_path):
    """The seeds' gold rewritten as the development corpus writes it scores the same; null sections are skipped."""
    from analysis.evaluate import suite

    records = suite.load_gold(config.GOLD_FILE)
    offsets = []
    for record in records:
        text = (config.RAW_DIR / f"{record['article_id']}.txt").read_text(encoding="utf-8")
        claims = []
        for c in record["claims"]:
            start = text.find(c["evidence"])
            assert start >= 0, c["evidence"]
            rest = {k: v for k, v in c.items() if k != "evidence"}
            claims.append(dict(rest, evidence_start=start, evidence_end=start + len(c["evidence"])))
        offsets.append(dict(record, claims=claims))
    offsets[0] = dict(offsets[0], framing=None, dated_events=None)
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in offsets), encoding="utf-8")
    baseline = suite.run(config.GOLD_FILE, config.RAW_DIR)
    report = suite.run(path, config.RAW_DIR)
    claims_section = lambda text: text.split("== Casualty claims ==")[1].split("== Dated events ==")[0]
    assert claims_section(report) == claims_section(baseline)
    assert f"framing: {len(records) - 1} gold article(s)" in report
    assert f"framing: {len(records)} gold article(s)" in baseline


def test_an_article_with_no_predicted_source_scores_as_not_found():
    from analysis.evaluate.framing_scoring import score_framing
    import pandas as pd

    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["No one is quoted here."]})
    gold = [{"article_id": "a", "framing": {"region_names": {}, "hedges": [],
                                           "sources": [{"name": "Defence Ministry", "side": "armenian"}]}}]
    empty = pd.DataFrame({"article_id": pd.Series([], dtype=object), "source": pd.Series([], dtype=object),
                          "side": pd.Series([], dtype=object)})
    score = score_framing(gold, articles, sources=empty)
    assert score["source_recall"] == 0 and score["sources"][0]["found"] is False
