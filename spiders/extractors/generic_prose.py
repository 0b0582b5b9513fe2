"""Dates in running prose, for the generic extractor: each date of every sentence
(however long: real leads run to 700 characters) gets its role from the cue words
around it: before it ("will take place", "close on", "submitted by", "was open"),
else after it ("we organise", "au plus tard", a call card's "Koniec przyjmowania
wniosków"); not from where it stands or how short its sentence is. The text handed on for a date runs
from its cue (a call's) or its clause (an event's) to the end of its times and zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.dates.grammar import words_pattern
from pipelines.dates.languages import AND_WORDS, BETWEEN, EXTENSION, RANGE_WORDS, SUPERSEDED
from spiders.extractors.generic_cues import APPLY_WORDS, cue_pattern
from spiders.extractors.generic_labels import DIGIT, SENTENCE_END, any_label, date_pattern, role_of

# How far before its date a clause may begin, and after it its times and zone may run.
CLAUSE_BEFORE = 200
CLAUSE_AFTER = 100
# Cues that touch their date: "submitted by 15 October", not "Submitted by Ann Lee on …".
TIGHT_CUES = {"submitted by", "sent by", "received by", "by", "before"}
TIGHT_GAP = re.compile(r"\s*(?:the\s+|on\s+|\w+day,?\s+)?", re.IGNORECASE)


# Between two dates of one range: "16 March to 5 June", "5 April and 31 May", "20. bis 28. April".
JOINED = re.compile(
    rf"[\s,]*(?:{words_pattern(RANGE_WORDS + '|' + AND_WORDS)})?[\s,]*(?:the\s+)?", re.IGNORECASE
)
LEADING_DAY = re.compile(
    rf"(?<![\d.])\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:{words_pattern(RANGE_WORDS + '|' + AND_WORDS)})\s*(?:the\s+)?$",
    re.IGNORECASE,
)
LEADING_DAY_CHARS = 16
WINDOW = re.compile(
    rf"(?<!\w)(?:from|between|{words_pattern(BETWEEN)}|od|vom|nuo|fra|frem til)(?!\w)", re.IGNORECASE
)
TIME = re.compile(
    r"(?<![\d.:/-])\d{1,2}[:.]\d{2}(?![\d.]\d)|(?<!\d)\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)(?!\w)", re.IGNORECASE
)
# What stands between a date and a label after it: "2026, godz. 16:00 Koniec …", "r. –".
TIME_WORDS = re.compile(
    r"^(?:[\s,.;:–—|-]|\b(?:r|godz|kl|klo|ora|val|uhr|h|at|o)\b\.?|(?:19|20)\d\d)*", re.IGNORECASE
)
LEADING_JOINER = re.compile(r"^(?:(?:and|und|og|i|a|et|ir|și)(?!\w)|[,;\s])+", re.IGNORECASE)
TRAILING_JOINER = re.compile(r"[\s,;]*\b(?:and|und|og|i|a|et|ir|și)$", re.IGNORECASE)
# Bullets and dashes that open a list line: "– 14 May 2026 – 18:00 CET".
LIST_MARK = re.compile(r"^\s*[-–—•·*]\s*")


@dataclass
class DateRun:
    """One date of a sentence, or dates written as one range, with what its cue says."""

    # event, deadline, opens, registration, published; "cut-off" for a dated list line
    # with a time and no cue, which is a deadline on a call's page; None without a cue.
    role: str | None
    past: bool  # an earlier round's ("was open", "closed on", "– CLOSED")
    window: bool  # "open from A to B", "between A and B": a call's opening and deadline
    timed: bool  # a time of day follows it
    text: str  # what the date engine reads: its cue or clause, the date, its times and zone
    sentence: str
    at: int  # where the date starts and ends in its sentence
    until: int
    line: str = ""  # the line (paragraph, list item) the sentence stands in


def read_prose(lines: list[tuple[bool, str]], language: str) -> list[DateRun]:
    """The date runs of ``lines`` ((is a list item, text)), first line first."""
    runs: list[DateRun] = []
    for listed, line in lines:
        if not DIGIT.search(line):  # no date; and splitting sentences costs far more
            continue
        listed = listed or bool(LIST_MARK.match(line))
        for sentence in SENTENCE_END.split(LIST_MARK.sub("", line)):
            found = sentence_runs(sentence, language)
            for run in found:
                run.line = line
            if listed and len(found) == 1 and found[0].role is None and found[0].timed:
                found[0].role = "cut-off"  # a cut-off list's: "– 14 May 2026 – 18:00 CET"
            runs += found
    return runs


def sentence_runs(sentence: str, language: str) -> list[DateRun]:
    spans = date_spans(sentence, language)
    runs = []
    for index, (start, end) in enumerate(spans):
        before_from = spans[index - 1][1] if index else max(0, start - CLAUSE_BEFORE)
        after_to = spans[index + 1][0] if index + 1 < len(spans) else len(sentence)
        cue = last_cue(sentence, before_from, start, language)
        role, cue_at = cue if cue else (None, before_from)
        tail = sentence[end:after_to]
        # The next date's cue ends this one's clause; after the last date, the sentence does.
        following = next_cue_at(tail, language) if index + 1 < len(spans) else len(tail)
        clause_end = end + word_end(tail, min(following, CLAUSE_AFTER))
        clause_start = cue_at if role not in (None, "event") else word_start(sentence, before_from)
        if role is None and (after := label_after(tail, language)):
            role = after  # a date before its label: "17 grudnia 2026, godz. 16:00 Koniec przyjmowania"
            clause_end = end + len(tail)
        elif role is None:  # a cue after the date: "On 20 October, 13:30, we organise …", "… au plus tard"
            role = cue_after(tail[:CLAUSE_AFTER], language)
        text = sentence[clause_start:clause_end]
        text = TRAILING_JOINER.sub("", (LEADING_JOINER.sub("", text) if clause_start else text).strip(" ,;"))
        # An earlier round's ("was open", "– CLOSED"), or a date a later one replaced ("pierwotnie").
        past = bool(
            cue_pattern("past", language).search(sentence[before_from:start] + tail)
            or superseded(language).search(sentence[before_from:start])
            or (index + 1 < len(spans) and extended(language).search(tail))  # "… Termin wydłużony do <date>"
        )
        window = role in ("opens", "deadline") and bool(WINDOW.search(sentence[cue_at:start]))
        window = window and has_second_date(sentence[start:end], language)
        timed = bool(TIME.search(sentence[end:clause_end]))
        runs.append(DateRun(role, past, window, timed, text, sentence, start, end))
    return runs


def date_spans(sentence: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each date, dates joined by a range or "and" taken as one."""
    spans: list[list[int]] = []
    for match in date_pattern(language).finditer(sentence) if DIGIT.search(sentence) else ():
        if spans and JOINED.fullmatch(sentence, spans[-1][1], match.start()):
            spans[-1][1] = match.end()
            continue
        # A range's first day without its month: "vom 20. bis 28. April", "21-23 November".
        day = LEADING_DAY.search(sentence, max(0, match.start() - LEADING_DAY_CHARS), match.start())
        spans.append([day.start() if day else match.start(), match.end()])
    return [(start, end) for start, end in spans]


def label_after(tail: str, language: str) -> str | None:
    """The role of a label that follows a date and its time at once, as in a call card's row."""
    rest = TIME_WORDS.sub("", TIME.sub("", tail)).lower()
    label = any_label(language).match(rest)
    return role_of(label.group(0), language) if label else None


@cache
def superseded(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{words_pattern(SUPERSEDED)})", re.IGNORECASE)


@cache
def extended(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{words_pattern(EXTENSION)})", re.IGNORECASE)


def has_second_date(span: str, language: str) -> bool:
    return len(date_pattern(language).findall(span)) >= 2


def last_cue(sentence: str, begin: int, end: int, language: str) -> tuple[str, int] | None:
    """(role, where it starts) of the cue nearest before a date, between ``begin`` and ``end``."""
    before = sentence[begin:end]
    found = [
        (m.end(), 0, m.start(), role_of(m.group(0), language))
        for m in any_label(language).finditer(before.lower())
    ]
    for m in cue_pattern("event", language).finditer(before):
        found.append((m.end(), 1, m.start(), "event"))
    for m in cue_pattern("opens", language).finditer(before):
        found.append((m.end(), 1, m.start(), "opens"))
    for m in cue_pattern("deadline", language).finditer(before):
        if m.group(0).lower() in TIGHT_CUES and not (
            TIGHT_GAP.fullmatch(before, m.end())
            and (
                m.group(0).lower() not in ("by", "before") or re.search(APPLY_WORDS, sentence, re.IGNORECASE)
            )
        ):
            continue
        found.append((m.end(), 2, m.start(), "deadline"))
    found = [f for f in found if f[3]]
    if not found:
        return None
    _, _, start, role = max(found)
    return role, begin + start


def cue_after(tail: str, language: str) -> str | None:
    """The role a cue after a date gives it, the first such cue in its clause."""
    found = [(m.start(), "event") for m in cue_pattern("event", language).finditer(tail)]
    found += [(m.start(), "deadline") for m in cue_pattern("deadline after", language).finditer(tail)]
    return min(found)[1] if found else None


def next_cue_at(tail: str, language: str) -> int:
    """Where the next clause's cue begins after a date: "15 March 2023 | and close on …"."""
    starts = [m.start() for m in any_label(language).finditer(tail.lower()) if role_of(m.group(0), language)]
    starts += [m.start() for m in cue_pattern("event", language).finditer(tail)]
    return min(starts, default=len(tail))


def word_end(tail: str, at: int) -> int:
    """``at``, moved back to the end of a word when it falls inside one."""
    if at >= len(tail) or not tail[at].isalnum():
        return at
    space = tail.rfind(" ", 0, at)
    return space if space > 0 else at


def word_start(sentence: str, at: int) -> int:
    """``at``, moved on to the start of a word when it falls inside one."""
    if at == 0 or not sentence[at - 1].isalnum():
        return at
    space = sentence.find(" ", at)
    return space + 1 if space >= 0 else at
