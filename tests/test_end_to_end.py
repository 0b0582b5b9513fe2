"""The whole chain over loopback: replay server → Scrapy → pipelines → SQLite →
feeds, checked against the database with real feed and calendar parsers."""

import json

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from loopback import crawl_over_loopback

from core import db as database
from feeds.catalog import CALENDAR_HISTORY
from feeds.publish import publish
from spiders.registry import all_sources
from spiders.replay.server import ReplayServer


@pytest.fixture(scope="module")
def run(tmp_path_factory, snapshot):
    tmp = tmp_path_factory.mktemp("e2e")
    db_path = tmp / "e2e.db"
    with ReplayServer(snapshot) as server:
        first = crawl_over_loopback(server, db_path, snapshot.captured)
        served = list(server.requests)
        second = crawl_over_loopback(server, db_path, snapshot.captured)
        served_again = server.requests[len(served) :]
    db = database.connect(db_path)
    published = publish(db, tmp / "public", as_of=snapshot.captured, base_url="https://feeds.example.org/")
    return {
        "db": db,
        "first": first,
        "second": second,
        "served": served,
        "served_again": served_again,
        "as_of": snapshot.captured,
        "public": tmp / "public",
        "published": published,
    }


def test_every_source_crawled_and_stored_items(run):
    sources = {spider.name for spider in all_sources()}
    assert {c["source"] for c in run["first"]} == sources
    for crawl in run["first"]:
        assert crawl["outcome"] == "ok", crawl
        assert crawl["items"] > 0 and crawl["new"] == crawl["items"] - _duplicates(run, crawl)
    counts = dict(run["db"].execute("select source, count(*) from items group by source").fetchall())
    assert set(counts) == sources


def _duplicates(run, crawl):
    # Items reported twice within one crawl (the same page reached twice) are one row.
    return (
        crawl["items"]
        - run["db"].execute("select count(*) from items where source = ?", [crawl["source"]]).fetchone()[0]
    )


def test_the_crawl_met_no_missing_page(run):
    missing = [
        target
        for _, target, status, _ in run["served"]
        if status == 404 and not target.endswith("/robots.txt")
    ]
    assert missing == []


def test_a_second_run_adds_nothing_and_changes_nothing(run):
    for crawl in run["second"]:
        assert (crawl["new"], crawl["changed"]) == (0, 0), crawl
    ids = [row[0] for row in run["db"].execute("select id from items")]
    assert len(ids) == len(set(ids))


def test_a_second_run_downloads_no_unchanged_page_body(run):
    statuses = {status for _, _, status, _ in run["served_again"]}
    assert statuses == {304}
    assert sum(size for *_, size in run["served_again"]) == 0


def test_stored_dates_carry_their_zone(run):
    for row in run["db"].query("select * from items where start is not null"):
        assert row["timezone"], row["id"]
        if row["all_day"]:
            assert len(row["start"]) == 10, row
        else:
            assert row["start"][19:] and row["start"][19] in "+-", row


ENTRY = "coalesce(entry_id, id)"


def entry_ids(db, where, args=()):
    return {row[0] for row in db.execute(f"select distinct {ENTRY} from items where {where}", args)}


def test_feeds_parse_and_hold_one_entry_per_thing(run):
    db, as_of = run["db"], run["as_of"].isoformat()
    for kind, name in (("event", "events"), ("call", "calls")):
        for extension in ("rss", "atom"):
            feed = feedparser.parse((run["public"] / f"{name}.{extension}").read_bytes())
            assert feed.bozo == 0, feed.get("bozo_exception")
            ids = [entry.id.rsplit(":", 1)[-1] for entry in feed.entries]
            assert len(ids) == len(set(ids)), f"{name}.{extension} repeats an entry"
            assert set(ids) <= entry_ids(db, "kind = ?", [kind])
        items = json.loads((run["public"] / f"{name}.json").read_bytes())["items"]
        assert len(items) == len({item["id"] for item in items}), f"{name}.json repeats an entry"
    upcoming = entry_ids(db, "kind = 'event' and substr(coalesce(end, start), 1, 10) >= ?", [as_of])
    # Not closed or cancelled by its page, a deadline ahead: open or forthcoming.
    open_calls = entry_ids(
        db,
        "kind = 'call' and coalesce(status, '') not in ('closed', 'cancelled') "
        "and substr(deadline, 1, 10) >= ?",
        [as_of],
    )
    assert upcoming and open_calls
    events = feedparser.parse((run["public"] / "events.rss").read_bytes())
    assert {entry.id.rsplit(":", 1)[-1] for entry in events.entries} == upcoming
    calls = feedparser.parse((run["public"] / "calls.rss").read_bytes())
    assert open_calls <= {entry.id.rsplit(":", 1)[-1] for entry in calls.entries}


def test_calendars_parse_and_hold_every_event_and_deadline_once(run):
    db = run["db"]
    events = icalendar.Calendar.from_ical((run["public"] / "events.ics").read_bytes())
    uids = [str(e["uid"]) for e in events.walk("VEVENT")]
    since = (run["as_of"] - CALENDAR_HISTORY).isoformat()
    dated = entry_ids(
        db, "kind = 'event' and start is not null and substr(coalesce(end, start), 1, 10) >= ?", [since]
    )
    assert sorted(uids) == sorted(f"{entry}@clusterfeeds" for entry in dated)
    calls = icalendar.Calendar.from_ical((run["public"] / "calls.ics").read_bytes())
    uids = [str(e["uid"]) for e in calls.walk("VEVENT")]
    assert len(uids) == len(set(uids)) > 0
    assert {uid.split("-deadline-")[0] for uid in uids} <= entry_ids(db, "kind = 'call'")
    assert calls.get_missing_tzids() == set() and events.get_missing_tzids() == set()


def test_the_page_lists_upcoming_events_and_open_calls(run):
    page = " ".join(BeautifulSoup((run["public"] / "index.html").read_text(), "lxml").get_text(" ").split())
    # Upcoming events and open calls: the page's words, else the dates, as of the run's day.
    as_of = run["as_of"].isoformat()
    listed = list(
        run["db"].query(
            f"select {ENTRY} as entry, group_concat(title, '\n') as titles from items where status is null "
            "and ((kind = 'event' and substr(coalesce(end, start), 1, 10) >= :as_of) or (kind = 'call' "
            "and substr(deadline, 1, 10) >= :as_of and substr(coalesce(opens, ''), 1, 10) <= :as_of)) "
            "group by entry",
            {"as_of": as_of},
        )
    )
    assert listed
    for row in listed:
        assert any(title in page for title in row["titles"].split("\n")), row
