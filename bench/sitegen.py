"""A generated snapshot of the ECCP site, as large as a benchmark needs.

Pages sit at the ECCP's real URL paths, so the real `eccp` spider and its
extractor crawl them: the event calendar, the calls search and the news
listing (10 teasers a page, next page in `a[rel=next]`) lead to event, call and
news pages. Every page wears the bundled snapshot's own menus and footer and
is 20-30 kB like the real ones; titles and dates differ on every page.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from aggregator.bundled import bundled
from spiders.replay.snapshot import Snapshot

HOST = "www.clustercollaboration.eu"
SITE = f"https://{HOST}"
PER_LISTING = 10
CAPTURED = date(2026, 11, 16)
# Share of the detail pages of each kind, and the listing that leads to them.
KINDS = (
    ("event", 0.45, "/event-calendar"),
    ("call", 0.45, "/search-results?type=eccp_calls"),
    ("news", 0.10, "/news"),
)
THEMES = (
    "Hydrogen Valleys",
    "Circular Textiles",
    "Digital Twins for Manufacturing",
    "Agri-Food Resilience",
    "Battery Value Chains",
    "Space Data for SMEs",
    "Medical Devices Regulation",
    "Smart Mobility",
    "Blue Economy",
    "Creative Industries",
    "Low-Carbon Construction",
    "Semiconductor Skills",
)
FORMATS = (
    "Matchmaking Event",
    "Cluster Academy Webinar",
    "Expert Talk",
    "Business Mission",
    "Partnering Day",
    "Workshop",
    "Conference",
    "Trade Fair Pavilion",
)
CITIES = (
    "Lyon, France",
    "Bilbao, Spain",
    "Wrocław, Poland",
    "Tampere, Finland",
    "Porto, Portugal",
    "Graz, Austria",
    "Eindhoven, Netherlands",
    "Turin, Italy",
    "Kaunas, Lithuania",
    "Cluj-Napoca, Romania",
    "Aarhus, Denmark",
    "Dresden, Germany",
    "Online event",
)
PARAGRAPH = (
    "Cluster organisations, SMEs and research centres working on {theme} meet to exchange on "
    "market trends, funding opportunities and joint projects. Participants present their "
    "capabilities in short pitches and book bilateral meetings with partners from other regions, "
    "with a view to preparing applications for the next calls of the Single Market Programme "
    "and Horizon Europe. "
)


@dataclass(frozen=True)
class Page:
    kind: str
    index: int  # distinct across the whole site
    title: str
    path: str
    day: date


def generate(root: Path, pages: int, captured: date = CAPTURED) -> list[str]:
    """Write a snapshot of at least ``pages`` pages into ``root``; return their URLs."""
    template = (bundled().root / HOST / "event-calendar" / "index.html").read_text(encoding="utf-8")
    body_open = template[template.index("<body") : template.index("<main")]
    body_close = template[template.index("</main>") + len("</main>") :]
    snapshot = Snapshot(root)
    for folder in ("event-calendar", "content", "news"):
        # Before any page: a listing at a folder's path is the folder's index.html.
        (root / HOST / folder).mkdir(parents=True, exist_ok=True)
    (root / "snapshot.toml").write_text(f"captured = {captured.isoformat()}\n", encoding="utf-8")
    shutil.copy(bundled().root / HOST / "robots.txt", root / HOST / "robots.txt")
    urls: list[str] = []

    def write(path: str, title: str, main: str) -> None:
        url = SITE + path
        file = snapshot.path_for(url)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(head(url, title) + body_open + main + body_close, encoding="utf-8")
        urls.append(url)

    first = 0
    for (kind, _, listing), count in zip(KINDS, detail_counts(pages), strict=True):
        details = [detail(kind, first + n, captured) for n in range(count)]
        first += count
        chunks = [details[start : start + PER_LISTING] for start in range(0, count, PER_LISTING)] or [[]]
        for number, chunk in enumerate(chunks):
            next_path = page_path(listing, number + 1) if number + 1 < len(chunks) else None
            title = listing_title(kind)
            write(page_path(listing, number), title, listing_main(title, chunk, next_path))
        for page in details:
            write(page.path, page.title, DETAIL_MAINS[kind](page, details))
    return urls


def detail_counts(pages: int) -> list[int]:
    """Detail pages of each kind such that details and listings make ``pages``."""
    details = 0
    while True:
        counts = [round(details * share) for _, share, _ in KINDS]
        if sum(counts) + sum(max(1, -(-n // PER_LISTING)) for n in counts) >= pages:
            return counts
        details += 1


def page_path(listing: str, number: int) -> str:
    if number == 0:
        return listing + ("&page=0" if "?" in listing else "")
    return listing + ("&" if "?" in listing else "?") + f"page={number}"


def listing_title(kind: str) -> str:
    return {"event": "Event calendar", "call": "Search results", "news": "News"}[kind]


def detail(kind: str, index: int, captured: date) -> Page:
    theme, form = THEMES[index % len(THEMES)], format_of(index)
    city = CITIES[index % len(CITIES)].split(",")[0]
    title = {
        "event": f"{form} on {theme}: {city} {index}",
        "call": f"Open Call {index} for SMEs in {theme}",
        "news": f"Cluster news {index}: {theme} partners meet in {city}",
    }[kind]
    prefix = {"event": "/event-calendar/", "call": "/content/", "news": "/news/"}[kind]
    # One day per page: no two items fall on the same day with the same title.
    day = captured + timedelta(days=index - 40 if kind != "news" else -index)
    return Page(kind, index, title, prefix + slug(title), day)


def format_of(index: int) -> str:
    return FORMATS[index // len(THEMES) % len(FORMATS)]


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def head(url: str, title: str) -> str:
    title, url = html.escape(title), html.escape(url)
    return (
        f'<!DOCTYPE html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="utf-8" />\n'
        f'    <meta name="description" content="{title} on the European Cluster Collaboration Platform." />\n'
        f'    <link rel="canonical" href="{url}" />\n'
        f'    <meta property="og:site_name" content="European Cluster Collaboration Platform" />\n'
        f'    <meta property="og:type" content="article" />\n'
        f'    <meta property="og:url" content="{url}" />\n    <meta property="og:title" content="{title}" />\n'
        f'    <meta property="og:description" content="{title}: programme, dates and registration." />\n'
        f'    <meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />\n'
        f"    <title>{title} | European Cluster Collaboration Platform</title>\n"
        '    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_Qh0x3R4Z1hGJ0sFvYwV6Zq2nXkJ9m8cL7pT5rB3dE1A.css" />\n'
        "  </head>\n  "
    )


def field(label: str, value: str) -> str:
    return (
        f'<div class="field field--label-inline"><div class="field__label">{label}</div>'
        f'<div class="field__item">{value}</div></div>\n'
    )


def teaser(page: Page) -> str:
    when = f"DEADLINE: {long_date(page.day)}" if page.kind == "call" else f"on {long_date(page.day)}"
    return (
        f'<div class="views-row"><article class="node node--type-{node_type(page.kind)} '
        f'node--view-mode-teaser" data-history-node-id="{60000 + page.index}" role="article">\n'
        f'  <h3 class="teaser__title"><a href="{page.path}" hreflang="en">{html.escape(page.title)}</a></h3>\n'
        f'  <div class="teaser__when">{when}</div>\n'
        f'  <p class="teaser__summary">{PARAGRAPH.format(theme=THEMES[page.index % len(THEMES)])[:180]}…</p>\n'
        "</article></div>\n"
    )


def node_type(kind: str) -> str:
    return {"event": "event", "call": "eccp-calls", "news": "news"}[kind]


def listing_main(title: str, pages: list[Page], next_path: str | None) -> str:
    pager = (
        f'<nav class="pager" role="navigation"><ul class="pager__items">'
        f'<li class="pager__item pager__item--next"><a href="{html.escape(next_path)}" rel="next">Next ›</a>'
        "</li></ul></nav>\n"
        if next_path
        else ""
    )
    return (
        '<main role="main" class="site-main"><div class="container"><div class="layout-content">\n'
        f'<h1 class="page-title">{title}</h1>\n'
        f'<div class="view-content">\n{"".join(teaser(page) for page in pages)}</div>\n{pager}'
        "</div></div></main>"
    )


def detail_main(page: Page, fields: str, related: list[Page]) -> str:
    theme = THEMES[page.index % len(THEMES)]
    body = "".join(
        f"<p>{PARAGRAPH.format(theme=theme)}{sentence}</p>\n"
        for sentence in (
            f"The organisers expect around {80 + page.index % 300} participants from {5 + page.index % 22} countries.",
            f"Registration closes on {long_date(page.day - timedelta(days=7))}.",
            f"Results of the previous edition were published on {long_date(page.day - timedelta(days=365))}.",
            "Presentations are shared with registered participants after the session.",
            f"Travel support is available for {3 + page.index % 9} SMEs from less developed regions.",
            f"The next edition is planned for {long_date(page.day + timedelta(days=365))}.",
            "Contact the ECCP support team for any question about the programme or the registration.",
        )
    )
    sidebar = "".join(teaser(other) for other in related[page.index % 7 : page.index % 7 + 4])
    return (
        '<main role="main" class="site-main"><div class="container"><div class="layout-content">\n'
        f'<h1 class="page-title"><span class="field--name-title">{html.escape(page.title)}</span></h1>\n'
        f'<article data-history-node-id="{60000 + page.index}" role="article" about="{page.path}" '
        f'class="node node--type-{node_type(page.kind)} node--view-mode-full">\n'
        f'<div class="node__submitted">Submitted by <span class="username">ECCP Team</span> '
        f'<span class="date">on {long_date(page.day - timedelta(days=30))}</span></div>\n'
        f'<div class="details">\n{fields}</div>\n<div class="field--name-body">\n{body}</div>\n'
        "</article></div>\n"
        f'<aside class="layout-sidebar-second" role="complementary"><h2>Related</h2>\n{sidebar}</aside>\n'
        "</div></main>"
    )


def event_main(page: Page, related: list[Page]) -> str:
    city = CITIES[page.index % len(CITIES)]
    end = page.day + timedelta(days=page.index % 3)
    start = long_date(page.day) + (f", {9 + page.index % 8}:00" if page.index % 2 else "")
    fields = (
        field("Start:", f'<time datetime="{page.day}T09:00:00Z">{start}</time>')
        + field("End:", f'<time datetime="{end}T17:00:00Z">{long_date(end)}</time>')
        + (
            '<div class="field__item">Online event</div>\n'
            if city == "Online event"
            else field("Location:", city)
        )
        + field("Event Type", format_of(page.index))
        + field("Event Target", "<div>Cluster organisations</div><div>SMEs</div>")
    )
    return detail_main(page, fields, related)


def call_main(page: Page, related: list[Page]) -> str:
    cut_offs = [page.day - timedelta(days=90 * n) for n in reversed(range(1 + page.index % 3))]
    fields = (
        field("Status:", "Open")
        + field("DEADLINE:", f'<time datetime="{page.day}T12:00:00Z">{long_date(page.day)}</time>')
        + field(
            "Cut-off dates", "".join(f"<div>{long_date(day)}, 23:59 Brussels time</div>" for day in cut_offs)
        )
        + field("Budget:", f"EUR {(page.index % 40 + 1) * 50_000:,}".replace(",", " "))
    )
    return detail_main(page, fields, related)


def news_main(page: Page, related: list[Page]) -> str:
    event_day = page.day + timedelta(days=200 + page.index)
    fields = (
        f"<p>The <strong>Regional Cluster Forum {page.index}</strong> will take place on "
        f"{long_date(event_day)} in {CITIES[page.index % len(CITIES)].split(',')[0]}.</p>\n"
    )
    return detail_main(page, fields, related)


DETAIL_MAINS = {"event": event_main, "call": call_main, "news": news_main}
