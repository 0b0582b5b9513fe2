import json
from collections import Counter
from datetime import date, datetime, timedelta

from feed_rows import AS_OF, BASE_URL, CALLS, EVENTS
from icalendar import Calendar

from feeds.publish import publish


def parse(path):
    return Calendar.from_ical(path.read_bytes())


def zones(calendar):
    return {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}


def vevents(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_every_event_once_with_stable_uid(published):
    uids = Counter(str(e["uid"]) for e in parse(published / "events.ics").walk("VEVENT"))
    assert uids == Counter(f"{row['id']}@clusterfeeds" for row in EVENTS)


def test_every_cutoff_of_every_call_once(published):
    uids = Counter(str(e["uid"]) for e in parse(published / "calls.ics").walk("VEVENT"))
    expected = Counter(f"{row['id']}-deadline-{i}@clusterfeeds"
                       for row in CALLS for i, _ in enumerate(json.loads(row["deadlines"])))
    assert uids == expected
    assert sum(expected.values()) == 8


def test_all_day_event_has_dates_and_exclusive_end(published):
    event = vevents(parse(published / "events.ics"))["ev-arendal@clusterfeeds"]
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert event.start == date(2026, 12, 1)
    assert event.end == date(2026, 12, 4)  # stored end 3 December is inclusive
    one_day = vevents(parse(published / "events.ics"))["ev-hostile@clusterfeeds"]
    assert (one_day.start, one_day.end) == (date(2026, 11, 16), date(2026, 11, 17))


def test_timed_events_carry_tzid_and_their_vtimezones_exist(published):
    calendar = parse(published / "events.ics")
    events = vevents(calendar)
    conference = events["ev-conference@clusterfeeds"]
    assert conference["dtstart"].params["TZID"] == "Europe/Brussels"
    assert conference.start.isoformat() == "2026-11-25T09:30:00+01:00"
    assert conference.end.isoformat() == "2026-11-25T17:00:00+01:00"
    assert events["ev-webinar@clusterfeeds"]["dtstart"].params["TZID"] == "Europe/Oslo"
    assert zones(calendar) == {"Europe/Brussels", "Europe/Oslo"}
    assert calendar.get_missing_tzids() == set()


def test_cancelled_event_is_marked(published):
    events = vevents(parse(published / "events.ics"))
    assert events["ev-cancelled@clusterfeeds"]["status"] == "CANCELLED"
    assert "status" not in events["ev-conference@clusterfeeds"]


def test_event_properties(published):
    calendar = parse(published / "events.ics")
    event = vevents(calendar)["ev-conference@clusterfeeds"]
    assert event["url"] == EVENTS[1]["url"]
    assert event["location"] == "Brussels"
    assert event["last-modified"].dt == datetime.fromisoformat(EVENTS[1]["updated"])
    assert "09:30–17:00 CET (Europe/Brussels)" in event["description"]
    assert calendar["x-wr-calname"] == "clusterfeeds: events"
    raw = (published / "events.ics").read_text()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in raw
    assert "X-PUBLISHED-TTL:PT12H" in raw


def test_deadlines_timed_all_day_and_approximate(published):
    calendar = parse(published / "calls.ics")
    deadlines = vevents(calendar)
    timed = deadlines["call-several-deadline-1@clusterfeeds"]
    assert timed["summary"] == "Deadline: Euroclusters open call for SMEs"
    assert timed["dtstart"].params["TZID"] == "Europe/Brussels"
    assert timed.start.isoformat() == "2027-01-20T23:59:00+01:00"
    assert timed.end - timed.start == timedelta(minutes=30)
    all_day = deadlines["call-several-deadline-2@clusterfeeds"]
    assert (all_day.start, all_day.end) == (date(2027, 6, 1), date(2027, 6, 2))
    yearly = deadlines["call-yearly-deadline-0@clusterfeeds"]
    assert yearly["summary"] == "Deadline (approx., mid-September): Norwegian Innovation Clusters"
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]
    assert "rrule" not in timed
    assert "Søknadsfrist er midten av september hvert år" in yearly["description"]
    assert zones(calendar) == {"Europe/Brussels", "Europe/Warsaw"}


def test_uids_are_stable_across_publishes_and_edits(feed_db, tmp_path):
    first = tmp_path / "first"
    publish(feed_db, first, AS_OF, BASE_URL)
    feed_db["items"].update("ev-conference", {"title": "European Cluster Conference 2026",
                                              "updated": "2026-11-16T07:00:00+01:00"})
    second = tmp_path / "second"
    publish(feed_db, second, AS_OF, BASE_URL)
    for name in ("events.ics", "calls.ics"):
        before, after = vevents(parse(first / name)), vevents(parse(second / name))
        assert before.keys() == after.keys()
    assert (first / "calls.ics").read_bytes() == (second / "calls.ics").read_bytes()
    edited = vevents(parse(second / "events.ics"))["ev-conference@clusterfeeds"]
    assert edited["summary"] == "European Cluster Conference 2026"
