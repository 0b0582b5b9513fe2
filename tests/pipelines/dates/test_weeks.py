"""Weeks of the year, as Nordic, Dutch and German pages count them (ISO weeks)."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2027, 1, 10)


def read(text: str, lang: str, kind: str = "event", reference: date = REF):
    return parse_date(text, lang, kind, reference, "Europe/Copenhagen")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Workshops afholdes i uge 10-12", "da", date(2027, 3, 8), date(2027, 3, 28)),
        ("Vi har stengt uke 28", "nb", date(2027, 7, 12), date(2027, 7, 18)),
        ("Tentamen vecka 23", "sv", date(2027, 6, 7), date(2027, 6, 13)),
        ("Messe in KW 20/2028", "de", date(2028, 5, 15), date(2028, 5, 21)),
        ("Bekanntgabe in der 9. Kalenderwoche", "de", date(2027, 3, 1), date(2027, 3, 7)),
        ("Oplevering in week 2, 2028", "nl", date(2028, 1, 10), date(2028, 1, 16)),
    ],
)
def test_a_week_runs_from_its_monday_to_its_sunday(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Auszahlung ab der 9. Kalenderwoche", "de"),
        ("Åbent fra uge 9", "da"),
    ],
)
def test_from_a_week_is_its_monday(text, lang):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (date(2027, 3, 1), None, None)


def test_a_week_is_read_in_the_year_near_the_reference():
    assert read("Lukket uge 51", "da", reference=date(2027, 12, 1)).start == date(2027, 12, 20)
    assert read("Lukket uge 2", "da", reference=date(2027, 12, 1)).start == date(2028, 1, 10)


def test_a_week_gives_way_to_a_date():
    result = read("I uge 10 holder vi møde den 9. marts 2027", "da")
    assert (result.start, result.end) == (date(2027, 3, 9), None)


def test_a_week_that_does_not_exist_is_an_error():
    assert read("KW 53/2027", "de").error is not None
