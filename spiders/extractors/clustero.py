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

from bs4 import BeautifulSoup, NavigableString, Tag

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
from spiders.extractors.routes import LISTING, Reader, Router

HOSTS = ("clustero.eu", "www.clustero.eu")
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


def items_of(read: Callable[[str, BeautifulSoup, str], list[dict]]) -> Reader:
    """A reader of the items ``read`` finds on a detail page, in the page's language."""

    def extract(url: str, html: str) -> Extraction:
        soup = soup_of(html)
        return Extraction(items=read(url, soup, language_of(soup, urlsplit(url).path.split("/")[1])))

    return extract


def listing_page(url: str, html: str) -> Extraction:
    """Links to the detail pages of a listing (and to its past events), and its next page."""
    soup = soup_of(html)
    root = soup.find(id="primary") or soup.find("main") or soup
    links: list[str] = []
    next_page: str | None = None
    for anchor in root.find_all("a", href=True):
        link = own_url(url, anchor["href"])
        if link is None:
            continue
        if is_next(anchor) and is_listing(link):
            next_page = next_page or link
        elif ((not in_chrome(anchor) and is_detail(link)) or shows_past_events(link)) and link not in links:
            links.append(link)
    if next_page is None and (head_link := soup.find("link", rel="next", href=True)):
        next_page = own_url(url, head_link["href"])
    return Extraction(links=links, next_page=next_page if next_page and is_listing(next_page) else None)


def is_next(anchor: Tag) -> bool:
    """A "next page" link: rel="next" (The Events Calendar), class "next" (WordPress pagination)."""
    return "next" in (anchor.get("rel") or []) or "next" in (anchor.get("class") or [])


def event_page(url: str, soup: BeautifulSoup, language: str) -> list[dict]:
    single = soup.select_one(".tribe-events-single")
    data = json_ld_of_type(soup, "Event")
    if single is None and not data:
        return []
    root = single or soup
    heading = root.select_one(".tribe-events-single-event-title")
    title, status = split_status(inline_text(heading) or data.get("name") or "", STATUS_PREFIX)
    if not title:
        return []
    start, end = schedule(root)
    if start is None and data.get("startDate"):
        start, end = data["startDate"], data.get("endDate")
    venue = inline_text(root.select_one(".tribe-venue"))
    locality = inline_text(root.select_one(".tribe-venue-location .tribe-locality"))
    place = data.get("location") if isinstance(data.get("location"), dict) else {}
    location = ", ".join(p for p in (venue, locality) if p) or place.get("name")
    post = root.find(id=re.compile(r"^post-\d+$"))
    return [
        raw_item(
            "event",
            url,
            title,
            language,
            summary=meta_summary(soup),
            start_text=start,
            end_text=end,
            location=location,
            online=attendance(data.get("eventAttendanceMode"), venue, locality),
            status_text=status
            or inline_text(root.select_one(".tribe-events-status-single__label"))
            or inline_text(root.select_one(".tribe-events-notices li")),
            tags=texts(root, ".tribe-events-event-categories a") + texts(root, ".tribe-event-tags a"),
            external_id=post["id"].removeprefix("post-") if post else None,
        )
    ]


def call_page(url: str, soup: BeautifulSoup, language: str) -> list[dict]:
    article, content = article_of(soup)
    if article is None:
        return []
    title, prefix = split_status(inline_text(article.select_one(".entry-title")) or "", STATUS_PREFIX)
    return (
        [
            raw_item(
                "call",
                url,
                title,
                language,
                summary=meta_summary(soup),
                published_text=published_of(soup, article),
                deadline_texts=labelled(content, DEADLINE_LABELS),
                opens_text=first(labelled(content, OPENS_LABELS)),
                status_text=prefix or first(label_values(content, STATUS_LABELS)),
                external_id=article["id"].removeprefix("post-"),
            )
        ]
        if title
        else []
    )


def news_page(url: str, soup: BeautifulSoup, language: str) -> list[dict]:
    article, content = article_of(soup)
    title = inline_text(article.select_one(".entry-title")) if article else None
    if not title:
        return []
    published = published_of(soup, article)
    news = raw_item(
        "news",
        url,
        title,
        language,
        summary=meta_summary(soup),
        published_text=published,
        tags=texts(article, ".cat-links a") + texts(article, ".tags-links a"),
        external_id=article["id"].removeprefix("post-"),
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


def schedule(root: Tag) -> tuple[str | None, str | None]:
    """The event's dates as its schedule line shows them: the whole line
    ("3 decembrie @ 10:00 - 13:00 EET"), or a start and an end, each with the
    line's time zone, when the event spans days."""
    line = root.select_one(".tribe-events-schedule")
    if line is None:
        return None, None
    start, end = line.select_one(".tribe-event-date-start"), line.select_one(".tribe-event-date-end")
    if start is None or end is None:
        return inline_text(line), None
    zone = inline_text(line.select_one(".timezone"))
    return tuple(" ".join(t for t in (inline_text(part), zone) if t) for part in (start, end))


def attendance(mode: str | None, venue: str | None, locality: str | None) -> bool | None:
    """Online from the schema.org attendance mode, else from the venue's name."""
    if mode and "Mixed" not in mode:
        return "Online" in mode
    if venue and venue.casefold().startswith("online"):
        return True
    return False if (venue or locality) else None


def labelled(content: Tag | None, labels: tuple[str, ...]) -> list[str]:
    """Each line of ``content`` with one of ``labels``, label included
    ("Termen limită: până la 15 ianuarie 2027, ora 16:00")."""
    return [line for label, line in labelled_lines(content) if label.startswith(labels)]


def label_values(content: Tag | None, labels: tuple[str, ...]) -> list[str]:
    """The values of the lines with one of ``labels``, without the label."""
    return [line.split(":", 1)[1].strip() for label, line in labelled_lines(content) if label in labels]


def labelled_lines(content: Tag | None) -> list[tuple[str, str]]:
    """(label in lower case, whole line) for each bold "Label:" of the text: the
    bold words when they hold the value too, else the bold label and the rest of its line."""
    if content is None:
        return []
    lines = []
    for bold in content.find_all(["strong", "b"]):
        words = inline_text(bold) or ""
        label, colon, value = words.partition(":")
        if not colon or in_chrome(bold):
            continue
        if not value.strip():
            rest = "".join(s if isinstance(s, NavigableString) else s.get_text() for s in bold.next_siblings)
            words = " ".join(f"{words} {rest}".split())
        if words.partition(":")[2].strip():
            lines.append((label.strip().casefold(), words))
    return lines


def article_of(soup: BeautifulSoup) -> tuple[Tag | None, Tag | None]:
    """The page's own post (not a teaser) and its text."""
    for article in soup.find_all("article", id=re.compile(r"^post-\d+$")):
        if not in_chrome(article) and "ast-article-single" in article.get("class", []):
            return article, article.select_one(".entry-content")
    return None, None


def published_of(soup: BeautifulSoup, article: Tag) -> str | None:
    shown = article.select_one(".entry-header time.entry-date.published")
    return inline_text(shown) or meta_content(soup, "article:published_time")


def language_of(soup: BeautifulSoup, from_path: str) -> str:
    declared = soup.html.get("lang") if soup.html else None
    return declared.split("-")[0].lower() if declared else from_path


def is_detail(url: str) -> bool:
    return not urlsplit(url).query and ROUTER.kind_of(url) not in (None, LISTING)


def is_listing(url: str) -> bool:
    return ROUTER.kind_of(url) == LISTING


def shows_past_events(url: str) -> bool:
    """The events list's "previous events" view: past events are listed only there."""
    return is_listing(url) and parse_qs(urlsplit(url).query).get("eventDisplay") == ["past"]


def texts(root: Tag, selector: str) -> list[str]:
    return [t for node in root.select(selector) if (t := inline_text(node))]


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
