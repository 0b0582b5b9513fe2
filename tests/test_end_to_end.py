"""The whole chain over loopback: replay server → Scrapy → pipelines → SQLite →
feeds, checked against the database with real feed and calendar parsers."""

import json
import subprocess
import sys
import textwrap

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from aggregator import db as database
from aggregator.replay import ReplayServer
from aggregator.sources import all_sources
from feeds.publish import publish

CRAWL = textwrap.dedent("""
    import json, sys
    from datetime import date
    from pathlib import Path
    from aggregator.runner import CrawlJob, crawl
    job = CrawlJob(db=Path(sys.argv[1]), as_of=date.fromisoformat(sys.argv[2]),
                   replay_address=sys.argv[3])
    print(json.dumps(crawl(job)))
""")


def crawl_over_loopback(server, db_path, as_of):
    out = subprocess.run([sys.executable, "-c", CRAWL, str(db_path), as_of.isoformat(),
                          server.address], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def run(tmp_path_factory, snapshot):
    tmp = tmp_path_factory.mktemp("e2e")
    db_path = tmp / "e2e.db"
    with ReplayServer(snapshot) as server:
        first = crawl_over_loopback(server, db_path, snapshot.captured)
        served = list(server.requests)
        served_first = len(server.requests)
        second = crawl_over_loopback(server, db_path, snapshot.captured)
        served_again = server.requests[served_first:]
    db = database.connect(db_path)
    written = publish(db, tmp / "public", as_of=snapshot.captured,
                      base_url="https://feeds.example.org/")
    return {"db": db, "first": first, "second": second, "served": served,
            "served_again": served_again,
            "public": tmp / "public", "written": written}


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
    return crawl["items"] - run["db"].execute(
        "select count(*) from items where source = ?", [crawl["source"]]).fetchone()[0]


def test_the_crawl_met_no_missing_page(run):
    missing = [target for _, target, status, _ in run["served"] if status == 404
               and not target.endswith("/robots.txt")]
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


def test_rss_feeds_parse_and_hold_exactly_the_database(run):
    db = run["db"]
    for kind, name in (("event", "events.rss"), ("call", "calls.rss")):
        feed = feedparser.parse((run["public"] / name).read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        stored = {row[0] for row in db.execute("select id from items where kind = ?", [kind])}
        assert {entry.id for entry in feed.entries} == stored
        assert stored, f"no {kind} at all"


def test_calendars_parse_and_hold_every_event_and_deadline(run):
    db = run["db"]
    events = icalendar.Calendar.from_ical((run["public"] / "events.ics").read_bytes())
    stored_events = db.execute("select count(*) from items where kind = 'event' "
                               "and start is not null").fetchone()[0]
    assert len(events.walk("VEVENT")) == stored_events
    calls = icalendar.Calendar.from_ical((run["public"] / "calls.ics").read_bytes())
    cut_offs = sum(len(database.decode_item(row)["deadlines"])
                   for row in db.query("select deadlines from items where kind = 'call'"))
    assert len(calls.walk("VEVENT")) == cut_offs > 0


def test_the_page_lists_upcoming_events_and_open_calls(run):
    page = " ".join(BeautifulSoup((run["public"] / "index.html").read_text(), "lxml")
                    .get_text(" ").split())
    listed = list(run["db"].query("select title from items where status in ('upcoming', 'open')"))
    assert listed
    for row in listed:
        assert row["title"] in page
