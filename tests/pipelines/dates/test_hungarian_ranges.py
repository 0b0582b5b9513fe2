"""Hungarian ranges in prose: "from" and "until" are suffixes of the days
("-tól", "-ától", "-jétől"; "-ig", "-áig"), "between" stands after the dates."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 3, 2)


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("A vásár szeptember 26-tól 28-ig tart.", "event", date(2026, 9, 26), date(2026, 9, 28)),
        ("A vásár szeptember 26-ától 28-áig tart.", "event", date(2026, 9, 26), date(2026, 9, 28)),
        (
            "A pályázatok 2026. április 1-jétől 2026. május 15-ig nyújthatók be.",
            "deadline",
            date(2026, 4, 1),
            date(2026, 5, 15),
        ),
        (
            "Jelentkezni 2026. március 9-étől április 30-áig lehet.",
            "deadline",
            date(2026, 3, 9),
            date(2026, 4, 30),
        ),
        (
            "A kiállítás június 10-étől augusztus 20-áig látogatható.",
            "event",
            date(2026, 6, 10),
            date(2026, 8, 20),
        ),
        ("A fesztivál július 3–5. között lesz a Balatonnál.", "event", date(2026, 7, 3), date(2026, 7, 5)),
        ("A tábor július 6. és július 10. között lesz.", "event", date(2026, 7, 6), date(2026, 7, 10)),
        (
            "A beadás 2026. március 3-án kezdődik és 2026. június 5-én zárul.",
            "deadline",
            date(2026, 3, 3),
            date(2026, 6, 5),
        ),
    ],
)
def test_a_hungarian_range_in_prose(text, kind, start, end):
    result = parse_date(text, "hu", kind, REF, "Europe/Budapest")
    assert (result.start, result.end, result.error) == (start, end, None)


def test_a_hungarian_day_from_alone_stays_one_day():
    result = parse_date("A regisztráció május 4-től lehetséges.", "hu", "event", REF, "Europe/Budapest")
    assert (result.start, result.end) == (date(2026, 5, 4), None)
