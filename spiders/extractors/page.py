"""What an extractor returns, and the small helpers every extractor needs
(reading a page's tree is spiders/extractors/tree.py)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit


@dataclass
class Extraction:
    """Items found on one page and links worth following from it."""

    items: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    # Link to the next listing page; kept apart so a crawl can stop paging early.
    next_page: str | None = None
    # The listing is sorted newest first, so once all its entries are known
    # the crawl need not page further.
    newest_first: bool = False
    # (field, message) for what the page should have had and did not, e.g. a
    # reply whose shape changed; the spider reports each with the page's URL.
    problems: list[tuple[str, str]] = field(default_factory=list)


def absolute(base_url: str, href: str | None, hosts: Collection[str] | None = None) -> str | None:
    """An absolute http(s) URL without fragment, or None for mailto:, javascript:, '#',
    and, when ``hosts`` are given, for a link to any other site."""
    if not href:
        return None
    url = urldefrag(urljoin(base_url, href.strip())).url
    if not url.startswith(("http://", "https://")):
        return None
    return url if hosts is None or urlsplit(url).hostname in hosts else None


def first(found: Iterable[str] | None) -> str | None:
    return next(iter(found or ()), None)


def split_status(title: str, prefix: re.Pattern[str]) -> tuple[str, str | None]:
    """A title without its status prefix ("CANCELLED: …", group ``status`` of
    ``prefix``), and that prefix."""
    match = prefix.match(title)
    return (title[match.end() :], match["status"]) if match else (title, None)
