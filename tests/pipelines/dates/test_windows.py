"""Deadline windows: ``start`` is the opening when the text gives one, ``end`` the deadline."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

REF = date(2026, 1, 10)


def deadline(text: str, lang: str = "en", reference: date = REF):
    return parse_date(text, lang, "deadline", reference, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Wnioski można składać od 12.01.2026 r. do 27.02.2026 r.",
            "pl",
            date(2026, 1, 12),
            date(2026, 2, 27),
        ),
        ("Submissions from 4 May to 19 June 2026", "en", date(2026, 5, 4), date(2026, 6, 19)),
        (
            "The call will open on 3 March 2026 and close on 5 June 2026 at 12:00 CEST",
            "en",
            date(2026, 3, 3),
            datetime(2026, 6, 5, 12, 0),
        ),
        (
            "Teikiama nuo 2026-02-02 09:00 Teikiama iki 2026-03-31 16:00",
            "lt",
            datetime(2026, 2, 2, 9, 0),
            datetime(2026, 3, 31, 16, 0),
        ),
        (
            "Cererile se depun în perioada 3 februarie – 30 aprilie 2026",
            "ro",
            date(2026, 2, 3),
            date(2026, 4, 30),
        ),
        (
            "Den 2. marts 2026 til 14. april 2026 kl. 12.00",
            "da",
            date(2026, 3, 2),
            datetime(2026, 4, 14, 12, 0),
        ),
        (
            "Open: 2 February 2026 · Close: 16 March 2026, 17:00",
            "en",
            date(2026, 2, 2),
            datetime(2026, 3, 16, 17, 0),
        ),
    ],
)
def test_a_window_keeps_its_opening(text, lang, start, end):
    result = deadline(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_window_written_as_one_range_closes_at_the_time_after_it():
    result = deadline("Applications are open from 9 February to 30 April 2026 (17:00 CET)")
    assert (result.start, result.end) == (date(2026, 2, 9), datetime(2026, 4, 30, 17, 0))


def test_a_deadline_without_an_opening_is_start_alone():
    result = deadline("Deadline: 30 April 2026, 17:00")
    assert (result.start, result.end) == (datetime(2026, 4, 30, 17, 0), None)


def test_a_moved_deadline_is_not_a_window():
    result = deadline("The deadline has been extended from 2 March 2026 to 16 March 2026")
    assert (result.start, result.end) == (date(2026, 3, 16), None)


def test_an_opening_and_an_extended_deadline_make_the_window():
    result = deadline("Opens: 5 January 2026. Closes: 5 March 2026. Deadline extended to 19 March 2026.")
    assert (result.start, result.end) == (date(2026, 1, 5), date(2026, 3, 19))


def test_the_zone_is_read_at_the_deadline():
    # CEST agrees with Oslo on 14 April, not on 2 March (still CET there)
    result = parse_date(
        "Open from 2 March 2026 to 14 April 2026, 12:00 CEST", "en", "deadline", REF, "Europe/Oslo"
    )
    assert (result.end, result.tz) == (datetime(2026, 4, 14, 12, 0), "Europe/Oslo")


def test_the_json_of_a_window_gives_opening_and_deadline():
    result = deadline("Opening: 2 February 2026. Closing: 16 March 2026, 17:00").to_json()
    assert (result["start"], result["end"]) == ("2026-02-02", "2026-03-16T17:00")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The cut-off has been changed from 3 March to 17 March 2026", "en"),
        ("Fristen utsettes med to uker, fra 3. til 17. mars 2026", "nb"),
        ("fristen vert flytta frå 3. mars 2026 til 17. mars 2026", "nn"),
    ],
)
def test_a_moved_deadline_in_other_words(text, lang):
    result = deadline(text, lang)
    assert (result.start, result.end) == (date(2026, 3, 17), None)


@pytest.mark.parametrize(
    "text, lang, kind, start, end",
    [
        (
            "Konferencja rozpocznie się 14 maja 2027 i potrwa trzy dni.",
            "pl",
            "event",
            date(2027, 5, 14),
            date(2027, 5, 16),
        ),
        (
            "El termini s'obre el dia 3 de març de 2027 i tindrà una durada de 20 dies naturals.",
            "ca",
            "deadline",
            date(2027, 3, 3),
            date(2027, 3, 22),
        ),
        (
            "The festival opens on 9 July 2027 and lasts five days.",
            "en",
            "event",
            date(2027, 7, 9),
            date(2027, 7, 13),
        ),
    ],
)
def test_a_span_given_as_its_length_after_its_first_day(text, lang, kind, start, end):
    result = parse_date(text, lang, kind, date(2027, 1, 10), "Europe/Brussels")
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_length_before_the_next_date_belongs_to_the_first():
    text = "Workshop 3 May 2027, lasting two days. Published 1 April 2027"
    result = parse_date(text, "en", "event", date(2027, 1, 10), "Europe/Brussels")
    assert (result.start, result.end) == (date(2027, 5, 3), date(2027, 5, 4))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Jelentkezés: 2027. március 10-től április 15-ig", date(2027, 3, 10), date(2027, 4, 15)),
        (
            "A pályázatok beadása 2027. május 3-ától június 30-áig lehetséges",
            date(2027, 5, 3),
            date(2027, 6, 30),
        ),
    ],
)
def test_hungarian_from_and_until_suffixes_make_a_window(text, start, end):
    result = parse_date(text, "hu", "deadline", date(2027, 1, 10), "Europe/Budapest")
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Ordningen åbnes den 2. marts 2026, og fristen er den 15. april 2026 kl. 12.00.",
            "da",
            date(2026, 3, 2),
            datetime(2026, 4, 15, 12, 0),
        ),
        (
            "Utlysningen åpnes 4. mai 2026. Søknadsfristen er 1. juni 2026.",
            "nb",
            date(2026, 5, 4),
            date(2026, 6, 1),
        ),
        (
            "Ansökan öppnas 7 september 2026, sista ansökningsdag 5 oktober 2026.",
            "sv",
            date(2026, 9, 7),
            date(2026, 10, 5),
        ),
    ],
)
def test_an_opening_in_the_passive_voice(text, lang, start, end):
    """Scandinavian "is opened" ("åbnes", "åpnes", "öppnas") names the window's opening."""
    result = parse_date(text, lang, "deadline", REF, "Europe/Brussels")
    assert (result.start, result.end, result.error) == (start, end, None)
