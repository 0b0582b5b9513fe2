"""A publish's spool: what it has rendered and what each file will show, kept in a
temporary SQLite database rather than in memory, so that publishing holds one
entry at a time however many the database has.

Publishing reads the entries one by one (feeds.load.stream_entries) and renders
each once per format; the renderings (feed items, VEVENTs, page rows) and each
calendar's and page's rows wait here, in the order the files list them (an
index each), until the files are written one after the other. The database is
SQLite's own temporary file: removed when closed, or when the process dies.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime

from feeds.entries import microseconds

SCHEMA = """
create table kept (form text, id text, source text, value blob, primary key (form, id, source));
create table instants (at integer primary key);
create table vevents (id text, cutoff integer, source text, data blob, zones text,
  primary key (id, cutoff, source));
create table calendar_rows (calendar integer, at integer, id text, cutoff integer, source text);
create index calendar_order on calendar_rows (calendar, at, id, cutoff);
create table page_rows (kind text, day integer, title text, id text, row blob);
create index page_order on page_rows (kind, day, title, id);
create table entry_calendars (file text, name text, zones text, body blob);
create table variants (id text, source text, entry blob, primary key (id, source));
"""
# Rows a file's cursor fetches at a time: a calendar is written in slices this long.
SLICE = 1000


class Spool:
    """The temporary database of one publish; a context manager that closes it."""

    def __init__(self):
        self.db = sqlite3.connect("", isolation_level=None)
        self.db.executescript("pragma journal_mode = off; pragma synchronous = off;" + SCHEMA)
        # Never committed: the database goes when it is closed.
        self.db.execute("begin")

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exception) -> None:
        self.db.close()

    def add_calendar_row(self, calendar: int, order: tuple[int, str, int], source: str) -> None:
        """A VEVENT (entry id, cut-off index or -1, source) in a calendar, at its place."""
        self.db.execute("insert into calendar_rows values (?, ?, ?, ?, ?)", (calendar, *order, source))

    def calendar(self, calendar: int) -> Iterator[bytes]:
        """The calendar's VEVENTs in order, a slice at a time."""
        cursor = self.db.execute(
            "select vevents.data from calendar_rows join vevents using (id, cutoff, source) "
            "where calendar = ? order by at, id, cutoff",
            (calendar,),
        )
        while found := cursor.fetchmany(SLICE):
            yield b"".join(data for (data,) in found)

    def add_page_row(self, kind: str, order: tuple[int, str, str], row) -> None:
        self.db.execute("insert into page_rows values (?, ?, ?, ?, ?)", (kind, *order, pickle.dumps(row)))

    def page_count(self, kind: str) -> int:
        return self.db.execute("select count(*) from page_rows where kind = ?", (kind,)).fetchone()[0]

    def page_rows(self, kind: str) -> Iterator:
        """The page's rows of one kind, in the page's order."""
        cursor = self.db.execute("select row from page_rows where kind = ? order by day, title, id", (kind,))
        for (row,) in cursor:
            yield pickle.loads(row)

    def add_entry_calendar(self, file: str, name: str, zones: Iterable[str], body: bytes) -> None:
        self.db.execute(
            "insert into entry_calendars values (?, ?, ?, ?)", (file, name, " ".join(zones), body)
        )

    def entry_calendars(self) -> Iterator[tuple[str, str, list[str], bytes]]:
        for file, name, zones, body in self.db.execute("select * from entry_calendars order by rowid"):
            yield file, name, zones.split(), body

    def add_variant(self, entry) -> None:
        """An entry as a source other than its first shows it (feeds.load.seen_by)."""
        self.db.execute(
            "insert or replace into variants values (?, ?, ?)", (entry.id, entry.source, pickle.dumps(entry))
        )

    def variant(self, entry_id: str, source: str):
        (entry,) = self.db.execute(
            "select entry from variants where id = ? and source = ?", (entry_id, source)
        ).fetchone()
        return pickle.loads(entry)


class Kept:
    """The renderings of feed items, by (form, entry id, source): a mapping for
    feeds.syndication.Syndication, which renders each once per publish."""

    def __init__(self, spool: Spool):
        self.db = spool.db

    def get(self, key: tuple[str, str, str], default=None):
        found = self.db.execute(
            "select value from kept where form = ? and id = ? and source = ?", key
        ).fetchone()
        return default if found is None else pickle.loads(found[0])

    def __setitem__(self, key: tuple[str, str, str], value) -> None:
        self.db.execute("insert or replace into kept values (?, ?, ?, ?)", (*key, pickle.dumps(value)))


class Instants:
    """The instants already given to an entry: a set for feeds.syndication.Syndication."""

    def __init__(self, spool: Spool):
        self.db = spool.db

    def __contains__(self, instant: datetime) -> bool:
        return bool(
            self.db.execute("select 1 from instants where at = ?", (microseconds(instant),)).fetchone()
        )

    def add(self, instant: datetime) -> None:
        self.db.execute("insert or ignore into instants values (?)", (microseconds(instant),))


class Vevents:
    """VEVENTs with the zones they name, by (entry id, cut-off index or -1, source):
    a mapping for feeds.ical.Calendars, which renders each once per publish."""

    def __init__(self, spool: Spool):
        self.db = spool.db

    def get(self, key: tuple[str, int, str], default=None):
        found = self.db.execute(
            "select data, zones from vevents where id = ? and cutoff = ? and source = ?", key
        ).fetchone()
        return default if found is None else (found[0], set(found[1].split()))

    def __setitem__(self, key: tuple[str, int, str], value: tuple[bytes, set[str]]) -> None:
        data, zones = value
        self.db.execute(
            "insert or replace into vevents values (?, ?, ?, ?, ?)", (*key, data, " ".join(zones))
        )
