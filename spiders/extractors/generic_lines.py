"""Short lines that say what a date is by where they stand, for the generic
extractor: the bare date line by the title ("Meldung 06.05.2026", "14-01-26",
"2026 03 18", "12 czerwca 2026 r.") that is the page's publication date, the
byline ("Submitted by <anyone> on <date>", "Skrevet av <name> 04.02.2022"), and a
timeline whose dates stand above or below their step labels ("2. aug. 2023" /
"Åpen for søknad")."""

from __future__ import annotations

import re
from functools import cache

from pipelines.dates.grammar import weekdays
from spiders.extractors.generic_cues import cue_pattern
from spiders.extractors.generic_labels import date_pattern, has_date, role_of
from spiders.extractors.generic_prose import LIST_MARK, TIME

# How many lines before or after the title a publication line may stand.
TITLE_REACH = 4
# What a date line may hold beside its date: a type word or category ("Meldung",
# "News article", "ClusterERFOLGE"), a separator, "r." / "d." / "m." / "kl.", a year.
LINE_WORDS_AT_MOST = 2
DATE_LINE_CHARS = 120
LINE_LETTERS_AT_MOST = 30
LINE_NOISE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\w)(?:r|d|m|g|kl|god|uhr|h|klo|at|um|o)\.?(?!\w)|[|•·,.:;/()–—\-]",
    re.IGNORECASE,
)
# Roles a date line's word may not name: "Deadline 5 May" is no publication line.
NOT_PUBLICATION = ("deadline", "opens", "registration", "end")
DAY_RANGE = re.compile(r"(?<![\d.])\d{1,2}\.?\s*[-–]\s*\d{1,2}\.?\s+\D")
TIME_RANGE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[-–]|to|bis|til)\s*\d{1,2}[:.]\d{2}", re.IGNORECASE)
BYLINE_AUTHOR_CHARS = 80
BYLINE_CHARS = 200
BYLINE_SEPARATORS = "|/•·"
# A date line run into the text after it: "January 18, 2022On the 17th and 18th of January …".
GLUED_DATE = re.compile(r"^.{4,40}?(?<!\d)(?:19|20)\d\d(?:,?\s+\d{1,2}:\d{2})?(?=[^\W\d_])")
LABEL_LINE_CHARS = 60
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def bare_date_line(line: str, language: str) -> bool:
    """A line that holds a date and little else: a word or two of type or category."""
    if len(line) > DATE_LINE_CHARS or not has_date(line, language):
        return False
    rest = LINE_NOISE.sub(" ", TIME.sub(" ", date_pattern(language).sub(" ", line)))
    words = rest.split()
    if len(words) > LINE_WORDS_AT_MOST or sum(len(w) for w in words) > LINE_LETTERS_AT_MOST:
        return False
    return role_of(" ".join(words), language) not in NOT_PUBLICATION


def glued_date_line(line: str, language: str) -> str | None:
    """The date line a page's markup ran into its first sentence, when the line opens with one."""
    glued = GLUED_DATE.match(line)
    return glued.group(0) if glued and bare_date_line(glued.group(0), language) else None


def is_range(line: str, language: str) -> bool:
    """Two dates, a span of days or a span of hours: an event's time, not a publication's."""
    return (
        len(date_pattern(language).findall(line)) >= 2
        or bool(DAY_RANGE.search(line))
        or bool(TIME_RANGE.search(line))
    )


def title_line(lines: list[str], title_at: int | None, free: set[int], language: str) -> int | None:
    """The index of the date line nearest the title (the first lines, without a title),
    among the ``free`` lines; a line naming a weekday (a header widget's "today")
    only when no other stands there. A date line among others (a cut-off list) or
    beside a step's label (a timeline) is no publication line."""
    centre = title_at if title_at is not None else -1
    reach = range(max(0, centre - TITLE_REACH), min(len(lines), centre + TITLE_REACH + 1))
    # Lines that open with a date: a date line beside one is a list's or a timeline's row.
    near = range(max(0, reach.start - 1), min(len(lines), reach.stop + 1))
    dated = {i for i in near if date_pattern(language).match(LIST_MARK.sub("", lines[i]))}
    weekday = weekday_pattern(language)
    found = [
        (bool(weekday.search(lines[i])), abs(i - centre), i)
        for i in reach
        if i in free
        and i != title_at
        and (bare_date_line(lines[i], language) or glued_date_line(lines[i], language))
        and not {i - 1, i + 1} & dated
        and not any(0 <= j < len(lines) and label_line(lines[j], language) for j in (i - 1, i + 1))
    ]
    return min(found)[2] if found else None


@cache
def weekday_pattern(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{weekdays(language)})(?!\w)", re.IGNORECASE)


def byline(line: str, language: str) -> bool:
    """A byline: its opening words, an author of any name (or a team), then a date."""
    opening = cue_pattern("byline", language).match(line.strip())
    if not opening or len(line) > BYLINE_CHARS:
        return False
    rest = line.strip()[opening.end() :].strip()
    when = date_pattern(language).search(rest)
    author = rest[: when.start()].strip(" ,|–-") if when else ""
    # A theme may leave the author out: "By |2018-05-18T11:04:17+00:00May 18th, 2018|".
    unnamed = not author and rest[:1] in BYLINE_SEPARATORS
    return (
        bool(when)
        and (0 < len(author) <= BYLINE_AUTHOR_CHARS or unnamed)
        and not author.lower().startswith("the ")
    )


def label_line(line: str, language: str) -> bool:
    """A line that is a step's label alone: "Søknadsfrist", "Åpen for søknad"."""
    return len(line) <= LABEL_LINE_CHARS and not has_date(line, language) and bool(role_of(line, language))


def timeline(lines: list[tuple[str, str]], free: set[int], language: str) -> list[tuple[str, str, int, int]]:
    """(role, "label: date", label index, date index) for each step of a timeline: label
    lines and bare date lines in turn, each date taking its own step's label, above or
    below it as the first line of the run shows. ``lines`` are (element name, text)."""
    steps = []
    run: list[tuple[int, str]] = []  # (index, "label" or "date")
    for index, (name, text) in enumerate([*lines, ("", "")]):
        sort = None
        if index in free and name not in HEADINGS:
            sort = (
                "date" if bare_date_line(text, language) else "label" if label_line(text, language) else None
            )
        if sort:
            run.append((index, sort))
            continue
        first = run[0][1] if run else None
        for (a, sort_a), (b, sort_b) in zip(run, run[1:], strict=False):
            if sort_a == first and sort_b != first:
                label, date = (a, b) if first == "label" else (b, a)
                role = role_of(lines[label][1], language)
                steps.append((role, f"{lines[label][1].rstrip(':')}: {lines[date][1]}", label, date))
        run = []
    return steps
