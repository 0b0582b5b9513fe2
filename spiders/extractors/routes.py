"""Where a site's pages are, what kind each is, and what reads it: one table per site.

An extractor module declares its ``ROUTER``: for each group of hosts, rows of
(path pattern, page kind, reader), as web-poet's ``handle_urls`` registers a
page object for URL patterns. The first row whose hosts hold the URL's host and
whose pattern matches the URL's path (``re.match``, case-insensitive: sites write
``2_Quartal`` and ``2_quartal`` for the same folder) reads the page. The URL is
matched as ``canonical_url`` gives it, without session and cache parameters.
Spiders crawl with it, and when a reader finds nothing on a page (the site was
redesigned), or misses a field, the generic extractor reads it as the row's kind,
not as whatever the source lists first.

A path some sites share between kinds and static pages (ECCP's ``/content/<slug>``
holds events, calls, news and its privacy notice) has no kind of its own: its row
gives a function of the page that tells the kind from the page's signals,
or None for a page that is no item.

A page is handed on as it comes: its HTML as text or bytes, or the lxml tree of it
(``tree.tree_of``), which a reader of HTML parses when it is not one already, so
that the router, the site's reader and the generic reader share one parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit

from lxml.html import HtmlElement

from core.items import KINDS
from spiders.extractors.page import Extraction

# The kind of a page of links to other pages: it is no item of its own.
LISTING = "listing"
# The kind of a path shared by several kinds: the page decides (see the module's doc).
SHARED = "shared"
PAGE_KINDS = (*KINDS, LISTING, SHARED)

# A page as a reader takes it: its HTML, or the tree already parsed from it.
Page = str | bytes | HtmlElement
Reader = Callable[[str, Page], Extraction]
# The kind a page of a shared path says it is; None: no item.
PageKind = Callable[[Page], str | None]

# Parameters that name a visitor's session or a cache entry, never a page: the same
# page with and without them is one page, to match and to store.
SESSION_PATH_PARAMETER = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
SESSION_QUERY_PARAMETERS = frozenset({"jsessionid", "phpsessid", "chash", "no_cache"})
# A query parameter that asks for another view of the same page (go-cluster's print view).
VIEW_PARAMETERS = frozenset({("view", "renderprint"), ("print", "1")})


def canonical_url(url: str) -> str:
    """``url`` without session and cache parameters (``;jsessionid=…``,
    ``cHash``, ``no_cache``, ``view=renderPrint``) and without a fragment; the
    parameters that identify a page (``NewsId``, ``page``) stay, in their order."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL ("http://[::1"): nothing to strip; the caller judges it
        return url
    path = SESSION_PATH_PARAMETER.sub("", parts.path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [
        (name, value)
        for name, value in pairs
        if name.casefold() not in SESSION_QUERY_PARAMETERS
        and (name.casefold(), value.casefold()) not in VIEW_PARAMETERS
    ]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return parts._replace(path=path, query=query, fragment="").geturl()


@dataclass(frozen=True)
class Route:
    hosts: tuple[str, ...]
    path: re.Pattern[str]
    # The page's own item's kind (the reader may find the page says otherwise), LISTING or SHARED.
    kind: str
    read: Reader
    # For a SHARED path: the kind the page's HTML says it is.
    kind_of_page: PageKind | None = None

    def matches(self, parts: SplitResult) -> bool:
        """Whether the route serves a URL, given split in its canonical form."""
        return parts.hostname in self.hosts and self.path.match(parts.path) is not None


class Router:
    """A site's table of routes, first match first. A row's kind is one of PAGE_KINDS,
    or, for a shared path, a PageKind function."""

    def __init__(
        self,
        table: Mapping[tuple[str, ...], Sequence[tuple[str | re.Pattern[str], str | PageKind, Reader]]],
    ):
        self.routes = tuple(
            Route(
                hosts,
                re.compile(path if isinstance(path, str) else path.pattern, re.IGNORECASE),
                SHARED if callable(kind) else kind,
                read,
                kind if callable(kind) else None,
            )
            for hosts, rows in table.items()
            for path, kind, read in rows
        )
        for route in self.routes:
            if route.kind not in PAGE_KINDS:
                raise ValueError(
                    f"{route.path.pattern!r}: {route.kind!r} is not one of {', '.join(PAGE_KINDS)}"
                )

    def route(self, url: str) -> Route | None:
        parts = urlsplit(canonical_url(url))
        return next((route for route in self.routes if route.matches(parts)), None)

    def kind_of(self, url: str) -> str | None:
        """The kind of the page at ``url`` (SHARED when its page decides); None for a
        page the site's table does not know."""
        route = self.route(url)
        return route.kind if route else None

    def kind_of_page(self, url: str, page: Page) -> str | None:
        """The kind of the page at ``url``: its row's, or what a page of a shared path
        says it is; None for a page that is no item the table knows."""
        route = self.route(url)
        if route is None:
            return None
        return route.kind_of_page(page) if route.kind_of_page else route.kind

    def reader_of(self, url: str) -> Reader | None:
        """What reads the page at ``url``: a listing links the pages one reader reads."""
        route = self.route(url)
        return route.read if route else None

    def extract(self, url: str, page: Page) -> Extraction:
        """The page read by its route's reader; empty for a page the table does not know."""
        route = self.route(url)
        return route.read(url, page) if route else Extraction()
