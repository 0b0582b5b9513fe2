"""dateparser, for what the grammar does not know (mostly relative dates:
"i morgen", "2 weeks ago"). Always given the language: auto-detection is slow
and guesses. A call costs about a millisecond, so it is made only when the text
holds something dateparser could read as a whole date; and dateparser is imported
only then, since importing it costs some 40 ms that a text the grammar reads
need not pay."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

LABEL_END = ": "
# Three numbers that could be a day, a month and a year ("15 03 2024"), not a phone
# number or a section number; two numbers cannot give dateparser a whole date.
DAY, MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
NUMERIC_DATE = re.compile(
    rf"(?<![\d.-])(?:{DAY}([./ -]){MONTH}\1(?:\d{{4}}|\d{{2}})"
    rf"|\d{{4}}([./ -]){MONTH}\2{DAY})(?![\d.-]\d)"
)
# Month names and the words of relative dates ("2 weeks ago", "in 3 days", "tomorrow").
DATE_WORD_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "ago",
    "in",
)


def fallback_date(text: str, lang: str, reference: date, time_only: bool = False) -> date | datetime | None:
    """A date dateparser reads in ``text``; midnight means all-day. With
    ``time_only`` (the grammar found a clock time but no day) a result on the
    reference day is refused: it is dateparser filling in today, not the text."""
    if not could_hold_date(text, lang):
        return None
    import dateparser

    base = datetime(reference.year, reference.month, reference.day)
    settings = {
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        # a weekday alone or "Q3 2025" is not a day; dateparser would guess one
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    attempts = [text] + ([text.rsplit(LABEL_END, 1)[1]] if LABEL_END in text else [])
    for attempt in attempts:
        try:
            found = dateparser.parse(attempt, languages=[lang], settings=settings)
        except (ValueError, KeyError):
            return None
        if found is None:
            continue
        if time_only and found.date() == reference:
            return None
        if found.time() == datetime.min.time():
            return found.date()
        return found.replace(second=0, microsecond=0)
    return None


def could_hold_date(text: str, lang: str) -> bool:
    """Whether ``text`` has three date-like numbers, or a month or relative-date word
    that dateparser knows in ``lang`` or English."""
    if NUMERIC_DATE.search(text):
        return True
    words = _date_words(lang)
    return bool(words and words.search(text.lower()))


@cache
def _date_words(lang: str) -> re.Pattern[str] | None:
    from dateparser.languages.loader import default_loader

    found: set[str] = set()
    for code in {lang, "en"}:
        try:
            info = default_loader.get_locale(code).info
        except (ValueError, KeyError):
            continue
        for key in DATE_WORD_KEYS:
            found.update(info.get(key, []))
        for phrases in info.get("relative-type", {}).values():
            found.update(phrases)
    # One-letter words ("r" for rok) are everywhere and tell nothing.
    words = sorted((w.lower() for w in found if len(w.strip()) > 1), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None
