"""European Cluster Collaboration Platform (clustercollaboration.eu, Drupal).

Listings (event calendar, calls search, news) give links; node pages give one
item each, read from the node's labelled fields ("Start:", "DEADLINE:" …);
news pages, the newsletter included, also give the events and calls they announce.
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from core.items import raw_item
from spiders.extractors.page import (
    Extraction,
    absolute,
    first,
    inline_text,
    inside,
    json_ld_of_type,
    meta_content,
    meta_summary,
    soup_of,
    split_status,
)
from spiders.extractors.routes import LISTING, Router

HOSTS = ("www.clustercollaboration.eu", "clustercollaboration.eu")
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


def node_page(url: str, html: str) -> Extraction:
    """The items of a node page, read as the kind the page says it is (a /content/
    node may be a call, an event, news or a static page, which gives none)."""
    soup = soup_of(html)
    node = main_node(soup)
    page = {"event": event_page, "call": call_page, "news": news_page}.get(kind_of_node(soup, node))
    return Extraction(items=page(url, soup, node)) if page and node else Extraction()


def kind_of_page(html: str) -> str | None:
    """The kind of item a node page is; None for a static page (``/content/gdpr``)."""
    soup = soup_of(html)
    return kind_of_node(soup, main_node(soup))


def kind_of_node(soup: BeautifulSoup, node: Tag | None) -> str | None:
    """The node's type when its markup gives one; else the page's signals, as a
    reader tells them: the "Event Type" / "Event Target" labels make an event, a
    "Deadline" label or a title naming a call make a call, a "Submitted by" byline
    makes news. A page with none of them (a privacy notice) is no item."""
    if node is not None and (node_type := node_type_of(node)):
        return NODE_TYPES.get(node_type)
    root = node or soup.find("main") or soup
    labels = {
        label.rstrip(":").strip().casefold()
        for leaf in root.find_all(True)
        if leaf.find(True) is None and not in_chrome(leaf) and (label := inline_text(leaf))
    }
    if labels & {"event type", "event target", "start", "end"}:
        return "event"
    if any(DEADLINE_LABEL.match(label) for label in labels) or CALL_TITLE.search(page_title(soup)):
        return "call"
    if root.find(string=SUBMITTED_BY):
        return "news"
    return None


def listing_page(url: str, html: str) -> Extraction:
    """Links to the detail pages of a listing, and its next page."""
    soup = soup_of(html)
    links: list[str] = []
    next_page = None
    for anchor in content_anchors(soup):
        link = own_url(url, anchor.get("href"))
        if link is None:
            continue
        if "next" in (anchor.get("rel") or []):
            next_page = next_page or link
        elif ROUTER.kind_of(link) not in (None, LISTING) and link not in links:
            links.append(link)
    # News listings run newest first; the event calendar and calls run by date.
    newest_first = bool(links) and urlsplit(url).path.rstrip("/") in NEWEST_FIRST
    return Extraction(links=links, next_page=next_page, newest_first=newest_first)


def event_page(url: str, soup: BeautifulSoup, node: Tag) -> list[dict]:
    title, status = split_status(page_title(soup), STATUS_PREFIX)
    start = labelled(node, "start", "date", "dates", "when")
    end = labelled(node, "end")
    place = values(node, "location", "place", "venue")
    online = True if node.find(string=re.compile(r"^\s*Online event\s*$")) else (False if place else None)
    event_data = json_ld_of_type(soup, "Event")
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
            **common_fields(soup, node),
            start_text=start[0] if start else None,
            end_text=end[0] if end else None,
            location=first(place),
            online=online,
            status_text=status or first(values(node, "status")),
            tags=values(node, "event type") + values(node, "event target") + values(node, "tags"),
        )
    ]


def call_page(url: str, soup: BeautifulSoup, node: Tag) -> list[dict]:
    title, status = split_status(page_title(soup), STATUS_PREFIX)
    cut_offs = values(node, "cut-off dates", "cut-off date", "cut-offs")
    deadline = labelled(node, "deadline", "deadline date")
    return [
        raw_item(
            "call",
            url,
            title,
            LANGUAGE,
            **common_fields(soup, node),
            deadline_texts=cut_offs or (deadline or []),
            opens_text=first(labelled(node, "opening date", "opens")),
            status_text=first(values(node, "status")) or status,
            tags=values(node, "tags"),
        )
    ]


def news_page(url: str, soup: BeautifulSoup, node: Tag) -> list[dict]:
    title = page_title(soup)
    news = raw_item("news", url, title, LANGUAGE, **common_fields(soup, node), tags=values(node, "tags"))
    return [news, *announcements(url, node, title)]


def announcements(url: str, node: Tag, page_name: str) -> list[dict]:
    """Events and calls a news text announces: one per section (a heading or
    separator starts one), plus every "title link / date line" pair of a list."""
    items: list[dict] = []
    heading, section_done, previous = None, False, None
    for block in node.find_all(BLOCKS):
        if block.find(BLOCKS) or in_chrome(block):
            continue
        text = inline_text(block) or ""
        if block.name == "hr":
            heading, section_done, previous = None, False, None
            continue
        if block.name.startswith("h"):
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


def announced_name(block: Tag, text: str, match: re.Match, heading: str | None) -> str | None:
    """What is announced: a "SAVE THE DATE for …" name, the section heading, or
    the emphasised words of the announcing sentence."""
    if save := SAVE_THE_DATE.search(text):
        return save.group("name")
    if heading:
        return heading
    sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("! ", 0, match.start())) + 1
    sentence = text[sentence_start : match.start()]
    emphasised = [t for e in block.find_all(["strong", "b", "em"]) if (t := inline_text(e)) and t in sentence]
    return emphasised[-1] if emphasised else None


def announced(kind: str, url: str, name: str, when: str, summary: str | None = None) -> dict:
    dates = {"start_text": when} if kind == "event" else {"deadline_texts": [when]}
    return raw_item(kind, url, name, LANGUAGE, key=name, summary=summary, **dates)


def common_fields(soup: BeautifulSoup, node: Tag) -> dict:
    byline = node.select_one(".date")
    published = inline_text(byline) or meta_content(soup, "article:published_time")
    return {
        "summary": meta_summary(soup),
        "published_text": published,
        "external_id": node.get("data-history-node-id"),
    }


def labelled(node: Tag, *labels: str) -> list[str] | None:
    """Each value of the first field with one of ``labels``, prefixed by the
    label as the page writes it ("Start: 16 November 2020")."""
    found = field_of(node, labels)
    return [f"{found[0]} {value}" for value in found[1]] if found else None


def values(node: Tag, *labels: str) -> list[str]:
    """The values of the first field with one of ``labels``, without the label."""
    found = field_of(node, labels)
    return found[1] if found else []


def field_of(node: Tag, labels: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """A field is a leaf whose whole text is a label, followed by its value(s)."""
    for element in node.find_all(True):
        if element.find(True) is not None:
            continue
        label = inline_text(element)
        # in_chrome walks up the tree: ask it only of the few leaves that are labels.
        if not label or label.rstrip(":").strip().casefold() not in labels or in_chrome(element):
            continue
        value = element.find_next_sibling()
        if value is None:
            continue
        parts = [t for child in value.find_all(recursive=False) if (t := inline_text(child))]
        found = parts if len(parts) > 1 else [t for t in [inline_text(value)] if t]
        if found:
            return label, found
    return None


def main_node(soup: BeautifulSoup) -> Tag | None:
    """The page's own node, not the teasers of sidebars and related content."""
    for article in soup.find_all(attrs={"data-history-node-id": True}):
        if not in_chrome(article) and "view-mode-teaser" not in " ".join(article.get("class", [])):
            return article
    return None


def node_type_of(node: Tag) -> str | None:
    for css_class in node.get("class", []):
        if css_class.startswith("node--type-"):
            return css_class.removeprefix("node--type-")
    return None


def page_title(soup: BeautifulSoup) -> str:
    heading = next((h for h in soup.find_all("h1") if not in_chrome(h)), None)
    return inline_text(heading) or meta_content(soup, "og:title") or ""


def content_anchors(soup: BeautifulSoup) -> list[Tag]:
    root = soup.find("main") or soup
    return [a for a in root.find_all("a", href=True) if not in_chrome(a) or "next" in (a.get("rel") or [])]


def link_only(block: Tag) -> bool:
    anchors = block.find_all("a")
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
