"""The two notions of time a crawl has: the wall clock that stamps rows, and
the "as of" day that decides what is upcoming, open or closed."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> str:
    """The current instant as ISO 8601 with its UTC offset, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def as_of(setting: str | date | None) -> date:
    """The CLUSTERFEEDS_AS_OF setting as a date; today when it is empty."""
    if isinstance(setting, date):
        return setting
    if not setting:
        return date.today()
    try:
        return date.fromisoformat(setting)
    except ValueError:
        raise ValueError(f"as-of date must be YYYY-MM-DD, not {setting!r}") from None
