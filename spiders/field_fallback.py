"""Field by field, the generic reading stands in where a site's reader misses.

A site's reader knows the site's labels, but a page may give a fact elsewhere: an
event page without its "Place:" field names the venue in its text, a call page
without its deadline field writes the deadline in a sentence. When the reader
finds the page's own item but misses such a field, the generic reader of the same
page, as the same kind, gives that field; what the site's reader found is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from spiders.extractors import generic
from spiders.extractors.page import Extraction

# The fields a reading may miss, by kind, in groups taken together from one reading:
# an event's end belongs to its start, not to a start found elsewhere.
FIELD_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "event": (("start_text", "end_text"), ("location",), ("online",), ("published_text",), ("summary",)),
    "call": (("deadline_texts",), ("opens_text",), ("published_text",), ("summary",)),
    "news": (("published_text",), ("summary",)),
}


@dataclass(frozen=True)
class Reading:
    """How a page was read: ``stood_in`` when the generic reader read it in place of
    the site's, ``fields`` the fields it gave the site reader's item."""

    stood_in: bool = False
    fields: tuple[str, ...] = ()


def missing(item: dict) -> list[tuple[str, ...]]:
    """The groups of fields the item lacks. An online event lacks no venue."""
    groups = [group for group in FIELD_GROUPS.get(item["kind"], ()) if item.get(group[0]) in (None, "", [])]
    if item.get("online") is True:
        groups = [group for group in groups if group != ("location",)]
    return groups


def own_item(extraction: Extraction, url: str) -> dict | None:
    """The item that is the page itself, not one it announces."""
    return next((item for item in extraction.items if item["url"] == url and not item.get("key")), None)


def fill_in(
    extraction: Extraction, url: str, page: str | bytes | HtmlElement, language: str
) -> tuple[str, ...]:
    """Give the page's own item the fields its reader missed from the generic reading
    of the page (its HTML or its tree, which stays as it is) as the item's kind, in
    place, and drop the reader's problems about them; the names of the fields given."""
    item = own_item(extraction, url)
    groups = missing(item) if item else []
    if not groups:
        return ()
    read = generic.extract_page(url, page, language=language, kind=item["kind"])
    other = own_item(read, url) or next((i for i in read.items if i["kind"] == item["kind"]), None)
    if other is None:
        return ()
    given = []
    for group in groups:
        if other.get(group[0]) not in (None, "", []):
            item.update({field: other.get(field) for field in group})
            given += [field for field in group if other.get(field) not in (None, "", [])]
    # A field the reader reported missing is no problem once the page gave it.
    extraction.problems = [problem for problem in extraction.problems if problem[0] not in given]
    return tuple(given)
