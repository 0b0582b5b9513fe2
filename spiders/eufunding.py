"""EU Funding & Tenders portal: open and forthcoming EU calls, from the portal's search API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import scrapy
from scrapy.http import Response

from core.problems import report_problem
from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import eufunding as extractor_module
from spiders.extractors.page import Extraction

# Any text that never occurs in the JSON parts. Fixed, so that a page's search is the
# same request on every run and the HTTP cache can revalidate it (a 304, no body).
BOUNDARY = "clusterfeeds-search-4d9b2f7a"
# The search the portal's own page sends for grants (types 1, 2, 8) that are forthcoming
# or open, narrowed to the programmes of the extractor's table.
SEARCH = {
    "query": {
        "bool": {
            "must": [
                {"terms": {"type": ["1", "2", "8"]}},
                {"terms": {"status": ["31094501", "31094502"]}},
                {"terms": {"frameworkProgramme": sorted(extractor_module.PROGRAMMES)}},
            ]
        }
    },
    "languages": ["en"],
    "sort": {"field": "sortStatus", "order": "ASC"},
}


def search_url(page_size: int, page_number: int) -> str:
    """The URL of one page of the search; the search itself goes in the body."""
    return (
        f"{extractor_module.SEARCH_URL}?apiKey=SEDIA&text=***&pageSize={page_size}&pageNumber={page_number}"
    )


def multipart_json(parts: dict[str, object], boundary: str = BOUNDARY) -> bytes:
    """A multipart/form-data body with each part a JSON blob, as a browser sends them."""
    lines = []
    for name, value in parts.items():
        lines += [
            f"--{boundary}",
            f'Content-Disposition: form-data; name="{name}"; filename="blob"',
            "Content-Type: application/json",
            "",
            json.dumps(value),
        ]
    lines += [f"--{boundary}--", ""]
    return "\r\n".join(lines).encode()


class EufundingSpider(SourceSpider, source=CODE_SOURCES["eufunding"]):
    # Topics per reply (the API allows up to 100), as the declared start URL asks
    # for them; the bundled snapshot's replies were recorded with this size, and
    # their URLs carry it.
    page_size: ClassVar[int] = int(
        parse_qs(urlsplit(CODE_SOURCES["eufunding"].start_urls[0]).query)["pageSize"][0]
    )
    router = extractor_module.ROUTER
    pages_are_html = False

    # The base class GETs its start URLs and next pages; the API answers the
    # search only when it is POSTed, on every page.
    async def start(self) -> AsyncIterator[scrapy.Request]:
        async for request in super().start():
            yield self.search_request(request.url)

    def outputs(self, response: Response, extraction: Extraction) -> Iterator[dict | scrapy.Request]:
        for output in super().outputs(response, extraction):
            if isinstance(output, scrapy.Request):
                yield self.search_request(output.url)
            elif self.first_time(output, response.url):
                yield output

    @cached_property
    def topics_seen(self) -> dict[str, tuple[dict, str]]:
        """Each topic given in this crawl, with the reply it came from."""
        return {}

    def first_time(self, item: dict, reply_url: str) -> bool:
        """Whether the topic is new to this crawl: the API lists some on two pages
        (the extractor keeps one per reply). A repeat that differs is reported."""
        identifier = item["external_id"]
        if identifier not in self.topics_seen:
            self.topics_seen[identifier] = (item, reply_url)
            return True
        first, first_url = self.topics_seen[identifier]
        if item != first:
            message = f"{identifier} again, unlike on {first_url}; the first is kept"
            report_problem(self.crawler, self.name, reply_url, "results", message)
        return False

    def search_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            method="POST",
            body=multipart_json(SEARCH),
            headers={
                "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                "Accept": "application/json",
            },
            callback=self.parse,
            errback=self.page_failed,
        )
