"""Where three calendar clients' parsers place each timed event of a calendar,
reading its own VTIMEZONEs, and where tzdata does: {uid: (start, end)} in
seconds since the epoch.

ical.js is Thunderbird's parser (Node, tests/feeds/node_packages.py).
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import vobject
from icalendar import Calendar
from node_packages import install_icaljs

INSTANTS_SCRIPT = Path(__file__).with_name("ical_instants.mjs")

Instants = dict[str, tuple[float, float]]


def by_icaljs(paths: list[Path]) -> dict[Path, Instants]:
    out = subprocess.run(
        ["node", str(INSTANTS_SCRIPT), str(install_icaljs()), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return {
        Path(file): {uid: tuple(pair) for uid, pair in events.items()}
        for file, events in json.loads(out.stdout).items()
    }


def by_icalendar(path: Path) -> Instants:
    """icalendar's reading of the calendar's own VTIMEZONEs (not its zoneinfo)."""
    calendar = Calendar.from_ical(path.read_bytes())
    zones = {str(tz["tzid"]): tz.to_tz(lookup_tzid=False) for tz in calendar.walk("VTIMEZONE")}

    def instant(value: datetime, tzid: str | None) -> float:
        return (value.replace(tzinfo=zones[tzid]) if tzid else value).timestamp()

    return {
        str(event["uid"]): tuple(
            instant(event[name].dt.replace(tzinfo=None), event[name].params.get("TZID"))
            if event[name].params.get("TZID")
            else event[name].dt.timestamp()
            for name in ("dtstart", "dtend")
        )
        for event in _timed(calendar)
    }


def by_vobject(path: Path) -> Instants:
    """vobject's reading, as a client new to these zones: vobject keeps the first
    VTIMEZONE it read for a TZID for the rest of the process, so it forgets the
    others while it reads the calendar."""
    registry = vars(vobject.icalendar)["__tzidMap"]
    known = dict(registry)
    registry.clear()
    registry["UTC"] = known["UTC"]
    try:
        calendar = vobject.readOne(path.read_text())
        return {
            event.uid.value: (event.dtstart.value.timestamp(), event.dtend.value.timestamp())
            for event in calendar.contents.get("vevent", [])
            if isinstance(event.dtstart.value, datetime)
        }
    finally:
        registry.clear()
        registry.update(known)


def by_tzdata(path: Path) -> Instants:
    """The calendar's local times placed by tzdata (zoneinfo), the first of a time
    shown twice as RFC 5545 says."""
    calendar = Calendar.from_ical(path.read_bytes())

    def instant(prop) -> float:
        tzid = prop.params.get("TZID")
        return (prop.dt.replace(tzinfo=ZoneInfo(tzid), fold=0) if tzid else prop.dt).timestamp()

    return {
        str(event["uid"]): (instant(event["dtstart"]), instant(event["dtend"])) for event in _timed(calendar)
    }


def _timed(calendar: Calendar):
    return [event for event in calendar.walk("VEVENT") if isinstance(event["dtstart"].dt, datetime)]
