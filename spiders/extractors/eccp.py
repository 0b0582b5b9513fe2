"""European Cluster Collaboration Platform (clustercollaboration.eu, Drupal).

Listings (event calendar, calls search, news) give links; node pages give one
item each, read from the node's labelled fields ("Start:", "DEADLINE:" …);
news pages, the newsletter included, also give the events and calls they announce.
"""

from __future__ import annotations

import re
import string
from functools import partial
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from core.sources import CODE_SOURCES
from spiders.extractors.page import Extraction, absolute, first, split_status
from spiders.extractors.routes import LISTING, Page, Router
from spiders.extractors.tree import (
    classes_of,
    inline_text,
    inside,
    json_ld_of_type,
    meta_content,
    meta_summary,
    strings_of,
    tree_of,
)

HOSTS = CODE_SOURCES["eccp"].hosts
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)
LANGUAGE = "en"
NEWEST_FIRST = ("/news", "/community-news")
# Parts of a page that repeat on every page (menus, sidebars, footer): never items, never links.
in_chrome = partial(inside, tags=("header", "footer", "aside", "nav"))

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:CET|CEST|UTC|GMT|\(?Brussels time\)?))?)?"
DATE = rf"(?:{_DAY}\s*[-–]\s*{_DAY}\s+{_MONTH}|{_DAY}\s+{_MONTH}(?:\s*[-–]\s*{_DAY}\s+{_MONTH})?)\s+\d{{4}}{_TIME}"
_PLACE = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)*(?:, [A-Z][\w'-]+(?: [A-Z][\w'-]+)*)*"
EVENT_ANNOUNCED = re.compile(
    rf"(?:will take place|will be held|will (?:be )?organi[sz]e[d]?|takes place|SAVE THE DATE)[^.!?]*?"
    rf"(?P<when>(?:\bin {_PLACE} )?(?:\bon )?{DATE}(?: in {_PLACE})?)"
)
CALL_ANNOUNCED = re.compile(
    rf"(?P<when>(?i:open until|open till|deadline(?: for [a-z ]+?)?(?: is)?:?)\s+{DATE})"
)
DATE_LINE = re.compile(rf"(?P<deadline>(?i:deadline):?\s*)?{DATE}")
SAVE_THE_DATE = re.compile(r"SAVE THE DATE for (?:the )?(?P<name>.+?)(?: that | which |:)")
STATUS_PREFIX = re.compile(r"^(?P<status>cancell?ed|postponed|closed|rescheduled)\s*[:\-–]\s*", re.IGNORECASE)
BLOCKS = ("h2", "h3", "h4", "h5", "h6", "p", "li", "hr")
# Drupal's node types, as the markup names them (node--type-…): what item each is.
# Any other type (a basic page) is no item.
NODE_TYPES = {
    "event": "event",
    "eccp-calls": "call",
    "news": "news",
    "community-news": "news",
    "newsletter": "news",
}
DEADLINE_LABEL = re.compile(r"^(?:deadline|cut-off dates?)\b")
CALL_TITLE = re.compile(r"\bcalls?\b", re.IGNORECASE)
SUBMITTED_BY = re.compile(r"^\s*Submitted by\b")
ONLINE_EVENT = re.compile(r"^\s*Online event\s*$")

# The page's chrome as an XPath condition, to leave it out of a search rather than ask of each hit.
OUTSIDE_CHROME = "not(ancestor::header or ancestor::footer or ancestor::aside or ancestor::nav)"
# Longer than any label a field is read by ("Event target:").
LONGEST_LABEL = 40
# A label's text as a field's label is compared: lower case, spaces folded, colons dropped.
# XPath folds only ASCII spaces, so the others Python folds become spaces first.
_SPACES = "".join(c for c in map(chr, range(0x80, 0x3001)) if c.isspace())
_LABEL_KEY = (
    f"normalize-space(translate(., '{string.ascii_uppercase}{_SPACES}:', "
    f"'{string.ascii_lowercase}{' ' * len(_SPACES)}'))"
)
# The leaves (elements without elements inside) outside the chrome short enough to be a
# label, in one query: Fields then reads each label as a reader would.
LABEL_LEAVES = etree.XPath(
    f"descendant::*[not(*)][string-length({_LABEL_KEY}) <= {LONGEST_LABEL}][{OUTSIDE_CHROME}]"
)
LEAVES = etree.XPath(f"descendant::*[not(*)][{OUTSIDE_CHROME}]")
_IS_BLOCK = " or ".join(f"self::{tag}" for tag in BLOCKS)
# The innermost blocks of a text, outside the chrome, in page order.
INNER_BLOCKS = etree.XPath(f"descendant::*[{_IS_BLOCK}][not(descendant::*[{_IS_BLOCK}])][{OUTSIDE_CHROME}]")
EMPHASISED = etree.XPath("descendant::*[self::strong or self::b or self::em]")
BYLINE = etree.XPath("descendant::*[contains(concat(' ', normalize-space(@class), ' '), ' date ')]")
NODES = etree.XPath(f"descendant::*[@data-history-node-id][{OUTSIDE_CHROME}]")
HEADINGS = etree.XPath(f"descendant::h1[{OUTSIDE_CHROME}]")


def node_page(url: str, page: Page) -> Extraction:
    """The items of a node page, read as the kind the page says it is (a /content/
    node may be a call, an event, news or a static page, which gives none)."""
    root = tree_of(page)
    node = main_node(root)
    read = {"event": event_page, "call": call_page, "news": news_page}.get(kind_of_node(root, node))
    return Extraction(items=read(url, root, node)) if read and node is not None else Extraction()


def kind_of_page(page: Page) -> str | None:
    """The kind of item a node page is; None for a static page (``/content/gdpr``)."""
    root = tree_of(page)
    return kind_of_node(root, main_node(root))


def kind_of_node(root: HtmlElement, node: HtmlElement | None) -> str | None:
    """The node's type when its markup gives one; else the page's signals, as a
    reader tells them: the "Event Type" / "Event Target" labels make an event, a
    "Deadline" label or a title naming a call make a call, a "Submitted by" byline
    makes news. A page with none of them (a privacy notice) is no item."""
    if node is not None and (node_type := node_type_of(node)):
        return NODE_TYPES.get(node_type)
    content = node if node is not None else next(root.iter("main"), root)
    labels = {
        label.rstrip(":").strip().casefold() for leaf in LEAVES(content) if (label := inline_text(leaf))
    }
    if labels & {"event type", "event target", "start", "end"}:
        return "event"
    if any(DEADLINE_LABEL.match(label) for label in labels) or CALL_TITLE.search(page_title(root)):
        return "call"
    if any(SUBMITTED_BY.match(text) for text in strings_of(content)):
        return "news"
    return None


def listing_page(url: str, page: Page) -> Extraction:
    """Links to the detail pages of a listing, and its next page."""
    root = tree_of(page)
    links: list[str] = []
    next_page = None
    for anchor in content_anchors(root):
        link = own_url(url, anchor.get("href"))
        if link is None:
            continue
        if is_next(anchor):
            next_page = next_page or link
        elif ROUTER.kind_of(link) not in (None, LISTING) and link not in links:
            links.append(link)
    # News listings run newest first; the event calendar and calls run by date.
    newest_first = bool(links) and urlsplit(url).path.rstrip("/") in NEWEST_FIRST
    return Extraction(links=links, next_page=next_page, newest_first=newest_first)


def event_page(url: str, root: HtmlElement, node: HtmlElement) -> list[dict]:
    title, status = split_status(page_title(root), STATUS_PREFIX)
    fields = Fields(node)
    start = fields.labelled("start", "date", "dates", "when")
    end = fields.labelled("end")
    place = fields.values("location", "place", "venue")
    online = (
        True if any(ONLINE_EVENT.match(text) for text in strings_of(node)) else (False if place else None)
    )
    event_data = json_ld_of_type(root, "Event")
    if start is None and event_data.get("startDate"):
        start, end = (
            [event_data["startDate"]],
            ([event_data["endDate"]] if event_data.get("endDate") else None),
        )
    if online is None and event_data.get("eventAttendanceMode"):
        online = "Online" in event_data["eventAttendanceMode"]
    return [
        raw_item(
            "event",
            url,
            title,
            LANGUAGE,
            **common_fields(root, node),
            start_text=start[0] if start else None,
            end_text=end[0] if end else None,
            location=first(place),
            online=online,
            status_text=status or first(fields.values("status")),
            tags=fields.values("event type") + fields.values("event target") + fields.values("tags"),
        )
    ]


def call_page(url: str, root: HtmlElement, node: HtmlElement) -> list[dict]:
    title, status = split_status(page_title(root), STATUS_PREFIX)
    fields = Fields(node)
    cut_offs = fields.values("cut-off dates", "cut-off date", "cut-offs")
    deadline = fields.labelled("deadline", "deadline date")
    return [
        raw_item(
            "call",
            url,
            title,
            LANGUAGE,
            **common_fields(root, node),
            deadline_texts=cut_offs or (deadline or []),
            opens_text=first(fields.labelled("opening date", "opens")),
            status_text=first(fields.values("status")) or status,
            tags=fields.values("tags"),
        )
    ]


def news_page(url: str, root: HtmlElement, node: HtmlElement) -> list[dict]:
    title = page_title(root)
    news = raw_item(
        "news", url, title, LANGUAGE, **common_fields(root, node), tags=Fields(node).values("tags")
    )
    return [news, *announcements(url, node, title)]


def announcements(url: str, node: HtmlElement, page_name: str) -> list[dict]:
    """Events and calls a news text announces: one per section (a heading or
    separator starts one), plus every "title link / date line" pair of a list."""
    items: list[dict] = []
    heading, section_done, previous = None, False, None
    for block in INNER_BLOCKS(node):
        text = inline_text(block) or ""
        if block.tag == "hr":
            heading, section_done, previous = None, False, None
            continue
        if block.tag.startswith("h"):
            heading, section_done = text, False
        listed = DATE_LINE.fullmatch(text)
        if listed and previous is not None and link_only(previous):
            name = inline_text(previous) or page_name
            kind = "call" if listed.group("deadline") else "event"
            items.append(announced(kind, url, name, text))
        elif not section_done and (found := announcement_in(text)):
            kind, match = found
            items.append(
                announced(
                    kind,
                    url,
                    announced_name(block, text, match, heading) or page_name,
                    match.group("when"),
                    summary=text,
                )
            )
            section_done = True
        previous = block
    return items


def announcement_in(text: str) -> tuple[str, re.Match] | None:
    found = [
        (m.start(), kind, m)
        for kind, pattern in (("event", EVENT_ANNOUNCED), ("call", CALL_ANNOUNCED))
        if (m := pattern.search(text))
    ]
    return min(found, key=lambda f: f[0])[1:] if found else None


def announced_name(block: HtmlElement, text: str, match: re.Match, heading: str | None) -> str | None:
    """What is announced: a "SAVE THE DATE for …" name, the section heading, or
    the emphasised words of the announcing sentence."""
    if save := SAVE_THE_DATE.search(text):
        return save.group("name")
    if heading:
        return heading
    sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("! ", 0, match.start())) + 1
    sentence = text[sentence_start : match.start()]
    emphasised = [t for e in EMPHASISED(block) if (t := inline_text(e)) and t in sentence]
    return emphasised[-1] if emphasised else None


def announced(kind: str, url: str, name: str, when: str, summary: str | None = None) -> dict:
    dates = {"start_text": when} if kind == "event" else {"deadline_texts": [when]}
    return raw_item(kind, url, name, LANGUAGE, key=name, summary=summary, **dates)


def common_fields(root: HtmlElement, node: HtmlElement) -> dict:
    byline = next(iter(BYLINE(node)), None)
    published = inline_text(byline) or meta_content(root, "article:published_time")
    return {
        "summary": meta_summary(root),
        "published_text": published,
        "external_id": node.get("data-history-node-id"),
    }


class Fields:
    """A node's fields: each a leaf whose whole text is a label, followed by its value(s)."""

    def __init__(self, node: HtmlElement):
        self.labels = [
            (label.rstrip(":").strip().casefold(), label, leaf)
            for leaf in LABEL_LEAVES(node)
            if (label := inline_text(leaf))
        ]

    def labelled(self, *labels: str) -> list[str] | None:
        """Each value of the first field with one of ``labels``, prefixed by the
        label as the page writes it ("Start: 16 November 2020")."""
        found = self.field(labels)
        return [f"{found[0]} {value}" for value in found[1]] if found else None

    def values(self, *labels: str) -> list[str]:
        """The values of the first field with one of ``labels``, without the label."""
        found = self.field(labels)
        return found[1] if found else []

    def field(self, labels: tuple[str, ...]) -> tuple[str, list[str]] | None:
        for key, label, leaf in self.labels:
            if key not in labels:
                continue
            value = next(leaf.itersiblings(etree.Element), None)
            if value is None:
                continue
            parts = [t for child in value.iterchildren(etree.Element) if (t := inline_text(child))]
            found = parts if len(parts) > 1 else [t for t in [inline_text(value)] if t]
            if found:
                return label, found
        return None


def main_node(root: HtmlElement) -> HtmlElement | None:
    """The page's own node, not the teasers of sidebars and related content."""
    return next((node for node in NODES(root) if "view-mode-teaser" not in (node.get("class") or "")), None)


def node_type_of(node: HtmlElement) -> str | None:
    for css_class in classes_of(node):
        if css_class.startswith("node--type-"):
            return css_class.removeprefix("node--type-")
    return None


def page_title(root: HtmlElement) -> str:
    return inline_text(next(iter(HEADINGS(root)), None)) or meta_content(root, "og:title") or ""


def is_next(anchor: HtmlElement) -> bool:
    return "next" in (anchor.get("rel") or "").split()


def content_anchors(root: HtmlElement) -> list[HtmlElement]:
    content = next(root.iter("main"), root)
    return [a for a in content.iter("a") if a.get("href") is not None and (not in_chrome(a) or is_next(a))]


def link_only(block: HtmlElement) -> bool:
    anchors = block.findall(".//a")
    return len(anchors) == 1 and inline_text(anchors[0]) == inline_text(block)


ROUTER = Router(
    {
        HOSTS: [
            (r"/(?:event-calendar|news|community-news|search-results)/*$", LISTING, listing_page),
            (r"/event-calendar/[^/]+/?$", "event", node_page),
            # Events, calls, news and static pages alike: the page tells which.
            (r"/content/[^/]+/?$", kind_of_page, node_page),
            # A series of the ECCP's own events: its page lists its editions.
            (r"/events/organised-by-eccp/[^/]+/?$", LISTING, listing_page),
            (r"/events/organised-by-eccp/[^/]+/[^/]+/?$", "event", node_page),
            (r"/(?:news|community-news)/[^/]+/?$", "news", node_page),
        ]
    }
)
extract = ROUTER.extract
