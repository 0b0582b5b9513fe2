"""What each file of a publish shows, gathered one entry at a time.

Per scope and kind, the feeds keep the ``FEED_CAP`` newest entries (by id and
source: their items are already rendered, feeds.syndication); each calendar
its VEVENTs and index.html its rows wait in the spool (feeds.spool) in the order
the files list them, and the calendar of each entry on the page is assembled
there. What stays in memory is a few hundred entries' keys per feed and the
zones each calendar names: it does not grow with the entries.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from feeds.catalog import (
    FEED_CAP,
    Scopes,
    calendar_entries,
    entry_calendar_file,
    feed_entries,
    newest_key,
    soonest_key,
)
from feeds.entries import Entry
from feeds.ical import Calendars
from feeds.page import Row
from feeds.spool import Spool


class Rendered(NamedTuple):
    """An entry whose items are rendered: found by its id and source alone."""

    id: str
    source: str


class Shown:
    """What the files of one publish show, as the entries come (``add``), with
    the years their dates span (``span``, for the VTIMEZONEs)."""

    def __init__(self, spool: Spool, as_of: date):
        self.spool, self.as_of = spool, as_of
        self.scopes = Scopes()
        self._newest: dict[tuple, list[tuple]] = {}  # per scope key and kind, a heap
        self._calendars: dict[tuple, int] = {}  # per scope key and kind, its number in the spool
        self._zones: dict[int, set[str]] = {}  # per calendar number
        self._days: tuple[date, date] | None = None

    def span(self, entry: Entry) -> None:
        """Count the entry's dates in the years the VTIMEZONEs cover."""
        days = [m.day() for m in entry.moments()]
        if days:
            first, last = self._days or (days[0], days[0])
            self._days = min(first, *days), max(last, *days)

    def zone_span(self) -> tuple[date, date]:
        """Whole years around every date counted (feeds.publish.zone_span)."""
        first, last = self._days or (self.as_of, self.as_of)
        return date(first.year - 1, 1, 1), date(last.year + 2, 1, 1)

    def add(self, entry: Entry, row: Row | None, calendars: Calendars) -> None:
        """The entry, rendered in every format that shows it (``row``: on the page),
        in each scope's files that show it."""
        in_feeds = bool(feed_entries([entry], entry.kind, self.as_of))
        in_calendars = bool(calendar_entries([entry], entry.kind, self.as_of))
        vevents = {}  # as each source shows it: the same for most scopes
        for key, seen in self.scopes.of(entry):
            if in_feeds:
                self._offer((key, entry.kind), seen, seen is not entry)
            if in_calendars:
                number = self._calendars.setdefault((key, entry.kind), len(self._calendars))
                zones = self._zones.setdefault(number, set())
                if seen.source not in vevents:
                    vevents[seen.source] = calendars.vevents(seen)
                for vevent in vevents[seen.source]:
                    self.spool.add_calendar_row(number, vevent.order, vevent.source)
                    zones |= vevent.zones
        if row is not None:
            self.spool.add_page_row(entry.kind, soonest_key(entry, self.as_of), row)
            if file := entry_calendar_file(entry):
                own = calendars.vevents(entry)
                zones = set().union(*(vevent.zones for vevent in own))
                body = b"".join(vevent.data for vevent in own)
                self.spool.add_entry_calendar(file, f"clusterfeeds: {entry.title}", zones, body)

    def _offer(self, feed: tuple, entry: Entry, variant: bool) -> None:
        """Keep the entry if it is among the feed's newest so far."""
        heap = self._newest.setdefault(feed, [])
        offered = (newest_key(entry), entry.source, variant)
        if len(heap) < FEED_CAP:
            heapq.heappush(heap, offered)
        elif offered > heap[0]:
            heapq.heapreplace(heap, offered)
        else:
            return
        if variant:  # rendered only if a feed shows it, as it shows it
            self.spool.add_variant(entry)

    def newest(self, key, kind: str) -> list[Rendered | Entry]:
        """The scope's feed of ``kind``, newest first (feeds.catalog.feed_entries)."""
        kept = sorted(self._newest.get((key, kind), []), reverse=True)
        return [
            self.spool.variant(order[2], source) if variant else Rendered(order[2], source)
            for order, source, variant in kept
        ]

    def calendar(self, key, kind: str) -> tuple[set[str], Iterator[bytes]]:
        """The zones the scope's calendar of ``kind`` names, and its VEVENTs in order."""
        number = self._calendars.get((key, kind))
        if number is None:
            return set(), iter(())
        return self._zones[number], self.spool.calendar(number)
