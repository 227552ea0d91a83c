"""Raw files: which entries of the raw folder are articles, reading their bytes safely, decoding them honestly.

Raw files are only read, never written. Nothing is dropped without a word:
an entry that is not an article comes back with its reason, for the
``ingest_errors`` table (:func:`refusal`):

- ``skipped``: the folder's own companions (``manifest.csv``, ``SHA256SUMS``
  and other checksum lists, READMEs and licences, other manifests), hidden
  dotfiles (editor, sync and staging debris) and a build's own outputs;
- ``outside_raw``: a link that leads out of the raw folder (never read);
- ``not_a_file``: a folder, named pipe, socket or device (never opened, so a
  pipe cannot hang the build);
- ``unreadable``: a broken link, or a file the system will not let us read.

Decoding (:func:`decode`) says what it did, never guessing silently:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16 without a mark is recognised by its NUL bytes, which fall on every
   other byte (odd positions: little-endian, even: big-endian);
3. valid UTF-8 is UTF-8;
4. UTF-8 with a few bad bytes stays UTF-8: when the file holds at least as
   many valid multi-byte UTF-8 characters as invalid sequences, or its only
   invalid sequence is a character cut off at the very end, each invalid
   sequence becomes U+FFFD and is counted (``articles.decoding_replacements``);
5. only then is the encoding detected (charset-normalizer): a legacy file
   (Latin-1, Windows-1252 ...) has high bytes and no valid multi-byte UTF-8,
   and is flagged as not UTF-8.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from analysis.core import config

SKIPPED_NAMES = {
    config.MANIFEST_NAME: "the manifest (metadata for the articles), not an article",
    "SHA256SUMS": "the raw files' recorded hashes, not an article",
    "build_inputs.json": "a build output (the hashes a build read), not an article",
}
"""Exact names of the raw folder that are not articles, and why."""

CHECKSUM_NAMES = {"SHA1SUMS", "SHA224SUMS", "SHA384SUMS", "SHA512SUMS", "MD5SUMS", "B2SUMS", "CHECKSUMS"}
CHECKSUM_SUFFIXES = (".sha256", ".sha1", ".sha512", ".md5", ".sha256sum", ".md5sum")
DOC_STEMS = ("readme", "licence", "license")
"""File names (lower case, before the first dot) of a folder's own documentation."""

BUILD_OUTPUT_SUFFIXES = (".parquet", ".csv")
PROVENANCE_SUFFIX = ".provenance.json"

NOT_ARTICLES = set(SKIPPED_NAMES) | {"README.md", "README.txt"}
"""Names of the bundled raw folder's files that are not articles (tests and tools list the rest)."""


def printable(text: str) -> str:
    """``text`` with the undecodable bytes of a file name (surrogate escapes) written as ``\\xNN``.

    A name that is not valid UTF-8 reaches Python with lone surrogates, which
    Parquet, CSV and JSON writers refuse; this spelling is safe, readable and
    distinct for distinct names.
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def skip_reason(name: str, folder_names: set[str]) -> str | None:
    """Why the entry ``name`` of the raw folder is not an article (None when it may be one).

    ``folder_names``: every name in the folder, to tell a build's outputs (a
    table beside a ``build_inputs.json``) from an export of the same name.
    """
    if name.startswith("."):
        return "a hidden file (editor, system, sync or staging debris), not an article"
    if name in SKIPPED_NAMES:
        return SKIPPED_NAMES[name]
    lower = name.lower()
    stem = lower.split(".")[0]
    if name.upper() in CHECKSUM_NAMES or lower.endswith(CHECKSUM_SUFFIXES):
        return "a checksum list, not an article"
    if stem in DOC_STEMS:
        return "the folder's own documentation, not an article"
    if stem == "manifest":
        return f"a manifest, not an article (warcov reads only {config.MANIFEST_NAME})"
    if lower.endswith(PROVENANCE_SUFFIX):
        return "a report's provenance record, not an article"
    if "build_inputs.json" in folder_names and lower.endswith(BUILD_OUTPUT_SUFFIXES):
        return "a table a build wrote here (build_inputs.json lies beside it), not an article"
    return None


_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"))


def refusal(path: Path, raw_root: Path, folder_names: set[str]) -> tuple[str, str] | None:
    """(reason, detail) when the raw-folder entry ``path`` must not be read as an article, else None.

    Only ``stat`` is used, never ``open``: a named pipe is refused before
    anything could block on it. ``raw_root`` is the raw folder, resolved.
    """
    name = printable(path.name)
    why = skip_reason(path.name, folder_names)
    if why:
        return "skipped", f"{name} is {why}"
    try:
        link = path.lstat()
        if stat.S_ISLNK(link.st_mode):
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                return "unreadable", f"{name} is a link to {printable(os.readlink(path))}, which does not exist"
            if not target.is_relative_to(raw_root):
                return "outside_raw", (f"{name} is a link to {printable(str(target))}, outside the raw folder; "
                                       "it is not read (copy the file in if it belongs to the corpus)")
        mode = path.stat().st_mode
    except OSError as exc:
        return "unreadable", f"{name} cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "not_a_file", f"{name} is a folder; put article files directly in {printable(str(path.parent))}"
    if not stat.S_ISREG(mode):
        what = next((label for test, label in _SPECIAL if test(mode)), "not a regular file")
        return "not_a_file", f"{name} is {what}, not a file; it is not opened"
    return None


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, opened without blocking and read only if it is (still) a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{printable(path.name)} is not a regular file")
        return handle.read()


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
         (b"\xef\xbb\xbf", "utf-8", "utf-8"), (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"))
"""Byte-order marks (longest first), the codec of the bytes after them, and the encoding recorded."""
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
UTF16_SAMPLE = 8192
UTF16_NUL_SHARE = 0.1
"""Share of the two-byte units of a sample whose one byte is NUL for the sample to be UTF-16 without a mark."""


class Decoded(NamedTuple):
    """A decoded file: its text, the encoding used, and how many invalid sequences became U+FFFD."""

    text: str
    encoding: str
    replacements: int = 0


def bom_encoding(data: bytes) -> tuple[bytes, str, str] | None:
    """The byte-order mark ``data`` starts with, the codec of what follows and the encoding to record."""
    return next((entry for entry in _BOMS if data.startswith(entry[0])), None)


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes of ``data`` fall on one parity (text of mostly
    Latin characters in UTF-16), else None. Binary files have NULs on both."""
    sample = data[:UTF16_SAMPLE - UTF16_SAMPLE % 2]
    sample = sample[:len(sample) - len(sample) % 2]
    units = len(sample) // 2
    if units < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for nul, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nul >= units * UTF16_NUL_SHARE and other * 4 <= nul:
            text, replaced = _replaced(sample, encoding)  # a pair cut at the sample's end gives one
            if replaced <= 1 and len(_CONTROL_CHARS.findall(text)) <= len(text) * 0.05:
                return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text article (UTF-16 and UTF-32 are text)."""
    if bom_encoding(data) or utf16_without_bom(data):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) * 0.05


def _utf8_with_replacements(data: bytes) -> Decoded | None:
    """``data`` as UTF-8 with its invalid sequences replaced, when it is UTF-8 with a few bad bytes."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid_multibyte >= bad > 0:
        return Decoded(text, "utf-8", bad)
    return None


def _replaced(data: bytes, codec: str) -> tuple[str, int]:
    """``data`` decoded with ``codec``, invalid sequences replaced, and how many were."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        strict_part = data.decode(codec, "ignore").count("\ufffd")  # replacement characters really written
        text = data.decode(codec, "replace")
        return text, max(0, text.count("\ufffd") - strict_part)


def decode(data: bytes) -> Decoded | None:
    """Decode raw bytes by the rule of the module docstring; None when no encoding fits."""
    bom = bom_encoding(data)
    if bom:
        mark, codec, encoding = bom
        text, replaced = _replaced(data[len(mark):], codec)
        return Decoded(text, encoding, replaced)
    codec = utf16_without_bom(data)
    if codec:
        text, replaced = _replaced(data, codec)
        return Decoded(text, codec, replaced)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # only the last character was cut off: still UTF-8
            return Decoded(data[:exc.start].decode("utf-8") + "\ufffd", "utf-8", 1)
    mostly_utf8 = _utf8_with_replacements(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None
    return Decoded(str(best), best.encoding)
