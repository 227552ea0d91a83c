"""The build: ``data/raw`` -> every table in ``data/processed``.

One function per stage, each a pure function of the tables before it, run in
order by :func:`build_tables`; :func:`build` adds the raw-data check and the
all-or-nothing write (:mod:`analysis.core.staging`), after checking every table against its declaration
(``core/tables.yaml``, :mod:`analysis.core.schema`), which README.md shows as
the data dictionary.
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from analysis.core import catalog
from analysis.core import schema
from analysis.core import validation
from analysis.core import config
from analysis.core import provenance
from analysis.core import staging
from analysis.core.dates import as_date
from analysis.core.frames import iter_articles
from analysis.extract import claims
from analysis.extract import hedges as hedging
from analysis.extract import names as naming
from analysis.extract import sources as voices
from analysis.build import arrow_memory
from analysis.build import engine
from analysis.build import isolation
from analysis.ingest import corpus
from analysis.link import incidents
from analysis.core.catalog import part_files
from analysis.link import lag
from analysis.extract import events as dates
from analysis.nlp.parsed import ParsedArticle

log = logging.getLogger(__name__)

TABLE_COLUMNS: dict[str, dict[str, str]] = {name: schema.descriptions(name) for name in schema.built_tables()}
"""Every built table, in build order, and the meaning of each of its columns (declared in core/tables.yaml)."""


def ingest_stage(tables: dict[str, pd.DataFrame], raw_dir: Path, manifest,
                 columns: dict[str, str] | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    articles, errors = corpus.load_articles(raw_dir, manifest=manifest, columns=columns, progress=progress)
    return {"articles": articles, "ingest_errors": errors}


def events_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Dated events, incidents linked across articles (default tolerance), reporting lag."""
    return events_linked(dates.events_table(tables["articles"]))


def events_linked(events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The corpus-level part of the events stage: incidents and reporting lag."""
    found, mentions = incidents.link_incidents(events)
    return {"events": events, "incidents": found, "incident_mentions": mentions,
            "reporting_lag": lag.reporting_lag(found, mentions)}


def claims_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The casualty-claim ledger, linked to incidents, and the lag from announcement to relay."""
    return claims_linked(claims.claims_table(tables["articles"]), tables)


def claims_linked(table: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The corpus-level part of the claims stage: incident links and announcement lag."""
    ledger = incidents.attach_claims(table, tables["incident_mentions"])
    return {"claims": ledger, "announcement_lag": lag.announcement_lag(ledger, tables["articles"])}


def framing_stage(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Names, sources and hedges per article (corpus-level comparisons live in report 04)."""
    articles = tables["articles"]
    mentions = naming.name_mentions(articles)
    sources = voices.sources_table(articles)
    return {
        "name_mentions": mentions,
        "names": naming.names_table(mentions),
        "region_names": naming.region_name_counts(articles).reset_index(),
        "sources": sources,
        "hedges": hedging.hedges_table(articles, attributions=sources),
    }


# (stage name, function of the tables built so far -> new tables), in order:
# the whole-corpus form of each stage, for running one stage on its own.
# :func:`build_tables` runs the same stages chunk by chunk.
STAGES: list[tuple[str, Callable[..., dict[str, pd.DataFrame]]]] = [
    ("ingest", ingest_stage),
    ("events", events_stage),
    ("claims", claims_stage),
    ("framing", framing_stage),
]

CHUNK_SIZE = 1000
"""Articles whose per-article work (dates, claims, names, sources, hedges) runs together."""


class _Frames:
    """Each chunk's rows of every per-article table, as typed DataFrames.

    A chunk's records become a DataFrame as soon as the chunk is done, so the
    Python objects of one chunk are all that is alive at a time and memory
    grows with the output tables only.
    """

    def __init__(self):
        self.parts: dict[str, list[pd.DataFrame]] = {name: [] for name in self.MAKERS}
        self.regions: dict[str, dict[str, int]] = {}

    MAKERS: dict[str, Callable[[list[dict]], pd.DataFrame]] = {
        "events": dates.events_frame, "claims": claims.claims_frame, "name_mentions": naming.mentions_frame,
        "sources": voices.sources_frame, "hedges": hedging.hedges_frame,
    }

    def add(self, name: str, frame: pd.DataFrame) -> None:
        """One chunk's frame of table ``name`` (made by its ``MAKERS`` function)."""
        self.parts[name].append(frame)

    def table(self, name: str) -> pd.DataFrame:
        """The chunks of one table as one frame (emptied here); the typed empty frame when no chunk has rows."""
        parts, self.parts[name] = self.parts[name], []
        return catalog.concat_chunks(parts, self.MAKERS[name]([]))


def _chunk_stages(chunk: pd.DataFrame, frames: _Frames, clock: Callable[[str], None],
                  guard: isolation.Isolation | None = None) -> None:
    """Every per-article stage on one chunk of articles, sharing one parse per article.

    Each stage runs through ``guard`` (:mod:`analysis.build.isolation`): an
    article that fails in it becomes an ``extraction_errors`` row and the
    others keep their rows.
    """
    guard = guard if guard is not None else isolation.Isolation()
    parsed = [ParsedArticle(text) if isinstance(text, str) else None for text in chunk["text"]]
    run = guard.chunk(chunk, parsed)
    year = dates.corpus_year([_day_or_none(p) for p in chunk["published"]])
    _, events = run.run("events", lambda part, parses: dates.event_rows(part, parses, year=year), dates.events_frame)
    frames.add("events", events)
    clock("events")
    _, found = run.run("claims", claims.claim_rows, claims.claims_frame)
    frames.add("claims", found)
    clock("claims")
    capped: dict = {}
    chunk_mentions, mentions = run.run("names", lambda part, parses: naming.mention_rows(part, parsed=parses,
                                                                                         capped=capped),
                                       naming.mentions_frame)
    done = set(run.done_ids("names"))
    for article_id, left_out in capped.items():
        if article_id in done:
            run.note(article_id, "names", CONTEXT_CAPPED,
                     f"{left_out:,} name mentions after the first {naming.SENTENCE_CHARS_PER_ARTICLE:,} characters "
                     "of sentence text have an empty sentence (their sentence_index names it)")
    frames.regions.update(naming.region_counts_from_mentions(run.done_ids("names"), chunk_mentions))
    frames.add("name_mentions", mentions)
    chunk_sources, sources = run.run("sources", lambda part, parses: voices.source_rows(part, parsed=parses),
                                     voices.sources_frame)
    by_article: dict = {}
    for rec in chunk_sources:
        by_article.setdefault(rec["article_id"], []).append(rec)

    def hedge_rows(part: pd.DataFrame, parses: list) -> list[dict]:
        return [{"article_id": article_id, "outlet": outlet, **h}
                for (article_id, outlet, text), parse in zip(iter_articles(part), parses)
                for h in hedging.find_hedges(text, by_article.get(article_id), parsed=parse)]

    _, hedges = run.run("hedges", hedge_rows, hedging.hedges_frame)
    frames.add("sources", sources)
    frames.add("hedges", hedges)
    clock("framing")


CONTEXT_CAPPED = "ContextCapped"
"""``extraction_error`` of an article whose name mentions were kept but copy no more sentence text past
:data:`analysis.extract.names.SENTENCE_CHARS_PER_ARTICLE` (a hostile page: the rows are all there)."""

PARTITION_TABLES = ("events", "name_mentions", "names", "sources", "hedges")
"""Tables a partition task writes as its part of the final table; claims need the corpus's incidents first.
(``names`` counts each article's mentions: the partitions' parts, in order, are the table of the whole.)"""

INGEST_RUNS = ".ingest-runs"
"""The scratch folder of ingest's sorted runs (:class:`~analysis.ingest.corpus.ArticleStream`), in the
staging folder; removed before the swap."""

ARTICLE_KEY_COLUMNS = ("article_id", "outlet", "published", "published_basis")
"""The columns of ``articles`` the driver keeps for the corpus-level steps and the summary (not the texts)."""

UNLINKED_CLAIMS = ".claims-unlinked.parquet"
"""The partitions' claims before their incident links, in the staging folder; removed before the swap."""


def partition_task(index: int, block: list, year_of_corpus: int | None, folder: str, article_seconds: float) -> dict:
    """The per-article stages of one partition of the articles, wherever the engine runs it (:mod:`.engine`).

    ``block`` is the partition's articles as :meth:`~analysis.ingest.corpus.ArticleStream.blocks` gives
    them: those still undated are dated here with ``year_of_corpus`` (the date candidates of their texts,
    found for that, are found again by the events stage in this process, not in another). Writes the
    partition's ``articles`` and its rows of every per-article table as part ``index`` into ``folder`` (the
    build's staging folder), each checked against its declaration first, the claims (before their incident
    links) into :data:`UNLINKED_CLAIMS`; returns only what the driver needs: the ``extraction_errors`` rows,
    the region-name counts, the seconds of each stage and the articles' :data:`ARTICLE_KEY_COLUMNS`.
    """
    arrow_memory.use_system_pool()
    spent = {"ingest": 0.0, "events": 0.0, "claims": 0.0, "framing": 0.0, "write": 0.0}
    last = [time.perf_counter()]

    def clock(stage: str) -> None:
        now = time.perf_counter()
        spent[stage] += now - last[0]
        last[0] = now

    chunk = corpus.dated_frame(block, year_of_corpus)
    del block
    validation.validate("articles", chunk)
    catalog.write_part(Path(folder) / "articles.parquet", index, chunk)
    clock("ingest")
    frames = _Frames()
    guard = isolation.Isolation(article_seconds)
    _chunk_stages(chunk, frames, clock, guard)
    for name in _Frames.MAKERS:
        table = frames.table(name)
        if name == "claims":
            catalog.write_part(Path(folder) / UNLINKED_CLAIMS, index, table)
            continue
        validation.validate(name, table)
        catalog.write_part(Path(folder) / f"{name}.parquet", index, table)
        if name == "name_mentions":  # counted per article, so a partition's names are its rows of the table
            names = naming.names_table(table[list(naming.NAME_COUNT_KEYS)])
            validation.validate("names", names)
            catalog.write_part(Path(folder) / "names.parquet", index, names)
    clock("write")
    return {"errors": guard.errors, "regions": naming.region_counts_frame(frames.regions), "seconds": spent,
            "articles": chunk[list(ARTICLE_KEY_COLUMNS)].copy()}  # a copy: a selection would keep the texts


def _announced_claims(dataset: Path) -> pd.DataFrame:
    """The claims :func:`~analysis.link.lag.announcement_lag` can use (a claimant and a count), read part by
    part, only the columns it reads: the same lags as from the whole table, while the driver holds a fraction
    of its rows."""
    columns = list(lag.ANNOUNCEMENT_CLAIM_COLUMNS)
    kept = []
    for path in part_files(dataset):
        part = pd.read_parquet(path, columns=columns)
        kept.append(part[part["claimant"].notna() & part["count"].notna()])
    return catalog.concat_chunks(kept, _Frames.MAKERS["claims"]([])[columns])


LINKED_EVENT_COLUMNS = ("article_id", "outlet", "published", "published_basis", "expression", "date", "location",
                        "sentence", "start", "end", "event_type", "background")
"""The columns of ``events`` that incident linking reads (:func:`analysis.link.incidents.link_incidents`)."""


def _linkable_events(dataset: Path) -> pd.DataFrame:
    """The events that incident linking can use (a place and a date), read part by part, with their row
    numbers in the whole ``events`` table as index: :func:`events_linked` gives the same incidents as on the
    whole table, while the driver holds the sentences of these rows only (hostile pages make many events
    with neither, each holding its sentence)."""
    if not part_files(dataset):
        return _Frames.MAKERS["events"]([])
    kept, dtypes, offset, first = [], [], 0, None
    light = [c for c in LINKED_EVENT_COLUMNS if c != "sentence"]
    for path in part_files(dataset):
        part = pd.read_parquet(path, columns=light)  # the sentences are read for the usable rows only
        if first is None:
            first = pq.read_table(path, columns=list(LINKED_EVENT_COLUMNS)).slice(0, 0).to_pandas()
        if not len(part):
            continue
        part.index = pd.RangeIndex(offset, offset + len(part))
        offset += len(part)
        usable = (part["location"].notna() & part["date"].notna()).to_numpy()
        sentences = pq.read_table(path, columns=["sentence"]).column("sentence")
        types = {column: str(part[column].dtype) for column in part.columns}
        part = part[usable].copy()
        part.insert(LINKED_EVENT_COLUMNS.index("sentence"), "sentence",
                    sentences.filter(pa.array(usable)).to_pandas().to_numpy())
        types["sentence"] = str(part["sentence"].dtype)
        dtypes.append(types)
        kept.append(part)
    kept = [part for part in kept if len(part)]
    if not kept:
        return first
    frame = kept[0] if len(kept) == 1 else pd.concat(kept)
    for column in frame.columns:  # typed as catalog.concat_chunks types the whole table (over every filled part)
        if len({types[column] for types in dtypes}) > 1:
            frame[column] = pd.Series(frame[column].tolist(), index=frame.index)
    return frame


def _streamed(stage: staging.Staging, raw: Path, manifest, columns, progress: bool, article_seconds: float,
              workers: int, scheduler: str | None, chunk_size: int, csv: bool | None, strict: bool,
              allow_empty: bool, timings: dict | None) -> tuple[dict[str, Path], dict[str, pd.DataFrame]]:
    """Every table into ``stage``: ingest (the pages of HTML and WARC files read and built on the engine,
    duplicates and the corpus year here), the per-article stages as partition tasks on the engine (their tables written as parts), then
    the corpus-level steps from the parts. Returns the paths written
    and the tables held here (a table written as parts is given as a frame of its rows, with no columns)."""
    spent = {name: 0.0 for name, _ in STAGES}
    last = [time.perf_counter()]

    def clock(stage_name: str) -> None:
        now = time.perf_counter()
        spent[stage_name] = spent.get(stage_name, 0.0) + now - last[0]
        last[0] = now

    isolation.Isolation(article_seconds)  # a bad limit is refused before any work
    with engine.Engine(workers, scheduler) as run, \
            corpus.ArticleStream(raw, manifest, columns, progress, scratch=stage.folder / INGEST_RUNS) as stream:
        # every unit is prepared on the workers (a page's reading with trafilatura, a text's metadata and dates:
        # a third of a text's cost); duplicates, ids and the corpus year here, as the results come back in order
        held: dict[str, pd.DataFrame] = {"ingest_errors": stream.read(run.map)}
        count = stream.count
        clock("ingest")
        log.info("read %d articles and %d ingest errors from %s", count, len(held["ingest_errors"]), raw)
        if not allow_empty and not count:
            raise EmptyRaw(f"{raw}: no article read ({len(held['ingest_errors'])} ingest error(s)); the tables in "
                           f"{stage.out} are kept; pass --allow-empty to write empty tables")
        problems = corpus.problems(held["ingest_errors"])
        if strict and len(problems):
            raise IngestErrors(f"--strict: {len(problems)} ingest error(s), nothing written; the first: "
                               f"{problems.iloc[0]['detail']}")
        written: dict[str, Path] = {}

        def write(name: str, frame: pd.DataFrame) -> None:
            validation.validate(name, frame)
            written[name] = stage.write_table(frame, name, csv=csv)
            held[name] = frame

        write("ingest_errors", held["ingest_errors"])
        writers = {name: stage.parts(name, csv=csv) for name in ("articles", *PARTITION_TABLES, "claims")}
        unlinked = stage.folder / UNLINKED_CLAIMS
        unlinked.mkdir()
        light: dict[int, pd.DataFrame] = {}  # each partition's articles' columns the corpus-level steps read

        def calls():
            blocks = stream.blocks(chunk_size)
            for i in itertools.count():
                last[0] = time.perf_counter()  # the merge of the sorted runs is ingest's work, the task's is not
                block = next(blocks, None)
                if block is None:
                    return
                clock("ingest")
                yield i, i, block, stream.year, str(stage.folder), article_seconds

        results: dict[int, dict] = {}
        partitions = -(-count // chunk_size)
        with tqdm(total=count, desc="extract", unit=" articles", disable=not progress, file=sys.stderr,
                  leave=False) as bar:
            tasks = run.run(partition_task, calls(), tasks=partitions)
            log.info("per-article stages: %d partition(s) of up to %d articles, %s", partitions, chunk_size,
                     run.name)
            for index, result in tasks:
                light[index] = result["articles"]
                if not catalog.part_path(writers["events"].dataset, index).exists():
                    raise engine.EngineError(f"partition {index} ran, but its tables are not in {stage.folder}: "
                                             "the workers must see the output folder at the same path (a shared "
                                             "filesystem)")
                results[index] = result
                bar.update(len(result["articles"]))
    articles = catalog.concat_chunks([light[index] for index in sorted(light)],
                                     corpus.articles_frame([])[list(ARTICLE_KEY_COLUMNS)])
    del light
    for result in results.values():
        for name, seconds in result["seconds"].items():
            spent[name] = spent.get(name, 0.0) + seconds
    last[0] = time.perf_counter()
    errors = schema.frame("extraction_errors", [e for i in sorted(results) for e in results[i]["errors"]])
    if strict and len(errors):
        raise ExtractionErrors(f"--strict: {len(errors)} extraction error(s), nothing written; "
                               f"the first: {errors.iloc[0]['message']}")
    if len(errors):
        log.warning("%d extraction error(s): see extraction_errors", len(errors))
    write("extraction_errors", errors)
    log.info("linking incidents and lags, counting names")
    linked = events_linked(_linkable_events(writers["events"].dataset))
    for name in ("incidents", "incident_mentions", "reporting_lag"):
        write(name, linked[name])
    del linked
    clock("events")
    for index in sorted(results):
        part = catalog.read_table(catalog.part_path(unlinked, index))
        ledger = incidents.attach_claims(part, held["incident_mentions"])
        validation.validate("claims", ledger)
        writers["claims"].write(ledger, index)
    shutil.rmtree(unlinked)
    write("announcement_lag", lag.announcement_lag(_announced_claims(writers["claims"].dataset), articles))
    clock("claims")
    regions = naming.region_counts_joined([results[index]["regions"] for index in sorted(results)])
    write("region_names", regions.reset_index())
    clock("framing")
    for name, writer in writers.items():
        written[name] = stage.out / f"{name}.parquet"
        writer.close()
        rows = sum(pq.ParquetFile(path).metadata.num_rows for path in part_files(writer.dataset))
        held[name] = pd.DataFrame(index=pd.RangeIndex(rows))
    held["articles"] = articles
    clock("write")
    if timings is not None:
        timings.update(spent)
    return {name: written[name] for name in TABLE_COLUMNS}, {name: held[name] for name in TABLE_COLUMNS}


def _day_or_none(value):
    """A publication date for the chunk's year, None when it is none (that article's events stage says why)."""
    try:
        return as_date(value)
    except (TypeError, ValueError):
        return None


def build_tables(raw_dir: str | Path | None = None, manifest: str | Path | None | bool = None,
                 timings: dict[str, float] | None = None, chunk_size: int = CHUNK_SIZE,
                 columns: dict[str, str] | None = None, progress: bool = False,
                 guard: isolation.Isolation | None = None) -> dict[str, pd.DataFrame]:
    """Every table, in memory, from the raw folder (stage times into ``timings`` if given).

    ``progress`` shows bars on stderr (files read, articles extracted).

    ``columns`` names a table export's own columns for ours
    (:func:`analysis.ingest.table_rows.parse_columns`).

    After ingest, articles go through the per-article stages ``chunk_size``
    at a time, each article parsed once (:class:`~analysis.nlp.parsed.ParsedArticle`)
    for all of them; the corpus-level steps (incident linking, lags, name
    counts) run once all chunks are done. A stage's time is the sum over
    chunks plus its corpus-level step.

    ``guard``: the per-article isolation and time limit
    (:class:`~analysis.build.isolation.Isolation`, default limit when None);
    an article that fails a stage is a row of ``extraction_errors``.
    """
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size: expected a positive whole number, got {chunk_size!r}")
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    spent = {name: 0.0 for name, _ in STAGES}
    last = [time.perf_counter()]

    def clock(stage: str) -> None:
        now = time.perf_counter()
        spent[stage] += now - last[0]
        last[0] = now

    tables = ingest_stage({}, raw, manifest, columns, progress)
    clock("ingest")
    articles = tables["articles"]
    log.info("read %d articles and %d ingest errors from %s", len(articles), len(tables["ingest_errors"]), raw)
    frames = _Frames()
    guard = guard if guard is not None else isolation.Isolation()
    with tqdm(total=len(articles), desc="extract", unit=" articles", disable=not progress, file=sys.stderr,
              leave=False) as bar:
        for lo in range(0, len(articles), chunk_size):
            _chunk_stages(articles.iloc[lo:lo + chunk_size], frames, clock, guard)
            bar.update(min(chunk_size, len(articles) - lo))
    tables["extraction_errors"] = guard.table()
    if len(tables["extraction_errors"]):
        log.warning("%d extraction error(s): see extraction_errors", len(tables["extraction_errors"]))
    log.info("linking incidents and lags, counting names")
    tables.update(events_linked(frames.table("events")))
    clock("events")
    tables.update(claims_linked(frames.table("claims"), tables))
    clock("claims")
    mentions = frames.table("name_mentions")
    tables.update({
        "name_mentions": mentions,
        "names": naming.names_table(mentions),
        "region_names": naming.region_counts_frame(frames.regions).reset_index(),
        "sources": frames.table("sources"),
        "hedges": frames.table("hedges"),
    })
    clock("framing")
    if timings is not None:
        timings.update(spent)
    return {name: tables[name] for name in TABLE_COLUMNS}


class IngestErrors(ValueError):
    """``--strict``: the build found ingest errors and wrote nothing."""


class EmptyRaw(ValueError):
    """The raw folder gave no article: the build refuses to replace the tables with empty ones."""
class ExtractionErrors(ValueError):
    """``--strict``: an article failed a per-article stage (``extraction_errors``); nothing written."""


def build(raw_dir: str | Path | None = None, out_dir: str | Path | None = None,
          manifest: str | Path | None | bool = None, check_sums: bool = True,
          columns: dict[str, str] | None = None, strict: bool = False, progress: bool = False,
          tables_out: dict | None = None, allow_empty: bool = False, csv: bool | None = None,
          article_seconds: float = isolation.ARTICLE_SECONDS, workers: int = 1, scheduler: str | None = None,
          chunk_size: int = CHUNK_SIZE, timings: dict[str, float] | None = None) -> dict[str, Path]:
    """Build every table from ``raw_dir`` and write it into ``out_dir``, all or nothing.

    The SHA-256 of every raw file goes into ``build_inputs.json`` beside the
    tables, so a report cites the raw files its tables were really built from.
    When the raw folder has a ``SHA256SUMS`` file, the files it lists are
    checked first: a changed or missing file stops the build (raw data is
    immutable; regenerate the sums deliberately with ``python -m analysis sums``).
    Every table (every part of one) is checked against its declaration before it
    is written: a table that breaks it raises
    :class:`~analysis.core.validation.TableInvalid`, and nothing is swapped in.
    ``strict``: any ingest error raises :class:`IngestErrors`, any extraction
    error :class:`ExtractionErrors`, and nothing is written. ``article_seconds``:
    the per-article time limit (:mod:`analysis.build.isolation`).

    The tables and ``build_inputs.json`` are written into a staging folder and
    swapped in together (:mod:`analysis.core.staging`): a build that fails or
    is killed leaves the previous tables whole. The output folder is locked for
    the whole build (a second build into it raises
    :class:`~analysis.core.staging.BuildLocked`), must not be or hold the raw
    folder, nor lie inside it (:class:`~analysis.core.staging.OutputLocation`).
    A raw folder that gives no article raises :class:`EmptyRaw` unless
    ``allow_empty``. ``csv``: CSV twins for every table (True), none (False), or
    up to :data:`~analysis.core.catalog.CSV_MAX_ROWS` rows (None).

    The per-article stages run ``chunk_size`` articles to a partition, as tasks of an
    :class:`~analysis.build.engine.Engine`: in this process (``workers`` 0 or 1, the default here), on
    ``workers`` local processes, or on the Dask cluster at ``scheduler`` (``$DASK_SCHEDULER_ADDRESS``). Each
    task writes its partition's tables as parts into the staging folder, so the per-article tables
    (events, claims, name_mentions, sources, hedges) are Parquet datasets, and the tables are the same
    whatever the engine. ``tables_out`` receives the tables held by this process, and for those written as
    parts a frame of their rows with no columns; ``timings`` the seconds of each stage, summed over tasks.
    """
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise ValueError(f"chunk_size: expected a positive whole number, got {chunk_size!r}")
    raw = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    out = catalog.processed_dir(out_dir)
    staging.check_locations(raw, out)
    if check_sums:
        provenance.verify_raw_sums(raw)
    with staging.locked(out):
        staging.clean_leftovers(out)
        with staging.staged(out) as stage, arrow_memory.system_pool():
            written, tables = _streamed(stage, raw, manifest, columns, progress, article_seconds, workers,
                                        scheduler, chunk_size, csv, strict, allow_empty, timings)
            record = {"raw": {n: h for n, h in provenance.file_hashes(raw).items() if n != provenance.SUMS_NAME}}
            if columns:
                record["columns"] = dict(sorted(columns.items()))
            stage.write_text(provenance.BUILD_INPUTS, json.dumps(record, indent=2, sort_keys=True) + "\n")
        if tables_out is not None:
            tables_out.update(tables)
    return written


def data_dictionary() -> str:
    """The data dictionary as Markdown, from the table declaration (README.md embeds it; ``make readme``)."""
    return schema.data_dictionary()
