"""Two days or a range of days written before one month: the first day is the
range's first, whatever joins them (a word for "to", a plus sign, a rarer dash,
a weekday before the second day)."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("Veletrh sa uskutoční 14. až 16. mája v Nitre.", "sk", date(2026, 5, 14), date(2026, 5, 16)),
        ("Kurz proběhne 8. až 10. října v Brně.", "cs", date(2026, 10, 8), date(2026, 10, 10)),
        ("Der Markt ist am 12.+13. September geöffnet.", "de", date(2026, 9, 12), date(2026, 9, 13)),
        ("Laager toimub 7.\u20129. juulil Tartus.", "et", date(2026, 7, 7), date(2026, 7, 9)),
        ("Workshop 4 \u2212 6 November in Ghent", "en", date(2026, 11, 4), date(2026, 11, 6)),
        ("Venerdì 9 e sabato 10 ottobre apre il mercato.", "it", date(2026, 10, 9), date(2026, 10, 10)),
        ("La feria abre el viernes 5 y sábado 6 de junio.", "es", date(2026, 6, 5), date(2026, 6, 6)),
        ("A vásár május 8-a és 10-e közötti napokon lesz.", "hu", date(2026, 5, 8), date(2026, 5, 10)),
        ("Tagung am 07./08. Oktober in Kassel", "de", date(2026, 10, 7), date(2026, 10, 8)),
    ],
)
def test_a_pair_or_range_of_days_before_one_month(text, lang, start, end):
    result = parse_date(text, lang, "event", REF, "Europe/Brussels")
    assert (result.start, result.end, result.error) == (start, end, None)


def test_two_days_a_week_apart_with_their_weekdays_stay_two_dates():
    """ "Friday 5 and Friday 12 June" names two days, not a range between them."""
    result = parse_date("Führungen Freitag 5. und Freitag 12. Juni", "de", "event", REF, "Europe/Berlin")
    assert result.error == "ambiguous: 2 candidate dates"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("La mostra resta aperta dal 12 al 15 novembre a Trieste.", "it"),
        ("Las jornadas serán del 12 al 15 de noviembre en Murcia.", "es"),
        ("As jornadas decorrem de 12 a 15 de novembro em Évora.", "pt"),
        ("Les rencontres ont lieu du 12 au 15 novembre à Nantes.", "fr"),
        ("Les jornades seran del 12 al 15 de novembre a Lleida.", "ca"),
        ("Cursul are loc din 12 până în 15 noiembrie la Iași.", "ro"),
        ("Seminář proběhne od 12. do 15. listopadu v Olomouci.", "cs"),
        ("Seminár sa koná od 12. do 15. novembra v Žiline.", "sk"),
        ("Szkolenie potrwa od 12 do 15 listopada w Lublinie.", "pl"),
        ("Radionica traje od 12. do 15. studenoga u Osijeku.", "hr"),
        ("Delavnica bo od 12. do 15. novembra v Kranju.", "sl"),
        ("A tanfolyam november 12-től 15-ig tart Győrben.", "hu"),
        ("Das Seminar läuft vom 12. bis 15. November in Jena.", "de"),
        ("Kurset holdes fra den 12. til den 15. november i Odense.", "da"),
        ("Il-kors isir mit-12 sal-15 ta' Novembru.", "mt"),
        ("Beidh an cúrsa ar siúl ó 12 go 15 Samhain.", "ga"),
        ("Семинарът е от 12 до 15 ноември в Русе.", "bg"),
        ("Το σεμινάριο θα γίνει από 12 έως 15 Νοεμβρίου στη Λάρισα.", "el"),
        ("Seminārs notiks no 12. līdz 15. novembrim Liepājā.", "lv"),
    ],
)
def test_a_range_of_days_from_one_to_another_before_one_month(text, lang):
    result = parse_date(text, lang, "event", REF, "Europe/Brussels")
    assert (result.start, result.end, result.error) == (date(2026, 11, 12), date(2026, 11, 15), None)
