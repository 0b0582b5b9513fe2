"""A site's own feed read as items: RSS 2.0, Atom or iCalendar, one item per
entry or VEVENT, every date left as the feed writes it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import feedparser
import icalendar

from core.items import raw_item
from spiders.extractors.generic import UrlRules, kind_for, main_content
from spiders.extractors.generic_facts import PageFacts
from spiders.extractors.page import Extraction, absolute
from spiders.extractors.tree import tree_of

# Where a feed begins: Drupal may print HTML debug comments before "<?xml".
FEED_START = re.compile(r"<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]|BEGIN:VCALENDAR")
CALENDAR = "BEGIN:VCALENDAR"
# How far into a body a feed may begin, after a server's junk (debug comments, PHP notices).
JUNK_CHARS = 4096
PAGE_OPENING = re.compile(r"<html[\s>]|<!doctype html|<body[\s>]", re.IGNORECASE)


def is_feed(body: str) -> bool:
    """Whether a body is an RSS, Atom or iCalendar feed rather than a page."""
    start = FEED_START.search(body[:JUNK_CHARS])
    if start is None:
        return False
    if body[start.start() :].startswith("<?xml"):  # XHTML pages open with it too
        root = re.compile(r"<(?!\?|!)[\w:]+").search(body, start.end())
        if not root or not re.match(r"<(rss|feed|rdf:RDF)\b", root.group(0) + " "):
            return False
    return not PAGE_OPENING.search(body[: start.start()])


def extract_feed(
    url: str, body: str, *, language: str, kind: str, url_kinds: Iterable[tuple[str, str]] = ()
) -> Extraction:
    """The feed's entries as items; ``url_kinds`` (regex, kind) picks an entry's
    kind by its link, else ``kind``. A body that is no feed gives a problem."""
    start = FEED_START.search(body)
    if start is None:
        return Extraction(problems=[("page", "not an RSS, Atom or iCalendar feed")])
    body = body[start.start() :]
    rules = UrlRules("url_kinds", url_kinds, problems=[])
    if body.startswith(CALENDAR):
        return calendar_items(url, body, language, kind, rules)
    return entry_items(url, body, language, kind, rules)


def entry_items(url: str, body: str, language: str, kind: str, url_kinds: UrlRules) -> Extraction:
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        return Extraction(problems=[("page", f"unreadable feed: {parsed.bozo_exception}")])
    language = (parsed.feed.get("language") or language)[:2].lower()
    items = []
    for entry in parsed.entries:
        link = absolute(url, entry.get("link")) or url
        entry_kind = kind_for(link, kind, url_kinds)
        text = (
            next((c.value for c in entry.get("content", []) if c.get("value")), None)
            or entry.get("summary")
            or ""
        )
        root = tree_of(f"<main>{text}</main>")
        facts = PageFacts(link, root, main_content(root), language, entry_kind, {}).fields()
        facts.update(
            summary=entry.get("summary") or text or None,
            published_text=entry.get("published") or entry.get("updated"),
            tags=[tag.term for tag in entry.get("tags", []) if tag.get("term")],
            external_id=entry.get("id"),
            # The RSS event module (ev:startdate) says outright what a summary may only imply.
            start_text=entry.get("ev_startdate") or facts["start_text"],
            end_text=entry.get("ev_enddate") or facts["end_text"],
            location=entry.get("ev_location") or facts["location"],
        )
        if entry.get("title"):
            items.append(raw_item(entry_kind, link, entry.title, language, **facts))
    return Extraction(items=items, problems=url_kinds.problems)


def calendar_items(url: str, body: str, language: str, kind: str, url_kinds: UrlRules) -> Extraction:
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except ValueError as error:
        return Extraction(problems=[("page", f"unreadable calendar: {error}")])
    items = []
    for event in calendar.walk("VEVENT"):
        title = str(event.get("SUMMARY") or "").strip()
        if not title or "DTSTART" not in event:
            continue
        link = absolute(url, str(event.get("URL") or "")) or url
        event_kind = kind_for(link, kind, url_kinds)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND") if "DTEND" in event else None
        if end is not None and not isinstance(end, datetime) and end > start:
            end -= timedelta(days=1)  # iCalendar's all-day end is exclusive; ours is the last day
        start_text, end_text = ical_text(start), ical_text(end) if end and end != start else None
        location = str(event.get("LOCATION") or "").strip() or None
        categories = event.get("CATEGORIES")
        items.append(
            raw_item(
                event_kind,
                link,
                title,
                language,
                key=None if link != url else str(event.get("UID") or title),
                summary=str(event.get("DESCRIPTION") or "").strip() or None,
                start_text=start_text if event_kind != "call" else None,
                end_text=end_text if event_kind != "call" else None,
                deadline_texts=[start_text] if event_kind == "call" else [],
                location=location,
                online=bool(location and re.search(r"\bonline\b|^https?://", location, re.IGNORECASE))
                if location
                else None,
                status_text=str(event.get("STATUS") or "").title() or None,
                tags=[
                    str(c)
                    for cats in (categories if isinstance(categories, list) else [categories])
                    if cats
                    for c in cats.cats
                ],
                external_id=str(event.get("UID") or "") or None,
            )
        )
    return Extraction(items=items, problems=url_kinds.problems)


def ical_text(value: date | datetime | None) -> str | None:
    """An iCalendar value as the date engine reads it: "2027-03-04" for a day,
    "2027-03-04T09:00:00 Europe/Berlin" for a time in a zone, "…Z" in UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        return value.isoformat()
    local = value.replace(tzinfo=None).isoformat()
    zone = getattr(value.tzinfo, "key", None) or (value.tzname() if value.tzinfo else None)
    if zone in ("UTC", "Etc/UTC"):
        return f"{local}Z"
    return f"{local} {zone}" if zone else local
