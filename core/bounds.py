"""What a stored value may hold, whatever a page says: characters every feed
format can carry, and dates in a sane range. The pipelines refuse the rest when
an item is stored; the publisher checks again, for rows stored before."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import MAXYEAR, date

# C0 controls but tab, LF and CR; DEL and C1; lone surrogates; U+FFFE, U+FFFF.
# XML 1.0 (so lxml, RSS and Atom) refuses most of them, and none is text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
EARLIEST_DAY = date(1990, 1, 1)
YEARS_AHEAD = 10


def controls_in(text: str) -> list[str]:
    """The control characters of ``text``, each once, as ``U+001B``."""
    return sorted({f"U+{ord(c):04X}" for c in _CONTROLS.findall(text)})


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def latest_day(as_of: date) -> date:
    """The last day a page can mean: ``YEARS_AHEAD`` years after ``as_of``."""
    year = min(as_of.year + YEARS_AHEAD, MAXYEAR)
    return as_of.replace(year=year, day=min(as_of.day, monthrange(year, as_of.month)[1]))


def out_of_range(day: date, as_of: date) -> str | None:
    """Why ``day`` cannot be a real date of an event or a call, or None when it can."""
    if day < EARLIEST_DAY:
        return f"{day.isoformat()} is before {EARLIEST_DAY.isoformat()}"
    if day > latest_day(as_of):
        return f"{day.isoformat()} is more than {YEARS_AHEAD} years after {as_of.isoformat()}"
    return None
