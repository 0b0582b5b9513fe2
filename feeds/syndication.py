"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of entries.

RSS and Atom are written by feedgen; JSON Feed, which feedgen does not know, by
hand. An entry's HTML and its item in each format are serialised once per
publish, however many feeds (all, per country, per source, per topic) show it,
and spliced where feedgen would write them: the bytes feedgen would write.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from html import escape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from core import HOMEPAGE, __version__
from feeds.describe import details, short_summary
from feeds.entries import Entry, Link, Moment, web_url

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # what xml:lang may say (BCP 47)
MICROSECONDS = 1_000_000
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
TTL_MINUTES = 720


@dataclass(frozen=True)
class Splice:
    """Where feedgen's pretty-printed document has an item, and where the items end."""

    open_item: bytes
    close_item: bytes
    close_feed: bytes


SPLICE = {
    "rss": Splice(b"    <item>", b"</item>\n", b"  </channel>"),
    "atom": Splice(b"  <entry", b"</entry>\n", b"</feed>"),
}


@dataclass(frozen=True)
class Channel:
    """What a feed says about itself; ``self_url`` ends in .rss, .atom or .json."""

    title: str
    description: str
    self_url: str  # where the feed itself is published
    page_url: str  # the human-readable page it belongs to


class Syndication:
    """Renders the feeds of one publish."""

    def __init__(self, id_authority: str, as_of: date, made=None, instants=None):
        """``made`` (a mapping) keeps each entry's renderings and ``instants`` those
        given out (``updated``), for the whole publish: a dict and a ``Given``
        unless the publish keeps them on disk (feeds.spool)."""
        self.id_authority = id_authority
        # An empty feed was last built on the day it speaks for.
        self.empty_date = datetime.combine(as_of, time.min, UTC)
        self._made = {} if made is None else made
        self._instants = Given() if instants is None else instants

    def rss(self, entries: list[Entry], channel: Channel) -> bytes:
        return self._spliced("rss", entries, self._rss(entries, channel))

    def atom(self, entries: list[Entry], channel: Channel) -> bytes:
        return self._spliced("atom", entries, self._atom(entries, channel))

    def _rss(self, entries: list[Entry], channel: Channel) -> FeedGenerator:
        feed = self._feed(entries, channel, "application/rss+xml")
        feed.ttl(TTL_MINUTES)
        feed.docs("https://www.rssboard.org/rss-specification")
        return feed

    def _atom(self, entries: list[Entry], channel: Channel) -> FeedGenerator:
        return self._feed(entries, channel, "application/atom+xml")

    def _spliced(self, form: str, entries: list[Entry], feed: FeedGenerator) -> bytes:
        """The feed's document with ``entries``' items, each serialised once per publish,
        where feedgen would write them: the same bytes as feedgen's with every item."""
        document = _serialised(form, feed)
        end = document.rindex(SPLICE[form].close_feed)
        items = (self._once(form, entry, lambda entry: self._item_bytes(form, entry)) for entry in entries)
        return b"".join([document[:end], *items, document[end:]])

    def _item_bytes(self, form: str, entry: Entry) -> bytes:
        """The entry's item as feedgen writes it inside a feed (indented, namespaces
        declared on the feed): cut out of a feed of that entry alone."""
        make = self._rss if form == "rss" else self._atom
        feed = make([entry], Channel("-", "-", "https://localhost/feed", "https://localhost/"))
        feed.add_entry(self._feed_entry(entry))
        document = _serialised(form, feed)
        splice = SPLICE[form]
        return document[
            document.index(splice.open_item) : document.rindex(splice.close_item) + len(splice.close_item)
        ]

    def _feed(self, entries: list[Entry], channel: Channel, media_type: str) -> FeedGenerator:
        """The feed's channel, without its items."""
        feed = FeedGenerator()
        feed.id(channel.self_url)
        feed.title(channel.title)
        feed.description(channel.description)
        feed.link(href=channel.self_url, rel="self", type=media_type)
        feed.link(href=channel.page_url, rel="alternate", type="text/html")
        feed.language("en")
        feed.author(name="clusterfeeds", uri=HOMEPAGE)
        feed.generator("clusterfeeds", version=__version__, uri=HOMEPAGE)
        # The newest change rather than "now", so an unchanged database gives unchanged feeds.
        feed.updated(self._last_change(entries))
        feed.lastBuildDate(self._last_change(entries))
        return feed

    def json(self, entries: list[Entry], channel: Channel) -> bytes:
        feed = {
            "version": JSON_FEED_VERSION,
            "title": channel.title,
            "home_page_url": channel.page_url,
            "feed_url": channel.self_url,
            "description": channel.description,
            "language": "en",
            "authors": [{"name": "clusterfeeds", "url": HOMEPAGE}],
            "items": [],
        }
        # The items' bytes go where the empty list is, the last key: as if serialised with it.
        head = _json_bytes(feed)
        assert head.endswith(b"[]}")
        return b"".join([head[:-2], b",".join(self.json_item(entry) for entry in entries), b"]}"])

    def json_item(self, entry: Entry) -> bytes:
        """The entry's JSON Feed item, serialised once per publish."""
        return self._once("json", entry, lambda entry: _json_bytes(self._json_item(entry)))

    def render_alone(self, entry: Entry) -> Iterator[tuple[str, Callable]]:
        """Each format's rendering of the entry on its own, by name: what one
        cannot carry shows here rather than half-way through a feed."""
        yield "rss", lambda: self._once("rss", entry, lambda entry: self._item_bytes("rss", entry))
        yield "atom", lambda: self._once("atom", entry, lambda entry: self._item_bytes("atom", entry))
        yield "json", lambda: self.json_item(entry)

    def html(self, entry: Entry) -> str:
        """The entry's description as HTML."""
        lines = "".join(f"<p>{escape(line)}</p>" for line in details(entry))
        also = ", ".join(
            f'<a href="{escape(link.url)}">{escape(link.source)}</a>'
            if web_url(link.url)
            else escape(link.source)
            for link in entry.also
        )
        return lines + (f"<p>Also announced by: {also}</p>" if also else "")

    def atom_id(self, entry: Entry) -> str:
        """A tag URI (RFC 4151) around the entry id, the same on every publish."""
        return f"tag:{self.id_authority},2026:{entry.id}"

    def _once(self, form: str, entry: Entry, make):
        """An entry's item in one format, made once per publish however many feeds show it
        (once per source it is shown from: a source's own feed shows its own page).
        Once made, it is found by the entry's id and source alone (feeds.publish.Shown)."""
        key = (form, entry.id, entry.source)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = make(entry)
        return made

    def _feed_entry(self, entry: Entry) -> FeedEntry:
        """One feedgen entry, shared by every RSS and Atom feed that shows it."""
        item = AtomEntry(entry.language)
        item.guid(entry.id, permalink=False)  # sets the Atom id too, so before id()
        item.id(self.atom_id(entry))
        item.title(entry.title)
        if web_url(entry.url):
            item.link(href=entry.url, rel="alternate", type="text/html")
        for link in filter(lambda link: web_url(link.url), entry.also):
            item.link(href=link.url, rel="related", type="text/html", title=link.source)
        item.published(published(entry))
        item.updated(self.updated(entry))
        html = self._once("html", entry, self.html)
        item.description(html)  # RSS <description>
        item.summary(self._once("summary", entry, plain_summary))
        item.content(html, type="html")
        for term in entry.categories:
            item.category(term=term)
        return item

    def _json_item(self, entry: Entry) -> dict:
        item = {
            "id": entry.id,
            "url": web_url(entry.url),
            "title": entry.title,
            "content_html": self._once("html", entry, self.html),
            "summary": self._once("summary", entry, plain_summary),
            "date_published": rfc3339(published(entry)),
            "date_modified": rfc3339(self.updated(entry)),
        }
        if item["url"] is None:
            del item["url"]
        if entry.language:
            item["language"] = entry.language
        if tags := entry.categories:
            item["tags"] = list(tags)
        item["_clusterfeeds"] = structured(entry)
        return item

    def updated(self, entry: Entry) -> datetime:
        """When the entry last changed (``revised``), in UTC, at a fraction of its
        second no other entry of the publish has: feed readers (and the W3C
        validator) take entries sharing an instant for a publisher that does not
        track changes, and stored times tell no more than the second."""
        return self._once("updated", entry, self._distinct_instant)

    def _distinct_instant(self, entry: Entry) -> datetime:
        second = revised(entry).astimezone(UTC).replace(microsecond=0)
        # The entry's own fraction, so it stays the same from one publish to the next.
        fraction = int.from_bytes(hashlib.sha256(entry.id.encode()).digest()[:4]) % MICROSECONDS
        while not self._instants.claim(instant := second.replace(microsecond=fraction)):
            fraction = (fraction + 1) % MICROSECONDS
        return instant

    def _last_change(self, entries: list[Entry]) -> datetime:
        # The newest change rather than "now", so an unchanged database gives unchanged feeds.
        return max((self.updated(e) for e in entries), default=self.empty_date)


class Given:
    """Instants given out, each to one entry."""

    def __init__(self):
        self._given: set[datetime] = set()

    def claim(self, instant: datetime) -> bool:
        """Give out ``instant``; False if it was already."""
        if instant in self._given:
            return False
        self._given.add(instant)
        return True


def revised(entry: Entry) -> datetime:
    """When the entry last changed: a change the crawls saw (a field, a source
    joining, its going), else the date its page gives, else its first crawl."""
    changed = entry.updated if entry.updated > entry.first_seen else None
    return changed or published(entry)


def published(entry: Entry) -> datetime:
    """The date its page gives (the start of that day in the page's zone), if not
    after the crawls saw it change; else its first crawl."""
    if entry.published is None:
        return entry.first_seen
    page = entry.published.value
    if entry.published.all_day:
        page = datetime.combine(page, time.min, _zone(entry.published.zone))
    return min(page, entry.updated)


def _zone(name: str | None) -> tzinfo:
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


class AtomEntry(FeedEntry):
    """An Atom entry with its language and whole links. feedgen 1.0 keeps only the
    href of each link (it rebinds the loop's ``link`` to the new element before
    reading rel, type and title): they are written again with all their attributes,
    unprefixed like the rest of the feed."""

    def __init__(self, language: str | None):
        super().__init__()
        self.language = language

    def atom_entry(self, extensions=True):
        node = super().atom_entry(extensions)
        for element in node.findall("link"):
            node.remove(element)
        for link in self.link() or []:
            node.append(node.makeelement("link", {name: str(value) for name, value in link.items() if value}))
        if self.language and LANGUAGE_TAG.fullmatch(self.language):
            node.set(XML_LANG, self.language)
        return node


def structured(entry: Entry) -> dict:
    """The entry's facts as data, for programs reading the JSON Feed (an extension
    object, as JSON Feed allows under a key starting with an underscore)."""
    return {
        "kind": entry.kind,
        "status": entry.status,
        "cancelled": entry.cancelled,
        "no_longer_listed_since": rfc3339(entry.gone_since) if entry.gone_since else None,
        "start": _moment(entry.start),
        "end": _moment(entry.end),
        "deadlines": [{**_moment(c.at), "text": c.text} for c in entry.cutoffs],
        "recurrence": entry.recurrence,
        "location": entry.location,
        "online": entry.online,
        "countries": sorted(entry.countries),
        "languages": sorted(entry.languages),
        "announced_by": [
            {"source": link.source, "url": web_url(link.url)}
            for link in (Link(entry.source, entry.url), *entry.also)
        ],
    }


def _moment(m: Moment | None) -> dict | None:
    if m is None:
        return None
    return {"at": m.value.isoformat(), "all_day": m.all_day, "timezone": m.zone, "approximate": m.approximate}


def plain_summary(entry: Entry) -> str:
    """The dates and place, then the summary, as one short plain text."""
    return short_summary(" · ".join(details(entry)), limit=500)


def rfc3339(value: datetime) -> str:
    return (
        value.astimezone(UTC).isoformat(timespec="microseconds" if value.microsecond else "seconds")[:-6]
        + "Z"
    )


def id_authority(base_url: str) -> str:
    """The host the feeds are published at, for tag URIs; ``localhost`` without one."""
    return urlsplit(base_url).hostname or "localhost"


def _serialised(form: str, feed: FeedGenerator) -> bytes:
    return feed.rss_str(pretty=True) if form == "rss" else feed.atom_str(pretty=True)


def _json_bytes(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
