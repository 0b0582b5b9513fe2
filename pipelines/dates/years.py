"""Turning a candidate into real dates: missing years filled in, times applied,
impossible and placeholder dates refused."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pipelines.dates import languages as words
from pipelines.dates.candidates import Candidate
from pipelines.dates.mentions import Mention

THIS_YEAR = re.compile(rf"\s*(?:{words.THIS_YEAR})")
MONTH_NAMES = calendar.month_name  # English, for error messages
RECENT_DAYS = 92  # a yearless day this long before the reference is recent, not next year's
PLACEHOLDER_YEAR = 1900  # CMS default dates (0001-01-01, 1900-01-01) are not dates


@dataclass(slots=True)
class Settled:
    """A candidate's real dates, or the error that stops it."""

    start: date | datetime | None
    end: date | datetime | None = None
    approximate: bool = False
    earliest: date | None = None
    latest: date | None = None
    offset: str | None = None     # a UTC offset written with the time ("+0100")
    error: str | None = None


class Unreadable(ValueError):
    """A date that cannot stand (31 February, year 0001); the message says why."""


def settle(candidate: Candidate, text: str, kind: str, reference: date,
           recurring: bool) -> Settled:
    first, last = candidate.first, candidate.last
    try:
        if first.part:
            window = _approximate(first, text, kind, reference, recurring)
            if last is not None:  # a span of months
                window.latest = _approximate(last, text, kind, reference, recurring).latest
            return window
        if first.first_day:  # "14-16 May 2019", "30 September - 2 October 2020"
            first_month = first.first_month or first.month
            if first.first_day > first.day and not first.first_month:  # "30 - 2 October"
                first_month = first.month - 1 or 12
            head = (None if first_month > first.month else first.year, first_month, first.first_day)
            tail = (first.year, first.month, first.day)
        else:
            head = (first.year, first.month, first.day)
            tail = (last.year, last.month, last.day) if last else None
        this_year = bool(THIS_YEAR.match(text, (last or first).finish))
        start, end = _years(head, tail, kind, reference, recurring, this_year)
    except Unreadable as why:
        return Settled(None, error=str(why))
    start_time, end_time = candidate.start_time, candidate.end_time
    if (kind == "deadline" and end is not None and last is None and start_time
            and start_time.begin >= first.finish and start_time.end_hour is None):
        start_time, end_time = None, start_time  # "1-30 June, 12:00": the window closes at noon
    if first.hour is not None:
        start = datetime.combine(start, time(first.hour, first.minute or 0))
    elif start_time:
        start = datetime.combine(start, time(start_time.hour, start_time.minute))
        if start_time.end_hour is not None and end_time is None:
            end = datetime.combine(end or start.date(),
                                   time(start_time.end_hour, start_time.end_minute))
    if end is not None and end_time:
        end = datetime.combine(end, time(end_time.hour, end_time.minute))
    return Settled(start, end if end != start else None, offset=first.offset)


def _years(head: tuple, tail: tuple | None, kind: str, reference: date, recurring: bool,
           this_year: bool) -> tuple[date, date | None]:
    (y1, m1, d1), (y2, m2, d2) = head, tail or head
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is None:
        y1 = _year_for(m1, d1, kind, reference, recurring, this_year)
    if y2 is None:
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    start = _day(y1, m1, d1)
    if tail is None:
        return start, None
    end = _day(y2, m2, d2)
    if end < start:
        raise Unreadable(f"range ends before it starts: {start} to {end}")
    return start, end


def _year_for(month: int, day: int, kind: str, reference: date, recurring: bool,
              this_year: bool) -> int:
    """The year a person gives a date written without one, reading near ``reference``."""
    if this_year:
        return reference.year
    candidates = [y for y in (reference.year - 1, reference.year, reference.year + 1)
                  if _exists(y, month, day)]
    if not candidates:
        raise Unreadable(f"impossible date: {day} {_month_name(month)}")
    if recurring:
        return next((y for y in candidates if date(y, month, day) >= reference), candidates[-1])
    if kind == "published":  # a page is not published after it was read
        return max((y for y in candidates if date(y, month, day) <= reference), default=candidates[0])
    # Pages announce what is coming, or report what just was: the first such day
    # from three months before the reference.
    recent = reference - timedelta(days=RECENT_DAYS)
    return next((y for y in candidates if date(y, month, day) >= recent), candidates[-1])


def _approximate(mention: Mention, text: str, kind: str, reference: date,
                 recurring: bool) -> Settled:
    part, month, year = mention.part, mention.month, mention.year
    first_day, last_day, typical = words.PARTS.get(part, (1, 0, 0))
    last_month = month + words.QUARTER_MONTHS - 1 if part == "quarter" else month
    if year is None:
        year = _year_for(month, typical or first_day or 1, kind, reference, recurring,
                         bool(THIS_YEAR.match(text, mention.finish)))
    month_end = calendar.monthrange(year, last_month)[1]
    if part == "end":  # "by the end of June": June's last day, exactly
        return Settled(_day(year, month, month_end))
    if mention.first_month:  # "April - December 2027"
        first_year = year - 1 if mention.first_month > month else year
        earliest = _day(first_year, mention.first_month, 1)
        return Settled(earliest, approximate=True, earliest=earliest,
                       latest=date(year, month, month_end))
    earliest = _day(year, month, first_day or 1)
    latest = date(year, last_month, last_day or month_end)
    return Settled(date(year, month, typical or earliest.day), approximate=True,
                   earliest=earliest, latest=latest)


def _day(year: int, month: int, day: int) -> date:
    if year <= PLACEHOLDER_YEAR or (year, month, day) == (1970, 1, 1):
        raise Unreadable(f"placeholder date {year:04d}-{month:02d}-{day:02d}")
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(f"impossible date: {day} {_month_name(month)} {year}") from None


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month_name(month: int) -> str:
    return MONTH_NAMES[month] if 1 <= month <= 12 else f"month {month}"
