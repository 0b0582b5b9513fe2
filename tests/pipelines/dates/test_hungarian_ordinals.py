"""Hungarian spells a month's day as an ordinal in a case ending: "október
harmadikán" is 3 October, "március elseje" 1 March, "-tól/-ig" a range's ends."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.dates import parse_date

REF = date(2026, 2, 1)


def read(text: str, kind: str = "event"):
    return parse_date(text, "hu", kind, REF, "Europe/Budapest")


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("A klaszter közgyűlése április tizenötödikén lesz Győrben.", "event", date(2026, 4, 15), None),
        ("Beadási határidő: 2026. március elseje", "deadline", date(2026, 3, 1), None),
        ("A pályázatok szeptember harmincadikáig nyújthatók be.", "deadline", date(2026, 9, 30), None),
        (
            "A képzés június huszonkettedikétől június huszonnegyedikéig tart.",
            "event",
            date(2026, 6, 22),
            date(2026, 6, 24),
        ),
        ("Csütörtök, november tizenkettedike: szakmai nap", "event", date(2026, 11, 12), None),
        # the same range in figures: "-tól" after a month-led day, outside the date
        ("A képzés június 22-től június 24-ig tart.", "event", date(2026, 6, 22), date(2026, 6, 24)),
    ],
)
def test_spelled_ordinal_days(text, kind, start, end):
    result = read(text, kind)
    assert (result.start, result.end) == (start, end)


def test_an_ordinal_that_is_no_day_stays_a_word():
    # "a második félév" is the second semester, "harmadik" a third round
    assert read("A második félévben indul a harmadik forduló.").error == "no date found"
