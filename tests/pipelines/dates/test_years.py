"""The year of a date written without one, found as a reader finds it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import cldr, parse_date
from pipelines.dates.grammar import relative_days


def read(text: str, lang: str = "en", kind: str = "event", reference: date = date(2026, 1, 10)):
    return parse_date(text, lang, kind, reference, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("World Fair 2027 will be open from 1 May to 31 October", "en", date(2027, 5, 1), date(2027, 10, 31)),
        ("Konference ICRI 2027 se koná 12. března", "cs", date(2027, 3, 12), None),
        ("Resolución ABC/456/2027, de 3 de marzo", "es", date(2027, 3, 3), None),
        (
            "Innovation Days 2027 take place during April 21st-22nd",
            "en",
            date(2027, 4, 21),
            date(2027, 4, 22),
        ),
    ],
)
def test_the_year_written_elsewhere_in_the_text(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_span_of_years_is_no_year_for_a_date():
    assert read("Programme 2021-2027: the call opens on 15 March").start == date(2026, 3, 15)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Thursday, 14 November", "en", date(2024, 11, 14)),
        ("mandag den 10. november", "da", date(2025, 11, 10)),
        ("vendredi 13 novembre", "fr", date(2026, 11, 13)),
    ],
)
def test_a_weekday_picks_the_one_year_it_fits(text, lang, expected):
    assert read(text, lang, reference=date(2025, 12, 20)).start == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("la réunion du 14 octobre prochain", "fr"),
        ("on the coming 14 October", "en"),
    ],
)
def test_future_words_put_the_date_ahead(text, lang):
    assert read(text, lang, reference=date(2026, 1, 5)).start == date(2026, 10, 14)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("The exhibition opens today", "en", date(2026, 5, 5), None),
        ("Sajam se otvara sutra u 10 sati", "hr", datetime(2026, 5, 6, 10, 0), None),
        ("Pieteikumus pieņem no šodienas līdz 29. maijam", "lv", date(2026, 5, 5), date(2026, 5, 29)),
        ("Zgłoszenia przyjmujemy od dziś do 20 maja", "pl", date(2026, 5, 5), date(2026, 5, 20)),
    ],
)
def test_days_named_from_the_reference(text, lang, start, end):
    result = read(text, lang, reference=date(2026, 5, 5))
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_written_date_wins_over_today():
    assert read("Closed today, 3 May 2026", reference=date(2026, 5, 9)).start == date(2026, 5, 3)


def test_morning_is_not_tomorrow():
    assert read("por la mañana del 5 de mayo de 2026", "es").start == date(2026, 5, 5)


@pytest.mark.parametrize(
    "text, lang, kind, start, end",
    [
        ("The fair takes place on 20 October.", "en", "event", date(2019, 10, 20), None),
        ("Die Messe läuft vom 3. bis 5. Dezember.", "de", "event", date(2019, 12, 3), date(2019, 12, 5)),
        ("Inscriptions jusqu'au 30 novembre", "fr", "deadline", date(2019, 11, 30), None),
        ("Het loket opent half september.", "nl", "event", date(2019, 9, 15), None),
        ("Päätös tehdään joulukuun alussa.", "fi", "event", date(2019, 12, 5), None),
    ],
)
def test_a_reference_on_the_first_of_january_gives_only_the_year(text, lang, kind, start, end):
    result = read(text, lang, kind, reference=date(2019, 1, 1))
    assert (result.start, result.end, result.error) == (start, end, None)


def test_only_the_year_known_still_yields_to_a_weekday_and_a_written_year():
    assert read("Thursday, 14 November", reference=date(2025, 1, 1)).start == date(2024, 11, 14)
    assert read("Expo 2026 opens on 2 May", reference=date(2025, 1, 1)).start == date(2026, 5, 2)


def test_a_reference_on_another_day_of_january_reads_near_it():
    assert read("The fair takes place on 20 October.", reference=date(2019, 1, 2)).start == date(2018, 10, 20)


def test_a_month_whose_name_begins_like_a_weekday_names_no_weekday():
    # Hungarian "sze" (szerda, Wednesday) begins "szeptember"
    assert read("A konferencia szeptember 10-én volt", "hu", reference=date(2025, 9, 23)).start == date(
        2025, 9, 10
    )


@pytest.mark.parametrize(
    "text, lang, start",
    [
        # 2026-05-07 is a Thursday
        ("Koncert bo prihodnji petek ob 19. uri", "sl", datetime(2026, 5, 8, 19, 0)),
        ("Sajam se održava ove nedjelje u 10 sati", "hr", datetime(2026, 5, 10, 10, 0)),
        ("The office reopens next Monday", "en", date(2026, 5, 11)),
        ("Réunion mercredi prochain à 14h", "fr", datetime(2026, 5, 13, 14, 0)),
        ("Wir treffen uns am kommenden Donnerstag", "de", date(2026, 5, 14)),
    ],
)
def test_a_weekday_named_ahead_is_the_next_such_day(text, lang, start):
    result = read(text, lang, reference=date(2026, 5, 7))
    assert (result.start, result.error) == (start, None)


def test_a_weekday_named_ahead_gives_way_to_its_written_date():
    assert read("Sljedeći utorak 12.5.2026. u 17 sati", "hr", reference=date(2026, 5, 7)).start == datetime(
        2026, 5, 12, 17, 0
    )


def test_a_weekday_between_two_dates_is_no_date():
    assert read("from Friday to Monday", reference=date(2026, 5, 7)).error == "no date found"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Wnioski składa się do 15 marca każdego roku.", "pl", date(2027, 3, 15)),
        ("Søknadsfristen er 1. oktober hvert år.", "nb", date(2026, 10, 1)),
    ],
)
def test_a_date_every_year_is_the_next_one_and_recurs(text, lang, expected):
    result = read(text, lang, "deadline", reference=date(2026, 5, 5))
    assert (result.start, result.recurrence) == (expected, "yearly")


@pytest.mark.parametrize(
    "text, lang, reference, expected",
    [
        ("Protokoll der Sitzung vom 14/10/98 im Saal 2", "de", date(1998, 1, 1), date(1998, 10, 14)),
        ("verbale della riunione del 21/05/79", "it", date(1980, 6, 1), date(1979, 5, 21)),
        ("minutes of the meeting held 03/02/27", "en", date(2026, 1, 10), date(2027, 2, 3)),
    ],
)
def test_a_two_digit_year_takes_the_century_nearest_the_reference(text, lang, reference, expected):
    assert read(text, lang, reference=reference).start == expected


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Die Messe öffnet übermorgen um 9 Uhr", "de", datetime(2026, 5, 7, 9, 0), None),
        ("Il mercato apre dopodomani in piazza", "it", date(2026, 5, 7), None),
        ("Pozvánky jsme rozeslali předevčírem", "cs", date(2026, 5, 3), None),
        ("Утре и задутре трае саемот во Струмица", "mk", date(2026, 5, 6), date(2026, 5, 7)),
        ("Bugün ve yarın fuar açık", "tr", date(2026, 5, 5), date(2026, 5, 6)),
        ("Inniu agus amárach atá an t-aonach ar siúl", "ga", date(2026, 5, 5), date(2026, 5, 6)),
    ],
)
def test_days_named_from_the_reference_in_cldr_words(text, lang, start, end):
    """Every language's words for days around the reference, two days either way
    where CLDR has them; "tomorrow and the day after" is one span."""
    result = read(text, lang, reference=date(2026, 5, 5))
    assert (result.start, result.end, result.error) == (start, end, None)


def test_days_named_from_the_reference_cover_every_language():
    for lang in cldr.LANGUAGES:
        assert {-1, 0, 1} <= set(relative_days(lang).values()), lang


def test_german_morgen_stays_a_morning():
    """ "am Morgen" is a morning; lower-cased, it cannot be told from "morgen" (tomorrow)."""
    assert read("Treffpunkt am Morgen beim Rathaus", "de").error == "no date found"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Messe am Freitag, 16. April in Wels", "de"),
        ("viernes 16 de abril, jornada de puertas abiertas", "es"),
        ("venerdì 16 aprile, visita guidata", "it"),
        ("piątek, 16 kwietnia: dzień otwarty", "pl"),
        ("vrijdag 16 april: open dag", "nl"),
        ("pátek 16. dubna – den otevřených dveří", "cs"),
        ("petak, 16. travnja, dan otvorenih vrata", "hr"),
        ("vineri, 16 aprilie, ziua porților deschise", "ro"),
        ("sexta-feira, 16 de abril, dia aberto", "pt"),
        ("петък, 16 април – ден на отворените врати", "bg"),
        ("perjantaina 16.4. avoimet ovet", "fi"),
        ("piektdien, 16. aprīlī, atvērto durvju diena", "lv"),
        ("reedel, 16. aprillil avatud uksed", "et"),
        ("Nyílt nap április 16., péntek", "hu"),
        ("Atvirų durų diena balandžio 16 d., penktadienis", "lt"),
        ("Open day 16 April (Friday)", "en"),
    ],
)
def test_a_weekday_before_or_after_its_date_picks_the_year_it_fits(text, lang):
    """16 April is a Friday in 2027, not in 2026 (a Thursday) nor in 2025."""
    assert read(text, lang, reference=date(2026, 3, 2)).start == date(2027, 4, 16)


def test_a_weekday_after_a_range_belongs_to_its_own_date():
    result = read("Thursday 15 April – Friday 16 April", reference=date(2026, 3, 2))
    assert (result.start, result.end) == (date(2027, 4, 15), date(2027, 4, 16))
