"""The date engine: exact, time-zone-aware dates from what pages write.

``parse_date(text, lang, kind, reference, tz)`` reads a snippet as it stands on a
page (labels and surrounding words included) with the grammar of this package,
falls back on dateparser for what the grammar does not know, and returns a
``DateResult``. It never guesses: two candidates of the wanted kind give an error.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pipelines.dates import languages as words
from pipelines.dates.candidates import candidates
from pipelines.dates.choice import choose, with_opening
from pipelines.dates.fallback import fallback_date
from pipelines.dates.grammar import words_pattern
from pipelines.dates.mentions import lower
from pipelines.dates.result import DateResult, failure
from pipelines.dates.rewrites import rewrite, spaced_dates
from pipelines.dates.years import Reading, Settled, settle
from pipelines.dates.zones import offset_zone, zone_in

__all__ = ["parse_date", "DateResult", "DATE_KINDS"]

DATE_KINDS = ("event", "deadline", "published")
LANGUAGE_ALIASES = {"no": "nb"}  # "no" is Norwegian at large; its pages are Bokmål
# A label a page's markup glued to its date: "Paskelbimo data2019-08-21",
# "News article29 March 2023", "Coronavirus04.03.2020". Two letters at least:
# "H2 2026" is a half-year.
GLUED_DATE = re.compile(
    r"(?=\d)(?<=[^\W\d_]{2})"  # the digit first: most places fail at once
    r"(?=\d{4}-\d\d-\d\d|\d{1,2}\s[^\W\d_]{3,}\.?\s\d{4}(?!\d)|\d\d([./])\d\d\1\d{4}(?!\d))"
)
# Dashes a page may set between days ("3.‒6. augustil"): the grammar reads the en dash.
DASHES = str.maketrans({"\u2012": "\u2013", "\u2015": "\u2013", "\u2212": "\u2013"})
RECURRENCE = re.compile(rf"(?<!\w)(?:{words_pattern(words.RECURRENCE_YEARLY)})(?!\w)")
# "kl l0-15", "klo 1O": a letter typed for a digit of an hour after a time marker
LETTER_DIGIT = re.compile(r"(?<!\w)[lI]\d|\d[oO](?!\w)")  # a quick look for the rare case
_MARKERS = words_pattern(
    "|".join(m for m in words.TIME_BEFORE.split("|") if m not in words.WEAK_TIME_MARKERS)
)
HOUR_TYPO = re.compile(rf"(?<!\w)((?:{_MARKERS})\.?\s*)(?:[lI](\d)|(\d)[oO])(?!\w)", re.IGNORECASE)
# "október harmadikán" is "október 3-án", which the grammar reads; case endings kept.
HUNGARIAN_DAY = re.compile(
    rf"(?<!\w)({'|'.join(sorted(words.HUNGARIAN_DAY_ORDINALS, key=len, reverse=True))})"
    r"([aáeé](?:n|ig|t[óő]l)?)(?!\w)",
    re.IGNORECASE,
)


def parse_date(
    text: str, lang: str, kind: str = "event", reference: date | None = None, tz: str | None = None
) -> DateResult:
    """The date, range or deadline that ``text`` gives, read as a careful person would."""
    if kind not in DATE_KINDS:
        raise ValueError(f"kind must be one of {DATE_KINDS}, not {kind!r}")
    reference = reference or date.today()
    if isinstance(reference, datetime):
        reference = reference.date()
    text = " ".join((text or "").replace("\u200b", "").split())  # NBSP and thin spaces too
    text = text.replace("\u2019", "'")  # "jusqu’au" is "jusqu'au"
    text = text.translate(DASHES)
    text = GLUED_DATE.sub(" ", text)
    if LETTER_DIGIT.search(text):
        text = HOUR_TYPO.sub(_hour_typo, text)
    lang = (lang or "en").lower()[:2]
    lang = LANGUAGE_ALIASES.get(lang, lang)
    if lang == "hu":
        text = HUNGARIAN_DAY.sub(_hungarian_day, text)
    text = rewrite(text, lang)
    if not text:
        return failure("no date found", tz)
    lowered = lower(text)
    found, times = candidates(lowered, lang)
    if not found and text != (respaced := spaced_dates(text)):
        text, lowered = respaced, lower(respaced)
        found, times = candidates(lowered, lang)
    if not found:
        return _from_fallback(text, lowered, lang, reference, tz, time_only=bool(times))
    reading = Reading(lowered, lang, kind, reference, bool(RECURRENCE.search(lowered)), found)
    settled = [settle(c, reading) for c in found]
    valid = [(c, s) for c, s in zip(found, settled, strict=True) if s.error is None]
    if not valid:
        return failure(settled[0].error, tz)
    chosen = choose(lowered, kind, valid)
    if isinstance(chosen, str):
        return failure(chosen, tz)
    if kind == "deadline":
        chosen = with_opening(chosen, valid)
    return _result(text, lowered, kind, chosen, tz, reading.recurring)


def _result(
    text: str, lowered: str, kind: str, chosen: Settled, tz: str | None, recurring: bool
) -> DateResult:
    start, end = chosen.start, chosen.end
    # A deadline's zone is the one at its close, not at the window's opening.
    close = end if kind == "deadline" and end is not None else start
    when = close if isinstance(close, datetime) else datetime(close.year, close.month, close.day, 12)
    written = offset_zone(chosen.offset, tz, when) if chosen.offset else None
    zone = written or zone_in(text, lowered, tz, when) or tz
    return DateResult(
        start,
        end,
        zone,
        approximate=chosen.approximate,
        earliest=chosen.earliest,
        latest=chosen.latest,
        recurrence="yearly" if recurring else None,
    )


def _from_fallback(
    text: str, lowered: str, lang: str, reference: date, tz: str | None, time_only: bool
) -> DateResult:
    found = fallback_date(text, lang, reference, time_only)
    if found is None:
        return failure("no date found", tz)
    when = found if isinstance(found, datetime) else datetime(found.year, found.month, found.day)
    return DateResult(found, None, zone_in(text, lowered, tz, when) or tz)


def _hungarian_day(match: re.Match[str]) -> str:
    return f"{words.HUNGARIAN_DAY_ORDINALS[match.group(1).lower()]}-{match.group(2)}"


def _hour_typo(match: re.Match[str]) -> str:
    marker, after_one, before_zero = match.groups()
    return f"{marker}1{after_one}" if after_one else f"{marker}{before_zero}0"
