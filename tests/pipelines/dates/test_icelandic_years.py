"""Icelandic dates whose year a weekday or "next coming" settles."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.dates import parse_date

REF = date(2026, 10, 20)


def read(text: str):
    return parse_date(text, "is", "deadline", REF, "Atlantic/Reykjavik")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year named for something else does not beat the weekday
        (
            "Styrkir ársins 2027: umsóknir berist fyrir kl. 16 föstudaginn 4. desember",
            datetime(2026, 12, 4, 16),
        ),
        # a day long past this year, which alone would be next year's
        ("fundurinn var haldinn þriðjudag 7. júlí", date(2026, 7, 7)),
    ],
)
def test_a_weekday_in_the_accusative_picks_its_year(text, expected):
    assert read(text).start == expected


def test_next_coming_puts_the_date_ahead():
    # 3 August is recent on 20 October, so alone it would be this year's
    assert read("skilafrestur er 3. ágúst n.k.").start == date(2027, 8, 3)
