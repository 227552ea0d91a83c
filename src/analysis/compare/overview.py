"""The selection every report starts from, and the corpus overview tables of report 01.

:func:`select_articles` and :func:`select_rows` restrict the built tables to
a report's outlets and dates. The rest are pure functions from the
``articles`` / ``ingest_errors`` tables to small summary frames for report
01 (what is in the corpus and how sure its metadata is); the notebook only
plots and explains them.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from analysis.core import config
from analysis.core.frames import require_frame
from analysis.core.dates import as_date, date_problem
from analysis.core.values import UNKNOWN_OUTLET

TOP_OUTLETS = 12
"""Past this many outlets a figure shows the busiest ones by name and the rest as one "others" group."""


class SelectionError(ValueError):
    """A selection parameter (outlets, date range) is invalid."""


def _as_date(value, name: str) -> dt.date | None:
    try:
        return as_date(value, blank_is_none=True)
    except (TypeError, ValueError) as exc:
        raise SelectionError(f"parameter {name}: {date_problem(value) or f'{value!r} is not a date'}") from exc


def select_articles(articles: pd.DataFrame, outlets=None, date_from=None, date_to=None) -> pd.DataFrame:
    """Articles of the chosen outlets published in ``[date_from, date_to]``.

    Empty ``outlets`` means all. Articles with no publication date are kept
    unless a date bound is given. Unknown outlets are an error naming them.
    """
    if outlets:
        if isinstance(outlets, str):
            outlets = [outlets]
        unknown = sorted(set(outlets) - set(articles["outlet"].dropna()))
        if unknown:
            raise SelectionError(f"parameter outlets: unknown outlet(s) {unknown}; outlets in the corpus: {sorted(articles['outlet'].dropna().unique())}")
        articles = articles[articles["outlet"].isin(outlets)]
    start, end = _as_date(date_from, "date_from"), _as_date(date_to, "date_to")
    if start and end and start > end:
        raise SelectionError(f"parameters date_from/date_to: {start} is after {end}")
    if start or end:
        published = articles["published"]
        keep = published.notna()
        if start:
            keep &= published.map(lambda d: d is not None and not pd.isna(d) and d >= start)
        if end:
            keep &= published.map(lambda d: d is not None and not pd.isna(d) and d <= end)
        articles = articles[keep]
    return articles.reset_index(drop=True)


def select_rows(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows of a per-article table (``articles`` itself, names, hedges ...) whose article is in ``articles``.

    A missing outlet becomes :data:`~analysis.core.values.UNKNOWN_OUTLET` so per-outlet comparisons keep the row.
    """
    require_frame(table, ("article_id",), "table")
    require_frame(articles, ("article_id",), "articles")
    rows = table[table["article_id"].isin(set(articles["article_id"]))]
    if "outlet" in rows.columns:
        rows = rows.assign(outlet=rows["outlet"].fillna(UNKNOWN_OUTLET))
    return rows.reset_index(drop=True)


def named(outlets) -> pd.Series:
    """``outlets`` as a Series with a missing outlet shown as :data:`~analysis.core.values.UNKNOWN_OUTLET`."""
    series = pd.Series(outlets, dtype=object)
    return series.where(series.notna(), UNKNOWN_OUTLET)


def outlets_phrase(outlets, rows: str = "articles") -> str:
    """How many named outlets ``outlets`` holds, and how many of its ``rows`` have none: "40 named outlets, and
    171 articles with no outlet". The unknown outlet is never counted as an outlet."""
    series = named(outlets)
    unknown = int((series == UNKNOWN_OUTLET).sum())
    n = series[series != UNKNOWN_OUTLET].nunique()
    text = f"{n} named outlet{'' if n == 1 else 's'}"
    unit = rows[:-1] if unknown == 1 and rows.endswith("s") else rows
    return text + (f", and {unknown} {unit} with no outlet" if unknown else "")


def others_label(n: int) -> str:
    """The name of the group of the outlets a figure does not name: ``others (n outlets)``."""
    return f"others ({n} outlet{'' if n == 1 else 's'})"


def outlet_groups(outlets, top: int = TOP_OUTLETS) -> dict:
    """``{outlet: name shown}``, busiest first: the ``top`` most frequent outlets keep their names, the rest are "others".

    ``outlets``: one value per article (or per row counted). The unknown outlet
    is never folded into "others" and comes last; with at most ``top + 1``
    known outlets every outlet keeps its name.
    """
    counts = named(outlets).value_counts()
    known = sorted(((-n, name) for name, n in counts.items() if name != UNKNOWN_OUTLET))
    names = [name for _, name in known]
    kept = names if len(names) <= top + 1 else names[:top]
    groups = {name: name for name in kept}
    rest = names[len(kept):]
    groups.update({name: others_label(len(rest)) for name in rest})
    if UNKNOWN_OUTLET in counts.index:
        groups[UNKNOWN_OUTLET] = UNKNOWN_OUTLET
    return groups


def group_order(groups: dict) -> list[str]:
    """The names shown by :func:`outlet_groups`, in its order (busiest, then "others", then unknown)."""
    return list(dict.fromkeys(groups.values()))


def percent(part, whole) -> float:
    """``part`` as a percentage of ``whole``, one decimal (0.0 when ``whole`` is 0)."""
    return round(100.0 * part / whole, 1) if whole else 0.0


def articles_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles, their share, words and date span per outlet, busiest first (the unknown outlet last)."""
    frame = articles.assign(outlet=named(articles["outlet"]).to_numpy())
    grouped = frame.groupby("outlet", sort=True)
    table = pd.DataFrame({
        "articles": grouped.size(),
        "% of articles": grouped.size().map(lambda n: percent(n, len(frame))),
        "words": grouped["n_words"].sum().astype("int64"),
        "median_words": grouped["n_words"].median(),
        "undated": grouped["published"].apply(lambda d: int(d.isna().sum())),
        "first_published": grouped["published"].min(),
        "last_published": grouped["published"].max(),
    }).reset_index()
    order = list(outlet_groups(frame["outlet"], top=len(table)))
    return table.set_index("outlet").reindex(order).reset_index()


def publication_period(published, fence_days: int = 21) -> tuple:
    """The period the corpus covers, ``(first, last)`` publication date, stray dates left out; ``(None, None)`` if none.

    A date further than three interquartile ranges (at least ``fence_days``)
    below the first quartile or above the third is stray: one article dated
    1992 (or 2024) in a 2020 corpus does not stretch every time axis.
    """
    days = pd.Series([d.toordinal() for d in pd.Series(published, dtype=object).dropna()], dtype="int64")
    if days.empty:
        return None, None
    low, high = days.quantile(0.25), days.quantile(0.75)
    fence = max(3 * (high - low), fence_days)
    kept = days[(days >= low - fence) & (days <= high + fence)]
    return dt.date.fromordinal(int(kept.min())), dt.date.fromordinal(int(kept.max()))


def date_outliers(articles: pd.DataFrame, period: tuple) -> pd.DataFrame:
    """Articles dated outside ``period`` (:func:`publication_period`): left off the time axes, listed instead."""
    columns = ["article_id", "outlet", "title", "published", "published_basis"]
    first, last = period
    if first is None:
        return pd.DataFrame(columns=columns)
    dated = articles[articles["published"].notna()]
    stray = dated[dated["published"].map(lambda d: d < first or d > last).astype(bool)]
    stray = stray.assign(outlet=named(stray["outlet"]).to_numpy())
    return stray.sort_values(["published", "article_id"])[columns].reset_index(drop=True)


def time_bin(period: tuple) -> str:
    """``"day"``, ``"week"`` or ``"month"``: the bar of a timeline over ``period``, so a long corpus keeps readable bars."""
    first, last = period
    span = (last - first).days if first is not None else 0
    return "day" if span <= 120 else "week" if span <= 730 else "month"


def bin_width(unit: str) -> pd.Timedelta:
    """How wide a timeline's bar of ``unit`` is drawn: a span of time, never a bare number (matplotlib reads a
    bare integer width on a date axis in the dates' own unit, microseconds, and the bars vanish)."""
    return pd.Timedelta(days={"day": 0.8, "week": 6, "month": 26}[unit])


def bin_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the ``unit`` (day, week from Monday, month) holding ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def publication_timeline(articles: pd.DataFrame, groups: dict | None = None, period: tuple | None = None) -> pd.DataFrame:
    """Articles per time bin and outlet group (rows: bin starts with articles; columns: :func:`group_order`).

    ``groups`` (:func:`outlet_groups`) folds the quieter outlets into "others";
    ``period`` (:func:`publication_period`) leaves stray dates out and sets the
    bin (:func:`time_bin`).
    """
    dated = articles.dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame()
    period = period or publication_period(dated["published"])
    groups = groups or outlet_groups(articles["outlet"], top=articles["outlet"].nunique() + 1)
    unit = time_bin(period)
    dated = dated[dated["published"].map(lambda d: period[0] <= d <= period[1])]
    frame = pd.DataFrame({"published": [bin_start(d, unit) for d in dated["published"]],
                          "outlet": named(dated["outlet"]).map(groups).to_numpy()})
    wide = frame.groupby(["published", "outlet"]).size().unstack(fill_value=0).sort_index()
    return wide.reindex(columns=[g for g in group_order(groups) if g in wide.columns])


def length_summary(articles: pd.DataFrame, groups: dict) -> pd.DataFrame:
    """Words per article by outlet group (:func:`outlet_groups`): articles, quartiles, range; all articles first."""
    frame = pd.DataFrame({"outlet": named(articles["outlet"]).map(groups).to_numpy(),
                          "n_words": articles["n_words"].astype("float64").to_numpy()})
    rows = []
    for name, words in [("all articles", frame["n_words"])] + [(g, frame.loc[frame["outlet"] == g, "n_words"])
                                                               for g in group_order(groups)]:
        if words.empty:
            continue
        rows.append({"outlet": name, "articles": len(words), **{
            k: int(round(v)) for k, v in (("min", words.min()), ("q1", words.quantile(0.25)), ("median", words.median()),
                                          ("q3", words.quantile(0.75)), ("max", words.max()))}})
    return pd.DataFrame(rows, columns=["outlet", "articles", "min", "q1", "median", "q3", "max"])


MANIFEST = "manifest"
PIPELINE = "warcov (read from the file)"


def manifest_dated(path: Path) -> set[str]:
    """Ids of the articles to which the manifest at ``path`` gives a publication date.

    The file is read as ingest reads it (``ingest.corpus.read_manifest``):
    ``article_id`` is the file stem, the first row of an id counts, and a date
    is a ``published`` value in YYYY-MM-DD form. A missing or unreadable
    manifest, or one without an ``article_id`` column, dates nothing. Read
    here rather than imported, because report tables do not depend on ingest.
    """
    if not path.is_file():
        return set()
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "article_id" not in (reader.fieldnames or []):
                return set()
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error):
        return set()
    seen: set[str] = set()
    dated: set[str] = set()
    for row in rows:
        article_id = (row.get("article_id") or "").strip()
        if not article_id:
            continue
        article_id = Path(article_id).stem
        if article_id in seen:
            continue
        seen.add(article_id)
        try:
            dt.date.fromisoformat((row.get("published") or "").strip())
        except ValueError:  # no date, or not one in YYYY-MM-DD form
            continue
        dated.add(article_id)
    return dated


def date_given_by(articles: pd.DataFrame, raw_dir=None) -> pd.Series:
    """Who established each article's publication date, beside its ``published_basis``.

    ``manifest`` when the raw folder's ``manifest.csv`` gives the article a
    date (``published_basis`` is then the manifest's own basis column: how the
    person who made the manifest established the date), :data:`PIPELINE` when
    warcov read the date from the file itself, ``""`` when no date is known. A
    manifest that cannot be read counts as no manifest (the build reported it).
    """
    folder = Path(raw_dir) if raw_dir else config.RAW_DIR
    dated = manifest_dated(folder / config.MANIFEST_NAME)
    values = [("" if pd.isna(published) else MANIFEST if article_id in dated else PIPELINE)
              for article_id, published in zip(articles["article_id"], articles["published"])]
    return pd.Series(values, index=articles.index, name="date_given_by", dtype=object)


NO_DATE = "nobody (no date)"


def date_sources(articles: pd.DataFrame, given_by: pd.Series | None = None) -> pd.DataFrame:
    """Who gave the publication dates and on what basis: one row per (date_given_by, published_basis), with shares.

    ``given_by``: :func:`date_given_by`. Columns: date_given_by,
    published_basis, articles, % of articles; most frequent first.
    """
    columns = ["date_given_by", "published_basis", "articles", "% of articles"]
    if articles.empty:
        return pd.DataFrame(columns=columns)
    by = given_by.replace("", NO_DATE).to_numpy() if given_by is not None else [""] * len(articles)
    frame = pd.DataFrame({"date_given_by": by, "published_basis": articles["published_basis"].fillna("unknown").to_numpy()})
    table = frame.groupby(["date_given_by", "published_basis"]).size().rename("articles").reset_index()
    table["% of articles"] = table["articles"].map(lambda n: percent(n, len(frame)))
    return table.sort_values(["articles", "date_given_by", "published_basis"], ascending=[False, True, True],
                             ignore_index=True)[columns]


def date_sources_by_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet (rows, busiest first), how its publication dates were established: a count per basis, shares.

    Outlets are rows and the few bases columns, so the table stays narrow at
    any number of outlets. ``% inferred``: dates read from the article text
    (basis ``text``), the least certain; ``% undated``: no date at all.
    """
    frame = articles.assign(outlet=named(articles["outlet"]).to_numpy(),
                            published_basis=articles["published_basis"].fillna("unknown"))
    if frame.empty:
        return pd.DataFrame(columns=["outlet", "articles", "% inferred", "% undated"])
    wide = frame.groupby(["outlet", "published_basis"]).size().unstack(fill_value=0)
    bases = sorted(wide.columns, key=lambda b: (b == "unknown", b))
    wide = wide[bases]
    total = wide.sum(axis=1)
    wide.insert(0, "articles", total)
    wide["% inferred"] = [percent(n, t) for n, t in zip(wide.get("text", 0 * total), total)]
    wide["% undated"] = [percent(n, t) for n, t in zip(wide.get("unknown", 0 * total), total)]
    order = list(outlet_groups(frame["outlet"], top=len(wide)))
    return wide.reindex(order).rename_axis(columns=None).reset_index()


def metadata_sources(articles: pd.DataFrame, given_by: pd.Series | None = None) -> pd.DataFrame:
    """Where each article's publication date came from (basis x outlet counts).

    With ``given_by`` (:func:`date_given_by`), rows are (date_given_by, basis).
    Wide at many outlets: the report shows :func:`date_sources` and
    :func:`date_sources_by_outlet` instead.
    """
    frame = articles.assign(outlet=articles["outlet"].fillna(UNKNOWN_OUTLET),
                            published_basis=articles["published_basis"].fillna("unknown"))
    rows = ["published_basis"]
    if given_by is not None:
        frame = frame.assign(date_given_by=given_by.replace("", NO_DATE).to_numpy())
        rows = ["date_given_by", "published_basis"]
    return frame.groupby(rows + ["outlet"]).size().unstack(fill_value=0)


def article_flags(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per metadata flag raised on an article."""
    rows = [
        {"article_id": a, "outlet": o, "flag": flag.strip()}
        for a, o, flags in zip(articles["article_id"], articles["outlet"], articles["flags"])
        for flag in str(flags or "").split(";") if flag.strip()
    ]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "flag"])


def languages(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per language (``language`` as ingest detected it; missing: ``unknown``), with shares."""
    counts = articles["language"].fillna("unknown").value_counts()
    table = pd.DataFrame({"language": counts.index, "articles": counts.to_numpy()})
    table["% of articles"] = table["articles"].map(lambda n: percent(n, len(articles)))
    return table.sort_values(["articles", "language"], ascending=[False, True], ignore_index=True)


def overview_findings(articles: pd.DataFrame, all_articles: pd.DataFrame, per_outlet: pd.DataFrame, period: tuple,
                      outliers: pd.DataFrame, lengths: pd.DataFrame) -> list[tuple[str, str]]:
    """What report 01 finds, as ``(sentence, where it is shown)`` pairs computed from its tables."""
    n = len(articles)
    if n == 0:
        return [("No article is selected.", "the selection parameters")]
    known = per_outlet[per_outlet["outlet"] != UNKNOWN_OUTLET]
    findings = [(f"{n} of {len(all_articles)} articles are selected, from {len(known)} named outlets"
                 + (f" and {int(per_outlet.loc[per_outlet['outlet'] == UNKNOWN_OUTLET, 'articles'].sum())} with no outlet" if len(known) < len(per_outlet) else "")
                 + ".", "Table 1")]
    if len(known):
        top = known.head(3)
        share = percent(int(top["articles"].sum()), n)
        names = ", ".join(f"{o} ({a})" for o, a in zip(top["outlet"], top["articles"]))
        findings.append((f"The busiest outlet{'s' if len(top) > 1 else ''}: {names}, {share}% of the articles.", "Table 1"))
    if period[0] is not None:
        dated = articles["published"].dropna()
        findings.append((f"{len(dated)} dated articles run from {period[0]} to {period[1]}"
                         + (f"; {len(outliers)} dated outside that period {'is' if len(outliers) == 1 else 'are'} listed, not plotted"
                            if len(outliers) else "")
                         + ".", "Figure 1"))
    else:
        findings.append(("No selected article has a publication date.", "Figure 1"))
    if not lengths.empty:
        row = lengths.iloc[0]
        findings.append((f"Articles have {int(row['median'])} words at the median ({int(row['q1'])}–{int(row['q3'])} "
                         "for the middle half).", "Figure 2"))
    return findings
