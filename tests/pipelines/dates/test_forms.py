"""Every form the engine must read, and how it fails, one behaviour per test."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import DateResult, parse_date
from pipelines.dates.fallback import could_hold_date

REF = date(2026, 11, 16)


def read(
    text: str,
    lang: str = "en",
    kind: str = "event",
    reference: date = REF,
    tz: str | None = "Europe/Brussels",
) -> DateResult:
    return parse_date(text, lang, kind, reference, tz)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("14-16 May 2019", "en", date(2019, 5, 14), date(2019, 5, 16)),
        ("30 September - 2 October 2020", "en", date(2020, 9, 30), date(2020, 10, 2)),
        ("May 14-16, 2019", "en", date(2019, 5, 14), date(2019, 5, 16)),
        ("22.-23. října 2015", "cs", date(2015, 10, 22), date(2015, 10, 23)),
        ("vom 20. bis 28. April 2017", "de", date(2017, 4, 20), date(2017, 4, 28)),
        ("the 11 and 12 of November 2020", "en", date(2020, 11, 11), date(2020, 11, 12)),
        ("w dniach 13 i 14 czerwca 2024 r.", "pl", date(2024, 6, 13), date(2024, 6, 14)),
        ("od 30.10.2020 r. do 11.03.2021 r.", "pl", date(2020, 10, 30), date(2021, 3, 11)),
        ("30 December 2022 - 2 January 2023", "en", date(2022, 12, 30), date(2023, 1, 2)),
        ("30 December - 2 January 2021", "en", date(2020, 12, 30), date(2021, 1, 2)),
        ("30 - 2 October 2020", "en", date(2020, 9, 30), date(2020, 10, 2)),
        ("April 30 - May 2, 2024", "en", date(2024, 4, 30), date(2024, 5, 2)),
        ("Monday 4 March 2024 - Wednesday 6 March 2024", "en", date(2024, 3, 4), date(2024, 3, 6)),
    ],
)
def test_ranges_keep_their_end(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end, result.all_day) == (start, end, True)


def test_a_window_read_as_a_deadline_gives_its_opening_and_its_deadline():
    result = read("od 30.10.2020 r. do 11.03.2021 r.", "pl", kind="deadline")
    assert (result.start, result.end) == (date(2020, 10, 30), date(2021, 3, 11))


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("2019 m. sausio 15 d.", "lt", date(2019, 1, 15)),
        ("January 15 d., 2019", "en", date(2019, 1, 15)),
        ("2019 08 23", "lt", date(2019, 8, 23)),
        ("Galioja iki 2020-03-04", "lt", date(2020, 3, 4)),
        ("iki 2019 m. vasario 1 d.", "lt", date(2019, 2, 1)),
    ],
)
def test_lithuanian_forms(text, lang, expected):
    assert read(text, lang, kind="deadline").start == expected


@pytest.mark.parametrize(
    "text, lang, start, zone",
    [
        ("Deadline: 1 April 2023, 23.59 CEST", "en", datetime(2023, 4, 1, 23, 59), "Europe/Brussels"),
        ("Frist 1. mars 2024 kl. 15:00", "nb", datetime(2024, 3, 1, 15, 0), "Europe/Oslo"),
        ("Søknadsfrist 21. juni 2024, klokken 16.00", "nb", datetime(2024, 6, 21, 16, 0), "Europe/Oslo"),
        ("do 29 września 2023 r. do godz. 16:00", "pl", datetime(2023, 9, 29, 16, 0), "Europe/Warsaw"),
        ("iki 2019 m. vasario 1 d. 12 val.", "lt", datetime(2019, 2, 1, 12, 0), "Europe/Vilnius"),
        (
            "close on 9 June 2023 at 12:00 p.m. (midday) CEST (Paris time)",
            "en",
            datetime(2023, 6, 9, 12, 0),
            "Europe/Paris",
        ),
        ("25 April 2024, 23:59 Brussels time", "en", datetime(2024, 4, 25, 23, 59), "Europe/Brussels"),
        ("open until to 12:00:00 GMT 2019/11/29", "en", datetime(2019, 11, 29, 12, 0), "Etc/GMT"),
    ],
)
def test_times_and_zones(text, lang, start, zone):
    default = {"en": "Europe/Brussels", "nb": "Europe/Oslo", "pl": "Europe/Warsaw", "lt": "Europe/Vilnius"}[
        lang
    ]
    result = read(text, lang, kind="deadline", tz=default)
    assert (result.start, result.tz, result.all_day) == (start, zone, False)


def test_a_zone_abbreviation_that_disagrees_with_the_source_names_its_own_zone():
    result = read("Deadline: 1 March 2024, 12:00 EET", kind="deadline", tz="Europe/Oslo")
    assert result.tz == "Europe/Helsinki"


@pytest.mark.parametrize(
    "text", ["Deadline: 1 March 2024, 12:00 (ref. FACET)", "Deadline: 1 March 2024, 12:00, room XUTC"]
)
def test_a_zone_abbreviation_inside_a_word_names_no_zone(text):
    assert read(text, kind="deadline", tz="Europe/Oslo").tz == "Europe/Oslo"


def test_without_a_zone_in_the_text_the_source_zone_holds():
    assert read("Frist 1. mars 2024 kl. 15:00", "nb", tz="Europe/Oslo").tz == "Europe/Oslo"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", date(2022, 3, 1)),
        ("nb", date(2022, 3, 1)),
        ("pl", date(2022, 3, 1)),
        ("de", date(2022, 3, 1)),
        ("ro", date(2022, 3, 1)),
        ("lt", date(2022, 3, 1)),
    ],
)
def test_numeric_dates_are_day_first(lang, expected):
    assert read("01.03.2022", lang).start == expected


def test_missing_year_comes_from_the_reference():
    assert read("15.05 Frist skisser", "nb", "deadline", date(2023, 3, 2)).start == date(2023, 5, 15)
    assert read("do 13 października br.", "pl", "deadline", date(2023, 9, 1)).start == date(2023, 10, 13)
    # A published date is never after the page was read.
    assert read("Posted 28 December", "en", "published", date(2024, 1, 5)).start == date(2023, 12, 28)
    # An event a page announces is on or after (about) its date.
    assert read("14 January", "en", "event", date(2024, 11, 20)).start == date(2025, 1, 14)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Published 1 March 2024. Deadline: 15 April 2024", "en"),
        ("Publisert 1. mars 2024. Frist 15. april 2024", "nb"),
        ("Publisert 1. mars 2024. Søknadsfrist: 15. april 2024", "nb"),
        ("Publiceret 1. marts 2024. Ansøgningsfrist 15. april 2024", "da"),
        ("Opublikowano 1 marca 2024 r. Termin: 15 kwietnia 2024 r.", "pl"),
        ("Opublikowano 1 marca 2024 r., wnioski do 15 kwietnia 2024 r.", "pl"),
        ("Paskelbta 2024-03-01. Paraiškos priimamos iki 2024-04-15", "lt"),
        ("Publicat 1 martie 2024. Cererile se depun până la 15 aprilie 2024", "ro"),
        ("Veröffentlicht am 1. März 2024. Anträge bis 15. April 2024", "de"),
        ("Publié le 1 mars 2024. Candidatures jusqu'au 15 avril 2024", "fr"),
        ("Publicerad 1 mars 2024. Ansökan senast 15 april 2024", "sv"),
        ("Paskelbta 2024-03-01. Galioja iki 2024-04-15", "lt"),
    ],
)
def test_labels_pick_the_wanted_date_in_every_language(text, lang):
    assert read(text, lang, kind="deadline").start == date(2024, 4, 15)
    assert read(text, lang, kind="published").start == date(2024, 3, 1)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Deadline extended from 15 May 2024 to 31 May 2024", "en", date(2024, 5, 31)),
        ("Terminas pratęsiamas iki 2019 m. vasario 15 d.", "lt", date(2019, 2, 15)),
        ("PARP wydłuża termin do 29 września 2023 r.", "pl", date(2023, 9, 29)),
        ("Deadline: 15 May 2024 (extended to 31 May 2024)", "en", date(2024, 5, 31)),
        ("New deadline: 20 January 2022 (previously 10 January 2022)", "en", date(2022, 1, 20)),
        (
            "Claims are accepted up to 12 June 2024, as opposed to 12 April 2024 last year",
            "en",
            date(2024, 6, 12),
        ),
        ("Einreichung bis 30. Juni 2024 (ursprüngliche Frist: 31. Mai 2024)", "de", date(2024, 6, 30)),
        ("Candidaturas até 9 de julho de 2024; prazo original 25 de junho de 2024", "pt", date(2024, 7, 9)),
    ],
)
def test_an_extended_deadline_gives_the_new_date(text, lang, expected):
    assert read(text, lang, kind="deadline").start == expected


def test_an_event_prefers_its_own_dates_over_registration_and_publication():
    text = (
        "Published 2 April 2019. Registration closes on 10 May 2019. The event takes place on 14-16 May 2019."
    )
    result = read(text)
    assert (result.start, result.end) == (date(2019, 5, 14), date(2019, 5, 16))


@pytest.mark.parametrize("text", ["22th May 2024", "May 22nd, 2024", "22nd of May 2024", "May 22th 2024"])
def test_ordinals_and_their_typos(text):
    assert read(text).start == date(2024, 5, 22)


def test_yearly_approximate_deadline():
    result = read("Søknadsfrist er midten av september hvert år", "nb", "deadline", tz="Europe/Oslo")
    assert result.to_json() == {
        "start": "2027-09-15",
        "end": None,
        "tz": "Europe/Oslo",
        "approximate": True,
        "earliest": "2027-09-11",
        "latest": "2027-09-20",
        "recurrence": "yearly",
        "error": None,
    }


@pytest.mark.parametrize(
    "text, lang, kind, error",
    [
        ("To be announced", "en", "event", "no date found"),
        ("kl. 15:00", "nb", "event", "no date found"),
        (
            "Deadline: 5 May 2024. Second cut-off: 5 September 2024",
            "en",
            "deadline",
            "ambiguous: 2 candidate dates",
        ),
        ("Frist 1. mars og 1. september hvert år", "nb", "deadline", "ambiguous: 2 candidate dates"),
        ("31 February 2023", "en", "event", "impossible date: 31 February 2023"),
        ("31.02.2023", "de", "event", "impossible date: 31 February 2023"),
        ("1. januar 0001", "nb", "published", "placeholder date 0001-01-01"),
        ("0001-01-01T00:00:00", "en", "published", "placeholder date 0001-01-01"),
        # A five-digit year is no year, and the day and month before it no date of this year.
        ("31 December 99999", "en", "event", "no date found"),
        ("December 31, 99999", "en", "deadline", "no date found"),
        ("end of December 99999", "en", "deadline", "no date found"),
        ("Termin: 31.12.99999", "pl", "deadline", "no date found"),
        ("31. desember 12026 kl. 10:00", "nb", "event", "no date found"),
    ],
)
def test_failures_say_why(text, lang, kind, error):
    result = read(text, lang, kind)
    assert (result.start, result.end, result.error) == (None, None, error)


def test_a_day_and_month_before_a_year_of_four_digits_are_still_read():
    # Refusing "31.12.99999" must not refuse the "5.10" of a range ending in a year.
    result = read("5.10-19.10.2022", "uk", reference=date(2022, 8, 22))
    assert (result.start, result.end) == (date(2022, 10, 5), date(2022, 10, 19))


def test_dateparser_fallback_reads_relative_dates_from_the_reference():
    assert read("i morgen", "nb").start == date(2026, 11, 17)
    assert read("Published: 2 weeks ago", "en", "published").start == date(2026, 11, 2)


def test_result_api():
    timed = read("Deadline: 1 April 2023, 23.59 CEST", kind="deadline")
    assert not timed.all_day and timed.start == datetime(2023, 4, 1, 23, 59)
    assert timed.to_json()["start"] == "2023-04-01T23:59"
    with pytest.raises(ValueError):
        read("1 May 2024", kind="opening")
    assert read("1 May 2024", reference=None).start == date(2024, 5, 1)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("i morgen", "nb", True),
        ("2 weeks ago", "en", True),
        ("wczoraj", "pl", True),
        ("15 03 2024", "en", True),
        ("To be announced", "en", False),
        ("Pasibaigęs", "lt", False),
        ("Budget: EUR 1.000.000 for 10-15 partners", "en", False),
    ],
)
def test_dateparser_is_asked_only_when_the_text_could_hold_a_date(text, lang, expected):
    assert could_hold_date(text, lang) is expected


@pytest.mark.parametrize(
    "text, zone",
    [
        ("2027-01-28T17:00:00.000+0000", "UTC"),
        ("2027-01-28T17:00:00.000+0100", "Europe/Brussels"),  # the source's zone has that offset
        ("2027-01-28T17:00:00.000+0200", "Etc/GMT-2"),  # it has not: a fixed offset
        ("2027-07-28T17:00:00+02:00", "Europe/Brussels"),
    ],
)
def test_iso_offsets(text, zone):
    result = read(text, kind="deadline", tz="Europe/Brussels")
    assert (result.start.hour, result.tz) == (17, zone)


def test_odd_inputs_give_reasons_not_exceptions():
    assert read("", "en").error == "no date found"
    assert read(None, None).error == "no date found"
    assert read("14 May 2019", "xx").start == date(2019, 5, 14)  # English months everywhere
    assert read("14. mai 2019", "no").start == date(2019, 5, 14)  # "no" reads as Bokmål
    assert read("1 May 2024", reference=datetime(2024, 1, 1, 9)).start == date(2024, 5, 1)
    assert read("1 May 2024 10:00 CET", tz="Not/AZone").tz == "Europe/Brussels"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Scéim nua i Mí Feabhra 12 Feabhra 2027", "ga", date(2027, 2, 12)),
        ("News in March 4 March 2027", "en", date(2027, 3, 4)),
    ],
)
def test_a_day_before_a_month_name_belongs_to_that_month(text, lang, expected):
    result = parse_date(text, lang, "published", date(2027, 3, 5), "Europe/Brussels")
    assert (result.start, result.error) == (expected, None)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Annual report of the cluster05.11.2025 Members met in Kaunas", "en", date(2025, 11, 5)),
        ("Novinka na webu23/10/2025", "cs", date(2025, 10, 23)),
        ("Αρ. Πρωτ.: 2041/14-07-2025", "el", date(2025, 7, 14)),
        ("Broj: 112/3-11-2025 odluka", "hr", date(2025, 11, 3)),
    ],
)
def test_a_numeric_date_glued_to_a_word_or_a_file_number(text, lang, expected):
    assert read(text, lang, "published", date(2025, 12, 1)).start == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Objavljeno 07 10 2025 u rubrici vijesti", "hr", date(2025, 10, 7)),
        ("zveřejněno: 28 02 2025", "cs", date(2025, 2, 28)),
    ],
)
def test_a_day_month_and_year_of_two_two_and_four_digits_spaced(text, lang, expected):
    assert read(text, lang, "published", date(2025, 12, 1)).start == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tel. 01 12 2019 99",  # a phone number with more digits after it
        "Tel. 385 01 12 2019",  # and before it
        "Kontakt 7 5 2019",  # one-digit day and month: no such spacing
        "Cijena 12 13 2019",  # no thirteenth month
    ],
)
def test_spaced_numbers_that_are_no_date(text):
    assert read(text, "hr", "published", date(2025, 12, 1)).error == "no date found"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a 12/2014. (IV. 23.) NGM rendelet szerint", date(2014, 4, 23)),
        ("kihirdetve: 2019. (XII. 5.)", date(2019, 12, 5)),
    ],
)
def test_a_hungarian_act_dates_itself_with_a_roman_month(text, expected):
    assert read(text, "hu", "published", date(2025, 12, 1)).start == expected


def test_a_roman_month_in_brackets_is_no_date_outside_hungarian():
    assert read("see 2019. (XII. 5.)", "en", "published", date(2025, 12, 1)).error == "no date found"


def test_a_spaced_date_gives_way_to_a_date_the_grammar_reads():
    result = read("Rok prijave 15. 11. 2025. (šifra 07 10 2025)", "hr", "deadline", date(2025, 9, 1))
    assert (result.start, result.error) == (date(2025, 11, 15), None)
