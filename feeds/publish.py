"""Publishing: read the entries, render every feed and page, and swap the whole
set in at once (feeds.release).

For every scope (everything, each country, source and topic) and kind (events,
calls): ``<folder><kind>.rss``, ``.atom``, ``.json`` and ``.ics``; then each
entry on the page in a calendar of its own (``entry/<id>.ics``); then
index.html, feeds.html and their assets. Every release holds the whole set, so
the calendar of an entry that left the page goes with the releases that had it.

Each entry is first rendered on its own in every format: one that a format
cannot carry, or whose dates are out of the sane range, is left out of every
file and reported (source, URL, field or format, reason); the others publish.

Memory does not grow with the entries: they are read one at a time (only those
the feeds can show: feeds.load.WINDOW), each rendering is kept in a temporary
database (feeds.spool) with what each file shows (feeds.shown), and the files
are then written one after the other, a calendar a slice at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import sqlite_utils

from core.bounds import out_of_range
from core.items import DATED_KINDS
from feeds.addresses import LOCAL_BASE_URL
from feeds.catalog import CALENDAR_HISTORY, Scope, calendar_entries, feed_entries, next_day, page_entries
from feeds.entries import Entry, Unpublishable
from feeds.ical import Calendars
from feeds.load import scope_names, stream_entries
from feeds.page import FeedGroup, FeedLink, Row, page_row, render_pages
from feeds.release import swap_in
from feeds.shown import Shown
from feeds.spool import Instants, Kept, Spool, Vevents
from feeds.syndication import Channel, Syndication, id_authority

log = logging.getLogger(__name__)
FORMATS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed", "ics": "iCal"}
DESCRIPTIONS = {
    "event": "Events of European cluster and innovation agencies",
    "call": "Open and forthcoming funding calls of European cluster and "
    "innovation agencies, with their deadlines",
}


@dataclass(frozen=True)
class Published:
    folder: Path  # the release the published folder now points at
    files: list[str]  # relative names, in the order rendered
    skipped: list[Unpublishable]  # rows and entries left out, each logged


@dataclass(frozen=True)
class Context:
    as_of: date
    base_url: str

    def url(self, name: str) -> str:
        return urljoin(self.base_url, name)


def publish(
    db: sqlite_utils.Database,
    out_dir: Path,
    as_of: date,
    base_url: str = LOCAL_BASE_URL,
    hosts: dict[str, tuple[str, ...]] | None = None,
) -> Published:
    """Render everything from ``db`` and make ``out_dir`` show it, all at once.
    ``hosts``: each source's own hosts (see feeds.load.load_entries)."""
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    context = Context(as_of, base_url)
    skipped: list[Unpublishable] = []
    undated, unrenderable = [], []
    with Spool() as spool:
        syndication = Syndication(id_authority(base_url), as_of, Kept(spool), Instants(spool))
        calendars = Calendars(None, as_of, Vevents(spool))
        shown = Shown(spool, as_of)
        # A day more than the calendars keep: a stored time's day may differ in its zone.
        since = as_of - CALENDAR_HISTORY - timedelta(days=1)
        with closing(stream_entries(db, as_of, hosts, since, skipped)) as entries:
            for entry in entries:
                if problem := _out_of_range(entry, as_of):
                    undated.append(problem)
                    continue
                shown.span(entry)
                try:
                    row = _rendered(entry, context, syndication, calendars)
                except Unpublishable as problem:
                    unrenderable.append(problem)
                    continue
                shown.add(entry, row, calendars)
        for problem in undated + unrenderable:
            log.error("%s; left out of the feeds", problem)
        calendars.zone_span = shown.zone_span()
        shown.scopes.know(scope_names(db))
        folder, names = swap_in(Path(out_dir), render_all(shown, context, syndication, calendars))
    return Published(folder, names, skipped + undated + unrenderable)


def _out_of_range(entry: Entry, as_of: date) -> Unpublishable | None:
    """A date no page can mean, stored before the pipelines refused them."""
    for name, moments in (
        ("start", [entry.start]),
        ("end", [entry.end]),
        ("deadlines", [c.at for c in entry.cutoffs]),
    ):
        for moment in filter(None, moments):
            if why := out_of_range(moment.day(), as_of):
                return Unpublishable(entry.id, name, f"out of range: {why}", entry.source, entry.url)
    return None


def _rendered(entry: Entry, context: Context, syndication: Syndication, calendars: Calendars) -> Row | None:
    """Render the entry on its own in each format that shows it, kept for the files
    that show it; its page row if the page lists it. Raises ``Unpublishable``
    naming what stops it from being published."""
    as_of = context.as_of
    # Whatever one entry holds, the others publish: hence the broad excepts.
    try:
        in_feeds = feed_entries([entry], entry.kind, as_of)
        in_calendars = calendar_entries([entry], entry.kind, as_of)
        on_page = page_entries([entry], as_of)
        next_day(entry, as_of), entry.main_day()  # what the feeds and the page sort by
    except Exception as error:
        raise _cannot_render(entry, "selection", error) from error
    renderings = [
        *(syndication.render_alone(entry) if in_feeds else []),
        *([("ical", lambda: calendars.render_alone(entry))] if in_calendars else []),
        *([("page", lambda: page_row(entry, as_of))] if on_page else []),
    ]
    rendered = None
    for name, render in renderings:
        try:
            rendered = render()
        except Exception as error:
            raise _cannot_render(entry, name, error) from error
    return rendered if on_page else None  # the page's is the last rendering


def _cannot_render(entry: Entry, name: str, error: Exception) -> Unpublishable:
    return Unpublishable(entry.id, name, f"cannot be rendered: {error!r}", entry.source, entry.url)


def render_all(
    shown: Shown, context: Context, syndication: Syndication, calendars: Calendars
) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """Every file, rendered one after the other (relative name, bytes or, for a
    calendar, its parts), from what ``shown`` gathered; the scopes of past entries
    too (feeds.load.scope_names)."""
    groups: list[FeedGroup] = []
    folders: dict[str, dict[str, str]] = {}
    for key, scope in shown.scopes.all():
        if scope.facet:
            folders.setdefault(scope.facet, {})[scope.value] = scope.folder
        for kind in DATED_KINDS:
            newest = shown.newest(key, kind)
            for extension, render in (
                ("rss", syndication.rss),
                ("atom", syndication.atom),
                ("json", syndication.json),
            ):
                name = scope.file(kind, extension)
                yield name, render(newest, channel(scope, kind, context, name))
            zones, vevents = shown.calendar(key, kind)
            yield scope.file(kind, "ics"), calendars.calendar(title(scope, kind), zones, vevents)
            groups.append(feed_group(scope, kind, context))
    for name, calendar_name, zones, body in shown.spool.entry_calendars():
        yield name, b"".join(calendars.calendar(calendar_name, zones, [body]))
    spool = shown.spool
    yield from render_pages(
        spool.page_rows("event"),
        spool.page_rows("call"),
        {"events": spool.page_count("event"), "calls": spool.page_count("call")},
        as_of=context.as_of,
        base_url=context.base_url,
        main_feeds=[g for g in groups if g.facet == "All"],
        all_feeds=groups,
        folders=folders,
    )


def title(scope: Scope, kind: str) -> str:
    what = "events" if kind == "event" else "call deadlines"
    return f"clusterfeeds: {what}" + ("" if scope.facet is None else f" ({scope.label})")


def channel(scope: Scope, kind: str, context: Context, name: str) -> Channel:
    what = "events" if kind == "event" else "funding calls"
    scope_part = "" if scope.facet is None else f", {scope.label}"
    return Channel(
        f"clusterfeeds: {what}{scope_part}",
        DESCRIPTIONS[kind] + scope_part + ".",
        context.url(name),
        context.url("index.html"),
    )


def feed_group(scope: Scope, kind: str, context: Context) -> FeedGroup:
    what = "Events" if kind == "event" else "Calls"
    links = tuple(
        FeedLink(label, scope.file(kind, extension), context.url(scope.file(kind, extension)))
        for extension, label in FORMATS.items()
    )
    facet = "All" if scope.facet is None else scope.facet.capitalize()
    heading = what if scope.facet is None else f"{what}: {scope.value}"
    return FeedGroup(heading, facet, kind, links)


def zone_span(entries: list[Entry], as_of: date) -> tuple[date, date]:
    """Whole years around every date of the entries, for VTIMEZONE rules; it only
    moves when the data does, so unchanged calendars stay byte-identical."""
    shown = Shown(None, as_of)
    for entry in entries:
        shown.span(entry)
    return shown.zone_span()
