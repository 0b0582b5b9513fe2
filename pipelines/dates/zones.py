"""Time zones named in a text ("CEST", "Brussels time", "(Paris time)") as IANA zones."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipelines.dates.grammar import trie

# A fixed offset in hours, and the zone to use when the source's own zone disagrees.
ABBREVIATIONS = {
    "CET": (1, "Europe/Brussels"),
    "CEST": (2, "Europe/Brussels"),
    "EET": (2, "Europe/Helsinki"),
    "EEST": (3, "Europe/Helsinki"),
    "WET": (0, "Europe/Lisbon"),
    "WEST": (1, "Europe/Lisbon"),
    "BST": (1, "Europe/London"),
    "MEZ": (1, "Europe/Berlin"),
    "MESZ": (2, "Europe/Berlin"),  # German names of CET/CEST
    "OEZ": (2, "Europe/Helsinki"),
    "OESZ": (3, "Europe/Helsinki"),
}
# GMT and UTC are fixed offsets whatever the source's zone.
FIXED = {"GMT": "Etc/GMT", "UTC": "UTC", "Z": "UTC"}

CITIES = {
    "brussels": "Europe/Brussels",
    "bruxelles": "Europe/Brussels",
    "brüssel": "Europe/Brussels",
    "brüsseler": "Europe/Brussels",
    "briuselio": "Europe/Brussels",
    "brukselskiego": "Europe/Brussels",
    "bruxelles-ului": "Europe/Brussels",
    "brussel": "Europe/Brussels",
    "bruselas": "Europe/Brussels",
    "bruxelas": "Europe/Brussels",
    "bruxelles,": "Europe/Brussels",
    "briseles": "Europe/Brussels",
    "bruselu": "Europe/Brussels",
    "bruselského": "Europe/Brussels",
    "bryssel": "Europe/Brussels",
    "paris": "Europe/Paris",
    "luxembourg": "Europe/Luxembourg",
    "berlin": "Europe/Berlin",
    "oslo": "Europe/Oslo",
    "norwegian": "Europe/Oslo",
    "norsk": "Europe/Oslo",
    "warsaw": "Europe/Warsaw",
    "polish": "Europe/Warsaw",
    "polskiego": "Europe/Warsaw",
    "vilnius": "Europe/Vilnius",
    "lithuanian": "Europe/Vilnius",
    "lietuvos": "Europe/Vilnius",
    "bucharest": "Europe/Bucharest",
    "româniei": "Europe/Bucharest",
    "bucureștiului": "Europe/Bucharest",
    "romanian": "Europe/Bucharest",
    "london": "Europe/London",
    "uk": "Europe/London",
    "madrid": "Europe/Madrid",
    "rome": "Europe/Rome",
    "prague": "Europe/Prague",
    "vienna": "Europe/Vienna",
    "copenhagen": "Europe/Copenhagen",
    "stockholm": "Europe/Stockholm",
    "helsinki": "Europe/Helsinki",
    "tallinn": "Europe/Tallinn",
    "riga": "Europe/Riga",
    "sofia": "Europe/Sofia",
    "budapest": "Europe/Budapest",
    "amsterdam": "Europe/Amsterdam",
    "lisbon": "Europe/Lisbon",
    "bratislava": "Europe/Bratislava",
}
_CITY = trie(list(CITIES))
# Run on lower-cased text; a city counts only beside a word for "time".
CITY_RE = re.compile(
    rf"\b(?:({_CITY})\s+(?:(?:local\s+)?time|laiku|tid|zeit|laika|tijd|aikaa)"
    rf"|(?:heure\s+de|czasu|ora(?:\s+di)?|hora\s+de|času)\s+({_CITY}))\b"
)
TIME_WORDS = re.compile("time|heure|czasu|ora |laiku|tid|zeit|hora|laika|času|tijd|aikaa")
# Its word start is checked by hand (_abbreviation): a lookbehind tried at every
# character costs four times the search.
ABBREVIATION_RE = re.compile(r"(CEST|CET|EEST|EET|WEST|WET|BST|GMT|UTC|MESZ|MEZ|OESZ|OEZ)(?!\w)")
# An IANA name as calendars write it beside a time: "2027-03-04T09:00:00 Europe/Prague".
IANA_RE = re.compile(
    r"(?<![\w/])((?:Europe|America|Asia|Africa|Atlantic|Australia|Pacific|Indian|Etc)"
    r"/[A-Za-z_]+(?:/[A-Za-z_]+)?)(?![\w/])"
)
# An RFC 822 offset after a time, as feeds write it: "14:00:37 +0000". Four digits and
# a space before, so that a range such as "10:00-12:30" is never read as one.
RFC822_OFFSET_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+([+-]\d{4})(?!\d)")


def zone_in(text: str, lowered: str, default: str | None, when: datetime | None) -> str | None:
    """The IANA zone ``text`` (and its lower-cased copy) names, or None. An IANA name or
    a numeric offset beats a city, a city beats an abbreviation; an abbreviation or offset
    that agrees with the source's zone on that day keeps the source's zone."""
    named = IANA_RE.search(text) if "/" in text else None
    if named and _is_zone(named.group(1)):
        return named.group(1)
    offset = RFC822_OFFSET_RE.search(text) if ":" in text else None
    if offset and when:
        return offset_zone(offset.group(1), default, when)
    city = CITY_RE.search(lowered) if TIME_WORDS.search(lowered) else None
    if city:
        return CITIES[next(g for g in city.groups() if g)]
    name = _abbreviation(text)
    if not name:
        return None
    if name in FIXED:
        return FIXED[name]
    hours, fallback = ABBREVIATIONS[name]
    if default and when and _offset_hours(default, when) == hours:
        return default
    return fallback


def _abbreviation(text: str) -> str | None:
    """The first zone abbreviation that starts a word in ``text``."""
    for found in ABBREVIATION_RE.finditer(text):
        before = text[found.start() - 1] if found.start() else " "
        if not (before.isalnum() or before == "_"):
            return found.group(1)
    return None


def offset_zone(offset: str, default: str | None, when: datetime) -> str | None:
    """The zone of an ISO 8601 UTC offset ("+0100", "Z"): the source's zone when it has
    that offset on that day, else a fixed-offset zone; None for offsets of part hours."""
    if offset in ("Z", "z"):
        hours, minutes = 0, 0
    else:
        hours = int(offset[1:3]) * (1 if offset[0] == "+" else -1)
        minutes = int(offset[-2:])
    if minutes:
        return None
    if default and _offset_hours(default, when) == hours:
        return default
    # POSIX-style Etc zones have their sign reversed.
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


@lru_cache(maxsize=256)
def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@lru_cache(maxsize=4096)
def _offset_hours(zone: str, when: datetime) -> float | None:
    try:
        offset = when.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return offset / timedelta(hours=1) if offset is not None else None
