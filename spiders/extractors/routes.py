"""Where a site's pages are, what kind each is, and what reads it: one table per site.

An extractor module declares its ``ROUTER``: for each group of hosts, rows of
(path pattern, page kind, reader), as web-poet's ``handle_urls`` registers a
page object for URL patterns. The first row whose hosts hold the URL's host and
whose pattern matches the URL's path (``re.match``) reads the page. Spiders crawl
with it, and when a reader finds nothing on a page (the site was redesigned) the
generic extractor reads it as the row's kind, not as whatever the source lists first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.items import KINDS
from spiders.extractors.page import Extraction

# The kind of a page of links to other pages: it is no item of its own.
LISTING = "listing"
PAGE_KINDS = (*KINDS, LISTING)

Reader = Callable[[str, str], Extraction]


@dataclass(frozen=True)
class Route:
    hosts: tuple[str, ...]
    path: re.Pattern[str]
    # The page's own item's kind (the reader may find the page says otherwise), or LISTING.
    kind: str
    read: Reader

    def matches(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.hostname in self.hosts and self.path.match(parts.path) is not None


class Router:
    """A site's table of routes, first match first."""

    def __init__(self, table: Mapping[tuple[str, ...], Sequence[tuple[str | re.Pattern[str], str, Reader]]]):
        self.routes = tuple(
            Route(hosts, re.compile(path), kind, read)
            for hosts, rows in table.items()
            for path, kind, read in rows
        )
        for route in self.routes:
            if route.kind not in PAGE_KINDS:
                raise ValueError(
                    f"{route.path.pattern!r}: {route.kind!r} is not one of {', '.join(PAGE_KINDS)}"
                )

    def route(self, url: str) -> Route | None:
        return next((route for route in self.routes if route.matches(url)), None)

    def kind_of(self, url: str) -> str | None:
        """The kind of the page at ``url``; None for a page the site's table does not know."""
        route = self.route(url)
        return route.kind if route else None

    def reader_of(self, url: str) -> Reader | None:
        """What reads the page at ``url``: a listing links the pages one reader reads."""
        route = self.route(url)
        return route.read if route else None

    def extract(self, url: str, html: str) -> Extraction:
        """The page read by its route's reader; empty for a page the table does not know."""
        route = self.route(url)
        return route.read(url, html) if route else Extraction()
