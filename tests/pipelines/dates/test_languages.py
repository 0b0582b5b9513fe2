"""Languages and scripts: month and weekday names from CLDR, the forms CLDR
lacks (each family its own test), and the words around dates in every language."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from pipelines.dates import cldr, parse_date
from pipelines.dates import languages as words
from pipelines.dates.candidates import label_pattern
from pipelines.dates.grammar import weekdays

REF = date(2026, 1, 10)
EU_OFFICIAL = "bg hr cs da nl en et fi fr de el hu ga it lv lt mt pl pt ro sk sl es sv".split()
OTHERS = "nb nn is ca eu gl sr bs mk sq uk tr".split()


def read(text: str, lang: str, kind: str = "event"):
    return parse_date(text, lang, kind, REF, None)


def test_the_stored_names_are_what_babel_gives():
    assert cldr.stored_names() == cldr.names_from_babel()


def test_every_language_has_twelve_months_and_seven_weekdays():
    assert set(EU_OFFICIAL + OTHERS) == set(cldr.LANGUAGES)
    for lang in cldr.LANGUAGES:
        assert sorted(set(cldr.months(lang).values())) == list(range(1, 13)), lang
        assert sorted(set(cldr.weekdays(lang).values())) == list(range(7)), lang


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("12 март 2026 г.", "bg", date(2026, 3, 12)),
        ("15. studenoga 2026.", "hr", date(2026, 11, 15)),
        ("3. června 2026", "cs", date(2026, 6, 3)),
        ("3. feb. 2026", "da", date(2026, 2, 3)),
        ("3 mrt. 2026", "nl", date(2026, 3, 3)),
        ("3 Sept 2026", "en", date(2026, 9, 3)),
        ("3. veebruar 2026", "et", date(2026, 2, 3)),
        ("15. tammikuuta 2026", "fi", date(2026, 1, 15)),
        ("3 janv. 2026", "fr", date(2026, 1, 3)),
        ("3. Jänner 2026", "de", date(2026, 1, 3)),
        ("22 Νοεμβρίου 2026", "el", date(2026, 11, 22)),
        ("2026. márc. 15.", "hu", date(2026, 3, 15)),
        ("30 Meán Fómhair 2026", "ga", date(2026, 9, 30)),
        ("3 gen 2026", "it", date(2026, 1, 3)),
        ("3. janv. 2026", "lv", date(2026, 1, 3)),
        ("2026 m. sausio 15 d.", "lt", date(2026, 1, 15)),
        ("21 ta’ Frar 2026", "mt", date(2026, 2, 21)),
        ("3 lut 2026", "pl", date(2026, 2, 3)),
        ("3 de fev. de 2026", "pt", date(2026, 2, 3)),
        ("3 ian. 2026", "ro", date(2026, 1, 3)),
        ("3. júna 2026", "sk", date(2026, 6, 3)),
        ("3. marec 2026", "sl", date(2026, 3, 3)),
        ("3 de setiembre de 2026", "es", date(2026, 9, 3)),
        ("3 aug. 2026", "sv", date(2026, 8, 3)),
        ("3. des. 2026", "nb", date(2026, 12, 3)),
        ("3. august 2026", "nn", date(2026, 8, 3)),
        ("1. apríl 2026", "is", date(2026, 4, 1)),
        ("3 de febr. de 2026", "ca", date(2026, 2, 3)),
        ("3 d’abril de 2026", "ca", date(2026, 4, 3)),
        ("11 de xaneiro de 2026", "gl", date(2026, 1, 11)),
        ("16 oktobar 2026.", "sr", date(2026, 10, 16)),
        ("16 октобар 2026.", "sr", date(2026, 10, 16)),
        ("16 juli 2026.", "bs", date(2026, 7, 16)),
        ("22 октомври 2026", "mk", date(2026, 10, 22)),
        ("13 qershor 2026", "sq", date(2026, 6, 13)),
        ("3 листопада 2026 року", "uk", date(2026, 11, 3)),
        ("28 Şubat 2026", "tr", date(2026, 2, 28)),
    ],
)
def test_cldr_month_names_in_every_language(text, lang, expected):
    assert read(text, lang).start == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("22 ΝΟΕΜΒΡΙΟΥ 2026", "el", date(2026, 11, 22)),  # capitals drop the accent
        ("22 ΜΑΪΟΥ 2026", "el", date(2026, 5, 22)),
        ("3 KASIM 2026", "tr", date(2026, 11, 3)),  # "I" lower-cases to "i", not "ı"
        ("3 EKİM 2026", "tr", date(2026, 10, 3)),  # "İ" stays: its lower case is two characters
    ],
)
def test_capitals_as_pages_write_them(text, lang, expected):
    assert read(text, lang).start == expected


@pytest.mark.parametrize(
    "text, lang, month",
    [
        ("w maju 2026", "pl", 5),
        ("v lednu 2026", "cs", 1),
        ("v januári 2026", "sk", 1),
        ("u svibnju 2026.", "hr", 5),
        ("u martu 2026.", "sr", 3),
        ("у марту 2026.", "sr", 3),
        ("u augustu 2026.", "bs", 8),
        ("v januarju 2026", "sl", 1),
        ("у листопаді 2026", "uk", 11),
    ],
)
def test_slavic_locatives_name_the_month(text, lang, month):
    result = read(text, lang)
    assert (result.approximate, result.earliest) == (True, date(2026, month, 1))
    assert result.latest.month == month


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("15. marta 2026. godine", "sr", date(2026, 3, 15)),
        ("15. марта 2026. године", "sr", date(2026, 3, 15)),
        ("1. oktobra 2026.", "bs", date(2026, 10, 1)),
        ("25. marca 2026", "sl", date(2026, 3, 25)),
        ("1. julija 2026", "sl", date(2026, 7, 1)),
        ("15. studenog 2026.", "hr", date(2026, 11, 15)),
    ],
)
def test_genitives_cldr_lacks(text, lang, expected):
    assert read(text, lang).start == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("2026. gada 12. janvārī", "lv", date(2026, 1, 12)),
        ("līdz 9. martam 2026", "lv", date(2026, 3, 9)),
        ("3. märtsil 2026", "et", date(2026, 3, 3)),
        ("më 12 nëntorit 2026", "sq", date(2026, 11, 12)),
        ("2026ko ekainaren 8koa", "eu", date(2026, 6, 8)),
    ],
)
def test_stems_take_any_case_ending(text, lang, expected):
    assert read(text, lang).start == expected


def test_a_month_in_a_case_ending_is_the_month():
    result = read("tammikuussa 2026", "fi")  # "in January 2026"
    assert (result.approximate, result.earliest, result.latest) == (True, date(2026, 1, 1), date(2026, 1, 31))


@pytest.mark.parametrize(
    "form, lang, month",
    [
        ("kovą", "lt", 3),
        ("rugsėjį", "lt", 9),  # Lithuanian accusatives
        ("říjnem", "cs", 10),  # Czech instrumental: "mezi 12. a 14. říjnem"
        ("märtsini", "et", 3),
        ("heinäkuulle", "fi", 7),
        ("noi", "ro", 11),
    ],
)
def test_case_forms_cldr_lacks(form, lang, month):
    assert words.month_forms(lang).get(form) == month or any(
        form.startswith(stem[:-1]) and number == month
        for stem, number in words.month_forms(lang).items()
        if stem.endswith("*")
    )


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("2026ko martxoaren 15a", "eu", date(2026, 3, 15), None),
        ("2026.eko abenduaren 1a arte", "eu", date(2026, 12, 1), None),
        ("2026. március 15.", "hu", date(2026, 3, 15), None),
        ("no 2026.gada 12.janvāra līdz 2026.gada 9.martam", "lv", date(2026, 1, 12), date(2026, 3, 9)),
        ("2026 m. sausio 15 d.", "lt", date(2026, 1, 15), None),
    ],
)
def test_year_first_forms(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end) == (start, end)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("des del 4 fins al 18 de març de 2026", "ca", date(2026, 3, 4), date(2026, 3, 18)),
        ("od 11. do 13. maja 2026", "sl", date(2026, 5, 11), date(2026, 5, 13)),
        ("od 10. oktobra do 31. decembra 2026. godine", "sr", date(2026, 10, 10), date(2026, 12, 31)),
        ("13 maj 2026 deri 13 qershor 2026", "sq", date(2026, 5, 13), date(2026, 6, 13)),
        ("8 Eylül ile 14 Eylül 2026", "tr", date(2026, 9, 8), date(2026, 9, 14)),
        ("3 Μαΐου έως 5 Μαΐου 2026", "el", date(2026, 5, 3), date(2026, 5, 5)),
        ("30. september til 7. október 2026", "is", date(2026, 9, 30), date(2026, 10, 7)),
        ("між 3 і 5 березня 2026", "uk", date(2026, 3, 3), date(2026, 3, 5)),
        ("11. in 12. maja 2026", "sl", date(2026, 5, 11), date(2026, 5, 12)),
        ("2026ko ekainaren 3tik 5era", "eu", date(2026, 6, 3), date(2026, 6, 5)),
        ("2026ko martxoaren 1etik apirilaren 15era arte", "eu", date(2026, 3, 1), date(2026, 4, 15)),
        ("mill-1 sal-15 ta’ Ġunju 2026", "mt", date(2026, 6, 1), date(2026, 6, 15)),
        ("з 1 по 5 березня 2026 року", "uk", date(2026, 3, 1), date(2026, 3, 5)),
        ("ón 3 go dtí 5 Bealtaine 2026", "ga", date(2026, 5, 3), date(2026, 5, 5)),
        ("do 3 ao 5 de xuño de 2026", "gl", date(2026, 6, 3), date(2026, 6, 5)),
        ("од 3 до 5 мај 2026", "mk", date(2026, 5, 3), date(2026, 5, 5)),
    ],
)
def test_range_connectors(text, lang, start, end):
    result = read(text, lang)
    assert (result.start, result.end) == (start, end)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("15. marta 2026. u 15 časova", "sr", datetime(2026, 3, 15, 15, 0)),
        ("21. svibnja 2026. u 15 sati", "hr", datetime(2026, 5, 21, 15, 0)),
        ("28 Şubat 2026 saat 17.30", "tr", datetime(2026, 2, 28, 17, 30)),
        ("Πέμπτη 22 Οκτωβρίου 2026 και ώρα 12.00", "el", datetime(2026, 10, 22, 12, 0)),
        ("v petek, 6. marca 2026, ob 20. uri", "sl", datetime(2026, 3, 6, 20, 0)),
        ("20 de juny de 2026 a les 14:00 hores", "ca", datetime(2026, 6, 20, 14, 0)),
        ("12 de marzo de 2026, ás 12.00 horas", "gl", datetime(2026, 3, 12, 12, 0)),
        ("22 октомври 2026 во 09:15 часот", "mk", datetime(2026, 10, 22, 9, 15)),
    ],
)
def test_clock_words(text, lang, expected):
    assert read(text, lang).start == expected


def test_a_comma_time_is_not_read_as_its_minutes():
    # "11,00 sati" is eleven o'clock: "00" after the comma is no time of its own
    assert read("23.08.2026. u 11,00 sati", "hr").start == datetime(2026, 8, 23, 11, 0)


PUBLISHED_THEN_DEADLINE = [
    ("Objavljeno 3. ožujka 2026. Rok za prijavu: 15. travnja 2026.", "hr"),
    ("Objavljeno 3. marta 2026. Krajnji rok: 15. aprila 2026. godine", "sr"),
    ("Објављено 3. марта 2026. Крајњи рок: 15. априла 2026. године", "sr"),
    ("Datum objave: 3.3.2026. Rok za prijavu 15.4.2026.", "bs"),
    ("Objavljeno 3. marca 2026. Rok za oddajo: 15. aprila 2026", "sl"),
    ("Објавено на 3 март 2026. Краен рок: 15 април 2026", "mk"),
    ("Опубліковано 3 березня 2026. Кінцевий термін: 15 квітня 2026", "uk"),
    ("Δημοσιεύθηκε 3 Μαρτίου 2026. Προθεσμία: 15 Απριλίου 2026", "el"),
    ("Yayınlanma tarihi 3 Mart 2026. Son başvuru tarihi: 15 Nisan 2026", "tr"),
    ("Publikuar më 3 mars 2026. Afati i fundit: 15 prill 2026", "sq"),
    ("Birt 3. mars 2026. Umsóknarfrestur er 15. apríl 2026", "is"),
    ("Publicat el 3 de març de 2026. Termini: fins al 15 d’abril de 2026", "ca"),
    ("Argitaratua 2026ko martxoaren 3a. Epea: 2026ko apirilaren 15a arte", "eu"),
    ("Publicado o 3 de marzo de 2026. Prazo: ata o 15 de abril de 2026", "gl"),
    ("Foilsithe 3 Márta 2026. Spriocdháta: 15 Aibreán 2026", "ga"),
    ("Ippubblikat it-3 ta’ Marzu 2026. Skadenza: il-15 ta’ April 2026", "mt"),
    ("Publisert 3. mars 2026. Søknadsfrist: 15. april 2026", "nn"),
]


@pytest.mark.parametrize("text, lang", PUBLISHED_THEN_DEADLINE)
def test_published_and_deadline_labels(text, lang):
    assert read(text, lang, "deadline").start == date(2026, 4, 15)
    assert read(text, lang, "published").start == date(2026, 3, 3)


OPENING_THEN_DEADLINE = [
    ("Die Ausschreibung beginnt am 2. März 2026 und endet am 30. April 2026.", "de"),
    ("De call wordt geopend op 2 maart 2026 en afgesloten op 30 april 2026.", "nl"),
    ("Dátum vyhlásenia: 2. marca 2026 Dátum ukončenia: 30. apríla 2026", "sk"),
    ("Data inceperii: 2 martie 2026. Data inchiderii: 30 aprilie 2026", "ro"),  # no diacritics
    ("Från 2 mars kan man ansöka. Sista dagen för att ansöka är 30 april 2026.", "sv"),
    ("Date de lancement : 2 mars 2026 Date de clôture : 30 avril 2026", "fr"),
    ("Åbent for ansøgning 2. marts 2026, ansøgningsfrist 30. april 2026", "da"),
    ("2. mars 2026 Åpen for søknad 30. april 2026 Søknadsfrist", "nb"),
    ("comenzará el día 2 de marzo de 2026 y finalizará el 30 de abril de 2026", "es"),
    ("comezou o 2 de marzo de 2026 e rematará o 30 de abril de 2026", "gl"),
    ("Javni poziv je otvoren od 2. marta 2026. Krajnji rok je 30. april 2026.", "sr"),
]


@pytest.mark.parametrize("text, lang", OPENING_THEN_DEADLINE)
def test_opening_and_deadline_labels(text, lang):
    result = read(text, lang, "deadline")
    assert (result.end or result.start) == date(2026, 4, 30)  # the deadline closes any window


@pytest.mark.parametrize(
    "phrase, lang",
    [
        ("otvoren od", "hr"),
        ("od", "sl"),
        ("отворен од", "sr"),
        ("від", "uk"),
        ("από", "el"),
        ("başlangıç tarihi", "tr"),
        ("prej", "sq"),
        ("frá", "is"),
        ("des del", "ca"),
        ("hasiera", "eu"),
        ("comezou", "gl"),
        ("osclaíonn", "ga"),
        ("minn", "mt"),
        ("од", "mk"),
    ],
)
def test_opening_words(phrase, lang):
    assert label_pattern(lang).fullmatch(phrase).lastgroup == "opens"


@pytest.mark.parametrize(
    "text, lang, month, part",
    [
        ("sredinom maja 2026. godine", "sr", 5, "mid"),
        ("početkom ožujka 2026.", "hr", 3, "early"),
        ("krajem avgusta 2026.", "sr", 8, "late"),
        ("a mitjan de març de 2026", "ca", 3, "mid"),
        ("2026 Mart sonunda", "tr", 3, "late"),
        ("2026ko martxoaren hasieran", "eu", 3, "early"),
        ("στα τέλη Μαΐου 2026", "el", 5, "late"),
    ],
)
def test_parts_of_a_month(text, lang, month, part):
    first, _ = words.PARTS[part]
    result = read(text, lang)
    assert result.approximate and result.earliest == date(2026, month, first or 1)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("pro 20 účastníků", "cs"),
        ("svi 5 članova", "hr"),
        ("kesä 5", "fi"),
        ("nën 18 vjeç", "sq"),
        ("Eki 1", "tr"),
    ],
)
def test_abbreviations_that_are_everyday_words_are_no_months(text, lang):
    assert read(text, lang).error == "no date found"


def test_words_between_dates_never_swallow_a_range_connector():
    # (Czech "ve" is a filler and Turkish "ve" an "and": "8 ve 9 Eylül" is read by the grammar)
    connectors = set(words.RANGE_WORDS.split("|"))
    for lang in cldr.LANGUAGES:
        fillers = re.compile(rf"(?:{words.FILLERS}|{weekdays(lang)})")
        assert not [word for word in connectors if fillers.fullmatch(word)], lang


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("priima iki š. m. birželio mėnesio 21 dienos", "lt", date(2026, 6, 21)),
        ("iki 2026 m. gegužės mėn. 5 d.", "lt", date(2026, 5, 5)),
        ("Haku kestää helmikuun loppuun saakka.", "fi", date(2026, 2, 28)),
        ("senast vid utgången av november 2026", "sv", date(2026, 11, 30)),
    ],
)
def test_month_words_around_a_date(text, lang, expected):
    assert read(text, lang, "deadline").start == expected


def test_a_publication_beside_an_update_in_romanian():
    text = "Articol editat de admin, 2 martie 2026, 10:00 / actualizat: 3 martie 2026"
    assert read(text, "ro", "published").start == datetime(2026, 3, 2, 10, 0)


def test_weekday_names_by_number():
    assert words.weekday_forms("hr")["srijedu"] == 2
    assert words.weekday_forms("ga")["dé luain"] == 0
    assert words.weekday_forms("el")["πεμπτη"] == 3  # capitals' spelling, accent dropped
    assert words.weekday_forms("de")["monday"] == 0  # English everywhere
    assert words.weekday_forms("uk")["п'ятницю"] == words.weekday_forms("uk")["п’ятниця"] == 4


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Собирот ќе се одржи на 3-ти март 2026 во Битола", date(2026, 3, 3)),
        ("Свеченоста е на 1-ви јуни 2026", date(2026, 6, 1)),
        ("Отворањето е закажано за 2-ри октомври 2026", date(2026, 10, 2)),
    ],
)
def test_macedonian_ordinal_endings_on_the_day(text, expected):
    assert read(text, "mk").start == expected
