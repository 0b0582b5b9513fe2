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

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from core.sources import CODE_SOURCES
from spiders.extractors.page import Extraction, absolute, first, split_status
from spiders.extractors.routes import LISTING, Reader, Router
from spiders.extractors.tree import (
    first_match,
    first_of,
    inline_text,
    json_ld_of_type,
    meta_content,
    meta_summary,
    text_of,
    tree_of,
)

HOSTS = CODE_SOURCES["parp"].hosts
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)
# Parts of a page that repeat on every page (menus, sidebars, footer) and all they hold:
# never items, never links. A <header> or <footer> inside the content is the article's
# own, not chrome: the nearest one around an element decides.
_IN_CHROME = (
    "ancestor-or-self::aside or ancestor-or-self::nav or ancestor-or-self::*[self::header or self::footer]"
    "[1][not(ancestor::main or ancestor::article)]"
)
in_chrome = etree.XPath(f"boolean({_IN_CHROME})")
# Lookups compiled once: they run on every page.
ANCHORS = etree.XPath("descendant::a[@href]")
CONTENT_LEAVES = etree.XPath(f"descendant::*[not(*)][not({_IN_CHROME})]")
# Blocks of running text: paragraphs and list items holding no further ones.
TEXT_BLOCKS = etree.XPath(
    f"descendant::*[self::p or self::li][not(descendant::p or descendant::li)][not({_IN_CHROME})]"
)
TAG_LINKS = etree.XPath(f"descendant::a[contains(@href, '/component/tags/tag/')][not({_IN_CHROME})]")
ARTICLE_BODY = etree.XPath("descendant::*[@itemprop='articleBody']")
DATE_PUBLISHED = etree.XPath("descendant::*[@itemprop='datePublished']")
# Text before an element, as lxml gives it: each piece knows the element it belongs to.
TEXT_BEFORE = etree.XPath("preceding::text()")

_MONTH = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
_DAYS = r"\d{1,2}(?:\s*(?:i|-|–)\s*\d{1,2})?"
DATE = rf"(?:{_DAYS}\s+(?:{_MONTH})(?:\s+(?:\d{{4}}|br\.))?|\d{{1,2}}\.\d{{2}}\.\d{{4}})(?:\s*r\.)?"
DATE_ONLY = re.compile(rf"^\s*{DATE}\s*$")
HAS_DATE = re.compile(DATE)

# Timeline steps of a call card, by what their label says.
OPENS_STEP = re.compile(r"start składania|rozpoczęcie naboru|otwarcie naboru", re.IGNORECASE)
DEADLINE_STEP = re.compile(r"koniec przyjmowania|zakończenie naboru|termin składania", re.IGNORECASE)
ANNOUNCED_STEP = re.compile(r"ogłoszenie (?:konkursu|naboru)", re.IGNORECASE)
STEP_LABELS = (OPENS_STEP, DEADLINE_STEP, ANNOUNCED_STEP)
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


def detail(read: Callable[[str, HtmlElement, HtmlElement], list[dict]]) -> Reader:
    """A reader of the items ``read`` finds below a detail page's heading."""

    def extract(url: str, page: str | bytes | HtmlElement) -> Extraction:
        root = tree_of(page)
        heading = page_heading(root)
        if heading is None:
            return Extraction()
        items = read(url, root, heading)
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


def listing_page(url: str, page: str | bytes | HtmlElement, kind: str) -> Extraction:
    """Links to the detail pages of ``kind`` a listing shows, and its next page."""
    anchors = ANCHORS(tree_of(page))
    links: list[str] = []
    for anchor in anchors:
        link = own_url(url, anchor.get("href"))
        if link and ROUTER.kind_of(link) == kind and link not in links and not in_chrome(anchor):
            links.append(link)
    next_page = next(
        (
            link
            for anchor in anchors
            if is_next(anchor) and (link := own_url(url, anchor.get("href"))) and link != url
        ),
        None,
    )
    return Extraction(links=links, next_page=next_page, newest_first=kind == "news")


def call_page(url: str, root: HtmlElement, heading: HtmlElement) -> list[dict]:
    steps = timeline_steps(root)
    status = next(
        (text for leaf in CONTENT_LEAVES(content_root(root)) if STATUS.match(text := text_of(leaf) or "")),
        None,
    )
    return [
        raw_item(
            "call",
            url,
            inline_text(heading),
            language_of(root),
            summary=meta_summary(root),
            published_text=first(s for s in steps if ANNOUNCED_STEP.search(s)),
            opens_text=first(s for s in steps if OPENS_STEP.search(s)),
            deadline_texts=[s for s in steps if DEADLINE_STEP.search(s)],
            status_text=status,
            external_id=labelled_value(root, "Numer naboru"),
        )
    ]


def event_page(url: str, root: HtmlElement, heading: HtmlElement) -> list[dict]:
    title = inline_text(heading)
    title, status = split_status(title, EVENT_STATUS_PREFIX)
    event_data = json_ld_of_type(root, "Event")
    ld_start, ld_end, ld_mode = (
        text_value(event_data.get(key)) for key in ("startDate", "endDate", "eventAttendanceMode")
    )
    start = ld_start or labelled_text(root, "Termin", "Data", "Date")
    end = ld_end if ld_start else None
    place = labelled_value(root, "Miejsce", "Venue", "Place", "Location")
    online = bool(place and ONLINE.match(place))
    if ld_mode:
        online = "Online" in ld_mode
    return [
        raw_item(
            "event",
            url,
            title,
            language_of(root),
            summary=meta_summary(root),
            published_text=published_of(root, heading),
            start_text=start,
            end_text=end,
            location=None if place and ONLINE.match(place) else place,
            online=online if place or ld_mode else None,
            status_text=status,
            tags=tags_of(root),
        )
    ]


def news_page(url: str, root: HtmlElement, heading: HtmlElement) -> list[dict]:
    title, language = inline_text(heading), language_of(root)
    common = {"summary": meta_summary(root), "published_text": published_of(root, heading)}
    news = raw_item("news", url, title, language, **common, tags=tags_of(root))
    return [news, *announcements(url, root, title, language, common)]


def announcements(url: str, root: HtmlElement, title: str, language: str, common: dict) -> list[dict]:
    """The first call and the first event the article's text announces."""
    call = event = None
    for sentence in body_sentences(root):
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


def body_sentences(root: HtmlElement) -> list[str]:
    body = first_match(root, ARTICLE_BODY)
    blocks = TEXT_BLOCKS(content_root(root) if body is None else body)
    return [s for block in blocks for s in SENTENCE_END.split(inline_text(block) or "") if s]


def timeline_steps(root: HtmlElement) -> list[str]:
    """The text of each dated step ("30 maja 2023 Start składania wniosków"):
    the smallest elements holding both a date and a step label.

    An element holds what any element inside it holds, so the search goes down
    only into elements that hold a step: each page's text is read a few times,
    not once per level of nesting."""
    found: list[HtmlElement] = []
    pending = list(reversed(content_root(root)))
    while pending:
        element = pending.pop()
        if isinstance(element.tag, str) and is_step(text_of(element)):
            pending += reversed(element)  # in page order
            if not in_chrome(element):
                found.append(element)
    holders = {ancestor for element in found for ancestor in element.iterancestors()}
    return [text_of(step) for step in found if step not in holders]


def is_step(text: str | None) -> bool:
    return bool(text and HAS_DATE.search(text) and any(label.search(text) for label in STEP_LABELS))


def labelled_text(root: HtmlElement, *labels: str) -> str | None:
    """A field with its label, as the page writes it ("Termin: 3 grudnia 2026 r.")."""
    found = labelled(root, labels)
    return f"{found[0]} {found[1]}" if found else None


def labelled_value(root: HtmlElement, *labels: str) -> str | None:
    found = labelled(root, labels)
    return found[1] if found else None


# What follows a label when it is words of its own block rather than an element.
FOLLOWING_WORDS = object()


def labelled(root: HtmlElement, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """(label, value) of the first field named by one of ``labels``: a leaf whose
    text is the label, its value either following it in the same block
    (<p><strong>Termin:</strong> …</p>) or in the next element (<dt>…</dt><dd>…</dd>)."""
    wanted = {label.casefold() for label in labels}
    for leaf in CONTENT_LEAVES(content_root(root)):
        label = text_of(leaf)
        if not label or label.rstrip(":").strip().casefold() not in wanted:
            continue
        following = next_of(leaf)
        block = text_of(leaf.getparent()) or ""
        if following is FOLLOWING_WORDS:
            value = block[len(label) :].strip() if block.startswith(label) else None
        else:
            value = text_of(following)
        if value:
            return label, value
    return None


def next_of(leaf: HtmlElement) -> HtmlElement | object | None:
    """What follows ``leaf`` past blank space: the next element, FOLLOWING_WORDS
    for words of its block (or a comment standing for them), or None."""
    if (leaf.tail or "").strip():
        return FOLLOWING_WORDS
    for sibling in leaf.itersiblings():
        if isinstance(sibling.tag, str):
            return sibling
        if (sibling.text or "").strip() or (sibling.tail or "").strip():
            return FOLLOWING_WORDS
    return None


def published_of(root: HtmlElement, heading: HtmlElement) -> str | None:
    """The publication date: microdata, else the date standing above the title,
    else the article:published_time meta."""
    marked = first_match(root, DATE_PUBLISHED)
    if marked is not None and not in_chrome(marked):
        return text_of(marked) or marked.get("datetime") or marked.get("content")
    above = next((text for text in reversed(TEXT_BEFORE(heading)) if DATE_ONLY.search(text)), None)
    if above is not None:
        holder = above.getparent().getparent() if above.is_tail else above.getparent()
        if not in_chrome(holder):
            return text_of(holder)
    return meta_content(root, "article:published_time")


def tags_of(root: HtmlElement) -> list[str]:
    """Joomla tag links (/component/tags/tag/<alias>) of the page itself."""
    return [text for a in TAG_LINKS(content_root(root)) if (text := text_of(a))]


def language_of(root: HtmlElement) -> str:
    lang = root.getroottree().getroot().get("lang")
    return lang.split("-")[0].lower() if lang else "pl"


def page_heading(root: HtmlElement) -> HtmlElement | None:
    return next((h for h in root.iter("h1") if not in_chrome(h) and text_of(h)), None)


def content_root(root: HtmlElement) -> HtmlElement:
    main = first_of(root, "main")
    return root if main is None else main


def is_next(anchor: HtmlElement) -> bool:
    """Joomla's pager names the next page in words (aria-label, title), not by rel=next."""
    words = " ".join([anchor.get("rel") or "", anchor.get("aria-label") or "", anchor.get("title") or ""])
    return re.search(r"\bnext\b|następn", words, re.IGNORECASE) is not None


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
