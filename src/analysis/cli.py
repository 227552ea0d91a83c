"""Command line: ``python -m analysis {build,report,evaluate,devcorpus,sums} --help``.

Every command exits non-zero with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from analysis import __version__
from analysis.build import engine
from analysis.build import isolation
from analysis.build import pipeline
from analysis.build.summary import build_summary
from analysis.core import catalog
from analysis.core import config
from analysis.core import provenance
from analysis.evaluate import dev_corpus
from analysis.ingest import table_rows
from analysis.evaluate import suite as evaluate
from analysis.evaluate import summary
from analysis.report import parameters
from analysis.report import render as reports

log = logging.getLogger("analysis.cli")


def _cmd_build(args: argparse.Namespace) -> int:
    manifest = False if args.no_manifest else args.manifest
    try:
        columns = table_rows.parse_columns(args.columns)
    except table_rows.ColumnsError as exc:
        raise SystemExit(f"build: {exc}") from exc
    tables: dict = {}
    written = pipeline.build(args.raw, args.out, manifest=manifest, check_sums=not args.no_check_sums, columns=columns,
                             strict=args.strict, progress=_progress(args), tables_out=tables,
                             allow_empty=args.allow_empty, csv=True if args.csv_all else None,
                             article_seconds=args.article_seconds, workers=args.workers, scheduler=args.scheduler,
                             chunk_size=args.partition_size)
    for name, path in written.items():
        log.info("%s: %s", name, path)
    print(build_summary(tables, written))
    return 0


def _workers(text: str) -> int:
    """``--workers``: a whole number >= 0 or ``serial``."""
    try:
        return engine.parse_workers(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    """A whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def _seconds(text: str) -> float:
    """``--article-seconds``: a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _progress(args: argparse.Namespace) -> bool:
    """Progress bars on stderr when it is a terminal and the user did not ask for quiet."""
    return not args.quiet and sys.stderr.isatty()


def _cmd_report(args: argparse.Namespace) -> int:
    if args.list:
        print(reports.describe_reports())
        return 0
    overrides: dict = {}
    origins: dict = {}
    if args.params_file:
        overrides, origins = parameters.read_parameter_file(args.params_file)
    for key, value in args.param or []:
        overrides[key] = parameters.parse_value(value, key)
        origins[key] = parameters.COMMAND_LINE
    custom = bool(args.params_file or args.param) or None  # None: the renderer decides ($WARCOV_PROCESSED)
    names = reports.resolve_names(args.names)
    out = args.out.expanduser().resolve() if args.out is not None else None  # relative to where the user stands
    for name in names:  # every notebook's parameters and tables are checked before any kernel starts
        reports.check_tables(reports.merge_parameters(reports.notebook_paths()[name], overrides, origins))
    for name in names:
        rendered = reports.render(name, overrides, out_dir=out, with_code=args.with_code, custom=custom)
        print(f"{rendered.name}: {rendered.html} ({rendered.report_id})")
    index = reports.write_index(out)
    print(f"index: {index}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    scores = evaluate.score(args.gold, args.raw, manifest=False if args.no_manifest else None,
                            split=args.split, corpus_file=args.corpus, skip_missing=args.skip_missing)
    if scores.skipped:
        print(f"left out {len(scores.skipped)} gold record(s) whose text is not in {args.raw}: {', '.join(scores.skipped)}\n")
    print(evaluate.format_scores(scores))
    if args.summary is not None:
        if args.split is None:
            raise SystemExit("evaluate: --summary needs --split (the summary records one split of the development corpus)")
        options = {"no_manifest": args.no_manifest, "raw": "development texts" if args.no_manifest else str(args.raw)}
        with_addresses = evaluate.score(args.gold, args.raw, split=args.split, corpus_file=args.corpus,
                                        skip_missing=args.skip_missing, addresses=True)
        entry = summary.split_summary(scores, dev_corpus.read_corpus(args.corpus), args.split,
                                      {"gold": args.gold, "corpus": args.corpus}, options, with_addresses)
        agreement = summary.agreement_figures(config.DEV_GOLD_FIRST_FILE, config.DEV_GOLD_SECOND_FILE)
        path = summary.write_summary(entry, args.summary, agreement)
        print(f"\nsummary of the {args.split} split written to {path}")
    return 0


def _cmd_devcorpus(args: argparse.Namespace) -> int:
    rows = dev_corpus.read_corpus(args.corpus)
    checked = dev_corpus.status(rows, args.texts)
    print(dev_corpus.format_status(checked, args.texts))
    return 0 if all(s.state == "present" for s in checked) else 3


def _cmd_sums(args: argparse.Namespace) -> int:
    if not Path(args.raw).is_dir():
        raise SystemExit(f"sums: --raw {args.raw}: no such folder; give the folder of raw articles")
    print(provenance.write_raw_sums(args.raw))
    return 0


def _prog() -> str:
    """``warcov`` when run as the installed command, else ``python -m analysis``."""
    return "warcov" if Path(sys.argv[0]).name == "warcov" else "python -m analysis"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=_prog(), description="warcov: war-coverage articles -> tables -> reports",
                                  epilog="examples:\n"
                                         "  warcov build --raw my_corpus --out my_tables\n"
                                         "  warcov report 02 -p processed_dir my_tables\n"
                                         "  warcov evaluate --gold data/dev/gold.jsonl --raw data/dev/texts --no-manifest --split dev",
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument("--project", type=Path, default=None, metavar="DIR",
                     help=f"the project folder: its data/processed and reports/ are written, its data/raw and "
                          f"notebooks/ read when it has them (default: ${config.ROOT_ENV}, else "
                          + ("this checkout" if config.CHECKOUT else "the current folder") + f"; now {config.ROOT})")
    top.add_argument("-v", "--verbose", action="count", default=0, help="say what each step does (-vv: more)")
    top.add_argument("-q", "--quiet", action="store_true", help="no progress bars, only errors and results")
    sub = top.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="raw articles -> tables in the processed folder",
                           description="Ingest every raw file and write every table (Parquet + CSV) atomically.")
    build.add_argument("--raw", type=Path, default=config.RAW_DIR,
                       help="folder of raw article files (default: the project's data/raw, else the bundled seeds: %(default)s)")
    build.add_argument("--out", type=Path, default=None, help=f"processed folder (default: {config.PROCESSED_DIR})")
    build.add_argument("--manifest", type=Path, default=None, help="manifest CSV (default: RAW/manifest.csv when present)")
    build.add_argument("--no-manifest", action="store_true", help="ignore any manifest: metadata from the text alone")
    build.add_argument("--no-check-sums", action="store_true", help="do not check RAW/SHA256SUMS before building")
    build.add_argument("--strict", action="store_true",
                       help="any ingest or extraction error stops the build and nothing is written")
    build.add_argument("--article-seconds", type=_seconds, default=isolation.ARTICLE_SECONDS, metavar="SECONDS",
                       help="time limit of one article's extraction, checked between stages: an article past it "
                            "skips its later stages and is an extraction error (default: %(default)g)")
    build.add_argument("--allow-empty", action="store_true",
                       help="write empty tables when the raw folder gives no article (default: refuse, keep the old tables)")
    build.add_argument("--csv-all", action="store_true",
                       help=f"a CSV twin for every table, however long (default: up to {catalog.CSV_MAX_ROWS:,} rows)")
    build.add_argument("--workers", type=_workers, default=engine.default_workers(), metavar="N",
                       help="local worker processes for the per-article stages (default: the %(default)s cores here); "
                            "1, 0 or 'serial': in this process, without Dask")
    build.add_argument("--scheduler", default=None, metavar="tcp://HOST:8786",
                       help="run on this existing dask.distributed cluster (default: $DASK_SCHEDULER_ADDRESS when set); "
                            "its workers must see --out at the same path")
    build.add_argument("--partition-size", type=_positive, default=pipeline.CHUNK_SIZE, metavar="ARTICLES",
                       help="articles per partition, one task each (default: %(default)s)")
    build.add_argument("--columns", default=None, metavar="OURS=THEIRS,...",
                       help="column names of CSV/JSONL/Parquet exports, e.g. text=body,published=date "
                            "(ours: text, title, url, published, outlet, language, article_id)")
    build.set_defaults(run=_cmd_build)

    report = sub.add_parser("report", help="render notebooks into HTML reports",
                            description="Run notebooks with papermill and render self-contained HTML without code "
                                        "cells. With -p/-f (or $WARCOV_PROCESSED) a report goes to "
                                        "reports/<report>-<parameters asked>/, never over the default one, and "
                                        "reports/index.html lists it. Every parameter is checked before a kernel "
                                        "starts; a raw_dir whose files the tables were not built from is refused. "
                                        "--list shows each report's parameters, defaults and meaning.",
                            epilog="examples:\n"
                                   "  warcov report --list\n"
                                   "  warcov report 01\n"
                                   "  warcov report 02 -p outlets '[RT, Press TV]' -p date_from 2020-10-01 -p include_vague false\n"
                                   "  warcov report 03 -f lag.yaml --out my_reports      # lag.yaml: 'tolerance_days: 2' lines\n"
                                   "  warcov --project ~/my_study report 04              # tables and reports of ~/my_study",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("--list", action="store_true", help="list the reports with their parameters, defaults and meaning, and exit")
    report.add_argument("names", nargs="*", help="reports to render, e.g. 01 or 01_corpus_overview (default: all)")
    report.add_argument("-p", "--param", nargs=2, action="append", metavar=("KEY", "VALUE"), help="set a parameter (a YAML value: 2020-10-01, [RT, Press TV], true, 0.2, null)")
    report.add_argument("-f", "--params-file", type=Path, help="YAML file of parameters, one 'name: value' per line")
    report.add_argument("--out", type=Path, default=None, help="output folder, relative to the current directory (default: reports/)")
    report.add_argument("--with-code", action="store_true", help="keep code cells in the HTML")
    report.set_defaults(run=_cmd_report)

    evaluate = sub.add_parser("evaluate", help="score extraction against gold annotations",
                              description="Precision/recall/F1 of casualty claims, date accuracy and framing counts against a gold JSONL.")
    evaluate.add_argument("--gold", type=Path, default=config.GOLD_FILE, help="gold annotations, one JSON article per line (default: %(default)s)")
    evaluate.add_argument("--raw", type=Path, default=config.SEED_RAW_DIR, help="raw folder the gold describes (default: the bundled seeds, %(default)s)")
    evaluate.add_argument("--skip-missing", action="store_true",
                          help="score only the gold records whose text is present (a partly rebuilt development corpus); "
                               "the others are named, and counted in the summary")
    evaluate.add_argument("--no-manifest", action="store_true", help="ignore the manifest (score metadata read from text alone)")
    evaluate.add_argument("--split", choices=dev_corpus.SPLITS, default=None,
                          help="score one split of the development corpus only (dev, or test at the end of a round)")
    evaluate.add_argument("--corpus", type=Path, default=config.DEV_CORPUS_FILE,
                          help="development corpus list that --split reads (default: %(default)s)")
    evaluate.add_argument("--summary", type=Path, nargs="?", const=config.ACCURACY_FILE, default=None,
                          help="write this split's figures, the corpus size, the annotators' agreement, commit and date "
                               "into a JSON summary (default file: %(const)s); the README and report 02 quote it")
    evaluate.set_defaults(run=_cmd_evaluate)

    dev = sub.add_parser("devcorpus", help="which development-corpus texts are present, and how to rebuild the others",
                         description="Check data/dev/texts against data/dev/corpus.csv (docs/DEV_CORPUS.md); "
                                     "exits 3 when a text is missing or changed.")
    dev.add_argument("--corpus", type=Path, default=config.DEV_CORPUS_FILE, help="corpus list (default: %(default)s)")
    dev.add_argument("--texts", type=Path, default=config.DEV_TEXTS_DIR, help="texts folder (default: %(default)s)")
    dev.set_defaults(run=_cmd_devcorpus)

    sums = sub.add_parser("sums", help="record RAW/SHA256SUMS after a deliberate change to the raw data")
    sums.add_argument("--raw", type=Path, default=config.RAW_DIR, help="raw folder (default: %(default)s)")
    sums.set_defaults(run=_cmd_sums)
    return top


def _project(argv: list[str] | None) -> None:
    """Apply ``--project DIR`` before the parser is built: the defaults it shows are the project's."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--project", type=Path, default=None)
    known, _ = early.parse_known_args(argv)
    if known.project is not None:
        if not known.project.expanduser().is_dir():
            raise SystemExit(f"error: --project {known.project}: no such folder; give the folder of your project "
                             "(its data/ and reports/ go there)")
        config.use_project(known.project)


def main(argv: list[str] | None = None) -> int:
    _project(argv)
    args = parser().parse_args(argv)
    level = logging.ERROR if args.quiet else {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)
    if args.verbose < 2:  # papermill and nbclient log a failed cell or a dead kernel that the one-line error names
        for name in ("papermill", "nbclient", "traitlets"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one line for a person, not a traceback
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        reason = lines[0] if not lines[0].endswith(":") else " ".join(line.strip() for line in lines[:2])
        print(f"error: {reason}", file=sys.stderr)
        return 1
