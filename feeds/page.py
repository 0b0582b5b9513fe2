"""The web page: index.html (upcoming events, open calls, filters, the main
feeds) and feeds.html (every feed), with their style sheet and script.

Rendered with Jinja2 with autoescaping on, so every text from a crawled page is
HTML-escaped. The lists are complete without JavaScript; the script only adds
filtering, search and copy buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.items import Status
from feeds.catalog import soonest_first
from feeds.describe import cutoff_text, day_text, days_left_text, place_text, when_text
from feeds.entries import Entry, Link, web_url

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("style.css", "page.js")
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class FeedLink:
    label: str  # "RSS", "Atom", "JSON Feed", "iCal"
    url: str
    subscribe_url: str | None = None  # webcal:// for calendar apps


@dataclass(frozen=True)
class FeedGroup:
    """The feeds of one scope and kind: "Events in NO" in every format."""

    title: str
    facet: str
    links: tuple[FeedLink, ...]


@dataclass(frozen=True)
class Row:
    """One entry as the page shows it."""

    id: str
    kind: str
    title: str
    url: str  # empty unless http(s): a crawled link must not run script
    note: str
    when: str
    days_left: str
    urgent: bool
    place: str
    source: str
    also: tuple[Link, ...]
    countries: tuple[str, ...]
    sources: tuple[str, ...]
    languages: tuple[str, ...]
    topics: tuple[str, ...]


def render_pages(
    entries: list[Entry], *, as_of: date, main_feeds: list[FeedGroup], all_feeds: list[FeedGroup]
) -> dict[str, bytes]:
    """index.html of the given (already selected) entries, feeds.html, and the assets."""
    rows = [page_row(e, as_of) for e in soonest_first(entries, as_of)]
    events = [r for r in rows if r.kind == "event"]
    calls = [r for r in rows if r.kind == "call"]
    files = {
        "index.html": _render(
            "index.html",
            as_of=day_text(as_of),
            events=events,
            calls=calls,
            feeds=main_feeds,
            choices=_choices(rows),
        ),
        "feeds.html": _render("feeds.html", as_of=day_text(as_of), groups=all_feeds),
    }
    for name in ASSETS:
        files[name] = (TEMPLATES / name).read_bytes()
    return files


def _render(template: str, **values) -> bytes:
    return _environment.get_template(template).render(**values).encode("utf-8")


def _choices(rows: list[Row]) -> dict[str, list[str]]:
    """The values each filter offers: those the listed entries have."""
    return {
        name: sorted({v for r in rows for v in getattr(r, name)}, key=str.casefold)
        for name in ("countries", "topics", "sources", "languages")
    }


def _when(entry: Entry, as_of: date) -> str:
    """The dates; of a call with several cut-offs, the next one."""
    due = entry.next_deadline(as_of) if len(entry.cutoffs) > 1 else None
    if due is None:
        return when_text(entry)
    return f"Next deadline: {cutoff_text(entry, due[1])} (one of {len(entry.cutoffs)} cut-offs)"


def page_row(entry: Entry, as_of: date) -> Row:
    """The entry as the page lists it."""
    due = entry.next_deadline(as_of) if entry.kind == "call" else None
    return Row(
        id=entry.id,
        kind=entry.kind,
        title=entry.title,
        url=_safe_url(entry.url),
        note=entry.status if entry.status == Status.FORTHCOMING else "",
        when=_when(entry, as_of),
        days_left=days_left_text(entry, as_of) if entry.kind == "call" else "",
        urgent=due is not None and (due[0] - as_of).days <= 7,
        place=place_text(entry),
        source=entry.source,
        also=tuple(Link(link.source, _safe_url(link.url)) for link in entry.also),
        countries=tuple(sorted(entry.countries or {entry.listed_country} - {None})),
        sources=tuple(sorted(entry.sources or {entry.source})),
        languages=tuple(sorted(entry.languages or {entry.language} - {None})),
        topics=entry.topics,
    )


def _safe_url(url: str) -> str:
    return web_url(url) or ""
