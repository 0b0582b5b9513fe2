"""The web page: index.html (open calls first, then upcoming events, filters,
and the subscribe links of the view shown) and feeds.html (every feed), with
their style sheet and script. index.html lists the soonest ``PAGE_SIZE`` of each
kind, page-2.html the next, and so on, each page with the filters of its own
rows, so no page grows with the database.

Rendered with Jinja2 with autoescaping on, so every text from a crawled page is
HTML-escaped. The lists are complete without JavaScript; the script only adds
filtering, search, copy buttons and the subscribe links of a filtered view.

Links between published files are relative, so a folder works wherever it is
served; only what another program fetches (a calendar subscription, an address
to copy) is absolute, on the base URL. The script rebuilds those from the
address the page is served at, so they are right there too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from core.items import Status
from feeds.addresses import google_calendar, outlook_calendar, publicly_reachable, webcal
from feeds.catalog import entry_calendar_file
from feeds.describe import cutoff_text, day_text, days_left_text, place_text, when_text
from feeds.entries import Entry, Link, occurrence_on_or_after, web_url

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("style.css", "page.js")
# Rows of each kind per page: index.html holds the soonest, page-2.html the next…
PAGE_SIZE = 250
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class FeedLink:
    label: str  # "RSS", "Atom", "JSON Feed", "iCal"
    file: str  # relative to the page: "country/pl/calls.ics"
    address: str  # absolute, on the base URL: what a program is given

    @property
    def webcal(self) -> str | None:
        return webcal(self.address) if self.file.endswith(".ics") else None


@dataclass(frozen=True)
class FeedGroup:
    """The feeds of one scope and kind: "Events in NO" in every format."""

    title: str
    facet: str
    kind: str
    links: tuple[FeedLink, ...]

    @property
    def calendar(self) -> FeedLink:
        return next(link for link in self.links if link.file.endswith(".ics"))


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
    attendance: tuple[str, ...]  # "online", "in-person", both, or neither when unknown
    days: tuple[str, str] | None  # ISO first and last day, for the date filter
    calendar: str  # the entry's own .ics, relative to the page; empty when it has no date


def render_pages(
    events: Iterable[Row],
    calls: Iterable[Row],
    totals: dict[str, int],
    *,
    as_of: date,
    base_url: str,
    main_feeds: list[FeedGroup],
    all_feeds: list[FeedGroup],
    folders: dict[str, dict[str, str]],
) -> Iterator[tuple[str, bytes]]:
    """index.html and the pages after it, of the page's rows (``events`` and
    ``calls``, each soonest first: feeds.catalog.soonest_key; ``totals``: how many
    of each, by "events" and "calls"), read a page at a time; then feeds.html and
    the assets. ``folders``: each facet's published folders by value ("country" →
    {"PL": "country/pl/"}), for the subscribe links of a filtered view."""
    count = max(1, -(-totals["events"] // PAGE_SIZE), -(-totals["calls"] // PAGE_SIZE))
    names = ["index.html", *(f"page-{number}.html" for number in range(2, count + 1))]
    events, calls = iter(events), iter(calls)
    for number, name in enumerate(names):
        listed = {"events": list(islice(events, PAGE_SIZE)), "calls": list(islice(calls, PAGE_SIZE))}
        # Each page's filters offer what it lists, and their files exist whatever it lists.
        choices = _choices(listed["calls"] + listed["events"])
        yield (
            name,
            _render(
                "index.html",
                as_of=day_text(as_of),
                **listed,
                totals=totals,
                pages={"number": number + 1, "count": count, "names": names},
                feeds={group.kind: group for group in main_feeds},
                choices=choices,
                public=publicly_reachable(base_url),
                base_url=base_url,
                view=json.dumps(_view_folders(choices, folders), ensure_ascii=False, sort_keys=True).replace(
                    "<", "\\u003c"
                ),
            ),
        )
    yield "feeds.html", _render("feeds.html", as_of=day_text(as_of), base_url=base_url, groups=all_feeds)
    for name in ASSETS:
        yield name, (TEMPLATES / name).read_bytes()


def _render(template: str, **values) -> bytes:
    return _environment.get_template(template).render(**values).encode("utf-8")


def _view_folders(choices: dict[str, list[str]], folders: dict[str, dict[str, str]]) -> dict:
    """The published folder of each value a filter offers (only those: the page
    stays light), matched as the scopes are, case aside."""
    view = {}
    for facet, choice in (("country", "countries"), ("topic", "topics"), ("source", "sources")):
        by_name = {value.casefold(): folder for value, folder in folders.get(facet, {}).items()}
        view[facet] = {
            value: by_name[value.casefold()] for value in choices[choice] if value.casefold() in by_name
        }
    return view


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
        attendance=attendance(entry) if entry.kind == "event" else (),
        days=_days(entry, as_of),
        calendar=entry_calendar_file(entry) or "",
    )


def attendance(entry: Entry) -> tuple[str, ...]:
    """How one can take part: online, in person (a venue that is not itself
    "online"), both; nothing when the page does not say."""
    modes = ["online"] if entry.online else []
    if entry.online is False or (entry.location and "online" not in entry.location.lower()):
        modes.append("in-person")
    return tuple(modes)


def _days(entry: Entry, as_of: date) -> tuple[str, str] | None:
    """The days the date filter matches: a call's next deadline, an event's
    first to last day (a recurring one's next occurrence)."""
    if entry.kind == "call":
        due = entry.next_deadline(as_of)
        return (due[0].isoformat(),) * 2 if due else None
    if entry.start is None:
        return None
    last = entry.end or entry.start
    last_day = occurrence_on_or_after(last, entry.recurrence, as_of) if entry.recurrence else last.day()
    return entry.start.day().isoformat(), max(last_day or last.day(), entry.start.day()).isoformat()


def _safe_url(url: str) -> str:
    return web_url(url) or ""


_environment.filters.update(google_calendar=google_calendar, outlook_calendar=outlook_calendar)
