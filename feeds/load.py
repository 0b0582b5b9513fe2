"""Reading the database into entries: one per real-world thing.

Items that announce the same thing share ``entry_id`` (pipelines/dedupe.py);
they become one entry whose fields come from the member its source's standing
gives precedence (core.trust.TRUST_ORDER), never from the one that says
most, and which links to every member's page. A source's own feed shows the
entry from that source's page. A row that cannot be read is left out with
a logged error; the others are published. Text that is not UTF-8 (written by
another program) is read with U+FFFD in place of its bad bytes.

Publishing reads only the entries the feeds can show (``since``): one with a
member whose dates are not over before ``since``, with every member of its
group, found through the indexes on (kind, start) and (kind, deadline); the
scopes' names still come from every row (``scope_names``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

import sqlite_utils

from core.bounds import EARLIEST_DAY
from core.items import DATED_KINDS
from core.trust import TRUST_ORDER, host_of
from feeds.entries import Entry, Link, Unpublishable, entry_from_row, instant

log = logging.getLogger(__name__)

JSON_COLUMNS = ("deadlines", "tags", "topics")
# What a source's own feed takes from that source's member of an entry.
PAGE_FIELDS = ("source", "url", "title", "summary", "language", "published")


@dataclass(frozen=True)
class Loaded:
    entries: list[Entry]
    skipped: list[Unpublishable]


# The groups with a member whose dates may reach ``:since``: its start or end,
# a call's next cut-off (``deadline``, else its last) or any of its cut-offs; a
# yearly one, one without dates and one dated before any real date (reported) too.
# Each part is a range of an index; the old ranges' rows are read in SQLite only.
WINDOW = """
select coalesce(entry_id, id) from items where kind = 'event' and start >= :since
union select coalesce(entry_id, id) from items where kind = 'event' and start is null
union select coalesce(entry_id, id) from items where kind = 'event' and start < :since
  and ("end" >= :since or recurrence is not null or start < :earliest)
union select coalesce(entry_id, id) from items where kind = 'call' and deadline >= :since
union select coalesce(entry_id, id) from items where kind = 'call' and deadline is null
union select coalesce(entry_id, id) from items where kind = 'call' and deadline < :since
  and (recurrence is not null or deadline < :earliest or not json_valid(deadlines) or exists (
    select 1 from json_each(deadlines) where json_extract(value, '$.at') >= :since))
"""
IN_WINDOW = f"items.id in ({WINDOW}) or items.entry_id in ({WINDOW})"
# The entry an item belongs to: the one it announces, else its own.
ENTRY_KEY = "coalesce(nullif(items.entry_id, ''), items.id)"


def load_entries(
    db: sqlite_utils.Database,
    as_of: date,
    hosts: dict[str, tuple[str, ...]] | None = None,
    since: date | None = None,
) -> Loaded:
    """Every event and call of the database, grouped by entry (``stream_entries``), in a list."""
    skipped: list[Unpublishable] = []
    return Loaded(list(stream_entries(db, as_of, hosts, since, skipped)), skipped)


def stream_entries(
    db: sqlite_utils.Database,
    as_of: date,
    hosts: dict[str, tuple[str, ...]] | None = None,
    since: date | None = None,
    skipped: list[Unpublishable] | None = None,
) -> Iterator[Entry]:
    """Every event and call of the database, grouped by entry, one entry at a time
    in the order of their ids (so publishing never holds them all), each with its
    status as of ``as_of``; with ``since``, only the entries not over before that
    day (see WINDOW). A row that cannot be read is logged and added to ``skipped``.
    ``hosts``: each source's own hosts, as its spider declares them (the command
    passes them); without them no member is known to be on its source's hosts
    and the trust order alone ranks them."""
    hosts = hosts or {}
    marks = ", ".join("?" for _ in DATED_KINDS)
    where, parameters = f"kind in ({marks})", DATED_KINDS
    if since:
        where, parameters = IN_WINDOW, {"since": since.isoformat(), "earliest": EARLIEST_DAY.isoformat()}
    last_good = _last_good_crawls(db)
    factory = db.conn.text_factory
    db.conn.text_factory = _lenient_text
    try:
        # Both in entry order, so each entry's change count is the next one's, if it has any.
        rows = db.execute(f"select {ENTRY_KEY}, * from items where {where} order by 1", parameters)
        changes = _change_times(db, where, parameters)
        counted = next(changes, None)
        names = [column[0] for column in rows.description][1:]
        for entry_id, group in groupby(rows, key=itemgetter(0)):
            members = [
                member
                for row in group
                if (member := _member(dict(zip(names, row[1:], strict=True)), as_of, skipped))
            ]
            change_times = 0
            if counted and counted[0] == entry_id:
                change_times, counted = counted[1], next(changes, None)
            if members:
                yield merge(entry_id, members, change_times, last_good, hosts)
    finally:
        db.conn.text_factory = factory


def _member(row: dict, as_of: date, skipped: list[Unpublishable] | None) -> Entry | None:
    """The row as an entry of its own; None, logged and added to ``skipped``, if unreadable."""
    try:
        return entry_from_row(decoded(row), as_of)
    except Unpublishable as problem:
        log.error("%s; left out of the feeds", problem)
        if skipped is not None:
            skipped.append(problem)
        return None


def merge(
    entry_id: str,
    members: list[Entry],
    change_times: int,
    last_good: dict[str, datetime],
    hosts: dict[str, tuple[str, ...]],
) -> Entry:
    """The entry of a group: the first member's fields by precedence, every member's link.

    SEQUENCE rises with every distinct change time, every member that joined
    and the entry's going from its sources; it never depends on the clock.
    """
    ordered = sorted(members, key=lambda member: precedence(member, hosts))
    best = ordered[0]
    gone = [_gone_since(m, last_good) for m in members]
    gone_since = max(gone) if all(gone) else None
    sequence = change_times + len(members) - 1 + (1 if gone_since else 0)
    updated = max([m.updated for m in members] + ([gone_since] if gone_since else []))
    return replace(
        best,
        id=entry_id,
        also=_links_besides(best, ordered),
        members=tuple(ordered),
        first_seen=min(m.first_seen for m in members),
        updated=updated,
        tags=_union(m.tags for m in ordered),
        topics=_union(m.topics for m in ordered),
        countries=frozenset(m.listed_country for m in members if m.listed_country),
        sources=frozenset(m.source for m in members),
        languages=frozenset(m.language for m in members if m.language),
        sequence=sequence,
        gone_since=gone_since,
    )


def precedence(member: Entry, hosts: dict[str, tuple[str, ...]]) -> tuple:
    """Sort key, first first: a member on its own source's site (a row stored
    before sources declared their hosts may not be), then by its source's place
    in TRUST_ORDER, unlisted sources last; then whoever announced it first."""
    owns_page = host_of(member.url) in hosts.get(member.source, ())
    rank = TRUST_ORDER.index(member.source) if member.source in TRUST_ORDER else len(TRUST_ORDER)
    return (not owns_page, rank, member.first_seen, member.id)


def seen_by(entry: Entry, source: str) -> Entry:
    """The entry as ``source``'s own feed shows it: its link, title and summary
    are that source's page's, the others' pages are related links."""
    own = next((m for m in entry.members if m.source == source), None)
    if own is None or own.id == entry.members[0].id:
        return entry
    return replace(
        entry, **{name: getattr(own, name) for name in PAGE_FIELDS}, also=_links_besides(own, entry.members)
    )


def _links_besides(primary: Entry, members) -> tuple[Link, ...]:
    """Every member's page and related links, but the primary's page."""
    links = [link for m in members for link in (Link(m.source, m.url), *m.also)]
    return tuple(dict.fromkeys(link for link in links if link.url != primary.url))


def _gone_since(member: Entry, last_good: dict[str, datetime]) -> datetime | None:
    """When the member's source last crawled completely without finding it, if it
    did. A crawl cut short or stopped early at known entries proves nothing."""
    crawled = last_good.get(member.source)
    if member.last_seen and crawled and crawled > member.last_seen:
        return crawled
    return None


def decoded(row: dict) -> dict:
    """A stored row with its JSON columns read."""
    out = dict(row)
    for name in JSON_COLUMNS:
        try:
            out[name] = json.loads(row[name]) if row.get(name) else []
        except (TypeError, ValueError) as error:
            raise Unpublishable(
                row.get("id") or "?",
                name,
                f"not JSON: {error}",
                row.get("source") or "?",
                row.get("url") or "?",
            ) from error
    return out


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _change_times(db: sqlite_utils.Database, where: str, parameters) -> Iterator[tuple[str, int]]:
    """Per entry of the items ``where`` picks that changed, in entry order, the
    number of distinct instants at which one of its items changed."""
    return iter(
        db.execute(
            f"select {ENTRY_KEY}, count(distinct changes.at) "
            f"from items join changes on changes.item_id = items.id where {where} group by 1 order by 1",
            parameters,
        )
    )


def scope_names(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """Every (facet, name) any stored event or call has, past ones too, so a
    feed, once published, keeps its address."""
    return db.execute(
        "select distinct 'country', coalesce(venue_country, country) from items "
        "where kind in ('event', 'call') and coalesce(venue_country, country) is not null "
        "union select distinct 'source', source from items where kind in ('event', 'call') "
        "union select distinct 'topic', topics.value from items, json_each(items.topics) as topics "
        "where kind in ('event', 'call') and json_valid(items.topics) and topics.type = 'text' "
        "order by 1, 2"
    ).fetchall()


def _last_good_crawls(db: sqlite_utils.Database) -> dict[str, datetime]:
    """Per source, the start of its latest crawl that went well (ok or partial)
    and was complete: it ran to its end, walked its whole listing, lost no page."""
    found = {}
    for source, started in db.execute(
        "select source, max(started) from crawls where outcome in ('ok', 'partial') "
        "and complete = 1 and started is not null group by source"
    ):
        try:
            found[source] = instant(started)
        except ValueError:
            log.error("crawl of %s: unreadable start %r; ignored", source, started)
    return found


def _union(groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for values in groups for value in values))
