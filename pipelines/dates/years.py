"""Turning a candidate into real dates: missing years filled in, times applied,
impossible and placeholder dates refused."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache, cached_property

from pipelines.dates import languages as words
from pipelines.dates.candidates import Candidate
from pipelines.dates.grammar import weekdays, words_pattern
from pipelines.dates.mentions import Mention

THIS_YEAR = re.compile(rf"\s*(?:{words.THIS_YEAR})")
FUTURE_AFTER = re.compile(rf"\s*(?:{words_pattern(words.FUTURE_AFTER)})(?!\w)")
FUTURE_BEFORE = re.compile(rf"(?<!\w)(?:{words_pattern(words.FUTURE_BEFORE)})\s*$")
# A year standing alone ("Expo 2026 ... from 2 May"), not a span of years ("2021-2027").
LONE_YEAR = re.compile(
    r"(?<![\d.,])(?<!(?:19|20)\d\d[-–/])(?<!(?:19|20)\d\d\s[-–/]\s)((?:19|20)\d\d)(?!\d)"
    r"(?!\s?[-–/]\s?\d{4})"
)
LOOK_BACK = 30  # how far before a date its weekday or a word like "next" may stand
LONE_YEAR_REACH = 5  # a lone number this close to the reference's year is a year
MONTH_NAMES = calendar.month_name  # English, for error messages
RECENT_DAYS = 92  # a yearless day this long before the reference is recent, not next year's
# A reference on 1 January gives only the page's year (a page dated "2019", a
# year's archive): a yearless date falls in that year, neither before nor after.
YEAR_ONLY = (1, 1)
PLACEHOLDER_YEAR = 1900  # CMS default dates (0001-01-01, 1900-01-01) are not dates


@dataclass(slots=True)
class Settled:
    """A candidate's real dates, or the error that stops it."""

    start: date | datetime | None
    end: date | datetime | None = None
    approximate: bool = False
    earliest: date | None = None
    latest: date | None = None
    offset: str | None = None  # a UTC offset written with the time ("+0100")
    error: str | None = None


class Unreadable(ValueError):
    """A date that cannot stand (31 February, year 0001); the message says why."""


@dataclass
class Reading:
    """What a whole text says about the years of its dates, and what is wanted."""

    text: str  # lower-cased
    lang: str
    kind: str
    reference: date
    recurring: bool
    found: list[Candidate]

    @cached_property
    def written_year(self) -> int | None:
        """The year the text writes when it writes only one ("Expo 2026 ... from 2 May"),
        for its dates without one; looked for only when a date lacks its year."""
        years = {m.year for c in self.found for m in (c.first, c.last) if m is not None and m.year}
        years.update(
            int(y)
            for y in LONE_YEAR.findall(self.text)
            if abs(int(y) - self.reference.year) <= LONE_YEAR_REACH
        )
        return years.pop() if len(years) == 1 else None


def settle(candidate: Candidate, reading: Reading) -> Settled:
    first, last = candidate.first, candidate.last
    kind = reading.kind
    try:
        if first.reference_month:
            first = _in_reference_month(first, reading.reference)
        if first.week:
            return _weeks(first, reading)
        if first.part:
            window = _approximate(first, reading)
            if last is not None and window.approximate:  # a span of months: one window
                window.latest = _approximate(last, reading).latest
                window.start = _middle(window.earliest, window.latest)
            return window
        if first.first_day:  # "14-16 May 2019", "30 September - 2 October 2020"
            first_month = first.first_month or first.month
            if first.first_day > first.day and not first.first_month:  # "30 - 2 October"
                first_month = first.month - 1 or 12
            year = _year(first, reading.reference)
            head = (None if first_month > first.month else year, first_month, first.first_day)
            tail = (year, first.month, first.day)
        else:
            head = _written(first, reading.reference)
            tail = _written(last, reading.reference) if last else None
        start, end = _years(head, tail, reading, first, (last or first).finish)
    except Unreadable as why:
        return Settled(None, error=str(why))
    if end is None and candidate.days and candidate.days > 1:
        end = start + timedelta(days=candidate.days - 1)
    start_time, end_time = candidate.start_time, candidate.end_time
    if (
        kind == "deadline"
        and end is not None
        and last is None
        and start_time
        and start_time.begin >= first.finish
        and start_time.end_hour is None
    ):
        start_time, end_time = None, start_time  # "1-30 June, 12:00": the window closes at noon
    if first.hour is not None:
        start = datetime.combine(start, time(first.hour, first.minute or 0))
    elif start_time:
        start = datetime.combine(start, time(start_time.hour, start_time.minute))
        if start_time.end_hour is not None and end_time is None:
            end = datetime.combine(end or start.date(), time(start_time.end_hour, start_time.end_minute))
    if end is not None and end_time:
        end = datetime.combine(end, time(end_time.hour, end_time.minute))
    return Settled(start, end if end != start else None, offset=first.offset)


def _in_reference_month(mention: Mention, reference: date) -> Mention:
    """Days written without a month ("Día 17.") are of the month the page was written in;
    a page known only by its year gives them none."""
    if (reference.month, reference.day) == YEAR_ONLY:
        raise Unreadable("a day without its month")
    return replace(mention, month=reference.month, year=reference.year)


def _written(mention: Mention, reference: date) -> tuple:
    """A mention's (year, month, day) as written; "tomorrow" counted from the reference."""
    if mention.weekday is not None:  # the first such weekday after the reference
        day = reference + timedelta(days=(mention.weekday - reference.weekday() - 1) % 7 + 1)
        if mention.bare:  # "Saturday ... will take place", written that Saturday: that day
            day = reference + timedelta(days=(mention.weekday - reference.weekday()) % 7)
    elif mention.relative is not None:
        day = reference + timedelta(days=mention.relative)
    else:
        return _year(mention, reference), mention.month, mention.day
    return day.year, day.month, day.day


def _year(mention: Mention, reference: date) -> int | None:
    """The year as written; a two-digit one ("27/11/97") in the century nearest the reference."""
    if mention.short_year and mention.year - reference.year > 50:
        return mention.year - 100
    return mention.year


def _years(
    head: tuple, tail: tuple | None, reading: Reading, at: Mention, finish: int
) -> tuple[date, date | None]:
    (y1, m1, d1), (y2, m2, d2) = head, tail or head
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is None:
        y1 = _year_for(m1, d1, reading, at, finish)
    if y2 is None:
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    start = _day(y1, m1, d1)
    if tail is None:
        return start, None
    end = _day(y2, m2, d2)
    if end < start:
        raise Unreadable(f"range ends before it starts: {start} to {end}")
    return start, end


def _year_for(month: int, day: int, reading: Reading, at: Mention, finish: int) -> int:
    """The year a person gives a date written without one (``at`` in the text, its
    last part ending at ``finish``), reading near the reference."""
    text, reference, kind = reading.text, reading.reference, reading.kind
    if THIS_YEAR.match(text, finish):
        return reference.year
    candidates = [
        y for y in (reference.year - 1, reference.year, reference.year + 1) if _exists(y, month, day)
    ]
    if not candidates:
        raise Unreadable(f"impossible date: {day} {_month_name(month)}")
    weekday = _weekday(reading, at, finish)
    fitting = [y for y in candidates if date(y, month, day).weekday() == weekday]
    if len(fitting) == 1:  # "Thursday, 16 April" is in the one year it is a Thursday
        return fitting[0]
    if reading.written_year and kind != "published" and _exists(reading.written_year, month, day):
        return reading.written_year
    if (reference.month, reference.day) == YEAR_ONLY and _exists(reference.year, month, day):
        return reference.year
    future = FUTURE_AFTER.match(text, finish) or FUTURE_BEFORE.search(
        text[max(0, at.begin - LOOK_BACK) : at.begin]
    )
    if reading.recurring or future:
        return next((y for y in candidates if date(y, month, day) >= reference), candidates[-1])
    if kind == "published":  # a page is not published after it was read
        return max((y for y in candidates if date(y, month, day) <= reference), default=candidates[0])
    # Pages announce what is coming, or report what just was: the first such day
    # from three months before the reference.
    recent = reference - timedelta(days=RECENT_DAYS)
    return next((y for y in candidates if date(y, month, day) >= recent), candidates[-1])


def _weekday(reading: Reading, at: Mention, finish: int) -> int | None:
    """The weekday written with a date, 0 = Monday: before it ("Thursday, 16 April",
    "tirsdag 15/9") or, as Hungarian and Lithuanian write it, after it ("április 16.,
    péntek", "16 April (Friday)")."""
    weekday_at, weekday_before, weekday_after = _weekday_patterns(reading.lang)
    named = weekday_at.match(reading.text, at.begin) or weekday_before.search(
        reading.text[max(0, at.begin - LOOK_BACK) : at.begin]
    )
    if named:
        word = named.group(0).split()[0].rstrip(".,")
    else:
        after = weekday_after.match(reading.text, finish)
        if not after:
            return None
        word = after.group(1)
    return words.weekday_forms(reading.lang).get(word)


def _weeks(mention: Mention, reading: Reading) -> Settled:
    """ISO weeks: "uge 24-26" is the Monday of week 24 to the Sunday of week 26;
    "ab KW 14" the Monday of week 14 alone. A week's Thursday settles its year."""
    first_week = mention.first_week or mention.week
    year = mention.year
    if year is None:
        thursday = _week_day(reading.reference.year, first_week, 4)
        year = _year_for(thursday.month, thursday.day, reading, mention, mention.finish)
    monday = _week_day(year, first_week, 1)
    if mention.from_week:
        return Settled(monday)
    sunday = _week_day(year, mention.week, 7)
    if sunday < monday:
        raise Unreadable(f"weeks run backwards: {first_week} to {mention.week}")
    return Settled(monday, sunday)


def _week_day(year: int, week: int, weekday: int) -> date:
    try:
        return date.fromisocalendar(year, week, weekday)
    except ValueError:
        raise Unreadable(f"no week {week} in {year}") from None


@cache
def _weekday_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A weekday that starts a date ("tirsdag 15/9"), one just before it, one just after it."""
    return (
        re.compile(rf"(?:{weekdays(lang)})(?!\w)"),
        re.compile(rf"(?<!\w)({weekdays(lang)})\.?,?\s*(?:den|the|le|el|il|am|on|d\.)?\s*$"),
        re.compile(rf"[.,]?\s*\(?\s*({weekdays(lang)})(?!\w)"),
    )


def _approximate(mention: Mention, reading: Reading) -> Settled:
    """A vague date's window; one day stands for it: the window's middle."""
    part, month, year = mention.part, mention.month, mention.year
    first_day, last_day = words.PARTS.get(part, (1, 0))
    last_month = month + words.QUARTER_MONTHS - 1 if part == "quarter" else month
    if year is None:
        year = _year_for(month, first_day or 1, reading, mention, mention.finish)
    month_end = calendar.monthrange(year, last_month)[1]
    if part == "end":  # "by the end of June": June's last day, exactly
        return Settled(_day(year, month, month_end))
    if mention.first_month:  # "April - December 2027", "winter 2026"
        first_year = year - 1 if mention.first_month > month else year
        earliest = _day(first_year, mention.first_month, 1)
    else:
        earliest = _day(year, month, first_day or 1)
    latest = date(year, last_month, last_day or month_end)
    return Settled(_middle(earliest, latest), approximate=True, earliest=earliest, latest=latest)


def _middle(earliest: date, latest: date) -> date:
    """The one day that stands for a window."""
    return earliest + (latest - earliest) // 2


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
