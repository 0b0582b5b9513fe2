"""Dates laid out as a table's columns: two full numeric dates side by side are
from and to; a yearless day/month before a range word takes the full date's year."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 1, 10)


def read(text: str, lang: str, kind: str = "deadline"):
    return parse_date(text, lang, kind, REF, "Europe/Lisbon")


@pytest.mark.parametrize(
    "text, lang, kind, start, end",
    [
        (
            "03.02.2026 27.03.2026 Candidaturas à bolsa de mérito",
            "pt",
            "deadline",
            "2026-02-03",
            "2026-03-27",
        ),
        ("Inscripción abierta (02-03-2026 30-04-2026)", "es", "deadline", "2026-03-02", "2026-04-30"),
        ("2026-05-11 2026-05-13 Semana da inovação no campus", "pt", "event", "2026-05-11", "2026-05-13"),
        ("Prazo de reclamação: 4/5 a 15/5/2026", "pt", "deadline", "2026-05-04", "2026-05-15"),
        ("Inscripciones del 9/3 al 20/3/2026 en la secretaría", "es", "deadline", "2026-03-09", "2026-03-20"),
    ],
)
def test_columns_and_yearless_first_day_make_a_range(text, lang, kind, start, end):
    result = read(text, lang, kind)
    assert (result.start.isoformat(), result.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text, lang",
    [
        # the later date first: not a from-to pair, two dates a reader cannot choose between
        ("27.03.2026 03.02.2026 Candidaturas", "pt"),
        # a label between them: each date is its own
        ("Retificado: 2026/03/27 Publicado: 2026/02/03", "pt"),
    ],
)
def test_other_pairs_of_numeric_dates_stay_apart(text, lang):
    result = read(text, lang)
    assert result.end is None


def test_a_yearless_day_month_without_a_range_after_it_is_no_date():
    # "4/5" alone is as likely a fraction or a score as a day
    assert read("Aprovado por 4/5 dos membros", "pt").error == "no date found"
