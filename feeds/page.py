"""The index.html page: upcoming events and open calls, with links to the feeds.

Rendered with Jinja2 with autoescaping on, so every text from a crawled page is
HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from feeds.describe import cutoff_text, day_text, days_left_text, place_text, when_text
from feeds.entries import Entry, soonest_first

TEMPLATES = Path(__file__).parent / "templates"
_environment = Environment(loader=FileSystemLoader(TEMPLATES),
                           autoescape=select_autoescape(["html"]),
                           trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class FeedLink:
    label: str
    url: str
    subscribe_url: str | None = None  # webcal:// for calendar apps


@dataclass(frozen=True)
class Row:
    """One entry as the page shows it."""

    id: str
    title: str
    url: str        # empty unless http(s): a crawled link must not run script
    note: str
    when: str
    days_left: str
    place: str
    source: str


def render_index(events: list[Entry], calls: list[Entry], *, as_of: date,
                 feeds: list[FeedLink]) -> bytes:
    """The page of the given (already selected) events and calls, soonest first."""
    html = _environment.get_template("index.html").render(
        as_of=day_text(as_of), feeds=feeds,
        events=[_row(e, as_of) for e in soonest_first(events, as_of)],
        calls=[_row(e, as_of) for e in soonest_first(calls, as_of)])
    return html.encode("utf-8")


def _when(entry: Entry, as_of: date) -> str:
    """The dates; of a call with several cut-offs, the next one."""
    due = entry.next_deadline(as_of) if len(entry.cutoffs) > 1 else None
    if due is None:
        return when_text(entry)
    return f"Next deadline: {cutoff_text(entry, due[1])} (one of {len(entry.cutoffs)} cut-offs)"


def _row(entry: Entry, as_of: date) -> Row:
    url = entry.url if urlsplit(entry.url).scheme in ("http", "https") else ""
    note = entry.status if entry.status == "forthcoming" else ""
    return Row(id=entry.id, title=entry.title, url=url, note=note, when=_when(entry, as_of),
               days_left=days_left_text(entry, as_of) if entry.kind == "call" else "",
               place=place_text(entry), source=entry.source)
