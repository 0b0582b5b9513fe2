"""Which feeds exist and what each holds.

Every scope (everything, one country, one source, one topic) has an events
and a calls feed in each format. A country's holds what takes place there, and
what is online or has no known venue from its sources in that country. Scopes come from every entry ever stored, so
a feed, once published, keeps its address. Folder names are safe slugs
whatever the data says.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from core.items import Kind
from feeds.entries import Entry, microseconds, occurrence_on_or_after
from feeds.load import seen_by

# The base name of each dated kind's files: events.rss, calls.ics…
KIND_FILE_NAMES = {Kind.EVENT: "events", Kind.CALL: "calls"}
FEED_CAP = 300  # RSS/Atom/JSON: the newest entries only
CALENDAR_HISTORY = timedelta(days=183)  # calendars: upcoming plus the last six months
FACETS = {"country": "Country", "source": "Source", "topic": "Topic"}
_SAFE = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@dataclass(frozen=True)
class Scope:
    """A set of entries with feeds of their own, published under ``folder``."""

    facet: str | None  # None for everything
    value: str | None
    folder: str  # "" or "country/no/" and so on

    @property
    def label(self) -> str:
        return "All" if self.facet is None else f"{FACETS[self.facet]}: {self.value}"

    def file(self, kind: str, extension: str) -> str:
        return f"{self.folder}{KIND_FILE_NAMES[kind]}.{extension}"


def slug(value: str) -> str:
    """A safe folder name: the value itself when it is one (case aside), else a
    folded form with a short hash of the value, so two values never share one."""
    lowered = value.casefold()
    if _SAFE.fullmatch(lowered):
        return lowered
    folded = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40] or "x"
    return f"{base}-{hashlib.sha1(value.encode()).hexdigest()[:6]}"


def entry_calendar_file(entry: Entry) -> str | None:
    """Where one entry's own calendar is published ("add this one to my
    calendar"); None when it has no date a calendar could show."""
    dated = entry.start if entry.kind == Kind.EVENT else entry.cutoffs
    return f"entry/{slug(entry.id)}.ics" if dated else None


class Scopes:
    """The scopes of entries met one at a time: everything, then each country,
    source and topic, each named as the first entry that has it (case aside)
    writes it."""

    def __init__(self):
        self._names: dict[tuple[str, str], str] = {}

    def of(self, entry: Entry) -> list[tuple[tuple[str, str] | None, Entry]]:
        """Each scope the entry is in, by key (None for everything), with the
        entry as that scope shows it: a source's as that source's page shows it."""
        found: list[tuple[tuple[str, str] | None, Entry]] = [(None, entry)]
        for facet, values in (
            ("country", entry.countries or {entry.listed_country}),
            ("source", entry.sources or {entry.source}),
            ("topic", set(entry.topics)),
        ):
            for folded, value in {v.casefold(): v for v in values if v}.items():
                self._names.setdefault((facet, folded), value)
                found.append(((facet, folded), seen_by(entry, value) if facet == "source" else entry))
        return found

    def know(self, known: list[tuple[str, str]]) -> None:
        """Scopes of entries not read (feeds.load.scope_names): a feed keeps its address."""
        for facet, name in known:
            if isinstance(name, str) and name:
                self._names.setdefault((facet, name.casefold()), name)

    def all(self) -> list[tuple[tuple[str, str] | None, Scope]]:
        """Every scope by key: everything, then each facet's by name."""
        found: list[tuple[tuple[str, str] | None, Scope]] = [(None, Scope(None, None, ""))]
        for facet in FACETS:
            for key in sorted(k for k in self._names if k[0] == facet):
                name = self._names[key]
                found.append((key, Scope(facet, name, f"{facet}/{slug(name)}/")))
        return found


def scoped(entries: list[Entry], known: list[tuple[str, str]] = ()) -> list[tuple[Scope, list[Entry]]]:
    """Everything, then each country, source and topic any entry has (by name),
    each with its entries (``Scopes``). Each (facet, name) of ``known`` (those of
    entries not read) is a scope too."""
    scopes, buckets = Scopes(), {}
    for entry in entries:
        for key, seen in scopes.of(entry):
            buckets.setdefault(key, []).append(seen)
    scopes.know(known)
    return [(scope, buckets.get(key, [])) for key, scope in scopes.all()]


def feed_entries(entries: list[Entry], kind: str, as_of: date) -> list[Entry]:
    """RSS/Atom/JSON: events not yet over (cancelled ones too, marked), open and
    forthcoming calls; the newest first, capped."""
    wanted = (lambda e: e.is_ahead(as_of)) if kind == "event" else (lambda e: e.is_current(as_of))
    return newest_first([e for e in entries if e.kind == kind and wanted(e)])[:FEED_CAP]


def calendar_entries(entries: list[Entry], kind: str, as_of: date) -> list[Entry]:
    """Calendars: every dated entry that ends (or has a cut-off) in the window."""
    since = as_of - CALENDAR_HISTORY
    if kind == "event":
        return [
            e
            for e in entries
            if e.kind == "event" and e.start and occurrence_on_or_after(e.end or e.start, e.recurrence, since)
        ]
    return [
        e
        for e in entries
        if e.kind == "call" and any(occurrence_on_or_after(c.at, e.recurrence, since) for c in e.cutoffs)
    ]


def page_entries(entries: list[Entry], as_of: date) -> list[Entry]:
    """The page: upcoming events and open or forthcoming calls still listed by a source."""
    return [e for e in entries if e.is_current(as_of) and e.gone_since is None]


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Feed order: the most recently discovered first, then the latest date."""
    return sorted(entries, key=newest_key, reverse=True)


def newest_key(entry: Entry) -> tuple[int, int, str]:
    """What the feeds sort by (newest last), as numbers and text a database sorts alike."""
    return (microseconds(entry.first_seen), (entry.main_day() or date.min).toordinal(), entry.id)


def soonest_key(entry: Entry, as_of: date) -> tuple[int, str, str]:
    """Page order, soonest first: the next start or deadline, then the title, as
    numbers and text a database sorts alike."""
    return ((next_day(entry, as_of) or date.max).toordinal(), entry.title.casefold(), entry.id)


def next_day(entry: Entry, as_of: date) -> date | None:
    """A call's next deadline; an event's start."""
    if entry.kind == "call":
        due = entry.next_deadline(as_of)
        return due[0] if due else None
    return entry.start.day() if entry.start else None
