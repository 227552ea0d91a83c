"""HTML pages: the main text and the metadata a page carries, read with trafilatura and htmldate.

trafilatura is the field's well-kept extractor of a page's main text (it
drops navigation, related-story lists, comments and cookie banners) and of
its title, site name, canonical url and author. htmldate reads the
publication date from meta tags, structured data (JSON-LD ``datePublished``)
and the url, and with ``original_date`` prefers the first publication over
an update. Its free-text search is off: a date in a sidebar is not the
page's date. The page is parsed once with lxml and the tree handed to both,
so a page that is nothing but a web address is never fetched.
"""

from __future__ import annotations

import copy
import datetime as dt

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from analysis.ingest.units import RawUnit

HTML_SNIFF = (b"<html", b"<!doctype html", b"<body", b"<head", b"<article", b"<p>", b"<p ", b"<div", b"<meta")
MIN_WORDS = 10
"""A page whose main text, title aside, has fewer words is not an article (a front page's menu, a gallery)."""
BASIS_DETAIL = "html metadata read by htmldate (meta tags, JSON-LD, url; first publication, not updates)"


def looks_like_html(data: bytes) -> bool:
    """Markup in the first 4 kB: a page, not a text or binary file named .html."""
    head = data[:4096].lower()
    return any(tag in head for tag in HTML_SNIFF)


def page_date(tree, url: str | None) -> dt.date | None:
    """The page's publication date from its markup and url, or None."""
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    return dt.date.fromisoformat(found) if found else None


def read_page(data: bytes, source_file: str, article_id: str, record: int | None = None,
              url: str | None = None, given: dict | None = None) -> RawUnit:
    """One page as a :class:`RawUnit`: its main text and metadata, or the reason it holds no article."""
    return finish_page(page_unit(data, source_file, article_id, record, url, given))


def page_unit(data: bytes, source_file: str, article_id: str, record: int | None = None,
              url: str | None = None, given: dict | None = None) -> RawUnit:
    """One page as a :class:`RawUnit` whose main text is still to be read (:func:`finish_page`): reading it
    is the costly part, which ingest runs wherever the build's workers are."""
    unit = RawUnit(source_file, article_id, data=data, record=record, given=dict(given or {}))
    unit.page_url, unit.page_pending = url, True
    return unit


def finish_page(unit: RawUnit) -> RawUnit:
    """``unit`` (of :func:`page_unit`) with its main text and metadata read, or the reason it holds no article."""
    if not unit.page_pending:
        return unit
    unit.page_pending = False
    data, url = unit.data, unit.page_url
    if not looks_like_html(data):
        unit.error = ("not_html", f"{unit.where} holds no HTML markup; name a plain-text article .txt")
        return unit
    try:
        tree = lxml.html.fromstring(data)
    except (ParserError, ValueError) as exc:
        unit.error = ("not_html", f"{unit.where} cannot be parsed as HTML: {exc}")
        return unit
    published = page_date(copy.deepcopy(tree), url)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    body = (doc.text or "").strip() if doc is not None else ""
    title = (doc.title or "").strip() if doc is not None else ""
    if len(body.removeprefix(title).split()) < MIN_WORDS:
        unit.error = ("no_main_text", f"{unit.where} is HTML but holds no main text (a front page, a gallery or an error page?)")
        return unit
    unit.text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    for key, value in (("title", title), ("url", doc.url or url), ("site_name", doc.sitename), ("author", doc.author)):
        if value and not unit.given.get(key):
            unit.given[key] = value.strip()
    if published is not None:
        unit.given["published"] = published
        unit.published_basis, unit.basis_detail = "html", BASIS_DETAIL
    return unit
