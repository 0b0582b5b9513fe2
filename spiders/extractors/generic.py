"""The generic extractor: items from any page, for sources without code and as
the fallback of the site-specific extractors.

Evidence is taken in the order that best survives a redesign: schema.org
JSON-LD, then microdata, ``<time datetime>``, Open Graph and
``article:published_time`` meta, labelled text ("Deadline: 30 June 2027"), and
last the sentences of the main text that hold a date. Menus, headers, footers,
sidebars and cookie banners are left out of the copy of the page that is read,
so their dates never count. Dates stay text: the pipelines read them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

import regex
from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from spiders.extractors.generic_blocks import holders_of
from spiders.extractors.generic_facts import PageFacts, text_value
from spiders.extractors.page import Extraction, absolute
from spiders.extractors.tree import MAX_JSON_LD_OBJECTS, first_of, json_ld_nodes, line_of, tree_of

# What is never the page's own content, matched in plain Python: an XPath that
# lower-cases each class costs eight times more.
NOISE_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "button", "select"}
NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
NOISE_CLASS_WORDS = ("cookie", "consent", "breadcrumb", "share", "social", "sidebar", "related", "skip-link")
NOISE_ID_WORDS = ("cookie", "consent", "sidebar")
ROLE_MAIN = etree.XPath("(//*[@role='main'])[1]")
NEXT = etree.XPath(
    "(//a | //link)[@href][contains(concat(' ', normalize-space(@rel), ' '), ' next ')][1]/@href",
    smart_strings=False,
)
EVENT_TYPES = re.compile(r"(?:^|/)(?:\w*Event|Hackathon|Festival)$")
EVENT_TYPES_MICRODATA = re.compile(r"schema\.org/\w*Event$")
ARTICLE_TYPES = re.compile(r"(?:^|/)(?:\w*Article|BlogPosting|Report|WebPage)$")
LISTING_ARTICLES = 3
# Seconds one of a source file's regexes may take on one URL: "(a|aa)+$" would
# backtrack for ever on a long run of a's; the regex module stops it.
# A second: far beyond any sane pattern on a URL, even on a loaded machine.
PATTERN_SECONDS = 1.0


class UrlRules:
    """A source file's (regex, value) rules over URLs, each search bounded in time:
    a regex that overruns is reported once, naming it, and not used again on the page."""

    def __init__(self, key: str, rules: Iterable[tuple[str, str]], problems: list[tuple[str, str]]):
        self.key, self.rules, self.problems = key, list(rules), problems

    def value_for(self, url: str) -> str | None:
        """The value of the first rule whose regex finds ``url``."""
        for rule in list(self.rules):
            pattern, value = rule
            try:
                if regex.search(pattern, url, timeout=PATTERN_SECONDS):
                    return value
            except TimeoutError:
                self.rules.remove(rule)
                self.problems.append(
                    (
                        self.key,
                        f"{pattern!r} took over {PATTERN_SECONDS} s on {url} "
                        "(catastrophic backtracking); not used on the rest of this page",
                    )
                )
        return None


def extract_page(
    url: str,
    page: str | bytes | HtmlElement,
    *,
    language: str,
    kind: str,
    follow: Iterable[str] = (),
    url_kinds: Iterable[tuple[str, str]] = (),
) -> Extraction:
    """The items of one page (at most one, or one per JSON-LD event) and the links
    matching ``follow`` (regexes); ``url_kinds`` (regex, kind) overrides ``kind`` by URL.
    The page's tree, when given one, is left as it is."""
    problems: list[tuple[str, str]] = []
    root = tree_of(page)
    language = page_language(root) or language
    kind = kind_for(url, kind, UrlRules("url_kinds", url_kinds, problems))
    follow_rules = UrlRules("follow", [(pattern, pattern) for pattern in follow], problems)
    links = followed_links(url, root, follow_rules)
    next_page = next_link(url, root)
    nodes = json_ld_nodes(root)
    if len(nodes) > MAX_JSON_LD_OBJECTS:
        problems.append(
            (
                "json-ld",
                f"more than {MAX_JSON_LD_OBJECTS} schema.org objects; "
                f"only the first {MAX_JSON_LD_OBJECTS} read",
            )
        )
    events, article = structured_data(nodes[:MAX_JSON_LD_OBJECTS])
    content = without_noise(root)
    main = main_content(content)
    if not events:
        events = microdata_events(main)
    listing = (
        len([link for link in followed_links(url, main, follow_rules) if link != url]) >= 2
        or len(main.findall(".//article")) >= LISTING_ARTICLES
    )
    facts = PageFacts(url, content, main, language, kind, article)
    if events:
        items = [event_item(url, node, facts, language, alone=len(events) == 1) for node in events]
    elif listing:
        items = []
    else:
        items = [item for item in [facts.item()] if item]
    return Extraction(
        items=items, links=[link for link in links if link != url], next_page=next_page, problems=problems
    )


def kind_for(url: str, kind: str, url_kinds: UrlRules) -> str:
    """The kind of the first (regex, kind) whose regex finds ``url``, else ``kind``."""
    return url_kinds.value_for(url) or kind


def page_language(root: HtmlElement) -> str | None:
    """The page's own language (``<html lang="de-DE">`` is "de"), when it says one."""
    html = first_of(root, "html")
    code = (html.get("lang") or "").split("-")[0].lower() if html is not None else ""
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def followed_links(url: str, node: HtmlElement, follow: UrlRules) -> list[str]:
    links: dict[str, None] = {}
    for href in node.xpath(".//a/@href", smart_strings=False) if follow.rules else []:
        link = absolute(url, href)
        if link and link not in links and follow.value_for(link) is not None:
            links[link] = None
    return list(links)


def next_link(url: str, root: HtmlElement) -> str | None:
    return next((absolute(url, href) for href in NEXT(root)), None)


def without_noise(root: HtmlElement) -> HtmlElement:
    """A copy of the page without its noise: the page's tree is shared by its
    readers and stays whole."""
    content = copy.deepcopy(root)
    for part in noise_of(content):
        part.drop_tree()  # of a part already dropped with an outer one, harmlessly
    return content


def noise_of(root: HtmlElement) -> list[HtmlElement]:
    """The page's noise, outer parts first: NOISE_TAGS and the rest above, hidden
    parts, and a site's header and footer (an article's own header holds its title
    and date). What holds the page's <main> or <h1> is its frame, however it is
    marked ("has-sidebar", "cookie-consent-active"), and stays."""
    frame = holders_of(root.iter("main", "h1"))
    return [
        element
        for element in root.iter(etree.Element)
        if (is_noise(element) or is_site_frame(element))
        and element not in frame
        and element.tag not in ("html", "body")
    ]


def is_noise(element: HtmlElement) -> bool:
    get = element.get
    if element.tag in NOISE_TAGS or get("role") in NOISE_ROLES or get("aria-hidden") == "true":
        return True
    classes, ident = (get("class") or "").lower(), (get("id") or "").lower()
    return (
        get("hidden") is not None
        or any(word in classes for word in NOISE_CLASS_WORDS)
        or any(word in ident for word in NOISE_ID_WORDS)
    )


def is_site_frame(element: HtmlElement) -> bool:
    return (
        element.tag in ("header", "footer") and next(element.iterancestors("article", "main"), None) is None
    )


def main_content(root: HtmlElement) -> HtmlElement:
    """main, [role=main], the one article, else the block with the most paragraph text."""
    found = first_of(root, "main")
    if found is None:
        found = next(iter(ROLE_MAIN(root)), None)
    articles = root.findall(".//article")
    if found is None and len(articles) == 1:
        found = articles[0]
    if found is None:
        chars = text_chars(root)
        found = max(
            root.iter("div", "section"),
            default=None,
            key=lambda block: sum(chars[child] for child in block.iterchildren("p", "li", "h1", "h2")),
        )
    if found is None:
        found = first_of(root, "body")
    return root if found is None else found


def text_chars(root: HtmlElement) -> dict[HtmlElement, int]:
    """The length of each element's visible text, in one pass from the last element
    up, so that nested blocks cost no more than flat ones."""
    chars: dict[HtmlElement, int] = {}
    for element in reversed(list(root.iter(etree.Element))):
        own = 0 if element.tag in ("script", "style", "template") else shown_length(element.text)
        chars[element] = own + sum(
            chars.get(child, 0) + shown_length(child.tail) for child in element.iterchildren()
        )
    return chars


def shown_length(text: str | None) -> int:
    """The length of a piece of text; the white space of a page's indenting counts as one space."""
    return 0 if not text else len(text) if text.strip() else 1


def structured_data(nodes: list[dict]) -> tuple[list[dict], dict]:
    """The events among a page's JSON-LD objects, and its article ({} when none)."""
    events, article = [], {}
    for node in nodes:
        types = node.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and EVENT_TYPES.search(t) for t in types):
            events.append(node)
        elif not article and any(isinstance(t, str) and ARTICLE_TYPES.search(t) for t in types):
            article = node
    return events, article


def microdata_events(main: HtmlElement) -> list[dict]:
    """schema.org events written as microdata, read into JSON-LD's shape."""
    events = []
    for scope in SCOPES(main):
        if not EVENT_TYPES_MICRODATA.search(scope.get("itemtype")):
            continue
        node: dict = {}
        for prop in OWN_PROPERTIES(scope, scope=scope):
            name = prop.get("itemprop")
            if prop.get("itemscope") is not None:
                node.setdefault(
                    name, {"@type": prop.get("itemtype", "").rsplit("/", 1)[-1], "name": line_of(prop)}
                )
            else:
                node.setdefault(
                    name, prop.get("content") or prop.get("datetime") or prop.get("href") or line_of(prop)
                )
        events.append(node)
    return events


SCOPES = etree.XPath(".//*[@itemscope][@itemtype]")
# The properties of a scope, not those of a scope inside it.
OWN_PROPERTIES = etree.XPath(".//*[@itemprop][count(ancestor::*[@itemscope][1] | $scope) = 1]")


def event_item(url: str, node: dict, facts: PageFacts, language: str, alone: bool) -> dict:
    """One event from a schema.org node; the page's facts fill in what it lacks when alone."""
    own_url = absolute(url, node.get("url")) if isinstance(node.get("url"), str) else None
    online, place = attendance(node)
    fields = dict(
        summary=text_value(node.get("description")),
        start_text=text_value(node.get("startDate")),
        end_text=text_value(node.get("endDate")),
        location=place,
        online=online,
        status_text=status_of(node),
        tags=[
            t.strip()
            for k in listed(node.get("keywords"))
            for t in (text_value(k) or "").split(",")
            if t.strip()
        ],
    )
    if alone:
        page = facts.fields()
        fields = {k: v if v not in (None, []) else page.get(k) for k, v in fields.items()}
        fields["published_text"] = page.get("published_text")
    title = text_value(node.get("name")) or facts.title()
    return raw_item(
        "event", own_url or url, title or "", language, key=None if alone else (own_url or title), **fields
    )


def attendance(node: dict) -> tuple[bool | None, str | None]:
    """(online, place) of an event node."""
    mode = str(node.get("eventAttendanceMode", ""))
    places = [place_text(p) for p in listed(node.get("location"))]
    virtual = any(
        isinstance(p, dict) and "Virtual" in str(p.get("@type")) for p in listed(node.get("location"))
    )
    physical = [
        p
        for p, raw in zip(places, listed(node.get("location")), strict=True)
        if p and not (isinstance(raw, dict) and "Virtual" in str(raw.get("@type")))
    ]
    online = (
        True if ("Online" in mode or "Mixed" in mode or virtual) else False if "Offline" in mode else None
    )
    return online, physical[0] if physical else None


def place_text(place) -> str | None:
    if isinstance(place, str):
        return place.strip() or None
    if not isinstance(place, dict):
        return None
    address = place.get("address")
    if isinstance(address, dict):
        address = ", ".join(
            str(address[k])
            for k in ("streetAddress", "postalCode", "addressLocality", "addressCountry")
            if isinstance(address.get(k), str)
        )
    parts = [p for p in (text_value(place.get("name")), text_value(address)) if p]
    return ", ".join(dict.fromkeys(parts)) or None


def status_of(node: dict) -> str | None:
    status = str(node.get("eventStatus") or "").rsplit("/", 1)[-1]
    return {"EventCancelled": "Cancelled", "EventPostponed": "Postponed"}.get(status)


def listed(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
