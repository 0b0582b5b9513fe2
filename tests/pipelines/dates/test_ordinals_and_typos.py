"""Ordinal ranges, and the small slips a reader fixes without noticing."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)


def read(text: str, lang: str = "en", kind: str = "event"):
    return parse_date(text, lang, kind, REF, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("The festival runs from July 2nd to 5th", date(2026, 7, 2), date(2026, 7, 5)),
        (
            "Opening on Tuesday, 9th of June, with sessions continuing until the 12th",
            date(2026, 6, 9),
            date(2026, 6, 12),
        ),
        ("Classes from the 3rd of August through the 14th", date(2026, 8, 3), date(2026, 8, 14)),
    ],
)
def test_ordinal_ranges(text, start, end):
    result = read(text)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_bare_ordinal_without_a_date_before_it_is_no_date():
    assert read("see the list until the 12th").error == "no date found"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 21 October 21 2027 the board meets", date(2027, 10, 21)),
        ("Deadline 23th April 2027", date(2027, 4, 23)),
        ("the 1th of June 2027", date(2027, 6, 1)),
    ],
)
def test_typos_a_reader_fixes(text, expected):
    assert read(text).start == expected
