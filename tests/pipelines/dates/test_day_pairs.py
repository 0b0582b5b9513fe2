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
