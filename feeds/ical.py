"""iCalendar feeds: events as events, and every cut-off of every call as its own
event with reminders.

Each VEVENT and VTIMEZONE is serialised once per publish and the calendars
(everything, a country, a source, a topic) are assembled from those bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from icalendar import Alarm, Calendar, Component, Event, vDuration, vRecur

from core import __version__
from feeds.describe import also_text, approximation, cutoff_text, details, place_text, when_text
from feeds.entries import Cutoff, Entry, Moment, microseconds, web_url
from feeds.vtimezone import vtimezone

UID_DOMAIN = "clusterfeeds"
REFRESH = timedelta(hours=12)
# A timed deadline shows as a short slot starting at the cut-off.
DEADLINE_SLOT = timedelta(minutes=30)
ONE_DAY = timedelta(days=1)
REMINDERS = (timedelta(days=7), timedelta(days=1))
# A timed event whose page gives no end: long enough to show in a day view.
UNSTATED_LENGTH = timedelta(hours=1)
NO_END = "End: not given; shown as one hour."
BEGIN = b"BEGIN:VCALENDAR\r\n"
END = b"END:VCALENDAR\r\n"


class Vevent(NamedTuple):
    """A serialised VEVENT: its place in a calendar (instant in microseconds, entry
    id, cut-off index or -1), the source it is shown from, the zones it names."""

    order: tuple[int, str, int]
    source: str
    data: bytes
    zones: set[str]


class Calendars:
    """Renders the calendars of one publish as of ``as_of``; ``zone_span`` is the
    first and last day the VTIMEZONE rules must cover."""

    def __init__(self, zone_span: tuple[date, date] | None, as_of: date, made=None):
        """``made`` (a mapping) keeps the VEVENTs for the whole publish: a dict
        unless the publish keeps them on disk (feeds.spool). ``zone_span`` may be
        set later, before the first VTIMEZONE."""
        self.zone_span, self.as_of = zone_span, as_of
        self._events = {} if made is None else made
        self._zones: dict[str, bytes] = {}
        self._checked: set[str] = set()
        self._around_name: tuple[bytes, bytes] | None = None  # the head's lines before and after

    def events(self, entries: list[Entry], name: str) -> bytes:
        """One VEVENT per event that has a start, by date."""
        return self._calendar(name, [vevent for e in entries if e.start for vevent in self.vevents(e)])

    def deadlines(self, entries: list[Entry], name: str) -> bytes:
        """One VEVENT per cut-off of every call, by date."""
        return self._calendar(name, [vevent for e in entries for vevent in self.vevents(e)])

    def vevents(self, entry: Entry) -> list[Vevent]:
        """The entry's VEVENTs (an event's one, a call's one per cut-off, in calendar
        order), each made once per publish and source shown from: a source's own
        calendar shows its own page."""
        if entry.kind == "event":
            made = [(None, entry.start)] if entry.start else []
        else:
            made = [(c, c.at) for c in entry.cutoffs]
        vevents = []
        for cutoff, at in made:
            key = (entry.id, cutoff.index if cutoff else -1, entry.source)
            found = self._events.get(key)
            if found is None:
                component = (
                    deadline_component(entry, cutoff, self.as_of) if cutoff else event_component(entry)
                )
                zones = {m.zone for m in _moments(entry, cutoff) if m and not m.all_day and m.zone}
                found = self._events[key] = (serialised(component), zones)
            vevents.append(Vevent((microseconds(_sort_key(at)), *key[:2]), key[2], *found))
        return sorted(vevents)

    def render_alone(self, entry: Entry) -> None:
        """Make the entry's VEVENTs and their VTIMEZONEs, kept for every calendar
        that shows it: what iCal cannot carry shows here rather than half-way
        through a calendar (before the zone span is known, over the year of the
        publish: what fails there fails in any years)."""
        for vevent in self.vevents(entry):
            for zone in vevent.zones:
                if self.zone_span:
                    self._zone(zone)
                elif zone not in self._checked:
                    vtimezone(zone, date(self.as_of.year, 1, 1), date(self.as_of.year + 1, 1, 1))
                    self._checked.add(zone)

    def calendar(self, name: str, zones: Iterable[str], events: Iterable[bytes]) -> Iterator[bytes]:
        """A calendar's bytes, a part at a time: the VTIMEZONEs of ``zones``, then
        ``events`` (serialised VEVENTs, in order)."""
        yield self._head(name)
        for zone in sorted(zones):
            yield self._zone(zone)
        yield from events
        yield END

    def _calendar(self, name: str, events: list[Vevent]) -> bytes:
        events.sort()
        zones = set().union(*(vevent.zones for vevent in events))
        return b"".join(self.calendar(name, zones, (vevent.data for vevent in events)))

    def _head(self, name: str) -> bytes:
        """The calendar's properties: the same but for its name, so only the name's
        lines are serialised for each (a calendar of its own for every entry)."""
        named = Calendar()
        named.calendar_name = name
        lines = serialised(named)[len(BEGIN) : -len(END)]
        if self._around_name is None:
            head = serialised(_calendar_head(name))
            assert head.endswith(END) and head.count(lines) == 1
            self._around_name = tuple(head[: -len(END)].split(lines))
        before, after = self._around_name
        return before + lines + after

    def _zone(self, tzid: str) -> bytes:
        if tzid not in self._zones:
            first, last = self.zone_span
            self._zones[tzid] = serialised(vtimezone(tzid, first, last))
        return self._zones[tzid]


def _calendar_head(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//clusterfeeds//clusterfeeds {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    return calendar


def serialised(component: Component) -> bytes:
    """``component.to_ical()``, byte for byte, with lines folded a slice at a time:
    icalendar folds character by character, half the cost of every calendar."""
    return b"".join(folded(line) + b"\r\n" for line in component.content_lines() if line)


def folded(line: str, limit: int = 75) -> bytes:
    """RFC 5545 folding as icalendar does it: a new line before the character that
    would reach ``limit`` octets, never right after a backslash or caret that
    escapes the next character."""
    data = line.encode()
    parts, start = [], 0
    while len(data) - start >= limit:
        end = start + limit - 1
        while data[end] & 0xC0 == 0x80:  # inside a character's UTF-8 bytes
            end -= 1
        if data[end - 1 : end] in (b"\\", b"^"):
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def event_component(entry: Entry) -> Event:
    last_day = (entry.end or entry.start).day()
    event = _component(entry, f"{entry.id}@{UID_DOMAIN}", entry.withdrawn_before(last_day))
    rough = approximation(entry, entry.start)
    title = f"{entry.title} ({rough})" if rough else entry.title
    event.add("summary", _cancelled(title) if "status" in event else title)
    event.add("dtstart", _ical_value(entry.start))
    end, guessed = _event_end(entry)
    event.add("dtend", _ical_value(end))
    event.add("description", _description(entry, *([when_text(entry), NO_END] if guessed else [])))
    return event


def _event_end(entry: Entry) -> tuple[Moment, bool]:
    """DTEND, in DTSTART's form (iCal's is exclusive, a stored end day inclusive),
    and whether it is a guess: a timed event whose page gives no later end lasts
    ``UNSTATED_LENGTH``, as RFC 5545 would otherwise make it last no time at all."""
    start, end = entry.start, entry.end
    if start.all_day:
        last = end.day() if end else start.value
        return replace(start, value=max(last, start.value) + ONE_DAY), False
    if end and end.all_day and end.value > start.value.date():  # until the end day is over
        return replace(
            start, value=datetime.combine(end.value + ONE_DAY, time.min, start.value.tzinfo)
        ), False
    if end and not end.all_day and end.value > start.value:
        return end, False
    return _later(start, UNSTATED_LENGTH), True


def deadline_component(entry: Entry, cutoff: Cutoff, as_of: date) -> Event:
    withdrawn = entry.withdrawn_before(cutoff.at.day())
    event = _component(entry, f"{entry.id}-deadline-{cutoff.index}@{UID_DOMAIN}", withdrawn)
    rough = approximation(entry, cutoff.at)
    title = f"Deadline ({rough}): {entry.title}" if rough else f"Deadline: {entry.title}"
    event.add("summary", _cancelled(title) if withdrawn else title)
    event.add("dtstart", _ical_value(cutoff.at))
    if cutoff.at.all_day:
        event.add("dtend", cutoff.at.value + ONE_DAY)
    else:
        event.add("dtend", _ical_value(_later(cutoff.at, DEADLINE_SLOT)))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    lines = [f"Deadline: {cutoff_text(entry, cutoff)}"]
    if cutoff.text:
        lines.append(f"As written: {cutoff.text}")
    if len(entry.cutoffs) > 1:
        lines.append(when_text(entry))
    event.add("description", _description(entry, *lines))
    # A reminder whose day has passed by the publish would only raise "missed reminder"
    # dialogs; a yearly deadline's come round again.
    for before in () if withdrawn else REMINDERS:
        if entry.recurrence == "yearly" or cutoff.at.day() - before >= as_of:
            event.add_component(_reminder(title, before))
    return event


def _component(entry: Entry, uid: str, withdrawn: bool) -> Event:
    """The properties an event and a deadline share."""
    event = Event()
    event.add("uid", uid)
    event.add("sequence", entry.sequence)
    updated = entry.updated.astimezone(UTC)
    event.add("dtstamp", updated)
    event.add("last-modified", updated)
    if web_url(entry.url):
        event.add("url", entry.url)
    if place_text(entry):
        event.add("location", place_text(entry))
    if withdrawn:
        event.add("status", "CANCELLED")
    if entry.recurrence == "yearly":
        event.add("rrule", vRecur(freq="YEARLY"))
    if categories := entry.categories:
        event.add("categories", list(categories))
    return event


def _reminder(title: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    days = before.days
    alarm.add("description", f"{title} in {days} day{'s' if days != 1 else ''}")
    alarm.add("trigger", -before)
    return alarm


def _cancelled(title: str) -> str:
    return f"Cancelled: {title}"


def _description(entry: Entry, *when_lines: str) -> str:
    also = also_text(entry)
    url = web_url(entry.url)
    return "\n".join([*details(entry, *when_lines), *([also] if also else []), *([url] if url else [])])


def _moments(entry: Entry, cutoff: Cutoff | None = None) -> list[Moment | None]:
    return [cutoff.at] if cutoff else [entry.start, entry.end]


def _ical_value(m: Moment) -> date | datetime:
    """A day as a DATE; an instant in its IANA zone (TZID), else in UTC. A time the
    clocks show twice (the night they go back) is in UTC too: with a TZID, RFC 5545
    makes it the first, ical.js the second."""
    if m.all_day or (m.zone and not _shown_twice(m.value)):
        return m.value
    return m.value.astimezone(UTC)


def _shown_twice(local: datetime) -> bool:
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def _later(m: Moment, length: timedelta) -> Moment:
    """The instant ``length`` after a timed moment, in its zone (counted in UTC:
    local clocks jump)."""
    return replace(m, value=(m.value.astimezone(UTC) + length).astimezone(m.value.tzinfo))


def _sort_key(m: Moment) -> datetime:
    if m.all_day:
        return datetime.combine(m.value, datetime.min.time(), UTC)
    return m.value
