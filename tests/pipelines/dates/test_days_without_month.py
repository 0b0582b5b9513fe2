"""Days written without their month ("Día 17.", "(dal 26 al 28)"): days of the
month the page was written in, read only when the text gives no other date."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 5, 8)  # the page's date


def read(text: str, lang: str, reference: date = REF):
    return parse_date(text, lang, "event", reference, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Día 21.-Romería de San Roque (festivo local).", "gl", date(2026, 5, 21), None),
        ("Día 21: jornada de puertas abiertas en el museo.", "es", date(2026, 5, 21), None),
        ("A visita decorre no dia 21 na sede da associação.", "pt", date(2026, 5, 21), None),
        ("La gara si correrà il giorno 21 sul circuito cittadino.", "it", date(2026, 5, 21), None),
        (
            "Il festival durerà tre giorni (dal 19 al 21) sul lungomare.",
            "it",
            date(2026, 5, 19),
            date(2026, 5, 21),
        ),
        ("Las jornadas, del 19 al 21, reúnen a cien ponentes.", "es", date(2026, 5, 19), date(2026, 5, 21)),
        ("Le salon se tient du 19 au 21 dans le hall B.", "fr", date(2026, 5, 19), date(2026, 5, 21)),
        ("Die Tagung läuft vom 19. bis 21. im Kongresshaus.", "de", date(2026, 5, 19), date(2026, 5, 21)),
        ("Výstava bude otevřena od 19. do 21. v hale C.", "cs", date(2026, 5, 19), date(2026, 5, 21)),
        ("Sajam traje od 19. do 21. u Zagrebu.", "hr", date(2026, 5, 19), date(2026, 5, 21)),
        ("The fair runs from the 19th to the 21st in hall B.", "en", date(2026, 5, 19), date(2026, 5, 21)),
    ],
)
def test_days_without_a_month_are_of_the_pages_month(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Biuro jest czynne od 8 do 16.", "pl"),  # hours, without the days' ordinal dots
        ("Apertura dalle 9 alle 18.", "it"),
        ("Si applicano gli articoli dal 26 al 28 del regolamento.", "it"),
        ("Kurs für 10 bis 20 Personen", "de"),
    ],
)
def test_numbers_without_a_month_that_are_no_days(text, lang):
    assert read(text, lang).error == "no date found"


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Die Messe findet vom 20. bis 23. April 2026 statt.", "de", date(2026, 4, 20), date(2026, 4, 23)),
        ("entre o dia 7 e 10 de outubro de 2026", "pt", date(2026, 10, 7), date(2026, 10, 10)),
        ("El día 17 de junio de 2026 se abre la sede.", "es", date(2026, 6, 17), None),
    ],
)
def test_days_before_their_month_keep_it(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_days_without_a_month_give_way_to_a_full_date():
    result = read("Día 21: inauguración; clausura el 30 de junio de 2026.", "es")
    assert (result.start, result.error) == (date(2026, 6, 30), None)


def test_a_page_known_only_by_its_year_gives_such_days_no_month():
    assert read("Día 21.-Romería de San Roque.", "gl", date(2026, 1, 1)).error == "a day without its month"
