"""The SQLite database: schema and the few queries everything shares.

Timestamps are ISO 8601 text. A date without a time is stored as ``YYYY-MM-DD``
with ``all_day = 1``; a timed value as ``YYYY-MM-DDTHH:MM:SS+HH:MM`` (its UTC
offset included) with its IANA zone in ``timezone``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

ITEM_COLUMNS = {
    "id": str,             # stable: the same page gives the same id on every run
    "source": str,
    "kind": str,           # event | call | news
    "title": str,
    "url": str,            # on the source's own hosts (SourceSpider.hosts)
    "related_url": str,    # a link the page gave to another site, checked (spiders/base.py)
    "summary": str,
    "language": str,
    "country": str,
    "location": str,
    "online": int,         # 1 / 0 / NULL (unknown)
    "start": str,          # event start (all-day date or timed with offset)
    "end": str,            # event end, inclusive for all-day dates
    "all_day": int,
    "timezone": str,       # IANA zone of start/end/deadline
    "opens": str,          # when a call opens
    "deadline": str,       # the next cut-off on or after as-of, else the last one
    "deadlines": str,      # JSON list of every cut-off: [{"at", "all_day", "approximate", "text"}]
    "approximate": int,    # the date or deadline is approximate ("mid-September")
    "earliest": str,       # for approximate dates: earliest and latest possible day
    "latest": str,
    "recurrence": str,     # e.g. "yearly"
    "status": str,         # open | closed | forthcoming | upcoming | past | cancelled | published
    "published": str,
    "tags": str,           # JSON list of the page's own tags, categories, event types
    "topics": str,         # JSON list of topic tags found by pipelines/topics.py
    "entry_id": str,       # the id of the entry this item announces (the same thing
                           # announced by several pages or sources shares one entry)
    "external_id": str,
    "start_text": str,     # raw texts the dates came from
    "end_text": str,
    "deadline_texts": str,  # JSON list
    "opens_text": str,
    "published_text": str,
    "status_text": str,
    "content_hash": str,   # of the stored fields, to tell a changed page
    "first_seen": str,
    "last_seen": str,
    "updated": str,
}
# Beside them, ``day_keys`` holds each event and call under its days and title
# keys, for finding what may be the same thing (kept by pipelines/store.py).

# Fields whose change is recorded in the `changes` table.
TRACKED_FIELDS = ("title", "start", "end", "deadline", "deadlines", "opens", "status",
                  "location", "online", "summary", "url")


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (and create if needed) the database, in WAL mode so readers never block."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA busy_timeout=10000")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    items = db["items"]
    if not items.exists():
        items.create(ITEM_COLUMNS, pk="id", not_null={"source", "kind", "title", "url"})
        items.create_index(["source"])
        items.create_index(["kind", "start"])
        items.create_index(["kind", "deadline"])
        items.create_index(["entry_id"])
    else:
        missing = {k: v for k, v in ITEM_COLUMNS.items() if k not in items.columns_dict}
        for name, type_ in missing.items():
            items.add_column(name, type_)
    db["changes"].create({
        "id": int, "item_id": str, "at": str, "field": str, "old": str, "new": str,
    }, pk="id", foreign_keys=[("item_id", "items", "id")], if_not_exists=True)
    db["crawls"].create({
        "id": int, "source": str, "started": str, "finished": str, "pages": int,
        "items": int, "new": int, "changed": int, "errors": int, "outcome": str,
        "message": str,
    }, pk="id", if_not_exists=True)
    db["problems"].create({
        "id": int, "crawl_id": int, "source": str, "url": str, "field": str,
        "message": str, "at": str,
    }, pk="id", if_not_exists=True)


def day_of(value: str | None) -> date | None:
    """The calendar day of a stored date or timestamp, in its own zone."""
    return date.fromisoformat(value[:10]) if value else None


def known_urls(path: str | Path, source: str) -> frozenset[str]:
    """The URLs of the items a source has given so far."""
    db = connect(path)
    try:
        return frozenset(row[0] for row in db.execute(
            "select distinct url from items where source = ?", [source]))
    finally:
        db.close()
