"""What an item is: its kinds, the raw fields an extractor fills, and the
statuses an item can have. The stored item is the `items` table (core.db).

Kinds and statuses are ``StrEnum`` members, equal to their plain strings, so
rows and JSON keep the words they always had."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    EVENT = "event"
    CALL = "call"
    NEWS = "news"


KINDS = tuple(Kind)
# The kinds that have dates people put in calendars, and go in the feeds.
DATED_KINDS = (Kind.EVENT, Kind.CALL)


class Status(StrEnum):
    OPEN = "open"                # a call taking applications
    CLOSED = "closed"            # a call whose last deadline has passed, or says so
    FORTHCOMING = "forthcoming"  # a call not open yet
    UPCOMING = "upcoming"        # an event not over yet
    PAST = "past"                # an event that is over
    CANCELLED = "cancelled"      # the page says so
    PUBLISHED = "published"      # news


# The raw fields an extractor may fill; the pipelines read these and nothing else.
RAW_FIELDS = (
    "kind",            # "event" | "call" | "news": what the page says it is
    "url",             # absolute real URL of the page (or of the linked detail page)
    "key",             # tells apart several items on one page (e.g. a newsletter); else None
    "title",           # text, may hold inline HTML
    "summary",         # text or HTML
    "language",        # ISO 639-1 code of the text
    "location",        # place as written, or None
    "online",          # True / False / None when the page does not say
    "start_text",      # raw text with the event's start (may be a whole range "14-16 May 2019")
    "end_text",        # raw text with the event's end, when the page gives it apart
    "deadline_texts",  # list of raw texts, one per cut-off
    "opens_text",      # raw text of when a call opens
    "published_text",  # raw text of the publication date
    "status_text",     # raw status words ("Utgått", "Nabór został zakończony", "Cancelled")
    "tags",            # list of raw tags/categories/event types shown on the page
    "external_id",     # the source's own identifier, when it has one
)


def raw_item(kind: str, url: str, title: str, language: str, **fields) -> dict:
    """A raw item with every field present, so pipelines never guess at keys."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    unknown = set(fields) - set(RAW_FIELDS)
    if unknown:
        raise ValueError(f"unknown raw fields: {sorted(unknown)}")
    item = dict.fromkeys(RAW_FIELDS)
    item.update(deadline_texts=[], tags=[])
    item.update(fields, kind=kind, url=url, title=title, language=language)
    return item
