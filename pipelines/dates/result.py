"""What the date engine returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DateResult:
    """A date, range or time read from a text; ``error`` says why there is none.

    A ``datetime`` is a naive wall-clock time in ``tz``; a ``date`` is all-day.
    ``end`` is inclusive. ``earliest``/``latest`` bound an approximate date.

    For an event, ``start``/``end`` are its first and last day (or time). For a
    deadline, ``end`` is the deadline and ``start`` the opening when the text gives
    one ("open from 2 March to 14 April 2026 at 12:00": 2026-03-02 to
    2026-04-14T12:00; the opening may be a date while the deadline is timed);
    without an opening, ``start`` alone is the deadline and ``end`` is None.
    ``tz`` is the zone at the deadline.
    """

    start: date | datetime | None
    end: date | datetime | None
    tz: str | None
    approximate: bool = False
    earliest: date | None = None
    latest: date | None = None
    recurrence: str | None = None
    error: str | None = None

    @property
    def all_day(self) -> bool:
        return self.start is not None and not isinstance(self.start, datetime)

    def to_json(self) -> dict:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "tz": self.tz,
            "approximate": self.approximate,
            "earliest": _iso(self.earliest),
            "latest": _iso(self.latest),
            "recurrence": self.recurrence,
            "error": self.error,
        }


def failure(reason: str, tz: str | None = None) -> DateResult:
    return DateResult(None, None, tz, error=reason)


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()
