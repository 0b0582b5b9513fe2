"""Reading published entries (events and calls) from the database.

Rows become ``Entry`` objects whose dates are real ``date``/aware ``datetime``
values in their own zone, so renderers never parse text. ``select`` is the one
place that decides which entries a feed or page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from aggregator.db import decode_item

PUBLISHED_KINDS = ("event", "call")
# A call in these states is not open, whatever its dates say.
NOT_OPEN = ("closed", "cancelled")


@dataclass(frozen=True)
class Moment:
    """A day (``all_day``) or an aware instant shown in ``zone``."""

    value: date | datetime
    all_day: bool
    zone: str | None
    approximate: bool = False

    def day(self) -> date:
        """The calendar day, in the moment's own zone."""
        return self.value if self.all_day else self.value.date()


@dataclass(frozen=True)
class Cutoff:
    """One deadline of a call; ``index`` is its place in the stored list."""

    index: int
    at: Moment
    text: str


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    source: str
    title: str
    url: str
    summary: str
    country: str | None
    language: str | None
    tags: tuple[str, ...]
    location: str | None
    online: bool | None
    status: str | None
    start: Moment | None
    end: Moment | None
    cutoffs: tuple[Cutoff, ...]
    earliest: date | None
    latest: date | None
    recurrence: str | None
    first_seen: datetime
    updated: datetime

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def next_deadline(self, as_of: date) -> tuple[date, Cutoff] | None:
        """The soonest cut-off on or after ``as_of``, with the day it is due (yearly ones recur)."""
        due = [(day, c) for c in self.cutoffs
               if (day := occurrence_on_or_after(c.at, self.recurrence, as_of))]
        return min(due, key=lambda pair: (pair[0], pair[1].index), default=None)

    def is_current(self, as_of: date) -> bool:
        """Upcoming event (starts or ends on/after ``as_of``) or open call."""
        if self.kind == "event":
            last = self.end or self.start
            return (not self.cancelled and last is not None
                    and occurrence_on_or_after(last, self.recurrence, as_of) is not None)
        return self.status not in NOT_OPEN and self.next_deadline(as_of) is not None


def occurrence_on_or_after(moment: Moment, recurrence: str | None, as_of: date) -> date | None:
    """The day ``moment`` falls on, or for a yearly one its next year's, if not before as_of."""
    day = moment.day()
    if recurrence == "yearly":
        while day < as_of:
            day = _same_day_in_year(day, day.year + 1)
    return day if day >= as_of else None


def load_entries(db: sqlite_utils.Database) -> list[Entry]:
    """Every event and call of the database, in no particular order."""
    marks = ", ".join("?" for _ in PUBLISHED_KINDS)
    rows = db.query(f"select * from items where kind in ({marks})", PUBLISHED_KINDS)
    return [entry_from_row(decode_item(row)) for row in rows]


def select(entries: list[Entry], *, kind: str, current_on: date | None = None,
           country: str | None = None, source: str | None = None,
           tag: str | None = None) -> list[Entry]:
    """The entries of one kind, optionally only current ones and of a country/source/tag."""
    return [e for e in entries
            if e.kind == kind
            and (current_on is None or e.is_current(current_on))
            and (country is None or e.country == country)
            and (source is None or e.source == source)
            and (tag is None or tag in e.tags)]


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Feed order: the most recently discovered first, then the latest date."""
    return sorted(entries, key=lambda e: (e.first_seen, _main_day(e) or date.min, e.id),
                  reverse=True)


def soonest_first(entries: list[Entry], as_of: date) -> list[Entry]:
    """Page order: the next start or deadline first."""
    def key(e: Entry) -> tuple:
        if e.kind == "call":
            due = e.next_deadline(as_of)
            day = due[0] if due else None
        else:
            day = e.start.day() if e.start else None
        return (day or date.max, e.title.casefold(), e.id)
    return sorted(entries, key=key)


def entry_from_row(row: dict) -> Entry:
    zone = row.get("timezone") or None
    all_day = bool(row.get("all_day"))
    approximate = bool(row.get("approximate"))
    cutoffs = [Cutoff(i, moment(d["at"], bool(d.get("all_day")), zone, bool(d.get("approximate"))),
                      d.get("text") or "")
               for i, d in enumerate(row["deadlines"]) if d.get("at")]
    if not cutoffs and row.get("deadline"):
        cutoffs = [Cutoff(0, moment(row["deadline"], all_day, zone, approximate), "")]
    return Entry(
        id=row["id"], kind=row["kind"], source=row["source"], title=row["title"],
        url=row["url"], summary=row.get("summary") or "",
        country=row.get("country"), language=row.get("language"), tags=tuple(row["tags"]),
        location=row.get("location") or None,
        online=None if row.get("online") is None else bool(row["online"]),
        status=row.get("status"),
        start=moment(row["start"], all_day, zone, approximate) if row.get("start") else None,
        end=moment(row["end"], all_day, zone, approximate) if row.get("end") else None,
        cutoffs=tuple(cutoffs),
        earliest=_day_or_none(row.get("earliest")), latest=_day_or_none(row.get("latest")),
        recurrence=row.get("recurrence") or None,
        first_seen=_instant(row["first_seen"]),
        updated=_instant(row.get("updated") or row["first_seen"]),
    )


def moment(text: str, all_day: bool, zone: str | None, approximate: bool = False) -> Moment:
    """A stored date (``YYYY-MM-DD``) or timestamp with offset, shown in ``zone``."""
    if all_day or len(text) == 10:
        return Moment(date.fromisoformat(text[:10]), True, zone, approximate)
    value = _instant(text)
    try:
        value = value.astimezone(ZoneInfo(zone)) if zone else value
    except (ZoneInfoNotFoundError, ValueError):
        zone = None  # an unknown zone name: keep the stored offset, which is exact
    return Moment(value, False, zone, approximate)


def _instant(text: str) -> datetime:
    """An ISO timestamp; one stored without an offset is taken as UTC."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _day_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _main_day(e: Entry) -> date | None:
    if e.start:
        return e.start.day()
    return max((c.at.day() for c in e.cutoffs), default=None)


def _same_day_in_year(day: date, year: int) -> date:
    return day.replace(year=year) if (day.month, day.day) != (2, 29) else date(year, 2, 28)
