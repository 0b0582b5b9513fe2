"""A folder of saved real pages, and what a crawl reads from each (bench/extract_real.py).

The folder holds ``expected.jsonl`` (one page a line, with the facts a person
reads on it) and, per page id, ``<id>.html`` (a page as saved, read as is) or
``<id>.txt`` (a page's text, rendered into HTML by ``html_of``). Every page is
read twice: by what a crawl runs on its host (``crawl``) and by the generic
reader as a TOML source would run it (``generic``); each reading goes through
the pipelines' cleaning, date reading and venue reading.
"""

from __future__ import annotations

import html
import json
import logging
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from aggregator.commands.check import spider_for
from pipelines.clean import CleanTextPipeline
from pipelines.normalize import NormalizeDatesPipeline
from pipelines.places import VenuePipeline
from spiders.registry import source_hosts

# The zone a page's dates are read in when its line names none, by its language:
# the zone a TOML source for such a site would declare.
ZONES = {
    "bg": "Europe/Sofia", "cs": "Europe/Prague", "da": "Europe/Copenhagen", "de": "Europe/Berlin",
    "es": "Europe/Madrid", "fi": "Europe/Helsinki", "fr": "Europe/Paris", "it": "Europe/Rome",
    "lt": "Europe/Vilnius", "nl": "Europe/Amsterdam", "no": "Europe/Oslo", "nb": "Europe/Oslo",
    "pl": "Europe/Warsaw", "ro": "Europe/Bucharest", "sk": "Europe/Bratislava", "sv": "Europe/Stockholm",
}  # fmt: skip
DEFAULT_ZONE = "Europe/Brussels"


@dataclass
class Page:
    id: str
    url: str
    expected: dict
    html: str


def load(folder: Path) -> list[Page]:
    """The folder's pages in the order of expected.jsonl; a page with neither file is an error."""
    pages = []
    for number, line in enumerate((folder / "expected.jsonl").read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        expected = json.loads(line)
        saved, text = folder / f"{expected['id']}.html", folder / f"{expected['id']}.txt"
        if saved.is_file():
            body = saved.read_text("utf-8", errors="replace")
        elif text.is_file():
            body = html_of(text.read_text("utf-8"), expected.get("title"))
        else:
            raise SystemExit(f"{folder}/expected.jsonl line {number}: no {saved.name} nor {text.name}")
        pages.append(Page(expected["id"], expected["url"], expected, body))
    return pages


def html_of(text: str, title: str | None) -> str:
    """The text as a page, marked up in one neutral way: the title line (the line
    that reads as the expected title, else the first line) as <h1> and <title>,
    every other non-empty line as its own <p>, nothing else."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    wanted = " ".join((title or "").split())
    heading = next((i for i, line in enumerate(lines) if wanted and line == wanted), 0)
    body = [
        f"<h1>{html.escape(line)}</h1>" if i == heading else f"<p>{html.escape(line)}</p>"
        for i, line in enumerate(lines)
    ]
    head = html.escape(lines[heading]) if lines else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{head}</title></head>'
        f"<body>{''.join(body)}</body></html>"
    )


def owner_of(url: str) -> str | None:
    """The source whose hosts hold the URL's host, if any."""
    host = urlsplit(url).hostname
    return next((name for name, hosts in source_hosts().items() if host in hosts), None)


def generic_source(page: Page, folder: Path) -> Path:
    """A TOML source for the page's site, as a user would write it: its language and
    zone from the page's line, its kind the page's kind (a page with no item is read
    as a news source's page, the kind most of a site's pages are)."""
    language = page.expected.get("language") or "en"
    kind = page.expected["kind"] if page.expected["kind"] != "none" else "news"
    zone = page.expected.get("timezone") or ZONES.get(language, DEFAULT_ZONE)
    path = folder / f"page_{page.id}.toml"
    path.write_text(
        "\n".join(
            [
                'name = "bench_page"',
                'title = "a saved page"',
                'country = "EU"',
                f"language = {json.dumps(language)}",
                f"timezone = {json.dumps(zone)}",
                f"kind = {json.dumps(kind)}",
                f"start_urls = [{json.dumps(page.url)}]",
            ]
        ),
        "utf-8",
    )
    return path


def read(page: Page, toml: Path | None, as_of: str | None) -> tuple[list[dict], str, bool]:
    """The page's items after the pipelines (a dropped item is no item), which reader
    read it (the owner source's when ``toml`` is None, else the one ``toml`` describes),
    and whether that source has a router (a site extractor)."""
    spider = spider_for(page.url, None, toml)
    crawler = spider.crawler
    crawler.spider = spider
    dates = NormalizeDatesPipeline(crawler)
    if as_of:
        dates.as_of = date.fromisoformat(as_of)
    pipelines = [CleanTextPipeline(crawler), dates, VenuePipeline()]
    response = HtmlResponse(url=page.url, body=page.html.encode("utf-8"), encoding="utf-8")
    extraction, _ = spider.extract(page.url, page.html)
    items = []
    for output in spider.outputs(response, extraction):
        if not isinstance(output, dict):
            continue
        try:
            for pipeline in pipelines:
                output = pipeline.process_item(output)
        except DropItem:
            continue
        items.append(output)
    route = spider.router.route(page.url) if spider.router else None
    reader = spider.name if toml is None else "generic"
    if toml is None and spider.router and route is None:
        reader += " (no route for this URL)"
    return items, reader, spider.router is not None


def readings(page: Page, as_of: str | None) -> dict[str, tuple[list[dict], str, bool] | None]:
    """``generic`` (the generic reader as a TOML source) and ``crawl`` (what a crawl
    runs on the page's host: its source's router, its TOML source, or for a host no
    source has, the generic reader); ``site`` is the crawl's reading on a host whose
    source has a router, None elsewhere."""
    logging.disable(logging.WARNING)  # problems are the pipelines' business, not the figures'
    with tempfile.TemporaryDirectory() as folder:
        generic = read(page, generic_source(page, Path(folder)), as_of)
    owner = owner_of(page.url)
    crawl = read(page, None, as_of) if owner else generic
    site = crawl if owner and crawl[2] else None
    return {"generic": generic, "crawl": crawl, "site": site}
