"""The base of every source's spider: crawl from start URLs, hand each page to
the source's extractor, follow the links it returns."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from aggregator.problems import report_problem
from spiders.extractors.page import Extraction


class SourceSpider(scrapy.Spider):
    """Subclasses set the source's facts and ``extractor``; crawling is shared."""

    # Facts about the source, shown by `clusterfeeds sources` and used by the pipelines.
    title: ClassVar[str] = ""
    homepage: ClassVar[str] = ""
    country: ClassVar[str] = ""          # ISO 3166-1 alpha-2, or "EU"
    languages: ClassVar[tuple[str, ...]] = ()
    timezone: ClassVar[str] = "Europe/Brussels"
    kinds: ClassVar[tuple[str, ...]] = ()
    start_urls: ClassVar[list[str]] = []
    # extract(url, html) -> Extraction; a plain function, see spiders/extractors.
    extractor: ClassVar[Callable[[str, str], Extraction]]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.page_failed)

    def parse(self, response: Response) -> Iterator[dict | scrapy.Request]:
        if not isinstance(response, TextResponse):
            report_problem(self.crawler, self.name, response.url, "page",
                           f"not a text page ({response.headers.get('Content-Type')!r})")
            return
        extraction = type(self).extractor(response.url, response.text)
        for field, message in extraction.problems:
            report_problem(self.crawler, self.name, response.url, field, message)
        for item in extraction.items:
            yield {**item, "source": self.name}
        for url in [*extraction.links, extraction.next_page]:
            if url:
                yield response.follow(url, callback=self.parse, errback=self.page_failed)

    def page_failed(self, failure: Failure) -> None:
        """A page that could not be fetched: reported, and the crawl goes on."""
        url = failure.request.url if hasattr(failure, "request") else "?"
        report_problem(self.crawler, self.name, url, "page", failure.getErrorMessage())
