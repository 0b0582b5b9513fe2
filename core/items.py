"""What an item is: its kinds, its statuses, and the fields of the raw item an
extractor yields (``RawItem``), the one definition the pipelines check it
against. The stored item is the ``items`` table (core.db.ITEM_COLUMNS).

Kinds and statuses are ``StrEnum`` members, equal to their plain strings, so
rows and JSON keep the words they always had. (No ``from __future__ import
annotations`` here: the pipelines read the field types at run time.)"""

from enum import StrEnum
from types import NoneType, UnionType
from typing import NotRequired, TypedDict, get_args, get_origin, get_type_hints


class Kind(StrEnum):
    EVENT = "event"
    CALL = "call"
    NEWS = "news"


KINDS = tuple(Kind)
# The kinds that have dates people put in calendars, and go in the feeds.
DATED_KINDS = (Kind.EVENT, Kind.CALL)


class Status(StrEnum):
    """The page states the first three; the others follow from the dates and
    the day the feeds are built (feeds/entries.py)."""

    CANCELLED = "cancelled"  # anything the page says is cancelled or postponed
    CLOSED = "closed"  # a call whose page says so, or whose last deadline has passed
    FORTHCOMING = "forthcoming"  # a call not open yet, by its page or its opening date
    OPEN = "open"  # a call taking applications
    UPCOMING = "upcoming"  # an event not over yet
    PAST = "past"  # an event that is over


# What a page can say of itself: stored at crawl time (pipelines/classify.py).
SAID_STATUSES = (Status.CANCELLED, Status.CLOSED, Status.FORTHCOMING)


class RawItem(TypedDict):
    """The fields an extractor fills; the pipelines read these and nothing else."""

    kind: Kind  # what the page says it is
    url: str  # absolute real URL of the page (or of the linked detail page)
    key: str | None  # tells apart several items on one page (e.g. a newsletter)
    title: str  # text, may hold inline HTML
    summary: str | None  # text or HTML
    language: str | None  # ISO 639-1 code of the text; else the source's first language
    location: str | None  # place as written
    online: bool | None  # None when the page does not say
    start_text: str | None  # raw text with the event's start (may be a range "14-16 May 2019")
    end_text: str | None  # raw text with the event's end, when the page gives it apart
    deadline_texts: list[str]  # raw texts, one per cut-off
    opens_text: str | None  # raw text of when a call opens
    published_text: str | None  # raw text of the publication date
    status_text: str | None  # raw status words ("Utgått", "Nabór został zakończony", "Cancelled")
    tags: list[str]  # raw tags/categories/event types shown on the page
    external_id: str | None  # the source's own identifier, when it has one


class CrawledItem(RawItem):
    """A raw item as its spider hands it to the pipelines (spiders/base.py)."""

    source: str
    related_url: NotRequired[str | None]  # a link the page gave to another site


RAW_FIELDS = tuple(RawItem.__annotations__)
FIELD_TYPES = get_type_hints(CrawledItem)
# Without these an item cannot be stored: it is dropped, not mended.
ESSENTIAL_FIELDS = ("kind", "url", "title", "source")


def raw_item(kind: str, url: str, title: str, language: str | None, **fields) -> RawItem:
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


def field_problems(item: dict) -> list[tuple[str, str]]:
    """(field, problem) for every unknown, missing or ill-typed field of a crawled item."""
    problems = [(name, "unknown field") for name in item if name not in FIELD_TYPES]
    for name, hint in FIELD_TYPES.items():
        if name not in item:
            if name in CrawledItem.__required_keys__:
                problems.append((name, "missing"))
        elif not _is_a(item[name], hint):
            shown = repr(item[name])
            shown = shown if len(shown) <= 60 else shown[:60] + "…"
            problems.append((name, f"{shown} is not {_type_name(hint)}"))
    return problems


def empty_value(name: str) -> list | None:
    """What a field holds when the page gives nothing for it."""
    return [] if get_origin(FIELD_TYPES[name]) is list else None


def _is_a(value, hint) -> bool:
    if isinstance(hint, UnionType):
        return any(_is_a(value, choice) for choice in get_args(hint))
    if get_origin(hint) is list:
        return isinstance(value, list) and all(_is_a(v, get_args(hint)[0]) for v in value)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return isinstance(value, str) and value in {member.value for member in hint}
    return isinstance(value, hint)


def _type_name(hint) -> str:
    if isinstance(hint, UnionType):
        return " or ".join(_type_name(choice) for choice in get_args(hint))
    if get_origin(hint) is list:
        return "a list of texts"
    if hint is NoneType:
        return "None"
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return "one of " + ", ".join(hint)
    return {str: "a text", bool: "True or False"}.get(hint, hint.__name__)
