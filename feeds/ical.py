"""iCalendar feeds: events as events, and every cut-off of every call as its own event."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event, vDuration, vRecur

from aggregator import __version__
from feeds.describe import approximation, cutoff_text, details, place_text, when_text
from feeds.entries import Cutoff, Entry, Moment

UID_DOMAIN = "clusterfeeds"
REFRESH = timedelta(hours=12)
# A timed deadline shows as a short slot starting at the cut-off.
DEADLINE_SLOT = timedelta(minutes=30)
ONE_DAY = timedelta(days=1)


def render_events_ics(entries: list[Entry], name: str) -> bytes:
    """One VEVENT per event that has a start date."""
    dated = sorted((e for e in entries if e.start), key=lambda e: (_sort_key(e.start), e.id))
    return _calendar(name, [event_component(e) for e in dated])


def render_calls_ics(entries: list[Entry], name: str) -> bytes:
    """One VEVENT per cut-off of every call."""
    cutoffs = sorted(((e, c) for e in entries for c in e.cutoffs),
                     key=lambda pair: (_sort_key(pair[1].at), pair[0].id, pair[1].index))
    return _calendar(name, [deadline_component(e, c) for e, c in cutoffs])


def event_component(entry: Entry) -> Event:
    event = _component(entry, f"{entry.id}@{UID_DOMAIN}")
    rough = approximation(entry, entry.start)
    event.add("summary", f"{entry.title} ({rough})" if rough else entry.title)
    start = _ical_value(entry.start)
    event.add("dtstart", start)
    if entry.start.all_day:
        # iCal's DTEND is exclusive, the stored end day inclusive.
        last = entry.end.value if entry.end and entry.end.all_day else entry.start.value
        event.add("dtend", max(last, entry.start.value) + ONE_DAY)
    elif entry.end and not entry.end.all_day and entry.end.value > entry.start.value:
        event.add("dtend", _ical_value(entry.end))
    event.add("description", _description(entry))
    return event


def deadline_component(entry: Entry, cutoff: Cutoff) -> Event:
    event = _component(entry, f"{entry.id}-deadline-{cutoff.index}@{UID_DOMAIN}")
    rough = approximation(entry, cutoff.at)
    event.add("summary", f"Deadline ({rough}): {entry.title}" if rough
              else f"Deadline: {entry.title}")
    start = _ical_value(cutoff.at)
    event.add("dtstart", start)
    event.add("dtend", start + (ONE_DAY if cutoff.at.all_day else DEADLINE_SLOT))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    lines = [f"Deadline: {cutoff_text(entry, cutoff)}"]
    if cutoff.text:
        lines.append(f"As written: {cutoff.text}")
    if len(entry.cutoffs) > 1:
        lines.append(when_text(entry))
    event.add("description", _description(entry, *lines))
    return event


def _component(entry: Entry, uid: str) -> Event:
    """The properties an event and a deadline share."""
    event = Event()
    event.add("uid", uid)
    updated = entry.updated.astimezone(timezone.utc)
    event.add("dtstamp", updated)
    event.add("last-modified", updated)
    event.add("url", entry.url)
    if place_text(entry):
        event.add("location", place_text(entry))
    if entry.cancelled:
        event.add("status", "CANCELLED")
    if entry.recurrence == "yearly":
        event.add("rrule", vRecur(freq="YEARLY"))
    if entry.tags:
        event.add("categories", list(entry.tags))
    return event


def _description(entry: Entry, *when_lines: str) -> str:
    return "\n".join([*details(entry, *when_lines), entry.url])


def _calendar(name: str, events: list[Event]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//clusterfeeds//clusterfeeds {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _ical_value(m: Moment) -> date | datetime:
    """A day as a DATE; an instant in its IANA zone (TZID), else in UTC."""
    if m.all_day or m.zone:
        return m.value
    return m.value.astimezone(timezone.utc)


def _sort_key(m: Moment) -> datetime:
    if m.all_day:
        return datetime.combine(m.value, datetime.min.time(), timezone.utc)
    return m.value
