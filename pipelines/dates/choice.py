"""Choosing the one candidate of the wanted kind, as a careful reader does when a
text gives several dates: labels bind to their own date, a moved deadline gives
the new one; an aside in brackets, another document's date and a news dateline
are not the date wanted."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from pipelines.dates import languages as words
from pipelines.dates.candidates import Candidate
from pipelines.dates.grammar import words_pattern
from pipelines.dates.years import Settled

# Labels in the order a kind takes them; any other label comes last. "updated"
# stands in for a publication date only when the page gives no other; a date
# named only as a date ("Data:") is an event's, or the page's own; a term ("Termin:")
# is a call's deadline and an event's date.
TIERS = {
    "event": ({"event", "date", "term"}, {None, "end"}),
    "deadline": ({"deadline", "term"}, {None, "end", "registration"}),
    "published": ({"published"}, {None, "date"}, {"updated"}),
}
EXTENSION = re.compile(rf"(?<!\w)(?:{words_pattern(words.EXTENSION)})")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d])")
# A text that opens with its date, after at most a place: "Vilnius, 9 October (ELTA). ..."
DATELINE_PLACE = re.compile(r"(?:[^\W\d]+(?:[ -][^\W\d]+)?,\s*)?")


def choose(text: str, kind: str, valid: list[tuple[Candidate, Settled]]) -> Settled | str:
    """The one candidate of the wanted kind, or why there is none."""
    valid = [(c, s) for c, s in valid if not c.superseded and not c.cited] or valid
    # "today, 15 March": a day named from the reference gives way to a written date
    valid = [(c, s) for c, s in valid if not c.first.from_reference or c.last] or valid
    if kind == "deadline":
        # a deadline is a day: "opens early 2024 ... runs to the end of February"
        valid = [(c, s) for c, s in valid if not s.approximate] or valid
        extension = EXTENSION.search(text)
        if extension:
            later = [s for c, s in valid if c.begin >= extension.end()]
            if later:
                moved = later[-1]  # "extended from 15 May to 31 May": the old deadline, then the new
                return replace(moved, start=moved.end, end=None) if moved.end else moved
    if len(valid) == 1:
        return valid[0][1]
    wanted = TIERS[kind][0]
    valid = [(c, s) for c, s in valid if not c.aside or c.label in wanted] or valid
    if kind != "published":
        valid = [(c, s) for c, s in valid if not _news_dateline(text, c)] or valid
    tiers = [[(c, s) for c, s in valid if c.label in labels] for labels in TIERS[kind]]
    tier = next((t for t in tiers if t), valid)
    distinct = {(s.start, s.end) for _, s in tier}
    if len(distinct) == 1:
        return tier[0][1]
    first = _field_value(text, tier, wanted)
    if first:
        return first
    restated = _restated([s for _, s in tier])
    if restated:
        return restated
    one_day = _one_day(kind, [s for _, s in tier])
    if one_day:
        return one_day
    if kind == "published" and DATELINE_PLACE.fullmatch(text, 0, tier[0][0].begin):
        return tier[0][1]  # a page's date stands at its top
    return f"ambiguous: {len(distinct)} candidate dates"


def with_opening(deadline: Settled, valid: list[tuple[Candidate, Settled]]) -> Settled:
    """A deadline and the opening the text gives apart from it ("opens 1 March,
    closes 5 June") as one window; a deadline that is already a window stays, and
    "launched today" writes no opening's date."""
    if deadline.end is not None or deadline.approximate:
        return deadline
    openings = [
        _before(s.start, deadline.start) if c.first.year is None else s.start
        for c, s in valid
        if c.label == "opens" and s.end is None and not s.approximate and not c.first.from_reference
    ]
    openings = [o for o in openings if _day(o) < _day(deadline.start)]
    if not openings:
        return deadline
    return replace(deadline, start=openings[-1], end=deadline.start)


def _before(opening: date | datetime, deadline: date | datetime) -> date | datetime:
    """A yearless opening is the last such day before its deadline ("18 October
    opens, 17 January last day": the October before that January)."""
    close = _day(deadline)
    year = close.year if (opening.month, opening.day) < (close.month, close.day) else close.year - 1
    try:
        return opening.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return opening


def _field_value(text: str, tier: list[tuple[Candidate, Settled]], wanted: set) -> Settled | None:
    """ "Deadline: September 15th, 2024 September 30th, 2024": two days side by side
    under one label, the earlier struck through on the page, give the later; "jusqu'au
    15 mai 2025. Les réponses ... avant le 30 juin 2025": the label that opens the text
    names its first sentence's date, and later sentences add other things."""
    (first, first_settled), (second, second_settled) = tier[0], tier[1]
    exact = all(s.end is None and not s.approximate for _, s in tier[:2])
    if (
        len(tier) == 2
        and exact
        and second.label == first.label
        and first.first.year
        and second.first.year
        and not text[first.finish : second.begin].strip()
        and _day(first_settled.start) < _day(second_settled.start)
    ):
        return second_settled
    if (
        first.leads
        and first.label in wanted
        and all(_in_prose(text, first.finish, c.begin) for c, _ in tier[1:])
    ):
        return first_settled
    return None


def _in_prose(text: str, since: int, begin: int) -> bool:
    """Whether a date at ``begin`` stands in a later sentence than ``since``, in running
    prose ("Les réponses seront transmises avant le 30 juin"), not after a field's colon
    ("Second cut-off: 5 September")."""
    ends = list(SENTENCE_END.finditer(text, since, begin))
    return bool(ends) and ":" not in text[ends[-1].end() : begin]


def _restated(tier: list[Settled]) -> Settled | None:
    """ "2025-12-31 23:30 - 2026-01-01 01:00 ... 31.decembrī no plkst. 23.30": a
    day that repeats the first or last day of the text's one range restates it."""
    ranges = [s for s in tier if s.end is not None and not s.approximate]
    if len(ranges) != 1:
        return None
    window = ranges[0]
    ends = {_day(window.start), _day(window.end)}
    others = [s for s in tier if s is not window]
    if all(s.end is None and not s.approximate and _day(s.start) in ends for s in others):
        return window
    return None


def _one_day(kind: str, tier: list[Settled]) -> Settled | None:
    """Dates that all fall on one day agree: the one that gives a time is the more
    exact ("25.09.2020 10:27 / ... 25.09.2020"); an event's two times on that day
    ("01/07 um 09:00 01/07 um 13:15") are its start and end."""
    if any(s.end is not None or s.approximate for s in tier) or len({_day(s.start) for s in tier}) > 1:
        return None
    times = sorted({s.start for s in tier if isinstance(s.start, datetime)})
    timed = next(s for s in tier if isinstance(s.start, datetime)) if times else None
    if len(times) == 1:
        return timed
    if len(times) == 2 and kind == "event":
        return replace(timed, start=times[0], end=times[1])
    return None


def _news_dateline(text: str, candidate: Candidate) -> bool:
    """ "Vilnius, 9 October (ELTA)": the date a news wire wrote its report, not the event's."""
    place = DATELINE_PLACE.fullmatch(text, 0, candidate.begin)
    return bool(place and candidate.begin and text.startswith(" (", candidate.finish))


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
