"""What an extractor returns, and the small helpers every extractor needs."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.builder import LXMLTreeBuilder

# Inline tags get a separator like any other: "<time>4 February 2027</time>, 10:00"
# must not become "4 February 2027 , 10:00".
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:!?)])")


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


# Real pages nest a few dozen elements deep. Deeper ones are flattened, so that
# every walk up or down the tree is bounded, however deep a hostile page nests.
MAX_DEPTH = 128
# More schema.org objects than a page lists; reading more would only cost time.
MAX_JSON_LD_OBJECTS = 1000


class DepthCappedBuilder(LXMLTreeBuilder):
    """lxml's HTML tree builder, keeping elements up to MAX_DEPTH deep: the tags of
    deeper ones are dropped and their text joins the deepest element kept."""

    def feed(self, markup) -> None:
        self.depth = 0
        super().feed(markup)

    def start(self, tag, attrib, nsmap=None) -> None:
        self.depth += 1
        if self.depth <= MAX_DEPTH:
            super().start(tag, attrib, nsmap or {})

    def end(self, tag) -> None:
        if self.depth <= MAX_DEPTH:
            super().end(tag)
        self.depth -= 1


def soup_of(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, builder=DepthCappedBuilder())


def text_of(node: Tag | None, separator: str = " ") -> str | None:
    """The visible text of a node with whitespace folded, or None."""
    if node is None:
        return None
    text = " ".join(node.get_text(separator).split())
    return text or None


def absolute(base_url: str, href: str | None, hosts: Collection[str] | None = None) -> str | None:
    """An absolute http(s) URL without fragment, or None for mailto:, javascript:, '#',
    and, when ``hosts`` are given, for a link to any other site."""
    if not href:
        return None
    url = urldefrag(urljoin(base_url, href.strip())).url
    if not url.startswith(("http://", "https://")):
        return None
    return url if hosts is None or urlsplit(url).hostname in hosts else None


def inline_text(node: Tag | None) -> str | None:
    """Text of a node whose children are inline (<a>, <sup>, <span>): the page's
    own spaces are kept, none are added ("4<sup>th</sup>" is "4th")."""
    return text_of(node, separator="")


def meta_content(soup: BeautifulSoup, name: str) -> str | None:
    """The content of <meta property=name> or <meta name=name>."""
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag.get("content") if tag and tag.get("content") else None


def json_ld_nodes(soup: BeautifulSoup) -> list[dict]:
    """The schema.org objects in the page's JSON-LD scripts, lists and ``@graph``s
    opened, in page order: at most MAX_JSON_LD_OBJECTS, and one more when the page
    has more (the caller says so). A script that is not JSON, or nests deeper than
    the JSON reader goes, is passed over."""
    nodes: list[dict] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending and len(nodes) <= MAX_JSON_LD_OBJECTS:
            value = pending.pop()
            if isinstance(value, list):
                pending += reversed(value)
            elif isinstance(value, dict) and "@graph" in value:
                pending.append(value["@graph"])
            elif isinstance(value, dict):
                nodes.append(value)
        if len(nodes) > MAX_JSON_LD_OBJECTS:
            break
    return nodes


def json_ld_of_type(soup: BeautifulSoup, wanted: str) -> dict:
    """The first schema.org object of type ``wanted`` (``Event`` …) on the page, else {}."""
    for node in json_ld_nodes(soup):
        types = node.get("@type")
        if wanted == types or (isinstance(types, list) and wanted in types):
            return node
    return {}


def line_of(node: Tag | None) -> str | None:
    """The text of a node as a reader sees it on one line: no space before punctuation."""
    text = text_of(node)
    return SPACE_BEFORE_PUNCTUATION.sub("", text) if text else None


def first(found: Iterable[str] | None) -> str | None:
    return next(iter(found or ()), None)


def inside(
    element: Tag, tags: tuple[str, ...] = (), ids: tuple[str, ...] = (), classes: tuple[str, ...] = ()
) -> bool:
    """Whether ``element`` stands in one of ``tags``, or in an element with one of
    ``ids`` or ``classes``: a site's chrome (menus, sidebars …), named by each extractor."""
    return (
        (bool(tags) and element.find_parent(tags) is not None)
        or (bool(ids) and element.find_parent(id=list(ids)) is not None)
        or (bool(classes) and element.find_parent(class_=list(classes)) is not None)
    )


def split_status(title: str, prefix: re.Pattern[str]) -> tuple[str, str | None]:
    """A title without its status prefix ("CANCELLED: …", group ``status`` of
    ``prefix``), and that prefix."""
    match = prefix.match(title)
    return (title[match.end() :], match["status"]) if match else (title, None)


def content_of(soup: BeautifulSoup) -> tuple[Tag | None, str]:
    """The page's main article (else its <main>) and the article's <h1>; (None, "")
    when there is none."""
    main = soup.find("main")
    article = (main.find("article") or main) if main else None
    title = text_of(article.find("h1")) if article else None
    return (article, title) if title else (None, "")


def strip_noise(node: Tag, noise: str) -> None:
    """Drop the parts of ``node`` that ``noise`` (a CSS selector) matches."""
    for part in node.select(noise):
        part.decompose()


def meta_summary(soup: BeautifulSoup) -> str | None:
    """The page's own summary: its Open Graph description, else its meta description."""
    return meta_content(soup, "og:description") or meta_content(soup, "description")
