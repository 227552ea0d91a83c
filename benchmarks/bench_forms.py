"""Benchmark ingestion by input form: plain text, HTML pages, a WARC, a Parquet export.

    .venv/bin/python benchmarks/bench_forms.py                 # 1,000 and 4,000 articles
    .venv/bin/python benchmarks/bench_forms.py --sizes 1000 4000

The same synthetic articles (perturbed seeds, as ``bench_build.py`` makes
them) are written in each form: plain ``.txt`` files; HTML pages with
navigation, related stories, comments and JSON-LD (``tests/seed_forms.py``);
one gzipped WARC of those pages (with a request record per page); one
Parquet file. For each form and size, in a fresh process, it prints the
articles per second of ingestion (reading, extraction of the main text and
metadata, normalisation: the stages after it are the same for every form, see
``bench_build.py``), the peak resident memory and the size of the articles
table it holds. A streamed reader keeps peak memory minus the table flat as
the input grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ("text", "html", "warc", "parquet")


def write_form(form: str, texts: Path, target: Path) -> None:
    """The articles of ``texts`` (one .txt each) in ``form`` under ``target``."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
    import seed_forms as forms

    target.mkdir(parents=True)
    items = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": "Asbarez", "published": "2020-10-02",
              "url": f"https://news.example/{p.stem}"} for p in sorted(texts.glob("*.txt"))]
    if form == "text":
        for item in items:
            (target / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
    elif form == "html":
        forms.write_html(target, items)
    elif form == "warc":
        forms.write_warc(target / "crawl.warc.gz", items, extras=False)
    else:
        forms.write_parquet(target / "export.parquet", forms.table_rows(items))


def run_one(form: str, size: int) -> dict:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]
    from bench_build import make_corpus
    from analysis.ingest.corpus import load_articles

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp) / "texts", size)
        raw = Path(tmp) / "raw"
        write_form(form, Path(tmp) / "texts", raw)
        input_mb = sum(p.stat().st_size for p in raw.iterdir()) / 2**20
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        articles, errors = load_articles(raw, manifest=False)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table_mb = articles.memory_usage(deep=True).sum() / 2**20
    return {"form": form, "articles": len(articles), "errors": len(errors), "seconds": round(elapsed, 2),
            "articles_per_second": round(len(articles) / elapsed, 1), "input_mb": round(input_mb, 1),
            "peak_rss_mb": round(peak, 1), "rss_before_mb": round(before, 1), "table_mb": round(table_mb, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--forms", nargs="+", choices=FORMS, default=list(FORMS))
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    print(f"{'form':>8} {'articles':>9} {'errors':>7} {'input MB':>9} {'seconds':>8} {'art/s':>8} {'peak MB':>8} "
          f"{'table MB':>9} {'peak-table':>10}")
    for form in args.forms:
        for size in args.sizes:  # a fresh process per run so peak memory is per run
            out = subprocess.run([sys.executable, __file__, "--one", form, str(size)], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{r['form']:>8} {r['articles']:>9,} {r['errors']:>7,} {r['input_mb']:>9,.1f} {r['seconds']:>8} "
                  f"{r['articles_per_second']:>8,.0f} {r['peak_rss_mb']:>8,.0f} {r['table_mb']:>9,.1f} "
                  f"{r['peak_rss_mb'] - r['table_mb']:>10,.0f}")


if __name__ == "__main__":
    main()
