"""Dates, deadlines and places written out in English, the same in every feed.

Month and weekday names are spelled here rather than with ``strftime`` so the
output does not depend on the machine's locale.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime

from feeds.entries import Cutoff, Entry, Moment

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_text(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def zone_text(value: datetime, zone: str | None) -> str:
    """``CEST (Europe/Oslo)``, or the bare UTC offset when the zone is unknown."""
    if zone:
        return f"{value.tzname()} ({zone})"
    offset = value.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def moment_text(m: Moment) -> str:
    if m.all_day:
        return day_text(m.value) + (f" ({m.zone} time)" if m.zone else "")
    return f"{day_text(m.value)}, {m.value:%H:%M} {zone_text(m.value, m.zone)}"


def span_text(start: Moment, end: Moment | None) -> str:
    """An event's dates: one day, a range of days, or times with their zone."""
    if end is None or end.value == start.value:
        return moment_text(start)
    if start.all_day:
        return f"{day_text(start.value)} – {moment_text(end)}"
    if end.all_day:  # "Start: 3 March 2027, 10:00", "End: 4 March 2027"
        if end.value <= start.value.date():
            return moment_text(start)
        return f"{moment_text(start)} – {day_text(end.value)}"
    same_zone_name = start.value.tzname() == end.value.tzname()
    if start.value.date() == end.value.date() and same_zone_name:
        return (
            f"{day_text(start.value)}, {start.value:%H:%M}–{end.value:%H:%M} {zone_text(end.value, end.zone)}"
        )
    start_part = f"{day_text(start.value)}, {start.value:%H:%M}"
    if not same_zone_name:
        start_part += f" {zone_text(start.value, start.zone)}"
    return f"{start_part} – {moment_text(end)}"


def rough_period(first: date, last: date) -> str:
    """``mid-September``, ``early March``, ``September`` or ``10 September – 2 October``."""
    if (first.year, first.month) != (last.year, last.month):
        return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]}"
    month = MONTHS[first.month - 1]
    if first.day == 1 and last.day == monthrange(last.year, last.month)[1]:
        return month
    middle = (first.day + last.day) // 2
    part = "early" if middle <= 10 else "mid" if middle <= 20 else "late"
    return f"{part}-{month}" if part == "mid" else f"{part} {month}"


def approximation(entry: Entry, m: Moment) -> str:
    """``approx., mid-September`` for an approximate date, else empty."""
    if not m.approximate:
        return ""
    day = m.day()
    return f"approx., {rough_period(entry.earliest or day, entry.latest or day)}"


def rough_text(entry: Entry, m: Moment, exact: str) -> str:
    """An approximate date said as such; a yearly one without its (stale) year."""
    rough = approximation(entry, m)
    if not rough:
        return exact
    if entry.recurrence == "yearly":
        return f"{rough} every year"
    return f"{rough} (about {exact})"


def cutoff_text(entry: Entry, cutoff: Cutoff) -> str:
    return rough_text(entry, cutoff.at, moment_text(cutoff.at))


def when_text(entry: Entry) -> str:
    """The event's dates or the call's deadline(s), one line."""
    if entry.kind == "call":
        if not entry.cutoffs:
            return "Deadline: not given"
        label = "Deadline" if len(entry.cutoffs) == 1 else "Deadlines"
        return f"{label}: " + "; ".join(cutoff_text(entry, c) for c in entry.cutoffs)
    if entry.start is None:
        return "Date: not given"
    return "When: " + rough_text(entry, entry.start, span_text(entry.start, entry.end))


def place_text(entry: Entry) -> str:
    """The place, ``Online``, both, or empty when unknown."""
    if entry.online and entry.location:
        # "Online (Zoom)" says it already; "Oslo" does not.
        if "online" in entry.location.lower():
            return entry.location
        return f"{entry.location} and online"
    if entry.online:
        return "Online"
    return entry.location or ""


def details(entry: Entry, *when_lines: str) -> list[str]:
    """Lines for a feed entry: status, dates (``when_text`` unless given), place,
    source, language, and a short summary."""
    place = place_text(entry)
    lines = ["CANCELLED"] if entry.cancelled else []
    if entry.gone_since:
        lines.append(f"No longer listed by its source since {day_text(entry.gone_since.date())}")
    lines += list(when_lines) or [when_text(entry)]
    lines += [f"Where: {place}"] if place else []
    lines.append(f"Source: {entry.source}")
    if entry.language:
        lines.append(f"Language: {entry.language}")
    if entry.status and not entry.cancelled:
        lines.append(f"Status: {entry.status}")
    if entry.summary:
        lines.append(short_summary(entry.summary))
    return lines


def also_text(entry: Entry) -> str:
    """``Also announced by: siva (https://…), eccp (https://…)``, or empty."""
    if not entry.also:
        return ""
    return "Also announced by: " + ", ".join(f"{link.source} ({link.url})" for link in entry.also)


def days_left_text(entry: Entry, as_of: date) -> str:
    """``3 days left`` until the next deadline as of ``as_of``; empty when none is ahead."""
    due = entry.next_deadline(as_of)
    if due is None:
        return ""
    day, cutoff = due
    days = (day - as_of).days
    about = "about " if cutoff.at.approximate else ""
    if days == 0:
        return "closes today"
    return f"{about}{days} day{'s' if days != 1 else ''} left"


def short_summary(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
