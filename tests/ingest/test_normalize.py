"""Normalization (analysis.ingest.normalize): debris leaves the text, meaning and every gold evidence span stay."""

from __future__ import annotations

from analysis.ingest.normalize import normalize_text


def test_normalization_drops_debris_and_keeps_meaning(seed_articles):
    by_id = seed_articles.set_index("article_id")
    asbarez = by_id.loc["000_8c9caf51e7030ae7", "text"]
    assert asbarez.count("The smoke-filled skies of Stepanakert after being bombed by Azerbaijan") == 1
    assert asbarez.count("Remnants of a cluster bomb") == 1
    assert "120733763_798834487619147" not in asbarez and "VIEW GALLERY" not in asbarez
    assert "Azerbaijani targeted homes in Hadrut" in asbarez
    assert "\u00a0" not in asbarez
    rt = by_id.loc["003_98ca3b664c01957a", "text"]
    for debris in ("Think your friends would be interested", "Source link", "Also on"):
        assert debris not in rt
    assert "What you need to know about bloody conflict" in rt  # RT's own related headline stays
    assert "inflicting no casualties" in rt
    # every gold evidence span survives normalization verbatim
    assert "injuring scores of civilians" in asbarez


def test_gold_evidence_is_found_in_normalized_text(seed_articles, gold):
    texts = seed_articles.set_index("article_id")["text"]
    for record in gold:
        for claim in record["claims"]:
            assert claim["evidence"].lower() in texts[record["article_id"]].lower(), claim["evidence"]


def test_normalize_text_rules():
    raw = "Title\r\n\r\nPhoto caption\nPhoto caption\nBody\u00a0text here.\nRead also:\nAnother story headline\nIMG_2041.jpg shows it\nShare this story!\n"
    assert normalize_text(raw) == "Title\nPhoto caption\nBody text here.\nAnother story headline\nshows it"
