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


EARLY_DEC = (date(2026, 12, 1), date(2026, 12, 10))
MID_SEP = (date(2026, 9, 11), date(2026, 9, 20))
LATE_MAR = (date(2027, 3, 21), date(2027, 3, 31))
SECOND_HALF_MAR = (date(2027, 3, 16), date(2027, 3, 31))


@pytest.mark.parametrize(
    "text, lang, window",
    [
        ("Kick-off at the beginning of December 2026", "en", EARLY_DEC),
        ("Auftakt Anfang Dezember 2026", "de", EARLY_DEC),
        ("Lancement début décembre 2026", "fr", EARLY_DEC),
        ("Arranque a principios de diciembre de 2026", "es", EARLY_DEC),
        ("Avvio a inizio dicembre 2026", "it", EARLY_DEC),
        ("Arranque no início de dezembro de 2026", "pt", EARLY_DEC),
        ("Start begin december 2026", "nl", EARLY_DEC),
        ("Opstart primo december 2026", "da", EARLY_DEC),
        ("Oppstart i begynnelsen av desember 2026", "nb", EARLY_DEC),
        ("Start i början av december 2026", "sv", EARLY_DEC),
        ("Aloitus joulukuun alussa 2026", "fi", EARLY_DEC),
        ("Algus detsembri alguses 2026", "et", EARLY_DEC),
        ("Sākums 2026. gada decembra sākumā", "lv", EARLY_DEC),
        ("Pradžia 2026 m. gruodžio pradžioje", "lt", EARLY_DEC),
        ("Start na początku grudnia 2026", "pl", EARLY_DEC),
        ("Zahájení na začátku prosince 2026", "cs", EARLY_DEC),
        ("Spustenie začiatkom decembra 2026", "sk", EARLY_DEC),
        ("Začetek v začetku decembra 2026", "sl", EARLY_DEC),
        ("Početak početkom prosinca 2026", "hr", EARLY_DEC),
        ("Kezdés 2026. december elején", "hu", EARLY_DEC),
        ("Lansare la începutul lui decembrie 2026", "ro", EARLY_DEC),
        ("Старт в началото на декември 2026", "bg", EARLY_DEC),
        ("Έναρξη στις αρχές Δεκεμβρίου 2026", "el", EARLY_DEC),
        ("Il-bidu fil-bidu ta' Diċembru 2026", "mt", EARLY_DEC),
        ("Results mid-September 2026", "en", MID_SEP),
        ("Ergebnisse Mitte September 2026", "de", MID_SEP),
        ("Résultats mi-septembre 2026", "fr", MID_SEP),
        ("Resultados a mediados de septiembre de 2026", "es", MID_SEP),
        ("Risultati a metà settembre 2026", "it", MID_SEP),
        ("Resultados em meados de setembro de 2026", "pt", MID_SEP),
        ("Uitslag midden september 2026", "nl", MID_SEP),
        ("Svar medio september 2026", "da", MID_SEP),
        ("Besked i mitten av september 2026", "sv", MID_SEP),
        ("Tulokset syyskuun puolivälissä 2026", "fi", MID_SEP),
        ("Wyniki w połowie września 2026", "pl", MID_SEP),
        ("Výsledky v polovině září 2026", "cs", MID_SEP),
        ("Výsledky v polovici septembra 2026", "sk", MID_SEP),
        ("Rezultati sredi septembra 2026", "sl", MID_SEP),
        ("Rezultati sredinom rujna 2026", "hr", MID_SEP),
        ("Eredmények szeptember közepén 2026", "hu", MID_SEP),
        ("Rezultate la mijlocul lunii septembrie 2026", "ro", MID_SEP),
        ("Резултати в средата на септември 2026", "bg", MID_SEP),
        ("Αποτελέσματα στα μέσα Σεπτεμβρίου 2026", "el", MID_SEP),
        ("Rezultatai 2026 m. rugsėjo viduryje", "lt", MID_SEP),
        ("Decision in late March 2027", "en", LATE_MAR),
        ("Entscheidung Ende März 2027", "de", LATE_MAR),
        ("Décision fin mars 2027", "fr", LATE_MAR),
        ("Decisión a finales de marzo de 2027", "es", LATE_MAR),
        ("Decisione a fine marzo 2027", "it", LATE_MAR),
        ("Decisão no final de março de 2027", "pt", LATE_MAR),
        ("Besluit eind maart 2027", "nl", LATE_MAR),
        ("Afgørelse ultimo marts 2027", "da", LATE_MAR),
        ("Vedtak i slutten av mars 2027", "nb", LATE_MAR),
        ("Beslut i slutet av mars 2027", "sv", LATE_MAR),
        ("Päätös maaliskuun lopussa 2027", "fi", LATE_MAR),
        ("Otsus märtsi lõpus 2027", "et", LATE_MAR),
        ("Decyzja pod koniec marca 2027", "pl", LATE_MAR),
        ("Rozhodnutí koncem března 2027", "cs", LATE_MAR),
        ("Rozhodnutie koncom marca 2027", "sk", LATE_MAR),
        ("Odločitev ob koncu marca 2027", "sl", LATE_MAR),
        ("Odluka krajem ožujka 2027", "hr", LATE_MAR),
        ("Döntés 2027. március végén", "hu", LATE_MAR),
        ("Decizie la sfârșitul lunii martie 2027", "ro", LATE_MAR),
        ("Решение в края на март 2027", "bg", LATE_MAR),
        ("Απόφαση στα τέλη Μαρτίου 2027", "el", LATE_MAR),
        ("Lēmums 2027. gada marta beigās", "lv", LATE_MAR),
        ("Deċiżjoni fl-aħħar ta' Marzu 2027", "mt", LATE_MAR),
        ("Hodnocení v druhé polovině března 2027", "cs", SECOND_HALF_MAR),
        ("Ocena w drugiej połowie marca 2027", "pl", SECOND_HALF_MAR),
        ("Hodnotenie v druhej polovici marca 2027", "sk", SECOND_HALF_MAR),
        ("Ocjena u drugoj polovici ožujka 2027", "hr", SECOND_HALF_MAR),
        ("Ocena v drugi polovici marca 2027", "sl", SECOND_HALF_MAR),
        ("Evaluare în a doua jumătate a lunii martie 2027", "ro", SECOND_HALF_MAR),
        ("Avaliação na segunda metade de março de 2027", "pt", SECOND_HALF_MAR),
        ("Beoordeling in de tweede helft van maart 2027", "nl", SECOND_HALF_MAR),
        ("Оценка през втората половина на март 2027", "bg", SECOND_HALF_MAR),
        ("Bewertung in der zweiten Hälfte März 2027", "de", SECOND_HALF_MAR),
    ],
)
def test_a_part_of_a_month_in_every_language(text, lang, window):
    result = parse_date(text, lang, "event", date(2026, 6, 1), "Europe/Brussels")
    assert (result.approximate, result.earliest, result.latest) == (True, *window)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("au début du printemps 2027", "fr"),
        ("a principios de la primavera de 2027", "es"),
        ("all'inizio della primavera 2027", "it"),
        ("Anfang Frühling 2027", "de"),
    ],
)
def test_the_part_of_a_season_with_its_article(text, lang):
    result = read(text, lang)
    assert (result.earliest, result.latest) == (date(2027, 3, 1), date(2027, 3, 31))


def test_the_words_of_one_language_are_not_read_in_another():
    """Danish "primo" is early in the month; Italian "primo maggio" is no such window."""
    assert read("Svar primo maj 2026", "da").latest == date(2026, 5, 10)
    assert read("Festa il primo maggio 2026", "it").latest != date(2026, 5, 10)


def test_ultimo_without_a_year_is_the_next_such_window():
    result = read("Ansøgningsfrist ultimo maj", "da")
    assert (result.earliest, result.latest, result.approximate) == (
        date(2026, 5, 21),
        date(2026, 5, 31),
        True,
    )


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Další kolo bude vyhlášeno v průběhu měsíce června.", "cs"),
        ("Výzva bude zverejnená počas mesiaca jún.", "sk"),
        ("Die Ausschreibung erfolgt im Laufe des Monats Juni.", "de"),
        ("L'appel sera lancé au cours du mois de juin.", "fr"),
        ("Il bando uscirà nel corso del mese di giugno.", "it"),
        ("Poziv će biti objavljen tijekom lipnja.", "hr"),
    ],
)
def test_during_a_month_is_that_month(text, lang):
    result = read(text, lang)
    assert (result.earliest, result.latest, result.approximate) == (date(2026, 6, 1), date(2026, 6, 30), True)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Naslednji razpis bo predvidoma v letu 2027.", "sl"),
        ("Die nächste Runde folgt im Jahr 2027.", "de"),
        ("Seuraava haku avataan vuonna 2027.", "fi"),
        ("Järgmine taotlusvoor avatakse 2027. aastal.", "et"),
        ("Kolejny nabór planowany jest w roku 2027.", "pl"),
        ("Další výzva bude vyhlášena v roce 2027.", "cs"),
        ("A következő pályázat 2027-ben nyílik meg.", "hu"),
        ("The next call is planned in the year 2027.", "en"),
    ],
)
def test_a_year_named_as_the_time_of_something_is_that_year(text, lang):
    result = read(text, lang, "deadline")
    assert (result.start, result.earliest, result.latest, result.approximate) == (
        date(2027, 7, 2),
        date(2027, 1, 1),
        date(2027, 12, 31),
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The programme ran in the year 2019 to 2021",  # a span of years
        "Im Jahr 2027-2028 ändert sich nichts",
    ],
)
def test_a_span_of_years_is_no_year_named(text):
    assert read(text, "de" if text.startswith("Im") else "en").error == "no date found"


def test_a_year_named_gives_way_to_a_date():
    assert read("Im Jahr 2027 beginnt die Runde am 3. Mai 2027.", "de").start == date(2027, 5, 3)


def test_a_calls_number_shaped_like_a_date_is_none():
    """ "2019-6-1-6" numbers a call; the month named after it is the text's date."""
    result = read("Výzvy 2026-6-1-6 a 2026-6-2-7 budou vyhlášeny v průběhu měsíce května.", "cs")
    assert (result.earliest, result.latest, result.approximate) == (date(2026, 5, 1), date(2026, 5, 31), True)
