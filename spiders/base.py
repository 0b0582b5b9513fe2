"""The base of every source's spider: crawl from start URLs, hand each page to
the source's extractor, follow the links it returns.

Each page is bounded: its extraction runs on a worker thread with a time limit
(CLUSTERFEEDS_PAGE_SECONDS), and what it yields is capped
(CLUSTERFEEDS_PAGE_ITEMS, CLUSTERFEEDS_PAGE_LINKS); each overrun is a problem
naming source and URL, and the crawl goes on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import fields
from functools import cached_property
from typing import ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from core import db as database
from core.problems import report_problem
from core.sources import Source, hosts_of
from core.trust import host_of
from spiders.extractors import generic
from spiders.extractors.page import Extraction
from spiders.extractors.routes import LISTING, Router, canonical_url
from spiders.extractors.tree import tree_of
from spiders.field_fallback import Reading, fill_in
from spiders.registry import source_hosts
from spiders.threads import Overrun, in_thread

# What a page in these languages is in when it is not UTF-8 and does not say.
LEGACY_ENCODINGS = {
    **dict.fromkeys(("pl", "cs", "sk", "hu", "ro", "hr", "sl"), "cp1250"),
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    "bg": "cp1251",
}
# Answers that say a page is gone for good, not that it could not be read now.
GONE = (404, 410)


class SourceSpider(scrapy.Spider):
    """Subclasses set the source's facts and ``extractor``; crawling is shared."""

    # Facts about the source, shown by `clusterfeeds sources` and used by the pipelines;
    # a source's spider takes them from its declaration (core.sources.Source, which
    # says what each is) by `class ...(SourceSpider, source=...)`.
    title: ClassVar[str] = ""
    homepage: ClassVar[str] = ""
    country: ClassVar[str] = ""  # ISO 3166-1 alpha-2, or "EU"
    languages: ClassVar[tuple[str, ...]] = ()
    timezone: ClassVar[str] = "Europe/Brussels"
    kinds: ClassVar[tuple[str, ...]] = ()
    start_urls: ClassVar[list[str]] = []
    # The hosts whose pages are the source's own, exactly (no subdomains): an
    # item's URL must be on one. Default: the start URLs' hosts. Scrapy may
    # crawl these and the start URLs' hosts (allowed_domains).
    hosts: ClassVar[tuple[str, ...]] = ()
    # The site's table of pages (spiders/extractors/routes.py): it reads them, and
    # tells the generic reading of a page its kind when its reader finds nothing.
    router: ClassVar[Router | None] = None
    # extract(url, html) -> Extraction; a plain function, see spiders/extractors.
    # Default: the router's.
    extractor: ClassVar[Callable[[str, str], Extraction]]
    # The declaration the facts above were taken from, if they were.
    source: ClassVar[Source | None] = None
    # Whether the source's pages are HTML: each is then parsed once, and its tree
    # shared by the extractor, the router and the generic reading (a JSON API's
    # replies go to its extractor as text).
    pages_are_html: ClassVar[bool] = True

    def __init_subclass__(cls, source: Source | None = None, **kwargs):
        """``source``: the source's facts (core/sources.py, or its TOML file), which
        the class takes as its attributes: one declaration, read with or without Scrapy."""
        super().__init_subclass__(**kwargs)
        if source is not None:
            if declared_twice := [fact.name for fact in fields(source) if fact.name in cls.__dict__]:
                raise TypeError(f"{cls.__name__}: {', '.join(declared_twice)} already declared by its source")
            for fact in fields(source):
                setattr(cls, fact.name, getattr(source, fact.name))
            cls.start_urls = list(source.start_urls)  # as Scrapy has them
            cls.source = source
        if cls.router is not None and "extractor" not in cls.__dict__:
            cls.extractor = staticmethod(cls.router.extract)
        cls.hosts = tuple(cls.hosts) or hosts_of(cls.start_urls)
        cls.allowed_domains = list(dict.fromkeys([*cls.hosts, *hosts_of(cls.start_urls)]))

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.known_urls = database.known_urls(self.settings.get("CLUSTERFEEDS_DB"), self.name)
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.page_failed)

    @cached_property
    def extraction_slots(self) -> asyncio.Semaphore:
        """How many of this source's pages are extracted at a time."""
        return asyncio.Semaphore(self.settings.getint("CLUSTERFEEDS_EXTRACTION_THREADS"))

    async def parse(self, response: Response) -> AsyncIterator[dict | scrapy.Request]:
        if not isinstance(response, TextResponse):
            report_problem(
                self.crawler,
                self.name,
                response.url,
                "page",
                f"not a text page ({response.headers.get('Content-Type')!r})",
            )
            return
        html = self.page_text(response)
        try:
            # A slot is given back when time is up, even though the thread runs on.
            async with self.extraction_slots:
                extraction, reading = await in_thread(
                    self.extract,
                    response.url,
                    html,
                    name=f"extract {self.name}",
                    seconds=self.settings.getfloat("CLUSTERFEEDS_PAGE_SECONDS"),
                )
        except Overrun as overrun:
            report_problem(
                self.crawler, self.name, response.url, "page", f"extraction {overrun}; the page is skipped"
            )
            return
        if reading.stood_in:
            self.crawler.stats.inc_value("clusterfeeds/generic_fallback")
        if reading.fields:
            self.crawler.stats.inc_value("clusterfeeds/generic_fields", len(reading.fields))
        for output in self.outputs(response, extraction):
            yield output

    def extract(self, url: str, html: str) -> tuple[Extraction, Reading]:
        """The page's extraction (on a worker thread: it touches nothing shared), and
        how the generic reading helped: standing in for the source's extractor, or
        giving its item the fields it missed."""
        page = tree_of(html) if self.pages_are_html and self.router else html
        extraction = type(self).extractor(url, page)
        kind = self.router.kind_of_page(url, page) if self.router else None
        if kind in (None, LISTING):
            return extraction, Reading()
        if extraction.items or extraction.links or extraction.next_page:
            return extraction, Reading(fields=fill_in(extraction, url, page, self.languages[0]))
        # The site's markup changed under its selectors: what a generic reading
        # finds beats silence. Read as the kind of page the site's table says it
        # is: a call page read as an event would be dated at its deadline.
        extraction = generic.extract_page(url, page, language=self.languages[0], kind=kind)
        return extraction, Reading(stood_in=bool(extraction.items))

    def outputs(self, response: TextResponse, extraction: Extraction) -> Iterator[dict | scrapy.Request]:
        """The page's problems reported, its items, and requests for its links, within the caps."""
        for field, message in extraction.problems:
            report_problem(self.crawler, self.name, response.url, field, message)
        if not extraction.items and canonical_url(response.url) in self.known_urls:
            # A maintenance or error page served as 200 must not pass for the
            # removal of what the page announced.
            self.crawler.stats.inc_value("clusterfeeds/pages_lost")
            report_problem(
                self.crawler,
                self.name,
                response.url,
                "page",
                "gave no item where it gave some before; its stored items are kept",
            )
        for item in self.capped(response.url, "items", extraction.items, "CLUSTERFEEDS_PAGE_ITEMS"):
            if isinstance(item.get("url"), str):
                # A session or print-view parameter must not make one page two items.
                item = {**item, "url": canonical_url(item["url"])}
            if own := self.own_item(item, canonical_url(response.url)):
                yield {**own, "source": self.name}
        links = self.capped(response.url, "links", extraction.links, "CLUSTERFEEDS_PAGE_LINKS")
        for url in [*links, self.next_page(response, extraction)]:
            if url:
                # Fetched without its session or cache parameters, so that the
                # duplicate filter knows it by one URL.
                yield response.follow(canonical_url(url), callback=self.parse, errback=self.page_failed)

    def capped(self, url: str, field: str, found: list, setting: str) -> list:
        cap = self.settings.getint(setting)
        if len(found) > cap:
            report_problem(
                self.crawler,
                self.name,
                url,
                field,
                f"{len(found)} on one page; only the first {cap} kept ({setting})",
            )
        return found[:cap]

    def own_item(self, item: dict, page_url: str) -> dict | None:
        """The item with a URL on this source's hosts, so that no page can speak
        for another site. An item pointing elsewhere (a JSON-LD ``url`` on another
        domain) becomes its page's item, the other URL kept as its related link
        unless that is on a source's host, where it could pass for that source's
        page. Reported either way; None when the page itself is not the source's."""
        url = item.get("url")
        if host_of(url) in self.hosts:
            return item
        hosts = ", ".join(self.hosts)
        if host_of(page_url) not in self.hosts:
            report_problem(
                self.crawler,
                self.name,
                page_url,
                "url",
                f"{url!r}: neither it nor its page is on {self.name}'s hosts ({hosts}); item left out",
            )
            return None
        owner = next(
            (name for name, its_hosts in self.hosts_of_sources.items() if host_of(url) in its_hosts), None
        )
        if owner:
            related, fate = None, f"it is {owner}'s host: dropped"
        elif host_of(url) and urlsplit(url).scheme in ("http", "https"):
            related, fate = url, "kept as a related link"
        else:
            related, fate = None, "not a valid http(s) link: dropped"
        report_problem(
            self.crawler,
            self.name,
            page_url,
            "url",
            f"{url!r} is not on {self.name}'s hosts ({hosts}); the page's own URL is used; {fate}",
        )
        # The other URL tells apart several such items on one page.
        return {**item, "url": page_url, "related_url": related, "key": item.get("key") or url}

    @cached_property
    def hosts_of_sources(self) -> dict[str, tuple[str, ...]]:
        return {**source_hosts(), self.name: self.hosts}

    def next_page(self, response: Response, extraction: Extraction) -> str | None:
        """The next listing page, unless a newest-first listing has reached
        entries that are all known already: what follows is older still."""
        links = extraction.links
        if (
            extraction.next_page
            and extraction.newest_first
            and links
            and all(canonical_url(link) in self.known_urls for link in links)
        ):
            self.crawler.stats.inc_value("clusterfeeds/paging_stopped")
            self.logger.info(
                "%s: stopped paging at %s: its %d entries are known", self.name, response.url, len(links)
            )
            return None
        return extraction.next_page

    def page_text(self, response: TextResponse) -> str:
        """The page as text. A page that declares no charset and is not UTF-8 is
        read in the legacy encoding of its source's language (windows-1250 for
        Polish, windows-1257 for Lithuanian …) rather than guessed as Latin-1."""
        body = response.body
        declared = http_content_type_encoding(
            response.headers.get("Content-Type", b"").decode("latin-1")
        ) or html_body_declared_encoding(body)
        for encoding in (declared, "utf-8"):
            if encoding:
                try:
                    return body.decode(encoding)
                except (UnicodeDecodeError, LookupError):
                    continue
        legacy = LEGACY_ENCODINGS.get(self.languages[0] if self.languages else "", "cp1252")
        if declared:
            report_problem(
                self.crawler,
                self.name,
                response.url,
                "page",
                f"declared {declared} but is not; read as {legacy}",
            )
        return body.decode(legacy, errors="replace")

    def request_dropped(self, request: scrapy.Request, spider=None) -> None:
        """A redirect back to a page already on its way is a loop that the
        duplicate filter would drop without a word."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            report_problem(
                self.crawler,
                self.name,
                chain[0],
                "page",
                "redirect loop: " + " → ".join([*chain, request.url]),
            )

    def page_failed(self, failure: Failure) -> None:
        """A page that could not be fetched: reported, and the crawl goes on."""
        url = failure.request.url if hasattr(failure, "request") else "?"
        response = getattr(failure.value, "response", None)
        message = (
            f"HTTP {response.status} answer"
            if response is not None
            else f"{failure.type.__name__}: {failure.getErrorMessage()}"
        )
        if response is None or response.status not in GONE:
            # What this page lists was not seen, yet may still be there.
            self.crawler.stats.inc_value("clusterfeeds/pages_lost")
        report_problem(self.crawler, self.name, url, "page", message)
