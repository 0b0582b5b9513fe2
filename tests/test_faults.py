"""Faults and bad input with nothing lost: after a good crawl, a second crawl
meets a broken site; every fault is reported with its source and URL, the
other source is unaffected, stored items stay as they were, feeds stay valid."""

from collections import Counter

import feedparser
import icalendar
import pytest
from loopback import crawl_over_loopback

from core import db as database
from feeds.publish import publish
from spiders.replay.server import Fault, ReplayServer

ECCP = "https://www.clustercollaboration.eu"
REDESIGNED = b"""<!DOCTYPE html><html><head><title>Events</title></head><body>
<div class="app-shell"><nav><a href="/">Home</a></nav><main><h1>Events</h1>
<p>Our new event calendar is loading\xe2\x80\xa6</p></main>
<footer>\xc2\xa9 2026 European Commission</footer></div></body></html>"""
DATES_UNREADABLE = f"{ECCP}/event-calendar/eu-cluster-days-vienna-2026"
FAULTS = {
    f"{ECCP}/event-calendar/cluster-meets-regions-lower-silesia": (Fault(status=500), "HTTP 500"),
    f"{ECCP}/event-calendar/eu-cluster-week-2027-launch-event": (Fault(status=503), "HTTP 503"),
    f"{ECCP}/event-calendar/european-cluster-conference-2027": (Fault(delay=3), "TimeoutError"),
    f"{ECCP}/content/euroclusters-open-call-ukrainian-smes-2024": (Fault(reset=True), ""),
    f"{ECCP}/content/interreg-europe-fifth-call-project-proposals": (Fault(truncate=300), ""),
    f"{ECCP}/news/eccp-user-survey-2023-results": (
        Fault(redirect=f"{ECCP}/news/eccp-user-survey-2023"),
        "redirect loop",
    ),
    f"{ECCP}/news/eccp-user-survey-2023": (
        Fault(redirect=f"{ECCP}/news/eccp-user-survey-2023-results"),
        None,
    ),
    f"{ECCP}/community-news/silicon-saxony-cluster-month-semiconductor-skills": (
        Fault(body=b"<html><body>" + b"x" * 600_000 + b"</body></html>"),
        "size",
    ),
}
FAST_FAILURE = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 1,
    "RETRY_BACKOFF_BASE": 0.2,
    "DOWNLOAD_MAXSIZE": 500_000,
    "REDIRECT_MAX_TIMES": 3,
}


def stored(db):
    return {row["id"]: row for row in db.query("select * from items")}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory, snapshot):
    tmp = tmp_path_factory.mktemp("faults")
    db_path = tmp / "faults.db"
    sources = ["eccp", "innovasjonnorge"]
    with ReplayServer(snapshot) as server:
        crawl_over_loopback(server, db_path, snapshot.captured, sources)
        before = stored(database.connect(db_path))
        publish(database.connect(db_path), tmp / "public", as_of=snapshot.captured)
        for url, (fault, _) in FAULTS.items():
            server.inject(url, fault)
        page = snapshot.read(DATES_UNREADABLE)
        server.inject(
            DATES_UNREADABLE,
            Fault(
                body=page.replace(">22 September 2026<", ">To be confirmed<")
                .replace(">23 September 2026<", ">31 February 2026<")
                .encode()
            ),
        )
        served = len(server.requests)
        crawls = crawl_over_loopback(server, db_path, snapshot.captured, sources, **FAST_FAILURE)
        attempts = Counter(target for _, target, _, _ in server.requests[served:])
        # The site redesigned: its listings no longer list anything.
        server.inject(f"{ECCP}/event-calendar", Fault(body=REDESIGNED))
        server.inject(f"{ECCP}/search-results?type=eccp_calls&page=0", Fault(body=REDESIGNED))
        server.inject(f"{ECCP}/news", Fault(body=REDESIGNED))
        redesigned = crawl_over_loopback(server, db_path, snapshot.captured, ["eccp"], **FAST_FAILURE)
    db = database.connect(db_path)
    publish(db, tmp / "public", as_of=snapshot.captured)
    return {
        "db": db,
        "before": before,
        "crawls": {c["source"]: c for c in crawls},
        "attempts": {f"https://{target.lstrip('/')}": n for target, n in attempts.items()},
        "redesigned": redesigned[0],
        "public": tmp / "public",
    }


@pytest.mark.parametrize("url", [url for url, (_, said) in FAULTS.items() if said is not None])
def test_each_fault_is_reported_with_source_url_and_what_went_wrong(faulty, url):
    crawl_id = faulty["crawls"]["eccp"]["id"]
    problems = list(
        faulty["db"].query("select * from problems where crawl_id = ? and url = ?", [crawl_id, url])
    )
    assert problems, f"no problem recorded for {url}"
    assert all(p["source"] == "eccp" for p in problems)
    expected = FAULTS[url][1]
    assert any(expected.lower() in p["message"].lower() for p in problems), problems


def test_failed_pages_were_tried_again_once(faulty):
    for url in (
        f"{ECCP}/event-calendar/cluster-meets-regions-lower-silesia",
        f"{ECCP}/event-calendar/eu-cluster-week-2027-launch-event",
    ):
        assert faulty["attempts"][url] == 2


def test_the_faulty_source_is_partial_and_the_other_source_unaffected(faulty):
    assert faulty["crawls"]["eccp"]["outcome"] == "partial"
    assert faulty["crawls"]["eccp"]["errors"] >= len(FAULTS) - 1
    other = faulty["crawls"]["innovasjonnorge"]
    assert (other["outcome"], other["errors"], other["new"], other["changed"]) == ("ok", 0, 0, 0)


def test_no_stored_item_is_lost_or_altered(faulty):
    after = stored(faulty["db"])
    assert set(after) == set(faulty["before"])
    for id, row in faulty["before"].items():
        if row["url"] != DATES_UNREADABLE:
            assert after[id]["content_hash"] == row["content_hash"], row["url"]


def test_unreadable_dates_are_reported_and_the_stored_dates_kept(faulty):
    problems = {
        p["field"]: p["message"]
        for p in faulty["db"].query("select * from problems where url = ?", [DATES_UNREADABLE])
    }
    assert "To be confirmed" in problems["start_text"]
    assert "31 February 2026" in problems["end_text"]
    before = [r for r in faulty["before"].values() if r["url"] == DATES_UNREADABLE][0]
    after = stored(faulty["db"])[before["id"]]
    assert (after["start"], after["end"]) == (before["start"], before["end"]) == ("2026-09-22", "2026-09-23")
    assert after["start_text"] == "Start: To be confirmed"


def test_a_redesign_that_lists_nothing_fails_the_source_and_keeps_its_items(faulty):
    assert faulty["redesigned"]["outcome"] == "failed"
    message = faulty["redesigned"]["message"]
    assert message == "no items found" or "far fewer than" in message
    assert set(stored(faulty["db"])) == set(faulty["before"])


def test_the_feeds_stay_valid_and_whole(faulty):
    db = faulty["db"]
    events = db.execute("select count(*) from items where kind = 'event'").fetchone()[0]
    feed = feedparser.parse((faulty["public"] / "events.rss").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) > 0
    assert len({e.id for e in feed.entries}) <= events
    icalendar.Calendar.from_ical((faulty["public"] / "calls.ics").read_bytes())
