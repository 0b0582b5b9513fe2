"""MITA (mita.lrv.lt, the archived site of the Lithuanian Agency for Science,
Innovation and Technology) and its successor, the Innovation Agency
(inovacijuagentura.lt), with the agency's EU-funds calls on 2021.esinvesticijos.lt.

The three sites share one vocabulary, so call pages are read by their labelled
lines ("Galioja iki 2020-03-04", "Paraiškų priėmimo pabaiga: …", "Teikiama iki
2025-02-28 17:00") and news pages by their date line; a news item that says an
event "vyks" / "will take place" on a date announces that event too."""

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
    line_of,
    meta_content,
    selector,
    text_of,
    tree_of,
    without,
)

# The EU-funds portal shows the same call cards on its 2021 site and on www.
HOSTS = CODE_SOURCES["mita"].hosts
# Links to this source's pages only.
own_url = partial(absolute, hosts=HOSTS)

CALLS = "/(?:lt/skelbimai|lt/kvietimai|kvietimai)"
# The Innovation Agency's own site writes its news at /en/naujiena/<slug>/.
NEWS = "/(?:lt/naujienos|en/news|(?:en/)?naujiena)"

# Page parts whose dates belong to other things: sidebars, related items, menus, sharing.
NOISE = (
    "aside, nav, footer, form, figure, script, style, "
    "[class*=related], [class*=latest], [class*=share], [class*=teaser]"
)
BLOCKS = ("p", "li", "div", "dd", "dt", "ul", "ol", "dl", "table", "section", "article", "h2", "h3")
_BLOCK = " or ".join(f"self::{tag}" for tag in BLOCKS)
# The lines of a text: each term of a definition list (read with its value), and
# each other block that holds no further blocks (a value is read with its term).
LINE_NODES = etree.XPath(
    f"descendant::*[self::dt or (not(self::dd) and ({_BLOCK}) and not(descendant::*[{_BLOCK}]))]"
)
ANCHORS = etree.XPath("descendant::a[@href]")
NEXT_ANCHOR = selector("a[rel~=next]")
NEXT_CLASS = selector("a.next")
TAG_ANCHORS = selector("a[rel~=tag]")
DATED = selector("[class*=date]")

# Labelled lines as the three sites write them; a line must start with its label.
DEADLINE_LINE = re.compile(
    r"^(?:Galioja iki|Teikiama iki|Paraiškos priimamos iki|Terminas pratęsiamas"
    r"|Paraiškų (?:priėmimo|teikimo|pateikimo) (?:pabaiga|terminas))\b"
)
OPENS_LINE = re.compile(r"^(?:Teikiama nuo|Paraiškų (?:priėmimo|teikimo) pradžia)\b")
PUBLISHED_LINE = re.compile(r"^(?:Data|Paskelbta|Published)\b")
CODE_LINE = re.compile(r"^Kvietimo kodas:?\s*(\S+)")
PLACE_LINE = re.compile(r"^(?:Vieta|Renginio vieta|Venue|Place):\s*(.+)")
DATE_HINT = re.compile(r"\d")

# "PRATĘSTAS TERMINAS. Kvietimas …": a status the editors put before the title.
STATUS_PREFIX = re.compile(r"^\s*(?P<status>PRATĘSTAS TERMINAS|ATNAUJINTA|ATŠAUKTA|NEAKTUALU)\s*[.:]\s*")
# A badge standing alone: the call's state.
STATUS_WORDS = {"Aktyvus", "Planuojamas", "Pasibaigęs", "Baigtas", "Sustabdytas", "Atšauktas"}
# The elements a badge may be that hold one of those words; their text tells which stands alone.
BADGE_CANDIDATES = etree.XPath(
    "descendant::*[self::span or self::div or self::p or self::strong]["
    + " or ".join(f"contains(., '{word}')" for word in sorted(STATUS_WORDS))
    + "]"
)

LT_DATE = r"\d{4} m\. [a-ząčęėįšųūž]+ \d{1,2} d\.(?: \d{1,2}(?:[.:]\d{2})? val\.)?"
EN_DATE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
)
# "Forumas vyks 2027 m. vasario 12 d. 10 val.", "will take place in Lithuania on March 19th".
EVENT_SNIPPET = re.compile(
    rf"\b(?:will take place|takes place|įvyks|vyks)\b[^.!?]{{0,60}}?(?:{LT_DATE}|{EN_DATE})"
)
PLACE_IN_SNIPPET = re.compile(r"\bin ((?:[A-Z][\w-]+)(?: [A-Z][\w-]+)*) on\b")


def listing(
    url: str, page: str | bytes | HtmlElement, detail: Reader, newest_first: bool = False
) -> Extraction:
    """A listing page: its pages that ``detail`` reads, and the next page."""
    main = first_of(tree_of(page), "main")
    if main is None:
        return Extraction()
    next_anchor = first_match(main, NEXT_ANCHOR)
    next_anchor = first_match(main, NEXT_CLASS) if next_anchor is None else next_anchor
    next_page = own_url(url, next_anchor.get("href")) if next_anchor is not None else None
    links: list[str] = []
    for anchor in ANCHORS(without(main, NOISE)):
        link = own_url(url, anchor.get("href"))
        if link and ROUTER.reader_of(link) is detail and link not in links:
            links.append(link)
    return Extraction(links=links, next_page=next_page, newest_first=newest_first)


def call_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    root = tree_of(page)
    article, title = content_of(root)
    if article is None:
        return Extraction()
    article = without(article, NOISE)
    lines = labelled_lines(article)
    title, prefix = split_status(title, STATUS_PREFIX)
    # The portal's detail view glues the state to the title too ("INOKLASTER Pasibaigęs").
    [title], suffix = glued_status([title])
    code = next((m.group(1) for line in lines if (m := CODE_LINE.match(line))), None)
    deadlines, glued = glued_status(
        [line for line in lines if DEADLINE_LINE.match(line) and DATE_HINT.search(line)]
    )
    item = raw_item(
        "call",
        url,
        title,
        language_of(url),
        summary=summary_of(article),
        deadline_texts=deadlines,
        opens_text=next((line for line in lines if OPENS_LINE.match(line) and DATE_HINT.search(line)), None),
        published_text=published_text(root, article, lines),
        status_text=prefix or status_badge(article) or glued or suffix,
        external_id=code,
    )
    problems = [] if deadlines else [("deadline_texts", "call page without a deadline line")]
    return Extraction(items=[item], problems=problems)


def news_page(url: str, page: str | bytes | HtmlElement) -> Extraction:
    """A news item, and the event it announces when it says one will take place."""
    root = tree_of(page)
    article, title = content_of(root)
    if article is None:
        return Extraction()
    # Categories stand in the article's own footer, which goes with the noise.
    tags = [text for anchor in TAG_ANCHORS(article) if (text := text_of(anchor))]
    article = without(article, NOISE)
    lines = labelled_lines(article)
    language, published, summary = language_of(url), published_text(root, article, lines), summary_of(article)
    items = [raw_item("news", url, title, language, summary=summary, published_text=published, tags=tags)]
    snippet = event_snippet(article)
    if snippet:
        place = next((m.group(1) for line in lines if (m := PLACE_LINE.match(line))), None)
        in_snippet = PLACE_IN_SNIPPET.search(snippet)
        items.append(
            raw_item(
                "event",
                url,
                title,
                language,
                summary=summary,
                start_text=snippet,
                location=place or (in_snippet.group(1) if in_snippet else None),
                published_text=published,
            )
        )
    problems = [] if published else [("published_text", "news page without a date")]
    return Extraction(items=items, problems=problems)


def labelled_lines(article: HtmlElement) -> list[str]:
    """Every line of text as a reader sees it: a definition as "term: value",
    any other block that holds no further blocks as its text."""
    lines = []
    for node in LINE_NODES(article):
        if node.tag == "dt":
            value = next(node.itersiblings("dd"), None)
            if value is not None:
                lines.append(f"{line_of(node) or ''}: {line_of(value) or ''}")
        elif text := line_of(node):
            lines.append(text)
    return lines


def glued_status(deadlines: list[str]) -> tuple[list[str], str | None]:
    """The lines (deadlines, a title) without the status word the portal glues to
    their end ("Teikiama iki 2025-02-28 17:00 Pasibaigęs"), and that word."""
    found, status = [], None
    for line in deadlines:
        rest, _, last = line.rpartition(" ")
        if last in STATUS_WORDS:
            line, status = rest, status or last
        found.append(line)
    return found, status


def status_badge(article: HtmlElement) -> str | None:
    return next((text for node in BADGE_CANDIDATES(article) if (text := text_of(node)) in STATUS_WORDS), None)


def published_text(root: HtmlElement, article: HtmlElement, lines: list[str]) -> str | None:
    """The page's publication date: article meta, a "Data"/"Paskelbta" line, or the date line."""
    meta = meta_content(root, "article:published_time")
    if meta:
        return meta
    labelled = next((line for line in lines if PUBLISHED_LINE.match(line) and DATE_HINT.search(line)), None)
    if labelled:
        return labelled
    dated = first_match(article, DATED)
    return text_of(dated) if dated is not None and DATE_HINT.search(text_of(dated) or "") else None


def summary_of(article: HtmlElement) -> str | None:
    """The first paragraph of running text."""
    return next((text for p in article.iter("p") if len(text := line_of(p) or "") > 80), None)


def event_snippet(article: HtmlElement) -> str | None:
    for paragraph in article.iter("p", "li"):
        match = EVENT_SNIPPET.search(text_of(paragraph) or "")
        if match:
            return match.group(0)
    return None


def language_of(url: str) -> str:
    return "en" if urlsplit(url).path.startswith("/en/") else "lt"


ROUTER = Router(
    {
        HOSTS: [
            (rf"{CALLS}/?(?:page/\d+/?)?$", LISTING, partial(listing, detail=call_page)),
            (rf"{CALLS}/(?!page/)[^/]+/?$", "call", call_page),
            (rf"{NEWS}/?(?:page/\d+/?)?$", LISTING, partial(listing, detail=news_page, newest_first=True)),
            (rf"{NEWS}/(?!page/)[^/]+/?$", "news", news_page),
        ]
    }
)
extract = ROUTER.extract
