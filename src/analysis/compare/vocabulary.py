"""Words that set an outlet apart, and how alike outlets' vocabularies are.

:func:`distinctive_terms` is the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5) of each
outlet against all the others. For term w, outlet i and the rest j, with prior
pseudo-counts a_w = alpha0 * pi_w (pi = background term shares) and a0 = sum a_w:

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w),   z_w = delta_w / sqrt(var_w)

The background defaults to the pooled corpus; an analyst may pass their own
(a DataFrame with a ``text`` column, or a Series of counts indexed by term).
``alpha0`` = ``prior_strength`` x the number of tokens in the corpus, so the
default prior carries as much weight as the corpus itself (MCQ's choice).
:func:`outlet_similarity` is TF-IDF cosine between outlets (all of an outlet's
articles as one document); :func:`outlet_map` places outlets in 2-D by
classical (Torgerson) MDS of 1 - similarity, which is deterministic.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analysis.core.frames import require_frame
from analysis.core.values import UNKNOWN_OUTLET
from analysis.lexicons.load import read_lexicon
from analysis.nlp.sentences import sentence_at, split_sentences

LANGUAGE = "en"  # the language whose articles are compared (the stop words and the extraction are English)
FURNITURE_WORDS = 12  # a line of at most this many words ...
FURNITURE_ARTICLES = 3  # ... repeated in this many articles of one outlet is page furniture, not the outlet's words
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # CountVectorizer's default token pattern

TERM_COLUMNS = {
    "outlet": "outlet the terms are distinctive of (against all other outlets)",
    "rank": "1 = most distinctive (highest z)",
    "term": "token or n-gram (lower case, scikit-learn CountVectorizer tokens)",
    "delta": "log-odds ratio of the term, outlet vs rest, with the Dirichlet prior",
    "variance": "approximate variance of delta",
    "z": "delta / sqrt(variance): positive = used more by the outlet",
    "count": "occurrences of the term in the outlet's articles",
    "count_rest": "occurrences in the other outlets' articles",
    "prior": "prior pseudo-count a_w of the term",
}

MAP_COLUMNS = {
    "outlet": "outlet",
    "x": "first MDS coordinate (distances approximate 1 - TF-IDF cosine similarity)",
    "y": "second MDS coordinate",
    "n_articles": "articles of the outlet in the input",
}


def default_stop_words() -> list[str]:
    """Words left out of distinctive terms and similarity: function words and page debris.

    English stop words (scikit-learn's) with ``lexicons/vocabulary_stopwords.csv``
    (more English reporting words, and the function words of the other
    languages a page may quote or carry: a misdetected article's "и" or "için"
    is no term), ``lexicons/vocabulary_debris.csv`` (page furniture:
    "copyright", "articleclose", share buttons, web addresses) and the site
    names of ``lexicons/outlets.csv`` (one-word aliases and domain names).
    """
    words = set(ENGLISH_STOP_WORDS)
    words |= {w.strip().lower() for w in read_lexicon("vocabulary_stopwords", required=("language", "word"))["word"]}
    words |= {w.strip().lower() for w in read_lexicon("vocabulary_debris", required=("term",))["term"]}
    outlets = read_lexicon("outlets")
    for alias in outlets.get("alias", []):
        tokens = _TOKEN.findall(str(alias).lower())
        if len(tokens) == 1:
            words.add(tokens[0])
    for domain in outlets.get("domain", []):
        words |= set(_TOKEN.findall(str(domain).lower().rsplit(".", 1)[0]))
    return sorted(words)


def comparable_articles(articles: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """The articles vocabulary compares, without page furniture, and how many were left out and why.

    Left out: articles with no outlet (nothing to set them apart from) and
    articles not in :data:`LANGUAGE` (English stop words do not suit them).
    From the rest, lines of at most :data:`FURNITURE_WORDS` words repeated in
    :data:`FURNITURE_ARTICLES` or more articles of one outlet are removed
    (bylines, navigation, footers). Returns ``(articles, {reason: count})``.
    """
    require_frame(articles, ("article_id", "outlet", "text"), "articles")
    no_outlet = articles["outlet"].isna() | (articles["outlet"] == UNKNOWN_OUTLET)
    language = articles["language"] if "language" in articles.columns else pd.Series(LANGUAGE, index=articles.index)
    other = ~no_outlet & language.notna() & (language != LANGUAGE)
    kept = articles[~no_outlet & ~other].copy()
    texts = []
    for _, group in kept.groupby("outlet", sort=False):
        seen: dict[str, int] = {}
        for text in group["text"].astype(str):
            for line in {ln.strip().lower() for ln in text.splitlines() if ln.strip()}:
                if len(line.split()) <= FURNITURE_WORDS:
                    seen[line] = seen.get(line, 0) + 1
        furniture = {line for line, n in seen.items() if n >= FURNITURE_ARTICLES}
        for index, text in zip(group.index, group["text"].astype(str)):
            texts.append((index, "\n".join(ln for ln in text.splitlines() if ln.strip().lower() not in furniture)))
    if texts:
        kept.loc[[i for i, _ in texts], "text"] = [t for _, t in texts]
    left_out = {"no outlet": int(no_outlet.sum()), "not English": int(other.sum())}
    return kept.reset_index(drop=True), left_out


def _outlet_docs(articles: pd.DataFrame, param: str = "articles") -> pd.Series:
    require_frame(articles, ("outlet", "text"), param)
    if articles["outlet"].isna().any():
        raise ValueError(f"{param}: {int(articles['outlet'].isna().sum())} article(s) have no outlet; drop or fill them")
    docs = articles.groupby("outlet", sort=True)["text"].agg(lambda t: "\n".join(map(str, t)))
    if len(docs) < 2:
        raise ValueError(f"{param}: need articles from at least 2 outlets, got {len(docs)}")
    return docs


def _check_min_df(min_df):
    if isinstance(min_df, bool) or not isinstance(min_df, (int, float)):
        raise TypeError(f"min_df: expected an int >= 1 or a float in (0, 1], got {min_df!r}")
    if isinstance(min_df, int) and min_df < 1:
        raise ValueError(f"min_df: must be >= 1 (articles), got {min_df}")
    if isinstance(min_df, float) and not 0 < min_df <= 1:
        raise ValueError(f"min_df: a float must be in (0, 1] (share of articles), got {min_df}")


def distinctive_terms(
    articles: pd.DataFrame,
    *,
    background: pd.DataFrame | pd.Series | None = None,
    min_df: int | float = 1,
    prior_strength: float = 1.0,
    n_terms: int | None = 20,
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: str | list[str] | None = None,
) -> pd.DataFrame:
    """Top ``n_terms`` terms of each outlet by z-score (all terms when None). Columns: ``TERM_COLUMNS``.

    ``min_df`` counts articles (int) or a share of them (float), as in
    CountVectorizer; ``stop_words`` defaults to :func:`default_stop_words`. Terms of
    digits only (years, counts) are left out.
    """
    require_frame(articles, ("outlet", "text"), "articles")
    _check_min_df(min_df)
    if not isinstance(prior_strength, (int, float)) or isinstance(prior_strength, bool) or not prior_strength > 0:
        raise ValueError(f"prior_strength: must be a number > 0, got {prior_strength!r}")
    if n_terms is not None and (isinstance(n_terms, bool) or not isinstance(n_terms, int) or n_terms < 1):
        raise ValueError(f"n_terms: must be an int >= 1 or None, got {n_terms!r}")
    _outlet_docs(articles)
    vectorizer = CountVectorizer(min_df=min_df, ngram_range=ngram_range, stop_words=stop_words or default_stop_words(),
                                 token_pattern=r"(?u)\b(?!\d+\b)\w\w+\b")
    try:
        matrix = vectorizer.fit_transform(articles["text"].astype(str))
    except ValueError as exc:  # empty vocabulary
        raise ValueError(f"articles: no terms left after min_df={min_df!r} ({exc})") from exc
    terms = vectorizer.get_feature_names_out()
    outlets = articles["outlet"].to_numpy()
    names = sorted(set(outlets))
    per_outlet = np.vstack([np.asarray(matrix[outlets == o].sum(axis=0)).ravel() for o in names]).astype(float)
    pooled = per_outlet.sum(axis=0)
    shares = _background_shares(background, terms, vectorizer, pooled)
    alpha0 = float(prior_strength) * pooled.sum()
    a = alpha0 * shares
    rows = []
    for i, outlet in enumerate(names):
        y_i = per_outlet[i]
        y_j = pooled - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = np.log((y_i + a) / (n_i + alpha0 - y_i - a)) - np.log((y_j + a) / (n_j + alpha0 - y_j - a))
        var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
        z = delta / np.sqrt(var)
        order = np.lexsort((terms, -z))
        if n_terms is not None:
            order = order[:n_terms]
        for rank, k in enumerate(order, start=1):
            rows.append({"outlet": outlet, "rank": rank, "term": terms[k], "delta": delta[k], "variance": var[k],
                         "z": z[k], "count": int(y_i[k]), "count_rest": int(y_j[k]), "prior": a[k]})
    return pd.DataFrame(rows, columns=list(TERM_COLUMNS))


def _background_shares(background, terms, vectorizer, pooled) -> np.ndarray:
    """Prior term shares over ``terms``: pooled corpus, or the analyst's background (+0.5 smoothing)."""
    if background is None:
        counts = pooled
    else:
        if isinstance(background, pd.DataFrame):
            require_frame(background, ("text",), "background")
            bg = CountVectorizer(vocabulary=terms, ngram_range=vectorizer.ngram_range,
                                 stop_words=vectorizer.stop_words).transform(background["text"].astype(str))
            counts = np.asarray(bg.sum(axis=0)).ravel().astype(float)
        elif isinstance(background, pd.Series):
            values = pd.to_numeric(background, errors="coerce")
            if values.isna().any() or (values < 0).any():
                raise ValueError("background: counts must be non-negative numbers")
            index = background.index.astype(str).str.lower()
            counts = values.groupby(index).sum().reindex(terms, fill_value=0).to_numpy(dtype=float)
        else:
            raise TypeError(f"background: expected a DataFrame with a text column or a Series of counts, got {type(background).__name__}")
        counts = counts + 0.5  # a term absent from the background still gets a finite prior
    total = counts.sum()
    if total <= 0:
        raise ValueError("background: no counts for any corpus term")
    return counts / total


def outlet_similarity(articles: pd.DataFrame, *, min_df: int = 1, stop_words: str | list[str] | None = None) -> pd.DataFrame:
    """Outlet x outlet TF-IDF cosine similarity (1 on the diagonal); ``stop_words`` defaults to :func:`default_stop_words`."""
    _check_min_df(min_df)
    docs = _outlet_docs(articles)
    tfidf = TfidfVectorizer(min_df=min_df, stop_words=stop_words or default_stop_words(),
                            sublinear_tf=True).fit_transform(docs.to_numpy())
    sim = cosine_similarity(tfidf)
    np.fill_diagonal(sim, 1.0)
    return pd.DataFrame(sim, index=pd.Index(docs.index, name="outlet"), columns=list(docs.index))


def most_similar_pairs(similarity: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The ``n`` pairs of distinct outlets with the highest similarity (columns outlet_a, outlet_b, similarity)."""
    names = list(similarity.index)
    rows = [{"outlet_a": names[i], "outlet_b": names[j], "similarity": float(similarity.iat[i, j])}
            for i in range(len(names)) for j in range(i + 1, len(names))]
    frame = pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "similarity"])
    return frame.sort_values(["similarity", "outlet_a", "outlet_b"], ascending=[False, True, True],
                             kind="stable").head(n).reset_index(drop=True)


def outlet_map(similarity: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """2-D coordinates of outlets from a similarity matrix (classical MDS; columns: ``MAP_COLUMNS``)."""
    if not isinstance(similarity, pd.DataFrame):
        raise TypeError(f"similarity: expected a DataFrame, got {type(similarity).__name__}")
    if similarity.shape[0] != similarity.shape[1] or list(similarity.index) != list(similarity.columns):
        raise ValueError("similarity: must be square with the same outlets as index and columns")
    sim = similarity.to_numpy(dtype=float)
    if not np.allclose(sim, sim.T, atol=1e-9):
        raise ValueError("similarity: must be symmetric")
    d2 = np.clip(1.0 - sim, 0.0, None) ** 2
    n = len(sim)
    centering = np.eye(n) - np.ones((n, n)) / n
    b = -0.5 * centering @ d2 @ centering
    values, vectors = np.linalg.eigh(b)
    order = np.argsort(values)[::-1][:2]
    coords = np.zeros((n, 2))
    for j, k in enumerate(order):
        if values[k] > 1e-12:
            v = vectors[:, k]
            v = v if v[np.argmax(np.abs(v))] >= 0 else -v  # fix the sign: deterministic output
            coords[:, j] = v * np.sqrt(values[k])
    frame = pd.DataFrame({"outlet": list(similarity.index), "x": coords[:, 0], "y": coords[:, 1]})
    if articles is not None:
        require_frame(articles, ("outlet",), "articles")
        frame["n_articles"] = frame["outlet"].map(articles["outlet"].value_counts()).fillna(0).astype("int64")
    else:
        frame["n_articles"] = pd.NA
    return frame[list(MAP_COLUMNS)]


EVIDENCE_COLUMNS = {
    "outlet": "outlet",
    "rank": "rank of the term among the outlet's distinctive terms",
    "term": "the term",
    "article_id": "article the sentence is from",
    "sentence_index": "index of the sentence (text.split_sentences)",
    "sentence": "a sentence of the outlet using the term",
    "start": "character offset of the term in the article's normalized text",
    "end": "character offset just past the term",
}


def term_sentences(articles: pd.DataFrame, terms: pd.DataFrame, per_term: int = 2) -> pd.DataFrame:
    """Up to ``per_term`` sentences of each outlet that use each of its terms (columns: ``EVIDENCE_COLUMNS``).

    ``terms``: :func:`distinctive_terms` output. Terms are matched as whole
    words, case-insensitively (n-gram words may be separated by other words
    the vectorizer dropped, so only unigrams and contiguous n-grams are found).
    """
    require_frame(articles, ("article_id", "outlet", "text"), "articles")
    require_frame(terms, ("outlet", "rank", "term"), "terms")
    if isinstance(per_term, bool) or not isinstance(per_term, int) or per_term < 1:
        raise ValueError(f"per_term: must be an int >= 1, got {per_term!r}")
    by_outlet = {o: group for o, group in articles.groupby("outlet", sort=False)}
    sentences_of: dict = {}
    rows = []
    for outlet, rank, term in zip(terms["outlet"], terms["rank"], terms["term"]):
        group = by_outlet.get(outlet)
        if group is None:
            continue
        words = [re.escape(w) for w in str(term).split()]
        pattern = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)", re.IGNORECASE)
        found = 0
        for article_id, text in zip(group["article_id"], group["text"]):
            text = str(text)
            for m in pattern.finditer(text):
                if article_id not in sentences_of:
                    sentences_of[article_id] = split_sentences(text)
                s = sentence_at(sentences_of[article_id], m.start())
                rows.append({"outlet": outlet, "rank": rank, "term": term, "article_id": article_id,
                             "sentence_index": s.index if s else -1, "sentence": s.text if s else "",
                             "start": m.start(), "end": m.end()})
                found += 1
                if found >= per_term:
                    break
            if found >= per_term:
                break
    return pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS))


def read_background(path) -> pd.DataFrame | pd.Series:
    """An analyst's background corpus for :func:`distinctive_terms`, read from ``path``.

    A CSV with a ``text`` column (one document per row) gives a DataFrame; a
    CSV with ``term`` and ``count`` columns gives a Series of counts; any
    other file is read as one plain-text document.
    """
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(f"background_file: {file} not found")
    if file.suffix.lower() == ".csv":
        try:
            frame = pd.read_csv(file, dtype=str, keep_default_na=False)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValueError(f"background_file: {file} is not a readable CSV ({exc})") from exc
        if "text" in frame.columns:
            return frame[["text"]]
        if {"term", "count"} <= set(frame.columns):
            counts = pd.to_numeric(frame["count"], errors="coerce")
            bad = frame.index[counts.isna()]
            if len(bad):
                raise ValueError(f"background_file: {file}: row {int(bad[0]) + 2}: count {frame['count'][bad[0]]!r} is not a number")
            return pd.Series(counts.to_numpy(), index=frame["term"].to_numpy(), name="count")
        raise ValueError(f"background_file: {file}: expected a text column, or term and count columns (has: {', '.join(frame.columns)})")
    try:
        return pd.DataFrame({"text": [file.read_text(encoding="utf-8")]})
    except UnicodeDecodeError as exc:
        raise ValueError(f"background_file: {file} is not UTF-8 text") from exc
