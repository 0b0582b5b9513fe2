"""Publishing: read the entries, render every feed and page, and swap the whole
set in at once (feeds.release).

For every scope (everything, each country, source and topic) and kind (events,
calls): ``<folder><kind>.rss``, ``.atom``, ``.json`` and ``.ics``; then
index.html, feeds.html and their assets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import sqlite_utils

from feeds.catalog import KINDS, Scope, calendar_entries, feed_entries, page_entries, scoped
from feeds.entries import Entry, UnreadableField
from feeds.ical import Calendars
from feeds.load import load_entries
from feeds.page import FeedGroup, FeedLink, render_pages
from feeds.release import swap_in
from feeds.syndication import Channel, Syndication, id_authority

FORMATS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed", "ics": "iCal"}
DESCRIPTIONS = {"event": "Events of European cluster and innovation agencies",
                "call": "Open and forthcoming funding calls of European cluster and "
                        "innovation agencies, with their deadlines"}


@dataclass(frozen=True)
class Published:
    folder: Path                     # the release the published folder now points at
    files: list[str]                 # relative names, in the order rendered
    skipped: list[UnreadableField]   # rows left out, each logged


@dataclass(frozen=True)
class Context:
    as_of: date
    base_url: str

    def url(self, name: str) -> str:
        return urljoin(self.base_url, name)


def publish(db: sqlite_utils.Database, out_dir: Path, as_of: date,
            base_url: str = "http://localhost:8000/") -> Published:
    """Render everything from ``db`` and make ``out_dir`` show it, all at once."""
    loaded = load_entries(db)
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    folder, names = swap_in(Path(out_dir), render_all(loaded.entries, Context(as_of, base_url)))
    return Published(folder, names, loaded.skipped)


def render_all(entries: list[Entry], context: Context) -> Iterator[tuple[str, bytes]]:
    """Every file, rendered one after the other (relative name, bytes)."""
    syndication = Syndication(id_authority(context.base_url), context.as_of)
    calendars = Calendars(zone_span(entries, context.as_of))
    groups: list[FeedGroup] = []
    for scope, members in scoped(entries):
        for kind in KINDS:
            of_kind = [e for e in members if e.kind == kind]
            newest = feed_entries(of_kind, kind, context.as_of)
            for extension, render in (("rss", syndication.rss), ("atom", syndication.atom),
                                      ("json", syndication.json)):
                name = scope.file(kind, extension)
                yield name, render(newest, channel(scope, kind, context, name))
            dated = calendar_entries(of_kind, kind, context.as_of)
            render_calendar = calendars.events if kind == "event" else calendars.deadlines
            yield scope.file(kind, "ics"), render_calendar(dated, title(scope, kind))
            groups.append(feed_group(scope, kind, context))
    main = [g for g in groups if g.facet == "All"]
    yield from render_pages(page_entries(entries, context.as_of), as_of=context.as_of,
                            main_feeds=main, all_feeds=groups).items()


def title(scope: Scope, kind: str) -> str:
    what = "events" if kind == "event" else "call deadlines"
    return f"clusterfeeds: {what}" + ("" if scope.facet is None else f" ({scope.label})")


def channel(scope: Scope, kind: str, context: Context, name: str) -> Channel:
    what = "events" if kind == "event" else "funding calls"
    scope_part = "" if scope.facet is None else f", {scope.label}"
    return Channel(f"clusterfeeds: {what}{scope_part}", DESCRIPTIONS[kind] + scope_part + ".",
                   context.url(name), context.url("index.html"))


def feed_group(scope: Scope, kind: str, context: Context) -> FeedGroup:
    what = "Events" if kind == "event" else "Calls"
    links = tuple(FeedLink(label, context.url(scope.file(kind, extension)),
                           webcal(context.url(scope.file(kind, extension)))
                           if extension == "ics" else None)
                  for extension, label in FORMATS.items())
    facet = "All" if scope.facet is None else scope.facet.capitalize()
    heading = what if scope.facet is None else f"{what}: {scope.value}"
    return FeedGroup(heading, facet, links)


def webcal(url: str) -> str | None:
    """The ``webcal://`` address calendar apps subscribe to, for an http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit(parts._replace(scheme="webcal"))


def zone_span(entries: list[Entry], as_of: date) -> tuple[date, date]:
    """Whole years around every date of the entries, for VTIMEZONE rules; it only
    moves when the data does, so unchanged calendars stay byte-identical."""
    days = [m.day() for e in entries for m in (e.start, e.end, *(c.at for c in e.cutoffs)) if m]
    first, last = min(days, default=as_of), max(days, default=as_of)
    return date(first.year - 1, 1, 1), date(last.year + 2, 1, 1)

