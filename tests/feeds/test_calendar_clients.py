"""Every calendar places every timed event where tzdata does, as icalendar,
vobject and ical.js (Thunderbird's parser) read it through its own VTIMEZONEs."""

from datetime import date, datetime, timedelta

from calendar_clients import by_icalendar, by_icaljs, by_tzdata, by_vobject
from feed_rows import AS_OF, BASE_URL, cutoff, row
from icalendar import Calendar

from aggregator.bundled import bundled
from core.db import connect
from feeds.load import load_entries
from feeds.publish import publish


def read_alike_by_every_client(calendars, icaljs):
    """{uid: (start, end)} of every calendar, after checking the three clients agree with tzdata."""
    assert icaljs.exists()
    thunderbird = by_icaljs(calendars)
    placed = {}
    for path in calendars:
        tzdata = by_tzdata(path)
        for client, read in (("icalendar", by_icalendar(path)), ("vobject", by_vobject(path))):
            assert read == tzdata, (path, client)
        assert thunderbird[path] == tzdata, (path, "ical.js")
        for uid, instants in tzdata.items():
            assert placed.setdefault(uid, instants) == instants, (path, uid)
    return placed


def test_every_demo_calendar_places_every_timed_event_at_its_stored_instant(demo, icaljs):
    calendars = sorted((demo / "public").resolve().rglob("*.ics"))
    assert len(calendars) > 50  # everything, and each country, source and topic
    placed = read_alike_by_every_client(calendars, icaljs)
    stored = {}
    for entry in load_entries(connect(demo / "clusterfeeds-demo.db"), bundled().captured).entries:
        if entry.start and not entry.start.all_day:
            stored[f"{entry.id}@clusterfeeds"] = entry.start.value
        for c in entry.cutoffs:
            stored[f"{entry.id}-deadline-{c.index}@clusterfeeds"] = c.at.value
    assert {uid: start for uid, (start, _) in placed.items()} == {
        uid: stored[uid].timestamp() for uid in placed
    }
    in_summer_time = [uid for uid in placed if stored[uid].dst()]
    assert len(in_summer_time) >= 10 and len(placed) - len(in_summer_time) >= 10


CHANGE_WEEKENDS = [
    # Across the spring change in Warsaw: 01:30 CET to 03:30 CEST is one hour.
    ("ev-spring-night", "2027-03-28T01:30:00+01:00", "2027-03-28T03:30:00+02:00", "Europe/Warsaw"),
    # Vilnius changes at 03:00 local, an hour after Warsaw's clocks.
    ("ev-spring-vilnius", "2027-03-28T02:30:00+02:00", "2027-03-28T04:30:00+03:00", "Europe/Vilnius"),
    ("ev-summer", "2027-07-01T09:00:00+02:00", "2027-07-01T17:00:00+02:00", "Europe/Brussels"),
    # The autumn night shows 02:00-03:00 twice: the first 02:30 to the second 02:45.
    ("ev-autumn-twice", "2027-10-31T02:30:00+02:00", "2027-10-31T02:45:00+01:00", "Europe/Warsaw"),
    # Starting at the second 02:15, with no end.
    ("ev-autumn-second", "2027-10-31T02:15:00+01:00", None, "Europe/Warsaw"),
    ("ev-after-autumn", "2027-10-31T09:00:00+01:00", "2027-10-31T10:00:00+01:00", "Europe/Brussels"),
]


def test_events_in_summer_time_and_across_the_change_weekends_are_placed_right(feed_db, tmp_path, icaljs):
    feed_db["items"].insert_all(
        row(uid, "event", f"Event {uid}", "2026-11-10T08:00:00+00:00", start=start, end=end, timezone=zone)
        for uid, start, end, zone in CHANGE_WEEKENDS
    )
    feed_db["items"].insert(
        row(
            "call-summer",
            "call",
            "Call closing in summer time",
            "2026-11-10T08:00:00+00:00",
            timezone="Europe/Brussels",
            deadlines=[cutoff("2027-06-30T23:59:00+02:00", text="30 June 2027, 23:59 CEST")],
        )
    )
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    calendars = [tmp_path / "out" / "events.ics", tmp_path / "out" / "calls.ics"]
    placed = read_alike_by_every_client(calendars, icaljs)
    hour = timedelta(hours=1).total_seconds()
    for uid, start, end, _ in CHANGE_WEEKENDS:
        expected_end = instant(end) if end else instant(start) + hour
        assert placed[f"{uid}@clusterfeeds"] == (instant(start), expected_end), uid
    assert placed["call-summer-deadline-0@clusterfeeds"][0] == instant("2027-06-30T23:59:00+02:00")


def instant(text):
    return datetime.fromisoformat(text).timestamp()


def test_each_kind_of_change_is_one_yearly_rule_from_the_time_on_the_clock_before_it(published):
    calendar = Calendar.from_ical((published / "calls.ics").read_bytes())
    [brussels] = [tz for tz in calendar.walk("VTIMEZONE") if tz["tzid"] == "Europe/Brussels"]
    assert "RDATE" not in (published / "calls.ics").read_text()
    changes = {(o.name, o["tzoffsetfrom"].to_ical()): o for o in brussels.subcomponents if "rrule" in o}
    spring, autumn = changes[("DAYLIGHT", "+0100")], changes[("STANDARD", "+0200")]
    assert len(changes) == 2
    # 01:00 UTC: 02:00 on the clock in winter, 03:00 in summer; rules as tzdata's, open-ended.
    assert (spring["dtstart"].dt.time().hour, autumn["dtstart"].dt.time().hour) == (2, 3)
    assert spring["rrule"] == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert autumn["rrule"] == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    # The rules start by the first year any date of the data is in.
    assert spring["dtstart"].dt.date() <= date(2026, 3, 29)
