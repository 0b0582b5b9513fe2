"""Reading a page's lxml tree: the one parse of each page that every extractor
of it shares.

A page is parsed once (``tree_of``) and the tree handed to the site extractor,
the router and the generic reader alike, so none of them may change it: what
one would strip, it strips from a copy (``without``)."""

from __future__ import annotations

import copy
import json
import re

from cssselect import HTMLTranslator
from lxml import etree
from lxml.html import Element, HtmlElement, HTMLParser

# Inline tags get a separator like any other: "<time>4 February 2027</time>, 10:00"
# must not become "4 February 2027 , 10:00".
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:!?)])")

# Real pages nest a few dozen elements deep. libxml2 drops whatever lies deeper
# than 256 elements, text and the rest of the page with it; such a page is parsed
# again keeping elements up to MAX_DEPTH deep, deeper tags dropped and their text
# kept in the deepest element kept.
MAX_DEPTH = 128
# More schema.org objects than a page lists; reading more would only cost time.
MAX_JSON_LD_OBJECTS = 1000

# Text a reader never sees: get_text() leaves it out too.
VISIBLE_STRINGS = etree.XPath(
    "descendant-or-self::text()[not(ancestor::script or ancestor::style or ancestor::template)]",
    smart_strings=False,
)


class DepthCappedTarget:
    """Builds the tree from the parser's events, keeping elements up to MAX_DEPTH deep."""

    def __init__(self) -> None:
        self.builder = etree.TreeBuilder(parser=HTMLParser())
        self.depth = 0

    def start(self, tag, attrib) -> None:
        self.depth += 1
        if self.depth <= MAX_DEPTH:
            self.builder.start(tag, attrib)

    def end(self, tag) -> None:
        if self.depth <= MAX_DEPTH:
            self.builder.end(tag)
        self.depth -= 1

    def data(self, text) -> None:
        self.builder.data(text)

    def comment(self, text) -> None:
        pass

    def close(self) -> HtmlElement:
        return self.builder.close()


def tree_of(page: str | bytes | HtmlElement) -> HtmlElement:
    """The page's root element; a tree already parsed is returned as it is."""
    if isinstance(page, etree._Element):
        return page
    data = page.encode("utf-8", "replace") if isinstance(page, str) else page
    data = data.replace(b"\x00", b"").strip() or b"<html></html>"
    # A parser per page: extractions run on several threads, and a parser is not
    # to be shared between them.
    parser = HTMLParser(encoding="utf-8")
    root = etree.fromstring(data, parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        root = etree.fromstring(data, HTMLParser(encoding="utf-8", target=DepthCappedTarget()))
    return root if root is not None else Element("html")


def strings_of(node: HtmlElement) -> list[str]:
    """The node's visible text pieces in page order, as BeautifulSoup's strings."""
    return VISIBLE_STRINGS(node)


def text_of(node: HtmlElement | None, separator: str = " ") -> str | None:
    """The visible text of a node with whitespace folded, or None."""
    if node is None:
        return None
    text = " ".join(separator.join(VISIBLE_STRINGS(node)).split())
    return text or None


def inline_text(node: HtmlElement | None) -> str | None:
    """Text of a node whose children are inline (<a>, <sup>, <span>): the page's
    own spaces are kept, none are added ("4<sup>th</sup>" is "4th")."""
    return text_of(node, separator="")


def line_of(node: HtmlElement | None) -> str | None:
    """The text of a node as a reader sees it on one line: no space before punctuation."""
    text = text_of(node)
    return SPACE_BEFORE_PUNCTUATION.sub("", text) if text else None


def classes_of(node: HtmlElement) -> list[str]:
    return (node.get("class") or "").split()


def has_class(node: HtmlElement, *names: str) -> bool:
    return any(name in classes_of(node) for name in names)


def meta_content(root: HtmlElement, name: str) -> str | None:
    """The content of <meta property=name>, else of <meta name=name>."""
    for attribute in ("property", "name"):
        for meta in root.iter("meta"):
            if meta.get(attribute) == name and meta.get("content"):
                return meta.get("content")
    return None


def meta_summary(root: HtmlElement) -> str | None:
    """The page's own summary: its Open Graph description, else its meta description."""
    return meta_content(root, "og:description") or meta_content(root, "description")


def json_ld_nodes(root: HtmlElement) -> list[dict]:
    """The schema.org objects in the page's JSON-LD scripts, lists and ``@graph``s
    opened, in page order: at most MAX_JSON_LD_OBJECTS, and one more when the page
    has more (the caller says so). A script that is not JSON, or nests deeper than
    the JSON reader goes, is passed over."""
    nodes: list[dict] = []
    for script in root.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
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


def json_ld_of_type(root: HtmlElement, wanted: str) -> dict:
    """The first schema.org object of type ``wanted`` (``Event`` …) on the page, else {}."""
    for node in json_ld_nodes(root):
        types = node.get("@type")
        if wanted == types or (isinstance(types, list) and wanted in types):
            return node
    return {}


def first_of(node: HtmlElement | None, tag: str) -> HtmlElement | None:
    """The first element named ``tag`` in ``node`` (itself included), else None."""
    return next(node.iter(tag), None) if node is not None else None


def inside(
    element: HtmlElement, tags: tuple[str, ...] = (), ids: tuple[str, ...] = (), classes: tuple[str, ...] = ()
) -> bool:
    """Whether ``element`` stands in one of ``tags``, or in an element with one of
    ``ids`` or ``classes``: a site's chrome (menus, sidebars …), named by each extractor."""
    for ancestor in element.iterancestors():
        if ancestor.tag in tags or ancestor.get("id") in ids or (classes and has_class(ancestor, *classes)):
            return True
    return False


def content_of(root: HtmlElement) -> tuple[HtmlElement | None, str]:
    """The page's main article (else its <main>) and the article's <h1>; (None, "")
    when there is none."""
    main = first_of(root, "main")
    article = first_of(main, "article") if main is not None else None
    article = main if article is None else article
    title = text_of(first_of(article, "h1")) if article is not None else None
    return (article, title) if title else (None, "")


def without(node: HtmlElement, noise: str) -> HtmlElement:
    """A copy of ``node`` without the parts ``noise`` (a CSS selector) matches; the
    page's tree is shared by its readers and stays whole."""
    kept = copy.deepcopy(node)
    for part in kept.cssselect(noise):
        if part is not kept:  # a node never is noise to itself (a post's own class may match)
            part.drop_tree()
    return kept


def selector(css: str) -> etree.XPath:
    """A CSS selector compiled once, finding what BeautifulSoup's ``select`` finds:
    the node's descendants, never the node itself."""
    return etree.XPath(HTMLTranslator().css_to_xpath(css, prefix="descendant::"), smart_strings=False)


def first_match(node: HtmlElement | None, path: etree.XPath) -> HtmlElement | None:
    """The first element a compiled selector or XPath finds in ``node``, else None."""
    found = path(node) if node is not None else []
    return found[0] if found else None
