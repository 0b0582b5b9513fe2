"""`clusterfeeds browse`: the database in Datasette, with facets, canned queries,
and calendars and Atom feeds of queries, served on loopback."""

import json
import subprocess
import sys
import time
import urllib.request
from datetime import date

import feedparser
import icalendar
import pytest
from chromium import CHROMEDRIVER, CHROMIUM, chromium
from loopback import free_port

from aggregator.browse import QUERIES, metadata
from core.db import connect

AS_OF = date(2026, 11, 16)
SEEN = "2026-11-01T06:00:00+00:00"


def item(id, kind, title, **fields):
    return {
        "id": id,
        "kind": kind,
        "title": title,
        "source": fields.pop("source", "eccp"),
        "url": f"https://www.clustercollaboration.eu/content/{id}",
        "country": fields.pop("country", "EU"),
        "language": "en",
        "all_day": fields.pop("all_day", 1),
        "timezone": fields.pop("timezone", "Europe/Brussels"),
        "first_seen": SEEN,
        "updated": fields.pop("updated", SEEN),
        "topics": json.dumps(fields.pop("topics", [])),
        **fields,
    }


def cutoffs(*days):
    return json.dumps([{"at": day, "all_day": True, "approximate": False, "text": day} for day in days])


ROWS = [
    item(
        "call-soon",
        "call",
        "Vouchers for SMEs",
        deadline="2026-12-01",
        deadlines=cutoffs("2026-12-01"),
        source="parp",
        country="PL",
        timezone="Europe/Warsaw",
        topics=["digital"],
    ),
    item(
        "call-later",
        "call",
        "Green transition call",
        deadline="2027-02-10",
        deadlines=cutoffs("2027-02-10"),
        topics=["green"],
    ),
    item(
        "call-cancelled",
        "call",
        "Withdrawn call",
        deadline="2026-11-30",
        deadlines=cutoffs("2026-11-30"),
        status="cancelled",
    ),
    item(
        "ev-kaunas",
        "event",
        "Cluster forum",
        start="2026-12-03",
        end="2026-12-04",
        venue_country="LT",
        venue_city="Kaunas",
        source="mita",
        country="LT",
        timezone="Europe/Vilnius",
    ),
    item(
        "ev-oslo",
        "event",
        "Matchmaking day",
        start="2026-12-10T09:00:00+01:00",
        all_day=0,
        venue_country="NO",
        source="innovasjonnorge",
        country="NO",
        timezone="Europe/Oslo",
    ),
    item("ev-january", "event", "New year conference", start="2027-01-12"),
]
CHANGES = [
    {
        "item_id": "call-later",
        "at": "2026-11-13T10:00:00+00:00",
        "field": "deadline",
        "old": "2027-01-31",
        "new": "2027-02-10",
    },
    {
        "item_id": "ev-kaunas",
        "at": "2026-10-01T10:00:00+00:00",
        "field": "title",
        "old": "Forum",
        "new": "Cluster forum",
    },
]


@pytest.fixture(scope="module")
def browsed(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("browse") / "cf.db"
    db = connect(db_path)
    db["items"].insert_all(ROWS)
    db["changes"].insert_all(CHANGES)
    db.close()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aggregator.cli",
            "browse",
            "--db",
            str(db_path),
            "--port",
            str(port),
            "--as-of",
            AS_OF.isoformat(),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/cf"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + ".json", timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"browse exited: {server.stderr.read()}")
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get_content_type(), response.read()


def rows_of(url):
    _, body = get(url + ("&" if "?" in url else "?") + "_shape=objects")
    return json.loads(body)["rows"]


def test_the_canned_queries_count_from_the_as_of_day_when_given():
    queries = metadata("cf", AS_OF)["databases"]["cf"]["queries"]
    assert set(queries) == set(QUERIES)
    assert all("'now'" not in query["sql"] for query in queries.values())
    assert "'now'" in metadata("cf")["databases"]["cf"]["queries"]["calls_closing_soon"]["sql"]


def test_calls_closing_within_30_days_leave_out_later_and_cancelled_ones(browsed):
    assert [row["id"] for row in rows_of(f"{browsed}/calls_closing_soon.json")] == ["call-soon"]


def test_next_month_s_events_by_venue_country(browsed):
    every = rows_of(f"{browsed}/events_next_month.json?country=")
    assert [row["id"] for row in every] == ["ev-kaunas", "ev-oslo"]  # LT before NO; January is not next month
    assert [row["id"] for row in rows_of(f"{browsed}/events_next_month.json?country=no")] == ["ev-oslo"]


def test_this_week_s_changes_and_not_older_ones(browsed):
    changed = rows_of(f"{browsed}/changed_this_week.json")
    assert [(row["title"], row["field"], row["new"]) for row in changed] == [
        ("Green transition call", "deadline", "2027-02-10")
    ]


def test_items_are_faceted_by_source_kind_status_venue_country_and_topic(browsed):
    _, body = get(f"{browsed}/items.json")
    facets = json.loads(body)["facet_results"]
    assert {"source", "kind", "status", "venue_country", "topics"} <= set(facets)
    topics = {value["value"]: value["count"] for value in facets["topics"]["results"]}
    assert topics == {"digital": 1, "green": 1}


def test_a_query_s_calendar_has_all_day_dates_and_zoned_times(browsed):
    kind, body = get(f"{browsed}/items.ics?kind=event")
    assert kind == "text/calendar"
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}
    assert set(events) == {"ev-kaunas@clusterfeeds", "ev-oslo@clusterfeeds", "ev-january@clusterfeeds"}
    assert events["ev-kaunas@clusterfeeds"].decoded("DTSTART") == date(2026, 12, 3)  # all-day, not midnight
    oslo = events["ev-oslo@clusterfeeds"].decoded("DTSTART")
    assert (oslo.isoformat(), str(oslo.tzinfo)) == ("2026-12-10T09:00:00+01:00", "Europe/Oslo")


def test_the_calls_query_as_a_calendar_gives_their_cut_offs(browsed):
    _, body = get(f"{browsed}/calls_closing_soon.ics")
    [cutoff] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert cutoff.decoded("DTSTART") == date(2026, 12, 1) and "Vouchers for SMEs" in str(cutoff["SUMMARY"])


def test_the_calls_query_as_an_atom_feed(browsed):
    _, body = get(f"{browsed}/calls_closing_soon.atom")
    feed = feedparser.parse(body)
    assert feed.bozo == 0
    assert [entry.link for entry in feed.entries] == ["https://www.clustercollaboration.eu/content/call-soon"]


def test_browse_refuses_a_missing_database(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "aggregator.cli", "browse", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "no database at" in out.stderr


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("headless Chromium not installed (apt-get install chromium chromium-driver)")
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.mark.browser
def test_in_a_browser_a_facet_filters_the_items(browser, browsed):
    from selenium.webdriver.common.by import By

    browser.get(f"{browsed}/items")
    facets = {f.get_attribute("data-column") for f in browser.find_elements(By.CSS_SELECTOR, ".facet-info")}
    assert {"source", "kind", "status", "venue_country", "topics"} <= facets
    browser.find_element(By.CSS_SELECTOR, '.facet-info[data-column="kind"] a[href*="kind=call"]').click()
    assert {cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "td.col-kind")} == {"call"}


@pytest.mark.browser
def test_in_a_browser_a_canned_query_offers_its_calendar_and_atom_feed(browser, browsed):
    from selenium.webdriver.common.by import By

    browser.get(f"{browsed}/calls_closing_soon")
    assert "Calls closing within 30 days" in browser.find_element(By.TAG_NAME, "h1").text
    links = {
        a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".export-links a")
    }
    assert links["ics"].split("?")[0].endswith("/calls_closing_soon.ics")
    assert links["atom"].split("?")[0].endswith("/calls_closing_soon.atom")
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == []
