"""Forms a page's markup or habits mangle, written back the way the grammar reads
them: a file number's slash glued to a date, a Hungarian act's Roman-numeral
month, an hour "and" its minutes before the grammar scans a text; a date spaced
like a table's columns only when it found none."""

from __future__ import annotations

import re

# "Αριθ. Πρωτ. 13709/6-12-2021": a file number's slash glued to a dashed date
NUMBER_SLASH_DATE = re.compile(r"(?<=\d/)(?=\d{1,2}-\d{1,2}-\d{4}(?!\d))")
# "13 05 2020": a day, month and year of two, two and four digits, spaced, no more digits near
SPACED_DATE = re.compile(
    r"(?<![\d.,:/-])(?<!\d\s)(0[1-9]|[12]\d|3[01])\s(0[1-9]|1[0-2])\s((?:19|20)\d\d)(?![\d.,:/-]|\s\d)"
)
# "10/2006. (III. 7.) IM rendelet": a Hungarian act's number, year and date
ROMAN_MONTHS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
HUNGARIAN_ACT = re.compile(
    rf"(?:\d{{1,4}}/)?(\d{{4}})\.\s*\(\s*({'|'.join(sorted(ROMAN_MONTHS, key=len, reverse=True))})\.\s*"
    r"(\d{1,2})\.\s*\)",
    re.IGNORECASE,
)
# "u 17 i 30h", "у 10 и 30 часова": an hour "and" its minutes, an hour word after them
HOUR_AND = re.compile(
    r"(?<![\d.:])([01]?\d|2[0-3])\s+[iи]\s+([0-5]\d)(?=\s*(?:h|sati|sata|časova|часова|часа)(?!\w))",
    re.IGNORECASE,
)
HOUR_AND_LANGS = ("hr", "bs", "sr")


def rewrite(text: str, lang: str) -> str:
    """``text`` with the mangled forms it holds written as the grammar reads them."""
    if "/" in text:
        text = NUMBER_SLASH_DATE.sub(" ", text)
    if lang == "hu" and "(" in text:
        text = HUNGARIAN_ACT.sub(_act_date, text)
    if lang in HOUR_AND_LANGS and (" i " in text or " и " in text):
        text = HOUR_AND.sub(r"\1:\2", text)
    return text


def spaced_dates(text: str) -> str:
    """``text`` with its spaced dates ("13 05 2020") written with dots: asked only
    of a text in which the grammar found no date, as a form this loose is a date
    only there (and scanning every text for it would cost a twentieth of a call)."""
    return SPACED_DATE.sub(r"\1.\2.\3", text)


def _act_date(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    return f"{year}.{ROMAN_MONTHS.index(month.lower()) + 1:02d}.{int(day):02d}."
