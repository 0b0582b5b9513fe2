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
create table calendar_rows (calendar integer, at integer, id text, cutoff integer, source text,
  primary key (calendar, at, id, cutoff)) without rowid;
create table page_rows (kind text, day integer, title text, id text, row blob);
create index page_order on page_rows (kind, day, title, id);
create table entry_calendars (file text, name text, zones text, body blob);
create table variants (id text, source text, entry blob, primary key (id, source));
"""
# Rows written or read at a time: a calendar is written in slices this long.
SLICE = 1000


class Spool:
    """The temporary database of one publish; a context manager that closes it."""

    def __init__(self):
        self.db = sqlite3.connect("", isolation_level=None)
        self.db.executescript("pragma journal_mode = off; pragma synchronous = off;" + SCHEMA)
        # Never committed: the database goes when it is closed.
        self.db.execute("begin")
        self._calendar_rows: list[tuple] = []  # written a slice at a time

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exception) -> None:
        self.db.close()

    def add_calendar_row(self, calendar: int, order: tuple[int, str, int], source: str) -> None:
        """A VEVENT (entry id, cut-off index or -1, source) in a calendar, at its place."""
        self._calendar_rows.append((calendar, *order, source))
        if len(self._calendar_rows) >= SLICE:
            self._write_calendar_rows()

    def _write_calendar_rows(self) -> None:
        self.db.executemany("insert into calendar_rows values (?, ?, ?, ?, ?)", self._calendar_rows)
        self._calendar_rows.clear()

    def calendar(self, calendar: int) -> Iterator[bytes]:
        """The calendar's VEVENTs in order, a slice at a time."""
        self._write_calendar_rows()
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


class Recent:
    """A mapping kept in the spool, with the last ``RECENT`` values read or written
    also in memory: an entry's renderings are used again right after they are
    made (by its other formats and scopes), and a feed's by the next feeds."""

    RECENT = 4096

    def __init__(self, spool: Spool):
        self.db = spool.db
        self._recent: dict = {}

    def get(self, key: tuple, default=None):
        found = self._recent.get(key)
        if found is None:
            found = self._read(key)
            if found is None:
                return default
            self._remember(key, found)
        return found

    def __setitem__(self, key: tuple, value) -> None:
        self._remember(key, value)
        self._write(key, value)

    def _remember(self, key: tuple, value) -> None:
        self._recent[key] = value
        if len(self._recent) > self.RECENT:
            del self._recent[next(iter(self._recent))]  # the oldest


class Kept(Recent):
    """The renderings of feed items, by (form, entry id, source): a mapping for
    feeds.syndication.Syndication, which renders each once per publish. The parts
    of an item (``PARTS``) are needed only while its formats are rendered, one
    after the other: they stay in memory only, and are made again if forgotten."""

    PARTS = ("html", "summary")

    def _read(self, key: tuple[str, str, str]):
        if key[0] in self.PARTS:
            return None
        found = self.db.execute(
            "select value from kept where form = ? and id = ? and source = ?", key
        ).fetchone()
        return found and pickle.loads(found[0])

    def _write(self, key: tuple[str, str, str], value) -> None:
        if key[0] in self.PARTS:
            return
        self.db.execute("insert or replace into kept values (?, ?, ?, ?)", (*key, pickle.dumps(value)))


class Vevents(Recent):
    """VEVENTs with the zones they name, by (entry id, cut-off index or -1, source):
    a mapping for feeds.ical.Calendars, which renders each once per publish."""

    def _read(self, key: tuple[str, int, str]) -> tuple[bytes, set[str]] | None:
        found = self.db.execute(
            "select data, zones from vevents where id = ? and cutoff = ? and source = ?", key
        ).fetchone()
        return found and (found[0], set(found[1].split()))

    def _write(self, key: tuple[str, int, str], value: tuple[bytes, set[str]]) -> None:
        data, zones = value
        self.db.execute(
            "insert or replace into vevents values (?, ?, ?, ?, ?)", (*key, data, " ".join(zones))
        )


class Instants:
    """Instants given out, each to one entry (feeds.syndication.Given)."""

    def __init__(self, spool: Spool):
        self.db = spool.db

    def claim(self, instant: datetime) -> bool:
        """Give out ``instant``; False if it was already."""
        return (
            self.db.execute("insert or ignore into instants values (?)", (microseconds(instant),)).rowcount
            == 1
        )
