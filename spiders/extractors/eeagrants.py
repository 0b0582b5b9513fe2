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

from bs4 import BeautifulSoup, Tag

from core.items import raw_item
from spiders.extractors.page import (
    Extraction,
    absolute,
    first,
    inside,
    json_ld_nodes,
    meta_content,
    meta_summary,
    soup_of,
    split_status,
    text_of,
)
from spiders.extractors.routes import LISTING, Router

LANGUAGE = "en"
FMO_HOSTS = ("eeagrants.org", "www.eeagrants.org")
OPERATOR_HOSTS = ("www.innovationnorway.ro", "innovationnorway.ro", "www.eeagrants.lv", "eeagrants.lv")
HOSTS = FMO_HOSTS + OPERATOR_HOSTS
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


def is_detail(url: str) -> bool:
    return ROUTER.kind_of(url) not in (None, LISTING)


def listing_page(url: str, html: str) -> Extraction:
    """Links to the detail pages a listing shows, and its next page."""
    soup = soup_of(html)
    links: list[str] = []
    next_page = None
    for anchor in (soup.find("main") or soup).find_all("a", href=True):
        link = own_url(url, anchor["href"])
        if link is None:
            continue
        if "next" in (anchor.get("rel") or []):
            next_page = next_page or link
        elif not in_chrome(anchor) and is_detail(link) and link not in links:
            links.append(link)
    if not links and next_page is None:
        return Extraction()
    newest_first = urlsplit(url).path.rstrip("/") in NEWEST_FIRST
    return Extraction(links=links, next_page=next_page, newest_first=newest_first)


def news_page(url: str, html: str) -> Extraction:
    """A news article, the events its event boxes announce, and the call pages it links."""
    soup = soup_of(html)
    root = content_root(soup)
    if root is None:
        return Extraction()
    fields = labelled_fields(root)
    summary = meta_summary(soup)
    news = raw_item(
        "news",
        url,
        page_title(root),
        LANGUAGE,
        summary=summary,
        published_text=published(soup, root),
        tags=fields.get("tags", []),
        external_id=root.get("data-history-node-id"),
    )
    events = [announced_event(url, box, summary) for box in event_boxes(root)]
    links = [
        link
        for a in root.find_all("a", href=True)
        if not in_chrome(a) and (link := own_url(url, a["href"])) and ROUTER.reader_of(link) is call_page
    ]
    return Extraction(items=[news, *events], links=list(dict.fromkeys(links)))


def event_boxes(root: Tag) -> list[Tag]:
    """The boxes of an article that give an event: a heading and a "Date" field."""
    boxes: list[Tag] = []
    for label in leaves(root):
        if (text_of(label) or "").rstrip(":").casefold() != "date":
            continue
        box = label.parent
        while box is not None and box is not root and box.find(["h2", "h3"]) is None:
            box = box.parent
        if box is not None and box is not root and box not in boxes:
            boxes.append(box)
    return boxes


def announced_event(url: str, box: Tag, summary: str | None) -> dict:
    title = text_of(box.find(["h2", "h3"])) or ""
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


def project_page(url: str, html: str) -> Extraction:
    """A funded project, kept as news: its summary and its programme and sector as tags."""
    soup = soup_of(html)
    root = content_root(soup)
    if root is None:
        return Extraction()
    fields = labelled_fields(root)
    summary = next(
        (t for p in root.find_all("p") if not in_chrome(p) and len(t := text_of(p) or "") > 100), None
    )
    code = first(fields.get("project number")) or PROJECT_PATH.match(urlsplit(url).path)["code"]
    return Extraction(
        items=[
            raw_item(
                "news",
                url,
                page_title(root),
                LANGUAGE,
                summary=summary,
                published_text=published(soup, root),
                tags=fields.get("programme", []) + fields.get("sector", []),
                external_id=code,
            )
        ]
    )


def call_page(url: str, html: str) -> Extraction:
    """An operator's call: one deadline text per cut-off sentence, its opening and status."""
    soup = soup_of(html)
    root = content_root(soup)
    if root is None:
        return Extraction()
    title, status = split_status(page_title(root), STATUS_PREFIX)
    fields = labelled_fields(root)
    deadlines: list[str] = []
    opens = None
    for block in root.find_all(["p", "li", "td", "dd"]):
        if block.find(["p", "li", "td", "dd"]) or in_chrome(block):
            continue
        # The block's own spaces only: "portal</a>. The call" stays one text.
        for sentence in SENTENCE_END.split(text_of(block, separator="") or ""):
            if DEADLINE.search(sentence) and re.search(r"\d", sentence):
                deadlines.append(sentence)
            elif OPENS.match(sentence) and opens is None:
                opens = sentence
    summary = meta_summary(soup)
    return Extraction(
        items=[
            raw_item(
                "call",
                url,
                title,
                LANGUAGE,
                summary=summary,
                published_text=published(soup, root),
                deadline_texts=deadlines,
                opens_text=opens,
                status_text=status or first(fields.get("call status") or fields.get("status")),
            )
        ]
    )


def content_root(soup: BeautifulSoup) -> Tag | None:
    """The element holding the page's own content: the article of its <h1>."""
    main = soup.find("main") or soup
    heading = next((h for h in main.find_all("h1") if not in_chrome(h)), None)
    if heading is None:
        return None
    return heading.find_parent("article") or main


def page_title(root: Tag) -> str:
    return text_of(next(h for h in root.find_all("h1") if not in_chrome(h))) or ""


def published(soup: BeautifulSoup, root: Tag) -> str | None:
    """The publication date as the page states it: JSON-LD, then the first
    <time datetime> of the content, then the article:published_time meta."""
    for data in json_ld_nodes(soup):
        if "Article" in str(data.get("@type", "")) and data.get("datePublished"):
            return data["datePublished"]
    time = next((t for t in root.find_all("time", datetime=True) if not in_chrome(t)), None)
    return time["datetime"] if time else meta_content(soup, "article:published_time")


def labelled_fields(root: Tag) -> dict[str, list[str]]:
    """Fields written as a label element and its value ("<dt>Project promoter:</dt>
    <dd>…</dd>", "<strong>Call status:</strong> Open"), by lower-case label.
    A value of several elements (a list of tags) gives one value each."""
    fields: dict[str, list[str]] = {}
    for label in leaves(root):
        name = text_of(label)
        if not name or len(name) > 40:
            continue
        sibling = label.find_next_sibling()
        parts = [t for child in sibling.find_all(recursive=False) if (t := text_of(child))] if sibling else []
        if len(parts) > 1:
            values = parts
        else:
            whole = text_of(label.parent) or ""
            rest = whole[len(name) :].lstrip(" :") if whole.startswith(name) else ""
            values = [rest] if rest else []
        if values:
            fields.setdefault(name.rstrip(":").strip().casefold(), values)
    return fields


def leaves(root: Tag) -> list[Tag]:
    return [e for e in root.find_all(True) if e.find(True) is None and not in_chrome(e)]


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
