"""Fuzz benchmark: a folder of hostile raw files, built, with per-kind time, peak memory, crashes and files lost.

    .venv/bin/python benchmarks/bench_fuzz.py                      # 500 files, every kind
    .venv/bin/python benchmarks/bench_fuzz.py --files 10000 --size unbroken_line=200000 --json fuzz.json
    .venv/bin/python benchmarks/bench_fuzz.py --kinds sunday dots --files 20 --size sunday=100000

The generator (:data:`KINDS`) writes ``--files`` files, the kinds taking turns:
seed articles (``data/raw``) mutated by byte flips, truncation in the middle of
a character, Unicode controls, combining marks, NUL bytes, BOMs, huge numbers
and dates of year 1 or 9999; random bytes; UTF-16 and Latin-1; empty files;
and pages of one repeated word, of punctuation, of one unbroken line, of
numbers with "killed", of "Sunday " or a place name repeated, of dots and of
hyphenated words. A manifest gives some of them a publication date outside
the window (year 1, year 9999). The long kinds take a size in bytes
(``--size KIND=BYTES``; each file is between a tenth of it and all of it):
keep them small until their cost is linear.

Then, each in a fresh process:

1. ``python -m analysis build`` over the folder: exit code, seconds, peak
   resident memory, and the accounting: every file must be in ``articles``,
   ``ingest_errors`` or ``extraction_errors``; any other is *lost*.
2. a timed build (:class:`analysis.build.isolation.Isolation` with
   ``one_by_one``) for each article's extraction seconds, plus each file's
   ingest seconds on its own (``--ingest-sample`` files per kind, the largest
   first): the slowest article of each kind, and its seconds per 100 KB.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]
PLACES = ["Stepanakert", "Ganja", "Tartar", "Martuni", "Hadrut", "Barda", "Shusha", "Fizuli"]
WORDS = ["war", "shelling", "ministry", "soldiers", "civilians", "killed", "wounded", "Sunday", "Ganja", "drone",
         "ceasefire", "artillery", "reported", "statement", "village", "region"]
CONTROLS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\x07", "\x1b",
            "\x0b", "\x0c", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u00ad", "\ufffe"]
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’—–…·•"

LONG_SIZES = {"repeated_word": 20_000, "punctuation": 20_000, "unbroken_line": 20_000, "killed_numbers": 5_000,
              "sunday": 5_000, "place_repeated": 10_000, "dots": 5_000, "hyphenated": 10_000}
"""Default size in bytes of the largest file of each long kind (``--size KIND=BYTES``)."""


def _seed(rng: random.Random) -> str:
    return rng.choice(SEEDS)


def _insert(rng: random.Random, text: str, pieces: list[str], times: int) -> str:
    chars = list(text)
    for _ in range(times):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(pieces))
    return "".join(chars)


def byte_flips(rng, size):
    data = bytearray(_seed(rng).encode("utf-8"))
    for _ in range(rng.randint(1, 40)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncated(rng, size):
    data = (_seed(rng) + " Café – “quoted” ёж").encode("utf-8")
    inside = [i for i, b in enumerate(data) if 0x80 <= b < 0xC0]  # continuation bytes: a cut there splits a character
    return data[:rng.choice(inside)]


def controls(rng, size):
    return _insert(rng, _seed(rng), CONTROLS, rng.randint(20, 300)).encode("utf-8")


def combining(rng, size):
    marks = [chr(c) for c in range(0x300, 0x370)]
    text = "".join(ch + "".join(rng.choice(marks) for _ in range(rng.randint(1, 30))) if ch.isalpha()
                   and rng.random() < 0.2 else ch for ch in _seed(rng))
    return text.encode("utf-8")


def nul(rng, size):
    data = _seed(rng).encode("utf-8")
    if rng.random() < 0.3:
        return b"\x00".join(bytes([b]) for b in data)
    return _insert(rng, data.decode("utf-8"), ["\x00"], rng.randint(1, 50)).encode("utf-8")


def bom(rng, size):
    text = _seed(rng)
    boms = ["\ufeff", "\ufeff\ufeff"]
    choice = rng.randrange(4)
    if choice == 0:
        return ("\ufeff" + text).encode("utf-8")
    if choice == 1:
        return b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode("utf-8")
    if choice == 2:
        return _insert(rng, text, boms, rng.randint(1, 10)).encode("utf-8")
    return b"\xff\xfe\x00\x00" + text.encode("utf-8")  # a UTF-32 BOM before UTF-8 text


def huge_numbers(rng, size):
    def huge(_):
        return rng.choice(["9223372036854775808", "18446744073709551616", "1" + "0" * rng.randint(19, 400),
                           "{:,}".format(10 ** rng.randint(8, 40))])
    text = re.sub(r"\b\d+\b", huge, _seed(rng))
    lead = f"{huge(None)} soldiers were killed and {huge(None)} civilians were wounded on Sunday.\n\n"
    return (lead + text).encode("utf-8")


def dates_out_of_range(rng, size):
    header = rng.choice([" date 0001-01-03", " date 0001-01-01", " date 9999-12-31", " date 1899-12-31"])
    return f"{header}\n{_seed(rng)}\nOn Sunday and 999 weeks ago 3 soldiers were killed.\n".encode("utf-8")


def random_bytes(rng, size):
    return rng.randbytes(rng.randint(1, 4000))


def utf16(rng, size):
    text = _seed(rng)
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))


def latin1(rng, size):
    text = _seed(rng).replace("e", rng.choice(["é", "è", "ë"]), 20).replace("a", "à", 10)
    return text.encode(rng.choice(["latin-1", "cp1252"]), errors="replace")


def empty(rng, size):
    return rng.choice([b"", b" ", b"\n\n\n", b"\t \r\n", b"\xef\xbb\xbf"])


def _repeat(unit: str, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


def _size(rng, size):
    return rng.randint(max(size // 10, 1), size)


def repeated_word(rng, size):
    return _repeat(rng.choice(WORDS) + " ", _size(rng, size))


def punctuation(rng, size):
    return "".join(rng.choice(PUNCTUATION + " \n") for _ in range(_size(rng, size))).encode("utf-8")


def unbroken_line(rng, size):
    n = _size(rng, size)
    text = ""
    while len(text) < n:
        text += _seed(rng).replace("\n", " ") + " "
    return text[:n].encode("utf-8")


def killed_numbers(rng, size):
    n = _size(rng, size)
    parts, total = [], 0
    while total < n:
        part = f"{rng.randint(1, 999)} {rng.choice(['killed', 'soldiers killed', 'civilians were killed', 'wounded'])}"
        parts.append(part)
        total += len(part) + 2
    return ", ".join(parts)[:n].encode("utf-8")


def sunday(rng, size):
    return _repeat("Sunday ", _size(rng, size))


def place_repeated(rng, size):
    return _repeat(rng.choice(PLACES) + " ", _size(rng, size))


def dots(rng, size):
    return _repeat(".", _size(rng, size))


def hyphenated(rng, size):
    n = _size(rng, size)
    text = ""
    while len(text) < n:
        text += rng.choice(WORDS) + "-"
    return text[:n].encode("utf-8")


KINDS = {f.__name__: f for f in (byte_flips, truncated, controls, combining, nul, bom, huge_numbers,
                                  dates_out_of_range, random_bytes, utf16, latin1, empty, repeated_word, punctuation,
                                  unbroken_line, killed_numbers, sunday, place_repeated, dots, hyphenated)}
"""Each kind of hostile file: a function of a random generator and a size in bytes (used by the long kinds)."""


def make_corpus(target: Path, files: int, kinds: list[str], sizes: dict[str, int], seed: int = 16) -> dict[str, str]:
    """Write ``files`` hostile files into ``target`` (the kinds taking turns); file name -> kind.

    A ``manifest.csv`` dates some ``dates_out_of_range`` files in year 1 or 9999.
    """
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}
    manifest = ["article_id,published"]
    for i in range(files):
        kind = kinds[i % len(kinds)]
        name = f"{kind}-{i:05d}.txt"
        (target / name).write_bytes(KINDS[kind](rng, sizes.get(kind, 0)))
        made[name] = kind
        if kind == "dates_out_of_range" and rng.random() < 0.5:
            manifest.append(f"{name[:-4]},{rng.choice(['0001-01-01', '9999-12-31', '2020-10-05'])}")
    if len(manifest) > 1:
        (target / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return made


SRC = ROOT / "src"
"""The source tree built with (``--src``: another checkout's, to compare before and after)."""


def _env() -> dict[str, str]:
    return {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}


def run_build(raw: Path, out: Path) -> dict:
    """``python -m analysis build`` in a fresh process: exit code, seconds, peak memory, the last stderr line."""
    started = time.perf_counter()
    proc = subprocess.run([PYTHON, "-m", "analysis", "-q", "build", "--raw", str(raw), "--out", str(out),
                           "--no-check-sums"], capture_output=True, text=True, cwd=ROOT, env=_env())
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far: this one
    tail = (proc.stderr.strip().splitlines() or [""])[-1]
    return {"exit": proc.returncode, "seconds": round(seconds, 1), "peak_mb": round(peak_mb), "error": tail,
            "summary": proc.stdout.strip()}


def accounting(out: Path, made: dict[str, str]) -> dict:
    """Which files reached which table; the files in none of them are lost."""
    import pandas as pd

    def files(name):
        path = out / f"{name}.parquet"
        return set(pd.read_parquet(path, columns=["source_file"])["source_file"].dropna()) if path.exists() else set()

    articles, ingest, extraction = files("articles"), files("ingest_errors"), files("extraction_errors")
    lost = sorted(set(made) - articles - ingest - extraction)
    return {"articles": articles, "ingest_errors": ingest, "extraction_errors": extraction, "lost": lost}


TIMER = r"""
import json, sys, tempfile, time, shutil
from pathlib import Path
from analysis.build import isolation, pipeline
from analysis.ingest import corpus
raw, sample, seeds = Path(sys.argv[1]), json.loads(sys.argv[2]), Path(sys.argv[3])
pipeline.build_tables(seeds)  # lexicons loaded and patterns compiled: no article is charged for them
guard = isolation.Isolation(one_by_one=True)
timings = {}
tables = pipeline.build_tables(raw, manifest=False, guard=guard, timings=timings)
ids = dict(zip(tables["articles"]["article_id"], tables["articles"]["source_file"]))
extract = {ids[a]: s for a, s in guard.seconds.items() if a in ids}
ingest = {}
for name in sample:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(raw / name, Path(tmp) / name)
        started = time.perf_counter()
        corpus.load_articles(Path(tmp), manifest=False)
        ingest[name] = time.perf_counter() - started
print(json.dumps({"extract": extract, "ingest": ingest, "stages": timings}))
"""


def run_timer(raw: Path, sample: list[str]) -> dict:
    """Each article's extraction seconds (one by one) and each sampled file's ingest seconds, in a fresh process."""
    proc = subprocess.run([PYTHON, "-c", TIMER, str(raw), json.dumps(sample), str(ROOT / "data" / "raw")],
                          capture_output=True, text=True, cwd=ROOT, env=_env())
    if proc.returncode:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1], "extract": {}, "ingest": {}}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def per_kind(raw: Path, made: dict[str, str], counted: dict, timed: dict) -> dict[str, dict]:
    """Per kind: files, where they went, and the slowest article (ingest on its own + extraction)."""
    rows: dict[str, dict] = {}
    for name, kind in made.items():
        row = rows.setdefault(kind, {"files": 0, "articles": 0, "ingest_errors": 0, "extraction_errors": 0, "lost": 0,
                                     "slowest_s": 0.0, "slowest_kb": 0.0, "max_kb": 0.0})
        row["files"] += 1
        for key in ("articles", "ingest_errors", "extraction_errors"):
            row[key] += name in counted[key]
        row["lost"] += name in counted["lost"]
        kb = (raw / name).stat().st_size / 1024
        row["max_kb"] = max(row["max_kb"], kb)
        seconds = timed["extract"].get(name, 0.0) + timed["ingest"].get(name, 0.0)
        if seconds > row["slowest_s"]:
            row["slowest_s"], row["slowest_kb"] = seconds, kb
    for row in rows.values():  # the budget: 1 s per 100 KB, and 1 s for an article under 100 KB
        row["s_per_100kb"] = round(row["slowest_s"] / max(row["slowest_kb"] / 100, 1.0), 3)
        row["slowest_s"] = round(row["slowest_s"], 3)
        row["slowest_kb"], row["max_kb"] = round(row["slowest_kb"], 1), round(row["max_kb"], 1)
    return rows


def ingest_sample(raw: Path, made: dict[str, str], per: int) -> list[str]:
    """The ``per`` largest files of each kind (their ingest is timed on its own)."""
    by_kind: dict[str, list[str]] = {}
    for name, kind in made.items():
        by_kind.setdefault(kind, []).append(name)
    return [n for names in by_kind.values()
            for n in sorted(names, key=lambda n: -(raw / n).stat().st_size)[:per]]


def crash_check(base: Path, raw: Path, made: dict[str, str]) -> dict[str, str]:
    """Each kind built on its own: kind -> the error that stopped its build ("" when it went through)."""
    crashed = {}
    for kind in sorted(set(made.values()), key=list(KINDS).index):
        folder = base / "by_kind" / kind
        folder.mkdir(parents=True)
        for name in (n for n, k in made.items() if k == kind):
            (folder / name).write_bytes((raw / name).read_bytes())
        result = run_build(folder, base / "by_kind_out" / kind)
        crashed[kind] = result["error"] if result["exit"] else ""
    return crashed


def print_report(build: dict, rows: dict[str, dict], counted: dict, timed: dict) -> None:
    print(f"build: exit {build['exit']}, {build['seconds']} s, peak {build['peak_mb']} MB"
          + (f", error: {build['error']}" if build["exit"] else ""))
    print(f"files lost: {len(counted['lost'])}" + (f" (e.g. {', '.join(counted['lost'][:5])})" if counted["lost"] else ""))
    if timed.get("error"):
        print(f"timed build failed: {timed['error']}")
    head = f"{'kind':20} {'files':>5} {'art':>5} {'ing.err':>7} {'ext.err':>7} {'lost':>4} " \
           f"{'max KB':>7} {'slowest s':>9} {'at KB':>7} {'s/100KB':>8}"
    print(head + ("  crash (built alone)" if any("crash" in r for r in rows.values()) else ""))
    for kind, r in rows.items():
        print(f"{kind:20} {r['files']:5} {r['articles']:5} {r['ingest_errors']:7} {r['extraction_errors']:7} "
              f"{r['lost']:4} {r['max_kb']:7.1f} {r['slowest_s']:9.3f} {r['slowest_kb']:7.1f} {r['s_per_100kb']:8.3f}"
              + (f"  {r['crash'][:70] or 'no'}" if "crash" in r else ""))
    slowest = max(rows.values(), key=lambda r: r["s_per_100kb"], default=None)
    if slowest:
        print(f"slowest article: {max(r['slowest_s'] for r in rows.values()):.3f} s; worst against the budget of 1 s "
              f"per 100 KB (1 s under 100 KB): {slowest['s_per_100kb']:.3f}")


def _sizes(pairs: list[str]) -> dict[str, int]:
    sizes = dict(LONG_SIZES)
    for pair in pairs:
        kind, _, value = pair.partition("=")
        if kind not in KINDS or not value.isdigit() or int(value) < 1:
            raise SystemExit(f"--size {pair!r}: expected KIND=BYTES with KIND one of {', '.join(KINDS)}")
        sizes[kind] = int(value)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500, help="files to generate (default: %(default)s)")
    parser.add_argument("--kinds", nargs="+", choices=list(KINDS), default=list(KINDS), help="kinds (default: all)")
    parser.add_argument("--size", action="append", default=[], metavar="KIND=BYTES",
                        help="size of the largest file of a long kind (defaults: "
                             + ", ".join(f"{k}={v}" for k, v in LONG_SIZES.items()) + ")")
    parser.add_argument("--ingest-sample", type=int, default=5, help="files per kind whose ingest is timed alone")
    parser.add_argument("--no-timing", action="store_true", help="only the build: no per-article timing run")
    parser.add_argument("--keep", type=Path, default=None, help="write the corpus and tables here and keep them")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    parser.add_argument("--crash-check", action="store_true",
                        help="also build each kind on its own and say which kinds stop a build")
    parser.add_argument("--src", type=Path, default=None,
                        help="the src/ folder to build with (default: this checkout's; another to compare)")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    global SRC
    SRC = (args.src or SRC).resolve()
    sizes = _sizes(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        raw, out = base / "raw", base / "processed"
        made = make_corpus(raw, args.files, args.kinds, sizes, args.seed)
        build = run_build(raw, out)
        counted = accounting(out, made) if build["exit"] == 0 else {"articles": set(), "ingest_errors": set(),
                                                                    "extraction_errors": set(), "lost": sorted(made)}
        timed = {"extract": {}, "ingest": {}} if args.no_timing else run_timer(raw, ingest_sample(raw, made,
                                                                                                  args.ingest_sample))
        rows = per_kind(raw, made, counted, timed)
        if args.crash_check:
            for kind, error in crash_check(base, raw, made).items():
                rows[kind]["crash"] = error
        print_report(build, rows, counted, timed)
        if args.json:
            record = {"files": args.files, "sizes": sizes, "build": build, "lost": counted["lost"], "kinds": rows,
                      "stage_seconds": timed.get("stages")}
            args.json.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0 if build["exit"] == 0 and not counted["lost"] else 1


if __name__ == "__main__":
    sys.exit(main())
