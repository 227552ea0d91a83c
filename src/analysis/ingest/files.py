"""Raw article files: listing the raw folder, reading bytes, telling text from binary, decoding.

Raw files are only read, never written. A file that cannot be read is not
dropped: it comes back with the reason, for the ``ingest_errors`` table.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from analysis.core import config

NOT_ARTICLES = {config.MANIFEST_NAME, "SHA256SUMS", "README.md", "README.txt"}
"""Files of the raw folder that are not articles."""


@dataclass
class RawFile:
    """One file of the raw folder: its bytes, or why they could not be read (reason, detail)."""

    path: Path
    data: bytes | None
    error: tuple[str, str] | None = None

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None


def iter_raw_files(raw_dir: Path) -> Iterator[RawFile]:
    """Yield every candidate article file in ``raw_dir`` (sorted), read as bytes."""
    for path in sorted(raw_dir.iterdir()):
        if path.name in NOT_ARTICLES or path.name.startswith("."):
            continue
        if path.is_dir():
            yield RawFile(path, None, ("not_a_file", f"{path.name} is a folder; put article files directly in {raw_dir}"))
            continue
        try:
            yield RawFile(path, path.read_bytes())
        except OSError as exc:
            yield RawFile(path, None, ("unreadable", f"{path.name} cannot be read: {exc.strerror or exc}"))


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text article."""
    if data[:2] in _UTF16_BOMS:
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode as UTF-8 (BOM allowed), else the encoding charset-normalizer detects."""
    try:
        if data[:2] in _UTF16_BOMS:
            return data.decode("utf-16"), "utf-16"
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding
