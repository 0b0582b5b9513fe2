"""How into a site: what one of its pages offers a crawler, read for
`clusterfeeds add`. A plain function of URL and HTML, like the extractors.

The ways in, best first: the site's iCal feed (events with their times and
zones), its RSS/Atom/JSON Feed, schema.org events on the page itself, a
listing whose links share one shape (crawled with a follow rule), and last
the site's sitemap (which the command asks for when the page offers none)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from spiders.extractors.generic import main_content, microdata_events, next_link, page_language, without_noise
from spiders.extractors.page import absolute
from spiders.extractors.tree import first_of, json_ld_nodes, text_of, tree_of

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json feed",
    "application/json": "json feed",
    "text/calendar": "ical",
}
# A listing: at least this many links of one shape in the page's main content.
LISTING_MIN_LINKS = 3
DOCUMENT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|zip)$", re.IGNORECASE)
# Words of a URL or title that say what a site's pages hold, in the sources' languages.
KIND_WORDS = {
    "call": r"call|funding|grant|tender|ausschreibung|foerder|förder|nabor|konkurs|kvietim|utlysning|"
    r"bando|appel|convocatori|subsid|pályázat|výzv|razpis|natječaj|haku|rahoitus|finansiering",
    "event": r"event|veranstaltung|termin|wydarzen|renginy|rengini|arrangement|evenement|événement|"
    r"evento|tapahtum|üritus|pasākum|dogod|akce|rendezvény|konferen|webinar|seminar",
    "news": r"news|aktuell|nyhed|nyhet|naujien|aktualno|actualit|notizi|noticia|uutis|uudis|novinky|hírek",
}


@dataclass
class Discovery:
    url: str
    title: str | None = None
    language: str | None = None
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (url, "rss" | "atom" | "json feed" | "ical")
    events_on_page: int = 0  # schema.org events in JSON-LD or microdata
    listing: list[str] = field(default_factory=list)  # the item links of the largest group of one shape
    follow: str | None = None  # a regular expression matching that group
    next_page: str | None = None
    text_chars: int = 0  # of the main content: a page built by scripts has next to none

    def kind_guess(self) -> str:
        """What the site's pages hold, by the words of the URL, title and item links."""
        words = " ".join([self.url, self.title or "", *self.listing[:10]]).lower()
        found = Counter({kind: len(re.findall(pattern, words)) for kind, pattern in KIND_WORDS.items()})
        kind, hits = found.most_common(1)[0]
        return kind if hits else "event"


LINKS = etree.XPath("//link[@href] | //a[@href]")


def discover(url: str, html: str) -> Discovery:
    root = tree_of(html)
    found = Discovery(url, title=text_of(first_of(root, "title")), language=page_language(root))
    for link in LINKS(root):
        href = link.get("href").strip()
        kind = FEED_TYPES.get((link.get("type") or "").split(";")[0].strip().lower())
        if href.lower().startswith("webcal://"):
            found.feeds.append(("https://" + href[len("webcal://") :], "ical"))
        elif (
            kind
            and "alternate" in (link.get("rel") or "").split()
            or urlsplit(href).path.lower().endswith(".ics")
        ):
            target = absolute(url, href)
            if target:
                found.feeds.append((target, kind or "ical"))
    found.feeds = list(dict.fromkeys(found.feeds))
    found.events_on_page = sum(1 for node in json_ld_nodes(root) if "Event" in str(node.get("@type", "")))
    found.next_page = next_link(url, root)
    main = main_content(without_noise(root))
    found.events_on_page += len(microdata_events(main))
    found.text_chars = len(text_of(main) or "")
    found.listing, found.follow = _listing(url, main)
    return found


def _listing(url: str, main) -> tuple[list[str], str | None]:
    """The largest group of same-site links in the main content sharing their
    path but for the last segment, and a follow rule for it."""
    host = urlsplit(url).hostname
    groups: dict[tuple[str, bool], list[str]] = {}
    for href in main.xpath(".//a/@href", smart_strings=False):
        link = absolute(url, href)
        if not link or urlsplit(link).hostname != host or link.split("#")[0] == url.split("#")[0]:
            continue
        path = urlsplit(link).path
        folder, _, last = path.rstrip("/").rpartition("/")
        if last and not DOCUMENT.search(last):
            group = groups.setdefault((folder, path.endswith("/")), [])
            if link not in group:
                group.append(link)
    if not groups:
        return [], None
    (folder, slash), links = max(groups.items(), key=lambda pair: len(pair[1]))
    if len(links) < LISTING_MIN_LINKS:
        return [], None
    return links, f"{re.escape(folder)}/[^/?#]+{'/' if slash else ''}$"
