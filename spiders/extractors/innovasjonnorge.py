"""Innovation Norway (www.innovasjonnorge.no): English EEA-grants events,
Norwegian calls ("utlysninger"), news and service pages such as the cluster
programme. Deadlines mostly stand in running text, so calls are found by the
sentences that name a "frist"; a schedule table in a news item is a call too."""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from core.items import raw_item
from spiders.extractors.page import (
    Extraction,
    absolute,
    content_of,
    json_ld_of_type,
    line_of,
    meta_content,
    soup_of,
    split_status,
    strip_noise,
    text_of,
)
from spiders.extractors.routes import LISTING, Reader, Router

HOSTS = ("www.innovasjonnorge.no", "innovasjonnorge.no")
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)

EVENTS = "/en/start-page/eea-norway-grants/events/"
CALLS = "/no/subsites/forside/utlysninger/"
NEWS = "/no/om/nyheter/"

# Page parts whose dates belong to other things: teasers, related items, menus.
NOISE = (
    "aside, nav, footer, form, figure, script, style, "
    "[class*=related], [class*=teaser], [class*=latest], [class*=share]"
)

STATUS_PREFIX = re.compile(r"^\s*(?P<status>Utgått|Avsluttet|Stengt)\s*:\s*", re.IGNORECASE)
DEADLINE_WORD = re.compile(r"frist", re.IGNORECASE)
OPENS_WORD = re.compile(r"\båpne[rt]\b", re.IGNORECASE)
MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    "january|february|march|may|june|july|october|december"
)
# A sentence "mentions a date" when it has a digit or a month name: enough to
# tell "Søknadsfrist: 3. februar 2027" from "i god tid før fristen".
DATE_HINT = re.compile(rf"\d|\b(?:{MONTHS})\b", re.IGNORECASE)
# "on 26 May 2021", "16–17 March 2027": an English event date in running text.
RUNNING_DATE = re.compile(
    rf"\b(?:on\s+)?\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+(?:{MONTHS})\s+\d{{4}}", re.IGNORECASE
)
# Norwegian ordinals ("10. september") end in a dot too, but never before a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"])")
LABEL = re.compile(r"^[^:]{1,60}:\s*\S")
PUBLISHED_LABEL = re.compile(r"^\s*(Publisert|Published)\b", re.IGNORECASE)
ONLINE_PLACE = re.compile(r"\b(online|digital|webinar|teams|zoom)\b", re.IGNORECASE)
DATE_LABELS = ("date", "date and time", "when", "dato", "tid")
PLACE_LABELS = ("place", "venue", "location", "sted")


def listing(url: str, html: str, detail: Reader) -> Extraction:
    """A listing page: its pages that ``detail`` reads, and the next page."""
    main = soup_of(html).find("main")
    if main is None:
        return Extraction()
    links: list[str] = []
    for anchor in main.find_all("a", href=True):
        link = own_url(url, anchor["href"])
        if link and ROUTER.reader_of(link) is detail and link not in links:
            links.append(link)
    next_anchor = main.find("a", rel="next")
    return Extraction(links=links, next_page=own_url(url, next_anchor.get("href")) if next_anchor else None)


def event_page(url: str, html: str) -> Extraction:
    soup = soup_of(html)
    article, title = content_of(soup)
    if article is None:
        return Extraction()
    event = json_ld_of_type(soup, "Event")
    facts = labelled_facts(article)  # before the noise goes: sites put the facts in a sidebar
    strip_noise(article, NOISE)
    date_text = next((facts[label] for label in DATE_LABELS if label in facts), None)
    place = next((facts[label] for label in PLACE_LABELS if label in facts), None)
    online = attendance_online(event) if event else None
    if online is None and place:
        online = bool(ONLINE_PLACE.search(place))
    item = raw_item(
        "event",
        url,
        title,
        language_of(url),
        summary=summary_of(soup, article),
        start_text=ld_text(event, "startDate") or date_text or running_event_date(article),
        end_text=ld_text(event, "endDate"),
        location=None if online else place,
        online=online,
        published_text=published_text(soup, article),
        tags=tags_of(article),
    )
    return Extraction(items=[item])


def call_page(url: str, html: str) -> Extraction:
    soup = soup_of(html)
    article, title = content_of(soup)
    if article is None:
        return Extraction()
    strip_noise(article, NOISE)
    title, status = split_status(title, STATUS_PREFIX)
    item = raw_item(
        "call",
        url,
        title,
        language_of(url),
        summary=summary_of(soup, article),
        deadline_texts=dated_sentences(article, DEADLINE_WORD),
        opens_text=next(iter(dated_sentences(article, OPENS_WORD)), None),
        published_text=published_text(soup, article),
        status_text=status,
    )
    return Extraction(items=[item])


def service_page(url: str, html: str) -> Extraction:
    """A service page is a call only when it names an application deadline."""
    extraction = call_page(url, html)
    if extraction.items and extraction.items[0]["deadline_texts"]:
        return extraction
    return Extraction()


def news_page(url: str, html: str) -> Extraction:
    """A news item, plus a call for each schedule table of deadlines in it."""
    soup = soup_of(html)
    article, title = content_of(soup)
    if article is None:
        return Extraction()
    strip_noise(article, NOISE)
    language, published = language_of(url), published_text(soup, article)
    summary = summary_of(soup, article)
    items = [
        raw_item(
            "news", url, title, language, summary=summary, published_text=published, tags=tags_of(article)
        )
    ]
    for table in article.find_all("table"):
        rows = [text_of(row) for row in table.find_all("tr")]
        deadlines = [row for row in rows if row and DEADLINE_WORD.search(row) and DATE_HINT.search(row)]
        if deadlines:
            items.append(
                raw_item(
                    "call",
                    url,
                    title,
                    language,
                    key=text_of(table.caption) or title,
                    summary=summary,
                    deadline_texts=deadlines,
                    published_text=published,
                )
            )
    return Extraction(items=items)


def summary_of(soup: BeautifulSoup, article: Tag) -> str | None:
    return text_of(article.find(class_="ingress")) or meta_content(soup, "og:description")


def tags_of(article: Tag) -> list[str]:
    return [tag for li in article.select(".tag-list li") if (tag := text_of(li))]


def dated_sentences(article: Tag, word: re.Pattern) -> list[str]:
    """Labelled lines ("Søknadsfrist: 3. februar 2027 kl. 12:00") naming ``word``,
    else sentences of running text naming it and a date."""
    blocks = [text for node in article.find_all(["p", "li", "dd"]) if (text := line_of(node))]
    labelled = [
        b for b in blocks if LABEL.match(b) and word.search(b.split(":", 1)[0]) and DATE_HINT.search(b)
    ]
    if labelled:
        return labelled
    return [
        sentence
        for block in blocks
        for sentence in SENTENCE_END.split(block)
        if word.search(sentence) and DATE_HINT.search(sentence)
    ]


def labelled_facts(article: Tag) -> dict[str, str]:
    """The <dt>/<dd> pairs of a facts box, by lower-case label."""
    facts = {}
    for term in article.find_all("dt"):
        value = term.find_next_sibling("dd")
        label, text = text_of(term), line_of(value)
        if label and text:
            facts[label.rstrip(":").strip().lower()] = text
    return facts


def running_event_date(article: Tag) -> str | None:
    """The first event date in running text, the ingress first: "on 26 May 2021"."""
    ingress = article.find(class_="ingress")
    for node in ([ingress] if ingress else []) + article.find_all(["p", "li"]):
        match = RUNNING_DATE.search(text_of(node) or "")
        if match:
            return match.group(0)
    return None


def published_text(soup: BeautifulSoup, article: Tag) -> str | None:
    meta = meta_content(soup, "article:published_time")
    if meta:
        return meta
    for node in article.find_all(["p", "span", "div"]):
        text = text_of(node)
        if text and PUBLISHED_LABEL.match(text) and DATE_HINT.search(text):
            stamp = node.find("time", datetime=True)
            return stamp["datetime"] if stamp else text
    return None


def ld_text(node: dict, name: str) -> str | None:
    value = node.get(name)
    return (value.strip() or None) if isinstance(value, str) else None


def attendance_online(event: dict) -> bool | None:
    mode = str(event.get("eventAttendanceMode", ""))
    location = event.get("location")
    if (
        "Online" in mode
        or "Mixed" in mode
        or (isinstance(location, dict) and location.get("@type") == "VirtualLocation")
    ):
        return True
    return False if "Offline" in mode else None


def language_of(url: str) -> str:
    return "en" if urlsplit(url).path.startswith("/en/") else "nb"


ROUTER = Router(
    {
        HOSTS: [
            (rf"{EVENTS}?$", LISTING, partial(listing, detail=event_page)),
            (rf"{EVENTS}[^/]+/?$", "event", event_page),
            (rf"{CALLS}?$", LISTING, partial(listing, detail=call_page)),
            # Older calls sit one folder down, in "forside---casepages" (three hyphens).
            (rf"{CALLS}(?:forside---casepages/)?[^/]+/?$", "call", call_page),
            (rf"{NEWS}?$", LISTING, partial(listing, detail=news_page)),
            (rf"{NEWS}\d{{4}}/[^/]+/?$", "news", news_page),
            (r"/tjeneste/[^/]+/?$", "call", service_page),
        ]
    }
)
extract = ROUTER.extract
