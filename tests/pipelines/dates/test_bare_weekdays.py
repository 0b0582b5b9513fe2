"""A weekday named alone in a sentence ("Jeudi aura lieu ...") is the first such day
from the reference on; weekdays written as opening hours, or a weekday alone as a
heading, give no date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

WEDNESDAY = date(2026, 6, 10)


def event(text: str, lang: str, reference: date = WEDNESDAY):
    return parse_date(text, lang, "event", reference, "Europe/Paris")


@pytest.mark.parametrize(
    "text, lang, start",
    [
        ("Vendredi se tiendra la rencontre des adhérents du pôle à la mairie.", "fr", date(2026, 6, 12)),
        ("Am Samstag öffnet das Gründerzentrum seine Werkstätten für alle.", "de", date(2026, 6, 13)),
        ("Penktadienį klasterio nariai susitiks Kaune aptarti naujų projektų.", "lt", date(2026, 6, 12)),
        # written on that day: the day itself
        ("Mercredi se déroule la remise des prix de l'innovation.", "fr", WEDNESDAY),
        ("Jeudi aura lieu la visite du laboratoire de 14 à 17h.", "fr", datetime(2026, 6, 11, 14, 0)),
    ],
)
def test_a_weekday_alone_is_the_next_such_day(text, lang, start):
    assert event(text, lang).start == start


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Accueil du lundi au vendredi de 9h à 17h.", "fr"),
        ("Sekretariat: Mo–Fr 9–12 Uhr, Donnerstag auch nachmittags", "de"),
        ("Avatud E-R 9.00-17.00 ja laupäev", "et"),
        ("Samedi : 10h-18h", "fr"),
        ("Friday", "en"),
    ],
)
def test_weekdays_as_opening_hours_or_a_heading_give_no_date(text, lang):
    assert event(text, lang).error is not None


def test_a_written_date_wins_over_a_weekday_alone():
    result = event("Samedi, la fête du cluster se tiendra le 20 juin 2026.", "fr")
    assert result.start == date(2026, 6, 20)
