"""Two dates where a careful reader knows which one is meant."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

REF = date(2026, 1, 10)


def read(text: str, lang: str = "en", kind: str = "event", reference: date = REF):
    return parse_date(text, lang, kind, reference, "Europe/Brussels")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "The exhibition runs between 3 December 2026 and 28 May 2027",
            "en",
            date(2026, 12, 3),
            date(2027, 5, 28),
        ),
        ("Kurset holdes mellem 2. og 9. marts 2026", "da", date(2026, 3, 2), date(2026, 3, 9)),
        (
            "decorre entre o dia 15 de julho de 2026 e o dia 30 de setembro de 2026",
            "pt",
            date(2026, 7, 15),
            date(2026, 9, 30),
        ),
        ("A vásár május 12. és 16. között lesz", "hu", date(2026, 5, 12), date(2026, 5, 16)),
        ("between June 8 and 19, 2026", "en", date(2026, 6, 8), date(2026, 6, 19)),
    ],
)
def test_between_two_dates_is_a_range(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.error) == (start, end, None)


def test_two_days_listed_without_between_stay_a_choice():
    assert read("June 8 and 19, 2026").error.startswith("ambiguous")


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Die Einreichung beginnt am 1. Dezember 2026 und endet am 15. Februar 2027",
            "de",
            date(2026, 12, 1),
            date(2027, 2, 15),
        ),
        (
            "L'appel a été annoncé le 2 mars 2026 et reste ouvert jusqu’au 30 avril 2026",
            "fr",
            date(2026, 4, 30),
            None,
        ),
        (
            "De call wordt geopend op 1 april 2026 en afgesloten op 1 juli 2026",
            "nl",
            date(2026, 4, 1),
            date(2026, 7, 1),
        ),
        (
            "Ansøgningsfristen er 4. maj 2026 kl. 12.00, og ansøgningerne behandles på mødet den 20. juni",
            "da",
            datetime(2026, 5, 4, 12, 0),
            None,
        ),
        ("Søknadsfrist 1. september (behandles i styremøte 10. oktober)", "nb", date(2026, 9, 1), None),
    ],
)
def test_a_label_binds_to_its_own_date(text, lang, start, end):
    result = read(text, lang, "deadline")
    assert (result.start, result.end, result.error) == (start, end, None)


def test_an_alternative_in_brackets_is_not_a_second_candidate():
    assert read("14.09 Styrelsemöte (ev 21.09)", "sv").start == date(2026, 9, 14)


def test_another_documents_date_is_not_the_texts():
    result = read("Richtlinie über die Förderung, Bundesanzeiger vom 04.03.2026. Vom 20. Februar 2026", "de")
    assert result.start == date(2026, 2, 20)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "12.03.2026 Klyngen har tirsdag den 10. marts 2026 holdt generalforsamling",
            "da",
            date(2026, 3, 12),
        ),
        (
            "Skrevet af redaktionen, 3. marts 2026, 10:15 / opdateret: 5. marts 2026, 8:00",
            "da",
            datetime(2026, 3, 3, 10, 15),
        ),
        ("Dátum: 25.02.2026. 09:40 / Zdroj: agentúra, 25.02.2026.", "sk", datetime(2026, 2, 25, 9, 40)),
    ],
)
def test_the_publication_date_beside_others(text, lang, expected):
    assert read(text, lang, "published").start == expected


def test_a_news_dateline_is_not_the_event():
    result = read("Riga, 4 March (LETA). The fair opens on Friday, 6 March, in Kipsala.")
    assert result.start == date(2026, 3, 6)


def test_one_day_written_twice_with_two_times_is_a_span():
    result = read("12/05/2026 um 10:00 12/05/2026 um 12:30", "de")
    assert (result.start, result.end) == (datetime(2026, 5, 12, 10, 0), datetime(2026, 5, 12, 12, 30))


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "Haku avataan vuoden 2027 alussa ja se kestää maaliskuun loppuun saakka.",
            "fi",
            date(2027, 3, 31),
            None,
        ),
        (
            "Mellan 5 och 25 oktober 2027 kan man ansöka om stöd för perioden april–juni 2027.",
            "sv",
            date(2027, 10, 5),
            date(2027, 10, 25),
        ),
        (
            "Applications for projects starting in autumn 2027 are due 14 May 2027.",
            "en",
            date(2027, 5, 14),
            None,
        ),
    ],
)
def test_a_deadline_is_a_day_not_an_approximate_month(text, lang, start, end):
    result = parse_date(text, lang, "deadline", date(2027, 1, 10), "Europe/Brussels")
    assert (result.start, result.end, result.error) == (start, end, None)


def test_first_and_last_day_labels_make_a_range():
    text = "First day of the summit | 14 September, 2026 | Last day of the summit | 17 September, 2026"
    result = read(text)
    assert (result.start, result.end) == (date(2026, 9, 14), date(2026, 9, 17))


def test_a_reviewed_date_gives_way_to_the_published_one():
    result = read("Publicerad onsdag 3 juni 2026 Granskad fredag 4 december 2026", "sv", "published")
    assert result.start == date(2026, 6, 3)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        (
            "2026-12-31 22:00 - 2027-01-01 02:00 31. decembrī no plkst. 22.00 svinam Jauno gadu",
            "lv",
            datetime(2026, 12, 31, 22, 0),
            datetime(2027, 1, 1, 2, 0),
        ),
        (
            "Messe 12.-14. Mai 2026. Am 14. Mai ist der Eintritt frei.",
            "de",
            date(2026, 5, 12),
            date(2026, 5, 14),
        ),
    ],
)
def test_a_day_that_repeats_a_ranges_first_or_last_day_restates_it(text, lang, start, end):
    result = read(text, lang, reference=date(2026, 12, 1))
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_day_inside_a_range_is_still_a_second_date():
    assert read("Messe 12.-14. Mai 2026, Fachtag am 13. Mai", "de").error is not None


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "Decreto del 3 marzo 2026, registrato alla Corte dei conti il 20 marzo 2026",
            "it",
            date(2026, 3, 3),
        ),
        ("Circular de 5 de fevereiro de 2026, retificada em 12 de fevereiro de 2026", "pt", date(2026, 2, 5)),
    ],
)
def test_a_later_registration_or_correction_is_not_the_publication(text, lang, expected):
    assert read(text, lang, "published").start == expected
