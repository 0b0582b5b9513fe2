"""Clock times as people write them."""

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
        (
            "Sprechstunde am 9. Juni 2026 von 10 bis 12",
            "de",
            datetime(2026, 6, 9, 10, 0),
            datetime(2026, 6, 9, 12, 0),
        ),
        ("incontro il 4 giugno 2026 alle 17", "it", datetime(2026, 6, 4, 17, 0), None),
        ("fredag 12/6 klockan 13-16", "sv", datetime(2026, 6, 12, 13, 0), datetime(2026, 6, 12, 16, 0)),
        (
            "Webinar on 8 June 2026 from 10 a.m. to 12 p.m.",
            "en",
            datetime(2026, 6, 8, 10, 0),
            datetime(2026, 6, 8, 12, 0),
        ),
        ("Møde 3. juni 2026 kl 9", "da", datetime(2026, 6, 3, 9, 0), None),
        ("Opening 21 May 2026, 17:30 local time", "en", datetime(2026, 5, 21, 17, 30), None),
        ("sesión el 2 de junio de 2026 a las 9,30 horas", "es", datetime(2026, 6, 2, 9, 30), None),
        ("otvorenje 5.6.2026. u 19 sati", "hr", datetime(2026, 6, 5, 19, 0), None),
        ("vergadering 4 juni 2026 - 14.30u.", "nl", datetime(2026, 6, 4, 14, 30), None),
    ],
)
def test_times_as_people_write_them(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text",
    [
        "Closing date: 30 June 2026 at 12:00 noon",
        "Closing date: 30 June 2026, 12.00 noon",
        "The call closes at noon on Tuesday, 30 June 2026",
    ],
)
def test_noon(text):
    assert read(text, "en", "deadline").start == datetime(2026, 6, 30, 12, 0)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("alle 16 aziende il 4 giugno 2026", "it"),  # "to the 16 companies"
        ("am 9. Juni 2026 kamen von 10 Firmen Vertreter", "de"),
        ("Prize of 10,00 EUR on 9 June 2026", "en"),
    ],
)
def test_numbers_that_are_not_times(text, lang):
    assert read(text, lang).start == date(2026, 6, 4 if lang == "it" else 9)


def test_a_marked_number_with_dots_is_a_date_not_a_time():
    result = read("from 12.01.2027 to 15.01.2027", "en")
    assert (result.start, result.end) == (date(2027, 1, 12), date(2027, 1, 15))


def test_an_hour_with_a_dot_right_after_a_date_is_its_time():
    result = read("Tid: fra tirsdag 9. juni 2026 13.00 til onsdag 10. juni 2026 15.30", "nb")
    assert (result.start, result.end) == (datetime(2026, 6, 9, 13, 0), datetime(2026, 6, 10, 15, 30))


def test_a_marked_day_range_is_not_an_hour():
    result = read("konferencija od 10.-11.06. u Zagrebu", "hr")
    assert (result.start, result.end) == (date(2026, 6, 10), date(2026, 6, 11))


@pytest.mark.parametrize(
    "text, lang, kind, start",
    [
        (
            "Jeudi 4 mars 2027 : Date limite de dépôt des dossiers complets auprès du secrétariat "
            "(17h00 au plus tard)",
            "fr",
            "deadline",
            datetime(2027, 3, 4, 17, 0),
        ),
        (
            "U četvrtak 6. svibnja 2027. u dvorani Gradske knjižnice u Rijeci s početkom u 11:30 sati",
            "hr",
            "event",
            datetime(2027, 5, 6, 11, 30),
        ),
    ],
)
def test_a_texts_one_time_belongs_to_its_one_date_however_far(text, lang, kind, start):
    assert read(text, lang, kind).start == start


def test_two_dates_keep_their_times_near():
    result = read(
        "Opening 4 March 2027 in the main building of the university campus; deadline 6 March 2027 at 16:00",
        "en",
        "deadline",
    )
    assert (result.start, result.end) == (date(2027, 3, 4), datetime(2027, 3, 6, 16, 0))


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "O prazo inicia-se a 2 de maio de 2027 e decorre até às 17h00 do dia 30 de junho de 2027",
            "pt",
            date(2027, 5, 2),
            datetime(2027, 6, 30, 17, 0),
        ),
        (
            "opens on 2 May 2027 and runs until 17:00 on 30 June 2027",
            "en",
            date(2027, 5, 2),
            datetime(2027, 6, 30, 17, 0),
        ),
    ],
)
def test_a_time_after_an_until_word_is_the_next_dates(text, lang, start, end):
    result = read(text, lang, "deadline")
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Tid 2027-09-14 09:3012:00 Plats Stadshuset",
            "sv",
            datetime(2027, 9, 14, 9, 30),
            datetime(2027, 9, 14, 12, 0),
        ),
        ("Aeg 14.09.2027 14:0016:30 Koht", "et", datetime(2027, 9, 14, 14, 0), datetime(2027, 9, 14, 16, 30)),
    ],
)
def test_a_time_range_whose_dash_the_page_dropped(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Candidatures jusqu'au 15 mai 2027 à midi", "fr", datetime(2027, 5, 15, 12, 0)),
        ("Termine il 15 maggio 2027 a mezzogiorno", "it", datetime(2027, 5, 15, 12, 0)),
        ("Nabór kończy się 15 maja 2027 r. w południe", "pl", datetime(2027, 5, 15, 12, 0)),
    ],
)
def test_noon_in_words(text, lang, start):
    assert read(text, lang, "deadline").start == start


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Rok za prijavo: 15. 5. 2027 do 12. ure", "sl", datetime(2027, 5, 15, 12, 0)),
        ("Rok: 15. 5. 2027. do 16. sati", "hr", datetime(2027, 5, 15, 16, 0)),
    ],
)
def test_an_hour_word_after_the_hours_dot(text, lang, start):
    assert read(text, lang, "deadline").start == start


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Koncerts 6. jūnijā 2026, no pulksten 19 Doma laukumā", "lv", datetime(2026, 6, 6, 19, 0)),
        ("Spotkanie 9 czerwca 2026 o godzinie 17 w ratuszu", "pl", datetime(2026, 6, 9, 17, 0)),
        ("Conférence le 4 juin 2026 à 18 h 45 en mairie", "fr", datetime(2026, 6, 4, 18, 45)),
    ],
)
def test_hour_words_and_minutes_after_a_spaced_h(text, lang, start):
    result = read(text, lang)
    assert (result.start, result.end) == (start, None)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Der Flohmarkt beginnt am 6. Juni 2026 um 8 Uhr und dauert bis 14 Uhr.",
            "de",
            datetime(2026, 6, 6, 8, 0),
            datetime(2026, 6, 6, 14, 0),
        ),
        (
            "The library opens on 9 June 2026 at 10:00 and stays open until 19:30.",
            "en",
            datetime(2026, 6, 9, 10, 0),
            datetime(2026, 6, 9, 19, 30),
        ),
    ],
)
def test_a_later_time_after_an_until_word_ends_the_dates_time(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end) == (start, end)


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Přihlášky zasílejte do 20. 4. 2026 do 14.00.", "cs", datetime(2026, 4, 20, 14, 0)),
        ("Abgabe 20.4.2026 bis 14.00", "de", datetime(2026, 4, 20, 14, 0)),
    ],
)
def test_a_dotted_hour_after_an_until_word_is_the_dates_time(text, lang, start):
    assert read(text, lang, kind="deadline").start == start


def test_a_marker_before_a_spaced_date_takes_no_hour_from_its_day():
    result = read("Výstava potrvá od 13. 4. 2026 do 19. 4. 2026.", "cs")
    assert (result.start, result.end) == (date(2026, 4, 13), date(2026, 4, 19))


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Radionica u srijedu 6.5.2026. s početkom u 18 i 30h", "hr", datetime(2026, 5, 6, 18, 30)),
        ("predavanje 12. 5. 2026. u 9 i 15 sati", "bs", datetime(2026, 5, 12, 9, 15)),
        ("састанак 3.6.2026. у 10 и 30 часова", "sr", datetime(2026, 6, 3, 10, 30)),
    ],
)
def test_an_hour_and_its_minutes_joined_by_and(text, lang, start):
    assert read(text, lang).start == start


def test_a_count_joined_by_and_is_no_time():
    assert read("Na skup 12. 5. 2026. došlo je 17 i 30 gostiju", "hr").start == date(2026, 5, 12)
