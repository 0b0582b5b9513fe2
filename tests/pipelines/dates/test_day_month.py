"""A day and month without a year, written with a slash or dots."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)


def read(text: str, lang: str, kind: str = "event"):
    return parse_date(text, lang, kind, REF, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("onsdag 16/9 kl 17:30-20:00", "da", datetime(2026, 9, 16, 17, 30), datetime(2026, 9, 16, 20, 0)),
        ("MÅNDAG 19/10 KLOCKAN 9-12", "sv", datetime(2026, 10, 19, 9, 0), datetime(2026, 10, 19, 12, 0)),
        ("Workshop 7/5 at 14:00", "en", datetime(2026, 5, 7, 14, 0), None),
        ("Messe am Samstag 9.5. in Graz", "de", date(2026, 5, 9), None),
        ("Anmeldung (21.4.) erforderlich", "de", date(2026, 4, 21), None),
        ("haku sulkeutuu 30.9 klo 16.00", "fi", datetime(2026, 9, 30, 16, 0), None),
        ("konferencia 12.-13.05. v Bratislave", "sk", date(2026, 5, 12), date(2026, 5, 13)),
    ],
)
def test_a_yearless_day_and_month(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_weekday_day_month_deadline():
    assert read("Anmälan senast torsdag 5/11", "sv", "deadline").start == date(2026, 11, 5)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Hakuaika 2.2.-27.3.2026", "fi", date(2026, 2, 2), date(2026, 3, 27)),
        ("taotlusvoor 16.03-30.04.2026", "et", date(2026, 3, 16), date(2026, 4, 30)),
        ("pieteikumi (05.01.2026.-27.02.2026.)", "lv", date(2026, 1, 5), date(2026, 2, 27)),
        ("prijave od 15.4. do 2.6.2026", "hr", date(2026, 4, 15), date(2026, 6, 2)),
    ],
)
def test_numeric_windows(text, lang, start, end):
    result = read(text, lang, "deadline")
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text",
    [
        "See section 4.1. for the rules",
        "open 24/7",
        "about 1/2 of the budget",
        "version 3.5 released",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert read(text, "en").error == "no date found"


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Urpremiär 7/10 på Stadsteatern.", "sv", date(2026, 10, 7), None),
        ("Koncert 14/6 i Musikhuset", "da", date(2026, 6, 14), None),
        ("Concerto 21/6 al Teatro Verdi", "it", date(2026, 6, 21), None),
        ("Kunnassa on avautunut 15.4 haku kesätöihin.", "fi", date(2026, 4, 15), None),
        ("11-17.5 Kirjaston teemaviikko, lukupiiri joka ilta", "fi", date(2026, 5, 11), date(2026, 5, 17)),
        ("Festa 20-22/8 na praça central", "pt", date(2026, 8, 20), date(2026, 8, 22)),
    ],
)
def test_a_yearless_day_and_month_alone_in_a_text(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Liput 18-24.7 euroa", "fi"),
        ("Pris 12.5 kr per styck", "sv"),
        ("Osuus 10.5 % budjetista", "fi"),
        ("about 2/3 of the members", "en"),
        ("two thirds: 2/3 av medlemmarna", "sv"),
        ("helpdesk 24/7", "en"),
        ("Release notes for version 10.4", "en"),
        ("katso kohta 12.3", "fi"),
        ("the figure grew 3.5 times", "en"),
    ],
)
def test_an_amount_share_or_number_is_no_yearless_date(text, lang):
    assert read(text, lang).error == "no date found"


def test_a_yearless_day_and_month_alone_gives_way_to_a_full_date():
    result = read("Lipunmyynti 12.5 alkaen, konsertti 20.6.2026", "fi")
    assert (result.start, result.error) == (date(2026, 6, 20), None)
