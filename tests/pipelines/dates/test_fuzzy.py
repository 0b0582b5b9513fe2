"""Vague dates: approximate, with the window they allow; the window's middle stands for them."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 1, 10)


def read(text: str, lang: str = "en", kind: str = "event"):
    return parse_date(text, lang, kind, REF, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, earliest, latest",
    [
        ("Svar forventes ultimo juni 2026", "da", date(2026, 6, 21), date(2026, 6, 30)),
        ("Projektet starter primo september 2026", "da", date(2026, 9, 1), date(2026, 9, 10)),
        ("Results at the beginning of December 2026", "en", date(2026, 12, 1), date(2026, 12, 10)),
        ("Evaluation by end of March 2026 expected", "en", date(2026, 3, 21), date(2026, 3, 31)),
        ("in the second half of April 2026", "en", date(2026, 4, 16), date(2026, 4, 30)),
        ("v první polovině června 2026", "cs", date(2026, 6, 1), date(2026, 6, 15)),
        ("early spring 2027", "en", date(2027, 3, 1), date(2027, 3, 31)),
        ("Ausschreibung im Frühjahr 2027", "de", date(2027, 3, 1), date(2027, 5, 31)),
        ("la convocatoria se abrirá en otoño de 2026", "es", date(2026, 9, 1), date(2026, 11, 30)),
        ("winter 2026", "en", date(2026, 12, 1), date(2027, 2, 28)),
        ("Call expected in early 2027", "en", date(2027, 1, 1), date(2027, 3, 31)),
        ("ferdig medio 2027", "nb", date(2027, 4, 1), date(2027, 9, 30)),
        ("planlagt 2. halvår 2026", "nb", date(2026, 7, 1), date(2026, 12, 31)),
        ("Next call: H1 2027", "en", date(2027, 1, 1), date(2027, 6, 30)),
        ("September 2026", "en", date(2026, 9, 1), date(2026, 9, 30)),
    ],
)
def test_a_vague_date_is_approximate_with_its_window_and_its_middle(text, lang, earliest, latest):
    result = read(text, lang)
    assert (result.approximate, result.earliest, result.latest) == (True, earliest, latest)
    assert result.start == earliest + (latest - earliest) // 2


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Frist: innen utgangen av mai 2026", "nb", date(2026, 5, 31)),
        ("ansökan senast vid utgången av oktober 2026", "sv", date(2026, 10, 31)),
        ("pieteikumi līdz 2026. gada beigām", "lv", date(2026, 12, 31)),
        ("by the end of 2026", "en", date(2026, 12, 31)),
    ],
)
def test_by_the_end_of_is_the_last_day_exactly(text, lang, expected):
    result = read(text, lang, "deadline")
    assert (result.start, result.approximate) == (expected, False)


def test_a_season_names_a_date_only_with_its_year():
    assert read("Summer School in Riga", "en").error == "no date found"
    assert read("Winter School 2026 in Riga", "en").error == "no date found"


@pytest.mark.parametrize(
    "text, lang, start, earliest, latest",
    [
        (
            "The pilot runs March 2027 - June 2027.",
            "en",
            date(2027, 4, 30),
            date(2027, 3, 1),
            date(2027, 6, 30),
        ),
        (
            "Projektet pågår oktober 2027 – januari 2028",
            "sv",
            date(2027, 12, 1),
            date(2027, 10, 1),
            date(2028, 1, 31),
        ),
    ],
)
def test_a_span_of_months_stands_at_the_middle_of_its_window(text, lang, start, earliest, latest):
    result = parse_date(text, lang, "event", date(2027, 1, 10), "Europe/Brussels")
    assert (result.start, result.earliest, result.latest, result.approximate) == (
        start,
        earliest,
        latest,
        True,
    )


@pytest.mark.parametrize(
    "text, lang, start, earliest, latest",
    [
        (
            "Beslut väntas under oktober månad.",
            "sv",
            date(2026, 10, 16),
            date(2026, 10, 1),
            date(2026, 10, 31),
        ),
        ("Haku avataan huhtikuussa.", "fi", date(2026, 4, 15), date(2026, 4, 1), date(2026, 4, 30)),
        (
            "Les résultats seront publiés au mois de juin 2027.",
            "fr",
            date(2027, 6, 15),
            date(2027, 6, 1),
            date(2027, 6, 30),
        ),
        ("Die Auswahl erfolgt im Monat März.", "de", date(2026, 3, 16), date(2026, 3, 1), date(2026, 3, 31)),
        ("Taotlusvoor avatakse oktoobris.", "et", date(2026, 10, 16), date(2026, 10, 1), date(2026, 10, 31)),
        (
            "Rezultatai bus paskelbti gegužės mėn. svetainėje",
            "lt",
            date(2026, 5, 16),
            date(2026, 5, 1),
            date(2026, 5, 31),
        ),
    ],
)
def test_a_month_named_as_a_month(text, lang, start, earliest, latest):
    result = read(text, lang)
    assert (result.start, result.earliest, result.latest, result.approximate) == (
        start,
        earliest,
        latest,
        True,
    )


def test_a_month_named_as_a_month_gives_way_to_a_date():
    result = read("Under oktober månad hålls mötet den 12 oktober 2026.", "sv")
    assert (result.start, result.approximate) == (date(2026, 10, 12), False)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kesäkuu on kiireinen", "fi"),
        ("May we meet again", "en"),
        ("a march through the city", "en"),
        ("Oktoober on vihmane", "et"),
    ],
)
def test_a_bare_month_name_is_no_date(text, lang):
    assert read(text, lang).error == "no date found"


@pytest.mark.parametrize(
    "text, lang, earliest, latest",
    [
        ("Troisième trimestre 2027 : sélection des projets", "fr", date(2027, 7, 1), date(2027, 9, 30)),
        ("Die Auszahlung erfolgt im zweiten Quartal 2027.", "de", date(2027, 4, 1), date(2027, 6, 30)),
        ("Start: 4. Quartal 2027", "de", date(2027, 10, 1), date(2027, 12, 31)),
        ("Ogłoszenie wyników: I kwartał 2027", "pl", date(2027, 1, 1), date(2027, 3, 31)),
        ("Results in the first quarter of 2027", "en", date(2027, 1, 1), date(2027, 3, 31)),
    ],
)
def test_a_quarter_written_in_words(text, lang, earliest, latest):
    result = read(text, lang)
    assert (result.earliest, result.latest, result.approximate) == (earliest, latest, True)


@pytest.mark.parametrize(
    "text, lang, month",
    [
        ("Die Ergebnisse werden im Oktober bekanntgegeben.", "de", 10),
        ("Wyniki zostaną ogłoszone w listopadzie.", "pl", 11),
        ("Natječaj se otvara u svibnju.", "hr", 5),
        ("Los resultados se publicarán en junio.", "es", 6),
        ("The next call opens in September.", "en", 9),
    ],
)
def test_in_a_month_is_that_month_when_the_text_gives_no_date(text, lang, month):
    result = read(text, lang)
    assert (result.start.month, result.earliest.day, result.approximate) == (month, 1, True)


def test_in_a_month_before_its_day_is_the_day():
    assert read("The fair takes place in April 21st-22nd 2026").start == date(2026, 4, 21)
