"""Calendars: checked with icalendar and with vobject, an independent parser."""

import json
from collections import Counter
from datetime import date, datetime, timedelta

import vobject
from feed_rows import AS_OF, BASE_URL, CALENDAR_EVENTS, CALLS, EVENTS
from icalendar import Calendar
from icalendar.parser.content_line import Contentline

from core import __version__
from feeds.ical import Calendars, deadline_component, event_component, folded, serialised
from feeds.load import load_entries
from feeds.publish import publish

ROWS = {row["id"]: row for row in EVENTS + CALLS}


def parse(path):
    return Calendar.from_ical(path.read_bytes())


def zones(calendar):
    return {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}


def vevents(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_every_event_of_the_window_once_per_entry_with_stable_uid(published):
    uids = Counter(str(e["uid"]) for e in parse(published / "events.ics").walk("VEVENT"))
    assert uids == Counter(f"{entry_id}@clusterfeeds" for entry_id in CALENDAR_EVENTS)


def test_every_cutoff_of_every_call_once(published):
    uids = Counter(str(e["uid"]) for e in parse(published / "calls.ics").walk("VEVENT"))
    expected = Counter(
        f"{row['id']}-deadline-{i}@clusterfeeds"
        for row in CALLS
        for i, _ in enumerate(json.loads(row["deadlines"]))
    )
    assert uids == expected
    assert sum(expected.values()) == 8


def test_all_day_event_has_dates_and_exclusive_end(published):
    events = vevents(parse(published / "events.ics"))
    arendal = events["ev-arendal@clusterfeeds"]
    assert arendal["dtstart"].params.get("VALUE") == "DATE"
    assert (arendal.start, arendal.end) == (date(2026, 12, 1), date(2026, 12, 4))
    one_day = events["ev-hostile@clusterfeeds"]
    assert (one_day.start, one_day.end) == (date(2026, 11, 16), date(2026, 11, 17))


def test_timed_events_carry_tzid_and_a_vtimezone_for_each_zone(published):
    calendar = parse(published / "events.ics")
    events = vevents(calendar)
    # The grouped conference takes its times from the timed ECCP page, not the all-day one.
    conference = events["ev-conference@clusterfeeds"]
    assert conference["dtstart"].params["TZID"] == "Europe/Brussels"
    assert conference.start.isoformat() == "2026-11-25T09:30:00+01:00"
    assert conference.end.isoformat() == "2026-11-25T17:00:00+01:00"
    assert events["ev-webinar@clusterfeeds"]["dtstart"].params["TZID"] == "Europe/Oslo"
    assert zones(calendar) == {"Europe/Brussels", "Europe/Oslo"}
    assert calendar.get_missing_tzids() == set()


def test_cancelled_and_disappeared_upcoming_events_stay_as_cancelled(published):
    events = vevents(parse(published / "events.ics"))
    assert events["ev-cancelled@clusterfeeds"]["status"] == "CANCELLED"
    gone = events["ev-gone@clusterfeeds"]
    assert gone["status"] == "CANCELLED"
    assert gone["summary"] == "Cancelled: Arctic cluster summit"
    assert "No longer listed by its source since Mon 16 November 2026" in gone["description"]
    assert gone["sequence"] == 1
    # Dropped from the listing after it was over: not cancelled.
    assert "status" not in events["ev-gone-after@clusterfeeds"]
    assert "status" not in events["ev-conference@clusterfeeds"]


def test_event_properties(published):
    calendar = parse(published / "events.ics")
    event = vevents(calendar)["ev-conference@clusterfeeds"]
    assert event["url"] == ROWS["ev-conference"]["url"]
    assert event["location"] == "Brussels"
    assert event["last-modified"].dt == datetime.fromisoformat(ROWS["ev-conference"]["updated"])
    assert event["dtstamp"].dt == event["last-modified"].dt
    assert event["sequence"] == 1  # a second source joined
    assert "09:30–17:00 CET (Europe/Brussels)" in event["description"]
    assert ("Also announced by: siva (https://siva.no/arrangementer/european-cluster-conference/)") in event[
        "description"
    ]
    assert calendar["x-wr-calname"] == "clusterfeeds: events"
    assert calendar["name"] == "clusterfeeds: events"
    raw = (published / "events.ics").read_text()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in raw
    assert "X-PUBLISHED-TTL:PT12H" in raw


def test_deadlines_timed_all_day_and_approximate_with_reminders(published):
    calendar = parse(published / "calls.ics")
    deadlines = vevents(calendar)
    timed = deadlines["call-several-deadline-1@clusterfeeds"]
    assert timed["summary"] == "Deadline: Euroclusters open call for SMEs"
    assert timed["dtstart"].params["TZID"] == "Europe/Brussels"
    assert timed.start.isoformat() == "2027-01-20T23:59:00+01:00"
    assert timed.end - timed.start == timedelta(minutes=30)
    assert timed["sequence"] == 2  # changes at two distinct times
    alarms = timed.walk("VALARM")
    assert [a["trigger"].dt for a in alarms] == [timedelta(days=-7), timedelta(days=-1)]
    assert all(a["action"] == "DISPLAY" and "Euroclusters" in a["description"] for a in alarms)
    all_day = deadlines["call-several-deadline-2@clusterfeeds"]
    assert (all_day.start, all_day.end) == (date(2027, 6, 1), date(2027, 6, 2))
    yearly = deadlines["call-yearly-deadline-0@clusterfeeds"]
    assert yearly["summary"] == "Deadline (approx., mid-September): Norwegian Innovation Clusters"
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]
    assert "rrule" not in timed
    assert "Søknadsfrist er midten av september hvert år" in yearly["description"]
    assert zones(calendar) == {"Europe/Brussels", "Europe/Warsaw"}


def test_vobject_reads_the_same_events_times_and_alarms(published):
    for name in ("events.ics", "calls.ics", "country/no/events.ics", "source/eccp/calls.ics"):
        ours = vevents(parse(published / name))
        theirs = {e.uid.value: e for e in vobject.readOne((published / name).read_text()).vevent_list}
        assert theirs.keys() == ours.keys(), name
        for uid, event in theirs.items():
            assert event.dtstart.value == ours[uid].start, uid
            assert event.dtend.value == ours[uid].end, uid
            assert event.summary.value == str(ours[uid]["summary"])
            assert len(getattr(event, "valarm_list", [])) == len(ours[uid].walk("VALARM"))


def test_uids_stay_and_sequence_rises_when_an_entry_changes(feed_db, tmp_path):
    first = tmp_path / "first"
    publish(feed_db, first, AS_OF, BASE_URL)
    feed_db["items"].update(
        "ev-webinar", {"start": "2026-11-20T11:00:00+01:00", "updated": "2026-11-16T07:00:00+01:00"}
    )
    feed_db["changes"].insert({"item_id": "ev-webinar", "at": "2026-11-16T06:00:00+00:00", "field": "start"})
    second = tmp_path / "second"
    publish(feed_db, second, AS_OF, BASE_URL)
    for name in ("events.ics", "calls.ics"):
        assert vevents(parse(first / name)).keys() == vevents(parse(second / name)).keys()
    assert (first / "calls.ics").read_bytes() == (second / "calls.ics").read_bytes()
    before = vevents(parse(first / "events.ics"))["ev-webinar@clusterfeeds"]
    after = vevents(parse(second / "events.ics"))["ev-webinar@clusterfeeds"]
    assert (before["sequence"], after["sequence"]) == (0, 1)
    assert after.start.hour == 11 and after["last-modified"].dt > before["last-modified"].dt


def test_an_event_that_disappears_is_cancelled_not_dropped(feed_db, tmp_path):
    publish(feed_db, tmp_path / "before", AS_OF, BASE_URL)
    before = vevents(parse(tmp_path / "before" / "events.ics"))["ev-arendal@clusterfeeds"]
    # innovasjonnorge crawls well again and no longer finds the Arendal event.
    feed_db["crawls"].insert(
        {"source": "innovasjonnorge", "started": "2026-11-17T05:00:00+00:00", "outcome": "ok", "complete": 1}
    )
    feed_db["items"].update("ev-webinar", {"last_seen": "2026-11-17T05:10:00+00:00"})
    publish(feed_db, tmp_path / "after", AS_OF, BASE_URL)
    after = vevents(parse(tmp_path / "after" / "events.ics"))
    arendal = after["ev-arendal@clusterfeeds"]
    assert "status" not in before and arendal["status"] == "CANCELLED"
    assert arendal["sequence"] > before["sequence"]
    assert "status" not in after["ev-webinar@clusterfeeds"]


def test_an_event_without_start_is_left_out_of_calendars_only(feed_db, tmp_path):
    feed_db["items"].update("ev-webinar", {"start": None})
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    assert "ev-webinar@clusterfeeds" not in vevents(parse(tmp_path / "out" / "events.ics"))
    # It has no place in a calendar, but its end says it is not over.
    assert "Date: not given" in (tmp_path / "out" / "events.rss").read_text()
    assert 'id="ev-webinar"' in (tmp_path / "out" / "index.html").read_text()


def test_a_span_of_a_time_and_a_day_ends_in_dtstart_s_form(feed_db, tmp_path):
    """DTEND must be a DATE-TIME after a timed DTSTART and a DATE after a day; a stored
    end day (inclusive) lasts until that day is over."""
    from feed_rows import row

    feed_db["items"].insert_all(
        [
            row(
                "ev-timed-to-day",
                "event",
                "Timed to a day",
                "2026-11-15T08:00:00+01:00",
                start="2027-03-03T10:00:00+01:00",
                end="2027-03-04",
                timezone="Europe/Oslo",
            ),
            row(
                "ev-timed-same-day",
                "event",
                "Timed, same day",
                "2026-11-15T08:00:00+01:00",
                start="2027-03-03T10:00:00+01:00",
                end="2027-03-03",
                timezone="Europe/Oslo",
            ),
            row(
                "ev-day-to-timed",
                "event",
                "Day to a time",
                "2026-11-15T08:00:00+01:00",
                start="2027-03-03",
                end="2027-03-05T17:00:00+01:00",
                timezone="Europe/Oslo",
            ),
        ]
    )
    published = publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    assert published.skipped == []
    events = vevents(parse(tmp_path / "out" / "events.ics"))
    timed = events["ev-timed-to-day@clusterfeeds"]
    assert timed["dtstart"].dt == datetime.fromisoformat("2027-03-03T10:00:00+01:00")
    assert timed["dtend"].dt == datetime.fromisoformat("2027-03-05T00:00:00+01:00")
    assert str(timed["dtend"].dt.tzinfo) == "Europe/Oslo"
    # An end day that is the start's own says no more than the start: the unstated length.
    same_day = events["ev-timed-same-day@clusterfeeds"]
    assert same_day["dtend"].dt - same_day["dtstart"].dt == timedelta(hours=1)
    day = events["ev-day-to-timed@clusterfeeds"]
    assert (day["dtstart"].dt, day["dtend"].dt) == (date(2027, 3, 3), date(2027, 3, 6))
    vobject.readOne((tmp_path / "out" / "events.ics").read_text())


def reminders(event):
    return [-alarm["trigger"].dt.days for alarm in event.walk("VALARM")]


def test_reminders_only_while_their_day_is_still_ahead(feed_db, tmp_path):
    from feed_rows import cutoff, row

    feed_db["items"].insert(
        row(
            "call-soon",
            "call",
            "Call closing in three days",
            "2026-11-10T08:00:00+01:00",
            timezone="Europe/Brussels",
            deadlines=[cutoff("2026-11-19T12:00:00+01:00", text="19 November 2026, noon")],
        )
    )
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    deadlines = vevents(parse(tmp_path / "out" / "calls.ics"))
    # Passed in March and in October: no reminder at all.
    assert reminders(deadlines["call-several-deadline-0@clusterfeeds"]) == []
    assert reminders(deadlines["call-closed-deadline-0@clusterfeeds"]) == []
    # Three days ahead: the week's reminder would already be missed.
    assert reminders(deadlines["call-soon-deadline-0@clusterfeeds"]) == [1]
    assert reminders(deadlines["call-hostile-deadline-0@clusterfeeds"]) == [7, 1]
    # A yearly deadline past this year's comes round again.
    assert reminders(deadlines["call-yearly-deadline-0@clusterfeeds"]) == [7, 1]


def test_an_event_without_an_end_lasts_an_hour_and_says_so(feed_db, tmp_path):
    from feed_rows import row

    feed_db["items"].insert(
        row(
            "ev-no-end",
            "event",
            "General assembly",
            "2026-11-10T08:00:00+01:00",
            start="2026-12-10T11:00:00+02:00",
            timezone="Europe/Bucharest",
        )
    )
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    events = vevents(parse(tmp_path / "out" / "events.ics"))
    event = events["ev-no-end@clusterfeeds"]
    assert event["dtend"].dt - event["dtstart"].dt == timedelta(hours=1)
    assert "End: not given; shown as one hour." in event["description"]
    assert "End: not given" not in events["ev-conference@clusterfeeds"]["description"]


def test_categories_once_whatever_their_case_in_the_best_cased_form(feed_db, tmp_path):
    feed_db["items"].update(
        "ev-conference",
        {
            "topics": json.dumps(["funding", "digital"]),
            "tags": json.dumps(["Funding", "eu", "EU", "CLUSTERS", "Clusters", " "]),
        },
    )
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    event = vevents(parse(tmp_path / "out" / "events.ics"))["ev-conference@clusterfeeds"]
    # The other source's topic ("green") merges in too; an acronym keeps its capitals, a
    # longer word in capitals gives way.
    assert [str(c) for c in event["categories"].cats] == ["Funding", "digital", "green", "EU", "Clusters"]


def test_lines_are_folded_exactly_as_icalendar_folds_them():
    # Around every length that folds, with escapes and characters of 2 to 4 octets at the seams.
    pieces = ["a", "\\", "\\,", "^", "é", "€", "😀", " ", ";"]
    for length in range(0, 230):
        for shift in range(len(pieces)):
            line = "".join(
                pieces[(i * 7 + shift) % len(pieces)] if i % 5 == 0 else "x" for i in range(length)
            )
            assert folded(line) == Contentline(line).to_ical(), line


def test_every_event_is_serialised_as_icalendar_serialises_it(feed_db):
    for entry in load_entries(feed_db, AS_OF).entries:
        if entry.kind == "event" and entry.start:
            component = event_component(entry)
            assert serialised(component) == component.to_ical()
        for cut in entry.cutoffs:
            component = deadline_component(entry, cut, AS_OF)
            assert serialised(component) == component.to_ical()


def test_each_calendar_s_head_is_what_icalendar_writes_for_its_name():
    # The head is serialised once and only the name's lines for each calendar after it.
    calendars = Calendars((date(2025, 1, 1), date(2028, 1, 1)), AS_OF)
    names = [
        "clusterfeeds: events",
        "clusterfeeds: Ölkonferenz in Göteborg, 2027; with a title long enough to fold twice over its lines",
        "clusterfeeds: a \\ backslash, a ^ caret and 😀 at the seam of a fold xxxxxxxxxxxxxxxxxxxxxxxxxx",
        "clusterfeeds: events",
    ]
    for name in names:
        expected = Calendar()
        expected.add("prodid", f"-//clusterfeeds//clusterfeeds {__version__}//EN")
        expected.add("version", "2.0")
        expected.add("calscale", "GREGORIAN")
        expected.add("method", "PUBLISH")
        expected.calendar_name = name
        expected.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
        expected.add("x-published-ttl", "PT12H")
        assert calendars.events([], name) == expected.to_ical()
