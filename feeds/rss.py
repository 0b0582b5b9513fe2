"""RSS 2.0 feeds of entries, with feedgen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape

from feedgen.feed import FeedGenerator

from aggregator import HOMEPAGE, __version__
from feeds.describe import details
from feeds.entries import Entry, newest_first


@dataclass(frozen=True)
class Channel:
    """What a feed says about itself."""

    title: str
    description: str
    self_url: str   # where the feed itself is published
    page_url: str   # the human-readable page it belongs to


def render_rss(entries: list[Entry], channel: Channel) -> bytes:
    """Every entry, newest first, as an RSS 2.0 document."""
    feed = FeedGenerator()
    feed.title(channel.title)
    feed.description(channel.description)
    feed.link(href=channel.self_url, rel="self", type="application/rss+xml")
    feed.link(href=channel.page_url, rel="alternate")  # feedgen's RSS <link> is the last one
    feed.language("en")
    feed.generator("clusterfeeds", version=__version__, uri=HOMEPAGE)
    ordered = newest_first(entries)
    # The newest change rather than "now", so an unchanged database gives an unchanged feed.
    feed.lastBuildDate(max((e.updated for e in ordered), default=datetime.now(timezone.utc)))
    for entry in ordered:
        item = feed.add_entry(order="append")  # the default prepends
        item.title(entry.title)
        item.link(href=entry.url)
        item.guid(entry.id, permalink=False)
        item.pubDate(entry.first_seen)
        item.description(description_html(entry))
        for tag in entry.tags:
            item.category(term=tag)
    return feed.rss_str(pretty=True)


def description_html(entry: Entry) -> str:
    """The date or deadline(s), place, source, status and a short summary, escaped."""
    return "".join(f"<p>{escape(line)}</p>" for line in details(entry))
