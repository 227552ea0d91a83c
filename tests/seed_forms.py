"""The five seeds in the forms analysts collect news in: HTML pages, a WARC, CSV/JSONL/Parquet exports.

Written here, from the bundled seed texts and manifest, for the ingestion
tests: every page wraps a seed in the markup real sites carry (navigation, a
cookie banner, a related-story list with other dates, comments, a footer),
with meta tags and JSON-LD ``datePublished``. No page or archive from the web.
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from analysis.core import config


def seeds() -> list[dict]:
    """Each seed: id, text, outlet, published, url (manifest values)."""
    with (config.RAW_DIR / config.MANIFEST_NAME).open(encoding="utf-8") as handle:
        manifest = {r["article_id"]: r for r in csv.DictReader(handle)}
    out = []
    for path in sorted(config.RAW_DIR.glob("*.txt")):
        row = manifest[path.stem]
        out.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "outlet": row["outlet"],
                    "published": row["published"], "url": row["url"] or f"https://news.example/{path.stem}"})
    return out


def title_and_paragraphs(text: str) -> tuple[str, list[str]]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = lines[0]
    if title.startswith("date "):  # the seeds' " date YYYY-MM-DD" header line
        title = title[len("date 2020-01-01 "):]
    return title, lines[1:]


def html_page(seed: dict) -> str:
    """A news page around the seed's text, as a content-management system writes one."""
    title, paragraphs = title_and_paragraphs(seed["text"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{seed['published']}T09:30:00+04:00",
                     "dateModified": "2021-03-01T12:00:00+04:00",
                     "publisher": {"@type": "Organization", "name": seed["outlet"]}})
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(seed['outlet'])}</title>
<meta property="og:site_name" content="{html.escape(seed['outlet'])}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{seed['published']}T09:30:00+04:00">
<link rel="canonical" href="{html.escape(seed['url'])}">
<script type="application/ld+json">{ld}</script>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="meta"><span class="author">Staff reporter</span></div>
{body}
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a/1">Parliament debates the budget</a> <time datetime="2019-05-14">14 May 2019</time></li>
<li><a href="/a/2">Wine harvest begins early</a> <time datetime="2021-08-30">30 August 2021</time></li>
</ul></aside>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>Great article, thanks for sharing this with us.</p><time>2022-01-05</time></div></section>
</main>
<footer><p>Copyright 2023 {html.escape(seed['outlet'])}. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p></footer>
</body></html>
"""


def write_html(folder: Path, items: list[dict]) -> list[Path]:
    paths = []
    for seed in items:
        path = folder / f"{seed['id']}.html"
        path.write_text(html_page(seed), encoding="utf-8")
        paths.append(path)
    return paths


def write_warc(path: Path, items: list[dict], extras: bool = True) -> None:
    """A gzipped WARC: per seed a request and an HTML response; plus an image and a metadata record."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for seed in items:
            request = writer.create_warc_record(seed["url"], "request", payload=io.BytesIO(b""),
                                                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                                                              is_http_request=True))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            response = writer.create_warc_record(seed["url"], "response",
                                                 payload=io.BytesIO(html_page(seed).encode("utf-8")),
                                                 http_headers=headers,
                                                 warc_headers_dict={"WARC-Date": "2020-11-20T08:00:00Z"})
            writer.write_record(response)
        if extras:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                                                          http_headers=image))
            writer.write_record(writer.create_warc_record("https://news.example/", "metadata",
                                                          payload=io.BytesIO(b"crawl note"),
                                                          warc_content_type="text/plain"))


def table_rows(items: list[dict], names: dict[str, str] | None = None) -> list[dict]:
    names = names or {}
    return [{names.get("article_id", "article_id"): s["id"], names.get("text", "text"): s["text"],
             names.get("outlet", "outlet"): s["outlet"], names.get("published", "published"): s["published"],
             names.get("url", "url"): s["url"]} for s in items]


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def write_parquet(path: Path, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows), path)
