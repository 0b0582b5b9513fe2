"""The SQLite database: schema and the few queries everything shares.

Timestamps are ISO 8601 text. A date without a time is stored as ``YYYY-MM-DD``
with ``all_day = 1``; a timed value as ``YYYY-MM-DDTHH:MM:SS+HH:MM`` (its UTC
offset included) with its IANA zone in ``timezone``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import sqlite_utils

ITEM_COLUMNS = {
    "id": str,  # stable: the same page gives the same id on every run
    "source": str,
    "kind": str,  # event | call | news
    "title": str,
    "url": str,  # on the source's own hosts (SourceSpider.hosts)
    "related_url": str,  # a link the page gave to another site, checked (spiders/base.py)
    "summary": str,
    "language": str,
    "country": str,  # the source's: ISO 3166-1 alpha-2 or "EU"
    "location": str,
    "venue_country": str,  # where it takes place, read from location (pipelines/places.py)
    "venue_city": str,
    "online": int,  # 1 / 0 / NULL (unknown)
    "start": str,  # event start (all-day date or timed with offset)
    "end": str,  # event end, inclusive for all-day dates
    "all_day": int,
    "timezone": str,  # IANA zone of start/end/deadline
    "opens": str,  # when a call opens
    "deadline": str,  # the next cut-off on or after as-of, else the last one
    "deadlines": str,  # JSON list of every cut-off: [{"at", "all_day", "approximate", "text"}]
    "approximate": int,  # the date or deadline is approximate ("mid-September")
    "earliest": str,  # for approximate dates: earliest and latest possible day
    "latest": str,
    "recurrence": str,  # e.g. "yearly"
    "status": str,  # what the page says: cancelled | closed | forthcoming (the
    # feeds derive the time-based ones: feeds/entries.py)
    "published": str,
    "tags": str,  # JSON list of the page's own tags, categories, event types
    "topics": str,  # JSON list of topic tags found by pipelines/topics.py
    "entry_id": str,  # the id of the entry this item announces (the same thing
    # announced by several pages or sources shares one entry)
    "external_id": str,
    "start_text": str,  # raw texts the dates came from
    "end_text": str,
    "deadline_texts": str,  # JSON list
    "opens_text": str,
    "published_text": str,
    "status_text": str,
    "content_hash": str,  # of the stored fields, to tell a changed page
    "first_seen": str,
    "last_seen": str,
    "updated": str,
}
# Beside them, ``day_keys`` holds each event and call under its days and title
# keys, for finding what may be the same thing (kept by pipelines/store.py).

CRAWL_COLUMNS = {
    "id": int,
    "source": str,
    "started": str,
    "finished": str,
    "pages": int,
    "items": int,
    "new": int,
    "changed": int,
    "errors": int,
    "outcome": str,  # running | ok | partial | failed | interrupted
    "message": str,  # why, when not ok
    "complete": int,  # 1: ran to its end, walked its whole listing, lost no page;
    # only such a crawl can tell that an item is gone
    "coverage": str,  # JSON {field: [items with it, items it belongs to]} (pipelines/coverage.py)
    "degraded": str,  # the fields whose share fell against the last good run, with
    # the shares ("start/deadline 96% → 0%"); NULL when none did
}

# Fields whose change is recorded in the `changes` table.
TRACKED_FIELDS = (
    "title",
    "start",
    "end",
    "deadline",
    "deadlines",
    "opens",
    "status",
    "location",
    "online",
    "summary",
    "url",
)


# Raised only on a change older code cannot live with; added columns are migrated.
SCHEMA_VERSION = 1
TABLES = ("items", "changes", "crawls", "problems")


class UnusableDatabase(Exception):
    """A database clusterfeeds must not touch: newer, or not its own."""


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (and create if needed) the database, in WAL mode so readers never
    block, and bring an older clusterfeeds database up to the current tables."""
    db = sqlite_utils.Database(path)
    try:
        # First, so that even switching to WAL waits for another writer.
        db.execute("PRAGMA busy_timeout=10000")
        version = _usable_version(db)  # before WAL, which changes the file
        db.execute("PRAGMA journal_mode=WAL")
        ensure_schema(db)
        if version < SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
    return db


def verify(db: sqlite_utils.Database) -> None:
    """Read every page and take the write lock once, so that a corrupt,
    read-only or busy database is found before a crawl, not half-way."""
    damage = db.execute("PRAGMA quick_check(1)").fetchone()[0]
    if damage != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed: {' '.join(damage.split())}")
    # SQLite opens a file it may not write read-only, and says so only at the first write.
    path = db.execute("PRAGMA database_list").fetchone()[2]
    if path and not os.access(path, os.W_OK):
        raise UnusableDatabase("the file is read-only: clusterfeeds writes to it")
    db.execute("BEGIN IMMEDIATE")
    db.execute("ROLLBACK")


def _usable_version(db: sqlite_utils.Database) -> int:
    """The database's schema version, if clusterfeeds can use it."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UnusableDatabase(
            f"its schema version {version} is newer than this clusterfeeds "
            f"knows ({SCHEMA_VERSION}): upgrade clusterfeeds"
        )
    kinds = dict(
        db.execute(
            "select name, type from sqlite_master where type in "
            "('table', 'view') and name not like 'sqlite_%'"
        ).fetchall()
    )
    if kinds and "items" not in kinds:
        raise UnusableDatabase(f"not a clusterfeeds database (it holds {', '.join(sorted(kinds))})")
    for name in TABLES:
        if kinds.get(name, "table") != "table":
            raise UnusableDatabase(f"cannot migrate: {name} is a {kinds[name]}, not a table")
    if "items" in kinds and db["items"].pks != ["id"]:
        raise UnusableDatabase("cannot migrate: its items table is not keyed by id")
    return version


def _create_or_migrate(table: sqlite_utils.db.Table, columns: dict, **options) -> bool:
    """Create the table, or add the columns an older clusterfeeds did not have;
    True if it was created."""
    if not table.exists():
        table.create(columns, **options)
        return True
    for name, type_ in columns.items():
        if name not in table.columns_dict:
            table.add_column(name, type_)
    return False


def ensure_schema(db: sqlite_utils.Database) -> None:
    items = db["items"]
    if _create_or_migrate(items, ITEM_COLUMNS, pk="id", not_null={"source", "kind", "title", "url"}):
        items.create_index(["source"])
        items.create_index(["kind", "start"])
        items.create_index(["kind", "deadline"])
        items.create_index(["entry_id"])
    _create_or_migrate(
        db["changes"],
        {
            "id": int,
            "item_id": str,
            "at": str,
            "field": str,
            "old": str,
            "new": str,
        },
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    # Publishing counts the changes of the entries it reads, item by item.
    db["changes"].create_index(["item_id"], if_not_exists=True)
    _create_or_migrate(db["crawls"], CRAWL_COLUMNS, pk="id")
    _create_or_migrate(
        db["problems"],
        {
            "id": int,
            "crawl_id": int,
            "source": str,
            "url": str,
            "field": str,
            "message": str,
            "at": str,
        },
        pk="id",
    )


def day_of(value: str | None) -> date | None:
    """The calendar day of a stored date or timestamp, in its own zone."""
    return date.fromisoformat(value[:10]) if value else None


def known_urls(path: str | Path, source: str) -> frozenset[str]:
    """The URLs of the items a source has given so far."""
    db = connect(path)
    try:
        return frozenset(
            row[0] for row in db.execute("select distinct url from items where source = ?", [source])
        )
    finally:
        db.close()
