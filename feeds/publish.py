"""Publishing: render every feed from the database to memory, then write them all.

A feed is a file name and a function from (all entries, context) to bytes; more
formats (Atom, JSON Feed) or narrower feeds (a country, a source, a topic) are
more items of ``feed_files``, built from ``select`` and the renderers.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import sqlite_utils

from feeds.entries import Entry, load_entries, select
from feeds.ical import render_calls_ics, render_events_ics
from feeds.page import FeedLink, render_index
from feeds.rss import Channel, render_rss


@dataclass(frozen=True)
class Context:
    as_of: date
    base_url: str

    def url(self, name: str) -> str:
        return urljoin(self.base_url, name)


Renderer = Callable[[list[Entry], Context], bytes]


def publish(db: sqlite_utils.Database, out_dir: Path, as_of: date,
            base_url: str = "http://localhost:8000/") -> list[Path]:
    """Write the feeds and index.html to ``out_dir``; all or nothing at rendering."""
    entries = load_entries(db)
    context = Context(as_of, base_url if base_url.endswith("/") else base_url + "/")
    rendered = {name: render(entries, context) for name, render in feed_files().items()}
    return write_files(Path(out_dir), rendered)


def feed_files() -> dict[str, Renderer]:
    """Every published file and how it is rendered."""
    return {"events.rss": events_rss, "calls.rss": calls_rss, "events.ics": events_ics,
            "calls.ics": calls_ics, "index.html": index_page}


def events_rss(entries: list[Entry], context: Context) -> bytes:
    return render_rss(select(entries, kind="event"), Channel(
        "clusterfeeds: events", "Events of European cluster and innovation agencies.",
        context.url("events.rss"), context.url("index.html")))


def calls_rss(entries: list[Entry], context: Context) -> bytes:
    return render_rss(select(entries, kind="call"), Channel(
        "clusterfeeds: funding calls",
        "Funding calls of European cluster and innovation agencies, with their deadlines.",
        context.url("calls.rss"), context.url("index.html")))


def events_ics(entries: list[Entry], context: Context) -> bytes:
    return render_events_ics(select(entries, kind="event"), "clusterfeeds: events")


def calls_ics(entries: list[Entry], context: Context) -> bytes:
    return render_calls_ics(select(entries, kind="call"), "clusterfeeds: call deadlines")


def index_page(entries: list[Entry], context: Context) -> bytes:
    return render_index(select(entries, kind="event", current_on=context.as_of),
                        select(entries, kind="call", current_on=context.as_of),
                        as_of=context.as_of, feeds=feed_links(context))


def feed_links(context: Context) -> list[FeedLink]:
    return [
        FeedLink("Events (RSS)", context.url("events.rss")),
        FeedLink("Calls (RSS)", context.url("calls.rss")),
        FeedLink("Events (iCal)", context.url("events.ics"), webcal(context.url("events.ics"))),
        FeedLink("Call deadlines (iCal)", context.url("calls.ics"),
                 webcal(context.url("calls.ics"))),
    ]


def webcal(url: str) -> str | None:
    """The ``webcal://`` address calendar apps subscribe to, for an http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit(parts._replace(scheme="webcal"))


def write_files(out_dir: Path, contents: dict[str, bytes]) -> list[Path]:
    """Write each file atomically: all to temporary files first, then each renamed over."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in contents.items():
            staged.append((_stage(out_dir, name, data), out_dir / name))
        for temporary, final in staged:
            os.replace(temporary, final)
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
    _sync_directory(out_dir)
    return [final for _, final in staged]


def _stage(out_dir: Path, name: str, data: bytes) -> str:
    descriptor, temporary = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)  # served by a web server: mkstemp makes it private
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _sync_directory(path: Path) -> None:
    """Make the renames durable; not every platform can open a directory."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
