from datetime import date

import pytest

from feeds.describe import moment_text, place_text, rough_period, span_text
from feeds.entries import entry_from_row, moment, occurrence_on_or_after


@pytest.mark.parametrize(
    "first, last, text",
    [
        (date(2026, 9, 10), date(2026, 9, 20), "mid-September"),
        (date(2026, 3, 1), date(2026, 3, 10), "early March"),
        (date(2026, 6, 21), date(2026, 6, 30), "late June"),
        (date(2026, 2, 1), date(2026, 2, 28), "February"),
        (date(2026, 9, 25), date(2026, 10, 5), "25 September – 5 October"),
    ],
)
def test_rough_period(first, last, text):
    assert rough_period(first, last) == text


def test_summer_time_is_named_and_kept_in_the_items_zone():
    # Stored with the UTC offset of the moment, shown in the IANA zone.
    m = moment("2027-06-10T16:00:00+02:00", False, "Europe/Oslo")
    assert moment_text(m) == "Thu 10 June 2027, 16:00 CEST (Europe/Oslo)"
    utc = moment("2027-06-10T14:00:00+00:00", False, "Europe/Oslo")
    assert moment_text(utc) == moment_text(m)


def test_span_across_a_clock_change_names_both_offsets():
    start = moment("2026-10-24T10:00:00+02:00", False, "Europe/Brussels")
    end = moment("2026-10-25T15:00:00+01:00", False, "Europe/Brussels")
    assert span_text(start, end) == (
        "Sat 24 October 2026, 10:00 CEST (Europe/Brussels) – Sun 25 October 2026, 15:00 CET (Europe/Brussels)"
    )


def test_without_a_known_zone_the_offset_is_shown():
    assert (
        moment_text(moment("2026-12-01T12:00:00+01:00", False, None))
        == "Tue 1 December 2026, 12:00 UTC+01:00"
    )
    assert (
        moment_text(moment("2026-12-01T12:00:00+01:00", False, "Mars/Olympus"))
        == "Tue 1 December 2026, 12:00 UTC+01:00"
    )


def test_yearly_occurrence_rolls_forward_even_from_a_leap_day():
    m = moment("2024-02-29", True, "Europe/Oslo")
    assert occurrence_on_or_after(m, "yearly", date(2026, 11, 16)) == date(2027, 2, 28)
    assert occurrence_on_or_after(m, None, date(2026, 11, 16)) is None


def test_a_call_without_a_deadline_list_uses_its_deadline_column():
    entry = entry_from_row(
        {
            "id": "c",
            "kind": "call",
            "source": "siva",
            "title": "T",
            "url": "https://siva.no/",
            "deadline": "2026-12-01T15:00:00+01:00",
            "timezone": "Europe/Oslo",
            "all_day": 0,
            "deadlines": [],
            "tags": [],
            "first_seen": "2026-11-01T00:00:00+00:00",
        },
        date(2026, 11, 16),
    )
    assert [moment_text(c.at) for c in entry.cutoffs] == ["Tue 1 December 2026, 15:00 CET (Europe/Oslo)"]
    assert entry.is_current(date(2026, 12, 1)) and not entry.is_current(date(2026, 12, 2))


@pytest.mark.parametrize(
    "location, online, text",
    [
        ("Oslo", True, "Oslo and online"),
        ("Online (Zoom)", True, "Online (Zoom)"),
        (None, True, "Online"),
        ("Warszawa", False, "Warszawa"),
        (None, None, ""),
    ],
)
def test_place_text(location, online, text):
    from types import SimpleNamespace

    assert place_text(SimpleNamespace(location=location, online=online)) == text


@pytest.mark.parametrize(
    "start, end, text",
    [
        # "Start: 3 March 2027, 10:00" and "End: 4 March 2027": a time, then a day.
        (
            "2027-03-03T10:00:00+01:00",
            "2027-03-04",
            "Wed 3 March 2027, 10:00 CET (Europe/Oslo) – Thu 4 March 2027",
        ),
        ("2027-03-03T10:00:00+01:00", "2027-03-03", "Wed 3 March 2027, 10:00 CET (Europe/Oslo)"),
        ("2027-03-03T10:00:00+01:00", "2027-03-01", "Wed 3 March 2027, 10:00 CET (Europe/Oslo)"),
        # A day, then a time, the other way round.
        (
            "2027-03-03",
            "2027-03-04T17:00:00+01:00",
            "Wed 3 March 2027 – Thu 4 March 2027, 17:00 CET (Europe/Oslo)",
        ),
        (
            "2027-03-03",
            "2027-03-03T17:00:00+01:00",
            "Wed 3 March 2027 – Wed 3 March 2027, 17:00 CET (Europe/Oslo)",
        ),
    ],
)
def test_a_span_of_a_time_and_a_day_in_either_order(start, end, text):
    def stored(value):
        return moment(value, len(value) == 10, "Europe/Oslo")

    assert span_text(stored(start), stored(end)) == text
