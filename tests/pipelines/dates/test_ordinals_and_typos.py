"""Ordinal ranges, and the small slips a reader fixes without noticing."""

from __future__ import annotations

from datetime import date, datetime

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Proposals are welcome until the 30th of April.", date(2026, 4, 30)),
        ("The form stays open through the 3rd September", date(2026, 9, 3)),
    ],
)
def test_an_ordinal_after_until_with_its_own_month(text, expected):
    result = read(text, kind="deadline")
    assert (result.start, result.end, result.error) == (expected, None, None)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Publicado: 21 . 03 . 2027", "es", date(2027, 3, 21)),
        ("Λήξη: 4 / 5 / 2027", "el", date(2027, 5, 4)),
    ],
)
def test_spaces_around_the_separators_of_a_numeric_date(text, lang, expected):
    assert read(text, lang).start == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Autor: Ana Ruiz - 17-Marzo-2027", "es", date(2027, 3, 17)),
        ("Posted 03-Feb-2027 by admin", "en", date(2027, 2, 3)),
    ],
)
def test_dashes_around_a_month_name(text, lang, expected):
    assert read(text, lang).start == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Entries must arrive by September, 30th 2027.", date(2027, 9, 30)),
        ("Closing on March, 2 2027", date(2027, 3, 2)),
    ],
)
def test_a_comma_between_the_month_and_its_day(text, expected):
    assert read(text, kind="deadline").start == expected


def test_a_comma_after_a_month_without_a_year_is_no_day():
    # "in June, 5 people" counts people
    assert read("June, 5 people came", kind="deadline").error is not None


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Paskelbta data2027-04-08 10:30 Priemonė", "lt", datetime(2027, 4, 8, 10, 30)),
        ("Press release12 May 2027European Commission", "en", date(2027, 5, 12)),
        ("Zgłoszenia do dnia2027-06-30", "pl", date(2027, 6, 30)),
    ],
)
def test_a_label_glued_to_its_date(text, lang, start):
    assert read(text, lang).start == start


def test_a_half_year_is_not_unglued():
    result = read("Next call: H2 2027")
    assert (result.earliest, result.latest) == (date(2027, 7, 1), date(2027, 12, 31))


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("es va celebrar del 14 i el 15 de maig 2027", "ca", date(2027, 5, 14), date(2027, 5, 15)),
        ("entre o dia 3 e o 6 de junho de 2027", "pt", date(2027, 6, 3), date(2027, 6, 6)),
    ],
)
def test_an_article_after_the_connector_of_a_range(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Workshop 12 maj 2026, kl l0-12, Innovationshuset",
            "sv",
            datetime(2026, 5, 12, 10),
            datetime(2026, 5, 12, 12),
        ),
        ("Infotilaisuus 4.6.2026 klo 1O alkaen", "fi", datetime(2026, 6, 4, 10), None),
    ],
)
def test_a_letter_typed_for_a_digit_of_an_hour(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end) == (start, end)


def test_a_letter_beside_digits_without_a_time_marker_stays_a_letter():
    # "l0 platser" is no hour: no time marker before it
    assert read("Lilla salen 3 maj 2026, l0 platser", "sv").start == date(2026, 5, 3)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("The course runs from June 3rd to 7th", "en", date(2026, 6, 3), date(2026, 6, 7)),
        ("Lectures 3rd–7th June in room 4", "en", date(2026, 6, 3), date(2026, 6, 7)),
        ("Le salon aura lieu du 1er au 3 juin.", "fr", date(2026, 6, 1), date(2026, 6, 3)),
        ("Las jornadas serán del 1º al 3 de junio.", "es", date(2026, 6, 1), date(2026, 6, 3)),
        ("Il corso si terrà dal 1° al 3 giugno.", "it", date(2026, 6, 1), date(2026, 6, 3)),
        ("O curso decorre de 1º a 3 de junho.", "pt", date(2026, 6, 1), date(2026, 6, 3)),
        ("Die Schulung läuft vom 3. bis 7. Juni.", "de", date(2026, 6, 3), date(2026, 6, 7)),
    ],
)
def test_ordinal_days_of_a_range_in_other_languages(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Deadline June 22th, 2027", date(2027, 6, 22)),
        ("Due on 3nd May 2027", date(2027, 5, 3)),
        ("Meeting on 9 March 9 2027", date(2027, 3, 9)),
    ],
)
def test_more_typos_a_reader_fixes(text, expected):
    assert read(text).start == expected
