"""The calendars imported into a real CalDAV server (Radicale on 127.0.0.1),
one VEVENT per object as calendar apps store them, and read back."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from base64 import b64encode

import pytest
from icalendar import Calendar
from loopback import free_port
from lxml import etree

pytest.importorskip("radicale", reason="Radicale is not installed")

USER = "tester"
AUTH = {"Authorization": "Basic " + b64encode(f"{USER}:any".encode()).decode()}


@pytest.fixture
def radicale(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--storage-filesystem-folder",
            str(tmp_path / "collections"),
            "--logging-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                request(base + "/", "GET")
                break
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.1)
        else:
            pytest.fail("Radicale did not start: " + server.stdout.read1().decode())
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def request(url, method, body=None, content_type=None):
    headers = dict(AUTH, **({"Content-Type": content_type} if content_type else {}))
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def one_event_calendars(calendar):
    """Each VEVENT in a VCALENDAR of its own, with the VTIMEZONEs it needs."""
    zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        single = Calendar()
        for name in ("prodid", "version"):
            single.add(name, calendar[name])
        used = {
            p.params["TZID"]
            for p in (event.get("dtstart"), event.get("dtend"))
            if p is not None and "TZID" in p.params
        }
        for tzid in sorted(used):
            single.add_component(zones[tzid])
        single.add_component(event)
        yield str(event["uid"]), single.to_ical()


def times(calendar):
    return {
        str(e["uid"]): (e.start, e.end, str(e["summary"]), e.get("status"), len(e.walk("VALARM")))
        for e in calendar.walk("VEVENT")
    }


@pytest.mark.parametrize("name", ["events.ics", "calls.ics"])
def test_every_vevent_is_stored_and_read_back_unchanged(radicale, published, name):
    ours = Calendar.from_ical((published / name).read_bytes())
    collection = f"{radicale}/{USER}/{name.split('.')[0]}/"
    status, body = request(collection, "MKCALENDAR")
    assert status == 201, body
    for uid, data in one_event_calendars(ours):
        status, body = request(
            collection + uid.replace("@", "_") + ".ics", "PUT", data, "text/calendar; charset=utf-8"
        )
        assert status == 201, (uid, body)
    status, body = request(collection, "GET")
    assert status == 200
    stored = Calendar.from_ical(body)
    assert times(stored) == times(ours)
    assert {str(tz["tzid"]) for tz in stored.walk("VTIMEZONE")} == {
        str(tz["tzid"]) for tz in ours.walk("VTIMEZONE")
    }


def test_a_calendar_query_finds_the_upcoming_deadlines(radicale, published):
    ours = Calendar.from_ical((published / "calls.ics").read_bytes())
    collection = f"{radicale}/{USER}/calls/"
    assert request(collection, "MKCALENDAR")[0] == 201
    for uid, data in one_event_calendars(ours):
        request(collection + uid.replace("@", "_") + ".ics", "PUT", data, "text/calendar")
    query = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20261201T000000Z" end="20270201T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
    status, body = request(collection, "REPORT", query, "application/xml")
    assert status == 207, body
    found = set()
    for data in etree.fromstring(body).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
        found |= {str(e["uid"]) for e in Calendar.from_ical(data.text).walk("VEVENT")}
    # December 2026 and January 2027: the Brussels cut-offs of the 15th and the 20th,
    # and Innovation Norway's 1 December one.
    assert found == {
        "call-single-deadline-0@clusterfeeds",
        "call-several-deadline-1@clusterfeeds",
        "call-closed-early-deadline-0@clusterfeeds",
    }
