"""Per-article isolation of the extraction stages: one bad or slow article costs only itself.

Each per-article stage (:data:`STAGES`) first runs on a whole chunk of
articles and its records become a typed frame: the fast path, as fast as
before. When that raises, the stage runs again article by article; an article
that raises becomes a row of ``extraction_errors`` (its stage, the exception's
type, a short message naming its file), the others keep their rows, and the
article's other stages still run.

Time is the last resort, and cooperative: it is checked between stages and
articles, never inside one. A stage that takes longer on a chunk than the
per-article limit (:data:`ARTICLE_SECONDS`, ``build --article-seconds``) makes
the chunk's later stages run article by article, timed; an article whose time
in them passes the limit becomes an error row (``TimeLimitExceeded``): the
rows of the stage it ran over in are dropped and its remaining stages skipped. The limit bounds how many stages a slow article
costs, not the time of one stage: bounded rules do that.
"""

from __future__ import annotations

import logging
import time
from typing import Callable

import pandas as pd

from analysis.core import schema

log = logging.getLogger(__name__)

STAGES = ("events", "claims", "names", "sources", "hedges")
"""The per-article stages, in the order they run on a chunk (the ``stage`` of an error row)."""

ARTICLE_SECONDS = 60.0
"""Default limit on one article's extraction time, in seconds (``build --article-seconds``)."""

MESSAGE_CHARS = 300
"""An error row's message is cut to this many characters."""

TIME_LIMIT = "TimeLimitExceeded"
"""The ``error_type`` of an article that ran past the time limit."""


class Isolation:
    """The errors and times of every chunk of one build, and its time limit.

    ``article_seconds``: the per-article limit (a positive number of seconds).
    ``one_by_one``: run every stage article by article and time each one, as
    :attr:`seconds` (benchmarks; slower).
    """

    def __init__(self, article_seconds: float = ARTICLE_SECONDS, one_by_one: bool = False):
        if isinstance(article_seconds, bool) or not isinstance(article_seconds, (int, float)) \
                or not article_seconds > 0:
            raise ValueError(f"article_seconds: expected a positive number of seconds, got {article_seconds!r}")
        self.article_seconds = float(article_seconds)
        self.one_by_one = one_by_one
        self.errors: list[dict] = []
        self.seconds: dict[str, float] = {}
        """Article id -> seconds spent on it in the stages that ran article by article."""

    def chunk(self, articles: pd.DataFrame, parsed: list) -> "ChunkRun":
        """The run of the stages over one chunk of ``articles`` (``parsed``: one parse per row)."""
        return ChunkRun(self, articles, parsed)

    def table(self) -> pd.DataFrame:
        """The ``extraction_errors`` table of every chunk so far."""
        return schema.frame("extraction_errors", self.errors)


class ChunkRun:
    """The stages of one chunk: which articles are still in, and whether they run one at a time."""

    def __init__(self, isolation: Isolation, articles: pd.DataFrame, parsed: list):
        self.isolation = isolation
        self.articles = articles
        self.parsed = parsed
        self.one_by_one = isolation.one_by_one
        self.ids = list(articles["article_id"])
        self.spent = [0.0] * len(articles)
        self.dropped: set[int] = set()  # rows past the time limit: their later stages are skipped
        self.done: dict[str, list[int]] = {}

    def run(self, stage: str, rows: Callable[[pd.DataFrame, list], list[dict]],
            frame: Callable[[list[dict]], pd.DataFrame]) -> tuple[list[dict], pd.DataFrame]:
        """The records of ``stage`` (``rows`` of a part of the chunk and its parses) and their ``frame``.

        Articles that fail are left out and recorded; see the module docstring.
        """
        if not self.one_by_one and not self.dropped:
            started = time.perf_counter()
            try:
                records = rows(self.articles, self.parsed)
                table = frame(records)
            except Exception as exc:  # noqa: BLE001 - any failure: find the article(s) that cause it
                log.info("stage %s failed on a chunk of %d articles (%s: %s): running it article by article",
                         stage, len(self.ids), type(exc).__name__, _first_line(exc))
            else:
                took = time.perf_counter() - started
                if took > self.isolation.article_seconds:
                    self.one_by_one = True
                    log.warning("stage %s took %.1f s on a chunk of %d articles, more than the %g s one article may "
                                "take: the chunk's later stages run article by article, timed", stage, took,
                                len(self.ids), self.isolation.article_seconds)
                self.done[stage] = list(range(len(self.ids)))
                return records, table
        return self._article_by_article(stage, rows, frame)

    def done_ids(self, stage: str) -> list:
        """The ids of the chunk's articles whose ``stage`` ran without an error."""
        return [self.ids[i] for i in self.done.get(stage, [])]

    def _article_by_article(self, stage, rows, frame) -> tuple[list[dict], pd.DataFrame]:
        limit = self.isolation.article_seconds
        per_article: dict[int, list[dict]] = {}
        for i in range(len(self.ids)):
            if i in self.dropped:
                continue
            started = time.perf_counter()
            try:
                per_article[i] = rows(self.articles.iloc[i:i + 1], self.parsed[i:i + 1])
            except Exception as exc:  # noqa: BLE001 - the article becomes an error row
                self._error(i, stage, type(exc).__name__, _first_line(exc))
            took = time.perf_counter() - started
            self.spent[i] += took
            key = self.ids[i]
            self.isolation.seconds[key] = self.isolation.seconds.get(key, 0.0) + took
            if self.spent[i] > limit:
                self._error(i, stage, TIME_LIMIT, f"extraction took {self.spent[i]:.1f} s, over the limit of {limit:g} s "
                                                  f"(build --article-seconds); this stage's rows and its later stages "
                                                  f"were dropped")
                per_article.pop(i, None)
                self.dropped.add(i)
        try:
            table = frame([r for recs in per_article.values() for r in recs])
        except Exception:  # noqa: BLE001 - an article's rows do not fit the table (a cast): find it
            for i in list(per_article):
                try:
                    frame(per_article[i])
                except Exception as exc:  # noqa: BLE001
                    self._error(i, stage, type(exc).__name__, _first_line(exc))
                    del per_article[i]
            table = frame([r for recs in per_article.values() for r in recs])
        self.done[stage] = sorted(per_article)
        return [r for recs in per_article.values() for r in recs], table

    def note(self, article_id, stage: str, kind: str, message: str) -> None:
        """Record an ``extraction_errors`` row for article ``article_id`` of the chunk that the stage did not
        raise: its rows were kept, but bounded (``kind`` says how), so the bound is never silent."""
        self._error(self.ids.index(article_id), stage, kind, message)

    def _error(self, i: int, stage: str, kind: str, message: str) -> None:
        row = self.articles.iloc[i]
        where = _where(row)
        text = f"article {self.ids[i]!r}{where}, stage {stage}: {message}"
        log.warning("extraction error: %s", text)
        self.isolation.errors.append({
            "article_id": self.ids[i], "source_file": row.get("source_file"), "record": _whole(row.get("record")),
            "row": _whole(row.get("row")), "stage": stage, "error_type": kind, "message": text[:MESSAGE_CHARS],
        })


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _whole(value):
    return None if value is None or pd.isna(value) else int(value)


def _where(row: pd.Series) -> str:
    """`` (file x.warc, record 3)``: where the article came from, as far as the articles table says."""
    parts = []
    if isinstance(row.get("source_file"), str):
        parts.append(f"file {row['source_file']}")
    for key in ("record", "row"):
        value = _whole(row.get(key))
        if value is not None:
            parts.append(f"{key} {value}")
    return f" ({', '.join(parts)})" if parts else ""
