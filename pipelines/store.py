"""Store items in SQLite in batches, keep every change, and log the crawl.

An item's id is a hash of where it comes from (source, kind, URL, key), so the
same page gives the same row on every run. A row is never deleted: an item that
is gone from its site stays, and a changed one is updated with each changed
field kept in ``changes``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3

from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.utils.defer import deferred_from_coro

from core import db as database
from core.clock import now
from core.items import DATED_KINDS
from core.problems import problem_found
from pipelines.coverage import Tally, dropped
from pipelines.dedupe import candidates, day_keys, entry_for

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
# A crawl finding less than this share of its last good run's items has failed.
FAR_FEWER = 0.5
# Written as given; the rest of ITEM_COLUMNS is kept by the store itself.
BOOKKEEPING = ("id", "entry_id", "content_hash", "first_seen", "last_seen", "updated")
# The stored columns each raw date text gives. When a page's date can no longer
# be read, the stored value stays rather than being erased by a bad page.
DERIVED_FROM = {
    "start_text": ("start", "end", "all_day"),
    "end_text": ("end",),
    "opens_text": ("opens",),
    "deadline_texts": ("deadline", "deadlines"),
    "published_text": ("published",),
}


def item_id(source: str, kind: str, url: str, key: str | None) -> str:
    return hashlib.sha1(f"{source}\n{kind}\n{url}\n{key or ''}".encode()).hexdigest()[:20]


def content_hash(row: dict) -> str:
    return hashlib.sha1(
        json.dumps(
            {k: v for k, v in row.items() if k not in BOOKKEEPING}, sort_keys=True, ensure_ascii=False
        ).encode()
    ).hexdigest()


def row_of(item: dict) -> dict:
    """The stored columns of a processed item, lists as JSON."""
    row = {}
    for name in database.ITEM_COLUMNS:
        if name in BOOKKEEPING:
            continue
        value = item.get(name)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, bool):
            value = int(value)
        row[name] = value
    row["content_hash"] = content_hash(row)
    row["id"] = item_id(item["source"], item["kind"], item["url"], item.get("key"))
    row["unreadable"] = item.get("unreadable") or []
    return row


DAY_KEY_LOOKUP = (
    "select item_id from day_keys where kind = ? and day = ? and title_key = ? order by item_id limit ?"
)


def ensure_day_keys(db) -> None:
    """The table of each event's and call's (day, title key) pairs (see
    pipelines/dedupe.py) and its index; a database from before gets it filled
    from its items."""
    if db["day_keys"].exists():
        return
    with db.conn:
        db["day_keys"].create(
            {"item_id": str, "kind": str, "day": str, "title_key": str}, pk=("item_id", "day", "title_key")
        )
        db["day_keys"].create_index(["kind", "day", "title_key", "item_id"])
        marks = ", ".join("?" for _ in DATED_KINDS)
        for row in db.query(
            f"select id, kind, title, start, deadlines from items where kind in ({marks})", DATED_KINDS
        ):
            keep_day_keys(db, row)


def keep_day_keys(db, row: dict) -> None:
    """The row's (day, title key) pairs, replacing those it had."""
    db.execute("delete from day_keys where item_id = ?", [row["id"]])
    db.conn.executemany(
        "insert into day_keys (item_id, kind, day, title_key) values (?, ?, ?, ?)",
        [(row["id"], row["kind"], day, key) for day, key in day_keys(row)],
    )


def keep_readable(old: dict | None, row: dict) -> dict:
    """The row, with the stored dates kept where the page's date texts failed."""
    unreadable = row.pop("unreadable")
    if old is None or not unreadable:
        return row
    kept = {column: old[column] for field in unreadable for column in DERIVED_FROM[field]}
    row = {**row, **kept}
    return {**row, "content_hash": content_hash(row)}


class SQLiteStorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db = database.connect(crawler.settings.get("CLUSTERFEEDS_DB"))
        ensure_day_keys(self.db)
        self.pending: dict[str, dict] = {}
        self.problems: list[dict] = []
        self.counts = {"items": 0, "new": 0, "changed": 0}
        self.coverage = Tally()  # of every item that reached the store or was dropped on the way
        self.crawl_id: int | None = None
        self.broken: str | None = None  # the database error that stopped storing
        self.closing = None  # the spider's closing, once a database error asked for it
        for handler, signal in (
            (self.on_problem, problem_found),
            (self.on_item_dropped, signals.item_dropped),
            (self.on_item_error, signals.item_error),
            (self.on_spider_error, signals.spider_error),
            (self.on_spider_closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def source(self) -> str:
        return self.crawler.spider.name

    def open_spider(self) -> None:
        try:
            self.crawl_id = (
                self.db["crawls"]
                .insert({"source": self.source, "started": now(), "outcome": "running"})
                .last_pk
            )
        except sqlite3.DatabaseError as error:
            self._broke(error)
            raise CloseSpider(self.broken) from error
        self.crawler.stats.set_value("clusterfeeds/crawl_id", self.crawl_id)

    def process_item(self, item: dict) -> dict:
        row = row_of(item)
        self.pending[row["id"]] = row
        self.counts["items"] += 1
        self.coverage.count(item)
        if len(self.pending) >= BATCH_SIZE and not self.broken:
            try:
                self.flush()
            except sqlite3.DatabaseError as error:
                # Locked for longer than busy_timeout, or the disk is full: what
                # follows would fail too, and a crawl that cannot store is over.
                self._broke(error)
                self.closing = deferred_from_coro(
                    self.crawler.engine.close_spider_async(reason="database error")
                )
        return item

    def _broke(self, error: sqlite3.DatabaseError) -> None:
        self.broken = self.broken or f"database error while storing: {error}"
        logger.error("%s: %s", self.source, self.broken)

    def flush(self) -> None:
        """Store the pending rows and problems in one transaction; on a database
        error they stay pending, to be tried again when the spider closes."""
        rows = [dict(row) for row in self.pending.values()]
        counts = {"new": 0, "changed": 0}
        stamp = now()
        with self.db.atomic():  # one transaction: a killed run leaves no half batch
            known = self._stored(row["id"] for row in rows)
            for done, row in enumerate(rows):
                old = known.get(row["id"])
                rows[done] = row = keep_readable(old, row)
                if old is None or old["content_hash"] != row["content_hash"]:
                    # Rows earlier in the batch are written already: the lookup finds them.
                    row["entry_id"] = entry_for(row, self._same_days(row))
                    keep_day_keys(self.db, row)
                else:
                    row["entry_id"] = old["entry_id"]
                if old is None:
                    self.db["items"].insert(
                        {**row, "first_seen": stamp, "last_seen": stamp, "updated": stamp}
                    )
                    counts["new"] += 1
                elif old["content_hash"] != row["content_hash"]:
                    self._record_changes(old, row, stamp)
                    self.db["items"].update(row["id"], {**row, "last_seen": stamp, "updated": stamp})
                    counts["changed"] += 1
                else:
                    self.db["items"].update(row["id"], {"last_seen": stamp})
            if self.problems:
                self.db["problems"].insert_all(
                    {**p, "crawl_id": self.crawl_id, "at": stamp} for p in self.problems
                )
        self.pending, self.problems = {}, []
        for name, count in counts.items():
            self.counts[name] += count

    def _stored(self, ids) -> dict[str, dict]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row["id"]: row for row in self.db.query(f"select * from items where id in ({marks})", ids)}

    def _same_days(self, row: dict) -> list[dict]:
        """Stored events or calls sharing a day and a title key with the row: the
        only candidates for being the same thing, found through an index."""

        def stored_under(day: str, key: str, limit: int) -> list[str]:
            return [item_id for (item_id,) in self.db.execute(DAY_KEY_LOOKUP, [row["kind"], day, key, limit])]

        ids = candidates(row, stored_under)
        found = self._stored(ids)
        return [found[item_id] for item_id in ids if item_id in found]

    def _record_changes(self, old: dict, new: dict, stamp: str) -> None:
        self.db["changes"].insert_all(
            {"item_id": new["id"], "at": stamp, "field": name, "old": old.get(name), "new": new.get(name)}
            for name in database.TRACKED_FIELDS
            if old.get(name) != new.get(name)
        )

    def close_spider(self) -> None:
        try:
            self.flush()
        except sqlite3.DatabaseError as error:
            self._broke(error)

    def on_spider_closed(self, spider, reason: str) -> None:
        """Record the crawl's outcome: only here is the reason it ended known."""
        stats = self.crawler.stats
        errors = stats.get_value("clusterfeeds/problems", 0)
        try:
            outcome, message = self._outcome(errors, reason)
            degraded = self._degraded() if outcome in ("ok", "partial") else None
            # Only a crawl that ran to its end, walked its whole listing and lost
            # no page can tell that an item is gone from its site.
            complete = (
                outcome in ("ok", "partial")
                and not stats.get_value("clusterfeeds/paging_stopped")
                and not stats.get_value("clusterfeeds/pages_lost")
            )
            if self.crawl_id is not None:
                self.db["crawls"].update(
                    self.crawl_id,
                    {
                        "finished": now(),
                        "pages": stats.get_value("response_received_count", 0),
                        **self.counts,
                        "errors": errors,
                        "outcome": outcome,
                        "message": message,
                        "complete": int(complete),
                        "coverage": self.coverage.to_json(),
                        "degraded": degraded,
                    },
                )
            if degraded:
                logger.warning(
                    "%s: degraded: field coverage fell against its last good run: %s", self.source, degraded
                )
        except sqlite3.DatabaseError as error:
            self._broke(error)
            outcome, message = "interrupted", self.broken
        # For the runner, when the database could not take them.
        stats.set_value("clusterfeeds/outcome", outcome)
        stats.set_value("clusterfeeds/message", message)

    def _outcome(self, errors: int, reason: str) -> tuple[str, str | None]:
        """interrupted (stopped before its end: a signal, a database error),
        failed (nothing, or far less than the last good run that paged fully:
        the site is down or was redesigned), partial (some pages or fields
        failed) or ok."""
        if self.broken:
            return "interrupted", self.broken
        if reason != "finished":
            return "interrupted", f"crawl stopped before its end: {reason}"
        if self.counts["items"] == 0:
            return "failed", "no items found"
        # A crawl that stopped paging at known entries saw fewer on purpose.
        if self.crawler.stats.get_value("clusterfeeds/paging_stopped"):
            return ("partial" if errors else "ok"), None
        last_good = self.db.execute(
            "select items from crawls where source = ? and outcome in ('ok', 'partial') "
            "and complete = 1 and items is not null and id != ? order by id desc limit 1",
            [self.source, self.crawl_id],
        ).fetchone()
        if last_good and self.counts["items"] < FAR_FEWER * last_good[0]:
            return "failed", (
                f"{self.counts['items']} items, far fewer than the {last_good[0]} of the last good run"
            )
        return ("partial" if errors else "ok"), None

    def _degraded(self) -> str | None:
        """The fields whose share fell against the last good run (pipelines/coverage.py).
        A degraded run is no yardstick: the source stays degraded until the fields
        come back."""
        last_good = self.db.execute(
            "select coverage from crawls where source = ? and outcome in ('ok', 'partial') "
            "and complete = 1 and coverage is not null and degraded is null and id != ? "
            "order by id desc limit 1",
            [self.source, self.crawl_id],
        ).fetchone()
        return dropped(last_good[0], self.coverage) if last_good else None

    def on_problem(self, source: str, url: str, field: str, message: str) -> None:
        self.crawler.stats.inc_value("clusterfeeds/problems")
        self.problems.append({"source": source, "url": url, "field": field, "message": message})

    def on_item_dropped(self, item, response, exception, spider=None) -> None:
        self.coverage.count(item)
        self.on_problem(item.get("source", self.source), item.get("url"), "item", str(exception))

    def on_item_error(self, item, response, spider=None, failure=None) -> None:
        self.crawler.stats.inc_value("clusterfeeds/pages_lost")
        self.on_problem(
            item.get("source", self.source),
            item.get("url"),
            "item",
            f"processing failed: {failure.getErrorMessage() if failure else 'unknown'}",
        )

    def on_spider_error(self, failure, response, spider=None) -> None:
        self.crawler.stats.inc_value("clusterfeeds/pages_lost")
        self.on_problem(self.source, response.url, "page", extraction_failed(failure))


def extraction_failed(failure) -> str:
    """The problem a page whose callback raised is."""
    return f"extraction failed: {failure.getErrorMessage()}"
