"""A crawl's outcome is what happened: the store records a crawl stopped before
its end as interrupted, with the reason, and marks complete only a crawl that
can tell an item is gone from its site."""

import sqlite3
from datetime import date

import pytest
from loopback import crawl_over_loopback
from test_pipelines import close_store, crawler_for, stored_item

from core import db as database
from feeds.load import load_entries
from pipelines.store import SQLiteStorePipeline
from spiders.replay.server import Fault, ReplayServer

CALLS = [stored_item(url=f"https://example.org/calls/{n}", title=f"Call {n}") for n in range(10)]


def crawl(tmp_path, items, reason="finished", **stats):
    """One crawl through the store, ended for ``reason``, with these crawl stats;
    its `crawls` row."""
    crawler = crawler_for(tmp_path)
    pipeline = SQLiteStorePipeline(crawler)
    pipeline.open_spider()
    for name, value in stats.items():
        crawler.stats.set_value(f"clusterfeeds/{name}", value)
    for each in items:
        pipeline.process_item(each)
    close_store(crawler, pipeline, reason)
    return list(database.connect(tmp_path / "t.db")["crawls"].rows)[-1]


@pytest.mark.parametrize("reason", ["shutdown", "closespider_timeout", "cancelled"])
def test_a_crawl_stopped_before_its_end_is_interrupted_with_the_reason(tmp_path, reason):
    row = crawl(tmp_path, CALLS, reason)
    assert (row["outcome"], row["complete"]) == ("interrupted", 0)
    assert row["message"] == f"crawl stopped before its end: {reason}"
    assert row["items"] == 10  # what it saw is stored all the same
    assert database.connect(tmp_path / "t.db")["items"].count == 10


def test_only_a_crawl_that_ran_to_its_end_and_walked_everything_is_complete(tmp_path):
    assert crawl(tmp_path, CALLS)["complete"] == 1
    stopped_early = crawl(tmp_path, CALLS[:2], paging_stopped=1)
    assert (stopped_early["outcome"], stopped_early["complete"]) == ("ok", 0)
    lost_a_page = crawl(tmp_path, CALLS, pages_lost=1, problems=1)
    assert (lost_a_page["outcome"], lost_a_page["complete"]) == ("partial", 0)
    assert crawl(tmp_path, [])["complete"] == 0  # failed: nothing found


def test_far_fewer_is_measured_against_the_last_crawl_that_walked_everything(tmp_path):
    crawl(tmp_path, CALLS)
    # Stopped paging at known entries: few items on purpose, and ok.
    assert crawl(tmp_path, CALLS[:2], paging_stopped=1)["outcome"] == "ok"
    # A whole walk that finds 3 of the 10 has failed, though 3 > 2.
    row = crawl(tmp_path, CALLS[:3])
    assert row["outcome"] == "failed"
    assert row["message"] == "3 items, far fewer than the 10 of the last good run"


@pytest.mark.parametrize(
    "left_behind",
    [
        {"outcome": "running"},  # a crawl killed before it closed
        {"outcome": "ok", "complete": 1},  # a row written by hand or an older version
    ],
)
def test_a_last_crawl_row_without_items_does_not_break_the_next(tmp_path, left_behind):
    crawl(tmp_path, CALLS)
    database.connect(tmp_path / "t.db")["crawls"].insert(
        {"source": "example", "started": "2026-11-16T05:00:00+00:00", **left_behind}
    )
    row = crawl(tmp_path, CALLS[:3])
    # Closed and judged against the last crawl that counted its items.
    assert (row["outcome"], row["items"]) == ("failed", 3)
    assert "far fewer than the 10" in row["message"]
    assert crawl(tmp_path, CALLS)["outcome"] == "ok"


def test_a_full_disk_while_storing_interrupts_the_crawl_and_keeps_its_batch_whole(tmp_path):
    crawl(tmp_path, CALLS[:1])
    crawler = crawler_for(tmp_path)
    pipeline = SQLiteStorePipeline(crawler)
    pipeline.open_spider()
    # Room for a page or two more, not for the batch: SQLite's own "disk is full".
    pages = pipeline.db.execute("pragma page_count").fetchone()[0]
    pipeline.db.execute(f"pragma max_page_count = {pages + 2}")
    for each in CALLS:
        pipeline.process_item({**each, "summary": "A long description. " * 200})
    close_store(crawler, pipeline)
    db = database.connect(tmp_path / "t.db")
    row = list(db["crawls"].rows)[-1]
    assert (row["outcome"], row["complete"]) == ("interrupted", 0)
    assert row["message"] == "database error while storing: database or disk is full"
    # The batch went in whole or not at all: the one stored call is as it was.
    assert db["items"].count == 1
    assert next(db["items"].rows)["summary"] is None


def test_a_database_locked_past_the_timeout_is_reported_though_nothing_could_be_written(tmp_path):
    crawler = crawler_for(tmp_path)
    pipeline = SQLiteStorePipeline(crawler)
    pipeline.open_spider()
    pipeline.db.execute("pragma busy_timeout = 50")
    for each in CALLS:
        pipeline.process_item(each)
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    other.execute("begin immediate")  # another process writing, and holding on
    try:
        close_store(crawler, pipeline)
    finally:
        other.execute("rollback")
    # Neither the items nor the outcome could be written: the crawl's stats
    # say what happened (the runner reports them), the row stays `running`.
    assert crawler.stats.get_value("clusterfeeds/outcome") == "interrupted"
    assert (
        crawler.stats.get_value("clusterfeeds/message") == "database error while storing: database is locked"
    )
    db = database.connect(tmp_path / "t.db")
    assert next(db["crawls"].rows)["outcome"] == "running"
    assert db["items"].count == 0


# --- over the snapshot ----------------------------------------------------------

INNOVASJONNORGE_EVENT = (
    "https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/"
    "webinar-green-industry-innovation-romania-how-to-apply/"
)
FAST_FAILURE = {"RETRY_TIMES": 1, "RETRY_BACKOFF_BASE": 0.2}


def gone(db_path):
    """The URLs of the entries the feeds show as no longer listed."""
    return {
        entry.url
        for entry in load_entries(database.connect(db_path), date.today()).entries
        if entry.gone_since
    }


def test_a_crawl_that_stopped_paging_at_known_entries_cancels_nothing(tmp_path, snapshot):
    db_path = tmp_path / "cf.db"
    with ReplayServer(snapshot) as server:
        first = crawl_over_loopback(server, db_path, snapshot.captured, ["eccp"])
        again = crawl_over_loopback(server, db_path, snapshot.captured, ["eccp"])
    assert first[0]["complete"] == 1
    # Its newest-first listings begin with known entries: it stops there and
    # never sees the older ones again, which are still on the site.
    assert again[0]["items"] < first[0]["items"]
    assert (again[0]["outcome"], again[0]["complete"]) == ("ok", 0)
    assert gone(db_path) == set()


def test_a_page_that_failed_or_went_blank_cancels_nothing_a_page_gone_for_good_does(tmp_path, snapshot):
    db_path = tmp_path / "cf.db"
    with ReplayServer(snapshot) as server:
        crawl_over_loopback(server, db_path, snapshot.captured, ["innovasjonnorge"])
        server.inject(INNOVASJONNORGE_EVENT, Fault(status=503))
        failed = crawl_over_loopback(server, db_path, snapshot.captured, ["innovasjonnorge"], **FAST_FAILURE)
        assert (failed[0]["outcome"], failed[0]["complete"]) == ("partial", 0)
        assert gone(db_path) == set()
        # A maintenance page answered with 200 in place of the event's page.
        server.inject(
            INNOVASJONNORGE_EVENT,
            Fault(body=b"<html><body><h1>Maintenance</h1><p>Back soon.</p></body></html>"),
        )
        blank = crawl_over_loopback(server, db_path, snapshot.captured, ["innovasjonnorge"])
        assert (blank[0]["outcome"], blank[0]["complete"]) == ("partial", 0)
        assert gone(db_path) == set()
        server.inject(INNOVASJONNORGE_EVENT, Fault(status=404))
        removed = crawl_over_loopback(server, db_path, snapshot.captured, ["innovasjonnorge"])
    assert (removed[0]["outcome"], removed[0]["complete"]) == ("partial", 1)
    assert gone(db_path) == {INNOVASJONNORGE_EVENT}
