"""Innovation Norway (www.innovasjonnorge.no): English EEA-grants events,
Norwegian calls ("utlysninger"), news and service pages such as the cluster
programme. Deadlines mostly stand in running text, so calls are found by the
sentences that name a "frist"; a schedule table in a news item is a call too."""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from core.sources import CODE_SOURCES
from spiders.extractors.page import Extraction, absolute, split_status
from spiders.extractors.routes import LISTING, Reader, Router
from spiders.extractors.tree import (
    content_of,
    first_match,
    first_of,
    json_ld_of_type,
    line_of,
    meta_content,
    selector,
    text_of,
    tree_of,
    without,
)

HOSTS = CODE_SOURCES["innovasjonnorge"].hosts
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

# Lookups compiled once: they run on every page.
ANCHORS = etree.XPath("descendant::a[@href]")
NEXT_ANCHOR = selector("a[rel~=next]")
INGRESS = selector(".ingress")
TAGS = selector(".tag-list li")
STAMP = etree.XPath("descendant::time[@datetime]")


def listing(url: str, page: str | bytes | HtmlElement, detail: Reader) -> Extraction:
    """A listing page: its pages that ``detail`` reads, and the next page."""
    main = first_of(tree_of(page), "main")
    if main is None:
        return Extraction()
    links: list[str] = []
    for anchor in ANCHORS(main):
        link = own_url(url, anchor.get("href"))
        if link and ROUTER.reader_of(link) is detail and link not in links:
            links.append(link)
    next_anchor = first_match(main, NEXT_ANCHOR)
    return Extraction(
        links=links, next_page=own_url(url, next_anchor.get("href")) if next_anchor is not None else None
    )


def event_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    root = tree_of(page)
    article, title = content_of(root)
    if article is None:
        return Extraction()
    event = json_ld_of_type(root, "Event")
    facts = labelled_facts(article)  # before the noise goes: sites put the facts in a sidebar
    article = without(article, NOISE)
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
        summary=summary_of(root, article),
        start_text=ld_text(event, "startDate") or date_text or running_event_date(article),
        end_text=ld_text(event, "endDate"),
        location=None if online else place,
        online=online,
        published_text=published_text(root, article),
        tags=tags_of(article),
    )
    return Extraction(items=[item])


def call_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    root = tree_of(page)
    article, title = content_of(root)
    if article is None:
        return Extraction()
    article = without(article, NOISE)
    title, status = split_status(title, STATUS_PREFIX)
    item = raw_item(
        "call",
        url,
        title,
        language_of(url),
        summary=summary_of(root, article),
        deadline_texts=dated_sentences(article, DEADLINE_WORD),
        opens_text=next(iter(dated_sentences(article, OPENS_WORD)), None),
        published_text=published_text(root, article),
        status_text=status,
    )
    return Extraction(items=[item])


def service_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    """A service page is a call only when it names an application deadline."""
    extraction = call_page(url, page)
    if extraction.items and extraction.items[0]["deadline_texts"]:
        return extraction
    return Extraction()


def news_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    """A news item, plus a call for each schedule table of deadlines in it."""
    root = tree_of(page)
    article, title = content_of(root)
    if article is None:
        return Extraction()
    article = without(article, NOISE)
    language, published = language_of(url), published_text(root, article)
    summary = summary_of(root, article)
    items = [
        raw_item(
            "news", url, title, language, summary=summary, published_text=published, tags=tags_of(article)
        )
    ]
    for table in article.iter("table"):
        rows = [text_of(row) for row in table.iter("tr")]
        deadlines = [row for row in rows if row and DEADLINE_WORD.search(row) and DATE_HINT.search(row)]
        if deadlines:
            items.append(
                raw_item(
                    "call",
                    url,
                    title,
                    language,
                    key=text_of(first_of(table, "caption")) or title,
                    summary=summary,
                    deadline_texts=deadlines,
                    published_text=published,
                )
            )
    return Extraction(items=items)


def summary_of(root: HtmlElement, article: HtmlElement) -> str | None:
    return text_of(first_match(article, INGRESS)) or meta_content(root, "og:description")


def tags_of(article: HtmlElement) -> list[str]:
    return [tag for li in TAGS(article) if (tag := text_of(li))]


def dated_sentences(article: HtmlElement, word: re.Pattern) -> list[str]:
    """Labelled lines ("Søknadsfrist: 3. februar 2027 kl. 12:00") naming ``word``,
    else sentences of running text naming it and a date."""
    blocks = [text for node in article.iter("p", "li", "dd") if (text := line_of(node))]
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


def labelled_facts(article: HtmlElement) -> dict[str, str]:
    """The <dt>/<dd> pairs of a facts box, by lower-case label."""
    facts = {}
    for term in article.iter("dt"):
        value = next(term.itersiblings("dd"), None)
        label, text = text_of(term), line_of(value)
        if label and text:
            facts[label.rstrip(":").strip().lower()] = text
    return facts


def running_event_date(article: HtmlElement) -> str | None:
    """The first event date in running text, the ingress first: "on 26 May 2021"."""
    ingress = first_match(article, INGRESS)
    for node in ([] if ingress is None else [ingress]) + list(article.iter("p", "li")):
        match = RUNNING_DATE.search(text_of(node) or "")
        if match:
            return match.group(0)
    return None


def published_text(root: HtmlElement, article: HtmlElement) -> str | None:
    meta = meta_content(root, "article:published_time")
    if meta:
        return meta
    for node in article.iter("p", "span", "div"):
        text = text_of(node)
        if text and PUBLISHED_LABEL.match(text) and DATE_HINT.search(text):
            stamp = first_match(node, STAMP)
            return stamp.get("datetime") if stamp is not None else text
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
