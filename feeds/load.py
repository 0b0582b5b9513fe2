"""Reading the database into entries: one per real-world thing.

Items that announce the same thing share ``entry_id`` (pipelines/dedupe.py);
they become one entry whose fields come from the most informative member and
which links to every member's page. A row that cannot be read is left out with
a logged error; the others are published. Text that is not UTF-8 (written by
another program) is read with U+FFFD in place of its bad bytes.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

import sqlite_utils

from feeds.entries import Entry, Link, Unpublishable, entry_from_row, instant

log = logging.getLogger(__name__)

PUBLISHED_KINDS = ("event", "call")
JSON_COLUMNS = ("deadlines", "tags", "topics")
# The fields whose presence makes a member more informative.
INFORMATIVE = ("summary", "location", "online", "end", "country", "language", "status")


@dataclass(frozen=True)
class Loaded:
    entries: list[Entry]
    skipped: list[Unpublishable]


def load_entries(db: sqlite_utils.Database) -> Loaded:
    """Every event and call of the database, grouped by entry, in no particular order."""
    marks = ", ".join("?" for _ in PUBLISHED_KINDS)
    groups: dict[str, list[Entry]] = defaultdict(list)
    skipped = []
    factory = db.conn.text_factory
    db.conn.text_factory = _lenient_text
    try:
        for row in db.query(f"select * from items where kind in ({marks})", PUBLISHED_KINDS):
            try:
                member = entry_from_row(_decoded(row))
            except Unpublishable as problem:
                log.error("%s; left out of the feeds", problem)
                skipped.append(problem)
                continue
            groups[row.get("entry_id") or row["id"]].append(member)
    finally:
        db.conn.text_factory = factory
    changes = _change_times(db)
    last_good = _last_good_crawls(db)
    entries = [merge(entry_id, members, changes.get(entry_id, 0), last_good)
               for entry_id, members in groups.items()]
    return Loaded(entries, skipped)


def merge(entry_id: str, members: list[Entry], change_times: int,
          last_good: dict[str, datetime]) -> Entry:
    """The entry of a group: the best member's fields, every member's link.

    SEQUENCE rises with every distinct change time, every member that joined
    and the entry's going from its sources; it never depends on the clock.
    """
    ordered = sorted(members, key=informativeness, reverse=True)
    best = ordered[0]
    gone = [_gone_since(m, last_good) for m in members]
    gone_since = max(gone) if all(gone) else None
    sequence = change_times + len(members) - 1 + (1 if gone_since else 0)
    updated = max([m.updated for m in members] + ([gone_since] if gone_since else []))
    also = tuple(dict.fromkeys(Link(m.source, m.url) for m in ordered[1:] if m.url != best.url))
    return replace(
        best, id=entry_id, also=also,
        first_seen=min(m.first_seen for m in members), updated=updated,
        tags=_union(m.tags for m in ordered), topics=_union(m.topics for m in ordered),
        countries=frozenset(m.country for m in members if m.country),
        sources=frozenset(m.source for m in members),
        languages=frozenset(m.language for m in members if m.language),
        sequence=sequence, gone_since=gone_since)


def informativeness(member: Entry) -> tuple:
    """Timed over all-day, exact over approximate, then more fields filled; then the oldest."""
    dated = member.start or (member.cutoffs[0].at if member.cutoffs else None)
    filled = sum(1 for name in INFORMATIVE if getattr(member, name) not in (None, ""))
    return (dated is not None, dated is not None and not dated.all_day,
            dated is not None and not dated.approximate, len(member.cutoffs), filled,
            -member.first_seen.timestamp(), member.id)


def _gone_since(member: Entry, last_good: dict[str, datetime]) -> datetime | None:
    """When the member's source last crawled completely without finding it, if it
    did. A crawl cut short or stopped early at known entries proves nothing."""
    crawled = last_good.get(member.source)
    if member.last_seen and crawled and crawled > member.last_seen:
        return crawled
    return None


def _decoded(row: dict) -> dict:
    out = dict(row)
    for name in JSON_COLUMNS:
        try:
            out[name] = json.loads(row[name]) if row.get(name) else []
        except (TypeError, ValueError) as error:
            raise Unpublishable(row.get("id") or "?", name, f"not JSON: {error}",
                                row.get("source") or "?", row.get("url") or "?") from error
    return out


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _change_times(db: sqlite_utils.Database) -> dict[str, int]:
    """Per entry, the number of distinct instants at which one of its items changed."""
    rows = db.execute(
        "select coalesce(items.entry_id, items.id), count(distinct changes.at) "
        "from changes join items on items.id = changes.item_id group by 1")
    return dict(rows.fetchall())


def _last_good_crawls(db: sqlite_utils.Database) -> dict[str, datetime]:
    """Per source, the start of its latest crawl that went well (ok or partial)
    and was complete: it ran to its end, walked its whole listing, lost no page."""
    found = {}
    for source, started in db.execute(
            "select source, max(started) from crawls where outcome in ('ok', 'partial') "
            "and complete = 1 and started is not null group by source"):
        try:
            found[source] = instant(started)
        except ValueError:
            log.error("crawl of %s: unreadable start %r; ignored", source, started)
    return found


def _union(groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for values in groups for value in values))
