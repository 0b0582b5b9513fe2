"""Every calendar places every timed event where tzdata does, as icalendar,
vobject and ical.js (Thunderbird's parser) read it through its own VTIMEZONEs."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from calendar_clients import by_icalendar, by_icaljs, by_tzdata, by_vobject
from feed_rows import AS_OF, BASE_URL, cutoff, row
from icalendar import Calendar

from aggregator.bundled import bundled
from core.db import connect
from feeds.load import load_entries
from feeds.publish import publish
from feeds.vtimezone import vtimezone, zone_changes

NEAR = [timedelta(minutes=m) for m in (-61, -60, -1, 0, 1, 59, 60, 61)]


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
    # Vilnius's clocks change at 03:00, the instant Warsaw's do at 02:00.
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


# Zones whose rules changed within the years (New York's in 2007, Moscow's in
# 2011 and 2014), from the south, with a negative summer time (Dublin), none.
ZONES = [
    ("America/New_York", date(2005, 1, 1), date(2010, 1, 1)),
    ("Europe/Moscow", date(2009, 1, 1), date(2016, 1, 1)),
    ("Australia/Sydney", date(2024, 1, 1), date(2028, 1, 1)),
    ("Europe/Dublin", date(2024, 1, 1), date(2028, 1, 1)),
    ("Asia/Tokyo", date(2024, 1, 1), date(2028, 1, 1)),
]


def test_any_zone_s_rules_are_read_alike_around_every_change(tmp_path, icaljs):
    """Local times an hour and a minute either side of each change and mid-month, in
    calendars that carry only our VTIMEZONE (times shown twice left out: those are UTC)."""
    calendars = []
    for tzid, first, last in ZONES:
        zone = ZoneInfo(tzid)
        start, end = (datetime.combine(day, time.min, UTC) for day in (first, last))
        around = [c.at + delta for c in zone_changes(zone, start, end) for delta in NEAR]
        monthly = [
            datetime(y, m, 15, 12, tzinfo=UTC) for y in range(first.year, last.year) for m in range(1, 13)
        ]
        locals_ = sorted({at.astimezone(zone).replace(tzinfo=None) for at in around + monthly})
        events = [
            f"BEGIN:VEVENT\r\nUID:{tzid}-{n}\r\nDTSTAMP:20260101T000000Z\r\n"
            f"DTSTART;TZID={tzid}:{local:%Y%m%dT%H%M%S}\r\nDTEND;TZID={tzid}:{local:%Y%m%dT%H%M%S}\r\n"
            "END:VEVENT\r\n"
            for n, local in enumerate(locals_)
            if local.replace(tzinfo=zone, fold=0).utcoffset()
            == local.replace(tzinfo=zone, fold=1).utcoffset()
        ]
        path = tmp_path / f"{tzid.replace('/', '-')}.ics"
        path.write_bytes(
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + vtimezone(tzid, first, last).to_ical()
            + "".join(events).encode()
            + b"END:VCALENDAR\r\n"
        )
        calendars.append(path)
    placed = read_alike_by_every_client(calendars, icaljs)
    assert len(placed) > 100
