"""VTIMEZONE components from tzdata that every calendar client reads the same.

Each kind of change (to summer time, back to standard time) is one observance
with a yearly RRULE, as the zone's own rules say it, starting at the first
change of the covered years; a change that follows no yearly rule is an
observance of its own. ical.js (Thunderbird) and vobject read only the first
value of a multi-valued RDATE, so none is written. DTSTART is the local time
on the clock before the change (02:00 for the EU's spring change at 01:00
UTC), as RFC 5545 defines it. The rules that still hold at the end of the
covered years are left open, as tzdata continues them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# Offsets are sampled this often and each change found to the second between samples:
# tzdata has no zone changing twice within six hours.
SAMPLE = timedelta(hours=6)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Change:
    """A change of a zone's offset, summer time or name, at ``at`` (UTC)."""

    at: datetime
    offset_before: timedelta
    offset_after: timedelta
    dst: bool
    name: str

    @property
    def local(self) -> datetime:
        """The change on the clock before it, as DTSTART and RRULE count it."""
        return (self.at + self.offset_before).replace(tzinfo=None)

    @property
    def kind(self) -> tuple:
        return (self.dst, self.offset_before, self.offset_after, self.name)


def vtimezone(tzid: str, first: date, last: date) -> Timezone:
    """The zone's VTIMEZONE, right for every instant from ``first`` to ``last``."""
    zone = ZoneInfo(tzid)
    start, end = (datetime.combine(day, time.min, UTC) for day in (first, last))
    component = Timezone()
    component.add("tzid", tzid)
    offset, dst, name = _state(zone, start)
    # What holds from the start of the covered years to the first change.
    component.add_component(_observance(dst, start + offset, offset, offset, name))
    for run in _yearly_runs(zone_changes(zone, start, end)):
        component.add_component(_run_observance(run, end))
    return component


def zone_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[Change]:
    """Every change of the zone between ``start`` and ``end``, in order, to the second."""
    changes = []
    at, state = start, _state(zone, start)
    while at < end:
        following = min(at + SAMPLE, end)
        if _state(zone, following) != state:
            # In whole seconds, as tzdata's changes are: the old state at ``low``, a new one at ``high``.
            low, high = int(at.timestamp()), int(following.timestamp())
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (low, middle) if _state(zone, _utc(middle)) != state else (middle, high)
            after = _state(zone, _utc(high))
            changes.append(Change(_utc(high), state[0], *after))
            state = after
        at = following
    return changes


def _utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _state(zone: ZoneInfo, at: datetime) -> tuple[timedelta, bool, str]:
    local = at.astimezone(zone)
    return local.utcoffset(), bool(local.dst()), local.tzname()


def _yearly_runs(changes: list[Change]) -> list[list[Change]]:
    """The changes in runs of one kind, one a year, that one yearly rule gives."""
    runs: list[list[Change]] = []
    latest: dict[tuple, list[Change]] = {}
    for change in changes:
        run = latest.get(change.kind)
        if run and change.local.year == run[-1].local.year + 1 and _rules(run + [change]):
            run.append(change)
        else:
            latest[change.kind] = run = [change]
            runs.append(run)
    return runs


def _rules(run: list[Change]) -> list[str]:
    """The yearly rules that give every change of the run, the likeliest first."""
    if len({change.local.time() for change in run}) != 1:
        return []
    common = _candidates(run[0].local)
    for change in run[1:]:
        common = [rule for rule in common if rule in _candidates(change.local)]
    return common


def _candidates(local: datetime) -> list[str]:
    """The rules a change on this day could follow: last, or nth, weekday of
    its month (tzdata's "lastSun", "Sun>=8"), or the same day of the month."""
    month, day, weekday = local.month, local.day, DAYS[local.weekday()]
    rules = []
    if day + 7 > calendar.monthrange(local.year, month)[1]:
        rules.append(f"BYMONTH={month};BYDAY=-1{weekday}")
    if day <= 28:
        rules.append(f"BYMONTH={month};BYDAY={(day - 1) // 7 + 1}{weekday}")
    rules.append(f"BYMONTH={month};BYMONTHDAY={day}")
    return rules


def _run_observance(run: list[Change], end: datetime):
    first, latest = run[0], run[-1]
    observance = _observance(first.dst, first.local, first.offset_before, first.offset_after, first.name)
    if rules := (_rules(run) if len(run) > 1 else []):
        rule = vRecur.from_ical(f"FREQ=YEARLY;{rules[0]}")
        # A rule still in force in the last covered year goes on, as tzdata's does.
        if latest.at < end - timedelta(days=366):
            # A day after the last change (in UTC, as RFC 5545 wants it): icalendar
            # compares UNTIL with local times, and the next would come a year later.
            rule["UNTIL"] = latest.at + timedelta(days=1)
        observance.add("rrule", rule)
    return observance


def _observance(dst: bool, starts: datetime, offset_from: timedelta, offset_to: timedelta, name: str):
    observance = TimezoneDaylight() if dst else TimezoneStandard()
    observance.add("dtstart", starts.replace(tzinfo=None))
    observance.add("tzoffsetfrom", offset_from)
    observance.add("tzoffsetto", offset_to)
    observance.add("tzname", name)
    return observance
