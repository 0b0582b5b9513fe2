"""Romanian Clusters Association (clustero.eu, WordPress with The Events Calendar).

Listings (events list views, calls archive, news categories) give links; an
event page gives its event from The Events Calendar's markup (JSON-LD when that
is missing); a call page gives its call from the labelled lines of its text
("Termen limită: …"); a news post gives itself, and the event or call it
announces when its text carries "Data:" / "Termen limită:" lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from urllib.parse import parse_qs, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from core.sources import CODE_SOURCES
from spiders.extractors.page import Extraction, absolute, first, split_status
from spiders.extractors.routes import LISTING, Reader, Router
from spiders.extractors.tree import (
    classes_of,
    first_match,
    first_of,
    has_class,
    inline_text,
    inside,
    json_ld_of_type,
    meta_content,
    meta_summary,
    selector,
    strings_of,
    tree_of,
)

HOSTS = CODE_SOURCES["clustero"].hosts
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)
_LANG = r"/(?:ro|en)"
# The Events Calendar's views of the events list (list, month, day), in both languages.
EVENT_VIEWS = r"(?:lista|luna|azi|list|month|today)/"
EVENTS = rf"{_LANG}/(?:evenimente|events)/"
CALLS = rf"{_LANG}/(?:apeluri|calls)/"

# Parts of a page that are not the page's own content: menus, sidebars,
# footers, sharing buttons, "related" teasers (with their own dates).
in_chrome = partial(
    inside,
    tags=("aside", "footer", "nav"),
    ids=("masthead", "secondary", "colophon", "cookie-law-info-bar", "jp-relatedposts"),
    classes=("sharedaddy", "tribe-related-events"),
)

# Labels of the lines that carry dates and places, as the site writes them
# (compared in lower case, label text before the colon).
DEADLINE_LABELS = ("termen limită", "deadline")
OPENS_LABELS = ("deschidere apel", "data deschiderii", "opening date", "opens")
DATE_LABELS = ("data", "date", "data și ora", "data evenimentului")
PLACE_LABELS = ("locație", "locația", "location", "venue")
STATUS_LABELS = ("status",)
STATUS_PREFIX = re.compile(
    r"^(?P<status>închis|anulat|amânat|closed|cancell?ed|postponed)\s*[:\-–]\s*", re.IGNORECASE
)
POST_ID = re.compile(r"^post-\d+$")

# Lookups compiled once: they run on every page.
PRIMARY = etree.XPath("descendant::*[@id='primary']")
ANCHORS = etree.XPath("descendant::a[@href]")
HEAD_NEXT = selector("link[rel~=next][href]")
POSTS = etree.XPath("descendant::*[starts-with(@id, 'post-')]")
ARTICLES = etree.XPath("descendant::article[starts-with(@id, 'post-')]")
BOLDS = etree.XPath("descendant::*[self::strong or self::b]")
SINGLE_EVENT = selector(".tribe-events-single")
EVENT_TITLE = selector(".tribe-events-single-event-title")
VENUE = selector(".tribe-venue")
LOCALITY = selector(".tribe-venue-location .tribe-locality")
EVENT_STATUS = selector(".tribe-events-status-single__label")
EVENT_NOTICE = selector(".tribe-events-notices li")
EVENT_CATEGORIES = selector(".tribe-events-event-categories a")
EVENT_TAGS = selector(".tribe-event-tags a")
SCHEDULE = selector(".tribe-events-schedule")
SCHEDULE_START = selector(".tribe-event-date-start")
SCHEDULE_END = selector(".tribe-event-date-end")
TIME_ZONE = selector(".timezone")
ENTRY_TITLE = selector(".entry-title")
ENTRY_CONTENT = selector(".entry-content")
ENTRY_PUBLISHED = selector(".entry-header time.entry-date.published")
POST_CATEGORIES = selector(".cat-links a")
POST_TAGS = selector(".tags-links a")


def items_of(read: Callable[[str, HtmlElement, str], list[dict]]) -> Reader:
    """A reader of the items ``read`` finds on a detail page, in the page's language."""

    def extract(url: str, page: str | bytes | HtmlElement) -> Extraction:
        root = tree_of(page)
        return Extraction(items=read(url, root, language_of(root, urlsplit(url).path.split("/")[1])))

    return extract


def listing_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    """Links to the detail pages of a listing (and to its past events), and its next page."""
    page_root = tree_of(page)
    root = first_match(page_root, PRIMARY)
    root = first_of(page_root, "main") if root is None else root
    root = page_root if root is None else root
    links: list[str] = []
    next_page: str | None = None
    for anchor in ANCHORS(root):
        link = own_url(url, anchor.get("href"))
        if link is None:
            continue
        if is_next(anchor) and is_listing(link):
            next_page = next_page or link
        elif ((not in_chrome(anchor) and is_detail(link)) or shows_past_events(link)) and link not in links:
            links.append(link)
    if next_page is None and (head_link := first_match(page_root, HEAD_NEXT)) is not None:
        next_page = own_url(url, head_link.get("href"))
    return Extraction(links=links, next_page=next_page if next_page and is_listing(next_page) else None)


def is_next(anchor: HtmlElement) -> bool:
    """A "next page" link: rel="next" (The Events Calendar), class "next" (WordPress pagination)."""
    return "next" in (anchor.get("rel") or "").split() or "next" in classes_of(anchor)


def event_page(url: str, page: HtmlElement, language: str) -> list[dict]:
    single = first_match(page, SINGLE_EVENT)
    data = json_ld_of_type(page, "Event")
    if single is None and not data:
        return []
    root = page if single is None else single
    heading = first_match(root, EVENT_TITLE)
    title, status = split_status(inline_text(heading) or data.get("name") or "", STATUS_PREFIX)
    if not title:
        return []
    start, end = schedule(root)
    if start is None and data.get("startDate"):
        start, end = data["startDate"], data.get("endDate")
    venue = inline_text(first_match(root, VENUE))
    locality = inline_text(first_match(root, LOCALITY))
    place = data.get("location") if isinstance(data.get("location"), dict) else {}
    location = ", ".join(p for p in (venue, locality) if p) or place.get("name")
    post = next((node for node in POSTS(root) if POST_ID.match(node.get("id"))), None)
    return [
        raw_item(
            "event",
            url,
            title,
            language,
            summary=meta_summary(page),
            start_text=start,
            end_text=end,
            location=location,
            online=attendance(data.get("eventAttendanceMode"), venue, locality),
            status_text=status
            or inline_text(first_match(root, EVENT_STATUS))
            or inline_text(first_match(root, EVENT_NOTICE)),
            tags=texts(root, EVENT_CATEGORIES) + texts(root, EVENT_TAGS),
            external_id=post.get("id").removeprefix("post-") if post is not None else None,
        )
    ]


def call_page(url: str, page: HtmlElement, language: str) -> list[dict]:
    article, content = article_of(page)
    if article is None:
        return []
    title, prefix = split_status(inline_text(first_match(article, ENTRY_TITLE)) or "", STATUS_PREFIX)
    return (
        [
            raw_item(
                "call",
                url,
                title,
                language,
                summary=meta_summary(page),
                published_text=published_of(page, article),
                deadline_texts=labelled(content, DEADLINE_LABELS),
                opens_text=first(labelled(content, OPENS_LABELS)),
                status_text=prefix or first(label_values(content, STATUS_LABELS)),
                external_id=article.get("id").removeprefix("post-"),
            )
        ]
        if title
        else []
    )


def news_page(url: str, page: HtmlElement, language: str) -> list[dict]:
    article, content = article_of(page)
    title = inline_text(first_match(article, ENTRY_TITLE))
    if not title:
        return []
    published = published_of(page, article)
    news = raw_item(
        "news",
        url,
        title,
        language,
        summary=meta_summary(page),
        published_text=published,
        tags=texts(article, POST_CATEGORIES) + texts(article, POST_TAGS),
        external_id=article.get("id").removeprefix("post-"),
    )
    items = [news]
    if when := first(labelled(content, DATE_LABELS)):
        place = first(label_values(content, PLACE_LABELS))
        items.append(
            raw_item(
                "event",
                url,
                title,
                language,
                key="event",
                published_text=published,
                start_text=when,
                location=place,
                online=attendance(None, place, None),
            )
        )
    if deadlines := labelled(content, DEADLINE_LABELS):
        items.append(
            raw_item(
                "call", url, title, language, key="call", published_text=published, deadline_texts=deadlines
            )
        )
    return items


def schedule(root: HtmlElement) -> tuple[str | None, str | None]:
    """The event's dates as its schedule line shows them: the whole line
    ("3 decembrie @ 10:00 - 13:00 EET"), or a start and an end, each with the
    line's time zone, when the event spans days."""
    line = first_match(root, SCHEDULE)
    if line is None:
        return None, None
    start, end = first_match(line, SCHEDULE_START), first_match(line, SCHEDULE_END)
    if start is None or end is None:
        return inline_text(line), None
    zone = inline_text(first_match(line, TIME_ZONE))
    return tuple(" ".join(t for t in (inline_text(part), zone) if t) for part in (start, end))


def attendance(mode: str | None, venue: str | None, locality: str | None) -> bool | None:
    """Online from the schema.org attendance mode, else from the venue's name."""
    if mode and "Mixed" not in mode:
        return "Online" in mode
    if venue and venue.casefold().startswith("online"):
        return True
    return False if (venue or locality) else None


def labelled(content: HtmlElement | None, labels: tuple[str, ...]) -> list[str]:
    """Each line of ``content`` with one of ``labels``, label included
    ("Termen limită: până la 15 ianuarie 2027, ora 16:00")."""
    return [line for label, line in labelled_lines(content) if label.startswith(labels)]


def label_values(content: HtmlElement | None, labels: tuple[str, ...]) -> list[str]:
    """The values of the lines with one of ``labels``, without the label."""
    return [line.split(":", 1)[1].strip() for label, line in labelled_lines(content) if label in labels]


def labelled_lines(content: HtmlElement | None) -> list[tuple[str, str]]:
    """(label in lower case, whole line) for each bold "Label:" of the text: the
    bold words when they hold the value too, else the bold label and the rest of its line."""
    if content is None:
        return []
    lines = []
    for bold in BOLDS(content):
        words = inline_text(bold) or ""
        label, colon, value = words.partition(":")
        if not colon or in_chrome(bold):
            continue
        if not value.strip():
            rest = "".join(rest_of_line(bold))
            words = " ".join(f"{words} {rest}".split())
        if words.partition(":")[2].strip():
            lines.append((label.strip().casefold(), words))
    return lines


def rest_of_line(bold: HtmlElement) -> list[str]:
    """The visible text after a bold label in its block: its tail and what follows it."""
    pieces = [bold.tail or ""]
    for sibling in bold.itersiblings():
        # A comment's own text is not shown; its tail is.
        pieces += strings_of(sibling) if isinstance(sibling.tag, str) else []
        pieces.append(sibling.tail or "")
    return pieces


def article_of(page: HtmlElement) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The page's own post (not a teaser) and its text."""
    for article in ARTICLES(page):
        if (
            POST_ID.match(article.get("id"))
            and not in_chrome(article)
            and has_class(article, "ast-article-single")
        ):
            return article, first_match(article, ENTRY_CONTENT)
    return None, None


def published_of(page: HtmlElement, article: HtmlElement) -> str | None:
    shown = first_match(article, ENTRY_PUBLISHED)
    return inline_text(shown) or meta_content(page, "article:published_time")


def language_of(page: HtmlElement, from_path: str) -> str:
    declared = page.getroottree().getroot().get("lang")
    return declared.split("-")[0].lower() if declared else from_path


def is_detail(url: str) -> bool:
    return not urlsplit(url).query and ROUTER.kind_of(url) not in (None, LISTING)


def is_listing(url: str) -> bool:
    return ROUTER.kind_of(url) == LISTING


def shows_past_events(url: str) -> bool:
    """The events list's "previous events" view: past events are listed only there."""
    return is_listing(url) and parse_qs(urlsplit(url).query).get("eventDisplay") == ["past"]


def texts(root: HtmlElement, path: etree.XPath) -> list[str]:
    return [t for node in path(root) if (t := inline_text(node))]


ROUTER = Router(
    {
        HOSTS: [
            (rf"{EVENTS}(?:{EVENT_VIEWS})?(?:page/\d+/)?$", LISTING, listing_page),
            (rf"{_LANG}/(?:apeluri|calls|category/[^/]+)/(?:page/\d+/)?$", LISTING, listing_page),
            (rf"{EVENTS}(?!{EVENT_VIEWS}$|page/)[^/]+/$", "event", items_of(event_page)),
            (rf"{CALLS}(?!page/)[^/]+/$", "call", items_of(call_page)),
            (rf"{_LANG}/\d{{4}}/\d{{2}}/[^/]+/$", "news", items_of(news_page)),
        ]
    }
)
extract = ROUTER.extract
