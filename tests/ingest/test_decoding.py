"""Honest decoding (analysis.ingest.files.decode): UTF-8 with a few bad bytes stays UTF-8 and is counted,
UTF-16 without a byte-order mark is found, a legacy file is still detected and flagged."""

from __future__ import annotations

import pytest

from analysis.ingest import corpus
from analysis.ingest.files import decode, looks_binary

CURLY = "The minister’s office said “two villages” were shelled on Monday; it’s the third time this week.\n"


def test_clean_utf8_is_utf8_with_no_replacement():
    assert decode(CURLY.encode("utf-8")) == (CURLY, "utf-8", 0)


def test_a_few_bad_bytes_leave_utf8_with_counted_replacements():
    data = CURLY.encode("utf-8").replace(b"third", b"th\xffird").replace(b"Monday", b"Mon\xc3day")
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.replacements == 2
    assert "minister’s" in decoded.text and "it’s" in decoded.text  # every apostrophe survives
    assert decoded.text.count("\ufffd") == 2


def test_a_character_cut_off_at_the_end_stays_utf8():
    data = b"Shelling went on through the night, officials said: " + "“".encode("utf-8")[:2]
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.replacements == 1 and decoded.text.endswith("said: \ufffd")


def test_a_replacement_character_already_in_the_text_is_not_counted():
    decoded = decode("A sign read \ufffd here; it’s late.".encode("utf-8") + b"\xff")
    assert decoded.encoding == "utf-8" and decoded.replacements == 1 and decoded.text.count("\ufffd") == 2


def test_a_legacy_file_without_multibyte_utf8_is_detected_and_flagged():
    decoded = decode("The Défense ministry said the café was closed on Friday.\n".encode("latin-1"))
    assert decoded.encoding != "utf-8" and "Défense" in decoded.text and decoded.replacements == 0


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text_not_binary(codec):
    data = CURLY.encode(codec)
    assert not looks_binary(data)
    assert decode(data) == (CURLY, codec, 0)


@pytest.mark.parametrize("codec,recorded", [("utf-16", "utf-16"), ("utf-32", "utf-32"), ("utf-8-sig", "utf-8")])
def test_a_byte_order_mark_decides(codec, recorded):
    decoded = decode(CURLY.encode(codec))
    assert (decoded.text, decoded.encoding) == (CURLY, recorded)


def test_binary_with_nuls_everywhere_stays_binary():
    assert looks_binary(bytes(range(256)) * 8)
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_the_articles_table_carries_the_count_and_a_flag(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bad.txt").write_bytes(CURLY.encode("utf-8").replace(b"third", b"th\xfe\xffird"))
    (raw / "good.txt").write_text("Two soldiers were wounded near the border on Tuesday, the army said.\n",
                                  encoding="utf-8")
    (raw / "wide.txt").write_bytes("A convoy reached the village on Saturday, the mayor said.\n".encode("utf-16-le"))
    articles, errors = corpus.load_articles(raw)
    assert errors.empty
    by_id = articles.set_index("article_id")
    assert (by_id.loc["bad", "encoding"], by_id.loc["bad", "decoding_replacements"]) == ("utf-8", 2)
    assert "2 invalid byte sequence(s) replaced by U+FFFD" in by_id.loc["bad", "flags"]
    assert by_id.loc["good", "decoding_replacements"] == 0 and "U+FFFD" not in by_id.loc["good", "flags"]
    assert by_id.loc["wide", "encoding"] == "utf-16-le" and "convoy" in by_id.loc["wide", "text"]
    assert str(articles["decoding_replacements"].dtype) == "int64"


def test_utf16_without_a_bom_counts_only_its_own_bad_units():
    text = "A sign read \ufffd here; it’s late.\n"
    decoded = decode(text.encode("utf-16-le") + b"\x00\xd8")  # a surrogate pair cut off at the end
    assert decoded.encoding == "utf-16-le" and decoded.replacements == 1 and decoded.text.startswith(text)


def test_lone_surrogates_of_a_json_export_become_replacement_characters(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "export.jsonl").write_text('{"article_id": "j1", "title": "Night \\ud800 shelling", '
                                      '"text": "Shelling went on \\udfff through the night in the town."}\n',
                                      encoding="utf-8")
    articles, errors = corpus.load_articles(raw)
    row = articles.set_index("article_id").loc["j1"]
    assert "on \ufffd through" in row["text"] and "\\ud800" in row["title"]
    articles.to_parquet(tmp_path / "articles.parquet")  # no surrogate left for the writer to refuse
