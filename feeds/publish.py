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
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import sqlite_utils

from core.bounds import out_of_range
from core.items import DATED_KINDS
from feeds.addresses import LOCAL_BASE_URL
from feeds.catalog import (
    CALENDAR_HISTORY,
    Scope,
    calendar_entries,
    entry_calendar_file,
    feed_entries,
    next_day,
    page_entries,
    scoped,
)
from feeds.entries import Entry, Unpublishable
from feeds.ical import Calendars
from feeds.load import load_entries, scope_names
from feeds.page import FeedGroup, FeedLink, page_row, render_pages
from feeds.release import swap_in
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
    # A day more than the calendars keep: a stored time's day may differ in its zone.
    loaded = load_entries(db, as_of, hosts, since=as_of - CALENDAR_HISTORY - timedelta(days=1))
    names = scope_names(db)
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    context = Context(as_of, base_url)
    dated, undated = _split(loaded.entries, lambda e: _out_of_range(e, as_of))
    syndication = Syndication(id_authority(base_url), as_of)
    calendars = Calendars(zone_span(dated, as_of), as_of)
    entries, unrenderable = _split(dated, lambda e: _unrenderable(e, context, syndication, calendars))
    for problem in undated + unrenderable:
        log.error("%s; left out of the feeds", problem)
    folder, names = swap_in(Path(out_dir), render_all(entries, names, context, syndication, calendars))
    return Published(folder, names, loaded.skipped + undated + unrenderable)


def _split(entries: list[Entry], problem_of) -> tuple[list[Entry], list[Unpublishable]]:
    """The entries without a problem, and the problems of the others."""
    kept, problems = [], []
    for entry in entries:
        if problem := problem_of(entry):
            problems.append(problem)
        else:
            kept.append(entry)
    return kept, problems


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


def _unrenderable(
    entry: Entry, context: Context, syndication: Syndication, calendars: Calendars
) -> Unpublishable | None:
    """What stops the entry, rendered on its own in each format that shows it, from
    being published. The renderings are kept for the files that show it."""
    as_of = context.as_of
    # Whatever one entry holds, the others publish: hence the broad excepts.
    try:
        in_feeds = feed_entries([entry], entry.kind, as_of)
        in_calendars = calendar_entries([entry], entry.kind, as_of)
        on_page = page_entries([entry], as_of)
        next_day(entry, as_of), entry.main_day()  # what the feeds and the page sort by
    except Exception as error:
        return _cannot_render(entry, "selection", error)
    renderings = [
        *(syndication.render_alone(entry) if in_feeds else []),
        *([("ical", lambda: calendars.render_alone(entry))] if in_calendars else []),
        *([("page", lambda: page_row(entry, as_of))] if on_page else []),
    ]
    for name, render in renderings:
        try:
            render()
        except Exception as error:
            return _cannot_render(entry, name, error)
    return None


def _cannot_render(entry: Entry, name: str, error: Exception) -> Unpublishable:
    return Unpublishable(entry.id, name, f"cannot be rendered: {error!r}", entry.source, entry.url)


def render_all(
    entries: list[Entry],
    names: list[tuple[str, str]],
    context: Context,
    syndication: Syndication,
    calendars: Calendars,
) -> Iterator[tuple[str, bytes]]:
    """Every file, rendered one after the other (relative name, bytes); ``names``:
    the scopes of past entries too (feeds.load.scope_names)."""
    groups: list[FeedGroup] = []
    folders: dict[str, dict[str, str]] = {}
    for scope, members in scoped(entries, names):
        if scope.facet:
            folders.setdefault(scope.facet, {})[scope.value] = scope.folder
        for kind in DATED_KINDS:
            of_kind = [e for e in members if e.kind == kind]
            newest = feed_entries(of_kind, kind, context.as_of)
            for extension, render in (
                ("rss", syndication.rss),
                ("atom", syndication.atom),
                ("json", syndication.json),
            ):
                name = scope.file(kind, extension)
                yield name, render(newest, channel(scope, kind, context, name))
            dated = calendar_entries(of_kind, kind, context.as_of)
            render_calendar = calendars.events if kind == "event" else calendars.deadlines
            yield scope.file(kind, "ics"), render_calendar(dated, title(scope, kind))
            groups.append(feed_group(scope, kind, context))
    shown = page_entries(entries, context.as_of)
    for entry in shown:
        if name := entry_calendar_file(entry):
            render_calendar = calendars.events if entry.kind == "event" else calendars.deadlines
            yield name, render_calendar([entry], f"clusterfeeds: {entry.title}")
    main = [g for g in groups if g.facet == "All"]
    yield from render_pages(
        shown,
        as_of=context.as_of,
        base_url=context.base_url,
        main_feeds=main,
        all_feeds=groups,
        folders=folders,
    ).items()


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
    days = [m.day() for e in entries for m in e.moments()]
    first, last = min(days, default=as_of), max(days, default=as_of)
    return date(first.year - 1, 1, 1), date(last.year + 2, 1, 1)
