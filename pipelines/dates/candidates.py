"""From mentions to candidate dates: times attached to their day, ranges joined,
and each candidate labelled with what the text says it is (deadline, opening...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.dates import languages as words
from pipelines.dates.grammar import trie, weekdays, words_pattern
from pipelines.dates.mentions import Mention, between, scan

# How far a time may stand from its date and still belong to it.
TIME_AFTER_REACH = 45
TIME_BEFORE_REACH = 25
LONE_TIME_REACH = 120  # "Mercredi 2 juillet : Clôture des dépôts ... (12h00 au plus tard)"
LIKELY_TIME_REACH = 3  # "12 maggio alle 16": a bare hour after a weak marker, right after its date
BARE_WEEKDAY_WORDS = 3  # a weekday alone names a day only in a sentence
LABEL_ORDER = ("registration", "updated", "published", "opens", "deadline", "term", "event", "date", "end")
# What may stand between the two dates of a range: fillers go, a connector must remain.
RANGE_GAP = re.compile(words_pattern(words.RANGE_WORDS))
UNTIL_WORD = re.compile(rf"(?<!\w)(?:{words_pattern(words.RANGE_WORDS)})(?!\w)")
# Hungarian writes "from" as a suffix of the first date: "március 10-től április 15-ig".
FROM_SUFFIX = re.compile(r"-(?:j?[éá])?t[óő]l$")
AND_GAP = re.compile(words_pattern(words.AND_WORDS))
NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{1,4}\.?")  # "20.10.2025", "2021-01-11"
LIST_GAP = re.compile(rf"[\s,;]*(?:{words_pattern(words.AND_WORDS)})?[\s,;]*")
SUPERSEDED = re.compile(rf"(?<!\w)(?:{words_pattern(words.SUPERSEDED)})(?!\w)")
CITED = re.compile(rf"(?<!\w)(?:{words_pattern(words.CITED)})(?!\w)")
CITED_REACH = 20
DURATION = re.compile(
    rf"(?<!\w)(?:{words_pattern(words.DURATION_WORDS)})\s+(?P<count>\d{{1,3}}"
    rf"|{words_pattern('|'.join(words.NUMBER_WORDS.values()))})\s+"
    rf"(?:{words_pattern(words.DAY_UNITS)})(?!\w)"
)
DAY_UNIT = re.compile(rf"(?:{words_pattern(words.DAY_UNITS)})(?!\w)")
DURATION_REACH = 80  # "i tindrà una durada de 15 dies" after "22 de febrer (inclòs)"
NUMBERS = {
    word: number for number, spelled in words.NUMBER_WORDS.items() for word in spelled.split("|")
}  # "Amtsblatt der EU Nr. L 123 vom": how far a gazette's name stands from its date


@dataclass(slots=True)
class Candidate:
    """One date or range as the text gives it, before years are settled."""

    first: Mention
    last: Mention | None  # the end of a range written as two dates
    begin: int
    finish: int
    start_time: Mention | None = None
    end_time: Mention | None = None
    label: str | None = None
    superseded: bool = False  # "(previously 10 May)": a date that no longer holds
    aside: bool = False  # "14.09 (or 21.09)": an alternative in brackets after a date
    cited: bool = False  # "Bundesanzeiger vom 2.9.2026": another document's date
    days: int | None = None  # "29 October, and lasts two days": a length after the first day
    leads: bool = False  # its label opens the text ("Deadline: 15 May. Results by 30 June.")


def candidates(text: str, lang: str) -> tuple[list[Candidate], list[Mention]]:
    """The candidates in lower-cased ``text`` and every time mention found in it."""
    mentions = scan(text, lang)
    dates = [m for m in mentions if m.kind == "date"]
    dates = [m for m in dates if not m.alone] or dates
    if any(m.bare for m in dates) and (_hours(text, lang) or len(text.split()) < BARE_WEEKDAY_WORDS):
        dates = [m for m in dates if not m.bare]  # "Friday" alone heads a timetable
    times = [m for m in mentions if m.kind == "time"]
    attached = _attach_times(text, dates, times)
    times = [m for m in times if not m.likely]
    found: list[Candidate] = []
    for mention in dates:
        previous = found[-1] if found else None
        if mention.day is not None and mention.month is None and not mention.reference_month:
            # "18 May ... until the 22nd"
            if (
                previous
                and previous.last is None
                and previous.first.day
                and not previous.first.part
                and mention.day > previous.first.day
            ):
                mention.month, mention.year = previous.first.month, previous.first.year
                previous.last, previous.finish = mention, mention.finish
                previous.end_time = attached.get(id(mention))
            continue
        if previous and previous.last is None and _joins(text, lang, previous.first, mention, attached):
            previous.last, previous.finish = mention, mention.finish
            previous.end_time = attached.get(id(mention))
            continue
        found.append(
            Candidate(mention, None, mention.begin, mention.finish, start_time=attached.get(id(mention)))
        )
    _lengths(text, found)
    if len(found) < 2:  # labels only choose between candidates
        return found, times
    _label(text, lang, found)
    return _join_start_end(found), times


# "do 13. 3. 2020 do 12.00": only an until-word between a date and a bare dotted hour
UNTIL_GAP = re.compile(rf"\s+(?:{words_pattern(words.RANGE_WORDS)})\s+")


def _attach_times(text: str, dates: list[Mention], times: list[Mention]) -> dict[int, Mention]:
    """Each date's clock time: the one just after it, else one just before it; a
    time after an until-word ("8 July and runs until 23:59 on 31 August") is the
    next date's; a text's one time is its one date's, however far apart."""
    attached: dict[int, Mention] = {}
    after_reach = TIME_AFTER_REACH
    if len(dates) == 1 and sum(not t.likely for t in times) == 1:
        after_reach = LONE_TIME_REACH
    for time in times:
        before = [d for d in dates if d.finish <= time.begin]
        after = [d for d in dates if d.begin >= time.finish]
        if time.likely:
            if before and (
                time.begin - before[-1].finish <= LIKELY_TIME_REACH
                or UNTIL_GAP.fullmatch(text, before[-1].finish, time.begin)
            ):
                attached.setdefault(id(before[-1]), time)
            continue
        near_after = after and after[0].begin - time.finish <= TIME_BEFORE_REACH
        if before and not near_after and _closes(text, attached.get(id(before[-1])), time, after_reach):
            continue
        if (
            before
            and time.begin - before[-1].finish <= after_reach
            and not (near_after and UNTIL_WORD.search(text, before[-1].finish, time.begin))
        ):
            attached.setdefault(id(before[-1]), time)
        elif near_after:
            attached.setdefault(id(after[0]), time)
    return attached


def _closes(text: str, opening: Mention | None, time: Mention, reach: int) -> bool:
    """ "um 15 Uhr beginnt und bis 20 Uhr": a later time after an until-word is
    the end of the time its date already has; it becomes that time's end."""
    if (
        opening is None
        or opening.end_hour is not None
        or opening.finish > time.begin
        or time.begin - opening.finish > reach
        or time.end_hour is not None
        or not UNTIL_WORD.search(text, opening.finish, time.begin)
    ):
        return False
    opening.end_hour, opening.end_minute = time.hour, time.minute
    return True


def _joins(text: str, lang: str, first: Mention, second: Mention, attached: dict[int, Mention]) -> bool:
    """Whether two dates are one range: only a connector between them."""
    months = first.part == second.part == "month"  # "November 2026 - February 2027"
    if (first.part or second.part or first.first_day or second.first_day) and not months:
        return False
    gap = text[first.finish : second.begin]
    time = attached.get(id(first))
    if time and time.begin >= first.finish:
        gap = text[first.finish : time.begin] + text[time.finish : second.begin]
    if first.relative is not None and second.relative is not None and AND_GAP.fullmatch(gap.strip()):
        return second.relative - first.relative == 1  # "tomorrow and the day after"
    side_by_side = _side_by_side(text, first, second, gap)
    if FROM_SUFFIX.fullmatch(gap.strip()):
        return True  # "június 22-től június 24-ig": the suffix stands outside a month-led date
    gap = " ".join(gap_fillers(lang).sub(" ", gap).split())
    if RANGE_GAP.fullmatch(gap) or (not gap and FROM_SUFFIX.search(text, first.begin, first.finish)):
        return True
    if side_by_side:
        return True
    if not AND_GAP.fullmatch(gap):
        return False
    if between(text, lang, first.begin, second.finish):
        return True
    # "11 and 12 November" is two days of one event; "1 March and 5 April" is not.
    return (
        not months
        and first.month == second.month
        and first.day is not None
        and second.day is not None
        and second.day - first.day == 1
    )


def _side_by_side(text: str, first: Mention, second: Mention, gap: str) -> bool:
    """ "20.10.2025 21.11.2025 Fase extraordinária", "(11-01-2021 08-02-2021)": two
    full numeric dates with nothing but a space between them, the later second, are
    a table's two columns, from and to."""
    if gap.strip() or first.year is None or second.year is None or first.day is None or second.day is None:
        return False
    if not (
        NUMERIC_DATE.fullmatch(text, first.begin, first.finish)
        and NUMERIC_DATE.fullmatch(text, second.begin, second.finish)
    ):
        return False
    return (first.year, first.month, first.day) < (second.year, second.month, second.day)


def _lengths(text: str, found: list[Candidate]) -> None:
    """A single day followed, before the next date, by how many days it lasts."""
    if not DAY_UNIT.search(text):  # a quick look for the rare case
        return
    for length in DURATION.finditer(text):
        before = [c for c in found if c.finish <= length.start()]
        if not before or length.start() - before[-1].finish > DURATION_REACH:
            continue
        candidate, first = before[-1], before[-1].first
        if not (candidate.last or first.part or first.first_day or first.from_reference):
            count = length.group("count")
            candidate.days = int(count) if count.isdigit() else NUMBERS[count]


def _hours(text: str, lang: str) -> bool:
    """Whether a text names weekdays as opening hours do ("lundi au vendredi", "N-L
    8.00-14.00 ja pühapäev"): then a weekday alone in it is not a day's date."""
    long_words, spans = weekday_patterns(lang)
    return len(long_words.findall(text)) > 1 or bool(spans.search(text))


@cache
def weekday_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Spelled-out weekday words; a span of two weekday forms, abbreviated too ("N-L")."""
    forms = trie(sorted(words.weekday_forms(lang), key=len, reverse=True))
    return (
        re.compile(rf"(?<!\w)(?:{weekdays(lang)})(?!\w)"),
        re.compile(rf"(?<!\w)(?:{forms})\.?\s*[-–]\s*(?:{forms})\.?(?!\w)"),
    )


@cache
def gap_fillers(lang: str) -> re.Pattern[str]:
    """What may stand between a range's dates without changing it."""
    return re.compile(
        rf"(?<!\w)(?:{words.FILLERS}|{words.THIS_YEAR}|{weekdays(lang)})(?!\w)"
        r"|[\s,.:()]+"
    )


@cache
def label_pattern(lang: str) -> re.Pattern[str]:
    """Label words of ``lang`` and English, with the words of prose that name an
    opening or a deadline, one named group per label."""
    groups = []
    terms = words.TERMS.get(lang, "")
    for name in LABEL_ORDER:
        if name == "term":
            if terms:
                groups.append(f"(?P<term>{words_pattern(terms)})")
            continue
        tables = (words.LABELS[name], words.PROSE_LABELS.get(name, {}))
        phrases = "|".join(p for table in tables for p in (table.get(lang), table.get("en")) if p)
        if name == "deadline":  # a term is read as its own label, after the deadline phrases holding it
            phrases = "|".join(p for p in phrases.split("|") if p not in terms.split("|"))
        groups.append(f"(?P<{name}>{words_pattern(phrases)})")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)")


def _label(text: str, lang: str, found: list[Candidate]) -> None:
    """Each candidate's label: the nearest before it; in a timeline that writes
    labels after their dates ("29 września 2023 Koniec przyjmowania wniosków"),
    the one after it; in a list ("15 January and 15 May"), the list's. A date
    without one that an opening word follows opens a window."""
    labels = label_pattern(lang)
    ends = [c.begin for c in found[1:]] + [len(text)]
    starts = [0] + [c.finish for c in found[:-1]]
    last_labels = [_last(labels, text, a, c.begin) for a, c in zip(starts, found, strict=True)]
    leading = [m.lastgroup if m else None for m in last_labels]
    # "jusqu'au 15 mai 2025. Les réponses ... avant le 30 juin": a field's value led by its label
    if last_labels[0] and not text[: last_labels[0].start()].strip():
        found[0].leads = True
    timeline = leading[0] is None and ":" not in text
    if timeline:
        trailing = [_first(labels, text, c.finish, b) for c, b in zip(found, ends, strict=True)]
        timeline = all(trailing)
    for i, candidate in enumerate(found):
        candidate.label = trailing[i] if timeline else leading[i]
        if (
            not timeline
            and candidate.label is None
            and i
            and LIST_GAP.fullmatch(text, starts[i], candidate.begin)
        ):
            candidate.label = found[i - 1].label
        if candidate.label is None and _first(labels, text, candidate.finish, ends[i]) == "opens":
            candidate.label = "opens"  # "3 February (12pm): the form becomes available ... until 1 March"
        candidate.superseded = bool(SUPERSEDED.search(text, starts[i], candidate.begin))
        candidate.aside = i > 0 and _in_brackets(text, starts[i], candidate)
        candidate.cited = bool(
            CITED.search(text, max(starts[i], candidate.begin - CITED_REACH), candidate.begin)
        )


def _in_brackets(text: str, since: int, candidate: Candidate) -> bool:
    """Whether a bracket opened after ``since`` closes after the candidate."""
    opened = text.rfind("(", since, candidate.begin)
    return opened >= 0 and ")" not in text[opened : candidate.begin] and ")" in text[candidate.finish :]


def _last(labels: re.Pattern[str], text: str, begin: int, end: int) -> re.Match[str] | None:
    found = list(labels.finditer(text, begin, end))
    return found[-1] if found else None


def _first(labels: re.Pattern[str], text: str, begin: int, end: int) -> str | None:
    first = labels.search(text, begin, end)
    return first.lastgroup if first else None


def _join_start_end(found: list[Candidate]) -> list[Candidate]:
    """ "Start: 16 November 2020 End: 17 November 2020" is one range."""
    joined: list[Candidate] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        if (
            previous
            and candidate.label == "end"
            and previous.label in (None, "event", "date", "opens")
            and previous.last is None
            and candidate.last is None
            and not previous.first.first_day
            and not candidate.first.first_day
        ):
            previous.last, previous.end_time = candidate.first, candidate.start_time
            previous.finish = candidate.finish
            continue
        joined.append(candidate)
    return joined
