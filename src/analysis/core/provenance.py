"""Where a result came from: input hashes, code version, parameters, libraries.

A report states these so that a reader can get the same report back: the
SHA-256 of every raw file and processed table, the package version and git
commit (and whether the tree had uncommitted changes), the lock file's hash,
key library versions, and the parameters. ``report_id`` condenses them into a
short id a paper can quote. ``data/raw/SHA256SUMS`` records the raw corpus so a
build can tell when raw data changed.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from importlib import metadata
from pathlib import Path

from analysis import __version__
from analysis.core import config
from analysis.core.catalog import part_files
from analysis.core.catalog import read_table
from analysis.core.catalog import table_rows
from analysis.core.catalog import processed_dir as resolve_processed
from analysis.core.catalog import snapshot

SUMS_NAME = "SHA256SUMS"
BUILD_INPUTS = "build_inputs.json"
KEY_LIBRARIES = ("pandas", "numpy", "pyarrow", "matplotlib", "scikit-learn", "papermill", "nbconvert", "nbclient", "ipykernel")


class RawDataChanged(RuntimeError):
    """A raw file no longer matches ``SHA256SUMS``."""


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (an entry of the folder ``root``, resolved) is no link, or a link whose final target
    exists and lies inside ``root``: a link out of the folder (``raw/passwd.txt -> /etc/passwd``) or a
    dangling one is not the folder's file, and is never opened (the ingest refuses it as ``outside_raw``)."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop
        return False
    return target.is_relative_to(root)


def file_hashes(folder: str | Path, pattern: str = "*") -> dict[str, str]:
    """``{file name: sha256}`` of the regular files in ``folder`` (sorted, no dot files).

    A Parquet dataset folder (``name.parquet/part-NNNNN.parquet``, a table written part by part) counts as one
    file: its hash is :func:`dataset_digest`, so a report cites a table whatever form it was written in.
    A link is followed only when it leads to a file inside ``folder`` (:func:`inside`): a link out of it is
    left out (never opened), as the ingest refuses it (``outside_raw``); named pipes, sockets and devices
    are no regular files and are left out too.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    root = folder.resolve()
    hashes = {}
    for p in sorted(folder.glob(pattern)):
        if p.name.startswith(".") or not inside(p, root):
            continue
        if p.is_file():
            hashes[p.name] = sha256_file(p)
        elif p.is_dir() and p.suffix == ".parquet" and part_files(p):
            hashes[p.name] = dataset_digest(p)
    return hashes


def dataset_digest(dataset: str | Path) -> str:
    """SHA-256 of a dataset folder: of the ``<hash>  <part name>`` lines of its parts, in part-number order."""
    listing = "".join(f"{sha256_file(part)}  {part.name}\n" for part in part_files(Path(dataset)))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def read_sums(path: Path) -> dict[str, str]:
    sums = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or len(parts[0]) != 64:
            raise RawDataChanged(f"{path} line {number}: expected '<sha256>  <file name>', got {line!r}")
        sums[parts[1].lstrip("*").strip()] = parts[0].lower()
    return sums


class UnlistableName(ValueError):
    """A raw file name that cannot be written on one line of ``SHA256SUMS`` (it holds a line break)."""


def sums_name(name: str, strict: bool = True) -> str:
    """How a file name is written in ``SHA256SUMS``: as it is when it is valid UTF-8; a name that is not
    (it reaches Python with surrogate escapes) has each undecodable byte written as ``\\xNN``, as in the
    ingest's messages (:func:`analysis.ingest.files.printable` spells them the same way), so the file stays
    valid UTF-8 and the line names the file readably. A name with a line break raises :class:`UnlistableName`
    naming it (with ``strict`` False, when checking, it is spelled with ``\\n`` and matches no line)."""
    try:
        spelled = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        spelled = name.encode("utf-8", "backslashreplace").decode("utf-8")
    if ("\n" in spelled or "\r" in spelled) and not strict:  # checking: such a name is never listed
        return spelled.replace("\n", "\\n").replace("\r", "\\r")
    if "\n" in spelled or "\r" in spelled:
        raise UnlistableName(f"{spelled!r}: a raw file name with a line break cannot be listed in {SUMS_NAME}; "
                             "rename the file")
    return spelled


def _sums_listing(hashes: dict[str, str], strict: bool = True) -> dict[str, str]:
    """``{name as written in SHA256SUMS: sha256}``; two names spelled alike raise :class:`UnlistableName`
    (``strict``, when writing)."""
    listed: dict[str, str] = {}
    for name, digest in hashes.items():
        spelled = sums_name(name, strict)
        if spelled in listed and strict:
            raise UnlistableName(f"two raw files are both written {spelled!r} in {SUMS_NAME} (one name is not "
                                 "valid UTF-8 and the other spells its bytes out); rename one of them")
        listed[spelled] = digest
    return listed


def write_raw_sums(raw_dir: str | Path | None = None) -> Path:
    """Write ``SHA256SUMS`` for every file of the raw folder (``sha256sum`` format, names by :func:`sums_name`).

    A file name that is not valid UTF-8 is written with its undecodable bytes as ``\\xNN``; a name that
    cannot be listed raises :class:`UnlistableName` (a one-line error on the command line), and the
    previous ``SHA256SUMS`` is left as it was.
    """
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    hashes = _sums_listing({n: h for n, h in file_hashes(raw).items() if n != SUMS_NAME})
    target = raw / SUMS_NAME
    target.write_text("".join(f"{h}  {n}\n" for n, h in hashes.items()), encoding="utf-8")
    return target


def verify_raw_sums(raw_dir: str | Path) -> list[str]:
    """Check the raw folder against its ``SHA256SUMS`` (if it has one).

    Raises :class:`RawDataChanged` naming each changed or missing file;
    returns the names of files present but not listed (new articles).
    """
    raw = Path(raw_dir)
    sums_path = raw / SUMS_NAME
    if not sums_path.exists():
        return []
    expected = read_sums(sums_path)
    actual = _sums_listing({n: h for n, h in file_hashes(raw).items() if n != SUMS_NAME}, strict=False)
    problems = [f"{n}: missing" for n in expected if n not in actual]
    problems += [f"{n}: content changed" for n, h in expected.items() if n in actual and actual[n] != h]
    if problems:
        raise RawDataChanged(
            f"{sums_path} does not match the raw folder ({'; '.join(problems)}); raw data is never rewritten — "
            "restore the files, or if the change is deliberate run `python -m analysis sums` to record it"
        )
    return sorted(n for n in actual if n not in expected)


def _git(*args: str) -> str | None:
    """git about the code's own checkout; None for an installed package (never the user's project repository)."""
    if config.CHECKOUT is None:
        return None
    try:
        out = subprocess.run(["git", *args], cwd=config.CHECKOUT, capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def code_version() -> dict:
    """Package version, git commit and whether tracked files had uncommitted changes."""
    commit = _git("rev-parse", "HEAD")
    status = _git("status", "--porcelain", "--untracked-files=no")
    commit_date = _git("log", "-1", "--format=%cs") if commit else None
    return {
        "package": "warcov",
        "version": __version__,
        "git_commit": commit,
        "git_commit_date": commit_date,
        "uncommitted_changes": bool(status) if status is not None else None,
    }


def library_versions() -> dict[str, str]:
    versions = {}
    for name in KEY_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    import platform

    versions["python"] = platform.python_version()
    return versions


def notebook_source_hash(notebook: str | Path) -> str:
    """SHA-256 of a notebook's cell types and sources (outputs and metadata ignored).

    Not the hash of the file's bytes (``sha256sum`` gives another value): it
    is the SHA-256 of ``json.dumps([[cell_type, source], ...])``, so it changes
    when a cell's code or text changes, not when the notebook is run or saved
    with outputs.
    """
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    canonical = json.dumps([[c.get("cell_type"), "".join(c.get("source", ""))] for c in cells])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# Parameters naming a file whose content shapes a report, with the file used when the parameter is null.
# Both are hashed into the record (``inputs.parameter_files``) and so into the report id.
PARAMETER_FILE_DEFAULTS: dict[str, Path | None] = {
    "gold_file": config.GOLD_FILE,  # report 02: the bundled annotated sample
    "lexicon_file": None,  # report 04: None means the bundled labels.csv (part of the package, covered by the commit)
    "background_file": None,  # report 04: None means the pooled corpus (no file)
}


def _display_path(path: Path) -> str:
    """``path`` relative to the project root or to the shipped files when inside them (stable across checkouts
    and installs), else absolute."""
    for base in (config.ROOT, config.SHIPPED_DIR):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return str(path)


def parameter_files(parameters: dict) -> dict[str, dict]:
    """``{parameter: {"path", "sha256", "default"}}`` for every ``*_file`` parameter that names a file.

    A null parameter with a default file (``gold_file`` -> the bundled gold)
    records that default file. A named file that cannot be read is recorded
    with ``sha256`` None (the notebook then reports the problem itself).
    """
    found = {}
    for name in sorted(parameters):
        if not name.endswith("_file"):
            continue
        value, default = parameters[name], False
        if value in (None, ""):
            value, default = PARAMETER_FILE_DEFAULTS.get(name), True
            if value is None:
                continue
        path = Path(value).expanduser()
        digest = sha256_file(path) if path.is_file() else None
        found[name] = {"path": _display_path(path), "sha256": digest, "default": default}
    return found


def latest_publication_date(processed: Path) -> str | None:
    """Latest ``published`` date in the processed ``articles`` table (ISO text), None when none is known."""
    table = processed / "articles.parquet"
    if not table.exists():
        return None
    try:
        published = read_table(table, columns=["published"])["published"].dropna()
    except (OSError, ValueError, KeyError):
        return None
    return str(max(published)) if len(published) else None


def article_count(processed: Path) -> int | None:
    """Number of rows of the processed ``articles`` table, None when it is not built."""
    table = processed / "articles.parquet"
    if not table.exists():
        return None
    return table_rows(table)


def provenance_record(parameters: dict, raw_dir: str | Path | None = None, processed_dir: str | Path | None = None,
                      notebook: str | Path | None = None) -> dict:
    """Everything a reader needs to reproduce a result, as a JSON-ready dict.

    The raw hashes are those recorded by the build in ``build_inputs.json``
    (else those of ``raw_dir``). Files named by ``*_file`` parameters (and the
    default file used when such a parameter is null) are hashed too
    (``inputs.parameter_files``). Tables are hashed in the build that
    ``current`` names when the record is made (:func:`~analysis.core.catalog.snapshot`),
    a table written as parts by its :func:`dataset_digest`. ``data`` gives the articles table's size and
    latest publication date (the data's own date, as opposed to the code
    commit date); it is derived from the hashed inputs and not part of the id.

    ``notebook`` adds the hash of the report's notebook *cell sources*
    (:func:`notebook_source_hash`, outputs and metadata ignored), so an edited
    notebook gives a new report id even before it is committed, while running
    it in Jupyter (which rewrites outputs and metadata) does not.
    """
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    processed = snapshot(resolve_processed(processed_dir))  # one build's tables, even while another swaps in
    built_from = processed / BUILD_INPUTS
    if built_from.exists():  # the raw files the tables were really built from
        raw_hashes = json.loads(built_from.read_text(encoding="utf-8"))["raw"]
    else:
        raw_hashes = {n: h for n, h in file_hashes(raw).items() if n != SUMS_NAME}
    lock = config.LOCK_FILE
    record = {
        "code": code_version(),
        "parameters": {k: parameters[k] for k in sorted(parameters)},
        "inputs": {
            "raw": raw_hashes,
            "processed": file_hashes(processed, "*.parquet"),
            "parameter_files": parameter_files(parameters),
        },
        "data": {
            "articles": article_count(processed),
            "latest_published": latest_publication_date(processed),
        },
        "lock_file_sha256": sha256_file(lock) if lock.exists() else None,
        "libraries": library_versions(),
    }
    if notebook is not None:
        record["inputs"]["notebook_cell_sources"] = {Path(notebook).name: notebook_source_hash(notebook)}
    record["report_id"] = report_id(record)
    return record


def listing_digest(hashes: dict[str, str]) -> str:
    """SHA-256 of the ``sha256sum``-style listing of ``hashes`` (``<hash>  <name>`` lines, sorted by name).

    One hash that stands for a whole folder of inputs, for a page that cannot
    list thousands of files; the listing itself is in the provenance record.
    """
    listing = "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def report_id(record: dict) -> str:
    """A short id from code, parameters, inputs and environment (not the time)."""
    basis = {k: record[k] for k in ("code", "parameters", "inputs", "lock_file_sha256", "libraries") if k in record}
    digest = hashlib.sha256(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()
    return f"warcov-{digest[:12]}"
