"""EEA and Norway Grants (eeagrants.org, Drupal) and the programme operators'
sites where the calls are published (innovationnorway.ro, eeagrants.lv).

eeagrants.org gives news (with the events they announce in an event box),
project pages (kept as news) and listings, among them an "Open calls" list
linking to the operators' call pages. Call pages give their cut-offs as
sentences ("The call remains open until to 12:00:00 GMT 2019/11/29").
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from core.sources import CODE_SOURCES
from spiders.extractors.page import Extraction, absolute, first, split_status
from spiders.extractors.routes import LISTING, Page, Router
from spiders.extractors.tree import inside, json_ld_nodes, meta_content, meta_summary, text_of, tree_of

LANGUAGE = "en"
FMO_HOSTS = ("eeagrants.org", "www.eeagrants.org")
HOSTS = CODE_SOURCES["eeagrants"].hosts
OPERATOR_HOSTS = tuple(host for host in HOSTS if host not in FMO_HOSTS)
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)

NEWEST_FIRST = ("/en/news",)
PROJECT_PATH = re.compile(r"^/(?:archive/\d{4}-\d{4}|en)/projects/(?P<code>[A-Z]{2}-[A-Z]+-\d+)/?$")

# Parts of a page that are not the page's own content: menus, sidebars, teasers.
in_chrome = partial(inside, tags=("aside", "nav"))
DEADLINE = re.compile(r"\b(?:deadline\b|remains open until|closing date)", re.IGNORECASE)
OPENS = re.compile(r"^(?:call open(?:s|ing)|opening date|opens)\b", re.IGNORECASE)
STATUS_PREFIX = re.compile(
    r"^(?P<status>closed|cancell?ed|postponed|expired|archived)\s*[:\-–]\s*", re.IGNORECASE
)
# A sentence ends at a full stop after a word or a bracket, before a capital.
SENTENCE_END = re.compile(r"(?<=[\w)]\.)\s+(?=[A-Z])")
ONLINE = re.compile(r"\bonline\b", re.IGNORECASE)

# The chrome as an XPath condition, to leave it out of a search rather than ask of each hit.
OUTSIDE_CHROME = "not(ancestor::aside or ancestor::nav)"
LEAVES = etree.XPath(f"descendant::*[not(*)][{OUTSIDE_CHROME}]")
HEADINGS = etree.XPath(f"descendant::h1[{OUTSIDE_CHROME}]")
PARAGRAPHS = etree.XPath(f"descendant::p[{OUTSIDE_CHROME}]")
DATED = etree.XPath(f"descendant::time[@datetime][{OUTSIDE_CHROME}]")
_IS_BLOCK = "self::p or self::li or self::td or self::dd"
# The innermost blocks of a text, outside the chrome, in page order.
INNER_BLOCKS = etree.XPath(f"descendant::*[{_IS_BLOCK}][not(descendant::*[{_IS_BLOCK}])][{OUTSIDE_CHROME}]")


def is_detail(url: str) -> bool:
    return ROUTER.kind_of(url) not in (None, LISTING)


def listing_page(url: str, page: Page) -> Extraction:
    """Links to the detail pages a listing shows, and its next page."""
    document = tree_of(page)
    links: list[str] = []
    next_page = None
    for anchor in next(document.iter("main"), document).iter("a"):
        link = own_url(url, anchor.get("href"))
        if link is None:
            continue
        if "next" in (anchor.get("rel") or "").split():
            next_page = next_page or link
        elif not in_chrome(anchor) and is_detail(link) and link not in links:
            links.append(link)
    if not links and next_page is None:
        return Extraction()
    newest_first = urlsplit(url).path.rstrip("/") in NEWEST_FIRST
    return Extraction(links=links, next_page=next_page, newest_first=newest_first)


def news_page(url: str, page: Page) -> Extraction:
    """A news article, the events its event boxes announce, and the call pages it links."""
    document = tree_of(page)
    root = content_root(document)
    if root is None:
        return Extraction()
    fields = labelled_fields(root)
    summary = meta_summary(document)
    news = raw_item(
        "news",
        url,
        page_title(root),
        LANGUAGE,
        summary=summary,
        published_text=published(document, root),
        tags=fields.get("tags", []),
        external_id=root.get("data-history-node-id"),
    )
    events = [announced_event(url, box, summary) for box in event_boxes(root)]
    links = [
        link
        for a in root.iter("a")
        if not in_chrome(a) and (link := own_url(url, a.get("href"))) and ROUTER.reader_of(link) is call_page
    ]
    return Extraction(items=[news, *events], links=list(dict.fromkeys(links)))


def event_boxes(root: HtmlElement) -> list[HtmlElement]:
    """The boxes of an article that give an event: a heading and a "Date" field."""
    boxes: list[HtmlElement] = []
    for label in LEAVES(root):
        if (text_of(label) or "").rstrip(":").casefold() != "date":
            continue
        box = label.getparent()
        while box is not None and box is not root and heading_of(box) is None:
            box = box.getparent()
        if box is not None and box is not root and box not in boxes:
            boxes.append(box)
    return boxes


def heading_of(box: HtmlElement) -> HtmlElement | None:
    return next(box.iterdescendants("h2", "h3"), None)


def announced_event(url: str, box: HtmlElement, summary: str | None) -> dict:
    title = text_of(heading_of(box)) or ""
    fields = labelled_fields(box)
    venue = first(fields.get("venue") or fields.get("location") or fields.get("place"))
    online = bool(ONLINE.search(venue)) if venue else None
    return raw_item(
        "event",
        url,
        title,
        LANGUAGE,
        key=title,
        summary=summary,
        start_text=first(fields.get("date")),
        location=None if online else venue,
        online=online,
    )


def project_page(url: str, page: Page) -> Extraction:
    """A funded project, kept as news: its summary and its programme and sector as tags."""
    document = tree_of(page)
    root = content_root(document)
    if root is None:
        return Extraction()
    fields = labelled_fields(root)
    summary = next((t for p in PARAGRAPHS(root) if len(t := text_of(p) or "") > 100), None)
    code = first(fields.get("project number")) or PROJECT_PATH.match(urlsplit(url).path)["code"]
    return Extraction(
        items=[
            raw_item(
                "news",
                url,
                page_title(root),
                LANGUAGE,
                summary=summary,
                published_text=published(document, root),
                tags=fields.get("programme", []) + fields.get("sector", []),
                external_id=code,
            )
        ]
    )


def call_page(url: str, page: Page) -> Extraction:
    """An operator's call: one deadline text per cut-off sentence, its opening and status."""
    document = tree_of(page)
    root = content_root(document)
    if root is None:
        return Extraction()
    title, status = split_status(page_title(root), STATUS_PREFIX)
    fields = labelled_fields(root)
    deadlines: list[str] = []
    opens = None
    for block in INNER_BLOCKS(root):
        # The block's own spaces only: "portal</a>. The call" stays one text.
        for sentence in SENTENCE_END.split(text_of(block, separator="") or ""):
            if DEADLINE.search(sentence) and re.search(r"\d", sentence):
                deadlines.append(sentence)
            elif OPENS.match(sentence) and opens is None:
                opens = sentence
    summary = meta_summary(document)
    return Extraction(
        items=[
            raw_item(
                "call",
                url,
                title,
                LANGUAGE,
                summary=summary,
                published_text=published(document, root),
                deadline_texts=deadlines,
                opens_text=opens,
                status_text=status or first(fields.get("call status") or fields.get("status")),
            )
        ]
    )


def content_root(document: HtmlElement) -> HtmlElement | None:
    """The element holding the page's own content: the article of its <h1>."""
    main = next(document.iter("main"), document)
    heading = next(iter(HEADINGS(main)), None)
    if heading is None:
        return None
    return next(heading.iterancestors("article"), main)


def page_title(root: HtmlElement) -> str:
    return text_of(HEADINGS(root)[0]) or ""


def published(document: HtmlElement, root: HtmlElement) -> str | None:
    """The publication date as the page states it: JSON-LD, then the first
    <time datetime> of the content, then the article:published_time meta."""
    for data in json_ld_nodes(document):
        if "Article" in str(data.get("@type", "")) and data.get("datePublished"):
            return data["datePublished"]
    time = next(iter(DATED(root)), None)
    return time.get("datetime") if time is not None else meta_content(document, "article:published_time")


def labelled_fields(root: HtmlElement) -> dict[str, list[str]]:
    """Fields written as a label element and its value ("<dt>Project promoter:</dt>
    <dd>…</dd>", "<strong>Call status:</strong> Open"), by lower-case label.
    A value of several elements (a list of tags) gives one value each."""
    fields: dict[str, list[str]] = {}
    # The text of each label's parent, read once however many labels it holds.
    parent_texts: dict[HtmlElement, str] = {}
    for label in LEAVES(root):
        name = text_of(label)
        if not name or len(name) > 40:
            continue
        sibling = next(label.itersiblings(etree.Element), None)
        parts = (
            [t for child in sibling.iterchildren(etree.Element) if (t := text_of(child))]
            if sibling is not None
            else []
        )
        if len(parts) > 1:
            values = parts
        else:
            parent = label.getparent()
            if parent not in parent_texts:
                parent_texts[parent] = text_of(parent) or ""
            whole = parent_texts[parent]
            rest = whole[len(name) :].lstrip(" :") if whole.startswith(name) else ""
            values = [rest] if rest else []
        if values:
            fields.setdefault(name.rstrip(":").strip().casefold(), values)
    return fields


ROUTER = Router(
    {
        FMO_HOSTS: [
            (
                r"/(?:en/news|en/opportunities/open-calls|archive/2014-2021/projects|en/projects)/*$",
                LISTING,
                listing_page,
            ),
            # News under its path, and news linked by its node number.
            (r"/(?:en/fmo/)?news/[^/]+/?$", "news", news_page),
            (r"/node/\d+/?$", "news", news_page),
            (PROJECT_PATH, "news", project_page),
        ],
        OPERATOR_HOSTS: [
            (r"/(?:en/)?calls/*$", LISTING, listing_page),
            (r"/(?:en/)?calls/[^/]+/?$", "call", call_page),
        ],
    }
)
extract = ROUTER.extract
