"""PARP, Polska Agencja Rozwoju Przedsiębiorczości (parp.gov.pl, feng.parp.gov.pl; Joomla).

Listings (FENG calls, news, events) give links; a FENG call card gives one call
from its timeline of dated steps; an event page one event from its JSON-LD or its
"Termin:" / "Miejsce:" fields; a news article the news, plus the call or event
its text announces ("od … do …", "wydłuża do …", "odbędzie się w dniach …").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

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
    text_of,
)
from spiders.extractors.routes import LISTING, Reader, Router

HOSTS = ("www.parp.gov.pl", "parp.gov.pl", "feng.parp.gov.pl")
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)
# Parts of a page that repeat on every page (menus, sidebars, footer): never items, never
# links. A <header> or <footer> inside the content is the article's own, not chrome.
SIDE_CHROME = ("aside", "nav")
PAGE_CHROME = ("header", "footer")

_MONTH = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
_DAYS = r"\d{1,2}(?:\s*(?:i|-|–)\s*\d{1,2})?"
DATE = rf"(?:{_DAYS}\s+(?:{_MONTH})(?:\s+(?:\d{{4}}|br\.))?|\d{{1,2}}\.\d{{2}}\.\d{{4}})(?:\s*r\.)?"
DATE_ONLY = re.compile(rf"^\s*{DATE}\s*$")
HAS_DATE = re.compile(DATE)

# Timeline steps of a call card, by what their label says.
OPENS_STEP = re.compile(r"start składania|rozpoczęcie naboru|otwarcie naboru", re.IGNORECASE)
DEADLINE_STEP = re.compile(r"koniec przyjmowania|zakończenie naboru|termin składania", re.IGNORECASE)
ANNOUNCED_STEP = re.compile(r"ogłoszenie (?:konkursu|naboru)", re.IGNORECASE)
STATUS = re.compile(
    r"^Nabór (?:trwa|planowany|został zakończony|zakończony|zawieszony|wstrzymany"
    r"|unieważniony|został unieważniony)$"
)
EVENT_STATUS_PREFIX = re.compile(
    r"^(?P<status>odwołane|przełożone|wydarzenie odwołane)\s*[:\-–]\s*", re.IGNORECASE
)
ONLINE = re.compile(r"^(?:wydarzenie online|online|online event|webinarium|webinar)$", re.IGNORECASE)

# What a news text announces, one sentence at a time.
_UNTIL_HOUR = r"(?:,?\s*do\s+godz\.\s*\d{1,2}[:.]\d{2})?"
CALL_WINDOW = re.compile(rf"(?P<opens>\bod\s+{DATE})\s+(?P<deadline>do\s+{DATE}{_UNTIL_HOUR})")
EXTENSION = re.compile(r"\b(?:wydłuż|przedłuż)\w*\b[^.]*?\bdo\b", re.IGNORECASE)
CALL_DEADLINE = re.compile(rf"\b(?:nabór|wnioski|zgłoszenia)\b.*?\bdo\s+{DATE}", re.IGNORECASE)
EVENT_ANNOUNCED = re.compile(rf"\b(?:odbędzie się|odbędą się)\b[^.]*?{DATE}|\bw dniach\s+{DATE}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ–])")


def detail(read: Callable[[str, BeautifulSoup, Tag], list[dict]]) -> Reader:
    """A reader of the items ``read`` finds below a detail page's heading."""

    def extract(url: str, html: str) -> Extraction:
        soup = soup_of(html)
        heading = page_heading(soup)
        if heading is None:
            return Extraction()
        items = read(url, soup, heading)
        return Extraction(items=items, problems=missing_dates(items[0]))

    return extract


def missing_dates(item: dict) -> list[tuple[str, str]]:
    """A call card without a closing step or an event without a date: the page
    changed shape, or the extractor misses a new style."""
    if item["kind"] == "call" and not item["deadline_texts"]:
        return [("deadline_texts", 'no dated closing step ("Koniec przyjmowania wniosków") on the call card')]
    if item["kind"] == "event" and not item["start_text"]:
        return [("start_text", 'no JSON-LD startDate and no "Termin:" field on the event page')]
    return []


def listing_page(url: str, html: str, kind: str) -> Extraction:
    """Links to the detail pages of ``kind`` a listing shows, and its next page."""
    soup = soup_of(html)
    links: list[str] = []
    for anchor in soup.find_all("a", href=True):
        link = own_url(url, anchor["href"])
        if link and not in_chrome(anchor) and ROUTER.kind_of(link) == kind and link not in links:
            links.append(link)
    next_page = next(
        (
            link
            for anchor in soup.find_all("a", href=True)
            if is_next(anchor) and (link := own_url(url, anchor["href"])) and link != url
        ),
        None,
    )
    return Extraction(links=links, next_page=next_page, newest_first=kind == "news")


def call_page(url: str, soup: BeautifulSoup, heading: Tag) -> list[dict]:
    steps = timeline_steps(soup)
    status = next((text for leaf in content_leaves(soup) if STATUS.match(text := text_of(leaf) or "")), None)
    return [
        raw_item(
            "call",
            url,
            inline_text(heading),
            language_of(soup),
            summary=meta_summary(soup),
            published_text=first(s for s in steps if ANNOUNCED_STEP.search(s)),
            opens_text=first(s for s in steps if OPENS_STEP.search(s)),
            deadline_texts=[s for s in steps if DEADLINE_STEP.search(s)],
            status_text=status,
            external_id=labelled_value(soup, "Numer naboru"),
        )
    ]


def event_page(url: str, soup: BeautifulSoup, heading: Tag) -> list[dict]:
    title = inline_text(heading)
    title, status = split_status(title, EVENT_STATUS_PREFIX)
    event_data = json_ld_of_type(soup, "Event")
    ld_start, ld_end, ld_mode = (
        text_value(event_data.get(key)) for key in ("startDate", "endDate", "eventAttendanceMode")
    )
    start = ld_start or labelled_text(soup, "Termin", "Data", "Date")
    end = ld_end if ld_start else None
    place = labelled_value(soup, "Miejsce", "Venue", "Place", "Location")
    online = bool(place and ONLINE.match(place))
    if ld_mode:
        online = "Online" in ld_mode
    return [
        raw_item(
            "event",
            url,
            title,
            language_of(soup),
            summary=meta_summary(soup),
            published_text=published_of(soup, heading),
            start_text=start,
            end_text=end,
            location=None if place and ONLINE.match(place) else place,
            online=online if place or ld_mode else None,
            status_text=status,
            tags=tags_of(soup),
        )
    ]


def news_page(url: str, soup: BeautifulSoup, heading: Tag) -> list[dict]:
    title, language = inline_text(heading), language_of(soup)
    common = {"summary": meta_summary(soup), "published_text": published_of(soup, heading)}
    news = raw_item("news", url, title, language, **common, tags=tags_of(soup))
    return [news, *announcements(url, soup, title, language, common)]


def announcements(url: str, soup: BeautifulSoup, title: str, language: str, common: dict) -> list[dict]:
    """The first call and the first event the article's text announces."""
    call = event = None
    for sentence in body_sentences(soup):
        if call is None and (dates := call_dates_in(sentence)):
            call = raw_item("call", url, title, language, **{**common, "summary": sentence}, **dates)
        if event is None and (match := EVENT_ANNOUNCED.search(sentence)):
            event = raw_item(
                "event", url, title, language, **{**common, "summary": sentence}, start_text=match.group(0)
            )
    return [item for item in (call, event) if item]


def call_dates_in(sentence: str) -> dict | None:
    """A call's dates in a sentence: a window, an extension (the whole sentence,
    so both dates stay and the new one wins) or a plain deadline."""
    if window := CALL_WINDOW.search(sentence):
        return {"opens_text": window.group("opens"), "deadline_texts": [window.group("deadline")]}
    if EXTENSION.search(sentence) and HAS_DATE.search(sentence) or CALL_DEADLINE.search(sentence):
        return {"deadline_texts": [sentence]}
    return None


def body_sentences(soup: BeautifulSoup) -> list[str]:
    body = soup.find(attrs={"itemprop": "articleBody"}) or content_root(soup)
    blocks = [b for b in body.find_all(["p", "li"]) if not in_chrome(b) and not b.find(["p", "li"])]
    return [s for block in blocks for s in SENTENCE_END.split(inline_text(block) or "") if s]


def timeline_steps(soup: BeautifulSoup) -> list[str]:
    """The text of each dated step ("30 maja 2023 Start składania wniosków"):
    the smallest elements holding both a date and a step label."""
    labels = (OPENS_STEP, DEADLINE_STEP, ANNOUNCED_STEP)
    found = [
        e
        for e in content_root(soup).find_all(True)
        if not in_chrome(e)
        and (text := text_of(e))
        and HAS_DATE.search(text)
        and any(label.search(text) for label in labels)
    ]
    steps = [e for e in found if not any(parent is e for other in found for parent in other.parents)]
    return [text_of(step) for step in steps]


def labelled_text(soup: BeautifulSoup, *labels: str) -> str | None:
    """A field with its label, as the page writes it ("Termin: 3 grudnia 2026 r.")."""
    found = labelled(soup, labels)
    return f"{found[0]} {found[1]}" if found else None


def labelled_value(soup: BeautifulSoup, *labels: str) -> str | None:
    found = labelled(soup, labels)
    return found[1] if found else None


def labelled(soup: BeautifulSoup, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """(label, value) of the first field named by one of ``labels``: a leaf whose
    text is the label, its value either following it in the same block
    (<p><strong>Termin:</strong> …</p>) or in the next element (<dt>…</dt><dd>…</dd>)."""
    wanted = {label.casefold() for label in labels}
    for leaf in content_leaves(soup):
        label = text_of(leaf)
        if not label or label.rstrip(":").strip().casefold() not in wanted:
            continue
        following = leaf.next_sibling
        while isinstance(following, str) and not following.strip():
            following = following.next_sibling
        block = text_of(leaf.parent) or ""
        if isinstance(following, Tag):
            value = text_of(following)
        elif following is not None and block.startswith(label):
            value = block[len(label) :].strip()
        else:
            value = None
        if value:
            return label, value
    return None


def published_of(soup: BeautifulSoup, heading: Tag) -> str | None:
    """The publication date: microdata, else the date standing above the title,
    else the article:published_time meta."""
    marked = soup.find(attrs={"itemprop": "datePublished"})
    if marked is not None and not in_chrome(marked):
        return text_of(marked) or marked.get("datetime") or marked.get("content")
    above = heading.find_previous(string=DATE_ONLY)
    if above is not None and not in_chrome(above.parent):
        return text_of(above.parent)
    return meta_content(soup, "article:published_time")


def tags_of(soup: BeautifulSoup) -> list[str]:
    """Joomla tag links (/component/tags/tag/<alias>) of the page itself."""
    return [
        text
        for a in content_root(soup).find_all("a", href=re.compile(r"/component/tags/tag/"))
        if not in_chrome(a) and (text := text_of(a))
    ]


def language_of(soup: BeautifulSoup) -> str:
    html = soup.find("html")
    lang = html.get("lang") if html else None
    return lang.split("-")[0].lower() if lang else "pl"


def page_heading(soup: BeautifulSoup) -> Tag | None:
    return next((h for h in soup.find_all("h1") if not in_chrome(h) and text_of(h)), None)


def content_root(soup: BeautifulSoup) -> Tag:
    return soup.find("main") or soup


def content_leaves(soup: BeautifulSoup) -> list[Tag]:
    return [e for e in content_root(soup).find_all(True) if e.find(True) is None and not in_chrome(e)]


def is_next(anchor: Tag) -> bool:
    """Joomla's pager names the next page in words (aria-label, title), not by rel=next."""
    words = " ".join([*anchor.get("rel", []), anchor.get("aria-label") or "", anchor.get("title") or ""])
    return re.search(r"\bnext\b|następn", words, re.IGNORECASE) is not None


def in_chrome(element: Tag) -> bool:
    if inside(element, SIDE_CHROME):
        return True
    outer = element.find_parent(PAGE_CHROME)
    return outer is not None and outer.find_parent(["main", "article"]) is None


def text_value(value: object) -> str | None:
    """A JSON-LD value when it is text (sites also put lists and objects there)."""
    return value if isinstance(value, str) and value.strip() else None


ROUTER = Router(
    {
        HOSTS: [
            (r"/component/grants/grants/*$", LISTING, partial(listing_page, kind="call")),
            (r"/aktualnosci/*$", LISTING, partial(listing_page, kind="news")),
            (r"/(?:wydarzenia|en/events)/*$", LISTING, partial(listing_page, kind="event")),
            (r"/component/grants/grants/[^/]+/?$", "call", detail(call_page)),
            (
                r"/component/content/article/\d+(?::[^/]+)?/?$",
                "news",
                detail(news_page),
            ),  # Joomla "<id>:<alias>"
            (r"/(?:wydarzenia|en/events)/[^/]+/?$", "event", detail(event_page)),
        ]
    }
)
extract = ROUTER.extract
